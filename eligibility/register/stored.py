"""A Parquet table as stored: its Arrow columns, each converted to pandas only when asked.

A Parquet file already types its columns (yes/no, numbers, dates, categories). Converting the whole
table to pandas and then typing every column again cost half of reading a million-person register,
and kept a second copy of every column in memory. Here the reader types a column straight from its
Arrow type where it can (`storedtypes.py`); any other column, and the cells a check reports, are
converted to pandas one column at a time exactly as `pd.read_parquet` converts them (pandas' own
conversion, the file's pandas metadata honoured), so what is read and said stays the same.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import DataError, say
from ..wording.catalogue import N_
from . import limits
from .sources import Location, RawTable


def read_parquet(location: Location, keep: tuple[list[str], str] | None = None, early=None) -> RawTable:
    """The table as stored (its typed columns kept in Arrow until the reader types them), read here,
    or by `early` (early.py: the whole table, the same call) while the command was starting."""
    parts = sorted(location.path.rglob("*.parquet")) if location.path.is_dir() else [location.path]
    limits.check_parquet(parts, location.label)
    try:
        table = early.take(location.path) if early is not None and keep is None else None
        if table is None:
            table = read_parquet_table(location.path, parts, keep)
        return stored_table(location, table)
    except Exception as err:  # pyarrow raises several kinds of errors on a damaged file
        raise DataError(say(N_("cannot read the Parquet data: {reason}"), reason=err), file=location.label) from None


def read_parquet_table(path: Path, parts: list[Path], keep: tuple[list[str], str] | None):
    """The whole table, or (`keep`) only the rows of one household: a filter on the first of the
    key's spellings the file has, pushed down to the row groups (statistics skip the others). Read
    as pd.read_parquet reads it (its pandas metadata, to convert columns as pandas does)."""
    import pyarrow.parquet as pq

    if keep is not None and parts:
        names = set(pq.read_schema(parts[0]).names)
        column = next((h for h in keep[0] if h in names), None)
        if column is not None and str(pq.read_schema(parts[0]).field(column).type) in ("string", "large_string"):
            return pq.read_table(str(path), filters=[(column, "==", keep[1])], use_pandas_metadata=True)
    return pq.read_table(str(path), use_pandas_metadata=True)


def as_pandas(table: pa.Table) -> pd.DataFrame:
    """`table` as `pd.read_parquet` converts it (the same function, where this pandas has it)."""
    try:
        from pandas.io._util import arrow_table_to_pandas
    except ImportError:   # pandas 2: read_parquet called to_pandas itself
        return table.to_pandas()
    return arrow_table_to_pandas(table)


def stored_table(location: Location, table: pa.Table) -> RawTable:
    """The table read lazily, column by column; or converted whole as before when its columns do not
    map one to one onto pandas' (an index stored as a column, two headers equal once trimmed)."""
    names = [str(n).strip() for n in table.column_names]
    if len(set(names)) == len(names) and list(as_pandas(table.slice(0, 0)).columns) == table.column_names:
        return StoredTable(location, table, names)
    return whole_table(location, table)


def whole_table(location: Location, table: pa.Table) -> RawTable:
    """The table converted to pandas at once (the reading before stored columns were typed directly)."""
    frame = as_pandas(table).reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.attrs = _attrs(table)
    return RawTable(location, frame, np.arange(len(frame), dtype=np.int64) + 1)


def _attrs(table: pa.Table) -> dict:
    """The frame's `attrs` pandas stored with it (pd.read_parquet gives them back)."""
    attrs = (table.schema.metadata or {}).get(b"PANDAS_ATTRS")
    return json.loads(attrs) if attrs else {}


class StoredTable(RawTable):
    """A raw table whose cells stay in Arrow; `frame` (every column in pandas) is made only if asked."""

    def __init__(self, location: Location, table: pa.Table, names: list[str]):
        self.arrow = table
        self._names = dict(zip(names, table.column_names))   # trimmed header -> stored name
        self._columns: dict[str, pd.Series] = {}
        self._frame: pd.DataFrame | None = None
        self._attrs = _attrs(table)
        pandas = json.loads((table.schema.metadata or {}).get(b"pandas", b"{}") or b"{}")
        self._pandas_types = {c.get("field_name"): c.get("numpy_type") for c in pandas.get("columns", [])}
        super().__init__(location, pd.DataFrame(), np.arange(table.num_rows, dtype=np.int64) + 1)

    @property   # type: ignore[override]
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            frame = self._converted(self.arrow).reset_index(drop=True)
            frame.columns = list(self._names)
            frame.attrs = dict(self._attrs)
            self._frame = frame
        return self._frame

    @frame.setter
    def frame(self, value: pd.DataFrame) -> None:   # RawTable's constructor sets an empty frame
        self._frame = value if len(value.columns) else None

    @property
    def headers(self) -> list[str]:
        return list(self._names)

    @property
    def size(self) -> int:
        return self.arrow.num_rows

    def column(self, header: str) -> pd.Series:
        """One column as pd.read_parquet gives it (converted once, kept)."""
        if self._frame is not None:
            return self._frame[header]
        if header not in self._columns:
            name = self._names[header]
            series = self._converted(self.arrow.select([name]))[name].reset_index(drop=True).rename(header)
            series.attrs = dict(self._attrs)
            self._columns[header] = series
        return self._columns[header]

    def prefetch(self, headers: list[str]) -> None:
        """Convert these columns together (pandas' conversion costs a few milliseconds a call: a
        small register whose every column is text would take longer column by column)."""
        todo = [h for h in dict.fromkeys(headers) if h not in self._columns]
        if self._frame is not None or len(todo) < 2:
            return
        names = [self._names[h] for h in todo]
        frame = self._converted(self.arrow.select(names)).reset_index(drop=True)
        for header, name in zip(todo, names):
            series = frame[name].rename(header)
            series.attrs = dict(self._attrs)
            self._columns[header] = series

    def _converted(self, table: pa.Table) -> pd.DataFrame:
        try:
            return as_pandas(table)
        except Exception as err:  # as when the file was read whole: pyarrow raises several kinds of errors
            raise DataError(say(N_("cannot read the Parquet data: {reason}"), reason=err),
                            file=self.location.label) from None

    def stored(self, header: str) -> pa.ChunkedArray | None:
        return self.arrow.column(self._names[header])

    def pandas_type(self, header: str) -> str | None:
        """The pandas dtype the file's pandas metadata gives the column ('boolean', 'Int64'), if any."""
        return self._pandas_types.get(self._names[header])
