"""Screen many small cases (examples, scenario screenings) together: one screening per as-of date.

Screening one household costs about as much as screening a thousand (the engine works on whole
columns), so the cases of one date are screened as one register. Ids are made unique per case
(`<case>\\x1f<id>`) and taken apart again afterwards; households never see each other in the
engine (every value is per person or per household), so a case decides as it would alone —
`tests/packtest/test_packtest.py` checks that.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from ..api import evaluate_frames
from ..decisions import build_decisions
from ..decisions.pieces import decision_records
from ..engines.vectorised import evaluate
from ..messages import language
from ..records import frames_from_records
from ..register.merit_inputs import with_merit_inputs
from ..rulebook.compile import Plan

SEP = "\x1f"


class Decisions:
    """One case's decision rows as plain records, found by benefit (a pandas filter per step was most of
    the time of `eligibility test`)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.findings: list[dict] = []     # audit findings of the case's programme lists
        self.by_benefit: dict[str, list[dict]] = {}
        for row in rows:
            self.by_benefit.setdefault(row["benefit"], []).append(row)

    @classmethod
    def of(cls, table) -> Decisions:
        if isinstance(table, Decisions):
            return table
        return cls(records(table))

    def find(self, benefit: str) -> list[dict]:
        return self.by_benefit.get(benefit, [])


def records(table: pd.DataFrame) -> list[dict]:
    """The table's rows as plain records, a missing value as None: column by column (pandas'
    `astype(object).where(...)` over the whole table was a fifth of `eligibility test`)."""
    names = list(table.columns)       # a plain list: pandas' Index iterates element by element, per row
    columns = [_plain(table[name]) for name in names]
    return [dict(zip(names, row)) for row in zip(*columns)]


def _plain(column: pd.Series) -> list:
    arrow = getattr(column.array, "_pa_array", None)
    if arrow is not None and pa.types.is_string(arrow.type):   # ids, names: Arrow's own conversion (pandas
        return arrow.to_pylist()                                  # goes element by element), null as None
    missing = column.isna().to_numpy()
    values = column.to_numpy(dtype=object, copy=bool(missing.any()))   # object columns come as views
    if missing.any():
        values[missing] = None
    return values.tolist()


@dataclass
class Screened:
    """One case's decisions (its own ids) and a way to read its variables."""

    decisions: Decisions
    evaluation: object = None
    prefix: str = ""
    # the same decisions with their texts (explanations, references), where `decisions` was built
    # without them (`build_decisions(worded=False)`): written only for a comparison that fails
    worded: Callable[[], Decisions] | None = None

    def in_words(self) -> Decisions:
        """The decisions as a failure shows them: every text written."""
        return self.decisions if self.worded is None else self.worded()

    def variable(self, name: str, person: str | None):
        from ..examples import variable_value

        if self.evaluation is None:
            return None
        if person is not None:
            return variable_value(self.evaluation, name, self.prefix + person)
        households = self.evaluation.households["household_id"].astype(str)
        first = households[households.str.startswith(self.prefix)].iloc[0]
        return variable_value(self.evaluation, name, None, first)


