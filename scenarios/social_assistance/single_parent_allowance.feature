@social_assistance
Feature: Allowance for a poor single parent raising children (Decree 20/2021, Art. 5(4))
  A parent in a poor or near-poor household who never married, or whose spouse died or is missing, raising a child
  under 16, or aged 16 to 22 and studying: 1.0 x standard for each such child. It is paid on top of the parent's own
  allowance when the parent is also elderly, disabled or living with HIV (Art. 6(2)). The register has no parent
  link: the head's children (or a child-of-the-head's own children, recorded as the head's grandchildren) count.

  @threshold
  Scenario: A poor widowed mother counts a child under 16 and a student up to 22; not a 16-year-old out of school, nor a 23-year-old
    Given the date is 01/08/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Huyện        | Sìn Hồ    |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Đơn thân nuôi con | Tình trạng hôn nhân | Cấp học          | Đang hưởng TCXH hằng tháng |
      | P1       | 01/02/1978 | Chủ hộ             | có                | Góa                 | Không đi học     | có                         |
      | C1       | 02/08/2008 | Con                | không             | Chưa kết hôn        | Không đi học     | không                      |
      | C2       | 01/08/2008 | Con                | không             | Chưa kết hôn        | Không đi học     | không                      |
      | C3       | 02/08/2001 | Con                | không             | Chưa kết hôn        | Cao đẳng/đại học | không                      |
      | C4       | 01/08/2001 | Con                | không             | Chưa kết hôn        | Cao đẳng/đại học | không                      |
    When the household is screened
    Then "P1" is eligible for "single_parent_allowance" with 1.000.000
    And "P1" gets "single_parent_allowance" under rule "sa_single_parent_poor"
    And "P1" is a "covered" for "single_parent_allowance"

  @threshold
  Scenario: The per-child amount follows the standard: 360,000 per child before July 2024, 500,000 from July 2024
    Given the date is 30/06/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Đơn thân nuôi con | Tình trạng hôn nhân | Cấp học      |
      | P1       | 01/02/1985 | Chủ hộ             | có                | Góa                 | Không đi học |
      | C1       | 01/05/2019 | Con                | không             | Chưa kết hôn        | Mầm non      |
      | C2       | 01/05/2010 | Con                | không             | Chưa kết hôn        | THCS         |
    When the household is screened on 30/06/2024
    Then "P1" is eligible for "single_parent_allowance" with 720.000
    When the household is screened on 01/07/2024
    Then "P1" is eligible for "single_parent_allowance" with 1.000.000

  Scenario: A near-poor never-married daughter of the head raising her 2-year-old gets 1 x 500,000
    Given the date is 01/08/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Đơn thân nuôi con | Tình trạng hôn nhân |
      | P1       | 01/02/1960 | Chủ hộ             | không             | Đã kết hôn          |
      | P2       | 01/02/2000 | Con                | có                | Chưa kết hôn        |
      | P3       | 01/05/2022 | Cháu               | không             | Chưa kết hôn        |
    When the household is screened
    Then "P2" is eligible for "single_parent_allowance" with 500.000

  Scenario: A poor single mother with a severe disability gets both her own allowance and the single-parent allowance
    Given the date is 01/08/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Đơn thân nuôi con | Tình trạng hôn nhân | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật |
      | P1       | 01/02/1985 | Chủ hộ             | có                | Chưa kết hôn        | Nặng              | 15/01/2020                        |
      | P2       | 01/05/2015 | Con                | không             | Chưa kết hôn        | Không khuyết tật  |                                   |
    When the household is screened
    Then "P1" is eligible for "single_parent_allowance" with 500.000
    And "P1" is eligible for "monthly_social_allowance" with 750.000
    And "P1" gets "monthly_social_allowance" under rule "sa_disability_severe"

  Scenario: No allowance for a divorced mother, nor for a widowed mother whose household is on neither list
    Given the date is 01/08/2024
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Đơn thân nuôi con | Tình trạng hôn nhân |
      | A1       | 01/02/1985 | Chủ hộ             | có                | Ly hôn              |
      | A2       | 01/05/2015 | Con                | không             | Chưa kết hôn        |
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Phân loại hộ | Không |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Đơn thân nuôi con | Tình trạng hôn nhân |
      | B1       | 01/02/1985 | Chủ hộ             | có                | Góa                 |
      | B2       | 01/05/2015 | Con                | không             | Chưa kết hôn        |
    When the households are screened
    Then "A1" is not eligible for "single_parent_allowance"
    And "B1" is not eligible for "single_parent_allowance"
