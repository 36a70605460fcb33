"""A scalar evaluator of the expression language: one household and its members at a time.

Written independently of the vectorised engine (no numpy, no shared helpers), so that the two can
be tested against each other. Values are plain Python values:

    number -> float          date -> int yyyymmdd        bool -> bool
    enum   -> its code (str) text -> str                 list -> tuple
    unknown -> None          (Kleene three-valued logic, written out by hand)
    a date known to its year or month (or a number computed from one) -> Span(lo, hi)

The durable engine uses it to compute formula variables, aggregates over members, cases tables,
expression values that are not plain attributes, amounts and rates, before or after it asserts
facts; the rules' conditions themselves are matched by durable_rules.
The rooms: `spans` (values known as a range, and the operators over them), `household` (one
household's context and the register's rows as plain values), `evaluator` (the expression language).
"""
from __future__ import annotations

from ...rulebook.functions import py_add_months as add_months
from ...rulebook.functions import py_add_years as add_years
from ...rulebook.functions import py_days_between as days_between
from ...rulebook.functions import py_months_between as months_between
from ...rulebook.functions import py_round_half_up as round_half_up
from ...rulebook.functions import py_years_between as years_between
from .evaluator import ScalarEvaluator
from .household import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, Decided, HouseholdContext, member, plain_columns, records
from .spans import Span, arith_spans, bounds, call_spans, compare, compare_spans, date_to_int, exact, span

__all__ = ["Span", "exact", "bounds", "span", "ScalarEvaluator", "HouseholdContext", "Decided", "plain_columns",
           "records", "member", "date_to_int", "ELIGIBLE", "NOT_ELIGIBLE", "UNDETERMINED", "compare", "compare_spans",
           "arith_spans", "call_spans", "years_between", "months_between", "days_between", "add_years",
           "add_months", "round_half_up"]
