"""What fired in a session (Collector), and conditions known false by the absence of a true firing.

The Collector holds what the actions recorded for the live session's households: rules that held,
condition forms known true or false per person or household key, failures counted, elig facts sent.

Conditions known false by the absence of a true firing, where that cannot be mistaken for unknown.
Most conditions are false for most people (a severe disability, an age over 80, a commune on the
poor list), and every condition had a *false* rule firing to say so: about 330 of the 420 matches a
household on the bundled pack, each handed to Python as the matched fact's JSON. A condition every
way of being false of which reads all its attributes (one column against a constant, a value in a
list, a range on one variable, `a or b` over several) cannot be known false while one of them is
unknown, and once they are all posted it is true or false: then the engine fires only its *true*
rules, and it is known false for a person or household exactly when its attributes were posted and
no true rule fired. Unknown stays unknown (an attribute left out: nothing read as false); the failed
rule, its explanation and its missing inputs are read from the same sets as before
(`Collector.cfalse`), and for benefits that `eligible('x')` joins on the failures are counted as the
false rules' actions count them (`Runner._failure`), their elig facts asserted in the next round.
Where every rule using a condition has that condition alone, its *holds* rules say when it is true
and no true rule is fired for it. A single negative test (`!=`, `== false`) usually holds: it keeps
its false rule (its truth read by absence, as before: `RuleConditions.single`).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from .native import Fact
from .translate import DNF, Atom, Slot


class Collector:
    """What fired for the household in the live session."""

    __slots__ = ("holds", "ctrue", "cfalse", "fail_sent", "notelig", "chunk_sent", "elig_sent", "errors",
                 "thread", "known", "pending", "fail_count")

    def __init__(self) -> None:
        self.holds: set[tuple[int, int, str]] = set()       # (benefit, rule, key) holds
        self.ctrue: dict[str, set[int]] = {}                 # key -> condition forms known true
        self.cfalse: dict[str, set[int]] = {}                # key -> condition forms known false
        self.fail_sent: set[tuple[int, int, str]] = set()   # (benefit, rule, key) failed, of benefits deriving elig facts
        self.fail_count: dict[tuple[int, str], int] = {}     # (benefit, key) -> rules failed (counted in Python)
        self.notelig: set[tuple[int, str]] = set()
        self.chunk_sent: set[tuple[int, int, str]] = set()
        self.elig_sent: dict[tuple[int, str], bool] = {}     # (benefit index, key) -> the value asserted
        self.known: dict[str, set[str]] = {}                 # key -> attributes posted (known) in its facts
        self.pending: list[Fact] = []                        # derived facts to assert in the next round
        self.errors: list[str] = []
        self.thread = threading.get_ident()


Body = Callable[[list[Fact], Collector, list[str]], None]   # an action's work for the keys one call matched


@dataclass
class Stats:
    households: int = 0
    sessions_created: int = 0
    sessions_deleted: int = 0
    sessions_checked_gone: int = 0
    max_live_sessions: int = 0
    actions: int = 0
    matched: int = 0            # persons or households a rule fired for, summed over rules
    cpu_seconds: float = 0.0


def two_valued(true: DNF, false: DNF) -> tuple[Slot, ...] | None:
    """The attributes of a condition that is known false only once they are all posted (every way of
    being false reads each of them; no elig fact), or None. With all of them posted, every test is
    true or false, so the condition is either known true or known false (the two sides are each
    other's negation): known false is then exactly "all posted and no true alternative fired"."""
    tests = [test for conj in true + false for test in conj]
    if not true or not false or not all(isinstance(t, Atom) for t in tests):
        return None
    every = {s for t in tests if isinstance(t, Atom) for s in (t.left, t.right) if isinstance(s, Slot)}
    for conj in false:
        if {s for t in conj if isinstance(t, Atom) for s in (t.left, t.right) if isinstance(s, Slot)} != every:
            return None
    return tuple(sorted(every, key=lambda s: (s.entity, s.attr)))


@dataclass(frozen=True)
class Absent:
    """One condition form read false by absence, for keys of its entity."""

    form: int
    attrs: tuple[tuple[bool, str], ...]          # (on the household fact, attribute) it needs posted
    alone_in: tuple[tuple[int, int], ...] | None  # (benefit, rule) whose holds rule says it is true, or None:
                                                  # its own true rule fires (Collector.ctrue)


class AbsenceReader:
    """Per stage, the forms whose attributes that stage posts; after the stage's facts have run through
    the engine, each is marked false for every key that has them posted and no true firing.

    Worked out per session batch with set operations (one pass per key, not per key and form): the
    stage's forms of the key's entity, less those needing an attribute the key lacks, less those
    known true (their true rules fired, for the key or, for a member's form on household attributes only,
    for the household's key; or the holds rule of a rule they are alone in)."""

    def __init__(self, entity_of: list[str], absent: dict[int, Absent], levels: dict[int, int], stages: int,
                 counted: set[int]):
        self.counted = frozenset(counted)    # forms whose failures are counted (benefits joined on)
        self.forms: list[dict[str, frozenset[int]]] = [{} for _ in range(stages)]
        self.needs: list[dict[tuple[str, bool], set[str]]] = [{} for _ in range(stages)]
        self.needed_by: dict[tuple[str, bool, str], set[int]] = {}   # (entity, on household, attr) -> forms
        self.alone: dict[tuple[int, int], set[int]] = {}              # (benefit, rule) -> forms alone in it
        for form, spec in absent.items():
            stage, entity = levels[form], entity_of[form]
            self.forms[stage][entity] = self.forms[stage].get(entity, frozenset()) | {form}
            for on_household, attr in spec.attrs:
                self.needs[stage].setdefault((entity, on_household), set()).add(attr)
                self.needed_by.setdefault((entity, on_household, attr), set()).add(form)
            for owner in spec.alone_in or ():
                self.alone.setdefault(owner, set()).add(form)

    def fill(self, col: Collector, stage: int, keys: list[tuple[str, list[str]]]) -> list[tuple[int, str]]:
        """Mark the stage's forms known false where they are (`keys`: each household's key and its members');
        the (form, key) pairs marked whose failures are counted."""
        marked: list[tuple[int, str]] = []
        forms, needs = self.forms[stage], self.needs[stage]
        if not forms:
            return marked
        known, ctrue, cfalse = col.known, col.ctrue, col.cfalse
        held: dict[str, set[int]] = {}
        for bi, ri, key in col.holds:
            if (bi, ri) in self.alone:
                held.setdefault(key, set()).update(self.alone[(bi, ri)])
        for hkey, pkeys in keys:
            for entity, entity_keys in (("household", [hkey]), ("person", pkeys)):
                candidates = forms.get(entity)
                if not candidates:
                    continue
                # the attributes its forms need that are unknown: on the household (a member's forms), its own
                lacking = [(True, a) for a in needs.get((entity, True), set()).difference(known.get(hkey, ()))]
                own_needs = needs.get((entity, False), set())
                for key in entity_keys:
                    missing = lacking + [(False, a) for a in own_needs.difference(known.get(key, ()))]
                    false = candidates.difference(*(self.needed_by[(entity, *m)] for m in missing),
                                                  ctrue.get(key, ()), ctrue.get(hkey, ()), held.get(key, ()))
                    if false:
                        cfalse.setdefault(key, set()).update(false)
                        marked.extend((form, key) for form in false & self.counted)
        return marked
