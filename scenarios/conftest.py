"""Step definitions for the scenarios: thin, in English and Vietnamese, calling the public API only.

The phrases are listed in scenarios/README.md so policy staff can write new scenarios without code.
"""
from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
import pytest
from pytest_bdd import given, parsers, then, when

from eligibility import load_rules, screen_records
from eligibility.suggestions import fold, suggest

STATUS_WORDS = {"đủ điều kiện": "eligible", "không đủ điều kiện": "not_eligible", "chưa xác định": "undetermined",
                "eligible": "eligible", "not eligible": "not_eligible", "not_eligible": "not_eligible",
                "undetermined": "undetermined"}
COVERAGE_WORDS = {"bỏ sót": "gap", "hưởng sai": "leakage", "đã hưởng": "covered", "thiếu dữ liệu": "needs_data",
                  "gap": "gap", "leakage": "leakage", "covered": "covered", "needs data": "needs_data",
                  "needs_data": "needs_data"}


# Tags used in the feature files, registered so that `pytest --strict-markers` accepts them.
AREA_TAGS = ("poverty", "health_insurance", "social_assistance", "social_pension", "emergency_relief",
             "meritorious", "education", "credit", "voluntary_si", "housing")


def pytest_configure(config):
    for area in AREA_TAGS:
        config.addinivalue_line("markers", f"{area}: scenarios of the {area} policy area")
    for n in range(1, 19):
        config.addinivalue_line("markers", f"E{n}: worked example E{n} of POLICIES.md section 13")
    config.addinivalue_line("markers", "threshold: a pair of cases just inside and just outside a legal threshold")


@pytest.fixture
def case():
    # Several households may be described in one scenario ("the same household in Than Uyên ..."): the last
    # one described is the current one, which "the household has" and the member steps refer to.
    return {"households": [], "members": [], "as_of": None, "result": None}


def current(case) -> dict:
    assert case["households"], "describe a household first (Given a household ... / Cho hộ ...)"
    return case["households"][-1]


@pytest.fixture(scope="session")
def plan():
    return load_rules()


# ---------------------------------------------------------------- values as staff write them
def parse_date(text: str) -> dt.date:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"'{text}' is not a date (dd/mm/yyyy or yyyy-mm-dd)")


def parse_amount(text: str) -> float:
    """'1.000.000', '1,000,000 VND', '100%', '70 %', '15 kg', '7,8%' → a number (share for %)."""
    text = text.strip().lower()
    share = text.endswith("%")
    text = re.sub(r"(vnd|đồng|kg|%|/tháng|/month|/năm|/year)", "", text).strip()
    if share:
        return float(text.replace(",", ".")) / 100
    return float(re.sub(r"[.,\s](?=\d{3}(\D|$))", "", text).replace(",", "."))


_COLUMN_NAMES: dict = {}


def column_name(plan, table: str, field: str) -> str:
    key = (id(plan), table, field)
    if key in _COLUMN_NAMES:
        return _COLUMN_NAMES[key]
    columns = plan.inputs.households.columns if table == "households" else plan.inputs.members.columns
    wanted = fold(field)
    for name, spec in columns.items():
        if wanted in {fold(name), fold(spec.label.vi), fold(spec.label.en), *map(fold, spec.aliases)}:
            _COLUMN_NAMES[key] = name
            return name
    hint = suggest(field, list(columns))
    raise KeyError(f"no {table} column '{field}'" + (f"; did you mean '{hint}'?" if hint else ""))


TRUE_WORDS = {"co", "yes", "true", "x", "1", "dung"}
FALSE_WORDS = {"khong", "no", "false", "0", "-", "sai"}


def cell(plan, table: str, name: str, text: str):
    spec = (plan.inputs.households if table == "households" else plan.inputs.members).columns[name]
    text = str(text).strip()
    if text == "":
        return None
    if spec.type == "bool":
        if fold(text) not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError(f"'{text}' is not a yes/no value of {name} (có/không, yes/no)")
        return fold(text) in TRUE_WORDS
    if spec.type == "date":
        return parse_date(text)
    if spec.type in ("money", "int"):
        return int(parse_amount(text))
    if spec.type == "number":
        return float(text.replace(",", "."))
    if spec.type == "enum":
        for code, value in (spec.values or {}).items():
            if fold(text) in {fold(code), fold(value.vi), fold(value.en), *map(fold, value.aliases)}:
                return code
        raise ValueError(f"'{text}' is not a value of {name}")
    return text


