"""Per-article quotes -> one entry per statement across outlets, canonical speakers.

Needs: each article's quotes, phrases and speakers. Adds:
- one Quote per quoted text, citing every article that carries it (``date`` is the
  earliest citing article's publication date);
- ``variants``: other renderings of the same statement (a translation worded
  differently), found through an inverted index of content words, never all pairs;
- one canonical name per speaker: spelling variants merge (blocked by the first
  letters of the last name) under the longest full name seen, aliases and roles kept.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from ..model import ArticleExtraction, Citation, Phrase, Quote, Source, Speaker
from .memo import ClaimMemo
from .readable import opens_on_pointer

WORD_RE = re.compile(r"\w+")
STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those i me my we us our you your he him his she her they them their there here not no so do does did
have has had will would can could should may might must just very also than then what which who whom
whose when where why how all any some more most such into about over after before up out off again
""".split())
# Shared content words and their share of the shorter quote for two renderings to be linked.
VARIANT_MIN_SHARED = 4
VARIANT_MIN_SHARE = 0.6
# A word carried by more quotes than this is too common to block on.
MAX_POSTING = 200


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # (NFKD leaves ASCII as it is, and no ASCII character is a combining one)
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def _key(text: str) -> str:
    """Quoted text -> comparison key: folded words, marks and spacing ignored."""
    return " ".join(WORD_RE.findall(_fold(text)))


def _digest(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _is_name(name: str) -> bool:
    """"Ana Ruiz" is a proper name; "Ruiz spokesperson" is a label built on one."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _same_word(a: str, b: str) -> bool:
    """Equal, or a spelling variant of a long word (one more letter, a transliteration)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:3] != b[:3]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def _compatible(short: list[str], long: list[str]) -> bool:
    """Does every word of the shorter name match a word of the longer one, last with last?"""
    if not _same_word(short[-1], long[-1]):
        return False
    return all(any(_same_word(w, x) for x in long) for w in short[:-1])


