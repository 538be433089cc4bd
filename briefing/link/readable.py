"""Text checks an editor makes before lifting a sentence out of its article.

The entity book (``extract/standalone.py``) explains a sentence's *subject*: "He [Ana
Ruiz] said ...". These checks read the item's own words for what it cannot explain and
what keeps it from being a fact or an event worth the Overview, Key facts or Timeline:

- ``leans_back``: a definite noun phrase anywhere in the sentence that points back into
  the article ("asked a judge to block the rules", "stayed in the stock", "such a
  registry", "this small town", "echoed that promise"), or an opening "Then," / "Later
  that day": which rules, which stock, after what, is not said;
- ``quoted_pronoun``: a quotation, a sentence of its own, that says "he", "she" or "they"
  before it names anyone ("“It is a shame he did not vote,” Ruiz said"): whom the speaker means is not said;
- ``reports_something``: a verb that tells something happened, will happen or was said
  (a past or future verb, or "says"), outside quotations and outside a relative clause;
  a present-tense characterisation ("X plays the part of ...", "X is not very large") or
  a framing line ("... enter the final weeks of a race that has defied ...") reports nothing;
- ``live_blog_header``: a live blog's header line ("The Latest on ... (all times local)");
- ``masked_gap``: punctuation left where the page dropped words ("wrote the introduction
  for a new book, ."): the sentence is no longer whole;
- ``without_dateline``: the text after an opening dateline ("LISBON, Portugal — "), so the
  checks of how a sentence opens read its first words.

All patterns are linear (no nested quantifiers over unbounded text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..extract.claims import mask_quotes
from ..extract.dates import NOT_PAST_ED, PAST_WORDS, tense_cues
from ..extract.spans import quoted_spans
from ..extract.speakers import SENTENCE_STARTERS
from ..model import Insertion

#: Heads of a definite noun phrase that point back to something the article named before.
#: Things, happenings and bodies, not people (a role noun as subject is the entity book's
#: work) and not what a news reader needs no antecedent for ("the economy", "the election").
BACK_HEADS = frozenset("""
book report study memo letter document documents bill measure law laws plan proposal deal agreement
statement statements ruling decision order case lawsuit suit rule rules technique tactic tactics
incident episode dispute controversy stock shares attackers attacker attack attacks gunman gunmen shooter shooting
suspect suspects province town village firm company video ad ads article story comments remark remarks
idea program programme policy scheme venture project device weapon product tape recording footage
account message messages email emails tweet tweets
situation findings plaintiffs defendants
slot tool picture photo photos image images post meeting summit talks
event allegation allegations accusations crisis investigators shift reversal switch analogy comparison
investigation investigations probe inquiry interview breach breaches leak leaks hack scandal package
conference residents
""".split()) | frozenset("court panel commission committee agency firm company".split())
#: Heads for a body: the sentence may name it before ("Ana Ruiz of Harbour Line said the company
#: ..."), so they point back only when no name comes before them.
BODY_HEADS = frozenset("court panel commission committee agency firm company".split())
#: "CrowdStrike, the firm ...": an apposition names it.
APPOSITION_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*,\s*$")
NAME_BEFORE_RE = re.compile(r"(?<=\s)[A-Z][a-z]")
#: A capitalised word that is a date, not a name ("on Monday", "in March").
_NOT_A_DATE = (r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
               r"August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")
NAME_AFTER_RE = re.compile(r"\s+" + _NOT_A_DATE + r"[A-Z][a-z]")
#: What may follow the phrase and say which one it is ("the case of ...", "the rules that ...",
#: "the attack in Lisbon", "the ruling, Ruiz v. Port,", "the bill's sponsor" is still which bill).
IDENTIFYING_AFTER_RE = re.compile(
    r"\s*(?:of|that|which|who|whose|known|called|named|dubbed|titled|entitled|against|between|into)\b"
    r"|\s+(?:with|by|in|on|for|from|over|about|at|to|into|as)\s+(?:[a-z][\w-]*\s+){0,4}?" + _NOT_A_DATE + r"[A-Z]"
    r"|\s*,?\s*[“\"‘(]"
    r"|\s*,\s+(?:[A-Z][\w'’.-]*\s*){1,4}(?:[,.;:)]|$)")
#: "the" followed by a run of up to three lowercase words: the run's last word is its head
#: ("the opposite tactic", not "the stock market"); a capitalised word stops the run and names
#: it ("the Lisbon accord"), unless it is an adjective of a people or a party ("the Spanish
#: province", "the Republican bill": which one is still not said). Read ahead, so that a run
#: never swallows the next "the".
_RUN = r"((?:\s+(?:[a-z][a-z-]*|[A-Z][a-z]+(?:an|ese|ish|ic)(?![\w'’]))){1,3})"
DEFINITE_RE = re.compile(r"\b[Tt]he(?=" + _RUN + ")")
#: Words that end a noun phrase's run: they are not its head.
RUN_STOPS = frozenset("""
a an the this that these those in on at of to for with by from into over about as and or but nor
is are was were be been being has have had will would can could may might must should do does did
not no than then when while who whom whose which where after before since until during
his her its their our my your he she it they we just only even also still now already
""".split())
#: Things said or done that a "that" points back to ("echoed that promise").
SAID_HEADS = BACK_HEADS | frozenset("""
promise pledge claim question issue argument view message position remark comment vote speech dispute
controversy criticism charge accusation allegation allegations charges decision announcement
answer response reply line approach strategy plan idea proposal concern
""".split())
#: "that promise", "that dispute": a demonstrative before a head of SAID_HEADS.
THAT_RE = re.compile(r"\b[Tt]hat(?=((?:\s+[a-z][a-z-]*){1,2}))")
#: An object after the word: it was a verb ("a video that attacks Ruiz", "that charges the mayor");
#: a day or a month is none ("called that report Friday a lie").
OBJECT_AFTER_RE = re.compile(r"\s+(?:" + _NOT_A_DATE +
                             r"[A-Z]|(?:a|an|the|his|her|its|their|our|my|your|him|them|us)\b)")
#: Adverbs the tense cues count, which report nothing by themselves ("is already losing").
ADVERB_CUES = frozenset("already earlier previously ago".split())
#: A line that opens on a pointer to the article's previous line ("Then, ...", "Later that day").
CONNECTIVE_OPENING_RE = re.compile(r"^\W*(?:then|later|afterwards|after that|since then|by then|at that point|"
                                   r"on top of that|in addition|what['’]s more|moreover|besides|furthermore|"
                                   r"that (?:day|night|morning|evening|week)|the next day|other|another|both|"
                                   r"the other|the two|the three|the rest|"
                                   # a pronoun subject after an opening adverb ("At least it was …")
                                   r"(?:at least|still|perhaps|indeed|of course|in fact|even so|yet|so|and|but),?"
                                   r"\s+it\s+(?:was|is|had|has|did|does|will|would|could)"
                                   r")(?![\w-])", re.IGNORECASE)
#: Nouns that describe a person (or a group) the article named before ("the businessman", "the mogul", "the group"):
#: outside the subject, where the entity book does not look, they leave the reader asking who.
ROLE_HEADS = frozenset("""
businessman businesswoman billionaire mogul tycoon candidate nominee senator governor congressman
congresswoman lawmaker mayor front-runner frontrunner boxer actor actress singer star veteran
group man men woman women couple family
""".split())
#: "his opponent", "her rival": a person the article named before, or never named, unless a
#: name follows ("her rival Bo Lind", "his opponent, Bo Lind").
POSSESSIVE_ROLE_RE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?(?:opponent|rival|challenger|successor|"
                                r"predecessor|accuser|adversary|foe)\b(?!['’]s|\s*,?\s+(?:[A-Z]|who\b))")
#: The header of a live blog ("The Latest on the race (all times local):"): no event, no fact.
LIVE_BLOG_RE = re.compile(r"\bThe Latest(?:\s+on\b|\s*:)|\(all times [A-Za-z]")
#: "such a registry", "such laws", "this small town" (not "such as", "this week", "this election").
DEMONSTRATIVE_RE = re.compile(r"\b(?:[Ss]uch\s+(?!as\b)(?:an?\s+)?[a-z]+|this(?=" + _RUN + "))")
#: Heads after "this" that need no antecedent: a time, or the story's own race.
#: A text opening on a pronoun ("It's true …", "He did …", "Their plan …").
PRONOUN_OPENING_RE = re.compile(r"\W*(?:it|he|she|they|him|her|his|its|them|their)(?:['’]\w+)?\b", re.IGNORECASE)
#: A sentence opening on a demonstrative ("This call comes amid …", "That is why …", "These
#: remarks …"): what it means, the article said before.
DEMONSTRATIVE_OPENING_RE = re.compile(r"\W*(?:This|That|These|Those)\s+[a-z][\w'’-]*")
THIS_OK = frozenset("""
year week month morning afternoon evening night weekend season time cycle spring summer fall autumn
winter election race campaign country nation primary caucus convention debate point stage way
""".split())
#: A quotation that opens on "That", "This", "Everything" or "Nothing" standing alone ("“That
#: is not true,” ...", "“Everything is on the table,” ..."): what, the article said before.
QUOTED_POINTER_RE = re.compile(r"\s*(That|This|Everything|Nothing)(?:[.,]\s+\1)?"
                               r"(?:\s+(?:is|was|does|doesn['’]t|isn['’]t|wasn['’]t|means?|will|would)\b"
                               r"|['’]s\b)"
                               # "“This agreement represents …,” Ruiz said": which agreement?
                               r"|\s*(This|That|These|Those)\s+(?:" + "|".join(sorted(SAID_HEADS)) + r")\b")
#: Words that open a spoken sentence and name no one ("“Well, I like him,” …").
INTERJECTIONS = frozenset("well yes yeah oh look listen okay ok sure right hey".split())
#: Third-person pronouns a speaker uses for someone the quotation does not name.
QUOTED_PRONOUN_RE = re.compile(r"\b(?:he|she|him|his|her|they|them|their)\b", re.IGNORECASE)
#: An opening dateline: "LISBON —", "PORTO, Portugal, March 3 (Wire) —".
DATELINE_RE = re.compile(r"^\s*[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s[\w.]+){0,3})?"
                         r"(?:\s*\([\w .]{1,20}\))?\s*(?:—|–|--?)\s*")
#: Punctuation left where words were dropped: "a new book, ." / "said , and".
GAP_RE = re.compile(r"[,;:]\s*[.,;:]|\s[,.;:](?=\s|$)")
#: Present-tense verbs that report a statement ("Ruiz says ...").
SAYS = frozenset("""
says tells argues insists claims writes warns reports announces adds notes asserts contends maintains
acknowledges admits concedes denies predicts vows promises pledges
""".split())
#: What follows a reporting verb: what was said ("says that", "says the fleet", "warns, ...").
SAYS_AFTER_RE = re.compile(r"\s*(?:,|:|that\b|[A-Z]|(?:he|she|it|they|we|the|a|an|his|her|its|their|this|there)\b)")
DETERMINERS = frozenset("the a an his her its their our my your this that these those bold new".split())
PREPOSITIONS = frozenset("of in on at for with from by into over under about against between among".split())
#: Perfects of a state, not of a happening: "has been the perennial favourite", "has proved to be".
STATE_PERFECTS = frozenset("been become proved proven remained seemed appeared".split())
AUXILIARIES = frozenset("has have had 's ’s".split())
AUX_BEFORE_VERB = frozenset("has have had is are was were will would did does do be been".split())
RELATIVES = frozenset("that which who whom whose".split())
WORD_AT_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Someone's words or act named only by whose they were ("Ruiz's remarks came on Monday",
#: "the panel's findings", "Friday's announcement"): which remarks the article said before.
#: A complement says which ("Ruiz's decision to resign", "his remarks about Lind", "in Ruiz's
#: words, “...”"); "In his statement, Ruiz said ..." is a frame that the sentence fills.
POSSESSIVE_SAID_RE = re.compile(
    r"(?<![Ii]n )\b(?:[A-Z][\w-]*(?:['’]s|s['’])|[Tt]he\s+[a-z]+['’]s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z]+\s+)?"
    r"(?:decision|comments?|remarks?|statements?|findings|announcement|move|response|reaction|criticism|claims?|actions?|"
    r"accusations?|allegations?|request|entreaty|answer|words|concerns?|aim|goal|positions?|stance|case|lawsuit)\b"
    r"(?!\s*,?\s*(?:to|not\s+to|that|about|over|regarding|of|against|in\s+which|saying|calling|including)\b"
    r"|\s*on\s+" + _NOT_A_DATE + r"(?!(?:last|this|next)\b)|\s*,?\s*[“\"‘:(])")
#: The reader addressed ("you can see", "Listen to the podcast", "Watch the clip"): a pointer
#: to the page or a feature's aside, not an event.
ADDRESSES_READER_RE = re.compile(r"^\W*(?:Listen|Watch|Read|Click|See|Subscribe|Follow|Check\s+out|Sign\s+up|"
                                 r"Tune\s+in|Scroll|Find\s+out)\b|\b(?i:you|your|yourself)\b")


def without_dateline(text: str) -> str:
    """The text after an opening dateline, or the text itself."""
    m = DATELINE_RE.match(text)
    return text[m.end():] if m and m.end() < len(text) else text


def _head(run: str) -> tuple[str, int]:
    """A run of lowercase words after "the" -> its head (the last word before a stop word)
    and how many characters of the run the phrase takes."""
    head, taken = "", 0
    for m in re.finditer(r"\s+([A-Za-z][a-z-]*)", run):
        word = m.group(1)
        if word in RUN_STOPS or word in PAST_WORDS or (word.endswith("ed") and head):
            break
        head, taken = word, m.end()
    return head, taken


#: "the last one", "the other one" (in someone's words too): one of what the article named before.
ONE_BACK_RE = re.compile(r"\bthe\s+(?:last|first|next|other|latest|previous|final|new|same|only)\s+ones?\b",
                         re.IGNORECASE)
#: "at another event", "went further": another than, further than what the article told before
#: (not "one another", not "another 5,000 people").
ANOTHER_RE = re.compile(r"(?<!\bone\s)\banother\s+(?=[a-z])|\b(?:went|go|goes|going|gone)\s+(?:even\s+|a\s+step\s+)?"
                        r"further\b", re.IGNORECASE)
#: "in that package", "for those reasons": a demonstrative after a preposition is no conjunction;
#: which package, the article said before (not "at that time", "that of ...", "that which").
PREPOSITION_THAT_RE = re.compile(r"\b(?:in|on|at|of|for|from|with|to|into|about|over|under|by|behind|against)\s+"
                                 r"(?:that|those|these)\s+([a-z]+)\b(?!\s+(?:of|that|which|who)\b)", re.IGNORECASE)
#: "one of the signatories": of what, the article said before ("one of the signatories of the
#: letter", "one of the donors who ..." say which; "one of the most ..." is a teaser).
ONE_OF_THE_RE = re.compile(r"\bone\s+of\s+the\s+([a-z]+s)\b(?!\s+(?:of|who|whom|that|which|to|in|at|for|from|behind|on|"
                           r"with)\b)")
#: "the party's move against Ruiz": what move, the article told before.
MOVE_AGAINST_RE = re.compile(r"(?:\b[A-Z][\w-]*(?:['’]s|s['’])|\b[Tt]he\s+[a-z]+['’]s|"
                             r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?:[a-z]+\s+)?"
                             r"(?:move|moves|action|actions|step|steps|decision|response|reaction)\s+against\b")
#: "conceding the race to Ruiz", "called the contest": which race, the article said before
#: ("the race for mayor", "the race in Porto" say which).
CONCEDED_RACE_RE = re.compile(r"\b(?:conced\w*|call(?:s|ed|ing)?)\s+the\s+(?:race|contest)\b(?!\s+(?:for|in|of)\b)",
                              re.IGNORECASE)


#: A quotation woven into the outlet's sentence that opens on "this", "these" or "those" and a
#: noun ("vowed to rid the port of “this dreadful gang”"): which gang, the article said before.
QUOTED_DEMONSTRATIVE_RE = re.compile(r"[“\"]\s*(?:this|these|those)\s+(?:[a-z]+\s+){0,2}?([a-z]+)\b")


def _quoted_demonstrative(text: str) -> re.Match[str] | None:
    for m in QUOTED_DEMONSTRATIVE_RE.finditer(text.replace("''", '"')):
        if m.group(1) not in THIS_OK:
            return m
    return None


def leans_back(text: str) -> str | None:
    """The words of a definite or demonstrative phrase (outside quotations) that point back
    into the article ("the rules", "such a registry", "another event", "went further", "the
    party's move against Ruiz", "conceding the race"), or None; "the last one" in someone's
    words too."""
    one = ONE_BACK_RE.search(text) or _quoted_demonstrative(text)
    if one:
        return one.group(0)
    own = mask_quotes(text)
    for pattern in (ANOTHER_RE, MOVE_AGAINST_RE, CONCEDED_RACE_RE, ONE_OF_THE_RE):
        found = pattern.search(own)
        if found:
            return found.group(0).strip()
    for found in PREPOSITION_THAT_RE.finditer(own):
        if found.group(1).islower() and found.group(1) not in THIS_OK and found.group(1) not in RELATIVES:
            return found.group(0)
    opening = CONNECTIVE_OPENING_RE.match(without_dateline(own))
    if opening:
        return opening.group(0).strip(" \t\n,")
    pointer = demonstrative_opening(text)
    if pointer:
        return pointer  # "This call comes amid …" (not "This week, …")
    for m in THAT_RE.finditer(own):
        head, taken = _head(m.group(1))
        end = m.start(1) + taken
        if head in SAID_HEADS and not IDENTIFYING_AFTER_RE.match(own, end) and not OBJECT_AFTER_RE.match(own, end):
            return own[m.start():end]
    for m in DEFINITE_RE.finditer(own):
        head, taken = _head(m.group(1))
        end = m.start(1) + taken
        if head not in BACK_HEADS and head not in ROLE_HEADS:
            continue
        if IDENTIFYING_AFTER_RE.match(own, end) or own.startswith(("'s", "’s"), end):
            continue
        if head in ROLE_HEADS and (m.start() == 0 or NAME_AFTER_RE.match(own, end)):
            continue  # the subject is the entity book's; "the mogul Ana Ruiz" names her
        if APPOSITION_BEFORE_RE.search(own, max(0, m.start() - 40), m.start()):
            continue  # "CrowdStrike, the firm the party hired"
        if head in BODY_HEADS and NAME_BEFORE_RE.search(own, 0, m.start()):
            continue  # "a spokesman for Harbour Line said the company ..."
        return own[m.start():end]
    role = POSSESSIVE_ROLE_RE.search(own)
    if role:
        return role.group(0)
    for m in DEMONSTRATIVE_RE.finditer(own):
        if m.group(1) is None:
            return m.group(0)  # "such a registry"
        if m.start() == 0:
            continue
        head, taken = _head(m.group(1))
        if head and head not in THIS_OK:
            return own[m.start():m.start(1) + taken]
    return None


def opens_on_pointer(text: str) -> str | None:
    """The pronoun or demonstrative a text (a quotation, a sentence) opens on when only its
    article says whom or what it means ("It's true …", "He did …", "This call …"), or None."""
    pronoun = PRONOUN_OPENING_RE.match(text)
    return pronoun.group(0).strip(" \t\n“\"‘'") if pronoun else demonstrative_opening(text)


def demonstrative_opening(text: str) -> str | None:
    """The demonstrative a sentence opens on when it points back ("This call", "That is"), or
    None ("This week" is a time)."""
    pointer = DEMONSTRATIVE_OPENING_RE.match(without_dateline(mask_quotes(text)))
    if pointer and pointer.group(0).split()[-1].lower() not in THIS_OK:
        return pointer.group(0).strip()
    return None


def possessive_back_pointer(text: str) -> str | None:
    """Words outside quotations that name a statement or act only by whose it was ("Ruiz's
    remarks came on Sunday", "the report's findings"), or None."""
    m = POSSESSIVE_SAID_RE.search(mask_quotes(text))
    return m.group(0) if m else None


def addresses_reader(text: str) -> bool:
    """Does the line, outside quotations, speak to the reader ("you can see", "Listen to
    the podcast embedded above")?"""
    return ADDRESSES_READER_RE.search(mask_quotes(without_dateline(text))) is not None


def quoted_pronoun(text: str) -> str | None:
    """A he/she/they inside a quotation before the quotation names anyone ("“It is a pity he
    left,” Ruiz said."), or None. A capitalised word past the quotation's first names someone."""
    probe = text.replace("''", '" ')
    for start, end in quoted_spans(probe):
        inner = probe[start + 1:end - 1]
        if not inner.lstrip()[:1].isupper():
            continue  # a phrase woven into the outlet's sentence: its names come before it
        pointer = QUOTED_POINTER_RE.match(inner)
        if pointer:
            return pointer.group(1) or pointer.group(2)  # "“That doesn't mean no reply,” an aide said": what is "that"?
        for m in WORD_AT_RE.finditer(inner):
            word = m.group(0)
            if QUOTED_PRONOUN_RE.fullmatch(re.sub(r"['’](?:s|re|ll|d|ve)$", "", word)):  # "They're", "He's"
                if re.match(r"\s*[(\[][A-Z]", inner[m.end():]):
                    break  # "He (Ruiz) said": the outlet named him
                return word
            if word[:1].isupper() and word.lower() not in SENTENCE_STARTERS and word.lower() not in INTERJECTIONS \
                    and "'" not in word and "’" not in word:
                break  # a name (not "It", "This", "I'm"): the pronouns after it may be its
    return None


def live_blog_header(text: str) -> bool:
    """The header line of a live blog ("The Latest on the vote (all times local): 9:15 p.m.")."""
    return LIVE_BLOG_RE.search(text) is not None


def masked_gap(text: str) -> bool:
    """Punctuation left where the page dropped words ("a new book, .")."""
    return GAP_RE.search(text) is not None


def _words_before(text: str, at: int, n: int) -> list[str]:
    return [w.lower() for w in WORD_AT_RE.findall(text[max(0, at - 40):at])][-n:]


def reports_something(text: str) -> bool:
    """Does the sentence, outside quotations, tell that something happened, will happen or
    was said: a past or future verb not inside a relative clause ("a race that has defied
    ...") and not a perfect of a state ("has been the favourite", unless it gives a figure),
    or a present-tense reporting verb ("says")?"""
    own = mask_quotes(without_dateline(text))
    for m in WORD_AT_RE.finditer(own):
        if m.group(0).lower() not in SAYS:
            continue
        previous = (WORD_AT_RE.findall(own[max(0, m.start() - 40):m.start()]) or [""])[-1]
        if previous.lower() in DETERMINERS:
            continue  # "her bold promises"
        if SAYS_AFTER_RE.match(own, m.end()) or previous[:1].isupper() or previous.lower() in ("he", "she", "they"):
            return True  # "Ruiz says that ...", "..., Ruiz says in the Post"
    for at, direction in tense_cues(own, 0, len(own)):
        if direction not in (-1, 1):
            continue
        word = WORD_AT_RE.match(own, at)
        if word is None or word.group(0).lower() in ADVERB_CUES:
            continue
        before = _words_before(own, at, 2)
        if before and word.group(0).endswith("ed") and (
                before[-1].endswith(("'s", "’s", "ing")) or before[-1] in PREPOSITIONS):
            continue  # "Ruiz's constrained style", "of disputed waters": an adjective
        if before and (before[-1] in RELATIVES or (before[-1] in AUX_BEFORE_VERB and len(before) > 1
                                                    and before[-2] in RELATIVES)):
            continue  # "a race that has defied", "the best thing that happened"
        if word and word.group(0).lower() in STATE_PERFECTS and before and before[-1] in AUXILIARIES \
                and not re.search(r"\d", own):
            continue  # "has been the perennial favourite"
        return True
    return False


# -- the main clause: who did what --------------------------------------------------------
#: Words that open a line and join it to the one before ("And", "But", "Meanwhile,").
LEADING_CONNECTIVE_RE = re.compile(r"(?:(?:and|but|also|meanwhile|however|still|yet|so)\b,?|"
                                   r"(?:for\s+(?:his|her|their|its)\s+part|for\s+instance|for\s+example|"
                                   r"in\s+addition|in\s+fact|instead),)\s+", re.IGNORECASE)
#: An opening phrase of time or place before the subject ("On Tuesday, ", "In an interview
#: last week, "). Not "After ...", "Before ...", "Since ...", "Following ...": a date there is
#: the earlier or later happening's, not the sentence's.
OPENING_PHRASE_RE = re.compile(r"(?:(?:on|in|at|by|during|late|early|earlier|later|last|this|"
                               r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^,;:—–]{0,90}?),\s+", re.IGNORECASE)
#: Words that set an opening phrase's time against another happening.
RELATIVE_TIME_RE = re.compile(r"\b(?:after|following|before|since|ahead|until|prior)\b", re.IGNORECASE)
CLAUSE_WORD_RE = re.compile(r"\(?[A-Za-z][\w.'’&-]*\)?|[,;:—–()]")
#: Titles before a name, and "the": no name by themselves.
TITLE_WORDS = frozenset("""
mr. mrs. ms. dr. sen. rep. gov. gen. lt. sgt. col. rev. pres. president senator governor congressman
congresswoman the former
""".split())
#: Adverbs between the subject and its verb ("Ruiz also said", "Ruiz abruptly left").
SKIPPED_ADVERBS = frozenset("also again first then now just still already only later once even quickly".split())
#: The verb a clause's subject ends at: an auxiliary, a past form, a present reporting verb.
CLAUSE_AUX = frozenset("is are was were has have had will would".split())
FUTURE_VERBS = frozenset("will would".split())
#: Prepositions that open a complement after a subject's head noun.
HEAD_COMPLEMENTS = frozenset("of with for from at in on among by to".split())
#: Heads a name may own that stand for its people ("the Ruiz campaign", "Ruiz's office").
ORG_HEADS = frozenset("campaign administration office spokesman spokeswoman spokesperson".split())
#: "the Vermont Democrat", "the Wisconsin Republican": a role noun, whom is not said.
PARTY_ROLE_HEADS = frozenset("republican democrat independent conservative liberal progressive".split())
INDEFINITE_OPENERS = frozenset("a an some several many one two three few most".split())
SUBJECT_PRONOUNS = frozenset("he she they it".split())
MAX_SUBJECT_WORDS = 14


@dataclass(frozen=True)
class MainClause:
    """A sentence's subject (its words and where it starts and ends) and its first verb."""

    subject: tuple[str, ...]
    start: int
    end: int
    verb: str
    verb_at: int
    apposition: tuple[str, ...] = ()  # a name set off by commas after the subject ("X's leader, Ana Ruiz,")


#: Words that open a phrase or a clause, not a subject ("After the vote, ...", "Ahead of ...").
NOT_A_SUBJECT_START = frozenset("""
after before since following ahead amid despite during as while when if although though because for with
without from to of in on at by about into over under unlike like once until upon whether where how why what
even just only not given
""".split())


def _clause_verb(word: str) -> bool:
    w = word.lower()
    if w in ADVERB_CUES:
        return False
    if w in CLAUSE_AUX or w in PAST_WORDS or w in SAYS:
        return True
    return w.endswith("ed") and len(w) > 3 and w not in NOT_PAST_ED


def main_clause(text: str) -> MainClause | None:
    """The subject and first verb of the sentence's main clause, read outside quotations,
    after a dateline, an opening connective and an opening phrase of time or place; None
    when no subject and verb can be read with confidence (a clause break, a long subject)."""
    own = mask_quotes(text)
    at = len(own) - len(without_dateline(own))
    for pattern in (LEADING_CONNECTIVE_RE, OPENING_PHRASE_RE):
        m = pattern.match(own, at)
        if m and pattern is OPENING_PHRASE_RE and RELATIVE_TIME_RE.search(m.group(0)):
            return None  # "In the days after Friday's attack, ...": whose date is it?
        if m:
            at = m.end()
    subject: list[tuple[str, int]] = []
    apposition: list[str] = []
    depth, commas = 0, 0
    for m in CLAUSE_WORD_RE.finditer(own, at):
        word = m.group(0)
        if word.startswith("(") or depth:
            depth += word.count("(") - word.count(")")
            depth = max(depth, 0)
            continue
        if word == ",":
            commas += 1
            if commas > 2 or not subject:
                return None
            continue
        if word in ";:—–)":
            return None
        if commas == 1:
            apposition.append(word)  # ", Ana Ruiz," or ", who ...": read after the verb is found
            continue
        if subject and (word.lower() in SKIPPED_ADVERBS or (word.endswith("ly") and word.islower())):
            continue
        if not subject and word.lower() in NOT_A_SUBJECT_START:
            return None
        if len(subject) == 1 and subject[0][0].lower().endswith(("ing", "ed")) and word[:1].islower():
            return None  # "Based upon ...", "Speaking on ...": a participle's phrase, not a subject
        if subject and _clause_verb(word):
            return MainClause(tuple(w for w, _ in subject), subject[0][1], subject[-1][1] + len(subject[-1][0]),
                              word, m.start(), tuple(apposition) if commas == 2 else ())
        if commas == 2:
            return None  # a verb was due after the apposition
        subject.append((word, m.start()))
        if len(subject) > MAX_SUBJECT_WORDS:
            return None
    return None


#: A name set off by commas has at most this many words ("Ana Maria Ruiz Lind").
MAX_NAME_WORDS = 5
#: Verbs of a state or a scene, not of a happening ("X seemed ...", "X spent Tuesday ..."),
#: and "did", which tells what did not happen ("X did not react") or insists ("X did find").
STATE_VERBS = frozenset("seemed seems appeared appears remained remains spent looked looks did does".split())
#: What makes "is"/"are" point at a happening to come ("is set to", "are expected to").
FUTURE_AFTER_IS_RE = re.compile(r"\s+(?:set|expected|scheduled|slated|due|going|planning|preparing)\s+to\b")
#: What makes "was"/"were"/"had" a passive or a past perfect ("was booed", "had endorsed"),
#: not a state ("was in Ohio", "had a good night").
PARTICIPLE_AFTER_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+en|won|lost|held|made|told|met|sent|spoke|said|"
                                 r"put|set|hit|cut|shut|led|paid|brought|taken|given|named|been\s+[a-z]+ed)\b")




