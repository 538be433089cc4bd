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

from ..extract.claims import REPORT_CUES, mask_quotes, not_a_source
from ..extract.dates import WEEKDAYS
from ..model import ArticleExtraction, Citation, Claim, Discrepancy, Dispute, Side, Source, Version
from ..sentences import in_clause
from .claimgraph import (
    REPLY_STATUSES,
    REPORT_NOUNS,
    ClaimGraph,
    Node,
    build_graph,
    days_apart,
    is_allegation,
    per_node,
    reply_target,
    sentence_number,
)
from .facts import FIRST_PERSON_RE, sorted_citations, unmarked_headline
from .index import UnionFind, candidate_pairs, content_tokens, content_words
from .outlets import outlet_name
from .readable import demonstrative_opening
from .verify import (
    GENERIC,
    NOT_PARTICIPANTS,
    QUALIFIERS_DOWN,
    QUALIFIERS_UP,
    QUALIFIERS_VAGUE,
    YEAR_RE,
    Quantity,
    about_the_reporting,
    counts_conflict,
    same_core_wording,
    same_counts,
    same_participants,
    same_when,
)

MIN_DISPUTES = 10
#: One character inside a sentence: an abbreviation's dot ("Mr. Ruiz") does not end it.
IN_SENTENCE = in_clause(".;")
MAX_DISPUTES = 60  # the list stays readable however many articles come in
PER_ARTICLE = 3
STANCE_OF = {"hedged": "alleged", "attributed": "reported", "stated": "reported",
             "denied": "denied", "confirmed": "confirmed", "unconfirmed": "unconfirmed"}
STANCE_ORDER = {s: i for i, s in enumerate(("alleged", "reported", "confirmed", "unconfirmed", "denied", "no_comment"))}


def short_id(prefix: str, *parts: str) -> str:
    """Prefix + sha1 of the parts -> a short stable id."""
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


DENY_VERBS = frozenset("deny denies denied denying denial rejected rejects rejecting refuted refutes rebuffed "
                       "dismissed dismisses disputed disputes".split())
DENY_ADJECTIVES = frozenset("false falsely untrue baseless unfounded fake hoax fabricated fabrication".split())
BE_FORMS = frozenset("is are was were be been being".split())
#: What a denial or a confirmation may aim at: a claim, or (for "it", "that") what was said.
CLAIM_NOUNS = frozenset("""report reports reporting claim claims allegation allegations accusation accusations
story stories account accounts suggestion suggestions notion rumor rumors rumour rumours assertion assertions
characterization characterisation statement statements wrongdoing involvement knowledge""".split())
#: Words right after a denial or confirmation that point at what was said ("denied that …", "denied it").
POINTING = frozenset("that it this them those these any having being ever".split())
CONFIRM_NOUNS = CLAIM_NOUNS | frozenset("""call calls meeting meetings talks conversation details death deaths
identity identities attack attacks contact contacts visit deal agreement arrest arrests""".split())
DENIAL_REACH = 6
#: A bare pronoun or a word like these is no party to a claim.
NOT_A_PARTY = frozenset("""he she they it we i you this that these those who which what one someone
if already quote but and so yet then when while although though because as after before since
there here also even just only democratic republican conservative liberal progressive""".split())
DETERMINERS = frozenset("a an the his her their its our my your one two three several some many most "
                        "both all each every another other such no".split())
PEOPLE_NOUNS = frozenset("""officials sources critics analysts experts aides lawyers attorneys prosecutors
investigators authorities researchers scientists residents witnesses voters observers advocates
opponents supporters leaders lawmakers legislators senators members insiders allies diplomats police
officers reports polls documents records emails data spokesman spokeswoman spokesperson
democrats republicans conservatives liberals activists donors staffers reporters journalists
poll survey study""".split())
UNNAMED = "an unnamed source"
PREPOSITIONS = frozenset("with without after before during in on at by for from of to into over under "
                         "since until amid among against about".split())
FRAGMENT_ENDS = frozenset("the a an of about to should will would could can may might must and or but "
                          "that which who with for on in at by from is are was were has have had".split()) | {
    f"{aux}n{mark}t" for aux in "did does do was were is are has have had would could should".split()
    for mark in "'’"} | {"can't", "can’t", "won't", "won’t"}


#: "the notion that X should / could / might …", "any implication that she would …": what ought to,
#: can or may be, an argument rather than a claim of fact.
OPINION_NOTION_RE = re.compile(r"\b(?:notion|idea|argument|view|suggestion|implication)s?\s+that\b"
                               + in_clause(".;:") + r"{0,80}?"
                               r"\b(?:should|could|must|ought|might|would)\b", re.IGNORECASE)


#: A trailing clause of time or reason: what it says is told in passing ("…, once the report
#: was revealed to be a hoax", "…, hours after the aide was charged with …").
TRAILING_CLAUSE_RE = re.compile(r",\s+(?:once|after|when|until|because|since|as\s+soon\s+as|"
                                r"(?:(?:just|shortly|soon|only|right|long|(?:(?:a|an|\w+)\s+)?"
                                r"(?:hours?|days?|weeks?|months?|minutes?|moments?))\s+(?:after|before)))\b[^,;:]*\Z")


#: Denying an intention of one's own that the sentence only points back at: "denied that he
#: would seriously consider it" (not "denied that she would seek a third term").
OWN_INTENT_RE = re.compile(r"\bden(?:y|ies|ied|ying)\s+that\s+(?:he|she|they|i|we)\s+(?:would|will)\s+"
                           r"(?:[a-z]+\s+){0,3}(?:it|that|this|so)\s*[.;,]", re.IGNORECASE)
#: Rejecting what someone might do: "rejected rumors that the mayor might try to …".
OPPOSED_POSSIBILITY_RE = re.compile(r"\b(?:rejected|rejects|rejecting|rebuffed|dismissed|dismisses)\s+"
                                    r"(?:the\s+|any\s+)?(?:rumou?rs?|talk|speculation|suggestions?|reports?)\s+that\b[^.;:]{0,80}?"
                                    r"\b(?:might|could|would|may)\b", re.IGNORECASE)


#: "offered no proof that …", "provided no evidence of …": a claim left unproven.
NO_PROOF_RE = re.compile(r"\b(?:offered|offers|provided|provides|gave|gives|presented|presents|produced|cited|cites)"
                         r"\s+no\s+(?:proof|evidence)\s+(?:that|of|for)\b", re.IGNORECASE)


@per_node
def stance_of(node: Node) -> str:
    """What a claim's sentence says about a claim. A denial denies a claim only when it
    names one ("denied the reports", "pushed back on this claim", "called it false",
    "denied that …"); one aimed at an action or a filing ("rejected the objections", "was
    denied bail", "made up 36 percent") reports. A confirmation confirms "that …" or a
    claim, call or meeting, not "the strength of his appeal"."""
    claim = node.claim
    tokens = re.findall(r"[\w'’]+|[^\w\s]", claim.text)
    words = [t.lower() for t in tokens]
    if claim.status == "denied":
        if OPINION_NOTION_RE.search(claim.text):
            return "reported"  # "rejected the notion that Democrats could pull away": an argument, no claim
        if OWN_INTENT_RE.search(claim.text):
            return "reported"  # "has denied that he would seriously consider it": what, it does not say
        if OPPOSED_POSSIBILITY_RE.search(claim.text):
            return "reported"  # "rejected rumors that Obama might try …": opposing a possibility, no denial
        cue = re.search(r"\b" + re.escape(claim.cue) + r"\b", claim.text, re.IGNORECASE) if claim.cue else None
        if cue and TRAILING_CLAUSE_RE.search(claim.text, 0, cue.start()):
            return "reported"  # "It stabilized, once the report was revealed to be a hoax": told in passing
        return "denied" if denies_a_claim(words, tokens) else "reported"
    if claim.status == "confirmed":
        return "confirmed" if confirms_a_claim(words) else "reported"
    if claim.status == "unconfirmed" and not about_the_reporting(claim.text):
        return "unconfirmed" if leaves_a_claim_unconfirmed(words) else "reported"
    if claim.status == "unconfirmed":
        return "no_comment"  # "did not respond to questions about the donations": no side taken
    if claim.status in ("stated", "attributed") and NO_PROOF_RE.search(claim.text):
        return "unconfirmed"  # "He offered no proof that X had a role": the claim stands unproven
    return STANCE_OF.get(claim.status, "reported")


#: Words after "that" that start a clause ("denied that he …"), so "that" points at a claim.
CLAUSE_STARTS = frozenset("he she they it we i you the a an his her their its this these those there "
                          "any no none nobody anyone someone".split())
