"""CleanArticle + sentences -> dated events, each date normalised with its precision.

Absolute dates ("Nov. 7", "January 20, 2025", "September 2024", "in 2021"), ranges
("March 3-5", "from 2011 to 2015", "last week") and relative dates ("on Wednesday",
"last month", "yesterday", "three days ago", "the day after March 2") are resolved
against the publication date (``meta.date``).

Direction in time comes from the words around each date, nearest first and inside its
own clause before the rest of the sentence: "will", "is scheduled", "expected to",
"ahead of", "heading into", "days before the caucuses on Monday" point forward; a
past-tense verb points back. A past event never lands after publication. A plan told in
the past ("was scheduled to leave Tuesday") leaves open whether the day has come, and a
month no tense points to is taken only next to publication: such dates are left out. A
day and month without a year take the year their direction gives; when that year is not
the publication year and the date is months away, the year is unknown (news style writes
it) and the date is left out.

Date words that are not events are skipped: generic uses ("today's market", a
year's season: "this year's race"), names ("Super Tuesday", "the Act of 1964", a title), the ends of spans
("since 1928", "through 2013", "before 2011", "the months leading up to Monday's caucus"),
poll-method notes ("conducted Jan. 5-8")
and deictic words inside quotations (their "today" is the speaker's). In one sentence
the most specific expression wins ("Feb. 23" over "in February").

Dates far before publication are kept only when the sentence ties them to the story (a
precedent, or the story's own names and words), and then as ``background``. Without a
publication date only dates that carry their own year are kept. Patterns are linear: no
nested quantifiers.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..fastre import guard
from ..model import CleanArticle, Event, Sentence
from ..sentences import in_clause, make_citation
from .spans import quoted_spans

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 0, "the": 1}


def _month_re(group: str) -> str:
    return (rf"(?P<{group}>(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December)(?![a-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
            r"(?:\.|(?![a-z])))")


_MONTH = _month_re("mon")
_MONTH2 = _month_re("mon2")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d%])"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*[-–]\s*|\s+(?:to|through|until)\s+"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "2024-11-05"
    ("iso", re.compile(r"\b(?P<year>(?:1[0-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # "March 3-5", "Jan. 27-Feb. 1", "July 18 to 21, 2016": one range
    ("day_range", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD}(?:{_DASH})(?:{_MONTH2}\s*)?"
                             rf"(?P<day2>\d{{1,2}}){_ORD}\b(?![:\d])(?:,?\s+{_YEAR})?")),
    # "from 2011 to 2015", "between 2011 and 2015", "2011-15"
    ("year_range", re.compile(rf"\b(?:(?P<pre>(?i:from|between))\s+)?{_YEAR}(?P<sep>\s*[-–]\s*|"
                              r"\s+(?:to|through|until|and)\s+)(?P<year2>(?:1[0-9]|20)?\d\d)\b(?![\d%,.]\d)")),
    # "Wednesday, Nov. 6, 2024", "January 20, 2025", "Nov. 7"
    ("month_day", re.compile(rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})"
                             rf"{_ORD}\b(?!:)(?:,?\s+{_YEAR})?")),
    # "7 November 2024", "the 5th of May"
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}\b"
                             rf"(?:,?\s+{_YEAR})?")),
    # "early 2024", "in late September 2023", "September 2024", "March of 2016"
    ("month_year", re.compile(rf"\b(?:(?P<part>(?i:early|mid|late))[\s-]+)?{_MONTH}\s+(?:of\s+)?{_YEAR}")),
    # "in October", "earlier in October", "at the end of September", "this November"
    ("month", re.compile(rf"\b(?P<cue>(?i:in|since|by|until|through|before|after|during|this|last|next|"
                         rf"of|early|mid|late|end of|start of|beginning of))[\s-]+{_MONTH}(?![\w.]*\s+\d)")),
    # "in 2021", "early 2024", "since 2014"
    ("year", re.compile(rf"\b(?P<cue>(?i:in|since|during|by|until|from|through|early|mid|late|of|before|"
                        rf"after))[\s-]+(?:(?i:early|mid|late)[\s-]+)?{_YEAR}\b")),
    # "on Wednesday", "last Friday", "next Monday", "Thursday"
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|on|since|until|by))\s+)?"
                           rf"(?P<wd>{_WEEKDAY})\b")),
    # "today", "yesterday", "last month", "this year", "next week"
    ("relative", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|(?:last|this|next)\s+"
                            r"(?P<unit>week|month|year))\b", re.IGNORECASE)),
    # "three days ago", "two months ago", "a year ago", "a week ago"
    ("ago", re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                       r"\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)),
)

# One cheap pass says which kinds of date words a sentence has, so only their patterns run.
HINT_RE = re.compile(
    r"(?P<month>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|(?P<year>\b(?:1[0-9]|20)\d\d\b)|"
    r"(?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)|"
    r"(?P<relative>\b(?i:today|yesterday|tomorrow|week|month|year|ago)\b)")
HINT_RE = guard(HINT_RE)  # same matches, several times faster (see briefing.fastre)
NEEDS = {"iso": "year", "day_range": "month", "year_range": "year", "month_day": "month",
         "day_month": "month", "month_year": "month", "month": "month", "year": "year",
         "weekday": "weekday", "relative": "relative", "ago": "relative"}
MAX_DATES_PER_SENTENCE = 8
NEAR_CHARS = 20  # "announced today", "will vote this week": the verb dating a deictic word stands close
CACHED_SENTENCE_CHARS = 2000  # longer stretches are read in place, not copied into the cache
FIXED_KINDS = frozenset(("iso", "year_range", "month_year", "year", "day_range", "month_day", "day_month"))
RELATIVE_KIND_RE = re.compile(rf"^(?:\w+\s+)?{_WEEKDAY}$|\b(?i:today|yesterday|tomorrow|ago|this|last|next)\b")
# a run of spaces is tried from its start only ((?<!\s)), so a long run stays linear
CLAUSE_RE = re.compile(r"[,;:()]\s*|(?<!\s)\s+(?:[—–]|--?)\s+")
CITE_CLAUSE_RE = re.compile(r"[,;:]\s+|(?<!\s)\s+[—–-]\s+")

# -- direction in time: cues nearest the date decide ---------------------------------------
FUTURE_WORDS = frozenset("""
will won't shall scheduled slated planned upcoming coming next would wouldn't await awaits awaiting
""".split())
MODALS = frozenset("can could may might should must".split())  # lower case: "May" is a month
FUTURE_PAIRS = frozenset(tuple(p.split()) for p in (
    "going to", "set to", "due to", "poised to", "expected to", "expects to", "expect to", "plans to",
    "plan to", "planning to", "intends to", "intend to", "hopes to", "hope to", "aims to", "aim to",
    "ahead of", "heading into", "head into", "heads into", "later this", "advance of",
    "preparing to", "preparing for", "prepares to", "prepares for", "be held", "is due", "are due",
    "need to", "needs to", "ready for", "ready to", "rushing to", "racing to", "wants to", "want to",
    "seeks to", "seeking to", "vows to", "vowed to", "promised to", "promises to", "trying to"))
PAST_WORDS = frozenset("""
was were had did been ago earlier previously already said told made took won lost met went came
gave held ran began became left saw spoke wrote thought found got brought fell rose sent struck
led paid kept knew stood sat sought fought chose drew grew threw flew drove broke wore heard
meant felt caught taught bought built spent sold stole shot fled sank dealt forgot froze hid
slid spun stuck swept swung understood withdrew overtook undertook overcame upheld lit bit
""".split())
NOT_PAST_ED = frozenset("""
need needed indeed hundred speed proceed exceed succeed breed greed seed feed bleed embed united
naked wicked sacred beloved aged ragged rugged crooked red bed shed wed weed deed steed tweed
so-called unprecedented unexpected unnamed alleged supposed related limited based interested
concerned married retired experienced advanced detailed dedicated talented armed
""".split())
DETERMINERS = frozenset("the a an its his her their our my your this that these those".split())
PRESENT_WORDS = frozenset("is are".split())
WEAK_FUTURE = 2  # direction from a present tense: forward for a weekday, nearest for a month
MODAL = 3  # "can", "could": forward in the date's own clause, weak from another
PASSIVE_AUX = frozenset("be is are am being".split())
WORD_RE = re.compile(r"[A-Za-z][a-z'’-]*")

# -- what is not an event -----------------------------------------------------------------
# a capitalised word before a weekday that makes it a name ("Super Tuesday", "Good Friday")
NAMING_WORDS = frozenset("super mega mini black cyber good bloody easter palm ash fat holy maundy "
                         "giving shrove titanic big small".split())
#: What a weekday owns that is scheduled, not done: "Tuesday's primary", "Thursday's debate".
OWNER_RE = re.compile(r"\w+['’]s\b")
SCHEDULED_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:primar(?:y|ies)|caucus(?:es)?|elections?|debates?|"
                                r"votes?|contests?|runoffs?|showdown)\b", re.IGNORECASE)
EVENT_NOUNS = re.compile(
    r"\s*(?:\w+\s+)?(?:votes?|voting|primar(?:y|ies)|caucus(?:es)?|elections?|debates?|hearings?|meetings?|"
    r"announcements?|rall(?:y|ies)|speech(?:es)?|decisions?|rulings?|summit|sessions?|briefings?|"
    r"statements?|attacks?|shooting|deadline|launch|conventions?|contests?|races?)\b", re.IGNORECASE)
_BETWEEN = r"|\bbetween\s+(?:[\w.]+\s+){0,3}and\s+$|\bbetween\s+$"  # "between now and Nov. 8"
SPAN_BEFORE_RE = re.compile(r"(?:\b(?:through|thru|until|till|to|since|before|after|by|from)\s+"
                            r"(?:the\s+)?(?:(?:end|beginning|start|middle|close)(?:\s+of)?\s+)?$|\bso\s+far\s+$"
                            + _BETWEEN + ")", re.IGNORECASE)
OVER_THE_BEFORE_RE = re.compile(r"\b(?:over|in|during|for|within)\s+the\s+$", re.IGNORECASE)
DAY_SPAN_BEFORE_RE = re.compile(r"(?:\b(?:through|thru|until|till|since|before|after)\s+(?:the\s+)?$"
                                r"|\b(?:ends?|ending|expires?)\s+(?:on\s+)?$"
                                + _BETWEEN + ")", re.IGNORECASE)
#: "in the months leading up to Monday's caucus", "the run-up to the vote in May": the end of
#: a stretch of time, not the day of what the sentence tells.
LEADING_UP_BEFORE_RE = re.compile(r"\b(?:leading\s+up\s+to|run-?up\s+to|in\s+the\s+(?:hours|days|weeks|months)\s+"
                                  r"(?:before|ahead\s+of))\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
WEEKDAY_SPAN_BEFORE_RE = re.compile(r"(?:\b(?:through|thru|till)\s+$" + _BETWEEN + ")", re.IGNORECASE)
POLL_TAKEN_BEFORE_RE = re.compile(r"\b(?:conducted|fielded|taken)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
SPAN_CUES = frozenset("since until through before after by from".split())
POLL_BEFORE_RE = re.compile(r"\b(?:conducted|fielded|surveyed|polled|interviewed|taken|in the field)\b"
                            r"[^.;]{0,30}$", re.IGNORECASE)
POLL_NOTE_RE = re.compile(r"\bmargin of (?:sampling )?error\b", re.IGNORECASE)
NOT_AFTER_RE = re.compile(r"^'s\s+|^\s+(?:and|&)\s+[A-Z]")
OF_NAME_RE = re.compile(r"\b[A-Z][A-Za-z]+\s+$")
SHIFT_BEFORE_RE = re.compile(r"\b(?P<n>the|a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                             r"(?P<unit>day|week)s?\s+(?P<dir>after|before)\s+$", re.IGNORECASE)
COMPARISON_BEFORE_RE = re.compile(r"\bthan\b[^,.;]{0,30}$|\b(?:from|to)\s+\$?[\d.,]+\s*(?:million|billion|trillion|"
                                  r"percent|%|points?)?\s+$", re.IGNORECASE)
PERIOD_BEFORE_RE = re.compile(r"\b(?:months|weeks|days|quarters?|half|rest|remainder|part|summer|spring|fall|"
                              r"autumn|winter)\s+$", re.IGNORECASE)
POSSESSIVE_AHEAD_RE = re.compile(r"\b(?:ahead of|heading into|heads? into|before|upcoming|for|until|toward|"
                                 r"towards|await(?:s|ing)?)\s+(?:the\s+)?$", re.IGNORECASE)
#: A scheduled happening the weekday belongs to, after "before" or "ahead of" ("only days
#: before the caucuses on Monday", "ahead of the runoff Tuesday"): still to come.
SCHEDULED_AHEAD_RE = re.compile(r"\b(?:before|ahead\s+of|heading\s+into|heads?\s+into|until|awaiting)\s+the\s+"
                                r"(?:[\w.'’-]+\s+){0,3}?(?:primar(?:y|ies)|caucus(?:es)?|elections?|debates?|votes?|"
                                r"contests?|runoffs?|conventions?|hearings?)\s+(?:on\s+)?$", re.IGNORECASE)
#: A plan told in the past ("was scheduled to leave Tuesday", "were expected to vote in May"):
#: whether the day has come or not, the sentence does not say.
#: Inside a clause: any character but a sentence's end, or the dot of an abbreviation ("Mr.", "Wyo.").
IN_CLAUSE = in_clause(".;:")
PAST_PLAN_RE = re.compile(r"\b(?:was|were)\s+(?:(?:not|also|originally|initially|still|then)\s+)?(?:scheduled|slated|"
                          r"set|expected|due|supposed|planning|going|poised|planned|to\s+have|about|to(?=\s+[a-z]+\b))\b"
                          + IN_CLAUSE + r"{0,60}$", re.IGNORECASE)
#: A month without a year and without a tense to say which way it lies is taken only this
#: many months from publication (the month before, of or after it): further off, last year's
#: and next year's are both likely ("upbeat about his chances in November", told in January).
UNDIRECTED_MONTHS = 1
LEADS_ON_RE = re.compile(r"(?::|\b(?:said|says|wrote|writes|added|declared|explained),?)\s*$")
DEPENDENT_RE = re.compile(r"^\W*(?:(?:That|This|These|Those|Such)\s+[a-z]+|It)\b|\bthe same thing\b|"
                          r"\bdid (?:the same|so)\b")
ATTRIBUTION_RE = re.compile(r"\b(?:said|says|wrote|writes|told|tweeted|added|posted)\b")
HYPOTHETICAL_BEFORE_RE = re.compile(r"\b(?:whether|mulling|weighing|considering|projection|projected|forecasts?|"
                                    r"predicts?|bet on)\b[^,;.]{0,60}$", re.IGNORECASE)
AS_OF_BEFORE_RE = re.compile(r"\bas\s+of\s+(?:(?:early|earlier|late|later)\s+)?$", re.IGNORECASE)
CREDIT_BEFORE_RE = re.compile(r"\(@\w+\)\s*$")
ALTERNATIVE_AFTER_RE = re.compile(r"\s+(?:or|rather than|instead of)\s+(?:in\s+|on\s+)?[A-Z0-9]")
ALTERNATIVE_BEFORE_RE = re.compile(r"\b(?:1[0-9]|20)\d\d\s+or\s+(?:in\s+)?$")
DATELINE_AFTER_RE = re.compile(r"\s*(?:\([A-Z][A-Za-z. ]{0,20}\)\s*)?[-—–]")
BYLINE_AFTER_RE = re.compile(r"\s*,?\s*by\s+[A-Z]")  # a quoted headline and its author
GENERIC_AFTER_RE = re.compile(r"^\s+(?:world|society|america|standards|terms|culture|economy|climate|"
                              r"environment|age|era|times|generation)\b", re.IGNORECASE)

# a clause opening with one of these has no subject of its own: cite the whole sentence
QUOTE_MARK_RE = re.compile(r"[\"“”]|''")
SUBJECTLESS = PAST_WORDS | FUTURE_WORDS | frozenset(form for word in """
is are has have was were and but or to for with while who whom whose which that where when if
isn't aren't wasn't weren't don't doesn't didn't hasn't haven't
""".split() for form in (word, word.replace("'", "’")))

# -- background ---------------------------------------------------------------------------
BACKGROUND_DAYS = 183  # an event ending this long before publication is background
CROSS_YEAR_DAYS = 120  # a day and month without a year this far off, in another year: unknown year
PRECEDENT_RE = re.compile(r"\b(?:precedent|first time|last time|the same|similar(?:ly)?|again|previous(?:ly)?|"
                          r"history|historic(?:al)?|record|echo(?:es|ed)?|recall(?:s|ed)?|reminiscent|"
                          r"compar(?:e|ed|es|ison)|anniversary|ever since|once before|since then)\b",
                          re.IGNORECASE)
TIE_STOP = frozenset("""
about after again against also among another because been before being between both could
during each even every first from have here into just last like made make many more most much
never other over said says same should since some still such than that their them then there
these they this those through under until very were what when where which while will with
would year years today week month people time times told news report reports reported
""".split())


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: where, what it says, what it resolves to."""

    start: int
    end: int
    expression: str
    date: str
    precision: str
    until: str | None = None  # a range's last date


