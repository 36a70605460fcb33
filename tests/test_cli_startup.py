"""Start-up cost (issue 14): `eligibility --help` and `import eligibility` load neither pandas nor
the engines; the group's help lists the lazily loaded commands with their own docstrings."""
from __future__ import annotations

import inspect
import os
import subprocess
import sys

import click
from click.testing import CliRunner
import pytest

import eligibility.cli as cli


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_groups_help_loads_no_pandas_and_no_lazy_command():
    loaded = _modules_after("import eligibility.cli as cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass")
    heavy = {"pandas", "numpy", "pyarrow", "openpyxl", "pydantic", "eligibility.api"}
    lazy = {f"eligibility.{module}" for module in cli.Group.LAZY.values()}
    assert loaded & (heavy | lazy) == set()


def test_importing_the_package_loads_no_pandas_yet_offers_the_api():
    loaded = _modules_after("import eligibility")
    assert "pandas" not in loaded and "eligibility.api" not in loaded
    import eligibility
    from eligibility import api, outputs

    assert eligibility.load_rules is api.load_rules and eligibility.write_outputs is outputs.write_outputs
    assert set(eligibility.__all__) <= set(dir(eligibility))
    with pytest.raises(AttributeError):
        eligibility.no_such_name   # noqa: B018 - the attribute lookup is what is tested


@pytest.mark.parametrize("name", sorted(cli.Group.LAZY))
def test_a_lazy_commands_stand_in_carries_its_help(name):
    ctx = click.Context(cli.main)
    real = cli.main.get_command(ctx, name)
    shown = cli._listed(name)
    assert shown.name == real.name
    assert inspect.cleandoc(shown.help) == inspect.cleandoc(real.help)
    assert shown.get_short_help_str() == real.get_short_help_str()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_groups_help_names_every_command(lang):
    output = CliRunner().invoke(cli.main, ["--help", "--lang", lang]).output
    listed = output.split("\n\n")[-1]
    for name in cli.main.list_commands(click.Context(cli.main)):
        assert f"\n  {name} " in "\n" + listed


def test_help_in_vietnamese_leaves_the_language_as_it_was():
    from eligibility.messages import language

    before = language()
    CliRunner().invoke(cli.main, ["--help", "--lang", "vi"])
    CliRunner().invoke(cli.main, ["screen", "--lang", "vi", "--no-such-option"])
    assert language() == before


_COLLECTOR_PROBE = """
import atexit, gc, sys
import eligibility.api as api
from eligibility import cli

seen = []
real = api.load_rules
def load_rules(*args, **kwargs):   # first called inside the command's start-up
    seen.append(gc.isenabled())
    return real(*args, **kwargs)
api.load_rules = load_rules
sys.argv = ["eligibility", *sys.argv[1:]]
# said as the process ends: the command line's own process ends in `cli.main` (startup.leave)
atexit.register(lambda: print(seen[0], gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr))
{call}
"""


@pytest.mark.slow   # a fresh process screening the demo (about 3 CPU-s): `make test` runs it, `make test-fast` not
@pytest.mark.parametrize("command", [["explain", "DM23"], ["screen", "--out", "{out}", "--force"]])
def test_the_command_lines_start_up_runs_without_the_collector_then_freezes_what_it_made(command, tmp_path):
    from shared import AS_OF, DEMO

    args = [a.replace("{out}", str(tmp_path / "out")) for a in command]
    args = [args[0], str(DEMO), *args[1:], "--as-of", AS_OF.isoformat()]
    probe = _COLLECTOR_PROBE.format(call="cli.main()")   # as `python -m eligibility` and the script call it
    run = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr.splitlines()[-1] == "False True True", run.stderr


