"""Figures as policy staff write them, compared exactly.

Money is compared to the đồng, shares and rates exactly as decimals: a share of 70 % is not
100 %, and 500,000 is not 500,001. Floating-point noise (0.1 + 0.2) is not a difference; anything
else is. A tolerance is allowed only where the law rounds, and then the example names the rule.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from ..errors import say
from ..wording.catalogue import N_

MONEY_UNITS = ("vnd_per_month", "vnd_per_year", "vnd_once")
PLACES = Decimal("1e-9")      # finer than any share, rate or đồng the law writes; coarser than float noise


def exact(value: float | int | Decimal) -> Decimal:
    """A computed figure as the decimal it stands for (float noise below 1e-9 dropped)."""
    return Decimal(repr(float(value))).quantize(PLACES) if not isinstance(value, Decimal) else value.quantize(PLACES)


def same_figure(got, want, tolerance: float | None = None) -> bool:
    """Is `got` (what the engine computed) exactly `want` (what the example or scenario expects)?"""
    if got is None or (isinstance(got, float) and math.isnan(got)):
        return False
    if tolerance:
        return abs(exact(got) - exact(want)) <= exact(tolerance)
    return exact(got) == exact(want)


def show_figure(value, unit: str | None = None) -> str:
    """A figure as staff read it: 1,530,000 for money, 70% for shares, 0.0624 for rates."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "none"
    number = exact(value).normalize()
    if unit in MONEY_UNITS and number == number.to_integral_value():
        return f"{int(number):,}"
    if unit == "share_of_premium":
        return f"{(number * 100).normalize():f}%"
    return f"{number:f}"


def parse_figure(text: str) -> Decimal:
    """'1.000.000', '1,000,000 VND', '100%', '70 %', '15 kg', '7,8%' → an exact decimal (share for %)."""
    text = text.strip().lower()
    share = text.endswith("%")
    text = re.sub(r"(vnd|đồng|kg|%|/tháng|/month|/năm|/year)", "", text).strip()
    try:
        if share:
            return Decimal(text.replace(",", ".")) / 100
        return Decimal(re.sub(r"[.,\s](?=\d{3}(\D|$))", "", text).replace(",", "."))
    except InvalidOperation:
        raise ValueError(say(N_("'{text}' is not a figure (write 1.000.000, 70% or 6,24%)"), text=text)) from None
