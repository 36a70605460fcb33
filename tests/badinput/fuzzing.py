"""Hypothesis strategies and properties for fuzzing the register reader and the expression checker.

Shared by `tests/badinput/test_fuzz.py` (a few hundred examples in `make test`) and
`fuzz/run_fuzz.py` (100,000 and more, figures in the README). The property is the same in both:
whatever the input, the reader and the checker either succeed or raise the project's own error
(`EligibilityError`, `ExprError`), never anything else; and a register read keeps its row
accounting (read = accepted + rejected).
"""
from __future__ import annotations

import functools
import io
import math
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import strategies as st

from eligibility.errors import EligibilityError
from eligibility.register import read_register
from eligibility.rulebook.expressions import FUNCTIONS, ExprError, check
from eligibility.rulebook.inputs import load_input_schema

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2025-11-15"


@functools.lru_cache(maxsize=1)
def schema():
    return load_input_schema(ROOT / "rules")


@functools.lru_cache(maxsize=1)
def scope():
    """The bundled pack's names, as the compiler sees them when it checks an expression."""
    from eligibility.rulebook.compile import _Compiler
    from eligibility.rulebook.load import load_pack

    compiler = _Compiler(load_pack(ROOT / "rules"))
    compiler._collect_parameters()
    compiler._collect_definitions()
    return compiler._scope()


# --------------------------------------------------------------------------------------------- cells

NASTY_TEXT = ["", " ", "=1+1", "-", "1e308", "-1e308", "1e309", "inf", "-inf", "nan", "NaN", "12345678901234567890",
              "0x1F", "1,5", "1.500.000", "1.500.000 đ", "31/02/2024", "00/00/0000", "45292", "99999", "1/1/1",
              "2025-13-45", "\x00", "\x07", "\u200b", "\ufeff", "có", "không", "x", "Hộ nghèo", "\"", "\"\"", "'",
              "a\nb", "a,b", "a;b", "\t", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "Ä" * 300, "1" * 400]


# The strategies are built once and drawn from many times: hypothesis validates a strategy object when it
# is first drawn from, and validating a new one_of for every cell cost more than the reads it fed (11 of
# the 25 s the register fuzz test took, 3 Dec 2026). The same strategies, so the same registers.
@functools.lru_cache(maxsize=1)
def cell_values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NASTY_TEXT),
        st.text(max_size=20),
        st.integers(min_value=-(10 ** 25), max_value=10 ** 25).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    )


def headers_for(table: str) -> list[str]:
    """Headers a commune register may use for `table`: Vietnamese and English labels, aliases, codes."""
    out = []
    for name, column in getattr(schema(), table).columns.items():
        out += [name, column.label.vi, column.label.en, *column.aliases]
    return out


IDS = ["H1", "H2", "H3", "h1", " H1", "", "H1\x00"]


def required(table: str) -> list[str]:
    return [n for n, c in getattr(schema(), table).columns.items() if c.required]


ONE_IN_TEN, ROW_COUNTS, COIN = st.integers(0, 9), st.integers(0, 5), st.booleans()
HOUSEHOLD_IDS = st.sampled_from(IDS)
PERSON_IDS = st.sampled_from(["P1", "P2", "P3", "P1 ", ""])
BIRTH_DATES = st.sampled_from(["01/01/1950", "1990-05-05", "45292", "31/12/2030"])


@functools.cache
def header_choices(table: str) -> tuple[st.SearchStrategy, st.SearchStrategy, st.SearchStrategy]:
    """(random headers, declared columns, a stray header) of `table`, built once (see `cell_values`)."""
    known = headers_for(table)
    declared = list(getattr(schema(), table).columns)
    return (st.lists(st.one_of(st.sampled_from(known), st.text(max_size=12)), max_size=8),
            st.lists(st.sampled_from(declared), max_size=6, unique=True),
            st.sampled_from(known + ["ghi chú", "", "Unnamed: 3"]))


@st.composite
def raw_tables(draw, table: str) -> tuple[list[str], list[list[str]]]:
    """Mostly a table a reader can get into (the required columns, other declared ones, a stray
    one), with random cells; sometimes random headers, to reach the header checks too."""
    random_headers, declared, stray = header_choices(table)
    if draw(ONE_IN_TEN) == 0:
        chosen = draw(random_headers)
    else:
        chosen = required(table) + draw(declared)
        chosen = list(dict.fromkeys(chosen))
        if draw(COIN):
            chosen.append(draw(stray))
    width = len(chosen)
    rows = []
    for _ in range(draw(ROW_COUNTS)):
        row = [draw(cell_values()) for _ in range(width)]
        for i, header in enumerate(chosen):
            if header == "household_id":
                row[i] = draw(HOUSEHOLD_IDS)
            elif header == "person_id":
                row[i] = draw(PERSON_IDS)
            elif header == "date_of_birth" and draw(COIN):
                row[i] = draw(BIRTH_DATES)
        if draw(ONE_IN_TEN) == 0:  # a ragged row
            row = row[: draw(st.integers(0, width))] if draw(COIN) else row + ["extra"]
        rows.append(row)
    return chosen, rows


