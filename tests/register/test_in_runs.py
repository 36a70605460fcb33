"""`in_runs`: members found by neighbours when listed household by household in the households' sorted
order; any other layout is left to the hash lookup (None), never answered wrongly."""
import numpy as np
import pandas as pd
import pytest

from eligibility.register.checks import in_runs, index_in


def text(values):
    return pd.Series(values, dtype="string")


def test_runs_in_the_pools_order_give_each_members_household():
    members, households = text(["A", "A", "B", "C", "C", "C"]), text(["A", "B", "C"])
    assert in_runs(members, households).tolist() == [0, 0, 1, 2, 2, 2]
    assert in_runs(members, households).tolist() == index_in(members, households).tolist()


@pytest.mark.parametrize("members, households", [
    (["A", "B", "A"], ["A", "B"]),          # a household's members not together
    (["A", "C"], ["A", "B", "C"]),          # a household without members
    (["B", "A"], ["B", "A"]),               # households not sorted
    (["A", "B"], ["A", "A", "B"]),          # a repeated household ID: the first place would be meant
    (["A", None], ["A"]),                   # a member without household
    (["A", "D"], ["A", "B"]),               # a household not in the table
    ([], ["A"]),
])
def test_any_other_layout_is_left_to_the_hash_lookup(members, households):
    assert in_runs(text(members), text(households)) is None


def test_a_large_register_agrees_with_the_hash_lookup():
    households = text([f"H{i:06d}" for i in range(5000)])
    sizes = np.random.default_rng(1).integers(1, 7, size=5000)
    members = text(np.repeat(households.to_numpy(dtype=object), sizes))
    assert (in_runs(members, households) == index_in(members, households)).all()