def parse_iso(value: str | None) -> date | None:
    """'YYYY-MM-DD' (or a longer ISO stamp) -> date, or None when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _nearest_year(month: int, day: int, published: date, direction: int) -> int | None:
    """The year putting month/day nearest the publication date in ``direction``.

    direction -1: on or before publication; +1: on or after; 0: nearest, the past preferred.
    """
    best: tuple[float, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        delta = (candidate - published).days
        if (direction < 0 and delta > 0) or (direction > 0 and delta < 0):
            continue
        cost = -delta if delta <= 0 else delta * 2.0
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def _month_year(month: int, published: date, direction: int) -> int:
    """The year of the nearest such month in ``direction`` (this month counts both ways)."""
    if direction < 0:
        return published.year if month <= published.month else published.year - 1
    if direction > 0:
        return published.year if month >= published.month else published.year + 1
    year = _nearest_year(month, 1, published.replace(day=1), 0)
    return year if year is not None else published.year


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _year_of(text: str | None) -> int | None:
    return int(text) if text else None


def _far_without_year(value: date, published: date) -> bool:
    """A day and month given no year, resolved into another year and months away."""
    return value.year != published.year and abs((value - published).days) > CROSS_YEAR_DAYS


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: date | None, direction: int
             ) -> tuple[str, str, str | None] | None:
    """One pattern match -> (date, precision, until), or None when not resolvable or no event."""
    groups = m.groupdict()
    weak = direction == WEAK_FUTURE
    if weak:
        direction = 1 if kind == "weekday" else 0  # a present tense is too weak to send a month to next year
    if kind == "iso":
        found = _day(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        return (found.isoformat(), "day", None) if found else None
    if kind == "day_range":
        month, day, day2 = _month_number(groups["mon"]), int(groups["day"]), int(groups["day2"])
        month2 = _month_number(groups["mon2"]) if groups.get("mon2") else month
        year = _year_of(groups.get("year"))
        if year is None:
            if published is None:
                return None
            year = _nearest_year(month, day, published, direction)
            if year is None:
                return None
        first = _day(year, month, day)
        last = _day(year + (1 if month2 < month else 0), month2, day2)
        if first is None or last is None or last <= first or (last - first).days > 62:
            return None
        if not groups.get("year") and published and _far_without_year(first, published):
            return None
        return first.isoformat(), "day", last.isoformat()
    if kind == "year_range":
        if (groups.get("sep") or "").strip() == "and" and (groups.get("pre") or "").lower() != "between":
            return None
        first_year, raw = int(groups["year"]), groups["year2"]
        last_year = int(raw) if len(raw) == 4 else first_year // 100 * 100 + int(raw)
        if not 0 < last_year - first_year <= 50:
            return None
        return f"{first_year:04d}", "year", f"{last_year:04d}"
    if kind in ("month_day", "day_month"):
        month, day = _month_number(groups["mon"]), int(groups["day"])
        if groups.get("year"):
            found = _day(int(groups["year"]), month, day)
            return (found.isoformat(), "day", None) if found else None
        if published is None:
            return None
        year = _nearest_year(month, day, published, direction)
        found = _day(year, month, day) if year is not None else None
        if found is None or _far_without_year(found, published):
            return None
        return found.isoformat(), "day", None
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{_month_number(groups['mon']):02d}", "month", None
    if kind == "month":
        cue = groups["cue"].lower()
        if published is None or cue in SPAN_CUES:
            return None
        month = _month_number(groups["mon"])
        if cue == "last":
            year = published.year - 1 if month >= published.month else published.year
        elif cue == "next":
            year = published.year + 1 if month <= published.month else published.year
        elif cue == "this":
            year = published.year
        elif weak and month >= published.month:
            year = published.year  # "his chances in November are good", told in January: still to come
        else:
            year = _month_year(month, published, direction)
            if direction == 0 and abs((year - published.year) * 12 + month - published.month) > UNDIRECTED_MONTHS:
                return None  # no tense says which way: last year's or next year's month?
            if direction < 0 and year < published.year and \
                    (published - date(year, month, 1)).days > CROSS_YEAR_DAYS + 31:
                return None  # a past "in June" told in April: last year's would carry its year
        return f"{year:04d}-{month:02d}", "month", None
    if kind == "year":
        if groups["cue"].lower() in SPAN_CUES:
            return None
        return groups["year"], "year", None
    if published is None:
        return None
    if kind == "weekday":
        target = WEEKDAYS[groups["wd"].lower()]
        rel = (groups.get("rel") or "").lower()
        if rel == "until":
            return None
        if rel == "next":
            ahead = (target - published.weekday()) % 7 or 7
            return (published + timedelta(days=ahead)).isoformat(), "day", None
        if rel != "last" and direction > 0:
            ahead = (target - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat(), "day", None
        back = (published.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat(), "day", None
    if kind == "relative":
        rel = groups["rel"].lower().split()
        if rel[0] in ("today", "yesterday", "tomorrow"):
            shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[rel[0]]
            return (published + timedelta(days=shift)).isoformat(), "day", None
        step = {"last": -1, "this": 0, "next": 1}[rel[0]]
        if step == 0 and direction < 0 and rel[-1] in ("week", "month"):
            # a past "this week" / "this month" told on a Monday or on the 2nd: the days up to
            # publication ("said during this week's debate", on Monday, of Saturday's debate)
            first = published - timedelta(days=6) if rel[-1] == "week" else published.replace(day=1)
            return first.isoformat(), "day", (published.isoformat() if first < published else None)
        if rel[-1] == "week":
            # weeks run Sunday to Saturday, as in American news
            sunday = published - timedelta(days=(published.weekday() + 1) % 7) + timedelta(weeks=step)
            return sunday.isoformat(), "day", (sunday + timedelta(days=6)).isoformat()
        if rel[-1] == "month":
            year, month = _shift_month(published, step)
            return f"{year:04d}-{month:02d}", "month", None
        return f"{published.year + step:04d}", "year", None
    if kind == "ago":
        raw = groups["n"].lower()
        count = int(raw) if raw.isdigit() else COUNTS.get(raw, 0)
        if count <= 0:
            return None
        unit = groups["unit"].lower()
        if unit in ("day", "week"):
            return (published - timedelta(days=count * (7 if unit == "week" else 1))).isoformat(), "day", None
        if unit == "month":
            year, month = _shift_month(published, -count)
            return f"{year:04d}-{month:02d}", "month", None
        return f"{published.year - count:04d}", "year", None
    return None


def _clauses(text: str, start: int, end: int) -> list[int]:
    """Offsets where the sentence's clauses begin (after commas, dashes, brackets)."""
    return [start] + [m.end() for m in CLAUSE_RE.finditer(text, start, end)]