@st.composite
def registers(draw):
    """(format, encoding, separator, households table, members table)."""
    fmt = draw(st.sampled_from(["csv", "csv", "csv", "parquet"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]))
    sep = draw(st.sampled_from([",", ";", "\t", "|"]))
    return fmt, encoding, sep, draw(raw_tables("households")), draw(raw_tables("members"))


def write_csv(path: Path, headers: list[str], rows: list[list[str]], encoding: str, sep: str) -> None:
    import csv
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


def write_parquet(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    names = [h if h else f"blank{i}" for i, h in enumerate(headers)]
    columns = {}
    for i, name in enumerate(names):
        values = [row[i] if i < len(row) else None for row in rows]
        columns[name if name not in columns else f"{name}.{i}"] = pa.array(values, type=pa.string())
    pq.write_table(pa.table(columns) if columns else pa.table({"x": pa.array([], pa.string())}), path)


def read_fuzzed_register(example) -> str:
    """Write one generated register and read it: 'read' or 'refused' (the project's own error).
    Anything else propagates: that is the bug the fuzzer looks for."""
    fmt, encoding, sep, households, members = example
    with tempfile.TemporaryDirectory(prefix="fuzz-register-") as folder:
        folder = Path(folder)
        for name, (headers, rows) in (("households", households), ("members", members)):
            if fmt == "parquet":
                write_parquet(folder / f"{name}.parquet", headers, rows)
            else:
                write_csv(folder / f"{name}.csv", headers, rows, encoding, sep)
        try:
            register = read_register(folder, schema(), AS_OF)
        except EligibilityError:
            return "refused"
    for table, acc in register.accounting.items():
        assert acc["read"] == acc["accepted"] + acc["rejected"], (table, acc)
        assert len(register.frame(table)) == acc["accepted"], (table, acc)
    return "read"


# --------------------------------------------------------------------------------------------- expressions

OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "and", "or", "==", "!=", "<", "<=", ">", ">=", "in", "not in",
             "is", "&", "|", "^", "<<", "@"]


def leaves() -> st.SearchStrategy[str]:
    names = sorted({name for names in scope().symbols.values() for name in names} | set(scope().benefits))
    columns = [n for t in ("households", "members") for n in getattr(schema(), t).columns]
    return st.one_of(
        st.sampled_from(columns + names + ["as_of", "household", "members", "True", "False", "None", "__import__",
                                           "os", "self", "x"]),
        st.integers(min_value=-(10 ** 30), max_value=10 ** 30).map(str),
        st.sampled_from(["1e308", "1e309", "-1e308", "0.0", "1e-320", "nan", "inf", "0", "2**1000"]),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.sampled_from(["'poor'", "'near_poor'", "'female'", "''", "'x' * 10", "\"a\""]),
        st.sampled_from(["date(2020, 1, 1)", "date(2020, 13, 45)", "date(0, 0, 0)", "param('support.standard')",
                         "param('no.such')", "param(1)", "years_between(date_of_birth, as_of)"]),
    )


def expressions() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        functions = sorted(FUNCTIONS) + ["eval", "exec", "open", "len", "getattr", "lambda", "count", "sum", "max"]
        return st.one_of(
            st.tuples(inner, st.sampled_from(OPERATORS), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            inner.map(lambda e: f"not {e}"),
            inner.map(lambda e: f"-{e}"),
            st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
            st.tuples(st.sampled_from(functions), st.lists(inner, max_size=3)).map(
                lambda t: f"{t[0]}({', '.join(t[1])})"),
            st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
            inner.map(lambda e: f"household.{e}" if e.isidentifier() else f"{e}.real"),
            inner.map(lambda e: f"{e}[0]"),
            st.tuples(inner, inner, inner).map(lambda t: f"{t[0]} < {t[1]} <= {t[2]}"),
        )
    return st.one_of(st.recursive(leaves(), extend, max_leaves=12), st.text(max_size=40))


def check_fuzzed_expression(source: str, entity: str) -> str:
    """'ok' or 'refused' (ExprError or the project's own error); anything else propagates."""
    try:
        check(source, entity, scope())
    except (ExprError, EligibilityError):
        return "refused"
    return "ok"


def finite(value) -> bool:
    return not isinstance(value, float) or math.isfinite(value)
