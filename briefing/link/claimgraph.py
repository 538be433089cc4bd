"""Claims of all articles as one graph: nodes, same-fact groups, and reply links.

Shared by facts, disputes and discrepancies. Nodes are sorted by source id then
sentence number, so every group and id built on them is deterministic. Similar claims
are found through ``index.candidate_pairs`` (blocking on rare words), never all pairs;
each proposed pair is then verified (``verify.same_fact``: same who, what, when) and a
group is a lead with the claims verified against it, never a chain.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from ..extract.claims import REPORT_CUES
from ..model import ArticleExtraction, Claim, Event, Source
from .index import (
    UnionFind,
    candidate_pairs,
    content_tokens,
    content_words,
    document_frequency,
    idf_weights,
    mass,
    name_discounted,
    predicate_word,
    shared_words,
    similarity,
    stem,
)
from .memo import ClaimMemo, profile_key
from .outlets import outlet_of
from .verify import (
    GENERIC,
    NOT_PARTICIPANTS,
    Profile,
    common_participants,
    main_part,
    results,
    same_fact,
    same_result,
    same_when,
)

#: Two claims tell the same fact when their IDF-weighted overlap reaches this ...
FACT_THRESHOLD = 0.2
#: Below this overlap, with no quoted wording in common, each claim must name whom the other
#: is first about (a shared topic phrase is no shared fact).
LEADS_BELOW = 0.3
#: ... or reaches this and they share a rare quoted wording of two plain words ("brave man").
PHRASE_THRESHOLD = 0.1
PHRASE_MAX_SHARE = 3
#: An insertion this near a claim's start explains its opening words ("He", "The senator"):
#: whom the claim is first about.
OPENING_INSERTION = 16
#: Two claims sharing this many quoted two-word wordings carry the same long quotation.
SAME_QUOTATION_PHRASES = 6
#: Articles further apart than this are of different news cycles: their claims link only when
#: told in nearly the same words (``NEAR_VERBATIM``) or dated and told in full (``across_cycles``).
FACT_WINDOW_DAYS = 7
NEAR_VERBATIM = 0.5
DATED_SHARED_PLAIN = 6
#: Two sentences of one outlet this similar are copies of one another (a republished story).
COPY_THRESHOLD = 0.8  # a wording held by more claims than this is a cliché, not evidence
#: Claims are compared only when they share this many of their rarest words.
MIN_SHARED_KEYS = 2
#: A denial/confirmation reaches back this many claims in its article for its target.
REPLY_WINDOW = 12
REPLY_STATUSES = frozenset({"denied", "confirmed", "unconfirmed"})
AUTHOR_CUES = frozenset({"wrote", "writes", "detailed", "revealed"})
WEAK_HEDGES = frozenset({"claim", "claims", "claiming"})  # a noun or a bare claim: not enough alone
#: Nouns that make an attribution a report rather than a speaker's word.
REPORT_NOUNS = frozenset("report reports book newspaper study investigation document documents memo "
                         "media source sources outlet paper journal filing "
                         "lawsuit complaint indictment".split())
SURVEY_NOUNS = frozenset("poll polls survey surveys interviews census tally count".split())
SMALL_WORDS = frozenset("the a an of by to in on and or his her their its this that these those".split())
#: A denial that states what it denies must share this much wording with its target.
EXPLICIT_MIN_SIMILARITY = 0.05
#: A denial/confirmation that does not point back must share this much wording with its target,
REPLY_MIN_SIMILARITY = 0.1
PLAIN_REPLY_SHARED = 2  # plain words a reply shares with a report that is no allegation
#: ... one in another article this much, and "this claim" reaches back this many sentences.
CROSS_REPLY_SIMILARITY = 0.15
ANAPHOR_REACH = 5
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
    profile: Profile  # who, what, when: what verification reads (see verify)
    events: tuple[Event, ...] = ()
    speaker: frozenset[str] = frozenset()  # the names of whom the claim is credited to (its attributed_to)
    #: what ``per_node`` functions found of this node (not part of what the node is)
    known: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

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


R = TypeVar("R")


def per_node(func: Callable[[Node], R]) -> Callable[[Node], R]:
    """``func(node)``, computed once per node and then kept on it (``Node.known``): for the
    functions linking asks of the same node again and again, which read nothing but the node
    (and never its ``index``). A later graph built in the same process hands what was found of
    a node on to the node that is the same in everything but its index (``build_nodes``)."""
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def once(node: Node) -> R:
        known = node.known
        if name in known:
            return known[name]  # type: ignore[no-any-return]
        value = known[name] = func(node)
        return value

    return once


def at_index(node: Node, index: int) -> Node:
    """``dataclasses.replace(node, index=index)``, without calling the constructor again (a node
    handed on from the previous run takes its new place this way: every node after an
    article that came, went or changed its number of claims)."""
    moved = copy.copy(node)
    object.__setattr__(moved, "index", index)
    return moved


def sentence_number(sentence_id: str) -> int:
    """'s12' -> 12 (0 when malformed): ``re.fullmatch(r"s(\\d+)", sentence_id)``'s number (``\\d``
    is a character of Unicode's Nd category, as ``str.isdecimal`` asks), without the regex."""
    digits = sentence_id[1:]
    return int(digits) if sentence_id[:1] == "s" and digits.isdecimal() else 0


