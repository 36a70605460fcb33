"""Column values with three-valued knowledge: `V(v, k)` — the values and whether each one is known.

Every operation works on whole numpy arrays. Kleene logic: `unknown and false` is false,
`unknown or true` is true; anything else touching an unknown is unknown. Dates are integers
yyyymmdd (ordering and whole-year arithmetic stay exact); enum values are global integer ids.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..rulebook.functions import np_add_months as add_months  # noqa: F401  (the registry's, by their old names)
from ..rulebook.functions import np_add_years as add_years  # noqa: F401
from ..rulebook.functions import np_days_between as days_between  # noqa: F401
from ..rulebook.functions import np_months_between as months_between  # noqa: F401
from ..rulebook.functions import np_round_half_up as round_half_up  # noqa: F401
from ..rulebook.functions import np_years_between as years_between  # noqa: F401


@dataclass
class V:
    v: np.ndarray           # values (0-d for a scalar broadcast to every row)
    k: np.ndarray           # bool: is the value known (0-d allowed)

    @staticmethod
    def scalar(value, known: bool = True) -> V:
        return V(np.asarray(value), np.asarray(known))

    def full(self, n: int) -> V:
        """The same values as arrays of length n (broadcast a scalar)."""
        return V(np.broadcast_to(self.v, (n,)) if self.v.ndim == 0 else self.v,
                 np.broadcast_to(self.k, (n,)) if self.k.ndim == 0 else self.k)

    @functools.cached_property
    def true(self) -> np.ndarray:
        """Known and true (computed once: a condition is read by several rules and explanations)."""
        return np.asarray(self.v, dtype=bool) & self.k

    @functools.cached_property
    def false(self) -> np.ndarray:
        """Known and false."""
        return ~np.asarray(self.v, dtype=bool) & self.k

    @functools.cached_property
    def open(self) -> np.ndarray:
        """Not known false: true or unknown (a rule with this condition is still open there)."""
        return np.asarray(self.v, dtype=bool) | ~self.k

    @functools.cached_property
    def open_count(self) -> int:
        return int(np.count_nonzero(self.open))


def all_of(arrays: list[np.ndarray]) -> np.ndarray:
    return functools.reduce(np.logical_and, arrays)


def any_of(arrays: list[np.ndarray]) -> np.ndarray:
    return functools.reduce(np.logical_or, arrays)


def known_both(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Known where both are known; a value known everywhere (a 0-d True) costs no new array."""
    if a.ndim == 0 and bool(a):
        return b
    if b.ndim == 0 and bool(b):
        return a
    return a & b


def kleene_and(items: list[V]) -> V:
    true_all = all_of([i.true for i in items])
    false_any = any_of([i.false for i in items])
    return V(true_all, true_all | false_any)


def kleene_or(items: list[V]) -> V:
    true_any = any_of([i.true for i in items])
    false_all = all_of([i.false for i in items])
    return V(true_any, true_any | false_all)


# ---------------------------------------------------------------- dates as yyyymmdd integers
def split_date(d: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = np.asarray(d, dtype=np.int64)
    return d // 10000, (d // 100) % 100, d % 100


def yyyymmdd(days: np.ndarray) -> np.ndarray:
    """datetime64[D] → yyyymmdd integers (0 where NaT): H. Hinnant's civil_from_days, in int32.

    Four times faster than numpy's calendar casts, and half the memory: every day from year 0 to
    5,000,000 fits, and yyyymmdd itself fits int32 up to the year 214,748."""
    z = days.astype(np.int64).astype(np.int32) + np.int32(719468)     # days since 0000-03-01
    era = z // 146097
    doe = z - era * 146097                                             # day of the 400-year era
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365   # year of the era
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)                    # day of the year from 1 March
    mp = (5 * doy + 2) // 153                                          # month from March = 0
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + np.where(mp < 10, np.int32(3), np.int32(-9))
    out = (yoe + era * 400 + (month <= 2)) * 10000 + month * 100 + day
    out[np.isnat(days)] = 0
    return out


def date_int(day) -> int:
    return day.year * 10000 + day.month * 100 + day.day


