@health_insurance
Feature: Health-insurance cards paid or supported by the state
  Decree 146/2018 (1 Dec 2018 - 30 Jun 2025), then the HI Law as amended by Law 51/2024 (Art. 12(3) fully
  state-paid, Art. 12(4) partial support) and Decree 188/2025 from 1 Jul 2025. One card on the most favourable
  ground. The amount is the share of the premium the state pays: 100% = fully state-paid.
  Enrolment: the member holds a card the state pays or supports ("Có thẻ BHYT" and "BHYT ngân sách đóng").

  @E1
  Scenario: E1 - a member of a listed poor household has a fully state-paid card, before and after the 2025 law
    Given the date is 15/06/2023
    And a household "H1" in commune "Nậm Tăm" with:
      | Huyện                              | Sìn Hồ    |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.500.000 |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "P1" born 10/02/1980 with:
      | Có thẻ BHYT          | có |
      | BHYT ngân sách đóng  | có |
    When the household is screened on 15/06/2023
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi146_poor_household"
    And "P1" is a "covered" for "hi_state_support"
    When the household is screened on 01/08/2025
    Then "P1" gets "hi_state_support" under rule "hi24_poor_household"

  @E3
  Scenario: E3 - one dong above the line: farming household 30 %, non-farming nothing, ethnic minority in region III 100 %
    Given the date is 15/07/2024
    And a household "A" in commune "Nậm Tăm" with:
      | Huyện                              | Sìn Hồ    |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.500.001 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | có        |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học       | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Có thẻ BHYT | BHYT ngân sách đóng |
      | A1       | 01/05/1984 | Kinh    | Không đi học  | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 | có          | có                  |
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Hộ nông nghiệp | không |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học       | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Có thẻ BHYT | BHYT ngân sách đóng |
      | B1       | 01/05/1984 | Kinh    | Không đi học  | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 | có          | không               |
    And a household "C" in commune "Nậm Tăm" like "A" but with:
      | ĐBKK | có |
    And a member "C1" born 01/05/1984 with:
      | Dân tộc | Mông |
    When the households are screened
    Then "A1" is eligible for "hi_state_support" with 30%
    And "A1" gets "hi_state_support" under rule "hi146_farming_average"
    And "B1" is not eligible for "hi_state_support"
    And "C1" is eligible for "hi_state_support" with 100%
    And "C1" gets "hi_state_support" under rule "hi146_ethnic_minority_difficult_area"

  @E18 @threshold
  Scenario Outline: E18 - upper edge of the average living standard: <area> farming household at <income>
    Given the date is 01/08/2024
    And a household "H1" in commune "<commune>" with:
      | Khu vực                            | <area>    |
      | Thu nhập bình quân đầu người/tháng | <income>  |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | có        |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học       | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 01/05/1984 | Kinh    | Không đi học  | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 | có          | có                  |
    When the household is screened
    Then the decision on "hi_state_support" for "P1" is "<status>"
    And "P1" is a "<coverage>" for "hi_state_support"

    Examples: rural band (1,500,000; 2,250,000]
      | commune | area      | income    | status       | coverage |
      | Nậm Tăm | Nông thôn | 2.250.000 | eligible     | covered  |
      | Nậm Tăm | Nông thôn | 2.250.001 | not eligible | leakage  |

    Examples: urban band (2,000,000; 3,000,000]
      | commune   | area      | income    | status       | coverage |
      | Tân Phong | Thành thị | 2.250.000 | eligible     | covered  |
      | Tân Phong | Thành thị | 3.000.000 | eligible     | covered  |
      | Tân Phong | Thành thị | 3.000.001 | not eligible | leakage  |

  @E13 @threshold
  Scenario: E13 - the university child of a 41 % invalid is supported as a student; 60 % vs 61 % switches the ground
    Given the date is 15/10/2024
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.800.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học          | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công |
      | A2       | 01/09/2005 | Kinh    | Cao đẳng/đại học | Không khuyết tật  | Không              | 41                          | không                   | không           | không                     | không    | có                   | không                | không             | không                 |
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Phân loại hộ | Không |
    And a member "B2" born 01/09/2005 with:
      | Dân tộc                     | Kinh             |
      | Cấp học                     | Cao đẳng/đại học |
      | Tỷ lệ thương tật của cha/mẹ | 60               |
      | Diện người có công          | Không            |
    And a household "C" in commune "Nậm Tăm" like "A" but with:
      | Phân loại hộ | Không |
    And a member "C2" born 01/09/2005 with:
      | Dân tộc                     | Kinh             |
      | Cấp học                     | Cao đẳng/đại học |
      | Tỷ lệ thương tật của cha/mẹ | 61               |
    When the households are screened on 15/10/2024
    Then "A2" is eligible for "hi_state_support" with 30%
    And "A2" gets "hi_state_support" under rule "hi146_student"
    And "B2" gets "hi_state_support" under rule "hi146_student"
    And "C2" is eligible for "hi_state_support" with 100%
    And "C2" gets "hi_state_support" under rule "hi146_invalid_relative"
    When the households are screened on 15/10/2025
    Then "A2" is eligible for "hi_state_support" with 50%
    And "A2" gets "hi_state_support" under rule "hi24_student"
    And "C2" gets "hi_state_support" under rule "hi24_invalid_relative"

  @threshold
  Scenario: Student support rises from 30 % to 50 % on 1 July 2025
    Given the date is 30/06/2025
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công |
      | P1       | 01/05/2009 | Kinh    | THPT    | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 |
    When the household is screened on 30/06/2025
    Then "P1" is eligible for "hi_state_support" with 30%
    When the household is screened on 01/07/2025
    Then "P1" is eligible for "hi_state_support" with 50%

  @threshold
  Scenario: A child is state-paid until the 6th birthday; on it, in primary school, only the student share remains
    Given the date is 01/09/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công |
      | P1       | 02/09/2018 | Kinh    | Mầm non  | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 |
      | P2       | 01/09/2018 | Kinh    | Tiểu học | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi146_child_under_6"
    And "P2" is eligible for "hi_state_support" with 30%
    And "P2" gets "hi_state_support" under rule "hi146_student"

  @threshold
  Scenario: A monthly survivor allowance opens a state-paid card at 80 before July 2025 (a 79-year-old gets none)
    Given the date is 01/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Quan hệ với chủ hộ | Tình trạng hôn nhân |
      | P1       | 01/08/1944 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | có                      | không           | không                     | không    | có                   | không                | không             | không                 | Chủ hộ             | Góa                 |
      | P2       | 02/08/1944 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | có                      | không           | không                     | không    | có                   | không                | không             | không                 | Khác               | Góa                 |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi146_survivor_80"
    And "P2" is not eligible for "hi_state_support"

  @threshold
  Scenario: From July 2025 the survivor ground starts at 75, and at 70 for near-poor households
    Given the date is 01/08/2025
    And a household "A" in ward "Tân Phong" with:
      | Khu vực                            | Thành thị |
      | Thu nhập bình quân đầu người/tháng | 3.500.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Xã nghèo                           | không     |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Quan hệ với chủ hộ | Tình trạng hôn nhân |
      | A1       | 01/08/1950 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | có                      | không           | không                     | không    | có                   | không                | không             | không                 | Chủ hộ             | Góa                 |
      | A2       | 02/08/1950 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | có                      | không           | không                     | không    | có                   | không                | không             | không                 | Khác               | Góa                 |
    And a household "B" in ward "Tân Phong" like "A" but with:
      | Thu nhập bình quân đầu người/tháng | 1.900.000    |
      | Phân loại hộ                       | Hộ cận nghèo |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Quan hệ với chủ hộ | Tình trạng hôn nhân |
      | B1       | 01/08/1955 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | có                      | không           | không                     | không    | có                   | không                | không             | không                 | Chủ hộ             | Góa                 |
      | B2       | 02/08/1955 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | có                      | không           | không                     | không    | có                   | không                | không             | không                 | Khác               | Góa                 |
    When the households are screened
    Then "A1" gets "hi_state_support" under rule "hi24_survivor_75"
    And "A2" is not eligible for "hi_state_support"
    And "B1" is eligible for "hi_state_support" with 100%
    And "B1" gets "hi_state_support" under rule "hi24_survivor_70_near_poor"
    And "B2" is eligible for "hi_state_support" with 70%
    And "B2" gets "hi_state_support" under rule "hi24_near_poor"

  @threshold
  Scenario Outline: 2019 - a listed poor household at <income> (rural line 700,000), HI deprivation <hi>, gets <share>
    Given the date is 01/06/2019
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | <income>  |
      | Phân loại hộ                       | Hộ nghèo  |
      | Thiếu hụt BHYT                     | <hi>      |
    And a member "P1" born 01/05/1984
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with <share>
    And "P1" gets "hi_state_support" under rule "<rule>"

    Examples: income-poor, or multidimensionally poor WITH an HI deprivation: fully state-paid (2018 wording of Art. 3(9)(a))
      | income  | hi    | share | rule                             |
      | 700.000 | không | 100%  | hi146_poor_household_income_poor |
      | 700.001 | không | 70%   | hi146_multidimensional_poor      |
      | 700.001 | có    | 100%  | hi146_poor_household_income_poor |

  @threshold
  Scenario: A poor household is fully state-paid under Decree 105/2014 (to 30 Nov 2018) and Decree 146/2018 (from 1 Dec 2018)
    Given the date is 30/11/2018
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 600.000   |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "P1" born 01/05/1984
    When the household is screened on 30/11/2018
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi105_poor_household"
    When the household is screened on 01/12/2018
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi146_poor_household_income_poor"

  @threshold
  Scenario Outline: An ethnic-minority commune that left difficult status: 70 % for 36 months from the month it left
    Given the date is <date>
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn  |
      | Thu nhập bình quân đầu người/tháng | 3.000.000  |
      | Vùng khó khăn                      | không      |
      | ĐBKK                               | không      |
      | Vùng DTTS&MN                       | không      |
      | Hộ nông nghiệp                     | không      |
      | Xã nghèo                           | không      |
      | Phân loại hộ                       | Không      |
      | Ngày ra khỏi diện ĐBKK             | 02/08/2022 |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Quan hệ với chủ hộ | Tình trạng hôn nhân |
      | P1       | 01/05/1984 | Mông    | Không đi học | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 | Chủ hộ             | Đã kết hôn          |
    When the household is screened
    Then the decision on "hi_state_support" for "P1" is "<status>"

    Examples: August 2022 is month 1, July 2025 month 36
      | date       | status       |
      | 31/07/2025 | eligible     |
      | 01/08/2025 | not eligible |

  @threshold
  Scenario: An ethnic-minority person in a difficult area is state-paid; a Kinh neighbour is not
    Given the date is 15/07/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | có        |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
    And the members:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Trợ cấp người có công | Quan hệ với chủ hộ | Tình trạng hôn nhân |
      | P1       | 01/05/1984 | Thái    | Không đi học | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 | Chủ hộ             | Đã kết hôn          |
      | P2       | 01/05/1986 | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | không                 | Vợ/chồng           | Đã kết hôn          |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi146_ethnic_minority_difficult_area"
    And "P2" is not eligible for "hi_state_support"

  @E10
  Scenario: E10 - the fostered orphan born 1 Sep 2022 is state-paid as a child under 6, and from age 6 as a social-assistance beneficiary
    Given the date is 01/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Được nhận nuôi dưỡng | Cấp học      |
      | P1       | 01/04/1980 | Chủ hộ             | Không khuyết tật  | không                     | không    | không                | Không đi học |
      | P2       | 01/09/2022 | Khác               | Không khuyết tật  | có                        | không    | có                   | Không đi học |
    When the household is screened on 01/08/2024
    Then "P2" is eligible for "hi_state_support" with 100%
    And "P2" gets "hi_state_support" under rule "hi146_child_under_6"
    When the household is screened on 15/09/2028
    Then "P2" is eligible for "hi_state_support" with 100%
    And "P2" gets "hi_state_support" under rule "hi24_social_assistance"

  @E12
  Scenario: E12 - a martyr's mother has a state-paid card on that ground
    Given the date is 15/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And a member "P1" born 01/01/1940 with:
      | Diện người có công  | Thân nhân liệt sĩ |
      | Quan hệ với liệt sĩ | Cha/mẹ            |
      | Số liệt sĩ          | 1                 |
      | Hưởng lương hưu     | không             |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi146_martyr_relative"

  Scenario: A war invalid is fully state-paid as a person with meritorious services, also after July 2025
    Given the date is 01/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And a member "P1" born 01/01/1955 with:
      | Diện người có công         | Thương binh |
      | Tỷ lệ tổn thương cơ thể (%) | 41          |
    When the household is screened on 01/08/2024
    Then "P1" gets "hi_state_support" under rule "hi146_meritorious"
    When the household is screened on 01/08/2025
    Then "P1" gets "hi_state_support" under rule "hi24_meritorious"

  Scenario: An entitled member who pays for their own card is a gap
    Given the date is 01/08/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And a member "P1" born 01/05/1984 with:
      | Có thẻ BHYT         | có    |
      | BHYT ngân sách đóng | không |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" is a "gap" for "hi_state_support"
