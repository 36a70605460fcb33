"""Long fuzzing runs of the register reader and the expression checker (the brief runs are in
`make test`, tests/badinput/test_fuzz.py). Prints how many inputs were generated, how many were
read/accepted or refused with the project's own error, and how long it took; a crash stops the
run with hypothesis' minimal failing example.

    python fuzz/run_fuzz.py --registers 100000 --expressions 100000 [--seed 1]
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "badinput")]

from fuzzing import (  # noqa: E402 - after the path set-up above
    check_fuzzed_expression,
    expressions,
    read_fuzzed_register,
    registers,
)
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def run(name: str, count: int, strategy, property_, rng_seed: int) -> None:
    tally: collections.Counter = collections.Counter()

    @seed(rng_seed)
    @settings(max_examples=count, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(example):
        tally[property_(example)] += 1

    start = time.perf_counter()
    fuzz()
    seconds = time.perf_counter() - start
    outcome = ", ".join(f"{k} {v:,}" for k, v in sorted(tally.items()))
    print(f"{name}: {sum(tally.values()):,} generated in {seconds:,.0f} s, no crash ({outcome})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registers", type=int, default=2000)
    parser.add_argument("--expressions", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.expressions:
        run("expressions", args.expressions, st.tuples(expressions(), st.sampled_from(["person", "household"])),
            lambda t: check_fuzzed_expression(*t), args.seed)
    if args.registers:
        run("registers", args.registers, registers(), read_fuzzed_register, args.seed)


if __name__ == "__main__":
    main()
