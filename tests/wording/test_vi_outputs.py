"""What an officer reads after `screen --lang vi --papers` and `gaps --lang vi` on the demo: the words of
every output meant for people (entitlements, the column report, the papers, the gap report's lists),
with no input or parameter code (snake_case), raw expression, English citation or ISO date.

Outputs for machines keep codes beside the words: the `Mã …` columns (benefit, rule, input codes), and
every `--lang en` output, manifest.json and the gap report's JSON (docs: README, "Outputs for people and
for machines")."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from click.testing import CliRunner

from eligibility.cli import main

from shared import DEMO
from test_demo_in_vietnamese import code_in

AS_OF = "2025-11-15"
# the columns of codes, for machines and for matching back to the register: ids, names, codes, numbers
CODE_COLUMNS = {"Mã hộ", "Mã người", "Họ và tên", "Mã chính sách", "Mã quy định", "Mã lỗi", "Mã dữ liệu đầu vào",
                "Tệp", "Tiêu đề cột trong tệp", "Huyện (cũ)", "Xã/phường", "Thôn/bản", "Giá trị",
                # the programme lists' files, and the register's names an entry may be
                "Tệp danh sách", "Tên gần nhất trong sổ hộ"}
MINIMUM = "Mức hưởng tối thiểu (còn quy định chưa xác định)"


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    out = tmp_path_factory.mktemp("vi") / "out"
    result = CliRunner().invoke(main, ["screen", str(DEMO), "--as-of", AS_OF, "--lang", "vi", "--papers",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def _problems(frame: pd.DataFrame) -> dict:
    found = {}
    for column in [c for c in frame.columns if c not in CODE_COLUMNS]:
        for text in frame[column].astype(str).unique():
            bad = code_in(text)
            if bad:
                found[(column, text[:60])] = bad[:3]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", ["entitlements.csv", "columns.csv"])
def test_the_tables_an_officer_opens_are_in_words(screened, name):
    frame = pd.read_csv(screened[0] / name, dtype=str, keep_default_na=False)
    assert not _problems(frame), _problems(frame)


@pytest.mark.slow
def test_missing_data_and_figures_applied_are_named_by_their_labels(screened):
    frame = pd.read_csv(screened[0] / "entitlements.csv", dtype=str, keep_default_na=False)
    missing = set(frame["Thiếu dữ liệu"]) - {""}
    assert "Thu nhập bình quân đầu người/tháng" in missing and "Ngày sinh" in " ".join(missing)
    figures = " | ".join(frame["Mức, hệ số áp dụng (từ ngày, căn cứ)"])
    assert "Mức chuẩn trợ giúp xã hội = 500.000 đồng/tháng (từ 01/07/2024; Nghị định số 76/2024/NĐ-CP)" in figures
    assert "social_assistance" not in figures


@pytest.mark.slow
def test_every_money_figure_applied_carries_its_unit(screened):
    """No parameter in đồng is shown as a bare number (`= 936.000 (từ …`): each has its unit in words."""
    from eligibility.api import load_rules

    frame = pd.read_csv(screened[0] / "entitlements.csv", dtype=str, keep_default_na=False)
    figures = " | ".join(frame["Mức, hệ số áp dụng (từ ngày, căn cứ)"])
    money = [p.spec.label.vi for p in load_rules(None).parameters.values() if p.spec.type == "money"]
    bare = [label for label in money if re.search(re.escape(label) + r" = [\d.,]+ \(", figures)]
    assert not bare, bare
    assert re.search(r" = [\d.]+ đồng/tháng \(", figures) and "đồng/người/tháng" in figures


@pytest.mark.slow
def test_units_and_yes_no_are_the_catalogues_words(screened):
    from eligibility.wording.units import UNIT_WORDS, unit_label

    frame = pd.read_csv(screened[0] / "entitlements.csv", dtype=str, keep_default_na=False)
    words = {unit_label(unit, "vi") for unit in UNIT_WORDS}
    assert "đồng/tháng" in set(frame["Đơn vị"]) and set(frame["Đơn vị"]) - {""} <= words, set(frame["Đơn vị"])
    assert set(frame[MINIMUM]) <= {"có", ""}, set(frame[MINIMUM])


@pytest.mark.slow
@pytest.mark.parametrize("name", ["phieu_ket_qua_ra_soat.html", "niem_yet_cong_khai.html", "needs_data.html"])
def test_the_papers_are_in_words(screened, name):
    text = re.sub(r"<style.*?</style>", " ", (screened[0] / name).read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\bDM\d+(?:-\d+)?\b", "", text)            # household and person ids
    found = sorted(set(code_in(text)))
    assert not found, found[:10]


@pytest.mark.slow
def test_the_terminal_says_it_in_words(screened):
    output = re.sub(r"/\S+|\b\w+\.(?:csv|xlsx|html|json)\b", "", screened[1])   # the files read and written
    found = sorted(set(code_in(output)))
    assert not found, found[:10]


@pytest.mark.slow
def test_rejected_rows_and_cells_say_why_in_vietnamese_with_the_code_kept(tmp_path):
    import shutil

    register = tmp_path / "reg"
    shutil.copytree(DEMO, register)
    members = pd.read_csv(register / "members.csv", dtype=str, keep_default_na=False)
    members.iloc[0, 3], members.iloc[2, 1] = "31/02/1950", "NOPE"        # a date that does not exist, an orphan
    members.to_csv(register / "members.csv", index=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["screen", str(register), "--as-of", AS_OF, "--lang", "vi", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rejects = pd.read_csv(out / "rejects.csv", dtype=str, keep_default_na=False)
    orphan = rejects[rejects["Mã lỗi"] == "R-ORPHAN-MEMBER"].iloc[0]
    assert orphan["Lý do"] == "mã hộ của thành viên không có trong bảng hộ" and orphan["Bảng"] == "thành viên"
    assert "NOPE" in orphan["Chi tiết (tiếng Anh)"]
    cells = pd.read_csv(out / "cell_issues.csv", dtype=str, keep_default_na=False)
    date = cells[cells["Mã lỗi"] == "R-DATE"].iloc[0]
    assert date["Lý do"].startswith("ô không phải ngày hợp lệ") and date["Giá trị"] == "31/02/1950"


@pytest.fixture(scope="module")
def gap_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("vi-gaps") / "out"
    result = CliRunner().invoke(main, ["gaps", str(DEMO), "--as-of", AS_OF, "--lang", "vi", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _audit_files(screened, gap_report) -> dict:
    files = {p.name: p for p in [screened[0] / "audit_findings.csv", screened[0] / "list_matching.csv",
                                 *sorted(gap_report.glob("audit_*.csv")), gap_report / "list_matching.csv"]}
    assert len(files) >= 10 and all(p.is_file() for p in files.values()), sorted(files)   # the demo has lists
    return {f"{p.parent.name}/{name}": pd.read_csv(p, dtype=str, keep_default_na=False) for name, p in files.items()}


@pytest.mark.slow
def test_the_audit_files_have_vietnamese_headers_and_words(screened, gap_report):
    """The programme-list audit's CSV files (screen's and gaps'): Vietnamese headers, no column code or
    English header, and findings, matches and notes in the catalogue's words."""
    from eligibility.reports.labels import headers
    from eligibility.vocabulary import Coverage, Match

    english = set(headers("en").values())
    findings = {w.label("vi") for w in Coverage if w.label("vi")}
    for name, frame in _audit_files(screened, gap_report).items():
        codes = [c for c in frame.columns if re.fullmatch(r"[a-z_]+", c) or c in english]
        assert not codes, (name, codes)
        assert not _problems(frame), (name, _problems(frame))
        if "Kết quả đối chiếu" in frame.columns:
            assert set(frame["Kết quả đối chiếu"]) <= findings and len(set(frame["Kết quả đối chiếu"])) >= 5
        if "Cách ghép" in frame.columns:
            assert set(frame["Cách ghép"]) - {""} <= {w.label("vi") for w in Match}, set(frame["Cách ghép"])
        if "Ghi chú" in frame.columns:
            notes = " ".join(frame["Ghi chú"])
            assert not re.search(r"\b(?:died|same programme|only one)\b", notes), notes[:200]
    findings_csv = pd.read_csv(screened[0] / "audit_findings.csv", dtype=str, keep_default_na=False)
    assert "chi trả sau khi chết" in set(findings_csv["Kết quả đối chiếu"])
    assert any(note.startswith("chết ngày ") for note in findings_csv["Ghi chú"])



