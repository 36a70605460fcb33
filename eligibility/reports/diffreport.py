"""The diff report: CSV per view, a workbook, one self-contained HTML page (inline SVG: a waterfall of
the yearly cost change by benefit, bars by commune), and diff.json with both sides' manifests.

Same two screenings + same options ⇒ byte-identical files (the workbook writer fixes timestamps).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..outfolder import MANIFEST, staged
from ..outputs import manifest, values_in
from ..wording.catalogue import N_, in_lang
from .diff import KINDS, Side, sort_changes
from .htmlassets import CSS
from .htmlcells import esc, fmt_number
from .htmlreport import manifest_footer
from .labels import ALL_BENEFITS, header, present, value_labels
from .redact import household_heads, redact_list
from .report import _records, _write_json, redaction_key, screening_members, write_csv
from .workbook import LIST_ROWS, write_gap_workbook

VIEWS = ["by_benefit", "by_commune", "by_village", "by_rule", "changes"]
CSV_NAMES = {v: "diff_" + v for v in VIEWS}
MAX_ROWS = 1000
KIND_WORDS = {"gain": N_("becomes eligible"), "loss": N_("no longer eligible"), "amount_up": N_("amount rises"),
              "amount_down": N_("amount falls"), "amount_unknown": N_("amount becomes known or unknown"),
              "rate_change": N_("interest rate changes"), "rule_change": N_("another rule applies"),
              "status_change": N_("decision changes"), "coverage_change": N_("coverage changes")}
CAUSE_WORDS = {"rule": N_("the rule"), "parameter": N_("a parameter value"), "input": N_("register data"),
               "as_of": N_("the date"), "other": N_("other")}
WORDS = {
    "title": N_("What changes"), "old": N_("Before"), "new": N_("After"), "summary": N_("Totals"),
    "waterfall": N_("Change in yearly cost, by benefit (VND)"), "communes": N_("Change in yearly cost, by commune (VND)"),
    "start": N_("before"), "end": N_("after"), "nothing": N_("Nothing changes."),
    "more": N_("Showing the first {n} rows; the workbook and CSV files hold them all."),
    "cards": {"gain": N_("Decisions gaining"), "loss": N_("Decisions losing"), "amount_up": N_("Amounts rising"),
              "amount_down": N_("Amounts falling"), "households_gaining": N_("Households gaining"),
              "households_losing": N_("Households losing"), "monthly_change": N_("Monthly cost change (VND)"),
              "yearly_change": N_("Yearly cost change (VND)"), "once_change": N_("One-off payments change (VND)")},
    "views": {"by_benefit": N_("By benefit"), "by_commune": N_("By commune"), "by_village": N_("By village"),
              "by_rule": N_("Rules crossed"), "changes": N_("Every change")},
}


def labels_for(plan, lang: str) -> dict[str, dict[str, str]]:
    labels = value_labels(plan, lang)
    labels["kind"] = in_lang(KIND_WORDS, lang)
    labels["cause"] = in_lang(CAUSE_WORDS, lang)
    if lang == "vi":
        values = values_in(lang)
        for side in ("_old", "_new"):
            labels["status" + side] = dict(values["status"])
            labels["coverage" + side] = dict(values["coverage"])   # none: an empty cell, as in entitlements.csv
    return labels


def write_diff_report(tables: dict[str, pd.DataFrame], old: Side, new: Side, out_dir, lang: str = "vi",
                      redact: bool = False, redact_key: str | None = None, force: bool = False) -> dict[str, Path]:
    """diff_*.csv, diff.xlsx, diff.html, diff.json and manifest.json in `out_dir` (a path or an open
    `Staging`), whole or not at all."""
    if redact:
        key = redaction_key(new.screening, redact_key)
        heads = household_heads(screening_members(new.screening))
        tables = dict(tables, changes=sort_changes(redact_list(tables["changes"], key, heads)))
    run = {"old": dict(manifest(old.screening), side=old.name), "new": dict(manifest(new.screening), side=new.name)}
    inputs = tuple(new.screening.register.sources) if new.screening.register is not None else ()
    with staged(out_dir, force=force, inputs=inputs) as folder:
        written = write_diff_files(tables, folder, run, _compared(old, new), new.screening.plan, lang, redact,
                                   old.screening.plan)
    return folder.final_paths(written)


def write_diff_files(tables: dict[str, pd.DataFrame], folder, run: dict, compared: dict, plan, lang: str,
                     redacted: bool, old_plan=None) -> dict[str, Path]:
    """The diff's files and manifest.json in `folder` (an `outfolder` staging): from its tables (the list
    already redacted when asked), the two sides' manifests (`run`: old, new, each with its `side` name)
    and what differs between the sides; for one register or a partitioned one. `plan` is the second side's
    rule pack, `old_plan` the first's where known (the manifest sheet cites each side from its own)."""
    out = folder.path
    info = {"lang": lang, "redacted": bool(redacted), "compared": compared}
    labels = labels_for(plan, lang)
    written: dict[str, Path] = {v: write_csv(tables[v], out / CSV_NAMES[v], lang, labels) for v in VIEWS}
    views = in_lang(WORDS["views"], lang)
    sheets = {views[v][:31]: tables[v] for v in VIEWS}
    written["workbook"] = write_gap_workbook(sheets, out / "diff.xlsx", run, lang, labels, info, max_rows=LIST_ROWS,
                                             plan=(plan, old_plan))
    written["html"] = _write_html(tables, out / "diff.html", run, info, lang, labels, plan)
    doc = {"manifest": run, "report": info, "by_benefit": _records(tables["by_benefit"])}
    written["json"] = _write_json(out / "diff.json", doc)
    folder.manifest({"tool": "eligibility", "command": "diff", **run, "report": info})
    written["manifest"] = out / MANIFEST
    return written


