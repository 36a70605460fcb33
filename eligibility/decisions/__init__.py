"""Decisions: one row per (person or household, benefit), with status, coverage, amount and why.

Built column-wise from an `Evaluation`. Each benefit contributes integer codes (rows, status,
coverage, rule, explanation pattern); texts that repeat (labels, references, explanations of
unknowns) are made once per distinct pattern and the table holds them as categoricals. Per-row
texts with actual values (why a rule failed) are built only for the rows that need them.

Three rooms: `pieces` (each benefit's rows as codes: rule, amount, reference, minimum),
`explanations` (why each row has its status, and which inputs are missing) and `table` (the
code tables and the assembled DataFrame).
"""
from .pieces import build_decisions, coverage

__all__ = ["build_decisions", "coverage"]
