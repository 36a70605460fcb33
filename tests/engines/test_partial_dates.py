"""Dates known only to their year or month (`1944`, `03/1944`): an interval of days in both engines.

A condition is decided where every day of the interval decides it alike (born in 1944 is certainly
80 or over on 2025-01-01); elsewhere it is unknown and `missing_inputs` says what the date lacks
(`date_of_birth (day and month)`). Never a guessed day: 1 January is not silently assumed.
"""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from eligibility import screen_records
from eligibility.api import load_rules
from eligibility.engines.scalar import Span, arith_spans, compare_spans

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

ROOT = Path(__file__).resolve().parents[2]

POLICY = """
variables:
  age:
    entity: person
    type: int
    label: {vi: Tuổi, en: Age}
    formula: years_between(date_of_birth, as_of)
  age_in_months:
    entity: person
    type: int
    label: {vi: Tháng tuổi, en: Age in months}
    formula: months_between(date_of_birth, as_of)
  days_old:
    entity: person
    type: int
    label: {vi: Ngày tuổi, en: Days old}
    formula: days_between(date_of_birth, as_of)
  eldest_birth:
    entity: household
    type: date
    label: {vi: Ngày sinh người lớn tuổi nhất, en: Birth date of the eldest}
    formula: min(date_of_birth)
benefits:
  elder:
    entity: person
    label: {vi: Người cao tuổi, en: Elder}
    unit: vnd_per_month
    hit_policy: max
    rules:
      - id: aged_80
        label: {vi: 80+, en: Aged 80+}
        reference: {kind: other, title: Test decree, article: "1"}
        conditions: [age >= 80]
        amount: param('std')
  infant:
    entity: person
    label: {vi: Trẻ dưới 36 tháng, en: Under 36 months}
    unit: vnd_per_month
    hit_policy: max
    rules:
      - id: under_36_months
        label: {vi: Dưới 36 tháng, en: Under 36 months}
        reference: {kind: other, title: Test decree, article: "2"}
        conditions: [age_in_months < 36]
        amount: 100
  newborn:
    entity: person
    label: {vi: Sơ sinh, en: Newborn}
    unit: vnd_once
    hit_policy: max
    rules:
      - id: first_30_days
        label: {vi: 30 ngày, en: 30 days}
        reference: {kind: other, title: Test decree, article: "3"}
        conditions: [days_old <= 30]
        amount: 10
  born_after_2005:
    entity: person
    label: {vi: Sinh sau 2005, en: Born after 2005}
    unit: vnd_once
    hit_policy: max
    rules:
      - id: after
        label: {vi: Sau, en: After}
        reference: {kind: other, title: Test decree, article: "4"}
        conditions: [date_of_birth > date('2005-01-01')]
        amount: 1
  old_household:
    entity: household
    label: {vi: Hộ có người sinh trước 1945, en: Someone born before 1945}
    unit: vnd_once
    hit_policy: max
    rules:
      - id: eldest
        label: {vi: Trước 1945, en: Before 1945}
        reference: {kind: other, title: Test decree, article: "5"}
        conditions: [eldest_birth < date('1945-01-01')]
        amount: 1
  standard_at_birth:
    entity: person
    label: {vi: Chuẩn lúc sinh, en: Standard at birth}
    unit: vnd_once
    hit_policy: max
    rules:
      - id: at_birth
        label: {vi: Lúc sinh, en: At birth}
        reference: {kind: other, title: Test decree, article: "6"}
        conditions: [age >= 0]
        amount: param('std', date_of_birth)
"""

PARAMS = """
parameters:
  std:
    label: {vi: Chuẩn, en: Standard}
    type: money
    values:
      - {from: 1900-01-01, value: 100, reference: {kind: other, title: Test decree}, confidence: A}
      - {from: 2021-07-01, value: 360000, reference: {kind: other, title: Test decree 2}, confidence: A}
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


def decide(plan, births, as_of, engine="vectorised"):
    """Each benefit's (status, missing inputs) for one household whose members have these births."""
    household = {"household_id": "H1", "commune": "Bum Tở"}
    members = [{"household_id": "H1", "person_id": f"P{i}", "date_of_birth": b} for i, b in enumerate(births, 1)]
    d = screen_records([household], members, as_of, plan=plan, engine=engine, include_all=True).decisions
    return {(r.benefit, r.person_id if isinstance(r.person_id, str) else None): (r.status, r.missing_inputs, r.amount)
            for r in d.itertuples()}


def status(plan, birth, as_of, benefit="elder", engine="vectorised"):
    return decide(plan, [birth], as_of, engine)[(benefit, "P1")]


# ---------------------------------------------------------------- ages at the edges
@pytest.mark.parametrize("as_of, expected", [
    (dt.date(2025, 1, 1), "eligible"),          # 80 or 81 whatever the day: certainly 80 or over
    (dt.date(2024, 12, 31), "eligible"),        # born on 31 December 1944 turns 80 that day
    (dt.date(2024, 12, 30), "undetermined"),    # 79 if born on 31 December, else 80
    (dt.date(2024, 6, 1), "undetermined"),
    (dt.date(2024, 1, 1), "undetermined"),      # 80 only if born on 1 January
    (dt.date(2023, 12, 31), "not_eligible"),    # 79 at most
])
def test_a_year_of_birth_decides_an_age_where_every_day_agrees(plan, as_of, expected):
    got, missing, _ = status(plan, 1944, as_of)
    assert got == expected
    assert missing == ("date_of_birth (day and month)" if expected == "undetermined" else "")


