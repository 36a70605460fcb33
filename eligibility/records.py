"""A register from in-memory records (rule-file examples, scenarios, single-household checks).

Values are already typed (YAML or Python gives bools, numbers, dates); this only shapes them
into the same typed frames the register reader produces, and refuses names the schema lacks.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from .errors import DataError
from .rulebook.inputs import InputSchema, Table
from .suggestions import suggest


def frames_from_records(schema: InputSchema, households: list[dict[str, Any]],
                        members: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _typed(schema.households, households), _typed(schema.members, members)


def _typed(table: Table, records: list[dict[str, Any]]) -> pd.DataFrame:
    for i, record in enumerate(records, start=1):
        for key in record:
            if key not in table.columns:
                raise DataError(f"unknown column '{key}'", file=f"{table.table} record {i}", column=key) \
                    if suggest(key, table.columns) is None else DataError(
                    f"unknown column '{key}'; did you mean '{suggest(key, table.columns)}'?",
                    file=f"{table.table} record {i}", column=key)
    frame = pd.DataFrame({name: [r.get(name) for r in records] for name in table.columns})
    for name, column in table.columns.items():
        frame[name] = _convert(frame[name], column.type, list(column.values or ()), table.table, name)
    return frame


def _convert(series: pd.Series, kind: str, codes: list[str], table: str, name: str) -> pd.Series:
    if kind == "enum":
        bad = sorted({str(v) for v in series.dropna() if v not in codes})
        if bad:
            raise DataError(f"'{bad[0]}' is not a value of {name} (allowed: {', '.join(codes)})"
                            + (f"; did you mean '{suggest(bad[0], codes)}'?" if suggest(bad[0], codes) else ""),
                            file=table, column=name)
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
