"""The durable_rules engine: the compiled rules run over households in a Rete network.

How a rule pack becomes a durable_rules ruleset (one per as-of date: rules out of force on that
date are left out, parameters are constants of that date):

* **Facts.** Households go through sessions (sids) in batches (HOUSEHOLDS_PER_SESSION): household
  j of a batch is keyed `Hj`, its members `Pj_0`, `Pj_1`..., and every pattern that joins two facts
  joins on those keys, so households in one session never meet (a test checks every join). The
  household and each member are asserted as facts carrying the attributes the patterns read:
  input columns, variables (computed by the scalar evaluator, `engines/scalar/`) and *expression
  attributes* — values that are not a plain column or variable (an aggregate over members,
  arithmetic, a date difference...), also computed by the scalar evaluator. An unknown value is
  simply absent, and an absent attribute never matches. Every fact and every pattern carries a
  type tag `t`.
* **Conditions → patterns.** A condition becomes two sets of alternatives (disjunctive normal
  form): the conjunctions of attribute tests that make it known true, and those that make it known
  false (negations are pushed down to the comparisons, so `not`, `or`, `any_of`, chained and `in`
  comparisons need neither `$not` nor `$or` nor `any`). A comparison of an attribute with a
  constant or parameter is `{"$lte": {"income_per_capita": 1500000.0}}`; with another attribute of
  the same fact `{"$lte": {"a": {"$m": "b"}}}`; of another fact a correlated join
  `{"$gte": {"age": {"f1": "pension_age"}}}`; always guarded by `$ex` (a missing attribute in a
  join reads garbage or poisons the session). `eligible('x')` is a join on the derived `elig`
  fact of benefit x for the same person or household. A condition that does not decompose is
  posted as a boolean expression attribute (present only when known).
* **Rules.** For each benefit rule in force: one *holds* rule per combination of true
  alternatives (it fires only when every condition is known true). For each distinct condition
  (its *form*: the entity and its alternatives, shared by all the rules that use it — the pack's
  rules share most of their conditions): a *false* rule per alternative (the negated tests,
  attributes present) and, for compound conditions, a *true* rule (together they tell which
  conditions are unknown, for `missing_inputs`). A condition that cannot be known false while any
  of its attributes is unknown (a test on one attribute, `a or b`) has only its true rules: it is
  known false where its attributes were posted and no true rule fired (`fired.py`). A rule has
  failed when one of its conditions is known false. For the benefits some rule joins on (`eligible('x')`), a holds rule derives the
  benefit's `elig` fact (true), and the failure that makes the last rule in force fail derives
  it false (failed rules are counted: in the false rules' actions, or after the round that posts a
  condition read false by absence). Rules using `eligible('x')` join on those facts:
  forward chaining, in rounds — the facts the actions derive are asserted into the same session
  as the next batch, until nothing new is derived. (DERIVE_ALL derives elig facts for every
  benefit and "not eligible" by joins in the engine over derived fail facts, much slower: such
  12-way joins were three quarters of the engine's time; both decide alike, and the tests run both.)
* **Stages.** A variable or expression that needs a benefit's decision (`amount('x')` in a
  formula, `any(eligible('x'))`) is computed by the scalar evaluator once that benefit is decided,
  and asserted in a later batch into the same session. Most packs need a single stage.
* **Decisions.** Each benefit is read from what fired: eligible if a rule held, not eligible if
  every rule in force failed, otherwise undetermined (the unknown conditions' missing inputs named
  as the vectorised engine names them). Amounts and rates of the rules that held are computed by
  the scalar evaluator; hit policies are applied in Python.

* **Driving durable_rules** safely: one Host per process, one live session at a time, no
  dispatcher thread, sink rules, unique fact ids, errors re-raised (see `native.py`, `runner.py`).
  Where the time goes, and what was done about it: `docs/durable_rules.md` ("Speed").

Where things are (a new kind of condition: `translate.py`; a new status or coverage: `decide.py`):

| module | concern |
|---|---|
| `translate.py` | conditions -> alternatives of attribute tests (Slot, Atom, Elig), stages |
| `patterns.py` | one pattern's tests as JSON, posted values, the alpha-stack cost, fact groups |
| `ruleset.py` | rule specs (holds / true / false / fail joins) packed into fact groups -> JSON ruleset |
| `native.py` | loading durable_rules, JSON it can read, the lean Host and ruleset |
| `runner.py` | one household's session: facts per stage, asserting, chaining, actions, deletion |
| `fired.py` | what fired (Collector); conditions known false by the absence of a true firing |
| `batch.py` | a session batch's statuses at once (matrices); only rows written go through decide.py |
| `decide.py` | what fired -> status, amount, coverage, explanation, missing inputs (DecisionRow) |
| `texts.py` | the fixed texts of each rule (labels, references, unverified parameters) |
| `table.py` | the register cut into households, rows placed, the decisions table |
| `__init__.py` | entry points: `screen_durable`, `ruleset_json`, `runner_for`; worker processes |
"""
from __future__ import annotations

