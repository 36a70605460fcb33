"""The words the tool shows people: one gettext catalogue (Babel), number/date/unit formats,
citations of the law and conditions worded as sentences.

A leaf package as far as layering goes: it imports nothing else of `eligibility` at module level
(citations and sentences duck-type the rule pack's objects), so any layer may use it.
"""
from .catalogue import LANGS, N_, translator
from .units import format_amount, format_rate, unit_label

__all__ = ["LANGS", "N_", "translator", "format_amount", "format_rate", "unit_label"]
