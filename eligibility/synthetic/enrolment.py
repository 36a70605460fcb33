"""Enrolment: who receives what, as the register's yes/no columns say (HI card, social allowance,
social pension, care support, merit allowance, tuition exemption, learning and boarding support,
voluntary social insurance support; loans, housing support, clean water, farming, hardship).

Each follows an approximation of eligibility, not the rules themselves, with deliberate gaps
(eligible, not enrolled) and leakage (enrolled, not eligible), so that `gaps` finds both. The
probabilities are modelling choices, not law.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import places as P
from .draws import ESPECIALLY_SEVERE, NEAR_POOR, NO_DISABILITY, NOT_LISTED, POOR, draw_enrolled
from .households import ethnic_matrix

DURABLE = 3   # code of draws.HOUSE


def person_enrolment(rng: np.random.Generator, hh: dict, m: dict) -> None:
    """The members' enrolment columns, from an approximation of each programme's grounds."""
    n = len(m["hidx"])
    hidx, age = m["hidx"], m["age"]
    listed = hh["list"][hidx]
    poor, near = listed == POOR, listed == NEAR_POOR
    dbkk = hh["dbkk"][hidx]
    groups = ethnic_matrix()[1]
    minority = m["ethnic"] != groups.index("kinh")
    difficult = ~hh["urban"][hidx] | dbkk
    serious, studying, merit = m["serious"], m["studying"], m["merit"] != 0

    allowance = (serious | (m["orphan"] & ((age < 16) | ((age < 22) & studying)))
                 | (m["hiv"] & poor) | ((age >= 60) & poor & ~m["has_supporter"])
                 | (m["single_parent"] & (poor | near)) | ((age < 3) & (poor | near) & dbkk))
    m["allowance"] = draw_enrolled(rng, allowance, 0.9, 0.01)
    social_pension = ~m["pension"] & ((age >= 75) | ((age >= 70) & (poor | near)))
    m["social_pension"] = draw_enrolled(rng, social_pension & ~m["allowance"], 0.86, 0.008)
    m["care"] = draw_enrolled(rng, (m["orphan"] & m["fostered"]) | (m["disability"] == ESPECIALLY_SEVERE), 0.8, 0.003)
    m["merit_allowance"] = draw_enrolled(rng, merit, 0.97, 0.002)
    state_hi = ((age < 6) | poor | (minority & difficult) | dbkk | merit | m["allowance"]
                | m["social_pension"] | (near & minority))
    p_card = np.select([state_hi, m["pension"], near, studying], [0.965, 0.995, 0.9, 0.93], 0.72)
    m["hi_card"] = rng.random(n) < p_card
    m["hi_state_paid"] = m["hi_card"] & draw_enrolled(rng, state_hi, 0.97, 0.02)
    _school_support(rng, m, poor | near, poor, dbkk)
    m["vsi_support"] = m["voluntary_si"] & (rng.random(n) < 0.9)


def _school_support(rng: np.random.Generator, m: dict, listed: np.ndarray, poor: np.ndarray, dbkk: np.ndarray) -> None:
    """Tuition exemption, learning-cost support and boarding support of pupils and students."""
    studying, level = m["studying"], m["level"]
    school = studying & (level <= 4)
    exempt_ground = listed | m["serious"] | m["orphan"] | (m["parent_invalid_rate"] > 0)
    public = m["school_public"] == 1
    m["tuition_exempt"] = studying & draw_enrolled(rng, (school & public) | (~school & exempt_ground), 0.93, 0.02)
    small_group = np.isin(m["ethnic"], [ethnic_matrix()[1].index(g) for g in sorted(P.VERY_SMALL_GROUPS)])
    learning = school & (m["orphan"] | (m["disability"] != NO_DISABILITY) | poor | dbkk | small_group)
    m["learning_support"] = school & draw_enrolled(rng, learning, 0.9, 0.01)
    m["boarding_support"] = (m["boarding"] == 1) & draw_enrolled(rng, m["boarding_eligible"], 0.88, 0.04)


def household_enrolment(rng: np.random.Generator, hh: dict, as_of: pd.Timestamp) -> None:
    """Loans (poor, near-poor, newly escaped, clean water), housing support, clean water, farming and
    the hardship flag of the households."""
    n = int(hh["n"])
    listed = hh["list"]
    hh["loan_poor"] = draw_enrolled(rng, listed == POOR, 0.45, 0.004)
    hh["loan_near_poor"] = draw_enrolled(rng, listed == NEAR_POOR, 0.35, 0.003)
    limit = (as_of - pd.DateOffset(years=3)).to_datetime64().astype("datetime64[D]")
    recent = ~np.isnat(hh["exit_date"]) & (hh["exit_date"] >= limit)
    hh["loan_newly_escaped"] = draw_enrolled(rng, recent, 0.3, 0.002)
    hh["loan_water"] = draw_enrolled(rng, ~hh["urban"], 0.12, 0.01)
    on_list = listed != NOT_LISTED
    durable = hh["house"] == DURABLE
    hh["housing_support"] = (draw_enrolled(rng, on_list & durable, 0.25, 0.0)
                             | (on_list & ~durable & (rng.random(n) < 0.1)))
    hh["hygienic_water"] = np.where(hh["dep_water"], rng.random(n) < 0.1, rng.random(n) < 0.98)
    hh["farming"] = rng.random(n) < np.where(hh["urban"], 0.08, 0.88)
    hh["hardship"] = rng.random(n) < np.where(listed == NOT_LISTED, 0.03, 0.01)
