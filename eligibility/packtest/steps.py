"""The scenario phrases (English and Vietnamese) and what each one does, in one table.

Two runners use this table: pytest-bdd (`scenarios/conftest.py`, for `make test`) and the batch
runner of `eligibility test` (`packtest/scenarios.py`), which screens every scenario of one date
together. A `Given` step fills the case; a `When` step asks for a screening; a `Then` step checks
one decision and raises `Mismatch` (expected, actual) when it does not hold. The phrases are
listed in scenarios/README.md so policy staff can write new scenarios without code.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable

import pandas as pd

from ..suggestions import fold, suggest
from ..vocabulary import Coverage, Status
from .figures import parse_figure, same_figure, show_figure

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
TRUE_WORDS = {"co", "yes", "true", "x", "1", "dung"}
FALSE_WORDS = {"khong", "no", "false", "0", "-", "sai"}


class Mismatch(AssertionError):
    """A `Then` step that does not hold: what the scenario expected and what the pack decided."""

    def __init__(self, expected: str, actual: str):
        super().__init__(f"expected {expected}; got {actual}")
        self.expected, self.actual = expected, actual


class StepError(ValueError):
    """A step the runner cannot carry out (unknown column, benefit, value): the scenario's mistake."""


@dataclass
class Case:
    """One scenario's state. Several households may be described: the last one is the current one."""

    plan: Any
    households: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    as_of: dt.date | None = None
    result: object = None            # the screening's decisions: a DataFrame, or `batch.Decisions`
    use_unverified: bool = False     # every screening of the scenario uses values graded D
    unverified_once: bool = False    # the next screening only ("... with unverified figures")
    lists: list[dict] = field(default_factory=list)   # entries of the programmes' lists (programme_lists)
    merit: list[dict] = field(default_factory=list)   # meritorious records (merit_records)

    def unverified_now(self) -> bool:
        """Whether the screening being made uses values graded D (the one-off flag is used up)."""
        use, self.unverified_once = self.use_unverified or self.unverified_once, False
        return use

    def current(self) -> dict:
        if not self.households:
            raise StepError("describe a household first (Given a household ... / Cho hộ ...)")
        return self.households[-1]


# ---------------------------------------------------------------- values as staff write them
def parse_date(text: str) -> dt.date:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise StepError(f"'{text}' is not a date (dd/mm/yyyy or yyyy-mm-dd)")


_COLUMN_INDEX: dict = {}


def column_name(plan, table: str, name: str) -> str:
    """A column named by its code, its vi or en label or an alias (without case or accents)."""
    columns = getattr(plan.inputs, table).columns      # households, members, programme_lists
    key = (id(plan.inputs), table)
    if key not in _COLUMN_INDEX:
        index = {}
        for code, spec in reversed(list(columns.items())):   # the first declared wins, as before
            for spelling in (code, spec.label.vi, spec.label.en, *spec.aliases):
                index[fold(spelling)] = code
        _COLUMN_INDEX[key] = (plan.inputs, index)      # the schema kept alive so its id stays unique
    found = _COLUMN_INDEX[key][1].get(fold(name))
    if found is None:
        hint = suggest(name, list(columns))
        raise StepError(f"no {table} column '{name}'" + (f"; did you mean '{hint}'?" if hint else ""))
    return found


def cell(plan, table: str, name: str, text: str):
    spec = getattr(plan.inputs, table).columns[name]
    text = str(text).strip()
    if text == "":
        return None
    if spec.type == "bool":
        if fold(text) not in TRUE_WORDS | FALSE_WORDS:
            raise StepError(f"'{text}' is not a yes/no value of {name} (có/không, yes/no)")
        return fold(text) in TRUE_WORDS
    if spec.type == "date":
        return parse_date(text)
    if spec.type in ("money", "int"):
        return int(parse_figure(text))
    if spec.type == "number":
        return float(text.replace(",", "."))
    if spec.type == "enum":
        for code, value in (spec.values or {}).items():
            if fold(text) in {fold(code), fold(value.vi), fold(value.en), *map(fold, value.aliases)}:
                return code
        raise StepError(f"'{text}' is not a value of {name}")
    return text


