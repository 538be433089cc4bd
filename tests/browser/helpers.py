"""Helpers of the browser tests: the project copy, the local server, recorded browser contexts."""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from briefing.dump import from_data
from briefing.model import Source
from briefing.render import sentence_anchors, source_page_name

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}
# The site's main pages (a source page is added from the build).
MAIN_PAGES = ("index.html", "whats_new.html", "facts.html", "quotes.html", "disputed.html", "discrepancies.html",
              "timeline.html", "sources/index.html")


def installed_command(name: str) -> str | None:
    """The venv's console script ``name`` (next to this Python), else one on PATH, else None."""
    here = Path(sys.executable).parent / name
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which(name)


def chromium_executable() -> str | None:
    """$BRIEFING_CHROMIUM, else Debian's chromium on PATH or in /usr/bin; None when there is none."""
    for candidate in (os.environ.get("BRIEFING_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def copy_project(dest: Path) -> Path:
    """The project's site inputs -> dest (a fresh project folder, docs/ holding only hand-written files)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("templates", "seeds", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, dest / folder)
    (dest / "briefing").mkdir()
    shutil.copy(ROOT / "briefing" / "mkdocs_hook.py", dest / "briefing" / "mkdocs_hook.py")
    tracked = subprocess.run(["git", "ls-files", "-z", "docs"], cwd=ROOT, capture_output=True, check=False)
    names = [n for n in tracked.stdout.decode().split("\0") if n] if tracked.returncode == 0 else []
    if not names:  # not a git checkout: the hand-written asset folders
        names = [str(p.relative_to(ROOT)) for name in ("stylesheets", "javascripts")
                 for p in (ROOT / "docs" / name).rglob("*") if p.is_file()]
    for name in names:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, dest / name)
    (dest / "docs").mkdir(exist_ok=True)
    return dest


def run(args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout, check=False)


@dataclass(frozen=True)
class BuiltSite:
    """A project copy whose pages are rendered into docs/ and built with MkDocs into ``site``."""

    project: Path
    site: Path

    @functools.cached_property
    def data(self) -> dict[str, Any]:
        """The briefing as the site publishes it (data/briefing.json)."""
        return json.loads((self.site / "data" / "briefing.json").read_text(encoding="utf-8"))

    def source_pages(self) -> list[str]:
        """'sources/<name>.html' of every source page, sorted."""
        return sorted(f"sources/{p.name}" for p in (self.site / "sources").glob("*.html") if p.name != "index.html")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 in a thread; yields the base URL ('http://127.0.0.1:N/')."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Browsing:
    """One browser context on the served site, with everything it logged and requested."""

    base: str
    context: Any
    page: Any
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # requests to any other host (aborted)
    errors: list[str] = field(default_factory=list)   # console errors, page errors, failed or 4xx/5xx loads

    def url(self, path: str) -> str:
        return self.base + path

    def goto(self, path: str) -> Any:
        """Open ``path`` of the site and wait until the network is idle (search index and worker loaded)."""
        self.page.goto(self.url(path), wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def local_path(self) -> str:
        """The current page's path on the site, without the leading slash."""
        return urlsplit(self.page.url).path.lstrip("/")


def open_browsing(chromium: Any, base: str, **context_options: Any) -> Browsing:
    """A fresh context on ``base`` that records requests and errors and aborts any non-local request."""
    context = chromium.new_context(viewport=VIEWPORT, locale="en-GB", **context_options)
    context.set_default_timeout(10_000)
    host = urlsplit(base).netloc
    browsing = Browsing(base=base, context=context, page=None)

    def local(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or (parts.scheme == "http" and parts.netloc == host)

    def route(route: Any) -> None:
        if local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def on_request(request: Any) -> None:
        browsing.requests.append(request.url)
        if not local(request.url):
            browsing.foreign.append(request.url)

    def on_failed(request: Any) -> None:
        if local(request.url):
            browsing.errors.append(f"request failed: {request.url} ({request.failure})")

    def on_response(response: Any) -> None:
        if response.status >= 400:
            browsing.errors.append(f"HTTP {response.status}: {response.url}")

    context.route("**/*", route)
    context.on("request", on_request)
    context.on("requestfailed", on_failed)
    context.on("response", on_response)
    page = context.new_page()
    page.on("console", lambda msg: browsing.errors.append(f"console {msg.type}: {msg.text} ({msg.location})")
            if msg.type in ("error", "assert") else None)
    page.on("pageerror", lambda err: browsing.errors.append(f"page error: {err}"))
    browsing.page = page
    return browsing


# ---- what the tests check on a page ----------------------------------------------------------

def norm(text: str) -> str:
    return " ".join(text.split())


def fragment(url: str) -> str:
    return unquote(urlsplit(url).fragment)


def in_viewport(page: Any, selector_or_handle: Any) -> bool:
    """True when the element's box lies inside the window, below Material's sticky header."""
    handle = page.query_selector(selector_or_handle) if isinstance(selector_or_handle, str) else selector_or_handle
    return handle.evaluate("""el => {
        const r = el.getBoundingClientRect();
        const header = document.querySelector('.md-header');
        const top = header ? header.getBoundingClientRect().bottom : 0;
        return r.height > 0 && r.top >= top - 1 && r.bottom <= window.innerHeight + 1;
    }""")


def cited_sentence(built_site: BuiltSite, href: str) -> tuple[dict[str, Any], str]:
    """'sources/<page>.html#s-…' -> (the source's data, the sentence's text from its cleaned text)."""
    parts = urlsplit(href)
    stem = Path(parts.path).stem
    source = next(s for s in built_site.data["sources"] if source_page_name(s["id"]) == stem)
    anchors = sentence_anchors(from_data(Source, source))
    sentence = next(s for s in source["sentences"] if anchors[s["id"]] == unquote(parts.fragment))
    return source, source["text"][sentence["start"]:sentence["end"]]


def first_footnote(browsing: Browsing) -> tuple[Any, str]:
    """The Disputed page's first footnote reference in the content and the id of the note it points to."""
    page = browsing.goto("disputed.html")
    ref = page.locator("article a.footnote-ref").first
    assert ref.count() == 1, "the Disputed page has no footnote"
    href = ref.get_attribute("href")
    assert href and href.startswith("#fn:"), href
    return ref, href[1:]


def assert_lands_on_highlighted_sentence(browsing: Browsing, built_site: BuiltSite, href: str,
                                         note_text: str) -> None:
    """The page shown is the source page ``href`` names, scrolled to its sentence, which is highlighted."""
    page = browsing.page
    want = urlsplit(href)
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(want.path.split("/")[-1]))
    assert browsing.local_path() == want.path, page.url
    sentence_id = fragment(page.url)
    assert sentence_id == unquote(want.fragment) and re.fullmatch(r"s-[0-9a-f]{10}(-\d+)?", sentence_id), page.url
    target = page.locator(f"[id='{sentence_id}']")
    assert target.count() == 1 and "briefing-sentence" in (target.get_attribute("class") or "")
    # The footnote quoted exactly the sentence we land on, and that is the sentence of the source's text.
    _, sentence = cited_sentence(built_site, href)
    assert norm(target.inner_text()) == norm(sentence)
    assert norm(sentence) in norm(note_text)
    # Highlighted: its background is not that of an uncited sentence (waits out the CSS transition).
    other = page.locator(f".briefing-sentence:not([id='{sentence_id}'])").first
    normal = other.evaluate("el => getComputedStyle(el).backgroundColor")
    page.wait_for_function("([id, normal]) => getComputedStyle(document.getElementById(id)).backgroundColor"
                           " !== normal", arg=[sentence_id, normal], timeout=5000)
    page.mouse.move(0, 0)  # no hover styling on either
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in (normal, "rgba(0, 0, 0, 0)", "transparent"), (background, normal)
    assert in_viewport(page, f"[id='{sentence_id}']"), "the cited sentence is not scrolled into view"


def follow_first_footnote(browsing: Browsing, built_site: BuiltSite) -> str:
    """Disputed page: click its first footnote, then the note's link; checks each landing. Returns the link."""
    ref, note_id = first_footnote(browsing)
    page = browsing.page
    ref.click()
    page.wait_for_url(lambda url: fragment(url) == note_id)
    assert in_viewport(page, f"li[id='{note_id}']"), "the footnote is not scrolled into view"
    note = page.locator(f"li[id='{note_id}']")
    link = note.locator("a[href*='sources/']").first
    href, note_text = link.get_attribute("href"), note.inner_text()
    link.click()
    assert_lands_on_highlighted_sentence(browsing, built_site, href, note_text)
    return href
