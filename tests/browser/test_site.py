"""The built briefing site in a real Chromium: footnotes, tooltips, search, errors, requests,
screenshots, accessibility (axe-core) and keyboard use.

Expectations come from the site's own data (data/briefing.json), never from seed text.
Screenshots go to test-artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import re
from html import unescape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import pytest

from briefing.render import format_date

from .helpers import (
    MAIN_PAGES,
    SCREENSHOTS,
    Browsing,
    BuiltSite,
    assert_lands_on_highlighted_sentence,
    cited_sentence,
    first_footnote,
    follow_first_footnote,
    fragment,
    in_viewport,
    norm,
    open_browsing,
)

pytestmark = pytest.mark.browser

SOURCE = "<a source page>"  # placeholder in parametrize: the first source page of the build
PAGES = (*MAIN_PAGES, SOURCE)


def page_path(name: str, built_site: BuiltSite) -> str:
    """A page of PAGES -> its path in the build (skips a page this build does not have)."""
    path = built_site.source_pages()[0] if name == SOURCE else name
    if not (built_site.site / path).is_file():
        pytest.skip(f"this build has no {path}")
    return path


def test_footnote_on_disputed_page_leads_to_highlighted_sentence(browsing: Browsing, built_site: BuiltSite):
    follow_first_footnote(browsing, built_site)
    assert browsing.errors == [] and browsing.foreign == []


def test_footnote_tooltip_shows_publisher_title_date_and_sentence(browsing: Browsing, built_site: BuiltSite):
    ref, note_id = first_footnote(browsing)
    page = browsing.page
    href = page.locator(f"li[id='{note_id}'] a[href*='sources/']").first.get_attribute("href")
    source, sentence = cited_sentence(built_site, href)
    ref.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for(state="visible", timeout=5000)
    text = norm(tooltip.inner_text())
    assert norm(source["publisher"]) in text
    assert norm(source["title"]) in text
    assert format_date(source["date"]) in text
    assert norm(sentence) in text
    assert browsing.errors == []


def quote_to_search(built_site: BuiltSite) -> tuple[str, str]:
    """(a speaker's last name, the start of one of their quotes) for a quote the Quotes page shows."""
    html = norm(unescape(re.sub(r"<[^>]+>", " ", (built_site.site / "quotes.html").read_text(encoding="utf-8"))))
    for quote in built_site.data["quotes"]:
        speaker, start = quote.get("speaker"), norm(quote["text"])[:40]
        if speaker and start in html and len(speaker.split()[-1]) >= 3:
            return speaker.split()[-1], start
    pytest.fail("the Quotes page shows no quote with a named speaker")


def test_search_for_a_speaker_finds_the_quote(browsing: Browsing, built_site: BuiltSite):
    name, quote_start = quote_to_search(built_site)
    page = browsing.goto("index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(name, delay=20)
    # a result on the Quotes page that matched the term (Material puts the matched terms in ?h=)
    result = page.locator(f".md-search-result__link[href*='quotes.html?h='][href*='{name.lower()}']").first
    result.wait_for(state="visible", timeout=10000)
    result.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/quotes.html"))
    assert quote_start in norm(page.locator("article").inner_text())
    # search.highlight marks the term on the page it opens
    mark = page.locator("article mark[data-md-highlight]").first
    mark.wait_for(state="attached", timeout=5000)
    assert name.lower() in mark.inner_text().lower()
    assert browsing.errors == [] and browsing.foreign == []


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_console_error_and_requests_only_the_local_server(browsing: Browsing, built_site: BuiltSite,
                                                                     name: str):
    page = browsing.goto(page_path(name, built_site))
    assert page.locator("article h1").count() == 1
    page.wait_for_timeout(300)  # late scripts (tooltips, search worker)
    assert browsing.foreign == [], f"requests to other hosts: {browsing.foreign}"
    assert browsing.errors == [], "\n".join(browsing.errors)
    assert any(url.endswith("search_index.json") or "search_index" in url for url in browsing.requests), \
        "the search index was not loaded"


def test_screenshots(browsing: Browsing, built_site: BuiltSite, chromium: Any, site_url: str):
    """Overview, Disputed and a source page (at a cited sentence), desktop and phone width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browsing.goto("disputed.html")
    href = page.locator("article .footnote li a[href*='sources/']").first.get_attribute("href")
    shots = {"overview.png": "index.html", "disputed.png": "disputed.html", "source.png": href}
    for file, path in shots.items():
        page = browsing.goto(path)
        page.wait_for_timeout(500)  # the highlight's transition
        page.screenshot(path=str(SCREENSHOTS / file))
    phone = open_browsing(chromium, site_url, color_scheme="dark")
    try:
        phone.page.set_viewport_size({"width": 390, "height": 844})
        for file, path in {"overview-phone-dark.png": "index.html", "source-phone-dark.png": href}.items():
            phone.goto(path).wait_for_timeout(500)
            phone.page.screenshot(path=str(SCREENSHOTS / file))
        assert phone.errors == [] and phone.foreign == []
        # nothing wider than the phone's screen
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the source page scrolls sideways on a phone ({width}px)"
    finally:
        phone.context.close()
    for file in (*shots, "overview-phone-dark.png", "source-phone-dark.png"):
        assert (SCREENSHOTS / file).stat().st_size > 10_000, file
    assert browsing.errors == [] and browsing.foreign == []


# ---- accessibility ------------------------------------------------------------------------------

def axe_source() -> str:
    """axe-core's axe.min.js, as the axe-playwright-python wheel ships it (skips without it)."""
    try:
        return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("accessibility tests need axe-core: pip install -e '.[test]' (axe-playwright-python)")


def serious_violations(page: Any) -> list[str]:
    """axe-core run on the page -> one line per serious or critical violation (rule, help, where)."""
    page.evaluate(axe_source())
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                                       count: v.nodes.length}));
    }""")
    return [f"{v['impact']}: {v['id']} ({v['help']}) x{v['count']}: {v['nodes']}"
            for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(("name", "scheme"), [*((name, "light") for name in PAGES),
                                               *((name, "dark") for name in ("index.html", "disputed.html", SOURCE))])
def test_no_serious_accessibility_violation(chromium: Any, site_url: str, built_site: BuiltSite,
                                            name: str, scheme: str):
    browsing = open_browsing(chromium, site_url, color_scheme=scheme)
    try:
        page = browsing.goto(page_path(name, built_site))
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        violations = serious_violations(page)
        assert violations == [], "\n".join(violations)
    finally:
        browsing.context.close()


def tab_to(page: Any, selector: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches ``selector`` (fails after ``limit`` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} is not reachable with Tab")


def test_footnotes_work_from_the_keyboard(browsing: Browsing, built_site: BuiltSite):
    _, note_id = first_footnote(browsing)
    page = browsing.page
    page.locator("body").focus()
    tab_to(page, "article a.footnote-ref")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#" + note_id, "Tab reached another footnote before the first one"
    visible = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.textDecorationLine !== 'none'; }""")
    assert visible, "the focused footnote reference shows no focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: fragment(url) == note_id)
    assert in_viewport(page, f"li[id='{note_id}']")
    # Tab goes on from the footnote: its first link is the cited sentence's page.
    tab_to(page, f"li[id='{note_id}'] a[href*='sources/']", limit=5)
    href = page.evaluate("document.activeElement.getAttribute('href')")
    note_text = page.locator(f"li[id='{note_id}']").inner_text()
    page.keyboard.press("Enter")
    assert_lands_on_highlighted_sentence(browsing, built_site, href, note_text)
    assert browsing.errors == [] and browsing.foreign == []


