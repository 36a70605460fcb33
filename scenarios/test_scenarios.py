"""Every feature file under scenarios/ runs as pytest tests (pytest-bdd)."""
from pathlib import Path

import pytest
from pytest_bdd import scenarios

# One screening per scenario (about a second each): `make test` runs them all; the edit loop
# (`make test-fast`) leaves them to `eligibility test`, which screens every scenario in one batch.
pytestmark = pytest.mark.slow

for folder in sorted(p for p in Path(__file__).parent.iterdir() if p.is_dir() and any(p.glob("*.feature"))):
    scenarios(str(folder))
