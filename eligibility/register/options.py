"""How one register is to be read, as its officer says: a `--columns` mapping kept beside the
register, `--accept-suggested`, and `--blank-means-no` columns."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, RuleErrors, say
from ..rulebook.inputs import InputSchema
from ..suggestions import suggest
from ..wording.catalogue import N_
from ..yamlio import load_yaml

TABLE_NAMES = ("households", "members")
NOT_USED = ("", "-", "none", "bỏ qua", "khong dung", "không dùng")


@dataclass
class ReadOptions:
    """`columns`: table -> {source header: declared input, or None for a column not to read};
    a header listed under "*" applies to whichever table has it."""

    columns: dict[str, dict[str, str | None]] = field(default_factory=dict)
    columns_file: str | None = None
    accept_suggested: bool = False
    blank_means_no: tuple[str, ...] = ()  # source headers or input names

    def column_map(self, table: str) -> dict[str, str | None]:
        return {**self.columns.get("*", {}), **self.columns.get(table, {})}


def load_columns_file(path: str | Path, schema: InputSchema) -> dict[str, dict[str, str | None]]:
    """A `--columns` file: `source header: input` lines, at the top or under `households:` /
    `members:`. Every input named must be declared (did-you-mean otherwise)."""
    path = Path(path)
    try:
        doc = load_yaml(path)
    except RuleErrors as err:  # the loader speaks of rule packs; this is the officer's own file
        raise DataError(say(N_("the --columns file is not valid YAML: {reason}"),
                            reason=err.issues[0] if err.issues else err)) from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise DataError(say(N_("a --columns file maps source headers to inputs ('Thu nhập: income_per_capita')")),
                        file=str(path))
    nested = set(doc) <= set(TABLE_NAMES) and all(isinstance(v, dict) for v in doc.values())
    groups = {str(k): v for k, v in doc.items()} if nested else {"*": doc}
    out: dict[str, dict[str, str | None]] = {}
    for group, mapping in groups.items():
        tables = TABLE_NAMES if group == "*" else (group,)
        known = {n for t in tables for n in getattr(schema, t).columns}
        out[group] = {}
        for header, name in mapping.items():
            value = None if name is None or str(name).strip().lower() in NOT_USED else str(name).strip()
            if value is not None and value not in known:
                hint = suggest(value, sorted(known))
                raise DataError(say(N_("'{header}: {value}': '{value}' is not a declared input"), header=header,
                                    value=value) + (say(N_("; did you mean '{hint}'?"), hint=hint) if hint else ""),
                                file=str(path), column=str(header))
            out[group][str(header).strip()] = value
    return out
