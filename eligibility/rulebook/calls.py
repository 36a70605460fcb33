"""The calls a rule expression may make, checked: aggregates over members (count, any, ...), the
quoted forms (param, date, eligible, amount) and the registered functions (`functions.py`).

Mixed into the checker (`expressions._Checker`), which supplies `visit` and `scope`.
"""
from __future__ import annotations

import ast
import datetime as dt

from ..suggestions import suggest
from .functions import ANY, SAME
from .functions import FUNCTIONS as REGISTRY
from .tree import (BOOL, DATE, NUMBER, Aggregate, BenefitRef, Call, Const, ExprError, FromHousehold, Node, Param,
                   ParamAt, Scope, Type, joined_entity)


AGGREGATES = {"count", "any", "all", "sum", "max", "min"}
FORMS = {"param", "date", "eligible", "amount"}          # calls the checker reads itself (quoted names)
FUNCTIONS = FORMS | AGGREGATES | set(REGISTRY)            # everything a rule may call


class CallChecker:
    scope: Scope

    def visit(self, node: ast.AST, entity: str) -> Node:
        raise NotImplementedError  # the checker's dispatcher (expressions._Checker.visit)

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
        return Call(result, joined_entity(args), name, args)

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
