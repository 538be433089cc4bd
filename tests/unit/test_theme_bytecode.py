"""The theme's templates are compiled once per process, however many builds make a new environment."""

from __future__ import annotations

import jinja2
import pytest

from briefing.site import theme_bytecode


def test_a_new_environment_reuses_the_compiled_template_and_a_changed_one_is_compiled_again(tmp_path):
    (tmp_path / "base.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    first = theme_bytecode(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path))))
    assert first.get_template("base.html").render(title="a") == "<p>a</p>"

    second = theme_bytecode(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path))))

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again")

    second.compile = no_compile  # type: ignore[method-assign]
    assert second.get_template("base.html").render(title="b") == "<p>b</p>"

    (tmp_path / "base.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    third = theme_bytecode(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path))))
    third.compile = no_compile  # type: ignore[method-assign]
    with pytest.raises(AssertionError, match="compiled again"):
        third.get_template("base.html")
    fourth = theme_bytecode(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path))))
    assert fourth.get_template("base.html").render(title="c") == "<h1>c</h1>"
