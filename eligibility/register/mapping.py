"""Every source column mapped to a declared input or listed as not used, every declared input
found or listed as absent, and how each was matched: the mapping table `screen` prints and writes.

A column matched only by similarity is a guess: it is not read unless the officer confirms it
(`--accept-suggested`) or maps it in a `--columns` file. `unresolved` holds those guesses; the
reader stops the run on them (exit 1), naming both fixes.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import asdict, dataclass, field

from ..errors import DataError
from ..messages import language
from ..wording.catalogue import N_, NC_, in_lang, translator
from ..rulebook.inputs import Table
from .headers import header_key, header_lookup, header_spellings
from .ticks import READINGS

HOW = {  # how a column was matched -> what the table says (`how`; `how_vi` its Vietnamese)
    "exact": N_("exact header"),
    "alias": N_("declared alias"),
    "folded": N_("accents, case or spacing ignored"),
    "unit": N_("unit in brackets ignored"),
    "merged": N_("merged two-row header (parent / child)"),
    "columns_file": N_("--columns file"),
    "suggested": N_("similar name, accepted with --accept-suggested"),
    "not_used": N_("not used"),
    "row_number": N_("row number (STT), not used"),
    "absent": N_("absent"),
}
ROW_NUMBER_KEYS = {"stt", "tt", "sott", "sothutu", "no"}
MAP_COLUMNS = ["table", "file", "position", "source_header", "input", "input_vi", "how", "how_vi", "blank", "note",
               "note_vi"]
_BRACKETS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")


@dataclass
class MapRow:
    table: str
    file: str
    position: int | None  # 1-based column in the file (None: a declared input the file lacks)
    source_header: str
    input: str
    how: str
    blank: str = ""  # how a blank cell reads, when the column is read
    note: str = ""
    note_vi: str = ""
    input_vi: str = ""  # the input's Vietnamese label (columns.csv in vi shows words, not only the code)

    def record(self) -> dict:
        data = asdict(self)
        data["how"], data["how_vi"] = HOW[self.how], translator("vi")(HOW[self.how])
        return {k: data[k] for k in MAP_COLUMNS}


@dataclass
class Mapping:
    columns: dict[str, str]  # declared input -> header in the file
    rows: list[MapRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (header, suggested input)

    @property
    def warnings(self) -> list[str]:
        """The guesses as warnings (for tables whose reader does not stop on them)."""
        file = self.rows[0].file if self.rows else ""
        return [f"{file}: column '{h}' is not used; did you mean '{n}'?" for h, n in self.unresolved]


def _exact(table: Table) -> dict[str, tuple[str, str]]:
    """header text -> (input, 'exact' | 'alias'), dropping texts two inputs share."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for name, column in table.columns.items():
        for text in (name, column.label.vi, column.label.en):
            owners.setdefault(text.strip(), set()).add((name, "exact"))
        for text in column.aliases:
            owners.setdefault(text.strip(), set()).add((name, "alias"))
    out = {}
    for text, hits in owners.items():
        if len({n for n, _ in hits}) == 1:
            out[text] = min(hits, key=lambda h: h[1] != "exact")
    return out


def strip_units(text: str) -> str:
    """'Thu nhập bình quân (đồng/người/tháng)' -> 'Thu nhập bình quân'."""
    return _BRACKETS.sub(" ", str(text)).strip()


def _unit_lookup(table: Table) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for name in table.columns:
        for spelling in header_spellings(table, name):
            owners.setdefault(header_key(strip_units(spelling)), set()).add(name)
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1 and k}


class _Matcher:
    def __init__(self, table: Table):
        self.table = table
        self.exact = _exact(table)
        self.folded = header_lookup(table)
        self.units = _unit_lookup(table)

    def match(self, header: str, parent: tuple[str, str] | None) -> tuple[str, str] | None:
        if header in self.exact:
            return self.exact[header]
        name = self.folded.get(header_key(header))
        if name is not None:
            return name, "folded"
        if parent is not None:
            hit = self._merged(*parent)
            if hit is not None:
                return hit, "merged"
        name = self.units.get(header_key(strip_units(header)))
        return (name, "unit") if name is not None else None

    def _merged(self, top: str, sub: str) -> str | None:
        """Parent + child (`Thiếu hụt` / `Việc làm`), the child alone, or a declared spelling that
        ends with the child and whose beginning is part of the parent (`Thiếu hụt các dịch vụ xã
        hội cơ bản` / `Việc làm` -> `Thiếu hụt việc làm`)."""
        for text in (top + " " + sub, sub):
            for key in (header_key(text), header_key(strip_units(text))):
                if key in self.folded:
                    return self.folded[key]
        child, whole = header_key(strip_units(sub)), header_key(top)
        hits = {name for key, name in self.folded.items()
                if child and key.endswith(child) and len(key) > len(child) and key[:-len(child)] in whole}
        return next(iter(hits)) if len(hits) == 1 else None


