"""A scalar evaluator of the expression language: one household and its members at a time.

Written independently of the vectorised engine (no numpy, no shared helpers), so that the two can
be tested against each other. Values are plain Python values:

    number -> float          date -> int yyyymmdd        bool -> bool
    enum   -> its code (str) text -> str                 list -> tuple
    unknown -> None          (Kleene three-valued logic, written out by hand)
    a date known to its year or month (or a number computed from one) -> Span(lo, hi)

The durable engine uses it to compute formula variables, aggregates over members, cases tables,
expression values that are not plain attributes, amounts and rates, before or after it asserts
facts; the rules' conditions themselves are matched by durable_rules.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Iterable

import pandas as pd

from ..rulebook.plan import Plan
from ..rulebook.functions import FUNCTIONS
from ..rulebook.functions import py_add_months as add_months
from ..rulebook.functions import py_add_years as add_years
from ..rulebook.functions import py_days_between as days_between
from ..rulebook.functions import py_months_between as months_between
from ..rulebook.functions import py_round_half_up as round_half_up
from ..rulebook.functions import py_years_between as years_between
from ..rulebook.expressions import (Aggregate, Arith, BenefitRef, BoolOp, Call, Column, Compare, Const,
                                    FromHousehold, IfElse, In, Neg, Node, Not, Param, Var)
from ..vocabulary import LATEST_SUFFIX, Status

ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.UNDETERMINED


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


# ---------------------------------------------------------------- one household
@dataclass
class Decided:
    """A benefit's outcome for one person or household, as far as expressions can see it."""

    status: Status
    amount: float | None = None


