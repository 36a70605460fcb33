"""The durable_rules engine: the compiled rules run household by household in a Rete network.

How a rule pack becomes a durable_rules ruleset (one per as-of date: rules out of force on that
date are left out, parameters are constants of that date):

* **Facts.** One session (sid) per household. The household and each member are asserted as facts
  carrying the attributes the patterns read: input columns, variables (computed by the scalar
  evaluator, `scalar.py`) and *expression attributes* — values that are not a plain column or
  variable (an aggregate over members, arithmetic, a date difference...), also computed by the
  scalar evaluator. An unknown value is simply absent, and an absent attribute never matches.
  Every fact and every pattern carries a type tag `t`.
* **Conditions → patterns.** A condition becomes two sets of alternatives (disjunctive normal
  form): the conjunctions of attribute tests that make it known true, and those that make it known
  false (negations are pushed down to the comparisons, so `not`, `or`, `any_of`, chained and `in`
  comparisons need neither `$not` nor `$or` nor `any`). A comparison of an attribute with a
  constant or parameter is `{"$lte": {"income_per_capita": 1500000.0}}`; with another attribute of
  the same fact `{"$lte": {"a": {"$m": "b"}}}`; of another fact a correlated join
  `{"$gte": {"age": {"f1": "pension_age"}}}`; always guarded by `$ex` (a missing attribute in a
  join reads garbage or poisons the session). `eligible('x')` is a join on the derived `elig`
  fact of benefit x for the same person or household. A condition that does not decompose is
  posted as a boolean expression attribute (present only when known).
* **Rules.** For each benefit rule in force: one *holds* rule per combination of true
  alternatives (it fires only when every condition is known true) and, per condition, a *false*
  rule per alternative (the negated tests, attributes present) and, for compound conditions, a
  *true* rule (together they tell which conditions are unknown, for `missing_inputs`). A holds rule
  derives the benefit's `elig` fact (true); a false rule derives a `fail` fact, and a join over the
  fail facts of all the benefit's rules derives `elig` false. Rules using `eligible('x')` join on
  those facts: forward chaining, in rounds — the facts the actions derive are asserted into the
  same session as the next batch, until nothing new is derived. (Fail facts and their join are
  built for the benefits some rule joins on; for the others the false rules' firings are counted
  in Python, and no elig fact is asserted — set DERIVE_ALL for the full derivation for every
  benefit, at about a third less throughput; both decide alike, and the tests run both.)
* **Stages.** A variable or expression that needs a benefit's decision (`amount('x')` in a
  formula, `any(eligible('x'))`) is computed by the scalar evaluator once that benefit is decided,
  and asserted in a later batch into the same session. Most packs need a single stage.
* **Decisions.** Each benefit is read from what fired: eligible if a rule held, not eligible if
  every rule in force failed, otherwise undetermined (the unknown conditions' missing inputs named
  as the vectorised engine names them). Amounts and rates of the rules that held are computed by
  the scalar evaluator; hit policies are applied in Python.

Driving durable_rules 2.0.28 safely (DURABLE_RULES.md §7, and what building this showed):

* one Host per process (an `engine.Host` subclass) with **no dispatcher thread** — the stock Host's
  background thread picks up pending actions of the live session while they run synchronously,
  so a household could be read before its rules finished (observed);
* exactly one live session: created by the household's first assert, deleted after it (the newest,
  so deletion is safe) and checked gone (`get_state` answers 309); a fresh ruleset first runs a
  warm-up session that fires an action (deleting the first session of a ruleset in which nothing
  ever fired crashes the engine — observed);
* sink rules for every fact type (no MessageNotHandled), unique fact ids (no MessageObserved),
  errors inside actions collected and re-raised, never swallowed; any other engine error retires
  the Host;
* no `$not`/`$or`/`any`; patterns grouped onto copies of the entity facts so that the engine's
  64-entry alpha stack cannot overflow (error 303: it holds every *matching sibling* test of the
  alpha tree, and every join test unconditionally) and no fact carries more than 160 attributes;
* numbers never written in exponent notation (`1e-05`, `1e+16` crash the engine or drop the fact);
* actions run by a lean loop (`LeanRuleset.do_actions`) that reads only the matched entities' keys
  from the engine's JSON; parallelism with processes, each with its own Host.
"""
from __future__ import annotations

import concurrent.futures as futures
import dataclasses
import datetime as dt
import functools
import itertools
import json
import math
import multiprocessing
import os
import re
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import EligibilityError
from ..rulebook.compile import CompiledBenefit, CompiledCondition, CompiledRule, Plan
from ..rulebook.expressions import (BenefitRef, BoolOp, Column, Compare, FromHousehold, In, Node, Not, Var, walk)
from .scalar import (ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, Decided, HouseholdContext, ScalarEvaluator, compare,
                     date_to_int, plain_columns, records)

MAX_ALTERNATIVES = 8        # alternatives of one condition before it becomes an expression attribute
MAX_VARIANTS = 16           # holds rules of one benefit rule (product of its conditions' alternatives)
ALPHA_BUDGET = 48           # distinct patterns one fact may match (engine: error 303 beyond 64)
ATTRIBUTE_BUDGET = 160      # attributes per fact (engine: 252, beyond which it crashes)
FAIL_JOIN = 12              # fail facts joined by one rule (engine: at most 29 cross-fact tests)
CAP = 1000                  # matches delivered to one action call
DERIVE_ALL = False          # derive fail/elig facts for every benefit, or only where `eligible()` joins on them
PARALLEL_FROM = 2000        # households from which screen_durable uses several processes by default
RESERVED = {"t", "sid", "id", "pid", "hid", "e", "b", "r", "v", "c", "k"}
NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
FLIP = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
DURABLE_OP = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
COVERAGE_NONE, COVERED, GAP, LEAKAGE, NEEDS_DATA = "none", "covered", "gap", "leakage", "needs_data"
WORDS = {
    "en": {"holds": "all conditions hold", "unknown": "unknown", "failed": "not met", "off": "no rule in force on",
           "above": "above", "below": "below"},
    "vi": {"holds": "đủ mọi điều kiện", "unknown": "chưa rõ", "failed": "không đạt",
           "off": "không có quy định hiệu lực ngày", "above": "cao hơn", "below": "thấp hơn"},
}


# =============================================================================================
# Loading durable_rules (lazily: the rest of the tool works without it)
# =============================================================================================
def _engine_module():
    try:
        from durable import engine
        import durable_rules_engine  # noqa: F401  (the C extension: fails on Python 3.13 as released)
    except Exception as err:  # ImportError, or an undefined symbol in the C extension
        raise EligibilityError(
            "the durable engine needs the durable_rules package (2.0.28), which cannot be imported here: "
            f"{type(err).__name__}: {err}. Install it with `pip install durable-rules==2.0.28` (it builds from "
            "source and needs a C compiler; on Python 3.13 the released version does not import), or use "
            "--engine vectorised.") from err
    return engine


# =============================================================================================
# Translation: conditions -> alternatives of attribute tests
# =============================================================================================
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
    def family(self) -> tuple:
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
    def families(self) -> tuple:
        return (self.left.family,) + ((self.right.family,) if isinstance(self.right, Slot) else ())


@dataclass(frozen=True)
class Elig:
    """`eligible('benefit')` known to be `value`, joined by the person's or the household's key."""

    benefit: str
    via: str           # person | household
    value: bool

    @property
    def families(self) -> tuple:
        return (("elig", self.benefit, self.via),)


ALWAYS = ((),)
NEVER: tuple = ()


class _TooBig(Exception):
    pass


