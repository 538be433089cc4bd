"""CleanArticle + sentences -> quotes, short quoted phrases and speakers, as components.

Rule-based and linear in the article's length. The components (``QUOTE_COMPONENTS``,
each a function of one ``ArticleContext``; see ``briefing.extract.context``):

1. ``quote_marks`` (``find_quote_marks``) pairs quotation marks paragraph by paragraph:
   curly and straight double quotes, '' (two apostrophes) as a double mark, the
   single-quote style (‘…’ and '…') told apart from apostrophes, nesting, and quotations
   that run over several paragraphs.
2. ``tokens`` tokenizes the text with every quotation blanked out; ``entity_book``
   (``speakers.learn_entities``) learns the article's people and organisations;
   ``mentions`` finds each sentence's subject.
3. ``attribution`` (``find_cues``) finds, for each top-level quotation, the phrase that
   says who spoke (the subject of the reporting verb that governs it, a "NAME:"
   transcript label, a signature after a dash, or a cue in the paragraph before) and
   classifies it (``classify``): a statement is a quote; a title, a label or a short
   embedded phrase is a phrase.
4. ``coreference`` (``resolve_speakers``) resolves those phrases in text order with
   salience: pronouns and role nouns to the right earlier person, or None.
5. ``quotes`` (``assemble_quotes``): parts of one statement share a ``statement`` id;
   ids come from the normalised text; output is in text order.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Citation, CleanArticle, Paragraph, Phrase, Quote, Sentence, Speaker
from ..sentences import make_citation, sentences_covering
from .context import ArticleContext, Component, ExtractPipeline, need
from .speakers import (
    DETERMINERS,
    POSSESSIVE_RE,
    SENTENCE_STARTERS,
    Mention,
    SpeakerBook,
    Token,
    TokenIndex,
    Who,
    find_verb_after,
    find_verb_before,
    fold,
    is_verb,
    learn_entities,
    name_like,
    np_after,
    resolve,
    sentence_subject,
    where_of,
)

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
# Characters that may stand right before an opening mark.
OPEN_BEFORE = " \t\n([{—–-/:;“‘\"'"
# Characters that may stand right after a closing mark.
CLOSE_AFTER = " \t\n)]},.;:!?—–-/”’\"'…"
FIRST_PERSON = frozenset("i me my mine we us our ours i'm i’m we're we’re i've i’ve we've we’ve i'll i’ll "
                         "we'll we’ll i'd i’d we'd we’d myself ourselves".split())
TITLE_CUES = frozenset("""
book books novel film films movie movies documentary album song single series show play article
essay report memoir poem titled entitled headlined called named episode podcast programme program
""".split())
WORD_RE = re.compile(r"[\w’'\-]+")
ID_WORD_RE = re.compile(r"\w+")
# A transcript line: a speaker's name in capitals and a colon ("PENCE: ...", "MS. RUIZ: ...").
TRANSCRIPT_RE = re.compile(r"((?:[A-Z][A-Z'’.\-]*[A-Z.]\s){0,3}[A-Z][A-Z'’\-]*[A-Z]):\s+(?=\S)")
# Two apostrophes stand for a double quotation mark (''…'', the New York Times archive style).
MARK_RE = re.compile("'{3}|''|[\"'“”„«»‘’‹›]")
# Minimum words for a lowercase partial quotation to count as a full statement.
LONG_PARTIAL = 8
FIRST_PERSON_PARTIAL = 6


@dataclass(frozen=True)
class Span:
    """A quoted stretch: text[start:end] is the quoted text, marks excluded."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when the quote runs on
    start: int
    end: int
    paragraph: int
    level: int  # 0 for top level, 1 for a quote inside a quote, ...
    runs_on: bool = False  # the quotation continues in the next paragraph
    continues: bool = False  # this part continues a quotation from the previous paragraph


def _is_opener(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPEN_BEFORE) and not after.isspace()


def _is_closer(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or after in CLOSE_AFTER or i + 1 >= end)


def _elision(text: str, i: int) -> bool:
    """'90s, 'em, 'n', 'til: an apostrophe at the start of a word."""
    rest = text[i + 1:i + 5]
    return bool(re.match(r"\d\ds|em\b|n['’]|til\b|cause\b|tis\b", rest))


