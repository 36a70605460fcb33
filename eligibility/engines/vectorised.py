"""The vectorised engine: a compiled plan evaluated over whole columns of a register.

Variables and benefits are computed once each, in dependency order. Persons see their
household's values through an index (`FromHousehold`); households aggregate their members
with `bincount`/`reduceat` over members sorted by household. No Python loop over rows.
"""
from __future__ import annotations

import datetime as dt
import functools
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from graphlib import TopologicalSorter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..rulebook.plan import CompiledBenefit, CompiledRule, Plan
from ..rulebook.functions import FUNCTIONS
from ..rulebook.expressions import (Aggregate, Arith, AsOf, BenefitRef, BoolOp, Call, Column, Compare, Const,
                                    FromHousehold, IfElse, In, Neg, Node, Not, Param, Var, walk)
from . import values as dv
from .memory import reuse_freed_buffers
from ..vocabulary import LATEST_SUFFIX, HitPolicy, Status
from .values import V, call_bounds, interval_arith, interval_compare, kleene_and, kleene_or, known_both

# statuses are kept as int8 codes in the columns (`Status.code`)
NOT_ELIGIBLE, ELIGIBLE, UNDETERMINED = Status.NOT_ELIGIBLE.code, Status.ELIGIBLE.code, Status.UNDETERMINED.code
PARALLEL_FROM = 50_000   # persons: below this, threads cost more than they save
THREADS = 3              # on 2 cores, a third thread fills the gaps while the others hold the GIL (measured)


class EnumIds:
    """Global integer ids for every enum code in the plan, so enums of different types compare."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.lock = threading.Lock()   # benefits may be evaluated on two threads

    def id(self, code: str) -> int:
        found = self.ids.get(code)
        if found is not None:
            return found
        with self.lock:
            return self.ids.setdefault(code, len(self.ids))

    def ids_for(self, codes) -> np.ndarray:
        return np.array([self.id(str(c)) for c in codes], dtype=np.int32)

    def codes(self) -> np.ndarray:
        out = np.empty(len(self.ids), dtype=object)
        for code, i in self.ids.items():
            out[i] = code
        return out


@dataclass
class Entity:
    """One table's columns, converted on first use."""

    frame: pd.DataFrame
    n: int
    cache: dict = field(default_factory=dict)


@dataclass
class RuleOutcome:
    """Where one rule holds: the rows where every condition is known true, and the rows where none
    is false but some are unknown (every other row is known not to satisfy it). Amount and rate are
    computed for the rows where it holds only, aligned with `true_rows`."""

    rule: CompiledRule
    n: int
    true_rows: np.ndarray
    unknown_rows: np.ndarray
    amount: V
    rate: V | None

    @functools.cached_property
    def holds(self) -> V:
        """The rule's three-valued outcome for every row (built on demand, for explanations)."""
        value, known = np.zeros(self.n, dtype=bool), np.ones(self.n, dtype=bool)
        value[self.true_rows] = True
        known[self.unknown_rows] = False
        return V(value, known)

    def true_at(self, rows: np.ndarray) -> np.ndarray:
        """Whether the rule holds at each of `rows` (without building a column for the register)."""
        return _among(self.true_rows, rows)

    def unknown_at(self, rows: np.ndarray) -> np.ndarray:
        """Whether the rule is undecided at each of `rows`."""
        return _among(self.unknown_rows, rows)

    def amount_at(self, rows: np.ndarray) -> V:
        """The amount at some of the rows where the rule holds."""
        return _aligned(self.amount, self.true_rows, rows)

    def rate_at(self, rows: np.ndarray) -> V | None:
        return None if self.rate is None else _aligned(self.rate, self.true_rows, rows)


