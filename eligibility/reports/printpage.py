"""What every printable page shares (the papers, `papers_html.py`; the questionnaire, `needsdata_html.py`):
the print CSS (A4, a page group per village or household, tables that repeat their header) and the
escaping of a column's texts. Apart from the papers so that the questionnaire's page loads neither the
papers nor, through them, the workbook writer and openpyxl."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

CSS = """
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Times New Roman", "DejaVu Serif", "Liberation Serif", serif; font-size: 12pt; color: #000; }
.group { break-after: page; page-break-after: always; }
.group:last-child { break-after: auto; page-break-after: auto; }
.heading { display: flex; justify-content: space-between; text-align: center; font-size: 11pt; }
.heading .nation { font-weight: bold; }
.heading .motto { font-weight: bold; text-decoration: underline; }
h1 { text-align: center; font-size: 14pt; margin: 8mm 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
p.sub { text-align: center; margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin-top: 3mm; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
dl.household { display: grid; grid-template-columns: max-content auto; gap: 1mm 4mm; margin: 2mm 0; }
dl.household dt { font-weight: bold; } dl.household dd { margin: 0; }
.signatures { display: flex; justify-content: space-between; margin-top: 8mm; break-inside: avoid;
  page-break-inside: avoid; }
.signatures div { text-align: center; width: 45%; min-height: 30mm; }
.signatures b { display: block; }
@media screen { body { max-width: 200mm; margin: 1em auto; }
  .group { border-bottom: 2px dashed #888; padding-bottom: 2em; margin-bottom: 2em; } }
"""


def _esc(values) -> pd.Series:
    """HTML-escaped text of a column, each distinct value escaped once; '' for a missing value. A text
    column is factorised as it is (a missing value: code -1), any other turned into text first."""
    series = pd.Series(values)
    if isinstance(series.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(series)
    else:
        series = series.astype(object)
        codes, uniques = pd.factorize(series.where(series.notna(), "").astype(str))
    escaped = np.array([html.escape(u) for u in uniques] + [""], dtype=object)
    return pd.Series(escaped[np.where(codes < 0, len(escaped) - 1, codes)], index=series.index)