def _scan_paragraph(text: str, start: int, end: int, index: int) -> tuple[list[Span], list[tuple[str, int]]]:
    """Pair the marks of one paragraph -> (closed spans, still-open marks as (kind, offset))."""
    stack: list[tuple[str, int]] = []
    spans: list[Span] = []
    found = []
    for m in MARK_RE.finditer(text, start, end):
        i, width = m.start(), m.end() - m.start()
        if width == 3:  # three apostrophes: a single mark and a double one ('x''' closing, '''x opening)
            closing = i > start and not text[i - 1].isspace()
            found += [(i, 1), (i + 1, 2)] if closing else [(i, 2), (i + 2, 1)]
        else:
            found.append((i, width))
    doubled = {i for i, width in found if width == 2}
    marks = [i for i, _ in found]
    singles = [i for i in marks if text[i] in "'’›" and i not in doubled and _is_closer(text, i, end)]
    last_single = singles[-1] if singles else -1

    at: dict[str, list[int]] = {'"': [], "'": []}  # stack depths of each kind of open mark

    def push(kind: str, i: int) -> None:
        at[kind].append(len(stack))
        stack.append((kind, i))

    def close(kind: str, i: int) -> bool:
        if not at[kind]:
            return False
        depth = at[kind][-1]
        opened = stack[depth][1]
        while len(stack) > depth:  # marks left open inside are dropped
            at[stack.pop()[0]].pop()
        spans.append(_span(text, opened, i, index, depth))
        return True

    for i in marks:
        ch = text[i]
        if i in doubled:  # '' works as a straight double mark two characters wide
            open_double = bool(at['"'])
            if open_double and _is_closer(text, i + 1, end):
                close('"', i)
            elif _is_opener(text, i, start) and _is_opener(text, i + 1, start):
                push('"', i)
            elif open_double:
                close('"', i)
        elif ch == "“" and at['"'] and text[stack[at['"'][-1]][1]] == "„":
            close('"', i)  # German style: „…“
        elif ch == "“" and at['"'] and _is_closer(text, i, end) and not _is_opener(text, i, start):
            close('"', i)  # “It's unusual,“ said Ana: an opening mark typed where a closing one belongs
        elif ch in DOUBLE_OPEN:
            push('"', i)
        elif ch in DOUBLE_CLOSE:
            close('"', i)
        elif ch == '"':
            open_double = bool(at['"'])
            if open_double and _is_closer(text, i, end):
                close('"', i)
            elif _is_opener(text, i, start):
                push('"', i)
            elif open_double:
                close('"', i)
        elif ch in SINGLE_OPEN:
            before = text[i - 1] if i > start else " "
            if not before.isalnum():
                push("'", i)
        elif ch in "'’›":
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if before.isalnum() and after.isalpha():
                continue  # Trump's, don’t
            open_single = bool(at["'"])
            if open_single and _is_closer(text, i, end):
                # "the students' union": a plural possessive when a later closer exists
                if before in "sS" and after.isspace() and i + 2 < end and text[i + 2].islower() and last_single > i:
                    continue
                close("'", i)
            elif ch == "'" and _is_opener(text, i, start) and not _elision(text, i):
                push("'", i)
    return _relevel(spans), stack


def _relevel(spans: list[Span]) -> list[Span]:
    """Nesting depth counted among closed quotations only: a stray unclosed mark earlier in
    the paragraph must not turn every later quotation into a quote inside a quote."""
    ordered = sorted(spans, key=lambda s: (s.open, -s.close))
    closes: list[int] = []
    out = []
    for span in ordered:
        while closes and closes[-1] < span.open:
            closes.pop()
        out.append(replace(span, level=len(closes)) if span.level != len(closes) else span)
        closes.append(span.close)
    return out


def _span(text: str, opened: int, closed: int, paragraph: int, level: int, runs_on: bool = False) -> Span:
    """Marks at ``opened`` and ``closed`` -> a Span; a two-apostrophe mark counts as one
    mark whose ``open`` is its first character and ``close`` its last."""
    s, e = opened + (2 if text.startswith("''", opened) else 1), closed
    if not runs_on and text.startswith("''", closed):
        closed += 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(opened, closed, s, e, paragraph, level, runs_on)


def find_marks(text: str, paragraphs: Sequence[Paragraph]) -> list[Span]:
    """Cleaned text + paragraphs -> every quoted span in text order (nested ones too)."""
    out: list[Span] = []
    carry = False  # the previous paragraph ended inside a quotation
    for index, para in enumerate(paragraphs):
        spans, still_open = _scan_paragraph(text, para.start, para.end, index)
        first = para.start
        while first < para.end and text[first].isspace():
            first += 1
        if carry:
            spans = [replace(s, continues=True) if s.open == first and s.level == 0 else s for s in spans]
        carry = False
        if still_open and index + 1 < len(paragraphs):
            nxt = paragraphs[index + 1]
            lead = text[nxt.start:nxt.start + 1]
            kind = still_open[0][0]
            double_lead = lead in DOUBLE_OPEN + '"' or text.startswith("''", nxt.start)
            if (kind == '"' and double_lead) or (kind == "'" and lead in SINGLE_OPEN + "'"):
                opened = still_open[0][1]
                runs = _span(text, opened, para.end, index, 0, runs_on=True)
                runs = replace(runs, continues=bool(out and out[-1].runs_on and out[-1].paragraph == index - 1))
                spans = [replace(s, level=s.level + 1) if s.open > opened else s for s in spans] + [runs]
                carry = True
        out.extend(sorted(spans, key=lambda s: (s.open, s.level)))
    return [s for s in out if s.end > s.start]


