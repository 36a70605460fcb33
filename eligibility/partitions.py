"""A register in partitions of whole households: bounded memory on one machine, Dask when one is not enough.

Households are independent of one another, so a register splits into parts that are screened apart:
* a **partitioned dataset** — a folder whose subfolders are registers (`commune=…/`, `part-00001/`, …:
  each with its households and members tables), as `eligibility sample --partitioned` writes it;
* **one large Parquet register**, cut into chunks of N whole households (`--partition-by chunk:N`,
  automatic above `AUTO_MEMBERS` members) or by commune (`--partition-by commune`): the households
  are read a row group at a time and the members routed to their household's part, so no table is
  ever held whole in memory.

Each part is read and checked by the ordinary reader (every check, reject and cell issue as usual;
row numbers and file names in the rejects are those of the original file), screened, and its
decisions written as one file of the output dataset `entitlements/`. Peak memory is a part's, not
the register's. The same function screens a part in this process or as a Dask task.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .errors import DataError, say
from .wording.catalogue import N_

if TYPE_CHECKING:   # imported where a Parquet register is cut: a CSV run loads no Parquet reader (nor ssl)
    import pyarrow.parquet as pq

AUTO_MEMBERS = 2_000_000      # above this many members a single Parquet register is cut into chunks
AUTO_CHUNK = 200_000          # households per chunk when cut automatically
TABLES = ("households", "members")


@dataclass(frozen=True)
class Part:
    """One partition: a register folder, and how its rows map back to the original files."""

    name: str
    path: Path
    origin: dict = field(default_factory=dict)   # table → (original file label, path of its row numbers .npy)


# ---------------------------------------------------------------- finding or making the parts
def partitioned_dataset(register: Path) -> list[Part] | None:
    """The parts of a partitioned dataset (subfolders that each hold a register), or None."""
    if not register.is_dir():
        return None
    parts = [Part(p.name, p) for p in sorted(register.iterdir()) if p.is_dir() and _is_register(p)]
    return parts or None


def _is_register(folder: Path) -> bool:
    names = {p.stem.lower() for p in folder.iterdir() if p.is_file()}
    return {"households", "members"} <= names


def parse_partition_by(value: str | None) -> tuple[str, int] | None:
    """`commune`, `chunk:N` or None."""
    if value is None or value == "auto":
        return None
    if value == "commune":
        return ("commune", 0)
    found = re.fullmatch(r"chunk:(\d+)", value)
    if found and int(found.group(1)) > 0:
        return ("chunk", int(found.group(1)))
    raise DataError(say(N_("--partition-by '{value}': expected 'commune' or 'chunk:N' (N households per part)"),
                        value=value))


def parquet_tables(register: Path, schema) -> dict[str, Path] | None:
    """The households and members Parquet files of a register folder, or None if it is not one."""
    if not register.is_dir():
        return None
    found = {}
    for name in TABLES:
        table = getattr(schema, name)
        names = {n.lower() for n in [name, *getattr(table, "file_names", [])]}
        files = [p for p in register.glob("*.parquet") if p.stem.lower() in names]
        if len(files) != 1:
            return None
        found[name] = files[0]
    return found


def needs_cutting(files: dict[str, Path]) -> bool:
    import pyarrow.parquet as pq

    return pq.ParquetFile(files["members"]).metadata.num_rows > AUTO_MEMBERS


def cut_parquet(files: dict[str, Path], schema, how: tuple[str, int], work: Path) -> list[Part]:
    """Cut a Parquet register into parts of whole households under `work` (streamed, bounded memory)."""
    import pyarrow.parquet as pq

    kind, size = how
    hh_file, mm_file = pq.ParquetFile(files["households"]), pq.ParquetFile(files["members"])
    hh_id = _id_column(hh_file, schema.households, files["households"])
    ids = hh_file.read(columns=[hh_id]).column(hh_id).combine_chunks().cast(pa.string())
    if kind == "commune":
        commune = _column_for(hh_file, schema.households, "commune", files["households"])
        places = hh_file.read(columns=[commune]).column(commune).combine_chunks().cast(pa.string())
        names, part_of_household = np.unique(np.asarray(places.fill_null("").to_pylist(), dtype=object).astype(str),
                                             return_inverse=True)
        labels = [f"commune={_safe(n) or '_blank'}" for n in names]
    else:
        part_of_household = np.arange(len(ids)) // size
        labels = [f"part-{i + 1:05d}" for i in range(int(part_of_household.max(initial=-1)) + 1)]
    parts = [Part(label, work / label, {}) for label in labels]
    _route(hh_file, files["households"], part_of_household, parts, "households")
    mm_id = _id_column(mm_file, schema.members, files["members"], key="household_id")
    _route_members(mm_file, files["members"], mm_id, ids, part_of_household, parts)
    return [p for p in parts if p.path.is_dir()]


def _safe(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("_")[:80]


def _id_column(file: pq.ParquetFile, table, path: Path, key: str = "household_id") -> str:
    return _column_for(file, table, key, path)


def _column_for(file: pq.ParquetFile, table, name: str, path: Path) -> str:
    """The file's header for a declared column (English name or any alias, as the reader matches)."""
    from .register.headers import header_key, header_lookup

    lookup = header_lookup(table)
    for header in file.schema_arrow.names:
        if lookup.get(header_key(header)) == name:
            return header
    raise DataError(say(N_("no column for '{name}' in the Parquet file (needed to cut it into parts)"), name=name),
                    file=str(path))


