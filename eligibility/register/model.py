"""What reading a register produces: clean typed frames, the rejected cells, and the counts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..wording.catalogue import N_, translator

TABLES = ("households", "members")

# Columns of the rejects table, in order.
REJECT_COLUMNS = ["table", "file", "row", "column", "value", "reason", "code"]

# Stable codes for rejected rows (a row can carry several; it counts once as rejected).
REJECT_CODES: dict[str, str] = {
    "R-MISSING-REQUIRED-VALUE": N_("an identifying value (an ID, the commune) is empty"),
    "R-TYPE": N_("a cell does not hold the declared type (number, yes/no, ...)"),
    "R-ENUM": N_("a cell holds a value the column does not declare"),
    "R-DATE": N_("a cell is not a valid date (dd/mm/yyyy or yyyy-mm-dd), or is before 1900"),
    "R-DATE-FUTURE": N_("a date is after the as-of date"),
    "R-NEGATIVE": N_("an amount or count is negative"),
    "R-RANGE": N_("a number is outside the declared minimum/maximum"),
    "R-DUPLICATE-ID": N_("an ID declared unique appears on several rows (all of them are rejected)"),
    "R-ORPHAN-MEMBER": N_("a member's household ID is not in the household table"),
    "R-HOUSEHOLD-REJECTED": N_("a member's household was itself rejected"),
    "R-NO-MEMBERS": N_("a household has no accepted member"),
    "R-ORPHAN-RECORD": N_("a meritorious record's person ID is not an accepted member"),
}

# Cells listed in cell_issues but still used (register/cells.py LISTED_ONLY): what the code means.
LISTED_CODES: dict[str, str] = {
    "C-DATE-PARTIAL": N_("a date known only to its year or month"),
    "C-ID-GENERATED": N_("a member row without a person ID"),
}


def reasons_in(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rejects or cell issues for Vietnamese readers: `reason` says what the code means, in words (every
    R- code has its Vietnamese in the catalogue); the detail as the reader wrote it (English, quoting
    the cell and what was expected) moves to `reason_detail` beside it."""
    if lang == "en" or "reason" not in frame.columns or "code" not in frame.columns:
        return frame
    _ = translator(lang)
    meaning = {code: _(text) for code, text in {**REJECT_CODES, **LISTED_CODES}.items()}
    out = frame.copy()
    out.insert(out.columns.get_loc("reason") + 1, "reason_detail", frame["reason"])
    out["reason"] = frame["code"].astype(object).map(lambda code: meaning.get(code, ""))
    out["reason"] = out["reason"].where(out["reason"] != "", frame["reason"])   # a code without its meaning
    return out


# Internal columns added to each accepted frame.
FILE_COLUMN = "_file"
ROW_COLUMN = "_row"


def empty_rejects() -> pd.DataFrame:
    return pd.DataFrame({
        "table": pd.Series(dtype="string"), "file": pd.Series(dtype="string"),
        "row": pd.Series(dtype="Int64"), "column": pd.Series(dtype="string"),
        "value": pd.Series(dtype="string"), "reason": pd.Series(dtype="string"),
        "code": pd.Series(dtype="string"),
    })


@dataclass
class Register:
    """A register read and checked against the declared input columns.

    `households` and `members` hold the accepted rows only, one column per declared input column
    (typed: text → "string", enum → Categorical of the declared codes, bool → "boolean",
    int → "Int64", number/money → "Float64", date → datetime64[ns]) plus `_file` and `_row`
    (the row as the user sees it in the spreadsheet). Every rejected row is in `rejects`, one line
    per problem; `accounting` holds read = accepted + rejected per table.
    """

    households: pd.DataFrame
    members: pd.DataFrame
    rejects: pd.DataFrame
    accounting: dict
    sources: list[Path]
    missing_columns: dict[str, list[str]]
    warnings: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    # table -> {declared column: header as written in the file}
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    # table -> the key (household_id / person_id) and spreadsheet row of each rejected row, so that
    # `explain` can say a household was rejected rather than "not found"
    rejected_keys: dict[str, pd.DataFrame] = field(default_factory=dict)
    # the optional tables present (merit_records, programme_lists: register/lists.py), accepted rows
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    # every source column -> declared input (or not used), every declared input found or absent,
    # and how each was matched (mapping.MAP_COLUMNS); rows skipped as not data (titles, footers)
    mapping: pd.DataFrame = field(default_factory=pd.DataFrame)
    skipped: pd.DataFrame = field(default_factory=pd.DataFrame)
    # cells not understood (unknown, the row screened) and generated IDs (cells.CELL_ISSUE_COLUMNS);
    # per table: cells of the screened rows in the columns read = used + unknown + empty
    cell_issues: pd.DataFrame = field(default_factory=pd.DataFrame)
    cell_accounting: dict = field(default_factory=dict)
    # table -> what was computed into it from an optional table (merit_inputs.py): the manifest says so
    derived: dict = field(default_factory=dict)

    def frame(self, table: str) -> pd.DataFrame:
        if table in self.tables:
            return self.tables[table]
        return self.households if table == "households" else self.members

    @property
    def ok(self) -> bool:
        """True when nothing was rejected."""
        return len(self.rejects) == 0

    def summary_lines(self) -> list[str]:
        """'households: read 40, accepted 39, rejected 1' for each table (for the end of a run)."""
        return [
            f"{table}: read {c['read']:,}, accepted {c['accepted']:,}, rejected {c['rejected']:,}"
            for table, c in self.accounting.items()
        ]

    def reject_counts(self) -> pd.DataFrame:
        """Rejected rows per table and code (a row with two problems counts under both codes)."""
        if self.rejects.empty:
            return pd.DataFrame({"table": [], "code": [], "rows": []})
        return (self.rejects.drop_duplicates(["table", "file", "row", "code"])
                .groupby(["table", "code"], observed=True).size().rename("rows").reset_index())


def accounting_entry(read: int, rejected_mask: np.ndarray) -> dict[str, int]:
    rejected = int(np.count_nonzero(rejected_mask))
    return {"read": int(read), "accepted": int(read) - rejected, "rejected": rejected}
