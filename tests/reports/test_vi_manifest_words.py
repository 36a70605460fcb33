"""The reports' section "Thông tin để tái lập số liệu" (what an auditor needs to reproduce the figures)
read in Vietnamese: `gaps --lang vi` and `diff --lang vi` on the demo show no English citation, no ISO
date and no manifest key in the text of their HTML pages. The JSON embedded for machines (and
manifest.json) keeps the English keys and citations."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from eligibility.cli import main

from shared import DEMO

ENGLISH_CITATION = re.compile(r"\b(?:Law|Decree|Decision|Circular|Ordinance|Resolution|Plan|Conclusion) \d|\bArt\. \d"
                              r"|Board of Directors|Rule-pack convention|campaign to eliminate")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
MANIFEST_KEY = re.compile(r"\b(?:manifest|report)\.[a-z_]+|\bunverified_values|\bas_of\b|\bcoverage_source\b")


def _visible(page: str) -> str:
    """The text a reader sees: without style, script (the manifest's JSON for machines) and tags."""
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S))
    return re.sub(r"\s+", " ", text)


def _footer(path) -> str:
    page = path.read_text(encoding="utf-8")
    return _visible(page[page.index('<footer id="manifest"'):])


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("vi-manifest")
    runs = {"gaps": ["gaps", str(DEMO), "--as-of", "2025-11-15", "--lang", "vi", "--out", str(out / "gaps")],
            "diff": ["diff", str(DEMO), "--as-of", "2024-06-30", "--as-of-new", "2025-11-15", "--lang", "vi",
                     "--out", str(out / "diff")]}
    for args in runs.values():
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    return {"gaps": out / "gaps" / "gaps.html", "diff": out / "diff" / "diff.html"}


def _manifest_sheet(html_path) -> list[tuple]:
    from openpyxl import load_workbook

    book = load_workbook(html_path.with_suffix(".xlsx"), read_only=True)
    return list(book["Tái lập số liệu"].iter_rows(min_row=2, values_only=True))


@pytest.mark.slow
@pytest.mark.parametrize("report", ["gaps", "diff"])
def test_the_html_report_has_no_english_citation_or_iso_date(reports, report):
    text = _visible(reports[report].read_text(encoding="utf-8"))
    assert not ENGLISH_CITATION.findall(text), sorted(set(ENGLISH_CITATION.findall(text)))
    assert not ISO_DATE.findall(text), sorted(set(ISO_DATE.findall(text)))[:10]


@pytest.mark.slow
@pytest.mark.parametrize("report", ["gaps", "diff"])
def test_the_manifest_section_is_worded_for_an_officer(reports, report):
    footer = _footer(reports[report])
    assert "Thông tin để tái lập số liệu" in footer
    assert not MANIFEST_KEY.findall(footer), sorted(set(MANIFEST_KEY.findall(footer)))[:10]
    # the demo at 15/11/2025 rests on unverified values: cited from their structured references
    assert "Ngày áp dụng quy định 15/11/2025" in footer
    assert "Số liệu chưa kiểm chứng đang áp dụng" in footer
    assert "Quyết định của Hội đồng quản trị Ngân hàng Chính sách xã hội" in footer
    assert re.search(r"Điều \d+ Quyết định số \d+/\d{4}/QĐ-TTg", footer)


@pytest.mark.slow
def test_the_json_for_machines_keeps_its_keys_and_citations(reports):
    page = reports["gaps"].read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="manifest-json">(.*?)</script>', page, re.S)[1])
    assert data["as_of"] == "2025-11-15"
    assert any("VBSP Board of Directors" in text for text in data["unverified_values_in_force"])


