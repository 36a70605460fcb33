"""A synthetic register as a partitioned dataset (`eligibility sample --partitioned`): `part-00001/`, …
each a register of `part_size` households, so that a register of 10 M persons is made and screened
on one machine in bounded memory.

Each part is generated alone, with a random stream of its own (seed × 100,003 + part number) and
an ID prefix of its own (LC0001…, LC0002…), so that:
- memory is a part's, never the register's;
- the same arguments give the same files, whatever the number of worker processes and whatever
  order the parts are finished in;
- IDs are unique across parts.

With `workers` > 1 the parts are made by that many processes (each part written by the process
that made it); the compiled rule pack is loaded once, before the processes start.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..rulebook.plan import Plan

PART_SEED = 100_003   # seed × PART_SEED + part number: far apart for nearby seeds


def write_partitioned_sample(out: Path, households: int, seed: int, part_size: int, fmt: str = "parquet",
                             partial_dates: float = 0.0, workers: int = 1, plan: Plan | None = None) -> int:
    """Write the parts under `out`; returns the number of parts."""
    from ..api import load_rules

    plan = plan or load_rules()
    count = (households + part_size - 1) // part_size
    jobs = [(out, i, min(part_size, households - i * part_size), seed, fmt, partial_dates) for i in range(count)]
    if workers <= 1 or count == 1:
        for job in jobs:  # one part at a time: the memory of one part
            _write_part(plan, *job)
        return count
    global _PLAN
    _PLAN = plan   # inherited by forked workers; others load the pack once each
    context = _fork_context()
    with ProcessPoolExecutor(max_workers=min(workers, count), mp_context=context) as pool:
        for _ in pool.map(_write_part_job, jobs):   # results in order; errors raised here
            pass
    return count


_PLAN: Plan | None = None


def _fork_context():
    import multiprocessing

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() \
        and os.name == "posix" else None


def _write_part_job(job: tuple) -> None:
    from ..api import load_rules

    _write_part(_PLAN or load_rules(), *job)


def _write_part(plan: Plan, out: Path, i: int, size: int, seed: int, fmt: str, partial_dates: float) -> None:
    """Part i (from 0): generated with its own stream, its IDs prefixed LC<i+1>, written as a register."""
    from ..register.writer import write_register
    from .generator import generate_register

    part = generate_register(size, seed=seed * PART_SEED + i, plan=plan, partial_dates=partial_dates,
                             id_prefix=f"LC{i + 1:04d}")
    write_register(part.households, part.members, out / f"part-{i + 1:05d}", fmt=fmt, schema=plan.inputs)
