"""The one catalogue of words: every message of the package has its Vietnamese, and the
vocabulary's words (statuses, coverage values, hit policies) are worded there and nowhere else."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

import eligibility
from eligibility.vocabulary import Coverage, HitPolicy, Match, Status
from eligibility.wording import format_amount, format_rate, unit_label
from eligibility.wording.catalogue import KEYWORDS, N_, po_path

PACKAGE = Path(eligibility.__file__).resolve().parent


def _extracted() -> set[tuple[str | None, str | tuple[str, ...]]]:
    """Every message marked in the package's code (`_()`, `N_()`, `NP_()` with its plural, `NC_()`
    with its context), as Babel extracts it: (context or None, message)."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords={**DEFAULT_KEYWORDS, **KEYWORDS})
    return {(context, message) for _, _, message, _, context in found}


def test_every_message_has_its_vietnamese():
    with open(po_path("vi"), "rb") as fh:
        catalog = read_po(fh, locale="vi")
    translated = {(m.context, m.id) for m in catalog if m.id and not m.fuzzy
                  and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    missing = sorted(map(str, _extracted() - translated))
    assert not missing, f"no Vietnamese in {po_path('vi')} for: {missing}"


def test_a_message_in_a_context_is_extracted_with_it(tmp_path):
    """`NC_("report column", "Decision")` reaches the catalogue as its context and message, so the
    check above fails on a context without its `msgctxt` entry, even where the bare word has one."""
    (tmp_path / "new.py").write_text('from eligibility.wording.catalogue import NC_\nWORD = NC_("a place", "Decision")\n')
    found = extract_from_dir(str(tmp_path), method_map=[("**.py", "python")], keywords={**DEFAULT_KEYWORDS, **KEYWORDS})
    assert [(context, message) for _, _, message, _, context in found] == [("a place", "Decision")]


def test_every_context_is_written_out():
    """Babel reads a context only from a string literal: `NC_(COLUMN, "Decision")` would reach the
    catalogue without one, and be shown in the bare word's Vietnamese."""
    import re

    call = re.compile(r"\bNC_\((?!\s*\"[^\"]+\",)")
    found = [f"{path.relative_to(PACKAGE)}:{i}" for path in PACKAGE.rglob("*.py") if path.name != "catalogue.py"
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if call.search(line)]
    assert not found, found


def _written_in_both(node) -> bool:
    """A {"en": ..., "vi": ...} literal holding words: a table of strings, or Vietnamese text (formats
    such as {"vi": "%d/%m/%Y", "en": "%Y-%m-%d"} and labels read from the rule pack are not words here)."""
    import ast

    keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
    if not {"en", "vi"} <= keys:
        return False
    for value in node.values:
        if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)) and any(
                isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value for n in ast.walk(value)):
            return True
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and not value.value.isascii():
            return True
    return False


def test_no_table_of_words_is_written_in_both_languages():
    """Words live in the catalogue: a table maps codes to English marked with N_ (its Vietnamese in the
    .po), read where shown with in_lang / translator, never an {"en": ..., "vi": ...} table beside it."""
    import ast

    found = [f"{path.relative_to(PACKAGE)}:{node.lineno}" for path in PACKAGE.rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Dict) and _written_in_both(node)]
    assert not found, found


def test_the_table_check_can_fail():
    import ast

    table = ast.parse('WORDS = {"en": {"from": "from"}, "vi": {"from": "từ"}}').body[0].value
    note = ast.parse('NOTE = {"en": "summed", "vi": "cộng"}').body[0].value
    fmt = ast.parse('FORMATS = {"vi": "%d/%m/%Y", "en": "%d %b %Y"}').body[0].value
    assert _written_in_both(table) and _written_in_both(note) and not _written_in_both(fmt)


