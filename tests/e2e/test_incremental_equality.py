"""An incremental rebuild gives the bytes of a cold build of the same inputs.

A seeded random sequence of changes (articles edited, added and deleted, a template
edited, overrides edited, nothing changed) is applied to a small corpus made from the
seeds. After each step the project is rebuilt with its caches (extraction cache, the
no-change records, the kept source pages, the partial MkDocs build), and a fresh copy of
the same inputs is built cold (no cache, empty docs/ but for the editions file the step
started from, which is an input of What's new): docs/, the built site (search index and
sitemap included) and the extracted data must be byte-identical. A second test does the
same for one edit, addition and deletion in a corpus of a few hundred articles.
"""

from __future__ import annotations

import logging
import random
import re
import shutil
import sys
from pathlib import Path

import pytest
from projectcopy import copy_site_project

from briefing import render
from briefing.ingest import source_id_for
from briefing.pipeline import Options, extract_to_file
from briefing.site import build_site

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402

OPS = ("edit", "edit", "add", "delete", "template", "overrides", "nothing")
SITE_URL = "https://example.org/briefing/"  # a sitemap that lists every page


def docs_bytes(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def articles(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.iterdir() if p.suffix in (".txt", ".md", ".html"))


def rebuild(project: Path, cache: bool) -> bytes:
    build_site(project / "seeds", config_file=project / "mkdocs.yml", use_cache=cache, site_url=SITE_URL)
    options = Options(seeds_dir=project / "seeds", cache_dir=project / ".briefing-cache" if cache else None,
                      overrides_file=project / "overrides.yaml")
    extract_to_file(options, project / "briefing.yaml")
    return (project / "briefing.yaml").read_bytes()


def step(project: Path, pool: Path, rng: random.Random, op: str, number: int) -> None:
    seeds = project / "seeds"
    present = articles(seeds)
    if op == "edit":
        path = rng.choice(present)
        path.write_text(path.read_text(encoding="utf-8") + f"\n\nThe committee met again on Monday, {number} "
                        "officials said.\n", encoding="utf-8")
    elif op == "add":
        fresh = [p for p in articles(pool) if not (seeds / p.name).exists()]
        if fresh:
            shutil.copy(rng.choice(fresh), seeds)
    elif op == "delete" and len(present) > 2:
        rng.choice(present).unlink()
    elif op == "template":
        path = project / "templates" / rng.choice(["source.md.j2", "index.md.j2", "sources_index.md.j2"])
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n(#+ [^\n{]*?)( \(edit \d+\))?\n", rf"\n\1 (edit {number})\n", text, count=1),
                        encoding="utf-8")
    elif op == "overrides":
        source = source_id_for(rng.choice(present).name)
        (project / "overrides.yaml").write_text(
            f"briefing: {{title: Edition {number}}}\nsources:\n  {source}: {{publisher: Outlet {number}}}\n",
            encoding="utf-8")


@pytest.mark.parametrize(("seed", "quotes_per_page", "citations_shown", "split"),
                         [(13, None, None, False), (2026, None, None, False), (7, 2, None, False),
                          (11, None, 1, False), (5, None, None, True)])
def test_random_changes_rebuild_to_the_bytes_of_a_cold_build(tmp_path, seed, quotes_per_page, citations_shown,
                                                             split, monkeypatch, caplog):
    if split:  # the Key facts, Timeline, Disputed, Sources and Quotes pages (and its phrases) and the pages
        # of all citations split into parts, as in a large briefing
        for name, value in (("FACTS_PER_PAGE", 3), ("FACTS_PER_PART", 4), ("EVENTS_PER_PAGE", 2),
                            ("EVENTS_PER_PART", 2), ("SOURCES_PER_PAGE", 2), ("SOURCES_PER_PART", 2),
                            ("DISPUTED_PER_PAGE", 1), ("DISPUTED_PER_PART", 2), ("PHRASES_PER_PAGE", 1),
                            ("PHRASES_PER_PART", 2), ("QUOTES_PER_PAGE", 2), ("QUOTES_PER_SPEAKER_PAGE", 1),
                            ("CITATIONS_SHOWN", 1), ("CITED_PER_PAGE", 2), ("CITED_PARTS", 2)):
            monkeypatch.setattr(render, name, value)
    if quotes_per_page is not None:  # the Quotes page split into parts, as in a large briefing,
        monkeypatch.setattr(render, "QUOTES_PER_PAGE", quotes_per_page)
        monkeypatch.setattr(render, "QUOTES_PER_SPEAKER_PAGE", 1)  # and speakers with pages of their own
    if citations_shown is not None:  # items citing more than this link a page of all their citations
        monkeypatch.setattr(render, "CITATIONS_SHOWN", citations_shown)
    rendered = []
    real = render.source_paragraphs
    monkeypatch.setattr(render, "source_paragraphs", lambda source: rendered.append(source.id) or real(source))
    pool = tmp_path / "pool"
    bench.make_corpus(ROOT / "seeds", pool, 15)
    project = copy_site_project(tmp_path / "incremental")
    for path in articles(pool)[5:8]:
        shutil.copy(path, project / "seeds")
    rebuild(project, cache=True)
    rng = random.Random(seed)
    kept = 0
    ops = [*OPS, *rng.choices(OPS, k=4)]  # every kind of change at least once, in a random order
    rng.shuffle(ops)
    partial = cited_pages = parts = disputed_parts = phrase_parts = cited_parts = 0
    for number, op in enumerate(ops):
        editions = (project / "docs" / "data" / "changes.yaml").read_bytes()
        step(project, pool, rng, op, number)
        rendered.clear()
        with caplog.at_level(logging.INFO, logger="briefing"):
            caplog.clear()
            data = rebuild(project, cache=True)
        partial += any("pages built again, the others kept" in r.getMessage() for r in caplog.records)
        kept += len(articles(project / "seeds")) - len(rendered)
        cold = copy_site_project(tmp_path / f"cold-{number}", seeds=project / "seeds")
        shutil.rmtree(cold / "templates")
        shutil.copytree(project / "templates", cold / "templates")
        if (project / "overrides.yaml").exists():
            shutil.copy(project / "overrides.yaml", cold / "overrides.yaml")
        (cold / "docs" / "data").mkdir()
        (cold / "docs" / "data" / "changes.yaml").write_bytes(editions)
        assert rebuild(cold, cache=False) == data, f"step {number}: {op}"
        assert docs_bytes(project / "docs") == docs_bytes(cold / "docs"), f"step {number}: {op}"
        assert_same_site(project, cold, f"step {number}: {op}")
        cited_pages += len(list((project / "docs" / render.CITED_DIR).glob("*.md")))
        parts += min(len(list((project / "docs" / folder).glob("*.md"))) for folder in ("facts", "timeline",
                                                                                        "sources/days"))
        disputed_parts += len(list((project / "docs" / "disputed").glob("*.md")))
        phrase_parts += len(list((project / "docs" / "quotes").glob("phrases-*.md")))
        cited_parts += len(list((project / "docs" / render.CITED_DIR).glob("*-part-*.md")))
        shutil.rmtree(cold)
    # the Disputed parts, the phrases' parts, the parts of the pages of all citations
    assert (disputed_parts > 0 and phrase_parts > 0 and cited_parts > 0) or not split
    assert cited_pages > 0 or citations_shown is None  # the pages of all citations were built and equal too
    assert parts > 0 or not split  # and so were the parts of the Key facts, Timeline and Sources pages
    assert kept > 0  # unchanged source pages were kept, not rendered again
    assert partial > 0  # and some MkDocs builds built only the changed pages


def assert_same_site(project: Path, cold: Path, what: str) -> None:
    built, expected = docs_bytes(project / "site"), docs_bytes(cold / "site")
    assert sorted(built) == sorted(expected), what
    assert b"sources/" in expected["sitemap.xml"] and expected["search/search_index.json"].count(b"sources/") > 5
    for name in ("search/search_index.json", "search/search_index.js", "sitemap.xml", "sitemap.xml.gz"):
        assert built[name] == expected[name], f"{what}: {name}"
    assert [n for n in built if built[n] != expected[n]] == [], what


@pytest.mark.slow
def test_a_few_hundred_articles_rebuild_to_the_bytes_of_a_cold_build(tmp_path, caplog):
    project = copy_site_project(tmp_path / "incremental", seeds=None)
    names = bench.make_corpus(ROOT / "seeds", project / "seeds", 200)
    rebuild(project, cache=True)
    for number, change in enumerate((bench.change_one_article, bench.add_one_article, bench.delete_one_article)):
        editions = (project / "docs" / "data" / "changes.yaml").read_bytes()
        change(project / "seeds", names)
        with caplog.at_level(logging.INFO, logger="briefing"):
            caplog.clear()
            data = rebuild(project, cache=True)
        said = [r.getMessage() for r in caplog.records]
        assert any("pages built again, the others kept" in line for line in said), said
        cold = copy_site_project(tmp_path / f"cold-{number}", seeds=project / "seeds")
        (cold / "docs" / "data").mkdir()
        (cold / "docs" / "data" / "changes.yaml").write_bytes(editions)
        assert rebuild(cold, cache=False) == data, change.__name__
        assert docs_bytes(project / "docs") == docs_bytes(cold / "docs"), change.__name__
        assert_same_site(project, cold, change.__name__)
        shutil.rmtree(cold)
