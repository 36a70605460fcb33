"""Matching list entries to people: by ID, else by normalised name + birth year + commune; the
order of `Thị`/`Văn` kept; ambiguous and unmatched entries reported with their candidates."""
from __future__ import annotations

import pandas as pd

from eligibility.register.checks import index_in
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


def test_candidates_born_within_two_years_of_each_entry_and_the_best_three_in_the_registers_order():
    """Entries of one commune born a few years apart are compared in one block; each still sees only
    the people born within two years of it, the highest score first, ties in the register's order."""
    households = pd.DataFrame({"household_id": ["H1", "H2"], "commune": ["Mường Than", "Bình Lư"]})
    born = {"P1": 1950, "P2": 1954, "P3": 1957, "P4": 1954, "P5": 1953, "P6": 1954, "Q1": 1954}
    members = pd.DataFrame({
        "person_id": list(born), "household_id": ["H1"] * 6 + ["H2"],
        "full_name": ["Lò Thị Mai", "Lò Thị Mai", "Lò Thị Mai", "Lò Thị Ma", "Lò Thị Mai", "Lò Thị Mai", "Lò Thị Mai"],
        "date_of_birth": pd.to_datetime([f"{y}-06-01" for y in born.values()]),
    })
    lists = entries([
        {"programme": "p", "full_name": "Lò Thị Mây", "birth_year": 1952, "commune": "Mường Than"},
        {"programme": "p", "full_name": "Lò Thị Mây", "birth_year": 1955, "commune": "Mường Than"},
        {"programme": "p", "full_name": "Lò Thị Mây", "birth_year": 1960, "commune": "Mường Than"},
        {"programme": "p", "full_name": "Lò Thị Mây", "commune": "Bình Lư"},                    # no birth year
        {"programme": "p", "full_name": "Lò Thị Mây", "birth_year": 1949},                      # no commune
    ])
    out = match_entries(lists, households, members)
    assert (out["match"] == Match.UNMATCHED).all()
    ids = [[c.split()[0] for c in text.split("; ")] if text else [] for text in out["candidates"]]
    # 1952: born 1950-1954 (not P3, 1957); Lò Thị Ma scores highest, ties by birth year then row
    assert ids[0] == ["P4", "P1", "P5"]
    assert ids[1] == ["P4", "P5", "P2"]   # 1955: born 1953-1957, the best three (P6 and P3 left)
    assert ids[2] == []                   # nobody born 1958-1962
    assert ids[3] == ["Q1"]               # its commune, any year
    assert ids[4] == ["P1"]               # any commune, 1947-1951
    assert out.loc[0, "candidates"] == "P4 Lò Thị Ma 1954 (95); P1 Lò Thị Mai 1950 (90); P5 Lò Thị Mai 1953 (90)"


def test_index_in_gives_the_first_position_whether_the_pool_or_the_values_are_hashed():
    """A few values in a large pool are looked up the other way round (the values hashed): the same
    positions, the first of a repeated ID, -1 for a missing or unknown value."""
    pool = pd.Series([f"P{i}" for i in range(40)] + ["P3", None, "P7"], dtype="string")
    values = pd.Series(["P7", None, "P3", "nobody", "P7", "P39"], dtype="string")
    few = index_in(values, pool)                                  # 6 values, 43 in the pool: values hashed
    many = index_in(pd.concat([values] * 10, ignore_index=True), pool)[:6]   # 60 values: the pool hashed
    assert list(few) == list(many) == [7, -1, 3, -1, 7, 39]
    assert few.dtype == many.dtype == "int64"
