"""Same who, what, when: the checks a cross-article link must pass.

Blocking (``index.candidate_pairs``) only proposes pairs that share rare words; a shared
name, idiom, number, date or topic word is never enough to link them. A pair is one fact
only when the two sentences agree on

- **who**: they name a participant in common (a person, organisation or place);
- **what**: they share the predicate's wording, several plain content words (not names,
  not numbers) that make up a fair share of the shorter sentence's plain words, or tell the
  same result (one winner of the same places);
- **when** and **how many**: where both give a day date, one of them agrees; where both
  give a count of the same thing, one of the counts agrees.

Sentences that are no fact at all (headline-shaped title case, very short) never link.
Every check reads a ``Profile``, computed once per claim, so verifying a pair is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .index import NUMBER_WORDS, STOPWORDS, content_tokens, predicate_word, shared_words

#: Plain content words two sentences must share to tell the same action or statement ...
MIN_SHARED_PLAIN = 3
#: ... or, when they quote the same rare wording and name outside the quotation someone in
#: common, these: the quoted words themselves ("Kline called Ruiz a 'spoiled child'" and "Kline
#: said Ruiz acted like a 'spoiled child'" tell one statement in the speaker's own words).
WORDING_SHARED_PLAIN = 2
#: ... making up this share (Dice) of the two sentences' plain words.
MIN_PLAIN_DICE = 0.45
#: Share of the fewer-named sentence's names the other must name too.
MIN_NAME_SHARE = 0.5
#: The shorter sentence's wording found in the other (``same_core_wording``).
CORE_SHARED_PLAIN = 3
CORE_PLAIN_SHARE = 0.4
#: Claims with fewer plain content words than this say too little to be linked.
MIN_PLAIN_WORDS = 3
#: Words that recur in any political story: sharing them says nothing about the predicate.
GENERIC = frozenset(content_tokens(
    "year years time times day days week weeks month months people percent percentage point points "
    "state states country government president presidential campaign candidate candidates party "
    "told asked called going make made get got like many first last new former "
    "think thinking know want wanted think need needs thing things way well lot "
    "least fewer nearly almost roughly approximately around estimated exactly "
    # where a finding comes from, not what it finds: two findings of one poll are two facts
    "poll polls polling survey surveys released"))

QUALIFIERS_DOWN = ("as many as", "up to", "at most", "no more than", "fewer than", "less than",
                   "under", "nearly", "almost", "close to")
QUALIFIERS_UP = ("at least", "more than", "over", "no fewer than", "upwards of")
QUALIFIERS_VAGUE = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated")
_QUALIFIERS = QUALIFIERS_DOWN + QUALIFIERS_UP + QUALIFIERS_VAGUE + ("only", "just", "exactly")
_NUMBER_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
QUANTITY_RE = re.compile(
    r"(?:\b(?P<q>" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS) + r")\s+)?"
    # a figure's commas group thousands: "3,000 jobs"; "Kline, 44, said" is an age before a comma
    r"(?P<n>\$\d+(?:,\d{3})*(?:\.\d+)?|\b\d+(?:,\d{3})*(?:\.\d+)?|\bhalf[-\s]+(?:a\s+)?dozen"
    r"|\b(?:" + _NUMBER_WORDS + r"))"
    r"(?P<scale>\s+(?:million|billion|trillion|thousand|hundred))?"
    r"(?:\s+(?:(?P<more>other|more|additional|further|new)\s+|(?:of\s+the|of)\s+)?(?P<unit>[A-Za-z]+)\b)?",
    re.IGNORECASE)
NUMBER_HINT_RE = re.compile(r"\d|\b(?:" + _NUMBER_WORDS + r")\b", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d$.,])(?P<year>(?:1[89]|20)\d\d)(?![\d%])")
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 1e2}


@dataclass(frozen=True)
class Quantity:
    """A count in a sentence: how much of what, and how the text bounds it."""

    unit: str  # stem of the counted noun ("time", "delegat")
    value: float
    bound: str  # exact | up (at least) | down (as many as) | vague (about) | more ("six other times")
    label: str  # as the text puts it: "at least seven times"
    start: int


def _number(raw: str) -> float | None:
    raw = raw.lower().replace(",", "").lstrip("$")
    if raw.startswith("half"):
        return 6.0
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    try:
        return float(raw)
    except ValueError:
        return None


def quantities(text: str) -> list[Quantity]:
    """Counts with their unit and bound ("at least seven times"); years and dates excluded."""
    out: list[Quantity] = []
    if not NUMBER_HINT_RE.search(text):
        return out
    for m in QUANTITY_RE.finditer(text):
        raw = m.group("n")
        if YEAR_RE.fullmatch(raw):
            continue
        money = raw.startswith("$")
        unit_word = "dollars" if money else m.group("unit")
        if not unit_word:
            continue  # a bare number: what it counts is not said
        unit = content_tokens(unit_word)
        if not unit or (not money and (unit_word.lower() in STOPWORDS or unit_word[0].isupper())):
            continue  # "on 5 November", "7 Democrats": a date or a name, not a count
        value = _number(raw)
        if value is None:
            continue
        if m.group("scale"):
            value *= SCALE[m.group("scale").strip().lower()]
        q = re.sub(r"\s+", " ", (m.group("q") or "").lower())
        bound = ("more" if m.group("more") else "up" if q in QUALIFIERS_UP else "down" if q in QUALIFIERS_DOWN
                 else "vague" if q in QUALIFIERS_VAGUE else "exact")
        out.append(Quantity(unit=unit[0], value=value, bound=bound, label=m.group(0), start=m.start()))
    return out


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a count admits; round numbers and vague wording admit a margin."""
    v = q.value
    margin = 0.1 * v if q.bound == "vague" else (0.05 * v if v >= 100 and v % 10 == 0 else 0.0)
    if q.bound == "up":
        return v, float("inf")
    if q.bound == "down":
        return 0.0, v
    return v - margin, v + margin


