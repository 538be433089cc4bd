"""The typed data that flows through the pipeline, stage by stage.

ingest -> RawArticle; clean -> CleanArticle; sentences -> Sentence;
extract -> ArticleExtraction; link -> Briefing; dump <-> YAML; render -> pages.

Every dataclass is frozen. Offsets are half-open ``start``/``end`` into one
article's cleaned text (``CleanArticle.text`` / ``Source.text``), so for any
citation ``c``: ``source.text[c.start:c.end]`` is the cited text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Bump when extraction output changes shape or meaning: it keys the cache.
EXTRACTOR_VERSION = "1"

QUOTE_WHERE = ("body", "headline", "caption")
CLAIM_STATUSES = ("stated", "attributed", "hedged", "denied", "confirmed", "unconfirmed")
SIDE_STANCES = ("alleged", "reported", "denied", "confirmed", "unconfirmed", "no_comment")
PRECISIONS = ("day", "month", "year")


class BriefingError(Exception):
    """A user-facing error: the message names the file (and line) and the reason."""


@dataclass(frozen=True)
class SourceMeta:
    """What is known of an article from outside its body text. Every field optional."""

    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None  # http(s) only; validated by ingest


@dataclass(frozen=True)
class RawArticle:
    """ingest output: one decoded article file, before any cleaning."""

    source_id: str
    file: str  # path relative to the seeds folder, POSIX separators
    text: str  # decoded text; for HTML the extracted main text
    meta: SourceMeta  # inferred from the file, then sources.yaml applied on top
    digest: str  # sha256 of the file's bytes: keys the extraction cache


@dataclass(frozen=True)
class Removed:
    """A stretch of raw text that cleaning dropped, and why."""

    start: int  # offsets into RawArticle.text
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A kept block of cleaned text. kind: headline | body."""

    start: int
    end: int
    kind: str = "body"


@dataclass(frozen=True)
class CleanArticle:
    """clean output: the article's own text, boilerplate cut, with a map back to raw."""

    source_id: str
    file: str
    text: str  # kept paragraphs joined by "\n\n"; never rewritten inside a paragraph
    paragraphs: tuple[Paragraph, ...]
    # (clean_start, raw_start, length) runs: clean[cs:cs+n] == raw[rs:rs+n]
    offset_map: tuple[tuple[int, int, int], ...]
    removed: tuple[Removed, ...]
    meta: SourceMeta
    digest: str = ""

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in ``text`` back to ``RawArticle.text``."""
        for cs, rs, n in self.offset_map:
            if cs <= clean_offset <= cs + n:
                return rs + clean_offset - cs
        raise ValueError(f"offset {clean_offset} outside the kept text of {self.file}")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned article. id is ``s<N>``, N counting from 1 in text order."""

    id: str
    start: int
    end: int
    paragraph: int  # index into CleanArticle.paragraphs


@dataclass(frozen=True)
class Citation:
    """Where an item stands in a source: the cited span and its sentence."""

    source: str  # Source.id
    sentence: str  # Sentence.id (the first one, when the span crosses sentences)
    start: int  # offsets of the cited span in the source's cleaned text
    end: int
    text: str  # the whole sentence(s) the span stands in, for review and tooltips


@dataclass(frozen=True)
class Quote:
    """A direct quotation. text is verbatim, without the quotation marks."""

    id: str
    text: str
    speaker: str | None  # canonical name; None when the text does not say
    citations: tuple[Citation, ...]
    mention: str | None = None  # how the text names the speaker ("he", "the Kremlin")
    where: str = "body"  # body | headline | caption
    statement: str | None = None  # shared by the parts of one interrupted quotation
    variants: tuple[str, ...] = ()  # ids of other renderings of the same statement
    date: str | None = None  # publication date of the earliest citing source
    title: str | None = None  # editor's headline (overrides.yaml)
    note: str | None = None  # editor's note (overrides.yaml)
    pinned: bool = False  # shown first (overrides.yaml)


@dataclass(frozen=True)
class Phrase:
    """A short quoted phrase, title or scare quote: quoted, but not a full statement."""

    id: str
    text: str
    speaker: str | None
    citations: tuple[Citation, ...]
    kind: str = "phrase"  # phrase | title | label


@dataclass(frozen=True)
class Insertion:
    """An editor's insertion into an item's verbatim text: whom a pronoun or role noun means.

    Shown as "He [Donald Trump] said ...", styled apart from the source's words; the item's
    ``text`` and citations are never changed. ``at`` is an offset into the item's ``text``:
    the insertion stands there, just after the words it explains ("He", "The senator").
    """

    at: int
    text: str  # the referent as the article names it ("Donald Trump", "Donald Trump's")


