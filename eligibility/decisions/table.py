"""The decisions table's code tables (distinct texts, rules) and its assembly into one DataFrame.

Each benefit's rows arrive as a `Piece` of integer codes; the repeated texts are stored once and
the table holds them as categoricals.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..engines.vectorised import Evaluation
from ..register.identity import category_codes, identity_columns
from ..vocabulary import DECISION_COLUMNS as COLUMNS
from ..vocabulary import Coverage, Status

ENTITIES = ["household", "person"]


@dataclass
class Piece:
    """One benefit's rows of the table, as codes."""

    benefit: int
    entity: int
    rows: np.ndarray
    status: np.ndarray
    coverage: np.ndarray
    amount: np.ndarray
    rate: np.ndarray
    rule: np.ndarray          # index into the rule table, -1 for none
    explanation: np.ndarray   # index into `texts`
    missing: np.ndarray       # index into `texts`
    reference: np.ndarray     # index into `texts`: the deciding rule's citation (rulebook/basis.py)
    values: np.ndarray        # index into `texts`: the parameter values it used, with their dates
    minimum: np.ndarray       # bool: the amount is a minimum (an undecided rule could raise it)


class Texts:
    """Distinct strings, each stored once; code -1 means empty. Benefits' pieces are made on several
    threads (`pieces.build_decisions`): a new text takes its code under a lock. Which text gets which
    code then varies from run to run; the table does not (its categories are the sorted texts)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {"": 0}
        self.items: list[str] = [""]
        self.lock = threading.Lock()

    def code(self, text: str) -> int:
        found = self.index.get(text)
        if found is not None:
            return found
        with self.lock:
            if text not in self.index:
                self.index[text] = len(self.items)
                self.items.append(text)
            return self.index[text]

    def codes(self, texts: np.ndarray) -> np.ndarray:
        """Codes for an array of strings, looked up once per distinct string (by hashing: sorting
        long explanation strings was a fifth of the table's time)."""
        if len(texts) == 0:
            return np.zeros(0, dtype=np.int32)
        inverse, uniq = pd.factorize(texts)
        return np.array([self.code(str(t)) for t in uniq], dtype=np.int32)[inverse]


def distinct(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(keys, return_inverse=True)` for a 1-D integer array, by hashing: the few distinct
    values sorted, not the million rows (sorting a benefit's codes row by row was a tenth of the table)."""
    inverse, uniq = pd.factorize(keys)
    order = np.argsort(uniq, kind="stable")
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    return np.asarray(uniq)[order], rank[inverse]


class RuleTable:
    """Every rule (and every combination of rules paid together) with its id, label, citation; a
    new entry takes its code under a lock, as a new text does (`Texts`)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.index: dict[tuple, int] = {}
        self.lock = threading.Lock()

    def add(self, key: tuple, row: tuple[str, str, str, str, str]) -> int:
        with self.lock:
            if key not in self.index:
                self.index[key] = len(self.rows)
                self.rows.append(row)
            return self.index[key]



def assemble(ev: Evaluation, names: list[str], pieces: list[Piece], texts: Texts, table: RuleTable,
             lang: str, threads: int = 1) -> pd.DataFrame:
    """The decisions table from the pieces. Consumes `pieces` (the list is emptied): each of their
    fields is released once its column is made, so the freed memory serves the next column (the
    full pack's peak at 1 M persons fell by ~60 MB; gathering the ids after the codes, by contrast,
    raised it: the Arrow strings then found no freed block large enough). `threads` > 1: the identity
    columns made on a second thread while this one makes the coded columns (both mostly numpy and
    Arrow work, which releases the GIL)."""
    person = ENTITIES.index("person")
    # int32 rows: half the memory of numpy's default, and as fast to index with
    p_rows = _per_piece(pieces, lambda p: p.rows if p.entity == person else np.full(len(p.rows), -1), np.int32)
    h_rows = _per_piece(pieces, lambda p: ev.hh_index.take(p.rows) if p.entity == person else p.rows, np.int32)
    args = (ev.plan, ev.households, ev.members, h_rows, p_rows, lang)
    if threads > 1:
        with ThreadPoolExecutor(1, thread_name_prefix="identity") as pool:
            made = pool.submit(identity_columns, *args)
            coded = _coded_columns(ev, names, pieces, texts, table, lang)
            identity = made.result()
    else:
        identity = identity_columns(*args)
        coded = _coded_columns(ev, names, pieces, texts, table, lang)
    pieces.clear()
    # the arrays are ours: no copy, and no merging of the two float columns into one block
    frame = pd.DataFrame({**identity, **coded}, copy=False)
    return frame[COLUMNS]


def _per_piece(pieces: list[Piece], make, dtype) -> np.ndarray:
    return np.concatenate([make(p) for p in pieces] or [np.zeros(0)], dtype=dtype)


def _coded_columns(ev: Evaluation, names: list[str], pieces: list[Piece], texts: Texts, table: RuleTable,
                   lang: str) -> dict:
    """Every column but the identity ones, from the pieces' codes. 3 million rows: every array here
    is made once, in the narrowest integer type that holds it. A label the same over a whole piece
    (its benefit's name, label and unit, its entity) is its code repeated over the piece's rows;
    a coded column is mapped piece by piece into its place (concatenating the codes first, then
    mapping the 3 M rows, took three times as long)."""
    def cat(field: str, dtype) -> np.ndarray:
        out = np.concatenate([getattr(p, field) for p in pieces] or [np.zeros(0)], dtype=dtype)
        for p in pieces:          # each field is read once: its memory serves the next column
            setattr(p, field, None)
        return out

    sizes = [len(p.rows) for p in pieces]
    ends = np.cumsum(sizes, dtype=np.int64)
    benefit = np.array([p.benefit for p in pieces], dtype=np.intp)

    def per_piece(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
        lookup, dtype = category_codes(labels)
        return pd.Categorical.from_codes(np.repeat(lookup[codes], sizes), dtype=dtype, validate=False)

    def coded(field: str, labels: list[str] | tuple[np.ndarray, pd.CategoricalDtype],
              last: bool = True) -> pd.Categorical:
        """`categorical` of the pieces' codes in `field`, released after the column (`last`)."""
        lookup, dtype = category_codes(labels) if isinstance(labels, list) else labels
        out = np.empty(int(ends[-1]) if len(ends) else 0, dtype=lookup.dtype)
        for p, end, size in zip(pieces, ends.tolist(), sizes):
            # "wrap": code -1 reads the lookup's last entry (""), as indexing does; "raise" would copy
            lookup.take(getattr(p, field), out=out[end - size:end], mode="wrap")
            if last:
                setattr(p, field, None)
        return pd.Categorical.from_codes(out, dtype=dtype, validate=False)

    plan = ev.plan
    rule_rows = table.rows or [("", "", "", "", "")]
    text = category_codes(texts.items)    # four columns of texts: their categories made once
    return {
        "benefit": per_piece(benefit, names),
        "benefit_label": per_piece(benefit, [getattr(plan.benefits[n].label, lang) for n in names]),
        "entity": per_piece(np.array([p.entity for p in pieces], dtype=np.intp), ENTITIES),
        "status": coded("status", Status.words()),
        "coverage": coded("coverage", Coverage.words()),
        "amount": cat("amount", float),
        "unit": per_piece(benefit, [plan.benefits[n].unit for n in names]),
        "rate": cat("rate", float),
        "rule": coded("rule", [r[0] for r in rule_rows], last=False),
        "rule_label": coded("rule", [r[1] for r in rule_rows], last=False),
        "reference": coded("reference", text),
        "explanation": coded("explanation", text),
        "missing_inputs": coded("missing", text),
        "unverified": coded("rule", [r[3] for r in rule_rows]),
        "parameter_values": coded("values", text),
        "amount_is_minimum": cat("minimum", bool),
    }


def plain_records(ev: Evaluation, names: list[str], pieces: list[Piece], texts: Texts, table: RuleTable
                  ) -> list[dict]:
    """The table's rows as plain records (a missing value as None) without building the table, for
    pieces whose texts were left empty (`build_decisions(worded=False)`): ids, benefit, entity, status,
    coverage, amount, unit, rate, rule, missing inputs and the minimum flag as `assemble` gives them;
    names and places None, the texts written for a reader empty. `eligibility test` compares these at
    ~140 dates (building and reading back a DataFrame was a third of each date's decisions)."""
    household_ids = ev.households["household_id"].astype(object).to_numpy()
    person_ids = np.append(ev.members["person_id"].astype(object).to_numpy(), None)   # -1: a household row
    rules = [r[0] for r in table.rows] + [""]           # code -1: no rule
    statuses, coverages = Status.words() + [""], Coverage.words() + [""]
    person, out = ENTITIES.index("person"), []
    for p in pieces:
        benefit = names[p.benefit]
        unit = ev.plan.benefits[benefit].unit
        households = household_ids[ev.hh_index[p.rows] if p.entity == person else p.rows].tolist()
        persons = person_ids[p.rows if p.entity == person else np.full(len(p.rows), -1)].tolist()
        amounts = np.where(np.isnan(p.amount), None, p.amount).tolist()
        rates = np.where(np.isnan(p.rate), None, p.rate).tolist()
        for h, person_id, status, cov, amount, rate, rule, missing, minimum in zip(
                households, persons, p.status.tolist(), p.coverage.tolist(), amounts, rates, p.rule.tolist(),
                p.missing.tolist(), p.minimum.tolist()):
            out.append({"household_id": h, "person_id": person_id, "name": None, "district": None,
                        "commune": None, "village": None, "benefit": benefit, "benefit_label": "",
                        "entity": ENTITIES[p.entity], "status": statuses[status], "coverage": coverages[cov],
                        "amount": amount, "unit": unit, "rate": rate, "rule": rules[rule], "rule_label": "",
                        "reference": "", "explanation": "", "missing_inputs": texts.items[missing],
                        "unverified": "", "parameter_values": "", "amount_is_minimum": minimum})
    return out

