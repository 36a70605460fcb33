"""The gap report as one self-contained HTML file: no network, no external script, style or font.

Charts are inline SVG (gap rate by commune; amounts not reaching people by benefit, one chart per
unit); tables sort on a header click (a small inline script, keyboard too); the layout reads on a
phone and prints. Every text from the register or the rule pack is HTML-escaped. The inline script
marks the page `data-ok="1"` once it has wired every table (a headless browser test reads it), and
`#selftest` in the URL makes it sort every table both ways and check the order (`data-selftest`);
`data-overflow` is how many pixels the page is wider than the window (0 on a phone: wide tables
scroll inside their own box).

The page is assembled here; `htmlcells` formats cells and writes the tables, `htmlcharts` the
summary cards and the SVG charts, `htmlassets` holds the inline style and script.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .htmlassets import CSS, SCRIPT
from .htmlcells import WORDS, esc, fmt_number, fmt_percent, table_section
from .htmlcharts import amount_figures, figure, rate_chart, summary_cards
from ..wording.catalogue import in_lang, translator
from .labels import TITLES, notes as gap_notes
from .audit import REPORT_VIEWS
from .tables import VIEWS
from .manifestwords import worded_rows
from ..wording.formats import format_date

# fmt_number, fmt_percent and CSS are imported from here by the CLI and the diff report
__all__ = ["CSS", "fmt_number", "fmt_percent", "manifest_footer", "render_gap_html", "write_gap_html"]


def write_gap_html(tables: dict[str, pd.DataFrame], path: str | Path, manifest: dict | None = None,
                   lang: str = "en", labels: dict | None = None, report: dict | None = None,
                   title: str | None = None, plan=None) -> Path:
    """Write `tables` (from `gap_tables`, possibly redacted) as one HTML page; returns the path. `plan`,
    the rule pack, words the manifest's benefits and cites its unverified values (manifestwords)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_gap_html(tables, manifest or {}, lang, labels, report or {}, title, plan), encoding="utf-8")
    return path


def render_gap_html(tables: dict[str, pd.DataFrame], manifest: dict, lang: str = "en", labels: dict | None = None,
                    report: dict | None = None, title: str | None = None, plan=None) -> str:
    t, w = in_lang(TITLES, lang), in_lang(WORDS, lang)
    title = title or t["report"]
    views = [v for v in VIEWS if v in tables] + [v for v in REPORT_VIEWS if v in tables]   # the audit's after the gaps
    as_of = str(manifest.get("as_of", ""))
    meta = [f"{w['as_of']} {format_date(as_of, lang) if as_of and lang == 'vi' else as_of}",
            f"{w['rules']} {str(manifest.get('rule_pack', {}).get('sha256', ''))[:12]}"]
    if (report or {}).get("redacted"):
        meta.append(w["redacted"])
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}" data-ok="0">',
        "<head>", '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        f'<header><h1>{esc(title)}</h1><p class="meta">{" · ".join(esc(m) for m in meta)}</p></header>',
        _nav(views, lang),
        "<main>",
    ]
    if "by_benefit" in tables:
        parts.append(summary_cards(tables["by_benefit"], lang))
    parts.append('<section id="charts">')
    if "by_commune" in tables:
        parts.append('<div class="rates">' + figure(t["chart_rate"], rate_chart(tables["by_commune"], lang, labels))
                     + "</div>")
    if "by_benefit" in tables:
        parts.append('<div class="amounts">' + amount_figures(tables["by_benefit"], lang, labels) + "</div>")
    parts.append("</section>")
    for view in views:
        parts.append(table_section(view, tables[view], lang, labels))
    parts.append("</main>")
    parts.append(manifest_footer(manifest, report or {}, lang, plan))
    parts.append(f"<script>{SCRIPT}</script>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _nav(views: list[str], lang: str) -> str:
    t = in_lang(TITLES, lang)
    entries = [("summary", translator(lang)(WORDS["summary"])), ("charts", t["chart_rate"])] + [(v, t[v]) for v in views] \
        + [("manifest", t["manifest"])]
    links = "".join(f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>' for anchor, text in entries)
    return f'<nav aria-label="{esc(translator(lang)(WORDS["contents"]))}"><ul>{links}</ul></nav>'


def manifest_footer(manifest: dict, report: dict, lang: str, plan=None) -> str:
    """How to read the report, the manifest as a table for people (worded in `lang`) and as JSON for
    machines (the diff report ends the same way)."""
    t, w = in_lang(TITLES, lang), in_lang(WORDS, lang)
    rows = worded_rows(manifest, report, lang, plan)
    table = "".join(f"<tr><th scope=\"row\">{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    notes = "".join(f"<li>{esc(n)}</li>" for n in gap_notes(lang))
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    version = f"{manifest.get('tool', 'eligibility')} {manifest.get('version', '')}".strip()
    return (f'<footer id="manifest"><h2>{esc(w["notes"])}</h2><ul class="notes">{notes}</ul>'
            f'<h2>{esc(t["manifest"])}</h2><div class="scroll"><table class="manifest">{table}</table></div>'
            f'<p class="meta">{esc(w["generated"])} {esc(version)}</p>'
            f'<script type="application/json" id="manifest-json">{data}</script></footer>')
