"""Vietnamese all the way (issue 14), the rarer refusals: a run by parts (--partition-by, --engine dask,
what a partitioned run cannot write), --as-of, `template`, `diff` and `verify`, records given through
the API, the programme lists' files and the synthetic register's figures.

Each is said under vi in the catalogue's Vietnamese and under en in the very English it had before
the catalogue (asserted whole, so that a change of the English text shows here)."""
from __future__ import annotations

import json
import re
import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from eligibility.cli import main
from eligibility.errors import EligibilityError
from eligibility.messages import set_language

DEMO = "sample_households/demo"


@pytest.fixture
def speaking():
    """`speaking(lang, call)`: the error `call()` raises, worded with the command line's language at `lang`."""
    def said(lang: str, call) -> str:
        previous = set_language(lang)
        try:
            with pytest.raises(EligibilityError) as caught:
                call()
            return str(caught.value)
        finally:
            set_language(previous)
    return said


def _error_line(args: list[str], lang: str) -> str:
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert result.exit_code in (1, 2), result.output
    return next(line for line in result.output.splitlines() if re.match(r"(lỗi|error): ", line, re.IGNORECASE))


@pytest.mark.parametrize("args, english, vietnamese", [
    (["screen", DEMO, "--partition-by", "chunk:0", "--out", "{tmp}/o"],
     "error: --partition-by 'chunk:0': expected 'commune' or 'chunk:N' (N households per part)",
     "lỗi: --partition-by 'chunk:0': phải là 'commune' (chia theo xã) hoặc 'chunk:N' (mỗi phần N hộ)"),
    (["screen", DEMO, "--partition-by", "commune", "--out", "{tmp}/o"],
     f"error: {DEMO}: --partition-by needs a Parquet register (households.parquet and members.parquet) or a "
     "partitioned dataset (a folder of register folders)",
     f"lỗi: {DEMO}: --partition-by cần sổ hộ dạng Parquet (households.parquet và members.parquet) hoặc bộ dữ "
     "liệu chia phần (một thư mục chứa các thư mục sổ hộ)"),
    (["screen", DEMO, "--as-of", "31/02/2025", "--out", "{tmp}/o"],
     "Error: Invalid value for --as-of: '31/02/2025' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)",
     "'31/02/2025' không phải ngày (cần ghi yyyy-mm-dd hoặc dd/mm/yyyy)"),
    (["diff", DEMO, "--out", "{tmp}/o"],
     "Error: say what to compare: --rules-new, --as-of-new or --register-new",
     "Lỗi: hãy cho biết cần so sánh gì: --rules-new, --as-of-new hoặc --register-new"),
    (["diff", DEMO, "--register-new", DEMO, "--partition-by", "commune", "--out", "{tmp}/o"],
     "Error: --partition-by compares one register at two dates or under two rule packs; two registers are "
     "compared whole",
     "Lỗi: --partition-by chỉ dùng khi so sánh một sổ hộ ở hai ngày xét hoặc theo hai bộ quy tắc; hai sổ hộ "
     "khác nhau được so sánh nguyên sổ"),
    (["template", "--out", "{tmp}/so_ho.txt"],
     "Error: Invalid value for --out: the template is an Excel workbook: give a name ending in .xlsx",
     "mẫu sổ hộ là tệp Excel: hãy đặt tên tệp có đuôi .xlsx"),
    (["screen", "{tmp}/nowhere", "--out", "{tmp}/o"],
     "Error: Invalid value for 'REGISTER': Path '{tmp}/nowhere' does not exist.",
     "Lỗi: Giá trị không hợp lệ cho 'SỔ_HỘ': Đường dẫn '{tmp}/nowhere' không tồn tại."),
    (["template", "--out", "{tmp}/exists.xlsx"],
     "error: '{tmp}/exists.xlsx' exists; give another name, or --force to replace it",
     "lỗi: '{tmp}/exists.xlsx' đã có; hãy đặt tên khác, hoặc thêm --force để ghi đè"),
])
def test_a_command_lines_refusal_is_said_in_vietnamese(tmp_path, args, english, vietnamese):
    (tmp_path / "exists.xlsx").write_bytes(b"")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    vi, en = (_error_line(args, lang) for lang in ("vi", "en"))
    assert en == english.replace("{tmp}", str(tmp_path))
    assert vietnamese.replace("{tmp}", str(tmp_path)) in vi, vi


