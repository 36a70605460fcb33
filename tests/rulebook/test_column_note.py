"""A register column's `note:` is `{vi: ..., en: ...}` for the officers of both languages, or one
string (the older form, still read), shown as written in both."""
from __future__ import annotations

import pytest

from eligibility.rulebook.inputs import Column
from eligibility.rulebook.validation import parse_model

BASE = {"type": "bool", "label": {"vi": "Có thẻ BHYT", "en": "Has an HI card"}}


def test_a_bilingual_note_is_read_in_each_language():
    column = Column.model_validate({**BASE, "note": {"vi": "ô trống là chưa biết", "en": "blank is unknown"}})
    assert column.note_in("vi") == "ô trống là chưa biết" and column.note_in("en") == "blank is unknown"


def test_a_one_string_note_stays_valid():
    column = Column.model_validate({**BASE, "note": "blank is unknown"})
    assert column.note_in("vi") == column.note_in("en") == "blank is unknown"
    assert Column.model_validate(BASE).note_in("vi") is None


def test_a_note_with_one_language_only_is_an_error_at_its_line(tmp_path):
    path = tmp_path / "col.yaml"
    path.write_text("type: bool\nlabel: {vi: Có thẻ BHYT, en: Has an HI card}\nnote: {vi: chỉ tiếng Việt}\n",
                    encoding="utf-8")
    with pytest.raises(Exception) as err:
        parse_model(Column, path)
    assert "col.yaml" in str(err.value) and "note" in str(err.value)
