"""Per-article claims -> facts told by one or more outlets, ranked.

Claims verified to tell the same fact (``claimgraph`` groups: blocking, then same who,
what and when, each claim checked against the group's lead) become one Fact in the lead's
words, citing every sentence, with ``outlets`` counting distinct publishers. Rank adds
corroboration, prominence (how near the lede) and centrality (how much of the wording
recurs in other articles). Every fact carried by several articles is kept; single-article
facts are kept up to ``SINGLES_PER_ARTICLE`` per article, nearest the lede first, so one
long article cannot flood the list. Headline-shaped and no-comment lines, and an article's
unmarked short first line (its headline), are no facts.

``key_facts`` and ``overview_facts`` choose what the Key facts page and the overview show:
no fact leaning on an unclear "he" (``Fact.unresolved``); on the overview, only
self-contained, corroborated statements (see ``self_contained``: linking marks each fact
``Fact.self_contained``, so rendering reads the mark and judges nothing).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..extract.claims import mask_quotes
from ..extract.spans import quoted_spans
from ..model import ArticleExtraction, Citation, Claim, Fact, Insertion, Source
from ..sentences import title_from_lede
from .claimgraph import ClaimGraph, Node, build_graph, per_node
from .index import content_words, idf_weights, similarity, stem
from .memo import ClaimMemo
from .readable import (
    FUTURE_AFTER_IS_RE,
    demonstrative_opening,
    leans_back,
    live_blog_header,
    main_clause,
    masked_gap,
    plain_report,
    quoted_pronoun,
    reports_something,
    unanswered_question,
    without_dateline,
)
from .verify import about_the_reporting

SINGLES_PER_ARTICLE = 6
#: In a large briefing, a word is the story's when at least this share of its articles use it
#: (``centrality``).
STORY_WORD_SHARE = 0.05
#: An article's first line this short, a paragraph of its own, is its headline even where
#: the page did not mark one.
HEADLINE_WORDS = 18
HIDDEN_SINGLE_STATUSES = frozenset({"denied", "unconfirmed"})  # shown under Disputed instead


def unmarked_headline(source: Source, claim: Claim) -> bool:
    """The first line of an article whose page marked no headline (so its title was made from
    this line), a short paragraph of its own ("Sanders wins Democrats Abroad global primary."):
    the headline, not a fact."""
    c = claim.citation
    if c.sentence != "s1" or not source.paragraphs or not title_from_lede(source):
        return False  # a headline the page marked, or a title of its own: this line is the lede
    first = source.paragraphs[0]
    return first.start <= c.start and c.end >= first.end - 1 and len(claim.text.split()) <= HEADLINE_WORDS


def fact_id(text: str) -> str:
    """Representative text -> a short stable id."""
    norm = " ".join(re.findall(r"\w+", text.lower()))
    return "f" + hashlib.sha1(norm.encode()).hexdigest()[:10]


@per_node
def node_fact_id(node: Node) -> str:
    """``fact_id`` of the node's claim text, once per node."""
    return fact_id(node.claim.text)


@per_node
def reporting_note(node: Node) -> bool:
    """``verify.about_the_reporting`` of the node's claim ("declined to comment"), once per node."""
    return about_the_reporting(node.claim.text)


def sorted_citations(nodes: Sequence[Node]) -> tuple[Citation, ...]:
    """The nodes' citations, one per sentence, in source then text order."""
    seen: dict[tuple[str, int, int], Citation] = {}
    for node in nodes:
        c = node.claim.citation
        seen.setdefault((c.source, c.start, c.end), c)
    return tuple(seen[k] for k in sorted(seen))


@per_node
def plain_tokens(node: Node) -> tuple[str, ...]:
    """The node's tokens but its two-word ones (``index.features``: those hold a "_"): its
    word stems, once per node, each once (a tuple: kept on every node, a quarter of a set's
    memory; at 10,000 articles sets took some 100 MB more at the peak)."""
    return tuple(t for t in node.tokens if "_" not in t)


