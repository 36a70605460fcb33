"""A register cut into households for the engine, and the decisions table laid out from its rows.

The table is laid out as `decisions.build_decisions` lays it out (benefits by name, rows in
register order; hit policy `all`: per paying rule, then the rest), so both engines' tables compare
row for row. Its identity columns (who and where) come from `register.identity`, as the vectorised
table's do, and its column order from the vocabulary.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ...rulebook.compile import Plan
from ..scalar import plain_columns, records
from ...register.identity import identity_columns
from ...vocabulary import DECISION_COLUMNS as COLUMNS
from .decide import DecisionRow
from .runner import Row, Runner


class Household(NamedTuple):
    """One household's records, and where its rows sit in the register."""

    record: Row
    members: list[Row]
    row: int                 # the household's row in the household table
    member_rows: list[int]   # its members' rows in the (reordered) member table


class PlacedRow(NamedTuple):
    """A decision row with its place in the register."""

    benefit: int             # index in plan order
    part: int
    row: int                 # the person's row (person benefits) or the household's
    household_row: int
    decision: DecisionRow


@dataclass
class Prepared:
    """A register cut into households: plain records, and where each row sits in the output order."""

    households: pd.DataFrame
    members: pd.DataFrame
    work: list[Household]


def prepare(plan: Plan, households: pd.DataFrame, members: pd.DataFrame) -> Prepared:
    from ..vectorised import household_positions

    households = households.reset_index(drop=True)
    hh_pos = household_positions(households["household_id"], members["household_id"])
    if (hh_pos < 0).any():
        raise ValueError("members refer to households that are not in the household table")
    order = np.argsort(hh_pos, kind="stable")
    members = members.iloc[order].reset_index(drop=True)
    hh_index = hh_pos[order]
    hh_records = records(plain_columns(plan, "household", households), len(households))
    m_records = records(plain_columns(plan, "person", members), len(members))
    starts = np.searchsorted(hh_index, np.arange(len(households) + 1))
    work = []
    for h, record in enumerate(hh_records):
        lo, hi = int(starts[h]), int(starts[h + 1])
        work.append(Household(record, m_records[lo:hi], h, list(range(lo, hi))))
    return Prepared(households, members, work)


def run_households(runner: Runner, chunk: list[Household], per_session: int) -> list[PlacedRow]:
    """Screen households on this process's runner, `per_session` to a session; rows placed in the register."""
    started = time.process_time()
    out = []
    person = [b.entity == "person" for b in runner.benefits]
    for start in range(0, len(chunk), per_session):
        batch = chunk[start:start + per_session]
        decided = runner.run_batch([(household.record, household.members) for household in batch])
        for household, rows in zip(batch, decided):
            for row in rows:
                pos = household.member_rows[row.member] if person[row.benefit] else household.row
                out.append(PlacedRow(row.benefit, row.part, pos, household.row, row))
    runner.stats.cpu_seconds += time.process_time() - started
    return out


def frame(plan: Plan, prepared: Prepared, rows: list[PlacedRow], lang: str) -> pd.DataFrame:
    """The decisions table: identity columns as strings (missing: NA), the district by its label,
    repeated texts as categoricals."""

    benefits = [plan.benefits[n] for n in plan.order if n in plan.benefits]
    rank = {bi: r for r, bi in enumerate(sorted(range(len(benefits)), key=lambda i: benefits[i].id))}
    rows.sort(key=lambda r: (rank[r.benefit], r.part, r.row))
    decisions = [r.decision for r in rows]
    bidx = np.fromiter((r.benefit for r in rows), dtype=np.int64, count=len(rows))
    pos = np.fromiter((r.row for r in rows), dtype=np.int64, count=len(rows))
    hh_rows = np.fromiter((r.household_row for r in rows), dtype=np.int64, count=len(rows))
    person = np.array([b.entity == "person" for b in benefits], dtype=bool)[bidx]
    p_rows = np.where(person, pos, -1)

    def per_benefit(values: list[Any]) -> pd.Categorical:
        return pd.Categorical(np.array(values, dtype=object)[bidx] if len(bidx) else [])

    def texts(field: str) -> pd.Categorical:
        return pd.Categorical(np.array([getattr(d, field) for d in decisions], dtype=object))

    def numbers(field: str) -> np.ndarray:
        return np.array([getattr(d, field) for d in decisions], dtype=float)

    out = pd.DataFrame({
        **identity_columns(plan, prepared.households, prepared.members, hh_rows, p_rows, lang),
        "benefit": per_benefit([b.id for b in benefits]),
        "benefit_label": per_benefit([getattr(b.label, lang) for b in benefits]),
        "entity": per_benefit([b.entity for b in benefits]),
        "status": texts("status"),
        "coverage": texts("coverage"),
        "amount": numbers("amount"),
        "unit": per_benefit([b.unit for b in benefits]),
        "rate": numbers("rate"),
        "rule": texts("rule"),
        "rule_label": texts("rule_label"),
        "reference": texts("reference"),
        "explanation": texts("explanation"),
        "missing_inputs": texts("missing_inputs"),
        "unverified": texts("unverified"),
        "parameter_values": texts("parameter_values"),
        "amount_is_minimum": np.array([d.amount_is_minimum for d in decisions], dtype=bool),
    })
    return out[COLUMNS]
