"""Why a row is not eligible: the closest rule's failed conditions, with the figures of a failed
numeric comparison ('income_per_capita <= poverty_line → 1,620,000 vs 1,500,000 (120,000 above)').

Each failed condition is coded per row (one code per distinct pair of figures), the codes of a row
make one key, and each distinct key is written once: building the strings row by row as numpy
object arrays, then looking each up again, was a fifth of the explanations' time at 1 M persons.

`conditions_at` gives the conditions of several rules at some rows, each distinct condition computed
once: a benefit's rules share most of theirs (monthly_social_allowance: 93 conditions, 28 distinct),
and computing them rule by rule was most of the explanations' time.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..engines.vectorised import BenefitResult, Evaluation
from ..rulebook.expressions import Compare
from ..engines.values import V
from ..rulebook.plan import CompiledCondition, CompiledRule
from ..vocabulary import WORDS, failed_figures
from ..wording.formats import format_date
from .table import Texts


def why_not(ev: Evaluation, result: BenefitResult, rows: np.ndarray, lang: str,
            texts: Texts) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the code of the closest rule's failed conditions with their values, and that rule's index."""
    words = WORDS[lang]
    index = [i for i, o in enumerate(result.outcomes) if o.rule.in_force(ev.as_of)]
    live = [result.outcomes[i] for i in index]
    if not live:
        return (np.full(len(rows), texts.code(f"{words['off']} {format_date(ev.as_of, lang)}"), dtype=np.int32),
                np.full(len(rows), len(result.outcomes), dtype=np.int64))
    entity = result.benefit.entity
    values = conditions_at(ev, entity, [o.rule for o in live], rows)
    fails = np.stack([np.sum([c.false for c in conds], axis=0) if conds else np.zeros(len(rows))
                      for conds in values], axis=1)
    closest = np.argmin(fails, axis=1)
    local = np.zeros(len(rows), dtype=np.int64)      # per row, its failed pieces as one key (within its rule)
    pieces: list[list[tuple[np.ndarray, list[str]]]] = [[] for _ in live]
    for i, outcome in enumerate(live):
        here = np.flatnonzero(closest == i)
        if not len(here):
            continue
        for cond, value in zip(outcome.rule.conditions, values[i]):
            bad = value.false[here]
            if not bad.any():
                continue
            codes, table = _failed_piece(ev, cond, entity, rows[here[bad]], lang)
            piece = np.full(len(rows), -1, dtype=np.int64)
            piece[here[bad]] = codes
            pieces[i].append((piece, table))
            local[here] = pd.factorize(local[here] * (len(table) + 1) + piece[here] + 1)[0]
    inverse, keys = pd.factorize(closest.astype(np.int64) * max(len(rows), 1) + local)
    # keys are numbered in order of first appearance: each one's first row is where the running maximum rises
    first = np.flatnonzero(np.diff(np.maximum.accumulate(inverse), prepend=-1) > 0)
    written = [texts.code(_text(live[closest[r]].rule.label, pieces[closest[r]], r, lang))
               for r in first.tolist()]
    return np.array(written, dtype=np.int32)[inverse], np.asarray(index, dtype=np.int64)[closest]


def _text(label, pieces: list[tuple[np.ndarray, list[str]]], row: int, lang: str) -> str:
    words = WORDS[lang]
    failed = [table[piece[row]] for piece, table in pieces if piece[row] >= 0]
    return f"{getattr(label, lang)} — {words['failed']}: " + "; ".join(failed)


def _failed_piece(ev: Evaluation, cond: CompiledCondition, entity: str, rows: np.ndarray,
                  lang: str) -> tuple[np.ndarray, list[str]]:
    """The text of a failed condition at each of `rows`, as codes into a table of texts: its label, and
    for a numeric comparison the figures of both sides and the gap, one text per distinct pair."""
    node = cond.node
    base = condition_text(cond, lang)
    if not (isinstance(node, Compare) and node.left.type.kind == "number" and node.right.type.kind == "number"):
        return np.zeros(len(rows), dtype=np.int64), [base]
    # at the failing rows only (as `conditions_at`): computing the sides for every row of the register
    # kept them, and everything under them, in the evaluation's memo to the end of the run
    left_v = ev.at(node.left, entity, rows).full(len(rows))
    right_v = ev.at(node.right, entity, rows).full(len(rows))
    left, right = left_v.v.astype(np.float64), right_v.v.astype(np.float64)
    left_code, lefts = pd.factorize(left.view(np.int64))       # by the bits, as the figures are written
    right_code, rights = pd.factorize(right.view(np.int64))
    pair, pairs = pd.factorize(left_code.astype(np.int64) * len(rights) + right_code)
    lefts, rights = np.asarray(lefts).view(np.float64), np.asarray(rights).view(np.float64)
    table = [failed_figures(base, lefts[p // len(rights)], rights[p % len(rights)], lang) for p in pairs.tolist()]
    ranged = left_v.ranged | right_v.ranged       # a range (an age from a year of birth): no single figure
    if np.any(ranged):
        return np.where(ranged, len(table), pair), table + [base]
    return pair.astype(np.int64), table


def condition_text(cond: CompiledCondition, lang: str) -> str:
    return getattr(cond.label, lang) if cond.label else cond.text


def conditions_at(ev: Evaluation, entity: str, rules: list[CompiledRule], rows: np.ndarray,
                  where: list[np.ndarray] | None = None) -> list[list[V]]:
    """`ev.conditions_at(rule, entity, rows)` for each rule, or at `rows[where[i]]` for rule i (a mask
    over `rows`). A condition several rules share is computed once, at the rows any of them needs."""
    wanted = where or [None] * len(rules)
    need: dict[int, list] = {}     # condition node -> [node, mask of rows (None: all), rules reading it]
    for rule, mask in zip(rules, wanted):
        for cond in rule.conditions:
            entry = need.setdefault(id(cond.node), [cond.node, None if mask is None else mask.copy(), 0])
            if entry[2] and entry[1] is not None:
                entry[1] = None if mask is None else entry[1] | mask
            entry[2] += 1
    computed: dict[int, tuple[V, np.ndarray | None]] = {}
    for key, (node, mask, _) in need.items():
        at = rows if mask is None else rows[mask]
        computed[key] = (ev.at(node, entity, at).full(len(at)), mask)
    out = []
    for rule, mask in zip(rules, wanted):
        values = []
        for cond in rule.conditions:
            value, computed_at = computed[id(cond.node)]
            if need[id(cond.node)][2] == 1 or mask is None and computed_at is None:   # computed at these rows
                values.append(value)
            else:   # rows[mask] among the rows it was computed at
                values.append(value.at(np.flatnonzero(mask) if computed_at is None else (np.cumsum(computed_at) - 1)[mask]))
        out.append(values)
    return out
