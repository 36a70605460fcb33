"""Writing a table as Parquet a row group at a time: the file `pq.write_table` writes, byte for byte,
without holding the whole table as Arrow (nor its worded columns) beside the pandas one.

A screening's entitlements are a million rows and more. Each row group's Arrow table is made from
its slice of the frame (and `finish`ed: the yes/no columns put into words) just before it is
written; where the output folder offers a writer thread (`outfolder.Staging.beside`), the groups
are written there while the next one is made, and the run goes on to the other tables meanwhile.
Only the main thread reads the pandas frame; the writer thread gets Arrow tables through a queue.
A column of strings gathered when read (`gathered`: the decisions' IDs and names) is gathered a row
group at a time here, never whole.
"""
from __future__ import annotations

import queue
import threading
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


def measured_columns(frame: pd.DataFrame) -> list[str]:
    """Columns given min/max statistics: the numbers (amounts, rates), which a reader filtering them
    can skip row groups by. None on texts: the rows run benefit by benefit, so every row group's IDs
    and names span the whole register (LC000001-LC230000 in both groups of the 1 M run) and filter
    nothing, and their min/max were a tenth of the writing; none on the labels (status, benefit,
    rule...): 20 ms per column of 3 M rows, filtering nothing."""
    return [name for name in frame.columns if pd.api.types.is_numeric_dtype(frame[name].dtype)
            and not pd.api.types.is_bool_dtype(frame[name].dtype)]


def write_parquet(frame: pd.DataFrame, path: Path, beside: Callable[[Callable[[], object]], None] | None = None,
                  finish: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> Path:
    """`frame` (after `finish`, applied a row group at a time) as the Parquet file `path`. `beside`:
    run the writing there (`Staging.beside`); its errors are raised where that folder finishes."""
    import pyarrow.parquet as pq   # a CSV or workbook run needs no Parquet writer (nor pyarrow.fs, ssl)

    coded = dictionary_columns(frame)
    options = {"use_dictionary": coded, "write_statistics": measured_columns(frame)}

    def group(start: int) -> pa.Table:
        part = frame.iloc[start:start + ROW_GROUP]
        return pa.Table.from_pandas(finish(part.copy(deep=False)) if finish else part, preserve_index=False)

    if len(frame) <= ROW_GROUP:      # one row group: written whole
        whole = group(0)
        write = lambda: pq.write_table(whole, path, row_group_size=ROW_GROUP, **options)   # noqa: E731
        write() if beside is None else beside(write)
        return path
    made = _under_first_schema(group)
    starts = range(0, len(frame), ROW_GROUP)
    open_writer = lambda schema: pq.ParquetWriter(path, schema, **options)   # noqa: E731
    if beside is None:
        writer = None
        try:
            for start in starts:
                table = made(start)
                writer = writer or open_writer(table.schema)
                writer.write_table(table, ROW_GROUP)
                del table            # freed before the next group is made
        finally:
            if writer is not None:
                writer.close()
        return path
    # Each group is ~100 MB at a million rows: at most two exist at a time, the one being written and
    # the one made ahead of it (a third made while both wait raised the peak by a group).
    room = threading.Semaphore(2)
    groups: queue.Queue = queue.Queue()
    beside(lambda: _write_from(groups, room, open_writer))
    try:
        for start in starts:
            room.acquire()
            groups.put(made(start))
    finally:
        groups.put(_END)     # the writer stops (and closes the file) even when making a group failed
    return path


def _under_first_schema(group: Callable[[int], pa.Table]) -> Callable[[int], pa.Table]:
    """`group`, every table after the first under the first one's schema (`_same_schema`); only the
    schema is kept, not the first table."""
    first: list[pa.Schema] = []

    def made(start: int) -> pa.Table:
        table = group(start)
        if not first:
            first.append(table.schema)
        return _same_schema(table, first[0])
    return made


def _write_from(groups: queue.Queue, room: threading.Semaphore, open_writer: Callable) -> None:
    """Write the queued row groups until the end mark, each released (and its room given back) once
    written. A failure (opening, writing) is raised after the end mark is taken, never before: the
    thread filling the queue must not wait for a reader that is gone."""
    failed: BaseException | None = None
    writer = None
    try:
        while (table := groups.get()) is not _END:
            if failed is None:
                try:
                    writer = writer or open_writer(table.schema)
                    writer.write_table(table, ROW_GROUP)
                except BaseException as error:   # raised below, once the queue is drained
                    failed = error
            table = None     # not held while waiting for the next group
            room.release()
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