def token_articles(graph: ClaimGraph) -> dict[str, list[str]]:
    """Word stem -> the ids of the sources whose claims use it, sorted, once each (a sorted list,
    not a set: at 10,000 articles a set per stem took some 100 MB; ``uses`` asks it)."""
    articles_of: dict[str, list[str]] = defaultdict(list)
    in_order = True  # (the graph's nodes come by source id: each list is sorted as it grows)
    for node in graph.nodes:
        sid = node.source.id
        for token in plain_tokens(node):
            users = articles_of[token]
            if not users or users[-1] < sid:
                users.append(sid)
            elif users[-1] != sid:
                in_order = False
                users.append(sid)
    if not in_order:
        for users in articles_of.values():
            users[:] = sorted(set(users))
    return articles_of


def uses(users: list[str], source_id: str) -> bool:
    """Is ``source_id`` among ``users`` (sorted, as ``token_articles`` gives them)?"""
    k = bisect_left(users, source_id)
    return k < len(users) and users[k] == source_id


def centrality(articles_of: dict[str, list[str]], nodes: Sequence[Node], articles: int = 0) -> float:
    """Share of the group's words that other articles use too, in [0, 1]: at least one other
    article, and in a large briefing at least ``STORY_WORD_SHARE`` of all its ``articles``
    (the story's words), so that a market report or a television gala in a campaign's
    coverage, whose words few other articles use, ranks below the story's news."""
    own = {n.source.id for n in nodes}
    words = plain_tokens(nodes[0]) if len(nodes) == 1 else frozenset().union(*map(plain_tokens, nodes))
    if not words:
        return 0.0
    need = max(1, int(STORY_WORD_SHARE * articles))
    sure = need + len(own)  # this many users include ``need`` others, whoever they are
    shared = 0
    for t in words:
        users = articles_of[t]
        if len(users) >= sure or (len(users) >= need and len(users) - sum(1 for o in own if uses(users, o)) >= need):
            shared += 1
    return shared / len(words)


def _insertions_key(insertions: Sequence[Insertion]) -> tuple[tuple[int, str], ...]:
    return tuple((i.at, i.text) for i in insertions)


def rank_group(articles_of: dict[str, list[str]], nodes: Sequence[Node], articles: int = 0,
               memo: ClaimMemo | None = None) -> tuple[float, int]:
    """A group -> (rank, outlets): corroboration first, then lede position and centrality,
    and bonuses for a hard-news line (``hard_news``) and a plain report of someone named
    (``readable.plain_report``). ``memo``: the lead's bonuses from an earlier run (by its text
    and insertions, all they read)."""
    memo = memo if memo is not None else ClaimMemo()
    outlets = len({n.outlet for n in nodes})
    prominence = max(n.prominence for n in nodes)
    lead = nodes[0].claim
    news = memo.value("hard_news", lead.text, lambda: hard_news(lead.text))
    report = memo.value("plain_report", (lead.text, _insertions_key(lead.insertions)),
                        lambda: plain_report(lead.text, lead.insertions))
    rank = 2.0 * (outlets - 1) + prominence + centrality(articles_of, nodes, articles) \
        + (NEWS_BONUS if news else 0.0) + (REPORT_BONUS if report else 0.0)
    return round(rank, 3), outlets


def credited_to(nodes: Sequence[Node]) -> str | None:
    """Whom a group's fact is credited to: its lead's source, else the first member's that
    names one ("the judge ruled …" and "Sullivan said the judge ruled …" tell one fact, which
    Sullivan is the source of). Members credited to two different parties never group."""
    return next((n.claim.attributed_to for n in nodes if n.claim.attributed_to), None)


def _without_headline_leads(graph: ClaimGraph) -> list[Sequence[int]]:
    """The graph's groups; a group led by an unmarked headline gives its other members back
    as facts of their own (each was verified against the headline, not against the others)."""
    out: list[Sequence[int]] = []
    for group in graph.groups:
        lead = graph.nodes[group[0]]
        if unmarked_headline(lead.source, lead.claim):
            out.extend([i] for i in group[1:]
                       if not unmarked_headline(graph.nodes[i].source, graph.nodes[i].claim))
        else:
            out.append(group)
    return out


