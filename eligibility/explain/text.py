"""A household's explanation as an officer reads it.

By default: what the household and its members are entitled to (a `sum` benefit with every rule it
adds), what they are missing out on (gap), what they receive without being entitled (leakage,
explained by the nearest rule with the value and threshold in one unit), what data would settle
the rest, near misses, and the loans in one line. `verbose` adds every decision, rule, condition
and value used. Every word comes from the catalogue, every number, amount and date in the
reader's conventions, every citation from its structured reference.
"""
from __future__ import annotations

from typing import Any

from ..vocabulary import Coverage, HitPolicy, Status
from ..wording import N_, format_amount, format_rate, translator
from ..wording.formats import format_date
from .units import format_value
from .verbose import render_verbose

SECTIONS = {"entitled": N_("Entitled"), "gap": N_("Entitled but not receiving it (gap)"),
            "leakage": N_("Receiving it but not entitled (leakage)"), "data": N_("Data needed to decide"),
            "near": N_("Near misses")}
ORDER = ("entitled", "gap", "leakage", "data", "near")


def render_text(data: dict[str, Any], lang: str = "vi", verbose: bool = False) -> str:
    """The explanation of one household in `lang`; `verbose`: every decision in full detail."""
    if verbose:
        return render_verbose(data, lang)
    _ = translator(lang)
    lines = [heading(data, lang)]
    decisions = list(_decisions(data))
    groups: dict[str, list[str]] = {key: [] for key in ORDER}
    for who, entry in decisions:
        if entry["unit"] != "loan":
            key = section(entry)
            if key:
                groups[key] += _lines(key, who, entry, lang)
    for key in ORDER:
        if groups[key]:
            lines += ["", _(SECTIONS[key])] + groups[key]
    lines += loans_line(decisions, lang)
    lines += unverified_lines(decisions, lang)
    return "\n".join(lines)


def heading(data: dict, lang: str) -> str:
    _ = translator(lang)
    place = ", ".join(p for p in (data.get("village"), data.get("commune")) if p)
    return _("Household {id} — {place} — as of {date}").format(id=data["household_id"], place=place,
                                                             date=format_date(data["as_of"], lang))


def _decisions(data: dict):
    for entry in data["benefits"]:
        yield None, entry
    for person in data["members"]:
        for entry in person["benefits"]:
            yield person, entry


def section(entry: dict) -> str | None:
    status, cov = Status(entry["status"]), Coverage(entry["coverage"])
    if cov == Coverage.GAP:
        return "gap"
    if cov == Coverage.LEAKAGE:
        return "leakage"
    if status == Status.ELIGIBLE:
        return "entitled"
    if status == Status.UNDETERMINED:
        return "data"
    return "near" if entry.get("near_miss") else None


def who_text(who: dict | None, entry: dict, lang: str) -> str:
    name = entry["label"][lang]
    if who is None:
        return name
    person = f"{who.get('name') or ''} ({who['person_id']})".strip()
    return f"{person} — {name}"


def _lines(key: str, who, entry: dict, lang: str) -> list[str]:
    head = f"  • {who_text(who, entry, lang)}"
    if key in ("entitled", "gap"):
        return entitled_lines(head, entry, lang)
    if key == "data":
        return data_lines(head, entry, lang)
    return missed_lines(head, entry, lang)


def entitled_lines(head: str, entry: dict, lang: str) -> list[str]:
    """The amount and the rule(s) paying it; under `sum` each rule with its amount, then the total."""
    amount = amount_text(entry["amount"], entry["unit"], lang)
    cov = Coverage(entry["coverage"])
    # enrolled, unknown, or the audit's word from a programme list (paid after death, underpaid, ...)
    mark = f" [{cov.label(lang)}]" if cov not in (Coverage.NONE, Coverage.GAP, Coverage.LEAKAGE) else ""
    _ = translator(lang)
    if entry.get("amount_is_minimum"):
        amount = _("at least {amount} (a rule paying more is undecided)").format(amount=amount)
    rules = [r for r in entry["rules"] if r["id"] in entry["paid"]]
    if len(rules) == 1:
        lines = [f"{head}: {amount or Status.ELIGIBLE.label(lang)}{mark} — {rule_text(rules[0], lang)}"]
    else:
        lines = [f"{head}: {amount}{mark} — {HitPolicy(entry['hit_policy']).describe(lang)}"]
        for rule in rules:
            lines.append(f"      + {amount_text(rule.get('amount'), entry['unit'], lang)}: {rule_text(rule, lang)}")
    for rule in (r for r in entry["rules"] if r["id"] in entry.get("pending_rules", ())):
        lines.append("      " + _("undecided, could pay more: {rule}").format(rule=rule_text(rule, lang)))
    return lines


def amount_text(amount: float | None, unit: str, lang: str) -> str:
    """An amount with its unit; where it could not be computed, say so ('' for a status benefit)."""
    _ = translator(lang)
    if amount is None and unit != "status":
        return _("amount unknown")
    return format_amount(amount, unit, lang)


def rule_text(rule: dict, lang: str) -> str:
    _ = translator(lang)
    return _("{rule} (basis: {reference})").format(rule=rule["label"][lang], reference=rule["reference"][lang])


