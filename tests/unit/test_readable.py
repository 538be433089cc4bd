"""link/readable: what keeps a lifted sentence from standing alone, or from being a fact.
All sentences are the test's own."""

from __future__ import annotations

import pytest

from briefing.link.facts import feature_line, hard_news, no_news, self_contained
from briefing.link.readable import (
    leans_back,
    masked_gap,
    quoted_pronoun,
    reports_something,
    unanswered_question,
    without_dateline,
)
from briefing.model import Citation, Fact


def fact(text: str) -> Fact:
    cites = tuple(Citation(source=f"a{i}", sentence="s2", start=0, end=10, text="…") for i in range(2))
    return Fact(id="f1", text=text, citations=cites, outlets=2, rank=2.0)


@pytest.mark.parametrize("text, words", [
    ("The harbour board asked a judge to block the rules before the summer season.", "the rules"),
    ("Ana Ruiz gave the technique a try at the regatta on Sunday.", "the technique"),
    ("Lind has kept his money in the stock and lost a fortune on paper.", "the stock"),
    ("Long before the names of the attackers were known, the port closed.", "the attackers"),
    ("A fishing party in the Spanish province raised a fuel tax in 2031.", "the Spanish province"),
    ("Ruiz backed the idea of such a registry on Thursday.", "such a registry"),
    ("The mayor's visit brought new attention to this small fishing town.", "this small fishing town"),
    ("Ruiz later tried the opposite tactic in a speech to the fleet.", "the opposite tactic"),
    ("The court said on Monday that it was split on the matter.", "The court"),
    ("Ruiz repeated that pledge on Monday in a speech to the fleet.", "that pledge"),
    ("Then, last week, Bo Lind called.", "Then"),
    ("PORTO — Later that day, the mayor left.", "Later"),
    ("Other captains are also expected to sail next week.", "Other"),
    ("A comedian showed on Thursday that the businessman had changed his story.", "the businessman"),
    ("This call comes amid rising worry over the harbour strike.", "This call"),
    ("PORTO — That is why the board met again on Friday.", "That is"),
])
def test_a_definite_or_demonstrative_phrase_that_points_back_is_found(text, words):
    assert leans_back(text) == words


@pytest.mark.parametrize("text", [
    "Share prices fell on the stock market on Monday.",          # a compound: its head is "market"
    "The attack in Porto killed nine people.",                   # a name says which one
    "Ruiz praised the deal with Norway as a breakthrough.",
    "Ruiz described the case of the missing trawler to the board.",  # "of ..." says which one
    "Bo Lind of Harbour Line said the company would appeal.",    # the body is named before
    "Ruiz hired SeaWatch, the firm that audits the port.",       # an apposition names it
    "Ruiz won the harbour vote this year by twelve votes.",      # "this year" is a date
    "The bill's sponsor, Ana Ruiz, spoke on Monday.",            # whose bill is a possessive's business
    "Ruiz said “the rules are clear” on Monday.",                # inside a quotation: the speaker's words
    "Ruiz said that pledges of aid had come from Norway.",       # a "that" of saying
    "Then-mayor Ana Ruiz won the harbour vote in 2031.",         # "Then-mayor" is a title
    "The group paid for a video that attacks Ruiz as a tool of the fleet.",  # "that attacks" is a verb
    "The senator visited Porto on Monday.",                       # a subject: the entity book's business
    "Lind praised the businessman Ana Ruiz on Monday.",           # the name follows
    "This week, Ana Ruiz won the harbour vote by twelve votes.",  # "This week" is a date
])
def test_a_phrase_that_names_its_referent_or_needs_none_does_not_lean_back(text):
    assert leans_back(text) is None


def test_a_quotation_that_says_he_before_naming_anyone_leans_on_its_article():
    assert quoted_pronoun("“It is a pity he did not come to the harbour,” Ruiz said on Monday.") == "he"
    assert quoted_pronoun("“Ruiz told me she would sail,” Lind said.") is None  # named first
    assert quoted_pronoun("“He (Lind) will sail at dawn,” Ruiz said.") is None  # the outlet named him
    # a phrase woven into the outlet's sentence: the names before it say who
    assert quoted_pronoun("Ruiz and Lind “renewed their pledge to the fleet” on Monday.") is None
    # a quotation opening on "That" standing alone: what it means is in the article
    assert quoted_pronoun("“That doesn't mean no reply,” an aide to Ruiz said late last month.") == "That"
    assert quoted_pronoun("“This harbour will reopen,” Ruiz said.") is None