def _and(dnfs: list[tuple]) -> tuple:
    out: list[tuple] = [()]
    for dnf in dnfs:
        out = [a + b for a in out for b in dnf]
        if len(out) > MAX_ALTERNATIVES:
            raise _TooBig
    return tuple(tuple(dict.fromkeys(c)) for c in out)


def _or(dnfs: list[tuple]) -> tuple:
    out = tuple(dict.fromkeys(c for dnf in dnfs for c in dnf))
    if len(out) > MAX_ALTERNATIVES:
        raise _TooBig
    return out


def structural_key(node: Node) -> tuple:
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
    dnfs: list[tuple[tuple, tuple]]

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
        self.slots: dict[tuple, Slot] = {}
        self.expr_nodes: dict[str, Node] = {}
        self.var_level: dict[str, int] = {}
        self.cond_level: dict[str, int] = {}
        self.harvest: dict[str, int] = {}
        self.rules: dict[str, list[RuleConditions]] = {}
        self.referenced: set[str] = set()          # benefits whose elig facts some pattern joins on
        self.attr_names: dict[str, set[str]] = {"household": set(), "person": set()}
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
    def condition(self, node: Node) -> tuple[tuple, tuple]:
        try:
            return self._cond(node)
        except _TooBig:
            return self._as_attribute(node)

    def _as_attribute(self, node: Node) -> tuple[tuple, tuple]:
        slot = self.slot(node)
        if isinstance(slot, K):
            return self._constant(slot.value)
        return ((Atom("==", slot, K(True)),),), ((Atom("==", slot, K(False)),),)

    @staticmethod
    def _constant(value: Any) -> tuple[tuple, tuple]:
        if value is None:
            return NEVER, NEVER
        return (ALWAYS, NEVER) if value else (NEVER, ALWAYS)

    def _cond(self, node: Node) -> tuple[tuple, tuple]:
        if node.entity == "scalar":
            return self._constant(self.scalar.constant(node))
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

    def _elig(self, node: Node) -> tuple[str, str] | None:
        via = "person"
        if isinstance(node, FromHousehold):
            node, via = node.inner, "household"
        if isinstance(node, BenefitRef) and node.what == "eligible":
            return node.benefit, (via if self.plan.benefits[node.benefit].entity == "person" else "household")
        return None

    def _compare(self, node: Compare) -> tuple[tuple, tuple]:
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
        return ((Atom(op, left, right),),), ((Atom(NEGATE[op], left, right),),)

    def _membership(self, node: In) -> tuple[tuple, tuple]:
        item, options = self.slot(node.item), self.slot(node.options)
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
            key, entity, level, name = ("column", node.entity, node.name), node.entity, 0, node.name
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


# =============================================================================================
# Ruleset: alternatives -> durable_rules JSON, grouped so no fact can overflow the alpha stack
# =============================================================================================
# A local (alpha) test: ("cmp", attr, op, constant) | ("ex", attr) | ("m", attr, op, other_attr).
# Tests run in the order written: local tests first, in one canonical order so that patterns share
# their prefixes in the alpha network; tests against another fact (joins) last, because the engine
# pushes those onto its 64-entry alpha stack without evaluating them.

def _test_json(test: tuple) -> dict:
    kind, attr = test[0], test[1]
    if kind == "ex":
        return {"$ex": {attr: 1}}
    op, rhs = test[2], test[3]
    if kind == "m":
        rhs = {"$m": rhs}
        return {"$eq" if op == "==" else DURABLE_OP[op]: {attr: rhs}}
    return {attr: rhs} if op == "==" else {DURABLE_OP[op]: {attr: rhs}}


def _join_json(op: str, attr: str, alias: str, other: str) -> dict:
    rhs = {alias: other}
    return {attr: rhs} if op == "==" else {DURABLE_OP[op]: {attr: rhs}}


def _test_order(test: tuple) -> tuple:
    return (test[1], test[0], test[2] if len(test) > 2 else "", repr(test[3]) if len(test) > 3 else "")


@dataclass
class AliasSpec:
    family: tuple
    local: set = field(default_factory=set)      # alpha tests (tuples, see above)
    joins: list = field(default_factory=list)    # tests against earlier aliases (JSON)
    attrs: set = field(default_factory=set)      # attributes the fact must carry for this pattern

    def sequence(self, unique: str) -> tuple:
        """The pattern's path below its tag node; joins are distinct nodes, always pushed."""
        return tuple(sorted(self.local, key=_test_order)) + tuple(("join", unique, i) for i in range(len(self.joins)))


@dataclass
class RuleSpec:
    name: str
    action: tuple                                  # (kind, bi, ri, ci)
    owner: tuple | None                            # (bi, ri): the benefit rule it belongs to
    aliases: list[AliasSpec]


def post_value(vtype: str, value: Any) -> Any:
    """A value as it is posted in a fact (None: leave the attribute out)."""
    if value is None:
        return None
    if vtype == "number":
        value = float(value)
        return value if math.isfinite(value) else None
    if vtype == "date":
        return int(value)
    if vtype == "bool":
        return bool(value)
    return str(value)


def _const(slot: Slot, k: K) -> Any:
    return bool(k.value) if slot.vtype == "bool" else post_value(slot.vtype, k.value)


def _satisfied(op: str, value: Any, const: Any) -> bool:
    try:
        return compare(op, value, const)
    except TypeError:
        return op == "!="


@functools.lru_cache(maxsize=65536)
def _max_together(tests: tuple) -> int:
    """How many of these tests of one attribute against constants one value can satisfy at once."""
    consts = sorted({t[3] for t in tests}, key=lambda v: (str(type(v)), v))
    points: list[Any] = list(consts)
    numbers = sorted(c for c in consts if isinstance(c, (int, float)) and not isinstance(c, bool))
    if numbers:
        points += [numbers[0] - 1, numbers[-1] + 1] + [(a + b) / 2 for a, b in zip(numbers, numbers[1:])]
    points.append(object())                       # a value equal to none of the constants
    best = 0
    for p in points:
        if isinstance(p, object) and type(p) is object:
            best = max(best, sum(1 for t in tests if t[2] == "!="))
        else:
            best = max(best, sum(1 for t in tests if _satisfied(t[2], p, t[3])))
    return best


