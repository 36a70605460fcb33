"""`eligibility diff`: what changes between two screenings (two rule packs, two dates, two registers).

Loaded with the auditors' commands (`cli_reports.py`), whose screening, announcement and table
helpers it shares.
"""
from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from .cli_feedback import RunProgress, warn_unread_lists, written_line
from .cli_help import Command
from .cli_options import LANGS, as_of_option, force_option, partition_options, unverified_option
from .cli_options import parse_as_of as _as_of
from .messages import language
from .cli_reports import PARTITION_ENGINE, TOTAL, _announce, _out_option, _row, _screen
from .outfolder import output_folder
from .reports.htmlreport import fmt_number
from .reports.labels import ALL_BENEFITS
from .wording import N_, translator

DIFF_PHASES = (("read", 15), ("evaluate", 20), ("explain", 10), ("read", 15), ("evaluate", 20), ("explain", 10),
               ("compare", 5), ("write", 5))


@click.command(cls=Command)
@click.argument("register", type=click.Path(exists=True, path_type=Path))
@click.option("--register-new", "register_new", type=click.Path(exists=True, path_type=Path),
              help="This month's register, compared with REGISTER (last month's); matched by household and person id.")
@click.option("--rules", "--base", "rules_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Rule pack of the first side (default: the bundled rules/).")
@click.option("--rules-new", "--proposed", "rules_new", type=click.Path(file_okay=False, path_type=Path),
              help="Rule pack of the second side (default: the same as --rules).")
@as_of_option
@click.option("--as-of-new", "as_of_new", metavar="DATE", help="As-of date of the second side (default: --as-of).")
@_out_option
@click.option("--lang", type=LANGS, default="vi", show_default=True, help="Headers, labels and explanations.")
@click.option("--redact", is_flag=True, help="Replace names and IDs in the list of changes by stable pseudonyms.")
@click.option("--redact-key", "redact_key", envvar="ELIGIBILITY_REDACT_KEY", metavar="SECRET",
              help="Secret key for the pseudonyms (env ELIGIBILITY_REDACT_KEY).")
@PARTITION_ENGINE
@partition_options
@force_option
@unverified_option
def diff(register: Path, register_new, rules_dir, rules_new, as_of, as_of_new, out_dir: Path, lang: str,
         redact: bool, redact_key: str | None, engine: str, partition_by: str | None, scheduler: str | None,
         workers: int, force: bool, use_unverified: bool) -> None:
    """What changes between two screenings: two rule packs, two dates, or two registers.

    Per benefit, commune and village: who gains, who loses, whose amount rises or falls, the change in
    monthly and yearly cost; per person, before and after and what changed (the rule, a parameter value,
    or a register value). Writes diff_*.csv, diff.xlsx, diff.html and diff.json.
    """
    from .reports.diff import compare
    from .reports.diffreport import write_diff_files, write_diff_report

    if register_new is None and rules_new is None and as_of_new is None:
        raise click.UsageError(translator(language())("say what to compare: --rules-new, --as-of-new or --register-new"))
    day = _as_of(as_of)
    day_new = _as_of(as_of_new) if as_of_new else day
    new_register, new_rules = register_new or register, rules_new or rules_dir
    progress = RunProgress(DIFF_PHASES, lang)
    with output_folder(out_dir, force=force, inputs=(register, new_register)) as folder, progress:  # refused before screening
        _announce(N_("Before: the register {register}"), register, rules_dir, day, as_of is None, lang, use_unverified)
        _announce(N_("After: the register {register}"), new_register, new_rules, day_new, as_of_new is None and as_of is None,
                  lang, use_unverified)
        if register_new is None:       # a date or rule-pack diff of a register read in parts?
            parted = _diff_in_parts(register, (rules_dir, day), (new_rules, day_new), lang, use_unverified, partition_by,
                                    engine, scheduler, workers, progress, redact or bool(redact_key), redact_key)
            if parted is not None:
                tables, run, compared, plan = parted
                progress.start("write")
                written = folder.final_paths(write_diff_files(tables, folder, run, compared, plan, lang,
                                                              redact or bool(redact_key)))
                _print_diff(tables["by_benefit"], lang)
                click.echo("\n" + written_line(", ".join(str(p) for p in written.values()), lang))
                progress.finish()
                return
        elif partition_by:
            raise click.UsageError(translator(language())("--partition-by compares one register at two dates or under "
                                                          "two rule packs; two registers are compared whole"))
        old, new = _screen_sides(register, register_new, (rules_dir, day), (new_rules, day_new), lang, use_unverified,
                                 progress)
        progress.start("compare")
        tables = compare(old, new, lang)
        progress.start("write")
        written = write_diff_report(tables, old, new, folder, lang, redact or bool(redact_key), redact_key)
    _print_diff(tables["by_benefit"], lang)
    click.echo("\n" + written_line(", ".join(str(p) for p in written.values()), lang))
    progress.finish()


