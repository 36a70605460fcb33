"""Reading a CSV table: encoding and separator sniffed, every cell as text; pyarrow's reader on the
fast path, pandas' where a file needs it, Python's csv reader where the header is not on line 1
(title rows, a two-row header, column numbers: commune files, small)."""
from __future__ import annotations

import csv
import mmap
import os
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..errors import DataError, say
from ..wording.catalogue import N_
from ..rulebook.inputs import Table
from . import limits
from .headers import header_key
from .layout import SCAN_ROWS, Layout, find_layout
from .sources import Location, RawTable, _apply_layout, _check_header, _drop_blank_rows


def _sniff(path: Path) -> tuple[str, str]:
    """(encoding, separator) from the first bytes: UTF-16 when the file starts with its BOM
    (Excel's 'Unicode text'), else UTF-8 with or without BOM; the separator most used on line 1."""
    with open(path, "rb") as handle:
        head = handle.read(65536)
    encoding = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        first = head.decode(encoding, errors="ignore").splitlines()[0] if head else ""
    except IndexError:
        first = ""
    counts = {sep: first.count(sep) for sep in (",", ";", "\t", "|")}
    sep = max(counts, key=lambda s: counts[s]) if any(counts.values()) else ","
    return encoding, sep


def _header_names(path: Path, encoding: str, sep: str) -> list[str] | None:
    with open(path, encoding=encoding, newline="") as handle:
        try:
            return next(csv.reader(handle, delimiter=sep))
        except (StopIteration, csv.Error, UnicodeDecodeError):
            return None


def _read_csv_arrow(path: Path, encoding: str, sep: str,
                    keep: tuple[list[str], str] | None = None) -> tuple[pd.DataFrame, np.ndarray | None] | None:
    """Every cell as text through pyarrow's CSV reader (several times faster than pandas' on big
    registers), and the positions of the rows kept (`keep`: one household's rows, chosen in arrow
    before the costly conversion to pandas; None: all). None when the file needs pandas' reader
    (ragged rows, repeated headers, ...)."""
    names = _header_names(path, encoding, sep)
    if not names or len(set(names)) != len(names):
        return None  # pandas' reader names blank and repeated headers
    wanted = {header_key(h) for h in keep[0]} if keep is not None else set()
    column = next((n for n in names if header_key(n) in wanted), None)
    lines = _lines_once(path, encoding, keep[1]) if keep is not None and column is not None else None
    table = _parse_arrow(pa.BufferReader(lines[0]) if lines is not None else path, encoding, sep, names)
    if table is None and lines is not None:   # a household's own row is ragged: pandas' reader says where
        return None
    if table is None or table.column_names != names:
        return None
    positions = None
    if keep is not None and column is not None:
        mask = pc.equal(pc.utf8_trim_whitespace(table[column]), keep[1])
        positions = np.flatnonzero(mask.to_numpy(zero_copy_only=False))
        table = table.take(positions)
        if lines is not None:   # positions in the file, not among the lines picked out
            positions = lines[1][positions] - 2
    return table.to_pandas(), positions