def build_nodes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
                memo: ClaimMemo | None = None) -> list[Node]:
    """Sources + extractions (parallel) -> claim nodes, sorted by source id then sentence.

    ``memo``: each claim's words, features and profile from an earlier run, where still valid, and
    what ``per_node`` functions found of a node the same in all but its index in the memo's
    previous run in this process (``ClaimMemo.node_answers``); that run's very node of a claim built
    of the same, when none of the stems it reads changed from name to word or back
    (``ClaimMemo.node_before``)."""
    memo = memo if memo is not None else ClaimMemo()
    rows = []
    for source, extraction in zip(sources, extractions, strict=True):
        article = memo.article_key(source, extraction)
        # (each claim's number worked out once: the order is that of sorting by (number, text))
        claims = sorted(((sentence_number(c.citation.sentence), c) for c in extraction.claims),
                        key=lambda nc: (nc[0], nc[1].text))
        by_sentence: dict[str, list[Event]] = {}
        for event in extraction.events:
            for cite in event.citations:
                by_sentence.setdefault(cite.sentence, []).append(event)
        for position, (number, claim) in enumerate(claims):
            rows.append((source.id, number, position, len(claims),
                         claim, source, tuple(by_sentence.get(claim.citation.sentence, ())), article))
    rows.sort(key=lambda r: (r[0], r[1], r[4].text))
    words = [memo.words(r[4].text) for r in rows]
    names = memo.name_stems([r[4].text for r in rows], words)
    participants = names - NOT_PARTICIPANTS  # (once: a speaker's names are among these)
    memo.same_names(names)
    nodes = []
    for i, (_sid, number, position, total, claim, source, events, article) in enumerate(rows):
        inputs = (source, number, position, total, events)  # with the claim and names: all a node reads
        kept = memo.node_before(claim, inputs)
        if kept is not None:
            nodes.append(kept if kept.index == i else at_index(kept, i))
            continue
        tokens, phrases, quoted = memo.features(claim.text, words[i])
        days = shared_words(frozenset(e.date for e in events if e.precision == "day"))
        dated = any(re.search(r"\d", e.expression) for e in events)
        capitals = frozenset(w[0] for w in words[i] if not w[1])  # (asked once: the key, made_of and reads)
        key = profile_key(claim.text, words[i], names, days, dated, capitals)
        profile = memo.profile(claim.text, words[i], names, days, dated=dated, key=key)
        # whom "He" or "The Republican candidate" means (the claim's insertions) takes part too
        inserted_tokens = [content_tokens(ins.text) for ins in claim.insertions]
        inserted = (frozenset(t for ts in inserted_tokens for t in ts) & participants) - profile.names
        if inserted:
            opening = frozenset(t for ins, ts in zip(claim.insertions, inserted_tokens, strict=True)
                                if ins.at <= OPENING_INSERTION for t in ts) & inserted
            # "He [Bernie Sanders] revealed he would vote for Clinton" is first about Sanders
            profile = replace(profile, names=profile.names | inserted, lead=opening or profile.lead,
                              won=shared_words(results(claim.text, profile.names, opening)) if opening else profile.won)
        attributed = content_tokens(claim.attributed_to or "")
        speaker = shared_words(frozenset(attributed) & participants)
        outlet = outlet_of(source)
        made_of = (source, number, position, total, outlet, events, tuple(sorted(speaker)), tuple(sorted(days)),
                   dated, tuple(sorted(key[1])), tuple(sorted(inserted)))
        # the article and the claim's place in it stand for the source, the events and the claim
        known = memo.node_answers(claim, made_of, memo.node_key(article, (*made_of[1:5], *made_of[6:])))
        node = Node(index=i, claim=claim, source=source, outlet=outlet, number=number,
                    position=position, total=total, tokens=tokens, phrases=phrases,
                    quoted=quoted, events=events, speaker=speaker, profile=profile, known=known)
        # whether these stems are names is all the node reads of the corpus's names
        reads = tuple(capitals.union(*inserted_tokens, attributed))
        memo.node_built(claim, inputs, node, (claim.text, claim.text, key), reads)
        nodes.append(node)
    return nodes


