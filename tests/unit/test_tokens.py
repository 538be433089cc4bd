"""extract.speakers.TokenIndex.remasked: one tokenization per article, shared by quote and claim finding."""

from unittest import mock

import pytest
from articles import article
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract import speakers
from briefing.extract.claims import extract_claims, mask_article
from briefing.extract.context import ArticleContext
from briefing.extract.quotes import QUOTE_PIPELINE
from briefing.extract.speakers import TokenIndex
from briefing.sentences import split_sentences


def triples(index: TokenIndex) -> list[tuple[str, int, int]]:
    return [(t.text, t.start, t.end) for t in index.tokens]


def blank(text: str, start: int, end: int, fill: str) -> str:
    """text with the non-space characters of text[start:end] replaced by ``fill``."""
    return text[:start] + "".join(c if c.isspace() else fill for c in text[start:end]) + text[end:]


def test_remasked_equals_a_fresh_index_and_reuses_the_tokens_far_from_the_change():
    text = ("Harbour master Ivo Brandt opened the gates at dawn. " * 4
            + "He said “the tide waits for nobody” and left. " + "The ferry ran late on Tuesday. " * 4)
    start = text.index("“") + 1
    end = text.index("”")
    underscored = TokenIndex(blank(text, start, end, "_"))
    spaced = blank(text, start, end, " ")
    again = underscored.remasked(spaced)
    assert triples(again) == triples(TokenIndex(spaced))
    assert again.starts == TokenIndex(spaced).starts
    assert again.tokens[0] is underscored.tokens[0]  # far from the change: the same objects
    assert again.tokens[-1] is underscored.tokens[-1]
    assert not any(t.text.startswith("_") for t in again.tokens)


@pytest.mark.parametrize("block", [1, 2, 7, 64])
def test_a_title_dot_follows_the_next_word_changed_by_the_mask(block):
    # "Sen." is one token before a capital and two ("Sen", ".") before a blank: the run
    # before the change is tokenized again too
    text = "The vote was close, Sen. Ruiz admitted."
    index = TokenIndex(text)
    assert "Sen." in [t.text for t in index.tokens]
    start = text.index("Ruiz")
    with mock.patch.object(speakers, "REMASK_BLOCK", block):
        for fill in ("_", " "):
            masked = blank(text, start, start + 4, fill)
            assert triples(index.remasked(masked)) == triples(TokenIndex(masked))
            assert "Sen." not in [t.text for t in index.remasked(masked).tokens]


def test_remasked_of_the_same_text_or_another_length():
    text = "Dr. Ana K. Ruiz said the U.S. plan was late."
    index = TokenIndex(text)
    assert triples(index.remasked(text)) == triples(index)
    longer = text + " Then she left."
    assert triples(index.remasked(longer)) == triples(TokenIndex(longer))


ALPHABET = "aZ .,'’“”\"_-\n\tMrSen"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300),
       st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40), st.sampled_from(["_", " ", "A", "."])),
                max_size=6),
       st.sampled_from([1, 2, 5, 64]))
def test_remasked_is_tokenize_again_on_any_masking(text, changes, block):
    masked = text
    for start, width, fill in changes:
        masked = blank(masked, min(start, len(text)), min(start + width, len(text)), fill)
    with mock.patch.object(speakers, "REMASK_BLOCK", block):
        assert triples(TokenIndex(text).remasked(masked)) == triples(TokenIndex(masked))
        assert triples(TokenIndex(masked).remasked(text)) == triples(TokenIndex(text))


def test_claims_from_the_shared_tokens_are_the_claims_from_their_own():
    art = article("Mayor Lena Voss said the bridge “will reopen in May, not before,” and thanked the crews.",
                  "“We were never told,” said a resident, Paul Eder. The council denied that it had known.",
                  "According to the transport office, repairs cost more than planned.")
    sentences = split_sentences(art)
    ctx = QUOTE_PIPELINE.run(ArticleContext.of(art, sentences))
    assert ctx.tokens is not None and ctx.masked != mask_article(art)
    shared = extract_claims(art, sentences, book=ctx.book, tokens=ctx.tokens)
    assert shared == extract_claims(art, sentences, book=ctx.book)
    assert any(c.attributed_to for c in shared)
