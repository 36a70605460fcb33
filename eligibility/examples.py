"""Run the `examples:` written in rule files: an input household, an as-of date, expected decisions."""
from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from .api import Screening, screen_records
from .rulebook.compile import Plan
from .rulebook.schema import Example, ExpectedDecision


def run_example(plan: Plan, example: Example, engine: str = "vectorised") -> list[str]:
    """Screen the example's household; return one message per expectation that does not hold."""
    household = dict(example.household)
    members = [dict(m, household_id=m.get("household_id", household.get("household_id"))) for m in example.members]
    result = screen_records([household], members, example.as_of, plan=plan, engine=engine)
    return [msg for exp in example.expect if (msg := check_expectation(result, exp, members))]


def check_expectation(result: Screening, exp: ExpectedDecision, members: list[dict]) -> str | None:
    if exp.variable:
        return _check_variable(result, exp, members)
    rows = result.decisions[result.decisions["benefit"] == exp.benefit]
    if exp.benefit not in result.plan.benefits:
        return f"unknown benefit '{exp.benefit}'"
    if result.plan.benefits[exp.benefit].entity == "person":
        person = exp.person or (members[0]["person_id"] if len(members) == 1 else None)
        if person is None:
            return f"{exp.benefit}: say which `person` (the household has {len(members)} members)"
        rows = rows[rows["person_id"] == person]
    if exp.rule and len(rows) > 1:
        rows = rows[rows["rule"] == exp.rule] if (rows["rule"] == exp.rule).any() else rows
    if rows.empty:
        return f"{exp.benefit}: no decision found"
    row = rows.iloc[0]
    got = {"status": row["status"], "coverage": row["coverage"], "amount": row["amount"], "rule": row["rule"],
           "missing": [m.strip() for m in str(row["missing_inputs"]).split(",") if m.strip()]}
    problems = []
    for key in ("status", "coverage", "rule"):
        want = getattr(exp, key)
        if want is not None and got[key] != want:
            problems.append(f"{key} {got[key]!r}, expected {want!r}")
    if exp.amount is not None and not (isinstance(got["amount"], float) and math.isclose(got["amount"], exp.amount,
                                                                                         abs_tol=0.5)):
        problems.append(f"amount {got['amount']!r}, expected {exp.amount!r}")
    if exp.missing is not None and sorted(exp.missing) != sorted(got["missing"]):
        problems.append(f"missing inputs {got['missing']}, expected {exp.missing}")
    if problems:
        who = "" if pd.isna(row["person_id"]) else f" for {row['person_id']}"
        return f"{exp.benefit}{who}: " + "; ".join(problems) + f" — explanation: {row['explanation']}"
    return None


def _check_variable(result: Screening, exp: ExpectedDecision, members: list[dict]) -> str | None:
    ev = result.evaluation
    if ev is None:
        return None  # variables are the vectorised engine's; other engines are compared on decisions
    if exp.variable not in ev.variables:
        return f"unknown variable '{exp.variable}'"
    entity = result.plan.variables[exp.variable].entity
    index = 0
    if entity == "person":
        person = exp.person or members[0]["person_id"]
        index = int(np.flatnonzero(ev.members["person_id"].to_numpy(dtype=object) == person)[0])
    got = decode(ev, exp.variable, index)
    want = exp.value
    if isinstance(want, dt.date):
        want = want.isoformat()
    same = (math.isclose(got, want, abs_tol=1e-6) if isinstance(got, float) and isinstance(want, (int, float))
            and not isinstance(want, bool) else got == want)
    return None if same else f"variable {exp.variable}: {got!r}, expected {want!r}"


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
