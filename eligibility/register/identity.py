"""Who and where: the identity columns of a decisions table (ids, names, district, commune,
village) for rows given as household rows and person rows of a register, and the categorical
helper both engines lay their tables out with.

Both engines' tables take these columns from here, so the vectorised and the durable_rules
tables agree on them cell for cell; `plan` is read for the register's declared columns only.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ..gathered import GatheredStrings


# the register's columns a decisions table reads (`identity_columns`), by entity
IDENTITY_INPUTS = {"household": ("household_id", "head_name", "district", "commune", "village"),
                   "person": ("person_id", "household_id", "full_name")}


def categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Codes into labels (labels may repeat; code -1 gives an empty string, never a missing value)."""
    lookup, dtype = category_codes(labels)
    return pd.Categorical.from_codes(lookup[codes], dtype=dtype, validate=False)


def category_codes(labels: list[str]) -> tuple[np.ndarray, pd.CategoricalDtype]:
    """What `categorical` makes of `labels`: each label's code among the sorted distinct labels (one
    entry more, last, for code -1: ""), and the categorical type of those labels. Codes mapped through
    the first and laid out as the second are `categorical(codes, labels)`, for codes that come in parts
    (`decisions.table.assemble`), or several columns over one set of labels."""
    labels = [str(label) for label in labels] + [""]      # code -1 reads the last entry: ""
    # sorted distinct labels (code-point order, as numpy's unique gave), by a dict: a few hundred
    # labels are common, and numpy's string arrays cost more than the lookup itself
    uniq = sorted(set(labels))
    position = {label: i for i, label in enumerate(uniq)}
    lookup = np.fromiter((position[label] for label in labels), dtype=_code_type(len(uniq)), count=len(labels))
    return lookup, pd.CategoricalDtype(uniq)


def _code_type(count: int) -> type:
    """The integer type pandas itself would use for this many categories (so it makes no copy)."""
    return np.int8 if count < 128 else np.int16 if count < 32768 else np.int32


def _enum_labels(plan, households: pd.DataFrame, column: str, rows: np.ndarray, lang: str) -> pd.Categorical:
    """A household enum column by its label in `lang` ("" where missing)."""
    spec = plan.inputs.households.columns.get(column)
    if spec is None or column not in households.columns:
        return pd.Categorical([""] * len(rows))
    codes = list(spec.values or {})
    cat = households[column] if isinstance(households[column].dtype, pd.CategoricalDtype) else \
        households[column].astype(pd.CategoricalDtype(codes))
    source = cat.cat.codes.to_numpy()
    labels = [getattr(spec.values[c], lang) if c in spec.values else c for c in cat.cat.categories]
    return categorical(_pick(source, rows), labels)


def identity_columns(plan, households: pd.DataFrame, members: pd.DataFrame, h_rows: np.ndarray,
                     p_rows: np.ndarray, lang: str) -> dict:
    """Who and where, for decision rows given by household rows and person rows (-1: a household row).
    IDs and names, nearly one per person, are strings gathered when read (`gathered`): the table holds
    their row numbers, the writers gather them a row group at a time; places repeat, and are
    categoricals over their few distinct values."""
    person = p_rows >= 0
    # a person's own name, or for a household row its head's (heads' names follow members')
    names = np.where(person, p_rows, np.where(h_rows >= 0, len(members) + h_rows, -1)).astype(np.int32)
    return {
        "household_id": GatheredStrings.of(_source(households, "household_id"), h_rows),
        "person_id": GatheredStrings.of(_source(members, "person_id"), p_rows),
        "name": GatheredStrings.of(_source(members, "full_name", households, "head_name"), names),
        "district": _enum_labels(plan, households, "district", h_rows, lang),
        "commune": _text(households, "commune", h_rows),
        "village": _text(households, "village", h_rows),
    }


def _source(*frames_and_columns) -> pa.ChunkedArray:
    """The values of one or more (frame, column) pairs laid end to end, as Arrow strings (the frames'
    own buffers where pandas holds them in Arrow); a column a frame lacks reads as nulls."""
    chunks = []
    for frame, column in zip(frames_and_columns[::2], frames_and_columns[1::2]):
        values = pa.array(frame[column].astype("string[pyarrow]").array) if column in frame.columns \
            else pa.nulls(len(frame), pa.large_string())
        chunks += values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    return pa.chunked_array([c.cast(pa.large_string()) for c in chunks], type=pa.large_string())


def _text(frame: pd.DataFrame, column: str, rows: np.ndarray) -> pd.Categorical:
    """A text column at `rows` as a categorical over its distinct values (missing: no value)."""
    if column not in frame.columns:
        return pd.Categorical.from_codes(np.full(len(rows), -1), categories=[])
    codes, uniques = pd.factorize(frame[column].astype("string"), use_na_sentinel=True)
    return pd.Categorical.from_codes(_pick(codes.astype(_code_type(len(uniques))), rows),
                                     categories=pd.Index(uniques.astype(object)), validate=False)


def _pick(codes: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """codes[rows], -1 wherever the row is -1: a trailing -1 is read by index -1 (no masks). By `take`:
    numpy's indexing converts int32 rows element by element, at twice the time (`engines.values.pick`)."""
    return np.append(codes, np.array(-1, dtype=codes.dtype)).take(rows)
