@emergency_relief
Feature: Rice after a disaster or fire (Decree 20/2021, Art. 12(1))
  15 kg of rice per person per month, for up to 3 months per round. The register has no "facing hunger" column, so a
  household whose house was damaged or that lost a member stands for it (to be confirmed by the village list).
  The amount is the kilograms a month for the whole household.

  @E16 @threshold
  Scenario Outline: Disaster on 10 Aug 2024, household of 3: rice on <date>
    Given the date is <date>
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực                 | Nông thôn                 |
      | Ngày thiên tai          | 10/08/2024                |
      | Loại thiên tai          | Lũ/lũ quét                |
      | Thiệt hại nhà ở         | Hư hỏng nặng không ở được |
      | Số người chết/mất tích  | 0                         |
    And the members:
      | Mã người | Ngày sinh  |
      | P1       | 01/01/1980 |
      | P2       | 01/01/1982 |
      | P3       | 01/01/2010 |
    When the household is screened
    Then the decision on "emergency_rice_support" for "H1" is "<status>"

    Examples: within the first three months, then not
      | date       | status       |
      | 09/11/2024 | eligible     |
      | 10/11/2024 | not eligible |

  Scenario: 15 kg per person per month; no damage and no loss of life gives no rice
    Given the date is 01/09/2024
    And a household "A" in commune "Bum Tở" with:
      | Khu vực                 | Nông thôn                 |
      | Ngày thiên tai          | 10/08/2024                |
      | Loại thiên tai          | Lũ/lũ quét                |
      | Thiệt hại nhà ở         | Không thiệt hại           |
      | Số người chết/mất tích  | 1                         |
    And the members:
      | Mã người | Ngày sinh  |
      | A1       | 01/01/1980 |
      | A2       | 01/01/1982 |
      | A3       | 01/01/2010 |
      | A4       | 01/01/2012 |
    And a household "B" in commune "Bum Tở" like "A" but with:
      | Số người chết/mất tích | 0 |
    And a member "B1" born 01/01/1980
    When the households are screened
    Then "A" is eligible for "emergency_rice_support" with 60
    And "A" gets "emergency_rice_support" under rule "er_rice_disaster"
    And "B" is not eligible for "emergency_rice_support"
