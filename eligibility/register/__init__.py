"""Register input: find, read, type and check a commune register (households + members).

    from eligibility.register import read_register, Register
    reg = read_register("sample_households/demo", schema, as_of=date(2025, 11, 15))

Bad rows are not lost: they are listed in `reg.rejects` (file, row, column, value, reason, code)
and `reg.accounting` always satisfies read = accepted + rejected.
"""
from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .model import REJECT_CODES, REJECT_COLUMNS, Register
    from .reader import read_register
    from .writer import write_register

__all__ = ["REJECT_CODES", "REJECT_COLUMNS", "Register", "read_register", "write_register"]

# each name on first use: the reader with pandas (so that `screen` starts reading a Parquet register,
# register/early.py, before pandas is imported); the writer (pyarrow's CSV writer with it): reading a
# register, `explain` and `screen` never write one
__getattr__, __dir__ = lazy_names(__name__, {"REJECT_CODES": "model", "REJECT_COLUMNS": "model", "Register": "model",
                                             "read_register": "reader", "write_register": "writer"}, __all__)
