"""Regenerating the briefing: incremental extraction, deterministic builds, stable ids,
overrides that survive a rebuild, the What's new page, and hand-written files left alone.

Every site test builds a copy of the project (mkdocs.yml, templates/, the hook, docs/
assets, seeds/) in a temporary folder, never the checkout's docs/ or site/.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml
from projectcopy import copy_site_project

from briefing.changes import snapshot
from briefing.dump import read_briefing
from briefing.pipeline import Options, extract_briefing
from briefing.render import MARKER_TEXT
from briefing.site import build_site, watched_dirs

ROOT = Path(__file__).resolve().parents[2]

#: An article on an unrelated subject (invented for this test), as a user would drop it in.
UNRELATED = """---
title: Harbour town opens a lighthouse museum
date: 2031-05-10
publisher: Coastal Gazette
url: https://example.org/coast/lighthouse-museum
---

# Harbour town opens a lighthouse museum

The harbour town of Wennmouth opened a lighthouse museum on Saturday after three years of restoration work.

“We wanted the building to tell its own story,” said museum director Hanna Velde, who led the project.

The restoration cost about 2 million euros, according to the town council.

Local fishermen reportedly donated more than 40 old lanterns, but the council has not confirmed the number.
"""


def copy_project(dest: Path) -> Path:
    """The project's site inputs -> dest (a fresh project folder)."""
    return copy_site_project(dest)


def build(project: Path) -> None:
    build_site(seeds_dir=project / "seeds", config_file=project / "mkdocs.yml", strict=True)


