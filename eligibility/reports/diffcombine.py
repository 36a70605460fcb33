"""A diff of a partitioned register: the diffs of its parts added up into the diff of one run.

Parts hold whole households, so every count of a part's summaries (decisions of each kind of change,
households gaining or losing) and every sum of money adds up across parts; the list of changes is the
parts' lists in the order `compare` sorts them, and the table of rules crossed is made again from it.
"""
from __future__ import annotations

import pandas as pd

from .diff import by_rule, sort_changes
from .diffsummary import COUNTS, MONEY, changed, place_order

PLACES = {"by_benefit": [], "by_commune": ["district", "commune"], "by_village": ["district", "commune", "village"]}


def combine(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The diff tables of the whole register from those of its parts (each as `compare(..., part=True)`
    returns them: every place kept, changed or not, so that the money before and after adds up)."""
    changes = sort_changes(pd.concat([p["changes"] for p in parts], ignore_index=True))
    out = {view: _add(pd.concat([p[view] for p in parts], ignore_index=True), keys) for view, keys in PLACES.items()}
    return {**out, "by_rule": by_rule(changes), "changes": changes}


def _add(frame: pd.DataFrame, place: list[str]) -> pd.DataFrame:
    """Rows of one (place, benefit) added up, in `compare`'s order: per place the total row ('*') first."""
    keys = place + ["benefit", "benefit_label", "unit"]
    summed = frame.groupby(keys, sort=False, dropna=False)[COUNTS + MONEY].sum().reset_index()
    summed = summed[frame.columns]
    return place_order(changed(summed) if place else summed, place)
