"""The scenarios as pytest tests (pytest-bdd), with the step phrases of `eligibility.packtest.steps`.

The phrases and what they do live in the library (one table, English and Vietnamese), so that
`eligibility test` and pytest run the very same steps; they are listed in scenarios/README.md.
The pack under test is the bundled `rules/`, or the folder named by `ELIGIBILITY_RULES`
(`ELIGIBILITY_RULES=/tmp/my-rules pytest scenarios`); `eligibility test RULES` is the fast way.
"""
from __future__ import annotations

import inspect
import os
import re

import pytest
from pytest_bdd import given, parsers, then, when

from eligibility import load_rules, screen_records
from eligibility.packtest.batch import Batch
from eligibility.packtest.steps import STEPS, Case

# Tags used in the feature files, registered so that `pytest --strict-markers` accepts them.
AREA_TAGS = ("poverty", "health_insurance", "social_assistance", "social_pension", "emergency_relief",
             "meritorious", "education", "credit", "voluntary_si", "housing", "vocational_training",
             "ethnic_minority", "audit")


def pytest_configure(config):
    for area in AREA_TAGS:
        config.addinivalue_line("markers", f"{area}: scenarios of the {area} policy area")
    for n in range(1, 19):
        config.addinivalue_line("markers", f"E{n}: worked example E{n} of POLICIES.md section 13")
    config.addinivalue_line("markers", "threshold: a pair of cases just inside and just outside a legal threshold")


@pytest.fixture(scope="session")
def plan():
    return load_rules(os.environ.get("ELIGIBILITY_RULES") or None)


@pytest.fixture
def case(plan):
    # Several households may be described in one scenario ("the same household in Than Uyên ..."): the last
    # one described is the current one, which "the household has" and the member steps refer to.
    return Case(plan)


def _bind(kind: str, pattern: str, handler):
    """A pytest-bdd step calling `handler(case, table, **groups)`; a When step also screens."""
    names = list(re.compile(pattern).groupindex)
    with_table = pattern.endswith(":$")

    def step(case, **kwargs):
        table = kwargs.pop("datatable", None)
        handler(case, table, **kwargs)
        if kind == "when" and (case.lists or case.merit):   # lists, merit records: as `eligibility test` does
            batch = Batch(case.plan)
            number = batch.add(case.households, case.members, case.as_of, case.unverified_now(), case.lists,
                               case.merit)
            case.result = batch.run()[number].decisions
        elif kind == "when":
            case.result = screen_records(case.households, case.members, case.as_of,
                                         plan=case.plan.with_unverified(case.unverified_now())).decisions

    params = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD)
              for n in ["case", *names] + (["datatable"] if with_table else [])]
    step.__signature__ = inspect.Signature(params)
    step.__name__ = f"_{handler.__name__}"
    decorator = {"given": given, "when": when, "then": then}[kind]
    return decorator(parsers.re(pattern), stacklevel=2)(step)


for _number, (_kind, _pattern, _handler) in enumerate(STEPS):
    globals()[f"_step_{_number}"] = _bind(_kind, _pattern, _handler)
