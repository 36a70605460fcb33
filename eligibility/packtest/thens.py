"""The scenario steps that check a decision (`Then`): each finds the decision a scenario names and
raises `Mismatch` (expected, actual) when it does not hold.

The phrases that call these are the table in `steps.py`.
"""
from __future__ import annotations

import pandas as pd

from ..errors import say
from ..suggestions import fold, suggest
from ..vocabulary import Coverage, Status
from ..wording.catalogue import N_
from .figures import parse_figure, same_figure
from .givens import Case, StepError
from ..messages import language as _lang
from .words import allowed, coverage_word, figure, hint, money_words, rate_words, show_row, status_word


STATUS_WORDS = {"đủ điều kiện": "eligible", "không đủ điều kiện": "not_eligible", "chưa xác định": "undetermined",
                "eligible": "eligible", "not eligible": "not_eligible", "not_eligible": "not_eligible",
                "undetermined": "undetermined",
                # the catalogue's words for each status, in both languages
                **{word.label(lang).lower(): word.value for word in Status for lang in ("vi", "en")}}
COVERAGE_WORDS = {"bỏ sót": "gap", "hưởng sai": "leakage", "đã hưởng": "covered", "thiếu dữ liệu": "needs_data",
                  "gap": "gap", "leakage": "leakage", "covered": "covered", "needs data": "needs_data",
                  "needs_data": "needs_data",
                  # every coverage (the auditor's too): the code and the catalogue's English and Vietnamese label
                  **{spelling.lower(): word.value for word in list(Coverage)[1:]
                     for spelling in (word.value, word.label("en"), word.label("vi"))}}


class Mismatch(AssertionError):
    """A `Then` step that does not hold: what the scenario expected and what the pack decided."""

    def __init__(self, expected: str, actual: str):
        super().__init__(f"expected {expected}; got {actual}")
        self.expected, self.actual = expected, actual



# ---------------------------------------------------------------- Then
def benefit_id(plan, text: str) -> str:
    if text in plan.benefits:
        return text
    for name, b in plan.benefits.items():
        if fold(text) in (fold(b.label.vi), fold(b.label.en)):
            return name
    found = suggest(text, list(plan.benefits) + [b.label.vi for b in plan.benefits.values()])
    raise StepError(say(N_("no benefit '{name}'"), name=text) + hint(found))


def decision(case: Case, who: str, benefit: str, rule: str | None = None):
    from .batch import Decisions

    name = benefit_id(case.plan, benefit)
    case.result = Decisions.of(case.result)
    column = "person_id" if case.plan.benefits[name].entity == "person" else "household_id"
    rows = [r for r in case.result.find(name) if r[column] == who]
    if rule is not None and any(rule in str(r["rule"]).split("+") for r in rows):
        rows = [r for r in rows if rule in str(r["rule"]).split("+")]
    if not rows:
        raise Mismatch(say(N_("a decision on '{benefit}' for '{who}'"), benefit=name, who=who),
                       say(N_("no such decision (is the id right?)")))
    return rows[0]


def expect(condition: bool, expected: str, row, shown: str = "") -> None:
    if not condition:
        raise Mismatch(expected, shown + show_row(row))


def then_eligible(case, table, who, benefit):
    row = decision(case, who, benefit)
    expect(row["status"] == "eligible", Status.ELIGIBLE.label(_lang()), row)


def then_eligible_amount(case, table, who, benefit, amount):
    row = decision(case, who, benefit)
    want = parse_figure(amount)
    expect(row["status"] == "eligible" and same_figure(row["amount"], want),
           say(N_("eligible with {amount}"), amount=figure(want, row.get("unit"))), row)


def then_eligible_amount_unknown(case, table, who, benefit):
    row = decision(case, who, benefit)
    expect(row["status"] == "eligible" and _blank(row["amount"]), say(N_("eligible, amount not known")), row)


def _blank(value) -> bool:
    return value is None or bool(pd.isna(value))


def then_not_eligible(case, table, who, benefit):
    row = decision(case, who, benefit)
    expect(row["status"] == "not_eligible", Status.NOT_ELIGIBLE.label(_lang()), row)


def then_undetermined(case, table, who, benefit, inputs):
    row = decision(case, who, benefit)
    expect(row["status"] == "undetermined", say(N_("undetermined because {inputs} is missing"), inputs=inputs), row)
    for name in inputs.split(","):
        expect(name.strip() in str(row["missing_inputs"] or ""),
               say(N_("'{name}' among the missing inputs"), name=name.strip()), row)


def then_rule(case, table, who, benefit, rule):
    row = decision(case, who, benefit, rule)
    # A benefit that adds several rules (hit policy sum) names them joined by '+': any one of them matches.
    expect(row["status"] == "eligible" and rule in str(row["rule"]).split("+"),
           say(N_("eligible under rule '{rule}'"), rule=rule), row)


def then_status(case, table, benefit, who, status):
    """The status alone, for Scenario Outlines whose rows fall on both sides of a threshold."""
    row = decision(case, who, benefit)
    want = STATUS_WORDS.get(status.strip().lower())
    if want is None:
        raise StepError(say(N_("'{status}' is not a status (allowed: {allowed})"), status=status,
                            allowed=allowed(STATUS_WORDS, Status)))
    expect(row["status"] == want, status_word(want), row)


def then_coverage(case, table, who, coverage, benefit):
    row = decision(case, who, benefit)
    want = COVERAGE_WORDS.get(coverage.strip().lower())
    if want is None:
        raise StepError(say(N_("'{coverage}' is not a coverage (allowed: {allowed})"), coverage=coverage,
                            allowed=allowed(COVERAGE_WORDS, list(Coverage)[1:])))
    expect(row["coverage"] == want, say(N_("coverage {coverage}"), coverage=coverage_word(want)), row)


def then_finding(case, table, who, finding, benefit, money):
    """An audit finding of the programme lists, with its money (VND, as the finding carries it)."""
    from .batch import Decisions

    want = COVERAGE_WORDS.get(finding.strip().lower())
    if want is None:
        raise StepError(say(N_("'{finding}' is not an audit word (allowed: {allowed})"), finding=finding,
                            allowed=allowed(COVERAGE_WORDS, list(Coverage)[1:])))
    name = benefit_id(case.plan, benefit)
    case.result = Decisions.of(case.result)
    rows = [r for r in getattr(case.result, "findings", []) if r["finding"] == want and r["programme"] == name
            and who in (r.get("person_id"), r.get("name"))]
    wanted = parse_figure(money)
    shown = "; ".join(say(N_("{finding} {who} money={money}"), finding=coverage_word(r["finding"]),
                          who=r.get("person_id") or r.get("name"), money=money_words(r["money"]))
                      for r in getattr(case.result, "findings", [])) or say(N_("no findings"))
    if not any(same_figure(r["money"], wanted) for r in rows):
        raise Mismatch(say(N_("'{who}' {finding} on '{benefit}', money {money}"), who=who,
                           finding=coverage_word(want), benefit=name, money=money_words(wanted)), shown)


def then_rate(case, table, benefit, who, rate):
    row = decision(case, who, benefit)
    want = parse_figure(rate)
    expect(row["status"] == "eligible" and same_figure(row["rate"], want),
           say(N_("eligible at a yearly rate of {rate}"), rate=f"{want:f}" if _lang() == "en" else rate_words(want)),
           row, say(N_("rate={rate} "), rate=rate_words(row["rate"])))
