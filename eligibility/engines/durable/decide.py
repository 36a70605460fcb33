"""Reading decisions back: what fired in a household's session -> status, amount, coverage and why.

A benefit is eligible if one of its rules held, not eligible if every rule in force failed,
otherwise undetermined (the unknown conditions' missing inputs named as the vectorised engine
names them). Amounts and rates of the rules that held are computed by the scalar evaluator; hit
policies are applied here. A new status is decided in `DecisionReader.decide_one`.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ...rulebook.compile import CompiledBenefit, CompiledCondition, Plan
from ...rulebook.expressions import Compare
from ...rulebook.plan import InputRef
from ...rulebook.periods import not_encoded_text
from ..scalar import (ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED, Decided, HouseholdContext, ScalarEvaluator, Span, exact,
                      member)
from ...vocabulary import WORDS, Coverage, Status, enrolment, failed_figures, partial_need
from ...vocabulary import coverage as coverage_code
from ...rulebook.basis import values_text
from ...rulebook.basis import minimum_text
from ...wording.formats import format_date
from .texts import RuleTexts, cond_text, rule_texts
from .translate import Atom, Elig, Slot, Translator

if TYPE_CHECKING:
    from .fired import Collector

_NONE: frozenset[int] = frozenset()


class DecisionRow(NamedTuple):
    """One row of the decisions table for one household, as read back from its session."""

    benefit: int            # index of the benefit in plan order
    part: int               # hit policy all: the paying rule's index (len(rules): the row without one); else 0
    member: int             # the member's index in the household (0 for a household benefit)
    status: Status
    coverage: Coverage
    amount: float           # nan: none
    rate: float             # nan: none
    rule: str
    rule_label: str
    reference: str
    explanation: str
    missing_inputs: str
    unverified: str
    parameter_values: str
    amount_is_minimum: bool = False


def coverage(status: Status, has_enrolment: bool, enrolled: Any) -> Coverage:
    """The vocabulary's coverage rule for one decision."""
    return _coverage(status, has_enrolment, None if enrolled is None else bool(enrolled))


@functools.cache
def _coverage(status: Status, has_enrolment: bool, known: bool | None) -> Coverage:
    """(18 combinations, asked for every benefit of every member: looked up once each.)"""
    return Coverage.from_code(coverage_code(Status(status).code, enrolment(known, has_enrolment)))


