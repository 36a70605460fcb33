"""Periods the rule pack does not encode: the words both engines and `explain` use.

A benefit declares the dates its rules encode (`period:` in its rule file). On a date outside them
the pack does not know the law, so the decision is `undetermined` with this reason — never
`not_eligible`, which would turn everyone enrolled at the time into leakage.
"""
from __future__ import annotations

import datetime as dt

from .plan import CompiledBenefit

WORDS = {
    "en": {"head": "period not encoded", "from": "the rules of this benefit cover from", "to": "to",
           "on": "not"},
    "vi": {"head": "chưa mã hoá quy định cho thời kỳ này", "from": "quy định của chế độ này áp dụng từ",
           "to": "đến", "on": "không gồm"},
}


def not_encoded_text(benefit: CompiledBenefit, as_of: dt.date, lang: str = "en") -> str:
    """'period not encoded: the rules of this benefit cover from 2016-01-01, not 2015-06-01'."""
    words = WORDS.get(lang, WORDS["en"])
    start, end = benefit.period
    span = f"{words['from']} {start.isoformat() if start else '…'}"
    if end:
        span += f" {words['to']} {end.isoformat()}"
    return f"{words['head']}: {span}, {words['on']} {as_of.isoformat()}"
