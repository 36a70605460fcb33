"""The durable_rules engine's ruleset and its driving: shapes, limits, sessions, errors, processes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from durable_helpers import PACK, RandomRegister, assert_same_decisions
from eligibility import EligibilityError, load_rules
from eligibility.api import evaluate_frames
from eligibility.engines import durable
from eligibility.records import frames_from_records

from shared import AS_OF

pytestmark = pytest.mark.slow   # the durable_rules engine: `make test-fast` leaves it out


@pytest.fixture(scope="module")
def test_pack():
    return load_rules(PACK)


@pytest.fixture(scope="module")
def rule_pack():
    return load_rules()


def _walk(obj):
    yield obj
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield key
            yield from _walk(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _walk(value)


@pytest.mark.parametrize("which", ["test", "rules"])
def test_ruleset_uses_only_safe_shapes(which, test_pack, rule_pack):
    plan = test_pack if which == "test" else rule_pack
    ruleset = durable.ruleset_json(plan, AS_OF)
    assert len(ruleset) > 20
    keys = {k for k in _walk(ruleset) if isinstance(k, str)}
    assert not {"$not", "$or", "any", "$nex"} & keys
    assert not any(k.endswith(("$not", "$any")) for k in keys)
    tags = set()
    for name, rule in ruleset.items():
        assert set(rule) <= {"all", "run", "cap"}, name
        for pattern in rule["all"]:
            (_alias, test), = pattern.items()
            tests = test.get("$and", [test])
            assert "t" in tests[0], f"{name}: the first test of every pattern is the type tag"
            tags.add(tests[0]["t"])
    sinks = {rule["all"][0]["x"]["t"] for name, rule in ruleset.items() if name.startswith("sink_")}
    assert tags - {"warm", "__never__"} <= sinks, "every fact type has a sink rule"
    json.loads(durable.engine_json(ruleset))


@pytest.mark.parametrize("which", ["test", "rules"])
def test_no_fact_can_overflow_the_alpha_stack(which, test_pack, rule_pack):
    plan = test_pack if which == "test" else rule_pack
    scalar = durable.ScalarEvaluator(plan, AS_OF)
    builder = durable.RulesetBuilder(plan, AS_OF, durable.Translator(plan, AS_OF, scalar))
    for groups in builder.groups.values():
        for group in groups:
            assert durable.stack_cost(group.sequences) <= durable.ALPHA_BUDGET < 64, group.tag
            assert len(group.attrs) <= durable.ATTRIBUTE_BUDGET < 252, group.tag


@pytest.mark.parametrize("which", ["test", "rules"])
def test_every_join_is_keyed_so_households_in_one_session_never_meet(which, test_pack, rule_pack, monkeypatch):
    """Several households share a session: every pattern after the first joins on the person's or the
    household's key (pid, hid, or a derived fact's e) with the first, so no match spans two households."""
    plan = test_pack if which == "test" else rule_pack
    keys = ({"f0": "pid"}, {"f0": "hid"}, {"f0": "e"})
    for derive_all in (False, True):
        monkeypatch.setattr(durable, "DERIVE_ALL", derive_all)
        for name, rule in durable.ruleset_json(plan, AS_OF).items():
            if name.startswith("sink_"):
                continue
            for pattern in rule["all"][1:]:
                (alias, test), = pattern.items()
                tests = test.get("$and", [test])
                keyed = [t for t in tests if any(k in ("pid", "hid", "e") and v in keys for k, v in t.items())]
                assert keyed, f"{name}: pattern {alias} is not joined on a key"


def test_households_alone_or_together_in_a_session_decide_alike(test_pack):
    households, members = RandomRegister(test_pack, AS_OF, seed=12).frames(90)
    alone = durable.screen_durable(test_pack, households, members, AS_OF, processes=1, include_all=True,
                                   households_per_session=1)
    together = durable.screen_durable(test_pack, households, members, AS_OF, processes=1, include_all=True,
                                      households_per_session=30)
    assert durable.LAST_RUN["sessions_created"] == 3
    assert alone.astype(object).equals(together.astype(object))


def test_stack_cost_counts_exclusive_tests_once():
    ge = lambda v: ("cmp", "age", ">=", v)   # noqa: E731
    lt = lambda v: ("cmp", "age", "<", v)    # noqa: E731
    assert durable.stack_cost([(ge(60.0),), (lt(60.0),)]) == 1          # one of the two can match
    assert durable.stack_cost([(ge(60.0),), (ge(80.0),), (lt(16.0),)]) == 2
    assert durable.stack_cost([(("cmp", "s", "==", "a"),), (("cmp", "s", "==", "b"),)]) == 1
    assert durable.stack_cost([(("ex", "x"), ("join", "r1", 0)), (("ex", "x"), ("join", "r2", 0))]) == 3


def test_engine_json_never_writes_exponents():
    facts = [{"a": 1e-05, "b": 1e16, "c": 5e-324, "d": -2.5e-07, "e": 1500000.0, "s": "1e-05"}]
    text = durable.engine_json(facts)
    assert "e-" not in text.replace('"1e-05"', "") and "e+" not in text
    assert json.loads(text) == facts


def test_extreme_numbers_reach_the_engine_intact(test_pack):
    records = RandomRegister(test_pack, AS_OF, seed=3, missing=0.0)
    hh, mm = [], []
    for income, score in [(1e-05, 5e-324), (3e17, 1e16), (0.00012, -2.5e-07)]:
        h, m = records.household(2)
        h.update(income=income, score=score)
        m[0].update(pension=income, school_km=score)
        hh.append(h)
        mm.extend(m)
    households, members = frames_from_records(test_pack.inputs, hh, mm)
    vec = evaluate_frames(test_pack, households, members, AS_OF, include_all=True).decisions
    dur = durable.screen_durable(test_pack, households, members, AS_OF, include_all=True)
    assert_same_decisions(vec, dur, households, members)


@pytest.mark.parametrize("per_session", [1, 8])
def test_one_session_at_a_time_and_none_left(test_pack, per_session):
    households, members = RandomRegister(test_pack, AS_OF, seed=4).frames(40)
    durable.screen_durable(test_pack, households, members, AS_OF, processes=1, households_per_session=per_session)
    run = durable.LAST_RUN
    assert run["households"] == 40 and run["max_live_sessions"] == 1
    assert run["sessions_created"] == run["sessions_deleted"] == run["sessions_checked_gone"] == 40 // per_session
    runner = durable.runner_for(test_pack, AS_OF)
    assert runner._live is None
    with pytest.raises(Exception, match="309"):     # the last household's session is gone
        runner.host.get_state(runner.name, f"s{runner.stats.sessions_created}")


def test_an_error_inside_an_action_is_raised_not_swallowed(test_pack, monkeypatch):
    households, members = RandomRegister(test_pack, AS_OF, seed=5).frames(5)
    runner = durable.runner_for(test_pack, AS_OF)

    class Exploding(set):
        def add(self, item):
            raise ValueError("boom in an action")

    class BadCollector(durable.Collector):
        def __init__(self):
            super().__init__()
            self.holds = Exploding()

    monkeypatch.setattr(durable, "Collector", BadCollector)
    with pytest.raises(RuntimeError, match="boom in an action"):
        durable.screen_durable(test_pack, households, members, AS_OF, processes=1)
    assert runner._live is None
    assert runner.stats.sessions_created == runner.stats.sessions_deleted    # deleted before raising
    monkeypatch.undo()
    vec = evaluate_frames(test_pack, households, members, AS_OF).decisions
    assert_same_decisions(vec, durable.screen_durable(test_pack, households, members, AS_OF), households, members)


def test_an_engine_failure_retires_the_host(test_pack, monkeypatch):
    households, members = RandomRegister(test_pack, AS_OF, seed=6).frames(3)
    runner = durable.runner_for(test_pack, AS_OF)
    host = runner.host

    def failing(name, facts, complete=None):
        raise RuntimeError("Could not assert facts, error code: 303")

    monkeypatch.setattr(host, "assert_facts", failing)
    with pytest.raises(durable.EngineFailure, match="303"):
        durable.screen_durable(test_pack, households, members, AS_OF, processes=1)
    assert host.broken
    monkeypatch.undo()
    fresh = durable.runner_for(test_pack, AS_OF)
    assert fresh.host is not host and not fresh.host.broken
    vec = evaluate_frames(test_pack, households, members, AS_OF).decisions
    assert_same_decisions(vec, durable.screen_durable(test_pack, households, members, AS_OF), households, members)


def test_processes_give_the_same_table(test_pack):
    households, members = RandomRegister(test_pack, AS_OF, seed=8).frames(150)
    serial = durable.screen_durable(test_pack, households, members, AS_OF, processes=1)
    parallel = durable.screen_durable(test_pack, households, members, AS_OF, processes=2, chunk_size=20)
    assert durable.LAST_RUN["processes"] == 2 and durable.LAST_RUN["households"] == 150
    assert serial.astype(object).equals(parallel.astype(object))


def test_without_durable_rules_the_error_says_why(test_pack, monkeypatch):
    households, members = RandomRegister(test_pack, AS_OF, seed=9).frames(2)
    monkeypatch.setitem(sys.modules, "durable", None)
    monkeypatch.setitem(sys.modules, "durable.engine", None)
    with pytest.raises(EligibilityError, match="durable_rules.*cannot be imported.*vectorised"):
        evaluate_frames(test_pack, households, members, AS_OF, engine="durable")
    assert len(evaluate_frames(test_pack, households, members, AS_OF).decisions)   # the rest still works


def test_durable_rules_is_imported_lazily():
    code = "import sys, eligibility, eligibility.api, eligibility.engines.durable; print('durable' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_chaining_and_stages_are_exercised(test_pack):
    scalar = durable.ScalarEvaluator(test_pack, AS_OF)
    tr = durable.Translator(test_pack, AS_OF, scalar)
    assert {"p_elder", "hh_support", "hh_topup"} <= tr.referenced       # elig facts joined on
    assert tr.harvest["hh_topup"] == 1 and tr.var_level["support_total"] == 1   # a second batch
    ruleset = durable.ruleset_json(test_pack, AS_OF)
    assert any('"t": "elig"' in json.dumps(r) for r in ruleset.values())
    assert any('"$m"' in json.dumps(r) for r in ruleset.values())          # attribute vs attribute
    assert any('{"f0": "hid"}' in json.dumps(r) for r in ruleset.values())  # person x household join


def _die(chunk):
    import os
    os._exit(3)        # as a segmentation fault in the engine would end a worker


def test_a_dead_worker_is_reported_not_waited_for(test_pack, monkeypatch):
    households, members = RandomRegister(test_pack, AS_OF, seed=10).frames(120)
    monkeypatch.setattr(durable, "_run_chunk", _die)
    with pytest.raises(durable.EngineFailure, match="worker process died"):
        durable.screen_durable(test_pack, households, members, AS_OF, processes=2, chunk_size=10)


def test_threads_take_turns(test_pack):
    import threading
    registers = [RandomRegister(test_pack, AS_OF, seed=20 + i).frames(25) for i in range(3)]
    results, errors = {}, []

    def screen(i):
        try:
            results[i] = durable.screen_durable(test_pack, *registers[i], AS_OF, processes=1)
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=screen, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for i, (households, members) in enumerate(registers):
        vec = evaluate_frames(test_pack, households, members, AS_OF).decisions
        assert_same_decisions(vec, results[i], households, members)