#: Words that follow a noun in a clause ("denied that voters were misled").
FINITE = frozenset("is are was were had has have would will could did does do should might may can".split())
REPORTED_SPEECH = frozenset("that say says said suggest suggests suggested claim claimed indicate indicated".split())
#: Adjectives of a claim are a denial only as a predicate ("called the report false"), never in
#: front of a noun ("false passports", "a fake account").
ATTRIBUTIVE_NEXT_OK = frozenset("and or but because since as to in on about of by after before".split())


def _points(words: list[str], tokens: list[str], k: int) -> bool:
    """Does the word at k (after a denial verb) point at a claim? "it", "them" alone; "that"
    opening a clause; "this/that/these/those" before a claim noun. "rejected that, too" (a
    proposal) and "deny them help" (an object, not a claim) do not."""
    word = words[k] if k < len(words) else ""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if word in ("it", "them"):
        return not (nxt.isalpha() and nxt not in ATTRIBUTIVE_NEXT_OK and nxt not in FINITE)  # "deny them help"
    if word in ("this", "that", "these", "those"):
        if nxt in CLAIM_NOUNS:
            return True
        if word != "that" or not nxt.isalnum():
            return False  # "rejected those days", "rejected that, too"
        after = words[k + 2] if k + 2 < len(words) else ""
        return nxt in CLAUSE_STARTS or tokens[k + 1][:1].isupper() or nxt.isdigit() or after in FINITE
    return word in POINTING


def denies_a_claim(words: list[str], tokens: list[str] | None = None) -> bool:
    """Lower-case words (and punctuation) of a sentence, with their ``tokens`` as written ->
    does a denial in it aim at a claim?"""
    tokens = tokens if tokens is not None else words
    for k, word in enumerate(words):
        after = [w for w in words[k + 1:k + 1 + DENIAL_REACH] if w.isalnum()]
        if word in DENY_VERBS:
            if k and words[k - 1] in BE_FORMS:
                continue  # passive: "was denied entry"
            if _points(words, tokens, k + 1) or CLAIM_NOUNS & set(after):
                return True
        elif word == "back" and k and words[k - 1].startswith("push") and CLAIM_NOUNS & set(after):
            return True
        elif word in DENY_ADJECTIVES or (word == "up" and k and words[k - 1] == "made") \
                or (word == "true" and k and words[k - 1] == "not"):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if word not in ("up", "true") and nxt.isalpha() and nxt not in ATTRIBUTIVE_NEXT_OK:
                continue  # "false passports": describes a thing, denies nothing
            before = [w for w in words[max(0, k - DENIAL_REACH - 2):k] if w.isalnum()]
            if CLAIM_NOUNS & set(before) or POINTING & set(before[-3:]):
                return True
    return False


def leaves_a_claim_unconfirmed(words: list[str]) -> bool:
    """Does a negated confirmation aim at a claim or a happening ("has not confirmed the
    call", "the report could not be verified", "declined to confirm that …"), not at a
    person ("the Senate should not confirm a nominee")?"""
    for k, word in enumerate(words):
        if word in ("unconfirmed", "unverified"):
            # "unconfirmed reports that …" / "unconfirmed reports say …" leave a claim open;
            # "has spread unconfirmed reports about the attack" describes someone, not a claim
            if set(words[k + 1:k + 1 + DENIAL_REACH]) & REPORTED_SPEECH:
                return True
            continue
        if word.startswith(("confirm", "verif", "corroborat", "den")):
            after = [w for w in words[k + 1:k + 1 + DENIAL_REACH] if w.isalnum()]
            before = [w for w in words[max(0, k - DENIAL_REACH - 2):k] if w.isalnum()]
            passive = bool(before) and before[-1] in BE_FORMS | {"independently"}
            if (after[:1] and after[0] in POINTING) or CONFIRM_NOUNS & set(after) \
                    or (passive and CONFIRM_NOUNS & set(before)):
                return True  # "has not confirmed the call"; "the call has not been confirmed"
    return False


def confirms_a_claim(words: list[str]) -> bool:
    """Lower-case words of a sentence -> does it confirm "that …" or a claim or happening?"""
    for k, word in enumerate(words):
        if word.startswith("confirm") or word in ("verified", "corroborated"):
            after = words[k + 1:k + 1 + DENIAL_REACH]
            if (after[:1] and after[0] in POINTING) or CONFIRM_NOUNS & set(after):
                return True
    return False


#: An accusation whose charge is a quoted label: "accuses X of “leading from behind”",
#: "accused the moderators of asking too many “please attack Ted” questions".
QUOTED_CHARGE_RE = re.compile(r"\baccus\w*\s+[^.;“\"]{0,120}?\bof\s+(?:[\w'’-]+\s+){0,10}(?:[“\"‘]|'')"
                              # "claimed that the “forces of political correctness” and “social engineering” …"
                              r"|\bclaim(?:s|ed)?\s+that\s+(?:the\s+)?(?:[“\"‘]|'')[^”\"’]{1,60}(?:[”\"’]|'')"
                              r"[^.;“\"]{0,40}(?:[“\"‘]|'')")


#: An embedded social-media post: a link or a "(@handle)" signature.
EMBED_RE = re.compile(r"https?://|\bpic\.twitter\.com/|\(@\w+\)|<tweet\b", re.IGNORECASE)
#: An act claimed by whoever did it ("the attacks were claimed by …").
CLAIMED_RESPONSIBILITY_RE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?claimed\s+by\b",
                                       re.IGNORECASE)  # also "its loyalty might be claimed by a rival": won, not said
#: "rumored" before a noun, the sentence's only hedge: "the chair's rumored ambitions".
ATTRIBUTIVE_RUMOUR_RE = re.compile(r"\A(?!.*\b(?:reportedly|allegedly|accus\w*|claim\w*|alleg\w*)\b)"
                                   r".*\brumou?red\s+(?!to\b|that\b|by\b)[a-z]", re.IGNORECASE | re.DOTALL)
#: A belief about a class of things: "most state laws … were thought to be safe".
GENERAL_BELIEF_RE = re.compile(r"\b(?:[Mm]ost|[Mm]any|[Aa]ll)\s+(?:[\w-]+\s+){0,6}(?:were|are)\s+"
                               r"(?:widely\s+|generally\s+)?(?:thought|believed|understood)\s+to\b")
#: A charge only imagined: "so he would not be accused of …", "to avoid being accused of …".
HYPOTHETICAL_CHARGE_RE = re.compile(r"\b(?:would|could|might|will)\s+(?:not\s+|never\s+)?be\s+accused\b|"
                                    r"\b(?:avoid|avoids|avoided|avoiding|fear|fears|feared)\s+being\s+accused\b",
                                    re.IGNORECASE)
#: Charges traded both ways are a quarrel, no claim: "accused each other of playing politics".
RECIPROCAL_RE = re.compile(r"\baccus\w*\s+(?:each\s+other|one\s+another)\b", re.IGNORECASE)
#: A verdict on claims it does not state: "statements that turned out to be untrue", "claims
#: she made at the hearing that have proved false" (a relative "that", followed by its verb).
UNSTATED_VERDICT_RE = re.compile(
    r"\b(?:statements?|claims?|remarks?|assertions?|allegations?|accusations?|things)\b[^.;:“\"]{0,80}?"
    r"\b(?:that|which)\s+(?:\w+ly\s+)?(?:(?:have|has|had)\s+(?:since\s+)?(?:been\s+)?|were\s+|was\s+|are\s+|is\s+)?"
    r"(?:turned\s+out|proved|proven|shown|found|deemed|rated)\b", re.IGNORECASE)
#: What an allegation says, after its noun: a "that" clause ("allegations that he lied"), past
#: a "made by X" but no verb of the sentence's own ("allegations are just more evidence that …"
#: states none); or, for allegations not pointed back to, "of"/"about" ("allegations of fraud").
_THAT_CLAUSE = (r"(?:\s+(?!(?:is|are|was|were|be|been|has|have|had)\b)[\w'’.-]+){0,5}?\s+that\s+"
                r"(?!(?:\w+ly\s+)?(?:is|are|was|were|has|have|had|made|surfaced|emerged|came|arose)\b)\w")
THAT_CONTENT_RE = re.compile(_THAT_CLAUSE, re.IGNORECASE)
ALLEGATION_CONTENT_RE = re.compile(r"\s+(?:of|about)\s+\w|" + _THAT_CLAUSE, re.IGNORECASE)
#: "the / these / his (new, detailed) allegations": allegations the article points back to.
DEFINITE_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w-]+\s+){0,2}\Z")
#: Adverbs that carry an allegation of their own ("who allegedly assaulted a reporter").
ALLEGING_ADVERB_RE = re.compile(r"\b(?:allegedly|reportedly|purportedly|supposedly)\b", re.IGNORECASE)


