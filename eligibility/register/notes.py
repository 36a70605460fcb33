"""What reading a register says beside its frames: notes and warnings (skipped rows, tables found
by their header, households without usable members), the mapping and skipped-rows tables.
`checked` is the reader's per-table result (reader._Checked)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import checks
from .mapping import MAP_COLUMNS


def excel_days_note(label: str, header: str, rows: np.ndarray, found: tuple) -> str:
    positions, first_value, first_date = found
    return (f"{label}, column '{header}': {len(positions)} cell(s) held a five-digit number read as an Excel day "
            f"number (row {int(rows[positions[0]])}: '{first_value}' → {first_date}); check that they are dates")


def partial_dates_note(label: str, header: str, rows: np.ndarray, found: tuple) -> str:
    positions, values = found
    shown = ", ".join(f"row {int(rows[p])}: '{v}'" for p, v in zip(positions[:3], values[:3]))
    return (f"{label}, column '{header}': {len(positions)} date(s) known only to the year or month ({shown}"
            f"{', ...' if len(positions) > 3 else ''}); read as the interval of their days, never as a guessed "
            "day: what depends on the day stays undetermined and missing_inputs asks for it")


def short_rows_note(label: str, short: np.ndarray) -> str:
    shown = ", ".join(str(int(r)) for r in short[:5]) + (", ..." if len(short) > 5 else "")
    return (f"{label}: {len(short)} row(s) have fewer cells than the header (rows {shown}); "
            "their missing cells are read as empty")


def warnings(tables: dict) -> list[str]:
    out = []
    for checked in tables.values():
        if checked.raw.location.found_by == "header":
            out.append(f"{checked.label}: sheet '{checked.raw.location.sheet}' read as the {checked.table.table} "
                       "table (recognised by its header, not its name)")
        out += checked.notes
        if checked.raw.skipped:
            out.append(_skipped_note(checked))
        if checked.raw.blank_rows:
            out.append(f"{checked.label}: {checked.raw.blank_rows} empty row(s) skipped")
    members = tables["members"]
    parent = members.table.parent
    if parent is not None:
        member_households = members.typed[parent.key]
        lost = member_households[members.rejected()].dropna().unique()
        kept = member_households[~members.rejected()].dropna().unique()
        partial = np.intersect1d(np.asarray(lost, dtype=object).astype(str), np.asarray(kept, dtype=object).astype(str))
        if len(partial):
            sample = ", ".join(partial[:5]) + (", ..." if len(partial) > 5 else "")
            out.append(f"{len(partial)} household(s) are screened without some of their members, "
                       f"whose rows were rejected ({sample}); member counts for them are incomplete")
        households = tables["households"]
        ids = households.typed[households.table.key][~households.rejected()].dropna()
        lonely = ids[~checks.isin(ids, member_households[~members.rejected()])]
        if len(lonely):
            sample = ", ".join(lonely.astype(str).iloc[:5]) + (", ..." if len(lonely) > 5 else "")
            out.append(f"{len(lonely)} household(s) have no usable member row ({sample}); they are screened on "
                       "household-level benefits, and what needs their members stays undetermined")
    return out


def _skipped_note(checked) -> str:
    kinds: dict[str, list[int]] = {}
    for row, what, _ in checked.raw.skipped:
        kinds.setdefault(what, []).append(row)
    parts = [f"{what} (row{'s' if len(rows) > 1 else ''} {_span(rows)})" for what, rows in kinds.items()]
    return f"{checked.label}: skipped, not data: " + "; ".join(parts)


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
