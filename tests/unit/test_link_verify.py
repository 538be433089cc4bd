"""Cross-article links an editor would sign: same who, what and when, no chains, real
discrepancies only, disputes whose sides are parties. All sentences are invented."""

from dataclasses import replace

from articles import make

from briefing.clean import clean_article
from briefing.extract.spans import quoted_spans
from briefing.link import link_briefing
from briefing.link.claimgraph import build_graph, star_groups
from briefing.link.disputes import link_discrepancies, link_disputes, party, stance_of
from briefing.link.facts import link_facts
from briefing.link.index import content_tokens
from briefing.link.verify import (
    about_a_poll_method,
    about_the_reporting,
    counts_conflict,
    headline_shaped,
    main_part,
    poll_sponsors,
    quantities,
)
from briefing.model import Insertion, RawArticle, SourceMeta


def linked_sources(facts, needle: str) -> set[str]:
    """The sources cited by the one fact whose citations mention ``needle`` (empty if several)."""
    found = [f for f in facts if any(needle in c.text for c in f.citations)]
    return {c.source for c in found[0].citations} if len(found) == 1 else set()


def credited(sentence: str, before: str = "Governor Elena Marsh spoke on Monday in Port Vell.") -> str | None:
    """Whom a claim is credited to (its attributed_to), in an article of ``before`` then ``sentence``."""
    a = make("a", "North Herald", "2024-05-02", before, sentence)
    return next(c for c in a[1].claims if c.text == sentence).attributed_to


def facts_of(*articles):
    return link_facts([a[0] for a in articles], [a[1] for a in articles])


def kept_apart(*articles) -> bool:
    """Does every fact of these articles cite one article only (nothing linked across them)?"""
    return all(len({c.source for c in f.citations}) == 1 for f in facts_of(*articles))


def test_the_same_event_told_in_other_words_by_two_outlets_is_one_fact():
    a = make("a", "North Herald", "2024-05-02",
             "Governor Elena Marsh signed the coastal flood bill on Wednesday after a week of protests.")
    b = make("b", "South Gazette", "2024-05-02",
             "After days of protests, Governor Elena Marsh signed the flood bill for the coast into law.")
    facts = facts_of(a, b)
    assert any(f.outlets == 2 and {c.source for c in f.citations} == {"a", "b"} for f in facts)


def test_a_shared_name_and_topic_words_are_not_one_fact():
    # Same senator, same topic words, different actors: "who" differs.
    a = make("a", "North Herald", "2024-05-02",
             "Mayor Tom Ruiz threw his support behind Senator Ada Kline on Monday, praising her record.")
    b = make("b", "South Gazette", "2024-05-02",
             "Governor Liv Sand threw her support behind Senator Ada Kline, citing her record on schools.")
    assert kept_apart(a, b)


def test_a_shared_idiom_is_not_one_fact():
    a = make("a", "North Herald", "2024-05-02",
             "For the striking dock workers in Port Vell, the new offer was cold comfort after months without pay.")
    b = make("b", "South Gazette", "2024-05-03",
             "The rain delay was cold comfort for Port Vell fans who had travelled overnight to the final.")
    facts = facts_of(a, b)
    assert all(len({c.source for c in f.citations}) == 1 for f in facts)


def test_different_counts_of_the_same_thing_are_not_one_fact_but_a_discrepancy():
    a = make("a", "North Herald", "2024-05-02",
             "The storm in Port Vell destroyed 40 homes along the harbour road, officials said on Thursday.")
    b = make("b", "South Gazette", "2024-05-02",
             "Officials said the storm in Port Vell destroyed 65 homes along the harbour road.")
    facts = facts_of(a, b)
    assert all(len({c.source for c in f.citations}) == 1 for f in facts)
    found = link_discrepancies([a[0], b[0]], [a[1], b[1]])
    assert [sorted(v.value for v in d.versions) for d in found] == [["40 homes", "65 homes"]]


def test_counts_conflict_only_when_no_value_fits_both():
    q = {x.label: x for t in ("at least seven times", "as many as seven times", "about 1,000 people",
                              "1,020 people", "more than 50 votes", "62 votes", "30 votes", "six other times")
         for x in quantities(f"It happened {t} here.")}
    assert counts_conflict(q["at least seven times"], q["as many as seven times"]) == "qualifier"
    assert counts_conflict(q["about 1,000 people"], q["1,020 people"]) is None  # vaguer wording
    assert counts_conflict(q["more than 50 votes"], q["62 votes"]) is None  # compatible bound
    assert counts_conflict(q["more than 50 votes"], q["30 votes"]) == "number"
    assert counts_conflict(q["six other times"], q["at least seven times"]) is None  # "other": an addition


def test_dates_are_never_counts():
    assert quantities("The leaders spoke on 5 November and again on November 7, where they met.") == []
    assert [q.label for q in quantities("She won 12 delegates in 2016.")] == ["12 delegates"]


def test_no_transitive_chains():
    # A~B, B~C, C~D verified: B leads (most links) with A and C; D, linked only to C, stays out.
    a, b, c, d = (make(k, f"Outlet {k}", "2024-05-02", f"Sentence {k} about the Port Vell harbour works.")
                  for k in "abcd")
    graph = build_graph([x[0] for x in (a, b, c, d)], [x[1] for x in (a, b, c, d)])
    groups = star_groups(graph.nodes, [(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.5)])
    assert (1, 0, 2) in groups and (3,) in groups


def test_star_groups_orders_only_the_claims_with_a_verified_edge(monkeypatch):
    # A claim no other was verified against is a group of its own, whatever the order: ordering the
    # leads reads each node's profile, so only the claims with an edge are ordered.
    from briefing.link import claimgraph

    arts = [make(k, f"Outlet {k}", "2024-05-02", f"Sentence {k} about the Port Vell harbour works.")
            for k in "abcdef"]
    graph = build_graph([x[0] for x in arts], [x[1] for x in arts])
    edges = [(0, 1, 0.5), (1, 2, 0.5), (4, 5, 0.9)]
    ordered = []
    real = claimgraph.lead_order

    def counted(node, degree):
        ordered.append(node.index)
        return real(node, degree)

    monkeypatch.setattr(claimgraph, "lead_order", counted)
    groups = star_groups(graph.nodes, edges)
    assert sorted(ordered) == [0, 1, 2, 4, 5]
    assert len(graph.nodes) == 6 and groups[:2] == [(1, 0, 2), (3,)] and sorted(groups[2]) == [4, 5]


