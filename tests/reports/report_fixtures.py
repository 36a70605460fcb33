"""Data and helpers of the report tests (a module with a name of its own, so that no other `conftest`
can shadow it): a small purpose-built rule pack and register with every coverage outcome (covered,
gap, leakage, needs data), every unit, mixed-ethnicity households, and register text that looks like
spreadsheet formulas or HTML; and headless Chromium."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path


from shared import AS_OF, ROOT  # noqa: F401  (re-exported to the report tests)

PARAMS = """
parameters:
  std:
    label: {vi: Mức chuẩn, en: Standard}
    type: money
    values:
      - {from: 2024-07-01, value: 500000, reference: {kind: other, title: Test decree 76}, confidence: B}
  line:
    label: {vi: Chuẩn nghèo, en: Poverty line}
    type: money
    values:
      - {from: 2022-01-01, value: 1500000, reference: {kind: other, title: Test decree 07}, confidence: C}
"""

POLICY = """
variables:
  age:
    entity: person
    type: int
    label: {vi: Tuổi, en: Age}
    formula: years_between(date_of_birth, as_of)
benefits:
  social_allowance:
    entity: person
    label: {vi: Trợ cấp xã hội hằng tháng, en: Monthly social allowance}
    unit: vnd_per_month
    hit_policy: max
    enrolled_when: receives_social_allowance
    rules:
      - id: sa_80
        label: {vi: Người từ đủ 80 tuổi, en: Aged 80 or more}
        reference: {kind: other, title: Test decree 20, article: "5", clause: "5"}
        conditions: [age >= 80]
        amount: param('std') * 1.5
      - id: sa_poor_elder
        label: {vi: Người cao tuổi hộ nghèo, en: Elder in a poor household}
        reference: {kind: other, title: Test decree 20, article: "5", clause: "5", point: a}
        conditions:
          - age >= 60
          - household.poverty_list_status == 'poor'
        amount: param('std') * 1.0
  health_insurance:
    entity: person
    label: {vi: Hỗ trợ đóng BHYT, en: Health-insurance premium support}
    unit: share_of_premium
    hit_policy: first
    enrolled_when: hi_card
    rules:
      - id: hi_poor
        label: {vi: Thành viên hộ nghèo, en: Member of a poor household}
        reference: {kind: other, title: Test law 25, article: "12"}
        priority: 1
        conditions: ["household.poverty_list_status == 'poor'"]
        amount: 1.0
      - id: hi_near_poor
        label: {vi: Thành viên hộ cận nghèo, en: Member of a near-poor household}
        reference: {kind: other, title: Test decree 146, article: "4"}
        priority: 2
        conditions: ["household.poverty_list_status == 'near_poor'"]
        amount: 0.7
  housing_support:
    entity: household
    label: {vi: Hỗ trợ nhà ở, en: Housing support}
    unit: vnd_once
    hit_policy: max
    enrolled_when: housing_support_received
    rules:
      - id: housing_poor
        label: {vi: Hộ nghèo nhà tạm, en: Poor household in a temporary house}
        reference: {kind: other, title: Test decision 90, article: "1"}
        conditions:
          - poverty_list_status == 'poor'
          - house_condition in ['temporary', 'dilapidated']
        amount: 40000000
  poor_loan:
    entity: household
    label: {vi: Vay vốn hộ nghèo, en: Poor-household loan}
    unit: loan
    hit_policy: max
    enrolled_when: loan_poor
    rules:
      - id: loan_poor_household
        label: {vi: Hộ nghèo, en: Poor household}
        reference: {kind: other, title: Test decree 78, article: "2"}
        conditions: ["poverty_list_status == 'poor'"]
        amount: 100000000
        rate: 0.066
  on_list:
    entity: household
    label: {vi: Danh sách hộ nghèo/cận nghèo, en: On the poor or near-poor list}
    unit: status
    hit_policy: first
    enrolled_when: poverty_list_status in ['poor', 'near_poor']
    rules:
      - id: on_list_income
        label: {vi: Thu nhập dưới chuẩn, en: Income under the line}
        reference: {kind: other, title: Test decree 07, article: "3"}
        priority: 1
        conditions: ["income_per_capita <= param('line')"]
        amount: 1
"""

TARGETS = """
targets:
  hi_coverage:
    label: {vi: Tỷ lệ tham gia BHYT, en: Health-insurance coverage}
    reference: {kind: plan, number: "767/KH-UBND", article: "II"}
    entity: person
    indicator: hi_card
    measure: share
    direction: ">="
    target: 98
    year: 2025
  hygienic_water:
    label: {vi: Hộ nông thôn dùng nước hợp vệ sinh, en: Households using hygienic water}
    reference: {kind: plan, number: "767/KH-UBND", article: "II"}
    entity: household
    indicator: hygienic_water
    direction: ">"
    target: 0.93
    year: 2025
    baseline: 85
  poor_merit:
    label: {vi: Không còn hộ nghèo có người có công, en: No poor household with a meritorious member}
    reference: {kind: plan, number: "767/KH-UBND", article: "II"}
    entity: household
    population: any(merit_category != 'none')
    indicator: poverty_list_status == 'poor'
    measure: count
    direction: "<="
    target: 0
    year: 2025
  elder_allowance:
    label: {vi: Người từ 80 tuổi được trợ cấp, en: People aged 80+ receiving the allowance}
    reference: {kind: plan, number: "767/KH-UBND", article: "II"}
    entity: person
    population: age >= 80
    indicator: receives_social_allowance
    direction: ">="
    target: 0.4
    year: 2025
