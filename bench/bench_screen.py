"""Benchmark: `eligibility screen` end to end (read → evaluate → write), next to a pyarrow floor.

For each size it generates a register with `eligibility sample` (Parquet), then, each in a fresh
process so peak memory is the run's own:
  * screen:     `eligibility screen REGISTER --format parquet` as a user runs it: start-up, read,
                check, evaluate the full rule pack, explain, write entitlements.parquet, rejects,
                manifest.json and print the summary table
  * evaluate:   the engine alone on already-read frames: variables and benefits (every decision
                with its rule, amount and unknowns), then, timed apart, the explained decisions table
  * floor:      pyarrow alone reading the same input and writing an output of the same size
and prints seconds, peak RSS and the ratio to the floor. With --runs N each measure is taken N
times and printed as min–max (this VM varies by about ±20 % from run to run).

    python bench/bench_screen.py                          # 100,000 households and ~1,000,000 persons
    python bench/bench_screen.py --households 230000 --runs 5
    python bench/bench_screen.py --households 20000       # a quick run
    python bench/bench_screen.py --households 230000 --partial-dates 0.05   # 5 % of birth dates a year alone
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
AS_OF = "2025-11-15"

SCREEN = """
import json, pathlib, resource, subprocess, sys, time
# the command an officer runs, in its own process: start-up, read, check, evaluate, explain, write
command = [sys.executable, "-m", "eligibility", "screen", sys.argv[1], "--as-of", sys.argv[3],
           "--out", sys.argv[2], "--format", "parquet", "--force"]  # the bench's own folder (it also holds the floor's file)
t0 = time.perf_counter()
subprocess.run(command, check=True, capture_output=True)
seconds = time.perf_counter() - t0
manifest = json.loads((pathlib.Path(sys.argv[2]) / "manifest.json").read_text(encoding="utf-8"))
print(json.dumps({"seconds": seconds, "rows": manifest["decisions"]["rows"],
                  "persons": manifest["accounting"]["members"]["accepted"],
                  "households": manifest["accounting"]["households"]["accepted"],
                  "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

EVALUATE = """
import time, resource, datetime as dt, json, sys
from eligibility.engines.memory import reuse_freed_buffers
reuse_freed_buffers()   # as `screen` does before reading the register
from eligibility.api import load_rules
from eligibility.register import read_register
from eligibility.engines.vectorised import evaluate
from eligibility.decisions import build_decisions
plan = load_rules()
reg = read_register(sys.argv[1], plan.inputs, dt.date.fromisoformat(sys.argv[3]))
t0 = time.perf_counter()
ev = evaluate(plan, reg.households, reg.members, dt.date.fromisoformat(sys.argv[3]))
t1 = time.perf_counter()
d = build_decisions(ev)
t2 = time.perf_counter()
print(json.dumps({"seconds": t2 - t0, "evaluate": t1 - t0, "decisions": t2 - t1, "persons": len(reg.members),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FLOOR = """
import time, resource, json, sys, pyarrow.parquet as pq, pyarrow as pa, pathlib
t0 = time.perf_counter()
folder = pathlib.Path(sys.argv[1])
tables = [pq.read_table(p) for p in sorted(folder.glob("*.parquet"))]
rows = int(sys.argv[3])
out_rows = [t for t in tables if t.num_rows == max(x.num_rows for x in tables)][0]
reps = max(1, -(-rows // out_rows.num_rows))
big = pa.concat_tables([out_rows] * reps).slice(0, rows)
pq.write_table(big, pathlib.Path(sys.argv[2]) / "floor.parquet")
print(json.dumps({"seconds": time.perf_counter() - t0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(households: int, runs: int, partial_dates: float = 0.0) -> None:
    folder = DATA / (f"hh{households}" + (f"-partial{partial_dates:g}" if partial_dates else ""))
    if not folder.exists():
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households),
                        "--seed", "767", "--out", str(folder), "--format", "parquet",
                        "--partial-dates", str(partial_dates)], check=True, capture_output=True)
        print(f"generated {households:,} households in {time.perf_counter() - t0:.1f} s")
    out = DATA / f"out{households}"
    out.mkdir(parents=True, exist_ok=True)
    screens, evaluations, floors = [], [], []
    for _ in range(runs):
        screens.append(run(SCREEN, str(folder), str(out), AS_OF))
        evaluations.append(run(EVALUATE, str(folder), str(out), AS_OF))
        floors.append(run(FLOOR, str(folder), str(out), str(screens[-1]["rows"])))
    first = screens[0]
    persons = first["persons"]

    def span(values, fmt="{:.2f}"):
        low, high = min(values), max(values)
        return fmt.format(low) if runs == 1 or fmt.format(low) == fmt.format(high) \
            else f"{fmt.format(low)}–{fmt.format(high)}"

    def rate(seconds):
        return span([persons / s / 1e6 for s in seconds]) + " M persons/s"

    evaluate = [e["evaluate"] for e in evaluations]
    explained = [e["evaluate"] + e["decisions"] for e in evaluations]
    print(f"\n{first['households']:,} households, {persons:,} persons, {first['rows']:,} decision rows"
          f"{f', {partial_dates:.0%} of birth dates a year alone' if partial_dates else ''}"
          f"{f'  ({runs} runs)' if runs > 1 else ''}")
    print(f"  screen end to end     : {span([x['seconds'] for x in screens])} s   "
          f"peak {span([x['rss_mb'] / 1024 for x in screens])} GB")
    print(f"  evaluate alone        : {span(evaluate)} s = {rate(evaluate)}  (variables and benefits)")
    print(f"  + explained decisions : {span([e['decisions'] for e in evaluations])} s; together "
          f"{span(explained)} s = {rate(explained)}")
    print(f"  pyarrow floor         : {span([x['seconds'] for x in floors])} s   "
          f"peak {span([x['rss_mb'] / 1024 for x in floors])} GB")
    print(f"  ratio to floor        : {span([s['seconds'] / f['seconds'] for s, f in zip(screens, floors)], '{:.1f}')}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, nargs="*", default=[100_000, 230_000],
                        help="register sizes (230,000 households ≈ 1,000,000 persons)")
    parser.add_argument("--runs", type=int, default=1, help="repeat each measure and print min–max")
    parser.add_argument("--partial-dates", type=float, default=0.0,
                        help="share of birth dates written as the year alone (e.g. 0.05), read as intervals")
    args = parser.parse_args()
    for n in args.households:
        bench(n, args.runs, args.partial_dates)


if __name__ == "__main__":
    main()
