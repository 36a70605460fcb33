"""The public API: compile a rule pack, screen a register (or a few records), write the outputs."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .decisions import build_decisions
from .engines.vectorised import Evaluation, evaluate
from .records import frames_from_records
from .register.identity import IDENTITY_INPUTS
from .rulebook.plan import Plan
from .rulebook.load import resolve_rules_dir

ENGINES = ("vectorised", "durable")
# households: a register up to this size keeps its evaluation whatever `screen_register` is asked: its
# questionnaire, written by default up to as many (reports/needsdata.py `AUTO_MAX`), reads it again (on
# the demo, computing it again cost more than its release saves: its memory is no concern)
KEEP_UP_TO = 20_000


@lru_cache(maxsize=8)
def _cached_plan(folder: str, digest: str) -> Plan:
    from .rulebook.plancache import cached_plan

    return cached_plan(folder, digest)   # kept between runs in the user's cache folder


def load_rules(rules_dir: str | Path | None = None, use_unverified: bool = False) -> Plan:
    """Compile a rule pack (cached per folder and content, so repeated calls cost nothing).

    Values graded D are withheld unless `use_unverified` (the run's `--use-unverified`): every decision
    and amount resting on one is then unknown, with the reason (`rulebook/unverified.py`)."""
    from .rulebook.load import pack_digest

    folder = resolve_rules_dir(rules_dir)
    return _cached_plan(str(folder), pack_digest(folder)).with_unverified(use_unverified)


@dataclass
class Screening:
    """The outcome of screening one register at one as-of date."""

    plan: Plan
    as_of: dt.date
    decisions: pd.DataFrame
    evaluation: Evaluation | None = None
    register: Any = None                 # eligibility.register.Register when read from files
    engine: str = "vectorised"
    extra: dict = field(default_factory=dict)


def evaluate_frames(plan: Plan, households: pd.DataFrame, members: pd.DataFrame, as_of: dt.date,
                    engine: str = "vectorised", include_all: bool = False, lang: str = "en",
                    progress=None, listed=None, explained: bool = True, release: bool = False) -> Screening:
    """Screen typed household and member frames with the chosen engine. `listed`
    (`audit.listed.Listed`): the people the programme lists name keep their rows (vectorised engine;
    the durable engine's missing rows are screened again by the audit). `explained=False`: no
    explanation or missing inputs (vectorised engine; `build_decisions`). `release`: the evaluation's
    results forgotten before the decisions table is assembled (`Evaluation.release`: computed again
    if read after all)."""
    if engine == "durable":
        from .engines.durable import screen_durable

        decisions = screen_durable(plan, households, members, as_of, include_all=include_all, lang=lang)
        return Screening(plan, as_of, decisions, engine="durable")
    ev = evaluate(plan, households, members, as_of, progress=progress)
    masks = listed.masks(ev.households, ev.members) if listed is not None and not include_all else None
    return Screening(plan, as_of, build_decisions(ev, include_all=include_all, lang=lang, listed=masks,
                                                  explained=explained, release=release), ev)


def screen_records(households: list[dict], members: list[dict], as_of: dt.date, plan: Plan | None = None,
                   engine: str = "vectorised", include_all: bool = True, lang: str = "en") -> Screening:
    """Screen households given as plain records (examples, scenarios, a single-household check)."""
    plan = plan or load_rules()
    hh, mm = frames_from_records(plan.inputs, households, members)
    return evaluate_frames(plan, hh, mm, as_of, engine=engine, include_all=include_all, lang=lang)


def screen_register(path: str | Path, as_of: dt.date, rules_dir: str | Path | None = None, strict: bool = False,
                    engine: str = "vectorised", include_all: bool = False, lang: str = "en",
                    progress=None, use_unverified: bool = False, read_options=None, once=None,
                    explained: bool = True, early=None, release: bool = False) -> Screening:
    """Read and check a register (CSV folder, XLSX or Parquet), then screen every accepted row.
    `read_options`: `register.options.ReadOptions` (--columns, --accept-suggested, --blank-means-no);
    `once`: a `register.once.ReadOnce` shared by two screenings of one register (`diff`);
    `explained=False`: decisions without explanation or missing inputs (`diff` reads neither);
    `early`: a `register.early.EarlyRead` of the register, started by the caller (else started here,
    while the rules load; not under `once`, whose second read reads no file). `release`: for a
    caller that reads only the decisions and the register's record afterwards (`screen` without
    --papers or --questions): the evaluation's results forgotten before the decisions table is
    assembled, and the register's input columns with `release_inputs` before writing (a register of
    over `KEEP_UP_TO` households only)."""
    from .engines.memory import reuse_freed_buffers
    from .register.early import EarlyRead

    reuse_freed_buffers()   # before reading: the reader's buffers are reused by the engine
    early = EarlyRead.start(path) if early is None and once is None else early
    try:
        from .register import read_register
        from .register.mapping import note_absent

        plan = load_rules(rules_dir, use_unverified)
        register = read_register(path, plan.inputs, as_of, strict=strict, options=read_options, once=once,
                                 early=early)
    finally:
        if early is not None:
            early.close()   # what the reader did not take
    note_absent(register.mapping, plan, plan.inputs)
    return screen_audited(plan, register, as_of, engine=engine, include_all=include_all, lang=lang,
                          progress=progress, explained=explained,
                          release=release and len(register.households) > KEEP_UP_TO)


def screen_audited(plan: Plan, register, as_of: dt.date, engine: str = "vectorised", include_all: bool = False,
                   lang: str = "en", progress=None, explained: bool = True, release: bool = False) -> Screening:
    """Screen a read register's frames, with the audit of its programme lists where it gives them."""
    from .audit.listed import read_lists

    listed = read_lists(plan, register, as_of)   # before screening: the listed people keep their rows
    result = evaluate_frames(plan, register.households, register.members, as_of, engine=engine,
                             include_all=include_all, lang=lang, progress=progress, listed=listed, explained=explained,
                             release=release)
    result.register = register
    _audit(result, include_all, lang, listed)
    return result


