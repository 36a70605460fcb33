"""One policy for unverified figures: values graded D are used only when the run opts in.

On 2026-08-01 every amount that rests on a 2026 figure (the 540,000 and 3,012,000 standards, the
540,000 social pension, the meritorious appendix figures not yet known) is unknown by default, with
the same kind of reason in the `unverified` column for every benefit; with `use_unverified` the D
figures are used and flagged. Both engines agree either way; the manifest and `validate` say which
policy ran.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from durable_helpers import assert_same_decisions
from eligibility import screen_register
from eligibility.cli import main

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

DEMO = Path(__file__).resolve().parents[2] / "sample_households" / "demo"
AFTER = dt.date(2026, 8, 1)
STANDARD_RESTING = {"monthly_social_allowance", "care_support", "social_pension", "merit_monthly_allowance"}


@pytest.fixture(scope="module")
def screened():
    return {use: screen_register(DEMO, AFTER, include_all=True, use_unverified=use) for use in (False, True)}


def test_by_default_no_amount_rests_on_a_d_value_and_each_says_why(screened):
    rows = screened[False].decisions
    eligible = rows[(rows["status"] == "eligible") & rows["benefit"].isin(STANDARD_RESTING)
                    & (rows["rule"] != "merit_war_invalid_42_60")]   # that row's figure is not in the pack at all
    assert len(eligible) >= 10
    assert eligible["amount"].isna().all(), eligible[["person_id", "benefit", "amount"]]
    reasons = eligible["unverified"].astype(str)
    assert (reasons.str.contains("(D) not used", regex=False)
            | reasons.str.contains("no figure known", regex=False)).all(), reasons.tolist()
    used = rows["unverified"].astype(str)
    assert not used.str.contains(r"\(D\)(?! not used)", regex=True).any()   # no D value used anywhere


def test_the_war_invalid_and_the_martyr_mother_stop_the_same_way(screened):
    rows = screened[False].decisions
    merit = rows[(rows["benefit"] == "merit_monthly_allowance") & (rows["status"] == "eligible")
                 & (rows["rule"] != "merit_war_invalid_42_60")]
    reasons = merit["unverified"].astype(str)
    assert reasons.str.contains("Meritorious|War-invalid", regex=True).all(), reasons.tolist()
    assert (reasons.str.contains("(D) not used", regex=False) | reasons.str.contains(", D)", regex=False)).all()


def test_with_use_unverified_the_d_figures_are_used_and_flagged(screened):
    rows = screened[True].decisions
    allowance = rows[(rows["benefit"] == "social_pension") & (rows["status"] == "eligible")]
    assert set(allowance["amount"]) == {540000.0}
    assert allowance["unverified"].astype(str).str.contains("Social pension (monthly) = 540,000 (D)", regex=False).all()
    invalid = rows[(rows["benefit"] == "merit_monthly_allowance") & rows["rule"].isin(
        ["merit_war_invalid_41", "merit_war_invalid_61"]) & (rows["status"] == "eligible")]
    assert len(invalid) and invalid["amount"].isna().all()      # no figure known: never the 2024 figure carried on
    assert invalid["unverified"].astype(str).str.contains("no figure known", regex=False).all()


@pytest.mark.parametrize("use", [False, True])
def test_both_engines_agree_under_either_policy(use):
    vec = screen_register(DEMO, AFTER, include_all=True, use_unverified=use)
    dur = screen_register(DEMO, AFTER, include_all=True, use_unverified=use, engine="durable")
    assert_same_decisions(vec.decisions, dur.decisions, vec.register.households, vec.register.members)


@pytest.mark.slow
def test_validate_lists_no_d_value_in_force_unless_asked():
    # --no-examples: the listing is what is checked here; the examples run in rules/ (each twice here cost ~20 CPU-s)
    runner = CliRunner()
    default = runner.invoke(main, ["validate", "--as-of", AFTER.isoformat(), "--no-examples"],
                            catch_exceptions=False).output
    d_lines = [line for line in default.splitlines() if "[D]" in line]
    assert d_lines and not any("← in force" in line for line in d_lines)
    assert any("withheld" in line for line in d_lines)
    opted = runner.invoke(main, ["validate", "--as-of", AFTER.isoformat(), "--use-unverified", "--no-examples"],
                          catch_exceptions=False).output
    assert any("[D]" in line and "← in force" in line for line in opted.splitlines())


def test_the_manifest_records_the_policy_and_the_withheld_values(tmp_path):
    runner = CliRunner()
    for flag, folder in (([], "default"), (["--use-unverified"], "opted")):
        result = runner.invoke(main, ["screen", str(DEMO), "--as-of", AFTER.isoformat(), "--out",
                                      str(tmp_path / folder), "--lang", "en", *flag], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    default = json.loads((tmp_path / "default" / "manifest.json").read_text(encoding="utf-8"))
    opted = json.loads((tmp_path / "opted" / "manifest.json").read_text(encoding="utf-8"))
    assert default["use_unverified"] is False and opted["use_unverified"] is True
    assert any(v.startswith("social_assistance.standard=540000") for v in default["unverified_values_withheld"])
    assert not any("(D," in v for v in default["unverified_values_in_force"])
    assert any(v.startswith("social_assistance.standard=540000") for v in opted["unverified_values_in_force"])


def test_explain_names_the_withheld_value_and_its_instrument():
    from eligibility.api import explain_register
    from eligibility.explain import render_text

    data = explain_register(DEMO, "DM23", AFTER)
    text = render_text(data, "en")
    line = next(line for line in text.splitlines() if "Meritorious-people standard" in line)
    assert "NOT USED" in line and "Decree 321/2026/NĐ-CP" in line and "{" not in line, line
    opted = render_text(explain_register(DEMO, "DM23", AFTER, use_unverified=True), "en")
    assert "NOT USED" not in opted
