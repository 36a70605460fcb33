"""Synthetic Lai Châu registers, deterministic by seed and built column-wise (numpy), for demos,
tests and benchmarks.

    households, members = generate_sample(100_000, seed=7)
    write_sample("out/sample", 100_000, seed=7, fmt="parquet")

The legal figures it is built around (poverty lines, boarding distances) come from the compiled
rule pack on the as-of date (`figures.py`); the shares and distributions below are the province's
statistics (POLICIES.md §10) or modelling choices, not law.

What is realistic (POLICIES.md §10): the 8 former districts and 38 communes/wards, villages,
ethnic composition (Thái 32 %, Mông 21.5 %, Kinh 15.3 %, Dao 13.2 %, Hà Nhì 3.1 %, others),
household sizes 1-9 (mean ≈ 4.4), a young age pyramid with some 80+, about 19.5 % poor and
9.3 % near-poor households on the commune list. Income and the 12 deprivation indicators are
consistent with the standard of Decree 07/2021 for most households; the list and the standard
disagree on purpose for a few (households left off the list, and households listed although
above the line). Enrolment columns (HI card, social allowance, social pension, ...) follow an
approximation of eligibility with deliberate gaps (eligible, not enrolled) and leakage (enrolled,
not eligible). About 1 % of the values of optional columns are blank. Every value reads back
through `read_register` without a reject.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from ..rulebook.plan import Plan
from . import places as P
from .figures import Figures, figures_on
from .partial import make_years_only

DEFAULT_AS_OF = dt.date(2025, 11, 15)
SIZE_SHARES = [0.05, 0.12, 0.16, 0.22, 0.19, 0.12, 0.07, 0.04, 0.03]  # sizes 1..9, mean 4.4
LOW_INCOME_SHARE = 0.285  # households at or below the line (poor + near-poor by the standard)
POOR_SHARE_OF_LOW = 0.69
MISSING_SHARE = 0.01

# Indicators drawn at random (the others are computed from the members), with their weight.
RANDOM_DEPRIVATIONS = {
    "dep_employment": 1.0, "dep_nutrition": 0.8, "dep_adult_education": 1.0, "dep_housing_quality": 1.3,
    "dep_floor_area": 0.8, "dep_water": 1.4, "dep_latrine": 1.6, "dep_telecom": 0.3, "dep_information": 0.7,
}
COMPUTED_DEPRIVATIONS = ("dep_dependants", "dep_child_schooling", "dep_health_insurance")

ROLES = np.array(["head", "spouse", "child", "parent", "grandchild", "sibling", "other"], dtype=object)
HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER = range(7)
LEVELS = np.array(["none", "preschool", "primary", "lower_secondary", "upper_secondary", "vocational",
                   "university"], dtype=object)
INJURY_RATES = np.array([21, 25, 31, 35, 41, 45, 51, 55, 61, 65, 71, 81])
INJURY_WEIGHTS = np.array([12, 10, 10, 8, 9, 7, 7, 6, 6, 5, 4, 3], dtype=float)

# Never blanked: identifying columns and the columns the input schema requires.
KEEP_COMPLETE = {"household_id", "commune", "person_id", "date_of_birth", "head_name", "district",
                 "village"}


# ---------------------------------------------------------------------------------------------
# Public API


def generate_sample(households: int, seed: int, as_of: dt.date = DEFAULT_AS_OF,
                    plan: Plan | None = None, partial_dates: float = 0.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(households, members) frames with the declared column names; enums as codes (Categorical),
    yes/no as "boolean", dates as datetime64, amounts as numbers. Same arguments, same frames.
    `plan` (default: the bundled rule pack) gives the legal figures in force on `as_of`.
    `partial_dates`: the share of birth dates known to their year only (`partial.py`)."""
    if households < 1:
        raise ValueError("households must be at least 1")
    if plan is None:
        from ..api import load_rules

        plan = load_rules()
    figures = figures_on(plan, as_of)
    rng = np.random.default_rng(seed)
    as_of = pd.Timestamp(as_of).normalize()
    hh = _place_households(rng, int(households))
    m = _members(rng, hh, as_of, figures)
    _living_standard(rng, hh, as_of, figures)
    _person_enrolment(rng, hh, m)
    _deprivations(rng, hh, m)
    _housing_and_events(rng, hh, m, as_of)
    _household_enrolment(rng, hh, as_of)
    households_frame, members_frame = _frames(hh, m)
    _blank_some(rng, households_frame)
    _blank_some(rng, members_frame)
    # Declared since the audit tables (issue 13); the audit's own draws set some (synthetic/lists.py), with
    # their own random stream, so that every other column keeps its values for a given seed.
    members_frame["date_of_death"] = pd.Series(pd.NaT, index=members_frame.index, dtype="datetime64[ns]")
    members_frame["pension_amount"] = pd.Series(pd.NA, index=members_frame.index, dtype="Float64")
    # Vocational training (Decision 46/2015): nobody generated is registered for a course (blank: none).
    for name, dtype in (("vocational_course", "object"), ("course_days_attended", "Int64"),
                        ("course_distance_km", "Float64"), ("prior_state_training", "boolean")):
        members_frame[name] = pd.Series(pd.NA if dtype != "object" else None, index=members_frame.index, dtype=dtype)
    members_frame = members_frame[list(plan.inputs.members.columns)]
    households_frame = households_frame[list(plan.inputs.households.columns)]
    return households_frame, make_years_only(members_frame, partial_dates, seed, as_of)


