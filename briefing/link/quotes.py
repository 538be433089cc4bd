"""Per-article quotes -> one entry per statement across outlets, canonical speakers. (stub: issue 3)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleExtraction, Phrase, Quote, Source, Speaker


def link_quotes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]
                ) -> tuple[tuple[Quote, ...], tuple[Phrase, ...], tuple[Speaker, ...]]:
    """Merge quotes across articles; one canonical name per speaker."""
    quotes = tuple(q for e in extractions for q in e.quotes)
    phrases = tuple(p for e in extractions for p in e.phrases)
    speakers = tuple(s for e in extractions for s in e.speakers)
    return quotes, phrases, speakers