def test_babel_cfg_names_the_catalogues_keywords():
    """`pybabel extract -F babel.cfg` (the .pot) finds what this test finds: the same keywords."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(PACKAGE.parent / "babel.cfg", encoding="utf-8") as fh:
        _, options = parse_mapping_cfg(fh)
    assert options["**.py"]["keywords"] == KEYWORDS


def test_a_word_in_a_context_and_a_table_of_words():
    from eligibility.wording.catalogue import NC_, in_lang, translator

    header, document = NC_("report column", "Decision"), "Decision"
    assert translator("vi")(header) == "Kết quả" and translator("vi")(document) == "Quyết định"
    assert type(translator("en")(header)) is str and translator("en")(header) == "Decision"
    table = {"status": header, "notes": [N_("Decision")], "cards": {"doc": N_("Decision")}}
    assert in_lang(table, "vi") == {"status": "Kết quả", "notes": ["Quyết định"], "cards": {"doc": "Quyết định"}}
    assert in_lang(table, "en") == {"status": "Decision", "notes": ["Decision"], "cards": {"doc": "Decision"}}
    assert translator("vi")("") == ""     # not the .po's header


def test_the_check_can_fail(tmp_path):
    (tmp_path / "new.py").write_text('from eligibility.wording import N_\nWORD = N_("a word nobody translated")\n')
    found = {m[2] for m in extract_from_dir(str(tmp_path), method_map=[("**.py", "python")])}
    assert "a word nobody translated" in found


@pytest.mark.parametrize("word", [*Status, *Coverage, *HitPolicy, *Match])
def test_each_word_of_the_vocabulary_has_a_label_in_both_languages(word):
    if word is Coverage.NONE:
        assert word.label("vi") == word.label("en") == ""
        return
    assert word.label("en") and word.label("vi") and word.label("vi") != word.label("en")
    assert word.describe("vi")


def test_gap_is_worded_once():
    assert Coverage.GAP.label("vi") == "bỏ sót"
    assert Coverage.GAP.describe("vi") == "đủ điều kiện nhưng chưa được hưởng"
    assert Coverage.GAP.label("en") == "gap"


@pytest.mark.parametrize("amount, unit, vi, en", [
    (1_500_000, "vnd_per_month", "1.500.000 đồng/tháng", "1,500,000 VND/month"),
    (15, "kg_rice", "15 kg gạo", "15 kg rice"),
    (100_000_000, "loan", "tối đa 100.000.000 đồng", "up to 100,000,000 VND"),
    (1.0, "share_of_premium", "100%", "100%"),
    (2_000_000, "vnd_once", "2.000.000 đồng (một lần)", "2,000,000 VND, once"),
])
def test_amounts_in_words(amount, unit, vi, en):
    assert format_amount(amount, unit, "vi") == vi
    assert format_amount(amount, unit, "en") == en


def test_rates_and_units():
    assert format_rate(0.0792, "vi") == "7,92%/năm"
    assert format_rate(0.0792, "en") == "7.92%/year"
    assert unit_label("vnd_per_month", "vi") == "đồng/tháng"


def test_no_message_is_hidden_from_babel_inside_an_f_string():
    """`f"{_('basis')}: …"` shows English in Vietnamese: Babel does not extract a call inside an
    f-string, so the message never reaches the catalogue (and the check above cannot see it)."""
    import re

    hidden = re.compile(r"""\{_\(\s*["']""")
    found = [f"{path.relative_to(PACKAGE)}:{i}" for path in PACKAGE.rglob("*.py")
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert not found, found


def test_every_error_warning_and_reject_code_has_its_vietnamese():
    """Codes stay (stable identifiers); what each means is said in Vietnamese under --lang vi."""
    from eligibility.errors import RULE_ERROR_CODES, RULE_WARNING_CODES
    from eligibility.register.model import REJECT_CODES
    from eligibility.wording.catalogue import translations

    catalogue = translations("vi")
    codes = {**RULE_ERROR_CODES, **RULE_WARNING_CODES, **REJECT_CODES}
    assert [code for code, meaning in codes.items() if catalogue.gettext(meaning) == meaning] == []


def test_a_rule_issue_is_worded_in_the_language_the_command_line_set():
    from eligibility.errors import RuleErrors, RuleIssue
    from eligibility.messages import set_language

    issue = RuleIssue("E-NAME-UNKNOWN", "rules/x.yaml", 3, "benefits.b.rules.0", "unknown name 'agee'",
                      suggestion="age")
    english = str(RuleErrors([issue]))
    assert english == ("1 error(s) in the rule pack:\n  rules/x.yaml:3: E-NAME-UNKNOWN at 'benefits.b.rules.0': "
                       "unknown name 'agee'; did you mean 'age'?")
    previous = set_language("vi")
    try:
        vietnamese = str(RuleErrors([issue]))
    finally:
        set_language(previous)
    assert vietnamese.startswith("1 lỗi trong bộ quy định:\n  rules/x.yaml:3: E-NAME-UNKNOWN tại 'benefits.b.rules.0': ")
    assert "biểu thức dùng một tên không phải cột dữ liệu đầu vào" in vietnamese
    assert "có phải ý bạn là 'age'?" in vietnamese


def test_no_string_stands_after_a_blank_line_in_the_po():
    """A merge of the .po (land.sh's) once left a translation's continuation lines after a blank line: Babel
    reads them into the entry above, so the word before them ('money (VND)') read as two sentences."""
    lines = po_path("vi").read_text(encoding="utf-8").splitlines()
    stray = [n + 2 for n, (before, line) in enumerate(zip(lines, lines[1:])) if not before.strip()
             and line.startswith('"')]
    assert not stray, f"strings without their msgid or msgstr at lines {stray} of {po_path('vi')}"


def test_no_message_is_translated_twice_in_the_po():
    """A message written twice (a merge keeping both sides) is read by Babel as the last one and refused by
    msgfmt: whichever wins, the other translation is dead text that a translator may edit in vain."""
    import re
    from collections import Counter

    text = po_path("vi").read_text(encoding="utf-8")
    ids = Counter(m.group(0) for m in re.finditer(r'^(?:msgctxt .*(?:\n".*")*\n)?msgid .*(?:\n".*")*', text, re.M))
    assert not [key for key, n in ids.items() if n > 1]
