"""Hit policies: which of the rules that hold pays, and how much, for the rows where some rule holds.

`first` takes the first rule in precedence order (priority, then id); `max` the highest amount, ties
by precedence; `sum` adds every rule that holds and keeps which ones (a bit pattern). Sparse when few
rows are paid (sort just those), dense when most are (running reductions over full columns). Under
`max` and `sum` an amount that a rule still undecided could raise is a minimum (`undecided_raises`).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from ...rulebook.expressions import Node
from ...vocabulary import HitPolicy
from ..values import Rows, V
from .results import Bits, Floats, RuleOutcome, locate

Rules = npt.NDArray[np.int16]   # per paid row, the rule that pays (an index into the benefit's rules)
# the rows paid, the rule paying each, their amounts and rates (NaN: unknown, none), and under `sum`
# which rules paid
Resolved = tuple[Rows, Rules, Floats, Floats, Bits | None]


def resolve_sparse(policy: HitPolicy, rows: list[Rows], rules: list[int], amounts: list[Floats],
                   rates: list[Floats | None]) -> Resolved:
    """Hit policy over the paid rows only: sort by row, then (max) amount, then precedence."""
    rule_of = [np.full(len(r), i, dtype=np.int16) for r, i in zip(rows, rules)]
    rate_of = [np.full(len(r), np.nan) if t is None else t for r, t in zip(rows, rates)]
    amount_of = [np.broadcast_to(a, (len(r),)) for r, a in zip(rows, amounts)]
    row, rule, amount, rate = (np.concatenate(x) for x in (rows, rule_of, amount_of, rate_of))
    if policy == HitPolicy.MAX:   # highest amount first (an unknown amount ranks lowest), ties by precedence
        order = np.lexsort((rule, -np.where(np.isnan(amount), -1e300, amount), row))
    else:
        order = np.lexsort((rule, row))
    row, rule, amount, rate = row[order], rule[order], amount[order], rate[order]
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    paid_rows, paid_rule = row[starts], rule[starts]
    if policy == HitPolicy.SUM:   # every rule that holds pays; NaN (unknown) in any makes the total unknown
        return (paid_rows, paid_rule, np.add.reduceat(amount, starts), rate[starts],
                np.bitwise_or.reduceat(np.int64(1) << rule.astype(np.int64), starts))
    return paid_rows, paid_rule, amount[starts], rate[starts], None


def resolve_dense(policy: HitPolicy, rows: list[Rows], rules: list[int], amounts: list[Floats],
                  rates: list[Floats | None], n: int) -> Resolved:
    """Hit policy with running reductions over full columns (`n` rows), rule by rule in precedence
    order. Amounts are arrays aligned with the rows, or one figure (0-d) for all of them."""
    chosen = np.full(n, -1, dtype=np.int16)
    if policy == HitPolicy.MAX and all(a.ndim == 0 for a in amounts):
        # one figure per rule: the highest figure wins, ties by precedence, so taking the rules
        # in that order, the first that holds pays (an unknown amount ranks lowest)
        figures = [-1e300 if np.isnan(a) else float(a) for a in amounts]
        order = sorted(range(len(rows)), key=lambda j: (-figures[j], rules[j]))
        rows, rules = [rows[j] for j in order], [rules[j] for j in order]
        amounts, rates = [amounts[j] for j in order], [rates[j] for j in order]
        policy = HitPolicy.FIRST
    if policy == HitPolicy.MAX:
        amount, rate = np.full(n, np.nan), np.full(n, np.nan)
        _running_max(rows, rules, amounts, rates, chosen, amount, rate)
        return _paid(chosen, lambda paid, _: amount.take(paid), rate, None)
    # `first` (and which rule `sum` names): written from the last rule to the first, so that where
    # several hold the first one's writes are the ones left, one scatter per rule
    for r, i in reversed(list(zip(rows, rules))):
        chosen[r] = i
    first_rate = _first_rates(rows, rates, n)
    if policy == HitPolicy.SUM:   # every rule that holds pays; NaN (unknown) in any makes the total unknown
        total, pattern = np.zeros(n), np.zeros(n, dtype=np.int64)
        for r, i, a in zip(rows, rules, amounts):
            total[r] += a
            pattern[r] |= np.int64(1) << i
        return _paid(chosen, lambda paid, _: total.take(paid), first_rate, pattern)
    if all(a.ndim == 0 for a in amounts):
        # one figure per rule (as most are): the figure of the rule that pays, read by its index, with
        # no column of amounts the size of the register written rule by rule
        by_rule = np.full(max(rules) + 1, np.nan)
        by_rule[rules] = [float(a) for a in amounts]
        return _paid(chosen, lambda _, rule: by_rule.take(rule), first_rate, None)
    amount = np.full(n, np.nan)
    for r, a in reversed(list(zip(rows, amounts))):
        amount[r] = a
    return _paid(chosen, lambda paid, _: amount.take(paid), first_rate, None)


def _first_rates(rows: list[Rows], rates: list[Floats | None], n: int) -> Floats | None:
    """Under `first`, the rate of the rule that pays each row (None: no rule has a rate: only loans do)."""
    if all(t is None for t in rates):
        return None
    rate = np.full(n, np.nan)
    for r, t in reversed(list(zip(rows, rates))):
        rate[r] = np.nan if t is None else t
    return rate


def _paid(chosen: Rules, amount_at: Callable[[Rows, Rules], Floats], rate: Floats | None, pattern: Bits | None) -> Resolved:
    """The rows some rule pays (sorted), with the paying rule, amount (`amount_at(rows, rules)`), rate
    and (`sum`) pattern of each."""
    paid_rows: Rows = np.flatnonzero(chosen >= 0).astype(np.int32 if len(chosen) < 2**31 else np.int64)   # half the memory
    paid_rule: Rules = chosen.take(paid_rows)   # (int32 rows: `take`, twice numpy's indexing)
    paid_rate = np.full(len(paid_rows), np.nan) if rate is None else rate.take(paid_rows)
    return paid_rows, paid_rule, amount_at(paid_rows, paid_rule), paid_rate, None if pattern is None else pattern.take(paid_rows)


def _running_max(rows: list[Rows], rules: list[int], amounts: list[Floats], rates: list[Floats | None],
                 chosen: npt.NDArray[np.int16], amount: Floats, rate: Floats) -> None:
    """Hit policy `max` with amounts that differ by row: rule by rule in precedence order, a rule
    takes a row where its amount is strictly higher (on a tie the earlier rule keeps it)."""
    best = np.full(len(chosen), -np.inf)
    for r, i, a, t in zip(rows, rules, amounts, rates):
        a = np.broadcast_to(a, (len(r),))
        ranked = np.where(np.isnan(a), -1e300, a)     # an unknown amount ranks lowest
        pick = ranked > best[r]
        best[r[pick]] = ranked[pick]
        take = r[pick]
        chosen[take], amount[take] = i, a[pick]
        rate[take] = np.nan if t is None else t[pick]   # a rule without a rate leaves none of the one it beat


def undecided_raises(policy: HitPolicy, outcomes: list[RuleOutcome], paid_rows: Rows, paid_amount: Floats,
                     amount_at: Callable[[Node, Rows], V]) -> Bits | None:
    """Hit policies `max` and `sum`: where a rule still undecided could raise the amount paid, the
    amount is a minimum, never firm. Only rows paid a known amount, and only the undecided rules'
    amounts there, are computed (usually few), through `amount_at(node, rows)`."""
    if policy not in (HitPolicy.MAX, HitPolicy.SUM) or not len(paid_rows):
        return None
    pending = np.zeros(len(paid_rows), dtype=np.int64)
    position = _finder(paid_rows, sum(len(o.unknown_rows) for o in outcomes), outcomes[0].n)
    for i, o in enumerate(outcomes):
        if not len(o.unknown_rows):
            continue
        # the paid rows where this rule is undecided, found from its undecided rows (usually few),
        # without a pass over every paid row; both are sorted, so the positions are too
        at = position(o.unknown_rows)
        at = at[at >= 0]
        at = at[~np.isnan(paid_amount[at])]
        if not len(at):
            continue
        value = amount_at(o.rule.amount, paid_rows[at]).point().full(len(at))   # a range: unknown
        higher = paid_amount[at] if policy == HitPolicy.MAX else 0.0
        with np.errstate(invalid="ignore"):
            raises = ~value.k | (np.asarray(value.v, dtype=float) > higher)
        pending[at[raises]] |= np.int64(1) << i
    return pending if pending.any() else None


def _finder(paid_rows: Rows, asked: int, n: int) -> Callable[[Rows], npt.NDArray[np.int64]]:
    """Where rows sit in `paid_rows` (-1: not paid), for the undecided rows of every rule in turn (`asked`
    in all, of a table of `n` rows). Binary searches, unless both are many (health insurance pays nearly
    every person, and 16 of its rules are undecided somewhere: 160,000 searches into 960,000 paid rows
    took longer than one table of every row's position, built once and read at each rule's rows)."""
    if len(paid_rows) > n // 8 and asked * max(1, int(len(paid_rows)).bit_length()) > 2 * n:
        table = np.full(n + 1, -1, dtype=np.int64)
        table[paid_rows] = np.arange(len(paid_rows))
        return table.take
    return lambda rows: locate(paid_rows, rows, n)

