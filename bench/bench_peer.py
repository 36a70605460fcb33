"""Benchmark: `eligibility screen` beside OpenFisca computing six variables of the same pack (issue 20).

Runs, in alternation and each in a fresh process, N times (`--runs`, default 3):
  * eligibility  `python -m eligibility screen REGISTER --as-of D --format parquet --out ...` (full pack,
                 explanations and unknowns on), and the same with the pack cut to the compared policies
                 (`cut_pack`: poverty standard, monthly allowance, single-parent allowance - the HI share
                 depends on it -, social pension, HI state support; the plan-767 targets left out);
  * openfisca    `bench/peers/openfisca/run.py` on the register converted once beforehand (the conversion is
                 timed once and printed, not counted in the runs);
  * floor        pyarrow alone reading the register's Parquet and writing it out again.
Prints min / median / max wall seconds, the peak resident memory and the median CPU seconds of each
(os.wait4), then checks person by person that the two tools agree where this project's engine decides
(eligible or not eligible; an "undetermined" decision is left out and counted), with examples of
disagreements. Wall-clock figures on a shared machine are noisy: compare the tools within one run, not
across runs, and the CPU seconds before the wall clock.

    python bench/bench_peer.py --households 20000 --runs 3
    python bench/bench_peer.py --register /tmp/r230k --runs 5

Needs openfisca-core (the bench-only extra: `pip install -e .[peer]`).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT / "bench" / "peers" / "openfisca"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ELIGIBLE, NOT_ELIGIBLE = "đủ điều kiện", "không đủ điều kiện"
FLOOR = ("import sys, pyarrow.parquet as pq, pathlib\n"
         "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.parquet')):\n"
         "    pq.write_table(pq.read_table(f), pathlib.Path(sys.argv[2]) / f.name)\n")


def generated(households: int, seed: int, folder: Path) -> Path:
    out = folder / f"generated-{households}-{seed}"
    if not out.exists():
        subprocess.run([sys.executable, "-m", "eligibility", "sample", "--households", str(households), "--seed",
                        str(seed), "--out", str(out)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=ENV)
    return out


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (GB) and CPU seconds (user + system) of one fresh process. On a shared
    machine the CPU seconds hold better than the wall clock: other jobs lengthen the latter only."""
    t0 = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024 / 1024, usage.ru_utime + usage.ru_stime


CUT_AWAY = ["policies/credit", "policies/education", "policies/emergency_relief", "policies/housing",
            "policies/meritorious", "policies/voluntary_si", "policies/social_assistance/care_support.yaml",
            "policies/poverty/newly_escaped.yaml", "targets", "conftest.py"]


def cut_pack(work: Path) -> Path:
    """The bundled pack with only the policies the OpenFisca package computes (and what they depend on)."""
    pack = work / "cut-pack"
    shutil.rmtree(pack, ignore_errors=True)
    shutil.copytree(ROOT / "rules", pack)
    for rel in CUT_AWAY:
        target = pack / rel
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    return pack


def commands(register: Path, converted: Path, as_of: str, work: Path) -> dict[str, list[str]]:
    (work / "floor").mkdir(exist_ok=True)
    screen = [sys.executable, "-m", "eligibility", "screen", str(register), "--as-of", as_of, "--format", "parquet"]
    return {
        "eligibility, full pack": [*screen, "--out", str(work / "screen"), "--force"],
        "eligibility, cut pack": [*screen, "--rules", str(cut_pack(work)), "--out", str(work / "screen-cut"),
                                  "--force"],
        "openfisca (6 variables)": [sys.executable, str(PEER / "run.py"), str(converted), "--out",
                                    str(work / "openfisca.parquet")],
        "pyarrow floor": [sys.executable, "-c", FLOOR, str(register), str(work / "floor")],
    }