def same_quoted_wording(a: Node, b: Node, phrase_df: dict[str, int]) -> bool:
    """Do the two quote the same rare wording of two plain words (outlets quoting the same
    words: a 'brave man')?"""
    return any(phrase_df.get(p, 0) <= PHRASE_MAX_SHARE for p in a.quoted & b.quoted)


@per_node
def outside_quotes(node: Node) -> frozenset[str]:
    """The stems of the claim's words outside quotation marks: its own telling."""
    return frozenset(predicate_word(w[0]) for w in content_words(node.claim.text) if not w[2])


def named_outside_quotes(node: Node) -> frozenset[str]:
    """The participants a claim names outside quotation marks: who says what it quotes, or of
    whom ("Kline said Ruiz is a 'spoiled child'"); a headline's "blasts 'ignorant view of Islam'"
    names no one outside its quotation."""
    return outside_quotes(node) & (node.profile.names - NOT_PARTICIPANTS)


@per_node
def main_plain(node: Node) -> frozenset[str]:
    """The plain words of the claim's main clause (``verify.main_part``)."""
    return frozenset(predicate_word(w[0]) for w in content_words(main_part(node.claim.text)) if w[1])


def told_as_its_own(a: Node, b: Node) -> bool:
    """Do the words the two share tell each one's own fact? They must touch each one's main
    clause (a sentence that tells the other's fact only on the side, in a trailing "…, who …"
    or "after …" clause or an opening "Following …," phrase, is about something else), and a
    plain statement (no one's saying) must share more than the words inside its quotation
    marks ("The rally denounced Ruiz's call for “a freeze on Harbour Authority hiring”" tells
    what was done about Ruiz's words, not that he said them)."""
    if same_result(a.profile, b.profile):
        return True  # what was won is named in both core clauses
    shared = (a.profile.plain & b.profile.plain) - GENERIC
    return all(main_plain(n) & shared and not (n.claim.status == "stated" and not outside_quotes(n) & shared)
               for n in (a, b))


def linked(a: Node, b: Node, sim: float, phrase_df: dict[str, int], wording: bool | None = None) -> bool:
    """One fact: enough overlap (high overall, or some and the same quoted wording), then
    verified: same who, what, when (``verify.same_fact``). (``build_graph`` keeps the verdict
    by the two nodes, which of ``SIMILARITY_STEPS`` ``sim`` reaches and whether the quoted
    wordings they share are rare: a rule that reads anything else must join that key.)"""
    if wording is None:  # (``wording``: this, when the caller worked it out already)
        wording = sim >= PHRASE_THRESHOLD and same_quoted_wording(a, b, phrase_df)
    if different_speakers(a, b):
        return False
    if len(a.quoted & b.quoted) >= SAME_QUOTATION_PHRASES and same_when(a.profile, b.profile) \
            and (days_apart(a.source, b.source) or 0) <= FACT_WINDOW_DAYS:
        # the same long quotation ("I am trying to save lives and prevent the next terrorist
        # attack"), whoever the sentence names as saying it ("the Republican candidate"): one
        # statement, where both tell it as said; "the rally denounced Ruiz's call for “…”" tells
        # what others did about it
        return a.claim.status != "stated" and b.claim.status != "stated"
    if not ((sim >= FACT_THRESHOLD or wording or (sim >= PHRASE_THRESHOLD and same_result(a.profile, b.profile)))
            and same_fact(a.profile, b.profile, wording, copies=sim >= COPY_THRESHOLD,
                          both_leads=sim < LEADS_BELOW and not wording,
                          quoted_of=wording and bool(named_outside_quotes(a) & named_outside_quotes(b)))):
        return False
    if sim < COPY_THRESHOLD and not told_as_its_own(a, b):
        return False
    # When: outside one news cycle, two articles tell one fact only in nearly the same words
    # (a republished story, a statement quoted again) or when one dates what it tells in
    # absolute terms ("in 2020": a past event told again; "on Tuesday" dates only its cycle).
    apart = days_apart(a.source, b.source)
    if apart is None or apart <= FACT_WINDOW_DAYS:
        return True
    return across_cycles(a.profile, b.profile, sim)