def test_verify_says_its_verdict_in_vietnamese(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"files": {}}), encoding="utf-8")

    def verdict(lang: str) -> str:
        result = CliRunner().invoke(main, ["--lang", lang, "verify", str(tmp_path)])
        assert result.exit_code == 0, result.output
        return result.output.strip()

    assert verdict("en") == f"{tmp_path}: OK, every file matches manifest.json"
    assert verdict("vi") == f"{tmp_path}: đạt, mọi tệp đều khớp với manifest.json"
    (tmp_path / "stray.csv").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "vi", "verify", str(tmp_path)])
    assert result.exit_code == 1 and f"{tmp_path}: 1 chỗ không khớp với manifest.json" in result.output


def test_what_a_partitioned_run_cannot_write_is_said_in_vietnamese():
    import click

    from eligibility.cli_feedback import refuse_partitioned

    def refusals(lang: str) -> list[str]:
        previous, said = set_language(lang), []
        try:
            for fmt, papers, options in (("xlsx", False, None), ("csv", True, None),
                                         ("csv", False, SimpleNamespace(columns="c.yaml", accept_suggested=False,
                                                                        blank_means_no=()))):
                with pytest.raises(click.UsageError) as caught:
                    refuse_partitioned(fmt, papers, options)
                said.append(caught.value.message)
        finally:
            set_language(previous)
        return said

    assert refusals("en") == [
        "a partitioned run writes --format parquet or csv (one file per part)",
        "--papers needs one register (not partitioned): screen one commune's register to print its papers",
        "--columns, --accept-suggested and --blank-means-no read one register (a commune's workbook or CSV); a "
        "register read in parts must name its columns as declared"]
    vi = refusals("vi")
    assert vi[0].startswith("rà soát theo từng phần chỉ ghi được") and vi[1].startswith("--papers cần một sổ hộ")
    assert "phải đặt tên cột đúng như đã khai báo" in vi[2]


def test_the_dask_engine_missing_is_said_in_vietnamese(speaking, monkeypatch):
    from eligibility.partscreen import on_dask

    monkeypatch.setitem(sys.modules, "dask.distributed", None)   # `import` of it raises ImportError
    en, vi = (speaking(lang, lambda: on_dask(None, [], {}, None, 1)) for lang in ("en", "vi"))
    assert en.startswith("--engine dask needs dask.distributed (")
    assert vi.startswith("--engine dask cần gói dask.distributed (")


@pytest.fixture(scope="module")
def plan():
    from eligibility.api import load_rules

    return load_rules(None)


def test_records_through_the_api_are_refused_in_vietnamese(speaking, plan):
    from eligibility.records import frames_from_records

    unknown = lambda: frames_from_records(plan.inputs, [{"household_id": "H1", "incom": 1}], [])   # noqa: E731
    assert speaking("en", unknown).startswith("households record 1, column 'incom': unknown column 'incom'")
    vi = speaking("vi", unknown)
    assert vi.startswith("bản ghi hộ thứ 1, cột 'incom': cột lạ 'incom'"), vi
    name, column = next((n, c) for n, c in plan.inputs.households.columns.items() if c.type == "enum")
    wrong = lambda: frames_from_records(plan.inputs, [{"household_id": "H1", name: "zz"}], [])   # noqa: E731
    assert speaking("en", wrong).startswith(f"households, column '{name}': 'zz' is not a value of {name} (allowed: ")
    assert speaking("vi", wrong).startswith(f"hộ, cột '{name}': 'zz' không phải giá trị của {name} (được phép: ")


