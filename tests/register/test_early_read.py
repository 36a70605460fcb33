"""`screen` starts reading a Parquet register's two tables on threads before it has imported pandas
and loaded the rules (register/early.py); the reader takes them when it gets there. What is read and
said is exactly the plain read's: the frames, rejects, cell issues, accounting (on a register with
every kind of bad cell), and a damaged or too long file's error naming the file."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner
from register_helpers import AS_OF
from test_stored_types import _assert_same, _schema, _written

from eligibility.cli import main
from eligibility.errors import DataError
from eligibility.register import limits, read_register, stored
from eligibility.register.early import EarlyRead
from eligibility.synthetic import generate_sample


@pytest.fixture(scope="module")
def sample():
    from eligibility.api import load_rules

    return generate_sample(40, seed=21, as_of=AS_OF, plan=load_rules())


@pytest.fixture
def plain_reads(monkeypatch):
    """The tables the reader reads itself (not taken from an early read), by file name."""
    seen: list[str] = []
    read = stored.read_parquet_table
    monkeypatch.setattr(stored, "read_parquet_table", lambda path, parts, keep: seen.append(path.name)
                        or read(path, parts, keep))
    return seen


def test_the_early_read_gives_the_plain_read(sample, tmp_path, plain_reads):
    folder = _written(tmp_path, *sample, bad=True)
    early = EarlyRead.start(folder)
    assert early is not None
    new = read_register(folder, _schema(), AS_OF, early=early)
    assert plain_reads == []   # both tables taken from the early read
    old = read_register(folder, _schema(), AS_OF)
    assert plain_reads == ["households.parquet", "members.parquet"]
    _assert_same(new, old)
    codes = set(new.rejects["code"]) | set(new.cell_issues["code"])
    assert {"R-DUPLICATE-ID", "R-ORPHAN-MEMBER", "R-ENUM", "R-DATE-FUTURE", "C-ID-GENERATED"} <= codes
    assert early.take(folder / "members.parquet") is None   # taken once


def test_only_the_two_tables_are_read_early(sample, tmp_path):
    folder = _written(tmp_path, *sample)
    shutil.copy(folder / "members.parquet", folder / "other.parquet")
    (folder / "households.csv").write_text("not read early\n")
    early = EarlyRead.start(folder)
    assert early is not None and sorted(p.name for p in early._threads) == ["households.parquet", "members.parquet"]
    early.close()
    assert early.take(folder / "members.parquet") is None   # let go
    csv = tmp_path / "csv"
    shutil.copytree("sample_households/demo", csv)
    assert EarlyRead.start(csv) is None
    assert EarlyRead.start(tmp_path / "no such folder") is None


def _damaged(folder) -> None:
    """members.parquet with its footer whole (the limits pass) and its first page header broken."""
    frame = pd.read_parquet(folder / "members.parquet")
    frame.to_parquet(folder / "members.parquet", index=False, compression=None)
    data = bytearray((folder / "members.parquet").read_bytes())
    data[4:200] = b"\xff" * 196
    (folder / "members.parquet").write_bytes(bytes(data))


def test_a_damaged_file_read_early_is_said_as_before(sample, tmp_path, monkeypatch, plain_reads):
    folder = _written(tmp_path, *sample)
    _damaged(folder)
    with pytest.raises(DataError) as plain:
        read_register(folder, _schema(), AS_OF)
    early = EarlyRead.start(folder)
    with pytest.raises(DataError) as told:
        read_register(folder, _schema(), AS_OF, early=early)
    assert str(told.value) == str(plain.value) and "members.parquet" in str(told.value)
    assert "cannot read the Parquet data" in str(told.value)
    assert plain_reads == ["households.parquet", "members.parquet", "members.parquet"]   # the early read failed
    runs = []
    for i in range(2):   # started early; not
        runs.append(CliRunner().invoke(main, ["screen", str(folder), "--as-of", str(AS_OF), "--out",
                                              str(tmp_path / f"out{i}"), "--lang", "en"]))
        monkeypatch.setattr(EarlyRead, "start", lambda register: None)
    assert runs[0].exit_code == runs[1].exit_code == 1
    assert runs[0].output == runs[1].output
    assert "error: members.parquet: cannot read the Parquet data" in runs[0].output


def test_a_register_too_long_is_not_read_early(sample, tmp_path, monkeypatch, plain_reads):
    folder = _written(tmp_path, *sample)
    monkeypatch.setattr(limits, "MAX_ROWS", 100)   # fewer than the members
    early = EarlyRead.start(folder)
    with pytest.raises(DataError, match="members.parquet"):
        read_register(folder, _schema(), AS_OF, early=early)
    assert early.take(folder / "members.parquet") is None   # refused by the limits: never read
    assert plain_reads == []   # the households taken from the early read


def test_screen_reads_a_parquet_register_early(sample, tmp_path, monkeypatch, plain_reads):
    folder = _written(tmp_path, *sample)
    taken = []
    take = EarlyRead.take
    monkeypatch.setattr(EarlyRead, "take", lambda self, path: taken.append(path.name) or take(self, path))
    result = CliRunner().invoke(main, ["screen", str(folder), "--as-of", str(AS_OF), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert taken == ["households.parquet", "members.parquet"] and plain_reads == []
