"""Per-article events -> one sorted timeline.

Mentions of one happening merge into one entry citing them all, only when they agree on
the date (day, month or year, and a range's end) AND on what happened: enough of their
content words overlap, beyond the date words, and the overlap holds more than names (a
shared verb or common noun). Each mention is checked against its entry's lead, never
through a chain of look-alikes. Work stays near-linear: events are blocked by date, and
within a date only leads sharing a content word are compared. Sorted by date
(YYYY < YYYY-MM < YYYY-MM-DD of the same period), then id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..extract.claims import mask_quotes
from ..extract.dates import MONTHS, WEEKDAYS, event_id, tense_cues
from ..extract.dates import PATTERNS as DATE_PATTERNS
from ..extract.spans import quoted_spans
from ..extract.speakers import SENTENCE_STARTERS
from ..model import ArticleExtraction, Citation, Event, Source
from .facts import COMMEMORATION_RE, DAY_SUMMARY_RE, feature_line, quoted_share
from .index import MAX_POSTING, content_words, idf_weights, mass, name_stems, similarity, stem
from .memo import ClaimMemo
from .readable import (
    ADVERB_CUES,
    DATELINE_RE,
    addresses_reader,
    happening_verb,
    leans_back,
    live_blog_header,
    main_clause,
    masked_gap,
    names_whom,
    possessive_back_pointer,
    quoted_pronoun,
    reports_something,
    unanswered_question,
    without_dateline,
)
from .verify import about_a_poll_method, headline_shaped

#: Two mentions of one date are one happening from this weighted word overlap on...
SAME_EVENT_THRESHOLD = 0.2
#: ...sharing at least this many content words, one of them not a name.
MIN_SHARED_WORDS = 2

DATE_WORDS = frozenset(stem(w) for w in (
    *MONTHS, *WEEKDAYS, "today", "yesterday", "tomorrow", "tonight", "night", "morning",
    "afternoon", "evening", "week", "weeks", "month", "months", "year", "years", "day", "days",
    "last", "next", "earlier", "later", "early", "late", "ago", "week's", "weekend"))


@dataclass(frozen=True)
class _Words:
    """One event's content words without its date words: all of them, and the plain ones."""

    tokens: frozenset[str]
    plain: frozenset[str]


def _words(event: Event) -> _Words:
    own = {stem(w) for w in event.expression.split()} | DATE_WORDS
    words = [(s, plain) for s, plain, _q in content_words(event.text) if s not in own]
    return _Words(frozenset(s for s, _p in words), frozenset(s for s, p in words if p))


