"""A cache of compiled plans, so that start-up does not compile the same pack again (issues 14, 20).

Compiling the Lai Châu pack costs about 0.3 CPU-seconds of every command beyond parsing its YAML
(which `yamlcache.py` already keeps): checking the types of its 893 expressions, wording its
conditions, sharing subexpressions, tracing what each rule reads. The compiled `Plan` is kept as
JSON data (below: a closed list of classes, no pickle, nothing executed) in the user's
cache folder, under a SHA-256 of:

* the pack's files (`load.pack_digest`: every YAML file's path and bytes) and the folder it was
  read from (the plan's messages name the files by that path);
* the tool's version, this cache's format, and the bytes of the code that makes a plan from a pack
  (`eligibility/rulebook/`, the wording of conditions with its Vietnamese catalogue): an edited
  module in a checkout is not served a plan an older compiler made.

An entry is verified before use (`cachedir.read_entry`: its key and a hash of its payload); one that
does not check out or does not read back is ignored and the pack compiled as before. A pack that
does not compile raises its errors every time: only a compiled plan is kept, with its warnings,
which every command shows as it did. The folder keeps the 24 plans written last (`KEPT`).
ELIGIBILITY_CACHE_DIR=off turns the cache off.

How a plan is written: every object of a plan is one of a closed list of classes: the plan's frozen
dataclasses (`plan.py`), the expression tree's nodes and types (`tree.py`), units, the rule-file models
(pydantic: `schema.py`, `inputs.py`, `base.py`), the vocabulary's enums and `RuleIssue`. Each object is
written once, in a table, children before parents, and named by its place there wherever it recurs,
so the plan read back shares what the compiled one shares: a subexpression written in nine rules is
still one node (the engines remember results by node). A value of any other type cannot be written
(`Unencodable`): the plan is then not kept, never kept in part.

The entry holds two such lines: the plan without its examples, then the examples (a quarter of the
bytes, which only `eligibility test` and `validate` read), rebuilt on first use (`KeptExamples`).

Reading builds objects only of the listed classes, from names looked up in that list; a name not
in it, or a value of the wrong shape, is a broken entry (`BrokenEntry`), read as no entry.
Pydantic models are rebuilt as `model_construct` builds them, without validating again (they were
validated when the pack was compiled, and the entry's hash is checked before it is read).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import errors, vocabulary
from .._version import __version__
from ..cachedir import cache_folder, read_entry, store_entry
from ..errors import Phrase
from . import base, inputs, schema, tree, units
from . import plan as plan_classes
from .keptexamples import Examples, KeptExamples
from .load import Source
from .plan import Plan

FORMAT = 2   # 2: the examples on a line of their own, read on first use
PACKAGE = Path(__file__).resolve().parents[1]
# The code a plan is made by: a change in any of it may change the plan.
COMPILER_CODE = ("rulebook/*.py", "wording/*.py", "wording/locale/*/LC_MESSAGES/*.po", "errors.py",
                 "vocabulary.py", "suggestions.py", "yamlio.py", "messages.py")


def cached_plan(folder: str, digest: str) -> Plan:
    """The compiled plan of the pack in `folder` whose files hash to `digest` (`load.pack_digest`):
    read from the cache when it was compiled before, else compiled (and kept)."""
    place = cache_folder("plans")
    if place is None:
        return _compile(folder)
    key = plan_key(folder, digest)
    entry = place / f"{key}.json"
    payload = read_entry(entry, key)
    if payload is not None:
        try:
            plan = decode_entry(payload)
            if plan.digest == digest:
                return plan
        except BrokenEntry:
            pass
    plan = _compile(folder)
    if plan.digest == digest:   # the files did not change between hashing and compiling them
        with suppress(Unencodable):   # not kept: compiled again next time, as without a cache
            store_entry(entry, key, encode_entry(plan))
        _prune(place)
    return plan


def encode_entry(plan: Plan) -> bytes:
    """A kept plan's payload: the plan without its examples, a newline, its examples (JSON escapes
    every newline inside a text, so the first newline is the split)."""
    return encode(replace(plan, examples=())) + b"\n" + encode(tuple(plan.examples))


def decode_entry(payload: bytes) -> Plan:
    """What `encode_entry` wrote: the plan now, its examples when first used; BrokenEntry when the
    plan does not read back."""
    head, newline, examples = payload.partition(b"\n")
    plan = decode(head)
    if not newline or not isinstance(plan, Plan):
        raise BrokenEntry("not a plan and its examples")
    return replace(plan, examples=KeptExamples(lambda: _examples_of(examples, plan.folder)))


def _examples_of(payload: bytes, folder: Path) -> Examples:
    """A kept plan's examples (`KeptExamples`) rebuilt; the entry's hash was checked when it was read.
    Should they still not read back, the pack's own compile gives them."""
    try:
        return tuple(decode(payload))
    except BrokenEntry:
        return tuple(_compile(str(folder)).examples)


