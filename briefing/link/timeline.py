"""Per-article events -> one sorted timeline. (stub: issue 4)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleExtraction, Event, Source


def link_timeline(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> tuple[Event, ...]:
    """Merge events on the same date and happening; sort by date."""
    return tuple(sorted((e for x in extractions for e in x.events), key=lambda e: (e.date, e.id)))