def write_sample(out_dir: str | Path, households: int, seed: int, fmt: str = "parquet",
                 as_of: dt.date = DEFAULT_AS_OF, headers: str = "en", schema=None,
                 plan: Plan | None = None, partial_dates: float = 0.0) -> list[Path]:
    """Generate a sample register and write it (see write_register); returns the files written.
    Birth dates known to their year only are written as the year alone (`1944`)."""
    from ..register.writer import write_register

    households_frame, members_frame = generate_sample(households, seed, as_of, plan, partial_dates)
    return write_register(households_frame, members_frame, out_dir, fmt=fmt, headers=headers, schema=schema)


# ---------------------------------------------------------------------------------------------
# Helpers


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _calibrate(score: np.ndarray, target: float) -> float:
    """The intercept a with mean(sigmoid(a + score)) = target (bisection)."""
    low, high = -20.0, 20.0
    for _ in range(60):
        mid = (low + high) / 2
        if _sigmoid(mid + score).mean() < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def _pick(rng: np.random.Generator, options, p, size: int) -> np.ndarray:
    p = np.asarray(p, dtype=float)
    return np.asarray(options, dtype=object)[rng.choice(len(p), size=size, p=p / p.sum())]


def _bands(rng: np.random.Generator, bands: list[tuple[int, int, float]], size: int) -> np.ndarray:
    """Ages drawn from (low, high, weight) bands, uniform within a band (high exclusive)."""
    weights = np.array([b[2] for b in bands])
    which = rng.choice(len(bands), size=size, p=weights / weights.sum())
    lows = np.array([b[0] for b in bands])[which]
    highs = np.array([b[1] for b in bands])[which]
    return lows + np.floor(rng.random(size) * (highs - lows)).astype(np.int64)


def _per_household(values: np.ndarray, hidx: np.ndarray, n: int) -> np.ndarray:
    """Count of true values per household."""
    return np.bincount(hidx, weights=values.astype(float), minlength=n)


def _dates_in_december(rng: np.random.Generator, years: np.ndarray, as_of: pd.Timestamp) -> np.ndarray:
    """A day of the commune's annual review (1-31 December) of each year, never after as_of."""
    days = pd.to_datetime(pd.Series(years.astype(np.int64)).astype(str) + "-12-01").to_numpy("datetime64[D]")
    days = days + rng.integers(0, 31, len(years)).astype("timedelta64[D]")
    return np.minimum(days, as_of.to_datetime64().astype("datetime64[D]"))


# ---------------------------------------------------------------------------------------------
# Places


def geography() -> pd.DataFrame:
    """One row per village: commune, former district, name, urban, ĐBKK, share of households.
    Fixed (its own seed), so every sample uses the same villages."""
    rng = np.random.default_rng(767)
    rows = []
    commune_weight = {"ward": 2.5, "centre": 1.4, "rural": 1.0}
    district_total = {d: sum(commune_weight[k] for _, dd, k in P.COMMUNES if dd == d) for d in P.DISTRICTS}
    for commune, district, kind in P.COMMUNES:  # 38 communes, not rows
        share = P.DISTRICTS[district][0] * commune_weight[kind] / district_total[district]
        if kind == "ward":
            names = [f"Tổ dân phố số {i}" for i in range(1, P.WARD_BLOCKS + 1)]
            urban = [True] * len(names)
        else:
            picked = rng.choice(len(P.VILLAGE_NAMES), P.VILLAGES_PER_COMMUNE, replace=False)
            names = [f"Bản {P.VILLAGE_NAMES[i]}" for i in picked]
            urban = [False] * len(names)
            if kind == "centre":
                for i in range(P.URBAN_VILLAGES_IN_CENTRE):
                    names[i], urban[i] = f"Tổ dân phố số {i + 1}", True
        in_dbkk_commune = commune in P.DBKK_COMMUNES
        for name, is_urban in zip(names, urban):
            dbkk = in_dbkk_commune or (kind != "ward" and not is_urban and rng.random() < 0.2)
            rows.append({"commune": commune, "district": district, "kind": kind, "village": name,
                         "urban": is_urban, "dbkk": bool(dbkk), "weight": share / len(names),
                         "exited": kind == "centre" and not in_dbkk_commune and not is_urban and not dbkk})
    frame = pd.DataFrame(rows)
    frame["weight"] /= frame["weight"].sum()
    return frame


def ethnic_matrix() -> tuple[list[str], list[str], np.ndarray]:
    """(districts, groups, P[d, g]): each district's ethnic distribution, its tilt raked so the
    province total matches ETHNIC_SHARES."""
    districts = list(P.DISTRICTS)
    groups = list(P.ETHNIC_SHARES)
    target = np.array([P.ETHNIC_SHARES[g] for g in groups])
    target /= target.sum()
    rows = np.array([P.DISTRICTS[d][0] for d in districts])
    rows /= rows.sum()
    tilt = np.array([[P.ETHNIC_TILTS.get(d, {}).get(g, 1.0) for g in groups] for d in districts])
    joint = rows[:, None] * tilt * target[None, :]
    for _ in range(200):  # iterative proportional fitting
        joint *= (rows / joint.sum(axis=1))[:, None]
        joint *= (target / joint.sum(axis=0))[None, :]
    return districts, groups, joint / joint.sum(axis=1, keepdims=True)