def fields(plan, table: str, rows) -> dict:
    return {column_name(plan, table, r[0]): cell(plan, table, column_name(plan, table, r[0]), r[1]) for r in rows}


# ---------------------------------------------------------------- Given
def add_household(case: Case, record: dict) -> None:
    if any(h["household_id"] == record["household_id"] for h in case.households):
        raise StepError(f"household '{record['household_id']}' is described twice")
    case.households.append(record)


def add_member(case: Case, record: dict) -> None:
    if any(m["person_id"] == record["person_id"] for m in case.members):
        raise StepError(f"member '{record['person_id']}' is described twice (member ids must differ across "
                        "households too)")
    case.members.append({"household_id": case.current()["household_id"], **record})


def given_date(case, table, day):
    case.as_of = parse_date(day)


def given_household(case, table, hid, commune):
    add_household(case, {"household_id": hid, "commune": commune})


def given_household_with(case, table, hid, commune):
    add_household(case, {"household_id": hid, "commune": commune, **fields(case.plan, "households", table)})


def given_household_like(case, table, hid, commune, other):
    """A household described as another one with some fields changed (its members are not copied)."""
    base = [h for h in case.households if h["household_id"] == other]
    if not base:
        raise StepError(f"no household '{other}' described before '{hid}'")
    add_household(case, {**base[0], "household_id": hid, "commune": commune,
                         **fields(case.plan, "households", table)})


def given_household_has(case, table):
    case.current().update(fields(case.plan, "households", table))


def given_member(case, table, pid, born):
    add_member(case, {"person_id": pid, "date_of_birth": parse_date(born)})


def given_member_with(case, table, pid, born):
    add_member(case, {"person_id": pid, "date_of_birth": parse_date(born), **fields(case.plan, "members", table)})


def given_members(case, table):
    header = [column_name(case.plan, "members", h) for h in table[0]]
    for row in table[1:]:
        add_member(case, {h: cell(case.plan, "members", h, v) for h, v in zip(header, row)})


def given_list(case, table):
    """Entries of a programme's list; a person is named by the scenario's person id, or by name, birth year
    and commune where the entry has no id."""
    header = [column_name(case.plan, "programme_lists", h) for h in table[0]]
    for row in table[1:]:
        case.lists.append({h: cell(case.plan, "programme_lists", h, v) for h, v in zip(header, row)})


def given_merit_records(case, table):
    """Meritorious records, any number per person (person named by the scenario's person id)."""
    header = [column_name(case.plan, "merit_records", h) for h in table[0]]
    for row in table[1:]:
        case.merit.append({h: cell(case.plan, "merit_records", h, v) for h, v in zip(header, row)})


# ---------------------------------------------------------------- When (the runner screens)
def when_screened(case, table):
    if case.as_of is None:
        raise StepError("say the date first (Given the date is ... / Cho ngày xét là ...)")


def when_screened_on(case, table, day):
    case.as_of = parse_date(day)


def given_use_unverified(case, table):
    case.use_unverified = True


def when_screened_on_unverified(case, table, day):
    case.as_of, case.unverified_once = parse_date(day), True


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


PLACE = r'(?:in commune|in ward|ở xã|ở phường) "(?P<commune>[^"]+)"'

