"""The officer's papers (`screen --papers`): the list for public posting per village and the result
sheet per household, as workbooks (read back with openpyxl) and printable HTML (Chromium prints
them to PDF, one page group per village / household); in Vietnamese with no ISO date, no benefit
id and no English citation."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_fixtures import print_to_pdf

from eligibility.reports.papers import FILES, paper_tables, write_papers

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sample_households" / "demo"
AS_OF = dt.date(2025, 11, 15)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH_CITATION = re.compile(r"\b(Law|Decree|Decision|Circular|Resolution|Ordinance) \d|\bArt\. \d")


class _Folder:
    """Stands for an `outfolder.Staging` (the papers only need its path and run manifest)."""

    def __init__(self, path: Path):
        self.path, self.run = path, {"tool": "eligibility"}


@pytest.fixture(scope="module")
def demo(demo_screened):
    return demo_screened(AS_OF, lang="vi")


@pytest.fixture(scope="module")
def written(demo, tmp_path_factory):
    folder = _Folder(tmp_path_factory.mktemp("papers"))
    return folder, write_papers(demo, folder, "vi")


def _text(path: Path) -> str:
    """The page's visible text (tags and attributes dropped)."""
    return re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))


def test_posting_list_is_the_eligible_not_receiving_without_loans(demo):
    papers = paper_tables(demo, "vi")
    posting = papers.posting
    assert len(posting) > 0
    assert set(posting["status"].astype(str)) == {"eligible"}
    assert "covered" not in set(posting["coverage"].astype(str))
    assert "loan" not in set(posting["unit"].astype(str))
    # numbered from 1 in each village
    firsts = posting.groupby(["commune", "village"])["stt"].min()
    assert set(firsts) == {1}
    sizes = posting.groupby(["commune", "village"]).size()
    assert (posting.groupby(["commune", "village"])["stt"].max() == sizes).all()


def test_posting_html_has_one_page_group_per_village_with_signatures(demo, written):
    folder, paths = written
    page = paths["posting_html"].read_text(encoding="utf-8")
    villages = paper_tables(demo, "vi").posting.groupby(["commune", "village"]).ngroups
    assert page.count('<section class="group" data-village=') == villages
    assert page.count("Người lập biểu") == villages and page.count("TM. ỦY BAN NHÂN DÂN XÃ") == villages
    assert "@page { size: A4" in page and "break-after: page" in page
    assert "DANH SÁCH NIÊM YẾT CÔNG KHAI" in page and "15/11/2025" in page


def test_result_sheet_per_household_with_members_entitlements_and_missing(demo, written):
    folder, paths = written
    page = paths["sheets_html"].read_text(encoding="utf-8")
    households = demo.register.households
    assert page.count('<section class="group" data-household=') == len(households)
    sheet = page.split('data-household="DM01"')[1].split("</section>")[0]
    assert "Giàng A Sử" in sheet and "Sùng Thị Mai" in sheet          # members by name
    assert "40.000.000 đồng (một lần)" in sheet                        # housing support, vi number format
    assert "Đủ điều kiện đề nghị vay vốn ưu đãi" in sheet               # loans folded into one line
    assert sheet.count("vay vốn ưu đãi") == 1
    missing = page.split('data-household="DM36"')[1].split("</section>")[0]
    assert "Thông tin cần bổ sung" in missing and "Ngày sinh" in missing


@pytest.mark.parametrize("name", ["posting_html", "sheets_html"])
def test_vi_papers_have_no_iso_date_no_benefit_id_no_english_citation(demo, written, name):
    text = _text(written[1][name])
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    assert not ENGLISH_CITATION.search(text), ENGLISH_CITATION.search(text)
    ids = [b for b in demo.plan.benefits if re.search(rf"\b{re.escape(b)}\b", text)]
    assert ids == []
    assert "Luật Bảo hiểm y tế số 51/2024/QH15" in text


def test_workbooks_read_back_with_formats_frozen_header_and_filters(written):
    folder, paths = written
    posting = load_workbook(paths["posting_xlsx"])
    assert posting.sheetnames == ["Niêm yết công khai", "Tái lập số liệu"]
    ws = posting["Niêm yết công khai"]
    heads = [c.value for c in ws[1]]
    assert heads[:6] == ["STT", "Xã/phường", "Thôn/bản", "Chủ hộ", "Người được hưởng", "Chính sách đề nghị hưởng"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:I{ws.max_row}"
    amount, unit = heads.index("Mức hỗ trợ") + 1, heads.index("Đơn vị") + 1
    formats = {ws.cell(r, unit).value: ws.cell(r, amount).number_format for r in range(2, ws.max_row + 1)
               if ws.cell(r, amount).value is not None}
    assert formats["phần mức đóng BHYT"] == "0%"
    assert formats["đồng/tháng"] == "#,##0"
    sheets = load_workbook(paths["sheets_xlsx"])
    assert sheets.sheetnames == ["Được hưởng", "Cần bổ sung", "Thành viên", "Tái lập số liệu"]
    assert all(sheets[s].freeze_panes == "A2" for s in sheets.sheetnames[:3])


def test_papers_are_recorded_in_the_run_manifest(written):
    folder, paths = written
    record = folder.run["papers"]
    assert record["households"] == 41 and record["posted_rows"] > 0
    assert record["posting_html"].startswith(f"{FILES['posting']}.html sha256:")


def test_english_papers_use_english_words(demo, tmp_path):
    paths = write_papers(demo, _Folder(tmp_path), "en")
    page = paths["posting_html"].read_text(encoding="utf-8")
    assert "PUBLIC POSTING LIST" in page and "15 Nov 2025" in page


def test_screen_papers_writes_them_through_the_output_folder(tmp_path):
    from click.testing import CliRunner

    from eligibility.cli import main
    from eligibility.outfolder import verify_folder

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["screen", str(DEMO), "--as-of", "2025-11-15", "--out", str(out), "--papers"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for stem in FILES.values():
        for suffix in (".html", ".xlsx"):
            assert f"{stem}{suffix}" in manifest["files"]
    assert manifest["papers"]["lang"] == "vi"
    assert verify_folder(out) == []


@pytest.mark.slow
@pytest.mark.parametrize("name,groups", [("posting_html", "data-village="), ("sheets_html", "data-household=")])
def test_chromium_prints_the_papers_to_pdf_a_page_group_each(chromium, written, tmp_path, name, groups):
    page = written[1][name]
    data, pages = print_to_pdf(chromium, page, tmp_path)
    assert pages >= page.read_text(encoding="utf-8").count(groups)    # a page break after every group
    assert b"/MediaBox [0 0 594" in data or b"/MediaBox [0 0 595" in data   # A4: 595 x 842 points
