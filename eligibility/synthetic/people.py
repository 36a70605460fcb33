"""People: each household's members with their role, age, sex, ethnic group, marital status and name.

A young age pyramid with some 80+; heads with a spouse in most households of two or more, a parent
of the head in some, grandchildren where the head is older; spouses sometimes from another group of
the district; Vietnamese names by ethnic group, children carrying the head's family name. Shares
are modelling choices (POLICIES.md §10 gives the province's composition), not law.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import places as P
from .draws import (CHILD, DIVORCED, GRANDCHILD, HEAD, MARRIED, OTHER, PARENT, SIBLING, SINGLE, SPOUSE,
                    SPOUSE_MISSING, WIDOWED, bands, first_members, pick)
from .households import ethnic_matrix

SINGLE_HEAD_AGES = [(20, 35, 0.15), (35, 60, 0.30), (60, 80, 0.42), (80, 98, 0.13)]
HEAD_AGES = [(18, 25, 0.05), (25, 35, 0.24), (35, 45, 0.26), (45, 55, 0.19), (55, 65, 0.14),
             (65, 75, 0.08), (75, 85, 0.035), (85, 96, 0.005)]


def members(rng: np.random.Generator, hh: dict, as_of: pd.Timestamp) -> dict:
    """The members' columns (household row `hidx`, rank `k` in the household, role, age, birth date,
    sex, ethnic group, marital status, name); sets the households' `head_name`."""
    n_hh = int(hh["n"])
    size = hh["size"]
    hidx = np.repeat(np.arange(n_hh), size)
    start = first_members(size)
    m: dict = {"hidx": hidx, "k": np.arange(len(hidx)) - start[hidx]}
    single = size == 1
    head_age = np.where(single, bands(rng, SINGLE_HEAD_AGES, n_hh), bands(rng, HEAD_AGES, n_hh))
    has_spouse = (size >= 2) & (rng.random(n_hh) < 0.86)
    has_parent = (size >= 3) & (rng.random(n_hh) < 0.16) & (head_age <= 65)
    m["role"] = _roles(rng, m, size, head_age, has_spouse, has_parent)
    m["age"] = _ages(rng, m["role"], head_age[hidx])
    as_of_day = as_of.to_datetime64().astype("datetime64[D]")
    offset = np.round(m["age"] * 365.2425).astype(np.int64) + rng.integers(0, 365, len(hidx))
    m["dob"] = as_of_day - offset.astype("timedelta64[D]")
    m["male"] = _sexes(rng, m["role"], single, hidx)
    m["ethnic"] = _ethnic_groups(rng, hh, m)
    m["marital"] = _marital(rng, m["role"], m["age"], has_spouse[hidx])
    m["full_name"] = _names(rng, hh, m)
    hh["head_name"] = m["full_name"].take(pa.array(start))
    return m


def _roles(rng, m: dict, size, head_age, has_spouse, has_parent) -> np.ndarray:
    hidx, k = m["hidx"], m["k"]
    role = np.full(len(hidx), CHILD)
    role[k == 0] = HEAD
    role[(k == 1) & has_spouse[hidx]] = SPOUSE
    role[(k == size[hidx] - 1) & has_parent[hidx] & (k >= 2)] = PARENT
    r = rng.random(len(hidx))
    old_head = head_age[hidx] >= 52
    role[(role == CHILD) & old_head & (r < 0.55)] = GRANDCHILD
    r = rng.random(len(hidx))
    role[(role == CHILD) & (r < 0.03)] = SIBLING
    role[(role == CHILD) & (r >= 0.03) & (r < 0.05)] = OTHER
    return role


def _ages(rng, role: np.ndarray, h_age: np.ndarray) -> np.ndarray:
    """Each member's age from the head's: spouses near it, children and grandchildren below it."""
    n = len(role)
    u = rng.random(n)
    return np.select(
        [role == HEAD, role == SPOUSE, role == CHILD, role == GRANDCHILD, role == PARENT, role == SIBLING],
        [h_age,
         np.clip(h_age + np.round(rng.normal(-2.5, 4.0, n)).astype(np.int64), 17, 99),
         np.floor(u * (np.clip(h_age - 18, 0, 40) + 1)).astype(np.int64),
         np.floor(u * (np.clip(h_age - 40, 0, 22) + 1)).astype(np.int64),
         np.clip(h_age + 20 + rng.integers(0, 13, n), 0, 100),
         np.clip(h_age + rng.integers(-12, 13, n), 0, 95)],
        default=rng.integers(0, 86, n))


def _sexes(rng, role: np.ndarray, single: np.ndarray, hidx: np.ndarray) -> np.ndarray:
    """Heads mostly men (less often where they live alone); spouses the other sex."""
    head_male = (rng.random(len(single)) < np.where(single, 0.45, 0.86))[hidx]
    n = len(role)
    return np.select([role == HEAD, role == SPOUSE, role == PARENT],
                     [head_male, ~head_male, rng.random(n) < 0.35],
                     default=rng.random(n) < 0.51)


