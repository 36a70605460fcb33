"""Decisions: one row per (person or household, benefit), with status, coverage, amount and why.

Built column-wise from an `Evaluation`. Each benefit contributes integer codes (rows, status,
coverage, rule, explanation pattern); texts that repeat (labels, references, explanations of
unknowns) are made once per distinct pattern and the table holds them as categoricals. Per-row
texts with actual values (why a rule failed) are built only for the rows that need them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .engines.values import V
from .engines.vectorised import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, BenefitResult, Evaluation
from .register.identity import categorical, identity_columns
from .rulebook.expressions import Compare
from .rulebook.periods import not_encoded_text
from .rulebook.plan import CompiledCondition, CompiledRule
from .vocabulary import DECISION_COLUMNS as COLUMNS
from .vocabulary import PARTIAL_NEEDS, WORDS, Coverage, HitPolicy, Status, enrolment_codes
from .wording.formats import format_date, format_number
from .vocabulary import coverage as coverage_codes
from .rulebook.unverified import rule_notes
from .rulebook.basis import benefit_cite, minimum_text, rule_values, values_text

ENTITIES = ["household", "person"]



def coverage(result: BenefitResult) -> np.ndarray:
    """`Coverage` codes for every row of one benefit, from its decision and `enrolled_when`."""
    enrolled = result.enrolled
    enrolment = enrolment_codes(None if enrolled is None else enrolled.true,
                                None if enrolled is None else enrolled.false, len(result.status))
    return coverage_codes(result.status, enrolment)


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
    """Distinct strings, each stored once; code -1 means empty."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {"": 0}
        self.items: list[str] = [""]

    def code(self, text: str) -> int:
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


