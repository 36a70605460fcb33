"""Benchmark: `eligibility explain REGISTER HOUSEHOLD` on a large register (issue 14: ≤ 2 s at
200,000 households). The register is generated once with `eligibility sample` (Parquet and CSV,
kept in bench/_data/), then `explain` runs as an officer runs it, each time in a fresh process
(start-up, read only that household, check, evaluate, render), for a household near the start,
one in the middle and one at the end of the register, after one run that leaves the compiled plan in the
cache. Prints the wall seconds and the CPU-seconds (user + system) of each run, and the machine's load.

The package's bytecode is compiled first, as `pip install` does: a source checkout run with
PYTHONDONTWRITEBYTECODE=1 (as this project's shells are) and no __pycache__ would otherwise compile every
module of the package from source in each run, about 0.3 CPU-s that an officer's installed tool never spends.

    python bench/bench_explain.py                       # 200,000 households (the sample takes a while)
    python bench/bench_explain.py --households 20000    # a quick run
    python bench/bench_explain.py --formats parquet     # one format only
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
AS_OF = "2025-11-15"


def register(households: int, fmt: str) -> Path:
    """The sample register of that size and format, generated once (deterministic seed)."""
    folder = DATA / f"explain_{households}_{fmt}"
    if not (folder / "manifest.json").exists() and not any(folder.glob(f"households.{fmt}")):
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households),
                        "--seed", "767", "--out", str(folder), "--format", fmt, "--force"], check=True,
                       capture_output=True)
    return folder


def household_ids(folder: Path, households: int) -> list[str]:
    """A household near the start, in the middle and at the end of the register."""
    parquet = DATA / f"explain_{households}_parquet" / "households.parquet"
    ids = pq.read_table(parquet, columns=["household_id"]).column(0).to_pylist() if parquet.exists() else []
    if not ids:
        import pandas as pd

        ids = pd.read_csv(folder / "households.csv", usecols=["household_id"], dtype=str)["household_id"].tolist()
    return [ids[10], ids[len(ids) // 2], ids[-1]]


def explain_seconds(folder: Path, household: str) -> tuple[float, float]:
    """The wall seconds and the CPU-seconds (user + system) of one `explain` process: the CPU time
    says the same on a loaded machine, where the wall clock waits for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eligibility", "explain", str(folder), household, "--as-of", AS_OF,
                    "--lang", "vi"], check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def compile_package() -> None:
    """Write the bytecode of the `eligibility` that `python -m eligibility` will import (this
    interpreter, this PYTHONPATH), as an installed package has it."""
    found = subprocess.run([sys.executable, "-c", "import eligibility; print(eligibility.__file__)"], check=True,
                           capture_output=True, text=True).stdout.strip()
    compileall.compile_dir(Path(found).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--formats", nargs="+", default=["parquet", "csv"], choices=["parquet", "csv"])
    args = parser.parse_args()
    compile_package()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    for fmt in args.formats:
        folder = register(args.households, fmt)
        ids = household_ids(folder, args.households)
        explain_seconds(folder, ids[0])   # a warm cache: the plan compiled and kept, as after an officer's first run
        for household in ids:
            wall, cpu = explain_seconds(folder, household)
            print(f"{fmt:8} {args.households:>9,} households  explain {household:>14}  {wall:6.2f} s  "
                  f"{cpu:5.2f} CPU-s", flush=True)


if __name__ == "__main__":
    main()