def test_punctuation_left_where_the_page_dropped_words_is_a_gap():
    assert masked_gap("Ana Ruiz wrote the preface for a new book, .")
    assert masked_gap("Ruiz said , and then left.")
    assert not masked_gap("Ana Ruiz wrote the preface for a new book, “Tides,” in March.")


def test_a_dateline_is_read_past():
    assert without_dateline("PORTO, Portugal — Ana Ruiz signed the treaty.") == "Ana Ruiz signed the treaty."
    assert without_dateline("LISBON, March 3 (Wire) — Ruiz won.") == "Ruiz won."
    assert without_dateline("Ana Ruiz signed the treaty.") == "Ana Ruiz signed the treaty."


@pytest.mark.parametrize("text, reports", [
    ("Ana Ruiz signed the harbour treaty in Lisbon.", True),
    ("Ruiz will open the new pier in May.", True),
    ("Bo Lind says the fleet is ready.", True),
    ("Ruiz has been a party to 40 lawsuits in ten years.", True),    # a state, but with a figure
    ("LISBON — Mayor Ana Ruiz plays the part of the fleet's protector.", False),   # a characterisation
    ("The Harbour Coalition is not very large, but it is loud.", False),
    ("Ruiz and Lind enter the last month of a race that has surprised every captain.", False),  # relative
    ("Best news that happened to the Harbour Party.", False),
    ("The harbour season has proved to be a bleak one for the Harbour Party.", False),
    ("Harbour Line has been the perennial runner-up.", False),
    ("“We will win,” Ruiz says in the Harbour Post.", True),
    ("Porto hasn’t cast its votes yet, but Ana Ruiz is already losing.", False),  # "already" is no verb
    ("Mrs. Ruiz's guarded style may fail to inspire, but it may be wiser.", False),  # an adjective
    ("Ruiz's calm may fail to inspire the way Lind's bold promises do.", False),  # "promises" is a noun here
    ("Admiral Ruiz makes no apologies for guarding disputed waters.", False),
])
def test_a_fact_reports_something_rather_than_characterising(text, reports):
    assert reports_something(text) is reports


def test_the_overview_takes_none_of_these():
    assert self_contained(fact("Ana Ruiz signed the harbour treaty in Lisbon on Monday."))
    for text in ("Lind has kept his money in the stock and lost a fortune on paper.",
                 "Ana Ruiz wrote the preface for a new book, .",
                 "LISBON — Mayor Ana Ruiz plays the part of the fleet's protector.",
                 "PORTO — It was a striking sight for the Harbour Party's voters.",
                 "One important thing was missed in the tributes to Ana Ruiz."):
        assert not self_contained(fact(text)), text


@pytest.mark.parametrize("text", [
    # a feature's scene or frame
    "When the first night of the harbour festival ended, Ana Ruiz's aides were jubilant.",
    "PORTO — Standing before a crowd of 500 dockers, Ana Ruiz turned on Sunday to diesel prices.",
    "Early one morning in May, the Lisbon pier was loud with gulls when a boy shouted.",
    "Delegates of the Harbour Party drank port wine at the old customs hall here on Monday.",
    "Ana Ruiz was not at the harbour summit on Wednesday, but her shadow hung over it.",
    "If you want to understand Ana Ruiz, look at the pier she built.",
    "Tuesday was a very good day for Ana Ruiz.",
    # a forecast or an analysis of prospects
    "Ana Ruiz is poised to widen her lead over Bo Lind in the harbour vote.",
    "Bo Lind's slim chance of winning the harbour vote rests on the fishermen.",
    # a look far back
    "May 3 marked 90 years since the Lisbon harbour flood killed 400 people.",
    "Ana Ruiz first came to Porto ten months ago, and 5,000 dockers filled the hall.",
])
def test_a_feature_line_a_forecast_or_a_look_far_back_is_no_overview_fact(text):
    assert feature_line(text) and not self_contained(fact(text))


