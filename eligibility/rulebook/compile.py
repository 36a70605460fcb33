"""Compile a validated rule pack into a `Plan`: typed expression trees in dependency order.

Every expression is checked against the declared inputs, variables, benefits and parameters;
every problem is collected (file:line, key, allowed, did-you-mean) and raised at once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

from ..errors import IN_EXPRESSION, Phrase, RuleErrors, RuleIssue
from ..suggestions import suggest
from ..vocabulary import HitPolicy
from .bounds import allowed as bounds_allowed
from .bounds import value_problem
from .expressions import (BOOL, AsOf, BenefitRef, BoolOp, Const, ExprError, IfElse, Node, Scope, Symbol,
                          Type, Var, check, type_of, walk)
from .lineage import share_subexpressions, with_lineage
from .load import RulePack, Source, load_pack
from .plan import (CompiledBenefit, CompiledCondition, CompiledParameter, CompiledRule, CompiledTarget,
                   CompiledVariable, Plan, next_from)
from .schema import AnyOf, Benefit, Labeled, Parameter, Rule, Variable
from .staticchecks import check_first_benefits, check_parameter_gaps
from .unitcheck import check_units
from .wordings import glossary_of, word_conditions

ENTITY_TABLE = {"household": "households", "person": "members"}
KeyPath = tuple[str | int, ...]   # where in a rule file: keys and list positions, as `Source.line` reads them


def compile_pack(rules_dir: str | Path | None = None) -> Plan:
    """Load, validate and compile a rule pack; raise RuleErrors listing every problem."""
    return _Compiler(load_pack(rules_dir, lenient=True)).run()


class _Compiler:
    def __init__(self, pack: RulePack):
        self.pack = pack
        self.issues: list[RuleIssue] = list(pack.issues)   # schema errors of files left out
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
        unit_errors, warnings = check_units(self.pack, self.parameters, variables, benefits, order, self.benefit_specs)
        self.issues += unit_errors
        if self.issues:
            raise RuleErrors(sorted(_not_caused_by_broken_files(self.issues, self.pack.broken_names), key=_where))
        variables, benefits = with_lineage(order, variables, benefits)
        variables, benefits = share_subexpressions(variables, benefits)
        tie_errors, first_warnings = check_first_benefits(benefits, self.benefit_specs)
        if tie_errors:
            raise RuleErrors(sorted(tie_errors, key=_where))
        benefits, unworded = word_conditions(benefits, glossary_of(self.pack.inputs, variables, self.parameters, benefits))
        warnings = sorted(warnings + first_warnings + check_parameter_gaps(benefits, self.parameters) + unworded,
                          key=_where)
        examples = tuple((src, i, ex) for src in self.pack.policies for i, ex in enumerate(src.model.examples))
        deps = {name: frozenset(self.deps.get(name, ())) for name in order}
        return Plan(folder=self.pack.folder, digest=self.pack.digest, inputs=self.pack.inputs,
                    parameters=self.parameters, order=tuple(order), deps=deps, variables=variables,
                    benefits=benefits, targets=targets, examples=examples, warnings=tuple(warnings))

    def issue(self, code: str, src: Source, key_path: KeyPath, message: str,
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
                self.parameters[name] = CompiledParameter(name=name, spec=spec, file=str(src.path),
                                                          line=src.line("parameters", name))
                self._check_windows(name, spec, src)
                for i, dated in enumerate(spec.values):
                    if problem := value_problem(dated.value, spec.type):
                        self.issue("E-RANGE", src, ("parameters", name, "values", i, "value"),
                                   f"'{name}': {problem}", allowed=bounds_allowed(spec.type))

    def _check_windows(self, name: str, spec: Parameter, src: Source) -> None:
        spans = sorted(((v.from_, v.to or next_from(spec.values, v) or dt.date.max), i)
                       for i, v in enumerate(spec.values))
        for (start, end), i in spans:
            if end < start:
                self.issue("E-DATE-WINDOW", src, ("parameters", name, "values", i),
                           f"value from {start} ends on {end}, before it starts")
        for ((s1, e1), _), ((s2, _), j) in zip(spans, spans[1:]):
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
        benefits: dict[str, str] = {n: spec.entity for n, (spec, _) in self.benefit_specs.items()}
        return Scope(symbols, params, benefits)

    # ------------------------------------------------------------ expressions
    def _expr(self, source: Any, entity: str, scope: Scope, src: Source, key_path: KeyPath,
              expect: Type | None = None, owner: str | None = None) -> Node | None:
        try:
            node = check(source, entity, scope, expect)
        except ExprError as err:
            self.issue(err.code, src, key_path, Phrase(IN_EXPRESSION, message=err.message, source=source), err.allowed,
                       err.suggestion)
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
        return CompiledVariable(name=name, entity=spec.entity, type=want, label=spec.label, node=node,
                                reference=spec.reference, file=str(src.path), line=src.line(*key))

    def _cases(self, spec: Variable, src: Source, scope: Scope, key: KeyPath, want: Type, owner: str) -> Node | None:
        """A first-match decision table, compiled as nested if/else."""
        cases = spec.cases or []              # the schema guarantees cases where there is no formula
        if cases[-1].else_ is None or any(c.else_ is not None for c in cases[:-1]):
            self.issue("E-SCHEMA", src, key + ("cases",), "a cases table ends with exactly one `else:`")
            return None
        result = self._outcome(cases[-1].else_, spec, src, scope, key + ("cases", len(cases) - 1, "else"),
                               want, owner)
        for i in range(len(cases) - 2, -1, -1):
            case = cases[i]
            cond = self._expr(case.when, spec.entity, scope, src, key + ("cases", i, "when"), BOOL, owner)
            then = self._outcome(case.then, spec, src, scope, key + ("cases", i, "then"), want, owner)
            if cond is None or then is None or result is None:
                result = None
                continue
            result = IfElse(want, _entity(cond, then, result), cond, then, result)
        return result

    def _outcome(self, value: Any, spec: Variable, src: Source, scope: Scope, key: KeyPath, want: Type,
                 owner: str) -> Node | None:
        if spec.type == "enum" and isinstance(value, str) and value in (spec.values or ()):
            return Const(want, "scalar", value)   # a bare enum code reads as itself
        if spec.type == "enum" and isinstance(value, str) and value.isidentifier() \
                and value not in scope.symbols[spec.entity] and value != "as_of":
            values = spec.values or []
            self.issue("E-ENUM-VALUE", src, key, f"'{value}' is not a value of this variable",
                       ", ".join(values), suggest(value, values))
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
        period = (spec.period.from_, spec.period.to)
        if period[0] and period[1] and period[1] < period[0]:
            self.issue("E-DATE-WINDOW", src, key + ("period",), f"benefit '{name}': period ends on {period[1]} "
                                                                f"before it starts on {period[0]}")
        rules = [replace(rule, period=period) for rule in rules]   # outside the period no rule is in force
        level = spec.enrolled_from.level if spec.enrolled_from is not None else None
        for param in ([level.per] if level and level.per else []) + (level.worth if level else []):
            if param not in self.parameters:   # read by the audit (audit/coverage.py), not by an expression
                self.issue("E-PARAM-UNKNOWN", src, key + ("enrolled_from",),
                           f"benefit '{name}': unknown parameter '{param}' in `enrolled_from.level`")
        return CompiledBenefit(id=name, entity=spec.entity, label=spec.label, unit=spec.unit,
                               hit_policy=spec.hit_policy, enrolled=enrolled, rules=tuple(rules),
                               reference=spec.reference, file=str(src.path), line=src.line(*key), period=period,
                               enrolled_from=spec.enrolled_from)

    def _rule(self, benefit: str, spec: Benefit, rule: Rule, src: Source, scope: Scope,
              key: KeyPath) -> CompiledRule | None:
        if spec.hit_policy == HitPolicy.FIRST and rule.priority is None:
            self.issue("E-HIT-POLICY", src, key + ("id",),
                       f"rule '{rule.id}' needs a `priority` because benefit '{benefit}' uses hit policy `first`",
                       allowed="an integer; lower fires first")
        if rule.valid.from_ and rule.valid.to and rule.valid.to < rule.valid.from_:
            self.issue("E-DATE-WINDOW", src, key + ("valid",), f"rule '{rule.id}' ends on {rule.valid.to} "
                                                               f"before it starts on {rule.valid.from_}")
        for field, kind in (("amount", "money" if spec.unit.startswith("vnd") or spec.unit == "loan" else "number"), ("rate", "rate")):
            if problem := value_problem(getattr(rule, field), kind):
                self.issue("E-RANGE", src, key + (field,), f"rule '{rule.id}': {problem}", allowed=bounds_allowed(kind))
        conditions = [self._condition(c, spec.entity, scope, src, key + ("conditions", i), benefit)
                      for i, c in enumerate(rule.conditions)]
        amount = (Const(type_of("number"), "scalar", None) if rule.amount is None   # amount unknown, status still decided
                  else self._expr(rule.amount, spec.entity, scope, src, key + ("amount",), None, benefit))
        if amount is not None and amount.type.kind not in ("number", "bool"):
            self.issue("E-TYPE", src, key + ("amount",), f"an amount is a number, got {amount.type}")
            amount = None
        rate = None if rule.rate is None else self._expr(rule.rate, spec.entity, scope, src, key + ("rate",),
                                                        type_of("number"), benefit)
        compiled = tuple(c for c in conditions if c is not None)
        if amount is None or len(compiled) != len(conditions) or (rule.rate is not None and rate is None):
            return None
        return CompiledRule(id=rule.id, benefit=benefit, label=rule.label, reference=rule.reference,
                            valid_from=rule.valid.from_, valid_to=rule.valid.to,
                            priority=rule.priority if rule.priority is not None else 0, conditions=compiled,
                            amount=amount, rate=rate, file=str(src.path), line=src.line(*key))

    def _condition(self, cond: Any, entity: str, scope: Scope, src: Source, key: KeyPath,
                   owner: str) -> CompiledCondition | None:
        if isinstance(cond, AnyOf):
            found = [self._expr(c, entity, scope, src, key + ("any_of", i), BOOL, owner)
                     for i, c in enumerate(cond.any_of)]
            parts = tuple(p for p in found if p is not None)
            if len(parts) != len(found):
                return None
            text = " or ".join(f"({c})" for c in cond.any_of)
            return CompiledCondition(text=text, node=BoolOp(BOOL, _entity(*parts), "or", parts), label=cond.label,
                                     line=src.line(*key))
        text, label = (cond.when, cond.label) if isinstance(cond, Labeled) else (cond, None)
        expr = self._expr(text, entity, scope, src, key, BOOL, owner)
        return None if expr is None else CompiledCondition(text=str(text), node=expr, label=label,
                                                           line=src.line(*key))

    # ------------------------------------------------------------ order and lineage
    def _order(self) -> list[str]:
        try:
            sorter: TopologicalSorter[str] = TopologicalSorter()
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

    def _known_keys(self, src: Source, key: KeyPath, record: dict[str, Any], columns: dict[str, Any]) -> None:
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
                    out[name] = CompiledTarget(id=name, spec=spec, population=pop, indicator=ind, file=str(src.path),
                                               line=src.line(*key))
        return out


def _not_caused_by_broken_files(issues: list[RuleIssue], broken: set[str]) -> list[RuleIssue]:
    """A name unknown only because the file declaring it failed the schema is that file's error, not a new one."""
    if not broken:
        return issues
    quoted = {f"'{name}'" for name in broken}
    return [i for i in issues if not (i.code in ("E-NAME-UNKNOWN", "E-PARAM-UNKNOWN", "E-EXAMPLE")
                                      and any(q in i.message for q in quoted))]


def _where(issue: RuleIssue) -> tuple[str, int, str]:
    return issue.file, issue.line or 0, issue.key


def _entity(*nodes: Node) -> str:
    entities = {n.entity for n in nodes}
    return "person" if "person" in entities else "household" if "household" in entities else "scalar"


__all__ = ["Plan", "compile_pack", "CompiledBenefit", "CompiledRule", "CompiledVariable", "CompiledParameter",
           "CompiledCondition", "CompiledTarget", "AsOf"]
