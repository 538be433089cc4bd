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


# -- direction in time: tense and cues ------------------------------------------------------
MONDAY = date(2023, 3, 13)


@pytest.mark.parametrize(("text", "published", "expected"), [
    # forward cues on a weekday: "heading into", "ahead of", "is scheduled", "will"
    ("Heading into Tuesday's runoff, the mayor trailed her rival.", MONDAY, "2023-03-14"),
    ("Ahead of Thursday's hearing, the union published its demands.", MONDAY, "2023-03-16"),
    ("The council is scheduled to vote on Wednesday.", MONDAY, "2023-03-15"),
    # the weekday of publication itself, told in the future, is that day
    ("The minister will open the bridge on Monday.", MONDAY, "2023-03-13"),
    # past tense points back, even with a future verb in another clause
    ("The mayor, who conceded on Tuesday, will leave office in May.", PUBLISHED, "2023-03-07"),
    # the verb before the date governs it, not a "would" after it
    ("The chief told staff on Thursday that the office would close.", MONDAY, "2023-03-09"),
    # "need to be", "ready for" point forward
    ("Volunteers told people where they need to be caucusing Tuesday night.", MONDAY, "2023-03-14"),
    # a "will" inside a quotation does not date the narrator's "Monday"
    ("The captain admitted at a meeting Friday night \"it will be very hard to keep sailing.\"",
     MONDAY, "2023-03-10"),
    # a clause of its own in the present tense tells what is still to come
    ("The rivals, whose seats are on the line in the vote on Thursday, stayed quiet.", MONDAY, "2023-03-16"),
    ("The mayor expects she will do well in Thursday's vote.", MONDAY, "2023-03-16"),
    # a weekday's decision is past, whatever will follow from it, unless "ahead of" points to it
    ("Monday's decision will reverberate for years.", date(2023, 3, 14), "2023-03-13"),
    ("Ahead of Thursday's vote the members met the mayor.", MONDAY, "2023-03-16"),
    # a short past form still points back, whatever "will" says later
    ("If we remember one thing about the captain, who died Sunday, it will be her laugh.", MONDAY, "2023-03-12"),
    # curly apostrophes still mark the future
    ("“We’ll be meeting on Friday,” the organiser said.", MONDAY, "2023-03-17"),
])
def test_weekdays_resolve_by_tense_and_cues(text, published, expected):
    dates = [d for _e, d, p in resolve(text, published) if p == "day"]
    assert dates == [expected]


def test_a_month_without_a_year_goes_the_way_its_verb_points():
    # published in March 2023: a past December is last December, an upcoming one is next
    assert resolve("The regulator described the merger as risky in December.") == [
        ("in December", "2022-12", "month")]
    assert resolve("Voters will choose a new council in November.") == [("in November", "2023-11", "month")]
    assert resolve("The winner can take office in November.") == [("in November", "2023-11", "month")]
    assert resolve("The club bought the course and is rushing to get it ready for a tournament in March.",
                   date(2022, 12, 1)) == [("in March", "2023-03", "month")]
    # past tense, but that month of the previous year is too far to leave its year out
    assert resolve("The orchestra toured the coast in August.", date(2023, 6, 1)) == []


def test_a_past_event_never_lands_after_publication():
    for text, _expected_year in (("The plant closed on Dec. 28.", 2022), ("Crews repaired it on March 12.", 2022)):
        for _e, value, _p in resolve(text):
            assert value <= PUBLISHED.isoformat()


def test_a_day_and_month_far_from_publication_in_another_year_is_left_out():
    # published on 7 September: a past "September 11" would be last year's, a year away
    assert resolve("The station reported live on September 11th.", date(2023, 9, 7)) == []
    # an upcoming date in early next year keeps its year
    assert resolve("The new mayor will take office on Jan. 2.", date(2022, 11, 20)) == [
        ("Jan. 2", "2023-01-02", "day")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The river rose a week ago.", [("a week ago", "2023-03-03", "day")]),
    ("Prices climbed again next month, traders expect.", [("next month", "2023-04", "month")]),
    ("The board met the day after March 2.", [("the day after March 2", "2023-03-03", "day")]),
    ("The inspectors arrived two weeks before March 8.", [("two weeks before March 8", "2023-02-22", "day")]),
])
def test_relative_dates_resolve(text, expected):
    assert resolve(text) == expected