class RuleTable:
    """Every rule (and every combination of rules paid together) with its id, label, citation."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.index: dict[tuple, int] = {}

    def add(self, key: tuple, row: tuple[str, str, str, str, str]) -> int:
        if key not in self.index:
            self.index[key] = len(self.rows)
            self.rows.append(row)
        return self.index[key]


def build_decisions(ev: Evaluation, include_all: bool = False, lang: str = "en") -> pd.DataFrame:
    """The entitlements table. By default the rows that matter: eligible, undetermined, or enrolled
    (leakage); `include_all` adds every not-eligible decision with why it failed."""
    texts, rules = Texts(), RuleTable(lang)
    names = sorted(ev.benefits)
    pieces = [p for i, name in enumerate(names)
              for p in _pieces(ev, i, ev.benefits[name], include_all, lang, texts, rules)]
    return _assemble(ev, names, pieces, texts, rules, lang)


def _pieces(ev: Evaluation, index: int, result: BenefitResult, include_all: bool, lang: str,
            texts: Texts, rules: RuleTable) -> list[Piece]:
    cov = coverage(result)
    keep = (result.status != NOT_ELIGIBLE) | (cov == Coverage.LEAKAGE.code) | include_all
    rows = np.flatnonzero(keep)
    benefit = result.benefit
    if benefit.hit_policy != HitPolicy.ALL:
        return [_piece(ev, index, result, cov, rows, lang, texts, rules, result.rule_index[rows].astype(np.int64),
                       result.amount_at(rows).v)]
    # hit policy `all`: one row per matching rule, and one row where no rule matches
    pieces, matched = [], np.zeros(len(rows), dtype=bool)
    for i, o in enumerate(result.outcomes):
        holds = o.true_at(rows)
        matched |= holds
        if holds.any():
            pieces.append(_piece(ev, index, result, cov, rows[holds], lang, texts, rules,
                                 np.full(int(holds.sum()), i), _known_or_nan(o.amount_at(rows[holds]))))
    rest = rows[~matched]
    pieces.append(_piece(ev, index, result, cov, rest, lang, texts, rules, np.full(len(rest), -1),
                         np.full(len(rest), np.nan)))
    return pieces


def _known_or_nan(value: V) -> np.ndarray:
    return np.where(value.k, np.asarray(value.v, dtype=float), np.nan)


def _piece(ev: Evaluation, index: int, result: BenefitResult, cov: np.ndarray, rows: np.ndarray, lang: str,
           texts: Texts, table: RuleTable, rule_idx: np.ndarray, amount: np.ndarray) -> Piece:
    benefit = result.benefit
    status = result.status[rows]
    eligible = status == ELIGIBLE
    unverified = _unverified(ev, benefit.rules, lang)
    values = [rule_values(ev.plan, r, ev.as_of, lang) for r in benefit.rules]
    rule_codes = np.array([table.add((benefit.id, r.id), (r.id, getattr(r.label, lang), r.reference.cite(lang),
                                                          unverified[i], values_text(values[i])))
                           for i, r in enumerate(benefit.rules)] + [-1], dtype=np.int32)
    pick = np.where((rule_idx >= 0) & eligible, rule_idx, len(benefit.rules))
    codes = rule_codes[pick]
    if benefit.hit_policy == HitPolicy.SUM and result.pattern is not None:
        codes = np.where(eligible, _combined_rules(benefit.rules, result.pattern_at(rows), table, unverified,
                                                   values, lang), -1)
    explanation, missing, basis = _explain(ev, result, rows, lang, np.where(pick < len(benefit.rules), pick, 0),
                                           texts)
    reference, used = _basis(benefit, basis, codes, values, table, texts, lang)
    pending = np.where(eligible, result.pending_at(rows), 0) if benefit.hit_policy != HitPolicy.ALL \
        else np.zeros(len(rows), dtype=np.int64)
    if pending.any():
        _minimum(ev, result, rows, pending, explanation, missing, lang, texts)
    return Piece(index, ENTITIES.index(benefit.entity), rows, status, cov[rows],
                 np.where(eligible, amount, np.nan), result.rate_at(rows).v, codes, explanation, missing,
                 reference, used, pending != 0)


def _minimum(ev: Evaluation, result: BenefitResult, rows: np.ndarray, pending: np.ndarray, explanation: np.ndarray,
             missing: np.ndarray, lang: str, texts: Texts) -> None:
    """Rows paid an amount that an undecided rule could raise (`max`, `sum`): the explanation says the
    amount is a minimum and names the first such rule; the missing inputs are those that would settle
    the undecided rules."""
    rules = result.benefit.rules
    flagged = np.flatnonzero(pending)
    first = np.array([(int(p) & -int(p)).bit_length() - 1 for p in pending[flagged].tolist()], dtype=np.int64)
    pairs, inverse = np.unique(np.stack([explanation[flagged], first], axis=1), axis=0, return_inverse=True)
    explanation[flagged] = np.array([texts.code(minimum_text(texts.items[e], rules[i], lang)) for e, i in
                                     pairs.tolist()], dtype=np.int32)[inverse.ravel()]
    sub = rows[flagged]
    unknowns = []
    for i, where, unknown in _unknown_matrices(ev, result, sub):
        mine = where & ((pending[flagged] >> i) & 1).astype(bool)
        if mine.any():
            unknowns.append((i, mine, unknown[mine[where]]))
    missing[flagged] = _missing_inputs(ev, result, sub, unknowns, texts)



def _basis(benefit, basis: np.ndarray, codes: np.ndarray, values: list[tuple[str, ...]], table: RuleTable,
           texts: Texts, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Reference and parameter-value codes of each row: the paying rule(s) where one pays, else the
    rule that decided (`basis`, len(rules): the benefit's own reference)."""
    rules = benefit.rules
    cites = np.array([texts.code(r.reference.cite(lang)) for r in rules] + [texts.code(benefit_cite(benefit, lang))],
                     dtype=np.int32)
    used = np.array([texts.code(values_text(v)) for v in values] + [0], dtype=np.int32)
    reference, value_codes = cites[basis], used[basis]
    paid = codes >= 0
    if paid.any():        # the rule table's entry: one rule, or several paid together (`sum`)
        uniq, inverse = np.unique(codes[paid], return_inverse=True)
        reference[paid] = np.array([texts.code(table.rows[c][2]) for c in uniq.tolist()], dtype=np.int32)[inverse]
        value_codes[paid] = np.array([texts.code(table.rows[c][4]) for c in uniq.tolist()], dtype=np.int32)[inverse]
    return reference, value_codes


def _combined_rules(rules: list[CompiledRule], pattern: np.ndarray, table: RuleTable, unverified: list[str],
                    values: list[tuple[str, ...]], lang: str) -> np.ndarray:
    """Hit policy `sum`: the rules paid together, one rule-table entry per distinct combination."""
    uniq, inverse = np.unique(pattern, return_inverse=True)
    codes = []
    for bits in uniq.tolist():
        paid = [i for i in range(len(rules)) if bits >> i & 1]
        if not paid:
            codes.append(-1)
            continue
        codes.append(table.add(("+",) + tuple(rules[i].id for i in paid), (
            "+".join(rules[i].id for i in paid), " + ".join(getattr(rules[i].label, lang) for i in paid),
            "; ".join(dict.fromkeys(rules[i].reference.cite(lang) for i in paid)),
            "; ".join(dict.fromkeys(u for i in paid if (u := unverified[i]))),
            values_text(*(values[i] for i in paid)))))
    return np.array(codes, dtype=np.int32)[inverse.ravel()]


