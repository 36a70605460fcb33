"""Checks across rows and tables: identifying values present, unique IDs, members pointing to an
accepted household, households with at least one accepted member. All column-wise."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..rulebook.inputs import Table
from .cells import Problem
from .model import REJECT_COLUMNS, TABLES, empty_rejects


def isin(values: pd.Series, pool: pd.Series) -> np.ndarray:
    """values.isin(pool) as a numpy mask, by Arrow's hash lookup (three times pandas' factorize of
    both columns); missing values are never in the pool."""
    found = pc.is_in(_arrow_text(values), value_set=_arrow_text(pool), skip_nulls=True)
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def index_in(values: pd.Series, pool: pd.Series) -> np.ndarray:
    """For each value, the position of its first occurrence in `pool` (-1: absent or missing), by
    Arrow's hash lookup: a join of one text column to another without pandas' merge or map. Arrow
    hashes the pool; for a few values in a large pool (a few thousand findings among 1 M people)
    the values are hashed instead and the pool looked up in them (`_few_in`), six times cheaper."""
    if len(values) * 4 <= len(pool):
        return _few_in(_arrow_text(values), _arrow_text(pool))
    found = pc.index_in(_arrow_text(values), value_set=_arrow_text(pool), skip_nulls=True)
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _few_in(values: pa.Array, pool: pa.Array) -> np.ndarray:
    """`index_in` by hashing the values' distinct texts: each pool row's position among them, then
    each distinct text's first pool row."""
    coded = pc.dictionary_encode(values)
    coded = coded.combine_chunks() if isinstance(coded, pa.ChunkedArray) else coded
    hit = pc.index_in(pool, value_set=coded.dictionary, skip_nulls=True).fill_null(-1).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(hit >= 0)
    distinct, first = np.unique(hit[rows], return_index=True)   # the first pool row of each text
    where = np.full(len(coded.dictionary) + 1, -1, dtype=np.int64)   # the last: a missing value
    where[distinct] = rows[first]
    return where[coded.indices.fill_null(-1).to_numpy(zero_copy_only=False)]


def in_runs(values: pd.Series, pool: pd.Series) -> np.ndarray | None:
    """Each value's position in `pool` when `values` give the pool's entries in its order, each one or
    more times in a row, and the pool is sorted without a repeat: members listed household by household
    in a register sorted by ID, as registers are. Found by comparing neighbours (a tenth of hashing a
    million IDs); None when that does not hold (then `index_in` or `isin` says)."""
    given, entries = _arrow_text(values), _arrow_text(pool)
    n, k = len(given), len(entries)
    if not n or not k or given.null_count or entries.null_count:
        return None
    if k > 1 and not pc.all(pc.greater(entries.slice(1), entries.slice(0, k - 1))).as_py():
        return None   # unsorted or repeated: a repeated entry would be found at its first place
    change = pc.not_equal(given.slice(1), given.slice(0, n - 1)).to_numpy(zero_copy_only=False)
    starts = np.flatnonzero(np.concatenate(([True], change)))
    if len(starts) != k or not pc.all(pc.equal(given.take(pa.array(starts)), entries)).as_py():
        return None
    return np.repeat(np.arange(k, dtype=np.int64), np.diff(np.append(starts, n)))


def _arrow_text(values: pd.Series) -> pa.Array:
    return pa.array(values.astype("string[pyarrow]").array, type=pa.large_string())


def value_required(table: Table, keys_only: bool = False) -> list[str]:
    """Columns whose *value* must be given, or the row cannot be screened at all: the table's key,
    the parent key, unique columns, and (unless `keys_only`, as for the main tables) required text
    columns. A missing value in any other column (a date of birth, say) only leaves the decisions
    that need it undetermined."""
    names = [table.key]
    if table.parent is not None:
        names.append(table.parent.key)
    names += [n for n, c in table.columns.items() if c.unique or (not keys_only and c.required and c.type == "text")]
    return [n for n in dict.fromkeys(names) if n in table.columns]


def missing_values(values: pd.Series, table: Table, name: str) -> Problem | None:
    empty = values.isna().to_numpy()
    if not empty.any():
        return None
    column = table.columns[name]
    positions = np.flatnonzero(empty)
    reason = f"expected a value for '{name}' ({column.label.vi} / {column.label.en}); the cell is empty"
    return Problem(positions, "R-MISSING-REQUIRED-VALUE",
                   np.full(len(positions), reason, dtype=object), np.full(len(positions), "", dtype=object))


