"""Programme lists for a synthetic register, with the errors auditors find, planted in known numbers.

The lists are what a commune's payrolls would be if every decision were right: one entry per person
eligible for the Decree 20 monthly allowance or the social pension (the higher of the two where a
person qualifies for both: only one is due, Decree 20/2021 Art. 6(2)), paying the amount due for the
as-of month, at the coefficient due. Then, each from its own random draw:

- `underpaid`: about 2 % of the allowance entries paid at the previous social-assistance standard
  (the parameter's value before the one in force: 360,000 instead of 500,000, POLICIES.md §1);
- `not_in_register`: about 1 % more entries naming people the register does not hold (no ID);
- `deceased_paid`: about 1 % of the listed people given a date of death 1-6 months before the
  as-of date, still paid for the as-of month;
- `duplicate`: about 0.5 % of the entries written twice;
- about 5 % of the entries without a person ID (name, birth year and commune instead): they must
  be matched by name and are not findings;
- `wrong_level`: the HI card list (`hi_state_support`: one card per person the state pays or supports,
  its state share in percent) with about 1 % of the cards at the wrong share: a fully paid card for
  someone due a partial one, a 70 % card for someone due a fully paid one.

`Planted` holds the numbers, so that a test can assert the audit finds exactly those and nothing else.

Beside the lists, `write_sample_with_lists` writes the register's merit records (`merit.py`): one
record per member with a meritorious category, and a second one for some of them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..register.matching import name_key

PROGRAMMES = ("monthly_social_allowance", "social_pension")
HI = "hi_state_support"   # the card list: its level is the card's state share (hi_state_share, percent)
SHARES = {"underpaid": 0.02, "not_in_register": 0.01, "deceased_paid": 0.01, "duplicate": 0.005, "no_id": 0.05,
          "wrong_level": 0.01}
GHOST_NAMES = np.array(["Lò Văn Pánh", "Vàng Thị Sua", "Tòng Văn Khiêm", "Lý Thị Pham", "Giàng A Chứ",
                        "Lường Thị Ún", "Hờ Thị Dợ", "Pờ Lò Xá"], dtype=object)


@dataclass
class Planted:
    underpaid: int = 0
    not_in_register: int = 0
    deceased_paid: int = 0
    duplicate: int = 0
    no_id: int = 0
    wrong_level: int = 0
    rows: dict[str, int] = field(default_factory=dict)   # rows written of each table beside the register


def sample_lists(households: pd.DataFrame, members: pd.DataFrame, plan, as_of: dt.date,
                 seed: int, records: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, Planted]:
    """(programme_lists, members with dates of death, what was planted). Same arguments, same frames.
    `records`: the merit records the register will carry (they reach the HI grounds: read as the reader does)."""
    from ..api import evaluate_frames   # the lists pay what the rules decide
    from ..register.merit_inputs import with_merit_inputs

    rng = np.random.default_rng([seed, 13])
    decisions = evaluate_frames(plan, households, with_merit_inputs(members, records), as_of).decisions
    due = decisions[decisions["benefit"].astype(str).isin(PROGRAMMES)
                    & (decisions["status"].astype(str) == "eligible")]
    due = due.assign(amount=pd.to_numeric(due["amount"], errors="coerce"))
    due = due.sort_values(["person_id", "amount", "benefit"], ascending=[True, False, True])
    due = due.drop_duplicates("person_id").reset_index(drop=True)   # the higher of two exclusive allowances
    standard, previous = _standards(plan, as_of)
    lists = pd.concat([_entries(due, members, households, standard), _cards(decisions, members, households)],
                      ignore_index=True)
    planted = Planted()
    used = np.zeros(len(lists), dtype=bool)    # each entry carries one planted error at most
    lists, planted.underpaid = _underpay(rng, lists, standard, previous, used)
    lists, planted.wrong_level = _wrong_shares(rng, lists, used)
    members, planted.deceased_paid = _deaths(rng, lists, members, as_of, used)
    lists, planted.no_id = _without_ids(rng, lists, members, households, used)
    lists, planted.duplicate = _duplicates(rng, lists, used)
    pension = plan.parameters["social_pension.amount"].at(as_of)
    lists, planted.not_in_register = _ghosts(rng, lists, members, households, float(pension.value))
    return lists.reset_index(drop=True), members, planted


def _standards(plan, as_of: dt.date) -> tuple[float, float | None]:
    """The social-assistance standard in force, and the one before it (POLICIES.md §1)."""
    param = plan.parameters["social_assistance.standard"]
    now = param.at(as_of)
    before = param.at(now.from_ - dt.timedelta(days=1)) if now is not None else None
    return float(now.value), (float(before.value) if before is not None else None)


def _entries(due: pd.DataFrame, members: pd.DataFrame, households: pd.DataFrame, standard: float) -> pd.DataFrame:
    people = members.set_index("person_id")
    allowance = due["benefit"].astype(str) == "monthly_social_allowance"
    amount = due["amount"].to_numpy(dtype=float)
    return pd.DataFrame({
        "programme": due["benefit"].astype(str).to_numpy(),
        "person_id": due["person_id"].astype("string").to_numpy(),
        "household_id": due["household_id"].astype("string").to_numpy(),
        "full_name": due["person_id"].map(people["full_name"]).astype("string").to_numpy(),
        "birth_year": pd.to_datetime(due["person_id"].map(people["date_of_birth"])).dt.year.astype("Int64").to_numpy(),
        "commune": due["household_id"].map(households.set_index("household_id")["commune"]).astype("string")
        .to_numpy(),
        "monthly_amount": pd.array(amount, dtype="Float64"),
        "coefficient": pd.array(np.where(allowance, np.round(amount / standard, 2), np.nan), dtype="Float64"),
    })


def _cards(decisions: pd.DataFrame, members: pd.DataFrame, households: pd.DataFrame) -> pd.DataFrame:
    """One HI card per person the state pays or supports, at the share due (percent)."""
    due = decisions[(decisions["benefit"].astype(str) == HI) & (decisions["status"].astype(str) == "eligible")]
    share = pd.to_numeric(due["amount"], errors="coerce").to_numpy(dtype=float) * 100
    cards = _entries(due.assign(benefit=HI), members, households, 1.0).drop(columns=["monthly_amount", "coefficient"])
    return cards.assign(hi_state_share=pd.array(np.round(share, 2), dtype="Float64"))


def _wrong_shares(rng, lists: pd.DataFrame, used: np.ndarray) -> tuple[pd.DataFrame, int]:
    """About 1 % of the cards at the wrong share: 70 % for a fully paid card, 100 % for a partial one."""
    share = lists["hi_state_share"].to_numpy(dtype=float, na_value=np.nan) if "hi_state_share" in lists \
        else np.full(len(lists), np.nan)
    cards = np.flatnonzero((lists["programme"] == HI).to_numpy() & ~np.isnan(share) & ~used)
    rows = _pick(rng, cards, SHARES["wrong_level"])
    used[rows] = True
    share[rows] = np.where(share[rows] >= 100, 70.0, 100.0)
    lists["hi_state_share"] = pd.array(share, dtype="Float64")
    return lists, len(rows)


def _pick(rng: np.random.Generator, candidates: np.ndarray, share: float, total: int | None = None) -> np.ndarray:
    """`share` of `total` (default: of the candidates), drawn among the candidates."""
    count = min(int(round((len(candidates) if total is None else total) * share)), len(candidates))
    return np.sort(rng.choice(candidates, size=count, replace=False)) if count else candidates[:0]


def _underpay(rng, lists: pd.DataFrame, standard: float, previous: float | None,
              used: np.ndarray) -> tuple[pd.DataFrame, int]:
    paid = lists["monthly_amount"].to_numpy(dtype=float, na_value=np.nan)
    ok = (lists["programme"] == "monthly_social_allowance").to_numpy() & (paid > 0)
    if previous is None:
        return lists, 0
    rows = _pick(rng, np.flatnonzero(ok), SHARES["underpaid"])
    used[rows] = True
    paid[rows] = np.round(paid[rows] / standard * previous)   # the coefficient kept, the old standard
    lists["monthly_amount"] = pd.array(paid, dtype="Float64")
    return lists, len(rows)


def _deaths(rng, lists: pd.DataFrame, members: pd.DataFrame, as_of: dt.date,
            used: np.ndarray) -> tuple[pd.DataFrame, int]:
    paid = lists["monthly_amount"].fillna(0).to_numpy(dtype=float) > 0
    rows = _pick(rng, np.flatnonzero(paid & ~used), SHARES["deceased_paid"], len(lists))
    used[rows] = True
    people = lists["person_id"].to_numpy(dtype=object)[rows]
    if not len(people):   # a small register may draw no death (an empty map would be read as numbers)
        return members, 0
    months = rng.integers(1, 7, size=len(people))
    death = pd.Timestamp(as_of).to_period("M").to_timestamp() - pd.to_timedelta(months * 30 - 1, unit="D")
    members = members.copy()
    where = members["person_id"].isin(people).to_numpy()
    dates = pd.Series(death, index=people)
    members.loc[where, "date_of_death"] = members.loc[where, "person_id"].map(dates).to_numpy()
    return members, len(people)


def _without_ids(rng, lists: pd.DataFrame, members: pd.DataFrame, households: pd.DataFrame,
                 used: np.ndarray) -> tuple[pd.DataFrame, int]:
    """Entries with their ID blanked (name, birth year and commune kept), chosen among people no one
    else in the register shares all three with: matched by name, they are no finding."""
    key = _keys(lists["full_name"], lists["birth_year"], lists["commune"])
    register = _register_keys(members, households)
    unique = key.map(register.value_counts()).eq(1).to_numpy(dtype=bool, na_value=False)
    rows = _pick(rng, np.flatnonzero(unique & ~used), SHARES["no_id"], len(lists))
    used[rows] = True
    lists.loc[rows, ["person_id", "household_id"]] = pd.NA
    return lists, len(rows)


def _keys(names: pd.Series, years: pd.Series, communes: pd.Series) -> pd.Series:
    return (name_key(names.reset_index(drop=True)) + "|" + pd.Series(years).reset_index(drop=True).astype("string")
            + "|" + name_key(communes.reset_index(drop=True)))


def _register_keys(members: pd.DataFrame, households: pd.DataFrame) -> pd.Series:
    commune = members["household_id"].map(households.set_index("household_id")["commune"])
    return _keys(members["full_name"], pd.to_datetime(members["date_of_birth"]).dt.year.astype("Int64"), commune)


def _duplicates(rng, lists: pd.DataFrame, used: np.ndarray) -> tuple[pd.DataFrame, int]:
    with_id = np.flatnonzero(lists["person_id"].notna().to_numpy() & ~used)
    rows = _pick(rng, with_id, SHARES["duplicate"], len(lists))
    used[rows] = True
    return pd.concat([lists, lists.iloc[rows]], ignore_index=True), len(rows)


def _ghosts(rng, lists: pd.DataFrame, members: pd.DataFrame, households: pd.DataFrame,
            amount: float) -> tuple[pd.DataFrame, int]:
    """Social-pension entries for people the register does not hold (any namesake of the same birth
    year in the same commune is dropped: that entry would match)."""
    count = int(round(len(lists) * SHARES["not_in_register"]))
    if not count:
        return lists, 0
    communes = households["commune"].astype(str).unique()
    ghosts = pd.DataFrame({
        "programme": "social_pension", "person_id": pd.array([pd.NA] * count, dtype="string"),
        "household_id": pd.array([pd.NA] * count, dtype="string"),
        "full_name": pd.array(rng.choice(GHOST_NAMES, size=count), dtype="string"),
        "birth_year": pd.array(rng.integers(1920, 1945, size=count), dtype="Int64"),   # never a register year
        "commune": pd.array(rng.choice(communes, size=count), dtype="string"),
        "monthly_amount": pd.array(np.full(count, amount), dtype="Float64"),
        "coefficient": pd.array([pd.NA] * count, dtype="Float64"),
    })
    known = _keys(ghosts["full_name"], ghosts["birth_year"], ghosts["commune"]).isin(
        _register_keys(members, households)).to_numpy(dtype=bool, na_value=False)
    ghosts = ghosts[~known]
    return pd.concat([lists, ghosts], ignore_index=True), len(ghosts)


def write_sample_with_lists(out_dir, households: int, seed: int, fmt: str = "parquet", as_of: dt.date | None = None,
                            headers: str = "en", plan=None) -> Planted:
    """A sample register (as `write_sample`) with the programmes' own records beside it: its programme
    lists (`programme_lists.csv` / `.parquet`, or a sheet of the workbook) and its merit records
    (`merit_records`, `merit.py`); returns what was planted, and the rows of each table in `rows`."""
    from ..api import load_rules
    from ..register.writer import write_register
    from .generator import DEFAULT_AS_OF, generate_register

    plan = plan or load_rules()
    as_of = as_of or DEFAULT_AS_OF
    sample = generate_register(households, seed, as_of, plan, with_merit_records=True)
    lists, members, planted = sample_lists(sample.households, sample.members, plan, as_of, seed,
                                           sample.merit_records)
    write_register(sample.households, members, out_dir, fmt=fmt, headers=headers, schema=plan.inputs)
    for name, frame in (("programme_lists", lists), ("merit_records", sample.merit_records)):
        _write_table(frame, plan.inputs, name, out_dir, fmt, headers)
        planted.rows[name] = len(frame)
    return planted


def _write_table(frame: pd.DataFrame, schema, name: str, out_dir, fmt: str, headers: str) -> None:
    """One optional table beside the register, in its format (a sheet of the workbook for xlsx)."""
    from pathlib import Path

    from ..register.writer import CSV_DATE_FORMAT, WORKBOOK_NAME, _prepare, _write_csv, sheet_name

    table = getattr(schema, name)
    prepared = _prepare(frame, table, fmt, headers)
    out = Path(out_dir)
    if fmt == "csv":
        _write_csv(prepared, out / f"{name}.csv", CSV_DATE_FORMAT[headers], False)
    elif fmt == "parquet":
        prepared.to_parquet(out / f"{name}.parquet", index=False)
    else:
        with pd.ExcelWriter(out / WORKBOOK_NAME, engine="openpyxl", mode="a") as book:
            prepared.to_excel(book, sheet_name=sheet_name(table, headers), index=False)
