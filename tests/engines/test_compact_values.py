"""The vectorised engine's compact and fused forms give the values of the plain ones they replace.

`and`/`or` are computed in place without building the items' own true/false masks; dates are read
through a table of the days the column spans; the paying rule is kept for the paid rows only. Each
test compares against the plain definition on every case (every combination of Kleene values, every
day of the span, every row of the demo register), so a slip in the fast path fails here."""
from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from eligibility.api import load_rules
from eligibility.engines.values import V, civil_days, kleene_and, kleene_or, yyyymmdd
from eligibility.engines.vectorised import Evaluation
from eligibility.register import read_register

from shared import AS_OF, DEMO

# the three Kleene values as (value, known): an unknown row's value may be either
TRUE, FALSE, UNKNOWN, UNKNOWN_SET = (True, True), (False, True), (False, False), (True, False)


def _plain(items: list[tuple[bool, bool]], conjunction: bool) -> tuple[bool, bool]:
    """Kleene and/or by definition: unknown is neither true nor false."""
    true = [v and k for v, k in items]
    false = [not v and k for v, k in items]
    if conjunction:
        return (all(true), all(true) or any(false))
    return (any(true), any(true) or all(false))


@pytest.mark.parametrize("width", [1, 2, 3])
def test_and_or_give_kleene_logic_on_every_combination_of_values(width):
    values = [TRUE, FALSE, UNKNOWN, UNKNOWN_SET]
    rows = list(itertools.product(values, repeat=width))
    items = [V(np.array([r[i][0] for r in rows]), np.array([r[i][1] for r in rows])) for i in range(width)]
    for conjunction, combine in ((True, kleene_and), (False, kleene_or)):
        got = combine(items)
        expected = [_plain(list(r), conjunction) for r in rows]
        assert list(zip(got.v.tolist(), got.k.tolist())) == expected
        for item in items:
            assert "true" not in item.__dict__ and "false" not in item.__dict__, "an item's masks were kept"


@pytest.mark.parametrize("width", [1, 2, 3])
def test_and_or_read_items_known_everywhere_or_nowhere_as_columns(width):
    """An item known on every row (or on none) comes as one 0-d `known`: the fused passes skip its mask
    (known everywhere) or broadcast it; each mix of such items and columns gives what columns give."""
    values = [TRUE, FALSE, UNKNOWN, UNKNOWN_SET]
    rows = list(itertools.product(values, repeat=width))
    columns = [(np.array([r[i][0] for r in rows]), np.array([r[i][1] for r in rows])) for i in range(width)]
    for shapes in itertools.product(["column", "known", "unknown"], repeat=width):
        items, plain = [], []
        for (value, known), shape in zip(columns, shapes):
            everywhere = {"column": known, "known": np.asarray(True), "unknown": np.asarray(False)}[shape]
            items.append(V(value, everywhere))
            plain.append(V(value, np.broadcast_to(everywhere, value.shape).copy()))
        for combine in (kleene_and, kleene_or):
            got, want = combine(items), combine(plain)
            assert got.v.tolist() == want.v.tolist() and got.k.tolist() == want.k.tolist(), (shapes, combine)
            expected = [_plain(list(zip(v, k)), combine is kleene_and) for v, k in
                        zip(zip(*(i.v.tolist() for i in plain)), zip(*(i.k.tolist() for i in plain)))]
            assert list(zip(got.v.tolist(), got.k.tolist())) == expected


