"""Build the hand-made demo register (as-of date 15/11/2025) from the cases below.

    python sample_households/build_demo.py

writes sample_households/demo/{households,members}.csv (Vietnamese headers, dd/mm/yyyy),
sample_households/demo_xlsx/register.xlsx (the same data, sheets "Hộ gia đình" and "Thành viên",
real Excel date cells) and sample_households/demo/README.md (one line per household: the edge case
it plants). Each household sets only what makes its case; everything else takes the defaults in
`household()` and `person()`. The script checks that the deprivation flags that can be derived
from the members (dependants, child schooling, health insurance) agree with the members.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from eligibility.register import read_register, write_register  # noqa: E402
from eligibility.register.writer import default_schema  # noqa: E402

AS_OF = dt.date(2025, 11, 15)
DEPRIVATIONS = ["dep_employment", "dep_dependants", "dep_nutrition", "dep_health_insurance",
                "dep_adult_education", "dep_child_schooling", "dep_housing_quality", "dep_floor_area",
                "dep_water", "dep_latrine", "dep_telecom", "dep_information"]
ETHNIC_MINORITY_EXCEPT = {"kinh"}
POOR_DISTRICTS = {"sin_ho", "phong_tho", "muong_te", "nam_nhun"}
DBKK = {"Hồng Thu", "Tủa Sín Chải", "Khun Há", "Pắc Ta", "Mường Kim", "Bum Tở", "Mường Khoa",
        "Sì Lở Lầu", "Bản Bo", "Dào San", "Mường Mô", "Khoen On", "Sin Suối Hồ", "Nậm Sỏ", "Pa Ủ",
        "Lê Lợi", "Pu Sam Cáp", "Nậm Tăm", "Khổng Lào", "Hua Bum", "Tà Tổng"}
WARDS = {"Tân Phong", "Đoàn Kết"}


def d(text: str | None) -> dt.date | None:
    """'15/12/2022' -> date."""
    if text is None:
        return None
    day, month, year = (int(x) for x in text.split("/"))
    return dt.date(year, month, day)


def person(name: str, born: str | None, sex: str, relation: str, **kw) -> dict:
    row = {"full_name": name, "date_of_birth": d(born), "sex": sex, "relation_to_head": relation,
           "marital_status": kw.pop("marital", "married" if relation in ("head", "spouse") else None),
           "disability_level": "none", "no_source_of_care": False, "fostered": False, "hiv": False, "unable_to_work": None,
           "single_parent": False, "studying_level": "none", "merit_category": "none",
           "receives_pension": False, "survivor_allowance": False, "voluntary_si": False,
           "hi_card": True, "receives_social_allowance": False, "receives_care_support": False,
           "receives_social_pension": False, "receives_merit_allowance": False, "tuition_exempt": False,
           "learning_cost_support": False, "boarding_support": False, "vsi_support": False,
           "date_of_death": None, "pension_amount": None,
           # vocational training (Decision 46/2015): nobody of the demo is registered for a course (blank: none)
           "vocational_course": None, "course_days_attended": None, "course_distance_km": None,
           "prior_state_training": None}
    for key in ("disability_certified_date", "date_of_death"):
        if key in kw:
            kw[key] = d(kw[key])
    if "level" in kw:
        kw["studying_level"] = kw.pop("level")
    row.update(kw)
    if row["marital_status"] is None:
        age = _age(row["date_of_birth"]) if row["date_of_birth"] else 30
        row["marital_status"] = "single" if age < 18 else "married"
    if row["studying_level"] != "none":
        row.setdefault("school_public", True)
        row.setdefault("boarding", False)
        row.setdefault("difficult_terrain", False)
    return row


def household(hid: str, case: str, district: str, commune: str, village: str, ethnicity: str,
              income: float | None, deprived: list[str], members: list[dict], status: str | None = "none",
              since: str | None = None, expect: str = "", **kw) -> dict:
    urban = kw.pop("urban", village.startswith("Tổ dân phố"))
    row = {"household_id": hid, "district": district, "commune": commune, "village": village,
           "area_type": "urban" if urban else "rural",
           "poor_commune": district in POOR_DISTRICTS,
           "area_difficult": commune not in WARDS,
           "area_extremely_difficult": commune in DBKK and not urban,
           "area_ethnic_mountain": True, "area_exited_difficult_date": None,
           "income_per_capita": income, "farming_household": not urban,
           "poverty_list_status": status, "poverty_list_since": d(since),
           "poverty_exit_date": d(kw.pop("exit_date", None)),
           "house_condition": "temporary" if "housing_quality" in deprived else "durable",
           "hardship_household": False, "food_short_tet": False, "loan_poor": False, "loan_near_poor": False,
           "loan_newly_escaped": False, "loan_water_sanitation": False, "housing_support_received": False,
           "emergency_relief_received": False, "hygienic_water": "water" not in deprived,
           # Decision 1719 Project 1 lists: no demo household is on them (blank: not listed)
           "ntp1719_water_listed": None, "ntp1719_job_conversion_listed": None, "ntp1719_housing_listed": None}
    for name in DEPRIVATIONS:
        row[name] = name.removeprefix("dep_") in deprived
    row["dep_health_access"] = False
    if "disaster_date" in kw:
        kw["disaster_date"] = d(kw["disaster_date"])
    row.update(kw)
    for i, m in enumerate(members, start=1):
        m["person_id"] = f"{hid}-{i}"
        m["household_id"] = hid
        m.setdefault("ethnicity", ethnicity)
    row["head_name"] = next(m["full_name"] for m in members if m["relation_to_head"] == "head")
    return {"row": row, "members": members, "case": case, "expect": expect}


def _age(born: dt.date) -> int:
    return AS_OF.year - born.year - ((AS_OF.month, AS_OF.day) < (born.month, born.day))


# ---------------------------------------------------------------------------------------------
# The cases. E1..E18 refer to POLICIES.md §13 (worked examples).

CASES = [
    household(
        "DM01", "E1: rural income exactly 1,500,000 with exactly 3 deprivations (nutrition, housing "
        "quality, latrine) in former Sìn Hồ (a poor district); two pupils of a poor household",
        "sin_ho", "Hồng Thu", "Bản Sì Choang", "mong", 1_500_000, ["nutrition", "housing_quality", "latrine"],
        [person("Giàng A Sử", "12/04/1985", "male", "head"),
         person("Sùng Thị Mai", "03/09/1987", "female", "spouse"),
         person("Giàng A Páo", "21/06/2012", "male", "child", level="lower_secondary", school_distance_km=3.5,
                tuition_exempt=True, learning_cost_support=True),
         person("Giàng Thị Dua", "14/02/2016", "female", "child", level="primary", school_distance_km=1.5,
                tuition_exempt=True, learning_cost_support=True)],
        status="poor", since="15/12/2021", loan_poor=True,
        expect="poor by the standard (≤ line inclusive, ≥ 3 deprivations) and on the list; HI state-paid; "
               "pupils DM01-3, DM01-4: tuition exemption and learning-cost support; poor-household loan"),
    household(
        "DM02", "E2: same income, 2 deprivations, former Sìn Hồ (poor district, poor commune)",
        "sin_ho", "Tủa Sín Chải", "Bản Sín Chải", "mong", 1_500_000, ["nutrition", "latrine"],
        [person("Vàng A Chứ", "08/08/1990", "male", "head"),
         person("Lý Thị Pàng", "19/01/1992", "female", "spouse"),
         person("Vàng A Dế", "02/03/2019", "male", "child", level="primary", school_distance_km=1.0,
                tuition_exempt=True, learning_cost_support=True)],
        status="near_poor", since="20/12/2023", loan_near_poor=True,
        expect="near-poor by the standard and on the list; HI 100 % (poor commune; also ethnic minority "
               "in the ethnic-minority & mountainous area)"),
    household(
        "DM03", "E2 variant: income 1,500,000 with 2 deprivations in Than Uyên (not a poor district), Kinh",
        "than_uyen", "Mường Than", "Bản Nà Ban", "kinh", 1_500_000, ["water", "latrine"],
        [person("Nguyễn Văn Hùng", "11/11/1982", "male", "head"),
         person("Trần Thị Lan", "25/05/1984", "female", "spouse"),
         person("Nguyễn Văn Nam", "30/09/2008", "male", "child", level="upper_secondary", school_distance_km=6.0,
                tuition_exempt=True)],
        status="near_poor", since="18/12/2022",
        expect="near-poor; HI ≥ 70 % state support (not 100 %: not a poor commune, Kinh)"),
    household(
        "DM04", "E3: income 1,500,001 (one đồng above the line) with 5 deprivations; farming; Kinh",
        "tam_duong", "Bình Lư", "Bản Nà Tăm", "kinh", 1_500_001,
        ["employment", "nutrition", "housing_quality", "water", "latrine"],
        [person("Lê Văn Dũng", "17/02/1979", "male", "head"),
         person("Phạm Thị Hoa", "06/06/1981", "female", "spouse"),
         person("Lê Thị Thảo", "23/10/2004", "female", "child", marital="single")],
        expect="not poor, not near-poor (deprivations irrelevant above the line); average living standard; "
               "farming → HI support ≥ 30 %"),
    household(
        "DM05", "E3 variant: income 1,500,001 with 5 deprivations; Dao household in an ĐBKK commune (Khun Há)",
        "tam_duong", "Khun Há", "Bản Hồ Pên", "dao", 1_500_001,
        ["employment", "adult_education", "housing_quality", "water", "latrine"],
        [person("Tẩn Láo Kiềm", "04/04/1975", "male", "head"),
         person("Lý Thị Mẩy", "15/07/1978", "female", "spouse"),
         person("Tẩn Láo Phủ", "09/12/1999", "male", "child", marital="single")],
        expect="not poor or near-poor; HI fully state-paid on the ethnic-minority/extremely-difficult-area ground"),
    household(
        "DM06", "E4 under Decree 07/2021: rural income 690,000 with 0 deprivations",
        "tan_uyen", "Pắc Ta", "Bản Phiêng Xe", "thai", 690_000, [],
        [person("Lò Văn Pánh", "13/03/1988", "male", "head"),
         person("Lường Thị Ngoan", "27/10/1990", "female", "spouse")],
        status="near_poor", since="16/12/2024",
        expect="near-poor, not poor: from 2022 the AND rule needs ≥ 3 deprivations"),
    household(
        "DM07", "E5: urban ward (Đoàn Kết, Lai Châu city), Kinh, income exactly 2,000,000 with 1 deprivation",
        "lai_chau_city", "Đoàn Kết", "Tổ dân phố số 5", "kinh", 2_000_000, ["floor_area"],
        [person("Đỗ Văn Thắng", "01/05/1986", "male", "head"),
         person("Ngô Thị Hằng", "12/12/1988", "female", "spouse"),
         person("Đỗ Minh Khánh", "20/08/2018", "male", "child", level="primary", school_distance_km=1.0,
                tuition_exempt=True)],
        status="near_poor", since="19/12/2024",
        expect="near-poor (urban line 2,000,000 inclusive); HI ≥ 70 %, not 100 % (ward is not a poor commune)"),
    household(
        "DM08", "E18 urban: farming household in a ward with income exactly 2,250,000",
        "lai_chau_city", "Tân Phong", "Tổ dân phố số 9", "kinh", 2_250_000, [],
        [person("Hoàng Văn Sơn", "05/01/1970", "male", "head"),
         person("Vũ Thị Nga", "18/03/1972", "female", "spouse")],
        farming_household=True,
        expect="urban band (2,000,000, 3,000,000]: average living standard; farming → HI support ≥ 30 %"),
    household(
        "DM09", "E18: rural farming household with income exactly 2,250,000",
        "than_uyen", "Mường Than", "Bản Noong Quang", "kinh", 2_250_000, ["latrine"],
        [person("Bùi Văn Long", "22/07/1977", "male", "head"),
         person("Dương Thị Yến", "14/11/1980", "female", "spouse"),
         person("Bùi Văn Quân", "03/03/2006", "male", "child", marital="single", level="vocational",
                school_distance_km=None)],
        expect="average living standard ((1,500,000, 2,250,000] inclusive); HI support ≥ 30 %"),
    household(
        "DM10", "E18: rural farming household with income 2,250,001",
        "tan_uyen", "Mường Khoa", "Bản Nà Cang", "kinh", 2_250_001, [],
        [person("Vũ Văn Cường", "09/09/1983", "male", "head"),
         person("Đặng Thị Mai", "21/04/1985", "female", "spouse")],
        area_extremely_difficult=False,
        expect="above the average-living-standard band: no HI support on that ground"),
    household(
        "DM11", "E6: man born 15/03/1944 (81), no pension, household not poor",
        "tam_duong", "Bình Lư", "Bản Nà Tăm", "kinh", 2_600_000, [],
        [person("Trần Văn Minh", "02/06/1972", "male", "head"),
         person("Lê Thị Hương", "10/10/1975", "female", "spouse"),
         person("Trần Văn Tiến", "15/03/1944", "male", "parent", marital="widowed", receives_social_pension=True)],
        expect="DM11-3: social pension from 1 Jul 2025 (75+, no pension), enrolled → covered; HI state-paid"),
    household(
        "DM12", "Turning 80 in November 2025: DM12-1 born 10/11/1945 (80 on the as-of date), "
        "DM12-2 born 28/11/1945 (still 79 on 15/11/2025)",
        "tan_uyen", "Mường Khoa", "Bản Hua Nà", "thai", 2_400_000, ["dependants"],
        [person("Lò Văn Ọn", "10/11/1945", "male", "head", has_supporter=True, receives_social_pension=True),
         person("Lường Thị Xuân", "28/11/1945", "female", "spouse", has_supporter=True,
                receives_social_pension=True)],
        expect="DM12-1 is 80 (from the birthday month), DM12-2 is 79; both 75+ without pension → social pension"),
    household(
        "DM13", "E7: widow born 10/08/1944, poor household, lives alone, no one obliged to support her",
        "than_uyen", "Mường Kim", "Bản Hua Pầu", "thai", 900_000,
        ["dependants", "housing_quality", "water", "information"],
        [person("Cầm Thị Kim", "10/08/1944", "female", "head", marital="widowed", has_supporter=False,
                receives_social_allowance=True)],
        status="poor", since="17/12/2021",
        expect="Art. 5(5)(a), 80+: coefficient 2.0 → 1,000,000 a month; enrolled → covered"),
    household(
        "DM14", "E8: 77-year-old (DM14-1) in a near-poor household in an ĐBKK village of former Mường Tè",
        "muong_te", "Bum Tở", "Bản Can Hồ", "ha_nhi", 1_200_000, ["water"],
        [person("Lỳ Xá Lừ", "16/04/1978", "male", "head"),
         person("Pờ Mé Pứa", "02/02/1980", "female", "spouse"),
         person("Lỳ Gió Xá", "20/05/1948", "male", "parent", marital="widowed", receives_social_pension=True,
                date_of_death="20/09/2025")],   # died; the register still lists him (audit: deceased_paid)
        status="near_poor", since="15/12/2022",
        expect="DM14-3 (77): Art. 5(5)(b) until Jun 2025, social pension from 1 Jul 2025"),
    household(
        "DM15", "E8: 77-year-old near-poor in Lai Châu city (not an ĐBKK area)",
        "lai_chau_city", "Tân Phong", "Tổ dân phố số 3", "kinh", 1_800_000, ["floor_area"],
        [person("Phạm Văn Bình", "14/01/1948", "male", "head", marital="widowed", receives_social_pension=True),
         person("Phạm Thị Loan", "07/07/1980", "female", "child", marital="divorced")],
        status="near_poor", since="20/12/2023",
        expect="DM15-1: no Decree 20 allowance (not ĐBKK, under 80); social pension from 1 Jul 2025"),
    household(
        "DM16", "72-year-old (DM16-1) in a near-poor household in Lai Châu city",
        "lai_chau_city", "Đoàn Kết", "Tổ dân phố số 11", "giay", 1_900_000, ["dependants"],
        [person("Vàng Văn Sỉnh", "03/02/1953", "male", "head", has_supporter=False, receives_social_pension=True),
         person("Hoàng Thị Mây", "21/09/1956", "female", "spouse", has_supporter=False)],
        status="near_poor", since="16/12/2024",
        expect="DM16-1: social pension from 1 Jul 2025 (70–<75, near-poor); DM16-2 (69): not yet"),
    household(
        "DM17", "75+ with a pension: retired teacher DM17-1 (78) and his wife (75), both on a pension",
        "than_uyen", "Than Uyên", "Tổ dân phố số 2", "kinh", 4_500_000, ["dependants"],
        [person("Nguyễn Đức Toàn", "12/06/1947", "male", "head", receives_pension=True, has_supporter=False),
         person("Nguyễn Thị Thu", "30/01/1950", "female", "spouse", receives_pension=True, has_supporter=False)],
        expect="no social pension (they draw a pension); not enrolled → nothing to flag"),
    household(
        "DM18", "E9: 10-year-old with a severe disability (DM18-3) in a near-poor household",
        "tan_uyen", "Mường Khoa", "Bản Nà Bó", "thai", 1_300_000, ["housing_quality", "latrine"],
        [person("Tòng Văn Chăn", "28/02/1987", "male", "head"),
         person("Điêu Thị Ánh", "11/11/1989", "female", "spouse"),
         person("Tòng Văn Thái", "05/04/2015", "male", "child", disability_level="severe",
                disability_certified_date="12/03/2019", level="primary", school_distance_km=2.0,
                receives_social_allowance=True, tuition_exempt=True, learning_cost_support=True),
         person("Tòng Thị Lả", "17/06/2020", "female", "child", level="preschool", school_distance_km=0.5,
                tuition_exempt=True, learning_cost_support=True)],
        status="near_poor", since="15/12/2022",
        expect="DM18-3: Art. 5(6) severe disability, child → coefficient 2.0 → 1,000,000 a month; HI state-paid"),
    household(
        "DM19", "Adult with an especially severe disability (DM19-3, 35); household not poor",
        "phong_tho", "Sì Lở Lầu", "Bản Lản Nhì Thàng", "mong", 2_300_000, ["dependants"],
        [person("Giàng Seo Lử", "09/05/1962", "male", "head"),
         person("Sùng Thị Vá", "14/08/1965", "female", "spouse"),
         person("Giàng A Vần", "01/10/1990", "male", "child", marital="single",
                disability_level="especially_severe", disability_certified_date="20/07/2018",
                receives_social_allowance=True, receives_care_support=True)],
        expect="DM19-3: Art. 5(6) especially severe adult, coefficient 2.0 → 1,000,000; the family: care "
               "support 1.0 × standard (Art. 20(2)(c))"),
    household(
        "DM20", "E10: orphan under 4 with no source of care (DM20-4, born 01/09/2022), fostered by a "
        "non-poor neighbour family",
        "tam_duong", "Bản Bo", "Bản Nà Luông", "thai", 2_700_000, [],
        [person("Lò Văn Khun", "19/12/1980", "male", "head"),
         person("Lù Thị Hom", "05/05/1983", "female", "spouse"),
         person("Lò Văn Biên", "24/04/2010", "male", "child", level="lower_secondary", school_distance_km=4.0,
                tuition_exempt=True, learning_cost_support=True),
         person("Hoàng Thị Ín", "01/09/2022", "female", "other", no_source_of_care=True, fostered=True,
                level="preschool", school_distance_km=0.5, receives_social_allowance=True,
                receives_care_support=True, tuition_exempt=True, learning_cost_support=True)],
        expect="DM20-4: Art. 5(1), under 4 → coefficient 2.5 → 1,250,000; foster support 2.5 × standard; "
               "HI free (under 6)"),
    household(
        "DM21", "Left poverty 2 years 11 months before the as-of date (exit 15/12/2022)",
        "phong_tho", "Dào San", "Bản Tông Qua Lìn", "mong", 2_100_000, ["latrine"],
        [person("Thào A Chính", "06/06/1984", "male", "head"),
         person("Lầu Thị Máy", "13/01/1986", "female", "spouse"),
         person("Thào A Tủa", "20/02/2011", "male", "child", level="lower_secondary", school_distance_km=3.0,
                tuition_exempt=True, learning_cost_support=True),
         person("Thào Thị Sua", "15/10/2014", "female", "child", level="lower_secondary", school_distance_km=3.0,
                tuition_exempt=True, learning_cost_support=True)],
        exit_date="15/12/2022", loan_newly_escaped=True,
        expect="newly escaped (≤ 3 years): newly-escaped-poverty loan eligible; holds one → covered"),
    household(
        "DM22", "Left poverty 3 years 1 month before the as-of date (exit 15/10/2022)",
        "nam_nhun", "Mường Mô", "Bản Nậm Ban", "thai", 2_200_000, [],
        [person("Quàng Văn Inh", "30/03/1979", "male", "head"),
         person("Vì Thị Thoa", "08/08/1982", "female", "spouse")],
        exit_date="15/10/2022",
        expect="no longer newly escaped (> 3 years): no newly-escaped-poverty loan"),
    household(
        "DM23", "E12: martyr's mother (DM23-1, 89) living alone",
        "than_uyen", "Mường Than", "Bản Nà Khương", "thai", 5_100_000, ["dependants"],
        [person("Bạc Thị Hoa", "02/02/1936", "female", "head", marital="widowed",
                merit_category="martyr_relative", martyr_count=1, martyr_relation="parent", lives_alone=True,
                has_supporter=False, receives_merit_allowance=True)],
        expect="meritorious allowance 1.0 × standard + nurturing 0.8 × (5,020,000 from Jul 2024); HI state-paid; "
               "social pension at 80+ is the configurable point of E12"),
    household(
        "DM24", "E13: 41 % war invalid (DM24-1) with a child at university (DM24-3)",
        "tam_duong", "Bình Lư", "Bản Sơn Bình", "kinh", 3_100_000, [],
        [person("Ngô Văn Hải", "14/07/1966", "male", "head", merit_category="war_invalid", injury_rate=41,
                receives_merit_allowance=True),
         person("Đặng Thị Hà", "25/12/1969", "female", "spouse"),
         person("Ngô Văn Trung", "10/10/2005", "male", "child", marital="single", level="university",
                parent_invalid_rate=41)],
        expect="DM24-3: not state-paid HI as a relative (invalid < 61 %); student HI support ≥ 50 %; "
               "study allowance of group 21–60 %"),
    household(
        "DM25", "E13: 61 % war invalid (DM25-1) with a child at university (DM25-3)",
        "than_uyen", "Than Uyên", "Tổ dân phố số 1", "kinh", 2_900_000, [],
        [person("Lò Văn Tiến", "22/03/1965", "male", "head", merit_category="war_invalid", injury_rate=61,
                receives_merit_allowance=True),
         person("Trần Thị Hằng", "09/09/1968", "female", "spouse"),
         person("Lò Thị Phượng", "15/01/2006", "female", "child", marital="single", level="university",
                parent_invalid_rate=61)],
        expect="DM25-3: HI state-paid as the child of a ≥ 61 % invalid; study allowance 2,789,000"),
    household(
        "DM26", "E13 boundary: 60 % war invalid (DM26-1) with a child at university (DM26-3)",
        "tan_uyen", "Tân Uyên", "Tổ dân phố số 2", "kinh", 2_800_000, [],
        [person("Hoàng Văn Phong", "11/02/1967", "male", "head", merit_category="war_invalid", injury_rate=60,
                receives_merit_allowance=True),
         person("Nguyễn Thị Thủy", "04/04/1970", "female", "spouse"),
         person("Hoàng Thị Linh", "19/05/2004", "female", "child", marital="single", level="university",
                parent_invalid_rate=60)],
        expect="DM26-3: like DM24-3 (60 % is below the 61 % threshold)"),
    household(
        "DM27", "E14: boarding pupil (DM27-3, lower secondary) 8 km from school, ĐBKK village of Phong Thổ",
        "phong_tho", "Sin Suối Hồ", "Bản Phìn Hồ", "mong", 2_000_000, [],
        [person("Sùng A Pó", "07/07/1980", "male", "head"),
         person("Giàng Thị Chang", "12/12/1983", "female", "spouse"),
         person("Sùng A Thề", "12/05/2012", "male", "child", level="lower_secondary", school_distance_km=8.0,
                boarding=True, boarding_support=True, tuition_exempt=True, learning_cost_support=True)],
        expect="DM27-3: boarding support (≥ 7 km): 936,000 food + 15 kg rice a month (Decree 66/2025)"),
    household(
        "DM28", "E14: boarding pupils 6.5 km from school: DM28-3 on an easy road, DM28-4 across difficult terrain",
        "phong_tho", "Sin Suối Hồ", "Bản Sì Thâu Chải", "mong", 1_900_000, [],
        [person("Vàng A Chư", "15/03/1978", "male", "head"),
         person("Hầu Thị Dợ", "21/08/1981", "female", "spouse"),
         person("Vàng A Lử", "02/09/2011", "male", "child", level="lower_secondary", school_distance_km=6.5,
                boarding=True, tuition_exempt=True, learning_cost_support=True),
         person("Vàng Thị Mỉ", "18/01/2013", "female", "child", level="lower_secondary", school_distance_km=6.5,
                boarding=True, difficult_terrain=True, boarding_support=True, tuition_exempt=True,
                learning_cost_support=True)],
        expect="DM28-3: not eligible (< 7 km, easy road); DM28-4: eligible on the terrain exception"),
    household(
        "DM29", "E15: near-poor farmer (DM29-1) in voluntary social insurance",
        "tan_uyen", "Nậm Sỏ", "Bản Nậm Đích", "kho_mu", 1_400_000, ["nutrition"],
        [person("Lò Văn Bun", "23/06/1985", "male", "head", voluntary_si=True, vsi_support=True),
         person("Vi Thị Pa", "30/11/1987", "female", "spouse")],
        status="near_poor", since="15/12/2023",
        expect="DM29-1: voluntary-SI support for a near-poor person (40 % × 22 % × 1,500,000 from Jul 2025, C)"),
    household(
        "DM30", "E16: house destroyed by a landslide on 12/10/2025, one member died, DM30-2 injured and "
        "treated 5 days; near-poor household",
        "muong_te", "Pa Ủ", "Bản Ún Chổ", "la_hu", 1_350_000, ["water", "latrine"],
        [person("Lý Là Xá", "10/10/1983", "male", "head", injured_treatment_days=0),
         person("Pờ Thị Mé", "05/03/1986", "female", "spouse", injured_treatment_days=5),
         person("Lý Thị Chăm", "14/09/2014", "female", "child", level="lower_secondary", school_distance_km=5.0,
                injured_treatment_days=0, tuition_exempt=True, learning_cost_support=True)],
        status="near_poor", since="16/12/2024", disaster_date="12/10/2025", disaster_kind="landslide",
        house_damage="collapsed", has_other_home=False, disaster_deaths=1, house_condition="none",
        expect="house rebuild ≥ 40,000,000; funeral ≥ 25,000,000; DM30-2 injury ≥ 5,000,000; rice; "
               "no emergency relief recorded yet → gaps"),
    household(
        "DM31", "E16: fire on 02/03/2025 severely damaged the house of a non-poor, non-hardship household",
        "than_uyen", "Than Uyên", "Tổ dân phố số 3", "kinh", 3_200_000, [],
        [person("Vũ Văn Đạt", "12/01/1976", "male", "head"),
         person("Bùi Thị Trang", "08/08/1979", "female", "spouse"),
         person("Vũ Thị Huyền", "16/06/2009", "female", "child", level="upper_secondary", school_distance_km=2.0,
                tuition_exempt=True)],
        disaster_date="02/03/2025", disaster_kind="fire", house_damage="severe", has_other_home=False,
        disaster_deaths=0,
        expect="no repair support (20,000,000 is for poor, near-poor or hardship households only)"),
    household(
        "DM32", "Flood on 25/07/2025: emergency relocation ordered for a non-poor household",
        "nam_nhun", "Lê Lợi", "Bản Pú Đao", "thai", 2_500_000, [],
        [person("Tao Văn Khánh", "27/04/1981", "male", "head"),
         person("Lò Thị Yến", "03/03/1984", "female", "spouse")],
        disaster_date="25/07/2025", disaster_kind="flood", house_damage="relocation", has_other_home=False,
        disaster_deaths=0, emergency_relief_received=True,
        expect="relocation support ≥ 30,000,000 (any household, Art. 15(2)); received → covered"),
    household(
        "DM33", "Poor household with gaps: DM33-2 has no HI card, DM33-3 (83) gets neither social allowance "
        "nor social pension; DM33-4 is under 3 in an ĐBKK village",
        "sin_ho", "Pu Sam Cáp", "Bản Pa Vệ Sử", "mong", 1_100_000,
        ["health_insurance", "housing_quality", "water", "latrine"],
        [person("Hạng A Sình", "14/02/1980", "male", "head"),
         person("Mùa Thị Xúa", "25/12/1983", "female", "spouse", hi_card=False),
         person("Vừ Thị Chư", "05/01/1942", "female", "parent", marital="widowed", has_supporter=True),
         person("Hạng A Pềnh", "12/03/2023", "male", "child", receives_social_allowance=True)],
        status="poor", since="20/12/2021",
        expect="gaps: DM33-2 eligible for a state-paid HI card but has none; DM33-3 (80+, no pension) eligible "
               "for the social pension but not enrolled; DM33-4: Art. 5(7) allowance, covered"),
    household(
        "DM34", "Leakage: DM34-1 (40, no disability, not poor) receives the monthly social allowance",
        "tam_duong", "Bình Lư", "Bản Ít Chom", "kinh", 3_500_000, [],
        [person("Dương Văn Huy", "06/05/1985", "male", "head", receives_social_allowance=True),
         person("Lý Thị Nhung", "17/09/1987", "female", "spouse")],
        expect="DM34-1: enrolled but not eligible → leakage (to review)"),
    household(
        "DM35", "Listed poor although income is 3,000,000 per person (above the line)",
        "than_uyen", "Mường Kim", "Bản Mường Cang", "thai", 3_000_000, ["latrine"],
        [person("Lường Văn Sơn", "01/01/1975", "male", "head"),
         person("Tòng Thị Liên", "20/10/1978", "female", "spouse"),
         person("Lường Văn Dương", "13/08/2001", "male", "child", marital="single")],
        status="poor", since="15/12/2022", loan_poor=True,
        expect="on the poor list but not poor by the standard → listing leakage (to review); benefits follow the list"),
    household(
        "DM36", "Missing value: DM36-2 has no date of birth",
        "sin_ho", "Nậm Tăm", "Bản Nậm Pắt", "dao", 1_800_000, [],
        [person("Chảo Láo Chiêu", "10/04/1970", "male", "head"),
         person("Phàn Thị Sai", None, "female", "spouse"),
         person("Chảo Láo Vần", "22/02/2003", "male", "child", marital="single")],
        expect="DM36-2: every age-dependent decision is undetermined (missing date_of_birth)"),
    household(
        "DM37", "Missing value: no income per capita; listed poor",
        "phong_tho", "Khổng Lào", "Bản Co Lọm", "thai", None, ["housing_quality", "water", "latrine"],
        [person("Lò Văn Piêng", "05/05/1972", "male", "head"),
         person("Tòng Thị Ỏn", "09/09/1975", "female", "spouse")],
        status="poor", since="15/12/2021",
        expect="status by the standard undetermined (income missing); list-based benefits still decided"),
    household(
        "DM38", "Missing value: no status on the commune list (income 1,000,000, 4 deprivations)",
        "nam_nhun", "Hua Bum", "Bản Nậm Manh", "mang", 1_000_000,
        ["housing_quality", "water", "latrine", "information"],
        [person("Lò Văn Là", "12/06/1988", "male", "head"),
         person("Chìn Thị Mé", "03/10/1990", "female", "spouse"),
         person("Lò Văn Pặng", "25/01/2017", "male", "child", level="primary", school_distance_km=2.5,
                tuition_exempt=True, learning_cost_support=True)],
        status=None,
        expect="list-based decisions undetermined (poverty_list_status missing); poor by the standard"),
    household(
        "DM39", "Gap in the listing: poor by the standard (1,200,000, 4 deprivations) but not on the list",
        "muong_te", "Tà Tổng", "Bản Pa Khóa", "mong", 1_200_000,
        ["employment", "housing_quality", "water", "latrine"],
        [person("Lầu A Súa", "19/03/1983", "male", "head"),
         person("Thào Thị Mai", "28/07/1985", "female", "spouse"),
         person("Lầu A Vần", "07/11/2015", "male", "child", level="primary", school_distance_km=3.0,
                tuition_exempt=True, learning_cost_support=True)],
        expect="gap in 'on the poor list'; what listing would open is shown"),
    household(
        "DM40", "E17: near-poor Kinh household in former Nậm Nhùn (poor commune), not an ĐBKK village",
        "nam_nhun", "Nậm Hàng", "Tổ dân phố số 2", "kinh", 1_950_000, ["floor_area"],
        [person("Nguyễn Văn Quân", "16/01/1984", "male", "head"),
         person("Phạm Thị Phương", "29/06/1986", "female", "spouse")],
        status="near_poor", since="18/12/2023", poor_commune=True,
        expect="HI 100 % from 1 Jul 2025 because the commune is a poor commune (Decree 188/2025)"),
    household(
        "DM41", "Poor single mother (DM41-1, divorced) raising two children under 16, recorded as receiving the allowance",
        "phong_tho", "Khổng Lào", "Bản Nà Hừ", "dao", 950_000, ["dependants", "housing_quality", "latrine"],
        [person("Triệu Thị Xiêm", "14/04/1992", "female", "head", marital="divorced", single_parent=True,
                receives_social_allowance=True),
         person("Triệu Văn Dùn", "08/08/2014", "male", "child", level="lower_secondary", school_distance_km=4.0,
                tuition_exempt=True, learning_cost_support=True),
         person("Triệu Thị Nái", "22/02/2018", "female", "child", level="primary", school_distance_km=1.0,
                tuition_exempt=True, learning_cost_support=True)],
        status="poor", since="16/12/2024",
        expect="DM41-1: **not eligible** for the single-parent allowance: Art. 5(4) covers a parent never married, "
               "widowed or whose spouse is missing, not a divorced one (as summarised in POLICIES.md §3.1, to verify) "
               "→ leakage while the allowance is paid"),
]


# ---------------------------------------------------------------------------------------------


def _finish_members(case: dict) -> None:
    """Fill what follows from the household: supporter, living alone, state-paid HI card (approx.)."""
    row, members = case["row"], case["members"]
    ages = [(_age(m["date_of_birth"]) if m["date_of_birth"] else None) for m in members]
    working = [a is not None and 18 <= a < 60 for a in ages]
    for m, age, works in zip(members, ages, working):
        m.setdefault("has_supporter", sum(working) - works > 0)
        m.setdefault("lives_alone", len(members) == 1)
        minority = m["ethnicity"] not in ETHNIC_MINORITY_EXCEPT
        state = (row["poverty_list_status"] in ("poor", "near_poor") or row["area_extremely_difficult"]
                 or (minority and row["area_difficult"]) or (age is not None and age < 6)
                 or m["merit_category"] != "none" or m["receives_social_allowance"]
                 or m["receives_social_pension"] or m["studying_level"] != "none"
                 or (m.get("parent_invalid_rate") or 0) >= 61)
        m.setdefault("hi_state_paid", bool(m["hi_card"] and state))


def _check_deprivations(case: dict) -> None:
    """The flags that follow from the members must agree with them."""
    row, members = case["row"], case["members"]
    ages = [(_age(m["date_of_birth"]) if m["date_of_birth"] else None) for m in members]
    dependants = sum(1 for m, a in zip(members, ages) if a is not None and (a < 16 or a >= 60
                     or m["disability_level"] in ("severe", "especially_severe")))
    derived = {
        "dep_dependants": dependants / len(members) > 0.5,
        "dep_child_schooling": any(a is not None and 3 <= a < 16 and m["studying_level"] == "none"
                                   for m, a in zip(members, ages)),
        "dep_health_insurance": any(a is not None and a >= 6 and not m["hi_card"] for m, a in zip(members, ages)),
    }
    for name, value in derived.items():
        if row[name] != value:
            raise SystemExit(f"{row['household_id']}: {name} is {row[name]} but the members say {value}")


# The programmes' own payrolls for November 2025 (programme_lists.csv): one case of each audit status,
# amounts from POLICIES.md (standard 500,000 from 1 Jul 2024 and 360,000 before, §1; coefficients §3.1;
# social pension 500,000, §3.4, and the 540,000 reported for 2026, graded D there).
LISTS = [
    # (programme, person ID, name, birth year, commune, monthly amount, coefficient, why)
    ("monthly_social_allowance", "DM13-1", None, None, None, 720_000, 2.0,
     "underpaid: 2.0 x 360,000 (last year's standard) where 2.0 x 500,000 = 1,000,000 is due: -280,000"),
    ("monthly_social_allowance", "DM18-3", None, None, None, 750_000, 1.5,
     "wrong_level: paid at coefficient 1.5 (severe disability, adult) where 2.0 (severe, child) is due: -250,000"),
    ("monthly_social_allowance", "DM19-3", None, None, None, 1_000_000, 2.0, "covered"),
    ("monthly_social_allowance", None, "Hoàng Thị Ín", 2022, "Bản Bo", 1_250_000, 2.5,
     "covered; the entry has no ID and is matched by name, birth year and commune (DM20-4)"),
    ("monthly_social_allowance", "DM33-4", None, None, None, 750_000, 1.5, "covered"),
    ("monthly_social_allowance", "DM34-1", None, None, None, 500_000, 1.0, "leakage: paid, not eligible: 500,000"),
    ("monthly_social_allowance", "DM41-1", None, None, None, 500_000, 1.0, "leakage: paid, not eligible: 500,000"),
    ("social_pension", "DM11-3", None, None, None, 540_000, None,
     "overpaid: 540,000 (the level reported for 2026) where 500,000 is due: +40,000"),
    ("social_pension", "DM12-1", None, None, None, 500_000, None, "covered"),
    ("social_pension", "DM12-2", None, None, None, 500_000, None, "covered"),
    ("social_pension", "DM14-3", None, None, None, 500_000, None,
     "deceased_paid: died 20/09/2025, paid for November 2025: 500,000"),
    ("social_pension", "DM15-1", None, None, None, 500_000, None, "covered (first entry)"),
    ("social_pension", "DM15-1", None, None, None, 500_000, None, "duplicate: the same person twice: 500,000"),
    ("social_pension", "DM16-1", None, None, None, 500_000, None, "covered"),
    ("social_pension", None, "Lò Văn Xiêng", 1944, "Than Uyên", 500_000, None,
     "not_in_register: nobody of that name, year and commune in the register: 500,000"),
]


def lists_frame() -> pd.DataFrame:
    """The payroll of November 2025; social-pension entries start on 1 Jul 2025 (the programme's start, §3.4)."""
    frame = pd.DataFrame([dict(zip(["programme", "person_id", "full_name", "birth_year", "commune", "monthly_amount",
                                    "coefficient"], row[:7])) for row in LISTS]).astype(
        {"birth_year": "Int64", "monthly_amount": "Float64", "coefficient": "Float64"})
    frame["since"] = pd.to_datetime(np.where(frame["programme"] == "social_pension", "2025-07-01", None))
    frame["paid_month"] = pd.Timestamp("2025-11-01")
    return frame


def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    households, members = [], []
    for case in CASES:
        _finish_members(case)
        _check_deprivations(case)
        households.append(case["row"])
        members += case["members"]
    h = pd.DataFrame(households)
    m = pd.DataFrame(members)
    for frame in (h, m):
        for col in frame.columns:
            if frame[col].map(lambda v: isinstance(v, dt.date)).any():
                frame[col] = pd.to_datetime(frame[col])
    return h, m


def readme(h: pd.DataFrame, m: pd.DataFrame) -> str:
    lines = [
        "# Demo register (hand-made), as of 15/11/2025",
        "",
        "A small commune register for Lai Châu with one household per edge case. Screen it with",
        "",
        "    eligibility screen sample_households/demo --as-of 2025-11-15",
        "",
        "* `households.csv`, `members.csv`: UTF-8, Vietnamese headers (labels from `rules/inputs/`),",
        "  dates dd/mm/yyyy, yes/no as có/không, enum values as their Vietnamese labels.",
        "* `../demo_xlsx/register.xlsx`: the same data in one workbook (sheets \"Hộ gia đình\" and",
        "  \"Thành viên\", real Excel date cells).",
        "* Regenerate both with `python sample_households/build_demo.py` (this file too).",
        "* It reads with **zero rejects**. A register with deliberately bad rows is in",
        "  `tests/fixtures/register/demo_bad_rows/`.",
        "",
        "Person IDs are `<household>-<n>`. E1…E18 are the worked examples of POLICIES.md §13;",
        "\"expected\" is what the rule pack should find (the tests of the rules assert it).",
        "",
        f"{len(h)} households, {len(m)} people.",
        "",
        "| household | place (former district / commune / village) | edge case | expected |",
        "|---|---|---|---|",
    ]
    schema = default_schema()
    district_vi = {c: v.vi for c, v in schema.households.columns["district"].values.items()}
    for case in CASES:
        row = case["row"]
        place = f"{district_vi[row['district']]} / {row['commune']} / {row['village']}"
        lines.append(f"| {row['household_id']} | {place} | {case['case']} | {case['expect']} |")
    lines += ["", "## Programme lists (audit)", "",
              "`programme_lists.csv`: the November 2025 payrolls of the Decree 20 monthly allowance and the social",
              "pension (paid for 11/2025; social-pension entries since 01/07/2025). `eligibility screen` reads them",
              "beside the register and `audit_findings` lists what they show. Screened at another date, the amounts",
              "are not compared (they were paid for November 2025); the lists still say who is enrolled.",
              "Persons not listed here for these two programmes are not paid: DM23-1 and DM33-3 (social pension)",
              "are gaps, DM36-2 needs data (no date of birth).", "",
              "| row | programme | person | amount | coefficient | audit |", "|---|---|---|---|---|---|"]
    for i, row in enumerate(LISTS, start=2):
        who = row[1] or f"{row[2]} ({row[3]}, {row[4]}), no ID"
        coef = "" if row[6] is None else f"{row[6]:g}"
        lines.append(f"| {i} | {row[0]} | {who} | {row[5]:,} | {coef} | {row[7]} |")
    lines += ["", "## People", "", "| person | name | born | household | relation |", "|---|---|---|---|---|"]
    for rec in m.itertuples():
        born = rec.date_of_birth.strftime("%d/%m/%Y") if not pd.isna(rec.date_of_birth) else "(missing)"
        lines.append(f"| {rec.person_id} | {rec.full_name} | {born} | {rec.household_id} | {rec.relation_to_head} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    schema = default_schema()
    h, m = frames()
    demo = HERE / "demo"
    write_register(h, m, demo, fmt="csv", headers="vi", schema=schema)
    write_register(h, m, HERE / "demo_xlsx", fmt="xlsx", headers="vi", schema=schema)
    (demo / "README.md").write_text(readme(h, m), encoding="utf-8")
    from eligibility.register.writer import CSV_DATE_FORMAT, _prepare, _write_csv

    _write_csv(_prepare(lists_frame(), schema.programme_lists, "csv", "vi"), demo / "programme_lists.csv",
               CSV_DATE_FORMAT["vi"], False)
    from eligibility.register.writer import WORKBOOK_NAME, sheet_name

    with pd.ExcelWriter(HERE / "demo_xlsx" / WORKBOOK_NAME, engine="openpyxl", mode="a") as book:
        _prepare(lists_frame(), schema.programme_lists, "xlsx", "vi").to_excel(
            book, sheet_name=sheet_name(schema.programme_lists, "vi"), index=False)
    for folder in (demo, HERE / "demo_xlsx"):
        register = read_register(folder, schema, AS_OF)
        if not register.rejects.empty:
            raise SystemExit(f"{folder}: the demo must read without rejects:\n{register.rejects}")
        print(folder.name, register.accounting)


if __name__ == "__main__":
    main()
