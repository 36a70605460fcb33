"""The papers a commune prints after a screening: the list posted in each village and a result sheet
per household (`eligibility screen --papers`).

    niem_yet_cong_khai.xlsx / .html     per village, the households and people proposed for a support
                                        not yet received (danh sách niêm yết công khai)
    phieu_ket_qua_ra_soat.xlsx / .html  per household: members, what each is entitled to and how
                                        much, the legal basis, what data is still missing

This module prepares the tables (whole columns, groupby; no loop over register rows) and writes the
workbooks through the gap report's writer (bold coloured header row, frozen, with filters; amounts
as numbers in the unit's format, `#,##0` đồng, `0%` of a premium; widths fitted; a last sheet with
how to use the file); the HTML is built in `papers_html.py`. Loans are one line per household ("may borrow: ..."): an entitlement to apply for
credit, not a support to post.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..outfolder import file_sha256
from ..outputs import input_labels, missing_words
from ..vocabulary import Coverage
from ..wording import N_, translator
from ..wording.catalogue import in_lang
from ..wording.formats import format_date, format_number, format_percent
from .labels import UNIT_LABELS
from .workbook import write_gap_workbook

FILES = {"posting": "niem_yet_cong_khai", "sheets": "phieu_ket_qua_ra_soat"}
PROPOSED = ("gap", "needs_data", "none")      # eligible and not recorded as receiving it
NO_AMOUNT_UNITS = ("status", "")
DATE_FORMATS = {"vi": "%d/%m/%Y", "en": "%d %b %Y"}
HEADERS = {
    "stt": N_("No."), "head_name": N_("Head of household"), "village": N_("Village"), "commune": N_("Commune"),
    "household_id": N_("Household ID"), "beneficiary": N_("Beneficiary"), "benefit_label": N_("Proposed support"),
    "support": N_("Support"), "amount": N_("Amount"), "unit": N_("Unit"), "reference": N_("Legal basis"),
    "coverage": N_("Receiving now?"), "missing": N_("Still to collect"), "full_name": N_("Full name"),
    "date_of_birth": N_("Date of birth"), "relation_to_head": N_("Relation to the head"),
}
COVERAGE = {"covered": N_("receiving"), "gap": N_("not yet receiving"), "needs_data": N_("not recorded"),
            "none": N_("not recorded"), "leakage": N_("receiving")}


VALUES = {word.value for word in Coverage}


@dataclass
class Papers:
    """The tables behind both papers, in the reader's language (codes kept where a writer needs them)."""

    as_of: str
    posting: pd.DataFrame        # one row per proposed decision, sorted by commune, village, head
    entitled: pd.DataFrame       # one row per eligible decision (loans folded into one row a household)
    missing: pd.DataFrame        # one row per undetermined decision: what would settle it
    members: pd.DataFrame        # one row per member
    households: pd.DataFrame     # one row per household: id, head, village, commune


def paper_tables(screening, lang: str = "vi") -> Papers:
    """The papers' tables from a screening (decisions worded in `lang`, as `screen --lang` built them)."""
    _ = translator(lang)
    households = _households(screening)
    rows = _decision_rows(screening.decisions, households, lang)
    eligible = rows[rows["status"].astype(str) == "eligible"]
    proposed = eligible[eligible["coverage"].astype(str).isin(PROPOSED) & (eligible["unit"].astype(str) != "loan")]
    entitled = pd.concat([eligible[eligible["unit"].astype(str) != "loan"], _loans(eligible, _)], ignore_index=True)
    entitled["coverage"] = entitled["coverage"].astype(str).map(   # an audit's finding in its own words
        lambda c: _(COVERAGE[c]) if c in COVERAGE else Coverage(c).label(lang) if c in VALUES else c)
    undetermined = rows[rows["status"].astype(str) == "undetermined"]
    return Papers(format_date(screening.as_of, lang), _posting(proposed), _sorted(entitled),
                  _missing(undetermined, screening.plan, lang), _members(screening, lang), households)


def _households(screening) -> pd.DataFrame:
    source = screening.evaluation.households if screening.evaluation is not None else screening.register.households
    frame = source[["household_id", "head_name", "commune", "village"]].copy()
    for column in frame.columns:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    return frame.sort_values(["commune", "village", "household_id"], kind="stable").reset_index(drop=True)


