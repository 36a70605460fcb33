"""The scenario steps that describe a case (`Given`) and ask for a screening (`When`): values as
staff write them (dates, yes/no, codes, figures) turned into register cells, and the case they fill.

The phrases that call these are the table in `steps.py`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import say
from ..messages import language
from ..suggestions import fold, suggest
from ..wording.catalogue import N_
from .figures import parse_figure


NOT_A_NUMBER = N_("'{text}' is not a figure (write 1.000.000, 70% or 6,24%)")
TRUE_WORDS = {"co", "yes", "true", "x", "1", "dung"}
FALSE_WORDS = {"khong", "no", "false", "0", "-", "sai"}


class StepError(ValueError):
    """A step the runner cannot carry out (unknown column, benefit, value): the scenario's mistake."""


@dataclass
class Case:
    """One scenario's state. Several households may be described: the last one is the current one."""

    plan: Any
    households: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    as_of: dt.date | None = None
    result: object = None            # the screening's decisions: a DataFrame, or `batch.Decisions`
    use_unverified: bool = False     # every screening of the scenario uses values graded D
    unverified_once: bool = False    # the next screening only ("... with unverified figures")
    lists: list[dict] = field(default_factory=list)   # entries of the programmes' lists (programme_lists)
    merit: list[dict] = field(default_factory=list)   # meritorious records (merit_records)

    def unverified_now(self) -> bool:
        """Whether the screening being made uses values graded D (the one-off flag is used up)."""
        use, self.unverified_once = self.use_unverified or self.unverified_once, False
        return use

    def current(self) -> dict:
        if not self.households:
            raise StepError(say(N_("describe a household first (Given a household ... / Cho hộ ...)")))
        return self.households[-1]


# ---------------------------------------------------------------- values as staff write them
def parse_date(text: str) -> dt.date:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise StepError(say(N_("'{text}' is not a date (dd/mm/yyyy or yyyy-mm-dd)"), text=text))


_COLUMN_INDEX: dict = {}


def column_name(plan, table: str, name: str) -> str:
    """A column named by its code, its vi or en label or an alias (without case or accents)."""
    columns = getattr(plan.inputs, table).columns      # households, members, programme_lists
    key = (id(plan.inputs), table)
    if key not in _COLUMN_INDEX:
        index = {}
        for code, spec in reversed(list(columns.items())):   # the first declared wins, as before
            for spelling in (code, spec.label.vi, spec.label.en, *spec.aliases):
                index[fold(spelling)] = code
        _COLUMN_INDEX[key] = (plan.inputs, index)      # the schema kept alive so its id stays unique
    found = _COLUMN_INDEX[key][1].get(fold(name))
    if found is None:
        from .words import hint, table_name

        found = suggest(name, list(columns) if language() == "en" else [c.label.vi for c in columns.values()])
        raise StepError(say(N_("no {table} column '{name}'"), table=table_name(table), name=name) + hint(found))
    return found


def cell(plan, table: str, name: str, text: str):
    spec = getattr(plan.inputs, table).columns[name]
    text = str(text).strip()
    if text == "":
        return None
    if spec.type == "bool":
        if fold(text) not in TRUE_WORDS | FALSE_WORDS:
            raise StepError(say(N_("'{text}' is not a yes/no value of {name} (có/không, yes/no)"), text=text,
                                name=_column_word(spec, name)))
        return fold(text) in TRUE_WORDS
    if spec.type == "date":
        return parse_date(text)
    if spec.type in ("money", "int"):
        return int(_figure(text))
    if spec.type == "number":
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise StepError(say(NOT_A_NUMBER, text=text)) from None
    if spec.type == "enum":
        for code, value in (spec.values or {}).items():
            if fold(text) in {fold(code), fold(value.vi), fold(value.en), *map(fold, value.aliases)}:
                return code
        raise StepError(say(N_("'{text}' is not a value of {name} (allowed: {values})"), text=text,
                            name=_column_word(spec, name), values=_values(spec)))
    return text


