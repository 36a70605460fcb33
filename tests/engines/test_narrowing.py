"""A rule's rows narrowed condition by condition (vectorised `Decide._rule`) against the scalar evaluator.

The vectorised engine decides a rule without ever building its three-valued outcome: the first
condition's open rows (true or unknown) are found once and shared by every rule that starts from the
same condition, the later conditions are read at those rows only (through `take`), and what is left
splits into the rows where the rule holds and those where it is undecided. Here every condition of
every rule in force is computed again, household by household, by the scalar evaluator (plain Python,
None for unknown), combined by Kleene's `and`, and compared row by row, with the amount where the rule
holds. Unknown cells, dates known to their year or month, several as-of dates.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from durable_helpers import PACK, RandomRegister
from eligibility import load_rules
from eligibility.engines.scalar import Decided, HouseholdContext, ScalarEvaluator, plain_columns, records
from eligibility.engines.scalar.spans import exact
from eligibility.engines.vectorised import Evaluation
from eligibility.engines.vectorised.decide import Decide
from eligibility.records import frames_from_records
from eligibility.vocabulary import Status

from strategies import register_records

STATUS = {s.code: s for s in Status}


def kleene_and(values: list) -> bool | None:
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


def disagreements(plan, ev: Evaluation, as_of: dt.date) -> list[str]:
    """Every rule in force, row by row: the vectorised outcome against the scalar evaluator's. The
    benefits a later expression reads are given to the scalar side as the vectorised engine decided
    them (each one is checked against its own rules here)."""
    scalar = ScalarEvaluator(plan, as_of)
    hh = records(plain_columns(plan, "household", ev.households), ev.n("household"))
    mm = records(plain_columns(plan, "person", ev.members), ev.n("person"))
    starts = np.searchsorted(ev.hh_index, np.arange(len(hh) + 1))
    problems: list[str] = []
    for h in range(len(hh)):
        rows = list(range(starts[h], starts[h + 1]))
        ctx = HouseholdContext(hh[h], [mm[i] for i in rows])
        for name in plan.order:
            if name in plan.variables:
                scalar.compute_variables(ctx, [name])
                continue
            result, benefit = ev.benefits[name], plan.benefits[name]
            targets = [(None, h)] if benefit.entity == "household" else list(enumerate(rows))
            for local, row in targets:
                for outcome in result.outcomes:
                    rule = outcome.rule
                    holds = kleene_and([scalar.value(c.node, ctx, local) for c in rule.conditions]) \
                        if rule.in_force(as_of) else False
                    got = True if outcome.true_at(np.array([row]))[0] else \
                        None if outcome.unknown_at(np.array([row]))[0] else False
                    if got is not holds:
                        problems.append(f"{rule.id} row {row}: vectorised {got}, scalar {holds}")
                    elif holds:
                        problems += _amount_differs(scalar, ctx, local, outcome, row)
                paid = result.amount_at(np.array([row]))
                decided = Decided(STATUS[int(result.status[row])], float(paid.v[0]) if paid.k[0] else None)
                (ctx.hh_benefits if local is None else ctx.person_benefits[local])[name] = decided
    return problems


def _amount_differs(scalar, ctx, local, outcome, row: int) -> list[str]:
    want = exact(scalar.value(outcome.rule.amount, ctx, local))   # a range is unknown, as the engine keeps it
    value = outcome.amount_at(np.array([row]))
    got = float(value.v[0]) if value.k[0] else None
    same = got == want or (got is not None and want is not None and math.isclose(got, want, rel_tol=1e-12))
    return [] if same else [f"{outcome.rule.id} row {row}: amount vectorised {got}, scalar {want}"]


def shared_starts(monkeypatch) -> Counter:
    """How often each condition's open rows were asked for by a rule starting from it."""
    asked: Counter = Counter()
    original = Decide._narrowed_by

    def counting(self, node, value):
        asked[id(node)] += 1
        return original(self, node, value)

    monkeypatch.setattr(Decide, "_narrowed_by", counting)
    return asked


@pytest.mark.slow   # the scalar evaluator over every rule of the pack: a few seconds
@pytest.mark.parametrize("as_of,missing,partial", [(dt.date(2025, 11, 15), 0.15, 0.0),
                                                    (dt.date(2024, 7, 1), 0.5, 0.3)])
def test_every_rule_of_the_pack_holds_where_the_scalar_evaluator_says(monkeypatch, as_of, missing, partial):
    plan = load_rules()
    households, members = RandomRegister(plan, as_of, seed=20, missing=missing, partial=partial).frames(120)
    asked = shared_starts(monkeypatch)
    ev = Evaluation(plan, households, members, as_of).run(threads=1)
    assert max(asked.values()) > 3, "no rule started from a condition another rule had narrowed by"
    problems = disagreements(plan, ev, as_of)
    assert not problems, "\n".join(problems[:20])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=__import__("hypothesis").strategies.data())
def test_rules_of_the_test_pack_hold_where_the_scalar_evaluator_says(data):
    as_of = dt.date(2025, 11, 15)
    plan = load_rules(PACK)
    pool = RandomRegister(plan, as_of)
    hh, mm = data.draw(register_records(plan, pool, max_households=12))
    households, members = frames_from_records(plan.inputs, hh, mm)
    ev = Evaluation(plan, households, members, as_of).run(threads=1)
    problems = disagreements(plan, ev, as_of)
    assert not problems, "\n".join(problems[:20])