def _quote_id(prefix: str, text: str) -> str:
    """Id from content: folded words only, so marks, case and spacing do not matter
    (the same key ``link.quotes`` merges on, so an article's id survives linking)."""
    norm = " ".join(ID_WORD_RE.findall(fold(text)))
    return prefix + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:10]


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def _last_words(text: str, n: int) -> list[str]:
    """The last ``n`` words of ``text``, reading only its end (linear over many quotations)."""
    tail = text[-200:]
    words = _words(tail)
    if len(words) > n or len(tail) == len(text):
        return words[-n:]  # more than n words in the tail: the last n are whole
    return _words(text)[-n:]


def _first_letter(text: str) -> str:
    """The first letter of a quotation, skipping brackets, ellipses and digits' absence."""
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch.isalpha() and (depth == 0 or ch.isupper()):
            return ch
        elif ch.isdigit() and depth == 0:
            return ch
    return ""


def _title_case(words: list[str]) -> bool:
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"}
    big = [w for w in words if w.lower() not in small]
    return bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def classify(quoted: str, before: str, adjacent: bool, continuation: bool, proper_first: bool = False,
             headline: bool = False) -> str:
    """Quoted text and its context -> "quote" | "phrase" | "title" | "label".

    ``proper_first``: the first word is a proper noun (capitalised mid-sentence elsewhere),
    so a capital start inside a running sentence does not make it a statement.
    ``headline``: the quotation stands in a headline, where every word is capitalised.
    """
    words = _words(quoted)
    if not words:
        return "label"
    lead = [w.lower() for w in _last_words(before, 3)]
    first = _first_letter(quoted)
    ends_clause = quoted.rstrip()[-1:] in ",.!?…"
    if continuation:
        return "quote"
    tail = before.rstrip()[-1:]
    embedded = tail.isalnum() and not adjacent  # "called it “Ana's folly”": inside a running sentence
    if first.isupper() and embedded and proper_first:
        first = first.lower()
    if first.isupper() or first.isdigit():
        if any(w in TITLE_CUES for w in lead) and not adjacent and len(words) <= 10:
            return "title"
        if _title_case(words) and len(words) <= 8 and not adjacent and quoted.rstrip()[-1:] not in ".!?":
            return "title" if len(words) > 2 else "label"
        # “Face the Nation,” and “State of the Union.”: every big word capitalised is a
        # title even next to a reporting verb (a statement is hardly written so)
        if not headline and _title_case(words) and 2 <= len(words) <= 8 and sum(w[:1].isupper() for w in words) >= 2 \
                and not any(w.lower() in FIRST_PERSON for w in words[1:]):
            return "title"
        if len(words) >= 3 or adjacent:
            return "quote"
        return "label"
    first_person = any(w.lower() in FIRST_PERSON for w in words)
    if first_person and len(words) >= FIRST_PERSON_PARTIAL:
        return "quote"
    if len(words) >= LONG_PARTIAL:
        return "quote"
    if adjacent and ends_clause and len(words) >= 3 and quoted.rstrip()[-1:] == ",":
        return "quote"
    return "label" if len(words) <= 2 else "phrase"


@dataclass
class Found:
    """One top-level quotation as extraction sees it: its kind, speaker and place."""

    span: Span
    kind: str
    who: Who
    where: str


@dataclass
class Cue:
    """What the words around one top-level quotation say about its speaker.

    ``source``: "after" / "before" (a reporting verb with ``mention`` as its subject),
    "subject" (a reporting verb whose subject is the sentence's subject), "transcript" (a
    "NAME:" label opening the quotation), "previous" (``mention`` is in the paragraph
    before) or "none".
    """

    span: Span
    sentence: str  # id of the sentence the quotation opens in
    first_in_sentence: bool
    kind: str  # "quote" | "phrase" | "title" | "label"
    source: str
    mention: Mention | None
    adjacent: bool


NOT_SPACE_RE = re.compile(r"\S")


def _mask(text: str, spans: Sequence[Span]) -> str:
    """The text with the inside of every top-level quotation blanked out (offsets kept):
    each character but whitespace becomes "_"."""
    parts: list[str] = []
    pos = 0
    for s in sorted((s for s in spans if s.level == 0), key=lambda s: s.start):
        start = max(s.start, pos)
        if start >= s.end:
            continue
        parts += [text[pos:start], NOT_SPACE_RE.sub("_", text[start:s.end])]
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


# -- components (see ``briefing.extract.EXTRACT_PIPELINE`` for their order) ---------------

def find_quote_marks(ctx: ArticleContext) -> None:
    """Quote finding: text + paragraphs -> marks (every quoted span), masked text."""
    ctx.marks = find_marks(ctx.text, ctx.paragraphs)
    ctx.masked = _mask(ctx.text, [s for s in ctx.marks if s.level == 0])


def find_subjects(ctx: ArticleContext) -> None:
    """Mention finding: tokens + sentences -> subjects (each sentence's opening noun phrase)."""
    index = need(ctx.tokens, "tokens")
    ctx.subjects = {sent.id: sentence_subject(index.slice(sent.start, sent.end)) for sent in ctx.sentences}


CUE_REACH = 1500  # characters before a quotation read for its reporting verb and speaker


