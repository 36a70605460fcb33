"""The optional tables of a register: meritorious records and the programmes' beneficiary lists.

They are found, read, typed and checked like households and members (same header matching, same
cell conversion, same rejects), but a register without them is still a register: each is read
only where the folder has its file (or the workbook its sheet) and the pack declares it
(`rules/inputs/merit_records.yaml`, `programme_lists.yaml`).

Two differences from the main tables, on purpose:
- a programme list is a payroll: its dates may lie after the as-of date (declared `after_as_of`),
  so they are not refused as "in the future" (R-DATE-FUTURE) — a dated entry is read as written
  and its period compared with the as-of date by the audit;
- a list entry need not name a person of the register (a ghost beneficiary is what the audit looks
  for): entries are matched to people afterwards (`matching.py`), never rejected for it. A merit
  record does belong to a person: one whose person ID is not an accepted member is rejected.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataError, say, table_word
from ..wording.catalogue import N_
from ..rulebook.inputs import InputSchema, Table
from . import checks, limits
from .cells import Problem
from .notes import blank_rows_note
from .headers import header_key
from .model import FILE_COLUMN, REJECT_COLUMNS, ROW_COLUMN, accounting_entry, empty_rejects
from .sources import EXCEL_SUFFIXES, Location, _candidates

ORPHAN_RECORD = "R-ORPHAN-RECORD"


@dataclass
class OptionalTables:
    """What reading the optional tables gives: accepted frames, their rejects and accounting."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    rejects: pd.DataFrame = field(default_factory=empty_rejects)
    accounting: dict[str, dict] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    missing_columns: dict[str, list[str]] = field(default_factory=dict)
    rejected_keys: dict[str, pd.DataFrame] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sources: list[Path] = field(default_factory=list)
    mapping_rows: list = field(default_factory=list)  # mapping.MapRow of each column read (the mapping table)


def locate_optional(path: str | Path, schema: InputSchema, workbook: Path | None = None) -> dict[str, Location]:
    """The optional tables present at `path`: files of the folder, or sheets of `workbook` when the
    main tables were found in one."""
    path = Path(path)
    declared = schema.audit_tables()
    if not declared:
        return {}
    if workbook is not None:
        return _locate_sheets(workbook, declared)
    found = {}
    for name, table in declared.items():
        hits = sorted(_candidates(path, table) + _workbooks_named(path, table))
        if len(hits) > 1:
            raise DataError(say(N_("the {table} table is given {n} times ({names}); keep one file per table"),
                                table=table_word(name), n=len(hits), names=", ".join(p.name for p in hits)),
                            file=str(path))
        if hits:
            found[name] = _location(name, hits[0], table)
    return found


def _workbooks_named(folder: Path, table: Table) -> list[Path]:
    """Workbooks named as the table (`programme_lists.xlsx`, `danh sách chi trả.xlsx`) in a folder register:
    read like its CSV (never left aside unsaid)."""
    if not folder.is_dir():
        return []
    stems = {header_key(s) for s in [table.table, *table.file_names]}
    return [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in EXCEL_SUFFIXES
            and not p.name.startswith(("~$", ".")) and header_key(p.stem) in stems]


def _location(name: str, hit: Path, table: Table) -> Location:
    """Where the table found by its file name is read: a workbook's sheet named as the table, else its first."""
    if hit.suffix.lower() in EXCEL_SUFFIXES:
        limits.check_xlsx(hit)  # before openpyxl builds anything: bombs, stray far cells, sizes
        try:
            sheets = pd.ExcelFile(hit, engine="openpyxl").sheet_names
        except Exception as err:  # openpyxl raises many kinds of errors on a damaged file
            raise DataError(say(N_("cannot open the workbook: {reason}"), reason=err), file=hit.name) from None
        wanted = {header_key(s) for s in [table.table, *table.sheet_names]}
        return Location(name, hit, "excel", next((s for s in sheets if header_key(s) in wanted), sheets[0]))
    kind = "parquet" if hit.is_dir() or hit.suffix.lower() in (".parquet", ".pq") else "csv"
    return Location(name, hit, kind)