def stack_cost(sequences: list[tuple]) -> int:
    """An upper bound of the alpha stack one fact can need for these pattern paths (engine limit 64).

    The engine walks the alpha network depth first and pushes every matching child of a node at once,
    so the stack holds the matching siblings of every node on the current path. Children testing one
    attribute against constants are counted by how many one value can satisfy together."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for test in seq:
            node = node.setdefault(test, {})

    def cost(node: dict) -> int:
        if not node:
            return 0
        by_attr: dict[str, list] = {}
        width = 0
        for test in node:
            if test[0] == "cmp":
                by_attr.setdefault(test[1], []).append(test)
            else:
                width += 1
        width += sum(_max_together(tuple(sorted(tests, key=repr))) for tests in by_attr.values())
        return width + max(cost(child) for child in node.values())

    return cost(trie)


@dataclass
class Group:
    tag: str
    sequences: list = field(default_factory=list)
    attrs: set = field(default_factory=set)
    cost: int = 0

    def fits(self, paths: list, cost: int, attrs: set) -> bool:
        if len(self.attrs | attrs) > ATTRIBUTE_BUDGET:
            return False
        # the cost is subadditive (merging two tries widens no node beyond the sum), so the exact
        # count is needed only near the budget
        if self.cost + cost <= ALPHA_BUDGET:
            return True
        if self.cost + cost > ALPHA_BUDGET + 24:     # far over: not worth the exact count
            return False
        return stack_cost(self.sequences + paths) <= ALPHA_BUDGET

    def add(self, paths: list, cost: int, attrs: set) -> None:
        self.sequences.extend(paths)
        self.attrs |= attrs
        self.cost = stack_cost(self.sequences) if self.cost + cost > ALPHA_BUDGET else self.cost + cost


class RulesetBuilder:
    def __init__(self, plan: Plan, as_of: dt.date, translator: Translator, derive_all: bool | None = None):
        self.plan, self.as_of, self.tr = plan, as_of, translator
        self.derive_all = DERIVE_ALL if derive_all is None else derive_all
        self.specs: list[RuleSpec] = []
        self.groups: dict[tuple, list[Group]] = {}            # family -> groups
        self.assignment: dict[tuple, int] = {}                 # (family, owner) -> group index
        self.benefits = [plan.benefits[n] for n in plan.order if n in plan.benefits]
        for bi, benefit in enumerate(self.benefits):
            self._benefit(bi, benefit)
        self._pack()

    # ------------------------------------------------------------ rule specs
    def _benefit(self, bi: int, benefit: CompiledBenefit) -> None:
        entity = benefit.entity
        rules = self.tr.rules[benefit.id]
        for rc in rules:
            owner = (bi, rc.ri)
            variants = list(itertools.product(*[t for t, _ in rc.dnfs])) if rc.dnfs else [()]
            for k, combo in enumerate(variants):
                conj = tuple(dict.fromkeys(a for c in combo for a in c))
                self._spec(f"H{bi}_{rc.ri}_{k}", ("H", bi, rc.ri, -1), owner, entity, conj)
            for ci, (true, false) in enumerate(rc.dnfs):
                # with a single condition "holds" says it is true; a single test needs no true rule
                if len(rc.dnfs) > 1 and rc.single(ci) is None:
                    for k, conj in enumerate(true):
                        self._spec(f"T{bi}_{rc.ri}_{ci}_{k}", ("T", bi, rc.ri, ci), owner, entity, conj)
                for k, conj in enumerate(false):
                    self._spec(f"F{bi}_{rc.ri}_{ci}_{k}", ("F", bi, rc.ri, ci), owner, entity, conj)
        self._not_eligible(bi, benefit, [rc.ri for rc in rules])

    def _spec(self, name: str, action: tuple, owner: tuple | None, entity: str, conj: tuple) -> None:
        primary = (entity, 0)
        families = {f for atom in conj for f in atom.families} - {primary}
        entity_fams = sorted((f for f in families if f[0] != "elig"), key=lambda f: (f[0] != entity, f[1], f[0]))
        elig_fams = sorted(f for f in families if f[0] == "elig")
        order = [primary] + entity_fams + elig_fams
        alias = {f: f"f{i}" for i, f in enumerate(order)}
        specs = {f: AliasSpec(f) for f in order}
        key = "pid" if entity == "person" else "hid"
        for f in entity_fams:
            same = f[0] == entity
            specs[f].joins.append({key if same else "hid": {"f0": key if same else "hid"}})
        for f in elig_fams:
            _, benefit, via = f
            specs[f].local.add(("cmp", "b", "==", self.tr.benefit_index[benefit]))
            specs[f].joins.append({"e": {"f0": "pid" if via == "person" else "hid"}})
        for atom in conj:
            if isinstance(atom, Elig):
                specs[atom.families[0]].local.add(("cmp", "v", "==", atom.value))
                continue
            left = atom.left
            here = specs[left.family]
            here.attrs.add(left.attr)
            if atom.op == "ex":
                here.local.add(("ex", left.attr))
                continue
            if isinstance(atom.right, K):
                here.local.add(("cmp", left.attr, atom.op, _const(left, atom.right)))
                continue
            right = atom.right
            there = specs[right.family]
            there.attrs.add(right.attr)
            here.local.add(("ex", left.attr))
            there.local.add(("ex", right.attr))
            if left.family == right.family:
                here.local.add(("m", left.attr, atom.op, right.attr))
            elif order.index(left.family) > order.index(right.family):
                here.joins.append(_join_json(atom.op, left.attr, alias[right.family], right.attr))
            else:
                there.joins.append(_join_json(FLIP[atom.op], right.attr, alias[left.family], left.attr))
        self.specs.append(RuleSpec(name, action, owner, [specs[f] for f in order]))

    def _not_eligible(self, bi: int, benefit: CompiledBenefit, in_force: list[int]) -> None:
        """Not eligible = every rule in force failed: a join over the derived fail facts (in chunks).

        Only for benefits whose decision other rules join on (`eligible('x')`), unless
        DERIVE_ALL: for the others the failures are recorded and counted in Python, which
        spares the engine a fact per failed rule and person (about half its time)."""
        if not self.fail_join(benefit):
            return
        if not in_force:
            self.specs.append(RuleSpec(f"N{bi}", ("N", bi, -1, -1), None, [AliasSpec((benefit.entity, 0))]))
            return
        if len(in_force) > FAIL_JOIN * FAIL_JOIN:
            raise EligibilityError(f"benefit '{benefit.id}' has {len(in_force)} rules in force; the durable engine "
                                   f"joins at most {FAIL_JOIN * FAIL_JOIN}")

        def join(tag: str, field_name: str, values: list[int]) -> list[AliasSpec]:
            out = []
            for i, value in enumerate(values):
                spec = AliasSpec((tag,), local={("cmp", "b", "==", bi), ("cmp", field_name, "==", value)})
                if i:
                    spec.joins.append({"e": {"f0": "e"}})
                out.append(spec)
            return out

        if len(in_force) <= FAIL_JOIN:
            self.specs.append(RuleSpec(f"N{bi}", ("N", bi, -1, -1), None, join("fail", "r", in_force)))
            return
        chunks = [in_force[i:i + FAIL_JOIN] for i in range(0, len(in_force), FAIL_JOIN)]
        for c, chunk in enumerate(chunks):
            self.specs.append(RuleSpec(f"C{bi}_{c}", ("C", bi, c, -1), None, join("fail", "r", chunk)))
        self.specs.append(RuleSpec(f"N{bi}", ("N", bi, -1, -1), None, join("failc", "c", list(range(len(chunks))))))

    def fail_join(self, benefit: CompiledBenefit) -> bool:
        """Whether `benefit`'s decision is derived as facts in the engine: fail facts and their join
        ("not eligible"), and elig facts (true from a holds rule, false from the join)."""
        return self.derive_all or benefit.id in self.tr.referenced

    # ------------------------------------------------------------ groups of patterns per fact
    def _pack(self) -> None:
        """Give each benefit rule's patterns on each entity fact a group: a copy of the fact with its own
        tag, so that no fact can overflow the engine's alpha stack nor carry too many attributes."""
        need: dict[tuple, dict[tuple, tuple[list, set]]] = {}   # owner -> family -> (paths, attrs)
        shared: dict[tuple, list] = {}                            # family -> paths of rules without owner
        for spec in self.specs:
            for i, a in enumerate(spec.aliases):
                path = a.sequence(f"{spec.name}/{i}")
                if a.family[0] in ("household", "person") and spec.owner is not None:
                    paths, attrs = need.setdefault(spec.owner, {}).setdefault(a.family, ([], set()))
                    paths.append(path)
                    attrs.update(a.attrs)
                else:
                    shared.setdefault(a.family, []).append(path)
        for entity in ("household", "person"):
            anchor = list(shared.get((entity, 0), []))
            self.groups[(entity, 0)] = [Group(self._tag((entity, 0), 0), anchor, set(), stack_cost(anchor))]
        for owner, families in need.items():
            for family, (paths, attrs) in families.items():
                groups = self.groups.setdefault(family, [])
                cost = stack_cost(paths)
                for g, group in enumerate(groups):
                    if group.fits(paths, cost, attrs):
                        break
                else:
                    if cost > ALPHA_BUDGET or len(attrs) > ATTRIBUTE_BUDGET:
                        rule = self.benefits[owner[0]].rules[owner[1]].id
                        raise EligibilityError(f"rule '{rule}' needs more patterns or attributes on one fact than "
                                               "durable_rules can take (alpha stack 64, 252 attributes)")
                    g = len(groups)
                    groups.append(Group(self._tag(family, g)))
                    group = groups[g]
                group.add(paths, cost, attrs)
                self.assignment[(family, owner)] = g
        for family, paths in shared.items():
            if family[0] not in ("household", "person") and stack_cost(paths) > ALPHA_BUDGET:
                raise EligibilityError(f"too many derived-fact patterns of type '{family[0]}' for durable_rules")

    @staticmethod
    def _tag(family: tuple, group: int) -> str:
        return f"{family[0][0]}{family[1]}_{group}"

    def tag_of(self, family: tuple, owner: tuple | None) -> str:
        if family[0] in ("household", "person"):
            g = 0 if owner is None else self.assignment[(family, owner)]
            return self.groups[family][g].tag
        return {"elig": "elig", "fail": "fail", "failc": "failc"}[family[0]]

    def ruleset(self) -> dict[str, dict]:
        """The JSON ruleset (actions named by rule)."""
        out: dict[str, dict] = {"warm": {"all": [{"w": {"t": "warm"}}], "run": "warm"}}
        for spec in self.specs:
            patterns = []
            for i, a in enumerate(spec.aliases):
                tests = ([{"t": self.tag_of(a.family, spec.owner)}]
                         + [_test_json(t) for t in sorted(a.local, key=_test_order)] + a.joins)
                patterns.append({f"f{i}": tests[0] if len(tests) == 1 else {"$and": tests}})
            out[spec.name] = {"all": patterns, "run": spec.name, "cap": CAP}
        tags = ["elig", "fail", "failc"] + [g.tag for groups in self.groups.values() for g in groups]
        for tag in tags:
            out[f"sink_{tag}"] = {"all": [{"x": {"t": tag}}, {"y": {"t": "__never__"}}], "run": "never"}
        return out

