"""Write the auditor's reports for a screening: the gap report (CSV per view, workbook, HTML, JSON)
and the plan targets (CSV, JSON). Same screening + same options ⇒ byte-identical files."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from ..csvout import whole_numbers
from ..outfolder import MANIFEST, staged
from ..outputs import ENTITY, file_sha256, manifest, write_table, word_missing
from ..wording.catalogue import N_, in_lang
from .htmlreport import write_gap_html
from .labels import TRACK, header, present, value_labels
from .redact import derive_key, household_heads, key_from_text, redact_list
from .tables import LISTS, VIEWS, gap_tables, sort_list
from .targets import compute_targets
from .workbook import LIST_ROWS, write_gap_workbook

MEASURES = {"share": N_("share"), "count": N_("count")}   # how a target is measured
CSV_NAMES = {"by_benefit": "gap_by_benefit", "by_district": "gap_by_district", "by_commune": "gap_by_commune",
             "by_village": "gap_by_village", "by_ethnicity": "gap_by_ethnicity", "gap_list": "gap_list",
             "leakage_list": "leakage_list", "needs_data_list": "needs_data_list"}


def screening_members(screening) -> pd.DataFrame | None:
    """The member frame the screening saw (for ethnicity and heads of household)."""
    if screening.evaluation is not None:
        return screening.evaluation.members
    if screening.register is not None:
        return screening.register.members
    return None


def redaction_key(screening, secret: str | None = None) -> bytes:
    return key_from_text(secret) if secret else derive_key(screening.plan.digest, screening.as_of)


def redact_tables(tables: dict[str, pd.DataFrame], key: bytes, members: pd.DataFrame | None = None
                  ) -> dict[str, pd.DataFrame]:
    """The same views with every name and register ID in the lists replaced by its pseudonym."""
    heads = household_heads(members)
    # re-sorted by pseudonym: an order by the real IDs would leak them (and the parts of a partitioned
    # run, redacted where they are screened, come together in this order)
    return {view: sort_list(redact_list(frame, key, heads)) if view in LISTS else frame
            for view, frame in tables.items()}


def report_info(lang: str, redact: bool, secret: str | None) -> dict:
    info = {"lang": lang, "redacted": bool(redact)}
    if redact:
        info["redaction"] = ("HMAC-SHA256 pseudonyms; key supplied by the user (not stored)" if secret else
                             "HMAC-SHA256 pseudonyms; key derived from the rule-pack hash and the as-of date "
                             "(stable, but not secret: use --redact-key to share outside)")
    return info


def write_gap_report(screening, out_dir, lang: str = "vi", redact: bool = False,
                     redact_key: str | None = None, tables: dict[str, pd.DataFrame] | None = None,
                     force: bool = False) -> dict[str, Path]:
    """gap_by_*.csv, gap/leakage/needs-data lists, gaps.xlsx, gaps.html, gaps.json and manifest.json
    in `out_dir`, whole or not at all (`outfolder`: a redacted run never sits beside named data of
    an earlier run). `tables`: the unredacted `gap_tables` of this screening, when already computed."""
    members = screening_members(screening)
    tables = gap_tables(screening.decisions, members, lang) if tables is None else tables
    if redact:
        tables = redact_tables(tables, redaction_key(screening, redact_key), members)
    audit = screening.extra.get("audit")
    with staged(out_dir, force=force, inputs=_inputs(screening)) as folder:
        written = {}
        if audit is not None and len(audit.matches):   # the programme lists' findings (reports/audit.py)
            from .audit import REPORT_VIEWS, audit_views, in_words, write_audit_views

            key = redaction_key(screening, redact_key) if redact else None
            views = {name: in_words(view, screening.plan, lang)   # vi: findings and notes in words
                     for name, view in audit_views(audit, members, key).items()}
            written = write_audit_views(views, folder.path, lang)
            tables = {**tables, **{name: views[name] for name in REPORT_VIEWS}}   # into the workbook and the page
        written.update(write_gap_files(tables, folder, screening.plan, manifest(screening), lang,
                                       report_info(lang, redact, redact_key)))
    return folder.final_paths(written)


def _inputs(screening) -> tuple:
    return tuple(screening.register.sources) if screening.register is not None else ()


def write_gap_files(tables: dict[str, pd.DataFrame], folder, plan, run: dict, lang: str,
                    info: dict) -> dict[str, Path]:
    """The gap report's files and manifest.json in `folder` (an `outfolder` staging), from its views
    (already redacted when asked), the rule pack and the run's manifest (one register or a partitioned one)."""
    out = folder.path
    labels = value_labels(plan, lang)
    tables = {view: word_missing(table, plan, lang) for view, table in tables.items()}   # vi: words, not codes
    written: dict[str, Path] = {}
    for view in VIEWS:
        written[view] = write_csv(tables[view], out / CSV_NAMES[view], lang, labels)
    written["workbook"] = write_gap_workbook(tables, out / "gaps.xlsx", run, lang, labels, info, max_rows=LIST_ROWS,
                                             plan=plan)
    written["html"] = write_gap_html(tables, out / "gaps.html", run, lang, labels, info, plan=plan)
    hashes = {name: f"{path.name} sha256:{file_sha256(path)}" for name, path in written.items()}
    doc = {"manifest": {**run, "outputs": hashes}, "report": info, "by_benefit": _records(tables["by_benefit"])}
    written["json"] = _write_json(out / "gaps.json", doc)
    folder.manifest({**run, "report": info})
    written["manifest"] = out / MANIFEST
    return written


