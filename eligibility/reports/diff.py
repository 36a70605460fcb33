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

Everything is columnar: one outer merge, masks per kind, texts built per distinct rule or per
changed register column (never per decision row).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .labels import ALL_BENEFITS

KEYS = ["household_id", "person_id", "benefit"]
PLACE = ["district", "commune", "village"]
CONTEXT = ["name", *PLACE, "benefit_label", "entity", "unit"]
SIDE = ["status", "coverage", "amount", "rate", "rule", "rule_label"]
KINDS = ["gain", "loss", "amount_up", "amount_down", "amount_unknown", "rate_change", "rule_change",
         "status_change", "coverage_change"]
CAUSES = ["rule", "parameter", "input", "as_of", "other"]
MONTHLY, YEARLY, ONCE = "vnd_per_month", "vnd_per_year", "vnd_once"
MONEY = ["monthly_old", "monthly_new", "monthly_change", "yearly_old", "yearly_new", "yearly_change", "once_change"]
LIST_COLUMNS = ["district", "commune", "village", "household_id", "person_id", "name", "benefit", "benefit_label",
                "entity", "kind", "status_old", "status_new", "coverage_old", "coverage_new", "amount_old",
                "amount_new", "unit", "rate_old", "rate_new", "monthly_change", "yearly_change", "once_change", "rule_old", "rule_new",
                "rule_label_old", "rule_label_new", "cause", "what_changed"]


@dataclass(frozen=True)
class Side:
    """One side of a diff: a screening (plan, as-of date, decisions, register) and how to name it."""

    screening: object
    name: str


def compare(old: Side, new: Side) -> dict[str, pd.DataFrame]:
    """The diff's tables: `by_benefit`, `by_commune`, `by_village`, `by_rule` and the `changes` list."""
    merged = _merge(_one_per_key(old.screening.decisions), _one_per_key(new.screening.decisions))
    _classify(merged)
    _money(merged)
    changed = merged[merged["kind"] != ""].reset_index(drop=True)
    _explain(changed, old.screening, new.screening)
    return {"by_benefit": _summary(merged, ["benefit"]),
            "by_commune": _by_place(merged, ["district", "commune"]),
            "by_village": _by_place(merged, PLACE),
            "by_rule": _by_rule(changed),
            "changes": changed[LIST_COLUMNS].sort_values(["district", "commune", "village", "household_id",
                                                          "person_id", "benefit"], kind="stable")
            .reset_index(drop=True)}


# ---------------------------------------------------------------- matching the two sides
def _text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").astype(str)


def _one_per_key(decisions: pd.DataFrame) -> pd.DataFrame:
    """One row per decision (hit policy `all` may give several rows: amounts summed, rules listed)."""
    frame = pd.DataFrame({c: _text(decisions[c]) for c in KEYS + CONTEXT + SIDE if c not in ("amount", "rate")})
    for c in ("amount", "rate"):
        frame[c] = pd.to_numeric(decisions[c], errors="coerce").astype(float).to_numpy()
    repeated = frame.duplicated(KEYS, keep=False).to_numpy()
    if not repeated.any():
        return frame
    many = frame[repeated]
    grouped = many.groupby(KEYS, sort=False)
    joined = grouped.agg({**{c: "first" for c in CONTEXT + ["status", "coverage"]},
                          "rule": " + ".join, "rule_label": " + ".join})
    joined["amount"] = grouped["amount"].sum(min_count=1)
    joined["rate"] = grouped["rate"].max()
    return pd.concat([frame[~repeated], joined.reset_index()], ignore_index=True)


