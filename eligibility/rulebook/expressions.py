"""The expression language: Python syntax parsed with `ast`, a whitelist, and a type checker.

`check(source, entity, scope)` turns a string from a rule file into a typed tree of `Node`s, or
raises `ExprError` (code, message, allowed, suggestion). Nothing is ever evaluated here: the
engines (vectorised, scalar) walk the checked tree.
"""
from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from ..suggestions import suggest
from .calls import AGGREGATES, FORMS, FUNCTIONS, CallChecker
from .functions import FUNCTIONS as REGISTRY
from .tree import (BOOL, DATE, LIST, NUMBER, NUMERIC, TEXT, Aggregate, Arith, AsOf, BenefitRef, BoolOp, Call, Column,
                   Compare, Const, ExprError, FromHousehold, IfElse, In, Neg, Node, Not, Param, ParamAt, Scope, Shared,
                   Symbol, Type, Var, joined_entity, type_of, walk)

# The tree (types, nodes, scope) lives in tree.py and the calls in calls.py; their names stay
# importable from here, where the engines, the plan and the tests import them.
__all__ = ["AGGREGATES", "BOOL", "DATE", "FORMS", "FUNCTIONS", "LIST", "NUMBER", "NUMERIC", "REGISTRY", "TEXT",
           "Aggregate", "Arith", "AsOf", "BenefitRef", "BoolOp", "Call", "Column", "Compare", "Const", "ExprError",
           "FromHousehold", "IfElse", "In", "Neg", "Node", "Not", "Param", "ParamAt", "Scope", "Shared", "Symbol",
           "Type", "Var", "check", "compatible", "parse", "type_of", "walk"]

COMPARE_OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
ARITH_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
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
    if len(source) + 2 > MAX_DEPTH and _depth(tree) > MAX_DEPTH:   # shorter: cannot nest that deep
        raise ExprError("E-EXPR-SYNTAX", f"expression nested more than {MAX_DEPTH} levels deep")
    return tree


def _depth(tree: ast.AST) -> int:
    """Nesting depth, measured without recursion (the checker and engines recurse per level). Every
    level but the innermost two (a name and its context) takes at least one character of source, so
    an expression of n characters is at most n + 2 deep: `parse` measures only longer ones."""
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


class _Checker(CallChecker):
    def __init__(self, scope: Scope):
        self.scope = scope

    def visit(self, node: ast.AST, entity: str) -> Node:
        method: Callable[[Any, str], Node] | None = getattr(self, "visit_" + type(node).__name__, None)
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
        return BoolOp(BOOL, joined_entity(items), "and" if isinstance(node.op, ast.And) else "or", items)

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
        return Arith(NUMBER, joined_entity((left, right)), op, left, right)

    def visit_Compare(self, node: ast.Compare, entity: str) -> Node:
        parts, left = [], self.visit(node.left, entity)
        for op, comparator in zip(node.ops, node.comparators):
            right = self.visit(comparator, entity)
            parts.append(self._compare(op, left, right))
            left = right
        return parts[0] if len(parts) == 1 else BoolOp(BOOL, joined_entity(tuple(parts)), "and", tuple(parts))

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
        return Compare(BOOL, joined_entity((left, right)), symbol, left, right)

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
        return IfElse(then.type, joined_entity((cond, then, other)), cond, then, other)
