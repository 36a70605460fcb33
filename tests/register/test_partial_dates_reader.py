"""Dates known to their year or month, as commune registers write them, read as intervals."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from eligibility.register.convert import convert_column, partial_dates
from eligibility.rulebook.inputs import Column

pytestmark = pytest.mark.slow   # `make test-fast` keeps the CPU budget: this area has its fast tests elsewhere

AS_OF = dt.date(2025, 11, 15)


def read(*cells):
    typed, problems = convert_column(pd.Series(list(cells), dtype=object), Column(type="date", label={"vi": "Ngày sinh", "en": "Date of birth"}), AS_OF)
    found = partial_dates(typed)
    latest = pd.Series(pd.NaT, index=typed.index) if found is None else found[0]
    return [(None if pd.isna(a) else a.date(), None if pd.isna(b) else b.date()) for a, b in zip(typed, latest)], \
        problems


@pytest.mark.parametrize("cell, first, last", [
    ("1944", dt.date(1944, 1, 1), dt.date(1944, 12, 31)),
    ("năm 1944", dt.date(1944, 1, 1), dt.date(1944, 12, 31)),
    ("Nam 1944", dt.date(1944, 1, 1), dt.date(1944, 12, 31)),
    ("03/1944", dt.date(1944, 3, 1), dt.date(1944, 3, 31)),
    ("3/1944", dt.date(1944, 3, 1), dt.date(1944, 3, 31)),
    ("tháng 3/1944", dt.date(1944, 3, 1), dt.date(1944, 3, 31)),
    ("Tháng 02 năm 1948", dt.date(1948, 2, 1), dt.date(1948, 2, 29)),
    ("1944-03", dt.date(1944, 3, 1), dt.date(1944, 3, 31)),
    (1944, dt.date(1944, 1, 1), dt.date(1944, 12, 31)),
    ("2025", dt.date(2025, 1, 1), AS_OF),            # this year: up to the as-of date, not a future day
])
def test_a_year_or_a_month_is_the_interval_of_its_days(cell, first, last):
    (got,), problems = read(cell)
    assert got == (first, last) and not problems


def test_full_dates_stay_exact_and_nonsense_is_still_a_problem():
    got, problems = read("15/03/1944", "1944", "13/1944", "abc", None)
    assert got == [(dt.date(1944, 3, 15), None), (dt.date(1944, 1, 1), dt.date(1944, 12, 31)),
                   (None, None), (None, None), (None, None)]
    assert [list(p.positions) for p in problems] == [[2, 3]]


def test_a_register_with_a_year_of_birth_screens_the_person_and_says_so(tmp_path):
    from eligibility import screen_register
    from shared import DEMO
    for name in ("households.csv", "members.csv"):
        text = (DEMO / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
    members = pd.read_csv(tmp_path / "members.csv", dtype=str, keep_default_na=False)
    column = next(c for c in members.columns if c in ("date_of_birth", "Ngày sinh"))
    members.loc[0, column] = "1944"
    members.to_csv(tmp_path / "members.csv", index=False)
    result = screen_register(tmp_path, AS_OF)
    assert not len(result.register.rejects)
    assert any("known only to the year or month" in w for w in result.register.warnings)
    assert result.register.members["date_of_birth__latest"].notna().sum() == 1
    issues = result.register.cell_issues
    listed = issues[issues["code"] == "C-DATE-PARTIAL"]
    assert len(listed) == 1 and listed["value"].iloc[0] == "1944" and listed["row"].iloc[0] == 2
    assert listed["reason"].iloc[0] == "date known only to the year: read as 01/01/1944 to 31/12/1944"
    assert result.register.cell_accounting["members"]["unknown"] == 0    # an interval is used, not unknown


def test_strict_does_not_stop_at_a_partial_date(tmp_path):
    from eligibility import screen_register
    from shared import DEMO
    (tmp_path / "households.csv").write_text((DEMO / "households.csv").read_text(encoding="utf-8"), encoding="utf-8")
    members = pd.read_csv(DEMO / "members.csv", dtype=str, keep_default_na=False)
    column = next(c for c in members.columns if c in ("date_of_birth", "Ngày sinh"))
    members.loc[0, column] = "03/1944"
    members.to_csv(tmp_path / "members.csv", index=False)
    assert len(screen_register(tmp_path, AS_OF, strict=True).decisions)


CELLS = ["15/03/1944abc", "15/3/44", "1944-3-5", "00/03/1944", "32/01/2000", "15/00/2000", "15/13/2000",
         "15/03/10000", "2024-02-30", "2024-02-29 13:45:00", "1944/03/15", "29/02/1900", "29/02/2000", "5/3/1944",
         "05.03.1944", "05-03-1944", "2024-02-29T13:45:00", "1944", "03/1944", "abc", "31/04/2020", "30/04/2020",
         "15/03/1944 25:00:00", "15/03/1944 10:00:00", None]


def test_text_dates_parsed_by_arrow_read_as_pandas_reads_them():
    from eligibility.register.dates import DATE_FORMATS, _arrow_dates
    text = pd.Series(CELLS, dtype="string")
    for fmt in DATE_FORMATS:
        fast = _arrow_dates(text, fmt)
        if fast is None:       # fractions of a second: pandas parses them
            continue
        slow = pd.to_datetime(text, format=fmt, errors="coerce").astype("datetime64[us]")
        assert fast.isna().tolist() == slow.isna().tolist(), fmt
        assert (fast.dropna() == slow.dropna()).all(), fmt


@pytest.mark.parametrize("cell", ["1147", "0001", "03/1850", "9999"])
def test_a_year_no_register_can_hold_is_a_problem_not_a_crash(cell):
    """Found by the fuzzer: '1147' overflowed the datetime column. A year before 1900 or past what a
    date column holds is a cell that is not a date, reported with its row."""
    got, problems = read("1944", cell)
    assert got == [(dt.date(1944, 1, 1), dt.date(1944, 12, 31)), (None, None)]
    assert [list(p.positions) for p in problems] == [[1]]
