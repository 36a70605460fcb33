"""`explain` on a large CSV register: the household's lines are found by a byte search before pyarrow
parses anything (eligibility/register/csvread.py, `_lines_naming`), and the result is exactly the rows,
cells and spreadsheet row numbers that parsing the whole file and filtering gives."""
from __future__ import annotations

import pytest

from eligibility.api import load_rules
from eligibility.register.csvread import _lines_naming
from eligibility.register.sources import Location, household_headers, read_raw

HEADER = "person_id,household_id,full_name,date_of_birth"
ROWS = ["H1-1,H1,Lò Văn A,1950-01-01", "H10-1,H10,H1 Lò Thị B,1960-02-02",   # 'H1' inside another household's cells
        "", "H1-2, H1 ,Lò Văn C,1970-03-03", "H2-1,H2,Lò Văn D,1980-04-04", "H1-3,H1,Lò Thị E,1990-05-05"]


def _read(path, household=None):
    table = load_rules().inputs.members
    keep = None if household is None else (household_headers(table), household)
    return read_raw(Location("members", path, "csv"), table, keep)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_households_lines_are_the_rows_of_the_whole_file(tmp_path, newline):
    path = tmp_path / "members.csv"
    path.write_bytes(("\ufeff" + newline.join([HEADER, *ROWS]) + newline).encode("utf-8"))
    assert _lines_naming(path, "utf-8-sig", "H1") is not None          # the byte search is taken
    whole, one = _read(path), _read(path, "H1")
    expected = whole.frame["household_id"].str.strip() == "H1"
    assert one.frame.to_dict("records") == whole.frame[expected].to_dict("records")
    assert list(one.rows) == list(whole.rows[expected.to_numpy()]) == [2, 5, 7]   # the file's rows (header: 1)


def test_a_quoted_cell_may_hold_a_line_break_so_the_whole_file_is_parsed(tmp_path):
    path = tmp_path / "members.csv"
    lines = [HEADER, 'H1-1,H1,"Lò Văn A\nbis",1950-01-01', "H1-2,H1,Lò Văn C,1970-03-03"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _lines_naming(path, "utf-8-sig", "H1") is None
    one = _read(path, "H1")
    assert one.frame["full_name"].tolist() == ["Lò Văn A\nbis", "Lò Văn C"] and list(one.rows) == [2, 3]


def test_a_household_not_in_the_file_gives_no_rows(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    one = _read(path, "H9")
    assert len(one.frame) == 0 and list(one.frame.columns) == HEADER.split(",")


def _by_lines(data: bytes, key: bytes):
    """What `_lines_naming` must give, read off the file's lines one by one."""
    lone_return = data.count(b"\r") != data.count(b"\r\n")
    if b"\n" not in data or b'"' in data or lone_return:
        return None
    header, *lines = data.split(b"\n")
    found = [(number, line) for number, line in enumerate(lines, start=2) if key in line]
    return (header + b"\n" + b"\n".join(line for _, line in found) + (b"\n" if found else b""),
            [number for number, _ in found])


@pytest.mark.parametrize("stretch", [3, 7, 64, 1 << 22])   # the numpy stretches' edges fall anywhere
@pytest.mark.parametrize("text", [
    "\n".join([HEADER, *ROWS]) + "\n",
    "\r\n".join([HEADER, *ROWS]) + "\r\n",
    "\r\n".join([HEADER, *ROWS]),                                     # no line break after the last row
    "\n".join([HEADER, *ROWS]) + "\r",                                # a lone carriage return, the last byte
    "\n".join([HEADER, "H2-1,H2,Lò\rVăn D,1980-04-04", *ROWS]) + "\n",   # one before the household's lines
    "\n".join([HEADER, *ROWS, 'H2-1,H2,"Lò Văn D",1980-04-04']) + "\n",  # a quote after them
    "\ufeff" + HEADER + "\n" + "H1-1,H1,x,y\n" * 40 + "H1H1,H1,H1,H1",
    HEADER, HEADER + "\n", ""])
def test_the_lines_found_are_the_lines_of_the_file_holding_the_id(tmp_path, monkeypatch, stretch, text):
    from eligibility.register import csvread

    monkeypatch.setattr(csvread, "_STRETCH", stretch)
    path = tmp_path / "members.csv"
    path.write_bytes(text.encode("utf-8"))
    # 'H1.1' is in no line (as a regular expression it would match H1-1), nor '(H1' (no expression at all)
    for household in ["H1", "H1-2", "H1.1", "(H1", "Lò", "1,H1,Lò Văn A"]:   # 'Lò': not ASCII
        found = _lines_naming(path, "utf-8-sig", household)
        expected = _by_lines(text.encode("utf-8"), household.encode("utf-8"))
        assert (found if found is None else (found[0], found[1].tolist())) == expected, household
