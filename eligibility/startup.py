"""The command line's start-up without the garbage collector: importing pandas, pyarrow and the rule
plan makes some 100,000 objects that live as long as the process, and the collector's passes over them
while they are made are wasted work (about 0.1-0.2 of the 2 CPU-seconds of an `explain`, 3 Dec 2026).

In the command line's own process (`own_process`, from `cli.Group.main`), a command's start-up (its
imports and the plan, `start_up`) runs with the collector off; then what it made is frozen
(`gc.freeze`: later collections skip it) and the collector runs as before for the rest of the command.
Called as a library or from a test (click's runner), the collector is left alone."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_OWN_PROCESS = False


def own_process() -> None:
    """This process is the command line's own: its start-up may run without the collector, and every
    thread it starts shares one malloc arena (`engines.memory.one_heap`: set before any thread starts)."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    from .engines.memory import one_heap

    one_heap()


@contextmanager
def start_up() -> Iterator[None]:
    """The collector off while the block imports and loads what the command keeps to its end; then
    those objects frozen and the collector on again (also when the block raises)."""
    if not _OWN_PROCESS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
