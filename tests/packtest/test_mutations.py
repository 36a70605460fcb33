"""The examples and scenarios are strong enough to notice a changed figure.

Each test changes one figure in a copy of the bundled pack — a share, a rate, a threshold — and
asserts that some example or scenario of that area fails. If one of these passes, the examples
compare too loosely (as they did with ±0.5: a 70 % share could not be told from 100 %).
"""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from eligibility.api import load_rules
from eligibility.packtest import DEFAULT_SCENARIOS, run_pack_tests
from eligibility.rulebook.load import DEFAULT_RULES

MUTATIONS = {
    # parameter file, parameter, the `from` of the dated value changed, old value, new value, scenario area
    "share: near-poor HI support 70% -> 80%": (
        "health_insurance.yaml", "health_insurance.support.near_poor", "2025-07-01", "0.7", "0.8", "health_insurance"),
    "rate: poor-household loans 6.24% -> 6.6%": (
        "credit.yaml", "credit.rate.poor", "2025-12-01", "0.0624", "0.066", "credit"),
    "threshold: social pension age 75 -> 76": (
        "social_pension.yaml", "social_pension.age_general", "2025-07-01", "75", "76", "social_pension"),
}


def mutate(folder: Path, file: str, parameter: str, start: str, old: str, new: str) -> None:
    """Change one dated value of one parameter, and nothing else."""
    path = folder / "parameters" / file
    text = path.read_text(encoding="utf-8")
    at = text.index(f"value: {old}\n", text.index(f"from: {start}", text.index(f"  {parameter}:\n")))
    path.write_text(text[:at] + f"value: {new}\n" + text[at + len(f"value: {old}\n"):], encoding="utf-8")


def of_area(plan, area: str):
    """The pack with only the examples written in that area's policy files: the test asks whether the
    area's own examples and scenarios notice the change (the whole pack's examples cost 40 s a mutation)."""
    mine = tuple(e for e in plan.examples if Path(e[0].path).parent.name == area)
    assert mine, f"no examples under rules/policies/{area}"
    return dataclasses.replace(plan, examples=mine)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_changed_figure_breaks_some_example_or_scenario(tmp_path, name):
    file, parameter, start, old, new, area = MUTATIONS[name]
    copy = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, copy)
    mutate(copy, file, parameter, start, old, new)
    assert load_rules(copy).parameters[parameter].spec.values != load_rules().parameters[parameter].spec.values
    result = run_pack_tests(of_area(load_rules(copy), area), DEFAULT_SCENARIOS / area)
    assert result.failures, f"no example or scenario noticed the mutation {name}"
