"""Conditions read false by the absence of a true firing (engines/durable/fired.py).

The durable engine fires no false rule for a condition that cannot be known false while one of its
attributes is unknown: it reads it false where its attributes were posted and no true rule fired.
These tests hold that reading to what the false rules said: which conditions qualify, and, on the
test pack and the bundled pack, exactly the same conditions known false for every person and
household as a ruleset that fires every false rule (unknown stays unknown).
"""
from __future__ import annotations

import pytest

from durable_helpers import PACK, RandomRegister
from eligibility import load_rules
from eligibility.engines.durable import ruleset as ruleset_module
from eligibility.engines.durable.fired import two_valued
from eligibility.engines.durable.runner import Runner
from eligibility.engines.durable.table import prepare
from eligibility.engines.durable.translate import Atom, Elig, K, Slot

from shared import AS_OF

pytestmark = pytest.mark.slow   # durable_rules

AGE = Slot("person", 0, "age", "var", "age", "number")
POOR = Slot("household", 0, "on_poor_list", "var", "on_poor_list", "bool")


def test_which_conditions_are_read_false_by_absence():
    # a test on one attribute, a range on one attribute: false needs the attribute
    assert two_valued(((Atom(">=", AGE, K(60.0)),),), ((Atom("<", AGE, K(60.0)),),)) == (AGE,)
    assert two_valued(((Atom(">=", AGE, K(16.0)), Atom("<", AGE, K(60.0))),),
                      ((Atom("<", AGE, K(16.0)),), (Atom(">=", AGE, K(60.0)),))) == (AGE,)
    # `a or b`: false needs both attributes (true needs only one)
    a_or_b = (((Atom(">=", AGE, K(60.0)),), (Atom("==", POOR, K(True)),)),
              ((Atom("<", AGE, K(60.0)), Atom("==", POOR, K(False))),))
    assert set(two_valued(*a_or_b) or ()) == {AGE, POOR}
    # `a and b` is known false when one of them is false, the other unknown: it keeps its false rules
    a_and_b = (((Atom(">=", AGE, K(60.0)), Atom("==", POOR, K(True))),),
               ((Atom("<", AGE, K(60.0)),), (Atom("==", POOR, K(False)),)))
    assert two_valued(*a_and_b) is None
    # an elig fact is not an attribute: `eligible('x')` keeps its false rule
    assert two_valued(((Elig("x", "person", True),),), ((Elig("x", "person", False),),)) is None


def _known_false(plan, households, members, monkeypatch, absence: bool):
    """Every (key, condition form) known false after screening, with or without reading by absence."""
    if not absence:
        monkeypatch.setattr(ruleset_module, "two_valued", lambda true, false: None)
    runner = Runner(plan, AS_OF)
    monkeypatch.undo()
    work = prepare(plan, households, members).work
    found = set()
    for start in range(0, len(work), 25):
        runner.run_batch([(h.record, h.members) for h in work[start:start + 25]])
        found |= {(start, key, form) for key, forms in runner.col.cfalse.items() for form in forms}
    return runner, found


@pytest.mark.parametrize("which", ["test pack", "rule pack"])
def test_absence_reads_false_exactly_where_the_false_rules_fired(which, monkeypatch):
    plan = load_rules(PACK if which == "test pack" else None)
    households, members = RandomRegister(plan, AS_OF, seed=5).frames(60)
    by_absence, read = _known_false(plan, households, members, monkeypatch, absence=True)
    by_rules, fired = _known_false(plan, households, members, monkeypatch, absence=False)
    assert by_absence.builder.absent and not by_rules.builder.absent
    assert read == fired
    # no false rule left for a condition read by absence (the point of it)
    names = {spec.name for spec in by_absence.builder.specs}
    assert not any(name.startswith(f"F{form}_") for form in by_absence.builder.absent for name in names)
