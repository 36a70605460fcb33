"""The catalogue of words: gettext, with the Vietnamese translations in a Babel-managed .po file.

Message ids are the English texts (`_("eligible")`), so English needs no catalogue and a missing
Vietnamese entry would show English — `tests/wording/test_catalogue.py` extracts every message of
the package with Babel and fails on one without a Vietnamese translation.

The .po file itself is read at run time, so a fresh clone, `pip install -e .` and a wheel all work
without a compile step: Babel parses it and compiles it in memory, and the compiled catalogue (.mo
bytes, data read by `gettext`, never code) is kept in the user's cache folder (`cachedir.py`) under
the SHA-256 of the .po's bytes and the tool's version, checked before use, so that each start-up
does not parse the .po again (about 0.03 CPU-s); an edited .po is another key and compiled afresh.

Translators edit `locale/vi/LC_MESSAGES/eligibility.po` as text. After adding messages in code, add
their entries to it (the test names the missing ones; `pybabel update` would reflow the whole file)
and refresh the template:

    pybabel extract -F babel.cfg --no-location --sort-output -o eligibility/wording/locale/eligibility.pot eligibility

A table of words maps codes to marked English (`{"example": N_("examples")}`) and is read where it is
shown (`in_lang(table, lang)`, or `_ = translator(lang)`). A word that another place says otherwise in
Vietnamese carries a context, `NC_("report column", "Decision")`: a `msgctxt` entry in the .po.
"""
from __future__ import annotations

import gettext
import hashlib
import io
from functools import cache
from pathlib import Path
from collections.abc import Callable, Mapping
from typing import Any

from .._version import __version__
from ..cachedir import cache_folder, read_entry, store_entry

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "eligibility"
LANGS = ("vi", "en")


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; translated where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form (Babel keyword `NP_:1,2`); translated with `ngettext`."""
    return singular, plural


class InContext(str):
    """A message said in one place (a column header, a sheet's name): the English text itself, and
    the gettext context its Vietnamese is looked up under (`msgctxt` in the .po)."""

    context: str


def NC_(context: str, message: str) -> str:
    """Marks a message with a context (Babel keyword `NC_:1c,2`): for an English word that another
    place says otherwise in Vietnamese — the column header "Decision" is "Kết quả", the document
    type "Decision" is "Quyết định". `translator(lang)` and `in_lang` look it up in its context."""
    marked = InContext(message)
    marked.context = context
    return marked


# besides Babel's defaults (_, gettext, ngettext, pgettext, N_, ...); babel.cfg names them too
KEYWORDS: dict[str, Any] = {"NP_": (1, 2), "NC_": ((1, "c"), 2)}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The translations of `lang` ("en": the message ids themselves)."""
    path = po_path(lang)
    if lang == "en" or not path.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(_compiled(path.read_bytes(), lang)))


def _compiled(po: bytes, lang: str) -> bytes:
    """The .mo bytes of a .po file's text: from the cache when this exact text was compiled before
    (an entry is a header line, the key and the SHA-256 of the rest, then the .mo bytes)."""
    key = hashlib.sha256(f"eligibility {__version__} catalogue 1 {lang}\0".encode() + po).hexdigest()
    folder = cache_folder("words")
    entry = None if folder is None else folder / f"{key}.mo"
    mo = read_entry(entry, key) if entry is not None else None
    if mo is None:
        mo = _compile(po, lang)
        if entry is not None:
            store_entry(entry, key, mo)
    return mo


def _compile(po: bytes, lang: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po), locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def translator(lang: str) -> Callable[[str], str]:
    """`_ = translator(lang)`; then `_("eligible")` is the word in `lang`, and `_(NC_("report column",
    "Decision"))` the word in that context (a plain `str` either way)."""
    catalogue = translations(lang)

    def say(message: str) -> str:
        if not message:      # gettext("") is the .po's header, never a word
            return ""
        if isinstance(message, InContext):
            return str(catalogue.pgettext(message.context, message))
        return catalogue.gettext(message)
    return say


def in_lang(table: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A table of marked messages ({code: N_("words")}, nested tables and lists of them too) with
    each message in `lang`: the one way a table of words is read, where it is shown."""
    say = translator(lang)
    return {key: _each(words, say) for key, words in table.items()}


def _each(words: Any, say: Callable[[str], str]) -> Any:
    if isinstance(words, str):
        return say(words)
    if isinstance(words, Mapping):
        return {key: _each(value, say) for key, value in words.items()}
    return [_each(value, say) for value in words]


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)
