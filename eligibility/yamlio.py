"""YAML for rule files: the safe loader, duplicate keys rejected, every node's line remembered.

`load_yaml(path)` returns plain dicts/lists (subclasses that carry `.lines`: key or index → line)
so that a validation error at a key path can be reported as `file:line`. The parser itself is in
`yamlparse.py`, imported only when a file is parsed: a start-up whose rule files all come from the
cache (`rulebook/yamlcache.py`) never imports PyYAML (about 0.02 CPU-s).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any


class LocDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    lines: dict


class LocList(list):
    """A sequence that remembers the line of each item (1-based)."""

    line: int = 0
    lines: dict


def load_yaml(path: str | Path) -> Any:
    """Parse one YAML file safely; raise RuleErrors with file:line on syntax, duplicate keys, text
    that is not UTF-8, nesting too deep or aliases expanding too far (`yamlparse.parse_yaml`)."""
    from .yamlparse import parse_yaml

    return parse_yaml(path)


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
