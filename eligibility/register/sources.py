"""Find a register's two tables (CSV, Parquet, or the sheets of one workbook) and read them raw.

A raw table keeps the file's headers; CSV and Excel cells are read as text, Parquet columns keep
their stored types. Each raw row carries the row number the user sees in the spreadsheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from ..errors import DataError, say, table_word
from ..wording.catalogue import N_
from ..rulebook.inputs import InputSchema, Table
from ..suggestions import suggest
from . import limits
from .headers import header_key, header_lookup, header_spellings
from .layout import SCAN_ROWS, Layout, find_layout

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
PARQUET_SUFFIXES = (".parquet", ".pq")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Location:
    """Where one table lives."""

    table: str
    path: Path
    kind: str  # "csv" | "parquet" | "excel"
    sheet: str | None = None
    found_by: str = "file name"  # how the table was recognised: file name, sheet name, header

    @property
    def label(self) -> str:
        """How the table is named in messages and in rejects: 'members.csv', 'register.xlsx[Thành viên]'."""
        return f"{self.path.name}[{self.sheet}]" if self.sheet is not None else self.path.name


@dataclass
class RawTable:
    location: Location
    frame: pd.DataFrame  # original headers; CSV/Excel: all text ("" = empty cell)
    rows: np.ndarray  # spreadsheet row number of each frame row
    blank_rows: int = 0  # fully empty rows that were skipped
    short_rows: np.ndarray | None = None  # spreadsheet rows with fewer cells than the header (CSV)
    layout: Layout | None = None  # title rows, two-row header, column-number row (CSV and Excel)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (spreadsheet row, what, text)
    _strings: tuple | None = field(default=None, init=False, repr=False, compare=False)  # (frame, header -> Arrow)

    # A Parquet table keeps its cells in Arrow (stored.StoredTable); these read either kind alike.
    @property
    def headers(self) -> list[str]:
        return list(self.frame.columns)

    @property
    def size(self) -> int:
        return len(self.frame)

    def column(self, header: str) -> pd.Series:
        """The column's cells as read (CSV and Excel: text)."""
        return self.frame[header]

    def stored(self, header: str):
        """The column as stored in a typed file (an Arrow array); for cells read as text, the Arrow
        strings pyarrow read them into (typed from Arrow where they read plainly: textcells.py), or
        None where pandas holds them otherwise. Kept per header while the frame is the same (asked
        three times a column: a pandas column costs tens of microseconds to get)."""
        if self._strings is None or self._strings[0] is not self.frame:   # a new frame (a footer trimmed)
            self._strings = (self.frame, {})
        kept = self._strings[1]
        if header not in kept:
            cells = self.frame[header].array
            arrow = cells.__arrow_array__() if isinstance(cells, ArrowStringArray) else None   # pandas' own data
            kept[header] = pa.chunked_array([arrow]) if isinstance(arrow, pa.Array) else arrow
        return kept[header]

    def pandas_type(self, header: str) -> str | None:
        return None

    def prefetch(self, headers: list[str]) -> None:
        """Columns about to be asked for (a stored table converts them together)."""

    def filtered(self, mask: np.ndarray) -> RawTable:
        """The rows under `mask` (spreadsheet row numbers kept by the caller). A stored table too is
        converted whole first: Arrow's filter does not keep the values under missing cells as
        pandas' does, and the engines read those buffers (one household's rows: a small table)."""
        return RawTable(self.location, self.frame[mask].reset_index(drop=True), self.rows)


def locate(path: str | Path, schema: InputSchema) -> dict[str, Location]:
    """The two tables of the register at `path` (a folder, or a workbook)."""
    path = Path(path)
    if not path.exists():
        raise DataError(say(N_("the register '{path}' does not exist"), path=path))
    if path.is_file():
        if path.suffix.lower() in EXCEL_SUFFIXES:
            return _locate_sheets(path, schema)
        raise DataError(say(N_("a register is a folder (households + members as CSV or Parquet) or one Excel "
                               "workbook (.xlsx) with both sheets; got the file '{name}'"), name=path.name),
                        file=str(path))
    found = {name: _locate_file(path, getattr(schema, name)) for name in ("households", "members")}
    if all(loc is None for loc in found.values()):
        workbooks = sorted(p for p in path.iterdir() if p.suffix.lower() in EXCEL_SUFFIXES
                           and not p.name.startswith("~$"))
        if len(workbooks) == 1:
            return _locate_sheets(workbooks[0], schema)
        if len(workbooks) > 1:
            raise DataError(say(N_("the folder holds {n} workbooks ({names}); keep one register per folder"),
                                n=len(workbooks), names=", ".join(p.name for p in workbooks)), file=str(path))
    for name, loc in found.items():
        if loc is None:
            table = getattr(schema, name)
            raise DataError(_not_found_message(path, table), file=str(path))
    return found  # type: ignore[return-value]


