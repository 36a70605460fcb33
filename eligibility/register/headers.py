"""Match a file's headers to the declared columns (name, aliases, vi/en labels; accents, case and
spacing do not matter), and say what is missing or unknown."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import DataError
from ..rulebook.inputs import Table
from ..suggestions import fold, suggest


def header_key(text: object) -> str:
    """'Ngày sinh ', 'ngay_sinh' and 'NGAY SINH' give the same key (letters, digits and % only)."""
    return _key(str(text))


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Each header and spelling keyed once: a read looks up the pack's 900 spellings for every table,
    for the layout, the columns and the units, and the layout's scan keys the head rows' cells."""
    return _NOT_KEPT.sub("", fold(text))


_NOT_KEPT = re.compile(r"[^0-9a-z%]+")


def header_spellings(table: Table, name: str) -> list[str]:
    """Every spelling of one declared column's header: name, vi and en labels, aliases."""
    column = table.columns[name]
    return [name, column.label.vi, column.label.en, *column.aliases]


def header_lookup(table: Table) -> dict[str, str]:
    """header key -> declared column. A key two columns share is dropped (it would be a guess),
    except a column's own name, which always wins."""
    owners: dict[str, set[str]] = {}
    for name in table.columns:
        for spelling in header_spellings(table, name):
            owners.setdefault(header_key(spelling), set()).add(name)
    lookup = {key: next(iter(names)) for key, names in owners.items() if len(names) == 1}
    for name in table.columns:
        lookup[header_key(name)] = name
    return lookup


@dataclass
class HeaderMatch:
    """Result of matching one file's headers."""

    columns: dict[str, str]  # declared column -> header in the file
    unknown: list[str] = field(default_factory=list)  # headers that match no declared column
    missing: list[str] = field(default_factory=list)  # optional declared columns absent
    warnings: list[str] = field(default_factory=list)


def match_headers(headers: list[str], table: Table, file_label: str) -> HeaderMatch:
    """Map headers to declared columns; raise DataError for a missing required column or a column
    given twice. Unknown headers are ignored with a warning and a did-you-mean."""
    lookup = header_lookup(table)
    found: dict[str, str] = {}
    unknown: list[str] = []
    for header in headers:
        name = lookup.get(header_key(header))
        if name is None:
            if _is_blank_header(header):
                continue
            unknown.append(header)
        elif name in found:
            raise DataError(
                f"columns '{found[name]}' and '{header}' both mean '{name}' "
                f"({table.columns[name].label.en}); keep only one of them",
                file=file_label, column=header)
        else:
            found[name] = header
    for name, column in table.columns.items():
        if column.required and name not in found:
            raise DataError(_missing_message(table, name, unknown or headers), file=file_label, column=name)
    match = HeaderMatch(columns=found, unknown=unknown,
                        missing=[n for n in table.columns if n not in found])
    for header in unknown:
        match.warnings.append(_unknown_message(table, header, file_label, found))
    return match


def _is_blank_header(header: str) -> bool:
    return not str(header).strip() or str(header).startswith("Unnamed: ")


def _missing_message(table: Table, name: str, headers: list[str]) -> str:
    column = table.columns[name]
    text = (f"required column '{name}' ({column.label.vi} / {column.label.en}) is missing; "
            f"accepted headers: {', '.join(repr(s) for s in dict.fromkeys(header_spellings(table, name)))}")
    guess = _guess_header(table, name, headers)
    if guess is not None:
        text += f"; did you mean '{guess}'?"
    return text


def _guess_header(table: Table, name: str, headers: list[str]) -> str | None:
    """The file header closest to any spelling of the declared column."""
    headers = [str(h) for h in headers if not _is_blank_header(str(h))]
    for spelling in header_spellings(table, name):
        hit = suggest(spelling, headers)
        if hit is not None:
            return hit
    return None


def _unknown_message(table: Table, header: str, file_label: str, found: dict[str, str]) -> str:
    text = f"{file_label}: column '{header}' is not a declared {table.table} column and is ignored"
    spellings = {s: n for n in table.columns if n not in found for s in header_spellings(table, n)}
    hit = suggest(header, spellings)
    if hit is not None:
        name = spellings[hit]
        text += f"; did you mean '{hit}' ({name})?"
    return text