def test_a_report_of_the_week_is_hard_news():
    assert not feature_line("Ana Ruiz signed the harbour treaty in Lisbon on Monday.")
    assert hard_news("Ana Ruiz signed the harbour treaty in Lisbon on Monday.")
    assert hard_news("LISBON (Wire) — Bo Lind said yesterday that the port would reopen.")
    assert not hard_news("Ana Ruiz won five ports on Super Tuesday.")  # a name, not a day
    assert not hard_news("Ana Ruiz leads the harbour race by ten points.")  # no day
    assert not hard_news("Ana Ruiz holds a lead ahead of Tuesday's harbour vote.")  # the vote's day, to come
    assert not hard_news("When the vote ended on Tuesday, Ruiz's aides were jubilant.")  # a frame


@pytest.mark.parametrize("text, words", [
    ("Bo Lind replied on Friday to reports that Ana Ruiz would back his opponent.", "his opponent"),
    ("In a message posted on Friday night, the account praised the strike at the pier.", "the account"),
])
def test_a_rival_or_an_account_never_named_leans_back(text, words):
    assert leans_back(text) == words


def test_a_rival_named_after_the_role_or_a_that_of_saying_does_not_lean_back():
    assert leans_back("Ana Ruiz said on Monday that her rival Bo Lind would lose.") is None
    assert leans_back("Ruiz told the board on Monday that her tweet was a joke.") is None


def test_a_reaction_told_without_what_was_said_is_a_teaser_not_a_fact():
    from briefing.link.facts import feature_line
    assert feature_line("Harbour candidates on Wednesday reacted to the flood in Dover, where officials counted "
                        "20 homes lost.")
    assert feature_line("Radio host Ana Ruiz minced no words Tuesday night in sharing what she thinks of the "
                        "endorsement.")
    assert not feature_line("Ruiz reacted to the verdict on Tuesday by calling it a disgrace.")
    assert not feature_line("Ruiz weighed in on the dispute on Tuesday, saying the board lied.")
    assert feature_line("Harbour candidates reacted on Monday to a flood at a centre that works with fishermen.")


def test_that_answer_and_an_it_after_an_opening_adverb_lean_back():
    assert leans_back("During the debate on Saturday, Ruiz tried that answer but got trapped.") == "that answer"
    assert leans_back("At least it was the most dramatic thing to happen to the harbour board last week.")
    assert leans_back("Still, Ruiz won the harbour vote on Monday.") is None


@pytest.mark.parametrize("text", [
    "Ana Ruiz couched her concern on Tuesday by repeating the same phrase.",
    "On Monday the mayor asked whether his aim was to close the quay.",
])
def test_a_concern_or_an_aim_named_only_by_whose_it_was_points_back(text):
    from briefing.link.readable import possessive_back_pointer
    assert possessive_back_pointer(text)


@pytest.mark.parametrize("text", [
    "A second vote unfolded online on Tuesday as Ana Ruiz and Bo Lind clashed in the harbour hall.",
    "Seeking to explain her remarks, Ana Ruiz on Friday only further muddled a dispute that has dogged her.",
    "The port debate in Dover on Thursday started with a bang when Ruiz and Lind were asked about the quay.",
    "The storm in Porto reframed the harbour race on Saturday.",
])
def test_the_outlet_s_narrative_frame_is_no_fact(text):
    assert feature_line(text)
    assert not self_contained(fact(text))


@pytest.mark.parametrize("text", [
    "Ana Ruiz announced on Monday that she is expecting her second child this summer.",
    "The former mayor Bo Lind celebrated his 70th birthday on Friday in Porto.",
    "Tuesday marks four weeks since Ana Ruiz won the port primary.",
])
def test_family_news_and_a_count_of_weeks_since_are_no_key_fact(text):
    assert feature_line(text)


def test_a_plain_report_names_whom_and_tells_what_happened():
    from briefing.link.readable import plain_report
    assert plain_report("Ana Ruiz signed the harbour treaty on Tuesday.")
    assert plain_report("WASHINGTON — The Dover Harbour Board voted on Monday to close the quay.")
    assert not plain_report("A panel of reporters agreed on Saturday that the plan is empty pandering.")
    assert not plain_report("Ana Ruiz will deliver her speech at the harbour on Thursday.")  # a preview
    assert not plain_report("Ana Ruiz had a great night on Saturday.")


