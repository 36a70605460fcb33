"""The rule pack's file formats as pydantic models (extra keys forbidden, all errors reported at once).

Expressions stay strings here; `expressions.py` parses and type-checks them when the pack compiles.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from ..vocabulary import Coverage, HitPolicy, Status
from .base import Labels, Strict

Entity = Literal["household", "person"]
Confidence = Literal["A", "B", "C", "D"]
VERIFIED = {"A", "B"}


InstrumentKind = Literal["law", "ordinance", "resolution", "decree", "decision", "circular", "plan", "conclusion",
                         "other"]


class Title(Strict):
    vi: str
    en: str


class Reference(Strict):
    """Where the law says it, as fields (never one string): the kind of instrument and its number,
    then article, clause and point as the instrument numbers them. `title` names a law or an
    ordinance (`Bảo hiểm y tế`), or describes an `other` source; `also` lists further instruments
    read together with this one. Citations are rendered from these fields by `eligibility.wording`
    in Vietnamese legal style (`điểm o khoản 3 Điều 12 Luật Bảo hiểm y tế số 51/2024/QH15`) or in
    English (`Law 51/2024/QH15, Art. 12(3)(o)`)."""

    kind: InstrumentKind
    number: str | None = None
    title: Title | str | None = None
    date: dt.date | None = None        # date of signing, when the number alone does not say the year
    year: int | None = None
    section: str | None = None         # a plan's section (mục), e.g. "II"
    article: str | None = None
    clause: str | None = None
    point: str | None = None
    also: list[Reference] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_old_form(cls, value: Any) -> Any:
        if isinstance(value, dict) and "instrument" in value:
            raise ValueError("`instrument:` is the old one-string reference; write `kind:` and `number:` (and article, "
                             "clause, point). `python -m eligibility.rulebook.references FILE...` converts a file")
        return value

    @field_validator("article", "clause", "point", "section", "number", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _named(self) -> Reference:
        if self.kind == "other" and self.title is None:
            raise ValueError("a reference of kind `other` has a `title` ({vi: ..., en: ...})")
        if self.kind != "other" and self.number is None:
            raise ValueError(f"a reference to a {self.kind} gives its `number` (e.g. 20/2021/NĐ-CP)")
        return self

    def cite(self, lang: str = "en") -> str:
        """The citation in `lang` (vi: Vietnamese legal style; en: English short form)."""
        from ..wording.citations import cite

        # a loaded reference never changes (frozen); decisions cite the same few hundred thousands of
        # times, so each is written once per language (kept with the reference, so ids stay unique)
        key = (id(self), lang)
        if key not in _CITED:
            if len(_CITED) > 50_000:    # many packs loaded in one process: start afresh
                _CITED.clear()
            _CITED[key] = (self, cite(self, lang))
        return _CITED[key][1]


_CITED: dict[tuple[int, str], tuple[Reference, str]] = {}


class DatedValue(Strict):
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    # null: the law changed on this date (reported) but the new figure is not known; never used
    value: float | int | list[str] | list[float] | bool | None
    reference: Reference
    confidence: Confidence
    note: str | None = None

    @property
    def verified(self) -> bool:
        return self.confidence in VERIFIED


class Parameter(Strict):
    label: Labels
    type: Literal["number", "money", "rate", "int", "list", "bool"]
    unit: str | None = None
    values: list[DatedValue] = Field(min_length=1)


class ParameterFile(Strict):
    parameters: dict[str, Parameter]


class Case(Strict):
    when: str | None = None
    then: Any = None
    else_: Any = Field(default=None, alias="else")

    @model_validator(mode="after")
    def _one_form(self) -> Case:
        if (self.when is None) == (self.else_ is None):
            raise ValueError("a case has either `when` + `then`, or `else`")
        return self


class Variable(Strict):
    entity: Entity
    type: Literal["bool", "int", "number", "money", "date", "text", "enum"]
    label: Labels
    values: list[str] | None = None
    reference: Reference | None = None
    formula: str | None = None
    cases: list[Case] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _formula_or_cases(self) -> Variable:
        if (self.formula is None) == (self.cases is None):
            raise ValueError("a variable has exactly one of `formula` or `cases`")
        if self.type == "enum" and not self.values:
            raise ValueError("an enum variable lists its `values`")
        return self


class AnyOf(Strict):
    any_of: list[str] = Field(min_length=2)
    label: Labels | None = None


class Labeled(Strict):
    when: str
    label: Labels


def _condition_kind(value: Any) -> str:
    """Which form a condition takes, so a typo in one form is reported once, in that form's terms."""
    if isinstance(value, dict):
        return "any_of" if "any_of" in value else "when"
    if isinstance(value, AnyOf):
        return "any_of"
    if isinstance(value, Labeled):
        return "when"
    return "text"


