"""Columns typed straight from their stored Arrow type, where the file already types them.

A yes/no column stored as Arrow booleans, a number stored as integers or floats, a date stored as a
timestamp, an enum stored as a dictionary of spellings (or as text) and text stored as text need no
parsing of text: each is typed here with Arrow and numpy on its stored values, and the result is
the one `convert.convert_column` gives for the column `pd.read_parquet` returns (tests/register/
test_stored_types.py holds both readings equal on registers with every kind of bad cell). Where a
column has a cell that fails a check, or its stored type is not one of these, the column goes the
usual way (`convert_column` on the pandas column), so every problem is reported as before.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..rulebook.inputs import Column
from .cells import Problem
from .convert import checked_numbers
from .dates import EARLIEST_DATE
from .sources import RawTable
from .spellings import convert_enum, enum_spellings, token_key
from .textcells import text_bool, text_date, text_number

Typed = tuple[pd.Series, list[Problem]]


def convert_stored(raw: RawTable, header: str, column: Column, as_of: dt.date) -> Typed | None:
    """The typed column and its problems, or None when the column is to be typed from pandas."""
    stored = raw.stored(header)
    how = None if stored is None else _typing(stored, column, raw.pandas_type(header))
    if stored is None or how is None:
        return None
    cells = lambda: raw.column(header)  # noqa: E731 - the cells as pandas has them, converted if asked
    if how == "text":
        return _text(stored)
    if how == "bool":
        return _bool(stored)
    if how == "enum":
        return _enum(stored, column, cells)
    if how in TEXT_TYPINGS:
        return TEXT_TYPINGS[how](stored, column, cells, as_of)
    if how == "number":
        numbers = pc.fill_null(pc.cast(stored, pa.float64(), safe=False), np.nan).to_numpy()
        return checked_numbers(numbers, ~np.isnan(numbers), column, cells)
    return _dates(stored, cells, as_of)


def pandas_needed(raw: RawTable, header: str, column: Column) -> bool:
    """Whether typing a stored column starts from its cells in pandas (dates, and columns typed the
    usual way): the reader converts those together, pandas' conversion costing a little per call."""
    stored = raw.stored(header)
    return stored is not None and _typing(stored, column, raw.pandas_type(header)) in (None, "date")


# Yes/no, numbers and dates written as text: typed from Arrow when every cell reads plainly (textcells.py)
TEXT_TYPINGS = {"text bool": lambda stored, column, cells, as_of: text_bool(stored),
                "text number": lambda stored, column, cells, as_of: text_number(stored, column, cells),
                "text date": lambda stored, column, cells, as_of: text_date(stored, as_of)}


def _typing(stored: pa.ChunkedArray, column: Column, pandas_type: str | None) -> str | None:
    """How a stored column is typed from Arrow, by its declared type and its stored type; None: the
    usual way. Yes/no: with no missing value, or when the file's pandas metadata asks for pandas'
    nullable booleans (else pandas read the column as objects, and the spellings path gives that).
    Text: unless pandas is set to hold text as Python strings (then strip as Python does)."""
    kind, arrow = column.type, stored.type
    if kind == "text" and _is_text(arrow) and pd.StringDtype().storage == "pyarrow":
        return "text"
    if _is_text(arrow) and kind in ("bool", "int", "number", "money", "date") and pd.StringDtype().storage == "pyarrow":
        return "text " + ("number" if kind in ("int", "money") else kind)
    if kind == "bool" and pa.types.is_boolean(arrow) and (not stored.null_count or pandas_type == "boolean"):
        return "bool"
    if kind == "enum" and (_is_text(arrow) or pa.types.is_dictionary(arrow) and _is_text(arrow.value_type)):
        return "enum"
    if kind in ("int", "number", "money") and (pa.types.is_integer(arrow) or arrow in (pa.float32(), pa.float64())):
        return "number"
    return "date" if kind == "date" and arrow == pa.timestamp("ns") else None


def _is_text(arrow: pa.DataType) -> bool:
    return pa.types.is_string(arrow) or pa.types.is_large_string(arrow)


