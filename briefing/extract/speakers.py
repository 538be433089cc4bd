"""Who speaks: names, roles and aliases learned from one article, and quote attribution.

Rule-based and linear. An article teaches its own aliases: "Russian President Ana
Ruiz" teaches that "the Russian president" (and "the Russian leader") is Ana Ruiz and
that "Ruiz" is short for "Ana Ruiz". Attribution reads the words around a quotation:
a noun phrase plus a reporting verb after it (", Ruiz said" / ", said the minister"),
or the last reporting verb before it ("Ruiz told reporters: ..."). Pronouns go to the
most recent person who was a subject or a speaker. No match means no speaker.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..sentences import ABBREVIATIONS
from .context import ArticleContext, need

# -- lexicons of general English cue words -------------------------------------------

_VERB_STEMS = """
say says said saying tell tells told telling add adds added adding stress stresses stressed
stressing remark remarks remarked remarking note notes noted noting write writes wrote writing
post posts posted posting tweet tweets tweeted tweeting respond responds responded responding
reply replies replied replying comment comments commented commenting state states stated stating
declare declares declared declaring announce announces announced announcing explain explains
explained explaining argue argues argued arguing insist insists insisted insisting warn warns warned
warning claim claims claimed claiming admit admits admitted admitting acknowledge acknowledges
acknowledged acknowledging ask asks asked asking urge urges urged urging continue continues
continued continuing emphasise emphasises emphasised emphasising emphasize emphasizes emphasized
emphasizing recall recalls recalled recalling suggest suggests suggested suggesting concede concedes
conceded conceding conclude concludes concluded concluding confirm confirms confirmed confirming
deny denies denied denying promise promises promised promising pledge pledges pledged pledging vow
vows vowed vowing predict predicts predicted predicting describe describes described describing
call calls called calling dub dubs dubbed dubbing label labels labelled labeled labelling labeling
brand brands branded branding term terms termed terming praise praises praised praising criticise
criticises criticised criticising criticize criticizes criticized criticizing slam slams slammed
slamming tout touts touted touting voice voices voiced voicing express expresses expressed
expressing report reports reported reporting allege alleges alleged alleging quip quips quipped
joke jokes joked shout shouts shouted yell yells yelled whisper whispers whispered observe observes
observed observing mention mentions mentioned mentioning boast boasts boasted complain complains
complained complaining lament laments lamented assure assures assured reassure reassures reassured
reassuring reiterate reiterates reiterated reiterating repeat repeats repeated text texts texted
tell wonder wonders wondered mused muse muses recount recounts recounted testify testifies
testified stated thank thanks thanked charge charges charged echo echoes echoed ponder ponders
pondered lecture lectures lectured lecturing demand demands demanded demanding sing sings sang singing
counter counters countered countering retort retorts retorted exclaim exclaims exclaimed plead
pleads pleaded pleading caution cautions cautioned cautioning interject interjected chime chimed
scoff scoffs scoffed gush gushed marvel marvels marvelled marveled muse mused mutter muttered
wrote writes argue advise advises advised advising recommend recommends recommended
agree agrees agreed disagree disagrees disagreed contend contends contended
""".split()
REPORTING_VERBS = frozenset(_VERB_STEMS)
# Verbs that report speech with a particle: "pointed out", "shot back", "went on".
PHRASAL_VERBS = {w: particle for words, particle in (
    ("point points pointed", "out"), ("shoot shoots shot", "back"), ("fire fires fired", "back"),
    ("hit hits", "back"), ("go goes went", "on"), ("chime chimes chimed", "in"))
    for w in words.split()}
# Reporting verbs that are also nouns inside names ("The Daily Post", "Secretary of State").
NAME_NOUNS = frozenset("post posts report reports note notes state states statement comment comments remarks "
                       "tweet tweets text voice label brand term".split())
# Reporting verbs that may also be nouns ("his comments", "the reports").
NOUN_LIKE_VERBS = frozenset(
    "says comments comment states notes note reports report claims claim calls call posts post remarks "
    "remark tweets tweet texts text promises promise thanks label labels brand term terms voice "
    "voices praise statement".split())
# A participle or a verb after a comma takes the sentence's subject.
PARTICIPLE_END = "ing"

PRONOUNS = frozenset("he she they it".split())
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
DETERMINERS = frozenset("the a an this that these those".split())
# Adverbs and auxiliaries that may stand between a speaker and the verb.
SKIP_WORDS = frozenset("""
also later then previously again reportedly repeatedly once earlier further recently publicly
quickly simply just not never even still already often separately specifically bluntly firmly
flatly allegedly angrily has have had was were is are been be would will could might may did does
do quoted as once famously initially first last finally subsequently privately openly now ever
""".split())
# Words that make a capitalised run a title rather than a name.
TITLE_WORDS = frozenset("""
president vice prime minister secretary chancellor senator sen rep representative congressman
congresswoman gov governor mayor general gen colonel col lieutenant lt sergeant admiral adm
commander king queen prince princess pope sheikh emir chief director spokesperson spokesman
spokeswoman ambassador judge justice mr mrs ms dr prof professor former foreign defence defense
deputy acting interim elect president-elect premier leader chairman chairwoman chair ceo founder
journalist reporter correspondent billionaire businessman businesswoman author writer historian
analyst economist lawyer attorney envoy diplomat official officer adviser advisor aide candidate
nominee speaker commissioner head executive presenter host actor actress singer coach captain
striker manager pastor bishop cardinal rabbi imam mp mep lawmaker legislator minister-president
chancellor-elect prime-minister emeritus retired late critic engineer expert scientist activist
organiser organizer teacher doctor nurse researcher student farmer worker resident economist
negotiator prosecutor investigator inspector surgeon architect designer developer entrepreneur
investor banker trader pilot soldier veteran officer campaigner spokesperson-elect owner
councillor councilor alderman sheriff marshal editor publisher columnist broadcaster
front-runner frontrunner hopeful incumbent challenger contender
senators sens reps representatives governors congressmen congresswomen
""".split())
# Lowercase nouns that can head a speaker phrase ("a Kremlin spokesperson", "the campaign").
ROLE_NOUNS = TITLE_WORDS | frozenset("""
campaign office ministry government administration team spokespeople agency department committee
council party army military police embassy company firm outlet newspaper network broadcaster
channel website site group organisation organization union foundation court parliament cabinet
presidency palace white house statement daily weekly paper tabloid magazine station source
""".split())
# Plural or anonymous heads: not a speaker on their own.
GROUP_NOUNS = frozenset("""
officials sources aides people analysts experts observers critics residents witnesses
supporters lawmakers diplomats authorities insiders reporters journalists leaders ministers
members voters citizens others some many media
""".split())
MODIFIERS = frozenset("""
former top senior chief deputy acting interim independent news state state-run state-owned local
foreign tech government military official white house new longtime long-time veteran
then-president then outgoing incoming newly elected
""".split())
# Titles of a head of state or government: "the X leader" may name any of them.
HEAD_TITLES = frozenset("president premier chancellor king queen emir prime leader".split())
ORG_WORDS = frozenset("""
news times post press journal agency ministry council party house union states kingdom republic
forum institute university committee department office bank fund group company corporation inc
ltd foundation association organization organisation court parliament congress senate army force
forces guard police service network channel radio tv television herald guardian telegraph
independent tribune daily weekly review club league federation commission authority
""".split())
DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today tonight yesterday".split())
PLACE_FIRST_WORDS = frozenset("new north south east west middle united saudi central upper lower great".split())
# Words that start a sentence without being part of a name.
SENTENCE_STARTERS = frozenset("""
the a an in on at as but and of for to by from with after before when while although though
since during despite following asked speaking according if because without over under amid last
this that these those there here however meanwhile still yet so then now later earlier instead
separately previously also it its he she they we i his her their our my what why how who where
neither nor both either one some many most all any each every such another other no not
""".split())
# Closed-class words that open a sentence and never name anyone: numbers, quantifiers, adverbs.
CLOSED_WORDS = frozenset("""
two three four five six seven eight nine ten dozens hundreds thousands millions several multiple few
much more less most someone somebody anyone anybody everyone everybody nobody none nothing something
even ever never together along soon perhaps maybe sure unless likewise otherwise moreover furthermore
nonetheless nevertheless indeed certainly clearly obviously apparently actually basically rather
almost nearly only already again alongside whether whatever whoever whenever wherever thus hence
thanks please yes ok okay sometimes often usually later earlier afterward afterwards next note
i'm i’m i've i’ve i'd i’d i'll i’ll we're we’re we've we’ve you're you’re they're they’re let
""".split())
INTRO_STARTERS = frozenset("""
in on at as after before when while although though since during despite following asked
speaking according if because without with over under amid last there here however meanwhile
still yet so then now later earlier instead separately previously also until once unlike like
of for to from by about among against toward towards regarding beyond between within across behind back
""".split())
GENDER_TITLES = {"mr": "he", "king": "he", "prince": "he", "sir": "he", "spokesman": "he",
                 "mrs": "she", "ms": "she", "queen": "she", "princess": "she", "madam": "she",
                 "spokeswoman": "she", "chairwoman": "she", "businesswoman": "she", "actress": "she"}

#: "Omar and Leila Haddad": two first names sharing one surname (at most this many distinct
#: ones are checked per article: each check reads the whole text).
COUPLE_RE = re.compile(r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+([A-Z][\w'’-]+)")
MAX_COUPLES = 20

# Lowercase words inside names and titles: "Ursula von der Leyen", "Secretary of State".
PARTICLES = frozenset("of bin ibn al el de da di du der den van von la le dos das ter".split())
HONORIFICS = frozenset("mr mrs ms miss dr sir dame madam".split())
GENDERED_HONORIFICS = frozenset("mr mrs ms miss".split())
# Prepositions: a noun phrase right after one is an object, not the speaker.
PREPOSITIONS = frozenset("by from of with in on at to for against about over under between among".split())

# Titles written with a dot ("Mr.", "Sen.") and middle initials ("Ana K. Ruiz") are one token,
# so "Mr. Ruiz said" and "Ana K. Ruiz" read as names.
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sens", "Sen", "Reps", "Rep", "Gov", "Gen", "Col", "Lt",
                       "Sgt", "Capt",
                       "Cmdr", "Adm", "Rev", "Hon", "Pres", "Supt", "Insp", "Amb")
TITLE_DOT = r"\b(?:" + "|".join(TITLE_ABBREVIATIONS) + r"|[A-Z])\.(?=\s+[A-Z])"
# "Sanders’ aide": a plural possessive keeps its apostrophe (before a word, after an s).
TOKEN_RE = re.compile(TITLE_DOT + r"|(?:[A-Za-z]\.){2,}|\w[\w.'’\-]*\w(?:(?<=[sS])['’](?=[ \t]+\w))?|\w|[^\w\s]")
POSSESSIVE_RE = re.compile(r"['’]s?\Z")
PROPER_RE = re.compile(r"(?<=[a-z0-9,(]) +([A-Z][\w.'’\-]*\w)")
LOWER_RE = re.compile(r"(?<![\w'’\-])[a-z][\w'’\-]*")


class Token:
    """A word or punctuation mark with its offsets in the article text (features precomputed)."""

    __slots__ = ("_bare", "end", "is_cap", "is_word", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.is_cap = text[:1].isupper()
        self.is_word = text[:1].isalnum()
        self._bare: str | None = None

    @property
    def bare(self) -> str:
        """Lowercase, without trailing dots or a possessive ending."""
        if self._bare is None:
            self._bare = POSSESSIVE_RE.sub("", self.text).rstrip(".").lower()
        return self._bare

    @property
    def is_possessive(self) -> bool:
        text = self.text
        return (len(text) > 2 and text[-2:] in ("'s", "’s")) or (
            len(text) > 1 and text[-1] in "'’" and text[-2] in "sS")

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of text[start:end], with offsets into text."""
    stop = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, stop)]


