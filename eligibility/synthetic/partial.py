"""Birth dates known only to their year, as commune registers write them for many elderly people
(`1944`): the sample generator can make a share of them so (`--partial-dates 0.05`), so that the
benchmark and the tests meet them as a real register has them.

In the frames, such a date is its interval (the date column holds 1 January, the companion column
`date_of_birth__latest` 31 December, or the as-of date in the current year): the engines read that.
Written out (`write_register`), the cell holds the year alone; the reader reads it back as the same interval.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..vocabulary import LATEST_SUFFIX

COLUMN = "date_of_birth"


def make_years_only(members: pd.DataFrame, share: float, seed: int, as_of: pd.Timestamp) -> pd.DataFrame:
    """`members` with about `share` of the known birth dates known to their year only. Its own
    random stream: every other value of the sample stays as it is without the option."""
    if share <= 0:
        return members
    born = members[COLUMN]
    pick = (np.random.default_rng([seed, 1944]).random(len(born)) < share) & born.notna().to_numpy()
    year = born.dt.year
    first = pd.to_datetime(pd.DataFrame({"year": year.fillna(1900), "month": 1, "day": 1})).astype(born.dtype)
    last = pd.to_datetime(pd.DataFrame({"year": year.fillna(1900), "month": 12, "day": 31})).astype(born.dtype)
    members = members.copy()
    members[COLUMN] = born.mask(pick, first)
    members[COLUMN + LATEST_SUFFIX] = last.clip(upper=as_of).where(pick)
    return members
