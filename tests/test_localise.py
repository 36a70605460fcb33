"""Localising a table for its reader (outputs.localise): the categories are translated, not the rows."""
from __future__ import annotations

import numpy as np
import pandas as pd

from eligibility.outputs import _relabel, yes_words
from eligibility.wording import translator


def column(codes: list[int], categories: list[str]) -> pd.Series:
    return pd.Series(pd.Categorical.from_codes(np.array(codes, dtype=np.int8), categories), name="status")


def test_relabelled_cells_read_as_each_cell_mapped():
    original = column([0, 1, -1, 2, 1, 0], ["eligible", "not_eligible", "undetermined"])
    for labels in (["A", "B", "C"], ["A", "B", "A"], ["", "B", ""]):   # distinct; two coinciding; blanks
        mapping = dict(zip(original.cat.categories, labels))
        expected = [mapping[v] if isinstance(v, str) else None for v in original]
        got = _relabel(original, labels)
        assert [v if isinstance(v, str) else None for v in got] == expected
        assert list(got.cat.categories) == list(dict.fromkeys(labels))   # merged, in the first label's order
        assert got.array.codes.dtype == original.array.codes.dtype         # no wider codes for 3 M rows


def test_distinct_labels_share_the_rows_codes_and_leave_the_table_as_it_was():
    table = pd.DataFrame({"status": column([0, 1, 2, 1], ["eligible", "not_eligible", "undetermined"])})
    shown = table.copy(deep=False)
    shown["status"] = _relabel(table["status"], ["đủ", "không đủ", "chưa rõ"])
    assert np.shares_memory(shown["status"].array.codes, table["status"].array.codes)   # not copied
    assert list(table["status"]) == ["eligible", "not_eligible", "undetermined", "not_eligible"]
    assert list(shown["status"]) == ["đủ", "không đủ", "chưa rõ", "không đủ"]


def test_yes_words_are_the_text_column_numpy_words_would_make():
    frame = pd.DataFrame({"amount_is_minimum": [True, False, True], "amount": [1.0, 2.0, 3.0]})
    expected = frame.copy()
    expected["amount_is_minimum"] = np.where(expected["amount_is_minimum"].to_numpy(dtype=bool),
                                             translator("vi")("yes"), "")
    got = yes_words(frame.copy(), "vi")
    pd.testing.assert_frame_equal(got, expected)
    assert got["amount_is_minimum"].dtype == expected["amount_is_minimum"].dtype
