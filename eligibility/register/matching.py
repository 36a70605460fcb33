"""Link the entries of the programmes' lists to the people and households of the register.

By person ID first (the CCCD or personal code the list shares with the register), or household ID
for a household programme (a loan); else by normalised full name + birth year + commune. A name is
normalised for case, accents (`Nguyễn` = `Nguyen`, `Đ` = `D`) and spacing, but its words keep their
order: `Lò Thị Mai` and `Lò Mai Thị` are different people (`Thị`/`Văn` mark the middle name).
One person with that key: matched by name; several: ambiguous (the candidates listed); none:
unmatched, a possible ghost beneficiary, with the register's nearest names in the same commune as
candidates (RapidFuzz similarity, so an officer can see a typo at a glance). A name is never
matched on similarity alone: a payment is not credited to someone on a guess.

All of it on whole columns (factorize, merge, groupby); the only loop is over the communes that
hold unmatched entries, for the similarity search.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..vocabulary import Match
from .checks import isin

CANDIDATE_SCORE = 85     # RapidFuzz ratio (0-100) from which a register name is shown as a candidate
CANDIDATES_SHOWN = 3
MATCH_COLUMNS = ["entry", "programme", "person_id", "household_id", "match", "candidates"]


def name_key(names: pd.Series) -> pd.Series:
    """Names (or places) folded for comparison: no case, no accents, single spaces, word order kept.
    Works on the distinct values only."""
    codes, uniques = pd.factorize(names.astype("string"), use_na_sentinel=True)
    text = pd.Series(uniques, dtype="string")
    folded = (text.str.normalize("NFD").str.replace(r"[\u0300-\u036f]", "", regex=True)
              .str.replace("đ", "d").str.replace("Đ", "D").str.lower()
              .str.split().str.join(" "))
    values = np.append(folded.to_numpy(dtype=object, na_value=None), None)
    return pd.Series(values[codes], index=names.index, dtype="string")


def people_keys(households: pd.DataFrame, members: pd.DataFrame, communes: set | None = None) -> pd.DataFrame:
    """person_id, household_id, name key, birth year and commune key of the accepted members — of the
    communes given (folded), or of all; names are folded only for those (the costly part)."""
    commune = name_key(members["household_id"].map(households.set_index("household_id")["commune"]))
    keep = np.ones(len(members), dtype=bool) if communes is None else commune.isin(communes).to_numpy()
    members, commune = members[keep], commune[keep]
    return pd.DataFrame({
        "person_id": members["person_id"].astype("string"),
        "household_id": members["household_id"].astype("string"),
        "name": name_key(members["full_name"]) if "full_name" in members else pd.Series(pd.NA, dtype="string"),
        "full_name": members.get("full_name", pd.Series(pd.NA, index=members.index)).astype("string"),
        "year": pd.to_datetime(members["date_of_birth"]).dt.year.astype("Int64"),
        "commune": commune,
    }).reset_index(drop=True)


def match_entries(lists: pd.DataFrame, households: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per list entry (in the list's order): MATCH_COLUMNS. `match` is a `Match` word."""
    n = len(lists)
    out = pd.DataFrame({
        "entry": np.arange(n), "programme": lists["programme"].astype("string").to_numpy(),
        "person_id": pd.array([pd.NA] * n, dtype="string"), "household_id": pd.array([pd.NA] * n, dtype="string"),
        "match": np.full(n, Match.UNMATCHED.value, dtype=object), "candidates": np.full(n, "", dtype=object),
    })
    given_person = _column(lists, "person_id")
    by_person = isin(given_person, members["person_id"])   # Arrow's hash lookup: pandas' isin on text is slow
    out.loc[by_person, "person_id"] = given_person[by_person].to_numpy()
    out.loc[by_person, "household_id"] = given_person[by_person].map(
        members.set_index("person_id")["household_id"]).to_numpy()
    given_household = _column(lists, "household_id")
    by_household = (~by_person & given_person.isna().to_numpy() & given_household.notna().to_numpy()
                    & isin(given_household, households["household_id"]))
    out.loc[by_household, "household_id"] = given_household[by_household].to_numpy()
    out.loc[by_person | by_household, "match"] = Match.BY_ID.value
    rest = ~(by_person | by_household) & _column(lists, "full_name").notna().to_numpy()
    if rest.any():   # only the communes these entries name are read (all, where one names none)
        communes = name_key(_column(lists, "commune")[rest])
        wanted = None if communes.isna().any() else set(communes)
        _by_name(out, lists, people_keys(households, members, wanted), np.flatnonzero(rest))
    return out


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame:
        return frame[name].astype("string").reset_index(drop=True)
    return pd.Series(pd.NA, index=pd.RangeIndex(len(frame)), dtype="string")