class DecisionReader:
    """Turns one household's firings (a Collector) into decision rows, benefit by benefit."""

    def __init__(self, plan: Plan, as_of: dt.date, benefits: list[CompiledBenefit], tr: Translator,
                 scalar: ScalarEvaluator, derives: list[bool], form_of: dict[tuple[int, int, int], int],
                 lang: str, include_all: bool):
        self.plan, self.as_of, self.benefits, self.tr, self.scalar = plan, as_of, benefits, tr, scalar
        self.derives, self.lang, self.include_all = derives, lang, include_all
        self.rule_conditions = {(rc.bi, rc.ri): rc for rules in tr.rules.values() for rc in rules}
        # the condition forms of each rule in force, by condition (what F and T rules report)
        self.forms = {(rc.bi, rc.ri): [form_of[(rc.bi, rc.ri, ci)] for ci in range(len(rc.dnfs))]
                      for rc in self.rule_conditions.values()}
        # per benefit, per rule: the set of its condition forms (None: not in force); a rule has failed
        # for a key when one of them is known false
        self.rule_forms = [[frozenset(self.forms[(bi, ri)]) if (bi, ri) in self.forms else None
                            for ri in range(len(b.rules))] for bi, b in enumerate(benefits)]
        self.in_force = [[(ri, forms) for ri, forms in enumerate(rf) if forms is not None] for rf in self.rule_forms]
        self.encoded = [b.encodes(as_of) for b in benefits]
        self.texts: list[RuleTexts] = [rule_texts(plan, b, as_of, lang) for b in benefits]

    def decide(self, benefit: CompiledBenefit, ctx: HouseholdContext, col: Collector, hkey: str,
               pkeys: list[str]) -> list[DecisionRow]:
        """The benefit's rows for one household whose facts were keyed `hkey` and `pkeys` (its members)."""
        bi = self.tr.benefit_index[benefit.id]
        if benefit.entity == "household":
            return self.decide_one(bi, benefit, hkey, None, ctx, col, hkey)
        rows = []
        for person, key in enumerate(pkeys):
            rows.extend(self.decide_one(bi, benefit, key, person, ctx, col, hkey))
        return rows

    def decide_one(self, bi: int, benefit: CompiledBenefit, key: str, person: int | None,
                   ctx: HouseholdContext, col: Collector, hkey: str) -> list[DecisionRow]:
        rules = benefit.rules
        holds: list[bool | None] = [False] * len(rules)     # not in force: False
        held = unknown = False
        false_here = col.cfalse.get(key, _NONE)
        for ri, forms in self.in_force[bi]:
            failed = not false_here.isdisjoint(forms)
            if (bi, ri, key) in col.holds:
                if failed:
                    raise RuntimeError(f"rule {rules[ri].id} both held and failed for {key}")
                holds[ri] = held = True
            elif not failed:
                holds[ri] = None
                unknown = True
        status = ELIGIBLE if held else UNDETERMINED if unknown else NOT_ELIGIBLE
        if not self.encoded[bi]:                 # a period the pack does not encode: never "not eligible"
            status = UNDETERMINED
        if self.derives[bi] and (status == NOT_ELIGIBLE) != ((bi, key) in col.notelig):
            raise RuntimeError(f"{benefit.id} for {key}: the derived decision disagrees with the rules' failures")
        # amounts and rates of the rules that hold (scalar evaluator)
        amounts: dict[int, float | None] = {}
        chosen, amount = -1, None
        if held:
            for ri, h in enumerate(holds):
                if h:
                    value = exact(self.scalar.value(rules[ri].amount, ctx, person))   # a range: unknown
                    amounts[ri] = None if value is None else float(value)
            chosen, amount = hit(benefit.hit_policy, holds, amounts)
        if status != ELIGIBLE:
            amount = None
        rate = None
        rate_node = rules[chosen].rate if chosen >= 0 else None
        if rate_node is not None:
            value = exact(self.scalar.value(rate_node, ctx, person))
            rate = None if value is None else float(value)
        decided = Decided(status, amount)
        if person is None:
            ctx.hh_benefits[benefit.id] = decided
        else:
            ctx.person_benefits[person][benefit.id] = decided
        enrolled = None if benefit.enrolled is None else self.scalar.value(benefit.enrolled, ctx, person)
        cover = coverage(status, benefit.enrolled is not None, enrolled)
        if not (status != NOT_ELIGIBLE or cover == Coverage.LEAKAGE or self.include_all):
            return []
        local = 0 if person is None else person
        texts = self.texts[bi]
        missing = "" if status != UNDETERMINED else self._missing(bi, benefit, key, person, ctx, col, holds, hkey)
        rate_out = np.nan if rate is None else rate
        if benefit.hit_policy == "all":
            out = []
            for ri, h in enumerate(holds):
                if h:
                    out.append(_row(bi, ri, local, status, cover, amounts[ri], rate_out, ri, texts,
                                    texts.holds[ri], missing, None, ri))
            if not out:
                explanation, basis = self._explain(bi, benefit, key, person, ctx, col, holds, status, -1, hkey)
                out.append(_row(bi, len(rules), local, status, cover, None, rate_out, -1, texts, explanation,
                                missing, None, basis))
            return out
        joined = None
        if benefit.hit_policy == "sum":
            joined = [ri for ri, h in enumerate(holds) if h]
        explanation, basis = self._explain(bi, benefit, key, person, ctx, col, holds, status, chosen, hkey)
        pending = self._pending(benefit, holds, amount, ctx, person) if status == ELIGIBLE else []
        if pending:   # an undecided rule could raise the amount: it is a minimum, and what would settle it
            explanation = minimum_text(explanation, rules[pending[0]], self.lang)
            only = [None if ri in pending else bool(h) for ri, h in enumerate(holds)]
            missing = self._missing(bi, benefit, key, person, ctx, col, only, hkey)
        row = _row(bi, 0, local, status, cover, amount, rate_out,
                   chosen if status == ELIGIBLE else -1, texts, explanation, missing, joined, basis)
        return [row._replace(amount_is_minimum=bool(pending))]

    def _pending(self, benefit: CompiledBenefit, holds: list[bool | None], amount: float | None, ctx: HouseholdContext,
                 person: int | None) -> list[int]:
        """Hit policies `max` and `sum`: the undecided rules that could raise the amount paid (their
        amount unknown, or above the amount paid under `max`, above zero under `sum`)."""
        if benefit.hit_policy not in ("max", "sum") or amount is None:
            return []
        floor = amount if benefit.hit_policy == "max" else 0.0
        out = []
        for ri, h in enumerate(holds):
            if h is None:
                value = exact(self.scalar.value(benefit.rules[ri].amount, ctx, person))
                if value is None or float(value) > floor:
                    out.append(ri)
        return out

    # ------------------------------------------------------------ unknown conditions
    def _condition_known(self, bi: int, ri: int, ci: int, key: str, rc_conditions: int, col: Collector,
                         holds: bool | None, hkey: str) -> bool:
        form = self.forms[(bi, ri)][ci]
        if form in col.cfalse.get(key, _NONE) or form in col.ctrue.get(key, _NONE) or form in col.ctrue.get(hkey, _NONE):
            return True    # (a member's form on household attributes only is reported true on the household)
        if rc_conditions == 1 and holds is True:
            return True
        single = self.rule_conditions[(bi, ri)].single(ci)
        if isinstance(single, Elig):       # its true test is the elig fact with the wanted value
            other = key if single.via == "person" else hkey
            return col.elig_sent.get((self.tr.benefit_index[single.benefit], other)) == single.value
        if isinstance(single, Atom):       # false did not fire: true exactly when the attributes are present
            return all(s.attr in col.known.get(key if s.entity == "person" else hkey, ())
                       for s in (single.left, single.right) if isinstance(s, Slot))
        return False

    def _missing(self, bi: int, benefit: CompiledBenefit, key: str, person: int | None, ctx: HouseholdContext,
                 col: Collector, holds: list[bool | None], hkey: str) -> str:
        """As decisions.explanations.missing_inputs: the row's own inputs, then the members' behind a household
        variable (`member.NAME`)."""
        inputs = self.texts[bi].inputs
        relevant: set[InputRef] = set()
        behind: set[str] = set()
        for ri, rule in enumerate(benefit.rules):
            if holds[ri] is not None or not rule.conditions:
                continue
            for ci, cond in enumerate(rule.conditions):
                if not self._condition_known(bi, ri, ci, key, len(rule.conditions), col, holds[ri], hkey):
                    relevant |= cond.inputs if cond.own is None else cond.own
                    behind |= cond.behind
        names = []
        for ent, name in inputs:
            if (ent, name) not in relevant:
                continue
            if ent == "household":
                value = ctx.household.get(name)
            elif benefit.entity == "person":
                value = ctx.members[member(person)].get(name)
            else:
                continue  # a member input behind a household aggregate: named through the aggregate
            shown = name if ent == benefit.entity else f"household.{name}"
            if value is None:
                names.append(shown)
            elif isinstance(value, Span):     # a date known to its year or month: what it lacks
                names.append(partial_need(shown, value.lo, value.hi))
        return ", ".join(names + [f"member.{name}" for name in self._members_missing(behind, ctx)])

    def _members_missing(self, behind: set[str], ctx: HouseholdContext) -> list[str]:
        """The members' inputs blank where a person variable behind a household variable is unknown (a derived
        input where its table was read for the member: Plan.read_with), sorted."""
        found: set[str] = set()
        for var in behind:
            refs = [name for ent, name in self.plan.variables[var].inputs if ent == "person"]
            for values, row in zip(ctx.person_vars, ctx.members):
                if values.get(var) is not None:
                    continue
                found.update(name for name in refs if row.get(name) is None
                             and all(row.get(s) is not None for s in self.plan.read_with(("person", name))))
        return sorted(found)

    # ------------------------------------------------------------ explanations
    def _explain(self, bi: int, benefit: CompiledBenefit, key: str, person: int | None, ctx: HouseholdContext,
                 col: Collector, holds: list[bool | None], status: Status, chosen: int, hkey: str) -> tuple[str, int]:
        """The row's explanation, and the rule that decided it (len(rules): none, the benefit's own
        reference stands)."""
        words = WORDS[self.lang]
        texts = self.texts[bi]
        rules = benefit.rules
        if status == ELIGIBLE:
            return texts.holds[chosen], chosen
        if status == UNDETERMINED and not benefit.encodes(self.as_of):
            return not_encoded_text(benefit, self.as_of, self.lang), len(rules)
        if status == UNDETERMINED:
            first = next(ri for ri, h in enumerate(holds) if h is None)
            rule = rules[first]
            unknown = [c for ci, c in enumerate(rule.conditions)
                       if not self._condition_known(bi, first, ci, key, len(rule.conditions), col, holds[first],
                                                   hkey)]
            return (f"{words['unknown']}: " + "; ".join(cond_text(c, self.lang) for c in unknown)
                    if rule.conditions else "", first)
        live = [ri for ri, r in enumerate(rules) if r.in_force(self.as_of)]
        if not live:
            return f"{words['off']} {format_date(self.as_of, self.lang)}", len(rules)
        false_here = col.cfalse.get(key, _NONE)
        fails = [sum(1 for form in self.forms[(bi, ri)] if form in false_here) for ri in live]
        closest = live[int(np.argmin(fails))]
        rule = rules[closest]
        pieces = [self._failed_piece(c, ctx, person) for ci, c in enumerate(rule.conditions)
                  if self.forms[(bi, closest)][ci] in false_here]
        return f"{getattr(rule.label, self.lang)} — {words['failed']}: " + "; ".join(pieces), closest

    def _failed_piece(self, cond: CompiledCondition, ctx: HouseholdContext, person: int | None) -> str:
        node = cond.node
        base = cond_text(cond, self.lang)
        if not (isinstance(node, Compare) and node.left.type.kind == "number" and node.right.type.kind == "number"):
            return base
        left = exact(self.scalar.value(node.left, ctx, person))
        right = exact(self.scalar.value(node.right, ctx, person))
        if left is None or right is None:
            return base
        return failed_figures(base, float(left), float(right), self.lang)


