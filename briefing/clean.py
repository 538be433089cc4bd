"""RawArticle -> CleanArticle: the article's own text, page furniture removed.

Needs: RawArticle.text (one block per line). Adds: kept paragraphs (headline, headings,
body), a map from cleaned offsets back to raw ones, every removed stretch with its
reason, and title/author/date read from the headline and byline.

The signals are general, not tied to any site: the shape of a line (length, closing
punctuation, a byline or a photo credit), lexicons of page furniture (appeals for
support, section markers such as "Related Articles"), lines repeated on the page, and
position relative to the article's core (the run of body paragraphs). A section marker
or a teaser for another story after the core ends the article: what follows is cut.
Kept text is never rewritten: a paragraph is a raw line with its edges trimmed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from .fastre import guard
from .ingest import merge_meta
from .model import BriefingError, CleanArticle, Paragraph, RawArticle, Removed, SourceMeta

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "November 7, 2024" (month first) or "7 November 2024" (day first).
DATE_IN_TEXT_RE = re.compile(rf"\b(?:({MONTH_RE})\s+(\d{{1,2}}),?|(\d{{1,2}})\s+({MONTH_RE}),?)\s+(\d{{4}})\b")
WEEKDAY_RE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DATELINE_RE = re.compile(
    rf"^(?:(?:Published|Updated|Last updated|Posted|First published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{WEEKDAY_RE},?\s+)?(?:{MONTH_RE}\s+\d{{1,2}},?|\d{{1,2}}\s+{MONTH_RE},?)\s+\d{{4}}"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*(?:[A-Z]{2,4})?$", re.IGNORECASE)
TIMESTAMP_RE = re.compile(r"^(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?|\d+\s+(?:minutes?|hours?|days?)\s+ago"
                          r"|an?\s+(?:minute|hour|day)\s+ago)$", re.IGNORECASE)
NAME_WORD = r"[A-Z][\w'’.-]*"
BYLINE_RE = re.compile(
    rf"^(?:by|written by)\s+(?P<name>{NAME_WORD}(?:\s+(?:{NAME_WORD}|and|&|de|van|von|der|al|bin))*?)"
    rf"(?:\s*[,|·•-]\s*|\s+)(?P<rest>(?:{MONTH_RE}|{WEEKDAY_RE}|\d|Updated|Published|Staff|$).*)$",
    re.IGNORECASE)
# A photo credit: "(Name/Agency via Getty Images)", "( AFP via Getty Images )", "| Credit: X".
CREDIT_RE = re.compile(
    r"(?:\(\s*[^()]{0,120}?(?:\bvia\b|\bGetty\b|\bImages?\b|\bPhoto(?:graph)?s?\b|\bAFP\b|\bReuters\b"
    r"|\bAP\b|\bEPA\b|\bShutterstock\b|\bCredit\b|[\w.]/[A-Z])[^()]{0,120}\)\s*$)"
    r"|(?:[|•]\s*(?:Photo|Image|Picture)?\s*(?:Credit|Source|Courtesy)s?\s*:?[^|]{0,80}$)"
    r"|(?:^(?:Photo|Image|Picture|Caption|File photo)\s*(?:credit|source|caption)?\s*[:,])"
    r"|(?:^(?:[\w.' -]{1,40}(?:/| via ))?(?:Getty Images|Reuters|AFP|AP Photo|EPA|Shutterstock|PTI|ANI)"
    r"(?:\s*(?:photo|file|images?))?\s*$)",
    re.IGNORECASE)
# "Also read: <another story>", "WATCH | ...": a link to another story inside the page.
LINK_LABEL_RE = re.compile(
    r"^(?:also read|read also|read more|read next|see also|related|recommended|must read|don['’]t miss"
    r"|watch|listen|video|explained|trending|top stories|more on this|click here)\s*[:|\-–—]\s*\S", re.IGNORECASE)
# Section markers after which a page lists other stories, comments or sign-up forms.
TAIL_MARKERS = frozenset("""
news feed|related|related articles|related stories|related news|related posts|related content
more news|more stories|more from|more on this story|read more|read next|read also|also read
see also|recommended|recommended for you|recommended stories|you may also like|you might also like
most read|most popular|popular|trending|trending now|latest|latest news|latest stories|top stories
editors picks|editor's picks|editors' picks|editor’s picks|comments|leave a comment|join the conversation
share this article|share this|tags|topics|more in|what to read next|don't miss|don’t miss
""".strip().replace("\n", "|").split("|"))
# Appeals for money, membership or sign-ups. Strong cues count 2, weak cues 1.
STRONG_APPEAL_RE = re.compile(
    r"\b(?:donat\w*|membership|subscrib\w*|newsletter|paywalls?|your support|support us|support our"
    r"|become a (?:member|subscriber|supporter)|sign(?:ing)? up|our journalism|our reporting"
    r"|our readers|independent journalism|make a contribution|ad-free|unsubscribe)\b", re.IGNORECASE)
WEAK_APPEAL_RE = re.compile(
    r"\b(?:support\w*|readers?|journalism|journalists|funded|funding|fund|members?|gift|email|inbox"
    r"|contribution|mission|free|accessible|paid|afford)\b", re.IGNORECASE)
UI_WORDS_RE = re.compile(
    r"\b(?:skip to|edit post|log ?in|sign in|menu|search|share|tweet|print|close|subscribe|advertisement"
    r"|audio|listen|min read|cookie|privacy|terms|required|e-?mail|click|download the app)\b", re.IGNORECASE)
# Lines about the page rather than the story: "Follow X on Twitter @x", "Read the rest of the
# story at …", "This video is restricted …", "Editor's note: …", "X contributed to this report."
SOCIAL = r"(?:twitter|x|facebook|instagram|threads|bluesky|tiktok|youtube|linkedin|truth social)"
FURNITURE_RE = re.compile(
    rf"^(?:follow|like|find|friend)\s+(?:[\w.'’-]+\s+){{0,4}}on\s+{SOCIAL}\b"
    r"|^(?:follow|find)\s+(?:[\w.'’-]+\s+){0,6}@\w{2,}"
    r"|^read\s+(?:the\s+)?(?:rest|full|entire|more)\b[^.!?]{0,60}\b(?:story|article|report|interview|here)\b"
    r"|\b(?:this\s+)?(?:video|content|media)\s+is\s+(?:restricted|not\s+available|unavailable)\b"
    r"|^(?:editor['’]?s['’]?\s+note|note\s+to\s+readers|correction|clarification)\s*[:.—–-]"
    r"|\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\b"
    # a newsletter greeting its readers: "Welcome to the Ledger's Harbour Report, a weekly digest …"
    r"|^welcome\s+to\s+[^.!?]{0,80}\b(?:newsletter|digest|briefing|roundup|podcast|report|edition)\b",
    re.IGNORECASE)
# Same matches, several times faster on long lines: a look-ahead on the cue words' first letters.
STRONG_APPEAL_RE, WEAK_APPEAL_RE, UI_WORDS_RE, FURNITURE_RE = map(
    guard, (STRONG_APPEAL_RE, WEAK_APPEAL_RE, UI_WORDS_RE, FURNITURE_RE))
LABEL_RE = re.compile(r"^(?:[A-Z][\w’']*(?:\s[A-Z][\w’']*)?)\s?:\s+\S")
SENTENCE_END_RE = re.compile(r"[.?!…][\"'”’)\]]*$")
WORD_RE = re.compile(r"[\w’']+")


@dataclass
class _Block:
    start: int  # raw offsets of the trimmed line
    end: int
    text: str
    words: int
    shape: str = ""  # body | headline | short | credit | byline | dateline | appeal | marker | ui
    reason: str = ""  # set when removed
    kind: str = "body"


def _appeal_score(text: str) -> int:
    return 2 * len(STRONG_APPEAL_RE.findall(text)) + len(WEAK_APPEAL_RE.findall(text))


def _normal_marker(text: str) -> str:
    return re.sub(r"[^\w'’ ]+", "", text).strip().lower()


def _shape(block: _Block) -> str:
    text = block.text
    n = block.words
    if n <= 25 and BYLINE_RE.match(text):  # cheap test first: long lines skip the regex
        return "byline"
    if DATELINE_RE.match(text) or TIMESTAMP_RE.match(text):
        return "dateline"
    if n <= 5 and _normal_marker(text) in TAIL_MARKERS:
        return "marker"
    if n <= 40 and FURNITURE_RE.search(text):
        return "furniture"
    if n <= 40 and LINK_LABEL_RE.match(text):
        return "link"
    if n <= 80 and CREDIT_RE.search(text):
        return "credit"
    score = _appeal_score(text)
    if score >= 4 or (score >= 3 and n <= 60) or (score >= 2 and n <= 12):
        return "appeal"
    sentence_end = SENTENCE_END_RE.search(text) is not None
    if n <= 12 and UI_WORDS_RE.search(text) and not sentence_end:
        return "ui"
    if n >= 6 and sentence_end:
        return "body"
    if 3 <= n <= 30 and text[-1] not in ",;:" and (text[0].isupper() or text[0] in "\"“‘'"):
        return "headline"
    if sentence_end and n >= 3:
        return "body"
    return "short"


def _blocks(text: str) -> list[_Block]:
    blocks = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            blocks.append(_Block(start, start + len(stripped), stripped, len(WORD_RE.findall(stripped))))
        pos += len(line) + 1
    return blocks


def _parse_date(match: re.Match[str]) -> str | None:
    month = (match.group(1) or match.group(4)).rstrip(".").lower()
    day = match.group(2) or match.group(3)
    number = next((v for k, v in MONTHS.items() if k.startswith(month[:3])), None)
    try:
        return dt.date(int(match.group(5)), number or 0, int(day)).isoformat()
    except ValueError:
        return None


def _mark_removed(blocks: list[_Block]) -> int | None:
    """Set ``reason`` on every block to drop; return the index of the headline, if any."""
    counts = Counter(b.text.lower() for b in blocks)
    for b in blocks:
        b.shape = _shape(b)
    body = [i for i, b in enumerate(blocks) if b.shape == "body"]
    if not body:
        for b in blocks:
            b.reason = "no article text on the page"
        return None
    core_start = body[0]
    # The article ends at the first section marker, or teaser for another story, after its core.
    end = len(blocks)
    for i in range(core_start + 1, len(blocks)):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        # A headline-shaped line whose next paragraph is cut short ("…"), or a labelled one
        # ("Opinion: …") not followed by body text, introduces another story.
        truncated = nxt is not None and nxt.text.endswith(("…", "..."))
        teaser = b.shape == "headline" and nxt is not None and (
            truncated or (LABEL_RE.match(b.text) is not None and nxt.shape != "body"))
        if b.shape == "marker" or teaser:
            end = i
            label = f"section “{b.text}” and all after it" if b.shape == "marker" else \
                "teaser for another story, and all after it"
            for later in blocks[i:]:
                later.reason = label
            break
    last_body = max(i for i in body if i < end) if any(i < end for i in body) else core_start
    # Headline: the nearest title-shaped line above the core, past bylines, datelines, credits.
    headline = None
    for i in range(core_start - 1, -1, -1):
        shape = blocks[i].shape
        if shape == "headline" and counts[blocks[i].text.lower()] == 1:
            headline = i
            break
        if shape not in ("byline", "dateline", "credit", "ui", "short"):
            break
    top = headline if headline is not None else core_start
    reasons = {"byline": "byline (kept as metadata)", "dateline": "date line (kept as metadata)",
               "credit": "photo caption or credit", "appeal": "appeal for support, membership or sign-up",
               "link": "link to another story",
               "furniture": "social link, read-more line or editor's note",
               "ui": "page navigation or widget", "marker": "page navigation or widget",
               "short": "page navigation or widget"}
    for i, b in enumerate(blocks[:end]):
        if i == headline:
            b.kind = "headline"
        elif i < top:
            b.reason = reasons.get(b.shape, "page header before the article")
        elif b.shape in reasons and b.shape != "short":
            b.reason = reasons[b.shape]
        elif i > last_body:
            b.reason = "after the article's last paragraph"
        elif counts[b.text.lower()] > 1 and b.words <= 12:
            b.reason = "line repeated on the page"
        elif b.shape in ("headline", "short"):
            b.kind = "heading"
    # A short line wedged between removed lines belongs to that furniture.
    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if not b.reason and b.kind != "headline" and b.shape != "headline" and b.words <= 15 \
                and blocks[i - 1].reason and blocks[i + 1].reason:
            b.reason = blocks[i - 1].reason
    # A heading with no body text after it heads nothing.
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        if b.reason or b.kind == "body":
            if b.kind == "body" and not b.reason:
                break
            continue
        if b.kind == "heading":
            b.reason = "after the article's last paragraph"
    return headline


def clean_article(raw: RawArticle) -> CleanArticle:
    """RawArticle -> CleanArticle. Raises BriefingError when no article text is left."""
    blocks = _blocks(raw.text)
    headline = _mark_removed(blocks)
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset_map: list[tuple[int, int, int]] = []
    spans: list[tuple[int, int, str]] = []  # removed (start, end, reason); text sliced once at the end
    inferred = SourceMeta()
    pos = 0
    for b in blocks:
        if b.reason:
            if b.shape == "byline":
                m = BYLINE_RE.match(b.text)
                date = DATE_IN_TEXT_RE.search(b.text)
                inferred = SourceMeta(title=inferred.title, author=m.group("name") if m else None,
                                      date=(_parse_date(date) if date else inferred.date))
            elif b.shape == "dateline" and inferred.date is None:
                date = DATE_IN_TEXT_RE.search(b.text)
                if date:
                    inferred = SourceMeta(title=inferred.title, author=inferred.author, date=_parse_date(date))
            # Merge with the previous removed stretch only when no kept line lies between.
            if spans and spans[-1][2] == b.reason and (not offset_map or spans[-1][1] > offset_map[-1][1]):
                spans[-1] = (spans[-1][0], b.end, b.reason)
            else:
                spans.append((b.start, b.end, b.reason))
            continue
        if parts:
            pos += 2
        offset_map.append((pos, b.start, b.end - b.start))
        paragraphs.append(Paragraph(pos, pos + len(b.text), b.kind))
        parts.append(b.text)
        pos += len(b.text)
    if not any(p.kind == "body" for p in paragraphs):
        raise BriefingError(f"{raw.file}: no article text left after cleaning")
    if headline is not None:
        inferred = SourceMeta(title=blocks[headline].text, author=inferred.author, date=inferred.date)
    return CleanArticle(
        source_id=raw.source_id,
        file=raw.file,
        text="\n\n".join(parts),
        paragraphs=tuple(paragraphs),
        offset_map=tuple(offset_map),
        removed=tuple(Removed(s, e, why, raw.text[s:e]) for s, e, why in spans),
        meta=merge_meta(inferred, raw.meta),
        digest=raw.digest,
    )
