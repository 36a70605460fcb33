"""The vectorised engine's semantics on a small purpose-built pack: Kleene logic, aggregates over
members, household projection, hit policies, validity windows, dated parameters, coverage."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from eligibility import screen_records
from eligibility.api import load_rules

ROOT = Path(__file__).resolve().parents[2]

POLICY = """
variables:
  age:
    entity: person
    type: int
    label: {vi: Tuổi, en: Age}
    formula: years_between(date_of_birth, as_of)
  children_under_6:
    entity: household
    type: int
    label: {vi: Số trẻ dưới 6 tuổi, en: Children under 6}
    formula: count(age < 6)
  has_elder:
    entity: household
    type: bool
    label: {vi: Có người cao tuổi, en: Has an elder}
    formula: any(age >= 80)
  eldest_birth:
    entity: household
    type: date
    label: {vi: Ngày sinh người lớn tuổi nhất, en: Birth date of the eldest}
    formula: min(date_of_birth)
benefits:
  elder_allowance:
    entity: person
    label: {vi: Trợ cấp, en: Elder allowance}
    unit: vnd_per_month
    hit_policy: max
    enrolled_when: receives_social_allowance
    rules:
      - id: elder_poor
        label: {vi: Nghèo, en: Poor elder}
        reference: {kind: other, title: Test decree, article: "1"}
        valid: {from: 2021-07-01}
        conditions:
          - age >= 60
          - household.poverty_list_status == 'poor'
        amount: param('std') * 1.5
      - id: elder_80
        label: {vi: 80+, en: Aged 80+}
        reference: {kind: other, title: Test decree, article: "2"}
        valid: {from: 2021-07-01, to: 2025-06-30}
        conditions:
          - age >= 80
          - receives_pension == False
        amount: param('std') * 1.0
  family_flag:
    entity: household
    label: {vi: Gia đình có trẻ nhỏ, en: Family with small children}
    unit: vnd_per_month
    hit_policy: sum
    rules:
      - id: per_child
        label: {vi: Theo trẻ, en: Per child}
        reference: {kind: other, title: Test decree, article: "3"}
        conditions:
          - children_under_6 >= 1
        amount: children_under_6 * 100
      - id: elder_bonus
        label: {vi: Có người già, en: Elder bonus}
        reference: {kind: other, title: Test decree, article: "4"}
        conditions:
          - has_elder
        amount: 50
"""

PARAMS = """
parameters:
  std:
    label: {vi: Chuẩn, en: Standard}
    type: money
    values:
      - {from: 2021-07-01, value: 360000, reference: {kind: other, title: Test decree}, confidence: A}
      - {from: 2024-07-01, to: 2026-06-30, value: 500000, reference: {kind: other, title: Test decree 2}, confidence: B}
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    pack = tmp_path_factory.mktemp("pack")
    shutil.copytree(ROOT / "rules" / "inputs", pack / "inputs")
    (pack / "parameters").mkdir()
    (pack / "parameters" / "p.yaml").write_text(textwrap.dedent(PARAMS), encoding="utf-8")
    (pack / "policies" / "t").mkdir(parents=True)
    (pack / "policies" / "t" / "t.yaml").write_text(textwrap.dedent(POLICY), encoding="utf-8")
    return load_rules(pack)


def screen(plan, household, members, as_of=dt.date(2024, 8, 1)):
    household = {"household_id": "H1", "commune": "Bum Tở", **household}
    members = [{"household_id": "H1", **m} for m in members]
    return screen_records([household], members, as_of, plan=plan, include_all=False).decisions


def one(decisions, benefit, person=None):
    rows = decisions[(decisions["benefit"] == benefit)]
    if person:
        rows = rows[rows["person_id"] == person]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_an_elder_in_a_poor_household_gets_the_highest_coefficient(plan):
    d = screen(plan, {"poverty_list_status": "poor"},
               [{"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1), "receives_pension": False,
                 "receives_social_allowance": True}])
    row = one(d, "elder_allowance", "P1")
    assert (row["status"], row["rule"], row["amount"], row["coverage"]) == ("eligible", "elder_poor", 750000, "covered")


