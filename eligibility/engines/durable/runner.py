"""The session driver: one household at a time through the ruleset on this process's Host.

Exactly one live session: created by the household's first assert, deleted after it (the newest,
so deletion is safe) and checked gone (`get_state` answers 309); a fresh ruleset first runs a
warm-up session that fires an action (deleting the first session of a ruleset in which nothing
ever fired crashes the engine — observed). Sink rules for every fact type (no MessageNotHandled),
unique fact ids (no MessageObserved), errors inside actions collected and re-raised, never
swallowed; any other engine error retires the Host.

Stages: a variable or expression that needs a benefit's decision is computed by the scalar
evaluator once that benefit is decided, and asserted in a later batch into the same session.
Forward chaining: the facts the actions derive are asserted into the same session as the next
batch, until nothing new is derived.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import sys
import threading
import traceback
from collections.abc import Callable
from types import ModuleType
from typing import Any

from ...rulebook.compile import Plan
from ..scalar import HouseholdContext, ScalarEvaluator, date_to_int
from .batch import BatchReader
from .decide import DecisionReader, DecisionRow
from .fired import AbsenceReader, Body, Collector, Stats
from .native import KEY_FAIL, KEY_HOUSEHOLD, KEY_PERSON, Call, EngineFailure, Fact, process_host
from .patterns import Getter, RuleSpec, carry, poster, slot_getter
from .ruleset import RulesetBuilder
from .translate import Slot, Translator

Row = dict[str, Any]   # a household's or a member's plain values (engines/scalar)
Action = Callable[[Call], None]   # what durable_rules runs when a rule fires


class Runner:
    """One ruleset (a plan at an as-of date) on this process's Host, and the per-household driver."""

    _serial = itertools.count(1)

    def __init__(self, plan: Plan, as_of: dt.date, lang: str = "en", include_all: bool = False,
                 derive_all: bool = False):
        self.plan, self.as_of, self.lang, self.include_all = plan, as_of, lang, include_all
        self.scalar = ScalarEvaluator(plan, as_of)
        self.tr = Translator(plan, as_of, self.scalar)
        self.builder = RulesetBuilder(plan, as_of, self.tr, derive_all)
        self.benefits = self.builder.benefits
        self.stats = Stats()
        self.col = Collector()
        self.derives = [self.builder.derives_elig(b) for b in self.benefits]
        self.rules_in_force = [len(self.tr.rules[b.id]) for b in self.benefits]
        self.reader = DecisionReader(plan, as_of, self.benefits, self.tr, self.scalar, self.derives,
                                     self.builder.form_of, lang, include_all)
        self._prepare_stages()
        self.batch_reader = BatchReader(self.reader, self.harvest_at, len(self.builder.form_entity))
        self.absence = AbsenceReader(self.builder.form_entity, self.builder.absent, self.builder.form_level,
                                     self.levels + 1, {f for f in self.builder.absent if self._counts(f)})
        self.failures = {form: self._failure(form) for form in self.builder.absent}
        self.host = process_host()
        self.name = f"elig_{plan.digest[:10]}_{date_to_int(as_of)}_{next(self._serial)}"
        ruleset = self.builder.ruleset()
        for spec in self.builder.specs:
            self.host.actions[f"{self.name}/{spec.name}"] = self._action(spec)
        self.host.actions[f"{self.name}/never"] = self._never
        self.host.actions[f"{self.name}/warm"] = self._warm
        for rule in ruleset.values():
            rule["run"] = f"{self.name}/{rule['run']}"
        self.host.set_rulesets({self.name: ruleset})
        self._live: str | None = None
        self._sid = itertools.count(1)
        self._warm_up()

    # ------------------------------------------------------------ setup
    def _prepare_stages(self) -> None:
        plan, tr = self.plan, self.tr
        slot_levels = [s.level for s in tr.slots.values()]
        self.levels = max([0] + list(tr.var_level.values()) + list(tr.harvest.values()) + slot_levels)
        self.vars_at = [[n for n in plan.order if n in plan.variables and tr.var_level[n] == s]
                        for s in range(self.levels + 1)]
        self.harvest_at = [[b for b in self.benefits if tr.harvest[b.id] == s] for s in range(self.levels + 1)]
        # per stage, per entity: the distinct attributes its facts carry with how each is posted (computed
        # once per person or household, however many copies carry it), and the facts to post: (tag,
        # [(index of the attribute, its posted name)])
        by_attr = {(s.entity, s.attr): s for s in tr.slots.values()}
        self.facts_at: list[dict[str, list[tuple[str, list[tuple[int, str]]]]]] = []
        self.values_at: list[dict[str, tuple[list[str], list[Getter]]]] = []
        for s in range(self.levels + 1):
            carried: dict[str, list[tuple[str, list[str]]]] = {"household": [], "person": []}
            for (entity, level), groups in self.builder.groups.items():
                if level == s:
                    carried[str(entity)].extend((g.tag, sorted(g.attrs)) for g in groups)
            values: dict[str, tuple[list[str], list[Getter]]] = {}
            stage: dict[str, list[tuple[str, list[tuple[int, str]]]]] = {}
            for name, facts in carried.items():
                attrs = sorted({a for _, fact_attrs in facts for a in fact_attrs})
                index = {a: i for i, a in enumerate(attrs)}
                slots = [by_attr[(name, a)] for a in attrs]
                values[name] = (attrs, [poster(slot.vtype, self._getter(slot)) for slot in slots])
                stage[name] = [(tag, [(index[a], self.builder.posted(a)) for a in fact_attrs])
                               for tag, fact_attrs in facts]
            self.facts_at.append(stage)
            self.values_at.append(values)

    def _getter(self, slot: Slot) -> Getter:
        expr = self.tr.expr_nodes[slot.attr + "@" + slot.entity] if slot.kind == "expr" else None
        return slot_getter(slot, None if expr is None else self.scalar.closure(expr))

    def _warm_up(self) -> None:
        """The first session of a fresh ruleset must fire an action, or deleting it crashes the engine."""
        self.host.assert_facts(self.name, [{"t": "warm", "sid": "warm", "id": "w"}])
        self._check_state("warm")
        self.host.delete_state(self.name, "warm")

    # ------------------------------------------------------------ actions
    def _never(self, c: Call) -> None:
        raise RuntimeError("a sink rule fired")

    def _warm(self, c: Call) -> None:
        return None

    def _action(self, spec: RuleSpec) -> Action:
        """The Python side of one rule: record what fired for which person or household, and collect the
        facts it derives (asserted into the same session as the next round)."""
        rule_name = spec.name
        kind, index, ri, _ = spec.action
        if kind in ("F", "T"):
            entity = "household" if spec.name in self.builder.household_keyed else self.builder.form_entity[index]
        else:
            entity = self.benefits[index].entity
        keys_of = KEY_PERSON if entity == "person" else KEY_HOUSEHOLD
        if kind in ("N", "C") and self.tr.rules[self.benefits[index].id]:
            keys_of = KEY_FAIL                  # joins over fail facts: the key is their `e`
        runner = self

        def guarded(body: Body) -> Action:
            def act(call: Call) -> None:
                col = runner.col
                try:
                    if threading.get_ident() != col.thread:
                        raise RuntimeError("a durable_rules action ran outside the screening thread")
                    keys = call.keys(keys_of)
                    runner.stats.actions += 1
                    runner.stats.matched += len(keys)
                    body(col.pending, col, keys)
                except BaseException:
                    col.errors.append(f"{rule_name}: {traceback.format_exc()}")
                    raise
            return act

        if kind == "F":
            return guarded(self._false_body(index))
        if kind == "T":
            form = index

            def body(derived: list[Fact], col: Collector, keys: list[str]) -> None:
                ctrue = col.ctrue
                for key in keys:
                    ctrue.setdefault(key, set()).add(form)
            return guarded(body)
        bi = index
        send_elig = self._send_elig

        if kind == "H":
            def body(derived: list[Fact], col: Collector, keys: list[str]) -> None:
                for key in keys:
                    col.holds.add((bi, ri, key))
                    send_elig(derived, col, bi, key, True)
        elif kind == "C":
            def body(derived: list[Fact], col: Collector, keys: list[str]) -> None:
                for key in keys:
                    if (bi, ri, key) not in col.chunk_sent:
                        col.chunk_sent.add((bi, ri, key))
                        derived.append({"t": "failc", "id": f"c:{bi}:{ri}:{key}", "b": bi, "c": ri, "e": key})
        else:  # N: not eligible
            def body(derived: list[Fact], col: Collector, keys: list[str]) -> None:
                for key in keys:
                    col.notelig.add((bi, key))
                    send_elig(derived, col, bi, key, False)
        return guarded(body)

    def _send_elig(self, derived: list[Fact], col: Collector, bi: int, key: str, value: bool) -> None:
        """Assert benefit bi's decision for `key` as an elig fact, once (only where rules join on it)."""
        if self.derives[bi] and (bi, key) not in col.elig_sent:
            col.elig_sent[(bi, key)] = value
            derived.append({"t": "elig", "id": f"e:{bi}:{key}", "b": bi, "e": key, "v": value})

    def _false_body(self, form: int) -> Body:
        """A condition known false: every benefit rule using it has failed (see `_failure`)."""
        fail = self._failure(form)

        def body(derived: list[Fact], col: Collector, keys: list[str]) -> None:
            cfalse = col.cfalse
            for key in keys:
                cfalse.setdefault(key, set()).add(form)
                fail(derived, col, key)
        return body

    def _counts(self, form: int) -> bool:
        """Whether a failure of this condition is counted (a benefit using it is joined on: its elig fact)."""
        return any(self.derives[bi] for bi, _, _ in self.builder.form_uses[form])

    def _failure(self, form: int) -> Callable[[list[Fact], Collector, str], None]:
        """What a condition known false for `key` does for benefits whose decision is asserted as elig
        facts: under DERIVE_ALL a fail fact per failed rule (joined in the engine), otherwise the failed
        rules are counted and the last one derives the elig fact (false)."""
        uses = list(dict.fromkeys((bi, ri, self.builder.fail_join(self.benefits[bi]), self.rules_in_force[bi])
                                  for bi, ri, _ in self.builder.form_uses[form] if self.derives[bi]))
        send_elig = self._send_elig

        def fail(derived: list[Fact], col: Collector, key: str) -> None:
            for bi, ri, joined, in_force in uses:
                if (bi, ri, key) in col.fail_sent:
                    continue
                col.fail_sent.add((bi, ri, key))
                if joined:
                    derived.append({"t": "fail", "id": f"f:{bi}:{ri}:{key}", "b": bi, "r": ri, "e": key})
                    continue
                failed = col.fail_count[(bi, key)] = col.fail_count.get((bi, key), 0) + 1
                if failed == in_force:
                    col.notelig.add((bi, key))
                    send_elig(derived, col, bi, key, False)
        return fail

    def _absent_false(self, stage: int, keys: list[tuple[str, list[str]]]) -> None:
        """After a stage's entity facts have run (their true and holds rules fired): the conditions read
        false by absence (fired.py), and what their failures derive, asserted in the next round."""
        col = self.col
        for form, key in self.absence.fill(col, stage, keys):
            self.failures[form](col.pending, col, key)

    # ------------------------------------------------------------ households, several to a session
    def run_batch(self, batch: list[tuple[Row, list[Row]]]) -> list[list[DecisionRow]]:
        """Decide every benefit for each (household, members) of `batch`, all in one session.

        Facts carry keys unique within the session (household j: `Hj`, its member i: `Pj_i`) and every
        pattern joining two facts joins on them, so households in one session never meet; the
        engine's work per action call and per session is shared by the whole batch."""
        ctxs = [HouseholdContext(household, members) for household, members in batch]
        keys = [(f"H{j}", [f"P{j}_{i}" for i in range(len(ctx.members))]) for j, ctx in enumerate(ctxs)]
        self.col = col = _package().Collector()      # read at call time: the package's may be replaced
        sid = f"s{next(self._sid)}"
        rows: list[list[DecisionRow]] = [[] for _ in batch]
        try:
            for stage in range(self.levels + 1):
                facts: list[Fact] = []
                for ctx, (hkey, pkeys) in zip(ctxs, keys):
                    self.scalar.compute_variables(ctx, self.vars_at[stage])
                    facts.extend(self._facts(ctx, stage, sid, hkey, pkeys))
                if facts:
                    self._assert(sid, facts, functools.partial(self._absent_false, stage, keys))
                self.batch_reader.read(stage, ctxs, col, keys, rows)
        finally:
            if self._live is not None:
                self._close(sid)
        self.stats.households += len(batch)
        return rows

    def run(self, household: Row, members: list[Row]) -> list[DecisionRow]:
        """Decide every benefit for one household (a session of its own)."""
        return self.run_batch([(household, members)])[0]

    def _facts(self, ctx: HouseholdContext, stage: int, sid: str, hkey: str, pkeys: list[str]) -> list[Fact]:
        facts: list[Fact] = []
        attrs, posters = self.values_at[stage]["person"]
        for i, pid in enumerate(pkeys):          # members first, then the household
            values = [post(ctx, i) for post in posters]
            self._known(pid, attrs, values)
            for tag, carried in self.facts_at[stage]["person"]:
                fact = {"t": tag, "sid": sid, "id": f"{tag}:{pid}", "pid": pid, "hid": hkey}
                facts.append(carry(fact, carried, values))
        attrs, posters = self.values_at[stage]["household"]
        values = [post(ctx, None) for post in posters]
        self._known(hkey, attrs, values)
        for tag, carried in self.facts_at[stage]["household"]:
            facts.append(carry({"t": tag, "sid": sid, "id": f"{tag}:{hkey}", "hid": hkey}, carried, values))
        return facts

    def _known(self, key: str, attrs: list[str], values: list[Any]) -> None:
        """Record the attributes posted (known) for the person or household `key`."""
        posted = [a for a, value in zip(attrs, values) if value is not None]
        known = self.col.known.get(key)
        if known is None:
            self.col.known[key] = set(posted)
        else:
            known.update(posted)

    def _assert(self, sid: str, facts: list[Fact], after_first: Callable[[], None]) -> None:
        if self._live is None:
            self._live = sid
            self.stats.sessions_created += 1
            live = self.stats.sessions_created - self.stats.sessions_deleted
            self.stats.max_live_sessions = max(self.stats.max_live_sessions, live)
        rounds = 0
        while facts:
            try:
                self.host.assert_facts(self.name, facts)
            except Exception as err:
                # Message*Exception means actions are pending (deleting would crash), any other error
                # may have poisoned the session: either way this Host is done for.
                self.host.broken = True
                self._live = None
                raise EngineFailure(f"durable_rules failed on household session {sid}: "
                                    f"{type(err).__name__}: {err}") from err
            self._check_state(sid)
            if rounds == 0:
                after_first()
            # forward chaining: the facts the actions derived go into the same session, one batch per
            # round, until nothing new is derived
            facts, self.col.pending = self.col.pending, []
            for fact in facts:
                fact["sid"] = sid
            rounds += 1
            if rounds > 1000:
                raise RuntimeError(f"durable_rules: no fixpoint after {rounds} rounds of derived facts")

    def _check_state(self, sid: str) -> None:
        state = self.host.get_state(self.name, sid)
        problems = list(self.col.errors)
        if "exception" in state and not problems:
            problems.append(str(state["exception"]))
        if problems:
            if self._live == sid:
                self._close(sid)
            raise RuntimeError("an action failed inside durable_rules:\n" + "\n".join(problems))

    def _close(self, sid: str) -> None:
        self._live = None
        self.host.delete_state(self.name, sid)
        self.stats.sessions_deleted += 1
        try:
            self.host.get_state(self.name, sid)
        except Exception as err:  # error 309: no such session, as it should be
            if "309" not in str(err):
                raise
            self.stats.sessions_checked_gone += 1
        else:
            self.host.broken = True
            raise EngineFailure(f"session {sid} is still alive after delete_state")


def _package() -> ModuleType:
    """The package module (`eligibility.engines.durable`), whose names are read at call time."""
    return sys.modules[__package__]
