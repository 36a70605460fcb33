"""`eligibility gaps` and `eligibility targets`: the auditor's commands (`diff` in `cli_diff.py`).

Loaded by `eligibility/cli.py`'s group when one of them is asked for (the reports and their
dependencies are imported only then). The options they share with the officers' commands are in
`cli_options.py`.
"""
from __future__ import annotations

import math
from pathlib import Path

import click
import pandas as pd
from click.core import ParameterSource

from .cli_options import LANGS, as_of_option, force_option, out_path, partition_options, rules_option, \
    unverified_option
from .cli_options import parse_as_of as _as_of
from .cli_help import Command
from .cli_feedback import SCREEN, RunProgress, announce, warn_unread_lists, written_line
from .outfolder import output_folder
from .summary import accounting_lines
from .wording import N_, translator
from .wording.catalogue import NC_
from .reports.htmlreport import fmt_number, fmt_percent
from .vocabulary import Coverage, Status
from .reports.labels import ALL_BENEFITS, AMOUNT_PREFIX, TRACK, UNIT_LABELS, UNITS, header


def _out_option(f):
    return click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                        show_default=True, callback=out_path, help="Folder for the report files.")(f)


def _screen(register: Path, rules_dir, day, lang: str, use_unverified: bool, progress: RunProgress, once=None,
            explained: bool = True):
    from .api import load_rules, screen_register

    plan = load_rules(rules_dir, use_unverified)
    progress.start("read")
    return screen_register(register, day, rules_dir, lang=lang, progress=progress.evaluation(len(plan.order)),
                           use_unverified=use_unverified, once=once, explained=explained)


def _announce(what: str, register: Path, rules_dir, day, defaulted: bool, lang: str, use_unverified: bool) -> None:
    from .api import load_rules

    announce(lang, translator(lang)(what).format(register=register), day, defaulted,
             load_rules(rules_dir, use_unverified))


def _in_parts(register: Path, rules_dir, day, lang: str, use_unverified: bool, partition_by: str | None, engine: str,
              scheduler: str | None, workers: int, collect: str, progress: RunProgress, redaction: tuple = (False, None)):
    """A partitioned register (or one to cut: `--partition-by`, a large Parquet register, `--engine dask`)
    screened part by part, each part reduced to its share of the report: (plan, part results, run
    manifest); None for a register to screen whole."""
    import tempfile

    from .api import load_rules
    from .partscreen import find_parts, run_manifest, screen_parts
    from .reports.redact import derive_key, key_from_text

    plan = load_rules(rules_dir, use_unverified)
    with tempfile.TemporaryDirectory(prefix=".eligibility-parts-") as work:
        parts = find_parts(register, plan.inputs, partition_by, engine, Path(work))
        if parts is None:
            return None
        redact, secret = redaction
        key = (key_from_text(secret) if secret else derive_key(plan.digest, day)) if redact else None
        progress.start("evaluate", len(parts))
        results = screen_parts(parts, plan, day, Path(work), "parquet", lang, False, engine, scheduler, workers,
                               progress.tick, (collect,), key)
    run = run_manifest(results, plan, day, register, engine, parts)
    warn_unread_lists(run, lang)
    return plan, results, run


def _write_gap_parts(parted, folder, lang: str, redact: bool, secret: str | None):
    from .reports.report import report_info, write_gap_files
    from .reports.tables import gap_views

    plan, results, run = parted
    tables = gap_views([r.gaps for r in results])
    written = write_gap_files(tables, folder, plan, run, lang, report_info(lang, redact, secret))
    return tables, folder.final_paths(written)


PARTITION_ENGINE = click.option("--engine", type=click.Choice(["vectorised", "dask"]), default="vectorised",
                                show_default=True, help="dask: the parts of a partitioned register as tasks on a "
                                "Dask cluster.")


@click.command(cls=Command)
@click.argument("register", type=click.Path(exists=True, path_type=Path))
@rules_option
@_out_option
@as_of_option
@click.option("--lang", type=LANGS, default="vi", show_default=True, help="Headers, labels and explanations.")
@click.option("--redact", is_flag=True,
              help="Replace names and IDs by stable pseudonyms (HMAC-SHA256) so the report can be shared.")
@click.option("--redact-key", "redact_key", envvar="ELIGIBILITY_REDACT_KEY", metavar="SECRET",
              help="Secret key for the pseudonyms (env ELIGIBILITY_REDACT_KEY). Without it the key is derived "
                   "from the rule-pack hash and the as-of date: stable, but anyone with the manifest can recompute "
                   "it. Given on the command line, it implies --redact.")
