"""Items that stand alone: the editor's insertion for "he" / "the minister", items whose
referent is unclear kept off the Overview, Key facts and Timeline, and the key-facts choice.
All sentences are the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from articles import article

from briefing.dump import from_data, to_data
from briefing.extract import extract_article
from briefing.extract.dates import extract_events
from briefing.link import link_briefing
from briefing.link.facts import demote_repeats, key_facts, overview_facts, self_contained
from briefing.link.timeline import shown_events, stands_alone
from briefing.model import Briefing, BriefingMeta, Citation, Event, Fact, Insertion, Source
from briefing.render import render_briefing
from briefing.sentences import lede_title, split_sentences

ROOT = Path(__file__).resolve().parents[2]


def extract(*paras: str, date: str = "2031-03-04"):
    art = article(*paras, date=date)
    return art, extract_article(art, split_sentences(art))


def claim_starting(x, start: str):
    return next(c for c in x.claims if c.text.startswith(start))


def shown(text: str, insertions) -> str:
    """An item's text as the site reads it: 'He [Ana Ruiz] said ...'."""
    out, pos = [], 0
    for ins in insertions:
        out += [text[pos:ins.at], f" [{ins.text}]"]
        pos = ins.at
    return "".join(out) + text[pos:]


# -- the insertion ---------------------------------------------------------------------------

def test_a_pronoun_whose_referent_is_clear_gets_the_name_as_an_insertion():
    _art, x = extract("Senator Ana Ruiz arrived in Lisbon on Monday to open the harbour talks.",
                      "She told reporters on Tuesday that the fishing quotas would be cut by half.")
    claim = claim_starting(x, "She told")
    assert claim.insertions == (Insertion(at=3, text="Ana Ruiz"),) and claim.unresolved is None
    assert shown(claim.text, claim.insertions).startswith("She [Ana Ruiz] told reporters")
    # the verbatim text and its citation are untouched
    assert claim.text == _art.text[claim.citation.start:claim.citation.end]
    event = next(e for e in x.events if e.text.startswith("She told"))
    assert event.insertions == claim.insertions


def test_a_possessive_pronoun_gets_the_possessive_name():
    _art, x = extract("Mayor Tomas Vale opened the new bridge over the river on Monday morning.",
                      "His office said on Tuesday that the toll would be dropped next year.")
    claim = claim_starting(x, "His office")
    assert shown(claim.text, claim.insertions).startswith("His [Tomas Vale's] office said")


def test_a_role_noun_gets_the_person_the_article_gave_that_role():
    _art, x = extract("Finance Minister Karl Berg presented the budget to parliament on Monday.",
                      "The finance minister said on Tuesday that the sales tax would fall next year.")
    claim = claim_starting(x, "The finance minister")
    assert shown(claim.text, claim.insertions).startswith("The finance minister [Karl Berg] said")


def test_a_role_the_person_was_not_given_is_not_guessed():
    # Berg is the finance minister; "the former minister" is someone the article never named
    _art, x = extract("Finance Minister Karl Berg presented the budget to parliament on Monday.",
                      "The former minister said on Tuesday that the budget would never pass the chamber.")
    claim = claim_starting(x, "The former minister")
    assert claim.insertions == () and claim.unresolved == "The former minister"


def test_an_unclear_pronoun_gets_no_insertion_and_is_marked_unresolved():
    _art, x = extract("The harbour talks ended without a deal on Monday after twelve hours.",
                      "He said on Tuesday that the fishing fleet would stay in port all week.")
    claim = claim_starting(x, "He said")
    assert claim.insertions == () and claim.unresolved == "He"


def test_a_quotation_whose_speaker_is_a_role_noun_or_pronoun_gets_the_speaker():
    _art, x = extract("Senator Ana Ruiz opened the harbour talks in Lisbon on Monday.",
                      "“We will sail anyway,” the senator said on Tuesday.",
                      "“The boats stay in port,” the Republican said on Wednesday.")
    claim = claim_starting(x, "“We will sail")
    assert shown(claim.text, claim.insertions) == "“We will sail anyway,” the senator [Ana Ruiz] said on Tuesday."
    assert claim_starting(x, "“The boats").unresolved == "the Republican"