# =============================================================================================
# Running households through the ruleset
# =============================================================================================
class EngineFailure(EligibilityError):
    """durable_rules failed in a way that leaves its Host unusable (the worker must be replaced)."""


class Collector:
    """What fired for the household in the live session."""

    __slots__ = ("holds", "ctrue", "cfalse", "fail_sent", "notelig", "chunk_sent", "elig_sent", "errors",
                 "thread", "posted", "pending")

    def __init__(self) -> None:
        self.holds: set = set()
        self.ctrue: set = set()
        self.cfalse: set = set()
        self.fail_sent: set = set()
        self.notelig: set = set()
        self.chunk_sent: set = set()
        self.elig_sent: dict = {}                  # (benefit index, key) -> the value asserted
        self.posted: dict = {}                     # (key, attr) -> value posted in the entity facts
        self.pending: list[dict] = []              # derived facts to assert in the next round
        self.errors: list[str] = []
        self.thread = threading.get_ident()


_RULE_NAME = re.compile(r'^\{\s*"([^"]+)"\s*:')
_EXPONENT = re.compile(r'[0-9][eE][-+]?[0-9]')


def engine_json(obj: Any) -> str:
    """JSON for durable_rules. Its parser cannot read numbers in exponent notation, which is how
    Python writes floats below 1e-4 or from 1e16 (`1e-05`, `1e+16`): such a fact crashes the process
    or is silently dropped (observed). Those numbers are written out in positional notation."""
    text = json.dumps(obj, ensure_ascii=False)
    if _EXPONENT.search(text):          # rare: re-encode exactly (a match inside a string costs only time)
        text = _positional_json(obj)
    return text


def _positional_json(obj: Any) -> str:
    if isinstance(obj, dict):
        return "{" + ", ".join(json.dumps(str(k), ensure_ascii=False) + ": " + _positional_json(v)
                               for k, v in obj.items()) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_positional_json(v) for v in obj) + "]"
    if isinstance(obj, float) and not isinstance(obj, bool):
        if not math.isfinite(obj):
            raise ValueError(f"durable_rules cannot take the number {obj!r}")
        return np.format_float_positional(obj, unique=True, trim="0")
    return json.dumps(obj, ensure_ascii=False)


_KEY_PERSON = re.compile(r'"pid":\s*"(P\d+)"')
_KEY_HOUSEHOLD = re.compile(r'"hid":\s*"(H)"')
_KEY_FAIL = re.compile(r'"e":\s*"([PH]\d*)"')
_HOST = None
_LOCK = threading.RLock()   # one household at a time in this process, whichever thread asks


class Call:
    """What one action call sees: the session, and the matches as the engine's JSON text.

    The engine returns each match with the complete facts; an action here only needs the entity
    keys (`"pid": "P3"`, `"hid": "H"`, a fail fact's `"e"`), read straight from the text: fact
    values are JSON strings whose quotes are escaped, so `"pid": "` only occurs as an attribute."""

    __slots__ = ("ruleset", "sid", "text")

    def __init__(self, ruleset, sid: str, text: str):
        self.ruleset, self.sid, self.text = ruleset, sid, text

    def keys(self, pattern: re.Pattern) -> list[str]:
        return list(dict.fromkeys(pattern.findall(self.text)))


def _host():
    """The process's one durable_rules Host (replaced when a previous one failed)."""
    global _HOST
    if _HOST is None or _HOST.pid != os.getpid() or _HOST.broken:
        engine = _engine_module()
        import durable_rules_engine as native

        class LeanRuleset(engine.Ruleset):
            """A ruleset whose actions run synchronously in the caller's thread, one after another,
            as the stock `Ruleset._flush_actions` runs them, minus what these actions do not use:
            no Closure/Content objects, no parsing of the matched facts, no state update (the
            session state never changes; an action's error is written to it, as the stock code
            does, so `get_state` reports it)."""

            def __init__(self, name: str, host, definition: dict) -> None:   # as Ruleset.__init__, safe JSON
                self._name, self._host, self._actions = name, host, {}
                self._calls = {rule: host.get_action(spec.pop("run")) for rule, spec in definition.items()}
                self._handle = native.create_ruleset(name, engine_json(definition))
                self._definition = definition

            def assert_facts(self, facts: list[dict]):
                return self._handle_result(native.assert_facts(self._handle, engine_json(facts)), facts)

            def assert_fact(self, fact: dict):
                return self._handle_result(native.assert_fact(self._handle, engine_json(fact)), fact)

            def do_actions(self, state_handle, complete) -> None:
                try:
                    result = native.start_action_for_state(self._handle, state_handle)
                    if not result:
                        complete(None, None)
                        return
                    state_text, message = result
                    sid = json.loads(state_text)["sid"]
                    while message:
                        name = _RULE_NAME.match(message).group(1)
                        try:
                            self._calls[name](Call(self, sid, message))
                        except BaseException as error:
                            state = json.loads(state_text)
                            state["exception"] = (f"exception caught {error}, traceback "
                                                  f"{traceback.format_tb(error.__traceback__)}")
                            native.update_state(self._handle, json.dumps(state, ensure_ascii=False))
                        message = native.complete_and_start_action(self._handle, state_handle)
                    complete(None, None)
                except BaseException as error:
                    complete(error, None)

            def dispatch(self) -> None:     # no background dispatching (see EligibilityHost._run)
                return None

        class EligibilityHost(engine.Host):
            def __init__(self) -> None:
                self.actions: dict[str, Any] = {}
                self.broken = False
                self.pid = os.getpid()
                self.runners: dict[tuple, "Runner"] = {}
                super().__init__()

            def get_action(self, name: str):
                return self.actions[name]

            def register_rulesets(self, ruleset_definitions: dict) -> list[str]:
                for name, definition in ruleset_definitions.items():
                    if name in self._ruleset_directory:
                        raise EligibilityError(f"ruleset {name} is already registered")
                    ruleset = LeanRuleset(name, self, definition)
                    self._ruleset_directory[name] = ruleset
                    self._ruleset_list.append(ruleset)
                return list(ruleset_definitions)

            def _run(self) -> None:
                """Start no dispatcher or timer thread. The stock Host polls every ruleset from a
                background thread and runs whatever action is pending; while a household's actions
                run synchronously it can take some of them, on its own thread, and the household
                is then read before its rules have finished (observed). Every action here runs
                synchronously inside assert_facts, so nothing needs the dispatcher."""
                self._d_timer = self._t_timer = None

        _HOST = EligibilityHost()
    return _HOST


