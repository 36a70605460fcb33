"""Screening the parts of a partitioned register, here or as Dask tasks, and putting the run together.

`screen_part` is the whole job for one part (read and check, evaluate, write its decisions to the
output dataset, count): it runs in this process, one part after another, or on the workers of a
`dask.distributed` cluster — a `LocalCluster` by default, any scheduler by address — with the
compiled rule pack shipped once to every worker. Only small results come back (counts per benefit,
the row accounting, the part's rejects); the decisions stay in the part's file.
"""
from __future__ import annotations

import datetime as dt
import functools
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .partitions import Part, restore_origin
from .wording.catalogue import N_


@dataclass
class PartResult:
    name: str
    benefits: pd.DataFrame       # summary.benefit_table of the part
    accounting: dict
    rejects: pd.DataFrame
    rows: int
    by_status: dict
    by_coverage: dict
    file: str | Future[str] | None   # the part's decisions file (None when only reports are asked; a
                                     # Future while a writer thread is still writing it)
    cell_issues: pd.DataFrame | None = None   # cells not understood (unknown), origin rows restored
    gaps: object = None              # reports.tables.GapPart, for `gaps`
    targets: dict | None = None      # reports.targets.target_counts, for `targets`


# What a part's screening is for: its decisions written as a file of the output dataset, and/or the
# part's share of a gap report or of the targets (reduced where the part is screened, so that only
# sums and list rows travel back from a worker).
ENTITLEMENTS, GAPS, TARGETS = "entitlements", "gaps", "targets"


def screen_part(part: Part, plan, as_of: dt.date, out: Path, fmt: str = "parquet", lang: str = "en",
                include_all: bool = False, engine: str = "vectorised", collect: tuple[str, ...] = (ENTITLEMENTS,),
                redact_key: bytes | None = None, writer: ThreadPoolExecutor | None = None,
                register: Future | None = None) -> PartResult:
    """Read, check and screen one part; write its decisions as `out/entitlements/<part>.<fmt>` (on the
    `writer` thread when given) and/or reduce them to the part's share of the gap report (lists
    redacted here when `redact_key`) and of the targets. `register`: the part already being read."""
    from .api import evaluate_frames

    register = register.result() if register is not None else read_part(part, plan, as_of)
    result = evaluate_frames(plan, register.households, register.members, as_of, engine=engine,
                             include_all=include_all, lang=lang)
    decisions = result.decisions
    members = result.evaluation.members if result.evaluation is not None else register.members
    file: str | Future[str] | None = None
    if ENTITLEMENTS in collect:
        write = functools.partial(_write_decisions, decisions, out, part, fmt, lang, plan)
        file = writer.submit(write) if writer is not None else write()
    return part_result(part, register, decisions, file=file,
                       gaps=_gap_part(decisions, members, lang, redact_key) if GAPS in collect else None,
                       targets=_target_counts(plan, result, register) if TARGETS in collect else None)


def read_part(part: Part, plan, as_of: dt.date):
    """The part's register, read and checked."""
    from .engines.memory import reuse_freed_buffers
    from .register import read_register

    reuse_freed_buffers()
    return read_register(part.path, plan.inputs, as_of)


def part_result(part: Part, register, decisions: pd.DataFrame, **reduced) -> PartResult:
    """What comes back of a part's screening: its counts, row accounting and problems (original rows)."""
    from .summary import benefit_table

    return PartResult(part.name, benefit_table(decisions), register.accounting,
                      restore_origin(register.rejects, part), len(decisions), _counts(decisions["status"]),
                      _counts(decisions["coverage"]), cell_issues=restore_origin(register.cell_issues, part),
                      **{"file": None, **reduced})


def _write_decisions(decisions: pd.DataFrame, out: Path, part: Part, fmt: str, lang: str, plan=None) -> str:
    from .outputs import localise

    folder = Path(out) / "entitlements"
    folder.mkdir(parents=True, exist_ok=True)
    return _write_part(localise(decisions, lang, plan), folder / part.name, fmt).relative_to(out).as_posix()


def _gap_part(decisions: pd.DataFrame, members: pd.DataFrame, lang: str, redact_key: bytes | None):
    from dataclasses import replace

    from .reports.report import redact_tables
    from .reports.tables import gap_part

    reduced = gap_part(decisions, members, lang)
    if redact_key is None:
        return reduced
    return replace(reduced, lists=redact_tables(reduced.lists, redact_key, members))


def _target_counts(plan, result, register) -> dict:
    from .engines.vectorised import evaluate
    from .reports.targets import target_counts

    ev = result.evaluation
    if ev is None:        # another engine screened: the targets read the vectorised evaluation
        ev = evaluate(plan, register.households, register.members, result.as_of)
    return target_counts(plan, ev)


