@credit
Feature: Other VBSP programmes: job creation, work abroad, students, clean water, difficult areas, housing
  Rates before / from 1 Dec 2025 (Decision 2553/QĐ-TTg): job creation 7.92 / 7.488 %; work abroad 6.6 / 6.24 %
  (3.3 / 3.12 % for poor or ethnic-minority workers from poor districts); students 6.6 / 6.24 %; rural clean
  water and sanitation 9 / 8.4 %; households in difficult areas 9 / 7.8 %. Poor-household housing (Decision
  33/2015, 2016-2020): 25,000,000 at 3 %. Where POLICIES.md gives no ceiling the amount is not known.

  @E11
  Scenario: E11 - past the newly-escaped window a household can still take a job-creation loan: 7.92 %, then 7.488 %
    Given the date is 01/06/2024
    And a household "H1" in commune "Bản Bo" with:
      | Khu vực          | Nông thôn  |
      | Phân loại hộ     | Không      |
      | Ngày thoát nghèo | 20/12/2022 |
    And a member "P1" born 01/05/1980
    When the household is screened on 01/06/2024
    Then the yearly rate of "loan_job_creation" for "H1" is 7,92%
    And "H1" is eligible for "loan_job_creation" with 100.000.000
    When the household is screened on 21/12/2025
    Then the yearly rate of "loan_job_creation" for "H1" is 7,488%

  Scenario: Work abroad: a Mông household in Mường Tè (poor district; from July 2025 a poor commune) at 3.3 %, a Kinh household in Than Uyên at 6.6 %
    Given the date is 01/06/2023
    And a household "A" in commune "Bum Tở" with:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Xã nghèo     | có        |
      | Phân loại hộ | Không     |
    And a member "A1" born 01/05/1995 with:
      | Dân tộc | Mông |
    And a household "B" in commune "Mường Kim" with:
      | Huyện        | Than Uyên |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    And a member "B1" born 01/05/1995 with:
      | Dân tộc | Kinh |
    When the households are screened on 01/06/2023
    Then the yearly rate of "loan_work_abroad" for "A" is 3,3%
    And "A" gets "loan_work_abroad" under rule "loan_work_abroad_poor_district_until_2025_11"
    And the yearly rate of "loan_work_abroad" for "B" is 6,6%
    When the households are screened on 01/12/2025
    Then the yearly rate of "loan_work_abroad" for "A" is 3,12%
    And the yearly rate of "loan_work_abroad" for "B" is 6,24%

  @threshold
  Scenario: Student loans: 4,000,000 a month for students of poor, near-poor and average-living-standard households
    Given the date is 01/10/2024
    And a household "A" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | 1.400.000    |
      | Phân loại hộ                       | Hộ cận nghèo |
    And a member "A1" born 01/09/2005 with:
      | Cấp học | Cao đẳng/đại học |
    And a household "B" in commune "Nậm Tăm" with:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 2.250.000 |
      | Phân loại hộ                       | Không     |
    And a member "B1" born 01/09/2005 with:
      | Cấp học | Giáo dục nghề nghiệp |
    And a household "C" in commune "Nậm Tăm" like "B" but with:
      | Thu nhập bình quân đầu người/tháng | 2.250.001 |
    And a member "C1" born 01/09/2005 with:
      | Cấp học | Cao đẳng/đại học |
    When the households are screened
    Then "A1" is eligible for "loan_student" with 4.000.000
    And the yearly rate of "loan_student" for "A1" is 6,6%
    And "B1" is eligible for "loan_student" with 4.000.000
    And "C1" is not eligible for "loan_student"

  @threshold
  Scenario: Rural clean-water and difficult-area loans, before and after the rate cut; an urban household has no clean-water loan
    Given the date is 30/11/2025
    And a household "A" in commune "Bản Bo" with:
      | Khu vực       | Nông thôn |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | có        |
      | Vay nước sạch | có        |
    And a member "A1" born 01/05/1980
    And a household "B" in ward "Tân Phong" with:
      | Khu vực       | Thành thị |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | không     |
      | ĐBKK          | không     |
    And a member "B1" born 01/05/1980
    When the households are screened on 30/11/2025
    Then the yearly rate of "loan_clean_water_sanitation" for "A" is 9%
    And "A" is a "covered" for "loan_clean_water_sanitation"
    And the yearly rate of "loan_difficult_area_household" for "A" is 9%
    And "B" is not eligible for "loan_clean_water_sanitation"
    And "B" is not eligible for "loan_difficult_area_household"
    When the households are screened on 01/12/2025
    Then the yearly rate of "loan_clean_water_sanitation" for "A" is 8,4%
    And the yearly rate of "loan_difficult_area_household" for "A" is 7,8%

  @threshold
  Scenario: Poor-household housing loan (Decision 33/2015): 25,000,000 at 3 % for a rural poor household without a house, until 2020
    Given the date is 01/06/2018
    And a household "H1" in commune "Bum Tở" with:
      | Huyện            | Mường Tè    |
      | Khu vực          | Nông thôn   |
      | Phân loại hộ     | Hộ nghèo    |
      | Tình trạng nhà ở | Chưa có nhà |
    And a member "P1" born 01/05/1980
    When the household is screened on 31/12/2020
    Then "H1" is eligible for "loan_housing_poor_household" with 25.000.000
    And the yearly rate of "loan_housing_poor_household" for "H1" is 3%
    When the household is screened on 01/01/2021
    Then "H1" is not eligible for "loan_housing_poor_household"

  @threshold
  Scenario: Difficult-area loans count an extremely difficult (region III / ĐBKK) household as a difficult one
    Given the date is 01/06/2024
    And a household "A" in commune "Bum Tở" with:
      | Khu vực       | Nông thôn |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | không     |
      | ĐBKK          | có        |
    And a member "A1" born 01/05/1980
    And a household "B" in commune "Bum Tở" with:
      | Khu vực       | Nông thôn |
      | Phân loại hộ  | Không     |
      | Vùng khó khăn | không     |
      | ĐBKK          | không     |
    And a member "B1" born 01/05/1980
    When the households are screened
    Then "A" is eligible for "loan_difficult_area_household"
    And the yearly rate of "loan_difficult_area_household" for "A" is 9%
    And "B" is not eligible for "loan_difficult_area_household"
