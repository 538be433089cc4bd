"""link/timeline: the Timeline page shows an entry only when it is plainly a dated happening of
someone named, on the story (``clear_event``, ``about_the_story``); readable.main_clause."""

from __future__ import annotations

import pytest

from briefing.link.readable import main_clause
from briefing.link.timeline import StoryNames, about_the_story, clear_event, shown_events
from briefing.model import Citation, Event, Insertion


def event(text: str, expression: str = "on Tuesday", source: str = "a1", insertions: tuple[Insertion, ...] = (),
          ) -> Event:
    cite = Citation(source=source, sentence="s1", start=0, end=len(text), text=text)
    return Event(id="e-" + str(abs(hash(text)) % 10**8), date="2031-03-04", precision="day", text=text,
                 citations=(cite,), expression=expression, insertions=insertions)


def test_the_main_clause_is_read_after_a_dateline_a_connective_and_an_opening_phrase():
    clause = main_clause("LISBON — But on Tuesday night, Mayor Ana Ruiz (Lab.) also signed the harbour treaty.")
    assert clause is not None
    assert clause.subject == ("Mayor", "Ana", "Ruiz") and clause.verb == "signed"


@pytest.mark.parametrize("text", [
    "In the days after Friday's storm, Ana Ruiz has sought to calm the port.",  # whose date?
    "Based upon a letter she sent on Monday, it is an open question.",  # a participle's phrase
    "Ahead of the vote on Monday, Ruiz toured the docks.",
    "Even as Ruiz claimed on Tuesday that the docks were safe, one of her aides said the two cases differ.",
])
def test_no_main_clause_is_read_where_the_opening_sets_another_happening_or_no_subject_opens(text):
    assert main_clause(text) is None


@pytest.mark.parametrize("text", [
    "Ana Ruiz signed the harbour treaty on Tuesday.",
    "On Tuesday, the Dover Harbour Board voted to close the north quay.",
    "The Ruiz campaign announced on Tuesday that it raised $2 million.",
    "The party's new leader, Ana Ruiz, resigned on Tuesday.",
    "Ana Ruiz was booed by dock workers on Tuesday.",
    "Ana Ruiz will sign the treaty on Tuesday.",
    "Ana Ruiz said in an interview aired on Tuesday that the port would stay open.",
    "Ana Ruiz hinted at a run, saying in Porto on Tuesday that she was ready.",
])
def test_a_dated_happening_of_someone_named_is_a_clear_event(text):
    assert clear_event(event(text))


@pytest.mark.parametrize("text", [
    "Ana Ruiz and her team spent Tuesday looking past Dover.",  # the team; a day spent
    "Ana Ruiz had a great night on Tuesday.",  # a judgement of the day
    "Ana Ruiz was in Porto on Tuesday.",  # a state
    "Ana Ruiz seemed relaxed on Tuesday.",
    "Ana Ruiz did not react to the ruling on Tuesday.",  # what did not happen
    "Ana Ruiz is the favourite in the port primary on Tuesday.",  # a standing
    "The Vermont Democrat toured the docks on Tuesday.",  # which Democrat?
    "A woman confronted the mayor on Tuesday.",  # who?
    "He toured the docks on Tuesday.",  # who?
    "Ana Ruiz's win on Tuesday has brought her closer to the nomination.",  # the date is the win's
    "Ana Ruiz leads the polls, and her speech on Tuesday drew a crowd.",  # another clause's date
    "Ana Ruiz was asked to attend the hearing on Tuesday.",  # the asked-for act's date
    "Ana Ruiz called him a liar for insisting that the quay flooded on Tuesday.",
])
def test_a_line_that_is_no_plain_dated_happening_of_someone_named_is_left_out(text):
    assert not clear_event(event(text))


def test_a_pronoun_subject_with_its_insertion_is_named():
    text = "He toured the docks on Tuesday."
    assert clear_event(event(text, insertions=(Insertion(at=2, text="Bo Lind"),)))


def test_a_surname_alone_is_clear_only_for_one_of_the_story_s_figures():
    story = StoryNames(figures=frozenset({"ruiz"}), leading=frozenset({"ruiz"}), off_story=frozenset())
    assert clear_event(event("Ruiz toured the docks on Tuesday."), story)
    assert not clear_event(event("Lind toured the docks on Tuesday."), story)
    assert clear_event(event("Bo Lind toured the docks on Tuesday."), story)


