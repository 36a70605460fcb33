"""What a long command tells the officer while it runs: first what it will do (register, as-of date
and whether it defaulted to today, rule pack and its hash, unverified law in force), then one
progress display over all its phases, then the elapsed time.

The display is one line on stderr, redrawn by a heartbeat every half second (so it never sits
silent while a phase has nothing to count, such as reading a register), only when stderr is a
terminal. The fraction shown never goes backwards: each phase owns a fixed span of the bar and a
step within it can only move forward. No time estimate is shown until a fifth of the work and three
seconds are behind (the first estimates of a run are guesses; an 11-minute guess for a 30-second run
helps nobody).
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Sequence

import click

from .wording import N_, translator
from .wording.formats import format_date, format_number

PHASES = {
    "read": N_("reading and checking the register"), "evaluate": N_("evaluating the rules"),
    "explain": N_("explaining the decisions"), "write": N_("writing the outputs"),
    "generate": N_("generating the register"), "compare": N_("comparing the two screenings"),
}
# Spans of the bar (relative); measured on the demo and a 200,000-household register, roughly.
SCREEN = (("read", 30), ("evaluate", 40), ("explain", 20), ("write", 10))
ETA_AFTER = (0.2, 3.0)      # fraction done, seconds elapsed
HEARTBEAT = 0.5


class RunProgress:
    """One bar over a command's phases: `start(phase, total)`, then `tick()` per step of a counted
    phase. `listener(fraction, phase)` hears every change (tests capture it)."""

    def __init__(self, phases: Sequence[tuple[str, float]], lang: str = "en",
                 listener: Callable[[float, str], None] | None = None, interactive: bool | None = None,
                 clock: Callable[[], float] = time.monotonic):
        weight = float(sum(w for _, w in phases)) or 1.0
        starts, at = [], 0.0
        for key, w in phases:
            starts.append((key, at / weight, w / weight))
            at += w
        self.phases, self.lang, self.listener, self.clock = starts, lang, listener, clock
        self.interactive = sys.stderr.isatty() if interactive is None else interactive
        self.index, self.done, self.total, self.fraction = -1, 0, None, 0.0
        self.lock, self.stop = threading.RLock(), threading.Event()
        self.began, self.thread, self.drawn = clock(), None, 0.0

    def __enter__(self) -> RunProgress:
        self.began = self.clock()
        if self.interactive:
            self.thread = threading.Thread(target=self._beat, daemon=True)
            self.thread.start()
        return self

    def __exit__(self, kind, *_exc) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
        if kind is None:
            self._move(1.0)
        if self.interactive:
            click.echo("\r\033[K", nl=False, err=True)

    def finish(self) -> None:
        """The run's last line: how long it took (after the summary the command prints)."""
        _ = translator(self.lang)
        seconds = format_number(round(self.clock() - self.began, 1), self.lang, 1)
        click.echo(_("done in {seconds} s").format(seconds=seconds), err=True)

    @property
    def phase(self) -> str:
        return self.phases[self.index][0] if self.index >= 0 else ""

    def start(self, key: str, total: int | None = None) -> None:
        """Move to the next phase named `key` (a phase may come twice: `diff` screens two sides)."""
        with self.lock:
            for i in range(self.index + 1, len(self.phases)):
                if self.phases[i][0] == key:
                    self.index, self.done, self.total = i, 0, total
                    self._move(self.phases[i][1])
                    return

    def tick(self, _step: str | None = None) -> None:
        """One step of the current phase done (thread-safe: the engine runs steps in threads)."""
        with self.lock:
            self.done += 1
            if self.total and self.index >= 0:
                _, start, width = self.phases[self.index]
                self._move(start + width * min(self.done / self.total, 1.0))

    def evaluation(self, steps: int) -> Callable[[str], None]:
        """The engine's per-step callback: its first step starts `evaluate`, its last `explain`
        (the decisions are built right after, inside the same library call)."""
        def step(name: str) -> None:
            with self.lock:
                if self.phase != "evaluate":
                    self.start("evaluate", steps)
                self.tick(name)
                if self.done >= steps:
                    self.start("explain")
        return step

    def _move(self, fraction: float) -> None:
        with self.lock:
            self.fraction = max(self.fraction, min(fraction, 1.0))
            if self.listener is not None:
                self.listener(self.fraction, self.phase)
        if self.interactive and self.clock() - self.drawn >= 0.1:   # a terminal is slower than the engine
            self._draw()

    def _beat(self) -> None:
        while not self.stop.wait(HEARTBEAT):
            self._draw()

    def _draw(self) -> None:
        self.drawn = self.clock()
        click.echo("\r\033[K" + self.line(), nl=False, err=True)

    def line(self) -> str:
        """`[#####·····]  45 %  evaluating the rules  12 s` (+ time left once it means something)."""
        _ = translator(self.lang)
        with self.lock:
            fraction, phase = self.fraction, self.phase
        elapsed = self.clock() - self.began
        filled = int(fraction * 30)
        text = f"[{'#' * filled}{'·' * (30 - filled)}] {int(fraction * 100):3d} %  {_(PHASES.get(phase, phase))}"
        text += f"  {format_number(int(elapsed), self.lang)} s"
        if fraction >= ETA_AFTER[0] and elapsed >= ETA_AFTER[1]:
            left = elapsed * (1 - fraction) / fraction
            text += "  " + _("about {seconds} s left").format(seconds=format_number(int(left) + 1, self.lang))
        return text