def _unverified(ev: Evaluation, rules: list[CompiledRule], lang: str = "en") -> list[str]:
    """Per rule: the unverified parameter values it uses on the as-of date (C, or D when the run opted
    in) and the values it may not use (D without --use-unverified; no figure)."""
    return [rule_notes(ev.plan, rule, ev.as_of, lang) for rule in rules]


# ---------------------------------------------------------------- assembling the table
def _assemble(ev: Evaluation, names: list[str], pieces: list[Piece], texts: Texts, table: RuleTable,
              lang: str) -> pd.DataFrame:
    # 3 million rows: every array here is made once, in the narrowest integer type that holds it
    def cat(field: str, dtype=None) -> np.ndarray:
        arrays = [getattr(p, field) for p in pieces] or [np.zeros(0, dtype=dtype or np.int32)]
        return np.concatenate(arrays, dtype=dtype or arrays[0].dtype)

    def per_piece(make, dtype) -> np.ndarray:
        return np.concatenate([make(p) for p in pieces] or [np.zeros(0)], dtype=dtype)

    person = ENTITIES.index("person")
    # int32 rows: half the memory of numpy's default, and as fast to index with
    p_rows = per_piece(lambda p: p.rows if p.entity == person else np.full(len(p.rows), -1), np.int32)
    h_rows = per_piece(lambda p: ev.hh_index[p.rows] if p.entity == person else p.rows, np.int32)
    entity = per_piece(lambda p: np.full(len(p.rows), p.entity, dtype=np.int8), np.int8)
    benefit_codes = per_piece(lambda p: np.full(len(p.rows), p.benefit, dtype=np.int16), np.int16)
    plan = ev.plan
    rule_codes = cat("rule", np.int32)
    rule_rows = table.rows or [("", "", "", "", "")]
    frame = pd.DataFrame({
        **identity_columns(plan, ev.households, ev.members, h_rows, p_rows, lang),
        "benefit": categorical(benefit_codes, names),
        "benefit_label": categorical(benefit_codes, [getattr(plan.benefits[n].label, lang) for n in names]),
        "entity": categorical(entity, ENTITIES),
        "status": categorical(cat("status"), Status.words()),
        "coverage": categorical(cat("coverage"), Coverage.words()),
        "amount": cat("amount", float),
        "unit": categorical(benefit_codes, [plan.benefits[n].unit for n in names]),
        "rate": cat("rate", float),
        "rule": categorical(rule_codes, [r[0] for r in rule_rows]),
        "rule_label": categorical(rule_codes, [r[1] for r in rule_rows]),
        "reference": categorical(cat("reference", np.int32), texts.items),
        "explanation": categorical(cat("explanation", np.int32), texts.items),
        "missing_inputs": categorical(cat("missing", np.int32), texts.items),
        "unverified": categorical(rule_codes, [r[3] for r in rule_rows]),
        "parameter_values": categorical(cat("values", np.int32), texts.items),
        "amount_is_minimum": cat("minimum", bool),
    }, copy=False)   # the arrays are ours: no copy, and no merging of the two float columns into one block
    return frame[COLUMNS]


