"""The scalar evaluator: a checked expression tree for one household or one of its members.

Values are plain Python values, unknown is None, and Kleene's three-valued logic is written out by
hand (see the package's docstring); no numpy and nothing shared with the vectorised engine. Each
node is evaluated by a closure made of it on first use (`Compiler`): walking the tree for every
household looked each node's method up, re-read its fields and re-converted its constants on every
call (about a third of the durable engine's time); a closure holds its children's closures, its
operator and its constants, and evaluating is calling. No eval or exec: closures only.
"""
from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable
from typing import Any

from ...rulebook.expressions import (Aggregate, Arith, AsOf, BenefitRef, BoolOp, Call, Column, Compare, Const,
                                     FromHousehold, IfElse, In, Neg, Node, Not, Param, ParamAt, Var)
from ...rulebook.functions import FUNCTIONS
from ...rulebook.plan import Plan
from ...rulebook.schema import DatedValue
from .household import ELIGIBLE, UNDETERMINED, HouseholdContext, member
from .spans import Span, Value, arith_spans, bounds, call_spans, compare_spans, date_to_int, finite, span

Ctx = HouseholdContext | None
Fn = Callable[[Any, Any], Value]    # (ctx, person) -> value


class ScalarEvaluator:
    """Evaluate checked expression trees for one household (person=None) or one of its members."""

    def __init__(self, plan: Plan, as_of: dt.date):
        self.plan, self.as_of = plan, as_of
        self.as_of_int = date_to_int(as_of)
        self._compiler = Compiler(self)
        self._steps: dict[tuple[str, ...], list[tuple[str, bool, Fn]]] = {}
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
        names = tuple(names)
        steps = self._steps.get(names)
        if steps is None:                   # each variable's closure, looked up once per list of names
            steps = self._steps[names] = [(name, self.plan.variables[name].entity == "household",
                                           self.closure(self.plan.variables[name].node)) for name in names]
        members = range(len(ctx.members))  # one household's members (the durable path)
        for name, household, fn in steps:
            if household:
                ctx.hh_vars[name] = fn(ctx, None)
            else:
                for i in members:
                    ctx.person_vars[i][name] = fn(ctx, i)

    # ------------------------------------------------------------ expressions
    def value(self, node: Node, ctx: HouseholdContext | None, person: int | None) -> Any:
        """The node's value for the household (person=None) or for member `person`; None = unknown."""
        fn = self._compiler.done.get(node)
        if fn is None:                      # first use of this node: made into a closure once
            fn = self._compiler.fn(node)
        return fn(ctx, person)

    def closure(self, node: Node) -> Fn:
        """The node as a function of (ctx, person): `value` without the lookup, for callers that hold it."""
        return self._compiler.fn(node)

    def constant(self, node: Node) -> Any:
        """The value of an expression that reads no household data (entity 'scalar')."""
        return self.value(node, None, None)


