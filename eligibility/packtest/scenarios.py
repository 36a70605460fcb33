"""Run Gherkin scenarios (`.feature` files) against a compiled pack, screened in batches.

Each scenario is read with the official Gherkin parser (outlines and backgrounds expanded into
"pickles"), its `Given` steps fill a case, each `When` queues a screening, and its `Then` steps are
checked once every screening of the run is done (`batch.py`). A failure names the feature file and
the line of the step, with what was expected and what the pack decided.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

from ..errors import say
from ..messages import language
from ..suggestions import suggest
from ..wording.catalogue import N_
from .batch import Batch
from .steps import STEPS, Case, Mismatch, StepError, match_step
from .words import hint, parser_error, phrase_example

RUNNABLE = N_("a step that can run")


@dataclass
class Failure:
    file: str
    line: int | None
    name: str
    expected: str
    actual: str


@dataclass
class Outcome:
    kind: str                 # example | scenario
    total: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len({(f.file, f.name) for f in self.failures})


@dataclass
class _Check:
    handler: object
    args: dict
    table: list | None
    line: int | None
    point: int
    row: str = ""


def feature_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*.feature") if p.is_file())


def run_scenarios(plan, folder: Path) -> Outcome:
    """Every scenario under `folder`, alone (`eligibility test` shares one batch with the examples)."""
    batch = Batch(plan)
    outcome, pending = queue_scenarios(plan, folder, batch)
    check_scenarios(plan, outcome, pending, batch.run())
    return outcome


def queue_scenarios(plan, folder: Path, batch: Batch) -> tuple[Outcome, list]:
    outcome, pending = Outcome("scenario"), []
    for path in feature_files(folder):
        for pickle, lines in _pickles(path, outcome):
            outcome.total += 1
            pending.append((path, pickle, _queue(plan, path, pickle, lines, batch, outcome)))
    return outcome, pending


def check_scenarios(plan, outcome: Outcome, pending: list, screened: dict) -> None:
    for path, pickle, checks in pending:
        for check in checks:
            result = screened[check.point]
            found = _check(plan, check, result.decisions)
            if found:      # checked again on the worded decisions: the failure quotes the explanation
                found = _check(plan, check, result.in_words())
            if found:
                outcome.failures.append(Failure(str(path), check.line, pickle["name"] + check.row, *found))


def _check(plan, check: _Check, decisions) -> tuple[str, str] | None:
    """What a `Then` step expected and what it got, when it does not hold."""
    try:
        check.handler(Case(plan, result=decisions), check.table, **check.args)
    except Mismatch as err:
        return err.expected, err.actual
    except (StepError, KeyError, ValueError) as err:
        return say(RUNNABLE), str(err)
    return None


def _pickles(path: Path, outcome: Outcome):
    """The file's scenarios with outlines expanded, and the line of every AST node (steps, example rows)."""
    try:
        document = Parser().parse(path.read_text(encoding="utf-8"))
    except Exception as err:    # the Gherkin parser's own errors name the line
        line, reason = parser_error(str(err))
        outcome.failures.append(Failure(str(path), line, say(N_("(the whole file)")),
                                        say(N_("a readable feature file")), reason))
        return []
    document["uri"] = str(path)
    lines: dict[str, int] = {}
    _collect_lines(document.get("feature") or {}, lines)
    return [(p, lines) for p in Compiler().compile(document)]


def _collect_lines(node, lines: dict) -> None:
    if isinstance(node, dict):
        if "id" in node and isinstance(node.get("location"), dict):
            lines[node["id"]] = node["location"]["line"]
        for value in node.values():
            _collect_lines(value, lines)
    elif isinstance(node, list):
        for value in node:
            _collect_lines(value, lines)


def _queue(plan, path: Path, pickle: dict, lines: dict, batch: Batch, outcome: Outcome) -> list[_Check]:
    """Run the scenario's Given/When steps now; keep its Then steps for after the screening."""
    case, checks, point = Case(plan), [], None
    for step in pickle["steps"]:
        line = lines.get(step["astNodeIds"][0])
        table = _table(step)
        found = match_step(step["text"])
        if found is None:
            outcome.failures.append(Failure(str(path), line, pickle["name"], say(N_("a known step phrase")),
                                            say(N_("no step matches '{text}'"), text=step["text"])
                                            + _hint(step["text"])))
            return []
        kind, handler, args = found
        try:
            if kind == "then":
                if point is None:
                    raise StepError(say(N_("a Then step before any When (screen the household first)")))
                checks.append(_Check(handler, args, table, line, point, _row(step, lines)))
                continue
            handler(case, table, **args)
            if kind == "when":
                point = batch.add(copy.deepcopy(case.households), copy.deepcopy(case.members), case.as_of,
                                  case.unverified_now(), copy.deepcopy(case.lists), copy.deepcopy(case.merit))
        except (StepError, KeyError, ValueError) as err:
            outcome.failures.append(Failure(str(path), line, pickle["name"], say(RUNNABLE), str(err)))
            return []
    return checks


def _row(step: dict, lines: dict) -> str:
    """For a Scenario Outline, which Examples row this run of the step comes from."""
    ids = step["astNodeIds"]
    row = lines.get(ids[1]) if len(ids) > 1 else None
    return say(N_(" (Examples row at line {line})"), line=row) if row else ""


def _table(step: dict) -> list[list[str]] | None:
    table = (step.get("argument") or {}).get("dataTable")
    return [[c["value"] for c in row["cells"]] for row in table["rows"]] if table else None


def _hint(text: str) -> str:
    """The phrase of the step table nearest to `text`, written in the language of the run. Compared
    without what is quoted (ids, benefits): a placeholder (`"<mã người>"`) is not what a step writes."""
    phrases = {_unquoted(phrase_example(p, language())): phrase_example(p, language()) for _, p, _ in STEPS}
    found = suggest(_unquoted(text), phrases)
    return hint(phrases[found] if found else None)


def _unquoted(text: str) -> str:
    return re.sub(r'"[^"]*"', '""', re.sub(r"<[^>]*>", "", text))
