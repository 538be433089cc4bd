"""extract.quotes: quotation marks -> quotes (verbatim) and phrases, each style newsrooms use."""

from briefing.extract.quotes import classify, extract_quotes, find_marks
from briefing.model import CleanArticle, Paragraph, SourceMeta
from briefing.sentences import split_sentences


def article(*paragraphs: str, kinds: tuple[str, ...] = (), date: str | None = "2031-03-04") -> CleanArticle:
    """Paragraphs (kind "body" unless given) -> a CleanArticle as clean.py would make it."""
    text, paras, pos = "", [], 0
    for n, para in enumerate(paragraphs):
        if n:
            text += "\n\n"
            pos += 2
        paras.append(Paragraph(pos, pos + len(para), kinds[n] if n < len(kinds) else "body"))
        text += para
        pos += len(para)
    return CleanArticle(source_id="src", file="src.txt", text=text, paragraphs=tuple(paras),
                        offset_map=((0, 0, len(text)),), removed=(), meta=SourceMeta(date=date))


def run(*paragraphs: str, kinds: tuple[str, ...] = ()):
    art = article(*paragraphs, kinds=kinds)
    quotes, phrases, speakers = extract_quotes(art, split_sentences(art))
    for item in (*quotes, *phrases):
        for cite in item.citations:
            assert art.text[cite.start:cite.end] == item.text  # verbatim, always
    return quotes, phrases, speakers


def texts(items) -> list[str]:
    return [i.text for i in items]


def test_curly_double_quote_keeps_trailing_comma_inside_marks():
    quotes, _, _ = run("“The bridge will reopen in May,” said Mayor Lena Ortiz.")
    assert texts(quotes) == ["The bridge will reopen in May,"]
    assert quotes[0].speaker == "Lena Ortiz"
    assert quotes[0].date == "2031-03-04"


def test_straight_double_quotes_pair_in_order():
    quotes, _, _ = run('Harbour chief Tom Reyes said: "We lost two cranes. Both will be replaced."')
    assert texts(quotes) == ["We lost two cranes. Both will be replaced."]
    assert quotes[0].speaker == "Tom Reyes"


def test_single_quote_style_is_told_apart_from_apostrophes():
    quotes, _, _ = run("The coach's plan failed. 'It's the players' fault, not the fans' doing,' "
                       "Coach Ravi Menon said after the club's defeat.")
    assert texts(quotes) == ["It's the players' fault, not the fans' doing,"]
    assert quotes[0].speaker == "Ravi Menon"


def test_mixed_curly_open_and_straight_close_pair_up():
    quotes, _, _ = run("Farmer Ada Kim said ‘the rain came far too late for the wheat this year, "
                       "and we lost most of it' on Monday.")
    assert texts(quotes) == ["the rain came far too late for the wheat this year, and we lost most of it"]


def test_plural_possessive_inside_single_quote_does_not_close_it():
    quotes, _, _ = run("'The students' union will strike on Friday,' organiser Bea Lund said.")
    assert texts(quotes) == ["The students' union will strike on Friday,"]


def test_interrupted_quote_gives_two_parts_with_one_statement():
    quotes, _, _ = run("“We will rebuild,” the governor, Nia Cole, said, “but it will take years.”")
    assert texts(quotes) == ["We will rebuild,", "but it will take years."]
    assert quotes[0].statement and quotes[0].statement == quotes[1].statement
    assert {q.speaker for q in quotes} == {"Nia Cole"}


def test_multi_paragraph_quote_runs_until_the_closing_mark():
    quotes, _, _ = run("Senator Omar Haddad told the chamber: “This bill is a start.",
                       "“It is not the end. We will return to it next year.”",
                       "The vote is on Tuesday.")
    assert texts(quotes) == ["This bill is a start.", "It is not the end. We will return to it next year."]
    assert quotes[0].statement == quotes[1].statement is not None
    assert [q.speaker for q in quotes] == ["Omar Haddad", "Omar Haddad"]


def test_nested_quote_stays_inside_the_outer_quote():
    quotes, phrases, _ = run("“They called it ‘a minor delay’ for months,” engineer Jo Park said.")
    assert texts(quotes) == ["They called it ‘a minor delay’ for months,"]
    assert "a minor delay" in texts(phrases)


def test_editorial_brackets_stay_in_the_quote():
    quotes, _, _ = run("“[The port] was never safe,” Captain Ines Varga said.")
    assert texts(quotes) == ["[The port] was never safe,"]


