@health_insurance
Feature: The spouse and parents of a war invalid at 61 % or more have a state-paid HI card
  Decree 146/2018 Art. 3(12)(a) (1 Dec 2018 - 30 Jun 2025), then HI Law Art. 12(3)(k) as amended by Law 51/2024:
  the parents, spouse and children of a war invalid, sick soldier or Agent-Orange victim with a rate of 61 % or more
  (Ordinance 02/2020 Art. 25(1)(a); POLICIES.md §4.2, E13: 60 % vs 61 % switches the ground). The register gives
  each member's relation to the head, so the relatives are placed through it, in the same household: the head's
  spouse and parents when the head is the invalid; the head and the head's spouse when the invalid is the head's
  child. The head's parents-in-law and a child-in-law are not placed (never guessed).

  @E13 @threshold
  Scenario Outline: the head is a war invalid at <rate> %: his wife and his mother <outcome>
    Given the date is 15/11/2025
    And a household "H1" in commune "Mường Kim" with:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
      | Xã nghèo                           | không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1965 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Thương binh        | <rate>           | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P2       | 09/09/1968 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
      | P3       | 01/04/1952 | Mẹ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
    When the household is screened
    Then the decision on "hi_state_support" for "P2" is "<status>"
    And the decision on "hi_state_support" for "P3" is "<status>"

    Examples:
      | rate | outcome                   | status       |
      | 60   | have no relative's ground | not eligible |
      | 61   | are fully state-paid      | eligible     |

  Scenario: the invalid is the head's son: the head and the head's wife are his parents; under Decree 146/2018 too
    Given the date is 15/11/2025
    And a household "H1" in commune "Mường Kim" with:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
      | Xã nghèo                           | không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 10/01/1955 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
      | P2       | 20/02/1957 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P3       | 05/05/1980 | Con trai           | Kinh    | Không đi học | Không khuyết tật  | Thương binh        | 61               | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P4       | 07/07/1983 | Con dâu            | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi24_invalid_spouse_parent"
    And "P1" is a "gap" for "hi_state_support"
    And "P2" gets "hi_state_support" under rule "hi24_invalid_spouse_parent"
    And "P2" is a "covered" for "hi_state_support"
    And "P3" gets "hi_state_support" under rule "hi24_meritorious"
    And "P4" is not eligible for "hi_state_support"
    When the household is screened on 15/10/2024
    Then "P1" gets "hi_state_support" under rule "hi146_invalid_spouse_parent"
    And "P2" gets "hi_state_support" under rule "hi146_invalid_spouse_parent"

  Scenario: a war invalid head with no injury rate recorded: his wife's card cannot be decided
    Given the date is 15/11/2025
    And a household "H1" in commune "Mường Kim" with:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
      | Xã nghèo                           | không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1965 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Thương binh        |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P2       | 09/09/1968 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
    When the household is screened
    Then "P2" is undetermined for "hi_state_support" because "member.injury_rate" is missing
    And "P2" is a "needs data" for "hi_state_support"