def find_cues(ctx: ArticleContext) -> None:
    """Speaker attribution: marks + tokens -> cues (the speaker phrase and kind of each quotation).

    The phrase is the subject of the reporting verb that governs the quotation: after it
    (", Ruiz said"), else before it ("Ruiz told reporters:"), else none.
    """
    text, sentences, paragraphs = ctx.text, ctx.sentences, ctx.paragraphs
    marks, masked = need(ctx.marks, "marks"), need(ctx.masked, "masked")
    index, proper = need(ctx.tokens, "tokens"), need(ctx.proper_nouns, "proper_nouns")
    cues: list[Cue] = []
    ctx.cues = cues
    if not sentences:
        return
    by_sentence: dict[str, list[Span]] = {}
    for s in marks:
        if s.level:
            continue
        first = sentences_covering(sentences, s.open, s.open + 1)
        if first:
            by_sentence.setdefault(first[0].id, []).append(s)
    position = {sent.id: n for n, sent in enumerate(sentences)}
    last_of_paragraph = {sent.paragraph: sent for sent in sentences}
    quoted_paragraphs: set[int] = set()  # paragraphs with a full quotation (not a phrase), so far
    prev: Cue | None = None
    for sent in sentences:
        para = paragraphs[sent.paragraph]
        here = by_sentence.get(sent.id, [])
        for k, s in enumerate(here):
            # a title or a phrase earlier in the sentence does not cut the speaker off
            # ("As Ana Ruiz, author of “Tides,” put it, “…”")
            lo = here[k - 1].close + 1 if k and prev is not None and prev.kind == "quote" \
                else max(sent.start, s.open - BEFORE_REACH)
            lo = max(lo, para.start)
            hi_sent = sentences_covering(sentences, max(s.close - 1, s.start), max(s.close, s.start + 1))
            hi = hi_sent[-1].end if hi_sent else sent.end
            if hi_sent and hi <= s.close + 1 and s.end > s.start and text[s.start:s.end].rstrip("’'\"”›»")[-1:] in "?!":
                # “Who signed it?” Ana demanded. -- the splitter ends the sentence at the mark
                nxt = position[hi_sent[-1].id] + 1
                if nxt < len(sentences) and sentences[nxt].paragraph == sent.paragraph:
                    hi = sentences[nxt].end
            if k + 1 < len(here):
                hi = min(hi, here[k + 1].open)
            hi = min(hi, para.end)
            before_toks = index.slice(max(lo, s.open - CUE_REACH), s.open)  # a speaker stands near: linear
            after_toks = index.slice(min(s.close + 1, hi), hi) if not s.runs_on else []
            quoted = text[s.start:s.end].rstrip()
            open_ended = quoted[-1:] in ",?!" or quoted.rstrip("’'\"”").rstrip()[-1:] in "?!"
            source, mention, adjacent = _cue(before_toks, after_toks, open_ended)
            if source == "none" and not s.continues and s.paragraph and not masked[para.start:s.open].strip():
                source, mention, adjacent = _cue_before_paragraph(
                    index, masked, paragraphs, last_of_paragraph, s, quoted_paragraphs)
            label = TRANSCRIPT_RE.match(text, s.start, s.end)
            if label:  # "PENCE: Well, look, ..." -- a transcript line is its speaker's
                mention = Mention([Token(m.group(0).capitalize(), m.start(), m.end())
                                   for m in ID_WORD_RE.finditer(text, s.start, label.end(1))])
                source, adjacent = "transcript", True
                s = replace(s, start=label.end())
            continuation = s.continues or _interrupted(text, prev.span if prev else None, s, masked)
            quoted = text[s.start:s.end]
            lead = _words(quoted)[:1]
            kind = classify(quoted, text[lo:s.open], adjacent or _adjacent_after(after_toks),
                            continuation and prev is not None and prev.kind == "quote",
                            bool(lead) and fold(POSSESSIVE_RE.sub("", lead[0]).rstrip(".")) in proper,
                            headline=where_of(para.kind) == "headline")
            if source == "none" and kind == "quote" and any(t.is_word for t in before_toks) \
                    and not text[s.start:s.start + 1].isupper():
                # a long partial quotation inside a running sentence with no reporting verb
                # ("Ruiz called the plan “a waste of time, money and everyone's patience”"):
                # the sentence's subject
                source = "subject"
            prev = Cue(s, sent.id, k == 0, kind, source, mention, adjacent)
            cues.append(prev)
            if kind == "quote":
                quoted_paragraphs.add(s.paragraph)


