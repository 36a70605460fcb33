"""Fixtures for the rule-pack tests: `make_pack` builds `fixtures/_base` + one broken fixture in tmp_path."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rulebook_support import BASE, FIXTURES, patch_file


@pytest.fixture
def make_pack(tmp_path):
    """make_pack(fixture=None, patches={rel_path: [(old, new), ...]}, files={rel_path: text}) -> pack folder."""
    counter = iter(range(1000))

    def build(fixture: str | None = None, patches: dict | None = None, files: dict | None = None) -> Path:
        pack = tmp_path / f"pack{next(counter)}" / "rules"
        shutil.copytree(BASE, pack)
        if fixture:
            shutil.copytree(FIXTURES / fixture, pack, dirs_exist_ok=True)
        for rel, text in (files or {}).items():
            (pack / rel).parent.mkdir(parents=True, exist_ok=True)
            (pack / rel).write_text(text, encoding="utf-8")
        for rel, subs in (patches or {}).items():
            for old, new in subs:
                patch_file(pack / rel, old, new)
        return pack

    return build



@pytest.fixture
def cache_root(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own (ELIGIBILITY_CACHE_DIR): the rule and plan caches' tests start empty."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", str(folder))
    return folder