class Compiler:
    """Closures for the nodes of one evaluator's plan at its as-of date (cached by node)."""

    def __init__(self, evaluator: ScalarEvaluator) -> None:
        self.ev = evaluator
        self.done: dict[Node, Fn] = {}

    def fn(self, node: Node) -> Fn:
        found = self.done.get(node)
        if found is None:
            found = self.done[node] = getattr(self, "_" + type(node).__name__)(node)
        return found

    # ------------------------------------------------------------ leaves
    def _Const(self, node: Const) -> Fn:
        kind = node.type.kind
        if node.value is None:              # e.g. `amount: null`: a value the pack does not know
            value: Value = None
        elif kind == "date":
            value = date_to_int(node.value)
        elif kind == "number":
            value = float(node.value)
        elif kind == "list":
            value = tuple(node.value)
        else:
            value = node.value
        return lambda ctx, person: value

    def _AsOf(self, node: AsOf) -> Fn:
        value = self.ev.as_of_int
        return lambda ctx, person: value

    def _Param(self, node: Param) -> Fn:
        params, name = self.ev.params, node.name
        return lambda ctx, person: params[name]

    def _ParamAt(self, node: ParamAt) -> Fn:
        """The parameter's value in force on the date the expression gives (None when unknown)."""
        at, parameter = self.fn(node.at), self.ev.plan.parameters[node.name]

        def on(day: int) -> DatedValue | None:
            return parameter.at(dt.date(day // 10000, day // 100 % 100, day % 100))

        def f(ctx: Ctx, person: int | None) -> Value:
            day = at(ctx, person)
            if day is None:
                return None
            first, last = (on(int(d)) for d in bounds(day))
            if first is None or last is None or first != last:   # a span over two periods: unknown
                return None
            return float(first.value)   # type: ignore[arg-type]  # a number: the checker typed it
        return f

    def _Column(self, node: Column) -> Fn:
        name = node.name
        if node.entity == "household":
            return lambda ctx, person: ctx.household.get(name)
        return lambda ctx, person: ctx.members[member(person)].get(name)

    def _Var(self, node: Var) -> Fn:
        name = node.name
        household = self.ev.plan.variables[name].entity == "household"

        def f(ctx: HouseholdContext, person: int | None) -> Value:
            store = ctx.hh_vars if household else ctx.person_vars[member(person)]
            if name not in store:
                raise RuntimeError(f"variable '{name}' used before it was computed")
            return store[name]
        return f

    def _BenefitRef(self, node: BenefitRef) -> Fn:
        benefit, amount = node.benefit, node.what == "amount"
        household = self.ev.plan.benefits[benefit].entity == "household"

        def f(ctx: HouseholdContext, person: int | None) -> Value:
            store = ctx.hh_benefits if household else ctx.person_benefits[member(person)]
            decided = store.get(benefit)
            if decided is None:
                raise RuntimeError(f"benefit '{benefit}' used before it was decided")
            if amount:
                return decided.amount if decided.status == ELIGIBLE else None
            if decided.status == UNDETERMINED:
                return None
            return decided.status == ELIGIBLE
        return f

    # ------------------------------------------------------------ members
    def _FromHousehold(self, node: FromHousehold) -> Fn:
        inner = self.fn(node.inner)
        return lambda ctx, person: inner(ctx, None)

    def _Aggregate(self, node: Aggregate) -> Fn:
        if node.inner is None:
            return lambda ctx, person: float(len(ctx.members))
        inner, func = self.fn(node.inner), node.func
        cast = int if node.type.kind == "date" else float

        def f(ctx: HouseholdContext, person: int | None) -> Value:
            values = [inner(ctx, i) for i in range(len(ctx.members))]
            unknown = None in values
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
            if func == "sum":               # sum, max and min are monotone: spans give the bounds
                low = high = 0.0
                for v in values:
                    lo, hi = bounds(v)
                    low, high = low + float(lo), high + float(hi)
                if finite(low) is None or finite(high) is None:   # an overflowing total is unknown
                    return None
                return span(low, high)
            if not values:
                return None                 # max/min of no members: unknown
            pick = max if func == "max" else min
            return span(cast(pick(bounds(v)[0] for v in values)), cast(pick(bounds(v)[1] for v in values)))
        return f

    # ------------------------------------------------------------ operators
    def _Compare(self, node: Compare) -> Fn:
        left, right, op = self.fn(node.left), self.fn(node.right), node.op
        holds = COMPARE[op]                 # (spans.compare's operator, chosen once)
        const = right(None, None) if isinstance(node.right, (Const, Param)) else None
        if const is not None:               # a constant right side (`age >= 60`): one call less each time

            def f_const(ctx: Ctx, person: int | None) -> Value:
                a = left(ctx, person)
                if a is None:
                    return None
                if isinstance(a, Span) or isinstance(const, Span):
                    return compare_spans(op, a, const)
                return bool(holds(a, const))
            return f_const

        def f(ctx: Ctx, person: int | None) -> Value:
            a = left(ctx, person)
            if a is None:
                return None
            b = right(ctx, person)
            if b is None:
                return None
            if isinstance(a, Span) or isinstance(b, Span):
                return compare_spans(op, a, b)
            return bool(holds(a, b))
        return f

    def _BoolOp(self, node: BoolOp) -> Fn:
        items = [self.fn(i) for i in node.items]
        decisive = node.op == "or"          # `or` is decided by a true item, `and` by a false one

        def f(ctx: Ctx, person: int | None) -> Value:
            unknown = False
            for item in items:
                value = item(ctx, person)
                if value is None:
                    unknown = True
                elif bool(value) == decisive:
                    return decisive
            return None if unknown else not decisive
        return f

    def _Not(self, node: Not) -> Fn:
        inner = self.fn(node.inner)

        def f(ctx: Ctx, person: int | None) -> Value:
            value = inner(ctx, person)
            return None if value is None else not value
        return f

    def _Arith(self, node: Arith) -> Fn:
        left, right, op = self.fn(node.left), self.fn(node.right), node.op

        def f(ctx: Ctx, person: int | None) -> Value:
            a, b = left(ctx, person), right(ctx, person)
            if a is None or b is None:
                return None
            if isinstance(a, Span) or isinstance(b, Span):
                return arith_spans(op, a, b)
            return arith(op, float(a), float(b))
        return f

    def _Neg(self, node: Neg) -> Fn:
        inner = self.fn(node.inner)

        def f(ctx: Ctx, person: int | None) -> Value:
            value = inner(ctx, person)
            if isinstance(value, Span):
                return Span(-float(value.hi), -float(value.lo))
            return None if value is None else -float(value)
        return f

    def _In(self, node: In) -> Fn:
        item_fn, options_fn, negate = self.fn(node.item), self.fn(node.options), node.negate
        number = node.item.type.kind == "number"

        def f(ctx: Ctx, person: int | None) -> Value:
            item, options = item_fn(ctx, person), options_fn(ctx, person)
            if item is None or options is None or isinstance(item, Span):   # a span: in or not is unknown
                return None
            found = float(item) in {float(o) for o in options} if number else item in options
            return not found if negate else found
        return f

    def _IfElse(self, node: IfElse) -> Fn:
        cond, then, other = self.fn(node.cond), self.fn(node.then), self.fn(node.other)

        def f(ctx: Ctx, person: int | None) -> Value:
            value = cond(ctx, person)
            if value is None:
                return None
            return then(ctx, person) if value else other(ctx, person)
        return f

    def _Call(self, node: Call) -> Fn:
        """A registered function (`rulebook/functions.py`) on one value; None is unknown."""
        spec, args_fn = FUNCTIONS[node.func], [self.fn(a) for a in node.args]
        strict, scalar = spec.strict, spec.scalar

        def f(ctx: Ctx, person: int | None) -> Value:
            args = [a(ctx, person) for a in args_fn]
            if strict and None in args:
                return None
            try:
                for a in args:
                    if isinstance(a, Span):
                        return call_spans(spec, args)
                return finite(scalar(*args))
            except (OverflowError, ValueError):   # e.g. round() of a number too large for an integer
                return None
        return f


COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt,
           ">=": operator.ge}   # bool(COMPARE[op](a, b)) == spans.compare(op, a, b)


def arith(op: str, a: float, b: float) -> Value:
    """Two known numbers; division by zero is unknown, never infinity."""
    if op == "+":
        return finite(a + b)
    if op == "-":
        return finite(a - b)
    if op == "*":
        return finite(a * b)
    if b == 0:
        return None
    if op == "/":
        return finite(a / b)
    if op == "//":
        return finite(a // b)
    return finite(a % b)
