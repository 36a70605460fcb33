"""Numbers that overflow at run time (issue 16): arithmetic, a total or a function whose result is not
finite (inf, NaN) is unknown — a condition resting on it leaves the decision undetermined, an amount
resting on it is unknown — never a crash and never an infinite or wrong figure. Both engines."""
from __future__ import annotations

import datetime as dt
import math
import shutil
import textwrap
from pathlib import Path

import pytest

from durable_helpers import assert_same_decisions
from eligibility import screen_records
from eligibility.api import load_rules
from eligibility.records import frames_from_records

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2024, 8, 1)

POLICY = """
benefits:
  overflowing_condition:
    entity: household
    label: {vi: Điều kiện tràn số, en: Overflowing condition}
    unit: vnd_per_month
    hit_policy: first
    rules:
      - id: huge_condition
        label: {vi: Tràn, en: Overflow}
        reference: {kind: other, title: Test decree, article: "1"}
        priority: 1
        conditions:
          - income_per_capita * 1e15 > 100000
        amount: 100000
  overflowing_amount:
    entity: household
    label: {vi: Số tiền tràn số, en: Overflowing amount}
    unit: vnd_per_month
    hit_policy: max
    rules:
      - id: huge_amount
        label: {vi: Tràn, en: Overflow}
        reference: {kind: other, title: Test decree, article: "2"}
        conditions:
          - income_per_capita > 0
        amount: income_per_capita * 1e15
  overflowing_round:
    entity: household
    label: {vi: Làm tròn tràn số, en: Overflowing rounding}
    unit: vnd_per_month
    hit_policy: first
    rules:
      - id: huge_round
        label: {vi: Tràn, en: Overflow}
        reference: {kind: other, title: Test decree, article: "3"}
        priority: 1
        conditions:
          - income_per_capita > 0
        amount: round(income_per_capita, 20)
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    pack = tmp_path_factory.mktemp("pack")
    shutil.copytree(ROOT / "rules" / "inputs", pack / "inputs")
    (pack / "parameters").mkdir()
    (pack / "policies" / "t").mkdir(parents=True)
    (pack / "policies" / "t" / "t.yaml").write_text(textwrap.dedent(POLICY), encoding="utf-8")
    return load_rules(pack)


HOUSEHOLDS = [{"household_id": "H1", "commune": "Bum Tở", "income_per_capita": 1e300},
              {"household_id": "H2", "commune": "Bum Tở", "income_per_capita": 0}]
MEMBERS = [{"household_id": "H1", "person_id": "P1"}, {"household_id": "H2", "person_id": "P2"}]


def rows(plan, engine="vectorised"):
    decisions = screen_records(HOUSEHOLDS, MEMBERS, AS_OF, plan=plan, engine=engine, include_all=True).decisions
    return {(str(r["household_id"]), str(r["benefit"])): r for _, r in decisions.iterrows()}


def test_a_condition_that_overflows_leaves_the_decision_undetermined(plan):
    row = rows(plan)[("H1", "overflowing_condition")]
    assert row["status"] == "undetermined"
    assert row["explanation"] == "unknown: Monthly income per person × 1,000,000,000,000,000: more than 100,000"
    assert rows(plan)[("H2", "overflowing_condition")]["status"] == "not_eligible"   # 0 x 1e15 is 0


@pytest.mark.parametrize("benefit", ["overflowing_amount", "overflowing_round"])
def test_an_amount_that_overflows_is_unknown_never_infinite(plan, benefit):
    row = rows(plan)[("H1", benefit)]
    assert row["status"] == "eligible"
    assert math.isnan(row["amount"])


@pytest.mark.slow
def test_both_engines_agree_and_neither_crashes(plan):
    vec = screen_records(HOUSEHOLDS, MEMBERS, AS_OF, plan=plan, include_all=True).decisions
    dur = screen_records(HOUSEHOLDS, MEMBERS, AS_OF, plan=plan, engine="durable", include_all=True).decisions
    households, members = frames_from_records(plan.inputs, HOUSEHOLDS, MEMBERS)
    assert_same_decisions(vec, dur, households, members)


def test_the_scalar_evaluator_reads_an_overflow_as_unknown(plan):
    from eligibility.engines.scalar import HouseholdContext, ScalarEvaluator

    evaluator = ScalarEvaluator(plan, AS_OF)
    ctx = HouseholdContext({"income_per_capita": 1e300}, [])
    for benefit in ("overflowing_amount", "overflowing_round"):
        amount = plan.benefits[benefit].rules[0].amount
        assert evaluator.value(amount, ctx, None) is None
