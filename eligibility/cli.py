"""The command line: a thin layer over the library. Exit codes: 0 ok, 1 data or rule error, 2 usage."""
from __future__ import annotations

import ast
import importlib
import sys
from functools import cache
from pathlib import Path

import click

from ._version import __version__
from .errors import EligibilityError
from .cli_options import ENGINES, LANGS, as_of_option, force_option, out_path, rules_option, unverified_option
from .cli_options import read_options, register_options
from .cli_options import parse_as_of as _as_of
from .cli_click import click_speaks
from .cli_help import ARGS, Command, Translated, fail, lang_of, ui_lang
from .cli_feedback import SCREEN, RunProgress, announce, refuse_partitioned, report_partitioned, screen_report, \
    warn_unread_lists
from .messages import describe_os_error, language, message, set_language
from .startup import Terminated, leave, own_process, restore_sigterm, start_up, stop_on_sigterm
from .wording import translator
from .wording.formats import format_number

class Group(Translated, click.Group):
    """Turns library errors into one readable message and exit code 1 (a traceback only with --debug).

    The auditors' commands (`cli_reports`, `cli_diff`), `template` and the rule pack's (`cli_pack`:
    validate, test) are loaded when asked for."""

    LAZY = {"diff": "cli_diff", "gaps": "cli_reports", "targets": "cli_reports", "template": "cli_template",
            "validate": "cli_pack", "test": "cli_pack"}
    FUNCTION = {"test": "test_pack"}   # a function named `test` would be collected by pytest
    command_class = Command

    def main(self, args=None, *rest, **options):
        """click's own words (usage errors) in the reader's language too (`cli_click`). The language
        set while parsing is put back after the run, also when --help or a usage error ends it before
        `invoke` (a library or a test runs on in the same process)."""
        previous = language()
        if args is None:   # the command line's own process, not a library's or a test's call
            own_process()
        with click_speaks(lang_of(sys.argv[1:] if args is None else args)):
            try:
                return super().main(args, *rest, **options)
            except SystemExit as end:
                if args is None and end.code in (None, 0):
                    leave()          # done: the process ends without the interpreter's teardown
                raise
            finally:
                set_language(previous)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[ARGS] = list(args)   # for help and errors in the language asked for (`cli_help`)
        set_language(ui_lang(ctx))    # until this invocation ends (`invoke`)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.LAZY))

    def _subcommands(self, ctx: click.Context) -> list:
        """The commands as the group's help lists them: the lazy ones as stand-ins that carry their
        docstring, read from the module's source rather than imported (`cli_reports` loads pandas and
        the report writers, which made `eligibility --help` take seconds)."""
        found = super().get_command
        return [_listed(name) if name in self.LAZY else found(ctx, name) for name in self.list_commands(ctx)]

    def get_command(self, ctx: click.Context, name: str):
        if name in self.LAZY:
            module = importlib.import_module(f".{self.LAZY[name]}", __package__)
            return getattr(module, self.FUNCTION.get(name, name))
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        previous = stop_on_sigterm()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except EligibilityError as err:
            fail(ctx, str(err), 1)
        except BrokenPipeError:  # `eligibility validate | head`: the reader left; nothing to say
            sys.stderr.close()
            sys.exit(1)
        except OSError as err:
            fail(ctx, describe_os_error(err), 1)
        except KeyboardInterrupt:
            fail(ctx, message("interrupted"), 130)
        except Terminated:
            fail(ctx, message("terminated"), 143)
        except MemoryError:
            fail(ctx, message("memory"), 1)
        except Exception as err:  # noqa: BLE001 - a bug: still one line, the traceback with --debug
            fail(ctx, message("internal", kind=type(err).__name__, reason=str(err)[:200]), 1)
        finally:
            restore_sigterm(previous)
            set_language("en")


@cache
def _listed(name: str) -> click.Command:
    """A stand-in for the lazy command `name` in the group's help: its name and its docstring (one
    object per name: the help translates it in place, then lists it)."""
    module = Group.LAZY[name]
    function = Group.FUNCTION.get(name, name)
    tree = ast.parse((Path(__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
    found = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == function)
    return Command(name, help=ast.get_docstring(found))


@click.group(cls=Group)
@click.version_option(__version__, prog_name="eligibility")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.option("--lang", "ui_language", type=LANGS, help="Language of the command line's own words (help, progress, "
              "errors); default: the locale's. Each command's --lang sets its outputs' language.")
@click.pass_context
def main(ctx: click.Context, debug: bool, ui_language: str | None) -> None:
    """Who is entitled to which social support in Lai Châu, under the law on a given date."""
    ctx.ensure_object(dict)["debug"] = debug


@main.command()
@click.argument("register", type=click.Path(exists=True, path_type=Path))
@rules_option
@as_of_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, callback=out_path, help="Folder for entitlements, rejects and manifest.json.")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "xlsx"]), default="csv", show_default=True)
@click.option("--lang", type=LANGS, default="vi", show_default=True, help="Labels and headers.")
@click.option("--engine", type=ENGINES, default="vectorised", show_default=True,
              help="vectorised (numpy), durable (durable_rules, household by household), or dask (the partitions "
                   "as tasks on a Dask cluster).")