def announce(lang: str, what: str, day=None, defaulted: bool = False, plan=None) -> None:
    """The lines a command starts with: what it does, on which date's law, with which rule pack."""
    _ = translator(lang)
    click.echo(what, err=True)
    if day is not None:
        line = _("Law in force on {date}").format(date=format_date(day, lang))
        if defaulted:
            line += " " + _("(no --as-of given: today)")
        click.echo("  " + line, err=True)
    if plan is not None:
        click.echo("  " + _("Rule pack {folder}, sha256 {digest}").format(folder=plan.folder, digest=plan.digest[:12]),
                   err=True)
    if plan is not None and day is not None:
        for line in unverified_lines(plan, day, lang):
            click.echo("  " + line, err=True)


def unverified_lines(plan, day, lang: str) -> list[str]:
    """Warnings when the law of `day` rests on values not yet verified (C used, D used or withheld)."""
    from .rulebook.unverified import in_force

    _ = translator(lang)
    used, withheld = in_force(plan, day)
    named = (lambda u: u.split("=")[0].strip()) if lang == "en" else (   # vi: the parameter's name in words
        lambda u: getattr(plan.parameters[u.split("=")[0].strip()].spec.label, lang)
        if u.split("=")[0].strip() in plan.parameters else u.split("=")[0].strip())
    weak = [named(u) for u in used if "(D," not in u]
    doubtful = [named(u) for u in used if "(D," in u]
    lines = []
    if weak:
        lines.append(_("warning: {n} value(s) in force on this date are not fully verified (graded C), e.g. "
                       "{names}; `eligibility validate` lists them").format(n=len(weak), names="; ".join(weak[:3])))
    if doubtful:
        lines.append(_("warning: {n} value(s) graded D are used (--use-unverified): {names}").format(
            n=len(doubtful), names="; ".join(doubtful[:3])))
    if withheld:
        lines.append(_("warning: {n} value(s) graded D are withheld on this date: decisions resting on them are "
                       "undetermined (--use-unverified to use them)").format(n=len(withheld)))
    return lines


# ---------------------------------------------------------------- the end of `screen`
def refuse_partitioned(fmt: str, papers: bool, options=None) -> None:
    """What a run by parts cannot do, refused in one line rather than ignored (in the language the
    command line set)."""
    from .messages import language

    _ = translator(language())
    if options is not None and (options.columns or options.accept_suggested or options.blank_means_no):
        raise click.UsageError(_("--columns, --accept-suggested and --blank-means-no read one register (a "
                                 "commune's workbook or CSV); a register read in parts must name its columns as "
                                 "declared"))
    if fmt == "xlsx":
        raise click.UsageError(_("a partitioned run writes --format parquet or csv (one file per part)"))
    if papers:
        raise click.UsageError(_("--papers needs one register (not partitioned): screen one commune's register "
                                 "to print its papers"))


def screen_report(result, written: dict, lang: str) -> list[str]:
    """What is said after a screening: how the register's columns were read, the table per benefit,
    the audit of the programme lists, the files written. `screen` makes it while the entitlements are
    still being written beside it (the folder's writer thread), and says it once they are in place."""
    from .audit import summary_lines   # the programme lists' audit (issue 13)
    from .register.mapping import mapping_lines
    from .register.report import cell_lines
    from .summary import summary_lines as benefit_lines

    table = written.get("columns")
    lines = list(mapping_lines(result.register.mapping, lang, str(table) if table else "columns.csv"))
    lines += benefit_lines(result, lang)
    lines += cell_lines(result.register, lang)
    lines += summary_lines(result.extra["audit"], result.plan, lang) if "audit" in result.extra else []
    files = ", ".join(str(p) for p in written.values())
    return [*lines, "\n" + written_line(files, lang)]


def report_partitioned(plan, table, accounting, out_dir, parts: int, fmt: str, lang: str) -> None:
    from .summary import print_table

    print_table(table, accounting, lang, {name: getattr(b.label, lang) for name, b in plan.benefits.items()})
    files = f"{out_dir}/entitlements/ ({parts:,} parts), {out_dir}/rejects.{fmt}, {out_dir}/manifest.json"
    click.echo("\n" + written_line(files, lang))


def warn_unread_lists(run: dict | None, lang: str) -> None:
    """A register read in parts is not audited against the programme lists beside it: said, not silent."""
    files = ((run or {}).get("audit") or {}).get("unread_files")
    if files:
        click.echo(translator(lang)("warning: a register read in parts is not audited against its programme lists "
                                    "({files}); screen one commune's register to audit them")
                   .format(files=", ".join(files)), err=True)


def written_line(files: str, lang: str) -> str:
    _ = translator(lang)
    return _("written: {files}").format(files=files)
