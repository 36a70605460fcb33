"""The state of one evaluation and the memo every expression goes through.

`EvaluationCore` holds the register's tables, the parameters in force and what has been computed;
`eval` computes a node once for every row and remembers it until its last reader is done, `at`
computes it at some rows only. The node kinds themselves are computed by the rooms beside this one
(`reads.py`, `operators.py`), the benefits by `decide.py`; `Evaluation` (`evaluation.py`) puts them
together and runs the plan.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pandas as pd

from ...rulebook.expressions import Node
from ...rulebook.plan import CompiledRule, Plan
from .. import values as dv
from ..memory import reuse_freed_buffers
from ..values import Rows, V
from .columns import Entity, EnumIds, household_positions, read_column
from .results import BenefitResult, Floats, gather

Get = Callable[[Node], V]   # an operand's value at the rows being computed (every row, or some)
ParamTable = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Floats]   # starts, ends (yyyymmdd), values


class EvaluationCore:
    """One register at one as-of date: its tables, the parameters in force, what has been computed."""

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
        self._variables: dict[str, V] = {}
        self._benefits: dict[str, BenefitResult] = {}
        # `Evaluation.release`: the results forgotten, and whether reading them computes them again
        # (no longer once the register's input columns are gone: `release_inputs`)
        self.released, self.revivable = False, True
        self._memo: dict[int, V] = {}
        # of the conditions in the memo: how many rows each leaves open, and the rows themselves where
        # they are few (`Decide._open_rows`); forgotten with the memo's entry
        self._open_counts: dict[int, int] = {}
        self._narrowed: dict[int, tuple[Rows, npt.NDArray[np.bool_]]] = {}
        self._param_tables: dict[str, ParamTable] = {}

    @property
    def households(self) -> pd.DataFrame:
        return self.entities["household"].frame

    @property
    def members(self) -> pd.DataFrame:
        return self.entities["person"].frame

    @property
    def variables(self) -> dict[str, V]:
        """Each variable for every row of its entity (computed again when read after `release`)."""
        if self.released:
            self._revive()
        return self._variables

    @property
    def benefits(self) -> dict[str, BenefitResult]:
        """Each benefit's decision (computed again when read after `release`)."""
        if self.released:
            self._revive()
        return self._benefits

    def _revive(self) -> None:
        raise NotImplementedError   # `Evaluation` runs the plan again

    def n(self, entity: str) -> int:
        return self.entities[entity].n

    # ------------------------------------------------------------ columns
    def column(self, entity: str, name: str) -> V:
        ent = self.entities[entity]
        if name not in ent.cache:
            ent.cache[name] = self._convert(ent.frame, entity, name)
        return ent.cache[name]

    def _convert(self, frame: pd.DataFrame, entity: str, name: str) -> V:
        return read_column(frame, self.plan.inputs.table_for(entity).columns[name], name, self.enums)

    # ------------------------------------------------------------ expressions
    def eval(self, node: Node, entity: str) -> V:
        """`node` for every row of `entity` (computed once, then remembered for the run)."""
        key = id(node)
        if key not in self._memo:
            self._memo[key] = self._compute(node, entity, None)
        return self._memo[key]

    def at(self, node: Node, entity: str, rows: Rows) -> V:
        """`node` at some rows only: a rule's later conditions are computed only where its earlier
        ones left the question open, which is usually a small part of the register."""
        if node.type.kind == "list":
            return self.eval(node, entity)
        hit = self._memo.get(id(node))
        return gather(hit, rows) if hit is not None else self._compute(node, entity, rows)

    def conditions_at(self, rule: CompiledRule, entity: str, rows: Rows) -> list[V]:
        """Each condition of `rule` at `rows` (for explanations of a few rows)."""
        return [self.at(c.node, entity, rows).full(len(rows)) for c in rule.conditions]

    def _compute(self, node: Node, entity: str, rows: Rows | None) -> V:
        name = type(node).__name__
        compute: Callable[..., V] = getattr(self, "_" + name)   # the node kind's method (reads.py, operators.py)
        if name in ("Const", "AsOf", "Param", "Column", "Var", "BenefitRef", "FromHousehold", "Aggregate"):
            return compute(node, entity, rows)
        if rows is None:
            return compute(node, lambda child: self.eval(child, entity))
        return compute(node, lambda child: self.at(child, entity, rows))

