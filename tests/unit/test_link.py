"""link: claims of several articles -> facts, disputes, discrepancies and a timeline."""

from dataclasses import replace

import pytest
from articles import article, make

from briefing.extract import extract_article
from briefing.link.claimgraph import build_graph
from briefing.link.disputes import UNNAMED, link_discrepancies, link_disputes, side_of, stance_of
from briefing.link.facts import link_facts
from briefing.link.index import UnionFind, candidate_pairs, content_tokens, idf_weights, stem
from briefing.link.outlets import UNKNOWN_OUTLET, outlet_of
from briefing.link.timeline import link_timeline
from briefing.model import Citation, Fact, Insertion, Source
from briefing.sentences import split_sentences

ARTICLES = [
    make("a", "Harbour Times", "2023-03-10",
         "The harbour authority closed the old swing bridge on Wednesday after inspectors found a crack.",
         "A report by Brightwater Engineering said the bridge had been repaired at least four times since 2019.",
         "The mayor's office denied the report, calling it exaggerated.",
         "Shops on Harbour Street said trade fell sharply during the closure."),
    make("b", "Valley Courier", "2023-03-10",
         "Inspectors found a crack in the old swing bridge, which the harbour authority closed on March 7.",
         "According to Brightwater Engineering, the bridge had been repaired as many as four times since 2018.",
         "A council spokesperson confirmed that the repairs had been made.",
         "The ferry company reportedly plans to add two extra crossings a day.",
         "Harbour Street shopkeepers said their trade fell sharply while the bridge was shut."),
    make("c", None, "2023-03-11",
         "Rowers held a regatta on the river on Saturday, weeks after the spring floods.",
         "Organisers said more than two hundred boats took part in the race."),
]
SOURCES = [a[0] for a in ARTICLES]
EXTRACTIONS = [a[1] for a in ARTICLES]


def cited_sources(item) -> set[str]:
    cites = list(getattr(item, "citations", ()))
    for part in (*getattr(item, "sides", ()), *getattr(item, "versions", ())):
        cites += list(part.citations)
    return {c.source for c in cites}


def test_stems_merge_inflections_spellings_and_number_words():
    assert stem("spoke") == stem("speaking") == "speak"
    assert stem("seven") == "7"
    assert stem("bridges") == stem("bridge") and stem("Zelenskyy") == stem("Zelensky")
    assert content_tokens("The bridges were repaired, reportedly.") == ["bridge", "repair", "report"]


def test_candidate_pairs_block_on_shared_rare_words_only():
    sets = [frozenset({"bridge", "crack", "harbour"}), frozenset({"bridge", "crack", "ferry"}),
            frozenset({"regatta", "river"}), frozenset({"regatta", "boat"})]
    assert candidate_pairs(sets, idf_weights(sets)) == [(0, 1), (2, 3)]


def test_union_find_groups_are_sorted_and_deterministic():
    union = UnionFind(5)
    union.union(3, 1)
    union.union(4, 3)
    assert union.groups() == [[0], [1, 3, 4], [2]]


def test_outlet_is_the_publisher_else_the_host_else_unknown():
    assert outlet_of(SOURCES[0]) == "Harbour Times"
    assert outlet_of(Source(id="x", file="x.txt", text="", sentences=(), url="https://www.example.org/a")) \
        == "example.org"
    assert outlet_of(SOURCES[2]) == UNKNOWN_OUTLET  # no publisher, no URL: not an outlet of its own


def test_the_same_fact_from_two_outlets_is_one_fact_citing_both():
    facts = link_facts(SOURCES, EXTRACTIONS)
    trade = [f for f in facts if "trade fell" in f.text]
    assert len(trade) == 1 and trade[0].outlets == 2
    assert cited_sources(trade[0]) == {"a", "b"}
    # Dated differently ("on Wednesday" / "on March 7"), the closure is no corroborated fact:
    # it is a discrepancy (see below), and each outlet's sentence stands on its own.
    bridge = [f for f in facts if "bridge" in f.text and "crack" in f.text]
    assert len(bridge) == 2 and all(f.outlets == 1 for f in bridge)
    assert facts[0].outlets == 2  # corroborated facts rank above single-outlet ones
    assert [f.rank for f in facts] == sorted((f.rank for f in facts), reverse=True)
    assert any(f.outlets == 1 for f in facts)  # single-outlet facts still appear, lower
    for fact in facts:
        for cite in fact.citations:
            source = next(s for s in SOURCES if s.id == cite.source)
            assert source.text[cite.start:cite.end] == cite.text


