"""The gap report as an Excel workbook: one sheet per view, headers in vi or en, frozen header row,
filters, number formats (VND `#,##0`, rates as %), column widths, and the run's manifest.

openpyxl (write-only) writes the package: styles, header rows, panes, filters, widths and the
manifest sheet. The data rows are then streamed into each sheet's <sheetData> as SpreadsheetML built
column-wise with numpy (a province's lists run to hundreds of thousands of rows; an openpyxl cell
object per value would take minutes). The zip is re-packed with fixed timestamps and openpyxl's save
time is replaced: the same tables give byte-identical files. A list longer than Excel's 1,048,575
rows is cut there (the manifest sheet says so; the CSV files hold every row).
"""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..csvout import joined_bytes
from ..outputs import neutralise, stable_entry
from ..wording.catalogue import N_, in_lang, translator
from .labels import ALL_BENEFITS, FORMATS, SHEETS, TITLES, UNIT_FORMATS, header, notes as gap_notes, present
from .manifestwords import worded_rows
from .tables import VIEWS

EXCEL_MAX_ROWS = 1_048_576
# The lists of a report's workbook (who is missed, what changed) stop here: a province's list runs to
# hundreds of thousands of rows, which openpyxl takes minutes to write and Excel cannot filter; the
# whole list is the report's CSV, and the manifest sheet says how many rows a cut list had.
LIST_ROWS = 20_000
HEAD_FONT = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="1F4E79")
HEAD_ALIGN = Alignment(wrap_text=True, vertical="top")
TOTAL_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
FIXED_TIME = dt.datetime(2000, 1, 1)
# openpyxl's ILLEGAL_CHARACTERS_RE (the control characters a workbook cannot hold) in RE2's words, for Arrow
XML_ILLEGAL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"


def write_gap_workbook(tables: dict[str, pd.DataFrame], path: str | Path, manifest: dict | None = None,
                       lang: str = "en", labels: dict | None = None, report: dict | None = None,
                       headers: dict[str, str] | None = None, notes: list[str] | None = None,
                       max_rows: int = EXCEL_MAX_ROWS - 1, plan=None) -> Path:
    """Write `tables` (from `gap_tables`, possibly redacted) to `path` (.xlsx); returns the path.

    `labels` ({column: {code: label}}, see `labels.value_labels`) turns codes into names;
    `manifest` and `report` (language, redaction, ...) go to the last sheet, `manifest`, with `notes`
    (default: how to read the gap report). `headers` ({column: header}) overrides the report's headers
    (other tables written with the same formats: the papers, entitlements). A sheet holds at most
    `max_rows` rows; the manifest sheet says how many a cut sheet had (`truncated_rows`). The manifest
    sheet is worded for the reader of `lang` (`manifestwords`: `plan`, the rule pack or the two packs of
    a diff, cites its unverified values), its last row the manifest as JSON for machines.
    """
    path = Path(path)
    wb = Workbook(write_only=True)
    truncated, bodies, names = {}, [], in_lang(SHEETS, lang)
    for view in [v for v in VIEWS if v in tables] + [v for v in tables if v not in VIEWS]:
        frame = tables[view]
        if len(frame) > min(max_rows, EXCEL_MAX_ROWS - 1):
            truncated[view] = len(frame)
            frame = frame.iloc[:min(max_rows, EXCEL_MAX_ROWS - 1)]
        bodies.append(_sheet(wb, names.get(view, view)[:31], frame, lang, labels, headers))
    _manifest_sheet(wb, manifest or {}, lang, dict(report or {}, **({"truncated_rows": truncated} if truncated else {})),
                    gap_notes(lang) if notes is None else notes, plan)
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    _repack(buffer.getvalue(), {body.ws.path.lstrip("/"): body for body in bodies}, path)
    return path