#: Every threshold ``linked`` compares two nodes' similarity with: its verdict depends on the
#: similarity only through how many of these it reaches (so a verdict is kept by that, ``build_graph``).
SIMILARITY_STEPS = tuple(sorted({PHRASE_THRESHOLD, FACT_THRESHOLD, LEADS_BELOW, NEAR_VERBATIM, COPY_THRESHOLD}))


def across_cycles(a: Profile, b: Profile, sim: float) -> bool:
    """Two articles of different news cycles tell one fact only when the two name a
    participant or give a figure in common (a line with neither, told again months later,
    is a commonplace: "the old rules of politics still apply"), and either tell it in nearly
    the same words (a republished story, a statement quoted again) or date it in absolute
    terms and tell it in full: with the same figure ("spoke seven times after leaving office
    in 2021") or ``DATED_SHARED_PLAIN`` plain words in common ("sent test kits in 2020", a
    past event told again); a shared year, or a shared name and a few topic words, is no
    such telling."""
    if not (common_participants(a, b) or a.numbers & b.numbers):
        return False
    in_full = a.numbers & b.numbers or len((a.plain & b.plain) - GENERIC) >= DATED_SHARED_PLAIN
    return sim >= NEAR_VERBATIM or ((a.dated or b.dated) and bool(in_full))


def different_speakers(a: Node, b: Node) -> bool:
    """Are the two claims credited to two named parties with no name in common ("Pence
    said …" / "Priebus said …")? Then they are two statements, however alike."""
    names_a, names_b = a.speaker, b.speaker
    return bool(names_a and names_b and not names_a & names_b)


def days_apart(a: Source, b: Source) -> int | None:
    """Days between two articles' publication, when both are dated."""
    try:
        return abs((date.fromisoformat(a.date or "") - date.fromisoformat(b.date or "")).days)
    except ValueError:
        return None


#: A wire copy's dateline ("NEW YORK, Dec. 22 (UPI) —"): a member without one leads a group.
WIRE_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[^()—–-]{0,30})?\s*\([A-Za-z .]{2,30}\)\s*[—–-]")


def lead_order(node: Node, degree: int = 0) -> tuple[bool, int, bool, float, bool, int, str, int]:
    """How fit a claim is to lead a group: telling one thing (no trailing participle: "Kline won
    Dover, widening her lead" tells two, and would gather the tellings of each), verified
    against the most others (the statement the others tell), then prominent, plainly stated, short."""
    return (node.profile.core != node.profile.plain, -degree, bool(WIRE_DATELINE_RE.match(node.claim.text)),
            -round(node.prominence, 6),
            node.claim.status != "stated", len(node.claim.text), node.source.id, node.number)


def star_groups(nodes: Sequence[Node], edges: Sequence[tuple[int, int, float]]) -> list[tuple[int, ...]]:
    """Verified edges -> groups, each a lead and the claims verified against that lead.

    Copies collapse first: sentences of one outlet that are near-identical (a republished
    story, a live-blog update) travel together as one unit. Then no transitive chains:
    A~B and B~C put C with A only when A~C was verified too. Leads are taken in
    ``lead_order`` (most verified links first); a unit joins the first lead it was verified
    against. The lead comes
    first in its group, the rest follow in node order.
    """
    copies = UnionFind(len(nodes))
    adjacent: dict[int, set[int]] = {}
    for i, j, sim in edges:
        adjacent.setdefault(i, set()).add(j)
        adjacent.setdefault(j, set()).add(i)
        if sim >= COPY_THRESHOLD and nodes[i].outlet == nodes[j].outlet:
            copies.union(i, j)
    unit: dict[int, list[int]] = {}
    for i in adjacent:
        unit.setdefault(copies.find(i), []).append(i)
    assigned: set[int] = set()
    # a node with no verified edge is a group of its own, whatever the order: only the others
    # are ordered (most nodes of a corpus have none, and ordering reads each node's profile)
    groups = [(node.index,) for node in nodes if node.index not in adjacent]
    for node in sorted((nodes[i] for i in adjacent), key=lambda n: lead_order(n, len(adjacent[n.index]))):
        if node.index in assigned:
            continue
        lead_unit = unit.get(copies.find(node.index), [node.index])
        verified = {k for i in lead_unit for k in adjacent.get(i, ())}
        members = {m for k in verified for m in unit.get(copies.find(k), [k])} | set(lead_unit)
        members -= assigned
        members.discard(node.index)
        assigned.add(node.index)
        assigned.update(members)
        groups.append((node.index, *sorted(members)))
    return sorted(groups, key=min)


