"""Benchmark: screening with the audit of the programme lists against the same register without them,
in the same run (the issue's bound: ≤ 1.5 × the screen without lists).

The register is `eligibility sample --lists` (the Decree 20 allowance and social-pension payrolls,
with their planted errors); "without" is the same households and members with no list file. Each
command runs as a user runs it, in its own process, alternating; min–median–max seconds and peak RSS.

    python bench/bench_audit.py                        # 230,000 households, ~1,000,000 persons
    python bench/bench_audit.py --households 20000 --runs 1
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
AS_OF = "2025-11-15"
sys.path.insert(0, str(HERE))

from bench_diff import timed  # noqa: E402 - the same timing harness


def registers(households: int) -> tuple[Path, Path]:
    """(with lists, without): the same generated households and members."""
    with_lists = DATA / f"hh{households}-lists"
    without = DATA / f"hh{households}-lists-without"
    if not with_lists.exists():
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households), "--seed", "767",
                        "--out", str(with_lists), "--format", "parquet", "--lists"], check=True, capture_output=True)
    if not without.exists():
        without.mkdir(parents=True)
        for name in ("households.parquet", "members.parquet"):
            shutil.copy(with_lists / name, without / name)
    return with_lists, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=230_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with_lists, without = registers(args.households)
    tool = [sys.executable, "-m", "eligibility", "screen", "--as-of", AS_OF, "--format", "parquet", "--no-questions"]
    plain, audited = [], []
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        for i in range(args.runs):
            plain.append(timed([*tool, str(without), "--out", f"{tmp}/p{i}"]))
            audited.append(timed([*tool, str(with_lists), "--out", f"{tmp}/a{i}"]))
        manifest = json.loads((Path(tmp) / "a0" / "manifest.json").read_text(encoding="utf-8"))
    accounting = manifest["accounting"]
    entries = accounting.get("programme_lists", {}).get("accepted", 0)
    for name, values in (("screen, no lists", plain), ("screen with the audit", audited)):
        seconds = [s for s, _ in values]
        print(f"{name:22s} {min(seconds):6.2f} – {statistics.median(seconds):6.2f} – {max(seconds):6.2f} s   "
              f"peak {max(r for _, r in values) / 1024:.2f} GB")
    ratio = statistics.median(s for s, _ in audited) / statistics.median(s for s, _ in plain)
    print(f"audit / plain (medians): {ratio:.2f}×  ({accounting['members']['accepted']:,} persons, "
          f"{entries:,} list entries, {args.runs} runs)")


if __name__ == "__main__":
    main()