def test_a_denial_and_a_confirmation_join_the_claim_they_answer():
    disputes = link_disputes(SOURCES, EXTRACTIONS)
    repairs = [d for d in disputes if "repaired" in d.text]
    assert len(repairs) == 1
    stances = {s.stance for s in repairs[0].sides}
    assert {"denied", "confirmed"} <= stances
    assert cited_sources(repairs[0]) == {"a", "b"}
    denied = next(s for s in repairs[0].sides if s.stance == "denied")
    assert denied.by == "The mayor's office"
    assert disputes[0] is repairs[0]  # answered and corroborated: ranked first
    assert all(s.citations for d in disputes for s in d.sides)


def test_a_lone_hedged_claim_is_listed_as_unconfirmed_but_plain_statements_are_not():
    texts = [d.text for d in link_disputes(SOURCES, EXTRACTIONS)]
    assert any("ferry company reportedly" in t for t in texts)
    assert not any("regatta" in t for t in texts)


def test_qualifier_year_and_date_discrepancies_show_both_versions():
    found = {d.kind: d for d in link_discrepancies(SOURCES, EXTRACTIONS)}
    qualifier = found["qualifier"]
    assert sorted(v.value for v in qualifier.versions) == ["as many as four times", "at least four times"]
    assert cited_sources(qualifier) == {"a", "b"}
    years = [d for d in found.values() if {v.value for v in d.versions} == {"2018", "2019"}]
    assert years
    day = found["weekday"]  # "on Wednesday" (March 8) against "March 7"
    assert {v.value for v in day.versions} == {"on Wednesday (2023-03-08)", "March 7 (2023-03-07)"}


def test_timeline_is_sorted_and_cited_and_merges_the_same_happening():
    timeline = link_timeline(SOURCES, EXTRACTIONS)
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    assert ("2023-03-11", "day") in {(e.date, e.precision) for e in timeline}  # "on Saturday", from c
    assert all(e.citations for e in timeline)
    again = link_timeline(list(reversed(SOURCES)), list(reversed(EXTRACTIONS)))
    assert again == timeline


def test_a_claim_going_on_from_the_same_named_source_joins_its_dispute():
    source, extraction = make("d", "Delta Post", "2023-03-10",
                              "The contractor paid the mayor twice, the Delta Ledger reported on Monday.",
                              "According to the Delta Ledger, a third payment followed in June.",
                              "The weather was mild all week and the river stayed calm.")
    disputes = link_disputes([source], [extraction])
    assert len(disputes) == 1
    assert {c.sentence for side in disputes[0].sides for c in side.citations} == {"s1", "s2"}


def test_a_denial_that_states_its_claim_answers_an_allegation_in_another_article():
    first = make("e", "East Star", "2023-02-08",
                 "A strong storm flooded the harbour district early on Monday, officials said.",
                 "The port authority has denied reports that flood warnings were ignored.")
    second = make("w", "West Sun", "2023-02-08",
                  "Port officials reportedly ignored flood warnings issued by forecasters last week.",
                  "Fishing boats stayed in the shelter of the breakwater all night.")
    disputes = link_disputes([first[0], second[0]], [first[1], second[1]])
    warned = [d for d in disputes if "warnings" in d.text]
    assert len(warned) == 1
    assert {(s.stance, s.citations[0].source) for s in warned[0].sides} == {("alleged", "w"), ("denied", "e")}


FILLERS = ("Gulls circled the quay.", "The tide turned at noon.", "Two trawlers came in late.",
           "Low fog kept the ferries in port.", "Rain fell on the quay all morning.")


def dispute_texts(source_id: str, *sentences: str) -> list[str]:
    """Sentences of one article, each its own paragraph with an unrelated line between
    (consecutive reports would join one account) -> the texts of the disputes it opens."""
    paragraphs = [p for k, sentence in enumerate(sentences) for p in (sentence, FILLERS[k % len(FILLERS)])]
    source, extraction = make(source_id, "Delta Post", "2023-03-10", *paragraphs[:-1])
    return [d.text for d in link_disputes([source], [extraction])]


def test_a_report_no_one_answers_is_an_item_only_as_a_news_organisations_or_unnamed_sources_account():
    texts = dispute_texts("r", "The harbour deficit will end this year, the budget office reported on Tuesday.",
                          "According to Councillor Ana Ruiz, the inquiry was partly responsible for the audit.",
                          "The contractor will win the tender, a new analysis by the Delta Ledger reported.",
                          "The independent news outlet Harbour Watch reported on May 6 that the mayor had met "
                          "the contractor through a cousin.",
                          "The mayor paid the contractor twice, according to people familiar with the deal.")
    assert not any("deficit" in t or "inquiry" in t or "tender" in t for t in texts)
    assert any("cousin" in t for t in texts) and any("paid the contractor" in t for t in texts)


