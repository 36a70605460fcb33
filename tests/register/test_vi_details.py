"""Vietnamese all the way (issue 14): with --lang vi the details an officer reads — the register's
warnings and notes, the reasons in cell_issues, rejects and columns, `explain`'s notes on the
household's cells, and `validate`'s rule-file errors — are worded in Vietnamese, not English.

Over the real outputs of a messy commune register (title rows, headers without accents, `x` ticks,
year-only dates, a bad date, an unknown column, a negative income) and a broken copy of rules/.
The English words looked for are checked to be found in the same outputs under --lang en, so the
check can fail."""
from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner
from commune import commune_workbook, demo_frames
from register_helpers import ROOT

from eligibility.cli import main

AS_OF = "2025-11-15"
# words of English prose that no Vietnamese sentence uses
ENGLISH = {"the", "and", "of", "is", "are", "was", "were", "read", "row", "rows", "column", "columns", "skipped",
           "expected", "got", "not", "known", "only", "warning", "note", "unknown", "with", "without", "their",
           "table", "sheet", "key", "value", "allowed", "should", "valid", "input", "rejected", "household",
           "households", "member", "members", "date", "dates", "empty", "cell", "cells", "missing", "name", "as",
           "or", "problem", "problems", "field", "required", "number", "integer", "list"}
# quoted text (a header, a cell, an expression), file names and paths, codes and identifiers, options
# (--columns), the keys a rule file allows are the officer's or the rule file's own, not the tool's words
QUOTED = re.compile(r"'[^']*'|`[^`]*`|--[\w-]+|\((?:được phép|allowed): [^)]*\)|\S+\.(?:xlsx|csv|yaml|json|html)(?:\[[^\]]*\])?|/\S+|\b[A-Z]+(?:-[A-Z]+)+\b"
                    r"|\b\w+(?:[._]\w+)+\b")


def english_in(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z]+", QUOTED.sub(" ", text))
    return sorted({w for w in words if w.lower() in ENGLISH})


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    households, members = demo_frames()
    households.loc[0, "Thu nhập bình quân đầu người/tháng"] = "-500000"      # a negative income
    households["Ghi chu cua thon"] = "xem lai"                               # a column nobody declared
    members.loc[1, "Ngày sinh"], members.loc[4, "Ngày sinh"] = "1944", "1950"  # known to the year only
    members.loc[2, "Ngày sinh"], members.loc[3, "Ngày sinh"] = "31/02/1950", "abc"   # no dates at all
    folder = tmp_path_factory.mktemp("messy")
    return commune_workbook(folder / "so_ho.xlsx", households, members), members.loc[1, "Mã hộ"]


