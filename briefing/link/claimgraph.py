"""Claims of all articles as one graph: nodes, same-fact groups, and reply links.

Shared by facts, disputes and discrepancies. Nodes are sorted by source id then
sentence number, so every group and id built on them is deterministic. Similar claims
are found through ``index.candidate_pairs`` (blocking on rare words), never all pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract.claims import REPORT_CUES
from ..model import ArticleExtraction, Claim, Event, Source
from .index import (
    UnionFind,
    candidate_pairs,
    content_words,
    features,
    idf_weights,
    mass,
    name_discounted,
    name_stems,
    similarity,
)
from .outlets import outlet_of

#: Two claims tell the same fact when their IDF-weighted overlap reaches this ...
FACT_THRESHOLD = 0.29
#: ... or reaches this and they share a rare quoted wording of two plain words ("brave man").
PHRASE_THRESHOLD = 0.1
PHRASE_MAX_SHARE = 3  # a wording held by more claims than this is a cliché, not evidence
#: Claims are compared only when they share this many of their rarest words.
MIN_SHARED_KEYS = 2
#: A denial/confirmation reaches back this many claims in its article for its target.
REPLY_WINDOW = 12
REPLY_STATUSES = frozenset({"denied", "confirmed", "unconfirmed"})
WEAK_HEDGES = frozenset({"claim", "claims", "claiming"})  # a noun or a bare claim: not enough alone
#: Nouns that make an attribution a report rather than a speaker's word.
REPORT_NOUNS = frozenset("report reports book newspaper study investigation document documents memo "
                         "media source sources outlet paper journal filing "
                         "lawsuit complaint indictment".split())
SMALL_WORDS = frozenset("the a an of by to in on and or his her their its this that these those".split())
#: A denial that states what it denies must share this much wording with its target.
EXPLICIT_MIN_SIMILARITY = 0.05
SELF_CONTAINED_RE = re.compile(r"\b(?:that|claims?\s+of|reports?\s+of|allegations?\s+of)\s+\w+")


@dataclass(frozen=True)
class Node:
    """One claim of one article, with what linking needs to know of it."""

    index: int
    claim: Claim
    source: Source
    outlet: str
    number: int  # the sentence number N of sN
    position: int  # 0-based rank among the article's claims (0 = the lede)
    total: int  # claims in the article
    tokens: frozenset[str]  # stems and stem bigrams (see index.features)
    phrases: frozenset[str]  # bigrams of two plain words
    quoted: frozenset[str]  # those of the phrases that stand inside quotation marks
    events: tuple[Event, ...] = ()

    @property
    def prominence(self) -> float:
        """1.0 for the lede, falling with position in the article."""
        return 1.0 / (1.0 + self.position / 2.0)


@dataclass(frozen=True)
class ClaimGraph:
    """All nodes, their word weights (name-discounted idf), same-fact edges (i, j, similarity) and fact groups."""

    nodes: tuple[Node, ...]
    idf: dict[str, float]
    edges: tuple[tuple[int, int, float], ...]
    groups: tuple[tuple[int, ...], ...]
    masses: tuple[float, ...] = ()  # each node's summed token weight
    pairs: tuple[tuple[int, int], ...] = ()  # the candidate pairs the index proposed
    _neighbours: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def neighbours(self) -> dict[int, tuple[int, ...]]:
        """Node index -> the nodes the index paired it with (built once, then kept)."""
        if not self._neighbours:
            found: dict[int, list[int]] = {}
            for i, j in self.pairs:
                found.setdefault(i, []).append(j)
                found.setdefault(j, []).append(i)
            self._neighbours.update({k: tuple(v) for k, v in found.items()})
        return self._neighbours

    def similarity(self, i: int, j: int) -> float:
        """Weighted overlap of nodes i and j."""
        return similarity(self.nodes[i].tokens, self.nodes[j].tokens, self.idf, self.masses[i], self.masses[j])

    def group_of(self) -> dict[int, int]:
        """Node index -> index of its group in ``groups``."""
        return {n: g for g, members in enumerate(self.groups) for n in members}


def sentence_number(sentence_id: str) -> int:
    """'s12' -> 12 (0 when malformed)."""
    m = re.fullmatch(r"s(\d+)", sentence_id)
    return int(m.group(1)) if m else 0


@lru_cache(maxsize=1 << 15)
def words_of(text: str) -> list[tuple[str, bool, bool]]:
    """``index.content_words``, remembered: nodes and name statistics both need them."""
    return content_words(text)


def build_nodes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> list[Node]:
    """Sources + extractions (parallel) -> claim nodes, sorted by source id then sentence."""
    rows = []
    for source, extraction in zip(sources, extractions, strict=True):
        claims = sorted(extraction.claims, key=lambda c: (sentence_number(c.citation.sentence), c.text))
        by_sentence: dict[str, list[Event]] = {}
        for event in extraction.events:
            for cite in event.citations:
                by_sentence.setdefault(cite.sentence, []).append(event)
        for position, claim in enumerate(claims):
            rows.append((source.id, sentence_number(claim.citation.sentence), position, len(claims),
                         claim, source, tuple(by_sentence.get(claim.citation.sentence, ()))))
    rows.sort(key=lambda r: (r[0], r[1], r[4].text))
    nodes = []
    for i, (_sid, number, position, total, claim, source, events) in enumerate(rows):
        tokens, phrases, quoted = features(claim.text, words_of(claim.text))
        nodes.append(Node(index=i, claim=claim, source=source, outlet=outlet_of(source), number=number,
                          position=position, total=total, tokens=tokens, phrases=phrases,
                          quoted=quoted, events=events))
    return nodes


def same_fact(a: Node, b: Node, sim: float, phrase_df: dict[str, int]) -> bool:
    """Do two claims tell the same fact? Enough overlap, or some overlap and the same rare
    wording, quoted in at least one of them (outlets quoting the same words)."""
    if sim >= FACT_THRESHOLD:
        return True
    return sim >= PHRASE_THRESHOLD and any(phrase_df.get(p, 0) <= PHRASE_MAX_SHARE
                                           for p in (a.phrases & b.phrases) & (a.quoted | b.quoted))


_LAST: list[tuple[tuple[Source, ...], tuple[ArticleExtraction, ...], ClaimGraph]] = []


def build_graph(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> ClaimGraph:
    """Sources + extractions -> ClaimGraph: claims that tell the same fact are grouped.

    facts, disputes and discrepancies all ask for the graph of the same inputs, so the
    last one built is kept and returned again for the very same objects.
    """
    for old_sources, old_extractions, graph in _LAST:
        if (len(old_sources) == len(sources) and len(old_extractions) == len(extractions)
                and all(a is b for a, b in zip(old_sources, sources, strict=True))
                and all(a is b for a, b in zip(old_extractions, extractions, strict=True))):
            return graph
    graph = _build_graph(sources, extractions)
    _LAST[:] = [(tuple(sources), tuple(extractions), graph)]
    return graph


def forget_graphs() -> None:
    """Drop the kept graph and word cache once linking is done (they hold every claim)."""
    _LAST.clear()
    words_of.cache_clear()


def _build_graph(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> ClaimGraph:
    nodes = build_nodes(sources, extractions)
    token_sets = [n.tokens for n in nodes]
    idf = name_discounted(idf_weights(token_sets), name_stems(words_of(n.claim.text) for n in nodes))
    masses = tuple(mass(tokens, idf) for tokens in token_sets)
    phrase_df: dict[str, int] = {}
    for node in nodes:
        for phrase in node.phrases:
            phrase_df[phrase] = phrase_df.get(phrase, 0) + 1
    edges = []
    union = UnionFind(len(nodes))
    pairs = tuple(candidate_pairs(token_sets, idf, min_shared=MIN_SHARED_KEYS))
    for i, j in pairs:
        sim = similarity(token_sets[i], token_sets[j], idf, masses[i], masses[j])
        if same_fact(nodes[i], nodes[j], sim, phrase_df):
            edges.append((i, j, round(sim, 4)))
            union.union(i, j)
    groups = tuple(tuple(g) for g in union.groups())
    return ClaimGraph(nodes=tuple(nodes), idf=idf, edges=tuple(edges), groups=groups, masses=masses,
                      pairs=pairs)


ANAPHOR_RE = re.compile(r"\b(?:this|that|these|those|such)\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|"
                        r"accounts?|stories|story|assertions?|suggestions?|accusations?)\b", re.IGNORECASE)


def is_allegation(node: Node) -> bool:
    """Is this claim put as someone's allegation: hedged, or attributed to a report?"""
    claim = node.claim
    if claim.status == "hedged":
        return (claim.cue or "") not in WEAK_HEDGES
    if claim.status != "attributed":
        return False
    return (claim.cue or "") in REPORT_CUES or bool(REPORT_NOUNS & words_in(claim.attributed_to))


