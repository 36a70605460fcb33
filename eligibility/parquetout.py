"""Writing a table as Parquet a row group at a time: the file `pq.write_table` writes, byte for byte,
without holding the whole table as Arrow (nor its worded columns) beside the pandas one.

A screening's entitlements are a million rows and more. Each row group's Arrow table is made from
its slice of the frame (and `finish`ed: the yes/no columns put into words) just before it is
written; where the output folder offers a writer thread (`outfolder.Staging.beside`), the groups
are written there while the next one is made, and the run goes on to the other tables meanwhile.
Only the main thread reads the pandas frame; the writer thread gets Arrow tables through a queue.
"""
from __future__ import annotations

import queue
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa

# pyarrow's own maximum row group length: the files keep the layout `pq.write_table` gave them
ROW_GROUP = 1 << 20
_END = None      # what the queue carries after the last row group


def dictionary_columns(frame: pd.DataFrame) -> list[str]:
    """Columns worth a Parquet dictionary: the categoricals with few categories. IDs and names, one
    per person, compress better plain, and write four times faster."""
    return [name for name in frame.columns if isinstance(frame[name].dtype, pd.CategoricalDtype)
            and len(frame[name].cat.categories) <= max(4096, len(frame) // 16)]


def write_parquet(frame: pd.DataFrame, path: Path, beside: Callable[[Callable[[], object]], None] | None = None,
                  finish: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> Path:
    """`frame` (after `finish`, applied a row group at a time) as the Parquet file `path`. `beside`:
    run the writing there (`Staging.beside`); its errors are raised where that folder finishes."""
    import pyarrow.parquet as pq   # a CSV or workbook run needs no Parquet writer (nor pyarrow.fs, ssl)

    coded = dictionary_columns(frame)
    # min/max statistics serve readers filtering ids, names and amounts; on a dictionary-coded
    # label (status, benefit, rule...) they cost 20 ms per column of 3 M rows and filter nothing
    options = {"use_dictionary": coded, "write_statistics": [name for name in frame.columns if name not in coded]}

    def group(start: int) -> pa.Table:
        part = frame.iloc[start:start + ROW_GROUP]
        return pa.Table.from_pandas(finish(part.copy(deep=False)) if finish else part, preserve_index=False)

    first = group(0)
    if len(frame) <= ROW_GROUP:      # one row group: written whole
        write = lambda: pq.write_table(first, path, row_group_size=ROW_GROUP, **options)   # noqa: E731
        write() if beside is None else beside(write)
        return path
    groups: queue.Queue = queue.Queue(maxsize=1)      # one group made ahead of the one being written

    def write_groups() -> None:
        _write_from(groups, lambda: pq.ParquetWriter(path, first.schema, **options))

    if beside is None:
        with pq.ParquetWriter(path, first.schema, **options) as writer:
            for start in range(0, len(frame), ROW_GROUP):
                writer.write_table(_same_schema(first if start == 0 else group(start), first.schema), ROW_GROUP)
        return path
    beside(write_groups)
    try:
        for start in range(0, len(frame), ROW_GROUP):
            groups.put(_same_schema(first if start == 0 else group(start), first.schema))
    finally:
        groups.put(_END)     # the writer stops (and closes the file) even when making a group failed
    return path


def _write_from(groups: queue.Queue, open_writer: Callable) -> None:
    """Write the queued row groups until the end mark. A failure (opening, writing) is raised after
    the end mark is taken, never before: the thread filling the queue must not wait for a reader
    that is gone."""
    failed: BaseException | None = None
    writer = None
    try:
        while (table := groups.get()) is not _END:
            if failed is None:
                try:
                    writer = writer or open_writer()
                    writer.write_table(table, ROW_GROUP)
                except BaseException as error:   # raised below, once the queue is drained
                    failed = error
    finally:
        if writer is not None:
            writer.close()
    if failed is not None:
        raise failed


def _same_schema(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Every row group under the first one's schema (pandas' metadata included): a slice of the same
    frame gives it; a column whose type a slice would infer otherwise is cast, never written apart."""
    if table.schema.equals(schema, check_metadata=True):
        return table
    return table.cast(schema)
