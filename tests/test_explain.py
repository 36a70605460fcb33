"""`eligibility explain` on the demo register's edge cases, read as a social officer reads it."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eligibility.cli import main

from shared import AS_OF, DEMO


@pytest.fixture(scope="module")
def explain():
    runner = CliRunner()
    cache = {}

    def run(household: str, lang: str = "en", *extra: str) -> str:
        key = (household, lang, extra)
        if key not in cache:
            result = runner.invoke(main, ["explain", str(DEMO), household, "--as-of", AS_OF.isoformat(), "--lang", lang,
                                          *extra], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            cache[key] = result.output
        return cache[key]
    return run


def test_one_dong_above_the_line_is_a_near_miss_with_its_distance(explain):
    text = explain("DM04", "vi")
    assert "Danh sách hộ nghèo/cận nghèo: không đủ điều kiện — gần đạt: chỉ vướng một ngưỡng" in text
    assert "income_per_capita <= poverty_line: không đạt (1,500,001 vs 1,500,000; cao hơn ngưỡng 1)" in text


def test_the_widow_of_80_gets_coefficient_2_with_the_rule_and_article(explain):
    text = explain("DM13")
    assert "Monthly social allowance: ELIGIBLE — amount 1,000,000 VND/month [covered]" in text
    assert "rule sa_elderly_poor_no_supporter_80" in text and "Decree 20/2021/NĐ-CP, Art. 5(5)(a)" in text
    assert "age_by_birthday_month >= 80: holds (81 vs 80)" in text


def test_a_missing_date_of_birth_leaves_the_decision_undetermined_and_names_it(explain):
    text = explain("DM36")
    person = text[text.index("Member DM36-2"):]
    assert "Social pension: UNDETERMINED (data missing to decide) [needs data]" in person
    assert "unknown (? vs 75; missing data: date_of_birth)" in person


def test_a_listed_household_above_the_line_is_shown_as_leakage_with_the_distance(explain):
    text = explain("DM35")
    assert "On the poor or near-poor list: not eligible [LEAKAGE: receiving it but not eligible]" in text
    assert "(3,000,000 vs 1,500,000; above the threshold by 1,500,000)" in text


def test_unverified_figures_are_marked(explain):
    text = explain("DM12")
    assert "social_pension.amount = 500000 (from 2025-07-01, Decree 176/2025/NĐ-CP) [UNVERIFIED C]" in text


def test_json_carries_every_rule_condition_and_parameter(explain):
    data = json.loads(explain("DM13", "en", "--format", "json"))
    person = next(m for m in data["members"] if m["person_id"] == "DM13-1")
    allowance = next(b for b in person["benefits"] if b["benefit"] == "monthly_social_allowance")
    assert (allowance["status"], allowance["amount"], allowance["rule"]) == \
        ("eligible", 1000000.0, "sa_elderly_poor_no_supporter_80")
    applied = next(r for r in allowance["rules"] if r["id"] == allowance["rule"])
    assert all(c["result"] is True for c in applied["conditions"])
    standard = next(p for p in applied["parameters"] if p["name"] == "social_assistance.standard")
    assert (standard["value"], standard["from"], standard["confidence"]) == (500000, "2024-07-01", "B")


def test_both_engines_agree_on_a_household(explain):
    data = json.loads(explain("DM30", "en", "--format", "json", "--engine", "durable"))
    assert data["durable_check"]["agree"] is True and data["durable_check"]["decisions"] > 0