def _word_sets(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """``_words(event)`` as a tuple (what ``ClaimMemo`` keeps)."""
    words = _words(event)
    return words.tokens, words.plain


def same_event(a: _Words, b: _Words, idf: dict[str, float], mass_a: float, mass_b: float) -> bool:
    """Two mentions of one date tell one happening: overlap beyond the date and one name."""
    shared = a.tokens & b.tokens
    if len(shared) < MIN_SHARED_WORDS or not shared & (a.plain | b.plain):
        return False
    return similarity(a.tokens, b.tokens, idf, mass_a, mass_b) >= SAME_EVENT_THRESHOLD


def _entry(members: list[Event]) -> Event:
    """A lead and the mentions verified against it -> one entry citing them all."""
    lead = members[0]
    if len(members) == 1:
        return lead
    cites: dict[tuple[str, int, int], Citation] = {}
    for event in members:
        for c in event.citations:
            cites.setdefault((c.source, c.start, c.end), c)
    return Event(id=event_id(lead.date, lead.text + "|merged"), date=lead.date, precision=lead.precision,
                 text=lead.text, citations=tuple(cites[k] for k in sorted(cites)),
                 expression=lead.expression, until=lead.until,
                 background=all(e.background for e in members), insertions=lead.insertions,
                 unresolved=lead.unresolved)


def merge_events(events: Sequence[Event], idf: dict[str, float], words: dict[str, _Words]) -> list[Event]:
    """Events of one date, in a fixed order -> entries: each joins the most similar lead
    that passes ``same_event`` with it, or leads an entry of its own."""
    leads: list[list[Event]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    masses: dict[str, float] = {}
    for event in events:
        mine = words[event.id]
        masses[event.id] = mass(mine.tokens, idf)
        seen: set[int] = set()
        for token in sorted(mine.tokens):
            posting = postings.get(token, [])
            if len(posting) <= MAX_POSTING:
                seen.update(posting)
        best: tuple[float, int] | None = None
        for k in sorted(seen):
            lead = leads[k][0]
            theirs = words[lead.id]
            if same_event(theirs, mine, idf, masses[lead.id], masses[event.id]):
                score = similarity(theirs.tokens, mine.tokens, idf, masses[lead.id], masses[event.id])
                if best is None or score > best[0]:
                    best = (score, k)
        if best is not None:
            leads[best[1]].append(event)
            continue
        for token in mine.tokens:
            postings[token].append(len(leads))
        leads.append([event])
    return [_entry(members) for members in leads]


def link_timeline(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
                  memo: ClaimMemo | None = None) -> tuple[Event, ...]:
    """Merge mentions of the same dated happening; sort by date. Needs extraction events.
    ``memo``: each event's words from an earlier run (by its text and date expression, all
    ``_words`` reads); the same timeline without it."""
    events = [e for x in extractions for e in x.events if e.citations]
    if memo is None:
        words = {e.id: _words(e) for e in events}
    else:
        words = {e.id: _Words(*memo.value("event_words", (e.text, e.expression), lambda e=e: _word_sets(e)))
                 for e in events}
    idf = idf_weights([w.tokens for w in words.values()])
    by_date: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for event in events:
        by_date[(event.date, event.precision, event.until or "")].append(event)
    out: dict[str, Event] = {}
    for key in sorted(by_date):
        group = sorted(by_date[key], key=lambda e: (e.citations[0].source, e.citations[0].start, e.id))
        for event in merge_events(group, idf, words):
            out.setdefault(event.id, event)
    return tuple(sorted(out.values(), key=lambda e: (e.date, e.id)))


#: A wh-word opening a line with no clause break and no question mark: a teaser or
#: subheading ("What each candidate needs in Tuesday's showdown."), not an event.
TEASER_RE = re.compile(r"^\W*(?:what|how|why|who|where|which)\b[^,;:?]*[.!]?\W*$", re.IGNORECASE)
#: Words that put the date in a side clause of the sentence (a relative clause, an earlier
#: event in the past perfect, a condition or a hope): the entry would date the wrong happening.
SIDE_CLAUSE_RE = re.compile(r"\b(?:when|where|which|who|whom|whose|than|because|whereas|while|although|though|since|"
                            r"would|could|might|"
                            r"may|hopes?|hoped|hoping|had\s+\w+(?:ed|en)|if|unless|whether|no\s+matter)\b"
                            # "after"/"before" a happening: the date is that happening's, the
                            # sentence tells what came later or earlier ("said so after 55
                            # percent did in December", "the last debate before the vote Monday")
                            r"|\b(?:after|before)\s+(?!(?:the\s+)?(?:day|night|week|month|year)s?\b)\w"
                            # what is still to come, the sentence telling what happens before it
                            # ("lead the polls ahead of Monday's caucuses"): the date is the vote's
                            r"|\b(?:ahead\s+of|heading\s+into|heads?\s+into|entering|before|in\s+advance\s+of|on\s+the\s+eve\s+of|"
                            r"(?:leading|led)\s+up\s+to|(?:run|lead)-?up\s+to)\s+(?:[\w'’.-]+\s+){0,5}$"
                            # the edge of a span ("releases beginning in June and ending next month")
                            r"|\b(?:starting|beginning|ending|ends|starts|begins)\s+(?:in\s+|on\s+)?$",
                            re.IGNORECASE)
CLAUSE_BREAK_RE = re.compile(r"[,;:()—–]|\s-\s")
#: A parenthesis inside a sentence: its date belongs to an aside.
PARENTHESIS_OPEN_RE = re.compile(r"(?:\(|\s[-—–]{1,2}\s?|—|–)\s*$")
PARENTHESIS_CLOSE_RE = re.compile(r"\)|\s[-—–]{1,2}\s|—|–")
#: A dash that opens or closes an aside ("Ruiz - who fired the chief on Tuesday - faces ...").
ASIDE_DASH_RE = re.compile(r"\s[-—–]{1,2}\s|—|–")
#: A relative "that": one followed by a verb ("an offer that did not seem possible two months
#: ago", "an issue that helped him win last month"), not the "that" of "said that he ...".
RELATIVE_THAT_RE = re.compile(r"\bthat\s+(?:(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could|"
                              r"may|might)(?:n['’]t)?\b|[a-z]+ed\b)", re.IGNORECASE)
#: A participle opening the date's phrase after a comma (", carried by Ruiz in February's
#: vote,", ", offering little beyond a letter in May"): a side phrase about something else.
PARTICIPLE_RE = re.compile(r"^\s*(?:[a-z]+ly\s+)?(?P<word>[a-z]+(?:ed|ing)|held|led|won|lost|made|taken|given|"
                           r"shown|written|known|seen|done|played|sent|built|paid|brought)\b")
#: What follows a past participle that heads a side phrase (", played in March", ", emailed
#: to delegates on Thursday"); a main verb after an apposition takes an object instead
#: (", the former mayor, signed the treaty on Monday").
AFTER_PARTICIPLE_RE = re.compile(r"\s*(?:[a-z]+ly\s+)?(?:by|in|on|at|to|for|from|with|during|after|before|"
                                 r"last|this|next|earlier|late|early|into|over|under)\b")
#: Participles of saying or of the event itself, which date the sentence's own news
#: (", saying on Monday that ...", ", speaking on Monday,").
OWN_PARTICIPLES = frozenset("""
saying telling adding arguing noting speaking announcing declaring writing tweeting insisting asking
answering responding calling warning vowing promising urging explaining stating
during according including regarding following concerning notwithstanding pending
""".split())
#: A request or plan, then an infinitive the date belongs to ("urged them to vote Tuesday",
#: "asked the board to meet on Friday"): the date is the act asked for, still to come when asked.
REQUEST_TO_RE = re.compile(r"\b(?:urg|ask|encourag|invit|implor|beg|remind|instruct|order|call(?:ed|ing|s)?\s+on|"
                           r"told|tell)\w*\s+(?:[\w'’-]+\s+){0,3}?to\s+[a-z]+\s+(?:[\w'’-]+\s+){0,3}$",
                           re.IGNORECASE)
#: A determiner's noun phrase and the past participle that reduces a relative clause about it
#: ("A complaint made a year ago with the panel has forced ...", "The bill passed in May
#: was signed ..."): the date is that phrase's; the sentence's own verb comes after it.
REDUCED_RELATIVE_RE = re.compile(r"^\W*(?:a|an|the|this|that|one)\s+(?:[\w'’-]+\s+){0,3}?"
                                 r"(?:[a-z]+ed|made|held|taken|given|written|sent|built|won|lost|brought|paid|"
                                 r"led|done|shown|seen|known|filed|begun)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
#: The same inside the sentence, after its main verb ("Ruiz said a deal reached with Spain
#: in July could ruin the fleet"): the date is the deal's.
MID_REDUCED_RE = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?P<p>[a-z]+ed|made|held|taken|"
                            r"given|written|sent|built|won|lost|brought|paid|led|done|shown|seen|known|begun)\s+"
                            r"(?:(?:with|by|at|to|for|from|in|on|during)\s+(?:[\w'’-]+\s+){0,2})?$", re.IGNORECASE)
#: The main verb after such a phrase: an auxiliary or "says" before any "that", "and" or comma.
FINITE_AFTER_RE = re.compile(r"(?:(?!\b(?:that|and|who|which)\b)[^,;:()—–]){0,80}?"
                             r"\b(?:has|have|had|is|are|was|were|will|says)\b", re.IGNORECASE)
#: Words that open a phrase of time or place or a subordinate clause, not an apposition
#: naming the subject.
PHRASE_OPENERS = frozenset("""
in on at by for from with during after before since until as of to into over under about
last this next earlier later early late just only even also then now still yet and or but
while when although though because if unless once despite like unlike
""".split())
#: The main verb that follows an apposition: "..., said", "..., aren't waiting", "..., will".
VERB_AFTER_RE = re.compile(r",\s*(?:[a-z]+ly\s+)?(?:[a-z]+n['’]t|is|are|was|were|has|have|had|will|would|can|could|may|"
                           r"might|must|should|did|does|do|[a-z]+ed|said|says|told|won|lost|made|took|went|gave|"
                           r"held|ran|got|came|left|met|began|became|[a-z]+s)\b")
#: An opening prepositional phrase: what follows its comma is not the sentence's main verb.
PREPOSITION_OPENING_RE = re.compile(r"^\W*(?:in|on|at|after|before|with|for|from|among|across|despite|under|"
                                    r"over|by|during|since|as)\b", re.IGNORECASE)
QUOTE_OPEN_RE = re.compile(r"^\s*[“\"‘]")
ALTERNATIVE_RE = re.compile(r"\b[A-Z][a-z]+day\s+or\s+[A-Z][a-z]+day\b")
#: Words that point back into the article ("the same discipline", "those plans", "similar
#: remarks", "the disease's", a reply to nothing named, a passer-by told by age, "That's
#: the takeaway", "visited the state"), and a condition opening the line ("If he wins Ohio
#: on Tuesday ...": nothing happened yet).
BACK_POINTER_RE = re.compile(r"^\W*(?:if|unless|suppose)\b|\bthe (?:same|very|aforementioned)\b|"
                             r"\bit (?:seemed|seems|appeared|appears)\b|^\W*(?:that|this)(?:'s|’s| is| was)\b|"
                             r"\b(?:these|those) (?!who\b|which\b|that\b|of\b)[a-z]|"
                             # "made similar comments": similar to what the article told before
                             r"\bsimilar\s+(?!to\b)[a-z]+s?\b(?!\s+to\b)|"
                             # "posted the following picture": what follows is the article's, not the entry's
                             r"\bthe\s+following\s+[a-z]+|"
                             # "doing so", "even more emphatic", "the subject": so, more and subject of what?
                             r"\b(?:do|does|did|doing|done)\s+so\b|\beven\s+more\b|\bthe\s+subject\b(?!\s+of\b)|"
                             # "called the election-night remarks sexist": which remarks, what said?
                             r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:remarks|comments)\b"
                             r"(?!\s+(?:that|about|on|in\s+which|by|of|to|he|she|they|[A-Z])\b|\s*[:,]?\s*[“\"])|"
                             # "the disease's profile": which disease (not "the nation's", "the party's")
                             r"(?-i:\bthe\s+(?!(?:nation|country|party|world|campaign|president|government|"
                             r"administration|election|race|convention|network|day|week|year|month|night|"
                             r"morning|latter|former)['’]s)[a-z]+['’]s\b)|"
                             # a reply with nothing it replies to ("The campaign countered Sunday by ...")
                             r"\b(?:countered|retorted|fired\s+back|shot\s+back|hit\s+back|responded|responding|replied|replying)\b"
                             r"(?![^,;:]{0,60}\b(?:to|at)\b)|"
                             # a person in the street, told by age ("Joel Lind, 39, bused in ..."): colour
                             r",\s*\d{1,2},\s|"
                             r"(?-i:\bthe (?:state|book|city|company)\b)(?! of\b)", re.IGNORECASE)
#: "I hope that on Nov. 8 ...", "we": a column or a party's own statement, not a report.
FIRST_PERSON_RE = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y)\b")
#: An entry more than this much inside quotation marks is someone's words ("“It's doable,”
#: X said on Monday"): a quote for the Quotes page, without what "it" is.
MAX_QUOTED_SHARE = 0.5
#: Fewer words than this make no sentence about an event ("Donald Trump (Last week: 2.)").
MIN_WORDS = 5


