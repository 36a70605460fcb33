"""A household's explanation describes each parameter once per evaluation (explain/data.py): another
evaluation, of another date, gets its own values, never the ones described before."""
from __future__ import annotations

import datetime as dt

import pytest

from eligibility.api import explain_register
from eligibility.explain import data as explain_data

from shared import AS_OF, DEMO


def _parameters(found: dict) -> dict[str, tuple]:
    return {p["name"]: (p["value"], p["from"]) for entry in found["benefits"] for rule in entry["rules"]
            for p in rule["parameters"]}


@pytest.mark.slow   # two evaluations of the demo (about 1.7 CPU-s): `make test` runs it, `make test-fast` not
def test_another_evaluation_describes_its_own_parameters():
    earlier = dt.date(2021, 1, 1)
    explain_register(DEMO, "DM23", AS_OF)
    after_the_other = explain_register(DEMO, "DM23", earlier)
    explain_data._PARAMETERS.clear()
    alone = explain_register(DEMO, "DM23", earlier)
    assert after_the_other == alone
    assert _parameters(alone) != _parameters(explain_register(DEMO, "DM23", AS_OF))   # the dates differ in law