def _decision_rows(decisions: pd.DataFrame, households: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Decisions with the head's name, who benefits and the amount as the reader writes it."""
    _ = translator(lang)
    keep = ["household_id", "person_id", "name", "entity", "benefit", "benefit_label", "status", "coverage",
            "amount", "unit", "reference", "missing_inputs"]
    rows = decisions[[c for c in keep if c in decisions.columns]].copy()
    rows["household_id"] = rows["household_id"].astype(str)
    rows = rows.merge(households, on="household_id", how="left")
    person = rows["entity"].astype(str).eq("person")
    rows["beneficiary"] = np.where(person, rows["name"].astype(object).fillna(""), _("whole household"))
    rows["amount_text"] = amount_texts(rows["amount"], rows["unit"], lang)
    if "amount_is_minimum" in decisions.columns:   # an undecided rule could raise it: say "at least"
        minimum = decisions["amount_is_minimum"].fillna(False).to_numpy(dtype=bool) & (rows["amount_text"] != "")
        rows.loc[minimum, "amount_text"] = _("at least") + " " + rows.loc[minimum, "amount_text"]
    for column in ("benefit_label", "reference", "missing_inputs"):
        rows[column] = rows[column].astype(object).where(rows[column].notna(), "").astype(str)
    return rows


def amount_texts(amount: pd.Series, unit: pd.Series, lang: str) -> np.ndarray:
    """`1.500.000 đồng/tháng` (vi) / `1,500,000 VND/month` (en), formatted once per distinct pair."""
    pairs = pd.DataFrame({"amount": amount.to_numpy(dtype=float), "unit": unit.astype(str).to_numpy()})
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(pairs.fillna({"amount": -1.0})))
    texts = np.array([_amount_text(a, u, lang) for a, u in uniques] + [""], dtype=object)
    return texts[np.where(codes < 0, len(texts) - 1, codes)]


def _amount_text(value: float, unit: str, lang: str) -> str:
    _ = translator(lang)
    if unit in NO_AMOUNT_UNITS:
        return ""
    if value < 0 or np.isnan(value):
        return _("not yet computed (data missing)")
    if unit == "share_of_premium":
        premium = _("of the health-insurance premium")
        return f"{format_percent(value, lang, 0)} {premium}"
    return f"{format_number(value, lang)} {UNIT_LABELS[lang].get(unit, unit)}"


def _posting(proposed: pd.DataFrame) -> pd.DataFrame:
    out = _sorted(proposed)
    out.insert(0, "stt", out.groupby(["commune", "village"], sort=False).cumcount() + 1)
    return out


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = ["commune", "village", "head_name", "household_id", "beneficiary", "benefit_label"]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def _loans(eligible: pd.DataFrame, _) -> pd.DataFrame:
    """All the loans a household may apply for, as one row: their names and bases joined."""
    loans = eligible[eligible["unit"].astype(str) == "loan"]
    if loans.empty:
        return loans.iloc[:0]
    keys = ["household_id", "head_name", "commune", "village"]
    out, labels = group_join(loans[keys], loans["benefit_label"], "; ", unique=True)
    out["benefit_label"] = [_("May apply for preferential loans") + ": " + text for text in labels]
    out["reference"] = group_join(loans[keys], loans["reference"], "; ", unique=True)[1]
    out["beneficiary"], out["amount_text"], out["coverage"], out["unit"] = _("whole household"), "", "", "loan"
    out["amount"] = np.nan
    return out


def group_join(keys: pd.DataFrame, values, sep: str = "", unique: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """The texts of `values` joined within each group of `keys` (groups in order of first appearance):
    (the groups' keys, one row each; the joined texts). One sort and a slice per group; pandas'
    `agg(str.join)` costs a fifth of a millisecond a group."""
    codes = keys.groupby(list(keys.columns), sort=False, dropna=False).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(codes[order]) != 0])
    parts = np.split(np.asarray(values, dtype=object)[order], starts[1:])
    texts = [sep.join(dict.fromkeys(v for v in part if v) if unique else part) for part in parts]
    return keys.iloc[order[starts]].reset_index(drop=True), texts


def _missing(undetermined: pd.DataFrame, plan, lang: str) -> pd.DataFrame:
    """Undetermined decisions: who, which support, and the data to collect, by its label."""
    names = input_labels(plan, lang)
    worded = undetermined["missing_inputs"].map(lambda text: missing_words(text, names, lang, "; "))
    # undetermined with no data missing: a figure of the law withheld (graded D, see `rulebook/unverified`)
    worded = worded.where(worded != "", translator(lang)(N_("a figure of the law not yet verified")))
    out = undetermined.assign(missing=worded)
    out = out.drop_duplicates(["household_id", "beneficiary", "benefit_label", "missing"])
    return _sorted(out)