def side_clause_date(event: Event) -> bool:
    """Does the entry's date stand in a side clause ("asked why he attacked when he had
    stated last month that ...", "an electorate in which ... a poll last month", "a chance
    that did not exist two months ago") or a participle phrase after a comma (", carried by
    Ruiz in February's vote,"; but not ", saying on Monday that ...")?"""
    at = event.text.find(event.expression) if event.expression else -1
    if at < 0:
        return False
    before = event.text[:at]
    breaks = [m.end() for m in CLAUSE_BREAK_RE.finditer(before)]
    clause = before[breaks[-1] if breaks else 0:]
    if SIDE_CLAUSE_RE.search(clause) is not None or RELATIVE_THAT_RE.search(clause) is not None:
        return True
    dateline = DATELINE_RE.match(event.text)
    if breaks and breaks[-1] > max(2, dateline.end() if dateline else 0) \
            and PARENTHESIS_OPEN_RE.search(before, breaks[-1] - 3, breaks[-1]):
        closing = PARENTHESIS_CLOSE_RE.search(event.text, at + len(event.expression))
        if closing and closing.end() < len(event.text.rstrip(" .!?\"”")):
            return True  # "... approach - Obama signed the bill three months ago - sounds right"
    if _inside_dashes(event.text, at, at + len(event.expression)):
        return True
    if REQUEST_TO_RE.search(clause) or (event.precision != "day" and not breaks and REDUCED_RELATIVE_RE.match(clause)
                                        and FINITE_AFTER_RE.match(event.text, at + len(event.expression))):
        return True
    mid = MID_REDUCED_RE.search(clause) if event.precision != "day" else None
    if mid and tense_cues(clause, 0, mid.start()) and _previous_word(clause, mid.start("p")) not in AUXILIARIES:
        return True
    if breaks and _apposition(event.text, before, breaks, clause, at + len(event.expression)):
        return True  # "Ohio and Florida, the two biggest prizes of the calendar in March, vote ..."
    participle = PARTICIPLE_RE.match(clause) if breaks else None
    if participle is None or participle.group("word") in OWN_PARTICIPLES:
        return False
    if not participle.group("word").endswith("ing") and not AFTER_PARTICIPLE_RE.match(clause, participle.end()) \
            and participle.end() < len(clause.rstrip()):
        return False  # a main verb with its object, after an apposition
    # the participle follows a clause with a verb of its own, or an opening phrase; after a
    # bare subject ("Ana Ruiz, the mayor, signed it on Monday") it is the main verb
    head = before[:breaks[-1]]
    return bool(tense_cues(head, 0, len(head))) or PREPOSITION_OPENING_RE.match(head) is not None