import concurrent.futures as futures
import dataclasses
import datetime as dt
import multiprocessing
import multiprocessing.context
import os
import threading
from typing import Any

import pandas as pd

from ...rulebook.compile import Plan
from ..scalar import ScalarEvaluator
from .decide import DecisionRow
from .native import EngineFailure, Fact, engine_json, engine_module, process_host
from .patterns import ALPHA_BUDGET, ATTRIBUTE_BUDGET, stack_cost
from .ruleset import RulesetBuilder
from .fired import Collector
from .runner import Runner
from .table import Household, PlacedRow, frame, prepare, run_households
from .translate import Translator

DERIVE_ALL = False          # derive fail/elig facts for every benefit, or only where `eligible()` joins on them
PARALLEL_FROM = 2000        # households from which screen_durable uses several processes by default
HOUSEHOLDS_PER_SESSION = 50   # households asserted into one durable_rules session (see runner.run_batch)
LAST_RUN: dict[str, Any] = {}
_LOCK = threading.RLock()   # one household at a time in this process, whichever thread asks


def ruleset_json(plan: Plan, as_of: dt.date) -> dict[str, Fact]:
    """The durable_rules ruleset generated for `plan` at `as_of` (for inspection; needs no durable_rules)."""
    scalar = ScalarEvaluator(plan, as_of)
    builder = RulesetBuilder(plan, as_of, Translator(plan, as_of, scalar), DERIVE_ALL)
    return builder.ruleset()


def runner_for(plan: Plan, as_of: dt.date, lang: str = "en", include_all: bool = False) -> Runner:
    """This process's runner for (plan, as-of date, lang, include_all): one ruleset on the process's Host."""
    host = process_host()
    key = (id(plan), plan.digest, as_of, lang, include_all, DERIVE_ALL)
    runner = host.runners.get(key)
    if runner is None or runner.plan is not plan:
        runner = host.runners[key] = Runner(plan, as_of, lang, include_all, DERIVE_ALL)
    return runner


# -- worker processes ------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(plan: Plan, as_of: dt.date, lang: str, include_all: bool, per_session: int) -> None:
    _WORKER["args"] = (plan, as_of, lang, include_all)
    _WORKER["per_session"] = per_session
    _WORKER["runner"] = runner_for(plan, as_of, lang, include_all)


def _run_chunk(chunk: list[Household]) -> tuple[list[PlacedRow], dict[str, Any]]:
    runner: Runner = _WORKER["runner"]
    if runner.host.broken:          # an earlier engine failure retired the Host: a new one
        runner = _WORKER["runner"] = runner_for(*_WORKER["args"])
    before = dataclasses.asdict(runner.stats)
    rows = run_households(runner, chunk, _WORKER["per_session"])
    after = dataclasses.asdict(runner.stats)
    delta = {k: after[k] - before[k] for k in after if k != "max_live_sessions"}
    delta["max_live_sessions"] = after["max_live_sessions"]
    delta["pid"] = os.getpid()
    return rows, delta


