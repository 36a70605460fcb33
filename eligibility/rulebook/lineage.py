"""The compiled plan's finishing passes: what each variable, condition and rule reads (its
lineage of input columns and parameters), and one node per distinct subexpression across the pack.

Run by the compiler (`compile._Compiler.run`) once every definition has checked.
"""
from __future__ import annotations

from dataclasses import replace

from .plan import CompiledBenefit, CompiledRule, CompiledVariable, InputRef
from .tree import BenefitRef, Column, Node, Param, Shared, Var, walk

def with_lineage(order: list[str], variables: dict[str, CompiledVariable],
                  benefits: dict[str, CompiledBenefit]) -> tuple[dict[str, CompiledVariable],
                                                                  dict[str, CompiledBenefit]]:
    """The same variables and benefits, each variable, condition and rule now knowing which input
    columns and parameters it reads (transitively, through variables and benefits)."""
    lineage: dict[str, tuple[frozenset[InputRef], frozenset[str]]] = {}

    def reads(node: Node) -> tuple[frozenset[InputRef], frozenset[str]]:
        cols: set[InputRef] = set()
        params: set[str] = set()
        for n in walk(node):
            if isinstance(n, Column):
                cols.add((n.entity, n.name))
            elif isinstance(n, Param):
                params.add(n.name)
            elif isinstance(n, Var):
                cols |= lineage[n.name][0]
                params |= lineage[n.name][1]
            elif isinstance(n, BenefitRef):   # its inputs can leave this undecided; its figures are its own
                cols |= lineage[n.benefit][0]
        return frozenset(cols), frozenset(params)

    placed: dict[str, tuple[frozenset[InputRef], frozenset[str]]] = {}

    def aggregated(name: str) -> frozenset[str]:
        """The person variables a household variable reads of its members (through household variables too)."""
        found: set[str] = set()
        for n in walk(variables[name].node):
            if isinstance(n, Var):
                found |= {n.name} if variables[n.name].entity == "person" else aggregated(n.name)
        return frozenset(found)

    def where_read(node: Node) -> tuple[frozenset[InputRef], frozenset[str]]:
        """A person's node: (inputs read at the person's own row or the household's, person variables read of
        the members behind a household variable)."""
        own: set[InputRef] = set()
        behind: set[str] = set()
        for n in walk(node):
            if isinstance(n, Column):
                own.add((n.entity, n.name))
            elif isinstance(n, Var) and variables[n.name].entity == "household":
                own |= {ref for ref in lineage[n.name][0] if ref[0] == "household"}
                behind |= aggregated(n.name)
            elif isinstance(n, Var):
                if n.name not in placed:
                    placed[n.name] = where_read(variables[n.name].node)
                own |= placed[n.name][0]
                behind |= placed[n.name][1]
            elif isinstance(n, BenefitRef):
                own |= lineage[n.benefit][0]
        return frozenset(own), frozenset(behind)

    new_vars, new_benefits = dict(variables), dict(benefits)
    for name in order:
        if name in variables:
            inputs, params = lineage[name] = reads(variables[name].node)
            new_vars[name] = replace(variables[name], inputs=inputs, params=params)
            continue
        benefit = benefits[name]
        rules: list[CompiledRule] = []
        all_cols: set[tuple[str, str]] = set()
        all_params: set[str] = set()
        for rule in benefit.rules:
            rule_params = set(reads(rule.amount)[1]) | (set(reads(rule.rate)[1]) if rule.rate else set())
            conditions = []
            for cond in rule.conditions:
                inputs, params = reads(cond.node)
                own, behind = where_read(cond.node) if benefit.entity == "person" else (None, frozenset())
                conditions.append(replace(cond, inputs=inputs, params=params, own=own, behind=behind))
                rule_params |= params
                all_cols |= inputs
            rules.append(replace(rule, conditions=tuple(conditions), params=frozenset(rule_params)))
            all_params |= rule_params
        new_benefits[name] = replace(benefit, rules=tuple(rules))
        lineage[name] = (frozenset(all_cols), frozenset(all_params))
    return new_vars, new_benefits


def share_subexpressions(variables: dict[str, CompiledVariable],
                          benefits: dict[str, CompiledBenefit]) -> tuple[dict[str, CompiledVariable],
                                                                          dict[str, CompiledBenefit]]:
    """The same variables and benefits with one node per distinct subexpression across the whole
    pack (see `Shared`)."""
    share = Shared()
    variables = {name: replace(var, node=share(var.node)) for name, var in variables.items()}
    out = {}
    for name, benefit in benefits.items():
        enrolled = share(benefit.enrolled)
        rules = []
        for rule in benefit.rules:
            amount, rate = share(rule.amount), share(rule.rate)
            conditions = tuple(replace(cond, node=share(cond.node)) for cond in rule.conditions)
            rules.append(replace(rule, amount=amount, rate=rate, conditions=conditions))
        out[name] = replace(benefit, enrolled=enrolled, rules=tuple(rules))
    return variables, out