def test_a_first_person_sentence_outside_quotation_marks_opens_no_dispute_in_the_outlets_name():
    source, extraction = make("q", "Delta Post", "2023-03-10",
                              "I said when I left the council that I would not stay silent. What I don't think they "
                              "do enough is push back on the story that the harbour plan was a failure.")
    assert not [d for d in link_disputes([source], [extraction]) if "push back" in d.text]


def test_a_denial_alone_that_only_points_back_at_a_claim_is_no_item():
    texts = dispute_texts("p", "The mayor's aide has denied that that was the case, and he still advises her.",
                          "The mayor denied the accusations through a spokeswoman, calling Ruiz a bitter clerk.",
                          "The port chief dismissed that suggestion as a sign of panic.",
                          "The harbour board has pushed back against accusations of favouritism in the tender.",
                          "The council rejected the notion that it had hidden the audit from voters.")
    assert not any("the case" in t or "accusations through" in t or "suggestion" in t for t in texts)
    assert any("favouritism" in t for t in texts) and any("hidden the audit" in t for t in texts)


def test_a_reply_whose_pronoun_is_unclear_is_no_item_and_never_the_outlets_word():
    art = article("Gulls circled the quay as the ferries came in.",
                  "She has pushed back against accusations of favouritism in the harbour tender.",
                  date="2023-03-10", source_id="u")
    sentences = tuple(split_sentences(art))
    extraction = extract_article(art, sentences)
    source = Source(id="u", file="u.txt", text=art.text, sentences=sentences, date="2023-03-10", publisher="Delta Post")
    assert [c.unresolved for c in extraction.claims][-1]
    assert not [d for d in link_disputes([source], [extraction]) if "favouritism" in d.text]


def test_a_documents_report_with_only_a_non_answer_is_no_dispute():
    source, extraction = make("n", "Delta Post", "2023-03-10",
                              "The mayor has invested in two dredging firms, according to financial documents she "
                              "filed with the state.",
                              "The mayor's office did not respond to emailed questions about the investments.")
    assert not link_disputes([source], [extraction])


def test_whom_an_allegedly_is_said_of_is_not_who_alleges_it():
    source, extraction = make("w", "Delta Post", "2023-03-10",
                              "Councillor Ana Ruiz weighed in on allegations against Bo Lind's campaign manager, who "
                              "allegedly shoved a reporter last week.")
    claim = replace(extraction.claims[0], attributed_to="Bo Lind's campaign manager")  # as the book may resolve "who"
    sides = [s for d in link_disputes([source], [replace(extraction, claims=(claim,))]) for s in d.sides]
    assert sides and all(s.by != "Bo Lind's campaign manager" for s in sides)
    source, extraction = make("v", "Delta Post", "2023-03-10",
                              "The port chief allegedly shoved a reporter, according to the Delta Ledger.")
    assert [s.by for d in link_disputes([source], [extraction]) for s in d.sides] == ["Delta Ledger"]


def test_a_report_named_as_the_subject_of_reported_keeps_its_allegedly():
    source, extraction = make("y", "Delta Post", "2023-03-10",
                              "The port chief allegedly shoved a reporter at the quay, the Delta Ledger reported.",
                              "Gulls circled the quay.",
                              "The harbour master reportedly sold two berths to a cousin.")
    by = {d.text[:14]: [s.by for s in d.sides] for d in link_disputes([source], [extraction])}
    assert by == {"The port chief": ["Delta Ledger"], "The harbour ma": ["an unnamed source"]}


def test_rejecting_an_argument_of_what_should_or_could_be_is_no_denial_of_a_claim():
    source, extraction = make("z", "Delta Post", "2023-03-10",
                              "Ruiz rejected the notion that the council could legitimately walk away from the deal.",
                              "Gulls circled the quay.",
                              "Lind rejected the notion that the flood should be forgotten.",
                              "The tide turned at noon.",
                              "Marsh has denied that she would seek a third term.")
    texts = [d.text for d in link_disputes([source], [extraction])]
    assert not any("walk away" in t or "forgotten" in t for t in texts) and any("third term" in t for t in texts)


