"""entitlements.xlsx and rejects.xlsx (`screen --format xlsx`) written like gaps.xlsx: headers in the
reader's language, bold coloured and frozen, with filters; amounts as numbers in their unit's format
(`#,##0` đồng, `0%` of a premium), interest rates as percentages; widths fitted; codes shown as
their labels (status, coverage, unit, district); a last sheet with the run's manifest.

Entitlements are sorted by commune, village, household, person and benefit, the order an officer
reads them in; rejects by file and row. The sort is on integer ranks (a categorical of 3 million
rows is ranked by its few categories), not on the strings.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..outputs import HEADERS, _relabel, printable, word_missing, yes_words
from ..wording import N_, translator
from ..wording.catalogue import in_lang
from .labels import value_labels
from .workbook import write_gap_workbook

DECISION_ORDER = ("commune", "village", "household_id", "person_id", "benefit")
REJECT_ORDER = ("file", "table", "row", "column")
SHEETS = {"entitlements": N_("Entitlements"), "rejects": N_("Rejected rows")}
# the columns the English files head with words too (outputs.HEADERS'); the others keep the reports' headers
WORDED_IN_ENGLISH = ("explanation", "parameter_values", "benefit", "table", "file", "row", "column", "value", "code")
NOTES = {
    "entitlements": [
        N_("One row per decision: a person (person benefits) or a household (household benefits) and a "
           "benefit, sorted by commune, village, household and person."),
        N_("Amounts are numbers in the unit of the Unit column: a loan's amount is its ceiling, a share of the "
           "health-insurance premium a percentage; an empty amount could not be computed (see Missing data)."),
    ],
    "rejects": [N_("One row per problem of a register row that was not screened: file, row, column and why.")],
}


def rank(column: pd.Series) -> np.ndarray:
    """Each value's position among the column's sorted distinct values (missing values last)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        names = np.asarray(column.cat.categories.astype(str), dtype=object)
        positions = np.argsort(np.argsort(names, kind="stable"), kind="stable")
        codes = column.cat.codes.to_numpy()
        return np.where(codes < 0, len(names), positions[np.maximum(codes, 0)])
    if pd.api.types.is_numeric_dtype(column):
        return pd.to_numeric(column, errors="coerce").fillna(np.inf).to_numpy()
    codes, uniques = pd.factorize(column.astype(object).where(column.notna(), None), sort=True)
    return np.where(codes < 0, len(uniques), codes)


def sort_rows(frame: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    present = [k for k in keys if k in frame.columns]
    if not present or frame.empty:
        return frame.reset_index(drop=True)
    order = np.lexsort([rank(frame[k]) for k in reversed(present)])
    return frame.iloc[order].reset_index(drop=True)


def headers(lang: str) -> dict[str, str]:
    return in_lang(HEADERS if lang == "vi" else {c: HEADERS[c] for c in WORDED_IN_ENGLISH}, lang)


def write_table_xlsx(frame: pd.DataFrame, path: Path, kind: str, lang: str = "vi", plan=None,
                     manifest: dict | None = None) -> Path:
    """`frame` (decisions or rejects, `kind`) as a formatted one-sheet workbook at `path` (.xlsx)."""
    _ = translator(lang)
    order = DECISION_ORDER if kind == "entitlements" else REJECT_ORDER
    labels = value_labels(plan, lang)
    shown = printable(sort_rows(word_missing(frame, plan, lang) if plan is not None else frame, order))
    for column, mapping in labels.items():   # categoricals relabelled by category (the writer maps text)
        if column != "unit" and column in shown.columns and isinstance(shown[column].dtype, pd.CategoricalDtype):
            shown[column] = _relabel(shown[column], [mapping.get(c, c) for c in shown[column].cat.categories])
    shown = yes_words(shown, lang)   # not "True"/"False"
    if "unit" in shown.columns:   # kept as codes: the cell formats are chosen by unit
        shown["unit"] = shown["unit"].astype(object).where(shown["unit"].notna(), "").astype(str)
    return write_gap_workbook({_(SHEETS[kind]): shown}, path, manifest, lang, labels,
                              headers=headers(lang), notes=[_(n) for n in NOTES[kind]], plan=plan)
