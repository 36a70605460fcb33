"""On a generated register with programme lists, the audit finds exactly the planted errors: each
kind counted, and nothing else flagged (the lists otherwise pay what the rules decide)."""
from __future__ import annotations

import datetime as dt

import pytest

from eligibility.api import screen_register
from eligibility.synthetic.lists import write_sample_with_lists

AS_OF = dt.date(2025, 11, 15)


@pytest.fixture(scope="module")
def planted_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    planted = write_sample_with_lists(folder, households=2500, seed=29, fmt="csv", headers="vi", as_of=AS_OF)
    return planted, screen_register(folder, AS_OF)


@pytest.mark.slow
def test_the_audit_finds_what_was_planted_and_nothing_else(planted_run):
    planted, run = planted_run
    audit = run.extra["audit"]
    found = audit.findings["finding"].value_counts().to_dict()
    assert planted.underpaid > 0 and planted.not_in_register > 0 and planted.deceased_paid > 0 and planted.duplicate > 0
    assert planted.wrong_level > 0
    assert found == {"underpaid": planted.underpaid, "not_in_register": planted.not_in_register,
                     "deceased_paid": planted.deceased_paid, "duplicate": planted.duplicate,
                     "wrong_level": planted.wrong_level}
    # entries without IDs are matched by name, none left ambiguous
    matching = audit.matching.set_index("programme")
    assert matching["by_name"].sum() >= planted.no_id
    assert matching["ambiguous"].sum() == 0
    assert matching["unmatched"].sum() == planted.not_in_register


@pytest.mark.slow
def test_underpaid_is_last_years_standard(planted_run):
    _, run = planted_run
    under = run.extra["audit"].findings.query("finding == 'underpaid'")
    # paid = coefficient x 360,000 where 500,000 is due (POLICIES.md §1): the shortfall is 140/500 of the amount due
    assert ((under["due"] - under["paid"]) * 500_000 == under["due"] * 140_000).all()


@pytest.mark.slow
def test_a_wrong_card_share_costs_the_premium_times_the_difference(planted_run):
    _, run = planted_run
    wrong = run.extra["audit"].findings.query("finding == 'wrong_level'")
    assert set(wrong["programme"]) == {"hi_state_support"}
    # 4.5 % x 2,340,000 = 105,300 a month (POLICIES.md §4.3); a fully paid card where 70 % is due: +31,590
    assert ((wrong["level_paid"] - wrong["level_due"]).abs() > 0.01).all()
    assert (wrong["money"] == ((wrong["level_paid"] - wrong["level_due"]) * 105_300).round()).all()
    assert ((wrong["level_paid"] == 1) | (wrong["level_paid"] == 0.7)).all()
