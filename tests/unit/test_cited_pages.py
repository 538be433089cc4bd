"""Summary pages show at most CITATIONS_SHOWN citations per item; cited/<item>.md lists them all."""

from __future__ import annotations

import re
from pathlib import Path

from articles import article

from briefing.model import Briefing, BriefingMeta, Citation, Fact, Quote, Source
from briefing.render import CITATIONS_SHOWN, render_briefing
from briefing.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Ana Ruiz signed the harbour treaty in Lisbon on Monday."


def briefing_of(sources_n: int, outlets: int) -> Briefing:
    sources, cites = [], []
    for i in range(sources_n):
        sent = split_sentences(article(TEXT))[0]
        sources.append(Source(id=f"a{i:02d}", file=f"a{i:02d}.txt", text=TEXT, sentences=(sent,),
                              date="2031-03-04", publisher=f"Outlet {i % outlets}"))
        cites.append(Citation(source=f"a{i:02d}", sentence=sent.id, start=0, end=len(TEXT), text=TEXT))
    fact = Fact(id="f1", text=TEXT, citations=tuple(cites), outlets=outlets, rank=3.0, self_contained=True)
    return Briefing(meta=BriefingMeta(title="B", topic="t", articles=sources_n, outlets=outlets),
                    sources=tuple(sources), facts=(fact,))


def refs(line: str) -> list[str]:
    return re.findall(r"\[\^([^\]]+)\]", line)


def fact_line(md: str) -> str:
    return next(line for line in md.splitlines() if "Ana Ruiz signed" in line and not line.startswith("[^"))


def test_a_much_cited_fact_shows_a_few_notes_one_per_outlet_first_and_links_all(tmp_path):
    docs = tmp_path / "docs"
    render_briefing(briefing_of(20, 10), docs, ROOT / "templates")
    for page in ("facts.md", "index.md"):
        md = (docs / page).read_text()
        line = fact_line(md)
        shown = refs(line)
        assert len(shown) == CITATIONS_SHOWN, page
        # the lead first, then one per outlet: sources a00..a07 (outlets 0..7), not a10 (outlet 0 again)
        assert [label.split("-")[0] for label in shown] == [f"a{i:02d}" for i in range(CITATIONS_SHOWN)]
        assert "[all 20 citations](cited/f-f1.md)" in line
        for label in shown:  # every note is defined
            assert f"[^{label}]: " in md
        assert len(re.findall(r"^\[\^", md, re.M)) == CITATIONS_SHOWN
    cited = (docs / "cited" / "f-f1.md").read_text()
    entries = [line for line in cited.splitlines() if line.startswith("1. ")]
    assert len(entries) == 20
    assert all(re.search(r"\(\.\./sources/a\d\d\.md#s-[0-9a-f]+\)", e) for e in entries)
    assert "(../facts.md#f-f1)" in cited


def test_a_fact_with_few_citations_shows_them_all_and_has_no_page_of_them(tmp_path):
    docs = tmp_path / "docs"
    render_briefing(briefing_of(CITATIONS_SHOWN, 2), docs, ROOT / "templates")
    line = fact_line((docs / "facts.md").read_text())
    assert len(refs(line)) == CITATIONS_SHOWN and "all " not in line and "cited/" not in line
    assert not (docs / "cited").exists() or not list((docs / "cited").glob("*.md"))


def test_the_page_of_all_citations_goes_when_the_item_no_longer_needs_it(tmp_path):
    docs = tmp_path / "docs"
    render_briefing(briefing_of(12, 12), docs, ROOT / "templates")
    assert (docs / "cited" / "f-f1.md").exists()
    render_briefing(briefing_of(5, 5), docs, ROOT / "templates")
    assert not (docs / "cited" / "f-f1.md").exists()


def test_a_very_much_cited_item_has_its_citations_on_parts_and_an_article_changes_its_part_only(tmp_path,
                                                                                             monkeypatch):
    import briefing.render as render_module
    monkeypatch.setattr(render_module, "CITED_PER_PAGE", 25)  # as a statement quoted by hundreds of articles
    monkeypatch.setattr(render_module, "CITED_PARTS", 6)
    docs = tmp_path / "docs"
    render_briefing(briefing_of(30, 10), docs, ROOT / "templates")
    main = (docs / "cited" / "f-f1.md").read_text()
    parts = sorted(p.name for p in (docs / "cited").glob("f-f1-part-*.md"))
    assert len(parts) == 6 and all(f"]({name})" in main for name in parts)
    assert "all 30 cited sentences, from 10 outlets" in main and "\n1. " not in main and "(../facts.md#f-f1)" in main
    cited = []
    for name in parts:  # each citation on exactly one part, its link leading to its sentence; back to the list
        text = (docs / "cited" / name).read_text()
        assert "[All its citations](f-f1.md)" in text and "back to it" not in text  # up to the item's page
        cited += re.findall(r"^1\. .*\(\.\./sources/(a\d\d)\.md#s-[0-9a-f]+\)", text, re.M)
        assert all((docs / "cited" / link).resolve().is_file()
                   for link in re.findall(r"\]\((\.\./sources/[^)#]+)", text))
    assert sorted(cited) == [f"a{i:02d}" for i in range(30)]
    before = {p.name: p.read_bytes() for p in (docs / "cited").glob("*.md")}
    written: list[str] = []
    real = render_module.Writer.write
    monkeypatch.setattr(render_module.Writer, "write",
                        lambda self, name, text, marked=True: written.append(name) or real(self, name, text, marked))
    render_briefing(briefing_of(29, 10), docs, ROOT / "templates")  # one article less: its part changes
    after = {p.name: p.read_bytes() for p in (docs / "cited").glob("*.md")}
    gone_part = next(name for name in parts if "(../sources/a29.md#" in before[name].decode())
    assert sorted(n for n in after if before.get(n) != after[n]) == sorted(["f-f1.md", gone_part])
    assert sorted(n for n in written if n.startswith("cited/")) == sorted(["cited/f-f1.md", f"cited/{gone_part}"])
    # Fewer again: one page of them all, the parts gone.
    render_briefing(briefing_of(20, 10), docs, ROOT / "templates")
    assert not list((docs / "cited").glob("f-f1-part-*.md"))
    assert len(re.findall(r"^1\. ", (docs / "cited" / "f-f1.md").read_text(), re.M)) == 20


