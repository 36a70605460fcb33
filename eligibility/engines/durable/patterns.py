"""Pattern shapes: local tests and joins as durable_rules JSON, values as posted, and the alpha-stack cost.

A local (alpha) test is a tuple: ("cmp", attr, op, constant) | ("ex", attr) | ("m", attr, op, other_attr).
Tests run in the order written: local tests first, in one canonical order so that patterns share
their prefixes in the alpha network; tests against another fact (joins) last, because the engine
pushes those onto its 64-entry alpha stack without evaluating them.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..scalar import compare
from .native import Fact
from .translate import Family, K, Slot

Test = tuple[Any, ...]    # a local test, as above (its last item a constant or an attribute)
Path = tuple[Test, ...]   # a pattern's tests below its tag node, in order
Owner = tuple[int | str, int]   # (benefit, rule) indices, or ("form", form index)

ALPHA_BUDGET = 48           # distinct patterns one fact may match (engine: error 303 beyond 64)
ATTRIBUTE_BUDGET = 160      # attributes per fact (engine: 252, beyond which it crashes)
# Rules are packed onto a fact copy while its attributes stay within this many (a rule needing more
# gets a copy of its own, up to ATTRIBUTE_BUDGET). Every match hands the action the whole fact: the
# engine writes it out as JSON and the action scans that text for the key, so a person fact of 71
# attributes matched ~300 times a household cost more than a few more, smaller copies (16-24:
# ~15 % less CPU a household than 160 on the generated register; 6: slower, too many copies).
PACK_ATTRIBUTES = 20
DURABLE_OP = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


def _test_json(test: Test, names: dict[str, str] | None) -> Fact:
    """A local test as JSON; on an entity fact its attributes under their posted names (`names`)."""
    kind, attr = test[0], test[1]
    if names is not None:
        attr = names[attr]
    if kind == "ex":
        return {"$ex": {attr: 1}}
    op, rhs = test[2], test[3]
    if kind == "m":
        rhs = {"$m": rhs if names is None else names[rhs]}
        return {"$eq" if op == "==" else DURABLE_OP[op]: {attr: rhs}}
    return {attr: rhs} if op == "==" else {DURABLE_OP[op]: {attr: rhs}}


def _join_json(op: str, attr: str, alias: str, other: str) -> Fact:
    rhs = {alias: other}
    return {attr: rhs} if op == "==" else {DURABLE_OP[op]: {attr: rhs}}


def _test_order(test: Test) -> tuple[str, str, str, str]:
    return (test[1], test[0], test[2] if len(test) > 2 else "", repr(test[3]) if len(test) > 3 else "")


@dataclass
class AliasSpec:
    family: Family
    local: set[Test] = field(default_factory=set)      # alpha tests (tuples, see above)
    joins: list[Fact] = field(default_factory=list)    # tests against earlier aliases (JSON)
    attrs: set[str] = field(default_factory=set)       # attributes the fact must carry for this pattern

    def sequence(self, unique: str) -> Path:
        """The pattern's path below its tag node; joins are distinct nodes, always pushed."""
        return tuple(sorted(self.local, key=_test_order)) + tuple(("join", unique, i) for i in range(len(self.joins)))


@dataclass
class RuleSpec:
    name: str
    action: tuple[str, int, int, int]              # (kind, benefit, rule, -1) | ("F"/"T", form, -1, -1)
    owner: Owner | None                            # (bi, ri): the benefit rule it belongs to
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


Getter = Callable[[Any, Any], Any]   # a slot's value for (HouseholdContext, member index or None)


def slot_getter(slot: Slot, expr: Getter | None) -> Getter:
    """How a slot's value is read for a household (person None) or one of its members (`expr`: the
    scalar evaluator's closure of an expression slot)."""
    ref = slot.ref
    if slot.kind == "column":
        if slot.entity == "household":
            return lambda ctx, person: ctx.household.get(ref)
        return lambda ctx, person: ctx.members[person].get(ref)
    if slot.kind == "var":
        if slot.entity == "household":
            return lambda ctx, person: ctx.hh_vars.get(ref)
        return lambda ctx, person: ctx.person_vars[person].get(ref)
    if expr is None:
        raise ValueError(f"no expression for the slot {slot.attr}@{slot.entity}")
    return expr


def poster(vtype: str, get: Getter) -> Getter:
    """A slot's value as posted (`post_value` of the getter's value), in one closure."""
    if vtype == "number":
        def number(ctx: Any, person: Any) -> Any:
            value = get(ctx, person)
            if value is None:
                return None
            value = float(value)
            return value if math.isfinite(value) else None
        return number
    convert: Callable[[Any], Any] = {"date": int, "bool": bool}.get(vtype, str)

    def other(ctx: Any, person: Any) -> Any:
        value = get(ctx, person)
        return None if value is None else convert(value)
    return other


def carry(fact: Fact, attrs: list[tuple[int, str]], values: list[Any]) -> Fact:
    """The fact with those of its attributes that are known, in the order given ((index in `values`, the
    attribute's posted name) pairs; None: unknown, left out)."""
    for index, name in attrs:
        value = values[index]
        if value is not None:
            fact[name] = value
    return fact


def _const(slot: Slot, k: K) -> Any:
    return bool(k.value) if slot.vtype == "bool" else post_value(slot.vtype, k.value)


def _satisfied(op: str, value: Any, const: Any) -> bool:
    try:
        return compare(op, value, const)
    except TypeError:
        return op == "!="


Trie = dict[Test, "Trie"]   # the alpha network's shape: each test's children


@functools.lru_cache(maxsize=65536)
def _max_together(tests: frozenset[Test]) -> int:
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


def stack_cost(sequences: list[Path]) -> int:
    """An upper bound of the alpha stack one fact can need for these pattern paths (engine limit 64).

    The engine walks the alpha network depth first and pushes every matching child of a node at once,
    so the stack holds the matching siblings of every node on the current path. Children testing one
    attribute against constants are counted by how many one value can satisfy together."""
    trie: Trie = {}
    for seq in sequences:
        node = trie
        for test in seq:
            node = node.setdefault(test, {})

    def cost(node: Trie) -> int:
        if not node:
            return 0
        by_attr: dict[str, list[Test]] = {}
        width = 0
        for test in node:
            if test[0] == "cmp":
                by_attr.setdefault(test[1], []).append(test)
            else:
                width += 1
        width += sum(_max_together(frozenset(tests)) for tests in by_attr.values())
        return width + max(cost(child) for child in node.values())

    return cost(trie)


@dataclass
class Group:
    tag: str
    sequences: list[Path] = field(default_factory=list)
    attrs: set[str] = field(default_factory=set)
    cost: int = 0

    def fits(self, paths: list[Path], cost: int, attrs: set[str]) -> bool:
        if len(self.attrs | attrs) > (PACK_ATTRIBUTES if self.attrs else ATTRIBUTE_BUDGET):   # an empty copy takes any rule
            return False
        # the cost is subadditive (merging two tries widens no node beyond the sum), so the exact
        # count is needed only near the budget
        if self.cost + cost <= ALPHA_BUDGET:
            return True
        if self.cost + cost > ALPHA_BUDGET + 24:     # far over: not worth the exact count
            return False
        return stack_cost(self.sequences + paths) <= ALPHA_BUDGET

    def add(self, paths: list[Path], cost: int, attrs: set[str]) -> None:
        self.sequences.extend(paths)
        self.attrs |= attrs
        self.cost = stack_cost(self.sequences) if self.cost + cost > ALPHA_BUDGET else self.cost + cost
