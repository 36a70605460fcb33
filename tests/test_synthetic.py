"""The synthetic register takes its legal figures from the rule pack, on the as-of date."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eligibility.errors import EligibilityError
from eligibility.synthetic import generate_sample
from eligibility.synthetic.figures import figures_on


def _households_at(plan, as_of):
    households, _ = generate_sample(1500, seed=4, as_of=as_of, plan=plan)
    return households["income_per_capita"].dropna()


def test_incomes_are_drawn_around_the_line_in_force(bundled_plan):
    """Some low-income households sit exactly on the line: 1,500,000 (Decree 07/2021) in 2025,
    2,200,000 (Decree 351/2025) in 2027, as the pack says."""
    for as_of in (dt.date(2025, 11, 15), dt.date(2027, 3, 1)):
        line = bundled_plan.parameters["poverty.poor_line.rural"].at(as_of).value
        assert figures_on(bundled_plan, as_of).rural_line == line
        assert (_households_at(bundled_plan, as_of) == line).any(), (as_of, line)


def test_a_pack_without_the_figure_stops_the_generator(bundled_plan):
    parameters = dict(bundled_plan.parameters)
    del parameters["poverty.poor_line.urban"]
    plan = dataclasses.replace(bundled_plan, parameters=parameters)
    with pytest.raises(EligibilityError, match="poverty.poor_line.urban"):
        generate_sample(10, seed=1, plan=plan)
