"""The durable_rules engine in the edit loop: a few households over the small test pack.

The rest of the durable engine's tests are marked `slow` (the bundled pack's ruleset takes seconds to
build). Over the test pack (every construct of the expression language, chained benefits, several
stages) the ruleset is built in a fraction of a CPU-second, so this one runs in `make test-fast`: a
change that breaks the durable engine, or makes it decide differently, fails here before the slow run.
"""
from __future__ import annotations

from durable_helpers import PACK, RandomRegister, assert_same_decisions
from eligibility import load_rules
from eligibility.api import evaluate_frames
from eligibility.engines import durable

from shared import AS_OF


def test_durable_engine_decides_a_few_households_like_the_vectorised_engine():
    plan = load_rules(PACK)
    households, members = RandomRegister(plan, AS_OF, seed=31).frames(4)
    vectorised = evaluate_frames(plan, households, members, AS_OF, include_all=True).decisions
    decided = durable.screen_durable(plan, households, members, AS_OF, processes=1, include_all=True)
    assert durable.LAST_RUN["households"] == 4
    assert set(decided["status"].astype(str)) >= {"eligible", "not_eligible"}   # both sides of some rule
    assert_same_decisions(vectorised, decided, households, members)
