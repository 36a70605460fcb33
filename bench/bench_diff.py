"""Benchmark: `eligibility diff` against one `eligibility screen` of the same register, in the same run.

A diff screens the register twice (one side per date, pack or register) and compares the two
decision tables; the issue's bound is a diff ≤ 2.5 × one screen. Each command runs as a user runs
it, in its own process (start-up included), alternating, N times; prints min–median–max seconds,
peak RSS and the ratio of medians, in wall-clock seconds and in CPU-seconds (user + system of the
command's process: the figure to compare on a shared, loaded machine).

    python bench/bench_diff.py                         # 230,000 households, ~1,000,000 persons
    python bench/bench_diff.py --households 20000 --runs 1
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"

TIMED = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t0, use.ru_maxrss / 1024, use.ru_utime + use.ru_stime)
"""


def timed(command: list[str]) -> tuple[float, float, float]:
    """(wall-clock seconds, peak RSS in MB, CPU-seconds) of one command in its own process."""
    out = subprocess.run([sys.executable, "-c", TIMED, *command], check=True, capture_output=True, text=True)
    seconds, rss, cpu = out.stdout.split()
    return float(seconds), float(rss), float(cpu)


def register(households: int) -> Path:
    path = DATA / f"hh{households}"          # the register bench_screen.py makes (same seed)
    if not path.exists():
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households),
                        "--seed", "767", "--out", str(path), "--format", "parquet"], check=True, capture_output=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=230_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reg = register(args.households)
    tool = [sys.executable, "-m", "eligibility"]
    screens, diffs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            screens.append(timed([*tool, "screen", str(reg), "--as-of", "2025-07-01", "--format", "parquet",
                                  "--out", f"{tmp}/s{i}"]))
            diffs.append(timed([*tool, "diff", str(reg), "--as-of", "2025-06-30", "--as-of-new", "2025-07-01",
                                "--out", f"{tmp}/d{i}"]))
        manifest = json.loads((Path(tmp) / "s0" / "manifest.json").read_text(encoding="utf-8"))
    persons = f"{manifest['accounting']['members']['accepted']:,} persons"
    for name, values in (("screen", screens), ("diff", diffs)):
        seconds, cpu = [v[0] for v in values], [v[2] for v in values]
        print(f"{name:7s} {min(seconds):6.2f} – {statistics.median(seconds):6.2f} – {max(seconds):6.2f} s   "
              f"CPU {min(cpu):6.2f} – {statistics.median(cpu):6.2f} – {max(cpu):6.2f} s   "
              f"peak {max(v[1] for v in values) / 1024:.2f} GB")
    for what, i in (("wall clock", 0), ("CPU-seconds", 2)):
        ratio = statistics.median(v[i] for v in diffs) / statistics.median(v[i] for v in screens)
        print(f"diff / screen ({what}, medians): {ratio:.2f}×  (bound 2.5×; {args.households:,} households, "
              f"{args.runs} runs, {persons})")


if __name__ == "__main__":
    main()
