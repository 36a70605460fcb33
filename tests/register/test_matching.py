"""Matching list entries to people: by ID, else by normalised name + birth year + commune; the
order of `Thị`/`Văn` kept; ambiguous and unmatched entries reported with their candidates."""
from __future__ import annotations

import pandas as pd

from eligibility.register.matching import match_entries, matching_table, name_key
from eligibility.vocabulary import Match

HOUSEHOLDS = pd.DataFrame({"household_id": ["H1", "H2", "H3"],
                           "commune": ["Mường Than", "Mường Than", "Bình Lư"]})
MEMBERS = pd.DataFrame({
    "person_id": ["H1-1", "H1-2", "H2-1", "H2-2", "H3-1"],
    "household_id": ["H1", "H1", "H2", "H2", "H3"],
    "full_name": ["Lò Thị Mai", "Lò Văn Xiêng", "Lò Thị Mai", "Đèo Văn Hùng", "Lò Mai Thị"],
    "date_of_birth": pd.to_datetime(["1950-01-01", "1944-05-05", "1950-07-07", "1960-02-02", "1950-03-03"]),
})


def entries(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in ("person_id", "household_id", "full_name", "commune"):
        if column not in frame:
            frame[column] = pd.NA
    if "birth_year" not in frame:
        frame["birth_year"] = pd.NA
    frame["birth_year"] = frame["birth_year"].astype("Int64")
    return frame


def test_name_key_folds_case_accents_spacing_but_keeps_order():
    keys = name_key(pd.Series(["  LÒ  thị   Mai", "Lo Thi Mai", "Lò Mai Thị", "Đèo Văn Hùng", None]))
    assert keys[0] == keys[1] == "lo thi mai"
    assert keys[2] == "lo mai thi" != keys[0]
    assert keys[3] == "deo van hung"
    assert pd.isna(keys[4])


def test_each_kind_of_match():
    lists = entries([
        {"programme": "social_pension", "person_id": "H1-2"},                                          # by id
        {"programme": "social_pension", "full_name": "DEO VAN  HUNG", "birth_year": 1960, "commune": "Muong Than"},
        {"programme": "social_pension", "full_name": "Lò Thị Mai", "birth_year": 1950, "commune": "Mường Than"},
        {"programme": "social_pension", "full_name": "Lò Thị Mai", "birth_year": 1950, "commune": "Bình Lư"},
        {"programme": "poor_household_loan", "household_id": "H3"},                                    # household id
        {"programme": "social_pension", "person_id": "CCCD-unknown", "full_name": "Lò Văn Xiêng",
         "birth_year": 1944, "commune": "Mường Than"},                                                  # id unknown
        {"programme": "social_pension", "full_name": "Lò Văn Xiêng", "birth_year": 1944},               # no commune
        {"programme": "social_pension", "full_name": "Lo Mai Thi", "birth_year": 1951, "commune": "Binh Lu"},
    ])
    out = match_entries(lists, HOUSEHOLDS, MEMBERS)
    assert list(out["match"]) == [Match.BY_ID, Match.BY_NAME, Match.AMBIGUOUS, Match.UNMATCHED, Match.BY_ID,
                                  Match.BY_NAME, Match.BY_NAME, Match.UNMATCHED]
    assert list(out["person_id"].fillna("-")) == ["H1-2", "H2-2", "-", "-", "-", "H1-2", "H1-2", "-"]
    assert out.loc[4, "household_id"] == "H3"
    assert out.loc[2, "candidates"] == "H1-1; H2-1"
    # Lò Thị Mai is not Lò Mai Thị (the order of the words is kept): unmatched in Bình Lư
    assert "H3-1" not in out.loc[3, "candidates"]
    # the same name born a year apart is not matched, but shown as the candidate
    assert out.loc[7, "candidates"] == "H3-1 Lò Mai Thị 1950 (100)"


def test_matching_table_counts_every_entry():
    lists = entries([{"programme": "a", "person_id": "H1-1"}, {"programme": "a", "full_name": "Nobody"},
                     {"programme": "b", "person_id": "H2-1"}])
    table = matching_table(match_entries(lists, HOUSEHOLDS, MEMBERS)).set_index("programme")
    assert table.loc["a", "by_id"] == 1 and table.loc["a", "unmatched"] == 1 and table.loc["a", "entries"] == 2
    assert table["entries"].sum() == 3