def test_last_week_is_a_range_of_days():
    assert [(m.date, m.precision, m.until) for m in find_dates(*_whole("The ferry sank last week."))] == [
        ("2023-02-26", "day", "2023-03-04")]  # weeks run Sunday to Saturday


def _whole(text: str, published: date = PUBLISHED) -> tuple[str, int, int, date]:
    return text, 0, len(text), published


MONDAY = date(2023, 3, 13)


@pytest.mark.parametrize(("text", "published", "expected"), [
    # told on a Monday of Saturday's vote: the seven days up to publication, not Sunday to Saturday
    ("The mayor said during this week's council vote that the ferry stays.", MONDAY,
     [("2023-03-07", "day", "2023-03-13")]),
    # a past "this month" ends on the day of writing
    ("Earlier this month, the ferry company announced new fares.", MONDAY,
     [("2023-03-01", "day", "2023-03-13")]),
    # still to come: the calendar week and the calendar month as before
    ("The council will vote this week on the ferry.", MONDAY, [("2023-03-12", "day", "2023-03-18")]),
    ("The council will vote this month on the ferry.", MONDAY, [("2023-03", "month", None)]),
])
def test_past_this_week_or_month_ends_at_publication(text, published, expected):
    assert [(m.date, m.precision, m.until) for m in find_dates(*_whole(text, published))] == expected


def test_a_past_span_never_runs_past_publication():
    text = "The ferry strike disrupted crossings March 8-14."
    assert [(m.date, m.until) for m in find_dates(*_whole(text))] == [("2023-03-08", "2023-03-10")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The festival ran March 3-5 in the old harbour.", ("2023-03-03", "day", "2023-03-05")),
    ("The festival ran from Feb. 27 to March 2.", ("2023-02-27", "day", "2023-03-02")),
    ("She chaired the board from 2011 to 2015.", ("2011", "year", "2015")),
    ("He taught there between 1990 and 1994.", ("1990", "year", "1994")),
])
def test_ranges_stay_ranges(text, expected):
    assert [(m.date, m.precision, m.until) for m in find_dates(*_whole(text))] == [expected]


def test_the_most_specific_expression_of_a_sentence_wins():
    assert resolve("In February, the court ruled on Feb. 23 that the sale could go ahead.") == [
        ("Feb. 23", "2023-02-23", "day")]


# -- date words that are no event -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Today's crowded shipping market leaves little room for small carriers.",   # generic "today"
    "The old lighthouse remains a landmark of today.",
    "Its continued influence today is hard to miss.",
    "This year's festival season has been busier than ever.",                   # generic period
    "Fishing fleets are catching more cod this year than ever.",
    "Candidates are preparing for Super Tuesday 2 across the region.",          # a name
    "The crowds at Black Friday sales were thin.",
    "It was the widest margin since 1928.",                                     # the end of a span
    "The ferry ran daily through the beginning of 2013.",
    "Records were rarely kept before 2011.",
    "The survey, conducted Feb. 5-8, reached 900 households.",                  # a method note
    "The survey of 900 households (Feb. 5-8) has a margin of error of 3 points.",
    "She is the author of 2030 and Beyond, a book on cities.",                  # a title
    "The harbour was governed under the Charter of 1850.",
    "\"It may all change tomorrow,\" the broker said of the rates.",           # the speaker's day
    "HARBOURTOWN, March 9 (Coast Wire) - The ferry company named a new chief.",  # a dateline
    "Ferry fares rose sharply (Harbour Daily, Thursday).",                       # where it was printed
    "Officials expect a third of ballots to be cast before March 15.",          # a span's end
    "Pressed on whether he would run in 2030 or 2034, the founder demurred.",  # alternatives
    "Graduates owed $25,550 each as of 2012.",                                  # a state, no event
    "The councillor is mulling a run for mayor in 2026.",                        # not happened, maybe never
    "Nobody said whether the club has held talks this year.",
    "Riders who switched over the last month mostly chose the bridge.",        # a stretch up to now
    "Still, if you were betting today, you would bet on the ferry.",           # a supposition
    "The deficit for the fiscal year, which ends Sept. 30, keeps growing.",    # a span's end
    "So far in 2023, the fund has lost a fifth of its value.",
    "Poll of 900 harbour residents taken Wednesday through Sunday.",            # a method note
    "\"That's what we will do between now and Nov. 8.\"",                     # a span's end
    "The contests between Monday and March 14 award seats in proportion.",
    "The fleet had 14 ferries as of March 3.",
    "Ferry fares to double — Coast Wire (@coastwire) March 2, 2023",            # a post's credit line
    "Ferry defenders today argue that the crossing was the best anyone could build.",  # "nowadays"
    "Crossings fell last spring, but they are up again this year.",            # a trend, no event
    "''Half the town could not cross today,'' the ferry captain said.",          # '' quotation marks
    "The mayor spoke about it on the Harbour Radio show This Week.",            # a programme's name
    "Commuters aren't waiting until next month to complain.",                   # the end of a span
    "—\"Ferry line to double its crossings starting in 2024,\" by Coast Wire's Ana Reyes",  # a headline
])
def test_generic_naming_and_span_uses_are_not_events(text):
    assert resolve(text) == []


