@social_assistance
Feature: Care-giver and foster support (Decree 20/2021, Art. 20)
  Standard x coefficient a month, decided per person cared for and paid to whoever cares for them, in addition to
  that person's own monthly allowance. Fostering a child with no source of care: 2.5 under 4, 1.5 from the month
  the child turns 4. A parent with a severe or especially severe disability raising one child under 36 months: 1.5;
  two or more: 2.0. A household caring for a person with an especially severe disability: 1.0. Fostering a person
  with an especially severe disability: 2.5 for a child, 1.5 for an adult. Several coefficients: the highest.

  @E10 @threshold
  Scenario Outline: E10 - a neighbour fostering an orphan born 1 Sep 2022, on <date>
    Given the date is <date>
    And the run uses unverified figures (--use-unverified)
    And a household "H1" in commune "Bum Tở" with:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | Được nhận nuôi dưỡng | Kinh phí chăm sóc |
      | P1       | 01/04/1980 | Chủ hộ             | Không khuyết tật  | không                     | không                | không             |
      | P2       | 01/09/2022 | Khác               | Không khuyết tật  | có                        | có                   | không             |
    When the household is screened
    Then "P2" is eligible for "care_support" with <amount>
    And "P2" gets "care_support" under rule "<rule>"
    And "P2" is a "gap" for "care_support"

    Examples: 2.5 x standard under 4, 1.5 x standard from September 2026 (standard 540,000 from Jul 2026 is D)
      | date       | amount    | rule                    |
      | 01/08/2024 | 1.250.000 | cs_foster_child_under_4 |
      | 31/08/2026 | 1.350.000 | cs_foster_child_under_4 |
      | 01/09/2026 | 810.000   | cs_foster_child_4_16    |

  @E9
  Scenario: E9 - the family of a 10-year-old with an especially severe disability gets care support on top of the child's allowance
    Given the date is 01/08/2024
    And a household "A" in commune "Nậm Hàng" with:
      | Huyện        | Nậm Nhùn     |
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Được nhận nuôi dưỡng | Không có nguồn nuôi dưỡng |
      | A1       | 01/01/1985 | Chủ hộ             | Không khuyết tật  |                                   | không                | không                     |
      | A2       | 01/02/2014 | Con                | Đặc biệt nặng     | 10/03/2020                        | không                | không                     |
    And a household "B" in commune "Nậm Hàng" like "A" but with:
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Được nhận nuôi dưỡng | Không có nguồn nuôi dưỡng |
      | B1       | 01/01/1985 | Chủ hộ             | Không khuyết tật  |                                   | không                | không                     |
      | B2       | 01/02/2014 | Con                | Nặng              | 10/03/2020                        | không                | không                     |
    When the households are screened
    Then "A2" is eligible for "care_support" with 500.000
    And "A2" gets "care_support" under rule "cs_household_carer_especially_severe"
    And "A2" is eligible for "monthly_social_allowance" with 1.250.000
    And "B2" is not eligible for "care_support"
    And "B2" is eligible for "monthly_social_allowance" with 1.000.000

  @threshold
  Scenario: A mother with a severe disability raising a child under 36 months: 1.5; the child reaching 36 months ends it
    Given the date is 01/08/2024
    And a household "A" in commune "Nậm Hàng" with:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Được nhận nuôi dưỡng |
      | A1       | 01/01/1995 | Chủ hộ             | Nặng              | 10/03/2019                        | không                |
      | A2       | 02/08/2021 | Con                | Không khuyết tật  |                                   | không                |
    And a household "B" in commune "Nậm Hàng" like "A" but with:
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Được nhận nuôi dưỡng |
      | B1       | 01/01/1995 | Chủ hộ             | Nặng              | 10/03/2019                        | không                |
      | B2       | 01/08/2021 | Con                | Không khuyết tật  |                                   | không                |
    When the households are screened
    Then "A1" is eligible for "care_support" with 750.000
    And "A1" gets "care_support" under rule "cs_disabled_parent_one_child"
    And "B1" is not eligible for "care_support"

  Scenario: A mother with an especially severe disability raising two children under 36 months: 2.0
    Given the date is 01/08/2024
    And a household "H1" in commune "Nậm Hàng" with:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Được nhận nuôi dưỡng |
      | P0       | 01/01/1993 | Chủ hộ             | Không khuyết tật  |                                   | không                |
      | P1       | 01/01/1995 | Vợ/chồng           | Đặc biệt nặng     | 10/03/2019                        | không                |
      | P2       | 01/02/2023 | Con                | Không khuyết tật  |                                   | không                |
      | P3       | 01/01/2022 | Con                | Không khuyết tật  |                                   | không                |
    When the household is screened
    Then "P1" is eligible for "care_support" with 1.000.000
    And "P1" gets "care_support" under rule "cs_disabled_parent_two_children"

  Scenario: A poor elderly person with no supporter taken in by a neighbour: foster support 1.5 and allowance 3.0
    Given the date is 01/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | Có người phụng dưỡng | Được nhận nuôi dưỡng |
      | P1       | 01/01/1975 | Chủ hộ             | Không khuyết tật  | không                     | có                   | không                |
      | P2       | 01/01/1940 | Khác               | Không khuyết tật  | không                     | không                | có                   |
    When the household is screened
    Then "P2" is eligible for "care_support" with 750.000
    And "P2" gets "care_support" under rule "cs_foster_elderly"
    And "P2" is eligible for "monthly_social_allowance" with 1.500.000

  @threshold
  Scenario: Fostering a person with an especially severe disability: 2.5 for a child under 16, 1.5 from 16
    Given the date is 01/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Không có nguồn nuôi dưỡng | Được nhận nuôi dưỡng |
      | P1       | 01/01/1975 | Chủ hộ             | Không khuyết tật  |                                   | không                     | không                |
      | P2       | 02/08/2008 | Khác               | Đặc biệt nặng     | 01/01/2018                        | không                     | có                   |
      | P3       | 01/08/2008 | Khác               | Đặc biệt nặng     | 01/01/2018                        | không                     | có                   |
    When the household is screened
    Then "P2" is eligible for "care_support" with 1.250.000
    And "P2" gets "care_support" under rule "cs_foster_especially_severe_child"
    And "P3" is eligible for "care_support" with 750.000
    And "P3" gets "care_support" under rule "cs_foster_especially_severe_adult"
