"""Keep freed column buffers in the process for reuse (glibc only), and let Arrow share them.

The vectorised engine makes many short-lived arrays of a few megabytes. By default glibc hands
each one to the kernel with mmap and back with munmap, so every new array pays its page faults
again: on a 1,000,000-person register that was 40 % of the evaluation time. Raising the mmap and
trim thresholds lets freed buffers be reused.

Touching fresh memory is the dearest thing a screening does on a virtual machine (measured here:
1 GB of never-used pages costs 1.5 s, the same gigabyte reused 0.12 s). Arrow (which reads the
register and builds the id columns) allocates from its own pool by default, so the buffers the
reader frees never serve numpy, and the other way round. Pointing Arrow at the system allocator
makes it one heap: the decisions table was 1.5 s with Arrow's mimalloc pool and 0.9-1.2 s with it.
Nothing but speed changes; where glibc is absent the first part is a no-op.

One heap for every thread, too: glibc gives each thread that allocates its own arena, and what the
engine's threads (and Arrow's readers) free stays in theirs, where the main thread cannot reuse it.
With a single arena the 1 M-person screen's peak fell from 1.45 to 1.20 GB (cut pack) at the same
CPU time: the engine's allocations are few and large, so the shared lock is not contended. (Set
before the process starts, MALLOC_ARENA_MAX=1 gives 1.15 GB: the threads numpy starts at import
have their arenas by the time this runs.) The command line's own process sets it before any thread
starts (`one_heap`, from `startup.own_process`): the 1 M-person full pack's peak fell by 60-110 MB,
measured alternated (the Parquet writer's and pyarrow's conversion threads then reuse what the main
thread freed, instead of touching fresh pages in arenas of their own).

Giving back (`give_back`) once a screening has released what nothing reads again (`Evaluation.release`
before the decisions table is assembled, the register's input columns before the outputs are written):
the freed arrays lie between live ones, in holes the table's 3 M-row columns and the writer's row groups
do not fit, so the heap grew past them (the 1 M-person full pack's peak, 1.05-1.11 GB, was reached
after the release). glibc's malloc_trim hands every whole free page back to the kernel; what is
allocated next touches fresh pages, and the peak is the pieces' phase, before the release.
"""
from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX = -1, -3, -8


def one_heap() -> bool:
    """One malloc arena for every thread this process starts (glibc; elsewhere a no-op). Only the
    command line's own process calls it, first thing: a library's host keeps its own allocator."""
    mallopt = _mallopt()
    return mallopt is not None and bool(mallopt(M_ARENA_MAX, 1))


def give_back() -> bool:
    """Every whole free page of the heap back to the kernel (glibc's malloc_trim; elsewhere a no-op)."""
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return False
    return bool(trim(0))


def _mallopt() -> Callable[[int, int], int] | None:
    """glibc's mallopt, from the symbols the process already has (no library search: `--help` too)."""
    try:
        mallopt: Callable[[int, int], int] = ctypes.CDLL(None).mallopt
        return mallopt
    except (OSError, AttributeError, TypeError):
        return None


@functools.cache
def reuse_freed_buffers() -> bool:
    _arrow_on_the_system_heap()
    mallopt = _mallopt()
    if mallopt is None:
        return False
    return (bool(mallopt(M_MMAP_THRESHOLD, 256 << 20)) and bool(mallopt(M_TRIM_THRESHOLD, 512 << 20))
            and bool(mallopt(M_ARENA_MAX, 1)))


def _arrow_on_the_system_heap() -> None:
    import pyarrow as pa
    pa.set_memory_pool(pa.system_memory_pool())