@dataclass
class Stats:
    households: int = 0
    sessions_created: int = 0
    sessions_deleted: int = 0
    sessions_checked_gone: int = 0
    max_live_sessions: int = 0
    actions: int = 0
    cpu_seconds: float = 0.0


class Runner:
    """One ruleset (a plan at an as-of date) on this process's Host, and the per-household driver."""

    _serial = itertools.count(1)

    def __init__(self, plan: Plan, as_of: dt.date, lang: str = "en", include_all: bool = False):
        self.plan, self.as_of, self.lang, self.include_all = plan, as_of, lang, include_all
        self.scalar = ScalarEvaluator(plan, as_of)
        self.tr = Translator(plan, as_of, self.scalar)
        self.builder = RulesetBuilder(plan, as_of, self.tr)
        self.benefits = self.builder.benefits
        self.stats = Stats()
        self.col = Collector()
        self.rule_conditions = {(rc.bi, rc.ri): rc for rules in self.tr.rules.values() for rc in rules}
        self.in_force = [[r.in_force(as_of) for r in b.rules] for b in self.builder.benefits]
        self.fail_joins = [self.builder.fail_join(b) for b in self.builder.benefits]
        self._prepare_stages()
        self._prepare_texts()
        self.host = _host()
        self.name = f"elig_{plan.digest[:10]}_{date_to_int(as_of)}_{next(self._serial)}"
        ruleset = self.builder.ruleset()
        for spec in self.builder.specs:
            self.host.actions[f"{self.name}/{spec.name}"] = self._action(spec)
        self.host.actions[f"{self.name}/never"] = self._never
        self.host.actions[f"{self.name}/warm"] = self._warm
        for rule in ruleset.values():
            rule["run"] = f"{self.name}/{rule['run']}"
        self.host.set_rulesets({self.name: ruleset})
        self._live: str | None = None
        self._sid = itertools.count(1)
        self._warm_up()

    # ------------------------------------------------------------ setup
    def _prepare_stages(self) -> None:
        plan, tr = self.plan, self.tr
        slot_levels = [s.level for s in tr.slots.values()]
        self.levels = max([0] + list(tr.var_level.values()) + list(tr.harvest.values()) + slot_levels)
        self.vars_at = [[n for n in plan.order if n in plan.variables and tr.var_level[n] == s]
                        for s in range(self.levels + 1)]
        self.harvest_at = [[b for b in self.benefits if tr.harvest[b.id] == s] for s in range(self.levels + 1)]
        # per stage, per entity: the facts to post: (tag, [(attr, slot)])
        by_attr = {(s.entity, s.attr): s for s in tr.slots.values()}
        self.facts_at: list[dict[str, list[tuple[str, list]]]] = []
        for s in range(self.levels + 1):
            stage: dict[str, list] = {"household": [], "person": []}
            for (entity, level), groups in self.builder.groups.items():
                if level != s:
                    continue
                for g in groups:
                    stage[entity].append((g.tag, [(a, by_attr[(entity, a)]) for a in sorted(g.attrs)]))
            self.facts_at.append(stage)
        self.expr_at = {(s.entity, s.attr): tr.expr_nodes[s.attr + "@" + s.entity]
                        for s in tr.slots.values() if s.kind == "expr"}

    def _prepare_texts(self) -> None:
        words = WORDS[self.lang]
        lang = self.lang
        self.rule_texts = []
        for b in self.benefits:
            ids = [r.id for r in b.rules]
            labels = [getattr(r.label, lang) for r in b.rules]
            cites = [r.reference.cite(lang) for r in b.rules]
            holds = [f"{words['holds']}: " + "; ".join(_cond_text(c, lang) for c in r.conditions)
                     if r.conditions else words["holds"] for r in b.rules]
            unverified = []
            for r in b.rules:
                notes = []
                for name in sorted(r.params):
                    value = self.plan.parameters[name].at(self.as_of) if name in self.plan.parameters else None
                    if value is not None and not value.verified:
                        notes.append(f"{name}={_fmt_value(value.value)} ({value.confidence})")
                unverified.append("; ".join(notes))
            inputs = sorted(set().union(*(c.inputs for r in b.rules if r.in_force(self.as_of) and r.conditions
                                          for c in r.conditions)))
            self.rule_texts.append({"ids": ids, "labels": labels, "cites": cites, "holds": holds,
                                    "unverified": unverified, "inputs": inputs})

    def _warm_up(self) -> None:
        """The first session of a fresh ruleset must fire an action, or deleting it crashes the engine."""
        self.host.assert_facts(self.name, [{"t": "warm", "sid": "warm", "id": "w"}])
        self._check_state("warm")
        self.host.delete_state(self.name, "warm")

    # ------------------------------------------------------------ actions
    def _never(self, c) -> None:
        raise RuntimeError("a sink rule fired")

    def _warm(self, c) -> None:
        return None

    def _action(self, spec: RuleSpec):
        """The Python side of one rule: record what fired for which person or household, and collect the
        facts it derives (asserted into the same session as the next round)."""
        rule_name = spec.name
        kind, bi, ri, ci = spec.action
        benefit = self.benefits[bi]
        keys_of = _KEY_PERSON if benefit.entity == "person" else _KEY_HOUSEHOLD
        if kind in ("N", "C") and self.tr.rules[benefit.id]:
            keys_of = _KEY_FAIL                  # joins over fail facts: the key is their `e`
        joined = referenced = self.builder.fail_join(benefit)   # decisions derived as facts (see fail_join)
        runner = self

        def guarded(body):
            def act(call: Call) -> None:
                col = runner.col
                try:
                    if threading.get_ident() != col.thread:
                        raise RuntimeError("a durable_rules action ran outside the screening thread")
                    runner.stats.actions += 1
                    for key in call.keys(keys_of):
                        body(col.pending, col, key)
                except BaseException:
                    col.errors.append(f"{rule_name}: {traceback.format_exc()}")
                    raise
            return act

        def send_elig(derived, col, key, value: bool) -> None:
            if referenced and (bi, key) not in col.elig_sent:
                col.elig_sent[(bi, key)] = value
                derived.append({"t": "elig", "id": f"e:{bi}:{key}", "b": bi, "e": key, "v": value})

        if kind == "H":
            def body(derived, col, key):
                col.holds.add((bi, ri, key))
                send_elig(derived, col, key, True)
        elif kind == "T":
            def body(derived, col, key):
                col.ctrue.add((bi, ri, ci, key))
        elif kind == "F":
            def body(derived, col, key):
                col.cfalse.add((bi, ri, ci, key))
                if (bi, ri, key) not in col.fail_sent:
                    col.fail_sent.add((bi, ri, key))
                    if joined:
                        derived.append({"t": "fail", "id": f"f:{bi}:{ri}:{key}", "b": bi, "r": ri, "e": key})
        elif kind == "C":
            def body(derived, col, key):
                if (bi, ri, key) not in col.chunk_sent:
                    col.chunk_sent.add((bi, ri, key))
                    derived.append({"t": "failc", "id": f"c:{bi}:{ri}:{key}", "b": bi, "c": ri, "e": key})
        else:  # N: not eligible
            def body(derived, col, key):
                col.notelig.add((bi, key))
                send_elig(derived, col, key, False)
        return guarded(body)

    # ------------------------------------------------------------ one household
    def run(self, household: dict, members: list[dict]) -> list[tuple]:
        """Decide every benefit for one household; rows (benefit index, part, local index, fields...)."""
        ctx = HouseholdContext(household, members)
        self.col = col = Collector()
        sid = f"s{next(self._sid)}"
        rows: list[tuple] = []
        try:
            for stage in range(self.levels + 1):
                self.scalar.compute_variables(ctx, self.vars_at[stage])
                facts = self._facts(ctx, stage, sid)
                if facts:
                    self._assert(sid, facts)
                for benefit in self.harvest_at[stage]:
                    rows.extend(self._decide(benefit, ctx, col))
        finally:
            if self._live is not None:
                self._close(sid)
        self.stats.households += 1
        return rows

    def _facts(self, ctx: HouseholdContext, stage: int, sid: str) -> list[dict]:
        plan = self.facts_at[stage]
        posted = self.col.posted
        facts = []
        for i in range(len(ctx.members)):          # members first, then the household
            pid = f"P{i}"
            for tag, attrs in plan["person"]:
                fact = {"t": tag, "sid": sid, "id": f"{tag}:{pid}", "pid": pid, "hid": "H"}
                for attr, slot in attrs:
                    value = post_value(slot.vtype, self._slot_value(slot, ctx, i))
                    if value is not None:
                        fact[attr] = value
                        posted[(pid, attr)] = value
                facts.append(fact)
        for tag, attrs in plan["household"]:
            fact = {"t": tag, "sid": sid, "id": f"{tag}:H", "hid": "H"}
            for attr, slot in attrs:
                value = post_value(slot.vtype, self._slot_value(slot, ctx, None))
                if value is not None:
                    fact[attr] = value
                    posted[("H", attr)] = value
            facts.append(fact)
        return facts

    def _slot_value(self, slot: Slot, ctx: HouseholdContext, person: int | None) -> Any:
        if slot.kind == "column":
            return (ctx.household if person is None else ctx.members[person]).get(slot.ref)
        if slot.kind == "var":
            return (ctx.hh_vars if person is None else ctx.person_vars[person]).get(slot.ref)
        return self.scalar.value(self.expr_at[(slot.entity, slot.attr)], ctx, person)

    def _assert(self, sid: str, facts: list[dict]) -> None:
        if self._live is None:
            self._live = sid
            self.stats.sessions_created += 1
            live = self.stats.sessions_created - self.stats.sessions_deleted
            self.stats.max_live_sessions = max(self.stats.max_live_sessions, live)
        rounds = 0
        while facts:
            try:
                self.host.assert_facts(self.name, facts)
            except Exception as err:
                # Message*Exception means actions are pending (deleting would crash), any other error
                # may have poisoned the session: either way this Host is done for.
                self.host.broken = True
                self._live = None
                raise EngineFailure(f"durable_rules failed on household session {sid}: "
                                    f"{type(err).__name__}: {err}") from err
            self._check_state(sid)
            # forward chaining: the facts the actions derived go into the same session, one batch per
            # round, until nothing new is derived
            facts, self.col.pending = self.col.pending, []
            for fact in facts:
                fact["sid"] = sid
            rounds += 1
            if rounds > 1000:
                raise RuntimeError(f"durable_rules: no fixpoint after {rounds} rounds of derived facts")

    def _check_state(self, sid: str) -> None:
        state = self.host.get_state(self.name, sid)
        problems = list(self.col.errors)
        if "exception" in state and not problems:
            problems.append(str(state["exception"]))
        if problems:
            if self._live == sid:
                self._close(sid)
            raise RuntimeError("an action failed inside durable_rules:\n" + "\n".join(problems))

    def _close(self, sid: str) -> None:
        self._live = None
        self.host.delete_state(self.name, sid)
        self.stats.sessions_deleted += 1
        try:
            self.host.get_state(self.name, sid)
        except Exception as err:  # error 309: no such session, as it should be
            if "309" not in str(err):
                raise
            self.stats.sessions_checked_gone += 1
        else:
            self.host.broken = True
            raise EngineFailure(f"session {sid} is still alive after delete_state")

    # ------------------------------------------------------------ decisions
    def _decide(self, benefit: CompiledBenefit, ctx: HouseholdContext, col: Collector) -> list[tuple]:
        bi = self.tr.benefit_index[benefit.id]
        if benefit.entity == "household":
            keys = [("H", None)]
        else:
            keys = [(f"P{i}", i) for i in range(len(ctx.members))]
        rows = []
        for key, person in keys:
            rows.extend(self._decide_one(bi, benefit, key, person, ctx, col))
        return rows

    def _decide_one(self, bi: int, benefit: CompiledBenefit, key: str, person: int | None,
                    ctx: HouseholdContext, col: Collector) -> list[tuple]:
        rules = benefit.rules
        holds: list[bool | None] = []
        held = unknown = False
        for ri, live in enumerate(self.in_force[bi]):
            if not live:
                holds.append(False)
            elif (bi, ri, key) in col.holds:
                if (bi, ri, key) in col.fail_sent:
                    raise RuntimeError(f"rule {rules[ri].id} both held and failed for {key}")
                holds.append(True)
                held = True
            elif (bi, ri, key) in col.fail_sent:
                holds.append(False)
            else:
                holds.append(None)
                unknown = True
        status = ELIGIBLE if held else UNDETERMINED if unknown else NOT_ELIGIBLE
        if self.fail_joins[bi] and (status == NOT_ELIGIBLE) != ((bi, key) in col.notelig):
            raise RuntimeError(f"{benefit.id} for {key}: the fail join disagrees with the rules' failures")
        # amounts and rates of the rules that hold (scalar evaluator)
        amounts: dict[int, float | None] = {}
        for ri, h in enumerate(holds):
            if h:
                value = self.scalar.value(rules[ri].amount, ctx, person)
                amounts[ri] = None if value is None else float(value)
        chosen, amount = self._hit(benefit.hit_policy, holds, amounts)
        if status != ELIGIBLE:
            amount = None
        rate = None
        if chosen >= 0 and rules[chosen].rate is not None:
            value = self.scalar.value(rules[chosen].rate, ctx, person)
            rate = None if value is None else float(value)
        decided = Decided(status, amount)
        if person is None:
            ctx.hh_benefits[benefit.id] = decided
        else:
            ctx.person_benefits[person][benefit.id] = decided
        enrolled = None if benefit.enrolled is None else self.scalar.value(benefit.enrolled, ctx, person)
        coverage = _coverage(status, benefit.enrolled is not None, enrolled)
        if not (status != NOT_ELIGIBLE or coverage == LEAKAGE or self.include_all):
            return []
        local = 0 if person is None else person
        texts = self.rule_texts[bi]
        missing = self._missing(bi, benefit, key, person, ctx, col, holds) if status == UNDETERMINED else ""
        rate_out = np.nan if rate is None else rate
        if benefit.hit_policy == "all":
            out = []
            for ri, h in enumerate(holds):
                if h:
                    value = amounts[ri]
                    out.append(self._row(bi, ri, local, status, coverage, value, rate_out, ri, texts,
                                         texts["holds"][ri], missing, None))
            if not out:
                out.append(self._row(bi, len(rules), local, status, coverage, None, rate_out, -1, texts,
                                     self._explain(bi, benefit, key, person, ctx, col, holds, status, -1),
                                     missing, None))
            return out
        joined = None
        if benefit.hit_policy == "sum":
            joined = [ri for ri, h in enumerate(holds) if h]
        explanation = self._explain(bi, benefit, key, person, ctx, col, holds, status, chosen)
        return [self._row(bi, 0, local, status, coverage, amount, rate_out,
                          chosen if status == ELIGIBLE else -1, texts, explanation, missing, joined)]

    @staticmethod
    def _row(bi, part, local, status, coverage, amount, rate, pick, texts, explanation, missing, joined):
        amount = np.nan if amount is None or status != ELIGIBLE else amount
        if pick >= 0:
            rule, label, cite, unverified = (texts["ids"][pick], texts["labels"][pick], texts["cites"][pick],
                                             texts["unverified"][pick])
        else:
            rule = label = cite = unverified = ""
        if joined is not None:    # hit policy sum: the rules paid together
            rule = "+".join(texts["ids"][i] for i in joined)
            label = " + ".join(texts["labels"][i] for i in joined)
            cite = "; ".join(dict.fromkeys(texts["cites"][i] for i in joined))
            unverified = "; ".join(dict.fromkeys(u for i in joined if (u := texts["unverified"][i])))
        return (bi, part, local, status, coverage, amount, rate, rule, label, cite, explanation, missing, unverified)

    @staticmethod
    def _hit(policy: str, holds: list, amounts: dict) -> tuple[int, float | None]:
        holding = [ri for ri, h in enumerate(holds) if h]
        if not holding:
            return -1, None
        if policy == "sum":
            if any(amounts[ri] is None for ri in holding):
                return holding[0], None
            total = 0.0
            for ri in holding:
                total += amounts[ri]
            return holding[0], total
        if policy == "max":
            best, best_value = -1, None
            for ri in holding:
                value = amounts[ri] if amounts[ri] is not None else -1e300
                if best < 0 or value > best_value:
                    best, best_value = ri, value
            return best, amounts[best]
        return holding[0], amounts[holding[0]]

    def _condition_known(self, bi: int, ri: int, ci: int, key: str, rc_conditions: int, col: Collector,
                         holds: bool | None) -> bool:
        if (bi, ri, ci, key) in col.cfalse or (bi, ri, ci, key) in col.ctrue:
            return True
        if rc_conditions == 1 and holds is True:
            return True
        single = self.rule_conditions[(bi, ri)].single(ci)
        if isinstance(single, Elig):       # its true test is the elig fact with the wanted value
            other = key if single.via == "person" else "H"
            return col.elig_sent.get((self.tr.benefit_index[single.benefit], other)) == single.value
        if isinstance(single, Atom):       # false did not fire: true exactly when the attributes are present
            return all((key if s.entity == "person" else "H", s.attr) in col.posted
                       for s in (single.left, single.right) if isinstance(s, Slot))
        return False

    def _missing(self, bi, benefit, key, person, ctx, col, holds) -> str:
        inputs = self.rule_texts[bi]["inputs"]
        if not inputs:
            return ""
        relevant: set = set()
        for ri, rule in enumerate(benefit.rules):
            if holds[ri] is not None or not rule.conditions:
                continue
            for ci, cond in enumerate(rule.conditions):
                if not self._condition_known(bi, ri, ci, key, len(rule.conditions), col, holds[ri]):
                    relevant |= cond.inputs
        names = []
        for ent, name in inputs:
            if (ent, name) not in relevant:
                continue
            if ent == "household":
                value = ctx.household.get(name)
            elif benefit.entity == "person":
                value = ctx.members[person].get(name)
            else:
                continue  # a member input behind a household aggregate: named through the aggregate
            if value is None:
                names.append(name if ent == benefit.entity else f"household.{name}")
        return ", ".join(names)

    def _explain(self, bi, benefit, key, person, ctx, col, holds, status, chosen) -> str:
        words = WORDS[self.lang]
        texts = self.rule_texts[bi]
        rules = benefit.rules
        if status == ELIGIBLE:
            return texts["holds"][chosen]
        if status == UNDETERMINED:
            first = next(ri for ri, h in enumerate(holds) if h is None)
            rule = rules[first]
            unknown = [c for ci, c in enumerate(rule.conditions)
                       if not self._condition_known(bi, first, ci, key, len(rule.conditions), col, holds[first])]
            return f"{words['unknown']}: " + "; ".join(_cond_text(c, self.lang) for c in unknown) if rule.conditions \
                else ""
        live = [ri for ri, r in enumerate(rules) if r.in_force(self.as_of)]
        if not live:
            return f"{words['off']} {self.as_of.isoformat()}"
        fails = [sum(1 for ci in range(len(rules[ri].conditions)) if (bi, ri, ci, key) in col.cfalse) for ri in live]
        closest = live[int(np.argmin(fails))]
        rule = rules[closest]
        pieces = [self._failed_piece(c, ctx, person) for ci, c in enumerate(rule.conditions)
                  if (bi, closest, ci, key) in col.cfalse]
        return f"{getattr(rule.label, self.lang)} — {words['failed']}: " + "; ".join(pieces)

    def _failed_piece(self, cond: CompiledCondition, ctx: HouseholdContext, person: int | None) -> str:
        node = cond.node
        base = _cond_text(cond, self.lang)
        if not (isinstance(node, Compare) and node.left.type.kind == "number" and node.right.type.kind == "number"):
            return base
        left = self.scalar.value(node.left, ctx, person)
        right = self.scalar.value(node.right, ctx, person)
        if left is None or right is None:
            return base
        left, right = float(left), float(right)
        gap = left - right
        words = WORDS[self.lang]
        direction = words["above"] if gap > 0 else words["below"]
        return f"{base} → {_fmt_number(left)} vs {_fmt_number(right)} ({_fmt_number(abs(gap))} {direction})"