def test_an_entry_must_name_a_figure_of_the_story_and_a_leading_one_in_an_article_off_it():
    story = StoryNames(figures=frozenset({"ruiz", "lind", "porto"}), leading=frozenset({"ruiz"}),
                       off_story=frozenset({"b2"}))
    assert about_the_story(event("Ana Ruiz toured the docks on Tuesday."), story)
    assert not about_the_story(event("The Ajax football club won the cup on Tuesday."), story)
    assert about_the_story(event("Bo Lind toured the docks on Tuesday."), story)
    assert not about_the_story(event("Bo Lind toured the docks on Tuesday.", source="b2"), story)
    assert about_the_story(event("Ana Ruiz toured the docks on Tuesday.", source="b2"), story)


def _many(texts: list[str], source: str) -> list[Event]:
    return [event(t, source=source) for t in texts]


def test_the_story_s_figures_are_read_off_its_articles_and_an_article_of_other_news_is_off_it():
    on = [event(f"Ana Ruiz toured dock {n} on Tuesday.", source=f"s{n}") for n in range(30)]
    off = _many(["The Ajax club won the Dutch cup on Tuesday.", "The Ajax coach Piet Smit praised the fans on Tuesday.",
                 "The Ajax striker Jan Vos scored twice on Tuesday.", "The Ajax keeper Tom Berg was hurt on Tuesday."],
                "x1")
    shown = shown_events(on + off)
    assert all(e in shown for e in on)
    assert not any(e in shown for e in off)


def test_a_subject_whose_head_is_a_common_noun_before_a_name_does_not_say_whom():
    assert not clear_event(event("Officials with the Dover Harbour Board made clear on Monday they have no plans."))
    assert clear_event(event("Ana Ruiz and Senator Bo Lind of Porto toured the docks on Tuesday."))


def test_similar_remarks_point_back():
    from briefing.link.timeline import stands_alone
    assert not stands_alone(event("Ana Ruiz made similar comments on Thursday on the harbour radio."))
    assert stands_alone(event("Ana Ruiz made comments similar to Lind's on Thursday on the harbour radio."))


@pytest.mark.parametrize("text", [
    "Ana Ruiz held a call with doctors on Monday to raise the disease's profile.",  # which disease
    "The Ruiz campaign countered on Sunday by suggesting four other nights.",  # countered what
    "Joel Lind, 39, bused down from Porto on Friday to join the march.",  # a passer-by, told by age
])
def test_a_possessive_of_a_thing_not_named_a_reply_to_nothing_and_a_passer_by_do_not_stand_alone(text):
    from briefing.link.timeline import stands_alone
    assert not stands_alone(event(text))


def test_the_latter_s_and_a_reply_to_something_named_stand_alone():
    from briefing.link.timeline import stands_alone
    assert stands_alone(event("Ana Ruiz met Bo Lind during the latter's visit to Porto on Tuesday."))
    assert stands_alone(event("Ana Ruiz responded on Tuesday to a letter from the Dover Harbour Board."))


def test_a_report_that_says_nothing_and_a_perfect_dated_to_a_day_are_no_clear_event():
    assert not clear_event(event("The Porto Post reported on Monday", "on Monday"))
    assert not clear_event(event("Ana Ruiz has made speeches during Sunday services since May.", "Sunday"))
    assert clear_event(event("The Porto Post reported on Monday that Ana Ruiz would resign.", "on Monday"))


def test_an_insertion_names_the_subject_only_at_its_head():
    rivals = "On Thursday night, his rivals moved on to Porto."
    assert not clear_event(event(rivals, "On Thursday", insertions=(Insertion(at=22, text="Ana Ruiz's"),)))
    role = "The harbour master toured the docks on Tuesday."
    assert clear_event(event(role, insertions=(Insertion(at=17, text="Bo Lind"),)))