# (kind, pattern, handler). Patterns match the step text without its keyword (Given/Cho, When/Khi, ...).
STEPS: list[tuple[str, str, Callable]] = [
    ("given", r'(?:the date is|ngày xét là) (?P<day>\S+)', given_date),
    ("given", r'(?:a household|hộ) "(?P<hid>[^"]+)" ' + PLACE + '$', given_household),
    ("given", r'(?:a household|hộ) "(?P<hid>[^"]+)" ' + PLACE + ' (?:with|có):$', given_household_with),
    ("given", r'(?:a household|hộ) "(?P<hid>[^"]+)" ' + PLACE + r' (?:like|giống hộ) "(?P<other>[^"]+)" '
              r'(?:but with|nhưng có):$', given_household_like),
    ("given", r'(?:the household has|hộ có):$', given_household_has),
    ("given", r'(?:a member|thành viên) "(?P<pid>[^"]+)" (?:born|sinh ngày) (?P<born>\S+)$', given_member),
    ("given", r'(?:a member|thành viên) "(?P<pid>[^"]+)" (?:born|sinh ngày) (?P<born>\S+) (?:with|có):$',
     given_member_with),
    ("given", r'(?:the members|các thành viên):$', given_members),
    ("given", r'(?:the run uses unverified figures|dùng cả số liệu chưa kiểm chứng) \(--use-unverified\)$',
     given_use_unverified),
    ("given", r'(?:the programme list|danh sách chi trả):$', given_list),
    ("given", r'(?:the merit records|hồ sơ người có công):$', given_merit_records),
    ("when", r'(?:the household is screened|the households are screened|xét duyệt hộ|xét duyệt các hộ)$',
     when_screened),
    ("when", r'(?:the household is screened on|the households are screened on|xét duyệt hộ vào ngày'
             r'|xét duyệt các hộ vào ngày) (?P<day>\S+)$', when_screened_on),
    ("when", r'(?:the household is screened on|the households are screened on|xét duyệt hộ vào ngày'
             r'|xét duyệt các hộ vào ngày) (?P<day>[^\s,]+),? (?:with unverified figures|dùng cả số liệu chưa '
             r'kiểm chứng) \(--use-unverified\)$', when_screened_on_unverified),
    ("then", r'"(?P<who>[^"]+)" (?:is eligible for|đủ điều kiện hưởng) "(?P<benefit>[^"]+)"$', then_eligible),
    ("then", r'"(?P<who>[^"]+)" (?:is eligible for|đủ điều kiện hưởng) "(?P<benefit>[^"]+)" '
             r'(?:with|với mức) (?P<amount>.+)$', then_eligible_amount),
    ("then", r'"(?P<who>[^"]+)" (?:is eligible for|đủ điều kiện hưởng) "(?P<benefit>[^"]+)", '
             r'(?:amount not known|chưa rõ mức)$', then_eligible_amount_unknown),
    ("then", r'"(?P<who>[^"]+)" (?:is not eligible for|không đủ điều kiện hưởng) "(?P<benefit>[^"]+)"$',
     then_not_eligible),
    ("then", r'"(?P<who>[^"]+)" (?:is undetermined for|chưa xác định được) "(?P<benefit>[^"]+)" '
             r'(?:because|do thiếu) "(?P<inputs>[^"]+)"(?: is missing)?$', then_undetermined),
    ("then", r'"(?P<who>[^"]+)" (?:gets|hưởng) "(?P<benefit>[^"]+)" (?:under rule|theo quy định) '
             r'"(?P<rule>[^"]+)"$', then_rule),
    ("then", r'(?:the decision on|kết quả xét) "(?P<benefit>[^"]+)" (?:for|của) "(?P<who>[^"]+)" '
             r'(?:is|là) "(?P<status>[^"]+)"$', then_status),
    ("then", r'"(?P<who>[^"]+)" (?:is a|thuộc diện) "(?P<coverage>[^"]+)" (?:for|với) "(?P<benefit>[^"]+)"$',
     then_coverage),
    ("then", r'"(?P<who>[^"]+)" (?:is|thuộc diện) "(?P<finding>[^"]+)" (?:on|với) "(?P<benefit>[^"]+)", '
             r'(?:money|số tiền) (?P<money>.+)$', then_finding),
    ("then", r'(?:the yearly rate of|lãi suất của) "(?P<benefit>[^"]+)" (?:for|cho) "(?P<who>[^"]+)" '
             r'(?:is|là) (?P<rate>.+)$', then_rate),
]
COMPILED = [(kind, re.compile(pattern), handler) for kind, pattern, handler in STEPS]


def match_step(text: str) -> tuple[str, Callable, dict] | None:
    """The step definition a step's text matches (first in table order), with its arguments."""
    for kind, pattern, handler in COMPILED:
        found = pattern.match(text)
        if found:
            return kind, handler, found.groupdict()
    return None
