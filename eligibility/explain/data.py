"""The structured explanation of one household: for it and each member, each benefit's decision,
the rules that pay (every one of them under hit policy `sum`), the nearest miss of a decision that
is not eligible, and each rule's conditions with the value, the threshold and their unit.

This is the single-household path (a few rows), so it walks the rules of one household in plain
Python; the batch path never comes here.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from ..decisions import coverage
from ..engines.vectorised import Evaluation
from ..rulebook.expressions import Compare
from ..rulebook.periods import not_encoded_text
from ..rulebook.plan import CompiledRule
from ..vocabulary import LATEST_SUFFIX, PARTIAL_NEEDS, Coverage, HitPolicy, Status, partial_need
from ..rulebook.wordings import code_labels
from ..wording import N_, translator
from .units import param_unit, subject_unit

ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.UNDETERMINED
PARTIAL_WORDS = {PARTIAL_NEEDS["year"]: N_("day and month missing"), PARTIAL_NEEDS["month"]: N_("day missing")}
NEAR = 0.10   # a threshold missed by at most 10 % of its value (or by 1) is a near miss
FEW_ROWS = 256   # an evaluation this small computes a condition for every row at once (`_condition_values`)


def explain_household(ev: Evaluation, household_id: str) -> dict[str, Any]:
    """A structured explanation (JSON-ready) for one household of an evaluation."""
    hh = ev.households
    positions = np.flatnonzero(hh["household_id"].to_numpy(dtype=object) == household_id)
    if not len(positions):
        raise KeyError(household_id)
    h = int(positions[0])
    out = {"household_id": household_id, "as_of": ev.as_of.isoformat(),
           "commune": _plain(hh, "commune", h), "district": _plain(hh, "district", h),
           "village": _plain(hh, "village", h), "benefits": [], "members": []}
    out["benefits"] = [_decision(ev, r, h) for r in ev.benefits.values() if r.benefit.entity == "household"]
    for m in np.flatnonzero(ev.hh_index == h):
        person = {"person_id": _plain(ev.members, "person_id", m), "name": _plain(ev.members, "full_name", m),
                  "date_of_birth": _plain(ev.members, "date_of_birth", m),
                  "benefits": [_decision(ev, r, int(m)) for r in ev.benefits.values() if r.benefit.entity == "person"]}
        out["members"].append(person)
    return out


def _plain(frame, column: str, row: int) -> Any:
    if column not in frame.columns:
        return None
    value = frame[column].iloc[row]
    if value is None or (not isinstance(value, str) and np.ndim(value) == 0 and _isna(value)):
        return None
    if hasattr(value, "date") and not isinstance(value, str):
        latest = frame[column + LATEST_SUFFIX].iloc[row] if column + LATEST_SUFFIX in frame.columns else None
        if latest is not None and not _isna(latest):   # known to its year or month: the interval, not a day
            return f"{value.date().isoformat()} – {latest.date().isoformat()}"
        return value.date().isoformat()
    return str(value)


def _isna(value) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _decision(ev: Evaluation, result, row: int) -> dict[str, Any]:
    benefit = result.benefit
    status = Status.from_code(result.status[row])
    applied = int(result.rule_index[row])
    entry = {"benefit": benefit.id, "label": {"vi": benefit.label.vi, "en": benefit.label.en},
             "status": status.value, "coverage": Coverage.from_code(coverage(result)[row]).value,
             "unit": benefit.unit, "hit_policy": benefit.hit_policy.value,
             "amount": float(result.amount.v[row]) if bool(result.amount.k[row]) else None,
             "rate": float(result.rate.v[row]) if bool(result.rate.k[row]) else None,
             "rule": benefit.rules[applied].id if status == ELIGIBLE and applied >= 0 else None,
             "not_encoded": None if benefit.encodes(ev.as_of)
             else {lang: not_encoded_text(benefit, ev.as_of, lang) for lang in ("vi", "en")},
             "rules": [_rule(ev, rule, outcome, benefit.entity, row)
                       for rule, outcome in zip(benefit.rules, result.outcomes)]}
    # hit policies max/sum: an undecided rule that could raise the amount leaves it a minimum
    pending = int(result.pending_at(np.array([row]))[0]) if status == ELIGIBLE else 0
    entry["amount_is_minimum"] = bool(pending)
    entry["pending_rules"] = [r.id for i, r in enumerate(benefit.rules) if pending >> i & 1]
    entry["paid"] = _paid(result, row, entry) if status == ELIGIBLE else []
    entry["nearest"] = nearest_rule(entry["rules"]) if status == NOT_ELIGIBLE else None
    entry["near_miss"] = _near_miss(entry) if status == NOT_ELIGIBLE else None
    return entry


def _paid(result, row: int, entry: dict) -> list[str]:
    """The rules that pay: the one chosen, or under hit policy `sum` every rule that holds (whose
    amounts add up to the decision's amount)."""
    if result.benefit.hit_policy != HitPolicy.SUM:
        return [entry["rule"]] if entry["rule"] else []
    return [r["id"] for r in entry["rules"] if r["in_force"] and r["holds"] is True]


def _failed(rule: dict) -> list[dict]:
    return [c for c in rule["conditions"] if c["result"] is False]


def _shortfall(cond: dict) -> float:
    """How far a failed condition is from holding, relative to its threshold (1: not a number)."""
    if cond.get("distance") is None:
        return 1.0
    return min(1.0, abs(cond["distance"]) / max(1.0, abs(cond["threshold"] or 0)))


def nearest_rule(rules: list[dict]) -> str | None:
    """The rule in force that came closest to holding: fewest failed conditions, then the
    smallest shortfall on them, then fewest unknowns; ties by precedence (the rules' order)."""
    live = [(len(_failed(r)), sum(_shortfall(c) for c in _failed(r)),
             sum(c["result"] is None for c in r["conditions"]), i) for i, r in enumerate(rules) if r["in_force"]]
    if not live:
        return None
    return rules[min(live)[3]]["id"]


def _near_miss(entry: dict) -> str | None:
    """The nearest rule when all its conditions hold but one threshold (a number compared with a
    number) missed by little: the distance to that threshold is what would change the outcome."""
    rule = next((r for r in entry["rules"] if r["id"] == entry["nearest"]), None)
    if rule is None:
        return None
    failed = _failed(rule)
    unknown = [c for c in rule["conditions"] if c["result"] is None]
    if len(failed) == 1 and not unknown and failed[0].get("distance") is not None \
            and abs(failed[0]["distance"]) <= max(1.0, NEAR * abs(failed[0]["threshold"] or 0)):
        return rule["id"]
    return None


def _rule(ev: Evaluation, rule: CompiledRule, outcome, entity: str, row: int) -> dict[str, Any]:
    in_force = rule.in_force(ev.as_of)
    holds = _kleene(outcome.holds, row)
    info = {"id": rule.id, "label": {"vi": rule.label.vi, "en": rule.label.en}, "reference": _citations(rule.reference),
            "in_force": in_force, "valid_from": _iso(rule.valid_from), "valid_to": _iso(rule.valid_to),
            "holds": holds, "conditions": [], "parameters": []}
    if not in_force:
        return info
    amount = outcome.amount_at(np.array([row])) if holds else None
    info["amount"] = float(amount.v[0]) if amount is not None and bool(amount.k[0]) else None
    values = _condition_values(ev, rule, entity, row)
    info["conditions"] = [_condition(ev, cond, value, entity, row) for cond, value in zip(rule.conditions, values)]
    info["parameters"] = [_parameter(ev, name) for name in sorted(rule.params)]
    return info


def _condition_values(ev: Evaluation, rule: CompiledRule, entity: str, row: int) -> list:
    """Each condition of `rule` at `row`. An evaluation of one household (`explain`) has a few rows:
    each condition is computed for all of them once and remembered, and the many rules sharing it
    read it (a household's explanation reads about 2,000 conditions). On a larger evaluation only
    `row` is computed, as the rules' earlier conditions need not hold there."""
    rows = np.array([row])
    if ev.n(entity) > FEW_ROWS:
        return ev.conditions_at(rule, entity, rows)
    return [ev.eval(c.node, entity).full(ev.n(entity)).at(rows) for c in rule.conditions]


def _condition(ev: Evaluation, cond, value, entity: str, row: int) -> dict[str, Any]:
    item = {"text": cond.text, "label": None if cond.label is None else {"vi": cond.label.vi, "en": cond.label.en},
            "result": _kleene(value, 0)}
    node = cond.node
    if isinstance(node, Compare) and node.left.type.kind in ("number", "date"):
        left = ev.eval(node.left, entity).full(ev.n(entity))
        right = ev.eval(node.right, entity).full(ev.n(entity))
        item["actual"] = _shown(left, row, node.left.type.kind)
        item["threshold"] = _shown(right, row, node.right.type.kind)
        item["unit"] = subject_unit(ev.plan, node.left) or subject_unit(ev.plan, node.right)
        ranged = bool(left.ranged[row]) if left.hi is not None else False
        if node.left.type.kind == "number" and bool(left.k[row]) and bool(right.k[row]) and not ranged:
            item["distance"] = float(left.v[row]) - float(right.v[row])
    if item["result"] is None:
        item["missing"] = sorted(_missing(ev, cond.inputs, entity, row))
        item["missing_labels"] = _input_labels(ev.plan, item["missing"])
    return item


_PARAMETERS: dict[int, tuple[Evaluation, dict[str, dict[str, Any]]]] = {}


def _parameter(ev: Evaluation, name: str) -> dict[str, Any]:
    """A parameter as the evaluation's date gives it; described once per evaluation (a household's
    explanation lists some 1,600 parameters of its rules, about a hundred different ones)."""
    kept = _PARAMETERS.get(id(ev))
    if kept is None or kept[0] is not ev:
        _PARAMETERS.clear()   # one evaluation at a time: the last one explained
        kept = _PARAMETERS[id(ev)] = (ev, {})
    if name not in kept[1]:
        kept[1][name] = _described(ev, name)
    return dict(kept[1][name])


def _described(ev: Evaluation, name: str) -> dict[str, Any]:
    value = ev.params.get(name)
    spec = ev.plan.parameters[name]
    withheld = spec.withheld(ev.as_of) if value is None else None
    shown = value or withheld
    return {"name": name, "label": {"vi": spec.spec.label.vi, "en": spec.spec.label.en},
            "unit": param_unit(spec.spec), "value": None if value is None else value.value,
            "from": None if shown is None else shown.from_.isoformat(),
            "reference": None if shown is None else _citations(shown.reference),
            "confidence": None if shown is None else shown.confidence,
            "withheld": withheld is not None, "withheld_value": None if withheld is None else withheld.value,
            "value_labels": code_labels(ev.plan, value.value) if value is not None and isinstance(value.value, list)
            else None}


_CITED: dict[int, tuple[Any, dict[str, str]]] = {}


def _citations(reference) -> dict[str, str]:
    """The reference cited in both languages; rendered once per reference object (a household's
    explanation cites the same few hundred references thousands of times)."""
    cached = _CITED.get(id(reference))
    if cached is None or cached[0] is not reference:
        cached = _CITED[id(reference)] = (reference, {lang: reference.cite(lang) for lang in ("vi", "en")})
    return dict(cached[1])


def _missing(ev: Evaluation, inputs, entity: str, row: int) -> set[str]:
    out = set()
    for ent, name in inputs:
        value = ev.column(ent, name).full(ev.n(ent))
        known = value.k
        at = row if ent == entity else int(ev.hh_index[row]) if ent == "household" and entity == "person" else None
        if at is not None and value.hi is not None and bool(value.ranged[at]):   # a date known to its year or month
            out.add(partial_need(name if ent == entity else f"household.{name}", int(value.v[at]), int(value.hi[at])))
        elif ent == entity and not bool(known[row]):
            out.add(name)
        elif ent == "household" and entity == "person" and not bool(known[ev.hh_index[row]]):
            out.add(f"household.{name}")
        elif ent == "person" and entity == "household" and not known[ev.hh_index == row].all():
            out.add(f"member.{name}")
    return out


def _input_labels(plan, names: list[str]) -> dict[str, list[str]]:
    """The register's column labels of the missing inputs, in both languages."""
    out: dict[str, list[str]] = {"vi": [], "en": []}
    for shown in names:
        name, _, need = shown.partition(" (")
        table = plan.inputs.households if name.startswith("household.") else plan.inputs.members
        if not name.startswith(("household.", "member.")):
            table = plan.inputs.households if name in plan.inputs.households.columns else plan.inputs.members
        column = table.columns.get(name.split(".")[-1])
        for lang in out:
            label = getattr(column.label, lang) if column else name
            out[lang].append(f"{label} ({_partial_words(need.rstrip(')'), lang)})" if need else label)
    return out


def _partial_words(need: str, lang: str) -> str:
    """What a date known to its year or month lacks, in the reader's words."""
    _ = translator(lang)
    return _(PARTIAL_WORDS[need]) if need in PARTIAL_WORDS else need


def _kleene(value, row: int) -> bool | None:
    return bool(value.v[row]) if bool(value.k[row]) else None


def _shown(value, row: int, kind: str) -> Any:
    """The value at `row` (None: unknown); a range known only to lie between two values (an age from
    a year of birth) as 'low – high', never one of its bounds."""
    if not bool(value.k[row]):
        return None
    if value.hi is not None and bool(value.ranged[row]):
        return f"{_plain_number(_show(value.v[row], kind))} – {_plain_number(_show(value.hi[row], kind))}"
    return _show(value.v[row], kind)


def _plain_number(value) -> str:
    return f"{value:.0f}" if isinstance(value, float) and value.is_integer() else str(value)


def _show(value, kind: str) -> Any:
    if kind == "date":
        value = int(value)
        return dt.date(value // 10000, value // 100 % 100, value % 100).isoformat()
    return float(value)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