@pytest.mark.slow
@pytest.mark.parametrize("report", ["gaps", "diff"])
def test_the_workbooks_manifest_sheet_is_worded_too_with_its_json_last(reports, report):
    rows = _manifest_sheet(reports[report])
    # for machines: the manifest as JSON, in parts where it is longer than a cell holds (the demo's is)
    parts = [value for name, value in rows if name.startswith("manifest.json")]
    saved = json.loads((reports[report].parent / "manifest.json").read_text(encoding="utf-8"))
    assert len(parts) > 1 and all(len(p) <= 32_767 for p in parts)
    joined = json.loads("".join(parts))      # the run's record, as manifest.json has it
    assert "as_of" in str(joined) and all(saved[key] == value for key, value in joined.items())
    rows = [(name, value) for name, value in rows if not name.startswith("manifest.json")]
    text = " ".join(f"{name} {value}" for name, value in rows)
    assert not ENGLISH_CITATION.findall(text), sorted(set(ENGLISH_CITATION.findall(text)))
    assert not ISO_DATE.findall(text), sorted(set(ISO_DATE.findall(text)))[:10]
    assert not MANIFEST_KEY.findall(text), sorted(set(MANIFEST_KEY.findall(text)))[:10]
    if report == "diff":    # each side cited from its own rule pack, at its own date
        names = [name for name, _value in rows]
        assert "Trước: Ngày áp dụng quy định" in names and "Sau: Ngày áp dụng quy định" in names
        assert dict(rows)["Trước: Ngày áp dụng quy định"] == "30/06/2024"


@pytest.mark.slow
def test_the_rules_crossed_are_named_by_their_labels_beside_their_codes(reports):
    """The diff's 'Chuyển quy định' table names each rule as the officer reads it, the code kept for machines."""
    import pandas as pd

    frame = pd.read_csv(reports["diff"].parent / "diff_by_rule.csv", dtype=str, keep_default_na=False)
    for side in ("trước", "sau"):
        coded = frame[frame[f"Mã quy định {side}"] != ""]
        assert len(coded) and (coded[f"Quy định áp dụng {side}"] != "").all(), side
    assert "Tiền ăn: 936.000 đồng/tháng (NĐ 66/2025)" in set(frame["Quy định áp dụng sau"])


def test_a_long_json_is_split_into_rows_that_join_back_and_need_no_quoting():
    from eligibility.reports.workbook import JSON_CELL, json_rows

    data = json.dumps({"values": [-1] * 20_000, "text": "=x" * 10_000})
    rows = json_rows(data)
    assert [name for name, _part in rows] == [f"manifest.json ({i}/{len(rows)})" for i in range(1, len(rows) + 1)]
    assert "".join(part for _name, part in rows) == data
    assert all(len(part) <= JSON_CELL and not part.startswith(("=", "+", "-", "@")) for _name, part in rows)
    assert json_rows('{"a": 1}') == [("manifest.json", '{"a": 1}')]
    dashes = "-" * (3 * JSON_CELL)      # no place to cut that avoids them: cut anyway, and the loop ends
    assert "".join(part for _name, part in json_rows(dashes)) == dashes


def test_a_partitioned_runs_record_is_worded_entry_by_entry():
    """The record `partscreen` writes (parts, an audit not read) has no entry left as its code under vi."""
    from eligibility.reports.manifestwords import worded_rows

    record = {"tool": "eligibility", "version": "0.1.0", "rule_pack": {"folder": "rules", "sha256": "ab"},
              "as_of": "2025-11-15", "engine": "dask", "inputs": {"reg/p1/households.parquet": "cd"},
              "accounting": {"households": {"read": 2, "accepted": 2, "rejected": 0}},
              "decisions": {"rows": 3, "by_status": {"eligible": 3}, "by_coverage": {"none": 3}},
              "partitions": {"count": 2, "names": ["p1", "p2"], "files": []},
              "audit": {"read": False, "reason": "a register read in parts is not audited against its programme lists",
                        "unread_files": ["programme_lists.csv"]},
              "unverified_values_in_force": []}
    rows = worded_rows(record, {"lang": "vi", "redacted": False}, "vi")
    names = re.sub(r"\S+\.(?:parquet|csv)\b", "", " ".join(name for name, _value in rows))   # files: as named
    assert not re.search(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z]+\b", names), names
    assert ("Ngày áp dụng quy định", "15/11/2025") in rows and ("Đã đối chiếu danh sách chi trả", "không") in rows
    assert ("Cách tính", "tính từng phần trên cụm máy Dask") in rows
    assert dict(rows)["Các phần của sổ hộ"] == "2; p1; p2"
