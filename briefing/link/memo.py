"""What linking computes of one claim alone, kept between runs: most of the claim graph's nodes.

Every claim node needs its content words, its features (stems and bigrams) and its
``verify.Profile``. The words and features are functions of the claim's text; the profile
also of the claim's day dates, whether it dates anything, and of the corpus's name stems,
but of those only through the names the claim itself writes with a capital (``named``).
So each is keyed by exactly what it reads, and one edited article leaves every other
claim's entries valid: a rebuild computes only the changed claims' (and those whose own
names changed status). The result is the same as without the memo, bit for bit.

The memo is one file in the cache folder (``MEMO_FILE``), written with ``marshal`` (plain
tuples, frozensets, strings and numbers: nothing to execute on load). It names the data
code and the Python version: when either changed it starts empty. Entries this run did not
use are dropped when it is saved, so the file tracks the corpus. Any read or write error
makes a memo that remembers nothing, never a failure.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .index import content_words, features
from .verify import Profile, Quantity, profile

MEMO_FILE = "link-memo.bin"  # under the cache folder
FORMAT = 1

Words = tuple[tuple[str, bool, bool], ...]
Features = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _version() -> str:
    from .. import incremental

    return "\0".join([str(FORMAT), sys.version, incremental.code_digest(incremental.DATA_CODE)])


def _profile_to_tuple(p: Profile) -> tuple[Any, ...]:
    return (p.names, p.plain, tuple((q.unit, q.value, q.bound, q.label, q.start) for q in p.counts), p.days,
            p.linkable, p.dated, p.lead, p.subject, p.headline, p.numbers)


def _profile_from_tuple(t: tuple[Any, ...]) -> Profile:
    names, plain, counts, days, linkable, dated, lead, subject, headline, numbers = t
    return Profile(names=names, plain=plain, counts=tuple(Quantity(*q) for q in counts), days=days,
                   linkable=linkable, dated=dated, lead=lead, subject=subject, headline=headline, numbers=numbers)


class ClaimMemo:
    """Words, features and profiles of claims, by exactly what each reads; ``path`` None: in memory only."""

    def __init__(self, path: Path | None = None,
                 handed: dict[int, tuple[Any, tuple[Any, ...], dict[str, Any]]] | None = None) -> None:
        self.path = path
        #: What ``per_node`` functions found of the nodes of this run (``node_answers``), by the
        #: node's claim object: (claim, all else the node is made of, what was found); ``handed``:
        #: the same of the previous run in this process, for a node of this run made of the same.
        self.nodes: dict[int, tuple[Any, tuple[Any, ...], dict[str, Any]]] = {}
        self._handed = handed or {}
        self._old: dict[str, dict[Any, Any]] = {"words": {}, "features": {}, "profile": {}}
        self._used: dict[str, dict[Any, Any]] = {"words": {}, "features": {}, "profile": {}}
        self._missing = object()
        self.hits = 0
        self.misses = 0
        if path is not None:
            try:
                version, tables = marshal.loads(path.read_bytes())
                if version == _version() and isinstance(tables, dict) \
                        and all(isinstance(v, dict) for v in tables.values()):
                    self._old = {**self._old, **tables}
                    self._used.update({k: {} for k in tables if k not in self._used})
            except (OSError, ValueError, TypeError, EOFError):
                pass

    def node_answers(self, claim: Any, made_of: tuple[Any, ...]) -> dict[str, Any]:
        """The dict ``per_node`` functions keep their answers in for the node of ``claim`` made of
        ``made_of`` (all else it is made of: tuples of strings and the claim's source and events):
        the previous run's, when that run had a node of this very claim object made of the same;
        else a new one. The node's words, features and profile are functions of its claim's text,
        the names it writes with a capital, its day dates, whether it dates anything and its
        insertions' names, which ``made_of`` stands for."""
        before = self._handed.get(id(claim))
        known = before[2] if before is not None and before[0] is claim and before[1] == made_of else {}
        self.nodes[id(claim)] = (claim, made_of, known)
        return known

    def _get(self, table: str, key: Any, compute: Callable[[], Any]) -> Any:
        used = self._used.get(table)
        if used is None:
            used = self._used[table] = {}
            self._old.setdefault(table, {})
        elif key in used:
            return used[key]
        value = self._old[table].get(key, self._missing)
        if value is self._missing:
            self.misses += 1
            value = compute()
        else:
            self.hits += 1
        used[key] = value
        return value

    def words(self, text: str) -> list[tuple[str, bool, bool]]:
        """``index.content_words(text)``."""
        return list(self._get("words", text, lambda: tuple(content_words(text))))

    def features(self, text: str, words: list[tuple[str, bool, bool]]) -> Features:
        """``index.features(text, words)``; ``words`` must be ``content_words(text)``."""
        return self._get("features", text, lambda: features(text, words))  # type: ignore[no-any-return]

    def profile(self, text: str, words: list[tuple[str, bool, bool]], names: frozenset[str],
                days: frozenset[str], dated: bool) -> Profile:
        """``verify.profile(text, words, names, days, dated)``; ``words`` must be ``content_words(text)``.

        Keyed by the names the claim writes with a capital among ``names``: all the profile reads of them.
        """
        named = frozenset(w[0] for w in words if not w[1] and w[0] in names)
        key = (text, named, days, dated)
        return _profile_from_tuple(self._get("profile", key, lambda: _profile_to_tuple(
            profile(text, words, names, days, dated))))

    def value(self, table: str, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered under ``key`` in ``table``: the key must hold everything
        ``compute`` reads (the code is in the memo's version), and the value must be one
        ``marshal`` writes (None, bools, numbers, strings, tuples, frozensets of them)."""
        return self._get(table, key, compute)

    def save(self) -> None:
        """Write the entries this run used (and only those) to ``path``."""
        if self.path is None or (not self.misses and all(
                len(self._used[k]) == len(self._old.get(k, ())) for k in self._old.keys() | self._used.keys())):
            return
        try:
            data = marshal.dumps((_version(), self._used))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            pass
