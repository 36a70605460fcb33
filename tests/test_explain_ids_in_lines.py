"""`explain`'s look for its members' IDs elsewhere in a CSV members table (register/elsewhere.py): an ID
that holds the household's ID (LC100001-01) is counted in the household's lines the reader picked out,
not in the whole file, and finds what the whole file finds; a duplicated one is still rejected as
`screen` rejects it, whichever household is explained."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eligibility.api import explain_register
from eligibility.register import elsewhere

from shared import AS_OF

DUPLICATE_PERSON = Path(__file__).parent / "fixtures" / "register" / "duplicate_person_id"
RENAMED = (("P01,", "H01-01,"), ("P02,", "H01-02,"), ("P03,", "H02-01,"))   # H03's head is also H01-02


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    """The duplicate-ID register, its person IDs holding their household's ID."""
    folder = tmp_path_factory.mktemp("ids_holding_the_household") / "csv"
    shutil.copytree(DUPLICATE_PERSON, folder)
    text = (folder / "members.csv").read_text(encoding="utf-8")
    for old, new in RENAMED:
        text = text.replace(old, new)
    (folder / "members.csv").write_text(text, encoding="utf-8")
    return folder


def explained(register: Path, household: str) -> tuple[list[str], list[tuple]]:
    data = explain_register(register, household, AS_OF)
    return ([m["person_id"] for m in data["members"]],
            [(m["person_id"], m["row"], m["reason"]) for m in data["rejected_members"]])


def test_an_id_holding_the_households_id_is_counted_in_its_lines_and_found_twice(register, monkeypatch):
    whole: list[Path] = []
    real = elsewhere.file_bytes
    monkeypatch.setattr(elsewhere, "file_bytes", lambda path: whole.append(path) or real(path))
    members, rejected = explained(register, "H01")   # H01-01 and H01-02 hold H01: its lines suffice
    assert whole == []
    assert members == ["H01-01"] and [r[:2] for r in rejected] == [("H01-02", 3)]
    assert "appears 2 times (first at row 3)" in rejected[0][2]
    members, rejected = explained(register, "H03")   # H01-02 does not hold H03: the whole file
    assert whole and members == [] and [r[:2] for r in rejected] == [("H01-02", 5)]
    assert explained(register, "H02") == (["H02-01"], [])


@pytest.mark.parametrize("household", ["H01", "H02", "H03"])
def test_the_households_lines_give_what_the_whole_file_gives(register, household, monkeypatch):
    shortcut = explain_register(register, household, AS_OF)
    monkeypatch.setattr(elsewhere, "household_lines", lambda path, household: None)
    assert explain_register(register, household, AS_OF) == shortcut
