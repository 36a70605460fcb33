"""The registry of expression functions: the docs table, the checker and both implementations
follow it (adding a function in `rulebook/functions.py` is enough, and these tests say so)."""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import numpy as np
import pytest

from eligibility.rulebook.expressions import FUNCTIONS as ALLOWED
from eligibility.rulebook.expressions import ExprError, Scope, Symbol, check, type_of
from eligibility.rulebook.functions import ANY, FUNCTIONS, docs_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "rule-format.md"
BLOCK = re.compile(r"<!-- functions: generated[^\n]*-->\n(.*?)<!-- end of functions -->", re.S)


def test_docs_table_is_the_registry():
    found = BLOCK.search(DOC.read_text(encoding="utf-8"))
    assert found, "docs/rule-format.md lost its generated functions block"
    assert found.group(1) == docs_table(), "regenerate with eligibility.rulebook.functions.docs_table()"


def test_every_registered_function_may_be_called():
    assert set(FUNCTIONS) <= ALLOWED


SCOPE = Scope({"person": {"born": Symbol("column", "person", type_of("date")),
                          "income": Symbol("column", "person", type_of("number")),
                          "note": Symbol("column", "person", type_of("text"))},
               "household": {}}, {}, {})
SAMPLE = {"date": "born", "number": "income", ANY: "income"}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_checker_follows_the_signature(name):
    spec = FUNCTIONS[name]
    call = f"{name}({', '.join(SAMPLE[k] for k in spec.args)})"
    node = check(call, "person", SCOPE)
    assert node.type.kind == ("number" if spec.result == "same" else spec.result)
    with pytest.raises(ExprError, match="argument"):
        check(f"{name}({', '.join(SAMPLE[k] for k in spec.args + ('number',))})", "person", SCOPE)
    typed = [i for i, k in enumerate(spec.args) if k != ANY]
    if typed:   # a text where a date or number is wanted is refused
        args = [SAMPLE[k] for k in spec.args]
        args[typed[0]] = "note"
        with pytest.raises(ExprError, match="needs a"):
            check(f"{name}({', '.join(args)})", "person", SCOPE)


def _values(kind: str, n: int, rng: random.Random) -> list:
    if kind == "date":
        start = dt.date(1900, 1, 1)
        days = [start + dt.timedelta(days=rng.randrange(0, 365 * 140)) for _ in range(n)]
        return [d.year * 10000 + d.month * 100 + d.day for d in days]
    return [float(rng.randrange(-40, 40)) for _ in range(n)]


@pytest.mark.parametrize("name", sorted(n for n, f in FUNCTIONS.items() if f.strict))
def test_columns_and_one_value_agree(name):
    """The vectorised and the scalar implementation give the same value, argument for argument."""
    spec, rng = FUNCTIONS[name], random.Random(name)
    args = [_values(kind, 300, rng) for kind in spec.args]
    columns = spec.vector(*(np.array(a, dtype=np.int64 if k == "date" else float) for a, k in zip(args, spec.args)))
    for i, row in enumerate(zip(*args)):
        assert spec.scalar(*row) == pytest.approx(float(columns[i])), (name, row)


def test_knowing_functions_see_unknowns():
    known, coalesce = FUNCTIONS["known"], FUNCTIONS["coalesce"]
    assert known.scalar(None) is False and known.scalar(0.0) is True
    assert coalesce.scalar(None, 5.0) == 5.0 and coalesce.scalar(0.0, 5.0) == 0.0
    values, knows = np.array([1.0, 2.0, 3.0]), np.array([True, False, False])
    got, got_known = coalesce.vector((values, knows), (np.array([9.0, 8.0, 7.0]), np.array([True, True, False])))
    assert got.tolist()[:2] == [1.0, 8.0] and got_known.tolist() == [True, True, False]
    assert known.vector((values, knows))[0].tolist() == [True, False, False]
