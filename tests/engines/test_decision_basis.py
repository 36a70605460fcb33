"""Every decision row carries its legal basis (issue 15): the reference of the rule that decided it —
the paying rule, the first undecided rule, or the closest failed rule (the benefit's own reference
where no rule is in force) — and the parameter values that rule used, each with its start date and
its own reference. Both engines write the same (the differential tests compare every column; here
one run of each on the demo, marked slow)."""
from __future__ import annotations

import datetime as dt

import pytest

from durable_helpers import assert_same_decisions
from eligibility import screen_register
from eligibility.rulebook.basis import benefit_cite

from shared import AS_OF, DEMO


@pytest.fixture(scope="module")
def demo(demo_screened):
    return demo_screened(AS_OF, include_all=True)


@pytest.mark.slow
@pytest.mark.parametrize("day", [dt.date(2015, 6, 1), dt.date(2019, 6, 1), AS_OF])
def test_no_decision_row_lacks_a_reference(day, demo_screened):
    rows = demo_screened(day, include_all=True).decisions
    empty = rows[rows["reference"].astype(str) == ""]
    assert empty.empty, empty[["household_id", "person_id", "benefit", "status"]].head().to_string()


@pytest.mark.slow
def test_a_not_eligible_row_cites_the_rule_it_came_closest_to(demo):
    plan, rows = demo.plan, demo.decisions
    failed = rows[rows["status"] == "not_eligible"]
    checked = 0
    for benefit, label, reference in failed[["benefit", "explanation", "reference"]].astype(str).itertuples(
            index=False):
        rule_label = label.split(" — ")[0]
        rule = next((r for r in plan.benefits[benefit].rules if r.label.en == rule_label and r.in_force(AS_OF)),
                    None)
        if rule is None:
            continue
        assert reference == rule.reference.cite("en"), (benefit, rule.id)
        checked += 1
    assert checked > 100


@pytest.mark.slow
def test_a_leakage_row_has_its_basis(demo):
    leakage = demo.decisions[demo.decisions["coverage"] == "leakage"]
    assert len(leakage) > 0
    hi = leakage[leakage["benefit"] == "hi_state_support"].iloc[0]
    assert str(hi["reference"]).startswith("Law 51/2024/QH15, Art. 12(3)")


@pytest.mark.slow
def test_outside_the_encoded_period_the_benefit_stands_for_the_decision(demo_screened):
    result = demo_screened(dt.date(2015, 6, 1), include_all=True)
    rows = result.decisions
    for benefit, reference in rows[["benefit", "reference"]].astype(str).drop_duplicates().itertuples(index=False):
        assert reference == benefit_cite(result.plan.benefits[benefit], "en")


@pytest.mark.slow
def test_parameter_values_are_named_with_their_dates_and_references(demo):
    rows = demo.decisions
    allowance = rows[(rows["benefit"] == "monthly_social_allowance") & (rows["status"] == "eligible")]
    assert len(allowance) > 0
    values = allowance["parameter_values"].astype(str)
    assert values.str.contains("social_assistance.standard = 500,000 (from 1 Jul 2024; Decree 76/2024/NĐ-CP)",
                               regex=False).all()


def test_parameter_values_in_vietnamese(demo_screened):
    rows = demo_screened(AS_OF, lang="vi").decisions
    allowance = rows[(rows["benefit"] == "monthly_social_allowance") & (rows["status"] == "eligible")]
    assert allowance["parameter_values"].astype(str).str.contains(
        "Mức chuẩn trợ giúp xã hội = 500.000 đồng/tháng (từ 01/07/2024; Nghị định số 76/2024/NĐ-CP)", regex=False).all()
    assert not rows["parameter_values"].astype(str).str.contains(r"[a-z]+_[a-z_]+|\.[a-z]", regex=True).any()


@pytest.mark.slow
def test_a_withheld_value_is_not_listed_as_used(demo_screened):
    rows = demo_screened(dt.date(2026, 8, 1)).decisions
    allowance = rows[rows["benefit"] == "monthly_social_allowance"]
    assert not allowance["parameter_values"].astype(str).str.contains("social_assistance.standard =",
                                                                      regex=False).any()
    assert allowance["unverified"].astype(str).str.contains("Social-assistance standard = 540,000 (D)",
                                                            regex=False).any()


@pytest.mark.slow
def test_both_engines_write_the_same_basis(demo_screened):
    vec = demo_screened(dt.date(2019, 6, 1), include_all=True)
    dur = screen_register(DEMO, dt.date(2019, 6, 1), include_all=True, engine="durable")
    assert_same_decisions(vec.decisions, dur.decisions, vec.register.households, vec.register.members)
