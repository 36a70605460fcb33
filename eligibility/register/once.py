"""One register read for two screenings (`diff` of one register at two dates or under two packs).

What does not depend on the as-of date is done once and handed to the second read: the raw tables
as read and mapped (footer trimmed), and every column typed whose typing ignores the date (text,
enum, yes/no, numbers, dates declared `after_as_of`). A date column's cells are parsed once; what
the date decides — a date after it refused (R-DATE-FUTURE), a year- or month-only date's last day
clipped to it — is applied on the whole column for each read (`dates.limit_dates`). So the second
read is the first one's work with its own date, and a diff is still the exact difference of two
`screen` runs. A table or column is reused only when the rule pack declares it the same way.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..rulebook.inputs import Column, Table
from .cells import Problem
from .convert import convert_column
from .dates import limit_dates, parse_date_column


class ReadOnce:
    """The date-independent work of reading one register, kept for the next read of it."""

    def __init__(self) -> None:
        self._tables: dict[str, tuple[Table, object, object]] = {}
        self._columns: dict[tuple[str, str, str], tuple[Column, object]] = {}
        self._trimmed: list[object] = []

    def table(self, name: str, table: Table, read):
        """(raw table, mapping) of `name`: `read()`'s, or the first read's for a table declared alike."""
        kept = self._tables.get(name)
        if kept is not None and kept[0] == table:
            return kept[1], kept[2]
        raw, match = read()
        self._tables[name] = (table, raw, match)
        return raw, match

    def trimmed(self, raw) -> bool:
        """Whether `raw` (a table this keeps) had its footer trimmed by an earlier read; from now on it has."""
        if any(r is raw for r in self._trimmed):
            return True
        self._trimmed.append(raw)
        return False

    def convert(self, key: tuple[str, str, str], raw: pd.Series, column: Column,
                limit: dt.date) -> tuple[pd.Series, list[Problem]]:
        """`convert_column(raw, column, limit)`, its date-independent part done once per column."""
        kept = self._columns.get(key)
        dated = column.type == "date" and not column.after_as_of
        if kept is None or kept[0] != column:
            kept = (column, parse_date_column(raw) if dated else convert_column(raw, column, limit))
            self._columns[key] = kept
        return limit_dates(raw, kept[1], limit) if dated else kept[1]