#: Characters compared at once when looking for what another masking changed.
REMASK_BLOCK = 64


def _changed_blocks(old: str, new: str) -> list[tuple[int, int]]:
    """Two texts of one length -> the stretches where they differ: blocks of REMASK_BLOCK
    characters (merged when adjacent), narrowed to their first and last differing character.
    Slices compare in C: cheap next to tokenizing."""
    out: list[tuple[int, int]] = []
    n, step = len(old), REMASK_BLOCK
    for i in range(0, n, step):
        if old[i:i + step] != new[i:i + step]:
            end = min(n, i + step)
            if out and out[-1][1] == i:
                out[-1] = (out[-1][0], end)
            else:
                out.append((i, end))
    return [(_first_change(old, new, s, min(e, s + step)), _last_change(old, new, max(s, e - step), e))
            for s, e in out]


def _first_change(old: str, new: str, lo: int, hi: int) -> int:
    """The first i in [lo, hi) with old[i] != new[i] (there is one), by bisection on slices."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if old[lo:mid] == new[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _last_change(old: str, new: str, lo: int, hi: int) -> int:
    """One past the last i in [lo, hi) with old[i] != new[i] (there is one)."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if old[mid:hi] == new[mid:hi]:
            hi = mid
        else:
            lo = mid
    return hi


