"""A register from in-memory records (rule-file examples, scenarios, single-household checks).

Values are already typed (YAML or Python gives bools, numbers, dates); this only shapes them
into the same typed frames the register reader produces, and refuses names the schema lacks.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from .errors import DataError, say, table_word
from .vocabulary import LATEST_SUFFIX
from .rulebook.inputs import InputSchema, Table
from .suggestions import suggest
from .wording.catalogue import N_


def frames_from_records(schema: InputSchema, households: list[dict[str, Any]],
                        members: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _typed(schema.households, households), _typed(schema.members, members)


def _typed(table: Table, records: list[dict[str, Any]]) -> pd.DataFrame:
    for i, record in enumerate(records, start=1):
        for key in record:
            if key not in table.columns:
                hint = suggest(key, table.columns)
                raise DataError(say(N_("unknown column '{name}'"), name=key)
                                + (say(N_("; did you mean '{hint}'?"), hint=hint) if hint else ""),
                                file=say(N_("{table} record {n}"), table=table_word(table.table), n=i), column=key)
    frame = pd.DataFrame({name: [r.get(name) for r in records] for name in table.columns})
    for name, column in table.columns.items():
        if column.type == "date" and len(frame):
            first, last = zip(*(_date_bounds(v) for v in frame[name]))
            if any(x is not None for x in last):   # a date known to its year or month (1944, '1944-03')
                frame[name + LATEST_SUFFIX] = pd.to_datetime(pd.Series(last, dtype=object))
            frame[name] = pd.Series(first, dtype=object)
        frame[name] = _convert(frame[name], column.type, list(column.values or ()), table.table, name)
    return frame


def _date_bounds(value: Any) -> tuple[Any, dt.date | None]:
    """(the date or its first day, its last day when known only to a year or month, else None)."""
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    if text.isdigit() and len(text) == 4:
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    if len(text) in (6, 7) and text[:4].isdigit() and text[4] == "-" and text[5:].isdigit():
        year, month = int(text[:4]), int(text[5:])
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), after - dt.timedelta(days=1)
    return value, None


def _convert(series: pd.Series, kind: str, codes: list[str], table: str, name: str) -> pd.Series:
    if kind == "enum":
        bad = sorted({str(v) for v in series.dropna() if v not in codes})
        if bad:
            hint = suggest(bad[0], codes)
            raise DataError(say(N_("'{value}' is not a value of {name} (allowed: {codes})"), value=bad[0], name=name,
                                codes=", ".join(codes)) + (say(N_("; did you mean '{hint}'?"), hint=hint) if hint else ""),
                            file=table_word(table), column=name)
        return pd.Series(pd.Categorical(series, categories=codes))
    if kind == "bool":
        return series.astype("boolean")
    if kind == "int":
        return series.astype("Int64")
    if kind in ("number", "money"):
        return series.astype("Float64")
    if kind == "date":
        return pd.to_datetime(series.map(lambda v: v.isoformat() if isinstance(v, dt.date) else v))
    return series.astype("string")
