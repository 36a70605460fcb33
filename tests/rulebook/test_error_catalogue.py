"""docs/errors.md and `RULE_ERROR_CODES` stay in step, and every code has a broken fixture pack."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from eligibility.errors import RULE_ERROR_CODES, RuleErrors
from eligibility.rulebook.compile import compile_pack
from rulebook_support import BASE, FIXTURES, broken_fixtures, code_of_fixture

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"
CODE = re.compile(r"\bE-[A-Z]+(?:-[A-Z]+)*\b")


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def sections() -> dict[str, str]:
    """Each `## E-...` heading of the doc and the text under it, up to the next `## ` heading."""
    parts = re.split(r"^## ", doc_text(), flags=re.MULTILINE)[1:]
    out = {}
    for part in parts:
        heading, _, body = part.partition("\n")
        out[heading.strip()] = body
    return out


def test_every_code_is_documented_once():
    headings = [h for h in sections() if CODE.fullmatch(h)]
    assert sorted(headings) == sorted(RULE_ERROR_CODES)
    assert len(headings) == len(set(headings))


def test_the_doc_mentions_no_code_that_does_not_exist():
    assert set(CODE.findall(doc_text())) - set(RULE_ERROR_CODES) == set()


@pytest.mark.parametrize("code", sorted(RULE_ERROR_CODES))
def test_each_section_explains_example_message_and_fix(code):
    body = sections()[code]
    assert "```yaml" in body, f"{code}: no example of the broken rule text"
    assert "**Fix:**" in body, f"{code}: no fix"
    fixtures = re.findall(r"tests/rulebook/fixtures/([\w-]+)/", body)
    assert fixtures, f"{code}: the section names no fixture"
    assert all(code_of_fixture(f) == code for f in fixtures), f"{code}: names fixtures of another code: {fixtures}"
    if code != "E-EXAMPLE":   # not reported by the compiler yet (see its section)
        assert re.search(rf"^rules/\S+\.yaml:\d+: {code} at '", body, flags=re.MULTILINE), \
            f"{code}: no example of the printed message"


def test_every_code_has_a_fixture_and_every_fixture_a_code():
    by_code: dict[str, list[str]] = {}
    for name in broken_fixtures():
        code = code_of_fixture(name)
        assert code, f"fixtures/{name}: the name does not start with an error code"
        by_code.setdefault(code, []).append(name)
    assert sorted(by_code) == sorted(RULE_ERROR_CODES), \
        f"codes without a fixture: {sorted(set(RULE_ERROR_CODES) - set(by_code))}"


def test_every_fixture_is_named_in_the_doc_and_every_named_fixture_exists():
    named = set(re.findall(r"tests/rulebook/fixtures/([\w-]+)/", doc_text()))
    assert named - {"_base"} == set(broken_fixtures())
    assert all((FIXTURES / name).is_dir() for name in named)


def test_printed_messages_in_the_doc_are_what_the_tool_prints(tmp_path):
    """Every message quoted in the doc is printed, verbatim, by the fixture it comes from."""
    printed = set()
    for name in broken_fixtures():
        pack = tmp_path / name / "rules"
        shutil.copytree(BASE, pack)
        shutil.copytree(FIXTURES / name, pack, dirs_exist_ok=True)
        try:
            compile_pack(pack)
        except RuleErrors as err:
            printed |= {str(issue).replace(str(pack.parent) + "/", "") for issue in err.issues}
    quoted = {line for line in doc_text().splitlines() if re.match(r"rules/\S+\.yaml:\d+: E-", line)}
    assert quoted, "the doc quotes no message"
    assert quoted - printed == set(), "messages in docs/errors.md that the tool no longer prints"
