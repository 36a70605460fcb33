"""`eligibility validate [RULES]`: every problem with file:line and exit 1, or a summary and exit 0."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from eligibility.cli import main
from eligibility.rulebook.compile import compile_pack
from eligibility.rulebook.load import DEFAULT_RULES
from rulebook_support import BASE, PARAMS, POLICY

EXTRA_POLICY = """\
# A second policy file, so that the planted mistakes sit in three different files.
variables:
  elderly_in_household:
    entity: household
    type: int
    label: {vi: Số người cao tuổi trong hộ, en: Elderly members}
    formula: count(age >= 60)
  priority_household:
    entity: household
    type: bool
    label: {vi: Hộ ưu tiên, en: Priority household}
    formula: poverty_list_status == 'near_pooor' or elderly_in_household >= 2
"""


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def issue_lines(output: str) -> list[str]:
    """The `file:line: CODE at 'key': ...` lines of the error report."""
    return [line.strip() for line in output.splitlines() if re.match(r"\s+\S+\.yaml:\d+: E-[A-Z-]+ at ", line)]


def test_three_mistakes_in_three_files_are_all_reported(make_pack):
    pack = make_pack(
        patches={
            PARAMS: [("- from: 2024-07-01", "- from: 2024-01-01")],                      # line 13: overlap
            POLICY: [("- age >= 60", "- agee >= 60")],                                   # line 26: typo
        },
        files={"policies/support/priority.yaml": EXTRA_POLICY},                          # line 12: enum typo
    )
    result = validate(str(pack))
    assert result.exit_code == 1, result.output
    assert "3 error(s) in the rule pack" in result.output
    lines = issue_lines(result.output)
    assert len(lines) == 3, result.output
    expected = [
        (pack / PARAMS, 13, "E-PARAM-OVERLAP", "parameters.support.standard.values.1"),
        (pack / POLICY, 26, "E-NAME-UNKNOWN", "benefits.monthly_allowance.rules.0.conditions.0"),
        (pack / "policies/support/priority.yaml", 12, "E-ENUM-VALUE", "variables.priority_household.formula"),
    ]
    for path, line, code, key in expected:
        prefix = f"{path}:{line}: {code} at '{key}': "
        assert any(text.startswith(prefix) for text in lines), f"missing {prefix!r} in:\n{result.output}"
    assert "did you mean 'age'?" in result.output
    assert "did you mean 'near_poor'?" in result.output
    assert "Traceback" not in result.output


def test_schema_mistakes_in_three_files_are_all_reported(make_pack):
    """Mistakes found while reading the files (before any expression is checked) are collected too."""
    pack = make_pack(patches={
        "inputs/members.yaml": [("  pension:\n    type: money", "  pension:\n    type: mony")],  # line 32
        PARAMS: [("confidence: C", "confidence: E")],                                              # line 16
        POLICY: [("        conditions:\n          - age >= 60",
                  "        conditons:\n          - age >= 60")],                                   # line 25
    })
    result = validate(str(pack))
    assert result.exit_code == 1
    lines = issue_lines(result.output)
    assert len(lines) == 3, result.output
    for path, line in ((pack / "inputs/members.yaml", 32), (pack / PARAMS, 16), (pack / POLICY, 25)):
        assert any(text.startswith(f"{path}:{line}: E-SCHEMA at ") for text in lines), result.output
    assert "did you mean 'conditions'?" in result.output
    assert "did you mean 'money'?" in result.output


def test_valid_pack_prints_a_summary_with_unverified_values():
    result = validate(str(BASE))
    assert result.exit_code == 0, result.output
    assert "OK" in result.output
    assert "1 benefits, 2 rules, 2 variables, 1 parameters, 0 targets, 1 examples" in result.output
    assert "1 parameter values still unverified" in result.output
    assert "support.standard = 500000 from 2024-07-01 [C] Decree 76/2024/NĐ-CP" in result.output


def test_as_of_marks_the_value_in_force():
    later = validate(str(BASE), "--as-of", "2025-01-01").output
    earlier = validate(str(BASE), "--as-of", "01/01/2023").output
    line = next(x for x in later.splitlines() if "support.standard = 500000" in x)
    assert line.endswith("← in force")
    line = next(x for x in earlier.splitlines() if "support.standard = 500000" in x)
    assert "in force" not in line


def test_not_a_rule_pack_is_a_clean_error(tmp_path):
    result = validate(str(tmp_path))
    assert result.exit_code == 1
    assert "not a rule pack" in result.output


@pytest.mark.slow
def test_real_pack_validates_and_lists_unverified_values():
    """The bundled rules/ (being extended by others): exit 0, the summary, every unverified value listed."""
    result = validate(str(DEFAULT_RULES), "--no-examples")     # the examples: rules/ and `eligibility test`
    assert result.exit_code == 0, f"the real pack does not compile:\n{result.output}"
    assert f"rule pack {DEFAULT_RULES}: OK" in result.output
    plan = compile_pack(DEFAULT_RULES)
    unverified = plan.unverified_values()
    assert f"{len(unverified)} parameter values still unverified (confidence C or D)" in result.output
    listed = [line.strip() for line in result.output.splitlines() if line.startswith("    ")]
    assert len(listed) == len(unverified)
    for (name, value), line in zip(unverified, listed):
        shown = "null (figure not known)" if value.value is None else value.value
        assert line.startswith(f"{name} = {shown} from {value.from_} [{value.confidence}]"), line


@pytest.mark.slow
def test_default_rules_folder_is_the_real_pack():
    assert validate("--no-examples").exit_code == validate(str(DEFAULT_RULES), "--no-examples").exit_code == 0
    assert Path(DEFAULT_RULES, "inputs").is_dir()


def test_validate_help_mentions_file_line():
    result = validate("--help")
    assert result.exit_code == 0
    assert "file:line" in result.output


@pytest.mark.parametrize("args", [("validate", "--lang", "vi"), ("--lang", "vi", "validate")], ids=["own", "root"])
def test_the_summary_is_in_vietnamese_under_lang_vi(args):
    """`validate --lang vi` (or the root's --lang): the summary through the catalogue, figures and dates in
    Vietnamese conventions, citations in Vietnamese style; no English line left."""
    result = CliRunner().invoke(main, [*args, str(BASE), "--as-of", "2025-01-01"])
    assert result.exit_code == 0, result.output
    assert f"bộ quy định {BASE}: hợp lệ" in result.output
    assert "1 chính sách, 2 quy định, 2 biến, 1 tham số, 0 chỉ tiêu, 1 ví dụ" in result.output
    assert "đã chạy 1 ví dụ: đạt 1, không đạt 0" in result.output
    assert "1 giá trị tham số chưa kiểm chứng (mức C hoặc D)" in result.output
    line = next(x for x in result.output.splitlines() if "support.standard = " in x)
    assert line.strip() == ("support.standard = 500.000 đồng/tháng từ 01/07/2024 [C] Nghị định số 76/2024/NĐ-CP "
                            "← đang có hiệu lực")
    english = re.compile(r"\b(?:OK|benefits|rules|examples|unverified|from|in force|passed|failed|Decree)\b")
    assert not english.findall(result.output.replace(str(BASE), "").replace("--use-unverified", "")), result.output


def test_the_summary_keeps_english_under_lang_en():
    result = CliRunner().invoke(main, ["validate", str(BASE), "--lang", "en", "--no-examples"])
    assert result.exit_code == 0 and f"rule pack {BASE}: OK" in result.output
    assert "examples NOT run (--no-examples)" in result.output
