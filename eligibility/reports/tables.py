"""Coverage-gap tables: counts and amounts by benefit, place and ethnicity, and the lists behind them.

Everything is a pandas groupby over the decisions table (no loop over rows): the grouping keys are
made categorical once, the counts are sums of 0/1 flags. A count is a number of *decisions*: one
per (person, benefit) for person benefits and one per (household, benefit) for household benefits;
under hit policy `all` a decision may have several rows (one per matching rule) and still counts
once, while its amounts add up.

Ethnicity (a person column in the register):
* person benefits use the person's ethnicity;
* household benefits use the head of household's (`relation_to_head == 'head'`); where no head is
  recorded or the head's ethnicity is blank, the members' common ethnicity, `mixed` when the
  members' ethnicities differ, `unknown` when none is recorded.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..wording.catalogue import N_, translator
from .labels import ALL_BENEFITS, AMOUNT_PREFIX, MIXED, UNITS, UNKNOWN

COUNTS = ["eligible", "covered", "gap", "leakage", "needs_data"]
PLACES = {"by_district": ["district"], "by_commune": ["district", "commune"],
          "by_village": ["district", "commune", "village"], "by_ethnicity": ["ethnicity"]}
KEYS = ["district", "commune", "village", "ethnicity", "benefit", "unit"]
LIST_COLUMNS = ["district", "commune", "village", "household_id", "person_id", "name", "ethnicity", "benefit",
                "benefit_label", "entity", "status", "coverage", "amount", "unit", "rate", "rule", "rule_label",
                "reference", "reason", "missing_inputs", "unverified"]
TEXT_COLUMNS = [c for c in LIST_COLUMNS if c not in ("amount", "rate")]
LISTS = {"gap_list": "gap", "leakage_list": "leakage", "needs_data_list": "needs_data"}
VIEWS = ["by_benefit", *PLACES, *LISTS]
ENROLMENT_UNKNOWN = N_("eligible, but the register does not say whether it is already received")


def gap_tables(decisions: pd.DataFrame, members: pd.DataFrame | None = None,
               lang: str = "en") -> dict[str, pd.DataFrame]:
    """The views of a gap report, keyed by name (see `VIEWS`).

    `decisions` is the entitlements table (`Screening.decisions`, English codes); `members` the
    screened member frame (`Screening.evaluation.members`) that gives each decision its ethnicity.
    Without `members`, an `ethnicity` column already in `decisions` is used, else `unknown`.
    Place views list a (place, benefit) only where at least one decision counts; `lang` is the
    language of the note added to the reason of an eligible decision whose enrolment is unknown.
    """
    return gap_views([gap_part(decisions, members, lang)])


@dataclass(frozen=True)
class GapPart:
    """What the gap report needs of one part of a register: counts and gap amounts summed per
    (place, ethnicity, benefit, unit), the benefits' labels, and the list rows. Parts of a
    partitioned run are reduced where they are screened and added up by `gap_views`."""

    counts: pd.DataFrame
    info: pd.DataFrame
    lists: dict[str, pd.DataFrame]


def gap_part(decisions: pd.DataFrame, members: pd.DataFrame | None = None, lang: str = "en") -> GapPart:
    dec = decisions.reset_index(drop=True)
    ethnicity = _ethnicity(dec, members)
    frame = pd.DataFrame({k: _key(dec[k]) if k in dec.columns else _key(pd.Series("", index=dec.index))
                          for k in KEYS if k != "ethnicity"})
    frame["ethnicity"] = pd.Categorical(ethnicity)
    amount = pd.to_numeric(dec["amount"], errors="coerce").astype(float) if "amount" in dec.columns else np.nan
    status = dec["status"].astype(object).to_numpy()
    coverage = dec["coverage"].astype(object).to_numpy()
    frame["eligible"] = (status == "eligible").astype(np.int64)
    for name in COUNTS[1:]:
        frame[name] = (coverage == name).astype(np.int64)
    # a decision counts once even when hit policy `all` gives it several rows
    subject = [c for c in ("benefit", "household_id", "person_id") if c in dec.columns]
    repeat = dec.duplicated(subject).to_numpy() if len(dec) else np.zeros(0, dtype=bool)
    if repeat.any():
        frame.loc[repeat, COUNTS] = 0
    frame["gap_amount"] = np.where(coverage == "gap", np.asarray(amount, dtype=float), np.nan)
    # the gap amounts are summed (blanks as 0), as the views sum them
    counts = frame.groupby(KEYS, observed=True, sort=False)[COUNTS + ["gap_amount"]].sum().reset_index()
    lists = {view: _list(dec, ethnicity, coverage == wanted, lang) for view, wanted in LISTS.items()}
    return GapPart(counts, _benefit_info(dec), lists)


def gap_views(parts: list[GapPart]) -> dict[str, pd.DataFrame]:
    """The report's views from the parts' sums (one part for a register screened whole)."""
    counts = pd.concat([p.counts for p in parts], ignore_index=True)
    frame = pd.DataFrame({k: pd.Categorical(counts[k].astype(object).to_numpy(dtype=object)) for k in KEYS})
    for name in COUNTS:
        frame[name] = counts[name].to_numpy(dtype=np.int64)
    frame["gap_amount"] = counts["gap_amount"].to_numpy(dtype=float)
    info = pd.concat([p.info for p in parts])
    info = info[~info.index.duplicated()].sort_index()
    units = [u for u in UNITS if u in set(frame["unit"].astype(object))]
    out = {"by_benefit": _by_benefit(frame, units, info)}
    for view, keys in PLACES.items():
        out[view] = _by_place(frame, keys, units, info)
    for view in LISTS:
        rows = [p.lists[view] for p in parts]
        out[view] = rows[0] if len(rows) == 1 else sort_list(pd.concat(rows, ignore_index=True))
    return out


# ---------------------------------------------------------------- building blocks
def _key(series: pd.Series) -> pd.Categorical:
    """A grouping key: text, blanks as "", categorical (categories sorted)."""
    values = series.astype(object).where(series.notna(), "")
    if not (isinstance(series.dtype, pd.CategoricalDtype) or series.dtype == object
            or pd.api.types.is_string_dtype(series)):
        values = values.map(str)
    return pd.Categorical(values.to_numpy(dtype=object))


def _text(series: pd.Series) -> pd.Series:
    """Text values (str, missing as NA/None): text and categorical columns as they are, others as str."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.astype(object).where(series.notna(), None)
    if series.dtype == object or pd.api.types.is_string_dtype(series):
        return series
    return series.astype(object).map(str).where(series.notna(), None)