def _coverage(status: str, has_enrolment: bool, enrolled: Any) -> str:
    if status == UNDETERMINED:
        return NEEDS_DATA
    if not has_enrolment:
        return COVERAGE_NONE
    if status == ELIGIBLE:
        if enrolled is None:
            return NEEDS_DATA
        return COVERED if enrolled else GAP
    return LEAKAGE if enrolled is not None and bool(enrolled) else COVERAGE_NONE


def _cond_text(cond: CompiledCondition, lang: str) -> str:
    return getattr(cond.label, lang) if cond.label else cond.text


def _fmt_number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _fmt_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else str(value)


# =============================================================================================
# Public entry points
# =============================================================================================
def ruleset_json(plan: Plan, as_of: dt.date) -> dict:
    """The durable_rules ruleset generated for `plan` at `as_of` (for inspection; needs no durable_rules)."""
    scalar = ScalarEvaluator(plan, as_of)
    builder = RulesetBuilder(plan, as_of, Translator(plan, as_of, scalar))
    return builder.ruleset()


def runner_for(plan: Plan, as_of: dt.date, lang: str = "en", include_all: bool = False) -> Runner:
    """This process's runner for (plan, as-of date, lang, include_all): one ruleset on the process's Host."""
    host = _host()
    key = (id(plan), plan.digest, as_of, lang, include_all, DERIVE_ALL)
    runner = host.runners.get(key)
    if runner is None or runner.plan is not plan:
        runner = host.runners[key] = Runner(plan, as_of, lang, include_all)
    return runner


