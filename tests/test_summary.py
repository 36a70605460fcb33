"""The end-of-run table on the terminal: counts by status and coverage, and eligible amounts."""
from __future__ import annotations

import math

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