def test_two_people_either_of_whom_he_could_be_make_he_unclear():
    _art, x = extract("Tomas Vale and Karl Berg met at the harbour on Monday to settle the quota dispute.",
                      "He said on Tuesday that the fleet would stay in port all week.")
    claim = claim_starting(x, "He said")
    assert claim.insertions == () and claim.unresolved == "He"


def test_a_he_is_unclear_when_the_sentence_before_names_another_man_and_not_the_referent():
    _art, x = extract("Mr. Tomas Vale, the harbour chairman, had also come under scrutiny over his fees.",
                      "After a series of rows over Mr. Bo Lind's remarks, the mayor began trying to calm the port.",
                      "On Monday, he delivered a speech on the quay from a written text.")
    claim = claim_starting(x, "On Monday, he")
    assert claim.insertions == () and claim.unresolved == "he"


def test_a_definite_common_noun_subject_leans_on_its_article():
    _art, x = extract("Two universities filed briefs in the harbour case on Monday in the capital.",
                      "The university said on Tuesday that its research vessel would leave port.")
    assert claim_starting(x, "The university").unresolved == "The university"


def test_the_subject_after_an_opening_clause_counts():
    _art, x = extract("The harbour festival opened in Lisbon on Monday with a parade of boats.",
                      "Just before the ferry left, the pilot asked for volunteers to move to the back.")
    assert claim_starting(x, "Just before").unresolved == "the pilot"


def test_an_it_that_stands_for_the_clause_after_it_leans_on_nothing():
    _art, x = extract("The harbour talks ended without a deal on Monday after twelve hours.",
                      "It is unclear whether the fishing fleet will sail again before the winter.")
    claim = claim_starting(x, "It is unclear")
    assert claim.insertions == () and claim.unresolved is None


def test_insertions_survive_the_yaml_and_json_data():
    art, x = extract("Senator Ana Ruiz arrived in Lisbon on Monday to open the harbour talks.",
                     "She told reporters on Tuesday that the fishing quotas would be cut by half.")
    source = Source(id=art.source_id, file=art.file, text=art.text, sentences=tuple(split_sentences(art)),
                    paragraphs=art.paragraphs, date="2031-03-04", publisher="Harbour Post")
    briefing = link_briefing([source], [x])
    fact = next(f for f in briefing.facts if f.text.startswith("She told"))
    assert to_data(fact)["insertions"] == [{"at": 3, "text": "Ana Ruiz"}]
    assert from_data(Briefing, to_data(briefing)) == briefing


# -- what is promoted --------------------------------------------------------------------------

def cite(source: str, sentence: str = "s2") -> Citation:
    return Citation(source=source, sentence=sentence, start=0, end=10, text="…")


def fact(fid: str, text: str, outlets: int = 2, rank: float = 2.0, **kw) -> Fact:
    return Fact(id=fid, text=text, citations=tuple(cite(f"a{i}") for i in range(outlets)), outlets=outlets,
                rank=rank, **kw)


def linked(*facts: Fact) -> list[Fact]:
    """The facts as linking hands them on: each self-contained one marked so (``demote_repeats``)."""
    return demote_repeats(list(facts), [])


def ids(facts: list[Fact]) -> list[str]:
    return [f.id for f in facts]


def test_an_unresolved_fact_is_on_neither_the_overview_nor_the_key_facts_page():
    unclear = fact("f1", "He said the fleet would stay in port all week.", unresolved="He", rank=9.0)
    clear = fact("f2", "She said the quotas would be cut by half.", rank=1.0,
                 insertions=(Insertion(at=3, text="Ana Ruiz"),))
    assert key_facts([unclear, clear]) == [clear]
    assert ids(overview_facts(linked(unclear, clear))) == ["f2"]
    assert key_facts([unclear.__class__(**{**unclear.__dict__, "pinned": True})])  # the editor's pin wins


