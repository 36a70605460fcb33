"""read_register on CSV fixtures: typing, every kind of bad row, accounting, strict mode."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from register_helpers import FIXTURES, assert_accounting, problems_at, rejects_at

from eligibility.errors import DataError
from eligibility.register import REJECT_CODES, REJECT_COLUMNS, Register
from eligibility.register.options import ReadOptions, load_columns_file

ALL_CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name != "missing_required_column")


def test_valid_register_is_typed_and_complete(read, schema):
    reg = read("valid")
    assert isinstance(reg, Register)
    assert reg.rejects.empty and list(reg.rejects.columns) == REJECT_COLUMNS
    assert reg.accounting == {"households": {"read": 3, "accepted": 3, "rejected": 0},
                              "members": {"read": 4, "accepted": 4, "rejected": 0}}
    h, m = reg.households, reg.members
    # every declared column read from a file, in declared order, then _file and _row (no merit records
    # given: the columns computed from them are absent)
    read = schema.as_read()
    assert list(h.columns) == [*read.households.columns, "_file", "_row"]
    assert list(m.columns) == [*read.members.columns, "_file", "_row"]
    assert str(h["household_id"].dtype) == "string"
    assert h["district"].dtype == "category"
    assert list(h["district"].cat.categories) == schema.households.enum_codes("district")
    assert h["district"].tolist() == ["sin_ho", "tan_uyen", "than_uyen"]
    assert str(h["income_per_capita"].dtype) == "Float64"
    assert h["income_per_capita"].tolist() == [1_500_000, 690_000, 2_500_000]
    assert str(m["hi_card"].dtype) == "boolean"
    assert m["hi_card"].tolist() == [True, True, False, True]
    assert str(m["date_of_birth"].dtype) == "datetime64[ns]"
    assert m["date_of_birth"].iloc[0] == pd.Timestamp("1985-04-12")
    assert str(m["injury_rate"].dtype) == "Int64"  # absent optional column, still typed
    assert h["poverty_exit_date"].isna().tolist() == [True, True, False]
    # the row as the user sees it: header is row 1
    assert h["_row"].tolist() == [2, 3, 4]
    assert set(h["_file"]) == {"households.csv"} and set(m["_file"]) == {"members.csv"}
    assert "injury_rate" in reg.missing_columns["members"]
    assert "household_id" not in reg.missing_columns["households"]
    assert [p.name for p in reg.sources] == ["households.csv", "members.csv"]
    assert reg.as_of.isoformat() == "2025-11-15"


@pytest.mark.slow
@pytest.mark.parametrize("case", ALL_CASES)
def test_accounting_holds_for_every_fixture(read, case):
    reg = read(case)
    assert_accounting(reg)
    assert set(reg.rejects["code"]) <= set(REJECT_CODES)


def test_missing_required_column_stops_the_run(read):
    with pytest.raises(DataError) as err:
        read("missing_required_column")
    e = err.value
    assert e.file == "members.csv" and e.column == "date_of_birth"
    text = str(e)
    assert "members.csv" in text and "date_of_birth" in text
    assert "did you mean 'date_of_brith'" in text


# (case, file, spreadsheet row, column header, code, words in the reason): a bad cell outside the keys
BAD_CELLS = [
    ("wrong_type", "households.csv", 3, "income_per_capita", "R-TYPE",
     "expected an amount in VND, got 'sáu trăm nghìn'"),
    ("wrong_type", "members.csv", 4, "hi_card", "R-TYPE", "got 'maybe'"),
    ("unknown_enum", "households.csv", 2, "poverty_list_status", "R-ENUM", "got 'Ho ngheo kho'"),
    ("unknown_enum", "members.csv", 5, "ethnicity", "R-ENUM", "did you mean 'Kinh' (kinh)?"),
    ("invalid_date", "members.csv", 3, "date_of_birth", "R-DATE",
     "expected a date dd/mm/yyyy or yyyy-mm-dd, got '31/02/2024'"),
    ("future_date", "households.csv", 4, "poverty_exit_date", "R-DATE-FUTURE",
     "date 20/12/2025 is after the as-of date 15/11/2025"),
    ("future_date", "members.csv", 5, "date_of_birth", "R-DATE-FUTURE", "01/01/2026"),
    ("negative_income", "households.csv", 2, "income_per_capita", "R-NEGATIVE", "got '-500000'"),
]
# key problems: the row is rejected
BAD_KEYS = [
    ("duplicate_household_id", "households.csv", 3, "household_id", "R-DUPLICATE-ID",
     "household ID 'H02' appears 2 times (first at row 3); every row with a duplicated ID is rejected"),
    ("duplicate_household_id", "households.csv", 4, "household_id", "R-DUPLICATE-ID", "'H02' appears 2 times"),
    ("duplicate_person_id", "members.csv", 3, "person_id", "R-DUPLICATE-ID", "person ID 'P02' appears 2 times"),
    ("duplicate_person_id", "members.csv", 5, "person_id", "R-DUPLICATE-ID", "person ID 'P02' appears 2 times"),
    ("orphan_member", "members.csv", 6, "household_id", "R-ORPHAN-MEMBER",
     "household ID 'H09' is not in households.csv"),
]


def _table(file: str) -> str:
    return "households" if file.startswith("households") else "members"


@pytest.mark.parametrize("case,file,row,column,code,words", BAD_CELLS,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in BAD_CELLS])
@pytest.mark.slow
def test_a_bad_cell_is_unknown_and_its_row_screened(read, case, file, row, column, code, words):
    reg = read(case)
    issues = reg.cell_issues
    line = issues[(issues["file"] == file) & (issues["row"] == row) & (issues["column"] == column)]
    assert line["code"].tolist() == [code], issues.to_string()
    assert words in line["reason"].iloc[0]
    assert (line["action"].iloc[0], line["action_vi"].iloc[0]) == ("treated as unknown", "coi là chưa biết")
    assert line["input"].iloc[0] == column and line["table"].iloc[0] == _table(file)
    frame = reg.frame(_table(file))
    assert row in frame["_row"].tolist()  # screened
    assert frame.loc[frame["_row"] == row, column].isna().all()  # with that cell unknown
    assert rejects_at(reg, file, row).empty
    assert_accounting(reg)
    counts = reg.cell_accounting[_table(file)]
    assert counts["cells"] == counts["used"] + counts["unknown"] + counts["empty"]
    assert counts["unknown"] == int((issues["table"] == _table(file)).sum())


@pytest.mark.parametrize("case,file,row,column,code,words", BAD_KEYS,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in BAD_KEYS])
@pytest.mark.slow
def test_a_key_problem_rejects_the_row(read, case, file, row, column, code, words):
    reg = read(case)
    hit = rejects_at(reg, file, row, column)
    line = hit[hit["code"] == code]
    assert len(line) == 1, hit.to_string()
    assert words in line["reason"].iloc[0]
    assert line["table"].iloc[0] == _table(file)
    assert row not in reg.frame(_table(file))["_row"].tolist()
    assert_accounting(reg)


def test_a_blank_commune_is_unknown_and_a_missing_person_code_is_generated(read):
    reg = read("missing_required_value")
    assert reg.rejects.empty, reg.rejects.to_string()
    assert reg.households.loc[reg.households["_row"] == 3, "commune"].isna().all()
    member = reg.members[reg.members["_row"] == 3]
    made = member["person_id"].iloc[0]
    assert made == f"{member['household_id'].iloc[0]}#1" or "#" in made
    line = reg.cell_issues[reg.cell_issues["row"] == 3]
    assert line["code"].tolist() == ["C-ID-GENERATED"] and made in line["reason"].iloc[0]


def test_a_household_is_never_rejected_for_its_members(read, tmp_path):
    reg = read("household_no_members")
    assert reg.rejects.empty and 4 in reg.households["_row"].tolist()
    assert any("no usable member row (H03)" in w for w in reg.warnings)
    reg = read("negative_income")  # H01's income is unknown; H01 and its two members are screened
    assert reg.accounting["households"] == {"read": 3, "accepted": 3, "rejected": 0}
    assert reg.accounting["members"] == {"read": 4, "accepted": 4, "rejected": 0}


def test_members_of_a_rejected_household_are_rejected_with_it(read):
    reg = read("duplicate_household_id")  # H02 twice: both rows rejected, and H02's members with them
    lines = reg.rejects[(reg.rejects["file"] == "members.csv")]
    assert set(lines["code"]) == {"R-HOUSEHOLD-REJECTED"}
    assert lines["reason"].str.startswith("its household 'H02' was rejected").all()
    assert_accounting(reg)


def test_a_row_with_a_bad_cell_and_a_key_problem_counts_once(read, tmp_path):
    folder = tmp_path / "reg"
    shutil.copytree(FIXTURES / "duplicate_person_id", folder)
    text = (folder / "members.csv").read_text(encoding="utf-8").splitlines()
    cells = text[2].split(",")  # row 3: P02, the first of the duplicates
    header = text[0].split(",")
    cells[header.index("date_of_birth")] = "13/13/1988"
    text[2] = ",".join(cells)
    (folder / "members.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    reg = read(folder)
    assert rejects_at(reg, "members.csv", 3)["code"].tolist() == ["R-DUPLICATE-ID"]
    assert reg.cell_issues[reg.cell_issues["row"] == 3]["code"].tolist() == ["R-DATE"]
    assert reg.accounting["members"]["rejected"] == 2
    assert_accounting(reg)


def test_strict_raises_on_the_first_reject(read):
    with pytest.raises(DataError) as err:
        read("negative_income", strict=True)
    e = err.value
    assert (e.file, e.row, e.column) == ("households.csv", 2, "income_per_capita")
    assert "R-NEGATIVE" in str(e) and "households.csv, row 2, column 'income_per_capita'" in str(e)


def test_strict_on_a_clean_register_reads_normally(read):
    assert read("valid", strict=True).ok


def _register(tmp_path, households: str, members: str):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text(households, encoding="utf-8")
    (folder / "members.csv").write_text(members, encoding="utf-8")
    return folder


def test_cell_spellings_dates_numbers_booleans_and_enums(read, tmp_path):
    folder = _register(
        tmp_path,
        "Mã hộ,Xã,Khu vực,Thu nhập BQ/người/tháng,Phân loại hộ,Ngày thoát nghèo,Vay hộ nghèo\n"
        "H1,Bum Tở,Nông thôn,1.500.000,HỘ NGHÈO,5/1/2023,có\n"
        "H2,Bum Tở,nong thon,\"1,500,000\",ho can ngheo,2023-01-05,x\n"
        "H3,Bum Tở,Rural, 1500000đ ,near poor,05/01/2023 00:00:00,không\n"
        "H4,Bum Tở,urban,1500000.0,-,,0\n"
        "H5,Bum Tở,Thành thị,,none,05-01-2023,Đúng\n",
        "Mã người,Mã hộ,Ngày sinh,Khoảng cách đến trường,Tỷ lệ thương tật,Bán trú\n"
        "P1,H1,01/01/2000,\"6,5\",41,yes\nP2,H2,2000-01-01,6.5,,no\nP3,H3,1/1/2000,7,0,true\n"
        "P4,H4,,,,FALSE\nP5,H5,01/01/2000,12,100,sai\n")
    reg = read(folder)
    assert reg.ok, reg.rejects.to_string()
    h, m = reg.households, reg.members
    assert h["income_per_capita"].tolist()[:4] == [1_500_000] * 4 and pd.isna(h["income_per_capita"].iloc[4])
    assert h["poverty_list_status"].tolist() == ["poor", "near_poor", "near_poor", "none", "none"]
    assert h["area_type"].tolist() == ["rural", "rural", "rural", "urban", "urban"]
    assert h["poverty_exit_date"].iloc[:3].tolist() == [pd.Timestamp("2023-01-05")] * 3
    assert h["poverty_exit_date"].iloc[4] == pd.Timestamp("2023-01-05")
    assert h["loan_poor"].tolist() == [True, True, False, False, True]
    assert m["school_distance_km"].tolist()[:3] == [6.5, 6.5, 7.0]
    assert m["boarding"].tolist() == [True, False, True, False, False]
    assert m["date_of_birth"].isna().tolist() == [False, False, False, True, False]  # a missing value is no reject
    assert m["injury_rate"].tolist()[4] == 100


def test_range_checks_on_declared_bounds(read, tmp_path):
    folder = _register(
        tmp_path, "household_id,commune\nH1,Bum Tở\n",
        "person_id,household_id,date_of_birth,injury_rate,martyr_count,school_distance_km\n"
        "P1,H1,01/01/1960,101,-1,-2\nP2,H1,01/01/1960,2.5,1,3\n")
    reg = read(folder)
    assert problems_at(reg, "members.csv", 2, "injury_rate")["code"].tolist() == ["R-RANGE"]
    assert "at most 100" in problems_at(reg, "members.csv", 2, "injury_rate")["reason"].iloc[0]
    assert problems_at(reg, "members.csv", 2, "martyr_count")["code"].tolist() == ["R-NEGATIVE"]
    assert problems_at(reg, "members.csv", 2, "school_distance_km")["code"].tolist() == ["R-NEGATIVE"]
    assert problems_at(reg, "members.csv", 3, "injury_rate")["reason"].iloc[0] == \
        "expected a whole number, got '2.5'"
    assert_accounting(reg)


def test_a_column_that_only_resembles_an_input_stops_the_run(read, tmp_path):
    folder = _register(
        tmp_path, "household_id,commune,poverty_status,Ghi chú,Thu nhap binh quan dau nguoi thang\n"
                  "H1,Bum Tở,poor,,1500000\n",
        "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\n")
    with pytest.raises(DataError, match=r"households.csv 'poverty_status' → poverty_list_status \(Phân loại.*\)\?.*"
                                        r"--accept-suggested.*--columns"):
        read(folder)
    reg = read(folder, options=ReadOptions(accept_suggested=True))
    assert reg.ok
    # accents, case and spaces do not matter in headers
    assert reg.households["income_per_capita"].tolist() == [1_500_000]
    assert reg.headers["households"]["income_per_capita"] == "Thu nhap binh quan dau nguoi thang"
    rows = reg.mapping.set_index("source_header")
    assert rows.loc["poverty_status", "input"] == "poverty_list_status"
    assert rows.loc["poverty_status", "how"].startswith("similar name")
    assert rows.loc["Thu nhap binh quan dau nguoi thang", "how"] == "accents, case or spacing ignored"
    assert (rows.loc["Ghi chú", "input"], rows.loc["Ghi chú", "how"]) == ("", "not used")
    assert reg.households["poverty_list_status"].tolist() == ["poor"]


def test_a_columns_file_settles_the_guess(read, schema, tmp_path):
    folder = _register(tmp_path, "household_id,commune,poverty_status\nH1,Bum Tở,poor\n",
                       "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\n")
    (tmp_path / "columns.yaml").write_text("poverty_status: null\n", encoding="utf-8")
    columns = load_columns_file(tmp_path / "columns.yaml", schema)
    reg = read(folder, options=ReadOptions(columns=columns))
    assert reg.households["poverty_list_status"].isna().all()
    assert reg.mapping.set_index("source_header").loc["poverty_status", "how"] == "not used"
    (tmp_path / "columns.yaml").write_text("households:\n  poverty_status: poverty_list_status\n", encoding="utf-8")
    reg = read(folder, options=ReadOptions(columns=load_columns_file(tmp_path / "columns.yaml", schema)))
    assert reg.households["poverty_list_status"].tolist() == ["poor"]
    assert reg.mapping.set_index("source_header").loc["poverty_status", "how"] == "--columns file"
    (tmp_path / "columns.yaml").write_text("poverty_status: poverty_list_statu\n", encoding="utf-8")
    with pytest.raises(DataError, match="did you mean 'poverty_list_status'"):
        load_columns_file(tmp_path / "columns.yaml", schema)
    (tmp_path / "columns.yaml").write_text("poverty_status: [poverty\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"the --columns file is not valid YAML: .*columns.yaml:2"):
        load_columns_file(tmp_path / "columns.yaml", schema)


def test_a_column_given_twice_is_an_error(read, tmp_path):
    folder = _register(tmp_path, "household_id,Mã hộ,commune\nH1,H1,Bum Tở\n",
                       "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\n")
    with pytest.raises(DataError, match="both mean 'household_id'"):
        read(folder)


def test_no_register_in_the_folder(read, tmp_path):
    (tmp_path / "households.csv").write_text("household_id,commune\nH1,X\n", encoding="utf-8")
    (tmp_path / "member.csv").write_text("person_id\n", encoding="utf-8")
    with pytest.raises(DataError, match="no members table in the folder.*did you mean 'member'"):
        read(tmp_path)


def test_blank_lines_keep_the_spreadsheet_row_numbers(read, tmp_path):
    folder = _register(tmp_path, "household_id,commune,income_per_capita\nH1,Bum Tở,1\n,,\nH2,Bum Tở,-1\n",
                       "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\nP2,H2,01/01/1990\n")
    reg = read(folder)
    assert problems_at(reg, "households.csv", 4, "income_per_capita")["code"].tolist() == ["R-NEGATIVE"]
    assert reg.accounting["households"] == {"read": 2, "accepted": 2, "rejected": 0}
    assert any("1 empty row(s) skipped" in w for w in reg.warnings)


def test_semicolon_separated_csv(read, tmp_path):
    folder = _register(tmp_path, "household_id;commune;income_per_capita\nH1;Bum Tở;1500000\n",
                       "person_id;household_id;date_of_birth\nP1;H1;01/01/1990\n")
    reg = read(folder)
    assert reg.ok and reg.households["income_per_capita"].tolist() == [1_500_000]


def test_not_utf8_is_a_data_error(read, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_bytes(b"household_id,commune\nH1,Bum T\xf4\n")  # Latin-1, not UTF-8
    (folder / "members.csv").write_text("person_id,household_id,date_of_birth\nP1,H1,01/01/1990\n")
    with pytest.raises(DataError, match="not UTF-8"):
        read(folder)


def test_a_row_with_too_many_cells_is_a_data_error(read, tmp_path):
    folder = _register(tmp_path, "household_id,commune\nH1,Bum Tở,extra\nH2,Pa Ủ\n",
                       "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\n")
    with pytest.raises(DataError, match="row 2 has 3 cells but the header has 2 columns"):
        read(folder)


def test_short_rows_leave_the_missing_cells_empty(read, tmp_path):
    folder = _register(tmp_path, "household_id,commune,income_per_capita\nH1,Bum Tở\nH2\n",
                       "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\nP2,H2\n")
    reg = read(folder)
    assert reg.households["commune"].tolist()[1] is pd.NA
    assert reg.households["income_per_capita"].isna().all()
    assert_accounting(reg)


def test_a_header_given_twice_is_an_error(read, tmp_path):
    folder = _register(tmp_path, "household_id,commune,commune\nH1,Bum Tở,Pa Ủ\n",
                       "person_id,household_id,date_of_birth\nP1,H1,01/01/1990\n")
    with pytest.raises(DataError, match="the header 'commune' appears twice"):
        read(folder)
