"""Meritorious allowances summed over a person's records (`merit_records`), Ordinance 02/2020 Art. 6(3).

A person in several categories (a martyr's mother who is herself a war invalid) receives the
allowances of all of them (Art. 6(3), POLICIES.md §5.1, A); a Vietnamese Heroic Mother does not also
receive the martyr's-relative allowance (Art. 18(1), the exception POLICIES.md §5.1 lists), so her
martyr's-relative records are left out. The members table holds one category per person; the rules
decide one category at a time. So each record is screened as the person with that record's category,
injury rate, relation to the martyr and number of martyrs (a copy of the person alone in a copy of
the household: nothing else of the household changes), by the run's own engine, and the amounts of
`merit_monthly_allowance` are added per person. The members row counts as one more record where no record
is of its category (`_with_row`). Whole columns: one screening of all the records.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..wording.catalogue import N_, translator

BENEFIT = "merit_monthly_allowance"
FIELDS = ("merit_category", "injury_rate", "martyr_relation", "martyr_count")
SEP = "~merit"
NOTE = N_("summed over {n} meritorious records (Ordinance 02/2020/UBTVQH14, Art. 6(3))")


def summed_merit(register, decisions: pd.DataFrame,
                 screen: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame], lang: str = "en") -> pd.DataFrame:
    """The decisions with one `merit_monthly_allowance` row per person holding merit records: the sum of
    the amounts due for each record."""
    records = getattr(register, "tables", {}).get("merit_records")
    if records is None or records.empty:
        return decisions
    records = _with_exception(_with_row(records, register.members))
    households, members = _virtual(register, records)
    rows = screen(households, members)
    rows = rows[rows["benefit"].astype(str) == BENEFIT]
    summed = _sum(rows, lang)
    persons = set(summed["person_id"])
    keep = ~((decisions["benefit"].astype(str) == BENEFIT) & decisions["person_id"].astype(object).isin(persons))
    kept = decisions[keep.to_numpy()].copy()
    for name in kept.columns:   # a categorical column (rule, explanation) learns the new texts
        if isinstance(kept[name].dtype, pd.CategoricalDtype) and name in summed:
            new = pd.Index(summed[name].dropna().astype(object).unique()).difference(kept[name].cat.categories)
            kept[name] = kept[name].cat.add_categories(new)
    return pd.concat([kept, summed.astype(kept.dtypes.to_dict(), errors="ignore")], ignore_index=True)


def _with_row(records: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """The members row as one more record of a person who has records, where none of them is of the row's
    category: the row (a war invalid at 41 %) and a record of another category (a martyr's relative) are two
    categories, both paid (Art. 6(3)); a record of the row's own category is the row told in more detail,
    and replaces it (its rate, its martyrs). Whole columns: a key per (person, category)."""
    fields = [name for name in ("person_id", *FIELDS) if name in members]
    rows = members.loc[members["person_id"].astype(str).isin(records["person_id"].astype(str)).to_numpy(), fields]
    category = rows["merit_category"].astype(object)
    rows = rows[(category.notna() & (category != "none")).to_numpy()]
    if rows.empty:
        return records
    held = records["person_id"].astype(str) + "\0" + records["merit_category"].astype(str)
    own = rows["person_id"].astype(str) + "\0" + rows["merit_category"].astype(str)
    extra = rows[~own.isin(held).to_numpy()]
    if extra.empty:
        return records
    extra = extra.astype({name: object for name in extra.columns if name in records})   # the records' own types
    return pd.concat([records, extra], ignore_index=True)


def _with_exception(records: pd.DataFrame) -> pd.DataFrame:
    """Heroic Mothers' martyr's-relative records left out (Art. 18(1))."""
    category = records["merit_category"].astype(object)
    mothers = set(records.loc[category == "heroic_mother", "person_id"].astype(str))
    drop = (category == "martyr_relative") & records["person_id"].astype(str).isin(mothers)
    return records[~drop.to_numpy()].reset_index(drop=True)


def _virtual(register, records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One copy of the person per record, alone in a copy of their household."""
    k = records.groupby("person_id").cumcount().astype(str)
    members = register.members.set_index("person_id").loc[records["person_id"].astype(str)].reset_index()
    for name in FIELDS:   # four columns: the record's values replace the member's
        if name in records and name in members:
            values = records[name].astype(object).to_numpy()
            if isinstance(members[name].dtype, pd.CategoricalDtype):
                members[name] = pd.Categorical(values, categories=members[name].cat.categories)
            else:
                members[name] = pd.array(values, dtype=members[name].dtype)
    original = members["household_id"].astype(str)
    suffix = SEP + members["person_id"].astype(str) + "#" + k.to_numpy()
    members["household_id"] = (original + suffix).astype("string")
    members["person_id"] = (members["person_id"].astype(str) + SEP + k.to_numpy()).astype("string")
    households = register.households.set_index("household_id").loc[original].reset_index()
    households["household_id"] = (households["household_id"].astype(str) + suffix.to_numpy()).astype("string")
    return households, members


def _sum(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per person: eligible if any record is; the amounts of the eligible records added (unknown
    if one of them is); rules joined with '+'."""
    rows = rows.copy()
    rows["person_id"] = rows["person_id"].astype(str).str.split(SEP).str[0]
    rows["household_id"] = rows["household_id"].astype(str).str.split(SEP).str[0]
    eligible = rows["status"].astype(str) == "eligible"
    rank = np.select([eligible, rows["status"].astype(str) == "undetermined"], [0, 1], 2)
    rows = rows.assign(_rank=rank, _paid=np.where(eligible, pd.to_numeric(rows["amount"], errors="coerce"), 0.0))
    grouped = rows.groupby("person_id", sort=False)
    total = grouped["_paid"].sum(min_count=1)
    unknown = grouped["_paid"].apply(lambda s: bool(s.isna().any()))   # per person: a few rows each
    count = grouped.size()
    rules = rows[eligible].groupby("person_id")["rule"].agg(lambda r: "+".join(x for x in r.astype(str) if x))
    first = rows.sort_values("_rank", kind="stable").drop_duplicates("person_id").set_index("person_id")
    first["amount"] = total.where(~unknown).reindex(first.index)
    first.loc[first["status"].astype(str) != "eligible", "amount"] = np.nan
    first["rule"] = rules.reindex(first.index).fillna(first["rule"].astype(object))
    several = count.reindex(first.index) > 1
    said = translator(lang)(NOTE)
    note = count.reindex(first.index).map(lambda n: said.format(n=n))
    first["explanation"] = np.where(several, first["explanation"].astype(str) + "; " + note,
                                    first["explanation"].astype(object))
    return first.reset_index().drop(columns=["_rank", "_paid"])
