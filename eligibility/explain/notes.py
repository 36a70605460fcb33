"""What the register said about the explained household's rows, as `explain` prints it under the
explanation: members rejected (the household is explained without them) and cells read as unknown or
listed (year-only dates, generated IDs)."""
from __future__ import annotations

from ..register.cells import ACTIONS
from ..register.model import LISTED_CODES, REJECT_CODES
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
        if lang != "en":
            action = next((vi for en, vi in ACTIONS.values() if en == action), action)
        out.append(_("note: {file} row {row}, column '{column}': {reason} ({action})").format(
            file=issue["file"], row=issue["row"], column=issue["column"], reason=reason, action=action))
    return out


def _rejected_reason(member: dict, lang: str) -> str:
    """A rejected member's reasons: the English detail, or under vi each code's meaning in words."""
    if lang == "en" or not member.get("codes"):
        return member["reason"]
    _ = translator(lang)
    return "; ".join(_("column '{column}': {reason}").format(column=column, reason=_(REJECT_CODES.get(code, code)))
                     for column, code in member["codes"])
