"""Every condition of the pack worded in vi and en: its rule file's `label`, or a sentence made
from its expression with the labels of the inputs, variables, parameters and benefits it names
(`eligibility.wording.sentences`). A condition that cannot be worded keeps its expression as text
and is reported (W-WORDING) by `validate`, so the officer never reads code without a warning."""
from __future__ import annotations

from dataclasses import replace

from ..errors import RuleIssue
from ..wording.catalogue import LANGS
from ..wording.sentences import CannotWord, Glossary, Term, word
from .base import Labels
from .inputs import EnumValue, InputSchema
from .plan import CompiledBenefit, CompiledCondition, CompiledParameter, CompiledRule, CompiledVariable, Plan


def glossary_of(inputs: InputSchema, variables: dict[str, CompiledVariable],
                parameters: dict[str, CompiledParameter], benefits: dict[str, CompiledBenefit]) -> Glossary:
    """The labels of everything an expression of the pack may name."""
    columns: dict[tuple[str, str], Term] = {}
    for table in (inputs.households, inputs.members):
        for name, spec in table.columns.items():
            values = {code: {"vi": v.vi, "en": v.en} for code, v in (spec.values or {}).items()}
            columns[(table.entity, name)] = Term(_labels(spec.label), spec.unit, values)
    return Glossary(
        columns=columns,
        variables={name: Term(_labels(v.label), None, _variable_values(v, columns)) for name, v in variables.items()},
        parameters={name: Term(_labels(p.spec.label), p.spec.unit) for name, p in parameters.items()},
        benefits={name: Term(_labels(b.label)) for name, b in benefits.items()},
    )


def _labels(labels: Labels) -> dict[str, str]:
    return {"vi": labels.vi, "en": labels.en}


def _variable_values(variable: CompiledVariable, columns: dict[tuple[str, str], Term]) -> dict[str, dict[str, str]]:
    """An enum variable's values worded as the column values of the same code."""
    codes = set(variable.type.values)
    return {code: t.values[code] for t in columns.values() for code in codes & set(t.values)}


def word_conditions(benefits: dict[str, CompiledBenefit], glossary: Glossary
                    ) -> tuple[dict[str, CompiledBenefit], list[RuleIssue]]:
    """The benefits with every unlabelled condition worded; a warning for each that cannot be."""
    out: dict[str, CompiledBenefit] = {}
    warnings: list[RuleIssue] = []
    for name, benefit in benefits.items():
        rules = []
        for rule in benefit.rules:
            conditions = tuple(_worded(c, glossary, rule, warnings) for c in rule.conditions)
            rules.append(replace(rule, conditions=conditions))
        out[name] = replace(benefit, rules=tuple(rules))
    return out, warnings


def _worded(cond: CompiledCondition, glossary: Glossary, rule: CompiledRule, warnings: list[RuleIssue]) -> CompiledCondition:
    if cond.label is not None:
        return cond
    try:
        label = Labels(**{lang: word(cond.node, glossary, lang) for lang in LANGS})
    except CannotWord as problem:
        warnings.append(RuleIssue("W-WORDING", rule.file, cond.line, f"{rule.id}.when",
                                  f"the condition `{cond.text}` cannot be worded ({problem}); "
                                  "officers would read the expression: give it a label: {vi: ..., en: ...}"))
        return cond
    return replace(cond, label=label, worded=True)


def code_labels(plan: Plan, codes: list[str] | list[float]) -> dict[str, list[str]] | None:
    """A list parameter's codes in words (districts, ethnic groups, deprivation indicators): the
    enum value of that code in a register column, else the column the code names. None where a
    code has no words (the codes are then shown as written)."""
    tables = (plan.inputs.households, plan.inputs.members)
    out: dict[str, list[str]] = {"vi": [], "en": []}
    for code in codes:
        found: EnumValue | Labels | None = next((spec.values[code] for t in tables for spec in t.columns.values()
                      if spec.values and code in spec.values), None)
        if found is None:
            column = next((spec for t in tables for name, spec in t.columns.items()
                           if name == code or name.endswith(f"_{code}")), None)
            found = column.label if column is not None else None
        if found is None:
            return None
        for lang in out:
            out[lang].append(getattr(found, lang))
    return out
