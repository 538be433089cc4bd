"""render: Briefing -> Markdown pages. Hostile article text must come out inert and literal."""

from __future__ import annotations

import html
import json
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefing.render as render_module
from briefing.link.facts import key_facts
from briefing.model import (
    Briefing,
    BriefingMeta,
    Citation,
    Discrepancy,
    Dispute,
    Event,
    Fact,
    Paragraph,
    Phrase,
    Quote,
    Removed,
    Sentence,
    Side,
    Source,
    Speaker,
    Version,
)
from briefing.render import (
    CITATIONS_SHOWN,
    MARKER,
    XML_MARKER,
    HtmlSafe,
    MdSafe,
    RenderError,
    UrlSafe,
    escape_attr,
    escape_html,
    escape_md,
    escape_xml,
    format_date,
    jsonld,
    make_environment,
    render_briefing,
    safe_id,
    safe_url,
    sentence_anchors,
    source_page_name,
    text_fragment,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"

HOSTILE = [
    "<script>alert(1)</script> the minister said on Monday.",
    "Click [here](javascript:alert(1)) or ![img](http://evil.example/x.png) now.",
    "A note[^1] and {: onclick=x} and {{ 7*7 }} and {% if 1 %}yes{% endif %} here.",
    "!!! note \"Admonition\" and ??? details inside a sentence.",
    "--8<-- \"/etc/passwd\" is a snippet line.",
    "| a | b | is a table row.",
    "# Not a heading, *not bold* and _not em_ and `not code`.",
    "<img src=x onerror=alert(1)> and &lt;already escaped&gt; and \x02klzzwxh:0\x03 stash.",
    "[^1]: a fake footnote definition.",
]
SPECIALS = ["<script>", "](javascript:", "[^1]", "{: onclick=x}", "{{ 7*7 }}", "!!! note", '--8<-- "/etc/passwd"',
            "| a | b |", "{% raw %}", "<b onclick=x>", "[TOC]", "*[HTML]: x", ": def", "1. one", "- item", "+ item",
            "> quote", "    code", "```", "~~~", "==mark==", "^^sup^^", "~~del~~", "++ctrl++", "&amp;", "\\*",
            "<!-- c -->", "<http://x.example>", "[a]: http://x.example", "a  \nb", "===", "---", "???+ note"]
# Everything MkDocs turns on, and risky extensions someone might add later: escaping must hold for all.
EXTENSIONS = ["footnotes", "toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "def_list",
              "abbr", "pymdownx.details", "pymdownx.caret", "pymdownx.tilde", "pymdownx.mark", "pymdownx.keys"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """Our test text has one sentence per paragraph, paragraphs split by blank lines."""
    out, start = [], 0
    for number, para in enumerate(text.split("\n\n")):
        out.append(Sentence(id=f"s{number + 1}", start=start, end=start + len(para), paragraph=number))
        start += len(para) + 2
    return tuple(out)


def make_source(source_id: str, sentences: list[str], **meta) -> Source:
    text = "\n\n".join(sentences)
    sents = sentences_of(text)
    paragraphs = tuple(Paragraph(s.start, s.end, "headline" if i == 0 else "body") for i, s in enumerate(sents))
    return Source(id=source_id, file=f"{source_id}.txt", text=text, sentences=sents, paragraphs=paragraphs,
                  **meta)


def cite(source: Source, sentence_number: int) -> Citation:
    sent = source.sentences[sentence_number - 1]
    return Citation(source=source.id, sentence=sent.id, start=sent.start, end=sent.end,
                    text=source.text[sent.start:sent.end])


def hostile_briefing() -> Briefing:
    evil = make_source("evil", HOSTILE, title="<script>alert('t')</script> [x](javascript:1)", date="2024-03-05",
                       publisher="Evil *Times* <b>", url="https://evil.example/a?b=1&c=(2)",
                       author="{{ author }}",
                       removed=(Removed(0, 10, "navigation <nav>", "Subscribe <script>x</script> NEWSLETTER-XYZ"),))
    calm = make_source("calm", ["Calm headline", "The council met on Tuesday.", "The mayor said “all is well”."],
                       title="Calm", date="2024-03-04", publisher="Calm Post", url="http://calm.example/story")
    quote_text = "all is well"
    q_start = calm.text.index(quote_text)
    quote_cite = Citation("calm", "s3", q_start, q_start + len(quote_text), calm.text[calm.sentences[2].start:])
    quotes = (
        Quote(id="q1", text=quote_text, speaker="Mayor <i>Ana</i> [Ruiz](javascript:1)", citations=(quote_cite,),
              date="2024-03-04", mention="the mayor"),
        Quote(id="q2", text=HOSTILE[0], speaker=None, citations=(cite(evil, 1),), date="2024-03-05"),
        Quote(id="q3", text=HOSTILE[2], speaker="Mayor <i>Ana</i> [Ruiz](javascript:1)",
              citations=(cite(evil, 3),), variants=("q1", "nope")),
    )
    return Briefing(
        meta=BriefingMeta(title="Briefing: <script>x</script> [^1]", topic="t", lede="{{ 7*7 }} !!! note",
                          period_start="2024-03-04", period_end="2024-03-05", articles=2, outlets=2),
        sources=(evil, calm),
        speakers=(Speaker(id="sp-1", name="Mayor <i>Ana</i> [Ruiz](javascript:1)", roles=("mayor {: x}",)),),
        quotes=quotes,
        phrases=(Phrase(id="p1", text="[^2]", speaker=None, citations=(cite(evil, 3),)),),
        facts=(Fact(id="f1", text=HOSTILE[1], citations=(cite(evil, 2), cite(calm, 2)), outlets=2, rank=2.0),
               Fact(id="f2", text=HOSTILE[5], citations=(cite(evil, 6),), status="hedged",
                    attributed_to="<u>someone</u>", rank=1.0)),
        disputed=(Dispute(id="d1", text=HOSTILE[3], rank=1.0, citations=(cite(evil, 4),),
                          sides=(Side("alleged", HOSTILE[4], (cite(evil, 5),), by="[x](javascript:1)"),
                                 Side("denied", HOSTILE[6], (cite(evil, 7),), by=None))),),
        discrepancies=(Discrepancy(id="x1", text="How many | pipes", kind="number",
                                   versions=(Version("| 7 |", HOSTILE[5], (cite(evil, 6),)),
                                             Version("`8`", "The council met on Tuesday.", (cite(calm, 2),)))),),
        # t1 is pinned: the Timeline page shows it (and must escape it) though no editor would choose it
        timeline=(Event(id="t1", date="2024-03", precision="month", text=HOSTILE[7], citations=(cite(evil, 8),),
                        expression="<in March>", pinned=True),
                  Event(id="t2", date="2024-03-04", precision="day", text="The Dover Council met.",
                        citations=(cite(calm, 2),), expression="on Tuesday")),
    )


class Tags(HTMLParser):
    """Collects tags with attributes, script bodies and the text of each element id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "script":
            self._script = attributes

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None
        else:
            self.text.append(data)


def parse(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    return parser


@pytest.fixture
def rendered(tmp_path):
    docs = tmp_path / "docs"
    files = render_briefing(hostile_briefing(), docs, TEMPLATES)
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in files}
    return docs, pages


# ---------------------------------------------------------------- the filters


@pytest.mark.parametrize("special", SPECIALS)
def test_md_filter_renders_markdown_and_html_syntax_as_literal_text(special):
    text = f"before {special} after"
    out = to_html(escape_md(text))
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner, out  # no element at all came out of the text
    assert html.unescape(inner) == " ".join(text.split())


@pytest.mark.parametrize("special", SPECIALS)
def test_md_filter_holds_at_the_start_of_a_line(special):
    out = to_html(escape_md(special))
    assert out.startswith("<p>") and out.endswith("</p>") and "<" not in out[3:-4], out
    assert html.unescape(out[3:-4]) == " ".join(special.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .\n\t:-+*_`#|<>{}[]()!^~=&;\\\"'?$%@/")), min_size=1, max_size=40))
def test_md_filter_round_trips_any_text_through_markdown(text):
    collapsed = " ".join(text.split())
    out = to_html(escape_md(text))
    if not collapsed:
        assert out == ""
        return
    assert out.startswith("<p>") and out.endswith("</p>"), out
    assert "<" not in out[3:-4], out
    assert html.unescape(out[3:-4]) == collapsed


def test_md_filter_drops_markdown_stash_delimiters_and_controls():
    out = escape_md("a\x02klzzwxh:0\x03b\x00c\x1bd")
    assert out == "aklzzwxh:0bcd"
    assert not any(ord(c) < 32 for c in out)


def test_escaped_text_is_typed_and_escaping_twice_is_an_error():
    once = escape_md("a *b*")
    assert isinstance(once, MdSafe) and once == "a \\*b\\*"
    with pytest.raises(TypeError, match="escaped twice"):
        escape_md(once)
    with pytest.raises(TypeError, match="escaped twice"):
        escape_html(escape_html("<"))
    with pytest.raises(TypeError):
        escape_md(None)


def test_html_attr_and_xml_filters_escape_quotes_and_angle_brackets():
    assert escape_html('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert escape_attr('x" onclick="y\n z') == "x&quot; onclick=&quot;y z"
    assert isinstance(escape_attr("x"), HtmlSafe)
    assert escape_xml("a < b & 'c'\x01") == "a &lt; b &amp; &#x27;c&#x27;"
    attr, body = escape_xml('"<&>'), escape_xml("</t><x/>")
    element = ET.fromstring(f'<t a="{attr}">{body}</t>')  # stays well-formed, text kept
    assert (element.get("a"), element.text) == ('"<&>', "</t><x/>")


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>",
                                 "//evil.example", "ftp://x.example", "http://", "http://x.example/a b",
                                 "mailto:x@y", "", None])
def test_url_filter_accepts_only_absolute_http_urls(bad):
    assert safe_url(bad) == ""


def test_url_filter_percent_encodes_what_could_end_a_link_or_attribute():
    out = safe_url('https://x.example/a(b)"c\'d<e>`f?q=1&r=ü')
    assert isinstance(out, UrlSafe)
    assert out == "https://x.example/a%28b%29%22c%27d%3Ce%3E%60f?q=1&r=%C3%BC"
    assert escape_attr(out) == "https://x.example/a%28b%29%22c%27d%3Ce%3E%60f?q=1&amp;r=%C3%BC"


def test_text_fragment_opens_the_original_at_the_sentence():
    short = text_fragment("Prices rose - again, by 5%.", "https://x.example/story")
    assert short == "https://x.example/story#:~:text=Prices%20rose%20%2D%20again%2C%20by%205%25."
    long = text_fragment("one two three four five six seven eight nine ten", "https://x.example/s#top")
    assert long == "https://x.example/s#top:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"
    assert text_fragment("anything", "javascript:alert(1)") == ""


def test_jsonld_filter_cannot_close_its_script_element():
    out = jsonld({"headline": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out)["headline"] == "</script><script>alert(1)</script> & \u2028"


def test_ids_from_outside_become_safe_tokens():
    assert safe_id("000-abc") == "000-abc"
    weird = safe_id('../x" onclick=y')
    assert re.fullmatch(r"[a-z0-9-]+", weird) and weird != safe_id("../x onclick=y")
    assert source_page_name("index") == "source-index"


def test_dates_are_written_out_without_locale():
    assert [format_date(d) for d in ("2024-11-08", "2024-03", "2024", None, "soon")] == [
        "8 Nov 2024", "Mar 2024", "2024", "", "soon"]


def test_templates_must_escape_every_value(tmp_path):
    (tmp_path / "t.md.j2").write_text("{{ value }}", encoding="utf-8")
    (tmp_path / "u.md.j2").write_text("{{ value|safe }}", encoding="utf-8")
    (tmp_path / "v.md.j2").write_text("{{ missing|md }}", encoding="utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(TypeError, match="unescaped"):
        env.get_template("t.md.j2").render(value="[x](javascript:1)")
    with pytest.raises(jinja2.TemplateAssertionError):
        env.get_template("u.md.j2")
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("v.md.j2").render()
    assert env.get_template("t.md.j2").render(value=escape_md("*")) == "\\*"


def test_no_template_uses_safe_or_prints_raw_values():
    for path in TEMPLATES.glob("*.j2"):
        source = path.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", ""), path.name
        assert "autoescape" not in source, path.name


# ---------------------------------------------------------------- the pages


def test_every_page_is_written_with_the_marker(rendered):
    docs, pages = rendered
    for name in ("index.md", "facts.md", "quotes.md", "disputed.md", "discrepancies.md", "timeline.md",
                 "sources/index.md", "sources/evil.md", "sources/calm.md", "feed.xml", "data/briefing.yaml"):
        first = {"md": MARKER, "xml": XML_MARKER, "yaml": "# generated by briefing"}[name.rsplit(".", 1)[1]]
        assert pages[name].startswith(first), name
    assert "data/briefing.json" in pages
    assert (docs / ".briefing-generated").is_file()


def test_the_marker_renders_to_nothing_so_the_h1_titles_the_page(rendered):
    _docs, pages = rendered
    assert to_html(pages["sources/calm.md"]).startswith("<h1")
    assert to_html(MARKER) == ""


def test_hostile_text_renders_inert_on_every_page(rendered):
    _docs, pages = rendered
    for name, text in pages.items():
        if not name.endswith(".md"):
            continue
        assert "49" not in text, name  # {{ 7*7 }} is never evaluated
        out = parse(to_html(text))
        for tag, attrs in out.tags:
            assert tag not in ("img", "iframe", "object", "b", "i", "u", "nav"), (name, tag)
            assert not any(k.startswith("on") for k in attrs), (name, tag, attrs)
            for key in ("href", "src"):
                value = (attrs.get(key) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (name, attrs)
            assert tag != "div" or "admonition" not in (attrs.get("class") or ""), name
            assert tag != "table" or name in ("discrepancies.md", "sources/index.md"), name
        for attrs, body in out.scripts:
            assert attrs.get("type") == "application/ld+json", (name, attrs)
            assert "<" not in body
            json.loads(body)
        footnote_ids = [a["id"] for t, a in out.tags if t == "li" and (a.get("id") or "").startswith("fn:")]
        for fid in footnote_ids:
            assert re.fullmatch(r"fn:[a-z0-9-]+", fid), fid


def test_hostile_sentences_stay_verbatim_and_anchored_on_the_source_page(rendered):
    _docs, pages = rendered
    out = parse(to_html(pages["sources/evil.md"]))
    assert set(sentence_anchors(hostile_briefing().sources[0]).values()) <= out.ids
    assert len(out.ids) >= len(HOSTILE)
    text = " ".join("".join(out.text).split())
    for sentence in HOSTILE:
        assert " ".join(sentence.replace("\x02", "").replace("\x03", "").split()) in text


def test_footnotes_name_outlet_title_date_and_link_sentence_and_original(rendered):
    _docs, pages = rendered
    facts = pages["facts.md"]
    evil, calm = hostile_briefing().sources
    evil2, calm2 = sentence_anchors(evil)["s2"], sentence_anchors(calm)["s2"]
    assert f"[^evil-{evil2}][^calm-{calm2}]" in facts
    definition = next(line for line in facts.splitlines() if line.startswith(f"[^calm-{calm2}]:"))
    assert f"Calm Post, “Calm”, 4 Mar 2024](sources/calm.md#{calm2})" in definition
    assert "(http://calm.example/story#:~:text=The%20council%20met%20on%20Tuesday.)" in definition
    html_out = to_html(facts)
    assert f'href="sources/calm.md#{calm2}"' in html_out
    assert f'id="{calm2}"' in to_html(pages["sources/calm.md"])  # the anchor the footnote names
    source_page = pages["sources/evil.md"]
    assert 'href="https://evil.example/a?b=1&amp;c=%282%29"' in source_page


def test_sentence_anchors_come_from_the_text_so_an_edit_elsewhere_keeps_them():
    calm = hostile_briefing().sources[1]
    before = sentence_anchors(calm)
    assert len(set(before.values())) == len(before) and all(a.startswith("s-") for a in before.values())
    # A sentence inserted before the others: every id after it moves on, no anchor changes.
    edited = make_source("calm", ["Calm headline", "A new first line.", "The council met on Tuesday.",
                                  "The mayor said “all is well”."])
    after = sentence_anchors(edited)
    assert after["s3"] == before["s2"] and after["s4"] == before["s3"]
    # A sentence the article repeats: one anchor each.
    twice = sentence_anchors(make_source("t", ["Same words.", "Same words.", "Other."]))
    assert len(set(twice.values())) == 3 and twice["s2"] == twice["s1"] + "-2"


def with_sentence_inserted(briefing: Briefing) -> Briefing:
    """The briefing after a sentence was added at the top of the calm article: later ids and offsets move."""
    calm = briefing.sources[1]
    edited = make_source("calm", ["Calm headline", "A new first line.", "The council met on Tuesday.",
                                  "The mayor said “all is well”."],
                         title="Calm", date="2024-03-04", publisher="Calm Post", url="http://calm.example/story")
    shift = len(edited.text) - len(calm.text)

    def moved(cite):
        if cite.source != "calm":
            return cite
        return replace(cite, sentence=f"s{int(cite.sentence[1:]) + 1}", start=cite.start + shift,
                       end=cite.end + shift)

    def moved_all(item):
        changes = {"citations": tuple(moved(c) for c in item.citations)} if hasattr(item, "citations") else {}
        if hasattr(item, "sides"):
            changes["sides"] = tuple(moved_all(side) for side in item.sides)
        if hasattr(item, "versions"):
            changes["versions"] = tuple(moved_all(v) for v in item.versions)
        return replace(item, **changes)

    return replace(briefing, sources=(briefing.sources[0], edited),
                      **{kind: tuple(moved_all(it) for it in getattr(briefing, kind))
                         for kind in ("quotes", "phrases", "facts", "disputed", "discrepancies", "timeline")})


def test_a_sentence_added_to_an_article_leaves_the_pages_that_cite_it_as_they_were(tmp_path):
    briefing = hostile_briefing()
    shifted = with_sentence_inserted(briefing)
    render_briefing(briefing, tmp_path / "a", TEMPLATES)
    render_briefing(shifted, tmp_path / "b", TEMPLATES)
    for name in ("facts.md", "quotes.md", "disputed.md", "discrepancies.md", "timeline.md"):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text(), name


def test_quotes_are_grouped_by_speaker_with_roles_and_context(rendered):
    _docs, pages = rendered
    quotes = pages["quotes.md"]
    mayor, unattributed = quotes.index("## Mayor"), quotes.index("## Unattributed")
    assert mayor < unattributed
    assert "mayor \\{: x\\}" not in quotes  # roles go into HTML, escaped for HTML
    assert "mayor {: x}" in quotes
    assert "in context: “The mayor said “all is well”.”" not in quotes  # short context: no repeat
    assert 'href="#q-q1"' in quotes and "#q-nope" not in quotes  # only variants that exist


def test_an_unmarked_file_is_never_overwritten(tmp_path, caplog):
    docs = tmp_path / "docs"
    (docs / "sources").mkdir(parents=True)
    (docs / "index.md").write_text("# My own front page\n", encoding="utf-8")
    (docs / "sources" / "calm.md").write_text("hand-written\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        files = render_briefing(hostile_briefing(), docs, TEMPLATES)
    assert (docs / "index.md").read_text(encoding="utf-8") == "# My own front page\n"
    assert (docs / "sources" / "calm.md").read_text(encoding="utf-8") == "hand-written\n"
    assert docs / "index.md" not in files
    assert any("index.md: not overwritten" in r.getMessage() for r in caplog.records)
    (docs / "index.md").write_text(MARKER + "\nOLD-CONTENT\n", encoding="utf-8")
    render_briefing(hostile_briefing(), docs, TEMPLATES)
    assert "OLD-CONTENT" not in (docs / "index.md").read_text(encoding="utf-8")


def test_hand_edited_json_data_is_kept_but_our_own_is_refreshed(tmp_path):
    docs = tmp_path / "docs"
    render_briefing(hostile_briefing(), docs, TEMPLATES)
    data = docs / "data" / "briefing.json"
    first = data.read_text(encoding="utf-8")
    smaller = Briefing(meta=hostile_briefing().meta, sources=hostile_briefing().sources[:1])
    render_briefing(smaller, docs, TEMPLATES)  # unchanged since written: ours to replace
    assert data.read_text(encoding="utf-8") != first
    data.write_text('{"mine": true}\n', encoding="utf-8")
    render_briefing(hostile_briefing(), docs, TEMPLATES)
    assert data.read_text(encoding="utf-8") == '{"mine": true}\n'


def test_our_json_data_is_not_read_again_while_untouched_but_a_same_size_hand_edit_is_seen(tmp_path, monkeypatch,
                                                                                           caplog):
    import os
    import time

    docs = tmp_path / "docs"
    data = docs / "data" / "briefing.json"
    render_briefing(hostile_briefing(), docs, TEMPLATES)
    reads: list[Path] = []
    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: (reads.append(self) if self == data else None)
                        or real(self, *a, **k))
    smaller = Briefing(meta=hostile_briefing().meta, sources=hostile_briefing().sources[:1])
    for briefing in (smaller, smaller, hostile_briefing()):  # written, found unchanged, written
        render_briefing(briefing, docs, TEMPLATES)
        assert reads == []  # this process wrote it and nothing touched it since: not read to compare
    ours = data.read_bytes()
    for keep_time in (False, True):
        before = os.stat(data)
        time.sleep(0.05)  # (past the file system's clock tick)
        hand = ours.replace(b'"meta"', b'"Meta"', 1)
        assert len(hand) == len(ours) and hand != ours
        with open(data, "r+b") as handle:  # edited in place: the same file, the same size
            handle.write(hand)
        os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns if keep_time else before.st_mtime_ns + 10**9))
        after = os.stat(data)
        assert (after.st_size, after.st_ino, after.st_mtime_ns == before.st_mtime_ns) == \
            (before.st_size, before.st_ino, keep_time)
        with caplog.at_level(logging.WARNING, logger="briefing"):
            render_briefing(smaller, docs, TEMPLATES)
        assert data.read_bytes() == hand  # seen as hand-edited: kept
        assert any("briefing.json: not overwritten" in r.getMessage() for r in caplog.records)
        caplog.clear()
        data.unlink()
        render_briefing(hostile_briefing(), docs, TEMPLATES)
        assert data.read_bytes() == ours


def test_pages_of_vanished_sources_are_removed_but_hand_written_ones_stay(tmp_path):
    docs = tmp_path / "docs"
    full = hostile_briefing()
    render_briefing(full, docs, TEMPLATES)
    (docs / "sources" / "notes.md").write_text("my notes\n", encoding="utf-8")
    assert (docs / "sources" / "evil.md").is_file()
    render_briefing(Briefing(meta=full.meta, sources=full.sources[1:]), docs, TEMPLATES)
    assert not (docs / "sources" / "evil.md").exists()
    assert (docs / "sources" / "calm.md").is_file()
    assert (docs / "sources" / "notes.md").read_text(encoding="utf-8") == "my notes\n"


def test_rendering_is_deterministic_and_writes_nothing_when_unchanged(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    render_briefing(hostile_briefing(), first, TEMPLATES)
    render_briefing(hostile_briefing(), second, TEMPLATES)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    stamps = {rel: (first / rel).stat().st_mtime_ns for rel in files}
    render_briefing(hostile_briefing(), first, TEMPLATES)
    assert {rel: (first / rel).stat().st_mtime_ns for rel in files} == stamps


def test_feed_is_well_formed_atom_with_dates_from_the_sources(rendered):
    _docs, pages = rendered
    root = ET.fromstring(pages["feed.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:updated", ns).text == "2024-03-05T00:00:00Z"
    entries = root.findall("a:entry", ns)
    kinds = {e.find("a:category", ns).get("term") for e in entries}
    assert {"fact", "disputed", "discrepancy", "quote", "event"} <= kinds
    hrefs = {e.find("a:link", ns).get("href") for e in entries}
    assert "facts.html#f-f1" in hrefs and "timeline.html#t-t1" in hrefs
    assert all(e.find("a:updated", ns).text.startswith("2024-03-0") for e in entries)


def test_source_pages_carry_newsarticle_jsonld(rendered):
    _docs, pages = rendered
    out = parse(to_html(pages["sources/calm.md"]))
    data = json.loads(out.scripts[0][1])
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-03-04"
    assert data["publisher"]["name"] == "Calm Post" and data["url"] == "http://calm.example/story"
    quotes = json.loads(parse(to_html(pages["quotes.md"])).scripts[0][1])
    assert {item["@type"] for item in quotes["@graph"]} == {"Quotation"}


def test_a_source_called_index_does_not_replace_the_sources_index(tmp_path):
    docs = tmp_path / "docs"
    source = make_source("index", ["Headline", "A sentence."], title="Index")
    render_briefing(Briefing(meta=BriefingMeta(title="t", topic="t"), sources=(source,)), docs, TEMPLATES)
    assert (docs / "sources" / "source-index.md").is_file()
    assert "# Sources" in (docs / "sources" / "index.md").read_text(encoding="utf-8")


def test_an_empty_briefing_still_renders_every_page(tmp_path):
    docs = tmp_path / "docs"
    files = render_briefing(Briefing(meta=BriefingMeta(title="t", topic="t")), docs, TEMPLATES)
    assert {p.name for p in files} >= {"index.md", "facts.md", "quotes.md", "disputed.md", "timeline.md"}
    assert "No fact was found" in (docs / "facts.md").read_text(encoding="utf-8")


def test_a_broken_template_fails_with_its_name_and_line(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    for path in TEMPLATES.glob("*.j2"):
        (templates / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (templates / "timeline.md.j2").write_text("{{ marker }}\n\n{{ meta.title }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"templates/timeline.md.j2:3 .*unescaped"):
        render_briefing(hostile_briefing(), tmp_path / "docs", templates)


class FakeConfig:
    """The few MkDocs config fields site.project_of reads."""

    def __init__(self, folder: Path, extra: dict) -> None:
        self.config_file_path = str(folder / "mkdocs.yml")
        self.docs_dir = str(folder / "docs")
        self.use_directory_urls = False
        self.extra = extra


def test_site_paths_come_from_mkdocs_yml_relative_to_it(tmp_path):
    from briefing.site import project_of

    project = project_of(FakeConfig(tmp_path, {"briefing": {"seeds_dir": "articles"}}))
    assert project.seeds_dir == tmp_path / "articles"
    assert project.templates_dir == tmp_path / "templates"
    assert project.docs_dir == tmp_path / "docs"
    assert project_of(FakeConfig(tmp_path, {}), seeds_dir=Path("elsewhere")).seeds_dir == Path("elsewhere")


def test_site_configuration_errors_are_one_line_briefing_errors(tmp_path):
    from briefing.model import BriefingError
    from briefing.site import project_of, update_docs

    with pytest.raises(BriefingError, match=r"extra.briefing.seeds_dir must be a folder name"):
        project_of(FakeConfig(tmp_path, {"briefing": {"seeds_dir": 3}}))
    with pytest.raises(BriefingError, match="no templates folder"):
        update_docs(FakeConfig(tmp_path, {}))


def test_heading_filter_keeps_angle_brackets_out_of_page_titles():
    from briefing.render import escape_heading

    out = escape_heading('Ferry </title><script>alert("x")</script> opens')
    assert "<" not in out and ">" not in out and "&lt;" not in out
    assert "‹/title›‹script›" in out


def test_many_quotes_are_split_into_one_page_per_initial_with_every_link_resolving(tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.render.QUOTES_PER_PAGE", 0)  # as a briefing of thousands of quotes
    briefing = hostile_briefing()
    calm = briefing.sources[1]
    zed = Quote(id="q4", text="Zed spoke here", speaker="Zed Lind", citations=(cite(calm, 2),), variants=("q1",))
    briefing = replace(briefing, quotes=(*briefing.quotes, zed))
    docs = tmp_path / "docs"
    files = {p.relative_to(docs).as_posix() for p in render_briefing(briefing, docs, TEMPLATES)}
    assert {"quotes/m.md", "quotes/z.md", "quotes/unattributed.md", "quotes/phrases.md"} <= files
    main = (docs / "quotes.md").read_text(encoding="utf-8")
    assert "](quotes/m.md)" in main and "](quotes/z.md)" in main and "](quotes/phrases.md)" in main
    assert 'id="q-' not in main and "[^" not in main  # the quotes and their notes are on the parts
    html_of = {name: to_html((docs / name).read_text(encoding="utf-8")) for name in files if name.startswith("quotes/")}
    for quote in briefing.quotes:  # each quote on exactly one part
        assert sum(f'id="q-{quote.id}"' in h for h in html_of.values()) == 1, quote.id
    # A variant on another part links there; footnotes lead one folder up, to the sentence anchors.
    assert 'href="m.md#q-q1"' in html_of["quotes/z.md"]
    assert 'href="#q-q1"' in html_of["quotes/m.md"]
    assert f'href="../sources/calm.md#{sentence_anchors(calm)["s2"]}"' in html_of["quotes/z.md"]
    # What's new links to the part.
    from briefing.changes import STATE_FILE, track_changes
    without = replace(briefing, quotes=briefing.quotes[:3])
    render_briefing(without, docs, TEMPLATES, changes=track_changes(without, docs / STATE_FILE))
    render_briefing(briefing, docs, TEMPLATES, changes=track_changes(briefing, docs / STATE_FILE))
    assert "(quotes/z.md#q-q4)" in (docs / "whats_new.md").read_text(encoding="utf-8")
    # The speaker gone: their part goes too.
    render_briefing(replace(briefing, quotes=briefing.quotes[:3]), docs, TEMPLATES)
    assert not (docs / "quotes" / "z.md").exists() and (docs / "quotes" / "m.md").exists()


def test_a_quotes_part_is_rendered_again_only_when_what_it_shows_changed(tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.render.QUOTES_PER_PAGE", 0)
    rendered: list[set[str]] = []
    real = render_module.jsonld_quotes
    monkeypatch.setattr(render_module, "jsonld_quotes",
                        lambda quotes, index: rendered.append({q.id for q in quotes}) or real(quotes, index))
    briefing = hostile_briefing()
    calm = briefing.sources[1]
    zed = Quote(id="q4", text="Zed spoke here", speaker="Zed Lind", citations=(cite(calm, 2),))
    briefing = replace(briefing, quotes=(*briefing.quotes, zed))
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    assert {"q4"} in rendered and {"q1", "q3"} in rendered
    rendered.clear()
    render_briefing(replace(briefing, quotes=(*briefing.quotes[:3], replace(zed, text="Zed spoke again"))),
                    docs, TEMPLATES)
    assert rendered == [{"q4"}]  # the part of Zed only: the Mayor's and the unattributed ones are kept
    assert "Zed spoke again" in (docs / "quotes" / "z.md").read_text(encoding="utf-8")
    # A cited source's header changed: the parts whose footnotes name it are rendered again.
    rendered.clear()
    renamed = replace(briefing, sources=(briefing.sources[0], replace(calm, publisher="Quiet Post")))
    render_briefing(renamed, docs, TEMPLATES)
    assert {"q1", "q3"} in rendered and {"q4"} in rendered
    assert "Quiet Post" in (docs / "quotes" / "m.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("per_speaker", [1, 2, 30])
def test_a_speaker_quoted_often_has_pages_of_their_own_and_every_quote_link_resolves(tmp_path, monkeypatch,
                                                                                     per_speaker):
    monkeypatch.setattr("briefing.render.QUOTES_PER_PAGE", 0)
    monkeypatch.setattr("briefing.render.QUOTES_PER_SPEAKER_PAGE", per_speaker)
    briefing = hostile_briefing()
    calm = briefing.sources[1]
    many = tuple(Quote(id=f"z{i}", text=f"Zed spoke {i} times", speaker="Zed Lind", citations=(cite(calm, 2),),
                       variants=("q1", f"z{(i + 1) % 7}")) for i in range(7))
    briefing = replace(briefing, quotes=(*briefing.quotes, *many))
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    pages = {p.name: parse(to_html(p.read_text(encoding="utf-8"))) for p in (docs / "quotes").glob("*.md")}
    zed_pages = [name for name, page in pages.items() if any(i.startswith("q-z") for i in page.ids)]
    if per_speaker < 7:  # Zed's quotes are on pages of Zed's own, not on the Z page
        assert len(zed_pages) >= 2 and "z.md" not in pages
    else:
        assert zed_pages == ["z.md"]
    for quote in briefing.quotes:
        assert sum(f"q-{quote.id}" in page.ids for page in pages.values()) == 1, quote.id
    main = (docs / "quotes.md").read_text(encoding="utf-8")
    links = 0
    for name, page in pages.items():
        assert f"](quotes/{name})" in main  # every part is listed on the Quotes page
        for _tag, attrs in page.tags:
            href = attrs.get("href") or ""
            if "#q-" in href:
                target, anchor = href.split("#", 1)
                assert anchor in pages[target or name].ids, (name, href)
                links += 1
    assert links >= len(many)


def test_a_quote_with_many_renderings_links_a_few_and_counts_the_rest(tmp_path):
    # Seven renderings of one statement: each links three others, by id, and counts the other three
    # (not six links under each of seven quotes).
    briefing = hostile_briefing()
    calm = briefing.sources[1]
    ids = [f"z{i}" for i in range(7)]
    many = tuple(Quote(id=qid, text=f"Zed spoke {qid}", speaker="Zed Lind", citations=(cite(calm, 2),),
                       variants=tuple(v for v in ids if v != qid)) for qid in ids)
    docs = tmp_path / "docs"
    render_briefing(replace(briefing, quotes=(*briefing.quotes, *many)), docs, TEMPLATES)
    quotes = (docs / "quotes.md").read_text(encoding="utf-8")
    first = quotes[quotes.index('id="q-z0"'):quotes.index('id="q-z1"')]
    assert [a for a in re.findall(r'href="([^"]+)"', first) if "#q-" in a] == ["#q-z1", "#q-z2", "#q-z3"]
    assert "another version</a> and 3 others</p>" in first
    last = quotes[quotes.index('id="q-z6"'):]
    assert [a for a in re.findall(r'href="([^"]+)"', last.split("</p>")[0]) if "#q-" in a] == \
        ["#q-z0", "#q-z1", "#q-z2"]


def test_a_quote_cited_by_many_articles_names_in_json_ld_the_ones_its_footnotes_show(tmp_path):
    briefing = hostile_briefing()
    sources = tuple(replace(briefing.sources[1], id=f"calm{i}", file=f"calm{i}.txt", publisher=f"Post {i}")
                    for i in range(CITATIONS_SHOWN + 4))
    quote = Quote(id="qmany", text="Everyone printed this", speaker="Zed Lind",
                  citations=tuple(cite(s, 2) for s in sources))
    docs = tmp_path / "docs"
    render_briefing(replace(briefing, sources=(*briefing.sources, *sources), quotes=(quote,)), docs, TEMPLATES)
    text = (docs / "quotes.md").read_text(encoding="utf-8")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))
    based_on = ld["@graph"][0]["isBasedOn"]
    assert len(based_on) == CITATIONS_SHOWN == text.count("[^calm") // 2  # (a footnote: its mark, its text)
    assert f"all {CITATIONS_SHOWN + 4} citations" in text


def test_the_key_facts_page_is_kept_when_only_facts_it_does_not_show_changed(tmp_path, monkeypatch):
    monkeypatch.setitem(render_module.CAPS, "facts", 1)
    rendered: list[list[str]] = []
    real = render_module.jsonld_claims
    monkeypatch.setattr(render_module, "jsonld_claims",
                        lambda items, index: rendered.append([i.id for i in items]) or real(items, index))
    briefing = hostile_briefing()
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    assert ["f1"] in rendered
    first, second = briefing.facts
    rendered.clear()
    render_briefing(replace(briefing, facts=(first, replace(second, text=second.text + " More."))), docs, TEMPLATES)
    assert ["f1"] not in rendered  # f2 is not shown (the cap is one): the page is kept unrendered
    rendered.clear()
    render_briefing(replace(briefing, facts=(replace(first, text=first.text + " More."), second)), docs, TEMPLATES)
    assert ["f1"] in rendered and "More." in (docs / "facts.md").read_text(encoding="utf-8")


def test_pages_whose_cited_sentences_only_moved_are_kept_unrendered(tmp_path, monkeypatch):
    briefing = hostile_briefing()
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    before = {name: (docs / name).read_text(encoding="utf-8") for name in ("facts.md", "quotes.md", "timeline.md")}
    rendered = []
    real = render_module.PageContext.footnotes
    monkeypatch.setattr(render_module.PageContext, "footnotes", lambda self: rendered.append(self.depth) or real(self))
    render_briefing(with_sentence_inserted(briefing), docs, TEMPLATES)
    assert 0 not in rendered  # no top page was rendered: their footnotes' anchors did not move
    assert {name: (docs / name).read_text(encoding="utf-8") for name in before} == before
    # A real change to what a page shows still renders it.
    render_briefing(replace(briefing, sources=(briefing.sources[0], replace(briefing.sources[1], title="New"))),
                    docs, TEMPLATES)
    assert 0 in rendered and "New" in (docs / "facts.md").read_text(encoding="utf-8")


def many_facts_and_events(briefing: Briefing, count: int = 9) -> Briefing:
    """``briefing`` with ``count`` more facts and dated events, over several days of a month."""
    evil, calm = briefing.sources
    facts = tuple(Fact(id=f"fm{i}", text=f"The council voted {i} times.", citations=(cite(calm, 2), cite(evil, 2)),
                       outlets=2, rank=10.0 - i) for i in range(count))
    events = tuple(Event(id=f"tm{i}", date=f"2024-03-{1 + 3 * i:02d}", precision="day",
                         text=f"The Dover Council met for the {i}th time.", citations=(cite(calm, 2),), pinned=True)
                   for i in range(count))
    return replace(briefing, facts=(*briefing.facts, *facts), timeline=(*briefing.timeline, *events))


def test_many_facts_and_events_are_split_into_parts_with_every_link_resolving(tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "FACTS_PER_PAGE", 2)  # as a briefing of thousands of facts
    monkeypatch.setattr(render_module, "FACTS_PER_PART", 3)
    monkeypatch.setattr(render_module, "EVENTS_PER_PAGE", 2)
    monkeypatch.setattr(render_module, "EVENTS_PER_PART", 3)  # March has more: one page per ten days
    monkeypatch.setattr(render_module, "CITATIONS_SHOWN", 1)  # and the pages of all citations link back
    from briefing.changes import STATE_FILE, track_changes
    briefing = many_facts_and_events(hostile_briefing())
    docs = tmp_path / "docs"
    without = replace(briefing, facts=briefing.facts[:2], timeline=briefing.timeline[:2])
    render_briefing(without, docs, TEMPLATES, changes=track_changes(without, docs / STATE_FILE))
    files = {p.relative_to(docs).as_posix()
             for p in render_briefing(briefing, docs, TEMPLATES, changes=track_changes(briefing, docs / STATE_FILE))}
    fact_parts = sorted(n for n in files if n.startswith("facts/"))
    event_parts = sorted(n for n in files if n.startswith("timeline/"))
    assert len(fact_parts) >= 2 and {"timeline/2024-03-0.md", "timeline/2024-03-1.md"} <= set(event_parts)
    pages = {name: parse(to_html((docs / name).read_text(encoding="utf-8"))) for name in files if name.endswith(".md")}
    for fact in key_facts(briefing.facts):  # each fact with its sources on exactly one part
        assert sum(f"f-{fact.id}" in pages[n].ids for n in fact_parts) == 1, fact.id
    for event in (e for e in briefing.timeline if e.pinned):  # the events the Timeline shows
        assert sum(f"t-{event.id}" in pages[n].ids for n in event_parts) == 1, event.id
    main_facts, main_timeline = (docs / "facts.md").read_text(encoding="utf-8"), \
        (docs / "timeline.md").read_text(encoding="utf-8")
    assert "[^" not in main_facts and "[^" not in main_timeline  # the notes are on the parts
    assert all(f"]({n})" in main_facts for n in fact_parts) and all(f"]({n})" in main_timeline for n in event_parts)
    assert "1–10 Mar 2024" in main_timeline and "Mar 2024, dated to the month only" in main_timeline
    links = 0
    for name, page in pages.items():  # every link to a fact or an event (What's new, cited/, facts.md) resolves
        for _tag, attrs in page.tags:
            href = attrs.get("href") or ""
            if "#f-" in href or "#t-" in href:
                target, anchor = href.split("#", 1)
                target = (Path(name).parent / target).as_posix() if target else name
                target = target.replace("cited/../", "").replace("facts/../", "")
                assert anchor in pages[target].ids, (name, href)
                links += 1
            if "sources/" in href and name.count("/"):
                assert href.startswith("../sources/"), (name, href)
    assert links > len(briefing.facts) + len(briefing.timeline)
    # Fewer again: one page each, the parts gone.
    render_briefing(without, docs, TEMPLATES)
    assert not list((docs / "facts").glob("*.md")) and not list((docs / "timeline").glob("*.md"))
    assert "[^" in (docs / "facts.md").read_text(encoding="utf-8")


def record_part_titles(monkeypatch, rendered: list[str]) -> None:
    """Append to ``rendered`` the title of every part page a template renders from here on."""
    real_render = jinja2.Template.render

    def render_named(self, *args, **kwargs):
        context = args[0] if args else kwargs
        part = context.get("part") if isinstance(context, dict) else None
        if part is not None and "title" in part:
            rendered.append(str(part["title"]))
        return real_render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", render_named)


def test_a_facts_or_timeline_part_is_rendered_again_only_when_what_it_shows_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "FACTS_PER_PAGE", 2)
    monkeypatch.setattr(render_module, "FACTS_PER_PART", 3)
    monkeypatch.setattr(render_module, "EVENTS_PER_PAGE", 2)
    monkeypatch.setattr(render_module, "EVENTS_PER_PART", 3)
    rendered: list[str] = []
    real = render_module.PageContext.footnotes
    monkeypatch.setattr(render_module.PageContext, "footnotes",
                        lambda self: rendered.append(str(self.depth)) or real(self))
    record_part_titles(monkeypatch, rendered)
    briefing = many_facts_and_events(hostile_briefing())
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    before = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    rendered.clear()
    changed = next(f for f in briefing.facts if f.id == "fm4")
    event = next(e for e in briefing.timeline if e.id == "tm8")
    facts = tuple(replace(f, text="The council voted again.") if f is changed else f for f in briefing.facts)
    timeline = tuple(replace(e, text="The Dover Council met at last.") if e is event else e for e in briefing.timeline)
    render_briefing(replace(briefing, facts=facts, timeline=timeline), docs, TEMPLATES)
    after = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    differ = sorted(n for n in after if before.get(n) != after[n])
    fact_part = next(n for n in differ if n.startswith("facts/"))
    assert "The council voted again." in after[fact_part].decode()
    assert differ == sorted(["facts.md", fact_part, "timeline/2024-03-3.md"]), differ
    # the pages rendered are those that changed: the Key facts page, one facts part, one ten days of March
    assert sorted(t for t in rendered if not t.isdigit()) == sorted(
        [f"page {Path(fact_part).stem} of {len([n for n in after if n.startswith('facts/')])}", "21–31 Mar 2024"])


def test_many_sources_are_listed_on_one_page_per_day_and_a_changed_source_renders_its_day_only(tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "SOURCES_PER_PAGE", 2)  # as a briefing of thousands of articles
    monkeypatch.setattr(render_module, "SOURCES_PER_PART", 1)  # and a day of more than one is shared out
    briefing = hostile_briefing()
    evil, calm = briefing.sources
    more = [replace(calm, id=f"calm-{n}", file=f"calm-{n}.txt", title=f"Calm {n}", date=None if n == 3 else
                    "2024-03-04") for n in range(4)]
    briefing = replace(briefing, sources=(evil, calm, *more))
    docs = tmp_path / "docs"
    files = {p.relative_to(docs).as_posix() for p in render_briefing(briefing, docs, TEMPLATES)}
    days = sorted(n for n in files if n.startswith("sources/days/"))
    assert "sources/days/2024-03-05.md" in days and "sources/days/undated.md" in days and len(days) >= 4
    main = (docs / "sources" / "index.md").read_text(encoding="utf-8")
    assert "| Date |" not in main and all(f"]({n.removeprefix('sources/')})" in main for n in days)
    assert "4 Mar 2024, part" in main and "Undated" in main
    listed = []
    for name in days:  # each source on exactly one day's page, its link leading to its page
        page = parse(to_html((docs / name).read_text(encoding="utf-8")))
        links = [attrs["href"] for _tag, attrs in page.tags if (attrs.get("href") or "").startswith("../")]
        listed += [link for link in links if link != "../index.md"]
        assert all((docs / name).parent.joinpath(link).resolve().is_file() for link in links)
    assert sorted(listed) == sorted(f"../{source_page_name(s.id)}.md" for s in briefing.sources)
    before = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    rendered: list[str] = []
    real = render_module.Writer.write
    monkeypatch.setattr(render_module.Writer, "write",
                        lambda self, name, text, marked=True: rendered.append(name) or real(self, name, text, marked))
    renamed = replace(briefing, sources=(*briefing.sources[:-1], replace(more[3], title="Calm again")))
    render_briefing(renamed, docs, TEMPLATES)
    after = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    assert sorted(n for n in after if before.get(n) != after[n]) == ["sources/calm-3.md", "sources/days/undated.md"]
    assert sorted(n for n in rendered if n.startswith("sources/")) == ["sources/calm-3.md", "sources/days/undated.md"]
    # Fewer again: one page, the days gone.
    render_briefing(replace(briefing, sources=(evil, calm)), docs, TEMPLATES)
    assert not list((docs / "sources" / "days").glob("*.md"))
    assert "| Date |" in (docs / "sources" / "index.md").read_text(encoding="utf-8")


def many_disputes_and_phrases(briefing: Briefing, count: int = 9) -> Briefing:
    """``briefing`` with ``count`` more disputed claims (contested and unconfirmed) and quoted phrases."""
    evil, calm = briefing.sources
    disputes = tuple(Dispute(id=f"dm{i}", text=f"The mayor took {i} bribes.", rank=5.0 - i / 10,
                             citations=(cite(calm, 2), cite(evil, 2)),
                             sides=(Side("alleged", f"She took {i}.", (cite(evil, 5),), by="A rival"),
                                    *((Side("denied", "She did not.", (cite(calm, 3),), by="The mayor"),)
                                      if i % 2 else ())))
                     for i in range(count))
    phrases = tuple(Phrase(id=f"pm{i}", text=f"phrase number {i}", speaker=None,
                           citations=(cite(calm, 2), *((cite(evil, 3),) if i == 0 else ())))
                    for i in range(count))  # the first cited twice: a page of all its citations
    return replace(briefing, disputed=(*briefing.disputed, *disputes), phrases=(*briefing.phrases, *phrases))


def split_disputes_and_phrases(monkeypatch) -> None:
    """Disputed and Quoted phrases pages split into parts, as in a briefing of a thousand articles."""
    for name, value in (("DISPUTED_PER_PAGE", 2), ("DISPUTED_PER_PART", 3), ("PHRASES_PER_PAGE", 2),
                        ("PHRASES_PER_PART", 3), ("QUOTES_PER_PAGE", 1), ("CITATIONS_SHOWN", 1)):
        monkeypatch.setattr(render_module, name, value)


def test_many_disputes_and_phrases_are_split_into_parts_with_every_link_resolving(tmp_path, monkeypatch):
    split_disputes_and_phrases(monkeypatch)
    from briefing.changes import STATE_FILE, track_changes
    briefing = many_disputes_and_phrases(hostile_briefing())
    docs = tmp_path / "docs"
    without = replace(briefing, disputed=briefing.disputed[:1], phrases=briefing.phrases[:1])
    render_briefing(without, docs, TEMPLATES, changes=track_changes(without, docs / STATE_FILE))
    assert not (docs / "disputed").exists() and not list((docs / "quotes").glob("phrases-*.md"))
    files = {p.relative_to(docs).as_posix()
             for p in render_briefing(briefing, docs, TEMPLATES, changes=track_changes(briefing, docs / STATE_FILE))}
    assert "cited/p-pm0.md" in files
    dispute_parts = sorted(n for n in files if n.startswith("disputed/"))
    phrase_parts = sorted(n for n in files if n.startswith("quotes/phrases-"))
    assert len(dispute_parts) >= 2 and len(phrase_parts) >= 2
    pages = {name: parse(to_html((docs / name).read_text(encoding="utf-8"))) for name in files if name.endswith(".md")}
    texts = {name: (docs / name).read_text(encoding="utf-8") for name in files if name.endswith(".md")}
    for dispute in briefing.disputed:  # each dispute with its sides on exactly one part
        assert sum(f"d-{dispute.id}" in pages[n].ids for n in dispute_parts) == 1, dispute.id
    for phrase in briefing.phrases:  # each phrase on exactly one part
        assert sum(f"“{escape_md(phrase.text)}”" in texts[n] for n in phrase_parts) == 1, phrase.id
    main = texts["disputed.md"]
    assert "[^" not in main and "Unconfirmed reports" in main and "Contested" in main  # the notes are on the parts
    assert all(f"]({n})" in main for n in dispute_parts)
    assert "[^" not in texts["quotes/phrases.md"]
    assert all(f"]({n.removeprefix('quotes/')})" in texts["quotes/phrases.md"] for n in phrase_parts)
    links = 0
    for name, page in pages.items():  # every link to a dispute or a phrase's page resolves
        for _tag, attrs in page.tags:
            href = attrs.get("href") or ""
            target, _, anchor = href.partition("#")
            if not target.endswith(".md") or "://" in href:
                continue
            resolved = (Path(name).parent / target).as_posix()
            while "/../" in resolved:
                resolved = re.sub(r"[^/]+/\.\./", "", resolved, count=1)
            resolved = resolved.removeprefix("../")
            assert resolved in pages or (docs / resolved).is_file(), (name, href)
            if anchor.startswith("d-"):
                assert anchor in pages[resolved].ids, (name, href)
                assert resolved.startswith("disputed/"), (name, href)  # the part, not the list
                links += 1
            if name.startswith("cited/p-") and resolved.startswith("quotes/"):
                assert resolved in phrase_parts and "phrase number 0" in texts[resolved], (name, href)
                links += 1
    assert links >= len(briefing.disputed) * 2 + 1  # from disputed.md, What's new, cited/
    # Fewer again: one page each, the parts gone.
    render_briefing(without, docs, TEMPLATES)
    assert not list((docs / "disputed").glob("*.md")) and not list((docs / "quotes").glob("phrases-*.md"))
    assert "[^" in (docs / "disputed.md").read_text(encoding="utf-8")
    assert "[^" in (docs / "quotes" / "phrases.md").read_text(encoding="utf-8")


def test_a_disputed_or_phrases_part_is_rendered_again_only_when_what_it_shows_changed(tmp_path, monkeypatch):
    split_disputes_and_phrases(monkeypatch)
    monkeypatch.setattr(render_module, "CITATIONS_SHOWN", 8)  # no pages of all citations
    rendered: list[str] = []
    record_part_titles(monkeypatch, rendered)
    briefing = many_disputes_and_phrases(hostile_briefing())
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    before = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    rendered.clear()
    disputed = tuple(replace(d, sides=(*d.sides, Side("denied", "Never.", (cite(briefing.sources[1], 3),))))
                     if d.id == "dm4" else d for d in briefing.disputed)
    phrases = tuple(replace(p, text="a phrase changed") if p.id == "pm7" else p for p in briefing.phrases)
    render_briefing(replace(briefing, disputed=disputed, phrases=phrases), docs, TEMPLATES)
    after = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    differ = sorted(n for n in after if before.get(n) != after[n])
    dispute_part = next(n for n in differ if n.startswith("disputed/"))
    phrase_part = next(n for n in differ if n.startswith("quotes/phrases-"))
    assert "Never." in after[dispute_part].decode() and "a phrase changed" in after[phrase_part].decode()
    # dm4 is now contested: the list of disputes and the Overview's counts changed too; nothing else
    assert differ == sorted(["disputed.md", dispute_part, phrase_part, "index.md"]), differ
    count = len([n for n in after if n.startswith("disputed/")])
    phrase_count = len([n for n in after if n.startswith("quotes/phrases-")])
    assert sorted(rendered) == sorted([f"page {Path(dispute_part).stem} of {count}",
                                       f"quoted phrases, page {Path(phrase_part).stem.removeprefix('phrases-')} "
                                       f"of {phrase_count}"]), rendered


def test_a_split_dispute_with_many_sides_links_the_data_from_its_part(tmp_path, monkeypatch):
    split_disputes_and_phrases(monkeypatch)
    briefing = many_disputes_and_phrases(hostile_briefing())
    evil = briefing.sources[0]
    crowded = replace(briefing.disputed[1], sides=tuple(Side("alleged", f"Side {i}.", (cite(evil, 5),), by=f"B{i}")
                                                        for i in range(render_module.CAPS["sides"] + 2)))
    briefing = replace(briefing, disputed=(briefing.disputed[0], crowded, *briefing.disputed[2:]))
    docs = tmp_path / "docs"
    render_briefing(briefing, docs, TEMPLATES)
    part = next(p for p in (docs / "disputed").glob("*.md") if "Side 0." in p.read_text(encoding="utf-8"))
    assert "more in the [data](../data/briefing.yaml)" in part.read_text(encoding="utf-8")


def test_the_quotes_parts_keys_take_an_unchanged_quotes_json_from_the_last_render(tmp_path, monkeypatch):
    """With a cache (a long-lived process), keying the Quotes page's parts after one quote changed
    works out again what the parts show of that quote only, not of every quote."""
    from briefing.pagekeys import PageKeys

    monkeypatch.setattr("briefing.render.QUOTES_PER_PAGE", 0)
    briefing = hostile_briefing()
    calm = briefing.sources[1]
    many = tuple(Quote(id=f"z{i}", text=f"Zed spoke {i} times", speaker="Zed Lind", citations=(cite(calm, 2),))
                 for i in range(6))
    briefing = replace(briefing, quotes=(*briefing.quotes, *many))
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    cache_dir.mkdir()
    render_briefing(briefing, docs, TEMPLATES, cache_dir=cache_dir)
    shown: list[str] = []
    real = PageKeys.display_data
    monkeypatch.setattr(PageKeys, "display_data", lambda self, item: shown.append(item.id) or real(self, item))
    edited = replace(briefing, quotes=(*briefing.quotes[:-1], replace(many[-1], text="Zed spoke at last")))
    render_briefing(edited, docs, TEMPLATES, cache_dir=cache_dir)
    quotes = [i for i in shown if i.startswith("z")]
    assert quotes and set(quotes) == {"z5"}
    assert "Zed spoke at last" in (docs / "quotes" / "z.md").read_text(encoding="utf-8")


def test_the_pages_key_a_builds_changes_by_the_digest_of_the_state_text_not_the_text():
    from briefing.changes import Changes
    from briefing.render import changes_key
    state = "items:\n" + "- a fact of the state file\n" * 20_000
    changes = Changes(edition="e2", previous="e1", entries=(), state_text=state)
    key = changes_key(changes)
    assert len(key) < 400 and key == changes_key(replace(changes))
    assert key != changes_key(replace(changes, state_text=state + "- one more\n"))
    assert key != changes_key(replace(changes, edition="e3")) and changes_key(None) != key
