"""Explain one household: what it is entitled to, what it is missing out on, what data would settle
the rest (`render_text`), from a structured explanation of every benefit, rule and condition
(`explain_household`, JSON-ready; `--verbose` renders all of it)."""
from .data import explain_household
from .text import render_text

__all__ = ["explain_household", "render_text"]
