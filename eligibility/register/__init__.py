"""Register input: find, read, type and check a commune register (households + members).

    from eligibility.register import read_register, Register
    reg = read_register("sample_households/demo", schema, as_of=date(2025, 11, 15))

Bad rows are not lost: they are listed in `reg.rejects` (file, row, column, value, reason, code)
and `reg.accounting` always satisfies read = accepted + rejected.
"""
from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .model import REJECT_CODES, REJECT_COLUMNS, Register
from .reader import read_register

if TYPE_CHECKING:
    from .writer import write_register

__all__ = ["REJECT_CODES", "REJECT_COLUMNS", "Register", "read_register", "write_register"]

# the writer (pyarrow's CSV writer with it) on first use: reading a register, `explain` and `screen` never write one
__getattr__, __dir__ = lazy_names(__name__, {"write_register": "writer"}, __all__)
