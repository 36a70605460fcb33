"""Fixtures of the report tests; the data behind them is in `report_fixtures.py`."""
from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest
from report_fixtures import AS_OF, CHROMIUM, HOUSEHOLDS, MEMBERS, PARAMS, POLICY, ROOT, TARGETS

from eligibility import screen_records
from eligibility.api import load_rules


@pytest.fixture(scope="session")
def pack(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report_pack")
    shutil.copytree(ROOT / "rules" / "inputs", folder / "inputs")
    for sub, name, text in (("parameters", "p.yaml", PARAMS), ("policies/t", "t.yaml", POLICY),
                            ("targets", "plan.yaml", TARGETS)):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / sub / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def plan(pack):
    return load_rules(pack)


@pytest.fixture(scope="session")
def screening(plan):
    return screen_records(HOUSEHOLDS, MEMBERS, AS_OF, plan=plan, include_all=True)


@pytest.fixture(scope="session")
def register_dir(plan, tmp_path_factory) -> Path:
    """The same register as CSV files with Vietnamese headers (what a commune would hand in)."""
    from eligibility.records import frames_from_records
    from eligibility.register import write_register

    folder = tmp_path_factory.mktemp("register")
    hh, mm = frames_from_records(plan.inputs, HOUSEHOLDS, MEMBERS)
    write_register(hh, mm, folder, fmt="csv", headers="vi", schema=plan.inputs)
    return folder


@pytest.fixture(scope="session")
def tables(screening):
    from eligibility.reports import gap_tables

    return gap_tables(screening.decisions, screening.evaluation.members)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Headless Chromium, or a failure that says how to get it (skip only with ELIGIBILITY_SKIP_BROWSER=1)."""
    path = os.environ.get("ELIGIBILITY_CHROMIUM", CHROMIUM)
    if Path(path).is_file() and os.access(path, os.X_OK):
        return path
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("ELIGIBILITY_SKIP_BROWSER") == "1":
        pytest.skip("headless Chromium not installed and ELIGIBILITY_SKIP_BROWSER=1")
    pytest.fail(f"headless Chromium is needed to test the HTML report and was not found at {path}: "
                "install it (`apt-get install -y chromium`), point ELIGIBILITY_CHROMIUM at it, "
                "or set ELIGIBILITY_SKIP_BROWSER=1 to skip the browser tests", pytrace=False)