def _locate_sheets(workbook: Path, declared: dict[str, Table]) -> dict[str, Location]:
    sheets = pd.ExcelFile(workbook, engine="openpyxl").sheet_names
    found = {}
    for name, table in declared.items():
        wanted = {header_key(s) for s in [table.table, *table.sheet_names]}
        hits = [s for s in sheets if header_key(s) in wanted]
        if len(hits) > 1:
            raise DataError(say(N_("the {table} table is given by {n} sheets ({names}); keep one"), table=table_word(name),
                                n=len(hits), names=", ".join(hits)), file=workbook.name)
        if hits:
            found[name] = Location(name, workbook, "excel", hits[0])
    return found


def read_optional_tables(path: str | Path, schema: InputSchema, as_of: dt.date, member_ids: pd.Series,
                         workbook: Path | None = None) -> OptionalTables:
    """Read and check every optional table present; `member_ids`: the accepted members' person IDs;
    `workbook`: where the main tables were read from sheets, the workbook."""
    from .reader import _check_table   # the main tables' reader, shared (it imports this module lazily)

    out = OptionalTables()
    rejects = [out.rejects]
    for name, location in locate_optional(path, schema, workbook).items():
        table = schema.audit_tables()[name]
        checked = _check_table(location, table, as_of)
        if table.parent is not None and table.parent.table == "members":
            checked.add(table.parent.key, _orphan_records(checked.typed[table.parent.key], member_ids, table))
        rejected = checked.rejected()
        frame = checked.typed
        frame[FILE_COLUMN] = pd.Series(checked.label, index=frame.index, dtype="string")
        frame[ROW_COLUMN] = checked.raw.rows
        out.frames[name] = frame.loc[~rejected].reset_index(drop=True)
        out.accounting[name] = accounting_entry(checked.n, rejected)
        out.headers[name] = dict(checked.match.columns)
        out.missing_columns[name] = list(checked.match.missing)
        out.rejected_keys[name] = _rejected_keys(checked, table, rejected)
        out.warnings += checked.match.warnings + checked.notes
        out.mapping_rows += checked.match.rows
        if checked.raw.blank_rows:
            out.warnings.append(blank_rows_note(checked.label, checked.raw.blank_rows))
        rejects.append(_table_rejects(name, checked))
        out.sources.append(location.path)
    out.rejects = pd.concat(rejects, ignore_index=True) if len(rejects) > 1 else out.rejects
    return out


def _rejected_keys(checked, table: Table, rejected: np.ndarray) -> pd.DataFrame:
    """Key and row of each rejected row, and its parent where the table has one (a list has none)."""
    keys = {"key": checked.typed[table.key][rejected].to_numpy(), "row": checked.raw.rows[rejected]}
    if table.parent is not None and table.parent.key != table.key:
        keys["parent"] = checked.typed[table.parent.key][rejected].to_numpy()
    return pd.DataFrame(keys)


def _orphan_records(person_ids: pd.Series, member_ids: pd.Series, table: Table) -> Problem | None:
    given = person_ids.notna().to_numpy()
    orphan = given & ~checks.isin(person_ids, member_ids)
    if not orphan.any():
        return None
    positions = np.flatnonzero(orphan)
    ids = person_ids.iloc[positions].astype(str)
    reasons = ("person ID '" + ids + f"' is not an accepted member of the register ({table.label.en})")
    return Problem(positions, ORPHAN_RECORD, reasons.to_numpy(dtype=object), ids.to_numpy(dtype=object))


def _table_rejects(name: str, checked) -> pd.DataFrame:
    parts = []
    for header, problem in checked.problems:
        parts.append(pd.DataFrame({
            "table": name, "file": checked.label, "row": checked.raw.rows[problem.positions],
            "column": header, "value": problem.values, "reason": problem.reasons, "code": problem.code}))
    if not parts:
        return empty_rejects()
    frame = pd.concat(parts, ignore_index=True).sort_values("row", kind="stable").reset_index(drop=True)
    typed = empty_rejects()
    return frame[REJECT_COLUMNS].astype({c: typed[c].dtype for c in REJECT_COLUMNS})