def test_dates_split_as_floor_division_and_remainder_do_on_every_integer():
    """Year, month and day by two divisions (no `%`): equal to `//` and `%` on any integer, negative too."""
    from eligibility.rulebook.functions import _split, np_add_months
    days = np.concatenate([np.arange(-1_000_000, 1_000_000, 7), [0, 19000101, 20240229, 2**40 + 1231, -(2**40) - 1]])
    year, month, day = _split(days)
    assert year.tolist() == (days // 10000).tolist()
    assert month.tolist() == ((days // 100) % 100).tolist()
    assert day.tolist() == (days % 100).tolist()
    months = np.random.default_rng(2).integers(-400, 400, len(days))
    y, m, d = days // 10000, (days // 100) % 100, days % 100
    total = y * 12 + (m - 1) + months
    assert np_add_months(days, months).tolist() == ((total // 12) * 10000 + (total % 12 + 1) * 100 + d).tolist()


def test_and_or_mix_columns_with_values_the_same_for_every_row():
    column = V(np.array([True, False, True, False]), np.array([True, True, False, False]))
    for value, known in (TRUE, FALSE, UNKNOWN):
        scalar = V(np.asarray(value), np.asarray(known))
        for conjunction, combine in ((True, kleene_and), (False, kleene_or)):
            got = combine([scalar, column])
            expected = [_plain([(value, known), (v, k)], conjunction)
                        for v, k in zip(column.v.tolist(), column.k.tolist())]
            assert list(zip(got.v.tolist(), got.k.tolist())) == expected
    both = kleene_and([V.scalar(True), V.scalar(False, known=False)])
    assert (bool(both.v), bool(both.k)) == (False, False)


@pytest.mark.parametrize("span", [("1890-01-01", "2030-12-31"), ("2024-02-28", "2024-03-01")])
def test_dates_read_through_the_table_of_their_span_match_the_arithmetic(span):
    first, last = (np.datetime64(d) for d in span)
    days = np.random.default_rng(7).integers(first.astype(int), last.astype(int) + 1, 5000).astype("datetime64[D]")
    days[::9] = np.datetime64("NaT")
    days[1], days[2] = first, last          # the span's own ends
    assert yyyymmdd(days).tolist() == civil_days(days).tolist()
    assert yyyymmdd(days)[0] == 0 and yyyymmdd(days)[2] == int(str(last).replace("-", ""))


def test_dates_wider_than_the_column_and_columns_without_a_date():
    wide = np.array(["0001-01-01", "NaT", "9999-12-31"], dtype="datetime64[D]")
    assert yyyymmdd(wide).tolist() == [10101, 0, 99991231]
    assert yyyymmdd(np.array(["NaT", "NaT"], dtype="datetime64[D]")).tolist() == [0, 0]
    assert yyyymmdd(np.array([], dtype="datetime64[D]")).tolist() == []


def test_the_paying_rule_kept_for_paid_rows_gives_the_full_column():
    plan = load_rules()
    register = read_register(DEMO, plan.inputs, AS_OF)
    ev = Evaluation(plan, register.households, register.members, AS_OF).run(threads=1)
    paid_somewhere = 0
    for result in ev.benefits.values():
        index = result.rule_index
        assert index.dtype == np.int16 and len(index) == len(result.status)
        assert np.array_equal(np.flatnonzero(index >= 0), result.paid_rows)
        paid_somewhere += len(result.paid_rows)
    assert paid_somewhere > 0


def test_the_paid_rows_are_the_eligible_rows_where_the_law_is_encoded():
    plan = load_rules()
    register = read_register(DEMO, plan.inputs, dt.date(2025, 11, 15))
    ev = Evaluation(plan, register.households, register.members, dt.date(2025, 11, 15)).run(threads=1)
    from eligibility.engines.vectorised import ELIGIBLE
    for result in ev.benefits.values():
        if result.benefit.encodes(ev.as_of):
            assert np.array_equal(np.flatnonzero(result.status == ELIGIBLE), result.paid_rows)
            assert (result.paid_rule < len(result.benefit.rules)).all() and (result.paid_rule >= 0).all()


def test_a_column_the_register_lacks_is_unknown_everywhere_without_an_array_per_row():
    import pandas as pd

    from eligibility.engines.vectorised.columns import EnumIds, read_column
    plan = load_rules()
    frame = pd.DataFrame({"person_id": ["a", "b", "c"]})
    for name, spec in plan.inputs.members.columns.items():
        if name == "person_id" or spec.type not in ("enum", "number", "int", "money", "bool", "date"):
            continue
        value = read_column(frame, spec, name, EnumIds())
        assert value.v.shape == value.k.shape == (3,)
        assert not value.k.any(), f"{name}: an absent column read as known"
        assert value.v.strides == value.k.strides == (0,), f"{name}: an array per row for a column that is not there"


def test_integer_columns_read_without_a_float_copy_decide_as_their_float_copies_did():
    plan = load_rules()
    register = read_register(DEMO, plan.inputs, AS_OF)
    frames = register.households, register.members
    integers = [(i, c) for i, f in enumerate(frames) for c in f.columns if str(f[c].dtype) == "Int64"]
    assert integers, "the demo register has no integer column"
    as_floats = [f.astype({c: "Float64" for j, c in integers if j == i}) for i, f in enumerate(frames)]
    kept = Evaluation(plan, *frames, AS_OF).run(threads=1)
    floated = Evaluation(plan, *as_floats, AS_OF).run(threads=1)
    read = [(i, name) for i, name in integers if name in plan.inputs.table_for(("household", "person")[i]).columns]
    assert read, "no integer column the rules read"
    for i, name in read:
        value = kept.column(("household", "person")[i], name)
        assert np.shares_memory(value.v, frames[i][name].array._data), f"{name} copied"
    for name, value in kept.variables.items():
        other = floated.variables[name]
        assert np.array_equal(value.k, other.k), name
        assert np.array_equal(np.where(value.k, value.v, 0).astype(float), np.where(other.k, other.v, 0).astype(float)), name
    for name, result in kept.benefits.items():
        other = floated.benefits[name]
        assert np.array_equal(result.status, other.status), name
        assert np.array_equal(result.paid_rows, other.paid_rows), name
        assert np.array_equal(result.paid_amount, other.paid_amount, equal_nan=True), name


@pytest.mark.parametrize("policy", ["first", "max", "sum"])
@pytest.mark.parametrize("figures", [True, False])
@pytest.mark.parametrize("rated", [True, False])
def test_dense_hit_policy_pays_as_the_sorted_one_does(policy, figures, rated):
    """The dense resolution (scatters over full columns; one figure per rule read by the paying rule's
    index) against the sparse one (a sort of the paid rows), which reads every rule's rows directly:
    same rows, rules, amounts, rates and patterns. Rules that hold nowhere are left out of the lists,
    as `Decide._benefit` does: the indices have gaps."""
    from eligibility.engines.vectorised.hitpolicy import resolve_dense, resolve_sparse
    from eligibility.vocabulary import HitPolicy
    rng = np.random.default_rng(3)
    n, rules = 400, [0, 2, 3, 5, 8, 9]
    rows = [np.flatnonzero(rng.random(n) < share).astype(np.int32) for share in rng.uniform(0.05, 0.6, len(rules))]
    amounts = [np.asarray(rng.choice([np.nan, 100.0, 250.0, 250.0])) if figures else
               np.where(rng.random(len(r)) < 0.1, np.nan, rng.integers(1, 5, len(r)) * 100.0) for r in rows]
    rates = [None if i % 2 or not rated else rng.random(len(r)) for i, r in enumerate(rows)]
    hit = HitPolicy(policy)
    dense = resolve_dense(hit, rows, rules, amounts, rates, n)
    sparse = resolve_sparse(hit, rows, rules, amounts, rates)
    for got, want in zip(dense, sparse):
        if want is None:
            assert got is None
        else:
            assert np.array_equal(np.asarray(got), np.asarray(want), equal_nan=True)


@pytest.mark.parametrize("share", [0.0, 0.02, 0.5, 1.0])
def test_members_counted_per_household_whether_few_or_many_have_the_flag(share):
    plan = load_rules()
    register = read_register(DEMO, plan.inputs, AS_OF)
    ev = Evaluation(plan, register.households, register.members, AS_OF)
    flags = np.random.default_rng(5).random(ev.n("person")) < share
    expected = np.bincount(ev.hh_index, weights=flags, minlength=ev.n("household")).astype(int)
    assert ev._count(flags).tolist() == expected.tolist()


def test_months_between_in_int32_as_in_int64_to_the_ends_of_int32():
    """A register's dates (yyyymmdd int32) are worked in int32: the months between are those of the int64
    arithmetic for any int32, the ends of the range included, and come out int64 as before."""
    from eligibility.rulebook.functions import np_months_between
    rng = np.random.default_rng(4)
    ends = [-2**31, -2**31 + 1, -2**31 + 99, -101, -1, 0, 1, 99, 100, 19000101, 20240229, 2**31 - 100, 2**31 - 1]
    dates = np.concatenate([ends, rng.integers(-2**31, 2**31, 50_000),
                            rng.integers(1900, 2030, 50_000) * 10000 + rng.integers(0, 100, 50_000)]).astype(np.int32)
    wide = dates.astype(np.int64)
    with np.errstate(over="ignore"):    # (as the engine calls it: one date of the pack may wrap in a product)
        for other in [np.asarray(19000101), np.asarray(20251115), np.asarray(-2**31), np.asarray(2**31 - 1),
                      dates[::-1].copy()]:
            for a, b, a64, b64 in ((dates, other, wide, other.astype(np.int64)),
                                   (other, dates, other.astype(np.int64), wide)):
                got = np_months_between(a, b)
                assert got.dtype == np.int64
                assert got.tolist() == np_months_between(a64, b64).tolist()


def test_whole_months_into_years_as_numpy_divides_floats():
    """`a // 12` over whole numbers goes through int64: the same floats as numpy's float `//` (the sign of
    zero too), and numpy's own wherever a value is not a whole number from +0 to 2**53."""
    from eligibility.engines.vectorised.operators import floor_divide
    whole = np.random.default_rng(6).integers(0, 2000, 10_000).astype(float)
    for odd in [None, 2.0**53, 2.0**53 + 2, 0.5, np.nan, np.inf, -0.0, -3.0]:
        a = whole if odd is None else np.append(whole, odd)
        for b in [12, 12.0, 1, 7.0, 2.0**53, 0.5, -12, 0, np.nan]:
            with np.errstate(all="ignore"):
                got, want = floor_divide(a, np.asarray(b)), np.floor_divide(a, np.asarray(b))
            assert got.dtype == want.dtype
            assert np.array_equal(got, want, equal_nan=True) and np.array_equal(np.signbit(got), np.signbit(want))


@pytest.mark.parametrize("paid_share,asked_share", [(0.9, 0.3), (0.9, 0.01), (0.02, 0.5)])
def test_paid_rows_found_by_one_table_or_by_searches_alike(paid_share, asked_share):
    """Where each rule's undecided rows sit among the paid rows: one table over the register when both are
    many (as for health insurance), binary searches else; either way `locate`'s answer."""
    from eligibility.engines.vectorised.hitpolicy import _finder
    from eligibility.engines.vectorised.results import locate
    rng = np.random.default_rng(8)
    n = 20_000
    paid = np.flatnonzero(rng.random(n) < paid_share).astype(np.int32)
    asked = [np.flatnonzero(rng.random(n) < asked_share).astype(np.int32) for _ in range(4)]
    find = _finder(paid, sum(len(rows) for rows in asked), n)
    assert (getattr(find, "__name__", "") == "take") == (paid_share == 0.9 and asked_share == 0.3)
    for rows in asked:
        assert find(rows).tolist() == locate(paid, rows, n).tolist()
