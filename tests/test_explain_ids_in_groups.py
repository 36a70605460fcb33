"""`explain`'s look for its members' IDs elsewhere in a Parquet members table (register/elsewhere.py):
only the row groups whose statistics allow a cell that is one of the IDs once trimmed are decoded, and
they find every row the whole column finds, with the file's row numbers: the ID itself, the ID with
spaces or Unicode whitespace around it, in any group; not an ID that merely begins like it."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from eligibility.register import elsewhere
from eligibility.register.elsewhere import may_hold

IDS = ["P02", "P07"]
CELLS = ["P00", "P01", "P02", "P03",        # group 0: P02 itself
         "P04", "P05", "P06", "P07",        # group 1: P07 itself
         "Q01", "Q02", "Q03", "Q04",        # group 2: neither can be here
         "P020", "P021", "P07 ", "P08",     # group 3: P07 with a space after; P020 is another ID
         "R01", " P02", "R02", "R03",       # group 4: P02 with a space before
         "S01", "S02", "\u00a0P07", "S03",  # group 5: P07 after a no-break space
         "T01", "T02", "T03", "P02\t"]      # group 6: P02 with a tab after


def _whole_column_rows(path: Path, ids: list[str]) -> list[int]:
    """The rows (from 1) the whole column, trimmed, finds: what the look found before groups were skipped."""
    cells = pc.utf8_trim_whitespace(pq.read_table(path, columns=["person_id"]).column(0))
    return (np.flatnonzero(pc.is_in(cells, value_set=pa.array(ids)).to_numpy(zero_copy_only=False)) + 1).tolist()


@pytest.fixture
def members(tmp_path) -> Path:
    path = tmp_path / "members.parquet"
    pq.write_table(pa.table({"person_id": CELLS, "household_id": ["H"] * len(CELLS)}), path, row_group_size=4)
    return path


def test_the_groups_read_find_every_row_the_whole_column_finds(members):
    cells, rows = elsewhere._id_cells(members, "person_id", IDS)
    found = rows[np.flatnonzero(pc.is_in(cells, value_set=pa.array(IDS)).to_numpy(zero_copy_only=False))].tolist()
    assert found == _whole_column_rows(members, IDS) == [3, 8, 15, 18, 23, 28]
    assert len(cells) < len(CELLS)   # group 2 was not decoded


def test_a_group_without_whitespace_or_the_ids_range_is_skipped(members):
    groups = pq.ParquetFile(members).metadata
    held = [may_hold(groups.row_group(i).column(0).statistics, IDS) for i in range(groups.num_row_groups)]
    assert held == [True, True, False, True, True, True, True]


@pytest.mark.parametrize("low, high, expected", [
    ("P03", "P06", False),     # between the two IDs
    ("P02", "P02", True),
    ("P020", "P03", True),     # begins with P02: 'P02 ' and 'P02\t' would sort here too
    ("P00", "P01", False),
    ("A", "P02", True),
    (" A", "B", True),         # a cell begins with a space
    ("A", "\u00a0Z", True),    # a cell begins outside ASCII
    (None, None, True),        # no bounds
])
def test_may_hold(low, high, expected):
    statistics = SimpleNamespace(has_min_max=low is not None, min=low, max=high)
    assert may_hold(statistics, IDS) is expected


def test_ids_that_are_numbers_are_read_whole(tmp_path):
    path = tmp_path / "members.parquet"
    pq.write_table(pa.table({"person_id": list(range(12))}), path, row_group_size=4)
    cells, rows = elsewhere._id_cells(path, "person_id", ["7"])
    assert cells.to_pylist()[7] == "7" and rows.tolist() == list(range(1, 13))