class _Body:
    """The data rows of one sheet, written straight as SpreadsheetML (vectorised per column, in chunks):
    openpyxl cell objects cost ~20 µs each, too slow for a province's lists."""

    CHUNK = 20_000

    def __init__(self, ws, frame: pd.DataFrame, shown: pd.DataFrame):
        self.ws, self.n = ws, len(frame)
        self.columns = []
        units = frame["unit"].astype(object).to_numpy() if "unit" in frame.columns else None
        totals = frame["benefit"].astype(object).eq(ALL_BENEFITS).to_numpy(dtype=bool) \
            if "benefit" in frame.columns else np.zeros(len(frame), dtype=bool)
        bold = _style_id(ws, None, True)
        for j, name in enumerate(frame.columns):
            letter = get_column_letter(j + 1)
            column = shown[name]
            if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
                values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                if name == "amount" and units is not None:
                    fmts = pd.Series(units, dtype=object).map(lambda u: UNIT_FORMATS.get(u, "#,##0")).to_numpy()
                else:
                    fmts = np.full(len(frame), FORMATS.get(name, "General"), dtype=object)
                styles = np.empty(len(frame), dtype=object)
                for fmt in pd.unique(fmts):
                    for heavy in (False, True):
                        mask = (fmts == fmt) & (totals == heavy)
                        styles[mask] = str(_style_id(ws, fmt, heavy))
                self.columns.append(("n", letter, values, pa.array(styles, pa.large_string())))
            else:
                text = _xml_text(column)
                styles = np.where(totals, f' s="{bold}"', "").astype(object)
                self.columns.append(("s", letter, text, pa.array(styles, pa.large_string())))

    def chunks(self):
        """The rows' SpreadsheetML, CHUNK rows at a time, each cell joined by Arrow (no Python string per
        cell: a 20,000-row list of 28 columns was seconds of numpy object concatenation)."""
        blank = _word("")
        for start in range(0, self.n, self.CHUNK):
            stop = min(self.n, start + self.CHUNK)
            rows = pc.cast(pa.array(np.arange(start + 2, stop + 2, dtype=np.int64)), pa.large_string())
            cells = []
            for kind, letter, values, styles in self.columns:
                st = styles.slice(start, stop - start)
                ref = pc.binary_join_element_wise(_word(letter), rows, blank)
                if kind == "n":
                    v = values[start:stop]
                    present = ~np.isnan(v)
                    whole = present & (np.abs(v) < 2 ** 53) & (v == np.round(v))
                    digits = np.where(whole, np.where(whole, v, 0).astype(np.int64).astype(str), v.astype(str))
                    cell = _join('<c r="', ref, '" s="', st, '"><v>', pa.array(digits.astype(object), pa.large_string()),
                                 "</v></c>")
                else:
                    v = values.slice(start, stop - start)
                    present = pc.not_equal(v, blank)
                    cell = _join('<c r="', ref, '"', st, ' t="inlineStr"><is><t xml:space="preserve">', v, "</t></is></c>")
                cells.append(pc.if_else(present, cell, blank))
            yield bytes(joined_bytes(_join('<row r="', rows, '">', *cells, "</row>")))


