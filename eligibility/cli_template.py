"""`eligibility template`: a blank register workbook to fill in (loaded when asked for)."""
from __future__ import annotations

from pathlib import Path

import click

from .cli_help import Command
from .cli_options import LANGS, force_option, rules_option
from .wording.catalogue import N_


@click.command(cls=Command)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The workbook to write (register.xlsx).")
@click.option("--lang", type=LANGS, default="vi", show_default=True,
              help="Headers, drop-down values and notes in Vietnamese (vi) or English (en).")
@rules_option
@force_option
def template(out: Path, lang: str, rules_dir, force: bool) -> None:
    """Write a blank register workbook: the declared columns, drop-downs, date formats and a notes sheet."""
    from .api import load_rules
    from .errors import DataError, say
    from .register.template import write_template

    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(say(N_("the template is an Excel workbook: give a name ending in .xlsx")),
                                 param_hint="--out")
    if out.exists() and not force:
        raise DataError(say(N_("'{path}' exists; give another name, or --force to replace it"), path=out))
    plan = load_rules(rules_dir)
    write_template(out, plan.inputs, lang, plan)
    read = plan.inputs.as_read()   # the columns a file gives (not those computed from another table)
    columns = len(read.households.columns) + len(read.members.columns)
    click.echo(say(N_("wrote {path}: {columns} columns on two sheets, drop-downs and a notes sheet"), path=out,
                   columns=columns))
