"""The optional tables (merit_records, programme_lists): found, typed, checked and accounted for like
the main ones, in CSV, a workbook's sheets and Parquet; a register without them is unchanged."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from eligibility.register import read_register

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sample_households" / "demo"
AS_OF = dt.date(2025, 11, 15)

MERIT = """Mã người,Diện người có công,Tỷ lệ tổn thương cơ thể (%),Quan hệ với liệt sĩ,Số liệt sĩ
DM23-1,Thân nhân liệt sĩ,,Cha/mẹ,1
DM23-1,Thương binh,41,,
XX99-9,Thương binh,61,,
DM25-1,Thương binh,abc,,
"""
LISTS = """Chương trình,Mã người,Họ và tên,Năm sinh,Xã,Hưởng đến ngày,Số tiền hằng tháng,Hệ số
monthly_social_allowance,DM13-1,,,,31/12/2026,1000000,2
social_pension,,Lò Văn Xiêng,1944,Than Uyên,,500000,
social_pension,DM11-3,,,,,-5,
,DM11-3,,,,,,
"""


@pytest.fixture
def register_with_lists(tmp_path, schema):
    folder = tmp_path / "reg"
    shutil.copytree(DEMO, folder)
    (folder / "merit_records.csv").write_text(MERIT, encoding="utf-8")
    (folder / "programme_lists.csv").write_text(LISTS, encoding="utf-8")
    return folder


def test_without_lists_the_register_is_unchanged(schema, tmp_path):
    shutil.copytree(DEMO, tmp_path / "reg")
    (tmp_path / "reg" / "programme_lists.csv").unlink()
    reg = read_register(tmp_path / "reg", schema, AS_OF)
    assert reg.tables == {}
    assert set(reg.accounting) == {"households", "members"}


def test_lists_read_typed_and_checked(register_with_lists, schema):
    reg = read_register(register_with_lists, schema, AS_OF)
    merit = reg.tables["merit_records"]
    assert list(merit["person_id"]) == ["DM23-1", "DM23-1"]          # two records of one person kept
    assert list(merit["merit_category"]) == ["martyr_relative", "war_invalid"]
    assert reg.accounting["merit_records"] == {"read": 4, "accepted": 2, "rejected": 2}
    codes = reg.rejects[reg.rejects["table"] == "merit_records"].set_index("row")["code"]
    assert codes[4] == "R-ORPHAN-RECORD" and codes[5] == "R-TYPE"
    lists = reg.tables["programme_lists"]
    assert reg.accounting["programme_lists"] == {"read": 4, "accepted": 2, "rejected": 2}
    assert lists["until"].iloc[0] == pd.Timestamp(2026, 12, 31)      # a payroll's end date may be after the as-of
    assert lists["birth_year"].iloc[1] == 1944 and pd.isna(lists["person_id"].iloc[1])
    rejected = reg.rejects[reg.rejects["table"] == "programme_lists"]
    assert set(rejected["code"]) == {"R-NEGATIVE", "R-MISSING-REQUIRED-VALUE"}
    # a table without a parent: the rejected keys hold key and row only
    assert list(reg.rejected_keys["programme_lists"].columns) == ["key", "row"]
    assert list(reg.rejected_keys["merit_records"].columns) == ["key", "row"]
    # the main tables are untouched
    assert reg.accounting["members"]["rejected"] == 0


def test_lists_as_sheets_and_parquet(register_with_lists, schema, tmp_path):
    csv = read_register(register_with_lists, schema, AS_OF)
    book = tmp_path / "book.xlsx"
    with pd.ExcelWriter(book) as xl:
        for name, sheet in (("households", "Hộ gia đình"), ("members", "Thành viên"),
                            ("merit_records", "Người có công"), ("programme_lists", "Danh sách chi trả")):
            pd.read_csv(register_with_lists / f"{name}.csv", dtype=str, keep_default_na=False).to_excel(
                xl, sheet_name=sheet, index=False)
    xlsx = read_register(book, schema, AS_OF)
    assert xlsx.accounting == csv.accounting
    parquet = tmp_path / "pq"
    shutil.copytree(register_with_lists, parquet)
    for name in ("merit_records", "programme_lists"):
        frame = pd.read_csv(parquet / f"{name}.csv", dtype=str, keep_default_na=False)
        (parquet / f"{name}.csv").unlink()
        frame.to_parquet(parquet / f"{name}.parquet")
    assert read_register(parquet, schema, AS_OF).accounting == csv.accounting


def test_a_list_given_as_a_workbook_in_a_folder_register_is_read(register_with_lists, schema):
    """`danh sách chi trả.xlsx` beside households.csv and members.csv: read from its sheet like the CSV
    (it was left aside unsaid), its rows numbered as the sheet numbers them."""
    csv = read_register(register_with_lists, schema, AS_OF)
    frame = pd.read_csv(register_with_lists / "programme_lists.csv", dtype=str, keep_default_na=False)
    (register_with_lists / "programme_lists.csv").unlink()
    frame.to_excel(register_with_lists / "danh sách chi trả.xlsx", sheet_name="Trang tính 1", index=False)
    book = read_register(register_with_lists, schema, AS_OF)
    assert book.accounting == csv.accounting
    assert list(book.tables["programme_lists"]["_file"].unique()) == ["danh sách chi trả.xlsx[Trang tính 1]"]
    assert list(book.tables["programme_lists"]["_row"]) == list(csv.tables["programme_lists"]["_row"])