class TokenIndex:
    """A text tokenized once; ``slice(start, end)`` gives the tokens inside a span.

    ``remasked(other)`` gives the index of another masking of the same text (same length,
    some characters blanked differently) without tokenizing it all again.
    """

    def __init__(self, text: str, tokens: list[Token] | None = None) -> None:
        self.text = text
        self.tokens = tokenize(text) if tokens is None else tokens
        self.starts = [t.start for t in self.tokens]

    def remasked(self, text: str) -> TokenIndex:
        """The index of ``text``, equal to ``TokenIndex(text)``, reusing this index's tokens
        where ``text`` has the same characters as ``self.text``.

        Tokens never hold whitespace, and a token depends only on its run of non-space
        characters and (a title's dot, "Mr." before a capital) the first character of the
        next run. So only the runs a change touches are tokenized again, with the run before
        when the change opens a run; every other token is reused as it is.
        """
        old = self.text
        if len(text) != len(old):
            return TokenIndex(text)
        n = len(text)

        def both_space(i: int) -> bool:
            return old[i].isspace() and text[i].isspace()

        windows: list[tuple[int, int]] = []
        for start, end in _changed_blocks(old, text):
            a = start
            while a > 0 and both_space(a - 1):  # a change that opens a run: the run before it too
                a -= 1
            while a > 0 and not both_space(a - 1):
                a -= 1
            b = end
            while b < n and not both_space(b):
                b += 1
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], b)
            else:
                windows.append((a, b))
        if not windows:
            return TokenIndex(text, list(self.tokens))
        tokens: list[Token] = []
        kept = 0  # old tokens before ``kept`` are placed
        for a, b in windows:
            first = bisect_left(self.starts, a)
            tokens += self.tokens[kept:first]
            for m in TOKEN_RE.finditer(text, a):  # no end bound: a title's dot looks past b
                if m.start() >= b:
                    break
                tokens.append(Token(m.group(0), m.start(), m.end()))
            kept = bisect_left(self.starts, b)
        tokens += self.tokens[kept:]
        return TokenIndex(text, tokens)

    def slice(self, start: int, end: int) -> list[Token]:
        """Tokens that lie wholly inside text[start:end]."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        while hi > lo and self.tokens[hi - 1].end > end:
            hi -= 1
        return self.tokens[lo:hi]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, accents removed: the key for comparing names."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def is_verb(tokens: Sequence[Token], i: int) -> bool:
    """Is tokens[i] a reporting verb (not a noun such as "his comments")?"""
    word = tokens[i].text.lower()
    if word in ("put", "puts") and i + 1 < len(tokens) and tokens[i + 1].text == "it":
        return True  # "as Ana Ruiz put it"
    if word in PHRASAL_VERBS and i + 1 < len(tokens) and tokens[i + 1].text.lower() == PHRASAL_VERBS[word]:
        return True  # "Ana Ruiz pointed out", "Ruiz shot back", "Ruiz went on"
    if word not in REPORTING_VERBS:
        return False
    if tokens[i].is_cap and i > 0 and tokens[i - 1].bare in PLACE_FIRST_WORDS:
        return False  # "the United States has", "New Reports": part of a name
    if tokens[i].is_cap and i > 0 and tokens[i - 1].is_word and not tokens[i - 1].is_cap \
            and not tokens[i - 1].text[:1].isdigit():
        return False  # "former State official", "a Post reporter": capitalised mid-sentence, a name
    if tokens[i].is_cap and word in NAME_NOUNS and i > 0 and (
            (tokens[i - 1].is_cap and tokens[i - 1].is_word and tokens[i - 1].bare not in SENTENCE_STARTERS)
            or (tokens[i - 1].text == "of" and i > 1 and tokens[i - 2].is_cap)):
        return False  # "The Daily Post reported", "Secretary of State Ana Ruiz": a word of a name
    if word in NOUN_LIKE_VERBS and i > 0 and tokens[i - 1].text in ("”", '"', "'", "’"):
        return False  # "his “divisive” comments": a noun after a quoted modifier
    if word in NOUN_LIKE_VERBS and i > 0:
        prev = tokens[i - 1]
        if prev.bare in DETERMINERS or prev.bare in POSSESSIVE_PRONOUNS or prev.is_possessive \
                or prev.text.lower() in ("her", "our", "my", "your"):
            return False
    return True


# Abbreviated titles and their full words, so "Sen. Ana Ruiz" is "the senator".
TITLE_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                     "pres": "president", "lt": "lieutenant", "col": "colonel", "adm": "admiral",
                     "prof": "professor", "congressman": "representative", "congresswoman": "representative"}


def _role_words(words: Iterable[str]) -> tuple[str, ...]:
    out = []
    for w in words:
        w = fold(w).replace(".", "")
        w = POSSESSIVE_RE.sub("", w)
        if w and w not in DETERMINERS:
            out.append(TITLE_ABBREVIATED.get(w, w))
    return tuple(out)


def _same_place(a: str, b: str) -> bool:
    """"ukraine" ~ "ukrainian", "russia" ~ "russian": a shared stem of five letters."""
    return a == b or (min(len(a), len(b)) >= 5 and a[:5] == b[:5])


@dataclass
class Mention:
    """A noun phrase that names (or points to) a speaker."""

    tokens: list[Token]

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def start(self) -> int:
        return self.tokens[0].start if self.tokens else -1


@dataclass
class SpeakerBook:
    """What one article teaches about its people: full names, roles, aliases, gender."""

    full_names: dict[str, Counter[str]] = field(default_factory=dict)  # last word -> names
    word_index: dict[str, set[str]] = field(default_factory=dict)  # other words -> names
    roles: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (role words, name)
    roles_by_title: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    title_gender: dict[str, str] = field(default_factory=dict)  # canonical name -> he / she
    _canon: dict[str, str] = field(default_factory=dict)  # canonical() answers once names are learned
    _frozen: bool = False
    role_text: dict[str, set[str]] = field(default_factory=dict)  # name -> roles as written
    aliases: dict[str, set[str]] = field(default_factory=dict)  # name -> mentions used
    persons: set[str] = field(default_factory=set)
    gender: dict[str, str] = field(default_factory=dict)
    proper: set[str] = field(default_factory=set)  # folded words written capitalised mid-sentence
    common: set[str] = field(default_factory=set)  # words written in lowercase
    shared: set[str] = field(default_factory=set)  # folded surnames a couple shares ("Omar and Leila Haddad")

    # -- learning -------------------------------------------------------------------

    def learn(self, index: TokenIndex, spans: Iterable[tuple[int, int]]) -> None:
        """Learn names, titles and appositions from the (quote-masked) text spans."""
        found = []
        couples: list[tuple[str, str, str]] = []
        for start, end in spans:
            couples.extend(m.groups() for m in COUPLE_RE.finditer(index.text, start, end))
            tokens = index.slice(start, end)
            # words written capitalised after a lowercase word, a digit or a comma (a name, not a
            # sentence start), and words written in lowercase; regexes keep this pass cheap
            found_proper = PROPER_RE.findall(index.text, start, end)
            self.proper.update(fold(POSSESSIVE_RE.sub("", w).rstrip(".")) for w in found_proper)
            self.common.update(LOWER_RE.findall(index.text, start, end))
            runs = _cap_runs(tokens)
            for run_start, run_end in runs:
                self._learn_run(tokens, run_start, run_end)
            found.append((tokens, runs))
        for first, second, last in sorted(set(couples))[:MAX_COUPLES]:
            # "Omar and Leila Haddad": Omar Haddad too, unless the article writes "Omar" as a
            # surname or without "Haddad" ("Lind and Leila Haddad" is two people); a bare "Haddad"
            # is then either
            key = fold(POSSESSIVE_RE.sub("", last))
            known = self.full_names.get(key, Counter())
            if fold(first) in self.full_names or f"{second} {last}" not in known:
                continue
            alone = len(re.findall(r"\b" + first + r"\b", index.text)) \
                - len(re.findall(r"\b" + first + r"\s+(?:and\s+[A-Z][a-z]+\s+)?" + re.escape(last), index.text))
            if not alone:
                known[f"{first} {last}"] += 1
                self.word_index.setdefault(fold(first), set()).add(f"{first} {last}")
                self.persons.add(f"{first} {last}")
                self.shared.add(key)
        # appositions need every full name first
        self._frozen = True
        for tokens, runs in found:
            self._learn_appositions(tokens, runs)
        for name, gender in sorted(self.gender.items()):
            self.title_gender.setdefault(self.canonical(name), gender)

    def _learn_run(self, tokens: list[Token], i: int, j: int) -> None:
        run = tokens[i:j]
        while run and ((run[0].bare in SENTENCE_STARTERS and run[0].bare not in TITLE_WORDS)
                       or (run[0].bare in CLOSED_WORDS | INTRO_STARTERS and run[0] is tokens[i]
                           and not self.known_word(run[0].text))):
            run = run[1:]
        if not run:
            return
        of_at = next((n for n, t in enumerate(run) if t.text == "of"), 0)
        if of_at and title_end(run[:of_at]) < of_at - 1:
            run = run[:of_at]  # "Rep. Ana King of Ohio": a name before "of"; what follows is a place
        k = title_end(run)
        role_tokens, name_tokens = run[:k + 1], run[k + 1:]
        # lowercase titles just before the run: "journalist Ana Ruiz", "Kremlin spokesperson X"
        before: list[Token] = []
        n = i - 1
        while n >= 0 and tokens[n].is_word and not tokens[n].is_cap and tokens[n].bare in TITLE_WORDS:
            before.insert(0, tokens[n])
            n -= 1
        if before:
            while n >= 0 and tokens[n].is_cap and tokens[n].bare not in SENTENCE_STARTERS:
                before.insert(0, tokens[n])
                n -= 1
        role_tokens = before + role_tokens
        if name_tokens and name_tokens[0].text == "of" and role_tokens:
            named = title_object_name(name_tokens[1:])  # "Secretary of State Ana Ruiz"
            role_tokens = role_tokens + name_tokens[:len(name_tokens) - len(named)]
            name_tokens = named
        # "Ana Ruiz of Ohio": the place after "of" is no part of a person's name
        cut = next((n for n, t in enumerate(name_tokens) if t.text == "of"), len(name_tokens))
        name_tokens = name_tokens[:cut]
        if not name_tokens or all(t.text.isupper() and len(t.text) > 2 for t in name_tokens):
            return  # a heading in capitals ("TURNOUT STAYS LOW") names nobody
        if name_tokens[-1].bare in PARTY_WORDS:
            return  # "a New Hampshire Democrat" describes someone; it is no name
        while len(name_tokens) > 2 and name_tokens[-1].bare in NAME_SUFFIXES:
            name_tokens = name_tokens[:-1]  # "Ana B. Ruiz Jr.": the name is "Ana B. Ruiz"
        name = " ".join(POSSESSIVE_RE.sub("", t.text) if t is name_tokens[-1] else t.text
                        for t in name_tokens)
        words = name.split()
        if len(words) > 4 or any(fold(w) in ORG_WORDS for w in words):
            return
        titled = bool(role_tokens)
        if (len(words) >= 2 and fold(words[0]) not in PLACE_FIRST_WORDS) or titled:
            if len(words) >= 2:
                self.full_names.setdefault(fold(words[-1]), Counter())[name] += 1
                for w in words[:-1]:
                    self.word_index.setdefault(fold(w), set()).add(name)
            self.persons.add(name)
        if role_tokens:
            role = _role_words(t.text for t in role_tokens)
            self._add_role(role, name)
            if any(w not in HONORIFICS for w in role):
                self.role_text.setdefault(name, set()).add(" ".join(t.text for t in role_tokens))
            for w in role:
                if w in GENDER_TITLES:
                    self.gender[name] = GENDER_TITLES[w]

    def _learn_appositions(self, tokens: list[Token], runs: list[tuple[int, int]]) -> None:
        """"Ana Ruiz, the Russian president, ..." teaches a role; so does "the president, Ana Ruiz"."""
        for run_start, run_end in runs:
            if run_end - run_start > 5:
                continue
            name = self.canonical(" ".join(t.text for t in tokens[run_start:run_end]))
            if name not in self.persons:
                continue
            self._learn_role_before(tokens, run_start, name)
            if run_end >= len(tokens) or tokens[run_end].text != ",":
                continue
            n = run_end + 1
            phrase: list[Token] = []
            while n < len(tokens) and tokens[n].is_word and len(phrase) < 6:
                phrase.append(tokens[n])
                n += 1
            if n < len(tokens) and tokens[n].text in ",." and phrase and phrase[-1].bare in TITLE_WORDS \
                    and phrase[0].bare in DETERMINERS:
                self._add_role(_role_words(t.text for t in phrase), name)
                self.role_text.setdefault(name, set()).add(" ".join(t.text for t in phrase[1:]))

    def _learn_role_before(self, tokens: Sequence[Token], run_start: int, name: str) -> None:
        """"the foreign minister, Ana Ruiz," -> Ana Ruiz is the foreign minister."""
        n = run_start - 1
        if n < 1 or tokens[n].text != ",":
            return
        m = n - 1
        phrase: list[Token] = []
        while m >= 0 and tokens[m].is_word and len(phrase) < 6:
            phrase.insert(0, tokens[m])
            if tokens[m].bare in DETERMINERS:
                break
            m -= 1
        if len(phrase) > 1 and phrase[0].bare in DETERMINERS and phrase[-1].bare in TITLE_WORDS:
            self._add_role(_role_words(t.text for t in phrase), name)
            self.role_text.setdefault(name, set()).add(" ".join(t.text for t in phrase[1:]))

    # -- lookups --------------------------------------------------------------------

    def canonical(self, name: str) -> str:
        """A name as written -> the longest full name of this article with that last word."""
        cached = self._canon.get(name)
        if cached is None:
            cached = self._canonical(name)
            if self._frozen:
                self._canon[name] = cached
        return cached

    def _canonical(self, name: str) -> str:
        words = [POSSESSIVE_RE.sub("", w) for w in name.split()]
        if not words:
            return name
        known = self.full_names.get(fold(words[-1]))
        if not known and len(words) == 1:
            # "Kim" for "Kim Jong Un": a word of exactly one full name
            word = fold(words[0])
            owners = self.word_index.get(word, set()) if len(word) > 2 else set()
            return next(iter(owners)) if len(owners) == 1 else words[0]
        if not known:
            return " ".join(words)
        folded = {fold(w) for w in words}
        if len(words) == 1 and self.shares(words[0]):
            return words[0]  # "Mr. Haddad" of "Omar and Leila Haddad": the article says which only by title
        if len(words) == 1:
            pool: Iterable[str] = known
        else:  # only the names that share another word: no pass over every namesake
            pool = [n for n in self.word_index.get(fold(words[0]), ()) if n in known]
        fits = [n for n in pool if folded <= {fold(w) for w in n.split()}]
        if not fits:
            return " ".join(words)
        firsts = {fold(n.split()[0]) for n in fits}
        if len(words) == 1 and len(firsts) > 1:
            # namesakes ("George W. Bush", "Jeb Bush"): a bare "Bush" is the one written most often
            # (each person's variants counted together), not the one with the longest name
            written: Counter[str] = Counter()
            for n in fits:
                written[fold(n.split()[0])] += known[n]
            (top, most), (_, next_most) = written.most_common(2)
            if most > next_most:  # (a tie keeps the rule below)
                fits = [n for n in fits if fold(n.split()[0]) == top]
        # longest, then most often written, then alphabetical: deterministic
        return min(fits, key=lambda n: (-len(n.split()), -known[n], -len(n), n))

    def _add_role(self, role: tuple[str, ...], name: str) -> None:
        self.roles.append((role, name))
        for w in role:
            if w in TITLE_WORDS:
                self.roles_by_title.setdefault(w, []).append((role, name))

    def by_role(self, words: Sequence[str]) -> str | None:
        """Role words ("russian", "president") -> the one person the article gave that role."""
        query = [w for w in _role_words(words) if w not in ("the", "a", "an")]
        titles = [w for w in query if w in TITLE_WORDS]
        if not titles:
            return None
        heads = HEAD_TITLES if titles[-1] == "leader" else (titles[-1],)
        names = set()
        for head in sorted(heads):
            for role, name in self.roles_by_title.get(head, ()):
                if all(_role_has(role, q) for q in query):
                    names.add(self.canonical(name))
                    if len(names) > 1:
                        return None
        return names.pop() if len(names) == 1 else None

    def known_word(self, word: str) -> bool:
        """Does the article write ``word`` as a name: capitalised mid-sentence, or in a full name?"""
        key = fold(POSSESSIVE_RE.sub("", word).rstrip("."))
        return key in self.proper or key in self.full_names or key in self.word_index

    def name_part(self, tokens: Sequence[Token]) -> list[Token]:
        """The tokens of a capitalised run that can be a name: sentence-initial words the article
        never writes as a name ("Hours", "Adding", "Both", "On"), and trailing days, dropped."""
        out = list(tokens)
        while out and (out[0].bare in SENTENCE_STARTERS or out[0].bare in INTRO_STARTERS or out[0].bare in DAY_WORDS
                       or out[0].bare in CLOSED_WORDS
                       or (not self.known_word(out[0].text) and out[0].bare not in TITLE_WORDS
                           and self._common_word(out[0]))):
            out = out[1:]
        while out and out[-1].bare in DAY_WORDS:
            out = out[:-1]
        return out

    def _common_word(self, tok: Token) -> bool:
        """Written in lowercase elsewhere in the article, shaped like a verb form or an adverb,
        or a heading in capitals: not a name on its own."""
        low = tok.bare
        return low in self.common or tok.text.lower() in self.common or low.endswith(("ing", "ly", "ed")) \
            or (tok.text.isupper() and len(low) > 2)

    def by_salience(self, antecedents: Sequence[str], title: str) -> str | None:
        """"the senator" when the roles alone do not decide: the most recent person of
        ``antecedents`` whose roles include ``title``; None if none has it."""
        for name in antecedents:
            canon = self.canonical(name)
            if any(title in role and self.canonical(owner) == canon
                   for role, owner in self.roles_by_title.get(title, ())):
                return canon
        return None

    def shares(self, word: str) -> bool:
        """Is ``word`` a surname a couple in the article shares ("Haddad" of "Omar and Leila Haddad")?"""
        return fold(POSSESSIVE_RE.sub("", word)) in self.shared

    def gender_of(self, name: str) -> str | None:
        """"he" / "she" when the article says so (a title, or a pronoun after the name)."""
        if name in self.gender:
            return self.gender[name]
        return self.title_gender.get(name)

    def agreeing(self, candidates: Sequence[str], pronoun: str) -> str | None:
        """The first candidate that a pronoun ("he"/"she") can refer to: the gender must not clash."""
        if not candidates:
            return None
        first = candidates[0]
        gender = self.gender_of(first)
        # only the most recent person is a safe referent; an older one only when the gender
        # rules the recent one out and names the older one
        if gender in (None, pronoun):
            return first
        for other in candidates[1:]:
            if self.gender_of(other) == pronoun:
                return other
        return None

    def is_person(self, name: str | None) -> bool:
        return bool(name) and (name in self.persons or self.canonical(name or "") in self.persons)

    def note(self, name: str, mention: str) -> None:
        """Remember that ``mention`` named ``name`` (for Speaker.aliases)."""
        if not mention or mention.lower() in PRONOUNS:
            return
        mention = POSSESSIVE_RE.sub("", mention)
        if mention != name:
            self.aliases.setdefault(name, set()).add(mention)


# "Jr.", "III": a generation after a name, no word of the name others write.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
PARTY_WORDS = frozenset("republican republicans democrat democrats democratic gop independent libertarian "
                        "conservative labour liberal tory green".split())
NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ch")


def nationality_like(word: str) -> bool:
    """"Jordanian", "Saudi", "Dutch": a word shaped as a nationality (not a short first name:
    "Jean", "Sean", "Ryan")."""
    return len(word) >= 5 and word.endswith(NATIONALITY_ENDINGS) and not (len(word) < 6 and word.endswith("an"))
# Title words that are also common surnames ("Ana King", "Mr. Bishop").
SURNAME_TITLES = frozenset("king judge bishop prince mayor pope cardinal marshal sheriff chancellor "
                           "speaker host head chambers singer farmer banker trader pilot coach".split())


def titled_surname(tokens: Sequence[Token], surname: str) -> str:
    """A surname a couple shares, with the title that says which of them it is: "Mr. Haddad",
    "Mrs. Haddad" (the bare surname when no such title is among ``tokens``)."""
    title = next((t.text.rstrip(".") for t in tokens if t.is_word and t.bare in GENDERED_HONORIFICS), None)
    return surname if title is None else f"{title} {surname}" if title.lower() == "miss" else f"{title}. {surname}"


def title_object_name(tokens: Sequence[Token]) -> list[Token]:
    """The capitalised words after a title's "of" -> the name that ends them ("State Ana Ruiz"
    -> "Ana Ruiz", "Homeland Security Bo K. Lind" -> "Bo K. Lind"); [] when only the title's
    object is there ("State")."""
    words = [t for t in tokens if t.is_word]
    if len(words) < 3 or not all(t.is_cap for t in words) or any(t.text == "of" for t in words):
        return []
    size = 3 if len(words) >= 4 and (len(words[-2].text) <= 2 or words[-1].bare in ("jr", "sr", "ii", "iii")) else 2
    return list(words[-size:])


def title_end(run: Sequence[Token]) -> int:
    """Index of the last title word of a capitalised run (-1 if none): the name follows it.

    A title word that ends the run after an honorific or a first name is a surname:
    "Mr. King", "Ana King" (but "Saudi King", "Jordanian King" stay titles).
    """
    k = max((n for n, t in enumerate(run) if t.bare in TITLE_WORDS), default=-1)
    # "Republican Ana Ruiz", "Democratic Sen. Bo Lind": a party word before a full name
    while k + 1 < len(run) - 2 and run[k + 1].bare in PARTY_WORDS:
        k += 1
    if k == len(run) - 1 and k > 0 and run[k - 1].bare in HONORIFICS and run[k].text[:1].isupper():
        # "Mr. Singer", "Ms. Judge": after an honorific, any capitalised word is a surname
        return max((n for n, t in enumerate(run[:-1]) if t.bare in TITLE_WORDS), default=-1)
    if k == len(run) - 1 and k > 0 and run[k].bare in SURNAME_TITLES:
        prev = run[k - 1]
        if prev.bare in HONORIFICS or (prev.bare not in TITLE_WORDS and prev.bare not in PLACE_FIRST_WORDS
                                       and not nationality_like(prev.bare) and not prev.is_possessive):
            k = max((n for n, t in enumerate(run[:-1]) if t.bare in TITLE_WORDS), default=-1)
    return k


def _role_has(role: tuple[str, ...], query: str) -> bool:
    if query == "leader":
        return any(w in HEAD_TITLES for w in role)
    if query in ("us", "u.s"):
        query = "us"
    return any(_same_place(w, query) for w in role)


def _cap_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(start, end) token index pairs of runs of capitalised words ("of" allowed inside)."""
    runs = []
    i = 0
    while i < len(tokens):
        if tokens[i].is_cap and tokens[i].is_word:
            j = i + 1
            while j < len(tokens):
                t = tokens[j]
                if t.is_cap and t.is_word and not tokens[j - 1].is_possessive:
                    j += 1
                elif t.text in PARTICLES:
                    k = j
                    while k < len(tokens) and tokens[k].text in PARTICLES:
                        k += 1
                    if k < len(tokens) and tokens[k].is_cap and tokens[k].is_word and k - j <= 3:
                        j = k + 1
                    else:
                        break
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