@dataclass
class BenefitResult:
    """One benefit's decision for every row. Amounts are kept for the rows that are paid only
    (usually few): `amount_at(rows)` reads them, `amount` builds the full column on demand."""

    benefit: CompiledBenefit
    status: np.ndarray          # int8: `Status` codes
    rule_index: np.ndarray      # int16 into benefit.rules (-1: none)
    paid_rows: np.ndarray       # sorted rows where a rule holds
    paid_amount: np.ndarray     # aligned with paid_rows (NaN: unknown)
    paid_rate: np.ndarray       # aligned with paid_rows (NaN: none or unknown)
    outcomes: list[RuleOutcome]
    enrolled: V | None
    pattern: np.ndarray | None = None   # hit policy `sum`: bit i set when rule i pays (aligned with paid_rows)
    # hit policies `max` and `sum`: bit i set when rule i is undecided and could raise the amount paid
    # (its amount unknown, or above the amount paid under `max`, above zero under `sum`): the amount
    # is then a minimum (aligned with paid_rows; None: no such row)
    pending: np.ndarray | None = None

    def _positions(self, rows: np.ndarray) -> np.ndarray:
        """Where each of `rows` sits in `paid_rows` (-1: not paid)."""
        paid, n = self.paid_rows, len(self.status)
        if len(rows) > n // 8:     # many rows: one table over the register beats a binary search each
            table = np.full(n + 1, -1, dtype=np.int64)
            table[paid] = np.arange(len(paid))
            return table[rows]
        return _position_in(paid, rows)

    def _at(self, values: np.ndarray, rows: np.ndarray) -> V:
        out = np.append(values, np.nan)[self._positions(rows)]   # -1 reads the trailing NaN
        return V(out, ~np.isnan(out))

    def amount_at(self, rows: np.ndarray) -> V:
        return self._at(self.paid_amount, rows)

    def rate_at(self, rows: np.ndarray) -> V:
        if all(rule.rate is None for rule in self.benefit.rules):   # only loans have a rate
            return V(np.full(len(rows), np.nan), np.zeros(len(rows), dtype=bool))
        return self._at(self.paid_rate, rows)

    def pending_at(self, rows: np.ndarray) -> np.ndarray:
        """Per row, the bits of the undecided rules that could raise its amount (0: the amount is firm)."""
        if self.pending is None:
            return np.zeros(len(rows), dtype=np.int64)
        return np.append(self.pending, 0)[self._positions(rows)]

    def pattern_at(self, rows: np.ndarray) -> np.ndarray:
        assert self.pattern is not None, "a pattern is kept for hit policy `sum` only"
        return np.append(self.pattern, 0)[self._positions(rows)]

    @functools.cached_property
    def amount(self) -> V:
        return self.amount_at(np.arange(len(self.status)))

    @functools.cached_property
    def rate(self) -> V:
        return self.rate_at(np.arange(len(self.status)))


