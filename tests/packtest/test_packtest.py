"""`eligibility test`: examples and scenarios against the pack under test, exact figures, file:line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eligibility.api import load_rules, screen_records
from eligibility.cli import main
from eligibility.examples import example_records
from eligibility.packtest import DEFAULT_SCENARIOS, Batch, run_pack_tests
from eligibility.packtest.figures import parse_figure, same_figure

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out

HERE = Path(__file__).parent
BASE = HERE.parent / "rulebook" / "fixtures" / "_base"
SCENARIOS = HERE / "fixtures" / "scenarios"


@pytest.fixture
def pack(tmp_path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(BASE, folder)
    return folder


def raise_standard(pack: Path, old: str = "value: 500000", new: str = "value: 600000") -> None:
    path = pack / "parameters" / "support.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_small_pack_passes_its_examples_and_scenarios(pack):
    result = run_pack_tests(load_rules(pack), SCENARIOS)
    assert result.ok, result.failures
    assert (result.examples.total, result.scenarios.total) == (1, 3)


def test_scenarios_take_the_pack_under_test_and_failures_name_file_line_expected_and_actual(pack):
    raise_standard(pack)
    result = run_pack_tests(load_rules(pack), SCENARIOS)
    where = {(Path(f.file).name, f.line) for f in result.failures}
    # the example (its expect entry), the first scenario's amount step, the outline's step for 1 Jul 2024
    assert where == {("allowance.yaml", 44), ("allowance.feature", 11), ("allowance.feature", 19)}
    outline = next(f for f in result.failures if f.line == 19)
    assert outline.expected == "eligible with 1,000,000" and "amount=1,200,000" in outline.actual
    assert "Examples row at line 24" in outline.name
    example = next(f for f in result.failures if f.file.endswith(".yaml"))
    assert "amount 900,000, expected 750,000" in example.actual


def test_money_is_compared_to_the_dong(pack):
    raise_standard(pack, "value: 500000", "value: 500001")      # 1.5 x 500,001 = 750,001.5
    result = run_pack_tests(load_rules(pack), SCENARIOS)
    assert {Path(f.file).name for f in result.failures} == {"allowance.yaml", "allowance.feature"}


def test_shares_are_exact_decimals_not_within_half_a_unit():
    assert not same_figure(0.7, parse_figure("100%"))
    assert not same_figure(0.7, parse_figure("80%"))
    assert same_figure(0.1 + 0.2, parse_figure("30%"))          # float noise is not a difference
    assert same_figure(0.0624, parse_figure("6,24%"))
    assert parse_figure("1.530.000") == 1530000 and parse_figure("1,530,000 VND") == 1530000


def test_a_tolerance_must_name_the_rounding_rule_of_the_law(pack):
    path = pack / "policies" / "support" / "allowance.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("amount: 750000,", "amount: 750000, tolerance: 500,"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(pack)])
    assert result.exit_code == 1 and "needs `rounding`" in result.output


def test_one_batch_decides_as_each_example_alone():
    """Screening the cases of one date together changes no decision (the batch runner's premise)."""
    plan = load_rules()
    chosen = [ex for _, _, ex in plan.examples][:60:6]
    batch = Batch(plan)
    numbers = [batch.add(*example_records(ex), ex.as_of) for ex in chosen]
    together = batch.run()
    columns = ["household_id", "person_id", "benefit", "status", "coverage", "amount", "rule", "missing_inputs",
               "explanation"]
    for number, example in zip(numbers, chosen):
        alone = screen_records(*example_records(example), example.as_of, plan=plan).decisions
        alone = alone.astype(object).where(alone.notna(), None)[columns].to_dict("records")
        batched = [{c: row[c] for c in columns} for row in together[number].decisions.rows]
        assert batched == alone, example.name


def test_cli_test_prints_failures_and_a_summary_in_both_languages(pack):
    raise_standard(pack)
    vi = CliRunner().invoke(main, ["test", str(pack), "--scenarios", str(SCENARIOS)])
    assert vi.exit_code == 1
    assert "allowance.feature:11: tình huống 'an elderly woman" in vi.output
    assert "mong đợi: đủ điều kiện, mức hưởng 750.000 đồng/tháng" in vi.output
    assert "ví dụ trong tệp quy định: 1, đạt 0, không đạt 1" in vi.output
    en = CliRunner().invoke(main, ["test", str(pack), "--scenarios", str(SCENARIOS), "--lang", "en"])
    assert "scenarios: 3, passed 1, failed 2" in en.output and "3 failure(s)" in en.output
    assert "expected: eligible with 750,000" in en.output and "amount=900,000" in en.output


def test_cli_test_passes_on_a_sound_pack(pack):
    result = CliRunner().invoke(main, ["test", str(pack), "--scenarios", str(SCENARIOS), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "all examples and scenarios hold" in result.output


def test_validate_runs_the_examples_or_says_it_did_not(pack):
    raise_standard(pack)
    ran = CliRunner().invoke(main, ["validate", str(pack)])
    assert ran.exit_code == 1 and "examples run: 1, passed 0, failed 1" in ran.output
    skipped = CliRunner().invoke(main, ["validate", str(pack), "--no-examples"])
    assert skipped.exit_code == 0 and "examples NOT run" in skipped.output


def test_an_unknown_step_is_reported_with_its_line(pack, tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "typo.feature").write_text(
        "Feature: x\n  Scenario: typo\n    Given the date is 15/08/2024\n"
        "    And a houshold \"H1\" in commune \"A\"\n", encoding="utf-8")
    result = run_pack_tests(load_rules(pack), folder)
    failure = result.scenarios.failures[0]
    assert failure.line == 4 and "no step matches" in failure.actual


def test_every_example_of_the_bundled_pack_is_an_item_of_make_test():
    """The bundled pack's examples are checked in `make test` by rules/conftest.py, one item each (a
    failure names the policy file and line, as policy staff read it), through the batch `eligibility
    test` uses (queue_examples, check_examples; `run_examples` is those two, run by `validate` above).
    Screening them all here again would repeat that; here only that none is left out: it collects the
    examples of `.yaml` files under a `policies` folder."""
    plan = load_rules()
    files = {source.path.resolve() for source, _, _ in plan.examples}
    assert len(plan.examples) > 200
    assert all(path.suffix == ".yaml" and "policies" in path.parts and path.is_file() for path in files)


def test_dates_shared_between_processes_find_the_same_failures(pack):
    """`eligibility test --processes 2` forks: each process screens some dates; nothing is lost or doubled."""
    raise_standard(pack)
    plan = load_rules(pack)
    alone, shared = run_pack_tests(plan, SCENARIOS, processes=1), run_pack_tests(plan, SCENARIOS, processes=2)
    assert len(alone.failures) == 3
    assert shared.failures == alone.failures
    assert (shared.examples.total, shared.scenarios.total) == (alone.examples.total, alone.scenarios.total)


def test_cli_test_in_two_processes_prints_what_one_process_prints(pack):
    raise_standard(pack)
    args = ["test", str(pack), "--scenarios", str(SCENARIOS), "--lang", "en"]
    one, two = (CliRunner().invoke(main, [*args, "--processes", n]) for n in ("1", "2"))
    assert one.exit_code == two.exit_code == 1
    assert one.output == two.output and "3 failure(s)" in two.output


COMPARED = ["household_id", "person_id", "benefit", "entity", "status", "coverage", "amount", "unit", "rate", "rule",
            "missing_inputs", "amount_is_minimum"]


def test_decisions_without_texts_compare_as_the_worded_table():
    """`eligibility test` compares decisions whose texts are left unwritten (`worded=False`); every
    column a comparison reads is the worded table's, and a case's worded rows are its full table's."""
    from eligibility.packtest import queue_examples
    from eligibility.packtest.scenarios import queue_scenarios

    plan = load_rules()
    batch = Batch(plan)
    queue_examples(plan, batch)
    queue_scenarios(plan, DEFAULT_SCENARIOS, batch)
    keys = sorted(batch.cases)[::6]     # a sixth of the dates
    worded, plain = batch.run(keys), batch.run(keys, worded=False)
    assert worded.keys() == plain.keys() and len(worded) > 60
    rows: list[dict] = []
    for number, screened in worded.items():
        full = screened.decisions.rows
        assert [{c: r[c] for c in COMPARED} for r in plain[number].decisions.rows] == \
            [{c: r[c] for c in COMPARED} for r in full]
        assert plain[number].in_words().rows == full
        rows += full
    # what the sample covers: every benefit, amounts that are minimums, rules paid together, missing inputs
    assert {r["benefit"] for r in rows} == set(plan.benefits)
    assert any(r["amount_is_minimum"] for r in rows) and any("+" in r["rule"] for r in rows)
    assert any(r["missing_inputs"] for r in rows) and any(r["rate"] is not None for r in rows)


def test_a_failure_reads_as_it_would_with_every_text_written(pack, monkeypatch):
    """The comparisons run on decisions without texts; a failure is shown from the worded table."""
    raise_standard(pack)
    plan = load_rules(pack)
    found = run_pack_tests(plan, SCENARIOS).failures
    run = Batch.run
    monkeypatch.setattr(Batch, "run", lambda self, keys=None, worded=True: run(self, keys, True))
    assert found == run_pack_tests(plan, SCENARIOS).failures and len(found) == 3
    assert all("explanation" in f.actual and "explanation=''" not in f.actual for f in found)
    example = next(f for f in found if f.file.endswith(".yaml"))
    assert example.actual.split(" — explanation: ")[1]