def test_republished_copies_collapse_and_count_as_one_outlet():
    text = ("Governor Elena Marsh signed the coastal flood bill on Wednesday after a week of protests "
            "outside the state house.")
    a = make("a", "North Herald", "2024-05-02", text)
    b = make("b", "North Herald", "2024-05-03", text)
    facts = facts_of(a, b)
    both = [f for f in facts if {c.source for c in f.citations} == {"a", "b"}]
    assert len(both) == 1 and both[0].outlets == 1


def test_outside_one_news_cycle_only_near_verbatim_or_dated_claims_link():
    a = make("a", "North Herald", "2024-01-10",
             "Governor Elena Marsh signed the coastal flood bill after a week of protests.")
    b = make("b", "South Gazette", "2024-03-20",
             "After days of protests, Governor Elena Marsh signed the flood bill for the coast into law.")
    assert kept_apart(a, b)
    c = make("c", "South Gazette", "2024-03-20",
             "Governor Elena Marsh signed the coastal flood bill after a week of protests.")
    assert linked_sources(facts_of(a, c), "signed") == {"a", "c"}


def test_across_news_cycles_a_commonplace_or_a_shared_year_links_nothing():
    # A general line with no one named and no figure, told again months later: a commonplace.
    a = make("a", "North Herald", "2024-01-10", "Perhaps the old rules of harbour politics still hold after all.")
    b = make("b", "South Gazette", "2024-04-02",
             "The question hanging over the race is whether the old rules of harbour politics still hold.")
    assert kept_apart(a, b)
    # One sentence dates something ("in 1988") and both share a name and a few words: two events.
    c = make("c", "North Herald", "2024-01-10", "Marsh spoke on Monday at a town hall hosted by the Harbour Trust.")
    d = make("d", "South Gazette", "2024-04-02",
             "Marsh was speaking in the same hall that hosted the Harbour Trust's first congress in 1988.")
    assert kept_apart(c, d)


def test_across_news_cycles_a_dated_event_told_in_full_or_with_its_figure_links():
    # A past event dated in one telling, told again a month later in other words, in full.
    a = make("a", "North Herald", "2024-01-10",
             "The memoir claims that Marsh had quietly shipped spare radio beacons to the rescue fleet "
             "for its own use during the winter storms.")
    b = make("b", "South Gazette", "2024-02-12",
             "Marsh reportedly shipped radio beacons to the rescue fleet in secret for its own use "
             "during the winter storms of 2021.")
    assert linked_sources(facts_of(a, b), "beacons") == {"a", "b"}
    # Fewer words in common, but the same figure: "met nine times after leaving office in 2019".
    c = make("c", "North Herald", "2024-01-10",
             "A memoir published last month said Marsh had met Ortega at least nine times "
             "after she left office in 2019.")
    d = make("d", "South Gazette", "2024-02-12",
             "Marsh met Ortega as many as nine times after she left office, the Ledger reported.")
    assert linked_sources(facts_of(c, d), "nine times") == {"c", "d"}


def test_a_no_comment_line_is_kept_from_the_facts_and_judged_once_per_claim():
    # "declined to comment" is a note on the reporting: never a fact. Whether a lead claim is one
    # is asked once per claim and kept on it (``Node.known``), so a rebuild hands the answer on.
    a = make("a", "North Herald", "2024-05-02", "The storm destroyed 40 homes along the harbour road on Thursday.",
             "The Port Vell Harbour Board declined to comment on the damage.")
    b = make("b", "South Gazette", "2024-05-02", "The storm destroyed 40 homes along the harbour road on Thursday.",
             "The Port Vell Harbour Board declined to comment on the damage.")
    graph = build_graph([a[0], b[0]], [a[1], b[1]])
    facts = link_facts([a[0], b[0]], [a[1], b[1]], graph=graph)
    assert [f.text for f in facts] == ["The storm destroyed 40 homes along the harbour road on Thursday."]
    judged = {(n.claim.text, n.known["briefing.link.facts.reporting_note"]) for n in graph.nodes
              if "briefing.link.facts.reporting_note" in n.known}  # (the leads of groups: those asked)
    assert judged == {("The Port Vell Harbour Board declined to comment on the damage.", True),
                      ("The storm destroyed 40 homes along the harbour road on Thursday.", False)}


def test_headlines_follow_lines_and_no_comment_lines_are_never_facts():
    assert headline_shaped("New Polls Show Double-Digit Gaps in Harbour Race")
    assert not headline_shaped("New polls show double-digit gaps in the harbour race, the Herald said.")
    assert about_the_reporting("A spokesman for Marsh did not respond to a request for comment.")
    assert about_the_reporting("The company declined to comment on Friday.")
    assert about_the_reporting("The mayor's office did not respond to the Ledger's questions about the contract.")
    assert about_the_reporting("Answers have been edited for length and clarity.")
    assert not about_the_reporting("Marsh did not respond to questions about the budget during the debate.")
    raw = RawArticle("t", "t.txt", "Storm hits Port Vell\n"
                     "The storm destroyed 40 homes along the harbour road on Thursday, officials said.\n"
                     "Follow Ana Ruiz on Twitter @anaruiz.\n"
                     "Read the rest of the story at the Herald.\n", SourceMeta(), "0" * 64)
    kept = clean_article(raw).text
    assert "Follow Ana" not in kept and "Read the rest" not in kept and "40 homes" in kept


def test_a_rejected_objection_is_no_denial_and_a_passive_denial_neither():
    a = make("a", "North Herald", "2024-05-02",
             "The election board rejected both objections and ruled Ada Kline eligible for the ballot.",
             "Ada Kline was denied bail by the judge on Friday.",
             "The campaign denied the report that Kline had moved out of the district.")
    graph = build_graph([a[0]], [a[1]])
    stances = {n.claim.text.split()[1]: stance_of(n) for n in graph.nodes}
    assert stances["election"] == "reported" and stances["Kline"] == "reported"
    assert stances["campaign"] == "denied"


def test_a_side_is_held_by_a_party_never_a_fragment():
    assert party("a spokeswoman for the port authority") == "a spokeswoman for the port authority"
    assert party("Jane Roe") == "Jane Roe" and party("officials") == "officials"
    for fragment in ("he", "If", "released a statement", "the Senate should", "LONDON (Wire) - Jane Roe"):
        assert party(fragment) is None
    a = make("a", "North Herald", "2024-05-02",
             "The harbour fund was reportedly emptied before the audit began in March.",
             "He said the claims were false.")
    for dispute in link_disputes([a[0]], [a[1]]):
        for side in dispute.sides:
            assert side.by and not side.by.startswith("source ") and side.by != "He"