def names_whom(clause: MainClause, insertions: Sequence[Insertion] = (),
               known_alone: Callable[[str], bool] | None = None) -> bool:
    """Does the clause's subject say whom: a name ("Ana Ruiz", "The Dover Harbour Board"), a
    name's people ("the Ruiz campaign"), a name set off after it ("the party's leader, Ana
    Ruiz,"), or a pronoun or role noun with its insertion? Not "Ruiz and her team", "the
    president", "the Vermont Democrat", "A woman", "He" unexplained, nor a surname alone
    that ``known_alone`` does not know (one of the story's figures)."""
    words = [w for w in clause.subject if w.lower() not in TITLE_WORDS]
    first = clause.subject[0]
    # the head stands before a complement: "officials with the party", "insiders in the state"
    head = next((clause.subject[k - 1] for k in range(1, len(clause.subject))
                 if clause.subject[k] in HEAD_COMPLEMENTS), clause.subject[-1])
    if first.lower() in INDEFINITE_OPENERS:
        return False
    head_end = clause.start + len(" ".join(clause.subject[:clause.subject.index(head) + 1]))
    if any(head_end - len(head) < i.at <= head_end + 1 for i in insertions):
        return True  # "He [Ana Ruiz]", "The senator [Ana Ruiz]"; not "His [Ruiz's] rivals"
    if first.lower() in SUBJECT_PRONOUNS:
        return False
    # an apposition that is a name says whom; a description ("Ruiz, the mayor,") does not
    apposition = clause.apposition if clause.apposition and len(clause.apposition) <= MAX_NAME_WORDS and all(
        w[:1].isupper() or w.lower() in TITLE_WORDS for w in clause.apposition) else ()
    named = [w for w in (apposition or words) if w[:1].isupper()]
    if head.lower() in PARTY_ROLE_HEADS and first.lower() == "the":
        return False  # "the Vermont Democrat"
    if not head[:1].isupper() and not apposition and not (head.lower() in ORG_HEADS and named):
        return False  # "Ruiz and his team", "the president"
    if head is first and len(clause.subject) > 1 and not apposition and not (known_alone and known_alone(head)):
        return False  # "Officials with the party": a first word's capital proves no name
    if head.endswith(("'s", "’s")) and not apposition:
        return False
    for part in re.split(r"\s+(?:and|&)\s+", " ".join(apposition or words)):
        names = [w for w in part.split() if w[:1].isupper() and w.lower() not in TITLE_WORDS]
        if len(names) == 1 and not names[0].isupper() and known_alone is not None and not known_alone(names[0]):
            return False  # "Lind said ...": a surname alone
    return True


