"""The words a decision is written in, defined once: status, coverage, hit policy, and the rule
that turns a status and an enrolment into a coverage.

Each vocabulary is a `str` enum, so a member is written (CSV, JSON, parquet, f-strings) as its
value and compares equal to it: `Status.ELIGIBLE == "eligible"`. The vectorised engine keeps
statuses and coverages as small integers in numpy columns; a member's `code` is its position in
its class. To add a word (the audit statuses, say), add a member AT THE END of its class (codes
of the others stay as they are) and, for a status, its row of `COVERAGE_RULE`; an import-time
check refuses a status without one.

Each word's label (what a reader sees: `Coverage.GAP.label("vi") == "bỏ sót"`) and, for the words
that need one, its description (`"eligible but not receiving it"`) are messages of the one gettext
catalogue (`eligibility/wording`); no other module words a status, a coverage or a hit policy.

This module sits at the bottom of the layers, beside `errors` and `wording`: rulebook, engines,
decisions, explanations and reports all read it; of the package it imports only `wording`.
"""
from __future__ import annotations

import functools
from enum import IntEnum, StrEnum
from typing import Any, TypeVar, overload

import numpy as np
import numpy.typing as npt

from .wording.catalogue import N_, translator
from .wording.formats import format_number

W = TypeVar("W", bound="Vocabulary")


class Vocabulary(StrEnum):
    """A closed set of words; each member also has an integer `code` (its position)."""

    @property
    def code(self) -> int:
        return _codes(type(self))[self]

    @classmethod
    def words(cls) -> list[str]:
        """The values in code order: `words()[member.code] == member`."""
        return [member.value for member in cls]

    @classmethod
    def from_code(cls: type[W], code: int | np.integer[Any]) -> W:
        members: tuple[W, ...] = _members(cls)   # (functools.cache forgets the type variable)
        return members[int(code)]

    def label(self, lang: str = "en") -> str:
        """The word a reader sees, from the catalogue ("" for a word shown as nothing: coverage none)."""
        message = LABELS[self]
        return translator(lang)(message) if message else ""

    def describe(self, lang: str = "en") -> str:
        """What the word means, in a few words (the label where no description is written)."""
        message = DESCRIPTIONS.get(self)
        return translator(lang)(message) if message else self.label(lang)


@functools.cache
def _codes(cls: type[Vocabulary]) -> dict[Vocabulary, int]:
    return {member: i for i, member in enumerate(cls)}


@functools.cache
def _members(cls: type[W]) -> tuple[W, ...]:
    return tuple(cls)


class Status(Vocabulary):
    """A benefit's decision for one person or household."""

    NOT_ELIGIBLE = "not_eligible"
    ELIGIBLE = "eligible"
    UNDETERMINED = "undetermined"     # some condition could not be decided: data missing


class Coverage(Vocabulary):
    """The decision beside what the register says the person already receives (`enrolled_when`)."""

    NONE = "none"
    COVERED = "covered"               # eligible and receiving it
    GAP = "gap"                       # eligible, not receiving it
    LEAKAGE = "leakage"               # receiving it, not eligible
    NEEDS_DATA = "needs_data"         # undetermined, or eligible with the enrolment unknown
    # The auditor's words, from the programmes' own lists (eligibility/audit/); each carries money.
    UNDERPAID = "underpaid"           # paid for the as-of month less than the amount due
    OVERPAID = "overpaid"             # paid for the as-of month more than the amount due
    WRONG_LEVEL = "wrong_level"       # enrolled at another level (coefficient, card group) than the one due
    DECEASED_PAID = "deceased_paid"   # paid for a month after the month of death
    NOT_IN_REGISTER = "not_in_register"  # a list entry that matches nobody in the register
    DUPLICATE = "duplicate"           # twice in one programme, or in two programmes paying only one


class Match(Vocabulary):
    """How an entry of a programme's list was linked to the register (register/matching.py)."""

    BY_ID = "by_id"                   # the entry's person (or household) ID is in the register
    BY_NAME = "by_name"               # one person with the entry's name, birth year and commune
    AMBIGUOUS = "ambiguous"           # several people fit the name: not linked, the candidates listed
    UNMATCHED = "unmatched"           # nobody fits: a possible ghost beneficiary (not_in_register)


class HitPolicy(Vocabulary):
    """How a benefit's rules combine when several hold."""

    MAX = "max"                       # the highest amount pays (ties: precedence)
    SUM = "sum"                       # every rule that holds pays, amounts added
    FIRST = "first"                   # the first in precedence (priority, then id) pays
    ALL = "all"                       # one decision row per rule that holds


