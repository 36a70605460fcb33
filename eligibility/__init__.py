"""eligibility — who is entitled to which social support in Lai Châu, under the law on a given date.

Public API:
    load_rules(rules_dir=None) -> Plan                 compile and check a rule pack
    screen_register(path, as_of, ...) -> Screening     read, check and screen a register
    screen_records(households, members, as_of, ...)    screen a few households given as records
    evaluate_frames(plan, households, members, as_of)  screen typed frames
    write_outputs(screening, out_dir, fmt)             entitlements, rejects, manifest.json

The names are imported when first used (PEP 562): the command line imports only what its command
needs (`eligibility --help` does not load pandas and every engine; issue 14).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._version import __version__
from .errors import DataError, EligibilityError, RuleErrors
from .lazy import lazy_names

if TYPE_CHECKING:  # for type checkers and editors: the names as if imported here
    from .api import Screening, evaluate_frames, load_rules, screen_records, screen_register
    from .outputs import write_outputs

__all__ = ["__version__", "Screening", "evaluate_frames", "load_rules", "screen_records", "screen_register",
           "write_outputs", "DataError", "EligibilityError", "RuleErrors"]

_LAZY = {"Screening": "api", "evaluate_frames": "api", "load_rules": "api", "screen_records": "api",
         "screen_register": "api", "write_outputs": "outputs"}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
