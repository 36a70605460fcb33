"""The gap report's audit views (issue 13): gaps.xlsx and gaps.html show, beside the gaps, the
findings of the programme lists counted with their money by programme, commune, village and
ethnicity, the list of each finding, and how the list entries were matched; the page still works
in Chromium (tables wired, every table sorts both ways)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from report_fixtures import dump_dom

from eligibility.api import load_rules
from eligibility.reports.audit import REPORT_VIEWS
from eligibility.reports.labels import header
from eligibility.reports.report import write_gap_report
from eligibility.reports.tables import VIEWS

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 11, 15)


@pytest.fixture(scope="module")
def report(tmp_path_factory, demo_screened) -> Path:
    out = tmp_path_factory.mktemp("audit-gaps") / "gaps"
    write_gap_report(demo_screened(AS_OF), out, lang="vi")
    return out


def _sheet(book, title: str) -> list[dict]:
    rows = list(book[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.mark.slow   # an audit of a generated register with lists (about 3 CPU-s): `make test` runs it, `make test-fast` not
def test_the_workbook_counts_each_finding_with_its_money_by_programme(report):
    book = openpyxl.load_workbook(report / "gaps.xlsx", read_only=True)
    by_programme = {r[header("programme", "vi")]: r for r in _sheet(book, "Đối chiếu theo chương trình")}
    plan = load_rules(None)   # in Vietnamese a programme is named by the benefit read from its list
    pension, allowance = (by_programme[plan.benefits[code].label.vi] for code in ("social_pension",
                                                                                  "monthly_social_allowance"))
    assert "social_pension" not in by_programme
    # the demo README's payroll: each status once, with the money worked by hand there
    assert (pension[header("overpaid", "vi")], pension[header("overpaid_money", "vi")]) == (1, 40_000)
    assert allowance[header("underpaid_money", "vi")] == 280_000
    assert allowance[header("wrong_level_money", "vi")] == 250_000
    assert pension[header("not_in_register", "vi")] == 1
    # the HI card list: DM03-1's card fully paid where 70 % is due: 0.3 x 105,300 (README, POLICIES.md §4.3)
    cards = by_programme[plan.benefits["hi_state_support"].label.vi]
    assert (cards[header("wrong_level", "vi")], cards[header("wrong_level_money", "vi")]) == (1, 31_590)


@pytest.mark.slow   # an audit of a generated register with lists (about 3 CPU-s): `make test` runs it, `make test-fast` not
def test_the_workbook_lists_each_finding_and_the_matching_table(report):
    book = openpyxl.load_workbook(report / "gaps.xlsx", read_only=True)
    for title in ("Chi thấp hơn mức", "Chi cao hơn mức", "Sai mức", "Chi sau khi chết", "Không có trong sổ hộ",
                  "Chi trùng"):
        assert len(_sheet(book, title)) >= 1, title   # the demo holds each finding at least once
    underpaid = _sheet(book, "Chi thấp hơn mức")
    assert {r["Mã người"] for r in underpaid} == {"DM13-1"}
    assert underpaid[0]["Số tiền liên quan (đồng)"] == 280_000
    matching = {r["Chương trình"]: r for r in _sheet(book, "Ghép danh sách")}
    assert sum(r["Số dòng"] for r in matching.values()) == sum(
        r["Ghép theo mã"] + r["Ghép theo họ tên, năm sinh và xã"] + r["Không rõ (nhiều người trùng)"]
        + r["Không ghép được (không ai trùng)"] for r in matching.values())
    assert sum(r["Không ghép được (không ai trùng)"] for r in matching.values()) >= 1


@pytest.mark.slow   # an audit of a generated register with lists (about 3 CPU-s): `make test` runs it, `make test-fast` not
def test_the_page_has_the_audit_sections(report):
    page = (report / "gaps.html").read_text(encoding="utf-8")
    for view in REPORT_VIEWS:
        assert f'<section id="{view}">' in page, view
    assert "Vẫn chi trả sau khi chết" in page and "Kết quả ghép danh sách với sổ hộ" in page
    # levels keep their decimals: a coefficient 1.5 against 2.0, a card's share 1 against 0.7
    wrong = page[page.index('<section id="audit_wrong_level">'):]
    wrong = re.sub(r"<[^>]+>", " ", wrong[:wrong.index("</section>")])
    assert re.search(r"DM18-3\s.*?\s1,50\s+2,00\s", wrong, re.S) and re.search(r"DM03-1\s.*?\s1,00\s+0,70\s", wrong, re.S)


@pytest.mark.slow   # an audit of a generated register with lists (about 3 CPU-s): `make test` runs it, `make test-fast` not
def test_chromium_renders_the_audit_tables_and_they_sort(chromium, report, tmp_path):
    dom = dump_dom(chromium, (report / "gaps.html").as_uri() + "#selftest", tmp_path)
    attr = {name: (re.search(r"<html\b[^>]*\b" + name + r'="([^"]*)"', dom) or [None, None])[1]
            for name in ("data-error", "data-ok", "data-selftest", "data-tables")}
    assert attr["data-error"] is None, attr["data-error"]
    assert attr["data-ok"] == "1" and attr["data-selftest"] == "pass"
    assert attr["data-tables"] == str(len(VIEWS) + len(REPORT_VIEWS))


def _table(output: str, head: str) -> list[list[str]]:
    """The end-of-run table under `head`: each line split on runs of two spaces or more."""
    lines = output.split(head, 1)[1].split("\n\n", 1)[0].strip("\n").splitlines()
    return [re.split(r"\s{2,}", line.strip()) for line in lines[1:]]


@pytest.mark.slow   # an audit of a generated register with lists (about 3 CPU-s): `make test` runs it, `make test-fast` not
def test_gaps_prints_each_finding_with_its_count_and_money_in_vietnamese(tmp_path):
    """`eligibility gaps` on the demo: the end-of-run table counts the six findings of the programme lists with
    their money (README: each status once; the money as audit_by_programme.csv), the programme under each."""
    from click.testing import CliRunner

    from eligibility.cli_reports import gaps

    result = CliRunner().invoke(gaps, [str(ROOT / "sample_households" / "demo"), "--as-of", "15/11/2025",
                                       "--out", str(tmp_path / "out"), "--lang", "vi"], catch_exceptions=False)
    assert result.exit_code == 0
    head = result.output.split("Đối chiếu danh sách chi trả", 1)[1].split("\n", 1)[0]
    assert re.split(r"\s{2,}", head.strip()) == ["số lượng", "số tiền (đồng)"]   # the header's words alone
    rows = _table(result.output, "Đối chiếu danh sách chi trả")
    assert rows[0] == ["chi trả thiếu", "1", "280.000"]
    assert ["Trợ cấp xã hội hằng tháng", "1", "280.000"] in rows
    assert ["chi trả thừa", "1", "40.000"] in rows
    assert ["sai mức hưởng", "2", "281.590"] in rows           # the allowance's coefficient and DM03-1's HI card
    assert ["chi trả sau khi chết", "1", "500.000"] in rows
    assert ["không có trong sổ hộ", "1", "500.000"] in rows
    assert ["trùng lặp", "1", "500.000"] in rows


def test_the_findings_table_in_english_keeps_a_zero_line_for_a_finding_not_made(demo_screened, capsys):
    from eligibility.cli_reports import _print_findings

    screening = demo_screened(AS_OF)
    findings = screening.extra["audit"].findings
    _print_findings(findings, screening.plan, "en")
    rows = _table(capsys.readouterr().out, "Audit of the programme lists")
    assert [r for r in rows if not r[0].startswith(("Monthly", "Social", "Health"))] == [
        ["underpaid", "1", "280,000"], ["overpaid", "1", "40,000"], ["wrong level", "2", "281,590"],
        ["paid after death", "1", "500,000"], ["not in the register", "1", "500,000"], ["duplicate", "1", "500,000"]]
    _print_findings(findings[findings["finding"].astype(str) != "duplicate"], screening.plan, "en")
    assert ["duplicate", "0", "0"] in _table(capsys.readouterr().out, "Audit of the programme lists")
