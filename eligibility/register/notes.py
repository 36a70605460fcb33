"""What reading a register says beside its frames: notes and warnings (skipped rows, tables found
by their header, households without usable members), the mapping and skipped-rows tables.
`checked` is the reader's per-table result (reader._Checked)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..messages import language
from ..wording.catalogue import N_, translator
from . import checks
from .mapping import MAP_COLUMNS

# What a skipped row was (`layout`, `reader`): kept in English in the skipped-rows table, worded in the
# reader's language in the warning.
SKIPPED_KINDS = (N_("title row"), N_("second header row (joined to the one above)"), N_("column-number row"),
                 N_("signature block or totals under the table"))


def _words():
    """The catalogue in the language the command line set (`messages.set_language`): the notes are
    shown to the officer as they are made."""
    return translator(language())


def excel_days_note(label: str, header: str, rows: np.ndarray, found: tuple) -> str:
    positions, first_value, first_date = found
    _ = _words()
    return _("{file}, column '{header}': {n} cell(s) held a five-digit number read as an Excel day number "
                    "(row {row}: '{value}' → {date}); check that they are dates").format(
        file=label, header=header, n=len(positions), row=int(rows[positions[0]]), value=first_value, date=first_date)


def partial_dates_note(label: str, header: str, rows: np.ndarray, found: tuple) -> str:
    positions, values = found
    _ = _words()
    shown = ", ".join(_("row {row}: '{value}'").format(row=int(rows[p]), value=v)
                      for p, v in zip(positions[:3], values[:3]))
    return _("{file}, column '{header}': {n} date(s) known only to the year or month ({shown}); read as the "
             "interval of their days, never as a guessed day: what depends on the day stays undetermined and "
             "missing_inputs asks for it").format(
        file=label, header=header, n=len(positions), shown=shown + (", ..." if len(positions) > 3 else ""))


def short_rows_note(label: str, short: np.ndarray) -> str:
    shown = ", ".join(str(int(r)) for r in short[:5]) + (", ..." if len(short) > 5 else "")
    _ = _words()
    return _("{file}: {n} row(s) have fewer cells than the header (rows {rows}); their missing cells are "
                    "read as empty").format(file=label, n=len(short), rows=shown)


FOUND_BY_HEADER = {"households": N_("sheet '{sheet}' read as the households table (recognised by its header, "
                                 "not its name)"),
               "members": N_("sheet '{sheet}' read as the members table (recognised by its header, not its name)")}


def blank_rows_note(label: str, blank_rows: int) -> str:
    _ = _words()
    return _("{file}: {n} empty row(s) skipped").format(file=label, n=blank_rows)


def warnings(tables: dict) -> list[str]:
    out = []
    _ = _words()
    for checked in tables.values():
        if checked.raw.location.found_by == "header":
            found = FOUND_BY_HEADER.get(checked.table.table, N_("sheet '{sheet}' read as the {table} table (recognised "
                                                            "by its header, not its name)"))
            out.append(f"{checked.label}: " + _(found).format(sheet=checked.raw.location.sheet,
                                                              table=checked.table.table))
        out += checked.notes
        if checked.raw.skipped:
            out.append(_skipped_note(checked))
        if checked.raw.blank_rows:
            out.append(blank_rows_note(checked.label, checked.raw.blank_rows))
    members = tables["members"]
    parent = members.table.parent
    if parent is not None:
        member_households = members.typed[parent.key]
        rejected = members.rejected()
        lost = member_households[rejected].dropna().unique()
        partial = _partly_kept(lost, member_households[~rejected]) if len(lost) else []
        if len(partial):
            sample = ", ".join(partial[:5]) + (", ..." if len(partial) > 5 else "")
            out.append(_("{n} household(s) are screened without some of their members, whose rows were rejected "
                         "({sample}); member counts for them are incomplete").format(n=len(partial), sample=sample))
        households = tables["households"]
        ids = households.typed[households.table.key][~households.rejected()].dropna()
        every = not rejected.any() and checks.in_runs(member_households, ids) is not None   # each has members
        lonely = ids[:0] if every else ids[~checks.isin(ids, member_households[~rejected])]
        if len(lonely):
            sample = ", ".join(lonely.astype(str).iloc[:5]) + (", ..." if len(lonely) > 5 else "")
            out.append(_("{n} household(s) have no usable member row ({sample}); they are screened on household-level "
                         "benefits, and what needs their members stays undetermined").format(n=len(lonely),
                                                                                            sample=sample))
    return out


def _partly_kept(lost, kept: pd.Series) -> np.ndarray:
    """The households of rejected member rows that keep other members (sorted): only looked for when
    a member row was rejected; the unique of a million kept rows is not free."""
    kept = kept.dropna().unique()
    return np.intersect1d(np.asarray(lost, dtype=object).astype(str), np.asarray(kept, dtype=object).astype(str))


def _skipped_note(checked) -> str:
    kinds: dict[str, list[int]] = {}
    for row, what, _ in checked.raw.skipped:
        kinds.setdefault(what, []).append(row)
    _ = _words()
    parts = [(_("{what} (rows {rows})") if len(rows) > 1 else _("{what} (row {rows})")).format(what=_(what),
                                                                                          rows=_span(rows))
             for what, rows in kinds.items()]
    return _("{file}: skipped, not data: {parts}").format(file=checked.label, parts="; ".join(parts))


def _span(rows: list[int]) -> str:
    return f"{rows[0]}-{rows[-1]}" if len(rows) > 1 and rows[-1] - rows[0] == len(rows) - 1 else \
        ", ".join(str(r) for r in rows)


def mapping_frame(tables: dict, more: list | None = None) -> pd.DataFrame:
    """Every table's mapping rows (the optional tables' after the main ones)."""
    records = [row.record() for checked in tables.values() for row in checked.match.rows]
    records += [row.record() for row in more or []]
    return pd.DataFrame(records, columns=MAP_COLUMNS)


def skipped_frame(tables: dict) -> pd.DataFrame:
    records = [{"table": name, "file": c.label, "row": row, "what": what, "text": text}
               for name, c in tables.items() for row, what, text in c.raw.skipped]
    return pd.DataFrame(records, columns=["table", "file", "row", "what", "text"])
