"""The rows of one benefit that the decisions table keeps, and what the engine kept of them, read once.

The table keeps a few rows of most benefits (eligible, undetermined, leakage) but nearly every row of
a few (health insurance: 960,000 of 1 M persons). Each column here is read at the kept rows only, and
where each kept row sits among the paid rows is found once for the paying rule, the amount, the rate
and the pending bits (four lookups each building a table the size of the register were a fifth of
the table's time at 1 M persons).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engines.vectorised import NOT_ELIGIBLE, BenefitResult
from ..vocabulary import Enrolment
from ..vocabulary import coverage as coverage_codes


@dataclass
class Kept:
    """A benefit's kept rows (sorted), their coverage codes, and their positions in `paid_rows`."""

    rows: np.ndarray
    coverage: np.ndarray
    paid: np.ndarray     # per kept row, its position in result.paid_rows (-1: no rule pays there)

    def rule_index(self, result: BenefitResult) -> np.ndarray:
        """The rule that pays each kept row (into benefit.rules; -1: none)."""
        return _read(result.paid_rule, self.paid, -1).astype(np.int64)

    def amount(self, result: BenefitResult) -> np.ndarray:
        """The amount paid at each kept row (NaN: none or unknown)."""
        return _read(result.paid_amount, self.paid, np.nan)

    def rate(self, result: BenefitResult) -> np.ndarray:
        """The rate at each kept row (NaN: none or unknown); only loans have one."""
        if all(rule.rate is None for rule in result.benefit.rules):
            return np.full(len(self.rows), np.nan)
        return _read(result.paid_rate, self.paid, np.nan)

    def pending(self, result: BenefitResult) -> np.ndarray:
        """Bits of the undecided rules that could raise each kept row's amount (0: firm)."""
        if result.pending is None:
            return np.zeros(len(self.rows), dtype=np.int64)
        return _read(result.pending, self.paid, 0)

    def pattern(self, result: BenefitResult) -> np.ndarray:
        """Hit policy `sum`: bit i set where rule i pays."""
        assert result.pattern is not None, "a pattern is kept for hit policy `sum` only"
        return _read(result.pattern, self.paid, 0)


def kept(result: BenefitResult, include_all: bool | np.ndarray) -> Kept:
    """The rows the table keeps: not 'not eligible', or leakage (not eligible and enrolled), or every
    row (`include_all` True), or the rows a programme list names (a mask: they replace the flags'
    leakage). Enrolment is read at the kept rows only."""
    status, enrolled = result.status, result.enrolled
    if isinstance(include_all, np.ndarray):
        rows = np.flatnonzero((status != NOT_ELIGIBLE) | include_all)
    elif include_all:
        rows = np.arange(len(status))
    elif enrolled is None:
        rows = np.flatnonzero(status != NOT_ELIGIBLE)
    else:   # leakage is `not eligible` where enrolment is known true: every other status is kept anyway
        rows = np.flatnonzero((status != NOT_ELIGIBLE) | enrolled.true)
    return Kept(rows, coverage_codes(status[rows], _enrolment_at(result, rows)),
                paid_positions(result.paid_rows, rows, len(status)))


def _enrolment_at(result: BenefitResult, rows: np.ndarray) -> np.ndarray:
    """`Enrolment` codes at `rows` (as `vocabulary.enrolment_codes` gives them for the whole column)."""
    enrolled = result.enrolled
    if enrolled is None:
        return np.full(len(rows), Enrolment.NOT_DECLARED, dtype=np.int8)
    value = enrolled.at(rows)
    true = np.asarray(value.v, dtype=bool) & value.k
    false = ~np.asarray(value.v, dtype=bool) & value.k
    return np.where(true, np.int8(Enrolment.ENROLLED),
                    np.where(false, np.int8(Enrolment.NOT_ENROLLED), np.int8(Enrolment.UNKNOWN))).astype(np.int8)


def paid_positions(paid_rows: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """Per row of `rows` (sorted), its position in `paid_rows` (sorted), -1 where absent; `n`: the
    register's rows. Every paid row is kept (`kept`), so the paid rows are looked for among the kept ones."""
    out = np.full(len(rows), -1, dtype=np.int64)
    if not len(paid_rows) or not len(rows):
        return out
    if len(paid_rows) > n // 8:   # most rows paid (health insurance): one mask over the register beats a search each
        mask = np.zeros(n, dtype=bool)
        mask[paid_rows] = True
        paid = mask[rows]
        if np.count_nonzero(paid) == len(paid_rows):
            out[paid] = np.arange(len(paid_rows))
            return out
    at = np.minimum(np.searchsorted(rows, paid_rows), len(rows) - 1)
    present = rows[at] == paid_rows
    out[at[present]] = np.flatnonzero(present)
    return out


def _read(values: np.ndarray, positions: np.ndarray, absent) -> np.ndarray:
    """`values` at `positions`, `absent` where a position is -1."""
    return np.append(values, np.asarray(absent, dtype=values.dtype))[positions]
