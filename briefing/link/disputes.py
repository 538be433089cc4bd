"""Claims -> disputed entries with sides, and discrepancies between outlets.

Disputes: a denial or confirmation is joined to the claim it answers in its own article
(``claimgraph.reply_target``), and claims of the same fact are joined across articles
(``claimgraph`` groups). Every joined set holding a contested claim (hedged, denied,
confirmed, unconfirmed, or attributed to a report) becomes one Dispute whose sides say
who holds what, each cited. Ranked by outlets, answered (denied/confirmed) or not,
named sources and prominence; at most ``PER_ARTICLE`` per article kept (10 to 60).

Discrepancies: pairs of claims from different outlets that the index finds similar are
compared on their numbers ("at least seven times" / "as many as seven times"), years
and day dates with the same lead-in words ("left office in 2021" / "left the White House
in 2020"), and within one sentence a weekday that does not match its date. Versions are
shown side by side, each cited; no winner is picked.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..extract.dates import WEEKDAYS
from ..model import ArticleExtraction, Citation, Discrepancy, Dispute, Side, Source, Version
from .claimgraph import REPLY_STATUSES, ClaimGraph, Node, build_graph, is_allegation, reply_target
from .facts import sorted_citations
from .index import STOPWORDS, UnionFind, candidate_pairs, content_tokens, similarity

MIN_DISPUTES = 10
MAX_DISPUTES = 60  # the list stays readable however many articles come in
PER_ARTICLE = 3
STANCE_OF = {"hedged": "alleged", "attributed": "reported", "stated": "reported",
             "denied": "denied", "confirmed": "confirmed", "unconfirmed": "unconfirmed"}
STANCE_ORDER = {s: i for i, s in enumerate(("alleged", "reported", "confirmed", "unconfirmed", "denied"))}


def short_id(prefix: str, *parts: str) -> str:
    """Prefix + sha1 of the parts -> a short stable id."""
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def is_contested(node: Node) -> bool:
    """Does this claim make its fact a dispute? An allegation, or a denial/confirmation."""
    return node.claim.status in REPLY_STATUSES or is_allegation(node)


def side_of(node: Node) -> tuple[str, str | None]:
    """A claim -> (stance, by): who holds it, as the text names them."""
    claim = node.claim
    stance = STANCE_OF.get(claim.status, "reported")
    by = claim.attributed_to
    if by is None and claim.status in ("stated", "attributed"):
        by = node.outlet
    return stance, by


def build_sides(nodes: Sequence[Node]) -> tuple[Side, ...]:
    """Nodes -> sides, one per (stance, holder); each side cites all its sentences."""
    grouped: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for node in nodes:
        stance, by = side_of(node)
        grouped[(stance, (by or "").lower())].append(node)
    sides = []
    for (stance, _key), members in grouped.items():
        first = min(members, key=lambda n: (n.source.id, n.number))
        sides.append(Side(stance=stance, text=first.claim.text, citations=sorted_citations(members),
                          by=side_of(first)[1]))
    return tuple(sorted(sides, key=lambda s: (STANCE_ORDER.get(s.stance, 9), s.citations[0].source,
                                              s.citations[0].start, s.by or "")))


def lead_of(nodes: Sequence[Node]) -> Node:
    """The claim a dispute is about: an allegation before any reply, most prominent first."""
    return min(nodes, key=lambda n: (n.claim.status in REPLY_STATUSES, not is_contested(n),
                                     -round(n.prominence, 6), n.source.id, n.number))


def dispute_components(graph: ClaimGraph) -> list[list[Node]]:
    """Same-fact groups joined with reply links -> the node sets disputes are built from."""
    union = UnionFind(len(graph.nodes))
    for group in graph.groups:
        for i in group[1:]:
            union.union(group[0], i)
    for node in graph.nodes:
        if node.claim.status in REPLY_STATUSES:
            target = reply_target(graph, node)
            if target is not None:
                union.union(node.index, target.index)
        elif node.index > 0 and continues(graph.nodes[node.index - 1], node):
            union.union(node.index - 1, node.index)
    return [[graph.nodes[i] for i in g] for g in union.groups()]


def continues(before: Node, node: Node) -> bool:
    """Does a contested claim go on with the one just before it, from the same named source?

    ("… spoke seven times, citing a book by X." then "According to X's book, …")
    """
    if before.source.id != node.source.id or node.number - before.number != 1:
        return False
    if not (is_contested(before) and is_contested(node)) or node.claim.status in REPLY_STATUSES:
        return False
    a, b = before.claim.attributed_to, node.claim.attributed_to
    return bool(a and b and set(content_tokens(a)) & set(content_tokens(b)))


def link_disputes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> tuple[Dispute, ...]:
    """Allegations linked with their denials and confirmations.

    Needs claims with status and attributed_to. Sorted by rank, then id; capped.
    """
    graph = build_graph(sources, extractions)
    disputes: dict[str, Dispute] = {}
    for nodes in dispute_components(graph):
        if not any(is_contested(n) for n in nodes):
            continue
        lead = lead_of(nodes)
        outlets = len({n.outlet for n in nodes})
        answered = any(n.claim.status in REPLY_STATUSES for n in nodes)
        named = any(n.claim.attributed_to for n in nodes if is_contested(n))
        rank = (2.0 * (outlets - 1) + (1.5 if answered else 0.0) + (0.5 if named else 0.0)
                + max(n.prominence for n in nodes))
        dispute = Dispute(id=short_id("d", lead.source.id, lead.claim.text), text=lead.claim.text,
                          sides=build_sides(nodes), citations=sorted_citations(nodes),
                          rank=round(rank, 3))
        disputes.setdefault(dispute.id, dispute)
    limit = min(MAX_DISPUTES, max(MIN_DISPUTES, PER_ARTICLE * len(sources)))
    return tuple(sorted(disputes.values(), key=lambda d: (-d.rank, d.id))[:limit])


# -- discrepancies -------------------------------------------------------------------------

#: Two claims from different outlets are compared for discrepancies from this overlap on.
DISCREPANCY_THRESHOLD = 0.18
CONTEXT_WORDS = 6

QUALIFIERS = ("at least", "as many as", "up to", "more than", "over", "nearly", "almost", "about",
              "around", "roughly", "approximately", "fewer than", "less than", "at most",
              "no fewer than", "no more than", "close to", "some", "only", "just", "exactly")
NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                "seventy|eighty|ninety|hundred|dozen")
QUANTITY_RE = re.compile(
    r"\b(?:(?P<q>" + "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS) + r")\s+)?"
    r"(?P<n>\d[\d,]*(?:\.\d+)?|half[-\s]+(?:a\s+)?dozen|(?:" + NUMBER_WORDS + r"))\s+"
    r"(?:(?:other|more|additional)\s+)?"
    r"(?P<unit>[A-Za-z]+)\b", re.IGNORECASE)
NUMBER_HINT_RE = re.compile(r"\d|\b(?:" + NUMBER_WORDS + r")\b", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d$.,])(?P<year>(?:19|20)\d\d)(?![\d%])")


@dataclass(frozen=True)
class Value:
    """One comparable value in a claim: what kind, its key, how the text puts it."""

    kind: str  # number | qualifier | date | weekday
    topic: str  # what it measures: a unit ("times") or the lead-in words
    key: str  # normalised value
    label: str  # the differing part as the text has it
    context: frozenset[str] = frozenset()


def quantities(node: Node) -> list[Value]:
    """Numbers with their unit and qualifier ("at least seven times"); years excluded."""
    out: list[Value] = []
    text = node.claim.text
    if not NUMBER_HINT_RE.search(text):
        return out
    for m in QUANTITY_RE.finditer(text):
        raw = m.group("n").lower().replace(",", "")
        if raw.startswith("half"):
            raw = "6"  # "half-dozen", "half a dozen"
        if YEAR_RE.fullmatch(raw):
            continue
        unit = content_tokens(m.group("unit"))
        if not unit or m.group("unit").lower() in STOPWORDS:
            continue
        number = content_tokens(raw)[0] if content_tokens(raw) else raw
        qualifier = re.sub(r"\s+", " ", (m.group("q") or "").lower())
        out.append(Value(kind="number", topic=unit[0], key=f"{qualifier}|{number}",
                         label=m.group(0)))
    return out


def lead_in(text: str, start: int) -> frozenset[str]:
    """Content stems of the few words before text[start] in its sentence."""
    return frozenset(content_tokens(text[max(0, start - 80):start])[-CONTEXT_WORDS:])


def dated_values(node: Node) -> list[Value]:
    """Years and day dates of a claim, each with its lead-in words."""
    text = node.claim.text
    out: list[Value] = []
    if not node.events and not YEAR_RE.search(text):
        return out
    day_spans = []
    for event in node.events:
        if event.precision != "day":
            continue
        at = text.find(event.expression)
        if at < 0:
            continue
        day_spans.append((at, at + len(event.expression)))
        kind = "weekday" if event.expression.split()[-1].lower() in WEEKDAYS else "date"
        out.append(Value(kind=kind, topic="day", key=event.date,
                         label=f"{event.expression} ({event.date})", context=lead_in(text, at)))
    for m in YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in day_spans):
            continue
        out.append(Value(kind="date", topic="year", key=m.group("year"), label=m.group(0),
                         context=lead_in(text, m.start())))
    return out


def word_similarity(graph: ClaimGraph, a: Node, b: Node) -> float:
    """Weighted overlap of two claims' single words (bigrams left out: wording may differ)."""
    return similarity(frozenset(t for t in a.tokens if "_" not in t),
                      frozenset(t for t in b.tokens if "_" not in t), graph.idf)


