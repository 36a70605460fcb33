"""The shared pieces of the synthetic register: code lists and the random draws every room uses.

Categories are carried as small integer codes into these tuples (never as arrays of Python strings):
comparing, counting and choosing among codes costs numpy microseconds, where the same on millions
of string objects cost most of the generator's time. The frames turn the codes into Categoricals
(`frames.py`), and a tri-state yes/no is an int8 with -1 for unknown.

Every draw takes the generator's one random stream in a fixed order (`generator.py`), so that the
same seed gives the same register.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

ROLES = ("head", "spouse", "child", "parent", "grandchild", "sibling", "other")
HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER = range(7)
LEVELS = ("none", "preschool", "primary", "lower_secondary", "upper_secondary", "vocational", "university")
MARITAL = ("single", "married", "divorced", "widowed", "spouse_missing")
SINGLE, MARRIED, DIVORCED, WIDOWED, SPOUSE_MISSING = range(5)
DISABILITY = ("none", "mild", "severe", "especially_severe")
NO_DISABILITY, MILD, SEVERE, ESPECIALLY_SEVERE = range(4)
LIST_STATUS = ("none", "poor", "near_poor")
NOT_LISTED, POOR, NEAR_POOR = range(3)
HOUSE = ("none", "temporary", "dilapidated", "durable")
DISASTERS = ("landslide", "flood", "storm", "fire", "other")
FIRE = 3
DAMAGE = ("none", "minor", "severe", "relocation", "collapsed")
NO_DAMAGE, MINOR, SEVERE_DAMAGE, RELOCATION, COLLAPSED = range(5)
MERIT_CATEGORIES = ("none", "war_invalid", "sick_soldier", "agent_orange", "resistance_fighter", "martyr_relative",
                    "heroic_mother", "helped_revolution")
RELATIONS = ("parent", "spouse", "child")   # to the martyr
UNKNOWN = -1   # a code or tri-state yes/no that is not known


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def calibrate(score: np.ndarray, target: float) -> float:
    """The intercept a with mean(sigmoid(a + score)) = target (bisection)."""
    low, high = -20.0, 20.0
    for _ in range(60):
        mid = (low + high) / 2
        if sigmoid(mid + score).mean() < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def pick(rng: np.random.Generator, p, size: int) -> np.ndarray:
    """Indices drawn with weights `p` (normalised here)."""
    p = np.asarray(p, dtype=float)
    return rng.choice(len(p), size=size, p=p / p.sum())


def bands(rng: np.random.Generator, table: list[tuple[int, int, float]], size: int) -> np.ndarray:
    """Ages drawn from (low, high, weight) bands, uniform within a band (high exclusive)."""
    weights = np.array([b[2] for b in table])
    which = rng.choice(len(table), size=size, p=weights / weights.sum())
    lows = np.array([b[0] for b in table])[which]
    highs = np.array([b[1] for b in table])[which]
    return lows + np.floor(rng.random(size) * (highs - lows)).astype(np.int64)


def per_household(values: np.ndarray, hidx: np.ndarray, n: int) -> np.ndarray:
    """Count of true values per household."""
    return np.bincount(hidx, weights=values.astype(float), minlength=n)


def first_members(size: np.ndarray) -> np.ndarray:
    """Row of each household's first member (its head) in the members' arrays."""
    return np.cumsum(size) - size


def days_of(year: np.ndarray, month: np.ndarray | int, day: np.ndarray | int) -> np.ndarray:
    """datetime64[D] from whole columns of year, month (1-12) and day (1-31), without any text."""
    months = (np.asarray(year, dtype=np.int64) - 1970) * 12 + (np.asarray(month, dtype=np.int64) - 1)
    return months.astype("datetime64[M]").astype("datetime64[D]") + (np.asarray(day, dtype=np.int64) - 1)


def dates_in_december(rng: np.random.Generator, years: np.ndarray, as_of: pd.Timestamp) -> np.ndarray:
    """A day of the commune's annual review (1-31 December) of each year, never after as_of."""
    days = days_of(years, 12, 1) + rng.integers(0, 31, len(years)).astype("timedelta64[D]")
    return np.minimum(days, as_of.to_datetime64().astype("datetime64[D]"))


def draw_enrolled(rng: np.random.Generator, eligible: np.ndarray, p_yes: float, p_leak: float) -> np.ndarray:
    """Enrolled: most of the eligible (p_yes), a few of the others (p_leak, leakage)."""
    return rng.random(len(eligible)) < np.where(eligible, p_yes, p_leak)


def tri_state(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """A yes/no known only where `known`: int8 1/0, -1 (UNKNOWN) elsewhere."""
    return np.where(known, np.asarray(values, dtype=np.int8), np.int8(UNKNOWN)).astype(np.int8)
