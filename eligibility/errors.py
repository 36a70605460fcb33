"""Errors a user can act on: each names where (file:line or file/row/column), what, and what is allowed.

Rule-pack errors carry a stable code (see docs/errors.md and `RULE_ERROR_CODES`); the CLI turns
every `EligibilityError` into one readable message and exit code 1.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Stable codes for rule-pack errors. docs/errors.md lists the same codes (a test keeps them in step).
RULE_ERROR_CODES: dict[str, str] = {
    "E-YAML-SYNTAX": "the file is not valid YAML",
    "E-YAML-DUPLICATE-KEY": "a key appears twice in the same mapping",
    "E-YAML-ENCODING": "the file is not UTF-8 text",
    "E-YAML-DEPTH": "the data is nested deeper than the loader allows (64 levels)",
    "E-YAML-ALIAS": "aliases expand the data past the loader's limit (200,000 values), or refer to themselves",
    "E-SCHEMA": "a key or value does not fit the rule-pack schema (unknown key, wrong type, missing key)",
    "E-NAME-UNKNOWN": "an expression uses a name that is neither an input column nor a variable",
    "E-NAME-DUPLICATE": "a variable, benefit, rule or parameter is defined twice",
    "E-ENUM-VALUE": "an enum column is compared with a value it does not have",
    "E-TYPE": "an expression mixes types (a date compared with a number, arithmetic on text, ...)",
    "E-EXPR-SYNTAX": "an expression is not valid expression syntax",
    "E-EXPR-FORBIDDEN": "an expression uses a construct outside the whitelist (calls, attributes, lambdas, ...)",
    "E-PARAM-UNKNOWN": "param() names a parameter that does not exist",
    "E-PARAM-OVERLAP": "two dated values of one parameter overlap",
    "E-CYCLE": "variables or benefits depend on each other in a cycle",
    "E-ENTITY": "a person-level value is used where a household value is needed, or the reverse",
    "E-HIT-POLICY": "a rule lacks what its benefit's hit policy needs (e.g. priority for `first`)",
    "E-DATE-WINDOW": "a validity window ends before it starts",
    "E-RANGE": "a number is not finite or outside its plausible range (VND below 10^12, rates in [0, 1], ...)",
    "E-EXAMPLE": "an example refers to a benefit, variable, person or column that does not exist",
    "E-UNIT": "units do not fit: money compared with years, a sum of two units, an amount not in the benefit's "
              "unit, or a `unit:` the vocabulary does not know",
    "E-PRIORITY-TIE": "two rules of a `first` benefit have the same priority and overlapping windows",
    "E-MONEY": "a sum of money in a parameter is not a whole number of đồng (`100.000` is read as 100.0)",
}

# Warnings: printed by `validate` and `test`, never stop a run (documented in docs/errors.md too).
RULE_WARNING_CODES: dict[str, str] = {
    "W-UNIT-INFERRED": "parameters or columns declare no `unit:`; read from their type",
    "W-UNIT-PERIOD": "an amount is money of another period than its benefit's (a multiple of a monthly standard?)",
    "W-FIRST-SHADOWED": "a rule of a `first` benefit can never fire: a higher-priority rule with a subset of its "
                        "conditions always takes the case",
    "W-PARAM-GAP": "a parameter a rule reads has no value in force on some days of the rule's window",
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
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.code} at '{self.key}': {self.message}"
        if self.allowed:
            text += f" (allowed: {self.allowed})"
        if self.suggestion:
            text += f"; did you mean '{self.suggestion}'?"
        return text


@dataclass
class RuleErrors(EligibilityError):
    """All the problems found in a rule pack, reported at once."""

    issues: list[RuleIssue] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"{len(self.issues)} error(s) in the rule pack:"
        return "\n".join([head] + [f"  {i}" for i in self.issues])


@dataclass
class DataError(EligibilityError):
    """A register problem that stops the run (missing required column, unreadable file, --strict)."""

    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = ", ".join(
            p for p in (self.file, f"row {self.row}" if self.row else None,
                        f"column '{self.column}'" if self.column else None) if p
        )
        return f"{where}: {self.message}" if where else self.message