def _members(screening, lang: str) -> pd.DataFrame:
    source = screening.evaluation.members if screening.evaluation is not None else screening.register.members
    out = source[["household_id", "person_id", "full_name"]].astype(object).fillna("").astype(str)
    born = pd.to_datetime(source["date_of_birth"], errors="coerce")
    out["date_of_birth"] = born.dt.strftime(DATE_FORMATS[lang]).fillna("").to_numpy()
    spec = screening.plan.inputs.members.columns.get("relation_to_head")
    relation = source["relation_to_head"].astype(object).fillna("").astype(str)
    if spec is not None and spec.values:
        words = {code: getattr(value, lang) for code, value in spec.values.items()}
        relation = relation.map(words).fillna(relation)
    out["relation_to_head"] = relation.to_numpy()
    return out.sort_values(["household_id", "person_id"], kind="stable").reset_index(drop=True)


def write_papers(screening, folder, lang: str = "vi") -> dict[str, Path]:
    """Both papers as XLSX and HTML into the output folder (a `outfolder.Staging`), recorded in its
    manifest under `papers`; returns {name: path in the staging folder}."""
    from .papers_html import write_posting_html, write_sheets_html

    papers = paper_tables(screening, lang)
    out = Path(folder.path)
    written = {
        "posting_xlsx": write_posting_xlsx(papers, out / f"{FILES['posting']}.xlsx", lang),
        "posting_html": write_posting_html(papers, out / f"{FILES['posting']}.html", lang),
        "sheets_xlsx": write_sheets_xlsx(papers, out / f"{FILES['sheets']}.xlsx", lang),
        "sheets_html": write_sheets_html(papers, out / f"{FILES['sheets']}.html", lang),
    }
    if folder.run is not None:
        folder.run["papers"] = {"lang": lang, "posted_rows": int(len(papers.posting)),
                                "households": int(len(papers.households)),
                                **{k: f"{p.name} sha256:{file_sha256(p)}" for k, p in written.items()}}
    return written

POSTING_COLUMNS = ["stt", "commune", "village", "head_name", "beneficiary", "benefit_label", "amount", "unit",
                   "reference"]
ENTITLED_COLUMNS = ["commune", "village", "household_id", "head_name", "beneficiary", "benefit_label", "amount",
                    "unit", "coverage", "reference"]
MISSING_COLUMNS = ["commune", "village", "household_id", "head_name", "beneficiary", "benefit_label", "missing"]
MEMBER_COLUMNS = ["household_id", "full_name", "date_of_birth", "relation_to_head"]
SHEET_NAMES = {"posting": N_("Public posting"), "entitled": N_("Entitled"), "missing": N_("Still to collect"),
               "members": N_("Members")}
NOTES = {
    "posting": [N_("Households and people eligible for a support they are not recorded as receiving, proposed "
                   "for public posting in their village; one group of rows per village (see the HTML file to "
                   "print, one page group per village)."),
                N_("Loans are not listed: eligibility to apply for a preferential loan is shown on each "
                   "household's result sheet.")],
    "sheets": [N_("One household's result sheet is the rows of its household ID on every sheet; the HTML file "
                  "prints one sheet per household."),
               N_("Still to collect: the register data without which a support can be neither granted nor "
                  "refused.")],
}


# ---------------------------------------------------------------- the workbooks, written like gaps.xlsx


def write_posting_xlsx(papers: Papers, path: Path, lang: str) -> Path:
    _ = translator(lang)
    tables = {_(SHEET_NAMES["posting"]): _numeric(papers.posting)[POSTING_COLUMNS]}
    return _write(tables, path, lang, papers.as_of, NOTES["posting"])


def write_sheets_xlsx(papers: Papers, path: Path, lang: str) -> Path:
    _ = translator(lang)
    tables = {_(SHEET_NAMES["entitled"]): _numeric(papers.entitled)[ENTITLED_COLUMNS],
              _(SHEET_NAMES["missing"]): papers.missing[MISSING_COLUMNS],
              _(SHEET_NAMES["members"]): papers.members[MEMBER_COLUMNS]}
    return _write(tables, path, lang, papers.as_of, NOTES["sheets"])


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    """Amounts as numbers (a status-only support has none); units stay codes for the cell formats."""
    out = frame.copy()
    out["amount"] = np.where(out["unit"].astype(str).isin(NO_AMOUNT_UNITS), np.nan,
                             pd.to_numeric(out["amount"], errors="coerce"))
    out["unit"] = out["unit"].astype(str)
    return out


def _write(tables: dict[str, pd.DataFrame], path: Path, lang: str, as_of: str, notes: list[str]) -> Path:
    _ = translator(lang)
    headers = in_lang(HEADERS, lang)
    words = [_("Under the law in force on {date}").format(date=as_of), *(_(n) for n in notes)]
    return write_gap_workbook(tables, path, None, lang, {"unit": dict(UNIT_LABELS[lang])},
                              headers=headers, notes=words)
