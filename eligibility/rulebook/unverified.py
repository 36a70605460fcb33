"""One policy for figures that are not verified, the same for every benefit and both engines.

Grade C values are used and flagged. Grade D values ("conflicting, draft-only or a single weak report",
POLICIES.md §0.1) are used only when the run opts in (`--use-unverified`); otherwise every decision or
amount resting on one is unknown and says why. A value written as `null` records that the law changed
on a date (reported) while the new figure is not known: it is never used.
"""
from __future__ import annotations

import datetime as dt

from .plan import CompiledRule, Plan
from .schema import DatedValue

WORDS = {
    "en": {"withheld": "not used: graded D (unverified); amount or decision unknown unless the run uses "
                       "--use-unverified",
           "no_figure": "no figure known from"},
    "vi": {"withheld": "không dùng: mức tin cậy D (chưa kiểm chứng); số tiền hoặc kết quả chưa xác định, trừ khi "
                       "chạy với --use-unverified",
           "no_figure": "chưa có số liệu từ"},
}


def fmt_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else str(value)


def value_note(name: str, item: DatedValue, used: bool, lang: str = "en") -> str:
    """How one dated value enters a decision: used and unverified, or withheld and why."""
    words = WORDS.get(lang, WORDS["en"])
    if item.value is None:
        return f"{name}: {words['no_figure']} {item.from_.isoformat()} ({item.reference.cite(lang)}, {item.confidence})"
    text = f"{name}={fmt_value(item.value)} ({item.confidence})"
    return text if used else f"{text} {words['withheld']}"


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
            notes.append(value_note(name, used, True, lang))
        elif withheld is not None:
            notes.append(value_note(name, withheld, False, lang))
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
