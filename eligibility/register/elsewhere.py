"""`explain` reads one household's rows; `screen` reads the whole members table and rejects every row of
a person ID that appears twice (R-DUPLICATE-ID). So that `explain` says what `screen` says, the household's
members' IDs are looked up in the whole table here, as cheaply as the file allows (Parquet: one column in
Arrow's kernels; CSV: a byte count over the bytes already read, and only an ID found more than once is read
again)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..rulebook.inputs import InputSchema
from .checks import duplicates
from .csvread import household_lines, re2_literal
from . import sources   # looked up when called: a test counts its reads


def ids_elsewhere(path: str | Path, inputs: InputSchema, members: pd.DataFrame, headers: dict[str, str],
                   household_id: str) -> list[dict]:
    """The household's members whose person ID is also on another row of the members table: `screen`
    rejects every row of a duplicated ID (R-DUPLICATE-ID), but `explain` reads the household's own
    rows only, where the ID is single. The ID column of the whole table is read to find them (Parquet:
    that column and the household's alone; CSV: only where the ID's bytes appear more than once in the
    file), and each is rejected here as `screen` rejects it, so that the explanation is screen's and says so."""
    named = members[members["person_id"].notna()]
    header = headers.get("person_id")
    if named.empty or header is None:
        return []
    location = sources.locate(path, inputs)["members"]
    own = dict(zip(named["_row"].astype(int), named["person_id"].astype(str)))
    seen, in_file = _key_rows(location, inputs.members, (header, headers.get("household_id"), household_id),
                              sorted(set(own.values())), sorted(own))
    twice = {pid for pid, rows in seen.items() if set(rows) - {in_file[r] for r, p in own.items() if p == pid}}
    if not twice:
        return []
    keys = [(pid, row) for pid in sorted(twice)
            for row in sorted(set(seen[pid]) | {in_file[r] for r, p in own.items() if p == pid})]
    problem = duplicates(pd.Series([k for k, _ in keys]), np.array([r for _, r in keys]), inputs.members,
                         "person_id")
    reasons = {} if problem is None else {keys[i][1]: str(r) for i, r in zip(problem.positions, problem.reasons)}
    return [{"person_id": pid, "row": in_file[row], "file": location.label, "read_row": row,
             "reason": f"column 'person_id': {reasons[in_file[row]]}", "codes": [["person_id", "R-DUPLICATE-ID"]]}
            for row, pid in sorted(own.items()) if pid in twice and in_file[row] in reasons]


def _key_rows(location, table, columns: tuple, ids: list[str], own: list[int]) -> tuple[dict, dict]:
    """The rows (as the file numbers them) of the members table on which each of `ids` is the person ID;
    and the household's own rows as read (`own`) numbered as in the file. `columns`: the person ID's and
    the household ID's headers in the file, and the household's ID."""
    header, home, household = columns
    if location.kind == "parquet":   # two columns; a household's rows were numbered among its own as read
        return _parquet_key_rows(location.path, header, home, household, ids, own)
    if location.kind == "csv":   # a cheap first look: an ID whose bytes are in the file once is on one row
        data = _where_ids_can_be(location.path, household, ids)
        ids = [] if _each_once(data, ids) else [i for i in ids if data.count(i.encode("utf-8")) != 1]
        raws = [sources.read_raw(location, table, ([header], i)) for i in ids]
    else:
        raws = [sources.read_raw(location, table)] if ids else []
    found: dict[str, list[int]] = {}
    for raw in raws:
        if header not in raw.frame.columns:
            continue
        cells = raw.frame[header].astype(str).str.strip()
        for pid in ids:
            found.setdefault(pid, []).extend(int(r) for r in raw.rows[(cells == pid).to_numpy(dtype=bool)])
    return {pid: sorted(set(rows)) for pid, rows in found.items()}, {r: r for r in own}


def _where_ids_can_be(path: Path, household: str, ids: list[str]) -> bytes:
    """The bytes to count the IDs in: where every ID holds the household's ID (LC100001-01 holds LC100001),
    a line holding one holds the household's ID too, so all of them are among the household's lines the
    reader picked out (a few hundred bytes, and the same counts as in the file); else the whole file."""
    key = household.strip().encode("utf-8")
    if key and all(key in i.encode("utf-8") for i in ids):
        lines = household_lines(path, household)
        if lines is not None:
            return lines
    return file_bytes(path)


def file_bytes(path: Path) -> bytes:
    """The whole members file, read once for the one look (a name of its own: tests count the reads)."""
    return path.read_bytes()


