"""What many tests share, defined once: where the repository and the demo register are, and the
as-of date the demo register's expectations are written for (its README). Importable from any
test module under tests/ (tests/conftest.py puts this folder on the path first)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_households" / "demo"
DEMO_XLSX = ROOT / "sample_households" / "demo_xlsx"
AS_OF = dt.date(2025, 11, 15)


def assert_same_frame(left, right) -> None:
    """pandas' assert_frame_equal, with DataFrame.equals tried first: assert_frame_equal boxes a categorical
    column's cells one by one (about a second for 20,000 rows), equals compares the arrays whole. equals
    passes only where assert_frame_equal would (same values, exactly, NaN where NaN, same dtypes, labels);
    what equals does not look at — the index's dtype and names, a categorical's order of categories — is
    checked here. Any difference goes to assert_frame_equal, so a failure reads as it did."""
    import pandas as pd

    def categories(frame):
        return {c: list(frame[c].cat.categories) for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}

    if not (left.equals(right) and all(a.dtype == b.dtype and a.names == b.names
                                       for a, b in ((left.index, right.index), (left.columns, right.columns)))
            and categories(left) == categories(right)):
        pd.testing.assert_frame_equal(left, right)


def greedy_cover(named: dict) -> list:
    """Keys of `named` (key -> set) chosen greedily until their sets cover the union of all: each
    time the key adding the most not yet covered (ties: the first in sorted order). A few keys then
    check everything the whole lot would, at a fraction of the cost."""
    left, chosen = set().union(*named.values()), []
    while left:
        key = max(sorted(named), key=lambda k: len(named[k] & left))
        chosen.append(key)
        left -= named[key]
    return chosen
