"""Columns typed from cells written as text and held by Arrow (a CSV file read by pyarrow, a Parquet
column stored as text), when every cell reads plainly: yes/no by its spellings, numbers written as
digits, dates all in the first format that reads any of them, none before 1900 nor after the as-of
date. Each typing is done with Arrow and numpy on the column as a whole (a few Arrow calls, not the
dozen pandas operations of `convert.convert_column`, each of which costs a millisecond or more even
on the 41 rows of a commune's register) and gives exactly what `convert_column` gives for it.

Any column with a cell that does not read plainly (a grouped or suffixed amount, a decimal comma, a
sign, a spelling not declared, a date in two formats, a year alone, a day number, a date out of
range) gets None here and goes the usual way, which reads it and says what it could not read.
"""
from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..rulebook.inputs import Column
from .cells import Problem
from .convert import checked_numbers
from .dates import DATE_FORMATS, EARLIEST_DATE, arrow_dates
from .spellings import FALSE_WORDS, TRUE_WORDS, token_key

Typed = tuple[pd.Series, list[Problem]]
# Digits only (a sign, a separator, a unit or an exponent: the usual way reads them): at most 15
# digits on each side, which float64 holds as pandas' parser reads them.
_PLAIN_NUMBER = {"int": r"^\d{1,15}$", "money": r"^\d{1,15}$", "number": r"^\d{1,15}(?:\.\d{1,15})?$"}


def _trimmed(stored: pa.ChunkedArray) -> tuple[pa.ChunkedArray, np.ndarray]:
    """(the cells trimmed as `cells.as_text` trims them, mask of the non-empty ones)."""
    text = pc.utf8_trim_whitespace(stored)
    present = pc.fill_null(pc.not_equal(text, ""), False)
    return text, np.asarray(present.to_numpy(zero_copy_only=False), dtype=bool)


def spelled_codes(stored: pa.ChunkedArray, spellings: dict[str, int]) -> np.ndarray:
    """Each cell's index into the declared values by its spelling (`spellings.map_spellings` on the
    column's distinct values): -1 empty, -2 a spelling not declared."""
    encoded = pc.dictionary_encode(stored) if not pa.types.is_dictionary(stored.type) else stored
    parts = [np.zeros(0, dtype=np.int64)]
    for chunk in encoded.chunks:   # a loop over the column's chunks and their distinct values, not rows
        keys = [token_key(v) if v is not None else "" for v in chunk.dictionary.to_pylist()]
        lookup = np.array([-1 if not k else spellings.get(k, -2) for k in keys] + [-1], dtype=np.int64)
        indices = pc.fill_null(chunk.indices, len(keys)).to_numpy(zero_copy_only=False)
        parts.append(lookup[indices])
    return np.concatenate(parts)


def text_bool(stored: pa.ChunkedArray) -> Typed | None:
    """`spellings.convert_bool` on text cells, when every filled cell is a yes/no spelling."""
    index = spelled_codes(stored, _yes_no())
    if (index == -2).any():
        return None
    return pd.Series(pd.arrays.BooleanArray(index == 1, index < 0), copy=False), []


@functools.cache
def _yes_no() -> dict[str, int]:
    """Yes/no spellings by their key, as `spellings.convert_bool` reads them."""
    return {token_key(w): 1 for w in TRUE_WORDS} | {token_key(w): 0 for w in FALSE_WORDS}


def text_number(stored: pa.ChunkedArray, column: Column, cells) -> Typed | None:
    """`convert._convert_number` on text cells written as plain digits (its range checks included)."""
    text, present = _trimmed(stored)
    plain = pc.fill_null(pc.match_substring_regex(text, _PLAIN_NUMBER[column.type]), False)
    if int(pc.sum(plain).as_py() or 0) != int(present.sum()):
        return None
    numbers = pc.cast(pc.if_else(plain, text, pa.scalar(None, text.type)), pa.float64())
    values = np.asarray(pc.fill_null(numbers, np.nan).to_numpy(zero_copy_only=False), dtype=np.float64)
    return checked_numbers(values, present, column, cells)


def text_date(stored: pa.ChunkedArray, as_of: dt.date) -> Typed | None:
    """`dates.convert_date` on text cells all written in one format (the first of `DATE_FORMATS` that
    reads any of them, as the usual way tries them), from 01/01/1900 to the as-of date."""
    text, present = _trimmed(stored)
    values = np.full(len(present), np.datetime64("NaT"), dtype="datetime64[us]")
    if present.any():
        cells = (text if present.all() else pc.filter(text, pa.array(present))).combine_chunks()
        for fmt in DATE_FORMATS:
            read = arrow_dates(cells, fmt)
            if read is None:
                return None   # a format Arrow cannot read (fractions of a second): the usual way
            ok, parsed = read
            if ok.any():
                break
        if not ok.all():
            return None
        days = parsed.astype("datetime64[D]").astype("datetime64[us]")   # normalised, as the usual way does
        if days.min() < EARLIEST_DATE.to_datetime64() or days.max() > np.datetime64(as_of, "us"):
            return None
        values[present] = days
    return pd.Series(values.astype("datetime64[ns]"), copy=False), []
