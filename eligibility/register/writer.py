"""write_register: a register in the layout read_register reads (CSV folder, one workbook, or Parquet)."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from pandas.api import types as ptypes

from ..rulebook.inputs import Column, InputSchema, Table, load_input_schema
from ..rulebook.load import DEFAULT_RULES
from ..vocabulary import LATEST_SUFFIX
from ..wording.catalogue import N_, translator
from .spellings import enum_spellings, token_key

WORKBOOK_NAME = "register.xlsx"
BOOL_WORDS = (N_("no"), N_("yes"))  # (false, true), in the register's language where written
CSV_DATE_FORMAT = {"vi": "%d/%m/%Y", "en": "%Y-%m-%d"}


# Rows per Parquet row group. Each group records its household ids' min and max, so `explain` decodes
# only the group holding the household asked for: 0.06 instead of 0.55 CPU-s for 1 M members in one
# group (issue 14). The file is about a third larger (dictionaries per group); whole reads as fast.
PARQUET_ROW_GROUP = 65_536


def default_schema() -> InputSchema:
    """The input schema of the rule pack next to this package (`rules/inputs/`)."""
    return load_input_schema(DEFAULT_RULES)


def write_register(households: pd.DataFrame, members: pd.DataFrame, out_dir: str | Path,
                   fmt: Literal["csv", "xlsx", "parquet"] = "csv", headers: Literal["vi", "en"] = "en",
                   schema: InputSchema | None = None, bom: bool = False) -> list[Path]:
    """Write both tables under `out_dir`: `households.csv` + `members.csv`, or `register.xlsx` with
    one sheet per table, or `households.parquet` + `members.parquet`.

    Frames use the declared column names (enums as codes or Categoricals of codes, dates as
    datetimes); `_file`/`_row` are dropped, undeclared columns passed through. With headers="vi"
    the headers are the Vietnamese labels, enum cells their Vietnamese labels and yes/no cells
    có/không; CSV dates are dd/mm/yyyy (ISO yyyy-mm-dd with headers="en"), Excel dates are date
    cells. Returns the files written."""
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
            _write_csv(frame, path, CSV_DATE_FORMAT[headers], bom)
        else:
            path = out / f"{name}.parquet"
            frame.to_parquet(path, index=False, row_group_size=PARQUET_ROW_GROUP)
        written.append(path)
    return written


def sheet_name(table: Table, headers: str) -> str:
    if headers == "vi":
        return next((s for s in table.sheet_names if not s.isascii()), table.table)
    return table.table


# ---------------------------------------------------------------------------------------------


def _prepare(frame: pd.DataFrame, table: Table, fmt: str, headers: str) -> pd.DataFrame:
    """Declared columns in declared order (typed for the format), then undeclared ones."""
    out: dict[str, pd.Series] = {}
    for name, column in table.columns.items():
        if name in frame.columns and column.blank != "unknown" and frame[name].isna().all():
            continue  # not known at all: a column of blanks would read back as no / 0
        if name in frame.columns:
            title = column.label.vi if headers == "vi" else name
            out[title] = _cell_values(frame[name].reset_index(drop=True), name, column, fmt, headers)
            if column.type == "date" and name + LATEST_SUFFIX in frame.columns:
                out[title] = _partial_dates_text(out[title], frame[name + LATEST_SUFFIX].reset_index(drop=True),
                                                 CSV_DATE_FORMAT[headers] if fmt == "csv" else "%d/%m/%Y")
    for name in frame.columns:
        if str(name).endswith(LATEST_SUFFIX) and str(name)[:-len(LATEST_SUFFIX)] in table.columns:
            continue   # the interval of a partial date: its cell says it (`1944`, `03/1944`)
        if name not in table.columns and not str(name).startswith("_"):
            out[str(name)] = frame[name].reset_index(drop=True)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def _partial_dates_text(first: pd.Series, latest: pd.Series, date_format: str) -> pd.Series:
    """A date column holding dates known to their year or month, as text the way registers write
    them: the year alone (`1944`), the month (`03/1944`), the other dates in `date_format`."""
    latest = pd.to_datetime(latest)
    text = first.dt.strftime(date_format).astype("string")
    partial = latest.notna() & first.notna()
    month = partial & (latest.dt.year == first.dt.year) & (latest.dt.month == first.dt.month)
    text = text.mask(partial, first.dt.year.astype("string"))
    return text.mask(month, first.dt.strftime("%m/%Y").astype("string"))


def _enum_codes(values: pd.Series, name: str, column: Column) -> pd.Categorical:
    """The column as a Categorical of the declared codes (labels and aliases are accepted)."""
    codes, spellings, _ = enum_spellings(column)
    if isinstance(values.dtype, pd.CategoricalDtype):
        present, uniques = values.cat.codes.to_numpy(), values.cat.categories
    else:
        present, uniques = pd.factorize(values, use_na_sentinel=True)
    keys = [token_key(u) for u in uniques]
    mapped = np.array([spellings.get(k, -2) if k else -1 for k in keys] + [-1], dtype=np.int64)
    unknown = [str(u) for u, m in zip(uniques, mapped) if m == -2]
    if unknown:
        raise ValueError(f"column '{name}' holds values it does not declare: {unknown[:5]}")
    return pd.Categorical.from_codes(mapped[present], categories=codes)


def _cell_values(values: pd.Series, name: str, column: Column, fmt: str, headers: str) -> pd.Series:
    kind = column.type
    if kind == "enum":
        categorical = _enum_codes(values, name, column)
        if headers == "vi":
            categorical = categorical.rename_categories([v.vi for v in (column.values or {}).values()])
        return pd.Series(categorical)
    if kind == "bool":
        flags = values.astype("boolean")
        if fmt == "parquet":
            return flags
        codes = np.where(flags.isna().to_numpy(), -1, flags.fillna(False).to_numpy(dtype=bool).astype(np.int8))
        return pd.Series(pd.Categorical.from_codes(codes, categories=[translator(headers)(word) for word in BOOL_WORDS]))
    if kind == "date":
        return pd.Series(pd.to_datetime(values, errors="coerce")).astype("datetime64[ns]")
    if kind in ("int", "number", "money"):
        numbers = pd.to_numeric(values, errors="coerce").astype("Float64")
        if kind == "int" or bool(((numbers % 1) == 0).fillna(True).all()):
            return numbers.round().astype("Int64")
        return numbers
    return values.astype("string")


def _as_text(series: pd.Series, date_format: str) -> pa.Array:
    """One column as Arrow strings (nulls stay null, written as empty cells)."""
    if ptypes.is_datetime64_any_dtype(series):
        return pc.strftime(pa.array(series), format=date_format)
    try:
        array = pa.array(series, from_pandas=True)
        if pa.types.is_dictionary(array.type):
            array = array.dictionary_decode()
        return array.cast(pa.string())
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):  # mixed objects
        return pa.array(series.astype("string"), from_pandas=True)


def _needs_quotes(array: pa.Array, sep: str = ",") -> bool:
    hits = pc.match_substring_regex(array, f'[{sep}"\\r\\n]')
    return bool(pc.any(hits).as_py())


def _write_csv(frame: pd.DataFrame, path: Path, date_format: str, bom: bool) -> None:
    """Column-wise through Arrow. Arrow writes fast but quotes either every string or none, so when
    some cell needs quotes (a comma in a label), pandas writes the file, quoting only those cells."""
    columns = {str(name): _as_text(frame[name], date_format) for name in frame.columns}
    encoding = "utf-8-sig" if bom else "utf-8"
    if any(_needs_quotes(array) for array in columns.values()):
        text = pd.DataFrame({name: array.to_pandas() for name, array in columns.items()})
        text.to_csv(path, index=False, encoding=encoding, lineterminator="\n")
        return
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(list(columns))  # quoted only if needed
    with open(path, "wb") as handle:
        handle.write(header.getvalue().encode(encoding))
        pacsv.write_csv(pa.table(columns), handle, pacsv.WriteOptions(include_header=False, quoting_style="none"))


def _write_workbook(path: Path, frames: dict[str, pd.DataFrame], schema: InputSchema, headers: str) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
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
                sheet.column_dimensions[get_column_letter(i)].width = min(max(len(str(col)), 10) + 2, 40)
                if ptypes.is_datetime64_any_dtype(excel[col]):
                    for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                        cell.number_format = "DD/MM/YYYY"