@PARTITION_ENGINE
@partition_options
@force_option
@unverified_option
@click.pass_context
def gaps(ctx: click.Context, register: Path, rules_dir, out_dir: Path, as_of, lang: str, redact: bool,
         redact_key: str | None, engine: str, partition_by: str | None, scheduler: str | None, workers: int,
         force: bool, use_unverified: bool) -> None:
    """Coverage gaps and leakage: who is eligible but not covered, who is covered but not eligible.

    Writes gap_by_*.csv, gap_list.csv, leakage_list.csv, needs_data_list.csv, gaps.xlsx (a sheet
    per view), gaps.html (self-contained, with charts) and gaps.json, each with the run's manifest.
    """
    from .partscreen import GAPS
    from .reports.report import screening_members, write_gap_report
    from .reports.tables import gap_tables

    if redact_key and ctx.get_parameter_source("redact_key") == ParameterSource.COMMANDLINE:
        redact = True
    if redact and not redact_key:
        click.echo(translator(lang)("note: pseudonyms use a key derived from the rule-pack hash and the as-of date; "
                                    "they are stable but anyone with the manifest can recompute them. Use "
                                    "--redact-key to share outside."), err=True)
    day = _as_of(as_of)
    progress = RunProgress(SCREEN, lang)
    with output_folder(out_dir, force=force, inputs=(register,)) as folder, progress:  # locked before screening
        _announce(N_("Coverage gaps and leakage in the register {register}"), register, rules_dir, day, as_of is None,
                  lang, use_unverified)
        key = redact_key if redact else None
        parted = _in_parts(register, rules_dir, day, lang, use_unverified, partition_by, engine, scheduler, workers,
                           GAPS, progress, (redact, key))
        if parted is not None:
            progress.start("write")
            tables, written = _write_gap_parts(parted, folder, lang, redact, key)
        else:
            screening = _screen(register, rules_dir, day, lang, use_unverified, progress)
            tables = gap_tables(screening.decisions, screening_members(screening), lang)
            progress.start("write")
            written = write_gap_report(screening, folder, lang, redact, key, tables=tables)
    _print_gap_summary(tables["by_benefit"], lang)
    if parted is None and (audit := screening.extra.get("audit")) is not None and len(audit.matches):
        _print_findings(audit.findings, screening.plan, lang)
    if parted is None and screening.register is not None:
        click.echo("")
        for line in accounting_lines(screening.register.accounting, lang):
            click.echo(line)
    click.echo("\n" + written_line(", ".join(str(p) for p in written.values()), lang))
    progress.finish()


@click.command(cls=Command)
@click.argument("register", type=click.Path(exists=True, path_type=Path))
@rules_option
@_out_option
@as_of_option
@click.option("--lang", type=LANGS, default="vi", show_default=True, help="Labels and headers.")
@PARTITION_ENGINE
@partition_options
@force_option
@unverified_option
def targets(register: Path, rules_dir, out_dir: Path, as_of, lang: str, engine: str, partition_by: str | None,
            scheduler: str | None, workers: int, force: bool, use_unverified: bool) -> None:
    """The plan's targets measured on a register: value, target, on or off track.

    Writes targets.csv and targets.json (with the run's manifest).
    """
    from .partscreen import TARGETS
    from .reports.report import write_target_files, write_targets
    from .reports.targets import add_counts, compute_targets, target_table

    day = _as_of(as_of)
    progress = RunProgress(SCREEN, lang)
    with output_folder(out_dir, force=force, inputs=(register,)) as folder, progress:  # locked before screening
        _announce(N_("Plan targets measured on the register {register}"), register, rules_dir, day, as_of is None, lang,
                  use_unverified)
        parted = _in_parts(register, rules_dir, day, lang, use_unverified, partition_by, engine, scheduler, workers,
                           TARGETS, progress)
        if parted is not None:
            plan, results, run = parted
            table = target_table(plan, add_counts([r.targets for r in results]), lang)
            progress.start("write")
            written = folder.final_paths(write_target_files(table, folder, run, lang))
        else:
            screening = _screen(register, rules_dir, day, lang, use_unverified, progress)
            table = compute_targets(screening, lang)
            progress.start("write")
            written = write_targets(screening, folder, lang, table)
    _print_targets(table, lang)
    click.echo("\n" + written_line(", ".join(str(p) for p in written.values()), lang))
    progress.finish()


