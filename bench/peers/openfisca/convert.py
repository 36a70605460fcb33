"""Convert this project's register (as `python -m eligibility sample` writes it) to the OpenFisca package's input.

    python bench/peers/openfisca/convert.py REGISTER --as-of 2025-11-15 --out FOLDER

Reads the register with the project's own reader (so both tools see the same accepted rows), derives the
few inputs the OpenFisca package takes pre-computed (the enum tests, the certificate month, the 36-month
window after an area left difficult status) and writes FOLDER/persons.parquet and FOLDER/households.parquet.
OpenFisca has no "unknown": a missing value becomes the default (False, 0); the count of persons and
households with a missing input is printed, and `missing_input` marks them in persons.parquet.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from openfisca_laichau.variables import DEPRIVATIONS_2022  # noqa: E402

PERSON_FLAGS = ["no_source_of_care", "hiv", "has_supporter", "fostered", "receives_pension", "survivor_allowance"]
HOUSEHOLD_FLAGS = ["area_extremely_difficult", "area_difficult", "area_ethnic_mountain", "poor_commune",
                   "farming_household"] + [f"dep_{d}" for d in DEPRIVATIONS_2022]
EXITED_AREA_MONTHS = 36  # health_insurance.ethnic_minority_exited_area_months (from 2025-07-01)


def _flag(series: pd.Series) -> np.ndarray:
    return series.fillna(False).to_numpy(dtype=bool)


def _months(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy("datetime64[ns]").astype("datetime64[M]").astype("int64")


def convert(register: Path, as_of: dt.date, out: Path) -> dict:
    from eligibility import load_rules
    from eligibility.register import read_register

    frames = read_register(register, load_rules().inputs, as_of)
    hh, mm = frames.households, frames.members
    as_of_month = np.datetime64(as_of, "M").astype("int64")
    household_index = pd.Index(hh["household_id"]).get_indexer(mm["household_id"])
    status = hh["poverty_list_status"].astype("string")
    exited = hh["area_exited_difficult_date"]
    households = {
        "household_id": hh["household_id"].astype(str).to_numpy(),
        "household_income_per_capita": hh["income_per_capita"].astype("float64").fillna(0).to_numpy(),
        "urban": (hh["area_type"].astype("string") == "urban").fillna(False).to_numpy(bool),
        "on_poor_list": (status == "poor").fillna(False).to_numpy(bool),
        "on_near_poor_list": (status == "near_poor").fillna(False).to_numpy(bool),
        # hi24_ethnic_exited_area: left difficult status on or before as_of, fewer than 36 calendar months ago
        "area_exited_recently": (exited.notna() & (exited <= pd.Timestamp(as_of))).to_numpy(bool)
        & (as_of_month - _months(exited) < EXITED_AREA_MONTHS),
        **{name: _flag(hh[name]) for name in HOUSEHOLD_FLAGS},
    }
    level = mm["disability_level"].astype("string")
    certified = mm["disability_certified_date"]
    merit = mm["merit_category"].astype("string")
    persons = {
        "person_id": mm["person_id"].astype(str).to_numpy(),
        "household_index": household_index.astype("int64"),
        "date_of_birth": mm["date_of_birth"].to_numpy("datetime64[ns]").astype("datetime64[D]"),
        "parent_invalid_rate": mm["parent_invalid_rate"].fillna(0).to_numpy("int64"),
        "is_pupil_or_student": mm["studying_level"].astype("string").isin(
            ["primary", "lower_secondary", "upper_secondary", "vocational", "university"]).fillna(False).to_numpy(bool),
        "is_ethnic_minority": (mm["ethnicity"].astype("string") != "kinh").fillna(False).to_numpy(bool),
        # a missing category is OpenFisca's default (not meritorious), like every other missing input
        "is_meritorious_person": (merit.notna() & ~merit.isin(["none", "martyr_relative"])).to_numpy(bool),
        "is_martyr_relative": (merit == "martyr_relative").fillna(False).to_numpy(bool),
        "disability_severe": (level == "severe").fillna(False).to_numpy(bool),
        "disability_especially_severe": (level == "especially_severe").fillna(False).to_numpy(bool),
        "disability_certified_by_month": (certified.notna().to_numpy() & (_months(certified) <= as_of_month)),
        **{name: _flag(mm[name]) for name in PERSON_FLAGS},
    }
    used_person = ["date_of_birth", "studying_level", "ethnicity", "merit_category",
                   "disability_level", *PERSON_FLAGS]
    used_household = ["income_per_capita", "area_type", "poverty_list_status", *HOUSEHOLD_FLAGS]
    household_missing = hh[used_household].isna().any(axis=1).to_numpy()
    persons["missing_input"] = mm[used_person].isna().any(axis=1).to_numpy() | household_missing[household_index]
    out.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(households), out / "households.parquet")
    pq.write_table(pa.table(persons), out / "persons.parquet")
    (out / "as_of.txt").write_text(as_of.isoformat())
    return {"households": len(hh), "persons": len(mm), "rejected": len(frames.rejects),
            "persons_with_missing_input": int(persons["missing_input"].sum()),
            "households_with_missing_input": int(household_missing.sum())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("register", type=Path)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    counts = convert(args.register, args.as_of, args.out)
    print(", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