class Enrolment(IntEnum):
    """What the register says of enrolment, as the columns of `COVERAGE_RULE`."""

    NOT_DECLARED = 0                  # the benefit has no `enrolled_when`
    ENROLLED = 1
    NOT_ENROLLED = 2
    UNKNOWN = 3                       # declared, but the register leaves it unknown


# The labels and descriptions (English message ids; the Vietnamese is in the catalogue).
LABELS: dict[Vocabulary, str] = {
    Status.NOT_ELIGIBLE: N_("not eligible"), Status.ELIGIBLE: N_("eligible"),
    Status.UNDETERMINED: N_("undetermined"),
    Coverage.NONE: "", Coverage.COVERED: N_("covered"), Coverage.GAP: N_("gap"), Coverage.LEAKAGE: N_("leakage"),
    Coverage.NEEDS_DATA: N_("needs data"), Coverage.UNDERPAID: N_("underpaid"), Coverage.OVERPAID: N_("overpaid"),
    Coverage.WRONG_LEVEL: N_("wrong level"), Coverage.DECEASED_PAID: N_("paid after death"),
    Coverage.NOT_IN_REGISTER: N_("not in the register"), Coverage.DUPLICATE: N_("duplicate"),
    HitPolicy.MAX: N_("the highest amount"), HitPolicy.SUM: N_("amounts added"),
    HitPolicy.FIRST: N_("the first rule that holds"), HitPolicy.ALL: N_("every rule that holds"),
    Match.BY_ID: N_("matched by ID"), Match.BY_NAME: N_("matched by name, birth year and commune"),
    Match.AMBIGUOUS: N_("ambiguous (several people fit)"), Match.UNMATCHED: N_("unmatched (nobody fits)"),
}
DESCRIPTIONS: dict[Vocabulary, str] = {
    Status.UNDETERMINED: N_("data missing to decide"),
    Coverage.COVERED: N_("eligible and receiving it"), Coverage.GAP: N_("eligible but not receiving it"),
    Coverage.LEAKAGE: N_("receiving it but not eligible"), Coverage.NEEDS_DATA: N_("data needed to decide"),
    Coverage.UNDERPAID: N_("paid less than the amount due"), Coverage.OVERPAID: N_("paid more than the amount due"),
    Coverage.WRONG_LEVEL: N_("enrolled at another level than the one due"),
    Coverage.DECEASED_PAID: N_("paid for a month after the date of death"),
    Coverage.NOT_IN_REGISTER: N_("on a programme's list but matching nobody in the register"),
    Coverage.DUPLICATE: N_("paid twice, or by two programmes of which only one is due"),
    HitPolicy.MAX: N_("of the rules that hold, the one paying most"),
    HitPolicy.SUM: N_("every rule that holds pays; the amounts are added"),
    HitPolicy.FIRST: N_("the first rule in precedence that holds pays"),
    HitPolicy.ALL: N_("one decision for each rule that holds"),
}
_unlabelled = [f"{type(w).__name__}.{w.name}" for cls in (Status, Coverage, HitPolicy, Match) for w in cls
               if w not in LABELS]
if _unlabelled:  # pragma: no cover - fails at import, for whoever adds a word
    raise RuntimeError(f"vocabulary: no label for {_unlabelled}")


# The coverage rule, written once. One row per status: its coverage for each `Enrolment` column.
COVERAGE_RULE: dict[Status, tuple[Coverage, Coverage, Coverage, Coverage]] = {
    #                     not declared         enrolled          not enrolled    enrolment unknown
    Status.NOT_ELIGIBLE: (Coverage.NONE, Coverage.LEAKAGE, Coverage.NONE, Coverage.NONE),
    Status.ELIGIBLE: (Coverage.NONE, Coverage.COVERED, Coverage.GAP, Coverage.NEEDS_DATA),
    Status.UNDETERMINED: (Coverage.NEEDS_DATA, Coverage.NEEDS_DATA, Coverage.NEEDS_DATA, Coverage.NEEDS_DATA),
}
_missing = [status.value for status in Status if status not in COVERAGE_RULE]
if _missing:  # pragma: no cover - fails at import, for whoever adds a status
    raise RuntimeError(f"vocabulary: no coverage rule for status {_missing}")
