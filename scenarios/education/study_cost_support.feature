@education
Feature: Learning-cost support (hỗ trợ chi phí học tập)
  Decree 86/2015: 100,000 a month; Decree 81/2021 (from 1 Sept 2021): 150,000 a month per preschool or general-school
  pupil, at most 9 months a school year (1,350,000 a year). Groups: pupils of poor households, disabled pupils, pupils
  living in extremely difficult villages or region-III communes, very-small ethnic groups in difficult areas.
  From 3 Sept 2025 Decree 238/2025 replaced Decree 81/2021: the groups continue (B) but the amount was not seen (D),
  so a pupil stays entitled with the amount unknown.

  @E1
  Scenario: E1 - a pupil of a poor household gets 150,000 a month (1,350,000 over 9 months)
    Given the date is 01/10/2023
    And a household "H1" in commune "Nậm Tăm" with:
      | Huyện        | Sìn Hồ    |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Hỗ trợ chi phí học tập |
      | P1       | 01/09/2012 | Kinh    | THCS    | không                  |
    When the household is screened
    Then "P1" is eligible for "study_cost_support" with 150.000
    And "P1" gets "study_cost_support" under rule "learning_cost_poor_household"
    And "P1" is a "gap" for "study_cost_support"

  @threshold
  Scenario: From 3 September 2025 (Decree 238/2025) the pupil stays entitled but the amount is not known
    Given the date is 02/09/2025
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực       | Nông thôn |
      | Phân loại hộ  | Hộ nghèo  |
      | Vùng khó khăn | không     |
      | ĐBKK          | không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  | Mức độ khuyết tật |
      | P1       | 01/09/2012 | Kinh    | Tiểu học | Không khuyết tật  |
    When the household is screened on 02/09/2025
    Then "P1" is eligible for "study_cost_support" with 150.000
    When the household is screened on 03/09/2025
    Then "P1" is eligible for "study_cost_support", amount not known
    And "P1" gets "study_cost_support" under rule "learning_cost_poor_household_d238"

  @threshold
  Scenario: 100,000 under Decree 86/2015, 150,000 under Decree 81/2021 from 1 September 2021
    Given the date is 31/08/2021
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  |
      | P1       | 01/09/2012 | Kinh    | Tiểu học |
    When the household is screened on 31/08/2021
    Then "P1" is eligible for "study_cost_support" with 100.000
    And "P1" gets "study_cost_support" under rule "learning_cost_poor_household_d86"
    When the household is screened on 01/09/2021
    Then "P1" is eligible for "study_cost_support" with 150.000

  Scenario: A pupil in an extremely difficult village gets it whatever the household's status; a university student does not
    Given the date is 01/10/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực       | Nông thôn |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | không     |
      | ĐBKK          | có        |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học          | Mức độ khuyết tật |
      | P1       | 01/09/2014 | Kinh    | Tiểu học         | Không khuyết tật  |
      | P2       | 01/09/2004 | Kinh    | Cao đẳng/đại học | Không khuyết tật  |
    When the household is screened
    Then "P1" is eligible for "study_cost_support" with 150.000
    And "P1" gets "study_cost_support" under rule "learning_cost_dbkk_area"
    And "P2" is not eligible for "study_cost_support"
