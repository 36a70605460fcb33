"""`targets` shows its arithmetic: the value is the numerator over the *known* denominator, and the
unknowns come with the range the value would take if they were all no / all yes."""
from __future__ import annotations

import math

from eligibility.cli_reports import target_arithmetic


def row(numerator, denominator, unknown, measure="share"):
    known = denominator - unknown
    return {"numerator": numerator, "denominator": denominator, "unknown": unknown, "measure": measure,
            "value": numerator / known, "low": numerator / denominator, "high": (numerator + unknown) / denominator}


def test_the_printed_ratio_is_the_one_the_value_is_computed_from():
    """Was `94,7% … 82.221 / 87.730 (?909)`, although 82,221 / 87,730 is 93.7 %."""
    r = row(82221, 87730, 909)
    assert math.isclose(r["value"], 82221 / 86821)
    assert target_arithmetic(r, "en") == "82,221 / 86,821 (909 unknown of 87,730: 93.7%–94.8%)"
    assert target_arithmetic(r, "vi") == "82.221 / 86.821 (909 chưa rõ trong 87.730: 93,7%–94,8%)"


def test_without_unknowns_there_is_no_range():
    assert target_arithmetic(row(111, 112, 0), "en") == "111 / 112"


def test_a_count_target_shows_how_high_the_unknowns_could_take_it():
    assert target_arithmetic(row(4, 10, 2, "count"), "en") == "4 (+2 unknown: up to 6)"