#: Words that judge rather than tell: a charge or a denied charge made of them is a
#: characterisation ("accused Trump of using divisive rhetoric", "dismisses accusations that
#: he exploited racial tensions", "rejected the notion that he was part of the establishment").
JUDGING_WORDS = (r"(?:pander\w*|politici[sz]\w*|playing\s+politics|grandstand\w*|fear-?monger\w*|flip-?flop\w*|"
                 r"hypocri\w*|demagog\w*|doom\s+and\s+gloom|racis[mt]\w*|sexis[mt]\w*|bigot\w*|divisive|rhetoric|"
                 r"hate|hatred|hateful|corrupt|unqualified|incompeten\w*|disrespect\w*|establishment|anxiet\w*|malign\w*|"
                 r"new\s+era|bias|biased|drag\w*\s+(?:his|her|their|its)\s+feet|(?:political\s+)?props|"
                 r"exploit\w*|bungl\w*|reckless\w*|dishonest\w*|extremis[mt]\w*|arrogan\w*|elitis[mt]\w*|cowardly|"
                 # figures of speech that judge: "stealing American jobs", "placing the interests of a
                 # lobby ahead of children", "putting words in the President's mouth"
                 r"steal\w*\s+(?:\w+\s+){0,2}jobs|interests\s+(?:of\s+)?(?:[\w'’-]+\s+){0,6}?(?:ahead\s+of|above)|"
                 r"words\s+in\s+(?:\S+\s+){0,3}mouths?|(?:is|are|was|were)\s+to\s+blame|"
                 # a verdict on an act rather than an act: "claimed that paying no taxes was smart"
                 r"(?:is|are|was|were|be)\s+(?:\w+ly\s+)?(?:smart|stupid|foolish|wise|brilliant|dumb|genius))")
#: Charges that characterise rather than allege anything checkable: "accused him of pandering".
CHARACTERISING_CHARGE_RE = re.compile(
    r"\baccus\w*\s+" + IN_SENTENCE + r"{0,60}?\bof\s+" + IN_SENTENCE + r"{0,60}?\b" + JUDGING_WORDS + r"\b",
    re.IGNORECASE)
CHARACTERISING_CLAIM_RE = re.compile(
    r"\b(?:accusations?|allegations?|charges?|notion|suggestion|idea|claim(?:s|ed)?|criticism)\s+(?:that\s+)?"
    + IN_SENTENCE + r"{0,120}?\b"
    + JUDGING_WORDS + r"\b", re.IGNORECASE)
#: A charge of what someone is rather than what they did ("accused her of being too reliant
#: on Wall Street"), of why they did it ("… for political reasons", "… in an attempt to gain
#: a post"), or with no content at all ("accused Clinton of ducking."): a characterisation.
TRAIT_CHARGE_RE = re.compile(
    r"\baccus\w*\s+" + IN_SENTENCE + r"{0,90}?\bof\s+(?:"
    r"being\s+(?!involved|paid|behind|responsible|present|part\b)"
    r"|" + IN_SENTENCE + r"{0,120}?\b(?:for\s+(?:\w+\s+){0,2}(?:political|partisan|personal|selfish)\b"
    r"|in\s+an?\s+(?:attempt|bid|effort)"
    r"\s+to\b|out\s+of\s+(?:\w+\s+)?(?:spite|ambition|desperation)|as\s+a\s+favou?r\s+to\b)"
    r"|\w+ing\s*[.;]?\s*\Z)"
    r"|\baccus\w*\s+of\s*(?:[,.;]|\Z)"  # "… is being accused of, …": of what, it does not say
    # "… for accusing the campaign.":
    r"|\baccus(?:ing|ed|es)\s+(?!" + IN_SENTENCE + r"*\bof\b)" + IN_SENTENCE + r"{1,60}[.;]?\s*\Z",
    re.IGNORECASE)
#: Name-calling in the same breath ("calling X “dopey” and accusing him of …"): a jab.
EPITHET_RE = re.compile(r"\b(?:call(?:ing|ed|s)?|brand(?:ing|ed|s)?|trash(?:ing|ed|es)?)\s+(?:[\w.'’-]+\s+){1,3}"
                        r"(?:as\s+)?(?:a\s+|an\s+)?(?:[“\"‘]|''|" + JUDGING_WORDS + r"\b)", re.IGNORECASE)
#: Its maker taking a claim back, or a court settling it: not in dispute ("acknowledged that
#: she had misspoken when she claimed …", "claimed self-defense and was acquitted").
RETRACTION_RE = re.compile(
    r"\b(?:acknowledged|acknowledges|admitted|admits|conceded|concedes)\s+(?:that\s+)?(?:he|she|they|it|[A-Z]\w+)"
    r"\s+(?:had\s+|has\s+)?(?:misspoke|misspoken|erred|been\s+wrong|was\s+wrong|were\s+wrong|made\s+a\s+mistake)"
    r"|\b(?:retracted|retracts|walked\s+back|walks\s+back)\b"
    r"|\b(?:was|were)\s+(?:later\s+)?(?:acquitted|convicted|exonerated|found\s+(?:not\s+)?guilty)\b", re.IGNORECASE)
#: The writer's own inference: "it appears that …", "it seems …".
WRITERS_INFERENCE_RE = re.compile(r"\bit\s+(?:appears|seems|would\s+seem|would\s+appear)\s+(?:that\s+|as\s+if\s+)?",
                                  re.IGNORECASE)
#: An accusation told as long-past background: "Years after X claimed …, Y won …"; or as a
#: concession ("While X claimed …, Y …"); or as a habit ("has always claimed").
BACKGROUND_OPENING_RE = re.compile(r"^\W*(?:(?:Years|Decades|Months|Long)\s+(?:after|before|ago)|While|Whereas|"
                                   r"Even\s+as|Although|Though|In\s+(?:his|her|their)\s+heyday)\b")
#: An opening "With …" phrase: "With X reportedly considering a run, a poll found …".
WITH_OPENING_RE = re.compile(r"^\W*With\s+[^,;:]*\Z")
HABITUAL_RE = re.compile(r"\balways\s+(?:claimed|claims|claim|accused|accuses|alleged|alleges)\b", re.IGNORECASE)
#: A claim in a side description of someone: "…, a county commissioner who accused him of …",
#: "…, the preacher whom the president accuses of …", "…, whose office was looking at allegations of …".
DESCRIBED_BY_RE = re.compile(r",\s+(?:[^,;:]{0,60}?\s+)?(?:who|whom|whose|which)\s+[^,;:“”\"]{0,120}\Z"
                             r"|\b(?:that|which)\s+(?:[A-Z][\w.'’-]*\s+){1,4}\Z"  # "the tricks that Ana Ruiz accused"
                             r"|\b[a-z]+\s+(?:who|whom)\s+(?:he|she|they)\s+\Z")  # "the field who he accused"


#: "the women who claimed …": a relative clause describing a noun (background when the noun is
#: no subject at the sentence's start).
OBJECT_RELATIVE_RE = re.compile(r"\b(?:the|those|these|two|three|several|many)\s+(?:[a-z-]+\s+){0,2}who\s+"
                                r"(?:\w+\s+){0,2}\Z"
                                r"|\b(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:that\s+|whom\s+)?(?:he|she|they)\s+"
                                r"(?:has\s+|have\s+|had\s+)?\Z")  # "the senator she has accused of …"
#: "people accused of theft": a class of people an accusation describes.
CLASS_DESCRIBED_RE = re.compile(r"\b(?:people|persons|men|women|those|others|defendants|suspects|clients|individuals|"
                                r"immigrants|migrants|officers|soldiers|students|workers)\s+"
                                r"(?:who\s+(?:were|are|have\s+been|had\s+been)\s+)?\Z")
#: "reported at the time that …", "claimed at the time": what was said back then, as context.
AT_THE_TIME_RE = re.compile(r"\b(?:reported|said|claimed|alleged|wrote|accused)\s+(?:[^,;:]{0,40}?\s+)?"
                            r"at\s+the\s+time\b")
#: "a plot Ek allegedly hatched …": an allegation in a relative clause describing a thing.
THING_DESCRIBED_RE = re.compile(r"\b(?:a|an|the)\s+[a-z]+\s+(?:[A-Z][\w'’-]*\s+){1,3}\Z")
#: "Ana Ek, a clerk accused of spying": a participle in an apposition.
APPOSITION_BEFORE_RE = re.compile(r",\s+(?:a|an|the)\s+[^,;:]{0,60}?\s+\Z")