def test_an_allegation_and_its_denial_across_outlets_are_one_item_with_both_parties():
    a = make("a", "North Herald", "2024-05-02",
             "Harbour chief Ola Brandt allegedly moved port funds into a private account, the audit found.")
    b = make("b", "South Gazette", "2024-05-02",
             "Ola Brandt denied reports that he moved port funds into a private account.")
    disputes = link_disputes([a[0], b[0]], [a[1], b[1]])
    item = [d for d in disputes if {c.source for s in d.sides for c in s.citations} == {"a", "b"}]
    assert len(item) == 1
    assert {s.stance for s in item[0].sides} == {"alleged", "denied"}


def test_the_whole_link_stage_is_deterministic_and_builds_one_graph():
    arts = [make("a", "North Herald", "2024-05-02",
                 "Governor Elena Marsh signed the coastal flood bill on Wednesday after a week of protests."),
            make("b", "South Gazette", "2024-05-02",
                 "After days of protests, Governor Elena Marsh signed the flood bill for the coast into law.")]
    one = link_briefing([a[0] for a in arts], [a[1] for a in arts])
    two = link_briefing([a[0] for a in arts], [a[1] for a in arts])
    assert one == two and one.facts


def discrepancy_values(*articles) -> list[list[str]]:
    found = link_discrepancies([a[0] for a in articles], [a[1] for a in articles])
    return [sorted(v.value for v in d.versions) for d in found]


def test_a_poll_method_note_is_never_a_version_of_a_fact():
    a = make("a", "North Herald", "2024-05-02",
             "The Harbour Poll of Port Vell voters was conducted May 1-3 and has a margin of error of 3 points.")
    b = make("b", "South Gazette", "2024-05-02",
             "The Harbour Poll of Port Vell voters was conducted April 20-23 and has a margin of error of 4 points.")
    assert discrepancy_values(a, b) == []


def test_dates_differ_only_for_the_same_action_by_the_same_participant():
    same = (make("a", "North Herald", "2024-05-02",
                 "Governor Elena Marsh left the harbour board in 2019 after the audit of the port books."),
            make("b", "South Gazette", "2024-05-02",
                 "Governor Elena Marsh left the harbour board in 2020, after the port books were audited."))
    assert discrepancy_values(*same) == [["2019", "2020"]]
    other = (make("a", "North Herald", "2024-05-02",
                  "Governor Elena Marsh joined the harbour board in 2012 after the audit of the port books."),
             make("b", "South Gazette", "2024-05-02",
                  "Governor Elena Marsh left the harbour board in 2020, after the port books were audited."))
    assert discrepancy_values(*other) == []


def test_a_year_beside_other_figures_is_their_time_frame_not_a_version():
    a = make("a", "North Herald", "2024-05-02",
             "Port Vell households owed an average of $12,400 in harbour fees as of 2019, the Harbour Board said.")
    b = make("b", "South Gazette", "2024-05-02",
             "The Harbour Board said Port Vell households owed about $15,000 in harbour fees in 2023.")
    assert all("2019" not in values for values in discrepancy_values(a, b))


def test_a_denial_or_confirmation_must_aim_at_a_claim():
    a = make("a", "North Herald", "2024-05-02",
             "Voters without a degree made up just 36 percent of the harbour district, the census showed.",
             "Ada Kline called the story false on Friday.",
             "Ola Brandt pushed back on the claim in a statement.",
             "The harbour vote confirmed the strength of the Kline campaign.",
             "The port authority confirmed that the harbour fund was audited.")
    graph = build_graph([a[0]], [a[1]])
    by_start = {n.claim.text[:12]: stance_of(n) for n in graph.nodes}
    assert by_start["Voters witho"] == "reported"  # "made up 36 percent" denies nothing
    assert by_start["Ada Kline ca"] == "denied" and by_start["Ola Brandt p"] == "denied"
    assert by_start["The harbour "] == "reported"  # "confirmed the strength of …"
    assert by_start["The port aut"] == "confirmed"


def test_a_no_comment_line_alone_opens_no_dispute():
    a = make("a", "North Herald", "2024-05-02",
             "The harbour board met on Monday to set the new mooring fees for Port Vell.",
             "The Port Vell Harbour Board declined to comment on the fees.")
    assert link_disputes([a[0]], [a[1]]) == ()


def test_sums_of_money_are_counts_and_poll_method_notes_link_nothing():
    money = quantities("Households owed $12,400 on average, up from about $9,000, and $2.3 million in all.")
    assert [(q.unit, q.value) for q in money] == [("dollar", 12400.0), ("dollar", 9000.0), ("dollar", 2300000.0)]
    note = "The poll has a margin of error of 3 percentage points, the pollster said."
    assert about_a_poll_method("That is according to early exit polls conducted for the networks by Harbour Research.")
    a, b = make("a", "North Herald", "2024-05-02", note), make("b", "South Gazette", "2024-05-02", note)
    assert kept_apart(a, b)


def test_a_shared_number_word_or_date_makes_no_discrepancy_of_unrelated_counts():
    a = make("a", "North Herald", "2024-05-02",
             "The Port Vell shipyard lost two jobs on Monday after the merger with Brightwater.")
    b = make("b", "South Gazette", "2024-05-02",
             "Across the region, Port Vell lost 350,000 jobs during the long recession, the Brightwater report said.")
    assert discrepancy_values(a, b) == []


def test_a_republished_copy_with_a_relative_date_is_still_one_fact():
    text = ("Facts matter less in today's harbour politics, said Ana Ruiz, a Port Vell professor "
            "who studies rumours.")
    a = make("a", "North Herald", "2024-05-02", text)
    b = make("b", "North Herald", "2024-05-03", text)
    assert linked_sources(facts_of(a, b), "Facts matter") == {"a", "b"}


def test_two_tallies_of_one_race_are_two_facts():
    a = make("a", "North Herald", "2024-05-02",
             "Including the harbour board votes, Ada Kline now has at least 882 delegates in Port Vell.")
    b = make("b", "South Gazette", "2024-05-03",
             "Including the harbour board votes, Ada Kline now has at least 501 delegates in Port Vell.")
    c = make("c", "East Star", "2024-05-03",
             "Ada Kline now has a total of at least 1,410 in Port Vell, while Ola Brandt has at least 653.")
    d = make("d", "West Sun", "2024-05-03",
             "Ada Kline now has a total of at least 1,353 in Port Vell, while Ola Brandt has at least 625.")
    assert kept_apart(a, b)
    assert kept_apart(c, d)


