"""What changes between two screenings: who gains, who loses, whose amount moves, what it costs, why.

The two screenings differ in what the user says — the rule pack, the as-of date or the register
(last month's against this month's) — and each side is exactly the decisions table `screen` writes.
A decision absent from a side's table is "not eligible, not enrolled" there, as `screen` means it.
Decisions are matched by (household id, person id, benefit); under hit policy `all` a decision with
several matching rules is one decision whose amounts add up and whose rules are listed together.

Every changed decision says what changed, in this order of precedence:
* `rule`      — the rule that decides it is not in force, absent or written differently on the other side;
* `parameter` — a parameter that rule uses has another value (old → new);
* `input`     — a register value the benefit reads has another value (old → new; register diffs);
* `as_of`     — nothing above: the date moved (ages, windows, periods) — date diffs;
* `other`     — none of these (e.g. a variable upstream changed through another benefit).

Everything is columnar: keys matched on integer codes (`diffalign`), masks per kind, sums by `np.bincount`
(`diffsummary`), texts built per distinct rule or per
changed register column (never per decision row).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..csvout import arrow_values

from ..wording import N_, translator
from ..wording.formats import format_number, format_percent
from .diffalign import COVERAGE, STATUS, Aligned, align, joint_codes
from .diffsummary import KINDS, MONEY, Keys, by_benefit, by_place

ELIGIBLE = 1   # index of 'eligible' in diffalign.STATUS

KEYS = ["household_id", "person_id", "benefit"]
PLACE = ["district", "commune", "village"]
CAUSES = ["rule", "parameter", "input", "as_of", "other"]
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
    _explain(listed, old.screening, new.screening, lang)
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
    money = _money(al, info["unit"].to_numpy(dtype=object)[al.benefit])
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


def _text_column(values: pa.Array) -> pd.Series:
    return pd.Series(pd.arrays.ArrowStringArray(values, dtype=pd.StringDtype("pyarrow", na_value=np.nan)))


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


def _money(al: Aligned, unit: np.ndarray) -> dict[str, np.ndarray]:
    def paid(side, wanted: str) -> np.ndarray:
        mine = (side.status == ELIGIBLE) & (unit == wanted)
        return np.where(mine, np.nan_to_num(side.amount), 0.0)

    out = {"monthly_old": paid(al.old, MONTHLY), "monthly_new": paid(al.new, MONTHLY)}
    out["monthly_change"] = out["monthly_new"] - out["monthly_old"]
    out["yearly_old"] = 12 * out["monthly_old"] + paid(al.old, YEARLY)
    out["yearly_new"] = 12 * out["monthly_new"] + paid(al.new, YEARLY)
    out["yearly_change"] = out["yearly_new"] - out["yearly_old"]
    out["once_change"] = paid(al.new, ONCE) - paid(al.old, ONCE)
    out["amount_unknown_new"] = ((al.new.status == ELIGIBLE) & np.isnan(al.new.amount)).astype(np.int64)
    return out


# ---------------------------------------------------------------- the changed decisions, in words
def _changes(at: np.ndarray, keys: Keys, al: Aligned, a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The list of changed decisions: ids, names, place, before and after (texts only for these rows)."""
    row_old, row_new = al.old.row[at], al.new.row[at]
    from_new = row_new >= 0
    out = pd.DataFrame({c: _take_either(a[c], b[c], row_old, row_new, from_new) for c in ["name", *PLACE]})
    out.insert(0, "household_id", al.households[al.household[at]])
    out.insert(1, "person_id", np.where(al.person[at] >= 0, al.persons[np.maximum(al.person[at], 0)], ""))
    info = keys.benefits
    benefit = al.benefit[at]
    out["benefit"] = al.benefits[benefit]
    for column in ("benefit_label", "entity", "unit"):
        out[column] = info[column].to_numpy(dtype=object)[benefit]
    out["kind"] = np.array(KINDS, dtype=object)[keys.kind[at]]
    for suffix, side, rows, frame in (("_old", al.old, row_old, a), ("_new", al.new, row_new, b)):
        out["status" + suffix] = STATUS[side.status[at]]
        out["coverage" + suffix] = COVERAGE[side.coverage[at]]
        out["amount" + suffix] = side.amount[at]
        out["rate" + suffix] = side.rate[at]
        out["rule" + suffix] = np.where(side.rule[at] >= 0, al.rules[np.maximum(side.rule[at], 0)], "")
        out["rule_label" + suffix] = _text_column(_take(frame["rule_label"], rows))
    for column in MONEY:
        out[column] = keys.money[column][at]
    return out


