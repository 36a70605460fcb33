"""Benchmark: national scale on one machine — a partitioned register of ~10 M persons, screened in
bounded memory, in one process and on a two-worker Dask LocalCluster, next to the pyarrow floor;
and 1 M persons partitioned against the same register unpartitioned.

Each measure is the command a user runs, in its own process (start-up included); peak memory is
the largest resident set of the command and its children (the Dask workers included).

    python bench/bench_scale.py                                  # 2,300,000 households (~10 M persons)
    python bench/bench_scale.py --households 230000 --runs 1     # a quick run
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
AS_OF = "2025-11-15"

TIMED = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""

FLOOR = """
import sys, time, pathlib, resource
import pyarrow.parquet as pq, pyarrow as pa
t0 = time.perf_counter()
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for part in sorted(p for p in src.iterdir() if p.is_dir()):   # read every part, write one file a part
    households = pq.read_table(part / "households.parquet")
    members = pq.read_table(part / "members.parquet")
    pq.write_table(members, out / (part.name + ".parquet"))
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def timed(command: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", TIMED, *command], check=True, capture_output=True, text=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def dataset(households: int) -> Path:
    path = DATA / f"partitioned_{households}"
    if not path.exists():
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households), "--seed", "767",
                        "--out", str(path), "--partitioned", "--part-size", "100000"], check=True, capture_output=True)
        print(f"sample --partitioned: {households:,} households in {time.perf_counter() - t0:.0f} s")
    return path


def show(name: str, values: list[tuple[float, float]]) -> float:
    seconds = [s for s, _ in values]
    print(f"{name:34s} {min(seconds):7.1f} – {statistics.median(seconds):7.1f} – {max(seconds):7.1f} s   "
          f"peak {max(r for _, r in values) / 1024:.2f} GB")
    return statistics.median(seconds)


def one_register(households: int) -> Path:
    path = DATA / f"hh{households}"          # the register bench_screen.py makes (same seed)
    if not path.exists():
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households),
                        "--seed", "767", "--out", str(path), "--format", "parquet"], check=True, capture_output=True)
    return path


def partitioned_against_whole(households: int, runs: int) -> None:
    """The same Parquet register screened whole and cut into parts (`--partition-by chunk:N`), alternating."""
    reg = one_register(households)
    tool = [sys.executable, "-m", "eligibility", "screen", str(reg), "--as-of", AS_OF, "--format", "parquet"]
    whole, parts = [], []
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        for i in range(runs):
            whole.append(timed([*tool, "--out", f"{tmp}/w{i}"]))
            parts.append(timed([*tool, "--out", f"{tmp}/p{i}", "--partition-by", f"chunk:{households // 4}"]))
    a = show(f"{households:,} households whole", whole)
    b = show(f"{households:,} households in 4 parts", parts)
    print(f"partitioned / whole: {b / a:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=2_300_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--compare", type=int, default=230_000, metavar="HOUSEHOLDS",
                        help="also screen a register of this many households whole and in parts (0: skip)")
    args = parser.parse_args()
    if args.compare:
        partitioned_against_whole(args.compare, max(args.runs, 3))
    data = dataset(args.households)
    tool = [sys.executable, "-m", "eligibility", "screen", str(data), "--as-of", AS_OF, "--format", "parquet"]
    one, dask, floor = [], [], []
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        for i in range(args.runs):
            one.append(timed([*tool, "--out", f"{tmp}/one{i}"]))
            dask.append(timed([*tool, "--out", f"{tmp}/dask{i}", "--engine", "dask", "--workers", "2"]))
            manifest = json.loads((Path(tmp) / f"one{i}" / "manifest.json").read_text(encoding="utf-8"))
            out = subprocess.run([sys.executable, "-c", FLOOR, str(data), f"{tmp}/floor{i}"], check=True,
                                 capture_output=True, text=True)
            seconds, rss = out.stdout.split()
            floor.append((float(seconds), float(rss)))
    persons = manifest["accounting"]["members"]["accepted"]
    print(f"{args.households:,} households, {persons:,} persons, {manifest['decisions']['rows']:,} decisions, "
          f"{manifest['partitions']['count']} parts")
    a = show("screen, one process", one)
    b = show("screen, Dask LocalCluster (2 workers)", dask)
    c = show("pyarrow floor (read parts, write)", floor)
    print(f"Dask / one process: {b / a:.2f}×   one process / floor: {a / c:.1f}×")
    parts = manifest["partitions"]["count"]   # what the README's projection to 100 M persons starts from
    print(f"per part ({persons / parts:,.0f} persons): one process {a / parts:.2f} s; "
          f"Dask {b / parts:.2f} s of the run, {2 * b / parts:.2f} worker-seconds")


if __name__ == "__main__":
    main()
