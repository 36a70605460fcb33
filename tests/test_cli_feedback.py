"""Run feedback (issue 14): what a command will do, one progress display that never goes backwards
over every phase, the elapsed time; the CLI's words in Vietnamese with --lang vi or a vi locale."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import eligibility.cli as cli
import eligibility.cli_diff as cli_diff
from eligibility.cli_feedback import SCREEN, RunProgress
from eligibility.cli_options import cli_lang

from shared import DEMO

pytestmark = pytest.mark.slow   # every test over a few seconds of CPU: `make test-fast` leaves the file out


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _recording(monkeypatch, module):
    """Every (fraction, phase) the command's progress reports."""
    heard: list[tuple[float, str]] = []

    class Recorded(RunProgress):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, listener=lambda f, p: heard.append((f, p)), **kwargs)

    monkeypatch.setattr(module, "RunProgress", Recorded)
    return heard


def _phases(heard) -> list[str]:
    return [p for i, (_, p) in enumerate(heard) if i == 0 or heard[i - 1][1] != p]


@pytest.fixture(scope="module")
def demo_screen(tmp_path_factory):
    """`screen` on the demo at 15/11/2025 (Vietnamese, the default), its progress recorded: one run of about
    two CPU-seconds read by the progress test and by the end-of-run tables' test, which ran the same command.
    The locale is the neutral one the autouse `_english_locale` gives each test (set up after this fixture)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in ("LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", "C.UTF-8")
        heard = _recording(monkeypatch, cli)
        out = tmp_path_factory.mktemp("screen") / "o"
        result = CliRunner().invoke(cli.main, ["screen", str(DEMO), "--as-of", "2025-11-15", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result, heard


def test_screen_progress_is_monotone_over_every_phase_and_ends_with_elapsed_time(demo_screen):
    result, heard = demo_screen
    fractions = [f for f, _ in heard]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0, heard
    assert len(set(fractions)) > 20, heard                            # it moves during evaluation
    assert _phases(heard) == ["read", "evaluate", "explain", "write"], heard
    assert re.search(r"hoàn thành sau \d+(,\d)? giây\s*$", result.output), result.output[-500:]


def test_diff_progress_runs_once_over_both_screenings(monkeypatch, tmp_path):
    heard = _recording(monkeypatch, cli_diff)
    result = CliRunner().invoke(cli.main, ["diff", str(DEMO), "--as-of", "2024-06-30", "--as-of-new", "2024-07-01",
                                           "--out", str(tmp_path / "d"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    fractions = [f for f, _ in heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert _phases(heard) == ["read", "evaluate", "explain", "read", "evaluate", "explain", "compare", "write"]
    assert "Before: the register" in result.output and "After: the register" in result.output


def test_screen_says_what_it_will_do_first(tmp_path):
    result = CliRunner().invoke(cli.main, ["screen", str(DEMO), "--as-of", "2026-08-01", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    head = result.output.splitlines()[:6]
    assert head[0] == f"Rà soát sổ hộ {DEMO}"
    assert head[1].strip() == "Quy định có hiệu lực tại ngày 01/08/2026"
    assert re.match(r"\s+Bộ quy tắc .*rules, sha256 [0-9a-f]{12}$", head[2])
    assert any("mức D không được dùng" in line for line in head)      # the 2026 D values withheld


def test_without_as_of_it_says_it_took_today(tmp_path):
    result = CliRunner().invoke(cli.main, ["screen", str(DEMO), "--out", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "(no --as-of given: today)" in result.output.splitlines()[1]


def test_a_phase_started_again_or_ticked_past_its_total_never_moves_back_or_over():
    heard = []
    progress = RunProgress(SCREEN, listener=lambda f, p: heard.append(f), interactive=False)
    with progress:
        progress.start("read")
        tick = progress.evaluation(4)
        for _ in range(4):
            tick("step")
        assert progress.phase == "explain"
        progress.tick()                       # an uncounted phase: nothing moves
        progress.start("read")                # no later 'read': ignored
        progress.start("write")
    assert heard == sorted(heard) and heard[-1] == 1.0
    assert heard[:2] == [0.0, 0.3] and pytest.approx(heard[5]) == 0.7


def test_no_time_estimate_before_a_fifth_of_the_work_and_three_seconds():
    clock = Clock()
    progress = RunProgress(SCREEN, "en", interactive=False, clock=clock)
    progress.start("read")
    clock.now = 10.0
    assert "left" not in progress.line()      # 0 % after 10 s: no guess
    progress.start("evaluate", 10)
    clock.now = 12.0
    assert "left" in progress.line() and "12 s" in progress.line()


@pytest.mark.parametrize("env,lang", [({"LANG": "vi_VN.UTF-8"}, "vi"), ({"LC_ALL": "vi_VN"}, "vi"),
                                      ({"LANG": "en_GB.UTF-8"}, "en"), ({}, "en")])
def test_the_locale_chooses_the_language_of_commands_without_lang(monkeypatch, env, lang):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli_lang() == lang


@pytest.mark.parametrize("langid,lang", [(0x042A, "vi"), (0x0409, "en"), (0x0809, "en"), (0x0404, "en")])
def test_on_windows_without_lang_the_display_language_chooses(monkeypatch, langid, lang):
    """A commune office's Windows PC sets no LANG: a Vietnamese display language (LANGID 0x042A) gives
    Vietnamese help and errors, any other English."""
    from eligibility import cli_options

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(cli_options.os, "name", "nt")
    monkeypatch.setattr(cli_options, "windows_display_language", lambda: langid)
    assert cli_lang() == lang
    monkeypatch.setenv("LANG", "en_US.UTF-8")     # a locale set by hand still wins
    assert cli_lang() == "en"


def test_help_is_vietnamese_under_a_vi_locale_or_with_lang_vi():
    runner = CliRunner()
    under_locale = runner.invoke(cli.main, ["screen", "--help"], env={"LANG": "vi_VN.UTF-8"})
    assert under_locale.exit_code == 0
    assert under_locale.output.startswith("Cách dùng:") and "Tùy chọn:" in under_locale.output
    assert "Rà soát sổ hộ: quyền hưởng của từng người" in under_locale.output
    assert "Hiển thị hướng dẫn này rồi thoát." in under_locale.output
    top = runner.invoke(cli.main, ["--help"], env={"LANG": "vi_VN.UTF-8"}).output
    assert "Lệnh:" in top and "Bỏ sót và hưởng sai" in top                       # the lazy commands too
    asked = runner.invoke(cli.main, ["gaps", "--lang", "vi", "--help"]).output
    assert "Bỏ sót và hưởng sai" in asked and "Usage:" not in asked
    english = runner.invoke(cli.main, ["screen", "--help"]).output
    assert english.startswith("Usage:") and "Screen a register" in english


def test_every_help_text_has_a_vietnamese_translation():
    import inspect

    import click

    from eligibility.wording.catalogue import translations

    catalogue = translations("vi")
    ctx = click.Context(cli.main)
    commands = [cli.main.get_command(ctx, name) for name in cli.main.list_commands(ctx)]
    texts = {inspect.cleandoc(item.help) for command in commands for item in [command, *command.params]
             if getattr(item, "help", None)}
    missing = [t for t in texts if catalogue.gettext(t) == t]
    assert missing == []


def test_errors_are_worded_in_vietnamese_with_lang_vi(tmp_path):
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["screen", str(DEMO), "--out", str(tmp_path), "--lang", "vi"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("lỗi: ")], result.output


@pytest.mark.parametrize("command", ["screen", "gaps"])
def test_the_end_of_run_tables_name_benefits_by_label_not_id(demo_screen, tmp_path, command):
    from eligibility.api import load_rules

    if command == "screen":
        result = demo_screen[0]
    else:
        result = CliRunner().invoke(cli.main, [command, str(DEMO), "--as-of", "2025-11-15", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    ids = [b for b in load_rules().benefits if re.search(rf"(?<![\w/.-]){re.escape(b)}(?![\w/.-])", result.output)]
    assert ids == []
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", result.output)          # dates as dd/mm/yyyy
    assert "số dòng đọc 41 = nhận 41 + loại 0" in result.output and "accepted" not in result.output


def test_output_folder_errors_are_vietnamese_with_lang_vi_and_english_without(tmp_path):
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    args = ["screen", str(DEMO), "--out", str(tmp_path)]
    vi = CliRunner().invoke(cli.main, [*args, "--lang", "vi"]).output
    assert "không do eligibility ghi" in vi and "--force" in vi
    en = CliRunner().invoke(cli.main, args).output
    assert "error: " in en and "was not written by eligibility" in en


def test_every_message_template_has_a_vietnamese_translation():
    from eligibility.messages import TEMPLATES
    from eligibility.wording.catalogue import translations

    catalogue = translations("vi")
    assert [key for key, text in TEMPLATES.items() if catalogue.gettext(text) == text] == []
