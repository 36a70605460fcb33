"""A cache of parsed rule files, so that start-up does not parse the same YAML again (issue 20).

Parsing and checking the pack's YAML is most of compiling it (about 0.26 of 0.37 CPU-seconds for the
Lai Châu pack). Each file's parsed document, with the line of every key and item that error messages
need, is kept as JSON in the user's cache folder under the SHA-256 of the file's bytes, the tool's
version and this cache's format. So:

* an edited file has another hash and is parsed afresh: a cache entry is never served for other text;
* the cache holds data only (JSON, read with `json.loads`), never code: no pickle, nothing executed;
* an entry is verified before use (its recorded source hash and a hash of its payload); anything that
  does not check out, cannot be read or cannot be written is ignored and the file is parsed as before;
* a file that fails to parse is never cached, so its errors are reported every time.

The folder is $ELIGIBILITY_CACHE_DIR, else $XDG_CACHE_HOME/eligibility, else ~/.cache/eligibility;
ELIGIBILITY_CACHE_DIR=off turns the cache off.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from .._version import __version__
from ..cachedir import cache_folder as shared_cache_folder, read_entry, store_entry
from ..yamlio import LocDict, LocList, load_yaml

FORMAT = 2   # 2: a header line, then the document (1: one JSON object, checked by encoding it again)


def cache_folder() -> Path | None:
    return shared_cache_folder("rules")


def load_yaml_cached(path: Path) -> Any:
    """`yamlio.load_yaml(path)`, served from the cache when this exact text was parsed before."""
    folder = cache_folder()
    if folder is None:
        return load_yaml(path)
    key = _key(path.read_bytes())
    entry = folder / f"{key}.json"
    doc = _read(entry, key)
    if doc is not _MISS:
        return doc
    doc = load_yaml(path)
    if _key(path.read_bytes()) == key:  # the file did not change while it was parsed
        _write(entry, key, doc)
    return doc


def _key(data: bytes) -> str:
    return hashlib.sha256(f"eligibility {__version__} yamlcache {FORMAT}\0".encode() + data).hexdigest()


_MISS = object()


def _read(entry: Path, key: str) -> Any:
    """The entry's document, or _MISS (the entry checked by `cachedir.read_entry` on its stored bytes,
    so the document is parsed once and never encoded again to be checked)."""
    payload = read_entry(entry, key)
    if payload is None:
        return _MISS
    try:
        return json.loads(payload, object_hook=_decoded)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return _MISS


def _write(entry: Path, key: str, doc: Any) -> None:
    try:
        encoded = _encode(doc)
    except _Unencodable:
        return
    store_entry(entry, key, json.dumps(encoded, ensure_ascii=False).encode())   # one line: JSON escapes newlines


class _Unencodable(Exception):
    pass


# Containers are tagged objects ({"m": ...} a mapping, {"s": ...} a list, {"d"/"t": ...} a date or a
# timestamp); every other JSON value is a scalar as YAML gave it. Keys keep their type (a YAML key may be
# an int or a date), so a mapping is a list of [key, value, line].
def _encode(value: Any) -> Any:
    if isinstance(value, LocDict):
        return {"m": [[_encode(k), _encode(v), value.lines[k]] for k, v in value.items()], "l": value.line}
    if isinstance(value, LocList):
        return {"s": [[_encode(v), value.lines[i]] for i, v in enumerate(value)], "l": value.line}
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise _Unencodable(type(value).__name__)


def _decoded(value: dict[str, Any]) -> Any:
    """One tagged object back to what YAML gave, called by `json.loads` on each object once its
    contents are decoded (every JSON object of an entry is a tagged container): one pass over the
    entry, with no second walk over its scalars."""
    if "m" in value:
        out = LocDict((k, v) for k, v, _ in value["m"])
        out.line, out.lines = value["l"], {k: line for k, _, line in value["m"]}
        return out
    if "s" in value:
        seq = LocList(v for v, _ in value["s"])
        seq.line, seq.lines = value["l"], {i: line for i, (_, line) in enumerate(value["s"])}
        return seq
    if "t" in value:
        return dt.datetime.fromisoformat(value["t"])
    return dt.date.fromisoformat(value["d"])
