"""Columns read through their spellings: enum values (the code, its Vietnamese and English labels,
its aliases) and yes/no cells. A spelling matches whatever its case, spacing and accents
(`token_key`); an unknown one is reported with the declared value it is very close to, if any.
Only the *distinct* values of a column are looked up, never its rows one by one.
"""
from __future__ import annotations

import difflib
import unicodedata

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from ..rulebook.inputs import Column
from ..suggestions import fold
from .cells import Problem, as_text, cell_problem

TRUE_WORDS = ("có", "co", "x", "✓", "✔", "1", "1.0", "true", "yes", "y", "đúng", "dung", "t")
FALSE_WORDS = ("không", "khong", "0", "0.0", "false", "no", "n", "sai", "f")
BOOL_EXPECTED = "expected có/không (yes/no, 1/0, x or ✓ for yes)"


def token_key(text: object) -> str:
    """Spelling-insensitive key of a cell: 'Hộ  Nghèo ' and 'ho ngheo' are the same."""
    return " ".join(fold(str(text)).split())


def map_spellings(raw: pd.Series, spellings: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(index into the target values or -1 when empty, mask of cells with no known spelling).
    Works on the distinct values only (a Categorical's categories, or factorized text)."""
    if isinstance(raw.dtype, pd.CategoricalDtype):
        codes, uniques = raw.cat.codes.to_numpy(), raw.cat.categories
    else:
        codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    keys = [token_key(u) for u in uniques]
    mapped = np.array([-1 if not key else spellings.get(key, -2) for key in keys] + [-1], dtype=np.int64)
    out = mapped[codes]  # code -1 (empty) picks the trailing -1
    unknown = out == -2
    out[unknown] = -1
    return out, unknown


def enum_spellings(column: Column) -> tuple[list[str], dict[str, int], dict[str, str]]:
    """(codes in declared order, spelling key -> code index, display spelling -> code)."""
    codes = list(column.values or {})
    keys: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    for i, (code, value) in enumerate((column.values or {}).items()):
        for spelling in (code, value.vi, value.en, *value.aliases):
            keys.setdefault(token_key(spelling), set()).add(i)
            shown.setdefault(spelling, code)
    spellings = {k: next(iter(v)) for k, v in keys.items() if len(v) == 1}
    for i, code in enumerate(codes):  # a code always means itself
        spellings[token_key(code)] = i
    return codes, spellings, shown


def convert_enum(raw: pd.Series, column: Column) -> tuple[pd.Series, list[Problem]]:
    codes, spellings, shown = enum_spellings(column)
    index, unknown = map_spellings(raw, spellings)
    typed = pd.Series(pd.Categorical.from_codes(index, categories=codes), index=raw.index)
    if not unknown.any():
        return typed, []
    allowed = ", ".join(f"{c} ({column.values[c].vi})" for c in codes)
    bad = as_text(raw[unknown])
    hints = {}
    for value in bad.unique():  # distinct unknown spellings, not rows
        hit = did_you_mean(str(value), shown)
        if hit is not None:
            code = shown[hit]
            hints[value] = f"; did you mean '{column.values[code].vi}' ({code})?"
        else:
            hints[value] = ""
    reasons = f"expected one of {allowed}; got '" + bad.astype(str) + "'" + bad.map(hints).astype(str)
    return typed, [cell_problem(unknown, "R-ENUM", raw, reasons=reasons)]


SUGGEST_CUTOFF = 0.8  # a cell value is suggested only when very close (a column name may be looser)


def did_you_mean(value: str, shown: dict[str, str]) -> str | None:
    """A declared spelling very close to `value`, accents kept (in Vietnamese they make the word:
    `Cháu họ` is not `Chủ hộ`), and never one that is only its first word(s): `Con dâu`
    (daughter-in-law) must not suggest `Con` (child), nor `Hộ nghèo khó` suggest `Hộ nghèo`."""
    words = _lower(value)
    folded = {_lower(s): s for s in shown if _lower(s) and not words.startswith(_lower(s) + " ")
              and not token_key(value).startswith(token_key(s) + " ")}
    hits = difflib.get_close_matches(words, list(folded), n=1, cutoff=SUGGEST_CUTOFF)
    return folded[hits[0]] if hits else None


def _lower(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).lower().split())


def convert_bool(raw: pd.Series) -> tuple[pd.Series, list[Problem]]:
    if ptypes.is_bool_dtype(raw):
        return raw.astype("boolean"), []
    spellings = {token_key(w): 1 for w in TRUE_WORDS} | {token_key(w): 0 for w in FALSE_WORDS}
    index, unknown = map_spellings(raw, spellings)
    typed = pd.Series(pd.arrays.BooleanArray(index == 1, index < 0), index=raw.index)
    problem = cell_problem(unknown, "R-TYPE", raw, BOOL_EXPECTED)
    return typed, [problem] if problem else []
