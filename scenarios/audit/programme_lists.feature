# language: en
@audit
Feature: The auditor's statuses from a programme's own list (issue 13)
  The Decree 20/2021 monthly allowance is the social-assistance standard times a coefficient (Art. 6; the standard
  is 500,000 from 1 Jul 2024, POLICIES.md §1, B; 360,000 before, A). The social pension is 500,000 a month from
  1 Jul 2025 (POLICIES.md §3.4, B). A person entitled to both gets only the higher one (Decree 20/2021 Art. 6(2),
  POLICIES.md §0.2, A). Amounts below are worked by hand from those figures.

  Background:
    Given the date is 15/11/2025
    And a household "H1" in commune "Mường Kim" with:
      | area_type                | rural |
      | poverty_list_status      | poor  |
      | area_extremely_difficult | no    |
    And the members:
      | person_id | date_of_birth | receives_pension | survivor_allowance | disability_level | no_source_of_care | hiv | has_supporter | fostered | receives_merit_allowance | studying_level | relation_to_head | full_name   |
      | P1        | 10/08/1944    | no               | no                 | none             | no                | no  | no            | no       | no                       | none           | head             | Cầm Thị Kim |

  Scenario: Underpaid: paid at last year's standard
    Given the programme list:
      | Programme code           | Person ID | Monthly amount paid | Allowance coefficient |
      | monthly_social_allowance | P1        | 720,000             | 2                     |
    When the household is screened
    Then "P1" is eligible for "monthly_social_allowance" with 1,000,000
    And "P1" is "underpaid" on "monthly_social_allowance", money -280,000

  Scenario: Overpaid
    Given the programme list:
      | Programme code           | Person ID | Monthly amount paid | Allowance coefficient |
      | monthly_social_allowance | P1        | 1,100,000           | 2                     |
    When the household is screened
    Then "P1" is "overpaid" on "monthly_social_allowance", money 100,000

  Scenario: Wrong level: coefficient 1.5 paid where 2.0 is due (80 or over)
    Given the programme list:
      | Programme code           | Person ID | Monthly amount paid | Allowance coefficient |
      | monthly_social_allowance | P1        | 750,000             | 1.5                   |
    When the household is screened
    Then "P1" is "wrong_level" on "monthly_social_allowance", money -250,000

  Scenario: Paid for a month after the date of death
    Given a household "H2" in commune "Mường Kim" like "H1" but with:
      | area_type | rural |
    And a member "P2" born 02/03/1943 with:
      | receives_pension | no |
      | survivor_allowance | no |
      | has_supporter | no |
      | relation_to_head | head |
      | date_of_death | 20/09/2025 |
    And the programme list:
      | programme      | person_id | monthly_amount |
      | social_pension | P2        | 500,000        |
    When the households are screened
    Then "P2" is "deceased_paid" on "social_pension", money 500,000

  Scenario: A list entry that matches nobody in the register
    Given the programme list:
      | programme      | full_name    | birth_year | commune   | monthly_amount |
      | social_pension | Lò Văn Xiêng | 1944       | Mường Kim | 500,000        |
    When the household is screened
    Then "Lò Văn Xiêng" is "not_in_register" on "social_pension", money 500,000

  Scenario: The same person twice in one programme
    Given the programme list:
      | Programme code           | Person ID | Monthly amount paid | Allowance coefficient |
      | monthly_social_allowance | P1        | 1,000,000           | 2                     |
      | monthly_social_allowance | P1        | 1,000,000           | 2                     |
    When the household is screened
    Then "P1" is "duplicate" on "monthly_social_allowance", money 1,000,000