@dataclass
class Batch:
    """Cases waiting to be screened, grouped by date."""

    plan: Plan
    # keyed by (as-of date, use_unverified): a case may run with the values graded D (--use-unverified)
    cases: dict[tuple, list[tuple[int, list[dict], list[dict]]]] = field(default_factory=lambda: defaultdict(list))
    count: int = 0

    lists: dict[int, list[dict]] = field(default_factory=dict)   # a case's programme-list entries

    merit: dict[int, list[dict]] = field(default_factory=dict)   # a case's meritorious records

    def add(self, households: list[dict], members: list[dict], as_of: dt.date, use_unverified: bool = False,
            lists: list[dict] | None = None, merit: list[dict] | None = None) -> int:
        """Queue one case; returns its number (the key of its result)."""
        number = self.count
        self.count += 1
        self.cases[(as_of, bool(use_unverified))].append((number, households, members))
        if lists:
            self.lists[number] = lists
        if merit:
            self.merit[number] = merit
        return number

    def run(self, keys: list[tuple] | None = None, worded: bool = True) -> dict[int, Screened]:
        """Screen every queued case (or those of the dates `keys`): typed frames built once, then one
        evaluation per date. `worded=False`: the decisions' texts are written only when asked for
        (`Screened.in_words`), except on the dates whose cases carry lists or merit records (the audit
        reads the worded table)."""
        households, members, hh_date, mm_date = [], [], [], []
        dates = sorted(self.cases) if keys is None else sorted(keys)
        for d, as_of in enumerate(dates):
            for number, hh, mm in self.cases[as_of]:
                prefix = f"{number}{SEP}"
                households += [dict(h, household_id=prefix + str(h.get("household_id"))) for h in hh]
                members += [dict(m, household_id=prefix + str(m.get("household_id")),
                                 person_id=prefix + str(m.get("person_id"))) for m in mm]
                hh_date += [d] * len(hh)
                mm_date += [d] * len(mm)
        if not households:
            return {}
        all_hh, all_mm = frames_from_records(self.plan.inputs, households, members)
        hh_date, mm_date = np.asarray(hh_date), np.asarray(mm_date)
        out: dict[int, Screened] = {}
        # the cases were laid out date by date: each date's rows are one slice (no copy)
        hh_ends, mm_ends = np.searchsorted(hh_date, np.arange(len(dates) + 1)), np.searchsorted(mm_date, np.arange(len(dates) + 1))
        for d, as_of in enumerate(dates):
            hh = all_hh.iloc[hh_ends[d]:hh_ends[d + 1]].reset_index(drop=True)
            mm = all_mm.iloc[mm_ends[d]:mm_ends[d + 1]].reset_index(drop=True)
            day, use_unverified = as_of
            plan = self.plan.with_unverified(use_unverified)
            numbers = [n for n, _, _ in self.cases[as_of]]
            audited = any(n in self.merit or n in self.lists for n in numbers)
            if any(n in self.merit for n in numbers):   # the records reach the members' inputs, as the reader does
                mm = with_merit_inputs(mm, self._merit(numbers))
            decisions: pd.DataFrame | list[dict]
            if worded or audited:
                result = evaluate_frames(plan, hh, mm, day, include_all=True, lang=language())
                ev, decisions = result.evaluation, result.decisions
            else:
                ev = evaluate(plan, hh, mm, day)
                decisions = decision_records(ev, include_all=True)
            findings = None
            if any(n in self.merit for n in numbers):   # merit records summed (audit/merit.py)
                decisions = _merit(plan, hh, mm, day, decisions, self._merit(numbers))
            if any(n in self.lists for n in numbers):   # the programme lists' audit (eligibility/audit/)
                decisions, findings = _audit(plan, hh, mm, day, decisions, self._lists(numbers))
            out.update(_split(decisions, ev, numbers, findings, None if worded or audited else _in_words(ev, numbers)))
        return out

    def _merit(self, numbers: list[int]) -> pd.DataFrame:
        """The records of these cases, their person ids made unique per case."""
        rows = [{**r, "person_id": f"{n}{SEP}{r['person_id']}"} for n in numbers for r in self.merit.get(n, [])]
        frame = pd.DataFrame(rows)
        for name in ("injury_rate", "martyr_count"):
            if name in frame:
                frame[name] = frame[name].astype("Int64")
        return frame

    def _lists(self, numbers: list[int]) -> pd.DataFrame:
        """The entries of these cases as one list, their ids made unique per case like the register's."""
        rows = []
        for n in numbers:
            for entry in self.lists.get(n, []):
                rows.append({**entry, **{k: f"{n}{SEP}{entry[k]}" for k in ("person_id", "household_id")
                                         if entry.get(k) is not None}, "_case": n})
        return pd.DataFrame(rows)


