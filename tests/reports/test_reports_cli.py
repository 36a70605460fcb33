"""`eligibility gaps` and `eligibility targets` on a CSV register with Vietnamese headers."""
from __future__ import annotations

import csv
import json

import click
import pytest
from click.testing import CliRunner
from report_fixtures import IDS, NAMES

import eligibility.cli as cli  # first: cli.py registers (and so imports) the report commands
from eligibility.cli_reports import gaps, targets

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

RISKY = ("=", "+", "-", "@")
GAP_FILES = {"gap_by_benefit.csv", "gap_by_district.csv", "gap_by_commune.csv", "gap_by_village.csv",
             "gap_by_ethnicity.csv", "gap_list.csv", "leakage_list.csv", "needs_data_list.csv", "gaps.xlsx",
             "gaps.html", "gaps.json", "manifest.json"}


def run(command, *args):
    result = CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def gaps_out(register_dir, pack, tmp_path_factory):
    out = tmp_path_factory.mktemp("gaps_out")
    result = run(gaps, register_dir, "--rules", pack, "--as-of", "15/11/2025", "--out", out, "--lang", "vi")
    assert result.exit_code == 0, result.output
    return out, result.output


def test_commands_are_click_commands_named_for_the_cli():
    assert isinstance(gaps, click.Command) and gaps.name == "gaps"
    assert isinstance(targets, click.Command) and targets.name == "targets"


def test_the_commands_work_under_the_main_group():
    for command in (gaps, targets):
        if command.name not in cli.main.commands:     # until cli.py registers them itself
            cli.main.add_command(command)
        result = CliRunner().invoke(cli.main, [command.name, "--help"])
        assert result.exit_code == 0 and "--as-of" in result.output and "--lang" in result.output


def test_gaps_writes_every_report_and_prints_a_summary(gaps_out):
    out, output = gaps_out
    assert {p.name for p in out.iterdir()} == GAP_FILES
    assert "TỔNG" in output and "1.250.000 đồng/tháng" in output
    assert "hộ: số dòng đọc 4 = nhận 4 + loại 0" in output          # in the run's language (vi)


def test_gaps_csv_files_are_neutralised(gaps_out):
    out, _ = gaps_out
    seen = []
    for path in out.glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(RISKY), (path.name, cell)
                    seen.append(cell)
    assert "'=1+2" in seen and "'@SUM(A1)" in seen


def test_gaps_json_carries_the_manifest_with_input_and_output_hashes(gaps_out, screening):
    out, _ = gaps_out
    doc = json.loads((out / "gaps.json").read_text(encoding="utf-8"))
    m = doc["manifest"]
    assert set(m["inputs"]) == {"households.csv", "members.csv"}
    assert m["as_of"] == "2025-11-15" and len(m["rule_pack"]["sha256"]) == 64
    assert {"workbook", "html", "gap_list"} <= set(m["outputs"])
    assert m["accounting"]["members"] == {"read": 8, "accepted": 8, "rejected": 0}
    assert doc["report"] == {"lang": "vi", "redacted": False}


def test_gaps_is_reproducible_byte_for_byte(gaps_out, register_dir, pack, tmp_path):
    out, _ = gaps_out
    assert run(gaps, register_dir, "--rules", pack, "--as-of", "2025-11-15", "--out", tmp_path,
               "--lang", "vi").exit_code == 0
    for path in out.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_redact_key_on_the_command_line_implies_redact(register_dir, pack, tmp_path):
    result = run(gaps, register_dir, "--rules", pack, "--as-of", "2025-11-15", "--out", tmp_path,
                 "--lang", "en", "--redact-key", "department-secret")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "gaps.html").read_text(encoding="utf-8")
    assert not any(s in html for s in IDS + NAMES)
    assert "department-secret" not in html


def test_a_bad_date_is_a_usage_error(register_dir, tmp_path):
    assert run(gaps, register_dir, "--as-of", "31/02/2025", "--out", tmp_path).exit_code == 2


def test_targets_prints_a_table_and_writes_csv_and_json(register_dir, pack, tmp_path):
    result = run(targets, register_dir, "--rules", pack, "--as-of", "2025-11-15", "--out", tmp_path, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Health-insurance coverage" in result.output and "off track" in result.output
    assert "57.1%" in result.output and ">= 98.0%" in result.output
    assert {p.name for p in tmp_path.iterdir()} == {"targets.csv", "targets.json", "manifest.json"}
    doc = json.loads((tmp_path / "targets.json").read_text(encoding="utf-8"))
    assert set(doc["manifest"]["inputs"]) == {"households.csv", "members.csv"}
