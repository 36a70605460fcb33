"""The YAML parser of `yamlio.load_yaml`: PyYAML's safe loader (libyaml's when present), duplicate
keys rejected, every node's line remembered; kept apart so that PyYAML is imported only when a file
is actually parsed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Phrase, RuleErrors, RuleIssue
from .wording.catalogue import N_
from .yamlio import LocDict, LocList


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


MAX_DEPTH = 64               # nesting of mappings and lists (the rule pack uses about 10)
MAX_EXPANDED_NODES = 200_000  # nodes once every alias is expanded (the largest rule file has ~3,000)


def parse_yaml(path: str | Path) -> Any:
    """Parse one YAML file safely; raise RuleErrors with file:line on syntax, duplicate keys, text
    that is not UTF-8, nesting deeper than MAX_DEPTH or aliases expanding past MAX_EXPANDED_NODES
    (a 'billion laughs' file would make every later walk over the data hang)."""
    path = Path(path)
    text = _read_text(path)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_size(node, path)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except (_Duplicate, yaml.YAMLError) as err:
        if "maximum nesting depth" in str(err):  # libyaml's own limit (1,000 levels)
            _refuse_deep(path, text)
        try:
            return _load_reporting(path, text)
        except RecursionError:  # the pure-Python loader recurses per level of nesting
            _refuse_deep(path, text)
    except RecursionError:
        _refuse_deep(path, text)


def _refuse_deep(path: Path, text: str) -> None:
    """Find, from the parser's event stream (no recursion), the line where nesting passes MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=_PyLoader):  # libyaml's scanner reads too far ahead
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                _refuse(path, event, "E-YAML-DEPTH", Phrase(TOO_DEEP, depth=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    raise RuleErrors([RuleIssue("E-YAML-DEPTH", str(path), None, "", Phrase(TOO_DEEP, depth=MAX_DEPTH))])


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise RuleErrors([RuleIssue(
            "E-YAML-ENCODING", str(path), line, "",
            Phrase(N_("byte {byte} is not UTF-8 text; save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8)"),
                   byte=f"0x{data[err.start]:02x}"))]) from None


def _check_size(root: yaml.Node, path: Path) -> None:
    """Depth and expanded size of the node graph, each node counted once (aliases share nodes),
    without recursion, so that a hostile file is refused in milliseconds."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    open_nodes: set[int] = set()  # nodes whose subtree is being walked: the path from the root
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if not done:
            if key in open_nodes:  # an alias to a mapping or list that contains it
                _refuse(path, node, "E-YAML-ALIAS", Phrase(N_("an alias refers to the mapping or list that contains it")))
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        open_nodes.discard(key)
        sizes[key] = 1 + sum(sizes[id(c)] for c in children)
        depths[key] = 1 + max((depths[id(c)] for c in children), default=0)
        if sizes[key] > MAX_EXPANDED_NODES:
            _refuse(path, node, "E-YAML-ALIAS",
                    Phrase(N_("aliases (*name) expand this data to more than {limit} values; write the repeated part "
                              "out or use fewer nested aliases"), limit=f"{MAX_EXPANDED_NODES:,}"))
        if depths[key] > MAX_DEPTH:
            _refuse(path, node, "E-YAML-DEPTH", Phrase(TOO_DEEP, depth=MAX_DEPTH))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


TOO_DEEP = N_("the data is nested more than {depth} levels deep")
# PyYAML's words for the syntax errors a hand-edited rule file most often has: English as PyYAML says
# them, the catalogue says them for whoever edits the file in Vietnamese
PROBLEMS = (N_("mapping values are not allowed here"), N_("could not find expected ':'"),
            N_("did not find expected key"), N_("did not find expected '-' indicator"),
            N_("found character '\\t' that cannot start any token"), N_("found unexpected end of stream"),
            N_("found undefined alias"))
BLOCK_END = N_("expected <block end>, but found {found}")


def _problem(err: yaml.YAMLError) -> str:
    """What PyYAML found, worded again in the reader's language where it is a common one."""
    problem = str(getattr(err, "problem", None) or err)
    if problem in PROBLEMS:
        return Phrase(problem)
    if problem.startswith("expected <block end>, but found "):
        return Phrase(BLOCK_END, found=problem.removeprefix("expected <block end>, but found "))
    return problem


def _refuse(path: Path, node, code: str, text: str) -> None:
    raise RuleErrors([RuleIssue(code, str(path), node.start_mark.line + 1, "", text)])


def _load_reporting(path: Path, text: str) -> Any:
    """Parse again with the pure-Python loader, whose messages name what was expected."""
    try:
        return yaml.load(text, Loader=_PyLoader)
    except _Duplicate as dup:
        raise RuleErrors([RuleIssue(
            "E-YAML-DUPLICATE-KEY", str(path), dup.line, str(dup.key),
            Phrase(N_("duplicate key '{key}' (first defined on line {first}); YAML would silently keep the last one"),
                   key=str(dup.key), first=dup.first),
        )]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise RuleErrors([RuleIssue(
            "E-YAML-SYNTAX", str(path), mark.line + 1 if mark else None, "",
            _problem(err),
        )]) from None