def _figure(text: str):
    """A figure of a cell; a cell that is not one is the scenario's mistake, said as such."""
    try:
        return parse_figure(text)
    except ValueError:
        raise StepError(say(NOT_A_NUMBER, text=text)) from None


def _column_word(spec, name: str) -> str:
    """A column as the reader's table heads it: its code in English (as before), its label in Vietnamese."""
    return name if language() == "en" else spec.label.vi


def _values(spec) -> str:
    """The values an enum column allows, as the reader writes them."""
    return ", ".join(code if language() == "en" else value.vi for code, value in (spec.values or {}).items())


def fields(plan, table: str, rows) -> dict:
    return {column_name(plan, table, r[0]): cell(plan, table, column_name(plan, table, r[0]), r[1]) for r in rows}


# ---------------------------------------------------------------- Given
def add_household(case: Case, record: dict) -> None:
    if any(h["household_id"] == record["household_id"] for h in case.households):
        raise StepError(say(N_("household '{id}' is described twice"), id=record["household_id"]))
    case.households.append(record)


def add_member(case: Case, record: dict) -> None:
    if any(m["person_id"] == record["person_id"] for m in case.members):
        raise StepError(say(N_("member '{id}' is described twice (member ids must differ across households too)"),
                            id=record["person_id"]))
    case.members.append({"household_id": case.current()["household_id"], **record})


def given_date(case, table, day):
    case.as_of = parse_date(day)


def given_household(case, table, hid, commune):
    add_household(case, {"household_id": hid, "commune": commune})


def given_household_with(case, table, hid, commune):
    add_household(case, {"household_id": hid, "commune": commune, **fields(case.plan, "households", table)})


def given_household_like(case, table, hid, commune, other):
    """A household described as another one with some fields changed (its members are not copied)."""
    base = [h for h in case.households if h["household_id"] == other]
    if not base:
        raise StepError(say(N_("no household '{other}' described before '{id}'"), other=other, id=hid))
    add_household(case, {**base[0], "household_id": hid, "commune": commune,
                         **fields(case.plan, "households", table)})


def given_household_has(case, table):
    case.current().update(fields(case.plan, "households", table))


def given_member(case, table, pid, born):
    add_member(case, {"person_id": pid, "date_of_birth": parse_date(born)})


def given_member_with(case, table, pid, born):
    add_member(case, {"person_id": pid, "date_of_birth": parse_date(born), **fields(case.plan, "members", table)})


def given_members(case, table):
    header = [column_name(case.plan, "members", h) for h in table[0]]
    for row in table[1:]:
        add_member(case, {h: cell(case.plan, "members", h, v) for h, v in zip(header, row)})


def given_list(case, table):
    """Entries of a programme's list; a person is named by the scenario's person id, or by name, birth year
    and commune where the entry has no id."""
    header = [column_name(case.plan, "programme_lists", h) for h in table[0]]
    for row in table[1:]:
        case.lists.append({h: cell(case.plan, "programme_lists", h, v) for h, v in zip(header, row)})


def given_merit_records(case, table):
    """Meritorious records, any number per person (person named by the scenario's person id)."""
    header = [column_name(case.plan, "merit_records", h) for h in table[0]]
    for row in table[1:]:
        case.merit.append({h: cell(case.plan, "merit_records", h, v) for h, v in zip(header, row)})


# ---------------------------------------------------------------- When (the runner screens)
def when_screened(case, table):
    if case.as_of is None:
        raise StepError(say(N_("say the date first (Given the date is ... / Cho ngày xét là ...)")))


def when_screened_on(case, table, day):
    case.as_of = parse_date(day)


def given_use_unverified(case, table):
    case.use_unverified = True


def when_screened_on_unverified(case, table, day):
    case.as_of, case.unverified_once = parse_date(day), True
