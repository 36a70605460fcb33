"""Merit records reach the members' inputs (register/merit_inputs.py), so that the state-paid HI grounds of a
meritorious person and of the spouse and children of an invalid at 61 % or more (Decree 146/2018 Art. 3(3),
3(12); Law 51/2024 Art. 12(3)(e), (k); POLICIES.md §4.2, A) read them, alike in both engines."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from eligibility.api import screen_register
from eligibility.register.merit_inputs import with_merit_inputs
from eligibility.register.report import register_record

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 11, 15)
HEADER = "Mã người,Diện người có công,Tỷ lệ tổn thương cơ thể (%),Quan hệ với liệt sĩ,Số liệt sĩ\n"


def screened(tmp_path, records: str | None, engine: str = "vectorised"):
    folder = tmp_path / "reg"
    shutil.copytree(ROOT / "sample_households" / "demo", folder)
    (folder / "programme_lists.csv").unlink()
    if records is not None:
        (folder / "merit_records.csv").write_text(HEADER + records, encoding="utf-8")
    return screen_register(folder, AS_OF, engine=engine, include_all=True)


def hi(run) -> pd.DataFrame:
    rows = run.decisions[run.decisions["benefit"].astype(str) == "hi_state_support"]
    return rows.set_index("person_id")


def test_the_records_make_two_columns_highest_invalid_rate_and_any_meritorious_record():
    members = pd.DataFrame({"person_id": ["A", "B", "C", "D"]})
    records = pd.DataFrame({"person_id": ["A", "A", "B", "C", "C"],
                            "merit_category": ["martyr_relative", "war_invalid", "martyr_relative", "sick_soldier",
                                               "agent_orange"],
                            "injury_rate": pd.array([None, 81, None, 41, None], dtype="Int64")})
    out = with_merit_inputs(members, records).set_index("person_id")
    assert out["merit_records_invalid_rate"].tolist()[:2] == [81, 0]
    assert pd.isna(out.loc["C", "merit_records_invalid_rate"])   # a blank rate may be the one at 61 % or more
    assert out.loc["D", "merit_records_invalid_rate"] == 0
    assert out["merit_records_meritorious"].tolist() == [True, False, True, False]
    assert with_merit_inputs(members, None) is members


@pytest.mark.slow
def test_an_81_percent_record_of_a_head_whose_row_says_41_gives_his_wife_and_student_son_the_ground(tmp_path):
    before = hi(screened(tmp_path / "none", None))
    assert before.loc["DM24-2", "status"] == "not_eligible"    # the row alone: 41 %, no relative's ground
    run = screened(tmp_path / "rec", "DM24-1,Thương binh,81,,\n")
    after = hi(run)
    assert (after.loc["DM24-2", "status"], after.loc["DM24-2", "rule"]) == ("eligible", "hi24_invalid_spouse_parent")
    assert (after.loc["DM24-3", "status"], after.loc["DM24-3", "rule"]) == ("eligible", "hi24_invalid_relative")
    assert after.loc["DM24-2", "amount"] == 1
    said = register_record(run.register)["derived_inputs"]["members"]
    assert said == {"table": "merit_records", "records": 1, "people": 1,
                    "inputs": ["merit_records_invalid_rate", "merit_records_meritorious"]}
    assert any("merit_records: 1 record" in w or "hồ sơ người có công: 1" in w for w in run.register.warnings)


@pytest.mark.slow
def test_both_engines_read_the_records_alike(tmp_path):
    records = "DM24-1,Thương binh,81,,\nDM01-1,Bệnh binh,71,,\nDM02-1,Thân nhân liệt sĩ,,Cha/mẹ,1\n"
    vec = hi(screened(tmp_path / "v", records))
    dur = hi(screened(tmp_path / "d", records, engine="durable"))
    for person in ("DM24-2", "DM24-3", "DM01-1", "DM01-2", "DM01-3", "DM02-2"):
        assert (vec.loc[person, "status"], vec.loc[person, "rule"], vec.loc[person, "amount"]) == \
            (dur.loc[person, "status"], dur.loc[person, "rule"], dur.loc[person, "amount"])
    assert vec.loc["DM01-1", "rule"] == "hi24_meritorious" and vec.loc["DM01-2", "rule"] == "hi24_invalid_spouse_parent"
