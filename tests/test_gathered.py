"""The decisions' IDs and names as strings gathered when read (eligibility/gathered.py): pandas reads
the same values as from the gathered column, and writing the entitlements (Parquet a row group at a
time, CSV a slice at a time, the workbook) gathers none of them whole, for the same files."""
from __future__ import annotations

import datetime as dt
import pickle

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pytest

from eligibility import csvout, parquetout
from eligibility.api import evaluate_frames, load_rules, screen_register
from eligibility.gathered import GatheredStrings
from eligibility.outputs import localise, write_table

SOURCE = pa.chunked_array([pa.array(["H1", "=SUM(A1)", None, 'a "q", b', "+84 12", "x\ny", "Lò Văn Ả"], pa.large_string()),
                           pa.array(["@me", "-", ""], pa.large_string())])
IDENTITY = ["household_id", "person_id", "name"]


def rows(n: int = 57, seed: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).integers(-1, len(SOURCE), n).astype(np.int32)


def gathered(at: np.ndarray) -> pd.Series:
    """The column as the table held it before: the strings themselves."""
    return pd.Series(pd.array(SOURCE.take(pa.array(at, mask=at < 0)), dtype="string[pyarrow]"))


READS = {
    "slice": lambda s: s.iloc[5:40], "filter": lambda s: s[s.index % 3 == 0], "take": lambda s: s.iloc[[4, 4, 0, 56]],
    "reindex": lambda s: s.reindex([0, 99, 7]), "reversed": lambda s: s.iloc[::-1], "copy": lambda s: s.copy(),
    "unique": lambda s: pd.Series(s.unique()), "drop_duplicates": lambda s: s.drop_duplicates(),
    "sorted": lambda s: s.sort_values(), "isna": lambda s: s.isna(), "equals": lambda s: s == "H1",
    "isin": lambda s: s.isin(["@me", "-"]), "str": lambda s: s.str.len(), "object": lambda s: pd.Series(s.to_numpy()),
    "concat": lambda s: pd.concat([s, s.iloc[:3]], ignore_index=True), "pickle": lambda s: pickle.loads(pickle.dumps(s)),
    "groupby": lambda s: pd.Series(np.arange(len(s))).groupby(s).sum(), "astype": lambda s: s.astype(str),
}


@pytest.mark.parametrize("read", READS, ids=list(READS))
def test_pandas_reads_what_the_gathered_column_holds(read):
    at = rows()
    lazy = pd.Series(GatheredStrings.of(SOURCE, at))
    assert lazy.dtype == gathered(at).dtype == pd.StringDtype("pyarrow")
    pd.testing.assert_series_equal(READS[read](lazy), READS[read](gathered(at)))


@pytest.mark.parametrize("pick", [lambda a: a[3:30], lambda a: a[np.arange(57) % 2 == 0], lambda a: a.take([5, 1, 1]),
                                  lambda a: a.take([2, -1], allow_fill=True), lambda a: a.copy(), lambda a: a.view()])
def test_slices_picks_and_copies_stay_row_numbers(pick):
    array = GatheredStrings.of(SOURCE, rows())
    picked = pick(array)
    assert isinstance(picked, GatheredStrings) and not picked.gathered and not array.gathered
    assert len(picked) == len(picked.to_numpy())    # read: gathered now, the same length
    assert picked.gathered


def test_unique_counts_without_gathering():
    array = GatheredStrings.of(SOURCE, rows())
    assert list(array.unique()) == list(gathered(rows()).unique())
    assert not array.gathered


@pytest.fixture(scope="module")
def demo():
    """The demo register screened as the engine gives its table (the lists' audit, which adds and
    replaces rows, is left out: its table is an ordinary one)."""
    register = screen_register("sample_households/demo", dt.date(2025, 11, 15), lang="vi").register
    return evaluate_frames(register_plan(), register.households, register.members, dt.date(2025, 11, 15), lang="vi")


def register_plan():
    return load_rules()


def _materialised(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for name in IDENTITY:
        out[name] = pd.array(out[name].to_numpy(dtype=object), dtype="string[pyarrow]")
        assert not isinstance(out[name].array, GatheredStrings)
    return out


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_the_entitlements_are_written_without_gathering_the_ids(demo, fmt, tmp_path, monkeypatch):
    monkeypatch.setattr(parquetout, "ROW_GROUP", 120)     # several row groups, several CSV slices
    monkeypatch.setattr(csvout, "SLICE", 90)
    decisions = demo.decisions
    assert all(isinstance(decisions[n].array, GatheredStrings) and not decisions[n].array.gathered for n in IDENTITY)
    assert len(decisions) > 300
    old = write_table(localise(_materialised(decisions), "vi", demo.plan), tmp_path / "old", fmt)
    new = write_table(localise(decisions, "vi", demo.plan), tmp_path / "new", fmt)
    assert not any(decisions[n].array.gathered for n in IDENTITY)     # each group's, each slice's strings only
    if fmt == "xlsx":
        cells = [[[c.value for c in row] for row in openpyxl.load_workbook(p).active.iter_rows()] for p in (old, new)]
        assert cells[0] == cells[1]
    else:
        assert new.read_bytes() == old.read_bytes()


def test_the_table_reads_as_the_gathered_one(demo):
    decisions = demo.decisions
    pd.testing.assert_frame_equal(decisions.copy(), _materialised(decisions))
    assert decisions["person_id"].isna().any() and decisions["name"].notna().any()    # household rows, heads' names