AUXILIARIES = frozenset("has have had was were is are be been being".split())


def _inside_dashes(text: str, start: int, end: int) -> bool:
    """Does [start, end) sit in an aside between two dashes, with the sentence going on after
    the closing one ("Ruiz - who fired the chief, a friend, on Tuesday - faces no recall")?
    An opening dateline's dash ("LISBON —") opens no aside."""
    dateline = DATELINE_RE.match(text)
    offset = dateline.end() if dateline else 0
    opened = len(ASIDE_DASH_RE.findall(text, offset, start)) % 2 == 1
    if not opened:
        return False
    closing = ASIDE_DASH_RE.search(text, end)
    return closing is not None and closing.end() < len(text.rstrip(" .!?\"”'’"))


def _previous_word(text: str, at: int) -> str:
    words = text[:at].split()
    return words[-1].lower() if words else ""


def _apposition(text: str, before: str, breaks: list[int], clause: str, after: int) -> bool:
    """Is the date's stretch a noun phrase between commas after a bare subject ("Ohio and
    Florida, the two biggest prizes in March, vote early"; "Ruiz, herself up for a vote in
    2033, said ...")? It describes the subject; the date is not the sentence's news."""
    words = clause.split()
    if len(breaks) != 1 or not before[breaks[0] - 2:breaks[0]].rstrip().endswith(","):
        return False
    if not words or words[0].lower() in PHRASE_OPENERS or words[0].lower().endswith(("ing", "ed")):
        return False
    head = before[:breaks[0]]
    if tense_cues(head, 0, len(head)) or tense_cues(clause, 0, len(clause)) or PREPOSITION_OPENING_RE.match(head):
        return False
    closing = CLAUSE_BREAK_RE.search(text, after)
    if closing is None or closing.group(0) != "," or not VERB_AFTER_RE.match(text, closing.start()):
        return False
    return not tense_cues(text, after, closing.start())


def quoted_date(event: Event) -> bool:
    """Is the entry's date in someone's words ("not a president who says he's neutral on
    Monday, pro-Israel on Tuesday"), or one of alternatives ("Tuesday or Wednesday")?"""
    text, expression = event.text, event.expression
    at = text.find(expression) if expression else -1
    if at < 0:
        return False
    probe = text.replace("''", '" ')
    spans = quoted_spans(probe)
    if any(s <= at < e for s, e in spans) or (QUOTE_OPEN_RE.match(probe) and not any(s == 0 for s, _e in spans)):
        return True
    return ALTERNATIVE_RE.search(text[max(0, at - 30):at + len(expression) + 30]) is not None


def inside_a_quotation(text: str) -> bool:
    """Does the entry start inside a quotation ("In 2031, Ruiz is going to win,” Lind says.")?"""
    close = text.find("”")
    return close >= 0 and "“" not in text[:close]


def stands_alone(event: Event) -> bool:
    """An entry an editor would keep on the timeline: no "he" or "the senator" the article
    leaves unclear (``Event.unresolved``), no pointer back into the article ("the same"),
    not a headline, subheading, teaser or poll-method line, not a clause cut from its sentence
    (lowercase), not mostly a quotation, not in the first person, not a live blog's header,
    its date not in a side clause (a relative clause, a condition, a hope, an apposition,
    "ahead of" what it dates, an infinitive asked for), not in someone's words and not one
    of alternatives; a month or a year is read more strictly (``coarse_date_weak``)."""
    text = event.text
    return not (event.unresolved or len(text.split()) < MIN_WORDS or headline_shaped(text) or inside_a_quotation(text)
                or text[:1].islower() or FIRST_PERSON_RE.search(mask_quotes(text))
                or quoted_share(text) > MAX_QUOTED_SHARE
                or TEASER_RE.match(text) or about_a_poll_method(text)
                or BACK_POINTER_RE.search(text) or leans_back(text) or live_blog_header(text)
                or quoted_pronoun(text) or masked_gap(text) or possessive_back_pointer(text) or addresses_reader(text)
                or side_clause_date(event) or quoted_date(event) or coarse_date_weak(event)
                or COMMEMORATION_RE.search(mask_quotes(text)) is not None
                or DAY_SUMMARY_RE.match(without_dateline(mask_quotes(text))) is not None)


