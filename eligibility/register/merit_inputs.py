"""The members' inputs computed from the meritorious records (`merit_records`), so that a record
reaches the rules the members row alone would miss: a person whose row shows a martyr's relative but who
holds a war-invalid record at 81 % gives their spouse, parents and children the state-paid HI ground
(Decree 146/2018 Art. 3(12); Law 51/2024 Art. 12(3)(k); POLICIES.md §4.2), and is a meritorious person
(Art. 3(3) / point e); a martyr's-relative record on a person whose row shows another category gives the
martyr's-relative HI ground (Art. 3(11) / point i). The monthly allowance is not read from these columns: it is
summed record by record (audit/merit.py).

Computed once, on whole columns, when the register is read (and by the scenarios' batch), before either
engine runs: both engines read the same three columns (`derived_from: merit_records` in
rules/inputs/members.yaml). Without the table the columns are absent and the rules read the row alone
(common/person.yaml: `invalid_61_or_more`, `is_meritorious_person`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..messages import language
from ..wording.catalogue import N_, translator

# Ordinance 02/2020 Art. 25(1)(a): the meritorious people whose relatives' HI card the state pays at >= 61 %
INVALID_KINDS = ("war_invalid", "sick_soldier", "agent_orange")
# Art. 3(2): relatives of martyrs, not meritorious people themselves (every other category is Art. 3(1))
RELATIVE_KIND = "martyr_relative"
RATE, MERITORIOUS = "merit_records_invalid_rate", "merit_records_meritorious"
MARTYR_RELATIVE = "merit_records_martyr_relative"
INPUTS = (RATE, MERITORIOUS, MARTYR_RELATIVE)


def with_merit_inputs(members: pd.DataFrame, records: pd.DataFrame | None) -> pd.DataFrame:
    """`members` with the three columns computed from `records` (a copy); unchanged without records.
    The rate: the highest injury rate over the person's invalid-type records, 0 when none, blank (unknown)
    when one of them has no rate: an unknown rate may be the one at 61 % or more. Meritorious: a record of an
    Art. 3(1) category; martyr's relative: a record of Art. 3(2) (whatever the relation: Decree 146/2018
    Art. 3(11) and Law 51/2024 Art. 12(3)(i) name every one the table holds)."""
    if records is None:
        return members
    category = records["merit_category"].astype("string")
    rate = pd.to_numeric(records["injury_rate"], errors="coerce") if "injury_rate" in records \
        else pd.Series(np.nan, index=records.index)
    person = records["person_id"].astype("string")
    invalid = category.isin(INVALID_KINDS).to_numpy(dtype=bool, na_value=False)
    by_person = pd.DataFrame({"person": person[invalid].to_numpy(), "rate": rate[invalid].to_numpy(dtype=float),
                              "blank": rate[invalid].isna().to_numpy()}).groupby("person", sort=False)
    highest = by_person["rate"].max().where(~by_person["blank"].any())
    meritorious = set(person[(category != RELATIVE_KIND).to_numpy(dtype=bool, na_value=False)].dropna())
    relatives = set(person[(category == RELATIVE_KIND).to_numpy(dtype=bool, na_value=False)].dropna())
    out = members.copy()
    ids = out["person_id"].astype("string")
    found = highest.reindex(ids.to_numpy())
    has_invalid = ids.isin(highest.index).to_numpy(dtype=bool, na_value=False)
    out[RATE] = pd.array(np.where(has_invalid, found.to_numpy(dtype=float), 0.0), dtype="Float64").round(0) \
        .astype("Int64")
    out[MERITORIOUS] = pd.array(ids.isin(meritorious).to_numpy(dtype=bool, na_value=False), dtype="boolean")
    out[MARTYR_RELATIVE] = pd.array(ids.isin(relatives).to_numpy(dtype=bool, na_value=False), dtype="boolean")
    return out


def merit_inputs_note(records: pd.DataFrame | None) -> dict | None:
    """What the manifest says of the records read into the members' inputs (None without the table)."""
    if records is None:
        return None
    return {"table": "merit_records", "records": int(len(records)),
            "people": int(records["person_id"].nunique()), "inputs": list(INPUTS)}


READ_INTO = N_("merit_records: {records} record(s) of {people} person(s) read into the members' inputs {inputs} "
               "(the state-paid HI grounds of a meritorious person, of a martyr's relative and of the relatives of an invalid "
               "at 61 % or more)")


def merit_inputs_line(note: dict) -> str:
    """The note said at the end of reading, in the officer's language."""
    return translator(language())(READ_INTO).format(records=note["records"], people=note["people"],
                                                     inputs=", ".join(note["inputs"]))
