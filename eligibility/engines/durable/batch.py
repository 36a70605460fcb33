"""Reading a session batch's decisions back at once: every (benefit, person or household) status from
what fired, with array operations, before any row is written.

A benefit is eligible for a key if one of its rules held there, not eligible if every rule in force
failed (one of its condition forms known false), otherwise undetermined — as `DecisionReader.decide_one`
reads one at a time. Reading ~110 benefit × person decisions a household one by one, each looking at
each of its rules, was the largest Python cost of the engine after the third round (~0.6 ms a
household); most of them are "not eligible" and write no row. Here the batch's known-false forms
(`Collector.cfalse`) become a key × form matrix, and a product with the form × rule incidence gives
every rule's failure for every key; the rules that held (`Collector.holds`) another key × rule
matrix; a sum per benefit's columns gives held / undetermined. Only the decisions that write a row
(eligible, undetermined, `--all`, or a not-eligible one whose enrolment makes it leakage) go
through `decide_one`, which reads them again in full (amounts, explanation, missing inputs).
"""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np

from ...rulebook.compile import CompiledBenefit
from ...vocabulary import Coverage
from ..scalar import NOT_ELIGIBLE, Decided, HouseholdContext
from .decide import DecisionReader, DecisionRow, coverage

if TYPE_CHECKING:
    from .fired import Collector

HELD, UNKNOWN, FAILED = 0, 1, 2           # a (key, benefit) cell of the status matrix: eligible, undetermined, not
_NOT_ELIGIBLE = Decided(NOT_ELIGIBLE, None)   # (shared: a Decided is never changed once stored)


class EntityRules:
    """The rules in force of one stage's benefits of one entity as matrix columns, grouped by benefit."""

    def __init__(self, reader: DecisionReader, benefits: list[int], forms: int):
        self.benefits = benefits                       # benefit indices, in the order of their column groups
        columns = [(bi, ri, fs) for bi in benefits for ri, fs in reader.in_force[bi]]
        self.column = {(bi, ri): c for c, (bi, ri, _) in enumerate(columns)}
        # form -> the columns of the rules using it, as a compressed sparse row (pointer, columns)
        using: list[list[int]] = [[] for _ in range(forms)]
        for c, (_, _, fs) in enumerate(columns):
            for form in fs:
                using[form].append(c)
        self.pointer = np.cumsum([0] + [len(u) for u in using])
        self.using = np.array([c for u in using for c in u], dtype=np.int64)
        self.bounds = np.cumsum([0] + [len(reader.in_force[bi]) for bi in benefits])   # benefit k: bounds[k]:[k+1]
        self.position = {bi: k for k, bi in enumerate(benefits)}
        self.names = [reader.benefits[bi].rules[ri].id for bi, ri, _ in columns]
        self.ids = [reader.benefits[bi].id for bi in benefits]

    def failed(self, col: Collector, keys: list[str]) -> np.ndarray:
        """keys x rules: the rule has a condition known false for the key."""
        known_false = [col.cfalse.get(key, ()) for key in keys]
        rows = np.repeat(np.arange(len(keys)), [len(f) for f in known_false])
        forms = np.fromiter(itertools.chain.from_iterable(known_false), dtype=np.int64, count=len(rows))
        starts, ends = self.pointer[forms], self.pointer[forms + 1]
        counts = ends - starts
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        out = np.zeros((len(keys), len(self.names)), dtype=bool)
        out[np.repeat(rows, counts), self.using[np.repeat(starts, counts) + offsets]] = True
        return out

    def statuses(self, col: Collector, keys: list[str], holds: list[tuple[int, int, str]], derives: list[bool],
                 encoded: list[bool]) -> np.ndarray:
        """keys x benefits: HELD, UNKNOWN or FAILED, from what fired (checked against the elig facts sent)."""
        n, width = len(keys), len(self.names)
        index = {key: i for i, key in enumerate(keys)}
        failed = self.failed(col, keys)
        held = np.zeros((n, width), dtype=bool)
        column = self.column
        cells = [(index[key], column[(bi, ri)]) for bi, ri, key in holds if (bi, ri) in column and key in index]
        if cells:
            rows, cols = zip(*cells)
            held[list(rows), list(cols)] = True
        both = held & failed
        if both.any():
            i, c = (int(v[0]) for v in np.nonzero(both))
            raise RuntimeError(f"rule {self.names[c]} both held and failed for {keys[i]}")
        zero = np.zeros((n, 1), dtype=np.int64)
        open_ = np.concatenate([zero, np.cumsum(~held & ~failed, axis=1)], axis=1)
        some = np.concatenate([zero, np.cumsum(held, axis=1)], axis=1)
        lo, hi = self.bounds[:-1], self.bounds[1:]
        status = np.where(some[:, hi] > some[:, lo], HELD, np.where(open_[:, hi] > open_[:, lo], UNKNOWN, FAILED))
        for k, bi in enumerate(self.benefits):
            if not encoded[bi]:            # a period the pack does not encode: never "not eligible"
                status[:, k] = UNKNOWN
            elif derives[bi]:
                told = np.array([(bi, key) in col.notelig for key in keys], dtype=bool)
                wrong = np.nonzero((status[:, k] == FAILED) != told)[0]
                if len(wrong):
                    raise RuntimeError(f"{self.ids[k]} for {keys[int(wrong[0])]}: the derived decision "
                                       f"disagrees with the rules' failures")
        return status


