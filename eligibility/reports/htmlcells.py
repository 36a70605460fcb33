"""The gap report's HTML tables and cell formats: numbers in the reader's conventions, the raw
value of each numeric cell (`data-v`, what the inline script sorts on), every text HTML-escaped.
Long views show their first rows only (MAX_ROWS) and say so; some columns hide on a phone.
"""
from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd

from ..wording.catalogue import N_, in_lang
from .labels import ALL_BENEFITS, AMOUNT_PREFIX, TITLES, UNIT_FORMATS, header, present

MAX_ROWS = {"by_benefit": 5000, "by_district": 5000, "by_commune": 5000, "by_village": 2000, "by_ethnicity": 5000,
            "gap_list": 1000, "leakage_list": 1000, "needs_data_list": 1000}
LIST_SHOWN = ["district", "commune", "village", "household_id", "person_id", "name", "ethnicity", "benefit_label",
              "amount", "unit", "rule_label", "reference", "reason", "missing_inputs"]
SMALL_SCREEN_HIDDEN = {"district", "benefit", "covered", "needs_data", "reference", "rule_label", "ethnicity",
                       "household_id", "missing_inputs"}
WORDS = {"as_of": N_("As of"), "rules": N_("Rule pack"), "redacted": N_("Names and IDs replaced by pseudonyms"),
         "showing": N_("Showing the first {n} of {total} rows; the workbook and CSV files hold them all."),
         "none": N_("Nothing to list."), "no_amount": N_("No amounts are missing."), "sort": N_("Sort"),
         "contents": N_("Contents"), "summary": N_("Totals"), "of": N_("of"), "notes": N_("How to read this report"),
         "generated": N_("Made by")}


def esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def fmt_number(value, lang: str, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:,.{decimals}f}"
    if lang == "vi":   # 1.234.567,5
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_percent(value, lang: str, decimals: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return fmt_number(value * 100, lang, decimals) + "%"


def fmt_cell(column: str, value, unit: str | None, lang: str) -> str:
    if column == "gap_rate" or column == "rate":
        return fmt_percent(value, lang, 1 if column == "gap_rate" else 2)
    if column == "amount":
        fmt = UNIT_FORMATS.get(unit or "", "#,##0")
        return fmt_percent(value, lang, 0) if fmt.endswith("%") else fmt_number(value, lang)
    if column == AMOUNT_PREFIX + "share_of_premium" or column in ("level_paid", "level_due"):
        return fmt_number(value, lang, 2)   # a coefficient (1.5) or a share (0.7): not rounded to a whole
    return fmt_number(value, lang)


def raw_value(value) -> str:
    """The machine value of a cell (data-v): plain repr of numbers, '' for missing."""
    if value is None:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
    return str(value)


def table_section(view: str, frame: pd.DataFrame, lang: str, labels: dict | None) -> str:
    t, w = in_lang(TITLES, lang), in_lang(WORDS, lang)
    total = len(frame)
    if view.endswith("_list"):
        cols = [c for c in LIST_SHOWN if c in frame.columns and (c != "missing_inputs" or view == "needs_data_list")]
    else:
        cols = list(frame.columns)
    limit = MAX_ROWS.get(view, 2000)
    shown = frame.iloc[:limit]
    units = shown["unit"].astype(object).to_numpy() if "unit" in shown.columns else None
    totals = shown["benefit"].astype(object).eq(ALL_BENEFITS).to_numpy() if "benefit" in shown.columns else None
    text = present(shown[cols], labels)
    numeric = {c: pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]) for c in cols}
    head = "".join(
        f'<th scope="col" tabindex="0" data-col="{esc(c)}" data-type="{"num" if numeric[c] else "text"}"'
        f' class="{"n " if numeric[c] else ""}{"hide-sm" if c in SMALL_SCREEN_HIDDEN else ""}"'
        f' title="{esc(w["sort"])}">{esc(header(c, lang))}</th>' for c in cols)
    body = []
    raw_cols = {c: shown[c].to_numpy(dtype=object) for c in cols if numeric[c]}
    text_cols = {c: text[c].to_numpy(dtype=object) for c in cols}
    for r in range(len(shown)):
        cells = []
        for c in cols:
            cls = ("n " if numeric[c] else "") + f"c-{c} " + ("hide-sm" if c in SMALL_SCREEN_HIDDEN else "")
            if numeric[c]:
                value = raw_cols[c][r]
                value = None if value is None or (isinstance(value, float) and math.isnan(value)) else value
                shown_text = fmt_cell(c, value, units[r] if units is not None else None, lang)
                cells.append(f'<td class="{esc(cls.strip())}" data-v="{esc(raw_value(value))}">{esc(shown_text)}</td>')
            else:
                value = text_cols[c][r]
                value = "" if value is None or (isinstance(value, float) and math.isnan(value)) else value
                cells.append(f'<td class="{esc(cls.strip())}">{esc(value)}</td>')
        row_cls = ' class="total"' if totals is not None and totals[r] else ""
        body.append(f'<tr data-i="{r}"{row_cls}>' + "".join(cells) + "</tr>")
    note = ""
    if total > limit:
        note = f'<p class="note">{esc(w["showing"].format(n=fmt_number(limit, lang), total=fmt_number(total, lang)))}</p>'
    if total == 0:
        note = f'<p class="empty">{esc(w["none"])}</p>'
    return (f'<section id="{esc(view)}"><h2>{esc(t[view])} <small>({esc(fmt_number(total, lang))})</small></h2>'
            f'<div class="scroll"><table class="sortable" data-view="{esc(view)}" data-rows="{total}">'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>{note}</section>')