def _place_households(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    geo = geography()
    where = rng.choice(len(geo), size=n, p=geo["weight"].to_numpy())
    hh: dict[str, np.ndarray] = {"n": np.array(n)}
    for column in ("commune", "district", "kind", "village", "urban", "dbkk", "exited"):
        hh[column] = geo[column].to_numpy()[where]
    hh["poor_district"] = np.array([P.DISTRICTS[d][1] for d in P.DISTRICTS])[
        pd.Categorical(hh["district"], categories=list(P.DISTRICTS)).codes]
    districts, groups, matrix = ethnic_matrix()
    district_index = pd.Categorical(hh["district"], categories=districts).codes
    ethnic = np.empty(n, dtype=np.int64)
    for d, _district in enumerate(districts):  # 8 districts
        rows = np.flatnonzero(district_index == d)
        ethnic[rows] = rng.choice(len(groups), size=len(rows), p=matrix[d])
    hh["ethnic_index"] = ethnic
    hh["groups"] = np.array(groups, dtype=object)
    hh["ethnicity"] = hh["groups"][ethnic]
    hh["district_index"] = district_index
    hh["matrix"] = matrix
    district_score = np.array([P.DISTRICT_POVERTY[d] for d in districts])[district_index]
    ethnic_score = np.array([P.ETHNIC_POVERTY.get(g, 0.0) for g in groups])[ethnic]
    hh["z"] = (district_score + ethnic_score - 0.6 * hh["urban"] + 0.4 * hh["dbkk"]
               + rng.normal(0.0, 0.8, n))
    sizes = 1 + rng.choice(9, size=n, p=SIZE_SHARES)
    hh["size"] = sizes
    numbers = pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(max(6, len(str(n))))
    hh["household_id"] = ("LC" + numbers).to_numpy(dtype=object)
    return hh


# ---------------------------------------------------------------------------------------------
# Members


def _members(rng: np.random.Generator, hh: dict, as_of: pd.Timestamp, figures: Figures) -> dict[str, np.ndarray]:
    n_hh = int(hh["n"])
    size = hh["size"]
    hidx = np.repeat(np.arange(n_hh), size)
    n = len(hidx)
    start = np.cumsum(size) - size
    k = np.arange(n) - start[hidx]
    m: dict[str, np.ndarray] = {"hidx": hidx, "k": k}

    single = size == 1
    head_age = np.where(
        single,
        _bands(rng, [(20, 35, 0.15), (35, 60, 0.30), (60, 80, 0.42), (80, 98, 0.13)], n_hh),
        _bands(rng, [(18, 25, 0.05), (25, 35, 0.24), (35, 45, 0.26), (45, 55, 0.19), (55, 65, 0.14),
                     (65, 75, 0.08), (75, 85, 0.035), (85, 96, 0.005)], n_hh))
    has_spouse = (size >= 2) & (rng.random(n_hh) < 0.86)
    has_parent = (size >= 3) & (rng.random(n_hh) < 0.16) & (head_age <= 65)

    role = np.full(n, CHILD)
    role[k == 0] = HEAD
    role[(k == 1) & has_spouse[hidx]] = SPOUSE
    role[(k == size[hidx] - 1) & has_parent[hidx] & (k >= 2)] = PARENT
    r = rng.random(n)
    old_head = head_age[hidx] >= 52
    role[(role == CHILD) & old_head & (r < 0.55)] = GRANDCHILD
    r = rng.random(n)
    role[(role == CHILD) & (r < 0.03)] = SIBLING
    role[(role == CHILD) & (r >= 0.03) & (r < 0.05)] = OTHER
    m["role"] = role

    h_age = head_age[hidx]
    u = rng.random(n)
    age = np.select(
        [role == HEAD, role == SPOUSE, role == CHILD, role == GRANDCHILD, role == PARENT, role == SIBLING],
        [h_age,
         np.clip(h_age + np.round(rng.normal(-2.5, 4.0, n)).astype(np.int64), 17, 99),
         np.floor(u * (np.clip(h_age - 18, 0, 40) + 1)).astype(np.int64),
         np.floor(u * (np.clip(h_age - 40, 0, 22) + 1)).astype(np.int64),
         np.clip(h_age + 20 + rng.integers(0, 13, n), 0, 100),
         np.clip(h_age + rng.integers(-12, 13, n), 0, 95)],
        default=rng.integers(0, 86, n))
    m["age"] = age
    as_of_day = as_of.to_datetime64().astype("datetime64[D]")
    offset = np.round(age * 365.2425).astype(np.int64) + rng.integers(0, 365, n)
    m["dob"] = as_of_day - offset.astype("timedelta64[D]")

    head_male = rng.random(n_hh) < np.where(single, 0.45, 0.86)
    male = np.select([role == HEAD, role == SPOUSE, role == PARENT],
                     [head_male[hidx], ~head_male[hidx], rng.random(n) < 0.35],
                     default=rng.random(n) < 0.51)
    m["male"] = male

    # ethnicity: the household's, except some spouses from another group of the district
    ethnic = hh["ethnic_index"][hidx].copy()
    mixed = (role == SPOUSE) & (rng.random(n) < 0.07)
    if mixed.any():
        rows = np.flatnonzero(mixed)
        cum = hh["matrix"].cumsum(axis=1)[hh["district_index"][hidx[rows]]]
        ethnic[rows] = np.minimum((cum < rng.random(len(rows))[:, None]).sum(axis=1), cum.shape[1] - 1)
    m["ethnicity"] = hh["groups"][ethnic]
    m["marital"] = _marital(rng, role, age, has_spouse[hidx])
    m["full_name"] = _names(rng, hh, m)
    hh["head_name"] = m["full_name"][start]
    _schooling(rng, hh, m, figures)
    _conditions(rng, hh, m, as_of_day)
    _merit(rng, hh, m)
    _income_support(rng, hh, m)
    return m


def _marital(rng: np.random.Generator, role: np.ndarray, age: np.ndarray, spouse_present: np.ndarray) -> np.ndarray:
    n = len(role)
    out = np.full(n, "single", dtype=object)
    r = rng.random(n)
    head_alone = (role == HEAD) & ~spouse_present
    out[((role == HEAD) & spouse_present) | (role == SPOUSE)] = "married"
    young = head_alone & (age < 30)
    mid = head_alone & (age >= 30) & (age < 60)
    old = head_alone & (age >= 60)
    out[young] = np.select([r < 0.6, r < 0.85, r < 0.95], ["single", "divorced", "widowed"], "spouse_missing")[young]
    out[mid] = np.select([r < 0.4, r < 0.8, r < 0.92], ["divorced", "widowed", "single"], "spouse_missing")[mid]
    out[old] = np.select([r < 0.8, r < 0.9, r < 0.95], ["widowed", "divorced", "single"], "married")[old]
    parent = role == PARENT
    out[parent] = np.where(r < 0.6, "widowed", "married")[parent]
    others = np.isin(role, [CHILD, GRANDCHILD, SIBLING, OTHER])
    young_adult = others & (age >= 18) & (age < 25)
    adult = others & (age >= 25)
    out[young_adult] = np.where(r < 0.75, "single", "married")[young_adult]
    out[adult] = np.select([r < 0.55, r < 0.9, r < 0.97], ["married", "single", "divorced"], "widowed")[adult]
    return out


def _names(rng: np.random.Generator, hh: dict, m: dict) -> np.ndarray:
    """Vietnamese names by ethnic group: children share the head's family name."""
    n = len(m["hidx"])
    own_set = pd.Series(m["ethnicity"]).map(P.NAME_SET).to_numpy(dtype=object)
    household_set = pd.Series(hh["ethnicity"]).map(P.NAME_SET).to_numpy(dtype=object)
    household_family = np.empty(len(household_set), dtype=object)
    family = np.empty(n, dtype=object)
    middle = np.empty(n, dtype=object)
    given = np.empty(n, dtype=object)
    for name_set, (families, weights, male_mid, female_mid, male_given, female_given) in P.NAMES.items():
        rows = np.flatnonzero(household_set == name_set)
        household_family[rows] = _pick(rng, families, weights or [1] * len(families), len(rows))
        rows = np.flatnonzero(own_set == name_set)
        family[rows] = _pick(rng, families, weights or [1] * len(families), len(rows))
        male = m["male"][rows]
        middle[rows] = np.where(male, _pick(rng, male_mid, [1] * len(male_mid), len(rows)),
                                _pick(rng, female_mid, [1] * len(female_mid), len(rows)))
        given[rows] = np.where(male, _pick(rng, male_given, [1] * len(male_given), len(rows)),
                               _pick(rng, female_given, [1] * len(female_given), len(rows)))
    inherits = np.isin(m["role"], [HEAD, CHILD, GRANDCHILD, SIBLING])
    family = np.where(inherits, household_family[m["hidx"]], family)
    full = pd.Series(family) + " " + pd.Series(middle) + " " + pd.Series(given)
    return full.str.replace("  ", " ", regex=False).to_numpy(dtype=object)


def _schooling(rng: np.random.Generator, hh: dict, m: dict, figures: Figures) -> None:
    n = len(m["hidx"])
    age = m["age"]
    z = hh["z"][m["hidx"]]
    poorer = np.clip(z, 0, 2) * 0.05
    r = rng.random(n)
    level = np.zeros(n, dtype=np.int64)
    level[(age >= 3) & (age <= 5) & (r < 0.9 - poorer)] = 1
    level[(age >= 6) & (age <= 10) & (r < 0.975 - poorer / 2)] = 2
    level[(age >= 11) & (age <= 14) & (r < 0.9 - poorer)] = 3
    upper = (age >= 15) & (age <= 17)
    level[upper & (r < 0.55 - poorer)] = 4
    level[upper & (r >= 0.55 - poorer) & (r < 0.65 - poorer)] = 5
    adult = (age >= 18) & (age <= 22)
    level[adult & (r < 0.12)] = 6
    level[adult & (r >= 0.12) & (r < 0.2)] = 5
    m["level"] = level
    studying = level > 0
    public = np.where(level == 6, rng.random(n) < 0.8, rng.random(n) < 0.97)
    mean_km = np.select([level == 1, level == 2, level == 3, level == 4], [0.8, 1.5, 4.0, 8.0], 15.0)
    km = np.maximum(np.round((0.2 + rng.exponential(mean_km)) * 2) / 2, 0.5)
    dbkk = hh["dbkk"][m["hidx"]]
    terrain = rng.random(n) < np.where(dbkk, 0.12, 0.04)
    threshold = np.select([level == 2, level == 3, level == 4], list(figures.boarding_km), np.inf)
    far = (km >= threshold) | (terrain & np.isin(level, [2, 3, 4]))
    boarding = rng.random(n) < np.where(dbkk & far, np.where(level == 2, 0.4, 0.75), 0.03)
    school = studying & (level <= 4)
    m["studying"] = studying
    m["school_public"] = np.where(studying, public, None)
    m["school_distance_km"] = np.where(studying & (level <= 5), km, np.nan)
    m["difficult_terrain"] = np.where(school, terrain, None)
    m["boarding"] = np.where(school, boarding & (level >= 2), None)
    m["boarding_eligible"] = school & dbkk & far & (level >= 2)


def _conditions(rng: np.random.Generator, hh: dict, m: dict, as_of_day: np.datetime64) -> None:
    n = len(m["hidx"])
    age, role = m["age"], m["role"]
    p_serious = np.select([age < 16, age < 60, age < 80], [0.014, 0.02, 0.07], 0.13)
    r = rng.random(n)
    disability = np.full(n, "none", dtype=object)
    disability[r < p_serious * 0.72] = "severe"
    disability[(r >= p_serious * 0.72) & (r < p_serious)] = "especially_severe"
    disability[(r >= p_serious) & (r < p_serious + 0.03)] = "mild"
    m["disability"] = disability
    disabled = disability != "none"
    lo = np.maximum(m["dob"], np.datetime64("2010-01-01"))
    span = np.maximum((as_of_day - lo).astype(np.int64) - 400, 0)
    certified = lo + np.floor(rng.random(n) * span).astype("timedelta64[D]")
    m["disability_certified"] = np.where(disabled & (rng.random(n) < 0.95), certified, np.datetime64("NaT"))
    child = age < 16
    orphan = child & np.isin(role, [GRANDCHILD, OTHER]) & (rng.random(n) < 0.025)
    m["orphan"] = orphan
    m["fostered"] = orphan & (rng.random(n) < 0.7)
    m["hiv"] = (age >= 16) & (rng.random(n) < 0.0008)
    hidx = m["hidx"]
    n_hh = int(hh["n"])
    kids = _per_household((role == CHILD) & (age < 16), hidx, n_hh)
    single_head = (role == HEAD) & (m["marital"] != "married")
    m["single_parent"] = single_head & (kids[hidx] > 0)
    working = (age >= 18) & (age < 60)
    workers = _per_household(working, hidx, n_hh)[hidx] - working
    m["has_supporter"] = workers > 0
    m["lives_alone"] = hh["size"][hidx] == 1


def _merit(rng: np.random.Generator, hh: dict, m: dict) -> None:
    n = len(m["hidx"])
    age, male = m["age"], m["male"]
    category = np.full(n, "none", dtype=object)
    r = rng.random(n)
    rules = [
        ("war_invalid", male & (age >= 57) & (age <= 75), 0.008),
        ("sick_soldier", male & (age >= 60) & (age <= 80), 0.002),
        ("agent_orange", (age >= 65) & (age <= 85), 0.0015),
        ("resistance_fighter", (age >= 63) & (age <= 92), 0.012),
        ("martyr_relative", age >= 58, 0.006),
        ("heroic_mother", ~male & (age >= 88), 0.03),
        ("helped_revolution", age >= 75, 0.003),
    ]
    for name, who, p in rules:  # a handful of categories
        chosen = (category == "none") & who & (r < p)
        category[chosen] = name
        r = rng.random(n)
    m["merit"] = category
    injured = np.isin(category, ["war_invalid", "sick_soldier", "agent_orange"])
    rates = INJURY_RATES[rng.choice(len(INJURY_RATES), n, p=INJURY_WEIGHTS / INJURY_WEIGHTS.sum())]
    m["injury_rate"] = np.where(injured, rates, -1)
    martyr = category == "martyr_relative"
    relation = np.where(age >= 85, "parent",
                        np.where(~male & (rng.random(n) < 0.5), "spouse", "child"))
    m["martyr_relation"] = np.where(martyr, relation, None)
    m["martyr_count"] = np.where(martyr, np.where(rng.random(n) < 0.05, 2, 1), -1)
    # a child of an invalid head carries the parent's rate
    hidx, role = m["hidx"], m["role"]
    start = np.cumsum(hh["size"]) - hh["size"]
    head_rate = m["injury_rate"][start][hidx]
    m["parent_invalid_rate"] = np.where((role == CHILD) & (head_rate > 0), head_rate, -1)


def _income_support(rng: np.random.Generator, hh: dict, m: dict) -> None:
    n = len(m["hidx"])
    age = m["age"]
    kinh = m["ethnicity"] == "kinh"
    urban = hh["urban"][m["hidx"]]
    p = np.where(age >= 60, 0.05 + 0.15 * kinh + 0.05 * urban, np.where(age >= 55, 0.03, 0.0))
    pension = rng.random(n) < p
    m["pension"] = pension
    m["survivor"] = (age >= 60) & ~pension & (rng.random(n) < 0.012)
    m["voluntary_si"] = (age >= 18) & (age < 60) & (rng.random(n) < 0.025 + 0.02 * kinh)


# ---------------------------------------------------------------------------------------------
# Living standard, enrolment, deprivations, events


def _living_standard(rng: np.random.Generator, hh: dict, as_of: pd.Timestamp, figures: Figures) -> None:
    n = int(hh["n"])
    z = hh["z"]
    low = rng.random(n) < _sigmoid(_calibrate(z, LOW_INCOME_SHARE) + z)
    poor_score = 0.8 * z[low]
    poor = np.zeros(n, dtype=bool)
    poor[low] = rng.random(low.sum()) < _sigmoid(_calibrate(poor_score, POOR_SHARE_OF_LOW) + poor_score)
    klass = np.where(poor, 2, np.where(low, 1, 0))  # what the household really is, by the standard
    hh["klass"] = klass
    line = np.where(hh["urban"], figures.urban_line, figures.rural_line)
    u = rng.random(n)
    below = np.floor(line * (0.3 + 0.7 * u ** 0.6) / 10_000) * 10_000
    below = np.where(rng.random(n) < 0.02, line, below)
    above = line + 10_000 + np.round(line * np.exp(rng.normal(-0.6, 0.8, n)) / 10_000) * 10_000
    hh["income"] = np.where(low, below, np.minimum(above, 30_000_000)).astype(np.float64)
    hh["line"] = line
    # the commune's list: mostly what the standard says, with deliberate disagreements
    r = rng.random(n)
    listed = np.select(
        [klass == 2, klass == 1],
        [np.select([r < 0.94, r < 0.97], ["poor", "near_poor"], "none"),
         np.select([r < 0.90, r < 0.93], ["near_poor", "poor"], "none")],
        np.select([r < 0.012, r < 0.024], ["poor", "near_poor"], "none"))
    hh["list"] = listed
    last_review = as_of.year - 1
    on_list = listed != "none"
    since_year = last_review - rng.choice(4, n, p=[0.15, 0.15, 0.2, 0.5])
    since = _dates_in_december(rng, since_year, as_of)
    hh["list_since"] = np.where(on_list & (rng.random(n) < 0.97), since, np.datetime64("NaT"))
    exited = ~on_list & (rng.random(n) < 0.16)
    exit_year = last_review - rng.integers(0, 4, n)
    hh["exit_date"] = np.where(exited, _dates_in_december(rng, exit_year, as_of), np.datetime64("NaT"))


def _person_enrolment(rng: np.random.Generator, hh: dict, m: dict) -> None:
    n = len(m["hidx"])
    hidx, age = m["hidx"], m["age"]
    listed = hh["list"][hidx]
    poor, near = listed == "poor", listed == "near_poor"
    dbkk = hh["dbkk"][hidx]
    minority = m["ethnicity"] != "kinh"
    difficult = ~hh["urban"][hidx] | dbkk
    serious = np.isin(m["disability"], ["severe", "especially_severe"])
    studying = m["studying"]

    def draw(eligible: np.ndarray, p_yes: float, p_leak: float) -> np.ndarray:
        return rng.random(n) < np.where(eligible, p_yes, p_leak)

    allowance = (serious | (m["orphan"] & ((age < 16) | ((age < 22) & studying)))
                 | (m["hiv"] & poor) | ((age >= 60) & poor & ~m["has_supporter"])
                 | (m["single_parent"] & (poor | near)) | ((age < 3) & (poor | near) & dbkk))
    m["allowance"] = draw(allowance, 0.9, 0.01)
    social_pension = ~m["pension"] & ((age >= 75) | ((age >= 70) & (poor | near)))
    m["social_pension"] = draw(social_pension & ~m["allowance"], 0.86, 0.008)
    m["care"] = draw((m["orphan"] & m["fostered"]) | (m["disability"] == "especially_severe"), 0.8, 0.003)
    m["merit_allowance"] = draw(m["merit"] != "none", 0.97, 0.002)
    state_hi = ((age < 6) | poor | (minority & difficult) | dbkk | (m["merit"] != "none") | m["allowance"]
                | m["social_pension"] | (near & minority))
    p_card = np.select([state_hi, m["pension"], near, studying], [0.965, 0.995, 0.9, 0.93], 0.72)
    m["hi_card"] = rng.random(n) < p_card
    m["hi_state_paid"] = m["hi_card"] & draw(state_hi, 0.97, 0.02)
    level = m["level"]
    school = studying & (level <= 4)
    exempt_ground = poor | near | serious | m["orphan"] | (m["parent_invalid_rate"] > 0)
    m["tuition_exempt"] = studying & draw((school & (m["school_public"] == True)) | (~school & exempt_ground),  # noqa: E712
                                          0.93, 0.02)
    learning = school & (m["orphan"] | (m["disability"] != "none") | poor | dbkk
                         | np.isin(m["ethnicity"], list(P.VERY_SMALL_GROUPS)))
    m["learning_support"] = school & draw(learning, 0.9, 0.01)
    m["boarding_support"] = (m["boarding"] == True) & draw(m["boarding_eligible"], 0.88, 0.04)  # noqa: E712
    m["vsi_support"] = m["voluntary_si"] & (rng.random(n) < 0.9)


def _deprivations(rng: np.random.Generator, hh: dict, m: dict) -> None:
    n_hh = int(hh["n"])
    hidx, age = m["hidx"], m["age"]
    size = hh["size"]
    dependant = (age < 16) | (age >= 60) | np.isin(m["disability"], ["severe", "especially_severe"])
    hh["dep_dependants"] = _per_household(dependant, hidx, n_hh) / size > 0.5
    out_of_school = (age >= 3) & (age < 16) & ~m["studying"]
    hh["dep_child_schooling"] = _per_household(out_of_school, hidx, n_hh) > 0
    uninsured = (age >= 6) & ~m["hi_card"]
    hh["dep_health_insurance"] = _per_household(uninsured, hidx, n_hh) > 0
    computed = sum(hh[c].astype(int) for c in COMPUTED_DEPRIVATIONS)
    klass = hh["klass"]
    need = np.maximum(3 - computed, 0)
    room = np.maximum(2 - computed, 0)
    count = np.select([klass == 2, klass == 1],
                      [need + rng.poisson(1.0, n_hh), np.minimum(rng.poisson(0.8, n_hh), room)],
                      rng.binomial(len(RANDOM_DEPRIVATIONS), 0.08, n_hh))
    count = np.minimum(count, len(RANDOM_DEPRIVATIONS))
    weights = np.array(list(RANDOM_DEPRIVATIONS.values()))
    keys = rng.random((n_hh, len(weights))) ** (1.0 / weights)  # weighted choice without replacement
    rank = np.argsort(np.argsort(-keys, axis=1), axis=1)
    chosen = rank < count[:, None]
    for j, name in enumerate(RANDOM_DEPRIVATIONS):
        hh[name] = chosen[:, j]
    hh["dep_health_access"] = rng.random(n_hh) < np.where(klass == 2, 0.12, 0.03)
    total = computed + chosen.sum(axis=1)
    at_or_below = hh["income"] <= hh["line"]
    hh["standard"] = np.where(at_or_below, np.where(total >= 3, "poor", "near_poor"), "none")


def _housing_and_events(rng: np.random.Generator, hh: dict, m: dict, as_of: pd.Timestamp) -> None:
    n = int(hh["n"])
    r = rng.random(n)
    poor_house = hh["dep_housing_quality"]
    hh["house"] = np.where(poor_house,
                           np.select([r < 0.5, r < 0.8, r < 0.99], ["temporary", "dilapidated", "durable"], "none"),
                           np.select([r < 0.97, r < 0.99], ["durable", "temporary"], "dilapidated"))
    # disasters and fires within the year before as_of
    hit = rng.random(n) < np.where(hh["urban"], 0.01, 0.045)
    kinds = _pick(rng, ["landslide", "flood", "storm", "fire", "other"], [0.35, 0.28, 0.2, 0.14, 0.03], n)
    rainy = np.array([1, 1, 2, 3, 6, 10, 12, 12, 9, 5, 2, 1], dtype=float)
    dry = np.array([10, 9, 8, 6, 3, 2, 1, 1, 2, 4, 7, 9], dtype=float)
    month = np.where(kinds == "fire", rng.choice(12, n, p=dry / dry.sum()), rng.choice(12, n, p=rainy / rainy.sum())) + 1
    day = rng.integers(1, 29, n)
    year = np.where((month < as_of.month) | ((month == as_of.month) & (day < as_of.day)), as_of.year, as_of.year - 1)
    dates = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day})).to_numpy("datetime64[D]")
    hh["disaster"] = hit
    hh["disaster_date"] = np.where(hit, dates, np.datetime64("NaT"))
    hh["disaster_kind"] = np.where(hit, kinds, None)
    r = rng.random(n)
    damage = np.where(kinds == "fire",
                      np.select([r < 0.3, r < 0.6, r < 0.9], ["collapsed", "severe", "minor"], "none"),
                      np.select([r < 0.08, r < 0.15, r < 0.3, r < 0.7], ["collapsed", "relocation", "severe", "minor"], "none"))
    hh["damage"] = np.where(hit, damage, None)
    heavy = hit & np.isin(damage, ["collapsed", "relocation", "severe"])
    hh["other_home"] = np.where(heavy, rng.random(n) < 0.3, None)
    deaths = np.where(rng.random(n) < np.where(np.isin(damage, ["collapsed", "relocation"]), 0.08, 0.01),
                      np.where(rng.random(n) < 0.9, 1, 2), 0)
    hh["deaths"] = np.where(hit, deaths, -1)
    hh["relief"] = hit & (rng.random(n) < np.select([heavy | (deaths > 0), damage == "minor"], [0.85, 0.25], 0.05))
    # one injured member in some of the hit households
    hidx = m["hidx"]
    injured_household = hit & (rng.random(n) < 0.12)
    start = np.cumsum(hh["size"]) - hh["size"]
    victim = start + np.floor(rng.random(n) * hh["size"]).astype(np.int64)
    days = np.where(hit[hidx], 0, -1)
    chosen = victim[injured_household]
    days[chosen] = rng.integers(1, 15, len(chosen))
    m["injured_days"] = days


