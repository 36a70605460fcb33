"""The programme lists read for the audit, once per run and before screening: entries matched to
people and in force on the as-of date, and, per audited benefit, the people (or households) they name.

Screening keeps those people's decision rows even where they are neither eligible nor enrolled by
the flags (`build_decisions(also=...)`): the audit judges them from the list, so their households need
not be screened a second time (on 1 M persons and 300,000 card entries, that second screening was
most of the audit's cost).
"""
from __future__ import annotations

import functools

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..register.checks import isin
from .entries import active_entries


@dataclass
class Listed:
    lists: pd.DataFrame
    matches: pd.DataFrame
    entries: pd.DataFrame            # active_entries: matched, in force, with the benefit and the key it enrols
    declared: dict[str, str]         # programme code -> benefit (`enrolled_from`)
    entity: dict[str, str]           # benefit -> entity

    @functools.cached_property
    def audited(self) -> list[str]:
        """The benefits whose coverage comes from a list (its programme has entries): the few distinct
        codes, by Arrow (not a Python string per entry), once."""
        listed = {str(p) for p in self.lists["programme"].astype("string").dropna().unique()}
        return [b for p, b in self.declared.items() if p in listed]

    def keys(self) -> dict[str, pd.Series]:
        """Per audited benefit, the keys (person or household IDs) its list's entries enrol."""
        linked = self.entries.loc[self.entries["key"].notna().to_numpy(), ["benefit", "key"]]
        return {b: linked.loc[linked["benefit"] == b, "key"] for b in self.audited}

    def masks(self, households: pd.DataFrame, members: pd.DataFrame) -> dict[str, np.ndarray]:
        """Per audited benefit, which rows of its entity (in the order given) a list names."""
        ids = {"person": members["person_id"], "household": households["household_id"]}
        return {b: isin(ids[self.entity[b]].reset_index(drop=True), keys) for b, keys in self.keys().items()}


def list_benefits(plan) -> dict[str, str]:
    """programme code -> benefit, for every benefit with `enrolled_from`."""
    return {b.enrolled_from.programme: name for name, b in plan.benefits.items() if b.enrolled_from is not None}


def read_lists(plan, register, as_of: dt.date) -> Listed | None:
    """The register's programme lists matched and dated, or None where it gives none."""
    lists = getattr(register, "tables", {}).get("programme_lists") if register is not None else None
    if lists is None or lists.empty:
        return None
    from ..register.matching import match_entries   # a register without lists loads no matcher (rapidfuzz)

    declared = list_benefits(plan)
    entity = {name: b.entity for name, b in plan.benefits.items()}
    matches = match_entries(lists, register.households, register.members)
    levels = {p: (level.column, level.percent) for p, b in declared.items()
              if (level := plan.benefits[b].enrolled_from.level) is not None}
    entries = active_entries(lists, matches, as_of, declared, entity, levels)
    return Listed(lists, matches, entries, declared, entity)