def test_the_overview_takes_corroborated_self_contained_facts_first():
    corroborated = fact("f1", "Ana Ruiz signed the harbour treaty in Lisbon.", outlets=3, rank=4.0)
    single = fact("f2", "Karl Berg presented the budget to parliament.", outlets=1, rank=5.0)
    quote = fact("f3", "“We will not give up a single boat, not one,” she said.", outlets=2, rank=6.0,
                 insertions=(Insertion(at=44, text="Ana Ruiz"),))
    scene = fact("f4", "There were flags on every mast in Lisbon harbour.", outlets=2, rank=7.0)
    opinion = fact("f5", "Karl Berg should resign before the vote.", outlets=2, rank=7.5)
    nameless = fact("f6", "the fleet stayed in port for a week.", outlets=2, rank=8.0)
    facts = [corroborated, single, quote, scene, opinion, nameless]
    assert ids(overview_facts(linked(*facts))) == ["f1"]
    assert [f.id for f in facts if self_contained(f)] == ["f1", "f2"]
    assert [f.id for f in linked(*facts) if f.self_contained] == ["f1", "f2"]  # linking marks them
    assert overview_facts(facts) == []  # rendering judges nothing: unmarked facts are not shown
# a briefing where nothing is corroborated shows its best self-contained single-outlet facts
    assert ids(overview_facts(linked(single, quote))) == ["f2"]
    assert len(overview_facts(linked(*(fact(f"g{i}", f"Ana Ruiz met envoy number {i}.") for i in range(12))))) == 8


def test_a_headline_line_unmarked_by_the_page_is_no_fact():
    from articles import make

    paras = ("Ruiz wins the harbour vote by twelve.",
             "Ana Ruiz won the harbour vote in Lisbon on Monday by twelve votes.",
             "The fishing fleet celebrated the result in the port until late at night.")
    pairs = [make(sid, outlet, "2031-03-04", *paras) for sid, outlet in (("a1", "Harbour Post"), ("b1", "Coast"))]
    titled = [Source(**{**src.__dict__, "title": lede_title(paras[0])}) for src, _x in pairs]
    texts = [f.text for f in link_briefing(titled, [x for _s, x in pairs]).facts]
    assert "Ruiz wins the harbour vote by twelve." not in texts and any(t.startswith("Ana Ruiz won") for t in texts)
    # with a title of their own, the first line is the lede: a fact like any other
    texts = [f.text for f in link_briefing([s for s, _x in pairs], [x for _s, x in pairs]).facts]
    assert "Ruiz wins the harbour vote by twelve." in texts


# -- the timeline --------------------------------------------------------------------------------

def event(text: str, expression: str, **kw) -> Event:
    return Event(id="e1", date="2031-03-02", precision="day", text=text, citations=(cite("a1"),),
                 expression=expression, **kw)


