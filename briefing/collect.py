"""Fewer garbage collections during a build: the same output, about a quarter less time.

A build holds a large heap of long-lived objects (every article's sentences, claims and
events, then the claim graph) while it makes millions of small short-lived ones. CPython's
default collector runs a young collection every 700 new objects and, every so often, a full
one that walks the whole heap: at 1,000 articles that is a quarter of linking's time, for
almost no garbage (the build makes few reference cycles). So while a build runs:

- the young generation's threshold is raised to ``YOUNG_THRESHOLD`` (collections are rarer,
  still frequent enough to bound memory);
- objects that live for the whole build are moved out of the collector's sight with
  ``gc.freeze`` (``freeze_long_lived``, called once the extractions are loaded); garbage
  left by earlier work is collected first when the process holds more than a quarter more
  memory than it kept after its last full collection (CPython's own rule for when a full
  collection is due, counted in the allocator's blocks, which ``sys.getallocatedblocks`` reads
  at no cost: counting the collector's objects walks them all, about 0.08 s a build at 1,000
  articles): a long-lived process (``briefing serve``, the bench, which build again and again
  over a large heap of remembered results) does not walk that whole heap at every build (about
  0.6 s at 1,000 articles), and what it freezes of earlier garbage stays below a quarter of
  what lives;
- at the end the previous thresholds come back and the frozen objects are handed back to
  the collector (``gc.unfreeze``), so a long-lived process (``briefing serve``) frees them
  when they become garbage.

Collection never changes what a program computes, only when memory is freed: the output is
the same. The collector's own state is the only state; nested builds leave it to the outer one.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

YOUNG_THRESHOLD = 50_000  # new container objects between two young collections (CPython's default: 700)
OLDER_THRESHOLDS = (20, 20)  # young collections per middle one, middle ones per full one (default: 10, 10)
FULL_COLLECTION_GROWTH = 0.25  # a build starts with a full collection when the heap grew by this share
#: How many memory blocks were allocated right after the last full collection ``begin`` made.
_after_full = {"blocks": 0}


def active() -> bool:
    """Is a ``fewer_collections`` block running (in this process)?"""
    return gc.get_threshold()[0] == YOUNG_THRESHOLD


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Within the block: rarer collections, and what is alive now frozen (see the module's docstring).

    Nested blocks leave everything to the outermost one.
    """
    previous = begin()
    try:
        yield
    finally:
        end(previous)


def begin() -> tuple[int, ...] | None:
    """Start what ``fewer_collections`` does, for a block that spans callbacks (the MkDocs hook's
    events); returns what ``end`` needs, None when a block is already running or GC is off."""
    if active() or not gc.isenabled():
        return None
    previous = gc.get_threshold()
    if sys.getallocatedblocks() > _after_full["blocks"] * (1 + FULL_COLLECTION_GROWTH):
        gc.collect()  # garbage of earlier work (a served site's last builds) is not frozen with the living
        _after_full["blocks"] = sys.getallocatedblocks()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
    return previous


def end(previous: tuple[int, ...] | None) -> None:
    """End a block ``begin`` started (None: it started none)."""
    if previous is not None:
        gc.set_threshold(*previous)
        gc.unfreeze()


def settle() -> None:
    """After a build of a long-lived process (``briefing serve``), outside any block: the full
    collection the next build's ``begin`` would make (the heap grew by more than a quarter: the
    first build's articles, memos and site), made now, so that the next rebuild (an edit the
    editor waits to see) does not start with it."""
    if active() or not gc.isenabled() or gc.get_freeze_count():
        return
    if sys.getallocatedblocks() > _after_full["blocks"] * (1 + FULL_COLLECTION_GROWTH):
        gc.collect()
        _after_full["blocks"] = sys.getallocatedblocks()


def freeze_long_lived() -> None:
    """Inside ``fewer_collections``: stop tracking what is alive now (it lives until the block ends)."""
    if active():
        gc.freeze()


def collecting_less(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: ``func`` runs inside ``fewer_collections``."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with fewer_collections():
            return func(*args, **kwargs)

    return wrapper