def _parse_arrow(source, encoding: str, sep: str, names: list[str]) -> pa.Table | None:
    try:
        return pacsv.read_csv(
            source,
            read_options=pacsv.ReadOptions(encoding="utf8" if encoding == "utf-8-sig" else encoding),
            parse_options=pacsv.ParseOptions(delimiter=sep, ignore_empty_lines=False, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError, UnicodeDecodeError):
        return None


def household_lines(path: Path, household: str) -> bytes | None:
    """The header and every line of the file holding the household's ID, as `_lines_naming` picked them
    out when the household was read (None where a line is not a row): a person ID that holds the
    household's ID (LC100001-01) can be on no other line, so `elsewhere` counts it in these."""
    lines = _lines_once(path, _sniff(path)[0], household)
    return None if lines is None else lines[0]


def _lines_once(path: Path, encoding: str, household: str) -> tuple[bytes, np.ndarray] | None:
    stat = path.stat()
    return _lines_kept(path, encoding, household, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=2)
def _lines_kept(path: Path, encoding: str, household: str, size: int, modified: int) -> tuple[bytes, np.ndarray] | None:
    """`_lines_naming` once per file, household and version of the file (its size and time) in a process."""
    return _lines_naming(path, encoding, household)


def _lines_naming(path: Path, encoding: str, household: str) -> tuple[bytes, np.ndarray] | None:
    """`explain` on a large register: the header line and every line in which the household's id
    appears (in any cell; the key column is compared after parsing), with their line numbers, found
    by a byte search, so that pyarrow parses a few lines instead of the whole file (members of
    200,000 households: 0.4 CPU-s instead of 2-2.5). Only where a line is a row: UTF-8 with no
    quote at all (a quoted cell may hold a line break) and no lone carriage return; else None and
    the whole file is parsed. The file is mapped, not read: its bytes are searched where they lie
    in the page cache (a copy of 150 MB costs about 0.1 CPU-s)."""
    key = household.strip().encode("utf-8")
    if encoding != "utf-8-sig" or not key or b"\n" in key:
        return None
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:   # mmap refuses an empty file; no header, no rows
            return None
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    # not closed by hand: the numpy views on it end with the calls below, and the map with them
    return _lines_in(data, key)


def _lines_in(data: mmap.mmap, key: bytes) -> tuple[bytes, np.ndarray] | None:
    """`_lines_naming` on the file's bytes. The whole file is checked for a quote and a lone carriage
    return (either could make a line other than a row, before the household's lines as well as in them),
    each in one memchr pass."""
    header_end = data.find(b"\n")
    if header_end < 0 or data.find(b'"') >= 0 or (data.find(b"\r") >= 0 and _lone_carriage_return(data)):
        return None
    spans, end = [], header_end
    for low, high in _where_key_can_be(data, key):
        at = data.find(key, max(low, end), high)
        while at >= 0:   # a line once, however often the key is on it
            start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
            end = len(data) if end < 0 else end
            spans.append((start, end))
            at = data.find(key, end, high)
    numbers, line, previous = np.zeros(len(spans), dtype=np.int64), 1, 0
    for i, (start, _) in enumerate(spans):   # line numbers counted on from the previous line found
        line += _newlines(data, previous, start)
        numbers[i], previous = line, start
    picked = b"\n".join(data[start:end] for start, end in spans)
    return data[:header_end + 1] + picked + (b"\n" if spans else b""), numbers


_STRETCH = 1 << 22   # bytes compared at a time: numpy's temporary stays 4 MB whatever the file's size


def _where_key_can_be(data: mmap.mmap, key: bytes) -> list[tuple[int, int]]:
    """Byte ranges, in order and apart, holding every occurrence of the key: the stretches of the file in
    which RE2 (through Arrow, on the mapped bytes) counts one, and a few bytes across each stretch's
    end. RE2 scans for a literal 2-4 times faster than bytes.find (150 MB: 0.04 CPU-s, not 0.11-0.15),
    and find then looks in those stretches alone. A key with a byte outside ASCII is looked for in the
    whole file: its pattern would mean one thing in RE2's UTF-8 mode and another in Latin-1."""
    size = len(data)
    pattern = re2_literal(key)
    if pattern is None:
        return [(0, size)]
    edges = np.append(np.arange(0, size, _STRETCH, dtype=np.int64), size)
    stretches = pa.Array.from_buffers(pa.large_binary(), len(edges) - 1,
                                      [None, pa.py_buffer(edges), pa.py_buffer(data)])   # the bytes, not a copy
    counts = pc.count_substring_regex(stretches, pattern=pattern).to_numpy(zero_copy_only=False)
    ranges = [(int(edges[i]), int(edges[i + 1])) for i in np.flatnonzero(counts)]
    ranges += [(int(e) - len(key) + 1, int(e) + len(key) - 1) for e in edges[1:-1]
               if data.find(key, int(e) - len(key) + 1, int(e) + len(key) - 1) >= 0]   # across an end
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def re2_literal(key: bytes) -> str | None:
    """The key as an RE2 pattern matching exactly its bytes (every byte that is not a letter or digit
    written as \\x{hh}: no metacharacter); None for a key with a byte outside ASCII, whose pattern would
    mean one thing in RE2's UTF-8 mode and another in Latin-1."""
    if not key.isascii():
        return None
    return "".join(chr(b) if chr(b).isalnum() else f"\\x{{{b:02x}}}" for b in key)


def _newlines(data: mmap.mmap, start: int, end: int) -> int:
    """The line breaks in data[start:end], compared in numpy (vectorised: 2.5 times faster than
    bytes.count, which mmap lacks anyway)."""
    found = 0
    for at in range(start, end, _STRETCH):
        stretch = np.frombuffer(data, dtype=np.uint8, count=min(end, at + _STRETCH) - at, offset=at)
        found += int(np.count_nonzero(stretch == 10))
    return found


def _lone_carriage_return(data: mmap.mmap) -> bool:
    """Whether a carriage return is followed by anything but a line break (Windows' line ends, CRLF, are
    rows as LF's are): a file that has any is looked at stretch by stretch in numpy."""
    size = len(data)
    for at in range(0, size, _STRETCH):
        stretch = np.frombuffer(data, dtype=np.uint8, count=min(size, at + _STRETCH + 1) - at, offset=at)
        returns = np.flatnonzero(stretch[:_STRETCH] == 13)   # the byte after the stretch is looked at too
        if len(returns) and (returns[-1] + 1 >= len(stretch) or (stretch[returns + 1] != 10).any()):
            return True
    return False


def _first_long_row(path: Path, encoding: str, sep: str) -> tuple[int, int, int]:
    """(row, cells, header cells) of the first row with more cells than the header (error path only)."""
    with open(path, encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=sep)
        width = len(next(reader))
        for number, row in enumerate(reader, start=2):
            if len(row) > width:
                return number, len(row), width
    return 0, 0, width


def _short_rows(path: Path, encoding: str, sep: str) -> np.ndarray:
    """Rows with fewer cells than the header (pandas fills them with empty cells without a word).
    A pass of Python's csv reader, on the fallback path only: pyarrow's reader, the fast path,
    refuses such files, so a register that reaches here is already an unusual one."""
    with open(path, encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=sep)
        width = len(next(reader, []))
        short = [number for number, row in enumerate(reader, start=2) if 0 < len(row) < width]
    return np.asarray(short, dtype=np.int64)


def _peek(path: Path, encoding: str, sep: str) -> pd.DataFrame:
    """The first lines of a CSV file as a grid of text cells (to find its header)."""
    with open(path, encoding=encoding, newline="") as handle:
        try:
            lines = [row for _, row in zip(range(SCAN_ROWS), csv.reader(handle, delimiter=sep))]
        except (csv.Error, UnicodeDecodeError):
            return pd.DataFrame()
    width = max((len(r) for r in lines), default=0)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in lines])


