"""A Parquet register's two tables read on threads while the command is still starting.

`screen` knows the register's folder before it has imported pandas, the engines and the writers and
loaded the rule plan (over half a second of a million-person run, on one core). pyarrow reads and
decodes a Parquet file without holding the interpreter, so the files of households and members are
read meanwhile, each on a thread of its own, and the reader picks them up when it gets to them
(`take`): the same `pq.read_table` call as `stored.read_parquet_table`, on the same file.

Only what is surely the register's is read early: `households.parquet` and `members.parquet` (or
dataset folders so named), the names every rule pack gives the two tables, within the size limits
(`limits.check_parquet`); a register the run would cut into parts is never read whole. Anything
else the reader reads as before. A read that fails here is forgotten, not reported: the reader
reads that file again the usual way, and says why it cannot, in the same words as always. What is
not taken is let go when the read is over (`close`).

This module imports only the standard library and `limits` until its threads run: it is imported
before pandas is.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

EARLY_NAMES = ("households", "members")   # file names every pack gives the two tables (sources._candidates)
_SUFFIXES = (".parquet", ".pq")


class EarlyRead:
    """The Parquet tables of one register folder, being read on threads."""

    def __init__(self, paths: list[Path]):
        self._tables: dict[Path, object] = {}
        self._threads = {path.resolve(): threading.Thread(target=self._read, args=(path.resolve(),),
                                                          name=f"early read {path.name}") for path in paths}
        for thread in self._threads.values():
            thread.start()

    @classmethod
    def start(cls, register: str | Path) -> EarlyRead | None:
        """Start reading the register's two Parquet tables, or None when it has none to read early."""
        folder = Path(register)
        try:
            paths = _early_files(folder) if folder.is_dir() else []
        except OSError:
            return None   # the reader says what is wrong with the folder
        return cls(paths) if paths else None

    def _read(self, path: Path) -> None:
        try:
            import pyarrow.parquet as pq

            from .limits import check_parquet

            parts = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
            check_parquet(parts, path.name)   # never a register too large to read whole
            self._tables[path] = pq.read_table(str(path), use_pandas_metadata=True)
        except Exception:  # noqa: BLE001 - the reader reads this file again and says why it cannot
            return

    def take(self, path: Path):
        """The table read from `path` (a pyarrow Table), once; None when it was not read early or its
        read failed (the caller reads it the usual way)."""
        key = path.resolve()
        thread = self._threads.pop(key, None)
        if thread is None:
            return None
        thread.join()
        return self._tables.pop(key, None)

    def close(self) -> None:
        """Let go of the tables not taken (their threads finished first)."""
        for thread in list(self._threads.values()):
            thread.join()
        self._threads.clear()
        self._tables.clear()


def _early_files(folder: Path) -> list[Path]:
    """The folder's Parquet files (or dataset folders) named as the households and members tables."""
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or _key(path.stem if path.is_file() else path.name) not in EARLY_NAMES:
            continue
        if path.is_file() and path.suffix.lower() in _SUFFIXES or path.is_dir() and any(path.glob("*.parquet")):
            found.append(path)
    return found


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", name.lower())
