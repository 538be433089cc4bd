"""CleanArticle + sentences -> claims: each fact-bearing sentence with a status and source.

Statuses, strongest first (the first that fits wins):

- ``unconfirmed``: a negated confirmation ("has not confirmed", "could not be verified");
- ``denied``: denial cues ("denied", "pushed back", "rejected", "made up");
- ``confirmed``: "confirmed", "verified";
- ``hedged``: "reportedly", "allegedly", "claimed that", "is said to";
- ``attributed``: reporting cues ("according to", "X reported", "citing", "said");
- ``stated``: told by the outlet in its own voice.

``attributed_to`` is the noun phrase the text gives as the claim's source: the object of
"according to"/"citing", else the subject in front of the cue verb ("The Trump campaign
denied", "..., the book alleged"). Pronouns are left out (None): naming them is the
speaker resolver's job. Only general English cue words; every pattern is linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..fastre import guard
from ..model import Claim, CleanArticle, Sentence
from ..sentences import make_citation
from .attribution import SPEECH_VERBS, TIME_WORDS, FullNames, find_source, name_source
from .spans import quoted_spans
from .speakers import (
    TITLE_ABBREVIATED,
    TITLE_WORDS,
    SpeakerBook,
    Token,
    TokenIndex,
    fold,
    name_like,
    resolve,
    sentence_subject,
)

_NEG = r"(?:not|n't|never|no|neither|nor|yet to|without|unable to|cannot|could not|did not)"

UNCONFIRMED_RE = re.compile(
    r"\b(?:unconfirmed|unverified|not\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)|"
    r"(?:neither|nor|never|not|yet to|unable to|cannot|could not)\b(?:\s+\w+){0,6}?\s+"
    r"(?:confirm(?:ed|s)?|verif(?:y|ied)|corroborat\w*)\b|"
    r"declined to (?:comment|confirm)|did not (?:immediately )?respond)"
    r"|n't(?:\s+\w+){0,6}?\s+(?:confirm(?:ed|s)?|verif(?:y|ied)|corroborat\w*)\b",
    re.IGNORECASE)
DENIED_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|denial|rejected|rejects|rejecting|refuted|refutes|rebuffed|"
    r"dismissed|dismisses|pushed back|push(?:es|ing)? back|made[- ]up|fabricated|fabrication|"
    r"untrue|not true|baseless|unfounded|false(?:ly)?|hoax|fake)\b",
    re.IGNORECASE)
NO_REPLY_RE = re.compile(r"(?:declined|did not)\b", re.IGNORECASE)
NEGATED_DENIAL_RE = re.compile(rf"\b{_NEG}\s+(?:\w+\s+){{0,2}}den(?:y|ied|ies)\b", re.IGNORECASE)
CONFIRMED_RE = re.compile(r"\b(?:confirm(?:ed|s|ing)?|verified|corroborated)\b", re.IGNORECASE)
HEDGED_RE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|alleges|allege|allegation|allegations|purportedly|"
    r"supposedly|rumou?red|accused|accuses|accusing|"
    r"claim(?:s|ed|ing)?(?!\s+(?:(?:a|the)\s+)?(?:victory|win|prize|crown|title|seat|nomination|mantle|lead|spot|"
    r"responsibility|credit|lives|ownership|asylum|momentum)\b)|"
    r"(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to)\b",
    re.IGNORECASE)
ATTRIBUTED_RE = re.compile(
    r"\b(?:according\s+to|citing|cited|reported|reports\s+that|sources?\s+(?:close|familiar)|"
    r"detailed|revealed|wrote|writes|said|says|told|stated|added|announced|noted|quoted)\b",
    re.IGNORECASE)
# Same matches, several times faster: a look-ahead on the cue words' first letters (briefing.fastre).
UNCONFIRMED_RE, DENIED_RE, NEGATED_DENIAL_RE, CONFIRMED_RE, HEDGED_RE, ATTRIBUTED_RE = map(
    guard, (UNCONFIRMED_RE, DENIED_RE, NEGATED_DENIAL_RE, CONFIRMED_RE, HEDGED_RE, ATTRIBUTED_RE))

ACCORDING_RE = re.compile(r"\b(?:according\s+to|citing)\s+", re.IGNORECASE)

#: Cues that name a report (a newspaper, a book, sources) rather than a speaker's words.
REPORT_CUES = frozenset({"according to", "citing", "cited", "reported", "reports that", "sources close",
                         "sources familiar", "source close", "source familiar", "detailed",
                         "revealed", "wrote", "writes"})

PRONOUNS = frozenset("he she they it we i you this that who which the two both others some many most "
                     "several all one".split())
BE_FORMS = frozenset("is are was were be been being".split())
LEADING = frozenset("but and yet so however meanwhile still also then while though although "
                    "as since because when".split())
TRAILING = frozenset("has have had was were is are did does do not never also officially "
                     "previously earlier repeatedly reportedly publicly yet already still been be "
                     "would could will may might just later then quickly swiftly strongly flatly "
                     "firmly immediately again now once".split())
BOUNDARY_CHARS = ",;:—–“”\"[]"
SUBJECT_WORDS = 9
SCAN_CHARS = 120  # a source's name stands near its cue word; never scan further
INVERTED_VERBS = ("said", "says", "added", "wrote", "stated", "noted")  # ", said the minister."


def _clean_phrase(words: list[str]) -> str | None:
    """Trim conjunctions in front and auxiliaries/adverbs behind; None for pronouns."""
    while words and words[0].lower().strip(".,") in LEADING:
        words = words[1:]
    while words and (words[-1].lower() in TRAILING or words[-1].lower().endswith("ly")):
        words = words[:-1]
    if not words or len(words) > SUBJECT_WORDS:
        return None
    phrase = " ".join(words).strip(" '’()")
    if phrase.lower() in PRONOUNS or not any(c.isalpha() for c in phrase):
        return None
    return phrase


AUXILIARIES = frozenset("has have had was were is are did does will would could should can may might must".split())


def subject_before(text: str, start: int, floor: int, depth: int = 0) -> str | None:
    """The noun phrase just before text[start] (back to a clause boundary), or None.

    A parenthetical between commas is passed over to the noun before it ("Harbour Press,
    which declined to comment, …"; "Ana Ruiz, who chairs the board, declined …"), and the
    phrase ends before its first auxiliary ("the department had spent months pushing back").
    """
    i = start
    floor = max(floor, start - SCAN_CHARS)
    while i > floor and text[i - 1] not in BOUNDARY_CHARS:
        i -= 1
    chunk = text[i:start]
    bare = not chunk.strip() or all(w.lower() in AUXILIARIES | TRAILING for w in chunk.split())
    if bare and depth < 3 and i - 1 > floor and text[i - 1] == ",":
        return subject_before(text, i - 1, floor, depth + 1)  # "…, who chairs the board, declined"
    that = list(re.finditer(r"\b(?:that|who|which|if|whether)\b", chunk))
    if that:
        if that[-1].group(0).lower() in ("who", "which") and depth < 3 \
                and not chunk[:that[-1].start()].strip() and i - 1 > floor and text[i - 1] == ",":
            return subject_before(text, i - 1, floor, depth + 1)  # the noun before ", which …"
        chunk = chunk[that[-1].end():]
    words = chunk.split()
    if words and words[-1].lower() in BE_FORMS | {"and", "or"}:
        return None  # passive ("were announced") or a second verb ("... and said"): no subject here
    cut = next((k for k, w in enumerate(words) if k and w.lower() in AUXILIARIES), None)
    if cut is not None:
        words = words[:cut]
    return _clean_phrase(words)


OBJECT_END_RE = re.compile(r"\b(?:that|who|which|when|as|on|in|after|before)\b|\bof\s+[a-z]\w*ing\b")


def object_after(text: str, end: int, ceiling: int) -> str | None:
    """The noun phrase just after text[end] (up to a clause boundary or 'that'), or None."""
    j = end
    ceiling = min(ceiling, end + SCAN_CHARS)
    while j < ceiling and text[j] not in BOUNDARY_CHARS and text[j] != ".":
        j += 1
    chunk = OBJECT_END_RE.split(text[end:j], maxsplit=1)[0]
    words = chunk.split()  # (and before "of coordinating …": the charge, not the accuser)
    if words and words[0].lower() in ("the", "a", "an") and len(words) == 1:
        return None
    return _clean_phrase(words)


def mask_quotes(text: str) -> str:
    """Text with the inside of double-quoted stretches blanked, offsets kept.

    Cue words inside a quotation are the speaker's, not the outlet's framing.
    """
    spans = quoted_spans(text.replace("''", '" '))  # '' is a double mark (as mask_article reads it)
    if not spans:
        return text
    parts, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        parts += [text[pos:s + 1], " " * (e - s - 2), text[e - 1]]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


CUE_PATTERNS = {"denied": DENIED_RE, "unconfirmed": UNCONFIRMED_RE, "confirmed": CONFIRMED_RE,
                "hedged": HEDGED_RE, "attributed": ATTRIBUTED_RE}


#: Cue words that say what a claim is, not who says so ("false", "made up"): their source is
#: the subject of the verb that judges the claim ("X called it false", "X said that … is false").
JUDGED_CUES = ("made", "untrue", "not true", "baseless", "unfounded", "false", "fake", "hoax", "fabricat")
JUDGING_VERB_RE = re.compile(
    r"\b(?:called|calls|deemed|deems|labell?ed|labels|branded|brands|termed|terms|described|describes|"
    r"dismissed|dismisses|ruled|rated|rates|found|finds)\b[^.;:]*\Z", re.IGNORECASE)
THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
#: Verbs that put a that-clause in someone's mouth, besides the speech verbs.
THAT_VERBS = SPEECH_VERBS | frozenset("assure assured assures believe believed believes "
                                      "concluded concludes found finds ruled rules "
                                      "reveal reveals revealed show shows showed prove proves proved".split())
PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|been|being)(?:\s+\w+ly|\s+first|\s+also)?\s*\Z", re.IGNORECASE)
BY_AGENT_RE = re.compile(r"(?:\s+\w+ly)?\s+by\s+", re.IGNORECASE)


def _named_phrase(found: str | None) -> str | None:
    return found if _fallback(found) else None


def source_of(text: str, start: int, end: int, status: str | None = None) -> str | None:
    """Who a sentence text[start:end] says makes its claim, when it names them.

    The object of "according to"/"citing" first, then the agent of a passive cue ("was
    first reported by the Ledger"), then the subject of a cue verb ("Harbour Press, which
    declined to comment" names Harbour Press); a cue that judges the claim ("false", "made
    up") is credited to the subject of the verb that judges it ("the desk deemed it false",
    "the office said that the claims are false"). The cues of ``status`` (when given) are
    tried before the others; a phrase that names no one (a fragment) is passed over.
    """
    text, start, end = mask_quotes(text[start:end]), 0, end - start  # the sentence alone: linear
    for m in ACCORDING_RE.finditer(text, start, end):
        found = object_after(text, m.end(), end)
        if found:
            return found
    first = [CUE_PATTERNS[status]] if status in CUE_PATTERNS else []
    for pattern in first + [p for p in CUE_PATTERNS.values() if p not in first]:
        for m in pattern.finditer(text, start, end):
            word = m.group(0).lower()
            if word.startswith(("reportedly", "allegedly", "purportedly", "supposedly", "unconfirmed", "unverified")):
                continue
            if word.startswith(JUDGED_CUES):
                found = _judge_of(text, m.start(), start)
                if found:
                    return found
                continue
            by = BY_AGENT_RE.match(text, m.end(), end)
            accused = word in ("accused", "alleged")
            if accused and not by and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
                continue  # "a professor (who is) accused of …": the accused, not who accuses
            if accused and not by and word == "alleged" \
                    and not re.match(r"\s+(?:that|in)\b", text[m.end():m.end() + 6]):
                continue  # "the alleged shooter": an adjective
            if by and pattern is not UNCONFIRMED_RE and (accused or PASSIVE_RE.search(
                    text, max(start, m.start() - 30), m.start())):
                found = _named_phrase(object_after(text, by.end(), end))  # "was reported by the Ledger"
                if found:
                    return found
            if word.endswith("ing") and PARTICIPLE_LINK_RE.search(text, max(start, m.start() - 30), m.start()):
                found = _named_phrase(main_subject(text, start, m.start()))  # "X did Y after accusing Z"
                if found:
                    return found
            verbs = [m.start() + m.group(0).rfind(" ") + 1, m.start()] if pattern is UNCONFIRMED_RE else [m.start()]
            for verb in verbs:  # "Neither government has confirmed"; "The campaign did not respond"
                found = subject_before(text, verb, start)
                if found and verb != verbs[-1] and not _fallback(found):
                    continue  # a fragment: try the subject of the whole cue
                if found is None and word in INVERTED_VERBS \
                        and not text[max(start, verb - 4):verb].strip(" ,”\"’'"):
                    found = object_after(text, m.end(), end)  # inverted: "…,” said the minister."
                if found:
                    return found
    return None


PARTICIPLE_LINK_RE = re.compile(r"\b(?:after|before|while|when|since|by|in|for)(?:\s+\w+ly)?\s*\Z", re.IGNORECASE)


def main_subject(text: str, floor: int, cue: int) -> str | None:
    """The subject that opens the clause a participle hangs on ("The campaign wants … after
    recently accusing …"): its first words up to the first verb, after a label's colon."""
    head = text[floor:cue]
    colon = head.find(":")
    if 0 <= colon <= 40:
        head = head[colon + 1:]
    words: list[str] = []
    split = head.split()[:SUBJECT_WORDS]
    for k, word in enumerate(split):
        low = word.lower().strip(",")
        if low in AUXILIARIES or low in SPEECH_VERBS or (word[:1].islower() and len(low) > 3
                                                         and low.endswith(("s", "ed")) and not low.endswith("ss")):
            return _clean_phrase(words) if words else None
        if word.endswith(","):
            if word[:1].isupper() and k + 1 < len(split) and split[k + 1].lower() in ("who", "which"):
                return _clean_phrase([*words, word.rstrip(",")])  # "Ana Ruiz, who leads the patrol, …"
            return None  # an opening phrase, not a subject
        words.append(word)
    return None


def _judge_of(text: str, cue: int, floor: int) -> str | None:
    """The subject of the verb that judges a claim, for a cue at text[cue] ("false")."""
    floor = max(floor, cue - SCAN_CHARS)  # the judging verb stands near its cue: linear
    before = text[floor:cue]
    m = JUDGING_VERB_RE.search(before)
    if m is not None:
        return _named_phrase(subject_before(text, floor + m.start(), floor))
    that = [t.start() for t in THAT_RE.finditer(before)]
    if not that:
        return None
    # "the office assured voters that … are false": the verb is one of the few words before "that"
    words = list(re.finditer(r"[\w’']+", before[:that[-1]]))[-5:]
    verb = next((w for w in reversed(words) if w.group(0).lower() in THAT_VERBS), None)  # (the nearest)
    return _named_phrase(subject_before(text, floor + verb.start(), floor)) if verb else None


#: A sentence closing on what found it: "…, a USA TODAY investigation found." / "…, the audit concluded."
FOUND_BY_RE = re.compile(r",\s+((?:a|an|the)\s+[^,;:]{0,60}?\b(?:investigation|analysis|study|review|report|audit|"
                         r"survey|inquiry|probe)(?:\s+(?:by|of|from)\s+[^,;:]{1,40}?)?)\s+(?:found|finds|concluded|"
                         r"concludes|showed|shows)\s*[.!]?[\s”\"’']*\Z")
NEITHER_RE = re.compile(r"\b[Nn]either\s+((?:the\s+)?[A-Z][^,;:]{0,60}?)\s+nor\s+\Z")
#: "the alleged shooter", "alleged pay-to-play policies": an adjective, no allegation the sentence makes.
ALLEGED_ADJECTIVE_RE = re.compile(r"[Aa]lleged\s+(?!that\b|in\b|to\b|by\b|on\b)[a-z][\w-]*")
NEGATED_BEFORE_RE = re.compile(r"\b(?:not|never|n't|no\s+one)(?:\s+\w+ly)?\s+\Z", re.IGNORECASE)
RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which)\b[^,;:]*\Z")


def in_relative_clause(sentence: str, at: int) -> bool:
    """Is ``at`` inside a relative clause set off by commas (", who has called it a hoax,")?"""
    if not RELATIVE_OPEN_RE.search(sentence, max(0, at - 120), at):
        return False
    close = sentence.find(",", at)
    return close >= 0 and sentence[close + 1:].strip() != ""


#: An opening absolute or adverbial phrase: a reply inside it is background to the main clause.
OPENING_PHRASE_RE = re.compile(r"\s*(?:With|Amid|Despite|After|Since)\b[^,;:]{0,150},")


def classify(sentence: str) -> tuple[str, str | None]:
    """Sentence text -> (status, cue word). Needs nothing else; see the module doc."""
    sentence = mask_quotes(sentence)
    m = UNCONFIRMED_RE.search(sentence) or NEGATED_DENIAL_RE.search(sentence)
    if m and NO_REPLY_RE.match(m.group(0)):
        denial = DENIED_RE.search(sentence, m.end())  # "X, who did not respond …, has denied that …"
        if denial and not NEGATED_DENIAL_RE.search(sentence):
            return "denied", re.sub(r"\s+", " ", denial.group(0).lower())
    if m:
        words = m.group(0).lower().split()
        return "unconfirmed", words[0] if len(words) <= 2 else f"{words[0]} … {words[-1]}"
    opening = OPENING_PHRASE_RE.match(sentence)  # "With his campaign denying the claims, 721 delegates …"
    for status, pattern in (("denied", DENIED_RE), ("confirmed", CONFIRMED_RE),
                            ("hedged", HEDGED_RE), ("attributed", ATTRIBUTED_RE)):
        m = pattern.search(sentence, opening.end() if opening and status in ("denied", "confirmed") else 0)
        while m and status in ("denied", "confirmed") and in_relative_clause(sentence, m.start()):
            m = pattern.search(sentence, m.end())  # "Trump, who has called warming a hoax, …": background
        while m and status == "hedged" and (NEGATED_BEFORE_RE.search(sentence, max(0, m.start() - 30), m.start())
                                            or ALLEGED_ADJECTIVE_RE.match(sentence, m.start())):
            m = pattern.search(sentence, m.end())  # "has not publicly accused", "the alleged shooter": none
        if m:
            return status, re.sub(r"\s+", " ", m.group(0).lower())
    return "stated", None


def is_fact_bearing(sentence: str) -> bool:
    """A full declarative sentence: enough words, closing punctuation, not a question, and
    not a bare quotation (a sentence that is all inside quotation marks belongs to Quotes)."""
    stripped = sentence.rstrip(" \"'”’)]")
    if len(sentence.split()) < 5 or not stripped or stripped[-1] not in ".!…":
        return False
    if sentence[:1] in "“\"‘'" and sentence[-1:] in "”\"’'" and len(stripped) < len(sentence):
        return False
    return sum(map(str.isalpha, sentence)) >= 20


def mask_article(article: CleanArticle) -> str:
    """The article text with the inside of every quotation blanked, paragraph by paragraph
    (offsets kept; a stray mark never runs past its paragraph). '' counts as a double mark."""
    text = article.text
    parts, pos = [], 0
    for para in article.paragraphs or ():
        chunk = text[para.start:para.end]
        probe = chunk.replace("''", '" ')
        for s, e in quoted_spans(probe):
            s, e = s + para.start, e + para.start
            if s < pos:
                continue
            parts += [text[pos:s + 1], " " * max(0, e - s - 2), text[e - 1]]
            pos = e
    parts.append(text[pos:])
    return "".join(parts)


def article_book(article: CleanArticle, index: TokenIndex) -> SpeakerBook:
    """The article's entity book, learned from its body paragraphs (as quote attribution does)."""
    book = SpeakerBook()
    body = [(p.start, p.end) for p in article.paragraphs if p.kind not in ("headline", "heading", "caption")]
    book.learn(index, body)
    return book


def extract_claims(article: CleanArticle, sentences: Sequence[Sentence],
                   book: SpeakerBook | None = None, tokens: TokenIndex | None = None) -> tuple[Claim, ...]:
    """CleanArticle -> claims, one per fact-bearing sentence. Needs sentences.

    ``book`` is the article's entity book from quote attribution (names, roles, gender);
    without it one is learned here. ``tokens``, the article's tokens under another masking
    (quote attribution's), are reused where the masks agree instead of tokenizing again.
    Headlines and section headings are skipped; each claim cites its whole sentence. A
    sentence that reports speech ("X said", "according to X", "…, said the minister")
    carries its source in ``attributed_to``.
    """
    text = article.text
    masked = mask_article(article)
    index = tokens.remasked(masked) if tokens is not None else TokenIndex(masked)
    if book is None:
        book = article_book(article, index)
    names = FullNames(masked, [(p.start, p.end) for p in article.paragraphs if p.kind == "body"])
    recent: list[str] = []  # people as subjects or sources, most recent first
    last_org: str | None = None
    claims = []
    for sent in sentences:
        headline = bool(article.paragraphs) and article.paragraphs[sent.paragraph].kind == "headline"
        toks = index.slice(sent.start, sent.end)
        body = text[sent.start:sent.end]
        claim: Claim | None = None
        source: str | None = None
        subj_mention = sentence_subject(toks)
        subj = resolve(book, subj_mention, recent, last_org) if subj_mention.tokens else None
        if not headline and is_fact_bearing(body):
            status, cue = classify(body)
            found = None if title_case_line(body) else find_source(toks)
            if found is not None and expletive_it(found.tokens, body[found.tokens[-1].end - sent.start:]):
                found = None  # "it appears that …": no one
            if found is not None:
                # "Kline …, though he has denied that …": the sentence's own named subject
                # comes first for a pronoun later in it
                mine = subj and (subj.person or (subj.name if name_like(subj) else None))
                own = mine if mine and subj_mention.tokens \
                    and subj_mention.tokens[0].start < found.tokens[0].start \
                    and subj_mention.tokens[0].text[:1].isupper() and mine not in recent[:1] else None
                if len(found.tokens) == 1 and found.tokens[0].bare in ("he", "she"):
                    # "X asked Trump about statements he had made": the last person the sentence
                    # names before the pronoun (not a possessive's: "Trump's running mate")
                    named = last_person_before(book, toks, found.tokens[0].start)
                    own = named or own
                source = name_source(book, found.tokens, text, [own, *recent] if own else recent, last_org, names)
                if source and not_a_source(source, body):
                    source = None
                neither = NEITHER_RE.search(text, sent.start, found.tokens[0].start)
                if source and neither:  # "Neither the United States nor Russia has confirmed": both
                    source = f"{neither.group(1)} and {source}"
                if source and status == "stated":
                    status, cue = "attributed", found.cue.text.lower()
                elif source and (status in ("denied", "confirmed", "unconfirmed") or cue in ("accused", "accuses")) \
                        and found.cue.text.lower() not in (cue or ""):
                    # a reply is its own speaker's: "The Ledger reported …, but her team denied that …";
                    # so is an accusation ("When Ruiz accused Lind of …, he said …")
                    other = _fallback(source_of(text, sent.start, sent.end, status))
                    if other and not (set(other.lower().split()) & set(source.lower().split())):
                        source = other
            finding = FOUND_BY_RE.search(body)
            if finding and status in ("stated", "hedged"):
                # "…, a USA TODAY investigation found.": the finding is the investigation's
                source = finding.group(1)
                status, cue = ("attributed", "found") if status == "stated" else (status, cue)
            if source is None and status != "stated":
                source = _fallback(source_of(text, sent.start, sent.end, status))
            if status == "attributed" and cue in ("citing", "cited") and not cites_a_party(source):
                status, cue, source = "stated", None, None  # "it declined, citing legal risks": a reason
            if source is None and status in ("denied", "confirmed", "unconfirmed") and subj and subj.person \
                    and subj_mention.tokens and subj_mention.tokens[0].bare in ("he", "she"):
                source = subj.person  # "She has pushed back against the accusations": whom "she" is
            citation = make_citation(article.source_id, text, sentences, sent.start, sent.end)
            claim = Claim(text=body, status=status, citation=citation, attributed_to=source, cue=cue)
            claims.append(claim)
        # who the article is talking about, for "he said" in a later sentence
        for person in (subj.person if subj else None, source if book.is_person(source) else None):
            if person:
                recent[:] = [person, *[p for p in recent if p != person][:3]]
        if subj and not subj.person and subj.name and not book.is_person(subj.name) \
                and subj.mention and subj.mention.split()[-1][:1].isupper():
            last_org = subj.name
    return tuple(claims)


#: Nouns of what a report can cite as its source ("citing sources", "citing a study").
CITED_NOUNS = frozenset("report reports study studies poll polls survey surveys data document documents records "
                        "sources source officials official people person analysis figures statement statements "
                        "memo letter email emails book article interview filing filings".split())


def cites_a_party(source: str | None) -> bool:
    """Does what "citing …" names hold a party (a name, sources, a report), not a reason
    ("citing legal risks")?"""
    words = (source or "").split()
    return any(w[:1].isupper() for w in words) or any(w.lower().strip(".,") in CITED_NOUNS for w in words)


EXPLETIVE_RE = re.compile(r"\s+(?:appears|appeared|seems|seemed|is\s+(?:clear|likely|possible|unclear|true)|"
                          r"was\s+(?:clear|likely|unclear|true))\b")


def expletive_it(tokens: Sequence[Token], after: str) -> bool:
    """Is the phrase a bare "it" that opens "it appears / seems / is clear that …" (no referent)?"""
    return len(tokens) == 1 and tokens[0].bare == "it" and EXPLETIVE_RE.match(after) is not None


COLON_CUE_RE = re.compile(r"^\s*according\s+to\b|\b(?:said|says|wrote|writes|told|tells|added|adds|noted|"
                          r"tweeted|posted|stated|declared|explained)\b[^:]*\Z", re.IGNORECASE)


def last_person_before(book: SpeakerBook, toks: Sequence[Token], at: int) -> str | None:
    """The last person the article's book knows named by a run of capitalised words before
    offset ``at`` of a sentence, leaving out the sentence's first word and possessives."""
    found: str | None = None
    run: list[Token] = []
    for tok in [t for t in toks if t.start < at] + [Token(".", at, at)]:
        if tok.is_word and tok.is_cap and tok is not toks[0]:
            run.append(tok)
            continue
        while run and (run[0].bare in TITLE_WORDS or run[0].bare in TITLE_ABBREVIATED):
            run = run[1:]  # "Sen. Bo Lind": the name after its titles
        if run and not run[-1].is_possessive:
            name = book.canonical(" ".join(t.text for t in run))
            if book.is_person(name):
                found = name
        run = []
    return found


def not_a_source(source: str, sentence: str) -> bool:
    """A "source" that is an opening participle ("Continuing to explain, Kline …") or a
    label before a colon ("Funding: The campaign …", "The Ledger's Harbour Report: The
    trouble with …"), not a party. "Ana Ruiz: the harbour will stay open" is a speaker."""
    colon = sentence.find(":")
    label = sentence[:colon].strip() if 0 <= colon <= 60 else ""
    if label and COLON_CUE_RE.search(label):
        return False  # "According to HuffPo: …", "Ruiz told reporters: …": the colon introduces its words
    if " " in source.strip():
        return bool(label) and label != source.strip() and label.endswith(source.strip()) and not label.isupper()
    if source.lower().endswith("ing") and sentence.startswith(source):
        return True
    return 0 <= colon <= 40 and not source.isupper() and sentence.find(source) < colon \
        and sentence[:colon].strip() and not sentence[:colon].strip().isupper()


TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as is vs via".split())


def title_case_line(text: str) -> bool:
    """Title Case through most of its words ("Actor Who Backed Ana Ruiz Calls Quay A Disgrace"):
    a headline's shape, where capitals tell no names and no speaker can be read."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


FRAGMENT_WORDS = frozenset("to declined did does do has have had is are was were be been could would will can "
                           "may might should took that which who when while after before since if".split())


NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten half a".split())
FALLBACK_OPENERS = frozenset("the a an another one some many most several nearly about almost more multiple numerous "
                             "various both two three four five".split())


def _fallback(source: str | None) -> str | None:
    """The older phrase finder's answer, when it reads as a noun phrase, not a fragment."""
    if not source:
        return None
    words = source.split()
    first, last = words[0].lower(), words[-1].strip(".,’'").lower()
    if words[0].islower() and first not in FALLBACK_OPENERS and not first[:1].isdigit():
        return None  # "first", "in 2012", "effectively shut down …": a piece of a clause
    if first in ("about", "nearly", "almost", "more") and len(words) > 1 and not (words[1][:1].isdigit()
                                                                              or words[1].lower() in NUMBER_WORDS):
        return None
    if any((w.lower().strip(".,") in SPEECH_VERBS and not (k and words[k - 1].lower() in FALLBACK_OPENERS))
           or w.lower() in ("cannot", "can't", "can’t") or ("." in w[:-1]  # ("multiple reports": a noun)
           and not w[:-1].replace(".", "").isupper()) for k, w in enumerate(words)) \
            or (len(words) == 1 and fold(first.rstrip(".")) in TIME_WORDS | {"jun", "jul", "aug", "sept"}):
        return None  # "X said.Y", "… cannot", "Wednesday": not a source
    if (re.search(r"['’]s\Z", words[0]) and first[:-2] in ("there", "it", "he", "she", "that", "what")) \
            or source.endswith(("-", "–")):
        return None
    pronoun = first in PRONOUNS and first not in FALLBACK_OPENERS  # "the campaign" is a party, "he" is not
    if len(words) > 8 or pronoun or first in FRAGMENT_WORDS or not words[0][:1].isalnum() \
            or (words[0].islower() and first.endswith(("ed", "ing"))):
        return None
    if any(w.lower() in FRAGMENT_WORDS or (w.lower().endswith("ed") and first not in ("the", "a", "an"))
           for w in words[1:]):
        return None  # "A book released last month" is a description; "Ana declined" is not
    if not words[-1][:1].isupper() and (last in PRONOUNS or last in LEADING or last in FRAGMENT_WORDS
                                        or last in ("the", "a", "an", "of", "for", "with", "in", "on", "at")
                                        or last.endswith(("ing", "ed"))):
        return None
    if words[-1][:1].isupper() and last in ("mr", "ms", "mrs", "dr", "u", "gov", "sen", "rep", "st"):
        return None  # "reports Mr", "the U": cut at an abbreviation's dot
    if words[0][:1].isupper() and first in ("in", "on", "at", "when", "if", "as", "but", "and"):
        return None
    return source
