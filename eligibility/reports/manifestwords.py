"""The manifest as an officer reads it: each entry named in words, its value in the reader's conventions.

manifest.json (and the JSON embedded in each HTML report) keeps the machine's keys and values, so that
a run can be reproduced and compared by a program. The table "Thông tin để tái lập số liệu" at the end
of the HTML reports is read by people: under vi its keys are worded from the catalogue, dates are
dd/mm/yyyy, numbers Vietnamese, benefits, statuses and findings named by their labels, and the
unverified values cited in Vietnamese legal style from their structured references in the rule pack
(the manifest's own strings of them are English citations, kept for machines). English keeps the
machine's keys (`manifest.as_of`), which are what an English-reading auditor searches manifest.json for.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..register.mapping import blank_words
from ..register.merit_inputs import READ_INTO
from ..register.report import TABLE_WORDS
from ..vocabulary import Coverage, Status
from ..wording import N_, translator
from ..wording.formats import format_date, format_number
from .labels import SHEETS

Rows = list[tuple[str, str]]
Say = Callable[[str], str]

ENGINES = {"vectorised": N_("vectorised (the whole table at once)"), "dask": N_("in parts on a Dask cluster")}
SOURCES = {"list": N_("the programme's list"), "flags": N_("the register's columns (estimated)")}
LANGUAGES = {"vi": N_("Vietnamese"), "en": N_("English")}
COMPARED = {"rules": N_("Compared: the rule packs differ"), "as_of": N_("Compared: the as-of dates differ"),
            "register": N_("Compared: the registers differ")}
NOTHING = N_("nothing to compare with a list")   # coverage none: not eligible and not receiving, or no enrolment
SIDES = {"old": N_("Before"), "new": N_("After")}
ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def manifest_rows(manifest: dict, prefix: str = "") -> list[tuple[str, str]]:
    """The manifest flattened to (key, value) lines: 'inputs.households.csv' → 'sha256…'."""
    rows = []
    for key in sorted(manifest):
        value = manifest[key]
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            rows.extend(manifest_rows(value, name + "."))
        elif isinstance(value, list):
            rows.append((name, "; ".join(map(str, value))))
        elif isinstance(value, dict):
            rows.append((name, ""))
        else:
            rows.append((name, str(value)))
    return rows


def worded_rows(manifest: dict, report: dict, lang: str, plan=None) -> Rows:
    """(name, value) lines of the manifest and the report's settings, for the reader of `lang`. `plan`:
    the rule pack the run used, or several (a diff's two sides): each side is cited from its own."""
    if lang == "en":
        return [("manifest." + k, v) for k, v in manifest_rows(manifest)] + \
               [("report." + k, v) for k, v in manifest_rows(report)]
    _ = translator(lang)
    rows: Rows = []
    for key in manifest:
        if key in SIDES and isinstance(manifest[key], dict):     # a diff's manifest: the two sides in turn
            side = _(SIDES[key])
            rows += [(f"{side}: {name}", text) for name, text in worded_rows(manifest[key], {}, lang, plan)]
        else:
            rows += _entry(key, manifest[key], manifest, _plan_of(plan, manifest), lang, _)
    for key, value in report.items():
        rows += _report_entry(key, value, lang, _)
    return rows


def _plan_of(plans, manifest: dict):
    """The rule pack whose digest the manifest records, else the first given (its labels still name the
    benefits; `_unverified` cites from the recorded pack only)."""
    digest = (manifest.get("rule_pack") or {}).get("sha256")
    candidates = [p for p in (plans if isinstance(plans, (tuple, list)) else (plans,)) if p is not None]
    return next((p for p in candidates if p.digest == digest), candidates[0] if candidates else None)


def _entry(key: str, value, manifest: dict, plan, lang: str, _: Say) -> Rows:
    """The lines of one top-level entry (a key this module does not know: its code and value, worded)."""
    simple = {"command": N_("Command"), "side": N_("Side compared"), "engine": N_("Way of computing")}
    if key == "tool":
        return [(_("Program"), f"{value} {manifest.get('version', '')}".strip())]
    if key == "version":
        return []
    if key in simple:
        return [(_(simple[key]), _(ENGINES[value]) if key == "engine" and value in ENGINES else _plain(value, lang, _))]
    if key == "as_of":
        return [(_("Date the law is applied at"), format_date(value, lang))]
    if key == "rule_pack":
        return [(_("Rule pack (folder)"), str(value.get("folder", ""))),
                (_("Rule pack (SHA-256)"), str(value.get("sha256", "")))]
    if key in ("inputs", "files", "outputs"):
        name = _("Input file {name} (SHA-256)") if key == "inputs" else _("Output file {name} (SHA-256)")
        return [(name.format(name=file), str(digest).split("sha256:")[-1]) for file, digest in value.items()]
    if key == "accounting":
        return [(_("Rows of the register"), _("{table}: read {read} = accepted {accepted} + rejected {rejected}").format(
            table=_table(table, _), **{k: format_number(n, lang) for k, n in counts.items()}))
            for table, counts in value.items()]
    if key == "cell_accounting":
        return [(_("Cells of the register"), _("{table}: cells {cells} = used {used} + unknown {unknown} + empty {empty}")
                 .format(table=_table(table, _), **{k: format_number(n, lang) for k, n in counts.items()}))
                for table, counts in value.items()]
    if key == "cell_issues":
        return [(_("Cells not understood"), format_number(value.get("rows", 0), lang))] + \
               [(_("Cells not understood, code {code}").format(code=code), format_number(n, lang))
                for code, n in value.get("by_code", {}).items()]
    if key == "columns":
        return [_column(record, lang, _) for record in value]
    if key == "decisions":
        return _decisions(value, lang, _)
    if key == "use_unverified":
        return [(_("Values graded D used (--use-unverified)"), _yes_no(value, _))]
    if key in ("unverified_values_in_force", "unverified_values_withheld"):
        return _unverified(key, value, manifest, plan, lang, _)
    if key == "audit":
        return _audit(value, plan, lang, _)
    if key == "derived_inputs":
        return [(_("Read into the members' inputs"), _(READ_INTO).format(
            records=format_number(note["records"], lang), people=format_number(note["people"], lang),
            inputs=", ".join(note["inputs"]))) for note in value.values()]
    if key == "skipped_rows":
        return [(_("Row skipped as not data"), _("{file}, row {row}: {what}").format(
            file=r.get("file", ""), row=r.get("row", ""), what=_(str(r.get("what", "")))) + f" «{r.get('text', '')}»")
            for r in value]
    if key == "partitions":
        return [(_("Parts of the register"), "; ".join([format_number(value.get("count", 0), lang),
                                                         *map(str, value.get("names", []))]))]
    if key == "register_warnings":
        return [(_("Warning on reading the register"), str(text)) for text in value]
    return [(name, _plain(text, lang, _)) for name, text in manifest_rows({key: value})]


def _report_entry(key: str, value, lang: str, _: Say) -> Rows:
    if key == "lang":
        return [(_("Language of the report"), _(LANGUAGES.get(value, value)))]
    if key == "redacted":
        return [(_("Names and IDs replaced by pseudonyms"), _yes_no(value, _))]
    if key == "truncated_rows":
        return [(_("Rows of the sheet {sheet} (the sheet is cut; the CSV file has them all)").format(
            sheet=_(SHEETS[view]) if view in SHEETS else view), format_number(n, lang)) for view, n in value.items()]
    if key == "compared":
        return [(_(COMPARED[k]) if k in COMPARED else k, _yes_no(v, _)) for k, v in value.items()]
    return [(name, _plain(text, lang, _)) for name, text in manifest_rows({key: value})]


def _table(name: str, _: Say) -> str:
    return _(TABLE_WORDS[name]) if name in TABLE_WORDS else name


def _yes_no(value, _: Say) -> str:
    return _("yes") if value else _("no")


def _plain(value, lang: str, _: Say) -> str:
    """A value of an entry without a wording of its own: yes/no, a number or a date in the reader's
    conventions."""
    if isinstance(value, bool):
        return _yes_no(value, _)
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    return ISO_DATE.sub(lambda m: format_date(m.group(1), lang), str(value))


def _column(record: dict, lang: str, _: Say) -> tuple[str, str]:
    position, file = record.get("position"), record.get("file", "")
    name = _("Column {position} of {file}").format(position=position, file=file) if position else \
        _("Input of {file} without a column").format(file=file)
    text = f"«{record.get('source_header', '')}» → {record.get('input_vi') or record.get('input', '')}"
    if record.get("how_vi"):
        text += f" ({record['how_vi']})"
    if record.get("blank"):
        text += "; " + _("blank means: {words}").format(words=blank_words(record["blank"], lang))
    if record.get("note_vi"):
        text += f"; {record['note_vi']}"
    return name, text


def _decisions(value: dict, lang: str, _: Say) -> Rows:
    rows = [(_("Decisions"), format_number(value.get("rows", 0), lang))]
    rows += [(_("Decisions: {status}").format(status=_word(Status, code, lang)), format_number(n, lang))
             for code, n in value.get("by_status", {}).items()]
    rows += [(_("Decisions by coverage: {coverage}").format(coverage=_word(Coverage, code, lang)),
              format_number(n, lang)) for code, n in value.get("by_coverage", {}).items()]
    return rows


def _word(vocabulary, code: str, lang: str) -> str:
    try:
        member = vocabulary(code)
    except ValueError:
        return code
    return member.label(lang) or translator(lang)(NOTHING)


def _benefit(plan, code: str, lang: str) -> str:
    benefit = plan.benefits.get(code) if plan is not None else None
    return getattr(benefit.label, lang) if benefit is not None else code


def _unverified(key: str, value: list, manifest: dict, plan, lang: str, _: Say) -> Rows:
    """The unverified values, from the rule pack's parameters at the run's date: each value's figure in
    its unit and its source cited from the structured reference (the manifest's strings cite in English)."""
    from ..rulebook.unverified import value_note

    name = _("Unverified value in force") if key == "unverified_values_in_force" else _("Unverified value not used")
    digest = (manifest.get("rule_pack") or {}).get("sha256")
    if plan is None or "as_of" not in manifest or (digest and plan.digest != digest):
        return [(name, str(text)) for text in value]     # not the pack the run used: its record as it is
    as_of = dt.date.fromisoformat(str(manifest["as_of"])[:10])
    wanted = {str(text).split("=", 1)[0] for text in value}
    rows = []
    for code in sorted(wanted):
        param = plan.parameters.get(code)
        item = None if param is None else (param.at(as_of) if key == "unverified_values_in_force"
                                           else param.withheld(as_of))
        if item is None:
            rows.append((name, code))
            continue
        note = value_note(param, item, True, lang, plan) if item.value is not None else \
            _("{name}: no figure known from {date}").format(name=getattr(param.spec.label, lang),
                                                            date=format_date(item.from_, lang))
        rows.append((name, f"{note}; {item.reference.cite(lang)}"))
    return rows


def _audit(value: dict, plan, lang: str, _: Say) -> Rows:
    rows: Rows = []
    for code, source in value.get("coverage_source", {}).items():
        rows.append((_("Who receives {benefit}: read from").format(benefit=_benefit(plan, code, lang)),
                     _(SOURCES[source]) if source in SOURCES else source))
    for record in value.get("matching", []):
        rows.append((_("Matching the list of {benefit}").format(benefit=_benefit(plan, record["programme"], lang)),
                     _("{entries} entries: {by_id} by ID, {by_name} by name, {ambiguous} ambiguous, "
                       "{unmatched} unmatched").format(**{k: format_number(record.get(k, 0), lang) for k in
                                                          ("entries", "by_id", "by_name", "ambiguous", "unmatched")})))
    for code, found in value.get("findings", {}).items():
        word = _word(Coverage, code, lang)
        rows.append((_("Cases found: {finding}").format(finding=word), format_number(found["count"], lang)))
        rows.append((_("Money of the cases found: {finding}").format(finding=word), format_number(found["money"], lang)))
    rows += [(_("Warning of the audit"), str(text)) for text in value.get("warnings", [])]
    if "read" in value:
        rows.append((_("Programme lists audited"), _yes_no(value["read"], _)))
    if value.get("unread_files"):
        rows.append((_("Programme lists not audited"), "; ".join(map(str, value["unread_files"]))))
    return rows
