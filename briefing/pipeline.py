"""The pipeline in order: ingest -> clean -> segment -> extract -> link -> Briefing.

The single entry point for the CLI and the MkDocs hook. Per-article work (clean,
segment, extract) depends only on the article, so its result is cached by content
hash and may run on several cores; linking always runs again over all articles.

The run has two shapes, kept apart so that a cluster engine could take either over:
a *map* over articles (``extract_articles``: cache look-up or ``process_article``, one
article at a time, any order, any process) and a *reduce* over all of them
(``briefing.link.link_briefing``, which blocks items by keys, never all pairs).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import cache
from .clean import clean_article
from .collect import collecting_less, freeze_long_lived
from .extract import extract_article
from .ingest import Skipped, read_folder
from .link import link_briefing
from .model import ArticleExtraction, Briefing, BriefingError, CleanArticle, RawArticle, Source
from .sentences import lede_title, split_sentences

log = logging.getLogger("briefing")

PROGRESS_EVERY = 100  # articles between two progress lines
MAX_CHUNK = 32  # articles sent to a worker at once: large enough to amortise, small enough to balance

#: One article's outcome in the map: its result or the reason it was skipped, and whether
#: it was extracted afresh (False: it came from the cache).
Outcome = tuple["tuple[Source, ArticleExtraction] | BriefingError", bool]


@dataclass(frozen=True)
class Options:
    """What a run reads, where it writes, and how."""

    seeds_dir: Path = Path("seeds")
    cache_dir: Path | None = Path(".briefing-cache")  # None: no cache at all
    jobs: int = 1  # processes for per-article work; 0: one per core
    overrides_file: Path | None = None  # editorial overrides applied after linking; None: none


@dataclass
class RunReport:
    """What a run did: counts for progress lines, warnings for the user."""

    articles: int = 0
    extracted: int = 0  # articles extracted afresh (not from the cache)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # after linking (overrides that did not apply)
    reused: bool = False  # True: nothing changed since the last run, whose output was kept


def source_from(article: CleanArticle) -> Source:
    """CleanArticle + its sentences -> the Source the briefing shows."""
    sentences = tuple(split_sentences(article))
    meta = article.meta
    title = meta.title
    if not title and sentences:  # no headline: the lede's first words stand in (pages say so)
        title = lede_title(article.text[sentences[0].start:sentences[0].end])
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


def extract_one(raw: RawArticle, cache_dir: Path | None = None) -> Outcome:
    """RawArticle -> (result or BriefingError, extracted afresh). The map's unit of work.

    Reads the cache first and writes a fresh result to it; a bad article comes back as
    its BriefingError rather than raised, so one article never stops a run. Pure apart
    from the cache, so it may run in any process.
    """
    store = cache.ExtractionCache(cache_dir) if cache_dir else None
    hit = store.get(raw) if store else None
    if hit is not None:
        return hit, False
    try:
        result = process_article(raw)
    except BriefingError as err:
        return err, True
    if store:
        store.put(raw, result)
    return result, True


def _extract_chunk(raws: Sequence[RawArticle], cache_dir: Path | None) -> list[Outcome]:
    return [extract_one(raw, cache_dir) for raw in raws]


def worker_count(jobs: int) -> int:
    """--jobs value -> processes to use: 0 means one per core; never below 1."""
    if jobs <= 0:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return jobs


def chunk_size(articles: int, workers: int) -> int:
    """Articles per task: about eight tasks per worker, at most MAX_CHUNK articles each."""
    return max(1, min(MAX_CHUNK, articles // (workers * 8) or 1))


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver, not fork: the MkDocs hook runs inside `mkdocs serve`, which has threads,
    # and forking a threaded process can deadlock on a lock held by another thread.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def map_articles(raws: Sequence[RawArticle], cache_dir: Path | None = None, jobs: int = 1) -> Iterator[Outcome]:
    """RawArticles -> their outcomes, in input order, on ``jobs`` processes (0: all cores).

    With one job everything runs here; otherwise chunks of articles go to a process
    pool and their results are yielded back in input order, so the output is the
    same whatever the number of processes.
    """
    workers = min(worker_count(jobs), len(raws))
    if workers <= 1:
        for raw in raws:
            yield extract_one(raw, cache_dir)
        return
    size = chunk_size(len(raws), workers)
    chunks = [raws[i:i + size] for i in range(0, len(raws), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
        for outcomes in pool.map(_extract_chunk, chunks, [cache_dir] * len(chunks)):
            yield from outcomes


class ProgressBar:
    """An updating ``extracted N/M`` counter with a bar, for a terminal; writes nothing else."""

    WIDTH = 30

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = max(total, 1)
        self.shown = ""

    def update(self, done: int, fresh: int) -> None:
        """Redraw the line if what it shows changed."""
        filled = self.WIDTH * done // self.total
        line = f"\rextracting [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{self.total} ({fresh} new)"
        if line != self.shown:
            self.stream.write(line)
            self.stream.flush()
            self.shown = line

    def close(self) -> None:
        """Clear the bar's line, so the plain summary line that follows stands alone."""
        if self.shown:
            self.stream.write("\r" + " " * (len(self.shown) - 1) + "\r")
            self.stream.flush()
            self.shown = ""


