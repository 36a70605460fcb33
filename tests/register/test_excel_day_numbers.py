"""A date column that lost its Excel date format on the way to CSV holds day numbers (45292):
they are read as dates; a bare year is not."""
from __future__ import annotations

import datetime as dt


from eligibility.api import load_rules
from eligibility.register import read_register


def write(folder, born: str) -> None:
    (folder / "households.csv").write_text("household_id,commune\nH1,Bum Tở\n", encoding="utf-8")
    (folder / "members.csv").write_text(f"person_id,household_id,date_of_birth\nP1,H1,{born}\n", encoding="utf-8")


def test_an_excel_day_number_is_read_as_its_date(tmp_path):
    write(tmp_path, "45292")
    register = read_register(tmp_path, load_rules().inputs, dt.date(2025, 11, 15))
    assert register.rejects.empty
    assert register.members["date_of_birth"].iloc[0] == dt.datetime(2024, 1, 1)


def test_a_bare_year_is_a_year_of_birth_not_a_day_number(tmp_path):
    write(tmp_path, "1985")
    register = read_register(tmp_path, load_rules().inputs, dt.date(2025, 11, 15))
    assert not len(register.rejects)
    members = register.members
    assert members["date_of_birth"].iloc[0] == dt.datetime(1985, 1, 1)            # the interval's first day
    assert members["date_of_birth__latest"].iloc[0] == dt.datetime(1985, 12, 31)  # and its last
    assert any("known only to the year or month" in w for w in register.warnings)
