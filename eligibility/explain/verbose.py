"""`explain --verbose`: every decision of the household and its members, and for each the rules
in force with every condition (held, failed or unknown, with value and threshold in one unit) and
every value used with its date and citation."""
from __future__ import annotations

from typing import Any

from ..vocabulary import Coverage, Status
from ..wording import N_, format_amount, format_rate, translator
from .units import format_value

RESULT = {True: N_("holds"), False: N_("not met"), None: N_("unknown")}


def render_verbose(data: dict[str, Any], lang: str) -> str:
    from .text import heading

    _ = translator(lang)
    lines = [heading(data, lang)]
    for entry in data["benefits"]:
        lines += decision_lines(entry, lang)
    for person in data["members"]:
        born = ", " + _("born {date}").format(date=format_value(person["date_of_birth"], None, lang)) \
            if person.get("date_of_birth") else ""
        member = _("Member {id} {name}").format(id=person["person_id"], name=person.get("name") or "")
        lines.append(f"\n{member}{born}")
        for entry in person["benefits"]:
            lines += decision_lines(entry, lang)
    return "\n".join(lines)


def status_text(entry: dict, lang: str) -> str:
    status, cov = Status(entry["status"]), Coverage(entry["coverage"])
    text = status.label(lang) if status == Status.NOT_ELIGIBLE else status.label(lang).upper()
    if status == Status.UNDETERMINED:
        text += f" ({status.describe(lang)})"
    if cov in (Coverage.GAP, Coverage.LEAKAGE):
        return f"{text} [{cov.label(lang).upper()}: {cov.describe(lang)}]"
    return f"{text} [{cov.label(lang)}]" if cov.label(lang) else text


def decision_lines(entry: dict, lang: str) -> list[str]:
    _ = translator(lang)
    head = f"  • {entry['label'][lang]}: {status_text(entry, lang)}"
    if entry["status"] == Status.ELIGIBLE:
        amount = format_amount(entry["amount"], entry["unit"], lang)
        head += " — " + _("amount {amount}").format(amount=amount) if amount else ""
        head += f" — {format_rate(entry['rate'], lang)}" if entry.get("rate") is not None else ""
        head += " (" + _("AT LEAST: a rule paying more is undecided") + ")" if entry.get("amount_is_minimum") else ""
    lines = [head]
    if entry.get("not_encoded"):
        return lines + [f"      {entry['not_encoded'][lang]}"]
    for rule in entry["rules"]:
        if rule["in_force"]:
            lines += rule_lines(rule, entry, lang)
    return lines


def rule_lines(rule: dict, entry: dict, lang: str) -> list[str]:
    from .text import condition_text, parameter_text, rule_text

    _ = translator(lang)
    mark = ""
    if rule["id"] in entry["paid"]:
        paid = format_amount(rule.get("amount"), entry["unit"], lang)
        mark = " — " + (_("pays {amount}").format(amount=paid) if paid else _("applies"))
    elif rule["id"] == entry.get("nearest"):
        mark = " — " + _("the nearest rule")
    lines = ["      " + _("rule: {rule}").format(rule=rule_text(rule, lang)) + mark]
    for cond in rule["conditions"]:
        lines.append(f"        - {condition_text(cond, lang)}: " + _(RESULT[cond["result"]]))
    for p in rule["parameters"]:
        lines.append("        " + _("value used: {value}").format(value=parameter_text(p, lang)))
    return lines
