"""The end-of-run table on the terminal: counts by status and coverage, and eligible amounts."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from eligibility.summary import benefit_table


def test_counts_and_amounts_per_benefit():
    decisions = pd.DataFrame({
        "benefit": pd.Categorical(["pension", "pension", "pension", "hi", "hi", "loan"]),
        "status": pd.Categorical(["eligible", "eligible", "undetermined", "eligible", "not_eligible", "eligible"]),
        "coverage": pd.Categorical(["covered", "gap", "needs_data", "covered", "leakage", "gap"]),
        "amount": [500_000.0, 500_000.0, float("nan"), 1.0, float("nan"), float("nan")],
        "unit": ["vnd_per_month", "vnd_per_month", "vnd_per_month", "share_of_premium", "share_of_premium", "loan"],
    })
    table = benefit_table(decisions)
    assert list(table.index) == ["hi", "loan", "pension"]
    assert table.loc["pension", ["eligible", "undetermined", "covered", "gap", "leakage"]].tolist() == [2, 1, 1, 1, 0]
    assert table.loc["hi", ["eligible", "covered", "leakage"]].tolist() == [1, 1, 1]
    assert table.loc["pension", "amount"] == 1_000_000          # the undetermined row adds nothing
    assert math.isnan(table.loc["loan", "amount"])             # no known amount: no total, not 0
    assert table.loc["hi", "unit"] == "share_of_premium"


def test_a_categorical_table_counts_as_the_factorized_one():
    # the categoricals' own narrow codes (int8) as pandas' factorize would give them, many benefits and labels
    rng = np.random.default_rng(7)
    n, benefits = 20_000, [f"b{i:02d}" for i in range(60)]
    statuses, coverages = ["eligible", "not_eligible", "undetermined"], ["covered", "gap", "leakage", "needs_data", ""]
    picked = rng.integers(0, len(benefits), n)
    decisions = pd.DataFrame({
        "benefit": pd.Categorical.from_codes(picked, categories=benefits),
        "status": pd.Categorical.from_codes(rng.integers(0, 3, n), categories=statuses),
        "coverage": pd.Categorical.from_codes(rng.integers(0, 5, n), categories=coverages),
        "amount": np.where(rng.random(n) < 0.3, np.nan, rng.integers(1, 9, n) * 1000.0),
        "unit": pd.Categorical(np.where(picked % 2, "vnd_per_month", "kg_rice")),
    })
    plain = decisions.astype({"benefit": object, "status": object, "coverage": object})
    pd.testing.assert_frame_equal(benefit_table(decisions), benefit_table(plain))
    assert benefit_table(decisions)["gap"].sum() == (decisions["coverage"] == "gap").sum()