def differing(values_a: tuple[list[Value], list[Value]], values_b: tuple[list[Value], list[Value]]
              ) -> list[tuple[Value, Value]]:
    """The (quantities, dates) of two claims from different outlets -> the values that disagree."""
    pairs = []
    for x in values_a[0]:
        for y in values_b[0]:
            if x.topic != y.topic or x.key == y.key:
                continue
            qx, nx = x.key.split("|")
            qy, ny = y.key.split("|")
            if nx == ny and qx and qy:
                pairs.append((Value("qualifier", x.topic, x.key, x.label),
                              Value("qualifier", y.topic, y.key, y.label)))
            elif nx != ny:
                pairs.append((x, y))
    dates_a, dates_b = values_a[1], values_b[1]
    for x in dates_a:
        for y in dates_b:
            if x.topic != y.topic or x.key.startswith(y.key) or y.key.startswith(x.key):
                continue
            if any(v.key == y.key for v in dates_a) or any(v.key == x.key for v in dates_b):
                continue  # both outlets give both dates: two happenings, not two versions
            if len(x.context & y.context) >= 2:
                kind = "weekday" if "weekday" in (x.kind, y.kind) else "date"
                pairs.append((Value(kind, x.topic, x.key, x.label), Value(kind, y.topic, y.key, y.label)))
    return pairs