@click.option("--all", "include_all", is_flag=True, help="Also list every not-eligible decision with why.")
@click.option("--strict", is_flag=True, help="Stop at the first bad register row instead of rejecting it.")
@click.option("--partition-by", "partition_by", metavar="commune|chunk:N",
              help="Screen a Parquet register in parts of whole households (by commune, or N households a part). "
                   "Automatic for a partitioned dataset and for registers of over 2 million members.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running Dask scheduler "
              "(tcp://host:8786); default: a local cluster on this machine.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="With --engine dask and no --scheduler: worker processes of the local cluster.")
@click.option("--papers", is_flag=True, help="Also write the papers a commune prints: the list for public posting per village "
                   "(niem_yet_cong_khai.html/.xlsx) and a result sheet per household (phieu_ket_qua_ra_soat.html/.xlsx).")
@click.option("--questions/--no-questions", default=None,
              help="Write the questionnaire of the data still to collect (needs_data.xlsx/.html, per village and "
                   "household). Default: written for registers of up to 20,000 households.")
@force_option
@unverified_option
@register_options
def screen(register: Path, rules_dir, as_of, out_dir: Path, fmt: str, lang: str, engine: str, include_all: bool,
           strict: bool, partition_by: str | None, scheduler: str | None, workers: int, papers: bool, force: bool,
           use_unverified: bool, columns_file, accept_suggested: bool, blank_means_no: tuple,
           questions: bool | None) -> None:
    """Screen a register: every person's and household's entitlements, each explained."""
    import tempfile
    with start_up():
        early = _early_read(register) if partition_by is None and engine != "dask" else None
        from .api import load_rules, release_inputs, screen_register
        from .outfolder import output_folder
        from .outputs import write_outputs
        from .partscreen import find_parts, screen_partitioned
        from .reports.needsdata import write_needs_data   # what to ask next (issue 12)
        day = _as_of(as_of)
        plan = load_rules(rules_dir, use_unverified)
    options = read_options(plan, columns_file, accept_suggested, blank_means_no)
    _ = translator(lang)
    progress = RunProgress(SCREEN, lang)
    with output_folder(out_dir, force=force, inputs=(register,)) as folder, progress:  # locked before screening
        announce(lang, _("Screening the register {register}").format(register=register), day, as_of is None, plan)
        progress.start("read")
        with tempfile.TemporaryDirectory(prefix=".eligibility-parts-", dir=folder.path.parent) as work:
            parts = find_parts(register, plan.inputs, partition_by, engine, Path(work))
            if parts is not None:
                if early is not None:   # a partitioned dataset has no tables of its own to read early
                    early.close()
                refuse_partitioned(fmt, papers, options)
                if questions:
                    raise click.UsageError(translator(language())(
                        "--questions needs one register (not partitioned): screen one commune's register to write "
                        "its questionnaire"))
                progress.start("evaluate", len(parts))
                table, accounting = screen_partitioned(register, parts, plan, day, folder, fmt, lang, include_all,
                                                       engine, scheduler, workers, progress.tick)
                if folder.run is not None:   # no questionnaire for a register screened in parts: said so
                    folder.run["needs_data"] = {"written": False, "reason": "partitioned run"}
                warn_unread_lists(folder.run, lang)
                progress.start("write")
        if parts is None:
            release = not (papers or questions)   # then nothing reads the evaluation or the inputs after the decisions
            result = screen_register(register, day, rules_dir, strict=strict,
                                     engine="vectorised" if engine == "dask" else engine, include_all=include_all,
                                     lang=lang, progress=progress.evaluation(len(plan.order)),
                                     use_unverified=use_unverified, read_options=options, early=early, release=release)
            progress.start("write")
            release_inputs(result, questions)
            written = write_outputs(result, folder, fmt, lang)
            needs = write_needs_data(result, folder, lang, questions)
            written.update(folder.final_paths(needs))
            if papers:
                from .reports.papers import write_papers

                written.update(folder.final_paths(write_papers(result, folder, lang)))
            # made while the folder's writer thread still encodes the entitlements; said once they are in place
            report = screen_report(result, written, lang)
    if parts is None:
        for line in report:
            click.echo(line)
        if questions is None and not needs:   # left out on a large register: said, not silent
            from .reports.needsdata import SKIPPED

            click.echo(_(SKIPPED))
    else:
        report_partitioned(plan, table, accounting, out_dir, len(parts), fmt, lang)
    progress.finish()


def _early_read(register: Path):
    """The register's Parquet tables read on threads while `screen` imports and loads the rules (register/early.py),
    Arrow and glibc set for reuse first (engines/memory.py: the threads' buffers on the one heap the engine reuses)."""
    from .engines.memory import reuse_freed_buffers
    from .register.early import EarlyRead

    reuse_freed_buffers()
    return EarlyRead.start(register)


@main.command()
@click.argument("register", type=click.Path(exists=True, path_type=Path))
@click.argument("household_id")
@rules_option
@as_of_option
@click.option("--lang", type=LANGS, default="vi", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--engine", type=ENGINES, default="vectorised", show_default=True,
              help="durable: also check the decisions with the durable_rules engine.")
@click.option("--verbose", is_flag=True, help="Also show benefits the household is not eligible for.")
@unverified_option
@register_options
def explain(register: Path, household_id: str, rules_dir, as_of, lang: str, fmt: str, engine: str,
            verbose: bool, use_unverified: bool, columns_file, accept_suggested: bool, blank_means_no: tuple) -> None:
    """Explain one household: each benefit, each condition with its value and threshold."""
    import json

    with start_up():
        from .api import explain_register, load_rules

        options = read_options(load_rules(rules_dir, use_unverified), columns_file, accept_suggested, blank_means_no)
    data = explain_register(register, household_id, _as_of(as_of), rules_dir, engine=engine,
                            use_unverified=use_unverified, read_options=options)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        from .explain import render_text

        click.echo(render_text(data, lang, verbose))
        from .explain.notes import list_notes, register_notes

        for line in list_notes(data, lang) + register_notes(data, lang):
            click.echo(line)


@main.command()
@click.option("--households", "n", type=click.IntRange(min=1), required=True, help="Number of households.")
@click.option("--seed", type=int, default=767, show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              callback=out_path)
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "xlsx"]), default="parquet", show_default=True)
@click.option("--partitioned", is_flag=True, help="Write a partitioned dataset: part-00001/, … of --part-size "
              "households each (for registers too large for one machine's memory).")
