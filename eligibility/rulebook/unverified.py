"""One policy for figures that are not verified, the same for every benefit and both engines.

Grade C values are used and flagged. Grade D values ("conflicting, draft-only or a single weak report",
POLICIES.md §0.1) are used only when the run opts in (`--use-unverified`); otherwise every decision or
amount resting on one is unknown and says why. A value written as `null` records that the law changed
on a date (reported) while the new figure is not known: it is never used.
"""
from __future__ import annotations

import datetime as dt

from ..wording import N_, translator
from ..wording.formats import format_date, format_number
from ..wording.values import format_value, param_unit
from .plan import CompiledParameter, CompiledRule, Plan
from .schema import DatedValue
from .wordings import code_labels

WITHHELD = N_("not used: graded D (unverified); amount or decision unknown unless the run uses --use-unverified")
NO_FIGURE = N_("{name}: no figure known from {date} ({reference}, {grade})")


def fmt_value(value: object, lang: str = "en") -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(fmt_value(v, lang) for v in value) + "]"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang, 4)
    return str(value)


def value_note(param: CompiledParameter, item: DatedValue, used: bool, lang: str = "en", plan: Plan | None = None) -> str:
    """How one dated value enters a decision: used and unverified, or withheld and why (the value
    named by its label, its figure in the reader's conventions)."""
    _ = translator(lang)
    name = getattr(param.spec.label, lang)
    if item.value is None:
        return _(NO_FIGURE).format(name=name, date=format_date(item.from_, lang),
                                   reference=item.reference.cite(lang), grade=item.confidence)
    words = code_labels(plan, item.value) if plan is not None and isinstance(item.value, list) else None
    # in Vietnamese the figure in its unit, as in `parameter_values` (936.000 đồng/tháng)
    figure = fmt_value(item.value, lang) if lang == "en" else format_value(item.value, param_unit(param.spec), lang, 4)
    value = ", ".join(words[lang]) if words else figure
    text = f"{name} = {value} ({item.confidence})"
    return text if used else f"{text} {_(WITHHELD)}"


# (id(parameter spec), id(value), used, lang, id(inputs)) -> (the objects, kept alive so ids stay
# unique, and the note): the same note is written for every date a value is in force
_NOTES: dict[tuple[int, int, bool, str, int], tuple[tuple[object, ...], str]] = {}


def _note(plan: Plan, param: CompiledParameter, item: DatedValue, used: bool, lang: str) -> str:
    key = (id(param.spec), id(item), used, lang, id(plan.inputs))
    if key not in _NOTES:
        if len(_NOTES) > 50_000:    # many packs loaded in one process: start afresh
            _NOTES.clear()
        _NOTES[key] = ((param.spec, item, plan.inputs), value_note(param, item, used, lang, plan))
    return _NOTES[key][1]


def rule_notes(plan: Plan, rule: CompiledRule, as_of: dt.date, lang: str = "en") -> str:
    """The unverified values a rule rests on at `as_of`: the C (and opted-in D) values it uses, and the
    values it may not use."""
    notes = []
    for name in sorted(rule.params):
        param = plan.parameters.get(name)
        if param is None:
            continue
        used, withheld = param.at(as_of), param.withheld(as_of)
        if used is not None and not used.verified:
            notes.append(_note(plan, param, used, True, lang))
        elif withheld is not None:
            notes.append(_note(plan, param, withheld, False, lang))
    return "; ".join(notes)


def in_force(plan: Plan, as_of: dt.date) -> tuple[list[str], list[str]]:
    """For the manifest and `validate`: unverified values in force and used; values withheld."""
    used, withheld = [], []
    for name, param in sorted(plan.parameters.items()):
        if (item := param.at(as_of)) is not None and not item.verified:
            used.append(f"{name}={item.value} ({item.confidence}, {item.reference.cite()})")
        elif (item := param.withheld(as_of)) is not None:
            shown = "null" if item.value is None else item.value
            withheld.append(f"{name}={shown} ({item.confidence}, {item.reference.cite()})")
    return used, withheld
