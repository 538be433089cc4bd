"""claims: sentences -> status (stated/attributed/hedged/denied/confirmed/unconfirmed) and source."""

import pytest

from briefing.extract.claims import classify, extract_claims, mask_quotes, source_of
from briefing.model import CleanArticle, Paragraph, SourceMeta
from briefing.sentences import split_sentences


def article(*paras: str, kinds: tuple[str, ...] = ()) -> CleanArticle:
    text = "\n\n".join(paras)
    out, pos = [], 0
    for i, para in enumerate(paras):
        out.append(Paragraph(pos, pos + len(para), kinds[i] if i < len(kinds) else "body"))
        pos += len(para) + 2
    return CleanArticle(source_id="a1", file="a1.txt", text=text, paragraphs=tuple(out),
                        offset_map=((0, 0, len(text)),), removed=(), meta=SourceMeta(date="2023-03-10"))


def claims_of(*paras: str, kinds: tuple[str, ...] = ()):
    art = article(*paras, kinds=kinds)
    return art, extract_claims(art, split_sentences(art))


@pytest.mark.parametrize(("sentence", "status"), [
    ("The bridge over the river was closed for repairs on Monday.", "stated"),
    ("The harbour authority said the bridge would reopen next spring.", "attributed"),
    ("According to the Daily Ledger, the mayor met the contractor twice.", "attributed"),
    ("The mayor reportedly met the contractor twice before the vote.", "hedged"),
    ("The contractor allegedly paid for the mayor's holiday in Spain.", "hedged"),
    ("The mayor's office denied the reports about the holiday in Spain.", "denied"),
    ("Her aides pushed back on this claim in a short statement.", "denied"),
    ("A city spokesperson confirmed that the payment had been made.", "confirmed"),
    ("Neither the council nor the contractor has officially confirmed the deal.", "unconfirmed"),
    ("The figures could not be independently verified by this newspaper.", "unconfirmed"),
    ("The party claimed victory in the local elections on Sunday night.", "stated"),
])
def test_status_follows_the_cue_words(sentence, status):
    assert classify(sentence)[0] == status


def test_cue_words_inside_a_quotation_are_the_speakers_not_the_outlets():
    assert classify("“They denied everything,” the mayor said at the hearing.") == ("attributed", "said")
    masked = mask_quotes("He said “we denied it” today.")
    assert "denied" not in masked and len(masked) == len("He said “we denied it” today.")


@pytest.mark.parametrize(("sentence", "source"), [
    ("According to the Daily Ledger, the mayor met the contractor twice.", "the Daily Ledger"),
    ("The harbour authority said the bridge would reopen next spring.", "The harbour authority"),
    ("The mayor met the contractor twice, the Daily Ledger reported on Friday.", "the Daily Ledger"),
    ("But the mayor's campaign aides pushed back on this claim.", "the mayor's campaign aides"),
    ("A city spokesperson confirmed that the payment had been made.", "A city spokesperson"),
    ("Sources close to the matter reported that the deal was signed.", "Sources close to the matter"),
    ("The mayor reportedly met the contractor twice before the vote.", None),
    ("He said the bridge would reopen next spring.", None),
    ("“We will reopen it,” said the harbour master, on the quay.", "the harbour master"),
    ("While no plans were announced, officials hinted at a delay.", None),
])
def test_attribution_names_the_source_the_text_gives(sentence, source):
    assert source_of(sentence, 0, len(sentence)) == source


def test_claims_skip_headlines_headings_and_questions_and_cite_their_sentence():
    art, claims = claims_of("Bridge closed: report", "The bridge was closed on Monday after a crack was found. "
                            "What happens next? Engineers reportedly found two more cracks on Tuesday.",
                            "What we know so far", kinds=("headline", "body", "body"))
    assert [c.text for c in claims] == ["The bridge was closed on Monday after a crack was found.",
                                        "Engineers reportedly found two more cracks on Tuesday."]
    assert [c.status for c in claims] == ["stated", "hedged"]
    assert claims[1].cue == "reportedly"
    for claim in claims:
        assert art.text[claim.citation.start:claim.citation.end] == claim.text
        assert claim.citation.source == "a1"


def test_a_sentence_that_is_all_quotation_is_not_a_fact():
    _art, claims = claims_of("“We will rebuild the bridge before winter,” the mayor said on Monday. "
                             "“Nobody will be left without a way across the river.”", kinds=("body",))
    assert [c.text for c in claims] == ["“We will rebuild the bridge before winter,” the mayor said on Monday."]
