"""The fixed texts of each benefit's rules, made once per ruleset: ids, labels, references, what
"all conditions hold" says, unverified parameters, and the inputs whose absence is reported."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...rulebook.compile import CompiledBenefit, CompiledCondition, Plan
from ...vocabulary import WORDS
from ...rulebook.unverified import rule_notes
from ...rulebook.basis import benefit_cite, rule_values


@dataclass(frozen=True)
class RuleTexts:
    """One benefit's rules' texts, by rule index."""

    ids: list[str]
    labels: list[str]
    cites: list[str]
    holds: list[str]                 # the explanation of an eligible row paid by that rule
    unverified: list[str]            # the rule's unverified parameters: used (C, opted-in D) or withheld
    inputs: list[tuple[str, str]]    # (entity, column) the rules in force read, sorted
    values: list[tuple[str, ...]]    # the parameter values each rule uses, with their dates
    benefit_cite: str                # the reference of a decision no rule decided


def rule_texts(plan: Plan, benefit: CompiledBenefit, as_of: dt.date, lang: str) -> RuleTexts:
    words = WORDS[lang]
    rules = benefit.rules
    holds = [f"{words['holds']}: " + "; ".join(cond_text(c, lang) for c in r.conditions)
             if r.conditions else words["holds"] for r in rules]
    unverified = [rule_notes(plan, r, as_of, lang) for r in rules]   # one policy for C and D values
    inputs = plan.named_when_missing(set().union(*(c.inputs for r in rules if r.in_force(as_of) and r.conditions
                                                   for c in r.conditions)))
    return RuleTexts([r.id for r in rules], [getattr(r.label, lang) for r in rules],
                     [r.reference.cite(lang) for r in rules], holds, unverified, inputs,
                     [rule_values(plan, r, as_of, lang) for r in rules], benefit_cite(benefit, lang))


def cond_text(cond: CompiledCondition, lang: str) -> str:
    return getattr(cond.label, lang) if cond.label else cond.text
