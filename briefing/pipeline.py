"""The pipeline in order: ingest -> clean -> segment -> extract -> link -> Briefing.

The single entry point for the CLI and the MkDocs hook. Per-article work (clean,
segment, extract) depends only on the article, so its result is cached by content
hash; linking always runs again over all articles.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .clean import clean_article
from .extract import extract_article
from .ingest import Skipped, read_folder
from .link import link_briefing
from .model import ArticleExtraction, Briefing, BriefingError, CleanArticle, RawArticle, Source
from .sentences import split_sentences

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Options:
    """What a run reads, where it writes, and how."""

    seeds_dir: Path = Path("seeds")
    cache_dir: Path | None = Path(".briefing-cache")  # None: no cache at all
    jobs: int = 1


@dataclass
class RunReport:
    """What a run did: counts for progress lines, warnings for the user."""

    articles: int = 0
    extracted: int = 0  # articles extracted afresh (not from the cache)
    skipped: list[Skipped] = field(default_factory=list)


def source_from(article: CleanArticle) -> Source:
    """CleanArticle + its sentences -> the Source the briefing shows."""
    sentences = tuple(split_sentences(article))
    meta = article.meta
    title = meta.title
    if not title and sentences:  # no headline: the article's first words stand in
        first = article.text[sentences[0].start:sentences[0].end]
        words = first.split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return Source(id=article.source_id, file=article.file, text=article.text, sentences=sentences,
                  paragraphs=article.paragraphs, removed=article.removed, title=title,
                  author=meta.author, date=meta.date, publisher=meta.publisher, url=meta.url)


def process_article(raw: RawArticle) -> tuple[Source, ArticleExtraction]:
    """RawArticle -> (Source, ArticleExtraction): clean, segment, extract one article."""
    cleaned = clean_article(raw)
    source = source_from(cleaned)
    extraction = extract_article(cleaned, source.sentences)
    if not isinstance(extraction, ArticleExtraction):
        raise TypeError(f"extract_article returned {type(extraction).__name__} for {raw.file}")
    return source, extraction


def extract_briefing(options: Options, progress: Callable[[str], None] | None = None
                     ) -> tuple[Briefing, RunReport]:
    """Seeds folder -> Briefing. Raises BriefingError when no article can be read."""
    say = progress or log.info
    raws, skipped = read_folder(options.seeds_dir)
    report = RunReport(articles=len(raws), skipped=list(skipped))
    store = cache.ExtractionCache(options.cache_dir) if options.cache_dir else None
    pairs: list[tuple[Source, ArticleExtraction]] = []
    for number, raw in enumerate(raws, 1):
        hit = store.get(raw) if store else None
        if hit is None:
            try:
                hit = process_article(raw)
            except BriefingError as err:
                log.warning("skipped %s", err)
                report.skipped.append(Skipped(raw.file, str(err).split(": ", 1)[-1]))
                continue
            report.extracted += 1
            if store:
                store.put(raw, hit)
        pairs.append(hit)
        if number % 100 == 0 or number == len(raws):
            say(f"extracted {number}/{len(raws)} articles ({report.extracted} new)")
    if not pairs:
        raise BriefingError(f"{options.seeds_dir}: no readable articles")
    briefing = link_briefing([p[0] for p in pairs], [p[1] for p in pairs])
    return briefing, report
