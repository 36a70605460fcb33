"""The households and members frames, with the declared column names, built from the generator's
arrays of codes: enums as Categoricals (categories: the values present, sorted), yes/no as
"boolean", dates as datetime64, counts as "Int64", amounts as "Float64", text as "string" (Arrow,
built by Arrow compute: no Python string per row). Then about 1 % of each optional column blanked.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import places as P
from .draws import (DAMAGE, DISABILITY, DISASTERS, HOUSE, LEVELS, LIST_STATUS, MARITAL, MERIT_CATEGORIES, RELATIONS,
                    ROLES, SEVERE)
from .households import geography

MISSING_SHARE = 0.01
# Never blanked: identifying columns and the columns the input schema requires.
KEEP_COMPLETE = {"household_id", "commune", "person_id", "date_of_birth", "head_name", "district", "village"}
DEPRIVATIONS = ("dep_employment", "dep_dependants", "dep_nutrition", "dep_health_insurance", "dep_health_access",
                "dep_adult_education", "dep_child_schooling", "dep_housing_quality", "dep_floor_area", "dep_water",
                "dep_latrine", "dep_telecom", "dep_information")
EXITED_DIFFICULT = np.datetime64("2021-06-04")   # the centres' villages that left the difficult list


def categorical(codes: np.ndarray, options: tuple[str, ...]) -> pd.Categorical:
    """Codes into `options` (-1: blank) as a Categorical of the values present, sorted."""
    codes = np.asarray(codes, dtype=np.int64)
    present = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(options)))
    order = sorted(present, key=lambda i: options[i])   # a handful of categories
    remap = np.full(len(options) + 1, -1, dtype=np.int64)
    remap[order] = np.arange(len(order))
    return pd.Categorical.from_codes(remap[codes], categories=[options[i] for i in order])


def boolean(values: np.ndarray) -> pd.arrays.BooleanArray:
    """A yes/no column: bool, or a tri-state int8 (-1: unknown)."""
    values = np.asarray(values)
    if values.dtype == bool:
        return pd.arrays.BooleanArray(values, np.zeros(len(values), dtype=bool))
    return pd.arrays.BooleanArray(values == 1, values < 0)


def nullable_int(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Whole numbers, negative meaning unknown."""
    values = np.asarray(values, dtype=np.int64)
    return pd.arrays.IntegerArray(values, values < 0)


def dates(values: np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype="datetime64[D]").astype("datetime64[ns]")


def text(values: pa.Array) -> pd.arrays.ArrowStringArray:
    return pd.arrays.ArrowStringArray(values)


def household_columns(hh: dict) -> dict:
    n = int(hh["n"])
    geo = geography()
    where = pa.array(hh["village_index"])
    return {
        "household_id": text(hh["household_id"]),
        "head_name": text(hh["head_name"]),
        "district": categorical(hh["district_index"], tuple(P.DISTRICTS)),
        "commune": text(pa.array(geo["commune"].to_numpy(dtype=object), pa.string()).take(where)),
        "village": text(pa.array(geo["village"].to_numpy(dtype=object), pa.string()).take(where)),
        "area_type": categorical(hh["urban"].astype(np.int64), ("rural", "urban")),
        "poor_commune": boolean(hh["poor_district"]),
        "area_difficult": boolean(~hh["ward"]),
        "area_extremely_difficult": boolean(hh["dbkk"]),
        "area_ethnic_mountain": boolean(np.ones(n, dtype=bool)),
        "area_exited_difficult_date": dates(np.where(hh["exited"], EXITED_DIFFICULT, np.datetime64("NaT"))),
        "income_per_capita": pd.array(hh["income"], dtype="Float64"),
        **{name: boolean(hh[name]) for name in DEPRIVATIONS},
        "farming_household": boolean(hh["farming"]),
        "poverty_list_status": categorical(hh["list"], LIST_STATUS),
        "poverty_list_since": dates(hh["list_since"]),
        "poverty_exit_date": dates(hh["exit_date"]),
        "house_condition": categorical(hh["house"], HOUSE),
        "disaster_date": dates(hh["disaster_date"]),
        "disaster_kind": categorical(hh["disaster_kind"], DISASTERS),
        "house_damage": categorical(hh["damage"], DAMAGE),
        "has_other_home": boolean(hh["other_home"]),
        "disaster_deaths": nullable_int(hh["deaths"]),
        "hardship_household": boolean(hh["hardship"]),
        # the village's Tết hunger list: not simulated (an event the village records); blank = not listed
        "food_short_tet": boolean(np.zeros(n, dtype=bool)),
        "loan_poor": boolean(hh["loan_poor"]),
        "loan_near_poor": boolean(hh["loan_near_poor"]),
        "loan_newly_escaped": boolean(hh["loan_newly_escaped"]),
        "loan_water_sanitation": boolean(hh["loan_water"]),
        "housing_support_received": boolean(hh["housing_support"]),
        "emergency_relief_received": boolean(hh["relief"]),
        "hygienic_water": boolean(hh["hygienic_water"]),
        # Decision 1719 Project 1 lists: not simulated (commune decisions); blank = not listed
        **{name: boolean(np.full(n, -1, dtype=np.int8))
           for name in ("ntp1719_water_listed", "ntp1719_job_conversion_listed", "ntp1719_housing_listed")},
    }


