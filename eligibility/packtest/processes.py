"""`eligibility test` on more than one core: the as-of dates shared out between forked processes.

Nearly all of `eligibility test` is one screening per as-of date (about 140 for the bundled pack), and
the dates are independent of one another. After the pack is compiled and every case queued, the
process forks: each child screens and checks its share of the dates and sends back only its
failures (as JSON), while the parent does the first share itself. Nothing is skipped: a child that
fails or dies has its share done again in the parent, where an error shows as it would alone.
Where `fork` is missing (Windows) or one process is asked for, everything runs here.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict

from .scenarios import Failure

Found = dict[str, list[Failure]]                 # failures by kind: example, scenario
Work = Callable[[list[tuple]], Found]


def default_processes() -> int:
    """Two where the process may use two cores or more: the shares are few and even."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:      # not on Linux
        cores = os.cpu_count() or 1
    return min(2, cores)


def shared_out(work: Work, keys: list[tuple], processes: int) -> Found:
    """`work(share)` for every share of `keys`, in `processes` processes; the failures of all."""
    if processes < 2 or len(keys) < 2 or not hasattr(os, "fork"):
        return work(keys)
    shares = [s for s in (keys[i::processes] for i in range(processes)) if s]   # dates interleaved: even shares
    children = [_fork(work, share) for share in shares[1:]]
    found = work(shares[0])
    for pid, read, share in children:
        theirs = _collect(pid, read)
        for kind, failures in (work(share) if theirs is None else theirs).items():
            found.setdefault(kind, []).extend(failures)
    return found


def _fork(work: Work, share: list[tuple]) -> tuple[int, int, list[tuple]]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                 # the child: its share, its failures down the pipe, and out
        os.close(read)
        code = 0
        try:
            text = json.dumps({kind: [asdict(f) for f in failures] for kind, failures in work(share).items()})
        except BaseException:    # the parent does this share again and reports the error itself
            text, code = "null", 1
        with os.fdopen(write, "w", encoding="utf-8") as pipe:
            pipe.write(text)
        os._exit(code)           # no atexit handlers, no flushing of the parent's buffers
    os.close(write)
    return pid, read, share


def _collect(pid: int, read: int) -> Found | None:
    """A child's failures, or None when it failed or died (its share is then done here)."""
    with os.fdopen(read, "r", encoding="utf-8") as pipe:
        text = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        rows = json.loads(text) if status == 0 else None
    except ValueError:
        rows = None
    return None if rows is None else {kind: [Failure(**row) for row in found] for kind, found in rows.items()}