def _lookup(keys: pd.Series, table: pd.Series) -> np.ndarray:
    """table[key] for every key (None where absent), by one hash join."""
    if not len(table):
        return np.full(len(keys), None, dtype=object)
    pos = pd.Index(table.index).get_indexer(keys)
    values = np.append(table.to_numpy(dtype=object), None)
    return values[np.where(pos < 0, len(table), pos)]


def _ethnicity(dec: pd.DataFrame, members: pd.DataFrame | None) -> np.ndarray:
    """The ethnicity each decision row is counted under (see the module docstring)."""
    n = len(dec)
    if members is None or "ethnicity" not in members.columns:
        if members is None and "ethnicity" in dec.columns:
            values = dec["ethnicity"].astype(object).to_numpy()
            return np.where(pd.isna(values), UNKNOWN, values).astype(object)
        return np.full(n, UNKNOWN, dtype=object)
    eth = members["ethnicity"].astype(object).to_numpy()
    eth = np.where(pd.isna(eth), None, eth)
    m = pd.DataFrame({"household_id": members["household_id"].astype(object).to_numpy(),
                      "person_id": members["person_id"].astype(object).to_numpy(), "ethnicity": eth})
    person = m.drop_duplicates("person_id").set_index("person_id")["ethnicity"]
    known = m.dropna(subset=["ethnicity"])
    kinds = known.groupby("household_id", sort=False)["ethnicity"].agg(["nunique", "first"])
    household = kinds["first"].where(kinds["nunique"] == 1, MIXED)
    if "relation_to_head" in members.columns:
        is_head = (members["relation_to_head"].astype(object) == "head").to_numpy(dtype=bool)
        heads = m[is_head].drop_duplicates("household_id")
        household = heads.set_index("household_id")["ethnicity"].dropna().combine_first(household)
    blank = pd.Series(np.full(n, None, dtype=object))
    hh_ids = dec["household_id"].astype(object) if "household_id" in dec.columns else blank
    p_ids = dec["person_id"].astype(object) if "person_id" in dec.columns else blank
    is_person = (dec["entity"].astype(object) == "person").to_numpy(dtype=bool) if "entity" in dec.columns \
        else p_ids.notna().to_numpy()
    out = np.where(is_person, _lookup(p_ids, person), _lookup(hh_ids, household))
    return np.where(pd.isna(out), UNKNOWN, out).astype(object)


def _benefit_info(dec: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("benefit_label", "entity", "unit") if c in dec.columns]
    info = dec[["benefit", *cols]].drop_duplicates("benefit")
    info = pd.DataFrame({c: _text(info[c]).fillna("") for c in ["benefit", *cols]}).set_index("benefit")
    return info.reindex(columns=["benefit_label", "entity", "unit"]).fillna("").sort_index()


