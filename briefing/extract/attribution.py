"""Who a claim's sentence says is speaking: the source X of "X said (that) …".

Reads the tokens of one sentence (quotations blanked out, so a speaker's own words are
never taken for the outlet's framing) and finds a speech cue and its subject:

- "according to X" / "citing X": the noun phrase after the cue;
- a finite reporting verb ("said", "told", "warned", "denied", "called on", ...): its
  subject, read backwards over adverbs, time phrases ("on Tuesday"), appositions and
  relative clauses between commas (", a lawyer for the family,"), brackets and dashes;
  inverted after a comma or a quotation (", said the minister", "…,” said Ana Ruiz");
  "who said" takes the noun phrase before the comma; "... and said" takes the sentence's
  subject;
- a participle or infinitive ("…, saying", "went on to say"): the sentence's subject.

``name_source`` turns the words into the source's name through the article's
``SpeakerBook``: names become the fullest form the article gives, pronouns and role nouns
go to the right earlier person when the book makes that clear, and anything else stays a
pronoun-free description ("a spokeswoman for the company") or None. Every step looks at
a bounded window of tokens: linear in the sentence's length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..sentences import ABBREVIATIONS
from .speakers import (
    CLOSED_WORDS,
    POSSESSIVE_RE,
    Mention,
    SpeakerBook,
    Token,
    fold,
    np_after,
    np_before,
    resolve,
    sentence_subject,
    titled_surname,
)

# Lexicons of general English words (this module's own: the speaker components may move theirs).
PRONOUNS = frozenset("he she they it".split())
SKIP_WORDS = frozenset("""
also later then previously again reportedly repeatedly once earlier further recently publicly
quickly simply just not never even still already often separately specifically bluntly firmly
flatly allegedly angrily privately openly initially first finally subsequently however
meanwhile though too instead long since now
""".split())
# Heads of a phrase that names a person or a body of people.
TITLE_WORDS = frozenset("""
president minister secretary chancellor senator sen rep representative congressman congresswoman
governor gov mayor general spokesperson spokesman spokeswoman ambassador judge justice director
chief leader chairman chairwoman chair ceo founder executive official officer adviser advisor aide
candidate nominee speaker commissioner head lawyer attorney analyst expert economist strategist
professor researcher scientist author writer columnist editor reporter correspondent historian
envoy diplomat prosecutor investigator manager owner member delegate organizer organiser activist
critic doctor resident voter worker supporter surrogate consultant pollster lawmaker legislator
""".split())
ROLE_NOUNS = TITLE_WORDS | frozenset("""
campaign office ministry government administration team agency department committee council party
army military police embassy company firm newspaper network group organisation organization union
foundation court parliament cabinet palace statement report study poll survey board family
commission council authority institute center centre
""".split())
GROUP_NOUNS = frozenset("""
officials sources aides people analysts experts observers critics residents witnesses supporters
lawmakers diplomats authorities insiders reporters journalists leaders ministers members voters
citizens others democrats republicans
""".split())
SENTENCE_STARTERS = frozenset("""
the a an in on at as but and of for to by from with after before when while although though since
during despite following if because without over under amid last this that these those there here
however meanwhile still yet so then now later earlier instead separately previously also it its he
she they we i his her their our my what why how who where neither nor both either one some many
most all any each every such another other no not
""".split())

# Finite reporting verbs whose subject makes the claim (general English).
SPEECH_VERBS = frozenset("""
say says said tell tells told add adds added state states stated announce announces announced
note notes noted write writes wrote claim claims claimed deny denies denied warn warns warned
argue argues argued insist insists insisted allege alleges alleged report reports reported
tweet tweets tweeted post posts posted acknowledge acknowledges acknowledged admit admits admitted
assert asserts asserted contend contends contended suggest suggests suggested accuse accuses
accused confirm confirms confirmed declare declares declared explain explains explained
describe describes described call calls called urge urges urged stress stresses stressed
concede concedes conceded predict predicts predicted maintain maintains maintained complain
complains complained testify testifies testified charge charges charged counter counters
countered respond responds responded reply replies replied recall recalls recalled vow vows
vowed promise promises promised pledge pledges pledged reiterate reiterates reiterated
emphasize emphasizes emphasized emphasise emphasises emphasised observe observes observed
caution cautions cautioned remark remarks remarked dismiss dismisses dismissed reject rejects rejected
rebuff rebuffs rebuffed refute refutes refuted dispute disputes disputed cite cites cited detail details
detailed reveal reveals revealed
""".split())
# Verbs that take a subject only with an object or particle that makes them speech
# ("called on", "called the plan a failure"), not "a group called X".
NAMING_VERBS = frozenset("call calls called describe describes described".split())
# Verbs that may stand after their speaker: "…, said the minister" (not "told the minister").
INVERTING_VERBS = frozenset("""
say says said add adds added write writes wrote state states stated note notes noted explain
explains explained argue argues argued recall recalls recalled warn warns warned continue continues
continued ask asks asked insist insists insisted reply replies replied counter counters countered
""".split())
# Reporting verbs that are also nouns: "a Facebook post", "the Senate report".
NOUN_FORMS = frozenset("""
post posts report reports claim claims call calls tweet tweets charge charges counter counters
promise promises remark remarks note notes state states vow vows pledge pledges reply replies
recall recalls comment comments warn
""".split())
# What may follow an inverted speaker: the sentence's end, a comma, an apposition, a place or time.
AFTER_INVERTED = frozenset("in on at during after before of who which when while as last this earlier later "
                           "to from with for and".split())
# Clause openers whose first clause is subordinate: "While X says …, Y said …".
SUBORDINATORS = frozenset("while although though after before when if because since as unless once "
                          "until whereas".split())
REPORT_NOUNS = frozenset("book report study memo letter document documents filing lawsuit survey poll "
                         "investigation analysis article story".split())
NOT_SUBJECT_BEFORE = frozenset("a an the has had have".split())
NOT_SPEECH_OBJECTS = frozenset("responsibility credit victory off up back".split())
NEGATIONS = frozenset("not n't never".split())
DATELINE_DASHES = frozenset("— – - --".split())
PARTICIPLES = frozenset("""
saying telling adding noting arguing claiming warning insisting explaining calling writing
stating declaring denying suggesting accusing alleging asserting contending acknowledging
admitting announcing tweeting posting stressing urging charging countering responding replying
confirming describing expressing
""".split())
INFINITIVES = frozenset("say tell explain add argue note warn insist claim deny suggest".split())
AUXILIARIES = frozenset("has have had was were is are be been being will would could should may might "
                        "must can did does do also not n't never".split())
# Nouns in -ly, which are not adverbs: "Ana Ruiz's family said".
LY_NOUNS = frozenset("family ally rally assembly supply reply italy july bully tally".split())
BE_FORMS = frozenset("is are was were be been being".split())
TIME_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
today yesterday tonight week weekend month year morning afternoon evening night day
""".split())
GENERIC_TIMES = frozenset("today yesterday tonight week weekend month year morning afternoon evening night day".split())
TIME_LEADS = frozenset("on last this earlier late early next of in".split())
# Prepositions after which a phrase is an adverbial ("in a statement", "on Twitter").
ADVERBIAL_PREPS = frozenset("in on at during via through over".split())
# Prepositions that may sit inside a source's description ("a spokeswoman for the company").
NP_PREPS = frozenset("for of at from with in to by".split())
RELATIVES = frozenset("who which".split())
OPENERS = {")": "(", "—": "—", "–": "–", "--": "--", ",": ","}
CLOSING_MARKS = frozenset("”\"’'")
COORDINATORS = frozenset("and but".split())
OBJECT_STOP = frozenset("that who which whose when where while as because after before since if".split())
MAX_SKIP = 40  # tokens an apposition or bracket may hold
MAX_OBJECT = 24  # words of an "according to" object