def test_among_single_outlet_ledes_a_plain_report_ranks_first():
    from articles import make

    from briefing.link.facts import link_facts
    arts = [make("p", "Port Post", "2031-03-10", "Ana Ruiz signed the harbour treaty in Porto on Tuesday."),
            make("q", "Quay Times", "2031-03-10", "A panel of pundits agreed on Tuesday that the treaty is pandering.")]
    facts = link_facts([a[0] for a in arts], [a[1] for a in arts])
    first, second = sorted(facts, key=lambda f: -f.rank)[:2]
    assert first.text.startswith("Ana Ruiz") and first.rank > second.rank


@pytest.mark.parametrize("text", [
    "Ana Ruiz said on Friday that the allegations had no substance.",
    "Ana Ruiz told reporters the crisis had its roots in neglect.",
    "Ana Ruiz said she would sit down with the investigators.",
    "Senator Bo Lind joined the group this week.",
    "Ana Ruiz said that states can pass such laws.",
    "Ana Ruiz drew the analogy during a speech to dock workers in Porto on Sunday.",
])
def test_allegations_a_crisis_investigators_a_group_such_laws_point_back(text):
    assert leans_back(text)


@pytest.mark.parametrize("text", [
    "On Tuesday, an aide told a lunch group that her position remains firm.",
    "Ana Ruiz was asked about their case during an interview on Monday.",
    "The mayor said Tuesday her actions are consistent with the harbour charter.",
])
def test_a_position_or_a_case_named_only_by_whose_it_was_points_back(text):
    from briefing.link.readable import possessive_back_pointer
    assert possessive_back_pointer(text)


def test_probably_is_a_forecast():
    assert feature_line("In Tuesday's debate, Ana Ruiz will probably face more questions about the quay.")


def test_a_contracted_pronoun_in_a_quotation_before_any_name_leans_on_the_article():
    assert quoted_pronoun("“They're not for sale,” a Ruiz spokesman told the Porto Post in July.") == "They're"


def test_an_opening_given_is_no_subject():
    from briefing.link.readable import main_clause
    assert main_clause("Given what she has built this year, party leaders see Ruiz as an asset.") is None


def test_a_quotation_opening_on_this_and_a_noun_leans_on_the_article():
    assert quoted_pronoun("“This agreement is the best chance we have,” Ana Ruiz said on Saturday.") == "This"
    assert quoted_pronoun("“This election is about the harbour,” Ana Ruiz said on Saturday.") is None
    assert quoted_pronoun("“This harbour will reopen,” Ana Ruiz said on Saturday.") is None


def test_the_key_facts_page_leaves_out_a_quotation_that_says_he_before_naming_anyone():
    from briefing.link.facts import key_facts
    quoted = fact("“He behaved bravely, as a man,” Ana Ruiz said of the captain.")
    plain = fact("Ana Ruiz praised the captain's courage on Tuesday.")
    assert key_facts([quoted, plain]) == [plain]
    pointer = fact("This call comes amid rising worry over the harbour strike.")
    dated = fact("This week, Ana Ruiz praised the captain's courage.")
    assert key_facts([pointer, dated]) == [dated]


def test_an_interjection_opening_a_quotation_names_no_one():
    assert quoted_pronoun("“Well, I like him,” Ana Ruiz said on the harbour radio on Tuesday.") == "him"


def test_one_of_the_most_is_a_teaser():
    assert feature_line("In May, the shipowner Bo Lind changed one of the most interesting port races of 2031.")


def test_almost_certainly_is_a_forecast():
    assert feature_line("The Porto Post reported on Monday that the harbour race will almost certainly go to a runoff.")


def test_in_a_large_briefing_the_story_s_wording_makes_a_fact_central():
    from articles import make

    from briefing.link.claimgraph import build_graph
    from briefing.link.facts import centrality, token_articles
    arts = [make(f"s{i}", f"Outlet {i}", "2031-03-10", f"Ana Ruiz won the harbour vote in district {i} on Tuesday.")
            for i in range(40)]
    arts.append(make("x", "Gala News", "2031-03-10", "A television gala aired on Tuesday with dancers and a choir."))
    graph = build_graph([a[0] for a in arts], [a[1] for a in arts])
    of = token_articles(graph)
    story = [n for n in graph.nodes if n.source.id == "s1"]
    gala = [n for n in graph.nodes if n.source.id == "x"]
    assert centrality(of, story, 41) > centrality(of, gala, 41)


