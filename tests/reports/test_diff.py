"""`eligibility diff`: what changes across a date, a rule pack or a month's register, worked by hand.

Amounts come from POLICIES.md: the social-assistance standard 360,000 → 500,000 on 1 July 2024
(Decree 76/2024); the social pension of 500,000 a month from 1 July 2025 (Law 41/2024/QH15 and
Decree 176/2025); the near-poor loan rate 7.92 % → 7.488 % a year on 1 December 2025 (Decision
2553/QĐ-TTg).
"""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from eligibility.api import screen_records, screen_register
from eligibility.cli import main
from eligibility.reports.diff import Side, compare

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

DEMO = Path(__file__).resolve().parents[2] / "sample_households" / "demo"
HOUSEHOLD = {"household_id": "H1", "commune": "Bum Tở", "district": "muong_te", "area_type": "rural",
             "poverty_list_status": "none", "area_extremely_difficult": False}
ELDER = {"disability_level": "none", "no_source_of_care": False, "hiv": False, "has_supporter": True,
         "receives_pension": False, "survivor_allowance": False, "receives_merit_allowance": False,
         "fostered": False, "receives_social_allowance": False, "receives_social_pension": False,
         "relation_to_head": "head"}


def _diff(day_old: dt.date, day_new: dt.date, household: dict, members: list[dict]) -> dict:
    old = screen_records([household], members, day_old, include_all=False)
    new = screen_records([household], members, day_new, include_all=False)
    return compare(Side(old, "old"), Side(new, "new"))


def _row(tables: dict, benefit: str, person: str = "") -> dict:
    changes = tables["changes"]
    rows = changes[(changes["benefit"] == benefit) & (changes["person_id"] == person)]
    assert len(rows) == 1, changes[["person_id", "benefit", "kind"]]
    return rows.iloc[0].to_dict()


def test_the_standard_raised_on_1_july_2024_raises_an_80_year_old_allowance_by_140000():
    tables = _diff(dt.date(2024, 6, 30), dt.date(2024, 7, 1), HOUSEHOLD,
                   [dict(ELDER, household_id="H1", person_id="P1", date_of_birth=dt.date(1940, 3, 15))])
    row = _row(tables, "monthly_social_allowance", "P1")
    assert (row["kind"], row["amount_old"], row["amount_new"]) == ("amount_up", 360000, 500000)
    assert (row["monthly_change"], row["yearly_change"]) == (140000, 1680000)
    assert row["cause"] == "parameter"
    assert "Social-assistance standard: 360,000 → 500,000" in row["what_changed"]
    total = tables["by_benefit"].iloc[0]
    assert (total["benefit"], total["amount_up"], total["monthly_change"]) == ("*", 1, 140000)


def test_the_social_pension_from_1_july_2025_is_a_gain_for_a_76_year_old_without_a_pension():
    tables = _diff(dt.date(2025, 6, 30), dt.date(2025, 7, 1), HOUSEHOLD,
                   [dict(ELDER, household_id="H1", person_id="P1", date_of_birth=dt.date(1949, 1, 10))])
    row = _row(tables, "social_pension", "P1")
    assert (row["kind"], row["status_old"], row["status_new"]) == ("gain", "not_eligible", "eligible")
    assert (row["amount_new"], row["monthly_change"], row["yearly_change"]) == (500000, 500000, 6000000)
    assert row["cause"] == "rule" and "comes into force" in row["what_changed"]
    benefit = tables["by_benefit"].set_index("benefit").loc["social_pension"]
    assert (benefit["gain"], benefit["households_gaining"]) == (1, 1)


def test_the_credit_rates_of_1_december_2025_lower_a_near_poor_household_loan_rate():
    household = dict(HOUSEHOLD, poverty_list_status="near_poor", loan_near_poor=False)
    tables = _diff(dt.date(2025, 11, 30), dt.date(2025, 12, 1), household,
                   [dict(ELDER, household_id="H1", person_id="P1", date_of_birth=dt.date(1980, 1, 1))])
    row = _row(tables, "loan_near_poor_household")
    assert row["kind"] == "rate_change"
    assert (row["rate_old"], row["rate_new"]) == (pytest.approx(0.0792), pytest.approx(0.07488))
    assert row["yearly_change"] == 0     # a loan's cap is not a cost


@pytest.fixture(scope="module")
def demo_2024(demo_screened):
    return demo_screened(dt.date(2024, 8, 1))