def counts_conflict(a: Quantity, b: Quantity) -> str | None:
    """Two counts of the same thing -> "number" when no value fits both, "qualifier" when one
    bounds it from below and the other from above ("at least seven" / "as many as seven"),
    else None (rounding, vaguer wording and compatible bounds are no conflict)."""
    if a.unit != b.unit or "more" in (a.bound, b.bound):
        return None  # "six other times" counts what is added, not the whole
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    if hi_a < lo_b or hi_b < lo_a:
        return "number"
    if a.value == b.value and {a.bound, b.bound} == {"up", "down"}:
        return "qualifier"
    return None


@dataclass(frozen=True)
class Profile:
    """What the checks need of one claim: its participants, predicate words, counts, days."""

    names: frozenset[str]
    plain: frozenset[str]
    counts: tuple[Quantity, ...]
    days: frozenset[str]
    linkable: bool
    dated: bool = False  # the sentence dates what it tells in absolute terms ("in 2020")
    lead: frozenset[str] = frozenset()  # the first run of names: who the sentence is first about
    #: The names of the sentence's subject when it plainly opens with it ("Senator Ada Kline
    #: said …"; not after a dateline's place, a quotation or an opening phrase): empty if unsure.
    subject: frozenset[str] = frozenset()
    headline: bool = False  # Title Case through most of its words (``headline_shaped``)
    numbers: frozenset[str] = frozenset()  # the figures it gives (digits and number words; not years)
    #: The plain words of its core clause (``core_part``): what it tells, without what it adds
    #: on the side.
    core: frozenset[str] = frozenset()
    #: Who its core clause says won what ("Kline won Dover and Alton", "a victory in Tuesday's
    #: Dover primary"), as (winner, what was won) names (``results``); empty when it tells no result.
    won: frozenset[tuple[frozenset[str], frozenset[str]]] = frozenset()


TITLE_SMALL = frozenset("a an the of in on at to for and or but by with from as is vs via".split())


