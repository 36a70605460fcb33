"""Turn one raw column into its declared type, column-wise, and say which cells could not be.

Every function here works on whole columns (pandas/numpy); the only Python loops are over the
*distinct* values of a column (enum and yes/no spellings), never over rows.
"""
from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from ..rulebook.inputs import Column
from ..suggestions import fold
from .bounds import plausible_range

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

TRUE_WORDS = ("có", "co", "x", "✓", "✔", "1", "1.0", "true", "yes", "y", "đúng", "dung", "t")
FALSE_WORDS = ("không", "khong", "0", "0.0", "false", "no", "n", "sai", "f")
BOOL_EXPECTED = "expected có/không (yes/no, 1/0, x or ✓ for yes)"

NUMBER_WORDS = {"int": "a whole number", "number": "a number", "money": "an amount in VND"}


def token_key(text: object) -> str:
    """Spelling-insensitive key of a cell: 'Hộ  Nghèo ' and 'ho ngheo' are the same."""
    return " ".join(fold(str(text)).split())


@dataclass
class Problem:
    """Cells of one column that fail one check."""

    positions: np.ndarray  # row positions in the raw table
    code: str
    reasons: np.ndarray  # one sentence per position
    values: np.ndarray  # the cell as the user wrote it


def _problem(mask: np.ndarray, code: str, cells: pd.Series, expected: str | None = None,
             reasons: np.ndarray | pd.Series | None = None) -> Problem | None:
    """The cells under `mask` as one problem. The reason is "<expected>, got '<cell>'" unless
    `reasons` (one per masked cell) is given. Text is only built for the masked cells."""
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return None
    positions = np.flatnonzero(mask)
    shown = shown_text(cells.iloc[positions]).fillna("").astype(str)
    if reasons is None:
        reasons = f"{expected}, got '" + shown + "'"
    return Problem(positions, code, np.asarray(reasons, dtype=object), shown.to_numpy(dtype=object))


def shown_text(values: pd.Series) -> pd.Series:
    """Cells as the user would read them (dates as dd/mm/yyyy)."""
    if ptypes.is_datetime64_any_dtype(values):
        return values.dt.strftime("%d/%m/%Y").astype(object)
    return values.astype("string").astype(object)


# ---------------------------------------------------------------------------------------------


def as_text(raw: pd.Series) -> pd.Series:
    """The column as trimmed text ("string" dtype), empty cells as <NA>."""
    if ptypes.is_float_dtype(raw) and not ptypes.is_bool_dtype(raw):
        values = raw.astype("Float64")
        if bool(((values % 1) == 0).fillna(True).all()):
            raw = values.astype("Int64")
    text = raw.astype("string").str.strip()
    return text.mask(text == "")


def convert_column(raw: pd.Series, column: Column, as_of: dt.date) -> tuple[pd.Series, list[Problem]]:
    """(typed column, problems). Cells with a problem are missing in the typed column."""
    kind = column.type
    if kind == "text":
        return as_text(raw), []
    if kind == "enum":
        return _convert_enum(raw, column)
    if kind == "bool":
        return _convert_bool(raw)
    if kind in ("int", "number", "money"):
        return _convert_number(raw, column)
    if kind == "date":
        return _convert_date(raw, as_of)
    raise ValueError(f"unknown column type {kind!r}")  # the schema allows no other