def link_facts(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
               graph: ClaimGraph | None = None, memo: ClaimMemo | None = None) -> tuple[Fact, ...]:
    """Group the same fact across outlets; rank by corroboration and prominence.

    Needs claims (and their citations) in every extraction. Sorted by rank, then id.
    Headline-shaped lines are never facts. ``memo``: what an earlier run computed of single
    texts (``link.memo``); the facts are the same without it.
    """
    memo = memo if memo is not None else ClaimMemo()
    graph = graph or build_graph(sources, extractions, memo)
    articles_of = token_articles(graph)
    facts: dict[str, Fact] = {}
    singles: dict[str, list[tuple[float, Fact]]] = defaultdict(list)
    for group in _without_headline_leads(graph):
        nodes = [graph.nodes[i] for i in group]
        rep = nodes[0]  # the lead: every other member was verified against it
        if rep.profile.headline or reporting_note(rep):
            continue
        rank, outlets = rank_group(articles_of, nodes, len(sources), memo)
        fact = Fact(id=node_fact_id(rep), text=rep.claim.text, citations=sorted_citations(nodes),
                    status=rep.claim.status, attributed_to=credited_to(nodes),
                    outlets=outlets, rank=rank, insertions=rep.claim.insertions,
                    unresolved=rep.claim.unresolved)
        if outlets > 1 or len({n.source.id for n in nodes}) > 1:
            facts.setdefault(fact.id, fact)  # corroborated, or carried by several of one outlet's articles
        elif rep.claim.status not in HIDDEN_SINGLE_STATUSES:
            singles[rep.source.id].append((round(rep.prominence, 6), fact))
    # Which single-outlet facts an article keeps depends on that article alone (lede first),
    # so adding an unrelated article never drops a fact: ids and permalinks survive.
    for source_id in sorted(singles):
        kept = sorted(singles[source_id], key=lambda pf: (-pf[0], pf[1].id))[:SINGLES_PER_ARTICLE]
        for _prominence, fact in kept:
            facts.setdefault(fact.id, fact)
    return tuple(sorted(demote_repeats(list(facts.values()), sources, memo), key=lambda f: (-f.rank, f.id)))