def _cue_before_paragraph(index: TokenIndex, masked: str, paragraphs: Sequence[Paragraph],
                          last_of_paragraph: dict[int, Sentence], s: Span, quoted_paragraphs: set[int]
                          ) -> tuple[str, Mention | None, bool]:
    """A quotation opening its paragraph with no cue of its own -> a cue in the paragraph before.

    "Ana Ruiz said:" (or "The Daily Planet reports:") then the quotation: the subject of that
    verb. A paragraph that is only a quotation, after a paragraph without one: the person
    that paragraph ends on as a subject ("Ruiz, 62, has farmed here since 1990." / “…”).
    """
    prev_para = paragraphs[s.paragraph - 1]
    last = last_of_paragraph.get(s.paragraph - 1)
    colon = masked[prev_para.start:prev_para.end].rstrip().endswith(":")
    # a short "X reports:" line may pass for a heading; it still introduces what follows
    if last is None or (where_of(prev_para.kind) != "body" and not (colon and prev_para.kind == "heading")):
        return "none", None, False
    toks = index.slice(last.start, last.end)
    if colon:
        back = find_verb_before(toks[:-1] if toks and toks[-1].text == ":" else toks)
        if back:
            mention = back[0] if back[0].tokens else sentence_subject(toks)
            return ("previous", mention, True) if mention.tokens else ("none", None, False)
    para = paragraphs[s.paragraph]
    if s.paragraph - 1 in quoted_paragraphs or _has_words(masked, para.start, para.end):
        return "none", None, False
    subject = sentence_subject(toks)
    head = [t for t in subject.tokens if t.is_word][-1:]
    if head and (head[0].is_cap or head[0].bare in ("he", "she")) and head[0].bare not in SENTENCE_STARTERS:
        return "previous", subject, False
    return "none", None, False


def _cue(before: list[Token], after: list[Token], open_ended: bool = False) -> tuple[str, Mention | None, bool]:
    """Tokens around one quotation -> (source, speaker phrase, is the attribution adjacent?).

    ``open_ended``: the quotation ends on a comma, "?" or "!", so a name and a verb in -ed
    right after it attribute it whatever the verb ("…?” Ruiz pressed.").
    """
    hit = find_verb_after(after)
    if hit and any(t.is_word for t in hit[0].tokens):
        words = [t for t in before if t.is_word]
        verb = hit[1]
        colon = verb + 1 < len(after) and after[verb + 1].text == ":"  # "…,” Bo Lind said: “…”
        has_object = verb + 1 < len(after) and after[verb + 1].is_word  # "…, the club charged a fee"
        if (colon and words) or (words and words[-1].bare in NAMING_CUES and hit[0].tokens[0].bare in ("a", "an", "the")
                                 and is_verb(words, len(words) - 1) and has_object):
            back = find_verb_before(before)  # "what Mr. Lind called “…,” the club, …, charged":
            if back and back[0].tokens:      # the verb right before the quotation governs it
                return "before", back[0], back[2]
        return "after", hit[0], True
    named = _name_then_past_verb(after) if open_ended else None
    if named is not None:
        return "after", named, True
    back = find_verb_before(before)
    if back:
        mention, _, adjacent = back
        bare = all(t.bare in DETERMINERS for t in mention.tokens)  # (none, or a relative "that")
        if bare and after and after[0].bare == "by" and before[back[1]].bare.endswith("ed") \
                and back[1] == len(before) - 1:  # (not "reported in a “…” by": the quote is no content)
            agent = np_after(after, 1)  # "was labeled “top secret” by the State Department"
            if agent.tokens and (agent.tokens[-1].is_cap or agent.tokens[0].bare in DETERMINERS):
                return "after", agent, False
        if not mention.tokens:
            return "subject", None, adjacent
        return "before", mention, adjacent
    return "none", None, False


# How far back (in characters) a quotation's cue may be looked for across earlier phrases
# of its sentence: bounded, so a run of unbalanced marks stays linear.
BEFORE_REACH = 300
# Verbs that name what they quote when they stand right before it: "what Ana called “…”".
NAMING_CUES = frozenset("called calls call dubbed dubs termed terms labeled labelled said says described".split())


def _only_a_participle(toks: list[Token]) -> bool:
    """A sentence that is only a quotation, or a reporting participle and the quotation
    ("Adding, “…”"): its words are the previous sentence's speaker's."""
    words = [t for t in toks if t.is_word and t.text.strip("_")]
    return not words or (len(words) == 1 and words[0].is_cap and words[0].bare.endswith("ing")
                         and is_verb(words, 0))