COVERAGE_CODES = np.array([[c.code for c in COVERAGE_RULE[s]] for s in Status], dtype=np.int8)
_COVERAGE_FLAT, _ENROLMENTS = COVERAGE_CODES.ravel(), COVERAGE_CODES.shape[1]


@overload
def coverage(status: int, enrolment: int) -> np.int8: ...
@overload
def coverage(status: npt.NDArray[np.integer[Any]], enrolment: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.int8]: ...
def coverage(status: Any, enrolment: Any) -> Any:
    """Coverage code(s) from status code(s) and `Enrolment` code(s): one integer each or numpy
    arrays of them (whole columns, no loop). `Coverage.from_code` turns a code back into its word.
    One flat `take` (a fifth of the time of the two-index lookup on a million rows, once per benefit)."""
    return np.take(_COVERAGE_FLAT, status * _ENROLMENTS + enrolment)


def enrolment(enrolled: bool | None, declared: bool = True) -> Enrolment:
    """One person's or household's enrolment (None: unknown)."""
    if not declared:
        return Enrolment.NOT_DECLARED
    if enrolled is None:
        return Enrolment.UNKNOWN
    return Enrolment.ENROLLED if enrolled else Enrolment.NOT_ENROLLED


def enrolment_codes(true: np.ndarray | None, false: np.ndarray | None, n: int) -> np.ndarray:
    """Enrolment codes for a column, from where it is known true and known false (None: not declared)."""
    if true is None or false is None:
        return np.full(n, Enrolment.NOT_DECLARED, dtype=np.int8)
    out = np.full(n, Enrolment.UNKNOWN, dtype=np.int8)
    out[true] = Enrolment.ENROLLED
    out[false] = Enrolment.NOT_ENROLLED
    return out


# The decisions table's columns, in order (both engines write this table).
DECISION_COLUMNS = ["household_id", "person_id", "name", "district", "commune", "village", "benefit",
                    "benefit_label", "entity", "status", "coverage", "amount", "unit", "rate", "rule", "rule_label",
                    "reference", "explanation", "missing_inputs", "unverified", "parameter_values",
                    "amount_is_minimum"]

# Words of the decisions table's explanations (both engines write them), from the catalogue.
_EXPLANATION_WORDS = {"holds": N_("all conditions hold"), "unknown": N_("unknown"), "failed": N_("not met"),
                      "off": N_("no rule in force on"), "above": N_("above"), "below": N_("below"),
                      "minimum": N_("the amount is a minimum, it may be higher once this is decided")}
WORDS = {lang: {key: translator(lang)(message) for key, message in _EXPLANATION_WORDS.items()} for lang in ("en", "vi")}
# A failed numeric comparison with its figures, one sentence so that a language orders it its own way
# (Vietnamese: "… → 47 so với 75 (thấp hơn 28)").
_FIGURES = N_("{condition} → {left} vs {right} ({gap} {direction})")
_FIGURES_IN = {lang: translator(lang)(_FIGURES) for lang in ("en", "vi")}


def failed_figures(condition: str, left: float, right: float, lang: str) -> str:
    """`condition` failed at these figures: both sides and the gap between them (both engines write it)."""
    gap = left - right
    direction = WORDS[lang]["above"] if gap > 0 else WORDS[lang]["below"]
    return _FIGURES_IN[lang].format(condition=condition, left=format_number(left, lang),
                                    right=format_number(right, lang), gap=format_number(abs(gap), lang),
                                    direction=direction)

# A date known only to its year or month (`1944`, `03/1944`) is an interval of days: the register's
# frame keeps its earliest day in the date column and its latest day in a companion column named
# `<column>__latest` (present only when some date is partial; NaT where the date is exact).
LATEST_SUFFIX = "__latest"
# How `missing_inputs` names a date known to its year or month: what more is needed (both engines).
PARTIAL_NEEDS = {"year": "day and month", "month": "day"}


def partial_need(name: str, lo: int, hi: int) -> str:
    """`date_of_birth (day and month)`: the input and what its yyyymmdd interval [lo, hi] lacks."""
    return f"{name} ({PARTIAL_NEEDS['month' if lo // 100 == hi // 100 else 'year']})"


__all__ = ["LATEST_SUFFIX", "PARTIAL_NEEDS", "partial_need", "Vocabulary", "Status", "Coverage", "Match", "HitPolicy",
           "Enrolment", "COVERAGE_RULE", "coverage", "enrolment",
           "enrolment_codes", "WORDS", "DECISION_COLUMNS", "failed_figures"]
