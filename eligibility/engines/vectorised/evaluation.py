"""The vectorised engine's entry point: a plan's variables and benefits, dependencies first.

numpy releases the GIL on whole-column work, so on a large register independent steps run on a few
threads; each step's results that no later step reads are forgotten as soon as it is done.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from graphlib import TopologicalSorter

import pandas as pd

from ...rulebook.expressions import Node, walk
from ...rulebook.plan import Plan
from ..memory import give_back
from .decide import Decide
from .operators import Operators
from .reads import Reads

PARALLEL_FROM = 50_000   # persons: below this, threads cost more than they save
THREADS = 3              # on 2 cores, a third thread fills the gaps while the others hold the GIL (measured)
Progress = Callable[[str], object]   # told the name of each variable or benefit as it starts


class Evaluation(Reads, Operators, Decide):
    """Everything the engine computed for one register at one as-of date."""

    def __init__(self, plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date):
        super().__init__(plan, households, members, as_of)
        self._step_nodes, users = node_users(plan)
        self._users = dict(users)   # counted down as steps finish: this run's own copy
        self._release_lock = threading.Lock()

    # ------------------------------------------------------------ run
    def run(self, progress: Progress | None = None, threads: int | None = None) -> Evaluation:
        """Every variable and benefit, dependencies first. numpy releases the GIL on whole-column
        work, so on a large register independent steps run on a few threads."""
        threads = threads or (THREADS if self.n("person") >= PARALLEL_FROM else 1)
        if threads == 1:
            for name in self.plan.order:
                self._step(name, progress)
        else:
            self._run_parallel(threads, progress)
        self._memo.clear()
        self._open_counts.clear()
        self._narrowed.clear()
        return self

    # ------------------------------------------------------------ release
    def release(self) -> None:
        """Forget every variable, benefit result and converted column: the caller has read all it needs
        (`screen`, once its decisions' pieces are made: at 1 M persons the full pack's ~400 MB, which
        then serve the decisions table and the writers instead of fresh memory). Read again, they are
        computed again, from the same frames (a questionnaire asked for after all, a library's caller)."""
        self._variables, self._benefits = {}, {}
        for entity in self.entities.values():
            entity.cache = {}
        self._users = dict(node_users(self.plan)[1])   # a second run counts its readers afresh
        self.released = True
        give_back()   # the freed pages lie in holes the table's columns do not fit (engines/memory.py)

    def release_inputs(self, keep: dict[str, tuple[str, ...]]) -> None:
        """After `release`: drop every column of the frames but `keep` ({entity: columns}); the results
        can no longer be computed again, and reading them is an error, not a run over missing columns."""
        assert self.released, "release the results first: they read the input columns"
        for name, entity in self.entities.items():
            entity.frame = entity.frame[[c for c in entity.frame.columns if c in keep[name]]]
        self.revivable = False

    def _revive(self) -> None:
        if not self.revivable:
            raise RuntimeError("this evaluation was released with its register's input columns: "
                               "screen without releasing to read its variables and benefits")
        self.released = False
        self.run()

    def _step(self, name: str, progress: Progress | None = None) -> None:
        if progress:
            progress(name)
        if name in self.plan.variables:
            var = self.plan.variables[name]
            self._variables[name] = self.eval(var.node, var.entity).full(self.n(var.entity))
        else:
            self._benefits[name] = self._benefit(self.plan.benefits[name])
        self._release(name)

    def _release(self, step: str) -> None:
        """Forget the results no later step reads: shared subexpressions are kept until their last
        reader is done, so the register's working set stays small (fresh memory is slow to touch)."""
        with self._release_lock:
            for key in self._step_nodes[step]:
                self._users[key] -= 1
                if not self._users[key]:
                    self._memo.pop(key, None)
                    self._open_counts.pop(key, None)
                    self._narrowed.pop(key, None)

    def _run_parallel(self, threads: int, progress: Progress | None) -> None:
        sorter = TopologicalSorter({name: self.plan.deps.get(name, ()) for name in self.plan.order})
        sorter.prepare()
        with ThreadPoolExecutor(threads) as pool:
            running: dict[Future[None], str] = {}
            while sorter.is_active():
                for name in sorter.get_ready():
                    running[pool.submit(self._step, name, progress)] = name
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()                     # an error in a step is raised here
                    sorter.done(running.pop(future))


NodeUsers = tuple[dict[str, list[int]], dict[int, int]]
# by the plan's variables and benefits (kept here, so their ids stay theirs): a plan's expressions
# never change (plan.py), and `eligibility test` evaluates one plan at ~140 dates, where walking
# every expression again was a tenth of each evaluation
_USERS: dict[tuple[int, int], tuple[object, object, NodeUsers]] = {}


def node_users(plan: Plan) -> NodeUsers:
    """`_node_users(plan)`, worked out once per plan (and shared by `with_unverified`'s copies)."""
    key = (id(plan.variables), id(plan.benefits))
    found = _USERS.get(key)
    if found is None:
        if len(_USERS) > 64:     # many packs compiled in one process (the tests): start afresh
            _USERS.clear()
        found = _USERS[key] = (plan.variables, plan.benefits, _node_users(plan))
    return found[2]


def _node_users(plan: Plan) -> NodeUsers:
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


def evaluate(plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date,
             progress: Progress | None = None) -> Evaluation:
    """Evaluate every variable and benefit of `plan` over a checked register."""
    return Evaluation(plan, households, members, as_of).run(progress)
