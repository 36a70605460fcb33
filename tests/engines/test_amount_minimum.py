"""Honest amounts (issue 15): under hit policy `max` a lower-paying rule that holds while a higher-paying
rule is undecided, and under `sum` an item still undecided, leave the amount a minimum — flagged
(`amount_is_minimum`), said in the explanation, with the inputs that would settle it — never firm.
Both engines, on a small purpose-built pack."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from eligibility import screen_records
from eligibility.api import load_rules

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2024, 8, 1)

POLICY = """
variables:
  age:
    entity: person
    type: int
    label: {vi: Tuổi, en: Age}
    formula: years_between(date_of_birth, as_of)
benefits:
  allowance:
    entity: person
    label: {vi: Trợ cấp, en: Allowance}
    unit: vnd_per_month
    hit_policy: max
    rules:
      - id: severe
        label: {vi: Khuyết tật đặc biệt nặng, en: Especially severe disability}
        reference: {kind: other, title: Test decree, article: "1"}
        conditions:
          - disability_level == 'especially_severe'
        amount: param('std') * 2.5
      - id: elder
        label: {vi: Cao tuổi, en: Elder}
        reference: {kind: other, title: Test decree, article: "2"}
        conditions:
          - age >= 80
        amount: param('std') * 1.5
      - id: small
        label: {vi: Nhỏ, en: Small}
        reference: {kind: other, title: Test decree, article: "3"}
        conditions:
          - receives_pension == False
        amount: param('std') * 1.0
  package:
    entity: person
    label: {vi: Gói, en: Package}
    unit: vnd_per_month
    hit_policy: sum
    rules:
      - id: base
        label: {vi: Cơ bản, en: Base}
        reference: {kind: other, title: Test decree, article: "4"}
        conditions:
          - age >= 80
        amount: 100
      - id: extra
        label: {vi: Thêm, en: Extra}
        reference: {kind: other, title: Test decree, article: "5"}
        conditions:
          - receives_pension == False
        amount: 50
      - id: nothing_more
        label: {vi: Không thêm, en: Nothing more}
        reference: {kind: other, title: Test decree, article: "6"}
        conditions:
          - disability_level == 'severe'
        amount: 0
"""

PARAMS = """
parameters:
  std:
    label: {vi: Chuẩn, en: Standard}
    type: money
    unit: VND/month
    values:
      - {from: 2021-07-01, value: 500000, reference: {kind: other, title: Test decree}, confidence: A}
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


def decide(plan, member: dict, engine: str, lang: str = "en"):
    household = {"household_id": "H1", "commune": "Bum Tở"}
    members = [{"household_id": "H1", "person_id": "P1", **member}]
    rows = screen_records([household], members, AS_OF, plan=plan, engine=engine, include_all=True,
                          lang=lang).decisions
    return {str(r["benefit"]): r for _, r in rows.iterrows()}


ENGINES = ["vectorised", pytest.param("durable", marks=pytest.mark.slow)]
ELDER = {"date_of_birth": dt.date(1940, 1, 1), "receives_pension": False}


@pytest.mark.parametrize("engine", ENGINES)
def test_max_with_a_higher_rule_undecided_is_a_minimum(plan, engine):
    row = decide(plan, ELDER, engine)["allowance"]      # disability level blank: the 2.5 x rule is undecided
    assert (row["status"], row["rule"], row["amount"]) == ("eligible", "elder", 750000)
    assert bool(row["amount_is_minimum"]) is True
    assert row["missing_inputs"] == "disability_level"
    assert row["explanation"].endswith("the amount is a minimum, it may be higher once this is decided: "
                                       "Especially severe disability")


@pytest.mark.parametrize("engine", ENGINES)
def test_max_with_the_higher_rule_decided_is_firm(plan, engine):
    rows = decide(plan, {**ELDER, "disability_level": "none"}, engine)
    row = rows["allowance"]
    assert (row["amount"], bool(row["amount_is_minimum"]), row["missing_inputs"]) == (750000, False, "")


@pytest.mark.parametrize("engine", ENGINES)
def test_max_with_only_a_lower_rule_undecided_is_firm(plan, engine):
    # the highest rule holds; `elder` (1.5 x) and `small` are below it, undecided or not
    row = decide(plan, {"disability_level": "especially_severe"}, engine)["allowance"]
    assert (row["rule"], row["amount"], bool(row["amount_is_minimum"])) == ("severe", 1250000, False)