def background_allegation(node: Node) -> bool:
    """Is an allegation told only as background: long past, or in a side description of
    someone, while the sentence's main clause says something else?"""
    claim = node.claim
    if claim.status != "hedged":
        return False
    cue = (claim.cue or "").lower()
    at = re.search(r"\b" + re.escape(cue) + r"\b", claim.text, re.IGNORECASE) if cue else None
    if at is None:
        return False
    before = claim.text[:at.start()]
    if TRAILING_CLAUSE_RE.search(before):
        return True  # "…, when he claimed Obama was …": told in passing
    if WITH_OPENING_RE.match(before):
        return True  # "With X reportedly considering a run, a poll found …": the setting of what follows
    if cue == "accused" and claim.text.startswith(" of", at.end()) and APPOSITION_BEFORE_RE.search(before):
        return True  # "Ana Ek, a clerk accused of spying, …": a description of someone
    if cue == "accused" and CLASS_DESCRIBED_RE.search(before):
        return True  # "cases in which he defended people accused of theft": a class of people described
    if cue in ("allegedly", "reportedly") and THING_DESCRIBED_RE.search(before):
        return True  # "the judge said a plot Ek allegedly hatched was enough to …": a description of a thing
    object_relative = OBJECT_RELATIVE_RE.search(before)
    if object_relative and len(before[:object_relative.start()].split()) >= 5:
        return True  # "… and her response to the women who claimed affairs": a description of an object
    return bool(DESCRIBED_BY_RE.search(before)) or HABITUAL_RE.search(claim.text) is not None \
        or (BACKGROUND_OPENING_RE.match(claim.text) is not None and "," in claim.text[at.end():])


def states_what_is_alleged(node: Node) -> bool:
    """Does a claim hedged only by an allegation noun say what is alleged? "examined the
    allegations made by Exxon" and "the plagiarism allegations" name allegations without
    stating one; "allegations that he lied" and "allegations of fraud" state it."""
    claim = node.claim
    cue = (claim.cue or "").lower()
    if claim.status != "hedged" or cue not in ("allegation", "allegations") \
            or ALLEGING_ADVERB_RE.search(claim.text):
        return True
    at = re.search(r"\b" + cue + r"\b", claim.text, re.IGNORECASE)
    if at is None:
        return True
    if DEFINITE_BEFORE_RE.search(claim.text, 0, at.start()):
        # "The new allegations of adultery against X aren't …": allegations told elsewhere
        return THAT_CONTENT_RE.match(claim.text, at.end()) is not None
    return ALLEGATION_CONTENT_RE.match(claim.text, at.end()) is not None


@per_node
def opens(node: Node) -> bool:
    """Does this claim open a dispute: alleged, denied or left unconfirmed? ("X declined to
    comment" leaves nothing specific unconfirmed: it only joins a dispute as a side.)"""
    stance = stance_of(node)
    if not (is_allegation(node) or stance in ("denied", "unconfirmed")):
        return False  # nothing alleged, denied or left unconfirmed (most claims: asked first, it is cheap)
    if node.profile.headline or unmarked_headline(node.source, node.claim):
        return False  # a headline's words are no one's claim ("Mayor Accused Of Lying", an unmarked first line)
    if QUOTED_CHARGE_RE.search(node.claim.text):
        return False  # "accuses Obama of “leading from behind”": a jab in someone's words, no claim of fact
    if EMBED_RE.search(node.claim.text):
        return False  # an embedded post ("… https://t.co/… — Name (@handle)"): the page's furniture
    if CLAIMED_RESPONSIBILITY_RE.search(node.claim.text):
        return False  # "Both attacks were claimed by the Islamic State": responsibility claimed, no claim of fact
    if node.claim.status == "hedged" and ATTRIBUTIVE_RUMOUR_RE.search(node.claim.text):
        return False  # "alluding to the chair's rumored ambitions": a rumour named, none told
    if GENERAL_BELIEF_RE.search(node.claim.text):
        return False  # "most state laws were thought to be safe": what was believed of a class of things
    if HYPOTHETICAL_CHARGE_RE.search(node.claim.text):
        return False  # "so he would not be accused of rigging it": no one accuses anyone
    if RECIPROCAL_RE.search(node.claim.text):
        return False  # "accused each other of playing politics": a quarrel, no one's claim
    if node.claim.status == "hedged" and (CHARACTERISING_CHARGE_RE.search(node.claim.text)
                                          or TRAIT_CHARGE_RE.search(node.claim.text)
                                          or EPITHET_RE.search(node.claim.text)):
        return False  # "accused him of pandering", "calling X “dopey”": a jab, no claim of fact
    if WRITERS_INFERENCE_RE.search(node.claim.text):
        return False  # "it appears that X had helped bring it on": the writer's reading, no one's claim
    if RETRACTION_RE.search(node.claim.text) or background_allegation(node):
        return False  # taken back by its maker, or told only as background
    if AT_THE_TIME_RE.search(node.claim.text):
        return False  # "The Ledger reported at the time that …": what was said back then, as context
    if not states_what_is_alleged(node):
        return False  # "examined the allegations made by Exxon": which allegations, it does not say
    if node.claim.status in ("denied", "hedged") and CHARACTERISING_CLAIM_RE.search(node.claim.text):
        return False  # "dismisses accusations that he exploited racial tensions": a characterisation
    if node.claim.status == "denied" and UNSTATED_VERDICT_RE.search(node.claim.text):
        return False  # "statements that turned out to be untrue": which statements, it does not say
    if not node.claim.attributed_to and FIRST_PERSON_RE.search(mask_quotes(node.claim.text)):
        return False  # "What I don't think they push back on …": someone's words, its marks elsewhere
    return is_allegation(node) or stance == "denied" \
        or (stance == "unconfirmed" and not about_the_reporting(node.claim.text)
            and not NO_PROOF_RE.search(node.claim.text))  # "offered no proof": it answers a claim made elsewhere


#: A source that says nothing of who it is: "Sources", "a third source", "the sources".
BARE_SOURCE_RE = re.compile(r"(?:(?:the|a|an|another|other|one|two|three|four|several|some|multiple|"
                            r"first|second|third|fourth|fifth)\s+)*sources?", re.IGNORECASE)


def party(name: str | None) -> str | None:
    """A claim's ``attributed_to`` when it names a party (a person, an organisation, a
    document, or a description of one), else None: never a pronoun or a fragment. A source
    that says nothing of who it is ("A third source") is ``UNNAMED``."""
    if not name:
        return None
    if BARE_SOURCE_RE.fullmatch(name.strip()):
        return UNNAMED
    words = name.split()
    first = words[0].lower().strip("“”\"'‘’(")
    if first in NOT_A_PARTY or (len(words) == 1 and first in DETERMINERS):
        return None
    if words[0][:1].islower() and first not in DETERMINERS and first.endswith(("ed", "ing")):
        return None  # "released a statement": a verb phrase, not who released it
    if words[-1].lower() in FRAGMENT_ENDS or "(" in name or " - " in name:
        return None  # "the Senate should", "LONDON (Reuters) - X": cut out of a clause
    if first in PREPOSITIONS or (words[-1].endswith("ing") and (len(words) == 1 or words[-1][:1].islower())):
        return None  # "With his campaign buffeted by criticism and denying"
    lowered = {w.lower().rstrip(".,").removesuffix("'s").removesuffix("’s") for w in words}
    if any(w[:1].isupper() for w in words) or first in DETERMINERS or lowered & (PEOPLE_NOUNS | REPORT_NOUNS):
        return name
    return None


def is_contested(node: Node) -> bool:
    """Does this claim take a side in a dispute: an allegation, a denial, a confirmation,
    or a claim left unconfirmed?"""
    return opens(node) or stance_of(node) == "confirmed"


#: "As the Ledger reported, …", "…, the Ledger reported.": whose report relays a claim.
RELAYED_BY_RE = re.compile(r"^\W*[Aa]s\s+((?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})\s+(?:first\s+)?"
                           r"(?:reported|reports|noted|wrote)\b")
#: "an interview X gave to Y": X is who speaks.
INTERVIEW_GIVEN_RE = re.compile(r"^(?:an?|the)\s+interview\s+(?:(?:his|her|their)\s+[a-z]+\s+)?"
                                r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:gave|granted)\b")
#: "allegations made / levelled / brought by X": who makes them.
MADE_BY_RE = re.compile(r"\ballegations?\s+(?:\w+\s+)?(?:made|leveled|levelled|brought|raised)\s+by\s+"
                        r"((?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})")
#: "charged with battery (in Florida) for allegedly …": the charge alleges it.
CHARGED_FOR_RE = re.compile(r"\bcharged\s+with\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+"
                            r"(?:in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+)?(?:for|after)\s+allegedly\b")
#: "(he) told the (unsubstantiated) tale of X allegedly …": the teller alleges it.
TOLD_TALE_RE = re.compile(r"\b(?:told|tells|recounted|recounts|repeated|repeats)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}"
                          r"(?:tale|story|account|anecdote)\s+of\b")
