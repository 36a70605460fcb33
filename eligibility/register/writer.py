"""write_register: a register in the layout read_register reads (CSV folder, one workbook, or Parquet)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from ..rulebook.inputs import Column, InputSchema, Table, load_input_schema

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "rules"
WORKBOOK_NAME = "register.xlsx"
BOOL_WORDS = {"vi": ("có", "không"), "en": ("yes", "no")}


def default_schema() -> InputSchema:
    """The input schema of the rule pack next to this package (`rules/inputs/`)."""
    return load_input_schema(DEFAULT_RULES)


def write_register(households: pd.DataFrame, members: pd.DataFrame, out_dir: str | Path,
                   fmt: Literal["csv", "xlsx", "parquet"] = "csv", headers: Literal["vi", "en"] = "en",
                   schema: InputSchema | None = None, bom: bool = False) -> list[Path]:
    """Write both tables under `out_dir`: `households.csv` + `members.csv`, or `register.xlsx` with
    one sheet per table, or `households.parquet` + `members.parquet`. Frames use the declared column
    names (enums as codes or Categoricals of codes, dates as datetimes); `_file`/`_row` are dropped.
    With headers="vi" the headers are the Vietnamese labels, enum cells their Vietnamese labels and
    yes/no cells có/không; dates are dd/mm/yyyy in CSV (ISO with headers="en"), date cells in Excel.
    Returns the files written."""
    if fmt not in ("csv", "xlsx", "parquet"):
        raise ValueError(f"fmt must be csv, xlsx or parquet, not {fmt!r}")
    if headers not in ("vi", "en"):
        raise ValueError(f"headers must be vi or en, not {headers!r}")
    schema = schema or default_schema()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = {
        "households": _prepare(households, schema.households, fmt, headers),
        "members": _prepare(members, schema.members, fmt, headers),
    }
    if fmt == "xlsx":
        path = out / WORKBOOK_NAME
        _write_workbook(path, frames, schema, headers)
        return [path]
    written = []
    for name, frame in frames.items():
        if fmt == "csv":
            path = out / f"{name}.csv"
            frame.to_csv(path, index=False, encoding="utf-8-sig" if bom else "utf-8", lineterminator="\n")
        else:
            path = out / f"{name}.parquet"
            frame.to_parquet(path, index=False)
        written.append(path)
    return written


def sheet_name(table: Table, headers: str) -> str:
    if headers == "vi":
        return next((s for s in table.sheet_names if not s.isascii()), table.table)
    return table.table


def _prepare(frame: pd.DataFrame, table: Table, fmt: str, headers: str) -> pd.DataFrame:
    out: dict[str, pd.Series] = {}
    for name, column in table.columns.items():
        if name in frame.columns:
            title = column.label.vi if headers == "vi" else name
            out[title] = _cell_values(frame[name].reset_index(drop=True), column, fmt, headers)
    for name in frame.columns:  # undeclared columns are passed through, internal ones dropped
        if name not in table.columns and not str(name).startswith("_"):
            out[str(name)] = frame[name].reset_index(drop=True)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def _cell_values(values: pd.Series, column: Column, fmt: str, headers: str) -> pd.Series:
    kind = column.type
    if kind == "enum":
        codes = list(column.values or {})
        text = values.astype("string")
        if headers == "vi":
            text = text.map({c: v.vi for c, v in (column.values or {}).items()}).astype("string")
            categories = [v.vi for v in (column.values or {}).values()]
        else:
            categories = codes
        if fmt == "parquet":
            return pd.Series(pd.Categorical(text.astype(object).where(text.notna(), None), categories=categories))
        return text
    if kind == "bool":
        flags = values.astype("boolean")
        if fmt == "parquet":
            return flags
        yes, no = BOOL_WORDS[headers]
        words = pd.Series(np.where(flags.fillna(False).to_numpy(dtype=bool), yes, no), dtype="string")
        return words.mask(flags.isna().to_numpy())
    if kind == "date":
        dates = pd.to_datetime(values, errors="coerce").astype("datetime64[ns]")
        if fmt == "csv":
            return dates.dt.strftime("%d/%m/%Y" if headers == "vi" else "%Y-%m-%d").astype("string")
        return dates
    if kind in ("int", "number", "money"):
        numbers = pd.to_numeric(values, errors="coerce").astype("Float64")
        if kind == "int" or bool(((numbers % 1) == 0).fillna(True).all()):
            return numbers.round().astype("Int64")
        return numbers
    text = values.astype("string")
    return text


def _write_workbook(path: Path, frames: dict[str, pd.DataFrame], schema: InputSchema, headers: str) -> None:
    from openpyxl.styles import Font

    with pd.ExcelWriter(path, engine="openpyxl", date_format="DD/MM/YYYY",
                        datetime_format="DD/MM/YYYY") as writer:
        for name, frame in frames.items():
            title = sheet_name(getattr(schema, name), headers)
            excel = frame.copy()
            for col in excel.columns:  # openpyxl wants plain objects, not pandas' NA
                if not ptypes.is_datetime64_any_dtype(excel[col]):
                    excel[col] = excel[col].astype(object).where(excel[col].notna(), None)
            excel.to_excel(writer, sheet_name=title, index=False)
            sheet = writer.sheets[title]
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = sheet.dimensions
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for i, col in enumerate(excel.columns, start=1):
                width = min(max(len(str(col)), 10) + 2, 40)
                sheet.column_dimensions[cell_letter(i)].width = width
                if ptypes.is_datetime64_any_dtype(excel[col]):
                    for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                        cell.number_format = "DD/MM/YYYY"


def cell_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