@pytest.mark.parametrize("text", [
    "On Sunday morning, Ana Ruiz slammed the shift as a conversion on the eve of the debate.",
    "In responding on Friday, the Ruiz campaign took the unusual step of criticising the port police.",
])
def test_a_shift_not_named_and_a_response_to_nothing_named_do_not_stand_alone(text):
    from briefing.link.timeline import stands_alone
    assert not stands_alone(event(text, "on Sunday" if "Sunday" in text else "on Friday"))


def test_the_following_points_into_the_article():
    from briefing.link.timeline import stands_alone
    assert not stands_alone(event("Bo Lind posted the following picture to his Twitter page on Tuesday."))


@pytest.mark.parametrize("text", [
    "At a round-table on Tuesday, Ana Ruiz said she would be doing so because Lind is a friend.",
    "Ana Ruiz was even more emphatic on Monday when she spoke to the Porto Post.",
    "Ana Ruiz spoke to the Porto Post about the subject on Monday.",
    "In 2031, Ruiz is going to win the port,” Bo Lind says.",  # starts inside a quotation
])
def test_doing_so_even_more_the_subject_and_a_line_inside_a_quotation_do_not_stand_alone(text):
    from briefing.link.timeline import stands_alone
    assert not stands_alone(event(text))


def test_a_present_perfect_tells_a_span_not_a_happening():
    from dataclasses import replace
    perfect = replace(event("In 2031, Ana Ruiz has found that her message resonates.", "In 2031"), precision="year")
    past = replace(event("In 2031, Ana Ruiz found that her message resonated.", "In 2031"), precision="year")
    assert not clear_event(perfect)
    assert clear_event(past)


@pytest.mark.parametrize(("text", "expression"), [
    ("Bo Lind came in second in January polls, although Ana Ruiz moved up in a later survey.", "in January"),
    ("In May's Porto Post poll, Ana Ruiz led Bo Lind on a range of attributes.", "In May"),
    ("Ana Ruiz led Bo Lind on Tuesday in the harbour polls.", "on Tuesday"),
    ("Ana Ruiz led Bo Lind late Tuesday by less than one-half of 1 percent.", "Tuesday"),
    ("In an interview with the Porto Post published online Wednesday, Ana Ruiz said the quay would close.",
     "Wednesday"),
    ("Ana Ruiz thanked Bo Lind for his help to the dockers on Monday.", "on Monday"),
    ("On his podcast out Thursday, Bo Lind said the union is going into overdrive against Ana Ruiz.", "Thursday"),
    ("In an interview with the Porto Post last week, Ana Ruiz was asked what she thought Lind could do.", "last week"),
    ("Ana Ruiz told Port TV in an interview aired on Monday when asked how the quay would fare.", "on Monday"),
])
def test_a_poll_s_date_a_publication_s_date_another_act_s_date_or_a_question_alone_is_no_clear_event(text, expression):
    assert not clear_event(event(text, expression))


def test_an_interview_told_without_what_was_said_is_no_clear_event():
    assert not clear_event(event("On Tuesday, Port TV anchor Bo Lind interviewed harbour candidate Ana Ruiz."))
    assert clear_event(event("On Tuesday, Port TV anchor Bo Lind interviewed Ana Ruiz about the quay closure."))


def test_a_margin_in_a_side_clause_does_not_keep_the_main_happening_off():
    text = ("Ana Ruiz's campaign launched an ad buy in Porto on Tuesday and said it would seek a recount in Faro, "
            "where she trailed Bo Lind by less than 1 percent.")
    assert clear_event(event(text))


def test_a_surname_alone_as_the_subject_of_an_inner_clause_is_clear_only_for_one_of_the_story_s_figures():
    story = StoryNames(figures=frozenset({"ruiz", "porto"}), leading=frozenset({"ruiz"}), off_story=frozenset())
    assert not clear_event(event("On Tuesday, Ana Ruiz said she was glad that Lind was voted in."), story)
    assert not clear_event(event("The Porto Post reported on Tuesday that Lind had cut the dock budget."), story)
    assert clear_event(event("On Tuesday, Ana Ruiz said she was glad that Bo Lind was voted in."), story)
    assert clear_event(event("On Tuesday, Ana Ruiz said that Porto was ready for the vote."), story)
    assert clear_event(event("Ana Ruiz said on Tuesday that Monday was a quiet day in the harbour."), story)
