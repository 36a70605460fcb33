"""The synthetic register takes its legal figures from the rule pack, on the as-of date."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eligibility.errors import EligibilityError
from eligibility.synthetic import generate_sample
from eligibility.synthetic.figures import figures_on
from shared import assert_same_frame

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


def test_merit_records_repeat_the_members_categories_and_add_second_ones(bundled_plan):
    """One record per member with a category, with the members' values; a second record for some; drawn
    from a stream of their own, so the members are the same with or without them."""
    import pandas as pd

    from eligibility.synthetic.generator import generate_register

    sample = generate_register(8000, seed=8, plan=bundled_plan, with_merit_records=True)
    assert_same_frame(sample.members, generate_sample(8000, seed=8, plan=bundled_plan)[1])
    records = sample.merit_records.astype({"merit_category": str, "martyr_relation": object})
    members = sample.members.astype({"merit_category": str, "martyr_relation": object})
    assert records["person_id"].isin(members["person_id"]).all()
    holders = members[sample.members["merit_category"].notna().to_numpy() & (members["merit_category"] != "none")]
    assert len(holders) > 20
    both = holders.merge(records, on=["person_id", "merit_category"], suffixes=("", "_record"))
    assert set(both["person_id"]) == set(holders["person_id"])            # the members' category is a record
    for column in ("injury_rate", "martyr_count"):                       # with the members' values where known
        known = both[column].notna()
        assert (both.loc[known, column] == both.loc[known, column + "_record"]).all()
    per_person = records.groupby("person_id").size()
    assert per_person.max() == 2 and 0.05 < (per_person == 2).mean() < 0.3
    assert set(records["person_id"]) <= set(members["person_id"])
    assert records["merit_category"].isin(["none"]).sum() == 0
    assert (records["since"] <= pd.Timestamp("2025-11-15")).all() and records["since"].notna().all()


def test_sample_with_lists_writes_merit_records_that_screen_without_a_reject(tmp_path):
    """`sample --lists`: merit records and programme lists beside the register, counted in the manifest;
    the register reads back through `screen` (the audit on) with no rejected row, and a person with two
    records is paid the sum of both allowances."""
    import json

    import pandas as pd
    from click.testing import CliRunner

    from eligibility.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["sample", "--households", "3000", "--seed", "5", "--out", str(tmp_path / "reg"),
                                  "--lists", "--format", "csv"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "reg" / "manifest.json").read_text(encoding="utf-8"))
    records = pd.read_csv(tmp_path / "reg" / "merit_records.csv")
    assert manifest["tables"]["merit_records"] == len(records) > 0
    result = runner.invoke(main, ["screen", str(tmp_path / "reg"), "--as-of", "2025-11-15", "--out",
                                  str(tmp_path / "out"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    screened = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert all(entry["rejected"] == 0 for entry in screened["accounting"].values())
    assert screened["accounting"]["merit_records"]["accepted"] == len(records)
    decisions = pd.read_csv(tmp_path / "out" / "entitlements.csv")
    summed = decisions[decisions["explanation"].astype(str).str.contains("summed over 2 meritorious records")]
    twice = records.groupby("person_id").size()
    assert set(summed["person_id"]) <= set(twice[twice == 2].index) and len(summed) > 0


@pytest.mark.parametrize("households, seed", [(120, 41), (12, 3)])
def test_sample_with_lists_of_a_small_register_that_draws_no_death(tmp_path, bundled_plan, households, seed):
    """A small register may draw nobody paid after death: `sample --lists` still writes it (it failed
    casting an empty map of dates as numbers), and the deaths written are the ones it says it planted."""
    import pandas as pd

    from eligibility.synthetic.lists import write_sample_with_lists

    planted = write_sample_with_lists(tmp_path, households, seed, fmt="csv", as_of=dt.date(2025, 11, 15),
                                      plan=bundled_plan)
    assert planted.rows["programme_lists"] > 0
    members = pd.read_csv(tmp_path / "members.csv", dtype=str)
    assert members["date_of_death"].notna().sum() == planted.deceased_paid