def _by_name(out: pd.DataFrame, lists: pd.DataFrame, people: pd.DataFrame, rows: np.ndarray) -> None:
    """Name + birth year + commune (name + birth year where the entry gives no commune)."""
    entries = pd.DataFrame({
        "entry": rows,
        "name": name_key(_column(lists, "full_name")).to_numpy()[rows],
        "year": pd.array(lists["birth_year"], dtype="Int64")[rows] if "birth_year" in lists
        else pd.array([pd.NA] * len(rows), dtype="Int64"),
        "commune": name_key(_column(lists, "commune")).to_numpy()[rows],
    })
    with_commune = entries["commune"].notna()
    found = pd.concat([
        entries[with_commune].merge(people, on=["name", "year", "commune"], how="inner"),
        entries[~with_commune].drop(columns="commune").merge(people, on=["name", "year"], how="inner"),
    ], ignore_index=True)
    count = found.groupby("entry")["person_id"].transform("size")
    single = found[count == 1]
    out.loc[single["entry"].to_numpy(), "person_id"] = single["person_id"].to_numpy()
    out.loc[single["entry"].to_numpy(), "household_id"] = single["household_id"].to_numpy()
    out.loc[single["entry"].to_numpy(), "match"] = Match.BY_NAME.value
    several = found[count > 1]
    if len(several):
        listed = several.groupby("entry")["person_id"].agg(lambda ids: "; ".join(sorted(ids)))
        out.loc[listed.index.to_numpy(), "match"] = Match.AMBIGUOUS.value
        out.loc[listed.index.to_numpy(), "candidates"] = listed.to_numpy()
    unmatched = entries[~entries["entry"].isin(found["entry"])]
    if len(unmatched):
        out.loc[unmatched["entry"].to_numpy(), "candidates"] = _nearest(unmatched, people).to_numpy()


def _nearest(unmatched: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """For entries nobody matched: the register's most similar names in the same commune (or anywhere,
    where the entry gives no commune), as 'DM13-1 Lò Thị Xuân 1944 (92)'."""
    shown = pd.Series("", index=unmatched.index, dtype=object)
    groups = unmatched.assign(commune=unmatched["commune"].fillna("")).groupby("commune")
    for commune, part in groups:   # a loop over communes; each compares all its names at once
        pool = people if commune == "" else people[people["commune"] == commune]
        pool = pool[pool["name"].notna()]
        if pool.empty or part["name"].isna().all():
            continue
        scores = process.cdist(part["name"].fillna("").tolist(), pool["name"].tolist(), scorer=fuzz.ratio,
                               score_cutoff=CANDIDATE_SCORE, workers=1)
        ids, names, years = (pool[c].to_numpy(dtype=object, na_value=None) for c in ("person_id", "full_name", "year"))
        best = np.argsort(-scores, axis=1)[:, :CANDIDATES_SHOWN]
        for i, idx in enumerate(best):   # at most CANDIDATES_SHOWN per entry: the text of the report
            hits = [f"{ids[j]} {names[j] or ''} {years[j] if years[j] is not None else '?'} ({scores[i, j]:.0f})"
                    for j in idx if scores[i, j] > 0]
            shown.iloc[unmatched.index.get_loc(part.index[i])] = "; ".join(hits)
    return shown


def matching_table(matches: pd.DataFrame) -> pd.DataFrame:
    """Entries per programme and match (by ID, by name, ambiguous, unmatched): the report's and the
    manifest's matching table."""
    table = (matches.groupby(["programme", "match"]).size().unstack(fill_value=0)
             .reindex(columns=Match.words(), fill_value=0))
    table["entries"] = table.sum(axis=1)
    return table.reset_index()