#: Lines about the reporting, not the story: no fact, and nothing to corroborate.
NO_COMMENT_RE = re.compile(
    r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t)\s+(?:immediately\s+)?(?:respond|reply|return)\b"
    r"[^.]{0,40}\b(?:requests?|messages?|calls?|emails?|inquir\w+"
    # the reporter's questions, not a debate's: "USA Today's questions", "emailed questions"
    r"|(?:\w+['’]s\s+|e-?mailed\s+|written\s+)(?:questions?|quer(?:y|ies))|(?:questions?|quer(?:y|ies))\s+from)\b"
    r"|\b(?:did\s+not|didn['’]t)\s+immediately\s+(?:respond|reply|return)\b"
    r"|\b(?:declined|refused)\s+to\s+comment\b|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b"
    # an editor's note on the text itself: "This interview has been edited for length and clarity."
    r"|\b(?:has|have)\s+been\s+(?:lightly\s+)?(?:edited|condensed)\s+(?:for|and)\b",
    re.IGNORECASE)


def about_the_reporting(text: str) -> bool:
    """"X did not respond to a request for comment", "declined to comment": a note on the
    reporting, never a fact to link."""
    return NO_COMMENT_RE.search(text) is not None


POLL_METHOD_RE = re.compile(
    r"\b(?:margin\s+of\s+(?:sampling\s+)?error|sampling\s+error|(?:polls?|surveys?|interviews?)\b[^.]{0,60}"
    r"\bconducted\b|\bconducted\b[^.]{0,60}\b(?:polls?|surveys?)|(?:polled|surveyed|interviewed)\s+[\d,]+)",
    re.IGNORECASE)


def about_a_poll_method(text: str) -> bool:
    """"The poll was conducted Jan. 5-8", "a margin of error of 3 points": how a survey was
    made, different for every survey; its numbers and dates are never versions of a fact."""
    return POLL_METHOD_RE.search(text) is not None


