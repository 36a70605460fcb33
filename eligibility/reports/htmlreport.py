"""The gap report as one self-contained HTML file: no network, no external script, style or font.

Charts are inline SVG (gap rate by commune; amounts not reaching people by benefit, one chart per
unit); tables sort on a header click (a small inline script, keyboard too); the layout reads on a
phone and prints. Every text from the register or the rule pack is HTML-escaped. The inline script
marks the page `data-ok="1"` once it has wired every table (a headless browser test reads it), and
`#selftest` in the URL makes it sort every table both ways and check the order (`data-selftest`);
`data-overflow` is how many pixels the page is wider than the window (0 on a phone: wide tables
scroll inside their own box).
"""
from __future__ import annotations

import html
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from .labels import ALL_BENEFITS, AMOUNT_PREFIX, NOTES, TITLES, UNIT_FORMATS, UNIT_LABELS, UNITS, header, present
from .tables import COUNTS, VIEWS
from .workbook import manifest_rows

MAX_ROWS = {"by_benefit": 5000, "by_district": 5000, "by_commune": 5000, "by_village": 2000, "by_ethnicity": 5000,
            "gap_list": 1000, "leakage_list": 1000, "needs_data_list": 1000}
LIST_SHOWN = ["district", "commune", "village", "household_id", "person_id", "name", "ethnicity", "benefit_label",
              "amount", "unit", "rule_label", "reference", "reason", "missing_inputs"]
SMALL_SCREEN_HIDDEN = {"district", "benefit", "covered", "needs_data", "reference", "rule_label", "ethnicity",
                       "household_id", "missing_inputs"}
WORDS = {
    "en": {"as_of": "As of", "rules": "Rule pack", "redacted": "Names and IDs replaced by pseudonyms",
           "showing": "Showing the first {n} of {total} rows; the workbook and CSV files hold them all.",
           "none": "Nothing to list.", "no_amount": "No amounts are missing.", "sort": "Sort",
           "contents": "Contents", "summary": "Totals", "of": "of", "notes": "How to read this report",
           "generated": "Made by"},
    "vi": {"as_of": "Tại ngày", "rules": "Bộ quy tắc", "redacted": "Họ tên và mã đã được thay bằng bí danh",
           "showing": "Hiển thị {n} trên {total} dòng đầu tiên; tệp Excel và CSV có đầy đủ.",
           "none": "Không có trường hợp nào.", "no_amount": "Không có khoản nào chưa đến tay.", "sort": "Sắp xếp",
           "contents": "Mục lục", "summary": "Tổng hợp", "of": "trên", "notes": "Cách đọc báo cáo",
           "generated": "Tạo bởi"},
}