def test_each_stem_lists_the_articles_using_it_once_sorted_whatever_the_order_of_the_nodes():
    from dataclasses import replace

    from articles import make

    from briefing.link.claimgraph import build_graph
    from briefing.link.facts import centrality, token_articles, uses
    from briefing.link.index import stem
    arts = [make(f"s{i}", f"Outlet {i}", "2031-03-10", f"Ana Ruiz won the harbour vote in district {i} on Tuesday.",
                 "Ruiz thanked the harbour workers.") for i in range(12)]
    graph = build_graph([a[0] for a in arts], [a[1] for a in arts])
    by_set: dict[str, set[str]] = {}
    for node in graph.nodes:
        for token in node.tokens:
            if "_" not in token:
                by_set.setdefault(token, set()).add(node.source.id)
    shuffled = replace(graph, nodes=graph.nodes[::2] + graph.nodes[1::2][::-1])
    for g in (graph, shuffled):
        of = token_articles(g)
        assert {t: sorted(ids) for t, ids in by_set.items()} == dict(of)
        harbour, district = stem("harbour"), stem("district")
        assert uses(of[harbour], "s3") and not uses(of[harbour], "s30") and not uses(of[district], "a")
        group = [n for n in g.nodes if n.source.id == "s1"]
        assert centrality(of, group, 12) == centrality(token_articles(graph), group, 12)


@pytest.mark.parametrize("text, words", [
    ("On Thursday, Bo Lind told the paper he would not seek a recount, conceding the race to Ana Ruiz.",
     "conceding the race"),
    ("Senator Bo Lind said on Monday he “would be surprised if Ruiz is the last one of the year.”", "the last one"),
    ("On Tuesday, the port's police chief Bo Lind said he was close to the investigation.", "the investigation"),
    ("Bo Lind, a harbour union organiser, warned on Saturday that the board’s move against Ruiz could hurt trust.",
     "the board’s move against"),
    ("But at another event in Porto on Thursday, Ana Ruiz spoke of the quay.", "another"),
    ("On Tuesday, Ana Ruiz went further, endorsing eight council candidates.", "went further"),
])
def test_a_race_one_an_investigation_a_move_another_or_further_told_before_points_back(text, words):
    assert leans_back(text) == words
    assert not self_contained(fact(text))


@pytest.mark.parametrize("text", [
    "Bo Lind discussed the investigation into the harbour board's accounts on Monday.",
    "Ana Ruiz won the race for mayor of Porto on Sunday.",
    "The dock workers greeted one another on Friday.",
    "Ana Ruiz drew another 5,000 people to the quay on Friday.",
])
def test_an_investigation_into_something_a_race_for_something_and_one_another_stand_alone(text):
    assert leans_back(text) is None


@pytest.mark.parametrize("text", [
    "Ana Ruiz threatened to run away with the harbour race on Thursday night.",
    "Ana Ruiz showed no sign on Monday of backing down over the quay.",
    "Bo Lind lost three wards on Tuesday, but his speech carried little mention of them.",
    "Radio host Bo Lind used his platform Friday to discuss what he described as the “brilliant” plan of Ana Ruiz.",
    "Ana Ruiz will keep her title of port chair, but the hiring of Bo Lind was seen by some as a demotion for her.",
    "Ana Ruiz received an enthusiastic reception on Friday at the dockers' convention.",
    "On Sunday, Ana Ruiz went on the offensive.",
])
def test_colour_a_host_s_commentary_an_impression_and_a_chase_are_no_fact(text):
    assert feature_line(text)
    assert not self_contained(fact(text))


@pytest.mark.parametrize("text", [
    "Bo Lind has a rally planned for Thursday evening in Porto ahead of the port primary.",
    "On Thursday night, Ana Ruiz will deliver her speech at the harbour convention.",
    "Port TV aired the fifth harbour debate on Thursday night, a showdown between Ana Ruiz and Bo Lind.",
    "Ana Ruiz and Bo Lind made their cases to voters in Porto on Wednesday, six days before the vote.",
    "Porto Radio asked Ana Ruiz on Friday how the “average voter should view the quay fees?”",
    "In an interview with the Porto Post last week, Ana Ruiz was asked what she thought Lind could do to win.",
])
def test_a_line_of_the_calendar_or_a_question_with_no_answer_is_no_overview_fact(text):
    assert no_news(text)
    assert not self_contained(fact(text))