def _context() -> multiprocessing.context.BaseContext:
    """fork where there is one: this package's Host runs no thread, so a fork copies no engine thread
    mid-action, and each worker builds its own Host anyway (the parent's stays unused)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def screen_durable(plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date,
                   include_all: bool = False, lang: str = "en", *, processes: int | None = None,
                   chunk_size: int = 250, households_per_session: int | None = None) -> pd.DataFrame:
    """Screen a register with durable_rules; the same table as `decisions.build_decisions`.

    `processes`: worker processes (default: one per core from PARALLEL_FROM households, else this
    process); `households_per_session`: households asserted into one session (default
    HOUSEHOLDS_PER_SESSION; 1: a session per household). Statistics of the last run (sessions
    created, deleted and checked gone, households, action calls, persons and households matched) are in
    `LAST_RUN`.
    """
    engine_module()
    per_session = max(1, int(households_per_session or HOUSEHOLDS_PER_SESSION))
    prepared = prepare(plan, households, members)
    n = len(prepared.work)
    if processes is None:
        processes = (os.cpu_count() or 1) if n >= PARALLEL_FROM else 1
    processes = max(1, min(int(processes), max(1, n // 50) if n else 1))
    stats: list[dict[str, Any]] = []
    if processes == 1:
        with _LOCK:                 # the process's Host keeps one live session: one screening at a time
            runner = runner_for(plan, as_of, lang, include_all)
            before = dataclasses.asdict(runner.stats)
            rows = run_households(runner, prepared.work, per_session)
            after = dataclasses.asdict(runner.stats)
        stats.append({k: after[k] - before[k] for k in after} | {"max_live_sessions": after["max_live_sessions"],
                                                                   "pid": os.getpid()})
    else:
        chunks = [prepared.work[i:i + chunk_size] for i in range(0, n, chunk_size)]
        rows = []
        pool = futures.ProcessPoolExecutor(processes, mp_context=_context(), initializer=_init_worker,
                                           initargs=(plan, as_of, lang, include_all, per_session))
        try:
            for future in [pool.submit(_run_chunk, chunk) for chunk in chunks]:
                chunk_rows, chunk_stats = future.result()
                rows.extend(chunk_rows)
                stats.append(chunk_stats)
        except futures.process.BrokenProcessPool as err:
            raise EngineFailure(f"a durable_rules worker process died (a crash in the engine?): {err}") from err
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    _account(stats, n)
    return frame(plan, prepared, rows, lang)


def _account(stats: list[dict[str, Any]], n: int) -> None:
    total = {k: sum(s[k] for s in stats) for k in ("households", "sessions_created", "sessions_deleted",
                                                 "sessions_checked_gone", "actions", "matched", "cpu_seconds")}
    total["max_live_sessions"] = max([s["max_live_sessions"] for s in stats] + [0])
    total["processes"] = len({s["pid"] for s in stats})
    LAST_RUN.clear()
    LAST_RUN.update(total)
    if total["households"] != n:
        raise EngineFailure(f"{n} households in, {total['households']} screened")
    if not (total["sessions_created"] == total["sessions_deleted"] == total["sessions_checked_gone"]):
        raise EngineFailure(f"durable_rules sessions leaked: {total}")


__all__ = ["screen_durable", "ruleset_json", "runner_for", "Runner", "EngineFailure", "LAST_RUN", "DERIVE_ALL",
           "Collector", "DecisionRow", "RulesetBuilder", "Translator", "ScalarEvaluator", "stack_cost",
           "ALPHA_BUDGET", "ATTRIBUTE_BUDGET", "engine_json"]