def _ethnic_groups(rng, hh: dict, m: dict) -> np.ndarray:
    """The household's group, except some spouses from another group of the district."""
    hidx = m["hidx"]
    ethnic = hh["ethnic"][hidx].copy()
    mixed = (m["role"] == SPOUSE) & (rng.random(len(hidx)) < 0.07)
    if mixed.any():
        rows = np.flatnonzero(mixed)
        cum = ethnic_matrix()[2].cumsum(axis=1)[hh["district_index"][hidx[rows]]]
        ethnic[rows] = np.minimum((cum < rng.random(len(rows))[:, None]).sum(axis=1), cum.shape[1] - 1)
    return ethnic


def _marital(rng: np.random.Generator, role: np.ndarray, age: np.ndarray, spouse_present: np.ndarray) -> np.ndarray:
    """Codes of draws.MARITAL."""
    n = len(role)
    out = np.full(n, SINGLE)
    r = rng.random(n)
    head_alone = (role == HEAD) & ~spouse_present
    out[((role == HEAD) & spouse_present) | (role == SPOUSE)] = MARRIED
    young = head_alone & (age < 30)
    mid = head_alone & (age >= 30) & (age < 60)
    old = head_alone & (age >= 60)
    out[young] = np.select([r < 0.6, r < 0.85, r < 0.95], [SINGLE, DIVORCED, WIDOWED], SPOUSE_MISSING)[young]
    out[mid] = np.select([r < 0.4, r < 0.8, r < 0.92], [DIVORCED, WIDOWED, SINGLE], SPOUSE_MISSING)[mid]
    out[old] = np.select([r < 0.8, r < 0.9, r < 0.95], [WIDOWED, DIVORCED, SINGLE], MARRIED)[old]
    parent = role == PARENT
    out[parent] = np.where(r < 0.6, WIDOWED, MARRIED)[parent]
    others = (role == CHILD) | (role == GRANDCHILD) | (role == SIBLING) | (role == OTHER)
    young_adult = others & (age >= 18) & (age < 25)
    adult = others & (age >= 25)
    out[young_adult] = np.where(r < 0.75, SINGLE, MARRIED)[young_adult]
    out[adult] = np.select([r < 0.55, r < 0.9, r < 0.97], [MARRIED, SINGLE, DIVORCED], WIDOWED)[adult]
    return out


@lru_cache(maxsize=1)
def _name_tokens() -> tuple[pa.Array, dict[str, list[np.ndarray]], np.ndarray]:
    """Every name part once (an Arrow array), the parts' positions in it for each name set (family,
    male middle, female middle, male given, female given), and each ethnic group's name set."""
    tokens: list[str] = []
    where: dict[str, list[np.ndarray]] = {}
    for name_set, (families, _, *parts) in P.NAMES.items():
        where[name_set] = []
        for words in (families, *parts):
            where[name_set].append(np.arange(len(tokens), len(tokens) + len(words)))
            tokens.extend(words)
    sets = list(P.NAMES)
    group_set = np.array([sets.index(P.NAME_SET[g]) for g in ethnic_matrix()[1]])
    return pa.array(tokens, pa.string()), where, group_set


def _names(rng: np.random.Generator, hh: dict, m: dict) -> pa.Array:
    """Vietnamese names by ethnic group: children share the head's family name."""
    tokens, where, group_set = _name_tokens()
    own_set, household_set = group_set[m["ethnic"]], group_set[hh["ethnic"]]
    household_family = np.zeros(len(household_set), dtype=np.int64)
    family, middle, given = (np.zeros(len(own_set), dtype=np.int64) for _ in range(3))
    for i, (name_set, (families, weights, *_)) in enumerate(P.NAMES.items()):  # 7 name sets
        ids = where[name_set]
        weights = weights or [1] * len(families)
        rows = np.flatnonzero(household_set == i)
        household_family[rows] = ids[0][pick(rng, weights, len(rows))]
        rows = np.flatnonzero(own_set == i)
        family[rows] = ids[0][pick(rng, weights, len(rows))]
        male = m["male"][rows]
        middle[rows] = np.where(male, ids[1][pick(rng, [1] * len(ids[1]), len(rows))],
                                ids[2][pick(rng, [1] * len(ids[2]), len(rows))])
        given[rows] = np.where(male, ids[3][pick(rng, [1] * len(ids[3]), len(rows))],
                               ids[4][pick(rng, [1] * len(ids[4]), len(rows))])
    inherits = np.isin(m["role"], [HEAD, CHILD, GRANDCHILD, SIBLING])
    family = np.where(inherits, household_family[m["hidx"]], family)
    full = pc.binary_join_element_wise(tokens.take(pa.array(family)), tokens.take(pa.array(middle)),
                                       tokens.take(pa.array(given)), " ")
    return pc.replace_substring(full, "  ", " ")   # Hà Nhì names have no middle name
