"""The expression language: Python syntax parsed with `ast`, a whitelist, and a type checker.

`check(source, entity, scope)` turns a string from a rule file into a typed tree of `Node`s, or
raises `ExprError` (code, message, allowed, suggestion). Nothing is ever evaluated here: the
engines (vectorised, scalar) walk the checked tree.
"""
from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, overload

from ..suggestions import suggest
from .functions import ANY, SAME
from .functions import FUNCTIONS as REGISTRY

# Types: bool, number, date, text, enum, list. `int`/`money` are numbers with a display hint.
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
        raise ExprError("E-NAME-UNKNOWN", f"unknown name '{name}'", suggestion=suggest(name, known))


COMPARE_OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
ARITH_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
AGGREGATES = {"count", "any", "all", "sum", "max", "min"}
FORMS = {"param", "date", "eligible", "amount"}          # calls the checker reads itself (quoted names)
FUNCTIONS = FORMS | AGGREGATES | set(REGISTRY)            # everything a rule may call
MAX_SOURCE = 2000
MAX_DEPTH = 60


def parse(source: str) -> ast.expr:
    if not isinstance(source, str):
        source = repr(source)
    if len(source) > MAX_SOURCE:
        raise ExprError("E-EXPR-SYNTAX", f"expression longer than {MAX_SOURCE} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval").body
    except SyntaxError as err:
        raise ExprError("E-EXPR-SYNTAX", f"not a valid expression: {err.msg} (column {err.offset})") from None
    except (RecursionError, MemoryError):
        raise ExprError("E-EXPR-SYNTAX", "expression nested too deeply") from None
    if _depth(tree) > MAX_DEPTH:
        raise ExprError("E-EXPR-SYNTAX", f"expression nested more than {MAX_DEPTH} levels deep")
    return tree


