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


def options_of(command: click.Command) -> set[str]:
    """Every option string `briefing COMMAND --help` lists (-h/--help included)."""
    ctx = click.Context(command, info_name=command.name)
    return {opt for param in command.get_params(ctx) if isinstance(param, click.Option)
            for opt in (*param.opts, *param.secondary_opts)}


GLOBAL = options_of(main)


@pytest.mark.parametrize(("command", "option"), sorted(
    {(name, opt) for name, cmd in main.commands.items() for opt in options_of(cmd)}
    | {("", opt) for opt in GLOBAL}))
def test_every_option_of_help_is_in_the_readme(command, option):
    if option == "-h":
        return  # the README shows --help
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", README), \
        f"`briefing {command} --help` lists {option}, which the README never mentions"


def readme_briefing_commands() -> list[list[str]]:
    """Every `briefing ...` command line of the README (code spans and code blocks), as words."""
    lines = re.findall(r"`(briefing [^`]*)`", README)
    lines += [m.strip() for m in re.findall(r"^    (?:\.venv/bin/)?(briefing .*)$", README, re.MULTILINE)]
    commands = []
    for line in lines:
        line = re.split(r"\s+#|&&|\|", line)[0]  # a comment, or the next command, ends it
        commands.append(line.split()[1:])
    return commands


def test_every_option_the_readme_names_exists():
    commands = readme_briefing_commands()
    assert len(commands) >= 10
    for words in commands:
        name = next((w for w in words if w in main.commands), None)
        allowed = GLOBAL | (options_of(main.commands[name]) if name else set())
        for word in words:
            option = word.strip("[]").split("=")[0]
            if option.startswith("-") and option not in ("-", "--"):
                assert option in allowed, f"README: `briefing {' '.join(words)}`: no option {option}"
    # options named alone in the everyday-use table belong to some command
    table = README.split("## Everyday use")[1].split("\n## ")[0]
    named = re.findall(r"`(--?[a-z][a-z-]*)", table)
    assert "--jobs" in named and "--no-cache" in named
    for option in named:
        assert any(option in options_of(cmd) for cmd in main.commands.values()) or option in GLOBAL, option


@pytest.mark.parametrize("args", [["-q", "extract"], ["extract", "-q"], ["-v", "extract"], ["extract", "-v"]])
def test_global_options_work_before_or_after_the_command(args, tmp_path):
    import logging
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("The council met on Tuesday. The mayor said the bridge would reopen.\n",
                                 encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, [*args, str(seeds), "--out", str(tmp_path / "b.yaml"), "--no-cache"])
    assert result.exit_code == 0, result.output
    level = logging.getLogger("briefing").level
    assert level == (logging.WARNING if "-q" in args else logging.DEBUG)


def test_build_takes_jobs_as_extract_does():
    for option in ("--jobs", "--no-cache", "--strict"):
        assert option in options_of(main.commands["build"]) and option in options_of(main.commands["extract"])


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


def test_no_test_reads_an_absolute_path_outside_the_checkout():
    """The shared gold is found beside the checkout or through $BRIEFING_SHARED (tests/sharedgold.py)."""
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""Path\(\s*["']/(?!dev/|proc/|tmp/)""", line) or re.search(r"""["']/work/""", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_shared_gold_location_follows_the_environment(tmp_path):
    import subprocess
    import sys
    code = "import sharedgold; print(sharedgold.GOLD)"
    env = {"BRIEFING_SHARED": str(tmp_path), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "tests", env=env, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == str(tmp_path / "eval" / "seeds-gold.yaml")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "tests", env={"PATH": ""}, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == str(ROOT.parent / "shared" / "eval" / "seeds-gold.yaml")
    assert "BRIEFING_SHARED" in README and "../shared" in README
