"""click's own words — usage errors, 'Usage:', 'Try … for help.', 'Error:' — follow --lang vi or a
Vietnamese locale like the rest of the command line (`eligibility/cli_click.py`)."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from click.testing import CliRunner

import eligibility.cli as cli
from eligibility.cli_click import MESSAGES, PLURALS

ENGLISH = ("Usage:", "Try ", "Error:", "No such", "Missing", "Invalid value", "does not exist", "[OPTIONS]")
# click's messages to programmers (a command declared wrongly), never shown to someone typing a command,
# and those of features the tool does not use (editors, prompts, shell completion, Windows consoles)
NOT_FOR_USERS = {"d", "deprecated", "{editor}: Editing failed", "{editor}: Editing failed: {e}", "Windows error: {error}",
                 "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
                 "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
                 "Name '{name}' defined twice", "Boolean option {decl!r} cannot use the same flag for true/false.",
                 "Could not determine name for option with declarations {decls!r}",
                 "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
                 "Did you mean to pass '--{name}'?",
                 "Arguments take exactly one parameter declaration, got {length}: {decls}.",
                 "Do you want to continue?", "Confirm the action without prompting.", "Choice({choices})",
                 "Shell completion is not supported for Bash versions older than 4.4.",
                 "Couldn't detect Bash version, shell completion is not supported.", "Repeat for confirmation",
                 "Error: The two entered values do not match.", "Error: invalid input", "Unknown color {colour!r}",
                 "Press any key to continue...", "Unknown standard stream '{name}'"}


@pytest.mark.parametrize("args", [
    ["--lang", "vi", "screen", "--bogus"],            # the root's --lang: the command line's own words
    ["screen", "--lang", "vi", "--bogus"],
    ["screen", "--lang", "vi"],                        # a missing argument
    ["screen", "--lang", "vi", "no-such-register"],    # a path that does not exist
    ["screen", "--lang", "vi", "x", "--engine", "zz"],  # a value not among the choices
    ["--lang", "vi", "no-such-command"],
])
def test_usage_errors_are_vietnamese_with_lang_vi(args):
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 2
    assert "Cách dùng:" in result.output and "Lỗi: " in result.output and "để xem hướng dẫn" in result.output
    assert [w for w in ENGLISH if w in result.output] == [], result.output


def test_usage_errors_follow_a_vietnamese_locale_and_stay_english_otherwise():
    vi = CliRunner().invoke(cli.main, ["screen", "--bogus"], env={"LANG": "vi_VN.UTF-8"}).output
    assert "Lỗi: Không có tùy chọn '--bogus'." in vi
    en = CliRunner().invoke(cli.main, ["screen", "--bogus"], env={"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}).output
    assert "Error: No such option '--bogus'." in en and "Usage:" in en


def test_click_is_english_again_after_a_vietnamese_command():
    CliRunner().invoke(cli.main, ["screen", "--lang", "vi", "--bogus"])
    with pytest.raises(click.UsageError, match="No such option"):
        cli.main.main(["screen", "--bogus"], standalone_mode=False)


def test_every_message_click_can_show_a_user_is_listed_for_the_catalogue():
    """A newer click with a new message fails here (then list it in cli_click and translate it)."""
    found = extract_from_dir(str(Path(click.__file__).parent), method_map=[("**.py", "python")])
    shown = {m if isinstance(m, str) else m[0] for _, _, m, _, _ in found} - NOT_FOR_USERS
    listed = set(MESSAGES) | {singular for singular, _ in PLURALS}
    assert sorted(shown - listed) == []
