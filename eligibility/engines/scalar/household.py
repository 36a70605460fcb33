"""One household as the scalar evaluator sees it, and the register's rows as plain Python values.

`plain_columns` converts a table's declared columns the way the vectorised engine reads them (enums
outside the declared codes and NA are unknown, None); `records` turns them into one dict per row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ...rulebook.plan import Plan
from ...vocabulary import LATEST_SUFFIX, Status
from .spans import Value, span

ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.UNDETERMINED


# ---------------------------------------------------------------- one household
@dataclass
class Decided:
    """A benefit's outcome for one person or household, as far as expressions can see it."""

    status: Status
    amount: float | None = None


@dataclass
class HouseholdContext:
    """Everything the evaluator knows about one household: inputs, variables, decided benefits."""

    household: dict[str, Any]
    members: list[dict[str, Any]]
    hh_vars: dict[str, Any] = field(default_factory=dict)
    person_vars: list[dict[str, Any]] = field(default_factory=list)
    hh_benefits: dict[str, Decided] = field(default_factory=dict)
    person_benefits: list[dict[str, Decided]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.person_vars:
            self.person_vars = [{} for _ in self.members]
        if not self.person_benefits:
            self.person_benefits = [{} for _ in self.members]


def member(person: int | None) -> int:
    """The member whose value a person's node reads (the checker puts such nodes under a person only)."""
    if person is None:
        raise RuntimeError("a member's value was read for the household as a whole")
    return person


# ---------------------------------------------------------------- register rows as plain values
def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def plain_columns(plan: Plan, entity: str, frame: pd.DataFrame) -> dict[str, list[Value]]:
    """Each declared column of `frame` as a list of plain values (None where missing), converted the
    way the vectorised engine reads them: enums outside the declared codes and NA are unknown."""
    table = plan.inputs.table_for(entity)
    n = len(frame)
    out: dict[str, list[Value]] = {}
    for name, spec in table.columns.items():
        if name not in frame.columns:
            out[name] = [None] * n
            continue
        col = frame[name]
        if spec.type == "enum":
            # a Categorical keeps its own categories; anything else is read against the declared codes
            codes = None if isinstance(col.dtype, pd.CategoricalDtype) else set(spec.values or ())
            out[name] = [None if _missing(v) or (codes is not None and str(v) not in codes) else str(v)
                         for v in col.tolist()]
        elif spec.type == "bool":
            out[name] = [None if _missing(v) else bool(v) for v in col.tolist()]
        elif spec.type == "date":
            out[name] = _dates(col)
            if name + LATEST_SUFFIX in frame.columns:   # dates known to their year or month: spans
                out[name] = [d if d is None or last is None else span(d, last)
                             for d, last in zip(out[name], _dates(frame[name + LATEST_SUFFIX]))]
        elif spec.type == "text":
            out[name] = [None if _missing(v) else str(v) for v in col.tolist()]
        else:
            out[name] = [None if _missing(v) else float(v) for v in col.tolist()]
    return out


def _dates(col: pd.Series) -> list[int | None]:
    if not pd.api.types.is_datetime64_any_dtype(col.dtype):
        col = pd.to_datetime(col)
    return [None if _missing(v) else v.year * 10000 + v.month * 100 + v.day for v in col.tolist()]


def records(columns: dict[str, list[Value]], n: int) -> list[dict[str, Value]]:
    names = list(columns)
    lists = [columns[c] for c in names]
    return [dict(zip(names, row)) for row in zip(*lists)] if names else [{} for _ in range(n)]
