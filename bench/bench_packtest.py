"""Benchmark: issue 15's exercise for policy staff — edit the pack, `eligibility test`, fix, `eligibility test`.

On a copy of the bundled pack and its scenarios, as policy staff would:
1. edit: the social-assistance standard reported from 1 Jul 2026 (graded D) becomes 600,000 instead of
   540,000, and a provincial top-up is added (an exercise, not law: its source is marked as such);
2. `eligibility test COPY`: must fail, on the examples that expected the old figure;
3. fix: each failing `expect` line or scenario step gets the new figure (540,000 x k -> 600,000 x k);
4. `eligibility test COPY`: must pass.
Each `eligibility test` runs as a user runs it, in its own process; the tool time of each step is printed
(wall seconds, and the CPU seconds of the process: on a shared machine the wall clock is inflated).

    python bench/bench_packtest.py                 # two processes (the command's default on 2 cores)
    python bench/bench_packtest.py --processes 1
"""
from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RULES = Path(__file__).resolve().parents[1] / "rules"
SCENARIOS = RULES.parent / "scenarios"
OLD, NEW = 540_000, 600_000

TOP_UP = """\
# An exercise (bench/bench_packtest.py), not law: a province pays a top-up to its social pensioners.
benefits:
  provincial_pension_top_up:
    entity: person
    label: {vi: Hỗ trợ thêm của tỉnh cho người hưởng trợ cấp hưu trí xã hội, en: Provincial top-up to the social pension}
    unit: vnd_per_month
    hit_policy: first
    period: {from: 2026-07-01}
    rules:
      - id: top_up_social_pensioner
        label: {vi: Người đủ điều kiện trợ cấp hưu trí xã hội, en: Entitled to the social pension}
        reference: {kind: other, title: {vi: Bài tập (không phải văn bản pháp luật), en: An exercise (not a legal instrument)}}
        valid: {from: 2026-07-01}
        priority: 1
        conditions:
          - eligible('social_pension')
        amount: param('province.pension_top_up')
examples:
  - name: "the 82-year-old social pensioner gets the top-up from 1 Jul 2026"
    as_of: 2026-07-01
    use_unverified: true
    household: {household_id: H1, commune: Tân Phong, district: lai_chau_city, area_type: urban, poverty_list_status: none}
    members:
      - {person_id: P1, date_of_birth: 1944-03-15, receives_pension: false, survivor_allowance: false}
    expect:
      - {benefit: provincial_pension_top_up, status: eligible, amount: 100000}
"""

TOP_UP_PARAMETER = """\
# An exercise (bench/bench_packtest.py), not law.
parameters:
  province.pension_top_up:
    label: {vi: Mức hỗ trợ thêm của tỉnh, en: Provincial top-up}
    type: money
    unit: VND/month
    values:
      - from: 2026-07-01
        value: 100000
        reference: {kind: other, title: {vi: Bài tập (không phải văn bản pháp luật), en: An exercise (not a legal instrument)}}
        confidence: D
"""


def edit(pack: Path) -> None:
    """Raise the standard reported from 1 Jul 2026 and add the provincial top-up."""
    path = pack / "parameters" / "cross_cutting.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"value: {OLD}" in text
    path.write_text(text.replace(f"value: {OLD}", f"value: {NEW}", 1), encoding="utf-8")
    (pack / "parameters" / "province.yaml").write_text(TOP_UP_PARAMETER, encoding="utf-8")
    (pack / "policies" / "province").mkdir()
    (pack / "policies" / "province" / "top_up.yaml").write_text(TOP_UP, encoding="utf-8")


def fix(output: str) -> int:
    """Give each failing example's `expect` line, or scenario step (an outline's Examples row), the
    new figure: every sum of money on it that is k x 540,000 becomes k x 600,000. Returns lines fixed."""
    fixed = 0
    for file, line, name in re.findall(r"^(\S+\.(?:yaml|feature)):(\d+): \S+ '(.*)'$", output, flags=re.MULTILINE):
        row = re.search(r"\(Examples row at line (\d+)\)", name)
        number = int(row.group(1) if row else line)
        path = Path(file) if Path(file).is_absolute() else Path.cwd() / file
        lines = path.read_text(encoding="utf-8").split("\n")
        new = re.sub(r"\d{1,3}(?:[.,]\d{3})+|\d{6,}", _new_figure, lines[number - 1])
        if new != lines[number - 1]:
            lines[number - 1], fixed = new, fixed + 1
            path.write_text("\n".join(lines), encoding="utf-8")
    return fixed


def _new_figure(found: re.Match) -> str:
    """540.000 -> 600.000, 810,000 -> 900,000, 1080000 -> 1200000 (the separator kept); others as they are."""
    text = found.group(0)
    value = int(re.sub(r"[.,]", "", text))
    if value < 100_000 or value * NEW % OLD:
        return text
    new = f"{value * NEW // OLD:,}"
    separator = next((c for c in text if c in ".,"), "")
    return new.replace(",", separator)


def eligibility_test(pack: Path, scenarios: Path, processes: int) -> tuple[int, str, float, float]:
    """One `eligibility test` as a user runs it: exit code, output, wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "eligibility", "test", str(pack), "--scenarios", str(scenarios),
                          "--lang", "en", "--processes", str(processes)], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return run.returncode, run.stdout + run.stderr, wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "my-rules"
        scenarios = Path(tmp) / "my-scenarios"
        shutil.copytree(RULES, pack, ignore=shutil.ignore_patterns("__pycache__", "conftest.py"))
        shutil.copytree(SCENARIOS, scenarios, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        t0 = time.perf_counter()
        edit(pack)
        print(f"edit:                      {time.perf_counter() - t0:5.2f} s")
        code, output, wall, cpu = eligibility_test(pack, scenarios, args.processes)
        failures = re.findall(r"^\S+\.(?:yaml|feature):\d+: ", output, flags=re.MULTILINE)
        print(f"eligibility test (edited): {wall:5.1f} s wall, {cpu:5.1f} s CPU: exit {code}, "
              f"{len(failures)} failure(s)")
        if code != 1 or not failures:
            sys.exit(f"the edited pack should fail its examples:\n{output}")
        t0 = time.perf_counter()
        fixed = fix(output)
        print(f"fix:                       {time.perf_counter() - t0:5.2f} s ({fixed} expect line(s))")
        code2, output2, wall2, cpu2 = eligibility_test(pack, scenarios, args.processes)
        print(f"eligibility test (fixed):  {wall2:5.1f} s wall, {cpu2:5.1f} s CPU: exit {code2}")
        if code2 != 0:
            sys.exit(f"the fixed pack should pass:\n{output2}")
        print(f"the loop (two runs):       {wall + wall2:5.1f} s wall, {cpu + cpu2:5.1f} s CPU")


if __name__ == "__main__":
    main()