def _depth(tree: ast.AST) -> int:
    """Nesting depth, measured without recursion (the checker and engines recurse per level)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in ast.iter_child_nodes(node))
    return deepest


def check(source: Any, entity: str, scope: Scope, expect: Type | None = None) -> Node:
    """Parse, whitelist and type-check one expression evaluated for `entity`."""
    if isinstance(source, bool):
        node: Node = Const(BOOL, "scalar", source)
    elif isinstance(source, (int, float)):
        node = Const(NUMBER, "scalar", float(source))
    else:
        node = _Checker(scope).visit(parse(source), entity)
    if expect is not None and expect.kind == "enum":
        node = _as_enum(node, expect)
    if expect is not None and not compatible(node.type, expect):
        raise ExprError("E-TYPE", f"expected a {expect} expression, got {node.type}")
    return node


def _as_enum(node: Node, enum: Type) -> Node:
    """A quoted code where an enum is expected ('poor', or both branches of an if/else) is that code."""
    if isinstance(node, Const) and node.type.kind == "text":
        _Checker._enum_value(enum, node.value)
        return Const(enum, "scalar", node.value)
    if isinstance(node, IfElse):
        then, other = _as_enum(node.then, enum), _as_enum(node.other, enum)
        if then.type.kind == other.type.kind:
            return IfElse(then.type, node.entity, node.cond, then, other)
    return node


def compatible(got: Type, want: Type) -> bool:
    if want.kind == "enum" and got.kind == "enum":
        return set(got.values) <= set(want.values)
    return got.kind == want.kind


class _Checker:
    def __init__(self, scope: Scope):
        self.scope = scope

    def visit(self, node: ast.AST, entity: str) -> Node:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            raise ExprError("E-EXPR-FORBIDDEN", f"'{type(node).__name__}' is not allowed in a rule expression",
                            allowed="comparisons, and/or/not, in, + - * / //, x if c else y, names, "
                                    + ", ".join(sorted(FUNCTIONS)) + "()")
        return method(node, entity)

    # -- leaves
    def visit_Constant(self, node: ast.Constant, entity: str) -> Node:
        value = node.value
        if isinstance(value, bool):
            return Const(BOOL, "scalar", value)
        if isinstance(value, (int, float)):
            if abs(value) > 1e15:
                raise ExprError("E-EXPR-FORBIDDEN", f"number {value!r} is out of range")
            return Const(NUMBER, "scalar", float(value))
        if isinstance(value, str):
            return Const(TEXT, "scalar", value)
        raise ExprError("E-EXPR-FORBIDDEN", f"literal {value!r} is not allowed")

    def visit_Name(self, node: ast.Name, entity: str) -> Node:
        if node.id.startswith("_"):
            raise ExprError("E-EXPR-FORBIDDEN", f"name '{node.id}' is not allowed (names may not start with '_')")
        if node.id == "as_of":
            return AsOf(DATE, "scalar")
        if node.id in ("True", "False"):
            return Const(BOOL, "scalar", node.id == "True")
        symbol = self.scope.lookup(node.id, entity)
        if symbol.kind == "column":
            return Column(symbol.type, entity, node.id)
        if symbol.kind == "benefit":
            return BenefitRef(BOOL, entity, node.id, "eligible")
        return Var(symbol.type, entity, node.id)

    def visit_Attribute(self, node: ast.Attribute, entity: str) -> Node:
        if not (isinstance(node.value, ast.Name) and node.value.id == "household") or node.attr.startswith("_"):
            raise ExprError("E-EXPR-FORBIDDEN", "attribute access is only allowed as household.<name>",
                            allowed="household.<column or variable>")
        if entity != "person":
            raise ExprError("E-ENTITY", f"household.{node.attr} is written in a household expression; write {node.attr}")
        inner = self.visit(ast.Name(id=node.attr), "household")
        return FromHousehold(inner.type, "person", inner)

    def visit_List(self, node: ast.List, entity: str) -> Node:
        items = [self.visit(elt, entity) for elt in node.elts]
        literals = [i for i in items if isinstance(i, Const) and i.type.kind in ("text", "number")]
        if len(literals) != len(items):
            raise ExprError("E-EXPR-FORBIDDEN", "a list may only hold literal strings or numbers")
        return Const(LIST, "scalar", tuple(i.value for i in literals))

    visit_Tuple = visit_List

    # -- operators
    def visit_BoolOp(self, node: ast.BoolOp, entity: str) -> Node:
        items = tuple(self._bool(self.visit(v, entity)) for v in node.values)
        return BoolOp(BOOL, _join(items), "and" if isinstance(node.op, ast.And) else "or", items)

    def visit_UnaryOp(self, node: ast.UnaryOp, entity: str) -> Node:
        inner = self.visit(node.operand, entity)
        if isinstance(node.op, ast.Not):
            return Not(BOOL, inner.entity, self._bool(inner))
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            self._need(inner, "number", "unary minus")
            return inner if isinstance(node.op, ast.UAdd) else Neg(NUMBER, inner.entity, inner)
        raise ExprError("E-EXPR-FORBIDDEN", "operator '~' is not allowed")

    def visit_BinOp(self, node: ast.BinOp, entity: str) -> Node:
        op = ARITH_OPS.get(type(node.op))
        if op is None:
            raise ExprError("E-EXPR-FORBIDDEN", f"operator {type(node.op).__name__} is not allowed",
                            allowed="+ - * / // %")
        left, right = self.visit(node.left, entity), self.visit(node.right, entity)
        for side in (left, right):
            self._need(side, "number", f"arithmetic '{op}'")
        return Arith(NUMBER, _join((left, right)), op, left, right)

    def visit_Compare(self, node: ast.Compare, entity: str) -> Node:
        parts, left = [], self.visit(node.left, entity)
        for op, comparator in zip(node.ops, node.comparators):
            right = self.visit(comparator, entity)
            parts.append(self._compare(op, left, right))
            left = right
        return parts[0] if len(parts) == 1 else BoolOp(BOOL, _join(tuple(parts)), "and", tuple(parts))

    def _compare(self, op: ast.cmpop, left: Node, right: Node) -> Node:
        if isinstance(op, (ast.In, ast.NotIn)):
            return self._membership(left, right, isinstance(op, ast.NotIn))
        symbol = COMPARE_OPS.get(type(op))
        if symbol is None:
            raise ExprError("E-EXPR-FORBIDDEN", f"comparison '{type(op).__name__}' is not allowed",
                            allowed="== != < <= > >= in, not in")
        left, right = self._align(left, right)
        if left.type.kind != right.type.kind:
            raise ExprError("E-TYPE", f"cannot compare a {left.type.kind} with a {right.type.kind}")
        if symbol not in ("==", "!=") and left.type.kind not in ("number", "date"):
            raise ExprError("E-TYPE", f"'{symbol}' needs numbers or dates, got {left.type.kind}")
        return Compare(BOOL, _join((left, right)), symbol, left, right)

    def _membership(self, item: Node, options: Node, negate: bool) -> Node:
        if options.type.kind != "list":
            raise ExprError("E-TYPE", "the right side of 'in' must be a list literal or a list parameter")
        if item.type.kind == "enum" and isinstance(options, Const):
            for value in options.value:
                self._enum_value(item.type, value)
        elif item.type.kind not in ("enum", "text", "number"):
            raise ExprError("E-TYPE", f"'in' needs an enum, text or number on the left, got {item.type.kind}")
        return In(BOOL, item.entity, item, options, negate)

    def _align(self, left: Node, right: Node) -> tuple[Node, Node]:
        """An enum compared with a string literal: check the literal is one of its codes."""
        for a, b in ((left, right), (right, left)):
            if a.type.kind == "enum" and isinstance(b, Const) and b.type.kind == "text":
                self._enum_value(a.type, b.value)
                coded = Const(a.type, "scalar", b.value)
                return (a, coded) if a is left else (coded, a)
        if left.type.kind == "enum" and right.type.kind == "enum" and left.type.values != right.type.values:
            raise ExprError("E-TYPE", "cannot compare two enums with different values")
        return left, right

    @staticmethod
    def _enum_value(enum: Type, value: Any) -> None:
        if value not in enum.values:
            raise ExprError("E-ENUM-VALUE", f"'{value}' is not a value of this enum",
                            allowed=", ".join(enum.values), suggestion=suggest(str(value), enum.values))

    def visit_IfExp(self, node: ast.IfExp, entity: str) -> Node:
        cond = self._bool(self.visit(node.test, entity))
        then, other = self.visit(node.body, entity), self.visit(node.orelse, entity)
        if then.type.kind != other.type.kind:
            raise ExprError("E-TYPE", f"both branches must have one type, got {then.type.kind} and {other.type.kind}")
        return IfElse(then.type, _join((cond, then, other)), cond, then, other)

    # -- calls
    def visit_Call(self, node: ast.Call, entity: str) -> Node:
        if not isinstance(node.func, ast.Name) or node.keywords:
            raise ExprError("E-EXPR-FORBIDDEN", "only the built-in functions may be called, with positional arguments",
                            allowed=", ".join(sorted(FUNCTIONS)))
        name = node.func.id
        if name not in FUNCTIONS:
            raise ExprError("E-EXPR-FORBIDDEN", f"function '{name}' is not allowed",
                            allowed=", ".join(sorted(FUNCTIONS)), suggestion=suggest(name, FUNCTIONS))
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise ExprError("E-EXPR-FORBIDDEN", "starred arguments are not allowed")
        if name in AGGREGATES:
            return self._aggregate(name, node.args, entity)
        if name == "param" and len(node.args) == 2:
            return self._param_at(node.args, entity)
        if name in ("param", "date", "eligible", "amount"):
            return self._literal_call(name, node.args, entity)
        args = tuple(self.visit(a, entity) for a in node.args)
        return self._function(name, args)

    def _param_at(self, args: list[ast.expr], entity: str) -> Node:
        """param('name', some_date): the value in force on that date (per row)."""
        base = self._literal_call("param", args[:1], entity)
        assert isinstance(base, Param)
        if base.type.kind == "list":
            raise ExprError("E-TYPE", f"param('{base.name}', date) reads a number on a date; '{base.name}' is a list")
        at = self.visit(args[1], entity)
        self._need(at, "date", "param(name, date)")
        return ParamAt(base.type, at.entity, base.name, at)

    def _literal_call(self, name: str, args: list[ast.expr], entity: str) -> Node:
        if len(args) != 1 or not (isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)):
            raise ExprError("E-TYPE", f"{name}() takes one quoted name, e.g. {name}('...')")
        text = args[0].value
        if name == "date":
            try:
                return Const(DATE, "scalar", dt.date.fromisoformat(text))
            except ValueError:
                raise ExprError("E-TYPE", f"date('{text}') is not a valid date yyyy-mm-dd") from None
        if name == "param":
            if text not in self.scope.parameters:
                raise ExprError("E-PARAM-UNKNOWN", f"unknown parameter '{text}'",
                                suggestion=suggest(text, self.scope.parameters))
            return Param(self.scope.parameters[text], "scalar", text)
        owner = self.scope.benefits.get(text)
        if owner is None:
            raise ExprError("E-NAME-UNKNOWN", f"unknown benefit '{text}'", suggestion=suggest(text, self.scope.benefits))
        ref = BenefitRef(BOOL if name == "eligible" else NUMBER, owner, text, name)
        if owner == entity:
            return ref
        if owner == "household" and entity == "person":
            return FromHousehold(ref.type, "person", ref)
        raise ExprError("E-ENTITY", f"benefit '{text}' is decided per person; from a household use any(eligible('{text}'))")

    def _aggregate(self, name: str, args: list[ast.expr], entity: str) -> Node:
        if entity != "household":
            raise ExprError("E-ENTITY", f"{name}() aggregates over a household's members; use it in household expressions")
        if name == "count" and not args:
            return Aggregate(NUMBER, "household", "count", None)
        if len(args) != 1:
            raise ExprError("E-TYPE", f"{name}() takes one expression about a member")
        inner = self.visit(args[0], "person")
        if name in ("count", "any", "all"):
            self._bool(inner)
            return Aggregate(BOOL if name != "count" else NUMBER, "household", name, inner)
        if inner.type.kind not in ("number", "date") or (name == "sum" and inner.type.kind != "number"):
            raise ExprError("E-TYPE", f"{name}() needs a number" + (" or date" if name != "sum" else ""))
        return Aggregate(inner.type, "household", name, inner)

    def _function(self, name: str, args: tuple[Node, ...]) -> Node:
        """A call of a registered function (`functions.py`): arity and argument kinds checked."""
        spec = REGISTRY[name]
        if len(args) != len(spec.args):
            raise ExprError("E-TYPE", f"{name}() takes {len(spec.args)} argument(s), got {len(args)}")
        for arg, kind in zip(args, spec.args):
            if kind != ANY:
                self._need(arg, kind, name)
        if spec.same_kind and len({a.type.kind for a in args}) > 1:
            raise ExprError("E-TYPE", f"{name}() needs two values of one type")
        result = args[0].type if spec.result == SAME else Type(spec.result, hint=spec.hint)
        return Call(result, _join(args), name, args)

    # -- helpers
    @staticmethod
    def _need(node: Node, kind: str, what: str) -> None:
        if node.type.kind != kind:
            raise ExprError("E-TYPE", f"{what} needs a {kind}, got {node.type.kind}")

    @staticmethod
    def _bool(node: Node) -> Node:
        if node.type.kind != "bool":
            raise ExprError("E-TYPE", f"expected a condition (true/false), got a {node.type.kind}")
        return node


def _join(items: tuple[Node, ...]) -> str:
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
        self.nodes: dict[tuple, Node] = {}

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


def walk(node: Node):
    """Every node of a checked tree (pre-order)."""
    yield node
    for value in vars(node).values():
        if isinstance(value, Node):
            yield from walk(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, Node):
                    yield from walk(item)
