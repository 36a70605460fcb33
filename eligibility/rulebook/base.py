"""What every rule-pack model shares: strict frozen models, the two-language labels, and the tags
of the condition forms (pydantic puts them in error locations; `validation` leaves them out).

Its own module so that `inputs`, `schema` and `validation` import it and not each other.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown keys are errors (with a did-you-mean), and a loaded model never changes. A model's
    validator is built when it first validates (`defer_build`), not on import: a run served a
    compiled plan from the cache (`plancache.py`) validates nothing and builds none of them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Labels(Strict):
    vi: str
    en: str


CONDITION_TAGS = ("text", "any_of", "when")
