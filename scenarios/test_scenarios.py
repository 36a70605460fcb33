"""Every feature file under scenarios/ runs as pytest tests (pytest-bdd)."""
from pathlib import Path

from pytest_bdd import scenarios

for folder in sorted(p for p in Path(__file__).parent.iterdir() if p.is_dir() and any(p.glob("*.feature"))):
    scenarios(str(folder))
