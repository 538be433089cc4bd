"""`briefing build` of the seeds into a copy of the project: a strict build whose links all resolve.

The project (mkdocs.yml, templates/, the hand-written docs/ assets, the hook, seeds/) is
copied to a temporary folder, so the tests never touch the checkout's docs/ or site/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from projectcopy import copy_site_project
from sharedgold import GOLD

pytestmark = pytest.mark.slow  # each test runs a whole build (a few seconds)

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The installed commands, as a user runs them (python -m would import the copy's briefing/ folder).
BRIEFING = str(Path(sys.executable).parent / "briefing")
MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def copy_project(dest: Path) -> Path:
    """The project's site inputs -> dest (a fresh project folder)."""
    return copy_site_project(dest)


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300, check=False)


class Page(HTMLParser):
    """One built HTML page: ids, links, resources it loads, footnotes, and its visible text."""

    SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.footnotes: dict[str, list[str]] = {}
        self.text: list[str] = []  # the article's, outside the "removed" blocks and scripts
        self.removed_text: list[str] = []
        self._stack: list[str] = []
        self._removed_depth: int | None = None
        self._footnote: str | None = None
        self._article_depth: int | None = None  # the page's own content, not the theme's chrome

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("br", "img", "link", "meta", "input", "hr", "source", "path", "use"):
            self._stack.append(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
            if self._footnote is not None:
                self.footnotes[self._footnote].append(a["href"])
        if tag == "li" and (a.get("id") or "").startswith("fn:"):
            self._footnote = a["id"]
            self.footnotes[a["id"]] = []
        for key in ("src", "data", "poster"):
            if a.get(key):
                self.loads.append(a[key])
        if tag == "link" and a.get("href") and "alternate" not in (a.get("rel") or ""):
            self.loads.append(a["href"])
        if tag == "details" and "briefing-removed" in (a.get("class") or ""):
            self._removed_depth = len(self._stack)
        if tag == "article" and self._article_depth is None:
            self._article_depth = len(self._stack)

    def handle_endtag(self, tag):
        if tag == "li":
            self._footnote = None
        if tag == "details" and self._removed_depth is not None and len(self._stack) == self._removed_depth:
            self._removed_depth = None
        if tag == "article" and self._article_depth is not None and len(self._stack) == self._article_depth:
            self._article_depth = -1
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data):
        if (self._stack and self._stack[-1] in self.SKIP) or self._article_depth in (None, -1):
            return
        (self.text if self._removed_depth is None else self.removed_text).append(data)


def read_pages(site: Path) -> dict[str, Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[rel] = page
    return pages


def squash(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run([BRIEFING, "build", "seeds", "--strict", "--site-dir", "out"], project)
    assert result.returncode == 0, result.stderr
    return project, project / "out", read_pages(project / "out"), result


def test_strict_build_writes_every_page(built):
    project, site, pages, result = built
    assert result.stderr.count("extracted ") == 1  # the hook did not extract a second time
    for name in ("index.html", "facts.html", "quotes.html", "disputed.html", "discrepancies.html",
                 "timeline.html", "sources/index.html", "feed.xml", "data/briefing.yaml", "data/briefing.json"):
        assert (site / name).is_file(), name
    seeds = sorted(p for p in (project / "seeds").iterdir() if p.suffix == ".txt")
    source_pages = [n for n in pages if n.startswith("sources/") and n != "sources/index.html"]
    assert len(source_pages) == len(seeds)
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == len(seeds)
    for name in source_pages:  # the article's headline titles its page (not the file name)
        title = (site / name).read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0]
        assert not re.match(r"\d{3} [0-9a-f]{16}", title), (name, title)
    index = " ".join(pages["index.html"].text)
    assert re.search(r"Built from \d+ articles from \d+ outlets", index)


def test_home_page_title_names_the_briefing_and_no_page_has_an_empty_element(built):
    _project, site, _pages, _result = built
    data = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    home = (site / "index.html").read_text(encoding="utf-8")
    title = home.split("<title>")[1].split("</title>")[0]
    assert title == f"{data['meta']['title']} - News briefing"
    assert title.startswith("Briefing: ")
    for path in site.rglob("*.html"):
        if "assets" not in path.parts:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r'<p class="briefing-[a-z-]+">\s*</p>', text), path


def test_every_link_reaches_an_existing_page_and_anchor(built):
    _project, site, pages, _result = built
    checked = 0
    for name, page in pages.items():
        if name == "404.html":  # MkDocs writes it with root-absolute links, for any depth
            continue
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https") or not href or href.startswith("mailto:"):
                continue
            assert not parts.scheme, (name, href)
            if parts.path:
                target = (site / name).parent / unquote(parts.path)
                if target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), (name, href)
                target_name = target.resolve().relative_to(site.resolve()).as_posix()
            else:
                target_name = name
            fragment = unquote(parts.fragment)
            if fragment and target_name.endswith(".html"):
                assert fragment in pages[target_name].ids, (name, href)
                checked += 1
    assert checked > 50  # footnotes, their back-links, and the sentence anchors at least


def test_every_footnote_leads_to_a_sentence_of_a_source_page(built):
    _project, _site, pages, _result = built
    footnotes = 0
    for name, page in pages.items():
        for note, hrefs in page.footnotes.items():
            sentence_links = [h for h in hrefs if re.search(r"sources/[a-z0-9-]+\.html#s-[0-9a-f]{10}(-\d+)?$", h)
                              or (name.startswith("sources/")
                                  and re.search(r"^[a-z0-9-]+\.html#s-[0-9a-f]{10}(-\d+)?$", h))]
            assert sentence_links, (name, note, hrefs)
            footnotes += 1
    assert footnotes > 0, "the seeds gave no cited item at all"


