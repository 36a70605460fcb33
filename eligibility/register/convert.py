"""Turn one raw column into its declared type, column-wise, and say which cells could not be.

Every function here works on whole columns (pandas/numpy); the only Python loops are over the
*distinct* values of a column (enum and yes/no spellings), never over rows. Numbers are read
here; enum and yes/no values in `spellings`, dates in `dates`; the `Problem` each check reports
is in `cells`.
"""
from __future__ import annotations

import datetime as dt

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
    kind = column.type
    numbers, present = _parse_numbers(raw, kind)
    finite = np.isfinite(numbers)
    problems = [cell_problem(present & ~finite, "R-TYPE", raw, f"expected {NUMBER_WORDS[kind]}")]
    ok = present & finite
    if kind == "int":
        fractional = ok & (np.trunc(numbers) != numbers)   # np.mod costs eight times as much on 1 M cells
        problems.append(cell_problem(fractional, "R-TYPE", raw, "expected a whole number"))
        ok &= ~fractional
    low, high = _bounds(column)
    what = "an amount" if kind == "money" else "a value"
    if low is not None:
        below = ok & (numbers < low)
        negative = below & (numbers < 0) & (low == 0)
        problems.append(cell_problem(negative, "R-NEGATIVE", raw, f"expected {what} of 0 or more"))
        problems.append(cell_problem(below & ~negative, "R-RANGE", raw, f"expected {what} of at least {_fmt(low)}"))
        ok &= ~below
    if high is not None:
        above = ok & (numbers > high)
        problems.append(cell_problem(above, "R-RANGE", raw, f"expected {what} of at most {_fmt(high)}"))
        ok &= ~above
    # the nullable arrays built from values and mask: astype from NaN-floats costs twice as much
    values = np.where(ok, numbers, 0.0)
    array = pd.arrays.IntegerArray(values.astype(np.int64), ~ok) if kind == "int" else \
        pd.arrays.FloatingArray(values, ~ok)
    typed = pd.Series(array, index=raw.index)
    return typed, [p for p in problems if p is not None]
