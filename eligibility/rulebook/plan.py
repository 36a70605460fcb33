"""A compiled rule pack (`Plan`) and its parts: what every engine reads.

`compile.py` builds these once and never changes them afterwards: they are frozen (`slots`,
`kw_only`), sequences are tuples, and a pass that adds something (lineage, shared subexpressions)
makes new objects with `dataclasses.replace`. An engine may therefore hold on to any part of a
plan, share it between threads, or key caches by `id()` of its nodes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import RuleIssue
from ..vocabulary import HitPolicy
from .expressions import Node, Type
from .base import Labels
from .inputs import InputSchema
from .load import Source
from .schema import DatedValue, Parameter, Reference, Target

FROZEN = dict(frozen=True, slots=True, kw_only=True)
InputRef = tuple[str, str]                     # (entity, column) of the register
Period = tuple[dt.date | None, dt.date | None]   # from, to (None: open)


@dataclass(**FROZEN)
class CompiledParameter:
    name: str
    spec: Parameter
    file: str
    line: int | None
    use_unverified: bool = False     # the run's policy: may values graded D be used?

    def entry(self, day: dt.date) -> DatedValue | None:
        """The dated value written for `day`, usable or not."""
        for item in self.spec.values:
            end = item.to or next_from(self.spec.values, item)
            if item.from_ <= day and (end is None or day <= end):
                return item
        return None

    def usable(self, item: DatedValue) -> bool:
        """A value graded D is used only when the run opts in (`--use-unverified`); a value written as
        `null` (a change is reported but its figure is not known) is never used."""
        return item.value is not None and (self.use_unverified or item.confidence != "D")

    def at(self, day: dt.date) -> DatedValue | None:
        """The value in force on `day` that the run may use, or None (then expressions using it are
        unknown, never 0)."""
        item = self.entry(day)
        return item if item is not None and self.usable(item) else None

    def withheld(self, day: dt.date) -> DatedValue | None:
        """The value written for `day` that the run may not use (graded D, or no figure), if any."""
        item = self.entry(day)
        return item if item is not None and not self.usable(item) else None


def next_from(values: list[DatedValue], item: DatedValue) -> dt.date | None:
    """The day before the next value starts: where a value without `to:` ends."""
    later = sorted(v.from_ for v in values if v.from_ > item.from_)
    return later[0] - dt.timedelta(days=1) if later else None


@dataclass(**FROZEN)
class CompiledCondition:
    text: str
    node: Node
    label: Labels | None
    line: int | None
    inputs: frozenset[InputRef] = frozenset()   # {(entity, column)} it reads, through variables and benefits
    params: frozenset[str] = frozenset()
    worded: bool = False              # the label is worded from the expression (rulebook/wordings.py)
    # a person's condition: the inputs read at the person's own row and household's (not through a household
    # variable: those are the members'), and the person variables a household variable it reads aggregates over
    # the members: a missing input is looked for where it is read (decisions/explanations.missing_inputs)
    own: frozenset[InputRef] | None = None
    behind: frozenset[str] = frozenset()


@dataclass(**FROZEN)
class CompiledRule:
    id: str
    benefit: str
    label: Labels
    reference: Reference
    valid_from: dt.date | None
    valid_to: dt.date | None
    priority: int
    conditions: tuple[CompiledCondition, ...]
    amount: Node
    rate: Node | None
    file: str
    line: int | None
    params: frozenset[str] = frozenset()
    period: Period = (None, None)   # the benefit's encoded period: outside it no rule is in force

    def in_force(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to) and _within(day, *self.period)


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass(**FROZEN)
class CompiledBenefit:
    id: str
    entity: str
    label: Labels
    unit: str
    hit_policy: HitPolicy
    enrolled: Node | None
    rules: tuple[CompiledRule, ...]    # in precedence order (priority, then id)
    reference: Reference | None
    file: str
    line: int | None
    period: Period = (None, None)  # (from, to) the rules encode; outside: undetermined, "period not encoded"
    enrolled_from: Any = None     # schema.EnrolledFrom: enrolment from the programme's list (eligibility/audit.py)

    def encodes(self, day: dt.date) -> bool:
        """Whether the pack encodes the law of `day` for this benefit. Outside its period every
        decision is `undetermined` (never `not_eligible`: the pack does not know the law then)."""
        return _within(day, *self.period)

    @property
    def inputs(self) -> frozenset[InputRef]:
        return frozenset[InputRef]().union(*(c.inputs for r in self.rules for c in r.conditions))


@dataclass(**FROZEN)
class CompiledVariable:
    name: str
    entity: str
    type: Type
    label: Labels
    node: Node
    reference: Reference | None
    file: str
    line: int | None
    inputs: frozenset[InputRef] = frozenset()
    params: frozenset[str] = frozenset()


@dataclass(**FROZEN)
class CompiledTarget:
    id: str
    spec: Target
    population: Node
    indicator: Node
    file: str
    line: int | None


@dataclass(**FROZEN)
class Plan:
    """A compiled rule pack, ready for any engine."""

    folder: Path
    digest: str
    inputs: InputSchema
    parameters: dict[str, CompiledParameter]
    order: tuple[str, ...]                         # variables and benefits, dependencies first
    deps: dict[str, frozenset[str]]                # what each variable or benefit reads of the others
    variables: dict[str, CompiledVariable]
    benefits: dict[str, CompiledBenefit]
    targets: dict[str, CompiledTarget]
    examples: Sequence[tuple[Source, int, Any]] = ()   # a tuple; in a kept plan read on first use (plancache)
    warnings: tuple[RuleIssue, ...] = ()          # worth a look, not wrong (units, shadowed rules, parameter gaps)
    use_unverified: bool = False                   # values graded D used (the run opted in) or withheld

    def named_when_missing(self, inputs: Iterable[InputRef]) -> list[InputRef]:
        """`inputs` (sorted) less those computed from another table (`derived_from`): a decision left
        undetermined names what an officer can fill, and these are filled by no one (their table's own
        blank cell is what is missing: see their note in rules/inputs/)."""
        def derived(ref: InputRef) -> bool:
            column = self.inputs.table_for(ref[0]).columns.get(ref[1])
            return column is not None and column.derived_from is not None
        return sorted(ref for ref in inputs if not derived(ref))

    def read_with(self, ref: InputRef) -> list[str]:
        """The other inputs computed from the same table as `ref` (`derived_from`), [] for an input read from the
        register: one of them known at a row says the table was read for it (it fills them all, a blank where its
        own cell is blank), so `ref` blank there is a blank cell of that table, not a table not given."""
        table = self.inputs.table_for(ref[0])
        column = table.columns.get(ref[1])
        if column is None or column.derived_from is None:
            return []
        return sorted(n for n, c in table.columns.items() if c.derived_from == column.derived_from and n != ref[1])

    def unverified_values(self) -> list[tuple[str, DatedValue]]:
        return [(name, v) for name, p in self.parameters.items() for v in p.spec.values if not v.verified]

    def with_unverified(self, use: bool) -> Plan:
        """The same pack under the run's policy for values graded D: withheld (the default) or used."""
        if use == self.use_unverified:
            return self
        params = {n: replace(p, use_unverified=use) for n, p in self.parameters.items()}
        return replace(self, parameters=params, use_unverified=use)


__all__ = ["Plan", "CompiledBenefit", "CompiledRule", "CompiledVariable", "CompiledParameter", "CompiledCondition",
           "CompiledTarget", "next_from"]