def _compared(old: Side, new: Side) -> dict:
    a, b = old.screening, new.screening
    return {"rules": a.plan.digest != b.plan.digest, "as_of": a.as_of != b.as_of,
            "register": manifest(a)["inputs"] != manifest(b)["inputs"]}


# ---------------------------------------------------------------- HTML
def _write_html(tables, path: Path, run: dict, info: dict, lang: str, labels, plan) -> Path:
    w = in_lang(WORDS, lang)
    total = tables["by_benefit"].iloc[0]
    parts = ["<!DOCTYPE html>", f'<html lang="{esc(lang)}" data-ok="0">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{esc(w['title'])}</title>",
             f"<style>{CSS}{DIFF_CSS}</style>", "</head>", "<body>",
             f"<header><h1>{esc(w['title'])}</h1><p class=\"meta\">{esc(w['old'])}: {esc(run['old']['side'])} · "
             f"{esc(w['new'])}: {esc(run['new']['side'])}</p></header>", "<main>", _cards(total, lang),
             '<section id="charts">', _waterfall(tables["by_benefit"], lang, labels),
             _commune_bars(tables["by_commune"], lang), "</section>"]
    for view in VIEWS:
        frame = tables[view]
        if view == "by_benefit":
            frame = frame[(frame[KINDS].sum(axis=1) > 0) | (frame["yearly_change"] != 0)]
        parts.append(_table(view, frame, lang, labels))
    parts += ["</main>", manifest_footer(run["new"], info, lang, plan), f"<script>{SCRIPT}</script>", "</body></html>"]
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _cards(total: pd.Series, lang: str) -> str:
    w = in_lang(WORDS, lang)
    cards = "".join(f'<div class="card" data-col="{esc(k)}"><span>{esc(text)}</span>'
                    f'<b>{esc(_signed(float(total[k]), lang) if k.endswith("change") else fmt_number(int(total[k]), lang))}'
                    f"</b></div>" for k, text in w["cards"].items())
    return f'<section id="summary"><h2>{esc(w["summary"])}</h2><div class="cards">{cards}</div></section>'


