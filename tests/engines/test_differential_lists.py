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


def test_a_listed_person_the_durable_table_leaves_out_is_screened_again(tmp_path):
    """Without --all the durable engine leaves out a not-eligible row that its flags do not enrol; a
    payroll entry for that person brings the row back (the household screened again), as the vectorised
    engine keeps it: the same leakage, the same findings."""
    import shutil
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "sample_households" / "demo"
    shutil.copytree(demo, tmp_path, dirs_exist_ok=True)
    lists = tmp_path / "programme_lists.csv"
    lists.write_text(lists.read_text(encoding="utf-8").rstrip("\n") + "\nsocial_pension,DM01-1,,,,01/07/2025,500000,"
                     "01/11/2025,,\n", encoding="utf-8")   # a man born 1985 on the social-pension payroll
    vec = screen_register(tmp_path, AS_OF)
    dur = screen_register(tmp_path, AS_OF, engine="durable")
    said = []
    for run in (vec, dur):
        rows = run.decisions[(run.decisions["person_id"] == "DM01-1") & (run.decisions["benefit"] == "social_pension")]
        assert list(rows["coverage"].astype(str)) == ["leakage"]
        said.append(list(rows["explanation"].astype(object)))
    assert said[0] == said[1] and "75" in said[0][0]   # the row screened again keeps its explanation
    pd.testing.assert_frame_equal(findings(vec), findings(dur))
