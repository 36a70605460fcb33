"""Coverage-gap tables: counts and amounts by benefit, place and ethnicity, and the lists behind them.

Everything is a pandas groupby over the decisions table (no loop over rows). A count is a number
of *decisions*: one per (person, benefit) for person benefits and one per (household, benefit) for
household benefits; under hit policy `all` a decision may have several rows (one per matching
rule) and still counts once, while its amounts add up.

Ethnicity (a person column in the register):
* person benefits use the person's ethnicity;
* household benefits use the head of household's (`relation_to_head == 'head'`); where no head is
  recorded or the head's ethnicity is blank, the members' common ethnicity, `mixed` when the
  members' ethnicities differ, `unknown` when none is recorded.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .labels import ALL_BENEFITS, AMOUNT_PREFIX, MIXED, UNITS, UNKNOWN

COUNTS = ["eligible", "covered", "gap", "leakage", "needs_data"]
PLACES = {"by_district": ["district"], "by_commune": ["district", "commune"],
          "by_village": ["district", "commune", "village"], "by_ethnicity": ["ethnicity"]}
LIST_COLUMNS = ["district", "commune", "village", "household_id", "person_id", "name", "ethnicity", "benefit",
                "benefit_label", "entity", "status", "coverage", "amount", "unit", "rate", "rule", "rule_label",
                "reference", "reason", "missing_inputs", "unverified"]
LISTS = {"gap_list": "gap", "leakage_list": "leakage", "needs_data_list": "needs_data"}
VIEWS = ["by_benefit", *PLACES, *LISTS]
SUBJECT = ["benefit", "household_id", "person_id"]


def gap_tables(decisions: pd.DataFrame, members: pd.DataFrame | None = None,
               lang: str = "en") -> dict[str, pd.DataFrame]:
    """The views of a gap report, keyed by name (see `VIEWS`).

    `decisions` is the entitlements table (`Screening.decisions`, English codes); `members` the
    screened member frame (`Screening.evaluation.members`) that gives each decision its ethnicity.
    Without `members`, an `ethnicity` column already in `decisions` is used, else `unknown`.
    Place views list a (place, benefit) only where at least one decision counts; `lang` is the
    language of the note added to the reason of an eligible decision whose enrolment is unknown.
    """
    dec = _prepared(decisions, members, lang)
    units = [u for u in UNITS if u in set(dec["unit"])]
    subjects = dec.drop_duplicates(SUBJECT)
    out = {"by_benefit": _by_benefit(dec, subjects, units)}
    for view, keys in PLACES.items():
        out[view] = _by_place(dec, subjects, keys, units)
    order = ["district", "commune", "village", "household_id", "person_id", "benefit", "rule"]
    for view, coverage in LISTS.items():
        rows = dec.loc[dec["coverage"] == coverage, LIST_COLUMNS]
        out[view] = rows.sort_values(order, kind="stable", na_position="last").reset_index(drop=True)
    return out


def amount_columns(table: pd.DataFrame) -> list[str]:
    return [c for c in table.columns if c.startswith(AMOUNT_PREFIX) and c[len(AMOUNT_PREFIX):] in UNITS]


# ---------------------------------------------------------------- building blocks
ENROLMENT_UNKNOWN = {"en": "eligible, but the register does not say whether it is already received",
                     "vi": "đủ điều kiện, nhưng sổ chưa ghi đã được hưởng hay chưa"}


def _prepared(decisions: pd.DataFrame, members: pd.DataFrame | None, lang: str = "en") -> pd.DataFrame:
    dec = decisions.copy()
    for name in ("household_id", "person_id", "name", "district", "commune", "village", "benefit",
                 "benefit_label", "entity", "status", "coverage", "unit", "rule", "rule_label", "reference",
                 "explanation", "missing_inputs", "unverified"):
        if name not in dec.columns:
            dec[name] = None
        dec[name] = _text(dec[name])
    for name in ("district", "commune", "village", "household_id", "person_id"):
        dec[name] = dec[name].fillna("")
    for name in ("amount", "rate"):
        dec[name] = pd.to_numeric(dec.get(name, np.nan), errors="coerce").astype(float)
    dec["reason"] = dec["explanation"].fillna("")
    unsure = (dec["status"] == "eligible") & (dec["coverage"] == "needs_data")
    if unsure.any():
        note = ENROLMENT_UNKNOWN.get(lang, ENROLMENT_UNKNOWN["en"])
        dec.loc[unsure, "reason"] = note + " — " + dec.loc[unsure, "reason"]
    if members is not None:
        dec["ethnicity"] = _ethnicity(dec, members)
    elif "ethnicity" in decisions.columns:
        dec["ethnicity"] = _text(decisions["ethnicity"]).fillna(UNKNOWN)
    else:
        dec["ethnicity"] = UNKNOWN
    return dec


def _text(series: pd.Series) -> pd.Series:
    """Text as Python objects (None for missing), whatever dtype the frame came with."""
    values = series.astype(object)
    missing = series.isna()
    if not (series.dtype == object or pd.api.types.is_string_dtype(series)
            or isinstance(series.dtype, pd.CategoricalDtype)):
        values = series.astype(str).astype(object)
    return values.where(~missing, None)


def _ethnicity(dec: pd.DataFrame, members: pd.DataFrame) -> pd.Series:
    """The ethnicity each decision is counted under (see the module docstring)."""
    if "ethnicity" not in members.columns:
        return pd.Series(UNKNOWN, index=dec.index, dtype=object)
    m = pd.DataFrame({"household_id": _text(members["household_id"]), "person_id": _text(members["person_id"]),
                      "ethnicity": _text(members["ethnicity"])})
    relation = _text(members["relation_to_head"]) if "relation_to_head" in members.columns else None
    person = m.drop_duplicates("person_id").set_index("person_id")["ethnicity"]
    known = m.dropna(subset=["ethnicity"])
    kinds = known.groupby("household_id")["ethnicity"].agg(["nunique", "first"])
    common = kinds["first"].where(kinds["nunique"] == 1, MIXED)
    if relation is not None:
        heads = m[relation.eq("head").fillna(False).to_numpy()].drop_duplicates("household_id")
        head = heads.set_index("household_id")["ethnicity"].dropna()
        household = head.combine_first(common)
    else:
        household = common
    by_person = dec["person_id"].map(person)
    by_household = dec["household_id"].map(household)
    out = np.where(dec["entity"].eq("person").to_numpy(), by_person.to_numpy(dtype=object),
                   by_household.to_numpy(dtype=object))
    return pd.Series(out, index=dec.index, dtype=object).where(pd.notna(out), UNKNOWN)


def _flags(subjects: pd.DataFrame) -> pd.DataFrame:
    flags = pd.DataFrame({"eligible": subjects["status"].eq("eligible")}, index=subjects.index)
    for name in COUNTS[1:]:
        flags[name] = subjects["coverage"].eq(name)
    return flags.astype(np.int64)


def _counts(subjects: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    flags = _flags(subjects)
    flags[keys] = subjects[keys]
    return flags.groupby(keys, sort=True, dropna=False)[COUNTS].sum()


def _amounts(dec: pd.DataFrame, keys: list[str], units: list[str]) -> pd.DataFrame:
    """Sum of the amounts of gap rows, one column per unit."""
    gap = dec[(dec["coverage"] == "gap") & dec["unit"].isin(units)]
    if gap.empty or not units:
        return pd.DataFrame(columns=[AMOUNT_PREFIX + u for u in units])
    sums = gap.groupby(keys + ["unit"], dropna=False)["amount"].sum().unstack("unit")
    return sums.reindex(columns=units).fillna(0.0).add_prefix(AMOUNT_PREFIX)


def _finish(counts: pd.DataFrame, amounts: pd.DataFrame, units: list[str]) -> pd.DataFrame:
    table = counts.join(amounts, how="left")
    cols = [AMOUNT_PREFIX + u for u in units]
    table[cols] = table.reindex(columns=cols).fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["gap_rate"] = np.where(table["eligible"] > 0, table["gap"] / table["eligible"].where(
            table["eligible"] > 0, 1), np.nan)
    return table[COUNTS + ["gap_rate"] + cols]


def _benefit_info(dec: pd.DataFrame) -> pd.DataFrame:
    return dec.groupby("benefit", sort=True)[["benefit_label", "entity", "unit"]].first()


def _by_benefit(dec: pd.DataFrame, subjects: pd.DataFrame, units: list[str]) -> pd.DataFrame:
    per = _finish(_counts(subjects, ["benefit"]), _amounts(dec, ["benefit"], units), units)
    per = _benefit_info(dec).join(per, how="right").reset_index()
    total = _total(subjects, dec, [], units)
    return pd.concat([total, per], ignore_index=True)[
        ["benefit", "benefit_label", "entity", "unit"] + COUNTS + ["gap_rate"] + [AMOUNT_PREFIX + u for u in units]]


def _total(subjects: pd.DataFrame, dec: pd.DataFrame, keys: list[str], units: list[str]) -> pd.DataFrame:
    """One row per place adding up every benefit (benefit code `*`)."""
    if keys:
        table = _finish(_counts(subjects, keys), _amounts(dec, keys, units), units).reset_index()
    else:
        flags = _flags(subjects).sum().to_frame().T
        amounts = pd.DataFrame({AMOUNT_PREFIX + u: [float(dec.loc[(dec["coverage"] == "gap") & (dec["unit"] == u),
                                                                    "amount"].sum())] for u in units})
        table = _finish(flags, amounts, units).reset_index(drop=True)
    table["benefit"] = ALL_BENEFITS
    table["benefit_label"] = ALL_BENEFITS
    table["entity"] = ""
    table["unit"] = ""
    return table


def _by_place(dec: pd.DataFrame, subjects: pd.DataFrame, keys: list[str], units: list[str]) -> pd.DataFrame:
    per = _finish(_counts(subjects, keys + ["benefit"]), _amounts(dec, keys + ["benefit"], units), units)
    per = per.reset_index().merge(_benefit_info(dec)[["benefit_label"]].reset_index(), on="benefit", how="left")
    total = _total(subjects, dec, keys, units)
    table = pd.concat([total, per], ignore_index=True)
    table = table[table[COUNTS].sum(axis=1) > 0]      # places where a benefit touches nobody: no row
    table = table.sort_values(keys + ["benefit"], kind="stable").reset_index(drop=True)
    return table[keys + ["benefit", "benefit_label"] + COUNTS + ["gap_rate"] + [AMOUNT_PREFIX + u for u in units]]
