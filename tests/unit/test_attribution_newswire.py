"""extract: attribution patterns of general newswire style (issue 11), on invented sentences."""

from articles import article

from briefing.extract.quotes import extract_quotes
from briefing.extract.speakers import Mention, SpeakerBook, TokenIndex, resolve, tokenize
from briefing.sentences import split_sentences


def quotes_of(*paragraphs: str, kinds: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    art = article(*paragraphs, kinds=kinds)
    quotes, _, _ = extract_quotes(art, split_sentences(art))
    return [(q.text, q.speaker) for q in quotes]


def speakers_of(*paragraphs: str) -> list[str | None]:
    return [speaker for _, speaker in quotes_of(*paragraphs)]


def phrases_of(*paragraphs: str) -> list[tuple[str, str | None]]:
    art = article(*paragraphs)
    _, phrases, _ = extract_quotes(art, split_sentences(art))
    return [(p.text, p.speaker) for p in phrases]


# -- honorific + surname -------------------------------------------------------------

def test_honorific_and_surname_after_the_quote_names_the_fullest_form():
    assert speakers_of("Representative Albert K. Dunmore of Ohio toured the levee on Monday.",
                       "“The levee will hold through the spring,” Mr. Dunmore said.") == ["Albert K. Dunmore"]


def test_inverted_said_with_an_honorific():
    assert speakers_of("Economist Leona Pratt studied the plan.",
                       "“It is a tax increase with a new name,” said Ms. Pratt, who advised two governors."
                       ) == ["Leona Pratt"]


def test_honorific_quote_split_around_the_attribution():
    assert speakers_of("Dr. Ilse Brandt runs the clinic.",
                       "“We are full every night,” Dr. Brandt said. “Nobody plans for winter.”"
                       ) == ["Ilse Brandt", "Ilse Brandt"]


# -- two apostrophes as double quotation marks -----------------------------------------

def test_two_apostrophes_work_as_double_quotation_marks_and_stay_out_of_the_text():
    assert quotes_of("''We will rebuild the pier by summer,'' Mayor Tomas Reyes said. ''Then we will see.''"
                     ) == [("We will rebuild the pier by summer,", "Tomas Reyes"), ("Then we will see.", "Tomas Reyes")]


def test_two_apostrophe_quotation_with_an_apostrophe_and_a_nested_single_quote_inside():
    assert quotes_of("''It's not 'a crisis' yet, but the town's water is low,'' said Nadia Orlov, the engineer."
                     ) == [("It's not 'a crisis' yet, but the town's water is low,", "Nadia Orlov")]


def test_two_apostrophe_quotation_running_over_paragraphs():
    assert quotes_of("Ivo Marsh, a farmer, said: ''The river came up in an hour and took the fences.",
                     "''Nobody had warned us.''") == [
        ("The river came up in an hour and took the fences.", "Ivo Marsh"), ("Nobody had warned us.", "Ivo Marsh")]


# -- reporting verbs and surnames that look like titles -------------------------------------

def test_demanded_and_sings_are_reporting_verbs():
    assert speakers_of("“Who signed the order?” Senator Paula Greer demanded.",
                       "“Hold the line,” Odile Fane sings in the second verse.") == ["Paula Greer", "Odile Fane"]


def test_a_surname_that_is_also_a_title_word_is_a_name():
    assert speakers_of("Columnist Dora King joined the panel.",
                       "“Turnout decides it,” Ms. King added.") == ["Dora King"]


def test_a_title_after_a_nationality_stays_a_title():
    assert speakers_of("Norwegian King Halvard Berg opened the bridge.",
                       "“It joins two towns,” the Norwegian king said.") == ["Halvard Berg"]


# -- appositions, parentheses and descriptions after the quotation --------------------------

def test_party_and_state_in_parentheses_after_the_name():
    assert speakers_of("“The bill is dead on arrival,” Sen. Hollis Crane (R-Utah) said Friday.") == ["Hollis Crane"]


def test_a_long_apposition_with_two_commas_before_the_verb():
    assert speakers_of("“The rule takes power from the states,” Ruth Amsel, the Democratic attorney general "
                       "of Maine, one of the states that sued, said at a hearing.") == ["Ruth Amsel"]


def test_a_name_right_before_the_verb_after_a_trailing_phrase():
    assert speakers_of("Analyst Joel Prentiss read the plan.",
                       "“It is tidy work” on the whole, Mr. Prentiss said. “The numbers add up.”"
                       ) == ["Joel Prentiss", "Joel Prentiss"]


def test_a_description_with_a_preposition_is_kept_as_written_not_a_name_inside_it():
    assert speakers_of("“We do not comment on rumours,” a spokeswoman for Hana Ortiz said.") == [
        "a spokeswoman for Hana Ortiz"]


def test_a_description_of_an_ad_narrator():
    assert speakers_of("“Why should you pay more than they do?” a narrator in the Delgado ad asks.") == [
        "a narrator in the Delgado ad"]


def test_a_definite_description_with_an_adjective_is_kept():
    assert speakers_of("“The talks failed,” the influential daily reported.") == ["the influential daily"]


# -- titles next to a reporting verb --------------------------------------------------------

def test_a_programme_title_beside_the_verb_is_no_quote():
    art = article("Speaking on “Morning With Dana Cole,” Senator Ida Worth said the vote would pass.",
                  "Her book, “Rivers of the North Country.” was praised by Lena Ash.")
    quotes, phrases, _ = extract_quotes(art, split_sentences(art))
    assert quotes == ()
    assert sorted(p.kind for p in phrases) == ["title", "title"]


# -- transcripts ----------------------------------------------------------------------------

def test_transcript_lines_inside_a_quotation_are_their_speakers():
    assert quotes_of("Host Carla Jimenez pressed Governor Ned Farrow on Sunday:",
                     "“JIMENEZ: Will you sign the bill this week?",
                     "“FARROW: We will sign it when it is ready, and not a day before.",
                     "“We owe the voters a bill that works.”") == [
        ("Will you sign the bill this week?", "Carla Jimenez"),
        ("We will sign it when it is ready, and not a day before.", "Ned Farrow"),
        ("We owe the voters a bill that works.", "Ned Farrow")]


def test_a_quotation_signed_with_a_dash_and_a_name():
    assert speakers_of("Readers wrote in after the debate.",
                       "“He never answered a single question about the budget.” ― Rosa Q. Almeida",
                       "“I came away with more questions than I had before.” — Tobias Wren.") == [
        "Rosa Q. Almeida", "Tobias Wren"]


def test_a_dash_before_a_clause_is_no_signature():
    assert speakers_of("“We lost the vote by three seats” — Then the hall emptied.") == [None]


# -- the speaker named in the paragraph before -------------------------------------------------

def test_a_colon_at_the_end_of_the_paragraph_before_introduces_the_quotation():
    assert speakers_of("The Harbour Gazette reports:",
                       "“Only a third of the boats went out this season, the lowest count in decades.”"
                       ) == ["Harbour Gazette"]


def test_a_person_introduced_then_quoted_in_a_paragraph_of_its_own():
    assert speakers_of("Mayor Lidia Soren was more careful than her council in a statement on Tuesday.",
                       "“If a bridge cannot be kept safe, it should be closed.”") == ["Lidia Soren"]


def test_a_quote_paragraph_after_a_paragraph_about_something_else_stays_unattributed():
    assert speakers_of("The bridge reopened on Tuesday after two years.",
                       "“If a bridge cannot be kept safe, it should be closed.”") == [None]


def test_a_short_x_reports_line_taken_for_a_heading_still_introduces_the_quotation():
    art = article("Fewer boats went out this year.", "The Harbour Gazette reports:",
                  "“Only a third of the boats went out this season, the lowest count in decades.”",
                  kinds=("body", "heading", "body"))
    quotes, _, _ = extract_quotes(art, split_sentences(art))
    assert [q.speaker for q in quotes] == ["Harbour Gazette"]


def test_phrases_in_the_paragraph_before_do_not_stop_the_introduced_speaker():
    assert speakers_of("Senator Ada Quill called the fees “unfair” and the bank “reckless” on Tuesday.",
                       "“If a bank cannot be run safely, it should be broken up.”") == ["Ada Quill"]


# -- partial quotes: the subject of the governing verb, not the nearest name ----------------------

def test_a_partial_quote_goes_to_the_subject_not_to_the_object_named_after_the_verb():
    assert phrases_of("Finnish Premier Aino Salo congratulated Petra Lind on her win, but admitted "
                      "she had “no plan yet” for the talks.") == [("no plan yet", "Aino Salo")]


def test_a_headline_partial_quote_goes_to_the_subject_of_says():
    art = article("Salo congratulates Lind on victory, says she is 'ready to meet soon'",
                  "Finnish Premier Aino Salo spoke to Petra Lind on Monday.", kinds=("headline", "body"))
    _, phrases, _ = extract_quotes(art, split_sentences(art))
    assert [(p.text, p.speaker) for p in phrases] == [("ready to meet soon", "Aino Salo")]


def test_he_in_a_later_clause_is_the_subject_not_the_object():
    assert phrases_of("Mayor Karl Voss met Governor Lena Holt in March, during which he praised his "
                      "“close partnership” with the state.") == [("close partnership", "Karl Voss")]


def test_a_book_title_is_no_phrase_of_its_author():
    assert phrases_of("According to Ruth Pell's new book “Harbour,” the two met often.") == [("Harbour,", None)]


# -- a colon without a reporting verb -------------------------------------------------------------

def test_a_name_right_before_a_colon_is_the_speaker():
    assert speakers_of("The early lead does not surprise pollster Ines Marlow: “Late deciders broke our way.”"
                       ) == ["Ines Marlow"]


def test_a_colon_after_a_clause_leaves_the_quotation_to_the_subject():
    assert speakers_of("The Coastal Ledger reveals the numbers: “Of 4,000 voters, 1,200 never turned out.”"
                       ) == ["Coastal Ledger"]


def test_charged_is_a_reporting_verb():
    assert speakers_of("“They were sent without a plan,” Senator Owen Pryce charged.") == ["Owen Pryce"]


# -- a speaker is never a sentence-initial word or fragment --------------------------------------------

def test_a_sentence_initial_word_is_no_speaker():
    assert speakers_of("Hours later the count was done.",
                       "Hours later, “We have won the district,” Vera Ng said.",
                       "Adding to the mood, “It was a long night,” she said.") == ["Vera Ng", "Vera Ng"]


def test_a_gerund_or_a_day_glued_to_a_name_is_dropped():
    text = "Reporter Milo Trent followed the race, and the mood was entering a new phase."
    book = SpeakerBook()
    book.learn(TokenIndex(text), [(0, len(text))])
    assert resolve(book, Mention(tokenize("Entering Tuesday"))).name is None
    assert resolve(book, Mention(tokenize("Entering Tuesday Trent"))).name == "Milo Trent"


def test_a_heading_in_capitals_is_no_speaker():
    assert speakers_of("TURNOUT STAYS LOW IN THE NORTH",
                       "TURNOUT STAYS LOW said: “At long last the count is in, and few people came out.”") == [None]


def test_a_leading_prepositional_phrase_is_not_the_subject():
    assert speakers_of("Senator Nora Vance spoke after him.",
                       "Of Brandt, Vance said voters found him “hard to read and harder to trust for a long time.”",
                       "“He is improving,” she said.") == ["Nora Vance", "Nora Vance"]


# -- runs of one speaker's words; role nouns by salience -----------------------------------------------

def test_a_programme_title_between_two_parts_does_not_break_the_speaker_run():
    assert speakers_of("“We are not winning yet,” Senator Lea Marsh said on “Morning Desk” on Sunday. "
                       "“The plan needs more time and more money.”") == ["Lea Marsh", "Lea Marsh"]


def test_an_opening_mark_typed_as_the_closing_one():
    assert quotes_of("“It is unusual,“ said Otto Brenn, a lawyer with the Civic Law Center.") == [
        ("It is unusual,", "Otto Brenn")]


def test_the_senator_goes_to_the_most_recent_senator():
    assert speakers_of("Sen. Ida Cross spoke after Governor Paul Webb left the room.",
                       "Webb had promised a vote by June.",
                       "“We will not wait for June,” the Ohio senator said.") == ["Ida Cross"]


def test_an_unclear_role_noun_stays_unattributed():
    assert speakers_of("Ida Cross spoke after Paul Webb left the room.",
                       "“We will not wait for June,” the senator said.") == [None]


def test_a_verb_before_the_quotation_with_the_name_after_it():
    assert speakers_of("Because the calendar is short, explained Dina Roth, “the race will be over by the middle "
                       "of March and nobody will remember the long autumn.”") == ["Dina Roth"]


def test_comma_said_and_a_name_after_a_trailing_phrase():
    assert speakers_of("“For most teachers, he says the right things” about pay and class sizes, "
                       "said Marta Kiel, head of the teachers' group.") == ["Marta Kiel"]


def test_a_day_between_the_subject_and_its_verb():
    assert speakers_of("Ravi Desai later Thursday told reporters: “Both leaders meet next week.”") == ["Ravi Desai"]


def test_one_campaign_source_is_kept_as_a_description():
    assert speakers_of("“It is the nominee's party,” one campaign source said.") == ["one campaign source"]


# -- long partial quotations ----------------------------------------------------------------------

def test_a_partial_quotation_of_eight_words_is_a_quote_of_the_verbs_subject():
    assert quotes_of("Harbour master Ines Kato said the old pier would “keep the boats safe through the worst "
                     "storms.”") == [("keep the boats safe through the worst storms.", "Ines Kato")]


def test_a_long_partial_quotation_without_a_reporting_verb_goes_to_the_subject():
    assert speakers_of("Senator Ada Quill called the budget “a waste of time, money and everyone's patience.”"
                       ) == ["Ada Quill"]


def test_a_short_partial_quotation_without_a_reporting_verb_stays_a_phrase_without_a_guess():
    assert phrases_of("The Harbour Board met on Monday and approved “a fair fee” for the boats.") == [
        ("a fair fee", None)]


# -- names: party words, datelines, countries ---------------------------------------------------------

def test_a_party_word_before_a_full_name_is_no_part_of_it():
    assert speakers_of("“We will hold the seat,” Republican Dale Amory said.",
                       "“Not this year,” Democratic Sen. Rhea Cole said.") == ["Dale Amory", "Rhea Cole"]


def test_a_dateline_is_not_the_subject():
    assert phrases_of("Lisbon (Wire) – Mayor Ines Paz has criticised the plan, saying “empty promises” "
                      "help nobody.") == [("empty promises", "Ines Paz")]


def test_a_country_name_ending_in_a_verb_like_word_is_no_reporting_verb():
    assert phrases_of("Mayor Ines Paz said the United States has become a “safe harbour” for the boats.") == [
        ("safe harbour", "Ines Paz")]


def test_three_apostrophes_close_a_single_and_a_double_quotation():
    assert quotes_of("''We hear it every week, 'the harbour is a special case,''' Mr. Odum said. ''It never is.''",
                     "Port director Felix Odum spoke at noon.") == [
        ("We hear it every week, 'the harbour is a special case,'", "Felix Odum"), ("It never is.", "Felix Odum")]


def test_as_someone_put_it():
    assert speakers_of("As Ruth Amsel, a historian of the region, put it: “Everyone here is waiting for "
                       "the next election.”") == ["Ruth Amsel"]


def test_a_state_abbreviation_in_an_apposition_does_not_end_the_attribution():
    assert speakers_of("“Every hour felt like a year,” Mr. Pell, now retired in Salem, Mass., said by "
                       "telephone.", "Tomas Pell was held for a month.") == ["Tomas Pell"]


def test_a_plural_title_is_no_part_of_the_name():
    assert speakers_of("Senators Mira Olsen and Tad Vick met on Monday.",
                       "“We are close to a deal,” Ms. Olsen said.") == ["Mira Olsen"]


def test_a_party_description_is_no_name():
    assert speakers_of("Sen. Lorna Dietz, a New Hampshire Democrat, spoke first.",
                       "“The Democrat who wins here wins the state,” Paul Ebner said.",
                       "Democrats said “the count will take a long while yet, perhaps until the weekend.”") == [
        "Paul Ebner", "Democrats"]


def test_a_headline_name_on_a_topic_colon_is_the_first_name_not_the_topic():
    art = article("Mayor Lind On Harbour Fees: ‘We Will Not Raise Them’", "Mayor Ada Lind spoke on Monday.",
                  kinds=("headline", "body"))
    quotes, phrases, _ = extract_quotes(art, split_sentences(art))
    assert [q.speaker for q in quotes] + [p.speaker for p in phrases] == ["Ada Lind"]


# -- issue 11, train-vs-dev gaps: names, titles and verbs of general newswire style -----------------

def test_a_title_word_after_an_honorific_is_a_surname():
    assert speakers_of("Author Lena Singer lives in the valley.",
                       "''We moved here for the quiet,'' Ms. Singer said.") == ["Lena Singer"]


def test_a_surname_that_is_a_title_word_alone_goes_to_the_full_name():
    assert speakers_of("Rep. Owen King of Utah toured the dam.", "“It will hold,” King said.") == ["Owen King"]


def test_a_name_before_of_and_a_place_is_the_name():
    assert speakers_of("“We need the bridge,” said Representative Tara J. Bell of Vermont, who voted yes.") \
        == ["Tara J. Bell"]


def test_secretary_of_a_department_is_a_title_and_its_object_no_part_of_the_name():
    assert speakers_of("“The talks go on,” Secretary of State Ivo Lund said.",
                       "“We are patient,” the Secretary of State added.",
                       "“We are ready,” the Secretary of Agriculture said.") == [
        "Ivo Lund", "Ivo Lund", "the Secretary of Agriculture"]


def test_a_paper_named_post_is_no_reporting_verb():
    assert speakers_of("“The deal is off,” The Daily Post reported on Monday.") == ["Daily Post"]
    assert phrases_of("Mr. Orr told The Evening Post he was “still undecided” about it.") == [
        ("still undecided", "Orr")]


def test_a_capitalised_reporting_verb_after_a_lowercase_word_is_part_of_a_name():
    assert speakers_of("“I am very proud,” former State policy chief Dana Ferris wrote to the minister.") \
        == ["Dana Ferris"]


def test_phrasal_reporting_verbs():
    assert speakers_of("“Nobody reads the fine print,” Hal Brenner points out.",
                       "“Then read it to them,” Ivy Moss shot back.",
                       "“It happens,” Nils Ek went on, as if he had not heard. “Get over it.”") == [
        "Hal Brenner", "Ivy Moss", "Nils Ek", "Nils Ek"]


def test_a_question_in_single_quotes_ending_the_quotation_keeps_the_attribution_after_it():
    assert speakers_of("“People ask me, ‘What can we do?’” Weaver said.", "Rob Weaver runs the shelter.") == [
        "Rob Weaver"]
    assert speakers_of("''She would say, 'Why now?''' Mr. Lamb said.", "Ed Lamb is a pastor.") == ["Ed Lamb"]


def test_a_plural_possessive_inside_an_apposition():
    assert speakers_of("“We raised more than we hoped,” Jo Reyes, Sanders’ campaign treasurer, said.") == ["Jo Reyes"]


def test_a_possessive_owner_with_a_first_name_and_a_title_labels_the_role():
    assert speakers_of("“No comment,” said Senator Ada Ruiz's spokesman.", "“Later,” said Mia Holt’s lawyer.") == [
        "Ruiz spokesman", "Holt lawyer"]


def test_a_party_member_described_is_kept_as_the_description_in_lowercase():
    assert speakers_of("“He will fade by March,” said one Republican involved in the planning.",
                       "“Not so fast,” another Ohio Democrat added.",
                       "Another Republican, who asked not to be named, said “the count will take a long while "
                       "yet, perhaps until the weekend.”") == [
        "one Republican", "another Ohio Democrat", "another Republican"]


def test_a_name_and_any_verb_in_ed_after_an_open_ended_quotation():
    assert speakers_of("“Would you deport them all?” Lena Varga pressed. “Every one of them, even the children?”",
                       "“I would say this,” Omar Tell answered.",
                       "“They were never serious about it,” Ruth Dahl fumed on Tuesday.") == [
        "Lena Varga", "Lena Varga", "Omar Tell", "Ruth Dahl"]


def test_a_name_and_a_verb_in_ed_with_an_object_is_no_attribution():
    assert speakers_of("“Growth,” Ana Lind promised voters in a speech on jobs and roads.") == ["Ana Lind"]
    assert speakers_of("“We will see about that,” Mira Holt cooked dinner for everyone that night.") == [None]


def test_a_title_inside_the_apposition_does_not_cut_off_the_speaker():
    assert speakers_of("As Ivo Brandt, professor of law and author of ''The Long Court,'' put it, ''Judges "
                       "should remember that a compromise today is better than a defeat tomorrow.''") == ["Ivo Brandt"]


def test_has_said_after_the_quotation():
    assert speakers_of("“She still has the friends she had in school,” Paul Renner has said while "
                       "campaigning for his wife.") == ["Paul Renner"]


def test_an_opening_phrase_with_a_town_a_region_and_a_day_is_not_the_subject():
    assert phrases_of("At a rally in Dover, N.H., on Tuesday, Senator Bo Dern of Vermont endorsed her, "
                      "saying that she would ''make a fine president.''") == [("make a fine president.", "Bo Dern")]
    assert phrases_of("Speaking at a town hall in Salem, New Hampshire, Ted Greer went after his rival, calling "
                      "him “a total stiff.”") == [("a total stiff.", "Ted Greer")]


def test_a_participle_does_not_take_the_name_of_an_opening_phrase():
    assert phrases_of("In October, Mr. Pauls, who made billions, told investors the fears were ''overblown,'' "
                      "adding that the firm had ''big upside.''", "Karl Pauls runs a fund.") == [
        ("overblown,", "Karl Pauls"), ("big upside.", "Karl Pauls")]


def test_a_closed_class_word_opening_the_sentence_is_no_speaker():
    assert phrases_of("Even after the videos surfaced, the team denied it, with its manager taking to the radio "
                      "to call the reporter “totally delusional” for the claim.") == [("totally delusional", None)]


def test_a_generation_suffix_is_no_part_of_the_canonical_name():
    assert speakers_of("Admiral Harlan B. Dietz Jr. spoke in Tokyo.", "“We were not ready,” Admiral Dietz said.",
                       "“We are now,” said Owen Pratt Jr.") == ["Harlan B. Dietz", "Owen Pratt"]


def test_a_quotation_standing_alone_after_a_sentence_where_a_person_reports_something():
    assert speakers_of("Attorney General Rhea Lomax announced on Monday the suit against the county. "
                       "“We are seeking an order declaring the ban unlawful and stopping it.”") == ["Rhea Lomax"]
    assert speakers_of("Senator Bo Lind distanced himself from the group by saying he would help if asked. "
                       "“I will support him, and support him gladly, because he can do the job.”") == ["Bo Lind"]


def test_a_quotation_after_a_sentence_without_a_reporting_verb_stays_unattributed():
    assert speakers_of("Ana Ruiz went to the market on Monday. “The prices are far too high for everyone here.”") \
        == [None]


def test_an_opening_preposition_or_adverb_is_no_first_name():
    index = TokenIndex("Unlike Patriot, the firm kept its deals. Even Corin Lasky agreed.")
    book = SpeakerBook()
    book.learn(index, [(0, len(index.text))])
    assert book.persons == {"Corin Lasky"}


def test_said_of_someone_colon_is_the_subjects_not_the_topics():
    assert speakers_of("Nilo Ruiz, a former aide to Mr. Berg, said of Mr. Berg: “He is a local man through and "
                       "through, and he never forgets it.”") == ["Nilo Ruiz"]


def test_a_clause_before_the_comma_is_no_speaker_but_the_inverted_name_after_it_is():
    assert speakers_of('"He can say it, but it seems unlikely" that Mr. Holm can catch Ms. Vance, said Ed Pryor, '
                       "a strategist for an earlier campaign.") == ["Ed Pryor"]
    assert speakers_of('"He just stopped and asked, \'How do we win here?\'" Will Ostrow, the county chairman, '
                       "said of the visit.") == ["Will Ostrow"]


def test_a_message_to_someone_colon_is_the_senders():
    assert speakers_of("Senate leader Mara Quist delivered a blunt message to Mr. Holm: “It is time to quit "
                       "attacking people and to get on message.”") == ["Mara Quist"]


def test_telling_an_outlet_colon_is_the_subjects():
    assert speakers_of("Back in 1999, Mr. Orban praised his rival, telling Radio North: ''I wish I could be like "
                       "that. I just cannot.''", "Imre Orban ran twice.") == ["Imre Orban"]
    assert speakers_of("Hours later, Lia Pham returned the compliment, telling reporters, “We have been friends for "
                       "a long time.”") == ["Lia Pham"]


def test_asked_by_someone_is_the_askers_question():
    assert speakers_of("Mr. Lund was asked by moderator Gia Baker whether his plan would risk “adding another "
                       "costly program to an already strained budget.”") == ["Gia Baker"]


def test_a_clause_opening_description_with_a_plain_noun_is_the_subject():
    assert phrases_of("Mr. Vance took on Ms. Orr on Sunday after the Democratic front-runner had said that he was "
                      "''becoming their best recruiter.''") == [
        ("becoming their best recruiter.", "Democratic front-runner")]
    assert phrases_of("Ana Lind criticised the plan, which an official inquiry said was “deeply flawed” in parts.") \
        == [("deeply flawed", "an official inquiry")]


def test_a_participle_after_an_inverted_attribution_is_that_speakers():
    assert phrases_of("Mr. Vance will give a speech this month, Mr. Pell said, adding that he would also address "
                      "his ''gender gap.''", "Omar Pell runs the campaign.") == [("gender gap.", "Omar Pell")]
    assert speakers_of("Lia Dorn offered a Vance-style retort on the radio, tweeting at him, \"you are not just a "
                       "loser, you are a liar and a whiner.\"") == ["Lia Dorn"]


def test_a_phrase_with_a_final_inverted_attribution_after_a_prepositional_phrase():
    assert phrases_of('The bank has used "velvet gloves" in its dealings with Central Asia, said Mira Kass, an '
                      "expert at a university in the region.") == [("velvet gloves", "Mira Kass")]


def test_agreed_introduces_the_next_quotation():
    assert speakers_of("Professor Dina Holt agreed. “Mainstream voters are running out of time to find another "
                       "candidate.”") == ["Dina Holt"]


def test_a_parenthetical_inverted_says_in_the_middle_of_the_sentence():
    assert speakers_of('The paradox of the mayor, says Carl Amsel, a historian at the city library, is that she was '
                       '"one of the most powerful mayors in the history of the town," not for her laws.') == [
        "Carl Amsel"]


def test_party_and_state_in_parentheses_before_the_reporting_verb():
    assert speakers_of('Senate leader Harold M. Reece (D-Nev.) told reporters that he had spoken to the minister and '
                       'that "I think you are going to find a pause in these raids."') == ["Harold M. Reece"]


def test_a_verb_in_ed_before_the_name_after_an_open_ended_quotation():
    assert speakers_of('"A lot of analysts said no, and she set out to prove them wrong," remembered Roy Vell, the '
                       "firm's former spokesman.") == ["Roy Vell"]


def test_puts_it_and_a_label_after_a_dash():
    assert speakers_of("As The Courier's Dana Mill puts it, “Senators are unmoved, and activists are uninspired.”") \
        == ["Dana Mill"]
    assert speakers_of("Pollsters agree - Carl Bial: “One of the biggest lessons was a simple one: keep calling "
                       "voters.”") == ["Carl Bial"]


def test_a_quotation_after_a_phrase_attributed_in_the_sentence_before():
    assert speakers_of("Rep. Tom Colby of Utah said Thursday his worry is that he is “unpredictable.” Yet he is "
                       "also a “change agent,” Colby said. “That is exactly what people want right now, so he is "
                       "well placed.”") == ["Tom Colby"]


def test_a_reporting_participle_alone_before_the_quotation():
    assert speakers_of("Later in the show, Mahler stated that the report “was not good.” Adding, “Now, as with "
                       "all their scandals, what they actually do is never that bad.”") == ["Mahler"]


def test_then_after_a_name_is_no_part_of_the_subject():
    assert speakers_of("Ivo Dane then appears in a clip from a speech, saying, “Ivo Dane is calling for a "
                       "complete stop to it.”") == ["Ivo Dane"]


def test_a_first_person_contraction_or_a_note_is_no_speaker():
    index = TokenIndex("I'm the one who said it. Note the date.")
    assert resolve(SpeakerBook(), Mention(index.tokens[:1])).name is None
    assert resolve(SpeakerBook(), Mention([index.tokens[7]])).name is None


def test_a_person_of_a_town_and_region_is_the_speaker_not_the_region():
    assert phrases_of("Stacy Bakker of Dover, Delaware says she thinks he can win if he keeps “doing what he "
                      "is doing.”") == [("doing what he is doing.", "Stacy Bakker")]


def test_no_speaker_phrase_ends_on_of():
    assert phrases_of("In reply, the Vance campaign took the unusual step of criticizing the agencies, accusing "
                      'them of "classification run amok."') == [("classification run amok.", "Vance campaign")]


def test_the_verb_right_before_a_naming_quotation_beats_a_clause_after_it():
    assert speakers_of("In 2009, under what Mr. Hedd called ''the prior economy model, really,'' the Dune Club, a "
                       "private course north of here, charged a large fee.", "Ron Hedd runs the club.") == ["Ron Hedd"]


def test_telling_someone_after_the_quotation_names_the_addressee_not_the_speaker():
    assert phrases_of("The foundation did not want to address “that person,” telling Radio 35 that it is focused "
                      "on “ending senseless gun violence.”")[0] == ("that person,", None)


def test_an_attribution_ending_on_a_colon_introduces_what_follows():
    assert quotes_of('After Mr. Lasko said that some students might do better at "less advanced schools," Vera '
                     'Moss said: "I do not like what he said, no, I do not like it."', "Ira Lasko is a judge.") == [
        ("less advanced schools,", "Ira Lasko"), ("I do not like what he said, no, I do not like it.", "Vera Moss")]


def test_an_apposition_after_an_opening_word_or_a_clause_opener():
    assert speakers_of("Or, as Ted Rigg, a former minister of the interior, put it: ''The barbarians are no longer "
                       "at the gate. They are inside.''") == ["Ted Rigg"]
    assert speakers_of("The issue came up after Mr. Vance, asked about the deaths of reporters, had said, ''I think "
                       "our country does plenty of killing also.''", "Ivo Vance ran.") == ["Ivo Vance"]


def test_the_first_apposition_comma_when_the_apposition_holds_another_name():
    assert phrases_of("Ana Rubin, whose hometown, Dover, is projected to be underwater, argues that the plans will "
                      "''destroy our economy.''") == [("destroy our economy.", "Ana Rubin")]


def test_a_participle_after_the_verb_of_a_clause_opened_by_as():
    assert speakers_of("It was a potent punch, as Mrs. Orr echoed the criticism, saying Mr. Vance ''reminds us every "
                       "day that he is not in it for us.''", "Lena Orr spoke first.") == ["Lena Orr"]


def test_contended_and_to_say_and_any_verb_in_ed_before_a_comma():
    assert speakers_of("Exxel Mobil contended in its letter that the funds had ''a stated position and bias against "
                       "the industry.''") == ["Exxel Mobil"]
    assert speakers_of("The debate was so subdued that Mr. Vance was prompted to say, ''So far, I cannot believe how "
                       "civil it has been.''", "Ivo Vance ran.") == ["Ivo Vance"]
    assert speakers_of("During their debate, Lena Orr cracked, ''I am a progressive, but one who likes to get "
                       "things done.''") == ["Lena Orr"]


def test_a_noun_after_a_quoted_modifier_is_no_reporting_verb():
    assert speakers_of("On the radio with hosts Jo Scar and Mia Brandt, the Democratic presidential candidate stated "
                       "that the “divisive” and “mean” comments do not “fit with what I thought I knew about him.”"
                       )[-1] != "Mia Brandt"


def test_in_what_x_apposition_called_and_a_coordinated_second_verb():
    assert phrases_of('He protected the delegates at the convention, in what Bay Buchan, treasurer for the other '
                      'campaign, called "hand-to-hand combat."') == [("hand-to-hand combat.", "Bay Buchan")]
    assert phrases_of('And the trade pact, which Ivo Vance had called a "disaster" and promised to "rip up"? He '
                      "spoke instead about improving it.") == [("disaster", "Ivo Vance"), ("rip up", "Ivo Vance")]


def test_a_clause_final_attribution_beats_a_reporting_verb_in_a_relative_clause_before():
    assert speakers_of("Sen. Ada Rubin spoke after the speech. Nothing the president said “will calm the fears "
                       "of people,” the senator said.") == ["Ada Rubin"]


# -- descriptions, agents and subjects that run past the lexicons (stop 18) -------------

def test_a_party_word_before_a_lowercase_title_keeps_the_whole_subject():
    assert phrases_of("Republican county candidate Mara Velde is disowning a flyer that called the levy "
                      "a “blank cheque” for the council.") != [("blank cheque", "Republican")]
    art = article("Republican county candidate Mara Velde said the levy was a “blank cheque” for the council.")
    _, phrases, _ = extract_quotes(art, split_sentences(art))
    assert [p.speaker for p in phrases] == ["Mara Velde"]


def test_a_passive_naming_verb_takes_the_agent_after_the_quotation():
    assert phrases_of("Orla Finn's top housing and transport aide Ben Hale wrote memos that were labeled "
                      "“restricted” by the Transport Ministry last year.") == [("restricted", "Transport Ministry")]


def test_now_between_a_name_and_its_verb():
    assert phrases_of("The mayor wants every page released, even the ones Harbour Council now says are "
                      "“confidential.”") == [("confidential.", "Harbour Council")]


def test_according_to_a_described_study_names_the_study():
    phrases = phrases_of("According to a 2019 study by economists Tove Lind and Arne Sol, the drought is "
                         "partly to blame, but so is this “sudden change in water pricing.”")
    assert phrases and phrases[0][1] not in (None, "drought")


def test_a_participle_after_an_apposition_following_a_quotation_is_no_cue():
    assert phrases_of("That led Ruiz to call the budget “very elastic,” a jab at the treasurer "
                      "acknowledging that he had changed his figures.") != [("very elastic,", "a jab at the treasurer")]


def test_a_bare_surname_that_is_also_a_title_is_the_person_not_a_church_named_after_a_king():
    assert phrases_of("Mourners filled King Solomon Baptist Church on Sunday.",
                      "Tennis great Rosa Jean King remembered the champion as generous.",
                      "King says he “walked the walk.”") == [("walked the walk.", "Rosa Jean King")]


def test_a_plain_noun_between_a_capitalised_word_and_a_group_noun_belongs_to_the_subject():
    assert phrases_of("The suspect, Carl Moss Eder, appeared in court on Monday.",
                      "Law enforcement sources have said he shouted “no more lies” at officers."
                      ) == [("no more lies", "Carl Moss Eder")]


def test_one_and_a_plain_head_after_a_name_is_an_undisclosed_someone_not_the_name():
    assert speakers_of("Senator Ivo Brandt lost the county by nine points.",
                       "“He doesn't even care anymore,” wrote one Brandt supporter, sharing a link."
                       ) == ["one Brandt supporter"]
    assert speakers_of("Governor Lena Ortiz campaigned in Dover.",
                       "“She hated that,” said a 2012 Ortiz veteran.") == ["a 2012 Ortiz veteran"]


def test_one_at_a_sentence_start_stays_on_a_role_phrase():
    art = article("Governor Lena Ortiz hired Nils Berg as her spokesman in May.",
                  "One Ortiz spokesman has called the audit “a fishing trip.”")
    _, phrases, _ = extract_quotes(art, split_sentences(art))
    assert [p.speaker for p in phrases] == ["One Ortiz spokesman"]


def test_a_passive_agent_names_only_a_quotation_right_after_its_verb():
    assert phrases_of("Ruiz called it a clerical slip that was reported in a “smear piece” by The Harbour Gazette."
                      ) != [("smear piece", "Harbour Gazette")]



# -- subjects described by a participle, and two subjects joined ---------------------------

def sources_of(*paragraphs: str) -> list[str | None]:
    from articles import make
    _source, extraction = make("s", "Delta Post", "2023-03-10", *paragraphs)
    return [c.attributed_to for c in extraction.claims]


def test_a_subject_described_by_a_participle_phrase_is_the_noun_not_the_place():
    assert sources_of("Two class action lawsuits being considered in Dover have accused the port of fraud.",
                      "Officials based in Dover said the port was safe.") == [
        "Two class action lawsuits being considered in Dover", "Officials based in Dover"]


def test_two_subjects_joined_by_and_at_the_start_of_the_clause_speak_together():
    assert sources_of("In Dover, the mayor and two councillors said the port was safe.",
                      "He toured the port and officials said it was safe.",
                      "The Ruiz campaign and some harbour experts have alleged that the board was behind the "
                      "leak.") == ["the mayor and two councillors", "officials",
                                   "The Ruiz campaign and some harbour experts"]


# -- a surname a couple shares -----------------------------------------------------------

def test_a_surname_a_couple_shares_keeps_its_title_and_never_becomes_the_other_spouse():
    paragraphs = ("The quarrel between the parents, Omar and Leila Haddad, and Mr. Lind has unsettled the party.",
                  "“I could not stay composed on that stage, not for one minute,” Mrs. Haddad said on Sunday.",
                  "“He has no decency and he has never sacrificed anything for this town,” Mr. Haddad said.")
    assert speakers_of(*paragraphs) == ["Mrs. Haddad", "Mr. Haddad"]


def test_two_people_named_with_and_are_no_couple():
    # "Lind" is written alone elsewhere: "Lind and Leila Haddad" are two people, and Haddad is Leila
    assert speakers_of("The quarrel between Lind and Leila Haddad has unsettled the party.",
                       "Lind left the hall early.",
                       "“I could not stay composed on that stage, not for one minute,” Ms. Haddad said."
                       ) == ["Leila Haddad"]