def weekday_mismatches(node: Node) -> list[Discrepancy]:
    """A weekday beside a date it does not fall on ("Wednesday, Nov. 5" in 2024)."""
    out = []
    for event in node.events:
        words = event.expression.replace(",", " ").split()
        if event.precision != "day" or not words or words[0].lower() not in WEEKDAYS:
            continue
        actual = date.fromisoformat(event.date).weekday()
        if len(words) > 1 and WEEKDAYS[words[0].lower()] != actual:
            cite = (node.claim.citation,)
            versions = (Version(value=words[0], text=node.claim.text, citations=cite),
                        Version(value=f"{' '.join(words[1:])} ({event.date})", text=node.claim.text,
                                citations=cite))
            out.append(Discrepancy(id=short_id("x", "weekday", node.source.id, event.expression),
                                   text=node.claim.text, kind="weekday", versions=versions))
    return out


def link_discrepancies(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]
                       ) -> tuple[Discrepancy, ...]:
    """The same fact told with different numbers, dates or qualifiers.

    Needs claims and events. One Discrepancy per disagreement, its versions grouped by
    value, each citing every sentence that gives it; sorted by id.
    """
    graph = build_graph(sources, extractions)
    group_of = graph.group_of()
    cache: dict[int, tuple[list[Value], list[Value]]] = {}

    def values_of(node: Node) -> tuple[list[Value], list[Value]]:
        if node.index not in cache:
            cache[node.index] = (quantities(node), dated_values(node))
        return cache[node.index]

    items: dict[tuple[int, str, str, str], int] = {}
    values: list[tuple[Node, Value]] = []

    def item(node: Node, value: Value) -> int:
        key = (node.index, value.kind, value.topic, value.key)
        if key not in items:
            items[key] = len(values)
            values.append((node, value))
        return items[key]

    links = []
    valued = [n for n in graph.nodes if any(values_of(n))]  # only claims with numbers or dates
    for x_index, y_index in candidate_pairs([n.tokens for n in valued], graph.idf, keys_per_text=12):
        a, b = valued[x_index], valued[y_index]
        i, j = a.index, b.index
        if a.outlet == b.outlet:
            continue
        found = differing(values_of(a), values_of(b))
        if not found:
            continue
        if group_of[i] != group_of[j] and word_similarity(graph, a, b) < DISCREPANCY_THRESHOLD:
            continue
        for x, y in found:
            links.append((item(a, x), item(b, y)))
    union = UnionFind(len(values))
    for x, y in links:
        union.union(x, y)
    out: dict[str, Discrepancy] = {}
    for members in union.groups():
        if len(members) < 2:
            continue
        by_value: dict[str, list[tuple[Node, Value]]] = defaultdict(list)
        for m in members:
            by_value[values[m][1].key].append(values[m])
        if len(by_value) < 2:
            continue
        versions = []
        for key in sorted(by_value):
            rows = sorted(by_value[key], key=lambda r: (r[0].source.id, r[0].number))
            cites: list[Citation] = list(sorted_citations([r[0] for r in rows]))
            versions.append(Version(value=rows[0][1].label, text=rows[0][0].claim.text,
                                    citations=tuple(cites)))
        nodes = [values[m][0] for m in members]
        lead = min(nodes, key=lambda n: (-round(n.prominence, 6), n.source.id, n.number))
        kind = values[members[0]][1].kind
        disc = Discrepancy(id=short_id("x", kind, *sorted(v.value for v in versions), lead.claim.text),
                           text=lead.claim.text, kind=kind, versions=tuple(versions))
        out.setdefault(disc.id, disc)
    for node in graph.nodes:
        for disc in weekday_mismatches(node):
            out.setdefault(disc.id, disc)
    return tuple(sorted(out.values(), key=lambda d: d.id))
