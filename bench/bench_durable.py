"""Benchmark: the durable_rules engine against the vectorised engine on a generated register.

Generates a register (`eligibility.register.sample.generate_sample`), screens it with the
vectorised engine once and with the durable engine in 1 and 2 processes, and prints households
per second (wall clock; and per CPU-second spent on households in the engine's processes), the ratio to the
vectorised engine, the sessions the durable engine created, deleted and checked gone, and the
peak memory. `--check` also compares the two decision tables (status, coverage, amount, rule,
missing inputs, rate) and fails on any difference, on a lost household or a leaked session.

    python bench/bench_durable.py                               # 2,000 households, 1 and 2 processes
    python bench/bench_durable.py --households 100000 --processes 2 --check
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import time


def compare(vectorised, durable_table) -> list[str]:
    key = ["household_id", "person_id", "benefit", "rule"]
    must = ["status", "coverage", "amount", "missing_inputs", "rate"]      # and `rule`, in the key
    a = vectorised[key + must].astype(object).where(vectorised[key + must].notna(), None)
    b = durable_table[key + must].astype(object).where(durable_table[key + must].notna(), None)
    if len(a) != len(b):
        return [f"{len(a)} rows from the vectorised engine, {len(b)} from the durable engine"]
    a = a.sort_values(key, key=lambda s: s.astype(str)).reset_index(drop=True)
    b = b.sort_values(key, key=lambda s: s.astype(str)).reset_index(drop=True)
    problems = []
    for column in key + must:
        for i, (x, y) in enumerate(zip(a[column], b[column])):
            same = x == y or (isinstance(x, float) and isinstance(y, float) and abs(x - y) <= 1e-6 * max(1, abs(x)))
            if not same:
                problems.append(f"row {i} {a.loc[i, key].tolist()}: {column} {x!r} vs {y!r}")
                if len(problems) > 20:
                    return problems
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", default="2025-11-15")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    parser.add_argument("--chunk-size", type=int, default=250)
    parser.add_argument("--rules", default=None, help="rule pack folder (default: the bundled rules/)")
    parser.add_argument("--check", action="store_true", help="compare the decisions and fail on any difference")
    args = parser.parse_args(argv)

    from eligibility import load_rules
    from eligibility.api import evaluate_frames
    from eligibility.engines import durable
    from eligibility.register.sample import generate_sample

    as_of = dt.date.fromisoformat(args.as_of)
    plan = load_rules(args.rules)
    t0 = time.perf_counter()
    households, members = generate_sample(args.households, seed=args.seed, as_of=as_of)
    print(f"register: {len(households):,} households, {len(members):,} persons "
          f"(generated in {time.perf_counter() - t0:.1f} s); rules: {len(plan.benefits)} benefits, "
          f"{sum(len(b.rules) for b in plan.benefits.values())} rules; cores: {os.cpu_count()}")

    t0 = time.perf_counter()
    vec = evaluate_frames(plan, households, members, as_of).decisions
    vec_seconds = time.perf_counter() - t0
    vec_rate = len(households) / vec_seconds
    print(f"vectorised          {vec_seconds:8.2f} s  {vec_rate:12,.0f} households/s  ({len(vec):,} decision rows)")

    status = 0
    for processes in [int(p) for p in args.processes.split(",") if p.strip()]:
        wall0 = time.perf_counter()
        table = durable.screen_durable(plan, households, members, as_of, processes=processes,
                                       chunk_size=args.chunk_size)
        wall = time.perf_counter() - wall0
        run = dict(durable.LAST_RUN)
        rate = len(households) / wall
        engine_cpu = run["cpu_seconds"]      # in the processes that ran the households
        label = f"durable, {processes} process{'es' if processes > 1 else ''}"
        print(f"{label}  {wall:8.2f} s  {rate:12,.0f} households/s  "
              f"(engine cpu {engine_cpu:.1f} s = {len(households) / max(engine_cpu, 1e-9):,.0f} households per "
              f"cpu-second; "
              f"{vec_rate / rate:,.0f}x slower than vectorised; {run['actions'] / max(1, run['households']):.0f} "
              f"actions per household)")
        print(f"    sessions created {run['sessions_created']:,}, deleted {run['sessions_deleted']:,}, checked gone "
              f"{run['sessions_checked_gone']:,}, at most {run['max_live_sessions']} live; households in "
              f"{len(households):,}, screened {run['households']:,}; workers {run['processes']}")
        if run["households"] != len(households) or not (
                run["sessions_created"] == run["sessions_deleted"] == run["sessions_checked_gone"] == len(households)):
            print("    FAILED: lost households or leaked sessions")
            status = 1
        if args.check:
            problems = compare(vec, table)
            print("    decisions identical to the vectorised engine" if not problems else
                  "    DIFFERENCES:\n      " + "\n      ".join(problems))
            status = status or (1 if problems else 0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")
    return status


if __name__ == "__main__":
    sys.exit(main())