def test_a_time_word_after_a_rejection_is_no_claim_it_denies():
    a = make("a", "North Herald", "2024-05-02",
             "The mayor sought the council's help, an offer the council rebuffed at a meeting this week.")
    graph = build_graph([a[0]], [a[1]])
    assert [stance_of(n) for n in graph.nodes] == ["reported"]


def test_two_named_speakers_saying_alike_are_two_statements():
    a = make("a", "North Herald", "2024-05-02",
             "Governor Elena Marsh said a special prosecutor should examine the Port Vell harbour fund.")
    b = make("b", "South Gazette", "2024-05-02",
             "Mayor Tom Ruiz said a special prosecutor should examine the Port Vell harbour fund.")
    assert kept_apart(a, b)


def test_a_denial_aims_at_a_claim_not_a_proposal_an_object_or_a_thing():
    a = make("a", "North Herald", "2024-05-02",
             "Marsh proposed a debate on the harbour radio on June 3, but Kline rejected that, too.",
             "Kline summarily rejected those dates on Tuesday.",
             "The council has done all it can to deny them help with the flood repairs.",
             "Reports of sailors crossing the strait on false harbour passes have spread for weeks.",
             "The senator said the chamber should not confirm a new harbour judge this year.",
             "Kline denied that she had moved out of the district.",
             "The port authority has not confirmed the meeting with the minister.",
             "It is unclear how voters will treat a candidate who has spread unverified rumours about the port.",
             "Unverified reports say the minister resigned on Friday.")
    graph = build_graph([a[0]], [a[1]])
    stances = {n.claim.text[:14]: stance_of(n) for n in graph.nodes}
    assert stances["Marsh proposed"] == "reported" and stances["Kline summaril"] == "reported"
    assert stances["The council ha"] == "reported" and stances["Reports of sai"] == "reported"
    assert stances["The senator sa"] == "reported"  # confirming a judge is no claim left open
    assert stances["Kline denied t"] == "denied" and stances["The port autho"] == "unconfirmed"
    assert stances["It is unclear "] == "reported" and stances["Unverified rep"] == "unconfirmed"


def test_a_headline_opens_no_dispute_and_a_denial_answers_only_what_it_is_about():
    a = make("a", "North Herald", "2024-05-02", "Harbour Mayor Accused Of Hiding Flood Report From Council.")
    assert link_disputes([a[0]], [a[1]]) == ()
    # A plain report of Marsh's pledge on the levy; Kline denies something else about the levy.
    b = make("b", "North Herald", "2024-05-02",
             "Marsh did not back away from her pledge to raise the harbour levy, a tax first set in 1990.",
             "Kline denied that the harbour levy is a tax on sailors, citing a council lawyer.")
    disputes = link_disputes([b[0]], [b[1]])
    assert all(len(d.sides) == 1 for d in disputes)


def test_the_party_of_a_reply_is_who_the_sentence_says_takes_it():
    cases = {
        "Harbour Press, which declined to comment, returned the rights to the author.": "Harbour Press",
        "The Marsh campaign did not respond to requests for an interview with Ortega.": "The Marsh campaign",
        "The meeting was first reported by the Ledger.": "the Ledger",
        "The Factcheck Desk deemed those statements false because no such videos exist.": "The Factcheck Desk",
        "Marsh's office assured voters that all of the claims in the suit are false.": "Marsh's office",
        "Continuing to explain his view, Kline rejected the notion that the vote was rigged.": "Kline",
    }
    for sentence, by in cases.items():
        assert credited(sentence) == by, sentence


def test_two_sentences_opening_with_different_subjects_are_two_facts():
    # Each opens with its subject; Kline's sentence names Ruiz, but Ruiz's never names Kline.
    a = make("a", "North Herald", "2024-05-02",
             "Ada Kline is pointing to a recent interview Ola Ruiz gave to the editorial board of the Harbour Ledger.")
    b = make("b", "South Gazette", "2024-05-02",
             "Ola Ruiz has been criticised for vague answers during an interview with the editorial board "
             "of the Harbour Ledger.")
    assert kept_apart(a, b)
    # A dateline, or an opening phrase, is no subject: the same event still links.
    c = make("c", "North Herald", "2024-05-02",
             "PORT VELL (Wire) — Governor Elena Marsh signed the coastal flood bill on Wednesday after protests.")
    d = make("d", "South Gazette", "2024-05-02",
             "On Wednesday, after days of protests, Governor Elena Marsh signed the flood bill for the coast.")
    assert linked_sources(facts_of(c, d), "signed") == {"c", "d"}


def test_a_pronoun_later_in_a_sentence_is_first_its_own_subject():
    sentence = ("Brandt, who sat on the council from 1995 to 2001, has also toyed with the idea of being Trent's "
                "running mate, though he has denied that he would seriously consider it.")
    a = make("a", "North Herald", "2024-05-02", "Olaf Brandt hosts a morning show on harbour radio.",
             "Tom Trent spoke on Monday. Trent said he would pick a running mate soon.", sentence)
    assert next(c for c in a[1].claims if c.text == sentence).attributed_to == "Olaf Brandt"


def test_reply_parties_through_parentheticals_auxiliaries_labels_and_pronouns():
    cases = {
        "The port's manager, Ana Ruiz, who has long experience in shipping, declined to comment on the plan.":
            "Ana Ruiz",
        "Earlier, the ministry had spent months pushing back against claims by the auditors.": "the ministry",
    }
    for sentence, by in cases.items():
        assert credited(sentence) == by, sentence
    # A quoted ''…'' stretch is the speaker's words, not the outlet's denial.
    a = make("a", "North Herald", "2024-05-02",
             "The drills were meant to show the fleet was ''cut off from the rest of the port,'' an idea "
             "that was ''completely untrue.''")
    assert a[1].claims[0].status != "denied"
    # A label before a colon is no party; a finding "according to a poll" is no allegation.
    b = make("b", "North Herald", "2024-05-02",
             "Harbour Business Report: The difficulty of dumping the levy.",
             "The chances of the former mayor winning are small, according to a poll.")
    assert all(not side.by.startswith("Harbour Business") for d in link_disputes([b[0]], [b[1]]) for side in d.sides)
    assert not any("chances" in d.text for d in link_disputes([b[0]], [b[1]]))