@dataclass
class Found:
    """A speech cue and the tokens that name its source."""

    tokens: list[Token]
    cue: Token


def _skip_adverbs(toks: Sequence[Token], j: int) -> int:
    """Index of the last token at or before j that is not an adverb or auxiliary."""
    while j >= 0:
        t = toks[j]
        low = t.text.lower()
        if t.is_word and not t.is_cap and (low in SKIP_WORDS or low in AUXILIARIES
                                           or (low.endswith("ly") and len(low) > 3 and low not in LY_NOUNS)):
            j -= 1
        else:
            break
    return j


def _skip_time(toks: Sequence[Token], j: int) -> int:
    """Skip a time phrase that ends at j ("on Tuesday", "last week", "Oct. 4")."""
    k = j
    seen = False
    while k >= 0 and j - k < 6:
        t = toks[k]
        if (t.bare in TIME_WORDS and not (t.is_cap and t.bare in GENERIC_TIMES)) \
                or (seen and (t.text.isdigit() or t.text == "." or t.bare in TIME_LEADS)) \
                or (t.text.isdigit() and k > 0 and toks[k - 1].bare in TIME_WORDS | {"."}):
            seen = seen or t.bare in TIME_WORDS
            k -= 1
        else:
            break
    return k if seen else j


def _skip_adverbial(toks: Sequence[Token], j: int) -> int:
    """Skip a short prepositional adverbial ending at j ("in a statement", "on Twitter")."""
    for k in range(j, max(-1, j - 5), -1):
        t = toks[k]
        if not t.is_word:
            return j
        if t.bare in ADVERBIAL_PREPS and not t.is_cap:
            if k > 0 and k < j and (toks[k - 1].is_cap or toks[k - 1].bare in ROLE_NOUNS | GROUP_NOUNS):
                return k - 1
            return j
    return j


def _opener(toks: Sequence[Token], j: int) -> int:
    """Index of the mark that opens the bracket/apposition closed at toks[j], or -1."""
    close = toks[j].text
    want = OPENERS[close]
    depth = 0
    for k in range(j - 1, max(-1, j - MAX_SKIP), -1):
        text = toks[k].text
        if close == "," and text in (")",):
            depth += 1
        elif close == "," and text == "(" and depth:
            depth -= 1
        elif text == want and not depth:
            return k
        elif text == "." and k > 0 and (toks[k - 1].bare in ABBREVIATIONS or len(toks[k - 1].text) == 1
                                        or toks[k + 1].text == ","):
            continue  # "Mr. Ruiz", "No. 2", "John J. Doe"
        elif text in ".;:“”\"" and close != ")":
            return -1
    return -1


def subject_before(toks: Sequence[Token], v: int) -> list[Token] | None:
    """The subject of the verb at toks[v], read backwards; None when there is none here."""
    j = _skip_adverbs(toks, v - 1)
    skipped = 0  # comma-closed appositions or clauses passed over
    for _ in range(6):
        if j < 0:
            return None
        j2 = _skip_time(toks, j)
        j2 = _skip_adverbs(toks, j2)
        j2 = _skip_adverbial(toks, j2)
        if j2 != j:
            j = _skip_adverbs(toks, j2)
            continue
        t = toks[j]
        if t.text in OPENERS and t.text != ",":
            k = _opener(toks, j)
            if k <= 0:
                return None
            j = _skip_adverbs(toks, k - 1)
            continue
        if t.text.isdigit() and j >= 2 and toks[j - 1].text == ",":
            j = _skip_adverbs(toks, j - 2)  # "Ana Ruiz, 61, said"
            continue
        if t.is_word and not t.is_cap and t.bare.endswith("ed") and j >= 1 and toks[j - 1].is_word \
                and toks[j - 1].bare not in BE_FORMS and toks[j - 1].bare not in AUXILIARIES \
                and (toks[j - 1].is_cap or toks[j - 1].bare in ROLE_NOUNS or toks[j - 1].bare in REPORT_NOUNS):
            j -= 1  # "A book released last month detailed": the participle describes the subject
            continue
        if t.text == "." and j + 1 < len(toks) and toks[j + 1].text == ",":
            k = next((m for m in range(j - 1, max(-1, j - 5), -1) if toks[m].text == ","), -1)
            if k > 0:  # "Ana Ruiz, D-West., appearing …, said"
                j = _skip_adverbs(toks, k - 1)
                skipped += 1
                continue
        if t.text == "," and j + 2 < len(toks) and toks[j + 1].bare in SKIP_WORDS and toks[j + 2].text == ",":
            j -= 1  # "Ana Ruiz, meanwhile, who …, said": the adverb's commas
            continue
        if t.text == "," and j >= 1 and toks[j - 1].text == ")":
            j -= 1  # "Ana Ruiz (D-West.), said"
            continue
        if t.text == ",":
            k = _opener(toks, j)
            if k <= 0:
                return None  # one comma: what stands before it is a clause, not a subject
            inner = toks[k + 1:j]
            if _is_name(inner) and k >= 1 and toks[k - 1].is_word and not toks[k - 1].is_cap \
                    and toks[k - 1].bare not in SKIP_WORDS:
                return list(inner)  # "the company's chief executive, Ana Ruiz, said"
            j = _skip_adverbs(toks, k - 1)
            skipped += 1
            continue
        break
    if skipped:
        j = _before_relative(toks, j)
    if j >= 1 and toks[j].text == "." and (toks[j - 1].bare in ABBREVIATIONS | SUFFIXES or len(toks[j - 1].text) == 1):
        j -= 1  # "Joseph R. Biden Jr., who …, said"
    if j < 0 or not toks[j].is_word:
        return None
    low = toks[j].bare
    if low in BE_FORMS:
        return None
    if low in RELATIVES and not toks[j].is_cap:
        if j >= 2 and toks[j - 1].text in (",", "—", "–", "-", "--", "("):
            return subject_np(toks, j - 2)
        return subject_np(toks, j - 1) if j >= 1 else None
    found = subject_np(toks, j)
    if found and (skipped or _indefinite_apposition(toks, found)):
        found = _head_of_apposition(toks, found)
    if found and not skipped:
        found = _coordinated(toks, found)
    if found:
        k = index_of(toks, found[0])
        for m in range(k - 1, max(0, k - MAX_SKIP), -1):
            if toks[m].text in ".;:":
                break
            if toks[m].text == "," and m + 2 < len(toks) and (toks[m + 1].bare, toks[m + 2].bare) in COMPANY_WORDS:
                head = subject_np(toks, m - 1) if m >= 1 and toks[m - 1].is_word else None
                if head:  # "Ana Ruiz, along with Bo Lind and Ed Holm, wrote": Ana Ruiz writes
                    return head
                break
    return found