def fields(plan, table: str, rows) -> dict:
    return {column_name(plan, table, r[0]): cell(plan, table, column_name(plan, table, r[0]), r[1]) for r in rows}


# ---------------------------------------------------------------- Given
@given(parsers.re(r'(?:the date is|ngày xét là) (?P<day>\S+)'))
def _date(case, day):
    case["as_of"] = parse_date(day)


PLACE = r'(?:in commune|in ward|ở xã|ở phường) "(?P<commune>[^"]+)"'


def add_household(case, record: dict):
    assert all(h["household_id"] != record["household_id"] for h in case["households"]), \
        f"household '{record['household_id']}' is described twice"
    case["households"].append(record)


def add_member(case, record: dict):
    assert all(m["person_id"] != record["person_id"] for m in case["members"]), \
        f"member '{record['person_id']}' is described twice (member ids must differ across households too)"
    case["members"].append({"household_id": current(case)["household_id"], **record})


@given(parsers.re(r'(?:a household|hộ) "(?P<hid>[^"]+)" ' + PLACE + '$'))
def _household(case, hid, commune):
    add_household(case, {"household_id": hid, "commune": commune})


@given(parsers.re(r'(?:a household|hộ) "(?P<hid>[^"]+)" ' + PLACE + ' (?:with|có):$'))
def _household_with(case, plan, hid, commune, datatable):
    add_household(case, {"household_id": hid, "commune": commune, **fields(plan, "households", datatable)})


@given(parsers.re(r'(?:a household|hộ) "(?P<hid>[^"]+)" ' + PLACE +
                  r' (?:like|giống hộ) "(?P<other>[^"]+)" (?:but with|nhưng có):$'))
def _household_like(case, plan, hid, commune, other, datatable):
    """A household described as another one with some fields changed (its members are not copied)."""
    base = [h for h in case["households"] if h["household_id"] == other]
    assert base, f"no household '{other}' described before '{hid}'"
    add_household(case, {**base[0], "household_id": hid, "commune": commune, **fields(plan, "households", datatable)})


@given(parsers.re(r'(?:the household has|hộ có):$'))
def _household_has(case, plan, datatable):
    current(case).update(fields(plan, "households", datatable))


@given(parsers.re(r'(?:a member|thành viên) "(?P<pid>[^"]+)" (?:born|sinh ngày) (?P<born>\S+)$'))
def _member(case, pid, born):
    add_member(case, {"person_id": pid, "date_of_birth": parse_date(born)})


@given(parsers.re(r'(?:a member|thành viên) "(?P<pid>[^"]+)" (?:born|sinh ngày) (?P<born>\S+) (?:with|có):$'))
def _member_with(case, plan, pid, born, datatable):
    add_member(case, {"person_id": pid, "date_of_birth": parse_date(born), **fields(plan, "members", datatable)})


@given(parsers.re(r'(?:the members|các thành viên):$'))
def _members(case, plan, datatable):
    header = [column_name(plan, "members", h) for h in datatable[0]]
    for row in datatable[1:]:
        add_member(case, {h: cell(plan, "members", h, v) for h, v in zip(header, row)})


# ---------------------------------------------------------------- When
@when(parsers.re(r'(?:the household is screened|the households are screened|xét duyệt hộ|xét duyệt các hộ)$'))
def _screen(case, plan):
    assert case["as_of"] is not None, "say the date first (Given the date is ... / Cho ngày xét là ...)"
    case["result"] = screen_records(case["households"], case["members"], case["as_of"], plan=plan).decisions


@when(parsers.re(r'(?:the household is screened on|the households are screened on|xét duyệt hộ vào ngày'
                 r'|xét duyệt các hộ vào ngày) (?P<day>\S+)$'))
def _screen_on(case, plan, day):
    case["as_of"] = parse_date(day)
    _screen(case, plan)


# ---------------------------------------------------------------- Then
def benefit_id(plan, text: str) -> str:
    if text in plan.benefits:
        return text
    for name, b in plan.benefits.items():
        if fold(text) in (fold(b.label.vi), fold(b.label.en)):
            return name
    hint = suggest(text, list(plan.benefits) + [b.label.vi for b in plan.benefits.values()])
    raise KeyError(f"no benefit '{text}'" + (f"; did you mean '{hint}'?" if hint else ""))


