"""The user's cache folder for this tool: data kept between runs so that start-up does not redo work
on inputs that have not changed (parsed rule files, the compiled word catalogue).

$ELIGIBILITY_CACHE_DIR, else $XDG_CACHE_HOME/eligibility, else ~/.cache/eligibility;
ELIGIBILITY_CACHE_DIR=off turns every cache off. Each cache keeps data only (never code) under
a hash of its source, and checks an entry before using it.
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_folder(part: str) -> Path | None:
    """The folder of one cache (`part`: "rules", "words"), or None when caching is off."""
    chosen = os.environ.get("ELIGIBILITY_CACHE_DIR")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen) / part
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eligibility" / part
