"""The scenario phrases (English and Vietnamese) and what each one does, in one table.

Two runners use this table: pytest-bdd (`scenarios/conftest.py`, for `make test`) and the batch
runner of `eligibility test` (`packtest/scenarios.py`), which screens every scenario of one date
together. A `Given` step fills the case; a `When` step asks for a screening; a `Then` step checks
one decision and raises `Mismatch` (expected, actual) when it does not hold. The phrases are
listed in scenarios/README.md so policy staff can write new scenarios without code.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .givens import (FALSE_WORDS, TRUE_WORDS, Case, StepError, given_date, given_household, given_household_has,
                     given_household_like, given_household_with, given_list, given_member, given_member_with,
                     given_members, given_merit_records, given_use_unverified, when_screened, when_screened_on,
                     when_screened_on_unverified)
from .thens import (COVERAGE_WORDS, STATUS_WORDS, Mismatch, then_coverage, then_eligible, then_eligible_amount,
                    then_eligible_amount_unknown, then_finding, then_not_eligible, then_rate, then_rule, then_status,
                    then_undetermined)

# The steps themselves live in givens.py (Given, When) and thens.py (Then); the case and the errors
# stay importable from here, where the runners import them.
__all__ = ["COVERAGE_WORDS", "FALSE_WORDS", "STATUS_WORDS", "STEPS", "TRUE_WORDS", "Case", "Mismatch", "StepError",
           "match_step"]


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
