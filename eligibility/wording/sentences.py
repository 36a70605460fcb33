"""Conditions as sentences: a checked expression worded with the labels of the names it uses.

    age >= 75                                  → Tuổi từ đủ 75 trở lên · Age in completed years: 75 or more
    household.area_difficult                   → Vùng khó khăn (...)   · Difficult area (...)
    merit_category == 'martyr_relative'        → Diện người có công: Thân nhân liệt sĩ
    income_per_capita <= param('poverty.line') → Thu nhập ... từ chuẩn nghèo ... trở xuống

The tree is read by its node classes' names (duck typing: this package sits below the rule book
in the layers). The phrases are catalogue messages, so the Vietnamese is a translation like any
other. A node it has no words for raises `CannotWord`; the caller keeps the rule file's label or
its text and `validate` warns.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .catalogue import N_, translator
from .formats import format_date, format_number


class CannotWord(Exception):
    """The expression uses something without words (a function, an unlabelled name)."""


@dataclass(frozen=True)
class Term:
    """A name's label in each language, its unit and, for an enum, its values' labels."""

    label: dict[str, str]
    unit: str | None = None
    values: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Glossary:
    """Everything an expression may name, worded: columns by (entity, name), variables, parameters, benefits."""

    columns: dict[tuple[str, str], Term]
    variables: dict[str, Term]
    parameters: dict[str, Term]
    benefits: dict[str, Term]

    def enum_label(self, code: str, lang: str, term: Term | None = None) -> str:
        """An enum value's label: the column's own, else the first column that has that code."""
        found = (term.values.get(code) if term else None) or next(
            (t.values[code] for t in self.columns.values() if code in t.values), None)
        if found is None:
            raise CannotWord(f"no label for the value '{code}'")
        return found[lang]


COMPARE = {   # a number compared with a value; a date with a date
    ">=": N_("{subject}: {value} or more"), ">": N_("{subject}: more than {value}"),
    "<": N_("{subject}: less than {value}"), "<=": N_("{subject}: {value} or less"),
    "==": N_("{subject}: {value}"), "!=": N_("{subject}: not {value}"),
}
COMPARE_AGE = {">=": N_("{subject}: {value} or over")}
COMPARE_DATE = {
    ">=": N_("{subject}: on or after {value}"), ">": N_("{subject}: after {value}"),
    "<": N_("{subject}: before {value}"), "<=": N_("{subject}: on or before {value}"),
    "==": N_("{subject}: on {value}"), "!=": N_("{subject}: not on {value}"),
}
MIRROR = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}
LOW = {">=": N_("from {value}"), ">": N_("more than {value}")}       # a range: subject, low, high
LOW_AGE = {">=": N_("aged {value} or over")}
HIGH = {"<=": N_("up to {value}"), "<": N_("less than {value}")}
AGGREGATE = {"count": N_("number of members: {inner}"), "any": N_("a member: {inner}"),
             "all": N_("every member: {inner}"), "sum": N_("total over the members of {inner}"),
             "max": N_("highest among the members of {inner}"), "min": N_("lowest among the members of {inner}")}
UNIT_WORDS = {"percent": "%", "km": N_(" km"), "days": N_(" days"), "months": N_(" months"), "years": N_(" years")}
ARITH = {"+": "+", "-": "−", "*": "×", "/": "÷", "//": "÷", "%": "mod"}
N_("not: {inner}")
JOINERS = {"and": N_(" and "), "or": N_(" or ")}
YES_NO = {True: N_("yes"), False: N_("no")}
N_("eligible for {benefit}")
N_("amount of {benefit}")
N_("the as-of date")
N_("{subject} recorded")
N_("yes")
N_("no")
N_("number of members")
N_("{subject}: {low} and {high}")


def word(node, glossary: Glossary, lang: str) -> str:
    """The condition `node` (a checked boolean expression) as a sentence in `lang`."""
    text = _Worder(glossary, lang).sentence(node)
    return text[:1].upper() + text[1:]


class _Worder:
    def __init__(self, glossary: Glossary, lang: str):
        self.g, self.lang, self._ = glossary, lang, translator(lang)

    # ---------------------------------------------------------- sentences (booleans)
    def sentence(self, node) -> str:
        kind = type(node).__name__
        handler = getattr(self, f"_s_{kind}", None)
        if handler is None:
            raise CannotWord(f"no words for {kind}")
        return handler(node)

    def _s_Column(self, node) -> str:
        return self._term(node)[0].label[self.lang]

    _s_Var = _s_Column

    def _s_FromHousehold(self, node) -> str:
        return self.sentence(node.inner)

    def _s_Not(self, node) -> str:
        return self._("not: {inner}").format(inner=_lower(self.sentence(node.inner)))

    def _s_BoolOp(self, node) -> str:
        bounds = _range(node)
        if bounds is not None:
            return self._range(*bounds)
        parts = [self._nested(item, node.op) for item in node.items]
        joiner = self._(JOINERS[node.op])
        return joiner.join([parts[0], *(_lower(p) for p in parts[1:])])

    def _nested(self, item, op: str) -> str:
        text = self.sentence(item)
        inner = type(item).__name__ == "BoolOp" and item.op != op
        return f"({text})" if inner else text

    def _s_BenefitRef(self, node) -> str:
        label = _lower(self.g.benefits[node.benefit].label[self.lang]) if node.benefit in self.g.benefits else None
        if label is None:
            raise CannotWord(f"no label for the benefit '{node.benefit}'")
        message = "eligible for {benefit}" if node.what == "eligible" else "amount of {benefit}"
        return self._(message).format(benefit=label)

    def _s_Aggregate(self, node) -> str:
        if node.inner is None:
            return self._("number of members")
        return self._(AGGREGATE[node.func]).format(inner=_lower(self.sentence(node.inner)))

    def _s_Call(self, node) -> str:
        if node.func == "known" and len(node.args) == 1:
            return self._("{subject} recorded").format(subject=self.subject(node.args[0]))
        if node.func == "coalesce" and node.args:
            return self.sentence(node.args[0])
        raise CannotWord(f"no words for the function {node.func}()")

    def _range(self, subject, low_op, low, high_op, high) -> str:
        lows = LOW_AGE if low_op in LOW_AGE and _is_age(subject) else LOW
        return self._("{subject}: {low} and {high}").format(
            subject=self.subject(subject), low=self._(lows[low_op]).format(value=self.value(low, subject)),
            high=self._(HIGH[high_op]).format(value=self.value(high, subject)))

    def _s_Compare(self, node) -> str:
        left, right, op = _oriented(node)
        if type(right).__name__ == "Const" and isinstance(right.value, bool) and op in ("==", "!="):
            positive = right.value == (op == "==")
            text = self.sentence(left)
            return text if positive else self._("not: {inner}").format(inner=_lower(text))
        if left.type.kind == "enum":
            return self._enum(left, op, self._enum_value(right, left))
        templates = COMPARE_DATE if left.type.kind == "date" else COMPARE
        if op in COMPARE_AGE and _is_age(left):
            templates = COMPARE_AGE
        return self._(templates[op]).format(subject=self.subject(left), value=self.value(right, left))

    def _s_In(self, node) -> str:
        options = node.options
        if type(options).__name__ == "Const":
            words = [self._enum_value_of(code, node.item) for code in options.value]
        else:
            words = [self.value(options, node.item)]
        return self._enum(node.item, "!=" if node.negate else "==", self._list(words))

    def _enum(self, subject, op: str, value: str) -> str:
        return self._(COMPARE[op]).format(subject=self.subject(subject), value=value)

    def _list(self, words: list[str]) -> str:
        if len(words) == 1:
            return words[0]
        head = ", ".join(words[:-1])
        return f"{head}{self._(' or ')}{words[-1]}"

    # ---------------------------------------------------------- subjects and values
    def subject(self, node) -> str:
        """A value's name: the label without its note in brackets ('Tuổi (đủ năm)' → 'Tuổi')."""
        kind = type(node).__name__
        if kind in ("Column", "Var"):
            return _bare(self._term(node)[0].label[self.lang])
        if kind == "FromHousehold":
            return self.subject(node.inner)
        if kind == "Param":
            return _bare(self._param(node).label[self.lang])
        if kind == "Aggregate" and node.func in ("sum", "max", "min") and node.inner is not None:
            return self._(AGGREGATE[node.func]).format(inner=_lower(self.subject(node.inner)))
        return self.value(node, None)

    def value(self, node, beside) -> str:
        """A value as it reads after a comparison: a number with its unit, a date, a parameter's name."""
        kind = type(node).__name__
        if kind == "Const":
            return self._constant(node.value, beside)
        if kind == "AsOf":
            return self._("the as-of date")
        if kind in ("Param", "ParamAt"):
            return _lower(_bare(self._param(node).label[self.lang]))
        if kind in ("Column", "Var", "FromHousehold", "Aggregate"):
            return _lower(self.subject(node) if kind != "Aggregate" else self.sentence(node))
        if kind == "Arith":
            return f"{self.value(node.left, beside)} {ARITH[node.op]} {self.value(node.right, beside)}"
        if kind == "Neg":
            return f"−{self.value(node.inner, beside)}"
        if kind == "Call" and node.func == "coalesce" and node.args:
            return self.value(node.args[0], beside)
        raise CannotWord(f"no words for the value {kind}")

    def _constant(self, value, beside) -> str:
        if isinstance(value, bool):
            return self._(YES_NO[value])
        if isinstance(value, (int, float)):
            return format_number(value, self.lang) + self._unit(beside)
        if isinstance(value, dt.date):
            return format_date(value, self.lang)
        if isinstance(value, (list, tuple)):
            return self._list([self._constant(v, beside) for v in value])
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return format_date(value, self.lang)
        if isinstance(value, str):
            return self._enum_value_of(value, beside)
        raise CannotWord(f"no words for the constant {value!r}")

    def _unit(self, beside) -> str:
        term = self._term(beside)[0] if beside is not None and type(beside).__name__ in ("Column", "Var") else None
        unit = term.unit if term else None
        if unit is None and beside is not None and getattr(beside.type, "hint", "") == "money":
            unit = "VND"
        if unit == "VND":
            return " đồng" if self.lang == "vi" else " VND"
        message = UNIT_WORDS.get(unit or "")
        return self._(message) if message and message != "%" else (message or "")

    def _enum_value(self, node, beside) -> str:
        if type(node).__name__ != "Const":
            return self.value(node, beside)
        return self._enum_value_of(node.value, beside)

    def _enum_value_of(self, code: str, beside) -> str:
        term = None
        if beside is not None and type(beside).__name__ in ("Column", "Var", "FromHousehold"):
            term = self._term(beside)[0]
        return _lower(self.g.enum_label(str(code), self.lang, term))

    # ---------------------------------------------------------- lookups
    def _term(self, node) -> tuple[Term, str]:
        kind = type(node).__name__
        if kind == "FromHousehold":
            return self._term(node.inner)
        found = self.g.columns.get((node.entity, node.name)) if kind == "Column" else self.g.variables.get(node.name)
        if found is None:
            raise CannotWord(f"no label for '{getattr(node, 'name', kind)}'")
        return found, node.name

    def _param(self, node) -> Term:
        found = self.g.parameters.get(node.name)
        if found is None:
            raise CannotWord(f"no label for the parameter '{node.name}'")
        return found


