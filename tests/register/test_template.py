"""`eligibility template`: a blank register workbook that reads back with every column matched
exactly, with drop-downs for lists and yes/no columns, date formats and a notes sheet."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from register_helpers import AS_OF

from eligibility.cli import main
from eligibility.register import read_register
from eligibility.register.template import LISTS_SHEET

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere


@pytest.fixture(scope="module", params=["vi", "en"])
def template(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "register.xlsx"
    result = CliRunner().invoke(main, ["template", "--out", str(path), "--lang", request.param])
    assert result.exit_code == 0, result.output
    return path, request.param


def test_the_template_reads_back_with_no_mapping_warnings(template, schema):
    path, _ = template
    reg = read_register(path, schema, AS_OF)
    assert reg.warnings == []
    assert set(reg.mapping["how"]) == {"exact header"}
    read = schema.as_read()   # the columns computed from merit records are not the template's
    assert len(reg.mapping) == len(read.households.columns) + len(read.members.columns)
    assert reg.accounting["households"]["read"] == 0


def test_drop_downs_date_formats_and_notes(template, schema):
    path, lang = template
    book = load_workbook(path)
    households = book["Hộ gia đình" if lang == "vi" else "households"]
    heads = [c.value for c in households[1]]
    rules = {str(rule.sqref): rule for rule in households.data_validations.dataValidation}
    district = heads.index("Huyện/thành phố (trước 1/7/2025)" if lang == "vi" else "district") + 1
    letter = households.cell(row=1, column=district).column_letter
    rule = rules[f"{letter}2:{letter}1001"]
    assert rule.type == "list" and rule.formula1.startswith(f"={LISTS_SHEET}!")
    values = [c.value for c in book[LISTS_SHEET][rule.formula1.split("!")[1].split(":")[0].replace("$", "")[0]] if c.value]
    assert ("Sìn Hồ" in values) and book[LISTS_SHEET].sheet_state == "hidden"
    members = book["Thành viên" if lang == "vi" else "members"]
    birth = [c.value for c in members[1]].index("Ngày sinh" if lang == "vi" else "date_of_birth") + 1
    assert members.column_dimensions[members.cell(row=1, column=birth).column_letter].number_format == "DD/MM/YYYY"
    notes = book["Ghi chú" if lang == "vi" else "Notes"]
    rows = {r[2]: r for r in notes.iter_rows(min_row=2, values_only=True)}
    read = schema.as_read()
    assert set(rows) == set(read.households.columns) | set(read.members.columns)
    assert "merit_records_invalid_rate" in schema.members.columns and "merit_records_invalid_rate" not in rows
    assert rows["income_per_capita"][7]  # the benefits that read it are named
    assert rows["food_short_tet"][6] == ("không" if lang == "vi" else "no")
    # the unit in the reader's words (the rule files' code in English)
    unit = "[đồng/người/tháng]" if lang == "vi" else "[VND/person/month]"
    assert unit in rows["income_per_capita"][4], rows["income_per_capita"][4]
    comments = {c.value: c.comment.text for c in households[1] if c.comment}
    assert unit in comments["Thu nhập bình quân đầu người/tháng" if lang == "vi" else "income_per_capita"]


def test_a_filled_template_reads_without_cell_issues(template, schema, tmp_path):
    path, lang = template
    book = load_workbook(path)
    households = book["Hộ gia đình" if lang == "vi" else "households"]
    heads = {c.value: c.column for c in households[1]}
    vi = lang == "vi"
    for head, value in {("Mã hộ" if vi else "household_id"): "H1", ("Xã/phường" if vi else "commune"): "Pa Ủ",
                        ("Khu vực" if vi else "area_type"): "Nông thôn" if vi else "Rural",
                        ("Xã nghèo (từ 1/7/2025)" if vi else "poor_commune"): "có" if vi else "yes"}.items():
        households.cell(row=2, column=heads[head], value=value)
    members = book["Thành viên" if lang == "vi" else "members"]
    heads = {c.value: c.column for c in members[1]}
    for head, value in {("Mã người" if vi else "person_id"): "P1", ("Mã hộ" if vi else "household_id"): "H1",
                        ("Ngày sinh" if vi else "date_of_birth"): "12/04/1985",
                        ("Quan hệ với chủ hộ" if vi else "relation_to_head"): "Chủ hộ" if vi else "Head"}.items():
        members.cell(row=2, column=heads[head], value=value)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    reg = read_register(filled, schema, AS_OF)
    assert reg.cell_issues.empty and reg.rejects.empty, reg.cell_issues.to_string()
    assert reg.households["area_type"].tolist() == ["rural"] and reg.households["poor_commune"].tolist() == [True]
    assert reg.members["relation_to_head"].tolist() == ["head"]


def test_an_existing_file_is_not_replaced(tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"mine")
    result = CliRunner().invoke(main, ["template", "--out", str(path)])
    assert result.exit_code == 1 and "exists" in result.output and path.read_bytes() == b"mine"


def test_each_note_is_in_the_readers_language(template, schema):
    """A column's note (`note: {vi, en}`) reads in the template's language: the notes sheet and the
    header's comment show the Vietnamese note under vi, never the English one, and the reverse."""
    from eligibility.rulebook.base import Labels

    path, lang = template
    book = load_workbook(path)
    other = "en" if lang == "vi" else "vi"
    rows = {r[2]: r for r in book["Ghi chú" if lang == "vi" else "Notes"].iter_rows(min_row=2, values_only=True)}
    read = schema.as_read()
    noted = 0
    for table in (read.households, read.members):
        sheet = book["Hộ gia đình" if table.table == "households" and lang == "vi" else
                     "Thành viên" if lang == "vi" else table.table]
        comments = {c.value: c.comment.text for c in sheet[1] if c.comment}
        for name, column in table.columns.items():
            if column.note is None:
                continue
            assert isinstance(column.note, Labels), f"{table.table}.{name}: a note for officers in vi and en"
            head = column.label.vi if lang == "vi" else name
            for shown in (rows[name][4], comments[head]):
                assert column.note_in(lang) in shown and column.note_in(other) not in shown, (name, shown)
            noted += 1
    assert noted >= 9     # the columns officers fill that carry a note (the derived ones are not in the template)
