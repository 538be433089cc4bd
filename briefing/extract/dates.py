"""CleanArticle + sentences -> dated events, each date normalised with its precision.

Absolute dates ("Nov. 7", "January 20, 2025", "September 2024", "in 2021") and relative
ones ("on Wednesday", "last month", "yesterday", "three days ago", "early 2024") are
resolved against the publication date (``meta.date``). A day and month without a year
take the year that puts them nearest the publication date, preferring the past unless
the sentence speaks of the future. Without a publication date only dates that carry
their own year are kept. Patterns are linear: no nested quantifiers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import CleanArticle, Event, Sentence
from ..sentences import make_citation

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 0}

_MONTH = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)(?![a-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
          r"(?:\.|(?![a-z])))")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d%])"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "2024-11-05"
    ("iso", re.compile(r"\b(?P<year>(?:1[0-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # "Wednesday, Nov. 6, 2024", "January 20, 2025", "Nov. 7"
    ("month_day", re.compile(rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})"
                             rf"(?:st|nd|rd|th)?\b(?!:)(?:,?\s+{_YEAR})?")),
    # "7 November 2024", "the 5th of May"
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
                             rf"(?:,?\s+{_YEAR})?")),
    # "early 2024", "in late September 2023", "September 2024"
    ("month_year", re.compile(rf"\b(?:(?P<part>(?i:early|mid|late))[\s-]+)?{_MONTH}\s+{_YEAR}")),
    # "in October", "earlier in October", "at the end of September", "this November"
    ("month", re.compile(rf"\b(?P<cue>(?i:in|since|by|until|during|this|last|next|of|early|mid|late|"
                         rf"end of|start of|beginning of))[\s-]+{_MONTH}(?![\w.]*\s+\d)")),
    # "in 2021", "early 2024", "since 2014"
    ("year", re.compile(rf"\b(?i:in|since|during|by|until|from|through|early|mid|late|of|before|"
                        rf"after)[\s-]+(?:(?i:early|mid|late)[\s-]+)?{_YEAR}\b")),
    # "on Wednesday", "last Friday", "next Monday", "Thursday"
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|on|since|until|by))\s+)?"
                           rf"(?P<wd>{_WEEKDAY})\b")),
    # "today", "yesterday", "last month", "earlier this year", "next week"
    ("relative", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|(?:last|this|next)\s+"
                            r"(?P<unit>month|year))\b", re.IGNORECASE)),
    # "three days ago", "two months ago", "a year ago"
    ("ago", re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                       r"\s+(?P<unit>day|month|year)s?\s+ago\b", re.IGNORECASE)),
)

# One cheap pass says which kinds of date words a sentence has, so only their patterns run.
HINT_RE = re.compile(
    r"(?P<month>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|(?P<year>\b(?:1[0-9]|20)\d\d\b)|"
    r"(?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)|"
    r"(?P<relative>\b(?i:today|yesterday|tomorrow|month|year|ago)\b)")
NEEDS = {"iso": "year", "month_day": "month", "day_month": "month", "month_year": "month", "month": "month",
         "year": "year", "weekday": "weekday", "relative": "relative", "ago": "relative"}
FUTURE_RE = re.compile(r"\b(?:will|shall|is set to|are set to|is scheduled|are scheduled|is due|"
                       r"are due|plans? to|is expected to|are expected to|next|upcoming)\b")
MAX_DATES_PER_SENTENCE = 8
CLAUSE_RE = re.compile(r"[,;:]\s+|\s+[—–]\s+|\s+-\s+")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: where, what it says, what it resolves to."""

    start: int
    end: int
    expression: str
    date: str
    precision: str


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


