@meritorious
Feature: Housing support for households of people with meritorious services
  Decision 22/2013/QĐ-TTg: 40,000,000 to build a new house, 20,000,000 to repair. During the campaign to eliminate
  temporary and dilapidated houses (5 Oct 2024 - 31 Oct 2025): 60,000,000 and 30,000,000. What applies after the
  campaign is not in POLICIES.md, so the amount is then unknown. No house or a temporary one: new house;
  a dilapidated house: repair.

  @E12
  Scenario: E12 - the martyr's mother whose house collapsed: 40,000,000 before the campaign, 60,000,000 during it
    Given the date is 15/08/2024
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực            | Nông thôn    |
      | Phân loại hộ       | Không        |
      | Tình trạng nhà ở   | Chưa có nhà  |
      | Đã hỗ trợ nhà ở    | không        |
    And a member "P1" born 01/01/1940 with:
      | Diện người có công  | Thân nhân liệt sĩ |
      | Quan hệ với liệt sĩ | Cha/mẹ            |
      | Số liệt sĩ          | 1                 |
    When the household is screened on 15/08/2024
    Then "H1" is eligible for "merit_housing_support" with 40.000.000
    And "H1" gets "merit_housing_support" under rule "merit_housing_new_build"
    And "H1" is a "gap" for "merit_housing_support"
    When the household is screened on 01/03/2025
    Then "H1" is eligible for "merit_housing_support" with 60.000.000

  @threshold
  Scenario Outline: A dilapidated house of a war invalid's household is repaired: <amount> on <date>
    Given the date is <date>
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực          | Nông thôn    |
      | Phân loại hộ     | Không        |
      | Tình trạng nhà ở | Nhà dột nát  |
    And a member "P1" born 01/01/1955 with:
      | Diện người có công | Thương binh |
      | Tỷ lệ thương tật   | 41          |
    When the household is screened
    Then "H1" is eligible for "merit_housing_support" with <amount>
    And "H1" gets "merit_housing_support" under rule "merit_housing_repair"

    Examples: the campaign runs from 5 October 2024 to 31 October 2025
      | date       | amount     |
      | 04/10/2024 | 20.000.000 |
      | 05/10/2024 | 30.000.000 |
      | 31/10/2025 | 30.000.000 |

  @threshold
  Scenario: After the campaign (1 November 2025) the household is still entitled but the amount is not in the pack
    Given the date is 01/11/2025
    And a household "H1" in commune "Bum Tở" with:
      | Khu vực          | Nông thôn   |
      | Phân loại hộ     | Không       |
      | Tình trạng nhà ở | Nhà dột nát |
    And a member "P1" born 01/01/1955 with:
      | Diện người có công | Thương binh |
    When the household is screened
    Then "H1" is eligible for "merit_housing_support", amount not known

  Scenario: No meritorious housing support for a durable house, nor for a household without a meritorious member
    Given the date is 01/03/2025
    And a household "A" in commune "Bum Tở" with:
      | Khu vực          | Nông thôn               |
      | Phân loại hộ     | Không                   |
      | Tình trạng nhà ở | Kiên cố/bán kiên cố     |
    And a member "A1" born 01/01/1955 with:
      | Diện người có công | Thương binh |
    And a household "B" in commune "Bum Tở" with:
      | Khu vực          | Nông thôn |
      | Phân loại hộ     | Không     |
      | Tình trạng nhà ở | Nhà tạm   |
    And a member "B1" born 01/01/1955 with:
      | Diện người có công | Không |
    When the households are screened
    Then "A" is not eligible for "merit_housing_support"
    And "B" is not eligible for "merit_housing_support"