def _map_spellings(raw: pd.Series, spellings: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(index into the target values or -1 when empty, mask of cells with no known spelling).
    Works on the distinct values only (a Categorical's categories, or factorized text)."""
    if isinstance(raw.dtype, pd.CategoricalDtype):
        codes, uniques = raw.cat.codes.to_numpy(), raw.cat.categories
    else:
        codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    keys = [token_key(u) for u in uniques]
    mapped = np.array([-1 if not key else spellings.get(key, -2) for key in keys] + [-1], dtype=np.int64)
    out = mapped[codes]  # code -1 (empty) picks the trailing -1
    unknown = out == -2
    out[unknown] = -1
    return out, unknown


# ---------------------------------------------------------------------------------------------
# enum


def enum_spellings(column: Column) -> tuple[list[str], dict[str, int], dict[str, str]]:
    """(codes in declared order, spelling key -> code index, display spelling -> code)."""
    codes = list(column.values or {})
    keys: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    for i, (code, value) in enumerate((column.values or {}).items()):
        for spelling in (code, value.vi, value.en, *value.aliases):
            keys.setdefault(token_key(spelling), set()).add(i)
            shown.setdefault(spelling, code)
    spellings = {k: next(iter(v)) for k, v in keys.items() if len(v) == 1}
    for i, code in enumerate(codes):  # a code always means itself
        spellings[token_key(code)] = i
    return codes, spellings, shown


def _convert_enum(raw: pd.Series, column: Column) -> tuple[pd.Series, list[Problem]]:
    codes, spellings, shown = enum_spellings(column)
    index, unknown = _map_spellings(raw, spellings)
    typed = pd.Series(pd.Categorical.from_codes(index, categories=codes), index=raw.index)
    if not unknown.any():
        return typed, []
    allowed = ", ".join(f"{c} ({column.values[c].vi})" for c in codes)
    bad = as_text(raw[unknown])
    hints = {}
    for value in bad.unique():  # distinct unknown spellings, not rows
        hit = did_you_mean(str(value), shown)
        if hit is not None:
            code = shown[hit]
            hints[value] = f"; did you mean '{column.values[code].vi}' ({code})?"
        else:
            hints[value] = ""
    reasons = f"expected one of {allowed}; got '" + bad.astype(str) + "'" + bad.map(hints).astype(str)
    return typed, [_problem(unknown, "R-ENUM", raw, reasons=reasons)]


SUGGEST_CUTOFF = 0.8  # a cell value is suggested only when very close (a column name may be looser)


def did_you_mean(value: str, shown: dict[str, str]) -> str | None:
    """A declared spelling very close to `value`, accents kept (in Vietnamese they make the word:
    `Cháu họ` is not `Chủ hộ`), and never one that is only its first word(s): `Con dâu`
    (daughter-in-law) must not suggest `Con` (child), nor `Hộ nghèo khó` suggest `Hộ nghèo`."""
    words = _lower(value)
    folded = {_lower(s): s for s in shown if _lower(s) and not words.startswith(_lower(s) + " ")
              and not token_key(value).startswith(token_key(s) + " ")}
    hits = difflib.get_close_matches(words, list(folded), n=1, cutoff=SUGGEST_CUTOFF)
    return folded[hits[0]] if hits else None


def _lower(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).lower().split())


# ---------------------------------------------------------------------------------------------
# bool


def _convert_bool(raw: pd.Series) -> tuple[pd.Series, list[Problem]]:
    if ptypes.is_bool_dtype(raw):
        return raw.astype("boolean"), []
    spellings = {token_key(w): 1 for w in TRUE_WORDS} | {token_key(w): 0 for w in FALSE_WORDS}
    index, unknown = _map_spellings(raw, spellings)
    typed = pd.Series(pd.arrays.BooleanArray(index == 1, index < 0), index=raw.index)
    problem = _problem(unknown, "R-TYPE", raw, BOOL_EXPECTED)
    return typed, [problem] if problem else []


# ---------------------------------------------------------------------------------------------
# int, number, money


def _replace_where(text: pd.Series, pattern: str, repl: str, regex: bool = True) -> pd.Series:
    """text.str.replace, skipped when no cell contains the pattern (saves a pass on big columns)."""
    if not text.str.contains(pattern, regex=regex).fillna(False).any():
        return text
    return text.str.replace(pattern, repl, regex=regex)


def _parse_numbers(raw: pd.Series, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(values as float64 with NaN for empty or unreadable, mask of non-empty cells)."""
    if ptypes.is_numeric_dtype(raw) and not ptypes.is_bool_dtype(raw):
        values = raw.to_numpy(dtype="float64", na_value=np.nan)
        return values, ~np.isnan(values)
    text = as_text(raw)
    present = text.notna().to_numpy()
    clean = _replace_where(text, r"[\s\u00a0]+", "")
    if kind == "money":
        clean = _replace_where(clean, r"(?:[vV][nN][dDđĐ]|đồng|[đĐ])$", "")
    if kind in ("money", "int"):
        grouped = (clean.str.fullmatch(r"-?\d{1,3}(?:\.\d{3})+").fillna(False)
                   | clean.str.fullmatch(r"-?\d{1,3}(?:,\d{3})+").fillna(False)).to_numpy(dtype=bool)
        if grouped.any():
            clean = clean.mask(grouped, clean.str.replace(r"[.,]", "", regex=True))
    else:
        comma = clean.str.fullmatch(r"-?\d+,\d+").fillna(False).to_numpy(dtype=bool)
        if comma.any():
            clean = clean.mask(comma, clean.str.replace(",", ".", regex=False))
    values = pd.to_numeric(clean, errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan), present


def _bounds(column: Column) -> tuple[float | None, float | None]:
    return plausible_range(column)


def _fmt(number: float) -> str:
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def _convert_number(raw: pd.Series, column: Column) -> tuple[pd.Series, list[Problem]]:
    kind = column.type
    numbers, present = _parse_numbers(raw, kind)
    finite = np.isfinite(numbers)
    problems = [_problem(present & ~finite, "R-TYPE", raw, f"expected {NUMBER_WORDS[kind]}")]
    ok = present & finite
    if kind == "int":
        fractional = ok & (np.mod(np.where(ok, numbers, 0.0), 1.0) != 0)
        problems.append(_problem(fractional, "R-TYPE", raw, "expected a whole number"))
        ok &= ~fractional
    low, high = _bounds(column)
    what = "an amount" if kind == "money" else "a value"
    if low is not None:
        below = ok & (numbers < low)
        negative = below & (numbers < 0) & (low == 0)
        problems.append(_problem(negative, "R-NEGATIVE", raw, f"expected {what} of 0 or more"))
        problems.append(_problem(below & ~negative, "R-RANGE", raw, f"expected {what} of at least {_fmt(low)}"))
        ok &= ~below
    if high is not None:
        above = ok & (numbers > high)
        problems.append(_problem(above, "R-RANGE", raw, f"expected {what} of at most {_fmt(high)}"))
        ok &= ~above
    typed = pd.Series(np.where(ok, numbers, np.nan), index=raw.index)
    typed = typed.astype("Int64") if kind == "int" else typed.astype("Float64")
    return typed, [p for p in problems if p is not None]


# ---------------------------------------------------------------------------------------------
# date


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
    """`text` parsed with `fmt` by Arrow's strptime (C++: thirty times pandas' on a million cells),
    held to what pandas accepts: the cell must match the format whole with a four-digit year, and a
    day past the month's end (31/02, which strptime rolls into March) is no date. None when Arrow
    cannot read the format (fractions of a second): pandas parses it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if "%f" in fmt:
        return None
    pattern = "^" + "".join(_FIELDS.get(fmt[i:i + 2], "") if fmt[i] == "%" else "\\" + fmt[i] if not fmt[i].isalnum()
                            else fmt[i] for i in range(len(fmt)) if i == 0 or fmt[i - 1] != "%") + "$"
    try:
        cells = pa.array(text.array)              # Arrow-backed strings: no copy
    except (TypeError, pa.ArrowInvalid):
        cells = pa.array(text.to_numpy(dtype=object, na_value=None), type=pa.string())
    parsed = pc.strptime(cells, format=fmt, unit="s", error_is_null=True)
    day = pc.cast(pc.struct_field(pc.extract_regex(cells, pattern), "d"), pa.int64())
    ok = pc.fill_null(pc.equal(pc.day(parsed), day), False).to_numpy(zero_copy_only=False)
    values = parsed.to_numpy(zero_copy_only=False).astype("datetime64[us]")
    return pd.Series(np.where(ok, values, np.datetime64("NaT")), index=text.index, dtype="datetime64[us]")


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


def _convert_date(raw: pd.Series, as_of: dt.date) -> tuple[pd.Series, list[Problem]]:
    values, present = _parse_dates(raw)
    latest = _partial_dates(raw, values, present)
    values = values.dt.normalize()
    parsed = values.notna().to_numpy()
    problems = [_problem(present & ~parsed, "R-DATE", raw, DATE_EXPECTED)]
    early = parsed & (values < EARLIEST_DATE).to_numpy()
    problems.append(_problem(early, "R-DATE", raw, "expected a date on or after 01/01/1900"))
    limit = pd.Timestamp(as_of)
    future = parsed & (values > limit).to_numpy()
    if future.any():
        reasons = ("date " + values[future].dt.strftime("%d/%m/%Y") +
                   f" is after the as-of date {limit:%d/%m/%Y}")
        problems.append(_problem(future, "R-DATE-FUTURE", raw, reasons=reasons))
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
