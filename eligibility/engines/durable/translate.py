"""Translating conditions: a compiled condition -> alternatives of attribute tests (Atom, Elig).

A condition becomes two sets of alternatives (disjunctive normal form): the conjunctions of tests
that make it known true and those that make it known false; negations are pushed down to the
comparisons. Values that are not a plain column or variable become *expression attributes* (Slot
kind "expr"), computed by the scalar evaluator and posted on the facts. A new kind of condition
is translated in `Translator._cond` (and, if it reads a new kind of value, `Translator.slot`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from ...rulebook.compile import CompiledBenefit, CompiledRule, Plan
from ...rulebook.expressions import BenefitRef, BoolOp, Column, Compare, FromHousehold, In, Node, Not, Var, walk
from ..scalar import ScalarEvaluator, compare

MAX_ALTERNATIVES = 8        # alternatives of one condition before it becomes an expression attribute
MAX_VARIANTS = 16           # holds rules of one benefit rule (product of its conditions' alternatives)
RESERVED = {"t", "sid", "id", "pid", "hid", "e", "b", "r", "v", "c", "k"}
NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
Family = tuple[str | int, ...]   # facts a pattern reads: (entity, stage) or ("elig", benefit, via)
SlotKey = tuple[str, str, Any]   # (kind, entity, column or variable name or structural key)
FLIP = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


@dataclass(frozen=True)
class Slot:
    """An attribute on the facts of one entity: a column, a variable or an expression's value."""

    entity: str        # household | person
    level: int         # the stage whose batch asserts it
    attr: str          # attribute name in the facts
    kind: str          # column | var | expr
    ref: Any           # column or variable name, or the expression node's structural key
    vtype: str         # number | date | bool | enum | text

    @property
    def family(self) -> Family:
        return (self.entity, self.level)


@dataclass(frozen=True)
class K:
    """A constant (None: unknown, e.g. a parameter without a value on the as-of date)."""

    value: Any


@dataclass(frozen=True)
class Atom:
    op: str            # == != < <= > >=, or 'ex' (present)
    left: Slot
    right: Any = None  # Slot or K (None for 'ex')

    @property
    def families(self) -> tuple[Family, ...]:
        return (self.left.family,) + ((self.right.family,) if isinstance(self.right, Slot) else ())


@dataclass(frozen=True)
class Elig:
    """`eligible('benefit')` known to be `value`, joined by the person's or the household's key."""

    benefit: str
    via: str           # person | household
    value: bool

    @property
    def families(self) -> tuple[Family, ...]:
        return (("elig", self.benefit, self.via),)


Test = Atom | Elig
Conj = tuple[Test, ...]   # tests that must all hold
DNF = tuple[Conj, ...]    # alternatives: any one conjunction
ALWAYS: DNF = ((),)
NEVER: DNF = ()


class _TooBig(Exception):
    pass


def _and(dnfs: list[DNF]) -> DNF:
    out: list[Conj] = [()]
    for dnf in dnfs:
        out = [a + b for a in out for b in dnf]
        if len(out) > MAX_ALTERNATIVES:
            raise _TooBig
    return tuple(tuple(dict.fromkeys(c)) for c in out)


def _or(dnfs: list[DNF]) -> DNF:
    out = tuple(dict.fromkeys(c for dnf in dnfs for c in dnf))
    if len(out) > MAX_ALTERNATIVES:
        raise _TooBig
    return out


def structural_key(node: Node) -> tuple[Any, ...]:
    """A hashable key equal for structurally equal expressions (to share expression attributes)."""
    parts: list[Any] = [type(node).__name__, node.entity, node.type.kind, node.type.values]
    for f in dataclasses.fields(node):
        if f.name in ("type", "entity"):
            continue
        value = getattr(node, f.name)
        if isinstance(value, Node):
            parts.append(structural_key(value))
        elif isinstance(value, tuple):
            parts.append(tuple(structural_key(v) if isinstance(v, Node) else v for v in value))
        else:
            parts.append(value)
    return tuple(parts)


@dataclass
class RuleConditions:
    """One benefit rule in force, its conditions as (true, false) alternatives."""

    bi: int
    ri: int
    rule: CompiledRule
    dnfs: list[tuple[DNF, DNF]]    # per condition: (known true, known false)

    def single(self, ci: int) -> Atom | Elig | None:
        """The condition's one test when it is a single test (its false rule is that test negated):
        then it is known true exactly when its attributes are present (or its elig fact says so) and
        its false rule did not fire, and it needs no rule of its own to say so."""
        true, false = self.dnfs[ci]
        if len(true) == 1 and len(true[0]) == 1 and len(false) == 1 and len(false[0]) == 1:
            return true[0][0]
        return None


