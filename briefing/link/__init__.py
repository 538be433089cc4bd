"""Sources + per-article extractions -> Briefing: what the articles say together.

Each concern is a module (quotes, facts, disputes, timeline). They compare articles
through keys and inverted indexes, never all pairs, so linking stays near-linear.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import ArticleExtraction, Briefing, BriefingMeta, Source
from .claimgraph import build_graph
from .disputes import link_discrepancies, link_disputes
from .facts import link_facts
from .outlets import count_outlets
from .quotes import link_quotes
from .timeline import link_timeline

NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
# Capitalised runs that start like a sentence or a place are not names.
NOT_NAME_START = frozenset("The A An In On At As But And Of For To By From With After Before When While".split())


def describe_briefing(sources: Sequence[Source]) -> BriefingMeta:
    """Title, topic, period and counts, taken from the sources themselves."""
    names: Counter[str] = Counter()
    for source in sources:
        runs = (run.split() for run in NAME_RE.findall(source.text))
        # "Foreign Minister Ana Ruiz" -> "Ana Ruiz": a name is the run's last two words.
        names.update({" ".join(words[-2:]) for words in runs if words[0] not in NOT_NAME_START})
    top = [name for name, count in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:3] if count > 1]
    topic = (", ".join(top[:-1]) + " and " + top[-1]) if len(top) > 1 else (top[0] if top else "the news")
    dates = sorted(s.date for s in sources if s.date)
    outlets, unknown = count_outlets(sources)
    return BriefingMeta(
        title=f"Briefing: {topic}",
        topic=topic,
        period_start=dates[0] if dates else None,
        period_end=dates[-1] if dates else None,
        articles=len(sources),
        outlets=outlets,  # named outlets: articles of unknown origin are not one each
        unknown_origin=unknown,
    )


def link_briefing(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> Briefing:
    """Sources and their extractions (same order) -> the whole Briefing."""
    quotes, phrases, speakers = link_quotes(sources, extractions)
    graph = build_graph(sources, extractions)  # facts, disputes and discrepancies share it
    return Briefing(
        meta=describe_briefing(sources),
        sources=tuple(sources),
        speakers=speakers,
        quotes=quotes,
        phrases=phrases,
        facts=link_facts(sources, extractions, graph),
        disputed=link_disputes(sources, extractions, graph),
        discrepancies=link_discrepancies(sources, extractions, graph),
        timeline=link_timeline(sources, extractions),
    )