def happening_verb(clause: MainClause, text: str) -> int | None:
    """Where the clause's verb ends when it tells a happening (a past or future verb, a
    passive or past perfect, "says"), else None: "seemed", "spent Tuesday", "did not
    react", "had a good night", "was in Ohio", a present standing ("is the favourite")."""
    verb, verb_end = clause.verb.lower(), clause.verb_at + len(clause.verb)
    rest = text[verb_end:]
    if verb in STATE_VERBS:
        return None
    if verb in ("is", "are") and not FUTURE_AFTER_IS_RE.match(rest):
        return None
    participle = PARTICIPLE_AFTER_RE.match(rest) if verb in CLAUSE_AUX else None
    if verb in ("was", "were", "had") and participle is None:
        return None
    return verb_end + (participle.end() if participle else 0)  # "was booed", "had endorsed": one verb


def plain_report(text: str, insertions: Sequence[Insertion] = ()) -> bool:
    """A plain report of what happened: a main clause whose subject says whom and whose verb
    tells a happening (``names_whom``, ``happening_verb``), not one still to come ("will
    deliver her speech on Thursday" previews, it reports nothing yet)."""
    clause = main_clause(text)
    return clause is not None and clause.verb.lower() not in FUTURE_VERBS and names_whom(clause, insertions) \
        and happening_verb(clause, text) is not None


