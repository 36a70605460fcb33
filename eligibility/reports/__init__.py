"""Reports for auditors: coverage gaps and leakage (tables, Excel, HTML) and the plan's targets.

    from eligibility import screen_register
    from eligibility.reports import gap_tables, write_gap_workbook, write_gap_html, compute_targets

    s = screen_register("sample_households/demo", as_of=date(2025, 11, 15))
    tables = gap_tables(s.decisions, s.evaluation.members)     # {view: DataFrame}
    write_gap_workbook(tables, "out/gaps.xlsx", manifest(s), lang="vi", labels=value_labels(s.plan, "vi"))
    write_gap_html(tables, "out/gaps.html", manifest(s), lang="vi", labels=value_labels(s.plan, "vi"))
    compute_targets(s)                                          # one row per plan target

`write_gap_report(screening, out_dir, lang, redact)` writes all of it (what `eligibility gaps` runs);
`write_targets(screening, out_dir, lang)` what `eligibility targets` runs.
"""
from __future__ import annotations

from .htmlreport import render_gap_html, write_gap_html
from .labels import value_labels
from .redact import derive_key, pseudonym, pseudonymise
from .report import redact_tables, write_gap_report, write_targets
from .tables import VIEWS, gap_tables
from .targets import compute_targets
from .workbook import write_gap_workbook

__all__ = ["gap_tables", "write_gap_workbook", "write_gap_html", "render_gap_html", "compute_targets",
           "write_gap_report", "write_targets", "redact_tables", "value_labels", "pseudonym", "pseudonymise",
           "derive_key", "VIEWS"]