def test_a_named_partys_word_that_another_denies_is_an_allegation():
    a = make("a", "North Herald", "2024-05-02",
             "Ada Kline said Ola Ruiz backed the harbour levy that would have doubled mooring fees.",
             "Ruiz pushed back on Kline's claims Thursday, saying the levy was never meant to double mooring fees.")
    stances = {(side.stance, side.by) for d in link_disputes([a[0]], [a[1]]) for side in d.sides}
    assert ("alleged", "Ada Kline") in stances and any(s == "denied" for s, _by in stances)


def test_a_newsletters_label_and_greeting_and_a_denial_beside_a_no_reply():
    a = make("a", "North Herald", "2024-05-02",
             "The Herald's Harbour Business Report: The trouble with the levy.",
             "(Ms. Ruiz, who did not respond to a request for comment, has denied that she was writing a memoir.)")
    label, reply = a[1].claims
    assert label.attributed_to is None and label.status == "stated"
    assert reply.status == "denied" and reply.attributed_to == "Ruiz"
    raw = RawArticle("t", "t.txt", "Levy vote delayed\n"
                     "Welcome to the Herald's Harbour Business Report, a weekly digest of news from the port.\n"
                     "The council delayed its vote on the harbour levy on Tuesday, officials said.\n",
                     SourceMeta(), "0" * 64)
    kept = clean_article(raw).text
    assert "Welcome to" not in kept and "delayed its vote" in kept


def test_two_claims_credited_to_different_resolved_speakers_are_two_statements():
    # "he said" resolves to Kline; the other sentence is Ruiz's question about the same words.
    a = make("a", "North Herald", "2024-05-02", "Mayor Tom Kline spoke to the harbour radio on Monday.",
             "“Marsh’s harbour levy is the root of all the troubles of our fishing fleet,” he said.")
    b = make("b", "South Gazette", "2024-05-02", "The host Ola Ruiz pressed the mayor on Monday.",
             "“Marsh’s harbour levy is the root of the troubles of the fishing fleet,” Ruiz said.")
    assert kept_apart(a, b)


def test_a_reply_is_credited_to_its_own_speaker_not_the_report_before_it():
    cases = {
        "The Ledger reported in October that Marsh's firm advertised her availability for paid speeches, "
        "but Marsh's team denied that she would take any.": "Marsh's team",
        "Kline's office assured the American people that all of the claims in the suit are false.": "Kline's office",
        "(Mr. Brandt, who did not respond to a request for comment, has denied that he was writing a book.)":
            "Brandt",
        "Funding: The Ruiz campaign wants to address concerns after recently accusing Marsh of breaking funding laws.":
            "The Ruiz campaign",
    }
    for sentence, by in cases.items():
        found = credited(sentence, "Ana Marsh and Olaf Brandt spoke on Monday.")
        assert found is not None and found.endswith(by), sentence
    assert party("Democratic") is None and party("Democrats") == "Democrats"


def test_two_findings_of_one_poll_are_two_facts():
    a = make("a", "North Herald", "2024-05-02",
             "A Ledger poll released Sunday shows Marsh ahead in the race.")
    b = make("b", "South Gazette", "2024-05-02",
             "Marsh trails Kline in a Ledger poll released Sunday, the race's first.")
    assert kept_apart(a, b)


def test_a_reply_that_names_its_source_answers_that_source_not_the_nearest_claim():
    a = make("a", "North Herald", "2024-05-02",
             "According to Ortega's new memoir, Marsh met the smugglers twice in the spring.",
             "The mayor claimed he had been ill all winter, without naming a doctor.",
             "The Marsh campaign denied the reports, calling the stories from Ortega's memoir invented.")
    disputes = link_disputes([a[0]], [a[1]])
    denial = next(d for d in disputes if any(s.stance == "denied" for s in d.sides))
    assert "smugglers" in denial.text and not any("ill all winter" in s.text for s in denial.sides)


def test_a_fact_is_credited_to_the_source_a_member_names_when_its_lead_names_none():
    a = make("a", "North Herald", "2024-05-02",
             "Judge Ana Ruiz ruled that the port's handling of the harbour records undermined public access.")
    b = make("b", "South Gazette", "2024-05-02",
             "Ruiz also said the port's handling of the harbour records had undermined public access, "
             "according to court papers.")
    fact = next(f for f in facts_of(a, b) if len({c.source for c in f.citations}) == 2)
    assert fact.attributed_to is not None


def test_a_wire_copys_dateline_does_not_lead_a_group_another_member_can_lead():
    from briefing.link.claimgraph import WIRE_DATELINE_RE
    assert WIRE_DATELINE_RE.match("DOVER, Dec. 22 (UPI) — Ana Ruiz announced she would run.")
    assert WIRE_DATELINE_RE.match("LISBON (Reuters) - Ana Ruiz announced she would run.")
    assert not WIRE_DATELINE_RE.match("Ana Ruiz announced (in Dover) — to cheers — she would run.")


def test_a_sentence_with_two_counts_of_one_thing_told_twice_is_one_fact_and_a_changed_figure_is_not():
    split = ("Asked if the harbour deal was lawful, 41 percent of residents said yes, compared with 37 percent "
             "who said no.")
    a = make("a", "North Herald", "2024-05-02", "Port Vell held its first harbour vote in a decade.", split)
    b = make("b", "South Gazette", "2024-05-03", "Residents of Port Vell were asked about the harbour deal.", split)
    c = make("c", "East Ledger", "2024-05-03", "Residents of Port Vell were asked about the harbour deal.",
             split.replace("41 percent", "52 percent"))
    facts = facts_of(a, b, c)
    assert linked_sources(facts, "41 percent") == {"a", "b"}  # 41 meets 41 and 37 meets 37
    assert not any({"a", "c"} <= {x.source for x in f.citations} for f in facts)  # 41 is no 52