def _write_part(frame: pd.DataFrame, stem: Path, fmt: str) -> Path:
    """One file of the output dataset. Parquet parts share one schema (dictionary indexes int32, empty
    columns typed as text), so that the folder reads as one dataset whatever each part holds."""
    from .outputs import dictionary_columns, write_table

    if fmt != "parquet":
        return write_table(frame, stem, fmt)
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for f in table.schema:
        kind = f.type
        if pa.types.is_dictionary(kind):
            value = pa.string() if pa.types.is_null(kind.value_type) else kind.value_type
            kind = pa.dictionary(pa.int32(), value)
        elif pa.types.is_null(kind):
            kind = pa.string()
        fields.append(pa.field(f.name, kind))
    path = stem.with_suffix(".parquet")
    # encoded as the whole run's file is (outputs.write_table): a dictionary for the few-valued labels
    # only, no statistics on them; ids and names plain (a dictionary over them doubled the part's writing)
    coded = dictionary_columns(frame)
    pq.write_table(table.cast(pa.schema(fields)), path, use_dictionary=coded,
                   write_statistics=[name for name in frame.columns if name not in coded])
    return path


def _counts(column: pd.Series) -> dict[str, int]:
    counts = column.value_counts(dropna=False)
    return {str(k): int(v) for k, v in counts.items() if v}


def screen_parts(parts: list[Part], plan, as_of: dt.date, out: Path, fmt: str, lang: str, include_all: bool,
                 engine: str = "vectorised", scheduler: str | None = None, workers: int = 2,
                 tick=None, collect: tuple[str, ...] = (ENTITLEMENTS,),
                 redact_key: bytes | None = None) -> list[PartResult]:
    """Every part, in order: here one after another, or as Dask tasks (`engine='dask'`)."""
    if engine == "dask":
        return _on_dask(parts, plan, as_of, out, fmt, lang, include_all, scheduler, workers, collect, redact_key)
    import gc
    results: list[PartResult] = []
    # While a part is screened, the next one is read and the one before written (pyarrow does both
    # without the GIL), so the two cores work at once. At most one part waits at each end: memory stays
    # about three parts', whatever the register.
    with ThreadPoolExecutor(1, thread_name_prefix="write-part") as writer, \
            ThreadPoolExecutor(1, thread_name_prefix="read-part") as reader:
        ahead = reader.submit(read_part, parts[0], plan, as_of) if parts else None
        for i, part in enumerate(parts):
            current = ahead
            ahead = reader.submit(read_part, parts[i + 1], plan, as_of) if i + 1 < len(parts) else None
            result = screen_part(part, plan, as_of, out, fmt, lang, include_all, engine, collect, redact_key,
                                 writer, current)
            if results:
                _written(results[-1])
            results.append(result)
            gc.collect()      # one part's frames are gone before the next is read: memory stays bounded
            if tick:
                tick(part.name)
        if results:
            _written(results[-1])
    return results


def _written(result: PartResult) -> None:
    """Wait for the part's file to be written (an error in writing it is raised here)."""
    if isinstance(result.file, Future):
        result.file = result.file.result()


def _on_dask(parts, plan, as_of, out, fmt, lang, include_all, scheduler, workers, collect,
             redact_key) -> list[PartResult]:
    return on_dask(screen_part, parts, {"plan": plan}, scheduler, workers, as_of=as_of, out=Path(out), fmt=fmt,
                   lang=lang, include_all=include_all, collect=collect, redact_key=redact_key)


def on_dask(job, parts, shipped: dict, scheduler: str | None, workers: int, **arguments) -> list:
    """`job(part, **shipped, **arguments)` for every part as tasks on a Dask cluster (a local one unless
    `scheduler`); the `shipped` objects (compiled packs) are sent once to every worker."""
    try:
        from dask.distributed import Client, LocalCluster, progress
    except ImportError as err:   # pragma: no cover - dask is a dependency
        from .errors import DataError, say
        raise DataError(say(N_("--engine dask needs dask.distributed ({reason})"), reason=err)) from None
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            # hash=False: a content key would be dask's tokenize() walking the whole compiled pack,
            # about 8 CPU-s in this process for a pack that is sent once anyway
            sent = {name: client.scatter(value, broadcast=True, hash=False) for name, value in shipped.items()}
            futures = client.map(job, parts, **sent, **arguments, pure=False)
            if sys.stderr.isatty():
                progress(futures)
            return client.gather(futures)
    finally:
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- the run as a whole
def combine_benefits(results: list[PartResult]) -> pd.DataFrame:
    """The summary table of the whole register: counts added, amounts added (unknown stays unknown)."""
    tables = [r.benefits for r in results if len(r.benefits)]
    if not tables:
        return results[0].benefits if results else pd.DataFrame()
    both = pd.concat(tables)
    counts = both.drop(columns=["amount", "unit"]).groupby(level=0, sort=True).sum()
    amount = both["amount"].groupby(level=0, sort=True).sum(min_count=1)
    unit = both["unit"].groupby(level=0, sort=True).first()
    return counts.assign(amount=amount, unit=unit)


