@emergency_relief
Feature: Support for a person severely injured in a disaster or fire (Decree 20/2021, Art. 13)
  At least 10 x the standard. "Severely injured" means emergency treatment of 3 days or more (Art. 2(2)).

  @E16 @threshold
  Scenario: 2 days of treatment is not a severe injury, 3 days is (5,000,000 after July 2024)
    Given the date is 01/09/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                 | Nông thôn   |
      | Ngày thiên tai          | 10/08/2024  |
      | Loại thiên tai          | Lũ/lũ quét  |
      | Thiệt hại nhà ở         | Hư hỏng nhẹ |
      | Số người chết/mất tích  | 0           |
      | Đã trợ giúp đột xuất    | không       |
    And the members:
      | Mã người | Ngày sinh  | Số ngày điều trị |
      | P1       | 01/01/1980 | 2                |
      | P2       | 01/01/1981 | 3                |
    When the household is screened
    Then "P1" is not eligible for "emergency_injury_support"
    And "P2" is eligible for "emergency_injury_support" with 5.000.000
    And "P2" gets "emergency_injury_support" under rule "er_injury"
    And "P2" is a "gap" for "emergency_injury_support"

  Scenario: Before July 2024 (disaster and screening in June 2024) the injury support was 10 x 360,000 = 3,600,000
    Given the date is 20/06/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                 | Nông thôn   |
      | Ngày thiên tai          | 01/06/2024  |
      | Loại thiên tai          | Lũ/lũ quét  |
      | Thiệt hại nhà ở         | Hư hỏng nhẹ |
      | Số người chết/mất tích  | 0           |
    And a member "P1" born 01/01/1980 with:
      | Số ngày điều trị | 5 |
    When the household is screened
    Then "P1" is eligible for "emergency_injury_support" with 3.600.000