def _audit(result: Screening, include_all: bool, lang: str, listed=None) -> None:
    """Coverage from the programmes' own lists where the register gives them (eligibility/audit/);
    the findings go to `result.extra["audit"]`."""
    from .audit import audit_lists

    register = result.register

    def every_row(household_ids: list[str]) -> pd.DataFrame:
        hh = register.households[register.households["household_id"].isin(household_ids)]
        mm = register.members[register.members["household_id"].isin(household_ids)]
        return evaluate_frames(result.plan, hh, mm, result.as_of, engine=result.engine, include_all=True,
                               lang=lang).decisions

    def these_frames(households: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
        return evaluate_frames(result.plan, households, members, result.as_of, engine=result.engine,
                               include_all=True, lang=lang).decisions

    from .audit.merit import summed_merit

    result.decisions = summed_merit(register, result.decisions, these_frames, lang)   # Art. 6(3)
    audit = audit_lists(result.plan, register, result.decisions, result.as_of, every_row, include_all, listed)
    result.decisions = audit.decisions
    result.extra["audit"] = audit


def release_inputs(result: Screening, questions: bool | None) -> None:
    """Before a releasing `screen` writes its outputs (`screen_register(release=True)`): the register's
    columns but its IDs, names and places dropped (the outputs read those only, through the decisions'
    identity columns; about 150 MB at 1 M persons), unless the questionnaire (`questions`, as
    `write_needs_data` decides it) will read the evaluation again. The evaluation is then final:
    reading its results is an error, not a run over missing columns."""
    from .engines.memory import give_back
    from .reports.needsdata import questions_written

    ev = result.evaluation
    if ev is None or not ev.released or questions_written(result.decisions, questions):
        return
    ev.release_inputs(IDENTITY_INPUTS)
    register = result.register
    for table, entity in (("households", "household"), ("members", "person")):
        frame = getattr(register, table)
        setattr(register, table, frame[[c for c in frame.columns if c in IDENTITY_INPUTS[entity]]])
    give_back()   # their pages back to the kernel: the writers' row groups do not fit their holes (engines/memory.py)


def explain_register(path: str | Path, household_id: str, as_of: dt.date, rules_dir: str | Path | None = None,
                     engine: str = "vectorised", use_unverified: bool = False, read_options=None) -> dict:
    """Explain one household of a register: only its rows are read (Parquet filtered as it is read,
    CSV and workbooks filtered before typing) and checked as usual; the whole register is read only
    to say why an id is not there (rejected, or a close id)."""
    from .errors import DataError
    from .explain import explain_household
    from .messages import message
    from .register import read_register
    from .suggestions import suggest

    plan = load_rules(rules_dir, use_unverified)
    register = read_register(path, plan.inputs, as_of, options=read_options, household=household_id)
    ids = register.households["household_id"].astype(str)
    if not (ids == household_id).any():
        register = read_register(path, plan.inputs, as_of, options=read_options)   # to say why, with a hint
        ids = register.households["household_id"].astype(str)
        _refuse_rejected(register, household_id)
        hint = suggest(household_id, ids.iloc[:5000])
        raise DataError(message("no_household", household=household_id)
                        + (message("did_you_mean", hint=hint) if hint else ""), file=str(path))
    hh = register.households[ids == household_id]
    mm = register.members[register.members["household_id"].astype(str) == household_id]
    from .register.elsewhere import ids_elsewhere   # explain only: the CSV reader on demand

    twice = ids_elsewhere(path, plan.inputs, mm, register.headers.get("members", {}), household_id)
    mm = mm[~mm["_row"].isin([member.pop("read_row") for member in twice])]
    ev = evaluate(plan, hh, mm, as_of)
    data = explain_household(ev, household_id)
    data["lists"] = _household_audit(plan, register, hh, mm, as_of, household_id, data)
    data["rejected_members"] = _rejected_members(register, household_id) + twice
    data["cell_issues"] = _cell_issues_of(register, hh, mm)
    if engine == "durable":
        from .engines.durable import screen_durable

        data["durable_check"] = _cross_check(build_decisions(ev, include_all=True),
                                             screen_durable(plan, hh, mm, as_of, include_all=True))
    return data


def _household_audit(plan: Plan, register, hh: pd.DataFrame, mm: pd.DataFrame, as_of: dt.date,
                     household_id: str, data: dict) -> dict | None:
    """Where the register gives programme lists: the household's coverage from them, as `screen` judges
    it, written into `data`'s decisions, and its findings. Only entries naming the household or its
    members by ID are read here; an entry without an ID is matched by name against the whole register
    by `screen` alone, so such entries are counted and the explanation says so."""
    from dataclasses import replace

    tables = getattr(register, "tables", None) or {}
    lists = tables.get("programme_lists")
    if lists is None or lists.empty:
        return None
    blank = pd.Series(pd.NA, index=lists.index, dtype="string")
    person = lists["person_id"].astype("string") if "person_id" in lists else blank
    home = lists["household_id"].astype("string") if "household_id" in lists else blank
    people = mm["person_id"].astype(str)
    mine = (person.isin(people) | (person.isna() & (home == household_id))).fillna(False).to_numpy(dtype=bool)
    merit = tables.get("merit_records")
    kept = {"programme_lists": lists[mine]}
    if merit is not None:
        kept["merit_records"] = merit[merit["person_id"].astype(str).isin(people).to_numpy()]
    result = screen_audited(plan, replace(register, households=hh, members=mm, tables={**tables, **kept}), as_of,
                            include_all=True)
    _coverage_from_lists(data, result.decisions)
    found = result.extra["audit"].findings
    return {"entries": int(mine.sum()), "without_id": int((person.isna() & home.isna()).sum()),
            "findings": found.astype(object).where(found.notna(), None).to_dict("records")}


def _coverage_from_lists(data: dict, decisions: pd.DataFrame) -> None:
    """The explanation's coverage words replaced by the audit's, decision by decision."""
    person = decisions["person_id"].astype(object).where(decisions["person_id"].notna(), "")
    found = dict(zip(zip(decisions["benefit"].astype(str), person.astype(str)), decisions["coverage"].astype(str)))
    for entry in data["benefits"]:
        entry["coverage"] = found.get((entry["benefit"], ""), entry["coverage"])
    for member in data["members"]:
        for entry in member["benefits"]:
            entry["coverage"] = found.get((entry["benefit"], member["person_id"]), entry["coverage"])


def _cell_issues_of(register, hh: pd.DataFrame, mm: pd.DataFrame) -> list[dict]:
    """The household's cells not understood (unknown in this explanation) or otherwise listed."""
    issues = getattr(register, "cell_issues", None)
    if issues is None or issues.empty:
        return []
    mine = (((issues["table"] == "households") & issues["row"].isin(hh["_row"]))
            | ((issues["table"] == "members") & issues["row"].isin(mm["_row"]))).fillna(False).to_numpy(dtype=bool)
    picked = issues[mine][["file", "row", "column", "value", "reason", "code", "action"]].astype(object)
    return [{**r, "row": int(r["row"])} for r in picked.to_dict("records")]


def _rejected_members(register, household_id: str) -> list[dict]:
    """Members of this household whose rows were rejected: the household is explained without them."""
    keys = register.rejected_keys.get("members")
    if keys is None or keys.empty or "parent" not in keys:
        return []
    hit = keys[keys["parent"].astype(str) == household_id]
    rejects = register.rejects[register.rejects["table"] == "members"]
    out = []
    for person, row in zip(hit["key"].astype(str), hit["row"].astype(int)):  # the few rows of one household
        reasons = rejects[rejects["row"] == row]
        out.append({"person_id": person, "row": row, "file": str(reasons["file"].iloc[0]) if len(reasons) else "",
                    "reason": "; ".join(f"column '{c}': {r}" for c, r in zip(reasons["column"], reasons["reason"])),
                    "codes": [[str(c), str(k)] for c, k in zip(reasons["column"], reasons["code"])]})
    return out


def _refuse_rejected(register, household_id: str) -> None:
    """A household whose row was rejected is not 'not found': say so, with the row and why."""
    from .errors import DataError

    keys = register.rejected_keys.get("households")
    if keys is None or keys.empty:
        return
    hit = keys[keys["key"].astype(str) == household_id]
    if hit.empty:
        return
    row = int(hit["row"].iloc[0])
    reasons = register.rejects[(register.rejects["table"] == "households") & (register.rejects["row"] == row)]
    from .errors import say
    from .messages import language
    from .register.model import REJECT_CODES
    from .wording.catalogue import N_

    vi = language() != "en"   # under vi each code's meaning in words (the detail, in English, is in rejects.*)
    why = "; ".join(say(N_("column '{column}': {reason}"), column=c,
                        reason=say(REJECT_CODES[k]) if vi and k in REJECT_CODES else r)
                    for c, r, k in zip(reasons["column"], reasons["reason"], reasons["code"]))
    raise DataError(say(N_("household '{household}' was rejected, so it was not screened: {why}; correct the row "
                           "and run again"), household=household_id, why=why),
                    file=str(reasons["file"].iloc[0]) if len(reasons) else None, row=row)


def _cross_check(vectorised: pd.DataFrame, durable: pd.DataFrame) -> dict:
    """Do both engines agree on this household (status, amount, rule)?"""
    keys = ["person_id", "benefit", "rule"]

    def plain(frame: pd.DataFrame) -> pd.DataFrame:   # compare values, not column dtypes
        out = frame[keys + ["status"]].astype(str).replace({"<NA>": "", "nan": "", "None": ""})
        out["amount"] = pd.to_numeric(frame["amount"], errors="coerce").round(0).fillna(-1).to_numpy()
        return out.sort_values(keys).reset_index(drop=True)

    a, b = plain(vectorised), plain(durable)
    return {"agree": bool(a.equals(b)), "decisions": len(a)}
