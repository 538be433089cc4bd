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