def _merge(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    both = old.merge(new, on=KEYS, how="outer", suffixes=("_old", "_new"), sort=False)
    for c in CONTEXT:   # the newer side describes the person and place; the older where it has none
        both[c] = both[c + "_new"].where(both[c + "_new"].notna(), both[c + "_old"]).fillna("")
        both = both.drop(columns=[c + "_old", c + "_new"])
    for side in ("_old", "_new"):
        both["status" + side] = both["status" + side].fillna("not_eligible")
        both["coverage" + side] = both["coverage" + side].fillna("none")
        for c in ("rule", "rule_label"):
            both[c + side] = both[c + side].fillna("")
    return both


# ---------------------------------------------------------------- what changed, and what it costs
def _classify(d: pd.DataFrame) -> None:
    s_old, s_new = d["status_old"].to_numpy(), d["status_new"].to_numpy()
    a_old, a_new = d["amount_old"].to_numpy(dtype=float), d["amount_new"].to_numpy(dtype=float)
    e_old, e_new = s_old == "eligible", s_new == "eligible"
    both = e_old & e_new
    known = ~np.isnan(a_old) & ~np.isnan(a_new)
    one_unknown = np.isnan(a_old) != np.isnan(a_new)
    with np.errstate(invalid="ignore"):
        conditions = [~e_old & e_new, e_old & ~e_new, both & known & (a_new > a_old),
                      both & known & (a_new < a_old), both & one_unknown, both & _differs(d["rate_old"], d["rate_new"]),
                      both & (d["rule_old"].to_numpy() != d["rule_new"].to_numpy()), s_old != s_new,
                      d["coverage_old"].to_numpy() != d["coverage_new"].to_numpy()]
    d["kind"] = np.select(conditions, KINDS, default="")


def _differs(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Values that differ, two blanks being equal."""
    x, y = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    return ~((x == y) | (np.isnan(x) & np.isnan(y)))


def _paid(d: pd.DataFrame, side: str, unit: str) -> np.ndarray:
    """The side's amount where the decision is eligible and paid in `unit` (unknown amounts as 0)."""
    eligible = d["status" + side].to_numpy() == "eligible"
    mine = eligible & (d["unit"].to_numpy() == unit)
    return np.where(mine, np.nan_to_num(d["amount" + side].to_numpy(dtype=float)), 0.0)


def _money(d: pd.DataFrame) -> None:
    d["monthly_old"], d["monthly_new"] = _paid(d, "_old", MONTHLY), _paid(d, "_new", MONTHLY)
    d["monthly_change"] = d["monthly_new"] - d["monthly_old"]
    d["yearly_old"] = 12 * d["monthly_old"] + _paid(d, "_old", YEARLY)
    d["yearly_new"] = 12 * d["monthly_new"] + _paid(d, "_new", YEARLY)
    d["yearly_change"] = d["yearly_new"] - d["yearly_old"]
    d["once_change"] = _paid(d, "_new", ONCE) - _paid(d, "_old", ONCE)
    eligible_unknown = [(d["status" + s].to_numpy() == "eligible") & np.isnan(d["amount" + s].to_numpy(dtype=float))
                        for s in ("_old", "_new")]
    d["amount_unknown_new"] = eligible_unknown[1].astype(np.int64)


# ---------------------------------------------------------------- why it changed
def _explain(d: pd.DataFrame, old, new) -> None:
    """`cause` and `what_changed` for each changed decision (texts made per rule or per column)."""
    cause = np.full(len(d), "", dtype=object)
    text = np.full(len(d), "", dtype=object)
    rule_text, param_text = _rule_changes(old, new), _parameter_changes(old, new)
    for column in ("rule_new", "rule_old"):   # the deciding rule: the new one, else the old one
        ids = d[column].to_numpy(dtype=object)
        codes, distinct = pd.factorize(ids)     # texts made once per distinct rule (list)
        for lookup, name in ((rule_text, "rule"), (param_text, "parameter")):
            look = _split_lookup(lookup)
            found = np.array([look(i) for i in distinct] + [""], dtype=object)[codes]
            take = (cause == "") & (found != "")
            cause[take], text[take] = name, found[take]
    inputs = _input_changes(d, old, new)
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


def _rule_changes(old, new) -> dict[str, str]:
    """Per rule id: why the rule itself differs between the sides (window, absence, wording)."""
    out = {}
    old_rules, new_rules = _rules(old.plan), _rules(new.plan)
    for rule_id in set(old_rules) | set(new_rules):
        a, b = old_rules.get(rule_id), new_rules.get(rule_id)
        if a is None or b is None:
            out[rule_id] = f"{rule_id}: {'new rule' if a is None else 'rule removed'}"
        elif a.in_force(old.as_of) != b.in_force(new.as_of):
            out[rule_id] = f"{rule_id}: {'comes into force' if b.in_force(new.as_of) else 'no longer in force'}"
        elif _signature(a) != _signature(b):
            out[rule_id] = f"{rule_id}: rule changed"
    return out


def _rules(plan) -> dict:
    return {r.id: r for b in plan.benefits.values() for r in b.rules}


def _signature(rule) -> tuple:
    return (tuple(c.text for c in rule.conditions), repr(rule.amount), repr(rule.rate), rule.valid_from,
            rule.valid_to, rule.priority)


def _parameter_changes(old, new) -> dict[str, str]:
    """Per rule id: the parameters it uses whose value in force differs (name: old → new)."""
    changed = {}
    for name in set(old.plan.parameters) | set(new.plan.parameters):
        a, b = _value(old.plan, name, old.as_of), _value(new.plan, name, new.as_of)
        if a != b:
            changed[name] = f"{name}: {_show(a)} → {_show(b)}"
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


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _input_changes(d: pd.DataFrame, old, new) -> np.ndarray:
    """Per changed decision: the register values its benefit reads that differ (column: old → new)."""
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
        for column in columns:
            a = _lookup(before, key, column, ids)
            b = _lookup(after, key, column, ids)
            differs = (a != b) & (ids != "")
            if not differs.any():
                continue
            uses = pd.Series(benefit).map({x: (entity, column) in reads.get(x, ()) for x in set(benefit)})
            uses = uses.to_numpy(dtype=bool)
            hit = differs & uses
            out[hit] = out[hit] + np.where(out[hit] == "", "", "; ") + column + ": " + a[hit] + " → " + b[hit]
        gone = ~np.isin(ids, after[key].astype(str).to_numpy()) & (ids != "")
        came = ~np.isin(ids, before[key].astype(str).to_numpy()) & (ids != "")
        out[gone & (out == "")] = f"{entity} no longer in the register"
        out[came & (out == "")] = f"{entity} new in the register"
    return out


def _same_files(a, b) -> bool:
    """Both sides read the same register files (a date or pack diff): no input can differ."""
    return sorted(map(str, a.sources)) == sorted(map(str, b.sources))


def _lookup(frame: pd.DataFrame, key: str, column: str, ids: np.ndarray) -> np.ndarray:
    """The register value of `column` for each id, as text ('—' where absent or blank)."""
    values = frame[column]
    if pd.api.types.is_datetime64_any_dtype(values):
        text = values.dt.strftime("%d/%m/%Y")   # as the register writes it
    else:
        codes, distinct = pd.factorize(values)      # each distinct value shown once
        text = pd.Series(np.array([_show(v) for v in distinct] + ["—"], dtype=object)[codes], index=values.index)
    table = pd.Series(text.where(values.notna(), "—").to_numpy(dtype=object),
                      index=frame[key].astype(str).to_numpy())
    table = table[~table.index.duplicated()]
    return table.reindex(ids).fillna("—").to_numpy(dtype=object)


# ---------------------------------------------------------------- the summaries
def _counts(d: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    flags = pd.DataFrame({k: d[k] for k in keys})
    for kind in KINDS:
        flags[kind] = (d["kind"].to_numpy() == kind).astype(np.int64)
    for column in MONEY:
        flags[column] = d[column].to_numpy(dtype=float)
    flags["amount_unknown_new"] = d["amount_unknown_new"]
    out = flags.groupby(keys, sort=True, observed=True).sum().reset_index()
    out[KINDS + ["amount_unknown_new"]] = out[KINDS + ["amount_unknown_new"]].astype(np.int64)
    out["households_gaining"] = _households(d, keys, "gain")
    out["households_losing"] = _households(d, keys, "loss")
    return out


def _households(d: pd.DataFrame, keys: list[str], kind: str):
    mine = d[d["kind"] == kind]
    counts = mine.drop_duplicates(keys + ["household_id"]).groupby(keys, sort=True).size()
    index = d.groupby(keys, sort=True, observed=True).size().index
    return counts.reindex(index, fill_value=0).to_numpy(dtype=np.int64)


def _summary(d: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    per = _counts(d, keys)
    info = d.drop_duplicates("benefit").set_index("benefit")[["benefit_label", "unit"]]
    per.insert(len(keys), "benefit_label", per["benefit"].map(info["benefit_label"]))
    per.insert(len(keys) + 1, "unit", per["benefit"].map(info["unit"]))
    total = per.drop(columns=keys + ["benefit_label", "unit"]).sum()
    row = {**{k: ALL_BENEFITS for k in keys}, "benefit_label": ALL_BENEFITS, "unit": "", **total.to_dict()}
    out = pd.concat([pd.DataFrame([row]), per], ignore_index=True)
    counts = KINDS + ["amount_unknown_new", "households_gaining", "households_losing"]
    out[counts] = out[counts].astype(np.int64)
    return out[_moved(out)].reset_index(drop=True) if len(keys) > 1 else out


def _moved(table: pd.DataFrame) -> np.ndarray:
    """Rows where something changed (places with no change are left out)."""
    return (table[KINDS].sum(axis=1) > 0).to_numpy() | (table["yearly_change"] != 0).to_numpy()


def _by_place(d: pd.DataFrame, place: list[str]) -> pd.DataFrame:
    per = _summary(d, place + ["benefit"])
    totals = _counts(d.assign(benefit=ALL_BENEFITS), place + ["benefit"])
    totals.insert(len(place) + 1, "benefit_label", ALL_BENEFITS)
    totals.insert(len(place) + 2, "unit", "")
    per = per[per[place[0]] != ALL_BENEFITS]
    out = pd.concat([totals[_moved(totals)], per], ignore_index=True)
    order = out["benefit"].ne(ALL_BENEFITS).astype(int)
    return out.assign(_o=order).sort_values(place + ["_o", "benefit"], kind="stable") \
        .drop(columns="_o").reset_index(drop=True)


def _by_rule(changed: pd.DataFrame) -> pd.DataFrame:
    """Who crosses which rule: per benefit, rule before → rule after and kind, with people and money."""
    keys = ["benefit", "benefit_label", "rule_old", "rule_new", "kind"]
    frame = changed[keys + ["monthly_change", "yearly_change"]].assign(decisions=1)
    return frame.groupby(keys, sort=True).sum().reset_index() \
        .sort_values(["benefit", "decisions"], ascending=[True, False], kind="stable").reset_index(drop=True)