def test_no_request_leaves_the_site_except_links_to_the_original_articles(built):
    project, site, pages, _result = built
    originals = {meta["url"] for meta in yaml.safe_load((project / "seeds" / "sources.yaml").read_text()).values()
                 if meta and meta.get("url")}
    for name, page in pages.items():
        for url in page.loads:
            assert not re.match(r"^(https?:)?//", url), (name, url)
        for href in page.links:
            if re.match(r"^(https?:)?//", href):
                assert href.split("#")[0] in originals, (name, href)
    for css in [*site.glob("assets/stylesheets/*.css"), *site.glob("stylesheets/*.css")]:
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css
    html_text = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "jsdelivr", "cdnjs", "googletagmanager"):
        assert host not in html_text, host


def boilerplate_markers(pages: dict[str, Page]) -> list[str]:
    if GOLD.is_file():  # without the shared gold: the first words of what cleaning removed
        gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
        return [m for markers in (gold.get("boilerplate") or {}).values() for m in markers or ()]
    removed = [t for p in pages.values() for t in p.removed_text if len(t.split()) >= 4]
    return [" ".join(t.split()[:6]) for t in removed[:20]]


def test_boilerplate_appears_only_in_the_removed_blocks(built):
    _project, site, pages, _result = built
    markers = boilerplate_markers(pages)
    assert markers
    for name, page in pages.items():
        visible = squash(" ".join(page.text))
        for marker in markers:
            assert squash(marker) not in visible, (name, marker)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    search = squash(" ".join(f"{doc.get('title', '')} {doc.get('text', '')}" for doc in index["docs"]))
    assert "cleaned" in search  # the index has the pages' text
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    for marker in markers:
        assert squash(marker) not in search, ("search index", marker)
        assert squash(marker) not in squash(feed), ("feed", marker)
    removed = squash(" ".join(t for p in pages.values() for t in p.removed_text))
    assert any(squash(m) in removed for m in markers)  # they are shown where they belong


def test_mkdocs_build_regenerates_the_pages_through_the_hook(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run([MKDOCS, "build", "--strict", "-q"], project)
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "index.md").read_text(encoding="utf-8").startswith("[//]: # (generated by briefing")
    assert (project / "site" / "sources" / "index.html").is_file()


def test_a_broken_link_fails_the_strict_build_with_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "notes.md").write_text("# Notes\n\n[gone](sources/index.md#no-such-anchor)\n",
                                               encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("  - Sources: sources/index.md",
                                                     "  - Sources: sources/index.md\n  - Notes: notes.md"),
                                        encoding="utf-8")
    result = run([BRIEFING, "build", "seeds", "--strict"], project)
    assert result.returncode == 1
    assert "no-such-anchor" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: mkdocs.yml: Aborted with 1 warnings")
    assert "Traceback" not in result.stderr


HOSTILE_ARTICLE = """Council says <script>alert(1)</script> is fine [^1]

by Jane Roe March 3, 2023 10:15 AM

The city council approved the [budget](javascript:alert(1)) on Tuesday, officials said.

"We will fix {{ 7*7 }} roads and [^1] bridges by {% now %}," Mayor Ana Ruiz said on Tuesday.

!!! note "Injected admonition"

{: onclick=alert(1) }

--8<-- "/etc/passwd"

| a | b |
| --- | --- |

The <img src=x onerror=alert(1)> council said the work would start in spring, the mayor's office said.

<div markdown="1">**bold** [x](javascript:alert(2))</div>
"""


def test_a_hostile_article_renders_inert_through_the_whole_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "seeds" / "999_hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    result = run([BRIEFING, "build", "seeds", "--strict", "--site-dir", "out"], project)
    assert result.returncode == 0, result.stderr
    site = project / "out"
    page = (site / "sources" / "999-hostile.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and "{% now %}" in page  # shown literally, never evaluated
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        article = text.split("<article", 1)[-1].split("</article>", 1)[0]  # the page's own content
        assert not re.search(r"<script(?![^>]*application/ld\+json)", article), path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.IGNORECASE), path
        assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", text, re.IGNORECASE), path
        assert "root:x:0:0" not in text
        assert 'class="admonition' not in text, path


def test_site_url_makes_sitemap_feed_and_canonical_links_absolute(tmp_path, built):
    """`briefing build --site-url URL -q --jobs 2`: options after the command, as the README shows them."""
    _project, plain_site, _pages, _result = built
    project = copy_project(tmp_path / "p")
    url = "https://example.org/briefing"
    result = run([BRIEFING, "build", "seeds", "--site-dir", "out", "--site-url", url, "-q", "--jobs", "2"], project)
    assert result.returncode == 0, result.stderr
    assert "site written" not in result.stderr  # -q after the subcommand silenced the info lines
    site = project / "out"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert f"{url}/index.html" in locs and f"{url}/disputed.html" in locs
    assert all(loc.startswith(url + "/") for loc in locs)
    assert "<loc>" not in (plain_site / "sitemap.xml").read_text(encoding="utf-8")  # without: empty, as before
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', feed)
    assert hrefs and all(h.startswith(url + "/") for h in hrefs), hrefs[:5]
    assert f'<link rel="self" type="application/atom+xml" href="{url}/feed.xml"/>' in feed
    assert f'<link rel="canonical" href="{url}/disputed.html">' in (site / "disputed.html").read_text(encoding="utf-8")
    # --jobs 2 extracted the same briefing as the default single process
    assert (site / "data" / "briefing.yaml").read_bytes() == (plain_site / "data" / "briefing.yaml").read_bytes()
    bad = run([BRIEFING, "build", "seeds", "--site-url", "javascript:alert(1)"], project)
    assert bad.returncode == 2 and "expected an http:// or https:// URL" in bad.stderr
