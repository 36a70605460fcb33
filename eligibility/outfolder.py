"""Output folders that are whole or absent: every command that writes a folder writes it here.

A run writes into a hidden staging folder beside `--out` (`.NAME.partial-XXXX`), writes
`manifest.json` last (every file with its SHA-256), and only then swaps the finished folder into
place in one `renameat2(RENAME_EXCHANGE)` (or two renames where the kernel lacks it). So an
interrupted run leaves the earlier complete set (or nothing), never a partial file under a final
name, and files of an earlier run that the new run does not write disappear with the old folder.

Exclusive: a lock on the hidden file `.NAME.lock` beside `--out` (flock, released by the kernel
when the process dies) refuses a second concurrent run into the same folder.

Safe: the folder replaced must be empty or hold an earlier run's set (its manifest lists every
file in it); anything else is refused unless `force=True` (the CLI's `--force`), so `--out ~`
or `--out` pointing at a register never deletes a user's files.
"""
from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import DataError
from .messages import message

MANIFEST = "manifest.json"
TOOL = "eligibility"
_RENAME_EXCHANGE = 2  # linux/fs.h


def _deaf_to_signals() -> None:
    """The writer thread never takes SIGINT/SIGTERM for the process: a signal held while the folder
    is swapped into place (`_signals_held`, the main thread's mask) must not arrive through it."""
    with suppress(AttributeError, ValueError, OSError):  # no POSIX signal masks here
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


@dataclass
class Staging:
    """The folder a run writes into; `final` is where it will be once complete."""

    path: Path
    final: Path
    run: dict | None = None
    extra_files: dict = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)    # the manifest's `outputs`, hashed when complete
    writing: list[Future] = field(default_factory=list)
    writer: ThreadPoolExecutor | None = field(default=None, repr=False)   # the folder's own: a forked child has none

    def manifest(self, data: dict, outputs: dict[str, Path] | None = None) -> None:
        """The run's manifest (tool, rules, inputs, counts...); `files` is added when the set is complete,
        and `outputs` ({name: file}, each with its hash) once every file is written (`beside`)."""
        self.run = dict(data)
        self.outputs = dict(outputs or {})

    def beside(self, write: Callable[[], object]) -> None:
        """Run `write` in a thread beside what the run does next (Parquet's writer releases the GIL:
        the entitlements are written while the summary and the other tables are made). The folder
        is finished only after it is done, and its error is raised then (`finish`)."""
        if self.writer is None:   # one thread, the machine's second core
            self.writer = ThreadPoolExecutor(1, thread_name_prefix="eligibility-writer", initializer=_deaf_to_signals)
        self.writing.append(self.writer.submit(write))

    def finish(self) -> None:
        """Wait for every write started `beside` the run; raise the first one's error."""
        wait(self.writing)
        writing, self.writing = self.writing, []
        for future in writing:
            future.result()

    def abandon(self) -> None:
        """Wait for the writes started `beside` the run, their errors dropped (when the run failed,
        its own error is the one said), and end the writer thread: the staging folder is removed
        only once nothing writes into it."""
        wait(self.writing)
        self.writing = []
        if self.writer is not None:
            self.writer.shutdown()
            self.writer = None

    def complete_run(self, hashed: Callable[[Path], str] | None = None) -> dict:
        """The run's manifest with its outputs' hashes (every file written)."""
        hashed = hashed or file_sha256
        run = dict(self.run or {"tool": TOOL})
        if self.outputs:
            run["outputs"] = {name: f"{path.name} sha256:{hashed(path)}" for name, path in self.outputs.items()}
        return run

    def final_paths(self, written: dict[str, Path]) -> dict[str, Path]:
        """Where the files written into staging will be once the folder is in place."""
        return {name: self.final / Path(path).relative_to(self.path) for name, path in written.items()}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_out_path(out: str | Path) -> Path:
    """`--out ''` would write into the current folder: refused, as is the root or the current folder."""
    if out is None or str(out).strip() == "":
        raise DataError(message("out_empty"))
    path = Path(out).expanduser()
    resolved = path.resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.cwd().resolve() or resolved in Path.cwd().resolve().parents:
        raise DataError(message("out_is_cwd", path=out))
    return resolved


@contextmanager
def output_folder(out: str | Path, force: bool = False, inputs: tuple = ()) -> Iterator[Staging]:
    """Yield a Staging to write into; on normal exit the complete set replaces `out`."""
    final = check_out_path(out)
    _refuse_inputs(final, inputs)
    if final.exists() and not final.is_dir():
        raise DataError(message("out_is_file", path=final))
    for part in final.parents:  # mkdir would say only 'File exists'
        if part.exists():
            if not part.is_dir():
                raise DataError(message("out_under_file", path=final, part=part))
            break
    final.parent.mkdir(parents=True, exist_ok=True)
    with _lock(final):
        _refuse_foreign(final, force)
        _remove_leftovers(final)
        staging = Staging(Path(tempfile.mkdtemp(prefix=f".{final.name}.partial-", dir=final.parent)), final)
        os.chmod(staging.path, 0o777 & ~_umask())  # mkdtemp's 0700 would hide the outputs from colleagues
        try:
            yield staging
            staging.finish()
            # each file hashed once for both of the manifest's lists: nothing is written between them
            hashed = cache(file_sha256)
            write_manifest(staging.path, staging.complete_run(hashed), hashed)
            with _signals_held():  # the swap and the clean-up finish before a Ctrl-C or SIGTERM acts
                _swap_into_place(staging.path, final)
        finally:
            with _signals_held():
                staging.abandon()    # a file still being written beside the run is finished before its folder goes
                shutil.rmtree(staging.path, ignore_errors=True)


