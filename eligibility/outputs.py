"""Writing a screening's outputs: entitlements, rejects and manifest.json, byte-identical on re-run."""
from __future__ import annotations

import io
import re
import zipfile
from functools import cache, partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._version import __version__
from .csvout import arrow_values, starts_with_any, write_csv_columns
from .gathered import lazy_rows, regathered
from .outfolder import MANIFEST, Staging, file_sha256, staged
from .parquetout import dictionary_columns, write_parquet  # noqa: F401  (partscreen encodes its parts alike)
from .register.model import reasons_in
from .register.report import TABLE_WORDS, register_record, register_tables
from .rulebook.unverified import in_force as unverified_in_force
from .vocabulary import PARTIAL_NEEDS, Coverage, Status
from .wording import N_, translator
from .wording.catalogue import NC_, in_lang
from .wording.units import UNIT_WORDS, unit_label

# the entitlements' and rejects' headers where worded (Vietnamese: the English files keep the codes, for machines)
HEADERS = {
    "household_id": N_("Household ID"), "person_id": N_("Person ID"), "name": N_("Name"),
    "district": N_("District (before 7/2025)"), "commune": N_("Commune"), "village": N_("Village"),
    "benefit": N_("Benefit code"), "benefit_label": N_("Benefit"), "entity": N_("For"),
    "status": NC_("report column", "Decision"), "coverage": N_("Coverage"), "amount": NC_("report column", "Amount"),
    "unit": N_("Unit"), "rate": N_("Interest/year"), "rule": N_("Rule"), "rule_label": N_("Rule applied"),
    "reference": N_("Legal basis"), "explanation": N_("Explanation"), "missing_inputs": N_("Missing data"),
    "unverified": N_("Unverified values"), "parameter_values": N_("Figures applied (from, basis)"),
    "amount_is_minimum": N_("Minimum amount (a rule still undecided)"),
    "table": N_("Table"), "file": N_("File"), "row": N_("Row"), "column": N_("Column"), "value": NC_("register cell", "Value"),
    "reason": N_("Reason"), "code": N_("Error code"), "reason_detail": N_("Reason in detail (in English)"),
}
ENTITY = {"person": NC_("benefit for", "person"), "household": NC_("benefit for", "household")}   # cá nhân, not người


def values_in(lang: str) -> dict[str, dict[str, str]]:
    """{column: {code: word}}: statuses, coverage values and units in the catalogue's words
    (eligibility.vocabulary, wording), entities and tables."""
    return {"status": {word.value: word.label(lang) for word in Status},
            "coverage": {word.value: word.label(lang) for word in Coverage},
            "unit": {unit: unit_label(unit, lang) for unit in UNIT_WORDS},
            "entity": in_lang(ENTITY, lang), "table": in_lang(TABLE_WORDS, lang)}


YES = N_("yes")
SAFE_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe. On a
    shallow copy, a column changed here copied first, alone: `frame` stays as it was (a deep copy of
    the whole frame was the decisions table again, ~130 MB at a million persons)."""
    out = frame.copy(deep=False)
    for name in out.columns:
        if isinstance(out[name].dtype, pd.CategoricalDtype):   # neutralise the categories themselves
            categories = pd.Series(out[name].cat.categories.astype(str))
            risky = categories.str.startswith(SAFE_PREFIXES)
            if risky.any():
                fixed = categories.where(~risky, "'" + categories)
                out[name] = _relabel(out[name], list(fixed))
            continue
        lazy = lazy_rows(out[name].array)
        if lazy is not None:    # IDs and names gathered when read: each source value once, still not gathered
            out[name] = pd.Series(regathered(out[name].array, _apostrophed(lazy[0].combine_chunks())),
                                  index=out.index, name=name, copy=False)
        elif isinstance(out[name].dtype, pd.StringDtype) and out[name].dtype.storage == "pyarrow":
            risky = starts_with_any(arrow_values(out[name]), "".join(SAFE_PREFIXES))
            if risky.any():
                out[name] = out[name].copy()
                out.loc[risky, name] = "'" + out[name][risky]
        elif out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            text = out[name].astype("string")
            risky = text.str.startswith(SAFE_PREFIXES).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                out[name] = out[name].copy()
                out.loc[risky, name] = "'" + text[risky]
    return out


def _apostrophed(values: pa.Array) -> pa.Array:
    """Texts with a leading apostrophe where a spreadsheet would run them (`neutralise`)."""
    risky = starts_with_any(values, "".join(SAFE_PREFIXES))
    if not risky.any():
        return values
    return pc.if_else(pa.array(risky), pc.binary_join_element_wise(pa.scalar("'", values.type), values, pa.scalar("", values.type)), values)


def printable(frame: pd.DataFrame) -> pd.DataFrame:
    """Control characters (a pasted tab is fine, a \\x07 is not) cannot be stored in an xlsx cell:
    each becomes U+FFFD '�', visible where the register has one, instead of a crash."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    out = frame
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = pd.Series(column.cat.categories.astype(str))
            if categories.str.contains(ILLEGAL_CHARACTERS_RE).any():
                out = out.copy() if out is frame else out
                out[name] = _relabel(column, list(categories.str.replace(ILLEGAL_CHARACTERS_RE, "\ufffd", regex=True)))
        elif column.dtype == object or pd.api.types.is_string_dtype(column):
            text = column.astype("string")
            bad = text.str.contains(ILLEGAL_CHARACTERS_RE).fillna(False).to_numpy(dtype=bool)
            if bad.any():
                out = out.copy() if out is frame else out
                out.loc[bad, name] = text[bad].str.replace(ILLEGAL_CHARACTERS_RE, "\ufffd", regex=True)
    return out


