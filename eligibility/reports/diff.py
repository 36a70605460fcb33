"""What changes between two screenings: who gains, who loses, whose amount moves, what it costs, why.

The two screenings differ in what the user says — the rule pack, the as-of date or the register
(last month's against this month's) — and each side is exactly the decisions table `screen` writes.
A decision absent from a side's table is "not eligible, not enrolled" there, as `screen` means it.
Decisions are matched by (household id, person id, benefit); under hit policy `all` a decision with
several matching rules is one decision whose amounts add up and whose rules are listed together.

Every changed decision says what changed — the rule, a parameter, a register value, the date
(`diffcause`). Everything is columnar: keys matched on integer codes (`diffalign`), masks per kind,
sums by `np.bincount` (`diffsummary`), texts taken only for the changed decisions, in the list's order.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..csvout import arrow_values
from .diffalign import COVERAGE, STATUS, Aligned, align, joint_codes, text_column, words_at
from .diffcause import explain
from .diffsummary import KINDS, MONEY, Keys, by_benefit, by_place

ELIGIBLE = 1   # index of 'eligible' in diffalign.STATUS

KEYS = ["household_id", "person_id", "benefit"]
PLACE = ["district", "commune", "village"]
CHANGE_ORDER = ["district", "commune", "village", "household_id", "person_id", "benefit"]
MONTHLY, YEARLY, ONCE = "vnd_per_month", "vnd_per_year", "vnd_once"
LIST_COLUMNS = ["district", "commune", "village", "household_id", "person_id", "name", "benefit", "benefit_label",
                "entity", "kind", "status_old", "status_new", "coverage_old", "coverage_new", "amount_old",
                "amount_new", "unit", "rate_old", "rate_new", "monthly_change", "yearly_change", "once_change", "rule_old", "rule_new",
                "rule_label_old", "rule_label_new", "cause", "what_changed"]


@dataclass(frozen=True)
class Side:
    """One side of a diff: a screening (plan, as-of date, decisions, register) and how to name it."""

    screening: object
    name: str


def compare(old: Side, new: Side, lang: str = "en", part: bool = False) -> dict[str, pd.DataFrame]:
    """The diff's tables: `by_benefit`, `by_commune`, `by_village`, `by_rule` and the `changes` list
    (what changed worded in `lang`: rule and parameter labels, register headers, numbers). `part`: the
    screenings are of one part of a register, whose place sums keep every place (`diffcombine`)."""
    a, b = old.screening.decisions, new.screening.decisions
    al = align(a, b)
    keys = _keys(al, a, b)
    at = np.flatnonzero(keys.kind >= 0)
    listed = _changes(at[_list_order(at, keys, al)], keys, al, a, b)   # made in the list's order
    explain(listed, old.screening, new.screening, lang)
    return {"by_benefit": by_benefit(keys),
            "by_commune": by_place(keys, ["district", "commune"], every=part),
            "by_village": by_place(keys, PLACE, every=part),
            "by_rule": by_rule(listed),
            "changes": listed[LIST_COLUMNS].reset_index(drop=True)}


def _list_order(at: np.ndarray, keys: Keys, al: Aligned) -> np.ndarray:
    """The order `sort_changes` gives the changed decisions, found on their codes before any text
    is taken: each vocabulary ranked once (by code point, as pandas sorts text)."""
    def ranked(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
        words = pa.array(np.asarray(values, dtype=object), pa.large_string())
        rank = pc.rank(words, sort_keys="ascending", tiebreaker="dense").to_numpy(zero_copy_only=False)
        return np.append(rank, 0)[codes]         # -1 (no person: a blank id) before every id

    columns = [ranked(keys.places[c][0][at], keys.places[c][1]) for c in PLACE]
    columns += [ranked(al.household[at], al.households), ranked(al.person[at], al.persons),
                ranked(al.benefit[at], al.benefits)]
    return np.lexsort(columns[::-1])


def sort_changes(changes: pd.DataFrame) -> pd.DataFrame:
    """The list of changes by place, household, person and benefit (by pseudonym once redacted: an
    order by the real IDs would give them away)."""
    ranks = [_rank(changes[c]) for c in reversed(CHANGE_ORDER)]
    if any(r is None for r in ranks):
        return changes.sort_values(CHANGE_ORDER, kind="stable").reset_index(drop=True)
    return changes.take(np.lexsort(ranks)).reset_index(drop=True)


def _rank(column: pd.Series) -> np.ndarray | None:
    """Dense ranks of a text column in pandas' order (by code point, blanks first, missing last);
    None for a column of another kind."""
    if not (isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"):
        return None
    coded = arrow_values(column).dictionary_encode()        # each distinct text ranked once
    order = pc.rank(coded.dictionary, sort_keys="ascending", tiebreaker="dense").to_numpy(zero_copy_only=False)
    at = coded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    return np.append(order, len(order) + 1)[at]        # a missing value (-1) after every text


# ---------------------------------------------------------------- every decision key, as codes and money
def _keys(al: Aligned, a: pd.DataFrame, b: pd.DataFrame) -> Keys:
    info = _benefit_info(a, b, al.benefits)
    from_new = al.new.row >= 0
    places = {c: _pick(a[c], b[c], al.old.row, al.new.row, from_new) for c in PLACE}
    money = _money(al, info["unit"].to_numpy(dtype=object))
    return Keys(places, (al.benefit, al.benefits), al.household, _classify(al), money, info)


def _pick(old: pd.Series, new: pd.Series, row_old, row_new, from_new) -> tuple[np.ndarray, np.ndarray]:
    """A place column of each key, from the newer side where it has the key: codes and values."""
    code_old, code_new, values = joint_codes(old, new)
    codes = np.where(from_new, _at(code_new, row_new), _at(code_old, row_old))
    values = np.append(values, "")     # the vocabulary holds no blank: "" is the last value
    return np.where(codes < 0, len(values) - 1, codes), values


def _at(codes: np.ndarray, rows: np.ndarray) -> np.ndarray:
    return np.where(rows >= 0, codes[np.maximum(rows, 0)] if len(codes) else -1, -1)


def _take(column: pd.Series, rows: np.ndarray) -> pa.Array:
    """The values of `column` at `rows` as arrow text ("" where the row is -1 or the value blank);
    a coded column's categories are read once."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy().astype(np.int64)
        words = pa.array(column.cat.categories.astype(str).to_numpy(dtype=object), pa.large_string())
        at = np.where(rows >= 0, codes[np.maximum(rows, 0)] if len(codes) else -1, -1)
        return words.take(pa.array(at, mask=at < 0)).fill_null("")
    values = arrow_values(column.astype("str") if column.dtype == object else column)
    values = values.cast(pa.large_string()) if values.type != pa.large_string() else values
    return values.take(pa.array(rows, mask=rows < 0)).fill_null("")


