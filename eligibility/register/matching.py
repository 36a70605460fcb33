"""Link the entries of the programmes' lists to the people and households of the register.

By person ID first (the CCCD or personal code the list shares with the register), or household ID
for a household programme (a loan); else by normalised full name + birth year + commune. A name is
normalised for case, accents (`Nguyễn` = `Nguyen`, `Đ` = `D`) and spacing, but its words keep their
order: `Lò Thị Mai` and `Lò Mai Thị` are different people (`Thị`/`Văn` mark the middle name).
One person with that key: matched by name; several: ambiguous (the candidates listed); none:
unmatched, a possible ghost beneficiary, with the register's nearest names in the same commune as
candidates (RapidFuzz similarity, so an officer can see a typo at a glance). A name is never
matched on similarity alone: a payment is not credited to someone on a guess.

All of it on whole columns: IDs by Arrow hash lookups (no pandas merge or map over the register),
names only for the entries no ID matched, against only the people of the same commune born within
YEARS years (the block: commune + a band of BAND birth years); the only loop is over those blocks,
each compared at once by RapidFuzz's `process.cdist`, for the nearest names of the unmatched entries.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process

from ..vocabulary import Match
from .checks import index_in

CANDIDATE_SCORE = 85     # RapidFuzz ratio (0-100) from which a register name is shown as a candidate
CANDIDATES_SHOWN = 3
YEARS = 2                # a candidate is born within this many years of the entry's birth year (a mistyped year)
BAND = 4                 # birth years of one commune's unmatched entries compared in one block (see `_nearest`)
MATCH_COLUMNS = ["entry", "programme", "person_id", "household_id", "match", "candidates"]


def name_key(names: pd.Series) -> pd.Series:
    """Names (or places) folded for comparison: no case, no accents, single spaces, word order kept.
    Works on the distinct values only."""
    codes, vocabulary = folded_codes(names)
    values = np.append(vocabulary.to_numpy(dtype=object), None)
    return pd.Series(values[codes], index=names.index, dtype="string")


def folded_codes(names: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Each name's folded form as a code into the vocabulary of folded forms (-1: blank): names that
    fold alike share a code, so they join as integers."""
    codes, uniques = pd.factorize(names.astype("string"), use_na_sentinel=True)
    text = pd.Series(uniques, dtype="string")
    folded = (text.str.normalize("NFD").str.replace(r"[\u0300-\u036f]", "", regex=True)
              .str.replace("đ", "d").str.replace("Đ", "D").str.lower()
              .str.split().str.join(" "))
    merged, vocabulary = pd.factorize(folded, use_na_sentinel=True)
    return np.append(merged, -1)[codes].astype(np.int64), pd.Index(vocabulary, dtype=object)


@dataclass
class People:
    """The accepted members as numbers: folded name, birth year and commune codes per member (the
    member's position in `members`), with the vocabularies the entries' names and communes are looked
    up in. Only the people a result names are turned back into text."""
    members: pd.DataFrame
    frame: pd.DataFrame          # member, name, year, commune (integers; -1 blank)
    names: pd.Index
    communes: pd.Index

    def text(self, column: str, at: np.ndarray) -> np.ndarray:
        if column not in self.members:
            return np.full(len(at), None, dtype=object)
        return self.members[column].iloc[at].astype(object).to_numpy()


def people_keys(households: pd.DataFrame, members: pd.DataFrame) -> People:
    """Every accepted member's folded name, birth year and commune, as integers."""
    place, communes = folded_codes(households["commune"].reset_index(drop=True))
    at = index_in(members["household_id"], households["household_id"])
    year = pd.to_datetime(members["date_of_birth"]).dt.year.to_numpy(dtype=float, na_value=np.nan)
    name, names = (folded_codes(members["full_name"]) if "full_name" in members
                   else (np.full(len(members), -1, dtype=np.int64), pd.Index([], dtype=object)))
    frame = pd.DataFrame({"member": np.arange(len(members)), "name": name,
                          "year": np.nan_to_num(year, nan=-1).astype(np.int64), "commune": np.append(place, -1)[at]})
    return People(members.reset_index(drop=True), frame, names, communes)