def test_the_page_of_all_citations_of_a_quote_not_shown_links_back_to_no_missing_anchor(tmp_path, monkeypatch):
    # Quotes past the Quotes page's cap are on no page: their cited/ page must not point at an
    # anchor that does not exist (MkDocs warns, and `--strict` fails the build).
    import briefing.render as render

    base = briefing_of(12, 12)
    cites = base.facts[0].citations
    quotes = tuple(Quote(id=f"q{n}", text=f"We will sign it in Lisbon, number {n}", speaker="Ana Ruiz",
                         citations=cites) for n in range(2))
    monkeypatch.setitem(render.CAPS, "quotes", 1)
    docs = tmp_path / "docs"
    render_briefing(Briefing(meta=base.meta, sources=base.sources, quotes=quotes), docs, ROOT / "templates")
    shown = (docs / "cited" / "q-q0.md").read_text()
    assert "(../quotes.md#q-q0)" in shown
    unshown = (docs / "cited" / "q-q1.md").read_text()
    assert "#q-q1" not in unshown and "back to it" not in unshown
    assert len([line for line in unshown.splitlines() if line.startswith("1. ")]) == 12


def test_a_quote_that_moves_page_changes_its_page_of_citations_but_not_its_parts(tmp_path, monkeypatch):
    # An added article can change who a much-quoted statement is credited to, which moves it to
    # another Quotes page: the item's page of all citations leads back to it; its parts lead up to
    # that page only, so they stay as they were (an incremental build rewrites one page, not 17).
    import briefing.render as render

    monkeypatch.setattr(render, "CITED_PER_PAGE", 25)
    monkeypatch.setattr(render, "CITED_PARTS", 6)
    monkeypatch.setattr(render, "QUOTES_PER_PAGE", 1)  # the Quotes page split by the speakers' initials
    base = briefing_of(30, 10)

    def with_speaker(name: str) -> Briefing:
        quotes = tuple(Quote(id=f"q{n}", text=f"We will sign it in Lisbon, number {n}", speaker=name,
                             citations=base.facts[0].citations) for n in range(2))
        return Briefing(meta=base.meta, sources=base.sources, quotes=quotes)

    docs = tmp_path / "docs"
    render_briefing(with_speaker("Ana Ruiz"), docs, ROOT / "templates")
    assert "(../quotes/a.md#q-q0)" in (docs / "cited" / "q-q0.md").read_text()
    parts = {p.name: p.read_bytes() for p in (docs / "cited").glob("q-q0-part-*.md")}
    assert len(parts) == 6
    render_briefing(with_speaker("Bruno Silva"), docs, ROOT / "templates")
    assert "(../quotes/b.md#q-q0)" in (docs / "cited" / "q-q0.md").read_text()
    assert {p.name: p.read_bytes() for p in (docs / "cited").glob("q-q0-part-*.md")} == parts
    assert all("[All its citations](q-q0.md)" in text.decode() for text in parts.values())


def test_a_template_edited_between_two_renders_renders_its_pages_again(tmp_path):
    # Each template's digest (and what it reads) is worked out once a render, not once a process.
    import shutil

    templates, docs = tmp_path / "templates", tmp_path / "docs"
    shutil.copytree(ROOT / "templates", templates)
    briefing = briefing_of(20, 10)
    render_briefing(briefing, docs, templates, cache_dir=tmp_path / "cache")
    assert "Edited by hand" not in (docs / "cited" / "f-f1.md").read_text()
    cited = templates / "cited.md.j2"
    text = cited.read_text()
    cited.write_text(text[:text.rindex("{% endblock %}")] + "Edited by hand.\n{% endblock %}\n")
    render_briefing(briefing, docs, templates, cache_dir=tmp_path / "cache")
    assert "Edited by hand" in (docs / "cited" / "f-f1.md").read_text()
    assert "Edited by hand" not in (docs / "facts.md").read_text()
