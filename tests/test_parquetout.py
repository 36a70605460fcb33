"""Parquet written a row group at a time (parquetout): the file pq.write_table writes, byte for byte,
and a failure on either side of the queue stops the run instead of leaving it waiting."""
from __future__ import annotations

import time
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eligibility import parquetout
from eligibility.outfolder import output_folder
from eligibility.outputs import yes_words
from eligibility.parquetout import dictionary_columns, measured_columns, write_parquet

ROWS, GROUP = 2_500, 1_000     # three row groups, the last one short


@pytest.fixture(autouse=True)
def small_row_groups(monkeypatch):
    monkeypatch.setattr(parquetout, "ROW_GROUP", GROUP)


def table() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    return pd.DataFrame({
        "household_id": pd.array([f"H{i:05d}" for i in range(ROWS)], dtype="str"),
        "status": pd.Categorical.from_codes(rng.integers(-1, 3, ROWS), ["eligible", "not_eligible", "undetermined"]),
        "amount": np.where(rng.random(ROWS) < 0.3, np.nan, rng.random(ROWS) * 1e6),
        "amount_is_minimum": rng.random(ROWS) < 0.1,
    })


def whole_file(frame: pd.DataFrame, path) -> bytes:
    coded = dictionary_columns(frame)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=GROUP,
                   use_dictionary=coded, write_statistics=measured_columns(frame))
    return path.read_bytes()


@pytest.mark.parametrize("threaded", [False, True], ids=["inline", "writer-thread"])
def test_the_file_is_the_one_written_whole(tmp_path, threaded):
    frame = table()
    expected = whole_file(yes_words(frame.copy(), "vi"), tmp_path / "whole.parquet")
    with output_folder(tmp_path / "out") as folder:
        write_parquet(frame, folder.path / "t.parquet", folder.beside if threaded else None,
                      partial(yes_words, lang="vi"))   # the words made a row group at a time
    assert (tmp_path / "out" / "t.parquet").read_bytes() == expected
    assert pq.ParquetFile(tmp_path / "out" / "t.parquet").metadata.num_row_groups == 3
    assert frame["amount_is_minimum"].dtype == bool     # the words went into each group's copy, not the table


def test_statistics_on_the_numbers_only(tmp_path):
    """min/max where a reader filtering can skip a row group (amounts); not on IDs, names or words,
    whose every row group spans the register, nor on the coded labels."""
    frame = table()
    with output_folder(tmp_path / "out") as folder:
        write_parquet(frame, folder.path / "t.parquet", folder.beside, partial(yes_words, lang="vi"))
    groups = pq.ParquetFile(tmp_path / "out" / "t.parquet").metadata
    for group in range(groups.num_row_groups):
        stats = {groups.schema.column(i).name: groups.row_group(group).column(i).is_stats_set
                 for i in range(groups.num_columns)}
        assert stats == {"household_id": False, "status": False, "amount": True, "amount_is_minimum": False}
    assert groups.row_group(0).column(2).statistics.max == frame["amount"].iloc[:GROUP].max()


def test_a_failed_write_stops_the_run_with_its_error(tmp_path, monkeypatch):
    class Full(pq.ParquetWriter):
        def write_table(self, table, row_group_size=None):
            raise OSError(28, "No space left on device")
    monkeypatch.setattr(pq, "ParquetWriter", Full)
    with pytest.raises(OSError, match="No space left"), output_folder(tmp_path / "out") as folder:
        write_parquet(table(), folder.path / "t.parquet", folder.beside)   # three groups: the queue must not block
    assert not (tmp_path / "out").exists()


def test_a_row_group_that_cannot_be_made_stops_the_writer_too(tmp_path):
    made = []

    def third_fails(part: pd.DataFrame) -> pd.DataFrame:
        made.append(len(part))
        if len(made) == 3:
            raise ValueError("cannot word this group")
        return part
    with pytest.raises(ValueError, match="cannot word"), output_folder(tmp_path / "out") as folder:
        write_parquet(table(), folder.path / "t.parquet", folder.beside, third_fails)
    assert made == [GROUP, GROUP, ROWS - 2 * GROUP] and not (tmp_path / "out").exists()


def test_at_most_two_row_groups_exist_at_once(tmp_path, monkeypatch):
    """The writer thread writes one group while the next is made; the one after waits for the first
    to be written (and released): a group is ~100 MB at a million rows."""
    events: list[tuple[str, int]] = []

    class Slow(pq.ParquetWriter):
        def write_table(self, table, row_group_size=None):
            time.sleep(0.05)       # the main thread would run ahead if nothing held it
            super().write_table(table, row_group_size)
            events.append(("written", len([e for e in events if e[0] == "written"])))

    def made(part: pd.DataFrame) -> pd.DataFrame:
        events.append(("made", len([e for e in events if e[0] == "made"])))
        return part
    monkeypatch.setattr(pq, "ParquetWriter", Slow)
    monkeypatch.setattr(parquetout, "ROW_GROUP", 500)       # five groups
    with output_folder(tmp_path / "out") as folder:
        write_parquet(table(), folder.path / "t.parquet", folder.beside, made)
    for group in range(2, 5):
        assert events.index(("written", group - 2)) < events.index(("made", group)), events
    assert pq.ParquetFile(tmp_path / "out" / "t.parquet").metadata.num_row_groups == 5