def _benefit_info(a: pd.DataFrame, b: pd.DataFrame, benefits: np.ndarray) -> pd.DataFrame:
    both = pd.concat([b[["benefit", "benefit_label", "unit", "entity"]].drop_duplicates("benefit"),
                      a[["benefit", "benefit_label", "unit", "entity"]].drop_duplicates("benefit")])
    both = both.astype(str).drop_duplicates("benefit").set_index("benefit")
    return both.reindex(benefits).fillna("")


def _classify(al: Aligned) -> np.ndarray:
    o, n = al.old, al.new
    e_old, e_new = o.status == ELIGIBLE, n.status == ELIGIBLE
    both = e_old & e_new
    known = ~np.isnan(o.amount) & ~np.isnan(n.amount)
    with np.errstate(invalid="ignore"):
        conditions = [~e_old & e_new, e_old & ~e_new, both & known & (n.amount > o.amount),
                      both & known & (n.amount < o.amount), both & (np.isnan(o.amount) != np.isnan(n.amount)),
                      both & _differs(o.rate, n.rate), both & (o.rule != n.rule), o.status != n.status,
                      o.coverage != n.coverage]
    return np.select(conditions, np.arange(len(KINDS), dtype=np.int8), default=-1).astype(np.int8)


def _differs(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Values that differ, two blanks being equal."""
    return ~((x == y) | (np.isnan(x) & np.isnan(y)))


def _money(al: Aligned, units: np.ndarray) -> dict[str, np.ndarray]:
    """Each key's money on each side; `units`: each benefit's unit (compared per benefit, not per key)."""
    def paid(side: tuple[np.ndarray, np.ndarray], wanted: str) -> np.ndarray:
        eligible, amount = side
        return np.where(eligible & (units == wanted)[al.benefit], amount, 0.0)

    old = (al.old.status == ELIGIBLE, np.nan_to_num(al.old.amount))
    new = (al.new.status == ELIGIBLE, np.nan_to_num(al.new.amount))
    out = {"monthly_old": paid(old, MONTHLY), "monthly_new": paid(new, MONTHLY)}
    out["monthly_change"] = out["monthly_new"] - out["monthly_old"]
    out["yearly_old"] = 12 * out["monthly_old"] + paid(old, YEARLY)
    out["yearly_new"] = 12 * out["monthly_new"] + paid(new, YEARLY)
    out["yearly_change"] = out["yearly_new"] - out["yearly_old"]
    out["once_change"] = paid(new, ONCE) - paid(old, ONCE)
    out["amount_unknown_new"] = (new[0] & np.isnan(al.new.amount)).astype(np.int64)
    return out


# ---------------------------------------------------------------- the changed decisions, in words
def _changes(at: np.ndarray, keys: Keys, al: Aligned, a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The list of changed decisions: ids, names, place, before and after (texts only for these rows,
    each column gathered from its codes' vocabulary)."""
    row_old, row_new = al.old.row[at], al.new.row[at]
    from_new = row_new >= 0
    person = al.person[at]
    benefit = al.benefit[at]
    info = keys.benefits
    out = {"household_id": words_at(al.households, al.household[at]),
           "person_id": words_at(np.append(al.persons, ""), np.where(person >= 0, person, len(al.persons))),
           **{c: _take_either(a[c], b[c], row_old, row_new, from_new) for c in ["name", *PLACE]},
           "benefit": words_at(al.benefits, benefit),
           **{c: words_at(info[c].to_numpy(dtype=object), benefit) for c in ("benefit_label", "entity", "unit")},
           "kind": words_at(KINDS, keys.kind[at])}
    rules = np.append(al.rules, "")
    for suffix, side, rows, frame in (("_old", al.old, row_old, a), ("_new", al.new, row_new, b)):
        rule = side.rule[at]
        out["status" + suffix] = words_at(STATUS, side.status[at])
        out["coverage" + suffix] = words_at(COVERAGE, side.coverage[at])
        out["amount" + suffix] = pd.Series(side.amount[at])
        out["rate" + suffix] = pd.Series(side.rate[at])
        out["rule" + suffix] = words_at(rules, np.where(rule >= 0, rule, len(rules) - 1))
        out["rule_label" + suffix] = text_column(_take(frame["rule_label"], rows))
    for column in MONEY:
        out[column] = pd.Series(keys.money[column][at])
    return pd.DataFrame(out, copy=False)


def _take_either(old: pd.Series, new: pd.Series, row_old, row_new, from_new) -> pd.Series:
    return text_column(pc.if_else(pa.array(from_new), _take(new, row_new), _take(old, row_old)))


# ---------------------------------------------------------------- the summaries
def by_rule(changed: pd.DataFrame) -> pd.DataFrame:
    """Who crosses which rule: per benefit, rule before → rule after (each with its label, for the reader:
    the codes are for machines) and kind, with people and money."""
    keys = ["benefit", "benefit_label", "rule_old", "rule_new", "kind"]
    frame = changed[keys + ["rule_label_old", "rule_label_new", "monthly_change", "yearly_change"]].assign(decisions=1)
    groups = frame.groupby(keys, sort=True)
    out = groups[["monthly_change", "yearly_change", "decisions"]].sum() \
        .join(groups[["rule_label_old", "rule_label_new"]].first()).reset_index()
    out = out[["benefit", "benefit_label", "rule_old", "rule_label_old", "rule_new", "rule_label_new", "kind",
               "monthly_change", "yearly_change", "decisions"]]
    return out.sort_values(["benefit", "decisions"], ascending=[True, False], kind="stable").reset_index(drop=True)
