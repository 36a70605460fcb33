"""Benchmark: households per second of the durable_rules engine, per process.

Screens each register with the durable engine N times (`--runs`, default 5) in one process (or
`--processes P`) and prints households per second, min / median / max over the runs, by the wall
clock and per CPU-second spent in the engine's processes (on a shared machine the second is the
steadier figure). The ruleset is built once before the timed runs (its build time is printed);
every run then screens the whole register. Registers: the bundled demo and a generated one
(`python -m eligibility sample --households N --seed 1`), or the folders given with --register.

`--check` compares the decisions with the vectorised engine's (every column the differential
tests compare) and fails on any difference, lost household or leaked session.
`--per-session 1,50` times several households-per-session settings (1: a session per household).

    python bench/bench_durable.py                                  # demo + 2,000 generated households
    python bench/bench_durable.py --households 20000 --runs 3 --check
    python bench/bench_durable.py --register /tmp/d2k --per-session 1,50
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generated(households: int, seed: int, folder: Path) -> Path:
    """A register written by the tool's own `sample` command."""
    out = folder / f"generated-{households}-{seed}"
    if not out.exists():
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households), "--seed",
                        str(seed), "--out", str(out)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    return out


def spread(values: list[float]) -> str:
    return f"{min(values):8,.0f} {statistics.median(values):8,.0f} {max(values):8,.0f}"


def time_register(plan, path: Path, as_of: dt.date, args, per_session: int) -> int:
    from eligibility.api import evaluate_frames
    from eligibility.engines import durable
    from eligibility.register import read_register

    register = read_register(path, plan.inputs, as_of)
    hh, mm = register.households, register.members
    n = len(hh)
    t0 = time.perf_counter()
    durable.screen_durable(plan, hh.iloc[:1], mm[mm["household_id"] == hh["household_id"].iloc[0]], as_of,
                           processes=1)
    build = time.perf_counter() - t0
    walls, cpus, table = [], [], None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        table = durable.screen_durable(plan, hh, mm, as_of, processes=args.processes,
                                       households_per_session=per_session)
        walls.append(n / (time.perf_counter() - t0))
        cpus.append(n / max(durable.LAST_RUN["cpu_seconds"], 1e-9))
    run = dict(durable.LAST_RUN)
    print(f"{path.name}: {n:,} households, {len(mm):,} persons; {per_session} a session, "
          f"{args.processes} process{'es' if args.processes > 1 else ''}, {args.runs} runs "
          f"(first call, which builds the ruleset once a process: {build:.2f} s)")
    print(f"    households/s wall            min {spread(walls)} max   (median of {args.runs})")
    print(f"    households/engine cpu-second min {spread(cpus)} max")
    print(f"    last run: {run['actions'] / max(1, run['households']):.1f} action calls and "
          f"{run.get('matched', 0) / max(1, run['households']):.0f} rule matches a household; sessions "
          f"created {run['sessions_created']:,}, deleted {run['sessions_deleted']:,}, checked gone "
          f"{run['sessions_checked_gone']:,}, at most {run['max_live_sessions']} live")
    status = 0
    if run["households"] != n or not (run["sessions_created"] == run["sessions_deleted"]
                                      == run["sessions_checked_gone"]) or run["max_live_sessions"] != 1:
        print("    FAILED: lost households or leaked sessions")
        status = 1
    if args.check:
        sys.path.insert(0, str(ROOT / "tests" / "engines"))
        from durable_helpers import decision_differences

        vec = evaluate_frames(plan, hh, mm, as_of).decisions
        problems = decision_differences(vec, table)
        print(f"    decisions identical to the vectorised engine's ({len(vec):,} rows)" if not problems else
              f"    {len(problems)} DIFFERENCES:\n      " + "\n      ".join(problems[:20]))
        status = status or (1 if problems else 0)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--register", action="append", type=Path, help="register folder (repeatable)")
    parser.add_argument("--households", type=int, default=2000, help="size of the generated register")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default="2025-11-15")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--per-session", default=None, help="households a session, comma-separated "
                        "(default: the engine's HOUSEHOLDS_PER_SESSION)")
    parser.add_argument("--rules", default=None, help="rule pack folder (default: the bundled rules/)")
    parser.add_argument("--check", action="store_true", help="compare with the vectorised engine's decisions")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from eligibility import load_rules
    from eligibility.engines import durable

    as_of = dt.date.fromisoformat(args.as_of)
    plan = load_rules(args.rules)
    settings = [int(p) for p in args.per_session.split(",")] if args.per_session else [durable.HOUSEHOLDS_PER_SESSION]
    print(f"rules: {len(plan.benefits)} benefits, {sum(len(b.rules) for b in plan.benefits.values())} rules, "
          f"{len(durable.ruleset_json(plan, as_of))} durable_rules rules as of {as_of}; cores: {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        registers = args.register or [ROOT / "sample_households" / "demo",
                                      generated(args.households, args.seed, Path(tmp))]
        for path in registers:
            for per_session in settings:
                status = time_register(plan, path, as_of, args, per_session) or status
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")
    return status


if __name__ == "__main__":
    sys.exit(main())
