@education
Feature: Tuition exemption and reduction
  Decree 81/2021 (from school year 2021-22, C): exemption for meritorious people and their children, learners with a
  disability, children with no source of care, pupils of poor households, ethnic-minority pupils of near-poor
  households, very-small ethnic groups in difficult areas, ethnic-minority pupils in extremely difficult villages or
  region-III communes; 70 % reduction for other ethnic-minority pupils in difficult areas; 50 % for pupils of
  near-poor households. From 3 Sept 2025 tuition is free at public preschools and general schools (Resolution
  217/2025, Decree 238/2025). The amount is the share of the fee waived: 100 % = exempt.

  @E1
  Scenario: E1 - a pupil of a poor household in Sìn Hồ is exempt (2023)
    Given the date is 01/10/2023
    And a household "H1" in commune "Nậm Tăm" with:
      | Huyện        | Sìn Hồ    |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Trường công lập | Miễn giảm học phí |
      | P1       | 01/09/2012 | Kinh    | THCS    | có              | có                |
    When the household is screened
    Then "P1" is eligible for "tuition_exemption_reduction" with 100%
    And "P1" gets "tuition_exemption_reduction" under rule "tuition_exempt_poor_household"
    And "P1" is a "covered" for "tuition_exemption_reduction"

  @E9
  Scenario: E9 - the 10-year-old with a severe disability is exempt as a disabled learner
    Given the date is 01/10/2024
    And a household "H1" in commune "Nậm Hàng" with:
      | Huyện        | Nậm Nhùn     |
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Trường công lập |
      | P1       | 01/02/2014 | Kinh    | Tiểu học | Nặng              | 10/03/2020                        | có              |
    When the household is screened
    Then "P1" is eligible for "tuition_exemption_reduction" with 100%
    And "P1" gets "tuition_exemption_reduction" under rule "tuition_exempt_disabled"
    And "P1" is eligible for "study_cost_support" with 150.000

  Scenario: Near-poor households: a Kinh pupil gets 50 %, a Thái pupil is exempt; a Thái pupil in a difficult area gets 70 %
    Given the date is 01/10/2024
    And a household "A" in ward "Đông Phong" with:
      | Khu vực      | Thành thị    |
      | Phân loại hộ | Hộ cận nghèo |
      | Vùng khó khăn | không       |
      | ĐBKK         | không        |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Không có nguồn nuôi dưỡng | Trường công lập |
      | A1       | 01/09/2012 | Kinh    | THCS     | Không khuyết tật  | Không              | 0                           | không                     | có              |
      | A2       | 01/09/2014 | Thái    | Tiểu học | Không khuyết tật  | Không              | 0                           | không                     | có              |
    And a household "B" in commune "Mường Kim" with:
      | Khu vực       | Nông thôn |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | có        |
      | ĐBKK          | không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Không có nguồn nuôi dưỡng | Trường công lập |
      | B1       | 01/09/2012 | Thái    | THCS     | Không khuyết tật  | Không              | 0                           | không                     | có              |
    When the households are screened
    Then "A1" is eligible for "tuition_exemption_reduction" with 50%
    And "A1" gets "tuition_exemption_reduction" under rule "tuition_reduced_50_near_poor"
    And "A2" is eligible for "tuition_exemption_reduction" with 100%
    And "A2" gets "tuition_exemption_reduction" under rule "tuition_exempt_minority_near_poor"
    And "B1" is eligible for "tuition_exemption_reduction" with 70%
    And "B1" gets "tuition_exemption_reduction" under rule "tuition_reduced_70_minority_difficult_area"

  @threshold
  Scenario: Free tuition at public schools from 3 September 2025; a private-school pupil is not covered by it
    Given the date is 02/09/2025
    And a household "H1" in ward "Đông Phong" with:
      | Khu vực       | Thành thị |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | không     |
      | ĐBKK          | không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Không có nguồn nuôi dưỡng | Trường công lập |
      | P1       | 01/09/2012 | Kinh    | THCS    | Không khuyết tật  | Không              | 0                           | không                     | có              |
      | P2       | 01/09/2012 | Kinh    | THCS    | Không khuyết tật  | Không              | 0                           | không                     | không           |
    When the household is screened on 02/09/2025
    Then "P1" is not eligible for "tuition_exemption_reduction"
    When the household is screened on 03/09/2025
    Then "P1" is eligible for "tuition_exemption_reduction" with 100%
    And "P1" gets "tuition_exemption_reduction" under rule "tuition_free_public_school"
    And "P2" is not eligible for "tuition_exemption_reduction"

  Scenario: A disabled university student stays exempt under the decree groups after September 2025
    Given the date is 01/10/2025
    And a household "H1" in ward "Đông Phong" with:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học          | Mức độ khuyết tật | Trường công lập |
      | P1       | 01/09/2004 | Kinh    | Cao đẳng/đại học | Nhẹ               | có              |
    When the household is screened
    Then "P1" is eligible for "tuition_exemption_reduction" with 100%
    And "P1" gets "tuition_exemption_reduction" under rule "tuition_exempt_disabled"
