"""Fixtures for the register tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from register_helpers import AS_OF, FIXTURES, ROOT

from eligibility.register import read_register
from eligibility.rulebook.inputs import load_input_schema


@pytest.fixture(scope="session")
def schema():
    return load_input_schema(ROOT / "rules")


@pytest.fixture(scope="session")
def read(schema):
    """read("case") reads tests/fixtures/register/<case> (or any path) as of 15/11/2025."""

    def _read(case, **kwargs):
        path = case if isinstance(case, Path) else FIXTURES / case
        kwargs.setdefault("as_of", AS_OF)
        return read_register(path, schema, **kwargs)

    return _read
