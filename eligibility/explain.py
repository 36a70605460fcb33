"""Explain one household: for it and each member, each benefit's decision and why, condition by condition.

This is the single-household path (a few rows), so it walks the rules of one household in plain
Python; the batch path never comes here.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from .decisions import coverage
from .engines.vectorised import Evaluation
from .rulebook.expressions import Compare
from .rulebook.plan import CompiledRule
from .vocabulary import LATEST_SUFFIX, Coverage, Status, partial_need
from .rulebook.periods import not_encoded_text
from .wording import format_amount, format_rate

ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.UNDETERMINED


def status_text(status: Status, lang: str) -> str:
    """A decision's status as the explanation shows it: the catalogue's word, shouted where it matters."""
    if status == NOT_ELIGIBLE:
        return status.label(lang)
    text = status.label(lang).upper()
    return f"{text} ({status.describe(lang)})" if status == UNDETERMINED else text


def coverage_text(cov: Coverage, lang: str) -> str:
    """Gap and leakage with what they mean; the other coverages by their word."""
    if cov in (Coverage.GAP, Coverage.LEAKAGE):
        return f"{cov.label(lang).upper()}: {cov.describe(lang)}"
    return cov.label(lang)


WORDS = {
    "en": {"household": "Household", "member": "Member", "rule": "rule", "holds": "holds", "fails": "fails",
           "unknown": "unknown", "params": "values used", "missing": "missing data", "amount": "amount",
           "near": "near miss: one threshold away", "not_in_force": "not in force on", "born": "born",
           "above": "above the threshold by", "below": "below the threshold by", "reference": "reference",
           "unverified": "UNVERIFIED", "no_value": "no value in force on this date",
           "withheld": "NOT USED",  "since": "from",
           "minimum": "AT LEAST: a rule paying more is undecided",
           "none": "?"},
    "vi": {"household": "Hộ", "member": "Thành viên", "rule": "quy định", "holds": "đạt", "fails": "không đạt",
           "unknown": "chưa rõ", "params": "giá trị áp dụng", "missing": "thiếu dữ liệu", "amount": "mức hưởng",
           "near": "gần đạt: chỉ vướng một ngưỡng", "not_in_force": "không có hiệu lực ngày", "born": "sinh ngày",
           "above": "cao hơn ngưỡng", "below": "thấp hơn ngưỡng", "reference": "căn cứ",
           "unverified": "CHƯA KIỂM CHỨNG", "no_value": "không có giá trị hiệu lực tại ngày xét",
           "withheld": "KHÔNG DÙNG",  "since": "từ",
           "minimum": "TỐI THIỂU: còn quy định trả cao hơn chưa xác định",
           "none": "?"},
}
KLEENE = {True: "holds", False: "fails", None: "unknown"}
NEAR = 0.10   # a threshold missed by at most 10 % of its value (or by 1) is a near miss


def explain_household(ev: Evaluation, household_id: str) -> dict[str, Any]:
    """A structured explanation (JSON-ready) for one household of an evaluation."""
    hh = ev.households
    positions = np.flatnonzero(hh["household_id"].to_numpy(dtype=object) == household_id)
    if not len(positions):
        raise KeyError(household_id)
    h = int(positions[0])
    members = np.flatnonzero(ev.hh_index == h)
    out = {"household_id": household_id, "as_of": ev.as_of.isoformat(),
           "commune": _plain(hh, "commune", h), "district": _plain(hh, "district", h),
           "benefits": [], "members": []}
    for result in ev.benefits.values():
        if result.benefit.entity == "household":
            out["benefits"].append(_decision(ev, result, h))
    for m in members:
        person = {"person_id": _plain(ev.members, "person_id", m), "name": _plain(ev.members, "full_name", m),
                  "date_of_birth": _plain(ev.members, "date_of_birth", m), "benefits": []}
        for result in ev.benefits.values():
            if result.benefit.entity == "person":
                person["benefits"].append(_decision(ev, result, int(m)))
        out["members"].append(person)
    return out


def _plain(frame, column: str, row: int) -> Any:
    if column not in frame.columns:
        return None
    value = frame[column].iloc[row]
    if value is None or (not isinstance(value, str) and np.ndim(value) == 0 and _isna(value)):
        return None
    if hasattr(value, "date") and not isinstance(value, str):
        latest = frame[column + LATEST_SUFFIX].iloc[row] if column + LATEST_SUFFIX in frame.columns else None
        if latest is not None and not _isna(latest):   # known to its year or month: the interval, not a day
            return f"{value.date().isoformat()} – {latest.date().isoformat()}"
        return value.date().isoformat()
    return str(value)


def _isna(value) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _decision(ev: Evaluation, result, row: int) -> dict[str, Any]:
    benefit = result.benefit
    status = Status.from_code(result.status[row])
    cov = Coverage.from_code(coverage(result)[row])
    applied = int(result.rule_index[row])
    entry = {"benefit": benefit.id, "label": {"vi": benefit.label.vi, "en": benefit.label.en},
             "status": status.value, "coverage": cov.value,
             "unit": benefit.unit,
             "amount": float(result.amount.v[row]) if bool(result.amount.k[row]) else None,
             "rate": float(result.rate.v[row]) if bool(result.rate.k[row]) else None,
             "rule": benefit.rules[applied].id if status == ELIGIBLE and applied >= 0 else None,
             "not_encoded": None if benefit.encodes(ev.as_of)
             else {lang: not_encoded_text(benefit, ev.as_of, lang) for lang in ("vi", "en")},
             "rules": []}
    # hit policies max/sum: an undecided rule that could raise the amount leaves it a minimum
    pending = int(result.pending_at(np.array([row]))[0]) if status == ELIGIBLE else 0
    entry["amount_is_minimum"] = bool(pending)
    entry["pending_rules"] = [r.id for i, r in enumerate(benefit.rules) if pending >> i & 1]
    for rule, outcome in zip(benefit.rules, result.outcomes):
        entry["rules"].append(_rule(ev, rule, outcome, benefit.entity, row))
    entry["near_miss"] = _near_miss(entry) if status == NOT_ELIGIBLE else None
    return entry


def _near_miss(entry: dict) -> str | None:
    """A rule in force whose conditions all hold but one threshold (a number compared with a
    number): the distance to that threshold is what would change the outcome."""
    for rule in entry["rules"]:
        failed = [c for c in rule["conditions"] if c["result"] is not True]
        if rule["in_force"] and len(failed) == 1 and failed[0]["result"] is False and "distance" in failed[0] \
                and abs(failed[0]["distance"]) <= max(1.0, NEAR * abs(failed[0]["threshold"] or 0)):
            return rule["id"]
    return None


def _rule(ev: Evaluation, rule: CompiledRule, outcome, entity: str, row: int) -> dict[str, Any]:
    in_force = rule.in_force(ev.as_of)
    holds = _kleene(outcome.holds, row)
    info = {"id": rule.id, "label": {"vi": rule.label.vi, "en": rule.label.en}, "reference": _citations(rule.reference),
            "in_force": in_force, "valid_from": _iso(rule.valid_from), "valid_to": _iso(rule.valid_to),
            "holds": holds, "conditions": [], "parameters": []}
    if not in_force:
        return info
    amount = outcome.amount_at(np.array([row])) if holds else None
    info["amount"] = float(amount.v[0]) if amount is not None and bool(amount.k[0]) else None
    values = ev.conditions_at(rule, entity, np.array([row]))
    for cond, value in zip(rule.conditions, values):
        item = {"text": cond.text, "label": None if cond.label is None else {"vi": cond.label.vi, "en": cond.label.en},
                "result": _kleene0(value)}
        node = cond.node
        if isinstance(node, Compare) and node.left.type.kind in ("number", "date"):
            left = ev.eval(node.left, entity).full(ev.n(entity))
            right = ev.eval(node.right, entity).full(ev.n(entity))
            item["actual"] = _shown(left, row, node.left.type.kind)
            item["threshold"] = _shown(right, row, node.right.type.kind)
            ranged = bool(left.ranged[row]) if left.hi is not None else False
            if node.left.type.kind == "number" and bool(left.k[row]) and bool(right.k[row]) and not ranged:
                item["distance"] = float(left.v[row]) - float(right.v[row])
        if item["result"] is None:
            item["missing"] = sorted(_missing(ev, cond.inputs, entity, row))
        info["conditions"].append(item)
    for name in sorted(rule.params):
        value = ev.params.get(name)
        withheld = ev.plan.parameters[name].withheld(ev.as_of) if value is None else None
        shown = value or withheld
        info["parameters"].append({"name": name, "value": None if value is None else value.value,
                                   "from": None if shown is None else shown.from_.isoformat(),
                                   "reference": None if shown is None else _citations(shown.reference),
                                   "confidence": None if shown is None else shown.confidence,
                                   "withheld": withheld is not None,
                                   "withheld_value": None if withheld is None else withheld.value})
    return info


def _citations(reference) -> dict[str, str]:
    return {lang: reference.cite(lang) for lang in ("vi", "en")}


def _missing(ev: Evaluation, inputs, entity: str, row: int) -> set[str]:
    out = set()
    for ent, name in inputs:
        value = ev.column(ent, name).full(ev.n(ent))
        known = value.k
        at = row if ent == entity else int(ev.hh_index[row]) if ent == "household" and entity == "person" else None
        if at is not None and value.hi is not None and bool(value.ranged[at]):   # a date known to its year or month
            out.add(partial_need(name if ent == entity else f"household.{name}", int(value.v[at]), int(value.hi[at])))
        elif ent == entity and not bool(known[row]):
            out.add(name)
        elif ent == "household" and entity == "person" and not bool(known[ev.hh_index[row]]):
            out.add(f"household.{name}")
        elif ent == "person" and entity == "household" and not known[ev.hh_index == row].all():
            out.add(f"member.{name}")
    return out


def _kleene(value, row: int) -> bool | None:
    return bool(value.v[row]) if bool(value.k[row]) else None


def _kleene0(value) -> bool | None:
    return _kleene(value, 0)


def _shown(value, row: int, kind: str) -> Any:
    """The value at `row` (None: unknown); a range known only to lie between two values (an age from
    a year of birth) as 'low – high', never one of its bounds."""
    if not bool(value.k[row]):
        return None
    if value.hi is not None and bool(value.ranged[row]):
        return f"{_plain_value(_show(value.v[row], kind))} – {_plain_value(_show(value.hi[row], kind))}"
    return _show(value.v[row], kind)


def _show(value, kind: str) -> Any:
    if kind == "date":
        value = int(value)
        return dt.date(value // 10000, value // 100 % 100, value % 100).isoformat()
    return float(value)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# ---------------------------------------------------------------- text
def render_text(data: dict[str, Any], lang: str = "vi", verbose: bool = False) -> str:
    """A social officer's reading: decisions first, then each rule's conditions with values."""
    w = WORDS[lang]
    lines = [f"{w['household']} {data['household_id']} — {data.get('commune') or ''} — {data['as_of']}"]
    for entry in data["benefits"]:
        lines += _render_decision(entry, lang, "  ", verbose)
    for person in data["members"]:
        born = f", {w['born']} {person['date_of_birth']}" if person.get("date_of_birth") else ""
        lines.append(f"\n{w['member']} {person['person_id']} {person.get('name') or ''}{born}")
        for entry in person["benefits"]:
            lines += _render_decision(entry, lang, "  ", verbose)
    return "\n".join(lines)


def _render_decision(entry: dict, lang: str, pad: str, verbose: bool) -> list[str]:
    w = WORDS[lang]
    status = Status(entry["status"])
    near = entry.get("near_miss")
    if status == NOT_ELIGIBLE and entry["coverage"] != Coverage.LEAKAGE and not verbose and not near:
        return []
    head = f"{pad}• {entry['label'][lang]}: {status_text(status, lang)}"
    if near and status == NOT_ELIGIBLE:
        head += f" — {w['near']}"
    if entry["amount"] is not None and status == ELIGIBLE and entry["unit"] != "status":
        head += f" — {w['amount']} {format_amount(entry['amount'], entry['unit'], lang)}"
    if entry["rate"] is not None and status == ELIGIBLE:
        head += f" @ {format_rate(entry['rate'], lang)}"
    if entry.get("amount_is_minimum"):
        head += f" ({w['minimum']})"
    cov = coverage_text(Coverage(entry["coverage"]), lang)
    lines = [head + (f" [{cov}]" if cov else "")]
    if entry.get("not_encoded"):
        return lines + [f"{pad}    {entry['not_encoded'][lang]}"]
    for rule in entry["rules"]:
        if not rule["in_force"]:
            continue
        if status == ELIGIBLE and rule["id"] != entry["rule"] and rule["id"] not in entry.get("pending_rules", ()):
            continue
        if status == NOT_ELIGIBLE and near and rule["id"] != near:
            continue
        if status == UNDETERMINED and rule["holds"] is False:
            continue
        lines.append(f"{pad}    {w['rule']} {rule['id']}: {rule['label'][lang]} ({w['reference']}: {rule['reference'][lang]})")
        for cond in rule["conditions"]:
            if status != ELIGIBLE and cond["result"] is True and not verbose:
                continue
            lines.append(f"{pad}      - {cond['label'][lang] if cond['label'] else cond['text']}: "
                         f"{w[KLEENE[cond['result']]]}" + _values(cond, w))
        for p in rule["parameters"]:
            if p.get("withheld"):
                lines.append(f"{pad}      {w['params']}: {p['name']} — {w['withheld']}: "
                             f"{_withheld_text(p, lang)} ({w['since']} {p['from']}, {p['reference'][lang]})")
                continue
            if p["value"] is None:
                lines.append(f"{pad}      {w['params']}: {p['name']} — {w['no_value']}")
                continue
            mark = f" [{w['unverified']} {p['confidence']}]" if p["confidence"] in ("C", "D") else ""
            lines.append(f"{pad}      {w['params']}: {p['name']} = {_plain_value(p['value'])} "
                         f"({w['since']} {p['from']}, {p['reference'][lang]}){mark}")
        if status == NOT_ELIGIBLE:
            break  # the closest rule is enough for a leakage line
    return lines


def _withheld_text(p: dict, lang: str) -> str:
    """Why a written value is not used: graded D without --use-unverified, or no figure known."""
    if p["withheld_value"] is None:
        return {"en": "no figure known", "vi": "chưa có số liệu"}[lang] + f" [{p['confidence']}]"
    rest = {"en": "graded D, used only with --use-unverified", "vi": "mức D, chỉ dùng khi chạy với --use-unverified"}
    return f"{_plain_value(p['withheld_value'])} [{rest[lang]}]"


def _values(cond: dict, w: dict) -> str:
    parts = []
    if "actual" in cond:
        actual, threshold = (w["none"] if v is None else _plain_value(v) for v in (cond["actual"], cond["threshold"]))
        parts.append(f"{actual} vs {threshold}")
    if cond.get("distance") is not None and cond["result"] is False:
        d = cond["distance"]
        parts.append(f"{w['above'] if d > 0 else w['below']} {_plain_value(abs(d))}")
    if cond.get("missing"):
        parts.append(f"{w['missing']}: {', '.join(cond['missing'])}")
    return f" ({'; '.join(parts)})" if parts else ""


def _plain_value(value) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)