def _figures_in_vietnamese(decisions: pd.DataFrame) -> None:
    explanations = decisions["explanation"].astype(str)
    with_figures = explanations[explanations.str.contains("→", regex=False)]
    assert len(with_figures) and not with_figures.str.contains(" vs ", regex=False).any()
    worded = with_figures.str.contains(r"→ [\d.,]+ so với [\d.,]+ \((?:thấp|cao) hơn [\d.,]+\)")
    assert worded.all(), with_figures[~worded].head(3).tolist()


def test_a_failed_comparison_reads_in_vietnamese(demo_screened, as_of):
    """Why a person is not eligible, with the figures: 'so với', the gap after its direction, as an
    officer says it — never the English 'vs' (`vocabulary.failed_figures`, one catalogue sentence)."""
    from eligibility.vocabulary import failed_figures

    _figures_in_vietnamese(demo_screened(as_of, lang="vi", include_all=True).decisions)
    assert failed_figures("Tuổi", 47, 75, "vi") == "Tuổi → 47 so với 75 (thấp hơn 28)"
    assert failed_figures("Age", 80, 75, "en") == "Age → 80 vs 75 (5 above)"


@pytest.mark.slow
def test_the_durable_engine_words_a_failed_comparison_the_same_way(as_of):
    from eligibility.api import screen_register

    _figures_in_vietnamese(screen_register(DEMO, as_of, engine="durable", lang="vi", include_all=True).decisions)
