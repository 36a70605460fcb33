"""The options and helpers the CLI's commands share (officers' commands in `cli.py`, the
auditors' in `cli_reports.py`): languages, engines, --as-of, --rules, --out, --force and the
progress bar. A module of its own so that both command modules import it and not each other."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from .messages import language, message
from .wording.catalogue import N_, translator

LANGS = click.Choice(["vi", "en"])
ENGINES = click.Choice(["vectorised", "durable", "dask"])


def parse_as_of(value: str | None) -> dt.date:
    """--as-of: an ISO date or dd/mm/yyyy; today (read here, at the edge, never inside evaluation)."""
    if value is None:
        return dt.date.today()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(translator(language())(N_("'{value}' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)"))
                             .format(value=value), param_hint="--as-of")


def as_of_option(f):
    return click.option("--as-of", "as_of", metavar="DATE", help="Date the law is applied at (default: today).")(f)


def rules_option(f):
    return click.option("--rules", "rules_dir", type=click.Path(file_okay=False, path_type=Path),
                        help="Rule pack folder (default: the bundled rules/).")(f)


def unverified_option(f):
    return click.option("--use-unverified", "use_unverified", is_flag=True,
                        help="Also use values graded D (conflicting, draft-only or a single weak report). "
                             "Without it every decision or amount resting on one is unknown, with the reason. "
                             "Recorded in the manifest.")(f)


def out_path(ctx, param, value):
    """--out: a folder of its own (`--out ''` would silently mean the current folder)."""
    if value is not None and str(value).strip() in ("", "."):  # click turns '' into '.'
        raise click.BadParameter(message("out_empty"), ctx=ctx, param=param)
    if value is not None and Path(value).expanduser().resolve() in (Path.cwd(), *Path.cwd().parents):
        raise click.BadParameter(message("out_is_cwd", path=value), ctx=ctx, param=param)
    return value


def force_option(f):
    return click.option("--force", is_flag=True,
                        help="Replace --out even if it holds files no earlier run wrote.")(f)


def cli_lang() -> str:
    """The language of a command without --lang: Vietnamese when the locale is (LC_ALL, LC_MESSAGES or
    LANG starting with `vi`; on Windows, which sets none of them, the display language), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return display_lang(windows_display_language()) if os.name == "nt" else "en"


VIETNAMESE = 0x2A   # the primary language of a Windows LANGID (0x042A: Vietnamese, Vietnam)


def display_lang(langid: int) -> str:
    """A Windows LANGID as this tool's language: its low ten bits are the primary language."""
    return "vi" if langid & 0x3FF == VIETNAMESE else "en"


def windows_display_language() -> int:
    """The language Windows shows its own menus in (an officer's PC set up in Vietnamese says 0x042A);
    commune offices run Windows, where a command prompt has no LANG to read."""
    import ctypes

    return ctypes.windll.kernel32.GetUserDefaultUILanguage()   # type: ignore[attr-defined]


def partition_options(f):
    """How a large register is cut into parts of whole households, and where the parts are screened."""
    f = click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
                     help="With --engine dask and no --scheduler: worker processes of the local cluster.")(f)
    f = click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running Dask scheduler "
                     "(tcp://host:8786); default: a local cluster on this machine.")(f)
    return click.option("--partition-by", "partition_by", metavar="commune|chunk:N",
                        help="Screen a Parquet register in parts of whole households (by commune, or N households "
                             "a part). Automatic for a partitioned dataset and for registers of over 2 million "
                             "members.")(f)


def register_options(f):
    """How to read a register whose columns are not named as declared (commune workbooks)."""
    f = click.option("--blank-means-no", "blank_means_no", multiple=True, metavar="COLUMN",
                     help="A tick-box column (source header or input name; repeat or separate by commas) "
                          "whose blank cells mean no / 0 in this register.")(f)
    f = click.option("--accept-suggested", "accept_suggested", is_flag=True,
                     help="Read columns matched only by a similar name as the input suggested "
                          "(shown in the mapping table and the manifest).")(f)
    return click.option("--columns", "columns_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="YAML file mapping this register's headers to inputs ('Thu nhập: income_per_capita'; "
                             "null for a column not to read).")(f)


def read_options(plan, columns_file, accept_suggested: bool, blank_means_no: tuple):
    from .register.options import ReadOptions, load_columns_file

    columns = load_columns_file(columns_file, plan.inputs) if columns_file else {}
    ticks = tuple(part.strip() for item in blank_means_no for part in str(item).split(",") if part.strip())
    return ReadOptions(columns=columns, columns_file=str(columns_file) if columns_file else None,
                       accept_suggested=accept_suggested, blank_means_no=ticks)