def _coordinated(toks: Sequence[Token], found: list[Token]) -> list[Token]:
    """"The Ruiz campaign and some harbour experts (have alleged)": both, when the first
    phrase opens the clause (not "He toured the port and officials said")."""
    k = index_of(toks, found[0])
    if k < 2 or toks[k - 1].bare != "and" or toks[k - 1].is_cap:
        return found
    left = subject_np(toks, k - 2)
    if not left:
        return found
    m = index_of(toks, left[0])
    if m == 0 or toks[m - 1].text in (",", ";", ":", "—", "–", "(", "“", '"'):
        return [*left, toks[k - 1], *found]
    return found


# A comma and these words add company to the subject without replacing it.
COMPANY_WORDS = frozenset({("along", "with"), ("together", "with"), ("as", "well")})


def _indefinite_apposition(toks: Sequence[Token], found: list[Token]) -> bool:
    """Does an "a/an" description run back from the phrase to a comma ("…), a supporter of X told")?"""
    k = index_of(toks, found[0])
    for m in range(k - 1, max(-1, k - 8), -1):
        if toks[m].text == ",":
            return m + 1 < len(toks) and toks[m + 1].bare in ("a", "an")
        if not toks[m].is_word or toks[m].bare in BE_FORMS or toks[m].bare in AUXILIARIES:
            return False
    return False


def _before_relative(toks: Sequence[Token], j: int) -> int:
    """Inside ", who …, Ohio, on Wednesday," a relative clause still runs back to its
    ", who": the subject stands before it. The index to read the subject at."""
    for p in range(j, max(0, j - MAX_SKIP), -1):
        text = toks[p].text
        if text in ";:“”\"" or (text == "." and not (p and (toks[p - 1].bare in ABBREVIATIONS | SUFFIXES
                                                             or len(toks[p - 1].text) == 1))):
            return j
        if text == "," and p + 1 <= j and toks[p + 1].bare in ("who", "which", "whose") and not toks[p + 1].is_cap:
            return _skip_adverbs(toks, p - 1)
        if toks[p].bare in ("who", "whose") and not toks[p].is_cap and p >= 1 and toks[p - 1].is_word:
            return p - 1  # "an official who argued with X at the hearing, said"
    return j


def _head_of_apposition(toks: Sequence[Token], found: list[Token]) -> list[Token]:
    """"Ana Ruiz, an official at the port, which …, said": a description after a comma is
    an apposition of the name before it."""
    for _ in range(3):
        k = index_of(toks, found[0])
        while k >= 2 and k > index_of(toks, found[0]) - 8 and toks[k - 1].is_word \
                and toks[k - 1].bare not in BE_FORMS and toks[k - 1].bare not in AUXILIARIES:
            k -= 1  # "a teacher and spokeswoman for X": back to the apposition's comma
        if k < 2 or toks[k - 1].text != "," or _is_name(found):
            return found
        j = k - 2
        if toks[j].text == ")":
            o = _opener(toks, j)  # "Sen. Ana Ruiz (D-West.), a supporter of …"
            if o <= 0:
                return found
            j = o - 1
        if toks[j].text == "." and (toks[j - 1].bare in ABBREVIATIONS | SUFFIXES or len(toks[j - 1].text) == 1):
            j -= 1
        front = subject_np(toks, j) if toks[j].is_word else None
        if not front:
            return found
        k0 = index_of(toks, front[0])
        if k0 > 0 and toks[k0 - 1].bare in OPENING_PREPOSITIONS:
            return found  # "In May, a judge ruled": an opening phrase, not a name in apposition
        if any(t.is_cap and t.bare not in SENTENCE_STARTERS for t in front) and front[0].bare not in ("a", "an"):
            found = front
        else:
            return found
    return found

SUFFIXES = frozenset("jr sr ii iii iv".split())
OPENING_PREPOSITIONS = frozenset("in on at after before during since by from for with of to last this until "
                                 "through across throughout".split())


def _is_name(toks: Sequence[Token]) -> bool:
    """A short run of capitalised words (initials and "Mr." allowed): a person's name."""
    words = [t for t in toks if t.text != "."]
    return 2 <= len(words) <= 5 and all(t.is_cap and t.is_word for t in words) \
        and words[0].bare not in SENTENCE_STARTERS


PLAIN_DETERMINERS = frozenset("the a an another one each every this that these those his her their its our "
                              "my your".split())
# Heads of a share of people ("nearly half", "59 percent of voters") and the words around them.
QUANT_HEADS = frozenset("half percent majority minority third quarter plurality".split())
QUANT_WORDS = frozenset("nearly about almost more than less fewer in of a the some roughly only just over under "
                        "percent % out".split())


def _quantity_np(toks: Sequence[Token], j: int) -> list[Token]:
    """"Nearly half said", "59 percent of voters say": a share of people as the subject."""
    if not (toks[j].bare in QUANT_HEADS or toks[j].text.isdigit()):
        return []
    m = j
    while m > 0 and j - m < 7 and (toks[m - 1].text.isdigit() or toks[m - 1].bare in QUANT_WORDS | QUANT_HEADS):
        m -= 1
    while m < j and toks[m].bare in ("of", "in", "than"):
        m += 1
    return list(toks[m:j + 1])


