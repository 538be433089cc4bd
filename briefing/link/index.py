"""Content-word tokens, IDF weights and an inverted index that finds similar texts.

Linking never compares all pairs: each text is indexed under its rarest content words
(blocking keys), and only texts that share a key are compared. Posting lists longer than
``MAX_POSTING`` are dropped as too common to block on, so the work stays near-linear.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, pairwise, repeat
from sys import intern
from typing import TypeVar, cast

from ..extract.spans import quoted_spans

WORD_RE = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*")

STOPWORDS = frozenset("""
a an the and or but nor so yet if then than that this these those there here of in on at to
for from by with without about into onto over under after before during since until while as
is are was were be been being am do does did done have has had having will would shall should
can could may might must also not no never very just only even still already again more most
much many some any all each every other another such own same both either neither it its it's
he him his she her hers they them their theirs we us our you your i me my who whom whose which
what when where why how s t ve ll re d said says say told tell according reported reports
report added noted stated mr mrs ms dr one per via amid among against toward towards upon
however though although because out up down off once whether
""".split())

# Common irregular verb forms, so "spoke" and "speak" count as one word.
IRREGULAR = {
    "spoke": "speak", "spoken": "speak", "sent": "send", "met": "meet", "left": "leave",
    "took": "take", "taken": "take", "made": "make", "gave": "give", "given": "give",
    "won": "win", "went": "go", "gone": "go", "began": "begin", "begun": "begin",
    "came": "come", "held": "hold", "knew": "know", "known": "know", "thought": "think",
    "brought": "bring", "sought": "seek", "fought": "fight", "wrote": "write",
    "written": "write", "saw": "see", "seen": "see", "found": "find", "led": "lead",
    "fell": "fall", "ran": "run", "struck": "strike", "chose": "choose", "stood": "stand",
    "felt": "feel", "kept": "keep", "lost": "lose", "paid": "pay", "got": "get",
    "killed": "kill", "died": "die", "dead": "die", "deaths": "die", "death": "die",
}

# Stems that name one act or quality in other words, for comparing what two sentences tell
# (``predicate_word``): "attacked X for" / "criticized X for", contributions / donations, "ready
# to talk" / "ready for discussions". Not used for weights or blocking. Not "won" / "victory":
# on an election night every sentence wins something, and the two would tie unrelated results.
PREDICATE_SYNONYMS = {"contri": "donati", "attack": "critic", "courag": "brave", "discus": "speak", "talk": "speak"}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

STEM_LENGTH = 6  # truncating stems merges spelling variants and derived forms
MAX_POSTING = 100  # a key shared by more texts than this is too common to block on
KEYS_PER_TEXT = 10
WORDING_KEYS_PER_TEXT = 5  # and this many rare two-word wordings, which find near-copies
WORDING_MAX_POSTING = 20  # a wording shared by more texts than this is a stock phrase


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A word -> a crude stem: lower case, irregular verbs mapped, suffixes cut, truncated."""
    w = word.lower()
    if w.isdigit():
        return w
    if w in NUMBER_WORDS:
        return str(NUMBER_WORDS[w])
    w = IRREGULAR.get(w, w)
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
                         ("ing", ""), ("ed", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + keep
            break
    return w[:STEM_LENGTH]


def predicate_word(stem_: str) -> str:
    """A stem as the act or quality it names (``PREDICATE_SYNONYMS``): 'discus' -> 'speak'."""
    return PREDICATE_SYNONYMS.get(stem_, stem_)


def content_words(text: str) -> list[tuple[str, bool, bool]]:
    """Text -> (stem, is_plain, is_quoted) per content word, in order.

    plain: lower case or a number (not a name); quoted: inside quotation marks.
    Linking asks again and again for the same texts (a claim, a party's name, per pair):
    the answer is remembered (``_content_words``), a fresh list is returned each time.
    """
    return list(_content_words(text))


@lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> tuple[tuple[str, bool, bool], ...]:
    quoted = quoted_spans(text, single=True)
    out = []
    append = out.append
    if not quoted:  # (most texts: no positions needed, nothing inside quotation marks)
        for word in WORD_RE.findall(text):
            if len(word) < 2:
                if not word.isdigit():
                    continue  # a single letter ("a", "I") is never a content word; a digit is
            elif word.lower() in STOPWORDS:
                continue
            append(_word(word, not word[0].isupper(), False))
        return tuple(out)
    starts = [s for s, _e in quoted]
    for match in WORD_RE.finditer(text):
        word = match.group(0)
        if len(word) < 2:
            if not word.isdigit():
                continue
        elif word.lower() in STOPWORDS:
            continue
        at = match.start()
        k = bisect_right(starts, at) - 1
        append(_word(word, not word[0].isupper(), k >= 0 and quoted[k][0] < at < quoted[k][1]))
    return tuple(out)


@lru_cache(maxsize=1 << 17)
def _word(word: str, plain: bool, quoted: bool) -> tuple[str, bool, bool]:
    """A content word -> its (stem, is_plain, is_quoted), one tuple for all its uses: the claims
    of a large corpus repeat their words, and at 10,000 articles the words of every claim (all
    held at once while the claim graph is built) came to some 200 MB of tuples, one per use."""
    return stem(word.replace(",", "")), plain, quoted


def content_tokens(text: str) -> list[str]:
    """Text -> stems of its content words and numbers, in order (stop words dropped)."""
    return [w[0] for w in _content_words(text)]


#: The one empty set of words that nodes and profiles hold for a kind of word a text has none
#: of (most claims quote nothing and name no day, figure or subject): an empty frozenset takes
#: about 200 bytes, and at 10,000 articles one each came to some 100 MB. A constant, never state.
NO_WORDS: frozenset[str] = frozenset()
T = TypeVar("T")


def shared_words(words: frozenset[T]) -> frozenset[T]:
    """``words``, or ``NO_WORDS`` when it is empty: an equal set, one object for all."""
    return words if words else cast("frozenset[T]", NO_WORDS)


def features(text: str, words: list[tuple[str, bool, bool]] | None = None
             ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Text -> (features, phrases, quoted): stems plus adjacent-stem bigrams ("brave_man");
    the bigrams of two plain words (a wording, not a name); those of them inside quotes.
    Pass ``words`` (from ``content_words``) when already at hand."""
    if words is None:
        words = content_words(text)
    # (a bigram is interned: the texts that share it hold one string, not one each)
    bigrams = [(intern(f"{a[0]}_{b[0]}"), a[1] and b[1], a[2] and b[2])
               for a, b in pairwise(words)]
    return (shared_words(frozenset(w[0] for w in words) | frozenset(b[0] for b in bigrams)),
            shared_words(frozenset(b[0] for b in bigrams if b[1])),
            shared_words(frozenset(b[0] for b in bigrams if b[1] and b[2])))


def document_frequency(token_sets: Sequence[Iterable[str]]) -> dict[str, int]:
    """Token sets -> in how many of them each token stands."""
    return Counter(chain.from_iterable(t if isinstance(t, (set, frozenset)) else set(t) for t in token_sets))


def idf_weights(token_sets: Sequence[Iterable[str]], df: dict[str, int] | None = None) -> dict[str, float]:
    """Token sets -> inverse document frequency of each token, log(1 + N / df).
    ``df``: ``document_frequency(token_sets)``, when already at hand."""
    if df is None:
        df = document_frequency(token_sets)
    n = max(len(token_sets), 1)
    return {token: math.log(1.0 + n / count) for token, count in df.items()}


NAME_WEIGHT = 0.5  # names recur whenever the same people are in the news; wording tells facts apart


#: A stem written with a capital in at least this share of its uses is a name (``name_stems``).
NAME_CAPITAL_SHARE = 0.8


def name_counts(word_lists: Iterable[list[tuple[str, bool, bool]]]) -> tuple[dict[str, int], dict[str, int]]:
    """``content_words`` of many texts -> how many uses each stem has, and how many of them are
    written with a capital (sums over the texts: ``name_stems`` reads nothing else of them)."""
    capital: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for words in word_lists:
        for stem_, plain, _quoted in words:
            total[stem_] += 1
            capital[stem_] += not plain
    return total, capital


def name_stems(word_lists: Iterable[list[tuple[str, bool, bool]]]) -> frozenset[str]:
    """``content_words`` of many texts -> stems written with a capital in at least 80% of
    their uses (names)."""
    total, capital = name_counts(word_lists)
    return names_among(total, total, capital)


def names_among(stems: Iterable[str], total: dict[str, int], capital: dict[str, int]) -> frozenset[str]:
    """Those of ``stems`` that ``name_counts``' ``total`` and ``capital`` make names: written with a
    capital in at least ``NAME_CAPITAL_SHARE`` of their uses, and not numbers."""
    return frozenset(s for s in stems if s in total and capital[s] >= NAME_CAPITAL_SHARE * total[s]
                     and not s.isdigit())


def name_discounted(idf: dict[str, float], names: frozenset[str]) -> dict[str, float]:
    """IDF weights with names (and bigrams of two names) scaled down by ``NAME_WEIGHT``."""
    is_name = names.__contains__
    out = dict(idf)  # (w * 1.0 is w: only the names' weights change, in place)
    for t in idf.keys() & names:
        out[t] = idf[t] * NAME_WEIGHT
    for t in idf:
        if "_" in t and all(map(is_name, t.split("_"))):
            out[t] = idf[t] * NAME_WEIGHT
    return out


def mass(tokens: Iterable[str], weights: dict[str, float]) -> float:
    """Sum of the tokens' weights (precompute it once per text for ``similarity``)."""
    return math.fsum(map(weights.get, tokens, repeat(0.0)))  # exact: set order cannot change it


def similarity(a: frozenset[str], b: frozenset[str], weights: dict[str, float],
               mass_a: float | None = None, mass_b: float | None = None) -> float:
    """Weighted Dice overlap of two token sets, in [0, 1]. Pass precomputed masses to save time."""
    if not a or not b:
        return 0.0
    shared = math.fsum(map(weights.get, a & b, repeat(0.0)))  # (weights.get(t, 0.0) of each, exact)
    total = (mass(a, weights) if mass_a is None else mass_a) + (mass(b, weights) if mass_b is None else mass_b)
    return 2.0 * shared / total if total else 0.0


def candidate_pairs(token_sets: Sequence[frozenset[str]], idf: dict[str, float],
                    keys_per_text: int = KEYS_PER_TEXT, min_shared: int = 1,
                    df: dict[str, int] | None = None) -> list[tuple[int, int]]:
    """Token sets -> index pairs (i < j) that share ``min_shared`` blocking keys; sorted.

    A text's keys are its ``keys_per_text`` rarest words and ``WORDING_KEYS_PER_TEXT``
    rarest two-word wordings among those some other text shares (a short sentence made of
    common words still has rare wordings); tokens held by more than ``MAX_POSTING`` texts
    are never keys, so the pair count grows linearly with the number of texts.
    """
    if df is None:
        df = document_frequency(token_sets)
    postings: dict[str, list[int]] = defaultdict(list)
    keys_of: list[list[str]] = []
    usable_df = {t: d for t, d in df.items() if 2 <= d <= MAX_POSTING}
    usable_tokens = usable_df.keys()
    for i, tokens in enumerate(token_sets):
        # (the intersection walks the smaller of the two: a text's few tokens)
        usable = sorted([(usable_df[t], t) for t in usable_tokens & tokens])  # rarest first, then by text
        words = [t for _d, t in usable if "_" not in t][:keys_per_text]
        wordings = [t for d, t in usable if d <= WORDING_MAX_POSTING and "_" in t][:WORDING_KEYS_PER_TEXT]
        keys = words + wordings
        keys_of.append(keys)
        for key in keys:
            postings[key].append(i)
    out: list[tuple[int, int]] = []
    for i, keys in enumerate(keys_of):  # each posting list is in index order: the later texts of i's keys
        later: list[int] = []
        for key in keys:
            ids = postings[key]
            if ids[-1] > i:
                later.extend(ids[bisect_right(ids, i):])
        if later:
            shared = Counter(later)  # j -> how many of i's keys j shares
            out.extend((i, j) for j in sorted(j for j, count in shared.items() if count >= min_shared))
    return out


class UnionFind:
    """Disjoint sets over 0..n-1; the smallest index represents each set."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """Index -> the representative of its set (with path halving)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of i and j; the smaller representative wins, for determinism."""
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        """All sets, each sorted, ordered by their smallest member."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [out[k] for k in sorted(out)]