def _signed(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + fmt_number(value, lang)


def _waterfall(by_benefit: pd.DataFrame, lang: str, labels) -> str:
    """Yearly cost before, each benefit's change as a step, yearly cost after."""
    w = in_lang(WORDS, lang)
    rows = by_benefit[(by_benefit["benefit"] != ALL_BENEFITS) & (by_benefit["yearly_change"] != 0)]
    rows = rows.sort_values("yearly_change", key=np.abs, ascending=False, kind="stable")
    total = by_benefit.iloc[0]
    start = float(total["yearly_old"])
    names = [labels.get("benefit_label", {}).get(b, b) for b in rows["benefit_label"].astype(str)]
    steps = list(zip(names, rows["yearly_change"].astype(float)))
    if not steps:
        return f'<figure id="waterfall"><figcaption>{esc(w["waterfall"])}</figcaption><p class="empty">' \
               f'{esc(w["nothing"])}</p></figure>'
    levels = np.cumsum([start] + [v for _, v in steps])
    top = max(float(levels.max()), start, 1.0)
    width, chart, row, pad = 520, 360, 30, 4
    height = row * (len(steps) + 2) + 2 * pad
    scale = chart / top
    out = [f'<figure id="waterfall"><figcaption>{esc(w["waterfall"])}</figcaption>'
           f'<svg class="chart" role="img" aria-label="{esc(w["waterfall"])}" viewBox="0 0 {width} {height}">']
    bars = [(w["start"], 0.0, start, "total", start)]
    bars += [(name, levels[i], levels[i + 1], "up" if v > 0 else "down", v) for i, (name, v) in enumerate(steps)]
    bars.append((w["end"], 0.0, float(levels[-1]), "total", float(levels[-1])))
    for i, (name, a, b, css, value) in enumerate(bars):
        y, x0, x1 = pad + i * row, min(a, b) * scale, max(a, b) * scale
        shown = fmt_number(value, lang) if css == "total" else _signed(value, lang)
        out.append(f'<g class="step {css}"><title>{esc(name)}: {esc(shown)}</title>'
                   f'<text x="0" y="{y + 11}">{esc(name[:70])}</text>'
                   f'<rect x="{x0:.1f}" y="{y + 14}" width="{max(x1 - x0, 1):.1f}" height="12" data-v="{value:.0f}"/>'
                   f'<text class="value" x="{min(x1 + 4, chart + 4):.1f}" y="{y + 25}">{esc(shown)}</text></g>')
    out.append("</svg></figure>")
    return "".join(out)


def _commune_bars(by_commune: pd.DataFrame, lang: str) -> str:
    """Diverging bars: each commune's change in yearly cost (all benefits), largest first."""
    rows = by_commune[(by_commune["benefit"] == ALL_BENEFITS) & (by_commune["yearly_change"] != 0)]
    rows = rows.sort_values("yearly_change", key=np.abs, ascending=False, kind="stable").iloc[:40]
    w = in_lang(WORDS, lang)
    caption = w["communes"]
    if rows.empty:
        return f'<figure id="communes"><figcaption>{esc(caption)}</figcaption><p class="empty">' \
               f'{esc(w["nothing"])}</p></figure>'
    values = rows["yearly_change"].to_numpy(dtype=float)
    top = float(np.abs(values).max()) or 1.0
    width, half, row = 520, 180, 30
    mid = 10 + half
    out = [f'<figure id="communes"><figcaption>{esc(caption)}</figcaption><svg class="chart" role="img" '
           f'aria-label="{esc(caption)}" viewBox="0 0 {width} {row * len(rows) + 8}">']
    for i, (commune, value) in enumerate(zip(rows["commune"].astype(str), values)):
        y, length = 4 + i * row, abs(value) / top * half
        x = mid if value >= 0 else mid - length
        out.append(f'<g class="step {"up" if value > 0 else "down"}"><title>{esc(commune)}: '
                   f'{esc(_signed(value, lang))}</title><text x="0" y="{y + 11}">{esc(commune)}</text>'
                   f'<rect x="{x:.1f}" y="{y + 14}" width="{max(length, 1):.1f}" height="12" data-v="{value:.0f}"/>'
                   f'<text class="value" x="{mid + half + 8}" y="{y + 25}">{esc(_signed(value, lang))}</text></g>')
    out.append("</svg></figure>")
    return "".join(out)


def _table(view: str, frame: pd.DataFrame, lang: str, labels) -> str:
    """One view as an HTML table (the first MAX_ROWS rows; the workbook and CSV hold them all)."""
    shown = present(frame.iloc[:MAX_ROWS], labels)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    head = "".join(f'<th scope="col"{" class=n" if n else ""}>{esc(header(c, lang))}</th>'
                   for c, n in zip(frame.columns, numeric))
    columns = [shown[c].map(lambda v: fmt_number(v, lang)).to_numpy(dtype=object) if n
               else shown[c].astype(object).where(shown[c].notna(), "").to_numpy(dtype=object)
               for c, n in zip(frame.columns, numeric)]
    cells = ["".join(f'<td{" class=n" if n else ""}>{esc(col[r])}</td>' for col, n in zip(columns, numeric))
             for r in range(len(shown))]
    w = in_lang(WORDS, lang)
    more = "" if len(frame) <= MAX_ROWS else f'<p class="note">{esc(w["more"].format(n=MAX_ROWS))}</p>'
    return (f'<section id="{view}"><h2>{esc(w["views"][view])} <small>({fmt_number(len(frame), lang)})'
            f'</small></h2><div class="scroll"><table data-view="{view}" data-rows="{len(frame)}"><thead><tr>{head}'
            f'</tr></thead><tbody>{"".join(f"<tr>{c}</tr>" for c in cells)}</tbody></table></div>{more}</section>')


DIFF_CSS = """
.step.total rect{fill:#1f4e79}.step.up rect{fill:#b03a2e}.step.down rect{fill:#2e7d32}
.chart text{font-size:11px}.chart text.value{fill:#595959}
#charts figure{margin:1rem 0}
"""
SCRIPT = "document.documentElement.dataset.ok='1';"