def _route(file: pq.ParquetFile, path: Path, part_of_row: np.ndarray, parts: list[Part], table: str) -> None:
    """Write each row of `file` to its part (one row group at a time), keeping its original row number."""
    writers: dict[int, pq.ParquetWriter] = {}
    rows: dict[int, list[np.ndarray]] = {}
    start = 0
    for group in range(file.num_row_groups):
        batch = file.read_row_group(group)
        which = part_of_row[start: start + batch.num_rows]
        _write_split(batch, which, start, writers, rows, parts, table)
        start += batch.num_rows
    _close(writers, rows, parts, table, path)


def _route_members(file: pq.ParquetFile, path: Path, id_column: str, household_ids: pa.Array,
                   part_of_household: np.ndarray, parts: list[Part]) -> None:
    """Members follow their household; a member whose household is absent goes to the first part,
    where the reader rejects it as an orphan (nothing is lost)."""
    writers: dict[int, pq.ParquetWriter] = {}
    rows: dict[int, list[np.ndarray]] = {}
    start = 0
    lookup = np.append(part_of_household, 0)
    for group in range(file.num_row_groups):
        batch = file.read_row_group(group)
        position = pc.index_in(batch.column(id_column).cast(pa.string()), value_set=household_ids)
        which = lookup[position.fill_null(len(household_ids)).to_numpy(zero_copy_only=False)]
        _write_split(batch, which, start, writers, rows, parts, "members")
        start += batch.num_rows
    _close(writers, rows, parts, "members", path)


def _write_split(batch: pa.Table, which: np.ndarray, start: int, writers: dict, rows: dict, parts: list[Part],
                 table: str) -> None:
    import pyarrow.parquet as pq

    order = np.argsort(which, kind="stable")
    bounds = np.flatnonzero(np.r_[True, which[order][1:] != which[order][:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:]):
        index = order[a:b]
        part = int(which[index[0]])
        if part not in writers:
            parts[part].path.mkdir(parents=True, exist_ok=True)
            # a working copy, read once by this run: uncompressed, no dictionary, no statistics (the
            # cut cost a 1 M-person run more than its parts' own overhead with the defaults)
            writers[part] = pq.ParquetWriter(parts[part].path / f"{table}.parquet", batch.schema,
                                             compression="none", use_dictionary=False, write_statistics=False)
            rows[part] = []
        writers[part].write_table(batch.take(pa.array(index)))
        rows[part].append(index + start + 1)


def _close(writers: dict, rows: dict, parts: list[Part], table: str, path: Path) -> None:
    for part, writer in writers.items():
        writer.close()
        numbers = parts[part].path / f".{table}.rows.npy"
        np.save(numbers, np.concatenate(rows[part]))
        parts[part].origin[table] = (path.name, str(numbers))   # named as the reader names it


# ---------------------------------------------------------------- the original rows of a part's rejects
def restore_origin(rejects: pd.DataFrame, part: Part) -> pd.DataFrame:
    """Rejects of a cut part name the original file and its row numbers, not the part's."""
    if not part.origin or rejects.empty:
        return rejects
    out = rejects.copy()
    for table, (label, numbers) in part.origin.items():
        mine = (out["table"] == table).to_numpy(dtype=bool)
        if mine.any():
            original = np.load(numbers)
            row = out.loc[mine, "row"].astype("Int64")
            known = row.notna().to_numpy()
            values = row.to_numpy(dtype=np.int64, na_value=0)
            restored = pd.array(original[np.clip(values - 1, 0, len(original) - 1)], dtype="Int64")
            restored[~known] = pd.NA
            out.loc[mine, "row"] = restored
            out.loc[mine, "file"] = label
    return out


def describe(parts: list[Part]) -> dict:
    return {"count": len(parts), "names": [p.name for p in parts[:50]] + (["…"] if len(parts) > 50 else [])}

