"""Zensical (Material for MkDocs' successor) builds the same project.

Zensical reads mkdocs.yml but runs no MkDocs hooks, so the pages are rendered into docs/
first; the commands are

    briefing build            # extracts the seeds and renders docs/ (and builds site/ with MkDocs)
    zensical build --strict   # builds docs/ into site/ (writes its cache to .cache/)

The build test needs only the zensical command (it skips with a message without it); the
page checks also need Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .helpers import SCREENSHOTS, BuiltSite, follow_first_footnote, open_browsing


def html_pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def test_zensical_builds_the_same_pages(built_site: BuiltSite, zensical_site: Path):
    assert (zensical_site / "index.html").is_file()
    sources = built_site.source_pages()
    assert sources, "the MkDocs build has no source page"
    assert html_pages(zensical_site) == html_pages(built_site.site)
    page = (zensical_site / sources[0]).read_text(encoding="utf-8")
    assert re.search(r'<span class="briefing-sentence[^"]*" id="s-[0-9a-f]{10}"', page), \
        "the source page lost its anchors"
    disputed = (zensical_site / "disputed.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="sources/[^"#]+\.html#s-[0-9a-f]{10}(-\d+)?"', disputed), \
        "footnotes do not link to sentences"
    # Nothing loaded from another host: every script, stylesheet and image is local.
    for name in html_pages(zensical_site):
        text = (zensical_site / name).read_text(encoding="utf-8")
        loads = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]*)"|<link[^>]*\shref="([^"]*)"', text)
        remote = [url for pair in loads for url in pair if re.match(r"(?i)(https?:)?//", url)]
        assert remote == [], f"{name} loads {remote}"


@pytest.mark.browser
@pytest.mark.parametrize("name", ["index.html", "disputed.html", "<a source page>"])
def test_zensical_pages_load_cleanly(chromium: Any, zensical_url: str, built_site: BuiltSite, name: str):
    browsing = open_browsing(chromium, zensical_url)
    try:
        path = built_site.source_pages()[0] if name.startswith("<") else name
        page = browsing.goto(path)
        assert page.locator("article h1").count() == 1
        assert browsing.foreign == [], f"requests to other hosts: {browsing.foreign}"
        assert browsing.errors == [], "\n".join(browsing.errors)
    finally:
        browsing.context.close()


@pytest.mark.browser
def test_zensical_footnote_leads_to_highlighted_sentence(chromium: Any, zensical_url: str, built_site: BuiltSite):
    browsing = open_browsing(chromium, zensical_url)
    try:
        follow_first_footnote(browsing, built_site)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browsing.page.screenshot(path=str(SCREENSHOTS / "zensical-source.png"))
        assert browsing.errors == [] and browsing.foreign == []
    finally:
        browsing.context.close()
