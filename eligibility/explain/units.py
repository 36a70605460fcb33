"""The unit of a value an explanation shows (a condition's value and threshold, a parameter), and
the value written with it in the reader's conventions: `40 tuổi`, `1.500.000 đồng`, `41%`,
`500.000 đồng/tháng`, `7,92%/năm`, `15/11/2025`.

A condition's value and its threshold are shown in one unit: the unit of the register value or
variable it compares (an age in years, money in đồng), never a bare number beside a bare number.
"""
from __future__ import annotations

import re

from ..wording import N_, translator
from ..wording.formats import format_date, format_number, format_percent

# Words of the parts of a written unit ("VND/person/month" → "đồng/người/tháng").
UNIT_PARTS = {"VND": N_("VND"), "month": N_("month"), "year": N_("year"), "person": N_("person"),
              "pupil": N_("pupil"), "student": N_("student"), "worker": N_("worker"), "household": N_("household"),
              "kg": "kg", "once": N_("once")}
SUFFIX = {"years_old": N_(" years old"), "years": N_(" years"), "months": N_(" months"), "days": N_(" days"),
          "km": " km", "percent": "%"}


def subject_unit(plan, node) -> str | None:
    """The unit of a compared value: its register column's, a variable's (an age: years old), a
    parameter's, or money for a money value."""
    kind = type(node).__name__
    if kind == "FromHousehold":
        return subject_unit(plan, node.inner)
    if kind == "Column":
        table = plan.inputs.households if node.entity == "household" else plan.inputs.members
        column = table.columns.get(node.name)
        unit = column.unit if column is not None else None
        return "VND" if column is not None and column.type == "money" else unit
    if kind == "Var" and node.name.startswith("age"):
        return "years_old"
    if kind in ("Param", "ParamAt") and node.name in plan.parameters:
        return param_unit(plan.parameters[node.name].spec)
    return "VND" if getattr(node.type, "hint", "") == "money" else None


def param_unit(spec) -> str | None:
    if spec.type == "money" and not spec.unit:
        return "VND"
    if spec.type == "rate" and not spec.unit:
        return "share"
    return spec.unit


def format_value(value, unit: str | None, lang: str) -> str:
    """A value with its unit in words; lists joined; dates in the reader's form."""
    if value is None:
        return "?"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, unit, lang) for v in value)
    if isinstance(value, str) and " – " in value:     # an interval: a partial date, an age from a year of birth
        return " – ".join(format_value(_number(part), unit, lang) for part in value.split(" – "))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return format_date(value, lang) if _is_iso(value) else str(value)
    unit = re.sub(r"\s*\(.*\)\s*$", "", unit or "")
    if unit in ("share", "per year"):
        rate = format_percent(value, lang)
        return translator(lang)(N_("{rate}/year")).format(rate=rate) if unit == "per year" else rate
    if unit in SUFFIX:
        suffix = SUFFIX[unit]
        return format_number(value, lang) + (translator(lang)(suffix) if suffix.startswith(" ") and suffix != " km"
                                            else suffix)
    if unit.startswith("VND") or "/" in unit:
        return f"{format_number(value, lang)} {_unit_words(unit, lang)}"
    return format_number(value, lang)


def _unit_words(unit: str, lang: str) -> str:
    _ = translator(lang)
    return "/".join(_(UNIT_PARTS[p]) if p in UNIT_PARTS else p for p in unit.split("/"))


def _number(text: str):
    try:
        return float(text)
    except ValueError:
        return text


def _is_iso(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None

