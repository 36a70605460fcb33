"""The register's declared columns (`rules/inputs/*.yaml`): types, labels, header aliases, enum values."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from .base import Labels, Strict
from .validation import parse_model

ColumnType = Literal["text", "enum", "bool", "int", "number", "money", "date"]


class EnumValue(Strict):
    vi: str
    en: str
    aliases: list[str] = Field(default_factory=list)


class Column(Strict):
    type: ColumnType
    label: Labels
    required: bool = False
    unique: bool = False
    aliases: list[str] = Field(default_factory=list)
    values: dict[str, EnumValue] | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    # how an empty cell reads: unknown (the default: decisions needing it stay undetermined), no
    # (a tick-box column: only ticked rows are marked) or zero (a count or rate left blank when nil)
    blank: Literal["unknown", "no", "zero"] = "unknown"
    # a date that may lie after the as-of date (a payroll's end, a death recorded before a screening of an
    # earlier date); other dates after it are refused (R-DATE-FUTURE)
    after_as_of: bool = False
    # computed from an optional table when the register gives it (register/merit_inputs.py), never read
    # from the file: no header is matched for it and the template leaves it out
    derived_from: Literal["merit_records"] | None = None
    # what the officer filling the column should know: `{vi: ..., en: ...}`, or one string (English,
    # the older form, still read) shown as written in both languages
    note: Labels | str | None = None

    def note_in(self, lang: str) -> str | None:
        """The column's note in `lang` (a one-string note as written)."""
        if isinstance(self.note, Labels):
            return self.note.vi if lang == "vi" else self.note.en
        return self.note


class Parent(Strict):
    table: str
    key: str


# The two tables every register has, and the optional ones an audit reads beside them (declared in
# rules/inputs/ when the pack uses them; eligibility/register/lists.py reads them).
MAIN_TABLES = ("households", "members")
AUDIT_TABLES = ("merit_records", "programme_lists")


class Table(Strict):
    table: Literal["households", "members", "merit_records", "programme_lists"]
    entity: Literal["household", "person"]
    key: str
    label: Labels
    parent: Parent | None = None
    file_names: list[str] = Field(default_factory=list)
    sheet_names: list[str] = Field(default_factory=list)
    columns: dict[str, Column]

    def enum_codes(self, column: str) -> list[str]:
        values = self.columns[column].values or {}
        return list(values)


class InputSchema(Strict):
    households: Table
    members: Table
    merit_records: Table | None = None
    programme_lists: Table | None = None

    def table_for(self, entity: str) -> Table:
        return self.households if entity == "household" else self.members

    def as_read(self) -> InputSchema:
        """The tables as the register's files give them: the columns computed from another table
        (`derived_from`) left out; they are added after reading (register/merit_inputs.py)."""
        tables = {name: t.model_copy(update={"columns": {n: c for n, c in t.columns.items() if c.derived_from is None}})
                  for name in MAIN_TABLES + AUDIT_TABLES if (t := getattr(self, name)) is not None}
        return self.model_copy(update=tables)   # checked tables: validating them again would build every validator

    def audit_tables(self) -> dict[str, Table]:
        """The optional tables this pack declares (name -> table)."""
        return {name: t for name in AUDIT_TABLES if (t := getattr(self, name)) is not None}


def load_input_schema(rules_dir: str | Path) -> InputSchema:
    """Read `rules/inputs/households.yaml` and `members.yaml`, and the optional audit tables where the
    pack declares them (all errors at once, with file:line)."""
    folder = Path(rules_dir) / "inputs"
    names = MAIN_TABLES + tuple(n for n in AUDIT_TABLES if (folder / f"{n}.yaml").is_file())
    tables = {name: parse_model(Table, folder / f"{name}.yaml") for name in names}
    return InputSchema(**tables)
