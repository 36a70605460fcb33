"""Coverage of the audited benefits' decision rows from the lists, with the money: covered, gap,
leakage, refined into underpaid / overpaid / wrong_level; and the entry findings that override a row
(deceased_paid, duplicate). Whole columns: decision rows meet list entries by Arrow hash lookups
(`join.py`), coverage is kept as category codes (no column of a few million words is rebuilt).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..vocabulary import Coverage, Enrolment, Status, coverage
from .join import codes_of, entry_keys, is_in, positions, row_keys, rows_of, text

PRECEDENCE = [Coverage.DECEASED_PAID, Coverage.DUPLICATE]   # entry findings that override a decision's coverage
CODE = {c: c.code for c in Coverage}


def coverage_codes(decisions: pd.DataFrame) -> np.ndarray:
    """The coverage column as `Coverage` codes (a copy, to write into)."""
    return codes_of(decisions["coverage"], Coverage.words())


def set_coverage(decisions: pd.DataFrame, codes: np.ndarray) -> None:
    decisions["coverage"] = pd.Categorical.from_codes(codes, categories=Coverage.words())


class Joined(NamedTuple):
    """The audited benefits' decision rows met with the lists: their positions in the table, their
    'benefit<US>key', the entries naming someone with the highest amount paid first (`best`), and per
    row the first of them with its key (-1: on no list)."""
    rows: np.ndarray
    keys: pa.Array
    best: pd.DataFrame
    at: np.ndarray


def missing_rows(decisions: pd.DataFrame, entries: pd.DataFrame, audited: list[str],
                 screen: Callable[[list[str]], pd.DataFrame] | None) -> tuple[pd.DataFrame, Joined]:
    """Rows for people on a list whom the table left out (not eligible, not enrolled by the flags):
    none after the vectorised engine (it keeps them), the durable engine's screened again. Returns the
    table and its audited rows met with the lists. The entries' keys are hashed once and each row's
    key looked up among them: which entry a row reads, and which entries no row names, come of that
    one lookup (1 M rows; a second hash of the rows' keys cost 0.36 CPU-s)."""
    best = _paid_first(entries)
    coded = pc.dictionary_encode(entry_keys(best["benefit"], best["key"]))
    coded = coded.combine_chunks() if isinstance(coded, pa.ChunkedArray) else coded
    code = coded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    first = np.full(len(coded.dictionary) + 1, -1, dtype=np.int64)   # per key its first entry; the last: none
    named = np.flatnonzero(code >= 0)
    distinct, at_first = np.unique(code[named], return_index=True)
    first[distinct] = named[at_first]
    rows = rows_of(decisions, audited)
    keys = row_keys(decisions, rows)
    seen = positions(keys, coded.dictionary)   # -1 reads the last of `first` and `read`: none
    read = np.zeros(len(first), dtype=bool)
    read[seen] = True
    read[-1] = False
    missing = best["benefit"].isin(audited).to_numpy() & (code >= 0) & ~read[code]
    if not missing.any() or screen is None:
        return decisions, Joined(rows, keys, best, first[seen])
    more = screen(sorted(best.loc[missing, "household_id"].dropna().astype(str).unique()))
    more_keys = row_keys(more, np.arange(len(more)))
    pick = is_in(more_keys, coded.dictionary.take(pa.array(code[missing])))
    extra, extra_keys = more[pick], more_keys.filter(pa.array(pick))
    joined = Joined(np.concatenate([rows, len(decisions) + np.arange(len(extra))]),
                    pa.concat_arrays([keys, extra_keys]), best,
                    np.concatenate([first[seen], first[positions(extra_keys, coded.dictionary)]]))
    decisions = decisions.copy(deep=False)   # the caller's table keeps its categories
    for name in decisions.columns:   # a categorical column (explanation, rule) learns the new rows' texts
        if isinstance(decisions[name].dtype, pd.CategoricalDtype) and name in extra:
            new = pd.Index(extra[name].dropna().astype(object).unique()).difference(decisions[name].cat.categories)
            decisions[name] = decisions[name].cat.add_categories(new)   # else the cast below blanks them
    return pd.concat([decisions, extra.astype(decisions.dtypes.to_dict(), errors="ignore")], ignore_index=True), joined


def _paid_first(entries: pd.DataFrame) -> pd.DataFrame:
    """The entries naming someone (a key), the highest amount paid first (stable): a decision row reads
    the first entry of its key. The columns read after, not all sixteen: a take of all costs."""
    linked = entries.loc[entries["key"].notna().to_numpy(),
                         ["benefit", "key", "household_id", "paid", "level", "file", "row"]]
    paid = linked["paid"].to_numpy(dtype=float)
    return linked.iloc[np.argsort(np.where(np.isnan(paid), np.inf, -paid), kind="stable")]


def list_coverage(plan, decisions: pd.DataFrame, joined: Joined, entries: pd.DataFrame,
                  as_of: dt.date, include_all: bool) -> tuple[pd.DataFrame, dict]:
    """The decisions with the audited rows' (`joined`: positions, keys, the entry each reads) coverage
    from the lists, and the flagged rows' columns (positions, paid, due, money, levels, list file and
    row) for the findings table."""
    rows, keys, best, at = joined   # `at`: the first entry of the row's key, the highest amount paid
    on_list = at >= 0

    def picked(column: str, dtype, where: np.ndarray = at) -> np.ndarray:   # position -1 (not on the list): the blank
        blank = np.nan if dtype is float else None
        out, listed = np.full(len(where), blank, dtype=dtype), where >= 0
        out[listed] = best[column].iloc[where[listed]].to_numpy(dtype=dtype, na_value=blank)
        return out

    status = codes_of(decisions["status"], Status.words(), rows)
    words = coverage(status, np.where(on_list, Enrolment.ENROLLED, Enrolment.NOT_ENROLLED).astype(np.int8))
    due = pd.to_numeric(decisions["amount"], errors="coerce").to_numpy(dtype=float)[rows]
    paid, level = picked("paid", float), picked("level", float)
    level_due, worth = _level_due(plan, decisions, rows, due, as_of)
    # eligible, off this list, but paid by a programme that excludes this one: only one is due, it is held
    words[(words == CODE[Coverage.GAP]) & _held_elsewhere(plan, entries, keys)] = CODE[Coverage.COVERED]
    covered = words == CODE[Coverage.COVERED]
    wrong = covered & ~np.isnan(level) & ~np.isnan(level_due) & ~np.isclose(level, level_due)
    diff = paid - due
    words[covered & (diff < -0.5)] = CODE[Coverage.UNDERPAID]
    words[covered & (diff > 0.5)] = CODE[Coverage.OVERPAID]
    words[wrong] = CODE[Coverage.WRONG_LEVEL]
    paid, due, diff = _in_money(paid, due, diff, level, level_due, worth)
    money = np.select([words == CODE[Coverage.GAP], words == CODE[Coverage.LEAKAGE]], [due, paid], diff)
    codes = coverage_codes(decisions)
    codes[rows] = words
    set_coverage(decisions, codes)
    flagged = ~np.isin(words, [CODE[Coverage.NONE], CODE[Coverage.COVERED], CODE[Coverage.NEEDS_DATA]])
    found = {"rows": rows[flagged], "paid": paid[flagged], "due": due[flagged], "money": money[flagged],
             "level_paid": level[flagged], "level_due": level_due[flagged],
             "file": picked("file", object, at[flagged]), "row": picked("row", float, at[flagged])}
    drop = (status == Status.NOT_ELIGIBLE.code) & (words == CODE[Coverage.NONE])
    if include_all or not drop.any():
        return decisions, found
    keep = np.ones(len(decisions), dtype=bool)
    keep[rows[drop]] = False
    new_position = np.cumsum(keep) - 1
    found["rows"] = new_position[found["rows"]]   # flagged rows are never dropped
    return decisions[keep].reset_index(drop=True), found


def _in_money(paid: np.ndarray, due: np.ndarray, diff: np.ndarray, level: np.ndarray, level_due: np.ndarray,
              worth: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Paid, due and their difference in money. A list that pays no amount (an HI card: its level is a share
    of the premium) is valued at its level's monthly worth (`level.worth`): the share paid, the share due
    and their difference, times the premium; its levels stay shares."""
    valued = ~np.isnan(worth) & np.isnan(paid)
    if not valued.any():
        return paid, due, diff
    return (np.where(valued, np.round(level * worth), paid), np.where(valued, np.round(due * worth), due),
            np.where(valued, np.round((level - level_due) * worth), diff))


def _held_elsewhere(plan, entries: pd.DataFrame, keys: pa.Array) -> np.ndarray:
    """Rows whose person is on the list of a programme their benefit `excludes`."""
    held = []
    for name, b in plan.benefits.items():   # a loop over the pairs the rule pack declares
        if b.enrolled_from is None:
            continue
        for other in b.enrolled_from.excludes:
            on = entries.loc[((entries["programme"] == other) & entries["key"].notna()).to_numpy(), "key"]
            held.append(entry_keys(pd.Series(name, index=on.index, dtype="string"), on))
    if not held:
        return np.zeros(len(keys), dtype=bool)
    return is_in(keys, pa.concat_arrays(held))


def _level_due(plan, decisions: pd.DataFrame, rows: np.ndarray, due: np.ndarray,
               as_of: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """The level due per row: the amount due over the parameter `level.per` (a coefficient), the amount
    itself (`level.amount`: a share), else the rate; and what a unit of level is worth a month (`level.worth`)."""
    out, worth = np.full(len(rows), np.nan), np.full(len(rows), np.nan)
    names = pc.dictionary_encode(text(decisions["benefit"], rows))
    which = names.indices.to_numpy(zero_copy_only=False)
    for i, name in enumerate(names.dictionary.to_pylist()):   # a loop over benefits
        level = plan.benefits[name].enrolled_from.level
        if level is None:
            continue
        mask = which == i
        if level.per:
            value = plan.parameters[level.per].at(as_of)
            out[mask] = due[mask] / float(value.value) if value is not None else np.nan
        elif level.amount:
            out[mask] = due[mask]
        else:
            out[mask] = pd.to_numeric(decisions["rate"], errors="coerce").to_numpy(dtype=float)[rows][mask]
        if level.worth:
            worth[mask] = _product(plan, level.worth, as_of)
    return np.round(out, 4), worth


def _product(plan, names: list[str], as_of: dt.date) -> float:
    """The product of these parameters' values on `as_of` (NaN where one has none), rounded to the dong."""
    total = 1.0
    for name in names:   # two parameters
        value = plan.parameters[name].at(as_of)
        if value is None:
            return np.nan
        total *= float(value.value)
    return float(np.round(total))


def override(decisions: pd.DataFrame, by_entry: pd.DataFrame) -> pd.DataFrame:
    """A decision row whose person has a duplicate or post-death entry takes that word (PRECEDENCE)."""
    hits = by_entry[by_entry["finding"].isin([w.value for w in PRECEDENCE]) & by_entry["key"].notna()]
    if hits.empty:
        return decisions
    rows = rows_of(decisions, sorted(set(hits["benefit"].dropna().astype(str))))
    keys = row_keys(decisions, rows)
    codes = coverage_codes(decisions)
    for word in reversed(PRECEDENCE):   # two words; the first of PRECEDENCE is written last and wins
        hit = hits[hits["finding"] == word.value]
        codes[rows[is_in(keys, entry_keys(hit["benefit"], hit["key"]))]] = word.code
    set_coverage(decisions, codes)
    return decisions