def test_a_weekday_in_a_sentence_told_in_another_year_is_not_this_week():
    assert resolve("One Sunday in late 1999, the founder called the board together.") == [
        ("in late 1999", "1999", "year")]


def test_today_with_a_verb_that_dates_it_is_an_event():
    assert resolve("The ferry company announced today that fares will rise.") == [
        ("today", "2023-03-10", "day")]


# -- background -----------------------------------------------------------------------------
def _article(*sentences: str, published: str = "2023-03-10",
             title: str = "Harbour ferry strike spreads") -> CleanArticle:
    text = " ".join(sentences)
    return CleanArticle(source_id="a1", file="a1.txt", text=text, paragraphs=(Paragraph(0, len(text)),),
                        offset_map=((0, 0, len(text)),), removed=(), meta=SourceMeta(date=published, title=title))


def test_old_dates_are_background_only_when_tied_to_the_story():
    art = _article("Harbour ferry workers walked out on Tuesday over pay.",
                   "The strike closed the crossing for a second day on Wednesday.",
                   "Union leaders met the ferry company on Thursday.",
                   "The last harbour ferry strike, in 1987, lasted a month.",
                   "The union's treasurer grew up on a farm and moved to the city in 1975.")
    events = extract_events(art, split_sentences(art))
    old = [e for e in events if e.date < "2022"]
    assert [(e.date, e.background) for e in old] == [("1987", True)]
    assert all(not e.background for e in events if e.date >= "2023")


def test_a_sentence_that_leans_on_the_one_before_brings_it_along():
    art = _article("The harbour authority raised ferry fares by a fifth.",
                   "That figure grew again on Tuesday.")
    events = extract_events(art, split_sentences(art))
    assert [e.text for e in events] == [
        "The harbour authority raised ferry fares by a fifth. That figure grew again on Tuesday."]
    assert events[0].citations[0].text == events[0].text


@pytest.mark.parametrize("text", [
    "The next month, a former clerk announced plans to sue the council.",   # after some other event
    "The yard paid fewer welders in July than it did in March.",            # a comparison
    "Support rose to 44 percent, up from 37 percent in January.",
    "The report covering the last three months of 2022 comes out soon.",    # a period
])
def test_anaphoric_comparative_and_period_dates_are_not_events(text):
    assert [e for e, _d, _p in resolve(text) if e not in ("in July",)] == []


def test_a_sentence_that_announces_a_quotation_brings_the_quotation():
    art = _article("The mayor has long backed the ferry.", "In a speech on Tuesday, she said:",
                   "The crossing will stay open as long as I am mayor.")
    events = [e for e in extract_events(art, split_sentences(art)) if e.expression == "on Tuesday"]
    assert [e.text for e in events] == [
        "In a speech on Tuesday, she said: The crossing will stay open as long as I am mayor."]