def _relabel(column: pd.Series, labels: list[str]) -> pd.Series:
    """The same categorical column with new category labels, merging any that coincide. Translated
    on the categories only: where no two labels coincide the rows' codes are shared with `column`,
    not copied (3 million rows re-coded per column were most of localising a table, and each copy
    raised the writing's peak). The shared codes are read-only: nothing writes through them."""
    labels = pd.Index(labels)
    uniq = labels.unique()
    codes = column.array.codes            # a read-only view (`.cat.codes` would copy them)
    if len(uniq) != len(labels):
        # code -1 (no value) reads the last entry; in the codes' own narrow type (not 8 bytes a row)
        codes = np.append(uniq.get_indexer(labels), -1).astype(codes.dtype)[codes]
    relabelled = pd.Categorical.from_codes(codes, categories=uniq, validate=False)
    return pd.Series(relabelled, index=column.index, name=column.name, copy=False)   # set as a column: no copy


def input_labels(plan, lang: str) -> dict[str, str]:
    """{input or variable name: its label in `lang`} for naming the data still to collect."""
    out: dict[str, str] = {}
    for table in (plan.inputs.households, plan.inputs.members):
        for name, spec in table.columns.items():
            if spec.label is not None:
                out[name] = getattr(spec.label, lang)
    for name, variable in plan.variables.items():
        label = getattr(variable, "label", None)
        if label is not None and name not in out:
            out[name] = label if isinstance(label, str) else getattr(label, lang)
    return out


# what a date known to its year or month lacks, worded (English keeps the decisions' own "day and month")
_NEEDS = {PARTIAL_NEEDS["year"]: N_("day and month still missing"), PARTIAL_NEEDS["month"]: N_("day still missing")}
_MISSING_ITEM = re.compile(r"^(?:(?:household|member)\.)?(?P<name>[^ ]+)(?: \((?P<need>[^)]*)\))?$")
_ITEMS = re.compile(r"\s*[,;]\s*")


def missing_words(text, names: dict[str, str], lang: str, sep: str = ", ", item_words=None) -> str:
    """A decision's `missing_inputs` ('household.area_difficult, date_of_birth (day and month)', input
    codes: the decisions table keeps them for machines and the examples) in the officer's words: each
    input's label, and what a date known to its year or month still lacks (`item_words`: cached)."""
    if not isinstance(text, str) or not text:
        return "" if not isinstance(text, str) else text
    words = item_words or partial(_item_words, names=names, lang=lang)
    return sep.join(dict.fromkeys(w for w in map(words, _ITEMS.split(text)) if w))


def _item_words(item: str, names: dict[str, str], lang: str) -> str:
    found = _MISSING_ITEM.match(item)
    if not found:
        return item
    need, label = found["need"], names.get(found["name"], found["name"])
    need = translator(lang)(_NEEDS[need]) if lang != "en" and need in _NEEDS else need
    return label + (f" ({need})" if need else "")


