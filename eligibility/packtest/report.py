"""What `eligibility test` prints: each failure at file:line with expected and actual, then a summary."""
from __future__ import annotations

import os
from pathlib import Path

from . import PackTest
from .scenarios import Outcome

WORDS = {
    "en": {"example": "examples", "scenario": "scenarios", "passed": "passed", "failed": "failed",
           "expected": "expected", "got": "got", "not_run": "scenarios not run (--no-scenarios)",
           "ok": "all examples and scenarios hold", "ex_item": "example", "sc_item": "scenario",
           "pack": "rule pack", "fail": "{n} failure(s): fix the rule or the expectation (see POLICIES.md)"},
    "vi": {"example": "ví dụ trong tệp quy định", "scenario": "tình huống (scenario)", "passed": "đạt",
           "failed": "không đạt", "expected": "mong đợi", "got": "kết quả", "ex_item": "ví dụ",
           "sc_item": "tình huống", "not_run": "chưa chạy các tình huống (--no-scenarios)",
           "ok": "mọi ví dụ và tình huống đều đạt", "pack": "bộ quy định",
           "fail": "{n} chỗ không đạt: sửa quy định hoặc sửa kết quả mong đợi (xem POLICIES.md)"},
}


def render(result: PackTest, lang: str = "vi") -> str:
    w = WORDS[lang]
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