def _nearest_year(month: int, day: int, published: date, future: bool) -> int | None:
    """The year putting month/day nearest the publication date (past preferred)."""
    best: tuple[float, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        delta = (candidate - published).days
        cost = -delta if delta <= 0 else delta * (0.5 if future else 2.0)
        if future and delta < 0:
            cost *= 2.0
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _resolve(kind: str, m: re.Match[str], published: date | None, future: bool
             ) -> tuple[str, str] | None:
    """One pattern match -> (date, precision), or None when it cannot be resolved."""
    groups = m.groupdict()
    if kind == "iso":
        try:
            return date(int(groups["year"]), int(groups["m"]), int(groups["d"])).isoformat(), "day"
        except ValueError:
            return None
    if kind in ("month_day", "day_month"):
        month, day = _month_number(groups["mon"]), int(groups["day"])
        if groups.get("year"):
            year: int | None = int(groups["year"])
        elif published:
            year = _nearest_year(month, day, published, future)
        else:
            year = None
        if year is None:
            return None
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{_month_number(groups['mon']):02d}", "month"
    if kind == "month":
        if published is None:
            return None
        month = _month_number(groups["mon"])
        cue = groups["cue"].lower()
        year = _nearest_year(month, 1, published, future or cue == "next")
        if cue == "last":
            year = published.year - 1 if month >= published.month else published.year
        if year is None:
            return None
        return f"{year:04d}-{month:02d}", "month"
    if kind == "year":
        return groups["year"], "year"
    if published is None:
        return None
    if kind == "weekday":
        target = WEEKDAYS[groups["wd"].lower()]
        rel = (groups.get("rel") or "").lower()
        back = (published.weekday() - target) % 7
        if rel == "next" or (future and rel != "last"):
            ahead = (target - published.weekday()) % 7 or 7
            return (published + timedelta(days=ahead)).isoformat(), "day"
        if rel == "last" and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat(), "day"
    if kind == "relative":
        rel = groups["rel"].lower().split()
        if rel[0] in ("today", "yesterday", "tomorrow"):
            shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[rel[0]]
            return (published + timedelta(days=shift)).isoformat(), "day"
        step = {"last": -1, "this": 0, "next": 1}[rel[0]]
        if rel[-1] == "month":
            year, month = _shift_month(published, step)
            return f"{year:04d}-{month:02d}", "month"
        return f"{published.year + step:04d}", "year"
    if kind == "ago":
        raw = groups["n"].lower()
        count = int(raw) if raw.isdigit() else COUNTS.get(raw, 0)
        if count <= 0:
            return None
        unit = groups["unit"].lower()
        if unit == "day":
            return (published - timedelta(days=count)).isoformat(), "day"
        if unit == "month":
            year, month = _shift_month(published, -count)
            return f"{year:04d}-{month:02d}", "month"
        return f"{published.year - count:04d}", "year"
    return None


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """text[start:end] -> its date mentions, resolved; earlier patterns win overlaps.

    At most ``MAX_DATES_PER_SENTENCE`` are kept: a real sentence holds a few dates, and
    the cap keeps the work linear on a list of thousands.
    """
    present = {m.lastgroup for m in HINT_RE.finditer(text, start, end)}
    if not present:
        return []
    future = bool(FUTURE_RE.search(text, start, end))
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
            resolved = _resolve(kind, m, published, future)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(0), resolved[0], resolved[1]))
    return sorted(found, key=lambda d: (d.start, d.end))


def clause_around(text: str, start: int, end: int, mention: DateMention,
                  others: Sequence[DateMention]) -> tuple[int, int]:
    """The stretch of a sentence that belongs to one of several dates: its clause."""
    if len(others) <= 1:
        return start, end
    cuts = [start]
    for m in CLAUSE_RE.finditer(text, start, end):
        if not any(o.start <= m.start() < o.end for o in others):
            cuts.append(m.start())
            cuts.append(m.end())
    cuts.append(end)
    bounds = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    for s, e in bounds:
        if s <= mention.start < e:
            inside = [o for o in others if s <= o.start < e]
            if len(inside) == 1 and len(text[s:e].split()) >= 4:
                return s, e
            break
    return start, end


def event_id(date_value: str, text: str) -> str:
    """Date + text -> a short stable id."""
    norm = " ".join(re.findall(r"\w+", text.lower()))
    return "e" + hashlib.sha1(f"{date_value}|{norm}".encode()).hexdigest()[:10]


def extract_events(article: CleanArticle, sentences: Sequence[Sentence]) -> tuple[Event, ...]:
    """CleanArticle -> events with normalised dates. Needs sentences and meta.date.

    Adds one Event per date mention, citing its sentence (or, when a sentence holds
    several dates, the clause of this one); events are sorted by date then id.
    """
    published = parse_iso(article.meta.date)
    text = article.text
    events: dict[str, Event] = {}
    for sent in sentences:
        if article.paragraphs and article.paragraphs[sent.paragraph].kind == "headline":
            continue
        mentions = find_dates(text, sent.start, sent.end, published)
        for mention in mentions:
            s, e = clause_around(text, sent.start, sent.end, mention, mentions)
            while e > s and text[e - 1] in " ,;:":
                e -= 1
            citation = make_citation(article.source_id, text, sentences, s, e)
            eid = event_id(mention.date, text[s:e] + "|" + mention.expression)
            events.setdefault(eid, Event(id=eid, date=mention.date, precision=mention.precision,
                                         text=text[s:e], citations=(citation,),
                                         expression=mention.expression))
    return tuple(sorted(events.values(), key=lambda ev: (ev.date, ev.id)))
