"""`diff` of a partitioned register: each part screened on both sides and compared where it is read
(here, or as a Dask task), so that memory depends on a part, not on the register. A part sends back
its diff tables (the list of changes already redacted when asked) and both sides' counts; the
register's diff is their sum (`reports.diffcombine`), the same as one run's to the byte.

A date or rule-pack diff of one register only: two registers are compared whole (their parts would
have to hold the same households).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from .partitions import Part


@dataclass(frozen=True)
class Sides:
    """What the two sides of the diff are: rule pack, as-of date and name of each."""

    old_plan: object
    old_day: dt.date
    old_name: str
    new_plan: object
    new_day: dt.date
    new_name: str


def diff_part(part: Part, sides: Sides, lang: str = "en", redact_key: bytes | None = None):
    """(old side's part result, new side's, the part's diff tables)."""
    from .partscreen import part_result
    from .reports.diff import Side, compare, sort_changes

    old_screening, old_register = _screen(part, sides.old_plan, sides.old_day, lang)
    new_screening, new_register = _screen(part, sides.new_plan, sides.new_day, lang)
    tables = compare(Side(old_screening, sides.old_name), Side(new_screening, sides.new_name), lang, part=True)
    if redact_key is not None:
        from .reports.redact import household_heads, redact_list

        heads = household_heads(new_register.members)
        tables = dict(tables, changes=sort_changes(redact_list(tables["changes"], redact_key, heads)))
    return (part_result(part, old_register, old_screening.decisions),
            part_result(part, new_register, new_screening.decisions), tables)


def _screen(part: Part, plan, day: dt.date, lang: str):
    from .api import evaluate_frames
    from .register import read_register

    register = read_register(part.path, plan.inputs, day)
    screening = evaluate_frames(plan, register.households, register.members, day, lang=lang,
                                explained=False)     # the diff words why a decision changed itself
    return replace(screening, register=register), register


def diff_parts(parts: list[Part], sides: Sides, lang: str, engine: str, scheduler: str | None, workers: int,
               tick=None, redact_key: bytes | None = None) -> list:
    """Every part's diff, in order: here one after another, or as Dask tasks (`engine='dask'`)."""
    if engine == "dask":
        from .partscreen import on_dask

        return on_dask(diff_part, parts, {"sides": sides}, scheduler, workers, lang=lang, redact_key=redact_key)
    import gc

    results = []
    for part in parts:
        results.append(diff_part(part, sides, lang, redact_key))
        gc.collect()              # one part's frames are gone before the next is read
        if tick:
            tick(part.name)
    return results


def diff_partitioned(register: Path, parts: list[Part], sides: Sides, lang: str, engine: str,
                     scheduler: str | None, workers: int, tick=None, redact_key: bytes | None = None):
    """(the register's diff tables, the run's manifest per side) of a partitioned register."""
    from .partscreen import run_manifest
    from .reports.diffcombine import combine

    results = diff_parts(parts, sides, lang, engine, scheduler, workers, tick, redact_key)
    run = {"old": dict(run_manifest([r[0] for r in results], sides.old_plan, sides.old_day, register, engine, parts),
                       side=sides.old_name),
           "new": dict(run_manifest([r[1] for r in results], sides.new_plan, sides.new_day, register, engine, parts),
                       side=sides.new_name)}
    return combine([r[2] for r in results]), run