@pytest.mark.parametrize("text, expression", [
    ("Ana Ruiz was asked why she changed course when she had stated on Monday that she would not.", "on Monday"),
    ("Ruiz will face voters in a harbour in which most boats sank last month.", "last month"),
    ("Since June of last year, Ruiz has raised money in every port.", "last year"),
    ("“I will be neutral on Monday and loyal on Tuesday,” Ruiz said.", "on Monday"),
    ("The vote could come as soon as Tuesday or Wednesday, Ruiz said.", "Wednesday"),
    ("What each captain needs in Tuesday showdown.", "Tuesday"),
    ("If Ruiz wins the vote on Tuesday, the fleet will sail.", "on Tuesday"),
    ("Ruiz made the same promise on Monday in Lisbon.", "on Monday"),
    ("That's the lesson of the harbour vote on Tuesday.", "on Tuesday"),
    ("Ruiz noted on Monday that those plans run only to the spring.", "on Monday"),
    ("Ruiz toured the state on Monday with her aides.", "on Monday"),
    ("Ruiz (Last week: 2.)", "Last week"),
    ("just days after her win in the March 5 vote.", "March 5"),
    ("I sincerely hope that on March 8 the harbour reopens for good.", "March 8"),
    ("Ruiz met Bo Lind, who won the harbour vote on Monday, at the port.", "on Monday"),
    ("“It is doable, and it will be done by the spring,” Ruiz said on Monday.", "on Monday"),
    # the date in a relative clause or a participle phrase dates something else
    ("Ruiz sees a chance that did not exist two months ago, but the vote is close.", "two months ago"),
    ("Ruiz leads in the north, an issue that helped her beat Lind last month in Porto.", "last month"),
    ("In the harbour district, carried easily by Lind in February's vote, Ruiz won three seats.", "February"),
    ("The pier had hosted the Tall Ships Race, held in March, but the sponsor left.", "in March"),
    ("Ruiz has said little, offering nothing beyond a letter in May to the fleet.", "in May"),
    # the date of what came before or after what the sentence tells
    ("And 64 percent call Ruiz honest, after 55 percent said so in December.", "in December"),
    ("Ruiz led the last debate before the fleet votes Monday.", "Monday"),
    # a condition inside the sentence: nothing happened on that date
    ("Lind will run the port if Ruiz wins in November.", "in November"),
    ("Bo Lind backs Ruiz no matter how she does Tuesday.", "Tuesday"),
    # an aside between dashes dates the aside, not the sentence
    ("Against the years the pier took - Lind opened it three months ago - Ruiz's plan is quick.", "three months ago"),
    # "ahead of" what the date belongs to: the sentence tells what comes before it
    ("Ruiz and Lind sit atop most polls ahead of Monday's harbour vote.", "Monday"),
    ("Ahead of last week's harbour vote, Ruiz met the dockers.", "last week"),
    ("Entering Tuesday's harbour contests, Ruiz led Lind by 300 votes.", "Tuesday"),
    ("Ruiz's weak showing just days before Tuesday's harbour vote has emboldened Lind.", "Tuesday"),
    # an infinitive asked for: the act still to come when asked
    ("Ruiz chatted with dockers at the pier and urged them to vote Tuesday.", "Tuesday"),
    # a "while" clause, the edge of a span
    ("While many dockers are expected to back Ruiz in November, she has not changed her pitch.", "in November"),
    ("A judge ordered releases every month, beginning in June and ending next month.", "next month"),
    # a definite noun with an adverb after it still points back
    ("The union came out against it on Tuesday, dooming the measure just minutes later.", "on Tuesday"),
    # an apposition about the subject between commas
    ("Porto and Braga, the two largest ports on the calendar in March, are not waiting.", "in March"),
    ("Lind, himself up for a vote in 2033, said he backed the treaty.", "in 2033"),
    # a live blog's header
    ("LISBON (Wire) — The Latest on the harbour vote Tuesday (all times local): 9:15 p.m.", "Tuesday"),
    # words that point back into the article, or a quoted "he" nobody named
    ("The port board asked a judge on Friday to block the rules for the season.", "on Friday"),
    ("Bo Lind replied on Friday to reports that Ana Ruiz would back his opponent.", "on Friday"),
    ("In a message posted on Friday night, the account praised the strike at the pier.", "on Friday"),
    ("“It is a pity he did not come,” Ruiz said on Monday in Porto.", "on Monday"),
    # an aside between dashes, even with commas inside it
    ("Ruiz - who sacked Lind, the harbour master, on Tuesday after backing him - faces no recall.", "on Tuesday"),
    # a statement or act named only by whose it was, or a bare "the situation"
    ("Lind's remarks came on Sunday, a local paper reported.", "on Sunday"),
    ("The Harbour Gazette first reported Ruiz's decision earlier Sunday.", "Sunday"),
    ("By Thursday, Ruiz had dismissed the panel's findings in three interviews.", "By Thursday"),
    ("In a poll released Sunday, most dockers disliked how Ruiz had handled the situation.", "Sunday"),
    # the reader addressed: a pointer to the page, or a feature's aside
    # a weekday after "that report" is no object making "report" a verb
    ("Lind called that report Friday a plain lie.", "Friday"),
    ("Listen to the station’s analysis of Thursday's harbour debate in the clip above.", "Thursday"),
    ("Ruiz spoke at the pier on Tuesday, but chances are you missed it.", "on Tuesday"),
    ("March 3 marked 90 years since the great harbour fire destroyed the old quay.", "March 3"),
    ("The port held a service on Monday for the tenth anniversary of the flood.", "on Monday"),
    # a day summed up, and things only the article shows
    ("Tuesday was a very good day for Ana Ruiz and her harbour plan.", "Tuesday"),
    ("Last week proved that the harbour levy works, Ruiz argued.", "Last week"),
    ("Ruiz posted the following picture on Tuesday from the pier.", "on Tuesday"),
])
def test_entries_that_do_not_stand_alone_are_not_shown(text, expression):
    assert not stands_alone(event(text, expression))


