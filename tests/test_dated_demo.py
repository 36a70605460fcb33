"""The demo register through the years (issue 17's dated demo): one register, screened at 2019-06-01,
2022-03-01, 2024-08-01 and 2025-12-01, shows the transitions of the law. Here the 1 July 2025 one, worked by
hand: the Decree 20/2021 allowance for people aged 80+ (Art. 5(5)(c)) gives way to the social pension of Law
41/2024 (500,000 a month, C), so four allowance recipients move to it and four more people gain it."""
from __future__ import annotations

import datetime as dt

import pytest


pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

MOVED = {"DM11-3", "DM14-3", "DM23-1", "DM33-3"}   # 500,000 allowance before, 500,000 social pension after


def eligible(rows, benefit):
    mine = rows[(rows["benefit"] == benefit) & (rows["status"] == "eligible")]
    return dict(zip(mine["person_id"].astype(str), mine["amount"]))


@pytest.fixture(scope="module")
def years(demo_screened):
    return {day: demo_screened(day).decisions
            for day in (dt.date(2019, 6, 1), dt.date(2022, 3, 1), dt.date(2024, 8, 1), dt.date(2025, 12, 1))}


def test_the_social_pension_replaces_the_80_plus_allowance_on_1_july_2025(years):
    before, after = years[dt.date(2024, 8, 1)], years[dt.date(2025, 12, 1)]
    assert eligible(before, "social_pension") == {}
    pension = eligible(after, "social_pension")
    assert len(pension) == 8 and sum(pension.values()) == 8 * 500_000
    allowance_before, allowance_after = eligible(before, "monthly_social_allowance"), eligible(after,
                                                                                            "monthly_social_allowance")
    assert all(allowance_before[p] == 500_000 for p in MOVED)
    assert set(pension) >= MOVED and not MOVED & set(allowance_after)


def test_every_year_is_screened_with_a_legal_basis_on_each_row(years):
    for day, rows in years.items():
        assert len(rows) > 0, day
        assert (rows["reference"].astype(str) != "").all(), day
