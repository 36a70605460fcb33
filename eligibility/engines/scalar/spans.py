"""Values known only as a range, and the operators over them, for the scalar evaluator.

A date known to its year or month (or an age, a number computed from one) is a `Span(lo, hi)`. A
condition on it is decided only where every value of the span decides it alike; arithmetic gives the
bounds where the operation is monotone, and is unknown (None) elsewhere. An overflow is unknown too.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from ...rulebook.functions import Function

# A plain value: float (a number), int (a date as yyyymmdd), bool, str (an enum code, a text), tuple (a
# list), Span, or None (unknown). Any: the evaluator's operators take whichever the checked tree gives.
Value = Any


# ---------------------------------------------------------------- dates as yyyymmdd integers
def date_to_int(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


@dataclass(frozen=True)
class Span:
    """A value known only to lie in [lo, hi]: a date known to its year or month, an age from it.
    A condition on it is decided only when every value of the span decides it alike."""

    lo: Any
    hi: Any


def bounds(value: Any) -> tuple[Any, Any]:
    return (value.lo, value.hi) if isinstance(value, Span) else (value, value)


def span(lo: Any, hi: Any) -> Any:
    """A Span, or the plain value when both bounds agree."""
    return lo if lo == hi else Span(lo, hi)


def exact(value: Any) -> Any:
    """The value where it is one value; None (unknown) for a span: amounts, rates."""
    return None if isinstance(value, Span) else value


def finite(value: Any) -> Any:
    """An overflow (inf, NaN) is unknown (None), never a number: the decision is undetermined."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def compare_spans(op: str, left: Any, right: Any) -> bool | None:
    """True when `op` holds for every pair of values of the spans, False when for none, else None."""
    (alo, ahi), (blo, bhi) = bounds(left), bounds(right)
    if op in ("==", "!="):
        if ahi < blo or alo > bhi:
            return op == "!="
        if alo == ahi == blo == bhi:
            return op == "=="
        return None
    if compare(op, ahi if op in ("<", "<=") else alo, blo if op in ("<", "<=") else bhi):
        return True
    if not compare(op, alo if op in ("<", "<=") else ahi, bhi if op in ("<", "<=") else blo):
        return False
    return None


def arith_spans(op: str, left: Any, right: Any) -> Any:
    """The bounds of `left op right` over spans; None where the operation is not monotone there."""
    (alo, ahi), (blo, bhi) = ((float(x) for x in bounds(v)) for v in (left, right))
    if op in ("+", "-"):
        low, high = (alo + blo, ahi + bhi) if op == "+" else (alo - bhi, ahi - blo)
        return None if finite(low) is None or finite(high) is None else span(low, high)
    if op == "%" or (op in ("/", "//") and blo <= 0 <= bhi):
        return None
    if op == "*":
        corners = [alo * blo, alo * bhi, ahi * blo, ahi * bhi]
    else:
        corners = [alo / blo, alo / bhi, ahi / blo, ahi / bhi]
    low, high = min(corners), max(corners)
    if finite(low) is None or finite(high) is None:   # an overflow is unknown
        return None
    if op == "//":
        low, high = float(math.floor(low)), float(math.floor(high))
    return span(low, high)


def call_spans(spec: Function, args: list[Value]) -> Value:
    """A function of spans: its value at the lower and upper corners (by `spec.monotone`)."""
    signs = spec.monotone or (0,) * len(args)
    if any(isinstance(a, Span) and s == 0 for a, s in zip(args, signs)):
        return None
    low = spec.scalar(*(bounds(a)[0 if s > 0 else 1] for a, s in zip(args, signs)))
    high = spec.scalar(*(bounds(a)[1 if s > 0 else 0] for a, s in zip(args, signs)))
    if isinstance(low, bool) or isinstance(high, bool):
        return low if low == high else None
    if finite(low) is None or finite(high) is None:
        return None
    return span(low, high)


def compare(op: str, left: Any, right: Any) -> bool:
    if op == "==":
        return bool(left == right)
    if op == "!=":
        return bool(left != right)
    if op == "<":
        return bool(left < right)
    if op == "<=":
        return bool(left <= right)
    if op == ">":
        return bool(left > right)
    return bool(left >= right)