def test_a_modal_in_another_clause_does_not_send_a_month_to_next_year():
    # published in July: "an auction in June" is last June, whatever "could" says elsewhere
    assert resolve("He hopes the plan could help, pointing to a land auction in June.", date(2023, 7, 6)) == [
        ("in June", "2023-06", "month")]


def test_a_weekday_after_before_a_scheduled_happening_is_still_to_come():
    # published on a Friday: "days before the runoff on Monday" is the Monday ahead
    friday = date(2023, 3, 10)
    assert [d for _e, d, _p in resolve("What the mayor needed, only days before the runoff on Monday, was missing.",
                                       friday)] == ["2023-03-13"]


def test_a_plan_told_in_the_past_dates_nothing():
    # "was scheduled to leave Tuesday", told on Wednesday: yesterday, or next week? not said
    wednesday = date(2023, 3, 15)
    assert resolve("The mayor was scheduled to leave the harbour late Tuesday.", wednesday) == []
    assert resolve("The ferries were expected to sail again in April.", wednesday) == []
    assert resolve("The mayor was to arrive at the harbour on Tuesday.", wednesday) == []
    # an abbreviation's dot between the plan and its date does not end the clause
    assert resolve("Ana Ruiz was planning to hold a dinner for Mr. Lind on Tuesday night at her Dover, Del., "
                   "house.", wednesday) == []
    # a plan told in the present still points forward
    assert [d for _e, d, _p in resolve("The mayor is scheduled to leave the harbour late Tuesday.", wednesday)] \
        == ["2023-03-21"]


def test_a_month_no_tense_points_to_is_taken_only_next_to_publication():
    january = date(2023, 1, 19)
    # present tense: a later month of the year is still to come, not last year's
    assert resolve("The mayor is upbeat about her chances of winning in November.", january) == [
        ("in November", "2023-11", "month")]
    # no verb at all: last November or next? only a neighbouring month is taken
    assert resolve("A harbour in November, a festival in December.", january) == [
        ("in December", "2022-12", "month")]


@pytest.mark.parametrize("text", [
    "A quarrel over the mayor's birthplace grew in the months leading up to Monday's runoff.",
    "The fleet's mood soured in the run-up to the vote in March.",
    "This year's harbour races have featured many firsts.",
])
def test_the_end_of_a_stretch_or_a_years_season_dates_no_event(text):
    assert resolve(text) == []


def test_a_later_year_needs_a_word_saying_it_will_happen():
    # a side remark or a hypothesis about a later year is no event on the timeline
    assert resolve("Lind has been mentioned as a possible harbour governor in 2025.") == []
    assert resolve("Ana Ruiz, herself up for a vote in 2025, backed the treaty.") == []
    # a plan told as one keeps its year
    assert resolve("Aides say Lind will seek another term in 2025.") == [("in 2025", "2025", "year")]


def test_a_figure_s_year_after_from_or_to_an_amount_is_a_baseline():
    assert resolve("Port revenue grew from $3 million in 2021 to $5 million in 2022.") == []


def test_a_date_alone_before_a_comma_takes_the_tense_of_the_clause_it_opens():
    friday = date(2023, 3, 17)
    # a plan told before "but" does not pull the date forward: the party announced it on Thursday
    assert resolve("Former Gov. Ana Ruiz had been scheduled to attend the gala in Dover, Del., but on Thursday, "
                   "the Democratic Party of the harbour district announced she wasn’t coming.", friday) == [
        ("on Thursday", "2023-03-16", "day")]
    assert resolve("The mayor said the ferry would sail, and on Thursday, the board will vote on the fares.",
                   friday) == [("on Thursday", "2023-03-23", "day")]


def test_a_date_after_a_participle_of_saying_takes_the_tense_of_the_verb_it_hangs_on():
    text = "Ana Ruiz joined the harbour debate, announcing on Wednesday she would meet the dockers."
    assert [m.date for m in find_dates(*_whole(text))] == ["2023-03-08"]  # published Friday 10th
    ahead = "Ana Ruiz will join the harbour debate, announcing on Wednesday she would meet the dockers."
    assert [m.date for m in find_dates(*_whole(ahead))] == ["2023-03-15"]
