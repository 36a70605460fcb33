"""The plan's targets (`rules/targets/*.yaml`) measured on a screened register.

For each target: the population (denominator) is the households or persons whose `population`
expression is known true; the numerator those of them whose `indicator` is known true. Unknowns
are never counted as yes or no: `unknown` counts population members whose indicator is unknown,
`population_unknown` the rows whose membership of the population is unknown (reported, not
counted). Then

* share: value = numerator ÷ (denominator − unknown), i.e. over those whose indicator is known;
  `low` and `high` are the values if every unknown were no / yes (numerator ÷ denominator,
  (numerator + unknown) ÷ denominator);
* count: value = numerator, low = numerator, high = numerator + unknown.

A share target may be written as a fraction (0.98) or a percentage (98); it is reported as a
fraction. `track` is `on_track` when the value meets the target in its direction even at the worst
of the unknowns, `off_track` when it misses it even at the best, `undetermined` otherwise.
`to_reach` is how many more households/persons must meet the indicator (or stop meeting it, for an
upper bound) for the value to meet the target.
"""
from __future__ import annotations

import math
import operator

import numpy as np
import pandas as pd

COLUMNS = ["id", "label", "reference", "entity", "measure", "numerator", "denominator", "unknown",
           "population_unknown", "value", "low", "high", "direction", "target", "year", "baseline", "track",
           "to_reach"]
Counts = tuple[int, ...]   # numerator, denominator, unknown, population_unknown
OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


def compute_targets(screening, lang: str = "en") -> pd.DataFrame:
    """One row per target of the screening's plan (columns: `COLUMNS`)."""
    return target_table(screening.plan, target_counts(screening.plan, _evaluation(screening)), lang)


def target_counts(plan, ev) -> dict[str, Counts]:
    """Per target: (numerator, denominator, unknown, population_unknown) over an evaluation — counts,
    so that the parts of a partitioned register add up."""
    counts = {}
    for target_id in sorted(plan.targets):
        compiled = plan.targets[target_id]
        entity = compiled.spec.entity
        n = ev.n(entity)
        pop = ev.eval(compiled.population, entity).full(n)
        ind = ev.eval(compiled.indicator, entity).full(n)
        in_pop = pop.true
        counts[target_id] = (int(np.count_nonzero(in_pop & ind.true)), int(np.count_nonzero(in_pop)),
                             int(np.count_nonzero(in_pop & ~ind.k)), int(np.count_nonzero(~pop.k)))
    return counts


def add_counts(parts: list[dict[str, Counts]]) -> dict[str, Counts]:
    """The counts of a register from those of its parts."""
    ids = sorted({target_id for part in parts for target_id in part})
    return {t: tuple(int(x) for x in np.sum([part[t] for part in parts if t in part], axis=0)) for t in ids}


def target_table(plan, counts: dict[str, Counts], lang: str = "en") -> pd.DataFrame:
    """The targets' values, bounds and track from their counts."""
    rows = []
    for target_id in sorted(plan.targets):
        spec = plan.targets[target_id].spec
        numerator, denominator, unknown, population_unknown = counts[target_id]
        goal = float(spec.target)
        baseline = None if spec.baseline is None else float(spec.baseline)
        if spec.measure == "share":
            goal = goal / 100 if goal > 1 else goal
            baseline = baseline / 100 if baseline is not None and baseline > 1 else baseline
            known = denominator - unknown
            value = numerator / known if known else math.nan
            low = numerator / denominator if denominator else math.nan
            high = (numerator + unknown) / denominator if denominator else math.nan
        else:
            value, low, high = float(numerator), float(numerator), float(numerator + unknown)
        rows.append({
            "id": target_id, "label": getattr(spec.label, lang), "reference": spec.reference.cite(lang),
            "entity": spec.entity, "measure": spec.measure, "numerator": numerator, "denominator": denominator,
            "unknown": unknown, "population_unknown": population_unknown, "value": value, "low": low, "high": high,
            "direction": spec.direction, "target": goal, "year": int(spec.year), "baseline": baseline,
            "track": _track(spec.direction, goal, low, high),
            "to_reach": _to_reach(spec.measure, spec.direction, goal, numerator, denominator - unknown),
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for name in ("numerator", "denominator", "unknown", "population_unknown", "year"):
        frame[name] = frame[name].astype("int64")
    for name in ("value", "low", "high", "target", "baseline"):
        frame[name] = frame[name].astype(float)
    frame["to_reach"] = frame["to_reach"].astype("Int64")
    return frame


def _evaluation(screening):
    """The screening's vectorised evaluation (re-run with the vectorised engine when another engine screened)."""
    if screening.evaluation is not None:
        return screening.evaluation
    register = screening.register
    if register is None:
        raise ValueError("targets need the screened frames: screen with the vectorised engine or from a register")
    from ..engines.vectorised import evaluate

    screening.evaluation = evaluate(screening.plan, register.households, register.members, screening.as_of)
    return screening.evaluation


def _track(direction: str, goal: float, low: float, high: float) -> str:
    if math.isnan(low) or math.isnan(high):
        return "undetermined"
    meets = OPS[direction]
    worst, best = (low, high) if direction in (">=", ">") else (high, low)
    if meets(worst, goal):
        return "on_track"
    if not meets(best, goal):
        return "off_track"
    return "undetermined"


def _to_reach(measure: str, direction: str, goal: float, numerator: int, known: int) -> int | None:
    """How many more (or fewer) must meet the indicator, among those whose indicator is known."""
    if measure == "share":
        if known <= 0:
            return None
        need = goal * known
    else:
        need = goal
    eps = 1e-9
    if direction == ">=":
        return max(0, math.ceil(need - eps) - numerator)
    if direction == ">":
        return max(0, math.floor(need + eps) + 1 - numerator)
    if direction == "<=":
        return max(0, numerator - math.floor(need + eps))
    return max(0, numerator - (math.ceil(need - eps) - 1))
