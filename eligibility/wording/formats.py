"""Numbers, money, rates and dates in the reader's conventions, through Babel's CLDR data.

    vi: 1.500.000 đồng · 7,92%/năm · 15/11/2025        en: 1,500,000 VND · 7.92%/year · 15 Nov 2025
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

LOCALES = {"vi": "vi_VN", "en": "en_GB"}
DATE_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """A number with the reader's separators; whole numbers without decimals, others with up to
    `decimals` (default 2) significant decimals."""
    return _number(float(value), lang, decimals)


# Babel parses the locale and the pattern on every call; the same few figures and dates are written
# thousands of times (every decision row of `eligibility test`'s 140 dates), so each is formatted once.
@lru_cache(maxsize=65536)
def _number(value: float, lang: str, decimals: int | None) -> str:
    if decimals is None:
        decimals = 0 if value.is_integer() else 2
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    from babel.numbers import format_decimal   # on first use: `--help` and `import eligibility` need no Babel

    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def format_percent(share: float, lang: str, decimals: int = 2) -> str:
    """0.0792 → 7,92% (vi) / 7.92% (en); trailing zeros dropped."""
    return format_number(round(float(share) * 100, decimals), lang, decimals) + "%"


def format_date(day: dt.date | str | None, lang: str) -> str:
    if day is None:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    elif isinstance(day, dt.datetime):    # a timestamp is written as its day (and cached as one)
        day = day.date()
    return _date(day, lang)


@lru_cache(maxsize=65536)
def _date(day: dt.date, lang: str) -> str:
    from babel.dates import format_date as babel_date   # on first use, as `_number`'s

    return babel_date(day, DATE_PATTERNS[lang], locale=LOCALES[lang])
