"""link/timeline: mentions of one dated happening across articles -> one entry citing them all."""

from __future__ import annotations

import hashlib

from briefing.link.timeline import link_timeline
from briefing.model import ArticleExtraction, Citation, Event, Source


def event(source: str, text: str, day: str = "2023-03-07", precision: str = "day", *,
          until: str | None = None, background: bool = False) -> Event:
    cite = Citation(source=source, sentence="s1", start=0, end=len(text), text=text)
    eid = "e-" + hashlib.sha1(f"{source}|{text}|{day}".encode()).hexdigest()[:10]
    return Event(id=eid, date=day, precision=precision, text=text, citations=(cite,),
                 expression="on Tuesday", until=until, background=background)


def link(*events: Event) -> tuple[Event, ...]:
    sources = sorted({e.citations[0].source for e in events})
    extractions = [ArticleExtraction(source_id=s, events=tuple(e for e in events if e.citations[0].source == s))
                   for s in sources]
    return link_timeline([Source(id=s, file=f"{s}.txt", text="", sentences=()) for s in sources], extractions)


def cited(entry: Event) -> set[str]:
    return {c.source for c in entry.citations}


def test_mentions_that_agree_on_date_and_happening_merge_into_one_entry():
    timeline = link(event("a", "The harbour ferry workers walked out over pay on Tuesday."),
                    event("b", "Ferry workers at the harbour walked out on Tuesday, demanding better pay."),
                    event("c", "On Tuesday the harbour ferry workers walked out in a dispute over pay."))
    assert len(timeline) == 1
    assert cited(timeline[0]) == {"a", "b", "c"}


def test_the_same_date_alone_does_not_merge():
    timeline = link(event("a", "The harbour ferry workers walked out over pay on Tuesday."),
                    event("b", "The city council approved a new budget for schools on Tuesday."))
    assert len(timeline) == 2


def test_one_shared_name_beyond_the_date_does_not_merge():
    timeline = link(event("a", "Mayor Okafor opened the new library on Tuesday."),
                    event("b", "Mayor Okafor was criticised by councillors over parking fines on Tuesday."))
    assert len(timeline) == 2


def test_shared_names_without_a_shared_happening_do_not_merge():
    timeline = link(event("a", "Okafor and Lindqvist debated housing on Tuesday."),
                    event("b", "Okafor beat Lindqvist in the runoff on Tuesday."))
    assert len(timeline) == 2


def test_different_dates_never_merge():
    timeline = link(event("a", "The harbour ferry workers walked out over pay.", "2023-03-07"),
                    event("b", "The harbour ferry workers walked out over pay.", "2023-03-08"))
    assert len(timeline) == 2


def test_each_member_is_checked_against_the_lead_not_through_a_chain():
    # b looks like a, c looks like b, but c shares almost nothing with a: no chain a-b-c
    a = event("a", "Harbour ferry workers walked out over pay on Tuesday.")
    b = event("b", "Harbour ferry workers walked out over pay, and the port authority closed the crossing on Tuesday.")
    c = event("c", "The port authority closed the crossing and diverted lorries to the bridge on Tuesday.")
    timeline = link(a, b, c)
    groups = sorted(sorted(cited(e)) for e in timeline)
    assert groups == [["a", "b"], ["c"]]


def test_merging_is_independent_of_input_order_and_keeps_range_and_background():
    texts = [("a", "The festival of lights drew record crowds along the harbour."),
             ("b", "Record crowds came to the harbour for the festival of lights.")]
    forward = link(*(event(s, t, "2021-03-03", until="2021-03-05", background=True) for s, t in texts))
    backward = link(*(event(s, t, "2021-03-03", until="2021-03-05", background=True) for s, t in reversed(texts)))
    assert forward == backward
    assert len(forward) == 1 and forward[0].until == "2021-03-05" and forward[0].background


def test_a_mention_not_in_the_background_keeps_the_entry_on_the_timeline():
    texts = [("a", "The festival of lights drew record crowds along the harbour."),
             ("b", "Record crowds came to the harbour for the festival of lights.")]
    timeline = link(event("a", texts[0][1], "2022-06", "month", background=True),
                    event("b", texts[1][1], "2022-06", "month", background=False))
    assert len(timeline) == 1 and not timeline[0].background
