"""Every failure is one readable line and an exit code, never a traceback (without --debug)."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from eligibility import api, outputs
from eligibility.cli import main

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_households" / "demo"


def cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def one_line(output: str) -> str:
    """The one error line, after what the command said it would do (register, date, rule pack)."""
    lines = output.strip().splitlines()
    lines = lines[next((i for i, line in enumerate(lines) if line.startswith("error: ")), 0):]
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    assert "Traceback" not in output
    return lines[0].removeprefix("error: ")


def test_out_under_a_regular_file(tmp_path):
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    code, output = cli("screen", DEMO, "--as-of", "2025-11-15", "--out", tmp_path / "report.txt" / "out")
    assert code == 1
    assert one_line(output) == (f"'{tmp_path / 'report.txt'}' is a file, so '{tmp_path / 'report.txt' / 'out'}' "
                                "cannot be a folder under it; give another --out")


@pytest.mark.parametrize("number, expected", [
    (errno.ENOSPC, "the disk is full while writing '{path}'; free some space (or give --out on another disk) and run again"),
    (errno.EACCES, "permission denied for '{path}'; choose a folder you can write to (or ask for access)"),
    (errno.EROFS, "'{path}' is on a read-only disk; give --out on a writable disk"),
    (errno.EIO, "cannot use '{path}': Input/output error"),
], ids=["full-disk", "permission", "read-only", "io-error"])
def test_an_operating_system_error_while_writing(tmp_path, monkeypatch, number, expected):
    def failing(frame, stem, fmt, *how):   # how: the writer thread, the words made per row group
        raise OSError(number, __import__("os").strerror(number), str(stem) + ".csv")
    monkeypatch.setattr(outputs, "write_table", failing)
    out = tmp_path / "out"
    code, output = cli("screen", DEMO, "--as-of", "2025-11-15", "--out", out)
    assert code == 1
    message = one_line(output)
    assert message.startswith(expected.split("'{path}'")[0]) and message.endswith(expected.split("'{path}'")[1])
    assert "entitlements.csv" in message
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == [".out.lock"]


@pytest.mark.parametrize("failure, code, expected", [
    (KeyboardInterrupt, 130, "interrupted; no output was changed (an earlier complete set, if any, is still in place)"),
    (MemoryError, 1, "not enough memory for this register; screen it in parts (by district) or on a larger machine"),
    (RecursionError("maximum recursion depth exceeded"), 1,
     "internal error (RecursionError: maximum recursion depth exceeded); run again with --debug and report the traceback"),
], ids=["ctrl-c", "memory", "bug"])
def test_interruptions_and_unexpected_errors_while_screening(tmp_path, monkeypatch, failure, code, expected):
    def failing(*args, **kwargs):
        raise failure
    monkeypatch.setattr(api, "screen_register", failing)
    result = cli("screen", DEMO, "--as-of", "2025-11-15", "--out", tmp_path / "out")
    assert result[0] == code
    assert one_line(result[1]) == expected
    assert not (tmp_path / "out").exists()


def test_debug_shows_the_traceback(tmp_path, monkeypatch):
    def failing(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "x.csv")
    monkeypatch.setattr(api, "screen_register", failing)
    result = CliRunner().invoke(main, ["--debug", "screen", str(DEMO), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "Traceback" in result.output and "the disk is full" in result.output


@pytest.mark.parametrize("value, expected", [("", "--out is empty or the current folder: give a folder"),
                                             (" ", "--out is empty or the current folder: give a folder"),
                                             (".", "--out is empty or the current folder: give a folder"),
                                             ("..", "--out '..' is the current folder (or above it)")])
def test_out_must_name_a_folder_of_its_own(value, expected):
    code, output = cli("screen", DEMO, "--as-of", "2025-11-15", "--out", value)
    assert code == 2
    assert expected in output and "Traceback" not in output
