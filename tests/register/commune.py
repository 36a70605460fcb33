"""Build registers the way communes keep them, from the clean demo register (tests only).

Two title rows, a two-row header whose deprivation columns sit under one merged parent cell, a row
of column numbers `(1) (2) …`, an `STT` column, money typed `1.500.000`, tick columns marked `x`
(blank = no), headers without accents or with units in brackets, sheets named `DS hộ` and
`DS nhân khẩu`, and a signature block under each table.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment
from shared import DEMO

DEP_PARENT = "Thiếu hụt các dịch vụ xã hội cơ bản"
HOUSEHOLD_RENAMES = {
    "Thu nhập bình quân đầu người/tháng": "Thu nhập bình quân (đồng/người/tháng)",
    "Họ tên chủ hộ": "Ho ten chu ho",
    "Thôn/bản": "THON/BAN",
}
MEMBER_RENAMES = {"Họ và tên": "Ho va ten", "Ngày sinh": "Ngay sinh"}
FOOTER = [["", "", "Ngày 15 tháng 11 năm 2025"], ["", "Người lập biểu", "", "", "TM. UBND xã"],
          [], ["", "Lò Văn Minh", "", "", "Tao Văn Hùng"]]
TRUE, FALSE = "có", "không"


def demo_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    read = dict(dtype=str, keep_default_na=False, encoding="utf-8")
    return pd.read_csv(DEMO / "households.csv", **read), pd.read_csv(DEMO / "members.csv", **read)


def tick_columns(frame: pd.DataFrame) -> list[str]:
    """Yes/no columns the demo fills on every row with at least one yes: written as x / blank."""
    out = []
    for name in frame.columns:
        values = set(frame[name])
        if values <= {TRUE, FALSE} and TRUE in values:
            out.append(name)
    return out


def as_ticks(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    out = frame.copy()
    for name in columns:
        out[name] = out[name].map({TRUE: "x", FALSE: ""})
    return out


def grouped_money(values: pd.Series) -> pd.Series:
    """1500000 -> '1.500.000' (as typed in Vietnamese registers)."""
    numbers = pd.to_numeric(values, errors="coerce")
    text = numbers.map(lambda v: "" if pd.isna(v) else f"{int(v):,}".replace(",", "."))
    return text


def household_sheet_frame(households: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """(frame with commune headers, {child header: parent}) for the households sheet."""
    frame = households.copy()
    frame["Thu nhập bình quân đầu người/tháng"] = grouped_money(frame["Thu nhập bình quân đầu người/tháng"])
    frame = as_ticks(frame, tick_columns(frame))
    deps = [c for c in frame.columns if c.startswith("Thiếu hụt ") and "2016-2020" not in c]
    children = {c: c.removeprefix("Thiếu hụt ").capitalize() for c in deps}
    frame = frame.rename(columns={**HOUSEHOLD_RENAMES, **children})
    return frame, dict.fromkeys(children.values(), DEP_PARENT)


def write_sheet(book: Workbook, title: str, heading: str, frame: pd.DataFrame, parents: dict[str, str],
                footer: bool = True) -> None:
    """Title rows, header (two rows where `parents` groups columns), column numbers, STT, data, footer."""
    sheet = book.create_sheet(title)
    sheet.append(["UBND XÃ HỒNG THU - HUYỆN SÌN HỒ"])
    sheet.append([heading])
    columns = ["STT", *frame.columns]
    two_rows = bool(parents)
    top = [parents.get(c, c) for c in columns]
    sheet.append(top)
    if two_rows:
        sheet.append([c if c in parents else "" for c in columns])
        header_row = sheet.max_row - 1
        _merge(sheet, columns, parents, header_row)
    sheet.append([f"({i})" for i in range(1, len(columns) + 1)])
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        sheet.append([i, *[v if v != "" else None for v in row]])
    if footer:
        sheet.append([])
        for line in FOOTER:
            sheet.append(line)


def _merge(sheet, columns: list[str], parents: dict[str, str], row: int) -> None:
    j = 0
    while j < len(columns):
        name = columns[j]
        if name in parents:
            k = j
            while k + 1 < len(columns) and parents.get(columns[k + 1]) == parents[name]:
                k += 1
            sheet.merge_cells(start_row=row, start_column=j + 1, end_row=row, end_column=k + 1)
            sheet.cell(row, j + 1).alignment = Alignment(horizontal="center")
            j = k + 1
        else:
            sheet.merge_cells(start_row=row, start_column=j + 1, end_row=row + 1, end_column=j + 1)
            j += 1


def commune_workbook(path: Path, households: pd.DataFrame | None = None, members: pd.DataFrame | None = None,
                     sheets: tuple[str, str] = ("DS hộ", "DS nhân khẩu")) -> Path:
    """The demo register (or the frames given, in the demo's headers) as a commune workbook."""
    if households is None or members is None:
        households, members = demo_frames()
    book = Workbook()
    book.remove(book.active)
    frame, parents = household_sheet_frame(households)
    write_sheet(book, sheets[0], "DANH SÁCH HỘ GIA ĐÌNH NĂM 2025", frame, parents)
    people = as_ticks(members, tick_columns(members)).rename(columns=MEMBER_RENAMES)
    write_sheet(book, sheets[1], "DANH SÁCH NHÂN KHẨU NĂM 2025", people, {})
    book.save(path)
    return path
