"""The papers as printable HTML: A4, one page group per village (the posting list) or per household
(the result sheets), the national heading, the as-of date and signature lines. Self-contained (no
network, script or font); every text from the register or the rule pack is HTML-escaped.

Rows are built as strings column-wise (pandas), joined per village or household with a groupby, so
a commune's thousands of sheets cost one pass, not one template call per household.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..wording import N_, translator
from .papers import HEADERS, Papers, group_join
from .printpage import CSS, _esc

TITLES = {"posting": N_("PUBLIC POSTING LIST"), "sheets": N_("SCREENING RESULT SHEET")}
WORDS = {
    "nation": N_("SOCIALIST REPUBLIC OF VIET NAM"), "motto": N_("Independence - Freedom - Happiness"),
    "committee": N_("PEOPLE'S COMMITTEE OF {commune} COMMUNE"),
    "posting_sub": N_("Households and people eligible and proposed for support, {village}, {commune} commune"),
    "as_of": N_("Under the law in force on {date}"), "none": N_("Nobody to list."),
    "maker": N_("Prepared by"), "maker_hint": N_("(signature and full name)"),
    "chair": N_("ON BEHALF OF THE COMMUNE PEOPLE'S COMMITTEE"), "chair_hint": N_("(signature and seal)"),
    "place_date": N_("{commune}, day ..... month ..... year ......."),
    "household": N_("Household"), "place": N_("Village, commune"), "members": N_("Members of the household"),
    "entitled": N_("What the household and its members are entitled to"),
    "missing": N_("Still to collect before a decision"), "nothing": N_("None."),
    "family": N_("Representative of the household"), "screener": N_("Screening officer"),
}
def _rows(frame: pd.DataFrame, columns: list[str], numeric: tuple[str, ...] = ()) -> pd.Series:
    """One `<tr>` per row of `frame`, built column-wise."""
    line = pd.Series("<tr>", index=frame.index, dtype=object)
    for column in columns:
        cell = '<td class="num">' if column in numeric else "<td>"
        line = line + cell + _esc(frame[column]) + "</td>"
    return line + "</tr>"


def _head(columns: list[str], _) -> str:
    return "<thead><tr>" + "".join(f"<th>{html.escape(_(HEADERS[c]))}</th>" for c in columns) + "</tr></thead>"


def _heading(commune: str, _) -> str:
    committee = html.escape(_(WORDS["committee"]).format(commune=commune.upper()))
    return (f'<div class="heading"><div><b>{committee}</b></div><div><div class="nation">'
            f'{html.escape(_(WORDS["nation"]))}</div><div class="motto">{html.escape(_(WORDS["motto"]))}</div>'
            "</div></div>")


def _signatures(left: str, left_hint: str, right: str, right_hint: str, place: str) -> str:
    return (f'<div class="signatures"><div><b>{html.escape(left)}</b><i>{html.escape(left_hint)}</i></div>'
            f"<div><i>{html.escape(place)}</i><b>{html.escape(right)}</b><i>{html.escape(right_hint)}</i></div></div>")


def _page(title: str, groups: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title><style>{CSS}</style></head><body>\n{groups}\n</body></html>\n")


POSTING_SHOWN = ["stt", "head_name", "village", "beneficiary", "benefit_label", "amount_text", "reference"]


def render_posting(papers: Papers, lang: str) -> str:
    """The list for public posting: one page group per village, each with heading, table, signatures."""
    _ = translator(lang)
    frame = papers.posting
    if frame.empty:
        body = f'<section class="group"><h1>{html.escape(_(TITLES["posting"]))}</h1><p>{_(WORDS["none"])}</p></section>'
        return _page(_(TITLES["posting"]), body, lang)
    rows = _rows(frame.assign(stt=frame["stt"].astype(str)), POSTING_SHOWN, ("stt", "amount_text"))
    keys = ["commune", "village"]
    places, bodies = group_join(frame[keys], rows)
    head = _head([c if c != "amount_text" else "amount" for c in POSTING_SHOWN], _)
    groups = []
    for commune, village, body in zip(places["commune"], places["village"], bodies):   # a few hundred villages
        sub = _(WORDS["posting_sub"]).format(village=village, commune=commune)
        groups.append(
            f'<section class="group" data-village="{html.escape(village)}">{_heading(commune, _)}'
            f'<h1>{html.escape(_(TITLES["posting"]))}</h1><p class="sub">{html.escape(sub)}</p>'
            f'<p class="sub"><i>{html.escape(_(WORDS["as_of"]).format(date=papers.as_of))}</i></p>'
            f"<table>{head}<tbody>{body}</tbody></table>"
            + _signatures(_(WORDS["maker"]), _(WORDS["maker_hint"]), _(WORDS["chair"]), _(WORDS["chair_hint"]),
                          _(WORDS["place_date"]).format(commune=commune)) + "</section>")
    return _page(_(TITLES["posting"]), "\n".join(groups), lang)


MEMBERS_SHOWN = ["full_name", "date_of_birth", "relation_to_head"]
ENTITLED_SHOWN = ["beneficiary", "support", "amount_text", "coverage", "reference"]
MISSING_SHOWN = ["beneficiary", "support", "missing"]


def _tables_by_household(frame: pd.DataFrame, columns: list[str], numeric: tuple[str, ...], _) -> pd.Series:
    """{household_id: '<table>…</table>'} of one part of the sheet (households without rows absent)."""
    if frame.empty:
        return pd.Series(dtype=object)
    frame = frame.rename(columns={"benefit_label": "support"})
    households, rows = group_join(frame[["household_id"]], _rows(frame, columns, numeric))
    head = _head([c if c != "amount_text" else "amount" for c in columns], _)
    return "<table>" + head + "<tbody>" + pd.Series(rows, index=households["household_id"].to_numpy()) \
        + "</tbody></table>"


def render_sheets(papers: Papers, lang: str) -> str:
    """One result sheet per household (a page group each), in commune, village, household order."""
    _ = translator(lang)
    hh = papers.households.set_index("household_id", drop=False)
    none = f"<p>{html.escape(_(WORDS['nothing']))}</p>"
    parts = {name: _tables_by_household(frame, columns, numeric, _).reindex(hh.index).fillna(none)
             for name, frame, columns, numeric in (("members", papers.members, MEMBERS_SHOWN, ()),
                                                   ("entitled", papers.entitled, ENTITLED_SHOWN, ("amount_text",)),
                                                   ("missing", papers.missing, MISSING_SHOWN, ()))}
    facts = ('<dl class="household"><dt>' + html.escape(_(WORDS["household"])) + "</dt><dd>" + _esc(hh["household_id"])
             + " — " + _esc(hh["head_name"]) + "</dd><dt>" + html.escape(_(WORDS["place"])) + "</dt><dd>"
             + _esc(hh["village"]) + ", " + _esc(hh["commune"]) + "</dd></dl>")
    title = f'<h1>{html.escape(_(TITLES["sheets"]))}</h1><p class="sub"><i>' \
            + html.escape(_(WORDS["as_of"]).format(date=papers.as_of)) + "</i></p>"
    communes = hh["commune"].unique()       # headings and signature lines made once per commune
    sign = hh["commune"].map({c: _signatures(_(WORDS["family"]), _(WORDS["maker_hint"]), _(WORDS["screener"]),
                                             _(WORDS["maker_hint"]), _(WORDS["place_date"]).format(commune=c))
                              for c in communes})
    heading = hh["commune"].map({c: _heading(c, _) for c in communes})
    sheets = ('<section class="group" data-household="' + _esc(hh["household_id"]) + '">' + heading + title + facts
              + _h2(_, "members") + parts["members"] + _h2(_, "entitled") + parts["entitled"]
              + _h2(_, "missing") + parts["missing"] + sign + "</section>")
    return _page(_(TITLES["sheets"]), "\n".join(sheets.tolist()), lang)


def _h2(_, key: str) -> str:
    return f"<h2>{html.escape(_(WORDS[key]))}</h2>"


def write_posting_html(papers: Papers, path: Path, lang: str) -> Path:
    path.write_text(render_posting(papers, lang), encoding="utf-8")
    return path


def write_sheets_html(papers: Papers, path: Path, lang: str) -> Path:
    path.write_text(render_sheets(papers, lang), encoding="utf-8")
    return path