def _aggregate(frame: pd.DataFrame, keys: list[str], units: list[str]) -> pd.DataFrame:
    """Counts, gap rate and the gap amount per unit, grouped by `keys` (all rows when empty)."""
    if keys:
        grouped = frame.groupby(keys, observed=True, sort=True)
        counts = grouped[COUNTS].sum()
        amounts = frame.groupby(keys + ["unit"], observed=True, sort=True)["gap_amount"].sum().unstack("unit")
    else:
        counts = frame[COUNTS].sum().to_frame().T
        amounts = frame.groupby("unit", observed=True)["gap_amount"].sum().to_frame().T
        amounts.index = counts.index
    amounts = amounts.reindex(index=counts.index, columns=units).astype(float).fillna(0.0)
    table = counts.astype(np.int64)
    eligible = table["eligible"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["gap_rate"] = np.where(eligible > 0, table["gap"].to_numpy() / np.maximum(eligible, 1), np.nan)
    for unit in units:
        # shares of a premium are not whole numbers: summed in another order (a register in parts) they
        # differ in the 15th digit (83.10000000000001 against 83.1); six decimals are the report's figure
        table[AMOUNT_PREFIX + unit] = np.round(amounts[unit].to_numpy(), 6) + 0.0
    return table


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Index → columns, categorical keys → plain text (so writers treat them as text)."""
    table = table.reset_index(drop=False)
    for name in table.columns:
        if isinstance(table[name].dtype, pd.CategoricalDtype):
            table[name] = table[name].astype(object).astype(str).astype(object)
    return table


def _by_benefit(frame: pd.DataFrame, units: list[str], info: pd.DataFrame) -> pd.DataFrame:
    per = _plain(_aggregate(frame, ["benefit"], units))
    per = per.join(info, on="benefit")
    total = _plain(_aggregate(frame, [], units)).drop(columns="index")
    total["benefit"], total["benefit_label"], total["entity"], total["unit"] = ALL_BENEFITS, ALL_BENEFITS, "", ""
    columns = ["benefit", "benefit_label", "entity", "unit"] + COUNTS + ["gap_rate"] + [AMOUNT_PREFIX + u for u in units]
    return pd.concat([total[columns], per[columns]], ignore_index=True)


def _by_place(frame: pd.DataFrame, keys: list[str], units: list[str], info: pd.DataFrame) -> pd.DataFrame:
    per = _plain(_aggregate(frame, keys + ["benefit"], units))
    per["benefit_label"] = per["benefit"].map(info["benefit_label"]).fillna("")
    total = _plain(_aggregate(frame, keys, units))
    total["benefit"], total["benefit_label"] = ALL_BENEFITS, ALL_BENEFITS
    columns = keys + ["benefit", "benefit_label"] + COUNTS + ["gap_rate"] + [AMOUNT_PREFIX + u for u in units]
    table = pd.concat([total[columns], per[columns]], ignore_index=True)
    table = table[table[COUNTS].sum(axis=1) > 0]      # places where a benefit touches nobody: no row
    return table.sort_values(keys + ["benefit"], kind="stable").reset_index(drop=True)


def _list(dec: pd.DataFrame, ethnicity: np.ndarray, mask: np.ndarray, lang: str) -> pd.DataFrame:
    """The decision rows behind a figure (text only for those rows), sorted by place and person."""
    rows = dec[mask]
    out = pd.DataFrame(index=rows.index)
    for name in LIST_COLUMNS:
        if name == "ethnicity":
            out[name] = pd.Series(ethnicity[mask], index=rows.index, dtype=object)
        elif name == "reason":
            source = rows["explanation"] if "explanation" in rows.columns else pd.Series(None, index=rows.index)
            out[name] = _text(source).fillna("")
        elif name in ("amount", "rate"):
            out[name] = pd.to_numeric(rows[name], errors="coerce").astype(float) if name in rows.columns \
                else np.nan
        elif name in rows.columns:
            out[name] = _text(rows[name])
        else:
            out[name] = pd.Series(None, index=rows.index, dtype=object)
    for name in ("district", "commune", "village", "household_id", "person_id"):
        out[name] = out[name].fillna("")
    unsure = (out["status"] == "eligible") & (out["coverage"] == "needs_data")
    if unsure.any():
        note = translator(lang)(ENROLMENT_UNKNOWN)
        out.loc[unsure, "reason"] = (note + " — " + out.loc[unsure, "reason"]).str.rstrip(" —")
    return sort_list(out)


def sort_list(rows: pd.DataFrame) -> pd.DataFrame:
    """List rows by place, household, person, benefit and rule."""
    order = ["district", "commune", "village", "household_id", "person_id", "benefit", "rule"]
    codes = [pd.factorize(rows[c].astype(object).fillna("").to_numpy(dtype=object), sort=True)[0]
             for c in reversed(order)]
    ranks = np.lexsort(codes) if len(rows) else np.zeros(0, dtype=np.int64)
    return rows.iloc[ranks].reset_index(drop=True)
