"""Output folders are whole or absent: interrupted runs, concurrent runs, earlier runs, foreign folders."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from eligibility import outfolder, outputs
from eligibility.cli import main
from eligibility.outfolder import output_folder, verify_folder

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_households" / "demo"
EARLIER, LATER = "2025-11-15", "2025-06-01"


def cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def errors_of(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def as_of_of(folder: Path) -> str:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["as_of"]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.") and p.is_dir())


@pytest.fixture(scope="module")
def earlier(tmp_path_factory) -> Path:
    """A complete earlier run (as of 15/11/2025) to copy into each test's --out."""
    out = tmp_path_factory.mktemp("earlier") / "out"
    code, output = cli("screen", DEMO, "--as-of", EARLIER, "--out", out, "--lang", "en")
    assert code == 0, output
    return out


class Interrupter:
    """Sends `signum` to this process at the `at`-th moment of writing (1-based): before and in the
    middle of each table, at each hash, at the manifest, at the swap and while the old set is removed."""

    def __init__(self, monkeypatch, signum: int, at: int):
        self.signum, self.at, self.count = signum, at, 0
        for module, name in ((outputs, "write_table"), (outputs, "file_sha256"), (outfolder, "file_sha256"),
                             (outfolder, "write_manifest"), (outfolder, "_swap_into_place")):
            monkeypatch.setattr(module, name, self.before(getattr(module, name)))
        monkeypatch.setattr(outfolder.os, "fsync", self.before(os.fsync))
        monkeypatch.setattr(outfolder.shutil, "rmtree", self.before(shutil.rmtree))
        to_csv = pd.DataFrame.to_csv

        def half_then_rest(frame, path=None, *args, **kwargs):  # a signal in the middle of a file
            if path is not None:
                Path(path).write_text(frame.head(len(frame) // 2).to_csv(index=False), encoding="utf-8")
                self.tick()
            return to_csv(frame, path, *args, **kwargs)
        monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_rest)

    def tick(self) -> None:
        self.count += 1
        if self.count == self.at:
            signal.raise_signal(self.signum)

    def before(self, function):
        def wrapped(*args, **kwargs):
            self.tick()
            return function(*args, **kwargs)
        return wrapped


@pytest.fixture(scope="module")
def moments(earlier, tmp_path_factory) -> int:
    """How many moments an uninterrupted run passes through (tables, hashes, manifest, swap, clean-up)."""
    out = tmp_path_factory.mktemp("uninterrupted") / "out"
    shutil.copytree(earlier, out)
    with pytest.MonkeyPatch.context() as monkeypatch:
        counter = Interrupter(monkeypatch, signal.SIGTERM, at=0)
        code, output = cli("screen", DEMO, "--as-of", LATER, "--out", out, "--lang", "en")
    assert code == 0, output
    assert as_of_of(out) == LATER and verify_folder(out) == []
    return counter.count


def test_an_uninterrupted_run_passes_through_more_than_ten_moments(moments):
    assert moments > 10


# ten moments: the first six (tables, halfway through each, their hashes), one in the middle, and the
# last three (the manifest's flush, the swap into place, the removal of the earlier set)
POINTS = [1, 2, 3, 4, 5, 6, "middle", -3, -2, -1]


@pytest.mark.parametrize("signum, exit_code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"])
@pytest.mark.parametrize("point", POINTS)
def test_a_signal_while_writing_leaves_a_whole_folder(earlier, moments, tmp_path, monkeypatch, signum, exit_code,
                                                      point):
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    at = moments // 2 + 1 if point == "middle" else point if point > 0 else moments + 1 + point
    # ^C reaches the tool as in an officer's terminal: pytest-xdist workers ignore SIGINT (their
    # controller handles it), so Python's own handler is put back for the run
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        Interrupter(monkeypatch, signum, at)
        code, output = cli("screen", DEMO, "--as-of", LATER, "--out", out, "--lang", "en")
    finally:
        signal.signal(signal.SIGINT, previous)
    monkeypatch.undo()
    assert code == exit_code, output
    assert len(errors_of(output)) == 1 and "Traceback" not in output
    assert verify_folder(out) == []  # every file listed with its hash, nothing partial, nothing extra
    assert as_of_of(out) in (EARLIER, LATER)  # the earlier set, or (signal after the swap) the new one
    assert leftovers(out) == []  # the staging folder was removed on the way out