def _is_value(node) -> bool:
    """A constant or a parameter: what a condition compares a register value with."""
    return type(node).__name__ in ("Const", "Param", "ParamAt", "AsOf")


def _oriented(node) -> tuple:
    """(subject, value, op) with the register value first: `75 <= age` reads as `age >= 75`."""
    if _is_value(node.left) and not _is_value(node.right):
        return node.right, node.left, MIRROR[node.op]
    return node.left, node.right, node.op


def _range(node):
    """A chained comparison `16 <= age <= 22` (an `and` of two comparisons of one value) as
    (subject, low op, low, high op, high), or None."""
    if node.op != "and" or len(node.items) != 2 or any(type(i).__name__ != "Compare" for i in node.items):
        return None
    (s1, v1, o1), (s2, v2, o2) = (_oriented(i) for i in node.items)
    if _key(s1) is None or _key(s1) != _key(s2):
        return None
    if o1 in LOW and o2 in HIGH:
        return s1, o1, v1, o2, v2
    if o2 in LOW and o1 in HIGH:
        return s1, o2, v2, o1, v1
    return None


def _key(node):
    kind = type(node).__name__
    if kind == "FromHousehold":
        return _key(node.inner)
    return (kind, node.entity, node.name) if kind in ("Column", "Var") else None


def _is_age(node) -> bool:
    inner = node.inner if type(node).__name__ == "FromHousehold" else node
    return type(inner).__name__ in ("Column", "Var") and inner.name.startswith("age")


def _bare(label: str) -> str:
    """A label without a trailing note in brackets."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", label) or label


def _lower(text: str) -> str:
    """The first letter in lower case, unless the word is an acronym (BHYT, HIV) or a name."""
    if len(text) > 1 and (text[1].isupper() or text[1].isdigit()) or text.startswith("Vietnam"):
        return text
    return text[:1].lower() + text[1:]