def person_ids(hh: dict, m: dict) -> pa.Array:
    """<household id>-01, -02, …"""
    rank = pc.utf8_lpad(pc.cast(pa.array(m["k"] + 1), pa.string()), 2, padding="0")
    return pc.binary_join_element_wise(hh["household_id"].take(pa.array(m["hidx"])), rank, "-")


def member_columns(hh: dict, m: dict, groups: list[str]) -> dict:
    return {
        "person_id": text(m["person_id"]),
        "household_id": text(hh["household_id"].take(pa.array(m["hidx"]))),
        "full_name": text(m["full_name"]),
        "date_of_birth": dates(m["dob"]),
        "sex": categorical(np.where(m["male"], 1, 0), ("female", "male")),
        "ethnicity": categorical(m["ethnic"], tuple(groups)),
        "relation_to_head": categorical(m["role"], ROLES),
        "marital_status": categorical(m["marital"], MARITAL),
        "disability_level": categorical(m["disability"], DISABILITY),
        "disability_certified_date": dates(m["disability_certified"]),
        "no_source_of_care": boolean(m["orphan"]),
        "fostered": boolean(m["fostered"]),
        "hiv": boolean(m["hiv"]),
        # derived, no random draw (the other columns keep their values): people with HIV and a severe disability
        "unable_to_work": boolean(m["hiv"] & (m["disability"] >= SEVERE)),
        "single_parent": boolean(m["single_parent"]),
        "has_supporter": boolean(m["has_supporter"]),
        "studying_level": categorical(m["level"], LEVELS),
        "school_public": boolean(m["school_public"]),
        "boarding": boolean(m["boarding"]),
        "school_distance_km": pd.array(m["school_distance_km"], dtype="Float64"),
        "difficult_terrain": boolean(m["difficult_terrain"]),
        "merit_category": categorical(m["merit"], MERIT_CATEGORIES),
        "martyr_count": nullable_int(m["martyr_count"]),
        "martyr_relation": categorical(m["martyr_relation"], RELATIONS),
        "injury_rate": nullable_int(m["injury_rate"]),
        "parent_invalid_rate": nullable_int(m["parent_invalid_rate"]),
        "lives_alone": boolean(m["lives_alone"]),
        "receives_pension": boolean(m["pension"]),
        "survivor_allowance": boolean(m["survivor"]),
        "voluntary_si": boolean(m["voluntary_si"]),
        "injured_treatment_days": nullable_int(m["injured_days"]),
        "hi_card": boolean(m["hi_card"]),
        "hi_state_paid": boolean(m["hi_state_paid"]),
        "receives_social_allowance": boolean(m["allowance"]),
        "receives_care_support": boolean(m["care"]),
        "receives_social_pension": boolean(m["social_pension"]),
        "receives_merit_allowance": boolean(m["merit_allowance"]),
        "tuition_exempt": boolean(m["tuition_exempt"]),
        "learning_cost_support": boolean(m["learning_support"]),
        "boarding_support": boolean(m["boarding_support"]),
        "vsi_support": boolean(m["vsi_support"]),
    }


def blanked_frame(rng: np.random.Generator, columns: dict) -> pd.DataFrame:
    """The frame with about 1 % of the values of each optional column blanked (registers are never
    complete): one draw per column, in the columns' order."""
    n = len(next(iter(columns.values())))
    out = {}
    for name, values in columns.items():  # a loop over columns
        out[name] = values if name in KEEP_COMPLETE else _blank(values, rng.random(n) < MISSING_SHARE)
    return pd.DataFrame(out)


def _blank(values, blank: np.ndarray):
    """`values` with the cells of `blank` missing, its type kept (whole arrays, no per-cell setting)."""
    if isinstance(values, pd.arrays.ArrowStringArray):
        return text(pc.if_else(pa.array(blank), pa.scalar(None, pa.large_string()), values._pa_array))
    if isinstance(values, np.ndarray):   # dates
        return np.where(blank, np.datetime64("NaT"), values).astype(values.dtype)
    if isinstance(values, pd.Categorical):
        return pd.Categorical.from_codes(np.where(blank, -1, values.codes), dtype=values.dtype)
    missing = values.isna() | blank
    if isinstance(values, pd.arrays.BooleanArray):
        return pd.arrays.BooleanArray(values.to_numpy(dtype=bool, na_value=False), missing)
    if isinstance(values, pd.arrays.IntegerArray):
        return pd.arrays.IntegerArray(values.to_numpy(dtype=np.int64, na_value=0), missing)
    return pd.arrays.FloatingArray(values.to_numpy(dtype=np.float64, na_value=np.nan), missing)