def match_entries(lists: pd.DataFrame, households: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per list entry (in the list's order): MATCH_COLUMNS. `match` is a `Match` word. IDs stay
    Arrow text from end to end (no Python string per entry)."""
    n = len(lists)
    match, candidates = np.full(n, Match.UNMATCHED.value, dtype=object), np.full(n, "", dtype=object)
    given_person = _column(lists, "person_id")
    at = index_in(given_person, members["person_id"])    # Arrow's hash join: pandas' map on text is slow
    by_person = at >= 0
    person = pc.if_else(pa.array(by_person), _arrow(given_person), pa.nulls(n, pa.large_string()))
    household = _arrow(members["household_id"]).take(pa.array(at, mask=~by_person))
    given_household = _column(lists, "household_id")
    by_household = (~by_person & given_person.isna().to_numpy() & given_household.notna().to_numpy()
                    & (index_in(given_household, households["household_id"]) >= 0))
    household = pc.if_else(pa.array(by_household), _arrow(given_household), household)
    match[by_person | by_household] = Match.BY_ID.value
    rest = np.flatnonzero(~(by_person | by_household) & _column(lists, "full_name").notna().to_numpy())
    if len(rest):
        found = _by_name((match, candidates), lists, households, members, rest)
        mask = np.zeros(n, dtype=bool)
        mask[found["entry"].to_numpy()] = True
        order = np.argsort(found["entry"].to_numpy())   # replace_with_mask fills in the list's order
        for name in ("person_id", "household_id"):
            values = pa.array(found[name].to_numpy(dtype=object)[order], type=pa.large_string())
            if name == "person_id":
                person = pc.replace_with_mask(person, pa.array(mask), values)
            else:
                household = pc.replace_with_mask(household, pa.array(mask), values)
    return pd.DataFrame({
        "entry": np.arange(n), "programme": lists["programme"].astype("string").to_numpy(),
        "person_id": pd.arrays.ArrowStringArray(person), "household_id": pd.arrays.ArrowStringArray(household),
        "match": match, "candidates": candidates,
    })


def _arrow(values: pd.Series) -> pa.Array:
    return pa.array(values.astype("string[pyarrow]").array).cast(pa.large_string())


def _column(frame: pd.DataFrame, name: str, rows: np.ndarray | None = None) -> pd.Series:
    column = (frame[name].astype("string").reset_index(drop=True) if name in frame
              else pd.Series(pd.NA, index=pd.RangeIndex(len(frame)), dtype="string"))
    return column if rows is None else column.iloc[rows].reset_index(drop=True)


def _by_name(out: tuple[np.ndarray, ...], lists: pd.DataFrame, households: pd.DataFrame, members: pd.DataFrame,
             rows: np.ndarray) -> pd.DataFrame:
    """Name + birth year + commune (name + birth year where the entry gives no commune), for the
    entries at `rows`: an integer join (folded names and communes as codes of the register's own).
    Marks `match` and `candidates`; returns the entries matched by name (entry, person_id, household_id)."""
    match, candidates = out
    people = people_keys(households, members)
    names, communes = (folded_codes(_column(lists, c, rows))[0] for c in ("full_name", "commune"))
    name_text = name_key(_column(lists, "full_name", rows)).to_numpy(dtype=object, na_value=None)
    commune_text = name_key(_column(lists, "commune", rows)).to_numpy(dtype=object, na_value=None)
    year = (pd.array(lists["birth_year"], dtype="Int64")[rows].to_numpy(dtype=float, na_value=np.nan)
            if "birth_year" in lists else np.full(len(rows), np.nan))
    entries = pd.DataFrame({
        "entry": rows,
        "name": _code_in(people.names, name_text, names), "year": np.nan_to_num(year, nan=-2).astype(np.int64),
        "commune": _code_in(people.communes, commune_text, communes), "text": name_text,
    })
    with_commune = communes >= 0
    # only the people bearing one of the entries' names join: the merge hashes thousands, not 1 M
    named = people.frame[np.isin(people.frame["name"].to_numpy(), entries["name"].to_numpy())]
    found = pd.concat([
        entries[with_commune].merge(named, on=["name", "year", "commune"], how="inner"),
        entries[~with_commune].drop(columns="commune").merge(named.drop(columns="commune"),
                                                             on=["name", "year"], how="inner"),
    ], ignore_index=True)
    found["person_id"] = people.text("person_id", found["member"].to_numpy())
    count = found.groupby("entry")["member"].transform("size")
    single = found[count == 1]
    match[single["entry"].to_numpy()] = Match.BY_NAME.value
    several = found[count > 1]
    if len(several):
        entry, joined = _joined_ids(several)
        match[entry] = Match.AMBIGUOUS.value
        candidates[entry] = joined
    unmatched = entries[~entries["entry"].isin(found["entry"])]
    if len(unmatched):
        candidates[unmatched["entry"].to_numpy()] = _nearest(unmatched, people)
    return pd.DataFrame({"entry": single["entry"].to_numpy(), "person_id": single["person_id"].to_numpy(),
                         "household_id": people.text("household_id", single["member"].to_numpy())})


def _joined_ids(several: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per entry of `several` (entry, person_id), its people's IDs sorted and joined by '; ': one sort,
    then Arrow joins each entry's slice (no Python call per entry)."""
    ordered = several[["entry", "person_id"]].sort_values(["entry", "person_id"], kind="stable")
    entry = ordered["entry"].to_numpy()
    starts = np.flatnonzero(np.r_[True, entry[1:] != entry[:-1]])
    ids = pa.array(ordered["person_id"].to_numpy(dtype=object), type=pa.string())
    lists = pa.ListArray.from_arrays(pa.array(np.append(starts, len(entry)), type=pa.int32()), ids)
    return entry[starts], pc.binary_join(lists, "; ").to_numpy(zero_copy_only=False)


def _code_in(vocabulary: pd.Index, folded: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Folded texts as codes of the register's vocabulary: -1 blank, -2 not in the register (never joins)."""
    found = vocabulary.get_indexer(pd.Index(folded, dtype=object))
    return np.where(codes < 0, -1, np.where(found < 0, -2, found)).astype(np.int64)


def _nearest(unmatched: pd.DataFrame, people: People) -> np.ndarray:
    """For entries nobody matched: the register's most similar names in the same commune (any commune
    where the entry gives none) born within YEARS years (any year where it gives none), as
    'DM13-1 Lò Thị Xuân 1944 (92)'; the best first, ties in the register's order (commune, year, row).

    One RapidFuzz `cdist` per block: a commune's entries born in the same BAND years, against the
    people of that commune born within YEARS years of them (sorted by commune and year: a slice), the
    pairs further apart than YEARS then set to 0. A call readies each of its register names once
    (~80 ns a name) and compares a pair in ~15 ns, so a block of one birth year (one or two entries)
    cost five times its comparisons; BAND years a block share that. Entries without a commune are
    compared year by year against everyone (rare)."""
    name, commune, years = (people.frame[c].to_numpy() for c in ("name", "commune", "year"))
    order = _by_commune_and_year(commune, years)
    order = order[name[order] >= 0]   # people without a name are no candidate
    commune, years, member, name = commune[order], years[order], people.frame["member"].to_numpy()[order], name[order]
    vocabulary = people.names.to_numpy(dtype=object)
    wanted = unmatched["text"].fillna("").to_numpy(dtype=object)
    place_of, year_of = unmatched["commune"].to_numpy(), unmatched["year"].to_numpy()
    band = np.where(place_of == -1, year_of, np.where(year_of >= 0, year_of // BAND, -1))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []   # (entry position, pool position, score)
    blocks = pd.DataFrame({"place": place_of, "band": band}).groupby(["place", "band"], sort=False).indices
    for (place, _), part in blocks.items():   # a loop over blocks, each compared at once
        pick, born = _block(commune, years, place, year_of[part])
        if not len(pick):
            continue
        scores = process.cdist(wanted[part].tolist(), vocabulary[name[pick]].tolist(), scorer=fuzz.ratio,
                               score_cutoff=CANDIDATE_SCORE, workers=1)
        if born is not None:   # the band's people born too far from each entry
            scores[np.abs(born[None, :] - year_of[part][:, None]) > YEARS] = 0
        rows, cols = np.nonzero(scores)
        found.append((part[rows], pick[cols], scores[rows, cols]))
    if not found:
        return np.full(len(unmatched), "", dtype=object)
    entry, where, score = (np.concatenate(v) for v in zip(*found))
    best = np.lexsort((where, -score, entry))   # per entry: highest score, then the register's order
    entry, where, score = entry[best], where[best], score[best]
    starts = np.flatnonzero(np.r_[True, entry[1:] != entry[:-1]])
    shown = np.arange(len(entry)) - np.repeat(starts, np.diff(np.r_[starts, len(entry)])) < CANDIDATES_SHOWN
    return _candidate_text(len(unmatched), entry[shown], where[shown], score[shown], member, people)


def _by_commune_and_year(commune: np.ndarray, years: np.ndarray) -> np.ndarray:
    """The order by commune, then year, then row: two stable radix sorts of 16-bit codes (a fifth of
    `np.lexsort`'s time on 1 M people), `np.lexsort` where codes do not fit."""
    small = np.iinfo(np.int16)
    if not len(commune) or max(commune.max(), years.max()) > small.max or min(commune.min(), years.min()) < small.min:
        return np.lexsort((years, commune))
    order = np.argsort(years.astype(np.int16), kind="stable")
    return order[np.argsort(commune[order].astype(np.int16), kind="stable")]


def _block(commune: np.ndarray, years: np.ndarray, place: int, born: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """The pool positions a block of entries (one commune, or none; their birth years `born`) is
    compared with, and those people's birth years where some must be masked (None: none)."""
    if place == -1:   # no commune given: anyone born within YEARS years (one year a block; rare: a scan)
        year = born[0]
        return (np.flatnonzero(np.abs(years - year) <= YEARS) if year >= 0 else np.arange(len(years))), None
    lo, hi = np.searchsorted(commune, place), np.searchsorted(commune, place, side="right")
    if (born < 0).any():   # no birth year given (a block of its own): the whole commune
        return np.arange(lo, hi), None
    lo, hi = lo + np.searchsorted(years[lo:hi], born.min() - YEARS), lo + np.searchsorted(
        years[lo:hi], born.max() + YEARS, side="right")
    return np.arange(lo, hi), (years[lo:hi] if born.min() != born.max() else None)


def _candidate_text(n: int, entry: np.ndarray, where: np.ndarray, score: np.ndarray, member: np.ndarray,
                    people: People) -> np.ndarray:
    """'ID name year (score)' joined by '; ' per entry: the register's text fetched for the hits only."""
    shown = np.full(n, "", dtype=object)
    at = member[where]
    ids, full = people.text("person_id", at), people.text("full_name", at)
    year = people.frame["year"].to_numpy()[at]
    text = [f"{i} {f or ''} {y if y >= 0 else '?'} ({s:.0f})" for i, f, y, s in zip(ids, full, year, score)]
    for e, t in zip(entry.tolist(), text):   # at most CANDIDATES_SHOWN per entry, in score order
        shown[e] = t if not shown[e] else shown[e] + "; " + t
    return shown


def matching_table(matches: pd.DataFrame) -> pd.DataFrame:
    """Entries per programme and match (by ID, by name, ambiguous, unmatched): the report's and the
    manifest's matching table."""
    table = (matches.groupby(["programme", "match"]).size().unstack(fill_value=0)
             .reindex(columns=Match.words(), fill_value=0))
    table["entries"] = table.sum(axis=1)
    return table.reset_index()
