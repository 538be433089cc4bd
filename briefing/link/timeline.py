"""Per-article events -> one sorted timeline.

Events on the same date (and precision) that tell the same happening are merged into one
entry citing every source; candidates come from the shared word index within each date,
never all pairs. Sorted by date (YYYY < YYYY-MM < YYYY-MM-DD of the same period), then id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..extract.dates import event_id
from ..model import ArticleExtraction, Citation, Event, Source
from .index import UnionFind, candidate_pairs, features, idf_weights, mass, similarity

#: Two events on one date are one happening from this word overlap on.
SAME_EVENT_THRESHOLD = 0.2


def merge_events(events: Sequence[Event], idf: dict[str, float], tokens: dict[str, frozenset[str]]
                 ) -> list[Event]:
    """Events of one date -> merged events: similar texts joined, citations pooled."""
    sets = [tokens[e.id] for e in events]
    masses = [mass(s, idf) for s in sets]
    union = UnionFind(len(events))
    for i, j in candidate_pairs(sets, idf):
        if similarity(sets[i], sets[j], idf, masses[i], masses[j]) >= SAME_EVENT_THRESHOLD:
            union.union(i, j)
    merged = []
    for group in union.groups():
        members = [events[i] for i in group]
        rep = min(members, key=lambda e: (e.citations[0].source, e.citations[0].start, e.id))
        cites: dict[tuple[str, int, int], Citation] = {}
        for event in members:
            for c in event.citations:
                cites.setdefault((c.source, c.start, c.end), c)
        if len(members) == 1:
            merged.append(rep)
            continue
        merged.append(Event(id=event_id(rep.date, rep.text + "|merged"), date=rep.date,
                            precision=rep.precision, text=rep.text,
                            citations=tuple(cites[k] for k in sorted(cites)),
                            expression=rep.expression))
    return merged


def link_timeline(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> tuple[Event, ...]:
    """Merge events on the same date and happening; sort by date. Needs extraction events."""
    events = [e for x in extractions for e in x.events if e.citations]
    tokens = {e.id: features(e.text)[0] for e in events}
    idf = idf_weights(list(tokens.values()))
    by_date: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        by_date[(event.date, event.precision)].append(event)
    out: dict[str, Event] = {}
    for key in sorted(by_date):
        group = sorted(by_date[key], key=lambda e: (e.citations[0].source, e.citations[0].start, e.id))
        for event in merge_events(group, idf, tokens):
            out.setdefault(event.id, event)
    return tuple(sorted(out.values(), key=lambda e: (e.date, e.id)))
