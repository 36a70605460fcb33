"""What many tests share, defined once: where the repository and the demo register are, and the
as-of date the demo register's expectations are written for (its README). Importable from any
test module under tests/ (tests/conftest.py puts this folder on the path first)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_households" / "demo"
DEMO_XLSX = ROOT / "sample_households" / "demo_xlsx"
AS_OF = dt.date(2025, 11, 15)