def _household_enrolment(rng: np.random.Generator, hh: dict, as_of: pd.Timestamp) -> None:
    n = int(hh["n"])
    listed = hh["list"]

    def draw(eligible, p_yes, p_leak):
        return rng.random(n) < np.where(eligible, p_yes, p_leak)

    hh["loan_poor"] = draw(listed == "poor", 0.45, 0.004)
    hh["loan_near_poor"] = draw(listed == "near_poor", 0.35, 0.003)
    limit = (as_of - pd.DateOffset(years=3)).to_datetime64().astype("datetime64[D]")
    recent = ~np.isnat(hh["exit_date"]) & (hh["exit_date"] >= limit)
    hh["loan_newly_escaped"] = draw(recent, 0.3, 0.002)
    hh["loan_water"] = draw(~hh["urban"], 0.12, 0.01)
    on_list = listed != "none"
    hh["housing_support"] = draw(on_list & (hh["house"] == "durable"), 0.25,
                                 0.0) | (on_list & (hh["house"] != "durable") & (rng.random(n) < 0.1))
    hh["hygienic_water"] = np.where(hh["dep_water"], rng.random(n) < 0.1, rng.random(n) < 0.98)
    hh["farming"] = rng.random(n) < np.where(hh["urban"], 0.08, 0.88)
    hh["hardship"] = rng.random(n) < np.where(listed == "none", 0.03, 0.01)