@dataclass
class Prepared:
    """A register cut into households: plain records, and where each row sits in the output order."""

    households: pd.DataFrame
    members: pd.DataFrame
    work: list[tuple[dict, list[dict], int, list[int]]]   # (household, members, hh position, person positions)


def prepare(plan: Plan, households: pd.DataFrame, members: pd.DataFrame) -> Prepared:
    from .vectorised import household_positions

    households = households.reset_index(drop=True)
    hh_pos = household_positions(households["household_id"], members["household_id"])
    if (hh_pos < 0).any():
        raise ValueError("members refer to households that are not in the household table")
    order = np.argsort(hh_pos, kind="stable")
    members = members.iloc[order].reset_index(drop=True)
    hh_index = hh_pos[order]
    hh_records = records(plain_columns(plan, "household", households), len(households))
    m_records = records(plain_columns(plan, "person", members), len(members))
    starts = np.searchsorted(hh_index, np.arange(len(households) + 1))
    work = []
    for h, record in enumerate(hh_records):
        lo, hi = int(starts[h]), int(starts[h + 1])
        work.append((record, m_records[lo:hi], h, list(range(lo, hi))))
    return Prepared(households, members, work)


# -- worker processes ------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(plan: Plan, as_of: dt.date, lang: str, include_all: bool) -> None:
    _WORKER["args"] = (plan, as_of, lang, include_all)
    _WORKER["runner"] = runner_for(plan, as_of, lang, include_all)


