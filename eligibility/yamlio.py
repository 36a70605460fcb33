"""YAML for rule files: the safe loader, duplicate keys rejected, every node's line remembered.

`load_yaml(path)` returns plain dicts/lists (subclasses that carry `.lines`: key or index → line)
so that a validation error at a key path can be reported as `file:line`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleErrors, RuleIssue


class LocDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    lines: dict


class LocList(list):
    """A sequence that remembers the line of each item (1-based)."""

    line: int = 0
    lines: dict


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present: 20x faster
    """SafeLoader + duplicate-key rejection + line numbers. Never constructs Python objects."""


class _PyLoader(yaml.SafeLoader):
    """The pure-Python safe loader: slower, but its syntax messages are clearer; used to report errors."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocDict:
    loader.flatten_mapping(node)
    out = LocDict()
    out.line, out.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise _Duplicate(key, key_node.start_mark.line + 1, out.lines[key])
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocList:
    out = LocList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.lines = {i: child.start_mark.line + 1 for i, child in enumerate(node.value)}
    return out


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise yaml.constructor.ConstructorError(None, None, f"'{node.value}' is not a valid date",
                                                node.start_mark) from None


for _cls in (_Loader, _PyLoader):
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _Duplicate(Exception):
    def __init__(self, key: Any, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def load_yaml(path: str | Path) -> Any:
    """Parse one YAML file safely; raise RuleErrors with file:line on syntax or duplicate keys."""
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from (C)SafeLoader
    except (_Duplicate, yaml.YAMLError):
        return _load_reporting(path, text)


def _load_reporting(path: Path, text: str) -> Any:
    """Parse again with the pure-Python loader, whose messages name what was expected."""
    try:
        return yaml.load(text, Loader=_PyLoader)  # noqa: S506 - _PyLoader derives from SafeLoader
    except _Duplicate as dup:
        raise RuleErrors([RuleIssue(
            "E-YAML-DUPLICATE-KEY", str(path), dup.line, str(dup.key),
            f"duplicate key '{dup.key}' (first defined on line {dup.first}); YAML would silently keep the last one",
        )]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise RuleErrors([RuleIssue(
            "E-YAML-SYNTAX", str(path), mark.line + 1 if mark else None, "",
            str(getattr(err, "problem", err)),
        )]) from None


def line_of(doc: Any, path: tuple) -> int | None:
    """The line of the deepest node on `path` (a pydantic `loc` or our own key path)."""
    line, node = getattr(doc, "line", None), doc
    for step in path:
        lines = getattr(node, "lines", None)
        if lines is None or step not in lines:
            break
        line, node = lines[step], node[step]
    return line


def as_date(value: Any) -> dt.date | None:
    """YAML gives dates for unquoted ISO dates; accept quoted ISO strings too."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
