"""Stable pseudonyms, so a gap report can be shared without names or register IDs.

A pseudonym is HMAC-SHA256(key, kind + "\\0" + id), first 64 bits in hex: `P-…` for a person,
`H-…` for a household. The same ID gets the same pseudonym in every view of a report (and in every
report made with the same key); without the key a pseudonym cannot be turned back into an ID.

The default key is derived from the rule-pack hash and the as-of date. Both are printed in the
manifest, so with the default key pseudonyms are stable but *not secret*: whoever holds the
manifest and can guess register IDs can recompute them. To share a report outside the office,
pass a secret `--redact-key` (or set ELIGIBILITY_REDACT_KEY) and keep it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import numpy as np
import pandas as pd

PREFIX = {"person": "P-", "household": "H-"}


def derive_key(rule_pack_sha256: str, as_of: dt.date | str) -> bytes:
    day = as_of.isoformat() if isinstance(as_of, dt.date) else str(as_of)
    return hashlib.sha256(b"eligibility/redact/v1\0" + rule_pack_sha256.encode() + b"\0" + day.encode()).digest()


def key_from_text(secret: str) -> bytes:
    return hashlib.sha256(b"eligibility/redact/secret/v1\0" + secret.encode("utf-8")).digest()


def pseudonym(value: str, key: bytes, kind: str) -> str:
    mac = hmac.new(key, kind.encode() + b"\0" + str(value).encode("utf-8"), hashlib.sha256)
    return PREFIX[kind] + mac.hexdigest()[:16].upper()


def pseudonymise(ids: pd.Series, key: bytes, kind: str) -> pd.Series:
    """Pseudonyms for a column of IDs: one HMAC per distinct ID; blanks stay blank."""
    values = ids.astype(object).where(ids.notna(), "").astype(str)
    codes, uniques = pd.factorize(values)
    names = np.array([pseudonym(u, key, kind) if u != "" else "" for u in uniques] + [""], dtype=object)
    return pd.Series(names[np.where(codes < 0, len(uniques), codes)], index=ids.index, dtype=object)


def redact_list(frame: pd.DataFrame, key: bytes, heads: pd.Series | None = None) -> pd.DataFrame:
    """A decision list with household_id, person_id and name replaced by pseudonyms.

    The name of a person decision becomes the person's pseudonym; the name on a household decision
    (the head's) becomes the head's person pseudonym when `heads` (household_id → head person_id)
    knows the head, else the household's pseudonym — so one person has one pseudonym everywhere.
    """
    out = frame.copy()
    hh = out["household_id"].astype(object)
    person = out["person_id"].astype(object).where(out["person_id"].notna(), "")
    head = hh.map(heads) if heads is not None else pd.Series(None, index=out.index, dtype=object)
    is_person = person.ne("").to_numpy()
    whose = np.where(is_person, person.to_numpy(dtype=object), head.to_numpy(dtype=object))
    whose = pd.Series(whose, index=out.index, dtype=object)
    known = whose.notna() & whose.ne("")
    out["household_id"] = pseudonymise(hh, key, "household")
    out["person_id"] = pseudonymise(person, key, "person")
    names = pseudonymise(whose.where(known, None), key, "person")
    out["name"] = names.where(known, out["household_id"])
    return out


def household_heads(members: pd.DataFrame | None) -> pd.Series | None:
    """household_id → person_id of the member recorded as head (first one if several)."""
    if members is None or "relation_to_head" not in members.columns:
        return None
    rel = members["relation_to_head"].astype(object)
    heads = members[rel.eq("head").fillna(False).to_numpy(dtype=bool)].drop_duplicates("household_id")
    return pd.Series(heads["person_id"].astype(object).to_numpy(), index=heads["household_id"].astype(object).to_numpy())