def _each_once(data: bytes, ids: list[str]) -> bool:
    """Whether each of `ids` appears once in the file, in one pass for them all: RE2 (through Arrow)
    scans for an alternation of literals with one automaton, where `bytes.count` would read the file
    once per ID (0.1 CPU-s each on 150 MB). Every ID is on its own row, so as many matches as IDs
    means none is anywhere else; any other count is settled ID by ID (csvread.re2_literal: each ID's
    exact bytes)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    patterns = [re2_literal(i.encode("utf-8")) for i in ids]
    if any(p is None for p in patterns):   # an ID outside ASCII: counted ID by ID
        return False
    pattern = "|".join(p for p in patterns if p is not None)
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, pa.array([0, len(data)], pa.int64()).buffers()[1],
                                                        pa.py_buffer(data)])   # the bytes, not a copy
    return pc.count_substring_regex(whole, pattern=pattern)[0].as_py() == len(ids)


def _parquet_key_rows(path: Path, header: str, home: str | None, household: str, ids: list[str],
                      own: list[int]) -> tuple[dict, dict]:
    """`_key_rows` for Parquet, in Arrow's compute kernels: the person-ID column is compared with the
    household's few IDs without making 900,000 Python strings (0.05 CPU-s, not 0.5), and only in the row
    groups whose statistics allow one of them (`_id_cells`). Every ID is on one of the household's own
    rows, so an ID found once is there alone: only when one is found more than once is the household-ID
    column read, to number the household's rows as the file does."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    cells, rows = _id_cells(path, header, ids)
    at = np.flatnonzero(pc.is_in(cells, value_set=pa.array(ids, pa.string())).to_numpy(zero_copy_only=False))
    found: dict[str, list[int]] = {pid: [] for pid in ids}
    for pid, row in zip(cells.take(pa.array(at)).to_pylist(), rows[at].tolist()):   # the few rows found
        found[pid].append(row)
    if all(len(rows) == 1 for rows in found.values()):   # each on its own row alone: the common case, done
        return {pid: [] for pid in ids}, {r: r for r in own}
    homes = pq.read_table(path, columns=[home]) if home else None   # where the household's own rows are
    mine = (np.flatnonzero(pc.fill_null(pc.equal(_trimmed(homes, home), household), False)
                           .to_numpy(zero_copy_only=False)) + 1 if homes is not None and home else np.array(own))
    return found, dict(zip(own, (int(r) for r in mine)))


def _trimmed(table, name: str):
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.utf8_trim_whitespace(table.column(name).cast(pa.string()))


def _id_cells(path: Path, header: str, ids: list[str]) -> tuple:
    """The person-ID cells, trimmed, that can be one of `ids`, and the row of each in the file (from 1):
    of a single file, only the row groups whose statistics allow such a cell (`may_hold`; the generated
    register's members are 14 groups, so a 13th of the column is decoded); of a folder of files, all."""
    import pyarrow.parquet as pq

    if path.is_dir():
        cells = _trimmed(pq.read_table(path, columns=[header]), header)
        return cells, np.arange(1, len(cells) + 1)
    file = pq.ParquetFile(path)
    meta = file.metadata
    leaf = next((j for j in range(meta.num_columns) if meta.schema.column(j).path == header), None)
    groups, starts, start = [], [], 0
    for i in range(meta.num_row_groups):
        group = meta.row_group(i)
        if leaf is None or may_hold(group.column(leaf).statistics, ids):
            groups.append(i)
            starts.append(start)
        start += group.num_rows
    rows = [np.arange(s, s + meta.row_group(g).num_rows) + 1 for g, s in zip(groups, starts)]
    cells = _trimmed(file.read_row_groups(groups, columns=[header], use_threads=False), header)
    return cells, np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)


def may_hold(statistics, ids: list[str]) -> bool:
    """Whether a row group whose person-ID column has these statistics can hold a cell that is one of
    `ids` once trimmed. Without text bounds, yes. A cell with whitespace before the ID begins with a
    character at or below ' ' or outside ASCII (the other whitespace Arrow trims): the bounds then reach
    below '!' or above '\\x7f'. Any other such cell begins with the ID: it lies between the bounds only
    if the upper one is at or above the ID and the lower one at or below it, or begins with it."""
    if statistics is None or not statistics.has_min_max:
        return True
    low, high = statistics.min, statistics.max
    if not isinstance(low, str) or not isinstance(high, str) or low < "!" or high > "\x7f":
        return True
    return any(high >= pid and (low <= pid or low.startswith(pid)) for pid in ids)
