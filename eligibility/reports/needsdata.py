"""What to ask next: for every undetermined decision, the register data that would settle it, as a
questionnaire per household (`needs_data.xlsx` and a printable `needs_data.html`, written by
`eligibility screen`).

One question is one input of one household (or of one member): `missing_inputs` of the decisions
table names them (`income_per_capita`, `household.poverty_list_status`, `date_of_birth (day and
month)` for a date known only to its year). Questions are worded from the inputs' labels in
`rules/inputs/*.yaml`, with the answers an enumeration or a yes/no allows. Each question counts the
decisions it would help settle and the money at stake in them: the highest amount among the rules
still undecided at that row (computed by the engine; a yearly figure: a monthly amount times 12;
rice, premiums and loans are not counted as money). Questions are grouped by village, then
household (the households that settle most first), then ranked within the household.

Built column-wise: the decisions are split into (decision, input) pairs with `explode`, grouped by
question with `groupby`; amounts are computed per benefit and rule over all the rows at once.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..outfolder import file_sha256
from ..vocabulary import PARTIAL_NEEDS
from ..wording import N_, translator
from ..wording.catalogue import in_lang
from ..outputs import input_labels

FILE = "needs_data"
AUTO_MAX = 20_000    # households: above, `screen` writes the questionnaire only with --questions
SKIPPED = N_("note: the questionnaire (needs_data.xlsx/.html) is written for registers of up to 20,000 households; "
             "run with --questions to write it for this one")
YEARLY = {"vnd_per_month": 12.0, "vnd_per_year": 1.0, "vnd_once": 1.0}   # money units, to a yearly figure
COLUMNS = ["commune", "village", "household_id", "head_name", "priority", "person", "question", "answers",
           "decisions", "money", "benefits", "input"]
HEADERS = {
    "commune": N_("Commune"), "village": N_("Village"), "household_id": N_("Household ID"),
    "head_name": N_("Head of household"), "priority": N_("Priority"), "person": N_("About"),
    "question": N_("Question"), "answers": N_("Possible answers"), "decisions": N_("Decisions it settles"),
    "money": N_("Money at stake (VND a year, at most)"), "benefits": N_("Supports concerned"),
    "input": N_("Register column"),
}
WORDS = {
    "household": N_("whole household"), "yes_no": N_("yes / no"), "date": N_("a date dd/mm/yyyy"),
    "number": N_("a number"), "text": N_("text"),
    "no_input": N_("no register column: a figure of the law not yet verified, or members' data"),
    PARTIAL_NEEDS["year"]: N_("the day and month are needed, only the year is known"),
    PARTIAL_NEEDS["month"]: N_("the day is needed, only the month is known"),
    "sheet": N_("Questions"),
    "title": N_("QUESTIONS TO ASK THE HOUSEHOLDS"),
    "sub": N_("The register data still missing for a decision, {village}, {commune} commune, under the law "
              "in force on {date}"),
    "note": N_("One row per question: the register data without which a support can be neither granted nor "
               "refused. Ranked within each household by the decisions and the money each answer settles."),
}


def questionnaire(screening, lang: str = "vi") -> pd.DataFrame:
    """One row per question, in the order to ask them (see the module's docstring)."""
    decisions = screening.decisions
    undetermined = decisions[decisions["status"].astype(str) == "undetermined"].copy()
    undetermined["money"] = _at_stake(screening, undetermined)
    pairs = _pairs(undetermined)
    if pairs.empty:
        return pd.DataFrame(columns=COLUMNS)
    # each question a number, in the order first met (one grouping by its five keys, not three and a
    # merge: a commune's register pays pandas' fixed costs per call, not per row); its first pair's
    # keys and person, the decisions it settles, the money summed
    keys = ["household_id", "asked", "name", "need", "table"]
    group = pairs.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    questions = pairs.iloc[np.unique(group, return_index=True)[1]][[*keys, "person"]].reset_index(drop=True)
    questions["decisions"] = np.bincount(group)
    questions["money"] = pairs["money"].groupby(group).sum().to_numpy()
    # the supports concerned, each named once: strings summed per question (in C), not joined in Python
    named = pairs.assign(group=group).drop_duplicates(["group", "benefit_label"])
    questions["benefits"] = (named["benefit_label"] + "; ").groupby(named["group"].to_numpy()).sum().str[:-2].to_numpy()
    questions = _worded(questions, screening.plan, lang)
    return _ranked(questions.merge(_households(screening), on="household_id", how="left"))[COLUMNS]


def _pairs(undetermined: pd.DataFrame) -> pd.DataFrame:
    """(decision, input) pairs: `missing_inputs` split and exploded; who is asked about each."""
    rows = undetermined[["household_id", "person_id", "name", "entity", "benefit", "benefit_label",
                         "missing_inputs", "money"]].copy()
    for column in ("household_id", "person_id", "name", "entity", "benefit_label", "missing_inputs"):
        rows[column] = _text(rows[column])
    rows = rows.rename(columns={"name": "person"})
    rows["item"] = rows["missing_inputs"].str.split(r"\s*,\s*", regex=True)
    rows = rows.explode("item", ignore_index=True)
    rows["item"] = rows["item"].fillna("")
    parts = rows["item"].str.extract(r"^(?:(?P<prefix>household|member)\.)?(?P<name>[^ ]*)(?: \((?P<need>[^)]*)\))?$")
    rows["name"], rows["need"] = parts["name"].fillna(""), parts["need"].fillna("")
    household_level = parts["prefix"].eq("household") | rows["entity"].eq("household")
    rows["table"] = np.where(household_level, "households", "members")
    # a member's question is asked about that member; a household's about the household
    rows["asked"] = np.where(household_level, "", rows["person_id"])
    rows["person"] = np.where(household_level, "", rows["person"])
    return rows


def _at_stake(screening, undetermined: pd.DataFrame) -> np.ndarray:
    """Per undetermined decision, the highest yearly amount in đồng among its undecided rules (0
    where none is known or the unit is not money). Per benefit and rule, over all its rows at once."""
    money = np.zeros(len(undetermined))
    ev = screening.evaluation
    if ev is None or undetermined.empty:   # the durable engine keeps no evaluation: no figure to rank by
        return money
    entity = undetermined["entity"].astype(str).to_numpy()
    rows = np.where(entity == "person",
                    pd.Index(ev.members["person_id"].astype(str)).get_indexer(undetermined["person_id"].astype(str)),
                    pd.Index(ev.households["household_id"].astype(str)).get_indexer(
                        undetermined["household_id"].astype(str)))
    benefits = undetermined["benefit"].astype(str).to_numpy()
    for name in pd.unique(benefits):
        factor = YEARLY.get(ev.plan.benefits[name].unit)
        result = ev.benefits.get(name)
        if factor is None or result is None:
            continue
        at = np.flatnonzero((benefits == name) & (rows >= 0))
        best = np.zeros(len(at))
        for outcome in result.outcomes:
            undecided = outcome.unknown_at(rows[at])
            if not undecided.any():
                continue
            amount = ev.at(outcome.rule.amount, result.benefit.entity, rows[at][undecided]).point()
            amount = amount.full(int(undecided.sum()))
            best[undecided] = np.fmax(best[undecided], np.where(amount.k, np.asarray(amount.v, dtype=float), 0.0))
        money[at] = best * factor
    return money


def _worded(questions: pd.DataFrame, plan, lang: str) -> pd.DataFrame:
    """The question in `lang` from the input's label, and the answers its type allows."""
    _ = translator(lang)
    labels = input_labels(plan, lang)
    answers = _answers(plan, lang)
    label = questions["name"].map(labels).fillna(questions["name"])
    need = questions["need"].map(lambda n: f" ({_(WORDS[n])})" if n in WORDS else "")
    asked = np.where(questions["name"] == "", _(WORDS["no_input"]), label + need)
    out = questions.assign(question=asked, answers=questions["name"].map(answers).fillna(""), input=questions["name"])
    out["person"] = out["person"].where(out["person"] != "", _(WORDS["household"]))
    return out


def _answers(plan, lang: str) -> dict[str, str]:
    """{input: the answers it allows, as an officer writes them}."""
    _ = translator(lang)
    out: dict[str, str] = {}
    for table in (plan.inputs.households, plan.inputs.members):
        for name, spec in table.columns.items():
            if spec.values:
                out[name] = " / ".join(getattr(v, lang) for v in spec.values.values())
            else:
                kind = {"bool": "yes_no", "date": "date", "text": "text"}.get(spec.type, "number")
                out[name] = _(WORDS[kind])
    return out


def _households(screening) -> pd.DataFrame:
    source = screening.evaluation.households if screening.evaluation is not None else screening.register.households
    frame = source[["household_id", "head_name", "commune", "village"]].copy()
    for column in frame.columns:
        frame[column] = _text(frame[column])
    return frame


def _text(column: pd.Series) -> pd.Series:
    """The column as text, "" where it is missing. A text column is filled as it is; another (categories)
    goes through Python objects: a small register pays a pandas call less per column, not three more."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("").astype(str)
    return column.astype(object).where(column.notna(), "").astype(str)


def _ranked(questions: pd.DataFrame) -> pd.DataFrame:
    """Villages in order; in each, the households whose answers settle most first; in each household,
    its questions by the decisions, then the money, each settles."""
    totals = questions.groupby("household_id")[["decisions", "money"]].transform("sum")
    ordered = questions.assign(hh_decisions=totals["decisions"], hh_money=totals["money"]).sort_values(
        ["commune", "village", "hh_decisions", "hh_money", "household_id", "decisions", "money", "person", "input"],
        ascending=[True, True, False, False, True, False, False, True, True], kind="stable")
    ordered["priority"] = ordered.groupby("household_id", sort=False).cumcount() + 1
    return ordered.reset_index(drop=True)


def questions_written(decisions: pd.DataFrame, wanted: bool | None) -> bool:
    """Whether `write_needs_data(…, wanted)` writes the questionnaire for these decisions."""
    return bool(wanted) or wanted is None and _decided_households(decisions) <= AUTO_MAX


def _decided_households(decisions: pd.DataFrame) -> int:
    return len(decisions["household_id"].unique())


def write_needs_data(screening, folder, lang: str = "vi", wanted: bool | None = None) -> dict[str, Path]:
    """`needs_data.xlsx` and `needs_data.html` into the output folder (an `outfolder.Staging`), recorded
    in its manifest under `needs_data`; returns {name: path in the staging folder}. `wanted` None: for
    registers of up to AUTO_MAX households (a paper for communes; a province's register would spend
    more time on it than on screening); a register left without it is said so in the manifest."""
    households = _decided_households(screening.decisions) if wanted is None else 0
    if wanted is False or (wanted is None and households > AUTO_MAX):
        if folder.run is not None:
            folder.run["needs_data"] = {"written": False, "reason": "--no-questions" if wanted is False else
                                        f"{households:,} households > {AUTO_MAX:,}: run with --questions to write it"}
        return {}
    from .needsdata_html import write_needs_html   # imported only to write: the workbook writer brings openpyxl
    from .workbook import write_gap_workbook

    _ = translator(lang)
    table = questionnaire(screening, lang)
    out = Path(folder.path)
    date = screening.as_of.strftime("%d/%m/%Y") if lang == "vi" else screening.as_of.isoformat()
    notes = [_("Under the law in force on {date}").format(date=date), _(WORDS["note"])]
    written = {
        "needs_data_xlsx": write_gap_workbook({_(WORDS["sheet"]): table}, out / f"{FILE}.xlsx", None, lang,
                                              headers=in_lang(HEADERS, lang), notes=notes),
        "needs_data_html": write_needs_html(table, out / f"{FILE}.html", lang, date),
    }
    if folder.run is not None:
        folder.run["needs_data"] = {
            "written": True, "lang": lang, "questions": int(len(table)), "households": int(table["household_id"].nunique()),
            "undetermined_decisions": int((screening.decisions["status"].astype(str) == "undetermined").sum()),
            **{k: f"{p.name} sha256:{file_sha256(p)}" for k, p in written.items()}}
    return written
