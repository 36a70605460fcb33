"""The decisions table's short cuts equal the plain computation they replace.

`decisions.kept` reads each benefit at the kept rows only, and finds each kept row among the paid rows
once; `decisions.failed` writes a not-eligible row's explanation once per distinct set of failed
conditions and figures; `explanations.households_with_blanks` is worked out once a run. Here each is
compared with the straightforward computation (whole columns; the explanation written row by row)
on random registers with blank cells, dates known to the year only, failed comparisons, in both
languages.
"""
from __future__ import annotations

import numpy as np
import pytest

from durable_helpers import RandomRegister
from eligibility import load_rules
from eligibility.decisions import build_decisions, coverage
from eligibility.decisions.failed import condition_text
from eligibility.decisions.kept import kept, paid_positions
from eligibility.engines.vectorised import NOT_ELIGIBLE, Evaluation
from eligibility.rulebook.expressions import Compare
from eligibility.vocabulary import WORDS, Coverage, HitPolicy, failed_figures
from eligibility.wording.formats import format_date

from shared import AS_OF

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def evaluated():
    plan = load_rules()
    households, members = RandomRegister(plan, AS_OF, seed=7, missing=0.2, partial=0.2).frames(150)
    return Evaluation(plan, households, members, AS_OF).run(threads=1)


def test_kept_rows_read_what_the_engine_kept(evaluated):
    ev, rng = evaluated, np.random.default_rng(3)
    dense = 0
    for result in ev.benefits.values():
        cov, n = coverage(result), len(result.status)
        listed = rng.random(n) < 0.3
        for include_all in (False, True, listed):
            rows = kept(result, include_all)
            if include_all is True:
                expected = np.arange(n)
            elif include_all is False:
                expected = np.flatnonzero((result.status != NOT_ELIGIBLE) | (cov == Coverage.LEAKAGE.code))
            else:
                expected = np.flatnonzero((result.status != NOT_ELIGIBLE) | listed)
            assert rows.rows.tolist() == expected.tolist(), result.benefit.id
            assert rows.coverage.tolist() == cov[expected].tolist()
            assert rows.rule_index(result).tolist() == result.rule_index[expected].tolist()
            np.testing.assert_array_equal(rows.amount(result), result.amount_at(expected).v)
            np.testing.assert_array_equal(rows.rate(result), result.rate_at(expected).v)
            assert rows.pending(result).tolist() == result.pending_at(expected).tolist()
            if result.benefit.hit_policy == HitPolicy.SUM:
                assert rows.pattern(result).tolist() == result.pattern_at(expected).tolist()
        dense += len(result.paid_rows) > n // 8
    assert dense, "no benefit paid at most rows: the mask path of `paid_positions` went untried"


def test_paid_positions_with_a_paid_row_not_kept():
    rows, paid = np.array([1, 3, 4, 8]), np.array([0, 3, 8, 9])
    for n in (10, 100):   # most rows paid (the mask, then the search), and few (the search)
        assert paid_positions(paid, rows, n).tolist() == [-1, 1, -1, 2]
    assert paid_positions(np.array([1, 3, 4, 8]), rows, 10).tolist() == [0, 1, 2, 3]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_why_not_equals_the_explanation_written_row_by_row(evaluated, lang):
    ev = evaluated
    table = build_decisions(ev, include_all=True, lang=lang)
    failed = table[table["status"] == "not_eligible"]
    person_row = {pid: i for i, pid in enumerate(ev.members["person_id"])}
    household_row = {hid: i for i, hid in enumerate(ev.households["household_id"])}
    sample = failed.sample(min(len(failed), 400), random_state=1)
    kinds: set[str] = set()
    for benefit, person, household, explanation in zip(sample["benefit"], sample["person_id"],
                                                       sample["household_id"], sample["explanation"]):
        result = ev.benefits[benefit]
        row = person_row[person] if result.benefit.entity == "person" else household_row[household]
        expected = _why_not_of_one_row(ev, result, row, lang, kinds)
        assert explanation == expected, (benefit, row)
    assert kinds == {"figures", "range"}, "no failed comparison with figures, or none known as a range only"


def _why_not_of_one_row(ev, result, row: int, lang: str, kinds: set[str]) -> str:
    """The closest rule's failed conditions at one row, as the engine's explanation says them; `kinds`
    is told which kinds of failed comparison were written (with figures, or a range without)."""
    words, entity, at = WORDS[lang], result.benefit.entity, np.array([row])
    live = [o for o in result.outcomes if o.rule.in_force(ev.as_of)]
    if not live:
        return f"{words['off']} {format_date(ev.as_of, lang)}"
    values = [ev.conditions_at(o.rule, entity, at) for o in live]
    closest = int(np.argmin([sum(bool(c.false[0]) for c in conds) for conds in values]))
    rule, failed = live[closest].rule, []
    for cond, value in zip(rule.conditions, values[closest]):
        if not value.false[0]:
            continue
        text, node = condition_text(cond, lang), cond.node
        if isinstance(node, Compare) and node.left.type.kind == node.right.type.kind == "number":
            left, right = ev.at(node.left, entity, at).full(1), ev.at(node.right, entity, at).full(1)
            if np.any(left.ranged) or np.any(right.ranged):
                kinds.add("range")
            else:
                kinds.add("figures")
                lv, rv = float(left.v[0]), float(right.v[0])
                text = failed_figures(text, lv, rv, lang)
        failed.append(text)
    return f"{getattr(rule.label, lang)} — {words['failed']}: " + "; ".join(failed)


def test_members_blanks_worked_out_once_name_what_a_fresh_run_names(evaluated):
    from eligibility.decisions import explanations

    explanations._BLANKS.pop(evaluated, None)
    cold = build_decisions(evaluated, lang="vi")["missing_inputs"].astype(str)
    assert evaluated in explanations._BLANKS, "the households with blank members were not kept for the run"
    warm = build_decisions(evaluated, lang="vi")["missing_inputs"].astype(str)
    assert cold.str.contains("member.").any()
    assert cold.tolist() == warm.tolist()


def test_conditions_shared_by_rules_computed_once_equal_each_rules_own(evaluated, monkeypatch):
    from eligibility.decisions.failed import conditions_at

    ev, rng = evaluated, np.random.default_rng(5)
    result = ev.benefits["monthly_social_allowance"]
    rules = [o.rule for o in result.outcomes]
    distinct = {id(c.node) for r in rules for c in r.conditions}
    assert len(distinct) < sum(len(r.conditions) for r in rules), "no condition shared: nothing to test"
    rows = np.sort(rng.choice(ev.n("person"), 200, replace=False))
    where = [rng.random(len(rows)) < share for share in rng.random(len(rules))]
    expected_all = [ev.conditions_at(r, "person", rows) for r in rules]
    expected = [ev.conditions_at(r, "person", rows[w]) for r, w in zip(rules, where)]
    computed: list[int] = []
    original, depth = type(ev).at, [0]

    def counting(self, node, *args):
        if not depth[0]:             # the conditions asked for, not the subexpressions they read
            computed.append(id(node))
        depth[0] += 1
        try:
            return original(self, node, *args)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(type(ev), "at", counting)
    for masks, want in ((None, expected_all), (where, expected)):
        computed.clear()
        got = conditions_at(ev, "person", rules, rows, masks)
        assert sorted(computed) == sorted(distinct), "a shared condition was computed more than once"
        for conds, wanted in zip(got, want):
            for value, plain in zip(conds, wanted):
                np.testing.assert_array_equal(value.k, plain.k)
                np.testing.assert_array_equal(np.where(plain.k, value.v, 0), np.where(plain.k, plain.v, 0))
