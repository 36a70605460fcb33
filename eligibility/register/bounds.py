"""Plausible ranges of register numbers: the declared `min`/`max` of a column (rules/inputs/),
within what its type can hold at all.

One small function so that the register reader (and its cell issues) calls it for every numeric
column: a 20-digit number in a whole-number column, `1e308` as an income or `inf` are reported as
out of range for that cell, never cast (an int64 column cannot hold them) and never screened.
"""
from __future__ import annotations

from ..rulebook.inputs import Column

# The widest any register value may be, whatever a column declares: an income or amount below
# 10^12 VND, a count below 10^9 (an int64 column would overflow far later; 2^53 is where
# float64 stops counting exactly), a measure (km, %) below 10^9.
TYPE_RANGES: dict[str, tuple[float, float]] = {
    "money": (0.0, 1e12),
    "int": (-1e9, 1e9),
    "number": (-1e9, 1e9),
}


def plausible_range(column: Column) -> tuple[float, float]:
    """(low, high) for a numeric column: its declared min/max, narrowed to its type's range."""
    low, high = TYPE_RANGES[column.type]
    if column.min is not None:
        low = max(low, column.min)
    if column.max is not None:
        high = min(high, column.max)
    return low, high