def _name_then_past_verb(after: list[Token]) -> Mention | None:
    """“…?” Ana Ruiz pressed. / “…,” Mr. Lind fumed on Tuesday.: a capitalised name of one to
    four words, then a verb in -ed that ends the clause (or takes a time or place after it)."""
    n = 0
    while n < len(after) and after[n].text in ",—–":
        n += 1
    if n < len(after) and after[n].is_word and not after[n].is_cap and after[n].bare.endswith("ed") \
            and len(after[n].bare) > 4:
        # “…,” remembered Ana Ruiz, a former aide.: the verb first, then the name to a comma or the end
        k = n + 1
        while k < len(after) and k - n <= 4 and ((after[k].is_cap and after[k].is_word)
                                                 or (after[k].text == "." and len(after[k - 1].text) <= 3)):
            k += 1
        name = [t for t in after[n + 1:k] if t.is_word]
        if 2 <= len(name) <= 4 and name[0].bare not in SENTENCE_STARTERS \
                and (k >= len(after) or after[k].text in ",."):
            return Mention(name)
        return None
    name: list[Token] = []
    while n < len(after) and len(name) < 5 and ((after[n].is_cap and after[n].is_word) or
                                                 (after[n].text == "." and name and len(name[-1].text) <= 3)):
        if after[n].is_word:
            name.append(after[n])
        n += 1
    if not name or len(name) > 4 or name[0].bare in SENTENCE_STARTERS or n >= len(after):
        return None
    verb = after[n]
    if not (verb.is_word and not verb.is_cap and verb.bare.endswith("ed") and len(verb.bare) > 4):
        return None
    nxt = after[n + 1] if n + 1 < len(after) else None
    if nxt is not None and nxt.is_word and nxt.bare not in END_OF_CLAUSE_WORDS:
        return None  # "“…,” Ana Ruiz reported earnings …": a verb with an object is no attribution
    return Mention(name)


# Words that may follow an attributing verb in -ed: "… Ruiz fumed on Tuesday", "… Ruiz pressed again".
END_OF_CLAUSE_WORDS = frozenset("on in at during after before as while with again then later earlier "
                                "today yesterday tonight back".split())


def resolve_speakers(ctx: ArticleContext) -> None:
    """Pronoun/role resolution: subjects + cues + book -> attributions (each quotation's speaker).

    Walks the sentences in order keeping the people most recently subjects or speakers
    (salience): pronouns take the most recent one whose gender agrees, roles go through
    the book; a quotation with no cue continues the previous one's speaker.
    """
    paragraphs = ctx.paragraphs
    book, masked = need(ctx.book, "book"), need(ctx.masked, "masked")
    index, subjects, cues = need(ctx.tokens, "tokens"), need(ctx.subjects, "subjects"), need(ctx.cues, "cues")
    found: list[Found] = []
    ctx.attributions = found
    referents: dict[str, tuple[Who, tuple[str, ...]]] = {}
    ctx.referents = referents
    by_sentence: dict[str, list[Cue]] = {}
    for cue in cues:
        by_sentence.setdefault(cue.sentence, []).append(cue)
    recent: list[str] = []  # people as subjects or speakers, most recent first
    last_org: str | None = None
    # the person the previous sentence had report something ("Ana Ruiz announced the suit."),
    # with its paragraph: a quotation standing alone as the next sentence is theirs
    introduced: tuple[int, str] | None = None
    for sent in ctx.sentences:
        para = paragraphs[sent.paragraph]
        subj_mention = subjects[sent.id]
        subj = resolve(book, subj_mention, recent, last_org) if subj_mention.tokens else Who(None, None)
        referents[sent.id] = (subj, tuple(recent))
        subject_person = subj.person
        # inside its own sentence, a named subject is the referent of "he" even when the
        # article never shows it is a person ("Lee said ..., which he called ...")
        near = subject_person or (subj.name if name_like(subj) else None)
        spoke: str | None = None
        for cue in by_sentence.get(sent.id, ()):
            s = cue.span
            if cue.mention is not None:
                who = _resolve_here(book, cue.mention, subj_mention, near, recent, last_org)
                if cue.source == "previous" and not cue.adjacent and not book.is_person(who.person):
                    who = Who(None, None)  # only a person the article knows is introduced so
            elif cue.source == "subject":
                who = subj
            else:
                who = Who(None, None)
            prev = found[-1] if found else None
            if prev is not None and prev.kind != "quote" and prev.who.name is None and not cue.first_in_sentence:
                pass  # a list of labels keeps its own (empty) speaker
            elif prev is not None and prev.kind != "quote" and cue.kind == "quote":
                # “…,” Ana said on “This Week.” “…”: a title or phrase between two parts of
                # one speaker's words does not break the run
                prev = next((f for f in reversed(found) if f.kind == "quote"), prev)
            if who.name is None and (who.mention is None or cue.source == "subject") \
                    and cue.source in ("none", "subject") and cue.kind == "quote" \
                    and cue.first_in_sentence and introduced is not None and introduced[0] == sent.paragraph \
                    and _only_a_participle(index.slice(sent.start, min(sent.end, sent.start + BEFORE_REACH))):
                who = Who(introduced[1], None, introduced[1])
            if who.name is None and who.mention is None and prev is not None:
                same_para = prev.span.paragraph == s.paragraph
                same_sentence = not cue.first_in_sentence  # “cruel” and “unfair”: one speaker for the list
                quote_only = not _has_words(masked, para.start, para.end)
                if same_sentence or (prev.kind == "quote" and (
                        same_para or s.continues or (quote_only and prev.span.paragraph == s.paragraph - 1))):
                    who = Who(prev.who.name, prev.who.mention, prev.who.person)
            if cue.kind == "title":
                who = Who(None, None)  # a book's or a show's title is nobody's words
            found.append(Found(s, cue.kind, who, where_of(para.kind)))
            if who.person and book.is_person(who.person):
                spoke = who.person
        toks = index.slice(sent.start, sent.end)
        introduced = None
        if subject_person and book.is_person(subject_person) and not by_sentence.get(sent.id) \
                and any(is_verb(toks, n) for n in range(len(toks))):
            introduced = (sent.paragraph, subject_person)
        elif found and by_sentence.get(sent.id) and by_sentence[sent.id][-1].source in ("after", "before"):
            last = found[-1].who  # "Yet he is a “change agent,” Ana Ruiz said. “…”"
            if last.name and (book.is_person(last.name) or name_like(last)) and last.person in (None, last.name):
                introduced = (sent.paragraph, last.name)
        if subject_person:
            _learn_gender(book, toks, subj_mention, subject_person)
        for person in (subject_person, spoke):
            if person:
                recent[:] = [person, *[p for p in recent if p != person][:3]]
        if not subject_person and subj.name and not book.is_person(subj.name) \
                and subj.mention and subj.mention.split()[-1][:1].isupper():
            last_org = subj.name