def test_whom_an_accusation_is_about_never_takes_its_side_and_a_partys_own_words_are_its_allegation():
    source, extraction = make("t", "Delta Post", "2023-03-10",
                              "A harbour charity accused of funding council trips may have paid for three more.",
                              "The charity's director, Ana Ek, denied that it had funded any council trips.")
    claim = replace(extraction.claims[0], attributed_to="A harbour charity")  # as the phrase finder may give
    sides = [s for d in link_disputes([source], [replace(extraction, claims=(claim, *extraction.claims[1:]))])
             for s in d.sides]
    assert sides and all(s.by != "A harbour charity" for s in sides)
    source, extraction = make("s", "Delta Post", "2023-03-10",
                              "Mayor Ana Ruiz accused the harbour board of hiding the audit from voters.",
                              "“The board hid the audit from every voter in this town,” Ruiz said.",
                              "The harbour board denied that it hid the audit.")
    stances = {(s.stance, s.by) for d in link_disputes([source], [extraction]) for s in d.sides}
    assert ("reported", "Ana Ruiz") not in stances and ("alleged", "Ana Ruiz") in stances


@pytest.mark.parametrize("plain", [
    "Ruiz has won the Dover primary, according to three television networks.",  # a result cited
    "Four casinos reported year-over-year revenue declines in the months that followed.",  # no "reported that"
])
def test_a_news_organisations_account_is_relayed_only_through_reported_that(plain):
    texts = dispute_texts("x", plain, "The Harbour Gazette reported on Nov. 6 that the mayor had met the contractor "
                          "in secret.")
    assert not any(plain[:20] in t for t in texts) and any("in secret" in t for t in texts)


def test_an_account_only_reported_gives_way_to_an_alleged_one_when_the_list_is_full(monkeypatch):
    import briefing.link.disputes as disputes_module
    source, extraction = make("k", "Delta Post", "2023-03-10",
                              "The Harbour Gazette reported on Nov. 6 that the mayor had met the contractor in secret.",
                              "Gulls circled the quay.",
                              "Councillor Bo Lind accused the port board of hiding the audit from voters.")
    assert len(link_disputes([source], [extraction])) == 2
    monkeypatch.setattr(disputes_module, "MIN_DISPUTES", 1)
    monkeypatch.setattr(disputes_module, "PER_ARTICLE", 1)
    assert ["hiding the audit" in d.text for d in link_disputes([source], [extraction])] == [True]


def test_an_accusation_whose_charge_is_a_quoted_label_is_a_jab_not_a_claim():
    texts = dispute_texts("j", "Councillor Bo Lind accuses the mayor of “steering from the back seat” on the harbour.",
                          "Councillor Ana Ruiz accused the port board of hiding the audit from voters.")
    assert not any("back seat" in t for t in texts) and any("hiding the audit" in t for t in texts)


def test_allegations_made_by_someone_are_theirs_when_the_sentence_says_what_they_are():
    source, extraction = make("m", "Delta Post", "2023-03-10",
                              "The dean said on Tuesday that he had examined the detailed allegations made by Harbour "
                              "Oil Company. that the school's reporters invented two sources.")
    assert [s.by for d in link_disputes([source], [extraction]) for s in d.sides] == ["Harbour Oil Company"]
    texts = dispute_texts("n", "The dean said on Tuesday that he had examined the detailed allegations made by Harbour "
                          "Oil against the school's reporters.",
                          "Ruiz said the harbour allegations are just more evidence that the board is a fraud.",
                          "As proof of his allegation, Lind pointed to an old speech by the mayor.",
                          "Harbour Oil faces allegations that it rigged the tender.",
                          "The port board faces allegations of fraud in the tender.")
    assert texts == ["Harbour Oil faces allegations that it rigged the tender.",
                     "The port board faces allegations of fraud in the tender."]


def test_a_verdict_on_claims_it_does_not_state_opens_no_dispute():
    texts = dispute_texts("v", "Some of the candidates' best moments came when they made statements that turned out "
                          "to be untrue.",
                          "The board asked the prosecutor to probe claims the mayor made at the hearing last fall that "
                          "have proved false.",
                          "The mayor denied claims that she had met the contractor.")
    assert texts == ["The mayor denied claims that she had met the contractor."]