def write_gap_html(tables: dict[str, pd.DataFrame], path: str | Path, manifest: dict | None = None,
                   lang: str = "en", labels: dict | None = None, report: dict | None = None,
                   title: str | None = None) -> Path:
    """Write `tables` (from `gap_tables`, possibly redacted) as one HTML page; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_gap_html(tables, manifest or {}, lang, labels, report or {}, title), encoding="utf-8")
    return path


def render_gap_html(tables: dict[str, pd.DataFrame], manifest: dict, lang: str = "en", labels: dict | None = None,
                    report: dict | None = None, title: str | None = None) -> str:
    t, w = TITLES[lang], WORDS[lang]
    title = title or t["report"]
    views = [v for v in VIEWS if v in tables]
    meta = [f"{w['as_of']} {manifest.get('as_of', '')}",
            f"{w['rules']} {str(manifest.get('rule_pack', {}).get('sha256', ''))[:12]}"]
    if (report or {}).get("redacted"):
        meta.append(w["redacted"])
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}" data-ok="0">',
        "<head>", '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        f'<header><h1>{_e(title)}</h1><p class="meta">{" · ".join(_e(m) for m in meta)}</p></header>',
        _nav(views, lang),
        "<main>",
    ]
    if "by_benefit" in tables:
        parts.append(_summary(tables["by_benefit"], lang))
    parts.append('<section id="charts">')
    if "by_commune" in tables:
        parts.append('<div class="rates">' + _figure(t["chart_rate"], _rate_chart(tables["by_commune"], lang, labels))
                     + "</div>")
    if "by_benefit" in tables:
        parts.append('<div class="amounts">' + _amount_figures(tables["by_benefit"], lang, labels) + "</div>")
    parts.append("</section>")
    for view in views:
        parts.append(_section(view, tables[view], lang, labels))
    parts.append("</main>")
    parts.append(_footer(manifest, report or {}, lang))
    parts.append(f"<script>{SCRIPT}</script>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------- pieces
def _nav(views: list[str], lang: str) -> str:
    t = TITLES[lang]
    entries = [("summary", WORDS[lang]["summary"]), ("charts", t["chart_rate"])] + [(v, t[v]) for v in views] \
        + [("manifest", t["manifest"])]
    links = "".join(f'<li><a href="#{_e(anchor)}">{_e(text)}</a></li>' for anchor, text in entries)
    return f'<nav aria-label="{_e(WORDS[lang]["contents"])}"><ul>{links}</ul></nav>'


def _e(text) -> str:
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


def _fmt_cell(column: str, value, unit: str | None, lang: str) -> str:
    if column == "gap_rate" or column == "rate":
        return fmt_percent(value, lang, 1 if column == "gap_rate" else 2)
    if column == "amount":
        fmt = UNIT_FORMATS.get(unit or "", "#,##0")
        return fmt_percent(value, lang, 0) if fmt.endswith("%") else fmt_number(value, lang)
    if column == AMOUNT_PREFIX + "share_of_premium":
        return fmt_number(value, lang, 2)
    return fmt_number(value, lang)


def _summary(by_benefit: pd.DataFrame, lang: str) -> str:
    total = by_benefit[by_benefit["benefit"] == ALL_BENEFITS]
    if total.empty:
        return ""
    row = total.iloc[0]
    cards = [(header(c, lang), fmt_number(float(row[c]), lang), c) for c in COUNTS]
    cards.append((header("gap_rate", lang), fmt_percent(float(row["gap_rate"]), lang), "gap_rate"))
    for unit in UNITS:
        col = AMOUNT_PREFIX + unit
        if col in row.index and float(row[col]) > 0:
            cards.append((header(col, lang), _fmt_cell(col, float(row[col]), unit, lang), col))
    body = "".join(f'<div class="card" data-col="{_e(c)}"><span>{_e(h)}</span><b>{_e(v)}</b></div>'
                   for h, v, c in cards)
    return f'<section id="summary"><h2>{_e(WORDS[lang]["summary"])}</h2><div class="cards">{body}</div></section>'


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{_e(caption)}</figcaption>{svg}</figure>"


def _bars(items: list[tuple[str, float, str, str]], aria: str, css: str = "bar", maximum: float | None = None) -> str:
    """A bar chart as inline SVG: per bar (label, value, shown value, tooltip), the label on a line
    above its bar so that long commune and benefit names stay readable on a phone."""
    width, bar_w, row, pad = 400, 300, 34, 4
    height = max(row * len(items) + 2 * pad, 24)
    top = max([v for _, v, _, _ in items if v == v] + [maximum or 0, 0]) or 1.0
    out = [f'<svg class="chart" role="img" aria-label="{_e(aria)}" viewBox="0 0 {width} {height}" '
           f'preserveAspectRatio="xMinYMin meet"><title>{_e(aria)}</title>']
    for i, (label, value, shown, tip) in enumerate(items):
        y = pad + i * row
        length = 0.0 if value != value else max(0.0, value) / top * bar_w
        short = label if len(label) <= 60 else label[:59] + "…"
        out.append(f'<g class="row"><title>{_e(tip)}</title>'
                   f'<text x="0" y="{y + 12}">{_e(short)}</text>'
                   f'<rect class="track" x="0" y="{y + 16}" width="{bar_w}" height="12"/>'
                   f'<rect class="{css}" x="0" y="{y + 16}" width="{length:.1f}" height="12" '
                   f'data-v="{_e(_raw(value))}" data-label="{_e(label)}"/>'
                   f'<text class="value" x="{bar_w + 6}" y="{y + 27}">{_e(shown)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def _rate_chart(by_commune: pd.DataFrame, lang: str, labels: dict | None) -> str:
    rows = by_commune[(by_commune["benefit"] == ALL_BENEFITS) & (by_commune["eligible"] > 0)]
    if rows.empty:
        return f'<p class="empty">{_e(WORDS[lang]["none"])}</p>'
    rows = present(rows, labels)
    dup = rows["commune"].duplicated(keep=False)
    names = np.where(dup, rows["commune"].astype(str) + " (" + rows["district"].astype(str) + ")",
                     rows["commune"].astype(str))
    data = pd.DataFrame({"name": names, "rate": rows["gap_rate"].to_numpy(dtype=float),
                         "gap": rows["gap"].to_numpy(), "eligible": rows["eligible"].to_numpy()})
    data = data.sort_values(["rate", "name"], ascending=[False, True], kind="stable")
    items = [(n, r, fmt_percent(r, lang), f"{n}: {fmt_percent(r, lang)} ({fmt_number(g, lang)} / {fmt_number(e, lang)})")
             for n, r, g, e in data.itertuples(index=False)]
    return _bars(items, TITLES[lang]["chart_rate"], maximum=1.0 if data["rate"].max() > 0.5 else None)


def _amount_figures(by_benefit: pd.DataFrame, lang: str, labels: dict | None) -> str:
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
        shown = [_fmt_cell(col, float(v), unit, lang) for v in mine[col]]
        items = [(str(lbl), float(v), text, f"{lbl}: {text}")
                 for lbl, v, text in zip(mine["benefit_label"], mine[col], shown)]
        caption = f"{TITLES[lang]['chart_amount']} — {UNIT_LABELS[lang][unit]}"
        out.append(f'<figure data-unit="{_e(unit)}"><figcaption>{_e(caption)}</figcaption>'
                   f'{_bars(items, caption, css="bar amount")}</figure>')
    if not out:
        return f'<figure><figcaption>{_e(TITLES[lang]["chart_amount"])}</figcaption>' \
               f'<p class="empty">{_e(WORDS[lang]["no_amount"])}</p></figure>'
    return "".join(out)


def _raw(value) -> str:
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


def _section(view: str, frame: pd.DataFrame, lang: str, labels: dict | None) -> str:
    t, w = TITLES[lang], WORDS[lang]
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
        f'<th scope="col" tabindex="0" data-col="{_e(c)}" data-type="{"num" if numeric[c] else "text"}"'
        f' class="{"n " if numeric[c] else ""}{"hide-sm" if c in SMALL_SCREEN_HIDDEN else ""}"'
        f' title="{_e(w["sort"])}">{_e(header(c, lang))}</th>' for c in cols)
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
                shown_text = _fmt_cell(c, value, units[r] if units is not None else None, lang)
                cells.append(f'<td class="{_e(cls.strip())}" data-v="{_e(_raw(value))}">{_e(shown_text)}</td>')
            else:
                value = text_cols[c][r]
                value = "" if value is None or (isinstance(value, float) and math.isnan(value)) else value
                cells.append(f'<td class="{_e(cls.strip())}">{_e(value)}</td>')
        row_cls = ' class="total"' if totals is not None and totals[r] else ""
        body.append(f'<tr data-i="{r}"{row_cls}>' + "".join(cells) + "</tr>")
    note = ""
    if total > limit:
        note = f'<p class="note">{_e(w["showing"].format(n=fmt_number(limit, lang), total=fmt_number(total, lang)))}</p>'
    if total == 0:
        note = f'<p class="empty">{_e(w["none"])}</p>'
    return (f'<section id="{_e(view)}"><h2>{_e(t[view])} <small>({_e(fmt_number(total, lang))})</small></h2>'
            f'<div class="scroll"><table class="sortable" data-view="{_e(view)}" data-rows="{total}">'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>{note}</section>')


def _footer(manifest: dict, report: dict, lang: str) -> str:
    t, w = TITLES[lang], WORDS[lang]
    rows = [("manifest." + k, v) for k, v in manifest_rows(manifest)] + \
           [("report." + k, v) for k, v in manifest_rows(report)]
    table = "".join(f"<tr><th scope=\"row\">{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    notes = "".join(f"<li>{_e(n)}</li>" for n in NOTES[lang])
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    version = f"{manifest.get('tool', 'eligibility')} {manifest.get('version', '')}".strip()
    return (f'<footer id="manifest"><h2>{_e(w["notes"])}</h2><ul class="notes">{notes}</ul>'
            f'<h2>{_e(t["manifest"])}</h2><div class="scroll"><table class="manifest">{table}</table></div>'
            f'<p class="meta">{_e(w["generated"])} {_e(version)}</p>'
            f'<script type="application/json" id="manifest-json">{data}</script></footer>')


CSS = """
:root{--fg:#1b1b1b;--muted:#595959;--accent:#1f4e79;--gap:#b03a2e;--amount:#1f4e79;--line:#d9d9d9;--head:#eef3f8}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:#fff;line-height:1.45;font-size:16px}
header,nav,main,footer{max-width:1240px;margin:0 auto;padding:0 16px}
h1{font-size:1.6rem;margin:1rem 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;color:var(--accent)}
h2 small{color:var(--muted);font-weight:normal}
.meta{color:var(--muted);margin:.25rem 0 1rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;padding:0;margin:0 0 1rem}
nav a{color:var(--accent)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.card span{display:block;color:var(--muted);font-size:.85rem}
.card b{display:block;font-size:1.35rem}
#charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 40px;align-items:start}
#charts .amounts{min-width:0}
figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.25rem}
svg.chart{display:block;width:100%;max-width:560px;height:auto}
svg.chart text{font-size:12px;fill:var(--fg)}
svg.chart .track{fill:#eeeeee}
svg.chart .bar{fill:var(--gap)}
svg.chart .bar.amount{fill:var(--amount)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.sortable thead th{position:sticky;top:0;background:var(--head);cursor:pointer;user-select:none}
table.sortable thead th:focus{outline:2px solid var(--accent);outline-offset:-2px}
th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}
tr.total td{font-weight:600;background:#f6f6f6}
td.c-household_id,td.c-person_id{white-space:nowrap}
td.c-reason{min-width:16rem}
td.c-reference,td.c-rule_label{min-width:8rem}
table.manifest th{width:30%;word-break:break-all;font-weight:normal;color:var(--muted)}
table.manifest td{word-break:break-all}
.note,.empty{color:var(--muted);font-size:.9rem}
footer{margin-top:2rem;padding-bottom:2rem;border-top:1px solid var(--line)}
@media (max-width:640px){
body{font-size:15px}
h1{font-size:1.3rem}
.hide-sm{display:none}
table{font-size:.8rem}
th,td{padding:3px 5px}
}
@media print{
nav,.noprint{display:none}
body{font-size:9.5pt}
header,main,footer{max-width:none;padding:0}
.scroll{overflow:visible;border:none}
table.sortable thead th{position:static;background:none;border-bottom:2px solid #000}
th[aria-sort]::after{content:""}
.hide-sm{display:table-cell}
tr,figure,.card{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
svg.chart{max-width:100%}
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var root = document.documentElement;
  window.addEventListener("error", function (e) { root.setAttribute("data-error", String(e.message || e)); });
  var collator = (window.Intl && Intl.Collator) ? new Intl.Collator(root.lang || "en", {numeric: true, sensitivity: "base"}) : null;
  function cellKey(td, num) {
    if (!td) { return null; }
    if (num) {
      var v = td.getAttribute("data-v");
      if (v === null || v === "") { return null; }
      var x = parseFloat(v);
      return isNaN(x) ? null : x;
    }
    var t = td.textContent;
    return t === "" ? null : t;
  }
  function compare(a, b, num) {
    if (num) { return a - b; }
    if (collator) { return collator.compare(a, b); }
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  function sortTable(table, col, dir) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    var num = heads[col].getAttribute("data-type") === "num";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r) { return {r: r, k: cellKey(r.cells[col], num), i: +r.getAttribute("data-i")}; });
    keyed.sort(function (a, b) {
      if (a.k === null && b.k === null) { return a.i - b.i; }
      if (a.k === null) { return 1; }
      if (b.k === null) { return -1; }
      return dir * compare(a.k, b.k, num) || (a.i - b.i);
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (x) { frag.appendChild(x.r); });
    body.appendChild(frag);
    for (var h = 0; h < heads.length; h++) { heads[h].removeAttribute("aria-sort"); }
    heads[col].setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    return keyed;
  }
  function wire(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      function go() { sortTable(table, col, th.getAttribute("aria-sort") === "ascending" ? -1 : 1); }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
  }
  function restore(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { return +a.getAttribute("data-i") - +b.getAttribute("data-i"); });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
  }
  function selftest(tables) {
    var problems = [];
    tables.forEach(function (table) {
      var heads = table.tHead.rows[0].cells;
      for (var col = 0; col < heads.length; col++) {
        var num = heads[col].getAttribute("data-type") === "num";
        [1, -1].forEach(function (dir) {
          var keyed = sortTable(table, col, dir);
          for (var i = 1; i < keyed.length; i++) {
            var a = keyed[i - 1].k, b = keyed[i].k;
            if (a !== null && b !== null && dir * compare(a, b, num) > 0) {
              problems.push(table.getAttribute("data-view") + ":" + heads[col].getAttribute("data-col"));
              break;
            }
            if (a === null && b !== null) { problems.push(table.getAttribute("data-view") + ":nulls"); break; }
          }
        });
      }
      restore(table);
    });
    root.setAttribute("data-selftest", problems.length ? "fail " + problems.join(",") : "pass");
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.sortable"));
  tables.forEach(wire);
  root.setAttribute("data-tables", String(tables.length));
  root.setAttribute("data-charts", String(document.querySelectorAll("svg.chart").length));
  if (location.hash === "#selftest") { selftest(tables); }
  root.setAttribute("data-overflow", String(Math.max(0, root.scrollWidth - window.innerWidth)));
  root.setAttribute("data-ok", "1");
})();
"""
