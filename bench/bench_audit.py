"""Benchmark: screening with the audit of the programme lists against the same register without them,
in the same run (the issue's bound: 1 M persons plus 300,000 list entries, ≤ 1.5 × the screen without lists).

The register is `eligibility sample --lists` (the Decree 20 allowance and social-pension payrolls,
with their planted errors, about 80,000 entries for 1 M persons), topped up here to `--entries` with a
health-insurance card list (`hi_state_support`) of people the register holds: 95 % with their person
ID, 4 % with name, birth year and commune only (matched by name), 1 % naming nobody (ghosts). The
sample writes no card list, so the bench makes one (deterministic, seed 767). "Without" is the same
households and members with no list file. Each command runs as a user runs it, in its own process,
alternating; wall seconds (inflated when the machine is shared), CPU seconds (user + sys of the
process and its children: the figure to compare on a loaded machine) and peak RSS.

    python bench/bench_audit.py                        # 230,000 households, ~1,000,000 persons, 300,000 entries
    python bench/bench_audit.py --households 20000 --entries 26000 --runs 1
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
AS_OF = "2025-11-15"
CARD_LIST = "hi_state_support"
SHARES = {"no_id": 0.04, "ghost": 0.01}   # of the card entries; the rest carry a person ID


def registers(data: Path, households: int, entries: int) -> tuple[Path, Path]:
    """(with lists, without): the same generated households and members."""
    sample = data / f"hh{households}-lists"
    with_lists = data / f"hh{households}-lists-{entries}"
    without = data / f"hh{households}-lists-without"
    if not sample.exists():
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households), "--seed", "767",
                        "--out", str(sample), "--format", "parquet", "--lists"], check=True, capture_output=True)
    for folder in (with_lists, without):
        if not folder.exists():
            folder.mkdir(parents=True)
            for name in ("households.parquet", "members.parquet"):
                shutil.copy(sample / name, folder / name)
    lists = with_lists / "programme_lists.parquet"
    if not lists.exists():
        payrolls = pd.read_parquet(sample / "programme_lists.parquet")
        cards = card_list(pd.read_parquet(sample / "members.parquet"), pd.read_parquet(sample / "households.parquet"),
                          max(entries - len(payrolls), 0))
        pd.concat([payrolls, cards], ignore_index=True).to_parquet(lists, index=False)
    return with_lists, without


def card_list(members: pd.DataFrame, households: pd.DataFrame, n: int) -> pd.DataFrame:
    """`n` health-insurance card entries: holders of a state-paid card by the register's flags, drawn
    at random (each once), some without ID, some ghosts (a register name with a changed given name,
    in a real commune). Eligible people the list leaves out are gaps: the audit's worst case."""
    rng = np.random.default_rng([767, 13, 5])
    holders = np.flatnonzero((members["hi_card"] & members["hi_state_paid"]).fillna(False).to_numpy(dtype=bool))
    people = members.iloc[np.sort(rng.choice(holders, size=min(n, len(holders)), replace=False))]
    commune = people["household_id"].map(households.set_index("household_id")["commune"])
    out = pd.DataFrame({
        "programme": CARD_LIST, "person_id": people["person_id"].to_numpy(),
        "household_id": people["household_id"].to_numpy(), "full_name": people["full_name"].to_numpy(),
        "birth_year": people["date_of_birth"].dt.year.astype("Int64").to_numpy(), "commune": commune.to_numpy(),
    }).astype({"programme": "string", "person_id": "string", "household_id": "string", "full_name": "string",
               "commune": "string"})
    draw = rng.random(len(out))
    no_id = draw < SHARES["no_id"] + SHARES["ghost"]
    out.loc[no_id, ["person_id", "household_id"]] = pd.NA
    ghost = draw < SHARES["ghost"]
    out.loc[ghost, "full_name"] = out.loc[ghost, "full_name"] + " Xồng"
    return out


CPU = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t0, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
"""


def timed(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB) of one command in its own process."""
    out = subprocess.run([sys.executable, "-c", CPU, *command], check=True, capture_output=True, text=True)
    wall, cpu, rss = out.stdout.split()
    return float(wall), float(cpu), float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=230_000)
    parser.add_argument("--entries", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / "_data", help="where the generated registers are kept")
    args = parser.parse_args()
    with_lists, without = registers(args.data, args.households, args.entries)
    tool = [sys.executable, "-m", "eligibility", "screen", "--as-of", AS_OF, "--format", "parquet", "--no-questions"]
    plain, audited = [], []
    started, load = time.time(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(dir=args.data) as tmp:
        for i in range(args.runs):
            plain.append(timed([*tool, str(without), "--out", f"{tmp}/p{i}"]))
            audited.append(timed([*tool, str(with_lists), "--out", f"{tmp}/a{i}"]))
        manifest = json.loads((Path(tmp) / "a0" / "manifest.json").read_text(encoding="utf-8"))
    accounting = manifest["accounting"]
    entries = accounting.get("programme_lists", {}).get("accepted", 0)
    for name, values in (("screen, no lists", plain), ("screen with the audit", audited)):
        wall, cpu = [v[0] for v in values], [v[1] for v in values]
        print(f"{name:22s} wall {min(wall):6.1f} – {statistics.median(wall):6.1f} – {max(wall):6.1f} s   "
              f"CPU {min(cpu):6.1f} – {statistics.median(cpu):6.1f} – {max(cpu):6.1f} s   "
              f"peak {max(v[2] for v in values) / 1024:.2f} GB")
    ratio = {k: statistics.median(v[k] for v in audited) / statistics.median(v[k] for v in plain) for k in (0, 1)}
    print(f"audit / plain (medians): CPU {ratio[1]:.2f}×, wall {ratio[0]:.2f}×  "
          f"({accounting['members']['accepted']:,} persons, {entries:,} list entries, {args.runs} runs, "
          f"load average {load:.1f} at the start; "
          f"{time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
