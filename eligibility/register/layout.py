"""Where the table is on a sheet as communes lay it out: title rows above the header, a header of
one row or two (a merged parent cell over its children: `Thiếu hụt … / Việc làm`), a row of column
numbers `(1) (2) (3)…` under it, and a signature block under the data (`Người lập biểu`,
`TM. UBND xã`). Everything skipped is said: `Layout.skipped` lists it for the mapping report."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..rulebook.inputs import Table
from ..suggestions import fold
from .headers import header_key, header_lookup

SCAN_ROWS = 12  # title rows + a two-row header + a column-number row fit in these
NUMBER_CELL = re.compile(r"^\(?\s*\d{1,3}\s*\)?$")
# Words of a signature block or a totals row (folded: no accents, lower case).
FOOTER_WORDS = re.compile(
    r"nguoi lap|lap bieu|tm\.? ?ubnd|uy ban nhan dan|chu tich|xac nhan|ky,? ghi ro|ky ten|"
    r"thu truong|can bo|truong thon|truong ban|ke toan|ngay \d* ?thang|tong cong|^cong$|^tong so")


@dataclass
class Layout:
    """The header found on a grid of text cells (row 0 = first line of the file or sheet)."""

    header_at: int  # row of the (parent) header
    headers: list[str]  # one per column, parent and child joined with ' / '
    data_at: int  # first data row
    parents: dict[int, tuple[str, str]] = field(default_factory=dict)  # column -> (parent, child)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (grid row, what, text)

    @property
    def plain(self) -> bool:
        """The header is on the first row and data follow at once (the fast CSV path reads it)."""
        return self.header_at == 0 and self.data_at == 1


def _cells(rows: np.ndarray, i: int) -> list[str]:
    return ["" if pd.isna(v) else str(v).strip() for v in rows[i]]


def _score(cells: list[str], lookup: dict[str, str]) -> int:
    return sum(header_key(c) in lookup for c in cells if c)


def is_number_row(cells: list[str]) -> bool:
    """`(1) (2) (3) …` or `1 2 3 …` under a header: column numbers, not data."""
    filled = [c for c in cells if c]
    if len(filled) < 3 or not all(NUMBER_CELL.match(c) for c in filled):
        return False
    numbers = [int(re.sub(r"\D", "", c)) for c in filled]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def find_layout(grid: pd.DataFrame, table: Table) -> Layout:
    """The header rows of `grid` (a raw table of text cells, no header)."""
    lookup = header_lookup(table)
    scan = min(SCAN_ROWS, len(grid))
    # the rows looked at, as Python objects at once (a pandas row of text cells costs a millisecond)
    rows = grid.iloc[:scan + 2].to_numpy(dtype=object)
    scores = [_score(_cells(rows, i), lookup) for i in range(scan)]
    at = int(np.argmax(scores)) if scan and max(scores) > 0 else 0
    head = _cells(rows, at) if len(rows) else []
    layout = Layout(at, head, at + 1)
    for i in range(at):
        text = " ".join(c for c in _cells(rows, i) if c)
        if text:
            layout.skipped.append((i, "title row", text[:120]))
    key_col = next((j for j, c in enumerate(head) if lookup.get(header_key(c)) == table.key), None)
    nxt = at + 1
    if nxt < len(rows):
        child = _cells(rows, nxt)
        if not is_number_row(child) and _is_child_row(head, child, key_col):
            layout.headers, layout.parents = _join(head, child)
            layout.skipped.append((nxt, "second header row (joined to the one above)",
                                   " | ".join(c for c in child if c)[:120]))
            nxt += 1
    if nxt < len(rows) and is_number_row(_cells(rows, nxt)):
        layout.skipped.append((nxt, "column-number row", " ".join(c for c in _cells(rows, nxt) if c)[:120]))
        nxt += 1
    layout.data_at = nxt
    return layout


def _is_child_row(head: list[str], child: list[str], key_col: int | None) -> bool:
    """A second header row: the key column is empty there (merged down from the header), and some
    of its cells sit under an empty header cell (the span of a merged parent)."""
    if key_col is None or child[key_col]:
        return False
    under_merge = [j for j, c in enumerate(child) if c and not head[j]]
    numeric = [c for c in child if c and re.fullmatch(r"[\d.,/\- ]+", c)]
    return bool(under_merge) and not numeric


def _join(head: list[str], child: list[str]) -> tuple[list[str], dict[int, tuple[str, str]]]:
    headers, parents = [], {}
    parent = ""
    for j, (top, sub) in enumerate(zip(head, child)):
        if top:
            parent = top
        elif not sub:
            parent = ""  # an empty column ends the merged span
        owner = top or parent
        if sub and owner:
            headers.append(f"{owner} / {sub}")
            parents[j] = (owner, sub)
        else:
            headers.append(top or sub)
    return headers, parents


FOOTER_SCAN_ROWS = 30  # a signature block is a few rows; only the last rows are looked at


def footer_start(frame: pd.DataFrame, key_header: str) -> int | None:
    """Position of the first row of a signature block or totals row at the end of the table: the
    first of the last rows to hold a footer word with no key (or with the block typed in the key
    column). Names signed under it go with it; a full data row after it means it is no footer."""
    if key_header not in frame.columns or not len(frame):
        return None
    first = max(0, len(frame) - FOOTER_SCAN_ROWS)
    tail = frame.iloc[first:]
    keys = tail[key_header].astype("string").str.strip().fillna("")
    if (keys != "").all() and not any(_is_footer(k) for k in keys):
        return None  # every last row has a real key: no footer (the usual software export)
    start = None
    for i in range(len(tail)):  # the last rows only, never the whole table
        cells = [str(v).strip() for v in tail.iloc[i] if not pd.isna(v) and str(v).strip()]
        key = tail[key_header].iloc[i]
        key = "" if pd.isna(key) else str(key).strip()
        if start is None:
            if (not key or _is_footer(key)) and _is_footer(" ".join(cells)):
                start = i
        elif key and not _is_footer(key) and len(cells) >= 4:
            return None  # a data row under it: not a footer after all
    return None if start is None else first + start


def _is_footer(text: str) -> bool:
    return bool(FOOTER_WORDS.search(" ".join(fold(text).split())))