#: "X is said / believed to …": what is said of X, by someone the text does not name.
SAID_OF_RE = re.compile(r"(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to")
#: Hedges that name no one who alleges: whoever stands before them is whom the claim is about.
ACTOR_HEDGES = frozenset("allegedly reportedly purportedly supposedly rumored rumoured allegation allegations".split())


#: "forced the firm to settle for allegedly laundering …", "was fined for allegedly …": the grounds
#: of a legal action, told as its standing.
CHARGE_GROUNDS_RE = re.compile(r"\b(?:settle|settled|settles|fined|arrested|indicted|sued|charged|prosecuted|jailed|"
                               r"convicted|investigated|detained|suspended|fired)\b[^.;:]{0,60}?\bfor\s+allegedly\b",
                               re.IGNORECASE)


def named_party(claim: Claim) -> str | None:
    """The party a claim is credited to, when its ``attributed_to`` names one and is no label
    ("Campaign" from "Campaign funding: …")."""
    by = party(claim.attributed_to)
    return None if by and not_a_source(by, claim.text) else by


def accusers_unnamed(node: Node) -> bool:
    """Is a claim an accusation whose accusers the text does not name: the accused as its
    subject ("A movement accused of financing …", "X was also accused of …", "X is accused of
    killing …") or a passive with no agent ("… is being accused of")?"""
    claim = node.claim
    cue = claim.cue or ""
    if claim.status != "hedged" or cue not in ("accused", "alleged"):
        return False
    by = named_party(claim)
    if by:
        return re.search(re.escape(by) + r"[\s,]*(?:(?:a|an|the)\s+[^,;:]{0,60}?\s+)?(?:(?:who|which)\s+)?"
                         r"(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|"
                         r"being)\s+)?(?:(?:\w+ly|also|now|even|once)\s+)?" + cue + r"\s+of\b", claim.text) is not None
    return cue == "accused" and re.search(
        r"\b(?:is|are|was|were|been|being)\s+(?:(?:\w+ly|also|now|even|once)\s+)?accused\b(?!\s+(?:\w+\s+){0,3}?by\b)",
        claim.text) is not None


def side_of(node: Node) -> tuple[str, str]:
    """A claim -> (stance, by): who holds it. The party the text names; the outlet when
    the outlet itself asserts it (a plain statement, or "reportedly" with no source named);
    "an unnamed source" when the text credits someone it does not name."""
    claim = node.claim
    stance = stance_of(node)
    by = named_party(claim)
    cue = claim.cue or ""
    if accusers_unnamed(node):
        relayed = RELAYED_BY_RE.search(claim.text)
        # "A movement accused of financing …", "X was also accused of": the accused, never who accuses;
        # "As the Ledger reported, X was accused of …": the Ledger reports it, alleges nothing
        return ("reported", relayed.group(1)) if relayed else (stance, UNNAMED)
    if by and claim.status == "hedged" and SAID_OF_RE.fullmatch(cue) \
            and not re.search(r"\b[Aa]ccording\s+to\b|" + re.escape(by.split()[-1]) + r"\s+(?:said|says)\b",
                              claim.text):
        return stance, UNNAMED  # "Some advisers are said to be urging …": whom it is said of, not who says it
    if claim.status == "hedged" and cue in ACTOR_HEDGES:
        maker = MADE_BY_RE.search(claim.text)
        maker_party = party(maker.group(1)) if maker else None
        if maker_party:
            # "the allegations made by Exxon Mobil.": who makes them (the sentence's full stop is
            # no part of the name; an abbreviation's is: "Harbour Co.")
            return stance, maker_party.rstrip(".") if len(maker_party.split()[-1]) > 4 else maker_party
        named = "(?:" + re.escape(by) + "|" + re.escape(by.split()[-1]) + ")" if by else ""
        if by and TOLD_TALE_RE.search(claim.text):
            pass  # "he told the tale of X allegedly halting …": the teller's
        elif by and not re.search(r"\b(?:[Aa]ccording\s+to|[Bb]y|[Cc]iting|[Ff]rom)\s+(?:the\s+)?" + named
                                + r"|" + named
                                + r"\s+(?:(?!(?:reportedly|allegedly|purportedly|supposedly)\b)\w+ly\s+)?"
                                r"(?:reported|reports|said|says|wrote|writes|"
                                r"alleged|alleges|claimed|claims)\b", claim.text):
            by = None  # "allegations against X, who allegedly …": X is whom it is said of, not who says it
        charge = CHARGED_FOR_RE.search(claim.text) if by is None else None
        if charge:
            return stance, f"the {charge.group(1)} charge"  # "charged with battery for allegedly …": the charge's
        if by is None:
            return stance, UNNAMED  # "allegedly", "reportedly" with no one named: someone the text does not name
    relaying = RELAYS_REPORTS_RE.search(claim.text)
    if relaying:
        # "she pointed to reports that X called …": who points to them relays them as true
        subject = relaying.group(1)
        if subject.lower() in ("he", "she", "they"):
            inserted = next((i.text for i in claim.insertions if relaying.start(1) <= i.at <= relaying.end(1)), None)
            if inserted:
                return "alleged", inserted
        elif subject[:1].isupper() and subject.lower() not in ("it", "that", "this"):
            return "alleged", party(subject) or subject
    alleging = ALLEGING_NOUN_RE.search(claim.text)
    if alleging and not (by and re.search(re.escape(by) + r"\s+(?:\w+ly\s+)?(?:alleged|claimed|accused)\b",
                                          claim.text)):
        return stance, alleging.group(1)  # "… noted published reports alleging that …": the reports allege it
    camp = CAMP_SUBJECT_RE.match(claim.text) if by is None and claim.status == "hedged" else None
    if camp and a_camp(camp.group(1)):
        return stance, camp.group(1)  # "Some accused …", "Democrats -- including X -- accused …": a camp's
    described = DESCRIBED_SUBJECT_RE.search(claim.text) if by is None and claim.status == "hedged" else None
    if described:
        return stance, described.group(1)  # "one questioner claimed …": someone the text describes, not the outlet
    if by is None and claim.unresolved and not claim.attributed_to:
        by = UNNAMED  # "She has pushed back …" with "she" unclear: not the outlet's own word
    if by is None:
        by = outlet_name(node.source) if claim.status in ("stated", "hedged") or not claim.attributed_to \
            else UNNAMED
    given = INTERVIEW_GIVEN_RE.match(by)
    return stance, given.group(1) if given else qualified(by, claim.text)


#: What a bare description's sentence adds to it: "the government in Riyadh", "the ministry
#: of Defence"; "A woman who has accused the governor of fraud (said …)".
PLACE_QUALIFIER_RE = r"\s+(?:in|of|for|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
WHO_QUALIFIER_RE = (r"\s+who\s+[^,;:.“”\"]{3,90}?(?=\s+(?:\w+ly\s+)?(?:said|says|told|tells|claimed|claims|"
                    r"alleged|alleges|wrote|writes|denied|denies)\b)")


#: "the results of the inquiry by a UN panel, which said …": the panel says it.
BY_WHICH_SAID_RE = r",\s+(?:which|who)\s+(?:\w+ly\s+)?(?:said|says|found|finds|concluded|concludes)\b"


def qualified(by: str, text: str) -> str:
    """A bare description as a party ("the government", "A woman") with what its own sentence
    says of it, so it names someone: "the government in Riyadh", "A woman who has accused X";
    and the agent of a description when a relative clause makes it the speaker."""
    agent = re.match(r".+?\bby\s+((?:a|an|the)\s+.+)$", by)
    if agent and re.search(re.escape(by) + BY_WHICH_SAID_RE, text):
        return agent.group(1)  # "the results of the investigation by a UN-OPCW panel, which said …"
    words = by.split()
    if not 1 < len(words) <= 3 or any(w[:1].isupper() for w in words[1:]):
        return by
    first = words[0].lower()
    pattern = PLACE_QUALIFIER_RE if first == "the" else WHO_QUALIFIER_RE if first in ("a", "an") else None
    found = re.search(re.escape(by) + pattern, text) if pattern else None
    return found.group(0) if found else by


def build_sides(nodes: Sequence[Node]) -> tuple[Side, ...]:
    """Nodes -> sides, one per (stance, holder); each side cites all its sentences. Where
    a party denies the claim, a named party's word for it is an allegation, not a report."""
    held = [(node, *side_of(node)) for node in nodes]
    denied = any(stance == "denied" for _node, stance, _by in held)
    alleging = {(by or "").lower() for _node, stance, by in held if stance == "alleged" and by != UNNAMED}
    grouped: dict[tuple[str, str], list[tuple[Node, str]]] = defaultdict(list)
    for node, stance, by in held:
        if stance == "reported" and (by or "").lower() in alleging and by != outlet_name(node.source):
            stance = "alleged"  # the party's own words for what it alleges are its allegation too
        if denied and stance == "reported" and by not in (UNNAMED, outlet_name(node.source)):
            stance = "alleged"
        grouped[(stance, (by or "").lower())].append((node, by))
    sides = []
    for (stance, _key), members in grouped.items():
        first, by = min(members, key=lambda m: (m[0].source.id, m[0].number))
        sides.append(Side(stance=stance, text=first.claim.text, citations=sorted_citations([m[0] for m in members]),
                          by=by, insertions=first.claim.insertions))
    return tuple(sorted(sides, key=lambda s: (STANCE_ORDER.get(s.stance, 9), s.citations[0].source,
                                              s.citations[0].start, s.by or "")))


