"""Whole-briefing pages are keyed by the fields they show (briefing.pagekeys): a change renders
again only the pages that show it, and what is rendered is what a cold render writes."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from test_render import TEMPLATES, hostile_briefing

from briefing import render
from briefing.pagekeys import PAGE_READS, citations_in, template_reads
from briefing.render import make_environment, render_briefing

WHOLE = ("index.md", "facts.md", "quotes.md", "disputed.md", "discrepancies.md", "timeline.md")


def rendered_pages(monkeypatch, briefing, docs: Path, templates: Path = TEMPLATES) -> set[str]:
    """Render ``briefing`` into ``docs``; the names of the whole-briefing pages rendered (not kept)."""
    names: list[str] = []
    real = render.Writer.write

    def write(self, name, text, marked=True):
        names.append(name)
        return real(self, name, text, marked)

    monkeypatch.setattr(render.Writer, "write", write)
    render_briefing(briefing, docs, templates)
    monkeypatch.undo()
    return {n for n in names if n in WHOLE}


def docs_bytes(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def assert_same_as_cold(tmp_path: Path, docs: Path, briefing) -> None:
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    render_briefing(briefing, cold, TEMPLATES)
    assert docs_bytes(docs) == docs_bytes(cold)


def test_a_changed_timeline_renders_only_the_timeline_page_again(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    briefing = hostile_briefing()
    assert rendered_pages(monkeypatch, briefing, docs) == set(WHOLE)
    assert rendered_pages(monkeypatch, briefing, docs) == set()
    event = dataclasses.replace(briefing.timeline[0], text="The council met again.")  # pinned: shown
    changed = dataclasses.replace(briefing, timeline=(event, briefing.timeline[1]))
    assert rendered_pages(monkeypatch, changed, docs) == {"timeline.md"}
    assert_same_as_cold(tmp_path, docs, changed)
    # An event the Timeline does not show (it does not stand alone): the page is kept, as a cold build has it.
    unshown = dataclasses.replace(briefing.timeline[1], text="The council met once more.")
    changed = dataclasses.replace(changed, timeline=(event, unshown))
    assert rendered_pages(monkeypatch, changed, docs) == set()
    assert_same_as_cold(tmp_path, docs, changed)


def test_the_overview_is_rendered_again_only_when_an_item_it_shows_or_a_count_changed(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    briefing = hostile_briefing()
    first, second = briefing.facts
    briefing = dataclasses.replace(briefing, facts=(dataclasses.replace(first, self_contained=True), second))
    rendered_pages(monkeypatch, briefing, docs)
    assert "reported by 2 outlets" in (docs / "index.md").read_text(encoding="utf-8")  # f1 is on the overview
    # f2 is not self-contained: not on the overview, which is kept
    changed = dataclasses.replace(briefing, facts=(briefing.facts[0], dataclasses.replace(second, text="Other words.")))
    assert rendered_pages(monkeypatch, changed, docs) == {"facts.md"}
    assert_same_as_cold(tmp_path, docs, changed)
    # f1 is on it: rendered again
    shown = dataclasses.replace(changed.facts[0], outlets=5)
    changed = dataclasses.replace(changed, facts=(shown, changed.facts[1]))
    assert "index.md" in rendered_pages(monkeypatch, changed, docs)
    assert "reported by 5 outlets" in (docs / "index.md").read_text(encoding="utf-8")
    assert_same_as_cold(tmp_path, docs, changed)
    # one more disputed claim than it shows: its count changed, rendered again
    extra = dataclasses.replace(changed.disputed[0], id="d9", rank=0.0)
    changed = dataclasses.replace(changed, disputed=(*changed.disputed, extra, dataclasses.replace(extra, id="d8"),
                                                     dataclasses.replace(extra, id="d7")))
    assert "index.md" in rendered_pages(monkeypatch, changed, docs)
    assert_same_as_cold(tmp_path, docs, changed)


def test_an_edit_to_a_sentence_no_page_cites_keeps_every_whole_briefing_page(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    briefing = hostile_briefing()
    rendered_pages(monkeypatch, briefing, docs)
    calm = briefing.sources[1]
    edited = dataclasses.replace(calm, text=calm.text + "\n\nA last line nobody cites.",
                                 sentences=(*calm.sentences, dataclasses.replace(
                                     calm.sentences[-1], id="s9", start=len(calm.text) + 2,
                                     end=len(calm.text) + 28, paragraph=3)))
    changed = dataclasses.replace(briefing, sources=(briefing.sources[0], edited))
    assert rendered_pages(monkeypatch, changed, docs) == set()
    assert_same_as_cold(tmp_path, docs, changed)


def test_a_cited_sentence_or_a_source_header_renders_the_pages_that_cite_it_again(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    briefing = hostile_briefing()
    rendered_pages(monkeypatch, briefing, docs)
    calm = briefing.sources[1]
    retitled = dataclasses.replace(briefing, sources=(briefing.sources[0], dataclasses.replace(calm, title="Calmer")))
    # every page cites calm or shows outlets but the Timeline, whose one shown event (t1) cites evil only
    assert rendered_pages(monkeypatch, retitled, docs) == set(WHOLE) - {"timeline.md"}
    assert_same_as_cold(tmp_path, docs, retitled)
    # calm's second sentence (s2) is cited by a fact (not on the overview: not self-contained), a discrepancy
    # and an event the Timeline does not show
    text = retitled.sources[1].text.replace("The council met on Tuesday.", "The council met on Sundays.")
    reworded = dataclasses.replace(retitled, sources=(retitled.sources[0],
                                                      dataclasses.replace(retitled.sources[1], text=text)))
    assert rendered_pages(monkeypatch, reworded, docs) == {"facts.md", "discrepancies.md"}
    assert_same_as_cold(tmp_path, docs, reworded)


def test_a_template_that_reads_more_than_fields_is_rendered_every_time(tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    path = templates / "facts.md.j2"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ index.sources|length }} ", 1), encoding="utf-8")
    docs = tmp_path / "docs"
    briefing = hostile_briefing()
    rendered_pages(monkeypatch, briefing, docs, templates)
    assert "facts.md" in rendered_pages(monkeypatch, briefing, docs, templates)


@pytest.mark.parametrize(("body", "expected"), [
    ("{{ briefing.quotes|length }}{{ page.cite(x) }}{{ m.fact_line(page, y) }}", frozenset({"quotes"})),
    ("{{ briefing|length }}", None),
    ("{{ briefing['quotes'] }}", None),
    ("{{ index.sources }}", None),
    ("{{ page.index }}", None),
    ("{% include name %}", None),
])
def test_what_a_template_reads_is_read_from_its_syntax(tmp_path, body, expected):
    (tmp_path / "_macros.md.j2").write_text("{% macro fact_line(page, fact) %}{{ page.cite(fact) }}{% endmacro %}",
                                            encoding="utf-8")
    (tmp_path / "page.md.j2").write_text(body, encoding="utf-8")
    assert template_reads(make_environment(tmp_path), "page.md.j2") == expected


def test_every_field_a_page_reads_has_known_citations_and_unknown_ones_have_none():
    briefing = hostile_briefing()
    for fields in PAGE_READS.values():
        for field in fields:
            assert citations_in(briefing, field) is not None
    assert len(list(citations_in(briefing, "disputed"))) == 3
    assert citations_in(briefing, "something new") is None


def test_the_shipped_templates_read_only_declared_fields():
    env = make_environment(TEMPLATES)
    for template in PAGE_READS:
        assert template_reads(env, template) is not None, template



def test_what_a_page_shows_of_an_item_comes_from_memory_only_for_the_same_item_and_anchors(monkeypatch):
    from briefing import dump
    from briefing.pagekeys import PageKeys
    from briefing.render import BriefingIndex

    monkeypatch.setattr(dump, "_by_value", {"last": {}, "now": {}})
    made = []
    real = PageKeys.display_data
    monkeypatch.setattr(PageKeys, "display_data", lambda self, item: made.append(item) or real(self, item))

    def shown(briefing, remember=True):
        index = BriefingIndex.of(briefing)
        keys = PageKeys(briefing, {}, "base", index.sentence_ids, index.citation_text, index.anchor, remember=remember)
        items = (*briefing.quotes, *briefing.facts, *briefing.disputed, *briefing.discrepancies, *briefing.timeline)
        return [keys.shown(item) for item in items]

    briefing = hostile_briefing()
    expected = shown(briefing, remember=False)
    assert shown(briefing) == expected
    dump.forget_untouched()
    made.clear()
    assert shown(briefing) == expected
    assert made == []  # the same items, the same anchors: from memory
    # calm's third sentence reworded: the quote citing it is the same item, its anchor is not
    calm = briefing.sources[1]
    text = calm.text.replace("all is well", "all is fine")
    reworded = dataclasses.replace(briefing, sources=(briefing.sources[0], dataclasses.replace(calm, text=text)))
    expected = shown(reworded, remember=False)
    dump.forget_untouched()
    made.clear()
    assert shown(reworded) == expected
    assert made == [briefing.quotes[0]]  # that quote only is shown afresh


def test_a_template_is_walked_once_per_text_not_at_every_page(tmp_path, monkeypatch):
    """``template_reads`` is asked for every part page of a large briefing: each template's tree is
    walked once per text, and a template edited in place is walked again."""
    from jinja2 import nodes

    (tmp_path / "_macros.md.j2").write_text("{% macro f(page, x) %}{{ page.cite(x) }}{% endmacro %}",
                                            encoding="utf-8")
    (tmp_path / "page.md.j2").write_text("{{ briefing.facts|length }}", encoding="utf-8")
    env = make_environment(tmp_path)
    walks: list[str] = []
    real = nodes.Node.find_all

    def find_all(self, node_type):
        walks.append(type(self).__name__)
        return real(self, node_type)

    monkeypatch.setattr(nodes.Node, "find_all", find_all)
    assert template_reads(env, "page.md.j2") == {"facts"}
    first = len(walks)
    assert first > 0
    for _ in range(5):
        assert template_reads(env, "page.md.j2") == {"facts"}
    assert len(walks) == first
    (tmp_path / "page.md.j2").write_text("{{ briefing.quotes|length }}", encoding="utf-8")
    assert template_reads(env, "page.md.j2") == {"quotes"}
    assert len(walks) > first
