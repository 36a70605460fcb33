"""`enrolled_from.level` names parameters the audit reads (`per`, `worth`): a name the pack does not declare
is refused when the pack is read, with its file, not met as a KeyError in the middle of an audit."""
from __future__ import annotations

import shutil
from pathlib import Path

from rulebook_support import compile_errors, patch_file

ROOT = Path(__file__).resolve().parents[2]


def test_an_unknown_worth_parameter_is_refused_when_the_pack_is_read(tmp_path):
    pack = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", pack, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    patch_file(pack / "policies" / "health_insurance" / "state_support.yaml",
               "worth: [health_insurance.premium_rate, base_salary]", "worth: [health_insurance.premium_rat, base_salary]")
    issues = compile_errors(pack)
    assert [i.code for i in issues] == ["E-PARAM-UNKNOWN"]
    assert "health_insurance.premium_rat" in issues[0].message and issues[0].file.endswith("state_support.yaml")