# -- noun phrases and attribution ----------------------------------------------------

def _np_word(tok: Token) -> bool:
    """Can this token be part of a speaker noun phrase?"""
    if not tok.is_word:
        return False
    low = tok.text.lower()
    return (tok.is_cap or low in DETERMINERS or low in POSSESSIVE_PRONOUNS or low in ROLE_NOUNS
            or low in MODIFIERS or low in GROUP_NOUNS or low in PRONOUNS or low in PARTICLES)


DASHES = frozenset("- – — --".split())
# Reporting verbs that take the addressee as their object: "telling CNBC:", "told Bo Lind:".
OBJECT_VERBS = frozenset("tell tells told ask asks asked urge urges urged thank thanks thanked".split())
# Auxiliaries and modals: a phrase holding one is a clause ("that Bo can win"), not a speaker.
CLAUSE_WORDS = frozenset("can could will would should may might must is are was were has have had does did".split())
# Words that end a noun phrase read forwards ("said the minister at a rally").
NP_STOP = frozenset("""
at in on to for with and or but who whom which that during after before when while as from by
about into over under than because if since until without within told said says added
""".split())


def _adverb(low: str) -> bool:
    """"quickly", "reportedly" -- but not "daily", "weekly" (newspapers) or "ally"."""
    return low.endswith("ly") and low not in ORG_WORDS and low not in ROLE_NOUNS and low not in ("ally", "family")


