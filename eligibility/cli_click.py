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


@contextmanager
def click_speaks(lang: str) -> Iterator[None]:
    """click's messages in `lang` until the block ends (English: nothing changes)."""
    if lang == "en":
        yield
        return
    catalogue = translations(lang)
    modules = [importlib.import_module(f"click.{name}") for name in CLICK_MODULES]
    saved = [(module, name, vars(module)[name]) for module in modules for name in ("_", "ngettext")
             if name in vars(module)]
    try:
        for module, name, _ in saved:
            setattr(module, name, catalogue.gettext if name == "_" else catalogue.ngettext)
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)
