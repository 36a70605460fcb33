"""Units, all errors at once, and the static checks policy staff need (warnings and ties)."""
from __future__ import annotations

from eligibility.rulebook.compile import compile_pack
from rulebook_support import PARAMS, POLICY, compile_errors, rel

SECOND_RULE = "        valid: {from: 2021-07-01}\n        conditions:\n          - has_disability == True"


def test_a_mistake_in_one_file_hides_none_in_the_others(make_pack):
    """Three planted mistakes in three files: three errors, sorted by file and line (was: one)."""
    pack = make_pack(
        patches={POLICY: [("          - age >= 60", "          - agee >= 60")],
                 PARAMS: [("        value: 500000", "        value: 500.000")]},
        files={"policies/support/extra.yaml": "benefits:\n  extra:\n    entity: person\n    label: {vi: X, en: X}\n"
                                              "    unit: vnd_per_month\n    hit_policy: maximum\n    rules: []\n"})
    issues = compile_errors(pack)
    assert [(i.code, rel(i, pack), i.line) for i in issues] == [
        ("E-MONEY", PARAMS, 14),
        ("E-NAME-UNKNOWN", POLICY, 26),
        ("E-SCHEMA", "policies/support/extra.yaml", 6),
        ("E-SCHEMA", "policies/support/extra.yaml", 7),
    ]


def test_a_name_declared_in_a_broken_file_is_not_blamed_on_its_users(make_pack):
    pack = make_pack(patches={PARAMS: [("    type: money", "    type: moneyy")]})
    issues = compile_errors(pack)
    assert [i.code for i in issues] == ["E-SCHEMA"], "\n".join(map(str, issues))


def test_a_pack_without_units_loads_with_a_warning_naming_what_is_not_checked(make_pack):
    pack = make_pack(patches={PARAMS: [("    unit: VND/month\n", "")],
                              POLICY: [("          - age >= 60", "          - age >= param('support.standard')")]})
    plan = compile_pack(pack)
    inferred = [w for w in plan.warnings if w.code == "W-UNIT-INFERRED"]
    assert inferred and "support.standard" in inferred[0].message and "not unit-checked" in inferred[0].message


def test_an_unknown_unit_is_an_error_with_a_did_you_mean(make_pack):
    pack = make_pack(patches={PARAMS: [("    unit: VND/month", "    unit: VND/mont")]})
    (issue,) = compile_errors(pack)
    assert issue.code == "E-UNIT" and "unknown unit 'VND/mont'" in issue.message
    assert issue.suggestion == "VND/month"


def test_money_times_a_number_is_money_and_money_over_money_is_a_number(make_pack):
    pack = make_pack(patches={POLICY: [("          - age >= 60", "          - param('support.standard') / "
                                        "param('support.standard') >= 1")]})
    assert compile_pack(pack).benefits        # a ratio compared with a number: fine
    pack = make_pack(patches={POLICY: [("          - age >= 60", "          - age + param('support.standard') > 0")]})
    (issue,) = compile_errors(pack)
    assert issue.code == "E-UNIT" and "adds years and VND/month" in issue.message


def first_pack(make_pack, second_priority: int, second_condition: str):
    return make_pack(patches={POLICY: [
        ("    hit_policy: max", "    hit_policy: first"),
        ("        valid: {from: 2021-07-01}\n        conditions:\n          - age >= 60",
         "        valid: {from: 2021-07-01}\n        priority: 1\n        conditions:\n          - age >= 60"),
        (SECOND_RULE, f"        valid: {{from: 2022-01-01}}\n        priority: {second_priority}\n"
                      f"        conditions:\n          - {second_condition}"),
    ]})


def test_a_rule_shadowed_by_a_higher_priority_subset_is_a_warning(make_pack):
    # the second rule needs age >= 60 AND a poor household: the first (age >= 60, poor) always takes it first
    pack = first_pack(make_pack, 2, "age >= 60\n          - household.is_poor\n          - has_disability == True")
    plan = compile_pack(pack)
    shadowed = [w for w in plan.warnings if w.code == "W-FIRST-SHADOWED"]
    assert len(shadowed) == 1 and "'allowance_disability' can never fire" in shadowed[0].message
    assert rel(shadowed[0], pack) == POLICY


def test_a_rule_with_conditions_of_its_own_is_not_shadowed(make_pack):
    plan = compile_pack(first_pack(make_pack, 2, "has_disability == True"))
    assert not [w for w in plan.warnings if w.code == "W-FIRST-SHADOWED"]


def test_a_parameter_gap_inside_a_rule_window_is_a_warning_naming_the_dates(make_pack):
    pack = make_pack(patches={PARAMS: [("      - from: 2024-07-01", "      - from: 2024-09-01")]})
    plan = compile_pack(pack)
    gaps = [w for w in plan.warnings if w.code == "W-PARAM-GAP"]
    assert gaps and all("2024-07-01 to 2024-08-31" in w.message for w in gaps)
    assert {w.message.split("rule '")[1].split("'")[0] for w in gaps} == {"allowance_elderly_poor",
                                                                         "allowance_disability"}


def test_the_bundled_pack_has_no_unit_error_and_declares_every_unit():
    plan = compile_pack()
    assert not [w for w in plan.warnings if w.code == "W-UNIT-INFERRED"]
