"""The register's columns as the engine reads them: values with knownness (`V`), strings interned.

Enum codes and texts become global integer ids (`EnumIds`), so that enums of different types and
texts compare as integers; pandas' nullable arrays are read through their buffers without a copy;
a date known to its year or month carries its latest day as the upper bound.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ...rulebook.inputs import Column as ColumnSpec
from ...vocabulary import LATEST_SUFFIX
from .. import values as dv
from ..values import V


class EnumIds:
    """Global integer ids for every enum code in the plan, so enums of different types compare."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.lock = threading.Lock()   # benefits may be evaluated on two threads

    def id(self, code: str) -> int:
        found = self.ids.get(code)
        if found is not None:
            return found
        with self.lock:
            return self.ids.setdefault(code, len(self.ids))

    def ids_for(self, codes: Iterable[object]) -> npt.NDArray[np.int32]:
        return np.array([self.id(str(c)) for c in codes], dtype=np.int32)

    def codes(self) -> np.ndarray:
        out = np.empty(len(self.ids), dtype=object)
        for code, i in self.ids.items():
            out[i] = code
        return out


@dataclass
class Entity:
    """One table's columns, converted on first use."""

    frame: pd.DataFrame
    n: int
    cache: dict[str, V] = field(default_factory=dict)


def read_column(frame: pd.DataFrame, spec: ColumnSpec, name: str, enums: EnumIds) -> V:
    """Column `name` of `frame` (declared by `spec`) as values and knownness; all unknown when absent."""
    n = len(frame)
    if name not in frame.columns:   # unknown everywhere: read-only views of one value, no memory per row
        nothing = np.zeros((), dtype=np.int32 if spec.type == "enum" else float)
        return V(np.broadcast_to(nothing, (n,)), np.broadcast_to(np.False_, (n,)))
    col = frame[name]
    masked = getattr(col.array, "_mask", None)     # pandas' nullable arrays: use their buffers, no copy
    if masked is not None and spec.type in ("bool", "int", "number", "money"):
        data = col.array._data
        # integers stay integers (no float copy of the column): arithmetic, aggregates and amounts read
        # them as floats, comparisons compare them exactly, as they do the ages computed from dates
        return V(data if spec.type == "bool" or data.dtype.kind in "iuf" else np.asarray(data, dtype=float), ~masked)
    if spec.type == "enum":   # (enums and texts are known where they have a code: no isna pass)
        # the Categorical itself: pandas' `.cat` accessor costs more than the read on a small register
        cat = col.array if isinstance(col.dtype, pd.CategoricalDtype) else pd.Categorical(
            col, categories=list(spec.values or ()))
        lookup = np.append(enums.ids_for(cat.categories.tolist()), -1).astype(np.int32)   # code -1 → id -1
        codes = np.asarray(cat.codes)
        # (int8 codes: converted to positions once, then `take`: 2x numpy's indexing by small integers)
        return V(lookup.take(codes.astype(np.intp)), codes >= 0)
    if spec.type == "text":   # interned: one id per distinct text (communes, villages), -1 when missing
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        lookup = enums.ids_for(uniques) if len(uniques) else np.zeros(1, dtype=np.int32)
        return V(np.where(codes >= 0, lookup[np.maximum(codes, 0)], -1).astype(np.int32), codes >= 0)
    known = ~col.isna().to_numpy()
    if spec.type == "bool":
        return V(col.to_numpy(dtype=bool, na_value=False), known)
    if spec.type == "date":
        earliest = dv.yyyymmdd(_days(col))
        if name + LATEST_SUFFIX not in frame.columns:
            return V(earliest, known)
        latest = dv.yyyymmdd(_days(frame[name + LATEST_SUFFIX]))
        return V(earliest, known, np.where(latest > 0, latest, earliest))   # NaT (0): an exact date
    return V(col.to_numpy(dtype=float, na_value=np.nan), known)


def _days(col: pd.Series) -> np.ndarray:
    """A date column as datetime64[D] (NaT where missing); parsed only when not already dates."""
    dates = col if pd.api.types.is_datetime64_dtype(col.dtype) else pd.to_datetime(col)
    days: np.ndarray = dates.to_numpy(dtype="datetime64[D]")
    return days


def household_positions(household_ids: pd.Series, member_household_ids: pd.Series) -> npt.NDArray[np.int64]:
    """Each member's household row (-1 when absent): found by neighbours when the members are listed
    household by household in the households' sorted order, as registers are (`in_runs`, a third of
    the hash lookup's time on 1 M persons), else by Arrow's hash lookup (3x pandas' indexer)."""
    from ...register.checks import in_runs   # here: the engine alone does not load the register's reader

    ordered = in_runs(member_household_ids, household_ids)
    if ordered is not None:
        return ordered
    found = pc.index_in(pa.array(member_household_ids.astype("string").array),
                        value_set=pa.array(household_ids.astype("string").array))
    positions: npt.NDArray[np.int64] = found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return positions

