"""Citations from structured references, in Vietnamese legal style or in English.

    vi: điểm o khoản 3 Điều 12 Luật Bảo hiểm y tế số 51/2024/QH15 · Quyết định số 2553/QĐ-TTg
    en: Law 51/2024/QH15, Art. 12(3)(o) · Decision 2553/QĐ-TTg

Vietnamese cites from the smallest unit up (điểm, khoản, Điều, mục) and then the instrument with
its kind and "số"; English names the instrument first and the article with clause and point in
brackets. Both are built from the reference's fields; nothing is replaced inside a string.
"""
from __future__ import annotations

from .catalogue import N_, translator
from .formats import format_date

KINDS = {"law": N_("Law"), "ordinance": N_("Ordinance"), "resolution": N_("Resolution"), "decree": N_("Decree"),
         "decision": N_("Decision"), "circular": N_("Circular"), "plan": N_("Plan"), "conclusion": N_("Conclusion")}


def cite(ref, lang: str = "en") -> str:
    """One reference (and the instruments it is read with) as a citation in `lang`."""
    main = _cite_vi(ref) if lang == "vi" else _cite_en(ref)
    return "; ".join([main, *(cite(other, lang) for other in ref.also)])


def _title(ref, lang: str) -> str | None:
    title = ref.title
    if title is None or isinstance(title, str):
        return title
    return getattr(title, lang)


def _instrument_vi(ref) -> str:
    if ref.kind == "other":
        return _title(ref, "vi") or ""
    _ = translator("vi")
    name = _(KINDS[ref.kind])
    if ref.kind in ("law", "ordinance") and _title(ref, "vi"):
        name += f" {_title(ref, 'vi')}"
    text = f"{name} số {ref.number}"
    if ref.date:
        text += f" ngày {format_date(ref.date, 'vi')}"
    elif ref.year:
        text += f" năm {ref.year}"
    return text


def _cite_vi(ref) -> str:
    parts = []
    if ref.point:
        parts.append(f"điểm {ref.point}")
    if ref.clause:
        parts.append(f"khoản {ref.clause}")
    if ref.article:
        parts.append(f"Điều {ref.article}")
    if ref.section:
        parts.append(f"mục {ref.section}")
    return " ".join([*parts, _instrument_vi(ref)])


def _instrument_en(ref) -> str:
    if ref.kind == "other":
        return _title(ref, "en") or ""
    text = f"{KINDS[ref.kind]} {ref.number}"
    if ref.date:
        text += f" of {format_date(ref.date, 'en')}"
    elif ref.year:
        text += f" ({ref.year})"
    return text


def _cite_en(ref) -> str:
    text = _instrument_en(ref)
    sub = (f"({ref.clause})" if ref.clause else "") + (f"({ref.point})" if ref.point else "")
    if ref.article:
        text += f", Art. {ref.article}{sub}"
    elif ref.section:
        text += f", section {ref.section}{sub}"
    elif sub:
        text += f", {sub}"
    return text