def _lower_noun(tok: Token) -> bool:
    """A lowercase word that may sit inside a noun phrase ("finance" in "the finance minister")."""
    low = tok.text.lower()
    return tok.is_word and not tok.is_cap and low not in NP_STOP and low not in REPORTING_VERBS \
        and low not in SKIP_WORDS and not _adverb(low)


# Words after which a noun phrase opens a clause: "…, which an inquiry said", "after the rival said".
CLAUSE_OPENERS = frozenset("which that who after when while as because but although though since before "
                           "if once until whereas".split())


def _clause_initial_np(tokens: Sequence[Token], n: int) -> Mention | None:
    """"which an FBI inquiry said", "after the Democratic front-runner had said": a determiner,
    names or plain words, and a plain noun that the lexicons do not know, opening a clause."""
    if n < 1 or not tokens[n].is_word or tokens[n].is_cap or _np_word(tokens[n]) or not _lower_noun(tokens[n]) \
            or tokens[n].bare in CLAUSE_WORDS or tokens[n].bare.endswith(("ing", "ed")):
        return None
    for m in range(n - 1, max(-1, n - 5), -1):
        t = tokens[m]
        if t.bare in ("a", "an", "the") or t.bare in POSSESSIVE_PRONOUNS:
            if m == 0 or not tokens[m - 1].is_word or tokens[m - 1].bare in CLAUSE_OPENERS:
                return Mention(list(tokens[m:n + 1]))
            return None
        if not (t.is_word and (t.is_cap or _lower_noun(t))) or t.bare in CLAUSE_WORDS:
            return None
    return None


def np_before(tokens: Sequence[Token], i: int) -> Mention:
    """The noun phrase that ends just before tokens[i] (skipping adverbs), as a Mention."""
    n = i - 1
    # "Ana Ruiz later Thursday told ...": adverbs and days between the subject and its verb
    while n >= 0 and tokens[n].is_word and ((not tokens[n].is_cap and (
            tokens[n].text.lower() in SKIP_WORDS or _adverb(tokens[n].text.lower())))
            or (tokens[n].bare in DAY_WORDS and n > 0 and tokens[n - 1].is_word)):
        n -= 1
    clause_subject = _clause_initial_np(tokens, n)
    if clause_subject is not None:
        return clause_subject
    out: list[Token] = []
    while n >= 0 and len(out) < 8:
        tok = tokens[n]
        if not _np_word(tok):
            if out and tok.bare in ("one", "another") and (not out[0].is_cap or out[-1].bare in PARTY_WORDS
                                                            or out[-1].bare in ROLE_NOUNS | GROUP_NOUNS):
                out.insert(0, tok)  # "one campaign source said"
                break
            if out and out[0].is_cap and out[0].bare not in TITLE_WORDS and tok.is_word and not tok.is_cap:
                break  # "the ones State says": a plain word before a name is no part of it
            # "the finance minister": plain nouns count only between a determiner and the head
            m = n
            while m >= 0 and m > n - 4 and ((_lower_noun(tokens[m]) and not _np_word(tokens[m]))
                                             or (m < n and out and not out[0].is_cap and tokens[m].is_cap
                                                 and tokens[m].is_word and tokens[m].bare not in SENTENCE_STARTERS)):
                m -= 1  # ("the Democratic presidential candidate": a name may modify it too)
            if out and m >= 0 and m < n and (tokens[m].text.lower() in DETERMINERS | set(POSSESSIVE_PRONOUNS)
                                             or tokens[m].is_possessive):
                out[:0] = tokens[m + 1:n + 1]
                n = m
                continue
            break
        out.insert(0, tok)
        low = tok.text.lower()
        if low in PRONOUNS or (low in DETERMINERS and not tok.is_cap) or low in POSSESSIVE_PRONOUNS:
            break
        n -= 1
    while out and out[0].text == "of":
        out = out[1:]
    if out and out[-1].text in PARTICLES:
        return Mention([])  # "the unusual step of criticizing": no phrase ends on "of"
    # a sentence starter glued in front ("But Ana said") is not part of the phrase
    while out and out[0].is_cap and out[0].bare in SENTENCE_STARTERS and out[0].bare not in PRONOUNS \
            and out[0].bare not in DETERMINERS and out[0].bare not in POSSESSIVE_PRONOUNS \
            and not (out[0].bare in ("one", "another") and out[-1].bare in PARTY_WORDS | ROLE_NOUNS | GROUP_NOUNS):
        out = out[1:]
    return Mention(out)


def np_after(tokens: Sequence[Token], i: int) -> Mention:
    """The noun phrase that starts at tokens[i] ("said the foreign minister")."""
    out: list[Token] = []
    n = i
    while n < len(tokens) and len(out) < 8:
        tok = tokens[n]
        low = tok.text.lower()
        if tok.text == "." and out and out[-1].bare in ABBREVIATIONS:
            n += 1  # "Dr. Ana Ruiz"
            continue
        if not tok.is_word or low in NP_STOP or (out and (low in PRONOUNS or low in DETERMINERS)):
            break
        if not (_np_word(tok) or _lower_noun(tok)):
            break
        out.append(tok)
        if low in PRONOUNS:
            break
        n += 1
    # end on the head: a name, a role noun or a pronoun
    whole = list(out)
    while out and not (out[-1].is_cap or out[-1].text.lower() in ROLE_NOUNS | GROUP_NOUNS | PRONOUNS):
        out.pop()
    if out and len(whole) - len(out) == 1 and out[-1].is_cap and len(out) >= 2 \
            and out[0].bare in ("a", "an", "one", "another") and _lower_noun(whole[-1]) \
            and not whole[-1].bare.endswith(("ed", "ing")):
        return Mention(whole)  # "one Sanders supporter": a description whose head no lexicon knows
    return Mention(out)


@dataclass
class Who:
    """A resolved speaker: canonical name (or None) and the words that named it."""

    name: str | None
    mention: str | None
    person: str | None = None  # the person the phrase is about ("Ana" in "Ana's aides")


