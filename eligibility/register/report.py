"""What a register read leaves for the outputs: the column mapping (`columns.*`), the rows skipped
as not data, and the manifest's record of both (hooks for `outputs.py`)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..wording import N_, translator
from ..wording.catalogue import in_lang
from ..wording.formats import format_number
from .cells import CELL_HEADERS, GENERATED_ID, PARTIAL_DATE
from .mapping import blank_words
from .model import reasons_in

# columns' headers where it is worded (Vietnamese; the English file keeps the codes)
COLUMN_HEADERS = {
    "table": N_("Table"), "file": N_("File"), "position": N_("Column number"), "source_header": N_("Header in the file"),
    "input": N_("Input code"), "input_vi": N_("Input, by its label"), "how_vi": N_("How the header was matched"),
    "blank": N_("A blank cell means"), "note_vi": N_("Note"),
}


def register_record(register) -> dict:
    """The manifest's part: mapping rows and skipped rows (empty when the screening read no files)."""
    if register is None:
        return {}
    out: dict = {}
    mapping = getattr(register, "mapping", None)
    if mapping is not None and not mapping.empty:
        out["columns"] = _records(mapping)
    skipped = getattr(register, "skipped", None)
    if skipped is not None and not skipped.empty:
        out["skipped_rows"] = _records(skipped)
    if getattr(register, "derived", None):   # e.g. the merit records read into the members' inputs
        out["derived_inputs"] = register.derived
    if getattr(register, "cell_accounting", None):
        out["cell_accounting"] = register.cell_accounting
        issues = register.cell_issues
        out["cell_issues"] = {"rows": int(len(issues)),
                              "by_code": {str(k): int(v) for k, v in issues["code"].value_counts().sort_index().items()}}
    return out


def _records(frame: pd.DataFrame) -> list[dict]:
    clean = frame.astype(object).where(frame.notna(), None)
    records = clean.to_dict("records")
    for record in records:  # a few hundred at most: JSON wants plain ints
        for key, value in record.items():
            if isinstance(value, float) and value.is_integer():
                record[key] = int(value)
    return records


def register_tables(register, out: Path, fmt: str, lang: str, write_table) -> dict[str, Path]:
    """`columns.<fmt>` (the mapping table) and `cell_issues.<fmt>`, headers in `lang`."""
    written = {}
    mapping = getattr(register, "mapping", None)
    if mapping is not None and not mapping.empty:
        frame = mapping.copy()
        frame["position"] = frame["position"].astype("Int64")
        if lang == "vi":   # words only: the English columns stay in manifest.json (`columns`)
            frame["table"] = _table_words(frame["table"], lang)
            frame["blank"] = frame["blank"].fillna("").map(lambda text: blank_words(text, "vi"))
            frame = frame.drop(columns=["how", "note"]).rename(columns=in_lang(COLUMN_HEADERS, lang))
        else:
            frame = frame.drop(columns=["input_vi", "how_vi", "note_vi"])
        written["columns"] = write_table(frame, out / "columns", fmt)
    issues = getattr(register, "cell_issues", None)
    if issues is not None and len(issues.columns):
        frame = issues
        if lang == "vi":
            frame = reasons_in(issues.drop(columns=["action"]).assign(table=_table_words(issues["table"], lang)), lang)
            frame = frame.rename(columns=in_lang(CELL_HEADERS, lang))
        written["cell_issues"] = write_table(frame, out / "cell_issues", fmt)
    return written


def _table_words(tables: pd.Series, lang: str) -> pd.Series:
    _ = translator(lang)
    return tables.astype(object).map(lambda name: _(TABLE_WORDS[name]) if name in TABLE_WORDS else name)


def cell_lines(register, lang: str = "en") -> list[str]:
    """'households: cells 1,804 = used 1,650 + unknown 4 + empty 150' per table, and where the
    unknown cells are listed."""
    _ = translator(lang)
    counts = getattr(register, "cell_accounting", None) or {}
    lines = []
    for table, c in counts.items():
        ok = c["cells"] == c["used"] + c["unknown"] + c["empty"]
        lines.append(_("{table}: cells {cells} = used {used} + unknown {unknown} + empty {empty}").format(
            table=_(TABLE_WORDS.get(table, table)), **{k: format_number(c[k], lang) for k in CELL_COUNTS})
            + ("" if ok else "  ← MISMATCH"))
    issues = getattr(register, "cell_issues", None)
    if issues is not None and len(issues):
        generated = int((issues["code"] == GENERATED_ID).sum())
        partial = int((issues["code"] == PARTIAL_DATE).sum())
        said = [_("{n} cell(s) not understood, treated as unknown").format(
            n=format_number(len(issues) - generated - partial, lang))]
        if generated:
            said.append(_("{n} person ID(s) generated").format(n=format_number(generated, lang)))
        if partial:
            said.append(_("{n} date(s) known only to the year or month, read as intervals").format(
                n=format_number(partial, lang)))
        lines.append("; ".join(said) + " " + _("(each in cell_issues)"))
    return lines


CELL_COUNTS = ("cells", "used", "unknown", "empty")
TABLE_WORDS = {"households": N_("households"), "members": N_("members"),
               "programme_lists": N_("programme lists"), "merit_records": N_("merit records")}