def assemble_quotes(ctx: ArticleContext) -> None:
    """Quote output: attributions + marks + book -> quotes, phrases, speakers."""
    if not ctx.sentences:
        ctx.quotes, ctx.phrases, ctx.speakers = (), (), ()
        return
    # A quote inside a quote is kept as a phrase; deeper levels are not (real text hardly
    # has them, and each would repeat its parents' text: k levels would cost O(k * length)).
    nested = [s for s in need(ctx.marks, "marks") if s.level == 1]
    ctx.quotes, ctx.phrases, ctx.speakers = _assemble(
        ctx.article, ctx.sentences, need(ctx.book, "book"), need(ctx.attributions, "attributions"),
        nested, need(ctx.masked, "masked"))


def tokenize_article(ctx: ArticleContext) -> None:
    """Masked text -> tokens, proper_nouns (words capitalised after a lowercase word)."""
    ctx.tokens = TokenIndex(need(ctx.masked, "masked"))
    ctx.proper_nouns = _proper_nouns(ctx.tokens)


def _proper_nouns(index: TokenIndex) -> set[str]:
    """Folded words written with a capital after a lowercase word: names, not sentence starts."""
    out: set[str] = set()
    toks = index.tokens
    for i in range(1, len(toks)):
        if toks[i].is_cap and toks[i - 1].is_word and not toks[i - 1].is_cap and toks[i].text != "I":
            out.add(fold(toks[i].bare))
    return out


def _has_words(masked: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in masked[start:end])


def _adjacent_after(after: list[Token]) -> bool:
    return bool(find_verb_after(after))


def _interrupted(text: str, prev: Span | None, s: Span, masked: str) -> bool:
    """“…,” he said, “…”: the text between two quotations is an attribution ending in a comma."""
    if prev is None or prev.paragraph != s.paragraph or prev.runs_on:
        return False
    between = masked[prev.close + 1:s.open].strip()
    quoted_before = text[prev.start:prev.end].rstrip()
    return bool(between) and between.endswith(",") and quoted_before.endswith(",") and len(between) < 80


def _resolve_here(book: SpeakerBook, mention, subj_mention, subject_person: str | None,
                  recent: list[str], last_org: str | None) -> Who:
    """Resolve a mention; a pronoun that is not the subject itself refers to the subject."""
    is_subject = bool(subj_mention.tokens) and mention.start == subj_mention.start
    antecedents = recent if is_subject or not subject_person else [subject_person, *recent]
    return resolve(book, mention, antecedents, last_org)


# Only subject pronouns teach gender: "her deputy" often means someone else.
GENDER_PRONOUNS = {"he": "he", "himself": "he", "she": "she", "herself": "she"}


def _learn_gender(book: SpeakerBook, toks: list[Token], subj_mention, person: str) -> None:
    """"Ana Ruiz said she would stay": the first "he"/"she" after a person subject, before any
    other capitalised name, tells that person's gender."""
    if book.gender_of(person) or not subj_mention.tokens:
        return
    end = subj_mention.tokens[-1].end
    for tok in toks:
        if tok.start < end:
            continue
        if tok.is_cap and tok.is_word and tok.text not in ("I",) and tok.bare not in GENDER_PRONOUNS:
            return
        gender = GENDER_PRONOUNS.get(tok.text.lower())
        if gender:
            book.gender[person] = gender
            return


