"""Cell-level problems make the cell unknown, not the row lost.

Only a key problem rejects a row (its ID missing or duplicated, a member whose household is absent
or rejected): without its key a row cannot be screened or linked. Any other bad cell (a number that
is not one, a date that is no date, a value the column does not declare) is listed in
`cell_issues` — file, spreadsheet row, column as the user wrote it, value, reason, what was done
("treated as unknown") — and the row is screened with that cell unknown. Members without a person
code get a stable generated ID (household ID + position), listed there too.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from ..wording.catalogue import N_, NC_, translator

KEY_CODES = frozenset({"R-MISSING-REQUIRED-VALUE", "R-DUPLICATE-ID", "R-ORPHAN-MEMBER", "R-HOUSEHOLD-REJECTED"})
GENERATED_ID = "C-ID-GENERATED"
PARTIAL_DATE = "C-DATE-PARTIAL"   # a date known to its year or month: read as its interval, not unknown
LISTED_ONLY = frozenset({GENERATED_ID, PARTIAL_DATE})   # listed in cell_issues, the cell still used
GENERATED_MARK = "#"  # DM05#3: the third member of DM05, who had no person code
ACTIONS = {  # code -> what was done with the cell (cell_issues keeps the English in `action`, the Vietnamese in `action_vi`)
    "unknown": N_("treated as unknown"),
    GENERATED_ID: N_("person ID generated (household ID # position)"),
    PARTIAL_DATE: N_("read as the interval of its days; what depends on the day stays undetermined"),
}
CELL_ISSUE_COLUMNS = ["table", "file", "row", "column", "input", "value", "reason", "code", "action", "action_vi"]
# cell_issues' headers where it is worded (Vietnamese; the English file keeps the codes)
CELL_HEADERS = {"input": N_("Input, by its label"), "action": N_("Action (in English)"), "action_vi": N_("Action"),
                "table": N_("Table"), "file": N_("File"), "row": N_("Row"), "column": N_("Column"),
                "value": NC_("register cell", "Value"), "reason": N_("Reason"),
                "reason_detail": N_("Reason in detail (in English)"), "code": N_("Error code")}


@dataclass
class Problem:
    """Cells of one column that fail one check."""

    positions: np.ndarray  # row positions in the raw table
    code: str
    reasons: np.ndarray  # one sentence per position
    values: np.ndarray  # the cell as the user wrote it


def cell_problem(mask: np.ndarray, code: str, cells: pd.Series | Callable[[], pd.Series], expected: str | None = None,
             reasons: np.ndarray | pd.Series | None = None) -> Problem | None:
    """The cells under `mask` as one problem. The reason is "<expected>, got '<cell>'" unless
    `reasons` (one per masked cell) is given. Text is only built for the masked cells. `cells` may
    be a function giving them (a stored column converted only when it has cells to report)."""
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return None
    if callable(cells):
        cells = cells()
    positions = np.flatnonzero(mask)
    shown = shown_text(cells.iloc[positions]).fillna("").astype(str)
    if reasons is None:
        reasons = f"{expected}, got '" + shown + "'"
    return Problem(positions, code, np.asarray(reasons, dtype=object), shown.to_numpy(dtype=object))


def shown_text(values: pd.Series) -> pd.Series:
    """Cells as the user would read them (dates as dd/mm/yyyy)."""
    if ptypes.is_datetime64_any_dtype(values):
        return values.dt.strftime("%d/%m/%Y").astype(object)
    return values.astype("string").astype(object)


def as_text(raw: pd.Series) -> pd.Series:
    """The column as trimmed text ("string" dtype), empty cells as <NA>."""
    if ptypes.is_float_dtype(raw) and not ptypes.is_bool_dtype(raw):
        values = raw.astype("Float64")
        if bool(((values % 1) == 0).fillna(True).all()):
            raw = values.astype("Int64")
    text = raw.astype("string").str.strip()
    return text.mask(text == "")


def is_key_problem(problem: Problem) -> bool:
    return problem.code in KEY_CODES


def empty_cell_issues() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "row" else "string") for c in CELL_ISSUE_COLUMNS})


def issue_frame(table: str, label: str, rows: np.ndarray, header: str, name: str, problem: Problem) -> pd.DataFrame:
    """The cells of one problem as cell_issues rows (column-wise: one frame per problem)."""
    action = ACTIONS.get(problem.code, ACTIONS["unknown"])
    n = len(problem.positions)
    return pd.DataFrame({
        "table": table, "file": label, "row": rows[problem.positions], "column": header, "input": name,
        "value": problem.values, "reason": problem.reasons, "code": problem.code,
        "action": np.full(n, action, dtype=object), "action_vi": np.full(n, translator("vi")(action), dtype=object),
    })


def collect(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return empty_cell_issues()
    frame = pd.concat(parts, ignore_index=True).sort_values(["table", "row"], kind="stable")
    frame = frame.reset_index(drop=True)[CELL_ISSUE_COLUMNS]
    typed = empty_cell_issues()
    return frame.astype({c: typed[c].dtype for c in CELL_ISSUE_COLUMNS})


def partial_dates_problem(found: tuple, first: pd.Series, latest: pd.Series) -> Problem:
    """The dates known only to their year or month, as cells to list (never a guessed day)."""
    positions, values = found
    low, high = first.iloc[positions], latest.iloc[positions]
    month = (low.dt.year == high.dt.year) & (low.dt.month == high.dt.month)
    known = pd.Series(np.where(month, "month", "year"), index=low.index)
    reasons = ("date known only to the " + known + ": read as " + low.dt.strftime("%d/%m/%Y") + " to "
               + high.dt.strftime("%d/%m/%Y")).to_numpy(dtype=object)
    return Problem(np.asarray(positions), PARTIAL_DATE, reasons, np.asarray(values, dtype=object))


def generate_ids(ids: pd.Series, parents: pd.Series) -> tuple[pd.Series, Problem | None]:
    """Members with no person code but a household: `<household>#<position in the household>`,
    the position counting every member row of that household in file order (stable while the
    register's order is). Returns the completed IDs and the cells filled, as a problem to list."""
    missing = (ids.isna() & parents.notna()).to_numpy()
    if not missing.any():
        return ids, None
    position = parents.groupby(parents, sort=False, dropna=True).cumcount() + 1
    made = parents.astype("string") + GENERATED_MARK + position.astype("Int64").astype("string")
    out = ids.astype("string").mask(missing, made)
    where = np.flatnonzero(missing)
    reasons = ("no person code: generated '" + made.iloc[where] + "' from the household ID and the member's "
               "position in it").to_numpy(dtype=object)
    return out, Problem(where, GENERATED_ID, reasons, np.full(len(where), "", dtype=object))


def cell_counts(typed: pd.DataFrame, mapped: list[str], issues: np.ndarray, accepted: np.ndarray) -> dict[str, int]:
    """Cells of the screened rows in the columns read: used (a value) + unknown (not understood,
    each in cell_issues) + empty. `issues`: rows x mapped-columns count of unknown cells, given as
    the total of unknown cells on accepted rows."""
    rows = int(accepted.sum())
    every = bool(accepted.all())   # the usual case: counted without selecting the rows first
    used = sum(_filled(typed[name], None if every else accepted) for name in mapped)
    unknown = int(issues)
    cells = rows * len(mapped)
    return {"cells": cells, "used": used, "unknown": unknown, "empty": cells - used - unknown}


def _filled(values: pd.Series, rows: np.ndarray | None) -> int:
    """The column's non-missing cells (among `rows`): a nullable column's own mask is counted, with
    no new array made (most columns of a register are yes/no or numbers)."""
    missing = getattr(values.array, "_mask", None)
    if missing is None:
        missing = values.isna().to_numpy()
    return len(missing) - int(np.count_nonzero(missing)) if rows is None else int(np.count_nonzero(~missing[rows]))
