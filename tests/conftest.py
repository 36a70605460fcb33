"""Fixtures shared by every test under tests/ (the constants behind them are in `shared.py`).

`make test-fast` leaves out the tests marked `slow` (the durable_rules engine, the differential
tests, the browser and the 60,000-row reads): `pytest -m "not slow"`."""
from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from shared import AS_OF, DEMO

from eligibility.api import load_rules
from eligibility.rulebook.plan import Plan


def pytest_collection_finish(session):
    """What collection made lives to the worker's end (pandas, pyarrow, hypothesis, the package, every test
    module: some 100,000 objects): frozen, the collector's full passes skip it (as `eligibility.startup`
    does for a command's start-up). Measured on two slow files: 2.2 of 49 CPU-s went to full collections,
    0.7 with this. The collector still runs, a young generation every 10,000 container objects rather
    than 700: a screening makes hundreds of thousands of objects, freed by their counts long before a
    pass would find them (test_explain_one_household: 1,187 passes over the young generations, 0.34 CPU-s;
    38 passes, 0.19 CPU-s, with this). Both together, on four slow files in one process, alternated under the
    same load: 40.6-46.9 CPU-s without, 35.1 with (3 Dec 2026); 50,000 rather than 10,000 gained nothing more."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


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


@pytest.fixture(scope="session")
def demo_screened():
    """`demo_screened(as_of, lang="en", include_all=False)`: the demo register screened once per session
    (per xdist worker) for each set of arguments; about a CPU-second a screening, and a dozen modules read
    the same one. The screening is shared: a test reads it and never changes it — at the session's end
    each decisions table is compared with a copy taken when it was made, and a change fails here."""
    from eligibility.api import screen_register

    made: dict = {}

    def screened(as_of: dt.date, lang: str = "en", include_all: bool = False):
        key = (as_of, lang, include_all)
        if key not in made:
            screening = screen_register(DEMO, as_of, lang=lang, include_all=include_all)
            made[key] = (screening, screening.decisions.copy(deep=True))
        return made[key][0]

    yield screened
    changed = [key for key, (screening, copy) in made.items() if not screening.decisions.equals(copy)]
    assert not changed, f"a test changed the shared demo screening {changed}: copy it before changing it"


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch):
    """The CLI speaks Vietnamese under a vi locale (`cli_help`); tests that expect English words run
    under a neutral one whatever the developer's machine uses (vi tests set LANG or --lang vi)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