def headline_shaped(text: str) -> bool:
    """Title Case through most of its words: a headline or a heading, not a sentence."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_SMALL]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


#: Who made a poll: the names right before "poll" / "survey" ("a Washington Post-ABC News poll")
#: or after "poll … by" ("a poll released Sunday by the Ledger and Channel 9").
POLL_SPONSOR_RE = re.compile(
    r"((?:[A-Z][\w.'’&]*[\s-]+){1,6})(?:[Pp]oll|[Ss]urvey)s?\b"
    r"|\b(?:polls?|surveys?)\b[^.;:]{0,40}?\b(?:by|from|for)\s+((?:the\s+)?[A-Z][\w.'’&-]*"
    r"(?:\s+(?:and\s+|&\s+)?[A-Z0-9][\w.'’&-]*){0,6})")


def poll_sponsors(text: str) -> frozenset[str]:
    """The name stems of who made the polls a sentence cites: the source of a finding, not a
    participant in it (two findings of one poll share the sponsor, not the fact)."""
    if "oll" not in text and "urvey" not in text:
        return frozenset()
    found = (m.group(1) or m.group(2) or "" for m in POLL_SPONSOR_RE.finditer(text))
    # "Clinton's poll numbers": whose standing the poll measures, not who made it
    return frozenset(t for run in found if not re.search(r"['’]s\b", run) for t in content_tokens(run))


def profile(text: str, words: list[tuple[str, bool, bool]], names: frozenset[str],
            days: frozenset[str], dated: bool = False) -> Profile:
    """A claim's text, its ``index.content_words``, the corpus's name stems, its day dates and
    whether it dates anything -> its Profile."""
    named = frozenset(w[0] for w in words if not w[1] and w[0] in names)
    plain = shared_words(frozenset(predicate_word(w[0]) for w in words if w[0] not in named and not w[0].isdigit()))
    named -= poll_sponsors(text)  # "a Ledger-Channel 9 poll": where a finding comes from, no participant
    lead: list[str] = []
    dateline = DATELINE_RE.match(text)
    skip = set(content_tokens(dateline.group(0))) if dateline else set()  # "NEW YORK (AP) —": a place, not whom
    for stem_, is_plain, _quoted in words:
        if not lead and stem_ in skip:
            skip.discard(stem_)
            continue
        if not is_plain and stem_ in named and stem_ not in NOT_PARTICIPANTS:
            lead.append(stem_)
        elif lead:
            break
    headline = headline_shaped(text)
    # (an empty set is the shared ``NO_WORDS``: most claims name no day, figure, subject or result)
    return Profile(names=shared_words(named), plain=plain, counts=tuple(quantities(text)), days=shared_words(days),
                   headline=headline, core=core_words(text, plain),
                   won=shared_words(results(text, named, frozenset(lead))),
                   linkable=len(plain) >= MIN_PLAIN_WORDS and not headline
                   and not about_the_reporting(text) and not about_a_poll_method(text),
                   dated=dated, lead=shared_words(frozenset(lead)), subject=shared_words(opening_subject(text, named)),
                   numbers=shared_words(frozenset(w[0] for w in words
                                                  if w[0].isdigit() and not YEAR_RE.fullmatch(w[0]))))


#: Capitalised words that are no participant: titles before names, months and weekdays.
NOT_PARTICIPANTS = frozenset(content_tokens(
    "President Presidential Senator Sen Rep Representative Governor Gov Minister Prime Secretary "
    "General Chief Mayor Judge Justice Speaker Leader Chairman Chairwoman Director Ambassador "
    "Former Vice Mr Mrs Ms Dr Democrat Democratic Democrats Republican Republicans GOP "
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))


def common_participants(a: Profile, b: Profile) -> frozenset[str]:
    """The participants (names, not titles, months or weekdays) both sentences name."""
    return (a.names & b.names) - NOT_PARTICIPANTS


DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:,\s*[A-Z][\w.]*\.?)?(?:\s*,?\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2})?"
                         r"\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s*")
#: First words after which a sentence's opening is a phrase, not its subject.
OPENING_PHRASE = frozenset("on in at during after before last since when while as despite although though "
                           "like unlike asked with by for from under over earlier later yet but and so still "
                           "meanwhile then if once until amid among according".split())
SUBJECT_VERBS = frozenset("is are was were has have had will would could can did does do may might must "
                          "should said told also".split())
NAME_CONNECTORS = frozenset("of the and for 's ’s de van von la le al".split())


def opening_subject(text: str, names: frozenset[str]) -> frozenset[str]:
    """The participants a sentence opens with as its subject: the names in its first run of
    capitalised words, after a dateline ("PORT VELL (Wire) —"); nothing when it opens with a
    quotation or a phrase ("On Monday, …", "Like Kline, …"), where the subject is unsure."""
    rest = DATELINE_RE.sub("", text, count=1)
    if not rest or rest[0] in "“\"‘'(":
        return frozenset()
    run: list[str] = []
    tokens = re.findall(r"[\w'’.-]+|[^\w\s]", rest)
    for token in tokens:
        if not run and token.lower() in OPENING_PHRASE:
            return frozenset()
        if not (token[:1].isupper() or (run and token.lower() in NAME_CONNECTORS)):
            break
        run.append(token)
    if len(run) == 1:  # one capitalised word: a name only when a verb follows ("Kline said", not "Shops on")
        after = tokens[1].lower() if len(tokens) > 1 else ""
        if not (after in SUBJECT_VERBS or after.endswith(("ed", "s"))):
            return frozenset()
    return frozenset(content_tokens(" ".join(run))) & _participants(names)


@lru_cache(maxsize=4)
def _participants(names: frozenset[str]) -> frozenset[str]:
    """``names - NOT_PARTICIPANTS``, once per corpus's names (not once per sentence)."""
    return names - NOT_PARTICIPANTS


#: What a sentence tells beside its main clause: an opening "After …," phrase, a relative
#: clause set off by commas, and a trailing relative ("…, who …") or "after/before …" clause.
SIDE_OPENING_RE = re.compile(r"^\W*(?:After|Following|Before|Since|Ahead\s+of)\b[^,;]{0,150},\s+")
SIDE_RELATIVE_RE = re.compile(r",\s+(?:who|whom|whose|which)\b[^,;]{0,200},(?=\s)")
SIDE_TRAILING_RE = re.compile(r",\s+(?:who|whom|whose|which)\b[^;]*$|\s(?:after|before|following)\s[^,;]*$")


def main_part(text: str) -> str:
    """The sentence without what it tells on the side (``SIDE_*``): "The candidates say they
    will appear beside Kline, who was criticised by the board" is about the candidates; "Ruiz
    hit back on Sunday after Kline had called him 'a liability'" is Ruiz's reply."""
    text = SIDE_OPENING_RE.sub("", text, count=1)
    text = SIDE_RELATIVE_RE.sub(",", text)
    return SIDE_TRAILING_RE.sub("", text, count=1)