def word_missing(frame: pd.DataFrame, plan, lang: str) -> pd.DataFrame:
    """A copy of `frame` whose `missing_inputs` (if any) are in words (`missing_words`), in Vietnamese.
    Shallow: under pandas' copy-on-write a column replaced here leaves `frame` as it was, and the
    decisions table (3 million rows) is not copied whole while it is still held."""
    out = frame.copy(deep=False)
    if lang != "vi" or "missing_inputs" not in out.columns:
        return out
    # each item worded once: the text columns share one list of ~1,900 categories at the 1 M run, whose items recur
    words = cache(partial(_item_words, names=input_labels(plan, lang), lang=lang))
    column = out["missing_inputs"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        out["missing_inputs"] = _relabel(column, [missing_words(c, {}, lang, item_words=words) for c in column.cat.categories])
    else:
        out["missing_inputs"] = column.map(lambda text: missing_words(text, {}, lang, item_words=words))
    return out


def yes_words(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Yes/no columns (amount_is_minimum) as the catalogue's word for yes, blank for no, not True/False
    (the same in entitlements.csv and .xlsx); whole columns."""
    words = pa.array(["", translator(lang)(YES)], pa.large_string())
    for column in [c for c in frame.columns if pd.api.types.is_bool_dtype(frame[c])]:
        # taken from the two words by Arrow: the text column pandas makes of np.where's, without
        # turning 3 million numpy strings into Arrow ones
        chosen = words.take(pa.array(frame[column].to_numpy(dtype=bool).view(np.int8)))
        frame[column] = pd.array(chosen, dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    return frame


def localise(frame: pd.DataFrame, lang: str, plan=None, yes: bool = True) -> pd.DataFrame:
    """The table in `lang`'s words (Vietnamese: headers, labels, missing inputs; English is kept as
    codes, for machines). `yes=False`: the yes/no columns are left for the caller to word."""
    if lang != "vi":
        return frame
    out = word_missing(frame, plan, lang) if plan is not None else frame.copy(deep=False)
    out = reasons_in(out, lang)
    if yes:
        out = yes_words(out, lang)
    for name, mapping in values_in(lang).items():
        if name in out.columns:
            column = out[name]
            if isinstance(column.dtype, pd.CategoricalDtype):
                out[name] = _relabel(column, [mapping.get(c, c) for c in column.cat.categories])
            else:
                out[name] = column.replace(mapping)
    _ = translator(lang)
    return out.rename(columns={c: _(HEADERS[c]) if c in HEADERS else c for c in out.columns})


def write_table(frame: pd.DataFrame, path_stem: Path, fmt: str, beside: Staging | None = None,
                finish=None) -> Path:
    """`frame` as path_stem.<fmt>. Parquet (`parquetout`): `beside`, written in the staging folder's
    writer thread, a row group at a time, each made here first (the frame is not read in two
    threads); `finish`, applied to each row group's rows before it is made (yes/no words)."""
    if fmt == "parquet":
        path = write_parquet(frame, path_stem.with_suffix(".parquet"), beside.beside if beside else None, finish)
    elif fmt == "xlsx":
        path = path_stem.with_suffix(".xlsx")
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            printable(neutralise(frame)).to_excel(writer, index=False, sheet_name=path_stem.name[:31])
            writer.book.properties.created = writer.book.properties.modified = pd.Timestamp("2000-01-01").to_pydatetime()
        path.write_bytes(stable_zip(buffer.getvalue()))
    else:
        path = path_stem.with_suffix(".csv")
        safe = neutralise(frame)
        if write_csv_columns(safe, path) is None:    # a kind of column the columnar writer leaves to pandas
            safe.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def stable_zip(data: bytes) -> bytes:
    """Re-pack a zip (xlsx) with fixed entry timestamps so identical content gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(*stable_entry(info.filename, src.read(info.filename)))
    return out.getvalue()


def stable_entry(name: str, content: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    """A zip entry with a fixed timestamp, and openpyxl's save time in docProps/core.xml fixed too."""
    fixed = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    fixed.compress_type = zipfile.ZIP_DEFLATED
    if name == "docProps/core.xml":
        content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
    return fixed, content


def _counts(column: pd.Series) -> dict[str, int]:
    # counted on the column as it is (categories are counted by code, not as 3 million strings)
    counts = column.value_counts(dropna=False)
    return {str(k): int(v) for k, v in sorted((str(k), v) for k, v in counts.items()) if v}


def manifest(screening, outputs: dict[str, str] | None = None) -> dict:
    """What an auditor needs to reproduce a run: tool, rules, inputs, date, engine, counts."""
    register = screening.register
    decisions = screening.decisions
    used, withheld = unverified_in_force(screening.plan, screening.as_of)
    data = {
        "tool": "eligibility",
        "version": __version__,
        "rule_pack": {"folder": screening.plan.folder.name, "sha256": screening.plan.digest},
        "as_of": screening.as_of.isoformat(),
        "engine": screening.engine,
        "inputs": {p.name: file_sha256(p) for p in sorted(register.sources)} if register else {},
        "accounting": register.accounting if register else {},
        "register_warnings": list(register.warnings) if register else [],
        **register_record(register),
        "decisions": {"rows": int(len(decisions)),
                      "by_status": _counts(decisions["status"]), "by_coverage": _counts(decisions["coverage"])},
        "use_unverified": screening.plan.use_unverified,
        "unverified_values_in_force": used,
        "unverified_values_withheld": withheld,
    }
    audit = screening.extra.get("audit")
    if audit is not None:
        data["audit"] = audit_manifest(audit)
    if outputs:
        data["outputs"] = outputs
    return data


def _write(frame: pd.DataFrame, stem: Path, fmt: str, kind: str, lang: str, screening,
           beside: Staging | None = None) -> Path:
    """One table: a formatted workbook for xlsx (`reports/entitlements.py`), else as it is, localised."""
    if fmt == "parquet" and lang == "vi":   # yes/no words made a row group at a time: not a 3 M-row text column
        return write_table(localise(frame, lang, screening.plan, yes=False), stem, fmt, beside,
                           partial(yes_words, lang=lang))
    if fmt != "xlsx":
        return write_table(localise(frame, lang, screening.plan), stem, fmt, beside)
    from .reports.entitlements import write_table_xlsx

    return write_table_xlsx(frame, stem.with_suffix(".xlsx"), kind, lang, screening.plan, manifest(screening))


def audit_manifest(audit) -> dict:
    """Where each list-reading benefit's coverage comes from, the matching table, and each finding's
    count and money (eligibility/audit/)."""
    flags = sorted(b for b, s in audit.sources.items() if s == "flags")
    findings = audit.findings
    by_finding = ({str(k): {"count": int(len(g)), "money": float(g["money"].abs().sum())}
                   for k, g in findings[["finding", "money"]].groupby("finding")} if len(findings) else {})
    return {
        "coverage_source": dict(sorted(audit.sources.items())),
        "coverage_estimated_from_flags": flags,
        "matching": audit.matching.to_dict(orient="records") if len(audit.matching) else [],
        "findings": by_finding,
        "warnings": list(audit.warnings),
    }


def write_outputs(screening, out_dir, fmt: str = "csv", lang: str = "en",
                  force: bool = False) -> dict[str, Path]:
    """entitlements.<fmt>, rejects.<fmt> and manifest.json in `out_dir`, whole or not at all
    (see `outfolder`: staged beside `out_dir`, swapped into place when complete, locked)."""
    inputs = tuple(screening.register.sources) if screening.register is not None else ()
    with staged(out_dir, force=force, inputs=inputs) as folder:
        out = folder.path
        tables = {"entitlements": screening.decisions}
        if screening.register is not None:
            tables["rejects"] = screening.register.rejects
        # the entitlements (a million rows and more) are written beside the rest, in the folder's writer thread
        written = {kind: _write(frame, out / kind, fmt, kind, lang, screening, folder if kind == "entitlements" else None)
                   for kind, frame in tables.items()}
        if screening.register is not None:
            written.update(register_tables(screening.register, out, fmt, lang, write_table))
        audit = screening.extra.get("audit")
        if audit is not None and len(audit.matches):   # the register gave programme lists
            from .reports.audit import in_words, with_headers

            for name, table in (("audit_findings", audit.findings), ("list_matching", audit.matching)):
                shown = with_headers(in_words(table, screening.plan, lang), lang)   # vi: words; en: codes
                written[name] = write_table(shown, out / name, fmt)
        folder.manifest(manifest(screening), outputs=written)   # each output's hash added once all are written
        written["manifest"] = out / MANIFEST
    return folder.final_paths(written)