def write_manifest(folder: Path, run: dict, hashed: Callable[[Path], str] | None = None) -> Path:
    """manifest.json: the run's facts plus every file of the folder with its hash (written last).
    `hashed`: a file's hash (`file_sha256`, or its cache over the outputs already hashed)."""
    hashed = hashed or file_sha256
    files = {p.relative_to(folder).as_posix(): "sha256:" + hashed(p)
             for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}
    doc = {**run, "files": files}
    doc.setdefault("tool", TOOL)
    path = folder / MANIFEST
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def verify_folder(folder: str | Path) -> list[str]:
    """What disagrees between a folder and its manifest (empty list: the folder is whole).
    A folder that is not one, or has no readable manifest, raises DataError."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(message("verify_not_folder", path=folder))
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("files")
    except FileNotFoundError:
        raise DataError(message("verify_no_manifest", path=folder)) from None
    except (ValueError, AttributeError):
        raise DataError(message("verify_bad_manifest", path=folder / MANIFEST)) from None
    if not isinstance(listed, dict):
        raise DataError(message("verify_bad_manifest", path=folder / MANIFEST))
    problems = []
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST}
    for name in sorted(set(listed) - present):
        problems.append(message("verify_missing", name=name))
    for name in sorted(present - set(listed)):
        problems.append(message("verify_unlisted", name=name))
    for name in sorted(present & set(listed)):
        if str(listed[name]).removeprefix("sha256:") != file_sha256(folder / name):
            problems.append(message("verify_changed", name=name))
    return problems


# ---------------------------------------------------------------------------------------------


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (pending) until the block is done, then act as usual."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # no POSIX signal masks here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def staged(out, force: bool = False, inputs: tuple = ()) -> Iterator[Staging]:
    """`out` itself when it is already a Staging (the CLI opens the folder before a long screening,
    so that a locked or foreign folder is refused at once), else a new `output_folder(out)`."""
    if isinstance(out, Staging):
        yield out
    else:
        with output_folder(out, force=force, inputs=inputs) as folder:
            yield folder


@contextmanager
def _lock(final: Path) -> Iterator[None]:
    """An exclusive, non-blocking flock on `.NAME.lock` beside the folder. The lock file stays
    (deleting it would let a third run lock a new file while the second still holds the old one)."""
    path = final.parent / f".{final.name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            _try_lock(fd)
        except OSError as err:
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
                raise DataError(message("out_locked", path=final)) from None
            raise
        yield
    finally:
        os.close(fd)


def _try_lock(fd: int) -> None:
    """flock where there is one (Linux, macOS); on Windows (communes' laptops) msvcrt's byte lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _refuse_inputs(final: Path, inputs: tuple) -> None:
    """Writing over (or around) the register being read would delete it."""
    for given in inputs:
        source = Path(given).resolve()
        if source == final or final in source.parents:
            raise DataError(message("out_overlaps_input", path=final, source=given))


def _refuse_foreign(final: Path, force: bool) -> None:
    """Replace only an empty folder or an earlier run's set; anything else needs --force."""
    if force or not final.exists() or not any(final.iterdir()):
        return
    manifest = final / MANIFEST
    try:
        doc = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        doc = None
    if not isinstance(doc, dict) or doc.get("tool") != TOOL:
        raise DataError(message("out_foreign", path=final))
    listed = set(doc.get("files") or {}) | {MANIFEST}
    listed |= {str(v).split(" sha256:")[0] for v in (doc.get("outputs") or {}).values()}  # manifests before 'files'
    present = {p.relative_to(final).as_posix() for p in final.rglob("*") if p.is_file()}
    strangers = sorted(present - listed)
    if strangers:
        raise DataError(message("out_strangers", path=final, names=", ".join(strangers[:3]),
                                more=len(strangers) - 3 if len(strangers) > 3 else 0))


def _remove_leftovers(final: Path) -> None:
    """Staging folders of runs that were killed outright (SIGKILL, power cut); we hold the lock,
    so no live run is writing them."""
    for stale in final.parent.glob(f".{final.name}.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in final.parent.glob(f".{final.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _swap_into_place(staging: Path, final: Path) -> None:
    """Put the finished folder at `final`; the earlier one (if any) ends in `staging` and is removed."""
    if not final.exists():
        os.rename(staging, final)
        staging.mkdir()  # so the caller's cleanup has something to remove
        return
    if _exchange(staging, final):
        return
    # no atomic exchange (not Linux, or an old kernel/file system): two renames; an interruption
    # between them leaves no folder at `final` (never a mixed one) and the old set in `.NAME.old-*`
    old = final.parent / f".{final.name}.old-{os.getpid()}"
    os.rename(final, old)
    os.rename(staging, final)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