#: What a main clause adds after a comma: a participle ("…, seeking to prove her credentials")
#: or a "where" clause.
SIDE_PARTICIPLE_RE = re.compile(r",\s+(?:(?:also|then|later|while|where)\s+)?[a-z]+ing\b[^;]*$|,\s+where\b[^;]*$")


def core_part(text: str) -> str:
    """The main clause (``main_part``) without a trailing participle or "where" clause."""
    return SIDE_PARTICIPLE_RE.sub("", main_part(text), count=1)


def core_words(text: str, plain: frozenset[str]) -> frozenset[str]:
    """The plain words of the sentence's core clause (``core_part``): ``plain`` itself (the
    same object, so most profiles hold no second set) when the core is the whole sentence or
    tells every plain word."""
    core = core_part(text)
    if len(core) == len(text):
        return plain
    told = plain & frozenset(predicate_word(t) for t in content_tokens(core))
    return plain if len(told) == len(plain) else told


#: A result told as won, in the past or the headline present: "Kline won", "captured Dover",
#: "scored a decisive victory in Tuesday's primary"; a victory named as what the sentence is
#: not about is none ("a victory rally", "widening her lead with a win in Dover").
WIN_RE = re.compile(r"\b(?:won|wins|captured|captures|carried|carries|swept|sweeps)\b"
                    r"|\b(?:scored|claimed|secured|notched|celebrat(?:ed|ing))\s+(?:a|an|the|his|her|their)\s+"
                    r"(?:[a-z]+\s+){0,2}(?:victory|victories|win)\s+(?:in|over)\b", re.IGNORECASE)
#: Before a win word, what makes it no result: "hopes to win", "has not won", "could carry".
UNWON_RE = re.compile(r"\b(?:to|not|never|n['’]t|would|could|might|may|will|if)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Who won: the run of capitalised words right before the win word ("Ada Kline won", "Kline,
#: who also won", "Kline has won").
WINNER_RE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4})(?:,?\s*(?:who|which|has|have|had|also|easily|narrowly)\s+){0,3}$")
#: Where what was won ends: the clause's end, or a new clause ("…, defeating", "while …").
WON_END_RE = re.compile(r"[;.!?]|,\s+(?!and\b|or\b)(?=[a-z])|\s(?:while|but|whereas|as|after|before|when|because)\s")
Result = tuple[frozenset[str], frozenset[str]]


def results(text: str, names: frozenset[str], lead: frozenset[str]) -> frozenset[Result]:
    """Who won what, as the core clause tells it (``WIN_RE``): (the winner's names, the names
    of what was won). "Kline won Dover and Alton, while Ruiz won Hale" -> {({kline}, {dover,
    alton}), ({ruiz}, {hale})}; the winner is the sentence's lead where no name comes right
    before the win word ("Kline scored a victory in Dover")."""
    core = core_part(text)
    out: set[Result] = set()
    for m in WIN_RE.finditer(core):
        if UNWON_RE.search(core, max(0, m.start() - 20), m.start()):
            continue
        rest = core[m.end():]
        end = WON_END_RE.search(rest)
        won = rest[:end.start()] if end else rest
        places = frozenset(content_tokens(" ".join(re.findall(r"\b[A-Z][\w'’-]*", won)))) & names - NOT_PARTICIPANTS
        before = WINNER_RE.search(core, max(0, m.start() - 80), m.start())
        winner = (frozenset(content_tokens(before.group(1))) & names if before else frozenset()) or lead
        winner -= places | NOT_PARTICIPANTS
        if winner and places:
            out.add((winner, places))
    return frozenset(out)