def terminal_bar(total: int) -> ProgressBar | None:
    """A ProgressBar when briefing's own log goes to a terminal at INFO level, else None (CI, hook, pipes)."""
    if not log.isEnabledFor(logging.INFO):
        return None
    for handler in log.handlers:
        stream = getattr(handler, "stream", None)
        if isinstance(handler, logging.StreamHandler) and stream is not None and getattr(stream, "isatty", None) \
                and stream.isatty():
            return ProgressBar(stream, total)
    return None


def extract_articles(raws: Sequence[RawArticle], options: Options,
                     progress: Callable[[str], None] | None = None, keys: list[str] | None = None
                     ) -> tuple[list[tuple[Source, ArticleExtraction]], RunReport]:
    """RawArticles -> ((Source, ArticleExtraction) per readable article, in order; RunReport).
    ``keys``: a list to append each readable article's extraction cache key to (``cache.cache_key``).

    The per-article map: cache look-ups and extraction on ``options.jobs`` processes.
    Says a plain progress line every PROGRESS_EVERY articles and at the end; on a
    terminal (and no ``progress`` callback) an updating bar instead of the periodic lines.
    """
    say = progress or log.info
    bar = terminal_bar(len(raws)) if progress is None else None
    report = RunReport(articles=len(raws))
    pairs: list[tuple[Source, ArticleExtraction]] = []
    outcomes = map_articles(raws, options.cache_dir, options.jobs)
    for number, (raw, (result, fresh)) in enumerate(zip(raws, outcomes, strict=True), 1):
        if isinstance(result, BriefingError):
            if bar is not None:
                bar.close()  # the warning gets a line of its own; the bar redraws below it
            log.warning("skipped %s", result)
            report.skipped.append(Skipped(raw.file, str(result).split(": ", 1)[-1]))
        else:
            pairs.append(result)
            report.extracted += fresh
            if keys is not None:
                keys.append(cache.cache_key(raw))
        if bar is not None:
            bar.update(number, report.extracted)
            if number < len(raws):
                continue
            bar.close()
        if number % PROGRESS_EVERY == 0 or number == len(raws):
            say(f"extracted {number}/{len(raws)} articles ({report.extracted} new)")
    cache.forget_unused()  # memory keeps this run's articles only
    return pairs, report


#: The link memo of this process's last run (``ClaimMemo``: its tables, and what linking's
#: ``per_node`` functions found): a long-lived process (``briefing serve``) hands it to its next
#: run. Process-wide, like the in-memory extraction results of ``cache``; the link stage itself
#: keeps nothing between calls.
_last_link_memo: dict[str, Any] = {}