def agreement(screen: Path, openfisca: Path, persons: Path) -> None:
    """Person by person, where this project's engine decides."""
    ours = pd.read_parquet(screen / "entitlements.parquet",
                           columns=["Mã hộ", "Mã người", "Mã chính sách", "Kết quả", "Mức hưởng", "Mã quy định"])
    ours = ours.astype(dict.fromkeys(["Mã hộ", "Mã người", "Mã chính sách", "Kết quả", "Mã quy định"], "string"))
    theirs = pd.read_parquet(openfisca).set_index("person_id")
    members = pd.read_parquet(persons, columns=["person_id", "missing_input"]).set_index("person_id")
    print("\nagreement where eligibility decides (person by person):")
    for benefit, variable in [("monthly_social_allowance", "monthly_social_allowance"),
                              ("social_pension", "social_pension"), ("hi_state_support", "hi_state_share")]:
        rows = ours[ours["Mã chính sách"] == benefit].set_index("Mã người")
        decided = rows[rows["Kết quả"].isin([ELIGIBLE, NOT_ELIGIBLE])]
        amount = decided["Mức hưởng"].where(decided["Kết quả"] == ELIGIBLE, 0.0).fillna(0.0)
        peer = theirs.loc[decided.index, variable]
        _report(benefit, len(rows), decided, amount.astype("float64").round(4) == peer.astype("float64").round(4), amount, peer, members)
    # poverty status: the poverty_list benefit's rule says poor / near-poor; not eligible = average or none
    rows = ours[ours["Mã chính sách"] == "poverty_list"].set_index("Mã hộ")
    decided = rows[rows["Kết quả"].isin([ELIGIBLE, NOT_ELIGIBLE])]
    status = decided["Mã quy định"].map({"pl_poor_2022": "poor", "pl_near_poor_2022": "near_poor"}).fillna("other")
    status = status.where(decided["Kết quả"] == ELIGIBLE, "other")
    peer_household = _household_of(persons, theirs)
    peer = peer_household.reindex(decided.index).replace({"average": "other", "none": "other"})
    _report("poverty_status_by_standard (households)", len(rows), decided, status == peer, status, peer, None)


def _household_of(persons: Path, theirs: pd.DataFrame) -> pd.Series:
    ids = pd.read_parquet(persons, columns=["person_id", "household_index"])
    households = pd.read_parquet(persons.parent / "households.parquet", columns=["household_id"])["household_id"]
    first = ids.drop_duplicates("household_index")
    status = theirs.loc[first["person_id"], "poverty_status_by_standard"].to_numpy()
    return pd.Series(status, index=households.to_numpy()[first["household_index"].to_numpy()])


def _report(name, total, decided, same, ours, peer, members) -> None:
    n = len(decided)
    agree = int(same.sum())
    print(f"  {name}: {total:,} rows, {n:,} decided ({total - n:,} undetermined left out); "
          f"agree {agree:,} = {100 * agree / max(n, 1):.3f} %")
    differ = decided.index[~same.to_numpy()]
    if members is not None and len(differ):
        filled = int(members.loc[differ, "missing_input"].sum())
        print(f"      {filled:,} of the {len(differ):,} disagreements are persons with an input missing in the register "
              "(OpenFisca reads it as its default; eligibility keeps it unknown)")
    for key in differ[:3]:
        extra = f", missing input filled by default: {bool(members.loc[key, 'missing_input'])}" \
            if members is not None else ""
        print(f"      e.g. {key}: eligibility {ours.loc[key]} ({decided.loc[key, 'Mã quy định']}), "
              f"openfisca {peer.loc[key]}{extra}")


def spread(values: list[float]) -> str:
    return f"{min(values):6.2f} {statistics.median(values):6.2f} {max(values):6.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--register", type=Path, help="a register folder (Parquet) instead of a generated one")
    parser.add_argument("--as-of", default="2025-11-15")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bench_peer")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    register = args.register or generated(args.households, args.seed, args.work)
    converted = args.work / f"openfisca-input-{register.name}"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(PEER / "convert.py"), str(register), "--as-of", args.as_of, "--out",
                    str(converted)], check=True, cwd=ROOT, env=ENV)
    print(f"converted {register} for OpenFisca in {time.perf_counter() - t0:.1f} s (not counted below)")
    runs = commands(register, converted, args.as_of, args.work)
    walls: dict[str, list[float]] = {k: [] for k in runs}
    peaks: dict[str, list[float]] = {k: [] for k in runs}
    cpus: dict[str, list[float]] = {k: [] for k in runs}
    load = os.getloadavg()[0]
    for _ in range(args.runs):
        for name, command in runs.items():  # in alternation, so that load drifts hit all three alike
            wall, peak, cpu = timed(command)
            walls[name].append(wall)
            peaks[name].append(peak)
            cpus[name].append(cpu)
    base = statistics.median(walls["openfisca (6 variables)"])
    base_cpu = statistics.median(cpus["openfisca (6 variables)"])
    print(f"\n{register.name}, as of {args.as_of}, {args.runs} runs each, fresh processes, "
          f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    print(f"  {'':26} {'min':>6} {'median':>6} {'max':>6} s   peak RSS GB   median / openfisca   "
          f"CPU-s median / openfisca")
    for name in runs:
        print(f"  {name:26} {spread(walls[name])}     {max(peaks[name]):5.2f}         "
              f"{statistics.median(walls[name]) / base:4.2f} x           "
              f"{statistics.median(cpus[name]):6.2f}  {statistics.median(cpus[name]) / base_cpu:4.2f} x")
    check = args.work / "screen-all"
    subprocess.run([sys.executable, "-m", "eligibility", "screen", str(register), "--as-of", args.as_of, "--all",
                    "--format", "parquet", "--out", str(check), "--force"],
                   check=True, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL)
    agreement(check, args.work / "openfisca.parquet", converted / "persons.parquet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