def _screen(messy, tmp_path_factory, lang: str):
    out = tmp_path_factory.mktemp(f"out-{lang}") / "out"
    result = CliRunner().invoke(main, ["screen", str(messy[0]), "--as-of", AS_OF, "--lang", lang, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def screened(messy, tmp_path_factory):
    return {lang: _screen(messy, tmp_path_factory, lang) for lang in ("vi", "en")}


def _terminal_details(output: str) -> str:
    """The warnings and notes of a run (the benefit table and the column mapping are checked elsewhere)."""
    return "\n".join(line for line in output.splitlines() if re.match(r"\s*(?:cảnh báo|warning|bị loại|rejected)", line))


@pytest.mark.slow
def test_the_registers_warnings_are_in_vietnamese(screened):
    vi, en = (_terminal_details(screened[lang][1]) for lang in ("vi", "en"))
    assert "cảnh báo: " in vi and "dòng tiêu đề" in vi and "ngày chỉ biết năm hoặc tháng" in vi
    assert english_in(en), en            # the check sees English where there is English
    assert not english_in(vi), (english_in(vi), vi)


@pytest.mark.slow
def test_the_cell_issues_and_rejects_give_their_reasons_in_vietnamese(screened):
    out = screened["vi"][0]
    cells = pd.read_csv(out / "cell_issues.csv", dtype=str, keep_default_na=False)
    assert {"R-NEGATIVE", "R-DATE", "C-DATE-PARTIAL"} <= set(cells["Mã lỗi"])
    english = pd.read_csv(screened["en"][0] / "cell_issues.csv", dtype=str, keep_default_na=False)
    assert english_in(" | ".join(english["reason"]))
    for column in ("Lý do", "Xử lý"):
        found = {text: english_in(text) for text in cells[column] if english_in(text)}
        assert not found, (column, found)
    rejects = pd.read_csv(out / "rejects.csv", dtype=str, keep_default_na=False)
    assert not [t for t in rejects["Lý do"] if english_in(t)]


@pytest.mark.slow
def test_the_column_report_is_in_vietnamese(screened):
    columns = pd.read_csv(screened["vi"][0] / "columns.csv", dtype=str, keep_default_na=False)
    assert "Ghi chu cua thon" in set(columns["Tiêu đề cột trong tệp"])
    for column in ("Cách khớp", "Ô trống nghĩa là", "Ghi chú"):
        found = {text: english_in(text) for text in columns[column] if english_in(text)}
        assert not found, (column, found)


@pytest.mark.slow
def test_explains_notes_on_the_households_cells_are_in_vietnamese(messy):
    def notes(lang: str) -> str:
        result = CliRunner().invoke(main, ["explain", str(messy[0]), str(messy[1]), "--as-of", AS_OF, "--lang", lang])
        assert result.exit_code == 0, result.output
        return "\n".join(line for line in result.output.splitlines() if re.match(r"(ghi chú|note|cảnh báo|warning):", line))

    vi, en = notes("vi"), notes("en")
    assert vi.startswith("ghi chú: ") and "ngày chỉ biết năm hoặc tháng" in vi
    assert english_in(en)
    assert not english_in(vi), (english_in(vi), vi)


def _broken_pack(folder):
    """rules/ with a parameter value that is no number, an unknown key and an unknown name."""
    pack = folder / "rules"
    shutil.copytree(ROOT / "rules", pack)

    def spoil(name: str, old: str, new: str) -> None:
        path = pack / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    spoil("parameters/credit.yaml", "value: ", "value: \"abc\"  # ")
    spoil("policies/credit/household_loans.yaml", "hit_policy:", "hit_polcy:")
    spoil("policies/social_assistance/monthly_allowance.yaml", "age >=", "agee >=")
    return pack


@pytest.mark.slow
def test_validates_errors_are_in_vietnamese(tmp_path):
    pack = _broken_pack(tmp_path)

    def errors(lang: str) -> str:
        result = CliRunner().invoke(main, ["validate", str(pack), "--lang", lang])
        assert result.exit_code == 1, result.output
        return result.output

    vi, en = errors("vi"), errors("en")
    assert "khóa lạ 'hit_polcy'" in vi and "giá trị phải là một số" in vi and "tên 'agee'" in vi
    assert english_in(en), en
    assert not english_in(vi), (english_in(vi), vi)


@pytest.mark.slow
def test_a_missing_required_column_is_said_in_vietnamese(tmp_path):
    from register_helpers import FIXTURES

    def error(lang: str) -> str:
        result = CliRunner().invoke(main, ["screen", str(FIXTURES / "missing_required_column"), "--as-of", AS_OF,
                                           "--lang", lang, "--out", str(tmp_path / lang)])
        assert result.exit_code == 1, result.output
        return next(line for line in result.output.splitlines() if re.match(r"(lỗi|error): ", line))

    vi, en = error("vi"), error("en")
    assert "thiếu cột bắt buộc" in vi and "có phải ý bạn là" in vi
    assert english_in(en)
    assert not english_in(vi), (english_in(vi), vi)


@pytest.mark.slow
def test_validates_warnings_are_in_vietnamese():
    def warnings(lang: str) -> list[str]:
        result = CliRunner().invoke(main, ["validate", "--no-examples", "--lang", lang])
        assert result.exit_code == 0, result.output
        return [line for line in result.output.splitlines() if re.search(r"\bW-[A-Z-]+\b", line)]

    vi, en = warnings("vi"), warnings("en")
    assert vi and len(vi) == len(en)
    assert all(english_in(line) for line in en)
    assert not [line for line in vi if english_in(line)], [(english_in(line), line) for line in vi][:3]
    assert not [line for line in vi if re.search(r"\b\d{4}-\d{2}-\d{2}\b", line)]   # dates as dd/mm/yyyy


def _demo_copy(folder, table: str, change):
    """The demo register with one file's bytes changed (`change(text) -> bytes`)."""
    from register_helpers import DEMO

    register = folder / "register"
    shutil.copytree(DEMO, register)
    path = register / f"{table}.csv"
    path.write_bytes(change(path.read_text(encoding="utf-8")))
    return register


@pytest.mark.slow
@pytest.mark.parametrize("table, change, vietnamese", [
    ("households", lambda t: t.replace("Khu vực,", "Xã/phường,", 1).encode(), "xuất hiện hai lần"),
    ("members", lambda t: t.encode("cp1258", errors="replace"), "không phải văn bản UTF-8"),
    ("households", lambda t: b"", "tệp trống"),
])
def test_a_register_file_that_cannot_be_read_is_said_in_vietnamese(tmp_path, table, change, vietnamese):
    register = _demo_copy(tmp_path, table, change)

    def error(lang: str) -> str:
        result = CliRunner().invoke(main, ["screen", str(register), "--as-of", AS_OF, "--lang", lang,
                                           "--out", str(tmp_path / lang)])
        assert result.exit_code == 1, result.output
        return next(line for line in result.output.splitlines() if re.match(r"(lỗi|error): ", line))

    vi, en = error("vi"), error("en")
    assert vietnamese in vi
    assert english_in(en), en
    assert not english_in(vi), (english_in(vi), vi)


@pytest.mark.slow
def test_strict_and_blank_means_no_are_said_in_vietnamese(messy, tmp_path):
    def error(lang: str, *options: str) -> str:
        result = CliRunner().invoke(main, ["screen", str(messy[0]), "--as-of", AS_OF, "--lang", lang, *options,
                                           "--out", str(tmp_path / lang / options[0])])
        assert result.exit_code == 1, result.output
        return next(line for line in result.output.splitlines() if re.match(r"(lỗi|error): ", line))

    for options in (("--strict",), ("--blank-means-no", "Cot khong co")):
        vi, en = error("vi", *options), error("en", *options)
        assert english_in(en), en
        assert not english_in(vi), (english_in(vi), vi)


@pytest.mark.slow
def test_explaining_a_rejected_household_is_said_in_vietnamese():
    from register_helpers import FIXTURES

    def error(lang: str) -> str:
        result = CliRunner().invoke(main, ["explain", str(FIXTURES / "duplicate_household_id"), "H02", "--as-of",
                                           AS_OF, "--lang", lang])
        assert result.exit_code == 1, result.output
        return next(line for line in result.output.splitlines() if re.match(r"(lỗi|error): ", line))

    vi, en = error("vi"), error("en")
    assert "bị loại nên không được rà soát" in vi
    assert english_in(en)
    assert not english_in(vi), (english_in(vi), vi)
