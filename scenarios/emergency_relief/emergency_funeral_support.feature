@emergency_relief
Feature: Funeral support for a member dead or missing in a disaster or fire (Decree 20/2021, Art. 14)
  At least 50 x the social-assistance standard per household: 18,000,000 at 360,000; 25,000,000 at 500,000.
  The standard used is the one in force on the screening date (see the rule file).

  @E16
  Scenario: E16 - after 1 July 2024 the funeral support is 50 x 500,000 = 25,000,000
    Given the date is 01/09/2024
    And a household "H1" in commune "Pa Ủ" with:
      | Khu vực                 | Nông thôn    |
      | Phân loại hộ            | Hộ cận nghèo |
      | Ngày thiên tai          | 10/08/2024   |
      | Loại thiên tai          | Sạt lở đất   |
      | Thiệt hại nhà ở         | Không thiệt hại |
      | Số người chết/mất tích  | 1            |
      | Đã trợ giúp đột xuất    | có           |
    And a member "P1" born 01/01/1980
    When the household is screened
    Then "H1" is eligible for "emergency_funeral_support" with 25.000.000
    And "H1" gets "emergency_funeral_support" under rule "er_funeral"
    And "H1" is a "covered" for "emergency_funeral_support"

  Scenario: Before July 2024 (disaster and screening in June 2024) it was 50 x 360,000 = 18,000,000
    Given the date is 20/06/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                 | Nông thôn   |
      | Ngày thiên tai          | 01/06/2024  |
      | Loại thiên tai          | Lũ/lũ quét  |
      | Thiệt hại nhà ở         | Hư hỏng nhẹ |
      | Số người chết/mất tích  | 1           |
    And a member "P1" born 01/01/1980
    When the household is screened
    Then "H1" is eligible for "emergency_funeral_support" with 18.000.000

  @threshold
  Scenario Outline: A household that lost <deaths> member(s)
    Given the date is 01/09/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                 | Nông thôn   |
      | Ngày thiên tai          | 10/08/2024  |
      | Loại thiên tai          | Lũ/lũ quét  |
      | Thiệt hại nhà ở         | Hư hỏng nhẹ |
      | Số người chết/mất tích  | <deaths>    |
    And a member "P1" born 01/01/1980
    When the household is screened
    Then the decision on "emergency_funeral_support" for "H1" is "<status>"

    Examples:
      | deaths | status       |
      | 1      | eligible     |
      | 0      | not eligible |

  Scenario: A recorded disaster with the number of deaths missing leaves the funeral support undetermined
    Given the date is 01/09/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực        | Nông thôn  |
      | Phân loại hộ   | Hộ nghèo   |
      | Ngày thiên tai | 10/08/2024 |
      | Loại thiên tai | Lũ/lũ quét |
    And a member "P1" born 01/01/1980
    When the household is screened
    Then "H1" is undetermined for "emergency_funeral_support" because "disaster_deaths" is missing
    And "H1" is a "needs data" for "emergency_funeral_support"