def _word(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _join(*parts) -> pa.Array:
    """Texts and text arrays joined element-wise (a text repeated on every row)."""
    return pc.binary_join_element_wise(*(_word(p) if isinstance(p, str) else p for p in parts), _word(""))


def _style_id(ws, number_format: str | None, bold: bool) -> int:
    """The workbook's cell-style index for a number format and weight (registered on first use)."""
    cell = WriteOnlyCell(ws, None)
    if number_format and number_format != "General":
        cell.number_format = number_format
    if bold:
        cell.font = TOTAL_FONT
    return cell.style_id


def _xml_text(column: pd.Series) -> pa.Array:
    """Cell texts escaped for XML, control characters removed, Excel's 32,767-character limit kept;
    "" for a missing value (no cell written). Each distinct text is escaped once, by Arrow: a
    text column is factorised as it is (a missing value: code -1), any other turned into text first.
    A workbook of a few rows pays a handful of Arrow calls per column, not a dozen pandas ones."""
    if isinstance(column.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(column)
    else:
        codes, uniques = pd.factorize(column.astype(object).where(column.notna(), "").astype(str))
    text = pa.array(uniques, pa.large_string())
    text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text   # as an Arrow-backed index gives it
    text = pc.utf8_slice_codeunits(pc.replace_substring_regex(text, XML_ILLEGAL, ""), 0, 32_767)
    for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = pc.replace_substring(text, raw, escaped)
    blank = pa.array([""], pa.large_string())
    return pa.concat_arrays([text, blank]).take(pa.array(np.where(codes < 0, len(text), codes)))


def _repack(data: bytes, bodies: dict[str, _Body], path: Path) -> None:
    """Copy the openpyxl package with fixed timestamps, streaming each sheet's rows into its sheetData."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed, content = stable_entry(info.filename, src.read(info.filename))
            body = bodies.get(info.filename)
            if body is None or not body.n:
                dst.writestr(fixed, content)
                continue
            head, tail = content.split(b"</sheetData>", 1)
            with dst.open(fixed, "w", force_zip64=body.n * len(body.columns) > 5_000_000) as out:
                out.write(head)
                for chunk in body.chunks():
                    out.write(chunk)
                out.write(b"</sheetData>" + tail)


def _sheet(wb: Workbook, title: str, frame: pd.DataFrame, lang: str, labels: dict | None,
           headers: dict[str, str] | None = None) -> _Body:
    """Header row, widths, frozen pane and filter by openpyxl; the rows are returned to stream later."""
    ws = wb.create_sheet(title)
    columns = list(frame.columns)
    shown = neutralise(present(frame, labels))
    heads = [(headers or {}).get(c) or header(c, lang) for c in columns]
    for i, (column, head) in enumerate(zip(columns, heads), start=1):
        ws.column_dimensions[get_column_letter(i)].width = _width(head, shown[column])
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(columns), 1))
    ws.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    ws.append([_head_cell(ws, h) for h in heads])
    return _Body(ws, frame, shown)


def _head_cell(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, _clean(text))
    cell.font, cell.fill, cell.alignment = HEAD_FONT, HEAD_FILL, HEAD_ALIGN
    return cell


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


# the manifest sheet's first column: its head and the notes' names (in English, the manifest's own key form)
MANIFEST_HEAD, NOTE_KEY = N_("key"), N_("note.{i}")


def _manifest_sheet(wb: Workbook, manifest: dict, lang: str, report: dict, notes: list[str], plan) -> None:
    _ = translator(lang)
    ws = wb.create_sheet(_(SHEETS["manifest"]))
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 100
    ws.freeze_panes = "A2"
    rows = worded_rows(manifest, report, lang, plan)
    note = _(NOTE_KEY)
    rows += [(note.format(i=i), text) for i, text in enumerate(notes, start=1)]
    rows += json_rows(json.dumps(manifest, ensure_ascii=False, sort_keys=True))
    ws.auto_filter.ref = f"A1:B{len(rows) + 1}"
    ws.append([_head_cell(ws, _(MANIFEST_HEAD)), _head_cell(ws, _(TITLES["manifest"]))])
    for key, value in rows:
        cell = WriteOnlyCell(ws, _clean(_safe(value)))
        cell.alignment = WRAP
        ws.append([_clean(key), cell])


JSON_CELL = 32_000   # under Excel's 32,767 characters a cell


def json_rows(data: str) -> list[tuple[str, str]]:
    """The manifest's JSON for machines: one row `manifest.json`, or, past what a cell holds (a register's
    column mapping runs long), rows `manifest.json (1/3)` ... whose texts joined are the JSON (it was cut
    at the cell's limit). No part starts with a character `_safe` would quote, so joining needs no undoing."""
    parts, start = [], 0
    while start < len(data):
        end = min(start + JSON_CELL, len(data))
        while start < end < len(data) and data[end] in "=+-@\t\r":
            end -= 1
        if end == start:     # a run of such characters as long as a cell (never in a manifest): cut as is
            end = min(start + JSON_CELL, len(data))
        parts.append(data[start:end])
        start = end
    if len(parts) <= 1:
        return [("manifest.json", data)]
    return [(f"manifest.json ({i}/{len(parts)})", part) for i, part in enumerate(parts, start=1)]


def _safe(text: str) -> str:
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