def lead_of(nodes: Sequence[Node]) -> Node:
    """The claim a dispute is about: an allegation before any reply, most prominent first."""
    return min(nodes, key=lambda n: (bool(n.claim.unresolved), n.claim.status in REPLY_STATUSES, not is_contested(n),
                                     -round(n.prominence, 6), n.source.id, n.number))


def dispute_components(graph: ClaimGraph, told_otherwise: Sequence[Discrepancy] = ()) -> list[list[Node]]:
    """Same-fact groups, each with the replies aimed at its claims -> the node sets disputes
    are built from. One hop, no chains between groups: a contested claim that goes on from
    the one before it (one report told over consecutive sentences) joins that one's group,
    and a denial joins the group of the claim it answers, leaving its own. Groups whose
    claims are versions of one discrepancy (``told_otherwise``: the same fact with another
    count or date, "seven calls" / "a half-dozen other calls") tell one claim: one item, so
    a denial of either version answers both."""
    home = graph.group_of()  # node -> the group its dispute is built from
    for node in graph.nodes:  # a report told over consecutive sentences: one account
        if node.index > 0 and node.claim.status not in REPLY_STATUSES \
                and continues(graph.nodes[node.index - 1], node):
            home[node.index] = home[node.index - 1]
    for node in graph.nodes:  # a denial joins the claim it answers
        if node.claim.status in REPLY_STATUSES and stance_of(node) != "reported":
            target = reply_target(graph, node)
            if target is not None:
                home[node.index] = home[target.index]
    versions = UnionFind(max(home.values(), default=-1) + 1)
    at = {(n.source.id, n.number): n.index for n in graph.nodes}
    for disc in told_otherwise:
        cited = [at[key] for v in disc.versions for c in v.citations
                 if (key := (c.source, sentence_number(c.sentence))) in at and at[key] in home]
        for i in cited[1:]:
            versions.union(home[cited[0]], home[i])
    joined: dict[int, list[int]] = defaultdict(list)
    for i, g in home.items():
        joined[versions.find(g)].append(i)
    return [[graph.nodes[i] for i in sorted(joined[g])] for g in sorted(joined)]


def continues(before: Node, node: Node) -> bool:
    """Does a contested claim go on with the one just before it: from the same named source
    ("… spoke seven times, citing a book by X." then "According to X's book, …"), or both
    put as reports ("Sources … reported that …" then "The talks, according to Y, …")?
    """
    if before.source.id != node.source.id or node.number - before.number != 1:
        return False
    if not (is_contested(before) and is_contested(node)) or node.claim.status in REPLY_STATUSES:
        return False
    if reported(before) and reported(node):
        return True  # one report's account told over consecutive sentences
    a, b = before.claim.attributed_to, node.claim.attributed_to
    return bool(a and b and set(content_tokens(a)) & set(content_tokens(b)))


def reported(node: Node) -> bool:
    """Is the claim put as a report's ("according to X", "sources … reported")?"""
    return node.claim.status == "attributed" and (node.claim.cue or "") in REPORT_CUES


#: Words naming a news organisation or its work ("the Russian news outlet X", "The Daily Post").
MEDIA_WORDS = frozenset("times post news journal press tribune herald guardian telegraph daily outlet outlets "
                        "newspaper newspapers network networks magazine gazette wire broadcaster station "
                        "channel radio television tv ledger chronicle courier observer examiner inquirer "
                        "dispatch mirror express bulletin sun star register monitor".split())
#: Words of a source that does not give its name ("sources familiar with the talks", "two officials").
#: Words of an institution's name: what it reports are its own figures or findings, on the record.
INSTITUTION_WORDS = frozenset("university college institute police department ministry agency bureau office "
                              "commission council court government administration service census survey "
                              "statistics board authority".split())
UNNAMED_WORDS = frozenset("sources source people person officials aides insiders familiar anonymity".split())
#: A report of what will or may happen is a forecast, no account of a happening anyone could dispute.
#: (Lower case only: "May 6" is a date.)
FORECAST_RE = re.compile(r"\b(?:will|would|likely|expected|projected|projects|projection|forecasts?|could|may)\b")


#: A reply that gives no answer at all: it leaves a report as it stood.
NON_ANSWER_RE = re.compile(r"\b(?:declined\s+to\s+comment|did\s+not\s+(?:immediately\s+)?(?:respond|return|reply)|"
                           r"could\s+not\s+be\s+reached|no\s+comment)\b", re.IGNORECASE)


def names_an_outlet(name: str, outlets: frozenset[str]) -> bool:
    """Is ``name`` a news organisation: a media word ("outlet", "Times"), one of the corpus's
    publishers, or a publisher's initials ("NYT")?"""
    words = re.findall(r"[A-Za-z]+", name)
    lowered = {w.lower() for w in words}
    if lowered & MEDIA_WORDS:
        return True
    caps = [w for w in words if w.isupper() and len(w) >= 2]
    for outlet in outlets:
        parts = [w for w in re.findall(r"[A-Za-z]+", outlet) if w.lower() not in ("the", "a", "an", "of")]
        if not parts:
            continue
        if {w.lower() for w in parts} <= lowered - {"the"}:
            return True
        if caps and caps[-1] == "".join(w[0].upper() for w in parts):
            return True
    return False


#: "X reported Saturday that it had received …": a news organisation's word about itself.
SELF_REPORT_RE = re.compile(r"\breport(?:ed|s)\b[^.;:“”\"]{0,40}?\bthat\s+it\s+(?:had|has|was|is|would|will)\b")


def an_unconfirmed_report(node: Node, outlets: frozenset[str]) -> bool:
    """A report no one answers is an item only as an unconfirmed account of a happening that
    news organisations or unnamed sources carry ("Verstka reported that …", "according to
    sources familiar with …"): not an agency's figures, a document, a named person's word on
    the record, nor a forecast ("will end this year, the budget office reported")."""
    claim = node.claim
    source = claim.attributed_to or ""
    if FORECAST_RE.search(claim.text) or SELF_REPORT_RE.search(claim.text):
        return False  # a forecast; what a news organisation reports of itself ("reported that it had received …")
    lowered = {w.lower() for w in re.findall(r"[A-Za-z]+", source)}
    if lowered & UNNAMED_WORDS:
        return True
    # "Verstka reported (on Nov. 6) that …", "…, the Ledger reported": a news organisation's
    # account relayed as its own, not a result cited "according to" one ("won the primary,
    # according to three networks")
    at = claim.text.find(source) if source else -1
    relayed = (claim.cue or "") in ("reported", "reports that") and (re.search(
        r"\breport(?:ed|s)(?:\s+(?:on|in|earlier|later|late|early|last|this|[A-Z][a-z]*\.?|\d+,?)){0,4}\s+that\b",
        claim.text[max(0, at):]) is not None
        or (at > 0 and re.search(r",\s*(?:the\s+)?\Z", claim.text[:at], re.IGNORECASE) is not None))
    before = re.findall(r"[A-Za-z]+", claim.text[max(0, at - 40):at].lower()) if at >= 0 else []
    words_of_source = {w.lower() for w in re.findall(r"[A-Za-z]+", source)}
    if words_of_source & INSTITUTION_WORDS and not names_an_outlet(source, outlets):
        return False  # "the University of Michigan reported", "German police reported": an institution's figures
    return relayed and (names_an_outlet(source, outlets) or bool(set(before[-3:]) & MEDIA_WORDS)
                        or source.isupper() or any(w[:1].isupper() for w in source.split()))


#: What a reply names when it does not say what it answers: "denied the accusations",
#: "dismissed that suggestion", "denied that that was the case" (not "… of sexism", "… that he …").
ANAPHORIC_OBJECT_RE = re.compile(
    r"\s*(?:(?:the|these|those|this|that|such|his|her|their|its)\s+(?:\w+\s+)?(?:claims?|reports?|allegations?|"
    r"accusations?|suggestions?|charges?|assertions?|stories|story|accounts?|idea|notion|criticism)"
    r"|it|them|this"
    r"|that\s+(?:that|this|it)\s+(?:was|is|had\s+been)\s+(?:the\s+case|true|so|accurate|correct))\b"
    r"(?!\s+(?:of|that|about|by)\b)", re.IGNORECASE)


