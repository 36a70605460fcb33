"""The gap workbook read back with openpyxl: sheets, frozen header, filters, formats, figures."""
from __future__ import annotations

import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from eligibility.outputs import manifest
from eligibility.reports import value_labels, write_gap_workbook
from eligibility.reports.labels import ALL_BENEFITS, SHEETS, headers
from eligibility.reports.tables import VIEWS
from eligibility.wording.catalogue import in_lang

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

RISKY = ("=", "+", "-", "@")


@pytest.fixture(scope="module", params=["en", "vi"])
def book(request, screening, tables, tmp_path_factory):
    lang = request.param
    path = tmp_path_factory.mktemp(f"wb_{lang}") / "gaps.xlsx"
    write_gap_workbook(tables, path, manifest(screening), lang, value_labels(screening.plan, lang), {"lang": lang})
    return lang, path, load_workbook(path)


def records(ws):
    """Sheet rows as dicts keyed by header."""
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_one_sheet_per_view_then_the_manifest(book):
    lang, _, wb = book
    assert wb.sheetnames == [in_lang(SHEETS, lang)[v] for v in VIEWS] + [in_lang(SHEETS, lang)["manifest"]]


def test_every_sheet_has_a_frozen_styled_header_and_a_filter_over_all_rows(book, tables):
    lang, _, wb = book
    for view in VIEWS:
        ws = wb[in_lang(SHEETS, lang)[view]]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{len(tables[view]) + 1}"
        assert ws.max_row == len(tables[view]) + 1
        assert [c.value for c in ws[1]] == [headers(lang).get(c, c) for c in tables[view].columns]
        assert all(c.font.b for c in ws[1])
        assert all((ws.column_dimensions[c.column_letter].width or 0) >= 8 for c in ws[1])


def test_numbers_are_numbers_with_vnd_and_percent_formats(book):
    lang, _, wb = book
    h = headers(lang)
    ws = wb[in_lang(SHEETS, lang)["by_benefit"]]
    heads = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        cell = lambda col, r=r: ws.cell(r, heads.index(h[col]) + 1)  # noqa: E731
        assert cell("eligible").number_format == "#,##0" and isinstance(cell("eligible").value, int)
        assert cell("gap_vnd_per_month").number_format == "#,##0"
        assert cell("gap_vnd_once").number_format == "#,##0"
        if cell("gap_rate").value is not None:
            assert cell("gap_rate").number_format == "0.0%"
    gap = wb[in_lang(SHEETS, lang)["gap_list"]]
    heads = [c.value for c in gap[1]]
    amount, unit = heads.index(h["amount"]) + 1, heads.index(h["unit"]) + 1
    formats = {gap.cell(r, unit).value: gap.cell(r, amount).number_format for r in range(2, gap.max_row + 1)}
    labels = value_labels(None, lang)["unit"]
    assert formats[labels["vnd_per_month"]] == "#,##0" and formats[labels["vnd_once"]] == "#,##0"
    assert formats[labels["share_of_premium"]] == "0%"


def test_the_figures_are_the_entitlements(book, screening):
    lang, _, wb = book
    h = headers(lang)
    d = screening.decisions
    by_benefit = {r[h["benefit"]]: r for r in records(wb[in_lang(SHEETS, lang)["by_benefit"]])}
    for benefit, group in d.groupby("benefit"):
        r = by_benefit[benefit]
        assert r[h["eligible"]] == (group["status"] == "eligible").sum()
        for name in ("covered", "gap", "leakage", "needs_data"):
            assert r[h[name]] == (group["coverage"] == name).sum()
        unit = group["unit"].iloc[0]
        if unit != "status":
            assert r[h[f"gap_{unit}"]] == pytest.approx(group.loc[group["coverage"] == "gap", "amount"].sum())
    assert by_benefit[ALL_BENEFITS][h["gap"]] == (d["coverage"] == "gap").sum()
    communes = [r for r in records(wb[in_lang(SHEETS, lang)["by_commune"]]) if r[h["benefit"]] == ALL_BENEFITS]
    for r in communes:
        mine = d[d["commune"] == r[h["commune"]]]
        assert r[h["gap"]] == (mine["coverage"] == "gap").sum()
        assert r[h["gap_vnd_once"]] == mine.loc[(mine["coverage"] == "gap") & (mine["unit"] == "vnd_once"),
                                                "amount"].sum()
    for view, coverage in (("gap_list", "gap"), ("leakage_list", "leakage"), ("needs_data_list", "needs_data")):
        assert wb[in_lang(SHEETS, lang)[view]].max_row - 1 == (d["coverage"] == coverage).sum()