# ---------------------------------------------------------------------------------------------
# Frames


def _cat(values) -> pd.Categorical:
    values = np.asarray(values, dtype=object)
    return pd.Categorical(values)


def _boolean(values) -> pd.arrays.BooleanArray:
    values = np.asarray(values)
    if values.dtype == bool:
        return pd.arrays.BooleanArray(values, np.zeros(len(values), dtype=bool))
    values = values.astype(object)
    missing = pd.isna(values)
    return pd.arrays.BooleanArray(np.where(missing, False, values).astype(bool), missing)


def _nullable_int(values: np.ndarray) -> pd.Series:
    series = pd.Series(np.asarray(values, dtype=np.int64), dtype="Int64")
    return series.mask(series < 0)


def _dates(values: np.ndarray) -> pd.Series:
    return pd.Series(np.asarray(values, dtype="datetime64[D]")).astype("datetime64[ns]")


def _frames(hh: dict, m: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = int(hh["n"])
    exited_date = np.where(hh["exited"], np.datetime64("2021-06-04"), np.datetime64("NaT"))
    households = pd.DataFrame({
        "household_id": pd.Series(hh["household_id"], dtype="string"),
        "head_name": pd.Series(hh["head_name"], dtype="string"),
        "district": _cat(hh["district"]),
        "commune": pd.Series(hh["commune"], dtype="string"),
        "village": pd.Series(hh["village"], dtype="string"),
        "area_type": _cat(np.where(hh["urban"], "urban", "rural")),
        "poor_commune": _boolean(hh["poor_district"]),
        "area_difficult": _boolean(hh["kind"] != "ward"),
        "area_extremely_difficult": _boolean(hh["dbkk"]),
        "area_ethnic_mountain": _boolean(np.ones(n, dtype=bool)),
        "area_exited_difficult_date": _dates(exited_date),
        "income_per_capita": pd.Series(hh["income"], dtype="Float64"),
        **{name: _boolean(hh[name]) for name in (
            "dep_employment", "dep_dependants", "dep_nutrition", "dep_health_insurance", "dep_health_access",
            "dep_adult_education", "dep_child_schooling", "dep_housing_quality", "dep_floor_area",
            "dep_water", "dep_latrine", "dep_telecom", "dep_information")},
        "farming_household": _boolean(hh["farming"]),
        "poverty_list_status": _cat(hh["list"]),
        "poverty_list_since": _dates(hh["list_since"]),
        "poverty_exit_date": _dates(hh["exit_date"]),
        "house_condition": _cat(hh["house"]),
        "disaster_date": _dates(hh["disaster_date"]),
        "disaster_kind": _cat(hh["disaster_kind"]),
        "house_damage": _cat(hh["damage"]),
        "has_other_home": _boolean(hh["other_home"]),
        "disaster_deaths": _nullable_int(hh["deaths"]),
        "hardship_household": _boolean(hh["hardship"]),
        # the village's Tết hunger list: not simulated (an event the village records); blank = not listed
        "food_short_tet": _boolean(np.zeros(len(hh["hardship"]), dtype=bool)),
        "loan_poor": _boolean(hh["loan_poor"]),
        "loan_near_poor": _boolean(hh["loan_near_poor"]),
        "loan_newly_escaped": _boolean(hh["loan_newly_escaped"]),
        "loan_water_sanitation": _boolean(hh["loan_water"]),
        "housing_support_received": _boolean(hh["housing_support"]),
        "emergency_relief_received": _boolean(hh["relief"]),
        "hygienic_water": _boolean(hh["hygienic_water"]),
        # Decision 1719 Project 1 lists: not simulated (commune decisions); blank = not listed
        **{name: pd.Series(pd.NA, index=range(len(hh["hardship"])), dtype="boolean")
           for name in ("ntp1719_water_listed", "ntp1719_job_conversion_listed", "ntp1719_housing_listed")},
    })
    hidx = m["hidx"]
    person_id = (pd.Series(hh["household_id"][hidx]) + "-"
                 + pd.Series(m["k"] + 1).astype(str).str.zfill(2))
    members = pd.DataFrame({
        "person_id": person_id.astype("string"),
        "household_id": pd.Series(hh["household_id"][hidx], dtype="string"),
        "full_name": pd.Series(m["full_name"], dtype="string"),
        "date_of_birth": _dates(m["dob"]),
        "sex": _cat(np.where(m["male"], "male", "female")),
        "ethnicity": _cat(m["ethnicity"]),
        "relation_to_head": _cat(ROLES[m["role"]]),
        "marital_status": _cat(m["marital"]),
        "disability_level": _cat(m["disability"]),
        "disability_certified_date": _dates(m["disability_certified"]),
        "no_source_of_care": _boolean(m["orphan"]),
        "fostered": _boolean(m["fostered"]),
        "hiv": _boolean(m["hiv"]),
        # derived, no random draw (the other columns keep their values): people with HIV and a severe disability
        "unable_to_work": _boolean(m["hiv"] & np.isin(m["disability"], ["severe", "especially_severe"])),
        "single_parent": _boolean(m["single_parent"]),
        "has_supporter": _boolean(m["has_supporter"]),
        "studying_level": _cat(LEVELS[m["level"]]),
        "school_public": _boolean(m["school_public"]),
        "boarding": _boolean(m["boarding"]),
        "school_distance_km": pd.Series(m["school_distance_km"], dtype="Float64"),
        "difficult_terrain": _boolean(m["difficult_terrain"]),
        "merit_category": _cat(m["merit"]),
        "martyr_count": _nullable_int(m["martyr_count"]),
        "martyr_relation": _cat(m["martyr_relation"]),
        "injury_rate": _nullable_int(m["injury_rate"]),
        "parent_invalid_rate": _nullable_int(m["parent_invalid_rate"]),
        "lives_alone": _boolean(m["lives_alone"]),
        "receives_pension": _boolean(m["pension"]),
        "survivor_allowance": _boolean(m["survivor"]),
        "voluntary_si": _boolean(m["voluntary_si"]),
        "injured_treatment_days": _nullable_int(m["injured_days"]),
        "hi_card": _boolean(m["hi_card"]),
        "hi_state_paid": _boolean(m["hi_state_paid"]),
        "receives_social_allowance": _boolean(m["allowance"]),
        "receives_care_support": _boolean(m["care"]),
        "receives_social_pension": _boolean(m["social_pension"]),
        "receives_merit_allowance": _boolean(m["merit_allowance"]),
        "tuition_exempt": _boolean(m["tuition_exempt"]),
        "learning_cost_support": _boolean(m["learning_support"]),
        "boarding_support": _boolean(m["boarding_support"]),
        "vsi_support": _boolean(m["vsi_support"]),
    })
    return households, members


def _blank_some(rng: np.random.Generator, frame: pd.DataFrame) -> None:
    """Blank about 1 % of the values of each optional column (registers are never complete)."""
    for name in frame.columns:  # a loop over columns
        if name in KEEP_COMPLETE:
            continue
        blank = rng.random(len(frame)) < MISSING_SHARE
        frame[name] = frame[name].mask(blank)
