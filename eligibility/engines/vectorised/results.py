"""What the engine keeps of each rule and benefit, and reading it back at some rows.

A benefit's amounts are kept for the paid rows only (usually few), a rule's outcome as the rows where
it holds and where it is undecided: explanations and the decisions table read them at the rows they
need through binary searches, without building a column the size of the register.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ...rulebook.plan import CompiledBenefit, CompiledRule
from ...vocabulary import Status
from ..values import Mask, Rows, V

Floats = npt.NDArray[np.float64]
Bits = npt.NDArray[np.int64]    # bit i: rule i (of a benefit's rules in precedence order)

# statuses are kept as int8 codes in the columns (`Status.code`)
NOT_ELIGIBLE, ELIGIBLE, UNDETERMINED = Status.NOT_ELIGIBLE.code, Status.ELIGIBLE.code, Status.UNDETERMINED.code


@dataclass
class RuleOutcome:
    """Where one rule holds: the rows where every condition is known true, and the rows where none
    is false but some are unknown (every other row is known not to satisfy it). Amount and rate are
    computed for the rows where it holds only, aligned with `true_rows`."""

    rule: CompiledRule
    n: int
    true_rows: Rows
    unknown_rows: Rows
    amount: V
    rate: V | None

    @functools.cached_property
    def holds(self) -> V:
        """The rule's three-valued outcome for every row (built on demand, for explanations)."""
        value, known = np.zeros(self.n, dtype=bool), np.ones(self.n, dtype=bool)
        value[self.true_rows] = True
        known[self.unknown_rows] = False
        return V(value, known)

    def true_at(self, rows: Rows) -> Mask:
        """Whether the rule holds at each of `rows` (without building a column for the register)."""
        return among(self.true_rows, rows, self.n)

    def unknown_at(self, rows: Rows) -> Mask:
        """Whether the rule is undecided at each of `rows`."""
        return among(self.unknown_rows, rows, self.n)

    def amount_at(self, rows: Rows) -> V:
        """The amount at some of the rows where the rule holds."""
        return aligned(self.amount, self.true_rows, rows)

    def rate_at(self, rows: Rows) -> V | None:
        return None if self.rate is None else aligned(self.rate, self.true_rows, rows)


@dataclass
class BenefitResult:
    """One benefit's decision for every row. The paying rule and the amounts are kept for the rows
    that are paid only (usually few): `amount_at(rows)` reads them, `amount` and `rule_index` build
    the full column on demand."""

    benefit: CompiledBenefit
    status: npt.NDArray[np.int8]   # int8: `Status` codes
    paid_rows: Rows             # sorted rows where a rule holds
    paid_rule: npt.NDArray[np.int16]   # aligned with paid_rows: the rule that pays (into benefit.rules)
    paid_amount: Floats         # aligned with paid_rows (NaN: unknown)
    paid_rate: Floats           # aligned with paid_rows (NaN: none or unknown)
    outcomes: list[RuleOutcome]
    enrolled: V | None
    pattern: Bits | None = None   # hit policy `sum`: bit i set when rule i pays (aligned with paid_rows)
    # hit policies `max` and `sum`: bit i set when rule i is undecided and could raise the amount paid
    # (its amount unknown, or above the amount paid under `max`, above zero under `sum`): the amount
    # is then a minimum (aligned with paid_rows; None: no such row)
    pending: Bits | None = None

    @property
    def rule_index(self) -> npt.NDArray[np.int16]:
        """For every row, the rule that pays (into benefit.rules; -1: none). Built when read, not kept:
        a column per benefit the size of the register was a tenth of what the engine keeps."""
        index = np.full(len(self.status), -1, dtype=np.int16)
        index[self.paid_rows] = self.paid_rule
        return index

    def _positions(self, rows: Rows) -> npt.NDArray[np.int64]:
        """Where each of `rows` sits in `paid_rows` (-1: not paid)."""
        return locate(self.paid_rows, rows, len(self.status))

    def _at(self, values: Floats, rows: Rows) -> V:
        out = np.append(values, np.nan)[self._positions(rows)]   # -1 reads the trailing NaN
        return V(out, ~np.isnan(out))

    def amount_at(self, rows: Rows) -> V:
        return self._at(self.paid_amount, rows)

    def rate_at(self, rows: Rows) -> V:
        if all(rule.rate is None for rule in self.benefit.rules):   # only loans have a rate
            return V(np.full(len(rows), np.nan), np.zeros(len(rows), dtype=bool))
        return self._at(self.paid_rate, rows)

    def pending_at(self, rows: Rows) -> Bits:
        """Per row, the bits of the undecided rules that could raise its amount (0: the amount is firm)."""
        if self.pending is None:
            return np.zeros(len(rows), dtype=np.int64)
        bits: Bits = np.append(self.pending, 0)[self._positions(rows)]
        return bits

    def pattern_at(self, rows: Rows) -> Bits:
        assert self.pattern is not None, "a pattern is kept for hit policy `sum` only"
        bits: Bits = np.append(self.pattern, 0)[self._positions(rows)]
        return bits

    @functools.cached_property
    def amount(self) -> V:
        return self.amount_at(np.arange(len(self.status)))

    @functools.cached_property
    def rate(self) -> V:
        return self.rate_at(np.arange(len(self.status)))


def locate(sorted_rows: Rows, rows: Rows, n: int) -> npt.NDArray[np.int64]:
    """Where each of `rows` sits in `sorted_rows` (-1: absent), both rows of a table of `n` rows: for
    many rows, one table over the register beats a binary search each."""
    if len(rows) > n // 8:
        table = np.full(n + 1, -1, dtype=np.int64)
        table[sorted_rows] = np.arange(len(sorted_rows))
        at: npt.NDArray[np.int64] = table.take(rows)
        return at
    return position_in(sorted_rows, rows)


def position_in(sorted_rows: Rows, rows: Rows) -> npt.NDArray[np.int64]:
    """Where each of `rows` sits in `sorted_rows` (-1: absent), by binary search."""
    if not len(sorted_rows):
        return np.full(len(rows), -1)
    at = np.minimum(np.searchsorted(sorted_rows, rows), len(sorted_rows) - 1)
    return np.where(sorted_rows[at] == rows, at, -1)


def among(sorted_rows: Rows, rows: Rows, n: int | None = None) -> Mask:
    """Whether each of `rows` is in `sorted_rows`. Given `n`, the register's rows: for many rows, one
    mask over the register beats a binary search each (a random read per step of the search)."""
    if n is not None and len(rows) > n // 8:
        table = np.zeros(n, dtype=bool)
        table[sorted_rows] = True
        return table.take(rows)
    return position_in(sorted_rows, rows) >= 0


def gather(value: V, rows: Rows | None) -> V:
    """`value` at `rows` (all rows when None); a scalar stands for every row."""
    if rows is None or value.v.ndim == 0 and value.k.ndim == 0:
        return value
    full = value.full(len(value.v) if value.v.ndim else len(value.k))
    return full.at(rows)


def aligned(value: V, true_rows: Rows, rows: Rows) -> V:
    """A value computed at `true_rows` (sorted), read at `rows` (a subset of them)."""
    at = np.searchsorted(true_rows, rows)
    return value.full(len(true_rows)).at(at)

