"""The demo register screened and explained in Vietnamese at several as-of dates reads as
Vietnamese: no raw expression, no English citation, no benefit id or other code, no ISO date —
in every household's explanation (short and verbose) and in the decisions' text columns."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from eligibility.api import screen_register
from eligibility.explain import explain_household, render_text

from shared import DEMO

DATES = [dt.date(2019, 6, 1), dt.date(2024, 6, 30), dt.date(2025, 11, 15), dt.date(2026, 8, 1)]
TEXT_COLUMNS = ["benefit_label", "rule_label", "reference", "explanation", "unverified", "parameter_values"]
CODE = {
    "raw expression": re.compile(r"==|!=|<=|>=|param\(|\beligible\(|\bamount\("),
    "identifier": re.compile(r"(?<![\w-])[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z_]+\.[a-z_]+\b"),
    "English citation": re.compile(r"\b(?:Law|Decree|Decision|Circular|Ordinance|Resolution|Plan) \d|Art\. \d"),
    "ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    "English number": re.compile(r"\b\d{1,3}(?:,\d{3})+\b(?!%)"),
}


def code_in(text: str) -> list[str]:
    """What in `text` is code or English convention rather than Vietnamese, by kind."""
    return [f"{kind}: {m.group(0)!r}" for kind, pattern in CODE.items() for m in pattern.finditer(text)]


def test_no_pattern_of_the_detector_crosses_a_line():
    """The explanations are read line by line (below): a pattern matching across a newline would be missed."""
    assert not any("\n" in m.group(0) for bad in ("a\nb == c", "Law\n5", "1\n000,000", "x_\ny", "a.\nb")
                   for pattern in CODE.values() for m in pattern.finditer(bad))


def test_the_detector_finds_what_the_issue_reported():
    for bad in ("đủ mọi điều kiện: area_difficult == True", "age >= param('social_pension.age_general')",
                "Law 51/2024/QH15, Art. 12(3)(o)", "sinh ngày 1944-08-10", "100,000,000 đồng",
                "loan_water_sanitation"):
        assert code_in(bad), bad
    assert not code_in("Tuổi từ đủ 75 trở lên; điểm o khoản 3 Điều 12 Luật Bảo hiểm y tế số 51/2024/QH15; "
                       "1.500.000 đồng; 7,92%/năm; 15/11/2025; --use-unverified")


@pytest.fixture(scope="module", params=DATES, ids=str)
def screened(request):
    return screen_register(DEMO, request.param, lang="vi", include_all=True)


@pytest.mark.slow
def test_every_explanation_of_the_demo_reads_as_vietnamese(screened):
    ids = screened.evaluation.households["household_id"].astype(str)
    # No pattern of CODE crosses a line, so each distinct line is read once: the verbose explanations
    # (5.6 MB a date) are 2,000 distinct lines, most repeated from household to household
    first_seen: dict[str, tuple[str, bool]] = {}
    for household in ids:
        data = explain_household(screened.evaluation, household)
        for verbose in (False, True):
            text = render_text(data, "vi", verbose)
            text = text.replace(household, "")      # household and person ids are codes an officer uses
            text = re.sub(r"\(" + re.escape(household) + r"-\d+\)", "", text)
            for line in re.sub(re.escape(household) + r"-\d+", "", text).split("\n"):
                first_seen.setdefault(line, (household, verbose))
    problems: dict[tuple[str, bool], set[str]] = {}
    for line, where in first_seen.items():
        found = code_in(line)
        if found:
            problems.setdefault(where, set()).update(found)
    assert not problems, {where: sorted(found)[:8] for where, found in problems.items()}


@pytest.mark.slow
def test_every_decision_of_the_demo_reads_as_vietnamese(screened):
    decisions = screened.decisions
    problems = {}
    for column in TEXT_COLUMNS:
        for text in decisions[column].astype(str).unique():
            found = code_in(text)
            if found:
                problems[(column, text[:80])] = sorted(set(found))[:5]
    assert not problems, dict(list(problems.items())[:20])
