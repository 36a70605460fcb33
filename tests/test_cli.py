"""The command line as a user meets it: exit codes, one readable error, outputs that reproduce."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eligibility import __version__
from eligibility.cli import main

from shared import AS_OF, DEMO, ROOT


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_and_help_on_every_command(run):
    assert run("--version").output.strip().endswith(__version__)
    for command in main.commands:
        result = run(command, "--help")
        assert result.exit_code == 0, (command, result.output)
        assert "Usage:" in result.output


def test_screen_the_demo_register_prints_the_accounting_and_writes_outputs(run, tmp_path):
    result = run("screen", DEMO, "--as-of", AS_OF.isoformat(), "--out", tmp_path, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "households: read 41 = accepted 41 + rejected 0" in result.output
    assert "members: read 112 = accepted 112 + rejected 0" in result.output
    for name in ("entitlements.csv", "rejects.csv", "manifest.json"):
        assert (tmp_path / name).is_file()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_screening_twice_gives_byte_identical_outputs(run, tmp_path, fmt):
    for out in ("a", "b"):
        assert run("screen", DEMO, "--as-of", AS_OF.isoformat(), "--out", tmp_path / out, "--format", fmt).exit_code == 0
    for name in (f"entitlements.{fmt}", f"rejects.{fmt}", "manifest.json"):
        assert digest(tmp_path / "a" / name) == digest(tmp_path / "b" / name), name


def test_a_bad_as_of_date_is_a_usage_error(run):
    result = run("screen", DEMO, "--as-of", "31/02/2025")
    assert result.exit_code == 2
    assert "--as-of" in result.output


def test_a_missing_register_is_a_usage_error(run, tmp_path):
    assert run("screen", tmp_path / "nowhere").exit_code == 2


def test_a_register_without_a_required_column_is_a_data_error_without_traceback(run, tmp_path):
    register = tmp_path / "reg"
    shutil.copytree(DEMO, register)
    members = (register / "members.csv").read_text(encoding="utf-8-sig").splitlines()
    header = members[0].split(",")
    drop = header.index("Ngày sinh")
    (register / "members.csv").write_text("\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != drop) for line in members) + "\n", encoding="utf-8")
    result = run("screen", register, "--as-of", AS_OF.isoformat(), "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "members.csv" in result.output and "date_of_birth" in result.output
    assert "Traceback" not in result.output


def test_a_broken_rule_pack_is_reported_with_file_and_line(run, tmp_path):
    pack = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", pack)
    target = pack / "policies" / "common" / "person.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("years_between(date_of_birth, as_of)", "years_between(date_of_brith, as_of)"),
                      encoding="utf-8")
    result = run("validate", pack)
    assert result.exit_code == 1
    assert "person.yaml:" in result.output and "date_of_birth" in result.output  # did-you-mean
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_validate_lists_unverified_values(run):
    result = run("validate", "--as-of", "2026-08-01", "--no-examples")   # the examples run in rules/
    assert result.exit_code == 0, result.output
    assert "social_assistance.standard = 540000" in result.output and "[D]" in result.output


def test_explain_a_demo_household_in_vietnamese(run):
    result = run("explain", DEMO, "DM13", "--as-of", AS_OF.isoformat(), "--lang", "vi")
    assert result.exit_code == 0, result.output
    assert "Hộ DM13" in result.output
    assert "Được hưởng" in result.output and "Trợ cấp xã hội hằng tháng: 1.000.000 đồng/tháng" in result.output


@pytest.mark.slow
def test_explain_an_unknown_household_suggests_a_close_id(run):
    result = run("explain", DEMO, "DM131", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 1
    assert "DM13" in result.output
