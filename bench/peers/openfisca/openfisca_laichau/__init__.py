"""A minimal OpenFisca country package for the side-by-side benchmark (issue 20): six variables of
this project's Lai Châu rule pack, written by hand from rules/ and /work/shared/POLICIES.md.

Scope (said plainly, so that a disagreement can be traced):
* Periods: the formulas encode the law in force from 2025-07-01 to 2026-06-30 (the poverty standard of
  Decree 07/2021 extended by Decree 351/2025, Decree 20/2021 with the standard 500,000 from 2024-07-01, the
  social pension from 2025-07-01, the HI support rules `hi24_*`). A date outside that span is refused.
* Monthly social allowance: 14 of the 16 rule groups of monthly_allowance.yaml (every group valid in that
  span: Art. 5(1), 5(2), 5(3), 5(5)(a), 5(5)(d), 5(6), 5(7), 5(8)); the 75-80 ĐBKK and 80+ groups ended
  2025-06-30 (moved to the social pension). The single-parent allowance (Art. 5(4)) is not encoded, so the
  HI share misses the "single-parent allowance" ground.
* No unknowns: OpenFisca has no Kleene logic, so a missing input is its default (False, 0, no date).
  The benchmark compares only where this project's engine decides.
"""
from __future__ import annotations

from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from . import variables
from .entities import Household, Person

SPAN = ("2025-07-01", "2026-06-30")

# Legal figures copied from rules/parameters/*.yaml (references there; grades as in POLICIES.md).
PARAMETERS = {
    "poverty": {  # poverty.yaml: Decree 07/2021/NĐ-CP Art. 3, extended through 2026 by Decree 351/2025 (B)
        "poor_line": {"rural": {"values": {"2022-01-01": 1_500_000}}, "urban": {"values": {"2022-01-01": 2_000_000}}},
        # the average-living-standard band's upper edge (C): rural 2.25 M, urban 3 M
        "average_line": {"rural": {"values": {"2022-01-01": 2_250_000}},
                         "urban": {"values": {"2022-01-01": 3_000_000}}},
        "poor_min_deprivations": {"values": {"2022-01-01": 3}},
    },
    # cross_cutting.yaml: social-assistance standard, Decree 76/2024/NĐ-CP from 2024-07-01 (A)
    "social_assistance": {
        "standard": {"values": {"2021-07-01": 360_000, "2024-07-01": 500_000}},
        "coef": {k: {"values": {"2021-07-01": v}} for k, v in {  # Decree 20/2021/NĐ-CP Art. 6(1) (A)
            "child_no_care_under_4": 2.5, "child_no_care_4_plus": 1.5, "no_care_studying_16_22": 1.5,
            "child_hiv_under_4": 2.5, "child_hiv_4_16": 2.0, "elderly_poor_60_80": 1.5,
            "elderly_poor_80_plus": 2.0, "elderly_community_care": 3.0, "disability_especially_severe": 2.0,
            "disability_especially_severe_child_elderly": 2.5, "disability_severe": 1.5,
            "disability_severe_child_elderly": 2.0, "child_under_3_dbkk": 1.5, "hiv_poor_no_income": 1.5}.items()},
    },
    # social_pension.yaml: Law 41/2024/QH15, Decree 176/2025/NĐ-CP; amount recorded C
    "social_pension": {"amount": {"values": {"2025-07-01": 500_000}},
                       "age_general": {"values": {"2025-07-01": 75}},
                       "age_poor_near_poor": {"values": {"2025-07-01": 70}}},
    # health_insurance.yaml: shares of the premium from 2025-07-01 (Law 51/2024/QH15, Decree 188/2025)
    "health_insurance": {
        "support": {k: {"values": {"2025-07-01": v}} for k, v in {
            "near_poor": 0.7, "near_poor_in_poor_area": 1.0, "ethnic_minority_exited_area": 0.7,
            "student": 0.5, "farming_average": 0.3}.items()},
        "provincial_top_up": {"values": {"2018-12-01": 0.0}},
        "ethnic_minority_exited_area_months": {"values": {"2025-07-01": 36}},
    },
}


class LaiChauTaxBenefitSystem(TaxBenefitSystem):
    def __init__(self) -> None:
        super().__init__([Person, Household])
        self.parameters = ParameterNode("", data=PARAMETERS)
        for variable in variables.ALL:
            self.add_variable(variable)


CountryTaxBenefitSystem = LaiChauTaxBenefitSystem
__all__ = ["SPAN", "CountryTaxBenefitSystem", "Household", "Person"]
