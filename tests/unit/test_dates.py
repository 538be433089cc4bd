"""dates: date expressions -> normalised dates with precision, resolved against publication."""

from datetime import date

import pytest

from briefing.extract.dates import extract_events, find_dates
from briefing.model import CleanArticle, Paragraph, SourceMeta
from briefing.sentences import split_sentences

PUBLISHED = date(2023, 3, 10)  # a Friday


def resolve(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(m.expression, m.date, m.precision) for m in find_dates(text, 0, len(text), published)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks began on March 2.", [("March 2", "2023-03-02", "day")]),
    ("It reopened on Feb. 14 after repairs.", [("Feb. 14", "2023-02-14", "day")]),
    ("She takes office on January 20, 2025.", [("January 20, 2025", "2025-01-20", "day")]),
    ("Elections were held on 7 November 2021.", [("7 November 2021", "2021-11-07", "day")]),
    ("The lighthouse was first lit on 3 March 1887.", [("3 March 1887", "1887-03-03", "day")]),
    ("The strike ended on Wednesday.", [("on Wednesday", "2023-03-08", "day")]),
    ("He spoke last Friday.", [("last Friday", "2023-03-03", "day")]),
    ("The vote will take place on Monday.", [("on Monday", "2023-03-13", "day")]),
    ("A report published last month said so.", [("last month", "2023-02", "month")]),
    ("The firm was founded in 2017.", [("in 2017", "2017", "year")]),
    ("In early 2022, prices rose.", [("In early 2022", "2022", "year")]),
    ("The plan was drafted in September 2022.", [("September 2022", "2022-09", "month")]),
    ("They met at the end of January.", [("end of January", "2023-01", "month")]),
    ("The minister resigned yesterday.", [("yesterday", "2023-03-09", "day")]),
    ("The dam burst three days ago.", [("three days ago", "2023-03-07", "day")]),
    ("The filing is dated 2022-12-01.", [("2022-12-01", "2022-12-01", "day")]),
])
def test_dates_resolve_against_the_publication_date(text, expected):
    assert resolve(text) == expected


def test_day_and_month_without_a_year_take_the_nearest_year():
    # published in March: "Dec. 28" is last December, not next.
    assert resolve("The fire started on Dec. 28.") == [("Dec. 28", "2022-12-28", "day")]
    # a future tense pulls an upcoming date forward
    assert resolve("The summit will open on April 3.") == [("April 3", "2023-04-03", "day")]


def test_without_a_publication_date_only_dates_with_their_own_year_resolve():
    assert resolve("It ended on Wednesday, two years after the crash in 2019.", None) == [
        ("in 2019", "2019", "year")]


def test_modal_may_and_plain_numbers_are_not_dates():
    assert resolve("Officials may delay 2000 flights and 12 trains.") == []


def test_events_cite_the_clause_of_each_date_when_a_sentence_has_several():
    text = "The ferry sank on March 2, two days after the inspection on Feb. 28."
    art = CleanArticle(source_id="a1", file="a1.txt", text=text, paragraphs=(Paragraph(0, len(text)),),
                       offset_map=((0, 0, len(text)),), removed=(), meta=SourceMeta(date="2023-03-10"))
    events = extract_events(art, split_sentences(art))
    assert [(e.date, e.precision, e.text) for e in events] == [
        ("2023-02-28", "day", "two days after the inspection on Feb. 28."),
        ("2023-03-02", "day", "The ferry sank on March 2")]
    for event in events:
        cite = event.citations[0]
        assert text[cite.start:cite.end] == event.text and cite.sentence == "s1"
