"""Strings gathered from a source by row number only when read: the decisions table's IDs and names.

A screening's decisions table has a row per (person or household, benefit): at a million persons
three million rows, whose household ID, person ID and name are each one of a million or so values.
Gathered as Arrow strings they held ~160 MB beside the table's codes (and more while gathered),
for values the run reads only to write them. `GatheredStrings` keeps the row numbers (int32) and a
reference to the source column; the strings are gathered the first time anything reads them, and
then kept. To pandas it is the `string[pyarrow]` array the table always had: same dtype, same
values. The writers read it without gathering the whole column: a slice (a Parquet row group, a
CSV slice) stays row numbers until it is read, and a text made per value (quoting, neutralising)
is made once per source value then gathered (`source`, `regathered`).

Only a few pandas operations keep it lazy (length, slicing, shallow copies, `unique`); every other
one gathers the whole column first and then works on the ordinary array, so a reader gets the same
values whatever it does — at worst with the memory the table used to hold.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

_DTYPE = pd.StringDtype("pyarrow")    # what `pd.array(..., dtype="string[pyarrow]")` gives


class GatheredStrings(ArrowStringArray):
    """`source` (large_string) at `rows` (null at -1), gathered on first read."""

    _source: pa.ChunkedArray
    _rows: np.ndarray

    @classmethod
    def of(cls, source: pa.ChunkedArray, rows: np.ndarray) -> GatheredStrings:
        obj = cls.__new__(cls)
        obj._source, obj._rows = source, rows
        obj._dtype = _DTYPE
        obj._cache = {}
        return obj

    @property   # type: ignore[override]
    def _pa_array(self) -> pa.ChunkedArray:   # every pandas operation reads the values here
        held = self.__dict__.get("_pa_array")
        if held is None:
            held = self.__dict__["_pa_array"] = gather(self._source, self._rows)
        return held

    @_pa_array.setter
    def _pa_array(self, values: pa.ChunkedArray) -> None:   # pandas' own constructors set it
        self.__dict__["_pa_array"] = values

    @property
    def gathered(self) -> bool:
        """Whether the whole column's strings exist (something read it)."""
        return "_rows" not in self.__dict__ or self.__dict__.get("_pa_array") is not None

    def __len__(self) -> int:
        return len(self._rows) if not self.gathered else len(self._pa_array)

    def __getitem__(self, item):
        if not self.gathered and (isinstance(item, slice) or (isinstance(item, np.ndarray) and item.dtype == bool)):
            return GatheredStrings.of(self._source, self._rows[item])     # rows kept, rows filtered
        return super().__getitem__(item)

    def take(self, indices, allow_fill: bool = False, fill_value=None):
        """Rows picked (`DataFrame.take`, `drop_duplicates`, sorting): their row numbers, still not
        gathered; a missing value (-1 with `allow_fill`) is a null, as pandas gives it."""
        if self.gathered or (allow_fill and not pd.isna(fill_value)):
            return super().take(indices, allow_fill=allow_fill, fill_value=fill_value)
        indices = np.asarray(indices, dtype=np.intp)
        if allow_fill and len(indices) and indices.min() < -1:
            raise ValueError("invalid value in 'indices': only -1 may mark a missing value")
        rows = self._rows[indices] if len(indices) else self._rows[:0]
        return GatheredStrings.of(self._source, np.where(indices < 0, -1, rows) if allow_fill else rows)

    def view(self, dtype=None):
        return GatheredStrings.of(self._source, self._rows) if dtype is None and not self.gathered \
            else super().view(dtype)

    def copy(self):
        return GatheredStrings.of(self._source, self._rows) if not self.gathered else super().copy()

    def unique(self):
        """The distinct values in order of first appearance, as pandas gives them: the distinct rows
        first (integers), then their strings (two rows may hold one string)."""
        if self.gathered:
            return super().unique()
        return ArrowStringArray(pa.chunked_array([gather(self._source, pd.unique(self._rows)).combine_chunks()
                                                  .unique()]))


def gather(source: pa.ChunkedArray, rows: np.ndarray) -> pa.ChunkedArray:
    """`source` at `rows`, null where the row is -1."""
    taken = source.take(pa.array(rows, mask=rows < 0))
    return taken if isinstance(taken, pa.ChunkedArray) else pa.chunked_array([taken])


def lazy_rows(array) -> tuple[pa.ChunkedArray, np.ndarray] | None:
    """(source, rows) of a column's array that is still row numbers; None for any other array."""
    if isinstance(array, GatheredStrings) and not array.gathered:
        return array._source, array._rows
    return None


def regathered(array: GatheredStrings, source: pa.ChunkedArray | pa.Array) -> GatheredStrings:
    """The same rows over another source (the source's values each made into another text)."""
    source = source if isinstance(source, pa.ChunkedArray) else pa.chunked_array([source])
    return GatheredStrings.of(source.cast(pa.large_string()), array._rows)
