"""The command line in the reader's language: help texts, headings and the error line.

Vietnamese when `--lang vi` is on the command line or the locale is Vietnamese (LC_ALL, LC_MESSAGES
or LANG starting with `vi`; `cli_options.cli_lang`), English otherwise. Help is formatted before
`--lang` is parsed (click's --help is eager), so the root group keeps the raw arguments for it.
Texts are translated at formatting time through the gettext catalogue (`wording/`): the English
help text, as click shows it (`inspect.cleandoc`), is the message id. Those ids are docstrings and
`help=` strings, which `pybabel extract` does not see: when updating the .po keep them (they would be
marked obsolete); `tests/test_cli_feedback.py` fails on a help text without its Vietnamese.
"""
from __future__ import annotations

import inspect
import sys
import traceback

import click

from .cli_click import value_words
from .cli_options import cli_lang
from .wording import N_, translator

ARGS = "eligibility.args"
HEADINGS = {"usage": N_("Usage:"), "options": N_("Options"), "commands": N_("Commands"),
            "help": N_("Show this message and exit."), "error": N_("error: {message}")}


METAVARS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))   # click's placeholders in a usage line
def ui_lang(ctx: click.Context | None) -> str:
    """`--lang` as given on the command line (anywhere in it), else the locale's language."""
    return lang_of(ctx.find_root().meta.get(ARGS, ()) if ctx is not None else ())


def lang_of(args) -> str:
    """`--lang` among the command-line arguments `args`, else the locale's language."""
    args = list(args)
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else None
        if value in ("vi", "en"):
            return value
    return cli_lang()


class Translated:
    """Mixin for click commands and groups: help in the reader's language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = ui_lang(ctx)
        if lang == "en":
            return super().format_help(ctx, formatter)
        _ = translator(lang)
        shown = [self, *self.get_params(ctx), *self._subcommands(ctx)]
        saved = [(item, item.help) for item in shown if getattr(item, "help", None)]
        try:
            for item, text in saved:
                item.help = _(inspect.cleandoc(text))
            super().format_help(ctx, formatter)
        finally:
            for item, text in saved:
                item.help = text

    def _subcommands(self, ctx: click.Context) -> list:
        if not isinstance(self, click.Group):
            return []
        return [c for c in (self.get_command(ctx, name) for name in self.list_commands(ctx)) if c is not None]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _ = translator(ui_lang(ctx))
        pieces = [_(piece) if piece in METAVARS else value_words(piece, ui_lang(ctx))
                  for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), _(HEADINGS["usage"]) + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _ = translator(ui_lang(ctx))
        records = [r for r in (p.get_help_record(ctx) for p in self.get_params(ctx) if not isinstance(p, click.Argument))
                   if r is not None]
        if records:
            with formatter.section(_(HEADINGS["options"])):
                formatter.write_dl([(value_words(name, ui_lang(ctx)), text.replace(HEADINGS["help"], _(HEADINGS["help"])))
                                    for name, text in records])
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, cmd.get_short_help_str(formatter.width - 6 - len(name)))
                for name, cmd in ((c.name, c) for c in self._subcommands(ctx)) if not cmd.hidden]
        if rows:
            with formatter.section(translator(ui_lang(ctx))(HEADINGS["commands"])):
                formatter.write_dl(rows)


class Command(Translated, click.Command):
    """A command whose help follows the reader's language."""


def fail(ctx: click.Context, text: str, code: int) -> None:
    """The one line a user sees for any failure (a traceback too with --debug); exit `code`."""
    if ctx.obj and ctx.obj.get("debug"):
        traceback.print_exc()
    first, *rest = text.splitlines() or [""]
    click.secho(translator(ui_lang(ctx))(HEADINGS["error"]).format(message=first), fg="red", err=True)
    for line in rest:  # a rule pack's list of issues: a head line, then one line per issue
        click.echo(line, err=True)
    sys.exit(code)
