@health_insurance @meritorious
Feature: A merit record reaches the health-insurance grounds of the person and of their spouse and children
  Decree 146/2018 Art. 3(3) and 3(12)(a) (1 Dec 2018 - 30 Jun 2025), then HI Law Art. 12(3)(e) and (k) as amended
  by Law 51/2024: a meritorious person, and the parents, spouse and children of a war invalid, sick soldier or
  Agent-Orange victim at 61 % or more, have a card fully paid by the state (POLICIES.md §4.2, A; Ordinance 02/2020
  Art. 25(1)(a)). The members row holds one category; the merit records (any number per person) count too: the
  highest rate over a person's invalid records, and any meritorious record. The relatives are placed through the
  relations to the head: the head's spouse, and the head's child (6 to under 18). A martyr's-relative record gives the
  martyr's-relative ground (Decree 146/2018 Art. 3(11); Law 51/2024 point i; A) to a person whose row shows another
  category or none.

  Background:
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
      | P1       | 22/03/1965 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Thân nhân liệt sĩ  |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P2       | 09/09/1968 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
      | P3       | 10/04/2010 | Con trai           | Kinh    | Không đi học | Không khuyết tật  | Không              |                  |                             | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |

  Scenario: the head's row shows a martyr's relative, his record a war invalid at 81 %: his wife and his son are state-paid
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count | injury_rate |
      | P1        | martyr_relative | parent          | 1            |             |
      | P1        | war_invalid     |                 |              | 81          |
    When the household is screened
    Then "P2" is eligible for "hi_state_support" with 100%
    And "P2" gets "hi_state_support" under rule "hi24_invalid_spouse_parent"
    And "P2" is a "gap" for "hi_state_support"
    And "P3" is eligible for "hi_state_support" with 100%
    And "P3" gets "hi_state_support" under rule "hi24_invalid_relative"
    And "P1" gets "hi_state_support" under rule "hi24_meritorious"

  Scenario: the same household without the merit records: the row alone gives the wife no relative's ground
    When the household is screened
    Then "P2" is not eligible for "hi_state_support"
    And "P1" gets "hi_state_support" under rule "hi24_martyr_relative"

  Scenario: a war-invalid record at 41 % gives the head the meritorious ground but his wife none (61 % needed)
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count | injury_rate |
      | P1        | martyr_relative | parent          | 1            |             |
      | P1        | war_invalid     |                 |              | 41          |
    When the household is screened
    Then "P2" is not eligible for "hi_state_support"
    And "P1" gets "hi_state_support" under rule "hi24_meritorious"

  Scenario: a sick-soldier record without its injury rate leaves the wife's ground undetermined, never refused
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count | injury_rate |
      | P1        | martyr_relative | parent          | 1            |             |
      | P1        | sick_soldier    |                 |              |             |
    When the household is screened
    Then the decision on "hi_state_support" for "P2" is "undetermined"
    And "P2" is undetermined for "hi_state_support" because "member.merit_records_invalid_rate" is missing
    And "P2" is a "needs data" for "hi_state_support"

  Scenario: the invalid is the head's wife, whose row shows no category: her sick-soldier record (71 %) makes her meritorious and gives her son the ground under Decree 146/2018
    Given the merit records:
      | person_id | merit_category | injury_rate |
      | P2        | sick_soldier   | 71          |
    When the household is screened on 15/10/2024
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P3" gets "hi_state_support" under rule "hi146_invalid_relative"
    And "P2" gets "hi_state_support" under rule "hi146_meritorious"

  Scenario: the wife's row shows no category, her record says a martyr's daughter: she is state-paid as a martyr's relative (point i)
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count |
      | P2        | martyr_relative | child           | 1            |
    When the household is screened
    Then "P2" is eligible for "hi_state_support" with 100%
    And "P2" gets "hi_state_support" under rule "hi24_martyr_relative"
    And "P2" is a "gap" for "hi_state_support"

  Scenario: the same record under Decree 146/2018 (Art. 3(11))
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count |
      | P2        | martyr_relative | child           | 1            |
    When the household is screened on 15/10/2024
    Then "P2" is eligible for "hi_state_support" with 100%
    And "P2" gets "hi_state_support" under rule "hi146_martyr_relative"

  Scenario: the records read hold none of hers: the wife has no martyr's-relative ground
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count |
      | P1        | martyr_relative | parent          | 1            |
    When the household is screened
    Then "P2" is not eligible for "hi_state_support"
    And "P1" gets "hi_state_support" under rule "hi24_martyr_relative"
