"""The columnar CSV writer writes the bytes pandas writes: quoting, blanks, numbers, categories, BOM."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd

from eligibility.csvout import write_csv_columns
from eligibility.outputs import neutralise, write_table


def _pandas(frame: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    frame.to_csv(out, index=False, encoding="utf-8-sig", lineterminator="\n")
    return out.getvalue()


AWKWARD = pd.DataFrame({
    "text": ["x,y", 'say "hi"', "two\nlines", "cr\rinside", "", None, " lead", "Lò Văn Ở"],
    "amount": [1.0, np.nan, 1e16, 1e-5, -0.0, 0.0792, 123456789.125, np.inf],
    "count": pd.array([1, None, 3, 4, 5, 6, 7, -8], dtype="Int64"),
    "flag": [True, False] * 4,
    "coded": pd.Categorical(["u", None, "a,b", 'x"', "", "v", "v", "u"]),
    "n": np.arange(8),
    "objects": np.array(["a", "ở", "'=1", "b", "c", "d", "e", "f"], dtype=object),
    "head, with comma": [1.5] * 8,
})


def test_the_columnar_writer_writes_what_pandas_writes(tmp_path):
    for frame in (AWKWARD, AWKWARD.iloc[:0], AWKWARD.iloc[2:5], pd.concat([AWKWARD] * 40, ignore_index=True)):
        path = write_csv_columns(frame, tmp_path / "out.csv")
        assert path is not None and path.read_bytes() == _pandas(frame)


def test_columns_it_does_not_cover_are_left_to_pandas(tmp_path):
    dated = AWKWARD.assign(day=pd.Timestamp("2025-07-01"))
    assert write_csv_columns(dated, tmp_path / "a.csv") is None
    assert write_csv_columns(AWKWARD[["text"]], tmp_path / "b.csv") is None     # one column: '""' rows
    written = write_table(dated, tmp_path / "c", "csv")
    assert written.read_text(encoding="utf-8-sig").splitlines()[1].endswith(",2025-07-01")


def test_formula_like_text_is_neutralised_on_either_path(tmp_path):
    frame = pd.DataFrame({"name": ["=SUM(A1)", "ok"], "note": ["-1", "@x"]})
    text = write_table(frame, tmp_path / "f", "csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1:] == ["'=SUM(A1),'-1", "ok,'@x"]


def test_blank_and_empty_text_columns_are_written(tmp_path):
    frame = pd.DataFrame({"a": pd.Series(["", ""], dtype="str"), "b": pd.Series([None, None], dtype="str"),
                          "c": [1, 2]})
    text = write_table(frame, tmp_path / "g", "csv").read_bytes()
    assert text == _pandas(frame)


def test_slices_of_taken_fields_make_the_same_file(tmp_path, monkeypatch):
    """Categories, distinct numbers and gathered IDs are taken a slice at a time (csvout.Gathered),
    the column's fields never whole: slices that cut the rows anywhere give pandas' bytes."""
    from eligibility import csvout

    frame = pd.concat([AWKWARD] * 5, ignore_index=True)
    for rows in (1, 7, 40, 10_000):
        monkeypatch.setattr(csvout, "SLICE", rows)
        path = write_csv_columns(frame, tmp_path / "out.csv")
        assert path is not None and path.read_bytes() == _pandas(frame)


def test_neutralising_leaves_the_table_given_as_it_was():
    frame = pd.DataFrame({"a": pd.array(["=x", "y", None], dtype="string[pyarrow]"), "b": np.array(["+1", "2", "3"], dtype=object),
                          "c": pd.Categorical(["-a", "b", "-a"]), "d": pd.array(["@q", "ok", None], dtype="str")})
    before = frame.copy(deep=True)
    safe = neutralise(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert safe.iloc[0].tolist() == ["'=x", "'+1", "'-a", "'@q"]
