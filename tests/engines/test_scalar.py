"""The scalar evaluator (one household at a time, plain Python) against the vectorised engine."""
from __future__ import annotations

import datetime as dt
import math
import random

import numpy as np
import pytest

from durable_helpers import PACK, RandomRegister
from eligibility import load_rules
from eligibility.engines import values as dv
from eligibility.engines.scalar import (HouseholdContext, ScalarEvaluator, add_months, add_years, date_to_int,
                                        days_between, months_between, plain_columns, records, round_half_up,
                                        years_between)
from eligibility.engines.vectorised import evaluate
from eligibility.examples import decode
from eligibility.rulebook.expressions import BenefitRef, Var, walk


def _dates(n: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    out = [19000101, 20000229, 20240229, 20231231, 20240301, 19991231, 20000101]
    while len(out) < n:
        day = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 140))
        out.append(date_to_int(day))
    return out


def test_date_helpers_agree_with_the_vectorised_ones():
    a = np.array(_dates(400, 1), dtype=np.int64)
    b = np.array(_dates(400, 2), dtype=np.int64)
    n = np.array([random.Random(3).randrange(-40, 40) for _ in a], dtype=np.int64)
    for i in range(len(a)):
        x, y, k = int(a[i]), int(b[i]), int(n[i])
        assert years_between(x, y) == dv.years_between(a[i:i + 1], b[i:i + 1])[0]
        assert months_between(x, y) == dv.months_between(a[i:i + 1], b[i:i + 1])[0]
        assert days_between(x, y) == dv.days_between(a[i:i + 1], b[i:i + 1])[0]
        assert add_years(x, k) == dv.add_years(a[i:i + 1], np.array([k]))[0]
        assert add_months(x, k) == dv.add_months(a[i:i + 1], np.array([k]))[0]
    assert days_between(20240228, 20240301) == 2
    assert years_between(19640815, 20240815) == 60 and years_between(19640816, 20240815) == 59


@pytest.mark.parametrize("x,digits", [(1234567.5, -3), (1499.5, 0), (2.675, 2), (-2.5, 0), (0.5, 0), (999999.99, -6)])
def test_round_half_up_agrees(x, digits):
    assert round_half_up(x, digits) == dv.round_half_up(np.array([x]), np.array([digits]))[0]


def _variables_agree(plan, as_of, households, members):
    ev = evaluate(plan, households, members, as_of)
    scalar = ScalarEvaluator(plan, as_of)
    hh = records(plain_columns(plan, "household", ev.households), len(ev.households))
    mm = records(plain_columns(plan, "person", ev.members), len(ev.members))
    starts = np.searchsorted(ev.hh_index, np.arange(len(hh) + 1))
    needs_benefit: set[str] = set()    # variables that read a benefit's decision (directly or not)
    for name in plan.order:
        if name in plan.variables and any(isinstance(n, BenefitRef) or (isinstance(n, Var) and n.name in needs_benefit)
                                          for n in walk(plan.variables[name].node)):
            needs_benefit.add(name)
    before_benefits = [n for n in plan.order if n in plan.variables and n not in needs_benefit]
    problems = []
    for h in range(len(hh)):
        rows = list(range(starts[h], starts[h + 1]))
        ctx = HouseholdContext(hh[h], [mm[i] for i in rows])
        scalar.compute_variables(ctx, before_benefits)
        for name in before_benefits:
            var = plan.variables[name]
            targets = [(None, h)] if var.entity == "household" else list(enumerate(rows))
            for local, row in targets:
                got = ctx.hh_vars[name] if local is None else ctx.person_vars[local][name]
                if var.type.kind == "date":     # yyyymmdd (add_months may give a 31 February, in both)
                    value = ev.variables[name]
                    want = int(value.v[row]) if bool(value.k[row]) else None
                else:
                    want = decode(ev, name, row)
                same = got == want or (isinstance(got, float) and isinstance(want, float)
                                       and math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-9))
                if not same:
                    problems.append(f"{name} row {row}: scalar {got!r}, vectorised {want!r}")
    assert not problems, "\n".join(problems[:20])
    return len(before_benefits)


@pytest.mark.parametrize("as_of", [dt.date(2019, 6, 1), dt.date(2025, 11, 15)])
def test_scalar_variables_match_on_the_test_pack(as_of):
    plan = load_rules(PACK)
    hh, mm = RandomRegister(plan, as_of, seed=7).frames(150)
    assert _variables_agree(plan, as_of, hh, mm) >= 20


def test_scalar_variables_match_on_the_rule_pack():
    plan = load_rules()
    as_of = dt.date(2025, 11, 15)
    hh, mm = RandomRegister(plan, as_of, seed=11).frames(120)
    _variables_agree(plan, as_of, hh, mm)