def resolve(book: SpeakerBook, mention: Mention, antecedents: Sequence[str] = (),
            antecedent_org: str | None = None) -> Who:
    """A noun phrase -> Who. Needs the candidate antecedents, most likely first.

    "he"/"she"/"his"/"her" take the first candidate whose known gender agrees; roles go
    through the aliases the article taught; "it" takes the last organisation.
    """
    toks = [t for t in mention.tokens if t.is_word]
    if not toks:
        return Who(None, None)
    text = mention.text
    head = toks[-1]
    low = head.text.lower()
    if low in PRONOUNS:
        if low in ("he", "she"):
            antecedent = book.agreeing(antecedents, low)
            return Who(antecedent, text, antecedent)
        if low == "it":
            return Who(antecedent_org, text)
        return Who(None, text)
    body = [t for t in toks if t.bare not in DETERMINERS]
    if not body:
        return Who(None, text)
    if _description(toks):
        return Who(text, text)
    if toks[0].bare in ("a", "an", "one", "another") and len(body) >= 2 and not head.is_cap \
            and head.bare not in GROUP_NOUNS and head.bare not in PARTY_WORDS:
        return Who(text, text)  # "a 2008 Clinton veteran", "one Clinton spokesman": someone undisclosed
    if low in GROUP_NOUNS and len(body) == 1:
        return Who(None, text)  # "Critics said", "Officials told"
    if head.bare in PARTY_WORDS and toks[0].bare in ("a", "an", "one", "another", "the"):
        # "a New Hampshire Republican", "one Democrat": a description, not a name
        label = " ".join([toks[0].text.lower(), *text.split()[1:]])  # "Another Republican" -> "another …"
        return Who(None, text) if head.bare.endswith("s") else Who(label, text)
    if head.is_cap and len(body) >= 3 and body[-2].text == "of" and body[-3].is_cap and body[-3].bare in TITLE_WORDS:
        who = book.by_role([t.text for t in body[-3:]])  # "the Secretary of Defense": one title
        if who:
            return Who(who, text, who if book.is_person(who) else None)
        return Who(text, text) if toks[0].bare in DETERMINERS else Who(None, text)
    if head.is_cap and not (head.bare in TITLE_WORDS and len(body) > 1 and not body[-2].is_cap):
        # name head: the capitalised run at the end, titles stripped
        of_at = next((n for n, t in enumerate(body) if n and t.text == "of" and body[n - 1].is_cap), 0)
        if of_at:
            pre = 0
            while of_at - pre > 0 and body[of_at - pre - 1].is_cap:
                pre += 1
            if title_end(body[of_at - pre:of_at]) < pre - 1 and (pre >= 2 or body[of_at - 1].bare in book.full_names):
                body = body[:of_at]  # "Rep. Ana King of Ohio": the name before "of"
        run: list[Token] = []
        for t in reversed(body):
            if not t.is_cap or (run and t.is_possessive):
                break
            run.insert(0, t)
        at = len(body) - len(run)
        if at >= 2 and body[at - 1].text == "of" and body[at - 2].bare in TITLE_WORDS:
            named = title_object_name(run)  # "Secretary of State Ana Ruiz"
            if not named:  # "the Secretary of State": a role
                who = book.by_role([t.text for t in body[at - 2:]])
                return Who(who, text, who if book.is_person(who) else None)
            run = named
        k = title_end(run)
        names = run[k + 1:]
        if len(run) == 1 and not names and run[0].is_cap and fold(run[0].bare) in book.full_names:
            names = run  # "King said" where the article named "Pete King": a surname, not a title
        if not names:
            who = book.by_role([t.text for t in run])
            return Who(who, text, who if book.is_person(who) else None)
        names = book.name_part(names)
        while len(names) > 1 and names[-1].bare in NAME_SUFFIXES:
            names = names[:-1]
        if not names:
            return Who(None, text)  # "Adding", "Entering Tuesday": no name at all
        name = book.canonical(" ".join(t.text for t in names))
        if len(names) == 1 and book.shares(names[0].text):
            name = titled_surname(run[:k + 1], name)  # "Mr. Haddad" of "Omar and Leila Haddad"
        return Who(name, text, name if book.is_person(name) else None)
    # role head: "the Russian president", "his spokesperson", "a Kremlin spokesperson"
    if low in GROUP_NOUNS and not any(t.is_possessive or t.text.lower() in POSSESSIVE_PRONOUNS for t in body):
        return Who(None, text)
    owner: str | None = None
    owner_word: str | None = None
    owner_at = -1
    for n, t in enumerate(body[:-1]):
        tl = t.text.lower()
        if tl in POSSESSIVE_PRONOUNS:
            owner = book.agreeing(antecedents, POSSESSIVE_PRONOUNS[tl]) if tl in ("his", "her") else antecedent_org
            owner_word = tl
        elif t.is_possessive and t.is_cap:
            owner = book.canonical(POSSESSIVE_RE.sub("", t.text))
            owner_word = t.bare
            owner_at = n
    # "Ana Ruiz's lawyer": the owner's first name is no word of the role
    first = owner_at
    while first > 0 and body[first - 1].is_cap:
        first -= 1  # (and the owner's titles: "Senator Ana Ruiz's spokesman")
    named = [t.text for t in body[first:owner_at] if t.bare not in TITLE_WORDS | MODIFIERS]
    if named:
        owner = book.canonical(" ".join([*named, POSSESSIVE_RE.sub("", body[owner_at].text)]))
    role = [t.text for n, t in enumerate(body)
            if not (t.is_possessive or t.text.lower() in POSSESSIVE_PRONOUNS or first <= n < owner_at)]
    role_words = role + ([owner_word] if owner_word and owner_word not in POSSESSIVE_PRONOUNS else [])
    if low in TITLE_WORDS:
        found = book.by_role(role_words)
        if found:
            return Who(found, text, found if book.is_person(found) else None)
        if not owner_word:
            found = book.by_salience(antecedents, TITLE_ABBREVIATED.get(head.bare, head.bare))
            if found:
                return Who(found, text, found)
    if owner:
        short = owner.split()[-1]
        label = " ".join([short, *(w.lower() if not t.is_cap else w for t, w in
                                   ((t, t.text) for t in body if t.text in role and t is not head)), head.bare])
        return Who(label, text, owner if book.is_person(owner) else None)
    if owner_word in POSSESSIVE_PRONOUNS:
        return Who(None, text)
    caps = [t for t in body[:-1] if t.is_cap]
    if caps and low in ROLE_NOUNS:
        label_owner = book.canonical(" ".join(t.text for t in caps))
        label = f"{label_owner.split()[-1] if book.is_person(label_owner) else label_owner} {head.bare}"
        return Who(label, text, label_owner if book.is_person(label_owner) else None)
    if (toks[0].bare in DETERMINERS or toks[0].bare in ("one", "another")) and len(body) >= 2 \
            and low not in TITLE_WORDS and low not in GROUP_NOUNS:
        return Who(text, text)  # "the influential daily", "one campaign source": kept as written
    return Who(None, text)


def name_like(who: Who) -> bool:
    """A capitalised name that is not an organisation's ("Lee", not "Interior Ministry")."""
    words = (who.name or "").split()
    return bool(words) and all(w[:1].isupper() for w in words) and not any(fold(w) in ORG_WORDS for w in words)


def _description(toks: Sequence[Token]) -> bool:
    """"a spokeswoman for the company", "an aide to Ana Ruiz": an article, a lowercase noun,
    then a preposition -- a description of someone, whatever names follow the preposition."""
    if len(toks) < 3 or toks[0].bare not in ("a", "an", "the") or toks[1].is_cap:
        return False
    for n in range(2, len(toks)):
        if toks[n].bare in DESCRIPTION_PREPOSITIONS and toks[n].text.islower():
            return not toks[n - 1].is_cap and toks[n - 1].bare not in GROUP_NOUNS
    return False


# Words of a title-case headline that start its topic: "Ana Ruiz On Bo Lind: ‘…’".
HEADLINE_TOPIC_WORDS = frozenset("on about to for over vs against".split())
# Prepositions that may sit inside a description ("a spokeswoman for the company said").
DESCRIPTION_PREPOSITIONS = frozenset("for of at in from with on to".split())
# How far after a quotation its attribution may reach, in tokens (appositions make it long).
AFTER_WINDOW = 30


def _after_window(toks: Sequence[Token]) -> tuple[int, set[int]]:
    """The tokens an attribution after a quotation may use -> (stop index, skipped indexes).

    It ends at a sentence or clause mark; a dot after an abbreviation and a short
    parenthesis ("Ana Ruiz (D-Ohio) said") are skipped.
    """
    skipped: set[int] = set()
    stop = 0
    while stop < len(toks) and stop < AFTER_WINDOW:
        t = toks[stop]
        if t.text == "(":
            close = next((m for m in range(stop + 1, min(len(toks), stop + 9)) if toks[m].text == ")"), None)
            if close is None:
                break
            skipped.update(range(stop, close + 1))
            stop = close + 1
            continue
        if t.text == ".":
            # "Dr. Ruiz", "Cambridge, Mass., said": no sentence ends before a comma
            if stop and (toks[stop - 1].bare in ABBREVIATIONS
                         or (stop + 1 < len(toks) and toks[stop + 1].text == ",")):
                skipped.add(stop)
                stop += 1
                continue
            break
        if t.text in ";!?:“”\"‘’":
            break
        stop += 1
    return stop, skipped


def find_verb_after(tokens: Sequence[Token]) -> tuple[Mention, int] | None:
    """After a quotation: ("Ana said" | "said Ana" | "the mayor, Ana, said" | "according to Ana"
    | "Ana, a lawyer for the family, said" | "a spokeswoman for the firm said") -> (mention, verb index)."""
    toks = list(tokens)
    stop, skipped = _after_window(toks)
    first = 0
    while first < stop and toks[first].text in ",—–-―":
        first += 1
    order = [n for n in range(first, stop) if n not in skipped]
    if not order:
        return None
    first = order[0]
    ends = stop == len(toks) or toks[stop].text == "."
    if first and toks[first - 1].text in "—–―" and ends and len(order) <= 6:
        # a signed quotation: “…” — Ana Ruiz (a name alone up to the end of the sentence)
        signed = [toks[n] for n in order if toks[n].text != "."]
        if signed and signed[0].is_cap and signed[-1].is_cap \
                and all(t.is_cap or t.text in PARTICLES for t in signed if t.is_word):
            return Mention(signed), first
    if toks[first].text.lower() == "according" and len(order) > 1 and toks[order[1]].text == "to":
        return np_after(toks, order[1] + 1), first
    if is_verb(toks, first):
        if toks[first].bare.endswith(PARTICIPLE_END) or toks[first].bare in ("tell", "tells", "told"):
            return None  # "…,” telling Fox 35 that …": the addressee, not the speaker
        mention = np_after(toks, first + 1)
        end = first + 1 + len(mention.tokens)
        if mention.tokens and not any(t.is_cap for t in mention.tokens) and end + 1 < len(toks) \
                and toks[end].text == "," and toks[end + 1].is_cap:
            named = np_after(toks, end + 1)  # "said the senator, Ana Ruiz"
            if named.tokens:
                mention = named
        return (mention, first) if mention.tokens else None
    comma = next((n for n in order if toks[n].text == ","), stop)
    lead = [toks[n] for n in order if n < comma and toks[n].is_word]
    described = bool(lead) and lead[0].bare in ("a", "an", "the")
    named = any(x.is_cap and x.bare not in DETERMINERS for x in lead)
    lead_ok = all(_np_word(x) or _lower_noun(x) or (described and x.bare in DESCRIPTION_PREPOSITIONS) for x in lead) \
        and not any(x.bare in CLAUSE_WORDS and not x.is_cap for x in lead) and not (lead and lead[0].bare == "that")
    for k, n in enumerate(order):
        if k < 2 or n <= comma or not is_verb(toks, n):
            continue
        prev = toks[order[k - 1]]
        if prev.text == "," and (named or described) and lead_ok:
            return Mention(lead), n  # "Ana Ruiz, a lawyer who has sued the states, said"
        if prev.is_cap:
            mention = np_before(toks, order[k - 1] + 1)  # "on the whole, Ana Ruiz said"
            at = toks.index(mention.tokens[0]) if mention.tokens else 0
            if at > first and toks[at - 1].text == "," and all(t.is_cap for t in mention.tokens):
                return mention, n
        if prev.text == "," and ((not named and not described)
                                 or (not lead_ok and not toks[n].text.lower().endswith(PARTICIPLE_END))):
            after = np_after(toks, n + 1)  # "…” about the plan, said Ana Ruiz, a teacher"
            if after.tokens and after.tokens[0].is_cap and after.tokens[-1].is_cap:
                return after, n
        if prev.text == ",":
            break
    inside = False  # between the commas of an apposition ("Ruiz, a lawyer for the family, said")
    for k, n in enumerate(order):
        tok = toks[n]
        prev = toks[order[k - 1]] if k else None
        if k and is_verb(toks, n) and (not inside or prev.text == "," or prev.is_cap):
            if tok.bare.endswith(PARTICIPLE_END) and prev.is_word and prev.bare not in SKIP_WORDS:
                return None  # "…,” a nod to the rival acknowledging that …": a participle, no cue
            if n > comma and prev.text == ",":
                named = any(x.is_cap and x.bare not in DETERMINERS for x in lead)
                mention = Mention(lead) if named or described else np_before(toks, order[k - 1])
                if not lead_ok:  # "…” that Bo can win, said Ana Ruiz": a clause, then the inverted speaker
                    after = np_after(toks, n + 1)
                    mention = after if after.tokens and after.tokens[0].is_cap else Mention([])
                    return (mention, n) if mention.tokens else None
            elif n < comma and described and any(x.bare in DESCRIPTION_PREPOSITIONS for x in lead):
                mention = Mention([toks[m] for m in order if m < n and toks[m].is_word])
            else:
                mention = np_before(toks, order[k - 1] + 1)
            ok = all(_np_word(x) or _lower_noun(x) or (described and x.bare in DESCRIPTION_PREPOSITIONS)
                     or (x.text.lower() in SKIP_WORDS and bool(mention.tokens) and x.start > mention.tokens[-1].start)
                     for x in lead if x.start < tok.start)  # ("Ana Ruiz has said")
            if mention.tokens and ok:
                return mention, n
            return None
        if tok.text == ",":
            inside = not inside
            continue
        if inside or _np_word(tok) or _lower_noun(tok) or tok.text.lower() in SKIP_WORDS:
            continue
        if described and n < comma and tok.bare in DESCRIPTION_PREPOSITIONS:
            continue
        return None
    return None


