"""Screening in partitions of whole households gives the decisions of one unpartitioned run, row for
row, with the same rejects (original file and row) — here, and on a two-worker Dask cluster."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eligibility.api import load_rules
from eligibility.cli import main
from eligibility.partitions import cut_parquet, parquet_tables

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

KEYS = ["household_id", "person_id", "benefit", "rule"]
# three parts of the 160 households: boundaries inside communes and inside the members' row groups (300
# rows); each part costs about half a CPU-second whatever its size, so more parts would prove no more
CHUNKS = "chunk:60"


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    """A generated Parquet register with an orphan member and a bad date planted (rejects to compare)."""
    folder = tmp_path_factory.mktemp("reg") / "register"
    assert CliRunner().invoke(main, ["sample", "--households", "160", "--seed", "11", "--out", str(folder)]).exit_code == 0
    members = pd.read_parquet(folder / "members.parquet")
    members.loc[5, "household_id"] = "NO-SUCH-HOUSEHOLD"
    members["disability_level"] = members["disability_level"].astype(str)
    members.loc[500, "disability_level"] = "very bad"       # not a declared value
    members.to_parquet(folder / "members.parquet", index=False, row_group_size=300)
    # four communes, not the sample's 38: by-commune runs start one part per commune, and 38 parts of a
    # register cost minutes while proving no more than four do
    households = pd.read_parquet(folder / "households.parquet")
    four = np.array(sorted(households["commune"].astype(str).unique())[:4], dtype=object)
    households["commune"] = four[np.arange(len(households)) % 4]
    households.to_parquet(folder / "households.parquet", index=False)
    return folder


def _screen(register: Path, out: Path, *extra: str) -> pd.DataFrame:
    result = CliRunner().invoke(main, ["screen", str(register), "--as-of", "2025-11-15", "--out", str(out),
                                       "--format", "parquet", "--lang", "en", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _decisions(path: Path) -> pd.DataFrame:
    frame = pd.read_parquet(path).astype(str)
    return frame.sort_values(KEYS, kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def whole(register, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "out"
    _screen(register, out)
    return out


@pytest.mark.slow
def test_chunks_of_households_give_the_decisions_and_rejects_of_one_run(register, whole, tmp_path):
    output = _screen(register, tmp_path / "parts", "--partition-by", CHUNKS)
    assert "(3 parts)" in output
    a, b = _decisions(whole / "entitlements.parquet"), _decisions(tmp_path / "parts" / "entitlements")
    assert len(a) > 1000 and a.equals(b[a.columns])
    rejects = [pd.read_parquet(p / "rejects.parquet").astype(str).sort_values(["table", "row", "column"])
               .reset_index(drop=True) for p in (whole, tmp_path / "parts")]
    assert len(rejects[0]) == 1 and rejects[0].equals(rejects[1])   # the orphan: same file name and row number
    # the undeclared value is a cell made unknown, listed with its original row by both runs
    cells = [pd.read_parquet(p / "cell_issues.parquet").astype(str).sort_values(["file", "row", "column"])
             .reset_index(drop=True) for p in (whole, tmp_path / "parts")]
    assert "very bad" in set(cells[0]["value"]) and cells[0].equals(cells[1])


@pytest.mark.slow
def test_communes_as_parts(register, whole, tmp_path):
    _screen(register, tmp_path / "c", "--partition-by", "commune")
    files = sorted(p.name for p in (tmp_path / "c" / "entitlements").iterdir())
    assert len(files) == 4 and all(f.startswith("commune=") for f in files)
    a, b = _decisions(whole / "entitlements.parquet"), _decisions(tmp_path / "c" / "entitlements")
    assert a.equals(b[a.columns])


def test_a_part_boundary_never_splits_a_household(register, tmp_path):
    plan = load_rules()
    parts = cut_parquet(parquet_tables(register, plan.inputs), plan.inputs, ("chunk", 7), tmp_path)
    where = {}
    for part in parts:
        for hid in pq.read_table(part.path / "households.parquet", columns=["household_id"]).column(0).to_pylist():
            where[hid] = part.name
    for part in parts:
        members = pq.read_table(part.path / "members.parquet", columns=["household_id"]).column(0).to_pylist()
        assert all(where.get(h, parts[0].name) == part.name for h in members)
    assert len(parts) == -(-160 // 7)


@pytest.mark.slow
def test_a_partitioned_dataset_from_sample_is_screened_part_by_part(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["sample", "--households", "90", "--seed", "5", "--out", str(tmp_path / "ds"),
                                "--partitioned", "--part-size", "30"]).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "ds").iterdir() if p.is_dir()) == \
        ["part-00001", "part-00002", "part-00003"]
    output = _screen(tmp_path / "ds", tmp_path / "out")
    assert "households: read 90 = accepted 90" in output
    decisions = pd.read_parquet(tmp_path / "out" / "entitlements")
    assert decisions["household_id"].str.slice(0, 6).nunique() == 3       # ids unique across parts
    assert runner.invoke(main, ["verify", str(tmp_path / "out")]).exit_code == 0


def test_partitioning_needs_parquet(tmp_path):
    demo = Path(__file__).resolve().parents[1] / "sample_households" / "demo"
    result = CliRunner().invoke(main, ["screen", str(demo), "--out", str(tmp_path / "o"), "--partition-by", "chunk:5"])
    assert result.exit_code == 1 and "needs a Parquet register" in result.output


def _report(command: str, register: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = CliRunner().invoke(main, [command, str(register), "--as-of", "2025-11-15", "--out", str(out),
                                       "--lang", "vi", *extra])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


@pytest.fixture(scope="module")
def whole_gaps(register, tmp_path_factory) -> dict[str, bytes]:
    """The gap report of one unpartitioned run (named), for the parts here and on Dask to equal."""
    return _report("gaps", register, tmp_path_factory.mktemp("gaps") / "whole")


@pytest.mark.slow
@pytest.mark.parametrize("redact", [(), ("--redact",)], ids=["named", "redacted"])
def test_a_gap_report_in_parts_is_the_gap_report_of_one_run(register, whole_gaps, tmp_path, redact):
    """Counts, money and every list, to the byte: the parts are reduced where they are screened and added."""
    whole = _report("gaps", register, tmp_path / "whole", *redact) if redact else whole_gaps
    parts = _report("gaps", register, tmp_path / "parts", "--partition-by", CHUNKS, *redact)
    assert len(whole) == 8 and whole == parts
    assert b"," in whole["gap_list.csv"]          # the lists are not empty: there is something to compare


def test_targets_in_parts_are_the_targets_of_one_run(register, tmp_path):
    whole = _report("targets", register, tmp_path / "whole")
    parts = _report("targets", register, tmp_path / "parts", "--partition-by", "commune")
    assert whole == parts and len(whole["targets.csv"].splitlines()) > 3
    manifest = (tmp_path / "parts" / "manifest.json").read_text(encoding="utf-8")
    assert '"partitions"' in manifest


@pytest.fixture(scope="module")
def two_workers():
    """One LocalCluster of two worker processes, as `--engine dask --workers 2` starts it, for the module's
    Dask tests (starting one costs several CPU-seconds of imports in its workers)."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster


@pytest.mark.slow
def test_dask_on_two_local_workers_decides_as_one_process(register, whole, two_workers, tmp_path, monkeypatch):
    """The default path (no --scheduler): the tool asks for a LocalCluster of two workers and is given
    the module's one, which it must not close."""
    import dask.distributed

    asked = []

    class Shared:
        def __init__(self, **options):
            asked.append(options)

        def __getattr__(self, name):
            return getattr(two_workers, name)

        def close(self):
            pass

    monkeypatch.setattr(dask.distributed, "LocalCluster", Shared)
    _screen(register, tmp_path / "dask", "--engine", "dask", "--workers", "2", "--partition-by", CHUNKS)
    assert len(asked) == 1 and asked[0]["n_workers"] == 2 and asked[0]["processes"] is True
    a, b = _decisions(whole / "entitlements.parquet"), _decisions(tmp_path / "dask" / "entitlements")
    assert a.equals(b[a.columns])


@pytest.mark.slow
def test_dask_gap_report_is_the_one_process_report(register, whole_gaps, two_workers, tmp_path):
    """On a running cluster given by address (`--scheduler`): the parts' reports added are the one run's."""
    dask = _report("gaps", register, tmp_path / "dask", "--partition-by", CHUNKS, "--engine", "dask",
                   "--scheduler", two_workers.scheduler_address)
    assert dask == whole_gaps


def _diff(register: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["diff", str(register), "--as-of", "2025-06-30", "--as-of-new", "2025-07-01",
                                       "--out", str(out), "--lang", "vi", *extra])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


@pytest.mark.slow
@pytest.mark.parametrize("redact", [(), ("--redact",)], ids=["named", "redacted"])
def test_a_diff_in_parts_is_the_diff_of_one_run(register, tmp_path, redact):
    """Who gains and loses on 1 July 2025 (the social pension starts), per benefit, commune, village and
    rule, and the list of changes: the parts' diffs added up are the one run's, to the byte."""
    whole = _diff(register, tmp_path / "whole", *redact)
    parts = _diff(register, tmp_path / "parts", "--partition-by", CHUNKS, *redact)
    assert len(whole) == 5 and whole == parts
    assert len(whole["diff_changes.csv"].splitlines()) > 10     # people do gain on that day
    manifest = (tmp_path / "parts" / "manifest.json").read_text(encoding="utf-8")
    assert '"partitions"' in manifest


def test_two_registers_are_compared_whole(register, tmp_path):
    result = CliRunner().invoke(main, ["diff", str(register), "--register-new", str(register), "--out",
                                       str(tmp_path / "d"), "--partition-by", "chunk:60"])
    assert result.exit_code == 2 and "two registers are compared whole" in result.output


def test_a_register_read_in_parts_says_its_programme_lists_are_not_audited(register, tmp_path):
    """Nothing silent: the lists beside a register cut into parts are named on the terminal and in the
    manifest as not audited."""
    import shutil

    folder = tmp_path / "with_list"
    shutil.copytree(register, folder)
    (folder / "programme_lists.csv").write_text("programme,person_id,since,amount_paid\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["screen", str(folder), "--as-of", "2025-11-15", "--out", str(tmp_path / "o"),
                                       "--format", "parquet", "--lang", "en", "--partition-by", "chunk:120"])
    assert result.exit_code == 0, result.output
    assert "not audited against its programme lists (programme_lists.csv)" in result.output
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["audit"] == {"read": False, "reason": manifest["audit"]["reason"],
                                 "unread_files": ["programme_lists.csv"]}


def test_reading_options_for_one_register_are_refused_for_parts_not_ignored(register, tmp_path):
    result = CliRunner().invoke(main, ["screen", str(register), "--out", str(tmp_path / "o"), "--format", "parquet",
                                       "--partition-by", "chunk:120", "--blank-means-no", "hiv"])
    assert result.exit_code == 2 and "--blank-means-no" in result.output and "Traceback" not in result.output
