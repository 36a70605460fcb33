"""Both engines give the same audit of the programme lists: on the demo (which carries its payrolls) and on a
generated register with lists and planted errors, the decisions (coverage included) and the findings agree."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from durable_helpers import assert_same_decisions

from eligibility.api import screen_register
from eligibility.synthetic.lists import write_sample_with_lists

pytestmark = pytest.mark.slow   # durable_rules
AS_OF = dt.date(2025, 11, 15)


def findings(run) -> pd.DataFrame:
    frame = run.extra["audit"].findings[["finding", "programme", "person_id", "paid", "due", "money"]]
    return frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True)


def test_a_generated_register_with_lists(tmp_path):
    write_sample_with_lists(tmp_path, households=150, seed=41, fmt="csv", as_of=AS_OF)
    vec = screen_register(tmp_path, AS_OF, include_all=True)
    dur = screen_register(tmp_path, AS_OF, include_all=True, engine="durable")
    assert vec.extra["audit"].sources["social_pension"] == "list"
    assert_same_decisions(vec.decisions, dur.decisions, vec.register.households, vec.register.members)
    assert findings(vec)["finding"].nunique() > 1           # findings of more than one kind to compare
    pd.testing.assert_frame_equal(findings(vec), findings(dur))