def _text(stored: pa.ChunkedArray) -> Typed:
    """`cells.as_text`: trimmed (pandas' own strip is this Arrow kernel), empty cells missing."""
    text = pc.utf8_trim_whitespace(stored)
    empty = pc.equal(text, "")
    if pc.any(empty).as_py():
        text = pc.if_else(empty, pa.scalar(None, text.type), text)
    return pd.Series(pd.StringDtype().__from_arrow__(text), copy=False), []


def _bool(stored: pa.ChunkedArray) -> Typed:
    """Booleans as pandas' BooleanDtype converts them: the stored value bits as they are, missing
    where not valid."""
    values = _unpacked([pa.BooleanArray.from_buffers(pa.bool_(), len(c), [None, c.buffers()[1]], offset=c.offset)
                        for c in stored.chunks])
    missing = _unpacked(pc.is_null(stored).chunks) if stored.null_count else np.zeros(len(stored), dtype=bool)
    return pd.Series(pd.arrays.BooleanArray(values, missing), copy=False), []


def _unpacked(chunks: list[pa.BooleanArray]) -> np.ndarray:
    """The bits of boolean arrays (their values, not their validity) as one numpy bool array,
    unpacked by numpy: an eighth of the cost of Arrow's own conversion to numpy."""
    if not sum(len(c) for c in chunks):
        return np.zeros(0, dtype=bool)
    flat = pa.concat_arrays(chunks)
    bits = np.unpackbits(np.frombuffer(flat.buffers()[1], dtype=np.uint8), bitorder="little")
    return bits[flat.offset:flat.offset + len(flat)].view(np.bool_)


def _enum(stored: pa.ChunkedArray, column: Column, cells) -> Typed:
    """`spellings.convert_enum` on the column's distinct spellings (a dictionary's few values), each
    cell's code then taken by its index (Arrow's take: a third of numpy's on int8 indices); any
    unknown spelling, and the column is read as before (to report it)."""
    codes, spellings, _ = enum_spellings(column)
    if not pa.types.is_dictionary(stored.type):
        stored = pc.dictionary_encode(stored)
    chunks = stored.chunks
    if any(chunk.dictionary.null_count for chunk in chunks):
        return convert_enum(cells(), column)
    same = all(chunk.dictionary.equals(chunks[0].dictionary) for chunk in chunks[1:])
    code_type = pa.int8() if len(codes) < 127 else pa.int32()
    parts = [np.zeros(0, dtype=code_type.to_pandas_dtype())]
    for group in [chunks] if same else [[chunk] for chunk in chunks]:   # a loop over dictionaries, not rows
        if not group:
            continue
        keys = [token_key(v) for v in group[0].dictionary.to_pylist()]
        # a missing cell takes the lookup's last entry (-1); Arrow's take is slow on missing indices
        lookup = pa.array([-1 if not k else spellings.get(k, -2) for k in keys] + [-1], type=code_type)
        indices = pa.chunked_array([chunk.indices for chunk in group], type=stored.type.index_type)
        if len(keys) > np.iinfo(stored.type.index_type.to_pandas_dtype()).max:
            indices = indices.cast(pa.int32())
        indices = pc.fill_null(indices, len(keys)).to_numpy()
        parts.append(pc.take(lookup, pa.array(indices)).to_numpy())
    index = np.concatenate(parts)
    if (index == -2).any():
        return convert_enum(cells(), column)
    return pd.Series(pd.Categorical.from_codes(index, categories=codes), copy=False), []


def _dates(stored: pa.ChunkedArray, cells, as_of: dt.date) -> Typed | None:
    """Timestamps at midnight, none before 1900 nor after the as-of date: the typed column is the
    stored one as pandas holds it (what `dates.convert_date` keeps of such dates). Any other: the
    usual way, which says why. The range from Arrow's min and max; midnight by Arrow's safe cast
    to a date, which refuses a time of day (half the cost of numpy's remainder)."""
    extremes = pc.min_max(stored)
    low, high = extremes["min"].value, extremes["max"].value
    if low is not None and (low < EARLIEST_DATE.value or high > pd.Timestamp(as_of).value):
        return None
    try:
        pc.cast(stored, pa.date32())
    except pa.ArrowInvalid:
        return None
    values = cells()
    if values.dtype != np.dtype("datetime64[ns]"):
        return None
    return values.copy(deep=False), []
