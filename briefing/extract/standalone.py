"""Stand alone: whom a sentence's pronoun or role noun means, as an editor's insertion.

A briefing lifts sentences out of their articles, where "He described ..." or "The senator
said ..." no longer says who. Coreference (``quotes.resolve_speakers``, with the entity
book) already resolves every sentence's subject and records it in ``ctx.referents``; this
component reads that answer -- it is no second resolver -- and gives each claim and event
whose text leans on such a subject an ``Insertion`` (the referent, after the words it
explains: "He [Donald Trump] described ...") or, when the article does not make the
referent clear, ``unresolved`` (the words left unexplained): such an item is never
promoted to the Overview, Key facts or Timeline. The verbatim text and citations stay.

What an item leans on:

- its sentence's subject, when that is a personal or possessive pronoun ("He", "His
  campaign", "It" unless it stands for a clause that follows), a definite role noun that
  names nobody ("The senator", "the Russian leader"), or a demonstrative or another
  definite common noun ("The book", "This move", "the university"; not "the economy"),
  which the entity book cannot name: ``unresolved``;
- the speaker of a quotation in the sentence named by a role noun or a pronoun ("“…,” the
  Republican said", "“…,” he said"), as quote attribution resolved it;
- in an item that starts inside its sentence (a clause), or whose sentence's subject is no
  one ("It was a report that he ..."), the first he/she/his/her/him/they before any
  person's name.

A referent is clear only when the resolver names a person (a role the article gave one
person, or the most salient person whose gender agrees) and the article named that person
within the last ``RECENT_SENTENCES`` sentences. "It" before a form of "be" ("It is
unclear ...") and indefinite phrases ("A spokesman said") lean on nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Claim, Event, Insertion, Sentence
from .context import ArticleContext, need
from .quotes import Found
from .speakers import (
    DAY_WORDS,
    GENDER_TITLES,
    GROUP_NOUNS,
    INTRO_STARTERS,
    ORG_WORDS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    TITLE_WORDS,
    Mention,
    SpeakerBook,
    Token,
    TokenIndex,
    Who,
    _role_has,
    _role_words,
    fold,
    resolve,
    sentence_subject,
)

#: The referent must be named in this many sentences before the one that leans on it.
RECENT_SENTENCES = 3

PERSONAL = {"he": "he", "she": "she", "him": "he"}
POSSESSIVE = {"his": "he", "her": "she"}
PLURAL = frozenset("they them their it its".split())
DEMONSTRATIVES = frozenset("this that these those".split())
#: Definite heads that point back to something the article named before ("the book").
BACK_NOUNS = frozenset("""
book report study memo letter document documents bill measure law plan proposal deal agreement
move decision ruling order statement force panel commission board interview video ad campaign company
firm group state country
city agency committee court network newspaper outlet paper poll survey two three both pair couple
man woman men women couple candidate nominee incumbent challenger
""".split())
#: Words of a thing's name, never a person's ("the Patriot Act" is no "he").
THING_WORDS = ORG_WORDS | frozenset("""
act bill law amendment plan program programme center centre hall street avenue square county city state
river island airport station stadium arena hotel tower bridge road park school college church day
""".split())
#: Definite heads a news story's reader needs no antecedent for ("the economy").
#: The first words of a subject that can lean on the article.
LEANING_FIRST_WORDS = frozenset(["the", *DEMONSTRATIVES, *PERSONAL, *POSSESSIVE, *PLURAL])
UNIQUE_NOUNS = frozenset("""
economy world nation country public electorate race election primary primaries convention debate
government administration media press market markets party parties polls weather internet
""".split())
#: Adverbs that open a subordinate clause before the subject ("Just before ..., the pilot").
LEAD_ADVERBS = frozenset("just even only shortly soon long right well".split())
TIME_HEADS = DAY_WORDS | frozenset("week weekend month year morning afternoon evening night time season".split())
#: "It is unclear whether", "It was the first time that", "It takes 270 votes to": an "it"
#: that stands for the clause after it, not for something the article named before.
EXPLETIVE_RE = re.compile(r"\s*(?:is|was|'s|’s|has been|had been|will be|would be|seems|seemed|appears|appeared|"
                          r"remains|remained|takes|took|looks|looked|makes|made)\b[^,;:.]{0,60}?"
                          r"\b(?:that|to|whether|if|how|why|when|what|who|for)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Leaning:
    """What an item leans on: the words, and whom they mean (None: not clear)."""

    end: int  # offset in the article text just after the words
    words: str
    referent: str | None


def _is_person_role(head: str) -> bool:
    return head in TITLE_WORDS or head in GENDER_TITLES


def _someone(mention: Mention) -> bool:
    """A subject that is someone, named or not ("A spokesman", "Officials", "The campaign"):
    a later "he" in its sentence is likely its own."""
    words = [t for t in mention.tokens if t.is_word]
    return bool(words) and (words[-1].bare in ROLE_NOUNS or words[-1].bare in GROUP_NOUNS
                            or _is_person_role(words[-1].bare))


def subject_leaning(book: SpeakerBook, mention: Mention, who: Who, antecedents: Sequence[str],
                    after: Sequence[Token] = (), rest: str = "") -> Leaning | None:
    """A sentence's subject -> what it leans on, or None when it names its own referent.
    ``after`` are the sentence's tokens after the subject and ``rest`` its text from there
    ("It is unclear whether ...": "it" leans on nothing)."""
    toks = [t for t in mention.tokens if t.is_word]
    if not toks:
        return None
    first, head = toks[0], toks[-1]
    low = first.text.lower()
    if low not in LEANING_FIRST_WORDS:
        return None  # "Ana Ruiz", "A spokesman", "Officials": no back reference
    if len(toks) == 1 and low in PERSONAL:
        person = who.person if clear_pronoun(book, who.person, antecedents, PERSONAL[low]) else None
        return Leaning(first.end, first.text, person)
    if low in POSSESSIVE:
        owner = book.agreeing(list(antecedents), POSSESSIVE[low])
        owner = owner if clear_pronoun(book, owner, antecedents, POSSESSIVE[low]) else None
        return Leaning(first.end, first.text, f"{owner}'s" if owner else None)
    if low in PLURAL:
        if low == "it" and len(toks) == 1 and EXPLETIVE_RE.match(rest):
            return None  # "It is unclear whether ...": it stands for the clause that follows
        return Leaning(first.end, first.text, None)
    if len(toks) == 1 and low == "the":  # the phrase finder stopped at "the": "the finance minister"
        words_after: list[Token] = []
        for tok in after[:3]:
            if not tok.is_word or tok.is_cap:
                break
            words_after.append(tok)
            if _is_person_role(tok.bare):
                break
        if not words_after or words_after[0].bare in UNIQUE_NOUNS | TIME_HEADS:
            return None
        if _is_person_role(words_after[-1].bare):
            phrase = Mention([first, *words_after])
            return subject_leaning(book, phrase, resolve(book, phrase, antecedents), antecedents)
        return Leaning(words_after[0].end, f"{first.text} {words_after[0].text}", None)
    if head.is_cap and not _is_person_role(head.bare):
        return None  # "The Trump campaign": no back reference
    if head.bare in TIME_HEADS:
        return None  # "This week", "That night": a date, not a referent
    words = " ".join(t.text for t in toks)
    if any(t.is_cap and book.known_word(t.text) and fold(t.bare) in book.full_names for t in toks[1:]):
        return None  # a name inside the phrase names its referent
    if _is_person_role(head.bare):
        person = who.person if who.person and book.is_person(who.person) else None
        if person and fold(person.split()[-1]) in {fold(t.bare) for t in toks}:
            return None
        if person and not holds_role(book, person, [t.text for t in toks]):
            person = None  # "the former president" is not the one the article calls "Russian president"
        return Leaning(head.end, words, person)
    if low in DEMONSTRATIVES or head.bare in BACK_NOUNS:
        return Leaning(head.end, words, None)
    if not any(t.is_cap for t in toks[1:]) and head.bare not in UNIQUE_NOUNS:
        return Leaning(head.end, words, None)  # "The university", "the attackers": which one?
    return None


def clear_pronoun(book: SpeakerBook, person: str | None, antecedents: Sequence[str], pronoun: str) -> bool:
    """Is ``person`` clearly what "he"/"she" means: a person (no thing's name) whom the article
    gave that gender, or the only salient person whose gender does not rule it out and whom
    the article gave a role or named in another way?"""
    if not person or not book.is_person(person) or any(fold(w) in THING_WORDS for w in person.split()):
        return False
    if book.gender_of(person) == pronoun:
        return True
    # gender unknown: the only candidate left, and one the article shows to be someone (a role
    # or title it gave, or another way it named them), not a capitalised phrase taken for a name
    known = person in book.role_text or person in book.aliases
    return known and [p for p in antecedents if book.gender_of(p) in (None, pronoun)] == [person]


def holds_role(book: SpeakerBook, person: str, words: Sequence[str]) -> bool:
    """Did the article give ``person`` a role with every one of ``words`` ("the Russian leader")?"""
    query = _role_words(words)
    canon = book.canonical(person)
    return bool(query) and any(book.canonical(owner) == canon and all(_role_has(role, q) for q in query)
                               for role, owner in book.roles)


def _recently_named(index: TokenIndex, sentences: Sequence[Sentence], at: int, name: str) -> bool:
    """Was ``name`` (any of its words but a title) written in the sentences before ``sentences[at]``
    (or in that sentence before the words that lean on it)?"""
    keys = {fold(w) for w in name.split() if len(w) > 1}
    lo = sentences[max(0, at - RECENT_SENTENCES)].start
    return any(t.is_cap and fold(t.bare) in keys for t in index.slice(lo, sentences[at].end))


def _someone_else_before(book: SpeakerBook, index: TokenIndex, sentences: Sequence[Sentence], at: int,
                         person: str, gender: str) -> bool:
    """Does the sentence before ``sentences[at]`` name another person of ``gender`` and not
    ``person`` ("... the candidate began trying, after Mr. Lind's remark. On Monday, he
    ...": he may be Lind, or the candidate)? Then "he" is not clear, whatever the salience."""
    if at == 0:
        return False
    canon = book.canonical(person)
    other = False
    for tok in index.slice(sentences[at - 1].start, sentences[at - 1].end):
        if not tok.is_cap:
            continue
        for name in book.full_names.get(fold(tok.bare), ()):
            if book.canonical(name) == canon:
                return False  # the referent is named there too
            if book.is_person(name) and book.gender_of(name) == gender:
                other = True
    return other


def _names_person(book: SpeakerBook, tok: Token) -> bool:
    """Is the token a word of a person's name the article uses ("Ruiz", "Ana")?"""
    key = fold(tok.bare)
    return tok.is_cap and (key in book.full_names or key in book.word_index or tok.text in book.persons)


def pronoun_leaning(toks: Sequence[Token], book: SpeakerBook, antecedents: Sequence[str]) -> Leaning | None:
    """The first he/she/his/her/him/they of ``toks`` that comes before any person's name:
    what a clause ("just days after his victory") or a sentence whose subject is no one
    ("And on Friday, it was a report that he ...") leans on."""
    for tok in toks:
        if not tok.is_word:
            continue
        low = tok.text.lower()
        gender = PERSONAL.get(low) or POSSESSIVE.get(low)
        if gender:
            person = book.agreeing(list(antecedents), gender)
            person = person if clear_pronoun(book, person, antecedents, gender) else None
            text = person and (f"{person}'s" if low in POSSESSIVE else person)
            return Leaning(tok.end, tok.text, text)
        if low in ("they", "them", "their"):
            return Leaning(tok.end, tok.text, None)
        if _names_person(book, tok):
            return None  # a person is named first: the pronoun is likely theirs
    return None


@dataclass(frozen=True)
class Lookup:
    """One article's sentence starts and quotations in text order, for bisecting: each item
    looks at its own sentences and quotations only, so the pass stays linear."""

    starts: list[int]
    quotes: list[Found]
    opens: list[int]

    @classmethod
    def of(cls, ctx: ArticleContext) -> Lookup:
        quotes = sorted((f for f in need(ctx.attributions, "attributions") if f.kind == "quote"),
                        key=lambda f: f.span.open)
        return cls([s.start for s in ctx.sentences], quotes, [f.span.open for f in quotes])


def leanings(ctx: ArticleContext, start: int, end: int, lookup: Lookup | None = None) -> list[Leaning]:
    """What the text[start:end] of a claim or event leans on, in text order."""
    book, index = need(ctx.book, "book"), need(ctx.tokens, "tokens")
    subjects, referents = need(ctx.subjects, "subjects"), need(ctx.referents, "referents")
    lookup = lookup or Lookup.of(ctx)
    out: list[Leaning] = []
    sentences = ctx.sentences
    first = max(0, bisect_right(lookup.starts, start) - 1)
    for n in range(first, len(sentences)):
        sent = sentences[n]
        if sent.start >= end:
            break
        if sent.end <= start:
            continue
        pair = referents.get(sent.id)
        who, antecedents = pair if pair is not None else (Who(None, None), ())
        mention = subjects.get(sent.id) or Mention([])
        if mention.tokens and mention.tokens[0].bare in LEAD_ADVERBS:
            # "Just before the flight took off, the pilot asked ...": the subject follows the comma
            sent_toks = index.slice(sent.start, sent.end)
            comma = next((i for i, t in enumerate(sent_toks) if t.text == ","), None)
            if comma is not None:
                mention = sentence_subject(sent_toks[comma + 1:])
                who = resolve(book, mention, antecedents) if mention.tokens else Who(None, None)
        lo, hi = max(start, sent.start), min(end, sent.end)
        if sent.start < start:  # the item is a clause of this sentence
            subject = who.person if mention.tokens and mention.start < start else None
            found = pronoun_leaning(index.slice(lo, hi), book, [subject, *antecedents] if subject else antecedents)
        elif mention.tokens and start <= mention.start < end:
            last = mention.tokens[-1].end
            looks_on = mention.tokens[0].text.lower() in ("the", "it")  # they read what follows
            found = subject_leaning(book, mention, who, antecedents, index.slice(last, sent.end) if looks_on else (),
                                    index.text[last:sent.end] if looks_on else "")
            if found is None and not who.person and not _someone(mention):
                found = pronoun_leaning(index.slice(lo, hi), book, antecedents)  # "It was a report that he ..."
        elif not mention.tokens:  # no subject found: "“…?” he said", "If he wins ..."
            found = pronoun_leaning(index.slice(lo, hi), book, antecedents)
        else:
            found = None
        if found is None and sent.start >= start:
            found = speaker_leaning(ctx, book, sent.start, sent.end, antecedents, lookup)
        if found is None:
            continue
        if found.referent and not _recently_named(index, sentences, n, found.referent.removesuffix("'s")):
            found = Leaning(found.end, found.words, None)  # a stale referent is no clear one
        gender = PERSONAL.get(found.words.lower()) or POSSESSIVE.get(found.words.lower())
        if found.referent and gender and _someone_else_before(book, index, sentences, n,
                                                              found.referent.removesuffix("'s"), gender):
            found = Leaning(found.end, found.words, None)  # another he or she was named just before
        out.append(found)
    return out


def speaker_leaning(ctx: ArticleContext, book: SpeakerBook, start: int, end: int,
                    antecedents: Sequence[str], lookup: Lookup) -> Leaning | None:
    """"“…,” the Republican said." / "“…,” he said.": the speaker of a quotation in the
    sentence, named by a role noun or a pronoun, as quote attribution resolved it."""
    text = need(ctx.masked, "masked")
    for k in range(bisect_left(lookup.opens, start), bisect_left(lookup.opens, end)):
        found = lookup.quotes[k]
        if not found.who.mention:
            continue
        words = found.who.mention
        first = words.split()[0]
        if first.lower() not in ("the", *PERSONAL) or any(
                fold(w) in book.full_names or fold(w) in book.word_index for w in words.split()[1:]):
            continue  # a name, or a role with a name in it ("the Trump campaign"): it says who
        at = text.rfind(words, found.span.close, end)
        if at < 0:
            continue
        person = found.who.person if found.who.person and book.is_person(found.who.person) else None
        if person and first.lower() in PERSONAL:
            person = person if clear_pronoun(book, person, antecedents, PERSONAL[first.lower()]) else None
        elif person:
            person = person if holds_role(book, person, words.split()) else None
        return Leaning(at + len(words), words, person)
    return None


def _as_written(book: SpeakerBook, name: str) -> str | None:
    """A referent as an insertion: the name without a sentence-opening word the entity book
    took into it ("Wherever Hillary Clinton" -> "Hillary Clinton"); None when nothing is left."""
    words = name.split()
    while words and (fold(words[0]) in SENTENCE_STARTERS or fold(words[0]) in INTRO_STARTERS
                     or fold(words[0]) in book.common or fold(words[0]).endswith("ever")):
        words = words[1:]
    return " ".join(words) or None


def insertions_for(ctx: ArticleContext, start: int, end: int,
                   lookup: Lookup | None = None) -> tuple[tuple[Insertion, ...], str | None]:
    """text[start:end] -> its insertions (offsets into that text) and the first unresolved words."""
    book = need(ctx.book, "book")
    found = leanings(ctx, start, end, lookup)
    found = [Leaning(f.end, f.words, _as_written(book, f.referent)) if f.referent else f for f in found]
    inserted = tuple(Insertion(at=f.end - start, text=f.referent) for f in found if f.referent)
    unresolved = next((f.words for f in found if not f.referent), None)
    return inserted, unresolved


def _stand_claim(ctx: ArticleContext, claim: Claim, lookup: Lookup) -> Claim:
    inserted, unresolved = insertions_for(ctx, claim.citation.start, claim.citation.end, lookup)
    return replace(claim, insertions=inserted, unresolved=unresolved) if inserted or unresolved else claim


def _stand_event(ctx: ArticleContext, event: Event, lookup: Lookup) -> Event:
    cite = event.citations[0]
    inserted, unresolved = insertions_for(ctx, cite.start, cite.end, lookup)
    return replace(event, insertions=inserted, unresolved=unresolved) if inserted or unresolved else event


def stand_alone(ctx: ArticleContext) -> None:
    """Claims and events + referents -> the same claims and events, with their insertions."""
    lookup = Lookup.of(ctx)
    ctx.claims = tuple(_stand_claim(ctx, c, lookup) for c in need(ctx.claims, "claims"))
    ctx.events = tuple(_stand_event(ctx, e, lookup) if e.citations else e for e in need(ctx.events, "events"))