# -- one story, one slot ----------------------------------------------------------------------
#: How much a fact that retells a higher-ranked fact's story loses: it ranks below every
#: other fact of as many outlets (a rank is at most 2 per extra outlet plus about 3).
REPEAT_PENALTY = 5.0
#: Two facts tell one story from this weighted overlap of their words (beyond the subject's name
#: and the date words; compared on five-letter stems, "nomination" ~ "nominee") ...
REPEAT_SIMILARITY = 0.12
#: ... sharing at least this many words, one of them specific to few facts (a place, an
#: office, not "Democratic" or "said"): used by at most this share of the facts (or by two).
REPEAT_SHARED = 2
REPEAT_SPECIFIC_SHARE = 0.02
#: ... told by articles at most this many days apart.
REPEAT_DAYS = 2
PREFIX = 5
WEEKDAY_RE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!['’]s)")
REPEAT_DATE_WORDS = frozenset(stem(w)[:PREFIX] for w in """
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight night morning afternoon
evening week month year day last next earlier later early late
""".split())


def _subject_key(fact: Fact) -> str | None:
    """The last word of the name a fact's main clause is about ("Clinton"), or of its insertion."""
    if fact.insertions:
        words = fact.insertions[0].text.replace("'s", "").replace("’s", "").split()
    else:
        clause = main_clause(fact.text)
        words = [w for w in clause.subject if w[:1].isupper()] if clause else []
    return stem(words[-1].strip(".,'’()"))[:PREFIX] if words else None


def _days(fact: Fact, published: dict[str, date]) -> list[int]:
    return sorted({published[c.source].toordinal() for c in fact.citations if c.source in published})


def contained(fact: Fact, memo: ClaimMemo) -> bool:
    """``self_contained(fact)``, remembered by all it reads: text, status, unresolved, insertions."""
    key = (fact.text, fact.status, fact.unresolved, _insertions_key(fact.insertions))
    return memo.value("self_contained", key, lambda: self_contained(fact))  # type: ignore[no-any-return]


def demote_repeats(facts: list[Fact], sources: Sequence[Source], memo: ClaimMemo | None = None) -> list[Fact]:
    """Facts -> the same facts, each self-contained one that retells the story of a fact ranked
    above it lowered by ``REPEAT_PENALTY``: the same who (the main clause's subject), what (their
    words overlap, one shared word specific) and when (articles at most ``REPEAT_DAYS`` apart,
    and the same weekday named where either names one). "Ruiz won the Porto primary Tuesday"
    and "Ruiz prevailed in Porto's primary on Tuesday" spend one slot of the overview, not two;
    the second stays on the Key facts page, lower down. ``memo``: what an earlier run computed of
    each fact alone (whether it is self-contained, its words, its subject); the same result without it.
    Each self-contained fact comes back marked so (``Fact.self_contained``): the overview shows only those."""
    memo = memo if memo is not None else ClaimMemo()
    published: dict[str, date] = {}
    for source in sources:
        try:
            published[source.id] = date.fromisoformat((source.date or "")[:10])
        except ValueError:
            continue
    ordered = sorted((f for f in facts if contained(f, memo)), key=lambda f: (-f.outlets, -f.rank, f.id))
    words = {f.id: memo.value("repeat_words", f.text, lambda f=f: frozenset(
        w[:PREFIX] for w, _p, _q in content_words(mask_quotes(f.text))) - REPEAT_DATE_WORDS) for f in ordered}
    days_of = {f.id: _days(f, published) for f in ordered}
    idf = idf_weights(list(words.values()))
    used_by: dict[str, int] = defaultdict(int)
    for tokens in words.values():
        for token in tokens:
            used_by[token] += 1
    specific = max(2.0, REPEAT_SPECIFIC_SHARE * len(ordered))
    # kept facts by subject, then by each of their specific words: a repeat shares one such word
    # with the fact it repeats, so only those are compared (a subject every story names, such
    # as a president's, is no quadratic pile of comparisons)
    kept: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    repeats: set[str] = set()
    weekdays_of: dict[str, set[str]] = {}
    for fact in ordered:
        key = memo.value("subject_key", (fact.text, _insertions_key(fact.insertions)),
                         lambda fact=fact: _subject_key(fact))
        if key is None:
            continue
        days = days_of[fact.id]
        weekdays = weekdays_of[fact.id] = set(WEEKDAY_RE.findall(fact.text))
        mine = words[fact.id] - {key}
        mine_specific = sorted(t for t in mine if used_by[t] <= specific)
        by_word = kept[key]
        # whether any candidate matches is all that counts, so the order they are tried in does not matter
        candidates = {o.id: o for t in mine_specific for o in by_word.get(t, ())}
        for other in candidates.values():
            if not any(abs(a - b) <= REPEAT_DAYS for a in days for b in days_of[other.id]):
                continue
            theirs_days = weekdays_of[other.id]
            if (weekdays or theirs_days) and weekdays != theirs_days:
                continue  # "Monday" and "Tuesday": two happenings
            theirs = words[other.id] - {key}
            shared = mine & theirs
            if len(shared) >= REPEAT_SHARED and min(used_by[t] for t in shared) <= specific \
                    and similarity(mine, theirs, idf) >= REPEAT_SIMILARITY:
                repeats.add(fact.id)
                break
        else:
            for t in mine_specific:
                by_word[t].append(fact)
    contained_ids = {f.id for f in ordered}
    return [replace(f, rank=round(f.rank - REPEAT_PENALTY, 3) if f.id in repeats else f.rank,
                    self_contained=True) if f.id in contained_ids else f for f in facts]


# -- key facts ------------------------------------------------------------------------------
#: A sentence this much inside quotation marks is someone's words: it belongs to Quotes.
MAX_QUOTED_SHARE = 0.3
#: How many facts the overview shows.
OVERVIEW_FACTS = 8
#: Openers of scene-setting, asides and the outlet's own musing, not of a statement of fact.
SCENE_OPENER_RE = re.compile(
    r"^\W*(?:here(?:'s|’s| is| are)|there(?:'s|’s| is| are| was| were)|maybe|perhaps|imagine|consider|picture|"
    r"welcome|meet|so far|now,|yes|no,|of course|still,|sure,|indeed|in other words|for example|for instance|"
    r"(?:one|the)\s+(?:\w+\s+)?thing\b|something\b|nothing\b|everything\b|"
    r"it(?:'s|’s| is| was) (?:a |an |the |not |no |hard|easy|clear|unclear|true|worth|possible|likely|unlikely))",
    re.IGNORECASE)
#: The outlet's own judgement ("X deserves kudos", "voters should"), not a fact it reports.
OPINION_RE = re.compile(r"\b(?:should|ought to|deserves?|must|arguably|clearly|obviously|undoubtedly|"
                        r"surely|frankly|in all fairness|sadly|thankfully|hopefully)\b", re.IGNORECASE)
#: A sentence that opens with a quotation mark is someone's words, closed here or not.
QUOTE_OPENER_RE = re.compile(r"^\s*(?:[“\"‘]|'')")
#: "we", "our", "I" outside quotation marks: a party's own statement or a column, not a report.
FIRST_PERSON_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y|[Mm]e)\b")
#: "the 1960s", "the '80s": a biography or a history, background to a story, not its facts.
DECADE_RE = re.compile(r"(?:\b(?:1[0-9]|20)\d0s|['’]\d0s)\b")
NAME_WORD_RE = re.compile(r"(?<=[\s(“\"'‘,])[A-Z][\w'’.-]*")