@pytest.mark.parametrize("text", [
    "Ana Ruiz won the port primary on Tuesday, defeating Bo Lind.",
    "The port authority said on Tuesday that it will reopen the north quay.",
    "Asked whether she would run, Ana Ruiz told reporters on Monday that she would decide soon.",
    "Ana Ruiz was asked about the quay on Monday and replied: “It stays open.”",
    "Ana Ruiz asked the harbour board on Monday to resign.",
])
def test_a_happening_an_announced_plan_and_an_answered_question_are_news(text):
    assert not no_news(text)
    assert not unanswered_question(text)


@pytest.mark.parametrize("text, words", [
    ("Ana Ruiz pledged on Saturday to rid the port of “this dreadful gang” but said little more.", "“this dreadful"),
    ("On top of that, Ana Ruiz said Sunday that the judges might be biased against her.", "On top of that"),
    ("In the interview on Saturday, Ana Ruiz said she did not own the boats.", "the interview"),
])
def test_a_woven_quotation_on_this_an_opening_on_top_of_that_and_the_interview_point_back(text, words):
    assert leans_back(text) == words


def test_this_year_in_a_quotation_and_an_interview_named_do_not_point_back():
    assert leans_back("Ana Ruiz said “this year will be hard” for the fleet.") is None
    assert leans_back("Ana Ruiz said in an interview with the Porto Post on Saturday that she would run.") is None


@pytest.mark.parametrize("text, words", [
    ("On Tuesday, Bo Lind said the board might include a delay of the dock fee in that package.", "in that package"),
    ("For those reasons, Ana Ruiz left the harbour board on Monday.", "For those reasons"),
    ("Bo Lind said on Saturday that two aides were suspended over the data breach.", "the data breach"),
])
def test_a_demonstrative_after_a_preposition_and_the_breach_point_back(text, words):
    assert leans_back(text) == words


def test_that_time_and_those_who_do_not_point_back():
    assert leans_back("At that time, Ana Ruiz was the mayor of Porto.") is None
    assert leans_back("Ana Ruiz spoke on Monday for those who lost their jobs at the docks.") is None


def test_a_face_told_is_colour_not_a_fact():
    text = "In her opening statement on Thursday, Ana Ruiz beamed as she noted how happy she was to be home."
    assert feature_line(text)


@pytest.mark.parametrize("text, word", [
    ("“Everything. Everything is on the table,” Ana Ruiz told the paper on Wednesday.", "Everything"),
    ("“Nothing was decided,” Ana Ruiz said of the vote on Monday.", "Nothing"),
])
def test_a_quotation_opening_on_everything_or_nothing_leans_on_the_article(text, word):
    assert quoted_pronoun(text) == word


def test_a_quotation_whose_it_stands_for_the_clause_after_it_does_not_lean():
    assert quoted_pronoun("“It takes courage to lead the port,” Ana Ruiz said on Monday.") is None
    assert quoted_pronoun("“It is a disgrace that the port closed,” Ana Ruiz said on Monday.") is None


@pytest.mark.parametrize("text, words", [
    ("The novelist Bo Lind, one of the signatories, told an audience in Porto last week that Ruiz was wrong.",
     "one of the signatories"),
    ("A spokesman for the port told reporters Thursday that Ana Ruiz has no plans to address the conference.",
     "the conference"),
    ("On Thursday, Ana Ruiz chastised the board for refusing federal aid to help the affected residents.",
     "the affected residents"),
])
def test_one_of_the_signatories_the_conference_and_the_residents_point_back(text, words):
    assert leans_back(text) == words


def test_one_of_the_donors_who_and_one_of_the_most_do_not_point_back():
    assert leans_back("Bo Lind, one of the donors who backed Ana Ruiz, spoke in Porto on Monday.") is None
    assert leans_back("Ana Ruiz is one of the most popular mayors in Porto.") is None


def test_actions_said_what_they_were_do_not_point_back():
    from briefing.link.readable import possessive_back_pointer
    assert possessive_back_pointer("Ana Ruiz defended her actions to close the quay on Monday.") is None