def missed_lines(head: str, entry: dict, lang: str) -> list[str]:
    """A leakage or a near miss: the nearest rule, and what it failed on with value and threshold."""
    _ = translator(lang)
    rule = next((r for r in entry["rules"] if r["id"] == entry.get("nearest")), None)
    if rule is None:
        return [head + ": " + _("no rule in force on this date")]
    failed = [condition_text(c, lang) for c in rule["conditions"] if c["result"] is False]
    return [head + " — " + _("nearest rule: {rule}").format(rule=rule_text(rule, lang)),
            "      " + _("not met: {conditions}").format(conditions="; ".join(failed))]


def data_lines(head: str, entry: dict, lang: str) -> list[str]:
    """What is missing to decide: the register columns, or the period the pack does not encode."""
    _ = translator(lang)
    if entry.get("not_encoded"):
        return [f"{head}: {entry['not_encoded'][lang]}"]
    missing = sorted({label for r in entry["rules"] if r["in_force"] and r["holds"] is None
                      for c in r["conditions"] if c["result"] is None
                      for label in c.get("missing_labels", {}).get(lang, [])})
    if missing:
        return [head + ": " + _("missing {inputs}").format(inputs=", ".join(missing))]
    unknown = [condition_text(c, lang) for r in entry["rules"] if r["in_force"] and r["holds"] is None
               for c in r["conditions"] if c["result"] is None]
    return [head + ": " + _("not known: {conditions}").format(conditions="; ".join(dict.fromkeys(unknown)))]


def condition_text(cond: dict, lang: str) -> str:
    """A condition in words, with the value and the threshold in one unit where it compares numbers."""
    _ = translator(lang)
    text = cond["label"][lang] if cond.get("label") else cond["text"]
    if "actual" not in cond:
        return text
    unit = cond.get("unit")
    value, threshold = format_value(cond["actual"], unit, lang), format_value(cond["threshold"], unit, lang)
    shown = _("value {value}, threshold {threshold}").format(value=value, threshold=threshold)
    if cond["result"] is False and cond.get("distance"):
        gap = format_value(abs(cond["distance"]), unit, lang)
        shown += "; " + (_("{gap} above") if cond["distance"] > 0 else _("{gap} below")).format(gap=gap)
    return f"{text} ({shown})"


def loans_line(decisions: list, lang: str) -> list[str]:
    """Every preferential loan of the household in one line: those it may take, with their rates."""
    _ = translator(lang)
    loans = [e for who, e in decisions if e["unit"] == "loan" and e["status"] == Status.ELIGIBLE]
    if not loans:
        return []
    items = [loan_text(e, lang) for e in loans]
    return ["", _("Preferential loans it may take ({count}): ").format(count=len(loans)) + "; ".join(items)]


def loan_text(entry: dict, lang: str) -> str:
    terms = [t for t in (format_amount(entry["amount"], "loan", lang), format_rate(entry.get("rate"), lang)) if t]
    return entry["label"][lang] + (f" ({', '.join(terms)})" if terms else "")


def unverified_lines(decisions: list, lang: str) -> list[str]:
    """The values graded C or D (or withheld) behind the decisions shown: marked, with their source."""
    _ = translator(lang)
    seen: dict[str, str] = {}
    for _who, entry in decisions:
        for rule in shown_rules(entry):
            for p in rule["parameters"]:
                if p["withheld"] or p["confidence"] in ("C", "D"):
                    seen.setdefault(p["name"], parameter_text(p, lang))
    return ["", _("Values not yet verified:")] + [f"  - {t}" for t in seen.values()] if seen else []


def shown_rules(entry: dict) -> list[dict]:
    """The rules the short explanation rests on: those paying, the nearest miss, the undecided."""
    key = "loan" if entry["unit"] == "loan" and entry["status"] == Status.ELIGIBLE else section(entry)
    if key is None or (entry["unit"] == "loan" and key != "loan"):
        return []
    if key in ("leakage", "near"):
        return [r for r in entry["rules"] if r["id"] == entry.get("nearest")]
    if key == "data":
        return [r for r in entry["rules"] if r["in_force"] and r["holds"] is None]
    return [r for r in entry["rules"] if r["id"] in entry["paid"]]


def parameter_text(p: dict, lang: str) -> str:
    """A parameter's label, value with unit, date, citation, and its grade or why it is not used."""
    _ = translator(lang)
    label = p["label"][lang]
    source = _("from {date}, {reference}").format(date=format_date(p["from"], lang), reference=p["reference"][lang]) \
        if p["from"] else ""
    if p["withheld"]:
        figure = (format_value(p["withheld_value"], p["unit"], lang) + " [" + _("graded D, used only with "
                                                                                "--use-unverified") + "]"
                  if p["withheld_value"] is not None else _("no figure known") + f" [{p['confidence']}]")
        return _("{label} — NOT USED: {figure} ({source})").format(label=label, figure=figure, source=source)
    if p["value"] is None:
        return label + " — " + _("no value in force on this date")
    mark = " [" + _("UNVERIFIED {grade}").format(grade=p["confidence"]) + "]" if p["confidence"] in ("C", "D") else ""
    value = ", ".join(p["value_labels"][lang]) if p.get("value_labels") else format_value(p["value"], p["unit"], lang)
    return f"{label} = {value} ({source}){mark}"
