@audit @health_insurance
Feature: A health-insurance card whose state share differs from the share due is a wrong level, with its money
  The state pays the whole premium of a poor household's member (HI Law Art. 12(3)(o) as amended by Law 51/2024,
  POLICIES.md §4.2, A) and at least 70 % of a near-poor household's member outside a poor commune (Art. 12(4)(a),
  POLICIES.md §4.3, B). The card list gives the card's state share (Tỷ lệ NSNN đóng/hỗ trợ, in percent). The premium
  is 4.5 % of the base salary: 4.5 % x 2,340,000 = 105,300 a month from 1 Jul 2024 (POLICIES.md §4.3). A wrong
  share costs the premium times the difference: 0.3 x 105,300 = 31,590 a month.

  Background:
    Given the date is 15/11/2025

  Scenario: a fully state-paid card held by a near-poor household's member, who is due 70 %: the state pays 31,590 too much
    Given a household "H1" in commune "Mường Kim" with:
      | Huyện                              | Than Uyên    |
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | 1.800.000    |
      | Vùng khó khăn                      | không        |
      | ĐBKK                               | không        |
      | Vùng DTTS&MN                       | không        |
      | Hộ nông nghiệp                     | không        |
      | Phân loại hộ                       | Hộ cận nghèo |
      | Xã nghèo                           | không        |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1975 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
    And the programme list:
      | Programme code   | Person ID | Tỷ lệ NSNN đóng/hỗ trợ |
      | hi_state_support | P1        | 100                    |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 70%
    And "P1" is "wrong_level" on "hi_state_support", money 31,590

  Scenario: a 70 % card held by a poor household's member, who is due a fully paid one: 31,590 short
    Given a household "H1" in commune "Mường Kim" with:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Hộ nghèo  |
      | Xã nghèo                           | không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1975 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
    And the programme list:
      | Programme code   | Person ID | Ty le NSNN dong/ho tro |
      | hi_state_support | P1        | 70                     |
    When the household is screened
    Then "P1" is eligible for "hi_state_support" with 100%
    And "P1" is "wrong_level" on "hi_state_support", money -31,590

  Scenario: the card's share is the share due: covered, nothing to say
    Given a household "H1" in commune "Mường Kim" with:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Hộ nghèo  |
      | Xã nghèo                           | không     |
    And the members:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1975 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
    And the programme list:
      | Programme code   | Person ID | Tỷ lệ NSNN đóng/hỗ trợ |
      | hi_state_support | P1        | 100                    |
    When the household is screened
    Then "P1" is a "covered" for "hi_state_support"
