"""Registers as communes keep them: sheets found by their header, title rows, a merged two-row
header, a column-number row, STT, a signature block; the mapping table says how each column was
matched, and a column matched only by similarity stops the run."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from commune import DEP_PARENT, commune_workbook, demo_frames
from register_helpers import AS_OF, assert_accounting

from eligibility.cli import main
from eligibility.errors import DataError
from eligibility.register.options import ReadOptions

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    return commune_workbook(tmp_path_factory.mktemp("commune") / "so_ho_2025.xlsx")


@pytest.fixture(scope="module")
def commune(workbook, schema):
    from eligibility.register import read_register

    return read_register(workbook, schema, AS_OF)


def _how(reg, header, table="households"):
    rows = reg.mapping[reg.mapping["table"] == table].set_index("source_header")
    return rows.loc[header, "input"], rows.loc[header, "how"]


def test_sheets_are_found_by_their_header(commune):
    assert set(commune.households["_file"]) == {"so_ho_2025.xlsx[DS hộ]"}
    assert set(commune.members["_file"]) == {"so_ho_2025.xlsx[DS nhân khẩu]"}
    assert any("'DS hộ' read as the households table (recognised by its header" in w for w in commune.warnings)


def test_every_household_and_member_is_read(commune):
    households, members = demo_frames()
    assert commune.accounting["households"] == {"read": len(households), "accepted": len(households), "rejected": 0}
    assert commune.accounting["members"]["read"] == len(members)
    assert_accounting(commune)
    assert commune.households["household_id"].tolist() == households["Mã hộ"].tolist()


def test_the_mapping_table_says_how_each_column_matched(commune):
    assert _how(commune, "STT") == ("", "row number (STT), not used")
    assert _how(commune, "Ho ten chu ho") == ("head_name", "accents, case or spacing ignored")
    assert _how(commune, "Thu nhập bình quân (đồng/người/tháng)") == ("income_per_capita", "unit in brackets ignored")
    assert _how(commune, f"{DEP_PARENT} / Việc làm") == ("dep_employment", "merged two-row header (parent / child)")
    assert _how(commune, "Mã hộ")[1] == "exact header"
    merged = commune.mapping[commune.mapping["how"].str.startswith("merged")]
    assert len(merged) == 12  # every deprivation column under the merged parent
    assert commune.households["income_per_capita"].iloc[0] == 1_500_000  # typed 1.500.000
    # every source column is mapped or listed as not used; no declared input is absent
    assert not (commune.mapping["how"] == "absent").any()
    assert (commune.mapping["how"] != "not used").all()


def test_title_rows_number_row_and_footer_are_skipped_and_said(commune):
    skipped = commune.skipped[commune.skipped["table"] == "households"]
    assert skipped["what"].tolist()[:4] == ["title row", "title row", "second header row (joined to the one above)",
                                            "column-number row"]
    footer = skipped[skipped["what"].str.startswith("signature")]
    assert footer["text"].str.contains("Người lập biểu").any() and footer["text"].str.contains("Lò Văn Minh").any()
    assert commune.rejects.empty, commune.rejects.to_string()


def test_a_csv_with_title_rows_and_a_footer(read, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text(
        "DANH SÁCH HỘ GIA ĐÌNH,,\n,,\nSTT,Mã hộ,Xã/phường\n(1),(2),(3)\n1,H1,Bum Tở\n2,H2,Bum Tở\n"
        ",Người lập biểu,\n,Lò Văn Minh,\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1990\nP2,H2,01/01/1950\n",
                                        encoding="utf-8")
    reg = read(folder)
    assert reg.households["household_id"].tolist() == ["H1", "H2"]
    assert reg.households["_row"].tolist() == [5, 6]
    assert reg.skipped["row"].tolist() == [1, 4, 7, 8]
    assert reg.rejects.empty


def test_a_column_the_reader_must_not_guess_stops_the_run(read, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text("Mã hộ,Xã/phường,Thu nhập\nH1,Bum Tở,1.500.000\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1990\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"'Thu nhập' → income_per_capita \(Thu nhập bình quân đầu người/tháng\)\?"
                                        r".*--accept-suggested"):
        read(folder)
    result = CliRunner().invoke(main, ["screen", str(folder), "--as-of", "2025-11-15", "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "--accept-suggested" in errors[0] and "Traceback" not in result.output
    reg = read(folder, options=ReadOptions(accept_suggested=True))
    assert _how(reg, "Thu nhập") == ("income_per_capita", "similar name, accepted with --accept-suggested")


def test_screen_prints_and_writes_the_mapping(workbook, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["screen", str(workbook), "--as-of", "2025-11-15", "--out", str(out),
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Thu nhập bình quân (đồng/người/tháng)" in result.output and "unit in brackets ignored" in result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {r["source_header"] for r in manifest["columns"]} >= {"STT", f"{DEP_PARENT} / Việc làm"}
    assert any(r["what"] == "column-number row" for r in manifest["skipped_rows"])
    assert (out / "columns.csv").exists()


def test_absent_inputs_name_the_benefits_they_leave_undetermined(tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text("Mã hộ,Xã/phường\nH1,Bum Tở\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1990\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["screen", str(folder), "--as-of", "2025-11-15", "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    income = next(r for r in manifest["columns"] if r["input"] == "income_per_capita")
    assert income["how"] == "absent" and "poverty" in income["note"]
    # the terminal names the absent inputs and points at the whole table, which says what each leaves undetermined
    absent = next(line for line in result.output.splitlines() if "không có trong tệp" in line)
    assert "Thu nhập bình quân đầu người/tháng" in absent and "income_per_capita" not in absent
    assert "columns.csv" in result.output
    # the whole table in Vietnamese words: no English column, note or reading, the input's label beside its code
    columns = pd.read_csv(out / "columns.csv", dtype=str, keep_default_na=False)
    assert not [h for h in columns.columns if "(en)" in h]
    income = columns[columns["Mã dữ liệu đầu vào"] == "income_per_capita"].iloc[0]
    assert income["Dữ liệu đầu vào"] == "Thu nhập bình quân đầu người/tháng" and income["Bảng"] == "hộ"
    assert income["Ghi chú"].startswith("chưa xác định được khi cần đến: ")
    assert "Danh sách hộ nghèo/cận nghèo" in income["Ghi chú"]
    english = ("blank = ", "leaves undetermined", "no benefit reads", "resembles", "exact header")
    cells = " | ".join(columns.astype(str).to_numpy().ravel())
    assert [w for w in english if w in cells] == []


def test_a_columns_file_on_the_command_line(tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text("Mã hộ,Xã/phường,Thu nhập\nH1,Bum Tở,1.500.000\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1990\n", encoding="utf-8")
    columns = tmp_path / "cot.yaml"
    columns.write_text("Thu nhập: income_per_capita\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["screen", str(folder), "--as-of", "2025-11-15", "--out", str(out),
                                       "--columns", str(columns), "--lang", "en"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    row = next(r for r in manifest["columns"] if r["source_header"] == "Thu nhập")
    assert (row["input"], row["how"]) == ("income_per_capita", "--columns file")
    columns.write_text("Thu nhập: income_per_capit\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["screen", str(folder), "--as-of", "2025-11-15", "--out", str(out),
                                       "--columns", str(columns), "--force"])
    assert result.exit_code == 1 and "did you mean 'income_per_capita'" in result.output
    assert "Traceback" not in result.output


def test_common_extra_columns_are_listed_as_not_used_without_stopping(read, tmp_path):
    extra = ["Số CCCD", "Số điện thoại", "Nghề nghiệp", "Ghi chú", "Địa chỉ", "Trình độ văn hóa", "Tôn giáo",
             "Nơi cấp", "Số sổ hộ khẩu", "Số nhân khẩu", "Chữ ký", "Tổng điểm"]
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text("Mã hộ,Xã/phường," + ",".join(extra) + "\nH1,Bum Tở" + "," * len(extra)
                                           + "\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1990\n", encoding="utf-8")
    reg = read(folder)
    rows = reg.mapping[reg.mapping["source_header"].isin(extra)]
    assert len(rows) == len(extra) and (rows["how"] == "not used").all() and (rows["input"] == "").all()


def test_a_header_that_fits_two_inputs_is_never_taken_on_a_guess(read, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text("Mã hộ,Xã/phường,Hộ nghèo\nH1,Bum Tở,x\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Ngày sinh\nP1,H1,01/01/1990\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"'Hộ nghèo' → loan_poor or poverty_list_status\?"):
        read(folder, options=ReadOptions(accept_suggested=True))


def test_a_year_of_birth_column_is_the_date_of_birth(read, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "households.csv").write_text("Mã hộ,Xã/phường\nH1,Bum Tở\n", encoding="utf-8")
    (folder / "members.csv").write_text("Mã người,Mã hộ,Năm sinh\nP1,H1,1944\n", encoding="utf-8")
    reg = read(folder)
    assert reg.mapping.set_index("source_header").loc["Năm sinh", "input"] == "date_of_birth"
    assert reg.members["date_of_birth"].dt.year.tolist() == [1944] and reg.rejects.empty


def test_explain_says_which_cells_of_the_household_were_unknown():
    from register_helpers import FIXTURES

    runner = CliRunner()
    args = ["explain", str(FIXTURES / "demo_bad_rows"), "DM90", "--as-of", "2025-11-15", "--lang", "en"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "note: households.csv row 5, column 'Thu nhập bình quân đầu người/tháng': expected an amount of 0 or " \
           "more, got '-200000' (treated as unknown)" in result.output
    data = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)
    assert [(i["row"], i["action"]) for i in data["cell_issues"]] == [(5, "treated as unknown")]
