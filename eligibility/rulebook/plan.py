"""A compiled rule pack (`Plan`) and its parts: what every engine reads.

`compile.py` builds these once and never changes them afterwards: they are frozen (`slots`,
`kw_only`), sequences are tuples, and a pass that adds something (lineage, shared subexpressions)
makes new objects with `dataclasses.replace`. An engine may therefore hold on to any part of a
plan, share it between threads, or key caches by `id()` of its nodes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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


@dataclass(**FROZEN)
class CompiledParameter:
    name: str
    spec: Parameter
    file: str
    line: int | None

    def at(self, day: dt.date) -> DatedValue | None:
        """The dated value in force on `day`, or None (then expressions using it are unknown)."""
        for item in self.spec.values:
            end = item.to or next_from(self.spec.values, item)
            if item.from_ <= day and (end is None or day <= end):
                return item
        return None


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
    inputs: frozenset = frozenset()   # {(entity, column)} it reads, through variables and benefits
    params: frozenset = frozenset()


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
    params: frozenset = frozenset()

    def in_force(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


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

    @property
    def inputs(self) -> frozenset:
        return frozenset().union(*(c.inputs for r in self.rules for c in r.conditions))


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
    inputs: frozenset = frozenset()
    params: frozenset = frozenset()


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
    deps: dict[str, frozenset]                     # what each variable or benefit reads of the others
    variables: dict[str, CompiledVariable]
    benefits: dict[str, CompiledBenefit]
    targets: dict[str, CompiledTarget]
    examples: tuple[tuple[Source, int, Any], ...] = ()
    warnings: tuple[RuleIssue, ...] = ()          # worth a look, not wrong (units, shadowed rules, parameter gaps)

    def unverified_values(self) -> list[tuple[str, DatedValue]]:
        return [(name, v) for name, p in self.parameters.items() for v in p.spec.values if not v.verified]


__all__ = ["Plan", "CompiledBenefit", "CompiledRule", "CompiledVariable", "CompiledParameter", "CompiledCondition",
           "CompiledTarget", "next_from"]