#: Camps rather than parties: "critics", "Republicans", "the left", "some lawmakers".
CAMP_WORDS = frozenset("""critics opponents detractors skeptics sceptics lawmakers legislators politicians
    republicans democrats conservatives liberals progressives activists protesters protestors commentators
    pundits observers others people supporters rivals foes left right""".split())
CAMP_DETERMINERS = frozenset("the some many most several other their his her its".split())
#: The subject of an accusation when it is no one's name: "Some accused …", "Democrats -- including
#: the nominee -- quickly accused …", "Many critics have alleged …".
CAMP_SUBJECT_RE = re.compile(r"\W*((?:[Tt]he\s+|[Ss]ome\s+|[Mm]any\s+)?[A-Za-z]+)\s*"
                             r"(?:(?:--|—|–)[^—–]{0,60}?(?:--|—|–)\s*|,[^,]{0,60},\s*)?"
                             r"(?:\w+ly\s+)?(?:(?:have|has|had)\s+)?(?:accused|alleged|claimed|accuse|allege|claim)\b")


#: "she pointed to reports that …", "Ruiz cited news reports that …": the subject relays reports.
RELAYS_REPORTS_RE = re.compile(r"\b(he|she|they|[A-Z][\w'’-]+)\s+(?:\w+ly\s+)?(?:pointed\s+to|points\s+to|cited|cites|"
                               r"noted|notes|referred\s+to|invoked)\s+(?:(?:published|news|press|media|recent)\s+)?"
                               r"reports\s+that\b")
#: "published reports alleging that …": documents that allege, cited by the sentence's subject.
ALLEGING_NOUN_RE = re.compile(r"\b((?:(?:published|news|press|media|earlier|recent|several|multiple)\s+)?"
                              r"(?:reports|accounts|stories|articles|documents|lawsuits|complaints|a\s+report|"
                              r"a\s+lawsuit|a\s+complaint))\s+(?:alleging|claiming|asserting)\s+that\b")
#: "one questioner claimed …", "a supporter alleged …": someone the text describes but does not name.
DESCRIBED_SUBJECT_RE = re.compile(r"(?:^\W*|,\s+|\bwhen\s+|\bthat\s+)((?:one|a|an|another)\s+[a-z]+(?:\s+[a-z]+)?)\s+"
                                  r"(?:\w+ly\s+)?(?:claimed|claims|alleged|alleges|accused|accuses)\b")
#: "X claimed (that) he / they …": what a claimant says of itself.
SELF_CLAIM_RE = re.compile(r"\bclaim(?:s|ed)?\b(?:\s+(?:in|on|at|to)\b[^,;:“”\"]{0,60}?)?\s+(?:that\s+)?"
                           r"(?:he|she|they|we|i|he’s|he's|she’s|she's|they’re|they're|his|her|their)\b",
                           re.IGNORECASE)


def a_self_claim(node: Node) -> bool:
    """Is a claim what its claimant says of itself ("Pate claimed that he's not backing any
    candidate", "he claimed they had never met")? Unanswered, it is a statement, no dispute."""
    claim = node.claim
    return claim.status == "hedged" and (claim.cue or "").lower().startswith("claim") \
        and SELF_CLAIM_RE.search(claim.text) is not None


def a_camp(by: str | None) -> bool:
    """Is ``by`` a camp ("Critics", "the left", "some Republicans", "Some") rather than a party?"""
    words = [w.lower().strip(".,") for w in (by or "").split()]
    if words in (["some"], ["many"], ["most"], ["several"]):
        return True  # "Some accused X of …": some people
    words = [w for w in words if w not in CAMP_DETERMINERS]
    return bool(words) and all(w in CAMP_WORDS for w in words)


def says_what_it_answers(node: Node) -> bool:
    """Does a reply standing alone say what it answers, or only point back at it?"""
    cue = (node.claim.cue or "").split(" ")[0]
    text = node.claim.text
    at = text.lower().find(cue.lower()) if cue else -1
    return at < 0 or ANAPHORIC_OBJECT_RE.match(text, at + len(cue)) is None


def link_disputes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
                  graph: ClaimGraph | None = None, discrepancies: Sequence[Discrepancy] = ()) -> tuple[Dispute, ...]:
    """Allegations linked with their denials and confirmations.

    Needs claims with status and attributed_to; ``discrepancies`` join the items of one fact
    told with other values. Sorted by rank, then id; capped.
    """
    graph = graph or build_graph(sources, extractions)
    publishers = frozenset(s.publisher for s in sources if s.publisher)
    disputes: dict[str, Dispute] = {}
    tiers: dict[str, int] = {}
    for nodes in dispute_components(graph, discrepancies):
        contested = [n for n in nodes if opens(n)]
        if not contested:
            continue  # a confirmation or a report alone disputes nothing
        if all(n.claim.unresolved or demonstrative_opening(n.claim.text) for n in nodes):
            continue  # "She has pushed back …" with "she" unclear, "This sort of opining …": not readable alone
        if all(n.claim.status in REPLY_STATUSES for n in nodes) and not any(says_what_it_answers(n) for n in nodes):
            continue  # "Trump denied the accusations": the claim it answers is not in the item
        stances = {n.index: stance_of(n) for n in nodes}
        replies = [n for n in nodes if stances[n.index] in ("denied", "confirmed", "unconfirmed", "no_comment")]
        answered = bool(replies)
        replied = any(not NON_ANSWER_RE.search(n.claim.text) for n in replies)  # (a non-answer answers nothing)
        if not replied and all(stances[n.index] == "alleged" and (a_camp(side_of(n)[1]) or a_self_claim(n))
                               for n in contested):
            # "Critics accused Washington of …": a camp's criticism; "Pate claimed that he is not
            # backing anyone": what a claimant says of itself. No one answers: no party's claim disputed.
            continue
        if not replied and all(accusers_unnamed(n) or CHARGE_GROUNDS_RE.search(n.claim.text) for n in contested):
            # "Roof is accused of killing nine people", "X was also accused of breaking the rules":
            # a charge's standing, or an accusation no one named makes and no one answers
            continue
        # an account no one alleges or answers, only reported: the weakest kind, an item only
        # as an unconfirmed report, and shown only where answered and alleged ones leave room
        report_only = not replied and all(stances[n.index] == "reported" for n in contested)
        if report_only and not any(an_unconfirmed_report(n, publishers) for n in contested):
            continue  # an agency's figures, a memo, a forecast: reported, not in dispute
        lead = lead_of(nodes)
        outlets = len({n.outlet for n in nodes})
        named = any(n.claim.attributed_to for n in nodes if is_contested(n))
        rank = (2.0 * (outlets - 1) + (1.5 if replied else 0.5 if answered else 0.0) + (0.5 if named else 0.0)
                + max(n.prominence for n in nodes))
        dispute = Dispute(id=short_id("d", lead.source.id, lead.claim.text), text=lead.claim.text,
                          sides=build_sides(nodes), citations=sorted_citations(nodes),
                          rank=round(rank, 3), insertions=lead.claim.insertions)
        if dispute.id not in disputes:
            disputes[dispute.id] = dispute
            tiers[dispute.id] = 1 if report_only else 0
    limit = min(MAX_DISPUTES, max(MIN_DISPUTES, PER_ARTICLE * len(sources)))
    chosen = sorted(disputes.values(), key=lambda d: (tiers[d.id], -d.rank, d.id))[:limit]
    return tuple(sorted(chosen, key=lambda d: (-d.rank, d.id)))


# -- discrepancies -------------------------------------------------------------------------

CONTEXT_WORDS = 6
#: Counts from articles published further apart than this may count at different times.
COUNT_WINDOW_DAYS = 3
#: A weekday is read relative to its article: compared only within a week's news.
WEEKDAY_WINDOW_DAYS = 7
#: Lead-in words a weekday and a date must share to be one happening.
WEEKDAY_MIN_SHARED = 4
@dataclass(frozen=True)
class Value:
    """One comparable value in a claim: what kind, its key, how the text puts it."""

    kind: str  # count | date | weekday
    topic: str  # what it measures: a unit stem ("time"), or "day" / "year"
    key: str  # normalised value
    label: str  # the differing part as the text has it
    context: frozenset[str] = frozenset()
    count: Quantity | None = None
    action: frozenset[str] = frozenset()  # the plain words right before the value (``action_before``)


def lead_in(text: str, start: int) -> frozenset[str]:
    """Content stems of the few words before text[start] in its sentence."""
    return frozenset(content_tokens(text[max(0, start - 80):start])[-CONTEXT_WORDS:])