def test_counts_and_labels_as_a_reader_sees_them(browsing: Browsing, built_site: BuiltSite):
    """The overview counts the outlets it names; the Disputed page counts what each section lists;
    the home page's tab names the briefing; no empty quote line; a lede-made title says so.
    Screenshots of the three pages for a person to check."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    data = built_site.data
    page = browsing.goto("index.html")
    assert page.title() == f"{data['meta']['title']} - News briefing"
    scope = norm(page.locator("article .briefing-scope").inner_text())
    match = re.fullmatch(r"Built from (\d+) articles from (\d+) outlets, [^:]+: (.*); (\d+) of unknown origin\.", scope)
    assert match, scope
    assert int(match.group(2)) == len(match.group(3).split(", ")) == data["meta"]["outlets"]
    assert int(match.group(1)) == len(data["sources"]) and int(match.group(4)) == data["meta"]["unknown_origin"]
    page.locator("article .briefing-scope").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "overview-counts.png"))

    page = browsing.goto("disputed.html")
    intro = norm(page.locator("article h1 + p").inner_text())
    numbers = [int(n) for n in re.findall(r"\d+", intro)[:3]]
    one_sided = sum(len(d["sides"]) == 1 for d in data["disputed"])
    assert numbers == [len(data["disputed"]), len(data["disputed"]) - one_sided, one_sided], intro
    labels = page.locator("article .briefing-kind").all_inner_texts()
    assert sum(label.startswith("contested") for label in labels) == numbers[1]
    assert sum(label.startswith("unconfirmed") for label in labels) == numbers[2]
    page.locator("#unconfirmed-reports").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "disputed-unconfirmed.png"))

    page = browsing.goto("quotes.html")
    assert page.evaluate("[...document.querySelectorAll('article p')].filter(p => !p.textContent.trim()).length") == 0

    page = browsing.goto("sources/index.html")
    assert page.locator("article .briefing-title-note").count() >= 1
    assert "unknown" in page.locator("article table").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "sources-index.png"))