#: Openings of a feature's scene or frame rather than of a report: a subordinate clause first
#: ("When the night ended, the aides were ...", "With her rival gone, ..."), a scene ("Early
#: one evening ...", "On the opening night of ...", "Standing before a crowd ..."), "Neither".
#: A day or a week as the subject, summed up ("Tuesday was a good day for ...", "Last week
#: proved that ..."): a judgement about the day, not a happening on it (facts and timeline).
DAY_SUMMARY = (r"(?:(?:last|this)\s+week|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+night)?|today|yesterday)\s+"
               r"(?:was|is|proved|marked|brought|showed)\b")
DAY_SUMMARY_RE = re.compile(r"\W*" + DAY_SUMMARY, re.IGNORECASE)
FEATURE_OPENING_RE = re.compile(
    r"^\W*(?:when|whenever|while|as(?!\s+of\b)|with|now that|whether|although|though|even as|just as|almost|amid|"
    r"neither|first,|(?:early|late)\s+one\b|one\s+(?:day|night|morning|afternoon|evening)\b|"
    r"on\s+the\s+(?:opening|first|final|last|closing)\s+(?:day|night|morning|evening)\b|"
    r"(?:standing|sitting|walking|strolling|leaning|perched|wearing|clutching)\b|" + DAY_SUMMARY + ")",
    re.IGNORECASE)
