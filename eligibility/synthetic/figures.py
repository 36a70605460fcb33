"""The legal figures a synthetic register is built around, read from the compiled rule pack on the
as-of date (never written here a second time): the income poverty lines, which decide who is
generated just below or just above the line, and the home-school distances beyond which a pupil
may board, which decide who lives "too far" from school.

Where the pack has no value in force on the as-of date the generator stops and says which figure
is missing, rather than guessing one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import EligibilityError, say, worded
from ..messages import language
from ..rulebook.plan import Plan
from ..wording.catalogue import N_

POVERTY_LINES = ("poverty.poor_line.rural", "poverty.poor_line.urban")
BOARDING_DISTANCES = ("education.boarding.distance_km.primary", "education.boarding.distance_km.lower_secondary",
                      "education.boarding.distance_km.upper_secondary")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    rural_line: float              # VND per person per month (Decree 07/2021, Art. 3, through 2026)
    urban_line: float
    boarding_km: tuple[float, float, float]   # primary, lower and upper secondary


def figures_on(plan: Plan, as_of: dt.date) -> Figures:
    """The figures in force on `as_of` in `plan`."""
    rural, urban, *boarding = (_value(plan, name, as_of) for name in POVERTY_LINES + BOARDING_DISTANCES)
    return Figures(rural_line=rural, urban_line=urban, boarding_km=(boarding[0], boarding[1], boarding[2]))


def _value(plan: Plan, name: str, as_of: dt.date) -> float:
    parameter = plan.parameters.get(name)
    found = parameter.at(as_of) if parameter is not None else None
    if found is None or isinstance(found.value, list):
        raise EligibilityError(say(N_("the rule pack {folder} has no value of '{name}' in force on {date}: the "
                                      "synthetic register is built around it"), folder=plan.folder, name=name,
                                   date=worded(as_of, language())))
    value = found.value
    return int(value) if float(value).is_integer() else float(value)   # whole figures stay integers
