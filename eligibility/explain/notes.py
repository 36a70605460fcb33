"""What the register said about the explained household's rows, as `explain` prints it under the
explanation: members rejected (the household is explained without them) and cells read as unknown or
listed (year-only dates, generated IDs)."""
from __future__ import annotations

from ..register.cells import ACTIONS
from ..register.model import LISTED_CODES, REJECT_CODES
from ..vocabulary import Coverage
from ..wording import format_amount
from ..wording.catalogue import translator


def register_notes(data: dict, lang: str) -> list[str]:
    """What the register said about this household's rows: members rejected (explained without them)
    and cells read as unknown or listed. Under vi each code's meaning in words (the English detail,
    quoting the cell, stays in `--format json`)."""
    _ = translator(lang)
    meanings = {**REJECT_CODES, **LISTED_CODES}
    out = []
    for member in data.get("rejected_members", []):  # explained without them: say so
        out.append(_("warning: member {person} ({file} row {row}) was rejected and is not part of this "
                     "explanation: {reason}").format(person=member["person_id"], file=member["file"],
                                                     row=member["row"], reason=_rejected_reason(member, lang)))
    for issue in data.get("cell_issues", []):  # cells read as unknown (or listed): said here too
        code = issue.get("code")
        reason = _(meanings[code]) if lang != "en" and code in meanings else issue["reason"]
        action = issue["action"]
        if lang != "en" and action in ACTIONS.values():
            action = _(action)
        out.append(_("note: {file} row {row}, column '{column}': {reason} ({action})").format(
            file=issue["file"], row=issue["row"], column=issue["column"], reason=reason, action=action))
    return out


def list_notes(data: dict, lang: str) -> list[str]:
    """What the programme lists say of this household (`data["lists"]`): each finding of the audit with
    its money and the list's row, and the entries without an ID that only `screen` can match."""
    lists = data.get("lists")
    if not lists:
        return []
    _ = translator(lang)
    entries = list(data["benefits"]) + [e for m in data["members"] for e in m["benefits"]]
    labels = {e["benefit"]: e["label"][lang] for e in entries}
    units = {e["benefit"]: e["unit"] for e in entries}
    out = [_("programme lists: entries naming this household or its members by ID: {n}; the coverage above "
             "is read from them").format(n=lists["entries"])]
    for f in lists["findings"]:
        who = " ".join(str(v) for v in (f.get("name"), f"({f['person_id']})" if f.get("person_id") else None) if v)
        money = _finding_money(f, units.get(f["benefit"], "vnd"), lang)
        out.append("  " + _("{finding}: {benefit} — {who}{money} ({file} row {row})").format(
            finding=Coverage(f["finding"]).label(lang), benefit=labels.get(f["benefit"], f["benefit"]),
            who=who or f.get("household_id") or "", money=f", {money}" if money else "", file=f.get("file") or "",
            row=int(f["row"]) if f.get("row") is not None else "?"))
    if lists["without_id"]:
        out.append(_("note: list entries without an ID: {n}; `screen` matches them by name, birth year and "
                     "commune across the whole register, explain does not read them").format(n=lists["without_id"]))
    return out


def _finding_money(finding: dict, unit: str, lang: str) -> str:
    """What was paid against what is due where both are known (underpaid, overpaid), else the money."""
    def amount(key: str) -> str:
        return format_amount(finding[key], unit, lang)

    if finding.get("paid") is not None and finding.get("due") is not None:
        return translator(lang)("paid {paid}, due {due}").format(paid=amount("paid"), due=amount("due"))
    return amount("money") if finding.get("money") is not None else ""


def _rejected_reason(member: dict, lang: str) -> str:
    """A rejected member's reasons: the English detail, or under vi each code's meaning in words."""
    if lang == "en" or not member.get("codes"):
        return member["reason"]
    _ = translator(lang)
    return "; ".join(_("column '{column}': {reason}").format(column=column, reason=_(REJECT_CODES.get(code, code)))
                     for column, code in member["codes"])