@pytest.mark.parametrize("text, expression", [
    ("Ana Ruiz, the former mayor, signed the harbour treaty on Monday.", "on Monday"),  # main verb after an apposition
    ("Ruiz attacked Lind's plan for the pier, saying on Monday that it would fail.", "on Monday"),
    ("Ruiz said that the fleet sailed on Monday.", "on Monday"),  # a "that" of saying, no relative
    # a dateline's dash opens no aside; a dash after the date closes none
    ("PORTO — Ruiz signed the harbour treaty on Monday - and Lind walked out.", "on Monday"),
    # whose statement it was, with what it said or decided
    ("Ruiz's decision to close the pier came on Sunday.", "on Sunday"),
    ("Lind attacked Ruiz's remarks about the fleet on Monday.", "on Monday"),
    ("In her statement on Friday, Ruiz said the pier would close in May.", "on Friday"),
    ("Lind blasted the board on Tuesday for its decision not to renew the lease.", "on Tuesday"),
    ("“You can see the fleet has gone,” Ruiz told dockers on Monday in Porto.", "on Monday"),  # "you" quoted
])
def test_entries_whose_date_is_their_own_are_shown(text, expression):
    assert stands_alone(event(text, expression))


def coarse(text: str, expression: str, precision: str) -> Event:
    return Event(id="e1", date="2031-02", precision=precision, text=text, citations=(cite("a1"),),
                 expression=expression)


@pytest.mark.parametrize("text, expression, precision, shown", [
    # a participle phrase after the subject holds the date; the main verb comes after it
    ("A claim filed a year ago with the tribunal has forced the port to end its subsidies.", "a year ago",
     "year", False),
    ("The port board announced last month that it hired a new pilot.", "last month", "month", True),
    ("The harbour union endorsed Ruiz in February and canvassed for her in Porto.", "in February", "month", True),
    ("Ruiz has said that a fishing pact signed with Spain in July could ruin the fleet.", "in July", "month", False),
    ("Ruiz said the fishing pact was signed with Spain in July.", "in July", "month", True),
    # a month or a year is read strictly: a state, or a noun's period, is no event
    ("Now, in the heat of August, Lind is on the losing end of the port fight.", "of August", "month", False),
    ("The harbour races of 2031 drew the largest fleets.", "of 2031", "year", False),
    ("At the end of August, Lind resigned from the port board.", "end of August", "month", True),
])
def test_an_entry_dated_only_to_a_month_or_year_is_read_strictly(text, expression, precision, shown):
    assert stands_alone(coarse(text, expression, precision)) is shown


def story(n: int) -> list[Event]:
    """n entries, one per article, about the harbour vote."""
    return [Event(id=f"e{i}", date="2031-03-02", precision="day", expression="on Monday",
                  text=f"Dockers in district {i} backed Ana Ruiz in the harbour vote on Monday.",
                  citations=(cite(f"a{i}"),))
            for i in range(n)]


def test_an_entry_off_the_story_is_not_shown_once_the_timeline_draws_on_enough_articles():
    aside = Event(id="x", date="2031-03-03", precision="day", expression="on Tuesday", citations=(cite("b1"),),
                  text="Tokyo's Nikkei closed slightly higher on Tuesday after strong chip earnings.")
    near = Event(id="y", date="2031-03-03", precision="day", expression="on Tuesday", citations=(cite("b2"),),
                 text="Bo Lind conceded the harbour vote to Ruiz on Tuesday in Porto.")
    many = story(30)
    assert aside not in shown_events([*many, aside, near]) and near in shown_events([*many, aside, near])
    assert aside in shown_events([*story(5), aside])  # a handful of articles: every word may be the story's