def canonical_names(counts: Counter[str]) -> dict[str, str]:
    """Speaker names with their frequency -> {name: canonical name}.

    Names are blocked by the first four letters of their folded last word, full names
    further by their first word; a full name joins the
    cluster of the longest compatible full name, and a bare surname joins the biggest
    cluster of its block whose last name it spells.
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    out: dict[str, str] = {}
    for name in counts:
        if not _is_name(name):
            out[name] = name
            continue
        blocks[_fold(name.split()[-1])[:4]].append(name)
    for names in blocks.values():
        ordered = sorted(names, key=lambda n: (-len(n.split()), -counts[n], -len(n), n))
        clusters: list[list] = []  # [representative, folded words, total]
        by_first: dict[str, list[int]] = defaultdict(list)
        singles = []
        for name in ordered:
            words = _fold(name).split()
            if len(words) == 1:
                singles.append(name)
                continue
            fits = [i for i in by_first[words[0]]
                    if _compatible(words, clusters[i][1]) or _compatible(clusters[i][1], words)]
            if fits:
                best = max(fits, key=lambda i: (clusters[i][2], -i))
                clusters[best][2] += counts[name]
                out[name] = clusters[best][0]
            else:
                by_first[words[0]].append(len(clusters))
                clusters.append([name, words, counts[name]])
                out[name] = name
        for name in singles:  # "Ruiz": the most written full name with that last name
            word = _fold(name)
            fits = [i for i, c in enumerate(clusters) if _same_word(word, c[1][-1])]
            if fits:
                best = max(fits, key=lambda i: (clusters[i][2], -i))
                clusters[best][2] += counts[name]
                out[name] = clusters[best][0]
            else:
                same = [c for c in clusters if len(c[1]) == 1 and _same_word(word, c[1][0])]
                if same:
                    out[name] = same[0][0]
                else:
                    clusters.append([name, [word], counts[name]])
                    out[name] = name
    return out


def _rename(name: str | None, names: dict[str, str]) -> str | None:
    """Canonical name (a role label such as "Chilean president" becomes the person's name)."""
    if name is None:
        return None
    return names.get(name, name)


# A label opening on these describes someone undisclosed: no role book names them.
INDEFINITE = frozenset("a an one another".split())


def _role_key(role: str) -> list[str]:
    words = [w for w in WORD_RE.findall(_fold(role.replace(".", ""))) if w not in ("the", "a", "an")]
    return words


def _role_labels(extractions: Sequence[ArticleExtraction], names: dict[str, str]) -> dict[str, str]:
    """Speaker labels made of role words ("Chilean president") -> the one person any article
    gives that role ("Chilean President Marta Solis"). Roles are indexed by their last word."""
    by_head: dict[str, dict[tuple[str, ...], set[str]]] = defaultdict(lambda: defaultdict(set))
    labels: set[str] = set()
    for ex in extractions:
        for sp in ex.speakers:
            for role in sp.roles:
                words = _role_key(role)
                if words:
                    by_head[words[-1]][tuple(words)].add(names.get(sp.name, sp.name))
        for item in (*ex.quotes, *ex.phrases):
            if item.speaker and not _is_name(item.speaker):
                labels.add(item.speaker)
    out: dict[str, str] = {}
    for label in labels:
        words = _role_key(label)
        if len(words) < 2 or _fold(label).split()[0] in INDEFINITE:
            continue  # ("a longtime adviser", "one Clinton aide": someone the article does not name)
        found: set[str] = set()
        for role, people in by_head.get(words[-1], {}).items():
            if all(any(w == r or (min(len(w), len(r)) >= 5 and w[:5] == r[:5]) for r in role) for w in words):
                found |= people
        if len(found) == 1:
            out[label] = found.pop()
    return out


def _speaker_vote(speakers: list[str | None]) -> str | None:
    """The speaker most of a quote's renderings name (``speakers``: in the order of the articles
    they come from); a tie goes to the one named first, by the earliest article: an article added
    later with another name in a tie does not take the quote from the speaker it had."""
    votes = Counter(s for s in speakers if s)
    if not votes:
        return None
    most = max(votes.values())
    return next(s for s in speakers if s and votes[s] == most)


def _content(text: str) -> set[str]:
    return {w for w in WORD_RE.findall(_fold(text)) if w not in STOPWORDS and len(w) > 2}


#: One quote as ``_speaker_variants`` reads it: its id, its text, and its citations' one source
#: (empty when they cite more than one).
QuoteKey = tuple[str, str, tuple[str, ...]]


def _speaker_variants(quotes: tuple[QuoteKey, ...], words: list[frozenset[str]]
                      ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """One speaker's quotes (``words``: each one's content words, same order) -> (id, ids of the
    other renderings of the same statement) for each quote that has some; pairs are found through
    an inverted index of content words, never all pairs."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            index[w].append(i)
    out: dict[int, set[int]] = defaultdict(set)
    for i, (_id, _text, mine) in enumerate(quotes):
        shared: Counter[int] = Counter()
        for w in words[i]:
            posting = index[w]
            if len(posting) <= MAX_POSTING:
                shared.update(posting)  # (``i`` too: skipped below)
        size = len(words[i])
        for j, n in shared.items():
            # (the relation is symmetric: each pair is weighed once, from its lower index)
            if j <= i or n < VARIANT_MIN_SHARED or n / min(size, len(words[j])) < VARIANT_MIN_SHARE:
                continue
            if mine and quotes[j][2] == mine:
                continue  # two quotes of one article are two statements
            out[i].add(j)
            out[j].add(i)
    return tuple((quotes[i][0], tuple(sorted({quotes[j][0] for j in others}))) for i, others in sorted(out.items()))


def _variants(quotes: list[Quote], memo: ClaimMemo | None = None) -> dict[str, tuple[str, ...]]:
    """Quotes -> {id: ids of other renderings of the same statement by the same speaker}.
    ``memo``: each text's content words from an earlier run, and each speaker's answer from the
    previous run in this process, for a speaker whose quotes read the same (``_speaker_variants``
    reads nothing else of them)."""
    memo = memo if memo is not None else ClaimMemo()
    words = {q.text: memo.value("quote_words", q.text, lambda q=q: frozenset(_content(q.text))) for q in quotes}
    by_speaker: dict[str, list[QuoteKey]] = defaultdict(list)
    for q in quotes:
        if q.speaker:
            sources = {c.source for c in q.citations}
            by_speaker[q.speaker].append((q.id, q.text, tuple(sources) if len(sources) == 1 else ()))
    out: dict[str, tuple[str, ...]] = {}
    for group in by_speaker.values():
        key = tuple(sorted(group))  # (the answer does not depend on the quotes' order)
        found = memo.kept("quote_variants", key,
                          lambda key=key: _speaker_variants(key, [words[text] for _id, text, _s in key]))
        for qid, others in found:
            # (two speakers' quotes of one id: both answers, as one)
            out[qid] = tuple(sorted({*out[qid], *others})) if qid in out else others
    return out


def link_quotes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
                memo: ClaimMemo | None = None) -> tuple[tuple[Quote, ...], tuple[Phrase, ...], tuple[Speaker, ...]]:
    """Merge quotes across articles; one canonical name per speaker. Output sorted, ids from content.
    ``memo``: each text's comparison key and content words from an earlier run (the same output)."""
    memo = memo if memo is not None else ClaimMemo()

    def key_of(text: str) -> str:
        return memo.value("quote_key", text, lambda: _key(text))  # type: ignore[no-any-return]

    order = {s.id: n for n, s in enumerate(sources)}
    date_of = {s.id: s.date for s in sources}
    counts: Counter[str] = Counter()
    for ex in extractions:
        for item in (*ex.quotes, *ex.phrases):
            if item.speaker:
                counts[item.speaker] += 1
        for sp in ex.speakers:
            counts[sp.name] += 0
    names = canonical_names(counts)
    names.update(_role_labels(extractions, names))

    def cite_key(c: Citation) -> tuple[int, str, int, int]:
        return (order.get(c.source, len(order)), c.source, c.start, c.end)

    groups: dict[str, list[Quote]] = defaultdict(list)
    for ex in extractions:
        for q in ex.quotes:
            groups[key_of(q.text)].append(q)
    quotes: list[Quote] = []
    for key, group in groups.items():
        group.sort(key=lambda q: cite_key(q.citations[0]))
        cites = sorted({c for q in group for c in q.citations}, key=cite_key)
        speaker = _speaker_vote([_rename(q.speaker, names) for q in group])
        first = group[0]
        mention = next((q.mention for q in group if _rename(q.speaker, names) == speaker and q.mention),
                       first.mention)
        dates = sorted(d for c in cites if (d := date_of.get(c.source)))
        where = "body" if any(q.where == "body" for q in group) else first.where
        statement = next((q.statement for q in group if q.statement), None)
        quotes.append(Quote(id=_digest("q-", key), text=first.text, speaker=speaker, citations=tuple(cites),
                            mention=mention, where=where, statement=statement,
                            date=dates[0] if dates else None))
    variants = _variants(quotes, memo)
    quotes = [replace(q, variants=variants.get(q.id, ())) for q in quotes]
    quotes.sort(key=lambda q: (cite_key(q.citations[0]), q.id))

    pgroups: dict[tuple[str, str, str], list[Phrase]] = defaultdict(list)
    for ex in extractions:
        for p in ex.phrases:
            pgroups[(p.kind, key_of(p.text), _rename(p.speaker, names) or "")].append(p)
    phrases: list[Phrase] = []
    for (kind, key, speaker), group in pgroups.items():
        group.sort(key=lambda p: cite_key(p.citations[0]))
        cites = sorted({c for p in group for c in p.citations}, key=cite_key)
        phrases.append(Phrase(id=_digest("p-", f"{kind}|{key}|{speaker}"), text=group[0].text,
                              speaker=speaker or None, citations=tuple(cites), kind=kind))
    phrases.sort(key=lambda p: (cite_key(p.citations[0]), p.id))

    aliases: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        for sp in ex.speakers:
            canon = _rename(sp.name, names) or sp.name
            aliases[canon].update(sp.aliases)
            if sp.name != canon:
                aliases[canon].add(sp.name)
            roles[canon].update(sp.roles)
    used = {q.speaker for q in quotes if q.speaker} | {p.speaker for p in phrases if p.speaker}
    speakers = tuple(Speaker(id=_digest("sp-", name), name=name,
                             aliases=tuple(sorted(aliases[name] - {name})),
                             roles=tuple(sorted(roles[name])))
                     for name in sorted(used))
    return tuple(quotes), tuple(phrases), speakers


def stands_alone(quote: Quote) -> bool:
    """Can a quotation be read away from its article (on the overview): it does not open on a
    pronoun or a demonstrative whose referent only the article gives."""
    return opens_on_pointer(quote.text) is None