def _merit(plan, hh: pd.DataFrame, mm: pd.DataFrame, day: dt.date, decisions: pd.DataFrame,
           records: pd.DataFrame) -> pd.DataFrame:
    from types import SimpleNamespace

    from ..audit.merit import summed_merit

    register = SimpleNamespace(households=hh, members=mm, tables={"merit_records": records})
    return summed_merit(register, decisions,
                        lambda h, m: evaluate_frames(plan, h, m, day, include_all=True, lang=language()).decisions,
                        language())


def _audit(plan, hh: pd.DataFrame, mm: pd.DataFrame, day: dt.date, decisions: pd.DataFrame, lists: pd.DataFrame):
    """The cases' decisions with coverage from their lists, and the findings (with each case's number). Only
    the cases that give a list are audited: a list makes its benefit's coverage come from it, and a case of
    the same date without one keeps its flags."""
    from types import SimpleNamespace

    from ..audit import audit_lists

    listed = {str(n) for n in lists["_case"].unique()}
    def of_listed(frame: pd.DataFrame) -> np.ndarray:
        return frame["household_id"].astype(str).str.partition(SEP)[0].isin(listed).to_numpy()
    rest = decisions[~of_listed(decisions)]
    decisions, hh, mm = decisions[of_listed(decisions)].reset_index(drop=True), hh[of_listed(hh)], mm[of_listed(mm)]
    typed = pd.DataFrame({"programme": lists["programme"].astype("string")})
    for name, column in plan.inputs.programme_lists.columns.items():
        if name in lists and name != "programme":
            dtype = {"date": "datetime64[ns]", "int": "Int64", "number": "Float64", "money": "Float64"}.get(
                column.type, "string")
            typed[name] = lists[name].astype(dtype)
    typed["_file"], typed["_row"] = "scenario", np.arange(len(lists)) + 1
    register = SimpleNamespace(households=hh, members=mm, tables={"programme_lists": typed})
    audit = audit_lists(plan, register, decisions, day, lambda ids: decisions, include_all=True)
    entry_case = pd.Series(lists["_case"].to_numpy(), index=typed["_row"].to_numpy())
    findings = audit.findings.assign(_case=pd.to_numeric(audit.findings["row"], errors="coerce").map(entry_case))
    return pd.concat([audit.decisions, rest.astype(audit.decisions.dtypes.to_dict(), errors="ignore")],
                     ignore_index=True), findings


def _in_words(ev, numbers: list[int]) -> Callable[[int], Callable[[], Decisions]]:
    """For each case of one date, its decisions with their texts: the date's table worded once,
    from the same evaluation, the first time a case asks."""
    split: dict[int, Screened] = {}

    def case(number: int) -> Callable[[], Decisions]:
        def words() -> Decisions:
            if not split:
                split.update(_split(build_decisions(ev, include_all=True, lang=language()), ev, numbers))
            return split[number].decisions
        return words
    return case


def _split(decisions: pd.DataFrame | list[dict], evaluation, numbers: list[int],
           findings: pd.DataFrame | None = None, words: Callable[[int], Callable[[], Decisions]] | None = None
           ) -> dict[int, Screened]:
    """Each case's rows as records, with its ids as it wrote them (and its audit findings)."""
    groups: dict[int, list[dict]] = {n: [] for n in numbers}
    for row in decisions if isinstance(decisions, list) else records(decisions):
        number, _, row["household_id"] = str(row["household_id"]).partition(SEP)
        if row.get("person_id") is not None:
            row["person_id"] = str(row["person_id"]).partition(SEP)[2]
        groups[int(number)].append(row)
    out = {n: Screened(Decisions(rows), evaluation, f"{n}{SEP}", None if words is None else words(n))
           for n, rows in groups.items()}
    if findings is not None:
        for row in records(findings):
            ids = [str(row[k]).partition(SEP) for k in ("household_id", "person_id")]
            number = next((int(i[0]) for i in ids if i[1]), None)
            if number is None and row.get("_case") is not None:    # an entry that matched nobody
                number = int(row["_case"])
            row["household_id"], row["person_id"] = [(i[2] if i[1] else None) for i in ids]
            if number is not None and number in out:
                out[number].decisions.findings.append(row)
    return out
