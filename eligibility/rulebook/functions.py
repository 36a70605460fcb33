"""The expression language's functions, each defined once: its signature (checked when the pack
compiles), its implementation over whole columns (the vectorised engine), over one value (the
scalar evaluator, which the durable_rules engine also uses for calls), and its line in
`docs/rule-format.md` (a test regenerates the table and fails when the file differs).

Adding a function is adding one `Function` to `FUNCTIONS`: the checker, both engines and the
documentation pick it up. The two implementations are written independently on purpose (numpy
over columns; plain Python over one value) and tests/engines/test_scalar.py holds them to each
other.

Unknown values (Kleene): a function is strict unless it says otherwise: any unknown argument
makes the result unknown, so its implementations only ever see known values. A function that
looks at knownness itself (`known`, `coalesce`) is not strict: over columns it gets and returns
(values, known) pairs; over one value it gets None for unknown and may return None.

Dates are yyyymmdd integers: ordering and whole-year arithmetic stay exact (someone born on
29 February completes a year on 1 March).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

# argument kinds: a type kind, or "any" (any one type; `same` results take the first argument's)
ANY = "any"
SAME = "same"
Int64s = npt.NDArray[np.int64]   # dates as yyyymmdd, days, months


@dataclass(frozen=True, slots=True, kw_only=True)
class Function:
    name: str
    args: tuple[str, ...]             # the kind each argument must have ("date", "number", or ANY)
    result: str                       # the result's kind, or SAME (the first argument's type)
    vector: Callable[..., Any]        # numpy arrays in, array out (non-strict: (values, known) pairs)
    scalar: Callable[..., Any]        # plain values in, plain value out (non-strict: None = unknown)
    usage: str                        # how the docs write a call
    doc: str                          # what the docs say it does
    hint: str = ""                    # display hint of a number result ("int")
    same_kind: bool = False           # all arguments of one kind (checked even when they are ANY)
    strict: bool = True               # unknown in, unknown out (see the module's docstring)
    monotone: tuple[int, ...] = ()    # per argument: +1 rising, -1 falling, 0 neither (how a date known
    #                                   to its year or month bounds the result; () = none monotone)
    durable: Callable[..., Any] | None = None   # a translation into durable_rules patterns, where one exists;
    #                                   None: the durable engine asserts the value the scalar
    #                                   evaluator computes (an "expression attribute")


# ---------------------------------------------------------------- over columns (numpy)
def _split(d: np.ndarray) -> tuple[Int64s, Int64s, Int64s]:
    return _parts(np.asarray(d, dtype=np.int64))


def _parts(d: npt.NDArray[np.integer[Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of yyyymmdd integers, in their own integer type: d // 10000, (d // 100) % 100
    and d % 100, by two divisions and no `%` (numpy divides int64 by a constant fast; its `%` took about
    six times as long on 1 M dates). Floor division makes them equal for every integer: (d // 100) // 100
    == d // 10000 and d - (d // 100) * 100 == d % 100."""
    hundreds = d // 100
    year = hundreds // 100
    return year, hundreds - year * 100, d - hundreds * 100


