"""`eligibility validate` and `eligibility test`: the rule pack's own commands, for whoever edits
the rules (loaded when asked for, like the reports' commands in `cli_reports`).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_help import Command, ui_lang
from .cli_options import LANGS, as_of_option, unverified_option
from .cli_options import parse_as_of as _as_of
from .wording import N_, translator
from .wording.formats import format_date
from .wording.values import format_value, param_unit

@click.command(cls=Command)
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@as_of_option
@click.option("--no-examples", is_flag=True, help="Check the files only; do not run the `examples:`.")
@unverified_option
@click.option("--lang", type=LANGS, default=None,
              help="Language of the summary (default: the command line's: the root --lang, else the locale's).")
def validate(rules_dir, as_of, no_examples: bool, use_unverified: bool, lang: str | None) -> None:
    """Check a rule pack: every error with file:line, or a summary of what it holds; run its examples."""
    from .api import load_rules

    lang = lang or ui_lang(click.get_current_context())
    _ = translator(lang)
    plan = load_rules(rules_dir, use_unverified)
    day = _as_of(as_of)
    rules = sum(len(b.rules) for b in plan.benefits.values())
    click.echo(_("rule pack {folder}: OK").format(folder=plan.folder))
    click.echo("  " + _("{benefits} benefits, {rules} rules, {variables} variables, {parameters} parameters, "
                        "{targets} targets, {examples} examples").format(
        benefits=len(plan.benefits), rules=rules, variables=len(plan.variables), parameters=len(plan.parameters),
        targets=len(plan.targets), examples=len(plan.examples)))
    _print_warnings(plan, lang)
    failed = _validate_examples(plan, no_examples, lang)
    unverified = plan.unverified_values()
    policy = _(USED if use_unverified else NOT_USED)
    click.echo("  " + _("{n} parameter values still unverified (confidence C or D); values graded D are {policy}:")
               .format(n=len(unverified), policy=policy))
    for name, value in unverified:
        click.echo("    " + _unverified_line(plan.parameters[name], name, value, day, lang))
    if failed:
        sys.exit(1)


USED, NOT_USED = N_("used (--use-unverified)"), N_("not used (run with --use-unverified to use them)")
IN_FORCE, WITHHELD = N_("← in force"), N_("← withheld on this date")


def _unverified_line(param, name: str, value, day, lang: str) -> str:
    """One unverified value: its code, figure, date, grade and citation, and whether it is in force on `day`.
    English keeps the figures as the rule file writes them (`500000 from 2024-07-01`); Vietnamese gives them in
    their unit (`500.000 đồng/tháng từ 01/07/2024`, `40%`), as the decisions' `parameter_values` do."""
    _ = translator(lang)
    marker = " " + _(IN_FORCE) if param.at(day) is value else " " + _(WITHHELD) if param.withheld(day) is value else ""
    if value.value is None:
        shown = _("null (figure not known)")
    else:
        shown = value.value if lang == "en" else format_value(value.value, param_unit(param.spec), lang, 4)
    since = value.from_ if lang == "en" else format_date(value.from_, lang)
    return _("{name} = {value} from {date} [{grade}] {reference}").format(
        name=name, value=shown, date=since, grade=value.confidence, reference=value.reference.cite(lang)) + marker


def _print_warnings(plan, lang: str = "en") -> None:
    """Warnings stop nothing but are never silent (docs/errors.md, section Warnings)."""
    if plan.warnings:
        click.echo("  " + translator(lang)("{n} warning(s):").format(n=len(plan.warnings)))
        for warning in plan.warnings:
            click.echo(f"  * {warning}")


def _validate_examples(plan, skip: bool, lang: str = "en") -> int:
    """Run the pack's examples (not the scenarios: `eligibility test` runs both); say plainly if not run."""
    _ = translator(lang)
    if skip:
        click.echo("  " + _("examples NOT run (--no-examples): run `eligibility test {folder}` to prove them")
                   .format(folder=plan.folder))
        return 0
    from .packtest import run_examples
    from .packtest.report import render_failures, words

    outcome = run_examples(plan)
    click.echo("  " + _("examples run: {total}, passed {passed}, failed {failed}").format(
        total=outcome.total, passed=outcome.total - outcome.failed, failed=outcome.failed))
    if outcome.failures:
        click.echo(render_failures(outcome.failures, words(lang)))
    return outcome.failed


@click.command("test", cls=Command)
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--scenarios", "scenarios_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of .feature scenarios (default: the bundled scenarios/).")
@click.option("--no-scenarios", is_flag=True, help="Run the rule files' examples only.")
@click.option("--lang", type=LANGS, default=None,
              help="Language of the report (default: the root --lang, else Vietnamese, whatever the locale).")
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Processes to share the as-of dates between (default: 2 where two cores are free to use).")
def test_pack(rules_dir, scenarios_dir, no_scenarios: bool, lang: str | None, processes: int | None) -> None:
    """Run every `examples:` entry and every scenario against a rule pack (exit 1 if one fails)."""
    from .api import load_rules
    from .messages import set_language

    # Policy staff write the scenarios in Vietnamese: the report is theirs unless --lang says otherwise,
    # and every failure of a step is worded in the same language (`packtest/words.py`).
    lang = lang or (ui_lang(click.get_current_context()) if _lang_given() else "vi")
    set_language(lang)
    from .packtest import DEFAULT_SCENARIOS, run_pack_tests
    from .packtest.processes import default_processes
    from .packtest.report import render

    plan = load_rules(rules_dir)
    folder = None if no_scenarios else (scenarios_dir or DEFAULT_SCENARIOS)
    result = run_pack_tests(plan, folder, processes or default_processes())
    _print_warnings(plan, lang)
    click.echo(render(result, lang))
    if not result.ok:
        sys.exit(1)


def _lang_given() -> bool:
    """Whether --lang is on the command line (the root's or a subcommand's)."""
    from .cli_help import ARGS

    args = click.get_current_context().find_root().meta.get(ARGS, ())
    return any(arg == "--lang" or arg.startswith("--lang=") for arg in args)