def _assemble(article: CleanArticle, sentences: tuple[Sentence, ...], book: SpeakerBook,
              found: list[Found], nested: list[Span], masked: str
              ) -> tuple[tuple[Quote, ...], tuple[Phrase, ...], tuple[Speaker, ...]]:
    text = article.text
    source_id = article.source_id
    quotes: dict[str, Quote] = {}
    phrases: dict[str, Phrase] = {}
    statement_of: dict[int, str] = {}
    # parts of one statement: interrupted (“…,” he said, “…”) or running over paragraphs
    groups: list[list[int]] = []
    for n, f in enumerate(found):
        if f.kind != "quote":
            continue
        prev = found[n - 1] if n else None
        joined = prev is not None and prev.kind == "quote" and (
            f.span.continues or _interrupted(text, prev.span, f.span, masked))
        if joined and groups and groups[-1][-1] == n - 1:
            groups[-1].append(n)
        else:
            groups.append([n])
    for group in groups:
        if len(group) > 1:
            sid = _quote_id("st-", " ".join(text[found[n].span.start:found[n].span.end] for n in group))
            for n in group:
                statement_of[n] = sid
    used: set[str] = set()
    cite = functools.partial(make_citation, source_id, text, sentences)  # O(log n) a citation
    quote_cites: dict[str, dict[tuple[int, int], Citation]] = {}
    phrase_cites: dict[str, dict[tuple[int, int], Citation]] = {}
    for n, f in enumerate(found):
        s = f.span
        quoted = text[s.start:s.end]
        if not any(ch.isalnum() for ch in quoted):
            continue  # “…” or “—”: nothing was quoted
        name = f.who.name
        if name:
            used.add(name)
            if f.who.mention:
                book.note(name, f.who.mention)
        if f.kind == "quote":
            qid = _quote_id("q-", quoted)
            if qid not in quotes:
                quotes[qid] = Quote(id=qid, text=quoted, speaker=name, citations=(), mention=f.who.mention,
                                    where=f.where, statement=statement_of.get(n), date=article.meta.date)
            elif name and not quotes[qid].speaker:
                quotes[qid] = replace(quotes[qid], speaker=name, mention=f.who.mention)
            quote_cites.setdefault(qid, {}).setdefault((s.start, s.end), cite(s.start, s.end))
        else:
            pid = _quote_id("p-", f"{f.kind} {quoted}")
            if pid not in phrases:
                phrases[pid] = Phrase(id=pid, text=quoted, speaker=name, citations=(), kind=f.kind)
            elif name and not phrases[pid].speaker:
                phrases[pid] = replace(phrases[pid], speaker=name)
            phrase_cites.setdefault(pid, {}).setdefault((s.start, s.end), cite(s.start, s.end))
    for s in nested:
        quoted = text[s.start:s.end]
        if not _words(quoted):
            continue
        pid = _quote_id("p-", f"phrase {quoted}")
        if pid not in phrases:
            phrases[pid] = Phrase(id=pid, text=quoted, speaker=None, citations=(), kind="phrase")
        phrase_cites.setdefault(pid, {}).setdefault((s.start, s.end), cite(s.start, s.end))
    quotes = {k: replace(q, citations=tuple(quote_cites[k].values())) for k, q in quotes.items()}
    phrases = {k: replace(p, citations=tuple(phrase_cites[k].values())) for k, p in phrases.items()}
    speakers = []
    roles_of: dict[str, set[str]] = {}
    for name, written in book.role_text.items():
        roles_of.setdefault(book.canonical(name), set()).update(written)
    # people the article gives a role are kept too: other articles may name them by it
    for name in sorted(set(used) | set(roles_of)):
        aliases = sorted(book.aliases.get(name, set()) - {name})
        roles = sorted(roles_of.get(name, set()))
        speakers.append(Speaker(id=_quote_id("sp-", name), name=name, aliases=tuple(aliases), roles=tuple(roles)))
    order = sorted(quotes.values(), key=lambda q: (q.citations[0].start, q.id))
    porder = sorted(phrases.values(), key=lambda p: (p.citations[0].start, p.id))
    return tuple(order), tuple(porder), tuple(speakers)


QUOTE_COMPONENTS = (
    Component("quote_marks", find_quote_marks, requires=("text", "paragraphs"), assigns=("marks", "masked")),
    Component("tokens", tokenize_article, requires=("masked",), assigns=("tokens", "proper_nouns")),
    Component("entity_book", learn_entities, requires=("tokens", "paragraphs"), assigns=("book",)),
    Component("mentions", find_subjects, requires=("tokens", "sentences"), assigns=("subjects",)),
    Component("attribution", find_cues, requires=("marks", "masked", "tokens", "proper_nouns", "sentences"),
              assigns=("cues",)),
    Component("coreference", resolve_speakers, requires=("book", "subjects", "cues", "tokens", "masked"),
              assigns=("attributions", "referents")),
    Component("quotes", assemble_quotes, requires=("attributions", "marks", "book", "masked"),
              assigns=("quotes", "phrases", "speakers")),
)
QUOTE_PIPELINE = ExtractPipeline(QUOTE_COMPONENTS)


def extract_quotes(article: CleanArticle, sentences: Sequence[Sentence]
                   ) -> tuple[tuple[Quote, ...], tuple[Phrase, ...], tuple[Speaker, ...]]:
    """CleanArticle -> (quotes, phrases, speakers). Needs sentences; speaker None when unsaid.

    The quote components alone (``QUOTE_PIPELINE``), for tests and benchmarks.
    """
    ctx = QUOTE_PIPELINE.run(ArticleContext.of(article, sentences))
    return need(ctx.quotes, "quotes"), need(ctx.phrases, "phrases"), need(ctx.speakers, "speakers")