def test_a_run_killed_outright_leaves_only_a_hidden_staging_folder_removed_by_the_next_run(earlier, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    stale = tmp_path / ".out.partial-dead"
    stale.mkdir()
    (stale / "entitlements.csv").write_text("half a fi", encoding="utf-8")
    assert verify_folder(out) == []
    code, output = cli("screen", DEMO, "--as-of", LATER, "--out", out)
    assert code == 0, output
    assert leftovers(out) == [] and verify_folder(out) == []


def test_a_second_run_into_a_folder_being_written_exits_1_with_one_line(tmp_path, monkeypatch):
    out = tmp_path / "out"
    from eligibility import api
    screen_register = api.screen_register
    second = {}

    def screen_and_meanwhile_start_another(*args, **kwargs):
        second["code"], second["output"] = cli("screen", DEMO, "--as-of", LATER, "--out", out)
        return screen_register(*args, **kwargs)
    monkeypatch.setattr(api, "screen_register", screen_and_meanwhile_start_another)
    code, output = cli("screen", DEMO, "--as-of", EARLIER, "--out", out)
    assert code == 0, output
    assert second["code"] == 1
    assert errors_of(second["output"]) == [(f"error: another run is writing '{out}' right now; "
                                            "wait for it to finish or give another --out")]
    assert second["output"].count("\n") == 1
    assert as_of_of(out) == EARLIER and verify_folder(out) == []


@pytest.mark.slow
def test_the_lock_holds_across_processes(tmp_path):
    out = tmp_path / "out"
    with output_folder(out) as folder:
        (folder.path / "note.txt").write_text("held", encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "eligibility", "screen", str(DEMO), "--as-of", EARLIER,
                              "--out", str(out)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path, check=False)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [(f"error: another run is writing '{out}' right now; "
                                                "wait for it to finish or give another --out")]
    assert verify_folder(out) == [] and (out / "note.txt").is_file()


def test_files_of_an_earlier_run_in_another_format_are_gone(earlier, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    code, output = cli("screen", DEMO, "--as-of", EARLIER, "--out", out, "--format", "xlsx")
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == ["audit_findings.xlsx", "cell_issues.xlsx", "columns.xlsx",
                                                     "entitlements.xlsx", "list_matching.xlsx", "manifest.json",
                                                     "needs_data.html", "needs_data.xlsx", "rejects.xlsx"]
    listed = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert sorted(listed) == ["audit_findings.xlsx", "cell_issues.xlsx", "columns.xlsx", "entitlements.xlsx",
                              "list_matching.xlsx", "needs_data.html", "needs_data.xlsx", "rejects.xlsx"]


def first_households_of_the_demo(folder: Path, count: int) -> Path:
    """The demo's first `count` households and their members, rows as written (no programme lists)."""
    import csv

    folder.mkdir()
    kept: set[str] = set()
    for table, key in (("households", 0), ("members", 1)):
        with open(DEMO / f"{table}.csv", encoding="utf-8", newline="") as source:
            rows = list(csv.reader(source))
        if table == "households":
            rows = rows[:count + 1]
            kept = {row[0] for row in rows[1:]}
        else:
            rows = [rows[0]] + [row for row in rows[1:] if row[key] in kept]
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as target:
            csv.writer(target).writerows(rows)
    return folder


@pytest.mark.slow
def test_a_redacted_gap_report_never_sits_beside_an_unredacted_one(tmp_path):
    """On ten households of the demo: the folder is what is tested, not the report (the whole demo's
    report costs seconds of writing its workbook and page)."""
    register = first_households_of_the_demo(tmp_path / "register", 10)
    out = tmp_path / "gaps"
    assert cli("gaps", register, "--as-of", EARLIER, "--out", out, "--lang", "en")[0] == 0
    named = (out / "gap_list.csv").read_text(encoding="utf-8-sig")
    assert len(named.splitlines()) > 2          # names to redact
    assert cli("gaps", register, "--as-of", EARLIER, "--out", out, "--lang", "en", "--redact")[0] == 0
    assert (out / "gap_list.csv").read_text(encoding="utf-8-sig") != named
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["report"]["redacted"] is True
    assert verify_folder(out) == []


def test_a_folder_not_written_by_eligibility_is_refused_unless_forced(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "letter.docx").write_bytes(b"keep me")
    code, output = cli("screen", DEMO, "--as-of", EARLIER, "--out", out)
    assert code == 1
    assert errors_of(output) == [(f"error: '{out}' is not empty and was not written by eligibility (no manifest.json); "
                                  "give an empty or new folder, or add --force to replace everything in it")]
    assert (out / "letter.docx").read_bytes() == b"keep me"
    code, output = cli("screen", DEMO, "--as-of", EARLIER, "--out", out, "--force")
    assert code == 0, output
    assert not (out / "letter.docx").exists() and verify_folder(out) == []


def test_a_file_added_to_an_earlier_run_is_not_deleted_silently(earlier, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    (out / "notes.txt").write_text("officer's notes", encoding="utf-8")
    code, output = cli("screen", DEMO, "--as-of", LATER, "--out", out)
    assert code == 1 and "notes.txt" in errors_of(output)[0] and "--force" in errors_of(output)[0]
    assert (out / "notes.txt").is_file() and as_of_of(out) == EARLIER


def test_the_register_itself_is_never_the_output_folder(tmp_path):
    register = tmp_path / "register"
    shutil.copytree(DEMO, register)
    for out in (register, tmp_path):
        code, output = cli("screen", register, "--as-of", EARLIER, "--out", out, "--force")
        assert code == 1 and "would replace the register" in output, output
    assert sorted(p.name for p in register.iterdir()) == sorted(p.name for p in DEMO.iterdir())


def test_verify_names_every_disagreement(earlier, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    code, output = cli("verify", out)
    assert code == 0 and "OK" in output
    (out / "rejects.csv").write_text("changed", encoding="utf-8")
    (out / "entitlements.csv").unlink()
    (out / "extra.csv").write_text("x", encoding="utf-8")
    code, output = cli("verify", out)
    assert code == 1
    assert output.splitlines() == [
        f"error: {out}: 3 problem(s) against manifest.json",
        "  entitlements.csv: listed in the manifest but missing",
        "  extra.csv: present but not listed in the manifest",
        "  rejects.csv: changed since the run (hash differs from the manifest)"]


def test_sample_writes_a_verified_register_folder(tmp_path):
    out = tmp_path / "sample"
    code, output = cli("sample", "--households", 30, "--out", out, "--format", "csv")
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == ["households.csv", "manifest.json", "members.csv"]
    assert cli("verify", out)[0] == 0


def test_a_file_written_beside_the_run_that_fails_leaves_the_earlier_set(earlier, tmp_path):
    """The entitlements' Parquet is written in the folder's writer thread (`Staging.beside`): its
    error is the run's, raised before the folder is swapped, and the staging folder goes."""
    out = tmp_path / "out"
    shutil.copytree(earlier, out)

    def disk_full() -> None:
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError, match="No space left"), output_folder(out, force=True) as folder:
        (folder.path / "entitlements.csv").write_text("new", encoding="utf-8")
        folder.beside(disk_full)
    assert as_of_of(out) == EARLIER and verify_folder(out) == [] and leftovers(out) == []


def test_the_staging_folder_goes_only_after_the_file_written_beside_it(tmp_path, monkeypatch):
    """A run failing while its writer thread still writes: the folder is removed once the write is
    done, never under it (a file appearing in a folder being removed could outlive it)."""
    import threading

    out, order, started, release = tmp_path / "out", [], threading.Event(), threading.Event()
    rmtree = shutil.rmtree

    def removed(path, *args, **kwargs):
        order.append("removed")
        return rmtree(path, *args, **kwargs)
    monkeypatch.setattr(outfolder.shutil, "rmtree", removed)

    def slow_write(folder: Path) -> None:
        started.set()
        release.wait(30)
        (folder / "entitlements.parquet").write_bytes(b"PAR1")
        order.append("written")
    with pytest.raises(RuntimeError), output_folder(out) as folder:
        folder.beside(lambda: slow_write(folder.path))
        started.wait(30)
        threading.Timer(0.2, release.set).start()
        raise RuntimeError("the run failed")
    assert order == ["written", "removed"]
    assert not out.exists() and leftovers(out) == []


def test_parquet_entitlements_are_written_in_the_writer_thread_and_hashed_in_the_manifest(tmp_path, monkeypatch):
    import hashlib
    import threading

    import pyarrow.parquet as pq

    from eligibility.api import screen_register

    threads = []
    write_table = pq.write_table

    def recorded(table, where, *args, **kwargs):
        threads.append((Path(where).name, threading.current_thread().name))
        return write_table(table, where, *args, **kwargs)
    monkeypatch.setattr(pq, "write_table", recorded)   # outputs imports pyarrow.parquet where it writes
    screening = screen_register(DEMO, pd.Timestamp(EARLIER).date(), lang="vi")
    out = tmp_path / "out"
    outputs.write_outputs(screening, out, "parquet", "vi")
    writer = dict(threads)
    assert writer["entitlements.parquet"].startswith("eligibility-writer")
    assert not writer["rejects.parquet"].startswith("eligibility-writer")   # the small tables as before
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((out / "entitlements.parquet").read_bytes()).hexdigest()
    assert manifest["outputs"]["entitlements"] == f"entitlements.parquet sha256:{digest}"
    assert manifest["files"]["entitlements.parquet"] == f"sha256:{digest}" and verify_folder(out) == []
    assert pq.read_table(out / "entitlements.parquet").num_rows == len(screening.decisions)


def test_the_writer_thread_ends_with_its_folder(tmp_path):
    """Each output folder has its own writer thread, ended when the folder is done: none is left for a
    later fork (a Dask worker, a part's process) to inherit as a thread that no longer runs."""
    import threading

    with output_folder(tmp_path / "out") as folder:
        folder.beside(lambda: (folder.path / "note.txt").write_text("x", encoding="utf-8"))
    assert (tmp_path / "out" / "note.txt").read_text(encoding="utf-8") == "x"
    assert not [t for t in threading.enumerate() if t.name.startswith("eligibility-writer")]