VERB_REACH = 150  # tokens before a quotation searched for its reporting verb


def find_verb_before(tokens: Sequence[Token]) -> tuple[Mention, int, bool] | None:
    """Before a quotation: the last reporting verb -> (its subject phrase, index, adjacent?).

    ``adjacent`` is true when the verb (with at most an object) directly introduces the
    quotation ("Ana told reporters:" / "Ana said,"). Looks back ``VERB_REACH`` tokens at
    most: a verb further back introduces no quotation, and each quotation's look stays short.
    """
    for n in range(len(tokens) - 1, max(-1, len(tokens) - 1 - VERB_REACH), -1):
        t = tokens[n]
        if t.text.lower() == "according" and n + 1 < len(tokens) and tokens[n + 1].text == "to":
            mention = np_after(tokens, n + 2)
            if not mention.tokens:  # "according to a 2013 study by two economists,": the description
                end = next((k for k in range(n + 2, min(len(tokens), n + 16)) if not tokens[k].is_word), None)
                phrase = tokens[n + 2:end] if end is not None else []
                if len(phrase) >= 2 and phrase[0].bare in DETERMINERS and not any(
                        t.bare in CLAUSE_WORDS or is_verb(phrase, k) for k, t in enumerate(phrase)):
                    mention = Mention(list(phrase))
            return mention, n, False
        if is_verb(tokens, n):
            tail = tokens[n + 1:]
            if tail and tail[-1].text == ":" and any(x.text in DASHES for x in tail):
                labelled = np_before(tokens, len(tokens) - 1)  # "Pollsters agree - Ana Ruiz: “…”"
                if labelled.tokens and all(x.is_cap for x in labelled.tokens if x.is_word):
                    return labelled, len(tokens) - 1, True
            adjacent = bool(tail) and tail[-1].text in ",:" and len(tail) <= 6 \
                and all(x.is_word or x.text in ",:" for x in tail)
            if not tail:
                adjacent = False
            mention = np_before(tokens, n)
            at = tokens.index(mention.tokens[0]) if mention.tokens else 0
            if 1 <= len(mention.tokens) <= 2 and at >= 3 and tokens[at - 1].text == "," \
                    and all(x.is_cap for x in mention.tokens):
                longer = np_before(tokens, at - 1)  # "Ana Ruiz of Dover, Delaware, says": the person, not the state
                if any(x.text == "of" for x in longer.tokens) and longer.tokens[0].is_cap:
                    mention = longer
            if not mention.tokens and n >= 2 and tokens[n - 1].bare == "to":
                m = n - 2  # "Ana Ruiz was prompted to say": the name before the verbs of "to"
                while m >= 0 and n - 2 - m < 3 and tokens[m].is_word and not tokens[m].is_cap \
                        and tokens[m].bare not in CLAUSE_OPENERS:
                    m -= 1
                if m < n - 2:
                    near = np_before(tokens, m + 1)
                    if near.tokens and near.tokens[-1].is_cap and near.tokens[-1].bare not in SENTENCE_STARTERS:
                        mention = near
            if not mention.tokens and n >= 2 and tokens[n - 1].text == ")":
                opened = next((m for m in range(n - 2, max(-1, n - 10), -1) if tokens[m].text == "("), -1)
                if opened > 0:
                    mention = np_before(tokens, opened)  # "Ana Ruiz (D-Ohio) told reporters"
            if mention.tokens and not t.text.lower().endswith(PARTICIPLE_END):
                first = tokens.index(mention.tokens[0]) if mention.tokens[0] in tokens else 0
                if first > 0 and tokens[first - 1].text.lower() in PREPOSITIONS:
                    mention = Mention([])  # "flooded by Storm Ida has said": not the speaker
            comma = n - 1
            while comma > 0 and tokens[comma].is_word and not tokens[comma].is_cap and tokens[comma].bare in SKIP_WORDS:
                comma -= 1  # "Ana Ruiz, asked about it, had said"
            while comma > 0 and tokens[comma].text in ("'", "”", '"', "’"):
                comma -= 1  # "As Ana Ruiz, author of “Tides,” put it": the comma inside the marks
            ends_apposition = tokens[comma].text == "," or (t.bare in ("put", "puts")
                and comma < n - 1 and not tokens[comma].text.strip("_"))  # (or a masked title ending on a comma)
            if not mention.tokens and n > 1 and not t.text.lower().endswith(PARTICIPLE_END) and ends_apposition:
                mention = _apposition_head(tokens, comma)  # "As Ana Ruiz, a historian, put it:"
            if not mention.tokens and (t.text.lower().endswith(PARTICIPLE_END)
                                       or (n and tokens[n - 1].bare in ("and", "but") and not tokens[n - 1].is_cap)):
                # ("which Ana Ruiz called a “mess” and promised to “fix”": the first verb's subject)
                # "…, Ana Ruiz said, adding that …": the speaker of the clause before the participle
                main = next((m for m in range(n - 1, max(-1, n - 40), -1) if tokens[m].text in ".;:"
                             or (is_verb(tokens, m) and not tokens[m].text.lower().endswith(PARTICIPLE_END))), -1)
                if main > 0 and tokens[main].is_word and tokens[main - 1].is_word:
                    mention = np_before(tokens, main)
                    at = tokens.index(mention.tokens[0]) if mention.tokens else 0
                    if not (mention.tokens and mention.tokens[-1].is_cap) or (
                            at and tokens[at - 1].is_word and tokens[at - 1].bare not in CLAUSE_OPENERS | {"as"}):
                        mention = Mention([])  # (only a clause's subject: not "a Lind-style retort")
            passive = n >= 1 and tokens[n - 1].bare in ("is", "was", "were", "are", "been", "be")
            if passive and n + 1 < len(tokens) and tokens[n + 1].bare == "by":
                asker = np_after(tokens, n + 2)  # "Ruiz was asked by host Bo Lind: “…”"
                if asker.tokens:
                    return asker, n, adjacent
            inverts = not (t.text.lower().endswith(PARTICIPLE_END) or t.bare in OBJECT_VERBS)
            if not adjacent and inverts and n and tokens[n - 1].text == ",":
                named = np_after(tokens, n + 1)  # "The point, says Ana Ruiz, a historian, is that …"
                k = n + 1 + len(named.tokens)
                if named.tokens and named.tokens[0].is_cap and named.tokens[-1].is_cap and k < len(tokens) \
                        and tokens[k].text == ",":
                    return named, n, False
            if adjacent and inverts and (not mention.tokens or (n and tokens[n - 1].text == ",")):
                after = np_after(tokens, n + 1)  # "..., explained Ana Ruiz, “…”"
                if after.tokens and after.tokens[-1].is_cap and after.tokens[0].bare not in PRONOUNS \
                        and after.tokens[0].bare not in PREPOSITIONS:  # (not "said of Bo Lind:")
                    mention = after
            return mention, n, adjacent
    if len(tokens) >= 3 and tokens[-1].text == "," and tokens[-2].is_word and not tokens[-2].is_cap \
            and tokens[-2].bare.endswith("ed") and len(tokens[-2].bare) > 4:
        named = np_before(tokens, len(tokens) - 2)  # "Ana Ruiz cracked, “…”": a name and any verb in -ed
        if 2 <= len(named.tokens) <= 4 and all(t.is_cap for t in named.tokens if t.is_word):
            return named, len(tokens) - 2, True
    # a headline's "Ruiz: ‘We will stay’": a bare name and a colon
    if 2 <= len(tokens) <= 6 and tokens[-1].text == ":" and all(t.is_cap or t.is_possessive for t in tokens[:-1]):
        # "Ana Ruiz On Lind: ‘…’" -- what follows "On" is the topic, not the speaker
        cut = next((n for n, t in enumerate(tokens[:-1]) if n and t.bare in HEADLINE_TOPIC_WORDS), len(tokens) - 1)
        return Mention(list(tokens[:cut])), len(tokens) - 1, True
    if len(tokens) >= 2 and tokens[-1].text == ":":
        # no reporting verb, but a colon: "pollster Ana Ruiz: “…”" names the speaker right
        # before it; "The Daily Planet reveals the figures: “…”" leaves it to the subject
        mention = np_before(tokens, len(tokens) - 1)
        at = tokens.index(mention.tokens[0]) if mention.tokens else 0
        if at and tokens[at - 1].bare in PREPOSITIONS:
            return Mention([]), len(tokens) - 1, True  # "Ana Ruiz sent a message to Bo Lind: “…”": the subject's
        if mention.tokens and mention.tokens[-1].is_cap and mention.tokens[-1].bare not in SENTENCE_STARTERS:
            return mention, len(tokens) - 1, True
        return Mention([]), len(tokens) - 1, True
    return None