def map_headers(headers: list[str], table: Table, label: str, parents: dict[int, tuple[str, str]] | None = None,
                given: dict[str, str | None] | None = None, accept_suggested: bool = False) -> Mapping:
    """Match `headers` to the declared inputs of `table`. Raises DataError for a column given twice
    or a required input absent; similarity matches go to `unresolved` unless accepted."""
    matcher, parents, given = _Matcher(table), parents or {}, given or {}
    found: dict[str, str] = {}
    rows: list[MapRow] = []
    unknown: list[tuple[int, str]] = []
    for position, header in enumerate(headers, start=1):
        if _is_blank_header(header):
            continue
        if header in given:
            name, how = given[header], "columns_file"
        else:
            hit = matcher.match(header, parents.get(position - 1))
            name, how = hit if hit is not None else (None, "")
        if name is None:
            if header in given or header_key(header) in ROW_NUMBER_KEYS:
                rows.append(MapRow(table.table, label, position, header, "",
                                   "not_used" if header in given else "row_number"))
            else:
                unknown.append((position, header))
            continue
        if name in found:
            _ = translator(language())
            raise DataError(_("columns '{first}' and '{second}' both mean '{name}' ({en}); keep only one of them, "
                              "or map one of them to nothing in a --columns file").format(
                first=found[name], second=header, name=name, en=table.columns[name].label.en,
                vi=table.columns[name].label.vi), file=label, column=header)
        found[name] = header
        rows.append(MapRow(table.table, label, position, header, name, how))
    mapping = Mapping(found, rows)
    for position, header in unknown:
        guess = _guess(table, header, found, parents.get(position - 1))
        if guess is not None and accept_suggested and guess in table.columns and guess not in found:
            found[guess] = header
            rows.append(MapRow(table.table, label, position, header, guess, "suggested"))
            continue
        if guess is not None:
            mapping.unresolved.append((header, guess))
        rows.append(MapRow(table.table, label, position, header, "", "not_used",
                           note=RESEMBLES_NOTE.format(guess=guess) if guess else "",
                           note_vi=translator("vi")(RESEMBLES_NOTE).format(guess=_labels_vi(table, guess)) if guess else ""))
    _require(table, found, headers, label, mapping)
    mapping.missing = [n for n in table.columns if n not in found]
    rows.sort(key=lambda r: r.position or 0)
    rows += [MapRow(table.table, label, None, "", n, "absent") for n in mapping.missing]
    for row in rows:
        row.input_vi = _labels_vi(table, row.input)
    return mapping


def _labels_vi(table: Table, names: str) -> str:
    """'a' or 'a or b' (a guess between inputs) as their Vietnamese labels."""
    return translator("vi")(N_(" or ")).join(table.columns[n].label.vi if n in table.columns else n
                                             for n in names.split(" or ") if n)


RESEMBLES_NOTE = N_("resembles '{guess}'")   # an unused header like an input's name (its label in Vietnamese)
RESEMBLES = 0.8  # similarity (accents kept) above which an unmatched header is taken to mean an input


def _guess(table: Table, header: str, found: dict[str, str], parent: tuple[str, str] | None) -> str | None:
    """The declared input (not yet found) that the header resembles ('a or b' when several): a spelling very close to it,
    accents kept (`Số điện thoại` is nothing like `Số người chết`), or one whose first words it is,
    or which is its first words, covering at least half of the longer (`Thu nhập` → `Thu nhập bình
    quân`; `Mã định danh cá nhân` → `Mã định danh`)."""
    spellings = {s: n for n in table.columns if n not in found for s in header_spellings(table, n)}
    texts = [header, strip_units(header)] + ([parent[1]] if parent else [])
    for text in texts:
        words = _words(text)
        if not words:
            continue
        close = difflib.get_close_matches(" ".join(words), [" ".join(_words(s)) for s in spellings], n=1,
                                          cutoff=RESEMBLES)
        hits = {n for s, n in spellings.items() if close and " ".join(_words(s)) == close[0]}
        hits |= {n for s, n in spellings.items() if _prefix_of_each_other(words, _words(s))}
        if hits:  # several: a guess between inputs, which only a --columns file settles
            return " or ".join(sorted(hits))
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", str(text)).lower())