# ---------------------------------------------------------------- terminal tables
def _row(cells, widths) -> str:
    return "".join(str(c)[: w - 1].ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))


TOTAL = N_("TOTAL")   # the terminal tables' line over every benefit
GAP_HEAD = (N_("gap rate"), N_("not reaching people"))
TARGETS_HEAD = (N_("target"), NC_("a target's measured value", "value"), NC_("a target's goal", "target"), N_("by"),
                N_("on track?"), N_("numerator / known denominator (unknowns)"))
NO_TARGETS = N_("(no targets in the rule pack)")


def _print_gap_summary(by_benefit: pd.DataFrame, lang: str) -> None:
    say = translator(lang)
    cols = ["eligible", "covered", "gap", "leakage", "needs_data"]
    short = [*(Coverage(c).label(lang) if c != "eligible" else Status.ELIGIBLE.label(lang) for c in cols),
             *(say(word) for word in GAP_HEAD)]
    widths = [44, *(max(w, len(h) + 2) for w, h in zip((10, 10, 10, 10, 10, 10, 30), short))]
    click.echo("\n" + _row([header("benefit_label", lang), *short], widths))
    for _, row in by_benefit.iterrows():  # one line per benefit (a few dozen), not per register row
        amount = ""
        for unit in UNITS:
            col = AMOUNT_PREFIX + unit
            if col in row.index and row[col] and row["benefit"] != ALL_BENEFITS and row["unit"] == unit:
                amount = f"{fmt_number(float(row[col]), lang, 2 if unit == 'share_of_premium' else 0)} " \
                         f"{UNIT_LABELS[lang][unit]}"
        name = say(TOTAL) if row["benefit"] == ALL_BENEFITS \
            else row.get("benefit_label") or row["benefit"]    # the label where the pack has one
        cells = [name, *(fmt_number(int(row[c]), lang) for c in cols), fmt_percent(float(row["gap_rate"]), lang),
                 amount]
        click.echo(_row(cells, widths))


AUDIT_HEAD = (N_("Audit of the programme lists"), N_("count"), N_("money (VND)"))


def _print_findings(findings: pd.DataFrame, plan, lang: str) -> None:
    """Each finding of the programme lists with its count and money (the report files list them), a zero
    line where nothing was found, and the programmes under each."""
    from .reports.audit import finding_totals

    _ = translator(lang)
    widths = [44, 10, 20]
    click.echo("\n" + _row([_(word) for word in AUDIT_HEAD], widths))
    for name, count, money in finding_totals(findings, plan, lang):
        click.echo(_row([name, fmt_number(count, lang), fmt_number(round(money), lang)], widths))


def _print_targets(table: pd.DataFrame, lang: str) -> None:
    say = translator(lang)
    widths = (46, 12, 12, 8, 30, 24)
    click.echo("\n" + _row([say(word) for word in TARGETS_HEAD], widths))
    if table.empty:
        click.echo(say(NO_TARGETS))
        return
    for _, row in table.iterrows():  # one line per target
        share = row["measure"] == "share"
        value = _measure(row["value"], share, lang)
        goal = f"{row['direction']} {_measure(row['target'], share, lang)}"
        click.echo(_row([row["label"], value, goal, row["year"], say(TRACK[row["track"]]),
                         target_arithmetic(row, lang)], widths))


def target_arithmetic(row, lang: str) -> str:
    """The sum behind a target's value: a share is the numerator over the *known* denominator, so the
    unknowns are shown with the range the value would take if every unknown were no / yes."""
    _ = translator(lang)
    numerator, denominator, unknown = int(row["numerator"]), int(row["denominator"]), int(row["unknown"])
    if row["measure"] != "share":
        text = fmt_number(numerator, lang)
        if unknown:
            text += _(" (+{unknown} unknown: up to {most})").format(
                unknown=fmt_number(unknown, lang), most=fmt_number(numerator + unknown, lang))
        return text
    text = f"{fmt_number(numerator, lang)} / {fmt_number(denominator - unknown, lang)}"
    if unknown:
        span = f"{_measure(row['low'], True, lang)}–{_measure(row['high'], True, lang)}"
        text += _(" ({unknown} unknown of {denominator}: {span})").format(
            unknown=fmt_number(unknown, lang), denominator=fmt_number(denominator, lang), span=span)
    return text


def _measure(value: float, share: bool, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return fmt_percent(value, lang) if share else fmt_number(value, lang)