@dataclass(frozen=True)
class Claim:
    """extract output: one fact-bearing sentence of one article, with its status."""

    text: str  # the sentence, verbatim
    status: str  # one of CLAIM_STATUSES
    citation: Citation
    attributed_to: str | None = None  # who the text says makes the claim
    cue: str | None = None  # the word that set the status ("allegedly", "denied")
    insertions: tuple[Insertion, ...] = ()  # whom its pronouns / role nouns mean (extract.standalone)
    unresolved: str | None = None  # a pronoun or role noun it leans on, referent unclear: never promoted


@dataclass(frozen=True)
class Event:
    """A dated happening. date is YYYY-MM-DD, YYYY-MM or YYYY as precision says."""

    id: str
    date: str
    precision: str  # day | month | year
    text: str
    citations: tuple[Citation, ...]
    expression: str = ""  # the words that gave the date ("on Wednesday")
    until: str | None = None  # a range's last date, same precision ("March 3-5", "last week")
    background: bool = False  # far before the story's period, told as a precedent: not on its timeline
    insertions: tuple[Insertion, ...] = ()  # whom its pronouns / role nouns mean (extract.standalone)
    unresolved: str | None = None  # a pronoun or role noun it leans on, referent unclear: not shown
    title: str | None = None  # editor's headline (overrides.yaml)
    note: str | None = None  # editor's note (overrides.yaml)
    pinned: bool = False  # shown first (overrides.yaml)


@dataclass(frozen=True)
class Speaker:
    """One person or organisation, under one canonical name."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleExtraction:
    """extract output for one article: all it says on its own, before linking."""

    source_id: str
    quotes: tuple[Quote, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    speakers: tuple[Speaker, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A fact as the briefing shows it: one statement, every source that carries it."""

    id: str
    text: str
    citations: tuple[Citation, ...]
    status: str = "stated"
    attributed_to: str | None = None
    outlets: int = 1  # how many distinct publishers carry it
    rank: float = 0.0
    insertions: tuple[Insertion, ...] = ()  # whom its pronouns / role nouns mean (extract.standalone)
    unresolved: str | None = None  # a pronoun or role noun it leans on, referent unclear: never promoted
    #: Can it be lifted out alone (link.facts.self_contained)? Linking decides; the overview shows only these.
    self_contained: bool = False
    title: str | None = None  # editor's headline (overrides.yaml)
    note: str | None = None  # editor's note (overrides.yaml)
    pinned: bool = False  # shown first (overrides.yaml)


@dataclass(frozen=True)
class Side:
    """One side of a disputed claim: who holds it and where they say so."""

    stance: str  # one of SIDE_STANCES
    text: str
    citations: tuple[Citation, ...]
    by: str | None = None
    insertions: tuple[Insertion, ...] = ()  # whom its pronouns / role nouns mean (extract.standalone)


@dataclass(frozen=True)
class Dispute:
    """A contested or unconfirmed claim with its sides."""

    id: str
    text: str
    sides: tuple[Side, ...]
    citations: tuple[Citation, ...]
    rank: float = 0.0
    insertions: tuple[Insertion, ...] = ()  # whom its pronouns / role nouns mean (extract.standalone)
    title: str | None = None  # editor's headline (overrides.yaml)
    note: str | None = None  # editor's note (overrides.yaml)
    pinned: bool = False  # shown first (overrides.yaml)


@dataclass(frozen=True)
class Version:
    """One outlet's rendering of a fact that outlets tell differently."""

    value: str  # the differing part: "at least seven", "2021", "Wednesday"
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Discrepancy:
    """The same fact told with different numbers, dates or qualifiers."""

    id: str
    text: str
    kind: str  # number | date | qualifier | weekday
    versions: tuple[Version, ...]
    title: str | None = None  # editor's headline (overrides.yaml)
    note: str | None = None  # editor's note (overrides.yaml)
    pinned: bool = False  # shown first (overrides.yaml)


@dataclass(frozen=True)
class Source:
    """An article as the briefing shows it: metadata, cleaned text, sentences."""

    id: str
    file: str
    text: str
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Paragraph, ...] = ()
    removed: tuple[Removed, ...] = ()
    title: str | None = None
    author: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class BriefingMeta:
    """What the briefing is about and what it was made from."""

    title: str
    topic: str
    lede: str = ""
    period_start: str | None = None
    period_end: str | None = None
    articles: int = 0
    outlets: int = 0  # distinct named outlets (publisher, else the URL's host)
    unknown_origin: int = 0  # articles with neither publisher nor URL: not counted as outlets
    extractor_version: str = EXTRACTOR_VERSION


@dataclass(frozen=True)
class Briefing:
    """The whole briefing: everything render needs, nothing it must compute."""

    meta: BriefingMeta
    sources: tuple[Source, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    facts: tuple[Fact, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    timeline: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
