"""Plausible ranges for the numbers a rule file states: parameter values and literal amounts/rates.

A typo can make a law pay a fortune (`amount: 1.0e+300`), nothing (`.nan`) or forever (`.inf`).
These bounds are not legal figures: they are what any Vietnamese social-support figure must fit
(an amount below 10^12 VND, a rate between 0 and 1, a count below 10^9). A number outside them is
a rule-file error (E-RANGE) at load, before any register is screened.
"""
from __future__ import annotations

import math

MAX_VND = 1e12  # one thousand billion đồng: far above any benefit, loan ceiling or income line
RANGES: dict[str, tuple[float, float]] = {
    "money": (0.0, MAX_VND),
    "rate": (0.0, 1.0),
    "int": (-1e9, 1e9),
    "number": (-MAX_VND, MAX_VND),
}
ALLOWED = {
    "money": "an amount in VND from 0 to 10^12",
    "rate": "a rate from 0 to 1 (6.6 % is 0.066)",
    "int": "a whole number below 10^9",
    "number": "a finite number below 10^12",
}


def value_problem(value: object, kind: str) -> str | None:
    """Why `value` (a parameter's value, or each item of a list) does not fit `kind`, or None."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (int, float)):
            continue  # text and yes/no values are checked by the schema
        if not math.isfinite(item):
            return f"{item} is not a number a law can state"
        low, high = RANGES.get(kind, RANGES["number"])
        if not low <= item <= high:
            return f"{item:g} is outside the plausible range [{low:g}, {high:g}] for a {kind}"
    return None


def allowed(kind: str) -> str:
    return ALLOWED.get(kind, ALLOWED["number"])