def test_a_date_or_a_pack_compared_with_itself_changes_nothing(demo_2024):
    again = screen_register(DEMO, dt.date(2024, 8, 1))
    tables = compare(Side(demo_2024, "a"), Side(again, "b"))
    assert tables["changes"].empty and tables["by_rule"].empty
    total = tables["by_benefit"].iloc[0]
    assert total[["gain", "loss", "amount_up", "amount_down", "yearly_change"]].sum() == 0
    assert total["monthly_old"] == total["monthly_new"] > 0
    assert tables["by_commune"].empty and tables["by_village"].empty


def _entitlements(folder: Path) -> dict:
    with open(folder / "entitlements.csv", encoding="utf-8-sig") as fh:
        return {(r["household_id"], r["person_id"], r["benefit"]): r for r in csv.DictReader(fh)}


def _changes(folder: Path) -> dict:
    with open(folder / "diff_changes.csv", encoding="utf-8-sig") as fh:
        return {(r["Household ID"], r["Person ID"], r["Benefit code"]): r for r in csv.DictReader(fh)}


@pytest.mark.slow
def test_a_diff_is_the_exact_difference_of_two_screen_runs(tmp_path):
    """Screen a generated register at two dates with `screen`, and check `diff` against the two files."""
    runner = CliRunner()
    register = tmp_path / "register"
    assert runner.invoke(main, ["sample", "--households", "120", "--seed", "7", "--out", str(register),
                                "--format", "csv"]).exit_code == 0
    for day, name in (("2024-06-30", "a"), ("2025-07-01", "b")):
        result = runner.invoke(main, ["screen", str(register), "--as-of", day, "--out", str(tmp_path / name),
                                      "--lang", "en"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["diff", str(register), "--as-of", "2024-06-30", "--as-of-new", "2025-07-01",
                                  "--out", str(tmp_path / "d"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    a, b, changes = _entitlements(tmp_path / "a"), _entitlements(tmp_path / "b"), _changes(tmp_path / "d")
    blank = {"status": "not_eligible", "amount": "", "coverage": "none", "rate": ""}
    expected = {k for k in set(a) | set(b)
                if any(a.get(k, blank)[c] != b.get(k, blank)[c] for c in ("status", "amount", "coverage", "rate"))
                or a.get(k, blank).get("rule") != b.get(k, blank).get("rule")}
    assert expected and set(changes) == expected
    monthly = {s: sum(float(r["amount"]) for r in t.values() if r["status"] == "eligible" and r["amount"]
                      and r["unit"] == "vnd_per_month") for s, t in (("a", a), ("b", b))}
    with open(tmp_path / "d" / "diff_by_benefit.csv", encoding="utf-8-sig") as fh:
        total = next(csv.DictReader(fh))
    assert float(total["Monthly cost change (VND)"]) == pytest.approx(monthly["b"] - monthly["a"])


def test_two_registers_name_the_register_values_that_changed(tmp_path, demo_2024):
    new = tmp_path / "new"
    shutil.copytree(DEMO, new)
    members = pd.read_csv(new / "members.csv", dtype=str, keep_default_na=False)
    members.loc[members["Mã người"] == "DM14-3", "Ngày sinh"] = "01/01/1930"   # older on paper
    members.to_csv(new / "members.csv", index=False)
    after = screen_register(new, dt.date(2024, 8, 1))
    tables = compare(Side(demo_2024, "last month"), Side(after, "this month"))
    mine = tables["changes"][tables["changes"]["person_id"] == "DM14-3"]
    assert len(mine) and set(mine["cause"]) == {"input"}
    assert all("Date of birth: 20/05/1948 → 01/01/1930" in t for t in mine["what_changed"])
    assert set(tables["changes"]["household_id"]) == {"DM14"}


def test_the_command_writes_the_report_in_vietnamese(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(DEMO), "--as-of", "2024-06-30", "--as-of-new", "2024-07-01",
                                       "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    tmp_path = tmp_path / "d"
    # 98,202,000 a year before the Decree 57/2017 study allowance was encoded; + 12 x 216,000 for each of two
    # pupils of a very small ethnic group whose 40 % of the base salary rises with it (0.4 x (2,340,000 -
    # 1,800,000)): DM38-3, and DM30-3 (La Hủ), screened since a bad cell no longer rejects her household
    assert "TỔNG" in result.output and "103.386.000" in result.output
    for name in ("diff_by_benefit.csv", "diff_by_commune.csv", "diff_by_village.csv", "diff_by_rule.csv",
                 "diff_changes.csv", "diff.xlsx", "diff.html", "diff.json"):
        assert (tmp_path / name).is_file(), name
    header = (tmp_path / "diff_changes.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Nguyên nhân" in header and "Mức hưởng trước" in header
    changes = pd.read_csv(tmp_path / "diff_changes.csv", dtype=str, keep_default_na=False)
    coverages = set(changes["Thụ hưởng trước"]) | set(changes["Thụ hưởng sau"])
    # a decision with no coverage (nothing enrolled to compare with) is an empty cell, as in entitlements.csv,
    # not the code `none`
    assert "" in coverages and not coverages & {"none", "gap", "covered", "leakage", "needs_data"}, coverages
    page = (tmp_path / "diff.html").read_text(encoding="utf-8")
    # what changed, in the officer's words: the parameter's label, Vietnamese numbers, no identifier
    assert 'id="waterfall"' in page and "Mức chuẩn trợ giúp xã hội: 360.000 → 500.000" in page
    assert "social_assistance.standard" not in page
    assert "giá trị tham số" in page and "mức hưởng tăng" in page
    verified = CliRunner().invoke(main, ["verify", str(tmp_path)])   # every file in the manifest, hashes agree
    assert verified.exit_code == 0, verified.output


def test_the_command_says_what_to_compare(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(DEMO), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "--rules-new, --as-of-new or --register-new" in result.output


def test_redacted_changes_carry_no_name_or_id(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(DEMO), "--as-of", "2024-06-30", "--as-of-new", "2024-07-01",
                                       "--out", str(tmp_path / "d"), "--redact", "--lang", "en"])
    assert result.exit_code == 0, result.output
    changes = (tmp_path / "d" / "diff_changes.csv").read_text(encoding="utf-8-sig")
    assert "DM14" not in changes and "Lò" not in changes and "Social-assistance standard" in changes


@pytest.mark.slow
def test_chromium_renders_the_diff_page(chromium, tmp_path):
    from report_fixtures import dump_dom

    result = CliRunner().invoke(main, ["diff", str(DEMO), "--as-of", "2025-06-30", "--as-of-new", "2025-07-01",
                                       "--out", str(tmp_path / "d"), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    dom = dump_dom(chromium, (tmp_path / "d" / "diff.html").as_uri(), tmp_path)
    assert 'data-ok="1"' in dom
    steps = dom.split('id="waterfall"', 1)[1].split("</svg>", 1)[0]
    by_benefit = pd.read_csv(tmp_path / "d" / "diff_by_benefit.csv")
    moved = by_benefit.iloc[1:][by_benefit.iloc[1:]["Chi phí năm thay đổi (đồng)"] != 0]
    assert len(moved) >= 2   # the social pension starts; the 80+ allowance stops for its receivers
    assert steps.count("<rect") == len(moved) + 2     # before, one step per benefit, after
    assert "Trợ cấp hưu trí xã hội" in steps and 'class="step down"' in steps


def test_the_readme_example_a_standard_of_600000_costs_720000_a_month_more(tmp_path):
    """The README's worked example: the reported 2026 standard (540,000, grade D) against a proposed 600,000."""
    pack = tmp_path / "rules-600"
    shutil.copytree(DEMO.parents[1] / "rules", pack)
    values = pack / "parameters" / "cross_cutting.yaml"
    text = values.read_text(encoding="utf-8")
    assert text.count("value: 540000") == 1
    values.write_text(text.replace("value: 540000", "value: 600000"), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(DEMO), "--rules", str(DEMO.parents[1] / "rules"), "--rules-new",
                                       str(pack), "--as-of", "2026-08-01", "--use-unverified", "--out",
                                       str(tmp_path / "d"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    changes = pd.read_csv(tmp_path / "d" / "diff_changes.csv")
    assert set(changes["Because of"]) == {"a parameter value"}
    assert (changes["Amount after"] - changes["Amount before"]).sum() == 720000
    total = pd.read_csv(tmp_path / "d" / "diff_by_benefit.csv").iloc[0]
    assert (total["Monthly cost change (VND)"], total["Yearly cost change (VND)"]) == (720000, 8640000)
