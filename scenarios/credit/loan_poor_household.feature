@credit
Feature: VBSP loans to poor and near-poor households
  Poor households (Decree 78/2002): 6.6 % a year, 6.24 % from 1 Dec 2025. Near-poor households (Decision 15/2013):
  7.92 %, 7.488 % from 1 Dec 2025 (Decision 2553/QĐ-TTg, also for outstanding balances). Ceiling 100,000,000 per
  household (VBSP board, 2022; C), unknown before 2022. The commune's certified list decides.

  @E1 @E2
  Scenario: E1 / E2 - in 2023 a poor household borrows at 6.6 %, a near-poor household at 7.92 %
    Given the date is 01/06/2023
    And a household "A" in commune "Nậm Tăm" with:
      | Huyện            | Sìn Hồ    |
      | Khu vực          | Nông thôn |
      | Phân loại hộ     | Hộ nghèo  |
      | Vay hộ nghèo     | không     |
    And a member "A1" born 01/05/1980
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Phân loại hộ     | Hộ cận nghèo |
      | Vay hộ cận nghèo | có           |
    And a member "B1" born 01/05/1980
    When the households are screened
    Then "A" is eligible for "loan_poor_household" with 100.000.000
    And the yearly rate of "loan_poor_household" for "A" is 6,6%
    And "A" is a "gap" for "loan_poor_household"
    And "A" is not eligible for "loan_near_poor_household"
    And the yearly rate of "loan_near_poor_household" for "B" is 7,92%
    And "B" is a "covered" for "loan_near_poor_household"
    And "B" is not eligible for "loan_poor_household"

  @threshold
  Scenario: The rate cut of 1 December 2025
    Given the date is 30/11/2025
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And a member "A1" born 01/05/1980
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Phân loại hộ | Hộ cận nghèo |
    And a member "B1" born 01/05/1980
    When the households are screened on 30/11/2025
    Then the yearly rate of "loan_poor_household" for "A" is 6,6%
    And "A" gets "loan_poor_household" under rule "loan_poor_until_2025_11"
    And the yearly rate of "loan_near_poor_household" for "B" is 7,92%
    When the households are screened on 01/12/2025
    Then the yearly rate of "loan_poor_household" for "A" is 6,24%
    And "A" gets "loan_poor_household" under rule "loan_poor_from_2025_12"
    And the yearly rate of "loan_near_poor_household" for "B" is 7,488%

  @threshold
  Scenario: The 100,000,000 ceiling is known only from 2022
    Given the date is 01/06/2021
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    And a member "P1" born 01/05/1980
    When the household is screened on 31/12/2021
    Then "H1" is eligible for "loan_poor_household", amount not known
    When the household is screened on 01/01/2022
    Then "H1" is eligible for "loan_poor_household" with 100.000.000
