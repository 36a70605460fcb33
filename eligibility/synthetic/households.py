"""Households: where they live (village, commune, former district), their ethnic group, size and
poverty propensity; their house and the disasters of the past year.

The villages are fixed (their own seed), so every sample uses the same places; the shares are the
province's statistics (POLICIES.md §10, `places.py`) or modelling choices, not law.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import places as P
from .draws import (COLLAPSED, FIRE, MINOR, RELOCATION, SEVERE_DAMAGE, UNKNOWN, days_of, first_members, pick,
                    tri_state)

SIZE_SHARES = [0.05, 0.12, 0.16, 0.22, 0.19, 0.12, 0.07, 0.04, 0.03]  # sizes 1..9, mean 4.4
RAINY = np.array([1, 1, 2, 3, 6, 10, 12, 12, 9, 5, 2, 1], dtype=float)   # landslides, floods, storms by month
DRY = np.array([10, 9, 8, 6, 3, 2, 1, 1, 2, 4, 7, 9], dtype=float)      # fires by month


@lru_cache(maxsize=1)
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
    frame["district_index"] = frame["district"].map({d: i for i, d in enumerate(P.DISTRICTS)})
    return frame


@lru_cache(maxsize=1)
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


def place_households(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Village, ethnic group, latent poverty score `z`, size and ID of `n` households."""
    geo = geography()
    where = rng.choice(len(geo), size=n, p=geo["weight"].to_numpy())
    hh: dict[str, np.ndarray] = {"n": np.array(n), "village_index": where}
    for column in ("urban", "dbkk", "exited", "district_index"):
        hh[column] = geo[column].to_numpy()[where]
    hh["ward"] = (geo["kind"] == "ward").to_numpy()[where]
    hh["poor_district"] = np.array([P.DISTRICTS[d][1] for d in P.DISTRICTS])[hh["district_index"]]
    districts, groups, matrix = ethnic_matrix()
    ethnic = np.empty(n, dtype=np.int64)
    for d, _district in enumerate(districts):  # 8 districts
        rows = np.flatnonzero(hh["district_index"] == d)
        ethnic[rows] = rng.choice(len(groups), size=len(rows), p=matrix[d])
    hh["ethnic"] = ethnic
    district_score = np.array([P.DISTRICT_POVERTY[d] for d in districts])[hh["district_index"]]
    ethnic_score = np.array([P.ETHNIC_POVERTY.get(g, 0.0) for g in groups])[ethnic]
    hh["z"] = (district_score + ethnic_score - 0.6 * hh["urban"] + 0.4 * hh["dbkk"]
               + rng.normal(0.0, 0.8, n))
    hh["size"] = 1 + rng.choice(9, size=n, p=SIZE_SHARES)
    return hh


def household_ids(n: int, prefix: str = "LC") -> pa.Array:
    """LC000001, LC000002, … (at least six digits), built by Arrow without a Python string per row."""
    numbers = pc.cast(pa.array(np.arange(1, n + 1)), pa.string())
    return pc.binary_join_element_wise(prefix, pc.utf8_lpad(numbers, max(6, len(str(n))), padding="0"), "")


def housing_and_events(rng: np.random.Generator, hh: dict, m: dict, as_of: pd.Timestamp) -> None:
    """The house's condition, and the disasters and fires of the year before as_of (with their damage,
    deaths, relief, and one injured member in some of the households hit)."""
    n = int(hh["n"])
    r = rng.random(n)
    poor_house = hh["dep_housing_quality"]
    # codes of draws.HOUSE: none 0, temporary 1, dilapidated 2, durable 3
    hh["house"] = np.where(poor_house, np.select([r < 0.5, r < 0.8, r < 0.99], [1, 2, 3], 0),
                           np.select([r < 0.97, r < 0.99], [3, 1], 2))
    hit = rng.random(n) < np.where(hh["urban"], 0.01, 0.045)
    kinds = pick(rng, [0.35, 0.28, 0.2, 0.14, 0.03], n)   # codes of draws.DISASTERS
    fire = kinds == FIRE
    month = np.where(fire, rng.choice(12, n, p=DRY / DRY.sum()), rng.choice(12, n, p=RAINY / RAINY.sum())) + 1
    day = rng.integers(1, 29, n)
    year = np.where((month < as_of.month) | ((month == as_of.month) & (day < as_of.day)), as_of.year, as_of.year - 1)
    hh["disaster"] = hit
    hh["disaster_date"] = np.where(hit, days_of(year, month, day), np.datetime64("NaT"))
    hh["disaster_kind"] = np.where(hit, kinds, UNKNOWN)
    r = rng.random(n)
    damage = np.where(fire, np.select([r < 0.3, r < 0.6, r < 0.9], [COLLAPSED, SEVERE_DAMAGE, MINOR], 0),
                      np.select([r < 0.08, r < 0.15, r < 0.3, r < 0.7],
                                [COLLAPSED, RELOCATION, SEVERE_DAMAGE, MINOR], 0))
    hh["damage"] = np.where(hit, damage, UNKNOWN)
    heavy = hit & (damage >= SEVERE_DAMAGE)
    hh["other_home"] = tri_state(rng.random(n) < 0.3, heavy)
    deaths = np.where(rng.random(n) < np.where(damage >= RELOCATION, 0.08, 0.01),
                      np.where(rng.random(n) < 0.9, 1, 2), 0)
    hh["deaths"] = np.where(hit, deaths, -1)
    hh["relief"] = hit & (rng.random(n) < np.select([heavy | (deaths > 0), damage == MINOR], [0.85, 0.25], 0.05))
    _injured(rng, hh, m, hit)


def _injured(rng: np.random.Generator, hh: dict, m: dict, hit: np.ndarray) -> None:
    """One member injured (1-14 days of treatment) in some households hit; 0 days for the others of a
    household hit, unknown elsewhere."""
    n = int(hh["n"])
    injured_household = hit & (rng.random(n) < 0.12)
    victim = first_members(hh["size"]) + np.floor(rng.random(n) * hh["size"]).astype(np.int64)
    days = np.where(hit[m["hidx"]], 0, -1)
    chosen = victim[injured_household]
    days[chosen] = rng.integers(1, 15, len(chosen))
    m["injured_days"] = days