def test_a_parquet_file_without_the_household_id_is_said_in_vietnamese(speaking, plan, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eligibility.partitions import _column_for

    path = tmp_path / "households.parquet"
    pq.write_table(pa.table({"x": [1]}), path)
    cut = lambda: _column_for(pq.ParquetFile(path), plan.inputs.households, "household_id", path)   # noqa: E731
    assert speaking("en", cut) == (f"{path}: no column for 'household_id' in the Parquet file (needed to cut it "
                                   "into parts)")
    assert speaking("vi", cut) == (f"{path}: tệp Parquet không có cột ứng với 'household_id' (cần cột này để "
                                   "chia sổ thành các phần)")


def test_the_as_of_date_and_the_synthetic_figures_are_said_in_vietnamese(speaking):
    import datetime as dt

    from eligibility.register.reader import _as_date
    from eligibility.synthetic.figures import _value

    bad_day = lambda: _as_date("15/11/2025")   # noqa: E731
    assert speaking("en", bad_day) == "the as-of date '15/11/2025' is not a date yyyy-mm-dd"
    assert speaking("vi", bad_day) == "ngày xét '15/11/2025' không phải ngày dạng yyyy-mm-dd"
    empty = SimpleNamespace(parameters={}, folder="rules")
    missing = lambda: _value(empty, "poverty_line_rural", dt.date(2025, 11, 15))   # noqa: E731
    assert speaking("en", missing) == ("the rule pack rules has no value of 'poverty_line_rural' in force on "
                                       "2025-11-15: the synthetic register is built around it")
    assert speaking("vi", missing) == ("bộ quy tắc rules không có giá trị của 'poverty_line_rural' có hiệu lực "
                                       "ngày 15/11/2025: sổ hộ giả lập được dựng dựa trên giá trị này")


def test_samples_notes_and_wrote_line_are_in_vietnamese(tmp_path):
    def said(lang: str) -> list[str]:
        result = CliRunner().invoke(main, ["--lang", lang, "sample", "--households", "20", "--partitioned",
                                           "--part-size", "10", "--lists", "--seed", "7", "--out", str(tmp_path / lang)])
        assert result.exit_code == 0, result.output
        return [line for line in result.output.splitlines() if re.match(r"(note|lưu ý|wrote|đã ghi)", line)]

    assert said("en") == ["note: --lists is not written with --partitioned (one list per register, not per part)",
                          f"wrote a 20-household register (seed 7) in 2 parts to {tmp_path / 'en'}"]
    assert said("vi") == ["lưu ý: không ghi --lists khi có --partitioned (mỗi sổ hộ một bộ danh sách, không phải "
                          "mỗi phần)", f"đã ghi sổ hộ giả lập 20 hộ (hạt giống 7) thành 2 phần vào {tmp_path / 'vi'}"]


@pytest.mark.parametrize("table, files, words", [
    ("merit_records", ("merit_records.csv", "nguoi_co_cong.csv"), "hồ sơ người có công"),
    ("programme_lists", ("danh_sach_chi_tra.csv", "programme_lists.csv"), "danh sách chi trả"),
    ("programme_lists", ("programme_lists.csv", "programme_lists.xlsx"), "danh sách chi trả"),
])
def test_a_programme_table_given_twice_is_said_in_vietnamese(tmp_path, table, files, words):
    """The optional table is named by its code in English (as its file is), by its words in Vietnamese."""
    import shutil

    register = tmp_path / "register"
    shutil.copytree(DEMO, register)
    for name in files:
        (register / name).write_text("person_id\n", encoding="utf-8")
    vi, en = (_error_line(["screen", str(register), "--out", str(tmp_path / lang)], lang) for lang in ("vi", "en"))
    assert en == (f"error: {register}: the {table} table is given 2 times ({', '.join(files)}); keep one file per "
                  "table")
    assert vi == f"lỗi: {register}: bảng {words} có 2 tệp ({', '.join(files)}); mỗi bảng chỉ để một tệp"


def test_the_durable_engine_missing_is_said_in_vietnamese(speaking, monkeypatch):
    from eligibility.engines.durable.native import engine_module

    monkeypatch.setitem(sys.modules, "durable.engine", None)   # `import` of it raises ImportError
    en, vi = (speaking(lang, engine_module) for lang in ("en", "vi"))
    assert en.startswith("the durable engine needs the durable_rules package (2.0.28), which cannot be imported "
                         "here: ModuleNotFoundError: ") and en.endswith(", or use --engine vectorised.")
    assert vi.startswith("bộ máy durable cần gói durable_rules (2.0.28) nhưng ở đây không nạp được gói này: "
                         "ModuleNotFoundError: ") and vi.endswith("hoặc dùng --engine vectorised.")


@pytest.mark.parametrize("args, vietnamese, english", [
    (["--help"], ["Ai được hưởng chính sách an sinh xã hội nào ở Lai Châu"], ["Who is entitled"]),
    (["explain", "--help"], ["explain [TÙY CHỌN] SỔ_HỘ MÃ_HỘ", "--rules THƯ MỤC", "--as-of NGÀY"],
     ["REGISTER", "HOUSEHOLD_ID", "DIRECTORY", "DATE"]),
    (["sample", "--help"], ["--households SỐ NGUYÊN", "[x>=1; bắt buộc]", "--out THƯ MỤC"],
     ["INTEGER", "required", "DIRECTORY"]),
    (["verify", "--help"], ["verify [TÙY CHỌN] THƯ_MỤC_KẾT_QUẢ"], ["OUT"]),
])
def test_help_names_its_placeholders_in_vietnamese(args, vietnamese, english):
    """The values an option or argument takes (click's type names and ours) and click's `required` are
    worded under vi; the root help is the one sentence in the reader's language."""
    vi = CliRunner().invoke(main, ["--lang", "vi", *args]).output
    en = CliRunner().invoke(main, ["--lang", "en", *args]).output
    assert all(text in vi for text in vietnamese), vi
    assert [word for word in english if re.search(rf"\b{word}\b", vi)] == [], vi
    assert all(re.search(rf"\b{word}\b", en) for word in english), en


@pytest.mark.parametrize("text, english, vietnamese", [
    ("a: 1\nb: c: d\n", "mapping values are not allowed here",
     "không được viết 'khóa: giá trị' ở đây (thụt lề sai, hoặc giá trị có ': ' cần đặt trong ngoặc kép)"),
    ("a:\n\tb: 1\n", "found character '\\t' that cannot start any token", "có ký tự tab: chỉ thụt lề bằng dấu cách"),
    ("a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first defined on line 1); YAML would silently keep the last one",
     "khóa 'a' bị ghi hai lần (lần đầu ở dòng 1); YAML sẽ lặng lẽ chỉ giữ lần ghi cuối"),
    ("a:\n  b: 1\n c: 2\n", "expected <block end>, but found '<block mapping start>'",
     "thụt lề không khớp với các dòng phía trên (gặp '<block mapping start>')"),
])
def test_a_rule_files_yaml_mistake_is_said_in_vietnamese(speaking, tmp_path, text, english, vietnamese):
    """PyYAML's own words for the common mistakes of a hand-edited rule file: as PyYAML says them under
    en, the catalogue's under vi."""
    from eligibility.yamlparse import parse_yaml

    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    en, vi = (speaking(lang, lambda: parse_yaml(path)) for lang in ("en", "vi"))
    assert en.endswith(english), en
    assert vi.endswith(vietnamese), vi


def test_a_workbook_that_is_not_one_is_said_in_vietnamese(tmp_path):
    """zipfile's own words for a file that is not a zip archive, worded again under vi."""
    (tmp_path / "so_ho.xlsx").write_text("not a workbook", encoding="utf-8")
    args = ["screen", str(tmp_path / "so_ho.xlsx"), "--out", str(tmp_path / "o")]
    vi, en = (_error_line(args, lang) for lang in ("vi", "en"))
    assert en == ("error: so_ho.xlsx: not a readable Excel workbook (.xlsx is a zip archive): File is not a zip file; "
                  "open it in Excel and save it again")
    assert vi == ("lỗi: so_ho.xlsx: không phải tệp Excel đọc được (.xlsx là tệp nén zip): tệp không phải tệp nén zip; "
                  "hãy mở bằng Excel và lưu lại")
