"""The workbook's and the printable pages' cell texts (`workbook._xml_text`, `printpage._esc`): a text
column is escaped by Arrow straight from its values, any other through Python strings; both give the
texts the old path gave (every value made a Python string first, then escaped) on columns with every
kind of cell: missing, empty, control characters, markup, Vietnamese, past Excel's 32,767 characters,
numbers, categories."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from eligibility.reports.printpage import _esc
from eligibility.reports.workbook import XML_ILLEGAL, _xml_text

TEXTS = ["Nguyễn Thị Ánh", "", None, "a & b <c> \"d\" 'e'", "tab\there\x00nul\x0bvt\x1fus\x7fdel", "Ả" * 40_000,
         "Nguyễn Thị Ánh", "=1+1", "line\nbreak\rreturn"]
COLUMNS = {
    "str": pd.Series(TEXTS, dtype="str"),
    "string": pd.Series(TEXTS, dtype="string"),
    "string[python]": pd.Series(TEXTS, dtype="string[python]"),
    "object": pd.Series(TEXTS, dtype=object),
    "category": pd.Series(TEXTS, dtype="category"),
    "int": pd.Series([3, 1, 3, 0]),
    "Int64": pd.Series([3, None, 3, 0], dtype="Int64"),
    "float": pd.Series([1.5, np.nan, 2.0, 1e20]),
    "bool": pd.Series([True, False, True]),
    "mixed": pd.Series([1, "1", None, 2.5, "x<y"], dtype=object),
}


def _as_text(column: pd.Series) -> pd.Series:
    """The old path's first step: every value a Python string, "" where missing."""
    series = column.astype(object)
    return series.where(series.notna(), "").astype(str)


def old_xml_text(column: pd.Series) -> list[str]:
    text = _as_text(column).str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True).str.slice(0, 32_767)
    return list(text.str.replace("&", "&amp;", regex=False).str.replace("<", "&lt;", regex=False)
                .str.replace(">", "&gt;", regex=False))


@pytest.mark.parametrize("kind", sorted(COLUMNS))
def test_a_workbook_cell_text_is_the_old_paths(kind):
    column = COLUMNS[kind]
    assert _xml_text(column).to_pylist() == old_xml_text(column)


@pytest.mark.parametrize("kind", sorted(COLUMNS))
def test_a_printed_cell_text_is_the_old_paths(kind):
    column = COLUMNS[kind].set_axis(range(10, 10 + len(COLUMNS[kind])))
    escaped = _esc(column)
    assert list(escaped) == [html.escape(t) for t in _as_text(column)]
    assert escaped.index.equals(column.index)


def test_the_arrow_pattern_removes_what_openpyxl_refuses():
    import pyarrow as pa
    import pyarrow.compute as pc

    every = "".join(chr(c) for c in range(0x250)) + "\ud7ff\ue000\ufffd"
    assert pc.replace_substring_regex(pa.array([every]), XML_ILLEGAL, "").to_pylist() == \
        [ILLEGAL_CHARACTERS_RE.sub("", every)]
