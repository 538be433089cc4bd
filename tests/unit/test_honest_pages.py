"""Every count on a page matches what the page lists; no page has an empty element.

On the real seeds (one article there has neither publisher nor URL) and on small
hostile briefings: sources of unknown origin, a single-sided dispute, quotes without
any detail to show.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.link import describe_briefing
from briefing.link.outlets import UNKNOWN_OUTLET, count_outlets, known_outlet, outlet_of
from briefing.model import Briefing, BriefingMeta, Citation, Dispute, Quote, Side, Source
from briefing.pipeline import Options, extract_briefing
from briefing.render import render_briefing, scope_text
from briefing.sentences import lede_title, title_from_lede

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="module")
def seeds_briefing() -> Briefing:
    briefing, _report = extract_briefing(Options(seeds_dir=SEEDS, cache_dir=None))
    return briefing


@pytest.fixture(scope="module")
def seed_pages(seeds_briefing, tmp_path_factory) -> dict[str, str]:
    docs = tmp_path_factory.mktemp("docs")
    files = render_briefing(seeds_briefing, docs, TEMPLATES)
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in files}


def source(source_id: str, **meta) -> Source:
    return Source(id=source_id, file=f"{source_id}.txt", text="", sentences=(), **meta)


# ---------------------------------------------------------------- outlets

def test_an_outlet_is_a_publisher_else_a_host_and_unknown_origin_is_one_group():
    sources = [source("a", publisher="Harbour Times"), source("b", url="https://www.harbour.example:8443/x"),
               source("c", publisher="Harbour Times", url="https://other.example/"),
               source("d"), source("e", publisher="  ", url="javascript:alert(1)"), source("f")]
    assert [known_outlet(s) for s in sources] == ["Harbour Times", "harbour.example", "Harbour Times",
                                                  None, None, None]
    assert {outlet_of(s) for s in sources[3:]} == {UNKNOWN_OUTLET}  # not three outlets of their own
    assert count_outlets(sources) == (2, 3)
    meta = describe_briefing(sources)
    assert (meta.articles, meta.outlets, meta.unknown_origin) == (6, 2, 3)


def test_scope_names_as_many_outlets_as_it_counts():
    assert scope_text(5, ["A", "B", "C"], 1, "2024-10-08", "2024-11-11") == \
        "5 articles from 3 outlets, 8 Oct 2024 – 11 Nov 2024: A, B, C; 1 of unknown origin."
    assert scope_text(2, [], 2) == "2 articles, all of unknown origin."
    assert scope_text(1, ["A"], 0, "2024-10-08", "2024-10-08") == "1 article from 1 outlet, 8 Oct 2024: A."
    many = [f"O{i:02}" for i in range(15)]
    assert scope_text(15, many, 0).endswith(": " + ", ".join(many[:12]) + " and 3 more.")


def test_seed_overview_counts_the_outlets_it_names(seeds_briefing, seed_pages):
    assert (seeds_briefing.meta.outlets, seeds_briefing.meta.unknown_origin) == (3, 1)
    scope = re.search(r'<p class="briefing-scope">Built from (.*?)</p>', seed_pages["index.md"]).group(1)
    match = re.fullmatch(r"(\d+) articles from (\d+) outlets, [^:]+: (.*); (\d+) of unknown origin\.", scope)
    assert match, scope
    articles, outlets, names, unknown = match.groups()
    assert int(articles) == len(seeds_briefing.sources) == 5
    assert names.split(", ") == ["Daily8", "The Independent", "The Kyiv Independent"]
    assert int(outlets) == len(names.split(", "))
    assert int(unknown) == 1
    assert "Built from " + scope.replace("&amp;", "&") in seed_pages["feed.xml"].replace("&amp;", "&")
    # the sources table names an outlet or says "unknown", never a made-up one
    rows = [line for line in seed_pages["sources/index.md"].splitlines() if line.startswith("| ") and ".md)" in line]
    assert sorted(row.split(" | ")[2] for row in rows) == ["Daily8", "The Independent", "The Kyiv Independent",
                                                          "The Kyiv Independent", "unknown"]


# ---------------------------------------------------------------- disputes

def section(page: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def test_disputed_page_counts_and_labels_by_the_number_of_sides(seeds_briefing, seed_pages):
    page = seed_pages["disputed.md"]
    one_sided = [d for d in seeds_briefing.disputed if len(d.sides) == 1]
    several = [d for d in seeds_briefing.disputed if len(d.sides) >= 2]
    assert one_sided and several  # the seeds have both kinds
    intro = re.search(r"^(\d+) claims in these articles are not simply stated as fact: (\d+) are contested .* "
                      r"and (\d+) are unconfirmed reports", page, re.MULTILINE)
    assert intro, page[:600]
    assert [int(n) for n in intro.groups()] == [len(seeds_briefing.disputed), len(several), len(one_sided)]
    contested, unconfirmed = section(page, "Contested"), section(page, "Unconfirmed reports")
    assert contested.count('<span class="briefing-kind">contested (') == len(several)
    assert unconfirmed.count('<span class="briefing-kind">unconfirmed') == len(one_sided)
    assert "contested" not in unconfirmed
    for dispute in one_sided:
        assert f'id="d-{dispute.id}"' in unconfirmed
    for dispute in several:
        assert f'id="d-{dispute.id}"' in contested
    # the overview's link counts the same way
    index = seed_pages["index.md"]
    assert (f"[All {len(seeds_briefing.disputed)}: {len(several)} contested claims, "
            f"{len(one_sided)} unconfirmed reports →](disputed.md)") in index
    # and the feed no longer calls a one-sided report "Disputed"
    assert "<summary>Disputed:" not in seed_pages["feed.xml"]


def test_a_single_sided_dispute_is_never_called_contested(tmp_path):
    text = "The mayor allegedly took a bribe. The council denied it."
    src = Source(id="s", file="s.txt", text=text, sentences=(), publisher="Post")
    cite = Citation("s", "s1", 0, 33, text[:33])
    lone = Dispute(id="d1", text="The mayor allegedly took a bribe.", rank=1.0, citations=(cite,),
                   sides=(Side("alleged", "The mayor allegedly took a bribe.", (cite,), by="the book"),))
    briefing = Briefing(meta=BriefingMeta(title="B", topic="t", articles=1, outlets=1), sources=(src,),
                        speakers=(), quotes=(), phrases=(), facts=(), disputed=(lone,), discrepancies=(),
                        timeline=())
    render_briefing(briefing, tmp_path, TEMPLATES)
    page = (tmp_path / "disputed.md").read_text(encoding="utf-8")
    assert "1 claim in these articles is not simply stated as fact: 0 are contested" in page
    assert "1 is an unconfirmed report" in page
    assert "## Contested" not in page and "## Unconfirmed reports" in page
    assert "unconfirmed, single-source report" in page


def test_an_allegation_met_only_by_no_comment_is_an_unconfirmed_report(tmp_path):
    text = "The mayor allegedly took a bribe. The mayor's office did not respond to questions about it."
    src = Source(id="s", file="s.txt", text=text, sentences=(), publisher="Post")
    cite, silent = Citation("s", "s1", 0, 33, text[:33]), Citation("s", "s2", 34, len(text), text[34:])
    dispute = Dispute(id="d1", text=text[:33], rank=1.0, citations=(cite, silent),
                      sides=(Side("alleged", text[:33], (cite,), by="Post"),
                             Side("no_comment", text[34:], (silent,), by="The mayor's office")))
    briefing = Briefing(meta=BriefingMeta(title="B", topic="t", articles=1, outlets=1), sources=(src,),
                        speakers=(), quotes=(), phrases=(), facts=(), disputed=(dispute,), discrepancies=(),
                        timeline=())
    render_briefing(briefing, tmp_path, TEMPLATES)
    page = (tmp_path / "disputed.md").read_text(encoding="utf-8")
    assert "0 are contested" in page and "## Contested" not in page
    assert "briefing-stance--no_comment\">No comment</span> by **The mayor's office**" in page


# ---------------------------------------------------------------- finished pages

EMPTY_ELEMENT = re.compile(r"<(p|div|li|td|strong|em|code|ol|ul)\b[^>]*>\s*</\1>")


def test_no_page_of_the_seeds_has_an_empty_element(seed_pages):
    for name, text in seed_pages.items():
        assert not EMPTY_ELEMENT.search(text), (name, EMPTY_ELEMENT.search(text).group(0))
    assert '<p class="briefing-quote-meta">' in seed_pages["quotes.md"]  # the ones with something to say stay


def test_a_quote_with_nothing_to_add_gets_no_meta_line(tmp_path):
    text = "“Fine,” he said."
    src = Source(id="s", file="s.txt", text=text, sentences=(), publisher="Post")
    quote = Quote(id="q1", text="Fine,", speaker="Ana Ruiz", citations=(Citation("s", "s1", 1, 6, text),))
    briefing = Briefing(meta=BriefingMeta(title="B", topic="t"), sources=(src,), speakers=(), quotes=(quote,),
                        phrases=(), facts=(), disputed=(), discrepancies=(), timeline=())
    render_briefing(briefing, tmp_path, TEMPLATES)
    page = (tmp_path / "quotes.md").read_text(encoding="utf-8")
    assert "“Fine,”" in page and "briefing-quote-meta" not in page
    render_briefing(replace(briefing, quotes=(replace(quote, date="2024-01-02"),)), tmp_path, TEMPLATES)
    page = (tmp_path / "quotes.md").read_text(encoding="utf-8")
    assert '<p class="briefing-quote-meta">2 Jan 2024</p>' in page


def test_a_title_made_from_the_lede_is_marked_as_such(seeds_briefing, seed_pages):
    derived = [s for s in seeds_briefing.sources if title_from_lede(s)]
    headlined = [s for s in seeds_briefing.sources if not title_from_lede(s)]
    assert [s.id for s in derived] == ["000-e345b51fb09b57f2"]  # scraped without its headline
    for src in derived:
        first = src.sentences[0]
        assert src.title == lede_title(src.text[first.start:first.end])
        assert "No headline was found in this article" in seed_pages[f"sources/{src.id}.md"]
    for src in headlined:
        assert "No headline was found" not in seed_pages[f"sources/{src.id}.md"]
    table = seed_pages["sources/index.md"]
    assert table.count("(no headline: its first words)") == len(derived)
    # footnotes quoting that title say so too, and only for it
    notes = [line for line in seed_pages["facts.md"].splitlines() if line.startswith("[^")]
    marked = [line for line in notes if "\\(no headline: its first words\\)" in line]
    assert marked and all(line.startswith(f"[^{derived[0].id}-") for line in marked)
    assert len(marked) == len([line for line in notes if line.startswith(f"[^{derived[0].id}-")])


@pytest.mark.parametrize(("page", "prefix"), [("facts.md", "f-"), ("quotes.md", "q-"), ("disputed.md", "d-"),
                                              ("discrepancies.md", "x-"), ("timeline.md", "t-")])
def test_each_page_states_as_many_items_as_it_lists(seed_pages, page, prefix):
    text = seed_pages[page]
    intro = next(line for line in text.splitlines()[2:] if line.strip())
    stated = int(re.match(r"(\d+) ", intro).group(1))
    listed = len(set(re.findall(rf'<span id="({prefix}[^"]+)"></span>', text)))
    assert stated == listed > 0, (page, intro)


def test_sources_index_counts_its_rows(seed_pages, seeds_briefing):
    text = seed_pages["sources/index.md"]
    stated = int(re.search(r"^(\d+) articles, newest first", text, re.MULTILINE).group(1))
    rows = [line for line in text.splitlines() if line.startswith("| ") and ".md)" in line]
    assert stated == len(rows) == len(seeds_briefing.sources)


def test_the_overview_promotes_no_quotation_that_opens_on_a_pointer(tmp_path):
    text = "“It's true and it's expected,” Ana Ruiz said. “The harbour will reopen in May,” Ana Ruiz said."
    src = Source(id="s", file="s.txt", text=text, sentences=(), publisher="Post")
    pointer = Quote(id="q1", text="It's true and it's expected,", speaker="Ana Ruiz",
                    citations=(Citation("s", "s1", 0, 46, text[:46]),))
    plain = Quote(id="q2", text="The harbour will reopen in May,", speaker="Ana Ruiz",
                  citations=(Citation("s", "s2", 47, len(text), text[47:]),))
    briefing = Briefing(meta=BriefingMeta(title="B", topic="t", articles=1, outlets=1), sources=(src,),
                        speakers=(), quotes=(pointer, plain), phrases=(), facts=(), disputed=(), discrepancies=(),
                        timeline=())
    render_briefing(briefing, tmp_path, TEMPLATES)
    overview = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "The harbour will reopen in May" in overview and "It's true" not in overview
    assert "It's true" in (tmp_path / "quotes.md").read_text(encoding="utf-8")  # still on the Quotes page


def test_a_no_comment_is_no_side_in_the_contested_count():
    from briefing.render import dispute_label
    cite = Citation("s", "s1", 0, 10, "x" * 10)
    dispute = Dispute(id="d1", text="The mayor took a bribe.", rank=1.0, citations=(cite,),
                      sides=(Side("alleged", "a", (cite,), by="Post"), Side("denied", "b", (cite,), by="The mayor"),
                             Side("no_comment", "c", (cite,), by="The board")))
    assert dispute_label(dispute) == "contested (2 sides)"