#: "the heat of August", "the races of 2016": a month or year naming a noun's period, no
#: happening (but "the end of August", "the summer of 2015" date one).
OF_PERIOD_OK_RE = re.compile(r"\b(?:end|start|beginning|middle|spring|summer|fall|autumn|winter|week|weekend|"
                             r"half|quarter|days?|months?)\s+$", re.IGNORECASE)


def coarse_date_weak(event: Event) -> bool:
    """For an entry dated only to a month or a year, where most misdatings sit, a stricter
    reading: the sentence must report something (a past or future verb, or "says": not "is
    on the losing end", not a caption), and the date must not name a noun's period ("the
    heat of August")."""
    if event.precision == "day":
        return False
    if not reports_something(event.text):
        return True
    at = event.text.find(event.expression) if event.expression else -1
    return at >= 0 and event.expression.lower().startswith("of ") and not OF_PERIOD_OK_RE.search(event.text[:at])


#: Words that put a happening ahead of the sentence's own time ("will", "is scheduled to", "next").
FUTURE_WORDS_RE = re.compile(r"\b(?:will|would|shall|scheduled|slated|plans?|planned|planning|expected|expects|"
                             r"set\s+to|upcoming|next|is\s+to|are\s+to|going\s+to|due|could|may|might|ahead|poised|"
                             r"hopes?|aims?|intends?|vows?|vowed|promised|pledged|coming|until|before|by|deadline)\b|"
                             r"['’]ll\b", re.IGNORECASE)


def told_as_ahead(event: Event, published: str | None) -> bool:
    """Does an entry dated after its article's publication say the happening lies ahead?
    ("The vote will be held on Tuesday" does; "Clinton's wins Tuesday solidify her lead",
    a past Tuesday read forward, and "Ruiz is the favourite in the April 5 primary", a
    standing on the day of writing, do not.)"""
    if not published or event.date[:len(published)] <= published[:len(event.date)]:
        return True
    return FUTURE_WORDS_RE.search(mask_quotes(event.text)) is not None


#: A word is one of the story's when at least this share of the timeline's articles use it.
STORY_WORD_SHARE = 0.08
#: An entry must use at least this many of the story's words ...
MIN_STORY_WORDS = 2
#: ... when the timeline draws on this many articles at least (fewer make every word the story's).
MIN_STORY_ARTICLES = 25


def story_words(events: Sequence[Event]) -> frozenset[str] | None:
    """The word stems at least ``STORY_WORD_SHARE`` of the timeline's articles use, or None
    when the timeline draws on too few articles to tell the story's words from any."""
    articles_of: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for word, _plain, _quoted in content_words(e.text):
            articles_of[word].update(c.source for c in e.citations)
    articles = {c.source for e in events for c in e.citations}
    if len(articles) < MIN_STORY_ARTICLES:
        return None
    return frozenset(w for w, used in articles_of.items() if len(used) >= STORY_WORD_SHARE * len(articles))


def on_the_story(event: Event, words: frozenset[str] | None) -> bool:
    """Does the entry use at least ``MIN_STORY_WORDS`` of the story's words (a foreign vote
    or a stock-market close in one article of a campaign's coverage does not)?"""
    return words is None or len({w for w, _p, _q in content_words(event.text) if w in words}) >= MIN_STORY_WORDS


#: A name is one of the story's figures (or places, or bodies) when at least this share of the
#: timeline's articles use it: readers of the story know "Ruiz" alone; another surname
#: alone ("Lind said ...") leaves them asking who.
FIGURE_SHARE = 0.015
#: ... and one of its leading figures from this share on.
LEADING_SHARE = 0.05
#: An article whose dated lines name a leading figure less often than this is off the story
#: (a foreign election, a market report in a campaign's coverage) ...
ON_STORY_ARTICLE_SHARE = 0.3
#: ... once it has at least this many dated lines to tell by.
MIN_ARTICLE_EVENTS = 4
#: What an interview told: its subject or what was said in it.
INTERVIEW_CONTENT_RE = re.compile(r"\b(?:about|on\s+(?:the|his|her|their|[a-z]+ing)\b|over|regarding|saying|said|"
                                  r"asking|who\s+said|where|during\s+which)\b|[:“\"]")
#: Verbs of saying, which need what was said.
SAYING_VERBS = frozenset("said says reported reports told announced wrote tweeted confirmed revealed".split())
#: What a verb of saying tells, beyond the date, has at least this many words.
MIN_TOLD_WORDS = 2
WORD_RE = re.compile(r"[A-Za-z0-9][\w'’-]*")
#: Capitalised words that name places and bodies of any story ("United", "House", "Council"):
#: alone they do not tell that an entry is about this one.
GENERIC_NAME_WORDS = frozenset(stem(w) for w in """
united states state house white department university council committee security national american
america south north east west new court supreme federal international world city county
""".split())
@dataclass(frozen=True)
class StoryNames:
    """Whom and what the story is about, read off the timeline's articles (see
    ``story_names``)."""

    figures: frozenset[str]  # name stems FIGURE_SHARE of the articles use
    leading: frozenset[str]  # those LEADING_SHARE of the articles use
    off_story: frozenset[str]  # ids of articles whose dated lines seldom name a leading figure
    people: frozenset[str] = frozenset()  # surnames (lower case) the timeline writes after a given name