def _read_csv_laid_out(location: Location, encoding: str, sep: str, layout: Layout) -> RawTable:
    """A CSV file whose header is not simply its first line (title rows, two-row header, column
    numbers): read by Python's csv reader. Commune files of this shape are small; the registers
    exported by software take the fast path."""
    try:
        with open(location.path, encoding=encoding, newline="") as handle:
            lines = list(csv.reader(handle, delimiter=sep))
    except UnicodeDecodeError as err:
        raise DataError(say(NOT_UTF8, byte=err.start),
                        file=location.label) from None
    limits.check_length(len(lines), location.label)
    width = max(len(r) for r in lines)
    limits.check_width(width, location.label)
    grid = pd.DataFrame([r + [""] * (width - len(r)) for r in lines], dtype=object)
    headers = list(layout.headers) + [""] * (width - len(layout.headers))
    layout.headers = headers
    return _apply_layout(location, grid, layout)


NOT_UTF8 = N_("the file is not UTF-8 text (byte {byte}); save it as 'CSV UTF-8'")
LONG_ROW = N_("row {row} has {cells} cells but the header has {width} columns; a cell probably holds an unquoted "
              "separator")


def read_csv(location: Location, table: Table, keep: tuple[list[str], str] | None = None) -> RawTable:
    path = location.path
    encoding, sep = _sniff(path)
    head = _peek(path, encoding, sep)
    layout = find_layout(head, table) if len(head) else None
    if layout is not None and not layout.plain:
        return _read_csv_laid_out(location, encoding, sep, layout)
    names = _header_names(path, encoding, sep)
    if names:
        limits.check_width(len(names), location.label)
        _check_header(names, location)
    read = _read_csv_arrow(path, encoding, sep, keep)
    if read is not None:
        frame, positions = read
        frame.columns = [str(c).strip() for c in frame.columns]
        rows = (np.arange(len(frame), dtype=np.int64) if positions is None else positions.astype(np.int64)) + 2  # header: row 1
        return _drop_blank_rows(location, frame, rows)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding=encoding,
                                sep=sep, skip_blank_lines=False, index_col=False)
        if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
            row, cells, width = _first_long_row(path, encoding, sep)
            raise DataError(say(LONG_ROW, row=row, cells=cells, width=width), file=location.label, row=row or None)
    except UnicodeDecodeError as err:
        raise DataError(say(NOT_UTF8, byte=err.start),
                        file=location.label) from None
    except pd.errors.EmptyDataError:
        raise DataError(say(N_("the file is empty (no header row)")), file=location.label) from None
    except pd.errors.ParserError as err:
        row, cells, width = _first_long_row(path, encoding, sep)
        if row:
            raise DataError(say(LONG_ROW, row=row, cells=cells, width=width), file=location.label, row=row) from None
        raise DataError(say(N_("the file is not a readable CSV table: {reason}"), reason=err), file=location.label) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    rows = np.arange(len(frame), dtype=np.int64) + 2  # header is row 1
    raw = _drop_blank_rows(location, frame, rows)
    raw.short_rows = np.intersect1d(_short_rows(path, encoding, sep), raw.rows)  # blank rows are not short
    return raw
