"""Vietnamese all the way (issue 14), the rule pack's own words: a folder that is not a rule pack, and
the warning naming the figures that declare no unit. Said under vi in the catalogue's Vietnamese and
under en in the very English they had before the catalogue (asserted whole)."""
from __future__ import annotations

import pytest
from rulebook_support import PARAMS, POLICY

from eligibility.errors import RuleErrors
from eligibility.messages import set_language
from eligibility.rulebook.compile import compile_pack
from eligibility.rulebook.load import resolve_rules_dir


def _in(lang: str, show) -> str:
    previous = set_language(lang)
    try:
        return show()
    finally:
        set_language(previous)


def test_a_folder_that_is_not_a_rule_pack_is_said_in_vietnamese(tmp_path):
    with pytest.raises(RuleErrors) as caught:
        resolve_rules_dir(tmp_path)
    issue = caught.value.issues[0]
    assert _in("en", lambda: str(issue)).endswith("not a rule pack: expected inputs/, parameters/, policies/ inside")
    assert _in("vi", lambda: str(issue)).endswith(
        "không phải bộ quy tắc: thư mục này phải chứa các thư mục inputs/, parameters/, policies/")


def test_the_figures_without_a_unit_are_named_in_vietnamese(make_pack):
    pack = make_pack(patches={PARAMS: [("    unit: VND/month\n", "")],
                              POLICY: [("          - age >= 60", "          - age >= param('support.standard')")]})
    warning = next(w for w in compile_pack(pack).warnings if w.code == "W-UNIT-INFERRED")
    en, vi = (_in(lang, lambda: str(warning)) for lang in ("en", "vi"))
    assert en.endswith("2 parameters or columns declare no `unit:`, so their figures are not unit-checked "
                       "(declare VND/month, share, years, ...): pension, support.standard"), en
    assert vi.endswith("2 tham số hoặc cột không khai báo `unit:` (đơn vị), nên số liệu của chúng không được kiểm "
                       "tra đơn vị (hãy khai báo, ví dụ VND/month, share, years, ...): pension, support.standard"), vi
