"""Random registers over a pack's input schema, biased towards the values the rules test.

Every column may be missing; numbers and dates are drawn from the pack's own thresholds (constants
and parameter values, and small steps around them) as well as at random, so that comparisons land
on both sides of every line and exactly on it.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pandas as pd

from eligibility.records import frames_from_records
from eligibility.rulebook.compile import Plan
from eligibility.rulebook.expressions import Const, walk

PACK = __import__("pathlib").Path(__file__).with_name("pack")


def interesting_numbers(plan: Plan, as_of: dt.date) -> list[float]:
    """Constants and parameter values in force, with neighbours and small multiples."""
    base: set[float] = {0.0, 1.0, 2.0}
    for node in _all_nodes(plan):
        if isinstance(node, Const) and node.type.kind == "number" and node.value is not None:
            base.add(float(node.value))
    for param in plan.parameters.values():
        value = param.at(as_of)
        if value is not None and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
            base.add(float(value.value))
    out: set[float] = set()
    for v in base:
        for k in (1, 2, 3, 4, 5):
            out.update({v * k, v * k - 1, v * k + 1})
        out.add(v * 0.8)
    return sorted(x for x in out if abs(x) < 1e12)


def interesting_dates(plan: Plan, as_of: dt.date) -> list[dt.date]:
    """Dates k years (and months) before the as-of date, the day before and after; date literals."""
    out: set[dt.date] = set()
    ages = {int(v) for v in interesting_numbers(plan, as_of) if 0 <= v <= 110 and float(v).is_integer()}
    for years in ages:
        day = _years_before(as_of, years)
        out.update({day, day - dt.timedelta(days=1), day + dt.timedelta(days=1)})
        for months in (1, 6, 11):
            out.add(_months_before(day, months))
    for node in _all_nodes(plan):
        if isinstance(node, Const) and node.type.kind == "date" and node.value is not None:
            out.update({node.value, node.value - dt.timedelta(days=1), node.value + dt.timedelta(days=1)})
    return sorted(d for d in out if dt.date(1900, 1, 1) <= d <= as_of)


def partial_date(day: dt.date, draw: float) -> int | str:
    """The year of `day` (as a register writes it: 1944) or its month ('1944-03'), by `draw` in [0, 1)."""
    return day.year if draw < 0.5 else f"{day.year}-{day.month:02d}"


def _all_nodes(plan: Plan):
    for var in plan.variables.values():
        yield from walk(var.node)
    for benefit in plan.benefits.values():
        if benefit.enrolled is not None:
            yield from walk(benefit.enrolled)
        for rule in benefit.rules:
            yield from walk(rule.amount)
            for cond in rule.conditions:
                yield from walk(cond.node)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:                       # 29 February
        return day.replace(year=day.year - years, day=28)


def _months_before(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    return dt.date(total // 12, total % 12 + 1, min(day.day, 28))


def interesting_texts(plan: Plan) -> list[str]:
    found = {"A", "Bản Nà", ""}
    for node in _all_nodes(plan):
        if isinstance(node, Const) and node.type.kind == "text" and node.value:
            found.add(str(node.value))
    return sorted(found)


# (id of the plan, as-of date) -> (the plan, its numbers, dates, texts). The values a pack's rules test are
# walked out of its plan once per date, not once per register drawn: three walks of the rule pack's
# expressions cost about 0.08 CPU-s, and the hypothesis tests draw dozens of registers at two dates. The
# plan is kept beside them, so its id is not reused by another plan; the lists are only read.
_POOLS: dict[tuple[int, dt.date], tuple[Plan, list[float], list[dt.date], list[str]]] = {}


def _pool(plan: Plan, as_of: dt.date) -> tuple[list[float], list[dt.date], list[str]]:
    key = (id(plan), as_of)
    if key not in _POOLS:
        _POOLS[key] = (plan, interesting_numbers(plan, as_of), interesting_dates(plan, as_of), interesting_texts(plan))
    _, numbers, dates, texts = _POOLS[key]
    return numbers, dates, texts


class RandomRegister:
    """Draws households (as records) for a plan; `missing` is the share of blank optional values,
    `partial` the share of dates known only to their year or month (`1944`, `'1944-03'`)."""

    def __init__(self, plan: Plan, as_of: dt.date, seed: int = 0, missing: float = 0.15, partial: float = 0.0):
        self.plan, self.as_of = plan, as_of
        self.rng = random.Random(seed)
        self.missing, self.partial = missing, partial
        self.numbers, self.dates, self.texts = _pool(plan, as_of)
        self.count = 0

    def value(self, kind: str, codes: list[str], required: bool = False) -> Any:
        rng = self.rng
        if not required and rng.random() < self.missing:
            return None
        if kind == "enum":
            return rng.choice(codes)
        if kind == "bool":
            return rng.random() < 0.5
        if kind == "date":
            day = rng.choice(self.dates) if rng.random() < 0.6 else self.as_of - dt.timedelta(days=rng.randrange(0, 36500))
            return partial_date(day, rng.random()) if rng.random() < self.partial else day
        if kind == "text":
            return rng.choice(self.texts)
        if kind == "int":
            if rng.random() < 0.6:
                return int(rng.choice([n for n in self.numbers if float(n).is_integer() and 0 <= n < 1e9] or [0]))
            return rng.randrange(0, 12)
        if rng.random() < 0.6:                      # number / money
            value = abs(rng.choice(self.numbers))
        else:
            value = rng.choice([rng.randrange(0, 5_000_000), round(rng.uniform(0, 100), 2)])
        return float(value)

    def household(self, members: int | None = None) -> tuple[dict, list[dict]]:
        self.count += 1
        hid = f"H{self.count:06d}"
        hh_table, m_table = self.plan.inputs.households, self.plan.inputs.members
        hh = {}
        for name, col in hh_table.columns.items():
            hh[name] = self.value(col.type, list(col.values or ()), required=col.required)
        hh["household_id"] = hid
        n = members if members is not None else self.rng.choice([1, 1, 2, 3, 4, 5, 6, 8])
        people = []
        for i in range(n):
            person = {}
            for name, col in m_table.columns.items():
                person[name] = self.value(col.type, list(col.values or ()), required=col.required)
            person["person_id"] = f"{hid}-{i + 1:02d}"
            person["household_id"] = hid
            people.append(person)
        return hh, people

    def frames(self, households: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        hh, mm = [], []
        for _ in range(households):
            h, m = self.household()
            hh.append(h)
            mm.extend(m)
        return frames_from_records(self.plan.inputs, hh, mm)


# ---------------------------------------------------------------- comparing the two engines
KEY = ["household_id", "person_id", "benefit", "rule"]
MUST_MATCH = ["status", "coverage", "amount", "rule", "missing_inputs", "rate", "amount_is_minimum"]
ALSO = ["name", "district", "commune", "village", "benefit_label", "entity", "unit", "rule_label", "reference",
        "unverified", "explanation", "parameter_values"]


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column as Python objects, missing values as None (categoricals and NA compare alike)."""
    out = frame.copy()
    for column in out.columns:
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out.reset_index(drop=True)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a))
    return a == b


