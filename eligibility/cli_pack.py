"""`eligibility validate` and `eligibility test`: the rule pack's own commands, for whoever edits
the rules (loaded when asked for, like the reports' commands in `cli_reports`).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_help import Command
from .cli_options import LANGS, as_of_option, unverified_option
from .cli_options import parse_as_of as _as_of

@click.command(cls=Command)
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@as_of_option
@click.option("--no-examples", is_flag=True, help="Check the files only; do not run the `examples:`.")
@unverified_option
def validate(rules_dir, as_of, no_examples: bool, use_unverified: bool) -> None:
    """Check a rule pack: every error with file:line, or a summary of what it holds; run its examples."""
    from .api import load_rules

    plan = load_rules(rules_dir, use_unverified)
    day = _as_of(as_of)
    rules = sum(len(b.rules) for b in plan.benefits.values())
    click.echo(f"rule pack {plan.folder}: OK")
    click.echo(f"  {len(plan.benefits)} benefits, {rules} rules, {len(plan.variables)} variables, "
               f"{len(plan.parameters)} parameters, {len(plan.targets)} targets, {len(plan.examples)} examples")
    _print_warnings(plan)
    failed = _validate_examples(plan, no_examples)
    unverified = plan.unverified_values()
    policy = "used (--use-unverified)" if use_unverified else "not used (run with --use-unverified to use them)"
    click.echo(f"  {len(unverified)} parameter values still unverified (confidence C or D); "
               f"values graded D are {policy}:")
    for name, value in unverified:
        param = plan.parameters[name]
        marker = " ← in force" if param.at(day) is value else " ← withheld on this date" \
            if param.withheld(day) is value else ""
        shown = "null (figure not known)" if value.value is None else value.value
        click.echo(f"    {name} = {shown} from {value.from_} [{value.confidence}] "
                   f"{value.reference.cite()}{marker}")
    if failed:
        sys.exit(1)


def _print_warnings(plan) -> None:
    """Warnings stop nothing but are never silent (docs/errors.md, section Warnings)."""
    if plan.warnings:
        click.echo(f"  {len(plan.warnings)} warning(s):")
        for warning in plan.warnings:
            click.echo(f"  * {warning}")


def _validate_examples(plan, skip: bool) -> int:
    """Run the pack's examples (not the scenarios: `eligibility test` runs both); say plainly if not run."""
    if skip:
        click.echo(f"  examples NOT run (--no-examples): run `eligibility test {plan.folder}` to prove them")
        return 0
    from .packtest import run_examples
    from .packtest.report import WORDS, render_failures

    outcome = run_examples(plan)
    click.echo(f"  examples run: {outcome.total}, passed {outcome.total - outcome.failed}, failed {outcome.failed}")
    if outcome.failures:
        click.echo(render_failures(outcome.failures, WORDS["en"]))
    return outcome.failed


@click.command("test", cls=Command)
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--scenarios", "scenarios_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of .feature scenarios (default: the bundled scenarios/).")
@click.option("--no-scenarios", is_flag=True, help="Run the rule files' examples only.")
@click.option("--lang", type=LANGS, default="vi", show_default=True)
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Processes to share the as-of dates between (default: 2 where two cores are free to use).")
def test_pack(rules_dir, scenarios_dir, no_scenarios: bool, lang: str, processes: int | None) -> None:
    """Run every `examples:` entry and every scenario against a rule pack (exit 1 if one fails)."""
    from .api import load_rules
    from .packtest import DEFAULT_SCENARIOS, run_pack_tests
    from .packtest.processes import default_processes
    from .packtest.report import render

    plan = load_rules(rules_dir)
    folder = None if no_scenarios else (scenarios_dir or DEFAULT_SCENARIOS)
    result = run_pack_tests(plan, folder, processes or default_processes())
    _print_warnings(plan)
    click.echo(render(result, lang))
    if not result.ok:
        sys.exit(1)