def test_a_shared_topic_phrase_is_no_shared_fact_unless_each_names_whom_the_other_is_about():
    a = make("a", "North Herald", "2024-06-09",
             "Governor Elena Marsh opened the coastal flood office in Port Vell on Saturday.",
             "Senator Ivo Brandt has a rally planned for Thursday evening in Dover ahead of next Tuesday's "
             "Harbour County primary, the final contest of the Liberal race.")
    b = make("b", "South Gazette", "2024-06-08",
             "Governor Elena Marsh opened the coastal flood office in Port Vell on Saturday.",
             "The final contest in the Liberal primary race comes June 11, when voters in Harbour County head to "
             "the polls.")
    facts = facts_of(a, b)
    assert not any({"a", "b"} <= {c.source for c in f.citations} and "rally" in f.text + "".join(
        c.text for c in f.citations) for f in facts)
    assert linked_sources(facts, "flood office") == {"a", "b"}


def test_who_made_a_poll_is_no_participant_in_what_it_found():
    a = make("a", "North Herald", "2024-05-02",
             "A national poll released Sunday by the Harbour Ledger and Channel Nine shows Mayor Ana Ruiz keeping "
             "her lead in the national vote after the storm.")
    b = make("b", "South Gazette", "2024-05-02",
             "Former governor Ivo Kline took just 6 percent of the national vote in a Harbour Ledger-Channel Nine "
             "poll released Sunday, which shows his worst standing in two years.")
    assert kept_apart(a, b)  # Ruiz's lead, Kline's 6 percent
    assert poll_sponsors("Marsh's poll numbers fell again.") == frozenset()  # whose standing, not who polled


def test_whom_an_insertion_names_takes_part_in_the_fact():
    a = make("a", "North Herald", "2024-05-02", "Mayor Ana Ruiz signed the harbour flood bill on Tuesday morning.")
    b = make("b", "South Gazette", "2024-05-02",
             "She signed the harbour flood bill on Tuesday morning after a long night of debate.")
    claim = b[1].claims[0]
    she = replace(claim, insertions=(Insertion(at=3, text="Ana Ruiz"),))  # as the standalone stage gives "She"
    assert linked_sources(facts_of(a, b), "flood bill") == set()  # "She" alone names no one
    assert linked_sources(facts_of(a, (b[0], replace(b[1], claims=(she,)))), "flood bill") == {"a", "b"}


def test_the_same_long_quotation_is_one_statement_whoever_the_sentence_names():
    quote = ("“We will rebuild every pier on this coast and we will not wait for the federal money to arrive this "
             "winter,”")
    a = make("a", "North Herald", "2024-05-02", f"Governor Elena Marsh said in her formal statement: {quote[:-2]}.”")
    b = make("b", "South Gazette", "2024-05-03",
             f"The Republican candidate appeared to set out her plans by saying {quote} before leaving the port.")
    c = make("c", "East Ledger", "2024-05-03", "Governor Elena Marsh said the harbour must wait for federal money.")
    facts = facts_of(a, b, c)
    assert linked_sources(facts, "rebuild every pier") == {"a", "b"}
    assert not any({"a", "c"} <= {x.source for x in f.citations} for f in facts)


def test_whom_a_claim_is_first_about_skips_its_dateline_and_reads_an_opening_insertion():
    a = make("a", "North Herald", "2024-05-06",
             "NEW YORK (AP) — Ana Ruiz announced on Monday that she is expecting her second child this summer.")
    b = make("b", "South Gazette", "2024-05-06",
             "He revealed on Monday that he would vote for Ana Ruiz in the harbour primary.")
    claim = b[1].claims[0]
    he = replace(claim, insertions=(Insertion(at=2, text="Ivo Lind"),))  # "He [Ivo Lind]"
    c = make("c", "East Ledger", "2024-05-06", "Ivo Lind chairs the harbour board.")
    nodes = build_graph([a[0], b[0], c[0]], [a[1], replace(b[1], claims=(he,)), c[1]]).nodes
    leads = {n.source.id: n.profile.lead for n in nodes}
    assert leads["a"] == frozenset(content_tokens("Ana Ruiz"))  # not the dateline's city or agency
    assert leads["b"] == frozenset(content_tokens("Ivo Lind"))  # not Ruiz, whom he votes for


def test_two_outlets_quoting_the_same_rare_words_about_one_party_tell_one_statement():
    # The quoted words are the statement's own: two shared plain words are enough when both
    # sentences name, outside the quotation, the party it is about.
    a = make("a", "North Herald", "2024-05-02",
             "He added that Mayor Tom Ruiz behaves “like a sulking toddler” and is “not a serious man” "
             "because he opposes the harbour tax.")
    b = make("b", "South Gazette", "2024-05-03",
             "Then she turned on Ruiz, calling him “reckless” and accusing him of acting like a “sulking toddler.”")
    assert linked_sources(facts_of(a, b), "sulking toddler") == {"a", "b"}


def test_a_quoted_wording_with_no_party_named_outside_it_is_not_enough():
    # A headline-shaped fragment quotes the words but names no one outside the quotation.
    a = make("a", "North Herald", "2024-05-02", "Spurns deal, blasts 'reckless view of Port Vell.'",
             "The harbour board says the mayor spurns every deal put to the council.")
    b = make("b", "South Gazette", "2024-05-03",
             "“Ada Kline's reckless view of Port Vell could sink the harbour,” Mayor Tom Ruiz said in a statement.")
    assert kept_apart(a, b)


def test_a_fact_told_only_on_the_side_of_another_sentence_is_not_that_fact():
    # The shared words sit in a trailing relative clause or an "after" clause: the sentence is
    # about something else (the candidates' plans, Ruiz's reply), not the board's finding.
    finding = make("a", "North Herald", "2024-05-02",
                   "The harbour board concluded this week that Mayor Tom Ruiz had been reckless in his handling "
                   "of the dredging contract, but did not refer him to prosecutors.")
    aside = make("b", "South Gazette", "2024-05-03",
                 "Council candidates say they will still campaign beside Mayor Tom Ruiz, who has been battered by "
                 "the harbour board's conclusion that he was reckless in his handling of the dredging contract.")
    assert linked_sources(facts_of(finding, aside), "harbour board concluded") == {"a"}
    remark = make("c", "East Courier", "2024-05-02",
                  "“He is becoming the port's worst enemy,” Mayor Tom Ruiz said of Ivo Lind at the dock on Monday.")
    reply = make("d", "West Ledger", "2024-05-03",
                 "Ivo Lind hit back at Mayor Tom Ruiz on Tuesday after the mayor had said on Monday at the dock "
                 "that he was becoming the port's worst enemy.")
    assert linked_sources(facts_of(remark, reply), "hit back") == {"d"}


