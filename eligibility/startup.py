"""The command line's start-up without the garbage collector: importing pandas, pyarrow and the rule
plan makes some 100,000 objects that live as long as the process, and the collector's passes over them
while they are made are wasted work (about 0.1-0.2 of the 2 CPU-seconds of an `explain`, 3 Dec 2026).

In the command line's own process (`own_process`, from `cli.Group.main`), a command's start-up (its
imports and the plan, `start_up`) runs with the collector off; then what it made is frozen
(`gc.freeze`: later collections skip it) and the collector runs as before for the rest of the command.
Called as a library or from a test (click's runner), the collector is left alone.

Also the process's end: `leave` after a command that succeeded, and SIGTERM made an exception while a
command runs (`stop_on_sigterm`), so that its output folder is cleaned up as on Ctrl-C."""
from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
import threading
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


def leave() -> None:
    """End the command line's own process once its command succeeded, without the interpreter's
    teardown: freeing every module's and every table's objects one by one took ~0.1 CPU-s after a
    1 M-person screening, all of it after the output was complete (the kernel frees the memory at
    once). What an exit owes is done first: the atexit handlers (temporary folders, a Dask cluster)
    run and the standard streams are flushed. Nothing is skipped where something is left to wait
    for (a thread still running) or to say (a stream that cannot be flushed): the usual exit does it."""
    if not _OWN_PROCESS or any(thread.is_alive() and not thread.daemon and thread is not threading.main_thread()
                               for thread in threading.enumerate()):
        return
    streams = [stream for stream in (sys.stdout, sys.stderr) if stream is not None]   # none under pythonw
    try:
        for stream in streams:
            stream.flush()
        atexit._run_exitfuncs()
        for stream in streams:
            stream.flush()
    except (OSError, ValueError):   # a closed pipe (`| head`), a closed stream: said by the usual exit
        return
    os._exit(0)


class Terminated(BaseException):
    """SIGTERM, raised where Python is so that output folders are cleaned up (see `outfolder`)."""


def stop_on_sigterm():
    """SIGTERM raises `Terminated` for the command's length; returns the handler it replaced."""
    def handler(signum, frame):
        raise Terminated()
    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding application): leave its handler alone
        return None


def restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)