def _days_from_civil(d: np.ndarray) -> Int64s:
    """Days since 1970-01-01 (H. Hinnant's algorithm, vectorised)."""
    y, m, dd = _split(d)
    y = y - (m <= 2)
    era: Int64s = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + dd - 1
    doe: Int64s = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def np_years_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Completed years from a to b (the birthday counts: từ đủ N tuổi)."""
    return (np.asarray(b, dtype=np.int64) - np.asarray(a, dtype=np.int64)) // 10000


def np_months_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    narrow_a, narrow_b = _as_int32(a), _as_int32(b)
    if narrow_a is not None and narrow_b is not None:
        # a register's dates are yyyymmdd int32: worked in int32 (half the time, or less, of widening to int64
        # first), then widened. Every step fits whatever the int32s: years within 214,749 of 0, months
        # and days 0-99, so the months between are within 5.2 million; `_parts` may wrap in its
        # products at the very ends of int32, and its differences wrap back to the same parts.
        ya, ma, da = _parts(narrow_a)
        yb, mb, db = _parts(narrow_b)
        months: np.ndarray = ((yb - ya) * 12 + (mb - ma) - (db < da)).astype(np.int64)
        return months
    ya, ma, da = _split(a)
    yb, mb, db = _split(b)
    return (yb - ya) * 12 + (mb - ma) - (db < da)


def _as_int32(d: np.ndarray) -> npt.NDArray[np.int32] | None:
    """`d` as int32 where it is (a column), or is one value within int32 (a date in the pack); else None."""
    d = np.asarray(d)
    if d.dtype == np.int32:
        return d
    if d.ndim == 0 and d.dtype.kind in "iu" and -2**31 <= int(d) < 2**31:
        return d.astype(np.int32)
    return None


def np_days_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return _days_from_civil(b) - _days_from_civil(a)


def np_add_years(d: np.ndarray, n: np.ndarray) -> np.ndarray:
    return np.asarray(d, dtype=np.int64) + np.asarray(n, dtype=np.int64) * 10000


def np_add_months(d: np.ndarray, n: np.ndarray) -> np.ndarray:
    y, m, dd = _split(d)
    total = y * 12 + (m - 1) + np.asarray(n, dtype=np.int64)
    years: Int64s = total // 12
    day: Int64s = years * 10000 + (total - years * 12 + 1) * 100 + dd   # (total - years * 12 == total % 12)
    return day


def np_round_half_up(x: np.ndarray, digits: np.ndarray) -> np.ndarray:
    scale: npt.NDArray[np.float64] = np.power(10.0, np.asarray(digits, dtype=float))
    return np.floor(np.asarray(x, dtype=float) * scale + 0.5) / scale


def np_known(x: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(x[1]).copy(), np.asarray(True)


def np_coalesce(x: tuple[np.ndarray, np.ndarray], y: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    return np.where(x[1], x[0], y[0]), x[1] | y[1]


# ---------------------------------------------------------------- over one value (plain Python)
def _ymd(d: int) -> tuple[int, int, int]:
    return d // 10000, (d // 100) % 100, d % 100


def _civil_days(d: int) -> int:
    """Days since 1970-01-01 of a yyyymmdd integer (proleptic Gregorian, day numbers beyond the month's
    end simply count on, like the integer arithmetic of add_years/add_months can produce)."""
    y, m, day = _ymd(d)
    y -= 1 if m <= 2 else 0
    era = y // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def py_years_between(a: Any, b: Any) -> int:
    """Completed years from a to b: the birthday itself counts (từ đủ N tuổi)."""
    return (int(b) - int(a)) // 10000


def py_months_between(a: Any, b: Any) -> int:
    ya, ma, da = _ymd(int(a))
    yb, mb, db = _ymd(int(b))
    return (yb - ya) * 12 + (mb - ma) - (1 if db < da else 0)


def py_days_between(a: Any, b: Any) -> int:
    return _civil_days(int(b)) - _civil_days(int(a))


def py_add_years(d: Any, n: Any) -> int:
    return int(d) + int(n) * 10000


def py_add_months(d: Any, n: Any) -> int:
    y, m, day = _ymd(int(d))
    total = y * 12 + (m - 1) + int(n)
    return (total // 12) * 10000 + (total % 12 + 1) * 100 + day


def py_round_half_up(x: Any, digits: Any) -> float:
    scale: float = 10.0 ** float(digits)
    return float(math.floor(float(x) * scale + 0.5)) / scale


# ---------------------------------------------------------------- the registry
FUNCTIONS: dict[str, Function] = {f.name: f for f in [
    Function(name="years_between", monotone=(-1, 1), args=("date", "date"), result="number", hint="int",
             vector=np_years_between, scalar=py_years_between, usage="years_between(d1, d2)",
             doc="whole years from d1 to d2 (the birthday itself counts: `từ đủ 60 tuổi`)"),
    Function(name="months_between", monotone=(-1, 1), args=("date", "date"), result="number", hint="int",
             vector=np_months_between, scalar=py_months_between, usage="months_between(d1, d2)",
             doc="whole months from d1 to d2"),
    Function(name="days_between", monotone=(-1, 1), args=("date", "date"), result="number", hint="int",
             vector=np_days_between, scalar=py_days_between, usage="days_between(d1, d2)",
             doc="days from d1 to d2"),
    Function(name="add_years", monotone=(1, 1), args=("date", "number"), result="date",
             vector=np_add_years, scalar=py_add_years, usage="add_years(d, n)",
             doc="the date n years after d (n may be negative)"),
    Function(name="add_months", monotone=(1, 1), args=("date", "number"), result="date",
             vector=np_add_months, scalar=py_add_months, usage="add_months(d, n)",
             doc="the date n months after d (n may be negative)"),
    Function(name="known", monotone=(1,), args=(ANY,), result="bool", strict=False,
             vector=np_known, scalar=lambda x: x is not None, usage="known(x)",
             doc="true when x has a value (always known)"),
    Function(name="coalesce", monotone=(1, 1), args=(ANY, ANY), result=SAME, same_kind=True, strict=False,
             vector=np_coalesce, scalar=lambda x, y: x if x is not None else y, usage="coalesce(x, y)",
             doc="x, or y where x is missing (an explicit, reviewable default)"),
    Function(name="least", monotone=(1, 1), args=("number", "number"), result="number",
             vector=np.minimum, scalar=lambda a, b: min(float(a), float(b)), usage="least(a, b)",
             doc="the smaller of two numbers"),
    Function(name="greatest", monotone=(1, 1), args=("number", "number"), result="number",
             vector=np.maximum, scalar=lambda a, b: max(float(a), float(b)), usage="greatest(a, b)",
             doc="the larger of two numbers"),
    Function(name="round", monotone=(1, 0), args=("number", "number"), result="number",
             vector=np_round_half_up, scalar=py_round_half_up, usage="round(x, n)",
             doc="x rounded half up to n decimals (`round(x, -3)`: to the nearest 1,000)"),
]}


def docs_table() -> str:
    """The functions table of docs/rule-format.md, as it must read."""
    lines = ["| function | meaning |", "|---|---|"]
    lines += [f"| `{f.usage}` | {f.doc} |" for f in FUNCTIONS.values()]
    return "\n".join(lines) + "\n"


__all__ = ["Function", "FUNCTIONS", "ANY", "SAME", "docs_table"]