def words_in(phrase: str | None) -> set[str]:
    """Lower-case words of a phrase, without articles and small words."""
    return {w for w in re.findall(r"[a-z]+", (phrase or "").lower()) if w not in SMALL_WORDS}


def names_its_source(reply: Node, cand: Node) -> bool:
    """Does the reply name what the candidate is attributed to ("denied the report" / "a report by")?"""
    cue = (reply.claim.cue or "").split(" ")[0]
    at = reply.claim.text.lower().find(cue) if cue else -1
    after = words_in(reply.claim.text[at + len(cue):at + len(cue) + 60]) if at >= 0 else set()
    return bool(after & words_in(cand.claim.attributed_to))


def self_contained(reply: Node) -> bool:
    """Does a denial/confirmation state what it answers ("denied reports that X did Y")?"""
    cue = reply.claim.cue or ""
    text = reply.claim.text
    at = text.lower().find(cue.split(" ")[0]) if cue else -1
    return at >= 0 and bool(SELF_CONTAINED_RE.search(text, at))


def reply_target(graph: ClaimGraph, reply: Node) -> Node | None:
    """A denial/confirmation -> the claim it answers, if any.

    Denials often do not repeat the claim ("pushed back on this claim"), so candidates
    are the claims before it in the same article, scored by word overlap, being an
    allegation, nearness, and prominence (a bare "denied the reports" answers the
    article's main story). "this claim" makes nearness decisive. A denial that states
    what it denies ("denied reports that ...") needs word overlap instead, and may
    answer an allegation in another article (through the index's candidate pairs).
    """
    near = 3.0 if ANAPHOR_RE.search(reply.claim.text) else 0.5
    explicit = self_contained(reply) and near < 1.0
    best: tuple[float, int] | None = None
    for k in range(reply.index - 1, max(reply.index - 1 - REPLY_WINDOW, -1), -1):
        cand = graph.nodes[k]
        if cand.source.id != reply.source.id:
            break
        if cand.claim.status in REPLY_STATUSES:
            continue
        sim = graph.similarity(reply.index, k)
        if explicit and sim < EXPLICIT_MIN_SIMILARITY:
            continue
        distance = max(reply.number - cand.number, 1)
        score = (2.0 * sim + (0.5 if is_allegation(cand) else 0.0)
                 + (1.0 if names_its_source(reply, cand) else 0.0)
                 + near / distance + 0.8 * cand.prominence)
        if best is None or score > best[0] + 1e-9:
            best = (score, k)
    if best is None and explicit:
        for k in graph.neighbours().get(reply.index, ()):
            cand = graph.nodes[k]
            if cand.source.id == reply.source.id or not is_allegation(cand):
                continue
            sim = graph.similarity(reply.index, k)
            if sim >= EXPLICIT_MIN_SIMILARITY and (best is None or sim > best[0] + 1e-9):
                best = (sim, k)
    return graph.nodes[best[1]] if best else None
