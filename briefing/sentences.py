"""CleanArticle -> list[Sentence]: sentence spans inside each kept paragraph.

Needs: CleanArticle.paragraphs. Adds: Sentence(id, start, end, paragraph).
Rule-based and linear: a boundary is . ? or ! (with any closing quote or bracket)
followed by space and a capital, digit or opening quote, unless the word before is an
abbreviation ("U.S.", "Nov.", "Mr.") or an initial, or the boundary lies inside a
double-quoted stretch that closes within the paragraph (quotes spanning sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Citation, CleanArticle, Sentence, Source

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr adm gov sen rep rev hon pres
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vs v etc al inc ltd corp co dept univ est approx fig vol pp ft mt
""".split())
#: The dot of an abbreviation or an initial inside a sentence ("Mr.", "U.S.", "Wyo."): a capital
#: and at most four small letters before it, matched case-sensitively even in a pattern that
#: ignores case. For patterns that must stay inside one clause of one sentence.
ABBREVIATION_DOT = (r"(?-i:(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{2})|(?<=\b[A-Z][a-z]{3})"
                    r"|(?<=\b[A-Z][a-z]{4}))\.)")


def in_clause(stops: str = ".;:") -> str:
    """A pattern for one character that stays in the clause: anything but ``stops``, or an
    abbreviation's dot."""
    return r"(?:[^" + re.escape(stops) + r"]|" + ABBREVIATION_DOT + ")"


# Dotted abbreviations: U.S., U.K., a.m., p.m., e.g., i.e.
DOTTED_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}\Z")
# Possessive, and only from the first mark of a run: linear on long runs of "!?..." too.
# A sentence may open with '' (two apostrophes: a double quotation mark in some archives).
BOUNDARY_RE = re.compile(r"(?<![.?!…])[.?!…]++[\"'”’)\]]*+(?=\s++(?:''|[\"'“‘(\[])?[A-Z0-9])")
OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"
QUOTE_MARK_RE = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES + '"') + "]")


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Closed double-quoted stretches in text[start:end], as (open, close) offsets."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    for m in QUOTE_MARK_RE.finditer(text, start, end):  # only the marks, not every character
        i, ch = m.start(), m.group(0)
        if ch in OPEN_QUOTES:
            opened = i
        elif ch in CLOSE_QUOTES and opened is not None:
            regions.append((opened, i))
            opened = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                regions.append((straight, i))
                straight = None
    return regions


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` the end of an abbreviation or an initial?"""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "\"'“‘([":
        word_start -= 1
    word = text[word_start:dot + 1]
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    if DOTTED_RE.search(word, max(0, len(word) - 8)):  # the tail decides; linear on long words
        # "U.S." may end a sentence too; treat it as a boundary only before a clear opener.
        following = text[dot + 1:dot + 40].lstrip()
        return not re.match(r"(?:The|A|An|In|On|He|She|It|They|We|I|But|And|This|That)\b", following)
    return len(bare) == 1 and bare.isalpha() and word[0].isupper()


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of surrounding white space."""
    regions = _quoted_regions(text, start, end)
    starts = [r[0] for r in regions]
    cuts: list[int] = []
    for match in BOUNDARY_RE.finditer(text, start, end):
        stop = match.end()
        last_mark = match.start() + len(match.group(0).rstrip("\"'”’)]")) - 1
        if _is_abbreviation(text, last_mark) and text[last_mark] == "." and match.group(0) == ".":
            continue
        i = bisect_right(starts, last_mark) - 1
        if i >= 0 and regions[i][0] < last_mark < regions[i][1] and stop <= regions[i][1]:
            continue  # inside a quotation that closes later in this paragraph
        cuts.append(stop)
    spans: list[tuple[int, int]] = []
    pos = start
    for cut in [*cuts, end]:
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = cut
    return spans


def split_sentences(article: CleanArticle) -> list[Sentence]:
    """CleanArticle -> sentences in text order, ids s1, s2, ..."""
    out: list[Sentence] = []
    for index, para in enumerate(article.paragraphs):
        for s, e in split_paragraph(article.text, para.start, para.end):
            out.append(Sentence(id=f"s{len(out) + 1}", start=s, end=e, paragraph=index))
    return out


def sentences_covering(sentences: list[Sentence] | tuple[Sentence, ...], start: int,
                       end: int) -> list[Sentence]:
    """The sentences that a span [start, end) touches ("expand" mode), in order."""
    first = max(bisect_right(sentences, start, key=lambda s: s.start) - 1, 0)  # O(log n), no state
    out = []
    for i in range(first, len(sentences)):  # no slice: each call costs the span, not the article
        sent = sentences[i]
        if sent.start >= end:
            break
        if sent.end > start:
            out.append(sent)
    return out


def make_citation(source_id: str, text: str, sentences: list[Sentence] | tuple[Sentence, ...],
                  start: int, end: int) -> Citation:
    """A Citation of text[start:end]: the span itself plus the sentence(s) it stands in."""
    covering = sentences_covering(sentences, start, end)
    if not covering:
        raise ValueError(f"{source_id}: span {start}-{end} is in no sentence")
    return Citation(source=source_id, sentence=covering[0].id, start=start, end=end,
                    text=text[covering[0].start:covering[-1].end])


def lede_title(first_sentence: str, words: int = 12) -> str:
    """An article without a headline is titled by its lede's first words: 'A B C …'."""
    parts = first_sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def title_from_lede(source: Source) -> bool:
    """Is the source's title made from its lede (it had no headline), not a headline or metadata?"""
    if not source.title or not source.sentences:
        return False
    first = source.sentences[0]
    paragraphs = source.paragraphs
    if 0 <= first.paragraph < len(paragraphs) and paragraphs[first.paragraph].kind != "body":
        return False  # the first sentence is the headline itself
    return source.title == lede_title(source.text[first.start:first.end])
