"""Periods the pack does not encode: `undetermined` with "period not encoded", never `not_eligible`.

Every benefit of the bundled pack declares the dates its rules encode. Before them the pack does not
know the law, so nobody may be reported not eligible (and nobody enrolled becomes leakage); a benefit
that depends on it (`eligible('x')`) is unknown too. Both engines agree.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from durable_helpers import assert_same_decisions
from eligibility import load_rules, screen_register

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

DEMO = Path(__file__).resolve().parents[2] / "sample_households" / "demo"


def test_every_bundled_benefit_declares_its_period():
    plan = load_rules()
    missing = [b.id for b in plan.benefits.values() if b.period[0] is None]
    assert not missing, f"benefits without `period: {{from: ...}}`: {missing}"


@pytest.mark.parametrize("day", [dt.date(2015, 6, 1), dt.date(2016, 6, 1), dt.date(2019, 6, 1)])
def test_no_not_eligible_and_no_leakage_outside_a_benefits_period(day, demo_screened):
    result = demo_screened(day, include_all=True)
    rows = result.decisions
    outside = rows["benefit"].astype(str).map(lambda b: not result.plan.benefits[b].encodes(day)).astype(bool)
    if day.year == 2015:
        assert outside.all()      # the pack encodes nothing before 2016
    assert not (outside & (rows["status"] == "not_eligible")).any()
    assert not (outside & (rows["coverage"] == "leakage")).any()
    words = rows.loc[outside, "explanation"].astype(str)
    assert words.str.startswith("period not encoded").all()
    assert (rows.loc[outside, "status"] == "undetermined").all()


def test_the_reason_names_the_period_in_vietnamese():
    day = dt.date(2015, 6, 1)
    rows = screen_register(DEMO, day, include_all=True, lang="vi").decisions
    one = rows[rows["benefit"] == "poverty_list"]["explanation"].astype(str).iloc[0]
    assert one == "chưa mã hoá quy định cho thời kỳ này: quy định của chế độ này áp dụng từ 05/01/2016, không gồm ngày 01/06/2015"


@pytest.mark.parametrize("day", [dt.date(2015, 6, 1), dt.date(2016, 6, 1), dt.date(2019, 6, 1)])
def test_both_engines_agree_outside_and_inside_the_periods(day, demo_screened):
    vec = demo_screened(day, include_all=True)
    dur = screen_register(DEMO, day, include_all=True, engine="durable")
    assert_same_decisions(vec.decisions, dur.decisions, vec.register.households, vec.register.members)