def _clause_of(bounds: list[int], pos: int) -> int:
    k = 0
    for i, b in enumerate(bounds):
        if b <= pos:
            k = i
    return k


def tense_cues(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] -> (offset, +1 future / -1 past) of each tense cue, in order.

    One pass over the words: a future word or pair ("will", "expected to", "ahead of"), a
    past form ("said", "-ed" not after "is" or "be"), each at its first word's offset.
    """
    cues: list[tuple[int, int]] = []
    previous, previous_at = "", start
    for m in WORD_RE.finditer(text, start, end):
        raw = m.group(0)
        word = raw.lower().replace("’", "'")
        if (previous, word) in FUTURE_PAIRS:
            if cues and cues[-1] == (previous_at, -1):
                cues.pop()  # "expected to", "planned to": the pair points forward
            cues.append((previous_at, 1))
        elif raw in MODALS:
            cues.append((m.start(), MODAL))
        elif word in FUTURE_WORDS or word.endswith("'ll"):
            cues.append((m.start(), 1))
        elif word in PAST_WORDS:
            cues.append((m.start(), -1))
        elif word in PRESENT_WORDS:
            cues.append((m.start(), 0))  # weak: counts only in the date's own clause
        elif word[-2:] == "ed" and len(word) > 3 and word not in NOT_PAST_ED and previous not in PASSIVE_AUX:
            if previous not in DETERMINERS:
                cues.append((m.start(), -1))  # not "its continued influence": an adjective
        previous, previous_at = word, m.start()
    return cues


#: A participle of saying just before a date (", announcing on Wednesday he would ..."): the
#: date is the saying's.
SAYING_PARTICIPLE_RE = re.compile(r"\b(?:saying|announcing|telling|adding|noting|declaring|insisting|warning|vowing|"
                                  r"promising|arguing|explaining|stating|tweeting|writing|confirming|"
                                  r"revealing)\s+$", re.IGNORECASE)


#: A clause this short (in characters) that holds only a date opens the clause after it.
SHORT_CLAUSE = 30


def direction_of(cues: Sequence[tuple[int, int]], bounds: list[int], start: int, end: int,
                 reach: int | None = None) -> int:
    """The tense cue nearest a date, inside its clause first: +1 forward, -1 back, 0 unknown.

    With ``reach``, only a cue of the date's own clause within that many characters counts.
    """
    if not cues:
        return 0
    clause = _clause_of(bounds, start)
    inside = [c for c in cues if _clause_of(bounds, c[0]) == clause]
    if reach is not None:
        inside = [c for c in inside if c[1] and start - reach <= c[0] <= end + reach]
        if not inside:
            return 0
    pool = [c for c in inside if c[1]]
    if not pool and inside:
        return WEAK_FUTURE  # its own clause in the present ("the primary is on Tuesday"): still to come
    if not inside and clause + 1 < len(bounds) and bounds[clause + 1] - bounds[clause] <= SHORT_CLAUSE:
        # "…, but on Thursday, the party announced …": a date standing alone before a comma
        # belongs to the clause it opens, not to a plan told before it
        following = [c for c in cues if c[1] and _clause_of(bounds, c[0]) == clause + 1]
        if following:
            return 1 if following[0][1] == MODAL else following[0][1]
    own = bool(pool)
    pool = pool or [c for c in cues if c[1]]
    if not pool:
        return 0
    # the nearest verb, one before the date counting more than one after ("told ... on Thursday
    # that ... would"); a future or modal word after the date yields to a verb before it
    # ("struggled to answer a question on Sunday about how he would ...", "a deal reached in
    # July could ...")
    best = min(pool, key=lambda c: (start - c[0] if c[0] < start else 1.5 * (c[0] - end) + 8, c[0]))
    before = [c for c in pool if c[0] < start]
    if own and best[1] in (1, MODAL) and best[0] >= end and before:
        best = max(before)  # a "would" after the date belongs to a later verb of its own
    if best[1] == MODAL:  # "who can win in November"; from another clause only a weak hint
        return 1 if own else WEAK_FUTURE
    return best[1]


def _possessive_direction(text: str, start: int, at: int, cues: Sequence[tuple[int, int]],
                          bounds: list[int]) -> int:
    """'Monday's decision will reverberate': what a weekday owns happened, unless a word before
    it points ahead ('ahead of Tuesday's vote', 'will do well in', 'is running in Tuesday's primary')."""
    if POSSESSIVE_AHEAD_RE.search(text, max(start, at - 30), at):
        return 1
    clause = _clause_of(bounds, at)
    before = [c for c in cues if c[0] < at and _clause_of(bounds, c[0]) == clause]
    if before and before[-1][1] in (0, 1, MODAL):
        return 1  # "who is running in Tuesday's primary"
    owner = OWNER_RE.match(text, at)
    past = any(c[1] == -1 and _clause_of(bounds, c[0]) == clause for c in cues)
    if owner and not past and SCHEDULED_AFTER_RE.match(text, owner.end()):
        return 1  # "holds a lead in Tuesday's primary": a vote, a debate, no past verb: still to come
    return -1


def _in_quote(quotes: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for s, e in quotes:
        if s < start and end <= e:
            return s, e
    return None


def _in_short_brackets(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """The date stands in a short parenthetical, as a method note or a title often does."""
    opening = text.rfind("(", lo, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    closing = text.find(")", end, hi)
    return closing >= 0 and len(text[opening:closing].split()) <= 6


def _is_title(quoted: str) -> bool:
    """A short quotation in title case ("2030 and Beyond", "The Year of the Flood")."""
    words = quoted.strip("\"“”'‘’ ").split()
    if not words or len(words) > 8:
        return False
    return sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.6 * len(words)


def not_an_event(kind: str, m: re.Match[str], text: str, start: int, end: int,
                 quotes: Sequence[tuple[int, int]], direction: int) -> bool:
    """Date words used generically, as a name, as the end of a span, in a title or method note."""
    before = text[max(start, m.start() - 60):m.start()]
    after = text[m.end():min(end, m.end() + 40)]
    expression = m.group(0)
    quote = _in_quote(quotes, m.start(), m.end())
    deictic = kind in ("relative", "ago")
    if quote and (deictic or _is_title(text[quote[0]:quote[1]]) or BYLINE_AFTER_RE.match(text, quote[1], end)):
        return True  # the speaker's "today", or a date inside a quoted title
    if (kind in ("month", "year", "year_range", "month_year")
            or (deictic and not expression.lower().endswith("ago"))) and SPAN_BEFORE_RE.search(before):
        return True  # "through the beginning of 2013", "until May", "until next month"
    if LEADING_UP_BEFORE_RE.search(before):
        return True  # "the months leading up to Monday's caucus"
    if deictic and OVER_THE_BEFORE_RE.search(before):
        return True  # "voters who decided over the last month": a stretch up to now, no event
    if kind in ("month_day", "day_month", "iso") and DAY_SPAN_BEFORE_RE.search(before) \
            and not SHIFT_BEFORE_RE.search(before):
        return True  # "cast before March 15", "open until Nov. 8" (but "the day before Nov. 8")
    if kind not in ("weekday", "relative", "ago") and POLL_BEFORE_RE.search(before):
        return True  # "conducted Jan. 5-8"
    if kind == "weekday" and (WEEKDAY_SPAN_BEFORE_RE.search(before) or POLL_TAKEN_BEFORE_RE.search(before)):
        return True  # "taken Wednesday through Sunday", "between Monday and March 14"
    if kind not in ("relative", "ago") and _in_short_brackets(text, m.start(), m.end(), start, end):
        return True
    as_of = AS_OF_BEFORE_RE.search(before) or (expression.lower().startswith("of ") and before.endswith("as "))
    if as_of or CREDIT_BEFORE_RE.search(before):
        return True  # "debt per graduate as of 2012": a state, not an event; "(@paper) June 29, 2016"
    if kind not in ("weekday",) and HYPOTHETICAL_BEFORE_RE.search(before):
        return True  # "mulling a run for governor in 2018", "whether he spoke this year": no event yet
    if ALTERNATIVE_AFTER_RE.match(after) or ALTERNATIVE_BEFORE_RE.search(before):
        return True  # "run in 2020 or 2024", "in 2020 rather than 2018": no date it happened
    if kind in ("month_day", "day_month") and DATELINE_AFTER_RE.match(after):
        return True  # "PARIS, Aug. 31 (Reuters) -": the dateline, not an event
    if kind in ("year", "month_year") and (NOT_AFTER_RE.match(after) or
                                            ((m.groupdict().get("cue") or "").lower() == "of"
                                            and OF_NAME_RE.search(before))):
        return True  # "2016 and Beyond", "the Constitution of 1780"
    if kind == "weekday":
        words = before.split()
        prev = words[-1] if words and not m.group("rel") else ""
        if prev[:1].isupper() and prev.lower().strip(".,") in NAMING_WORDS:
            return True  # "Super Tuesday"
        if re.match(r"\s*\d", after):
            return True  # "Tuesday 2"
        if after.startswith(")"):
            return True  # "(Daily Paper, Thursday)": where something was printed
        if re.search(r"\b(?:one|a|an|every|each|any|some|that|same|other)\s+$", before, re.IGNORECASE):
            return True  # "one Sunday in late 2001": no date
    if deictic and re.search(r"\bthe\s+$", before, re.IGNORECASE) and expression.lower().startswith("next"):
        return True  # "the next month": after some other event, not after publication
    if kind in ("month", "month_year", "month_day", "day_month", "weekday", "year", "relative") \
            and COMPARISON_BEFORE_RE.search(before):
        return True  # "fewer staff in July than he did in March", "up from 90 last year": a baseline
    if expression.lower().startswith("of ") and PERIOD_BEFORE_RE.search(before):
        return True  # "the last three months of 2015": a period
    if deictic:
        rel = expression.lower()
        if expression.isupper() or (expression[:1].isupper() and expression[1:2].islower()
                                    and len(expression.split()) > 1 and expression.split()[1][:1].isupper()
                                    and m.start() > start):
            return True  # "USA TODAY", "on ABC's This Week": a name
        if after.startswith("'s") or after.startswith("’s"):
            if rel.endswith("year"):
                return True  # "this year's primaries have featured ...": a season, no one event
            return not EVENT_NOUNS.match(after[2:])  # "today's market", but "today's vote"
        if rel.startswith("today"):
            if re.search(r"\bif\b[^,;]{0,40}$", before, re.IGNORECASE):
                return True  # "if you were betting today": a supposition
            if re.search(r"\b(?:of|until|till|than|like|to|as of|up to)\s+$", before, re.IGNORECASE) \
                    or GENERIC_AFTER_RE.match(after):
                return True
            return direction == 0  # "its influence today": no verb next to it dates anything
        if rel.startswith("this"):
            return direction == 0  # "campaigns this year more than ever": a period, no event
    return False


def _drop_coarser(found: list[DateMention]) -> list[DateMention]:
    """In one sentence the most specific expression wins: 'Feb. 23' over 'in February'."""
    return [d for d in found
            if d.until is not None
            or not any(o is not d and len(o.date) > len(d.date) and o.date.startswith(d.date)
                       for o in found)]


def _shifted(text: str, start: int, mention: DateMention) -> DateMention:
    """'the day after March 2', 'two weeks before Nov. 8' -> the date moved, the words kept."""
    if mention.precision != "day" or mention.until is not None:
        return mention
    m = SHIFT_BEFORE_RE.search(text, max(start, mention.start - 30), mention.start)
    if m is None or m.end() != mention.start:
        return mention
    raw = m.group("n").lower()
    count = int(raw) if raw.isdigit() else COUNTS.get(raw, 0)
    days = count * (7 if m.group("unit").lower() == "week" else 1)
    if days <= 0:
        return mention
    sign = 1 if m.group("dir").lower() == "after" else -1
    moved = date.fromisoformat(mention.date) + timedelta(days=sign * days)
    return DateMention(m.start(), mention.end, text[m.start():mention.end], moved.isoformat(), "day")


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """text[start:end] (one sentence) -> its date mentions that date events, resolved.

    Earlier patterns win overlaps. At most ``MAX_DATES_PER_SENTENCE`` are kept: a real
    sentence holds a few dates, and the cap keeps the work linear on a list of thousands.
    A sentence met again (syndicated copies, repeated page furniture) is read once.
    """
    if end - start > CACHED_SENTENCE_CHARS:
        return _find_dates(text, start, end, published)
    return [replace(d, start=d.start + start, end=d.end + start)
            for d in _sentence_dates(text[start:end], published)]


@lru_cache(maxsize=1 << 14)
def _sentence_dates(sentence: str, published: date | None) -> tuple[DateMention, ...]:
    return tuple(_find_dates(sentence, 0, len(sentence), published))


def _find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    present = {m.lastgroup for m in HINT_RE.finditer(text, start, end)}
    if not present:
        return []
    cues: list[tuple[int, int]] | None = None  # computed when a date needs its direction
    bounds: list[int] = []
    # '' as a double quotation mark (old newspaper style) -> ' "', same length
    quotes = [(s + start, e + start) for s, e in quoted_spans(text[start:end].replace("''", ' "'))]
    poll_note = bool(POLL_NOTE_RE.search(text, start, end))
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        if NEEDS[kind] not in present:
            continue
        for m in pattern.finditer(text, start, end):
            if len(found) >= MAX_DATES_PER_SENTENCE:
                break
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))  # a date word that is no event still hides its parts
            direction = near = 0
            if kind not in FIXED_KINDS or not m.group("year"):
                if cues is None:
                    cues, bounds = tense_cues(text, start, end), _clauses(text, start, end)
                # a quotation's verbs tell the speaker's time, not the narrator's (and the reverse)
                mine = _in_quote(quotes, m.start(), m.end())
                side = [c for c in cues if _in_quote(quotes, c[0], c[0] + 1) == mine] if quotes else cues
                direction = direction_of(side, bounds, m.start(), m.end())
                if kind == "weekday" and not m.group("rel") and text.startswith(("'s", "’s"), m.end()):
                    direction = _possessive_direction(text, start, m.start(), side, bounds)
                if kind == "weekday" and SCHEDULED_AHEAD_RE.search(text, max(start, m.start() - 80), m.start()):
                    direction = 1  # "days before the caucuses on Monday"
                if kind in ("weekday", "month", "relative") and PAST_PLAN_RE.search(
                        text, max(start, m.start() - 80), m.start()):
                    continue  # "was scheduled to leave Tuesday": has it happened? not said
                if direction and direction != -1 \
                        and SAYING_PARTICIPLE_RE.search(text, max(start, m.start() - 30), m.start()):
                    # "joined the debate, announcing on Wednesday he would meet ...": the date is
                    # the announcing's, whose tense is the verb's it hangs on, not the "would" after
                    earlier = [c for c in side if c[1] in (-1, 1) and c[0] < m.start()]
                    if earlier:
                        direction = earlier[-1][1]
                if kind == "relative":
                    near = direction_of(side, bounds, m.start(), m.end(), reach=NEAR_CHARS)
            if poll_note or not_an_event(kind, m, text, start, end, quotes, near):
                continue
            resolved = _resolve(kind, m, published, direction)
            if resolved is None:
                continue
            mention = DateMention(m.start(), m.end(), m.group(0), resolved[0], resolved[1], resolved[2])
            if direction < 0 and published and _after(mention, published):
                continue  # a past event never lands after publication
            if direction < 0 and published and mention.precision == "day" and mention.until \
                    and _last_day(mention.until) > published:
                # ... nor runs past it: the span ends on the day of writing
                until = published.isoformat() if _first_day(mention.date) < published else None
                mention = replace(mention, until=until)
            if kind in ("year", "month_year") and published and _after(mention, published) \
                    and not _future_in_clause(text, start, end, m.start(), quotes):
                continue  # "mentioned as a candidate in 2033", "up for a vote in 2033": no plan told

            found.append(_shifted(text, start, mention))
    if published and any(_first_day(d.date).year < published.year - 1 for d in found):
        # a sentence told in another year: its "one Sunday", "yesterday" are not the article's
        found = [d for d in found if not RELATIVE_KIND_RE.search(d.expression)]
    return sorted(_drop_coarser(found), key=lambda d: (d.start, d.end))


def _future_in_clause(text: str, start: int, end: int, at: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """Does the date's own clause say that something will happen ("will run in 2033", "is
    expected to retire in 2033")? A later year or month with no such word is a side remark
    ("up for a vote in 2033") or a hypothesis, not an event on the story's timeline."""
    bounds = _clauses(text, start, end)
    clause = _clause_of(bounds, at)
    mine = _in_quote(quotes, at, at + 1)
    return any(d in (1, MODAL) and _clause_of(bounds, c) == clause and _in_quote(quotes, c, c + 1) == mine
               for c, d in tense_cues(text, start, end))


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def _after(mention: DateMention, published: date) -> bool:
    """The whole of the mention's period lies after publication."""
    try:
        return _first_day(mention.date) > published
    except ValueError:
        return False