class BatchReader:
    """Decision rows of a session batch, stage by stage (see the module's docstring)."""

    def __init__(self, reader: DecisionReader, harvest_at: list[list[CompiledBenefit]], forms: int):
        self.reader = reader
        index = reader.tr.benefit_index
        self.entities = [{entity: EntityRules(reader, [index[b.id] for b in benefits if b.entity == entity], forms)
                          for entity in ("household", "person") if any(b.entity == entity for b in benefits)}
                         for benefits in harvest_at]
        # per stage, per benefit in order: what a not-eligible decision needs (see _quiet)
        self.stages = [[(b, index[b.id], entities[b.entity].position[index[b.id]],
                         None if b.enrolled is None else reader.scalar.closure(b.enrolled),
                         coverage(NOT_ELIGIBLE, b.enrolled is not None, None) == Coverage.LEAKAGE,
                         coverage(NOT_ELIGIBLE, b.enrolled is not None, True) == Coverage.LEAKAGE,
                         coverage(NOT_ELIGIBLE, b.enrolled is not None, False) == Coverage.LEAKAGE)
                        for b in benefits] for benefits, entities in zip(harvest_at, self.entities)]

    def read(self, stage: int, ctxs: list[HouseholdContext], col: Collector, keys: list[tuple[str, list[str]]],
             rows: list[list[DecisionRow]]) -> None:
        """Append to rows[j] household j's rows of the stage's benefits, in the order decide() gives them
        (benefit by benefit, each for every household of the batch in turn)."""
        entities = self.entities[stage]
        if not entities:
            return
        reader = self.reader
        holds = list(col.holds)
        cells: dict[str, list[tuple[int, int | None, str]]] = {   # (household j, member or None, key)
            "household": [(j, None, hkey) for j, (hkey, _) in enumerate(keys)],
            "person": [(j, person, key) for j, (_, members) in enumerate(keys) for person, key in enumerate(members)]}
        status: dict[str, list[list[int]]] = {
            entity: rules.statuses(col, [key for _, _, key in cells[entity]], holds, reader.derives,
                                   reader.encoded).T.tolist()
            for entity, rules in entities.items()}
        quiet = not reader.include_all
        for benefit, bi, k, enrolled, *leaks in self.stages[stage]:
            entity = benefit.entity
            for (j, person, key), state in zip(cells[entity], status[entity][k]):
                ctx = ctxs[j]
                if state == FAILED and quiet:
                    # not eligible, no row unless its enrolment makes it leakage: recorded for the
                    # expressions that read it (amount('x'), eligible('x')), and nothing else to do
                    value = None if enrolled is None else enrolled(ctx, person)
                    if not leaks[0 if value is None else 1 if value else 2]:
                        if person is None:
                            ctx.hh_benefits[benefit.id] = _NOT_ELIGIBLE
                        else:
                            ctx.person_benefits[person][benefit.id] = _NOT_ELIGIBLE
                        continue
                rows[j].extend(reader.decide_one(bi, benefit, key, person, ctx, col, keys[j][0]))
