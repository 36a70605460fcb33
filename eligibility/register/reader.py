"""read_register: find, read, type and check a register; bad rows go to `rejects`, never lost."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataError, say
from ..messages import language
from ..wording.catalogue import N_
from ..vocabulary import LATEST_SUFFIX
from ..rulebook.inputs import Column, InputSchema, Table
from . import checks, ticks
from . import notes as said
from .early import EarlyRead
from .cells import LISTED_ONLY, cell_counts, collect, generate_ids, is_key_problem, issue_frame, partial_dates_problem
from .convert import Problem, convert_column, partial_dates
from .layout import footer_start
from .mapping import Mapping, map_headers, unresolved_message
from .merit_inputs import merit_inputs_line, merit_inputs_note, with_merit_inputs
from .model import (FILE_COLUMN, REJECT_CODES, ROW_COLUMN, TABLES, Register, accounting_entry)
from .once import ReadOnce
from .options import ReadOptions
from .sources import Location, RawTable, household_headers, locate, only_household, read_raw
from .storedtypes import convert_stored, pandas_needed


@dataclass
class _Checked:
    """One table after typing and checks."""

    table: Table
    raw: RawTable
    match: Mapping
    typed: pd.DataFrame  # every row read, every declared column, typed
    problems: list[tuple[str, Problem]] = field(default_factory=list)  # (header, problem)
    notes: list[str] = field(default_factory=list)  # read, but worth a look (printed, in the manifest)
    cells_unknown: bool = False  # a bad non-key cell is unknown, not a rejected row (the main tables)

    @property
    def label(self) -> str:
        return self.raw.location.label

    @property
    def n(self) -> int:
        return len(self.typed)

    def header(self, name: str) -> str:
        return self.match.columns.get(name, name)

    def add(self, name: str, problem: Problem | None) -> None:
        if problem is not None:
            self.problems.append((self.header(name), problem))

    def rejecting(self) -> list[tuple[str, Problem]]:
        """The problems that reject their rows: key problems, or all of them (optional tables)."""
        return [(h, p) for h, p in self.problems if not self.cells_unknown or is_key_problem(p)]

    def cell_problems(self) -> list[tuple[str, Problem]]:
        return [(h, p) for h, p in self.problems if self.cells_unknown and not is_key_problem(p)]

    def rejected(self) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        for _, problem in self.rejecting():
            mask[problem.positions] = True
        return mask


def read_register(path: str | Path, schema: InputSchema, as_of: dt.date | str,
                  strict: bool = False, options: ReadOptions | None = None, household: str | None = None,
                  once: ReadOnce | None = None, early: EarlyRead | None = None) -> Register:
    """Read the register at `path` (a folder of CSV/Parquet files, or one .xlsx workbook), type every
    declared column and check it. Rows that fail a check are left out of the frames and listed in
    `rejects` (file, spreadsheet row, column, value, reason, code); with `strict` the first one
    raises DataError instead. A missing required column always raises DataError, and so does a
    column matched only by similarity (unless `options.accept_suggested` or a `--columns` map).
    `household`: read only that household's rows (`explain`): Parquet filtered as it is read, CSV
    and workbooks read once and filtered before any typing or check; row numbers stay the file's.
    `once`: the date-independent work of an earlier read of the same register, reused (`once.py`);
    `early`: the Parquet files' reads started while the command was starting (`early.py`)."""
    as_of = _as_date(as_of)
    options = options or ReadOptions()
    schema = schema.as_read()   # the inputs computed from another table are added after reading
    locations = locate(path, schema)
    keep = {name: None if household is None else (household_headers(getattr(schema, name)), household)
            for name in TABLES}
    def read(name: str) -> tuple[RawTable, Mapping]:   # under `once`, on the register's first read only
        raw = read_raw(locations[name], getattr(schema, name), keep[name], early)
        return raw, _map(raw, getattr(schema, name), options)
    pairs = {n: once.table(n, getattr(schema, n), lambda n=n: read(n)) if once else read(n) for n in TABLES}
    raws, matches = {n: p[0] for n, p in pairs.items()}, {n: p[1] for n, p in pairs.items()}
    if household is not None:
        raws = {name: only_household(raws[name], matches[name], getattr(schema, name), household) for name in TABLES}
    guesses = [(raws[n].location.label, h, _labelled(getattr(schema, n), i)) for n in TABLES
               for h, i in matches[n].unresolved]
    if guesses:
        raise DataError(unresolved_message(guesses))
    tables = {name: _type_table(raws[name] if once and once.trimmed(raws[name]) else
                                _trim_footer(raws[name], matches[name], getattr(schema, name)),
                                matches[name], getattr(schema, name), as_of, cells_unknown=True, once=once)
              for name in TABLES}
    _check_ids(tables)
    _check_links(tables["households"], tables["members"])
    rejects = checks.rejects_table(tables)
    cell_issues = _cell_issues(tables)
    optional = _optional_tables(path, schema, as_of, locations, tables["members"])
    rejects = pd.concat([rejects, optional.rejects], ignore_index=True) if len(optional.rejects) else rejects
    if strict:
        _stop_at_first(rejects, cell_issues)
    cell_accounting = {name: _cell_counts(t) for name, t in tables.items()}  # before blanks are read as no
    _read_blanks(tables, options.blank_means_no)
    frames, accounting, rejected_keys = {}, {}, {}
    for name, checked in tables.items():
        rejected = checked.rejected()
        frames[name] = _accepted(checked, rejected)
        accounting[name] = accounting_entry(checked.n, rejected)
        keys = {"key": checked.typed[checked.table.key][rejected].to_numpy(), "row": checked.raw.rows[rejected]}
        if checked.table.parent is not None:  # members: which household each rejected row belonged to
            keys["parent"] = checked.typed[checked.table.parent.key][rejected].to_numpy()
        rejected_keys[name] = pd.DataFrame(keys)
    merit = optional.frames.get("merit_records")
    frames["members"] = with_merit_inputs(frames["members"], merit)
    derived = {"members": note} if (note := merit_inputs_note(merit)) else {}
    return Register(
        households=frames["households"], members=frames["members"], rejects=rejects,
        accounting=accounting | optional.accounting,
        sources=_sources(locations.values()) + [p for p in optional.sources if p not in _sources(locations.values())],
        missing_columns={name: list(t.match.missing) for name, t in tables.items()} | optional.missing_columns,
        warnings=said.warnings(tables) + optional.warnings + [merit_inputs_line(n) for n in derived.values()],
        as_of=as_of,
        headers={name: dict(t.match.columns) for name, t in tables.items()} | optional.headers,
        rejected_keys=rejected_keys | optional.rejected_keys, tables=optional.frames,
        mapping=said.mapping_frame(tables, optional.mapping_rows), skipped=said.skipped_frame(tables),
        cell_issues=cell_issues, cell_accounting=cell_accounting, derived=derived,
    )


