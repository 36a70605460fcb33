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

from typing import TYPE_CHECKING

from ..lazy import lazy_names

# Each name is imported from its module when first asked for: `eligibility screen` words its audit
# with reports/audit.py alone, and the workbook and HTML writers (openpyxl and the rest: 0.6 CPU-s of a
# screen with programme lists) are not loaded for it.
_MODULE = {"render_gap_html": "htmlreport", "write_gap_html": "htmlreport", "value_labels": "labels",
           "derive_key": "redact", "pseudonym": "redact", "pseudonymise": "redact", "redact_tables": "report",
           "write_gap_report": "report", "write_targets": "report", "VIEWS": "tables", "gap_tables": "tables",
           "compute_targets": "targets", "write_gap_workbook": "workbook"}

__all__ = ["gap_tables", "write_gap_workbook", "write_gap_html", "render_gap_html", "compute_targets",
           "write_gap_report", "write_targets", "redact_tables", "value_labels", "pseudonym", "pseudonymise",
           "derive_key", "VIEWS"]


__getattr__, __dir__ = lazy_names(__name__, _MODULE, __all__)


if TYPE_CHECKING:
    from .htmlreport import render_gap_html, write_gap_html
    from .labels import value_labels
    from .redact import derive_key, pseudonym, pseudonymise
    from .report import redact_tables, write_gap_report, write_targets
    from .tables import VIEWS, gap_tables
    from .targets import compute_targets
    from .workbook import write_gap_workbook
