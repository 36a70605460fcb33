"""Merit records summed per Ordinance 02/2020 Art. 6(3), with the Heroic Mother exception of Art. 18(1)
(POLICIES.md §5.1); amounts from the table of §5.2 (from 1 Jul 2024, A), worked by hand."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from eligibility.api import screen_register

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 11, 15)


def screened(tmp_path, records: str, engine: str = "vectorised"):
    folder = tmp_path / "reg"
    shutil.copytree(ROOT / "sample_households" / "demo", folder)
    (folder / "programme_lists.csv").unlink()
    (folder / "merit_records.csv").write_text("Mã người,Diện người có công,Tỷ lệ tổn thương cơ thể (%),"
                                              "Quan hệ với liệt sĩ,Số liệt sĩ\n" + records, encoding="utf-8")
    run = screen_register(folder, AS_OF, engine=engine)
    rows = run.decisions[run.decisions["benefit"].astype(str) == "merit_monthly_allowance"]
    return rows.set_index("person_id")


def test_a_martyrs_mother_who_is_a_war_invalid_gets_both(tmp_path):
    # DM23-1, martyr's mother living alone: 2,789,000 (1 martyr) + 2,231,000 (nurturing); war invalid 41 %: 3,667,000
    row = screened(tmp_path, "DM23-1,Thân nhân liệt sĩ,,Cha/mẹ,1\nDM23-1,Thương binh,41,,\n").loc["DM23-1"]
    assert row["amount"] == 2_789_000 + 2_231_000 + 3_667_000
    assert set(str(row["rule"]).split("+")) == {"merit_martyr_relative_1", "merit_martyr_nurturing",
                                                "merit_war_invalid_41"}
    assert "Art. 6(3)" in row["explanation"]


def test_a_heroic_mother_does_not_also_get_the_martyrs_relative_allowance(tmp_path):
    # Heroic Mother: 8,367,000 + 2,337,000 supplement, living alone: + 2,231,000 nurturing (once); not + 2,789,000
    row = screened(tmp_path, "DM23-1,Bà mẹ Việt Nam anh hùng,,,\nDM23-1,Thân nhân liệt sĩ,,Cha/mẹ,1\n").loc["DM23-1"]
    assert row["amount"] == 8_367_000 + 2_337_000 + 2_231_000


def test_one_record_decides_as_the_members_row_did(tmp_path):
    row = screened(tmp_path, "DM24-1,Thương binh,41,,\n").loc["DM24-1"]
    assert row["amount"] == 3_667_000 and row["rule"] == "merit_war_invalid_41"


@pytest.mark.slow
def test_both_engines_sum_alike(tmp_path):
    records = "DM23-1,Thân nhân liệt sĩ,,Cha/mẹ,1\nDM23-1,Thương binh,41,,\n"
    vec = screened(tmp_path / "v", records)
    dur = screened(tmp_path / "d", records, engine="durable")
    assert vec.loc["DM23-1", "amount"] == dur.loc["DM23-1", "amount"] == 8_687_000


def test_the_members_row_counts_beside_a_record_of_another_category(tmp_path):
    # DM23-1's row: a martyr's mother (1 martyr), living alone: 2,789,000 + 2,231,000 nurturing; her one record:
    # war invalid 41 %: 3,667,000. The record does not replace the row, it adds a category (Art. 6(3))
    row = screened(tmp_path, "DM23-1,Thương binh,41,,\n").loc["DM23-1"]
    assert row["amount"] == 2_789_000 + 2_231_000 + 3_667_000
    assert set(str(row["rule"]).split("+")) == {"merit_martyr_relative_1", "merit_martyr_nurturing",
                                                "merit_war_invalid_41"}


def test_a_record_of_the_rows_own_category_replaces_the_row(tmp_path):
    # DM24-1's row: war invalid 41 %; his record: war invalid 81 % (the rate reassessed): paid once, at 81 %
    rules = set(str(screened(tmp_path, "DM24-1,Thương binh,81,,\n").loc["DM24-1", "rule"]).split("+"))
    assert rules == {"merit_war_invalid_81", "merit_war_invalid_supplement_81"}   # not also the row's 41 %