def table_files(folder: Path, table: Table) -> list[Path]:
    """The files (or Parquet dataset folders) in `folder` named as `table`'s file names."""
    return _candidates(folder, table) if folder.is_dir() else []


def _candidates(folder: Path, table: Table) -> list[Path]:
    stems = {header_key(s) for s in [table.table, *table.file_names]}
    hits = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith((".", "~$")):
            continue
        suffix = p.suffix.lower()
        if p.is_file() and suffix in CSV_SUFFIXES + PARQUET_SUFFIXES and header_key(p.stem) in stems:
            hits.append(p)
        elif p.is_dir() and header_key(p.name) in stems and any(p.glob("*.parquet")):
            hits.append(p)  # a partitioned Parquet dataset: members/part-0.parquet, ...
    return hits


def _locate_file(folder: Path, table: Table) -> Location | None:
    hits = _candidates(folder, table)
    if len(hits) > 1:
        raise DataError(say(N_("the {table} table is given {n} times ({names}); keep one file per table"),
                            table=table_word(table.table), n=len(hits), names=", ".join(p.name for p in hits)),
                        file=str(folder))
    if not hits:
        return None
    hit = hits[0]
    kind = "parquet" if hit.is_dir() or hit.suffix.lower() in PARQUET_SUFFIXES else "csv"
    return Location(table.table, hit, kind)


def _not_found_message(folder: Path, table: Table) -> str:
    names = ", ".join(f"{s}.csv" for s in dict.fromkeys([table.table, *table.file_names]))
    text = say(N_("no {table} table in the folder: expected one of {names} (or .parquet)"),
               table=table_word(table.table), names=names)
    present = [p.stem for p in folder.iterdir() if p.suffix.lower() in CSV_SUFFIXES + PARQUET_SUFFIXES]
    hit = next((suggest(s, present) for s in [table.table, *table.file_names] if suggest(s, present)), None)
    if hit:
        text += say(N_("; did you mean '{hint}'?"), hint=hit)
    return text


def _locate_sheets(path: Path, schema: InputSchema) -> dict[str, Location]:
    """Each table's sheet: by its name (`Hộ gia đình`, `members`), else by what its header holds
    (`DS hộ`, `DS nhân khẩu`, `Sheet1`), and the choice is said (`Location.found_by`)."""
    limits.check_xlsx(path)  # before openpyxl builds anything: bombs, stray far cells, sizes
    try:
        sheets = pd.ExcelFile(path, engine="openpyxl").sheet_names
    except Exception as err:  # openpyxl raises many kinds of errors on a damaged file
        raise DataError(say(N_("cannot open the workbook: {reason}"), reason=err), file=str(path)) from None
    found: dict[str, Location] = {}
    for name in ("households", "members"):
        table = getattr(schema, name)
        wanted = {header_key(s) for s in [table.table, *table.sheet_names]}
        hits = [s for s in sheets if header_key(s) in wanted]
        if len(hits) > 1:
            raise DataError(say(N_("the {table} table is given by {n} sheets ({names}); keep one"),
                                table=table_word(table.table), n=len(hits), names=", ".join(hits)), file=path.name)
        if hits:
            found[name] = Location(name, path, "excel", hits[0], "sheet name")
    missing = [n for n in ("households", "members") if n not in found]
    if missing:
        taken = {loc.sheet for loc in found.values()}
        by_header = _sheets_by_header(path, [s for s in sheets if s not in taken], schema, missing)
        for name in missing:
            if by_header.get(name) is None:
                raise DataError(_no_sheet_message(getattr(schema, name), sheets), file=path.name)
            found[name] = Location(name, path, "excel", by_header[name], "header")
    return found


def _no_sheet_message(table: Table, sheets: list[str]) -> str:
    options = ", ".join(repr(s) for s in dict.fromkeys([table.table, *table.sheet_names]))
    text = say(N_("no sheet for the {table} table: expected one of {options}, or a sheet whose header names its "
                  "columns; sheets are {sheets}"), table=table_word(table.table), options=options, sheets=sheets)
    hit = suggest(table.sheet_names[0] if table.sheet_names else table.table, sheets)
    return text + (say(N_("; did you mean '{hint}'?"), hint=hit) if hit else "")


def _sheets_by_header(path: Path, sheets: list[str], schema: InputSchema, tables: list[str]) -> dict[str, str | None]:
    """Table -> the one sheet whose first rows name the most columns only that table declares."""
    own = {}
    for name in ("households", "members"):
        other = schema.members if name == "households" else schema.households
        own[name] = {k for k, col in header_lookup(getattr(schema, name)).items() if col not in other.columns}
    scores: dict[str, dict[str, int]] = {name: {} for name in tables}
    for sheet in sheets:
        try:
            head = pd.read_excel(path, sheet_name=sheet, header=None, dtype=str, nrows=SCAN_ROWS,
                                 keep_default_na=False, engine="openpyxl")
        except Exception:  # noqa: BLE001 - an unreadable extra sheet is simply not a candidate
            continue
        keys = {header_key(v) for v in head.to_numpy().ravel() if str(v).strip()}
        for name in tables:
            scores[name][sheet] = len(keys & own[name])
    out: dict[str, str | None] = {}
    for name in tables:
        ranked = sorted(scores[name].items(), key=lambda kv: -kv[1])
        good = [(s, n) for s, n in ranked if n >= 2]
        out[name] = good[0][0] if good and (len(good) == 1 or good[0][1] > good[1][1]) else None
    return out