def _plain_np(toks: Sequence[Token], j: int) -> list[Token]:
    """"the harbour master", "the board": a determiner and up to three plain nouns."""
    for m in range(j, max(-1, j - 4), -1):
        t = toks[m]
        if not t.is_word:
            return []
        if t.bare in PLAIN_DETERMINERS or (t.is_possessive and m < j):
            if m < j and t.is_possessive and t.is_cap:
                while m > 0 and toks[m - 1].is_cap and toks[m - 1].is_word and not toks[m - 1].is_possessive \
                        and toks[m - 1].bare not in SENTENCE_STARTERS:
                    m -= 1  # "Tom Haller's family"
            return list(toks[m:j + 1]) if m < j else []
        if (t.is_cap and t.bare in SENTENCE_STARTERS) or t.bare in SKIP_WORDS or t.bare in AUXILIARIES \
                or (not t.is_cap and (t.bare in SENTENCE_STARTERS or (t.bare.endswith("ly") and t.bare not in LY_NOUNS)
                                      or t.bare.endswith("ed")
                                      or (m < j and t.bare.endswith("ing")))):
            return []
    return []


def _extend_dots(toks: Sequence[Token], out: list[Token]) -> list[Token]:
    """"Ruiz" after "Gov. Ana M." -> "Gov. Ana M. Ruiz": a name read across titles' and
    initials' dots."""
    if not out:
        return out
    k = index_of(toks, out[0])
    if k >= 2 and toks[k - 1].text in ("’", "'") and toks[k - 2].is_cap and toks[k - 2].text.endswith("s"):
        front = np_before(toks, k - 1).tokens  # "Ana Sanders’ campaign"
        if front:
            out = [*front, toks[k - 1], *out]
            k = index_of(toks, front[0])
    if not out[0].is_cap:
        return out
    for _ in range(4):
        if k < 2 or toks[k - 1].text != "." or not toks[k - 2].is_cap \
                or not (toks[k - 2].bare in ABBREVIATIONS or len(toks[k - 2].text) == 1):
            break
        front = np_before(toks, k - 1).tokens
        if not front:
            break
        out = [*front, toks[k - 1], *out]
        k = index_of(toks, front[0])
    return out


def subject_np(toks: Sequence[Token], j: int) -> list[Token] | None:
    """The noun phrase ending at toks[j], with descriptive prepositional phrases in front
    of it joined on ("a spokeswoman for the company", "sources close to the matter")."""
    if j < 0 or not toks[j].is_word:
        return None
    mention = np_before(toks, j + 1)
    out = _extend_dots(toks, list(mention.tokens))
    if out and out[-1].is_possessive and out[-1] is not toks[j]:
        out = []  # "Ana Ruiz's family": the head noun is the speaker, not its owner
    out = out or _plain_np(toks, j) or _quantity_np(toks, j)
    if len(out) == 1 and not out[0].is_cap and out[0].bare.endswith("s") and j >= 2:
        # "some cybersecurity experts": a quantifier and the plain words between it and the noun
        m = j
        while m > 0 and j - m < 3 and toks[m - 1].is_word and not toks[m - 1].is_cap \
                and toks[m - 1].bare not in AUXILIARIES | SKIP_WORDS | NP_PREPS | QUANTIFIERS \
                and toks[m - 1].bare not in SENTENCE_STARTERS and not toks[m - 1].bare.endswith(("ly", "ed", "ing")):
            m -= 1
        if m > 0 and toks[m - 1].bare in QUANTIFIERS and toks[m - 1].bare not in ("all", "both", "each", "any"):
            out = list(toks[m - 1:j + 1])
    if not out:
        # "The judges who ruled ..." style heads are handled by the caller; a lone lowercase
        # noun right before the verb ("developers say") is still a description
        t = toks[j]
        if t.is_word and not t.is_cap and t.bare.endswith("s") and len(t.bare) > 3 and t.bare not in AUXILIARIES:
            out = [t]
            before = toks[j - 1] if j >= 1 else None
            if before is not None and before.is_word and (not before.is_cap or j == 1) \
                    and before.bare not in SENTENCE_STARTERS and before.bare not in AUXILIARIES \
                    and not before.bare.endswith(("ly", "ed")):
                out.insert(0, before)
        else:
            return None
    for _ in range(2):
        k = index_of(toks, out[0])
        if k < 2 or toks[k - 1].bare not in NP_PREPS or toks[k - 1].is_cap:
            break
        h = k - 2
        if toks[h].bare in ("close", "familiar", "near", "closest") and h >= 1:
            head = h - 1
        else:
            head = h
        if toks[k - 1].bare == "by" and toks[head].bare.endswith("ed"):
            break  # "hit by the storm": a participle, not a description
        if toks[head].is_word and not toks[head].is_cap and toks[head].bare.endswith("ed") and head >= 1:
            # "lawsuits (being) considered in Dover": the noun the participle describes
            n = head - 1 - (toks[head - 1].bare in ("being", "now", "currently", "already"))
            if n < 0 or not toks[n].is_word or (toks[n].is_cap and n > 0) or not toks[n].bare.endswith("s") \
                    or toks[n].bare in AUXILIARIES | BE_FORMS:
                break
            head = n
            m = n  # and the words before it that describe it: "two class action lawsuits"
            while m > 0 and n - m < 4 and toks[m - 1].is_word and (not toks[m - 1].is_cap or m - 1 == 0) \
                    and toks[m - 1].bare not in SKIP_WORDS | AUXILIARIES | BE_FORMS | NP_PREPS \
                    and not toks[m - 1].bare.endswith(("ly", "ed", "ing")):
                m -= 1
                if toks[m].bare in PLAIN_DETERMINERS:
                    break
            if m < n:
                out = [*toks[m:k], *out]
                continue
        front = _extend_dots(toks, list(np_before(toks, head + 1).tokens)) or _plain_np(toks, head) \
            or _quantity_np(toks, head)
        if not front:
            t = toks[head]
            if t.is_word and not t.is_cap and (t.bare in ROLE_NOUNS | GROUP_NOUNS or t.bare.endswith("s")):
                front = [t]
            else:
                break
        out = [*front, *toks[front and index_of(toks, front[-1]) + 1:k], *out]
    return out


