"""The diff's summaries: per benefit, per (commune, benefit) and per (village, benefit), with a total row
per place ('*' = every benefit), counted on integer group codes with `np.bincount`.

A count is a number of decisions (a person's or a household's benefit) of each kind of change;
households gaining / losing count each household once per group; money columns add up the
decisions' monthly, yearly and one-off amounts (unknown amounts as 0, counted apart).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .diffalign import distinct
from .labels import ALL_BENEFITS

KINDS = ["gain", "loss", "amount_up", "amount_down", "amount_unknown", "rate_change", "rule_change",
         "status_change", "coverage_change"]
MONEY = ["monthly_old", "monthly_new", "monthly_change", "yearly_old", "yearly_new", "yearly_change", "once_change"]
COUNTS = KINDS + ["amount_unknown_new", "households_gaining", "households_losing"]


@dataclass
class Keys:
    """Every decision key of the diff as codes: places and benefit (codes into `values`), household,
    the kind of change (index into KINDS, -1 unchanged) and the money of each side."""

    places: dict[str, tuple[np.ndarray, np.ndarray]]
    benefit: tuple[np.ndarray, np.ndarray]
    household: np.ndarray
    kind: np.ndarray
    money: dict[str, np.ndarray]
    benefits: pd.DataFrame            # benefit → benefit_label, unit, entity
    extra: dict = field(default_factory=dict)


def by_benefit(keys: Keys) -> pd.DataFrame:
    """One row per benefit, the first row totalling every benefit."""
    every = _aggregate(keys, [], with_benefit=False)
    return pd.concat([every, _aggregate(keys, [], with_benefit=True)], ignore_index=True)


def by_place(keys: Keys, place: list[str], every: bool = False) -> pd.DataFrame:
    """Per place, a total row then one row per benefit — only where something changed (`every`: all of
    them, for a part of a register whose sums are added to other parts' before the unchanged are left out)."""
    out = pd.concat([_aggregate(keys, place, with_benefit=False), _aggregate(keys, place, with_benefit=True)],
                    ignore_index=True)
    return place_order(out if every else changed(out), place)


def changed(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a summary where a decision changed or the yearly cost moved."""
    return table[(table[KINDS].sum(axis=1) > 0).to_numpy() | (table["yearly_change"] != 0).to_numpy()]


def place_order(out: pd.DataFrame, place: list[str]) -> pd.DataFrame:
    """Per place, the total row ('*') first, then the benefits."""
    first = out["benefit"].ne(ALL_BENEFITS).astype(int)
    return out.assign(_o=first).sort_values(place + ["_o", "benefit"], kind="stable") \
        .drop(columns="_o").reset_index(drop=True)


def _aggregate(keys: Keys, place: list[str], with_benefit: bool) -> pd.DataFrame:
    names = place + (["benefit"] if with_benefit else [])
    groups = [keys.places[p] for p in place] + ([keys.benefit] if with_benefit else [])
    if groups:
        codes, inverse, n = _groups(keys, names)
    else:
        codes, inverse, n = (), np.zeros(len(keys.kind), dtype=np.int64), 1
    out = pd.DataFrame({name: values[c] for name, (_, values), c in zip(names, groups, codes)}, index=range(n))
    if not with_benefit:
        out["benefit"] = ALL_BENEFITS
    info = keys.benefits.reindex(out["benefit"].to_numpy())
    out["benefit_label"] = np.where(out["benefit"] == ALL_BENEFITS, ALL_BENEFITS, info["benefit_label"].to_numpy())
    out["unit"] = np.where(out["benefit"] == ALL_BENEFITS, "", info["unit"].to_numpy())
    changed = np.flatnonzero(keys.kind >= 0)     # every kind counted in one pass over the changed keys
    counts = np.bincount(inverse[changed] * len(KINDS) + keys.kind[changed], minlength=n * len(KINDS))
    for i, name in enumerate(KINDS):
        out[name] = counts[i::len(KINDS)].astype(np.int64)
    for name in MONEY:
        out[name] = np.bincount(inverse, weights=keys.money[name], minlength=n)
    out["amount_unknown_new"] = np.bincount(inverse, weights=keys.money["amount_unknown_new"],
                                            minlength=n).astype(np.int64)
    for name, kind in (("households_gaining", "gain"), ("households_losing", "loss")):
        out[name] = _households(inverse, keys.household, keys.kind == KINDS.index(kind), n)
    return out


FINEST = ["district", "commune", "village", "benefit"]


def _groups(keys: Keys, names: list[str]) -> tuple[tuple, np.ndarray, int]:
    """The groups of the keys by `names`: (each present group's codes per name, sorted; each key's
    group; how many), read off the finest grouping, which sorts the keys once for all six summaries."""
    finest, fine_group = _finest(keys)
    sizes = [len(keys.benefit[1] if name == "benefit" else keys.places[name][1]) for name in names]
    flat = np.ravel_multi_index([finest[name] for name in names], sizes)   # one per fine group
    present = distinct(flat)
    return np.unravel_index(present, sizes), np.searchsorted(present, flat)[fine_group], len(present)


def _finest(keys: Keys) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per (district, commune, village, benefit) present: its codes; per key: its group (kept in `extra`)."""
    if "finest" not in keys.extra:
        columns = [keys.places[p][0] for p in FINEST[:-1]] + [keys.benefit[0]]
        sizes = [len(keys.places[p][1]) for p in FINEST[:-1]] + [len(keys.benefit[1])]
        flat = np.ravel_multi_index(columns, sizes)
        present = distinct(flat)
        keys.extra["finest"] = (dict(zip(FINEST, np.unravel_index(present, sizes))), np.searchsorted(present, flat))
    return keys.extra["finest"]


def _households(inverse: np.ndarray, household: np.ndarray, mask: np.ndarray, n: int) -> np.ndarray:
    """Distinct households per group among the masked decisions."""
    pairs = distinct(inverse[mask].astype(np.int64) * (int(household.max(initial=0)) + 2) + household[mask] + 1)
    return np.bincount(pairs // (int(household.max(initial=0)) + 2), minlength=n).astype(np.int64)
