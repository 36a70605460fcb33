"""The same register as CSV (BOM or not, Vietnamese or English headers), Excel and Parquet."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook
from pandas.testing import assert_frame_equal
from register_helpers import FIXTURES, assert_accounting, problems_at, without_file

from eligibility.errors import DataError
from eligibility.register import write_register

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out


def test_bom_and_no_bom_give_identical_frames(read):
    assert (FIXTURES / "bom" / "households.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (FIXTURES / "no_bom" / "households.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with_bom, without_bom = read("bom"), read("no_bom")
    assert with_bom.ok and without_bom.ok
    assert_frame_equal(with_bom.households, without_bom.households)
    assert_frame_equal(with_bom.members, without_bom.members)
    assert "household_id" in with_bom.headers["households"]  # the BOM is not part of the first header


def test_vietnamese_and_english_headers_give_identical_frames(read):
    vi, en = read("vi_headers"), read("en_headers")
    assert vi.ok and en.ok, vi.rejects.to_string()
    assert_frame_equal(vi.households, en.households)
    assert_frame_equal(vi.members, en.members)
    assert vi.headers["members"]["date_of_birth"] == "Ngày sinh"
    assert vi.headers["members"]["hi_card"] == "Thẻ BHYT"  # an alias


def _sheet(workbook, title, rows):
    sheet = workbook.create_sheet(title)
    for row in rows:
        sheet.append(row)
    return sheet


def _workbook(path, households, members, title_rows=0):
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, "Hộ gia đình", households)
    sheet = workbook.create_sheet("Thành viên")
    for _ in range(title_rows):
        sheet.append(["DANH SÁCH NHÂN KHẨU — xã Hồng Thu"])
    for row in members:
        sheet.append(row)
    workbook.save(path)


HOUSEHOLDS_XL = [
    ["Mã hộ", "Họ tên chủ hộ", "Huyện", "Xã", "Thôn/bản", "Khu vực", "Thu nhập bình quân", "Phân loại hộ",
     "Ngày thoát nghèo"],
    ["H01", "Giàng A Sử", "Sìn Hồ", "Hồng Thu", "Bản Sì Choang", "Nông thôn", 1500000, "Hộ nghèo", None],
    ["H02", "Lò Văn Pánh", "Tân Uyên", "Pắc Ta", "Bản Phiêng Xe", "Nông thôn", 690000, "Hộ cận nghèo", None],
    ["H03", "Nguyễn Văn Hùng", "Than Uyên", "Mường Than", "Bản Nà Ban", "Nông thôn", 2500000, "Không",
     dt.datetime(2022, 12, 15)],
]
MEMBERS_XL = [
    ["Mã người", "Mã hộ", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Quan hệ với chủ hộ", "Thẻ BHYT"],
    ["P01", "H01", "Giàng A Sử", dt.datetime(1985, 4, 12), "Nam", "Mông", "Chủ hộ", "có"],
    ["P02", "H01", "Sùng Thị Mai", "03/09/1987", "Nữ", "Mông", "Vợ/chồng", True],  # a text date
    ["P03", "H02", "Lò Văn Pánh", dt.date(1988, 3, 13), "Nam", "Thái", "Chủ hộ", "không"],
    ["P04", "H03", "Nguyễn Văn Hùng", "1982-11-11", "Nam", "Kinh", "Chủ hộ", 1],
]


def test_excel_with_date_cells_and_text_dates(read, tmp_path):
    path = tmp_path / "register.xlsx"
    _workbook(path, HOUSEHOLDS_XL, MEMBERS_XL)
    excel, csv = read(path), read("valid")
    assert excel.ok, excel.rejects.to_string()
    assert_frame_equal(without_file(excel.households), without_file(csv.households))
    assert_frame_equal(without_file(excel.members), without_file(csv.members))
    assert set(excel.members["_file"]) == {"register.xlsx[Thành viên]"}
    assert excel.sources == [path]


def test_excel_rejects_name_the_sheet_and_row_even_under_a_title(read, tmp_path):
    members = [row[:] for row in MEMBERS_XL]
    members[2][3] = "31/02/2024"
    path = tmp_path / "register.xlsx"
    _workbook(path, HOUSEHOLDS_XL, members, title_rows=2)  # header on sheet row 3
    reg = read(path)
    line = problems_at(reg, "register.xlsx[Thành viên]", 5, "Ngày sinh")
    assert line["code"].tolist() == ["R-DATE"]
    assert reg.members["_row"].tolist() == [4, 5, 6, 7]  # row 5 screened, its birth date unknown
    assert_accounting(reg)


def test_excel_rows_count_from_the_top_of_the_sheet(read, tmp_path):
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, "Hộ gia đình", HOUSEHOLDS_XL)
    sheet = workbook.create_sheet("Thành viên")
    for row_number, row in enumerate(MEMBERS_XL, start=3):  # rows 1-2 left empty
        for col, value in enumerate(row, start=1):
            sheet.cell(row=row_number, column=col, value=value)
    sheet.cell(row=5, column=5, value="Nu?")
    workbook.save(tmp_path / "register.xlsx")
    reg = read(tmp_path / "register.xlsx")
    assert problems_at(reg, "register.xlsx[Thành viên]", 5, "Giới tính")["code"].tolist() == ["R-ENUM"]
    assert reg.members["_row"].tolist() == [4, 5, 6, 7]


def test_a_folder_holding_one_workbook_is_read_as_that_workbook(read, tmp_path):
    _workbook(tmp_path / "so_ho.xlsx", HOUSEHOLDS_XL, MEMBERS_XL)
    assert read(tmp_path).ok


def test_a_workbook_without_the_member_sheet(read, tmp_path):
    workbook = Workbook()
    workbook.active.title = "Hộ gia đình"
    workbook.create_sheet("Thanh vien hộ")
    workbook.save(tmp_path / "register.xlsx")
    with pytest.raises(DataError, match="no sheet for the members table"):
        read(tmp_path / "register.xlsx")


def test_parquet_typed_and_text_columns(read, tmp_path):
    csv = read("valid")
    folder = tmp_path / "typed"
    write_register(csv.households, csv.members, folder, fmt="parquet")
    typed = read(folder)
    assert typed.ok
    assert_frame_equal(without_file(typed.households).drop(columns="_row"),
                       without_file(csv.households).drop(columns="_row"))
    assert typed.households["_row"].tolist() == [1, 2, 3]  # Parquet: 1-based row index
    # Parquet files holding text only are typed the same way
    text = tmp_path / "text"
    text.mkdir()
    for name in ("households", "members"):
        raw = pd.read_csv(FIXTURES / "valid" / f"{name}.csv", dtype=str, keep_default_na=False)
        raw.to_parquet(text / f"{name}.parquet")
    from_text = read(text)
    assert_frame_equal(from_text.members, typed.members)


def test_parquet_bad_value_names_the_row(read, tmp_path):
    csv = read("valid")
    households = csv.households.copy()
    households["income_per_capita"] = households["income_per_capita"].astype("Float64")
    households.loc[1, "income_per_capita"] = -1.0
    write_register(households, csv.members, tmp_path, fmt="parquet")
    reg = read(tmp_path)
    line = reg.cell_issues[(reg.cell_issues["file"] == "households.parquet") & (reg.cell_issues["row"] == 2)]
    assert line["code"].tolist() == ["R-NEGATIVE"] and line["value"].tolist() == ["-1"]
    assert_accounting(reg)


@pytest.mark.parametrize("fmt,headers", [("csv", "en"), ("csv", "vi"), ("xlsx", "vi"), ("xlsx", "en"),
                                         ("parquet", "en"), ("parquet", "vi")])
def test_write_register_round_trip(read, tmp_path, fmt, headers):
    source = read("valid")
    write_register(source.households, source.members, tmp_path, fmt=fmt, headers=headers)
    again = read(tmp_path)
    assert again.ok, again.rejects.to_string()
    for table in ("households", "members"):
        assert_frame_equal(again.frame(table).drop(columns=["_file", "_row"]),
                           source.frame(table).drop(columns=["_file", "_row"]))


def test_vietnamese_csv_output_reads_like_a_commune_spreadsheet(read, tmp_path):
    source = read("valid")
    write_register(source.households, source.members, tmp_path, fmt="csv", headers="vi")
    text = (tmp_path / "members.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("Mã người,Mã hộ,Họ và tên,Ngày sinh,Giới tính")
    assert "P01,H01,Giàng A Sử,12/04/1985,Nam,Mông,Chủ hộ" in text
    assert ",có" in text and ",không" in text


@pytest.mark.slow
def test_a_larger_register_is_read_value_for_value(read, tmp_path):
    """60,000 members with dd/mm/yyyy dates and Vietnamese yes/no cells: every row read, every value
    as written (how fast it reads is measured in bench/, not asserted here)."""
    rng = np.random.default_rng(0)
    n_households, size = 15_000, 4
    ids = pd.Series(np.arange(n_households)).astype(str).radd("H")
    households = pd.DataFrame({"household_id": ids, "commune": "Bum Tở",
                               "income_per_capita": rng.integers(0, 5_000_000, n_households)})
    person_household = np.repeat(ids.to_numpy(), size)
    members = pd.DataFrame({
        "person_id": pd.Series(np.arange(len(person_household))).astype(str).radd("P"),
        "household_id": person_household,
        "date_of_birth": pd.Series(pd.Timestamp("1950-01-01") + pd.to_timedelta(
            rng.integers(0, 25_000, len(person_household)), unit="D")).dt.strftime("%d/%m/%Y"),
        "sex": rng.choice(["Nam", "Nữ"], len(person_household)),
        "hi_card": rng.choice(["có", "không", ""], len(person_household)),
    })
    households.to_csv(tmp_path / "households.csv", index=False)
    members.to_csv(tmp_path / "members.csv", index=False)
    reg = read(tmp_path)
    assert reg.ok and len(reg.members) == 60_000
    read_back = reg.members.set_index("person_id")
    written = members.set_index("person_id")
    born = pd.to_datetime(written["date_of_birth"], format="%d/%m/%Y")
    assert (read_back["date_of_birth"] == born.reindex(read_back.index)).all()
    hi_card = written["hi_card"].reindex(read_back.index)
    assert read_back["hi_card"].isna().sum() == (hi_card == "").sum()
    assert read_back["hi_card"].sum() == (hi_card == "có").sum()


def test_partitioned_parquet_folders_and_vietnamese_file_names(read, tmp_path):
    csv = read("valid")
    write_register(csv.households, csv.members, tmp_path / "tmp", fmt="parquet")
    folder = tmp_path / "reg"
    (folder / "thanh_vien").mkdir(parents=True)
    (tmp_path / "tmp" / "households.parquet").rename(folder / "Hộ gia đình.parquet")
    members = pd.read_parquet(tmp_path / "tmp" / "members.parquet")
    members.iloc[:2].to_parquet(folder / "thanh_vien" / "part-0.parquet")
    members.iloc[2:].to_parquet(folder / "thanh_vien" / "part-1.parquet")
    reg = read(folder)
    assert reg.ok
    assert reg.members["person_id"].tolist() == ["P01", "P02", "P03", "P04"]
    assert [p.name for p in reg.sources] == ["Hộ gia đình.parquet", "part-0.parquet", "part-1.parquet"]
