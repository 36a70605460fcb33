"""Periods the rule pack does not encode: the words both engines and `explain` use.

A benefit declares the dates its rules encode (`period:` in its rule file). On a date outside them
the pack does not know the law, so the decision is `undetermined` with this reason — never
`not_eligible`, which would turn everyone enrolled at the time into leakage.
"""
from __future__ import annotations

import datetime as dt

from ..wording import N_, translator
from ..wording.formats import format_date
from .plan import CompiledBenefit

HEAD = N_("period not encoded")
SPAN = {(True, True): N_("the rules of this benefit cover from {start} to {end}, not {day}"),
        (True, False): N_("the rules of this benefit cover from {start}, not {day}"),
        (False, True): N_("the rules of this benefit cover up to {end}, not {day}")}


def not_encoded_text(benefit: CompiledBenefit, as_of: dt.date, lang: str = "en") -> str:
    """'period not encoded: the rules of this benefit cover from 5 Jan 2016, not 1 Jun 2015' (dates
    in the reader's form: 05/01/2016 in Vietnamese)."""
    _ = translator(lang)
    start, end = benefit.period
    span = _(SPAN[(start is not None, end is not None)]).format(
        start=format_date(start, lang), end=format_date(end, lang), day=format_date(as_of, lang))
    return f"{_(HEAD)}: {span}"