# ---------------------------------------------------------------- explanations
def _explain(ev: Evaluation, result: BenefitResult, rows: np.ndarray, lang: str, applied: np.ndarray,
             texts: Texts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Explanation and missing-input codes for `rows` of one benefit, and the rule that decided each
    row (its index; len(rules): none, the benefit's own reference stands)."""
    words = WORDS[lang]
    status = result.status[rows]
    explanation = np.zeros(len(rows), dtype=np.int32)
    missing = np.zeros(len(rows), dtype=np.int32)
    rules = result.benefit.rules
    basis = np.where(status == ELIGIBLE, applied, len(rules))
    eligible = status == ELIGIBLE
    if eligible.any():   # the applying rule's conditions all hold
        per_rule = np.array([texts.code(f"{words['holds']}: " + "; ".join(_cond_text(c, lang) for c in r.conditions)
                                        if r.conditions else words["holds"]) for r in rules], dtype=np.int32)
        explanation[eligible] = per_rule[applied[eligible]]
    undecided = status == UNDETERMINED
    if undecided.any() and not result.benefit.encodes(ev.as_of):   # a period the pack does not encode
        explanation[undecided] = texts.code(not_encoded_text(result.benefit, ev.as_of, lang))
    elif undecided.any():  # the unknown conditions of the first undecided rule, and the inputs missing
        sub = rows[undecided]
        unknowns = _unknown_matrices(ev, result, sub)
        explanation[undecided], basis[undecided] = _unknown_conditions(result, unknowns, len(sub), lang, texts)
        missing[undecided] = _missing_inputs(ev, result, sub, unknowns, texts)
    failed = status == NOT_ELIGIBLE
    if failed.any():     # the closest rule's failed conditions, with values and distance
        why, basis[failed] = _why_not(ev, result, rows[failed], lang)
        explanation[failed] = texts.codes(why)
    return explanation, missing, basis


def _unknown_matrices(ev: Evaluation, result: BenefitResult, sub: np.ndarray) -> list[tuple]:
    """For each rule undecided somewhere in `sub`: where (a mask over `sub`), and which of its
    conditions are unknown there (rows x conditions). Conditions are computed only where the
    rule itself is undecided, once for both the explanation and the missing inputs."""
    out = []
    for i, o in enumerate(result.outcomes):
        if not o.rule.conditions or not len(o.unknown_rows):
            continue
        where = o.unknown_at(sub)
        if where.any():
            values = ev.conditions_at(o.rule, result.benefit.entity, sub[where])
            out.append((i, where, np.stack([~v.k for v in values], axis=1)))
    return out


def _unknown_conditions(result: BenefitResult, unknowns: list[tuple], count: int, lang: str,
                        texts: Texts) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the unknown conditions of the first rule (in precedence order) left undecided, and
    that rule's index (len(rules) where none is)."""
    words = WORDS[lang]
    out = np.zeros(count, dtype=np.int32)
    first = np.full(count, len(result.benefit.rules), dtype=np.int64)
    taken = np.zeros(count, dtype=bool)
    for i, where, unknown in unknowns:
        mine = where & ~taken
        if not mine.any():
            continue
        taken |= mine
        first[mine] = i
        conds = result.outcomes[i].rule.conditions
        out[mine] = _by_pattern(unknown[mine[where]], lambda p, conds=conds: texts.code(
            f"{words['unknown']}: " + "; ".join(_cond_text(c, lang) for c, u in zip(conds, p) if u)))
    return out, first


def _missing_inputs(ev: Evaluation, result: BenefitResult, rows: np.ndarray, unknowns: list[tuple],
                    texts: Texts) -> np.ndarray:
    """Which register inputs, missing for this row, leave an undecided rule unknown."""
    live = [result.outcomes[i] for i, _, _ in unknowns]
    inputs = sorted(set().union(*(c.inputs for o in live for c in o.rule.conditions)))
    if not inputs:
        return np.zeros(len(rows), dtype=np.int32)
    entity = result.benefit.entity
    relevant: dict = {}
    for i, where, unknown in unknowns:
        for j, c in enumerate(result.outcomes[i].rule.conditions):
            for inp in c.inputs:
                if inp not in relevant:
                    relevant[inp] = np.zeros(len(rows), dtype=bool)
                relevant[inp][where] |= unknown[:, j]
    # per input three columns: missing, known to its year only, known to its month only (a date)
    matrix = np.zeros((len(rows), 3 * len(inputs)), dtype=bool)
    for j, (ent, name) in enumerate(inputs):
        if ent == "household" and entity == "person":
            at = ev.hh_index[rows]
        elif ent == entity:
            at = rows
        else:
            continue  # a member's input behind a household aggregate: named through the aggregate
        value = ev.column(ent, name).full(ev.n(ent)).at(at)
        wanted = relevant.get((ent, name), False)
        matrix[:, 3 * j] = ~value.k & wanted
        if value.hi is not None:
            ranged = value.ranged & wanted
            same_month = value.v // 100 == value.hi // 100
            matrix[:, 3 * j + 1], matrix[:, 3 * j + 2] = ranged & ~same_month, ranged & same_month
    names = np.array([shown + suffix for ent, name in inputs
                      for shown in [name if ent == entity else f"{'household.' if ent == 'household' else 'member.'}{name}"]
                      for suffix in ("", f" ({PARTIAL_NEEDS['year']})", f" ({PARTIAL_NEEDS['month']})")], dtype=object)
    return _by_pattern(matrix, lambda p: texts.code(", ".join(names[p])))


def _by_pattern(matrix: np.ndarray, make) -> np.ndarray:
    """Apply `make(pattern_row)` once per distinct boolean row pattern and spread the results."""
    rows, width = matrix.shape
    if rows == 0:
        return np.zeros(0, dtype=np.int32)
    if width > 62:   # too wide for one integer key: compare the packed bytes
        packed = np.packbits(matrix, axis=1)
        keys = np.ascontiguousarray(packed).view(np.dtype((np.void, packed.shape[1]))).ravel()
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        return np.array([make(matrix[i]) for i in first], dtype=np.int32)[inverse.ravel()]
    # each row's pattern as one integer, grouped by hashing (sorting byte strings was the cost)
    keys = np.zeros((rows, 8), dtype=np.uint8)
    keys[:, :(width + 7) // 8] = np.packbits(matrix, axis=1, bitorder="little")
    inverse, uniq = pd.factorize(keys.view(np.uint64).ravel())
    bits = np.arange(width, dtype=np.uint64)
    return np.array([make(((key >> bits) & np.uint64(1)).astype(bool)) for key in uniq], dtype=np.int32)[inverse]


def _why_not(ev: Evaluation, result: BenefitResult, rows: np.ndarray, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the closest rule's failed conditions with their values, and that rule's index."""
    words = WORDS[lang]
    index = [i for i, o in enumerate(result.outcomes) if o.rule.in_force(ev.as_of)]
    live = [result.outcomes[i] for i in index]
    if not live:
        return (np.full(len(rows), f"{words['off']} {format_date(ev.as_of, lang)}", dtype=object),
                np.full(len(rows), len(result.outcomes), dtype=np.int64))
    entity = result.benefit.entity
    values = [ev.conditions_at(o.rule, entity, rows) for o in live]
    fails = np.stack([np.sum([c.false for c in conds], axis=0) if conds else np.zeros(len(rows))
                      for conds in values], axis=1)
    closest = np.argmin(fails, axis=1)
    out = np.full(len(rows), "", dtype=object)
    for i, outcome in enumerate(live):
        here = np.flatnonzero(closest == i)
        if not len(here):
            continue
        sub = rows[here]
        conds = [V(c.v[here], c.k[here]) for c in values[i]]
        text = np.full(len(sub), f"{getattr(outcome.rule.label, lang)} — {words['failed']}: ", dtype=object)
        sep = np.full(len(sub), "", dtype=object)
        for cond, val in zip(outcome.rule.conditions, conds):
            bad = val.false
            if not bad.any():
                continue
            piece = _failed_piece(ev, cond, result.benefit.entity, sub, lang)
            text = np.where(bad, text + sep + piece, text)
            sep = np.where(bad, "; ", sep)
        out[here] = text
    return out, np.asarray(index, dtype=np.int64)[closest]


def _failed_piece(ev: Evaluation, cond: CompiledCondition, entity: str, rows: np.ndarray, lang: str) -> np.ndarray:
    """'income_per_capita <= poverty_line → 1,620,000 vs 1,500,000 (120,000 above)' for a numeric comparison."""
    node = cond.node
    base = _cond_text(cond, lang)
    if not (isinstance(node, Compare) and node.left.type.kind == "number" and node.right.type.kind == "number"):
        return np.full(len(rows), base, dtype=object)
    left_v = ev.eval(node.left, entity).full(ev.n(entity)).at(rows)
    right_v = ev.eval(node.right, entity).full(ev.n(entity)).at(rows)
    left, right = left_v.v.astype(float), right_v.v.astype(float)
    words = WORDS[lang]
    gap = left - right
    direction = np.where(gap > 0, words["above"], words["below"])
    shown = (f"{base} → " + _fmt_numbers(left, lang) + " vs " + _fmt_numbers(right, lang) + " ("
             + _fmt_numbers(np.abs(gap), lang) + " " + direction + ")").astype(object)
    ranged = left_v.ranged | right_v.ranged       # a range (an age from a year of birth): no single figure
    return np.where(ranged, base, shown) if np.any(ranged) else shown


def _fmt_numbers(values: np.ndarray, lang: str) -> np.ndarray:
    """Numbers in the reader's conventions (1.500.000 in vi), formatted once per distinct value."""
    uniq, inverse = np.unique(values, return_inverse=True)
    texts = np.array([format_number(v, lang) for v in uniq], dtype=object)
    return texts[inverse.ravel()]


def _cond_text(cond: CompiledCondition, lang: str) -> str:
    return getattr(cond.label, lang) if cond.label else cond.text
