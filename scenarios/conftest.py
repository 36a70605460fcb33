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
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from eligibility import load_rules
from eligibility.packtest.batch import Batch, Screened
from eligibility.packtest.givens import StepError
from eligibility.packtest.scenarios import queue_scenarios
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


class Prescreened:
    """Every scenario's screenings made as `eligibility test` makes them: each When of each feature file
    queued in one batch (the Given steps run as the scenarios run them), a date screened once, when a
    scenario first needs it (so each pytest-xdist worker screens the dates of its own scenarios). A
    screening costs about the same whatever its number of cases: 354 screenings alone cost about 70
    CPU-s, their 117 dates about 20. A When step takes the screening whose inputs are its own, to the
    last value (the date, the unverified flag, every household and member record); a case with
    programme lists or meritorious records, or one not found, is screened alone as before.
    That one batch decides as each case alone: tests/packtest/test_packtest.py."""

    def __init__(self, plan):
        queued = Batch(plan)
        queue_scenarios(plan, Path(__file__).parent, queued)
        self.batch, self.where, self.screened = Batch(plan), {}, {}
        for key, cases in queued.cases.items():
            for number, households, members in cases:
                if number in queued.lists or number in queued.merit:
                    continue        # the audit reads a case's lists: screened alone, with nothing beside it
                inputs = _inputs(key, households, members)
                if inputs not in self.where:
                    self.where[inputs] = (key, self.batch.add(households, members, *key))

    def find(self, case, use_unverified: bool) -> Screened | None:
        if case.lists or case.merit:
            return None
        found = self.where.get(_inputs((case.as_of, bool(use_unverified)), case.households, case.members))
        if found is None:
            return None
        key, number = found
        if number not in self.screened:
            self.screened.update(self.batch.run([key], worded=False))
        return self.screened[number]


def _inputs(key: tuple, households: list[dict], members: list[dict]) -> str:
    """A screening's inputs as text: equal texts, equal inputs (the records' values are dates, numbers,
    texts, booleans and None, whose repr is exact)."""
    return repr((key, households, members))


@pytest.fixture(scope="session")
def prescreened(plan) -> Prescreened:
    return Prescreened(plan)


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
        if kind == "then":
            _then(handler, case, table, kwargs)
            return
        prescreened = kwargs.pop("prescreened", None)
        handler(case, table, **kwargs)
        if kind == "when":      # screened as `eligibility test` screens: the texts written only if a Then fails
            use_unverified = case.unverified_now()
            screened = prescreened.find(case, use_unverified)
            if screened is None:
                batch = Batch(case.plan)
                number = batch.add(case.households, case.members, case.as_of, use_unverified, case.lists,
                                   case.merit)
                screened = batch.run(worded=False)[number]
            case.result, WORDED[id(case)] = screened.decisions, screened.in_words

    fixtures = ["case", "prescreened"] if kind == "when" else ["case"]
    params = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD)
              for n in [*fixtures, *names] + (["datatable"] if with_table else [])]
    step.__signature__ = inspect.Signature(params)
    step.__name__ = f"_{handler.__name__}"
    decorator = {"given": given, "when": when, "then": then}[kind]
    return decorator(parsers.re(pattern), stacklevel=2)(step)


# each case's decisions with their texts, written when asked for (`batch.Screened.in_words`)
WORDED: dict[int, Callable] = {}


def _then(handler, case, table, kwargs) -> None:
    """A Then step on the decisions without their texts (statuses, coverages, amounts, rules, missing inputs:
    what a step compares; test_packtest proves the two tables the same but for the texts); where it does
    not hold, the step again on the worded decisions, whose failure quotes the explanation as before."""
    try:
        handler(case, table, **kwargs)
        return
    except (AssertionError, StepError, KeyError, ValueError):
        worded = WORDED.pop(id(case), None)
        if worded is None:
            raise
    case.result = worded()
    handler(case, table, **kwargs)      # outside the except: the failure reads alone, as it did


@pytest.fixture(autouse=True)
def _forget_the_worded_decisions():
    yield
    WORDED.clear()


for _number, (_kind, _pattern, _handler) in enumerate(STEPS):
    globals()[f"_step_{_number}"] = _bind(_kind, _pattern, _handler)
