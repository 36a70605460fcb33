"""Each benefit's rows of the decisions table, as codes: which rows are kept, their status and
coverage, the rule that pays (or the rules paid together under `sum`), the amount (a minimum where
an undecided rule could raise it), the reference and the parameter values used.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from ..engines.values import V
from ..engines.vectorised import ELIGIBLE, PARALLEL_FROM, BenefitResult, Evaluation
from ..rulebook.basis import benefit_cite, minimum_text, rule_values, values_text
from ..rulebook.plan import CompiledRule
from ..rulebook.unverified import rule_notes
from ..vocabulary import HitPolicy, enrolment_codes
from ..vocabulary import coverage as coverage_codes
from .explanations import explain, missing_inputs, undetermined_missing, unknown_matrices
from .kept import Kept, kept
from .table import ENTITIES, Piece, RuleTable, Texts, assemble, distinct, plain_records


def coverage(result: BenefitResult) -> np.ndarray:
    """`Coverage` codes for every row of one benefit, from its decision and `enrolled_when`."""
    enrolled = result.enrolled
    enrolment = enrolment_codes(None if enrolled is None else enrolled.true,
                                None if enrolled is None else enrolled.false, len(result.status))
    return coverage_codes(result.status, enrolment)


# benefits' pieces made at once: numpy releases the GIL on whole-column work (about two thirds of a
# piece's time at 1 M persons, by py-spy's --gil), so on 2 cores a second thread runs while one holds it
THREADS = 2


def build_decisions(ev: Evaluation, include_all: bool = False, lang: str = "en",
                    listed: dict[str, np.ndarray] | None = None, explained: bool = True,
                    worded: bool = True, release: bool = False, threads: int | None = None) -> pd.DataFrame:
    """The entitlements table. By default the rows that matter: eligible, undetermined, or enrolled
    (leakage); `include_all` adds every not-eligible decision with why it failed. `listed` (benefit ->
    mask of its entity's rows): benefits whose enrolment the audit reads from a programme list; a
    not-eligible row is kept where the list names it, not where the flags say enrolled (the audit
    judges those rows from the list; their households need no second screening). `explained=False`:
    the explanation and missing inputs left blank, and a row no rule pays cites the benefit — for a
    `diff`, which reads status, amount, rate and rule only (a third of the table's time is the words).

    `worded=False`: the same rows, statuses, coverages, amounts, rates, rules, minimum flags and
    missing inputs, but the texts written for a reader left empty (explanation, reference, labels,
    parameter values, unverified). `eligibility test` compares the former at ~140 dates and words
    only the dates where a comparison fails (writing the texts was half of each date's cost).

    `release`: the evaluation's results are forgotten once the pieces are made, before the table is
    assembled (`Evaluation.release`; the caller reads nothing of them afterwards).

    `threads`: how many benefits' pieces are made at once (default: `THREADS` from `PARALLEL_FROM`
    persons, else one); the table is the same whatever the number."""
    texts, rules = Texts(), RuleTable(lang)
    names = sorted(ev.benefits)
    listed = listed or {}

    def benefit_pieces(i: int) -> list[Piece]:
        name = names[i]
        return _pieces(ev, i, ev.benefits[name], include_all or listed.get(name, False), lang, texts, rules,
                       (explained, worded))

    threads = threads or (THREADS if ev.n("person") >= PARALLEL_FROM else 1)
    costs = [ev.n(b.entity) * len(b.rules) for b in (ev.benefits[name].benefit for name in names)]
    pieces = [p for made in in_order(benefit_pieces, costs, threads) for p in made]
    if release:
        ev.release()
    return assemble(ev, names, pieces, texts, rules, lang, threads)


def in_order(work: Callable[[int], list[Piece]], costs: list[int], threads: int) -> list[list[Piece]]:
    """`[work(i) for i in range(len(costs))]`, on `threads` threads: the costliest started first, so
    the last to finish is a small one."""
    if threads <= 1:
        return [work(i) for i in range(len(costs))]
    order = sorted(range(len(costs)), key=lambda i: -costs[i])
    with ThreadPoolExecutor(threads, thread_name_prefix="decisions") as pool:
        futures = {i: pool.submit(work, i) for i in order}
        return [futures[i].result() for i in range(len(costs))]


def decision_records(ev: Evaluation, include_all: bool = False, lang: str = "en") -> list[dict]:
    """`build_decisions(ev, include_all, lang, worded=False)` as plain records, the table never built
    (`table.plain_records`)."""
    texts, rules = Texts(), RuleTable(lang)
    names = sorted(ev.benefits)
    pieces = [p for i, name in enumerate(names)
              for p in _pieces(ev, i, ev.benefits[name], include_all, lang, texts, rules, (True, False))]
    return plain_records(ev, names, pieces, texts, rules)


Words = tuple[bool, bool]    # (explained, worded): see `build_decisions`


def _pieces(ev: Evaluation, index: int, result: BenefitResult, include_all: bool | np.ndarray, lang: str,
            texts: Texts, rules: RuleTable, words: Words = (True, True)) -> list[Piece]:
    rows = kept(result, include_all)
    benefit = result.benefit
    if benefit.hit_policy != HitPolicy.ALL:
        return [_piece(ev, index, result, rows, slice(None), lang, texts, rules, rows.rule_index(result),
                       rows.amount(result), words)]
    # hit policy `all`: one row per matching rule, and one row where no rule matches
    pieces, matched = [], np.zeros(len(rows.rows), dtype=bool)
    for i, o in enumerate(result.outcomes):
        holds = o.true_at(rows.rows)
        matched |= holds
        if holds.any():
            at = np.flatnonzero(holds)
            pieces.append(_piece(ev, index, result, rows, at, lang, texts, rules, np.full(len(at), i),
                                 _known_or_nan(o.amount_at(rows.rows[at])), words))
    rest = np.flatnonzero(~matched)
    pieces.append(_piece(ev, index, result, rows, rest, lang, texts, rules, np.full(len(rest), -1),
                         np.full(len(rest), np.nan), words))
    return pieces


def _known_or_nan(value: V) -> np.ndarray:
    return np.where(value.k, np.asarray(value.v, dtype=float), np.nan)


def _piece(ev: Evaluation, index: int, result: BenefitResult, kept_rows: Kept, at: slice | np.ndarray, lang: str,
           texts: Texts, table: RuleTable, rule_idx: np.ndarray, amount: np.ndarray,
           words: Words = (True, True)) -> Piece:
    """The piece of `at` (positions among the benefit's kept rows; all of them: `slice(None)`)."""
    explained, worded = words
    benefit = result.benefit
    rows, paid = kept_rows.rows[at], Kept(kept_rows.rows[at], kept_rows.coverage[at], kept_rows.paid[at])
    status = result.status[rows]
    eligible = status == ELIGIBLE
    if worded:
        unverified = _unverified(ev, benefit.rules, lang)
        values = [rule_values(ev.plan, r, ev.as_of, lang) for r in benefit.rules]
        entries = [(r.id, getattr(r.label, lang), r.reference.cite(lang), unverified[i], values_text(values[i]))
                   for i, r in enumerate(benefit.rules)]
    else:
        unverified, values = [""] * len(benefit.rules), [()] * len(benefit.rules)
        entries = [(r.id, "", "", "", "") for r in benefit.rules]
    rule_codes = np.array([table.add((benefit.id, r.id), entry) for r, entry in zip(benefit.rules, entries)] + [-1],
                          dtype=np.int32)
    pick = np.where((rule_idx >= 0) & eligible, rule_idx, len(benefit.rules))
    codes = rule_codes[pick]
    combined = benefit.hit_policy == HitPolicy.SUM and result.pattern is not None
    if combined:
        codes = np.where(eligible, _combined_rules(benefit.rules, paid.pattern(result), table, unverified,
                                                   values, lang, worded), -1)
    if not worded:
        explanation, missing = np.zeros(len(rows), dtype=np.int32), undetermined_missing(ev, result, rows, texts)
        reference = used = np.zeros(len(rows), dtype=np.int32)
    else:
        if explained:
            explanation, missing, basis = explain(ev, result, rows, lang, np.where(pick < len(benefit.rules), pick, 0),
                                                   texts)
        else:
            explanation, missing = np.zeros(len(rows), dtype=np.int32), np.zeros(len(rows), dtype=np.int32)
            basis = np.full(len(rows), len(benefit.rules))
        reference, used = _basis(benefit, basis, pick if not combined else None, codes, values, table, texts, lang)
    pending = np.where(eligible, paid.pending(result), 0) if benefit.hit_policy != HitPolicy.ALL \
        else np.zeros(len(rows), dtype=np.int64)
    if pending.any() and explained:
        _minimum(ev, result, rows, pending, explanation, missing, lang, texts, worded)
    return Piece(index, ENTITIES.index(benefit.entity), rows, status, paid.coverage,
                 np.where(eligible, amount, np.nan), paid.rate(result), codes, explanation, missing,
                 reference, used, pending != 0)


def _minimum(ev: Evaluation, result: BenefitResult, rows: np.ndarray, pending: np.ndarray, explanation: np.ndarray,
             missing: np.ndarray, lang: str, texts: Texts, worded: bool = True) -> None:
    """Rows paid an amount that an undecided rule could raise (`max`, `sum`): the explanation says the
    amount is a minimum and names the first such rule; the missing inputs are those that would settle
    the undecided rules."""
    rules = result.benefit.rules
    flagged = np.flatnonzero(pending)
    if worded:
        bits = pending[flagged].astype(np.int64).view(np.uint64)
        lowest = bits & (~bits + np.uint64(1))    # the first undecided rule's bit: a power of two, exact as a float
        first = np.log2(lowest.astype(np.float64)).astype(np.int64)
        pairs, inverse = distinct(explanation[flagged].astype(np.int64) * 64 + first)   # rules < 64: `pending` bits
        explanation[flagged] = np.array([texts.code(minimum_text(texts.items[e], rules[i], lang)) for e, i in
                                         zip((pairs // 64).tolist(), (pairs % 64).tolist())], dtype=np.int32)[inverse]
    sub = rows[flagged]
    unknowns = []
    for i, where, unknown in unknown_matrices(ev, result, sub):
        mine = where & ((pending[flagged] >> i) & 1).astype(bool)
        if mine.any():
            unknowns.append((i, mine, unknown[mine[where]]))
    missing[flagged] = missing_inputs(ev, result, sub, unknowns, texts)



def _basis(benefit, basis: np.ndarray, pick: np.ndarray | None, codes: np.ndarray, values: list[tuple[str, ...]],
           table: RuleTable, texts: Texts, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Reference and parameter-value codes of each row: the paying rule(s) where one pays, else the
    rule that decided (`basis`, len(rules): the benefit's own reference). `pick`: the one rule that
    pays each row (len(rules): none), None where several may pay together (`sum`)."""
    rules = benefit.rules
    cites = np.array([texts.code(r.reference.cite(lang)) for r in rules] + [texts.code(benefit_cite(benefit, lang))],
                     dtype=np.int32)
    used = np.array([texts.code(values_text(v)) for v in values] + [0], dtype=np.int32)
    paid = codes >= 0
    if pick is not None:   # one rule pays: its rule-table entry's reference and values are its own
        decided = np.where(paid, pick, basis)
        return cites[decided], used[decided]
    reference, value_codes = cites[basis], used[basis]
    if paid.any():        # the rule table's entry: several rules paid together
        uniq, inverse = distinct(codes[paid])
        reference[paid] = np.array([texts.code(table.rows[c][2]) for c in uniq.tolist()], dtype=np.int32)[inverse]
        value_codes[paid] = np.array([texts.code(table.rows[c][4]) for c in uniq.tolist()], dtype=np.int32)[inverse]
    return reference, value_codes


def _combined_rules(rules: list[CompiledRule], pattern: np.ndarray, table: RuleTable, unverified: list[str],
                    values: list[tuple[str, ...]], lang: str, worded: bool = True) -> np.ndarray:
    """Hit policy `sum`: the rules paid together, one rule-table entry per distinct combination."""
    uniq, inverse = distinct(pattern)
    codes = []
    for bits in uniq.tolist():
        paid = [i for i in range(len(rules)) if bits >> i & 1]
        if not paid:
            codes.append(-1)
            continue
        ids = "+".join(rules[i].id for i in paid)
        codes.append(table.add(("+",) + tuple(rules[i].id for i in paid), (
            ids, " + ".join(getattr(rules[i].label, lang) for i in paid),
            "; ".join(dict.fromkeys(rules[i].reference.cite(lang) for i in paid)),
            "; ".join(dict.fromkeys(u for i in paid if (u := unverified[i]))),
            values_text(*(values[i] for i in paid))) if worded else (ids, "", "", "", "")))
    return np.array(codes, dtype=np.int32)[inverse]


def _unverified(ev: Evaluation, rules: list[CompiledRule], lang: str = "en") -> list[str]:
    """Per rule: the unverified parameter values it uses on the as-of date (C, or D when the run opted
    in) and the values it may not use (D without --use-unverified; no figure)."""
    return [rule_notes(ev.plan, rule, ev.as_of, lang) for rule in rules]
