"""The decisions table's assembly, and its pieces made on several threads, equal the plain way.

`decisions.table.assemble` lays each column out from the benefits' pieces: a label the same over a
piece (benefit, its label and unit, entity) as one code repeated over its rows, a coded column mapped
piece by piece into its place (code -1: ""), the texts' categories made once for four columns, the
identity columns on a second thread. `build_decisions` makes the benefits' pieces on several threads, new texts
and rules coded under a lock. Here the table is compared with the pieces read row by row, and the
threaded table with the one-thread table, on random registers (blank cells, dates known to the year or
month only) and hypothesis registers, in both languages, with every row kept and without.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from durable_helpers import RandomRegister
from eligibility import load_rules
from eligibility.decisions import build_decisions
from eligibility.decisions.pieces import _pieces, in_order
from eligibility.decisions.table import ENTITIES, RuleTable, Texts, assemble
from eligibility.engines.vectorised import Evaluation
from eligibility.records import frames_from_records
from eligibility.vocabulary import Coverage, Status

from shared import AS_OF, assert_same_frame
from strategies import register_records

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def plan():
    return load_rules()


@pytest.fixture(scope="module")
def evaluated(plan):
    households, members = RandomRegister(plan, AS_OF, seed=11, missing=0.2, partial=0.2).frames(150)
    return Evaluation(plan, households, members, AS_OF).run(threads=1)


def _made(ev: Evaluation, include_all: bool, lang: str):
    texts, rules = Texts(), RuleTable(lang)
    names = sorted(ev.benefits)
    pieces = [p for i, name in enumerate(names) for p in _pieces(ev, i, ev.benefits[name], include_all, lang,
                                                                  texts, rules)]
    return names, pieces, texts, rules


def _plain(ev: Evaluation, names, pieces, texts: Texts, rules: RuleTable, lang: str) -> dict[str, tuple[list, list]]:
    """Each coded column of the table, row by row from the pieces' codes, with its categories: the
    sorted distinct labels it may take, and "" (code -1)."""
    plan = ev.plan

    def text(code):
        return texts.items[code] if code >= 0 else ""

    def rule(code, field):
        return rules.rows[code][field] if code >= 0 else ""

    def each(read):
        return [read(p, i) for p in pieces for i in range(len(p.rows))]

    def labels(values):
        return sorted(set(values) | {""})

    rule_rows = rules.rows or [("",) * 5]
    return {
        "benefit": (each(lambda p, i: names[p.benefit]), labels(names)),
        "benefit_label": (each(lambda p, i: getattr(plan.benefits[names[p.benefit]].label, lang)),
                          labels(getattr(plan.benefits[n].label, lang) for n in names)),
        "entity": (each(lambda p, i: ENTITIES[p.entity]), labels(ENTITIES)),
        "status": (each(lambda p, i: Status.words()[p.status[i]]), labels(Status.words())),
        "coverage": (each(lambda p, i: Coverage.words()[p.coverage[i]]), labels(Coverage.words())),
        "unit": (each(lambda p, i: plan.benefits[names[p.benefit]].unit), labels(plan.benefits[n].unit for n in names)),
        "rule": (each(lambda p, i: rule(p.rule[i], 0)), labels(r[0] for r in rule_rows)),
        "rule_label": (each(lambda p, i: rule(p.rule[i], 1)), labels(r[1] for r in rule_rows)),
        "unverified": (each(lambda p, i: rule(p.rule[i], 3)), labels(r[3] for r in rule_rows)),
        "reference": (each(lambda p, i: text(p.reference[i])), labels(texts.items)),
        "explanation": (each(lambda p, i: text(p.explanation[i])), labels(texts.items)),
        "missing_inputs": (each(lambda p, i: text(p.missing[i])), labels(texts.items)),
        "parameter_values": (each(lambda p, i: text(p.values[i])), labels(texts.items)),
        "amount": (each(lambda p, i: float(p.amount[i])), []),
        "rate": (each(lambda p, i: float(p.rate[i])), []),
        "amount_is_minimum": (each(lambda p, i: bool(p.minimum[i])), []),
        "rows": (each(lambda p, i: (int(p.rows[i]), p.entity)), []),
    }


def _assert_assembled_as_plain(ev: Evaluation, include_all: bool, lang: str, threads: int = 1) -> None:
    names, pieces, texts, rules = _made(ev, include_all, lang)
    expected = _plain(ev, names, pieces, texts, rules, lang)
    table = assemble(ev, names, [dataclasses.replace(p) for p in pieces], texts, rules, lang, threads)
    assert len(table) == len(expected["benefit"][0])
    for column, (values, categories) in expected.items():
        if column == "rows":
            continue
        got = table[column]
        if categories:
            assert list(got.cat.categories) == categories, column
            assert got.cat.codes.dtype == (np.int8 if len(categories) < 128 else np.int16), column
            assert got.astype(object).tolist() == values, column
        elif column == "amount_is_minimum":
            assert got.dtype == bool and got.tolist() == values
        else:
            assert got.dtype == np.float64, column
            assert all(a == b or math.isnan(a) and math.isnan(b) for a, b in zip(got.tolist(), values)), column
    households = ev.households["household_id"].astype(object).tolist()
    persons = ev.members["person_id"].astype(object).tolist()
    person = ENTITIES.index("person")
    assert table["household_id"].astype(object).tolist() == [
        households[ev.hh_index[row]] if entity == person else households[row] for row, entity in expected["rows"][0]]
    assert [p if isinstance(p, str) else None for p in table["person_id"].astype(object).tolist()] == [
        persons[row] if entity == person else None for row, entity in expected["rows"][0]]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("include_all", [False, True])
def test_table_is_the_pieces_read_row_by_row(evaluated, include_all, lang):
    _assert_assembled_as_plain(evaluated, include_all, lang)


def test_identity_columns_made_on_a_second_thread(evaluated):
    _assert_assembled_as_plain(evaluated, True, "vi", threads=2)


@pytest.mark.parametrize("include_all", [False, True])
def test_pieces_on_threads_make_the_same_table(evaluated, include_all):
    one = build_decisions(evaluated, include_all=include_all, lang="vi", threads=1)
    assert len(one)
    for threads in (2, 3):
        assert_same_frame(one, build_decisions(evaluated, include_all=include_all, lang="vi", threads=threads))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_hypothesis_registers(plan, data):
    as_of = data.draw(st.sampled_from([dt.date(2024, 6, 30), AS_OF]), label="as_of")
    households, members = data.draw(register_records(plan, RandomRegister(plan, as_of), max_households=3),
                                    label="register")
    ev = Evaluation(plan, *frames_from_records(plan.inputs, households, members), as_of).run(threads=1)
    lang = data.draw(st.sampled_from(["vi", "en"]), label="lang")
    _assert_assembled_as_plain(ev, True, lang, threads=data.draw(st.sampled_from([1, 2]), label="threads"))
    assert_same_frame(build_decisions(ev, include_all=True, lang=lang, threads=1),
                      build_decisions(ev, include_all=True, lang=lang, threads=2))


def test_pieces_come_back_in_order_whatever_the_costs():
    costs = [3, 50, 1, 50, 7, 0]
    for threads in (1, 2, 3):
        assert in_order(lambda i: [i], costs, threads) == [[i] for i in range(len(costs))]


class Slow(str):
    """A text whose hashing gives up the GIL: between looking a text up and adding it, another thread
    looks it up too (what a screening's threads do now and then, and a test cannot wait for)."""

    def __hash__(self) -> int:
        time.sleep(0.0002)
        return str.__hash__(self)


def test_texts_and_rules_coded_once_each_from_many_threads():
    words = [Slow(f"text {i}") for i in range(150)]
    texts, rules = Texts(), RuleTable("vi")

    def code_all(seed: int) -> tuple[dict, dict]:
        order = random.Random(seed % 2).sample(words, len(words))   # half the threads in one order
        return ({w: texts.code(w) for w in order},
                {w: rules.add((w,), (w, "", "", "", "")) for w in order})

    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(code_all, range(4)))
    assert all(f == found[0] for f in found)
    text_codes, rule_codes = found[0]
    assert len(texts.items) == len(words) + 1 and len(rules.rows) == len(words)
    assert all(texts.items[c] == w for w, c in text_codes.items())
    assert all(rules.rows[c][0] == w for w, c in rule_codes.items())
    assert sorted(text_codes.values()) == list(range(1, len(words) + 1))
    assert sorted(rule_codes.values()) == list(range(len(words)))
