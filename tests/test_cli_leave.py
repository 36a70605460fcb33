"""The command line's own process ends, once its command succeeded, without the interpreter's teardown
(`startup.leave`): what an exit owes is still done (atexit handlers, flushed streams), a thread still
running or a failed command ends the usual way, and a library or test call is never ended."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import eligibility.cli as cli
from eligibility import startup

ROOT = Path(__file__).resolve().parents[1]
TEARDOWN = "class Torn:\n    def __del__(self):\n        print('torn down', flush=True)\nkept = Torn()\n"


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_leaving_runs_the_exit_handlers_flushes_and_skips_the_teardown():
    done = run(TEARDOWN + "import atexit\nfrom eligibility import startup\nstartup.own_process()\n"
               "atexit.register(lambda: print('handler ran'))\nprint('said', end='')\nstartup.leave()\nprint('not reached')")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "saidhandler ran\n"     # buffered text out, handler run, no teardown (no 'torn down')


def test_without_standard_streams_it_still_leaves():
    done = run(TEARDOWN + "import sys\nfrom eligibility import startup\nstartup.own_process()\n"
               "sys.stdout = None\nstartup.leave()\nsys.stdout = sys.__stdout__\nprint('not reached')")
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_a_thread_still_running_is_waited_for_as_usual():
    done = run(TEARDOWN + "import threading, time\nfrom eligibility import startup\nstartup.own_process()\n"
               "threading.Thread(target=time.sleep, args=(0.3,)).start()\nstartup.leave()\nprint('went on')")
    assert done.returncode == 0 and done.stdout.splitlines()[0] == "went on"


def test_not_the_command_lines_own_process_nothing_ends(monkeypatch):
    monkeypatch.setattr(startup, "_OWN_PROCESS", False)
    startup.leave()     # a library's or a test's process goes on
    result = CliRunner().invoke(cli.main, ["--help"])    # click's runner: args given, never ended
    assert result.exit_code == 0


@pytest.mark.slow
def test_a_screening_ends_with_its_whole_output_and_a_failed_one_with_its_error_code(tmp_path):
    screen = [sys.executable, "-m", "eligibility", "screen", str(ROOT / "sample_households" / "demo"),
              "--as-of", "2025-11-15", "--lang", "en"]
    done = subprocess.run([*screen, "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().splitlines()[-1].startswith("written: ")     # the last line, flushed
    assert (tmp_path / "out" / "manifest.json").exists()
    failed = subprocess.run([*screen, "--out", str(tmp_path / "out" / "entitlements.csv")], capture_output=True,
                            text=True, cwd=ROOT)
    assert failed.returncode == 2 and "is a file" in failed.stderr      # click's usage error, its own code
