"""`briefing build` with nothing changed keeps the site; any changed input builds it again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from projectcopy import copy_site_project

from briefing.site import build_site


def build(project: Path, **kwargs):
    return build_site(project / "seeds", config_file=project / "mkdocs.yml", **kwargs)


def site_bytes(project: Path) -> dict[str, bytes]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    project = copy_site_project(tmp_path / "p")
    assert not build(project).reused
    return project


def test_nothing_changed_keeps_the_site_as_it_was(project):
    before = site_bytes(project)
    stamp = (project / "site").stat().st_ino
    report = build(project)
    assert report.reused and report.articles == 5
    assert (project / "site").stat().st_ino == stamp and site_bytes(project) == before


@pytest.mark.parametrize("change", ["article", "template", "config", "docs", "page", "site", "overrides",
                                    "strict"])
def test_any_changed_input_builds_again(project, change):
    kwargs = {}
    if change == "article":
        path = sorted((project / "seeds").glob("*.txt"))[0]
        path.write_text(path.read_text(encoding="utf-8") + "\nThe committee met again on Monday.\n",
                        encoding="utf-8")
    elif change == "template":
        path = project / "templates" / "index.md.j2"
        path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    elif change == "config":
        path = project / "mkdocs.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("site_name: News briefing", "site_name: Other"),
                        encoding="utf-8")
    elif change == "docs":  # a hand-written file beside the generated pages
        (project / "docs" / "stylesheets" / "briefing.css").write_text("/* edited */\n", encoding="utf-8")
    elif change == "page":  # a generated page deleted by hand: rendered again
        (project / "docs" / "facts.md").unlink()
    elif change == "site":
        page = project / "site" / "facts.html"
        page.unlink()
        os.utime(project / "site", ns=(1, 1))
    elif change == "overrides":
        (project / "overrides.yaml").write_text("briefing: {title: Edited title}\n", encoding="utf-8")
    elif change == "strict":
        kwargs["strict"] = True
    report = build(project, **kwargs)
    assert not report.reused
    assert (project / "site" / "facts.html").is_file() and (project / "docs" / "facts.md").is_file()
    assert build(project, **kwargs).reused  # and the next run has nothing to do again


def test_no_cache_always_builds(project):
    assert not build(project, use_cache=False).reused
    assert not build(project, use_cache=False).reused