def is_far_before(mention: DateMention, published: date | None) -> bool:
    """The mention's period ends ``BACKGROUND_DAYS`` or more before publication."""
    if published is None:
        return False
    try:
        return _last_day(mention.until or mention.date) < published - timedelta(days=BACKGROUND_DAYS)
    except ValueError:
        return False


def _story_words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in TIE_STOP}


def is_dependent(sentence: str) -> bool:
    """A sentence that cannot be read alone: 'That figure grew Tuesday.', 'Mr. X wrote on Monday.'"""
    if DEPENDENT_RE.search(sentence):
        return True
    words = sentence.split()
    return len(words) <= 8 and bool(ATTRIBUTION_RE.search(sentence)) and not QUOTE_MARK_RE.search(sentence)


def clause_around(text: str, start: int, end: int, mention: DateMention,
                  others: Sequence[DateMention]) -> tuple[int, int]:
    """The stretch of a sentence that belongs to one of several dates: its clause."""
    if len(others) <= 1:
        return start, end
    cuts = [start]
    for m in CITE_CLAUSE_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if not any(o.start <= s < o.end for o in others):
            cuts.append(s)
            cuts.append(e)
    cuts.append(end)
    bounds = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    for s, e in bounds:
        if s <= mention.start < e:
            inside = [o for o in others if s <= o.start < e]
            first = text[s:e].split()[0].lower() if text[s:e].split() else ""
            if len(inside) == 1 and len(text[s:e].split()) >= 4 and first not in SUBJECTLESS \
                    and (e == end or tense_cues(text, s, e)):
                return s, e  # not a leading phrase without a verb ("In her address at the rally,")
            break
    return start, end