# ---------------------------------------------------------------------------------------------
# Reading


def read_raw(location: Location, table: Table, keep: tuple[list[str], str] | None = None, early=None) -> RawTable:
    """The table as written. `keep` = (the household key's possible headers, one household id): a
    Parquet table is filtered as it is read (only that household's row groups are decoded), a CSV
    table as soon as pyarrow has parsed it. `early`: a Parquet file's read started before (early.py)."""
    if location.kind == "csv":
        from .csvread import read_csv  # the CSV reader, in a module of its own

        return read_csv(location, table, keep)
    if location.kind == "parquet":
        from .stored import read_parquet   # Parquet tables as stored, in a module of their own

        return read_parquet(location, keep, early)
    return _read_excel(location, table)


def household_headers(table: Table) -> list[str]:
    """Every spelling of the column that names a row's household (its key, or the parent key)."""
    key = table.parent.key if table.parent is not None else table.key
    return header_spellings(table, key)


def only_household(raw: RawTable, match, table: Table, household: str) -> RawTable:
    """The rows of one household (the key compared as text, spaces trimmed); spreadsheet row
    numbers kept. A table without the key column is left whole (its checks will say so)."""
    key = table.parent.key if table.parent is not None else table.key
    header = match.columns.get(key)
    if header is None or header not in raw.headers:
        return raw
    mask = (raw.column(header).astype(str).str.strip() == household).to_numpy(dtype=bool)
    kept = raw.filtered(mask)
    kept.rows, kept.blank_rows, kept.short_rows = raw.rows[mask], raw.blank_rows, raw.short_rows
    kept.layout, kept.skipped = raw.layout, raw.skipped
    return kept


def _check_header(headers: list[str], location: Location) -> None:
    """Two columns with the same (non-empty) header are ambiguous: which one holds the data?"""
    seen: set[str] = set()
    for header in (str(h).strip() for h in headers):
        if header and header in seen:
            raise DataError(say(N_("the header '{header}' appears twice; keep one of the two columns"), header=header),
                            file=location.label, column=header)
        seen.add(header)


def _read_excel(location: Location, table: Table) -> RawTable:
    """Cells as text (dates as 'yyyy-mm-dd hh:mm:ss'); the header is found by `find_layout` (title
    rows above it, a two-row merged header, a column-number row under it are skipped and said)."""
    try:
        # raw row 0 is sheet row 1 (pandas keeps empty rows above the table as blank rows)
        raw = pd.read_excel(location.path, sheet_name=location.sheet, header=None, dtype=str,
                            keep_default_na=False, na_filter=False, engine="openpyxl")
    except Exception as err:
        raise DataError(say(N_("cannot read the sheet: {reason}"), reason=err), file=location.label) from None
    if raw.empty:
        raise DataError(say(N_("the sheet is empty (no header row)")), file=location.label)
    return _apply_layout(location, raw, find_layout(raw, table))


def _apply_layout(location: Location, grid: pd.DataFrame, layout: Layout) -> RawTable:
    """The data rows of `grid` (row 0 = spreadsheet row 1) under the layout's headers."""
    headers = [str(c).strip() for c in layout.headers]
    _check_header(headers, location)
    frame = grid.iloc[layout.data_at:].reset_index(drop=True)
    frame.columns = _dedupe(headers)
    rows = np.arange(len(frame), dtype=np.int64) + layout.data_at + 1
    raw = _drop_blank_rows(location, frame, rows)
    raw.layout = layout
    raw.skipped = [(i + 1, what, text) for i, what, text in layout.skipped]
    return raw


def _dedupe(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for j, h in enumerate(headers):
        if not h:
            out.append(f"Unnamed: {j}")
        elif h in seen:
            seen[h] += 1
            out.append(f"{h}.{seen[h]}")
        else:
            seen[h] = 0
            out.append(h)
    return out


def _drop_blank_rows(location: Location, frame: pd.DataFrame, rows: np.ndarray) -> RawTable:
    limits.check_length(len(frame), location.label)
    if frame.shape[1] == 0:
        return RawTable(location, frame, rows)
    blank = np.ones(len(frame), dtype=bool)
    for name in frame.columns:  # a loop over columns; stops as soon as no row can be blank
        column = frame[name]
        blank &= (column.isna() | (column == "")).to_numpy(dtype=bool, na_value=True)
        if not blank.any():
            break
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        rows = rows[~blank]
    return RawTable(location, frame, rows, int(blank.sum()))