@dataclass
class HouseholdContext:
    """Everything the evaluator knows about one household: inputs, variables, decided benefits."""

    household: dict[str, Any]
    members: list[dict[str, Any]]
    hh_vars: dict[str, Any] = field(default_factory=dict)
    person_vars: list[dict[str, Any]] = field(default_factory=list)
    hh_benefits: dict[str, Decided] = field(default_factory=dict)
    person_benefits: list[dict[str, Decided]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.person_vars:
            self.person_vars = [{} for _ in self.members]
        if not self.person_benefits:
            self.person_benefits = [{} for _ in self.members]


class ScalarEvaluator:
    """Evaluate checked expression trees for one household (person=None) or one of its members."""

    def __init__(self, plan: Plan, as_of: dt.date):
        self.plan, self.as_of = plan, as_of
        self.as_of_int = date_to_int(as_of)
        self._methods: dict[type, Any] = {}
        self.params: dict[str, Any] = {}
        for name, param in plan.parameters.items():
            value = param.at(as_of)
            if value is None or value.value is None:   # no usable value (none in force, withheld, no figure)
                self.params[name] = None
            elif isinstance(value.value, list):
                self.params[name] = tuple(value.value)
            elif isinstance(value.value, bool):
                self.params[name] = value.value if param.spec.type == "bool" else float(value.value)
            else:
                self.params[name] = float(value.value)

    # ------------------------------------------------------------ variables, in plan order
    def compute_variables(self, ctx: HouseholdContext, names: Iterable[str]) -> None:
        for name in names:
            var = self.plan.variables[name]
            if var.entity == "household":
                ctx.hh_vars[name] = self.value(var.node, ctx, None)
            else:
                for i, _member in enumerate(ctx.members):   # one household's members (the durable path)
                    ctx.person_vars[i][name] = self.value(var.node, ctx, i)

    # ------------------------------------------------------------ expressions
    def value(self, node: Node, ctx: HouseholdContext | None, person: int | None) -> Any:
        """The node's value for the household (person=None) or for member `person`; None = unknown."""
        try:
            method = self._methods[type(node)]
        except KeyError:                    # first node of its kind: its method, looked up once
            method = self._methods[type(node)] = getattr(self, "_" + type(node).__name__)
        return method(node, ctx, person)

    def constant(self, node: Node) -> Any:
        """The value of an expression that reads no household data (entity 'scalar')."""
        return self.value(node, None, None)

    def _Const(self, node: Const, ctx, person):
        kind = node.type.kind
        if node.value is None:              # e.g. `amount: null`: a value the pack does not know
            return None
        if kind == "date":
            return date_to_int(node.value)
        if kind == "number":
            return float(node.value)
        if kind == "list":
            return tuple(node.value)
        return node.value

    def _AsOf(self, node, ctx, person):
        return self.as_of_int

    def _Param(self, node: Param, ctx, person):
        return self.params[node.name]

    def _ParamAt(self, node, ctx, person):
        """The parameter's value in force on the date the expression gives (None when unknown)."""
        day = self.value(node.at, ctx, person)
        if day is None:
            return None
        first, last = (self._param_on(node.name, int(d)) for d in bounds(day))
        if first is None or last is None or first != last:   # a span over two periods: unknown
            return None
        return float(first.value)

    def _param_on(self, name: str, day: int):
        return self.plan.parameters[name].at(dt.date(day // 10000, day // 100 % 100, day % 100))

    def _Column(self, node: Column, ctx: HouseholdContext, person):
        if node.entity == "household":
            return ctx.household.get(node.name)
        return ctx.members[person].get(node.name)

    def _Var(self, node: Var, ctx: HouseholdContext, person):
        store = ctx.hh_vars if self.plan.variables[node.name].entity == "household" else ctx.person_vars[person]
        if node.name not in store:
            raise RuntimeError(f"variable '{node.name}' used before it was computed")
        return store[node.name]

    def _BenefitRef(self, node: BenefitRef, ctx: HouseholdContext, person):
        owner = self.plan.benefits[node.benefit].entity
        store = ctx.hh_benefits if owner == "household" else ctx.person_benefits[person]
        decided = store.get(node.benefit)
        if decided is None:
            raise RuntimeError(f"benefit '{node.benefit}' used before it was decided")
        if node.what == "amount":
            return decided.amount if decided.status == ELIGIBLE else None
        if decided.status == UNDETERMINED:
            return None
        return decided.status == ELIGIBLE

    def _FromHousehold(self, node: FromHousehold, ctx, person):
        return self.value(node.inner, ctx, None)

    def _Aggregate(self, node: Aggregate, ctx: HouseholdContext, person):
        n = len(ctx.members)
        if node.inner is None:
            return float(n)
        values = [self.value(node.inner, ctx, i) for i in range(n)]
        unknown = any(v is None for v in values)
        func = node.func
        if func == "count":
            return None if unknown else float(sum(1 for v in values if v))
        if func == "any":
            if any(v is True for v in values):
                return True
            return None if unknown else False
        if func == "all":
            if any(v is False for v in values):
                return False
            return None if unknown else True
        if unknown:
            return None
        if func == "sum":                   # sum, max and min are monotone: spans give the bounds
            low = high = 0.0
            for v in values:
                lo, hi = bounds(v)
                low, high = low + float(lo), high + float(hi)
            if _finite(low) is None or _finite(high) is None:   # an overflowing total is unknown
                return None
            return span(low, high)
        if not values:
            return None                     # max/min of no members: unknown
        pick = max if func == "max" else min
        cast = int if node.type.kind == "date" else float
        return span(cast(pick(bounds(v)[0] for v in values)), cast(pick(bounds(v)[1] for v in values)))

    def _Compare(self, node: Compare, ctx, person):
        left = self.value(node.left, ctx, person)
        if left is None:
            return None
        right = self.value(node.right, ctx, person)
        if right is None:
            return None
        if isinstance(left, Span) or isinstance(right, Span):
            return compare_spans(node.op, left, right)
        return compare(node.op, left, right)

    def _BoolOp(self, node: BoolOp, ctx, person):
        unknown = False
        decisive = node.op == "or"          # `or` is decided by a true item, `and` by a false one
        for item in node.items:
            value = self.value(item, ctx, person)
            if value is None:
                unknown = True
            elif bool(value) == decisive:
                return decisive
        return None if unknown else not decisive

    def _Not(self, node: Not, ctx, person):
        value = self.value(node.inner, ctx, person)
        return None if value is None else not value

    def _Arith(self, node: Arith, ctx, person):
        left = self.value(node.left, ctx, person)
        right = self.value(node.right, ctx, person)
        if left is None or right is None:
            return None
        if isinstance(left, Span) or isinstance(right, Span):
            return arith_spans(node.op, left, right)
        a, b = float(left), float(right)
        op = node.op
        if op == "+":
            return _finite(a + b)
        if op == "-":
            return _finite(a - b)
        if op == "*":
            return _finite(a * b)
        if b == 0:
            return None                     # division by zero is unknown, never infinity
        if op == "/":
            return _finite(a / b)
        if op == "//":
            return _finite(a // b)
        return _finite(a % b)

    def _Neg(self, node: Neg, ctx, person):
        value = self.value(node.inner, ctx, person)
        if isinstance(value, Span):
            return Span(-float(value.hi), -float(value.lo))
        return None if value is None else -float(value)

    def _In(self, node: In, ctx, person):
        item = self.value(node.item, ctx, person)
        options = self.value(node.options, ctx, person)
        if item is None or options is None or isinstance(item, Span):   # a span: in or not is unknown
            return None
        if node.item.type.kind == "number":
            found = float(item) in {float(o) for o in options}
        else:
            found = item in options
        return not found if node.negate else found

    def _IfElse(self, node: IfElse, ctx, person):
        cond = self.value(node.cond, ctx, person)
        if cond is None:
            return None
        return self.value(node.then if cond else node.other, ctx, person)

    def _Call(self, node: Call, ctx, person):
        """A registered function (`rulebook/functions.py`) on one value; None is unknown."""
        spec = FUNCTIONS[node.func]
        args = [self.value(a, ctx, person) for a in node.args]
        if spec.strict and any(a is None for a in args):
            return None
        try:
            if any(isinstance(a, Span) for a in args):
                return call_spans(spec, args)
            return _finite(spec.scalar(*args))
        except (OverflowError, ValueError):   # e.g. round() of a number too large for an integer
            return None


def _finite(value: Any) -> Any:
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
        return None if _finite(low) is None or _finite(high) is None else span(low, high)
    if op == "%" or (op in ("/", "//") and blo <= 0 <= bhi):
        return None
    if op == "*":
        corners = [alo * blo, alo * bhi, ahi * blo, ahi * bhi]
    else:
        corners = [alo / blo, alo / bhi, ahi / blo, ahi / bhi]
    low, high = min(corners), max(corners)
    if _finite(low) is None or _finite(high) is None:   # an overflow is unknown
        return None
    if op == "//":
        low, high = float(math.floor(low)), float(math.floor(high))
    return span(low, high)


def call_spans(spec, args: list) -> Any:
    """A function of spans: its value at the lower and upper corners (by `spec.monotone`)."""
    signs = spec.monotone or (0,) * len(args)
    if any(isinstance(a, Span) and s == 0 for a, s in zip(args, signs)):
        return None
    low = spec.scalar(*(bounds(a)[0 if s > 0 else 1] for a, s in zip(args, signs)))
    high = spec.scalar(*(bounds(a)[1 if s > 0 else 0] for a, s in zip(args, signs)))
    if isinstance(low, bool) or isinstance(high, bool):
        return low if low == high else None
    if _finite(low) is None or _finite(high) is None:
        return None
    return span(low, high)


def compare(op: str, left: Any, right: Any) -> bool:
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    return left >= right


# ---------------------------------------------------------------- register rows as plain values
def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def plain_columns(plan: Plan, entity: str, frame: pd.DataFrame) -> dict[str, list]:
    """Each declared column of `frame` as a list of plain values (None where missing), converted the
    way the vectorised engine reads them: enums outside the declared codes and NA are unknown."""
    table = plan.inputs.table_for(entity)
    n = len(frame)
    out: dict[str, list] = {}
    for name, spec in table.columns.items():
        if name not in frame.columns:
            out[name] = [None] * n
            continue
        col = frame[name]
        if spec.type == "enum":
            # a Categorical keeps its own categories; anything else is read against the declared codes
            codes = None if isinstance(col.dtype, pd.CategoricalDtype) else set(spec.values or ())
            out[name] = [None if _missing(v) or (codes is not None and str(v) not in codes) else str(v)
                         for v in col.tolist()]
        elif spec.type == "bool":
            out[name] = [None if _missing(v) else bool(v) for v in col.tolist()]
        elif spec.type == "date":
            out[name] = _dates(col)
            if name + LATEST_SUFFIX in frame.columns:   # dates known to their year or month: spans
                out[name] = [d if d is None or last is None else span(d, last)
                             for d, last in zip(out[name], _dates(frame[name + LATEST_SUFFIX]))]
        elif spec.type == "text":
            out[name] = [None if _missing(v) else str(v) for v in col.tolist()]
        else:
            out[name] = [None if _missing(v) else float(v) for v in col.tolist()]
    return out


def _dates(col: pd.Series) -> list:
    if not pd.api.types.is_datetime64_any_dtype(col.dtype):
        col = pd.to_datetime(col)
    return [None if _missing(v) else v.year * 10000 + v.month * 100 + v.day for v in col.tolist()]


def records(columns: dict[str, list], n: int) -> list[dict[str, Any]]:
    names = list(columns)
    lists = [columns[c] for c in names]
    return [dict(zip(names, row)) for row in zip(*lists)] if names else [{} for _ in range(n)]


__all__ = ["Span", "exact", "bounds", "ScalarEvaluator", "HouseholdContext", "Decided", "plain_columns", "records", "date_to_int",
           "ELIGIBLE", "NOT_ELIGIBLE", "UNDETERMINED", "compare", "years_between", "months_between", "days_between",
           "add_years", "add_months", "round_half_up"]
