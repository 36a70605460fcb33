"""The six variables (and the inputs and helpers they need), vectorised as OpenFisca requires.

Every formula follows the rule file named beside it; the period is the month of the screening date,
and `as_of` (an input) is the screening date itself (ages are counted to the day, as in common/person.yaml).
"""
from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from .entities import Household, Person

ORIGIN = np.datetime64("1900-01-01", "M")
DEPRIVATIONS_2022 = ["employment", "dependants", "nutrition", "health_insurance", "adult_education",
                     "child_schooling", "housing_quality", "floor_area", "water", "latrine", "telecom",
                     "information"]  # poverty.deprivation_indicators 2022-2026 (Decree 07/2021 Art. 3)


def _input(name, entity, value_type, default=None, **extra):
    attrs = {"value_type": value_type, "entity": entity, "definition_period": ETERNITY, "label": name, **extra}
    if default is not None:
        attrs["default_value"] = default
    return type(name, (Variable,), attrs)


PERSON_BOOLS = ["no_source_of_care", "hiv", "has_supporter", "fostered", "receives_pension", "survivor_allowance",
                "is_pupil_or_student", "is_ethnic_minority", "is_meritorious_person", "is_martyr_relative",
                "disability_severe", "disability_especially_severe", "disability_certified_by_month"]
HOUSEHOLD_BOOLS = ["urban", "on_poor_list", "on_near_poor_list", "area_extremely_difficult", "area_difficult",
                   "area_ethnic_mountain", "poor_commune", "farming_household", "area_exited_recently"] + \
                  [f"dep_{d}" for d in DEPRIVATIONS_2022]

INPUTS = [_input(n, Person, bool) for n in PERSON_BOOLS] + [_input(n, Household, bool) for n in HOUSEHOLD_BOOLS] + [
    _input("date_of_birth", Person, date, default=date(1900, 1, 1)),
    _input("as_of", Person, date, default=date(2025, 11, 15)),
    _input("parent_invalid_rate", Person, int),
    _input("household_income_per_capita", Household, float),
]


def _months(dates):
    return dates.astype("datetime64[M]").astype("int64") - ORIGIN.astype("int64")


class age(Variable):  # common/person.yaml: years_between(date_of_birth, as_of), completed years
    value_type, entity, definition_period, label = int, Person, MONTH, "Tuổi (đủ năm)"

    def formula(person, period):
        born, as_of = person("date_of_birth", period), person("as_of", period)
        by, bm, bd = _ymd(born)
        ay, am, ad = _ymd(as_of)
        return ay - by - ((am < bm) | ((am == bm) & (ad < bd)))


class age_by_birthday_month(Variable):  # common/person.yaml: counted from the birthday month
    value_type, entity, definition_period, label = int, Person, MONTH, "Tuổi tính từ tháng sinh nhật"

    def formula(person, period):
        return (_months(person("as_of", period)) - _months(person("date_of_birth", period))) // 12


def _ymd(dates):
    y = dates.astype("datetime64[Y]").astype("int64") + 1970
    m = dates.astype("datetime64[M]").astype("int64") % 12 + 1
    d = (dates - dates.astype("datetime64[M]")).astype("int64") + 1
    return y, m, d


class income_per_capita(Variable):  # an input of the register (households.yaml), per person per month
    value_type, entity, definition_period, label = float, Household, MONTH, "Thu nhập bình quân đầu người/tháng"

    def formula(household, period):
        return household("household_income_per_capita", period)


class PovertyStatus(Enum):
    none = "không"
    poor = "nghèo"
    near_poor = "cận nghèo"
    average = "mức sống trung bình"


class poverty_status_by_standard(Variable):  # poverty/standard.yaml, Decree 07/2021 Art. 3 (AND rule)
    value_type, entity, definition_period = Enum, Household, MONTH
    possible_values, default_value, label = PovertyStatus, PovertyStatus.none, "Phân loại theo chuẩn nghèo"

    def formula_2022_01_01(household, period, parameters):
        p = parameters(period).poverty
        urban = household("urban", period)
        income = household("income_per_capita", period)
        line = np.where(urban, p.poor_line.urban, p.poor_line.rural)
        average_line = np.where(urban, p.average_line.urban, p.average_line.rural)
        deprived = sum(household(f"dep_{d}", period).astype(int) for d in DEPRIVATIONS_2022)
        poor = (income <= line) & (deprived >= p.poor_min_deprivations)
        near_poor = (income <= line) & ~poor
        return np.select([poor, near_poor, income <= average_line],
                         [PovertyStatus.poor, PovertyStatus.near_poor, PovertyStatus.average], PovertyStatus.none)


