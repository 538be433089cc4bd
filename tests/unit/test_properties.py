"""Property tests: arbitrary text through every stage. No crash, bounded time, offsets that
hold, YAML that loads back equal. Derandomized in CI (see tests/conftest.py).

Generated text mixes three sources: any Unicode at all, "newsy" token soup (capitalised
words, abbreviations, quotation marks of every kind, bylines, dates, section markers) so
that the cleaning and sentence rules actually fire, and markup from every syntax an
article could try to inject.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import json
import multiprocessing
import os
import tempfile
import time
import typing
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import model
from briefing.clean import clean_article
from briefing.dump import briefing_from_yaml, briefing_to_json, briefing_to_yaml, from_data
from briefing.ingest import READERS, decode, normalise_text, read_folder, read_html, read_md, read_txt
from briefing.link import link_briefing
from briefing.model import BriefingError, CleanArticle, RawArticle, SourceMeta
from briefing.pipeline import process_article
from briefing.sentences import sentences_covering, split_sentences

# --- strategies --------------------------------------------------------------------------

TOKENS = [
    "The", "council", "said", "Mr.", "Dr.", "U.S.", "a.m.", "Jan.", "No.", "e.g.", "J.", "Smith", "Ana", "Ruiz",
    "president", "spokesperson", "denied", "allegedly", "reportedly", "confirmed", "on", "Tuesday", "March",
    "3,", "2023", "2024-11-08", "at", "least", "seven", "by", "By", "Jane", "Roe", "Updated", "Related Articles",
    "Subscribe", "newsletter", "support", "Getty Images", "(AFP via Getty Images)", "Photo:", "Also read:",
    "Menu", "Skip to content", "…", "...", ".", "?", "!", "?!", ",", ";", ":", "-", "—", "–",
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", "(", ")", "[", "]", "{", "}",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![i](data:x)",
    "[^1]", "[^1]: note", "{: onclick=x }", "!!! note", "--8<-- \"/etc/passwd\"", "{{ 7*7 }}", "{% raw %}",
    "</script>", "<!--", "-->", "&amp;", "&lt;", "|", "*", "_", "#", "`", "\\", "~", "%", "@", "&",
    "null", "~", "yes", "no", "1e3", "0x1F", ": ", "- ", "? ", "!!str", "&a", "*a",
    "\t", "\u00a0", "\u2028", "\u2029", "\x85", "\ufeff", "\u200b", "\u202e", "\r", "\r\n", "\x00", "\x1b",
]
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "", ". ", "\n \n"])


@st.composite
def newsy(draw: st.DrawFn, max_tokens: int = 120) -> str:
    """Token soup that looks enough like a page to exercise the cleaning and sentence rules."""
    tokens = draw(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(min_size=1, max_size=8)), max_size=max_tokens))
    parts: list[str] = []
    for token in tokens:
        parts.append(token)
        parts.append(draw(SEPARATORS))
    return "".join(parts)


def sentence_like() -> st.SearchStrategy[str]:
    """Lines that clean keeps: long enough, ending in a full stop."""
    words = st.lists(st.sampled_from(TOKENS[:40] + TOKENS[65:80]), min_size=6, max_size=25)
    return words.map(lambda w: " ".join(w) + ".")


@st.composite
def page(draw: st.DrawFn) -> str:
    """Kept-looking body lines with hostile or random lines between them."""
    lines = draw(st.lists(st.one_of(sentence_like(), newsy(max_tokens=30), st.text(max_size=40)),
                          min_size=1, max_size=25))
    return "\n".join(lines)


TEXT = st.one_of(st.text(max_size=400), newsy(), page())


def raw_article(text: str, file: str = "t.txt", meta: SourceMeta | None = None) -> RawArticle:
    return RawArticle(source_id="t", file=file, text=text, meta=meta or SourceMeta(), digest="0" * 64)


# --- ingest --------------------------------------------------------------------------------

@given(st.one_of(st.binary(max_size=600), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_decode_returns_text_or_a_named_error(data: bytes) -> None:
    try:
        text = decode(data, "f.txt")
    except BriefingError as err:
        assert str(err).startswith("f.txt: ")
    else:
        assert isinstance(text, str)


@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_reads_back_any_text_with_a_known_encoding(text: str, encoding: str) -> None:
    clean = normalise_text(text)
    data = clean.encode(encoding)
    if encoding == "utf-8" and clean.startswith("\ufeff"):
        clean = clean[1:]  # a leading U+FEFF in UTF-8 is a byte-order mark
    if not data.strip() or (encoding == "utf-8" and "\x00" in clean):
        return
    assert decode(data, "f.txt") == clean


@given(TEXT)
def test_normalised_text_has_no_control_characters(text: str) -> None:
    out = normalise_text(text)
    assert "\r" not in out and "\x85" not in out
    assert all(ch in "\n\t" or 32 <= ord(ch) < 127 or ord(ch) >= 160 for ch in out if ord(ch) < 160)
    assert normalise_text(out) == out


@given(st.one_of(TEXT, TEXT.map(lambda t: "---\n" + t), TEXT.map(lambda t: f"---\n{t}\n---\n{t}"),
                 st.builds(lambda a, b: f"---\ntitle: {a}\nurl: {b}\n---\nbody", TEXT, TEXT)))
def test_text_readers_keep_offsets(text: str) -> None:
    for reader in (read_txt, read_md):
        body, meta = reader(text, "f")
        assert isinstance(meta, SourceMeta)
        assert len(body) == len(text) and body.endswith(text[len(text) - len(body.lstrip(" ")):])
        if meta.url is not None:
            assert meta.url.lower().startswith(("http://", "https://"))


@settings(max_examples=40)
@given(st.one_of(TEXT, TEXT.map(lambda t: f"<html><head><title>{t}</title></head><body><p>{t}</p></body></html>")))
def test_html_reader_never_crashes(text: str) -> None:
    body, meta = read_html(text, "f.html")
    assert isinstance(body, str) and isinstance(meta, SourceMeta)


FILE_NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d.TXT", "sub/e.txt", "f.markdown", "g.htm", "h.pdf"])


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(FILE_NAMES, st.one_of(st.binary(max_size=300), TEXT.map(str.encode)), max_size=5),
       st.one_of(st.none(), TEXT, st.builds(lambda n, t: f"{n}:\n  publisher: {t}\n  url: {t}\n  date: {t}\n",
                                              FILE_NAMES, TEXT)))
def test_read_folder_reads_or_names_every_file(files: dict[str, bytes], sources: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp)
        for name, data in files.items():
            (seeds / name).parent.mkdir(exist_ok=True)
            (seeds / name).write_bytes(data)
        if sources is not None:
            (seeds / "sources.yaml").write_text(sources, encoding="utf-8")
        try:
            articles, skipped = read_folder(seeds)
        except BriefingError as err:  # only a bad sources.yaml stops the run
            assert "sources.yaml" in str(err)
            return
    assert sorted([a.file for a in articles] + [s.file for s in skipped]) == sorted(files)
    assert len({a.source_id for a in articles}) == len(articles)
    for article in articles:
        assert article.text.strip() and Path(article.file).suffix.lower() in READERS


# --- clean, sentences ----------------------------------------------------------------------

def check_clean(raw: RawArticle, article: CleanArticle) -> None:
    text = article.text
    assert len(article.offset_map) == len(article.paragraphs)
    pieces = []
    for (cs, rs, n), para in zip(article.offset_map, article.paragraphs, strict=True):
        assert text[cs:cs + n] == raw.text[rs:rs + n]  # kept text is never rewritten
        assert (para.start, para.end) == (cs, cs + n) and n > 0
        assert article.raw_offset(cs) == rs
        pieces.append(raw.text[rs:rs + n])
    assert text == "\n\n".join(pieces)
    kept = [(rs, rs + n) for _cs, rs, n in article.offset_map]
    for removed in article.removed:
        assert raw.text[removed.start:removed.end] == removed.text and removed.reason
        assert not any(s < removed.end and removed.start < e for s, e in kept)  # nothing both kept and cut
    spans = sorted(kept + [(r.start, r.end) for r in article.removed])
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def check_sentences(article: CleanArticle, sentences: list) -> None:
    assert [s.id for s in sentences] == [f"s{i}" for i in range(1, len(sentences) + 1)]
    text = article.text
    previous_end = 0
    for sent in sentences:
        para = article.paragraphs[sent.paragraph]
        assert para.start <= sent.start < sent.end <= para.end and sent.start >= previous_end
        assert text[sent.start:sent.end] == text[sent.start:sent.end].strip()
        previous_end = sent.end
    covered = {i for s in sentences for i in range(s.start, s.end)}
    for para in article.paragraphs:  # sentences tile each paragraph: no word is lost
        assert all(i in covered for i in range(para.start, para.end) if not text[i].isspace())


@given(TEXT)
def test_clean_and_sentences_keep_every_offset_true(text: str) -> None:
    raw = raw_article(text)
    try:
        article = clean_article(raw)
    except BriefingError as err:
        assert "t.txt" in str(err)
        return
    check_clean(raw, article)
    check_sentences(article, split_sentences(article))


# --- extraction ------------------------------------------------------------------------------

def check_citation(source: model.Source, c: model.Citation) -> None:
    assert c.source == source.id
    assert 0 <= c.start <= c.end <= len(source.text)
    covering = sentences_covering(source.sentences, c.start, c.end)
    assert covering, c
    assert c.sentence == covering[0].id
    assert c.text == source.text[covering[0].start:covering[-1].end]


def check_extraction(source: model.Source, extraction: model.ArticleExtraction) -> None:
    assert extraction.source_id == source.id
    for item in (*extraction.quotes, *extraction.phrases):
        assert item.citations
        for c in item.citations:
            check_citation(source, c)
            assert source.text[c.start:c.end] == item.text  # verbatim
    for claim in extraction.claims:
        check_citation(source, claim.citation)
        assert source.text[claim.citation.start:claim.citation.end] == claim.text
        assert claim.status in model.CLAIM_STATUSES
    for event in extraction.events:
        assert event.precision in model.PRECISIONS and event.citations
        for c in event.citations:
            check_citation(source, c)


@given(TEXT)
def test_process_article_cites_only_what_the_text_says(text: str) -> None:
    raw = raw_article(normalise_text(text))
    try:
        source, extraction = process_article(raw)
    except BriefingError:
        return
    check_extraction(source, extraction)
    briefing = link_briefing([source], [extraction])
    assert briefing_from_yaml(briefing_to_yaml(briefing)) == briefing


@settings(max_examples=40)
@given(st.lists(page(), min_size=1, max_size=4))
def test_linking_several_articles_round_trips(texts: list[str]) -> None:
    pairs = []
    for i, text in enumerate(texts):
        raw = RawArticle(source_id=f"a{i}", file=f"a{i}.txt", text=normalise_text(text),
                         meta=SourceMeta(publisher=f"P{i % 2}"), digest="0" * 64)
        try:
            pairs.append(process_article(raw))
        except BriefingError:
            continue
    if not pairs:
        return
    for source, extraction in pairs:
        check_extraction(source, extraction)
    briefing = link_briefing([p[0] for p in pairs], [p[1] for p in pairs])
    by_id = {s.id: s for s in briefing.sources}
    for item in (*briefing.quotes, *briefing.facts, *briefing.disputed, *briefing.timeline, *briefing.phrases):
        for c in item.citations:
            check_citation(by_id[c.source], c)
    text = briefing_to_yaml(briefing)
    assert briefing_from_yaml(text) == briefing and briefing_to_yaml(briefing_from_yaml(text)) == text


# --- dump: any Briefing at all round-trips through YAML and JSON -----------------------------

YAML_HOSTILE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "null", "~", "yes", "No", "on", "1e3", "0x1F", "0o7", ".inf", "-.nan", "2024-01-01",
                     "12:30", "- x", ": y", "? z", "!!python/object:os.system", "&a", "*a", "%YAML 1.1", "---",
                     "...", "#x", "'", '"', "|", ">", "a\n", "\na", " a ", "a  \n b", "\t", "\x85", "\u2028",
                     "\ufeff", "\x00", "\x1b[31m", "\ud7ff", "\U0010ffff", "a: b\nc: d", "{a: b}", "[1, 2]"]),
)


def strategy_for(tp: object) -> st.SearchStrategy:
    """A strategy for a model type: every field filled, strings from YAML_HOSTILE."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, __import__("types").UnionType):
        return st.one_of(*(strategy_for(arg) for arg in typing.get_args(tp)))
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategy_for(args[0]), max_size=2).map(tuple)
        return st.tuples(*(strategy_for(a) for a in args))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: strategy_for(hints[f.name]) for f in dataclasses.fields(tp)})
    return {str: YAML_HOSTILE, int: st.integers(-(2**63), 2**63), bool: st.booleans(), type(None): st.none(),
            float: st.floats(allow_nan=False, allow_infinity=False)}[tp]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(strategy_for(model.Briefing))
