"""Helpers shared by the register tests (imported by name: tests/register has no __init__.py)."""
from __future__ import annotations

import pandas as pd


from shared import AS_OF, DEMO, DEMO_XLSX, ROOT  # noqa: F401  (re-exported to the register tests)

FIXTURES = ROOT / "tests" / "fixtures" / "register"


def assert_accounting(register) -> None:
    """read = accepted + rejected, the frames hold the accepted rows, the rejects the others."""
    for table, counts in register.accounting.items():
        assert counts["read"] == counts["accepted"] + counts["rejected"], table
        assert len(register.frame(table)) == counts["accepted"], table
        rejected_rows = register.rejects[register.rejects["table"] == table][["file", "row"]].drop_duplicates()
        assert len(rejected_rows) == counts["rejected"], table


def rejects_at(register, file: str, row: int, column: str | None = None):
    """The reject lines of one row (or one cell)."""
    r = register.rejects
    hit = r[(r["file"] == file) & (r["row"] == row)]
    if column is not None:
        hit = hit[hit["column"] == column]
    return hit


def without_file(frame):
    """A frame without the `_file` column (it names the file, which differs between formats)."""
    return frame.drop(columns=["_file"])


def problems_at(register, file: str, row: int, column: str | None = None):
    """The rejects and cell issues of one row (or one cell): what was found wrong there."""
    both = [register.rejects[["file", "row", "column", "code", "reason"]]]
    if register.cell_issues is not None and len(register.cell_issues):
        both.append(register.cell_issues[["file", "row", "column", "code", "reason"]])
    frame = pd.concat(both, ignore_index=True)
    hit = frame[(frame["file"] == file) & (frame["row"] == row)]
    return hit if column is None else hit[hit["column"] == column]
