"""Per-article extraction cache: (Source, ArticleExtraction) keyed by content hash.

The key covers the file's bytes, its name and metadata, EXTRACTOR_VERSION and a hash
of the per-article stages' code, so a changed article or a changed extractor misses. Entries
are JSON, validated on load like the briefing; a bad entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from .dump import from_data, to_data, write_atomic
from .model import EXTRACTOR_VERSION, ArticleExtraction, BriefingError, RawArticle, Source

# The modules whose code decides a per-article result (and the cache's format); a change
# to linking, rendering or the site does not invalidate cached extractions.
PER_ARTICLE_CODE = ("model.py", "ingest.py", "clean.py", "sentences.py", "pipeline.py", "dump.py", "fastre.py",
                    "cache.py", "extract/*.py")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the per-article stages' code: changing an extractor invalidates the cache."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    root = Path(__file__).parent
    for path in sorted({p for pattern in PER_ARTICLE_CODE for p in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(raw: RawArticle) -> str:
    """The key of one article's extraction."""
    meta = json.dumps(to_data(raw.meta), sort_keys=True)
    text = "\n".join([code_fingerprint(), raw.digest, raw.file, raw.source_id, meta])
    return hashlib.sha256(text.encode()).hexdigest()


#: Entries read or written in this process, by file: a long-lived process (``briefing serve``)
#: rebuilding again and again reads each unchanged article's entry once. The key of an entry
#: names its content and the code, so a remembered entry never goes stale. Only the entries of
#: the last run are kept (``forget_unused``), and at most ``REMEMBERED_ENTRIES``.
REMEMBERED_ENTRIES = 20_000
_remembered: OrderedDict[Path, tuple[Source, ArticleExtraction]] = OrderedDict()
_touched: set[Path] = set()


def forget_unused() -> None:
    """Forget the remembered entries no read or write asked for since the last call (a run's end)."""
    for path in [p for p in _remembered if p not in _touched]:
        del _remembered[path]
    _touched.clear()


def _remember(path: Path, result: tuple[Source, ArticleExtraction]) -> None:
    _touched.add(path)
    _remembered[path] = result
    _remembered.move_to_end(path)
    while len(_remembered) > REMEMBERED_ENTRIES:
        _remembered.popitem(last=False)


class ExtractionCache:
    """A folder of JSON entries, one per article version (those this process read or wrote are
    also kept in memory)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, raw: RawArticle) -> Path:
        key = cache_key(raw)
        return self.folder / key[:2] / f"{key}.json"

    def get(self, raw: RawArticle) -> tuple[Source, ArticleExtraction] | None:
        """The cached result for this article version, or None."""
        path = self._path(raw)
        kept = _remembered.get(path)
        if kept is not None:
            _touched.add(path)
            _remembered.move_to_end(path)
            return kept
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            result = (from_data(Source, data["source"], "source"),
                      from_data(ArticleExtraction, data["extraction"], "extraction"))
        except (OSError, ValueError, KeyError, TypeError, BriefingError):
            return None
        _remember(path, result)
        return result

    def put(self, raw: RawArticle, result: tuple[Source, ArticleExtraction]) -> None:
        """Store one result; a cache that cannot be written is skipped silently."""
        data = {"source": to_data(result[0]), "extraction": to_data(result[1])}
        try:
            write_atomic(self._path(raw), json.dumps(data, ensure_ascii=False))
        except OSError:
            return
        _remember(self._path(raw), result)