def test_main_part_drops_what_a_sentence_tells_on_the_side():
    assert main_part("Following a lunch with Ivo Lind, Ruiz is due on the radio.") == "Ruiz is due on the radio."
    assert main_part("Ruiz, who chairs the board, signed the contract.") == "Ruiz, signed the contract."
    assert main_part("Ruiz hit back on Sunday after Kline had called him a liability.") == "Ruiz hit back on Sunday"
    # an "after" phrase that opens the sentence before a comma is the sentence's own time
    assert main_part("Even the day after the vote, Ruiz held the spotlight.") == \
        "Even the day after the vote, Ruiz held the spotlight."


def test_what_others_did_about_a_quotation_is_not_the_statement():
    said = make("a", "North Herald", "2024-05-02",
                "Mayor Tom Ruiz said he wants \"a total freeze on hiring at the harbour authority until the "
                "auditors can tell us what is going on.\"")
    rally = make("b", "South Gazette", "2024-05-03",
                 "Led by union chief Ivo Lind, the rally denounced Mayor Tom Ruiz's call for \"a total freeze on "
                 "hiring at the harbour authority until the auditors can tell us what is going on.\"")
    assert linked_sources(facts_of(said, rally), "rally denounced") == {"b"}
    # a shorter quotation, with names in it: the overlap is only the quoted words
    said = make("c", "East Courier", "2024-05-02",
                "Mayor Tom Ruiz said he wants \"a total freeze on Harbour Authority hiring until Port Vell knows "
                "what is going on.\"")
    rally = make("d", "West Ledger", "2024-05-03",
                 "Led by union chief Ivo Lind, the rally denounced Mayor Tom Ruiz's call for \"a total freeze on "
                 "Harbour Authority hiring.”")
    assert linked_sources(facts_of(said, rally), "rally denounced") == {"d"}


def test_a_straight_quotation_mark_closed_by_a_curly_one_is_a_quotation():
    text = 'The rally denounced the call for "a total freeze on hiring.” Then it ended.'
    assert [text[s:e] for s, e in quoted_spans(text)] == ['"a total freeze on hiring.”']


def test_one_claim_told_with_other_values_is_one_disputed_item():
    # The two books' claims differ in a date (a discrepancy): one claim, so one item with
    # both allegations and both denials, not two items about the same meetings.
    a = make("a", "North Herald", "2024-11-08",
             "Governor Elena Marsh met the shipping magnate Ivo Lind at least seven times after she left office "
             "in 2021, a book released last month said.",
             "But Marsh's aides pushed back on this claim, calling it fiction.")
    b = make("b", "South Gazette", "2024-11-09",
             "According to Tom Ruiz's latest book, Marsh and Lind might have met a half-dozen other times after she "
             "left office in 2020.",
             "The Marsh campaign denied the reports, calling the stories from the book made up.")
    briefing = link_briefing([a[0], b[0]], [a[1], b[1]])
    assert [d.kind for d in briefing.discrepancies] == ["date"]
    assert [sorted((s.stance, s.citations[0].source) for s in d.sides) for d in briefing.disputed] == \
        [[("alleged", "a"), ("alleged", "b"), ("denied", "a"), ("denied", "b")]]


def test_a_source_that_says_nothing_of_who_it_is_is_an_unnamed_source():
    for bare in ("Sources", "A third source", "the sources", "another source", "Two sources"):
        assert party(bare) == "an unnamed source"
    for described in ("harbour authority sources", "a source at the Port Vell station", "Ivo Lind"):
        assert party(described) == described


def test_figures_that_count_different_things_do_not_keep_one_fact_apart():
    # "the first two contests" and "three hours earlier": no figure of one thing, so the
    # memo both outlets tell is one fact.
    a = make("a", "North Herald", "2024-05-02",
             "In a memo released as the polls closed Tuesday, Kline's campaign manager Ola Brandt said "
             "the two camps had split the first two contests, an outcome she called \"long expected.\"")
    b = make("b", "South Gazette", "2024-05-02",
             "Three hours earlier, a Kline campaign memo was released as the polls closed, calling the "
             "defeat \"long expected.\"")
    assert linked_sources(facts_of(a, b), "memo") == {"a", "b"}


def test_a_bare_figure_still_keeps_two_findings_apart():
    # "three-quarters" is a share of whatever it counts: against "62 percent" it is another finding.
    a = make("a", "North Herald", "2024-05-02",
             "Exit polls in Port Vell found that about three-quarters of harbour voters back a levy on "
             "cruise ships entering the bay.")
    b = make("b", "South Gazette", "2024-05-03",
             "Exit polls in Port Vell showed that 62 percent of harbour voters back a levy on cruise "
             "ships entering the bay.")
    assert kept_apart(a, b)


def test_a_number_before_a_comma_counts_nothing():
    # "Lazar, 44, known online as …": an age, not 44 of anything; "3,000 jobs" keeps its comma.
    assert [q.unit for q in quantities("Ada Kline, 44, known online as a reformer, spoke.")] == []
    assert [(q.unit, q.value) for q in quantities("The yard cut 3,000 jobs, 12 of them in Port Vell.")] \
        == [("job", 3000.0)]


FAREWELL = ("On Friday evening Ada Kline delivered her farewell address as mayor of Port Vell, thanking the "
            "dock workers who had backed her and warning her successor against cutting the ferry budget.")


def test_an_act_told_with_more_on_the_side_is_one_fact_on_the_same_day():
    # The core clause ("Ada Kline delivered her farewell address as mayor") tells the act the
    # other outlet previews; what the participles add on the side does not make it another fact.
    a = make("a", "North Herald", "2024-05-03",
             "On Friday evening, Ada Kline will deliver her farewell address at the harbour hall in Port Vell.")
    b = make("b", "South Gazette", "2024-05-03", FAREWELL)
    assert linked_sources(facts_of(a, b), "farewell") == {"a", "b"}


def test_an_act_told_with_more_on_the_side_needs_the_same_day():
    a = make("a", "North Herald", "2024-05-03",
             "Ada Kline will deliver her farewell address at the harbour hall in Port Vell.")
    b = make("b", "South Gazette", "2024-05-03", FAREWELL)
    assert kept_apart(a, b)


BOARD_B = ("At Tuesday's harbour board meeting Ada Kline delivered her farewell address, warning her "
           "successor against cutting the ferry budget, selling the old customs house or raising the mooring "
           "fees that the board had frozen eight years ago.")