#: "you" in the outlet's own words: an explainer's or a column's voice ("If you want to
#: understand ..."), not a report.
SECOND_PERSON_RE = re.compile(r"\byou(?:r|['’]re|['’]ll|['’]ve)?\b", re.IGNORECASE)
#: "here" in the outlet's words: the reporter's scene, which the dateline, not the fact, names.
HERE_RE = re.compile(r"\bhere\b(?!['’]s)", re.IGNORECASE)
#: A forecast or an analysis of prospects ("is poised to", "her chance of winning"), not a
#: reported fact.
FORECAST_RE = re.compile(r"\b(?:poised|likely|unlikely|on track|on course|bound)\s+to\b|\bprobably\b|"
                         r"\balmost\s+certainly\b|"
                         r"\bchances?\s+(?:of|to|that|for)\b|\bodds\b|\binfinitesimal\b|\b(?:it|this|that)\s+(?:appears|seems)\b"
                         # "X was not at the summit, but his presence hung over it": a frame
                         r"|\b(?:was|were)\s+not\s+(?:at|in|on|there)\b[^.;]{0,80},\s*but\b", re.IGNORECASE)
#: A reaction told without its content: "candidates reacted to the shooting", "Beck minced no
#: words in sharing what he thinks of …" (a teaser: what they said is not in the sentence).
TEASER_RE = re.compile(r"\b(?:reacted|reacts|react|weighed\s+in|weighs\s+in|minced\s+no\s+words|"
                       r"(?:went|goes|go)\s+on\s+(?:the\s+)?(?:offensive|offense|attack)|"
                       r"did\s+not\s+mince\s+words|didn['’]t\s+mince\s+words|sounded\s+off|"
                       r"shar(?:ed|es|ing)\s+what\s+(?:he|she|they)\s+thinks?)\b"
                       r"(?![^.;]*(?:\bsaying\b|\bsaid\b|:|“|\"|\bby\s+\w+ing\b|\bcalling\b))", re.IGNORECASE)
#: The outlet's narrative frame, not a report: a happening said to "unfold", a controversy
#: "muddled" or "dogged", a contest "reframed", a debate that "started with a bang", "one of
#: the most …" (facts and timeline).
FRAMING_RE = re.compile(r"\b(?:unfold(?:ed|s|ing)?|muddl(?:ed|es|ing)|reframe[ds]?|reframing|dogg(?:ed|ing)|"
                        r"overshadow(?:ed|s|ing)?|loom(?:ed|s|ing)|hung\s+over|with\s+a\s+bang|"
                        # a superlative that stands in for what it is ("changed one of the most
                        # interesting contests"): a teaser
                        r"one\s+of\s+the\s+most|"
                        # a contest told as a chase ("threatened to run away with the field")
                        r"(?:run|runs|running|ran)\s+away\s+(?:with|from)|"
                        # what did not happen, as a frame ("showed no sign of ...", "carried little mention")
                        r"show(?:ed|s|ing)?\s+no\s+signs?|(?:little|scant|no)\s+mention|"
                        # a host's commentary ("used his platform to discuss ...", "what she described as")
                        r"used\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:platform|show|program|programme|column|"
                        r"podcast|segment|pulpit|perch)\s+(?:[\w-]+\s+){0,3}?to\s|what\s+(?:he|she|they)\s+(?:described|called)\s+as|"
                        # an impression, not a fact ("was seen by some as a demotion")
                        r"(?:seen|viewed|regarded|perceived|read|interpreted)\s+by\s+(?:some|many|others|critics|observers)\s+as|"
                        r"widely\s+(?:seen|viewed|regarded)\s+as|"
                        # a face told, not a fact ("beamed as she noted ...")
                        r"beam(?:ed|ing)|grinn(?:ed|ing)|smil(?:ed|ing)|"
                        # the crowd's mood ("received an enthusiastic reception", "drew a standing ovation")
                        r"(?:received|receives|got|gets|drew|draws|earned|enjoyed|met\s+with|greeted\s+with)\s+"
                        r"(?:an?\s+)?(?:[\w'’-]+\s+){0,2}?(?:reception|welcome|ovation|applause|cheers)"
                        r")\b", re.IGNORECASE)
#: Family news of a public figure's private life (a pregnancy, a birthday, a wedding): not the
#: story's news (facts and timeline).
PERSONAL_RE = re.compile(r"\b(?:pregnan(?:t|cy)|expect(?:ing|ed)\s+(?:a|their|her|his)\s+(?:\w+\s+)?(?:child|baby)|"
                         r"birthday|wedding|honeymoon)\b", re.IGNORECASE)
