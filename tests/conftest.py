"""Fixtures shared by every test under tests/ (the constants behind them are in `shared.py`).

`make test-fast` leaves out the tests marked `slow` (the durable_rules engine, the differential
tests, the browser and the 60,000-row reads): `pytest -m "not slow"`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from shared import AS_OF, DEMO

from eligibility.api import load_rules
from eligibility.rulebook.plan import Plan


@pytest.fixture(scope="session")
def demo() -> Path:
    """The bundled demo register (sample_households/demo, 41 households with planted edge cases)."""
    return DEMO


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    """The date the demo register's expectations are written for."""
    return AS_OF


@pytest.fixture(scope="session")
def bundled_plan() -> Plan:
    """The bundled rule pack, compiled once for the session."""
    return load_rules()


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch):
    """The CLI speaks Vietnamese under a vi locale (`cli_help`); tests that expect English words run
    under a neutral one whatever the developer's machine uses (vi tests set LANG or --lang vi)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
