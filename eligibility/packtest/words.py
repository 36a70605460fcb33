"""What `eligibility test` says about a scenario, in the language of the run (`messages.language`, which
`eligibility test --lang` sets; English where the steps run under pytest-bdd).

A policy officer reads a failure as the rest of the Vietnamese output reads: statuses and coverages in
the catalogue's words (`đủ điều kiện`, `bỏ sót`), amounts with their unit in the reader's number
format (`1.500.000 đồng/tháng`), dates dd/mm/yyyy. English keeps the texts it had before the
catalogue (`status=eligible amount=1,500,000 ...`), which policy staff and tests already know.

The texts are written where a step fails, in the process that checks it: a forked worker of
`processes.py` inherits the language and sends its failures back as text.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..errors import say
from ..messages import language
from ..vocabulary import Coverage, Status
from ..wording.catalogue import N_, translator
from ..wording.formats import format_date, format_number, format_percent
from ..wording.units import format_amount, format_rate
from .figures import MONEY_UNITS, exact, show_figure

# The register tables a scenario fills, as a reader names them.
TABLES = {"households": N_("households"), "members": N_("members"), "programme_lists": N_("programme lists"),
          "merit_records": N_("merit records")}
# What each placeholder of a step phrase stands for, in a suggestion ("did you mean ...").
PLACEHOLDERS = {"who": N_("<person or household id>"), "benefit": N_("<benefit>"), "amount": N_("<amount>"),
                "hid": N_("<household id>"), "commune": N_("<commune>"), "other": N_("<other household id>"),
                "pid": N_("<person id>"), "born": N_("<date of birth>"), "day": N_("<date>"),
                "inputs": N_("<missing input>"), "rule": N_("<rule>"), "status": N_("<status>"),
                "coverage": N_("<coverage>"), "finding": N_("<finding>"), "money": N_("<money>"),
                "rate": N_("<rate>")}


def english() -> bool:
    return language() == "en"


def hint(found: str | None) -> str:
    """"; did you mean 'x'?" in the language of the run ("" without a suggestion)."""
    return say(N_("; did you mean '{hint}'?"), hint=found) if found else ""


def table_name(table: str) -> str:
    """A register table as the step names it: its code in English (as before), its words in Vietnamese."""
    return table if english() else translator(language())(TABLES.get(table, table))


def figure(value, unit: str | None = None) -> str:
    """A figure as the reader writes it: `1,500,000` (en, as before) or `1.500.000 đồng/tháng` (vi)."""
    lang = language()
    if lang == "en":
        return show_figure(value, unit)
    if value is None or pd.isna(value):
        return say(N_("none"))
    number = float(exact(value))
    if unit in MONEY_UNITS or unit in ("loan", "kg_rice"):
        return format_amount(number, unit, lang)
    if unit == "share_of_premium":
        return format_percent(number, lang)
    return format_number(number, lang, 4)


def money_words(value) -> str:
    """A sum of đồng an audit finding carries: `500000` (en, as before) or `500.000 đồng` (vi)."""
    if english():
        return show_figure(value)
    if value is None or pd.isna(value):
        return say(N_("none"))
    return say(N_("{amount} VND"), amount=format_number(float(exact(value)), language()))


def rate_words(value) -> str:
    """A yearly interest rate: `0.0624` (en, as before) or `6,24%/năm` (vi)."""
    if english():
        return show_figure(value)
    if value is None or pd.isna(value):
        return say(N_("none"))
    return format_rate(float(exact(value)), language())


def status_word(code) -> str:
    """A status: its code in English (as before), the catalogue's word in Vietnamese."""
    if english() or code not in Status.words():
        return str(code)
    return Status(code).label(language())


def coverage_word(code) -> str:
    """A coverage: its code in English (as before), the catalogue's word in Vietnamese ("không có": none)."""
    if english() or code not in Coverage.words():
        return str(code)
    return Coverage(code).label(language()) or say(N_("none"))


def allowed(words: dict[str, str], vocabulary) -> str:
    """The words a step may use for a status or a coverage: all of them in English (as before), the
    catalogue's Vietnamese words in Vietnamese."""
    if english():
        return ", ".join(words)
    return ", ".join(dict.fromkeys(w.label(language()) for w in vocabulary if w.label(language())))


