"""The compiled-plan cache (rulebook/plancache.py, plancache.py): a kept plan decides as a fresh compile
(the pack's examples and the demo register, both ways), an edited rule file or compiler is never served
an old plan, a corrupt entry is ignored, a pack that does not compile is never kept, and the cache can
be turned off."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from eligibility.api import evaluate_frames
from eligibility.cachedir import read_entry, store_entry
from eligibility.errors import RuleErrors
from eligibility.packtest import Batch, check_examples, queue_examples, run_examples
from eligibility.register import read_register
from eligibility.rulebook import plancache
from eligibility.rulebook.compile import compile_pack
from eligibility.rulebook.keptexamples import KeptExamples
from eligibility.rulebook.load import DEFAULT_RULES, pack_digest
from eligibility.rulebook.tree import Node, walk
from shared import DEMO, greedy_cover

pytestmark = pytest.mark.slow   # compiles the bundled pack several times: `make test-fast` leaves the file out

PARAMS = "parameters/support.yaml"


@pytest.fixture
def cache(cache_root):
    return cache_root / "plans"


def kept(folder):
    """The plan of `folder` as the cache serves it: compiled and kept on the first call, read back after."""
    return plancache.cached_plan(str(folder), pack_digest(folder))


def standard_on(plan, day=dt.date(2025, 1, 1)):
    return plan.parameters["support.standard"].at(day).value


def nodes(plan) -> list[Node]:
    roots = [v.node for v in plan.variables.values()]
    for benefit in plan.benefits.values():
        roots += [benefit.enrolled] + [n for r in benefit.rules for n in (r.amount, r.rate)]
        roots += [c.node for r in benefit.rules for c in r.conditions]
    return [n for root in roots if root is not None for n in walk(root)]


def test_the_bundled_pack_read_back_is_the_compiled_plan_and_decides_as_it(cache):
    fresh = compile_pack(DEFAULT_RULES)
    kept(DEFAULT_RULES)
    assert len(list(cache.glob("*.json"))) == 1
    served = kept(DEFAULT_RULES)
    assert served is not fresh and plancache.encode(served) == plancache.encode(fresh)
    assert (served.inputs, served.warnings, served.order, served.deps) == (fresh.inputs, fresh.warnings,
                                                                            fresh.order, fresh.deps)
    # shared subexpressions are still shared: as many distinct nodes, as many uses of them
    assert len({id(n) for n in nodes(served)}) == len({id(n) for n in nodes(fresh)})
    assert len(nodes(served)) == len(nodes(fresh))
    as_of = dt.date(2025, 11, 15)
    register = read_register(DEMO, fresh.inputs, as_of)
    screened = [evaluate_frames(plan, register.households, register.members, as_of, lang="vi").decisions
                for plan in (fresh, served)]
    assert screened[0].equals(screened[1]) and len(screened[0]) > 100
    # the fresh compile's examples all hold (rules/conftest.py makes each an item of make test): the served
    # plan's must too, on the dates that reach every benefit and variable an example names
    batch = Batch(served)
    queued = queue_examples(served, batch)
    dates = dates_naming_everything(served)
    chosen = [q for q in queued if (q[2].as_of, bool(q[2].use_unverified)) in dates]
    outcome = check_examples(served, chosen, batch.run(dates))
    assert len(queued) == len(fresh.examples) > 200
    assert outcome.total == len(chosen) > 100 and outcome.failures == []


def dates_naming_everything(plan) -> list[tuple]:
    """The fewest (as-of date, use_unverified) keys, chosen greedily, whose examples name between them every
    benefit and variable any example names. A screening costs about the same whatever its number of cases:
    the 338 examples' 94 dates cost 11 CPU-s, these 20 dates 2 (189 examples). The plan served from the cache
    holds the fresh compile's encoding (checked above); its examples show it also decides as one, benefit
    by benefit."""
    named: dict[tuple, set] = {}
    for _, _, example in plan.examples:
        key = (example.as_of, bool(example.use_unverified))
        named.setdefault(key, set()).update(e.benefit or e.variable for e in example.expect)
    return greedy_cover(named)


def test_a_failing_example_of_a_kept_plan_names_its_file_and_line(make_pack, cache):
    pack = make_pack(patches={PARAMS: [("value: 500000", "value: 600000")]})
    kept(pack)
    fresh, served = compile_pack(pack), kept(pack)
    assert type(served.examples[0][0]) is plancache.SourceOnDemand
    failed = [run_examples(plan).failures for plan in (fresh, served)]
    assert failed[0] == failed[1] and failed[0]
    assert failed[1][0].line is not None


def test_an_edited_rule_file_is_never_served_an_old_plan(make_pack, cache):
    pack = make_pack()
    assert standard_on(kept(pack)) == 500000
    params = pack / PARAMS
    params.write_text(params.read_text(encoding="utf-8").replace("value: 500000", "value: 510000"), encoding="utf-8")
    assert standard_on(kept(pack)) == 510000
    assert len(list(cache.glob("*.json"))) == 2
    params.write_text(params.read_text(encoding="utf-8").replace("value: 510000", "value: 500000"), encoding="utf-8")
    assert standard_on(kept(pack)) == 500000   # the first text again: its own entry, still right


def test_a_changed_compiler_or_folder_files_the_plan_elsewhere(make_pack, monkeypatch):
    pack = make_pack()
    digest = pack_digest(pack)
    key = plancache.plan_key(str(pack), digest)
    assert plancache.plan_key(str(pack.parent / "other"), digest) != key
    monkeypatch.setattr(plancache, "_COMPILER", ["another compiler"])
    assert plancache.plan_key(str(pack), digest) != key


def test_a_corrupt_or_tampered_entry_is_ignored(make_pack, cache):
    pack = make_pack()
    kept(pack)
    (entry,) = cache.glob("*.json")
    key = entry.stem
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("500000", "999999"), encoding="utf-8")   # the payload's hash no longer holds
    assert standard_on(kept(pack)) == 500000
    # an entry whose hash holds but whose plan does not read back: an unknown class, a wrong shape, not JSON,
    # not a plan, no line of examples
    head, _, examples = read_entry(entry, key).partition(b"\n")
    table, top = json.loads(head)
    for plan_line in (json.dumps([[{"@": "os.system", "v": ["true"]}], {"#": 0}]),
                      json.dumps([table[:5], top]), "[", json.dumps([table, {"#": 0}])):
        for payload in (plan_line.encode() + b"\n" + examples, plan_line.encode()):
            store_entry(entry, key, payload)
            plan = kept(pack)
            assert standard_on(plan) == 500000 and plan.digest == pack_digest(pack)
    store_entry(entry, key, head)   # the plan alone, without its line of examples: compiled again
    assert isinstance(kept(pack).examples, tuple)


def test_a_kept_plans_examples_are_read_only_when_asked_for(make_pack, cache):
    """The examples (a quarter of a kept plan) are rebuilt on first use: a screening leaves them unread;
    asked for, they are the compile's; ones that do not read back are the pack's compiled again."""
    pack = make_pack()
    fresh = kept(pack)
    served = kept(pack)
    assert isinstance(served.examples, KeptExamples) and not served.examples.read
    as_of = dt.date(2025, 11, 15)
    register = read_register(DEMO, served.inputs, as_of)
    evaluate_frames(served, register.households, register.members, as_of)
    assert not served.examples.read and not served.with_unverified(True).examples.read
    assert len(served.examples) == len(fresh.examples) > 0 and served.examples.read
    assert served.examples == tuple(served.examples) and plancache.encode(served) == plancache.encode(fresh)
    (entry,) = cache.glob("*.json")
    head, _, examples = read_entry(entry, entry.stem).partition(b"\n")
    store_entry(entry, entry.stem, head + b"\n" + examples[: len(examples) // 2])   # the hash holds, the JSON not
    broken = kept(pack)
    assert standard_on(broken) == 500000 and not broken.examples.read
    assert plancache.encode(broken) == plancache.encode(fresh)


def test_a_pack_that_does_not_compile_is_reported_every_time_and_never_kept(make_pack, cache):
    pack = make_pack(patches={"policies/support/allowance.yaml": [("param('support.standard') * 2", "param('support.standrd') * 2")]})
    for _ in range(2):
        with pytest.raises(RuleErrors) as err:
            kept(pack)
        assert "E-PARAM-UNKNOWN" in {i.code for i in err.value.issues}
    assert not cache.exists() or not list(cache.glob("*.json"))


def test_the_cache_can_be_turned_off(make_pack, tmp_path, monkeypatch):
    monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert standard_on(kept(make_pack())) == 500000
    assert not (tmp_path / "xdg").exists()


def test_the_folder_keeps_the_plans_written_last(make_pack, cache, monkeypatch):
    monkeypatch.setattr(plancache, "KEPT", 2)
    packs = [make_pack(patches={PARAMS: [("value: 500000", f"value: {500000 + i}")]}) for i in range(3)]
    for pack in packs:
        kept(pack)
    assert len(list(cache.glob("*.json"))) == 2
    assert standard_on(kept(packs[-1])) == 500002 and standard_on(kept(packs[0])) == 500000   # compiled again
