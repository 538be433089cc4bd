"""Sources + per-article extractions -> Briefing: what the articles say together.

Each concern is a module (quotes, facts, disputes, timeline). They compare articles
through keys and inverted indexes, never all pairs, so linking stays near-linear.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import ArticleExtraction, Briefing, BriefingMeta, Source
from .disputes import link_discrepancies, link_disputes
from .facts import link_facts
from .quotes import link_quotes
from .timeline import link_timeline

NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


def outlet_of(source: Source) -> str:
    """The outlet a source counts for: its publisher, else its web host, else itself."""
    if source.publisher:
        return source.publisher
    if source.url:
        return source.url.split("/")[2].removeprefix("www.")
    return f"source {source.id}"


def describe_briefing(sources: Sequence[Source]) -> BriefingMeta:
    """Title, topic, period and counts, taken from the sources themselves."""
    names: Counter[str] = Counter()
    for source in sources:
        names.update(set(NAME_RE.findall(source.text)))
    top = [name for name, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    topic = ", ".join(top) if top else "news briefing"
    dates = sorted(s.date for s in sources if s.date)
    return BriefingMeta(
        title=f"Briefing: {topic}",
        topic=topic,
        period_start=dates[0] if dates else None,
        period_end=dates[-1] if dates else None,
        articles=len(sources),
        outlets=len({outlet_of(s) for s in sources}),
    )


def link_briefing(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> Briefing:
    """Sources and their extractions (same order) -> the whole Briefing."""
    quotes, phrases, speakers = link_quotes(sources, extractions)
    return Briefing(
        meta=describe_briefing(sources),
        sources=tuple(sources),
        speakers=speakers,
        quotes=quotes,
        phrases=phrases,
        facts=link_facts(sources, extractions),
        disputed=link_disputes(sources, extractions),
        discrepancies=link_discrepancies(sources, extractions),
        timeline=link_timeline(sources, extractions),
    )
