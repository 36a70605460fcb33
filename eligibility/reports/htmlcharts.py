"""The gap report's summary cards and charts, as inline SVG: gap rate by commune, and the amounts
not reaching people by benefit (one chart per unit). Each bar carries its raw value (`data-v`) and a
tooltip; labels sit above their bars so that long names stay readable on a phone.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .htmlcells import WORDS, esc, fmt_cell, fmt_number, fmt_percent, raw_value
from ..wording.catalogue import translator
from .labels import ALL_BENEFITS, AMOUNT_PREFIX, TITLES, UNIT_LABELS, UNITS, header, present
from .tables import COUNTS


def summary_cards(by_benefit: pd.DataFrame, lang: str) -> str:
    total = by_benefit[by_benefit["benefit"] == ALL_BENEFITS]
    if total.empty:
        return ""
    row = total.iloc[0]
    cards = [(header(c, lang), fmt_number(float(row[c]), lang), c) for c in COUNTS]
    cards.append((header("gap_rate", lang), fmt_percent(float(row["gap_rate"]), lang), "gap_rate"))
    for unit in UNITS:
        col = AMOUNT_PREFIX + unit
        if col in row.index and float(row[col]) > 0:
            cards.append((header(col, lang), fmt_cell(col, float(row[col]), unit, lang), col))
    body = "".join(f'<div class="card" data-col="{esc(c)}"><span>{esc(h)}</span><b>{esc(v)}</b></div>'
                   for h, v, c in cards)
    return f'<section id="summary"><h2>{esc(translator(lang)(WORDS["summary"]))}</h2><div class="cards">{body}</div></section>'


def figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{esc(caption)}</figcaption>{svg}</figure>"


def _bars(items: list[tuple[str, float, str, str]], aria: str, css: str = "bar", maximum: float | None = None) -> str:
    """A bar chart as inline SVG: per bar (label, value, shown value, tooltip), the label on a line
    above its bar so that long commune and benefit names stay readable on a phone."""
    width, bar_w, row, pad = 400, 300, 34, 4
    height = max(row * len(items) + 2 * pad, 24)
    top = max([v for _, v, _, _ in items if v == v] + [maximum or 0, 0]) or 1.0
    out = [f'<svg class="chart" role="img" aria-label="{esc(aria)}" viewBox="0 0 {width} {height}" '
           f'preserveAspectRatio="xMinYMin meet"><title>{esc(aria)}</title>']
    for i, (label, value, shown, tip) in enumerate(items):
        y = pad + i * row
        length = 0.0 if value != value else max(0.0, value) / top * bar_w
        short = label if len(label) <= 60 else label[:59] + "…"
        out.append(f'<g class="row"><title>{esc(tip)}</title>'
                   f'<text x="0" y="{y + 12}">{esc(short)}</text>'
                   f'<rect class="track" x="0" y="{y + 16}" width="{bar_w}" height="12"/>'
                   f'<rect class="{css}" x="0" y="{y + 16}" width="{length:.1f}" height="12" '
                   f'data-v="{esc(raw_value(value))}" data-label="{esc(label)}"/>'
                   f'<text class="value" x="{bar_w + 6}" y="{y + 27}">{esc(shown)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def rate_chart(by_commune: pd.DataFrame, lang: str, labels: dict | None) -> str:
    rows = by_commune[(by_commune["benefit"] == ALL_BENEFITS) & (by_commune["eligible"] > 0)]
    if rows.empty:
        return f'<p class="empty">{esc(translator(lang)(WORDS["none"]))}</p>'
    rows = present(rows, labels)
    dup = rows["commune"].duplicated(keep=False)
    names = np.where(dup, rows["commune"].astype(str) + " (" + rows["district"].astype(str) + ")",
                     rows["commune"].astype(str))
    data = pd.DataFrame({"name": names, "rate": rows["gap_rate"].to_numpy(dtype=float),
                         "gap": rows["gap"].to_numpy(), "eligible": rows["eligible"].to_numpy()})
    data = data.sort_values(["rate", "name"], ascending=[False, True], kind="stable")
    items = [(n, r, fmt_percent(r, lang), f"{n}: {fmt_percent(r, lang)} ({fmt_number(g, lang)} / {fmt_number(e, lang)})")
             for n, r, g, e in data.itertuples(index=False)]
    return _bars(items, translator(lang)(TITLES["chart_rate"]), maximum=1.0 if data["rate"].max() > 0.5 else None)


def amount_figures(by_benefit: pd.DataFrame, lang: str, labels: dict | None) -> str:
    per = present(by_benefit[by_benefit["benefit"] != ALL_BENEFITS], labels)
    raw_units = by_benefit.loc[by_benefit["benefit"] != ALL_BENEFITS, "unit"].to_numpy(dtype=object)
    out = []
    for unit in UNITS:
        col = AMOUNT_PREFIX + unit
        if col not in per.columns:
            continue
        mine = per[(raw_units == unit) & (per[col].to_numpy(dtype=float) > 0)]
        if mine.empty:
            continue
        mine = mine.sort_values([col, "benefit"], ascending=[False, True], kind="stable")
        shown = [fmt_cell(col, float(v), unit, lang) for v in mine[col]]
        items = [(str(lbl), float(v), text, f"{lbl}: {text}")
                 for lbl, v, text in zip(mine["benefit_label"], mine[col], shown)]
        caption = f"{translator(lang)(TITLES['chart_amount'])} — {UNIT_LABELS[lang][unit]}"
        out.append(f'<figure data-unit="{esc(unit)}"><figcaption>{esc(caption)}</figcaption>'
                   f'{_bars(items, caption, css="bar amount")}</figure>')
    if not out:
        return f'<figure><figcaption>{esc(translator(lang)(TITLES["chart_amount"]))}</figcaption>' \
               f'<p class="empty">{esc(translator(lang)(WORDS["no_amount"]))}</p></figure>'
    return "".join(out)
