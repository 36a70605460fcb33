"""The code's own rules, checked with every test run (and by `make lint`): the import layers
(cli -> api -> reports/explain -> decisions -> engines -> rulebook/register -> errors, declared in
pyproject.toml) and ruff's lint rules. A failure prints the offending imports or lines."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_imports_follow_the_layers(capsys):
    from importlinter.cli import lint_imports

    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert code == 0, capsys.readouterr().out


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "eligibility", "tests", "scenarios",
                           "bench", "rules"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_changelog_has_every_policy_area():
    """CHANGELOG.md records rule-pack changes by policy area: a new area needs its section."""
    from eligibility.rulebook.load import load_pack

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    areas = {src.model.area or src.path.parent.name for src in load_pack(ROOT / "rules").policies
             if src.model.benefits}
    assert {area for area in areas if f"`{area}`" not in changelog} == set()


@pytest.mark.slow
def test_mypy_finds_nothing_in_the_typed_core(monkeypatch):
    """mypy on rulebook/ and engines/ (the config in pyproject.toml), as `make lint` runs it, with the cache
    `make lint` keeps (.mypy_cache, git-ignored): on a fresh clone this run costs the whole check (about 7
    CPU-s) and `make lint` after it, as .ci/run runs them, reads what this run found; a later run
    checks only what changed (about 1 CPU-s), mypy's own incremental mode, as reliable as its full run."""
    from mypy import api

    monkeypatch.chdir(ROOT)   # the config's paths (and the cache folder) are relative to the repository
    out, err, code = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    assert code == 0, out + err
