"""entitlements.xlsx (`screen --format xlsx`) formatted like gaps.xlsx: Vietnamese headers and labels,
frozen header, filters, VND and percentage formats, widths, rows sorted by commune, village, household."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from eligibility.outputs import write_outputs
from eligibility.reports.entitlements import rank, sort_rows

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sample_households" / "demo"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory, demo_screened):
    screening = demo_screened(dt.date(2025, 11, 15), lang="vi")
    out = tmp_path_factory.mktemp("ent") / "out"
    written = write_outputs(screening, out, "xlsx", "vi")
    return screening, load_workbook(written["entitlements"]), load_workbook(written["rejects"])


def _column(ws, head: str) -> list:
    heads = [c.value for c in ws[1]]
    j = heads.index(head) + 1
    return [ws.cell(r, j) for r in range(2, ws.max_row + 1)]


def test_sheet_headers_frozen_filtered_and_wide_enough(workbook):
    screening, wb, _ = workbook
    assert wb.sheetnames == ["Kết quả rà soát", "Tái lập số liệu"]
    ws = wb["Kết quả rà soát"]
    heads = [c.value for c in ws[1]]
    assert {"Mã hộ", "Xã/phường", "Thôn/bản", "Chính sách", "Kết quả", "Mức hưởng", "Căn cứ pháp lý"} <= set(heads)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(heads)).column_letter}{len(screening.decisions) + 1}"
    assert ws.column_dimensions["C"].width >= 12            # names fit
    assert ws.cell(1, 1).font.bold


def test_amounts_are_numbers_in_their_units_format_and_labels_are_vietnamese(workbook):
    _, wb, _ = workbook
    ws = wb["Kết quả rà soát"]
    formats = {(u.value, a.number_format) for u, a in zip(_column(ws, "Đơn vị"), _column(ws, "Mức hưởng"))
               if a.value is not None}
    assert ("đồng/tháng", "#,##0") in formats and ("phần mức đóng BHYT", "0%") in formats
    statuses = {c.value for c in _column(ws, "Kết quả")}
    assert "đủ điều kiện" in statuses and "eligible" not in statuses
    text = " ".join(str(c.value) for c in _column(ws, "Căn cứ pháp lý"))
    assert not re.search(r"\b(Law|Decree|Decision) \d", text)


def test_no_iso_date_and_no_english_true_false_in_the_data(workbook):
    _, wb, _ = workbook
    ws = wb["Kết quả rà soát"]
    texts = [c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert not [t for t in texts if re.search(r"\b\d{4}-\d{2}-\d{2}\b", t)]
    assert not {"True", "False"} & set(texts)


def test_rows_sorted_by_commune_village_household(workbook):
    _, wb, _ = workbook
    ws = wb["Kết quả rà soát"]
    keys = list(zip(*(([c.value or "" for c in _column(ws, h)]) for h in ("Xã/phường", "Thôn/bản", "Mã hộ"))))
    assert keys == sorted(keys)


def test_rejects_workbook_is_formatted_too(workbook):
    _, _, rejects = workbook
    assert rejects.sheetnames[0] == "Dòng bị loại" and rejects[rejects.sheetnames[0]].freeze_panes == "A2"


def test_rank_sorts_categoricals_by_name_not_by_category_order():
    column = pd.Series(pd.Categorical(["b", "a", None, "c"], categories=["c", "b", "a"]))
    assert list(rank(column)) == [1, 0, 3, 2]
    frame = pd.DataFrame({"commune": column, "household_id": ["x", "y", "z", "w"]})
    assert list(sort_rows(frame, ("commune", "household_id"))["household_id"]) == ["y", "x", "w", "z"]
