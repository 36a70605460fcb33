"""The vectorised engine: a compiled plan evaluated over whole columns of a register.

Variables and benefits are computed once each, in dependency order. Persons see their
household's values through an index (`FromHousehold`); households aggregate their members
with `bincount`/`reduceat` over members sorted by household. No Python loop over rows.

The rooms: `columns` (the register's columns read as values with knownness), `core` (the
evaluation's state and memo), `reads` and `operators` (the expression language's node kinds),
`decide` (a benefit's rules narrowed row by row) and `hitpolicy` (which rule pays), `results` (what
is kept of each rule and benefit), `evaluation` (the run, dependencies first).
"""
from __future__ import annotations

from .columns import Entity, EnumIds, household_positions
from .evaluation import PARALLEL_FROM, THREADS, Evaluation, evaluate
from .results import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, BenefitResult, RuleOutcome

__all__ = ["ELIGIBLE", "NOT_ELIGIBLE", "PARALLEL_FROM", "THREADS", "UNDETERMINED", "BenefitResult", "Entity",
           "EnumIds", "Evaluation", "RuleOutcome", "evaluate", "household_positions"]
