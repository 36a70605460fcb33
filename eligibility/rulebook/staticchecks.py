"""Checks policy staff need that no single expression shows: ties, dead rules, parameter gaps.

* `E-PRIORITY-TIE` (error): two rules of a `first` benefit share a priority and their windows
  overlap, so which one pays would be decided by rule id, not by the law.
* `W-FIRST-SHADOWED` (warning): a rule of a `first` benefit can never fire, because a rule of
  higher priority, in force over its whole window, has a subset of its conditions (conditions are
  compared as compiled, after equal subexpressions were made one node; simple cases only).
* `W-PARAM-GAP` (warning): a parameter a rule reads has no value in force on some days of the
  rule's window; those decisions would be `undetermined` for want of a figure, not of data.
"""
from __future__ import annotations

import datetime as dt

from ..errors import Phrase, RuleIssue
from ..wording.catalogue import N_
from .load import Source
from .plan import CompiledBenefit, CompiledParameter, CompiledRule
from .schema import Benefit

DAY = dt.timedelta(days=1)


def _window(rule: CompiledRule) -> tuple[dt.date, dt.date]:
    return rule.valid_from or dt.date.min, rule.valid_to or dt.date.max


def _show(day: dt.date) -> dt.date | Phrase:
    """A day of a window (worded when shown: `errors.worded`), or `open` for an unbounded end."""
    return Phrase(N_("open")) if day in (dt.date.min, dt.date.max) else day


def check_first_benefits(benefits: dict[str, CompiledBenefit], benefit_specs: dict[str, tuple[Benefit, Source]]
                         ) -> tuple[list[RuleIssue], list[RuleIssue]]:
    errors: list[RuleIssue] = []
    warnings: list[RuleIssue] = []
    for name, benefit in benefits.items():
        if benefit.hit_policy != "first":
            continue
        spec, src = benefit_specs[name]
        position = {r.id: i for i, r in enumerate(spec.rules)}
        rules = benefit.rules                       # precedence order: priority, then id
        for i, later in enumerate(rules):
            key = ("benefits", name, "rules", position[later.id])
            for earlier in rules[:i]:
                if earlier.priority == later.priority and _overlap(earlier, later):
                    errors.append(RuleIssue(
                        "E-PRIORITY-TIE", str(src.path), src.line(*key, "priority") or later.line,
                        ".".join(map(str, key + ("priority",))),
                        Phrase(N_("rules '{first}' and '{second}' of '{benefit}' (hit policy first) both have "
                                  "priority {priority} and overlapping windows ({span} and {other}): the rule id "
                                  "would decide which one pays"), first=earlier.id, second=later.id, benefit=name,
                               priority=later.priority, span=_span(earlier), other=_span(later)),
                        allowed="different priorities, or windows that do not overlap"))
                elif earlier.priority < later.priority and _covers(earlier, later) and _subset(earlier, later):
                    warnings.append(RuleIssue(
                        "W-FIRST-SHADOWED", str(src.path), later.line, ".".join(map(str, key)),
                        Phrase(N_("rule '{rule}' can never fire: '{earlier}' (priority {priority}) is in force over "
                                  "its whole window and its conditions are a subset of '{rule}''s, so it always "
                                  "takes the case first"), rule=later.id, earlier=earlier.id,
                               priority=earlier.priority)))
                    break
    return errors, warnings


def _span(rule: CompiledRule) -> Phrase:
    start, end = _window(rule)
    return Phrase(N_("{start} – {end}"), start=_show(start), end=_show(end))


def _overlap(a: CompiledRule, b: CompiledRule) -> bool:
    (s1, e1), (s2, e2) = _window(a), _window(b)
    return s1 <= e2 and s2 <= e1


def _covers(a: CompiledRule, b: CompiledRule) -> bool:
    (s1, e1), (s2, e2) = _window(a), _window(b)
    return s1 <= s2 and e2 <= e1


def _subset(a: CompiledRule, b: CompiledRule) -> bool:
    mine = {id(c.node) for c in b.conditions}
    return all(id(c.node) in mine for c in a.conditions)


def check_parameter_gaps(benefits: dict[str, CompiledBenefit], parameters: dict[str, CompiledParameter]
                         ) -> list[RuleIssue]:
    """W-PARAM-GAP: for each rule with a start date, the days of its window a parameter it reads has no value."""
    warnings = []
    for benefit in benefits.values():
        for rule in benefit.rules:
            if rule.valid_from is None:
                continue            # no start: the rule's window is not stated, so no gap can be named
            start, end = _window(rule)
            for name in sorted(rule.params):
                gaps = _gaps(parameters[name], start, end)
                if gaps:
                    days = {f"gap{i}": Phrase(N_("{start} to {end}"), start=_show(a), end=_show(b))
                            for i, (a, b) in enumerate(gaps)}   # the template joins them: not for the catalogue
                    warnings.append(RuleIssue(
                        "W-PARAM-GAP", rule.file, rule.line, f"benefits.{benefit.id}.rules.{rule.id}",
                        Phrase(N_("parameter '{name}' has no value in force on {days}, inside the window of rule "
                                  "'{rule}' ({span}): decisions there would be undetermined"), name=name,
                               days=Phrase("; ".join("{" + k + "}" for k in days), **days), rule=rule.id,
                               span=_span(rule))))
    return warnings


def _gaps(parameter: CompiledParameter, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    spans = []
    for value in parameter.spec.values:
        later = sorted(v.from_ for v in parameter.spec.values if v.from_ > value.from_)
        stop = value.to or (later[0] - DAY if later else dt.date.max)
        spans.append((value.from_, stop))
    gaps, cursor = [], start
    for s, e in sorted(spans):
        if e < cursor:
            continue
        if s > cursor:
            gaps.append((cursor, min(s - DAY, end)))
        if e >= end:
            return [g for g in gaps if g[0] <= g[1] and g[0] <= end]
        cursor = e + DAY
        if cursor > end:
            break
    if cursor <= end:
        gaps.append((cursor, end))
    return [g for g in gaps if g[0] <= g[1] and g[0] <= end]
