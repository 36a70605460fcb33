"""The auditor commands on the bundled rule pack and a generated sample register (whatever the pack
holds today: every benefit and target it declares must go through the reports)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import eligibility.cli  # noqa: F401  first: cli.py registers (and so imports) the report commands
from eligibility.cli_reports import gaps, targets


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from eligibility.synthetic import write_sample

    folder = tmp_path_factory.mktemp("sample")
    write_sample(folder, households=150, seed=767, fmt="csv", headers="vi")
    return folder


@pytest.mark.slow
def test_gaps_and_targets_run_on_the_bundled_pack(sample, tmp_path):
    for command in (gaps, targets):   # each into its own folder: a run replaces its --out as a whole
        result = CliRunner().invoke(command, [str(sample), "--as-of", "2025-11-15", "--out", str(tmp_path / command.name)],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "gaps" / "gaps.json").read_text(encoding="utf-8"))
    assert doc["manifest"]["accounting"]["households"]["read"] == 150
    html = (tmp_path / "gaps" / "gaps.html").read_text(encoding="utf-8")
    assert 'data-ok="0"' in html and "<svg" in html
    assert (tmp_path / "targets" / "targets.json").is_file()