#: A capitalised word after another one that opens no sentence ("Bo Lind", "Judge Lind"):
#: the second is someone's surname.
FULL_NAME_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+\.?)\s+(?:[A-Z]\.\s+)?([A-Z][a-z][\w-]*)\b")
#: A capitalised word after "in" ("in Casper"): a place, whatever else it names.
PLACE_RE = re.compile(r"\bin\s+([A-Z][a-z][\w-]*)\b")
#: Words that head an office or a body, not a surname ("Defense Secretary", "Blackstone Group").
OFFICE_WORDS = frozenset("""
secretary director chairman chairwoman chair minister group party post times news press company
corporation committee association institute foundation center centre
""".split())


def people_surnames(events: Sequence[Event]) -> frozenset[str]:
    """The words (lower case) the timeline writes as a surname after a given name or a title
    ("Bo Lind", "Judge Lind"), not after a word that opens a sentence ("The Porto"), and never
    as a place ("in Porto"), an office or a body ("Port Secretary", "Harbour Group")."""
    out: set[str] = set()
    places: set[str] = set()
    for e in events:
        places.update(m.group(1).lower() for m in PLACE_RE.finditer(e.text))
        for m in FULL_NAME_RE.finditer(e.text):
            first, last = m.group(1).rstrip(".").lower(), m.group(2).lower()
            if first in SENTENCE_STARTERS or last in OFFICE_WORDS \
                    or {stem(first), stem(last)} & (GENERIC_NAME_WORDS | DATE_WORDS):
                continue
            out.add(last)
    return frozenset(out - places)


def _names_in(event: Event, names: frozenset[str]) -> bool:
    text = " ".join([event.text, *(i.text for i in event.insertions)])
    return any(w in names for w, _p, _q in content_words(text))


def story_names(events: Sequence[Event]) -> StoryNames | None:
    """The story's figures and leading figures (name stems, see ``index.name_stems``, that
    ``FIGURE_SHARE`` / ``LEADING_SHARE`` of the timeline's articles use) and the articles off
    it, or None when the timeline draws on too few articles to tell."""
    articles = {c.source for e in events for c in e.citations}
    if len(articles) < MIN_STORY_ARTICLES:
        return None
    names = name_stems(content_words(e.text) for e in events)
    used: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for word, _plain, _quoted in content_words(e.text):
            if word in names and word not in DATE_WORDS and word not in GENERIC_NAME_WORDS:
                used[word].update(c.source for c in e.citations)
    figures = frozenset(w for w, s in used.items() if len(s) >= FIGURE_SHARE * len(articles))
    leading = frozenset(w for w, s in used.items() if len(s) >= LEADING_SHARE * len(articles))
    naming: dict[str, list[bool]] = defaultdict(list)
    for e in events:
        hit = _names_in(e, leading)
        for source in {c.source for c in e.citations}:
            naming[source].append(hit)
    off = frozenset(s for s, hits in naming.items()
                    if len(hits) >= MIN_ARTICLE_EVENTS and sum(hits) < ON_STORY_ARTICLE_SHARE * len(hits))
    return StoryNames(figures, leading, off, people_surnames(events))


def about_the_story(event: Event, story: StoryNames | None) -> bool:
    """Does the entry name one of the story's figures, and a leading one when its article is
    off the story ("Cazeneuve said 80 people were killed" in a report on an attack abroad)?"""
    if story is None:
        return True
    if not _names_in(event, story.figures):
        return False
    return not any(c.source in story.off_story for c in event.citations) or _names_in(event, story.leading)


#: What stands between a main verb and a date it does not own: a clause of its own (", and
#: her speech Thursday", "that he evinced on Tuesday"), an infinitive ("to attend the event
#: on Friday") or a gerund's clause ("for insisting ... on Sunday"): the date is that clause's.
BETWEEN_VERB_AND_DATE_RE = re.compile(
    r"[,;:—–]\s*(?:and|but|while|as|when|which|who|where|after|before|though|although|with)\b"
    r"|\b(?:that|who|which|when|where|while|because|since|if|whether|until|after|before)\b"
    r"|\bto\s+(?!(?:the|a|an|his|her|their|its|our|more|about|some|[A-Z0-9$])\b)[a-z]+\b"
    r"|\b(?:for|by|of|about|without|from|after|before|while)\s+[a-z]+ing\b"
    # someone's act the verb is about ("apologized for his aide's remark on Monday"): the
    # date may be that act's
    r"|\bfor\s+(?:his|her|their|its|[A-Z][\w-]*['’]s|the\s+[a-z]+['’]s)\s")


#: A medium of what was said, just before a participle that dates it ("an interview aired").
MEDIUM_BEFORE_RE = re.compile(r"\b(?:interview|statement|letter|video|ad|report|poll|survey|post|tweet|op-ed|"
                              r"column|memo|speech|remarks|broadcast|podcast|appearance)\s+$", re.IGNORECASE)


#: ", saying", ", telling": the sentence's own act goes on after the comma.
OWN_PARTICIPLE_RE = re.compile(r",\s*(?:" + "|".join(sorted(OWN_PARTICIPLES)) + r")\b")


def _date_off_the_verb(event: Event, verb_end: int, at: int) -> bool:
    """Does something stand between the main verb and the date after it (see
    ``BETWEEN_VERB_AND_DATE_RE``), or a verb of its own?"""
    between = mask_quotes(event.text)[verb_end:at]
    own = list(OWN_PARTICIPLE_RE.finditer(between))
    if own:
        between = between[own[-1].end():]  # ", saying in Sochi last week": the saying's date
    if BETWEEN_VERB_AND_DATE_RE.search(between):
        return True
    for offset, direction in tense_cues(between, 0, len(between)):
        word = between[offset:].split(maxsplit=1)[0].lower()
        if direction not in (-1, 1) or word in ADVERB_CUES:
            continue
        if MEDIUM_BEFORE_RE.search(between, 0, offset):
            continue  # "said in an interview aired on Monday": the saying's own date
        return True
    return False


