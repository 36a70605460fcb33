@meritorious
Feature: Yearly education support for meritorious people and children of war invalids (Decree 75/2021, Art. 8)
  Per person per year: preschool 0.2 x the meritorious standard; general school, vocational training and university
  0.4 x, rounded to 1,000. Applies from 1 January 2022 (Decree 75/2021, Arts. 6-13).

  @E13
  Scenario: E13 - the university child of a 41 % invalid gets 0.4 x 2,789,000 = 1,116,000 a year; a preschool sibling 558,000
    Given the date is 15/10/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Cấp học          |
      | P1       | 01/01/1975 | Thương binh        | 41               | 0                           | Không đi học     |
      | P2       | 01/09/2005 | Không              | 0                | 41                          | Cao đẳng/đại học |
      | P3       | 01/09/2020 | Không              | 0                | 41                          | Mầm non          |
    When the household is screened
    Then "P2" is eligible for "merit_education_support" with 1.116.000
    And "P2" gets "merit_education_support" under rule "merit_education_school_or_higher"
    And "P3" is eligible for "merit_education_support" with 558.000
    And "P3" gets "merit_education_support" under rule "merit_education_preschool"
    And "P1" is eligible for "merit_monthly_allowance" with 3.667.000

  @threshold
  Scenario: The education support starts on 1 January 2022 (0.4 x 1,624,000 = 650,000)
    Given the date is 31/12/2021
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Cấp học |
      | P2       | 01/09/2008 | Không              | 41                          | THCS    |
    When the household is screened on 31/12/2021
    Then the decision on "merit_education_support" for "P2" is "undetermined"
    When the household is screened on 01/01/2022
    Then "P2" is eligible for "merit_education_support" with 650.000

  @threshold
  Scenario Outline: Preschool support (0.2 x 2,055,000 = 411,000 in 2023) for the child of an invalid at <rate> %
    Given the date is <date>
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Cấp học |
      | P3       | 01/09/2020 | Không              | <rate>                      | Mầm non |
    When the household is screened
    Then the decision on "merit_education_support" for "P3" is "<status>"

    Examples:
      | date       | rate | status       |
      | 15/10/2023 | 21   | eligible     |
      | 15/10/2023 | 20   | not eligible |