#: A look back far beyond the story: an anniversary, "ten months ago", "a decade of".
#: An anniversary: remembrance of a happening long before, not one of the story's (facts and timeline).
COMMEMORATION = (r"\banniversar(?:y|ies)\b|\byears?\s+since\b|"
                 r"\bmark(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:days?|weeks?|months?)\s+since\b")
COMMEMORATION_RE = re.compile(COMMEMORATION, re.IGNORECASE)
LOOK_BACK_RE = re.compile(COMMEMORATION + r"|\bdecades?\b|"
                          r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+"
                          r"(?:months|years)\s+ago\b|\b(?:was|were|had)\s+once\b|\bonce\s+(?:asked|said|told|called|wrote)\b",
                          re.IGNORECASE)


#: A day of this week or last, in the outlet's words and not owned by a scheduled thing
#: ("on Tuesday", "Tuesday night", "yesterday", but not "Tuesday's debate").
RECENT_DAY_RE = re.compile(r"(?-i:(?<![A-Z][a-z]{2}\s)(?<![A-Z][a-z]{3}\s)(?<![A-Z][a-z]{4}\s))"  # not "Super Tuesday"
                           r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|"
                           r"(?:this|last)\s+week)\b(?!['’]s)", re.IGNORECASE)
#: How much a hard-news line (see ``hard_news``) adds to a fact's rank: a dated report of the
#: week comes before a lede that sets a scene or sums up, among facts of as many outlets.
NEWS_BONUS = 0.5
#: How much a plain report adds: a subject that says whom and a verb that tells a happening
#: ("Ana Ruiz signed ...", not "A panel of reporters agreed ...", "Voters turned out ...",
#: "The Chinese government likely hacked ..."): among facts of as many outlets, the
#: clearly self-contained ones come first.
REPORT_BONUS = 0.3


def hard_news(text: str) -> bool:
    """A report of the week: the outlet's words date it to a day of this week or last ("on
    Tuesday", "yesterday") and tell what happened or was said, not as a feature's frame."""
    own = mask_quotes(text)
    return bool(RECENT_DAY_RE.search(own)) and reports_something(text) and not feature_line(text) \
        and not SCENE_OPENER_RE.search(without_dateline(own))


def feature_line(text: str) -> bool:
    """A feature's scene or frame, a forecast, or a look far back (see the patterns above):
    what an editor would not lift onto the overview as a fact of the story."""
    own = mask_quotes(text)
    return bool(FEATURE_OPENING_RE.match(without_dateline(own)) or HERE_RE.search(own) or SECOND_PERSON_RE.search(own)
                or FORECAST_RE.search(own) or LOOK_BACK_RE.search(own) or TEASER_RE.search(own)
                or FRAMING_RE.search(own) or PERSONAL_RE.search(own))


#: A plan on the calendar after "has" ("has a rally planned for Thursday").
PLANNED_AFTER_HAS_RE = re.compile(r"\s+(?:a|an|two|three|several|more)\s+(?:[\w'’-]+\s+){0,3}?"
                                  r"(?:planned|scheduled|slated)\b")
#: Verbs of the calendar's routine, which tell no outcome: a debate "aired", a forum "hosted".
ROUTINE_VERBS = frozenset("aired airs broadcast broadcasts televised streamed hosted hosts moderated".split())
#: "made their cases to voters", "made her pitch": a candidate campaigning, no news.
MADE_CASE_RE = re.compile(r"\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:case|cases|pitch|pitches|rounds)\b")