def _prefix_of_each_other(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and long[:len(short)] == short and 2 * len(short) >= len(long)


def _require(table: Table, found: dict[str, str], headers: list[str], label: str, mapping: Mapping) -> None:
    for name, column in table.columns.items():
        if column.required and name not in found:
            guess = next((h for h, n in mapping.unresolved if n == name), None)
            spellings = ", ".join(repr(s) for s in dict.fromkeys(header_spellings(table, name)))
            _ = translator(language())   # said to the officer in the language the command line set
            text = _("required column '{name}' ({vi} / {en}) is missing; accepted headers: {spellings}").format(
                name=name, vi=column.label.vi, en=column.label.en, spellings=spellings)
            if guess is not None:
                text += _("; did you mean '{guess}'? (confirm with --accept-suggested, or map it in a --columns "
                          "file)").format(guess=guess)
            raise DataError(text, file=label, column=name)


def _is_blank_header(header: str) -> bool:
    return not str(header).strip() or str(header).startswith("Unnamed: ")


def unresolved_message(guesses: list[tuple[str, str, str]]) -> str:
    """One line naming every guessed column and both fixes. `guesses`: (file, header, input)."""
    _ = translator(language())
    shown = "; ".join(f"{file} '{header}' → {name}?" for file, header, name in guesses[:6])
    more = _(" (and {n} more)").format(n=len(guesses) - 6) if len(guesses) > 6 else ""
    return _("{n} column(s) only resemble a declared input and were not read: {shown}{more}. Confirm the "
             "suggestions with --accept-suggested, or write a --columns file (YAML, one line per column: 'source "
             "header: input', or 'source header: null' to leave it unused)").format(n=len(guesses), shown=shown,
                                                                                    more=more)


def note_absent(mapping, plan, schema) -> None:
    """Name, on each absent input's row, the benefits whose rules read it (left undetermined
    wherever they need it). `plan`: the compiled pack (its benefits' `inputs`)."""
    if mapping.empty:
        return
    absent = (mapping["how"] == HOW["absent"]).to_numpy()
    vi = translator("vi")     # the mapping table keeps both: `note` (English) and `note_vi`
    for i in absent.nonzero()[0]:  # one per absent input (a few dozen at most)
        table, name = mapping.at[i, "table"], mapping.at[i, "input"]
        entity = getattr(schema, table).entity
        used = sorted(b.id for b in plan.benefits.values() if (entity, name) in b.inputs)
        column = getattr(schema, table).columns.get(name)
        default = column is not None and column.blank != "unknown"
        note = ABSENT_NOTES["default" if default else "undetermined"] if used else ABSENT_NOTES["unused"]
        mapping.at[i, "note"] = note.format(blank=column and column.blank, benefits=", ".join(used))
        mapping.at[i, "note_vi"] = vi(note).format(blank=column and vi(BLANKS[column.blank]),
                                                   benefits="; ".join(plan.benefits[b].label.vi for b in used))


ABSENT_NOTES = {  # an absent input's note: what its absence does to the benefits that read it
    "default": N_("declared blank = {blank}, the rules' default where they read it: {benefits}"),
    "undetermined": N_("leaves undetermined where needed: {benefits}"),
    "unused": N_("no benefit reads it"),
}
# what a blank cell reads as (a column's `blank:`): "chưa biết" here, where a condition not known is "chưa rõ"
BLANKS = {"unknown": NC_("blank cell", "unknown"), "no": N_("no"), "zero": "0"}   # (0: a figure in every language)


SAID = {  # the terminal's words around the table
    "columns": N_("{file}: {n} column(s), {plain} read by their exact or declared header"),
    "absent": N_("  absent ({n}): {names}"),
    "filled": N_("{n} empty cell(s) read so"),
    "whole": N_("  (every column, and what each absent input leaves undetermined: {file})"),
}
PLAIN = {HOW["exact"], HOW["alias"]}
_FILLED = re.compile(r"; ([\d,]+) empty cell\(s\) read so")


def mapping_lines(mapping, lang: str = "en", written: str = "columns.csv") -> list[str]:
    """The mapping table as terminal lines, short: per file a count of the columns read by their own
    header, then only what deserves a look (a header matched another way, a column not used, blank
    cells read as no or 0), then the absent inputs by name. The whole table is the `columns` output."""
    if mapping.empty:
        return []
    i = 1 if lang == "vi" else 0
    said = in_lang(SAID, lang)
    lines = []
    for file, part in mapping.groupby("file", sort=False):
        present = part[part["position"].notna()]
        filled = present["blank"].fillna("").str.contains("read so")
        worth = present[~present["how"].isin(PLAIN) | filled]
        lines.append(said["columns"].format(file=file, n=len(present), plain=len(present) - len(worth)))
        for row in worth.itertuples():  # the few columns worth a look
            target = (row.input_vi if i else row.input) or "—"
            lines.append(f"  {int(row.position):>3}  {row.source_header[:60]:<60} → {target:<28} "
                         f"({row.how_vi if i else row.how}{_blank(row.blank, i)})")
        absent = part[part["position"].isna()]["input_vi" if i else "input"].tolist()
        if absent:
            lines.append(said["absent"].format(n=len(absent), names=", ".join(absent)))
    lines.append(said["whole"].format(file=written))
    return lines


def _blank(text: str, i: int) -> str:
    """How a blank reads, in the language asked for (the table keeps the English words)."""
    if not text or text.startswith(READINGS["unknown"]):
        return ""
    return "; " + blank_words(text, "vi" if i else "en")


def blank_words(text: str, lang: str) -> str:
    """The mapping table's 'blank' cell (English, as recorded) in `lang`, numbers in its conventions."""
    from ..wording.formats import format_number

    if not text:
        return ""
    filled = _FILLED.search(text)
    i = 1 if lang == "vi" else 0
    _ = translator(lang)
    words = next((_(en) for en in READINGS.values() if text.startswith(en)), text) if i else text.split(";")[0]
    n = int(filled.group(1).replace(",", "")) if filled else 0
    return words + ("; " + _(SAID["filled"]).format(n=format_number(n, lang)) if filled else "")
