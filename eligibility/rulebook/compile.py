"""Compile a validated rule pack into a `Plan`: typed expression trees in dependency order.

Every expression is checked against the declared inputs, variables, benefits and parameters;
every problem is collected (file:line, key, allowed, did-you-mean) and raised at once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

from ..errors import RuleErrors, RuleIssue
from ..suggestions import suggest
from ..vocabulary import HitPolicy
from .expressions import (BOOL, AsOf, BenefitRef, BoolOp, Column, Const, ExprError, IfElse, Node, Param, Scope, Shared, Symbol,
                          Type, Var, check, type_of, walk)
from .inputs import InputSchema, Labels
from .load import RulePack, Source, load_pack
from .schema import AnyOf, Benefit, DatedValue, Labeled, Parameter, Reference, Rule, Target, Variable

ENTITY_TABLE = {"household": "households", "person": "members"}


@dataclass
class CompiledParameter:
    name: str
    spec: Parameter
    file: str
    line: int | None

    def at(self, day: dt.date) -> DatedValue | None:
        """The dated value in force on `day`, or None (then expressions using it are unknown)."""
        for item in self.spec.values:
            end = item.to or _next_from(self.spec.values, item)
            if item.from_ <= day and (end is None or day <= end):
                return item
        return None


def _next_from(values: list[DatedValue], item: DatedValue) -> dt.date | None:
    later = sorted(v.from_ for v in values if v.from_ > item.from_)
    return later[0] - dt.timedelta(days=1) if later else None


@dataclass
class CompiledCondition:
    text: str
    node: Node
    label: Labels | None
    line: int | None
    inputs: frozenset            # {(entity, column)} it reads, through variables and benefits
    params: frozenset


@dataclass
class CompiledRule:
    id: str
    benefit: str
    label: Labels
    reference: Reference
    valid_from: dt.date | None
    valid_to: dt.date | None
    priority: int
    conditions: list[CompiledCondition]
    amount: Node
    rate: Node | None
    file: str
    line: int | None
    params: frozenset

    def in_force(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass
class CompiledBenefit:
    id: str
    entity: str
    label: Labels
    unit: str
    hit_policy: HitPolicy
    enrolled: Node | None
    rules: list[CompiledRule]    # in precedence order (priority, then id)
    reference: Reference | None
    file: str
    line: int | None

    @property
    def inputs(self) -> frozenset:
        return frozenset().union(*(c.inputs for r in self.rules for c in r.conditions))


@dataclass
class CompiledVariable:
    name: str
    entity: str
    type: Type
    label: Labels
    node: Node
    reference: Reference | None
    file: str
    line: int | None
    inputs: frozenset = frozenset()
    params: frozenset = frozenset()


@dataclass
class CompiledTarget:
    id: str
    spec: Target
    population: Node
    indicator: Node
    file: str
    line: int | None


@dataclass
class Plan:
    """A compiled rule pack, ready for any engine."""

    folder: Path
    digest: str
    inputs: InputSchema
    parameters: dict[str, CompiledParameter]
    order: list[str]                               # variables and benefits, dependencies first
    deps: dict[str, frozenset]                     # what each variable or benefit reads of the others
    variables: dict[str, CompiledVariable]
    benefits: dict[str, CompiledBenefit]
    targets: dict[str, CompiledTarget]
    examples: list[tuple[Source, int, Any]] = field(default_factory=list)

    def unverified_values(self) -> list[tuple[str, DatedValue]]:
        return [(name, v) for name, p in self.parameters.items() for v in p.spec.values if not v.verified]


def compile_pack(rules_dir: str | Path | None = None) -> Plan:
    """Load, validate and compile a rule pack; raise RuleErrors listing every problem."""
    return _Compiler(load_pack(rules_dir)).run()


class _Compiler:
    def __init__(self, pack: RulePack):
        self.pack = pack
        self.issues: list[RuleIssue] = []
        self.parameters: dict[str, CompiledParameter] = {}
        self.var_specs: dict[str, tuple[Variable, Source]] = {}
        self.benefit_specs: dict[str, tuple[Benefit, Source]] = {}
        self.deps: dict[str, set[str]] = {}

    # ------------------------------------------------------------ driver
    def run(self) -> Plan:
        self._collect_parameters()
        self._collect_definitions()
        scope = self._scope()
        variables = {n: v for n, (spec, src) in self.var_specs.items()
                     if (v := self._variable(n, spec, src, scope))}
        benefits = {n: b for n, (spec, src) in self.benefit_specs.items()
                    if (b := self._benefit(n, spec, src, scope))}
        order = self._order()
        targets = self._targets(scope)
        self._check_examples()
        if self.issues:
            raise RuleErrors(self.issues)
        self._propagate_inputs(order, variables, benefits)
        _share_subexpressions(variables, benefits)
        examples = [(src, i, ex) for src in self.pack.policies for i, ex in enumerate(src.model.examples)]
        deps = {name: frozenset(self.deps.get(name, ())) for name in order}
        return Plan(self.pack.folder, self.pack.digest, self.pack.inputs, self.parameters, order, deps,
                    variables, benefits, targets, examples)

    def issue(self, code: str, src: Source, key_path: tuple, message: str,
              allowed: str | None = None, suggestion: str | None = None) -> None:
        key = ".".join(str(k) for k in key_path)
        self.issues.append(RuleIssue(code, str(src.path), src.line(*key_path), key, message, allowed, suggestion))

    # ------------------------------------------------------------ parameters
    def _collect_parameters(self) -> None:
        for src in self.pack.parameters:
            for name, spec in src.model.parameters.items():
                if name in self.parameters:
                    first = self.parameters[name]
                    self.issue("E-NAME-DUPLICATE", src, ("parameters", name),
                               f"parameter '{name}' is already defined at {first.file}:{first.line}")
                    continue
                self.parameters[name] = CompiledParameter(name, spec, str(src.path), src.line("parameters", name))
                self._check_windows(name, spec, src)

    def _check_windows(self, name: str, spec: Parameter, src: Source) -> None:
        spans = sorted(((v.from_, v.to or _next_from(spec.values, v) or dt.date.max), i)
                       for i, v in enumerate(spec.values))
        for (start, end), i in spans:
            if end < start:
                self.issue("E-DATE-WINDOW", src, ("parameters", name, "values", i),
                           f"value from {start} ends on {end}, before it starts")
        for ((s1, e1), i), ((s2, _), j) in zip(spans, spans[1:]):
            if s2 <= e1:
                self.issue("E-PARAM-OVERLAP", src, ("parameters", name, "values", j),
                           f"'{name}': the value from {s2} overlaps the value from {s1} (in force until {e1})",
                           allowed="dated values that do not overlap; end the earlier one with `to:`")

    # ------------------------------------------------------------ names
    def _collect_definitions(self) -> None:
        seen: dict[str, str] = {}
        for src in self.pack.policies:
            for kind, items, store in (("variables", src.model.variables, self.var_specs),
                                       ("benefits", src.model.benefits, self.benefit_specs)):
                for name, spec in items.items():
                    if name in seen or self._is_column(name, spec.entity):
                        where = seen.get(name, "an input column")
                        self.issue("E-NAME-DUPLICATE", src, (kind, name), f"'{name}' is already defined ({where})")
                        continue
                    seen[name] = f"{src.path}:{src.line(kind, name)}"
                    store[name] = (spec, src)
        rule_ids: dict[str, str] = {}
        for name, (spec, src) in self.benefit_specs.items():
            for i, rule in enumerate(spec.rules):
                if rule.id in rule_ids:
                    self.issue("E-NAME-DUPLICATE", src, ("benefits", name, "rules", i, "id"),
                               f"rule id '{rule.id}' is already used at {rule_ids[rule.id]}")
                rule_ids[rule.id] = f"{src.path}:{src.line('benefits', name, 'rules', i)}"

    def _is_column(self, name: str, entity: str) -> bool:
        return name in self.pack.inputs.table_for(entity).columns

    def _scope(self) -> Scope:
        symbols: dict[str, dict[str, Symbol]] = {}
        for entity in ("household", "person"):
            table = self.pack.inputs.table_for(entity)
            symbols[entity] = {n: Symbol("column", entity, type_of(c.type, list(c.values or ())))
                               for n, c in table.columns.items()}
        for name, (spec, _) in self.var_specs.items():
            symbols[spec.entity][name] = Symbol("variable", spec.entity, type_of(spec.type, spec.values))
        params = {n: type_of(p.spec.type) for n, p in self.parameters.items()}
        benefits = {n: spec.entity for n, (spec, _) in self.benefit_specs.items()}
        return Scope(symbols, params, benefits)

    # ------------------------------------------------------------ expressions
    def _expr(self, source: Any, entity: str, scope: Scope, src: Source, key_path: tuple,
              expect: Type | None = None, owner: str | None = None) -> Node | None:
        try:
            node = check(source, entity, scope, expect)
        except ExprError as err:
            self.issue(err.code, src, key_path, f"{err.message} in `{source}`", err.allowed, err.suggestion)
            return None
        if owner:
            self.deps.setdefault(owner, set()).update(
                n.name if isinstance(n, Var) else n.benefit for n in walk(node) if isinstance(n, (Var, BenefitRef)))
        return node

    def _variable(self, name: str, spec: Variable, src: Source, scope: Scope) -> CompiledVariable | None:
        self.deps.setdefault(name, set())
        want = type_of(spec.type, spec.values)
        key = ("variables", name)
        if spec.formula is not None:
            node = self._expr(spec.formula, spec.entity, scope, src, key + ("formula",), want, name)
        else:
            node = self._cases(spec, src, scope, key, want, name)
        if node is None:
            return None
        return CompiledVariable(name, spec.entity, want, spec.label, node, spec.reference, str(src.path),
                                src.line(*key))

    def _cases(self, spec: Variable, src: Source, scope: Scope, key: tuple, want: Type, owner: str) -> Node | None:
        """A first-match decision table, compiled as nested if/else."""
        if spec.cases[-1].else_ is None or any(c.else_ is not None for c in spec.cases[:-1]):
            self.issue("E-SCHEMA", src, key + ("cases",), "a cases table ends with exactly one `else:`")
            return None
        result = self._outcome(spec.cases[-1].else_, spec, src, scope, key + ("cases", len(spec.cases) - 1, "else"),
                               want, owner)
        for i in range(len(spec.cases) - 2, -1, -1):
            case = spec.cases[i]
            cond = self._expr(case.when, spec.entity, scope, src, key + ("cases", i, "when"), BOOL, owner)
            then = self._outcome(case.then, spec, src, scope, key + ("cases", i, "then"), want, owner)
            if None in (cond, then, result):
                result = None
                continue
            result = IfElse(want, _entity(cond, then, result), cond, then, result)
        return result

    def _outcome(self, value: Any, spec: Variable, src: Source, scope: Scope, key: tuple, want: Type,
                 owner: str) -> Node | None:
        if spec.type == "enum" and isinstance(value, str) and value in (spec.values or ()):
            return Const(want, "scalar", value)   # a bare enum code reads as itself
        if spec.type == "enum" and isinstance(value, str) and value.isidentifier() \
                and value not in scope.symbols[spec.entity] and value != "as_of":
            self.issue("E-ENUM-VALUE", src, key, f"'{value}' is not a value of this variable",
                       ", ".join(spec.values), suggest(value, spec.values))
            return None
        return self._expr(value, spec.entity, scope, src, key, want, owner)

    def _benefit(self, name: str, spec: Benefit, src: Source, scope: Scope) -> CompiledBenefit | None:
        self.deps.setdefault(name, set())
        key = ("benefits", name)
        enrolled = None
        if spec.enrolled_when is not None:
            enrolled = self._expr(spec.enrolled_when, spec.entity, scope, src, key + ("enrolled_when",), BOOL, name)
        rules = [r for i, rule in enumerate(spec.rules)
                 if (r := self._rule(name, spec, rule, src, scope, key + ("rules", i)))]
        if len(rules) != len(spec.rules):
            return None
        rules.sort(key=lambda r: (r.priority, r.id))
        return CompiledBenefit(name, spec.entity, spec.label, spec.unit, spec.hit_policy, enrolled, rules,
                               spec.reference, str(src.path), src.line(*key))

    def _rule(self, benefit: str, spec: Benefit, rule: Rule, src: Source, scope: Scope,
              key: tuple) -> CompiledRule | None:
        if spec.hit_policy == HitPolicy.FIRST and rule.priority is None:
            self.issue("E-HIT-POLICY", src, key + ("id",),
                       f"rule '{rule.id}' needs a `priority` because benefit '{benefit}' uses hit policy `first`",
                       allowed="an integer; lower fires first")
        if rule.valid.from_ and rule.valid.to and rule.valid.to < rule.valid.from_:
            self.issue("E-DATE-WINDOW", src, key + ("valid",), f"rule '{rule.id}' ends on {rule.valid.to} "
                                                               f"before it starts on {rule.valid.from_}")
        conditions = [self._condition(c, spec.entity, scope, src, key + ("conditions", i), benefit)
                      for i, c in enumerate(rule.conditions)]
        amount = (Const(type_of("number"), "scalar", None) if rule.amount is None   # amount unknown, status still decided
                  else self._expr(rule.amount, spec.entity, scope, src, key + ("amount",), None, benefit))
        if amount is not None and amount.type.kind not in ("number", "bool"):
            self.issue("E-TYPE", src, key + ("amount",), f"an amount is a number, got {amount.type}")
            amount = None
        rate = None if rule.rate is None else self._expr(rule.rate, spec.entity, scope, src, key + ("rate",),
                                                        type_of("number"), benefit)
        if amount is None or None in conditions or (rule.rate is not None and rate is None):
            return None
        return CompiledRule(rule.id, benefit, rule.label, rule.reference, rule.valid.from_, rule.valid.to,
                            rule.priority if rule.priority is not None else 0, conditions, amount, rate,
                            str(src.path), src.line(*key), frozenset())

    def _condition(self, cond: Any, entity: str, scope: Scope, src: Source, key: tuple,
                   owner: str) -> CompiledCondition | None:
        if isinstance(cond, AnyOf):
            parts = [self._expr(c, entity, scope, src, key + ("any_of", i), BOOL, owner)
                     for i, c in enumerate(cond.any_of)]
            if None in parts:
                return None
            text = " or ".join(f"({c})" for c in cond.any_of)
            node = BoolOp(BOOL, _entity(*parts), "or", tuple(parts))
            return CompiledCondition(text, node, cond.label, src.line(*key), frozenset(), frozenset())
        text, label = (cond.when, cond.label) if isinstance(cond, Labeled) else (cond, None)
        node = self._expr(text, entity, scope, src, key, BOOL, owner)
        return None if node is None else CompiledCondition(str(text), node, label, src.line(*key),
                                                           frozenset(), frozenset())

    # ------------------------------------------------------------ order and lineage
    def _order(self) -> list[str]:
        try:
            sorter = TopologicalSorter()
            for name in sorted(self.deps):   # sorted: the order must not depend on hash seeds
                sorter.add(name, *sorted(self.deps[name]))
            return list(sorter.static_order())
        except CycleError as err:
            cycle = err.args[1]
            name = cycle[0]
            spec, src = self.var_specs.get(name) or self.benefit_specs[name]
            kind = "variables" if name in self.var_specs else "benefits"
            self.issue("E-CYCLE", src, (kind, name), "dependency cycle: " + " → ".join(cycle))
            return []

    def _propagate_inputs(self, order: list[str], variables: dict, benefits: dict) -> None:
        """Which input columns and parameters each variable, condition and rule reads (transitively)."""
        lineage: dict[str, tuple[frozenset, frozenset]] = {}

        def reads(node: Node) -> tuple[frozenset, frozenset]:
            cols, params = set(), set()
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

        for name in order:
            if name in variables:
                var = variables[name]
                var.inputs, var.params = lineage[name] = reads(var.node)
                continue
            benefit = benefits[name]
            all_cols, all_params = set(), set()
            for rule in benefit.rules:
                rule_params = set(reads(rule.amount)[1]) | (set(reads(rule.rate)[1]) if rule.rate else set())
                for cond in rule.conditions:
                    cond.inputs, cond.params = reads(cond.node)
                    rule_params |= cond.params
                    all_cols |= cond.inputs
                rule.params = frozenset(rule_params)
                all_params |= rule_params
            lineage[name] = (frozenset(all_cols), frozenset(all_params))

    # ------------------------------------------------------------ examples
    def _check_examples(self) -> None:
        """An example must name benefits, variables, people and columns that exist."""
        inputs = self.pack.inputs
        for src in self.pack.policies:
            for i, example in enumerate(src.model.examples):
                key = ("examples", i)
                self._known_keys(src, key + ("household",), example.household, inputs.households.columns)
                people = set()
                for j, member in enumerate(example.members):
                    self._known_keys(src, key + ("members", j), member, inputs.members.columns)
                    people.add(str(member.get("person_id")))
                for j, exp in enumerate(example.expect):
                    where = key + ("expect", j)
                    for kind, names in (("benefit", self.benefit_specs), ("variable", self.var_specs)):
                        value = getattr(exp, kind)
                        if value is not None and value not in names:
                            self.issue("E-EXAMPLE", src, where + (kind,), f"the example expects unknown {kind} "
                                       f"'{value}'", suggestion=suggest(value, names))
                    if exp.person is not None and exp.person not in people:
                        self.issue("E-EXAMPLE", src, where + ("person",), f"person '{exp.person}' is not among "
                                   "the example's members", ", ".join(sorted(people)), suggest(exp.person, people))

    def _known_keys(self, src: Source, key: tuple, record: dict, columns: dict) -> None:
        for name in record:
            if name not in columns:
                self.issue("E-EXAMPLE", src, key + (name,), f"'{name}' is not a register column",
                           suggestion=suggest(str(name), columns))

    # ------------------------------------------------------------ targets
    def _targets(self, scope: Scope) -> dict[str, CompiledTarget]:
        out = {}
        for src in self.pack.targets:
            for name, spec in src.model.targets.items():
                key = ("targets", name)
                pop = self._expr(spec.population, spec.entity, scope, src, key + ("population",), BOOL)
                ind = self._expr(spec.indicator, spec.entity, scope, src, key + ("indicator",), BOOL)
                if pop is not None and ind is not None:
                    out[name] = CompiledTarget(name, spec, pop, ind, str(src.path), src.line(*key))
        return out


def _share_subexpressions(variables: dict[str, CompiledVariable], benefits: dict[str, CompiledBenefit]) -> None:
    """One node per distinct subexpression across the whole pack (see `Shared`)."""
    share = Shared()
    for var in variables.values():
        var.node = share(var.node)
    for benefit in benefits.values():
        benefit.enrolled = share(benefit.enrolled)
        for rule in benefit.rules:
            rule.amount, rule.rate = share(rule.amount), share(rule.rate)
            for cond in rule.conditions:
                cond.node = share(cond.node)


def _entity(*nodes: Node) -> str:
    entities = {n.entity for n in nodes}
    return "person" if "person" in entities else "household" if "household" in entities else "scalar"


__all__ = ["Plan", "compile_pack", "CompiledBenefit", "CompiledRule", "CompiledVariable", "CompiledParameter",
           "CompiledCondition", "CompiledTarget", "AsOf"]
