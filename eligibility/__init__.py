"""eligibility — who is entitled to which social support in Lai Châu, under the law on a given date.

Public API:
    load_rules(rules_dir=None) -> Plan                 compile and check a rule pack
    screen_register(path, as_of, ...) -> Screening     read, check and screen a register
    screen_records(households, members, as_of, ...)    screen a few households given as records
    evaluate_frames(plan, households, members, as_of)  screen typed frames
    write_outputs(screening, out_dir, fmt)             entitlements, rejects, manifest.json
"""
from __future__ import annotations

from ._version import __version__
from .api import Screening, evaluate_frames, load_rules, screen_records, screen_register
from .errors import DataError, EligibilityError, RuleErrors
from .outputs import write_outputs

__all__ = ["__version__", "Screening", "evaluate_frames", "load_rules", "screen_records", "screen_register",
           "write_outputs", "DataError", "EligibilityError", "RuleErrors"]
