"""Date columns: the formats registers write (Arrow's strptime first, pandas for what it cannot
read), Excel day numbers that lost their format, and dates known only to their year or month
(read as the interval of their days and carried in the typed column's `attrs`).
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from .cells import Problem, as_text, cell_problem, shown_text

DATE_FORMATS = (
    "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
)
EARLIEST_DATE = pd.Timestamp("1900-01-01")
LATEST_YEAR = pd.Timestamp.max.year - 1   # the last whole year a nanosecond datetime column holds
# Excel's day numbers (1900 system). Five digits only, so that a bare year such as 1985 is never
# read as a day number: 10000 is 18/05/1927, 73050 is 31/12/2099.
EXCEL_EPOCH, EXCEL_SERIAL_MIN, EXCEL_SERIAL_MAX = pd.Timestamp("1899-12-30"), 10_000, 73_050
DATE_EXPECTED = "expected a date dd/mm/yyyy or yyyy-mm-dd"
# Dates known to their year or month, as registers write them for the elderly: `1944`, `năm 1944`,
# `03/1944`, `tháng 3/1944`, `tháng 3 năm 1944`, `1944-03`. Read as the interval of their days.
_YEAR = r"(?:n[aă]m\s*)?(?P<y>\d{4})"
_MONTH = (r"(?:th[aá]ng\s*)?(?P<m>\d{1,2})\s*(?:[/.-]|n[aă]m)\s*(?P<y>\d{4})"
          r"|(?P<y2>\d{4})[-/](?P<m2>\d{1,2})")


def _parse_dates(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """(datetime64[us] values with NaT for empty or unreadable, mask of non-empty cells)."""
    if ptypes.is_datetime64_any_dtype(raw):
        values = raw.dt.tz_localize(None) if getattr(raw.dt, "tz", None) is not None else raw
        return values.astype("datetime64[us]"), raw.notna().to_numpy()
    if raw.dtype == object and ptypes.infer_dtype(raw, skipna=True) in ("date", "datetime", "datetime64"):
        values = pd.to_datetime(raw, errors="coerce").astype("datetime64[us]")
        return values, raw.notna().to_numpy()
    text = as_text(raw)
    present = text.notna().to_numpy()
    values = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    todo = present.copy()
    for fmt in DATE_FORMATS:  # each format on the cells no earlier format could read
        if not todo.any():
            break
        parsed = _arrow_dates(text[todo], fmt)
        if parsed is None:
            parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        hit = parsed.notna().to_numpy()
        if hit.any():
            where = np.flatnonzero(todo)[hit]
            values.iloc[where] = parsed[hit].astype("datetime64[us]").to_numpy()
            todo[where] = False
    if todo.any():  # Excel day numbers that lost their date format on the way to CSV (45292 = 01/01/2024)
        serial = pd.to_numeric(text[todo], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        ok = (serial >= EXCEL_SERIAL_MIN) & (serial <= EXCEL_SERIAL_MAX) & (serial == np.floor(serial))
        if ok.any():
            where = np.flatnonzero(todo)[ok]
            days = pd.to_timedelta(serial[ok], unit="D")
            values.iloc[where] = (EXCEL_EPOCH + days).astype("datetime64[us]").to_numpy()
            # said, not silent: a five-digit number may be a date that lost its format, or a typo
            values.attrs["excel_days"] = (where, str(text.iloc[where[0]]), f"{values.iloc[where[0]]:%d/%m/%Y}")
    return values, present


_FIELDS = {"%d": r"(?P<d>\d{1,2})", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%H": r"\d{1,2}", "%M": r"\d{1,2}",
           "%S": r"\d{1,2}"}


def _arrow_dates(text: pd.Series, fmt: str) -> pd.Series | None:
    """`text` parsed with `fmt` by Arrow's strptime (`arrow_dates`), NaT where it reads no date; None
    when Arrow cannot read the format (fractions of a second): pandas parses it."""
    import pyarrow as pa

    try:
        cells = pa.array(text.array)              # Arrow-backed strings: no copy
    except (TypeError, pa.ArrowInvalid):
        cells = pa.array(text.to_numpy(dtype=object, na_value=None), type=pa.string())
    read = arrow_dates(cells, fmt)
    if read is None:
        return None
    ok, values = read
    return pd.Series(np.where(ok, values, np.datetime64("NaT")), index=text.index, dtype="datetime64[us]")


def arrow_dates(cells, fmt: str) -> tuple[np.ndarray, np.ndarray] | None:
    """(mask of the cells read, their datetime64[us] values) by Arrow's strptime (C++: thirty times
    pandas' on a million cells), held to what pandas accepts: the cell must match the format whole
    with a four-digit year, and a day past the month's end (31/02, which strptime rolls into March)
    is no date. None when Arrow cannot read the format (fractions of a second)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if "%f" in fmt:
        return None
    pattern = "^" + "".join(_FIELDS.get(fmt[i:i + 2], "") if fmt[i] == "%" else "\\" + fmt[i] if not fmt[i].isalnum()
                            else fmt[i] for i in range(len(fmt)) if i == 0 or fmt[i - 1] != "%") + "$"
    parsed = pc.strptime(cells, format=fmt, unit="s", error_is_null=True)
    day = pc.cast(pc.struct_field(pc.extract_regex(cells, pattern), "d"), pa.int64())
    ok = pc.fill_null(pc.equal(pc.day(parsed), day), False).to_numpy(zero_copy_only=False)
    return np.asarray(ok, dtype=bool), parsed.to_numpy(zero_copy_only=False).astype("datetime64[us]")


