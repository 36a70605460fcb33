"""Collect the `examples:` of every policy file as pytest items (a failure names file, line, example)."""
from __future__ import annotations

import pytest

from eligibility.api import load_rules
from eligibility.examples import run_example


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and "policies" in file_path.parts:
        return RuleFile.from_parent(parent, path=file_path)
    return None


class RuleFile(pytest.File):
    def collect(self):
        pack = next(p.parent for p in self.path.parents if p.name == "policies")
        plan = load_rules(pack)
        for source, index, example in plan.examples:
            if source.path.resolve() == self.path.resolve():
                yield ExampleItem.from_parent(self, name=example.name, plan=plan, example=example,
                                              line=source.line("examples", index))


class ExampleItem(pytest.Item):
    def __init__(self, *, plan, example, line, **kwargs):
        super().__init__(**kwargs)
        self.plan, self.example, self.line = plan, example, line
        # each example is screened alone: `make test` runs them; `make test-fast` leaves them to
        # `eligibility test` (one batch for the whole pack)
        self.add_marker(pytest.mark.slow)

    def runtest(self):
        problems = run_example(self.plan, self.example)
        if problems:
            raise ExampleFailure(problems)

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