def test_codes_are_shown_as_names_in_the_reader_language(book):
    lang, _, wb = book
    h = headers(lang)
    districts = {r[h["district"]] for r in records(wb[in_lang(SHEETS, lang)["by_district"]])}
    assert districts == {"Sìn Hồ", "Mường Tè"}
    ethnicities = {r[h["ethnicity"]] for r in records(wb[in_lang(SHEETS, lang)["by_ethnicity"]])}
    assert ("Thái" in ethnicities) and (("Mixed (no head recorded)" if lang == "en" else
                                         "Nhiều dân tộc (không rõ chủ hộ)") in ethnicities)


def test_text_that_looks_like_a_formula_is_neutralised(book):
    lang, _, wb = book
    names = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(RISKY), (ws.title, cell.coordinate, cell.value)
                    names.add(cell.value)
    assert {"'=1+2", "'@SUM(A1)", "'-2+3"} <= names
    assert "'+84 912 000" in {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def test_the_manifest_sheet_lets_an_auditor_reproduce_the_run(book, screening):
    """English keeps the manifest's keys; Vietnamese words them (reports/manifestwords.py); both end
    with the manifest as JSON for machines."""
    import json

    lang, _, wb = book
    rows = dict(r for r in wb[in_lang(SHEETS, lang)["manifest"]].iter_rows(min_row=2, values_only=True))
    assert json.loads(rows["manifest.json"]) == json.loads(json.dumps(manifest(screening)))
    if lang == "en":
        assert rows["manifest.rule_pack.sha256"] == screening.plan.digest
        assert rows["manifest.as_of"] == "2025-11-15"
        assert rows["manifest.version"]
        assert rows["report.lang"] == lang
        assert any(k.startswith("note.") for k in rows)
    else:
        assert rows["Bộ quy tắc (mã kiểm tra SHA-256)"] == screening.plan.digest
        assert rows["Ngày áp dụng quy định"] == "15/11/2025"
        assert rows["Phần mềm"].startswith("eligibility ")
        assert rows["Ngôn ngữ của báo cáo"] == "tiếng Việt"
        assert any(k.startswith("Ghi chú ") for k in rows)
        assert not [k for k in rows if k.startswith(("manifest.", "report.", "note.")) and k != "manifest.json"]


def test_the_same_tables_give_the_same_bytes(book, screening, tables, tmp_path):
    lang, path, _ = book
    again = write_gap_workbook(tables, tmp_path / "again.xlsx", manifest(screening), lang,
                               value_labels(screening.plan, lang), {"lang": lang})
    assert again.read_bytes() == path.read_bytes()
    with zipfile.ZipFile(path) as z:      # no save time anywhere (openpyxl stamps one by default)
        assert b"2000-01-01T00:00:00Z</dcterms:modified>" in z.read("docProps/core.xml")
        for name in z.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(z.read(name))   # well-formed


def test_a_long_list_is_cut_in_the_workbook_and_the_cut_is_said(tmp_path):
    """A province's list would take openpyxl minutes: the workbook keeps `max_rows` rows of a list and its
    manifest sheet says how many the list had (the CSV keeps them all)."""
    import pandas as pd

    rows = pd.DataFrame({"household_id": [f"H{i}" for i in range(12)], "amount": range(12)})
    path = write_gap_workbook({"gap_list": rows}, tmp_path / "g.xlsx", {"tool": "eligibility"}, "en", max_rows=5)
    book = load_workbook(path, read_only=True)
    sheets = book.sheetnames
    listed = list(book[sheets[0]].iter_rows(values_only=True))
    assert len([r for r in listed if any(v is not None for v in r)]) == 1 + 5
    said = " ".join(str(v) for row in book[sheets[-1]].iter_rows(values_only=True) for v in row if v is not None)
    assert "truncated_rows" in said and "12" in said
