"""How an empty cell reads, column by column: unknown (the default), or no / zero where the column
declares it (`blank:` in rules/inputs), where its filled cells are all tick marks (`x`, `✓`, `1`:
a tick-box column, where an officer marks yes and leaves no blank), or where the officer says so
(`--blank-means-no`). Only empty cells are filled: a cell that could not be read stays unknown.
Each reading is recorded on the column's row of the mapping table."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa

from ..rulebook.inputs import Column
from ..wording.catalogue import N_
from .spellings import token_key
from .headers import header_key

TICK_MARKS = frozenset({"x", "✓", "✔", "1"})  # folded: 'X' is 'x'
READINGS = {  # why a blank reads as it does -> what the mapping table says (English, as recorded)
    "unknown": N_("blank = unknown"),
    "declared_no": N_("blank = no (declared)"),
    "declared_zero": N_("blank = 0 (declared)"),
    "ticks": N_("blank = no (tick-box column: only tick marks)"),
    "option": N_("blank = no (--blank-means-no)"),
}


def is_tick_box(cells: Callable[[], pd.Series] | None, typed: pd.Series) -> bool:
    """A text column whose filled cells are all tick marks. Cheap first: its typed values must hold
    a yes and no no (two boolean passes); only then are its cells got (a stored column converted)
    and the distinct texts of its yes cells read. `cells` None: a column stored as booleans
    (Parquet), no text."""
    if cells is None:
        return False
    flags = typed.to_numpy(dtype="float64", na_value=np.nan)
    if not (flags == 1).any() or (flags == 0).any():
        return False
    raw = cells()
    if raw.dtype != object and not pd.api.types.is_string_dtype(raw):
        return False
    uniques = pd.unique(raw[flags == 1])
    return all(token_key(u) in TICK_MARKS for u in uniques)


def reading(name: str, header: str, column: Column, raw: Callable[[], pd.Series] | None, typed: pd.Series,
            told: tuple[str, ...]) -> str:
    """Which READINGS entry applies to this column. `raw` gives its cells as read, if they are needed."""
    if column.type not in ("bool", "int", "number", "money"):
        return "unknown"
    if {header_key(t) for t in told} & {header_key(name), header_key(header)}:
        return "option"
    if column.blank == "no":
        return "declared_no"
    if column.blank == "zero":
        return "declared_zero"
    if column.type == "bool" and is_tick_box(raw, typed):
        return "ticks"
    return "unknown"


def fill_blanks(typed: pd.Series, column: Column, how: str, unreadable: np.ndarray) -> tuple[pd.Series, int]:
    """Empty cells (not `unreadable` ones) as no / 0 under `how`; returns the column and how many."""
    if how == "unknown":
        return typed, 0
    empty = typed.isna().to_numpy() & ~unreadable
    if not empty.any():
        return typed, 0
    value = False if column.type == "bool" else 0
    return typed.mask(empty, value), int(empty.sum())


def cells_of(raw, header: str) -> Callable[[], pd.Series] | None:
    """How to get the cells a tick-box column is recognised by (a RawTable's column, converted only if
    asked); None for a column stored as Arrow booleans: pandas reads them as booleans, no tick marks."""
    stored = raw.stored(header)
    if stored is not None and pa.types.is_boolean(stored.type):
        return None
    return lambda: raw.column(header)


def unknown_told(told: tuple[str, ...], mapped: dict[str, dict[str, str]]) -> list[str]:
    """`--blank-means-no` names that match no column read (said, never ignored)."""
    known = {header_key(x) for columns in mapped.values() for pair in columns.items() for x in pair}
    return [t for t in told if header_key(t) not in known]