"""

# Register text that a spreadsheet would run (=, +, -, @) or a browser would parse (<script>).
INJECTION = {"head_H1": "=1+2", "P2": "@SUM(A1)", "P3": "+84 912 000", "P7": "-2+3"}
XSS_VILLAGE = "<script>alert('x')</script> & Bản \"Nà\""

HOUSEHOLDS = [
    {"household_id": "HHX-0001", "head_name": INJECTION["head_H1"], "district": "sin_ho", "commune": "Nậm Tăm",
     "village": "Nà Luông", "poverty_list_status": "poor", "house_condition": "temporary",
     "housing_support_received": False, "loan_poor": False, "hygienic_water": True, "income_per_capita": 800000},
    {"household_id": "HHX-0002", "head_name": "Lò Văn Bình", "district": "sin_ho", "commune": "Nậm Tăm",
     "village": XSS_VILLAGE, "poverty_list_status": "near_poor", "house_condition": "durable",
     "loan_poor": True, "hygienic_water": False, "income_per_capita": 2000000},
    {"household_id": "HHX-0003", "head_name": "Lý Thị Ca", "district": "muong_te", "commune": "Bum Tở",
     "village": "Pa Ủ", "house_condition": "durable"},
    {"household_id": "HHX-0004", "head_name": "Giàng A Dơ", "district": "muong_te", "commune": "Bum Tở",
     "village": "Pa Ủ", "poverty_list_status": "poor", "house_condition": "temporary",
     "housing_support_received": False, "loan_poor": True, "hygienic_water": True, "income_per_capita": 900000},
]


def _m(pid, hh, name, born, eth, rel=None, **kw):
    row = {"person_id": pid, "household_id": hh, "full_name": name, "date_of_birth": born, "ethnicity": eth,
           "merit_category": "none", **kw}
    if rel:
        row["relation_to_head"] = rel
    return row


MEMBERS = [
    _m("PPX-0001", "HHX-0001", "Lò Thị Một", dt.date(1940, 1, 1), "thai", "head", receives_social_allowance=True,
       hi_card=True),
    _m("PPX-0002", "HHX-0001", INJECTION["P2"], dt.date(1963, 3, 3), "mong", "spouse",
       receives_social_allowance=False, hi_card=False),
    _m("PPX-0003", "HHX-0002", INJECTION["P3"], dt.date(1995, 5, 5), "dao", "head"),
    _m("PPX-0004", "HHX-0002", "Lò Văn Bốn", dt.date(2020, 6, 6), "dao", "child", hi_card=True),
    _m("PPX-0005", "HHX-0003", "Lý Thị Năm", dt.date(1935, 7, 7), "ha_nhi", receives_social_allowance=False,
       hi_card=False),
    _m("PPX-0006", "HHX-0003", "Lý Văn Sáu", dt.date(1975, 8, 8), "ha_nhi", receives_social_allowance=True,
       hi_card=True),
    _m("PPX-0007", "HHX-0004", INJECTION["P7"], dt.date(1985, 9, 9), "kinh", hi_card=False,
       merit_category="war_invalid"),
    _m("PPX-0008", "HHX-0004", "Giàng Thị Tám", dt.date(2015, 10, 10), "mong", hi_card=True),
]
NAMES = [h["head_name"] for h in HOUSEHOLDS] + [m["full_name"] for m in MEMBERS]
IDS = [h["household_id"] for h in HOUSEHOLDS] + [m["person_id"] for m in MEMBERS]


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars"]


def dump_dom(browser: str, url: str, tmp_path: Path, width: int = 1280, height: int = 900) -> str:
    """The page's DOM after its scripts ran, as headless Chromium sees it."""
    profile = tmp_path / f"chromium-profile-{width}"
    args = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--dump-dom", url]
    done = subprocess.run(args, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, f"chromium exited {done.returncode}: {done.stderr[-2000:]}"
    return done.stdout


def print_to_pdf(browser: str, page: Path, tmp_path: Path) -> tuple[bytes, int]:
    """The page printed by headless Chromium (as a user prints it: no header or footer): the PDF's
    bytes, checked to be a PDF, and its number of pages."""
    pdf = tmp_path / f"{page.stem}.pdf"
    args = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile-print'}",
            "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"chromium exited {done.returncode}: {done.stderr[-2000:]}"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return data, max(int(n) for n in re.findall(rb"/Count (\d+)", data))