def combine_accounting(results: list[PartResult]) -> dict:
    out: dict = {}
    for r in results:
        for table, entry in r.accounting.items():
            mine = out.setdefault(table, {})
            for key, value in entry.items():
                if isinstance(value, (int, np.integer)):
                    mine[key] = mine.get(key, 0) + int(value)
    return out


def combine_counts(results: list[PartResult], attr: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in results:
        for key, value in getattr(r, attr).items():
            out[key] = out.get(key, 0) + value
    return dict(sorted(out.items()))


def combine_rejects(results: list[PartResult]) -> pd.DataFrame:
    from .register.model import empty_rejects

    frames = [r.rejects for r in results if len(r.rejects)]
    return pd.concat(frames, ignore_index=True) if frames else empty_rejects()


def run_manifest(results: list[PartResult], plan, as_of: dt.date, register: Path, engine: str,
                 parts: list[Part]) -> dict:
    """The run's manifest, as `outputs.manifest` writes it for one register, summed over the parts."""
    from ._version import __version__
    from .outfolder import file_sha256
    from .partitions import describe

    return {
        "tool": "eligibility", "version": __version__,
        "rule_pack": {"folder": plan.folder.name, "sha256": plan.digest},
        "as_of": as_of.isoformat(), "engine": engine,
        "inputs": {str(p): file_sha256(p) for p in register_files(register)},
        "accounting": combine_accounting(results),
        "decisions": {"rows": sum(r.rows for r in results), "by_status": combine_counts(results, "by_status"),
                      "by_coverage": combine_counts(results, "by_coverage")},
        "partitions": {**describe(parts), "files": [r.file for r in results if r.file is not None]},
        "audit": {"read": False, "reason": "a register read in parts is not audited against its programme lists",
                  "unread_files": unread_lists(register, plan.inputs)},
        "unverified_values_in_force": sorted(
            f"{name}={value.value} ({value.confidence}, {value.reference.cite()})"
            for name, p in plan.parameters.items() if (value := p.at(as_of)) is not None and not value.verified),
    }


def unread_lists(register: Path, schema) -> list[str]:
    """Programme lists and merit records beside a register read in parts (the register's folder or
    its parts' folders): a partitioned run does not audit them yet, and says so."""
    from .register.sources import table_files

    folders = [register, *(p for p in sorted(register.iterdir()) if p.is_dir())] if register.is_dir() else []
    found = [f for folder in folders for table in schema.audit_tables().values() for f in table_files(folder, table)]
    return sorted({str(f.relative_to(register)) for f in found})


def register_files(register: Path) -> list[Path]:
    """The files a partitioned register is made of (for the manifest's input hashes)."""
    if register.is_file():
        return [register]
    return sorted(p for p in register.rglob("*") if p.is_file() and not p.name.startswith("."))


def find_parts(register: Path, schema, partition_by: str | None, engine: str, work: Path) -> list[Part] | None:
    """The parts to screen, or None to screen the register whole: a partitioned dataset as it is; a
    Parquet register cut when asked (`--partition-by`), when large, or when Dask is to spread it."""
    from .errors import DataError, say
    from .partitions import AUTO_CHUNK, cut_parquet, needs_cutting, parquet_tables, parse_partition_by, \
        partitioned_dataset

    how = parse_partition_by(partition_by)
    parts = partitioned_dataset(register)
    if parts is not None:
        return parts
    files = parquet_tables(register, schema)
    if files is not None:  # damaged, nested or duplicated columns: one line before the cutter reads a footer
        from .register.limits import check_parquet

        for path in files.values():
            check_parquet([path], path.name, whole=False)
    if files is None:
        if how is not None:
            raise DataError(say(N_("--partition-by needs a Parquet register (households.parquet and members.parquet) "
                                   "or a partitioned dataset (a folder of register folders)")), file=str(register))
        return None
    if how is None and (engine == "dask" or needs_cutting(files)):
        how = ("chunk", AUTO_CHUNK)
    return cut_parquet(files, schema, how, work) if how is not None else None


def screen_partitioned(register: Path, parts: list[Part], plan, as_of: dt.date, folder, fmt: str, lang: str,
                       include_all: bool, engine: str, scheduler: str | None, workers: int, tick=None):
    """Screen every part into `folder` (a Staging): the entitlements dataset, rejects and the manifest.
    Returns (benefit table, row accounting) for the end-of-run summary."""
    from .outputs import localise, write_table

    inner = "vectorised" if engine == "dask" else engine
    results = screen_parts(parts, plan, as_of, folder.path, fmt, lang, include_all,
                           "dask" if engine == "dask" else inner, scheduler, workers, tick)
    write_table(localise(combine_rejects(results), lang), folder.path / "rejects", fmt)
    issues = [r.cell_issues for r in results if r.cell_issues is not None and len(r.cell_issues)]
    if issues:
        write_table(localise(pd.concat(issues, ignore_index=True), lang), folder.path / "cell_issues", fmt)
    folder.manifest(run_manifest(results, plan, as_of, register, engine, parts))
    return combine_benefits(results), combine_accounting(results)
