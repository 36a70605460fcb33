"""The auditor's pass: coverage from the programmes' own lists, and the money of every finding.

For each benefit whose rule file says `enrolled_from: PROGRAMME` and whose programme has entries in
the register's `programme_lists`, enrolment is read from that list (matched to people by
register/matching.py) instead of the register's flags; elsewhere the flags stay, and `sources` says
so ("flags": coverage estimated from flags). The coverage is then recomputed by the one rule of
`vocabulary.COVERAGE_RULE` and refined, with money, into the auditor's words:

    deceased_paid > duplicate > wrong_level > underpaid / overpaid > covered / gap / leakage

The pass works on the decisions table, after either engine, so both engines give the same audit by
construction. The decision rows it needs for a person on a list who is not eligible are kept by the
vectorised engine when it builds the table (`listed.py`); the durable engine's are screened again,
for their households only, by the caller's `screen` (same engine, every row). All of it on whole
columns: Arrow hash lookups (`join.py`), merge, groupby.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..register.checks import index_in
from ..vocabulary import Coverage
from ..wording.formats import format_number
from .coverage import list_coverage, missing_rows, override
from .entries import ONLY_ONE, ONLY_ONE_CITED, entry_findings
from .join import text
from .listed import Listed, list_benefits, read_lists

__all__ = ["Audit", "Listed", "audit_lists", "list_benefits", "read_lists", "summary_lines"]

FINDING_COLUMNS = ["finding", "programme", "benefit", "household_id", "person_id", "name", "commune", "village",
                   "paid", "due", "money", "level_paid", "level_due", "rule", "parameter_values", "match",
                   "candidates", "file", "row", "note"]


@dataclass
class Audit:
    decisions: pd.DataFrame
    findings: pd.DataFrame
    matches: pd.DataFrame = field(default_factory=pd.DataFrame)
    matching: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: dict[str, str] = field(default_factory=dict)     # benefit -> "list" | "flags"
    warnings: list[str] = field(default_factory=list)


def audit_lists(plan, register, decisions: pd.DataFrame, as_of: dt.date,
                screen: Callable[[list[str]], pd.DataFrame] | None = None, include_all: bool = False,
                listed: Listed | None = None) -> Audit:
    """The decisions with coverage from the lists, and the findings table (FINDING_COLUMNS).
    `screen(household_ids)`: every decision row of those households (same engine), for listed people
    the table left out; `include_all`: the table holds every row (else rows neither eligible,
    undetermined nor enrolled are left out, as before); `listed`: the lists as `read_lists` gave them
    before screening (read here when not given)."""
    listed = listed if listed is not None else read_lists(plan, register, as_of)
    declared = list_benefits(plan)
    if listed is None:
        return Audit(decisions, pd.DataFrame(columns=FINDING_COLUMNS), sources=dict.fromkeys(declared.values(), "flags"))
    from ..register.matching import matching_table   # as `read_lists`: only where the register gives lists

    lists, entries = listed.lists, listed.entries
    audited = listed.audited
    sources = {b: ("list" if b in audited else "flags") for b in declared.values()}
    listed_programmes = {str(p) for p in lists["programme"].astype("string").dropna().unique()}   # few codes
    warnings = [f"programme_lists: {int((lists['programme'] == p).sum())} entries of programme '{p}', which no "
                "benefit reads (`enrolled_from:` in rules/policies/); they are matched but not audited"
                for p in sorted(listed_programmes - set(declared))]
    decisions, joined = missing_rows(decisions, entries, audited, screen)
    decisions, found = list_coverage(plan, decisions, joined, entries, as_of, include_all)
    found = _decision_rows(decisions, found)
    exclusive = [(b.enrolled_from.programme, other, _why(b)) for b in plan.benefits.values()
                 if b.enrolled_from is not None for other in b.enrolled_from.excludes]
    by_entry = entry_findings(entries, register.members, exclusive)
    decisions = override(decisions, by_entry)
    findings = _stacked(found, _entry_rows(by_entry, register))
    return Audit(decisions, findings.reindex(columns=FINDING_COLUMNS), listed.matches, matching_table(listed.matches),
                 sources, warnings)


def _why(benefit) -> str:
    ref = benefit.enrolled_from.reference
    return ONLY_ONE_CITED.format(reference=ref.cite("en")) if ref is not None else ONLY_ONE


def _decision_rows(decisions: pd.DataFrame, found: dict) -> pd.DataFrame:
    """The findings of decision rows (underpaid, overpaid, wrong_level, gap, leakage) with their money."""
    wanted = ["coverage", "benefit", "household_id", "person_id", "name", "commune", "village", "rule",
              "parameter_values"]
    at = decisions[[c for c in wanted if c in decisions]].iloc[found["rows"]]

    def column(name: str):   # pandas arrays as they are (a text column stays Arrow text: no Python objects)
        return at[name].array if name in at else pd.array([pd.NA] * len(at), dtype="string")

    return pd.DataFrame({
        "finding": column("coverage"), "programme": column("benefit"), "benefit": column("benefit"),
        "household_id": column("household_id"), "person_id": column("person_id"), "name": column("name"),
        "commune": column("commune"), "village": column("village"), "paid": found["paid"], "due": found["due"],
        "money": found["money"], "level_paid": found["level_paid"], "level_due": found["level_due"],
        "rule": column("rule"), "parameter_values": column("parameter_values"), "file": found["file"],
        "row": found["row"], "note": "",
    })


def _stacked(decision_rows: pd.DataFrame, entry_rows: pd.DataFrame) -> pd.DataFrame:
    """The findings of decision rows above those of entries, as `pd.concat` gives them. A categorical
    column of the decision rows (finding, benefit) that pandas turns into text to meet the entries'
    is cast by Arrow first, to the dtype pandas gives the two rows' first rows: pandas' own cast makes a
    Python string of each of 750,000 gaps, then infers the text back."""
    if not len(decision_rows) or not len(entry_rows):
        return pd.concat([decision_rows, entry_rows], ignore_index=True)
    for name in decision_rows.columns.intersection(entry_rows.columns):
        if not isinstance(decision_rows[name].dtype, pd.CategoricalDtype):
            continue
        common = pd.concat([decision_rows[name].iloc[:1], entry_rows[name].iloc[:1]]).dtype   # two cells, not frames
        if isinstance(common, pd.StringDtype) and common.storage == "pyarrow":
            decision_rows[name] = pd.array(text(decision_rows[name]), dtype=common)
    return pd.concat([decision_rows, entry_rows], ignore_index=True)


def _entry_rows(by_entry: pd.DataFrame, register) -> pd.DataFrame:
    if by_entry.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    members, places = register.members, register.households
    person = index_in(by_entry["person_id"], members["person_id"])   # findings are few; the register is not
    home = index_in(by_entry["household_id"], places["household_id"])

    def of(frame: pd.DataFrame, column: str, at: np.ndarray, fallback: str) -> pd.Series:
        if column not in frame:
            return by_entry[fallback]
        values, ok = np.full(len(at), None, dtype=object), at >= 0
        values[ok] = frame[column].iloc[at[ok]].astype(object).to_numpy()
        return pd.Series(values, index=by_entry.index, dtype=object).fillna(by_entry[fallback])

    household = by_entry["household_id"]
    name, commune = of(members, "full_name", person, "full_name"), of(places, "commune", home, "commune")
    village = of(places, "village", home, "village")
    return pd.DataFrame({
        "finding": by_entry["finding"], "programme": by_entry["programme"], "benefit": by_entry["benefit"],
        "household_id": household.astype("string"), "person_id": by_entry["person_id"].astype("string"),
        "name": name.astype("string"), "commune": commune.astype("string"), "village": village.astype("string"),
        "paid": by_entry["paid"], "due": np.nan, "money": by_entry["money"], "level_paid": by_entry["level"],
        "match": by_entry["match"], "candidates": by_entry["candidates"], "file": by_entry["file"],
        "row": by_entry["row"], "note": by_entry["note"],
    })


def summary_lines(audit: Audit, plan, lang: str = "en") -> list[str]:
    """The end-of-run lines: where coverage comes from, the matching table, each finding with its money;
    benefits by their label in the run's language."""
    from ..wording.catalogue import translator

    _ = translator(lang)
    label = {name: getattr(b.label, lang) for name, b in plan.benefits.items()}
    flags = sorted(label.get(b, b) for b, s in audit.sources.items() if s == "flags")
    if audit.matches.empty:
        return [_("coverage estimated from the register's flags (no programme lists given)")] if flags else []
    lines = []
    if flags:
        lines.append(_("coverage estimated from flags (no list given) for:") + " " + "; ".join(flags))
    for row in audit.matching.itertuples(index=False):   # one line per programme
        name = label.get(next((b for p, b in list_benefits(plan).items() if p == row.programme), ""), row.programme)
        lines.append(_("list {name}: {entries} entries: by ID {by_id}, by name {by_name}, ambiguous {ambiguous}, "
                       "unmatched {unmatched}").format(name=name, entries=row.entries, by_id=row.by_id,
                                                      by_name=row.by_name, ambiguous=row.ambiguous,
                                                      unmatched=row.unmatched))
    for finding, group in audit.findings[["finding", "money"]].groupby("finding"):   # two columns: 750,000 gaps
        lines.append(_("  {finding}: {n}, {amount} VND").format(
            finding=Coverage(finding).label(lang), n=format_number(len(group), lang),
            amount=format_number(round(float(group["money"].abs().sum())), lang)))
    return lines + list(audit.warnings)
