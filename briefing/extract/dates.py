"""CleanArticle + sentences -> dated events. (stub: issue 4)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import CleanArticle, Event, Sentence


def extract_events(article: CleanArticle, sentences: Sequence[Sentence]) -> tuple[Event, ...]:
    """CleanArticle -> events with normalised dates. Needs sentences and meta.date."""
    return ()
