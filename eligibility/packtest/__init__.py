"""`eligibility test`: every `examples:` entry and every Gherkin scenario against one rule pack.

Policy staff edit a copy of the pack, run `eligibility test COPY --scenarios DIR`, and read which
example or scenario step no longer holds, at file:line, with what was expected and what the pack
now decides. Everything runs in one process on one compiled pack, screened in batches by date.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..rulebook.compile import Plan
from .batch import Batch
from .scenarios import Failure, Outcome, check_scenarios, queue_scenarios, run_scenarios

DEFAULT_SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


@dataclass
class PackTest:
    plan: Plan
    examples: Outcome
    scenarios: Outcome | None

    @property
    def failures(self) -> list[Failure]:
        found = self.examples.failures + (self.scenarios.failures if self.scenarios else [])
        return sorted(found, key=lambda f: (f.file, f.line or 0))

    @property
    def ok(self) -> bool:
        return not self.failures


def run_examples(plan: Plan) -> Outcome:
    """Every `examples:` entry of the pack, alone."""
    batch = Batch(plan)
    pending = queue_examples(plan, batch)
    return check_examples(plan, pending, batch.run())


def queue_examples(plan: Plan, batch: Batch) -> list:
    from ..examples import example_records

    queued = []
    for source, index, example in plan.examples:
        households, members = example_records(example)
        queued.append((source, index, example, members,
                       batch.add(households, members, example.as_of, example.use_unverified)))
    return queued


def check_examples(plan: Plan, queued: list, screened: dict) -> Outcome:
    """Each example's expectations, one failure per expectation that does not hold (at its line)."""
    from ..examples import ExampleView, check_expectation

    outcome = Outcome("example")
    for source, index, example, members, number in queued:
        result = screened[number]
        view = ExampleView(plan, result.decisions, result.variable)
        outcome.total += 1
        for j, expectation in enumerate(example.expect):
            message = check_expectation(view, expectation, members)
            if message:    # compared again on the worded decisions: the message quotes the explanation
                message = check_expectation(ExampleView(plan, result.in_words(), result.variable), expectation,
                                            members)
            if message:
                line = source.line("examples", index, "expect", j) or source.line("examples", index)
                benefit = plan.benefits.get(expectation.benefit or "")
                outcome.failures.append(Failure(str(source.path), line, example.name,
                                                _expected(expectation, benefit.unit if benefit else None), message))
    return outcome


def _expected(expectation, unit: str | None) -> str:
    from .words import expectation as worded

    return worded(expectation.model_dump(exclude_none=True), unit)


def run_pack_tests(plan: Plan, scenarios: Path | None, processes: int = 1) -> PackTest:
    """Examples and scenarios queued into one batch, so a date both use is screened once; the dates
    screened and checked in `processes` processes (`processes.py`)."""
    from .processes import shared_out

    batch = Batch(plan)
    examples = queue_examples(plan, batch)
    outcome, pending = queue_scenarios(plan, scenarios, batch) if scenarios else (None, [])

    def work(keys: list[tuple]) -> dict[str, list[Failure]]:
        screened = batch.run(keys, worded=False)   # texts written only where a comparison fails
        found = Outcome("scenario")
        check_scenarios(plan, found, [(path, pickle, [c for c in checks if c.point in screened])
                                      for path, pickle, checks in pending], screened)
        mine = [queued for queued in examples if queued[4] in screened]
        return {"example": check_examples(plan, mine, screened).failures, "scenario": found.failures}

    found = shared_out(work, sorted(batch.cases), processes)
    checked = Outcome("example", len(examples), _in_order(found.get("example", [])))
    if outcome is not None:
        outcome.failures = _in_order(outcome.failures + found.get("scenario", []))
    return PackTest(plan, checked, outcome)


def _in_order(failures: list[Failure]) -> list[Failure]:
    """The same order however the dates were shared out."""
    return sorted(failures, key=lambda f: (f.file, f.line or 0, f.name, f.expected, f.actual))


__all__ = ["PackTest", "run_pack_tests", "run_examples", "run_scenarios", "Batch", "DEFAULT_SCENARIOS"]