def index_of(toks: Sequence[Token], tok: Token) -> int:
    """Position of a token by its offset (tokens are in text order): O(log n)."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < tok.start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def object_after(toks: Sequence[Token], i: int) -> list[Token] | None:
    """The noun phrase after "according to" / "citing": up to a clause boundary."""
    out: list[Token] = []
    for t in toks[i:i + MAX_OBJECT + 4]:
        if t.text in ",;:()“”\"—–" or (t.text == "." and not (out and out[-1].bare in ABBREVIATIONS)):
            break
        if t.is_word and not t.is_cap and t.bare in OBJECT_STOP:
            break
        if len(out) >= 2 and t.is_word and not t.is_cap and t.bare.endswith("ed") and _noun_head(out[-1]):
            break  # "a poll released Sunday", "documents filed in court": the source is the noun
        out.append(t)
        if len(out) > MAX_OBJECT:
            return None
    while out and not out[-1].is_word:
        out.pop()
    return out or None


def inverted(toks: Sequence[Token], v: int) -> list[Token] | None:
    """", said the minister" / "…,” said Ana Ruiz, a lawyer": the phrase after the verb."""
    if toks[v].text.lower() not in INVERTING_VERBS:
        return None
    j = _skip_adverbs(toks, v - 1)
    if j >= 0 and not (toks[j].text in ",”\"’'—" or toks[j].text == "''"):
        return None
    if v + 1 >= len(toks):
        return None
    mention = np_after(list(toks), v + 1)
    out = mention.tokens or _phrase_after(toks, v + 1) or []
    k = index_of(toks, out[-1]) + 1 if out else len(toks)
    if out and not out[0].is_cap and k + 1 < len(toks) and toks[k].bare in DESCRIPTION_PREPS \
            and toks[k + 1].bare in ("the", "a", "an"):
        out = _phrase_after(toks, v + 1) or out  # "one senior source on the council": the whole description
    if not out or out[0].bare in PRONOUNS or out[0].bare in QUANTIFIERS \
            or out[0].bare in ("his", "her", "their", "its", "our", "my") \
            or (not out[0].is_cap and out[0].bare.endswith(("ing", "ed"))):
        return None  # "stated his intention", "said having X": an object, not a speaker
    end = index_of(toks, out[-1]) + 1
    if all(t.bare in TIME_WORDS for t in out if t.is_word):
        return None
    core = next((out[:n] for n, x in enumerate(out) if n and not x.is_cap and x.bare in NP_PREPS), out)
    head = core[-1]
    if not (head.is_cap or head.bare in ROLE_NOUNS or head.bare in GROUP_NOUNS or head.bare in ("source", "one")):
        return None  # "…, said the days of X are gone": the verb's object, not a speaker
    if end < len(toks) and toks[end].is_word and toks[end].bare not in AFTER_INVERTED:
        longer = _phrase_after(toks, v + 1)  # "said one senior source on the panel"
        if longer is None:
            return None  # "…, said the campaign has opened …": the verb's object, not its subject
        out = longer
        end = index_of(toks, out[-1]) + 1
    if not any(t.is_cap for t in out) and end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].is_cap:
        named = np_after(list(toks), end + 1).tokens  # "said the company's chief, Ana Ruiz"
        if named:
            return named
    return out


QUANTIFIERS = frozenset("many some most all few several both each any much more".split())
#: Prepositions that go on describing an inverted speaker ("a source on the council", "an aide to the mayor").
DESCRIPTION_PREPS = frozenset("on of for to with from".split())


def _phrase_after(toks: Sequence[Token], i: int) -> list[Token] | None:
    """The noun phrase after an inverted verb, read to the clause's end ("one senior
    source on the panel"); None when it holds a verb (then it was the verb's object)."""
    out: list[Token] = []
    if i < len(toks) and not toks[i].is_cap and toks[i].bare in NP_PREPS | ADVERBIAL_PREPS | OBJECT_STOP:
        return None  # "said in an interview with X": an adverbial, not a speaker
    if i < len(toks) and not (toks[i].bare in PLAIN_DETERMINERS or toks[i].text[:1].isdigit()):
        return None  # a description starts with a determiner ("one senior source on the council")
    for t in toks[i:i + 14]:
        if t.text in ",;:()“”\"—–" or (t.text == "." and not (out and out[-1].bare in ABBREVIATIONS)):
            break
        if t.is_word and not t.is_cap and t.bare in OBJECT_STOP and out:
            break  # "a council member who supports the plan": the relative clause is not the name
        if t.is_word and not t.is_cap and (t.bare in OBJECT_STOP or t.bare in AUXILIARIES or t.bare in BE_FORMS
                                           or t.bare in SPEECH_VERBS or t.bare.endswith("ed")):
            return None
        out.append(t)
    cut = _skip_time(out, len(out) - 1)
    out = out[:cut + 1]
    return out if out and _noun_head(out[-1]) else None


def find_source(toks: Sequence[Token]) -> Found | None:
    """A sentence's tokens -> its speech cue and the tokens naming the source, or None."""
    toks = strip_dateline(toks)
    n = len(toks)
    citing: Found | None = None
    deferred: Found | None = None  # a cue inside an opening subordinate clause
    depth = 0
    lead = 1 if toks and toks[0].text == "(" else 0  # a sentence in brackets is still read
    first = lead
    while first < n and toks[first].bare in ("but", "and", "yet", "so"):
        first += 1
    intro_end = -1
    if first < n and toks[first].bare in SUBORDINATORS:
        intro_end = next((k for k in range(first, min(n, first + 40)) if toks[k].text == ","), -1)
    colon = _colon_speaker(toks) or _final_attribution(toks)
    if colon:
        return colon
    for i in range(n - 1):  # "according to X" anywhere names the claim's source
        if toks[i].bare == "according" and toks[i + 1].text == "to":
            obj = object_after(toks, i + 2)
            if obj:
                return Found(obj, toks[i])
    for i, t in enumerate(toks):
        if i < lead:
            continue
        text = t.text
        if text == "(":
            depth += 1
            continue
        if text == ")":
            depth = max(0, depth - 1)
            continue
        if depth or not t.is_word:
            continue
        low = text.lower()
        if low == "according" and i + 1 < n and toks[i + 1].text == "to":
            obj = object_after(toks, i + 2)
            if obj:
                return Found(obj, t)
            continue
        if low == "citing" and citing is None:
            obj = object_after(toks, i + 1)
            if obj:
                citing = Found(obj, t)
            continue
        if low in PARTICIPLES:
            j = _skip_adverbs(toks, i - 1)
            if j >= 0 and toks[j].bare in STATEMENT_NOUNS and not toks[j].is_cap:
                main = _main_verb_subject(toks, j + 1)  # "issued a statement saying"
                if main:
                    return Found(main, t)
                continue
            if j >= 0 and (toks[j].text in (",", "—", "–", "-", "”", '"')
                           or toks[j].bare in ("by", "after", "before", "while", "upon", "when")):
                main = _main_verb_subject(toks, j)
                if main:
                    return Found(main, t)
                subj = subject_of_sentence(toks)
                if subj and subj[-1].start < t.start:
                    return Found(subj, t)
            continue
        if low in INFINITIVES and i > 0 and toks[i - 1].bare == "to":
            near = _subject_before_infinitive(toks, i)
            if near:
                return Found(near, t)
            subj = subject_of_sentence(toks)
            if subj and subj[-1].start < t.start:
                return Found(list(subj), t)
            continue
        if low in ("pushed", "pushes", "push") and i + 1 < n and toks[i + 1].bare == "back" and _finite(toks, i):
            found = subject_before(toks, i)  # "Ana Ruiz pushed back on the claim"
            if found:
                return Found(found, t)
            continue
        if low not in SPEECH_VERBS or not _finite(toks, i):
            continue
        if i + 1 < n and toks[i + 1].bare in NOT_SPEECH_OBJECTS:
            continue  # "claimed responsibility", "called off"
        j = i - 1
        while j >= 0 and toks[j].is_word and toks[j].bare in AUXILIARIES:
            if toks[j].bare in NEGATIONS:
                break
            j -= 1
        if j >= 0 and toks[j].bare in NEGATIONS:
            continue  # "did not say": no claim of theirs
        found = inverted(toks, i)
        after_comma = _skip_adverbs(toks, i - 1) >= 0 and toks[_skip_adverbs(toks, i - 1)].text == ","
        if found is None or not _named(found) or after_comma:
            before = subject_before(toks, i)
            if before and (found is None or _named(before)):
                found = before
        if found is None:
            j = _skip_adverbs(toks, i - 1)
            if j >= 0 and toks[j].bare in COORDINATORS:
                subj = subject_of_sentence(toks)
                found = list(subj) if subj and subj[-1].start < toks[j].start else None
        if found and low in NAMING_VERBS and not _names_speaker(found, toks, i):
            continue
        if found and low in NOUN_FORMS and _noun_use(found, toks):
            continue
        if found and low.endswith("ed") and _reduced_relative(found, toks, i):
            continue
        if found:
            if i < intro_end:
                deferred = deferred or Found(found, t)
                continue
            return Found(found, t)
    return deferred or citing


