"""The scenario steps that check a decision (`Then`): each finds the decision a scenario names and
raises `Mismatch` (expected, actual) when it does not hold.

The phrases that call these are the table in `steps.py`.
"""
from __future__ import annotations

import pandas as pd

from ..suggestions import fold, suggest
from ..vocabulary import Coverage, Status
from .figures import parse_figure, same_figure, show_figure
from .givens import Case, StepError


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
    hint = suggest(text, list(plan.benefits) + [b.label.vi for b in plan.benefits.values()])
    raise StepError(f"no benefit '{text}'" + (f"; did you mean '{hint}'?" if hint else ""))


def decision(case: Case, who: str, benefit: str, rule: str | None = None):
    from .batch import Decisions

    name = benefit_id(case.plan, benefit)
    case.result = Decisions.of(case.result)
    column = "person_id" if case.plan.benefits[name].entity == "person" else "household_id"
    rows = [r for r in case.result.find(name) if r[column] == who]
    if rule is not None and any(rule in str(r["rule"]).split("+") for r in rows):
        rows = [r for r in rows if rule in str(r["rule"]).split("+")]
    if not rows:
        raise Mismatch(f"a decision on '{name}' for '{who}'", "no such decision (is the id right?)")
    return rows[0]


def show(row) -> str:
    unit = row.get("unit")
    text = (f"status={row['status']} amount={show_figure(row['amount'], unit)} rule={row['rule'] or ''} "
            f"coverage={row['coverage']} missing={row['missing_inputs'] or ''!r}")
    if row.get("amount_is_minimum"):
        text += " (amount is a minimum)"
    return text + f" explanation={row['explanation']!r}"


def expect(condition: bool, expected: str, row, shown: str = "") -> None:
    if not condition:
        raise Mismatch(expected, shown + show(row))


def then_eligible(case, table, who, benefit):
    row = decision(case, who, benefit)
    expect(row["status"] == "eligible", "eligible", row)


def then_eligible_amount(case, table, who, benefit, amount):
    row = decision(case, who, benefit)
    want = parse_figure(amount)
    expect(row["status"] == "eligible" and same_figure(row["amount"], want),
           f"eligible with {show_figure(want, row.get('unit'))}", row)


def then_eligible_amount_unknown(case, table, who, benefit):
    row = decision(case, who, benefit)
    expect(row["status"] == "eligible" and _blank(row["amount"]), "eligible, amount not known", row)


def _blank(value) -> bool:
    return value is None or bool(pd.isna(value))


def then_not_eligible(case, table, who, benefit):
    row = decision(case, who, benefit)
    expect(row["status"] == "not_eligible", "not eligible", row)


def then_undetermined(case, table, who, benefit, inputs):
    row = decision(case, who, benefit)
    expect(row["status"] == "undetermined", f"undetermined because {inputs} is missing", row)
    for name in inputs.split(","):
        expect(name.strip() in str(row["missing_inputs"] or ""), f"'{name.strip()}' among the missing inputs", row)


def then_rule(case, table, who, benefit, rule):
    row = decision(case, who, benefit, rule)
    # A benefit that adds several rules (hit policy sum) names them joined by '+': any one of them matches.
    expect(row["status"] == "eligible" and rule in str(row["rule"]).split("+"), f"eligible under rule '{rule}'", row)


def then_status(case, table, benefit, who, status):
    """The status alone, for Scenario Outlines whose rows fall on both sides of a threshold."""
    row = decision(case, who, benefit)
    want = STATUS_WORDS.get(status.strip().lower())
    if want is None:
        raise StepError(f"'{status}' is not a status (allowed: {', '.join(STATUS_WORDS)})")
    expect(row["status"] == want, want, row)


def then_coverage(case, table, who, coverage, benefit):
    row = decision(case, who, benefit)
    want = COVERAGE_WORDS.get(coverage.strip().lower())
    if want is None:
        raise StepError(f"'{coverage}' is not a coverage (allowed: {', '.join(COVERAGE_WORDS)})")
    expect(row["coverage"] == want, f"coverage {want}", row)


def then_finding(case, table, who, finding, benefit, money):
    """An audit finding of the programme lists, with its money (VND, as the finding carries it)."""
    from .batch import Decisions

    want = COVERAGE_WORDS.get(finding.strip().lower())
    if want is None:
        raise StepError(f"'{finding}' is not an audit word (allowed: {', '.join(COVERAGE_WORDS)})")
    name = benefit_id(case.plan, benefit)
    case.result = Decisions.of(case.result)
    rows = [r for r in getattr(case.result, "findings", []) if r["finding"] == want and r["programme"] == name
            and who in (r.get("person_id"), r.get("name"))]
    figure = parse_figure(money)
    shown = "; ".join(f"{r['finding']} {r.get('person_id') or r.get('name')} money={show_figure(r['money'])}"
                      for r in getattr(case.result, "findings", [])) or "no findings"
    if not any(same_figure(r["money"], figure) for r in rows):
        raise Mismatch(f"'{who}' {want} on '{name}', money {show_figure(figure)}", shown)


def then_rate(case, table, benefit, who, rate):
    row = decision(case, who, benefit)
    want = parse_figure(rate)
    expect(row["status"] == "eligible" and same_figure(row["rate"], want), f"eligible at a yearly rate of {want:f}",
           row, f"rate={show_figure(row['rate'])} ")
