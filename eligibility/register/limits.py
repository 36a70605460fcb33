"""Limits on what a register file may ask of the reader, checked before the file is loaded.

A hostile or damaged file must be refused in a second, not hang the reader: an XLSX
"decompression bomb" (a few KB that inflate to gigabytes), a sheet with one stray cell at
XFD1048576 (which makes a reader build 16,384 × 1,048,576 cells), a Parquet file declaring
billions of rows or nested columns. The limits are generous for real registers and documented in
the README; each refusal is one line naming the file, what was found and the limit.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import DataError, say
from ..messages import message
from ..wording.catalogue import N_

MAX_ROWS = 2_000_000           # rows of one table
MAX_COLUMNS = 300              # columns of one table
MAX_CELLS = 100_000_000        # rows × columns of one sheet, as its cells' positions span it
MAX_XLSX_BYTES = 4 << 30       # uncompressed size of a workbook's parts
MAX_XLSX_RATIO = 200           # uncompressed / compressed size of one part (XML is ~5-30)
MAX_PARQUET_BYTES = 16 << 30   # uncompressed size of a Parquet table's data

SPARSE_FROM_ROW = 10_000      # past this row, a sheet must hold at least one cell per two rows

_CHUNK = 1 << 20
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]{1,3})?(\d+)?:?([A-Z]{1,3})?(\d+)?"')
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_WIDE_CELL = re.compile(rb'<c r="((?:[A-Z]{3}|K[O-Z]|[L-Z][A-Z])\d+)"')  # column 301 is KO
_ROW = re.compile(rb'<row r="(\d+)"')


# What zipfile says of a file that is not a workbook, in the words a reader is given (English as zipfile says it)
ZIP_REASONS = (N_("File is not a zip file"), N_("Truncated file header"), N_("Bad magic number for central directory"),
               N_("Bad magic number for file header"))


def column_number(letters: str) -> int:
    """'A' → 1, 'KN' → 300, 'XFD' → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_xlsx(path: Path, label: str | None = None) -> None:
    """Refuse a workbook whose parts are too big or too compressed, or whose sheets are too wide,
    too long or too large, before openpyxl or pandas sees it. Reads each sheet's XML once as a
    stream (stopping at the first limit exceeded), never building cells."""
    label = label or path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        reason = say(str(err)) if str(err) in ZIP_REASONS else err    # zipfile's common words, worded again
        raise DataError(message("xlsx_not_zip", reason=reason), file=label) from None
    with archive:
        parts = archive.infolist()
        declared = sum(p.file_size for p in parts)
        if declared > MAX_XLSX_BYTES:
            raise DataError(message("xlsx_too_big", size=_gb(declared), limit=_gb(MAX_XLSX_BYTES)), file=label)
        for part in parts:
            if part.file_size > (64 << 20) and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1):
                raise DataError(message("xlsx_bomb", part=part.filename, size=_gb(part.file_size),
                                        ratio=part.file_size // max(part.compress_size, 1)), file=label)
        total = 0
        for part in parts:
            if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                total = _scan_sheet(archive, part, label, total)


def _scan_sheet(archive: zipfile.ZipFile, part: zipfile.ZipInfo, label: str, total: int) -> int:
    """Stream one sheet's XML: its declared dimension, its widest cell, its last row, its cells."""
    cells = last_row = 0
    tail = b""
    with archive.open(part) as stream:
        first = True
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > MAX_XLSX_BYTES:  # the zip header may lie about sizes: count what inflates
                raise DataError(message("xlsx_too_big", size=f"> {_gb(MAX_XLSX_BYTES)}",
                                        limit=_gb(MAX_XLSX_BYTES)), file=label)
            text = tail + chunk
            if first:
                _check_dimension(text[:4096], part.filename, label)
                first = False
            if wide := _WIDE_CELL.search(text):
                ref = wide.group(1).decode()
                raise DataError(message("xlsx_too_wide", cell=ref, column=column_number(re.sub(r"\d", "", ref)),
                                        limit=MAX_COLUMNS), file=label)
            cells += chunk.count(b"<c ")
            rows = _ROW.findall(text[-65536:])
            if rows:
                last_row = max(last_row, int(rows[-1]))
            if last_row > MAX_ROWS or cells > MAX_CELLS:
                raise DataError(message("xlsx_too_long", rows=last_row, cells=cells, max_rows=MAX_ROWS,
                                        max_cells=MAX_CELLS), file=label)
            tail = text[-64:]
    if last_row > SPARSE_FROM_ROW and cells * 2 < last_row:  # fewer cells than half the rows: stray far cells
        raise DataError(message("xlsx_sparse", rows=last_row, cells=cells), file=label)
    return total


def _check_dimension(head: bytes, part: str, label: str) -> None:
    """The `<dimension ref="A1:XFD1048576"/>` a sheet declares: a reader sizes its grid on it."""
    found = _DIMENSION.search(head)
    if not found:
        return
    end_col = found.group(3) or found.group(1)
    end_row = found.group(4) or found.group(2)
    if end_col and column_number(end_col.decode()) > MAX_COLUMNS:
        raise DataError(message("xlsx_too_wide", cell=f"{end_col.decode()}{(end_row or b'').decode()}",
                                column=column_number(end_col.decode()), limit=MAX_COLUMNS), file=label)
    if end_row and int(end_row) > MAX_ROWS:
        raise DataError(message("xlsx_too_long", rows=int(end_row), cells="?", max_rows=MAX_ROWS,
                                max_cells=MAX_CELLS), file=label)


def check_parquet(paths: list[Path], label: str, whole: bool = True) -> None:
    """Refuse Parquet data that is too long, too wide, too big, nested, or has a column name twice,
    from the files' footers alone (no data page is read). `whole=False`: the data is to be cut into
    parts (partitions), so only its shape is checked here, its length by each part's reader."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = size = 0
    for path in paths:
        try:
            meta = pq.ParquetFile(path).metadata
            schema = pq.read_schema(path)
        except (pa.ArrowException, OSError) as err:
            raise DataError(message("parquet_unreadable", reason=str(err).splitlines()[0][:200]), file=label) from None
        rows += meta.num_rows
        size += sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        names = [str(n) for n in schema.names if not str(n).startswith("__index_level_")]
        if len(names) > MAX_COLUMNS:
            raise DataError(message("too_many_columns", columns=len(names), limit=MAX_COLUMNS), file=label)
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise DataError(message("parquet_duplicate_columns", names="', '".join(twice)), file=label)
        nested = [f"{f.name} ({f.type})" for f in schema if pa.types.is_nested(f.type)]
        if nested:
            raise DataError(message("parquet_nested", columns=", ".join(nested[:3])), file=label)
    if not whole:
        return
    if rows > MAX_ROWS:
        raise DataError(message("too_many_rows", rows=f"{rows:,}", limit=f"{MAX_ROWS:,}"), file=label)
    if size > MAX_PARQUET_BYTES:
        raise DataError(message("parquet_too_big", size=_gb(size), limit=_gb(MAX_PARQUET_BYTES)), file=label)


def check_width(columns: int, label: str) -> None:
    """A CSV header with more columns than a register has (checked on the header line alone)."""
    if columns > MAX_COLUMNS:
        raise DataError(message("too_many_columns", columns=columns, limit=MAX_COLUMNS), file=label)


def check_length(rows: int, label: str) -> None:
    if rows > MAX_ROWS:
        raise DataError(message("too_many_rows", rows=f"{rows:,}", limit=f"{MAX_ROWS:,}"), file=label)


def _gb(size: int) -> str:
    return f"{size / (1 << 30):.1f} GB" if size >= (1 << 30) else f"{size / (1 << 20):.0f} MB"