def _take_either(old: pd.Series, new: pd.Series, row_old, row_new, from_new) -> pd.Series:
    return _text_column(pc.if_else(pa.array(from_new), _take(new, row_new), _take(old, row_old)))


# ---------------------------------------------------------------- why it changed
def _explain(d: pd.DataFrame, old, new, lang: str) -> None:
    """`cause` and `what_changed` for each changed decision (texts made per rule or per column)."""
    cause = np.full(len(d), "", dtype=object)
    text = np.full(len(d), "", dtype=object)
    rule_text, param_text = _rule_changes(old, new, lang), _parameter_changes(old, new, lang)
    for column in ("rule_new", "rule_old"):   # the deciding rule: the new one, else the old one
        ids = d[column].to_numpy(dtype=object)
        codes, distinct = pd.factorize(ids)     # texts made once per distinct rule (list)
        for lookup, name in ((rule_text, "rule"), (param_text, "parameter")):
            look = _split_lookup(lookup)
            found = np.array([look(i) for i in distinct] + [""], dtype=object)[codes]
            take = (cause == "") & (found != "")
            cause[take], text[take] = name, found[take]
    inputs = _input_changes(d, old, new, lang)
    take = (cause == "") & (inputs != "")
    cause[take], text[take] = "input", inputs[take]
    cause[cause == ""] = "as_of" if old.as_of != new.as_of else "other"
    d["cause"], d["what_changed"] = cause, text


def _split_lookup(table: dict[str, str]):
    """A rule column may list several rules ('a+b' under `sum`, 'a + b' under `all`): the texts of
    those that changed."""
    def look(ids: str) -> str:
        return "; ".join(dict.fromkeys(t for t in (table.get(i.strip(), "") for i in ids.split("+")) if t))
    return look


RULE_CHANGES = {"new": N_("new rule"), "removed": N_("rule removed"), "starts": N_("comes into force"),
                "ends": N_("no longer in force"), "changed": N_("rule changed")}


def _rule_changes(old, new, lang: str) -> dict[str, str]:
    """Per rule id: why the rule itself differs between the sides (window, absence, wording), named by
    its label."""
    out, words = {}, translator(lang)
    old_rules, new_rules = _rules(old.plan), _rules(new.plan)
    for rule_id in set(old_rules) | set(new_rules):
        a, b = old_rules.get(rule_id), new_rules.get(rule_id)
        how = _how_changed(a, b, old.as_of, new.as_of)
        if how:
            out[rule_id] = f"{getattr((b or a).label, lang)}: {words(RULE_CHANGES[how])}"
    return out


def _how_changed(a, b, day_old, day_new) -> str | None:
    if a is None or b is None:
        return "new" if a is None else "removed"
    if a.in_force(day_old) != b.in_force(day_new):
        return "starts" if b.in_force(day_new) else "ends"
    return "changed" if _signature(a) != _signature(b) else None


def _rules(plan) -> dict:
    return {r.id: r for b in plan.benefits.values() for r in b.rules}


def _signature(rule) -> tuple:
    return (tuple(c.text for c in rule.conditions), repr(rule.amount), repr(rule.rate), rule.valid_from,
            rule.valid_to, rule.priority)


def _parameter_changes(old, new, lang: str) -> dict[str, str]:
    """Per rule id: the parameters it uses whose value in force differs (label: old → new)."""
    changed = {}
    for name in set(old.plan.parameters) | set(new.plan.parameters):
        a, b = _value(old.plan, name, old.as_of), _value(new.plan, name, new.as_of)
        if a != b:
            spec = (new.plan.parameters.get(name) or old.plan.parameters[name]).spec
            share = spec.unit in ("share", "per year")
            changed[name] = f"{getattr(spec.label, lang)}: {_show(a, lang, share)} → {_show(b, lang, share)}"
    out = {}
    for rules in (_rules(new.plan), _rules(old.plan)):
        for rule_id, rule in rules.items():
            texts = [changed[p] for p in sorted(rule.params) if p in changed]
            if texts and rule_id not in out:
                out[rule_id] = "; ".join(texts)
    return out


