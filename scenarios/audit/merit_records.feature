# language: en
@audit @meritorious
Feature: Meritorious allowances summed over a person's records (Ordinance 02/2020 Art. 6(3))
  A person in several categories receives the allowances of all of them; a Vietnamese Heroic Mother does not also
  receive the martyr's-relative allowance (Art. 18(1)) (POLICIES.md §5.1, A). From 1 Jul 2024 (POLICIES.md §5.2, A):
  relative of one martyr 2,789,000; nurturing 2,231,000; war invalid 41 % 3,667,000; Heroic Mother 8,367,000 plus
  a supplement of 2,337,000.

  Background:
    Given the date is 15/11/2025
    And a household "H1" in commune "Mường Than" with:
      | area_type           | rural |
      | poverty_list_status | none  |
    And the members:
      | person_id | date_of_birth | relation_to_head | marital_status | lives_alone | receives_merit_allowance |
      | P1        | 02/02/1936    | head             | widowed        | yes         | yes                      |

  Scenario: A martyr's mother living alone who is herself a war invalid (41 %) gets both
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count | injury_rate |
      | P1        | martyr_relative | parent          | 1            |             |
      | P1        | war_invalid     |                 |              | 41          |
    When the household is screened
    Then "P1" is eligible for "merit_monthly_allowance" with 8,687,000

  Scenario: A Heroic Mother who is also a martyr's mother: the Heroic Mother allowance only, and one nurturing
    Given the merit records:
      | person_id | merit_category  | martyr_relation | martyr_count |
      | P1        | heroic_mother   |                 |              |
      | P1        | martyr_relative | parent          | 3            |
    When the household is screened
    Then "P1" is eligible for "merit_monthly_allowance" with 12,935,000
