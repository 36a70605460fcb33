"""Load a rule pack folder: every YAML file validated, every error collected with file:line."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Phrase, RuleErrors, RuleIssue
from ..wording.catalogue import N_
from ..yamlio import line_of
from .yamlcache import load_yaml_cached
from .inputs import AUDIT_TABLES, MAIN_TABLES, InputSchema, Table
from .schema import ParameterFile, PolicyFile, TargetFile
from .validation import parse_model



def bundled_rules() -> Path:
    """The rule pack that ships with the package. A built wheel carries it as package data
    (`eligibility/rules`, copied from the repository's `rules/` by setup.py at build time); a
    checkout, or an editable install, reads the repository's `rules/`, where policy staff edit it."""
    packaged = resources.files("eligibility") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


DEFAULT_RULES = bundled_rules()


@dataclass
class Source:
    """One validated file with its raw document (for line numbers)."""

    path: Path
    doc: Any
    model: Any

    def line(self, *key_path: Any) -> int | None:
        return line_of(self.doc, tuple(key_path))


NOT_A_PACK = N_("not a rule pack: expected inputs/, parameters/, policies/ inside")


@dataclass
class RulePack:
    folder: Path
    inputs: InputSchema
    parameters: list[Source] = field(default_factory=list)
    policies: list[Source] = field(default_factory=list)
    targets: list[Source] = field(default_factory=list)
    digest: str = ""
    issues: list[RuleIssue] = field(default_factory=list)      # files that failed the schema (lenient load)
    broken_names: set[str] = field(default_factory=set)        # names those files declare


def resolve_rules_dir(rules_dir: str | Path | None) -> Path:
    folder = Path(rules_dir) if rules_dir else DEFAULT_RULES
    if not (folder / "inputs").is_dir():
        raise RuleErrors([RuleIssue("E-SCHEMA", str(folder), None, "",
                                    Phrase(NOT_A_PACK))])
    return folder


def load_pack(rules_dir: str | Path | None = None, lenient: bool = False) -> RulePack:
    """Read and validate every file of the pack; raise one RuleErrors listing all problems.

    `lenient`: a file that fails the schema is left out and its problems kept in `pack.issues`, so the
    compiler can still check every other file (a mistake in one file hides none in the others). Only
    broken `inputs/` stop everything: no expression can be checked without the register's columns."""
    folder = resolve_rules_dir(rules_dir)
    issues: list[RuleIssue] = []
    tables = {}
    for name in MAIN_TABLES + AUDIT_TABLES:   # the audit tables are optional: read where declared
        path = folder / "inputs" / f"{name}.yaml"
        if name in AUDIT_TABLES and not path.is_file():
            continue
        src = _validated(path, Table, issues)
        if src:
            tables[name] = src.model
    broken: set[str] = set()
    groups = {key: [s for p in _yaml_files(folder / key) if (s := _validated(p, model, issues, broken))]
              for key, model in (("parameters", ParameterFile), ("policies", PolicyFile), ("targets", TargetFile))}
    if issues and (not lenient or not all(n in tables for n in MAIN_TABLES)):
        raise RuleErrors(sorted(issues, key=lambda i: (i.file, i.line or 0)))
    return RulePack(folder, InputSchema(**tables), digest=pack_digest(folder), issues=issues, broken_names=broken,
                    **groups)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file()) if folder.is_dir() else []


def _validated(path: Path, model: type, issues: list[RuleIssue], broken: set[str] | None = None) -> Source | None:
    doc = None
    try:
        doc = load_yaml_cached(path)  # parsed once per text: yamlcache.py
        return Source(path, doc, parse_model(model, path, doc))
    except RuleErrors as err:
        issues.extend(err.issues)
        if broken is not None:
            broken |= _declared_names(doc) if isinstance(doc, dict) else _names_in_text(path)
        return None


def _declared_names(doc: dict[str, Any]) -> set[str]:
    """What a file that failed the schema meant to declare (so nobody else is blamed for using it)."""
    names = set()
    for key in ("parameters", "variables", "benefits", "targets"):
        section = doc.get(key)
        if isinstance(section, dict):
            names |= {str(n) for n in section}
    return names


def _names_in_text(path: Path) -> set[str]:
    """An unreadable file's second-level keys, read as text (the best guess at what it declares)."""
    import re

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    return set(re.findall(r"^  ([A-Za-z_][\w.]*):", text, flags=re.MULTILINE))


def pack_digest(folder: Path) -> str:
    """sha256 over the pack's YAML files (relative path + bytes), in a stable order."""
    digest = hashlib.sha256()
    for path in _yaml_files(folder):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