def _screen_sides(register: Path, register_new, old: tuple, new: tuple, lang: str, use_unverified: bool,
                  progress: RunProgress):
    """Both sides screened whole. One register is read once: what its reading does not owe to the date
    is reused by the second side (`register.once`). The first side keeps only what the compare and the
    manifest read (its engine's frames are let go before the second side is screened). Neither side
    words its decisions' explanations: the diff says why a decision changed by its own means
    (`reports.diffcause`)."""
    from .register.once import ReadOnce
    from .reports.diff import Side

    once = ReadOnce() if register_new is None else None
    (rules_old, day_old), (rules_new, day_new) = old, new
    first = _screen(register, rules_old, day_old, lang, use_unverified, progress, once, explained=False)
    first.evaluation = None
    second = _screen(register_new or register, rules_new, day_new, lang, use_unverified, progress, once,
                     explained=False)
    return (Side(first, _side_name(register, rules_old, day_old)),
            Side(second, _side_name(register_new or register, rules_new, day_new)))


def _diff_in_parts(register: Path, old: tuple, new: tuple, lang: str, use_unverified: bool, partition_by: str | None,
                   engine: str, scheduler: str | None, workers: int, progress: RunProgress, redact: bool,
                   secret: str | None):
    """The diff of a partitioned register (or of one to cut), part by part: (tables, the sides' manifests,
    what differs, the new side's pack); None for a register to compare whole."""
    import tempfile

    from .api import load_rules
    from .partdiff import Sides, diff_partitioned
    from .partscreen import find_parts
    from .reports.redact import derive_key, key_from_text

    (rules_old, day_old), (rules_new, day_new) = old, new
    plan_old, plan_new = load_rules(rules_old, use_unverified), load_rules(rules_new, use_unverified)
    with tempfile.TemporaryDirectory(prefix=".eligibility-parts-") as work:
        parts = find_parts(register, plan_new.inputs, partition_by, engine, Path(work))
        if parts is None:
            return None
        sides = Sides(plan_old, day_old, _side_name(register, rules_old, day_old),
                      plan_new, day_new, _side_name(register, rules_new, day_new))
        key = (key_from_text(secret) if secret else derive_key(plan_new.digest, day_new)) if redact else None
        progress.start("evaluate", len(parts))
        tables, run = diff_partitioned(register, parts, sides, lang, engine, scheduler, workers, progress.tick, key)
    warn_unread_lists(run["new"], lang)
    progress.start("compare")
    compared = {"rules": plan_old.digest != plan_new.digest, "as_of": day_old != day_new, "register": False}
    return tables, run, compared, plan_new


def _side_name(register: Path, rules_dir, day) -> str:
    return f"{register} · {rules_dir or 'rules/'} · {day.strftime('%d/%m/%Y')}"


# ---------------------------------------------------------------- terminal table
DIFF_HEAD = (N_("benefit"), N_("gain"), N_("lose"), N_("rise"), N_("fall"), N_("monthly change"), N_("yearly change"))


def _print_diff(by_benefit: pd.DataFrame, lang: str) -> None:
    say = translator(lang)
    widths = (40, 10, 10, 10, 10, 18, 20)
    click.echo("\n" + _row([say(word) for word in DIFF_HEAD], widths))
    moved = by_benefit[(by_benefit[["gain", "loss", "amount_up", "amount_down"]].sum(axis=1) > 0)
                       | (by_benefit["yearly_change"] != 0) | (by_benefit["benefit"] == ALL_BENEFITS)]
    for _, row in moved.iterrows():   # one line per benefit that moved
        name = say(TOTAL) if row["benefit"] == ALL_BENEFITS else row["benefit_label"]
        click.echo(_row([name, *(fmt_number(int(row[c]), lang) for c in ("gain", "loss", "amount_up", "amount_down")),
                         fmt_number(float(row["monthly_change"]), lang), fmt_number(float(row["yearly_change"]), lang)],
                        widths))