class Evaluation:
    """Everything the engine computed for one register at one as-of date."""

    def __init__(self, plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date):
        reuse_freed_buffers()
        self.plan, self.as_of = plan, as_of
        self.as_of_int = dv.date_int(as_of)
        households = households.reset_index(drop=True)
        hh_pos = household_positions(households["household_id"], members["household_id"])
        if (hh_pos < 0).any():
            raise ValueError("members refer to households that are not in the household table")
        if len(hh_pos) and (np.diff(hh_pos) < 0).any():   # registers usually list members by household already
            order = np.argsort(hh_pos, kind="stable")
            members, hh_pos = members.iloc[order], hh_pos[order]
        members = members.reset_index(drop=True)
        self.hh_index = hh_pos
        self.entities = {"household": Entity(households, len(households)), "person": Entity(members, len(members))}
        counts = np.bincount(self.hh_index, minlength=len(households))
        self.hh_size = counts
        self.hh_start = (np.cumsum(counts) - counts).astype(np.int64)
        self.enums = EnumIds()
        self.params = {name: p.at(as_of) for name, p in plan.parameters.items()}
        self.variables: dict[str, V] = {}
        self.benefits: dict[str, BenefitResult] = {}
        self._memo: dict[int, V] = {}
        self._param_tables: dict[str, tuple] = {}
        self._step_nodes, self._users = _node_users(plan)
        self._release_lock = threading.Lock()

    @property
    def households(self) -> pd.DataFrame:
        return self.entities["household"].frame

    @property
    def members(self) -> pd.DataFrame:
        return self.entities["person"].frame

    def n(self, entity: str) -> int:
        return self.entities[entity].n

    # ------------------------------------------------------------ run
    def run(self, progress=None, threads: int | None = None) -> Evaluation:
        """Every variable and benefit, dependencies first. numpy releases the GIL on whole-column
        work, so on a large register independent steps run on a few threads."""
        threads = threads or (THREADS if self.n("person") >= PARALLEL_FROM else 1)
        if threads == 1:
            for name in self.plan.order:
                self._step(name, progress)
        else:
            self._run_parallel(threads, progress)
        self._memo.clear()
        return self

    def _step(self, name: str, progress=None) -> None:
        if progress:
            progress(name)
        if name in self.plan.variables:
            var = self.plan.variables[name]
            self.variables[name] = self.eval(var.node, var.entity).full(self.n(var.entity))
        else:
            self.benefits[name] = self._benefit(self.plan.benefits[name])
        self._release(name)

    def _release(self, step: str) -> None:
        """Forget the results no later step reads: shared subexpressions are kept until their last
        reader is done, so the register's working set stays small (fresh memory is slow to touch)."""
        with self._release_lock:
            for key in self._step_nodes[step]:
                self._users[key] -= 1
                if not self._users[key]:
                    self._memo.pop(key, None)

    def _run_parallel(self, threads: int, progress) -> None:
        sorter = TopologicalSorter({name: self.plan.deps.get(name, ()) for name in self.plan.order})
        sorter.prepare()
        with ThreadPoolExecutor(threads) as pool:
            running: dict = {}
            while sorter.is_active():
                for name in sorter.get_ready():
                    running[pool.submit(self._step, name, progress)] = name
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()                     # an error in a step is raised here
                    sorter.done(running.pop(future))

    # ------------------------------------------------------------ columns
    def column(self, entity: str, name: str) -> V:
        ent = self.entities[entity]
        if name not in ent.cache:
            ent.cache[name] = self._convert(ent.frame, entity, name)
        return ent.cache[name]

    def _convert(self, frame: pd.DataFrame, entity: str, name: str) -> V:
        n = len(frame)
        spec = self.plan.inputs.table_for(entity).columns[name]
        if name not in frame.columns:
            return V(np.zeros(n, dtype=np.int32 if spec.type == "enum" else float), np.zeros(n, dtype=bool))
        col = frame[name]
        masked = getattr(col.array, "_mask", None)     # pandas' nullable arrays: use their buffers, no copy
        if masked is not None and spec.type in ("bool", "int", "number", "money"):
            data = col.array._data
            return V(data if spec.type == "bool" else np.asarray(data, dtype=float), ~masked)
        known = ~col.isna().to_numpy()
        if spec.type == "enum":
            cat = col if isinstance(col.dtype, pd.CategoricalDtype) else col.astype(
                pd.CategoricalDtype(list(spec.values or ())))
            lookup = np.append(self.enums.ids_for(cat.cat.categories), -1).astype(np.int32)   # code -1 → id -1
            codes = cat.cat.codes.to_numpy()
            return V(lookup[codes], codes >= 0)
        if spec.type == "bool":
            return V(col.to_numpy(dtype=bool, na_value=False), known)
        if spec.type == "date":
            earliest = dv.yyyymmdd(pd.to_datetime(col).to_numpy(dtype="datetime64[D]"))
            if name + LATEST_SUFFIX not in frame.columns:
                return V(earliest, known)
            latest = dv.yyyymmdd(pd.to_datetime(frame[name + LATEST_SUFFIX]).to_numpy(dtype="datetime64[D]"))
            return V(earliest, known, np.where(latest > 0, latest, earliest))   # NaT (0): an exact date
        if spec.type == "text":   # interned: one id per distinct text (communes, villages), -1 when missing
            codes, uniques = pd.factorize(col, use_na_sentinel=True)
            lookup = self.enums.ids_for(uniques) if len(uniques) else np.zeros(1, dtype=np.int32)
            return V(np.where(codes >= 0, lookup[np.maximum(codes, 0)], -1).astype(np.int32), codes >= 0)
        return V(col.to_numpy(dtype=float, na_value=np.nan), known)

    # ------------------------------------------------------------ expressions
    def eval(self, node: Node, entity: str) -> V:
        """`node` for every row of `entity` (computed once, then remembered for the run)."""
        key = id(node)
        if key not in self._memo:
            self._memo[key] = self._compute(node, entity, None)
        return self._memo[key]

    def at(self, node: Node, entity: str, rows: np.ndarray) -> V:
        """`node` at some rows only: a rule's later conditions are computed only where its earlier
        ones left the question open, which is usually a small part of the register."""
        if node.type.kind == "list":
            return self.eval(node, entity)
        hit = self._memo.get(id(node))
        return _gather(hit, rows) if hit is not None else self._compute(node, entity, rows)

    def conditions_at(self, rule: CompiledRule, entity: str, rows: np.ndarray) -> list[V]:
        """Each condition of `rule` at `rows` (for explanations of a few rows)."""
        return [self.at(c.node, entity, rows).full(len(rows)) for c in rule.conditions]

    def _compute(self, node: Node, entity: str, rows: np.ndarray | None) -> V:
        name = type(node).__name__
        if name in ("Const", "AsOf", "Param", "Column", "Var", "BenefitRef", "FromHousehold", "Aggregate"):
            return getattr(self, "_" + name)(node, entity, rows)
        if rows is None:
            return getattr(self, "_" + name)(node, lambda child: self.eval(child, entity))
        return getattr(self, "_" + name)(node, lambda child: self.at(child, entity, rows))

    def _Const(self, node: Const, entity: str, rows) -> V:
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

    def _AsOf(self, node: AsOf, entity: str, rows) -> V:
        return V.scalar(self.as_of_int)

    def _Param(self, node: Param, entity: str, rows) -> V:
        value = self.params[node.name]
        if value is None:                     # no value in force on the as-of date: unknown, never 0
            return V(np.asarray([], dtype=object), np.asarray(False)) if node.type.kind == "list" \
                else V.scalar(0.0, known=False)
        if node.type.kind == "list":
            return V(np.asarray(value.value, dtype=object), np.asarray(True))
        return V.scalar(float(value.value))  # type: ignore[arg-type]  # a number: the checker typed it

    def _ParamAt(self, node, get) -> V:
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

    def _param_table(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A parameter's dated values as sorted arrays: start, end (yyyymmdd, inclusive) and value."""
        if name not in self._param_tables:
            self._param_tables[name] = self._dated(self.plan.parameters[name])
        return self._param_tables[name]

    @staticmethod
    def _dated(param) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        items = sorted(param.spec.values, key=lambda v: v.from_)
        starts = np.array([dv.date_int(v.from_) for v in items], dtype=np.int64)
        ends = np.array([dv.date_int(v.to) if v.to else (starts[i + 1] - 1 if i + 1 < len(items) else 99991231)
                         for i, v in enumerate(items)], dtype=np.int64)
        # a value the run may not use (graded D without --use-unverified, or no figure) is in force nowhere
        usable = np.array([param.usable(v) for v in items], dtype=bool)
        ends = np.where(usable, ends, starts - 1) if len(items) else ends
        if not len(items):
            return np.zeros(1, np.int64), np.zeros(1, np.int64), np.zeros(1)
        return starts, ends, np.array([float(v.value) if param.usable(v) else 0.0 for v in items])

    def _Column(self, node: Column, entity: str, rows) -> V:
        return _gather(self.column(node.entity, node.name), rows)

    def _Var(self, node: Var, entity: str, rows) -> V:
        return _gather(self.variables[node.name], rows)

    def _BenefitRef(self, node: BenefitRef, entity: str, rows) -> V:
        result = self.benefits[node.benefit]
        if node.what == "amount":
            return _gather(result.amount, rows)
        return _gather(V(result.status == ELIGIBLE, result.status != UNDETERMINED), rows)

    def _FromHousehold(self, node: FromHousehold, entity: str, rows) -> V:
        if rows is not None:
            return self.at(node.inner, "household", self.hh_index[rows])
        inner = self.eval(node.inner, "household")
        if inner.v.ndim == 0:
            return inner
        return V(inner.v[self.hh_index], inner.k[self.hh_index] if inner.k.ndim else inner.k,
                 None if inner.hi is None else inner.hi[self.hh_index])

    def _Aggregate(self, node: Aggregate, entity: str, rows) -> V:
        if rows is not None:                  # over all members once, then read at the rows
            return _gather(self.eval(node, entity), rows)
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

    def _reduce(self, node: Aggregate, known: np.ndarray, values: np.ndarray) -> np.ndarray:
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

    def _count(self, flags: np.ndarray) -> np.ndarray:
        """Per household, how many of its members have the flag: differences of one running count
        (members are sorted by household; twice as fast as a segmented sum)."""
        running = np.zeros(self.n("person") + 1, dtype=np.int32)
        np.cumsum(np.broadcast_to(flags, (self.n("person"),)), dtype=np.int32, out=running[1:])
        return running[self.hh_start + self.hh_size] - running[self.hh_start]

    def _Compare(self, node: Compare, get) -> V:
        left, right = get(node.left), get(node.right)
        op = node.op
        if left.hi is not None or right.hi is not None:
            return interval_compare(op, left, right)
        with np.errstate(invalid="ignore"):
            if op == "==":
                value = left.v == right.v
            elif op == "!=":
                value = left.v != right.v
            elif op == "<":
                value = left.v < right.v
            elif op == "<=":
                value = left.v <= right.v
            elif op == ">":
                value = left.v > right.v
            else:
                value = left.v >= right.v
        return V(np.asarray(value, dtype=bool), known_both(left.k, right.k))

    def _BoolOp(self, node: BoolOp, get) -> V:
        items = [get(i) for i in node.items]
        return kleene_and(items) if node.op == "and" else kleene_or(items)

    def _Not(self, node: Not, get) -> V:
        inner = get(node.inner)
        return V(~np.asarray(inner.v, dtype=bool), inner.k)

    def _Arith(self, node: Arith, get) -> V:
        left, right = get(node.left), get(node.right)
        if left.hi is not None or right.hi is not None:
            return interval_arith(node.op, left, right)
        a, b = np.asarray(left.v, dtype=float), np.asarray(right.v, dtype=float)
        known = known_both(left.k, right.k)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if node.op == "+":
                value = a + b
            elif node.op == "-":
                value = a - b
            elif node.op == "*":
                value = a * b
            else:
                known = known & (b != 0)       # division by zero is unknown, not infinity
                value = a / b if node.op == "/" else np.floor_divide(a, b) if node.op == "//" else np.mod(a, b)
        return V(value, known & np.isfinite(value))   # an overflow (inf, NaN) is unknown, never a number

    def _Neg(self, node: Neg, get) -> V:
        inner = get(node.inner)
        return V(-np.asarray(inner.upper, dtype=float), inner.k,
                 None if inner.hi is None else -np.asarray(inner.v, dtype=float))

    def _In(self, node: In, get) -> V:
        item, options = get(node.item), get(node.options)
        choices = options.v
        if node.item.type.kind in ("enum", "text"):   # interned ids are small: one lookup table, no sort
            value = _member_of(item.v, self.enums.ids_for(choices))
        else:
            value = np.isin(item.v, choices.astype(float) if node.item.type.kind == "number" else choices)
        if node.negate:
            value = ~value
        known = known_both(item.k, options.k)
        return V(value, known if item.hi is None else known & ~item.ranged)   # an interval: unknown

    def _IfElse(self, node: IfElse, get) -> V:
        cond, then, other = (get(x) for x in (node.cond, node.then, node.other))
        pick = np.asarray(cond.v, dtype=bool)
        value = np.where(pick, then.v, other.v)
        branches = then.k if then.k is other.k or then.k.ndim == other.k.ndim == 0 and bool(then.k) == bool(other.k) \
            else np.where(pick, then.k, other.k)
        hi = None if then.hi is None and other.hi is None else np.where(pick, then.upper, other.upper)
        return V(value, known_both(cond.k, branches), hi)

    def _Call(self, node: Call, get) -> V:
        """A registered function (`rulebook/functions.py`) over whole columns."""
        spec = FUNCTIONS[node.func]
        args = [get(a) for a in node.args]
        if any(a.hi is not None for a in args):   # a partial date: the function's bounds over it
            return call_bounds(spec.vector, spec.monotone, args, pairs=not spec.strict)
        if not spec.strict:                    # it reads knownness itself
            return V(*spec.vector(*((a.v, a.k) for a in args)))
        known = functools.reduce(known_both, [a.k for a in args])
        with np.errstate(over="ignore", invalid="ignore"):
            value = np.asarray(spec.vector(*(a.v for a in args)))
        if value.dtype.kind == "f":                # an overflow (inf, NaN) is unknown, never a number
            known = known & np.isfinite(value)
        return V(value, known)

    # ------------------------------------------------------------ benefits
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
        chosen = np.full(n, -1, dtype=np.int16)
        if sum(len(r) for r in rows) > n // 8:   # most rows paid (e.g. HI): one pass over full columns
            paid_rows, paid_amount, paid_rate, pattern = self._resolve_dense(policy, rows, rules, amounts, rates,
                                                                            chosen)
        elif rows:                               # few rows paid: sort just those
            paid_rows, paid_amount, paid_rate, pattern = self._resolve_sparse(policy, rows, rules, amounts, rates,
                                                                             chosen)
        else:
            paid_rows = np.zeros(0, dtype=np.int64)
            paid_amount = paid_rate = np.zeros(0)
            pattern = np.zeros(0, dtype=np.int64) if policy == HitPolicy.SUM else None
        if all(rule.rate is None for rule in benefit.rules):   # only loans have a rate: keep none
            paid_rate = np.zeros(0)
        status = np.full(n, NOT_ELIGIBLE, dtype=np.int8)
        status[any_unknown] = UNDETERMINED
        status[paid_rows] = ELIGIBLE
        if not benefit.encodes(self.as_of):    # no rule is in force: the pack does not know the law then
            status[:] = UNDETERMINED
        enrolled = self.eval(benefit.enrolled, entity).full(n) if benefit.enrolled is not None else None
        pending = self._pending(policy, outcomes, entity, paid_rows, paid_amount)
        return BenefitResult(benefit, status, chosen, paid_rows, paid_amount, paid_rate, outcomes, enrolled, pattern,
                             pending)

    def _pending(self, policy, outcomes: list[RuleOutcome], entity: str, paid_rows: np.ndarray,
                 paid_amount: np.ndarray) -> np.ndarray | None:
        """Hit policies `max` and `sum`: where a rule still undecided could raise the amount paid, the
        amount is a minimum, never firm. Only rows paid a known amount, and only the undecided rules'
        amounts there, are computed (usually few)."""
        if policy not in (HitPolicy.MAX, HitPolicy.SUM) or not len(paid_rows):
            return None
        pending = np.zeros(len(paid_rows), dtype=np.int64)
        for i, o in enumerate(outcomes):
            if not len(o.unknown_rows):
                continue
            at = np.flatnonzero(_among(o.unknown_rows, paid_rows) & ~np.isnan(paid_amount))
            if not len(at):
                continue
            value = self.at(o.rule.amount, entity, paid_rows[at]).point().full(len(at))   # a range: unknown
            higher = paid_amount[at] if policy == HitPolicy.MAX else 0.0
            with np.errstate(invalid="ignore"):
                raises = ~value.k | (np.asarray(value.v, dtype=float) > higher)
            pending[at[raises]] |= np.int64(1) << i
        return pending if pending.any() else None

    def _narrowest_first(self, conditions: list, n: int) -> list:
        """All conditions must hold, so their order is free: start from the one already computed
        (shared with other rules) that leaves the fewest rows open; explanations keep the written order."""
        known = [c for c in conditions if id(c.node) in self._memo]
        if not known:
            return conditions
        first = min(known, key=lambda c: self._memo[id(c.node)].full(n).open_count)
        return [first] + [c for c in conditions if c is not first]

    @staticmethod
    def _resolve_sparse(policy, rows, rules, amounts, rates, chosen):
        """Hit policy over the paid rows only: sort by row, then (max) amount, then precedence."""
        rules = [np.full(len(r), i, dtype=np.int16) for r, i in zip(rows, rules)]
        rates = [np.full(len(r), np.nan) if t is None else t for r, t in zip(rows, rates)]
        amounts = [np.broadcast_to(a, (len(r),)) for r, a in zip(rows, amounts)]
        row, rule, amount, rate = (np.concatenate(x) for x in (rows, rules, amounts, rates))
        if policy == HitPolicy.MAX:   # highest amount first (an unknown amount ranks lowest), ties by precedence
            order = np.lexsort((rule, -np.where(np.isnan(amount), -1e300, amount), row))
        else:
            order = np.lexsort((rule, row))
        row, rule, amount, rate = row[order], rule[order], amount[order], rate[order]
        starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
        paid_rows = row[starts]
        chosen[paid_rows] = rule[starts]
        if policy == HitPolicy.SUM:   # every rule that holds pays; NaN (unknown) in any makes the total unknown
            return (paid_rows, np.add.reduceat(amount, starts), rate[starts],
                    np.bitwise_or.reduceat(np.int64(1) << rule.astype(np.int64), starts))
        return paid_rows, amount[starts], rate[starts], None

    @staticmethod
    def _resolve_dense(policy, rows, rules, amounts, rates, chosen):
        """Hit policy with running reductions over full columns, rule by rule in precedence order.
        Amounts are arrays aligned with the rows, or one figure (0-d) for all of them."""
        n = len(chosen)
        if policy == HitPolicy.MAX and all(a.ndim == 0 for a in amounts):
            # one figure per rule: the highest figure wins, ties by precedence, so taking the rules
            # in that order, the first that holds pays (an unknown amount ranks lowest)
            ranked = [-1e300 if np.isnan(a) else float(a) for a in amounts]
            order = sorted(range(len(rows)), key=lambda j: (-ranked[j], rules[j]))
            rows, rules, amounts, rates = ([x[j] for j in order] for x in (rows, rules, amounts, rates))
            policy = HitPolicy.FIRST
        amount, rate = np.full(n, np.nan), np.full(n, np.nan)
        best = np.full(n, -np.inf) if policy == HitPolicy.MAX else None
        pattern = np.zeros(n, dtype=np.int64) if policy == HitPolicy.SUM else None
        total = np.zeros(n) if policy == HitPolicy.SUM else None
        for r, i, a, t in zip(rows, rules, amounts, rates):
            a = np.broadcast_to(a, (len(r),))
            if policy == HitPolicy.MAX:   # strictly better only: on a tie the earlier rule keeps it
                ranked = np.where(np.isnan(a), -1e300, a)
                pick = ranked > best[r]
                best[r[pick]] = ranked[pick]
            else:
                pick = chosen[r] < 0
            take = r[pick]
            chosen[take], amount[take] = i, a[pick]
            if t is not None:
                rate[take] = t[pick]
            if policy == HitPolicy.SUM:
                total[r] += a       # NaN (unknown) stays NaN
                pattern[r] |= np.int64(1) << i
        paid_rows = np.flatnonzero(chosen >= 0)
        if policy == HitPolicy.SUM:
            return paid_rows, total[paid_rows], rate[paid_rows], pattern[paid_rows]
        return paid_rows, amount[paid_rows], rate[paid_rows], None

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
            keep = ~value.false
            rows, unknown = rows[keep], unknown[keep] | ~value.k[keep]
        true_rows, unknown_rows = rows[~unknown], rows[unknown]
        # often one figure for all: kept as a 0-d value; an amount known only as a range is unknown
        amount = self.at(rule.amount, entity, true_rows).point()
        rate = None if rule.rate is None else self.at(rule.rate, entity, true_rows).point()
        return RuleOutcome(rule, n, true_rows, unknown_rows, V(np.asarray(amount.v, dtype=float), amount.k), rate)

    def _open_rows(self, conditions: list, entity: str, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The dense phase of `_rule`: conditions computed for everyone, combined as masks while more
        than a quarter of the rows stay open. Returns the open rows, whether each is still unknown,
        and leaves in `conditions` only those still to apply (at the rows)."""
        if not conditions:
            return np.arange(n, dtype=np.int32), np.zeros(n, dtype=bool)
        first = self.eval(conditions.pop(0).node, entity).full(n)
        open_, unknown = first.open, ~first.k
        while conditions and np.count_nonzero(open_) > n // 4:
            value = self.eval(conditions.pop(0).node, entity).full(n)
            open_ = open_ & value.open
            unknown = unknown | ~value.k
        rows = np.flatnonzero(open_).astype(np.int32)   # half the memory, as fast to index with
        return rows, unknown[rows]


def _position_in(sorted_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Where each of `rows` sits in `sorted_rows` (-1: absent), by binary search."""
    if not len(sorted_rows):
        return np.full(len(rows), -1)
    at = np.minimum(np.searchsorted(sorted_rows, rows), len(sorted_rows) - 1)
    return np.where(sorted_rows[at] == rows, at, -1)


def _among(sorted_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Whether each of `rows` is in `sorted_rows`."""
    return _position_in(sorted_rows, rows) >= 0


def _member_of(ids: np.ndarray, choices: np.ndarray) -> np.ndarray:
    """`ids in choices` for interned ids (-1 = missing, never a member) through a lookup table."""
    if ids.ndim == 0:
        return np.isin(ids, choices)
    table = np.zeros(max(int(choices.max(initial=-1)), int(ids.max(initial=-1))) + 2, dtype=bool)
    table[choices + 1] = True
    return table[ids + 1]


def _node_users(plan: Plan) -> tuple[dict[str, list[int]], dict[int, int]]:
    """For each step, the nodes its expressions contain; for each node, how many steps contain it."""
    steps: dict[str, list[int]] = {}
    for name in plan.order:
        if name in plan.variables:
            roots: list[Node | None] = [plan.variables[name].node]
        else:
            benefit = plan.benefits[name]
            roots = [benefit.enrolled] + [n for r in benefit.rules for n in [r.amount, r.rate]
                                          + [c.node for c in r.conditions]]
        steps[name] = list({id(n) for root in roots if root is not None for n in walk(root)})
    users: dict[int, int] = {}
    for keys in steps.values():
        for key in keys:
            users[key] = users.get(key, 0) + 1
    return steps, users


def household_positions(household_ids: pd.Series, member_household_ids: pd.Series) -> np.ndarray:
    """Each member's household row (-1 when absent), by Arrow's hash lookup (3x pandas' indexer)."""
    found = pc.index_in(pa.array(member_household_ids.astype("string").array),
                        value_set=pa.array(household_ids.astype("string").array))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _gather(value: V, rows: np.ndarray | None) -> V:
    """`value` at `rows` (all rows when None); a scalar stands for every row."""
    if rows is None or value.v.ndim == 0 and value.k.ndim == 0:
        return value
    full = value.full(len(value.v) if value.v.ndim else len(value.k))
    return full.at(rows)


def _aligned(value: V, true_rows: np.ndarray, rows: np.ndarray) -> V:
    """A value computed at `true_rows` (sorted), read at `rows` (a subset of them)."""
    at = np.searchsorted(true_rows, rows)
    return value.full(len(true_rows)).at(at)


def evaluate(plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date,
             progress=None) -> Evaluation:
    """Evaluate every variable and benefit of `plan` over a checked register."""
    return Evaluation(plan, households, members, as_of).run(progress)