def test_a_library_or_test_call_leaves_the_collector_alone():
    import gc

    from shared import AS_OF, DEMO

    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(cli.main, ["explain", str(DEMO), "DM23", "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    assert gc.isenabled() and gc.get_freeze_count() == frozen


_BUILT_PROBE = """
import datetime as dt
import sys

import eligibility.api as api
from eligibility.rulebook.base import Strict

api.load_rules()
if len(sys.argv) > 1:
    api.explain_register(sys.argv[1], "DM23", dt.date(2025, 11, 15))
models, built = [Strict], []
while models:
    model = models.pop()
    models += model.__subclasses__()
    built += [model.__name__] if model.__pydantic_complete__ else []
print(sorted(set(built)))
"""


@pytest.mark.slow   # three fresh processes, the first compiling the pack: `make test` runs it, `make test-fast` not
def test_a_run_served_the_kept_plan_builds_no_validator(tmp_path):
    """The rule-file models build their validators when they first validate (`defer_build`); a class
    default that is a model instance (`valid: Window = Window()`) built them on import instead, and the
    reader's schema of the tables as read was validated anew (`InputSchema.as_read`) in every read."""
    from shared import DEMO

    env = {**os.environ, "ELIGIBILITY_CACHE_DIR": str(tmp_path)}
    run = [sys.executable, "-c", _BUILT_PROBE]
    compiled = subprocess.run(run, capture_output=True, text=True, check=True, env=env).stdout
    served = subprocess.run(run, capture_output=True, text=True, check=True, env=env).stdout
    explained = subprocess.run([*run, str(DEMO)], capture_output=True, text=True, check=True, env=env).stdout
    assert compiled.strip() != "[]"   # the first run compiled the pack, validating its files
    assert served.strip() == "[]" and explained.strip() == "[]"


@pytest.mark.slow   # a fresh process (over a CPU-second): `make test` runs it, `make test-fast` not
def test_reading_a_register_loads_no_register_writer():
    loaded = _modules_after("import eligibility.register")
    assert "eligibility.register.writer" not in loaded and "pyarrow.csv" not in loaded
    from eligibility.register import write_register, writer

    assert write_register is writer.write_register


# What a plain screening of a CSV register needs not load (issue 20: every subprocess test and every run pays
# its start-up): the workbook writer and the report writers (no xlsx asked for, no questionnaire), the
# Parquet reader and writer (pyarrow.parquet brings pyarrow.fs and ssl), the other engines, and — the plan
# being kept — neither YAML nor the compiler. pyarrow.compute is not in it: pandas 3 imports it itself
# whenever pyarrow is installed (pandas.core.arrays.arrow.accessors).
NOT_FOR_A_CSV_SCREENING = {"openpyxl", "xlsxwriter", "scipy", "dask", "distributed", "durable_rules_engine", "jinja2",
                           "matplotlib", "pyarrow.parquet", "pyarrow.dataset", "pyarrow.fs",
                           "eligibility.engines.durable", "eligibility.reports.workbook", "eligibility.reports.papers",
                           "eligibility.reports.needsdata_html", "yaml", "eligibility.rulebook.compile"}

_SCREEN_PROBE = """
import atexit, runpy, sys
sys.argv = ["eligibility", *sys.argv[1:]]
atexit.register(lambda: print("\\n".join(sorted(sys.modules)), file=sys.stderr))   # the process ends in `cli.main`
runpy.run_module("eligibility", run_name="__main__")   # as `python -m eligibility` runs it
"""


def _screening_loads(plan, tmp_path, *options: str) -> set[str]:
    """The modules a fresh `python -m eligibility screen` of the demo (CSV, the plan kept) has loaded."""
    from shared import AS_OF, DEMO

    from eligibility.cachedir import store_entry
    from eligibility.rulebook import plancache

    # the plan kept in a cache of the test's own, as a second run on a user's machine finds it
    key = plancache.plan_key(str(plan.folder), plan.digest)
    store_entry(tmp_path / "cache" / "plans" / f"{key}.json", key, plancache.encode_entry(plan))
    env = {**os.environ, "ELIGIBILITY_CACHE_DIR": str(tmp_path / "cache")}
    args = ["screen", str(DEMO), "--as-of", AS_OF.isoformat(), "--out", str(tmp_path / "out"), "--force",
            "--format", "csv", *options]
    run = subprocess.run([sys.executable, "-c", _SCREEN_PROBE, *args], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    loaded = set(run.stderr.split())
    assert (tmp_path / "out" / "entitlements.csv").is_file() and "pandas" in loaded   # the probe screened
    return loaded


@pytest.mark.slow   # a fresh process screening the demo (about 1.5 CPU-s): `make test` runs it, `make test-fast` not
def test_a_csv_screening_loads_no_workbook_writer_parquet_other_engine_nor_compiler(bundled_plan, tmp_path):
    loaded = _screening_loads(bundled_plan, tmp_path, "--no-questions")
    assert loaded & NOT_FOR_A_CSV_SCREENING == set()


# The questionnaire (written by default for a commune's register, as for the demo) is a workbook and a
# printable page: it loads the workbook writer, but not the papers (`--papers`), whose page it shares
# only the print CSS and escaping with (reports/printpage.py).
PAPERS = {"eligibility.reports.papers", "eligibility.reports.papers_html"}
QUESTIONNAIRE = {"openpyxl", "eligibility.reports.workbook", "eligibility.reports.needsdata_html"}


@pytest.mark.slow   # a fresh process screening the demo (about 1.5 CPU-s): `make test` runs it, `make test-fast` not
def test_a_screening_writing_the_questionnaire_loads_its_writers_but_not_the_papers(bundled_plan, tmp_path):
    loaded = _screening_loads(bundled_plan, tmp_path)
    assert (tmp_path / "out" / "needs_data.xlsx").is_file() and (tmp_path / "out" / "needs_data.html").is_file()
    assert loaded >= QUESTIONNAIRE
    assert loaded & ((NOT_FOR_A_CSV_SCREENING - QUESTIONNAIRE) | PAPERS) == set()


@pytest.mark.slow   # a fresh process (over a CPU-second): `make test` runs it, `make test-fast` not
def test_the_questionnaires_page_loads_no_workbook_writer_nor_papers():
    loaded = _modules_after("import eligibility.reports.needsdata_html")
    assert loaded & ({"openpyxl", "eligibility.reports.workbook"} | PAPERS) == set()


def test_the_groups_help_loads_no_babel_nor_anything_a_screening_leaves_out():
    loaded = _modules_after("import eligibility.cli as cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass")
    assert loaded & (NOT_FOR_A_CSV_SCREENING | {"babel", "rapidfuzz", "pydantic"}) == set()


@pytest.mark.slow   # a fresh process (over a CPU-second): `make test` runs it, `make test-fast` not
def test_the_audit_loads_no_name_matcher_until_a_register_gives_programme_lists():
    """rapidfuzz (register/matching.py) is loaded by `read_lists` where there are lists to match: a register
    without them (the 1 M-person benchmark's) does not pay for it."""
    loaded = _modules_after("import eligibility.api, eligibility.audit, eligibility.audit.listed")
    assert "eligibility.audit.listed" in loaded
    assert {"rapidfuzz", "eligibility.register.matching"} & loaded == set()
