"""Run the `examples:` written in rule files: an input household, an as-of date, expected decisions.

Figures are compared exactly (`packtest/figures.py`): money to the đồng, shares and rates as
decimals; a tolerance only where the example names the rounding rule of the law.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

import numpy as np
import pandas as pd

from .api import screen_records
from .errors import say
from .messages import language
from .packtest.figures import MONEY_UNITS, same_figure
from .packtest.words import expected_field, figure, rate_words, shown_value
from .rulebook.plan import Plan
from .rulebook.schema import Example, ExpectedDecision
from .wording.catalogue import N_


@dataclass
class ExampleView:
    """What one example's checks read: its decisions and its variables' values (however it was screened)."""

    plan: Plan
    decisions: object                                    # a DataFrame or `packtest.batch.Decisions`
    variable: Callable[[str, str | None], Any] | None   # (name, person id or None) -> plain value; None: not available


def run_example(plan: Plan, example: Example, engine: str = "vectorised") -> list[str]:
    """Screen the example's household alone; return one message per expectation that does not hold."""
    households, members = example_records(example)
    plan = plan.with_unverified(example.use_unverified)
    result = screen_records(households, members, example.as_of, plan=plan, engine=engine)
    lookup = None
    if result.evaluation is not None:
        ev = result.evaluation
        lookup = lambda name, person: variable_value(ev, name, person)   # noqa: E731
    return check_example(ExampleView(plan, result.decisions, lookup), example)


def example_records(example: Example) -> tuple[list[dict], list[dict]]:
    household = dict(example.household)
    members = [dict(m, household_id=m.get("household_id", household.get("household_id"))) for m in example.members]
    return [household], members


def check_example(view: ExampleView, example: Example) -> list[str]:
    members = example_records(example)[1]
    return [msg for exp in example.expect if (msg := check_expectation(view, exp, members))]


def check_expectation(view: ExampleView, exp: ExpectedDecision, members: list[dict]) -> str | None:
    if exp.variable:
        return _check_variable(view, exp, members)
    from .packtest.batch import Decisions

    plan = view.plan
    if exp.benefit not in plan.benefits:
        return say(N_("unknown benefit '{benefit}'"), benefit=exp.benefit)
    benefit = plan.benefits[exp.benefit]
    view.decisions = Decisions.of(view.decisions)
    rows = view.decisions.find(exp.benefit)
    if benefit.entity == "person":
        person = exp.person or (members[0]["person_id"] if len(members) == 1 else None)
        if person is None:
            return say(N_("{benefit}: say which `person` (the household has {n} members)"), benefit=exp.benefit,
                       n=len(members))
        rows = [r for r in rows if r["person_id"] == person]
    if exp.rule and len(rows) > 1 and any(r["rule"] == exp.rule for r in rows):
        rows = [r for r in rows if r["rule"] == exp.rule]
    if not rows:
        return say(N_("{benefit}: no decision found"), benefit=exp.benefit)
    row = rows[0]
    problems = _differences(row, exp, benefit.unit)
    if problems:
        who = "" if row["person_id"] is None else say(N_(" for {person}"), person=row["person_id"])
        return say(N_("{benefit}{who}: {problems} — explanation: {explanation}"), benefit=exp.benefit, who=who,
                   problems="; ".join(problems), explanation=row["explanation"])
    return None


def _differences(row, exp: ExpectedDecision, unit: str) -> list[str]:
    """What the decision `row` has that the example did not expect, one text per field (`packtest.words`:
    in the run's language, English as it was)."""
    got = {"status": row["status"], "coverage": row["coverage"], "rule": row["rule"]}
    problems = [expected_field(key, got[key], getattr(exp, key)) for key in ("status", "coverage", "rule")
                if getattr(exp, key) is not None and got[key] != getattr(exp, key)]
    if exp.amount is not None and not same_figure(_number(row["amount"]), exp.amount, exp.tolerance):
        within = ""
        if exp.tolerance:
            tolerance = f"{exp.tolerance:g}" if language() == "en" else figure(exp.tolerance, unit)
            within = say(N_(" (± {tolerance}, {rounding})"), tolerance=tolerance, rounding=exp.rounding)
        problems.append(expected_field("amount", figure(_number(row["amount"]), unit), figure(exp.amount, unit))
                        + within)
    if exp.rate is not None and not same_figure(_number(row["rate"]), exp.rate):
        problems.append(expected_field("rate", rate_words(_number(row["rate"])), rate_words(exp.rate)))
    if exp.amount_is_minimum is not None and bool(row.get("amount_is_minimum")) != exp.amount_is_minimum:
        problems.append(expected_field("amount_is_minimum", bool(row.get("amount_is_minimum")), exp.amount_is_minimum))
    if exp.missing is not None:
        missing = sorted(m.strip() for m in str(row["missing_inputs"] or "").split(",") if m.strip())
        if sorted(exp.missing) != missing:
            problems.append(expected_field("missing", missing, sorted(exp.missing)))
    if unit in MONEY_UNITS and exp.amount is not None and float(exp.amount) != int(exp.amount):
        problems.append(say(N_("expected amount {amount} is not a whole number of đồng"), amount=exp.amount))
    return problems


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _check_variable(view: ExampleView, exp: ExpectedDecision, members: list[dict]) -> str | None:
    if view.variable is None:
        return None  # variables are the vectorised engine's; other engines are compared on decisions
    if exp.variable not in view.plan.variables:
        return say(N_("unknown variable '{name}'"), name=exp.variable)
    person = None
    if view.plan.variables[exp.variable].entity == "person":
        person = exp.person or members[0]["person_id"]
    got = view.variable(exp.variable, person)
    want = exp.value
    if isinstance(want, dt.date):
        want = want.isoformat()
    numeric = isinstance(got, float) and isinstance(want, (int, float)) and not isinstance(want, bool)
    same = same_figure(got, want) if numeric else got == want
    return None if same else say(N_("variable {name}: {got}, expected {want}"), name=exp.variable,
                                 got=shown_value(got), want=shown_value(want))


def variable_value(ev, name: str, person: str | None, household: str | None = None) -> Any:
    """A variable's value for one person (or the first / named household) of an evaluation."""
    if person is not None:
        index = int(np.flatnonzero(ev.members["person_id"].to_numpy(dtype=object) == person)[0])
    elif household is not None:
        index = int(np.flatnonzero(ev.households["household_id"].to_numpy(dtype=object) == household)[0])
    else:
        index = 0
    return decode(ev, name, index)


def decode(ev, name: str, index: int) -> Any:
    """One variable's value for one row, as a plain Python value (None when unknown)."""
    value = ev.variables[name]
    if not bool(value.k[index]):
        return None
    kind = ev.plan.variables[name].type.kind
    raw = value.v[index]
    if kind in ("enum", "text"):
        return ev.enums.codes()[int(raw)]
    if kind == "bool":
        return bool(raw)
    if kind == "date":
        raw = int(raw)
        return dt.date(raw // 10000, raw // 100 % 100, raw % 100).isoformat()
    return float(raw)
