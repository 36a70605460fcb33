"""One broken fixture pack per error kind: each must fail with its stable code at the exact file:line.

Every fixture in `fixtures/<code-ish-name>/` is `fixtures/_base` with one planted mistake (the first
comment line of the changed file says what and where). The table below is the contract the compiler
keeps with a policy officer: code, file, line, key path, and where it helps, `allowed` and the
did-you-mean `suggestion`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from eligibility.examples import run_example
from eligibility.rulebook.compile import compile_pack
from rulebook_support import PARAMS, POLICY, broken_fixtures, compile_errors, rel

RULES = "benefits.monthly_allowance.rules"


@dataclass(frozen=True)
class Expect:
    code: str
    file: str
    line: int
    key: str
    allowed: str | None = None          # exact `allowed`, when given
    suggestion: str | None = None       # exact did-you-mean, when given
    message: tuple[str, ...] = ()       # fragments the message must contain


EXPECTED: dict[str, Expect] = {
    "e-yaml-syntax": Expect("E-YAML-SYNTAX", POLICY, 27, ""),
    "e-range": Expect("E-RANGE", "parameters/support.yaml", 14, "parameters.support.standard.values.1.value",
                      message=("inf is not a number a law can state",), allowed="an amount in VND from 0 to 10^12"),
    "e-yaml-encoding": Expect("E-YAML-ENCODING", POLICY, 11, "", message=("byte 0xf4 is not UTF-8 text",)),
    "e-yaml-depth": Expect("E-YAML-DEPTH", POLICY, 40, "", message=("nested more than 64 levels",)),
    "e-yaml-alias": Expect("E-YAML-ALIAS", POLICY, 51, "", message=("expand this data to more than 200,000 values",)),
    "e-yaml-duplicate-key": Expect("E-YAML-DUPLICATE-KEY", POLICY, 13, "age",
                                   message=("duplicate key 'age'", "first defined on line 3")),
    "e-schema-unknown-key": Expect("E-SCHEMA", POLICY, 25, f"{RULES}.0.conditons",
                                   allowed="amount, conditions, id, label, note, priority, rate, reference, valid",
                                   suggestion="conditions", message=("unknown key 'conditons'",)),
    "e-schema-wrong-type": Expect("E-SCHEMA", POLICY, 24, f"{RULES}.0.priority", message=("integer",)),
    "e-schema-bad-value": Expect("E-SCHEMA", POLICY, 19, "benefits.monthly_allowance.hit_policy",
                                 allowed="'max', 'sum', 'first' or 'all'", suggestion="max",
                                 message=("'maximum' is not allowed",)),
    "e-schema-missing-key": Expect("E-SCHEMA", POLICY, 29, f"{RULES}.1.reference", message=("required",)),
    "e-schema-column-type": Expect("E-SCHEMA", "inputs/members.yaml", 32, "columns.pension.type",
                                   allowed="'text', 'enum', 'bool', 'int', 'number', 'money' or 'date'",
                                   suggestion="money", message=("'mony' is not allowed",)),
    "e-expr-syntax": Expect("E-EXPR-SYNTAX", POLICY, 26, f"{RULES}.0.conditions.0", message=("age >= = 60",)),
    "e-expr-forbidden": Expect("E-EXPR-FORBIDDEN", POLICY, 28, f"{RULES}.0.amount", message=("Pow",)),
    "e-name-unknown": Expect("E-NAME-UNKNOWN", POLICY, 26, f"{RULES}.0.conditions.0", suggestion="age",
                             message=("unknown name 'agee'",)),
    "e-enum-value": Expect("E-ENUM-VALUE", POLICY, 12, "variables.is_poor.formula",
                           allowed="poor, near_poor, none", suggestion="poor", message=("'poorr'",)),
    "e-type-date-vs-number": Expect("E-TYPE", POLICY, 34, f"{RULES}.1.conditions.0",
                                    message=("cannot compare a date with a number",)),
    "e-type-text-arithmetic": Expect("E-TYPE", POLICY, 12, "variables.is_poor.formula",
                                     message=("arithmetic '+' needs a number, got text",)),
    "e-cycle": Expect("E-CYCLE", POLICY, 3, "variables.age", message=("age", "is_old", "cycle")),
    "e-param-overlap": Expect("E-PARAM-OVERLAP", PARAMS, 13, "parameters.support.standard.values.1",
                              message=("2024-01-01", "2024-06-30")),
    "e-param-unknown": Expect("E-PARAM-UNKNOWN", POLICY, 35, f"{RULES}.1.amount", suggestion="support.standard",
                              message=("unknown parameter 'support.standrd'",)),
    "e-entity": Expect("E-ENTITY", POLICY, 12, "variables.is_poor.formula",
                       message=("'has_disability' is a person value",)),
    "e-hit-policy": Expect("E-HIT-POLICY", POLICY, 21, f"{RULES}.0.id", allowed="an integer; lower fires first",
                           message=("allowance_elderly_poor", "priority", "first")),
    "e-date-window": Expect("E-DATE-WINDOW", POLICY, 24, f"{RULES}.0.valid", message=("2024-12-31", "2025-01-01")),
    "e-date-window-parameter": Expect("E-DATE-WINDOW", PARAMS, 8, "parameters.support.standard.values.0",
                                      message=("2020-06-30",)),
    "e-name-duplicate-rule-id": Expect("E-NAME-DUPLICATE", POLICY, 29, f"{RULES}.1.id",
                                       message=("allowance_elderly_poor", "allowance.yaml:21")),
    "e-name-duplicate-variable": Expect("E-NAME-DUPLICATE", "policies/support/elderly.yaml", 3, "variables.age",
                                        message=("'age' is already defined", "allowance.yaml:3")),
    # An example naming a benefit that does not exist must be caught when the pack compiles, not only
    # when `pytest rules/` runs the example (see docs/errors.md, E-EXAMPLE).
    "e-example": Expect("E-EXAMPLE", POLICY, 44, "examples.0.expect.0.benefit", suggestion="monthly_allowance",
                        message=("monthly_alowance",)),
    "e-unit": Expect("E-UNIT", POLICY, 26, f"{RULES}.0.conditions.0", message=("compares years with VND/month",)),
    "e-unit-amount": Expect("E-UNIT", POLICY, 35, f"{RULES}.1.amount",
                            message=("the amount is in years", "pays VND/month")),
    "e-money": Expect("E-MONEY", PARAMS, 14, "parameters.support.standard.values.1.value", suggestion="500000",
                      message=("500.000", "500_000")),
    "e-priority-tie": Expect("E-PRIORITY-TIE", POLICY, 25, f"{RULES}.0.priority",
                             allowed="different priorities, or windows that do not overlap",
                             message=("allowance_disability", "allowance_elderly_poor", "priority 1")),
}


def test_base_pack_is_valid_and_its_example_holds():
    from rulebook_support import BASE

    plan = compile_pack(BASE)
    assert set(plan.variables) == {"age", "is_poor"}
    assert set(plan.benefits) == {"monthly_allowance"}
    assert [n for n, _ in plan.unverified_values()] == ["support.standard"]
    assert [run_example(plan, ex) for _, _, ex in plan.examples] == [[]]


def test_every_fixture_has_an_expectation():
    assert sorted(EXPECTED) == broken_fixtures()


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_fixture_reports_its_error_at_file_line(fixture, make_pack):
    want = EXPECTED[fixture]
    pack = make_pack(fixture)
    issues = compile_errors(pack)
    assert len(issues) == 1, "one planted mistake, one issue (no cascade):\n" + "\n".join(map(str, issues))
    issue = issues[0]
    assert issue.code == want.code, str(issue)
    assert rel(issue, pack) == want.file
    assert issue.line == want.line, str(issue)
    assert issue.key == want.key
    if want.allowed is not None:
        assert issue.allowed == want.allowed
    if want.suggestion is not None:
        assert issue.suggestion == want.suggestion
        assert f"did you mean '{want.suggestion}'?" in str(issue)
    for fragment in want.message:
        assert fragment in issue.message, issue.message
    # The printed form a policy officer sees: file:line: CODE at 'key': message
    assert str(issue).startswith(f"{issue.file}:{want.line}: {want.code} at '{want.key}': ")


def test_all_problems_of_a_pack_are_reported_at_once(make_pack):
    """Three independent expression mistakes in one file: three issues, each on its own line."""
    pack = make_pack(patches={POLICY: [("- age >= 60", "- agee >= 60"),
                                       ("formula: poverty_list_status == 'poor'",
                                        "formula: poverty_list_status == 'poorr'"),
                                       ("amount: param('support.standard') * 2",
                                        "amount: param('support.standrd') * 2")]})
    got = sorted((i.line, i.code) for i in compile_errors(pack))
    assert got == [(12, "E-ENUM-VALUE"), (26, "E-NAME-UNKNOWN"), (35, "E-PARAM-UNKNOWN")]


def test_schema_errors_in_several_files_are_reported_together(make_pack):
    pack = make_pack(patches={
        "inputs/households.yaml": [("  income_per_capita:\n    type: money", "  income_per_capita:\n    type: mony")],
        PARAMS: [("confidence: C", "confidence: E")],
        POLICY: [("hit_policy: max", "hit_policy: maximum")],
    })
    got = sorted((rel(i, pack), i.line, i.key, i.suggestion) for i in compile_errors(pack))
    assert got == [
        ("inputs/households.yaml", 25, "columns.income_per_capita.type", "money"),
        (PARAMS, 16, "parameters.support.standard.values.1.confidence", None),
        (POLICY, 19, "benefits.monthly_allowance.hit_policy", "max"),
    ]


def test_duplicate_key_deep_in_a_rule_names_both_lines(make_pack):
    pack = make_pack(patches={POLICY: [("        amount: param('support.standard') * 2",
                                        "        amount: param('support.standard') * 2\n"
                                        "        amount: param('support.standard') * 3")]})
    (issue,) = compile_errors(pack)
    assert (issue.code, issue.line, issue.key) == ("E-YAML-DUPLICATE-KEY", 36, "amount")
    assert "first defined on line 35" in issue.message


def test_comma_inside_a_flow_label_is_an_unknown_key_on_that_line(make_pack):
    """`{vi: Hộ nghèo, cận nghèo, en: ...}`: the comma splits the text into a new key (a common slip)."""
    pack = make_pack(patches={POLICY: [("label: {vi: Hộ nghèo, en: Poor household}",
                                        "label: {vi: Hộ nghèo, cận nghèo, en: Poor household}")]})
    (issue,) = compile_errors(pack)
    assert (issue.code, issue.line, issue.key) == ("E-SCHEMA", 11, "variables.is_poor.label.cận nghèo")
    assert issue.allowed == "en, vi"


def test_variable_named_like_an_input_column_is_a_duplicate(make_pack):
    pack = make_pack(patches={POLICY: [("  is_poor:\n    entity: household", "  owns_land:\n    entity: household")]})
    issues = compile_errors(pack)
    first = issues[0]
    assert (first.code, first.line, first.key) == ("E-NAME-DUPLICATE", 8, "variables.owns_land")
    assert "input column" in first.message


# ---------------------------------------------------------------- gaps found while writing these tests
# Each test below fails against the compiler as it is; the final report of the task that wrote them
# describes the fix. They are deliberately not marked xfail.

def test_impossible_calendar_date_is_a_located_error_not_a_crash(make_pack):
    """`from: 2024-02-30` made PyYAML raise a bare ValueError out of the loader (a traceback in the CLI)."""
    pack = make_pack(patches={PARAMS: [("- from: 2024-07-01", "- from: 2024-02-30")]})
    (issue,) = compile_errors(pack)
    assert issue.code in ("E-SCHEMA", "E-YAML-SYNTAX")
    assert (rel(issue, pack), issue.line) == (PARAMS, 13)
    assert "2024-02-30" in issue.message


def test_typo_in_a_labelled_condition_is_one_issue_with_did_you_mean(make_pack):
    """A condition is `str | AnyOf | Labeled`: a typo must not surface as one error per union member
    (with `.str` in the key path and no did-you-mean)."""
    pack = make_pack(patches={POLICY: [("- household.is_poor",
                                        "- {whn: household.is_poor, label: {vi: Hộ nghèo, en: Poor}}")]})
    issues = compile_errors(pack)
    assert [(i.code, i.line, i.key, i.suggestion) for i in issues] == [
        ("E-SCHEMA", 27, f"{RULES}.0.conditions.1.whn", "when")]


def test_allowed_keys_are_spelled_as_in_yaml(make_pack):
    """`from` and `else` are Python keywords, stored as `from_`/`else_`; the officer must see `from`."""
    pack = make_pack(patches={PARAMS: [("- from: 2024-07-01", "- frm: 2024-07-01")]})
    unknown = [i for i in compile_errors(pack) if i.key.endswith(".frm")]
    assert len(unknown) == 1
    assert unknown[0].suggestion == "from"
    assert "from_" not in (unknown[0].allowed or "")
    assert "from" in (unknown[0].allowed or "").split(", ")


ENUM_VARIABLE = """
  status_by_income:
    entity: household
    type: enum
    values: [poor, near_poor, none]
    label: {vi: Phân loại theo thu nhập, en: Status by income}
    cases:
      - when: income_per_capita <= 1500000
        then: THEN
      - else: ELSE

benefits:"""


def test_enum_variable_accepts_quoted_codes_as_documented(make_pack):
    """docs/rule-format.md writes `then: "'poor'"` / `else: "'none'"`; that must compile."""
    table = ENUM_VARIABLE.replace("THEN", "\"'poor'\"").replace("ELSE", "\"'none'\"")
    pack = make_pack(patches={POLICY: [("\n\nbenefits:", table)]})
    plan = compile_pack(pack)
    assert plan.variables["status_by_income"].type.values == ("poor", "near_poor", "none")


@pytest.mark.parametrize("then", ["poorr", "\"'poorr'\""])
def test_enum_variable_outcome_typo_is_an_enum_value_error(make_pack, then):
    pack = make_pack(patches={POLICY: [("\n\nbenefits:", ENUM_VARIABLE.replace("THEN", then).replace("ELSE", "none"))]})
    issues = compile_errors(pack)
    assert [(i.code, i.line, i.key, i.suggestion) for i in issues] == [
        ("E-ENUM-VALUE", 20, "variables.status_by_income.cases.0.then", "poor")]
    assert issues[0].allowed == "poor, near_poor, none"