def test_an_act_told_with_more_on_the_side_on_the_same_weekday_is_one_fact():
    # "Tuesday's meeting" names the day in both (in a sentence that also says "eight years ago",
    # the weekday is given no date of its own).
    a = make("a", "North Herald", "2024-05-08",
             "Ada Kline delivered her farewell address at Tuesday's harbour board meeting, thanking the "
             "dock workers and river pilots who had carried her campaign eight years ago.")
    b = make("b", "South Gazette", "2024-05-08", BOARD_B)
    assert not build_graph([b[0]], [b[1]]).nodes[0].profile.days
    assert linked_sources(facts_of(a, b), "farewell") == {"a", "b"}


def test_an_act_told_with_more_on_the_side_without_a_day_in_common_is_not_enough():
    a = make("a", "North Herald", "2024-05-08",
             "Ada Kline delivered her farewell address at the harbour board meeting, thanking the dock "
             "workers and river pilots who had carried her campaign eight years ago.")
    b = make("b", "South Gazette", "2024-05-08", BOARD_B)
    assert kept_apart(a, b)


def test_attacking_for_contributions_is_criticizing_for_donations():
    a = make("a", "North Herald", "2024-05-08",
             "Ada Kline has criticized Tom Ruiz for accepting donations from the ferry operators.")
    b = make("b", "South Gazette", "2024-05-08",
             "Ada Kline has attacked Tom Ruiz repeatedly for taking contributions from the ferry operators.")
    assert linked_sources(facts_of(a, b), "ferry") == {"a", "b"}


def test_two_winners_of_one_day_are_two_facts():
    # The same day and the same core ("won Tuesday's primary against an ally of the other"),
    # but each is first about another winner.
    a = make("a", "North Herald", "2024-05-08",
             "Ada Kline won Tuesday's primary in Harbourton against a Tom Ruiz ally, thanking the dock "
             "workers who had backed her and promising a new ferry.")
    b = make("b", "South Gazette", "2024-05-08",
             "Tom Ruiz won Tuesday's primary in Alton against an Ada Kline ally, crediting the farmers' "
             "cooperative and vowing to cut the harbour levy before summer.")
    assert kept_apart(a, b)


def results_of(text: str) -> set[tuple[frozenset[str], frozenset[str]]]:
    """Who won what, as the profile of the claim ``text`` in an article of its own tells it."""
    a = make("a", "North Herald", "2024-05-08", text)
    return set(next(n for n in build_graph([a[0]], [a[1]]).nodes if n.claim.text == text).profile.won)


def test_who_won_what_is_read_from_the_core_clause():
    assert results_of("Ada Kline captured Harbourton and Alton in the river primaries.") \
        == {(frozenset(content_tokens("Ada Kline")), frozenset(content_tokens("Harbourton Alton")))}
    # the winner before each win word, and a sentence's lead where none stands right before it
    assert results_of("Ada Kline won Harbourton, while Tom Ruiz won Alton and Dover.") == {
        (frozenset(content_tokens("Ada Kline")), frozenset(content_tokens("Harbourton"))),
        (frozenset(content_tokens("Tom Ruiz")), frozenset(content_tokens("Alton Dover")))}
    assert results_of("Ada Kline scored a decisive victory in Tuesday's Harbourton primary.") \
        == {(frozenset(content_tokens("Ada Kline")), frozenset(content_tokens("Harbourton")))}
    # no result: a hope, a negation, a victory rally, a win told on the side
    assert not results_of("Ada Kline hopes to win Harbourton and Alton next week.")
    assert not results_of("Ada Kline has not won Harbourton since the flood.")
    assert not results_of("Ada Kline thanked supporters at a victory rally in Harbourton.")
    assert not results_of("Ada Kline is widening her lead in the race with an early win in Harbourton.")
    assert not results_of("The ferry levy was cut in Dover, where Ada Kline won Harbourton.")


def test_one_winner_of_the_same_places_told_in_other_words_is_one_fact():
    # "captured" and "won the primaries in": no plain word in common but the result.
    a = make("a", "North Herald", "2024-05-08", "Ada Kline has captured Harbourton and her home county of Alton.")
    b = make("b", "South Gazette", "2024-05-08",
             "Senator Ada Kline won the river primaries in Alton and in Harbourton.")
    assert linked_sources(facts_of(a, b), "Harbourton") == {"a", "b"}


def test_a_pronoun_winner_is_the_one_its_insertion_names():
    a = make("a", "North Herald", "2024-05-08",
             "He also captured the river primaries in Harbourton and his home county of Alton.")
    a = (a[0], replace(a[1], claims=tuple(replace(c, insertions=(Insertion(at=2, text="Tom Ruiz"),))
                                          for c in a[1].claims)))
    b = make("b", "South Gazette", "2024-05-08", "Councillor Tom Ruiz won the river primaries in Alton and Harbourton.")
    assert linked_sources(facts_of(a, b), "Harbourton") == {"a", "b"}


def test_other_places_another_winner_a_part_or_a_compound_result_are_not_one_fact():
    b = make("b", "South Gazette", "2024-05-08",
             "Senator Ada Kline won the river primaries in Alton and in Harbourton.")
    for other in ("Ada Kline has captured Dover and her home county of Alton.",  # other places
                  "Tom Ruiz has captured Harbourton and his home county of Alton.",  # another winner
                  "Ada Kline has captured her home county of Alton.",  # a part: two parts under it would be one fact
                  "Ada Kline has captured Alton and Harbourton, while Tom Ruiz has captured Dover."):  # two results
        a = make("a", "North Herald", "2024-05-08", other)
        assert kept_apart(a, b), other


def test_a_sentence_telling_two_things_does_not_gather_the_tellings_of_each():
    # The lead would be verified against both (the most links), and cite as one fact a
    # result and a delegate count that the two others tell apart.
    two = make("a", "North Herald", "2024-05-08",
               "Ada Kline won the river primaries in Dover, Alton and Hale, widening her lead in the delegate "
               "count over Tom Ruiz.")
    result = make("b", "South Gazette", "2024-05-08",
                  "Ada Kline has captured the river primaries in Dover, Alton and Hale.")
    count = make("c", "East Courier", "2024-05-08",
                 "Ada Kline has widened her lead in the delegate count over her rival Tom Ruiz.")
    facts = facts_of(two, result, count)
    assert all({"b", "c"} - {c.source for c in f.citations} for f in facts)
    assert linked_sources(facts, "captured") == {"a", "b"}
