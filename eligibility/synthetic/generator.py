"""Synthetic Lai Châu registers, deterministic by seed and built on whole columns (numpy, Arrow), for
demos, tests and benchmarks.

    households, members = generate_sample(100_000, seed=7)
    write_sample("out/sample", 100_000, seed=7, fmt="parquet")

The legal figures it is built around (poverty lines, boarding distances) come from the compiled
rule pack on the as-of date (`figures.py`); the shares and distributions are the province's
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

The rooms, in the order they draw from the one random stream (the order is what makes a seed give
the same register): `households.py` (places, ethnic group, size), `people.py` (roles, ages, names),
`circumstances.py` (schooling, disability, pensions), `merit.py`, `incomes.py` (income, the
poverty list, deprivations), `enrolment.py`, `households.py` again (house, disasters), then
`frames.py` (the frames, and the blanks). `partitioned.py` writes a register too large for memory
part by part; `lists.py` adds the programme lists and the merit records.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..rulebook.plan import Plan
from .circumstances import conditions, income_support, schooling
from .enrolment import household_enrolment, person_enrolment
from .figures import figures_on
from .frames import blanked_frame, household_columns, member_columns, person_ids
from .households import ethnic_matrix, household_ids, housing_and_events, place_households
from .incomes import deprivations, living_standard
from .merit import merit, merit_records
from .partial import make_years_only
from .people import members as draw_members

DEFAULT_AS_OF = dt.date(2025, 11, 15)


@dataclass(frozen=True)
class Sample:
    """A generated register: the two main tables, and the merit records where asked for."""

    households: pd.DataFrame
    members: pd.DataFrame
    merit_records: pd.DataFrame | None = None


def generate_sample(households: int, seed: int, as_of: dt.date = DEFAULT_AS_OF,
                    plan: Plan | None = None, partial_dates: float = 0.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(households, members) frames with the declared column names; enums as codes (Categorical),
    yes/no as "boolean", dates as datetime64, amounts as numbers. Same arguments, same frames.
    `plan` (default: the bundled rule pack) gives the legal figures in force on `as_of`.
    `partial_dates`: the share of birth dates known to their year only (`partial.py`)."""
    sample = generate_register(households, seed, as_of, plan, partial_dates)
    return sample.households, sample.members


def generate_register(households: int, seed: int, as_of: dt.date = DEFAULT_AS_OF, plan: Plan | None = None,
                      partial_dates: float = 0.0, with_merit_records: bool = False, id_prefix: str = "LC") -> Sample:
    """The frames of `generate_sample`, and with `with_merit_records` the `merit_records` table (its own
    random stream: the other tables are the same with or without it). Household IDs are `id_prefix`
    and a number (a partitioned register gives each part its own prefix)."""
    if households < 1:
        raise ValueError("households must be at least 1")
    if plan is None:
        from ..api import load_rules

        plan = load_rules()
    figures = figures_on(plan, as_of)
    rng = np.random.default_rng(seed)
    as_of = pd.Timestamp(as_of).normalize()
    hh = place_households(rng, int(households))
    m = draw_members(rng, hh, as_of)
    schooling(rng, hh, m, figures)
    conditions(rng, hh, m, as_of.to_datetime64().astype("datetime64[D]"))
    merit(rng, hh, m)
    income_support(rng, hh, m)
    living_standard(rng, hh, as_of, figures)
    person_enrolment(rng, hh, m)
    deprivations(rng, hh, m)
    housing_and_events(rng, hh, m, as_of)
    household_enrolment(rng, hh, as_of)
    hh["household_id"] = household_ids(int(households), id_prefix)
    m["person_id"] = person_ids(hh, m)
    households_frame = blanked_frame(rng, household_columns(hh))
    members_frame = _audit_columns(blanked_frame(rng, member_columns(hh, m, ethnic_matrix()[1])))
    members_frame = members_frame[list(plan.inputs.as_read().members.columns)]
    households_frame = households_frame[list(plan.inputs.households.columns)]
    records = merit_records(m, m["person_id"], seed, as_of) if with_merit_records else None
    return Sample(households_frame, make_years_only(members_frame, partial_dates, seed, as_of), records)


def _audit_columns(members: pd.DataFrame) -> pd.DataFrame:
    """Columns declared after the generator's draws were fixed, all blank here, so that every other
    column keeps its values for a given seed: date of death and pension amount (the audit's, issue 13;
    `lists.py` sets some dates of death with a stream of its own) and vocational training (Decision
    46/2015: nobody generated is registered for a course; blank: none)."""
    index = members.index
    return members.assign(
        date_of_death=pd.Series(pd.NaT, index=index, dtype="datetime64[ns]"),
        pension_amount=pd.Series(pd.NA, index=index, dtype="Float64"),
        vocational_course=pd.Series(None, index=index, dtype="object"),
        course_days_attended=pd.Series(pd.NA, index=index, dtype="Int64"),
        course_distance_km=pd.Series(pd.NA, index=index, dtype="Float64"),
        prior_state_training=pd.Series(pd.NA, index=index, dtype="boolean"))


def write_sample(out_dir: str | Path, households: int, seed: int, fmt: str = "parquet",
                 as_of: dt.date = DEFAULT_AS_OF, headers: str = "en", schema=None,
                 plan: Plan | None = None, partial_dates: float = 0.0) -> list[Path]:
    """Generate a sample register and write it (see write_register); returns the files written.
    Birth dates known to their year only are written as the year alone (`1944`)."""
    from ..register.writer import write_register

    households_frame, members_frame = generate_sample(households, seed, as_of, plan, partial_dates)
    return write_register(households_frame, members_frame, out_dir, fmt=fmt, headers=headers, schema=schema)
