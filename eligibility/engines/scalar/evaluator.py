"""The scalar evaluator: a checked expression tree for one household or one of its members.

Values are plain Python values, unknown is None, and Kleene's three-valued logic is written out by
hand (see the package's docstring); no numpy and nothing shared with the vectorised engine.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ...rulebook.expressions import (Aggregate, Arith, AsOf, BenefitRef, BoolOp, Call, Column, Compare, Const,
                                     FromHousehold, IfElse, In, Neg, Node, Not, Param, ParamAt, Var)
from ...rulebook.functions import FUNCTIONS
from ...rulebook.plan import Plan
from ...rulebook.schema import DatedValue
from .household import ELIGIBLE, UNDETERMINED, HouseholdContext, member
from .spans import Span, Value, arith_spans, bounds, call_spans, compare, compare_spans, date_to_int, finite, span


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

    def _Const(self, node: Const, ctx: HouseholdContext | None, person: int | None) -> Value:
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

    def _AsOf(self, node: AsOf, ctx: HouseholdContext | None, person: int | None) -> Value:
        return self.as_of_int

    def _Param(self, node: Param, ctx: HouseholdContext | None, person: int | None) -> Value:
        return self.params[node.name]

    def _ParamAt(self, node: ParamAt, ctx: HouseholdContext | None, person: int | None) -> Value:
        """The parameter's value in force on the date the expression gives (None when unknown)."""
        day = self.value(node.at, ctx, person)
        if day is None:
            return None
        first, last = (self._param_on(node.name, int(d)) for d in bounds(day))
        if first is None or last is None or first != last:   # a span over two periods: unknown
            return None
        return float(first.value)   # type: ignore[arg-type]  # a number: the checker typed it

    def _param_on(self, name: str, day: int) -> DatedValue | None:
        return self.plan.parameters[name].at(dt.date(day // 10000, day // 100 % 100, day % 100))

    def _Column(self, node: Column, ctx: HouseholdContext, person: int | None) -> Value:
        if node.entity == "household":
            return ctx.household.get(node.name)
        return ctx.members[member(person)].get(node.name)

    def _Var(self, node: Var, ctx: HouseholdContext, person: int | None) -> Value:
        store = ctx.hh_vars if self.plan.variables[node.name].entity == "household" else ctx.person_vars[member(person)]
        if node.name not in store:
            raise RuntimeError(f"variable '{node.name}' used before it was computed")
        return store[node.name]

    def _BenefitRef(self, node: BenefitRef, ctx: HouseholdContext, person: int | None) -> Value:
        owner = self.plan.benefits[node.benefit].entity
        store = ctx.hh_benefits if owner == "household" else ctx.person_benefits[member(person)]
        decided = store.get(node.benefit)
        if decided is None:
            raise RuntimeError(f"benefit '{node.benefit}' used before it was decided")
        if node.what == "amount":
            return decided.amount if decided.status == ELIGIBLE else None
        if decided.status == UNDETERMINED:
            return None
        return decided.status == ELIGIBLE

    def _FromHousehold(self, node: FromHousehold, ctx: HouseholdContext | None, person: int | None) -> Value:
        return self.value(node.inner, ctx, None)

    def _Aggregate(self, node: Aggregate, ctx: HouseholdContext, person: int | None) -> Value:
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
            if finite(low) is None or finite(high) is None:   # an overflowing total is unknown
                return None
            return span(low, high)
        if not values:
            return None                     # max/min of no members: unknown
        pick = max if func == "max" else min
        cast = int if node.type.kind == "date" else float
        return span(cast(pick(bounds(v)[0] for v in values)), cast(pick(bounds(v)[1] for v in values)))

    def _Compare(self, node: Compare, ctx: HouseholdContext | None, person: int | None) -> Value:
        left = self.value(node.left, ctx, person)
        if left is None:
            return None
        right = self.value(node.right, ctx, person)
        if right is None:
            return None
        if isinstance(left, Span) or isinstance(right, Span):
            return compare_spans(node.op, left, right)
        return compare(node.op, left, right)

    def _BoolOp(self, node: BoolOp, ctx: HouseholdContext | None, person: int | None) -> Value:
        unknown = False
        decisive = node.op == "or"          # `or` is decided by a true item, `and` by a false one
        for item in node.items:
            value = self.value(item, ctx, person)
            if value is None:
                unknown = True
            elif bool(value) == decisive:
                return decisive
        return None if unknown else not decisive

    def _Not(self, node: Not, ctx: HouseholdContext | None, person: int | None) -> Value:
        value = self.value(node.inner, ctx, person)
        return None if value is None else not value

    def _Arith(self, node: Arith, ctx: HouseholdContext | None, person: int | None) -> Value:
        left = self.value(node.left, ctx, person)
        right = self.value(node.right, ctx, person)
        if left is None or right is None:
            return None
        if isinstance(left, Span) or isinstance(right, Span):
            return arith_spans(node.op, left, right)
        a, b = float(left), float(right)
        op = node.op
        if op == "+":
            return finite(a + b)
        if op == "-":
            return finite(a - b)
        if op == "*":
            return finite(a * b)
        if b == 0:
            return None                     # division by zero is unknown, never infinity
        if op == "/":
            return finite(a / b)
        if op == "//":
            return finite(a // b)
        return finite(a % b)

    def _Neg(self, node: Neg, ctx: HouseholdContext | None, person: int | None) -> Value:
        value = self.value(node.inner, ctx, person)
        if isinstance(value, Span):
            return Span(-float(value.hi), -float(value.lo))
        return None if value is None else -float(value)

    def _In(self, node: In, ctx: HouseholdContext | None, person: int | None) -> Value:
        item = self.value(node.item, ctx, person)
        options = self.value(node.options, ctx, person)
        if item is None or options is None or isinstance(item, Span):   # a span: in or not is unknown
            return None
        if node.item.type.kind == "number":
            found = float(item) in {float(o) for o in options}
        else:
            found = item in options
        return not found if node.negate else found

    def _IfElse(self, node: IfElse, ctx: HouseholdContext | None, person: int | None) -> Value:
        cond = self.value(node.cond, ctx, person)
        if cond is None:
            return None
        return self.value(node.then if cond else node.other, ctx, person)

    def _Call(self, node: Call, ctx: HouseholdContext | None, person: int | None) -> Value:
        """A registered function (`rulebook/functions.py`) on one value; None is unknown."""
        spec = FUNCTIONS[node.func]
        args = [self.value(a, ctx, person) for a in node.args]
        if spec.strict and any(a is None for a in args):
            return None
        try:
            if any(isinstance(a, Span) for a in args):
                return call_spans(spec, args)
            return finite(spec.scalar(*args))
        except (OverflowError, ValueError):   # e.g. round() of a number too large for an integer
            return None
