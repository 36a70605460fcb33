"""Long fuzzing runs of the register reader and the expression checker (the brief runs are in
`make test`, tests/badinput/test_fuzz.py). Prints how many inputs were generated, how many were
read/accepted or refused with the project's own error, and how long it took; a crash stops the
run with hypothesis' minimal failing example.

    python fuzz/run_fuzz.py --registers 100000 --expressions 100000 [--seed 1]
    python fuzz/run_fuzz.py --expressions 100000 --cells 100000    # registers until 100,000 cells were read
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


def run_cells(target: int, rng_seed: int, batch: int = 100) -> None:
    """Generated registers, a batch (one seed) at a time, until `target` cells (header and data cells
    of both tables) have been written and read."""
    tally: collections.Counter = collections.Counter()
    cells = 0

    def property_(example) -> str:
        nonlocal cells
        cells += sum(len(headers) + sum(len(row) for row in rows) for headers, rows in example[3:])
        return read_fuzzed_register(example)

    start, batch_seed = time.perf_counter(), rng_seed
    while cells < target:
        @seed(batch_seed)
        @settings(max_examples=batch, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(registers())
        def fuzz(example):
            tally[property_(example)] += 1

        fuzz()
        batch_seed += 1
    outcome = ", ".join(f"{k} {v:,}" for k, v in sorted(tally.items()))
    print(f"registers: {sum(tally.values()):,} generated with {cells:,} cells in {time.perf_counter() - start:,.0f} s "
          f"(seeds {rng_seed}-{batch_seed - 1}), no crash ({outcome})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registers", type=int, default=2000)
    parser.add_argument("--expressions", type=int, default=20000)
    parser.add_argument("--cells", type=int, default=0, help="instead of --registers: registers until this many "
                        "cells were generated and read")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.expressions:
        run("expressions", args.expressions, st.tuples(expressions(), st.sampled_from(["person", "household"])),
            lambda t: check_fuzzed_expression(*t), args.seed)
    if args.cells:
        run_cells(args.cells, args.seed)
    elif args.registers:
        run("registers", args.registers, registers(), read_fuzzed_register, args.seed)


if __name__ == "__main__":
    main()
