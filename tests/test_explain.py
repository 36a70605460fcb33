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


def _json(explain, household: str) -> dict:
    return json.loads(explain(household, "en", "--format", "json"))


def _benefit(data: dict, person: str, benefit: str) -> dict:
    member = next(m for m in data["members"] if m["person_id"] == person)
    return next(b for b in member["benefits"] if b["benefit"] == benefit)


def test_one_dong_above_the_line_is_a_near_miss_with_its_distance(explain):
    text = explain("DM04", "vi")
    near = text[text.index("Gần đạt"):]
    assert "Danh sách hộ nghèo/cận nghèo — quy định gần đạt nhất: Hộ nghèo" in near
    assert "(giá trị 1.500.001 đồng, ngưỡng 1.500.000 đồng; cao hơn 1 đồng)" in near


def test_the_widow_of_80_gets_coefficient_2_with_the_rule_and_article(explain):
    text = explain("DM13")
    # the payroll (programme_lists row 2) pays her at last year's standard: explain reads it as screen does
    assert "Cầm Thị Kim (DM13-1) — Monthly social allowance: 1,000,000 VND/month [underpaid]" in text
    assert "underpaid: Monthly social allowance — Cầm Thị Kim (DM13-1), paid 720,000 VND/month, due 1,000,000 " \
           "VND/month (programme_lists.csv row 2)" in text
    assert "Elderly in a poor household with no supporter (80 or over)" in text
    assert "Decree 20/2021/NĐ-CP, Art. 5(5)(a)" in text
    verbose = explain("DM13", "en", "--verbose")
    assert "Age counted from the birthday month: 80 or over (value 81 years old, threshold 80 years old): holds" \
        in verbose


@pytest.mark.slow
def test_a_sum_benefit_lists_every_rule_it_adds_and_the_total_is_their_sum(explain):
    allowance = _benefit(_json(explain, "DM23"), "DM23-1", "merit_monthly_allowance")
    assert allowance["hit_policy"] == "sum" and len(allowance["paid"]) == 2
    paid = [r for r in allowance["rules"] if r["id"] in allowance["paid"]]
    assert sum(r["amount"] for r in paid) == allowance["amount"] == 5_020_000
    text = explain("DM23", "vi")
    assert "Trợ cấp, phụ cấp ưu đãi hằng tháng người có công: 5.020.000 đồng/tháng" in text
    assert "+ 2.231.000 đồng/tháng: Trợ cấp tuất nuôi dưỡng" in text
    assert "+ 2.789.000 đồng/tháng: Thân nhân của 01 liệt sĩ" in text


@pytest.mark.slow
def test_a_leakage_is_explained_by_the_nearest_rule_not_the_first(explain):
    allowance = _benefit(_json(explain, "DM34"), "DM34-1", "monthly_social_allowance")
    assert allowance["coverage"] == "leakage"
    nearest = next(r for r in allowance["rules"] if r["id"] == allowance["nearest"])
    failed = [c for c in nearest["conditions"] if c["result"] is False]
    assert len(failed) == 1 and allowance["nearest"] != "sa_child_no_care_under_4"
    text = explain("DM34", "vi")
    leak = text[text.index("hưởng sai)"):]
    assert "Dương Văn Huy (DM34-1) — Trợ cấp xã hội hằng tháng — quy định gần đạt nhất" in leak
    assert "40 vs 4" not in text and "ngưỡng 36" not in text


def test_the_threshold_is_shown_in_the_unit_of_the_value(explain):
    text = explain("DM35")
    leak = text[text.index("(leakage)"):]
    assert "(value 3,000,000 VND, threshold 1,500,000 VND; 1,500,000 VND above)" in leak


def test_a_missing_date_of_birth_leaves_the_decision_undetermined_and_names_it(explain):
    text = explain("DM36")
    data = text[text.index("Data needed to decide"):]
    assert "Phàn Thị Sai (DM36-2) — Social pension: missing Date of birth" in data


@pytest.mark.slow
def test_loans_are_summarised_in_one_line(explain):
    text = explain("DM23", "vi")
    loans = [line for line in text.splitlines() if "Cho vay" in line]
    assert len(loans) == 1 and loans[0].startswith("Vay vốn ưu đãi có thể tiếp cận (4): ")
    assert "7,92%/năm" in loans[0] and "7.92" not in loans[0]


@pytest.mark.slow
def test_the_default_is_short_and_verbose_has_every_rule(explain):
    short, verbose = explain("DM23", "vi"), explain("DM23", "vi", "--verbose")
    assert len(short.splitlines()) < 30 < len(verbose.splitlines())
    assert "merit_hero" not in verbose and "Anh hùng" in verbose


@pytest.mark.slow
def test_unverified_figures_are_marked(explain):
    text = explain("DM12")
    assert "Social pension (monthly) = 500,000 VND/month (from 1 Jul 2025, Decree 176/2025/NĐ-CP) [UNVERIFIED C]" in text


@pytest.mark.slow
def test_json_carries_every_rule_condition_and_parameter(explain):
    allowance = _benefit(_json(explain, "DM13"), "DM13-1", "monthly_social_allowance")
    assert (allowance["status"], allowance["amount"], allowance["rule"]) == \
        ("eligible", 1000000.0, "sa_elderly_poor_no_supporter_80")
    applied = next(r for r in allowance["rules"] if r["id"] == allowance["rule"])
    assert all(c["result"] is True for c in applied["conditions"])
    standard = next(p for p in applied["parameters"] if p["name"] == "social_assistance.standard")
    assert (standard["value"], standard["from"], standard["confidence"]) == (500000, "2024-07-01", "B")


@pytest.mark.slow
def test_both_engines_agree_on_a_household(explain):
    data = json.loads(explain("DM30", "en", "--format", "json", "--engine", "durable"))
    assert data["durable_check"]["agree"] is True and data["durable_check"]["decisions"] > 0