def _figure(word: str, story: StoryNames | None) -> bool:
    return story is None or stem(word.strip(".,'’")) in story.figures


#: A capitalised word alone (no name word before or after it) as the subject of a clause inside
#: the sentence ("said he was happy that Lind was voted in", "reported that Lind had cut …").
LONE_SUBJECT_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)\s+(?:was|were|is|are|has|had|will|would|"
                             r"[a-z]{3,}ed)\b")
NAME_WORD_BEFORE_RE = re.compile(r"(?:[A-Z][\w'’.-]*|[Mm]r\.|[Mm]rs\.|[Mm]s\.|[Dd]r\.)\s+$")


def lone_surname(event: Event, story: StoryNames | None) -> str | None:
    """A surname alone, none of the story's figures, as the subject of a clause past the
    sentence's first word ("Ruiz said she was glad that Lind was voted in"), or anywhere when
    the timeline writes it elsewhere as a person's surname ("Bo Lind") and no apposition says
    who ("found no link between Lind and the militants"): whom, the reader cannot tell. The
    main clause's own subject is ``names_whom``'s."""
    if story is None:
        return None
    own = mask_quotes(event.text)
    for m in LONE_SUBJECT_RE.finditer(own):
        if m.start() == 0 or NAME_WORD_BEFORE_RE.search(own, max(0, m.start() - 30), m.start()):
            continue
        word = m.group(1)
        if stem(re.sub(r"['’]s$", "", word)) in GENERIC_NAME_WORDS | DATE_WORDS or _figure(word, story) \
                or word.lower() in SENTENCE_STARTERS:
            continue
        return word
    for m in LONE_NAME_RE.finditer(own):
        word = re.sub(r"['’]s$", "", m.group(1))
        if m.start() == 0 or NAME_WORD_BEFORE_RE.search(own, max(0, m.start() - 30), m.start()) \
                or word.lower() not in story.people or _figure(word, story) or APPOSITION_AFTER_RE.match(own, m.end()) \
                or re.search(rf"[A-Z][a-z]+\.?\s+{re.escape(word)}\b", own):
            continue  # not someone's surname, known to the story, explained, or named in full in the line
        return word  # "a link between Lind and the militants": someone the story does not know
    return None


