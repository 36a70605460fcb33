"""Did-you-mean: the closest known name to a misspelt one."""
from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lower-case, strip accents (đ → d) and spaces, so 'Nghèo ' and 'ngheo' compare equal."""
    text = unicodedata.normalize("NFD", str(text).strip().lower()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


def suggest(word: str, known: Iterable[str]) -> str | None:
    """The best match for `word` among `known`, or None when nothing is close."""
    known = list(known)
    folded = {fold(k): k for k in known}
    hits = difflib.get_close_matches(fold(word), list(folded), n=1, cutoff=0.6)
    return folded[hits[0]] if hits else None