def build_graph(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
                memo: ClaimMemo | None = None) -> ClaimGraph:
    """Sources + extractions -> ClaimGraph: claims verified to tell the same fact are grouped.

    Build it once per linking run and hand it to facts, disputes and discrepancies. ``memo``:
    what an earlier run computed of single claims (``link.memo``); the graph is the same without it.
    """
    nodes = build_nodes(sources, extractions, memo)
    token_sets = [n.tokens for n in nodes]
    df = document_frequency(token_sets)
    idf = name_discounted(idf_weights(token_sets, df), frozenset().union(*(n.profile.names for n in nodes)))
    masses = tuple(mass(tokens, idf) for tokens in token_sets)
    phrase_df: dict[str, int] = {}
    for node in nodes:
        for phrase in node.phrases:
            phrase_df[phrase] = phrase_df.get(phrase, 0) + 1
    edges = []
    pairs = tuple(candidate_pairs(token_sets, idf, min_shared=MIN_SHARED_KEYS, df=df))
    memo = memo if memo is not None else ClaimMemo()
    keys = [memo.node_key_of(n.claim) for n in nodes]
    for i, j in pairs:
        a, b = nodes[i], nodes[j]
        sim = similarity(token_sets[i], token_sets[j], idf, masses[i], masses[j])
        # the verdict reads the two nodes, the thresholds the similarity reaches and whether
        # the quoted wordings they share are rare: kept by those
        wording = sim >= PHRASE_THRESHOLD and same_quoted_wording(a, b, phrase_df)
        reads = (bisect_right(SIMILARITY_STEPS, sim), wording)
        if memo.linked(keys[i], keys[j], reads,
                       lambda a=a, b=b, sim=sim, wording=wording: linked(a, b, sim, phrase_df, wording)):
            edges.append((i, j, round(sim, 4)))
    groups = tuple(star_groups(nodes, edges))
    return ClaimGraph(nodes=tuple(nodes), idf=idf, edges=tuple(edges), groups=groups, masses=masses,
                      pairs=pairs)


ANAPHOR_RE = re.compile(r"\b(?:(?:this|that|these|those|such)\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|"
                        r"accounts?|stories|story|assertions?|suggestions?|accusations?)"
                        r"|the\s+(?:details\s+of\s+the\s+)?(?:reports?|claims?|allegations?|accounts?|stories|"
                        r"conversation|call|meeting|talks|exchange|remarks|comments|contacts?))\b",
                        re.IGNORECASE)


def is_allegation(node: Node) -> bool:
    """Is this claim put as someone's allegation: hedged, or attributed to a report?"""
    claim = node.claim
    if claim.status == "hedged":
        return (claim.cue or "") not in WEAK_HEDGES
    if claim.status != "attributed":
        return False
    source = words_in(claim.attributed_to)
    if source & SURVEY_NOUNS:
        return False  # "according to a poll", "according to interviews with officials": a finding
    nouns = bool(REPORT_NOUNS & source)
    cue = claim.cue or ""
    # "X wrote / revealed / detailed" is a report only when X is one (a book, documents).
    return nouns or (cue in REPORT_CUES and cue not in AUTHOR_CUES)


def words_in(phrase: str | None) -> set[str]:
    """Lower-case words of a phrase, without articles and small words."""
    return {w for w in re.findall(r"[a-z]+", (phrase or "").lower()) if w not in SMALL_WORDS}


def names_its_source(reply: Node, cand: Node) -> bool:
    """Does the reply name what the candidate is attributed to ("denied the report" / "a report by")?"""
    return not reply_source_words(reply).isdisjoint(words_in(cand.claim.attributed_to))


