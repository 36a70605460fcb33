"""Conditions as sentences: every condition of the pack is worded in vi and en, from its label or
from its expression with the labels of the names it uses; `validate` warns on one it cannot word."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eligibility.cli import main
from eligibility.rulebook.compile import compile_pack

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="module")
def plan():
    return compile_pack(RULES)


def _worded(plan, text: str):
    return next(c.label for b in plan.benefits.values() for r in b.rules for c in r.conditions
                if c.text == text and c.worded)


@pytest.mark.parametrize("text, vi, en", [
    ("age >= 60", "Tuổi từ đủ 60 trở lên", "Age in completed years: 60 or over"),
    ("75 <= age < 80", "Tuổi từ đủ 75 và dưới 80", "Age in completed years: aged 75 or over and less than 80"),
    ("merit_category == 'war_invalid'", "Diện người có công: thương binh", "Meritorious category: war invalid"),
    ("injury_rate == 61", "Tỷ lệ tổn thương cơ thể: 61%", "Injury rate: 61%"),
    ("not survivor_allowance", "Không hưởng trợ cấp tuất hằng tháng", "Not: receives a monthly survivor allowance"),
    ("disability_level in ['mild', 'severe', 'especially_severe']",
     "Mức độ khuyết tật: nhẹ, nặng hoặc đặc biệt nặng", "Disability level: mild, severe or especially severe"),
])
def test_a_condition_is_worded_from_its_expression(plan, text, vi, en):
    label = _worded(plan, text)
    assert (label.vi, label.en) == (vi, en)


def test_every_condition_of_the_pack_has_words_in_both_languages(plan):
    raw = re.compile(r"==|!=|<=|>=|param\(|(?<![\w-])[a-z]+(?:_[a-z0-9]+)+\b")
    for benefit in plan.benefits.values():
        for rule in benefit.rules:
            for cond in rule.conditions:
                assert cond.label is not None, (rule.id, cond.text)
                for lang in ("vi", "en"):
                    assert not raw.search(getattr(cond.label, lang)), (rule.id, cond.text, getattr(cond.label, lang))
    assert not [w for w in plan.warnings if w.code == "W-WORDING"]


@pytest.mark.slow
def test_validate_warns_on_a_condition_it_cannot_word(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    policy = rules / "policies" / "social_assistance" / "care_support.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "          - age >= 60\n" in text
    policy.write_text(text.replace("          - age >= 60\n", "          - round(age, 0) >= 60\n", 1), encoding="utf-8")
    plan = compile_pack(rules)
    warned = [w for w in plan.warnings if w.code == "W-WORDING"]
    assert len(warned) == 1 and "round(age, 0) >= 60" in warned[0].message and warned[0].file.endswith("care_support.yaml")
    result = CliRunner().invoke(main, ["validate", str(rules), "--no-examples"])
    assert "W-WORDING" in result.output and "care_support.yaml" in result.output
