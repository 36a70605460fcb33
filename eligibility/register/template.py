"""A blank register workbook a commune can fill in: one sheet per table with the declared columns
(Vietnamese headers by default), drop-down lists for enumerations and yes/no columns (a tick `x`
for tick-box columns), date cells formatted dd/mm/yyyy, and a notes sheet saying what each column
means, how a blank reads and which benefits use it. It reads back with every column matched
exactly (tests/register/test_template.py)."""
from __future__ import annotations

from pathlib import Path

from ..rulebook.inputs import Column, InputSchema, Table
from ..wording.catalogue import N_, translator
from ..wording.values import unit_words
from .mapping import BLANKS
from .writer import BOOL_WORDS, sheet_name

ROWS = 1000  # rows the drop-downs and date formats cover
LISTS_SHEET = "_danh_muc"  # hidden: the values of the drop-downs (a list formula is limited to 255 characters)
NOTES_SHEET = N_("Notes")
NOTES_HEAD = (N_("Table"), N_("Column"), N_("Input"), N_("Type"), N_("Meaning"), N_("Allowed values"),
              N_("A blank cell means"), N_("Benefits using it"))
TYPES = {"text": N_("text"), "enum": N_("list"), "bool": N_("yes/no"), "int": N_("whole number"), "number": N_("number"),
         "money": N_("amount (VND)"), "date": N_("date dd/mm/yyyy")}


def header(name: str, column: Column, lang: str) -> str:
    """The column's header in the template: its Vietnamese label, or its input name in English."""
    return column.label.vi if lang == "vi" else name


def choices(column: Column, lang: str) -> list[str]:
    """The drop-down values of a column ([] where free input)."""
    if column.type == "enum":
        return [getattr(v, lang) for v in (column.values or {}).values()]
    if column.type == "bool":
        return ["x"] if column.blank == "no" else [translator(lang)(word) for word in reversed(BOOL_WORDS)]
    return []


def write_template(path: str | Path, schema: InputSchema, lang: str = "vi", plan=None) -> Path:
    """Write the blank workbook to `path`. `plan` (the compiled pack), when given, names the
    benefits each column is read by. The columns computed from another table are left out."""
    schema = schema.as_read()
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_col = 0
    for table in (schema.households, schema.members):
        sheet = book.create_sheet(sheet_name(table, lang))
        for j, (name, column) in enumerate(table.columns.items(), start=1):
            letter = get_column_letter(j)
            cell = sheet.cell(row=1, column=j, value=header(name, column, lang))
            cell.font = Font(bold=True)
            note = column.note_in(lang)
            if note or column.unit:
                unit = column.unit and f"[{unit_words(column.unit, lang)}]"
                cell.comment = Comment(" ".join(p for p in (unit, note) if p), "eligibility")
            sheet.column_dimensions[letter].width = min(max(len(str(cell.value)), 10) + 2, 40)
            values = choices(column, lang)
            if values:
                list_col += 1
                source = get_column_letter(list_col)
                for i, value in enumerate(values, start=1):
                    lists.cell(row=i, column=list_col, value=value)
                rule = DataValidation(type="list", formula1=f"={LISTS_SHEET}!${source}$1:${source}${len(values)}",
                                      allow_blank=True, showErrorMessage=True)
                rule.add(f"{letter}2:{letter}{ROWS + 1}")
                sheet.add_data_validation(rule)
            if column.type == "date":
                sheet.column_dimensions[letter].number_format = "DD/MM/YYYY"
                rule = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
                rule.add(f"{letter}2:{letter}{ROWS + 1}")
                sheet.add_data_validation(rule)
        sheet.freeze_panes = "A2"
    _notes(book.create_sheet(translator(lang)(NOTES_SHEET)), schema, lang, plan)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))
    path = Path(path)
    book.save(path)
    return path


def _notes(sheet, schema: InputSchema, lang: str, plan) -> None:
    from openpyxl.styles import Alignment, Font

    _ = translator(lang)
    sheet.append([_(head) for head in NOTES_HEAD])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for table in (schema.households, schema.members):
        for name, column in table.columns.items():  # one row per declared column (a hundred)
            sheet.append(_note_row(table, name, column, lang, plan))
    for letter, width in zip("ABCDEFGH", (14, 40, 26, 16, 60, 40, 14, 50)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _note_row(table: Table, name: str, column: Column, lang: str, plan) -> tuple:
    meaning = column.label.vi if lang == "vi" else column.label.en
    if column.unit:
        meaning += f" [{unit_words(column.unit, lang)}]"
    if column.note:
        meaning += f" — {column.note_in(lang)}"
    _ = translator(lang)
    kind = _(TYPES[column.type])
    allowed = ", ".join(choices(column, lang)) or kind
    blank = _(BLANKS["no" if column.type == "bool" and column.blank == "no" else column.blank])
    return (table.label.vi if lang == "vi" else table.label.en, header(name, column, lang), name,
            kind, meaning, allowed, blank, ", ".join(_users(plan, table, name, lang)))


def _users(plan, table: Table, name: str, lang: str) -> list[str]:
    if plan is None:
        return []
    return sorted(getattr(b.label, lang) for b in plan.benefits.values() if (table.entity, name) in b.inputs)