def same_participants(a: Profile, b: Profile, both_leads: bool = False) -> bool:
    """Who: the two name someone in common (not a mere title, month or weekday), and at least
    ``MIN_NAME_SHARE`` of the names of the one that names fewer, and one of them names whom
    the other is first about ("Ruiz backed Kline" is not "Sand backed Kline"; with
    ``both_leads``, each names whom the other is first about: "Ruiz plans a rally before the
    Dover primary" is not "The Dover primary is the last contest"); or neither names anyone
    and they are told in nearly the same words ("the engineering firm said the bridge had
    been repaired")."""
    if same_result(a, b):
        return True  # one winner of the same places, however each names them
    names_a, names_b = a.names - NOT_PARTICIPANTS, b.names - NOT_PARTICIPANTS
    if names_a or names_b:
        shared = len(names_a & names_b)
        if a.lead and b.lead and not (a.lead & names_b or b.lead & names_a):
            return False  # each is first about someone the other never names
        if both_leads and ((a.lead and not a.lead & names_b) or (b.lead and not b.lead & names_a)):
            return False  # one is first about someone the other never names
        if a.subject and b.subject and not (a.subject & names_b and b.subject & names_a):
            return False  # "Kline pointed to the interview Ruiz gave" is not "Ruiz was criticised for it"
        return shared > 0 and shared >= MIN_NAME_SHARE * min(len(names_a), len(names_b))
    return same_core_wording(a, b)


def same_core_wording(a: Profile, b: Profile) -> bool:
    """The shorter sentence's own wording is in the other: ``CORE_SHARED_PLAIN`` plain words
    shared, and ``CORE_PLAIN_SHARE`` of the shorter sentence's (a short report of a fact that
    a long sentence tells among other things)."""
    shared = len((a.plain & b.plain) - GENERIC)
    shorter = min(len(a.plain - GENERIC), len(b.plain - GENERIC))
    return shared >= max(2, min(CORE_SHARED_PLAIN, shorter)) and shared >= CORE_PLAIN_SHARE * shorter


def same_predicate(a: Profile, b: Profile) -> bool:
    """What: enough shared plain wording, beyond words any story uses: ``MIN_SHARED_PLAIN``
    words (two when a sentence has no more) that make up ``MIN_PLAIN_DICE`` of both
    sentences' plain words (two long sentences that share a topic phrase are not one fact);
    or, when both name the same day (``same_occasion``) and are first about the same party, of
    both core clauses ("On Friday Kline delivered her farewell address, thanking …" tells the
    address another outlet previews; "Kline won Tuesday's primary in Dover" is not "Ruiz won
    Tuesday's primary in Alton, beating Kline"); or both tell the same result (``same_result``)."""
    plain_a, plain_b = a.plain - GENERIC, b.plain - GENERIC
    shared = len(plain_a & plain_b)
    needed = max(2, min(MIN_SHARED_PLAIN, len(plain_a), len(plain_b)))  # short sentences: 2
    if shared >= needed and 2 * shared >= MIN_PLAIN_DICE * (len(plain_a) + len(plain_b)):
        return True
    if same_result(a, b):
        return True
    if not (same_occasion(a, b) and a.lead & b.lead):
        return False  # the core route: the same day, and first about the same party
    core_a, core_b = a.core - GENERIC, b.core - GENERIC
    shared = len(core_a & core_b)
    return shared >= MIN_SHARED_PLAIN and 2 * shared >= MIN_PLAIN_DICE * (len(core_a) + len(core_b))


def same_result(a: Profile, b: Profile) -> bool:
    """Both core clauses tell one result each, the same: one party won the same places ("Kline
    captured Dover and Alton" / "Kline won the primaries in Alton and Dover"; not "Kline won
    Alton" / "Kline won Dover", nor "Ruiz won Dover"). Not a part of the other's ("Kline won
    Dover" / "Kline won Dover and Alton"), nor one of two results ("Kline won Dover, while Ruiz
    won Alton"): linked to such a lead, two parts would be cited as one fact."""
    if len(a.won) != 1 or len(b.won) != 1:
        return False
    (wa, pa), (wb, pb) = next(iter(a.won)), next(iter(b.won))
    return bool(wa & wb) and pa == pb


