"""click's own words (usage errors, 'Usage:', 'Try … for help.', 'Error: …') in the reader's language.

click looks its messages up with gettext when it raises or shows them: each of its modules does
`from gettext import gettext as _` (and `ngettext`). For the length of one command run in Vietnamese
those names are pointed at our catalogue (`wording/`), which holds click's messages as they are
written in click's source; the English ids below mark them for Babel, so that
`tests/wording/test_wording_catalogue.py` fails on one without its Vietnamese. Only what a user of the
command line can meet is listed (not click's errors to programmers, such as a name defined twice).
"""
from __future__ import annotations

import importlib
import re
from contextlib import contextmanager
from collections.abc import Iterator

from .wording.catalogue import N_, NP_, translations

CLICK_MODULES = ("core", "parser", "exceptions", "types", "decorators", "formatting", "termui", "utils")

MESSAGES = (
    N_("Usage:"), N_("Try '{command} {option}' for help."), N_("Error: {message}"), N_("Aborted!"),
    N_("Missing command."), N_("No such command {name!r}."), N_("No such option {name!r}."),
    N_("Missing argument"), N_("Missing option"), N_("Missing parameter"), N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"), N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"), N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."), N_("Invalid start character for option ({option})"),
    N_("Value must be an iterable."), N_("Could not open file {filename!r}: {message}"), N_("unknown error"),
    N_("{value!r} is not a valid {number_type}."), N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"), N_("{value!r} is not a valid UUID."),
    N_("file"), N_("directory"), N_("path"),
    N_("{name} {filename!r} does not exist."), N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."), N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."), N_("{name} {filename!r} is not executable."),
    N_("Show the version and exit."), N_("Show this message and exit."), N_("default: {default}"),
    N_("env var: {var}"), N_("(dynamic)"), N_("Options"), N_("Commands"), N_("Positional arguments"),
    N_("%(prog)s, version %(version)s"), N_("Choose from:\n\t{choices}"), N_("required"),
)
PLURALS = (
    NP_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    NP_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    NP_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    NP_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    NP_("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."),
    NP_("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."),
    NP_("{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given."),
)


# What an option's or an argument's value is (`--as-of DATE`, `explain REGISTER HOUSEHOLD_ID`): click's type
# names (a type built before `click_speaks` keeps its English name) and ours, longest first.
VALUE_WORDS = {"INTEGER RANGE": N_("INTEGER"), "FLOAT RANGE": N_("NUMBER"), "INTEGER": N_("INTEGER"),
               "FLOAT": N_("NUMBER"), "DIRECTORY": N_("FOLDER"), "FILE": N_("FILE"), "PATH": N_("PATH"),
               "TEXT": N_("TEXT"), "DATE": N_("DATE"), "COLUMN": N_("COLUMN"), "ADDRESS": N_("ADDRESS"),
               "SECRET": N_("SECRET"), "REGISTER": N_("REGISTER"), "HOUSEHOLD_ID": N_("HOUSEHOLD_ID"),
               "RULES_DIR": N_("RULES_DIR"), "OUT": N_("OUT")}
_VALUE = re.compile(r"\b(" + "|".join(map(re.escape, VALUE_WORDS)) + r")\b")


def value_words(text: str, lang: str) -> str:
    """`--as-of DATE` → `--as-of NGÀY`: the placeholders of a help line in `lang`."""
    if lang == "en":
        return text
    _ = translations(lang).gettext
    return _VALUE.sub(lambda m: _(VALUE_WORDS[m.group(1)]), text)


@contextmanager
def click_speaks(lang: str) -> Iterator[None]:
    """click's messages in `lang` until the block ends (English: nothing changes)."""
    if lang == "en":
        yield
        return
    catalogue = translations(lang)
    modules = [importlib.import_module(f"click.{name}") for name in CLICK_MODULES]
    import click

    metavar = click.Argument.make_metavar     # an argument named in an error ('REGISTER') in the reader's words
    click.Argument.make_metavar = lambda self, ctx: value_words(metavar(self, ctx), lang)  # type: ignore[method-assign]
    saved = [(module, name, vars(module)[name]) for module in modules for name in ("_", "ngettext")
             if name in vars(module)]
    try:
        for module, name, _ in saved:
            setattr(module, name, catalogue.gettext if name == "_" else catalogue.ngettext)
        yield
    finally:
        click.Argument.make_metavar = metavar  # type: ignore[method-assign]
        for module, name, original in saved:
            setattr(module, name, original)