class monthly_social_allowance(Variable):  # social_assistance/monthly_allowance.yaml: the highest coefficient
    value_type, entity, definition_period, label = float, Person, MONTH, "Trợ cấp xã hội hằng tháng"

    def formula_2021_07_01(person, period, parameters):
        sa = parameters(period).social_assistance
        c = sa.coef
        age, abm = person("age", period), person("age_by_birthday_month", period)
        hh = person.household
        poor = hh("on_poor_list", period)
        poor_or_near = poor | hh("on_near_poor_list", period)
        no_care, hiv = person("no_source_of_care", period), person("hiv", period)
        no_supporter = ~person("has_supporter", period)
        certified = person("disability_certified_by_month", period)
        child_or_elderly = (abm < 16) | (abm >= 60)
        esp = person("disability_especially_severe", period) & certified
        sev = person("disability_severe", period) & certified
        groups = [  # (condition, coefficient) in the rule file's order
            (no_care & (abm < 4), c.child_no_care_under_4),
            (no_care & (abm >= 4) & (age < 16), c.child_no_care_4_plus),
            (no_care & (age >= 16) & (age <= 22) & person("is_pupil_or_student", period), c.no_care_studying_16_22),
            (hiv & poor & (abm < 4), c.child_hiv_under_4),
            (hiv & poor & (abm >= 4) & (age < 16), c.child_hiv_4_16),
            ((age >= 60) & (abm < 80) & poor & no_supporter, c.elderly_poor_60_80),
            ((abm >= 80) & poor & no_supporter, c.elderly_poor_80_plus),
            ((age >= 60) & poor & no_supporter & person("fostered", period), c.elderly_community_care),
            (esp, c.disability_especially_severe),
            (esp & child_or_elderly, c.disability_especially_severe_child_elderly),
            (sev, c.disability_severe),
            (sev & child_or_elderly, c.disability_severe_child_elderly),
            ((age < 3) & poor_or_near & hh("area_extremely_difficult", period), c.child_under_3_dbkk),
            (hiv & poor & ~person("receives_pension", period), c.hiv_poor_no_income),
        ]
        coefficient = np.zeros(person.count)
        for condition, coef in groups:
            coefficient = np.maximum(coefficient, np.where(condition, coef, 0.0))
        return coefficient * sa.standard


class social_pension(Variable):  # social_pension/social_pension.yaml, from 2025-07-01
    value_type, entity, definition_period, label = float, Person, MONTH, "Trợ cấp hưu trí xã hội"

    def formula_2025_07_01(person, period, parameters):
        sp = parameters(period).social_pension
        age = person("age", period)
        hh = person.household
        poor_or_near = hh("on_poor_list", period) | hh("on_near_poor_list", period)
        free = ~person("receives_pension", period) & ~person("survivor_allowance", period) & \
            (person("monthly_social_allowance", period) <= 0)
        due = free & ((age >= sp.age_general) | ((age >= sp.age_poor_near_poor) & (age < sp.age_general) & poor_or_near))
        return np.where(due, sp.amount, 0.0)


class hi_state_share(Variable):  # health_insurance/state_support.yaml, rules hi24_* (from 2025-07-01)
    value_type, entity, definition_period, label = float, Person, MONTH, "Tỷ lệ ngân sách hỗ trợ đóng BHYT"

    def formula_2025_07_01(person, period, parameters):
        hi = parameters(period).health_insurance
        s, top_up = hi.support, hi.provincial_top_up
        age = person("age", period)
        hh = person.household
        poor, near_poor = hh("on_poor_list", period), hh("on_near_poor_list", period)
        ethnic, pupil = person("is_ethnic_minority", period), person("is_pupil_or_student", period)
        survivor = person("survivor_allowance", period)
        disabled = person("disability_severe", period) | person("disability_especially_severe", period)
        full = (person("is_meritorious_person", period) | (age < 6) | person("is_martyr_relative", period)
                | ((person("parent_invalid_rate", period) >= 61)
                   & (((age >= 6) & (age < 18)) | ((age >= 18) & pupil) | ((age >= 18) & disabled)))
                | poor | (ethnic & near_poor & hh("area_ethnic_mountain", period))
                | (ethnic & (hh("area_difficult", period) | hh("area_extremely_difficult", period)))
                | hh("area_extremely_difficult", period)
                | (person("monthly_social_allowance", period) > 0)
                | ((age >= 75) & survivor) | ((age >= 70) & (age < 75) & near_poor & survivor)
                | (person("social_pension", period) > 0))
        partial = [
            (near_poor & hh("poor_commune", period), s.near_poor_in_poor_area),
            (near_poor, s.near_poor),
            (pupil, s.student),
            (hh("farming_household", period)
             & (hh("poverty_status_by_standard", period) == PovertyStatus.average), s.farming_average),
            (ethnic & hh("area_exited_recently", period), s.ethnic_minority_exited_area),
        ]
        share = np.where(full, 1.0, 0.0)
        for condition, value in partial:
            share = np.maximum(share, np.where(condition, min(1.0, value + top_up), 0.0))
        return share


ALL = [*INPUTS, income_per_capita, age, age_by_birthday_month, poverty_status_by_standard,
       monthly_social_allowance, social_pension, hi_state_share]
