"""The typed tree a checked rule expression becomes: types, nodes, the names in scope, and the
helpers that look at whole trees (sharing equal subtrees, walking).

Built by the checker (`expressions.check`), read by the engines and the plan; nothing here parses
or evaluates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import Any, overload

from ..errors import Phrase
from ..suggestions import suggest
from ..wording.catalogue import N_


NUMERIC = {"number", "int", "money", "rate"}


@dataclass(frozen=True)
class Type:
    kind: str                      # bool | number | date | text | enum | list
    values: tuple[str, ...] = ()   # enum codes, in declared order
    hint: str = ""                 # int | money | rate (display only)

    def __str__(self) -> str:
        return f"enum({', '.join(self.values)})" if self.kind == "enum" else self.kind


BOOL, NUMBER, DATE, TEXT, LIST = Type("bool"), Type("number"), Type("date"), Type("text"), Type("list")


def type_of(kind: str, values: tuple[str, ...] | list[str] | None = None) -> Type:
    """The checker's type for a declared column/variable/parameter type name."""
    if kind in NUMERIC:
        return Type("number", hint=kind)
    if kind == "enum":
        return Type("enum", tuple(values or ()))
    return {"bool": BOOL, "date": DATE, "text": TEXT, "list": LIST}[kind]


class ExprError(Exception):
    def __init__(self, code: str, message: str, allowed: str | None = None, suggestion: str | None = None):
        super().__init__(message)
        self.code, self.message, self.allowed, self.suggestion = code, message, allowed, suggestion


# ---------------------------------------------------------------- typed tree
@dataclass(frozen=True, eq=False)
class Node:
    type: Type
    entity: str  # household | person | scalar


@dataclass(frozen=True, eq=False)
class Const(Node):
    value: Any = None


@dataclass(frozen=True, eq=False)
class AsOf(Node):
    pass


@dataclass(frozen=True, eq=False)
class Column(Node):
    name: str


@dataclass(frozen=True, eq=False)
class Var(Node):
    name: str


@dataclass(frozen=True, eq=False)
class BenefitRef(Node):
    benefit: str
    what: str = "eligible"  # eligible | amount


@dataclass(frozen=True, eq=False)
class Param(Node):
    name: str


@dataclass(frozen=True, eq=False)
class ParamAt(Param):
    """A parameter's value in force on a date of the register's (e.g. the disaster date), not the as-of date."""
    at: Node


@dataclass(frozen=True, eq=False)
class FromHousehold(Node):
    """A household value seen from each of its members."""
    inner: Node


@dataclass(frozen=True, eq=False)
class Aggregate(Node):
    """count/any/all/sum/max/min over a household's members."""
    func: str
    inner: Node | None = None


@dataclass(frozen=True, eq=False)
class Compare(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, eq=False)
class BoolOp(Node):
    op: str  # and | or
    items: tuple[Node, ...]


@dataclass(frozen=True, eq=False)
class Not(Node):
    inner: Node


@dataclass(frozen=True, eq=False)
class Arith(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, eq=False)
class Neg(Node):
    inner: Node


@dataclass(frozen=True, eq=False)
class In(Node):
    item: Node
    options: Node             # Const list or Param list
    negate: bool = False


@dataclass(frozen=True, eq=False)
class IfElse(Node):
    cond: Node
    then: Node
    other: Node


@dataclass(frozen=True, eq=False)
class Call(Node):
    func: str = ""
    args: tuple[Node, ...] = ()


# ---------------------------------------------------------------- scope
@dataclass
class Symbol:
    kind: str      # column | variable | benefit
    entity: str
    type: Type


@dataclass
class Scope:
    """Everything an expression may name: input columns, variables, benefits, parameters."""

    symbols: dict[str, dict[str, Symbol]]          # entity -> name -> symbol
    parameters: dict[str, Type]
    benefits: dict[str, str] = field(default_factory=dict)   # benefit -> entity

    def lookup(self, name: str, entity: str) -> Symbol:
        found = self.symbols[entity].get(name)
        if found:
            return found
        other = "household" if entity == "person" else "person"
        if name in self.symbols[other]:
            hint = f"household.{name}" if other == "household" else f"count(...)/any(...) over members' '{name}'"
            raise ExprError("E-ENTITY", f"'{name}' is a {other} value; from a {entity} write {hint}")
        known = list(self.symbols[entity]) + ["as_of"]
        raise ExprError("E-NAME-UNKNOWN", Phrase(N_("unknown name '{name}'"), name=name), suggestion=suggest(name, known))



def joined_entity(items: tuple[Node, ...]) -> str:
    """The entity of a combination: person if any part is per person, else household, else scalar."""
    entities = {i.entity for i in items}
    for e in ("person", "household"):
        if e in entities:
            return e
    return "scalar"



class Shared:
    """Common subexpressions made one: structurally equal trees become the same node object.

    `age >= 18` written in nine rules is then one node, which an engine computes once per register
    (engines remember results by node). Nodes are pure functions of the register and the as-of date,
    so sharing changes no result."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[Any, ...], Node] = {}

    @overload
    def __call__(self, node: Node) -> Node: ...

    @overload
    def __call__(self, node: None) -> None: ...

    def __call__(self, node: Node | None) -> Node | None:
        if node is None:
            return None
        fields = {}
        for name, value in vars(node).items():
            if isinstance(value, Node):
                value = self(value)
            elif isinstance(value, tuple) and any(isinstance(v, Node) for v in value):
                value = tuple(self(v) if isinstance(v, Node) else v for v in value)
            fields[name] = value
        key = (type(node),) + tuple((name, _identity(value)) for name, value in fields.items())
        found = self.nodes.get(key)
        if found is None:
            found = self.nodes[key] = node if all(fields[k] is v for k, v in vars(node).items()) \
                else type(node)(**fields)
        return found


def _identity(value: Any) -> Any:
    """A hashable stand-in: shared nodes by identity, values with their type (True is not 1)."""
    if isinstance(value, Node):
        return ("node", id(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__,) + tuple(_identity(v) for v in value)
    return (type(value).__name__, value)


def walk(node: Node) -> Iterator[Node]:
    """Every node of a checked tree (pre-order)."""
    yield node
    for value in vars(node).values():
        if isinstance(value, Node):
            yield from walk(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, Node):
                    yield from walk(item)