def _read_blanks(tables: dict[str, _Checked], told: tuple[str, ...]) -> None:
    """Empty cells of tick-box and `blank: no | zero` columns as no / 0 (ticks.py), each column's
    reading written on its row of the mapping table."""
    unknown = ticks.unknown_told(told, {n: t.match.columns for n, t in tables.items()})
    if unknown:
        raise DataError(say(N_("--blank-means-no names no column of the register: {names} (give a source header "
                               "or an input name from the mapping table)"), names=", ".join(unknown)))
    for checked in tables.values():
        bad: dict[str, np.ndarray] = {}
        for header, problem in checked.cell_problems():
            bad.setdefault(header, np.zeros(checked.n, dtype=bool))[problem.positions] = True
        rows = {row.input: row for row in checked.match.rows if row.input and row.position is not None}
        for name, header in checked.match.columns.items():  # a loop over columns
            column = checked.table.columns[name]
            how = ticks.reading(name, header, column, ticks.cells_of(checked.raw, header), checked.typed[name], told)
            unreadable = bad.get(header, np.zeros(checked.n, dtype=bool))
            checked.typed[name], filled = ticks.fill_blanks(checked.typed[name], column, how, unreadable)
            if name in rows and column.type in ("bool", "int", "number", "money"):
                rows[name].blank = ticks.READINGS[how] + (f"; {filled:,} empty cell(s) read so" if filled else "")


def _labelled(table: Table, guess: str) -> str:
    """'loan_near_poor (Đang vay vốn hộ cận nghèo)': the input named with its label, so that a
    suggestion that changes the meaning shows it."""
    column = table.columns.get(guess)
    return f"{guess} ({column.label.vi})" if column is not None else guess