STATEMENT_NOUNS = frozenset("statement letter release tweet post message email video ad interview speech memo "
                            "note filing op-ed".split())
# Words of a line's label ("Editor's Note:", "Related Coverage:"), never a speaker's name.
LABEL_WORDS = frozenset("""
note notes update updated related read more watch see also breaking news video photos photo correction
clarification editor editors live latest opinion analysis review exclusive report transcript poll faq
timeline what why how who when where the a an this day week
""".split())


def _final_attribution(toks: Sequence[Token]) -> Found | None:
    """"…, the senator said on Tuesday." / "…,” said Ana Ruiz, a lawyer.": an attribution
    that closes the sentence speaks for all of it, whatever cue words stand before."""
    end = len(toks)
    while end and not toks[end - 1].is_word:
        end -= 1
    named = _final_named_apposition(toks, end)
    if named is not None:
        return named
    for v in range(end - 1, max(0, end - 14), -1):
        t = toks[v]
        if t.text.lower() not in INVERTING_VERBS or not t.is_word:
            continue
        tail = toks[v + 1:end]
        if len(tail) <= 5 and all(x.is_word and (x.is_cap or not (x.bare.endswith("ed") or x.bare in OBJECT_STOP
                                                                    or x.bare in AUXILIARIES)) for x in tail) \
                and not any(x.is_cap and x.bare not in TIME_WORDS for x in tail[:1]):
            found = subject_before(toks, v)
            if found:
                k = index_of(toks, found[0])
                if k > 0 and toks[k - 1].text in (",", "”", '"', "''") and k > 2:
                    return Found(found, t)
        prev = toks[_skip_adverbs(toks, v - 1)] if v else None
        if prev is not None and prev.text in ("”", '"', "''"):
            found = inverted(toks, v)
            if found:
                return Found(found, t)
        return None
    return None


def _final_named_apposition(toks: Sequence[Token], end: int) -> Found | None:
    """"…, the race will be tight, said Ana Ruiz, director of a polling firm in Ohio.": an
    inverted verb after a comma, a name, then a description to the end of the sentence."""
    for v in range(end - 2, max(0, end - 32), -1):
        t = toks[v]
        if t.text == "," or t.text in ";:":
            continue
        if t.text.lower() not in INVERTING_VERBS or not t.is_word or toks[v - 1].text != ",":
            continue
        name = np_after(list(toks), v + 1).tokens
        k = v + 1 + len(name)
        if not name or not _is_name(name) or k >= end or toks[k].text != ",":
            return None
        rest = toks[k + 1:end]
        if rest and not rest[0].is_cap and rest[0].bare not in ("a", "an", "the") and rest[0].bare not in TITLE_WORDS:
            return None
        if any(x.bare in SPEECH_VERBS or x.bare in BE_FORMS or x.bare in ("who", "which", "that") for x in rest):
            return None
        return Found(name, t)
    return None


def _colon_speaker(toks: Sequence[Token]) -> Found | None:
    """"Ana Ruiz: Bridge will reopen": a name of two to four words and a colon open the line."""
    for k, t in enumerate(toks[:6]):
        if t.text == ":":
            words = [x for x in toks[:k] if x.text != "."]
            if not 2 <= len(words) <= 4 or k + 1 >= len(toks) or len(toks) - k < 4:
                return None
            if not all(x.is_cap and x.is_word for x in words) or any(fold(x.bare) in LABEL_WORDS for x in words):
                return None
            if all(x.text.isupper() for x in words):
                return None  # "NEW YORK:": a dateline
            return Found(list(toks[:k]), t)
        if not (t.is_word or t.text == "."):
            return None
    return None


def _subject_before_infinitive(toks: Sequence[Token], i: int) -> list[Token] | None:
    """"… so subdued that Ana Ruiz was prompted to say": the name before the verbs of "to"."""
    m = i - 2
    while m >= 0 and i - 2 - m < 4 and toks[m].is_word and not toks[m].is_cap \
            and toks[m].bare not in ("the", "a", "an", "that", "who", "which", "and", "but"):
        m -= 1
    if m < i - 2 and m >= 0 and toks[m].is_cap and toks[m].is_word and toks[m].bare not in SENTENCE_STARTERS:
        return subject_np(toks, m)
    return None


def _main_verb_subject(toks: Sequence[Token], j: int) -> list[Token] | None:
    """"Ana Ruiz, the mayor, defended the plan, saying …": the subject of the past-tense
    verb before the participle's comma (the nearest word in -ed within the clause)."""
    for k in range(j - 1, max(-1, j - 25), -1):
        t = toks[k]
        if t.text in ";:" or t.bare in ("that", "who", "which"):
            return None
        if t.is_word and not t.is_cap and t.bare.endswith("ed") and len(t.bare) > 4 and k > 0 \
                and toks[k - 1].bare not in BE_FORMS | NOT_SUBJECT_BEFORE:
            found = subject_before(toks, k)
            return found if found and _noun_head(found[-1]) else None
    return None


def _named(toks: Sequence[Token]) -> bool:
    return any(t.is_cap and t.is_word and t.bare not in SENTENCE_STARTERS for t in toks)