@collecting_less
def extract_briefing(options: Options, progress: Callable[[str], None] | None = None,
                     inputs: tuple[list[RawArticle], list[Skipped]] | None = None) -> tuple[Briefing, RunReport]:
    """Seeds folder -> Briefing (+ overrides when Options names a file). Raises BriefingError when no
    article can be read or the overrides file is malformed. ``inputs``: ``read_folder``'s result, if
    the caller already read the folder."""
    raws, skipped = inputs if inputs is not None else read_folder(options.seeds_dir)
    keys: list[str] = []  # each article's extraction cache key: what names its source and extraction
    pairs, report = extract_articles(raws, options, progress, keys)
    freeze_long_lived()  # the articles live until the run ends: the collector need not walk them again
    report.skipped[:0] = skipped
    if not pairs:
        raise BriefingError(f"{options.seeds_dir}: no readable articles")
    from .link.memo import MEMO_FILE, ClaimMemo
    memo = ClaimMemo(options.cache_dir / MEMO_FILE, previous=_last_link_memo.get("memo")) \
        if options.cache_dir is not None else ClaimMemo()  # no cache: nothing from earlier runs
    memo.name_articles([p[0] for p in pairs], keys)
    briefing = link_briefing([p[0] for p in pairs], [p[1] for p in pairs], memo=memo)
    memo.save()
    _last_link_memo["memo"] = memo  # the next run in this process (serve) starts from it
    if options.overrides_file is not None:  # the editor's stage, between link and render
        from .overrides import apply_overrides, load_overrides
        briefing, problems = apply_overrides(briefing, load_overrides(options.overrides_file))
        for problem in problems:
            log.warning("%s", problem)
            report.warnings.append(str(problem))
    return briefing, report


@collecting_less
def extract_to_file(options: Options, out: Path, progress: Callable[[str], None] | None = None
                    ) -> tuple[dict[str, int], RunReport]:
    """Seeds folder -> the briefing data in ``out`` (YAML, or JSON by its suffix); returns item counts.

    With a cache folder, a run whose inputs (articles, sources.yaml, overrides, the code)
    are those of the last run that wrote ``out``, and whose ``out`` is still that run's
    bytes, reads the articles to check and does nothing else: the warnings of that run are
    said again, so the output of the command is the same.
    """
    from . import incremental
    from .dump import YAML_MEMO, ChunkMemo, write_briefing

    raws, skipped = read_folder(options.seeds_dir)
    record_file = key = None
    if options.cache_dir is not None:
        key = incremental.digest_of([incremental.data_key(raws, options.overrides_file), out.suffix])
        record_file = incremental.record_path(options.cache_dir, "extract", out)
        record = incremental.read_record(record_file)
        if record is not None and record.get("key") == key and record.get("out") == incremental.file_digest(out):
            report = RunReport(articles=len(raws), skipped=[*skipped, *(Skipped(f, r) for f, r in record["skipped"])],
                               warnings=list(record["warnings"]), reused=True)
            for file, reason in record["skipped"]:
                log.warning("skipped %s: %s", file, reason)
            for warning in report.warnings:
                log.warning("%s", warning)
            (progress or log.info)(f"nothing changed since {out} was written: kept it (--no-cache writes it again)")
            return dict(record["counts"]), report
        incremental.forget_record(record_file)
    briefing, report = extract_briefing(options, progress, (raws, skipped))
    memo = ChunkMemo(options.cache_dir / YAML_MEMO) if options.cache_dir is not None and out.suffix != ".json" else None
    try:
        write_briefing(briefing, out, memo)
    finally:
        if memo is not None:
            memo.close()
    counts = {"sources": len(briefing.sources), "quotes": len(briefing.quotes), "facts": len(briefing.facts),
              "disputed": len(briefing.disputed), "timeline": len(briefing.timeline)}
    if record_file is not None:
        incremental.write_record(record_file, {
            "key": key, "out": incremental.file_digest(out), "counts": counts, "warnings": report.warnings,
            "skipped": [[s.file, s.reason] for s in report.skipped[len(skipped):]]})
    from .dump import forget_untouched
    forget_untouched()  # memory keeps what this run's sources needed only
    return counts, report