def event_id(date_value: str, text: str) -> str:
    """Date + text -> a short stable id."""
    norm = " ".join(re.findall(r"\w+", text.lower()))
    return "e" + hashlib.sha1(f"{date_value}|{norm}".encode()).hexdigest()[:10]


def extract_events(article: CleanArticle, sentences: Sequence[Sentence]) -> tuple[Event, ...]:
    """CleanArticle -> events with normalised dates. Needs sentences and meta.date.

    Adds one Event per date mention, citing its sentence (or, when a sentence holds
    several dates, the clause of this one); events are sorted by date then id. A date far
    before publication stays only when its sentence ties it to the story (a precedent
    word, or two of the words of the headline and first sentences) and is then marked
    ``background``.
    """
    published = parse_iso(article.meta.date)
    text = article.text
    lead = [text[s.start:s.end] for s in sentences[:3]]
    story = _story_words(" ".join([article.meta.title or "", *lead]))
    events: dict[str, Event] = {}
    for index, sent in enumerate(sentences):
        if article.paragraphs and article.paragraphs[sent.paragraph].kind == "headline":
            continue
        mentions = find_dates(text, sent.start, sent.end, published)
        for mention in mentions:
            background = is_far_before(mention, published)
            if background and index >= 3:
                sentence = text[sent.start:sent.end]
                own = _story_words(sentence) - _story_words(mention.expression)
                if not PRECEDENT_RE.search(sentence) and len(own & story) < 2:
                    continue  # old and not tied to the story
            s, e = clause_around(text, sent.start, sent.end, mention, mentions)
            whole = (s, e) == (sent.start, sent.end)
            if whole and index + 1 < len(sentences) and LEADS_ON_RE.search(text, s, e):
                e = sentences[index + 1].end  # "In a speech last July, he said:" and what he said
            while e > s and text[e - 1] in " ,;:":
                e -= 1
            if whole and index and is_dependent(text[sent.start:sent.end]):
                before = sentences[index - 1]
                if before.paragraph == sent.paragraph:
                    s = before.start  # "That figure grew on Tuesday.": the sentence it leans on comes too
            citation = make_citation(article.source_id, text, sentences, s, e)
            eid = event_id(mention.date, text[s:e] + "|" + mention.expression)
            events.setdefault(eid, Event(id=eid, date=mention.date, precision=mention.precision,
                                         text=text[s:e], citations=(citation,),
                                         expression=mention.expression, until=mention.until,
                                         background=background))
    return tuple(sorted(events.values(), key=lambda ev: (ev.date, ev.id)))
