"""`screen` without --papers or --questions releases what nothing reads after its decisions are built
(`screen_register(release=True)`): the evaluation's variables, benefit results and converted columns
before the table is assembled (`Evaluation.release`), then the register's columns but its IDs, names
and places before the outputs are written (`api.release_inputs`), unless the questionnaire will be
written. The outputs are the same file for file as a run that keeps everything; a released evaluation
read after all (the questionnaire of a small register) is computed again, the same; once its input
columns are gone, reading it is an error; the commands that read the evaluation afterwards keep it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from shared import AS_OF, DEMO, assert_same_frame

import eligibility.api as api
from eligibility.api import release_inputs, screen_register
from eligibility.cli import main
from eligibility.engines.vectorised import Evaluation
from eligibility.register.identity import IDENTITY_INPUTS
from eligibility.reports.needsdata import AUTO_MAX, questionnaire


KEEP_UP_TO = api.KEEP_UP_TO   # as the package sets it, before the fixtures below lower it


@pytest.fixture(autouse=True)
def _small_registers_release_too(monkeypatch):
    # the demo's 41 households are below KEEP_UP_TO: released here as a large register would be
    monkeypatch.setattr(api, "KEEP_UP_TO", 0)


@pytest.fixture(scope="module")
def kept():
    return screen_register(DEMO, AS_OF, lang="vi")


@pytest.fixture(scope="module")
def released():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "KEEP_UP_TO", 0)
        return screen_register(DEMO, AS_OF, lang="vi", release=True)


def test_a_register_small_enough_for_its_questionnaire_keeps_its_evaluation(monkeypatch, tmp_path):
    # whatever the caller asks: the questionnaire written by default would compute it again
    assert KEEP_UP_TO == AUTO_MAX
    monkeypatch.setattr(api, "KEEP_UP_TO", KEEP_UP_TO)
    calls = _spy(monkeypatch)
    assert not screen_register(DEMO, AS_OF, lang="vi", release=True).evaluation.released
    _screen(tmp_path / "out", "--no-questions")
    assert calls == []


def test_a_released_screening_has_the_same_decisions_and_forgot_its_results(kept, released):
    assert_same_frame(released.decisions, kept.decisions)
    ev = released.evaluation
    assert ev.released and ev.revivable
    assert ev._variables == {} and ev._benefits == {}
    assert all(entity.cache == {} for entity in ev.entities.values())
    assert kept.evaluation._benefits and not kept.evaluation.released   # the default keeps everything


def test_a_released_evaluation_read_again_is_computed_again_the_same():
    again = screen_register(DEMO, AS_OF, lang="vi", release=True).evaluation
    kept = screen_register(DEMO, AS_OF, lang="vi").evaluation
    assert sorted(again.variables) == sorted(kept.variables)   # reading revives it
    assert not again.released
    assert min(again._users.values()) == 0   # the second run counted its readers afresh (the memo emptied as it went)
    for name, value in kept.variables.items():
        np.testing.assert_array_equal(again.variables[name].k, value.k)
        np.testing.assert_array_equal(np.asarray(again.variables[name].v)[value.k], np.asarray(value.v)[value.k])
    for name, result in kept.benefits.items():
        np.testing.assert_array_equal(again.benefits[name].status, result.status)
        np.testing.assert_array_equal(again.benefits[name].paid_amount, result.paid_amount)


def test_the_questionnaire_of_a_released_screening_is_the_kept_ones():
    # the demo's 41 households get a questionnaire by default: the money at stake reads the evaluation
    released = screen_register(DEMO, AS_OF, lang="vi", release=True)
    release_inputs(released, None)   # the questionnaire will be written: nothing dropped
    assert released.evaluation.revivable and "income_per_capita" in released.register.households.columns
    assert_same_frame(questionnaire(released, "vi"), questionnaire(screen_register(DEMO, AS_OF, lang="vi"), "vi"))


def test_without_questions_the_inputs_go_and_the_evaluation_is_final():
    released = screen_register(DEMO, AS_OF, lang="vi", release=True)
    decisions = released.decisions.copy()
    release_inputs(released, False)
    for frames in (released.register, released.evaluation):
        assert tuple(frames.households.columns) == tuple(c for c in IDENTITY_INPUTS["household"]
                                                         if c in frames.households.columns)
        assert set(frames.members.columns) <= set(IDENTITY_INPUTS["person"])
    assert_same_frame(released.decisions, decisions)
    with pytest.raises(RuntimeError, match="released"):
        released.evaluation.benefits.get("social_allowance")


def test_each_release_gives_the_freed_pages_back(monkeypatch):
    # the freed arrays lie in holes the table's columns do not fit: handed back to the kernel (engines/memory.py)
    import eligibility.engines.memory as memory
    import eligibility.engines.vectorised.evaluation as evaluation

    given: list[str] = []
    monkeypatch.setattr(evaluation, "give_back", lambda: given.append("results"))
    monkeypatch.setattr(memory, "give_back", lambda: given.append("inputs"))
    released = screen_register(DEMO, AS_OF, lang="vi", release=True)
    assert given == ["results"]
    release_inputs(released, False)
    assert given == ["results", "inputs"]


def test_giving_back_is_glibc_malloc_trim_or_nothing():
    from eligibility.engines.memory import give_back

    assert isinstance(give_back(), bool)   # True where pages went back; False, never an error, without glibc


def test_a_screening_not_released_keeps_its_inputs_whatever_the_questions(kept):
    columns = list(kept.register.members.columns)
    release_inputs(kept, False)
    assert list(kept.register.members.columns) == columns and not kept.evaluation.released


def _spy(monkeypatch) -> list[bool]:
    calls: list[bool] = []
    original = Evaluation.release

    def release(self):
        calls.append(True)
        original(self)
    monkeypatch.setattr(Evaluation, "release", release)
    return calls


def _screen(out: Path, *extra: str) -> None:
    done = CliRunner().invoke(main, ["screen", str(DEMO), "--as-of", AS_OF.isoformat(), "--out", str(out), *extra])
    assert done.exit_code == 0, done.output


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("questions", ["--no-questions", None])
def test_screen_writes_the_same_files_whether_it_releases_or_not(tmp_path, monkeypatch, fmt, questions):
    extra = ["--format", fmt, "--lang", "vi", "--all", *([questions] if questions else [])]
    calls = _spy(monkeypatch)
    _screen(tmp_path / "released", *extra)
    assert calls == [True]   # the released run did release
    inputs: list = []
    monkeypatch.setattr(api, "release_inputs", lambda result, questions: inputs.append(
        result.register.members.columns) or release_inputs(result, questions))
    original = api.screen_register
    monkeypatch.setattr(api, "screen_register", lambda *a, **k: original(*a, **{**k, "release": False}))
    _screen(tmp_path / "kept", *extra)
    assert calls == [True] and len(inputs) == 1 and "date_of_birth" in inputs[0]   # kept: nothing released
    released, kept = _files(tmp_path / "released"), _files(tmp_path / "kept")
    assert ("needs_data.xlsx" in kept) == (questions is None)
    assert released == kept


def test_screen_with_papers_or_questions_keeps_the_evaluation(tmp_path, monkeypatch):
    calls = _spy(monkeypatch)
    _screen(tmp_path / "papers", "--papers", "--no-questions")
    _screen(tmp_path / "questions", "--questions")
    assert calls == []
    assert (tmp_path / "questions" / "needs_data.xlsx").exists()


def test_the_reports_and_targets_still_read_the_evaluation(tmp_path, monkeypatch):
    calls = _spy(monkeypatch)
    for command in (["gaps", str(DEMO), "--out", str(tmp_path / "gaps")],
                    ["targets", str(DEMO), "--out", str(tmp_path / "targets")]):
        done = CliRunner().invoke(main, [*command, "--as-of", AS_OF.isoformat()])
        assert done.exit_code == 0, done.output
    assert calls == []
