"""The demo register gives the expected decision for every edge case it plants (issue "Screening a register").

`sample_households/demo/README.md` lists 41 households, DM01-DM41, each planting one edge case with the expected
outcome as of 15/11/2025. The demo is screened once (as of that date, every decision kept) and each household's
expectations are asserted in its own test, by the table CASES below.

Where the README and the law disagree, the test follows the law (/work/shared/POLICIES.md, and the legal text it
cites); the disagreement is written next to the case (`law:`). Amounts are exact VND (kg of rice for rice, share of
the premium for HI, 1 = status/exempt for status benefits); `None` means "no amount" (not eligible, or eligible with
an amount the rule pack does not know).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

from eligibility.api import Screening, evaluate_frames

from shared import AS_OF, DEMO

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ANY = object()          # field not checked


@dataclass(frozen=True)
class D:
    """One expected decision: (household, person or None for the household's own decision, benefit)."""

    benefit: str
    person: str | None = None
    status: str | tuple = "eligible"
    amount: object = ANY            # number (exact), None (no amount), or ANY
    coverage: object = ANY          # str or tuple of accepted values
    rule: object = ANY              # str or tuple of accepted rule ids
    rate: object = ANY              # loans: yearly rate
    missing: tuple = ()             # inputs that must be listed as missing
    why: str = ""                   # the legal reason, shown when the check fails


@dataclass(frozen=True)
class Var:
    """One expected variable value (None: unknown)."""

    name: str
    value: object
    person: str | None = None
    why: str = ""


@dataclass(frozen=True)
class Case:
    hid: str
    slug: str
    expect: tuple
    leakage_ok: frozenset = frozenset()     # benefits whose leakage is the planted (or legal) outcome
    nothing_to_flag: bool = False            # no gap, leakage or needs_data row at all
    law: str = ""                            # note: where the test follows the law rather than the README

    @property
    def id(self) -> str:
        return f"{self.hid}-{self.slug}"


def hi(person: str, share: float, rule: object = ANY, coverage: object = "covered", why: str = "") -> D:
    return D("hi_state_support", person, amount=share, rule=rule, coverage=coverage, why=why)


FULL_HI_ETHNIC_AREA = ("hi24_ethnic_minority_difficult_area", "hi24_extremely_difficult_area")
HOUSEHOLD_LOAN = 100_000_000

CASES = [
    Case("DM01", "E1-poor-at-line-3-deprivations", (
        Var("poverty_status_by_standard", "poor", why="income 1,500,000 <= 1,500,000 (inclusive) and 3 deprivations"),
        D("poverty_list", status="eligible", coverage="covered", rule="pl_poor_2022"),
        *(hi(p, 1.0) for p in ("DM01-1", "DM01-2", "DM01-3", "DM01-4")),
        *(D("tuition_exemption_reduction", p, amount=1, coverage="covered") for p in ("DM01-3", "DM01-4")),
        *(D("study_cost_support", p, amount=None, coverage="covered",
            why="Decree 238/2025 keeps the groups (B); its amount is not known (D)") for p in ("DM01-3", "DM01-4")),
        D("loan_poor_household", amount=HOUSEHOLD_LOAN, rate=0.066, coverage="covered",
          rule="loan_poor_until_2025_11", why="6.6 % until 30 Nov 2025"),
    )),
    Case("DM02", "E2-near-poor-2-deprivations-poor-commune", (
        Var("poverty_status_by_standard", "near_poor"),
        D("poverty_list", coverage="covered", rule="pl_near_poor_2022"),
        *(hi(p, 1.0, why="100 %: poor commune / ethnic minority in the ethnic-minority & mountainous area")
          for p in ("DM02-1", "DM02-2", "DM02-3")),
    )),
    Case("DM03", "E2-near-poor-than-uyen-kinh-hi-70", (
        Var("poverty_status_by_standard", "near_poor"),
        D("poverty_list", coverage="covered", rule="pl_near_poor_2022"),
        *(hi(p, 0.7, rule="hi24_near_poor", why="not a poor commune, Kinh: 70 %, not 100 %")
          for p in ("DM03-2", "DM03-3")),
        hi("DM03-1", 0.7, rule="hi24_near_poor", coverage="wrong_level",
           why="the card list (programme_lists.csv row 24) gives his card a 100 % state share where 70 % is due"),
    )),
    Case("DM04", "E3-one-dong-above-line-5-deprivations", (
        Var("meets_poor_standard", False, why="above the line the deprivations are irrelevant (AND rule)"),
        Var("meets_near_poor_standard", False),
        Var("poverty_status_by_standard", "average"),
        Var("average_living_standard", True),
        D("poverty_list", status="not_eligible", coverage="none"),
        *(hi(p, 0.3, rule="hi24_farming_average", coverage="gap") for p in ("DM04-1", "DM04-2", "DM04-3")),
    )),
    Case("DM05", "E3-dao-dbkk-commune-hi-free", (
        Var("meets_poor_standard", False),
        Var("meets_near_poor_standard", False),
        D("poverty_list", status="not_eligible", coverage="none"),
        *(hi(p, 1.0, rule=FULL_HI_ETHNIC_AREA) for p in ("DM05-1", "DM05-2", "DM05-3")),
    )),
    Case("DM06", "E4-690k-no-deprivation-near-poor-from-2022", (
        Var("deprivation_count", 0),
        Var("meets_poor_standard", False, why="from 2022 the AND rule needs >= 3 deprivations"),
        Var("poverty_status_by_standard", "near_poor"),
        D("poverty_list", coverage="covered", rule="pl_near_poor_2022"),
    )),
    Case("DM07", "E5-urban-exactly-2m-near-poor-hi-70", (
        Var("poverty_line", 2_000_000),
        Var("poverty_status_by_standard", "near_poor"),
        D("poverty_list", coverage="covered", rule="pl_near_poor_2022"),
        *(hi(p, 0.7, rule="hi24_near_poor", why="a ward is not a poor commune, Kinh: 70 %")
          for p in ("DM07-1", "DM07-2", "DM07-3")),
    )),
    Case("DM08", "E18-urban-farming-2250k-average", (
        Var("average_living_standard", True, why="urban band (2,000,000; 3,000,000]"),
        Var("poverty_status_by_standard", "average"),
        *(hi(p, 0.3, rule="hi24_farming_average", coverage="gap") for p in ("DM08-1", "DM08-2")),
    )),
    Case("DM09", "E18-rural-farming-exactly-2250k-average", (
        Var("average_living_standard", True, why="rural band (1,500,000; 2,250,000], upper edge inclusive"),
        *(hi(p, 0.3, rule="hi24_farming_average", coverage="gap") for p in ("DM09-1", "DM09-2")),
        hi("DM09-3", 0.5, rule="hi24_student", why="a vocational learner: student support 50 % beats 30 %"),
    )),
    Case("DM10", "E18-rural-2250001-above-average-band", (
        Var("average_living_standard", False),
        Var("poverty_status_by_standard", "none"),
        *(D("hi_state_support", p, status="not_eligible", amount=None, coverage="none")
          for p in ("DM10-1", "DM10-2")),
    )),
    Case("DM11", "E6-born-1944-social-pension", (
        D("social_pension", "DM11-3", amount=500_000, coverage="overpaid", rule="sp_75_plus"),  # payroll: 540,000
        D("monthly_social_allowance", "DM11-3", status="not_eligible", amount=None,
          why="Art. 5(5)(c) gave way to the social pension on 1 Jul 2025"),
        hi("DM11-3", 1.0),
    )),
    Case("DM12", "turning-80-in-november-2025", (
        Var("age", 80, person="DM12-1"),
        Var("age", 79, person="DM12-2", why="born 28/11/1945: 79 in completed years on 15/11/2025"),
        Var("age_by_birthday_month", 80, person="DM12-1"),
        Var("age_by_birthday_month", 80, person="DM12-2",
            why="a change of level at 80 applies from the birthday month (POLICIES.md §0.2): November counts"),
        *(D("social_pension", p, amount=500_000, coverage="covered", rule="sp_75_plus") for p in ("DM12-1", "DM12-2")),
    ), law="README says DM12-2 'is 79': true in completed years (the age that opens an allowance), but from the "
           "birthday month (coefficient changes, §0.2) she counts as 80 in November 2025. No decision depends on it."),
    Case("DM13", "E7-widow-80-coefficient-2", (
        D("monthly_social_allowance", "DM13-1", amount=1_000_000, coverage="underpaid",  # payroll: 720,000
          rule="sa_elderly_poor_no_supporter_80", why="Art. 5(5)(a), 80+: 2.0 x 500,000"),
        hi("DM13-1", 1.0),
        D("social_pension", "DM13-1", status=ANY, coverage="none",
          why="Decree 20/2021 Art. 6(2): allowances under different instruments -> only the highest one "
              "(1,000,000 > 500,000), so the social pension is no gap to fill"),
    ), law="the social pension must not be flagged as a gap on top of her Art. 5(5)(a) allowance (Art. 6(2))"),
    Case("DM14", "E8-77-near-poor-dbkk-social-pension", (
        D("social_pension", "DM14-3", amount=500_000, coverage="deceased_paid", rule="sp_75_plus"),  # died 09/2025
        D("monthly_social_allowance", "DM14-3", status="not_eligible", amount=None,
          why="Art. 5(5)(b) ran until June 2025 (see test_dm14_art_5_5_b_until_june_2025)"),
    )),
    Case("DM15", "E8-77-near-poor-city-no-decree-20", (
        D("monthly_social_allowance", "DM15-1", status="not_eligible", amount=None),
        D("social_pension", "DM15-1", amount=500_000, coverage="duplicate", rule="sp_75_plus"),  # listed twice
    )),
    Case("DM16", "E8-72-near-poor-city-social-pension-70-74", (
        D("social_pension", "DM16-1", amount=500_000, coverage="covered", rule="sp_70_74_poor_near_poor"),
        D("social_pension", "DM16-2", status="not_eligible", amount=None, coverage="none", why="69: not yet"),
    )),
    Case("DM17", "75-plus-on-a-pension-nothing-to-flag", (
        *(D("social_pension", p, status="not_eligible", amount=None, coverage="none") for p in ("DM17-1", "DM17-2")),
    ), nothing_to_flag=True),
    Case("DM18", "E9-severely-disabled-child-coefficient-2", (
        D("monthly_social_allowance", "DM18-3", amount=1_000_000, coverage="wrong_level",  # paid at 1.5
          rule="sa_disability_severe_child_elderly", why="Art. 5(6), severe, child: 2.0 x 500,000"),
        hi("DM18-3", 1.0),
    )),
    Case("DM19", "especially-severe-adult-and-care-support", (
        D("monthly_social_allowance", "DM19-3", amount=1_000_000, coverage="covered",
          rule="sa_disability_especially_severe", why="Art. 5(6), especially severe adult: 2.0 x 500,000"),
        D("care_support", "DM19-3", amount=500_000, coverage="covered", rule="cs_household_carer_especially_severe",
          why="Art. 20(2)(c): 1.0 x standard to the household caring for them"),
    )),
    Case("DM20", "E10-orphan-under-4-fostered", (
        D("monthly_social_allowance", "DM20-4", amount=1_250_000, coverage="covered", rule="sa_child_no_care_under_4"),
        D("care_support", "DM20-4", amount=1_250_000, coverage="covered", rule="cs_foster_child_under_4"),
        hi("DM20-4", 1.0, rule=("hi24_child_under_6", "hi24_social_assistance")),
    )),
    Case("DM21", "newly-escaped-2y11m-loan", (
        Var("newly_escaped_poverty", True),
        D("loan_newly_escaped_household", amount=HOUSEHOLD_LOAN, rate=0.0825, coverage="covered",
          rule="loan_newly_escaped_until_2025_11"),
    )),
    Case("DM22", "escaped-3y1m-ago-no-loan", (
        Var("newly_escaped_poverty", False),
        D("loan_newly_escaped_household", status="not_eligible", amount=None, coverage="none"),
    )),
    Case("DM23", "E12-martyrs-mother-living-alone", (
        D("merit_monthly_allowance", "DM23-1", amount=5_020_000, coverage="covered",
          rule="merit_martyr_nurturing+merit_martyr_relative_1", why="2,789,000 + 0.8 x 2,789,000 (2,231,000)"),
        hi("DM23-1", 1.0, rule="hi24_martyr_relative"),
        D("merit_study_allowance", "DM23-1", status="not_eligible", coverage="none",
          why="her meritorious allowance is the monthly one, not a study allowance"),
        D("social_pension", "DM23-1", amount=500_000, coverage="gap", rule="sp_75_plus",
          why="the configurable point of E12, at its default (a meritorious allowance is not 'another "
              "monthly allowance'); §3.4: 75+ with no pension or monthly SI allowance"),
    )),
    Case("DM24", "E13-invalid-41-child-at-university", (
        D("merit_monthly_allowance", "DM24-1", amount=3_667_000, coverage="covered", rule="merit_war_invalid_41"),
        D("merit_study_allowance", "DM24-1", status="not_eligible", coverage="none"),
        hi("DM24-3", 0.5, rule="hi24_student", why="invalid < 61 %: no state-paid card as a relative; student 50 %"),
        D("merit_study_allowance", "DM24-3", amount=1_399_000, coverage="gap", rule="merit_study_11_2"),
        D("merit_education_support", "DM24-3", amount=1_116_000, rule="merit_education_school_or_higher"),
    )),
    Case("DM25", "E13-invalid-61-child-at-university", (
        D("merit_monthly_allowance", "DM25-1", amount=5_450_000, coverage="covered", rule="merit_war_invalid_61"),
        D("merit_study_allowance", "DM25-1", status="not_eligible", coverage="none"),
        hi("DM25-3", 1.0, rule="hi24_invalid_relative", why="child of a >= 61 % invalid"),
        hi("DM25-2", 1.0, rule="hi24_invalid_spouse_parent", coverage="gap",
           why="spouse of the head, a >= 61 % invalid (Law 51/2024 Art. 12(3)(k)); her card is self-paid"),
        D("merit_study_allowance", "DM25-3", amount=2_789_000, coverage="gap", rule="merit_study_11_1"),
    )),
    Case("DM26", "E13-invalid-60-boundary", (
        D("merit_monthly_allowance", "DM26-1", amount=None, coverage="covered", rule="merit_war_invalid_42_60",
          why="eligible; the 60 % row of Appendix II is not in POLICIES.md, so no amount"),
        D("merit_study_allowance", "DM26-1", status="not_eligible", coverage="none"),
        hi("DM26-3", 0.5, rule="hi24_student", why="60 % is below the 61 % threshold"),
        D("hi_state_support", "DM26-2", status="not_eligible", amount=None, coverage="none",
          why="the spouse of a 60 % invalid has no relative's ground"),
        D("merit_study_allowance", "DM26-3", amount=1_399_000, coverage="gap", rule="merit_study_11_2"),
    )),
    Case("DM27", "E14-boarding-pupil-8km", (
        D("boarding_food_support", "DM27-3", amount=936_000, coverage="covered", rule="boarding_food_d66"),
        D("boarding_rice_support", "DM27-3", amount=15, coverage="covered", rule="boarding_rice_d66"),
    )),
    Case("DM28", "E14-boarding-6-5km-easy-road-vs-terrain", (
        Var("boarding_too_far_from_school", False, person="DM28-3"),
        Var("boarding_too_far_from_school", True, person="DM28-4"),
        D("boarding_food_support", "DM28-3", status="not_eligible", amount=None, coverage="none"),
        D("boarding_rice_support", "DM28-3", status="not_eligible", amount=None, coverage="none"),
        D("boarding_food_support", "DM28-4", amount=936_000, coverage="covered", rule="boarding_food_d66"),
        D("boarding_rice_support", "DM28-4", amount=15, coverage="covered", rule="boarding_rice_d66"),
    )),
    Case("DM29", "E15-near-poor-voluntary-si-40pc", (
        D("voluntary_si_support", "DM29-1", amount=132_000, coverage="covered", rule="vsi_near_poor_d159",
          why="40 % x 22 % x 1,500,000"),
    )),
    Case("DM30", "E16-landslide-gaps", (
        D("emergency_housing_support", amount=40_000_000, coverage="gap", rule="er_house_collapsed"),
        D("emergency_funeral_support", amount=25_000_000, coverage="gap", rule="er_funeral", why="50 x 500,000"),
        D("emergency_injury_support", "DM30-2", amount=5_000_000, coverage="gap", rule="er_injury",
          why="treated 5 days >= 3: 10 x 500,000"),
        *(D("emergency_injury_support", p, status="not_eligible", amount=None) for p in ("DM30-1", "DM30-3")),
        D("emergency_rice_support", amount=45, coverage="gap", rule="er_rice_disaster",
          why="15 kg x 3 members a month"),
    )),
    Case("DM31", "E16-fire-non-poor-no-repair", (
        Var("poor_near_poor_or_hardship", False),
        D("emergency_housing_support", status="not_eligible", amount=None, coverage="none"),
    )),
    Case("DM32", "flood-relocation-any-household", (
        D("emergency_housing_support", amount=30_000_000, coverage="covered", rule="er_house_relocation",
          why="Art. 15(2): any household"),
    ), law="the household's single 'emergency relief received' flag must not turn the funeral and rice support it "
           "was never entitled to (no death; rice window of 3 months over) into leakage"),
    Case("DM33", "poor-household-hi-and-pension-gaps", (
        hi("DM33-2", 1.0, rule="hi24_poor_household", coverage="gap"),
        D("social_pension", "DM33-3", amount=500_000, coverage="gap", rule="sp_75_plus"),
        D("monthly_social_allowance", "DM33-3", status="not_eligible", coverage="none",
          why="she has a supporter, so not Art. 5(5)(a); 5(5)(c) gave way to the social pension"),
        D("monthly_social_allowance", "DM33-4", amount=750_000, coverage="covered", rule="sa_child_under_3_dbkk",
          why="Art. 5(7): 1.5 x 500,000"),
    )),
    Case("DM34", "leakage-social-allowance", (
        D("monthly_social_allowance", "DM34-1", status="not_eligible", amount=None, coverage="leakage"),
    ), leakage_ok=frozenset({"monthly_social_allowance", "single_parent_allowance", "hi_state_support"})),
    Case("DM35", "listed-poor-at-3m-listing-leakage", (
        Var("meets_poor_standard", False),
        D("poverty_list", status="not_eligible", coverage="leakage"),
        *(hi(p, 1.0, rule="hi24_poor_household") for p in ("DM35-1", "DM35-2", "DM35-3")),
        D("loan_poor_household", amount=HOUSEHOLD_LOAN, rate=0.066, coverage="covered"),
    ), leakage_ok=frozenset({"poverty_list"})),
    Case("DM36", "missing-date-of-birth", (
        Var("age", None, person="DM36-2"),
        D("social_pension", "DM36-2", status="undetermined", amount=None, coverage="needs_data",
          missing=("date_of_birth",)),
        hi("DM36-2", 1.0, rule=FULL_HI_ETHNIC_AREA, why="a ground that does not depend on age"),
    )),
    Case("DM37", "missing-income-listed-poor", (
        Var("poverty_status_by_standard", None),
        D("poverty_list", status="undetermined", coverage="needs_data", missing=("income_per_capita",)),
        *(hi(p, 1.0, rule="hi24_poor_household") for p in ("DM37-1", "DM37-2")),
        D("loan_poor_household", amount=HOUSEHOLD_LOAN, rate=0.066, coverage="gap"),
    )),
    Case("DM38", "missing-list-status", (
        Var("poverty_status_by_standard", "poor"),
        D("poverty_list", coverage="needs_data", rule="pl_poor_2022"),
        D("loan_poor_household", status="undetermined", coverage="needs_data", missing=("poverty_list_status",)),
        D("loan_near_poor_household", status="undetermined", coverage="needs_data",
          missing=("poverty_list_status",)),
        D("poor_household_housing_support", status="undetermined", coverage="needs_data",
          missing=("poverty_list_status",)),
    )),
    Case("DM39", "poor-by-standard-not-listed-gap", (
        Var("poverty_status_by_standard", "poor"),
        D("poverty_list", coverage="gap", rule="pl_poor_2022"),
        D("loan_poor_household", status="not_eligible", coverage="none", why="list-based: not listed"),
    )),
    Case("DM40", "E17-near-poor-kinh-poor-commune-hi-100", (
        Var("in_poor_district", True),
        *(hi(p, 1.0, rule="hi24_near_poor_poor_commune") for p in ("DM40-1", "DM40-2")),
    )),
    Case("DM41", "divorced-poor-mother-not-art-5-4", (
        D("single_parent_allowance", "DM41-1", status="not_eligible", amount=None, coverage="leakage",
          why="Decree 20/2021 Art. 5(4) (A): 'chưa có chồng hoặc chưa có vợ; đã có chồng hoặc vợ nhưng đã chết "
              "hoặc mất tích' - never married, widowed or spouse missing; POLICIES.md §3.1 likewise. A divorced "
              "mother is not in the group, and she is recorded as drawing a social allowance"),
    ), leakage_ok=frozenset({"monthly_social_allowance", "single_parent_allowance"}),
        law="README expects 1,000,000 (Art. 5(4), 2 children) for a DIVORCED mother; the law's group is never "
            "married / widowed / spouse missing. The test follows the law; the demo data (marital status) is wrong "
            "for the case it claims."),
]

# The gaps and leakages the README plants: (household, person, benefit, coverage, amount).
PLANTED = [
    ("DM30", None, "emergency_housing_support", "gap", 40_000_000),
    ("DM30", None, "emergency_funeral_support", "gap", 25_000_000),
    ("DM30", "DM30-2", "emergency_injury_support", "gap", 5_000_000),
    ("DM30", None, "emergency_rice_support", "gap", 45),
    ("DM33", "DM33-2", "hi_state_support", "gap", 1.0),
    ("DM33", "DM33-3", "social_pension", "gap", 500_000),
    ("DM39", None, "poverty_list", "gap", 1),
    ("DM34", "DM34-1", "monthly_social_allowance", "leakage", None),
    ("DM35", None, "poverty_list", "leakage", None),
]


# ----------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def screening(demo_screened) -> Screening:
    return demo_screened(AS_OF, include_all=True)


@pytest.fixture(scope="module")
def decisions(screening) -> pd.DataFrame:
    d = screening.decisions.copy()
    for col in ("household_id", "person_id", "benefit", "status", "coverage", "rule", "explanation",
                "missing_inputs"):
        d[col] = [None if pd.isna(v) else str(v) for v in d[col]]
    return d


# ----------------------------------------------------------------------------------------------------- helpers


def _rows(decisions: pd.DataFrame, hid: str, person: str | None, benefit: str) -> pd.DataFrame:
    d = decisions[(decisions["household_id"] == hid) & (decisions["benefit"] == benefit)]
    return d[d["person_id"].isna()] if person is None else d[d["person_id"] == person]


def _who(row, hid: str) -> str:
    person = row["person_id"]
    return hid if person is None or pd.isna(person) else str(person)


def _show(row) -> str:
    amount = row["amount"]
    rate = row["rate"]
    return (f"status={row['status']} coverage={row['coverage']} "
            f"amount={'None' if pd.isna(amount) else f'{amount:,.2f}'}"
            f"{'' if pd.isna(rate) else f' rate={rate}'} rule={row['rule'] or '-'} "
            f"missing=[{row['missing_inputs'] or ''}]\n      explanation: {row['explanation']}")


def _accepts(expected, actual) -> bool:
    if expected is ANY:
        return True
    if isinstance(expected, tuple):
        return actual in expected
    return actual == expected


def _same_amount(expected, actual) -> bool:
    if expected is ANY:
        return True
    if expected is None:
        return actual is None or pd.isna(actual)
    return actual is not None and not pd.isna(actual) and math.isclose(float(actual), float(expected),
                                                                        rel_tol=0, abs_tol=1e-9)


def _check_decision(decisions: pd.DataFrame, hid: str, e: D) -> str | None:
    rows = _rows(decisions, hid, e.person, e.benefit)
    who = f"{e.benefit} [{e.person or hid}]"
    if len(rows) != 1:
        return f"{who}: expected one decision row, found {len(rows)}"
    row = rows.iloc[0]
    wrong = []
    if not _accepts(e.status, row["status"]):
        wrong.append(f"status {e.status!r}")
    if not _accepts(e.coverage, row["coverage"]):
        wrong.append(f"coverage {e.coverage!r}")
    if not _same_amount(e.amount, row["amount"]):
        wrong.append(f"amount {e.amount!r}")
    if not _same_amount(e.rate, row["rate"]):
        wrong.append(f"rate {e.rate!r}")
    if not _accepts(e.rule, row["rule"]):
        wrong.append(f"rule {e.rule!r}")
    listed = {m.strip() for m in re.split(r"[,;]", row["missing_inputs"] or "") if m.strip()}
    absent = [m for m in e.missing if m not in listed]
    if absent:
        wrong.append(f"missing inputs {absent}")
    if not wrong:
        return None
    because = f"\n      law/README: {e.why}" if e.why else ""
    return f"{who}: expected {', '.join(wrong)}{because}\n      actual: {_show(row)}"


def _variable(screening: Screening, name: str, hid: str, person: str | None):
    ev = screening.evaluation
    var = screening.plan.variables[name]
    value = ev.variables[name]
    if var.entity == "person":
        pos = np.flatnonzero(ev.members["person_id"].astype(str).to_numpy() == person)
    else:
        pos = np.flatnonzero(ev.households["household_id"].astype(str).to_numpy() == hid)
    assert len(pos) == 1, (name, hid, person)
    i = int(pos[0])
    known = bool(value.k if value.k.ndim == 0 else value.k[i])
    if not known:
        return None
    raw = value.v if value.v.ndim == 0 else value.v[i]
    kind = var.type.kind
    if kind == "enum":
        return str(ev.enums.codes()[int(raw)])
    if kind == "bool":
        return bool(raw)
    return float(raw)


def _check_variable(screening: Screening, hid: str, e: Var) -> str | None:
    got = _variable(screening, e.name, hid, e.person)
    same = got == e.value if e.value is None or isinstance(e.value, (str, bool)) else (
        got is not None and math.isclose(got, e.value))
    if same:
        return None
    because = f" ({e.why})" if e.why else ""
    return f"variable {e.name} [{e.person or hid}]: expected {e.value!r}, got {got!r}{because}"


# ----------------------------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_demo_household(case: Case, screening, decisions):
    problems = []
    for e in case.expect:
        problem = _check_variable(screening, case.hid, e) if isinstance(e, Var) else \
            _check_decision(decisions, case.hid, e)
        if problem:
            problems.append(problem)
    mine = decisions[decisions["household_id"] == case.hid]
    leak = mine[(mine["coverage"] == "leakage") & ~mine["benefit"].isin(case.leakage_ok)]
    for _, row in leak.iterrows():
        problems.append(f"unexpected leakage: {row['benefit']} [{_who(row, case.hid)}]\n      actual: {_show(row)}")
    if case.nothing_to_flag:
        flagged = mine[mine["coverage"].isin(["gap", "leakage", "needs_data"])]
        for _, row in flagged.iterrows():
            problems.append(f"nothing should be flagged: {row['benefit']} [{_who(row, case.hid)}]"
                            f"\n      actual: {_show(row)}")
    if problems:
        note = f"\n  (note: {case.law})" if case.law else ""
        pytest.fail(f"{case.id}:\n  - " + "\n  - ".join(problems) + note, pytrace=False)


def test_every_readme_household_has_a_case():
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| (DM\d\d) \| [^|]+\| ", readme, flags=re.MULTILINE)
    assert listed == [f"DM{i:02d}" for i in range(1, 42)]
    assert [c.hid for c in CASES] == listed
    assert len({c.id for c in CASES}) == len(CASES)


def test_row_accounting(screening, decisions):
    reg = screening.register
    assert reg.accounting == {"households": {"read": 41, "accepted": 41, "rejected": 0},
                              "members": {"read": 112, "accepted": 112, "rejected": 0},
                              "programme_lists": {"read": 107, "accepted": 107, "rejected": 0}}   # 15 payroll entries, 92 HI cards
    assert reg.rejects.empty
    assert decisions["household_id"].nunique() == 41
    assert decisions["person_id"].dropna().nunique() == 112
    # every household has each household benefit once, every person each person benefit once
    plan = screening.plan
    hh_benefits = {b for b, x in plan.benefits.items() if x.entity == "household"}
    person_benefits = {b for b, x in plan.benefits.items() if x.entity == "person"}
    per_hh = decisions[decisions["person_id"].isna()].groupby(["household_id", "benefit"]).size()
    per_person = decisions[decisions["person_id"].notna()].groupby(["person_id", "benefit"]).size()
    assert len(per_hh) == 41 * len(hh_benefits) and (per_hh == 1).all()
    assert len(per_person) == 112 * len(person_benefits) and (per_person == 1).all()


@pytest.mark.parametrize("hid, person, benefit, coverage, amount", PLANTED,
                         ids=[f"{p[0]}-{p[2]}-{p[3]}" for p in PLANTED])
def test_planted_gaps_and_leakages(decisions, hid, person, benefit, coverage, amount):
    rows = _rows(decisions, hid, person, benefit)
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["coverage"] == coverage and _same_amount(amount, row["amount"]), _show(row)
    assert row["status"] == ("eligible" if coverage == "gap" else "not_eligible"), _show(row)


def test_dm14_art_5_5_b_until_june_2025(screening):
    """README DM14: Art. 5(5)(b) until June 2025, the social pension from 1 July 2025 (E8)."""
    reg = screening.register
    h = reg.households[reg.households["household_id"] == "DM14"]
    m = reg.members[reg.members["household_id"] == "DM14"]
    june = evaluate_frames(screening.plan, h, m, dt.date(2025, 6, 15), include_all=True).decisions
    row = june[(june["person_id"] == "DM14-3") & (june["benefit"] == "monthly_social_allowance")].iloc[0]
    assert (row["status"], row["amount"], row["rule"]) == ("eligible", 500_000, "sa_elderly_75_80_dbkk"), _show(row)
    row = june[(june["person_id"] == "DM14-3") & (june["benefit"] == "social_pension")].iloc[0]
    assert row["status"] == "not_eligible", _show(row)


def test_dm39_what_listing_would_open(screening, decisions):
    """README DM39: 'what listing would open is shown' - the same household screened as listed poor."""
    reg = screening.register
    h = reg.households[reg.households["household_id"] == "DM39"].copy()
    m = reg.members[reg.members["household_id"] == "DM39"]
    h["poverty_list_status"] = "poor"
    listed = evaluate_frames(screening.plan, h, m, AS_OF, include_all=True).decisions
    opened = {}
    for benefit in ("loan_poor_household", "poor_household_housing_support"):
        before = _rows(decisions, "DM39", None, benefit).iloc[0]
        after = listed[(listed["benefit"] == benefit) & listed["person_id"].isna()].iloc[0]
        assert before["status"] == "not_eligible", _show(before)
        assert after["status"] == "eligible", _show(after)
        opened[benefit] = (after["amount"], after["rate"] if not pd.isna(after["rate"]) else None)
    assert opened == {"loan_poor_household": (HOUSEHOLD_LOAN, 0.066),
                      "poor_household_housing_support": (40_000_000, None)}
    after = listed[(listed["benefit"] == "poverty_list") & listed["person_id"].isna()].iloc[0]
    assert after["coverage"] == "covered"