def test_any_briefing_round_trips_through_yaml_and_json(briefing: model.Briefing) -> None:
    text = briefing_to_yaml(briefing)
    assert isinstance(yaml.safe_load(text), dict)  # valid YAML for any reader
    assert briefing_from_yaml(text) == briefing
    assert briefing_to_yaml(briefing_from_yaml(text)) == text  # and byte-stable
    assert from_data(model.Briefing, json.loads(briefing_to_json(briefing))) == briefing


# --- time: adversarial inputs stay linear -------------------------------------------------------
# Each input is built at two sizes and its CPU time compared: a linear stage takes about twice as
# long on twice the input, a quadratic one four times as long. A growth ratio, not a wall-clock
# bar, so a slow or busy machine does not fail it (CI once took 8.4 s where this machine takes
# 5.4 s on the 2 MB line); `scripts/bench.py` measures speed itself.

BODY = "The council approved the new budget on Tuesday after a long debate, officials said. "
N = 100_000


def adversarial(n: int) -> dict[str, str]:
    """Hostile texts of about ``n`` characters (the single line about ``20 * n``)."""
    return {
        "100k straight quotes": BODY + '"' * n + " " + BODY,
        "100k curly quotes": BODY + "“" * n + " " + BODY,
        "25k nested quotations": BODY + "“" * (n // 4) + "word " + "”" * (n // 4) + " " + BODY,
        "100k mixed unbalanced quotes": BODY + ("“a ”b \"c ‘d ’e 'f " * (n // 12)) + BODY,
        "quotes around every word": BODY + ('He said "yes. No" and “maybe. ' * (n // 30)),
        "run of full stops": BODY + "." * n + "x more words follow here. " + BODY,
        "run of !? marks": BODY + "!?" * (n // 2) + " x more words. " + BODY,
        "marks then closers": BODY + ".\"" * (n // 2) + "x words. " + BODY,
        "long dotted word": BODY + "a." * (n // 2) + "ab. The end. " + BODY,
        "long word then abbreviation": BODY + "x" * n + " Mr. Smith said. " + BODY,
        "one 2 MB line": BODY * (20 * n // len(BODY)),
        "100k short lines": "\n".join(["Menu", "Subscribe to our newsletter", BODY] * (n // 30)),
        "all boilerplate lines": "\n".join(["Skip to content", "Sign in"] * (n // 10)),
        "byline words": "by " + "Ann " * (n // 4) + "x\n" + BODY,
        "byline dashes": "by " + "a-" * (n // 2) + "\n" + BODY,
        "credit parentheses": BODY + "( via " * (n // 6) + "\n" + BODY,
        "pipes": BODY + "| Photo " * (n // 8) + "\n" + BODY,
        "spaces after a stop": BODY + "." + " " * n + "x " + BODY,
        "brackets": BODY + "([" * (n // 2) + BODY,
        "date-like": BODY + "March 3, 2023 " * (n // 14) + BODY,
        "many short sentences": "\n".join([BODY * 20] * (200 * n // N)),
    }


ADVERSARIAL = adversarial(N)
HALVED = adversarial(N // 2)
# A run is killed after this many seconds, so a quadratic regression costs a minute, not an hour.
KILL_SECONDS = float(os.environ.get("BRIEFING_TIME_LIMIT", "60"))
# Twice the input may cost at most this many times the CPU (linear: 2, quadratic: 4), plus
# SLACK_SECONDS for runs too short to time.
GROWTH = 3.0
SLACK_SECONDS = 0.5
# Known super-linear spots in extraction (not in ingest, clean or sentences), each named
# where it lives; remove an entry once its stage is linear.
SLOW_EXTRACTION: dict[str, str] = {}  # (all fixed: claims' quote masking, dates, nested quotations)


def _clean_and_segment(raw: RawArticle) -> None:
    try:
        split_sentences(clean_article(raw))
    except BriefingError:
        pass


def _whole_article(raw: RawArticle) -> None:
    try:
        source, extraction = process_article(raw)
    except BriefingError:
        return
    check_extraction(source, extraction)


def _run_timed(target: typing.Callable[[RawArticle], None], raw: RawArticle, queue: multiprocessing.Queue) -> None:
    # The forked child inherits the test run's heap: without freezing it, every full garbage
    # collection walks (and copy-on-write touches) all of it, which makes the timing depend on
    # how many tests ran before and grow faster than the input does (CI: 4x for twice the input).
    gc.freeze()
    started = time.process_time()
    try:
        target(raw)
    except BaseException as err:  # noqa: BLE001 - reported to the parent as the failure
        queue.put(f"{type(err).__name__}: {err}")
        return
    queue.put(time.process_time() - started)


def run_bounded(target: typing.Callable[[RawArticle], None], text: str) -> float:
    """CPU seconds ``target`` took on ``text``, run in a child process killed after KILL_SECONDS."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_run_timed, args=(target, raw_article(text), queue))
    child.start()
    try:
        result = queue.get(timeout=KILL_SECONDS)
    except Exception:  # noqa: BLE001 - queue.Empty: the child is still running
        result = float("inf")
    finally:
        child.kill()
        child.join()
    if isinstance(result, str):
        pytest.fail(result)
    return result


def assert_linear(target: typing.Callable[[RawArticle], None], name: str) -> None:
    half = run_bounded(target, HALVED[name])
    full = run_bounded(target, ADVERSARIAL[name])
    if full >= GROWTH * half + SLACK_SECONDS and full < KILL_SECONDS:  # a noisy machine: measure once more
        half = max(half, run_bounded(target, HALVED[name]))
        full = min(full, run_bounded(target, ADVERSARIAL[name]))
    assert full < GROWTH * half + SLACK_SECONDS, f"{name}: {half:.2f}s CPU at half size, {full:.2f}s at full"


def test_growth_check_catches_quadratic_work() -> None:
    """The check itself: work that grows with the square of the input fails it, linear work passes."""
    def quadratic(raw: RawArticle) -> None:
        for i in range(0, len(raw.text), 400):  # a scan of the whole text per 400 characters
            raw.text.count(raw.text[i:i + 8])

    def linear(raw: RawArticle) -> None:
        raw.text.count("x")
        sum(1 for _ in raw.text)

    with pytest.raises(AssertionError):
        assert_linear(quadratic, "one 2 MB line")
    assert_linear(linear, "one 2 MB line")


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_cleaned_and_segmented_in_linear_time(name: str) -> None:
    """clean + segment on ~100k adversarial characters (or one 2 MB line): linear growth."""
    assert_linear(_clean_and_segment, name)


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(reason=SLOW_EXTRACTION[name], strict=False))
    if name in SLOW_EXTRACTION else name for name in sorted(ADVERSARIAL)])
def test_adversarial_input_is_processed_in_linear_time(name: str) -> None:
    """clean + segment + extract on the same inputs: linear growth; citations still hold."""
    assert_linear(_whole_article, name)
