"""The synthetic register takes its legal figures from the rule pack, on the as-of date."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eligibility.errors import EligibilityError
from eligibility.synthetic import generate_sample
from eligibility.synthetic.figures import figures_on

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere


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


def test_a_share_of_birth_dates_known_to_the_year_only_reads_back_as_intervals(tmp_path, bundled_plan):
    from eligibility.register import read_register
    from eligibility.synthetic import write_sample

    _, plain = generate_sample(400, seed=5, plan=bundled_plan)
    _, members = generate_sample(400, seed=5, plan=bundled_plan, partial_dates=0.05)
    partial = members["date_of_birth__latest"].notna()
    assert 0.03 < partial.mean() < 0.07
    # never a guessed day: the interval is the whole year (up to the as-of date), 1 January its start
    assert (members.loc[partial, "date_of_birth"].dt.strftime("%m-%d") == "01-01").all()
    assert (members.loc[partial, "date_of_birth"].dt.year == plain.loc[partial, "date_of_birth"].dt.year).all()
    assert members.drop(columns=["date_of_birth", "date_of_birth__latest"]).equals(plain.drop(columns=["date_of_birth"]))
    write_sample(tmp_path, 400, seed=5, fmt="csv", plan=bundled_plan, partial_dates=0.05)
    register = read_register(tmp_path, bundled_plan.inputs, dt.date(2025, 11, 15))
    assert not len(register.rejects)
    assert register.members["date_of_birth__latest"].notna().sum() == partial.sum()
