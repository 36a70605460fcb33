"""Why each decision has its status: the conditions that hold, the unknown conditions and the
inputs whose absence leaves them unknown, or the closest rule's failed conditions with their values.

Texts that repeat are made once per distinct pattern of conditions (`by_pattern`); texts with
actual values (a failed comparison's figures) only for the rows that need them.
"""
from __future__ import annotations

import weakref

import numpy as np
import pandas as pd

from ..engines.values import V
from ..engines.vectorised import ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, BenefitResult, Evaluation
from ..rulebook.periods import not_encoded_text
from ..vocabulary import PARTIAL_NEEDS, WORDS
from .failed import condition_text, conditions_at, why_not
from .table import Texts


def explain(ev: Evaluation, result: BenefitResult, rows: np.ndarray, lang: str, applied: np.ndarray,
             texts: Texts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Explanation and missing-input codes for `rows` of one benefit, and the rule that decided each
    row (its index; len(rules): none, the benefit's own reference stands)."""
    words = WORDS[lang]
    status = result.status[rows]
    missing = np.zeros(len(rows), dtype=np.int32)
    rules = result.benefit.rules
    eligible = status == ELIGIBLE
    basis = np.where(eligible, applied, len(rules))
    if eligible.any():   # the applying rule's conditions all hold (read through `basis`: one pass, not three)
        per_rule = np.array([texts.code(f"{words['holds']}: " + "; ".join(condition_text(c, lang) for c in r.conditions)
                                        if r.conditions else words["holds"]) for r in rules] + [0], dtype=np.int32)
        explanation = per_rule[basis]
    else:
        explanation = np.zeros(len(rows), dtype=np.int32)
    undecided = status == UNDETERMINED
    if undecided.any() and not result.benefit.encodes(ev.as_of):   # a period the pack does not encode
        explanation[undecided] = texts.code(not_encoded_text(result.benefit, ev.as_of, lang))
    elif undecided.any():  # the unknown conditions of the first undecided rule, and the inputs missing
        sub = rows[undecided]
        unknowns = unknown_matrices(ev, result, sub)
        explanation[undecided], basis[undecided] = _unknown_conditions(result, unknowns, len(sub), lang, texts)
        missing[undecided] = missing_inputs(ev, result, sub, unknowns, texts)
    failed = status == NOT_ELIGIBLE
    if failed.any():     # the closest rule's failed conditions, with values and distance
        explanation[failed], basis[failed] = why_not(ev, result, rows[failed], lang, texts)
    return explanation, missing, basis


def undetermined_missing(ev: Evaluation, result: BenefitResult, rows: np.ndarray, texts: Texts) -> np.ndarray:
    """The missing-input codes `explain` gives `rows`, without writing any explanation (a table
    whose texts are left empty: `build_decisions(worded=False)`)."""
    missing = np.zeros(len(rows), dtype=np.int32)
    undecided = result.status[rows] == UNDETERMINED
    if undecided.any() and result.benefit.encodes(ev.as_of):
        sub = rows[undecided]
        missing[undecided] = missing_inputs(ev, result, sub, unknown_matrices(ev, result, sub), texts)
    return missing


def unknown_matrices(ev: Evaluation, result: BenefitResult, sub: np.ndarray) -> list[tuple]:
    """For each rule undecided somewhere in `sub`: where (a mask over `sub`), and which of its
    conditions are unknown there (rows x conditions). Conditions are computed only where the
    rule itself is undecided, once for both the explanation and the missing inputs."""
    live = []
    for i, o in enumerate(result.outcomes):
        if not o.rule.conditions or not len(o.unknown_rows):
            continue
        where = o.unknown_at(sub)
        if where.any():
            live.append((i, where))
    values = conditions_at(ev, result.benefit.entity, [result.outcomes[i].rule for i, _ in live], sub,
                           [where for _, where in live])
    return [(i, where, np.stack([~v.k for v in conds], axis=1)) for (i, where), conds in zip(live, values)]


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
        out[mine] = by_pattern(unknown[mine[where]], lambda p, conds=conds: texts.code(
            f"{words['unknown']}: " + "; ".join(condition_text(c, lang) for c, u in zip(conds, p) if u)))
    return out, first


def missing_inputs(ev: Evaluation, result: BenefitResult, rows: np.ndarray, unknowns: list[tuple],
                   texts: Texts) -> np.ndarray:
    """Which register inputs, missing for this row, leave an undecided rule unknown: the row's own (a person's
    condition: those it reads at the person's row or the household's) and, after them, a member's input
    (`member.NAME`) behind a household variable: blank for a member whose value it aggregates is unknown
    (the head's injury rate for his wife's ground, not her own)."""
    live = [result.outcomes[i] for i, _, _ in unknowns]
    inputs = ev.plan.named_when_missing(set().union(*(c.inputs for o in live for c in o.rule.conditions)))
    entity = result.benefit.entity
    relevant: dict = {}
    behind: dict[str, np.ndarray] = {}
    for i, where, unknown in unknowns:
        for j, c in enumerate(result.outcomes[i].rule.conditions):
            for inp in (c.inputs if c.own is None else c.own):
                if inp not in relevant:
                    relevant[inp] = np.zeros(len(rows), dtype=bool)
                relevant[inp][where] |= unknown[:, j]
            for var in c.behind:
                behind.setdefault(var, np.zeros(len(rows), dtype=bool))[where] |= unknown[:, j]
    members = _members_missing(ev, rows, behind)
    if not inputs and not members:
        return np.zeros(len(rows), dtype=np.int32)
    # per input three columns: missing, known to its year only, known to its month only (a date)
    matrix = np.zeros((len(rows), 3 * len(inputs) + len(members)), dtype=bool)
    households = ev.hh_index[rows] if entity == "person" else rows
    for j, (ent, name) in enumerate(inputs):
        wanted = relevant.get((ent, name))
        if wanted is None or not wanted.any():
            continue  # no unknown condition reads it at these rows: its columns stay blank
        if ent == "household" and entity == "person":
            at = households
        elif ent == entity:
            at = rows
        else:
            continue  # a member's input behind a household aggregate: named through the aggregate
        value = ev.column(ent, name).full(ev.n(ent)).at(at)
        matrix[:, 3 * j] = ~value.k & wanted
        if value.hi is not None:
            ranged = value.ranged & wanted
            same_month = value.v // 100 == value.hi // 100
            matrix[:, 3 * j + 1], matrix[:, 3 * j + 2] = ranged & ~same_month, ranged & same_month
    for k, flagged in enumerate(members.values()):
        matrix[:, 3 * len(inputs) + k] = flagged
    names = np.array([shown + suffix for ent, name in inputs
                      for shown in [name if ent == entity else f"{'household.' if ent == 'household' else 'member.'}{name}"]
                      for suffix in ("", f" ({PARTIAL_NEEDS['year']})", f" ({PARTIAL_NEEDS['month']})")]
                     + [f"member.{name}" for name in members], dtype=object)
    return by_pattern(matrix, lambda p: texts.code(", ".join(names[p])))


def _members_missing(ev: Evaluation, rows: np.ndarray, behind: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """{member input: rows flagged}, in the inputs' order: a person variable read of the members behind a household
    variable, unknown for a member of the row's household where one of its inputs is blank there (a derived input
    too, where its table was read for the member (`Plan.read_with`): the blank cell is in that table, which its
    label names)."""
    flagged: dict[str, np.ndarray] = {}
    households = ev.hh_index[rows]
    for var in sorted(behind):
        for name, in_household in households_with_blanks(ev, var):
            hit = in_household[households] & behind[var]
            if hit.any():
                flagged[name] = flagged.get(name, np.zeros(len(rows), dtype=bool)) | hit
    return dict(sorted(flagged.items()))


# per evaluation and person variable: the same for every benefit and row, so worked out once a run
# (each pass over the register's persons, for each of ~30 benefits, was a tenth of the explanations)
_BLANKS: weakref.WeakKeyDictionary[Evaluation, dict[str, list[tuple[str, np.ndarray]]]] = weakref.WeakKeyDictionary()


def households_with_blanks(ev: Evaluation, var: str) -> list[tuple[str, np.ndarray]]:
    """For a person variable, each of its person inputs (sorted) with the mask of households where a member's
    variable is unknown and that input blank; the inputs blank nowhere left out."""
    known = _BLANKS.setdefault(ev, {})
    if var in known:
        return known[var]
    found = []     # filled, then kept whole: a screening on another thread never reads it half made
    unknown = ~_person_variable(ev, var).k
    for ent, name in sorted(ev.plan.variables[var].inputs) if unknown.any() else ():
        if ent != "person":
            continue
        blank = unknown & ~ev.column("person", name).full(ev.n("person")).k
        for sibling in ev.plan.read_with((ent, name)):   # a derived input: where its table was read
            blank &= ev.column("person", sibling).full(ev.n("person")).k
        in_household = np.zeros(ev.n("household"), dtype=bool)
        in_household[ev.hh_index[blank]] = True
        if in_household.any():
            found.append((name, in_household))
    known[var] = found
    return found


def _person_variable(ev: Evaluation, var: str) -> V:
    """A person variable for every person: the value the evaluation kept (computing its expression
    again kept it, and everything under it, in the evaluation's memo: 100 MB of the full pack at
    1 M persons)."""
    if ev.plan.variables[var].entity == "person" and var in ev.variables:
        return ev.variables[var]
    return ev.eval(ev.plan.variables[var].node, "person").full(ev.n("person"))


def by_pattern(matrix: np.ndarray, make) -> np.ndarray:
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