def _apposition_head(tokens: Sequence[Token], comma: int) -> Mention:
    """The name before an apposition that ends at ``comma``: "Ana Ruiz, a historian," -> Ana Ruiz."""
    commas = [m for m in range(max(0, comma - 60), comma) if tokens[m].text == ","]
    # the first comma opens the apposition ("Ana Ruiz, whose town, Dover, is …, said"); after an
    # opening word ("Or, as Ana Ruiz, a historian, put it") the last one does
    for first in dict.fromkeys(commas[:1] + commas[-1:]):
        head = np_before(tokens, first)
        if head.tokens and all(t.is_cap for t in head.tokens) \
                and head.tokens[-1].bare not in SENTENCE_STARTERS | CLOSED_WORDS | {"or"}:
            at = tokens.index(head.tokens[0])
            # the name opens the clause ("As Ana Ruiz, …"), not a phrase's object ("In May, …")
            if at == 0 or tokens[at - 1].bare in CLAUSE_OPENERS | {"as", "and", "or", "so", "yet", "what"} \
                    or (tokens[at - 1].text in ",;—" and first == commas[0]):
                return head
    return Mention([])


def _after_place_and_time(tokens: Sequence[Token], n: int) -> int:
    """After an opening phrase that ends on a town ("At a rally in Ames,"), skip the
    region ("Iowa," / "N.H.," / "New Hampshire,") and a time ("on Sunday,") that follow it."""
    if n < 2 or not tokens[n - 2].is_cap:
        return n
    for _ in range(2):
        k = n
        while k < len(tokens) and k - n < 3 and ((tokens[k].is_cap and tokens[k].is_word) or tokens[k].text == "."):
            k += 1
        words = [t for t in tokens[n:k] if t.is_word]
        region = len(words) == 1 or (len(words) == 2 and words[0].bare in PLACE_FIRST_WORDS)
        if region and k < len(tokens) and tokens[k].text == "," and k + 1 < len(tokens) and tokens[k + 1].is_word:
            n = k + 1
            continue
        if n < len(tokens) and tokens[n].bare in ("on", "in", "at", "last", "this", "earlier", "late", "early") \
                and not tokens[n].is_cap:
            m = next((m for m in range(n + 1, min(len(tokens), n + 5)) if tokens[m].text == ","), None)
            if m is not None and all(t.is_word or t.text == "." for t in tokens[n + 1:m]):
                n = m + 1
                continue
        break
    return n


def sentence_subject(tokens: Sequence[Token]) -> Mention:
    """The noun phrase that opens a sentence, after connectives and an opening clause."""
    n = 0
    # a dateline: "WASHINGTON (Agency) —", "Lisbon —" before the sentence proper
    for m in range(min(len(tokens), 8)):
        if tokens[m].text in "—–" or (tokens[m].text == "-" and m + 1 < len(tokens) and tokens[m + 1].text == "-"):
            if m and all(t.is_cap or not t.is_word for t in tokens[:m]):
                n = m + 1
            break
        if tokens[m].is_word and not tokens[m].is_cap:
            break
    while n < len(tokens) and (tokens[n].text in ",—–-" or (tokens[n].bare in INTRO_STARTERS and n + 1 < len(tokens)
                                                              and tokens[n + 1].text == ",")):
        n += 1 if tokens[n].text in ",—–-" else 2
    if n + 2 < len(tokens) and tokens[n + 1].bare in ("later", "earlier", "ago") and tokens[n + 2].text == ",":
        n += 3  # "Hours later, Ana Ruiz said"
    if n < len(tokens) and tokens[n].bare in ("but", "and", "yet", "so", "also", "still", "however"):
        n += 1
        if n < len(tokens) and tokens[n].text == ",":
            n += 1
    opener = n < len(tokens) and (tokens[n].bare in INTRO_STARTERS or (
        tokens[n].is_cap and tokens[n].bare.endswith(("ed", "ing")) and n + 1 < len(tokens)
        and tokens[n + 1].is_word and not tokens[n + 1].is_cap))  # "Alarmed by the vote, …"
    if opener:
        for m in range(n, min(len(tokens), n + 30)):
            if tokens[m].text == ",":
                n = m + 1
                break
        n = _after_place_and_time(tokens, n)
    # "The agency's chief economist, Ana Ruiz, said ...": the name in the apposition
    for m in range(n + 1, min(len(tokens), n + 8)):
        if tokens[m].text == ",":
            k = m + 1
            while k < len(tokens) and tokens[k].is_cap and tokens[k].is_word and k - m <= 4:
                k += 1
            if k - m >= 2 and k < len(tokens) and tokens[k].text == "," \
                    and all(t.is_word and t.text.lower() not in NP_STOP for t in tokens[n:m]):
                return Mention(list(tokens[m + 1:k]))
            break
    out: list[Token] = []
    # A lowercase word outside the lexicons still belongs to the phrase when a name follows
    # it closely: "Local harbourmaster Ana Ruiz said ...".
    # (not after a name: in "Ana Ruiz met Bo Lind" the lowercase word is the verb)
    while n < len(tokens) and len(out) < 8 and (_np_word(tokens[n]) or (
            _lower_noun(tokens[n]) and any(t.is_cap and t.is_word for t in tokens[n + 1:n + 3])
            and not (out and out[-1].is_cap and out[-1].bare not in TITLE_WORDS | MODIFIERS | PARTY_WORDS))):
        low = tokens[n].text.lower()
        if out and (low in PRONOUNS or (low == "then" and out[-1].is_cap)):
            break  # ("Ana Ruiz then appeared": "then" is no title's here)
        if out and not tokens[n].is_cap and low in GROUP_NOUNS and out[-1].is_possessive:
            out.append(tokens[n])
            break
        out.append(tokens[n])
        if low in PRONOUNS:
            break
        n += 1
    if len(out) == 1 and out[0].is_cap and n + 2 < len(tokens) and _lower_noun(tokens[n]) \
            and not tokens[n].bare.endswith(("ed", "s")) and tokens[n + 1].bare in GROUP_NOUNS | ROLE_NOUNS \
            and not tokens[n + 1].is_cap and (tokens[n + 2].bare in CLAUSE_WORDS or is_verb(tokens, n + 2)):
        out += [tokens[n], tokens[n + 1]]  # "Law enforcement sources have said": a plain noun in the phrase
    if out and (out[-1].is_possessive or (out[-1].bare in MODIFIERS and out[-1].bare not in ROLE_NOUNS | GROUP_NOUNS)) \
            and not out[-1].is_cap:
        # "Ana Ruiz's top national security staffer Bo Lind was": the phrase goes on past the
        # lexicons; its head is the name right before the verb, else it is not known
        for k in range(n, min(len(tokens), n + 12)):
            if not tokens[k].is_word:
                break
            if not tokens[k].is_cap and (tokens[k].bare in CLAUSE_WORDS or is_verb(tokens, k)):
                run = k
                while run > n and tokens[run - 1].is_cap:
                    run -= 1
                return Mention(list(tokens[run:k]) if k - run >= 2 else [])
        return Mention([])
    return Mention(out)


def where_of(kind: str) -> str:
    """A paragraph kind -> where a quotation in it stands: "headline", "caption" or "body"."""
    return {"headline": "headline", "heading": "headline", "caption": "caption"}.get(kind, "body")


def learn_entities(ctx: ArticleContext) -> None:
    """Name coreference: tokens + paragraphs -> book (the article's people and organisations,
    their full names, roles, gender and aliases), learned from the body paragraphs."""
    book = SpeakerBook()
    book.learn(need(ctx.tokens, "tokens"),
               [(p.start, p.end) for p in ctx.paragraphs if where_of(p.kind) == "body"])
    ctx.book = book