#: A capitalised word with no capitalised word after it.
LONE_NAME_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)(?![\w'’-]*\s+[A-Z])")
#: An apposition that says who ("Lind, an heir to the fortune,").
APPOSITION_AFTER_RE = re.compile(r",\s+(?:a|an|the|who|whose|[a-z]+['’]s)\b")


#: A poll told by its date ("in January polls", "In May's Post poll"): the date is the poll's,
#: a standing in it is no happening.
DATED_POLL_RE = re.compile(r"(?:['’]s)?\s+(?:[\w.'’-]+\s+){0,4}?(?:polls?|polling|surveys?)\b", re.IGNORECASE)
#: A standing in the polls ("led in the polls", "came in second in polls").
POLL_STANDING_RE = re.compile(r"\b(?:led|leads|leading|trailed|trails|trailing|came\s+in\s+\w+|ranked|placed|"
                              r"stood|remained|ahead|behind)\b[^.;]{0,60}\b(?:in|among|across)\s+(?:[\w.'’-]+\s+){0,4}?"
                              r"(?:polls?|polling|surveys?)\b", re.IGNORECASE)
#: A margin after a main verb "led" or "trailed" ("Ruiz led Lind late Tuesday by less than 1
#: percent"): a count on the night, whose contest the line does not name.
MARGIN_RE = re.compile(r"\s+(?:[\w'’.-]+\s+){0,4}?by\s+(?:about\s+|nearly\s+|more\s+than\s+|less\s+than\s+|"
                       r"just\s+|only\s+)?(?:[\d.,]+|one|two|three|four|five|a)\b", re.IGNORECASE)
STANDING_VERBS = frozenset("led leads trailed trails".split())
#: "In an interview published online Wednesday", "on his podcast out Thursday": the date is
#: the publication's; the interview was held before.
PUBLISHED_RE = re.compile(r"\b(?:interview|podcast|profile)\b[^.;]{0,80}\b"
                          r"(?:published|posted|printed|appeared|out|released)\s+"
                          r"(?:online\s+|in\s+print\s+)?(?:on\s+)?$", re.IGNORECASE)


def poll_or_publication_date(event: Event) -> bool:
    """Does the entry's date name a poll ("in January polls") or an interview's publication
    ("published online Wednesday"), or tell a standing in the polls or a margin in a count
    ("led Lind by 1 percent")? None is a happening dated right."""
    text = event.text
    at = text.find(event.expression) if event.expression else -1
    if POLL_STANDING_RE.search(mask_quotes(text)):
        return True
    clause = main_clause(text)
    if clause and clause.verb.lower() in STANDING_VERBS and MARGIN_RE.match(text, clause.verb_at + len(clause.verb)):
        return True
    if at < 0:
        return False
    return bool(DATED_POLL_RE.match(text, at + len(event.expression)) or PUBLISHED_RE.search(text, 0, at))


#: A line with this many dates or more lists results or steps; no one happening is its news.
MAX_DATES = 3


def several_dates(event: Event) -> bool:
    """Does the line, or the sentence it was cut from, give ``MAX_DATES`` date expressions or
    more ("won 80% in Faro last month, 70% in Porto last week and 60% in Braga on Tuesday")?"""
    for text in (event.text, *(c.text for c in event.citations[:1])):
        spans: list[tuple[int, int]] = []
        for _kind, pattern in DATE_PATTERNS:
            for m in pattern.finditer(text):
                if not any(m.start() < e and s < m.end() for s, e in spans):
                    spans.append((m.start(), m.end()))
        if len(spans) >= MAX_DATES:
            return True
    return False


#: A subject named in full, then a role at a body ("Bo Lind, vice chairman of Dockwear,").
ROLE_AT_BODY_RE = re.compile(r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+),\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
                             r"(?:of|at|for|with)\s+(?:the\s+)?(?P<body>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*),")


def unknown_speaker(event: Event, at: int, story: StoryNames | None) -> bool:
    """Is the subject (starting at ``at``) someone none of the story's figures, told only by a
    role at a body the story does not know either ("Bo Lind, vice chairman of Dockwear, told a
    magazine ...")? A business's insider talking shop: off the story, or unplaceable."""
    if story is None:
        return False
    m = ROLE_AT_BODY_RE.match(event.text, at)
    if m is None:
        return False
    return not any(_figure(w, story) for w in m.group("who").split() + m.group("body").split())


#: Verbs of looking back (what someone learned, remembers, reflects on): a profile's colour,
#: not a happening of the story.
REFLECTION_RE = re.compile(r"\b(?:learned|learnt|recalled|recalls|remembered|remembers|reflected|reflects|"
                           r"reminisced|reminisces)\b", re.IGNORECASE)
#: A word in lower case with a capital inside ("portVotes", "eDock"): a product's or a firm's
#: coinage ...
COINAGE_RE = re.compile(r"(?<![\w'’-])[a-z]+[A-Z][\w'’-]*")


def unexplained_coinage(event: Event) -> str | None:
    """A coined product or firm name ("reached out to portVotes") with no apposition saying
    what it is ("portVotes, a voter app,"): the reader cannot tell."""
    own = mask_quotes(event.text)
    for m in COINAGE_RE.finditer(own):
        if not APPOSITION_AFTER_RE.match(own, m.end()):
            return m.group(0)
    return None


def clear_event(event: Event, story: StoryNames | None = None) -> bool:
    """Is the entry plainly a dated happening told of someone named? Its main clause (see
    ``readable.main_clause``) reads with a subject that names whom ("Ana Ruiz", "The port
    authority", "He [Ana Ruiz]", "the Ruiz campaign"; not "the team", "the Vermont
    Democrat", "A woman", nor a surname alone that is none of the story's figures), its verb
    tells a happening (a past or future verb, or a passive; not "seemed", "spent Tuesday",
    "had a good night", "was in Ohio", nor a present state), and its date is not the subject's
    own ("Ruiz's win Tuesday has brought ...": what the sentence tells is later), no question
    put without its answer, no standing in the polls and no date of a poll or a publication
    (``poll_or_publication_date``). When unsure,
    leave it out: the entry stays a fact of its article, only the Timeline page does not show it."""
    clause = main_clause(event.text)
    if clause is None or feature_line(event.text) or unanswered_question(event.text) \
            or poll_or_publication_date(event):
        return False
    if not names_whom(clause, event.insertions, None if story is None else lambda word: _figure(word, story)):
        return False
    if lone_surname(event, story) or unknown_speaker(event, clause.start, story):
        return False
    at = event.text.find(event.expression) if event.expression else -1
    if clause.start <= at < clause.end:
        return False  # "Ruiz's win Tuesday has brought her closer": the date is the win's
    verb_end = happening_verb(clause, event.text)
    if verb_end is None:
        return False
    if clause.verb.lower() in ("has", "have"):
        return False  # "has made speeches since ... on Sunday", "has found this year that ...": a span, no happening
    told = (event.text[verb_end:at] + event.text[at + len(event.expression):] if at >= verb_end
            else event.text[verb_end:])
    if clause.verb.lower() in SAYING_VERBS and len(WORD_RE.findall(told)) < MIN_TOLD_WORDS:
        return False  # "The Post reported on Monday": what, is not said
    if clause.verb.lower() == "interviewed" and not INTERVIEW_CONTENT_RE.search(event.text, verb_end):
        return False  # "A host interviewed Ruiz on Tuesday": what she said, is not told
    if several_dates(event):
        return False  # "won 80% in Faro last month, 70% in Porto last week and 60% on Tuesday": a tally
    if REFLECTION_RE.search(mask_quotes(event.text), clause.verb_at):
        return False  # "Ruiz said she had learned from her father ...": a look back, colour
    if unexplained_coinage(event):
        return False  # "Ruiz's aide reached out to portVotes": what it is, nobody says
    return not (at > clause.verb_at and _date_off_the_verb(event, verb_end, at))


def shown_events(events: Sequence[Event], published: dict[str, str | None] | None = None) -> list[Event]:
    """The entries the Timeline page shows: those that stand alone, are plainly a dated
    happening of someone named (``clear_event``) and are on the story (``on_the_story``),
    and the editor's pins.

    ``published``, each source's publication date by id, also keeps off an entry dated
    after its article that does not say the happening lies ahead (``told_as_ahead``)."""
    published = published or {}
    words = story_words(events)
    story = story_names(events)
    return [e for e in events if e.pinned or (stands_alone(e) and clear_event(e, story) and on_the_story(e, words)
                                              and about_the_story(e, story)
                                              and told_as_ahead(e, published.get(e.citations[0].source)
                                                                if e.citations else None))]