def _partial_dates(raw: pd.Series, values: pd.Series, present: np.ndarray) -> pd.Series | None:
    """Cells no format could read that hold a year or a month: their first day goes into `values`;
    their last day is returned (NaT elsewhere), or None when there is none."""
    todo = present & values.isna().to_numpy()
    if not todo.any():
        return None
    text = as_text(raw[todo]).str.lower()       # the few cells left, not the column again
    year = text.str.extract(f"^{_YEAR}$")["y"]
    month = text.str.extract(f"^(?:{_MONTH})$")
    y = pd.to_numeric(year.fillna(month["y"]).fillna(month["y2"]), errors="coerce")
    m = pd.to_numeric(month["m"].fillna(month["m2"]), errors="coerce")
    # a year outside the dates a register may hold (before 1900, or past what a datetime column
    # holds) is no partial date: the cell is reported as not a date (found by fuzz/run_fuzz.py: '1147')
    ok = (y.between(EARLIEST_DATE.year, LATEST_YEAR) & (m.isna() | m.between(1, 12))).fillna(False) \
        .to_numpy(dtype=bool)
    if not ok.any():
        return None
    y, m = y[ok].astype(int), m[ok]
    first = pd.to_datetime(pd.DataFrame({"year": y, "month": m.fillna(1).astype(int), "day": 1}))
    last = (first + pd.offsets.MonthEnd(1)).where(m.notna(), pd.to_datetime(pd.DataFrame(
        {"year": y, "month": 12, "day": 31})))
    where = np.flatnonzero(todo)[ok]
    values.iloc[where] = first.astype("datetime64[us]").to_numpy()
    latest = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    latest.iloc[where] = last.astype("datetime64[ns]").to_numpy()
    return latest


class _Kept:
    """The partial dates of a typed column, carried in its `attrs`. pandas deep-copies `attrs` at
    every operation on the column; this is passed on as it is (a copy of a column per operation cost
    a third of the reading time)."""

    def __init__(self, latest: pd.Series, found: tuple):
        self.latest, self.found = latest, found

    def __deepcopy__(self, memo) -> _Kept:
        return self


def partial_dates(typed: pd.Series) -> tuple[pd.Series, tuple] | None:
    """For a typed date column: (the last day of each date known to its year or month, NaT elsewhere;
    (their positions, the cells as written)), or None when every date is exact."""
    kept = typed.attrs.get("partial_dates")
    return None if kept is None else (kept.latest, kept.found)


def convert_date(raw: pd.Series, as_of: dt.date) -> tuple[pd.Series, list[Problem]]:
    return limit_dates(raw, parse_date_column(raw), as_of)


def parse_date_column(raw: pd.Series) -> tuple[pd.Series, np.ndarray, pd.Series | None]:
    """What a date column's cells say, whatever the as-of date: (first day of each, mask of non-empty
    cells, last day of each date known to its year or month or None)."""
    values, present = _parse_dates(raw)
    return values, present, _partial_dates(raw, values, present)


def limit_dates(raw: pd.Series, reading: tuple, as_of: dt.date) -> tuple[pd.Series, list[Problem]]:
    """The typed column at `as_of` from `parse_date_column`'s reading (left as it is: a register read
    for two dates parses once): dates after `as_of` refused, year- or month-only dates ending there."""
    values, present, latest = reading
    values = values.dt.normalize()
    parsed = values.notna().to_numpy()
    problems = [cell_problem(present & ~parsed, "R-DATE", raw, DATE_EXPECTED)]
    early = parsed & (values < EARLIEST_DATE).to_numpy()
    problems.append(cell_problem(early, "R-DATE", raw, "expected a date on or after 01/01/1900"))
    limit = pd.Timestamp(as_of)
    future = parsed & (values > limit).to_numpy()
    if future.any():
        reasons = ("date " + values[future].dt.strftime("%d/%m/%Y") +
                   f" is after the as-of date {limit:%d/%m/%Y}")
        problems.append(cell_problem(future, "R-DATE-FUTURE", raw, reasons=reasons))
    typed = values.where(parsed & ~early & ~future).astype("datetime64[ns]")
    if "excel_days" in values.attrs:
        typed.attrs["excel_days"] = values.attrs["excel_days"]
    if latest is not None:
        # a year or month up to the as-of date ends there (a later day would be a future date); said,
        # not silent: the reader lists these cells and the engine decides only what every day decides
        latest = latest.where(typed.notna()).clip(upper=limit)
        partial = np.flatnonzero(latest.notna().to_numpy())
        if len(partial):
            typed.attrs["partial_dates"] = _Kept(latest, (partial, shown_text(raw.iloc[partial]).to_numpy(dtype=object)))
    return typed, [p for p in problems if p is not None]
