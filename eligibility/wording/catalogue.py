"""The catalogue of words: gettext, with the Vietnamese translations in a Babel-managed .po file.

Message ids are the English texts (`_("eligible")`), so English needs no catalogue and a missing
Vietnamese entry would show English — `tests/wording/test_catalogue.py` extracts every message of
the package with Babel and fails on one without a Vietnamese translation.

The .po file itself is read at run time, so a fresh clone, `pip install -e .` and a wheel all work
without a compile step: Babel parses it and compiles it in memory, and the compiled catalogue (.mo
bytes, data read by `gettext`, never code) is kept in the user's cache folder (`cachedir.py`) under
the SHA-256 of the .po's bytes and the tool's version, checked before use, so that each start-up
does not parse the .po again (about 0.03 CPU-s); an edited .po is another key and compiled afresh. Translators edit `locale/vi/LC_MESSAGES/eligibility.po`; after adding messages in
code run

    pybabel extract -F babel.cfg -k NP_:1,2 -o eligibility/wording/locale/eligibility.pot eligibility
    pybabel update -i eligibility/wording/locale/eligibility.pot -d eligibility/wording/locale -D eligibility
"""
from __future__ import annotations

import gettext
import hashlib
import io
from functools import cache
from pathlib import Path
from collections.abc import Callable

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


KEYWORDS = {"NP_": (1, 2)}   # besides Babel's defaults (_, gettext, ngettext, N_, ...)


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
    """`_ = translator(lang)`; then `_("eligible")` is the word in `lang`."""
    return translations(lang).gettext


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)
