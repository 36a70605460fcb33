"""A benefit decided for every row: each rule narrowed condition by condition, then the hit policy.

Rules are in precedence order. A rule's conditions are combined as whole-column masks while most
rows are open, then computed only at the rows still open. The statuses, the paying rule and its
amount follow; under hit policies `max` and `sum` an amount that an undecided rule could still raise
is marked as a minimum.
"""
from __future__ import annotations

import numpy as np

from ...rulebook.expressions import Node
from ...rulebook.plan import CompiledBenefit, CompiledCondition, CompiledRule
from ...vocabulary import HitPolicy
from ..values import Mask, Rows, V
from .core import EvaluationCore
from .hitpolicy import resolve_dense, resolve_sparse, undecided_raises
from .results import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, BenefitResult, RuleOutcome


class Decide(EvaluationCore):
    """The benefits' decisions."""

    def _benefit(self, benefit: CompiledBenefit) -> BenefitResult:
        """Status, the rule that pays and its amount, by the benefit's hit policy.

        Rules are in precedence order (priority, then id). Only the rows where some rule holds
        are sorted out: by row, then (hit policy `max`) the highest amount, then precedence."""
        n, entity, policy = self.n(benefit.entity), benefit.entity, benefit.hit_policy
        outcomes = [self._rule(rule, entity, n) for rule in benefit.rules]
        any_unknown = np.zeros(n, dtype=bool)
        rows, rules, amounts, rates = [], [], [], []
        for i, o in enumerate(outcomes):
            any_unknown[o.unknown_rows] = True
            if len(o.true_rows):
                count = len(o.true_rows)
                rows.append(o.true_rows)
                rules.append(i)
                amounts.append(np.where(o.amount.k, o.amount.v, np.nan) if o.amount.v.ndim == 0 == o.amount.k.ndim
                               else np.where(np.broadcast_to(o.amount.k, (count,)), o.amount.v, np.nan))
                rates.append(None if o.rate is None else
                             np.where(np.broadcast_to(o.rate.k, (count,)), o.rate.v, np.nan))
        if sum(len(r) for r in rows) > n // 8:   # most rows paid (e.g. HI): one pass over full columns
            resolved = resolve_dense(policy, rows, rules, amounts, rates, n)
        elif rows:                               # few rows paid: sort just those
            resolved = resolve_sparse(policy, rows, rules, amounts, rates)
        else:
            resolved = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int16), np.zeros(0), np.zeros(0),
                        np.zeros(0, dtype=np.int64) if policy == HitPolicy.SUM else None)
        paid_rows, paid_rule, paid_amount, paid_rate, pattern = resolved
        if all(rule.rate is None for rule in benefit.rules):   # only loans have a rate: keep none
            paid_rate = np.zeros(0)
        status = np.full(n, NOT_ELIGIBLE, dtype=np.int8)
        status[any_unknown] = UNDETERMINED
        status[paid_rows] = ELIGIBLE
        if not benefit.encodes(self.as_of):    # no rule is in force: the pack does not know the law then
            status[:] = UNDETERMINED
        enrolled = self.eval(benefit.enrolled, entity).full(n) if benefit.enrolled is not None else None
        pending = undecided_raises(policy, outcomes, paid_rows, paid_amount,
                                   lambda node, rows: self.at(node, entity, rows))
        return BenefitResult(benefit, status, paid_rows, paid_rule, paid_amount, paid_rate, outcomes, enrolled, pattern,
                             pending)

    def _narrowest_first(self, conditions: list[CompiledCondition], n: int) -> list[CompiledCondition]:
        """All conditions must hold, so their order is free: start from the one already computed
        (shared with other rules) that leaves the fewest rows open; explanations keep the written order."""
        known = [c for c in conditions if id(c.node) in self._memo]
        if not known:
            return conditions
        first = min(known, key=lambda c: self._open_count(c.node, self._memo[id(c.node)].full(n)))
        return [first] + [c for c in conditions if c is not first]

    def _open_count(self, node: Node, value: V) -> int:
        """How many rows `node` leaves open (`value`: its value for every row), counted once per node:
        rules sharing a condition ask for it again and again (`_narrowest_first`, `_open_rows`)."""
        count = self._open_counts.get(id(node))
        if count is None:
            count = self._open_counts[id(node)] = value.open_count
        return count

    def _rule(self, rule: CompiledRule, entity: str, n: int) -> RuleOutcome:
        """Narrow the rows condition by condition: conditions about the date alone first, then the
        per-row ones. While most rows are still open, conditions are computed for everyone (and
        shared with other rules) and combined as whole-column masks; once few rows are left, each
        later condition is computed only at those rows."""
        none = np.zeros(0, dtype=np.int64)
        if not rule.in_force(self.as_of):      # outside its validity window: known false for everyone
            return RuleOutcome(rule, n, none, none, V(np.zeros(0), np.zeros(0, dtype=bool)), None)
        scalar = [self.eval(c.node, entity) for c in rule.conditions if c.node.entity == "scalar"]
        if any(bool(v.false) for v in scalar):
            return RuleOutcome(rule, n, none, none, V(np.zeros(0), np.zeros(0, dtype=bool)), None)
        all_unknown = any(not bool(v.k) for v in scalar)
        per_row = self._narrowest_first([c for c in rule.conditions if c.node.entity != "scalar"], n)
        rows, unknown = self._open_rows(per_row, entity, n)
        if all_unknown:
            unknown = np.ones(len(rows), dtype=bool)
        for cond in per_row:
            if not len(rows):
                break
            value = self.at(cond.node, entity, rows).full(len(rows))
            keep = value.open                    # not known false
            rows, unknown = rows[keep], unknown[keep] | ~value.k[keep]
        true_rows, unknown_rows = rows[~unknown], rows[unknown]
        # often one figure for all: kept as a 0-d value; an amount known only as a range is unknown
        amount = self.at(rule.amount, entity, true_rows).point()
        rate = None if rule.rate is None else self.at(rule.rate, entity, true_rows).point()
        return RuleOutcome(rule, n, true_rows, unknown_rows, V(np.asarray(amount.v, dtype=float), amount.k), rate)

    def _open_rows(self, conditions: list[CompiledCondition], entity: str, n: int) -> tuple[Rows, Mask]:
        """The dense phase of `_rule`: conditions computed for everyone, combined as masks while more
        than a quarter of the rows stay open. Returns the open rows, whether each is still unknown,
        and leaves in `conditions` only those still to apply (at the rows).

        Where the first condition alone leaves a quarter of the rows or fewer, the phase ends with it:
        its open rows are then found once and kept for every other rule that starts from it (57
        conditions start the 132 rules in force on the full pack), until its last reader is done."""
        if not conditions:
            return np.arange(n, dtype=np.int32), np.zeros(n, dtype=bool)
        node = conditions.pop(0).node
        first = self.eval(node, entity).full(n)
        if self._open_count(node, first) <= n // 4:
            return self._narrowed_by(node, first)
        open_, unknown = first.open, ~first.k
        while conditions and np.count_nonzero(open_) > n // 4:
            value = self.eval(conditions.pop(0).node, entity).full(n)
            open_ = open_ & value.open
            unknown = unknown | ~value.k
        rows = np.flatnonzero(open_).astype(np.int32)   # half the memory; read through `take`, as fast
        return rows, unknown.take(rows)

    def _narrowed_by(self, node: Node, value: V) -> tuple[Rows, Mask]:
        """The rows `node` leaves open and whether it is unknown at each: read-only, as other rules read them."""
        found = self._narrowed.get(id(node))
        if found is None:
            rows = np.flatnonzero(value.open).astype(np.int32)
            unknown = ~value.k.take(rows)
            rows.flags.writeable = unknown.flags.writeable = False
            found = self._narrowed[id(node)] = (rows, unknown)
        return found