def _stop_at_first(rejects: pd.DataFrame, cell_issues: pd.DataFrame) -> None:
    """--strict: the first rejected row or cell not understood stops the run."""
    problems = pd.concat([rejects, cell_issues[~cell_issues["code"].isin(LISTED_ONLY)]], ignore_index=True)
    if not len(problems):
        return
    first = problems.iloc[0]
    more = say(N_(" ({n} more problem(s) not shown; run without --strict to see all)"), n=len(problems) - 1) \
        if len(problems) > 1 else ""
    raise DataError(f"{_reason(first)} [{first['code']}]{more}", file=str(first["file"]),
                    row=int(first["row"]), column=str(first["column"]))


def _reason(problem) -> str:
    """A problem's reason: the English detail (quoting the cell), or in Vietnamese its code's meaning
    and the cell as written."""
    if language() == "en" or problem["code"] not in REJECT_CODES:
        return str(problem["reason"])
    return say(N_("{meaning} ('{value}')"), meaning=say(REJECT_CODES[problem["code"]]), value=problem["value"])


def _cell_issues(tables: dict[str, _Checked]) -> pd.DataFrame:
    parts = []
    for name, checked in tables.items():
        inputs = {header: input_name for input_name, header in checked.match.columns.items()}
        for header, problem in checked.cell_problems():
            parts.append(issue_frame(name, checked.label, checked.raw.rows, header, inputs.get(header, header), problem))
    return collect(parts)


def _cell_counts(checked: _Checked) -> dict[str, int]:
    accepted = ~checked.rejected()
    unknown = np.zeros(checked.n, dtype=np.int64)
    for _, problem in checked.cell_problems():
        if problem.code not in LISTED_ONLY:
            np.add.at(unknown, problem.positions, 1)
    return cell_counts(checked.typed, list(checked.match.columns), int(unknown[accepted].sum()), accepted)


def _optional_tables(path, schema: InputSchema, as_of: dt.date, locations, members: _Checked):
    """merit_records and programme_lists where present (register/lists.py); merit records are checked
    against the members accepted so far."""
    from .lists import read_optional_tables

    main = locations["households"]
    workbook = main.path if main.kind == "excel" else None
    accepted = members.typed[members.table.key][~members.rejected()]
    return read_optional_tables(path, schema, as_of, accepted, workbook)


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(say(N_("the as-of date '{value}' is not a date yyyy-mm-dd"), value=value)) from None


def _map(raw: RawTable, table: Table, options: ReadOptions) -> Mapping:
    parents = raw.layout.parents if raw.layout is not None else None
    return map_headers(raw.headers, table, raw.location.label, parents,
                       options.column_map(table.table), options.accept_suggested)


def _trim_footer(raw: RawTable, match: Mapping, table: Table) -> RawTable:
    """Drop a signature block or totals row under the data (said in `skipped`)."""
    key = match.columns.get(table.key)
    start = footer_start(raw.frame, key) if key is not None and raw.location.kind != "parquet" else None
    if start is None:
        return raw
    for i in range(start, len(raw.frame)):  # the few rows of the block
        text = " ".join(str(v).strip() for v in raw.frame.iloc[i] if not pd.isna(v) and str(v).strip())
        if text:
            raw.skipped.append((int(raw.rows[i]), "signature block or totals under the table", text[:120]))
    raw.frame, raw.rows = raw.frame.iloc[:start].reset_index(drop=True), raw.rows[:start]
    return raw


LATEST_DATE = dt.date(2099, 12, 31)   # how far a column declared `after_as_of` may go


def _check_table(location: Location, table: Table, as_of: dt.date) -> _Checked:
    """Read, map and type one table with the default options (the optional audit tables: lists.py)."""
    raw = read_raw(location, table)
    match = _map(raw, table, ReadOptions())
    return _type_table(_trim_footer(raw, match, table), match, table, as_of)