class Translator:
    """Levels of variables and benefits, attribute slots, and the conditions as alternatives."""

    def __init__(self, plan: Plan, as_of: dt.date, scalar: ScalarEvaluator):
        self.plan, self.as_of, self.scalar = plan, as_of, scalar
        self.slots: dict[SlotKey, Slot] = {}
        self.expr_nodes: dict[str, Node] = {}
        self.var_level: dict[str, int] = {}
        self.cond_level: dict[str, int] = {}
        self.harvest: dict[str, int] = {}
        self.rules: dict[str, list[RuleConditions]] = {}
        self.referenced: set[str] = set()          # benefits whose elig facts some pattern joins on
        self.attr_names: dict[str, set[str]] = {"household": set(), "person": set()}
        self.dated: dict[str, bool] = {}           # variables computed from a date column
        self.benefit_index = {name: i for i, name in enumerate(n for n in plan.order if n in plan.benefits)}
        for name in plan.order:
            if name in plan.variables:
                self.var_level[name] = self.level(plan.variables[name].node, 1)
            else:
                self._benefit(plan.benefits[name])

    # ------------------------------------------------------------ levels
    def level(self, node: Node | None, after_benefit: int) -> int:
        """Stage at which `node` can be evaluated: before the stage's batch (after_benefit=1: a benefit it
        reads must be decided in an earlier stage) or after it (0: decided earlier in the same stage)."""
        if node is None:
            return 0
        lv = 0
        for n in walk(node):
            if isinstance(n, Var):
                lv = max(lv, self.var_level[n.name])
            elif isinstance(n, BenefitRef):
                lv = max(lv, self.harvest[n.benefit] + after_benefit)
        return lv

    def _benefit(self, benefit: CompiledBenefit) -> None:
        bi = self.benefit_index[benefit.id]
        out = []
        for ri, rule in enumerate(benefit.rules):
            if rule.in_force(self.as_of):
                out.append(RuleConditions(bi, ri, rule, [self.condition(c.node) for c in rule.conditions]))
        self._limit_variants(out)
        self.rules[benefit.id] = out
        cond_level = 0
        for rc in out:
            for dnf_t, dnf_f in rc.dnfs:
                for conj in dnf_t + dnf_f:
                    for atom in conj:
                        if isinstance(atom, Elig):
                            cond_level = max(cond_level, self.cond_level[atom.benefit])
                            self.referenced.add(atom.benefit)
                        else:
                            cond_level = max(cond_level, *(s.level for s in (atom.left, atom.right)
                                                           if isinstance(s, Slot)))
        self.cond_level[benefit.id] = cond_level
        nodes = [benefit.enrolled] + [n for rule in benefit.rules if rule.in_force(self.as_of)
                                      for n in [rule.amount, rule.rate] + [c.node for c in rule.conditions]]
        self.harvest[benefit.id] = max([cond_level] + [self.level(n, 0) for n in nodes])

    def _limit_variants(self, out: list[RuleConditions]) -> None:
        for rc in out:
            while math.prod(len(t) for t, _ in rc.dnfs) > MAX_VARIANTS:
                worst = max(range(len(rc.dnfs)), key=lambda i: len(rc.dnfs[i][0]))
                rc.dnfs[worst] = self._as_attribute(rc.rule.conditions[worst].node)

    # ------------------------------------------------------------ conditions
    def condition(self, node: Node) -> tuple[DNF, DNF]:
        try:
            return self._cond(node)
        except _TooBig:
            return self._as_attribute(node)

    def _as_attribute(self, node: Node) -> tuple[DNF, DNF]:
        slot = self.slot(node)
        if isinstance(slot, K):
            return self._constant(slot.value)
        return ((Atom("==", slot, K(True)),),), ((Atom("==", slot, K(False)),),)

    @staticmethod
    def _constant(value: Any) -> tuple[DNF, DNF]:
        if value is None:
            return NEVER, NEVER
        return (ALWAYS, NEVER) if value else (NEVER, ALWAYS)

    def _cond(self, node: Node) -> tuple[DNF, DNF]:
        if node.entity == "scalar":
            return self._constant(self.scalar.constant(node))
        if isinstance(node, (Compare, In)) and self._on_dates(node):
            # a date may be known to its year or month only (a span): the scalar evaluator decides
            # the comparison (true, false, or unknown when the span straddles it), posted as a value
            return self._as_attribute(node)
        if isinstance(node, BoolOp):
            parts = [self._cond(i) for i in node.items]
            if node.op == "and":
                return _and([t for t, _ in parts]), _or([f for _, f in parts])
            return _or([t for t, _ in parts]), _and([f for _, f in parts])
        if isinstance(node, Not):
            true, false = self._cond(node.inner)
            return false, true
        if isinstance(node, Compare):
            return self._compare(node)
        if isinstance(node, In):
            return self._membership(node)
        elig = self._elig(node)
        if elig is not None:
            benefit, via = elig
            return ((Elig(benefit, via, True),),), ((Elig(benefit, via, False),),)
        return self._as_attribute(node)

    def _on_dates(self, node: Node) -> bool:
        """Whether `node` reads a date column, directly or through variables."""
        for n in walk(node):
            if isinstance(n, Column) and n.type.kind == "date":
                return True
            if isinstance(n, Var):
                if n.name not in self.dated:
                    self.dated[n.name] = False    # no cycles in a plan; this guards the recursion anyway
                    self.dated[n.name] = self._on_dates(self.plan.variables[n.name].node)
                if self.dated[n.name]:
                    return True
        return False

    def _elig(self, node: Node) -> tuple[str, str] | None:
        via = "person"
        if isinstance(node, FromHousehold):
            node, via = node.inner, "household"
        if isinstance(node, BenefitRef) and node.what == "eligible":
            return node.benefit, (via if self.plan.benefits[node.benefit].entity == "person" else "household")
        return None

    def _compare(self, node: Compare) -> tuple[DNF, DNF]:
        for side, other, op in ((node.left, node.right, node.op), (node.right, node.left, FLIP[node.op])):
            elig = self._elig(side)
            if elig is not None and other.entity == "scalar" and op in ("==", "!="):
                value = self.scalar.constant(other)
                if value is None:
                    return NEVER, NEVER
                want = bool(value) if op == "==" else not bool(value)
                return ((Elig(*elig, want),),), ((Elig(*elig, not want),),)
        left, right, op = self.slot(node.left), self.slot(node.right), node.op
        if (isinstance(left, K) and left.value is None) or (isinstance(right, K) and right.value is None):
            return NEVER, NEVER
        if isinstance(left, K) and isinstance(right, K):
            return self._constant(compare(op, left.value, right.value))
        if isinstance(left, K):
            left, right, op = right, left, FLIP[op]
        assert isinstance(left, Slot)   # (two constants were compared above)
        return ((Atom(op, left, right),),), ((Atom(NEGATE[op], left, right),),)

    def _membership(self, node: In) -> tuple[DNF, DNF]:
        item, options = self.slot(node.item), self.slot(node.options)
        assert isinstance(options, K)   # the checker allows a list literal or a list parameter only
        if (isinstance(item, K) and item.value is None) or options.value is None:
            return NEVER, NEVER
        number = node.item.type.kind == "number"
        values = tuple(dict.fromkeys(float(o) if number else o for o in options.value))
        if isinstance(item, K):
            found = (float(item.value) if number else item.value) in values
            return self._constant(found != node.negate)
        if len(values) > MAX_ALTERNATIVES:
            raise _TooBig
        true = tuple((Atom("==", item, K(v)),) for v in values)
        false = (tuple(Atom("!=", item, K(v)) for v in values),) if values else ((Atom("ex", item),),)
        return (false, true) if node.negate else (true, false)

    # ------------------------------------------------------------ attributes
    def slot(self, node: Node) -> Slot | K:
        """The attribute holding `node`'s value, or K(constant) when it reads no household data."""
        if node.entity == "scalar":
            return K(self.scalar.constant(node))
        if isinstance(node, FromHousehold):
            return self.slot(node.inner)
        if isinstance(node, Column):
            key: SlotKey = ("column", node.entity, node.name)
            entity, level, name = node.entity, 0, node.name
        elif isinstance(node, Var):
            entity = self.plan.variables[node.name].entity
            key, level, name = ("var", entity, node.name), self.var_level[node.name], node.name
        else:
            entity = node.entity
            key, level, name = ("expr", entity, structural_key(node)), self.level(node, 1), None
        if key not in self.slots:
            used = self.attr_names[entity]
            if name is None or name in RESERVED or name.startswith("x_") or name in used:
                name = f"x_{len(used)}"
            used.add(name)
            kind = key[0]
            self.slots[key] = Slot(entity, level, name, kind, key[2], node.type.kind)
            if kind == "expr":
                self.expr_nodes[name + "@" + entity] = node
        return self.slots[key]
