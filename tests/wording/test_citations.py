"""Citations rendered from structured references: Vietnamese legal style and English short form."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from eligibility.rulebook.compile import compile_pack
from eligibility.rulebook.references import convert_text, structured
from eligibility.rulebook.schema import Reference
from eligibility.errors import RuleErrors
from eligibility.rulebook.validation import parse_model


def ref(**fields) -> Reference:
    return Reference.model_validate(fields)


HI = {"vi": "Bảo hiểm y tế", "en": "Health Insurance"}


@pytest.mark.parametrize("fields, vi, en", [
    (dict(kind="law", number="51/2024/QH15", title=HI, article=12, clause=3, point="o"),
     "điểm o khoản 3 Điều 12 Luật Bảo hiểm y tế số 51/2024/QH15", "Law 51/2024/QH15, Art. 12(3)(o)"),
    (dict(kind="decision", number="2553/QĐ-TTg"), "Quyết định số 2553/QĐ-TTg", "Decision 2553/QĐ-TTg"),
    (dict(kind="decree", number="20/2021/NĐ-CP", article="5", clause="5"),
     "khoản 5 Điều 5 Nghị định số 20/2021/NĐ-CP", "Decree 20/2021/NĐ-CP, Art. 5(5)"),
    (dict(kind="decision", number="353/QĐ-TTg", date=dt.date(2022, 3, 15)),
     "Quyết định số 353/QĐ-TTg ngày 15/03/2022", "Decision 353/QĐ-TTg of 15 Mar 2022"),
    (dict(kind="plan", number="767/KH-UBND", section="II", point="7"),
     "điểm 7 mục II Kế hoạch số 767/KH-UBND", "Plan 767/KH-UBND, section II(7)"),
    (dict(kind="decision", number="275/QĐ-TTg", year=2018, also=[dict(kind="decree", number="188/2025/NĐ-CP")]),
     "Quyết định số 275/QĐ-TTg năm 2018; Nghị định số 188/2025/NĐ-CP",
     "Decision 275/QĐ-TTg (2018); Decree 188/2025/NĐ-CP"),
    (dict(kind="other", title={"vi": "Quy ước của bộ quy tắc", "en": "Rule-pack convention"}),
     "Quy ước của bộ quy tắc", "Rule-pack convention"),
])
def test_citation_in_both_languages(fields, vi, en):
    assert ref(**fields).cite("vi") == vi
    assert ref(**fields).cite("en") == en


def test_the_old_one_string_form_is_refused_with_the_converter_named(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("kind: x\n", encoding="utf-8")
    with pytest.raises(RuleErrors) as err:
        parse_model(Reference, path, {"instrument": "Decree 20/2021/NĐ-CP"})
    assert "python -m eligibility.rulebook.references" in str(err.value)


def test_a_numbered_kind_needs_its_number_and_other_needs_a_title():
    with pytest.raises(ValueError, match="number"):
        ref(kind="decree", article="5")
    with pytest.raises(ValueError, match="title"):
        ref(kind="other")


def test_converter_reads_old_strings_and_keeps_the_rest_of_the_line():
    text = 'x:\n  reference: {instrument: Law 51/2024/QH15, article: "12", clause: "3", point: o, note: "n"}  # c\n'
    new, problems = convert_text(text, "f.yaml")
    assert not problems
    assert new == ('x:\n  reference: {kind: law, number: "51/2024/QH15", title: {vi: Bảo hiểm y tế, en: Health '
                   'Insurance}, article: "12", clause: "3", point: o, note: "n"}  # c\n')
    assert structured("Decision 353/QĐ-TTg (15 Mar 2022)") == {"kind": "decision", "number": "353/QĐ-TTg",
                                                                "date": dt.date(2022, 3, 15)}
    _, problems = convert_text("r: {instrument: Some letter}\n", "f.yaml")
    assert problems == ["f.yaml:1: cannot read the instrument 'Some letter'"]


def test_every_citation_of_the_bundled_pack_is_vietnamese_in_vi():
    plan = compile_pack()
    refs = [r.reference for b in plan.benefits.values() for r in b.rules]
    refs += [v.reference for p in plan.parameters.values() for v in p.spec.values]
    refs += [t.spec.reference for t in plan.targets.values()]
    english = re.compile(r"\b(Law|Decree|Decision|Ordinance|Resolution|Plan|Art\.)\b")
    for reference in refs:
        vi = reference.cite("vi")
        assert not english.search(vi), vi
        assert re.search(r"\b(Luật|Nghị định|Quyết định|Thông tư|Pháp lệnh|Nghị quyết|Kế hoạch|Kết luận|Phong trào|Quy ước)\b", vi), vi