def no_news(text: str) -> bool:
    """A line of the calendar rather than of the news: its main clause is still to come
    ("Ruiz will speak on Thursday", "Ruiz is set to ...", "Ruiz has a rally planned for
    Thursday"), a broadcast or a hosting with no outcome ("Port TV aired the debate"), a
    candidate "making the case" to voters, or a question put with no answer (see
    ``readable.unanswered_question``). An overview tells what happened."""
    if unanswered_question(text):
        return True
    clause = main_clause(text)
    if clause is None:
        return False
    verb = clause.verb.lower()
    rest = mask_quotes(text)[clause.verb_at + len(clause.verb):]
    if verb in ("will", "would") or verb in ROUTINE_VERBS:
        return True
    if verb in ("is", "are") and FUTURE_AFTER_IS_RE.match(rest):
        return True
    if verb in ("has", "have") and PLANNED_AFTER_HAS_RE.match(rest):
        return True
    return verb == "made" and MADE_CASE_RE.match(rest) is not None


def quoted_share(text: str) -> float:
    """The share of ``text`` inside double quotation marks (straight, curly, or '')."""
    probe = text.replace("''", '" ')
    return sum(e - s for s, e in quoted_spans(probe)) / max(1, len(text))


def names_someone(fact: Fact) -> bool:
    """Does the fact say who or what it is about: a capitalised word past its first word
    (outside quotation marks), or an editor's insertion?"""
    return bool(fact.insertions) or NAME_WORD_RE.search(mask_quotes(fact.text)) is not None


def self_contained(fact: Fact) -> bool:
    """A fact an editor can lift out alone: no pronoun or role noun left unexplained, no
    definite noun pointing back into the article ("the rules"), not mostly a quotation (nor
    opening with one), naming whom it is about, reporting something (a past or future verb,
    or "says": not a present-tense characterisation), not scene-setting (after a dateline
    too), not a feature's frame, a forecast or a look far back (``feature_line``), whole (no
    words dropped by the page), not in the first person, not background told by decades, not
    the outlet's opinion, not a line of the calendar or a question with no answer (``no_news``)."""
    if fact.unresolved or quoted_share(fact.text) > MAX_QUOTED_SHARE or not names_someone(fact):
        return False
    opening = without_dateline(fact.text)
    if SCENE_OPENER_RE.search(opening) or QUOTE_OPENER_RE.match(opening):
        return False
    if feature_line(fact.text):
        return False
    if leans_back(fact.text) or live_blog_header(fact.text) or masked_gap(fact.text) \
            or not reports_something(fact.text) or no_news(fact.text):
        return False
    own = mask_quotes(fact.text)
    if FIRST_PERSON_RE.search(own) or DECADE_RE.search(own):
        return False
    return not (fact.status == "stated" and OPINION_RE.search(own))


def key_facts(facts: Sequence[Fact]) -> list[Fact]:
    """The facts the Key facts page lists: every fact but those leaning on a pronoun or role
    noun the article leaves unclear (``Fact.unresolved``, a quotation that says "he" before
    naming anyone: ``readable.quoted_pronoun``, or an opening "This call …":
    ``readable.demonstrative_opening``); the editor's pins first, then by
    rank (corroboration, prominence, centrality), then id."""
    shown = [f for f in facts
             if f.pinned or not (f.unresolved or quoted_pronoun(f.text) or demonstrative_opening(f.text))]
    return sorted(shown, key=lambda f: (not f.pinned, -f.rank, f.id))


def overview_facts(facts: Sequence[Fact], cap: int = OVERVIEW_FACTS) -> list[Fact]:
    """The overview's key facts: the editor's pins, then the self-contained facts (as linking
    marked them: ``Fact.self_contained``, set by ``demote_repeats``) that most
    distinct outlets corroborate, by rank. Single-outlet facts fill in only when no fact is
    corroborated (a briefing of one outlet), so the overview never stays empty for that."""
    pinned = sorted((f for f in facts if f.pinned), key=lambda f: (-f.rank, f.id))
    ranked = sorted((f for f in facts if not f.pinned and f.self_contained),
                    key=lambda f: (-f.outlets, -f.rank, f.id))
    corroborated = [f for f in ranked if f.outlets > 1]
    return (pinned + (corroborated or ranked))[:cap]
