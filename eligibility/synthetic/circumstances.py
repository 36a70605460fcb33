"""The members' circumstances: schooling (level, public school, distance, boarding), disability and
its certificate, orphans, HIV, single parents and supporters, and pensions or social insurance.

The boarding distances are the legal ones in force on the as-of date (`figures.py`), so who lives
"too far" from school follows the pack; every share here is a modelling choice, not law.
"""
from __future__ import annotations

import numpy as np

from .draws import (CHILD, ESPECIALLY_SEVERE, GRANDCHILD, HEAD, MARRIED, MILD, NO_DISABILITY, OTHER, SEVERE,
                    per_household, tri_state)
from .figures import Figures
from .households import ethnic_matrix

UNIVERSITY, VOCATIONAL, UPPER, LOWER, PRIMARY, PRESCHOOL = 6, 5, 4, 3, 2, 1   # codes of draws.LEVELS


def schooling(rng: np.random.Generator, hh: dict, m: dict, figures: Figures) -> None:
    """Level of study by age (a little less in poorer households), public school, distance, difficult
    terrain and boarding: a pupil boards mostly where the household is in an ĐBKK area and far from school."""
    n = len(m["hidx"])
    age = m["age"]
    poorer = np.clip(hh["z"][m["hidx"]], 0, 2) * 0.05
    r = rng.random(n)
    level = np.zeros(n, dtype=np.int64)
    level[(age >= 3) & (age <= 5) & (r < 0.9 - poorer)] = PRESCHOOL
    level[(age >= 6) & (age <= 10) & (r < 0.975 - poorer / 2)] = PRIMARY
    level[(age >= 11) & (age <= 14) & (r < 0.9 - poorer)] = LOWER
    upper = (age >= 15) & (age <= 17)
    level[upper & (r < 0.55 - poorer)] = UPPER
    level[upper & (r >= 0.55 - poorer) & (r < 0.65 - poorer)] = VOCATIONAL
    adult = (age >= 18) & (age <= 22)
    level[adult & (r < 0.12)] = UNIVERSITY
    level[adult & (r >= 0.12) & (r < 0.2)] = VOCATIONAL
    m["level"] = level
    studying = level > 0
    public = np.where(level == UNIVERSITY, rng.random(n) < 0.8, rng.random(n) < 0.97)
    mean_km = np.select([level == PRESCHOOL, level == PRIMARY, level == LOWER, level == UPPER], [0.8, 1.5, 4.0, 8.0], 15.0)
    km = np.maximum(np.round((0.2 + rng.exponential(mean_km)) * 2) / 2, 0.5)
    dbkk = hh["dbkk"][m["hidx"]]
    terrain = rng.random(n) < np.where(dbkk, 0.12, 0.04)
    threshold = np.select([level == PRIMARY, level == LOWER, level == UPPER], list(figures.boarding_km), np.inf)
    in_school = (level >= PRIMARY) & (level <= UPPER)
    far = (km >= threshold) | (terrain & in_school)
    boarding = rng.random(n) < np.where(dbkk & far, np.where(level == PRIMARY, 0.4, 0.75), 0.03)
    school = studying & (level <= UPPER)
    m["studying"] = studying
    m["school_public"] = tri_state(public, studying)
    m["school_distance_km"] = np.where(studying & (level <= VOCATIONAL), km, np.nan)
    m["difficult_terrain"] = tri_state(terrain, school)
    m["boarding"] = tri_state(boarding & (level >= PRIMARY), school)
    m["boarding_eligible"] = school & dbkk & far & (level >= PRIMARY)


def conditions(rng: np.random.Generator, hh: dict, m: dict, as_of_day: np.datetime64) -> None:
    """Disability (more with age) and its certificate date, orphans and fostering, HIV, single
    parents, whether someone of working age lives in the household, living alone."""
    n = len(m["hidx"])
    age, role = m["age"], m["role"]
    p_serious = np.select([age < 16, age < 60, age < 80], [0.014, 0.02, 0.07], 0.13)
    r = rng.random(n)
    disability = np.full(n, NO_DISABILITY)
    disability[r < p_serious * 0.72] = SEVERE
    disability[(r >= p_serious * 0.72) & (r < p_serious)] = ESPECIALLY_SEVERE
    disability[(r >= p_serious) & (r < p_serious + 0.03)] = MILD
    m["disability"] = disability
    m["serious"] = disability >= SEVERE
    lo = np.maximum(m["dob"], np.datetime64("2010-01-01"))
    span = np.maximum((as_of_day - lo).astype(np.int64) - 400, 0)
    certified = lo + np.floor(rng.random(n) * span).astype("timedelta64[D]")
    disabled = disability != NO_DISABILITY
    m["disability_certified"] = np.where(disabled & (rng.random(n) < 0.95), certified, np.datetime64("NaT"))
    orphan = (age < 16) & ((role == GRANDCHILD) | (role == OTHER)) & (rng.random(n) < 0.025)
    m["orphan"] = orphan
    m["fostered"] = orphan & (rng.random(n) < 0.7)
    m["hiv"] = (age >= 16) & (rng.random(n) < 0.0008)
    hidx = m["hidx"]
    n_hh = int(hh["n"])
    kids = per_household((role == CHILD) & (age < 16), hidx, n_hh)
    single_head = (role == HEAD) & (m["marital"] != MARRIED)
    m["single_parent"] = single_head & (kids[hidx] > 0)
    working = (age >= 18) & (age < 60)
    workers = per_household(working, hidx, n_hh)[hidx] - working
    m["has_supporter"] = workers > 0
    m["lives_alone"] = hh["size"][hidx] == 1


def income_support(rng: np.random.Generator, hh: dict, m: dict) -> None:
    """Pensions (more among Kinh and in towns), survivors' allowances, voluntary social insurance."""
    n = len(m["hidx"])
    age = m["age"]
    kinh = m["ethnic"] == ethnic_matrix()[1].index("kinh")
    urban = hh["urban"][m["hidx"]]
    p = np.where(age >= 60, 0.05 + 0.15 * kinh + 0.05 * urban, np.where(age >= 55, 0.03, 0.0))
    pension = rng.random(n) < p
    m["pension"] = pension
    m["survivor"] = (age >= 60) & ~pension & (rng.random(n) < 0.012)
    m["voluntary_si"] = (age >= 18) & (age < 60) & (rng.random(n) < 0.025 + 0.02 * kinh)
