"""Errors a user can act on: each names where (file:line or file/row/column), what, and what is allowed.

Rule-pack errors carry a stable code (see docs/errors.md and `RULE_ERROR_CODES`); the CLI turns
every `EligibilityError` into one readable message and exit code 1.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .messages import language
from .wording.catalogue import N_, translator

# Stable codes for rule-pack errors. docs/errors.md lists the same codes (a test keeps them in step).
RULE_ERROR_CODES: dict[str, str] = {
    "E-YAML-SYNTAX": N_("the file is not valid YAML"),
    "E-YAML-DUPLICATE-KEY": N_("a key appears twice in the same mapping"),
    "E-YAML-ENCODING": N_("the file is not UTF-8 text"),
    "E-YAML-DEPTH": N_("the data is nested deeper than the loader allows (64 levels)"),
    "E-YAML-ALIAS": N_("aliases expand the data past the loader's limit (200,000 values), or refer to themselves"),
    "E-SCHEMA": N_("a key or value does not fit the rule-pack schema (unknown key, wrong type, missing key)"),
    "E-NAME-UNKNOWN": N_("an expression uses a name that is neither an input column nor a variable"),
    "E-NAME-DUPLICATE": N_("a variable, benefit, rule or parameter is defined twice"),
    "E-ENUM-VALUE": N_("an enum column is compared with a value it does not have"),
    "E-TYPE": N_("an expression mixes types (a date compared with a number, arithmetic on text, ...)"),
    "E-EXPR-SYNTAX": N_("an expression is not valid expression syntax"),
    "E-EXPR-FORBIDDEN": N_("an expression uses a construct outside the whitelist (calls, attributes, lambdas, ...)"),
    "E-PARAM-UNKNOWN": N_("param() names a parameter that does not exist"),
    "E-PARAM-OVERLAP": N_("two dated values of one parameter overlap"),
    "E-CYCLE": N_("variables or benefits depend on each other in a cycle"),
    "E-ENTITY": N_("a person-level value is used where a household value is needed, or the reverse"),
    "E-HIT-POLICY": N_("a rule lacks what its benefit's hit policy needs (e.g. priority for `first`)"),
    "E-DATE-WINDOW": N_("a validity window ends before it starts"),
    "E-RANGE": N_("a number is not finite or outside its plausible range (VND below 10^12, rates in [0, 1], ...)"),
    "E-EXAMPLE": N_("an example refers to a benefit, variable, person or column that does not exist"),
    "E-UNIT": N_("units do not fit: money compared with years, a sum of two units, an amount not in the benefit's "
              "unit, or a `unit:` the vocabulary does not know"),
    "E-PRIORITY-TIE": N_("two rules of a `first` benefit have the same priority and overlapping windows"),
    "E-MONEY": N_("a sum of money in a parameter is not a whole number of đồng (`100.000` is read as 100.0)"),
}

# Warnings: printed by `validate` and `test`, never stop a run (documented in docs/errors.md too).
RULE_WARNING_CODES: dict[str, str] = {
    "W-UNIT-INFERRED": N_("parameters or columns declare no `unit:`; read from their type"),
    "W-UNIT-PERIOD": N_("an amount is money of another period than its benefit's (a multiple of a monthly standard?)"),
    "W-FIRST-SHADOWED": N_("a rule of a `first` benefit can never fire: a higher-priority rule with a subset of its "
                        "conditions always takes the case"),
    "W-PARAM-GAP": N_("a parameter a rule reads has no value in force on some days of the rule's window"),
    "W-WORDING": N_("a condition without a label whose expression cannot be worded as a sentence"),
}


class EligibilityError(Exception):
    """Base class: a data or rule problem the user can fix (CLI exit code 1)."""


@dataclass
class RuleIssue:
    """One problem in a rule file, located at file:line."""

    code: str
    file: str
    line: int | None
    key: str
    message: str
    allowed: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        """In the language the command line set (`messages.set_language`): the code stays, its meaning
        is said in Vietnamese before the detail, which quotes the rule file."""
        _ = translator(language())
        where = f"{self.file}:{self.line}" if self.line else self.file
        meaning = RULE_ERROR_CODES.get(self.code) or RULE_WARNING_CODES.get(self.code) or ""
        text = _(ISSUE).format(where=where, code=self.code, key=self.key, message=worded(self.message, language()),
                               meaning=_(meaning))
        if self.allowed:
            text += _(" (allowed: {allowed})").format(allowed=self.allowed)
        if self.suggestion:
            text += _("; did you mean '{suggestion}'?").format(suggestion=self.suggestion)
        return text


ISSUE = N_("{where}: {code} at '{key}': {message}")
IN_EXPRESSION = N_("{message} in `{source}`")   # an expression's problem, quoting the expression


class Phrase(str):
    """A detail of an error as English text (what it compares, logs and stores as) that remembers its
    catalogue template and fields, so that it is worded again in the reader's language when shown.
    A field may itself be a Phrase (`{message} in `{source}``)."""

    template: str
    fields: dict

    def __new__(cls, template: str, **fields) -> Phrase:
        text = super().__new__(cls, template.format(**fields))
        text.template, text.fields = template, fields
        return text

    def __reduce__(self):   # pickled with its template and fields (worker processes)
        return _phrase, (self.template, self.fields)

    def worded(self, lang: str) -> str:
        """The detail in `lang`: the template from the catalogue, a date field in the reader's
        convention (English keeps ISO dates, as rule files write them)."""
        return translator(lang)(self.template).format(**{k: worded(v, lang) for k, v in self.fields.items()})


def say(template: str, **fields) -> str:
    """`template` (a catalogue message id, marked with N_ or `_` where it is written) with `fields`, in
    the language the command line set: what reading a register tells the officer."""
    return translator(language())(template).format(**fields)


# The optional tables' words (the main tables' are their own names: `households`, `members`).
OPTIONAL_TABLES = {"programme_lists": N_("programme lists"), "merit_records": N_("merit records")}


def table_word(name: str) -> str:
    """A register table's name (`households`, `members`, the optional tables) in the language the
    command line set; English names an optional table by its code, as its file is named."""
    if name in ("households", "members"):
        return translator(language())(name)
    if name in OPTIONAL_TABLES and language() != "en":
        return translator(language())(OPTIONAL_TABLES[name])
    return name


def _phrase(template: str, fields: dict) -> Phrase:
    return Phrase(template, **fields)


def worded(text, lang: str):
    """`text` in `lang` when it is a Phrase or a date; anything else as it is."""
    if isinstance(text, Phrase):
        return text.worded(lang)
    if isinstance(text, dt.date) and lang != "en":
        from .wording.formats import format_date

        return format_date(text, lang)
    return text


@dataclass
class RuleErrors(EligibilityError):
    """All the problems found in a rule pack, reported at once."""

    issues: list[RuleIssue] = field(default_factory=list)

    def __str__(self) -> str:
        head = translator(language())(N_("{n} error(s) in the rule pack:")).format(n=len(self.issues))
        return "\n".join([head] + [f"  {i}" for i in self.issues])


@dataclass
class DataError(EligibilityError):
    """A register problem that stops the run (missing required column, unreadable file, --strict)."""

    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        _ = translator(language())
        where = ", ".join(
            p for p in (self.file, _(N_("row {row}")).format(row=self.row) if self.row else None,
                        _(N_("column '{column}'")).format(column=self.column) if self.column else None) if p
        )
        return f"{where}: {self.message}" if where else self.message