def test_partial_first_person_quote_is_a_full_quote():
    quotes, _, _ = run("Minister Paul Adeyemi said the talks were “what we needed, in my view, and I hope "
                       "they continue.”")
    assert texts(quotes) == ["what we needed, in my view, and I hope they continue."]


def test_short_embedded_phrases_titles_and_labels_are_phrases():
    quotes, phrases, _ = run(
        "Critic Maya Stone called the plan “reckless” and “a gift to landlords.”",
        "Her book “Cities on Fire” came out in June.",
        "The so-called “reform” passed anyway.")
    assert quotes == ()
    kinds = {p.text: p.kind for p in phrases}
    assert kinds["reckless"] == "label"
    assert kinds["a gift to landlords."] == "phrase"
    assert kinds["Cities on Fire"] == "title"
    assert kinds["reform"] == "label"
    assert {p.speaker for p in phrases if p.text in ("reckless", "a gift to landlords.")} == {"Maya Stone"}


def test_headline_quotes_are_marked_headline():
    quotes, _, _ = run("Ortiz: ‘We will not back down on the bridge’",
                       "Mayor Lena Ortiz spoke on Monday.", kinds=("headline", "body"))
    assert [q.where for q in quotes] == ["headline"]


def test_two_word_quote_with_adjacent_attribution_is_a_quote():
    quotes, _, _ = run("Asked about a recount, Judge Amy Lowe replied, “Not yet,” and left.")
    assert texts(quotes) == ["Not yet,"]
    assert quotes[0].speaker == "Amy Lowe"


def test_classify_rules():
    assert classify("We are done here.", "", adjacent=False, continuation=False) == "quote"
    assert classify("savage", "", adjacent=False, continuation=False) == "label"
    assert classify("a long and winding road", "", adjacent=False, continuation=False) == "phrase"
    assert classify("War and Peace", "the novel ", adjacent=False, continuation=False) == "title"
    assert classify("and then it ended.", "", adjacent=False, continuation=True) == "quote"


def test_find_marks_ignores_apostrophes_and_inch_marks():
    art = article("The '90s band's 6'2\" singer didn't sing.")
    assert find_marks(art.text, art.paragraphs) == []


def test_same_quote_twice_in_an_article_is_one_quote_with_two_citations():
    quotes, _, _ = run("“Nobody is above the law,” Judge Amy Lowe said.",
                       "She repeated: “Nobody is above the law,”")
    assert len(quotes) == 1 and len(quotes[0].citations) == 2


def test_output_is_deterministic():
    paras = ("“One, two, three,” said Coach Ravi Menon.", "Fans chanted “four” loudly.")
    assert run(*paras) == run(*paras)


def test_headline_name_and_colon_names_the_speaker():
    quotes, _, _ = run("Ortiz: ‘We will not back down on the bridge’", "Mayor Lena Ortiz spoke on Monday.",
                       kinds=("headline", "body"))
    assert quotes[0].speaker == "Lena Ortiz"


def test_capitalised_proper_noun_start_inside_a_sentence_is_a_phrase():
    quotes, phrases, _ = run("Officials in Lisbon met on Monday.",
                             "Minister Rui Lopes called the plan “Lisbon's best chance in years.”")
    assert quotes == ()
    assert texts(phrases) == ["Lisbon's best chance in years."]


def test_marks_around_nothing_but_punctuation_give_nothing():
    quotes, phrases, _ = run("The sign read “…” and “—” only.")
    assert quotes == () and phrases == ()


def test_unclosed_quote_at_the_end_of_an_article_is_dropped():
    quotes, phrases, _ = run("“We will never stop,” said Coach Ravi Menon.", "He then said “and another thing")
    assert texts(quotes) == ["We will never stop,"] and phrases == ()


def test_a_stray_unclosed_mark_does_not_hide_later_quotes():
    quotes, _, _ = run("Fans waved “banners and flags. “We deserved the win tonight,” Coach Ravi Menon said.")
    assert "We deserved the win tonight," in texts(quotes)


def test_low_high_and_guillemet_styles():
    quotes, _, _ = run("„Wir schaffen das nicht allein“, sagte sie.", "«Nous restons ici», a dit le maire Paul Roux.")
    assert texts(quotes) == ["Wir schaffen das nicht allein", "Nous restons ici"]