def _type_table(raw: RawTable, match: Mapping, table: Table, as_of: dt.date, cells_unknown: bool = False,
                once: ReadOnce | None = None) -> _Checked:
    location = raw.location
    columns: dict[str, pd.Series] = {}
    problems: list[tuple[str, Problem]] = []
    notes: list[str] = []
    if raw.short_rows is not None and len(raw.short_rows):
        notes.append(said.short_rows_note(location.label, raw.short_rows))
    index = pd.RangeIndex(raw.size)
    raw.prefetch([h for n, c in table.columns.items() if (h := match.columns.get(n)) and pandas_needed(raw, h, c)])
    for name, column in table.columns.items():  # a loop over columns; each is typed as a whole
        header = match.columns.get(name)
        if header is None:
            columns[name] = empty_column(column, raw.size)
            continue
        limit = LATEST_DATE if column.after_as_of else as_of
        typed, found = convert_stored(raw, header, column, limit) or _convert(raw, (table.table, header, name), column, limit, once)
        if typed.attrs.get("excel_days"):
            notes.append(said.excel_days_note(location.label, header, raw.rows, typed.attrs["excel_days"]))
        partial = partial_dates(typed)
        if partial is not None:   # dates known to their year or month: first and last day
            latest, cells = partial
            columns[name + LATEST_SUFFIX] = latest.set_axis(index)
            notes.append(said.partial_dates_note(location.label, header, raw.rows, cells))
            if cells_unknown:   # listed cell by cell too (cell_issues), the row screened with the interval
                problems.append((header, partial_dates_problem(cells, typed, latest)))
        columns[name] = typed.set_axis(index)
        problems += [(header, p) for p in found]
    typed = pd.DataFrame(columns, index=index, copy=False)   # the typed columns are new: no second copy
    checked = _Checked(table, raw, match, typed, problems, notes, cells_unknown)
    if cells_unknown and table.parent is not None and table.parent.key in match.columns:
        ids, made = generate_ids(checked.typed[table.key], checked.typed[table.parent.key])
        checked.typed[table.key] = ids
        checked.add(table.key, made)
    for name in checks.value_required(table, keys_only=cells_unknown):
        checked.add(name, checks.missing_values(checked.typed[name], table, name))
    return checked


def _convert(raw: RawTable, key: tuple[str, str, str], column: Column, limit: dt.date, once: ReadOnce | None):
    """A column typed from its cells as pandas holds them (text, or a stored type not typed from Arrow)."""
    series = raw.column(key[1]).reset_index(drop=True)
    return once.convert(key, series, column, limit) if once else convert_column(series, column, limit)


def empty_column(column: Column, n: int) -> pd.Series:
    """An all-missing column of the declared type (for an optional column the file does not have)."""
    kind = column.type
    if kind == "enum":
        return pd.Series(pd.Categorical.from_codes(np.full(n, -1), categories=list(column.values or {})))
    dtype = {"text": "string", "bool": "boolean", "int": "Int64", "number": "Float64",
             "money": "Float64", "date": "datetime64[ns]"}[kind]
    return pd.Series(pd.NA if kind != "date" else pd.NaT, index=pd.RangeIndex(n), dtype=dtype)


def _check_ids(tables: dict[str, _Checked]) -> None:
    for checked, (name, column) in ((c, nc) for c in tables.values() for nc in c.table.columns.items()):
        if column.unique:
            checked.add(name, checks.duplicates(checked.typed[name], checked.raw.rows, checked.table, name))


def _check_links(households: _Checked, members: _Checked) -> None:
    """Members point to an accepted household; accepted households keep at least one member."""
    parent = members.table.parent
    if parent is None:
        return
    household_ids = households.typed[households.table.key]
    member_households = members.typed[parent.key]
    household_ok = ~households.rejected()
    for problem in checks.orphans(member_households, household_ids, household_ok, households.raw.rows,
                                  households.label):
        members.add(parent.key, problem)
    if not households.cells_unknown:
        member_ok = ~members.rejected()
        households.add(households.table.key, checks.without_members(
            household_ids, household_ok, member_households, member_ok, members.label))


def _accepted(checked: _Checked, rejected: np.ndarray) -> pd.DataFrame:
    frame = checked.typed
    frame[FILE_COLUMN] = pd.Series(checked.label, index=frame.index, dtype="string")
    frame[ROW_COLUMN] = checked.raw.rows
    if not rejected.any():   # the usual case: no copy of a million rows to keep them all
        return frame
    return frame.loc[~rejected].reset_index(drop=True)


def _sources(locations) -> list[Path]:
    paths: list[Path] = []
    for location in locations:
        path = location.path
        found = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
        paths += [p for p in found if p not in paths]
    return paths