@pytest.mark.parametrize("jab", [
    "Councillors accused each other of playing games with the harbour budget.",  # a quarrel both ways
    "The councillor hit back by accusing the mayor of pandering to the harbour lobby.",  # a characterisation
    "Lind answered by calling Ruiz “sleepy” and accusing her of wanting to sell the port.",  # name-calling
    "In a fiery speech, Lind called the mayor divisive and accused her of keeping voters from the audit.",
    "Critics accused the port board of throwing away its best lever.",  # a camp, not a party, and no answer
    "Some Republicans quickly accused the mayor of politicizing the flood.",
])
def test_quarrels_jabs_and_a_camps_unanswered_criticism_open_no_dispute(jab):
    texts = dispute_texts("q", jab, "Councillor Ana Ruiz accused the port board of hiding the audit from voters.")
    assert texts == ["Councillor Ana Ruiz accused the port board of hiding the audit from voters."]


@pytest.mark.parametrize("trait", [
    "Lind has accused Ruiz of being too close to the harbour lobby.",  # what she is, not what she did
    "Lind accused Ruiz of ducking.",  # no content
    "Lind accused Ruiz of opposing the tender for political, not practical, reasons.",  # why, not what
    "The article accused Ruiz of backing Lind in an attempt to gain a seat on the board.",
    "Aides rejected any implication that the mayor would hand the port to her husband.",  # what may be
    "Lind has accused the mayor of using divisive rhetoric on the harbour.",  # words that judge
    "The clerk dismisses accusations that the mayor has exploited the flood for votes.",  # a judgement denied
    "Lind accused Ruiz of dragging her feet on the harbour audit.",  # an idiom that judges
    "Lind, who once chaired the board, has flirted with running, though he has denied that he would seriously "
    "consider it.",  # an intention denied
    "Ana Ruiz once defended Lind against allegations of sexism.",
    "The new allegations of theft against Lind and his wife are not the only charges he faces.",  # told elsewhere
    "After months of stories of thefts the harbour master is being accused of, legal action has come.",  # of what?
    "Ek shot a guard in 2012 but claimed self-defense and was acquitted of murder the following year.",  # settled
    "Both blasts on the quay were claimed by the so-called Harbour Front, sparking fear.",  # responsibility
    "He says he stayed neutral in the race so he would not be accused of rigging the vote.",  # only imagined
    "Team Lind reportedly wants a harbour band at the rally https://t.co/abc — Quay Watch (@quaywatch) June 28.",
    "In his heyday, the old boss was accused by the press of beating his rivals' dogs, and he kept his seat.",
    "The host asked Lind about statements he had made, when he claimed Ruiz was “the founder” of the harbour gang.",
    "This sort of opining, the Gazette claimed, breaks its code of practice.",
    "“You are working it hard,” Ruiz told Lind, alluding to the councillor's rumored mayoral ambitions.",
    "The board has long considered using the mayor's past and her answer to the clerks who claimed unpaid wages.",
    "Allies hope to see her calm when she takes on the councillor she has accused of impugning her record.",
    "Even as he accused the port board of favouring the mayor, Lind would not speculate about her motives.",
    "After the court ruled, Ana Ruiz said, most harbour leases requiring a DNA bond were thought to be safe.",
    "Ruiz's spokeswoman Ana Ek criticized Lind for accusing the harbour campaign.",  # of what?
    "Lind then accused the crowd, which is mostly picked by the port board and its friends in the council, of "
    "being “donors and insiders” only.",
    "Valdora also released Ana Ek, a Dover clerk accused of spying, but insisted that was no part of the deal.",
    "Lind accused Ruiz of taking cues from the board and “using an old trick to go after” the auditor.",  # quoted
    "Council allegations of bias against the mayor gained momentum in September.",
    "Lind had also claimed a victory in the harbour vote last month.",  # a result claimed, no claim of fact
    "Meanwhile, Ruiz claimed the prize for beating expectations.",
    "In this case, it appears that Ruiz had helped bring on the inquiry by publicly denying that Ek was right.",
    "Aides said Mr. Lind's role would be narrow, and they rejected any implication that Mrs. Ruiz would hand "
    "the port to him.",  # what may be, past the abbreviations' dots
    "Lind claimed in an interview with the Gazette that he is not backing any candidate.",  # of himself
    "While the mayor wrongly claimed that the audit cleared her, the council kept its inquiry open.",  # conceded
    "The Gazette has always claimed itself to be a fair record of the harbour.",  # a habit
    "He used the speech to call out Lind and the rest of the field who he accused of dodging the audit.",
    "The mayor claimed that the port board is run by a corrupt clique.",  # a judgement
    "At a town hall, Lind accused Ruiz, the councillor from Dover and winner of the harbour vote, of being "
    "“politically correct” on the audit.",
    "Ruiz also claimed that she had made a lot of sacrifices for the port.",
    "Mr. Lind said Mr. Ek had shown disrespect to his wife, and accused Mr. Ek of running a campaign of hatred.",
    "Although he says he loves Dover, he also accuses it of stealing harbour jobs.",  # figures of speech that judge
    "Ruiz accused the board of placing the interests of the oil lobby ahead of children.",
    "Lind said the warning showed the mayor was lost, and accused the board of putting words in the mayor's mouth.",
    "Lind had accused the bishop of visiting the port as a favor to the board.",  # why, not what
    "Lind defended his aide on Tuesday, hours after the aide was charged with battery for allegedly grabbing a "
    "reporter.",  # told in passing
    "Judge Ana Ruiz said a plot Lind allegedly hatched with the clerk was enough to keep him in jail.",  # a thing
    "Some accused Lind of inciting violence against the mayor.",  # a camp, no party, no answer
    "Democrats -- including Ruiz -- quickly accused Lind of suggesting violence against the mayor.",
    "Later, Lind claimed that harbour floods are rare these days and that the mayor is to blame for voters "
    "believing otherwise.",  # blame: a judgement
    "He also opened the door to the extradition of Ali Ek, the popular preacher whom Ana Ruiz accuses of "
    "masterminding the coup attempt.",  # a description of someone
    "With former mayor Ana Ruiz reportedly considering a run as an independent, a Gazette poll found that she "
    "would draw from Lind's support.",  # the setting of what follows
    "The Harbour Ledger reported Saturday that it had received anonymously the first pages of the mayor's tax "
    "filings.",  # a news organisation's word about itself
    "A web video by the Harbour Party references four cases in which Lind defended people accused of theft.",
    "He claimed that paying no harbour fees was smart, although he again refused to release his accounts.",
    "Still, the Harbour Ledger reported at the time that the editor had told Ek her statement was out of line.",
    "The mayor's gift to the state attorney, whose office was looking at allegations of fraud at the port, drew "
    "questions.",  # told in passing, in a description
    "At a forum on Monday, one questioner claimed that the “forces of harbour correctness” and “social "
    "engineering” were hurting the port.",  # labels in someone's words
])
def test_characterisations_motives_and_unanswered_self_claims_open_no_dispute(trait):
    texts = dispute_texts("t", trait, "Councillor Ana Ruiz accused the port board of hiding the audit from voters.")
    assert texts == ["Councillor Ana Ruiz accused the port board of hiding the audit from voters."]