def decision(case, plan, who: str, benefit: str, rule: str | None = None):
    name = benefit_id(plan, benefit)
    d = case["result"]
    rows = d[d["benefit"] == name]
    rows = rows[rows["person_id"] == who] if plan.benefits[name].entity == "person" else rows[rows["household_id"] == who]
    if rule is not None and rows["rule"].map(lambda r: rule in str(r).split("+")).any():
        rows = rows[rows["rule"].map(lambda r: rule in str(r).split("+"))]
    assert len(rows) >= 1, f"no decision on '{name}' for '{who}'"
    return rows.iloc[0]


def show(row) -> str:
    return (f"status={row['status']} amount={row['amount']} rule={row['rule']} coverage={row['coverage']} "
            f"missing={row['missing_inputs']!r} explanation={row['explanation']!r}")


@then(parsers.re(r'"(?P<who>[^"]+)" (?:is eligible for|đủ điều kiện hưởng) "(?P<benefit>[^"]+)"$'))
def _eligible(case, plan, who, benefit):
    row = decision(case, plan, who, benefit)
    assert row["status"] == "eligible", show(row)


@then(parsers.re(r'"(?P<who>[^"]+)" (?:is eligible for|đủ điều kiện hưởng) "(?P<benefit>[^"]+)" '
                 r'(?:with|với mức) (?P<amount>.+)$'))
def _eligible_amount(case, plan, who, benefit, amount):
    row = decision(case, plan, who, benefit)
    assert row["status"] == "eligible", show(row)
    assert math.isclose(row["amount"], parse_amount(amount), abs_tol=0.5), show(row)


@then(parsers.re(r'"(?P<who>[^"]+)" (?:is eligible for|đủ điều kiện hưởng) "(?P<benefit>[^"]+)", '
                 r'(?:amount not known|chưa rõ mức)$'))
def _eligible_amount_unknown(case, plan, who, benefit):
    row = decision(case, plan, who, benefit)
    assert row["status"] == "eligible" and pd.isna(row["amount"]), show(row)


@then(parsers.re(r'"(?P<who>[^"]+)" (?:is not eligible for|không đủ điều kiện hưởng) "(?P<benefit>[^"]+)"$'))
def _not_eligible(case, plan, who, benefit):
    row = decision(case, plan, who, benefit)
    assert row["status"] == "not_eligible", show(row)


@then(parsers.re(r'"(?P<who>[^"]+)" (?:is undetermined for|chưa xác định được) "(?P<benefit>[^"]+)" '
                 r'(?:because|do thiếu) "(?P<inputs>[^"]+)"(?: is missing)?$'))
def _undetermined(case, plan, who, benefit, inputs):
    row = decision(case, plan, who, benefit)
    assert row["status"] == "undetermined", show(row)
    for name in inputs.split(","):
        assert name.strip() in row["missing_inputs"], show(row)


@then(parsers.re(r'"(?P<who>[^"]+)" (?:gets|hưởng) "(?P<benefit>[^"]+)" (?:under rule|theo quy định) "(?P<rule>[^"]+)"$'))
def _rule(case, plan, who, benefit, rule):
    row = decision(case, plan, who, benefit, rule)
    # A benefit that adds several rules (hit policy sum) names them joined by '+': any one of them matches.
    assert row["status"] == "eligible" and rule in str(row["rule"]).split("+"), show(row)


@then(parsers.re(r'(?:the decision on|kết quả xét) "(?P<benefit>[^"]+)" (?:for|của) "(?P<who>[^"]+)" '
                 r'(?:is|là) "(?P<status>[^"]+)"$'))
def _status(case, plan, benefit, who, status):
    """The status alone, for Scenario Outlines whose rows fall on both sides of a threshold."""
    row = decision(case, plan, who, benefit)
    assert row["status"] == STATUS_WORDS[status.strip().lower()], show(row)


@then(parsers.re(r'"(?P<who>[^"]+)" (?:is a|thuộc diện) "(?P<coverage>[^"]+)" (?:for|với) "(?P<benefit>[^"]+)"$'))
def _coverage(case, plan, who, coverage, benefit):
    row = decision(case, plan, who, benefit)
    assert row["coverage"] == COVERAGE_WORDS[coverage.strip().lower()], show(row)


@then(parsers.re(r'(?:the yearly rate of|lãi suất của) "(?P<benefit>[^"]+)" (?:for|cho) "(?P<who>[^"]+)" '
                 r'(?:is|là) (?P<rate>.+)$'))
def _rate(case, plan, benefit, who, rate):
    row = decision(case, plan, who, benefit)
    assert row["status"] == "eligible" and math.isclose(row["rate"], parse_amount(rate), abs_tol=1e-9), show(row)