def _reduced_relative(subject: list[Token], toks: Sequence[Token], i: int) -> bool:
    """"a Facebook message posted Friday, …": a participle after a thing, not its speech."""
    head = subject[-1]
    if head.is_cap or head.bare in TITLE_WORDS or head.bare in GROUP_NOUNS or head.bare in PRONOUNS:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return subject[0].bare in ("a", "an", "the") and (nxt is None or nxt.bare in TIME_WORDS
                                                      or nxt.bare in ("by", "on", "in", "at") or nxt.text == ",")


def _noun_use(subject: list[Token], toks: Sequence[Token]) -> bool:
    """"In a Facebook post", "the Senate report": a determiner or preposition before a
    capitalised modifier makes the cue word a noun."""
    k = index_of(toks, subject[0])
    if subject[0].bare in ("a", "an", "the") and subject[-1].is_cap:
        return True
    return k > 0 and toks[k - 1].bare in ("in", "on", "at", "of", "for", "with", "from", "by")


def strip_dateline(toks: Sequence[Token]) -> Sequence[Token]:
    """"WASHINGTON — …" / "PARIS, Aug 31 (Reuters) - …": the words after a dateline."""
    for k in range(min(len(toks), 14)):
        if toks[k].text in DATELINE_DASHES:
            head = [t for t in toks[:k] if t.is_word]
            if head and any(t.text.isupper() and len(t.text) > 1 for t in head):
                return toks[k + 1:]
            return toks
    return toks


OPENING_ADVERBS = frozenset("indeed instead still now today yesterday meanwhile however moreover also "
                            "separately later earlier again".split())


def subject_of_sentence(toks: Sequence[Token]) -> list[Token]:
    """The sentence's subject (see ``speakers.sentence_subject``), after a dateline and an
    opening adverb ("Recently, …"), with a title's dot kept ("Mr. Ruiz", not "Mr")."""
    toks = strip_dateline(toks)
    if len(toks) > 2 and toks[1].text == "," and (toks[0].bare.endswith("ly") or toks[0].bare in OPENING_ADVERBS):
        toks = toks[2:]
    while len(toks) > 1 and toks[0].bare in LEADING_WORDS | SKIP_WORDS and toks[1].is_word:
        toks = toks[1:]  # "And then Ana Ruiz went on the attack, saying"
    subj = list(sentence_subject(toks).tokens)
    for n in range(1, len(subj)):
        if subj[n].is_word and not subj[n].is_cap and subj[n - 1].is_cap and subj[n].bare not in ("of", "de", "van",
                                                                                             "von", "al", "bin"):
            subj = subj[:n]  # "Ana Ruiz urged Tom …": the verb ends the subject
            break
    if subj and subj[-1].bare in ABBREVIATIONS:
        k = index_of(toks, subj[-1]) + 1
        if k < len(toks) and toks[k].text == ".":
            k += 1
            while k < len(toks) and toks[k].is_cap and toks[k].is_word:
                subj.append(toks[k])
                k += 1
                if k < len(toks) and toks[k].text == "." and len(toks[k - 1].text) == 1:
                    k += 1  # an initial: "John J. Doe"
    return subj


def _finite(toks: Sequence[Token], i: int) -> bool:
    """A reporting verb used as a verb: not a noun ("his claims") nor a passive ("was called")."""
    prev = toks[i - 1] if i else None
    if prev is None:
        return True
    pl = prev.text.lower()
    if pl in BE_FORMS or pl in ("so", "so-called", "get", "got") or prev.is_possessive:
        return False
    if pl in ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
              "those", "no", "any", "many", "some", "of", "to", "for", "new"):
        return False
    return True


def _names_speaker(subject: list[Token], toks: Sequence[Token], i: int) -> bool:
    """"called" / "described" is speech when its subject is a person or an organisation
    ("Ana called the plan a failure"), not "a group called X" or "a film described as"."""
    nxt = toks[i + 1].bare if i + 1 < len(toks) else ""
    if nxt == "as" or (nxt == "it" and False):
        return False
    head = subject[-1]
    if head.bare in ROLE_NOUNS and (_named(subject) or subject[0].bare == "the" or subject[0].is_possessive):
        return True  # "The harbour board called the plan …", not "a group called X"
    return head.is_cap or head.bare in TITLE_WORDS or head.bare in PRONOUNS or head.bare in GROUP_NOUNS


# -- naming ----------------------------------------------------------------------------

# A run of capitalised words, initials allowed inside: "James E. Clyburn".
NAME_RE = re.compile(r"\b[A-Z][\w'’\-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)*[A-Z][\w'’\-]+)+")
# Reporting verbs as a title-case line writes them ("Ruiz Says Bridge Is Safe"): never a name.
HEADLINE_VERBS = frozenset("says said tells told calls called claims claimed warns warned writes wrote adds "
                           "added denies denied urges urged slams slammed blasts blasted".split())
HONORIFICS = frozenset("mr mrs ms dr sir dame rep sen gov gen lt col rev prof".split())
# "Senators Ana Ruiz and Bo Lind": a plural title before a name is no word of it.
PLURAL_TITLES = frozenset("senators sens reps representatives governors congressmen congresswomen presidents "
                          "ministers".split())