def test_a_charge_of_being_involved_and_a_claim_about_others_still_open_disputes():
    texts = dispute_texts("i", "Lind was accused of being involved in the tender fraud, the prosecutor said.",
                          "Lind claimed that the harbour board had hidden the audit.")
    assert len(texts) == 2


@pytest.mark.parametrize("aside", [
    "The “dirty tricks” that Ana Ruiz accused Lind of using are not on the level of the audit.",  # in a description
    "Lind fought Bo Ek, who led the drive to rename the port because he claimed the name was offensive.",
    "Ruiz acknowledged that she had misspoken when she claimed that the auditor had cleared the board.",  # taken back
    "Years after Ruiz claimed that the harbour was safe, Lind won the seat by promising reform.",  # long past
    "Lind won after a runoff with Bo Ek, a little-known commissioner who accused him of hiding the audit.",
    "The video features Ana Ek and Bo Lind, two of the clerks who have accused the mayor of fraud.",
])
def test_an_allegation_told_as_background_or_taken_back_opens_no_dispute(aside):
    texts = dispute_texts("b", aside, "Councillor Ana Ruiz accused the port board of hiding the audit from voters.")
    assert texts == ["Councillor Ana Ruiz accused the port board of hiding the audit from voters."]


def test_a_bare_description_as_a_party_keeps_what_its_sentence_says_of_it():
    source, extraction = make("g", "Delta Post", "2023-03-10",
                              "Although most of the ships were foreign, the government in Valdora has firmly denied "
                              "any role in the blockade.",
                              "Gulls circled the quay.",
                              "A woman who has accused the former governor of fraud said Sunday night that he had "
                              "called her weeks later.")
    assert sorted(s.by for d in link_disputes([source], [extraction]) for s in d.sides) == [
        "A woman who has accused the former governor of fraud", "the government in Valdora"]


def test_a_non_answer_takes_no_side_and_is_shown_as_no_comment():
    source, extraction = make("c", "Delta Post", "2023-03-10",
                              "Councillor Ana Ruiz accused the port board of hiding the audit from voters.",
                              "The port board did not respond to the Post's questions about the audit.")
    sides = [(s.stance, s.by) for d in link_disputes([source], [extraction]) for s in d.sides]
    assert sides == [("alleged", "Councillor Ana Ruiz"), ("no_comment", "The port board")]