# The fields of an example's expectation (`expect:` in a rule file) as the failure names them.
FIELDS = {"status": N_("status"), "coverage": N_("coverage"), "rule": N_("rule"), "amount": N_("amount"),
          "rate": N_("rate"), "amount_is_minimum": N_("amount_is_minimum"), "missing": N_("missing inputs"),
          "benefit": N_("benefit"), "person": N_("person"), "tolerance": N_("tolerance"),
          "rounding": N_("rounding"), "variable": N_("variable"), "value": N_("value")}


def shown_value(value) -> str:
    """A value an example compares, as the reader writes it (English: as Python writes it, as before)."""
    if english():
        return repr(value)
    if value is None:
        return say(N_("none"))
    if isinstance(value, bool):
        return say(N_("yes") if value else N_("no"))
    if isinstance(value, list):
        return ", ".join(map(str, value)) or say(N_("none"))
    if isinstance(value, float):
        return format_number(value, language(), 4)
    if isinstance(value, dt.date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return format_date(value, language())
    return status_word(value) if value in Status.words() else coverage_word(value)


def expected_field(key: str, got, want) -> str:
    """"status 'eligible', expected 'not_eligible'" (en, as before) · "kết quả xét: đủ điều kiện, mong
    đợi không đủ điều kiện" (vi). Amounts and rates come written (`figure`, `rate_words`)."""
    quoted = key in ("status", "coverage", "rule")
    if english():
        got, want = (repr(got), repr(want)) if quoted else (str(got), str(want))
    elif quoted or not isinstance(got, str):
        got, want = shown_value(got), shown_value(want)
    return say(N_("{field} {got}, expected {want}"), field=translator(language())(FIELDS[key]), got=got, want=want)


def expectation(fields: dict, unit: str | None) -> str:
    """What an example expects (its `expect:` entry), field by field, in the run's language."""
    shown = {}
    for key, value in fields.items():
        if key in ("amount", "tolerance"):
            value = figure(value, unit)
        elif key == "rate":
            value = rate_words(value)
        elif not english():
            value = shown_value(value) if not isinstance(value, str) or key in ("status", "coverage") else value
        shown[translator(language())(FIELDS.get(key, key)) if not english() else key] = value
    return ", ".join(f"{k}: {v}" for k, v in shown.items())


def show_row(row) -> str:
    """A decision as the failure shows it: status, amount, rule, coverage, missing inputs, explanation."""
    unit, missing = row.get("unit"), row["missing_inputs"] or ""
    text = say(N_("status={status} amount={amount} rule={rule} coverage={coverage} missing={missing}"),
               status=status_word(row["status"]), amount=figure(row["amount"], unit), rule=row["rule"] or "",
               coverage=coverage_word(row["coverage"]),
               missing=repr(missing) if english() else missing or say(N_("none")))
    if row.get("amount_is_minimum"):
        text += say(N_(" (amount is a minimum)"))
    explanation = row["explanation"]
    return text + say(N_(" explanation={explanation}"),
                      explanation=repr(explanation) if english() else explanation)


def phrase_example(pattern: str, lang: str) -> str:
    """A step phrase of the table in `steps.py` as a reader writes it, in `lang`: each alternative
    `(?:English|Vietnamese)` written in the one language, each value a placeholder (`<benefit>`)."""
    _ = translator(lang)
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: _(PLACEHOLDERS.get(m.group(1), m.group(1))), pattern)
    text = re.sub(r"\(\?:[^()]*\)\?", lambda m: _choose(m.group(0)[3:-2], lang, optional=True), text)
    text = re.sub(r"\(\?:([^()]*)\)", lambda m: _choose(m.group(1), lang), text)
    text = text.replace(r"\(", "(").replace(r"\)", ")").replace(",?", ",")
    return text.rstrip("$").strip()


def _choose(group: str, lang: str, optional: bool = False) -> str:
    """The alternative of `group` in `lang`: English ones are plain ASCII, Vietnamese ones are not
    (`cho` is the one Vietnamese word without a mark: the last alternative then)."""
    choices = group.split("|")
    if lang == "en":
        return choices[0]
    if optional:
        return ""
    marked = [c for c in choices if not c.isascii()]
    return marked[0] if marked else choices[-1]


def parser_error(reason: str) -> tuple[int | None, str]:
    """The line of a Gherkin syntax error, and what to say about it (the parser's own words in English)."""
    found = re.search(r"\((\d+):(\d+)\)", reason)
    line = int(found.group(1)) if found else None
    if english():
        return line, reason
    return line, say(N_("the line is not Gherkin the runner can read (a keyword, a step or a table row is "
                        "out of place; column {column})"), column=found.group(2) if found else "?")
