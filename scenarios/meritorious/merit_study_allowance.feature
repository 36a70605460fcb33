@meritorious
Feature: Monthly meritorious allowance while studying (Decree 75/2021, Appendix I item 11)
  For learners at vocational schools, colleges and universities (an ethnic boarding school cannot be told apart in
  the register). Item 11.1 (martyrs' relatives, children of invalids at 61 % or more, ...): 1.0 x the meritorious
  standard. Item 11.2 (children of invalids at 21-60 %): 1,031,000 from Jul 2023, 1,399,000 from Jul 2024.

  @E13 @threshold
  Scenario Outline: E13 - a university student whose father is a war invalid at <rate> %
    Given the date is 15/10/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Cấp học          | Trợ cấp người có công |
      | P2       | 01/09/2005 | Không              | <rate>                      | Cao đẳng/đại học | không                 |
    When the household is screened
    Then the decision on "merit_study_allowance" for "P2" is "<status>"

    Examples: 21 % opens item 11.2
      | rate | status       |
      | 20   | not eligible |
      | 21   | eligible     |

  @E13 @threshold
  Scenario Outline: E13 - 60 % vs 61 %: item 11.2 (<amount>) or item 11.1
    Given the date is 15/10/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Cấp học          | Trợ cấp người có công |
      | P2       | 01/09/2005 | Không              | <rate>                      | Cao đẳng/đại học | không                 |
    When the household is screened
    Then "P2" is eligible for "merit_study_allowance" with <amount>
    And "P2" gets "merit_study_allowance" under rule "<rule>"
    And "P2" is a "gap" for "merit_study_allowance"

    Examples:
      | rate | amount    | rule             |
      | 41   | 1.399.000 | merit_study_11_2 |
      | 60   | 1.399.000 | merit_study_11_2 |
      | 61   | 2.789.000 | merit_study_11_1 |

  @threshold
  Scenario: The study allowance follows the Decree 77/2024 amounts from 1 July 2024
    Given the date is 30/06/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật của cha/mẹ | Cấp học               |
      | P2       | 01/09/2005 | Không              | 41                          | Giáo dục nghề nghiệp  |
    When the household is screened on 30/06/2024
    Then "P2" is eligible for "merit_study_allowance" with 1.031.000
    When the household is screened on 01/07/2024
    Then "P2" is eligible for "merit_study_allowance" with 1.399.000

  Scenario: A martyr's child at university gets item 11.1; an invalid's child in upper-secondary school gets no monthly study allowance
    Given the date is 15/10/2024
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And the members:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Tỷ lệ thương tật của cha/mẹ | Cấp học          |
      | P1       | 01/03/2005 | Thân nhân liệt sĩ  | Con                 | 1          | 0                           | Cao đẳng/đại học |
      | P2       | 01/09/2008 | Không              |                     |            | 41                          | THPT             |
    When the household is screened
    Then "P1" is eligible for "merit_study_allowance" with 2.789.000
    And "P1" gets "merit_study_allowance" under rule "merit_study_11_1"
    And "P2" is not eligible for "merit_study_allowance"