def test_whom_a_passive_accusation_names_is_the_accused_and_unnamed_accusers_are_unnamed():
    source, extraction = make("p", "Delta Post", "2023-03-10",
                              "As the Gazette reported, Ana Ruiz was also accused of breaking the harbour rules.",
                              "Ruiz denied that she had broken the harbour rules.",
                              "Gulls circled the quay.",
                              "The harbour master is being accused of selling the seized crates.",
                              "The harbour master denied that he had sold the seized crates.")
    bys = sorted(sorted(s.by for s in d.sides) for d in link_disputes([source], [extraction]))
    assert bys == [["Ana Ruiz", "the Gazette"], ["The harbour master", UNNAMED]]


def test_an_accusation_no_one_named_makes_and_no_one_answers_is_no_item():
    texts = dispute_texts("n", "Ek is accused of killing two guards at the harbour in June.",
                          "As the Gazette reported, Lind was also accused of breaking the harbour rules.",
                          "Councillor Ana Ruiz accused the port board of hiding the audit from voters.")
    assert texts == ["Councillor Ana Ruiz accused the port board of hiding the audit from voters."]


@pytest.mark.parametrize(("sentence", "by"), [
    ("Ek is believed to have been on the ferry, according to an interview his brother Ali Ek gave to the Gazette.",
     "Ali Ek"),  # who gave the interview
    ("According to Lind, the port has been moving the crates to Dover and supposedly selling them there.",
     "Lind"),  # the hedge inside the account of someone the text names
    ("Some advisers are said to be urging the mayor to pay the contractor on Tuesday.", UNNAMED),  # said of them
    ("After the court ruled, Ana Ruiz said, the harbour lease was thought to be safe from challenge.",
     "Ana Ruiz"),  # her own account
    ("Lind was at a rally on Friday when he told the unproven tale of a captain allegedly sinking a pirate fleet.",
     "Lind"),  # the teller's

    ("The mayor is believed to have met the contractor twice, according to the Gazette.", "Gazette"),
    ("Her filing to the court noted published reports alleging that she had claimed the mayor struck her.",
     "published reports"),  # the reports allege it; the filing cites them
    ("At a forum in Dover on Monday, one questioner claimed that the port had been sold to a rival.",
     "one questioner"),  # someone described, not the outlet
])
def test_who_speaks_in_an_interview_and_whose_account_carries_a_hedge(sentence, by):
    source, extraction = make("w", "Delta Post", "2023-03-10", sentence)
    assert [s.by for d in link_disputes([source], [extraction]) for s in d.sides] == [by]


def test_a_denial_told_in_passing_in_a_trailing_clause_answers_nothing():
    texts = dispute_texts("h", "The harbour index fell sharply in minutes, according to the Gazette.",
                          "It recovered shortly thereafter, once the report was revealed to be a hoax.")
    assert texts == []


def test_a_time_phrase_opening_on_this_is_no_pointer():
    texts = dispute_texts("t", "This week, Councillor Ana Ruiz accused the port board of hiding the audit from voters.")
    assert len(texts) == 1


def test_an_articles_unmarked_headline_opens_no_dispute():
    source, extraction = make("u", "Delta Post", "2023-03-10",
                              "Port chief dismisses Lind's accusations against the audit.",
                              "The port chief on Tuesday dismissed Lind's accusations that the audit had been rigged "
                              "by the board.")
    from briefing.sentences import lede_title
    titled = replace(source, title=lede_title("Port chief dismisses Lind's accusations against the audit."))
    assert [d.text[:20] for d in link_disputes([titled], [extraction])] == ["The port chief on Tu"]


def test_rejecting_rumours_of_what_someone_might_do_is_no_denial_and_a_relayed_charge_is_reported():
    texts = dispute_texts("o", "Lind rejected rumors that the mayor might try to sell the port through a secret vote.")
    assert texts == []
    source, extraction = make("r", "Delta Post", "2023-03-10",
                              "As the Gazette reported, Ana Ruiz was also accused of breaking the harbour rules.",
                              "Ruiz denied that she had broken the harbour rules.")
    assert [s.by for d in link_disputes([source], [extraction]) for s in d.sides] == ["the Gazette", "Ana Ruiz"]


