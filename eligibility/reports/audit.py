"""The auditor's views of the `gaps` report: each finding of the programme lists (eligibility/audit/) counted,
with its money, by programme, commune, village and ethnicity; and the list behind them. Written beside the
gap views when the register gives programme lists."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..vocabulary import Coverage
from .redact import pseudonymise

AUDIT_WORDS = [Coverage.GAP, Coverage.LEAKAGE, Coverage.UNDERPAID, Coverage.OVERPAID, Coverage.WRONG_LEVEL,
               Coverage.DECEASED_PAID, Coverage.NOT_IN_REGISTER, Coverage.DUPLICATE, Coverage.NEEDS_DATA]
GROUPS = {"audit_by_programme": ["programme"], "audit_by_commune": ["commune"],
          "audit_by_village": ["commune", "village"], "audit_by_ethnicity": ["ethnicity"]}
_PLACE = ["programme", "commune", "village", "household_id", "person_id", "name"]
# The auditor's lists in the workbook and the HTML page: one per word, with the columns that word fills.
STATUS_LISTS = {
    "audit_underpaid": (Coverage.UNDERPAID, _PLACE + ["paid", "due", "money", "rule", "parameter_values", "file", "row"]),
    "audit_overpaid": (Coverage.OVERPAID, _PLACE + ["paid", "due", "money", "rule", "parameter_values", "file", "row"]),
    "audit_wrong_level": (Coverage.WRONG_LEVEL, _PLACE + ["level_paid", "level_due", "paid", "due", "money", "rule",
                                                          "file", "row"]),
    "audit_deceased_paid": (Coverage.DECEASED_PAID, _PLACE + ["paid", "money", "note", "file", "row"]),
    "audit_not_in_register": (Coverage.NOT_IN_REGISTER, _PLACE[:3] + ["name", "paid", "money", "candidates", "file",
                                                                      "row"]),
    "audit_duplicate": (Coverage.DUPLICATE, _PLACE + ["paid", "money", "note", "file", "row"]),
}
# The views the workbook and the HTML page show (the CSV files hold these and the whole audit_list).
REPORT_VIEWS = [*GROUPS, *STATUS_LISTS, "list_matching"]


def audit_views(audit, members: pd.DataFrame | None, key: bytes | None = None) -> dict[str, pd.DataFrame]:
    """{view: table}: per group, the count and the money (VND, absolute) of each finding; `audit_list`
    (pseudonymised names and IDs with `key`); `list_matching`."""
    found = audit.findings.copy()
    found["ethnicity"] = _ethnicity(found, members)
    for column in ("programme", "commune", "village"):
        found[column] = found[column].astype(object).where(found[column].notna(), "")
    found["money"] = pd.to_numeric(found["money"], errors="coerce").abs().fillna(0.0)
    views = {name: _counted(found, keys) for name, keys in GROUPS.items()}
    views["audit_list"] = _redacted(found, key) if key is not None else found
    for name, (word, columns) in STATUS_LISTS.items():   # six words: the lists behind the counts
        views[name] = views["audit_list"].loc[views["audit_list"]["finding"] == word.value, columns] \
            .sort_values(["programme", "commune", "village"], kind="stable").reset_index(drop=True)
    views["list_matching"] = audit.matching
    return views


def _ethnicity(found: pd.DataFrame, members: pd.DataFrame | None) -> pd.Series:
    if members is None or "ethnicity" not in members or found.empty:
        return pd.Series("", index=found.index, dtype=object)
    by_person = members.set_index("person_id")["ethnicity"].astype(object)
    return found["person_id"].map(by_person).astype(object).where(lambda s: s.notna(), "")


def _counted(found: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    words = [w.value for w in AUDIT_WORDS]
    if found.empty:
        return pd.DataFrame(columns=keys + [f"{w}{s}" for w in words for s in ("", "_money")])
    counts = found.pivot_table(index=keys, columns="finding", values="money", aggfunc="size", fill_value=0)
    money = found.pivot_table(index=keys, columns="finding", values="money", aggfunc="sum", fill_value=0.0)
    out = pd.DataFrame(index=counts.index)
    for word in words:   # a loop over the nine words: one count and one money column each
        out[word] = counts[word].astype(np.int64) if word in counts else 0
        out[f"{word}_money"] = money[word].astype(float) if word in money else 0.0
    return out.reset_index()


def _redacted(found: pd.DataFrame, key: bytes) -> pd.DataFrame:
    out = found.copy()
    out["person_id"] = pseudonymise(out["person_id"], key, "person")
    out["household_id"] = pseudonymise(out["household_id"], key, "household")
    out["name"] = ""
    out["candidates"] = ""     # the register's names
    return out


def write_audit_views(views: dict[str, pd.DataFrame], out: Path) -> dict[str, Path]:
    """One CSV per view (UTF-8 with BOM, for Excel)."""
    written = {}
    for name, frame in views.items():
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        written[name] = path
    return written