def _run_chunk(chunk: list[tuple[dict, list[dict], int, list[int]]]) -> tuple[list[tuple], dict]:
    runner: Runner = _WORKER["runner"]
    if runner.host.broken:          # an earlier engine failure retired the Host: a new one
        runner = _WORKER["runner"] = runner_for(*_WORKER["args"])
    before = dataclasses.asdict(runner.stats)
    rows = _run_serial(runner, chunk)
    after = dataclasses.asdict(runner.stats)
    delta = {k: after[k] - before[k] for k in after if k != "max_live_sessions"}
    delta["max_live_sessions"] = after["max_live_sessions"]
    delta["pid"] = os.getpid()
    return rows, delta


def _run_serial(runner: Runner, chunk) -> list[tuple]:
    started = time.process_time()
    out = []
    for household, members, hh_pos, person_pos in chunk:
        for row in runner.run(household, members):
            bi, part, local = row[0], row[1], row[2]
            entity = runner.benefits[bi].entity
            pos = hh_pos if entity == "household" else person_pos[local]
            out.append((bi, part, pos, hh_pos) + row[3:])
    runner.stats.cpu_seconds += time.process_time() - started
    return out


def _context():
    """fork where there is one: this module's Host runs no thread, so a fork copies no engine thread
    mid-action, and each worker builds its own Host anyway (the parent's stays unused)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


LAST_RUN: dict[str, Any] = {}


def screen_durable(plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date,
                   include_all: bool = False, lang: str = "en", *, processes: int | None = None,
                   chunk_size: int = 250) -> pd.DataFrame:
    """Screen a register with durable_rules; the same table as `decisions.build_decisions`.

    `processes`: worker processes (default: one per core from PARALLEL_FROM households, else this
    process). Statistics of the last run (sessions created, deleted and checked gone, households,
    actions) are in `LAST_RUN`.
    """
    _engine_module()
    prepared = prepare(plan, households, members)
    n = len(prepared.work)
    if processes is None:
        processes = (os.cpu_count() or 1) if n >= PARALLEL_FROM else 1
    processes = max(1, min(int(processes), max(1, n // 50) if n else 1))
    stats: list[dict] = []
    if processes == 1:
        with _LOCK:                 # the process's Host keeps one live session: one screening at a time
            runner = runner_for(plan, as_of, lang, include_all)
            before = dataclasses.asdict(runner.stats)
            rows = _run_serial(runner, prepared.work)
            after = dataclasses.asdict(runner.stats)
        stats.append({k: after[k] - before[k] for k in after} | {"max_live_sessions": after["max_live_sessions"],
                                                                   "pid": os.getpid()})
    else:
        chunks = [prepared.work[i:i + chunk_size] for i in range(0, n, chunk_size)]
        rows = []
        pool = futures.ProcessPoolExecutor(processes, mp_context=_context(), initializer=_init_worker,
                                           initargs=(plan, as_of, lang, include_all))
        try:
            for future in [pool.submit(_run_chunk, chunk) for chunk in chunks]:
                chunk_rows, chunk_stats = future.result()
                rows.extend(chunk_rows)
                stats.append(chunk_stats)
        except futures.process.BrokenProcessPool as err:
            raise EngineFailure(f"a durable_rules worker process died (a crash in the engine?): {err}") from err
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    _account(stats, n)
    return _frame(plan, prepared, rows, as_of, lang)


def _account(stats: list[dict], n: int) -> None:
    total = {k: sum(s[k] for s in stats) for k in ("households", "sessions_created", "sessions_deleted",
                                                 "sessions_checked_gone", "actions", "cpu_seconds")}
    total["max_live_sessions"] = max([s["max_live_sessions"] for s in stats] + [0])
    total["processes"] = len({s["pid"] for s in stats})
    LAST_RUN.clear()
    LAST_RUN.update(total)
    if total["households"] != n:
        raise EngineFailure(f"{n} households in, {total['households']} screened")
    if not (total["sessions_created"] == total["sessions_deleted"] == total["sessions_checked_gone"]):
        raise EngineFailure(f"durable_rules sessions leaked: {total}")


def _frame(plan: Plan, prepared: Prepared, rows: list[tuple], as_of: dt.date, lang: str) -> pd.DataFrame:
    """The decisions table, laid out as `decisions.build_decisions` lays it out: benefits by name, rows
    in register order (hit policy `all`: per matching rule, then the rest); identity columns as
    strings (missing: NA), the district by its label, repeated texts as categoricals."""
    from ..decisions import COLUMNS, identity_columns

    benefits = [plan.benefits[n] for n in plan.order if n in plan.benefits]
    rank = {bi: r for r, bi in enumerate(sorted(range(len(benefits)), key=lambda i: benefits[i].id))}
    rows.sort(key=lambda r: (rank[r[0]], r[1], r[2]))
    cols = list(zip(*rows)) if rows else [()] * 14
    bidx = np.asarray(cols[0], dtype=np.int64)
    pos = np.asarray(cols[2], dtype=np.int64)
    hh_rows = np.asarray(cols[3], dtype=np.int64)
    hh, mm = prepared.households, prepared.members
    person = np.array([b.entity == "person" for b in benefits], dtype=bool)[bidx] if len(bidx) else \
        np.zeros(0, dtype=bool)
    p_rows = np.where(person, pos, -1)

    def per_benefit(values: list) -> pd.Categorical:
        return pd.Categorical(np.array(values, dtype=object)[bidx] if len(bidx) else [])

    def texts(i: int) -> pd.Categorical:
        return pd.Categorical(np.array(cols[i], dtype=object))

    out = pd.DataFrame({
        **identity_columns(plan, hh, mm, hh_rows, p_rows, lang),
        "benefit": per_benefit([b.id for b in benefits]),
        "benefit_label": per_benefit([getattr(b.label, lang) for b in benefits]),
        "entity": per_benefit([b.entity for b in benefits]),
        "status": texts(4),
        "coverage": texts(5),
        "amount": np.asarray(cols[6], dtype=float),
        "unit": per_benefit([b.unit for b in benefits]),
        "rate": np.asarray(cols[7], dtype=float),
        "rule": texts(8),
        "rule_label": texts(9),
        "reference": texts(10),
        "explanation": texts(11),
        "missing_inputs": texts(12),
        "unverified": texts(13),
    })
    return out[COLUMNS]


__all__ = ["screen_durable", "ruleset_json", "runner_for", "Runner", "EngineFailure", "LAST_RUN"]
