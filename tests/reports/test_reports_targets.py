"""compute_targets: the plan's indicators measured on a register, with unknowns kept apart."""
from __future__ import annotations

import json

import pytest

from eligibility.reports import compute_targets
from eligibility.reports.report import write_targets


@pytest.fixture(scope="module")
def targets(screening):
    return compute_targets(screening).set_index("id")


def test_a_share_counts_known_values_and_bounds_the_unknown(targets):
    hi = targets.loc["hi_coverage"]
    assert (hi["numerator"], hi["denominator"], hi["unknown"]) == (4, 8, 1)
    assert hi["value"] == pytest.approx(4 / 7)
    assert (hi["low"], hi["high"]) == (pytest.approx(4 / 8), pytest.approx(5 / 8))
    assert hi["target"] == pytest.approx(0.98)          # written as 98 (%), reported as a fraction
    assert hi["track"] == "off_track" and hi["to_reach"] == 3   # 7 of the 7 known are needed for 98 %


def test_a_strict_share_target_with_a_baseline(targets):
    water = targets.loc["hygienic_water"]
    assert (water["numerator"], water["denominator"], water["unknown"]) == (2, 4, 1)
    assert water["baseline"] == pytest.approx(0.85) and water["direction"] == ">"
    assert water["track"] == "off_track" and water["to_reach"] == 1


def test_a_count_target_over_a_population(targets):
    merit = targets.loc["poor_merit"]
    assert merit["measure"] == "count" and (merit["numerator"], merit["denominator"]) == (1, 1)
    assert merit["value"] == 1 and merit["track"] == "off_track" and merit["to_reach"] == 1


def test_a_target_met_is_on_track(targets):
    elder = targets.loc["elder_allowance"]
    assert (elder["numerator"], elder["denominator"], elder["value"]) == (1, 2, 0.5)
    assert elder["track"] == "on_track" and elder["to_reach"] == 0


def test_unknowns_that_could_go_either_way_leave_the_track_undetermined(screening):
    from eligibility.reports.targets import _track

    assert _track(">=", 0.55, 0.5, 0.625) == "undetermined"
    assert _track("<=", 0.0, 0.0, 2.0) == "undetermined"
    assert _track("<=", 0.0, 0.0, 0.0) == "on_track"


def test_targets_files_carry_the_manifest(screening, tmp_path):
    written = write_targets(screening, tmp_path, "vi")
    doc = json.loads(written["json"].read_text(encoding="utf-8"))
    assert doc["manifest"]["rule_pack"]["sha256"] == screening.plan.digest
    assert doc["manifest"]["as_of"] == "2025-11-15"
    assert {t["id"] for t in doc["targets"]} == {"hi_coverage", "hygienic_water", "poor_merit", "elder_allowance"}
    csv = written["csv"].read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0].startswith("Chỉ tiêu,") and "chưa đạt" in csv