def test_missing_list_status_with_a_rule_that_holds_is_still_eligible(plan):
    # elder_80 holds on its own: the unknown poverty status cannot take the allowance away
    d = screen(plan, {}, [{"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1), "receives_pension": False}])
    row = one(d, "elder_allowance", "P1")
    assert (row["status"], row["rule"], row["amount"]) == ("eligible", "elder_80", 500000)
    assert row["coverage"] == "needs_data"  # enrolment column missing


def test_missing_input_makes_the_decision_undetermined_and_names_the_input(plan):
    d = screen(plan, {}, [{"person_id": "P1", "date_of_birth": dt.date(1960, 1, 1)}])
    row = one(d, "elder_allowance", "P1")
    assert row["status"] == "undetermined"
    assert row["missing_inputs"] == "household.poverty_list_status"
    assert "Status on the commune's certified list: poor" in row["explanation"]


def test_a_known_false_condition_decides_despite_unknowns(plan):
    d = screen(plan, {}, [{"person_id": "P1", "date_of_birth": dt.date(1990, 1, 1)}])
    assert (d["benefit"] == "elder_allowance").sum() == 0  # not eligible rows are not listed by default
    d = screen_records([{"household_id": "H1", "commune": "X"}],
                       [{"person_id": "P1", "household_id": "H1", "date_of_birth": dt.date(1990, 1, 1)}],
                       dt.date(2024, 8, 1), plan=plan, include_all=True).decisions
    assert one(d, "elder_allowance", "P1")["status"] == "not_eligible"


def test_a_rule_outside_its_window_does_not_apply(plan):
    member = {"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1), "receives_pension": False}
    assert one(screen(plan, {"poverty_list_status": "none"}, [member], dt.date(2025, 6, 30)),
               "elder_allowance")["status"] == "eligible"
    d = screen_records([{"household_id": "H1", "commune": "X", "poverty_list_status": "none"}],
                       [{"household_id": "H1", **member}], dt.date(2025, 7, 1), plan=plan).decisions
    assert one(d, "elder_allowance")["status"] == "not_eligible"


def test_the_parameter_value_is_taken_at_the_as_of_date(plan):
    member = {"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1), "receives_pension": True}
    assert one(screen(plan, {"poverty_list_status": "poor"}, [member], dt.date(2024, 6, 30)),
               "elder_allowance")["amount"] == 540000
    assert one(screen(plan, {"poverty_list_status": "poor"}, [member], dt.date(2024, 7, 1)),
               "elder_allowance")["amount"] == 750000


def test_a_parameter_with_no_value_in_force_is_unknown_not_zero(plan):
    member = {"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1), "receives_pension": True}
    row = one(screen(plan, {"poverty_list_status": "poor"}, [member], dt.date(2026, 7, 1)), "elder_allowance")
    assert row["status"] == "eligible" and row["amount"] != row["amount"]  # NaN: amount unknown


def test_sum_policy_adds_rules_and_aggregates_count_members(plan):
    members = [{"person_id": f"P{i}", "date_of_birth": dob} for i, dob in
               enumerate([dt.date(2021, 1, 1), dt.date(2020, 5, 5), dt.date(1940, 2, 2)])]
    row = one(screen(plan, {}, members), "family_flag")
    assert (row["amount"], row["rule"]) == (250, "elder_bonus+per_child")  # precedence order: priority, then id


def test_an_unknown_member_makes_count_unknown_but_any_true_stays_true(plan):
    members = [{"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1)}, {"person_id": "P2"}]
    row = one(screen(plan, {}, members), "family_flag")
    # has_elder is true whatever P2's age, so the elder rule holds; children_under_6 is unknown, so the
    # per-child rule is undecided. A rule that holds makes the benefit eligible.
    assert row["status"] == "eligible"
    assert "elder_bonus" in row["rule"]


def test_age_counts_from_the_birthday(plan):
    member = {"person_id": "P1", "receives_pension": False}
    turning = screen(plan, {"poverty_list_status": "none"}, [dict(member, date_of_birth=dt.date(1944, 8, 1))])
    assert one(turning, "elder_allowance")["status"] == "eligible"   # 80 on the day
    day_before = screen(plan, {"poverty_list_status": "none"}, [dict(member, date_of_birth=dt.date(1944, 8, 2))])
    assert (day_before["benefit"] == "elder_allowance").sum() == 0


def test_same_inputs_give_identical_decisions(plan):
    members = [{"person_id": "P1", "date_of_birth": dt.date(1940, 1, 1), "receives_pension": False}]
    a = screen(plan, {"poverty_list_status": "poor"}, members)
    b = screen(plan, {"poverty_list_status": "poor"}, members)
    assert a.equals(b)


@pytest.mark.slow
def test_threaded_evaluation_decides_exactly_as_one_thread(tmp_path):
    """Large registers are evaluated on several threads; the decisions must not depend on it."""
    from eligibility.decisions import build_decisions
    from eligibility.engines.vectorised import Evaluation
    from eligibility.register import read_register
    from eligibility.synthetic import write_sample

    plan = load_rules()
    write_sample(tmp_path, households=12_000, seed=11, fmt="parquet")
    register = read_register(tmp_path, plan.inputs, dt.date(2025, 11, 15))
    one, many = (build_decisions(Evaluation(plan, register.households, register.members,
                                            dt.date(2025, 11, 15)).run(threads=t)) for t in (1, 3))
    assert len(one) > 10_000
    assert one.equals(many)


def test_the_earliest_birth_date_of_a_household_with_no_member_is_unknown(plan):
    from eligibility.engines.vectorised import Evaluation
    from eligibility.records import frames_from_records
    households, members = frames_from_records(
        plan.inputs, [{"household_id": h, "commune": "X"} for h in ("H1", "H2", "H3")],
        [{"household_id": "H1", "person_id": "P1", "date_of_birth": dt.date(1950, 3, 4)},
         {"household_id": "H1", "person_id": "P2", "date_of_birth": dt.date(1948, 12, 31)},
         {"household_id": "H3", "person_id": "P3", "date_of_birth": dt.date(2001, 1, 2)}])
    eldest = Evaluation(plan, households, members, dt.date(2024, 8, 1)).run().variables["eldest_birth"]
    assert list(eldest.k) == [True, False, True]          # H2 has no member: no earliest date
    assert [int(eldest.v[0]), int(eldest.v[2])] == [19481231, 20010102]