WEEKDAYS = frozenset(content_tokens("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))


def same_occasion(a: Profile, b: Profile) -> bool:
    """Do both name the same day: a date in common, or the same weekday ("Tuesday's primary" is
    no date of its own, but names the day of one)?"""
    return bool(a.days & b.days or a.names & b.names & WEEKDAYS)


def same_when(a: Profile, b: Profile) -> bool:
    """When: day dates, where both give some, have one in common."""
    return not (a.days and b.days) or bool(a.days & b.days)


def same_counts(a: Profile, b: Profile) -> bool:
    """How many: no count of the same thing in one that the other contradicts (bounds from
    opposite sides, "at least seven" / "as many as seven", still tell one fact)."""
    return all(_matched(x, b.counts, lambda x, y: counts_conflict(x, y) != "number") for x in a.counts) \
        and all(_matched(y, a.counts, lambda y, x: counts_conflict(x, y) != "number") for y in b.counts)


def _matched(x: Quantity, others: Sequence[Quantity], agree: Callable[[Quantity, Quantity], bool]) -> bool:
    """Does a count agree with one of the other sentence's counts of the same thing (or has
    the other none)? "46 percent said yes, 23 percent no" told twice: 46 meets 46, 23 meets 23."""
    same_thing = [y for y in others if y.unit == x.unit]
    return not same_thing or any(agree(x, y) for y in same_thing)


def same_figures(a: Profile, b: Profile) -> bool:
    """One fact gives the same figures: where both sentences give numbers (years aside) that
    could be figures of one thing (``comparable_numbers``), they share one, and a count of one
    thing has the same value in both, bar rounding and vague wording ("at least 882 delegates"
    and "at least 501 delegates" are two tallies)."""
    nums_a, nums_b = comparable_numbers(a, b), comparable_numbers(b, a)
    if nums_a and nums_b and not nums_a & nums_b:
        return False
    return all(_matched(x, b.counts, _overlapping) for x in a.counts if x.bound != "more") \
        and all(_matched(y, a.counts, _overlapping) for y in b.counts if y.bound != "more")


def comparable_numbers(a: Profile, b: Profile) -> frozenset[str]:
    """The figures of ``a`` that ``b`` could give too: all but those that only count a thing
    ``b`` never names, when every figure of ``b`` counts something too ("split the first two
    contests" and "four hours earlier" give no figure of one thing)."""
    if any(_value(n) not in {q.value for q in b.counts} for n in b.numbers):
        return a.numbers  # a bare figure of ``b`` ("three-quarters"), of whatever it counts
    words = b.plain | b.names | {q.unit for q in b.counts}
    foreign = {q.value for q in a.counts} - {q.value for q in a.counts if q.unit in words}
    return frozenset(n for n in a.numbers if _value(n) not in foreign)


def _value(number: str) -> float | None:
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return None


def _overlapping(x: Quantity, y: Quantity) -> bool:
    """Can two counts of one thing be the same figure, bar rounding and vague wording?"""
    if "more" in (x.bound, y.bound):
        return True
    lo_x, hi_x = _interval(Quantity(x.unit, x.value, "vague" if x.bound != "exact" else "exact", x.label, x.start))
    lo_y, hi_y = _interval(Quantity(y.unit, y.value, "vague" if y.bound != "exact" else "exact", y.label, y.start))
    return not (hi_x < lo_y or hi_y < lo_x)


def same_fact(a: Profile, b: Profile, same_wording: bool = False, copies: bool = False,
              both_leads: bool = False, quoted_of: bool = False) -> bool:
    """All four: the two sentences tell one fact. ``same_wording``: they quote the same rare
    words ("a 'brave man'"), which stands for the share of the predicate's words;
    ``quoted_of``: and they name, outside the quotation, someone in common (who said it, or of
    whom), so the quoted words alone make the predicate (``WORDING_SHARED_PLAIN``). ``copies``:
    the sentences are near-identical (a republished story), so a "today" or "on Tuesday"
    read from two publication dates does not make two days. ``both_leads``: the overlap is
    modest, so each must name whom the other is first about."""
    if same_wording:
        predicate = len((a.plain & b.plain) - GENERIC) >= (WORDING_SHARED_PLAIN if quoted_of else MIN_SHARED_PLAIN)
    else:
        predicate = same_predicate(a, b)
    return (a.linkable and b.linkable and same_participants(a, b, both_leads) and predicate
            and (copies or same_when(a, b)) and same_counts(a, b) and (copies or same_figures(a, b)))
