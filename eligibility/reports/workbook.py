"""The gap report as an Excel workbook: one sheet per view, headers in vi or en, frozen header row,
filters, number formats (VND `#,##0`, rates as %), column widths, and the run's manifest.

Written in openpyxl's write-only mode (a register's gap list can run to hundreds of thousands of
rows) and re-zipped with fixed timestamps: the same inputs give byte-identical files.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..outputs import neutralise, stable_zip
from .labels import ALL_BENEFITS, FORMATS, NOTES, SHEETS, TITLES, UNIT_FORMATS, header, present
from .tables import VIEWS

EXCEL_MAX_ROWS = 1_048_576
HEAD_FONT = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="1F4E79")
HEAD_ALIGN = Alignment(wrap_text=True, vertical="top")
TOTAL_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
FIXED_TIME = dt.datetime(2000, 1, 1)


def write_gap_workbook(tables: dict[str, pd.DataFrame], path: str | Path, manifest: dict | None = None,
                       lang: str = "en", labels: dict | None = None, report: dict | None = None) -> Path:
    """Write `tables` (from `gap_tables`, possibly redacted) to `path` (.xlsx); returns the path.

    `labels` ({column: {code: label}}, see `labels.value_labels`) turns codes into names;
    `manifest` and `report` (language, redaction, ...) go to the last sheet, `manifest`.
    """
    path = Path(path)
    wb = Workbook(write_only=True)
    truncated = {}
    for view in [v for v in VIEWS if v in tables] + [v for v in tables if v not in VIEWS]:
        frame = tables[view]
        if len(frame) > EXCEL_MAX_ROWS - 1:
            truncated[view] = len(frame)
            frame = frame.iloc[:EXCEL_MAX_ROWS - 1]
        _sheet(wb, SHEETS[lang].get(view, view)[:31], frame, lang, labels)
    _manifest_sheet(wb, manifest or {}, lang, dict(report or {}, **({"truncated_rows": truncated} if truncated else {})))
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


def _sheet(wb: Workbook, title: str, frame: pd.DataFrame, lang: str, labels: dict | None) -> None:
    ws = wb.create_sheet(title)
    columns = list(frame.columns)
    shown = neutralise(present(frame, labels))
    units = frame["unit"].astype(object).to_numpy() if "unit" in frame.columns else None
    totals = frame["benefit"].astype(object).eq(ALL_BENEFITS).to_numpy() if "benefit" in frame.columns else None
    heads = [header(c, lang) for c in columns]
    for i, (column, head) in enumerate(zip(columns, heads), start=1):
        ws.column_dimensions[get_column_letter(i)].width = _width(head, shown[column])
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(columns), 1))
    ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    ws.append([_head_cell(ws, h) for h in heads])
    data = [_python(shown[c]) for c in columns]
    formats = [FORMATS.get(c) for c in columns]
    amount_col = columns.index("amount") if "amount" in columns else -1
    for r in range(len(frame)):
        bold = totals is not None and totals[r]
        row = []
        for j, values in enumerate(data):
            value = values[r]
            fmt = formats[j]
            if j == amount_col and units is not None:
                fmt = UNIT_FORMATS.get(units[r], "#,##0")
            if (fmt is not None and isinstance(value, (int, float))) or bold:
                cell = WriteOnlyCell(ws, value)
                if fmt is not None and isinstance(value, (int, float)):
                    cell.number_format = fmt
                if bold:
                    cell.font = TOTAL_FONT
                row.append(cell)
            else:
                row.append(value)
        ws.append(row)


def _head_cell(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, _clean(text))
    cell.font, cell.fill, cell.alignment = HEAD_FONT, HEAD_FILL, HEAD_ALIGN
    return cell


def _python(series: pd.Series) -> list:
    """Cell values: Python ints/floats/strings, None for missing (NaN, NA, None)."""
    if pd.api.types.is_bool_dtype(series):
        return [None if pd.isna(v) else bool(v) for v in series.astype(object)]
    if pd.api.types.is_integer_dtype(series):
        return [None if pd.isna(v) else int(v) for v in series.astype(object)]
    if pd.api.types.is_float_dtype(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        return [None if np.isnan(v) else float(v) for v in values]
    return [None if v is None or (not isinstance(v, str) and pd.isna(v)) else
            (_clean(v) if isinstance(v, str) else v) for v in series.astype(object)]


def _clean(text: str) -> str:
    """Characters a workbook cannot hold (control characters) removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _width(head: str, values: pd.Series) -> float:
    """Wide enough for the longest value (of the first 2,000) and the header's longest word (it wraps)."""
    sample = values.iloc[:2000]
    if pd.api.types.is_numeric_dtype(sample):
        numbers = pd.to_numeric(sample, errors="coerce").abs().dropna()
        longest = len(f"{numbers.max():,.0f}") + 1 if len(numbers) else 0
    else:
        longest = max((len(v) for v in sample.astype(object) if isinstance(v, str)), default=0)
    head_word = max((len(word) for word in head.split()), default=4)
    return float(min(60, max(8, head_word + 2, min(len(head), 18) + 2, longest + 2)))


def manifest_rows(manifest: dict, prefix: str = "") -> list[tuple[str, str]]:
    """The manifest flattened to (key, value) lines: 'inputs.households.csv' → 'sha256…'."""
    rows = []
    for key in sorted(manifest):
        value = manifest[key]
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            rows.extend(manifest_rows(value, name + "."))
        elif isinstance(value, list):
            rows.append((name, "; ".join(map(str, value))))
        elif isinstance(value, dict):
            rows.append((name, ""))
        else:
            rows.append((name, str(value)))
    return rows


def _manifest_sheet(wb: Workbook, manifest: dict, lang: str, report: dict) -> None:
    ws = wb.create_sheet(SHEETS[lang]["manifest"])
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 100
    ws.freeze_panes = "A2"
    rows = [("manifest." + k, v) for k, v in manifest_rows(manifest)]
    rows += [("report." + k, v) for k, v in manifest_rows(report)]
    rows += [(f"note.{i}", text) for i, text in enumerate(NOTES[lang], start=1)]
    rows.append(("manifest.json", json.dumps(manifest, ensure_ascii=False, sort_keys=True)))
    ws.auto_filter.ref = f"A1:B{len(rows) + 1}"
    ws.append([_head_cell(ws, "key" if lang == "en" else "mục"),
               _head_cell(ws, TITLES[lang]["manifest"])])
    for key, value in rows:
        cell = WriteOnlyCell(ws, _clean(_safe(value)))
        cell.alignment = WRAP
        ws.append([_clean(key), cell])


def _safe(text: str) -> str:
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
