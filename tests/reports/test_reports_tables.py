"""gap_tables: the figures of the gap report, checked by hand and against the decisions table."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from report_fixtures import AS_OF, HOUSEHOLDS, MEMBERS

from eligibility import screen_records
from eligibility.reports import gap_tables
from eligibility.reports.labels import ALL_BENEFITS
from eligibility.reports.tables import COUNTS, PLACES


def row(table, **keys):
    mask = np.ones(len(table), dtype=bool)
    for k, v in keys.items():
        mask &= (table[k] == v).to_numpy()
    assert mask.sum() == 1, (keys, table[mask])
    return table[mask].iloc[0]


def test_the_figures_by_benefit_match_a_count_by_hand(tables):
    t = tables["by_benefit"]
    sa = row(t, benefit="social_allowance")
    assert (sa["eligible"], sa["covered"], sa["gap"], sa["leakage"], sa["needs_data"]) == (3, 1, 2, 1, 0)
    assert sa["gap_rate"] == pytest.approx(2 / 3)
    assert sa["gap_vnd_per_month"] == 1_250_000          # 500,000 + 750,000 not reaching people each month
    hi = row(t, benefit="health_insurance")
    assert (hi["eligible"], hi["covered"], hi["gap"], hi["needs_data"]) == (6, 3, 2, 3)
    assert hi["gap_share_of_premium"] == 2.0
    assert row(t, benefit="housing_support")["gap_vnd_once"] == 80_000_000
    loan = row(t, benefit="poor_loan")
    assert (loan["gap"], loan["leakage"], loan["gap_loan"]) == (1, 1, 100_000_000)
    assert row(t, benefit="on_list")["leakage"] == 1
    total = row(t, benefit=ALL_BENEFITS)
    assert total["gap"] == 7 and total["gap_vnd_once"] == 80_000_000 and total["gap_vnd_per_month"] == 1_250_000


def test_every_view_agrees_with_the_decisions(screening, tables):
    d = screening.decisions
    for benefit, group in d.groupby("benefit"):
        r = row(tables["by_benefit"], benefit=benefit)
        assert r["eligible"] == (group["status"] == "eligible").sum()
        for name in COUNTS[1:]:
            assert r[name] == (group["coverage"] == name).sum(), (benefit, name)
        unit = group["unit"].iloc[0]
        if unit != "status":
            assert r[f"gap_{unit}"] == group.loc[group["coverage"] == "gap", "amount"].sum()
    for view, keys in PLACES.items():
        table = tables[view]
        per = table[table["benefit"] != ALL_BENEFITS]
        totals = table[table["benefit"] == ALL_BENEFITS].set_index(keys)
        summed = per.groupby(keys)[COUNTS + [c for c in table.columns if c.startswith("gap_v") or c in (
            "gap_loan", "gap_share_of_premium")]].sum()
        pd.testing.assert_frame_equal(totals[summed.columns].sort_index(), summed.sort_index(), check_dtype=False,
                                      check_index_type=False)
        # and every place view adds up to the same province totals
        assert totals["gap"].sum() == (d["coverage"] == "gap").sum()
        assert totals["eligible"].sum() == (d["status"] == "eligible").sum()


def test_gap_rate_is_gap_over_eligible_and_blank_without_eligibles(tables):
    for view in ("by_benefit", *PLACES):
        t = tables[view]
        expected = np.where(t["eligible"] > 0, t["gap"] / t["eligible"].where(t["eligible"] > 0, 1), np.nan)
        np.testing.assert_allclose(t["gap_rate"].to_numpy(dtype=float), expected, equal_nan=True)


def test_ethnicity_person_own_household_head_common_or_mixed(tables):
    gap = tables["gap_list"]
    assert set(gap.loc[gap["person_id"] == "PPX-0002", "ethnicity"]) == {"mong"}       # person benefit
    assert set(gap.loc[(gap["household_id"] == "HHX-0001") & (gap["person_id"] == ""), "ethnicity"]) == {"thai"}
    assert set(gap.loc[(gap["household_id"] == "HHX-0004") & (gap["person_id"] == ""), "ethnicity"]) == {"mixed"}
    needs = tables["needs_data_list"]
    assert set(needs.loc[needs["household_id"] == "HHX-0003", "ethnicity"]) == {"ha_nhi"}   # no head, one people
    assert "mixed" in set(tables["by_ethnicity"]["ethnicity"])


def test_without_members_ethnicity_is_unknown(screening):
    t = gap_tables(screening.decisions)
    assert set(t["by_ethnicity"]["ethnicity"]) == {"unknown"}
    assert set(t["gap_list"]["ethnicity"]) == {"unknown"}


def test_lists_hold_exactly_the_rows_behind_the_figures(screening, tables):
    d = screening.decisions
    for view, coverage in (("gap_list", "gap"), ("leakage_list", "leakage"), ("needs_data_list", "needs_data")):
        lst = tables[view]
        assert len(lst) == (d["coverage"] == coverage).sum()
        assert set(lst["coverage"]) <= {coverage}
        assert (lst["reason"].str.len() > 0).all()
    # eligible but enrolment not recorded: the reason says so
    p3 = tables["needs_data_list"].query("person_id == 'PPX-0003'").iloc[0]
    assert p3["status"] == "eligible" and "does not say whether" in p3["reason"]


def test_figures_do_not_depend_on_listing_not_eligible_decisions(plan, tables):
    short = screen_records(HOUSEHOLDS, MEMBERS, AS_OF, plan=plan, include_all=False)
    other = gap_tables(short.decisions, short.evaluation.members)
    for view in tables:
        pd.testing.assert_frame_equal(tables[view], other[view], check_dtype=False)


def test_several_rows_of_one_decision_count_once_but_their_amounts_add():
    # hit policy `all`: one row per matching rule for the same person and benefit
    base = {"household_id": "H1", "person_id": "P1", "name": "A", "district": "d", "commune": "c", "village": "v",
            "benefit": "b", "benefit_label": "B", "entity": "person", "status": "eligible", "coverage": "gap",
            "unit": "vnd_once", "rate": np.nan, "rule": "r1", "rule_label": "", "reference": "", "explanation": "x",
            "missing_inputs": "", "unverified": ""}
    d = pd.DataFrame([{**base, "amount": 100.0}, {**base, "rule": "r2", "amount": 50.0},
                      {**base, "person_id": "P2", "amount": 10.0}])
    t = gap_tables(d)
    r = row(t["by_benefit"], benefit="b")
    assert (r["eligible"], r["gap"], r["gap_vnd_once"]) == (2, 2, 160.0)
    assert len(t["gap_list"]) == 3


def test_an_empty_decisions_table_gives_empty_views(screening):
    t = gap_tables(screening.decisions.iloc[0:0])
    assert list(t["by_benefit"]["benefit"]) == [ALL_BENEFITS]
    assert int(t["by_benefit"]["eligible"].iloc[0]) == 0
    assert all(len(t[v]) == 0 for v in ("gap_list", "by_commune"))


@pytest.mark.parametrize("dtype", ["category", "object", "string"])
def test_the_text_columns_of_the_decisions_may_be_of_any_text_dtype(screening, tables, dtype):
    d = screening.decisions.copy()
    for name in d.columns:
        if name not in ("amount", "rate"):
            d[name] = d[name].astype(object).where(d[name].notna(), None).astype(dtype)
    other = gap_tables(d, screening.evaluation.members)
    for view in tables:
        pd.testing.assert_frame_equal(tables[view], other[view], check_dtype=False)
        for name in other[view].columns:
            assert not isinstance(other[view][name].dtype, pd.CategoricalDtype), (view, name)