def _row(bi: int, part: int, local: int, status: Status, cover: Coverage, amount: float | None, rate: float,
         pick: int, texts: RuleTexts, explanation: str, missing: str, joined: list[int] | None,
         basis: int) -> DecisionRow:
    amount = np.nan if amount is None or status != ELIGIBLE else amount
    if pick >= 0:
        rule, label, unverified = texts.ids[pick], texts.labels[pick], texts.unverified[pick]
    else:
        rule = label = unverified = ""
    # the reference and values of the rule that decided (rulebook/basis.py), paying or not
    cite = texts.cites[basis] if basis < len(texts.cites) else texts.benefit_cite
    values = values_text(texts.values[basis]) if basis < len(texts.values) else ""
    if joined is not None and status == ELIGIBLE:    # hit policy sum: the rules paid together
        rule = "+".join(texts.ids[i] for i in joined)
        label = " + ".join(texts.labels[i] for i in joined)
        cite = "; ".join(dict.fromkeys(texts.cites[i] for i in joined))
        unverified = "; ".join(dict.fromkeys(u for i in joined if (u := texts.unverified[i])))
        values = values_text(*(texts.values[i] for i in joined))
    return DecisionRow(bi, part, local, status, cover, amount, rate, rule, label, cite, explanation, missing,
                       unverified, values)


def hit(policy: str, holds: list[bool | None], amounts: dict[int, float | None]) -> tuple[int, float | None]:
    """The rule chosen by the hit policy among those that hold, and the amount paid."""
    holding = [ri for ri, h in enumerate(holds) if h]
    if not holding:
        return -1, None
    if policy == "sum":
        known = [a for a in (amounts[ri] for ri in holding) if a is not None]
        if len(known) < len(holding):
            return holding[0], None
        total = 0.0
        for a in known:
            total += a
        return holding[0], total
    if policy == "max":
        best, best_value = -1, -math.inf   # (the first rule that holds takes it: best < 0)
        for ri in holding:
            paid = amounts[ri]
            value = paid if paid is not None else -1e300
            if best < 0 or value > best_value:
                best, best_value = ri, value
        return best, amounts[best]
    return holding[0], amounts[holding[0]]
