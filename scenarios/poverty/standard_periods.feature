@poverty
Feature: Which poverty standard applies on the screening date (2016-2021, 2022-2026, from 2027)
  Decision 59/2015/QĐ-TTg (5 Jan 2016 - 31 Dec 2021): a household at or below the lower income line is poor
  whatever its deprivations (OR rule); between the poor and near-poor lines it is poor with 3 or more of the
  10 deprivations, near-poor otherwise. Lines: rural 700,000 / 1,000,000, urban 900,000 / 1,300,000.
  Decree 07/2021 (1 Jan 2022 - 31 Dec 2026): income at or below the line AND 3 or more of 12 deprivations.
  Decree 351/2025 (from 1 Jan 2027): the same AND rule with lines of 2,200,000 rural and 2,800,000 urban.

  @E4
  Scenario: E4 - the pre-2022 OR rule in 2019: three rural households
    Given the date is 01/06/2019
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 900.000   |
      | Thiếu hụt tiếp cận y tế            | có        |
      | Thiếu hụt BHYT                     | không     |
      | Thiếu hụt giáo dục người lớn       | không     |
      | Thiếu hụt đi học của trẻ em        | không     |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt diện tích nhà ở          | không     |
      | Thiếu hụt nước sinh hoạt           | không     |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Thiếu hụt viễn thông               | không     |
      | Thiếu hụt tiếp cận thông tin       | không     |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "A1" born 10/02/1980
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Thiếu hụt chất lượng nhà ở | không        |
      | Phân loại hộ               | Hộ cận nghèo |
    And a member "B1" born 10/02/1980
    And a household "C" in commune "Nậm Tăm" like "A" but with:
      | Thu nhập bình quân đầu người/tháng | 690.000  |
      | Thiếu hụt tiếp cận y tế            | không    |
      | Thiếu hụt chất lượng nhà ở         | không    |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không    |
    And a member "C1" born 10/02/1980
    When the households are screened
    Then "A" gets "poverty_list" under rule "pl_poor_2016"
    And "B" gets "poverty_list" under rule "pl_near_poor_2016"
    And "C" gets "poverty_list" under rule "pl_poor_2016"
    And "A" is a "covered" for "poverty_list"

  @E4
  Scenario: E4 - the same three incomes under Decree 07/2021 (2022): poor, near-poor and only near-poor
    Given the date is 01/06/2022
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 900.000   |
      | Thiếu hụt việc làm                 | không     |
      | Thiếu hụt người phụ thuộc          | không     |
      | Thiếu hụt dinh dưỡng               | có        |
      | Thiếu hụt BHYT                     | không     |
      | Thiếu hụt giáo dục người lớn       | không     |
      | Thiếu hụt đi học của trẻ em        | không     |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt diện tích nhà ở          | không     |
      | Thiếu hụt nước sinh hoạt           | không     |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Thiếu hụt viễn thông               | không     |
      | Thiếu hụt tiếp cận thông tin       | không     |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "A1" born 10/02/1980
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Thiếu hụt chất lượng nhà ở | không        |
      | Phân loại hộ               | Hộ cận nghèo |
    And a member "B1" born 10/02/1980
    And a household "C" in commune "Nậm Tăm" like "A" but with:
      | Thu nhập bình quân đầu người/tháng | 690.000  |
      | Thiếu hụt dinh dưỡng               | không    |
      | Thiếu hụt chất lượng nhà ở         | không    |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không    |
    And a member "C1" born 10/02/1980
    When the households are screened
    Then "A" gets "poverty_list" under rule "pl_poor_2022"
    And "B" gets "poverty_list" under rule "pl_near_poor_2022"
    And "C" gets "poverty_list" under rule "pl_near_poor_2022"

  @threshold
  Scenario Outline: 2019 rural near-poor line 1,000,000: <income> with no deprivation
    Given the date is 01/06/2019
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | <income>     |
      | Thiếu hụt tiếp cận y tế            | không        |
      | Thiếu hụt BHYT                     | không        |
      | Thiếu hụt giáo dục người lớn       | không        |
      | Thiếu hụt đi học của trẻ em        | không        |
      | Thiếu hụt chất lượng nhà ở         | không        |
      | Thiếu hụt diện tích nhà ở          | không        |
      | Thiếu hụt nước sinh hoạt           | không        |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không        |
      | Thiếu hụt viễn thông               | không        |
      | Thiếu hụt tiếp cận thông tin       | không        |
      | Phân loại hộ                       | Hộ cận nghèo |
    And a member "P1" born 10/02/1980
    When the household is screened
    Then the decision on "poverty_list" for "H1" is "<status>"
    And "H1" is a "<coverage>" for "poverty_list"

    Examples:
      | income    | status       | coverage |
      | 1.000.000 | eligible     | covered  |
      | 1.000.001 | not eligible | leakage  |

  @threshold
  Scenario: 2019 rural poor line: 700,000 alone is poor, 700,001 without deprivations is near-poor
    Given the date is 01/06/2019
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 700.000   |
      | Thiếu hụt tiếp cận y tế            | không     |
      | Thiếu hụt BHYT                     | không     |
      | Thiếu hụt giáo dục người lớn       | không     |
      | Thiếu hụt đi học của trẻ em        | không     |
      | Thiếu hụt chất lượng nhà ở         | không     |
      | Thiếu hụt diện tích nhà ở          | không     |
      | Thiếu hụt nước sinh hoạt           | không     |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không     |
      | Thiếu hụt viễn thông               | không     |
      | Thiếu hụt tiếp cận thông tin       | không     |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "A1" born 10/02/1980
    And a household "B" in commune "Nậm Tăm" like "A" but with:
      | Thu nhập bình quân đầu người/tháng | 700.001 |
    And a member "B1" born 10/02/1980
    When the households are screened
    Then "A" gets "poverty_list" under rule "pl_poor_2016"
    And "B" gets "poverty_list" under rule "pl_near_poor_2016"

  @threshold
  Scenario: 2019 urban poor line: 900,000 alone is poor, 900,001 without deprivations is near-poor
    Given the date is 01/06/2019
    And a household "A" in ward "Tân Phong" with:
      | Huyện                              | Thành phố Lai Châu |
      | Khu vực                            | Thành thị          |
      | Thu nhập bình quân đầu người/tháng | 900.000            |
      | Thiếu hụt tiếp cận y tế            | không              |
      | Thiếu hụt BHYT                     | không              |
      | Thiếu hụt giáo dục người lớn       | không              |
      | Thiếu hụt đi học của trẻ em        | không              |
      | Thiếu hụt chất lượng nhà ở         | không              |
      | Thiếu hụt diện tích nhà ở          | không              |
      | Thiếu hụt nước sinh hoạt           | không              |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không              |
      | Thiếu hụt viễn thông               | không              |
      | Thiếu hụt tiếp cận thông tin       | không              |
      | Phân loại hộ                       | Hộ nghèo           |
    And a member "A1" born 10/02/1980
    And a household "B" in ward "Tân Phong" like "A" but with:
      | Thu nhập bình quân đầu người/tháng | 900.001      |
      | Phân loại hộ                       | Hộ cận nghèo |
    And a member "B1" born 10/02/1980
    When the households are screened
    Then "A" gets "poverty_list" under rule "pl_poor_2016"
    And "B" gets "poverty_list" under rule "pl_near_poor_2016"

  @threshold
  Scenario Outline: 2019 urban lines in Tân Phong ward: <income> with 3 deprivations
    Given the date is 01/06/2019
    And a household "H1" in ward "Tân Phong" with:
      | Huyện                              | Thành phố Lai Châu |
      | Khu vực                            | Thành thị          |
      | Thu nhập bình quân đầu người/tháng | <income>           |
      | Thiếu hụt tiếp cận y tế            | có                 |
      | Thiếu hụt chất lượng nhà ở         | có                 |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có                 |
      | Phân loại hộ                       | Hộ nghèo           |
    And a member "P1" born 10/02/1980
    When the household is screened
    Then the decision on "poverty_list" for "H1" is "<status>"
    And "H1" is a "<coverage>" for "poverty_list"

    Examples:
      | income    | status       | coverage |
      | 1.300.000 | eligible     | covered  |
      | 1.300.001 | not eligible | leakage  |

  @threshold
  Scenario: The standard changes on 1 January 2022: 1,200,000 with 3 deprivations becomes poor
    Given the date is 31/12/2021
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.200.000 |
      | Thiếu hụt tiếp cận y tế            | có        |
      | Thiếu hụt dinh dưỡng               | có        |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Phân loại hộ                       | Không     |
    And a member "P1" born 10/02/1980
    When the household is screened on 31/12/2021
    Then "H1" is not eligible for "poverty_list"
    When the household is screened on 01/01/2022
    Then "H1" gets "poverty_list" under rule "pl_poor_2022"
    And "H1" is a "gap" for "poverty_list"

  @threshold
  Scenario: The Decision 59/2015 standard starts on 5 January 2016
    Given the date is 04/01/2016
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 600.000   |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "P1" born 10/02/1980
    When the household is screened on 04/01/2016
    Then the decision on "poverty_list" for "H1" is "undetermined"
    When the household is screened on 05/01/2016
    Then "H1" gets "poverty_list" under rule "pl_poor_2016"

  @threshold
  Scenario: From 1 January 2027 the rural line is 2,200,000 (Decree 351/2025); its indicator list is a draft (D)
    Given the date is 31/12/2026
    And a household "H1" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 2.000.000 |
      | Thiếu hụt dinh dưỡng               | có        |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Phân loại hộ                       | Không     |
    And a member "P1" born 10/02/1980
    When the household is screened on 31/12/2026
    Then "H1" is not eligible for "poverty_list"
    When the household is screened on 01/01/2027
    Then the decision on "poverty_list" for "H1" is "undetermined"
    When the household is screened on 01/01/2027 with unverified figures (--use-unverified)
    Then "H1" gets "poverty_list" under rule "pl_poor_2027"
    And "H1" is a "gap" for "poverty_list"

  @threshold
  Scenario Outline: 2027 lines: <area> household at <income> with 3 deprivations
    Given the date is 01/03/2027
    And the run uses unverified figures (--use-unverified)
    And a household "H1" in commune "<commune>" with:
      | Khu vực                            | <area>    |
      | Thu nhập bình quân đầu người/tháng | <income>  |
      | Thiếu hụt dinh dưỡng               | có        |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Phân loại hộ                       | Hộ nghèo  |
    And a member "P1" born 10/02/1980
    When the household is screened
    Then the decision on "poverty_list" for "H1" is "<status>"

    Examples:
      | commune   | area      | income    | status       |
      | Nậm Tăm   | Nông thôn | 2.200.000 | eligible     |
      | Nậm Tăm   | Nông thôn | 2.200.001 | not eligible |
      | Tân Phong | Thành thị | 2.800.000 | eligible     |
      | Tân Phong | Thành thị | 2.800.001 | not eligible |
