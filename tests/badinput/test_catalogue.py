"""The bad-input catalogue: one case per kind of bad register, rule file and command line.

Each case asserts the exit code, the one line the user reads (no traceback) and, where the run
goes through, the exact row accounting printed at the end (read = accepted + rejected). The
small register is DM01-DM04 of the demo (4 households, 13 members).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pytest
from badinput_cases import (
    AS_OF,
    add_row,
    bomb,
    cell,
    far_cell,
    parquet_register,
    raw_csv,
    rename_column,
    replace_once,
    rule_pack,
    screen,
    small_register,
    with_column,
    xlsx_sheet_edit,
)
from click.testing import CliRunner

from eligibility.cli import main

pytestmark = pytest.mark.slow   # every case runs the CLI on a bad file: `make test-fast` leaves the file out

H, M = "households", "members"
INCOME = "Thu nhập bình quân đầu người/tháng"
BIRTH, NAME, PERSON, HOUSEHOLD = "Ngày sinh", "Họ và tên", "Mã người", "Mã hộ"
MARTYRS, INJURY, DISTANCE = "Số liệt sĩ (thân nhân)", "Tỷ lệ tổn thương cơ thể (%)", "Khoảng cách từ nhà đến trường (km)"


@dataclass
class Case:
    id: str
    build: Callable[[Path], list[str]]
    code: int
    message: str | None  # a regular expression the single error line must match (search)
    accounting: tuple[int, int, int, int] | None = None  # households accepted/rejected, members accepted/rejected
    output: str | None = None  # a regular expression the whole output must match (warnings, notes)


def ok(hh_rejected: int = 0, m_rejected: int = 0, hh: int = 4, m: int = 13) -> tuple[int, int, int, int]:
    return (hh - hh_rejected, hh_rejected, m - m_rejected, m_rejected)


def fixed(args: list[str]) -> Callable[[Path], list[str]]:
    return lambda folder: [a.replace("{tmp}", str(folder)) for a in args]


# a bad cell outside the keys: the cell is unknown, the row screened, the cell listed (issue 12)
UNKNOWN_CELL = r"1 cell\(s\) not understood, treated as unknown \(each in cell_issues\)"


def then(_done, args: list[str]) -> list[str]:
    """`then(step(), args)`: do a step (its result ignored), then run `args`."""
    return args


REGISTER_CASES = [
    Case("register-missing-table", lambda f: (small_register(f) / "members.csv").unlink() or screen(f / "register"),
         1, r"no members table in the folder: expected one of members\.csv"),
    Case("register-misnamed-table", lambda f: then((small_register(f) / "members.csv").rename(f / "register" / "membres.csv"),
                                                   screen(f / "register")), 1, r"did you mean 'membres'\?"),
    Case("register-missing-required-column", raw_csv(M, lambda t: t.replace("Ngày sinh,", "Ngay sinh nhat,", 1)
                                                      .encode()), 1, r"members\.csv.*date_of_birth|Ngày sinh"),
    Case("register-duplicate-header", raw_csv(H, lambda t: t.replace("Khu vực,", "Xã/phường,", 1).encode()),
         1, r"households\.csv, column 'Xã/phường': the header 'Xã/phường' appears twice"),
    Case("register-empty-file", raw_csv(H, lambda t: b""), 1, r"households\.csv: the file is empty"),
    Case("register-header-only", raw_csv(H, lambda t: t.splitlines(True)[0].encode()), 0, None,
         (0, 0, 0, 13)),
    Case("register-utf16", raw_csv(H, lambda t: t.encode("utf-16")), 0, None, ok()),
    Case("register-bom-semicolon", raw_csv(H, lambda t: "\ufeff".encode() + _semicolons(t).encode()), 0, None, ok()),
    Case("register-windows-1258", raw_csv(M, lambda t: t.encode("cp1258", errors="replace")), 1,
         r"members\.csv: the file is not UTF-8 text \(byte \d+\); save it as 'CSV UTF-8'"),
    Case("register-long-row", raw_csv(H, lambda t: _extra_cell(t, 3)), 1,
         r"households\.csv, row 3: row 3 has \d+ cells but the header has \d+ columns"),
    Case("register-blank-rows", raw_csv(H, lambda t: t.replace("\nDM02", "\n,,,\n\nDM02", 1).encode()), 0, None, ok()),
    Case("register-bad-date", cell(M, 2, BIRTH, "31/02/1985"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-date-before-1900", cell(M, 2, BIRTH, "01/01/1850"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-future-date", cell(M, 2, BIRTH, "01/01/2030"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-income-text", cell(H, 2, INCOME, "khoảng 1 triệu"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-income-negative", cell(H, 2, INCOME, "-500000"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-income-thousands", cell(H, 2, INCOME, "1.500.000 đ"), 0, None, ok()),
    Case("register-income-inf", cell(H, 2, INCOME, "inf"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-income-nan", cell(H, 2, INCOME, "NaN"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-income-1e308", cell(H, 2, INCOME, "1e308"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-income-above-10^12", cell(H, 2, INCOME, "5000000000000"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-int-20-digits", cell(M, 2, MARTYRS, "12345678901234567890"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-int-1e308", cell(M, 2, MARTYRS, "1e308"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-control-character-in-name-xlsx", cell(M, 2, NAME, "Giàng\x07A Sử", "--format", "xlsx"), 0, None,
         ok()),
    Case("register-enum-unknown", cell(M, 2, "Giới tính", "Nam?"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-enum-misspelt", cell(M, 2, "Dân tộc", "Hmong"), 0, None, ok()),
    Case("register-bool-unknown", cell(M, 2, "Nhiễm HIV/AIDS", "có lẽ"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-rate-above-100", cell(M, 2, INJURY, "150"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-negative-distance", cell(M, 2, DISTANCE, "-3"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-fractional-int", cell(M, 2, MARTYRS, "1.5"), 0, None, ok(), output=UNKNOWN_CELL),
    Case("register-member-of-unknown-household", add_row(M, 2, {PERSON: "ZZ-1", HOUSEHOLD: "ZZ"}), 0, None,
         ok(m_rejected=1, m=14)),
    Case("register-duplicate-household", add_row(H, 2), 0, None, (3, 2, 9, 4),
         output=r"rejected \(R-DUPLICATE-ID, 2 problem\(s\)\), e\.g\. households\.csv row 2, column 'Mã hộ': "
                r"household ID 'DM01' appears 2 times"),
    Case("register-duplicate-person-id", add_row(M, 3), 0, None, ok(m_rejected=2, m=14),
         output=r"rejected \(R-DUPLICATE-ID, 2 problem\(s\)\), e\.g\. members\.csv row 3, column 'Mã người': "
                r"person ID 'DM01-2' appears 2 times(.|\n)*warning: 1 household\(s\) are screened without some of "
                r"their members, whose rows were rejected \(DM01\)"),
    Case("register-short-row", raw_csv(H, lambda t: _short(t, 3)), 0, None, ok(),
         output=r"warning: households\.csv: 1 row\(s\) have fewer cells than the header \(rows 3\); their missing "
                r"cells are read as empty"),
    Case("register-excel-day-number-in-date", cell(M, 2, BIRTH, "31148"), 0, None, ok(),
         output=r"warning: members\.csv, column 'Ngày sinh': 1 cell\(s\) held a five-digit number read as an Excel "
                r"day number \(row 2: '31148' → 11/04/1985\); check that they are dates"),
    Case("register-formula-in-name", cell(M, 2, NAME, "=HYPERLINK(\"http://x\")", "--format", "xlsx"), 0, None, ok()),
    Case("register-is-a-text-file", lambda f: then((f / "r.txt").write_text("x", encoding="utf-8"), screen(f / "r.txt")),
         1, r"a register is a folder .* got the file 'r\.txt'"),
    Case("register-two-workbooks", lambda f: _two_workbooks(f), 1, r"the folder holds 2 workbooks"),
    # hostile files: refused before they are loaded
    Case("xlsx-decompression-bomb", xlsx_sheet_edit(bomb), 1,
         r"register\.xlsx: the workbook part 'xl/worksheets/sheet1\.xml' inflates \d+ times to 100 MB"),
    Case("xlsx-cell-at-XFD1048576", xlsx_sheet_edit(far_cell("XFD1048576")), 1,
         r"register\.xlsx: a cell at XFD1048576 \(column 16384\) is beyond the limit of 300 columns"),
    Case("xlsx-declared-dimension-XFD", xlsx_sheet_edit(far_cell("XFD5", keep_dimension=True)), 1,
         r"a cell at XFD5 \(column 16384\) is beyond the limit of 300 columns"),
    Case("xlsx-stray-cell-far-below", xlsx_sheet_edit(far_cell("B1048576")), 1,
         r"the sheet reaches row 1048576 but holds only \d+ cells"),
    Case("xlsx-not-a-zip", lambda f: then((f / "register.xlsx").write_text("a,b\n", encoding="utf-8"),
                                       screen(f / "register.xlsx")), 1, r"register\.xlsx: not a readable Excel workbook"),
    Case("csv-400-columns", raw_csv(H, lambda t: _wide(t, 400)), 1,
         r"households\.csv: 4\d\d columns, above the limit of 300"),
    Case("parquet-list-column", parquet_register(with_column("tags", pa.array([["a"]] * 13))), 1,
         r"members\.parquet: columns holding lists or records \(tags \(list<element: string>\)\)"),
    Case("parquet-struct-column", parquet_register(with_column("extra", pa.array([{"x": 1}] * 13))), 1,
         r"columns holding lists or records \(extra \(struct<x: int64>\)\)"),
    Case("parquet-duplicate-columns", parquet_register(rename_column(NAME, BIRTH)), 1,
         r"members\.parquet: the column 'Ngày sinh' appears more than once; keep one column per name"),
    Case("parquet-damaged", lambda f: _damaged_parquet(f), 1, r"members\.parquet: cannot read the Parquet file"),
]

RULE_CASES = [
    Case("rules-not-utf8", rule_pack("parameters/housing.yaml", lambda b: b.replace("ợ".encode(), b"\xf5", 1)),
         1, r"E-YAML-ENCODING"),
    Case("rules-billion-laughs", rule_pack("parameters/housing.yaml", lambda b: b + _laughs()), 1,
         r"E-YAML-ALIAS"),
    Case("rules-deep-nesting", rule_pack("parameters/housing.yaml", lambda b: b + b"deep: " + b"[" * 5000
                                         + b"1" + b"]" * 5000 + b"\n"), 1, r"E-YAML-DEPTH"),
    Case("rules-syntax", rule_pack("parameters/housing.yaml", lambda b: b + b"  bad: [unclosed\n"), 1,
         r"E-YAML-SYNTAX"),
    Case("rules-python-tag", rule_pack("parameters/housing.yaml",
                                       lambda b: b + b"x: !!python/object/apply:os.system ['true']\n"), 1,
         r"E-YAML-SYNTAX"),
    Case("rules-missing-folder", fixed(["validate", "{tmp}/no-such-rules"]), 1,
         r"no-such-rules: E-SCHEMA at '': not a rule pack"),
    Case("rules-parameter-inf", rule_pack("parameters/housing.yaml", replace_once("value: 40000000", "value: .inf")),
         1, r"housing\.yaml:10: E-RANGE at .*inf is not a number a law can state \(allowed: an amount in VND"),
    Case("rules-parameter-nan", rule_pack("parameters/housing.yaml", replace_once("value: 40000000", "value: .nan")),
         1, r"housing\.yaml:10: E-RANGE at .*nan is not a number a law can state"),
    Case("rules-parameter-1e300", rule_pack("parameters/housing.yaml",
                                            replace_once("value: 40000000", "value: 1.0e+300")),
         1, r"housing\.yaml:10: E-RANGE .*1e\+300 is outside the plausible range \[0, 1e\+12\] for a money"),
    Case("rules-parameter-negative-vnd", rule_pack("parameters/housing.yaml",
                                                   replace_once("value: 40000000", "value: -40000000")),
         1, r"housing\.yaml:10: E-RANGE .*-4e\+07 is outside the plausible range"),
    Case("rules-rate-as-percent", rule_pack("parameters/credit.yaml", lambda b: b.replace(b"value: 0.066", b"value: 6.6", 1)),
         1, r"credit\.yaml:19: E-RANGE .*6\.6 is outside the plausible range \[0, 1\] for a rate \(allowed: a rate from 0 to 1"),
    Case("rules-amount-inf", rule_pack("policies/health_insurance/state_support.yaml",
                                       lambda b: b.replace(b"amount: 1\n", b"amount: .inf\n", 1)),
         1, r"state_support\.yaml:\d+: E-RANGE at .*amount': rule 'hi146_meritorious': inf is not a number"),
]

COMMAND_CASES = [
    Case("cli-bad-as-of", lambda f: screen(small_register(f)) + ["--as-of", "31/02/2025"], 2, None,
         output=r"'31/02/2025' is not a date"),
    Case("cli-missing-register", fixed(["screen", "{tmp}/nothing", "--out", "{tmp}/out"]), 2, None,
         output=r"does not exist"),
    Case("cli-empty-out", lambda f: screen(small_register(f), out=Path("")), 2, None,
         output=r"--out is empty or the current folder"),
    Case("cli-out-under-a-file", lambda f: then((f / "file").write_text("x", encoding="utf-8"),
                                             screen(small_register(f), out=f / "file" / "out")), 1, r"'.*/file' is a file, so"),
    Case("cli-out-foreign-folder", lambda f: _foreign(f), 1, r"is not empty and was not written by eligibility"),
    Case("cli-out-is-the-register", lambda f: screen(small_register(f), "--force", out=f / "register"), 1,
         r"would replace the register"),
    Case("cli-bad-format", lambda f: screen(small_register(f), "--format", "ods"), 2, None,
         output=r"'ods' is not one of"),
    Case("cli-unknown-command", fixed(["scren"]), 2, None, output=r"No such command 'scren'"),
    Case("cli-explain-unknown-household", lambda f: ["explain", str(small_register(f)), "DM99", "--as-of", AS_OF],
         1, r"DM99"),
    Case("cli-explain-a-rejected-household",
         lambda f: ["explain", add_row(H, 2)(f)[1], "DM01", "--as-of", AS_OF], 1,
         r"households\.csv, row 2: household 'DM01' was rejected, so it was not screened: column "
         r"'Mã hộ': household ID 'DM01' appears 2 times.*; correct the row and run again"),
    Case("cli-explain-a-household-with-a-rejected-member",
         lambda f: ["explain", add_row(M, 3)(f)[1], "DM01", "--as-of", AS_OF, "--lang", "en"], 0, None,
         output=r"warning: member DM01-2 \(members\.csv row 3\) was rejected and is not part of this explanation: "
                r"column 'Mã người': person ID 'DM01-2' appears 2 times"),
    Case("cli-verify-without-manifest", lambda f: ["verify", str(small_register(f))], 1,
         r"has no manifest\.json"),
    Case("cli-sample-zero-households", fixed(["sample", "--households", "0", "--out", "{tmp}/s"]), 2, None,
         output=r"0 is not in the range"),
    Case("cli-strict-stops-at-first-bad-row", cell(M, 2, BIRTH, "31/02/1985", "--strict"), 1,
         r"members\.csv, row 2, column 'Ngày sinh': expected a date dd/mm/yyyy or yyyy-mm-dd, got '31/02/1985'"),
]

CASES = REGISTER_CASES + RULE_CASES + COMMAND_CASES


def _semicolons(text: str) -> str:
    import csv
    import io
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    return out.getvalue()


def _extra_cell(text: str, row: int) -> bytes:
    lines = text.split("\n")
    lines[row - 1] += ",extra"
    return "\n".join(lines).encode()


def _short(text: str, row: int) -> bytes:
    lines = text.split("\n")
    lines[row - 1] = ",".join(lines[row - 1].split(",")[:20])
    return "\n".join(lines).encode()


def _wide(text: str, columns: int) -> bytes:
    lines = text.split("\n")
    lines[0] += "".join(f",extra{i}" for i in range(columns))
    return "\n".join(lines).encode()


def _two_workbooks(folder: Path) -> list[str]:
    import shutil
    register = folder / "two"
    register.mkdir()
    from badinput_cases import DEMO_XLSX
    shutil.copy(DEMO_XLSX, register / "a.xlsx")
    shutil.copy(DEMO_XLSX, register / "b.xlsx")
    return screen(register)


def _damaged_parquet(folder: Path) -> list[str]:
    args = parquet_register(lambda t: t)(folder)
    path = folder / "parquet" / "members.parquet"
    path.write_bytes(path.read_bytes()[:200])
    return args


def _foreign(folder: Path) -> list[str]:
    (folder / "out").mkdir()
    (folder / "out" / "letter.docx").write_bytes(b"keep")
    return screen(small_register(folder))


def _laughs() -> bytes:
    lines, previous = [], None
    for name in "abcdefghi":
        items = ", ".join(['"lol"'] * 9) if previous is None else ", ".join([f"*{previous}"] * 9)
        lines.append(f"lol_{name}: &{name} [{items}]")
        previous = name
    return ("\n".join(lines) + "\n").encode()


ACCOUNTING = re.compile(r"(households|members): read (\d+) = accepted (\d+) \+ rejected (\d+)")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path):
    args = case.build(tmp_path)
    result = CliRunner().invoke(main, args)
    output = result.output
    assert "Traceback" not in output
    assert result.exit_code == case.code, output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    if case.message is not None:
        assert len(errors) == 1, output
        lines = output.splitlines()
        after = lines[lines.index(errors[0]) + 1:]
        assert all(line.startswith("  ") for line in after if line.strip()), f"more than one message:\n{output}"
        # a rule pack's message is a head line and one indented line per issue (here: one issue)
        assert re.search(case.message, "\n".join([errors[0], *after])), output
    elif case.code == 0:
        assert errors == [], output
    if case.output is not None:
        assert re.search(case.output, output), output
    if case.accounting is not None:
        found = {m[0]: tuple(int(x) for x in m[1:]) for m in ACCOUNTING.findall(output)}
        h_ok, h_bad, m_ok, m_bad = case.accounting
        assert found == {"households": (h_ok + h_bad, h_ok, h_bad), "members": (m_ok + m_bad, m_ok, m_bad)}, output


def test_the_catalogue_has_at_least_sixty_cases_each_named_once():
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
