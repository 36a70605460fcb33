"""Decisions: one row per (person or household, benefit), with status, coverage, amount and why.

Built column-wise from an `Evaluation`: statuses and amounts are arrays; texts that repeat
(labels, references, explanations of unknowns) are made once per distinct pattern and indexed;
per-row texts with actual values (why a rule failed) are built only for the rows that need them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .engines.values import V
from .engines.vectorised import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, BenefitResult, Evaluation
from .rulebook.compile import CompiledCondition, CompiledRule
from .rulebook.expressions import Compare, Node

STATUS = np.array(["not_eligible", "eligible", "undetermined"], dtype=object)
COVERAGE_CODES = np.array(["none", "covered", "gap", "leakage", "needs_data"], dtype=object)
NONE, COVERED, GAP, LEAKAGE, NEEDS_DATA = range(5)

COLUMNS = ["household_id", "person_id", "name", "district", "commune", "village", "benefit", "benefit_label",
           "entity", "status", "coverage", "amount", "unit", "rate", "rule", "rule_label", "reference",
           "explanation", "missing_inputs", "unverified"]


def coverage(result: BenefitResult) -> np.ndarray:
    """covered / gap / leakage / needs_data / none, from the decision and `enrolled_when`."""
    status = result.status
    if result.enrolled is None:
        return np.where(status == UNDETERMINED, NEEDS_DATA, NONE).astype(np.int8)
    enrolled = result.enrolled
    out = np.full(len(status), NONE, dtype=np.int8)
    eligible = status == ELIGIBLE
    out[eligible & enrolled.true] = COVERED
    out[eligible & enrolled.false] = GAP
    out[eligible & ~enrolled.k] = NEEDS_DATA
    out[(status == NOT_ELIGIBLE) & enrolled.true] = LEAKAGE
    out[status == UNDETERMINED] = NEEDS_DATA
    return out


def build_decisions(ev: Evaluation, include_all: bool = False, lang: str = "en") -> pd.DataFrame:
    """The entitlements table. By default rows that matter: eligible, undetermined, or enrolled
    (leakage); `include_all` adds every not-eligible decision with why it failed."""
    frames = [_benefit_rows(ev, ev.benefits[name], include_all, lang) for name in sorted(ev.benefits)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    out = pd.concat(frames, ignore_index=True)
    return out[COLUMNS]


def _benefit_rows(ev: Evaluation, result: BenefitResult, include_all: bool, lang: str) -> pd.DataFrame:
    cov = coverage(result)
    keep = (result.status != NOT_ELIGIBLE) | (cov == LEAKAGE) | include_all
    rows = np.flatnonzero(keep)
    if result.benefit.hit_policy != "all":
        return _rows(ev, result, cov, rows, lang, result.rule_index[rows].astype(np.int64), result.amount.v[rows])
    # hit policy `all`: one row per matching rule, plus one row where no rule matches
    holds = np.stack([o.holds.true[rows] for o in result.outcomes], axis=1)
    parts = [_rows(ev, result, cov, rows[holds[:, i]], lang, np.full(int(holds[:, i].sum()), i),
                   o.amount.v[rows[holds[:, i]]]) for i, o in enumerate(result.outcomes) if holds[:, i].any()]
    rest = rows[~holds.any(axis=1)]
    parts.append(_rows(ev, result, cov, rest, lang, np.full(len(rest), -1), np.full(len(rest), np.nan)))
    return pd.concat(parts, ignore_index=True)


def _rows(ev: Evaluation, result: BenefitResult, cov: np.ndarray, rows: np.ndarray, lang: str,
          rule_idx: np.ndarray, amount: np.ndarray) -> pd.DataFrame:
    benefit = result.benefit
    status = result.status[rows]
    frame = _identity(ev, benefit.entity, rows)
    frame["benefit"] = benefit.id
    frame["benefit_label"] = getattr(benefit.label, lang)
    frame["entity"] = benefit.entity
    frame["status"] = STATUS[status]
    frame["coverage"] = COVERAGE_CODES[cov[rows]]
    frame["amount"] = np.where(status == ELIGIBLE, amount, np.nan)
    frame["unit"] = benefit.unit
    frame["rate"] = result.rate.v[rows]
    rules = benefit.rules
    ids = np.array([r.id for r in rules] + [""], dtype=object)
    labels = np.array([getattr(r.label, lang) for r in rules] + [""], dtype=object)
    cites = np.array([r.reference.cite() for r in rules] + [""], dtype=object)
    pick = np.where((rule_idx >= 0) & (status == ELIGIBLE), rule_idx, len(rules))
    if benefit.hit_policy == "sum" and result.matches is not None:
        frame["rule"] = _joined(result.matches[rows], ids[:-1], "+")
        frame["reference"] = _joined(result.matches[rows], cites[:-1], "; ")
    else:
        frame["rule"] = ids[pick]
        frame["reference"] = cites[pick]
    frame["rule_label"] = labels[pick]
    explanation, missing = _explain(ev, result, rows, lang, np.where(pick < len(rules), pick, 0))
    frame["explanation"] = explanation
    frame["missing_inputs"] = missing
    frame["unverified"] = _unverified(ev, rules)[pick]
    return frame


def _identity(ev: Evaluation, entity: str, rows: np.ndarray) -> pd.DataFrame:
    base = _identity_columns(ev)
    hh_rows = ev.hh_index[rows] if entity == "person" else rows
    person = base["person_id"][rows] if entity == "person" else np.full(len(rows), None, dtype=object)
    name = base["full_name"][rows] if entity == "person" else base["head_name"][hh_rows]
    return pd.DataFrame({"household_id": base["household_id"][hh_rows], "person_id": person, "name": name,
                         "district": base["district"][hh_rows], "commune": base["commune"][hh_rows],
                         "village": base["village"][hh_rows]})


def _identity_columns(ev: Evaluation) -> dict[str, np.ndarray]:
    """Ids, names and places as object arrays, converted once per evaluation (not once per benefit)."""
    cached = getattr(ev, "_identity_cache", None)
    if cached is None:
        hh, mm = ev.households, ev.members
        cached = {name: _col(hh, name) for name in ("household_id", "head_name", "district", "commune", "village")}
        cached.update({name: _col(mm, name) for name in ("person_id", "full_name")})
        ev._identity_cache = cached
    return cached


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), None, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), None).to_numpy(dtype=object)


def _joined(mask: np.ndarray, texts: np.ndarray, sep: str) -> np.ndarray:
    """Per row, the texts whose column is true, joined — built once per distinct pattern."""
    return _by_pattern(mask, lambda pattern: sep.join(texts[pattern]))


def _by_pattern(matrix: np.ndarray, make) -> np.ndarray:
    """Apply `make(pattern_row)` once per distinct boolean row pattern and spread the results."""
    if matrix.shape[0] == 0:
        return np.empty(0, dtype=object)
    if matrix.shape[1] == 0:
        return np.full(matrix.shape[0], make(np.zeros(0, dtype=bool)), dtype=object)
    packed = np.packbits(matrix, axis=1)
    keys = np.ascontiguousarray(packed).view(np.dtype((np.void, packed.shape[1]))).ravel()
    uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    texts = np.array([make(matrix[i]) for i in first], dtype=object)
    return texts[inverse.ravel()]


def _unverified(ev: Evaluation, rules: list[CompiledRule]) -> np.ndarray:
    """Per rule: the unverified (confidence C/D) parameter values it uses on the as-of date."""
    out = []
    for rule in rules:
        notes = []
        for name in sorted(rule.params):
            value = ev.params.get(name)
            if value is not None and not value.verified:
                notes.append(f"{name}={_fmt_value(value.value)} ({value.confidence})")
        out.append("; ".join(notes))
    return np.array(out + [""], dtype=object)


def _fmt_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else str(value)


# ---------------------------------------------------------------- explanations
WORDS = {
    "en": {"holds": "all conditions hold", "unknown": "unknown", "failed": "not met", "off": "no rule in force on",
           "above": "above", "below": "below", "short": "short of", "over": "over"},
    "vi": {"holds": "đủ mọi điều kiện", "unknown": "chưa rõ", "failed": "không đạt", "off": "không có quy định hiệu lực ngày",
           "above": "cao hơn", "below": "thấp hơn", "short": "còn thiếu", "over": "vượt"},
}


def _explain(ev: Evaluation, result: BenefitResult, rows: np.ndarray, lang: str,
             applied: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    words = WORDS[lang]
    status = result.status[rows]
    explanation = np.full(len(rows), "", dtype=object)
    missing = np.full(len(rows), "", dtype=object)
    rules = result.benefit.rules
    outcomes = result.outcomes
    # eligible: the applying rule's conditions all hold
    eligible = status == ELIGIBLE
    if eligible.any():
        texts = np.array([f"{words['holds']}: " + "; ".join(_cond_text(c, lang) for c in r.conditions)
                          if r.conditions else words["holds"] for r in rules], dtype=object)
        explanation[eligible] = texts[applied[eligible]]
    # undetermined: the unknown conditions of the first undecided rule, and the inputs missing
    undecided = status == UNDETERMINED
    if undecided.any():
        sub = rows[undecided]
        unknown_rule = np.stack([~o.holds.k[sub] for o in outcomes], axis=1)
        first = np.argmax(unknown_rule, axis=1)
        expl = np.full(len(sub), "", dtype=object)
        for i, outcome in enumerate(outcomes):
            here = first == i
            if not here.any() or not outcome.conditions:
                continue
            unknown = np.stack([~c.k[sub[here]] for c in outcome.conditions], axis=1)
            conds = rules[i].conditions
            expl[here] = _by_pattern(unknown, lambda p, conds=conds: f"{words['unknown']}: " + "; ".join(
                _cond_text(c, lang) for c, u in zip(conds, p) if u))
        explanation[undecided] = expl
        missing[undecided] = _missing_inputs(ev, result, sub)
    # not eligible (leakage or --all): the closest rule's failed conditions, with values and distance
    failed = status == NOT_ELIGIBLE
    if failed.any():
        explanation[failed] = _why_not(ev, result, rows[failed], lang)
    return explanation, missing


def _missing_inputs(ev: Evaluation, result: BenefitResult, rows: np.ndarray) -> np.ndarray:
    """Which register inputs, missing for this row, leave an undecided rule unknown."""
    inputs = sorted(set().union(*(c.inputs for o in result.outcomes for c in o.rule.conditions
                                  if o.conditions)))
    if not inputs:
        return np.full(len(rows), "", dtype=object)
    entity = result.benefit.entity
    matrix = np.zeros((len(rows), len(inputs)), dtype=bool)
    relevant = {}
    for o in result.outcomes:
        undecided = ~o.holds.k[rows]
        for c, val in zip(o.rule.conditions, o.conditions):
            unknown = undecided & ~val.k[rows]
            for inp in c.inputs:
                relevant[inp] = relevant.get(inp, False) | unknown
    for j, (ent, name) in enumerate(inputs):
        known = ev.column(ent, name).full(ev.n(ent)).k
        if ent == "household" and entity == "person":
            known = known[ev.hh_index[rows]]
        elif ent == entity:
            known = known[rows]
        else:
            continue  # a member input behind a household aggregate: named through the aggregate
        matrix[:, j] = ~known & relevant.get((ent, name), False)
    names = np.array([name if ent == entity else f"{'household.' if ent == 'household' else 'member.'}{name}"
                      for ent, name in inputs], dtype=object)
    return _by_pattern(matrix, lambda p: ", ".join(names[p]))


def _why_not(ev: Evaluation, result: BenefitResult, rows: np.ndarray, lang: str) -> np.ndarray:
    words = WORDS[lang]
    outcomes = [o for o in result.outcomes if o.conditions or o.rule.in_force(ev.as_of)]
    live = [o for o in result.outcomes if o.rule.in_force(ev.as_of)]
    if not live:
        return np.full(len(rows), f"{words['off']} {ev.as_of.isoformat()}", dtype=object)
    fails = np.stack([np.sum([c.false[rows] for c in o.conditions], axis=0) if o.conditions
                      else np.zeros(len(rows)) for o in live], axis=1)
    closest = np.argmin(fails, axis=1)
    out = np.full(len(rows), "", dtype=object)
    for i, outcome in enumerate(live):
        here = np.flatnonzero(closest == i)
        if not len(here):
            continue
        sub = rows[here]
        text = np.full(len(sub), f"{getattr(outcome.rule.label, lang)} — {words['failed']}: ", dtype=object)
        sep = np.full(len(sub), "", dtype=object)
        for cond, val in zip(outcome.rule.conditions, outcome.conditions):
            bad = val.false[sub]
            if not bad.any():
                continue
            piece = _failed_piece(ev, cond, result.benefit.entity, sub, lang)
            text = np.where(bad, text + sep + piece, text)
            sep = np.where(bad, "; ", sep)
        out[here] = text
    return out


def _failed_piece(ev: Evaluation, cond: CompiledCondition, entity: str, rows: np.ndarray, lang: str) -> np.ndarray:
    """'income_per_capita = 1,620,000 (needs <= 1,500,000; 120,000 above)' for a numeric comparison."""
    node = cond.node
    base = _cond_text(cond, lang)
    if not (isinstance(node, Compare) and node.left.type.kind == "number" and node.right.type.kind == "number"):
        return np.full(len(rows), base, dtype=object)
    left = ev.eval(node.left, entity).full(ev.n(entity)).v[rows].astype(float)
    right = ev.eval(node.right, entity).full(ev.n(entity)).v[rows].astype(float)
    words = WORDS[lang]
    gap = left - right
    direction = np.where(gap > 0, words["above"], words["below"])
    return (f"{base} → " + _fmt_numbers(left) + " vs " + _fmt_numbers(right) + " ("
            + _fmt_numbers(np.abs(gap)) + " " + direction + ")").astype(object)


def _fmt_numbers(values: np.ndarray) -> np.ndarray:
    """Thousands-separated numbers, formatted once per distinct value."""
    uniq, inverse = np.unique(values, return_inverse=True)
    texts = np.array([f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}" for v in uniq], dtype=object)
    return texts[inverse.ravel()]


def _cond_text(cond: CompiledCondition, lang: str) -> str:
    return getattr(cond.label, lang) if cond.label else cond.text
