"""Nothing in a rule file can run code.

Hostile expressions are planted in a rule condition of the base pack; each must be rejected with
E-EXPR-FORBIDDEN or E-EXPR-SYNTAX at the right file:line, and nothing may have run: an audit hook
records process-level side effects (os.system, subprocess, exec of code objects, opening a file
outside the pack), `os.system` is replaced by a sentinel, and the shell commands in the payloads
would create a sentinel file.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eligibility.cli import main
from eligibility.errors import RuleErrors
from eligibility.rulebook.compile import compile_pack
from rulebook_support import PARAMS, POLICY, compile_errors, rel

CONDITION = "- has_disability == True"      # line 34 of the base policy file
CONDITION_LINE, CONDITION_KEY = 34, "benefits.monthly_allowance.rules.1.conditions.0"

# --------------------------------------------------------------- a process-wide recorder of side effects
_WATCHED = ("os.system", "os.posix_spawn", "os.fork", "subprocess.Popen", "builtins.input", "ctypes.dlopen",
            "socket.connect", "shutil.rmtree", "os.remove")


# Python's own lazy imports (e.g. the utf-8-sig codec on the first rule file read) open and exec
# module files from these folders; anything else is recorded.
_CODE_ROOTS = tuple({os.path.abspath(p) + os.sep for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})


def _is_module_file(path: str) -> bool:
    path = os.path.abspath(path)
    return path.startswith(_CODE_ROOTS) and path.endswith((".py", ".pyc", ".so", ".pth"))


class _Recorder:
    def __init__(self):
        self.active, self.events, self.allowed_root = False, [], None

    def __call__(self, event: str, args: tuple) -> None:
        if not self.active:
            return
        if event == "open":
            path = str(args[0]) if args else ""
            if not (self.allowed_root and os.path.abspath(path).startswith(self.allowed_root)) \
                    and not _is_module_file(path):
                self.events.append((event, path))
        elif event == "exec":
            filename = getattr(args[0], "co_filename", "") if args else ""
            if not _is_module_file(filename):
                self.events.append((event, filename))
        elif event in _WATCHED or event.startswith(("os.exec", "os.spawn")):
            self.events.append((event, repr(args)[:200]))


_recorder = _Recorder()
sys.addaudithook(_recorder)   # audit hooks cannot be removed; inactive outside `watch`


_WARM = []


def _warm_up(make_pack, monkeypatch) -> None:
    """Compile, unwatched, a sound pack and one with an everyday mistake, once per process: what the
    tool loads on first use (the catalogue and Babel's locale data behind an error's words, lazily imported
    modules, the entry points pydantic scans) is then loaded, and the watch sees only what a hostile file
    makes compiling do. Without it the first watched compile of a process recorded those opens, so a
    test failed or passed by the order the tests ran in."""
    if _WARM:
        return
    monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", "off")
    for patches in ({}, {POLICY: [(CONDITION, "- has_disabilty == True")]}):
        with contextlib.suppress(RuleErrors):
            compile_pack(make_pack(patches=patches))
    _WARM.append(True)


@pytest.fixture
def watch(monkeypatch, tmp_path, make_pack):
    """Yield a function that compiles a pack while recording side effects; returns (issues, events)."""
    _warm_up(make_pack, monkeypatch)
    calls = []
    monkeypatch.setattr(os, "system", lambda *a, **k: calls.append(a) or 0)

    def run(pack: Path):
        # the parsed-file cache (rulebook/yamlcache.py) is the one file access compiling may make outside the
        # pack: kept inside the watched folder, so that its reads and writes are allowed and everything else seen
        monkeypatch.setenv("ELIGIBILITY_CACHE_DIR", str(pack.parent / "cache"))
        _recorder.events, _recorder.allowed_root = [], os.path.abspath(str(pack.parent))
        _recorder.active = True
        try:
            try:
                compile_pack(pack)
                issues = []
            except RuleErrors as err:
                issues = err.issues
        finally:
            _recorder.active = False
        return issues, list(_recorder.events) + [("os.system (sentinel)", repr(c)) for c in calls]

    return run


def test_the_recorder_sees_what_it_must(watch, tmp_path):
    """Positive control: exec of a code object and opening a file outside the pack are recorded."""
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    _recorder.events, _recorder.allowed_root, _recorder.active = [], str(tmp_path / "pack"), True
    try:
        exec("x = 1", {})                                  # noqa: S102 - the control itself
        open(outside).close()
    finally:
        _recorder.active = False
    assert {e for e, _ in _recorder.events} == {"exec", "open"}


# --------------------------------------------------------------- hostile expressions
def hostile(sentinel: Path) -> dict[str, str]:
    touch = f"touch {sentinel}"
    return {
        "import-system": f"__import__('os').system('{touch}')",
        "class-bases": "().__class__.__bases__",
        "subclasses": "().__class__.__bases__[0].__subclasses__()",
        "household-dict": "household.__dict__",
        "household-dunder-chain": "household.is_poor.__class__",
        "open-file": "open('/etc/passwd')",
        "eval": f"eval(\"__import__('os').system('{touch}')\")",
        "exec": f"exec(\"__import__('os').system('{touch}')\")",
        "lambda": "lambda: 1",
        "list-comprehension": "[x for x in range(10)]",
        "dict-comprehension": "{x: 1 for x in y}",
        "generator": "known(x for x in y)",
        "walrus": "(x := 1)",
        "f-string": "f'{age}'",
        "power-tower": "9**9**9",
        "power": "2**1000",
        "power-small": "age ** 2 > 3600",
        "subscript": "age[0]",
        "getattr": "getattr(age, 'x')",
        "starred": "*args",
        "starred-argument": "least(*age)",
        "keyword-argument": "round(age, ndigits=2)",
        "dunder-name": "__builtins__",
        "globals": "globals()",
        "breakpoint": "breakpoint()",
        "method-call": "'x'.join(['a'])",
        "attribute-of-call": "date('2020-01-01').year",
        "hidden-in-branch": f"age if True else __import__('os').system('{touch}')",
        "set": "{1, 2}",
        "dict": "{'a': 1}",
        "bytes": "b'x'",
        "ellipsis": "...",
        "is-none": "age is None",
        "matmul": "age @ age",
        "bit-not": "~age",
        "too-long": "age + " * 400 + "1 > 0",
        "statement": "import os",
        "semicolon": "age > 1; __import__('os')",
        "huge-number": "10 ** 100000",
        "huge-literal": "1" * 400 + " > age",
    }


HOSTILE_NAMES = sorted(hostile(Path("/nonexistent")))


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_expression_is_rejected_and_never_run(name, make_pack, watch, tmp_path):
    sentinel = tmp_path / "pwned"
    source = hostile(sentinel)[name]
    pack = make_pack(patches={POLICY: [(CONDITION, "- " + json.dumps(source))]})
    issues, events = watch(pack)
    assert events == [], f"side effects while compiling {source!r}: {events}"
    assert not sentinel.exists()
    assert len(issues) == 1, "\n".join(map(str, issues))
    issue = issues[0]
    assert issue.code in ("E-EXPR-FORBIDDEN", "E-EXPR-SYNTAX"), str(issue)
    assert (rel(issue, pack), issue.line, issue.key) == (POLICY, CONDITION_LINE, CONDITION_KEY)


def test_exponentiation_is_refused_without_being_computed(make_pack, watch):
    """`9**9**9` would take hours and all memory if anything folded it; the check is immediate."""
    pack = make_pack(patches={POLICY: [(CONDITION, "- 9**9**9**9 > age")]})
    issues, events = watch(pack)
    assert events == []
    assert [(i.code, i.line) for i in issues] == [("E-EXPR-FORBIDDEN", CONDITION_LINE)]
    assert "Pow" in issues[0].message or "**" in issues[0].message


def test_hostile_expression_in_every_kind_of_field(make_pack, watch, tmp_path):
    """Formulas, case conditions, amounts, enrolment tests and example-free fields are all checked."""
    sentinel = tmp_path / "pwned"
    evil = json.dumps(f"__import__('os').system('touch {sentinel}')")
    pack = make_pack(patches={POLICY: [
        ("formula: years_between(date_of_birth, as_of)", f"formula: {evil}"),
        ("amount: param('support.standard') * 2", f"amount: {evil}"),
        ("    hit_policy: max", f"    hit_policy: max\n    enrolled_when: {evil}"),
    ]})
    issues, events = watch(pack)
    assert events == [] and not sentinel.exists()
    got = sorted((i.line, i.key, i.code) for i in issues)
    assert got == [
        (7, "variables.age.formula", "E-EXPR-FORBIDDEN"),
        (20, "benefits.monthly_allowance.enrolled_when", "E-EXPR-FORBIDDEN"),
        (36, "benefits.monthly_allowance.rules.1.amount", "E-EXPR-FORBIDDEN"),
    ]


# --------------------------------------------------------------- size and depth
DEEP = {
    # parentheses do not make tree nodes: valid, however many the parser allows
    "parens-150": "(" * 150 + "age >= 60" + ")" * 150,
    # past the parser's own limit (200): a syntax error, not a crash
    "parens-600": "(" * 600 + "age >= 60" + ")" * 600,
    "brackets-190": "age in " + "[" * 190 + "1" + "]" * 190,
    "not-chain": "not " * 490 + "has_disability",
    "minus-chain": "-" * 1000 + "age >= 0",
    "plus-chain": "age" + " + 1" * 495 + " >= 0",
    "and-chain": " and ".join(["has_disability"] * 100),
    "if-chain": "has_disability if " * 60 + "True" + " else False" * 60,
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deeply_nested_expression_never_crashes(name, make_pack, watch):
    """Every expression under the 2000-character limit either compiles or is a located error;
    a RecursionError (a crash, a traceback in the CLI) is a bug."""
    source = DEEP[name]
    assert len(source) <= 2000
    pack = make_pack(patches={POLICY: [(CONDITION, "- " + json.dumps(source))]})
    try:
        issues, events = watch(pack)
    except RecursionError:
        pytest.fail(f"RecursionError compiling a {len(source)}-character expression ({name})")
    assert events == []
    for issue in issues:
        assert issue.code in ("E-EXPR-SYNTAX", "E-EXPR-FORBIDDEN", "E-TYPE"), str(issue)
        assert (issue.line, issue.key) == (CONDITION_LINE, CONDITION_KEY)


def test_expression_longer_than_the_limit_is_refused_before_parsing(make_pack, monkeypatch):
    import ast

    parsed = []
    real_parse = ast.parse
    monkeypatch.setattr(ast, "parse", lambda src, *a, **k: parsed.append(src) or real_parse(src, *a, **k))
    source = "age >= " + "1" * 1994 + " or " + "has_disability"
    pack = make_pack(patches={POLICY: [(CONDITION, "- " + json.dumps(source))]})
    (issue,) = compile_errors(pack)
    assert (issue.code, issue.line) == ("E-EXPR-SYNTAX", CONDITION_LINE)
    assert "2000" in issue.message
    assert source not in parsed and source.strip() not in parsed


def test_deep_expression_through_the_cli_is_a_clean_error(make_pack):
    pack = make_pack(patches={POLICY: [(CONDITION, "- " + json.dumps("-" * 1000 + "age >= 0"))]})
    result = CliRunner().invoke(main, ["validate", str(pack)])
    assert result.exit_code == 1
    assert not isinstance(result.exception, RecursionError), "RecursionError escaped to the CLI"
    assert f"allowance.yaml:{CONDITION_LINE}:" in result.output


# --------------------------------------------------------------- YAML tags
TAGS = {
    "apply-os-system": "!!python/object/apply:os.system ['touch SENTINEL']",
    "apply-subprocess": "!!python/object/apply:subprocess.check_output [['touch', 'SENTINEL']]",
    "new-object": "!!python/object/new:subprocess.Popen [['touch', 'SENTINEL']]",
    "python-name": "!!python/name:os.system",
    "python-module": "!!python/module:os",
    "apply-eval": "!!python/object/apply:builtins.eval [\"__import__('os').system('touch SENTINEL')\"]",
    "custom-tag": "!include /etc/passwd",
}


@pytest.mark.parametrize("name", sorted(TAGS))
def test_yaml_python_tags_are_refused_by_the_safe_loader(name, make_pack, watch, tmp_path):
    sentinel = tmp_path / "pwned"
    tag = TAGS[name].replace("SENTINEL", str(sentinel))
    evil = ("  support.evil:\n"                                   # line 17
            "    label: {vi: x, en: y}\n"
            "    type: money\n"
            f"    values: {tag}\n")                               # line 20
    pack = make_pack(patches={PARAMS: [("        confidence: C\n", "        confidence: C\n" + evil)]})
    issues, events = watch(pack)
    assert events == [] and not sentinel.exists()
    assert [(i.code, rel(i, pack), i.line) for i in issues] == [("E-YAML-SYNTAX", PARAMS, 20)]
    assert "tag" in issues[0].message


def test_yaml_tag_through_the_cli_is_refused_and_nothing_runs(make_pack, tmp_path):
    sentinel = tmp_path / "pwned"
    pack = make_pack(files={"policies/evil.yaml": f"variables: !!python/object/apply:os.system ['touch {sentinel}']\n"})
    result = CliRunner().invoke(main, ["validate", str(pack)])
    assert result.exit_code == 1
    assert "evil.yaml:1: E-YAML-SYNTAX" in result.output
    assert not sentinel.exists()