def write_targets(screening, out_dir, lang: str = "vi", table: pd.DataFrame | None = None,
                  force: bool = False) -> dict[str, Path]:
    """targets.csv, targets.json (with the run's manifest) and manifest.json in `out_dir`, whole or
    not at all (`outfolder`)."""
    table = compute_targets(screening, lang) if table is None else table
    with staged(out_dir, force=force, inputs=_inputs(screening)) as folder:
        written = write_target_files(table, folder, manifest(screening), lang)
    return folder.final_paths(written)


def write_target_files(table: pd.DataFrame, folder, run: dict, lang: str) -> dict[str, Path]:
    """targets.csv, targets.json and manifest.json in `folder` (an `outfolder` staging)."""
    out = folder.path
    written = {"csv": write_csv(table, out / "targets", lang, target_labels(lang))}
    outputs = {"csv": f"{written['csv'].name} sha256:{file_sha256(written['csv'])}"}
    written["json"] = _write_json(out / "targets.json", {"manifest": {**run, "outputs": outputs},
                                                         "targets": _records(table)})
    folder.manifest(run)
    written["manifest"] = out / MANIFEST
    return written


def target_labels(lang: str) -> dict[str, dict[str, str]]:
    labels = {"track": in_lang(TRACK, lang)}
    if lang == "vi":
        labels["entity"] = in_lang(ENTITY, lang)
        labels["measure"] = in_lang(MEASURES, lang)
    return labels


def write_csv(frame: pd.DataFrame, stem: Path, lang: str, labels: dict | None) -> Path:
    """A CSV with headers in `lang`, codes as labels, and formula-like text neutralised."""
    shown = whole_numbers(present(frame, labels))   # 750000.0 → 750000
    shown = shown.rename(columns={c: header(c, lang) for c in shown.columns})
    return write_table(shown, stem, "csv")


def _records(frame: pd.DataFrame) -> list[dict]:
    out = []
    for record in frame.astype(object).to_dict(orient="records"):
        out.append({k: _json_value(v) for k, v in record.items()})
    return out


def _json_value(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else (int(value) if value.is_integer() and abs(value) < 2**53 else value)
    if hasattr(value, "item"):
        return _json_value(value.item())
    return value


def _write_json(path: Path, doc: dict) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
