"""Reading a session batch's decisions at once (engines/durable/batch.py), and the posted names.

The batch reader decides every (benefit, person or household) status with array operations and
sends only the decisions that write a row through `DecisionReader.decide_one`. These tests hold
its statuses to decide_one's own reading of the same firings, cell by cell, on the test pack and
the bundled pack over random registers (every column may be missing), and check that the short
attribute names the engine sees are one-to-one with the attributes.
"""
from __future__ import annotations

import pytest

from durable_helpers import PACK, RandomRegister
from eligibility import load_rules
from eligibility.engines.durable import batch as batch_module
from eligibility.engines.durable.runner import Runner
from eligibility.engines.durable.table import prepare
from eligibility.engines.scalar import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED

from shared import AS_OF

pytestmark = pytest.mark.slow   # durable_rules

CODE = {batch_module.HELD: ELIGIBLE, batch_module.UNKNOWN: UNDETERMINED, batch_module.FAILED: NOT_ELIGIBLE}


@pytest.mark.parametrize("which", ["test pack", "rule pack"])
def test_batch_statuses_are_decide_ones_cell_by_cell(which, monkeypatch):
    plan = load_rules(PACK if which == "test pack" else None)
    households, members = RandomRegister(plan, AS_OF, seed=7).frames(60)
    runner = Runner(plan, AS_OF, include_all=True)
    seen: list[tuple[str, str, object, object]] = []
    read = batch_module.BatchReader.read

    def checked(self, stage, ctxs, col, keys, rows):
        entities = self.entities[stage]
        cells = {"household": [(j, None, hkey) for j, (hkey, _) in enumerate(keys)],
                 "person": [(j, p, key) for j, (_, ms) in enumerate(keys) for p, key in enumerate(ms)]}
        statuses = {entity: rules.statuses(col, [key for _, _, key in cells[entity]], list(col.holds),
                                           self.reader.derives, self.reader.encoded)
                    for entity, rules in entities.items()}
        read(self, stage, ctxs, col, keys, rows)       # (include_all: every cell through decide_one)
        for benefit, bi, k, *_ in self.stages[stage]:
            for i, (j, person, key) in enumerate(cells[benefit.entity]):
                one = self.reader.decide_one(bi, benefit, key, person, ctxs[j], col, keys[j][0])
                seen.append((benefit.id, key, CODE[int(statuses[benefit.entity][i, k])], one[0].status))

    monkeypatch.setattr(batch_module.BatchReader, "read", checked)
    work = prepare(plan, households, members).work
    for start in range(0, len(work), 20):
        runner.run_batch([(h.record, h.members) for h in work[start:start + 20]])
    assert len(seen) > 100
    assert {status for *_, status in seen} == {ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED}
    assert [cell for cell in seen if cell[2] != cell[3]] == []


def test_posted_names_are_short_and_one_to_one(bundled_plan):
    runner = Runner(bundled_plan, AS_OF)
    names = runner.builder.names
    assert len(set(names.values())) == len(names) > 50
    reserved = {"t", "sid", "id", "pid", "hid", "e", "b", "r", "v", "c", "k"}
    assert not reserved & set(names.values())
    carried = {a for groups in runner.builder.groups.values() for g in groups for a in g.attrs}
    assert carried <= set(names)
    for stage in runner.facts_at:
        for facts in stage.values():
            for _tag, attrs in facts:
                assert all(name in names.values() and len(name) <= 4 for _, name in attrs)