def test_an_entry_that_stands_alone_is_shown_and_an_unresolved_one_only_when_pinned():
    good = event("Ana Ruiz signed the harbour treaty in Lisbon on Monday.", "on Monday")
    unclear = event("He signed the harbour treaty on Monday.", "on Monday", unresolved="He")
    assert stands_alone(good) and shown_events([good, unclear]) == [good]
    pinned = Event(**{**unclear.__dict__, "pinned": True})
    assert shown_events([pinned]) == [pinned]


@pytest.mark.parametrize("sentence", [
    "The port hired 160 guards for the festival, up from 90 last year.",
    "The fleet had 40 boats at sea as of earlier this month.",
])
def test_a_baseline_or_a_state_dates_no_event(sentence):
    art = article("The harbour festival opened in Lisbon.", sentence, date="2031-03-04")
    assert not [e for e in extract_events(art, split_sentences(art)) if e.citations[0].sentence == "s2"]


@pytest.mark.parametrize("sentence, published, expected", [
    # a past verb before the date governs it, not a "would" or "could" of a later verb
    ("Ana Ruiz struggled to answer a question on Sunday about how she would pay for the port.",
     "2031-03-04", "2031-03-02"),
    ("Ruiz has said that a fishing deal reached with Spain in July could ruin the fleet.", "2031-12-10", "2031-07"),
    # what a weekday owns that is scheduled is still to come, unless a past verb says it is done
    ("Ruiz holds a solid lead in Tuesday's harbour primary.", "2031-03-03", "2031-03-04"),
    ("Tuesday's primary results stunned the harbour board.", "2031-03-06", "2031-03-04"),
])
def test_a_date_takes_the_direction_of_its_own_verb(sentence, published, expected):
    art = article("The harbour festival opened in Lisbon.", sentence, date=published)
    dates = [e.date for e in extract_events(art, split_sentences(art)) if e.citations[0].sentence == "s2"]
    assert dates == [expected]


# -- rendering -----------------------------------------------------------------------------------

HOSTILE_NAME = "<script>alert(1)</script> *Ana* [x](javascript:1) {{ 7*7 }}"


def test_the_insertion_renders_in_its_own_span_in_brackets_and_hostile_text_is_escaped(tmp_path):
    text = "She told reporters the quotas would be cut by half."
    source = Source(id="a1", file="a1.txt", text=text, sentences=(), date="2031-03-04", publisher="Post")
    sent = Citation(source="a1", sentence="s1", start=0, end=len(text), text=text)
    source = Source(id="a1", file="a1.txt", text=text, date="2031-03-04", publisher="Post",
                    sentences=(split_sentences(article(text))[0],))
    ins = (Insertion(at=3, text=HOSTILE_NAME),)
    briefing = Briefing(
        meta=BriefingMeta(title="Briefing", topic="t", articles=1, outlets=1), sources=(source,),
        facts=(Fact(id="f1", text=text, citations=(sent,), outlets=1, rank=1.0, insertions=ins,
                    self_contained=True),),
        timeline=(Event(id="e1", date="2031-03-02", precision="day", text=text, citations=(sent,),
                        expression="", insertions=ins),))
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, ROOT / "templates")
    for page in ("index.md", "facts.md", "timeline.md"):
        md = (docs / page).read_text()
        assert '<span class="briefing-insertion"' in md, page
        assert "<script>" not in md and "{{" not in md and "](javascript" not in md, page
        assert "She <span class=\"briefing-insertion\"" in md and "</span> told reporters" in md, page
        assert "&#91;&lt;script&gt;" in md, page


def test_an_entry_dated_after_its_article_is_shown_only_when_it_says_the_happening_lies_ahead():
    published = {"a1": "2031-03-01"}  # event() dates its entries 2031-03-02, the day after
    ahead = event("The Dover Harbour Board will vote on the treaty on Monday.", "on Monday")
    read_forward = event("Ruiz's wins on Monday in Dover solidify her lead in the port race.", "on Monday")
    standing = event("Ruiz is the favourite in the port primary on Monday.", "on Monday")
    past = event("Ana Ruiz won the port primary in Dover on Monday.", "on Monday")  # a past Monday read forward
    assert shown_events([ahead, read_forward, standing, past], published) == [ahead]
    before = {"a1": "2031-03-05"}  # published after the date: past happenings are shown as before
    assert shown_events([past], before) == [past]