class FullNames:
    """Every full name an article writes, with its initials ("James E. Clyburn"), by last
    word: the fullest form of "Clyburn" (one pass over the text, built once per article)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> None:
        self.by_last: dict[str, Counter[str]] = {}
        for start, end in spans if spans is not None else [(0, len(text))]:
            for m in NAME_RE.finditer(text, start, end):
                piece: list[str] = []
                words = m.group(0).split()
                before = text[max(start, m.start() - 24):m.start()].split()
                if len(before) >= 2 and before[-1] == "of" and fold(before[-2].rstrip(".")) in TITLE_WORDS:
                    # "Secretary of State Ana Ruiz": the title's object is no part of the name
                    words = words[-3:] if len(words) >= 4 and len(words[-2]) <= 2 else words[-2:]
                    if len(m.group(0).split()) < 3:
                        continue
                # a title-case line ("Ana Ruiz Says Bridge Is Safe") is cut at its verbs
                for w in [*words, "is"]:
                    if fold(w) in HEADLINE_VERBS or fold(w) in AUXILIARIES or fold(w) in SENTENCE_STARTERS:
                        self._add(piece)
                        piece = []
                    else:
                        piece.append(w)

    def _add(self, words: list[str]) -> None:
        if words:
            k = max((n for n, w in enumerate(words) if fold(w.rstrip(".")) in TITLE_WORDS | HONORIFICS | PLURAL_TITLES),
                    default=-1)
            words = words[k + 1:]
            while words and fold(words[0]) in CLOSED_WORDS | LEADING_WORDS:
                words = words[1:]  # "Even Ana Ruiz said": the adverb opens the sentence, not the name
            if not 2 <= len(words) <= 4 or any(w[-1:] == "." for w in words[-1:]):
                return
            words[-1] = re.sub(r"['’]s?\Z", "", words[-1])
            if fold(words[-1].rstrip(".")) in SUFFIXES:
                words = words[:-1]
                if len(words) < 2:
                    return
            self.by_last.setdefault(fold(words[-1]), Counter())[" ".join(words)] += 1

    def fullest(self, name: str) -> str:
        """A name -> the longest form of it the article gives (only when it adds words)."""
        words = [w for w in name.split() if fold(w.rstrip(".")) not in SUFFIXES]
        known = self.by_last.get(fold(words[-1])) if words else None
        if not known:
            return name
        mine = {fold(w).rstrip(".") for w in words}
        fits = [n for n in known if mine <= {fold(w).rstrip(".") for w in n.split()}]
        if not fits:
            return name
        best = min(fits, key=lambda n: (-len(n.split()), -known[n], n))
        return best if len(best.split()) >= len(words) else name


LEADING_WORDS = frozenset("but and yet so also however meanwhile still then even".split())


def name_source(book: SpeakerBook, tokens: Sequence[Token], text: str, recent: Sequence[str] = (),
                last_org: str | None = None, names: FullNames | None = None) -> str | None:
    """The tokens naming a source -> its name (see ``_name``), in the fullest form the
    article gives when ``names`` is known."""
    name = _name(book, tokens, text, recent, last_org)
    bare = [t for t in tokens if t.is_word and t.bare not in HONORIFICS]
    if name and len(bare) == 1 and book.shares(bare[0].text):
        # "Mr. Haddad" of "Omar and Leila Haddad": only the title says which
        return titled_surname(tokens, name) if len(name.split()) == 1 else name
    if name and len(bare) == 1 and bare[0].is_cap:
        # "Mr. Bush" where the article has two Bushes: the one most recently a subject or source
        namesake = next((p for p in recent if p and len(p.split()) > 1
                         and fold(p.split()[-1]) == fold(POSSESSIVE_RE.sub("", bare[0].text))
                         and fold(name.split()[-1]) == fold(p.split()[-1])), None)
        if namesake is not None:
            return namesake
    capitalised = bool(name) and all(w[:1].isupper() for w in (name or "").split())
    if name and any(fold(w) in HEADLINE_VERBS or (capitalised and fold(w) in SENTENCE_STARTERS
                                                  and not (n == 0 and fold(w) == "the"))
                    for n, w in enumerate(name.split())):
        return None  # a title-case line misread as a name ("Doctor Says", "Actor Who Endorsed")
    words = (name or "").split()
    if name and names is not None and all(w[:1].isupper() for w in words) \
            and (len(words) == 1 or book.is_person(name) or any(len(w.rstrip(".")) == 1 for w in words)):
        return names.fullest(name)
    return name


def _name(book: SpeakerBook, tokens: Sequence[Token], text: str, recent: Sequence[str] = (),
          last_org: str | None = None) -> str | None:
    """The tokens naming a source -> its name: canonical for names, the right earlier
    person for pronouns and role nouns when clear, else a pronoun-free description or None.

    ``text`` is the article text the tokens' offsets point into (for descriptions).
    """
    toks = [t for t in tokens if t.text not in ("“", "”", '"')]
    while toks and (toks[0].bare in LEADING_WORDS or not toks[0].is_word):
        toks = toks[1:]
    while toks and not toks[-1].is_word:
        toks = toks[:-1]
    if len(toks) > 1 and toks[-1].bare in TIME_WORDS:
        cut = _skip_time(toks, len(toks) - 1)
        toks = toks[:cut + 1] if cut >= 0 else toks
    if not toks:
        return None
    # the head phrase: up to the first preposition ("a spokeswoman" of "a spokeswoman for X")
    core: list[Token] = []
    for n, t in enumerate(toks):
        if core and t.is_word and not t.is_cap and t.bare in NP_PREPS | {"close", "familiar"}:
            if not (t.bare == "of" and core[-1].is_cap and core[-1].bare in TITLE_WORDS
                    and n + 1 < len(toks) and toks[n + 1].is_cap):
                break  # (but "the Secretary of State" is one title)
        core.append(t)
    while len(core) >= 2 and not core[-1].is_cap and core[-1].bare.endswith("ed") \
            and (core[-2].bare.endswith("s") or (core[-2].bare == "being" and len(core) > 2)):
        core = core[:-2] if core[-2].bare == "being" else core[:-1]  # "lawsuits (being) filed in …"
    head = core[-1]
    low = head.text.lower()
    if len(core) == 1 and low in PRONOUNS | {"i", "we", "you", "who", "which", "that", "this", "one"}:
        if low in ("he", "she", "it"):
            who = resolve(book, Mention(core), recent, last_org)
            return who.name
        return None
    if head.is_cap and head.bare in SENTENCE_STARTERS and len(core) == 1:
        return None  # "If", "When": a sentence-initial word, not a name
    if any(t.bare in ("his", "her", "its", "their") for t in core) and len(toks) == len(core):
        who = resolve(book, Mention(core), recent, last_org)
        if who.name and book.is_person(who.name):
            return who.name
        owner = who.person
        if owner:  # "his spokesman" -> "Ana Ruiz's spokesman"
            rest = " ".join(t.text for t in core if t.bare not in ("his", "her", "its", "their"))
            return f"{owner}'s {rest}" if rest else owner
        return None
    who = resolve(book, Mention(core), recent, last_org)
    named = any(t.is_cap and t.bare not in SENTENCE_STARTERS for t in core)
    if who.name and (book.is_person(who.name) or (named and len(toks) == len(core) and head.is_cap)):
        return who.name
    if not _noun_head(head) or (not toks[0].is_cap and toks[0].bare.endswith(("ed", "ing"))):
        return None  # "released a statement": a fragment of a clause, not a source
    if any(t.bare in PRONOUNS for t in toks):
        return None
    return text[toks[0].start:toks[-1].end]


def _noun_head(tok: Token) -> bool:
    """Can this word end the name or description of a source?"""
    if not tok.is_word:
        return False
    if tok.is_cap:
        return tok.bare not in SENTENCE_STARTERS
    low = tok.bare
    if low in TITLE_WORDS or low in ROLE_NOUNS or low in GROUP_NOUNS:
        return True
    if low in SKIP_WORDS or low in AUXILIARIES or low in SENTENCE_STARTERS or low.endswith("ly"):
        return False
    return not low.endswith(("ed", "ing")) and not low.isdigit()

