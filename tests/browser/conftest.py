"""Fixtures for the browser tests: the site built once, served on localhost, and Debian's Chromium.

The project (mkdocs.yml, templates/, the hand-written docs/ assets, the hook, seeds/) is
copied into a temporary folder and built there with the installed ``briefing`` command,
so the tests never touch the checkout's docs/ or site/. A threaded ``http.server`` serves
the result on a free port of 127.0.0.1 for the whole session and is always stopped.

Chromium is driven by Playwright (``playwright install`` is never needed: we launch the
system's /usr/bin/chromium, or $BRIEFING_CHROMIUM). Every request the browser makes is
recorded; one to any host but the local server is aborted before it leaves the machine
and reported by the tests. Without Chromium or Playwright the tests skip with a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .helpers import (
    CHROMIUM_ARGS,
    Browsing,
    BuiltSite,
    chromium_executable,
    copy_project,
    installed_command,
    open_browsing,
    run,
    serve,
)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The seeds built once per session with ``briefing build --site-dir`` in a project copy."""
    briefing = installed_command("briefing")
    if briefing is None:
        pytest.fail("the `briefing` command is not installed (pip install -e .)")
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    site = project / "mkdocs-site"
    result = run([briefing, "build", "--site-dir", str(site)], cwd=project)
    assert result.returncode == 0, f"briefing build failed:\n{result.stdout}\n{result.stderr}"
    assert (site / "index.html").is_file()
    return BuiltSite(project=project, site=site)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium under Playwright for the session (skips without one)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need Playwright: pip install -e '.[test]'")
    executable = chromium_executable()
    if executable is None:
        pytest.skip("browser tests need Chromium: apt-get install chromium (or set BRIEFING_CHROMIUM)")
    with sync_playwright() as playwright:
        # launch() gives the browser a fresh temporary user-data-dir, removed on close.
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def site_url(chromium: Any, built_site: BuiltSite) -> Iterator[str]:
    """Base URL of the built site, served for the session (Chromium first, so a skip skips the build)."""
    with serve(built_site.site) as url:
        yield url


@pytest.fixture
def browsing(chromium: Any, site_url: str) -> Iterator[Browsing]:
    """A fresh light-scheme browser context on the built site, closed after the test."""
    browsing = open_browsing(chromium, site_url, color_scheme="light")
    try:
        yield browsing
    finally:
        browsing.context.close()


@pytest.fixture(scope="session")
def zensical_site(built_site: BuiltSite) -> Path:
    """The same project built by ``zensical build`` (after ``briefing build`` rendered docs/): its site/."""
    zensical = installed_command("zensical")
    if zensical is None:
        pytest.skip("zensical is not installed (pip install zensical): the zensical build is not tested")
    result = run([zensical, "build", "--strict"], cwd=built_site.project)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    return built_site.project / "site"


@pytest.fixture(scope="session")
def zensical_url(chromium: Any, zensical_site: Path) -> Iterator[str]:
    """Base URL of the zensical-built site, served for the session."""
    with serve(zensical_site) as url:
        yield url
