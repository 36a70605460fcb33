"""Collect the `examples:` of every policy file as pytest items (a failure names file, line, example).

The examples are checked as `eligibility test` checks them (`packtest`: queued in one batch, one
evaluation per as-of date, each example's expectations against its own decisions), but a date is
screened only when the first of its examples runs, so that each pytest-xdist worker screens only
the dates of the examples it was given. Screening each example alone cost about 0.3 CPU-s a piece
(90 CPU-s for the pack); that one batch decides as each example alone is checked in
tests/packtest/test_packtest.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eligibility.api import load_rules
from eligibility.packtest import Batch, check_examples, queue_examples

_PACKS: dict[Path, PackExamples] = {}


class PackExamples:
    """A pack's examples queued in one batch; each date screened once, when first needed."""

    def __init__(self, pack: Path):
        self.plan = load_rules(pack)
        self.batch = Batch(self.plan)
        self.queued = queue_examples(self.plan, self.batch)
        self.screened: dict = {}
        # each file's examples, its path resolved once (collecting resolved every example's path for
        # every file: 17,000 resolves, a CPU-second in each pytest-xdist worker)
        self.by_file: dict[Path, list] = {}
        for queued in self.queued:
            self.by_file.setdefault(queued[0].path.resolve(), []).append(queued)

    def failures(self, queued: tuple) -> list:
        example, number = queued[2], queued[4]
        if number not in self.screened:
            # as `eligibility test`: compared without the texts, a failure worded (check_examples)
            self.screened.update(self.batch.run([(example.as_of, bool(example.use_unverified))], worded=False))
        return check_examples(self.plan, [queued], self.screened).failures


def pack_examples(pack: Path) -> PackExamples:
    if pack not in _PACKS:
        _PACKS[pack] = PackExamples(pack)
    return _PACKS[pack]


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and "policies" in file_path.parts:
        return RuleFile.from_parent(parent, path=file_path)
    return None


class RuleFile(pytest.File):
    def collect(self):
        examples = pack_examples(next(p.parent for p in self.path.parents if p.name == "policies").resolve())
        for queued in examples.by_file.get(self.path.resolve(), []):
            source, index, example = queued[:3]
            yield ExampleItem.from_parent(self, name=example.name, examples=examples, queued=queued,
                                          line=source.line("examples", index))


class ExampleItem(pytest.Item):
    def __init__(self, *, examples, queued, line, **kwargs):
        super().__init__(**kwargs)
        self.examples, self.queued, self.example, self.line = examples, queued, queued[2], line
        # `make test` runs them; `make test-fast` leaves them to `eligibility test` (the same batch)
        self.add_marker(pytest.mark.slow)

    def runtest(self):
        failures = self.examples.failures(self.queued)
        if failures:
            raise ExampleFailure([f.actual for f in failures])

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ExampleFailure):
            return f"{self.path}:{self.line}: example '{self.example.name}' (as of {self.example.as_of}):\n  " + \
                "\n  ".join(excinfo.value.problems)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.line, f"example: {self.example.name}"


class ExampleFailure(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems
