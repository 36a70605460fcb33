"""The self-contained HTML report: escaped, offline, figures equal to the tables, and rendered
without errors by headless Chromium (wired sortable tables, SVG charts, no overflow on a phone)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from report_fixtures import XSS_VILLAGE, dump_dom

from eligibility.outputs import manifest
from eligibility.reports import value_labels, write_gap_html
from eligibility.reports.labels import ALL_BENEFITS
from eligibility.reports.tables import VIEWS


@pytest.fixture(scope="module")
def page(screening, tables, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "gaps.html"
    write_gap_html(tables, path, manifest(screening), "en", value_labels(screening.plan, "en"), {"lang": "en"})
    return path


class Tables(HTMLParser):
    """Collects each `table.sortable` as rows of {data-col: data-v or text}, the SVG bars and the scripts."""

    def __init__(self):
        super().__init__()
        self.tables, self.bars, self.scripts, self.svgs = {}, [], [], 0
        self._view = self._cols = self._row = self._cell = None
        self._script = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "sortable" in (a.get("class") or ""):
            self._view, self._cols = a["data-view"], []
            self.tables[self._view] = []
        elif tag == "th" and self._view and self._row is None:
            self._cols.append(a.get("data-col"))
        elif tag == "tr" and self._view and "data-i" in a:
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = {"v": a.get("data-v"), "text": ""}
        elif tag == "rect" and "bar" in (a.get("class") or ""):
            self.bars.append(a)
        elif tag == "svg":
            self.svgs += 1
        elif tag == "script":
            self._script = {"type": a.get("type"), "text": ""}

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._view].append(dict(zip(self._cols, self._row)))
            self._row = None
        elif tag == "table":
            self._view = None
        elif tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None


@pytest.fixture(scope="module")
def parsed(page):
    p = Tables()
    p.feed(page.read_text(encoding="utf-8"))
    return p


def test_register_text_is_escaped(page):
    text = page.read_text(encoding="utf-8")
    assert XSS_VILLAGE not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Bản &quot;Nà&quot;" in text
    assert len(re.findall(r"<script\b", text)) == 2      # the manifest (JSON data) and the report's own script


def test_nothing_is_fetched_from_anywhere(page):
    text = page.read_text(encoding="utf-8").lower()
    for needle in ("http://", "https://", " src=", "<link", "@import", "url(", "@font-face", "<iframe"):
        assert needle not in text, needle


def test_the_tables_are_the_gap_tables(parsed, tables):
    assert list(parsed.tables) == VIEWS
    for view in ("by_benefit", "by_district", "by_commune", "by_village", "by_ethnicity"):
        frame = tables[view]
        rows = parsed.tables[view]
        assert len(rows) == len(frame)
        for html_row, (_, want) in zip(rows, frame.iterrows()):
            for col in ("eligible", "covered", "gap", "leakage", "needs_data", "gap_vnd_per_month", "gap_vnd_once",
                        "gap_loan", "gap_share_of_premium"):
                assert float(html_row[col]["v"]) == pytest.approx(float(want[col])), (view, col)
            assert html_row["benefit"]["text"] == want["benefit"]
    gap = parsed.tables["gap_list"]
    assert len(gap) == len(tables["gap_list"])
    assert sorted(float(r["amount"]["v"]) for r in gap) == sorted(tables["gap_list"]["amount"].tolist())


def test_the_charts_show_the_gap_rate_of_each_commune_and_the_amounts(parsed, tables):
    communes = tables["by_commune"][tables["by_commune"]["benefit"] == ALL_BENEFITS]
    rates = {b["data-label"]: float(b["data-v"]) for b in parsed.bars if "amount" not in b["class"]}
    assert rates == pytest.approx(dict(zip(communes["commune"], communes["gap_rate"])))
    amounts = {b["data-label"]: float(b["data-v"]) for b in parsed.bars if "amount" in b["class"]}
    assert amounts["Monthly social allowance"] == 1_250_000
    assert amounts["Housing support"] == 80_000_000
    assert parsed.svgs >= 2


def test_the_footer_carries_the_manifest(parsed, screening):
    data = next(s for s in parsed.scripts if s["type"] == "application/json")
    assert json.loads(data["text"]) == json.loads(json.dumps(manifest(screening)))


def test_vietnamese_numbers_use_dot_thousands(screening, tables, tmp_path):
    path = write_gap_html(tables, tmp_path / "vi.html", manifest(screening), "vi", value_labels(screening.plan, "vi"))
    text = path.read_text(encoding="utf-8")
    assert '<html lang="vi"' in text and "1.250.000" in text and "Tất cả chính sách" in text


# ---------------------------------------------------------------- in a real browser
def _attr(dom: str, name: str) -> str | None:
    match = re.search(r"<html\b[^>]*\b" + re.escape(name) + r'="([^"]*)"', dom)
    return match.group(1) if match else None


@pytest.mark.slow
def test_chromium_renders_the_report_and_its_tables_sort(chromium, page, tmp_path):
    dom = dump_dom(chromium, page.as_uri() + "#selftest", tmp_path)
    assert _attr(dom, "data-error") is None, _attr(dom, "data-error")
    assert _attr(dom, "data-ok") == "1", dom[:500]
    assert _attr(dom, "data-selftest") == "pass"
    assert _attr(dom, "data-tables") == str(len(VIEWS))
    assert int(_attr(dom, "data-charts")) >= 2
    assert dom.count("<svg") >= 2 and dom.count('<table class="sortable"') == len(VIEWS)


@pytest.mark.slow
def test_chromium_on_a_phone_sized_window_nothing_overflows(chromium, page, tmp_path):
    dom = dump_dom(chromium, page.as_uri(), tmp_path, width=390, height=844)
    assert _attr(dom, "data-ok") == "1"
    assert _attr(dom, "data-overflow") == "0"
