"""Linking with a warm memo after any sequence of added, edited and deleted articles gives the
Briefing (and the data bytes) of a cold link of the same articles: the seeds and synthetic
variants of them (``scripts/bench.make_corpus``), the memo handed from run to run as
``briefing serve`` hands it (``ClaimMemo(previous=...)``) or read from its file as a new
process reads it."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

from briefing.dump import iter_json
from briefing.ingest import read_folder
from briefing.link import link_briefing
from briefing.link.memo import MEMO_FILE, ClaimMemo
from briefing.pipeline import Options, extract_articles

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402

EDIT = "\n\nThe committee met again on Monday, {n} officials said, and Ruiz denied the report.\n"


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> dict[str, list]:
    """name -> [the article's (Source, extraction), then those of edited versions of it]."""
    work = tmp_path_factory.mktemp("pool")
    folders = [work / "v0"]
    shutil.copytree(ROOT / "seeds", folders[0])
    bench.make_corpus(ROOT / "seeds", folders[0], 10)  # two stories made from the seeds
    for n in (1, 2):
        folder = work / f"v{n}"
        shutil.copytree(folders[0], folder)
        for path in folder.iterdir():
            if path.suffix in (".txt", ".md", ".html"):
                path.write_text(path.read_text(encoding="utf-8") + EDIT.format(n=n * 7), encoding="utf-8")
        folders.append(folder)
    out: dict[str, list] = {}
    for folder in folders:
        raws, _ = read_folder(folder)
        pairs, _ = extract_articles(raws, Options(seeds_dir=folder, cache_dir=work / "cache"), lambda _l: None)
        for raw, pair in zip(raws, pairs, strict=True):
            out.setdefault(raw.file, []).append(pair)
    return out


def data(briefing) -> str:
    return "".join(iter_json(briefing))


def cold(current: dict[str, tuple]) -> object:
    pairs = [current[name] for name in sorted(current)]
    return link_briefing([p[0] for p in pairs], [p[1] for p in pairs])


@pytest.mark.parametrize("seed", [13, 2026])
def test_a_warm_link_after_random_changes_is_the_cold_link(pool, tmp_path, seed):
    rng = random.Random(seed)
    names = sorted(pool)
    current = {name: pool[name][0] for name in rng.sample(names, 9)}
    path = tmp_path / MEMO_FILE
    previous: ClaimMemo | None = None
    handed_on = 0
    for step in range(9):
        op = rng.choice(("edit", "edit", "add", "delete", "fresh process"))
        if op == "edit":
            name = rng.choice(sorted(current))
            current[name] = rng.choice([p for p in pool[name] if p is not current[name]])
        elif op == "add" and len(current) < len(names):
            name = rng.choice([n for n in names if n not in current])
            current[name] = rng.choice(pool[name])
        elif op == "delete" and len(current) > 2:
            del current[rng.choice(sorted(current))]
        elif op == "fresh process":
            previous = None
        memo = ClaimMemo(path, previous=previous)
        pairs = [current[name] for name in sorted(current)]
        warm = link_briefing([p[0] for p in pairs], [p[1] for p in pairs], memo=memo)
        memo.save()
        if previous is not None:
            handed_on += sum(1 for key, built in memo.built.items() if previous.built.get(key) is built)
        expected = cold(current)
        assert warm == expected, f"step {step} ({op})"
        assert data(warm) == data(expected), f"step {step} ({op})"
        previous = memo
    assert handed_on  # the runs did hand nodes on, and the result is still the cold one


def test_an_added_article_that_makes_a_word_a_name_builds_every_node_again(pool, tmp_path):
    """A node is handed on only when the corpus's name stems are the same: an article that
    writes a word with a capital often enough turns it into a name for every claim."""
    from briefing.link.claimgraph import build_graph

    names = sorted(pool)[:4]
    current = {name: pool[name][0] for name in names}
    first = ClaimMemo(tmp_path / MEMO_FILE)
    pairs = [current[n] for n in names]
    build_graph([p[0] for p in pairs], [p[1] for p in pairs], first)
    first.save()
    again = ClaimMemo(tmp_path / MEMO_FILE, previous=first)
    build_graph([p[0] for p in pairs], [p[1] for p in pairs], again)
    assert all(again.built[k] is first.built[k] for k in first.built)  # all handed on
    other = sorted(pool)[-1]
    current[other] = pool[other][0]
    pairs = [current[n] for n in sorted(current)]
    third = ClaimMemo(tmp_path / MEMO_FILE, previous=again)
    graph = build_graph([p[0] for p in pairs], [p[1] for p in pairs], third)
    assert third.names != again.names  # the new article changes which words are names ...
    assert not any(third.built[k] is again.built.get(k) for k in third.built)  # ... so nothing is handed on
    assert graph == build_graph([p[0] for p in pairs], [p[1] for p in pairs])
