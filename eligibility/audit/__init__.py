"""The auditor's pass: coverage from the programmes' own lists, and the money of every finding.

For each benefit whose rule file says `enrolled_from: PROGRAMME` and whose programme has entries in
the register's `programme_lists`, enrolment is read from that list (matched to people by
register/matching.py) instead of the register's flags; elsewhere the flags stay, and `sources` says
so ("flags": coverage estimated from flags). The coverage is then recomputed by the one rule of
`vocabulary.COVERAGE_RULE` and refined, with money, into the auditor's words:

    deceased_paid > duplicate > wrong_level > underpaid / overpaid > covered / gap / leakage

The pass works on the decisions table, after either engine, so both engines give the same audit by
construction; decision rows it needs and the table left out (a person on a list who is not
eligible) are screened again, for their households only, by the caller's `screen` (same engine,
every row). All of it on whole columns (merge, groupby).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..register.matching import match_entries, matching_table
from ..vocabulary import Coverage, Enrolment, Status, coverage
from ..wording.formats import format_number
from .entries import active_entries, entry_findings

FINDING_COLUMNS = ["finding", "programme", "benefit", "household_id", "person_id", "name", "commune", "village",
                   "paid", "due", "money", "level_paid", "level_due", "rule", "parameter_values", "match",
                   "candidates", "file", "row", "note"]
PRECEDENCE = [Coverage.DECEASED_PAID, Coverage.DUPLICATE]   # entry findings that override a decision's coverage


@dataclass
class Audit:
    decisions: pd.DataFrame
    findings: pd.DataFrame
    matches: pd.DataFrame = field(default_factory=pd.DataFrame)
    matching: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: dict[str, str] = field(default_factory=dict)     # benefit -> "list" | "flags"
    warnings: list[str] = field(default_factory=list)


def list_benefits(plan) -> dict[str, str]:
    """programme code -> benefit, for every benefit with `enrolled_from`."""
    return {b.enrolled_from.programme: name for name, b in plan.benefits.items() if b.enrolled_from is not None}


def audit_lists(plan, register, decisions: pd.DataFrame, as_of: dt.date,
                screen: Callable[[list[str]], pd.DataFrame] | None = None, include_all: bool = False) -> Audit:
    """The decisions with coverage from the lists, and the findings table (FINDING_COLUMNS).
    `screen(household_ids)`: every decision row of those households (same engine); `include_all`: the
    table holds every row (else rows neither eligible, undetermined nor enrolled are left out, as before)."""
    lists = getattr(register, "tables", {}).get("programme_lists") if register is not None else None
    declared = list_benefits(plan)
    if lists is None or lists.empty:
        return Audit(decisions, pd.DataFrame(columns=FINDING_COLUMNS), sources=dict.fromkeys(declared.values(), "flags"))
    matches = match_entries(lists, register.households, register.members)
    listed = set(lists["programme"].astype(str))
    sources = {b: ("list" if p in listed else "flags") for p, b in declared.items()}
    warnings = [f"programme_lists: {int((lists['programme'] == p).sum())} entries of programme '{p}', which no "
                "benefit reads (`enrolled_from:` in rules/policies/); they are matched but not audited"
                for p in sorted(listed - set(declared))]
    entity = {name: b.entity for name, b in plan.benefits.items()}
    entries = active_entries(lists, matches, as_of, declared, entity)
    audited = [b for b, s in sources.items() if s == "list"]
    decisions = _with_missing_rows(decisions, entries, audited, entity, screen)
    decisions, found = _list_coverage(plan, decisions, entries, audited, as_of, include_all)
    exclusive = [(b.enrolled_from.programme, other, _why(b)) for b in plan.benefits.values()
                 if b.enrolled_from is not None for other in b.enrolled_from.excludes]
    by_entry = entry_findings(entries, register.members, exclusive)
    decisions = _override(decisions, by_entry, entity)
    decisions["coverage"] = pd.Categorical(decisions["coverage"].astype(object), categories=Coverage.words())
    findings = pd.concat([found, _entry_rows(by_entry, register)], ignore_index=True)
    return Audit(decisions, findings.reindex(columns=FINDING_COLUMNS), matches, matching_table(matches), sources,
                 warnings)


def _why(benefit) -> str:
    ref = benefit.enrolled_from.reference
    return f"only one is due ({ref.cite('en')})" if ref is not None else "only one is due"


def _key(decisions: pd.DataFrame) -> pd.Series:
    """Who a decision row is about: the person, or the household for a household benefit (object
    arrays: cheaper than pandas' string columns on a few million rows)."""
    person = (decisions["entity"].astype(object) == "person").to_numpy()
    key = np.where(person, decisions["person_id"].to_numpy(dtype=object, na_value=None),
                   decisions["household_id"].to_numpy(dtype=object, na_value=None))
    return pd.Series(key, index=decisions.index, dtype=object)


def _with_missing_rows(decisions, entries, audited, entity, screen) -> pd.DataFrame:
    """Rows for people on a list whom the table left out (not eligible, not enrolled by the flags)."""
    wanted = entries[entries["benefit"].isin(audited) & entries["key"].notna()][["benefit", "key", "household_id"]]
    mine = decisions["benefit"].astype(object).isin(audited).to_numpy()
    have = pd.DataFrame({"benefit": decisions["benefit"].astype(object).to_numpy()[mine],
                         "key": _key(decisions[mine]).to_numpy()})
    missing = wanted.merge(have.drop_duplicates(), on=["benefit", "key"], how="left", indicator=True)
    missing = missing[missing["_merge"] == "left_only"]
    if missing.empty or screen is None:
        return decisions
    more = screen(sorted(missing["household_id"].dropna().astype(str).unique()))
    more_key = pd.DataFrame({"benefit": more["benefit"].astype(str), "key": _key(more)})
    pick = more_key.merge(missing[["benefit", "key"]].drop_duplicates(), how="left", indicator=True)["_merge"]
    extra = more[(pick == "both").to_numpy()]
    return pd.concat([decisions, extra.astype(decisions.dtypes.to_dict(), errors="ignore")], ignore_index=True)


def _list_coverage(plan, decisions, entries, audited, as_of, include_all) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coverage of the audited benefits' rows from the lists, with under/overpaid and wrong_level."""
    rows = np.flatnonzero(decisions["benefit"].astype(str).isin(audited).to_numpy())
    sub = decisions.iloc[rows]
    best = (entries[entries["key"].notna()].sort_values("paid", ascending=False)
            .drop_duplicates(["benefit", "key"])[["benefit", "key", "paid", "level", "entry", "file", "row"]])
    joined = pd.DataFrame({"benefit": sub["benefit"].astype(str).to_numpy(), "key": _key(sub).to_numpy()}) \
        .merge(best, on=["benefit", "key"], how="left")
    on_list = joined["entry"].notna().to_numpy()
    status = sub["status"].astype(str).map({s.value: s.code for s in Status}).to_numpy(dtype=np.int8)
    enrol = np.where(on_list, Enrolment.ENROLLED, Enrolment.NOT_ENROLLED).astype(np.int8)
    words = np.array(Coverage.words(), dtype=object)[coverage(status, enrol)]
    due = pd.to_numeric(sub["amount"], errors="coerce").to_numpy(dtype=float)
    paid = joined["paid"].to_numpy(dtype=float)
    level_due = _level_due(plan, sub, due, as_of)
    level = joined["level"].to_numpy(dtype=float)
    # eligible, off this list, but paid by a programme that excludes this one: only one is due, it is held
    held = _held_elsewhere(plan, entries, joined)
    words[(words == Coverage.GAP.value) & held] = Coverage.COVERED.value
    covered = words == Coverage.COVERED.value
    wrong = covered & ~np.isnan(level) & ~np.isnan(level_due) & ~np.isclose(level, level_due)
    diff = paid - due
    words[covered & (diff < -0.5)] = Coverage.UNDERPAID.value
    words[covered & (diff > 0.5)] = Coverage.OVERPAID.value
    words[wrong] = Coverage.WRONG_LEVEL.value
    money = np.select([words == Coverage.GAP.value, words == Coverage.LEAKAGE.value], [due, paid], diff)
    out = decisions   # the caller's table is replaced by the result (no copy of a few million rows)
    out["coverage"] = out["coverage"].astype(object)
    out.iloc[rows, out.columns.get_loc("coverage")] = words
    keep = include_all | ~((out["status"].astype(str) == Status.NOT_ELIGIBLE.value)
                           & (out["coverage"] == Coverage.NONE.value))
    flagged = ~np.isin(words, [Coverage.NONE.value, Coverage.COVERED.value, Coverage.NEEDS_DATA.value])
    found = pd.DataFrame({
        "finding": words[flagged], "programme": sub["benefit"].astype(str).to_numpy()[flagged],
        "benefit": sub["benefit"].astype(str).to_numpy()[flagged],
        "household_id": sub["household_id"].astype(str).to_numpy()[flagged],
        "person_id": sub["person_id"].astype("string").to_numpy()[flagged],
        "name": sub["name"].astype("string").to_numpy()[flagged], "commune": sub["commune"].to_numpy()[flagged],
        "village": sub["village"].to_numpy()[flagged], "paid": paid[flagged], "due": due[flagged],
        "money": money[flagged], "level_paid": level[flagged], "level_due": level_due[flagged],
        "rule": sub["rule"].astype("string").to_numpy()[flagged],
        "parameter_values": sub.get("parameter_values", sub["rule"]).astype("string").to_numpy()[flagged],
        "file": joined["file"].to_numpy()[flagged], "row": joined["row"].to_numpy()[flagged], "note": "",
    })
    keep = np.asarray(keep)
    return (out if keep.all() else out[keep].reset_index(drop=True)), found


def _held_elsewhere(plan, entries: pd.DataFrame, rows: pd.DataFrame) -> np.ndarray:
    """Rows (benefit, key) whose person is on the list of a programme their benefit `excludes`."""
    pairs = [(name, other) for name, b in plan.benefits.items() if b.enrolled_from is not None
             for other in b.enrolled_from.excludes]
    if not pairs:
        return np.zeros(len(rows), dtype=bool)
    excludes = pd.DataFrame(pairs, columns=["benefit", "programme"])
    held = entries[entries["key"].notna()][["programme", "key"]].merge(excludes, on="programme")[["benefit", "key"]]
    mark = rows[["benefit", "key"]].merge(held.drop_duplicates(), how="left", indicator=True)["_merge"]
    return mark.eq("both").to_numpy()


def _level_due(plan, sub: pd.DataFrame, due: np.ndarray, as_of: dt.date) -> np.ndarray:
    """The level due per row: the amount due over the parameter `level.per` (a coefficient), else the rate."""
    out = np.full(len(sub), np.nan)
    benefits = sub["benefit"].astype(str).to_numpy()
    for name in np.unique(benefits):   # a loop over benefits
        level = plan.benefits[name].enrolled_from.level
        if level is None:
            continue
        mask = benefits == name
        if level.per:
            value = plan.parameters[level.per].at(as_of)
            out[mask] = due[mask] / float(value.value) if value is not None else np.nan
        else:
            out[mask] = pd.to_numeric(sub["rate"], errors="coerce").to_numpy(dtype=float)[mask]
    return np.round(out, 4)


def _override(decisions: pd.DataFrame, by_entry: pd.DataFrame, entity: dict[str, str]) -> pd.DataFrame:
    """A decision row whose person has a duplicate or post-death entry takes that word (PRECEDENCE)."""
    hits = by_entry[by_entry["finding"].isin([w.value for w in PRECEDENCE]) & by_entry["key"].notna()]
    if hits.empty:
        return decisions
    rows = np.flatnonzero(decisions["benefit"].astype(object).isin(set(hits["benefit"])).to_numpy())
    sub = pd.DataFrame({"benefit": decisions["benefit"].astype(object).to_numpy()[rows],
                        "key": _key(decisions.iloc[rows]).to_numpy()})
    for word in reversed(PRECEDENCE):   # two words; the first of PRECEDENCE is written last and wins
        hit = hits[hits["finding"] == word.value][["benefit", "key"]].astype(object).drop_duplicates()
        if hit.empty:
            continue
        mark = sub.merge(hit, how="left", indicator=True)["_merge"].eq("both").to_numpy()
        decisions.iloc[rows[mark], decisions.columns.get_loc("coverage")] = word.value
    return decisions


def _entry_rows(by_entry: pd.DataFrame, register) -> pd.DataFrame:
    if by_entry.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    names = register.members.set_index("person_id")["full_name"] if "full_name" in register.members else None
    places = register.households.set_index("household_id")
    household = by_entry["household_id"]
    name = by_entry["person_id"].map(names) if names is not None else by_entry["full_name"]
    return pd.DataFrame({
        "finding": by_entry["finding"], "programme": by_entry["programme"], "benefit": by_entry["benefit"],
        "household_id": household, "person_id": by_entry["person_id"],
        "name": name.fillna(by_entry["full_name"]),
        "commune": household.map(places["commune"]).fillna(by_entry["commune"]),
        "village": household.map(places["village"]).fillna(by_entry["village"]) if "village" in places
        else by_entry["village"],
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
    for finding, group in audit.findings.groupby("finding"):
        lines.append(_("  {finding}: {n}, {amount} VND").format(
            finding=Coverage(finding).label(lang), n=format_number(len(group), lang),
            amount=format_number(round(float(group["money"].abs().sum())), lang)))
    return lines + list(audit.warnings)
