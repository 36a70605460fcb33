"""Why a decision changed between two screenings: `cause` and `what_changed` of each changed decision.

In this order of precedence:
* `rule`      — the rule that decides it is not in force, absent or written differently on the other side;
* `parameter` — a parameter that rule uses has another value (old → new);
* `input`     — a register value the benefit reads has another value (old → new; register diffs);
* `as_of`     — nothing above: the date moved (ages, windows, periods) — date diffs;
* `other`     — none of these (e.g. a variable upstream changed through another benefit).

Texts are made once per distinct rule or per changed register column, never per decision row.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..wording import N_, translator
from .diffalign import words_at
from ..wording.formats import format_number, format_percent

CAUSES = ["rule", "parameter", "input", "as_of", "other"]

def explain(d: pd.DataFrame, old, new, lang: str) -> None:
    """`cause` and `what_changed` for each changed decision (texts made per rule or per column, held
    as codes until the two columns are made)."""
    cause = np.full(len(d), -1, dtype=np.int64)     # index into CAUSES, -1 not yet found
    text = np.zeros(len(d), dtype=np.int64)         # index into `texts`
    texts = [""]
    rule_text, param_text = _rule_changes(old, new, lang), _parameter_changes(old, new, lang)
    for column in ("rule_new", "rule_old"):   # the deciding rule: the new one, else the old one
        codes, distinct = pd.factorize(d[column])     # texts made once per distinct rule (list)
        for lookup, name in ((rule_text, "rule"), (param_text, "parameter")):
            look = _split_lookup(lookup)
            found = np.array([_code(texts, look(i)) for i in distinct] + [0], dtype=np.int64)[codes]
            take = (cause < 0) & (found != 0)
            cause[take], text[take] = CAUSES.index(name), found[take]
    inputs = _input_changes(d, old, new, lang)
    take = (cause < 0) & (inputs != "")
    if take.any():
        codes, distinct = pd.factorize(inputs[take])
        cause[take], text[take] = CAUSES.index("input"), len(texts) + codes
        texts += list(distinct)
    cause[cause < 0] = CAUSES.index("as_of" if old.as_of != new.as_of else "other")
    d["cause"], d["what_changed"] = words_at(CAUSES, cause), words_at(texts, text)


def _code(texts: list[str], text: str) -> int:
    """The index of `text` in `texts` (added at the end if new; "" is 0)."""
    if text not in texts:
        texts.append(text)
    return texts.index(text)


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
