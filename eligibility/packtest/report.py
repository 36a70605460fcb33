"""What `eligibility test` prints: each failure at file:line with expected and actual, then a summary."""
from __future__ import annotations

import os
from pathlib import Path

from ..wording.catalogue import N_, in_lang
from . import PackTest
from .scenarios import Outcome

# The report's words; the Vietnamese ones are the catalogue's (`wording/`).
WORDS = {"example": N_("examples"), "scenario": N_("scenarios"), "passed": N_("passed"), "failed": N_("failed"),
         "expected": N_("expected"), "got": N_("got"), "not_run": N_("scenarios not run (--no-scenarios)"),
         "ok": N_("all examples and scenarios hold"), "ex_item": N_("example"), "sc_item": N_("scenario"),
         "pack": N_("rule pack"), "fail": N_("{n} failure(s): fix the rule or the expectation (see POLICIES.md)")}


def words(lang: str) -> dict[str, str]:
    """The report's words in `lang`."""
    return in_lang(WORDS, lang)


def render(result: PackTest, lang: str = "vi") -> str:
    w = words(lang)
    lines = [render_failures(result.failures, w)] if result.failures else []
    lines.append(f"{w['pack']} {_relative(str(result.plan.folder))}")
    lines.append(_count(result.examples, w))
    lines.append(_count(result.scenarios, w) if result.scenarios else f"  {w['not_run']}")
    lines.append(w["ok"] if result.ok else w["fail"].format(n=len(result.failures)))
    return "\n".join(lines)


def render_failures(failures: list, w: dict) -> str:
    lines = []
    for f in sorted(failures, key=lambda f: (f.file, f.line or 0)):
        kind = w["ex_item"] if f.file.endswith(".yaml") else w["sc_item"]
        where = f"{_relative(f.file)}:{f.line}" if f.line else _relative(f.file)
        lines += [f"{where}: {kind} '{f.name}'", f"    {w['expected']}: {f.expected}", f"    {w['got']}: {f.actual}"]
    return "\n".join(lines) + "\n"


def _count(outcome: Outcome, w: dict) -> str:
    return (f"  {w[outcome.kind]}: {outcome.total}, {w['passed']} {outcome.total - outcome.failed}, "
            f"{w['failed']} {outcome.failed}")


def _relative(path: str) -> str:
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("../..") else path
    except ValueError:
        return str(Path(path))
