"""Helpers for the rule-pack error tests (imported by the test modules; `make_pack` lives in conftest.py).

A test pack is `fixtures/_base` (a tiny valid pack) copied into tmp_path, with one broken fixture
(`fixtures/<code-ish-name>/`, holding only the files it replaces or adds) laid over it, and
optionally a few textual patches applied on top.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eligibility.errors import RULE_ERROR_CODES, RuleErrors, RuleIssue
from eligibility.rulebook.compile import compile_pack

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE = FIXTURES / "_base"
POLICY = "policies/support/allowance.yaml"
PARAMS = "parameters/support.yaml"


def broken_fixtures() -> list[str]:
    """Every broken fixture pack (each directory of fixtures/ except those starting with '_')."""
    return sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def code_of_fixture(name: str) -> str | None:
    """The error code a fixture directory is named after: the longest code whose lower-case form is
    the name or a prefix of it followed by '-' (`e-name-duplicate-rule-id` -> E-NAME-DUPLICATE)."""
    hits = [c for c in RULE_ERROR_CODES if name == c.lower() or name.startswith(c.lower() + "-")]
    return max(hits, key=len) if hits else None


def patch_file(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must occur exactly once) by `new` in `path`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"patch target {old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def compile_errors(pack: Path) -> list[RuleIssue]:
    """The issues compiling `pack` reports (the compile must fail with RuleErrors, nothing else)."""
    with pytest.raises(RuleErrors) as info:
        compile_pack(pack)
    assert info.value.issues, "RuleErrors raised with no issues"
    return info.value.issues


def rel(issue: RuleIssue, pack: Path) -> str:
    """The issue's file relative to the pack, with '/' separators."""
    return Path(issue.file).resolve().relative_to(pack.resolve()).as_posix()
