"""sentences: paragraph text -> sentence spans with offsets."""

import re

from briefing.model import CleanArticle, Paragraph
from briefing.sentences import in_clause, make_citation, sentences_covering, split_paragraph, split_sentences


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraph(text, 0, len(text))]


def test_abbreviations_do_not_end_sentences():
    text = "The U.S. envoy met Mr. Lee on Nov. 4 in Geneva. Talks resumed on Oct. 8 at 9 a.m. sharp."
    assert spans(text) == ["The U.S. envoy met Mr. Lee on Nov. 4 in Geneva.",
                           "Talks resumed on Oct. 8 at 9 a.m. sharp."]


def test_dotted_abbreviation_can_end_a_sentence_before_a_clear_opener():
    assert spans("Aid was sent to the U.S. The ministry agreed.") == [
        "Aid was sent to the U.S.", "The ministry agreed."]


def test_initials_are_not_boundaries():
    assert spans("A report by J. K. Moore was out. It sold.") == ["A report by J. K. Moore was out.", "It sold."]


def test_quote_spanning_sentences_stays_in_one_sentence():
    text = "“We tried. We failed,” the mayor said. Others left."
    assert spans(text) == ["“We tried. We failed,” the mayor said.", "Others left."]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = "He said “we tried. Then it rained. Nobody came."
    assert len(spans(text)) == 3


def test_closing_quote_belongs_to_the_sentence():
    assert spans("She said: “It is over.” Then she left.") == ["She said: “It is over.”", "Then she left."]


def test_split_sentences_numbers_ids_in_text_order_and_keeps_offsets():
    text = "First one. Second one.\n\nThird one here."
    article = CleanArticle("a", "a.txt", text, (Paragraph(0, 22), Paragraph(24, 39)), (), (), None)  # type: ignore[arg-type]
    sents = split_sentences(article)
    assert [s.id for s in sents] == ["s1", "s2", "s3"]
    assert [text[s.start:s.end] for s in sents] == ["First one.", "Second one.", "Third one here."]
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert sentences_covering(sents, 5, 15) == sents[:2]
    cite = make_citation("a", text, sents, 11, 17)
    assert (cite.sentence, cite.text, text[cite.start:cite.end]) == ("s2", "Second one.", "Second")


def test_a_clause_pattern_reads_past_abbreviations_but_not_past_a_full_stop():
    accusation = re.compile(r"\baccused\s+" + in_clause(".;") + r"{0,40}?\s+of\b", re.IGNORECASE)
    assert accusation.search("Mr. Ek accused Mr. Lind of hiding the audit.")
    assert accusation.search("The board accused the U.S. Navy of hiding the audit.")
    assert accusation.search("Ek accused Gov. Ruiz of hiding the audit.")
    assert not accusation.search("Ek accused him. Two of the clerks left.")  # a lower-case word's dot ends it
    assert not accusation.search("Ek accused the board; none of them answered.")
