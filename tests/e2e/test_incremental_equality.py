"""An incremental rebuild gives the bytes of a cold build of the same inputs.

A seeded random sequence of changes (articles edited, added and deleted, a template
edited, overrides edited, nothing changed) is applied to a small corpus made from the
seeds. After each step the project is rebuilt with its caches (extraction cache, the
no-change records, the kept source pages), and a fresh copy of the same inputs is built
cold (no cache, empty docs/ but for the editions file the step started from, which is
an input of What's new): docs/ and the extracted data must be byte-identical.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from projectcopy import copy_site_project

from briefing import render
from briefing.ingest import source_id_for
from briefing.pipeline import Options, extract_to_file
from briefing.site import update_docs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402

OPS = ("edit", "edit", "add", "delete", "template", "overrides", "nothing")


def docs_bytes(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def articles(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.iterdir() if p.suffix in (".txt", ".md", ".html"))


def rebuild(project: Path, cache: bool) -> bytes:
    config = load_config(str(project / "mkdocs.yml"))
    update_docs(config, use_cache=cache)
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


@pytest.mark.parametrize("seed", [13, 2026])
def test_random_changes_rebuild_to_the_bytes_of_a_cold_build(tmp_path, seed, monkeypatch):
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
    for number, op in enumerate(ops):
        editions = (project / "docs" / "data" / "changes.yaml").read_bytes()
        step(project, pool, rng, op, number)
        rendered.clear()
        data = rebuild(project, cache=True)
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
        shutil.rmtree(cold)
    assert kept > 0  # unchanged source pages were kept, not rendered again