# -- a question put, no answer given --------------------------------------------------------
#: A question put to someone: "was asked", "asked Ruiz how ...", "asked whether", "asked, “...?”"
#: (not "asked Ruiz to resign", a request, nor "asked for", a demand).
QUESTION_PUT_RE = re.compile(r"\b(?:(?:was|were|is|are|been|being|get|gets|got)\s+asked\b|"
                             r"asked\s+(?:[\w'’.-]+\s+){0,4}?(?:how|why|what|whether|if|who|whom|which|when|where|about)\b|"
                             r"asked\s*[,:]?\s*[“\"])")
#: What gives the answer: a verb of saying or a way of meeting a question ("said", "responded",
#: "declined to say"), or a reporting verb with what was told ("told the paper that ...").
ANSWER_RE = re.compile(r"\b(?:said|says|saying|responded|responds|responding|replied|replies|replying|answered|answers|"
                       r"answering|insisted|declined|refused|dodged|deflected|demurred|acknowledged|admitted|denied|"
                       r"conceded|explained|argued|suggested|indicated|shrugged|laughed)\b|"
                       r"\b(?:told|tells)\s+(?:[\w'’.-]+\s+){0,8}?that\b")


def unanswered_question(text: str) -> bool:
    """Does the line only report a question put to someone ("Ruiz was asked what she would
    do", "A radio host asked Ruiz how ...", "Ruiz told the paper, when asked about the
    port, ...") and no answer: no verb of saying or answering outside quotations, and no
    quotation but the question itself (one that ends in "?" or follows "asked")?"""
    own = mask_quotes(text)
    put = QUESTION_PUT_RE.search(own)
    if put is None:
        return False
    if ANSWER_RE.search(own):
        return False
    probe = text.replace("''", '" ')
    for start, end in quoted_spans(probe):
        inner = probe[start + 1:end - 1].rstrip(" ,.")
        if inner.endswith("?") or re.search(r"\basked\s*[,:]?\s*$", probe[:start]):
            continue  # the question itself
        return False  # someone's words: the answer
    return True
