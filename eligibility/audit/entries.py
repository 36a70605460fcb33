"""The programme lists' entries as the audit reads them: matched, in force on the as-of date, with
the amount paid for the as-of month; and the findings that belong to entries, not to decisions
(not_in_register, ambiguous, duplicate, deceased_paid). All on whole columns."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..register.checks import index_in
from ..vocabulary import Coverage, Match
from ..wording import N_
from .join import entry_keys

# The notes of entry findings, in English (the findings table is for machines too); the reports word
# them in the reader's language (reports/audit.py). A death's note is DIED with its dd/mm/yyyy date.
SAME_PROGRAMME = N_("same programme twice")
DIED = N_("died {date}")
ONLY_ONE, ONLY_ONE_CITED = N_("only one is due"), N_("only one is due ({reference})")
ENTRY_COLUMNS = ["entry", "programme", "benefit", "key", "person_id", "household_id", "match", "candidates",
                 "paid", "level", "paid_month", "file", "row", "full_name", "commune", "village"]


def active_entries(lists: pd.DataFrame, matches: pd.DataFrame, as_of: dt.date,
                   programme_benefit: dict[str, str], entity: dict[str, str],
                   levels: dict[str, tuple[str, bool]] | None = None) -> pd.DataFrame:
    """Entries in force on `as_of` (since <= as_of <= until, blank = open), with their benefit, the
    key they enrol (person ID, or household ID for a household benefit), the amount paid and level.
    A monthly amount counts only when paid for the as-of month (paid_month blank: the as-of month);
    a one-off amount always. `levels`: programme -> (the list column giving its level, written in percent);
    the coefficient where a programme declares none."""
    day = pd.Timestamp(as_of)
    since = _col(lists, "since", "datetime64[ns]")
    until = _col(lists, "until", "datetime64[ns]")
    live = ((since.isna() | (since <= day)) & (until.isna() | (until >= day))).to_numpy()
    month = _month_number(_col(lists, "paid_month", "datetime64[ns]")).fillna(day.year * 12 + day.month)
    this_month = (month == day.year * 12 + day.month).to_numpy(dtype=bool)
    monthly = _col(lists, "monthly_amount", "Float64").to_numpy(dtype=float, na_value=np.nan)
    once = _col(lists, "one_off_amount", "Float64").to_numpy(dtype=float, na_value=np.nan)
    paid = np.where(~np.isnan(monthly), np.where(this_month, monthly, np.nan), once)
    codes, programmes = pd.factorize(matches["programme"])   # a few programmes: looked up once each
    benefit = np.append(np.array([programme_benefit.get(p) for p in programmes], dtype=object), None)[codes]
    is_household = np.append(np.array([entity.get(programme_benefit.get(p)) == "household" for p in programmes],
                                       dtype=bool), False)[codes]
    person, household = (pa.array(matches[c].astype("string[pyarrow]").array) for c in ("person_id", "household_id"))
    key = pc.if_else(pa.array(is_household), household, person)   # Arrow text: no Python string per entry
    level = _levels(lists, codes, programmes, levels or {})
    out = pd.DataFrame({
        "entry": matches["entry"].to_numpy(), "programme": matches["programme"].to_numpy(),
        "benefit": benefit, "key": pd.arrays.ArrowStringArray(key.cast(pa.large_string())),
        "person_id": matches["person_id"].array, "household_id": matches["household_id"].array,   # Arrow text kept
        "match": matches["match"].to_numpy(), "candidates": matches["candidates"].to_numpy(),
        "paid": paid, "level": level,
        "paid_month": month.to_numpy(),
        "file": lists["_file"].to_numpy(), "row": lists["_row"].to_numpy(),
        "full_name": _col(lists, "full_name", "string").array,
        "commune": _col(lists, "commune", "string").array, "village": _col(lists, "village", "string").array,
    })
    return out[live].reset_index(drop=True)


def _levels(lists: pd.DataFrame, codes: np.ndarray, programmes: pd.Index,
            levels: dict[str, tuple[str, bool]]) -> np.ndarray:
    """Each entry's level from its programme's level column (an HI card: its state share, in percent, as a
    share), the coefficient elsewhere."""
    out = _col(lists, "coefficient", "Float64").to_numpy(dtype=float, na_value=np.nan)
    for i, programme in enumerate(programmes):   # a loop over the few programmes
        column, percent = levels.get(programme, ("coefficient", False))
        if column != "coefficient" or percent:
            mine = codes == i
            out[mine] = _col(lists, column, "Float64").to_numpy(dtype=float, na_value=np.nan)[mine] \
                / (100.0 if percent else 1.0)
    return out


def _col(frame: pd.DataFrame, name: str, dtype: str) -> pd.Series:
    if name in frame:
        return frame[name].reset_index(drop=True).astype(dtype)
    return pd.Series(pd.NA if dtype != "datetime64[ns]" else pd.NaT, index=pd.RangeIndex(len(frame)), dtype=dtype)


def entry_findings(entries: pd.DataFrame, members: pd.DataFrame, exclusive: list[tuple[str, str, str]]) -> pd.DataFrame:
    """not_in_register (unmatched), needs_data (ambiguous), duplicate and deceased_paid, one row per entry
    found, with the money: the amount that entry paid (for a duplicate: the lower of the two)."""
    parts = [
        _with(entries[entries["match"] == Match.UNMATCHED.value], Coverage.NOT_IN_REGISTER, "paid"),
        _with(entries[entries["match"] == Match.AMBIGUOUS.value], Coverage.NEEDS_DATA, "paid"),
        _same_programme_twice(entries), _two_exclusive_programmes(entries, exclusive),
        _after_death(entries, members),
    ]
    return pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) \
        else _with(entries.iloc[:0], Coverage.DUPLICATE, "paid")


def _with(part: pd.DataFrame, finding: Coverage, money: str, note: str = "") -> pd.DataFrame:
    return part.assign(finding=finding.value, money=part[money].to_numpy(dtype=float) if len(part) else [],
                       note=note)


def _same_programme_twice(entries: pd.DataFrame) -> pd.DataFrame:
    """Every entry of a person (or household) in one programme after the first (the highest amount
    kept first): only one is due."""
    linked = np.flatnonzero(entries["key"].notna().to_numpy())
    order, first = _ranked(_narrow(entries, linked, "key"), "key")
    return _with(entries.iloc[linked[order[~first]]], Coverage.DUPLICATE, "paid", SAME_PROGRAMME)


def _narrow(entries: pd.DataFrame, rows: np.ndarray, by: str) -> pd.DataFrame:
    """The columns `_ranked` reads, at `rows`: a take of 300,000 entries' sixteen columns, most of
    them text, costs more than the ranking."""
    return entries[["entry", "programme", by, "paid"]].iloc[rows]


def _ranked(linked: pd.DataFrame, by: str) -> tuple[np.ndarray, np.ndarray]:
    """Positions of `linked` ordered by (programme, `by`), the highest amount paid first, then the
    entry; and whether each is the first of its (programme, `by`). Groups as integers (Arrow's
    dictionary encoding of 'programme<US>by'), not a sort of two text columns."""
    group = pc.dictionary_encode(entry_keys(linked["programme"], linked[by])).indices.to_numpy(zero_copy_only=False)
    paid = linked["paid"].to_numpy(dtype=float)
    order = np.lexsort((linked["entry"].to_numpy(), np.where(np.isnan(paid), np.inf, -paid), group))
    first = np.ones(len(order), dtype=bool)
    first[1:] = group[order][1:] != group[order][:-1]
    return order, first


def _two_exclusive_programmes(entries: pd.DataFrame, exclusive: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A person on two lists of which only the highest is due (`excludes:` in the rule file): the
    lower entry is the duplicate, its amount the money. Each pair once."""
    found = []
    paired = [p for pair in exclusive for p in pair[:2]]   # only the pairs' programmes are ranked
    linked = entries[["entry", "programme", "person_id", "paid"]][
        (entries["person_id"].notna() & entries["programme"].isin(paired)).to_numpy()]
    order, first = _ranked(linked, "person_id")
    best = linked.iloc[order[first]]
    seen: set[frozenset] = set()
    for first, second, why in exclusive:   # a loop over the pairs the rule pack declares
        if frozenset((first, second)) in seen:
            continue
        seen.add(frozenset((first, second)))
        mine, theirs = best[best["programme"] == first], best[best["programme"] == second]
        if mine.empty or theirs.empty:   # nobody on both lists: no merge to pay for
            continue
        both = mine.merge(theirs, on="person_id", suffixes=("", "_other"))
        if both.empty:
            continue
        lower_is_first = both["paid"].fillna(0).to_numpy() <= both["paid_other"].fillna(0).to_numpy()
        pick = np.where(lower_is_first, both["entry"], both["entry_other"])
        rows = entries[entries["entry"].isin(pick).to_numpy()]   # entry numbers are unique
        found.append(_with(rows, Coverage.DUPLICATE, "paid", why))
    return pd.concat(found, ignore_index=True) if found else entries.iloc[:0]


def _after_death(entries: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Entries paying a person for a month after the month of their death."""
    if "date_of_death" not in members or entries.empty:
        return entries.iloc[:0]
    dead = members.loc[members["date_of_death"].notna().to_numpy(), ["person_id", "date_of_death"]]   # the few who died
    at = index_in(entries["person_id"], dead["person_id"])
    death = pd.Series(np.append(pd.to_datetime(dead["date_of_death"]).to_numpy(), np.datetime64("NaT"))[at],
                      index=entries.index)
    died = _month_number(death)
    after = (died.notna() & (entries["paid_month"] > died)).to_numpy(dtype=bool, na_value=False)
    after &= entries["paid"].fillna(0).to_numpy() > 0
    return _with(entries[after], Coverage.DECEASED_PAID, "paid",
                 DIED.format(date="") + death[after].dt.strftime("%d/%m/%Y"))


def _month_number(days: pd.Series) -> pd.Series:
    """year * 12 + month: months compare as whole numbers."""
    return (days.dt.year * 12 + days.dt.month).astype("Int64")
