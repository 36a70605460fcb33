"""The legal basis of a decision, as both engines write it: the reference of the rule that decided
it, and the parameter values that rule used on the as-of date, each with the date it took effect
and its own reference.

Which rule decided a row: the paying rule (eligible), the first rule in precedence order left
undecided (undetermined), the rule that came closest — fewest conditions known false — among those
in force (not eligible). Where no rule is in force (a period the pack does not encode, or a gap) the
benefit's own reference stands for the decision, or, for a benefit that has none, its rules'.
"""
from __future__ import annotations

import datetime as dt

from ..vocabulary import WORDS as EXPLANATION
from ..wording.catalogue import N_, in_lang, translator
from ..wording.formats import format_date, format_number
from ..wording.values import format_value, param_unit
from .plan import CompiledBenefit, CompiledRule, Plan

WORDS = {"from": N_("from"), "list": N_("list of")}


def benefit_cite(benefit: CompiledBenefit, lang: str = "en") -> str:
    """The benefit's own reference; for a benefit without one, the distinct references of its rules."""
    if benefit.reference is not None:
        return benefit.reference.cite(lang)
    return "; ".join(dict.fromkeys(rule.reference.cite(lang) for rule in benefit.rules))


def _shown(value: float | list[str] | list[float], lang: str, unit: str | None = None) -> str:
    if isinstance(value, (list, tuple)):
        return f"{translator(lang)(WORDS['list'])} {len(value)}"
    if isinstance(value, bool):
        return str(value).lower()
    if lang != "en":     # the officer reads the figure in its unit: 936.000 đồng/tháng, 6,6%/năm (not 0,066)
        return format_value(value, unit, lang, decimals=4)
    return format_number(value, lang, decimals=4)


def rule_values(plan: Plan, rule: CompiledRule, as_of: dt.date, lang: str = "en") -> tuple[str, ...]:
    """'name = value (from DATE; citation)' for every parameter the rule reads (through variables too)
    that has a usable value on `as_of`, named by its code in English and by its label in Vietnamese.
    Withheld values are named in the `unverified` column instead."""
    words = in_lang(WORDS, lang)
    out = []
    for name in sorted(rule.params):
        param = plan.parameters.get(name)
        item = None if param is None else param.at(as_of)
        if param is None or item is None or item.value is None:   # (a usable value always has a figure)
            continue
        # the officer reads the parameter's name in words; English outputs keep its code (for machines)
        shown = name if lang == "en" else getattr(param.spec.label, lang)
        out.append(f"{shown} = {_shown(item.value, lang, param_unit(param.spec))} ({words['from']} {format_date(item.from_, lang)}; "
                   f"{item.reference.cite(lang)})")
    return tuple(out)


def minimum_text(holds: str, rule: CompiledRule, lang: str) -> str:
    """An eligible row's explanation when its amount is a minimum: an undecided rule (the first in
    precedence order is named) could raise it."""
    return f"{holds} — {EXPLANATION[lang]['minimum']}: {getattr(rule.label, lang)}"


def values_text(*items: tuple[str, ...]) -> str:
    """The values of one rule, or of several paid together (hit policy `sum`), each named once."""
    return " | ".join(dict.fromkeys(value for values in items for value in values))
