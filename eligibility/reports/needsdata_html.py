"""The questionnaire as printable HTML (`needs_data.html`): A4, one page group per village, in it one
block per household (head, ID) with its questions in the order to ask them and a blank column for
the answer. Self-contained; every text from the register or the rule pack is HTML-escaped.

Rows are built column-wise and joined per household and per village with a groupby (no template
call per row), as the papers are (`papers_html.py`, whose print CSS this shares: `printpage.py`).
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..wording import N_, translator
from .printpage import CSS, _esc

SHOWN = ["priority", "person", "question", "answers", "decisions", "money", "benefits"]
NUMERIC = ("priority", "decisions", "money")
WORDS = {"answer": N_("Answer"), "household": N_("Household"), "none": N_("Nothing to ask: every decision is taken.")}
EXTRA_CSS = "td.answer { min-width: 40mm; } h2 { break-after: avoid; page-break-after: avoid; }\n"


def write_needs_html(table: pd.DataFrame, path: Path, lang: str, date: str) -> Path:
    from .needsdata import HEADERS
    from .needsdata import WORDS as TEXTS

    _ = translator(lang)
    head = ("<thead><tr>" + "".join(f"<th>{html.escape(_(HEADERS[c]))}</th>" for c in SHOWN)
            + f"<th>{html.escape(_(WORDS['answer']))}</th></tr></thead>")
    body = [f"<h1>{html.escape(_(TEXTS['title']))}</h1>"]
    if table.empty:
        body.append(f"<p class=\"sub\">{html.escape(_(WORDS['none']))}</p>")
    else:
        shown = table.assign(money=table["money"].map(lambda v: f"{v:,.0f}".replace(",", "." if lang == "vi" else ",")
                                                      if v > 0 else ""))
        line = pd.Series("<tr>", index=shown.index, dtype=object)
        for column in SHOWN:
            line = line + ('<td class="num">' if column in NUMERIC else "<td>") + _esc(shown[column]) + "</td>"
        shown = shown.assign(line=line + '<td class="answer"></td></tr>')
        # each household's head and rows: two aggregations of one grouping, not a named `agg` (its dict
        # machinery and concat cost more than the sums on a commune's questions); strings summed in C
        grouped = shown.groupby(["commune", "village", "household_id"], sort=False)
        households = grouped["head_name"].first().rename("head").to_frame()
        households["rows"] = grouped["line"].sum()
        households = households.reset_index()
        households["block"] = ("<h2>" + html.escape(_(WORDS["household"])) + " " + _esc(households["household_id"])
                               + " — " + _esc(households["head"]) + "</h2><table>" + head + "<tbody>"
                               + households["rows"] + "</tbody></table>")
        villages = households.groupby(["commune", "village"], sort=False)["block"].sum().reset_index()
        sub = villages.apply(lambda v: html.escape(_(TEXTS["sub"]).format(village=v["village"], commune=v["commune"],
                                                                           date=date)), axis=1)
        body += list('<section class="group" data-village="' + _esc(villages["village"]) + '"><p class="sub">' + sub
                     + "</p>" + villages["block"] + "</section>")
    page = (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(_(TEXTS['title']))}</title><style>{CSS}{EXTRA_CSS}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")
    path.write_text(page, encoding="utf-8")
    return path
