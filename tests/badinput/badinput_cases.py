"""Builders of bad inputs: a small register (the first households of the demo), then one change.

Each builder takes a fresh folder and returns the command line to run on what it built. Kept
apart from the test so that the fuzz script and a reader of a failing case can call them.
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sample_households" / "demo"
DEMO_XLSX = ROOT / "sample_households" / "demo_xlsx" / "register.xlsx"
RULES = ROOT / "rules"
AS_OF = "2025-11-15"
HOUSEHOLDS = 4  # DM01-DM04 and their members


def rows_of(name: str) -> list[list[str]]:
    with open(DEMO / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def small_register(folder: Path) -> Path:
    """DM01-DM04 with their members, as the demo writes them (Vietnamese headers, CSV)."""
    register = folder / "register"
    register.mkdir()
    households = rows_of("households")[: HOUSEHOLDS + 1]
    keep = {r[0] for r in households[1:]}
    members = [r for i, r in enumerate(rows_of("members")) if i == 0 or r[1] in keep]
    write_rows(register / "households.csv", households)
    write_rows(register / "members.csv", members)
    return register


def members_count() -> int:
    keep = {r[0] for r in rows_of("households")[1: HOUSEHOLDS + 1]}
    return sum(1 for r in rows_of("members")[1:] if r[1] in keep)


def write_rows(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def edit_cell(register: Path, table: str, row: int, header: str, value: str) -> None:
    """Set one cell: `row` is the spreadsheet row (2 = first data row)."""
    path = register / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[row - 1][rows[0].index(header)] = value
    write_rows(path, rows)


def screen(register: Path, *extra: str, out: Path | None = None) -> list[str]:
    out = out or register.parent / "out"
    return ["screen", str(register), "--as-of", AS_OF, "--out", str(out), "--lang", "en", *extra]


# --------------------------------------------------------------------------------------------- registers


def cell(table: str, row: int, header: str, value: str, *extra: str):
    """A builder: the small register with one cell changed, screened."""
    def build(folder: Path) -> list[str]:
        register = small_register(folder)
        edit_cell(register, table, row, header, value)
        return screen(register, *extra)
    return build


def raw_csv(table: str, transform):
    """A builder: the small register with one table's text transformed (`transform(text) -> bytes`)."""
    def build(folder: Path) -> list[str]:
        register = small_register(folder)
        path = register / f"{table}.csv"
        path.write_bytes(transform(path.read_text(encoding="utf-8")))
        return screen(register)
    return build


def add_row(table: str, row_of: int, change: dict[str, str] | None = None):
    """A builder: copy spreadsheet row `row_of` to the end of a table, with some cells changed."""
    def build(folder: Path) -> list[str]:
        register = small_register(folder)
        path = register / f"{table}.csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        new = list(rows[row_of - 1])
        for header, value in (change or {}).items():
            new[rows[0].index(header)] = value
        write_rows(path, rows + [new])
        return screen(register)
    return build


def xlsx_sheet_edit(edit):
    """A builder: the demo workbook with its first sheet's XML edited (`edit(xml bytes) -> bytes`)."""
    def build(folder: Path) -> list[str]:
        path = folder / "register.xlsx"
        with zipfile.ZipFile(DEMO_XLSX) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                zout.writestr(info.filename, edit(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
        return screen(path)
    return build


def bomb(data: bytes) -> bytes:
    """100 MB of spaces after the table: ~100 KB compressed. Any part above 64 MB that inflates over 200
    times is refused (register/limits.py): a bigger bomb proves no more, and each 100 MB costs about
    0.6 CPU-s to compress here (300 MB took 2 CPU-s to build)."""
    return data.replace(b"</sheetData>", b"</sheetData>" + b" " * (100 << 20))


def far_cell(ref: str, keep_dimension: bool = False):
    row = re.fullmatch(r"[A-Z]+(\d+)", ref).group(1)

    def edit(data: bytes) -> bytes:
        if not keep_dimension:
            data = re.sub(rb'<dimension ref="[^"]*"/>', b"", data)
        else:
            data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{ref}"/>'.encode(), data)
        return data.replace(b"</sheetData>", f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is>'
                                             f'</c></row></sheetData>'.encode())
    return edit


def parquet_register(change):
    """A builder: the small register as Parquet, the members table changed by `change(table) -> table`."""
    def build(folder: Path) -> list[str]:
        source = small_register(folder)
        register = folder / "parquet"
        register.mkdir()
        for name in ("households", "members"):
            table = pa.Table.from_pandas(pd.read_csv(source / f"{name}.csv", dtype=str, keep_default_na=False),
                                         preserve_index=False)
            if name == "members":
                table = change(table)
            pq.write_table(table, register / f"{name}.parquet")
        shutil.rmtree(source)
        return screen(register)
    return build


def with_column(name: str, array: pa.Array):
    def change(table: pa.Table) -> pa.Table:
        return table.append_column(name, array)
    return change


def rename_column(old: str, new: str):
    def change(table: pa.Table) -> pa.Table:
        return table.rename_columns([new if n == old else n for n in table.column_names])
    return change


# --------------------------------------------------------------------------------------------- rule packs


def rule_pack(edit_file: str, edit):
    """A builder: a copy of the bundled rules with one file edited (`edit(bytes) -> bytes`), validated."""
    def build(folder: Path) -> list[str]:
        pack = folder / "rules"
        shutil.copytree(RULES, pack, ignore=shutil.ignore_patterns("__pycache__", "conftest.py"))
        path = pack / edit_file
        path.write_bytes(edit(path.read_bytes()))
        return ["validate", str(pack)]
    return build


def replace_once(old: str, new: str):
    def edit(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        return text.replace(old, new).encode("utf-8")
    return edit


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