def counted_values(node: Node) -> list[Value]:
    """The claim's counts ("at least seven times"), years and dates excluded. A sentence that
    gives several values of one unit ("from 40 percent to 46 percent") is a series, whose
    values cannot be told apart by what they count: none of them is compared."""
    text = node.claim.text
    values: dict[str, set[float]] = defaultdict(set)
    for q in node.profile.counts:
        values[q.unit].add(q.value)
    return [Value(kind="count", topic=q.unit, key=f"{q.bound}|{q.value:g}", label=q.label, count=q,
                  context=lead_in(text, q.start), action=action_before(text, q.start))
            for q in node.profile.counts if len(values[q.unit]) == 1]


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
        # A weekday, "today", "tomorrow": read relative to the article's date.
        kind = "weekday" if not re.search(r"\d", event.expression) else "date"
        out.append(Value(kind=kind, topic="day", key=event.date, label=f"{event.expression} ({event.date})",
                         context=lead_in(text, at), action=action_before(text, at)))
    other_numbers = len(re.findall(r"\d[\d,.]*", text)) > len(YEAR_RE.findall(text))
    for m in YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in day_spans) or other_numbers:
            continue  # beside other figures a year is their time frame ("$25,550 as of 2012")
        out.append(Value(kind="date", topic="year", key=m.group("year"), label=m.group(0),
                         context=lead_in(text, m.start()), action=action_before(text, m.start())))
    # Two dates of one kind in one sentence ("after Tuesday's primary, … on Feb. 27"): which
    # one a version would be cannot be told, so none is compared.
    keys: dict[str, set[str]] = defaultdict(set)
    for value in out:
        keys[value.topic].add(value.key)
    return [v for v in out if len(keys[v.topic]) == 1]


@per_node
def node_values(node: Node) -> tuple[tuple[Value, ...], tuple[Value, ...]]:
    """A claim's counts and its dates (``counted_values``, ``dated_values``): asked of a node
    once (``per_node``), and kept for the same node of a later run in this process."""
    return tuple(counted_values(node)), tuple(dated_values(node))


def same_happening(x: Value, y: Value, a: Node, b: Node) -> bool:
    """Are two dates dates of one happening? A weekday against a date: the two lead-ins
    share most words and a participant ("spoke with X on …"). Years and dates: the same
    action stands right before both ("left office in 2021" / "left the White House in
    2020"), and the claims name a participant in common and share core wording and counts."""
    if "weekday" in (x.kind, y.kind):
        shared = x.context & y.context
        named = (shared & a.profile.names & b.profile.names) - NOT_PARTICIPANTS
        unnamed = not (a.profile.names | b.profile.names) - NOT_PARTICIPANTS
        return len(shared) >= WEEKDAY_MIN_SHARED and (bool(named) or unnamed)
    if not same_action(x, y):
        return False
    named = (a.profile.names & b.profile.names) - NOT_PARTICIPANTS
    return bool(named) and same_participants(a.profile, b.profile) \
        and same_core_wording(a.profile, b.profile) and same_counts(a.profile, b.profile)


#: Words of "at least", "nearly", "roughly": how a value is bounded, not what it is of.
QUALIFIER_STEMS = frozenset(content_tokens(" ".join(QUALIFIERS_DOWN + QUALIFIERS_UP + QUALIFIERS_VAGUE)))


def action_before(text: str, start: int) -> frozenset[str]:
    """The plain words among the last ``CONTEXT_WORDS`` content words before text[start],
    names, generic and bounding words left out: the action a value belongs to
    ("the storm destroyed 40 homes" -> {"storm", "destroy"})."""
    words = content_words(text[max(0, start - 80):start])[-CONTEXT_WORDS:]
    return frozenset(w[0] for w in words if w[1] and w[0] not in GENERIC and w[0] not in QUALIFIER_STEMS
                     and not w[0].isdigit())


def same_action(x: Value, y: Value) -> bool:
    """Is one value's action all within the other's ("left office in" / "left the White
    House in": {leave, office} and {leave}; "joined the board in" / "left the board in": no)?"""
    return bool(x.action and y.action) and (x.action <= y.action or y.action <= x.action)


def differing(a: Node, b: Node, values_a: tuple[Sequence[Value], Sequence[Value]],
              values_b: tuple[Sequence[Value], Sequence[Value]]) -> list[tuple[str, Value, Value]]:
    """Two claims from different outlets about the same who and what -> the values on which
    they disagree, each with its kind: counts of the same thing at the same time that no
    value fits both (rounding and vaguer wording are no conflict), and dates of the same
    action by the same participant."""
    pairs: list[tuple[str, Value, Value]] = []
    if not same_participants(a.profile, b.profile):
        return pairs
    apart = days_apart(a.source, b.source)
    if same_core_wording(a.profile, b.profile) and same_when(a.profile, b.profile) \
            and (apart is None or apart <= COUNT_WINDOW_DAYS):
        for x in values_a[0]:
            for y in values_b[0]:
                if x.count is not None and y.count is not None and x.action & y.action:
                    kind = counts_conflict(x.count, y.count)
                    if kind:
                        pairs.append((kind, x, y))
    dates_a, dates_b = values_a[1], values_b[1]
    for x in dates_a:
        for y in dates_b:
            if x.topic != y.topic or x.key.startswith(y.key) or y.key.startswith(x.key):
                continue
            if any(v.key == y.key for v in dates_a) or any(v.key == x.key for v in dates_b):
                continue  # both outlets give both dates: two happenings, not two versions
            weekdays = (x.kind == "weekday") + (y.kind == "weekday")
            if weekdays == 2 or (weekdays and (apart is None or apart > WEEKDAY_WINDOW_DAYS)):
                continue  # two weekdays are two relative dates: likely two happenings
            if same_happening(x, y, a, b):
                pairs.append(("weekday" if "weekday" in (x.kind, y.kind) else "date", x, y))
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


def star_items(values: Sequence[tuple[Node, Value, str]], links: Sequence[tuple[int, int]]
               ) -> list[list[int]]:
    """Linked values -> groups, each a lead value and the values compared with it directly
    (no chains), never two values of one claim; leads taken most prominent first."""
    adjacent: dict[int, set[int]] = defaultdict(set)
    for x, y in links:
        adjacent[x].add(y)
        adjacent[y].add(x)
    assigned: set[int] = set()
    groups = []
    order = sorted(adjacent, key=lambda i: (-round(values[i][0].prominence, 6), values[i][0].source.id,
                                            values[i][0].number, values[i][1].key))
    for lead in order:
        if lead in assigned:
            continue
        claims = {values[lead][0].index}
        members = [lead]
        for other in sorted(adjacent[lead] - assigned):
            if values[other][0].index not in claims:
                claims.add(values[other][0].index)
                members.append(other)
        assigned.update(members)
        if len(members) > 1:
            groups.append(members)
    return groups


def link_discrepancies(sources: Sequence[Source], extractions: Sequence[ArticleExtraction],
                       graph: ClaimGraph | None = None) -> tuple[Discrepancy, ...]:
    """The same fact told with different counts, dates or bounds.

    Needs claims and events. Claims are compared only when the index pairs them and they
    share who and what (``verify``); a discrepancy is one value against another, each
    version citing every sentence that gives it; sorted by id.
    """
    graph = graph or build_graph(sources, extractions)
    values_of = node_values

    items: dict[tuple[int, str, str, str], int] = {}
    values: list[tuple[Node, Value, str]] = []

    def item(node: Node, value: Value, kind: str) -> int:
        key = (node.index, kind, value.topic, value.key)
        if key not in items:
            items[key] = len(values)
            values.append((node, value, kind))
        return items[key]

    links = []
    valued = [n for n in graph.nodes if n.profile.linkable and (n.profile.counts or n.events
                                                                 or YEAR_RE.search(n.claim.text))]
    for x_index, y_index in candidate_pairs([n.tokens for n in valued], graph.idf, keys_per_text=12,
                                              min_shared=2):
        a, b = valued[x_index], valued[y_index]
        if a.outlet == b.outlet:
            continue
        for kind, x, y in differing(a, b, values_of(a), values_of(b)):
            links.append((item(a, x, kind), item(b, y, kind)))
    out: dict[str, Discrepancy] = {}
    for members in star_items(values, links):
        by_value: dict[str, list[tuple[Node, Value, str]]] = defaultdict(list)
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
        kind = values[members[0]][2]
        disc = Discrepancy(id=short_id("x", kind, *sorted(v.value for v in versions), lead.claim.text),
                           text=lead.claim.text, kind=kind, versions=tuple(versions))
        out.setdefault(disc.id, disc)
    for node in graph.nodes:
        for disc in weekday_mismatches(node):
            out.setdefault(disc.id, disc)
    return tuple(sorted(out.values(), key=lambda d: d.id))
