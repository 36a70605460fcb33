"""The operators of the expression language over whole columns, in three-valued (Kleene) logic.

Each takes its operands through `get` (every row, or some rows: see `EvaluationCore.at`). Division
by zero and overflows are unknown, never infinity; an interval (a date known to its year or month)
decides a comparison only where every value in it decides it alike (`values.interval_compare`).
"""
from __future__ import annotations

import functools

import numpy as np

from ...rulebook.expressions import Arith, BoolOp, Call, Compare, IfElse, In, Neg, Not
from ...rulebook.functions import FUNCTIONS
from ..values import Mask, V, call_bounds, interval_arith, interval_compare, kleene_and, kleene_or, known_both
from .core import EvaluationCore, Get


class Operators(EvaluationCore):
    """The node kinds computed from their operands."""

    def _Compare(self, node: Compare, get: Get) -> V:
        left, right = get(node.left), get(node.right)
        op = node.op
        if left.hi is not None or right.hi is not None:
            return interval_compare(op, left, right)
        with np.errstate(invalid="ignore"):
            if op == "==":
                value = left.v == right.v
            elif op == "!=":
                value = left.v != right.v
            elif op == "<":
                value = left.v < right.v
            elif op == "<=":
                value = left.v <= right.v
            elif op == ">":
                value = left.v > right.v
            else:
                value = left.v >= right.v
        return V(np.asarray(value, dtype=bool), known_both(left.k, right.k))

    def _BoolOp(self, node: BoolOp, get: Get) -> V:
        items = [get(i) for i in node.items]
        return kleene_and(items) if node.op == "and" else kleene_or(items)

    def _Not(self, node: Not, get: Get) -> V:
        inner = get(node.inner)
        return V(~np.asarray(inner.v, dtype=bool), inner.k)

    def _Arith(self, node: Arith, get: Get) -> V:
        left, right = get(node.left), get(node.right)
        if left.hi is not None or right.hi is not None:
            return interval_arith(node.op, left, right)
        a, b = np.asarray(left.v, dtype=float), np.asarray(right.v, dtype=float)
        known = known_both(left.k, right.k)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if node.op == "+":
                value = a + b
            elif node.op == "-":
                value = a - b
            elif node.op == "*":
                value = a * b
            else:
                known = known & (b != 0)       # division by zero is unknown, not infinity
                value = a / b if node.op == "/" else floor_divide(a, b) if node.op == "//" else np.mod(a, b)
        if np.asarray(left.v).dtype.kind in "iu" and np.asarray(right.v).dtype.kind in "iu":
            # integers (below 2**63) give finite floats, bar a division by zero, unknown already: no pass
            return V(value, known)
        return V(value, known & np.isfinite(value))   # an overflow (inf, NaN) is unknown, never a number

    def _Neg(self, node: Neg, get: Get) -> V:
        inner = get(node.inner)
        return V(-np.asarray(inner.upper, dtype=float), inner.k,
                 None if inner.hi is None else -np.asarray(inner.v, dtype=float))

    def _In(self, node: In, get: Get) -> V:
        item, options = get(node.item), get(node.options)
        choices = options.v
        if node.item.type.kind in ("enum", "text"):   # interned ids are small: one lookup table, no sort
            value = _member_of(item.v, self.enums.ids_for(choices), len(self.enums.ids))
        else:
            value = np.isin(item.v, choices.astype(float) if node.item.type.kind == "number" else choices)
        if node.negate:
            value = ~value
        known = known_both(item.k, options.k)
        return V(value, known if item.hi is None else known & ~np.asarray(item.ranged, dtype=bool))   # an interval: unknown

    def _IfElse(self, node: IfElse, get: Get) -> V:
        cond, then, other = (get(x) for x in (node.cond, node.then, node.other))
        pick = np.asarray(cond.v, dtype=bool)
        value = np.where(pick, then.v, other.v)
        branches = then.k if then.k is other.k or then.k.ndim == other.k.ndim == 0 and bool(then.k) == bool(other.k) \
            else np.where(pick, then.k, other.k)
        hi = None if then.hi is None and other.hi is None else np.where(pick, then.upper, other.upper)
        return V(value, known_both(cond.k, branches), hi)

    def _Call(self, node: Call, get: Get) -> V:
        """A registered function (`rulebook/functions.py`) over whole columns."""
        spec = FUNCTIONS[node.func]
        args = [get(a) for a in node.args]
        if any(a.hi is not None for a in args):   # a partial date: the function's bounds over it
            return call_bounds(spec.vector, spec.monotone, args, pairs=not spec.strict)
        if not spec.strict:                    # it reads knownness itself
            return V(*spec.vector(*((a.v, a.k) for a in args)))
        known = functools.reduce(known_both, [a.k for a in args])
        with np.errstate(over="ignore", invalid="ignore"):
            value = np.asarray(spec.vector(*(a.v for a in args)))
        if value.dtype.kind == "f":                # an overflow (inf, NaN) is unknown, never a number
            known = known & np.isfinite(value)
        return V(value, known)


def floor_divide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """`np.floor_divide(a, b)` on floats, through int64 where that gives the same floats: a column of
    whole numbers from +0 to 2**53 divided by one whole number above 0 (months into years). numpy's
    float `//` (fmod, then corrections) took 20-30 times a division on 1 M values; on whole numbers
    within 2**53 every step of it is exact, so it is floor(a / b), as int64 gives it (and +0, not -0:
    a is never -0 here). Anything else (fractions, NaN, infinities, -0, a negative b) is numpy's."""
    if a.ndim == 1 and len(a) > 4096 and b.ndim == 0 and 0 < float(b) <= 2**53 and float(b).is_integer():
        whole = a.astype(np.int64)   # (NaN, infinities and fractions do not come back equal: checked)
        if not np.signbit(a).any() and a.max() <= 2**53 and np.array_equal(whole, a):
            quotient: np.ndarray = (whole // np.int64(b)).astype(float)
            return quotient
    result: np.ndarray = np.floor_divide(a, b)
    return result


def _member_of(ids: np.ndarray, choices: np.ndarray, interned: int) -> Mask:
    """`ids in choices` for interned ids (-1 = missing, never a member) through a lookup table: every
    id is below `interned` (the count of ids given so far), and -1 reads the table's last entry,
    which no id reaches (no pass over the column to find its largest id, nor to shift it)."""
    if ids.ndim == 0:
        return np.isin(ids, choices)
    table = np.zeros(interned + 1, dtype=bool)
    table[choices] = True
    member: Mask = table.take(ids)   # (int32 ids: `take` reads them as they are, twice numpy's indexing)
    return member