def decision_differences(vectorised: pd.DataFrame, durable: pd.DataFrame, columns=None) -> list[str]:
    """Rows or values that differ, keyed by household, person, benefit and rule (empty: identical).

    Values are compared column by column over the rows both tables have (one pass per column, no
    per-row frame access: a 2,000-household table has ~28,000 rows)."""
    columns = columns or MUST_MATCH + ALSO
    a, b = plain(vectorised), plain(durable)
    problems: list[str] = []
    if list(a.columns) != list(b.columns):
        problems.append(f"columns differ: {list(a.columns)} vs {list(b.columns)}")
    index_a = {key: i for i, key in enumerate(a[KEY].itertuples(index=False, name=None))}
    index_b = {key: i for i, key in enumerate(b[KEY].itertuples(index=False, name=None))}
    if len(index_a) != len(a) or len(index_b) != len(b):
        problems.append("duplicate (household, person, benefit, rule) rows")
    for key in sorted(set(index_a) - set(index_b), key=str)[:20]:
        problems.append(f"only the vectorised engine has {key}: {a.iloc[index_a[key]].to_dict()}")
    for key in sorted(set(index_b) - set(index_a), key=str)[:20]:
        problems.append(f"only the durable engine has {key}: {b.iloc[index_b[key]].to_dict()}")
    common = sorted(set(index_a) & set(index_b), key=str)
    rows_a = [index_a[key] for key in common]
    rows_b = [index_b[key] for key in common]
    differing: dict[int, list[str]] = {}
    for column in columns:
        values_a, values_b = a[column].to_numpy(dtype=object), b[column].to_numpy(dtype=object)
        for n, (x, y) in enumerate(zip(values_a[rows_a], values_b[rows_b])):
            if not _same(x, y):
                differing.setdefault(n, []).append(f"{column}: vectorised {x!r} / durable {y!r}")
    for n in sorted(differing):
        problems.append(f"{common[n]}: " + "; ".join(differing[n]))
    return problems


def describe_households(households: pd.DataFrame, members: pd.DataFrame, problems: list[str], limit: int = 3) -> str:
    """The households behind the first differences, to print with a failure."""
    ids = []
    for p in problems:
        for hid in households["household_id"].astype(str):
            if f"'{hid}'" in p and hid not in ids:
                ids.append(hid)
                break
        if len(ids) >= limit:
            break
    parts = []
    for hid in ids:
        hh = plain(households[households["household_id"].astype(str) == hid]).to_dict("records")
        mm = plain(members[members["household_id"].astype(str) == hid]).to_dict("records")
        parts.append(f"household {hid}: {hh}\n  members: {mm}")
    return "\n".join(parts)


def assert_same_decisions(vectorised: pd.DataFrame, durable: pd.DataFrame, households: pd.DataFrame,
                          members: pd.DataFrame, columns=None) -> None:
    problems = decision_differences(vectorised, durable, columns)
    if problems:
        raise AssertionError(f"{len(problems)} difference(s) between the engines:\n  " + "\n  ".join(problems[:25])
                             + "\n" + describe_households(households, members, problems))