@click.option("--part-size", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Households per part with --partitioned.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --partitioned: processes making parts at once (the files are the same for any number).")
@click.option("--lists", "with_lists", is_flag=True, help="Also write the programmes' own records: the merit records "
              "(several per person for some) and the programme lists (Decree 20 allowance and social pension payrolls) "
              "with planted errors: underpaid, not in the register, paid after death, duplicates, entries without IDs; "
              "the numbers planted and the rows of each table go to the manifest.")
@click.option("--partial-dates", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of birth dates written as the year alone (1944), as registers write them for the elderly.")
@force_option
def sample(n: int, seed: int, out_dir: Path, fmt: str, partitioned: bool, part_size: int, workers: int,
           force: bool, with_lists: bool, partial_dates: float) -> None:
    """Generate a realistic synthetic Lai Châu register (deterministic by seed)."""
    from .outfolder import output_folder
    from .synthetic import write_sample

    lang = language()   # --lang anywhere on the command line, else the locale's
    _ = translator(lang)
    progress = RunProgress((("generate", 1),), lang)
    with output_folder(out_dir, force=force) as folder, progress:
        announce(lang, _("Generating a synthetic register of {n} households (seed {seed}) into {out}").format(
            n=format_number(n, lang), seed=seed, out=out_dir))
        progress.start("generate")
        if partitioned:
            from .synthetic.partitioned import write_partitioned_sample

            parts = write_partitioned_sample(folder.path, n, seed, part_size, fmt, partial_dates, workers)
        elif with_lists:
            from dataclasses import asdict

            from .synthetic.lists import write_sample_with_lists

            planted = asdict(write_sample_with_lists(folder.path, households=n, seed=seed, fmt=fmt))
            tables = planted.pop("rows")
        else:
            write_sample(folder.path, households=n, seed=seed, fmt=fmt, partial_dates=partial_dates)
        if with_lists and partitioned:
            click.echo(_("note: --lists is not written with --partitioned (one list per register, not per part)"))
        if with_lists and partial_dates and not partitioned:
            click.echo(_("note: --partial-dates is not applied with --lists (the lists match people by exact birth "
                         "date)"))
        folder.manifest({"tool": "eligibility", "version": __version__, "command": "sample",
                         "households": n, "seed": seed, "format": fmt,
                         "partial_dates": 0.0 if with_lists and not partitioned else partial_dates,
                         **({"planted": planted, "tables": tables} if with_lists and not partitioned else {}),
                         **({"partitioned": {"parts": parts, "part_size": part_size}} if partitioned else {})})
    where = _(" in {parts} parts").format(parts=f"{parts:,}") if partitioned else ""
    click.echo(_("wrote a {n}-household register (seed {seed}){where} to {out}").format(n=f"{n:,}", seed=seed,
                                                                                       where=where, out=out_dir))
    progress.finish()


@main.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(path_type=Path))
def verify(out_dir: Path) -> None:
    """Check an output folder against its manifest.json: every file present, listed and unchanged."""
    from .outfolder import verify_folder

    _ = translator(language())
    problems = verify_folder(out_dir)
    if problems:
        raise _Problems("\n".join([_("{out}: {n} problem(s) against manifest.json").format(out=out_dir,
                                                                                            n=len(problems))]
                                  + [f"  {line}" for line in problems]))
    click.echo(_("{out}: OK, every file matches manifest.json").format(out=out_dir))


class _Problems(EligibilityError):
    """The disagreements of `verify`, one per line."""


if __name__ == "__main__":  # pragma: no cover
    main()