def tree(folder: Path, skip: frozenset[str] = frozenset({"sitemap.xml.gz"})) -> dict[str, bytes]:
    """Every file under folder -> its bytes (gzip timestamps aside: sitemap.xml.gz skipped)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in skip}


def seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".md"))


# ---------------------------------------------------------------------------- incremental extraction

def test_one_changed_article_is_the_only_one_extracted_again(tmp_path):
    seeds = shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    options = Options(seeds_dir=seeds, cache_dir=tmp_path / "cache")
    first, report = extract_briefing(options)
    assert report.extracted == report.articles == len(seed_files(seeds))
    again, report = extract_briefing(options)
    assert report.extracted == 0 and again == first
    changed = seed_files(seeds)[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nThe meeting ended late on Friday.\n",
                       encoding="utf-8")
    _, report = extract_briefing(options)
    assert report.extracted == 1
    _, report = extract_briefing(options)
    assert report.extracted == 0


# ---------------------------------------------------------------------------- stable ids

def _old_ids_kept(kinds: tuple[str, ...], tmp_path: Path) -> dict[str, list[str]]:
    seeds = shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    before, _ = extract_briefing(Options(seeds_dir=seeds, cache_dir=None))
    (seeds / "zz_unrelated.md").write_text(UNRELATED, encoding="utf-8")
    after, _ = extract_briefing(Options(seeds_dir=seeds, cache_dir=None))
    old, new = snapshot(before), snapshot(after)
    assert len(after.sources) == len(before.sources) + 1
    return {kind: [i for i, (digest, _) in old[kind].items() if new[kind].get(i, ("",))[0] != digest]
            for kind in kinds}


def test_ids_and_content_survive_an_unrelated_article(tmp_path):
    lost = _old_ids_kept(("sources", "quotes", "disputed", "discrepancies", "timeline"), tmp_path)
    assert lost == {"sources": [], "quotes": [], "disputed": [], "discrepancies": [], "timeline": []}


def test_fact_ids_survive_an_unrelated_article(tmp_path):
    assert _old_ids_kept(("facts",), tmp_path) == {"facts": []}


# ---------------------------------------------------------------------------- whole builds

slow = pytest.mark.slow  # each runs whole builds (a few seconds)


@slow
def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    build(one)
    build(two)
    first = tree(one / "site")
    assert first == tree(two / "site")
    data = "docs/data/briefing.yaml"
    assert (one / data).read_bytes() == (two / data).read_bytes()
    build(one)  # a rebuild over its own output: nothing moves, What's new included
    assert tree(one / "site") == first
    assert "whats_new.html" in first and "data/changes.yaml" in first


@slow
def test_whats_new_after_adding_an_article(tmp_path):
    project = copy_project(tmp_path / "p")
    build(project)
    page = (project / "docs" / "whats_new.md").read_text(encoding="utf-8")
    assert "First edition" in page
    (project / "seeds" / "zz_unrelated.md").write_text(UNRELATED, encoding="utf-8")
    build(project)
    page = (project / "docs" / "whats_new.md").read_text(encoding="utf-8")
    assert "1 new source" in page
    assert "[Harbour town opens a lighthouse museum — Coastal Gazette](sources/zz-unrelated.md)" in page
    assert "Hanna Velde: “We wanted the building to tell its own story,”" in page
    assert "## Timeline events" in page or "## Facts" in page
    feed = (project / "docs" / "feed.xml").read_text(encoding="utf-8")
    assert "What&#x27;s new: " in feed and "whats_new.html" in feed
    site_page = (project / "site" / "whats_new.html").read_text(encoding="utf-8")
    assert "Hanna Velde" in site_page
    build(project)  # unchanged input: the diff is kept, not wiped
    assert (project / "docs" / "whats_new.md").read_text(encoding="utf-8") == page
    (project / "seeds" / "zz_unrelated.md").unlink()
    build(project)
    page = (project / "docs" / "whats_new.md").read_text(encoding="utf-8")
    assert "1 gone source" in page and "Hanna Velde" in page


@slow
def test_overrides_survive_regeneration(tmp_path, caplog):
    project = copy_project(tmp_path / "p")
    build(project)
    data = read_briefing(project / "docs" / "data" / "briefing.yaml")
    fact, quote, dispute = data.facts[-1], data.quotes[0], data.disputed[0]
    source = data.sources[0]
    (project / "overrides.yaml").write_text(yaml.safe_dump({
        "briefing": {"title": "Edited briefing title", "lede": "What the desk wants readers to know first."},
        "items": {fact.id: {"pin": True, "title": "Desk headline", "note": "Checked by the desk."},
                  quote.id: {"note": "Translated by the outlet."},
                  dispute.id: {"hide": True},
                  "f00000000gone": {"pin": True}},
        "speakers": {"split": {"Ivo Desk-Test": [quote.id]}},
        "sources": {source.id: {"author": "Desk Corrected"}},
    }, sort_keys=False), encoding="utf-8")
    assert project / "overrides.yaml" in watched_dirs(_config(project))

    def check() -> None:
        edited = read_briefing(project / "docs" / "data" / "briefing.yaml")
        assert edited.meta.title == "Edited briefing title"
        facts = {f.id: f for f in edited.facts}
        assert facts[fact.id].pinned and facts[fact.id].title == "Desk headline"
        quotes = {q.id: q for q in edited.quotes}
        assert quotes[quote.id].note == "Translated by the outlet." and quotes[quote.id].speaker == "Ivo Desk-Test"
        assert dispute.id not in {d.id for d in edited.disputed}
        assert {s.id: s.author for s in edited.sources}[source.id] == "Desk Corrected"
        facts_page = (project / "docs" / "facts.md").read_text(encoding="utf-8")
        first_item = facts_page.split("\n1. ", 1)[1]
        assert first_item.startswith(f'<span id="f-{fact.id}"></span>**Desk headline**: ')  # pinned: first
        assert "Editor’s note: Checked by the desk." in first_item.split("\n", 1)[0]
        assert "# Edited briefing title" in (project / "docs" / "index.md").read_text(encoding="utf-8")
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any(str(project / "overrides.yaml") in w and "'f00000000gone'" in w for w in warnings)

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefing"):
        build(project)
    check()
    # regenerate: an article changes and another arrives; the overrides still apply
    article = seed_files(project / "seeds")[-1]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nThe talks resumed on Monday.\n", encoding="utf-8")
    (project / "seeds" / "zz_unrelated.md").write_text(UNRELATED, encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefing"):
        build(project)
    check()
    assert "overrides.yaml" not in (project / "docs" / "whats_new.md").read_text(encoding="utf-8")


def _config(project: Path):
    from mkdocs.config import load_config
    return load_config(config_file=str(project / "mkdocs.yml"))


@slow
def test_generated_files_never_overwrite_hand_written_ones(tmp_path, caplog):
    project = copy_project(tmp_path / "p")
    hand = "# What's new\n\nWritten by hand: the editor keeps this page.\n"
    (project / "docs" / "whats_new.md").write_text(hand, encoding="utf-8")
    (project / "docs" / "data").mkdir()
    (project / "docs" / "data" / "changes.yaml").write_text("# kept by hand\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        build(project)
    assert (project / "docs" / "whats_new.md").read_text(encoding="utf-8") == hand
    assert (project / "docs" / "data" / "changes.yaml").read_text(encoding="utf-8") == "# kept by hand\n"
    assert MARKER_TEXT in (project / "docs" / "facts.md").read_text(encoding="utf-8")
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "whats_new.md: not overwritten" in messages
