"""Turn one raw column into its declared type, column-wise, and say which cells could not be.

Every function here works on whole columns (pandas/numpy); the only Python loops are over the
*distinct* values of a column (enum and yes/no spellings), never over rows. Numbers are read
here; enum and yes/no values in `spellings`, dates in `dates`; the `Problem` each check reports
is in `cells`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from ..rulebook.inputs import Column
from .bounds import plausible_range
from .cells import Problem, as_text, cell_problem
from .dates import DATE_FORMATS, convert_date, partial_dates
from .spellings import convert_bool, convert_enum, did_you_mean, enum_spellings, token_key

# the public names of the conversion, as they were before it was split (the reader and tests import them)
__all__ = ["DATE_FORMATS", "Problem", "as_text", "convert_column", "did_you_mean", "enum_spellings",
           "partial_dates", "token_key"]

NUMBER_WORDS = {"int": "a whole number", "number": "a number", "money": "an amount in VND"}


def convert_column(raw: pd.Series, column: Column, as_of: dt.date) -> tuple[pd.Series, list[Problem]]:
    """(typed column, problems). Cells with a problem are missing in the typed column."""
    kind = column.type
    if kind == "text":
        return as_text(raw), []
    if kind == "enum":
        return convert_enum(raw, column)
    if kind == "bool":
        return convert_bool(raw)
    if kind in ("int", "number", "money"):
        return _convert_number(raw, column)
    if kind == "date":
        return convert_date(raw, as_of)
    raise ValueError(f"unknown column type {kind!r}")  # the schema allows no other


def _replace_where(text: pd.Series, pattern: str, repl: str, regex: bool = True) -> pd.Series:
    """text.str.replace, skipped when no cell contains the pattern (saves a pass on big columns)."""
    if not text.str.contains(pattern, regex=regex).fillna(False).any():
        return text
    return text.str.replace(pattern, repl, regex=regex)


def _parse_numbers(raw: pd.Series, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(values as float64 with NaN for empty or unreadable, mask of non-empty cells)."""
    if ptypes.is_numeric_dtype(raw) and not ptypes.is_bool_dtype(raw):
        values = raw.to_numpy(dtype="float64", na_value=np.nan)
        return values, ~np.isnan(values)
    text = as_text(raw)
    present = text.notna().to_numpy()
    clean = _replace_where(text, r"[\s\u00a0]+", "")
    if kind == "money":
        clean = _replace_where(clean, r"(?:[vV][nN][dDđĐ]|đồng|[đĐ])$", "")
    if kind in ("money", "int"):
        grouped = (clean.str.fullmatch(r"-?\d{1,3}(?:\.\d{3})+").fillna(False)
                   | clean.str.fullmatch(r"-?\d{1,3}(?:,\d{3})+").fillna(False)).to_numpy(dtype=bool)
        if grouped.any():
            clean = clean.mask(grouped, clean.str.replace(r"[.,]", "", regex=True))
    else:
        comma = clean.str.fullmatch(r"-?\d+,\d+").fillna(False).to_numpy(dtype=bool)
        if comma.any():
            clean = clean.mask(comma, clean.str.replace(",", ".", regex=False))
    values = pd.to_numeric(clean, errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan), present


def _bounds(column: Column) -> tuple[float | None, float | None]:
    return plausible_range(column)


def _fmt(number: float) -> str:
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def _convert_number(raw: pd.Series, column: Column) -> tuple[pd.Series, list[Problem]]:
    numbers, present = _parse_numbers(raw, column.type)
    typed, problems = checked_numbers(numbers, present, column, raw)
    return typed.set_axis(raw.index), problems


def checked_numbers(numbers: np.ndarray, present: np.ndarray, column: Column,
                    raw: pd.Series | Callable[[], pd.Series]) -> tuple[pd.Series, list[Problem]]:
    """The typed column from the numbers read (NaN: empty or unreadable) and the non-empty cells,
    checked against the column's range. `raw`: the cells as written, or how to get them (a stored
    column is converted only when a check has cells to report). The checks look at the filled
    cells only: most numeric columns of a register are mostly empty."""
    kind, n = column.type, len(numbers)
    at = np.flatnonzero(present)
    got = numbers[at]

    def problem(cells: np.ndarray, code: str, expected: str) -> Problem | None:
        return cell_problem(_spread(cells, at, n), code, raw, expected) if cells.any() else None

    ok = np.isfinite(got)
    problems = [problem(~ok, "R-TYPE", f"expected {NUMBER_WORDS[kind]}")]
    if kind == "int":
        fractional = ok & (np.trunc(got) != got)   # np.mod costs eight times as much on 1 M cells
        problems.append(problem(fractional, "R-TYPE", "expected a whole number"))
        ok &= ~fractional
    low, high = _bounds(column)
    what = "an amount" if kind == "money" else "a value"
    if low is not None:
        below = ok & (got < low)
        negative = below & (got < 0) & (low == 0)
        problems.append(problem(negative, "R-NEGATIVE", f"expected {what} of 0 or more"))
        problems.append(problem(below & ~negative, "R-RANGE", f"expected {what} of at least {_fmt(low)}"))
        ok &= ~below
    if high is not None:
        above = ok & (got > high)
        problems.append(problem(above, "R-RANGE", f"expected {what} of at most {_fmt(high)}"))
        ok &= ~above
    # the nullable arrays built from values and mask (0 where missing): astype from NaN-floats costs twice as much
    keep = at[ok]
    missing = np.ones(n, dtype=bool)
    missing[keep] = False
    values = np.zeros(n, dtype=np.int64 if kind == "int" else np.float64)
    values[keep] = got[ok]
    array = pd.arrays.IntegerArray(values, missing) if kind == "int" else pd.arrays.FloatingArray(values, missing)
    return pd.Series(array, copy=False), [p for p in problems if p is not None]


def _spread(cells: np.ndarray, at: np.ndarray, n: int) -> np.ndarray:
    """A mask over the filled cells `at` as a mask over all `n` cells."""
    mask = np.zeros(n, dtype=bool)
    mask[at[cells]] = True
    return mask
