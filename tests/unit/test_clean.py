"""clean: raw page text -> the article's own text, furniture removed with reasons."""

import pytest

from briefing.clean import clean_article
from briefing.model import BriefingError, RawArticle, SourceMeta

BODY = [
    "The city council approved the new bridge budget on Tuesday after a long debate, officials said.",
    "Council member Ana Ruiz said the vote “ends years of waiting” for residents of the east bank.",
    "Construction is expected to start in the spring and last about two years, the council said.",
]


def make(text: str, meta: SourceMeta | None = None) -> RawArticle:
    return RawArticle("t", "t.txt", text, meta or SourceMeta(), "0" * 64)


def kept(text: str) -> list[str]:
    article = clean_article(make(text))
    return [article.text[p.start:p.end] for p in article.paragraphs]


def test_navigation_byline_and_headline_are_recognised():
    raw = "\n".join(["Skip to content", "Menu", "", "Council approves bridge budget after long debate", "",
                     "by Jane Roe March 3, 2023 10:15 AM 3 min read", "", *BODY])
    article = clean_article(make(raw))
    assert article.text.startswith("Council approves bridge budget")
    assert article.paragraphs[0].kind == "headline"
    assert article.meta.title == "Council approves bridge budget after long debate"
    assert article.meta.author == "Jane Roe"
    assert article.meta.date == "2023-03-03"
    reasons = {r.reason for r in article.removed}
    assert "page navigation or widget" in reasons and "byline (kept as metadata)" in reasons


def test_metadata_given_from_outside_wins_over_the_text():
    raw = "\n".join(["by Jane Roe March 3, 2023", *BODY])
    article = clean_article(make(raw, SourceMeta(author="J. Roe", date="2023-03-04")))
    assert (article.meta.author, article.meta.date) == ("J. Roe", "2023-03-04")


def test_appeal_for_support_is_removed():
    appeal = ("Your support keeps our journalism free. Become a member today and help fund independent "
              "journalism for readers everywhere.")
    assert kept("\n".join([appeal, *BODY])) == BODY


def test_photo_credit_lines_are_removed():
    lines = [BODY[0], "The mayor at the site on Monday. (Jane Doe/Agency via Getty Images)", *BODY[1:]]
    assert kept("\n".join(lines)) == BODY


def test_everything_after_a_related_section_marker_is_cut():
    tail = ["Related Articles", "Storm closes schools across the region as rivers rise.",
            "Local team wins the cup in a dramatic final, fans say."]
    article = clean_article(make("\n".join([*BODY, "", *tail])))
    assert [article.text[p.start:p.end] for p in article.paragraphs] == BODY
    assert any("Related Articles" in r.text and "all after it" in r.reason for r in article.removed)


def test_teaser_for_another_story_ends_the_article():
    tail = ["Analysis: Why the harbour plan split the city council", "Critics of the plan argued for months that…"]
    assert kept("\n".join([*BODY, *tail])) == BODY


def test_headings_inside_the_article_are_kept_but_trailing_ones_are_not():
    lines = [BODY[0], "What happens next", BODY[1], BODY[2], "Try Our New Features"]
    article = clean_article(make("\n".join(lines)))
    assert [p.kind for p in article.paragraphs] == ["body", "heading", "body", "body"]


def test_repeated_short_lines_are_page_furniture():
    lines = [BODY[0], "Subscribe now", BODY[1], "Subscribe now", BODY[2]]
    assert kept("\n".join(lines)) == BODY


def test_offset_map_points_back_to_the_raw_text():
    raw = "Menu\n\n   " + BODY[0] + "   \n" + BODY[1]
    article = clean_article(make(raw))
    for p in article.paragraphs:
        start = article.raw_offset(p.start)
        assert raw[start:start + p.end - p.start] == article.text[p.start:p.end]


def test_a_page_with_no_article_text_is_an_error_naming_the_file():
    with pytest.raises(BriefingError, match=r"t\.txt: no article text"):
        clean_article(make("Subscribe\nMenu\nHome"))


def test_link_to_another_story_inside_the_article_is_removed_alone():
    lines = [BODY[0], "Also read: Storm closes schools across the region", BODY[1], BODY[2]]
    assert kept("\n".join(lines)) == BODY


@pytest.mark.parametrize("credit", ["Image source, Getty Images", "Getty Images", "Photo: Jane Doe",
                                    "The harbour at dawn. (AP Photo/John Smith)"])
def test_credit_lines_of_many_shapes_are_removed(credit):
    assert kept("\n".join([BODY[0], credit, BODY[1], BODY[2]])) == BODY


@pytest.mark.parametrize(("line", "date"), [("15 February 2020", "2020-02-15"),
                                            ("Published: Monday, March 2, 2020 at 10:15 GMT", "2020-03-02"),
                                            ("Updated 3 March 2020, 14:05 GMT", "2020-03-03")])
def test_date_lines_of_many_shapes_give_the_date(line, date):
    article = clean_article(make("\n".join(["Council approves bridge budget after long debate", line, *BODY])))
    assert article.meta.date == date
    assert line not in article.text
