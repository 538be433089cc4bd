"""Benchmark quote extraction and quote linking on the seeds, repeated many times.

    .venv/bin/python scripts/bench_quotes.py                 # 200 rounds of the seeds
    .venv/bin/python scripts/bench_quotes.py --rounds 20

Cleaning and sentence splitting run once per seed, outside the timing: the figure is
``extract_quotes`` alone, then ``link_quotes`` over every round's extraction as if
each round were a new set of articles (distinct source ids, same texts).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from briefing.clean import clean_article
from briefing.extract.quotes import extract_quotes
from briefing.ingest import read_folder
from briefing.link.quotes import link_quotes
from briefing.model import ArticleExtraction, Source
from briefing.pipeline import source_from

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    """Run the benchmark; print one line per stage with articles per second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)
    raws, _ = read_folder(args.seeds)
    cleaned = [clean_article(raw) for raw in raws]
    sources = [source_from(c) for c in cleaned]

    started, cpu = time.perf_counter(), time.process_time()
    results = []
    for _ in range(args.rounds):
        results.extend(extract_quotes(c, s.sentences) for c, s in zip(cleaned, sources, strict=True))
    extract_s, extract_cpu = time.perf_counter() - started, time.process_time() - cpu
    articles = args.rounds * len(cleaned)

    all_sources: list[Source] = []
    extractions: list[ArticleExtraction] = []
    for n in range(args.rounds):
        for source, (quotes, phrases, speakers) in zip(sources, results[n * len(sources):], strict=False):
            sid = f"{source.id}-{n}"
            all_sources.append(replace(source, id=sid))
            extractions.append(ArticleExtraction(
                source_id=sid, speakers=speakers,
                quotes=tuple(replace(q, citations=tuple(replace(c, source=sid) for c in q.citations))
                             for q in quotes),
                phrases=tuple(replace(p, citations=tuple(replace(c, source=sid) for c in p.citations))
                              for p in phrases)))
    started, cpu = time.perf_counter(), time.process_time()
    quotes, phrases, speakers = link_quotes(all_sources, extractions)
    link_s, link_cpu = time.perf_counter() - started, time.process_time() - cpu
    found = sum(len(r[0]) for r in results)
    # CPU seconds too: on a shared, loaded machine wall time says more about the neighbours
    print(f"extract_quotes: {articles} articles in {extract_s:.2f}s = {articles / extract_s:.0f} articles/s "
          f"(CPU {extract_cpu:.2f}s = {articles / max(extract_cpu, 1e-9):.0f} articles/CPU-s; {found} quotes)")
    print(f"link_quotes: {articles} articles in {link_s:.2f}s = {articles / link_s:.0f} articles/s "
          f"(CPU {link_cpu:.2f}s; {len(quotes)} quotes, {len(phrases)} phrases, {len(speakers)} speakers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
