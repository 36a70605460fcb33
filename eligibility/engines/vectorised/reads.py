"""The leaves of an expression and the members' aggregates: what is read rather than computed.

Constants, the as-of date, parameters (in force on the as-of date, or on each row's date), input
columns, variables and benefits already decided, a household's values seen by its members, and
aggregates over a household's members (members are sorted by household: one run of rows each).
"""
from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ...rulebook.expressions import Aggregate, AsOf, BenefitRef, Column, Const, FromHousehold, Param, ParamAt, Var
from ...rulebook.plan import CompiledParameter
from .. import values as dv
from ..values import Mask, Rows, V
from .core import EvaluationCore, Get, ParamTable
from .results import ELIGIBLE, UNDETERMINED, Floats, gather


class Reads(EvaluationCore):
    """The node kinds that read the register, the pack or earlier results."""

    def _Const(self, node: Const, entity: str, rows: Rows | None) -> V:
        kind = node.type.kind
        if node.value is None:                # `amount: null`: a value the pack does not know
            return V.scalar(0.0, known=False)
        if kind in ("enum", "text"):          # strings are compared as interned ids
            return V.scalar(self.enums.id(node.value))
        if kind == "date":
            return V.scalar(dv.date_int(node.value))
        if kind == "list":
            return V(np.asarray(node.value, dtype=object), np.asarray(True))
        return V.scalar(node.value)

    def _AsOf(self, node: AsOf, entity: str, rows: Rows | None) -> V:
        return V.scalar(self.as_of_int)

    def _Param(self, node: Param, entity: str, rows: Rows | None) -> V:
        value = self.params[node.name]
        if value is None:                     # no value in force on the as-of date: unknown, never 0
            return V(np.asarray([], dtype=object), np.asarray(False)) if node.type.kind == "list" \
                else V.scalar(0.0, known=False)
        if node.type.kind == "list":
            return V(np.asarray(value.value, dtype=object), np.asarray(True))
        return V.scalar(float(value.value))  # type: ignore[arg-type]  # a number: the checker typed it

    def _ParamAt(self, node: ParamAt, get: Get) -> V:
        """The parameter's value in force on each row's date (unknown where no value is in force)."""
        at = get(node.at)
        starts, ends, values = self._param_table(node.name)
        day = np.asarray(at.v, dtype=np.int64)
        index = np.searchsorted(starts, day, side="right") - 1
        safe = np.maximum(index, 0)
        in_force = (index >= 0) & (day <= ends[safe])
        if at.hi is not None:   # a partial date: known where its whole interval falls in one value's period
            last = np.asarray(at.hi, dtype=np.int64)
            in_force &= (np.searchsorted(starts, last, side="right") - 1 == index) & (last <= ends[safe])
        return V(values[safe], at.k & in_force)

    def _param_table(self, name: str) -> ParamTable:
        """A parameter's dated values as sorted arrays: start, end (yyyymmdd, inclusive) and value."""
        if name not in self._param_tables:
            self._param_tables[name] = self._dated(self.plan.parameters[name])
        return self._param_tables[name]

    @staticmethod
    def _dated(param: CompiledParameter) -> ParamTable:
        items = sorted(param.spec.values, key=lambda v: v.from_)
        starts = np.array([dv.date_int(v.from_) for v in items], dtype=np.int64)
        ends = np.array([dv.date_int(v.to) if v.to else (starts[i + 1] - 1 if i + 1 < len(items) else 99991231)
                         for i, v in enumerate(items)], dtype=np.int64)
        # a value the run may not use (graded D without --use-unverified, or no figure) is in force nowhere
        usable = np.array([param.usable(v) for v in items], dtype=bool)
        ends = np.where(usable, ends, starts - 1) if len(items) else ends
        if not len(items):
            return np.zeros(1, np.int64), np.zeros(1, np.int64), np.zeros(1)
        return starts, ends, np.array([float(v.value) if param.usable(v) else 0.0   # type: ignore[arg-type]  # a number: the checker typed it
                                       for v in items])

    def _Column(self, node: Column, entity: str, rows: Rows | None) -> V:
        return gather(self.column(node.entity, node.name), rows)

    def _Var(self, node: Var, entity: str, rows: Rows | None) -> V:
        return gather(self.variables[node.name], rows)

    def _BenefitRef(self, node: BenefitRef, entity: str, rows: Rows | None) -> V:
        result = self.benefits[node.benefit]
        if node.what == "amount":
            return gather(result.amount, rows)
        return gather(V(result.status == ELIGIBLE, result.status != UNDETERMINED), rows)

    def _FromHousehold(self, node: FromHousehold, entity: str, rows: Rows | None) -> V:
        if rows is not None:
            return self.at(node.inner, "household", self.hh_index.take(rows))
        inner = self.eval(node.inner, "household")
        if inner.v.ndim == 0:
            return inner
        return V(inner.v[self.hh_index], inner.k[self.hh_index] if inner.k.ndim else inner.k,
                 None if inner.hi is None else inner.hi[self.hh_index])

    def _Aggregate(self, node: Aggregate, entity: str, rows: Rows | None) -> V:
        if rows is not None:                  # over all members once, then read at the rows
            return gather(self.eval(node, entity), rows)
        nh = self.n("household")
        if node.inner is None:
            return V(self.hh_size.astype(float), np.ones(nh, dtype=bool))
        inner = self.eval(node.inner, "person").full(self.n("person"))
        unknown = self._count(~inner.k) > 0
        if node.func in ("count", "any", "all"):
            trues = self._count(inner.true)
            if node.func == "count":
                return V(trues.astype(float), ~unknown)
            if node.func == "any":
                return V(trues > 0, (trues > 0) | ~unknown)
            falses = self._count(inner.false) > 0
            return V(~falses, falses | ~unknown)
        lo = self._reduce(node, inner.k, np.asarray(inner.v, dtype=float))
        hi = None if inner.hi is None else self._reduce(node, inner.k, np.asarray(inner.hi, dtype=float))
        known = ~unknown & np.isfinite(lo) if node.func == "sum" else ~unknown & (self.hh_size > 0)
        if hi is not None and node.func == "sum":
            known &= np.isfinite(hi)   # an overflowing total is unknown
        return V(lo, known, hi)   # sum, max and min are monotone: intervals give the bounds

    def _reduce(self, node: Aggregate, known: Mask, values: Floats) -> np.ndarray:
        """sum, max or min of each household's members' values."""
        nh = self.n("household")
        if node.func == "sum":
            with np.errstate(over="ignore", invalid="ignore"):
                return np.bincount(self.hh_index, weights=np.where(known, values, 0.0), minlength=nh)
        # max/min: a household's members are one run of rows; a household with no member has no value
        nonempty = self.hh_size > 0
        result = np.zeros(nh)
        if len(values):
            reducer = np.maximum if node.func == "max" else np.minimum
            result[nonempty] = reducer.reduceat(values, self.hh_start[nonempty])
        if node.type.kind == "date":
            result = result.astype(np.int64)
        return result

    def _count(self, flags: Mask) -> npt.NDArray[np.int32]:
        """Per household, how many of its members have the flag: where few have it (the unknowns,
        usually) their households counted; else differences of one running count (members are
        sorted by household; twice as fast as a segmented sum)."""
        if flags.ndim and np.count_nonzero(flags) < len(flags) // 8:
            few: npt.NDArray[np.int32] = np.bincount(self.hh_index[flags], minlength=self.n("household")).astype(np.int32)
            return few
        running = np.zeros(self.n("person") + 1, dtype=np.int32)
        np.cumsum(np.broadcast_to(flags, (self.n("person"),)), dtype=np.int32, out=running[1:])
        counts: npt.NDArray[np.int32] = running[self.hh_start + self.hh_size] - running[self.hh_start]
        return counts
