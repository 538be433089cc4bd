"""extract.context: components declare what they read and add; the pipeline checks the order."""

import pytest

from briefing.extract import EXTRACT_PIPELINE, extract_article
from briefing.extract.context import ArticleContext, Component, ExtractPipeline, check_order
from briefing.extract.quotes import QUOTE_PIPELINE
from briefing.extract.speakers import SpeakerBook
from briefing.model import CleanArticle, Paragraph, SourceMeta
from briefing.sentences import split_sentences


def article(*paragraphs: str) -> CleanArticle:
    text = "\n\n".join(paragraphs)
    paras, pos = [], 0
    for para in paragraphs:
        paras.append(Paragraph(pos, pos + len(para)))
        pos += len(para) + 2
    return CleanArticle(source_id="src", file="src.txt", text=text, paragraphs=tuple(paras),
                        offset_map=((0, 0, len(text)),), removed=(), meta=SourceMeta(date="2031-03-04"))


def noop(ctx: ArticleContext) -> None:
    return None


def test_the_extract_pipeline_lists_its_components_in_order():
    assert EXTRACT_PIPELINE.names == ("quote_marks", "tokens", "entity_book", "mentions", "attribution",
                                      "coreference", "quotes", "claims", "dates", "standalone")


def test_a_component_that_reads_what_nobody_assigned_fails_at_construction():
    with pytest.raises(ValueError, match="requires \\['book'\\]"):
        ExtractPipeline((Component("claims", noop, requires=("sentences", "book"), assigns=("claims",)),))


def test_an_unknown_field_is_rejected_when_the_component_is_declared():
    with pytest.raises(ValueError, match="unknown context fields"):
        Component("x", noop, requires=("nothing_like_this",))


def test_two_components_with_one_name_are_rejected():
    with pytest.raises(ValueError, match="two components"):
        check_order((Component("a", noop), Component("a", noop)))


def test_a_component_that_leaves_a_promise_unset_fails_at_run():
    pipe = ExtractPipeline((Component("lazy", noop, requires=("text",), assigns=("marks",)),))
    art = article("Nothing quoted here.")
    with pytest.raises(RuntimeError, match="lazy"):
        pipe.run(ArticleContext.of(art, split_sentences(art)))


def test_a_component_can_be_replaced_and_timed():
    def no_events(ctx: ArticleContext) -> None:
        ctx.events = ()

    art = article("On 3 March 2031 the bridge reopened.", "“It is safe,” engineer Rosa Lind said.")
    pipe = EXTRACT_PIPELINE.replace("dates", Component("dates", no_events, requires=(), assigns=("events",)))
    timings: dict[str, float] = {}
    out = extract_article(art, split_sentences(art), pipeline=pipe, timings=timings)
    assert out.events == () and [q.speaker for q in out.quotes] == ["Rosa Lind"]
    assert set(timings) == set(pipe.names)
    assert "dates" in EXTRACT_PIPELINE.names and extract_article(art, split_sentences(art)).events


def test_the_context_exposes_the_entity_book_after_attribution():
    art = article("Finance Minister Karl Berg presented the budget.",
                  "“Every cent is accounted for,” said the finance minister.")
    ctx = QUOTE_PIPELINE.run(ArticleContext.of(art, split_sentences(art)))
    assert isinstance(ctx.book, SpeakerBook) and ctx.book.is_person("Karl Berg")
    assert [f.who.name for f in ctx.attributions or []] == ["Karl Berg"]
