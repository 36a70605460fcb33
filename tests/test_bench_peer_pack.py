"""The pack `bench/bench_peer.py` screens beside OpenFisca loads: cutting policies away must not leave an
example, a rule or a target pointing at a benefit that went with them (it did, and the bench failed)."""

import importlib.util
from pathlib import Path

from eligibility.rulebook.compile import compile_pack

ROOT = Path(__file__).resolve().parents[1]


def _bench_peer():
    spec = importlib.util.spec_from_file_location("bench_peer", ROOT / "bench" / "bench_peer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pack_cut_to_openfiscas_policies_loads_with_only_those_benefits(tmp_path):
    pack = compile_pack(_bench_peer().cut_pack(tmp_path))
    assert {"monthly_social_allowance", "social_pension", "hi_state_support"} <= set(pack.benefits)
    assert not {"merit_education_support", "merit_monthly_allowance"} & set(pack.benefits)
