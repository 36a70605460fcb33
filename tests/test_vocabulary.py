"""The outcome vocabulary: one definition of the words, their codes and the coverage rule."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eligibility.vocabulary import COVERAGE_RULE, Coverage, Enrolment, HitPolicy, Status, coverage, enrolment

# What an auditor reads in the coverage column, case by case (the rule as the README states it).
EXPECTED = [
    (Status.ELIGIBLE, True, Coverage.COVERED),
    (Status.ELIGIBLE, False, Coverage.GAP),
    (Status.ELIGIBLE, None, Coverage.NEEDS_DATA),
    (Status.NOT_ELIGIBLE, True, Coverage.LEAKAGE),
    (Status.NOT_ELIGIBLE, False, Coverage.NONE),
    (Status.NOT_ELIGIBLE, None, Coverage.NONE),
    (Status.UNDETERMINED, True, Coverage.NEEDS_DATA),
    (Status.UNDETERMINED, False, Coverage.NEEDS_DATA),
    (Status.UNDETERMINED, None, Coverage.NEEDS_DATA),
]


@pytest.mark.parametrize("status, enrolled, expected", EXPECTED)
def test_coverage_of_one_decision(status, enrolled, expected):
    assert Coverage.from_code(coverage(status.code, enrolment(enrolled))) is expected


@pytest.mark.parametrize("status", list(Status))
def test_without_enrolled_when_only_undetermined_needs_data(status):
    got = Coverage.from_code(coverage(status.code, enrolment(None, declared=False)))
    assert got is (Coverage.NEEDS_DATA if status is Status.UNDETERMINED else Coverage.NONE)


def test_coverage_over_columns_matches_one_by_one():
    rng = np.random.default_rng(7)
    statuses = rng.integers(0, len(Status), 1000).astype(np.int8)
    enrolments = rng.integers(0, len(Enrolment), 1000).astype(np.int8)
    column = coverage(statuses, enrolments)
    assert column.dtype == np.int8
    one_by_one = [COVERAGE_RULE[Status.from_code(s)][e].code for s, e in zip(statuses, enrolments)]
    assert column.tolist() == one_by_one


def test_words_are_written_as_their_values():
    """Outputs keep the words they always had: str enums write and compare as their value."""
    assert Status.words() == ["not_eligible", "eligible", "undetermined"]
    assert Coverage.words() == ["none", "covered", "gap", "leakage", "needs_data", "underpaid", "overpaid",
                                "wrong_level", "deceased_paid", "not_in_register", "duplicate"]
    assert HitPolicy.words() == ["max", "sum", "first", "all"]
    assert f"{Status.ELIGIBLE}" == str(Status.ELIGIBLE) == "eligible" == Status.ELIGIBLE
    frame = pd.DataFrame({"status": [Status.UNDETERMINED, Status.ELIGIBLE]})
    assert frame.to_csv(index=False) == "status\nundetermined\neligible\n"


@pytest.mark.parametrize("vocabulary", [Status, Coverage, HitPolicy])
def test_codes_are_positions(vocabulary):
    for i, member in enumerate(vocabulary):
        assert member.code == i and vocabulary.from_code(i) is member


def test_every_status_has_a_coverage_row():
    assert set(COVERAGE_RULE) == set(Status)
    assert all(len(row) == len(Enrolment) for row in COVERAGE_RULE.values())