@per_node
def reply_source_words(reply: Node) -> frozenset[str]:
    """The words by which a reply can name the source of what it answers (``names_its_source``):
    those of its cue's object, and the names beside a report word after its cue."""
    cue = (reply.claim.cue or "").split(" ")[0]
    at = reply.claim.text.lower().find(cue) if cue else -1
    if at < 0:
        return shared_words(frozenset())
    # The object of the cue, before any clause: "denied the book's account that …".
    obj = re.split(r"\b(?:that|which|who|when|as|because|saying|calling)\b|[,;:]",
                   reply.claim.text[at + len(cue):at + len(cue) + 60].lower(), maxsplit=1)[0]
    # "denied the reports, calling the stories from Woodward's book made up": the name beside
    # a report word later in the reply ("Woodward's book") is the candidate's source too
    words = re.findall(r"[\w'’]+", reply.claim.text[at + len(cue):])
    named: set[str] = set()
    for k, word in enumerate(words):
        if word.lower() in REPORT_NOUNS | {"stories", "story", "account"}:
            near = words[max(0, k - 3):k + 4]
            named |= {w.lower().removesuffix("'s").removesuffix("’s") for w in near
                      if w[:1].isupper() and stem(w) in reply.profile.names}
    return shared_words(frozenset(words_in(obj) | named))


def self_contained(reply: Node) -> bool:
    """Does a denial/confirmation state what it answers ("denied reports that X did Y")?"""
    cue = reply.claim.cue or ""
    text = reply.claim.text
    at = text.lower().find(cue.split(" ")[0]) if cue else -1
    return at >= 0 and bool(SELF_CONTAINED_RE.search(text, at))


DEFINITE_RE = re.compile(r"\b(?:the|these|those|this|that)\s+([a-z]{4,})\b")


def definite_back_reference(reply: Node, cand: Node) -> bool:
    """Does the reply name, with "the", a thing the nearby claim is about ("confirmed that
    the repairs had been made" after "the bridge had been repaired")?"""
    told = cand.profile.plain - GENERIC
    return any(stem(m.group(1)) in told for m in DEFINITE_RE.finditer(reply.claim.text))


def answers(reply: Node, cand: Node, sim: float, anaphoric: bool, named: bool | None = None) -> bool:
    """Can this denial/confirmation be about that claim? It points back at it ("this claim",
    close by, and the claim is an allegation), names its source ("denied the book's
    account"), or says something of the same participants in the same words."""
    if anaphoric and reply.number - cand.number <= ANAPHOR_REACH and is_allegation(cand):
        return True
    if names_its_source(reply, cand) if named is None else named:  # named: that answer, known
        return True
    # A plain report (no allegation) is answered only by a reply about whom it is first
    # about ("Cruz denied that waterboarding is torture" answers no report of Trump's pledge
    # on waterboarding; "the company denied polluting the river" answers "the company
    # polluted the river").
    about = is_allegation(cand) or not cand.profile.lead or bool(cand.profile.lead & reply.profile.names)
    if about and reply.number - cand.number <= ANAPHOR_REACH and definite_back_reference(reply, cand):
        return True
    shared_plain = (reply.profile.plain & cand.profile.plain) - GENERIC
    who = not reply.profile.names or bool(reply.profile.names & cand.profile.names)
    if not is_allegation(cand):
        return who and about and sim >= REPLY_MIN_SIMILARITY and len(shared_plain) >= PLAIN_REPLY_SHARED
    return who and ((sim >= REPLY_MIN_SIMILARITY and bool(shared_plain)) or len(shared_plain) >= 2)


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
    window = [graph.nodes[k] for k in range(reply.index - 1, max(reply.index - 1 - REPLY_WINDOW, -1), -1)]
    window = [c for c in itertools.takewhile(lambda c: c.source.id == reply.source.id, window)
              if c.claim.status not in REPLY_STATUSES]
    named = {c.index: names_its_source(reply, c) for c in window}  # asked once per candidate
    if any(named.values()):  # a reply that names its source answers that source
        window = [c for c in window if named[c.index]]
    for cand in window:
        k = cand.index
        sim = graph.similarity(reply.index, k)
        if (explicit and sim < EXPLICIT_MIN_SIMILARITY) or not answers(reply, cand, sim, near > 1.0, named[k]):
            continue
        distance = max(reply.number - cand.number, 1)
        score = (2.0 * sim + (0.5 if is_allegation(cand) else 0.0)
                 + (1.0 if named[k] else 0.0)
                 + near / distance + 0.8 * cand.prominence)
        if best is None or score > best[0] + 1e-9:
            best = (score, k)
    if best is None and explicit:
        for k in graph.neighbours().get(reply.index, ()):
            cand = graph.nodes[k]
            if cand.source.id == reply.source.id or not is_allegation(cand):
                continue
            sim = graph.similarity(reply.index, k)
            if sim >= CROSS_REPLY_SIMILARITY and answers(reply, cand, sim, False) \
                    and (best is None or sim > best[0] + 1e-9):
                best = (sim, k)
    return graph.nodes[best[1]] if best else None