KEPT = 24   # plans kept (about 1.2 MB each for the Lai Châu pack): every edit or copy of a pack makes another


def _prune(place: Path) -> None:
    """The oldest plans beyond KEPT removed, so that the folder does not grow with every edited pack or
    copy of one (a test's temporary pack): the plans in use are the recent ones, and one removed is
    compiled again when next needed."""
    try:
        entries = sorted(place.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:   # another process pruned at the same time, or the folder is read-only
        pass


def _compile(folder: str) -> Plan:
    from .compile import compile_pack

    return compile_pack(folder)


def plan_key(folder: str, digest: str) -> str:
    """What a kept plan is filed and checked under (see the module's docstring)."""
    hasher = hashlib.sha256(f"eligibility {__version__} plancache {FORMAT}\0{folder}\0{digest}\0".encode())
    hasher.update(compiler_digest().encode())
    return hasher.hexdigest()


_COMPILER: list[str] = []


def compiler_digest() -> str:
    """SHA-256 of the compiler's code (COMPILER_CODE), once per process."""
    if not _COMPILER:
        hasher = hashlib.sha256()
        for pattern in COMPILER_CODE:
            for path in sorted(PACKAGE.glob(pattern)):
                hasher.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _COMPILER.append(hasher.hexdigest())
    return _COMPILER[0]


# ---------------------------------------------------------------- the plan as JSON data
_MODULES = (plan_classes, tree, schema, inputs, base, units, errors, vocabulary)


class Unencodable(Exception):
    """A plan holds a value this codec does not know: it is not kept."""


class BrokenEntry(Exception):
    """A kept plan that does not read back: the plan is compiled again."""


def _classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in _MODULES:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, obj in vars(module).items():
            if isinstance(obj, type) and obj.__module__ == module.__name__ and (
                    dataclasses.is_dataclass(obj) or issubclass(obj, (BaseModel, enum.Enum))):
                found[f"{short}.{name}"] = obj
    found["load.Source"] = Source
    return found


CLASSES = _classes()
_NAMES = {cls: name for name, cls in CLASSES.items()}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: Any) -> tuple[str, ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = (tuple(cls.model_fields) if issubclass(cls, BaseModel)
                                else tuple(f.name for f in dataclasses.fields(cls) if f.init))
    return found


def encode(root: Any) -> bytes:
    """The plan (or any object of the listed classes) as one line of JSON."""
    table: list[Any] = []
    placed: dict[int, int] = {}

    def value(v: Any) -> Any:
        t = type(v)
        if v is None or t is str or t is int or t is float or t is bool:
            return v
        if t is tuple or t is KeptExamples:   # a kept plan's examples: the tuple they stand for
            return {"U": [value(x) for x in v]}
        if t is list:
            return [value(x) for x in v]
        if t is dict:
            return {"M": [[value(k), value(x)] for k, x in v.items()]}
        if t is frozenset:   # in a stable order: the same plan is written as the same bytes
            return {"Z": sorted((value(x) for x in v), key=_stable)}
        if t is dt.date:
            return {"D": v.isoformat()}
        if t is dt.datetime:
            return {"T": v.isoformat()}
        if isinstance(v, Path):
            return {"F": str(v)}
        if t is Phrase:
            return {"P": [v.template, value(v.fields)]}
        name = _NAMES.get(Source if t is SourceOnDemand else t)
        if name is None:
            raise Unencodable(t.__name__)
        if isinstance(v, enum.Enum):
            return {"E": [name, v.value]}
        return {"#": placed[id(v)] if id(v) in placed else place(v, name)}

    def place(v: Any, name: str) -> int:
        if isinstance(v, Source):   # the rule file is read again if an example's line is wanted
            entry: dict[str, Any] = {"@": name, "v": [str(v.path)]}
        else:
            entry = {"@": name, "v": [value(getattr(v, f)) for f in _fields(type(v))]}
            if isinstance(v, BaseModel):
                entry["s"] = sorted(v.model_fields_set)
        table.append(entry)
        placed[id(v)] = len(table) - 1
        return len(table) - 1

    top = value(root)
    return json.dumps([table, top], ensure_ascii=False, allow_nan=True).encode()


def _stable(encoded: Any) -> str:
    return json.dumps(encoded, ensure_ascii=False, sort_keys=True)


def decode(payload: bytes) -> Any:
    """What `encode` wrote, rebuilt; BrokenEntry when it does not read back."""
    table: list[Any] = []   # filled by the hook, in order: an object's parts come before it
    try:
        _, top = json.loads(payload, object_hook=lambda d: _object(d, table))
        return top
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
        raise BrokenEntry(str(err)) from err


def _object(d: dict[str, Any], table: list[Any]) -> Any:
    """One tagged JSON object back to its value (`json.loads` calls this on each, innermost first)."""
    if "#" in d:
        return table[d["#"]]
    if "@" in d:
        table.append(_build(CLASSES[d["@"]], d["v"], d.get("s")))
        return table[-1]
    (tag, v), = d.items()
    if tag == "U":
        return tuple(v)
    if tag == "M":
        return dict(v)
    if tag == "Z":
        return frozenset(v)
    if tag == "D":
        return dt.date.fromisoformat(v)
    if tag == "T":
        return dt.datetime.fromisoformat(v)
    if tag == "F":
        return Path(v)
    if tag == "P":
        return Phrase(v[0], **v[1])
    if tag == "E":
        return CLASSES[v[0]](v[1])
    raise KeyError(tag)


def _build(cls: type, values: list[Any], fields_set: list[str] | None) -> Any:
    if cls is Source:
        return SourceOnDemand(Path(values[0]))
    names = _fields(cls)
    if len(names) != len(values):
        raise ValueError(f"{cls.__name__}: {len(values)} values for {len(names)} fields")
    if fields_set is None:
        return cls(**dict(zip(names, values)))
    return _model(cls, dict(zip(names, values)), set(fields_set))


_object_setattr = object.__setattr__


def _model(cls: Any, values: dict[str, Any], fields_set: set[str]) -> Any:
    """What `cls.model_construct(fields_set, **values)` makes when every field is given, as here
    (these models have no private attributes and forbid extra keys), without its search of aliases
    and defaults: 3,000 models a start-up."""
    if cls.__private_attributes__ or cls.__pydantic_root_model__:
        return cls.model_construct(fields_set, **values)
    model = cls.__new__(cls)
    _object_setattr(model, "__dict__", values)
    _object_setattr(model, "__pydantic_fields_set__", fields_set)
    _object_setattr(model, "__pydantic_extra__", None)
    _object_setattr(model, "__pydantic_private__", None)
    return model


class SourceOnDemand(Source):
    """An example's rule file in a kept plan: its path; the file is parsed again (through the rule
    cache) only when a line of it is asked for, as a failing example's message does."""

    def __init__(self, path: Path):   # noqa: D107 - the dataclass fields doc and model are read on demand
        self.path = path
        self._read: tuple[Any, Any] | None = None

    def _parsed(self) -> tuple[Any, Any]:
        if self._read is None:
            from .validation import parse_model
            from .yamlcache import load_yaml_cached

            doc = load_yaml_cached(self.path)
            self._read = (doc, parse_model(schema.PolicyFile, self.path, doc))
        return self._read

    @property
    def doc(self) -> Any:
        return self._parsed()[0]

    @property
    def model(self) -> Any:
        return self._parsed()[1]
