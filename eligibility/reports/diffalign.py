"""Matching the decisions of two screenings, on integer codes.

A decision is keyed by (household id, person id, benefit). Both sides' keys are coded jointly
(categories remapped, id strings factorised once), packed into one int64, sorted and matched by
binary search: no string is compared row by row and no merge of text columns is made. Under hit
policy `all` a decision may have several rows (one per matching rule): they become one decision
whose amounts add up, whose rate is the highest and whose rules are listed together.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..csvout import arrow_values

STATUS = np.array(["not_eligible", "eligible", "undetermined"], dtype=object)
COVERAGE = np.array(["none", "covered", "gap", "leakage", "needs_data"], dtype=object)


@dataclass(frozen=True)
class Decisions:
    """One side, one entry per key of the union (absent = not eligible, not enrolled)."""

    row: np.ndarray        # row of the side's decisions table (its first row for a repeated key), -1 absent
    status: np.ndarray     # index into STATUS
    coverage: np.ndarray   # index into COVERAGE
    amount: np.ndarray     # float, nan unknown or absent
    rate: np.ndarray
    rule: np.ndarray       # index into Aligned.rules, -1 none


@dataclass(frozen=True)
class Aligned:
    household: np.ndarray  # index into households
    person: np.ndarray     # index into persons, -1 for a household decision
    benefit: np.ndarray    # index into benefits
    households: np.ndarray
    persons: np.ndarray
    benefits: np.ndarray
    rules: np.ndarray      # rule ids ('a + b' for a repeated key)
    old: Decisions
    new: Decisions

    def __len__(self) -> int:
        return len(self.benefit)


def align(old: pd.DataFrame, new: pd.DataFrame) -> Aligned:
    """Both sides' decisions on the union of their keys."""
    hh_a, hh_b, households = joint_codes(old["household_id"], new["household_id"])
    p_a, p_b, persons = joint_codes(old["person_id"], new["person_id"])
    b_a, b_b, benefits = joint_codes(old["benefit"], new["benefit"])
    r_a, r_b, rules = joint_codes(old["rule"], new["rule"])
    shape = (len(households) + 1, len(persons) + 1, len(benefits) + 1)
    k_a = _pack(hh_a, p_a, b_a, shape)
    k_b = _pack(hh_b, p_b, b_b, shape)
    rules = list(rules)
    first_a, sorted_a, info_a = _one_per_key(k_a, r_a, rules)
    first_b, sorted_b, info_b = _one_per_key(k_b, r_b, rules)
    keys = distinct(np.concatenate([sorted_a, sorted_b]))
    hh, rest = np.divmod(keys, shape[1] * shape[2])
    person, benefit = np.divmod(rest, shape[2])
    return Aligned(hh - 1, person - 1, benefit - 1, households, persons, benefits, np.array(rules, dtype=object),
                   _side(old, keys, sorted_a, first_a, info_a), _side(new, keys, sorted_b, first_b, info_b))


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct integers (by sorting: numpy's hash-based unique was the slower here)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def joint_codes(a: pd.Series, b: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Codes of two columns in one shared vocabulary (-1 for blank), and the vocabulary."""
    if isinstance(a.dtype, pd.CategoricalDtype) and isinstance(b.dtype, pd.CategoricalDtype):
        values = pd.Index(a.cat.categories.astype(str)).union(pd.Index(b.cat.categories.astype(str)))
        values = values[values != ""]
        out = []
        for s in (a, b):
            remap = np.append(values.get_indexer(s.cat.categories.astype(str)), -1)
            codes = s.cat.codes.to_numpy()
            out.append(remap[np.where(codes < 0, len(remap) - 1, codes)])
        return out[0], out[1], values.to_numpy(dtype=object)
    both = pa.concat_arrays([_text(a), _text(b)])
    both = pc.if_else(pc.equal(both, ""), pa.scalar(None, both.type), both)   # a blank is no value
    coded = both.dictionary_encode()          # codes by first appearance, as pandas' factorize gives them
    codes = coded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return codes[: len(a)], codes[len(a):], coded.dictionary.to_numpy(zero_copy_only=False).astype(object)


def words_at(vocabulary, codes: np.ndarray) -> pd.Series:
    """`vocabulary[codes]` as a text column (pandas' `str`), gathered by Arrow from the few distinct
    words: a million-row column of Python strings cost pandas a fifth of a second to convert."""
    words = pa.array(np.asarray(vocabulary, dtype=object), pa.large_string())
    return text_column(words.take(pa.array(np.asarray(codes, dtype=np.int64))))


def text_column(values: pa.Array) -> pd.Series:
    """Arrow text as a pandas `str` column, without a copy."""
    return pd.Series(pd.arrays.ArrowStringArray(values, dtype=pd.StringDtype("pyarrow", na_value=np.nan)))


def _text(column: pd.Series) -> pa.Array:
    """A column's values as arrow text (ids: text already, as the register reader types them)."""
    values = arrow_values(column)
    return values.cast(pa.large_string()) if values.type != pa.large_string() else values


def _pack(hh: np.ndarray, person: np.ndarray, benefit: np.ndarray, shape: tuple[int, int, int]) -> np.ndarray:
    return ((hh.astype(np.int64) + 1) * shape[1] + (person + 1)) * shape[2] + (benefit + 1)


def _one_per_key(keys: np.ndarray, rule: np.ndarray, rules: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per distinct key (sorted): its first row, and its rule (rules of a repeated key listed)."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(keys) else np.zeros(0, dtype=np.int64)
    first = order[starts]
    merged = rule[first].copy()
    sizes = np.diff(np.r_[starts, len(keys)])
    for g in np.flatnonzero(sizes > 1):   # hit policy `all` with several matching rules: rare
        ids = [rules[r] for r in rule[order[starts[g]: starts[g] + sizes[g]]] if r >= 0]
        rules.append(" + ".join(ids))
        merged[g] = len(rules) - 1
    return first, ordered[starts], (merged, order, starts)


def _side(frame: pd.DataFrame, keys: np.ndarray, mine: np.ndarray, first: np.ndarray, rule_info) -> Decisions:
    merged_rule, order, starts = rule_info
    at = np.searchsorted(keys, mine)
    n = len(keys)
    row = np.full(n, -1, dtype=np.int64)
    row[at] = first
    status = np.zeros(n, dtype=np.int8)
    coverage = np.zeros(n, dtype=np.int8)
    status[at] = _vocab(frame["status"], STATUS)[first]
    coverage[at] = _vocab(frame["coverage"], COVERAGE)[first]
    amount, rate = np.full(n, np.nan), np.full(n, np.nan)
    values = pd.to_numeric(frame["amount"], errors="coerce").to_numpy(dtype=float)[order]
    amount[at] = _group_sum(values, starts)
    rates = pd.to_numeric(frame["rate"], errors="coerce").to_numpy(dtype=float)[order]
    rate[at] = np.fmax.reduceat(rates, starts) if len(starts) else rates[:0]
    rule = np.full(n, -1, dtype=np.int64)
    rule[at] = merged_rule
    return Decisions(row, status, coverage, amount, rate, rule)


def _vocab(column: pd.Series, vocabulary: np.ndarray) -> np.ndarray:
    """A coded column's values as indexes into `vocabulary` (unknown text → 0)."""
    cats = column.cat.categories.astype(str) if isinstance(column.dtype, pd.CategoricalDtype) else None
    if cats is None:
        column = column.astype("category")
        cats = column.cat.categories.astype(str)
    remap = np.append(np.maximum(pd.Index(vocabulary).get_indexer(cats), 0), 0).astype(np.int8)
    codes = column.cat.codes.to_numpy()
    return remap[np.where(codes < 0, len(remap) - 1, codes)]


def _group_sum(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Sum per group, nan where every value of the group is nan (an unknown amount stays unknown)."""
    if not len(starts):
        return values[:0]
    total = np.add.reduceat(np.nan_to_num(values), starts)
    known = np.add.reduceat((~np.isnan(values)).astype(np.int64), starts)
    return np.where(known > 0, total, np.nan)
