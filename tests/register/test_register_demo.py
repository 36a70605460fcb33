"""The hand-made demo register and its bad-rows companion."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from register_helpers import DEMO, DEMO_XLSX, FIXTURES, assert_accounting, problems_at, rejects_at, without_file

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere


@pytest.fixture(scope="module")
def demo(read):
    return read(DEMO)


def test_demo_reads_with_zero_rejects(demo):
    assert demo.ok, demo.rejects.to_string()
    assert demo.warnings == []
    assert 38 <= demo.accounting["households"]["read"] <= 45
    assert {t: demo.missing_columns[t] for t in ("households", "members")} == {"households": [], "members": []}
    assert "loan_balance" in demo.missing_columns["programme_lists"]   # the demo's payrolls have no loans


def test_demo_has_vietnamese_headers(demo):
    assert demo.headers["households"]["household_id"] == "Mã hộ"
    assert demo.headers["members"]["date_of_birth"] == "Ngày sinh"
    first = (DEMO / "members.csv").read_text(encoding="utf-8").splitlines()[1]
    assert re.search(r",\d\d/\d\d/\d{4},", first)  # dd/mm/yyyy


def test_demo_xlsx_holds_the_same_data(read, demo):
    excel = read(DEMO_XLSX / "register.xlsx")
    assert excel.ok
    assert set(excel.households["_file"]) == {"register.xlsx[Hộ gia đình]"}
    assert_frame_equal(without_file(excel.households), without_file(demo.households))
    assert_frame_equal(without_file(excel.members), without_file(demo.members))


def test_readme_lists_every_household(demo):
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for household in demo.households["household_id"]:
        assert f"| {household} |" in readme


def _household(demo, hid):
    return demo.households.set_index("household_id").loc[hid]


def _person(demo, pid):
    return demo.members.set_index("person_id").loc[pid]


def _deprivations(row) -> int:
    return int(sum(bool(row[c]) for c in row.index if c.startswith("dep_") and c != "dep_health_access"))


def test_planted_poverty_line_cases(demo):
    e1 = _household(demo, "DM01")
    assert e1["income_per_capita"] == 1_500_000 and _deprivations(e1) == 3 and e1["poverty_list_status"] == "poor"
    e2 = _household(demo, "DM02")
    assert e2["income_per_capita"] == 1_500_000 and _deprivations(e2) == 2
    e3 = _household(demo, "DM04")
    assert e3["income_per_capita"] == 1_500_001 and _deprivations(e3) == 5
    urban = _household(demo, "DM07")
    assert urban["area_type"] == "urban" and urban["income_per_capita"] == 2_000_000
    assert _household(demo, "DM35")["income_per_capita"] == 3_000_000
    assert _household(demo, "DM35")["poverty_list_status"] == "poor"


def test_planted_dates(demo):
    assert _person(demo, "DM12-1")["date_of_birth"] == pd.Timestamp("1945-11-10")
    assert _household(demo, "DM21")["poverty_exit_date"] == pd.Timestamp("2022-12-15")
    assert _household(demo, "DM22")["poverty_exit_date"] == pd.Timestamp("2022-10-15")
    slide = _household(demo, "DM30")
    assert slide["disaster_kind"] == "landslide" and slide["house_damage"] == "collapsed"
    assert slide["disaster_date"] == pd.Timestamp("2025-10-12") and slide["disaster_deaths"] == 1
    assert _person(demo, "DM30-2")["injured_treatment_days"] == 5


def test_planted_people(demo):
    mother = _person(demo, "DM23-1")
    assert (mother["merit_category"], mother["martyr_count"], mother["martyr_relation"], mother["lives_alone"]) == \
        ("martyr_relative", 1, "parent", True)
    assert _person(demo, "DM24-3")["parent_invalid_rate"] == 41
    assert _person(demo, "DM25-3")["parent_invalid_rate"] == 61
    assert _person(demo, "DM18-3")["disability_level"] == "severe"
    orphan = _person(demo, "DM20-4")
    assert bool(orphan["no_source_of_care"]) and bool(orphan["fostered"])
    assert _person(demo, "DM27-3")["school_distance_km"] == 8.0
    assert _person(demo, "DM28-3")["school_distance_km"] == 6.5 and not _person(demo, "DM28-3")["difficult_terrain"]


def test_planted_missing_values(demo):
    assert pd.isna(_person(demo, "DM36-2")["date_of_birth"])
    assert pd.isna(_household(demo, "DM37")["income_per_capita"])
    assert pd.isna(_household(demo, "DM38")["poverty_list_status"])


def test_demo_bad_rows(read):
    reg = read(FIXTURES / "demo_bad_rows")
    cells = [("households.csv", 5, "Thu nhập bình quân đầu người/tháng", "R-NEGATIVE"),
             ("households.csv", 6, "Phân loại hộ theo danh sách xã", "R-ENUM"),
             ("members.csv", 14, "Ngày sinh", "R-DATE")]
    for file, row, column, code in cells:  # the cell unknown, the row screened
        assert problems_at(reg, file, row, column)["code"].tolist() == [code]
        assert rejects_at(reg, file, row).empty
    assert rejects_at(reg, "members.csv", 15, "Mã hộ")["code"].tolist() == ["R-ORPHAN-MEMBER"]
    assert reg.accounting == {"households": {"read": 5, "accepted": 5, "rejected": 0},
                              "members": {"read": 14, "accepted": 13, "rejected": 1}}
    assert len(reg.cell_issues) == 3
    assert_accounting(reg)
