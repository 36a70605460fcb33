"""A value written with its unit in the reader's conventions, from the unit a rule pack declares for a
parameter or an input (`VND/month`, `years_old`, `share`, `kg/pupil/month`): `936.000 đồng/tháng`, `40 tuổi`,
`41%`, `7,92%/năm`, `15/11/2025`. Used by the explanations and by the decisions' `parameter_values`.
"""
from __future__ import annotations

import re
from typing import Any

from .catalogue import N_, translator
from .formats import format_date, format_number, format_percent

# Words of the parts of a written unit ("VND/person/month" → "đồng/người/tháng").
UNIT_PARTS = {"VND": N_("VND"), "month": N_("month"), "year": N_("year"), "person": N_("person"),
              "pupil": N_("pupil"), "student": N_("student"), "worker": N_("worker"), "household": N_("household"),
              "kg": "kg", "once": N_("once")}
SUFFIX = {"years_old": N_(" years old"), "years": N_(" years"), "months": N_(" months"), "days": N_(" days"),
          "km": " km", "percent": "%"}


def param_unit(spec: Any) -> str | None:
    """A parameter's unit: its declared one; money in đồng and a rate a share where none is declared."""
    if spec.type == "money" and not spec.unit:
        return "VND"
    if spec.type == "rate" and not spec.unit:
        return "share"
    return spec.unit


def format_value(value: Any, unit: str | None, lang: str, decimals: int | None = None) -> str:
    """A value with its unit in words; lists joined; dates in the reader's form. `decimals`: of a
    number that is not a percentage (default: `format_number`'s)."""
    if value is None:
        return "?"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, unit, lang, decimals) for v in value)
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
        return format_number(value, lang, decimals) + (translator(lang)(suffix) if suffix.startswith(" ") and suffix != " km"
                                            else suffix)
    if unit.startswith("VND") or "/" in unit:
        return f"{format_number(value, lang, decimals)} {_unit_words(unit, lang)}"
    return format_number(value, lang, decimals)


# Units a register column declares that are no measure of money or time: their words
COLUMN_UNITS = {"count": N_("count"), "number": N_("number")}


def unit_words(unit: str, lang: str) -> str:
    """A declared unit in words (`VND/person/month` → `đồng/người/tháng`, `years` → `năm`, `percent` → `%`);
    English keeps the code, as the rule files write it."""
    if lang == "en":
        return unit
    if unit in SUFFIX:
        return translator(lang)(SUFFIX[unit]).strip() if SUFFIX[unit].startswith(" ") else SUFFIX[unit].strip()
    if unit in COLUMN_UNITS:
        return translator(lang)(COLUMN_UNITS[unit])
    return _unit_words(unit, lang)


def _unit_words(unit: str, lang: str) -> str:
    _ = translator(lang)
    return "/".join(_(UNIT_PARTS[p]) if p in UNIT_PARTS else p for p in unit.split("/"))


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def _is_iso(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None