def duplicates(values: pd.Series, rows: np.ndarray, table: Table, name: str) -> Problem | None:
    """Every row of an ID that appears more than once (the first is not trusted over the others)."""
    present = values.notna().to_numpy()
    given = int(present.sum())
    ids = _arrow_text(values)
    if _ascending(ids) or len(pc.unique(ids)) - (given < len(values)) == given:   # no duplicate (the usual
        return None                                                  # case): half the cost of duplicated()
    dup = values.duplicated(keep=False).to_numpy() & present
    positions = np.flatnonzero(dup)
    ids = values.iloc[positions].astype(str).reset_index(drop=True)
    grouped = pd.Series(rows[positions]).groupby(ids)
    count = grouped.transform("size").astype(str)
    first = grouped.transform("min").astype(str)
    what = _id_words(table, name)
    reasons = (f"{what} '" + ids + "' appears " + count + " times (first at row " + first +
               "); every row with a duplicated ID is rejected")
    return Problem(positions, "R-DUPLICATE-ID", reasons.to_numpy(dtype=object), ids.to_numpy(dtype=object))


def _ascending(ids: pa.Array) -> bool:
    """IDs given in strictly ascending order, so none twice: registers are kept sorted by ID, and
    comparing neighbours costs a twentieth of hashing a million IDs."""
    given = ids.drop_null() if ids.null_count else ids
    n = len(given)
    return n > 1 and bool(pc.all(pc.greater(given.slice(1), given.slice(0, n - 1))).as_py())


def _id_words(table: Table, name: str) -> str:
    label = table.columns[name].label.en
    return label[:1].lower() + label[1:] if label.endswith("ID") else f"'{name}'"


def orphans(member_households: pd.Series, household_ids: pd.Series, household_ok: np.ndarray,
            household_rows: np.ndarray, household_file: str) -> list[Problem]:
    """Members whose household is not in the household table, or was rejected there."""
    problems = []
    given = member_households.notna().to_numpy()
    known = np.ones(len(given), dtype=bool) if in_runs(member_households, household_ids) is not None else \
        isin(member_households, household_ids) & given
    # every household accepted (the usual case): no second lookup among the accepted ones
    accepted = known if household_ok.all() else isin(member_households, household_ids[household_ok]) & given
    orphan = given & ~known
    if orphan.any():
        positions = np.flatnonzero(orphan)
        ids = member_households.iloc[positions].astype(str)
        reasons = "household ID '" + ids + f"' is not in {household_file}"
        problems.append(Problem(positions, "R-ORPHAN-MEMBER", reasons.to_numpy(dtype=object),
                                ids.to_numpy(dtype=object)))
    rejected = known & ~accepted
    if rejected.any():
        positions = np.flatnonzero(rejected)
        ids = member_households.iloc[positions].astype(str)
        present = household_ids.notna().to_numpy()
        first_row = pd.Series(household_rows[present], index=household_ids[present].astype(str).to_numpy())
        first_row = first_row[~first_row.index.duplicated()]
        where = ids.map(first_row).astype("Int64").astype(str)
        reasons = "its household '" + ids + f"' was rejected ({household_file} row " + where + ")"
        problems.append(Problem(positions, "R-HOUSEHOLD-REJECTED", reasons.to_numpy(dtype=object),
                                ids.to_numpy(dtype=object)))
    return problems


def without_members(household_ids: pd.Series, household_ok: np.ndarray, member_households: pd.Series,
                    member_ok: np.ndarray, member_file: str) -> Problem | None:
    """Accepted households with no accepted member."""
    has_member = isin(household_ids, member_households[member_ok])
    lonely = household_ok & ~has_member & household_ids.notna().to_numpy()
    if not lonely.any():
        return None
    positions = np.flatnonzero(lonely)
    ids = household_ids.iloc[positions].astype(str)
    counts = member_households.dropna().astype(str).value_counts()
    n = ids.map(counts).fillna(0).astype(int)
    none_at_all = ("no members: no row in " + member_file + " has household ID '" + ids + "'")
    all_rejected = ("no members: all " + n.astype(str) + " row(s) for this household in " + member_file +
                    " were rejected")
    reasons = none_at_all.where(n == 0, all_rejected)
    return Problem(positions, "R-NO-MEMBERS", reasons.to_numpy(dtype=object), ids.to_numpy(dtype=object))


def rejects_table(tables: dict) -> pd.DataFrame:
    """The rejects table: every rejecting problem of every checked table, one row per cell, in the
    tables' order, then by spreadsheet row."""
    parts = []
    order = 0
    for name, checked in tables.items():
        for header, problem in checked.rejecting():
            n = len(problem.positions)
            parts.append(pd.DataFrame({
                "table": name, "file": checked.label, "row": checked.raw.rows[problem.positions],
                "column": header, "value": problem.values, "reason": problem.reasons, "code": problem.code,
                "_order": np.full(n, order), "_table": np.full(n, TABLES.index(name)),
            }))
            order += 1
    if not parts:
        return empty_rejects()
    rejects = pd.concat(parts, ignore_index=True)
    rejects = rejects.sort_values(["_table", "row", "_order"], kind="stable").reset_index(drop=True)
    rejects = rejects[REJECT_COLUMNS]
    typed = empty_rejects()
    return rejects.astype({c: typed[c].dtype for c in REJECT_COLUMNS})