@pytest.mark.parametrize("as_of, expected", [
    (dt.date(2024, 8, 31), "eligible"),         # the whole month of August 1944 is 80 by the 31st
    (dt.date(2024, 8, 1), "undetermined"),      # only someone born on 1 August
    (dt.date(2024, 7, 31), "not_eligible"),
])
def test_a_month_of_birth_narrows_the_interval(plan, as_of, expected):
    got, missing, _ = status(plan, "1944-08", as_of)
    assert got == expected
    assert missing == ("date_of_birth (day)" if expected == "undetermined" else "")


def test_an_exact_date_beside_partial_ones_decides_as_before(plan):
    got = decide(plan, [dt.date(1944, 8, 1), 1944, dt.date(1944, 8, 2)], dt.date(2024, 8, 1))
    assert got[("elder", "P1")][0] == "eligible"
    assert got[("elder", "P2")][:2] == ("undetermined", "date_of_birth (day and month)")
    assert got[("elder", "P3")][0] == "not_eligible"


def test_months_and_days_between_a_partial_date(plan):
    # born in March 2023: 32 to 32 months old on 2025-11-15 -> certainly under 36 months
    assert status(plan, "2023-03", dt.date(2025, 11, 15), "infant")[0] == "eligible"
    # born in 2022: between 34 and 46 months -> unknown
    assert status(plan, 2022, dt.date(2025, 11, 15), "infant")[:2] == ("undetermined", "date_of_birth (day and month)")
    # born in November 2025, the as-of month: 0 to 14 days old -> certainly within 30 days
    assert status(plan, "2025-11", dt.date(2025, 11, 15), "newborn")[0] == "eligible"
    assert status(plan, "2025-10", dt.date(2025, 11, 15), "newborn")[0] == "undetermined"


def test_comparing_partial_dates_with_a_date(plan):
    assert status(plan, 2005, dt.date(2025, 1, 1), "born_after_2005")[0] == "undetermined"  # 1 Jan is not after
    assert status(plan, "2005-02", dt.date(2025, 1, 1), "born_after_2005")[0] == "eligible"
    assert status(plan, 2004, dt.date(2025, 1, 1), "born_after_2005")[0] == "not_eligible"


def test_the_earliest_of_partial_dates_in_a_household(plan):
    got = decide(plan, [1944, dt.date(1990, 1, 1)], dt.date(2025, 1, 1))
    assert got[("old_household", None)][0] == "eligible"
    got = decide(plan, [1945, dt.date(1990, 1, 1)], dt.date(2025, 1, 1))
    assert got[("old_household", None)][0] == "not_eligible"
    got = decide(plan, ["1944-12", 1945], dt.date(2025, 1, 1))
    assert got[("old_household", None)][0] == "eligible"


def test_a_parameter_on_a_partial_date_is_known_only_within_one_period(plan):
    assert status(plan, 1990, dt.date(2025, 1, 1), "standard_at_birth")[0::2] == ("eligible", 100)
    got, _, amount = status(plan, 2021, dt.date(2025, 1, 1), "standard_at_birth")   # 100 or 360,000
    assert got == "eligible" and amount != amount   # paid, the amount unknown (NaN), never a guess


def test_an_amount_computed_from_a_range_is_unknown_never_a_bound():
    assert arith_spans("-", Span(80, 81), 1) == Span(79, 80)
    assert arith_spans("//", Span(958, 970), 12.0) == Span(79.0, 80.0)
    assert arith_spans("%", Span(1, 2), 12.0) is None
    assert arith_spans("/", 1.0, Span(-1, 1)) is None


@pytest.mark.parametrize("op, left, right, expected", [
    ("<", Span(1, 3), 4, True), ("<", Span(1, 3), 3, None), ("<", Span(1, 3), 1, False),
    ("<=", Span(1, 3), 3, True), (">=", Span(1, 3), 1, True), (">", Span(1, 3), 3, False),
    ("==", Span(1, 3), 2, None), ("==", Span(1, 3), 5, False), ("!=", Span(1, 3), 5, True),
    ("==", Span(2, 2), 2, True),
])
def test_scalar_comparisons_of_spans(op, left, right, expected):
    assert compare_spans(op, left, right) is expected


# ---------------------------------------------------------------- the durable engine agrees
@pytest.mark.parametrize("as_of", [dt.date(2024, 8, 1), dt.date(2025, 1, 1), dt.date(2025, 11, 15)])
def test_the_durable_engine_decides_partial_dates_alike(plan, as_of):
    births = [1944, "1944-08", dt.date(1944, 8, 1), 2005, "2005-02", 2022, "2023-03", "2025-11", 2021]
    births = [b for b in births if str(b)[:7] <= as_of.isoformat()[:7]]

    def plain(decisions):
        return {key: (s, m, None if a != a else a) for key, (s, m, a) in decisions.items()}
    vectorised = plain(decide(plan, births, as_of))
    assert plain(decide(plan, births, as_of, "durable")) == vectorised
    assert any(s == "undetermined" for s, _, _ in vectorised.values())


def test_explain_shows_the_interval_never_a_guessed_day(plan):
    from eligibility.engines.vectorised import Evaluation
    from eligibility.explain import explain_household
    from eligibility.records import frames_from_records
    households, members = frames_from_records(plan.inputs, [{"household_id": "H1", "commune": "X"}],
                                              [{"household_id": "H1", "person_id": "P1", "date_of_birth": 1944}])
    ev = Evaluation(plan, households, members, dt.date(2024, 6, 1)).run()
    person = explain_household(ev, "H1")["members"][0]
    assert person["date_of_birth"] == "1944-01-01 – 1944-12-31"
    elder = next(b for b in person["benefits"] if b["benefit"] == "elder")
    condition = elder["rules"][0]["conditions"][0]
    assert condition["actual"] == "79 – 80" and "distance" not in condition
    assert condition["missing"] == ["date_of_birth (day and month)"]
