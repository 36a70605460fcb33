"""Incomes and the poverty standard of Decree 07/2021: income per capita, the 12 deprivation
indicators, and the commune's poverty list with its dates.

About 28.5 % of households are at or below the income line in force on the as-of date (`figures.py`:
the line is the pack's, never written here), 69 % of them poor by the deprivation count; the
commune's list follows the standard for most households and disagrees on purpose for a few
(households left off the list, households listed although above the line), so that `gaps` finds
both. The shares are the province's statistics (POLICIES.md §10) or modelling choices, not law.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import NEAR_POOR, POOR, calibrate, dates_in_december, per_household, sigmoid
from .figures import Figures

LOW_INCOME_SHARE = 0.285  # households at or below the line (poor + near-poor by the standard)
POOR_SHARE_OF_LOW = 0.69

# Indicators drawn at random (the others are computed from the members), with their weight.
RANDOM_DEPRIVATIONS = {
    "dep_employment": 1.0, "dep_nutrition": 0.8, "dep_adult_education": 1.0, "dep_housing_quality": 1.3,
    "dep_floor_area": 0.8, "dep_water": 1.4, "dep_latrine": 1.6, "dep_telecom": 0.3, "dep_information": 0.7,
}
COMPUTED_DEPRIVATIONS = ("dep_dependants", "dep_child_schooling", "dep_health_insurance")
REAL_POOR, REAL_NEAR_POOR = 2, 1   # `klass`: what the household really is by the standard (0: neither)


def living_standard(rng: np.random.Generator, hh: dict, as_of: pd.Timestamp, figures: Figures) -> None:
    """Who is at or below the line (more where the latent score `z` is high), their income drawn
    below the line (2 % exactly on it), the others' above it; the commune's list and its dates."""
    n = int(hh["n"])
    z = hh["z"]
    low = rng.random(n) < sigmoid(calibrate(z, LOW_INCOME_SHARE) + z)
    poor_score = 0.8 * z[low]
    poor = np.zeros(n, dtype=bool)
    poor[low] = rng.random(low.sum()) < sigmoid(calibrate(poor_score, POOR_SHARE_OF_LOW) + poor_score)
    klass = np.where(poor, REAL_POOR, np.where(low, REAL_NEAR_POOR, 0))
    hh["klass"] = klass
    line = np.where(hh["urban"], figures.urban_line, figures.rural_line)
    u = rng.random(n)
    below = np.floor(line * (0.3 + 0.7 * u ** 0.6) / 10_000) * 10_000
    below = np.where(rng.random(n) < 0.02, line, below)
    above = line + 10_000 + np.round(line * np.exp(rng.normal(-0.6, 0.8, n)) / 10_000) * 10_000
    hh["income"] = np.where(low, below, np.minimum(above, 30_000_000)).astype(np.float64)
    hh["line"] = line
    _poverty_list(rng, hh, klass, as_of)


def _poverty_list(rng: np.random.Generator, hh: dict, klass: np.ndarray, as_of: pd.Timestamp) -> None:
    """The list (codes of draws.LIST_STATUS): mostly what the standard says, with deliberate
    disagreements; listed since one of the last four December reviews; some others exited."""
    n = int(hh["n"])
    r = rng.random(n)
    hh["list"] = np.select(
        [klass == REAL_POOR, klass == REAL_NEAR_POOR],
        [np.select([r < 0.94, r < 0.97], [POOR, NEAR_POOR], 0),
         np.select([r < 0.90, r < 0.93], [NEAR_POOR, POOR], 0)],
        np.select([r < 0.012, r < 0.024], [POOR, NEAR_POOR], 0))
    last_review = as_of.year - 1
    on_list = hh["list"] != 0
    since_year = last_review - rng.choice(4, n, p=[0.15, 0.15, 0.2, 0.5])
    since = dates_in_december(rng, since_year, as_of)
    hh["list_since"] = np.where(on_list & (rng.random(n) < 0.97), since, np.datetime64("NaT"))
    exited = ~on_list & (rng.random(n) < 0.16)
    exit_year = last_review - rng.integers(0, 4, n)
    hh["exit_date"] = np.where(exited, dates_in_december(rng, exit_year, as_of), np.datetime64("NaT"))


def deprivations(rng: np.random.Generator, hh: dict, m: dict) -> None:
    """The 12 indicators: three computed from the members (dependants, children out of school, no
    health insurance), the others drawn so that the count agrees with the household's real class."""
    n_hh = int(hh["n"])
    hidx, age = m["hidx"], m["age"]
    dependant = (age < 16) | (age >= 60) | m["serious"]
    hh["dep_dependants"] = per_household(dependant, hidx, n_hh) / hh["size"] > 0.5
    out_of_school = (age >= 3) & (age < 16) & ~m["studying"]
    hh["dep_child_schooling"] = per_household(out_of_school, hidx, n_hh) > 0
    uninsured = (age >= 6) & ~m["hi_card"]
    hh["dep_health_insurance"] = per_household(uninsured, hidx, n_hh) > 0
    computed = sum(hh[c].astype(int) for c in COMPUTED_DEPRIVATIONS)
    klass = hh["klass"]
    need = np.maximum(3 - computed, 0)
    room = np.maximum(2 - computed, 0)
    count = np.select([klass == REAL_POOR, klass == REAL_NEAR_POOR],
                      [need + rng.poisson(1.0, n_hh), np.minimum(rng.poisson(0.8, n_hh), room)],
                      rng.binomial(len(RANDOM_DEPRIVATIONS), 0.08, n_hh))
    count = np.minimum(count, len(RANDOM_DEPRIVATIONS))
    weights = np.array(list(RANDOM_DEPRIVATIONS.values()))
    keys = rng.random((n_hh, len(weights))) ** (1.0 / weights)  # weighted choice without replacement
    rank = np.argsort(np.argsort(-keys, axis=1), axis=1)
    chosen = rank < count[:, None]
    for j, name in enumerate(RANDOM_DEPRIVATIONS):  # nine columns
        hh[name] = chosen[:, j]
    hh["dep_health_access"] = rng.random(n_hh) < np.where(klass == REAL_POOR, 0.12, 0.03)

