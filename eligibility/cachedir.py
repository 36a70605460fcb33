"""The user's cache folder for this tool: data kept between runs so that start-up does not redo work
on inputs that have not changed (parsed rule files, the compiled word catalogue).

$ELIGIBILITY_CACHE_DIR, else $XDG_CACHE_HOME/eligibility, else ~/.cache/eligibility;
ELIGIBILITY_CACHE_DIR=off turns every cache off. Each cache keeps data only (never code) under
a hash of its source, and checks an entry before using it.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path


def cache_folder(part: str) -> Path | None:
    """The folder of one cache (`part`: "rules", "words"), or None when caching is off."""
    chosen = os.environ.get("ELIGIBILITY_CACHE_DIR")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen) / part
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eligibility" / part


def read_entry(entry: Path, key: str) -> bytes | None:
    """An entry's payload, or None when it is missing, unreadable or does not check out. An entry is a
    header line (the source's key and the SHA-256 of the payload), then the payload; the hash is
    checked on the bytes as stored."""
    try:
        header, _, payload = entry.read_bytes().partition(b"\n")
        if json.loads(header) != {"source": key, "payload": hashlib.sha256(payload).hexdigest()}:
            return None
    except (OSError, ValueError):
        return None
    return payload


def store_entry(entry: Path, key: str, payload: bytes) -> None:
    """Written whole or not at all (a reader sees the old entry or the new one); a folder that cannot
    be written leaves the work done in memory, as without a cache."""
    header = json.dumps({"source": key, "payload": hashlib.sha256(payload).hexdigest()}).encode()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=entry.parent, suffix=".tmp", delete=False) as out:
            out.write(header + b"\n" + payload)
        os.replace(out.name, entry)
    except OSError:
        pass
