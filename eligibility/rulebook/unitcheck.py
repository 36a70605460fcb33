"""Check units through the compiled pack: every comparison, sum, choice and benefit amount (E-UNIT).

Runs over the typed trees `compile.py` builds (nothing is evaluated). Units of variables are
inferred from their formulas, in dependency order; a number literal (`60`, `1.5`) takes the unit
its place needs, so only two *known* different units are ever a mistake.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import IN_EXPRESSION, Phrase
from ..wording.catalogue import N_
from .expressions import (Aggregate, Arith, BenefitRef, BoolOp, Call, Column, Compare, Const, FromHousehold, IfElse,
                          In, Neg, Node, Not, Param)
from .units import NUMBER, OPEN, VOCABULARY, Unit, benefit_unit, declared_unit, unit_suggestion

UNIT_INFERRED = N_("{n} parameters or columns declare no `unit:`, so their figures are not unit-checked "
                   "(declare VND/month, share, years, ...): {names}")

if TYPE_CHECKING:   # types only: the compiler imports this module while it builds these
    from ..errors import RuleIssue
    from .inputs import InputSchema
    from .load import RulePack, Source
    from .plan import CompiledBenefit, CompiledParameter, CompiledVariable
    from .schema import Benefit

VOCABULARY_NAMES = [n for n in VOCABULARY if n not in ('per year', 'percent')]

YEAR, MONTH, DAY = Unit.of({"year": 1}), Unit.of({"month": 1}), Unit.of({"day": 1})


class UnitError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UnitChecker:
    """Infers the unit of every node; raises UnitError at the first mismatch in one expression."""

    def __init__(self, columns: dict[tuple[str, str], Unit | None], params: dict[str, Unit | None],
                 benefits: dict[str, Unit]):
        self.columns, self.params, self.benefits = columns, params, benefits
        self.variables: dict[str, Unit | None] = {}
        self.memo: dict[int, Unit | None] = {}

    def unit(self, node: Node) -> Unit | None:
        """None: a number literal or anything without a fixed unit (it adapts to its place)."""
        key = id(node)
        if key not in self.memo:
            self.memo[key] = self._infer(node)
        return self.memo[key]

    def _infer(self, node: Node) -> Unit | None:
        if node.type.kind not in ("number",) and not isinstance(node, (Compare, BoolOp, Not, In, IfElse, Call)):
            return None
        if isinstance(node, Const):
            return None
        if isinstance(node, Column):
            return self.columns.get((node.entity, node.name), OPEN)
        if isinstance(node, Param):      # also ParamAt
            return self.params.get(node.name) or OPEN
        if isinstance(node, FromHousehold):
            return self.unit(node.inner)
        if isinstance(node, BenefitRef):
            return self.benefits.get(node.benefit) if node.what == "amount" else None
        if isinstance(node, Aggregate):
            return NUMBER if node.func == "count" else (self.unit(node.inner) if node.inner is not None else None)
        if isinstance(node, Neg):
            return self.unit(node.inner)
        if isinstance(node, Arith):
            return self._arith(node)
        if isinstance(node, Compare):
            self.same(self.unit(node.left), self.unit(node.right), f"compares {{}} with {{}} ('{node.op}')")
            return None
        if isinstance(node, (BoolOp, Not, In)):
            for child in (node.items if isinstance(node, BoolOp) else (node.inner,) if isinstance(node, Not)
                          else (node.item,)):
                self.unit(child)
            return None
        if isinstance(node, IfElse):
            self.unit(node.cond)
            return self.same(self.unit(node.then), self.unit(node.other), "both branches of a choice must have "
                                                                          "one unit, got {} and {}")
        if isinstance(node, Call):
            return self._call(node)
        return self.variables.get(getattr(node, "name", ""))   # Var

    def _arith(self, node: Arith) -> Unit | None:
        left, right = self.unit(node.left), self.unit(node.right)
        if node.op in ("+", "-"):
            return self.same(left, right, f"adds {{}} and {{}} ('{node.op}')")
        if node.op == "%":
            return left
        if left is None and right is None:
            return None
        if OPEN in (left, right):
            return OPEN
        if None in (left, right) and NUMBER in (left, right):
            return None     # `children * 100`: the written number may carry the unit (100 đồng a child)
        left, right = left or NUMBER, right or NUMBER
        return left.times(right, 1 if node.op == "*" else -1)

    def _call(self, node: Call) -> Unit | None:
        units = [self.unit(a) for a in node.args]
        if node.func == "years_between":
            return YEAR
        if node.func == "months_between":
            return MONTH
        if node.func == "days_between":
            return DAY
        if node.func in ("add_years", "add_months"):
            step = YEAR if node.func == "add_years" else MONTH
            if units[1] not in (None, NUMBER, OPEN, step):
                raise UnitError(f"{node.func}() adds a number of {step} to a date, got {units[1]}")
            return None
        if node.func in ("coalesce", "least", "greatest"):
            return self.same(units[0], units[1], f"{node.func}() needs one unit, got {{}} and {{}}")
        if node.func == "round":
            return units[0]
        return None

    @staticmethod
    def same(a: Unit | None, b: Unit | None, message: str) -> Unit | None:
        if OPEN in (a, b):
            return OPEN
        if a is not None and b is not None and a != b:
            raise UnitError(message.format(a, b))
        return a if a is not None else b

    def amount_fits(self, amount: Node, benefit_unit_name: str) -> tuple[str | None, bool]:
        """(why the rule's amount does not fit its benefit's unit, is it only a warning) or (None, False)."""
        got = self.unit(amount)
        want = benefit_unit(benefit_unit_name)
        if got in (None, OPEN) or got == want or benefit_unit_name == "status":
            return None, False
        per_period = all(e == -1 for b, e in got.powers if b != "VND")
        if want.is_money and got.is_money and per_period:
            # The law often sets a yearly or once-off sum as a multiple of a monthly standard
            # ("0.2 x the standard a year", "20 times the standard"): worth a look, not wrong.
            if benefit_unit_name in ("vnd_once", "loan"):
                return None, False
            return (Phrase(N_("the amount is in {got}, the benefit pays {want} (unit {unit}): a multiple of a "
                              "standard of another period?"), got=got, want=want, unit=benefit_unit_name), True)
        return Phrase(N_("the amount is in {got}, but the benefit pays {want} (unit {unit})"), got=got, want=want,
                      unit=benefit_unit_name), False


def column_units(inputs: InputSchema) -> tuple[dict[tuple[str, str], Unit | None], list[tuple[str, str, str, str]]]:
    """Units of the input columns, and (table, column, problem, kind) for each missing or unknown unit."""
    units: dict[tuple[str, str], Unit | None] = {}
    problems: list[tuple[str, str, str, str]] = []
    for entity in ("household", "person"):
        table = inputs.table_for(entity)
        for name, column in table.columns.items():
            if column.type not in ("int", "number", "money"):
                continue
            unit, problem = declared_unit(column.unit, column.type)
            units[(entity, name)] = unit or OPEN
            if problem:
                problems.append((table.table, name, problem, "warning" if column.unit is None else "error"))
    return units, problems


def parameter_units(parameters: dict[str, CompiledParameter]) -> tuple[dict[str, Unit | None],
                                                                      list[tuple[str, str, str]]]:
    """Units of the parameters, and (name, problem, kind) for each missing or unknown unit."""
    units: dict[str, Unit | None] = {}
    problems: list[tuple[str, str, str]] = []
    for name, param in parameters.items():
        if param.spec.type in ("list", "bool"):
            continue
        unit, problem = declared_unit(param.spec.unit, param.spec.type)
        units[name] = unit or OPEN
        if problem:
            problems.append((name, problem, "warning" if param.spec.unit is None else "error"))
    return units, problems


def money_not_whole(value: object, source_line: str | None) -> str | None:
    """Money is whole đồng: `100.000` (YAML's 100.0) is refused with what was probably meant."""
    if isinstance(value, bool) or not isinstance(value, float) or value != value or value in (float("inf"), -float("inf")):
        return None     # not a float, or not finite (another check reports that)
    written = (source_line or "").split("value:", 1)[-1].strip().split()[0] if source_line else repr(value)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", written):
        digits = written.replace(".", "")
        return (f"{written} is read as the number {value:g}, not {int(digits):,} đồng; money is a whole "
                f"number: write {digits} or {int(digits):_}")
    if value != int(value):
        return f"{written} is not a whole number of đồng"
    return f"{written} is written as a decimal; money is a whole number of đồng: write {int(value)}"


def check_units(pack: RulePack, parameters: dict[str, CompiledParameter], variables: dict[str, CompiledVariable],
                benefits: dict[str, CompiledBenefit], order: list[str],
                benefit_specs: dict[str, tuple[Benefit, Source]]) -> tuple[list[RuleIssue], list[RuleIssue]]:
    """(errors, warnings) as RuleIssues: unknown or missing units, money not whole, E-UNIT mismatches."""
    from ..errors import RuleIssue

    errors: list[RuleIssue] = []
    warnings: list[RuleIssue] = []
    _LINES.clear()            # the files may have changed since the last compile
    col_units, col_problems = column_units(pack.inputs)
    par_units, par_problems = parameter_units(parameters)
    inferred: list[str] = []
    for table, name, problem, kind in col_problems:
        path = pack.folder / "inputs" / f"{table}.yaml"
        if kind == "error":
            errors.append(RuleIssue("E-UNIT", str(path), None, f"columns.{name}.unit", problem,
                                    allowed=", ".join(VOCABULARY_NAMES), suggestion=_hint(problem)))
        else:
            inferred.append(name)
    for name, problem, kind in par_problems:
        p = parameters[name]
        if kind == "error":
            errors.append(RuleIssue("E-UNIT", p.file, p.line, f"parameters.{name}.unit", problem,
                                    allowed=", ".join(VOCABULARY_NAMES), suggestion=_hint(problem)))
        else:
            inferred.append(name)
    if inferred:
        warnings.append(RuleIssue(
            "W-UNIT-INFERRED", str(pack.folder), None, "unit",
            Phrase(UNIT_INFERRED, n=len(inferred), names=", ".join(sorted(inferred)))))
    errors += _money_values(parameters, par_units)
    checker = UnitChecker(col_units, par_units, {n: benefit_unit(b.unit) for n, b in benefits.items()})
    for name in order:
        if name in variables:
            var = variables[name]
            try:
                checker.variables[name] = checker.unit(var.node)
            except UnitError as err:
                checker.variables[name] = None
                errors.append(RuleIssue("E-UNIT", var.file, var.line, f"variables.{name}", err.message))
        elif name in benefits:
            spec, src = benefit_specs[name]
            errors += _benefit_units(checker, benefits[name], spec, src, warnings)
    return errors, warnings


def _benefit_units(checker: UnitChecker, benefit: CompiledBenefit, spec: Benefit, src: Source,
                   warnings: list[RuleIssue]) -> list[RuleIssue]:
    from ..errors import RuleIssue

    out: list[RuleIssue] = []
    position = {r.id: i for i, r in enumerate(spec.rules)}
    for rule in benefit.rules:
        path = ("benefits", benefit.id, "rules", position[rule.id])
        key = ".".join(map(str, path))
        for j, cond in enumerate(rule.conditions):
            try:
                checker.unit(cond.node)
            except UnitError as err:
                out.append(RuleIssue("E-UNIT", rule.file, cond.line or rule.line, f"{key}.conditions.{j}",
                                     Phrase(IN_EXPRESSION, message=err.message, source=cond.text)))
        try:
            problem, only_warning = checker.amount_fits(rule.amount, benefit.unit)
        except UnitError as err:
            problem, only_warning = err.message, False
        if problem:
            issue = RuleIssue("W-UNIT-PERIOD" if only_warning else "E-UNIT", rule.file,
                              src.line(*path, "amount") or rule.line, f"{key}.amount",
                              Phrase(N_("rule '{rule}': {problem}"), rule=rule.id, problem=problem))
            (warnings if only_warning else out).append(issue)
    return out


def _money_values(parameters: dict[str, CompiledParameter], units: dict[str, Unit | None]) -> list[RuleIssue]:
    from ..errors import RuleIssue

    out: list[RuleIssue] = []
    for name, p in parameters.items():
        unit = units.get(name)
        if not (unit.is_money if unit not in (None, OPEN) else p.spec.type == "money"):
            continue
        lines = _file_lines(p.file)
        for i, value in enumerate(p.spec.values):
            line = _value_line(lines, p.line, i)
            problem = money_not_whole(value.value, lines[line - 1] if line else None)
            if problem:
                meant = re.search(r"write (\d+)", problem)
                out.append(RuleIssue("E-MONEY", p.file, line, f"parameters.{name}.values.{i}.value", problem,
                                     allowed="a whole number of đồng, e.g. 100000 or 100_000",
                                     suggestion=meant.group(1) if meant else None))
    return out


_LINES: dict[str, list[str]] = {}


def _file_lines(path: str) -> list[str]:
    if path not in _LINES:
        from pathlib import Path

        _LINES[path] = Path(path).read_text(encoding="utf-8").splitlines()
    return _LINES[path]


def _value_line(lines: list[str], start: int | None, index: int) -> int | None:
    """The line of the parameter's `index`-th `value:` (counting from its declaration)."""
    seen = -1
    for number in range((start or 1), len(lines) + 1):
        if lines[number - 1].strip().startswith("value:"):
            seen += 1
            if seen == index:
                return number
    return None


def _hint(problem: str) -> str | None:
    found = re.search(r"unknown unit '(.+)'", problem)
    return unit_suggestion(found.group(1)) if found else None