@pytest.mark.parametrize("engine", ENGINES)
def test_sum_with_an_item_undecided_is_a_minimum(plan, engine):
    row = decide(plan, {"date_of_birth": dt.date(1940, 1, 1), "disability_level": "none"}, engine)["package"]
    assert (row["status"], row["rule"], row["amount"]) == ("eligible", "base", 100)
    assert bool(row["amount_is_minimum"]) is True
    assert row["missing_inputs"] == "receives_pension"


@pytest.mark.parametrize("engine", ENGINES)
def test_sum_with_only_a_zero_item_undecided_is_firm(plan, engine):
    row = decide(plan, ELDER, engine)["package"]     # `nothing_more` pays 0: it cannot raise the total
    assert (row["rule"], row["amount"], bool(row["amount_is_minimum"])) == ("base+extra", 150, False)


def test_the_words_in_vietnamese(plan):
    row = decide(plan, ELDER, "vectorised", lang="vi")["allowance"]
    assert "mức hưởng là mức tối thiểu, có thể cao hơn khi xác định được: Khuyết tật đặc biệt nặng" \
        in row["explanation"]


def test_not_eligible_and_undetermined_rows_are_never_flagged(plan):
    rows = decide(plan, {"date_of_birth": dt.date(1990, 1, 1), "receives_pension": True}, "vectorised")
    assert rows["allowance"]["status"] == "undetermined"
    assert not bool(rows["allowance"]["amount_is_minimum"])


# ---------------------------------------------------------------- the bundled pack: the case reported
FARMER = {"household_id": "H1", "commune": "Nậm Tăm", "district": "sin_ho", "area_type": "rural",
          "income_per_capita": 2250000, "area_difficult": False, "area_extremely_difficult": False,
          "area_ethnic_mountain": False, "farming_household": True, "poverty_list_status": "none"}
OLD_MAN = {"household_id": "H1", "person_id": "P1", "date_of_birth": dt.date(1944, 3, 15), "ethnicity": "kinh",
           "studying_level": "none", "disability_level": "none", "merit_category": "none", "parent_invalid_rate": 0,
           "survivor_allowance": False, "no_source_of_care": False, "hiv": False, "has_supporter": True,
           "fostered": False, "single_parent": False, "hi_card": True, "hi_state_paid": True}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pension", [None, False])
def test_hi_share_is_a_minimum_while_the_social_pension_ground_is_undecided(engine, pension):
    """An 81-year-old in a farming household of average standard: 30 % as a farmer, but 100 % as a
    social-pension recipient — which waits on whether he draws a pension. Blank: 30 % is a minimum."""
    members = [{**OLD_MAN, "receives_pension": pension}]
    rows = screen_records([FARMER], members, dt.date(2025, 11, 15), engine=engine, include_all=True).decisions
    hi = rows[rows["benefit"] == "hi_state_support"].iloc[0]
    if pension is None:
        assert (hi["status"], hi["rule"], hi["amount"]) == ("eligible", "hi24_farming_average", 0.3)
        assert bool(hi["amount_is_minimum"]) is True
        assert "receives_pension" in hi["missing_inputs"]
        assert hi["explanation"].endswith("Social-pension recipient")
    else:
        assert (hi["rule"], hi["amount"], bool(hi["amount_is_minimum"])) == ("hi24_social_pension", 1.0, False)


def test_explain_says_the_amount_is_a_minimum_and_shows_the_undecided_rule():
    from eligibility.api import evaluate_frames
    from eligibility.explain import explain_household, render_text
    from eligibility.records import frames_from_records

    plan = load_rules()
    hh, mm = frames_from_records(plan.inputs, [FARMER], [{**OLD_MAN, "receives_pension": None}])
    ev = evaluate_frames(plan, hh, mm, dt.date(2025, 11, 15)).evaluation
    data = explain_household(ev, "H1")
    hi = next(b for b in data["members"][0]["benefits"] if b["benefit"] == "hi_state_support")
    assert (hi["amount_is_minimum"], hi["pending_rules"]) == (True, ["hi24_social_pension"])
    text = render_text(data, "en")
    assert "at least 30% (a rule paying more is undecided)" in text
    pending = next(r for r in hi["rules"] if r["id"] == "hi24_social_pension")
    assert f"undecided, could pay more: {pending['label']['en']}" in text
    assert "AT LEAST: a rule paying more is undecided" in render_text(data, "en", verbose=True)
    assert "tối thiểu 30%" in render_text(data, "vi")
