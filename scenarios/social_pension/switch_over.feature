@social_pension
Feature: From the Decree 20/2021 elderly allowances to the social pension on 1 July 2025
  Groups 5(5)(b) (75 to under 80, poor or near-poor, extremely difficult area) and 5(5)(c) (80 or over, no pension)
  of the monthly social allowance end on 30 June 2025; from 1 July 2025 these people get the social pension instead
  (switch-over mechanism: confidence C). Group 5(5)(a) (poor, no supporter) continues, and a person entitled to the
  monthly social allowance draws it instead of the social pension: one monthly allowance, the highest (C).

  @E6 @threshold
  Scenario: E6 - the man born 15 Mar 1944 leaves the 80+ allowance and gets the social pension on 1 July 2025
    Given the date is 30/06/2025
    And a household "H1" in commune "Bum Tở" with:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    And the members:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng | Đang hưởng TCXH hằng tháng | Trợ cấp hưu trí xã hội |
      | P1       | 15/03/1944 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                | có                         | không                  |
    When the household is screened on 30/06/2025
    Then "P1" is eligible for "monthly_social_allowance" with 500.000
    And "P1" gets "monthly_social_allowance" under rule "sa_elderly_80_no_pension"
    And "P1" is not eligible for "social_pension"
    When the household is screened on 01/07/2025
    Then "P1" is not eligible for "monthly_social_allowance"
    And "P1" is a "leakage" for "monthly_social_allowance"
    And "P1" is eligible for "social_pension" with 500.000
    And "P1" is a "gap" for "social_pension"
    And "P1" is eligible for "hi_state_support" with 100%
    And "P1" gets "hi_state_support" under rule "hi24_social_pension"

  @E8 @threshold
  Scenario: E8 - the near-poor 77-year-old: ĐBKK village allowance until June 2025, social pension for both villages from July
    Given the date is 30/06/2025
    And a household "A" in commune "Tà Tổng" with:
      | Huyện        | Mường Tè     |
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
      | ĐBKK         | có           |
    And the members:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | A1       | 01/05/1948 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
    And a household "B" in ward "Tân Phong" with:
      | Huyện        | Thành phố Lai Châu |
      | Khu vực      | Thành thị          |
      | Phân loại hộ | Hộ cận nghèo       |
      | ĐBKK         | không              |
    And the members:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | B1       | 01/05/1948 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
    When the households are screened on 30/06/2025
    Then "A1" is eligible for "monthly_social_allowance" with 500.000
    And "A1" gets "monthly_social_allowance" under rule "sa_elderly_75_80_dbkk"
    And "B1" is not eligible for "monthly_social_allowance"
    And "B1" is not eligible for "social_pension"
    When the households are screened on 01/07/2025
    Then "A1" is not eligible for "monthly_social_allowance"
    And "A1" is eligible for "social_pension" with 500.000
    And "B1" is eligible for "social_pension" with 500.000
    And "B1" gets "social_pension" under rule "sp_75_plus"

  @E7
  Scenario: E7 - the poor widow aged 80 with no supporter keeps the 5(5)(a) allowance after July 2025, with no social pension on top
    Given the date is 01/08/2025
    And a household "H1" in commune "Bum Tở" with:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    And the members:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | P1       | 10/08/1944 | Không khuyết tật  | không                     | không    | không                | không           | không                   | không                 | không                |
    When the household is screened
    Then "P1" is eligible for "monthly_social_allowance" with 1.000.000
    And "P1" gets "monthly_social_allowance" under rule "sa_elderly_poor_no_supporter_80"
    And "P1" is not eligible for "social_pension"
