"""People with meritorious service (Ordinance 02/2020/UBTVQH14): the members' one category, and the
`merit_records` table, where a person may hold several (rules/inputs/merit_records.yaml).

The members table holds one category per person (with its injury rate, relation to the martyr and
number of martyrs). The records repeat it, one record for each person with a category, with the
same values, so the two tables agree; and some people hold a second record, as registers hold them
(POLICIES.md §5.1): a Heroic Mother is also a martyr's mother (a record the audit leaves out,
Art. 18(1)); some martyrs' relatives are also resistance fighters or war invalids, and some
resistance fighters and war invalids are a martyr's child. Shares and dates are modelling choices
of this generator, not law or statistics.

The records have a random stream of their own ([seed, 2020]): the other tables keep their values
for a given seed whether the records are made or not.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from .draws import CHILD, MERIT_CATEGORIES, RELATIONS, UNKNOWN, first_members
from .frames import dates, nullable_int

NONE, WAR_INVALID, SICK_SOLDIER, AGENT_ORANGE, RESISTANCE, MARTYR_RELATIVE, HEROIC_MOTHER, HELPED = range(8)
PARENT_OF, SPOUSE_OF, CHILD_OF = range(3)
INJURY_RATES = np.array([21, 25, 31, 35, 41, 45, 51, 55, 61, 65, 71, 81])
INJURY_WEIGHTS = np.array([12, 10, 10, 8, 9, 7, 7, 6, 6, 5, 4, 3], dtype=float)
SECOND_RECORD = 0.15   # share of the martyrs' relatives, fighters and invalids with a second record (modelling)
EARLIEST = np.datetime64("1975-05-01", "D")   # recognition dates drawn from then on (modelling)


def merit(rng: np.random.Generator, hh: dict, m: dict) -> None:
    """Each member's category (codes of draws.MERIT_CATEGORIES) by sex and age; the injury rate of invalids, the
    relation and number of martyrs of martyrs' relatives; a child of an invalid head carries the rate."""
    n = len(m["hidx"])
    age, male = m["age"], m["male"]
    category = np.full(n, NONE)
    r = rng.random(n)
    rules = [
        (WAR_INVALID, male & (age >= 57) & (age <= 75), 0.008),
        (SICK_SOLDIER, male & (age >= 60) & (age <= 80), 0.002),
        (AGENT_ORANGE, (age >= 65) & (age <= 85), 0.0015),
        (RESISTANCE, (age >= 63) & (age <= 92), 0.012),
        (MARTYR_RELATIVE, age >= 58, 0.006),
        (HEROIC_MOTHER, ~male & (age >= 88), 0.03),
        (HELPED, age >= 75, 0.003),
    ]
    for code, who, p in rules:  # a handful of categories
        chosen = (category == NONE) & who & (r < p)
        category[chosen] = code
        r = rng.random(n)
    m["merit"] = category
    injured = (category >= WAR_INVALID) & (category <= AGENT_ORANGE)
    rates = INJURY_RATES[rng.choice(len(INJURY_RATES), n, p=INJURY_WEIGHTS / INJURY_WEIGHTS.sum())]
    m["injury_rate"] = np.where(injured, rates, -1)
    martyr = category == MARTYR_RELATIVE
    relation = np.where(age >= 85, PARENT_OF, np.where(~male & (rng.random(n) < 0.5), SPOUSE_OF, CHILD_OF))
    m["martyr_relation"] = np.where(martyr, relation, UNKNOWN)
    m["martyr_count"] = np.where(martyr, np.where(rng.random(n) < 0.05, 2, 1), -1)
    head_rate = m["injury_rate"][first_members(hh["size"])][m["hidx"]]
    m["parent_invalid_rate"] = np.where((m["role"] == CHILD) & (head_rate > 0), head_rate, -1)


def merit_records(m: dict, person_ids: pa.Array, seed: int, as_of: pd.Timestamp) -> pd.DataFrame:
    """The `merit_records` table: one record per member with a category (the members' values), and a
    second record for some of them. Columns as declared; enums as codes."""
    rng = np.random.default_rng([seed, 2020])
    holders = np.flatnonzero(m["merit"] != NONE)
    first = _records(holders, m["merit"][holders], m["injury_rate"][holders],
                     m["martyr_relation"][holders], m["martyr_count"][holders])
    second = _second_records(rng, m, holders)
    records = pd.concat([first, second], ignore_index=True).sort_values(["row", "category"], kind="stable")
    rows = records["row"].to_numpy()
    return pd.DataFrame({
        "person_id": pd.array(person_ids.take(pa.array(rows)), dtype="string"),
        "merit_category": pd.Categorical.from_codes(records["category"].to_numpy() - 1, categories=list(MERIT_CATEGORIES[1:])),
        "injury_rate": nullable_int(records["rate"].to_numpy()),
        "martyr_relation": pd.Categorical.from_codes(records["relation"].to_numpy(), categories=list(RELATIONS)),
        "martyr_count": nullable_int(records["count"].to_numpy()),
        "since": dates(_since(rng, m["dob"][rows], as_of)),
    })


def _records(rows, category, rate, relation, count) -> pd.DataFrame:
    return pd.DataFrame({"row": rows, "category": category, "rate": rate, "relation": relation, "count": count})


def _second_records(rng: np.random.Generator, m: dict, holders: np.ndarray) -> pd.DataFrame:
    """Heroic Mothers: a martyr's-mother record (two or three martyrs). Some martyrs' relatives aged
    63 or more: a resistance fighter's record; some male ones aged 57-75: a war invalid's. Some
    resistance fighters and war invalids: a martyr's child's record (one martyr)."""
    category, age, male = m["merit"][holders], m["age"][holders], m["male"][holders]
    lucky = rng.random(len(holders)) < SECOND_RECORD
    rate = INJURY_RATES[rng.choice(len(INJURY_RATES), len(holders), p=INJURY_WEIGHTS / INJURY_WEIGHTS.sum())]
    none = np.full(len(holders), UNKNOWN)
    mother = category == HEROIC_MOTHER
    invalid = lucky & (category == MARTYR_RELATIVE) & male & (age >= 57) & (age <= 75)
    fighter = lucky & (category == MARTYR_RELATIVE) & ~invalid & (age >= 63)
    orphaned = lucky & ((category == RESISTANCE) | (category == WAR_INVALID))
    parts = [
        _records(holders[mother], np.full(mother.sum(), MARTYR_RELATIVE), none[mother],
                 np.full(mother.sum(), PARENT_OF), 2 + (rng.random(len(holders)) < 0.3)[mother]),
        _records(holders[invalid], np.full(invalid.sum(), WAR_INVALID), rate[invalid], none[invalid], none[invalid]),
        _records(holders[fighter], np.full(fighter.sum(), RESISTANCE), none[fighter], none[fighter], none[fighter]),
        _records(holders[orphaned], np.full(orphaned.sum(), MARTYR_RELATIVE), none[orphaned],
                 np.full(orphaned.sum(), CHILD_OF), np.ones(orphaned.sum(), dtype=np.int64)),
    ]
    return pd.concat(parts, ignore_index=True)


def _since(rng: np.random.Generator, born: np.ndarray, as_of: pd.Timestamp) -> np.ndarray:
    """A recognition date between the later of 1 May 1975 and the birth date, and the as-of date."""
    start = np.maximum(born.astype("datetime64[D]"), EARLIEST)
    end = as_of.to_datetime64().astype("datetime64[D]")
    span = np.maximum((end - start).astype(np.int64), 1)
    return start + np.floor(rng.random(len(born)) * span).astype("timedelta64[D]")
