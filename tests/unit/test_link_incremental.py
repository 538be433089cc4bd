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


def test_a_node_that_reads_a_word_which_stopped_being_a_name_is_built_again_the_others_are_handed_on(tmp_path):
    """A node reads of the corpus's name stems only whether the words it writes with a capital
    (and its insertions' and speaker's words) are names: when an added article changes that for
    one of them the node is built again; every other node of an unchanged article is handed on."""
    from articles import make

    from briefing.link.claimgraph import build_graph

    arts = [make("a", "North Herald", "2024-05-02",
                 "Governor Elena Marsh signed the coastal flood bill on Wednesday after a week of protests.",
                 "At least 40 people marched to the harbour, police said."),
            make("b", "South Gazette", "2024-05-02",
                 "Marsh signed the flood bill for the coast into law after days of protests.")]

    def graph(arts, memo=None):
        return build_graph([a[0] for a in arts], [a[1] for a in arts], memo)

    first = ClaimMemo(tmp_path / MEMO_FILE)
    graph(arts, first)
    first.save()
    added = [*arts, make("c", "East Post", "2024-05-03",
                         "The salt marsh flooded again, and the marsh road was closed.",
                         "Crews said the marsh had not flooded like this in years.")]
    second = ClaimMemo(tmp_path / MEMO_FILE, previous=first)
    built = graph(added, second)
    assert "marsh" in first.names and "marsh" not in second.names  # no longer a name ...
    reading = {k for k, b in first.built.items() if "marsh" in b[4]}
    kept = {k for k in first.built if second.built.get(k) is first.built[k]}
    assert reading and kept == set(first.built) - reading  # ... so the nodes that read it are built again
    assert built == graph(added)
