"""The compiled word catalogue kept between runs (wording/catalogue.py): the cached catalogue is the one
Babel compiles from the .po, an edited .po is never served from the cache, a tampered entry is ignored,
and with the cache off nothing is written."""
from __future__ import annotations

import gettext
import io

import pytest

from eligibility.wording import catalogue


@pytest.fixture
def words(tmp_path, monkeypatch):
    monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "words"


def babel_compiled(po: bytes) -> dict:
    return gettext.GNUTranslations(io.BytesIO(catalogue._compile(po, "vi")))._catalog


def test_the_cached_catalogue_is_the_one_compiled_from_the_po(words):
    po = catalogue.po_path("vi").read_bytes()
    first = catalogue._compiled(po, "vi")
    assert len(list(words.glob("*.mo"))) == 1
    again = catalogue._compiled(po, "vi")
    assert again == first
    cached = gettext.GNUTranslations(io.BytesIO(again))
    assert cached._catalog == babel_compiled(po)
    assert cached.gettext("eligible") != "eligible"   # Vietnamese, not the message id


def test_an_edited_po_is_compiled_afresh_not_served_from_the_cache(words):
    po = catalogue.po_path("vi").read_bytes()
    catalogue._compiled(po, "vi")
    translated = gettext.GNUTranslations(io.BytesIO(catalogue._compiled(po, "vi"))).gettext("eligible")
    edited = po.replace(f'msgstr "{translated}"'.encode(), 'msgstr "ĐỦ ĐIỀU KIỆN (sửa)"'.encode(), 1)
    assert edited != po
    words_after = gettext.GNUTranslations(io.BytesIO(catalogue._compiled(edited, "vi")))
    assert words_after.gettext("eligible") == "ĐỦ ĐIỀU KIỆN (sửa)"
    assert len(list(words.glob("*.mo"))) == 2


def test_a_tampered_entry_is_ignored_and_written_again(words):
    po = catalogue.po_path("vi").read_bytes()
    good = catalogue._compiled(po, "vi")
    [entry] = words.glob("*.mo")
    header, _, mo = entry.read_bytes().partition(b"\n")
    entry.write_bytes(header + b"\n" + mo[:-40] + b"\0" * 40)
    assert catalogue._compiled(po, "vi") == good
    assert entry.read_bytes().partition(b"\n")[2] == good


def test_with_the_cache_off_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    po = catalogue.po_path("vi").read_bytes()
    assert catalogue._compiled(po, "vi") == catalogue._compile(po, "vi")
    assert not any(tmp_path.rglob("*.mo"))
