"""The auditor's views of the `gaps` report: each finding of the programme lists (eligibility/audit/) counted,
with its money, by programme, commune, village and ethnicity; and the list behind them. Written beside the
gap views when the register gives programme lists."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from ..csvout import arrow_values, whole_numbers
from ..audit.entries import DIED, ONLY_ONE, ONLY_ONE_CITED, SAME_PROGRAMME
from ..vocabulary import Coverage, Match
from ..wording import translator
from .labels import header, present, value_labels
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
# The auditor's own words (beyond gap, leakage and needs data, which the table per benefit counts): each has a
# line of the end-of-run table, a zero where nothing was found (nothing silent).
FINDINGS = [Coverage.UNDERPAID, Coverage.OVERPAID, Coverage.WRONG_LEVEL, Coverage.DECEASED_PAID,
            Coverage.NOT_IN_REGISTER, Coverage.DUPLICATE]
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


def finding_totals(findings: pd.DataFrame, plan, lang: str) -> list[tuple[str, int, float]]:
    """The end-of-run table of `gaps`: (label, count, money in VND, absolute) for each of the six findings, then
    one indented line per programme where it was found (the programme by its benefit's label)."""
    found = findings[["finding", "programme", "money"]]   # three columns of up to 750,000 rows
    found = pd.DataFrame({"finding": found["finding"].astype(str), "programme": found["programme"].astype(str),
                          "money": pd.to_numeric(found["money"], errors="coerce").abs().fillna(0.0)})
    found = found[found["finding"].isin([w.value for w in FINDINGS])]
    labels = {b.enrolled_from.programme: getattr(b.label, lang) for b in plan.benefits.values()
              if b.enrolled_from is not None}
    by_programme = found.groupby(["finding", "programme"], sort=True)["money"].agg(["size", "sum"])
    rows = []
    for word in FINDINGS:   # six lines, and a line per programme under each
        mine = by_programme.loc[word.value] if word.value in by_programme.index.get_level_values(0) else None
        rows.append((word.label(lang), 0 if mine is None else int(mine["size"].sum()),
                     0.0 if mine is None else float(mine["sum"].sum())))
        for programme, row in ([] if mine is None else mine.iterrows()):
            rows.append(("  " + labels.get(programme, programme), int(row["size"]), float(row["sum"])))
    return rows


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


def write_audit_views(views: dict[str, pd.DataFrame], out: Path, lang: str = "en") -> dict[str, Path]:
    """One CSV per view (UTF-8 with BOM, for Excel); headers in Vietnamese under vi (`in_words` first)."""
    written = {}
    for name, frame in views.items():
        path = out / f"{name}.csv"
        with_headers(frame, lang).to_csv(path, index=False, encoding="utf-8-sig")
        written[name] = path
    return written


def in_words(frame: pd.DataFrame, plan, lang: str) -> pd.DataFrame:
    """Under vi, an audit table's codes in the catalogue's words: findings, how entries were matched,
    notes, programmes, ethnicity and district by their labels (column codes kept: `with_headers` names them).
    Under en the table as it is: codes, for machines (README, "Outputs for people and for machines")."""
    if lang != "vi" or frame.empty:
        return frame
    _ = translator(lang)
    labels = value_labels(plan, lang)
    labels["finding"] = {word.value: word.label(lang) for word in Coverage if word.label(lang)}
    labels["match"] = {word.value: word.label(lang) for word in Match}
    labels["note"] = {SAME_PROGRAMME: _(SAME_PROGRAMME), ONLY_ONE: _(ONLY_ONE)}
    labels["programme"] = {}
    for benefit in plan.benefits.values():   # a programme by the benefit read from its list (its code in Mã chính sách)
        if benefit.enrolled_from is None:
            continue
        labels["programme"].setdefault(benefit.enrolled_from.programme, getattr(benefit.label, lang))
        reference = benefit.enrolled_from.reference   # the pairs of programmes of which only one is due
        if reference is not None:
            labels["note"][ONLY_ONE_CITED.format(reference=reference.cite("en"))] = \
                _(ONLY_ONE_CITED).format(reference=reference.cite(lang))
    out = present(frame, labels)
    if "note" in out.columns:   # a death's note carries its date: reworded on the column, by pattern
        before, after = (part.replace("\\", r"\\") for part in _(DIED).split("{date}"))
        coded = pc.dictionary_encode(arrow_values(out["note"].astype("string")))   # few distinct notes:
        worded = pc.replace_substring_regex(coded.dictionary, "^" + DIED.format(date="") + r"(\S+)$",   # each
                                            before + r"\1" + after)                                 # reworded once
        out["note"] = pd.Series(pd.arrays.ArrowStringArray(worded.take(coded.indices)), index=out.index)
    return out


def with_headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Under vi the Vietnamese headers of the gap report's workbook, whole numbers without '.0' (a list's
    row 2, not 2.0); under en the table as it is, column codes."""
    if lang != "vi":
        return frame
    return whole_numbers(frame).rename(columns={c: header(c, lang) for c in frame.columns})