def _single(fact_id: str, text: str, source: str, rank: float) -> Fact:
    cite = Citation(source=source, sentence="s1", start=0, end=len(text), text=text)
    return Fact(id=fact_id, text=text, citations=(cite,), outlets=1, rank=rank)


def test_a_fact_that_retells_a_higher_ranked_fact_s_story_ranks_below_the_others():
    from briefing.link.facts import REPEAT_PENALTY, demote_repeats
    sources = [Source(id=s, file=f"{s}.txt", text="", sentences=(), date=d)
               for s, d in (("a", "2031-04-05"), ("b", "2031-04-06"), ("c", "2031-04-06"), ("d", "2031-05-20"))]
    lead = _single("f1", "Ana Ruiz was projected as the winner of Porto's harbour primary Tuesday, with two networks "
                   "calling it early.", "a", 2.5)
    again = _single("f2", "Ana Ruiz prevailed in Porto's harbour primary Tuesday, continuing her streak over Bo Lind.",
                    "b", 2.4)
    other_day = _single("f3", "Ana Ruiz prevailed in Porto's harbour primary Monday, a day early.", "c", 2.3)
    later = _single("f4", "Ana Ruiz prevailed in Porto's harbour primary Tuesday, weeks after the count.", "d", 2.2)
    # a briefing of many facts, of which these four share the Porto primary
    filler = [_single(f"g{i}", f"Bo Lind{i} signed treaty{i} with port{i} on Friday.", "a", 1.0) for i in range(200)]
    out = {f.id: f for f in demote_repeats([lead, again, other_day, later, *filler], sources)}
    assert out["f1"].rank == 2.5
    assert out["f2"].rank == round(2.4 - REPEAT_PENALTY, 3)  # same who, what and when
    assert out["f3"].rank == 2.3  # another day named
    assert out["f4"].rank == 2.2  # weeks apart


def test_the_agent_of_a_description_that_a_relative_clause_makes_the_speaker_is_the_party():
    from briefing.link.disputes import qualified
    text = ("There are implications for the results of the inquiry by a harbour panel, which said the board had "
            "hidden two audits.")
    assert qualified("the results of the inquiry by a harbour panel", text) == "a harbour panel"
    assert qualified("the results of the inquiry by a harbour panel", "The results of the inquiry by a harbour "
                     "panel are due.") == "the results of the inquiry by a harbour panel"


def test_offering_no_proof_leaves_a_claim_unconfirmed_and_opens_nothing_alone():
    source, extraction = make("np", "Delta Post", "2023-03-10",
                              "He offered no proof that Ruiz had a role in Ek's harbour licence.")
    graph = build_graph([source], [extraction])
    assert [stance_of(n) for n in graph.nodes] == ["unconfirmed"]
    assert link_disputes([source], [extraction]) == ()


def test_who_points_to_reports_relays_them():
    source, extraction = make("pr", "Delta Post", "2023-03-10",
                              "Councillor Ana Ruiz said she would speak for an hour at the harbour debate on Monday.",
                              "That’s when she pointed to reports that Lind called the 1996 harbour queen “Miss Piggy” "
                              "as an example of his disrespect for women.")
    claim = next(c for c in extraction.claims if "pointed to reports" in c.text)
    # the insertion the standalone stage gives "she"
    she = replace(claim, insertions=(Insertion(at=claim.text.index("she") + 3, text="Ana Ruiz"),))
    extraction = replace(extraction, claims=tuple(she if c is claim else c for c in extraction.claims))
    node = next(n for n in build_graph([source], [extraction]).nodes if "pointed to reports" in n.claim.text)
    assert side_of(node) == ("alleged", "Ana Ruiz")  # not Lind, whom the reports are about


def test_the_grounds_of_a_charge_are_the_charges_and_unanswered_they_open_no_item():
    charged = "On Tuesday, Lind's aide was charged with battery in Dover for allegedly grabbing a reporter."
    settled = "The firm settled for allegedly laundering harbour money, the Ledger said."
    assert dispute_texts("cg", charged, settled) == []
    source, extraction = make("cg", "Delta Post", "2023-03-10", charged,
                              "The aide denied that he had grabbed the reporter.")
    bys = [s.by for d in link_disputes([source], [extraction]) for s in d.sides]
    assert "the battery charge" in bys


@pytest.mark.parametrize("figures", [
    "Consumer confidence in the harbour towns was higher than in any year since 2004, the Dover University "
    "reported last week.",
    "Last year, Dover police reported 906 thefts from harbour warehouses.",
])
def test_an_institutions_figures_are_no_unconfirmed_report(figures):
    assert dispute_texts("if", figures) == []
