"""Column values with three-valued knowledge: `V(v, k)` — the values and whether each one is known.

Every operation works on whole numpy arrays. Kleene logic: `unknown and false` is false,
`unknown or true` is true; anything else touching an unknown is unknown. Dates are integers
yyyymmdd (ordering and whole-year arithmetic stay exact); enum values are global integer ids.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np


@dataclass
class V:
    v: np.ndarray           # values (0-d for a scalar broadcast to every row)
    k: np.ndarray           # bool: is the value known (0-d allowed)

    @staticmethod
    def scalar(value, known: bool = True) -> "V":
        return V(np.asarray(value), np.asarray(known))

    def full(self, n: int) -> "V":
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
    def open_rows(self) -> np.ndarray:
        """Rows where this condition is not known false (a rule starting with it looks only there)."""
        return np.flatnonzero(np.asarray(self.v, dtype=bool) | ~self.k)


def all_of(arrays: list[np.ndarray]) -> np.ndarray:
    return functools.reduce(np.logical_and, arrays)


def any_of(arrays: list[np.ndarray]) -> np.ndarray:
    return functools.reduce(np.logical_or, arrays)


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


def years_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Completed years from a to b (the birthday counts: từ đủ N tuổi)."""
    return (np.asarray(b, dtype=np.int64) - np.asarray(a, dtype=np.int64)) // 10000


def months_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ya, ma, da = split_date(a)
    yb, mb, db = split_date(b)
    return (yb - ya) * 12 + (mb - ma) - (db < da)


def days_from_civil(d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 (H. Hinnant's algorithm, vectorised)."""
    y, m, dd = split_date(d)
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + dd - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def days_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return days_from_civil(b) - days_from_civil(a)


def add_years(d: np.ndarray, n: np.ndarray) -> np.ndarray:
    return np.asarray(d, dtype=np.int64) + np.asarray(n, dtype=np.int64) * 10000


def add_months(d: np.ndarray, n: np.ndarray) -> np.ndarray:
    y, m, dd = split_date(d)
    total = y * 12 + (m - 1) + np.asarray(n, dtype=np.int64)
    return (total // 12) * 10000 + (total % 12 + 1) * 100 + dd


def yyyymmdd(days: np.ndarray) -> np.ndarray:
    """datetime64[D] → yyyymmdd integers (0 where NaT), with numpy's calendar arithmetic."""
    months = days.astype("datetime64[M]")
    years = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (days - months).astype(np.int64) + 1
    out = years * 10000 + month * 100 + day
    out[np.isnat(days)] = 0
    return out


def date_int(day) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def round_half_up(x: np.ndarray, digits: np.ndarray) -> np.ndarray:
    scale = np.power(10.0, np.asarray(digits, dtype=float))
    return np.floor(np.asarray(x, dtype=float) * scale + 0.5) / scale
