"""Writing a table as CSV on whole columns through pyarrow: the bytes `DataFrame.to_csv` writes
(index off, UTF-8 with BOM, '\\n' line ends, minimal quoting), several times faster.

A 1 M-row list of changes took most of a `diff` in pandas' writer, which turns every cell into a
Python object. Here each column becomes text once — numbers through pyarrow's cast or per distinct
value (floats as numpy prints them, '1.0', '1e+16', as pandas does), categories once per category —
fields that need it are quoted, the columns are joined into lines by pyarrow and written in slices.
A column made of distinct fields (categories, distinct numbers, the IDs' and names' source values,
`gathered`) has its rows' fields taken a slice at a time: no column's fields exist whole.
A column of another kind (dates, mixed objects) or a frame of one column returns None, and the
caller writes it with pandas: never a different file.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .gathered import lazy_rows

SLICE = 50_000         # rows joined and written at a time: one slice's text only (~600 bytes a row of decisions)
BOM = "\ufeff".encode()


def _scalar(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def write_csv_columns(frame: pd.DataFrame, path: Path) -> Path | None:
    """`frame` written to `path` as pandas would write it; None (nothing written) for a frame this
    writer does not cover."""
    if frame.shape[1] < 2:   # csv writes '""' for a lone blank field: left to pandas
        return None
    columns = [_text(frame[name]) for name in frame.columns]
    if any(c is None for c in columns) or not all(isinstance(n, str) for n in frame.columns):
        return None
    header = ",".join(_quote_one(n) for n in frame.columns) + "\n"
    with open(path, "wb") as out:
        out.write(BOM + header.encode("utf-8"))
        for start in range(0, len(frame), SLICE):
            part = [c.slice(start, SLICE) for c in columns]
            part[-1] = pc.binary_join_element_wise(part[-1], _scalar("\n"), _scalar(""))   # the line's end
            lines = pc.binary_join_element_wise(*part, _scalar(","))
            out.write(joined_bytes(lines))
    return path


def joined_bytes(lines: pa.Array) -> memoryview | bytes:
    """The bytes of a string array without nulls, end to end: its data buffer, as it lies."""
    buffers = lines.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64, count=len(lines) + 1, offset=lines.offset * 8)
    return memoryview(buffers[2])[offsets[0]: offsets[-1]] if len(lines) else b""


def arrow_values(column: pd.Series) -> pa.Array:
    """A column's values as one pyarrow array (without a copy where pandas holds them in arrow)."""
    values = pa.array(column.array, from_pandas=True)
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def starts_with_any(values: pa.Array, chars: str) -> np.ndarray:
    """Which texts begin with one of `chars` (ASCII), read from the first byte of each value."""
    values = values.cast(pa.large_string())
    if not len(values):
        return np.zeros(0, dtype=bool)
    buffers = values.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64, count=len(values) + 1, offset=values.offset * 8)
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else np.zeros(0, dtype=np.uint8)
    if not len(data):           # every text blank
        return np.zeros(len(values), dtype=bool)
    first = data[np.minimum(offsets[:-1], len(data) - 1)]
    hit = np.isin(first, np.frombuffer(chars.encode("ascii"), dtype=np.uint8)) & (offsets[1:] > offsets[:-1])
    return hit & values.is_valid().to_numpy(zero_copy_only=False)


def _text(column: pd.Series) -> pa.Array | Gathered | None:
    """One column as CSV fields (quoted where needed, '' for blank), or None if not covered."""
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        categories = _text(pd.Series(dtype.categories))
        if categories is None:
            return None
        return Gathered(categories, column.array.codes)    # the codes as they are (a view), per slice
    if pd.api.types.is_bool_dtype(dtype) and not column.hasnans:
        return pa.array(np.where(column.to_numpy(dtype=bool), "True", "False"), pa.large_string())
    if pd.api.types.is_integer_dtype(dtype):
        return pc.cast(pa.array(column, from_pandas=True), pa.large_string()).fill_null("")
    if pd.api.types.is_float_dtype(dtype) and isinstance(dtype, np.dtype):
        codes, distinct = pd.factorize(column.to_numpy(), use_na_sentinel=True)
        text = pa.array(np.asarray(distinct, dtype=np.float64).astype(str).astype(object), pa.large_string())
        return Gathered(text, codes)
    if pd.api.types.is_string_dtype(dtype):
        lazy = lazy_rows(column.array)
        if lazy is not None:   # IDs and names: quoted once per source value, gathered a slice at a time
            source, rows = lazy
            return Gathered(_quoted_column(source.combine_chunks()), rows)
        try:
            values = arrow_values(column)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return None
        if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
            return None
        return _quoted_column(values.cast(pa.large_string()))
    return None


class Gathered:
    """CSV fields at rows of a column of distinct fields (null at -1: a blank field), made a slice at
    a time: the whole column's fields never exist at once (categories, distinct numbers, IDs: the
    explanations of a 3 M-row table were ~300 MB of text taken whole)."""

    def __init__(self, fields: pa.Array, rows: np.ndarray) -> None:
        self.fields, self.rows = fields, rows

    def slice(self, start: int, length: int) -> pa.Array:
        rows = self.rows[start:start + length]
        return self.fields.take(pa.array(rows, mask=rows < 0)).fill_null("")


PROBE = 4096     # rows whose distinct values tell a column of ids or names from one of labels


def _quoted_column(values: pa.Array) -> pa.Array:
    """Text fields: each distinct value quoted once where a column repeats a few labels or texts. A
    column whose first rows are mostly distinct (ids, names) is quoted value by value without hashing
    it whole first (the same fields either way)."""
    if len(values) > 4 * PROBE and 4 * len(pc.unique(values.slice(0, PROBE))) > PROBE:
        return _quoted(values.fill_null(""))
    coded = values.dictionary_encode()
    if 4 * len(coded.dictionary) <= len(values):
        return _quoted(coded.dictionary).take(coded.indices).fill_null("")
    return _quoted(values.fill_null(""))


def _quoted(values: pa.Array) -> pa.Array:
    needs = pc.or_(pc.or_(pc.match_substring(values, ","), pc.match_substring(values, '"')),
                   pc.match_substring(values, "\n"))
    if not pc.any(needs).as_py():   # what Python's csv module quotes (QUOTE_MINIMAL, '\n' line ends)
        return values
    doubled = pc.replace_substring(values, '"', '""')
    wrapped = pc.binary_join_element_wise(_scalar('"'), doubled, _scalar('"'), _scalar(""))
    return pc.if_else(needs, wrapped, values)


def _quote_one(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy where a float column holding whole numbers only is written as integers (750000.0 → 750000;
    a list's row 2.0 → 2), for the tables people open; missing values stay missing."""
    out = frame.copy(deep=False)   # columns are replaced, never changed in place: the frame given stays as it is
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_float_dtype(column):
            values = column.dropna()
            if len(values) and (values == values.round()).all() and values.abs().max() < 2**53:
                out[name] = column.round().astype("Int64")
    return out