def _value(plan, name: str, day):
    parameter = plan.parameters.get(name)
    item = parameter.at(day) if parameter is not None else None
    return None if item is None else item.value


def _show(value, lang: str, share: bool = False) -> str:
    """A value in the reader's conventions (1.500.000 / 7,92% in vi)."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return format_percent(value, lang) if share else format_number(value, lang)


REGISTER_CHANGES = {("household", "gone"): N_("household no longer in the register"),
                    ("household", "came"): N_("household new in the register"),
                    ("person", "gone"): N_("person no longer in the register"),
                    ("person", "came"): N_("person new in the register")}


def _input_changes(d: pd.DataFrame, old, new, lang: str) -> np.ndarray:
    """Per changed decision: the register values its benefit reads that differ (header: old → new)."""
    out = np.full(len(d), "", dtype=object)
    old_reg, new_reg = getattr(old, "register", None), getattr(new, "register", None)
    if old_reg is None or new_reg is None or not len(d) or _same_files(old_reg, new_reg):
        return out
    reads = {b: benefit.inputs for b, benefit in new.plan.benefits.items()}
    benefit = d["benefit"].to_numpy(dtype=object)
    for entity, key, table in (("household", "household_id", "households"), ("person", "person_id", "members")):
        before, after = getattr(old_reg, table), getattr(new_reg, table)
        ids = d[key].to_numpy(dtype=object)
        columns = sorted({c for cols in reads.values() for (e, c) in cols if e == entity} & set(before.columns)
                         & set(after.columns))
        schema = new.plan.inputs.table_for(entity).columns
        for column in columns:
            a = _lookup(before, key, column, ids, lang)
            b = _lookup(after, key, column, ids, lang)
            differs = (a != b) & (ids != "")
            if not differs.any():
                continue
            uses = pd.Series(benefit).map({x: (entity, column) in reads.get(x, ()) for x in set(benefit)})
            uses = uses.to_numpy(dtype=bool)
            hit = differs & uses
            header = getattr(schema[column].label, lang) if column in schema else column
            out[hit] = out[hit] + np.where(out[hit] == "", "", "; ") + header + ": " + a[hit] + " → " + b[hit]
        gone = ~np.isin(ids, after[key].astype(str).to_numpy()) & (ids != "")
        came = ~np.isin(ids, before[key].astype(str).to_numpy()) & (ids != "")
        out[gone & (out == "")] = translator(lang)(REGISTER_CHANGES[(entity, "gone")])
        out[came & (out == "")] = translator(lang)(REGISTER_CHANGES[(entity, "came")])
    return out


def _same_files(a, b) -> bool:
    """Both sides read the same register files (a date or pack diff): no input can differ."""
    return sorted(map(str, a.sources)) == sorted(map(str, b.sources))


def _lookup(frame: pd.DataFrame, key: str, column: str, ids: np.ndarray, lang: str) -> np.ndarray:
    """The register value of `column` for each id, as text ('—' where absent or blank)."""
    values = frame[column]
    if pd.api.types.is_datetime64_any_dtype(values):
        text = values.dt.strftime("%d/%m/%Y")   # as the register writes it
    else:
        codes, distinct = pd.factorize(values)      # each distinct value shown once
        text = pd.Series(np.array([_show(v, lang) for v in distinct] + ["—"], dtype=object)[codes], index=values.index)
    table = pd.Series(text.where(values.notna(), "—").to_numpy(dtype=object),
                      index=frame[key].astype(str).to_numpy())
    table = table[~table.index.duplicated()]
    return table.reindex(ids).fillna("—").to_numpy(dtype=object)


# ---------------------------------------------------------------- the summaries
def by_rule(changed: pd.DataFrame) -> pd.DataFrame:
    """Who crosses which rule: per benefit, rule before → rule after and kind, with people and money."""
    keys = ["benefit", "benefit_label", "rule_old", "rule_new", "kind"]
    frame = changed[keys + ["monthly_change", "yearly_change"]].assign(decisions=1)
    return frame.groupby(keys, sort=True).sum().reset_index() \
        .sort_values(["benefit", "decisions"], ascending=[True, False], kind="stable").reset_index(drop=True)
