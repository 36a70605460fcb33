"""A register read once for two dates (`diff`): each date's reading is the one a fresh read gives."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from register_helpers import DEMO

from eligibility.register import read_register
from eligibility.register.once import ReadOnce

EARLY, LATE = dt.date(2024, 6, 30), dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """The demo register with dates the as-of date decides: a birth after the earlier date (refused
    there, read at the later one), a year of birth this year and a month of death (clipped to each date)."""
    folder = tmp_path_factory.mktemp("once")
    (folder / "households.csv").write_bytes((DEMO / "households.csv").read_bytes())
    members = pd.read_csv(DEMO / "members.csv", dtype=str, keep_default_na=False)
    members.loc[0, "Ngày sinh"] = "15/03/2025"
    members.loc[1, "Ngày sinh"] = "2025"
    members.loc[2, "Ngày mất"] = "06/2024"
    members.to_csv(folder / "members.csv", index=False)
    return folder


def _same(a, b) -> None:
    for table in ("households", "members"):
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table))
    pd.testing.assert_frame_equal(a.rejects, b.rejects)
    pd.testing.assert_frame_equal(a.cell_issues, b.cell_issues)
    assert (a.accounting, a.cell_accounting, a.warnings) == (b.accounting, b.cell_accounting, b.warnings)


@pytest.mark.parametrize("first, second", [(EARLY, LATE), pytest.param(LATE, EARLY, marks=pytest.mark.slow)])
def test_the_second_date_read_once_is_a_fresh_read_of_it(register, schema, first, second):
    once = ReadOnce()
    _same(read_register(register, schema, first, once=once), read_register(register, schema, first))
    _same(read_register(register, schema, second, once=once), read_register(register, schema, second))


def test_the_dates_read_differently_so_the_check_above_is_not_empty(register, schema):
    early, late = read_register(register, schema, EARLY), read_register(register, schema, LATE)
    future = [int((r.cell_issues["code"] == "R-DATE-FUTURE").sum()) for r in (early, late)]
    assert future[0] > future[1]
    assert not early.members.equals(late.members)
