"""Units of measure: declared on parameters and input columns, checked through every expression.

A unit is a product of base units with exponents: VND/month is {VND: 1, month: -1}, a share or a
count has none. Arithmetic follows the units (money × number = money, money ÷ money = number,
money ÷ months = money per month); adding or comparing two different units is `E-UNIT` (an age
in years against a sum of money, a monthly income against a yearly line). A number written in
an expression (`age >= 60`, `standard * 1.5`) takes the unit its place needs. A benefit's amount
must be in the benefit's unit (`vnd_per_month` pays VND/month; a once-off sum may be a multiple of
a monthly standard, "20 times the standard", so `vnd_once` also takes money per period).

Where a file declares no unit, the figure's unit is left open — it takes whatever unit its place
needs, like a number literal — so a new file without units still loads; warning `W-UNIT-INFERRED`
names every such parameter and column. A unit the vocabulary does not know is an error with a
did-you-mean.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..suggestions import suggest

# The vocabulary policy staff write in `unit:` (qualifiers such as /person, /household, /pupil are
# who the figure is counted for, not a unit, and are dropped; a note in brackets is ignored).
VOCABULARY = {
    "VND": {"VND": 1}, "VND/month": {"VND": 1, "month": -1}, "VND/year": {"VND": 1, "year": -1},
    "share": {}, "rate/year": {"year": -1}, "per year": {"year": -1}, "count": {}, "number": {},
    "years": {"year": 1}, "months": {"month": 1}, "days": {"day": 1}, "km": {"km": 1},
    "kg rice": {"kg_rice": 1}, "kg rice/month": {"kg_rice": 1, "month": -1}, "percent": {}, "date": {},
}
QUALIFIERS = ("person", "household", "pupil", "student", "worker", "child", "member")
BENEFIT_UNITS = {"vnd_per_month": "VND/month", "vnd_per_year": "VND/year", "vnd_once": "VND",
                 "share_of_premium": "share", "kg_rice": "kg rice/month", "loan": "VND", "status": "count"}


@dataclass(frozen=True)
class Unit:
    """Base units with their exponents, e.g. (('VND', 1), ('month', -1))."""

    powers: tuple[tuple[str, int], ...] = ()

    @classmethod
    def of(cls, powers: dict[str, int]) -> Unit:
        return cls(tuple(sorted((b, e) for b, e in powers.items() if e)))

    def times(self, other: Unit, sign: int = 1) -> Unit:
        merged = dict(self.powers)
        for base, exp in other.powers:
            merged[base] = merged.get(base, 0) + sign * exp
        return Unit.of(merged)

    @property
    def is_money(self) -> bool:
        return dict(self.powers).get("VND") == 1

    def __str__(self) -> str:
        for name, powers in VOCABULARY.items():
            if Unit.of(powers) == self and name not in ("per year", "count", "percent", "date", "share"):
                return name
        if not self.powers:
            return "number"
        up = [b if e == 1 else f"{b}^{e}" for b, e in self.powers if e > 0]
        down = [b if e == -1 else f"{b}^{-e}" for b, e in self.powers if e < 0]
        return ("·".join(up) or "1") + ("/" + "/".join(down) if down else "")


NUMBER = Unit()
OPEN = Unit((("undeclared", 1),))   # a figure whose file declares no unit: not checked, and nothing made from it


def parse_unit(text: str) -> Unit | None:
    """The unit a `unit:` text declares, or None when the vocabulary does not know it."""
    clean = re.sub(r"\(.*?\)", "", text).strip()
    clean = re.sub(r"\s*/\s*", "/", clean)
    parts = [p for p in clean.split("/") if p.strip().lower() not in QUALIFIERS]
    clean = "/".join(parts).replace("tháng", "month").replace("năm", "year")
    if clean.lower().startswith("kg") and "rice" not in clean.lower():
        clean = "kg rice" + clean[2:]
    for name, powers in VOCABULARY.items():
        if clean.lower() == name.lower():
            return Unit.of(powers)
    return None


def declared_unit(text: str | None, kind: str) -> tuple[Unit | None, str | None]:
    """(unit, problem): the declared unit (None: open, not checked) and what is wrong, if anything."""
    if text is None:
        return None, f"no `unit:` (type {kind}): not unit-checked"
    unit = parse_unit(text)
    if unit is None:
        return None, f"unknown unit '{text}'"
    return unit, None


def unit_suggestion(text: str) -> str | None:
    return suggest(text, list(VOCABULARY))


def benefit_unit(unit: str) -> Unit:
    return Unit.of(VOCABULARY[BENEFIT_UNITS[unit]])