Condition = Annotated[Annotated[str, Tag("text")] | Annotated[AnyOf, Tag("any_of")] | Annotated[Labeled, Tag("when")],
                      Discriminator(_condition_kind)]


class Window(Strict):
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None


class Rule(Strict):
    id: str
    label: Labels
    reference: Reference
    valid: Window = Field(default_factory=Window)   # a factory: an instance here would build the validators on import
    priority: int | None = None
    conditions: list[Condition] = Field(default_factory=list)
    amount: str | int | float | None = 1     # null: eligible, but the amount is not known to the pack
    rate: str | float | None = None
    note: str | None = None


Unit = Literal["vnd_per_month", "vnd_per_year", "vnd_once", "share_of_premium", "kg_rice", "loan", "status"]


class ListLevel(Strict):
    """The level an entry of a programme's list is enrolled at, compared with the level due (wrong_level)."""

    column: Literal["coefficient", "hi_benefit_level", "hi_card_group", "hi_state_share"]
    # the level due is the amount due divided by this parameter (a coefficient: amount / standard)
    per: str | None = None
    # the level due is the amount due itself (a share of the premium the state pays: 1 = fully paid)
    amount: bool = False
    # the list writes the level in percent (70 for a share of 0.7)
    percent: bool = False
    # what one unit of level is worth a month, as a product of parameters (the HI premium: rate x base
    # salary, as the variable hi_monthly_premium): the money of a wrong level is the difference times it
    worth: list[str] = Field(default_factory=list)


class EnrolledFrom(Strict):
    """Enrolment read from the programme's own beneficiary list (`programme_lists`), where the register
    gives one; `enrolled_when` (the old flags) is used where it does not."""

    programme: str
    level: ListLevel | None = None
    only_levels: list[float | str] | None = None     # entries at other levels are not this benefit's
    # programmes of which a person may draw only one (the highest): both at once is `duplicate`
    excludes: list[str] = Field(default_factory=list)
    reference: Reference | None = None                # where the law says so (for `excludes`)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"programme": value} if isinstance(value, str) else value


class Benefit(Strict):
    entity: Entity
    label: Labels
    unit: Unit
    hit_policy: HitPolicy
    # the dates the benefit's rules encode (the law of every day in between is in the pack); outside
    # them the decision is `undetermined` ("period not encoded"), never `not_eligible`
    period: Window = Field(default_factory=Window)
    enrolled_when: str | None = None
    enrolled_from: EnrolledFrom | None = None
    reference: Reference | None = None
    rules: list[Rule] = Field(min_length=1)
    note: str | None = None


class ExpectedDecision(Strict):
    benefit: str | None = None
    variable: str | None = None
    person: str | None = None
    status: Status | None = None
    coverage: Coverage | None = None
    amount: float | None = None
    tolerance: float | None = None      # only where the law rounds: then `rounding` names the rule
    rounding: str | None = None
    rate: float | None = None
    amount_is_minimum: bool | None = None
    rule: str | None = None
    value: Any = None
    missing: list[str] | None = None

    @model_validator(mode="after")
    def _named_rounding(self) -> ExpectedDecision:
        if self.tolerance is not None and not self.rounding:
            raise ValueError("a `tolerance` needs `rounding`: the rounding rule of the law that allows it")
        return self


class Example(Strict):
    name: str
    as_of: dt.date
    use_unverified: bool = False     # run as with --use-unverified (values graded D used)
    household: dict[str, Any]
    members: list[dict[str, Any]] = Field(min_length=1)
    expect: list[ExpectedDecision] = Field(min_length=1)


class PolicyFile(Strict):
    area: str | None = None
    label: Labels | None = None
    variables: dict[str, Variable] = Field(default_factory=dict)
    benefits: dict[str, Benefit] = Field(default_factory=dict)
    examples: list[Example] = Field(default_factory=list)


class Target(Strict):
    label: Labels
    reference: Reference
    entity: Entity
    population: str = "True"
    indicator: str
    measure: Literal["share", "count"] = "share"
    direction: Literal[">=", "<=", ">", "<"]
    target: float
    year: int
    baseline: float | None = None
    note: str | None = None


class TargetFile(Strict):
    targets: dict[str, Target]
