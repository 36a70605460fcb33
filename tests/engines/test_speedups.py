"""Engine speed-ups that must not change a result: a subexpression written in many rules is one
node, computed once per register; dates become yyyymmdd integers by integer arithmetic.

The compiler merges structurally equal trees; the vectorised engine remembers each result until the
last step that reads it is done. Both are about speed and memory: the differential tests prove the
decisions do not change, these prove the sharing itself happens and never recomputes."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from eligibility.api import load_rules
from eligibility.engines.vectorised import Evaluation
from eligibility.register import read_register
from eligibility.rulebook.expressions import BOOL, NUMBER, Compare, Const, Shared, walk

from shared import AS_OF, DEMO
import pytest

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out


def test_a_condition_written_in_several_rules_is_one_node():
    plan = load_rules()
    nodes = [c.node for b in plan.benefits.values() for r in b.rules for c in r.conditions
             if c.text == "household.on_poor_list"]
    assert len(nodes) > 5
    assert len({id(n) for n in nodes}) == 1


def test_sharing_keeps_apart_values_that_only_compare_equal():
    share = Shared()
    one, true, one_again = Const(NUMBER, "scalar", 1), Const(BOOL, "scalar", True), Const(NUMBER, "scalar", 1)
    assert share(one) is share(one_again)
    assert share(true) is not share(one)
    ge = share(Compare(BOOL, "scalar", ">=", one, Const(NUMBER, "scalar", 2)))
    gt = share(Compare(BOOL, "scalar", ">", one_again, Const(NUMBER, "scalar", 2)))
    assert ge is not gt and ge.left is gt.left


def test_every_subexpression_is_computed_once_over_the_whole_register(monkeypatch):
    plan = load_rules()
    register = read_register(DEMO, plan.inputs, AS_OF)
    computed: Counter = Counter()
    original = Evaluation._compute

    def counting(self, node, entity, rows):
        if rows is None:
            computed[id(node)] += 1
        return original(self, node, entity, rows)

    monkeypatch.setattr(Evaluation, "_compute", counting)
    ev = Evaluation(plan, register.households, register.members, AS_OF).run(threads=1)
    assert computed, "the engine computed nothing at full width"
    assert max(computed.values()) == 1, "a shared result was forgotten before its last reader and recomputed"
    assert not ev._memo, "results are not kept after the run"
    shared = {id(n) for b in plan.benefits.values() for r in b.rules for c in r.conditions for n in walk(c.node)}
    assert len(shared) < sum(1 for b in plan.benefits.values() for r in b.rules for c in r.conditions
                             for _ in walk(c.node))


def test_dates_become_yyyymmdd_integers_on_every_day_of_eight_centuries():
    import numpy as np
    from eligibility.engines.values import yyyymmdd
    days = np.arange(np.datetime64("1600-01-01"), np.datetime64("2401-01-01"))
    first = dt.date(1600, 1, 1).toordinal()
    expected = [int(dt.date.fromordinal(first + i).strftime("%Y%m%d")) for i in range(len(days))]
    assert yyyymmdd(days).tolist() == expected
    assert yyyymmdd(np.array(["NaT", "2024-02-29"], dtype="datetime64[D]")).tolist() == [0, 20240229]


def test_ids_and_names_are_taken_from_columns_held_in_several_arrow_chunks():
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    from eligibility.register.identity import identity_columns

    def chunked(*parts):
        return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([list(p) for p in parts])))

    plan = load_rules()
    households = pd.DataFrame({"household_id": chunked(["H1"], ["H2"]), "head_name": chunked(["Lò Văn A"], [None]),
                               "commune": ["Bum Tở", "Pa Ủ"]})
    members = pd.DataFrame({"person_id": chunked(["P1", "P2"], ["P3"]), "household_id": ["H1", "H1", "H2"],
                            "full_name": chunked(["Lò Văn A", "Lò Thị B"], ["Tẩn Văn C"])})
    # decision rows: P3, household H1, P1, household H2 (no head's name)
    ids = identity_columns(plan, households, members, np.array([1, 0, 0, 1]), np.array([2, -1, 0, -1]), "vi")
    assert list(pd.Series(ids["person_id"]).fillna("-")) == ["P3", "-", "P1", "-"]
    assert list(pd.Series(ids["household_id"])) == ["H2", "H1", "H1", "H2"]
    assert list(pd.Series(ids["name"]).fillna("-")) == ["Tẩn Văn C", "Lò Văn A", "Lò Văn A", "-"]
    assert list(pd.Series(ids["commune"])) == ["Pa Ủ", "Bum Tở", "Bum Tở", "Pa Ủ"]


def test_explanations_grouped_by_pattern_match_row_by_row_for_narrow_and_wide_rules():
    import numpy as np
    from eligibility.decisions.explanations import by_pattern

    def text(pattern):
        return int("".join("1" if bit else "0" for bit in pattern), 2) % 1_000_003

    rng = np.random.default_rng(767)
    for width in (1, 9, 62, 63, 70):   # one integer key up to 62 conditions, packed bytes beyond
        matrix = rng.random((500, width)) < 0.3
        assert by_pattern(matrix, text).tolist() == [text(row) for row in matrix]
