"""The README keeps its promises: every command and option it must mention, it does."""

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_in_the_readme(name):
    assert f"briefing {name}" in README


@pytest.mark.parametrize(("command", "option"), sorted(
    (name, opt) for name, cmd in main.commands.items() for param in cmd.params
    if isinstance(param, click.Option) for opt in param.opts if opt.startswith("--")
    and opt not in ("--help", "--config", "--cache-dir", "--dev-addr")))
def test_every_user_facing_option_is_in_the_readme(command, option):
    assert option in README, f"briefing {command} {option} is not documented"


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^    (python3 -m venv .*)$", README, re.MULTILINE)
    assert len(commands) == 2, "the README states two set-up commands"
    assert commands[1] in ci


def test_help_explains_each_command():
    runner = CliRunner()
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert len(result.output.splitlines()) > 4


def test_model_fields_in_the_readme_yaml_format():
    from dataclasses import fields

    from briefing.model import Citation, Quote
    for cls in (Quote, Citation):
        for f in fields(cls):
            assert f.name in README, f"{cls.__name__}.{f.name} is not documented"
