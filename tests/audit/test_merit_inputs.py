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
    assert out["merit_records_martyr_relative"].tolist() == [True, True, False, False]
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
                    "inputs": ["merit_records_invalid_rate", "merit_records_meritorious",
                               "merit_records_martyr_relative"]}
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


def merit_allowance(run) -> pd.DataFrame:
    rows = run.decisions[run.decisions["benefit"].astype(str) == "merit_monthly_allowance"]
    return rows.set_index("person_id")


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["vectorised", "durable"])
def test_a_martyrs_relative_record_gives_the_ground_and_the_allowance_is_not_counted_twice(tmp_path, engine):
    """DM24-2's row shows no category: her record (a martyr's daughter) gives her the martyr's-relative HI ground
    (Law 51/2024 Art. 12(3)(i); POLICIES.md §4.2, A); without a record of hers, none. DM24-1, a war invalid at
    41 %, with his invalid record and a martyr's-relative record (his son): his allowance is the two added once
    each (POLICIES.md §5.2 from 1 Jul 2024: 41 %: 3,667,000; one martyr: 2,789,000)."""
    records = "DM24-2,Thân nhân liệt sĩ,,Con,1\nDM24-1,Thương binh,41,,\nDM24-1,Thân nhân liệt sĩ,,Cha/mẹ,1\n"
    run = screened(tmp_path / "rec", records, engine=engine)
    after = hi(run)
    assert (after.loc["DM24-2", "status"], after.loc["DM24-2", "rule"]) == ("eligible", "hi24_martyr_relative")
    assert after.loc["DM24-2", "amount"] == 1
    paid = merit_allowance(run)
    assert paid.loc["DM24-1", "amount"] == 3_667_000 + 2_789_000
    assert paid.loc["DM24-2", "status"] == "not_eligible"   # a martyr's child aged 55: no monthly allowance
    alone = hi(screened(tmp_path / "his", "DM24-1,Thân nhân liệt sĩ,,Cha/mẹ,1\n", engine=engine))
    assert alone.loc["DM24-2", "status"] == "not_eligible"


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["vectorised", "durable"])
def test_the_wife_left_undetermined_is_told_to_fill_the_heads_record_not_her_own_rate(tmp_path, engine):
    """The head's sick-soldier record has no rate: his wife's relative's ground is undetermined; what is missing
    is his record's injury rate (the officer fills the head's record), not her own blank injury_rate (what both
    engines named: the condition's inputs were looked up on her own row; with her rate filled they named nothing)."""
    wife = hi(screened(tmp_path / "rec", "DM24-1,Bệnh binh,,,\n", engine=engine)).loc["DM24-2"]
    assert wife["status"] == "undetermined"
    assert wife["missing_inputs"] == "member.merit_records_invalid_rate"
