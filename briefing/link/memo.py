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
code and the Python version: when either changed it starts empty. A run appends the entries
it computed as one more record; when more than ``STALE_SHARE`` of the file is entries the run
did not use, it writes the used ones alone instead, so the file tracks the corpus and a
one-article edit writes only that article's entries. A long-lived process hands its memo to
its next run (``previous``), which then need not read the file at all. Any read or write
error makes a memo that remembers nothing, never a failure.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .index import content_words, features, name_counts, names_among, shared_words
from .verify import Profile, Quantity, profile

MEMO_FILE = "link-memo.bin"  # under the cache folder
FORMAT = 3
#: Each record of the file is its length in this many bytes (little-endian), then its ``marshal`` bytes.
RECORD_HEADER = 8
#: ``save`` appends this run's new entries to the file, until more than this share of what the
#: file holds is entries no run uses any more: then it writes the used entries alone.
STALE_SHARE = 0.25

#: The tables of what ``per_node`` functions found of a node, by the node's key (``node_key``).
NODE_TABLE = "node:"
Words = tuple[tuple[str, bool, bool], ...]
Features = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _version() -> str:
    from .. import incremental

    return "\0".join([str(FORMAT), sys.version, incremental.code_digest(incremental.DATA_CODE)])


def _profile_to_tuple(p: Profile) -> tuple[Any, ...]:
    return (p.names, p.plain, tuple((q.unit, q.value, q.bound, q.label, q.start) for q in p.counts), p.days,
            p.linkable, p.dated, p.lead, p.subject, p.headline, p.numbers, p.core, p.won)


def _profile_from_tuple(t: tuple[Any, ...]) -> Profile:
    names, plain, counts, days, linkable, dated, lead, subject, headline, numbers, core, won = t
    # an empty set read from the file is the shared one, as ``verify.profile`` makes it; a
    # core that was its plain set (one object in the record) stays that set
    core = shared_words(plain) if core is plain else shared_words(core)
    return Profile(names=shared_words(names), plain=shared_words(plain), counts=tuple(Quantity(*q) for q in counts),
                   days=shared_words(days), linkable=linkable, dated=dated, lead=shared_words(lead),
                   subject=shared_words(subject), headline=headline, numbers=shared_words(numbers), core=core,
                   won=shared_words(won))


def profile_key(text: str, words: list[tuple[str, bool, bool]], names: frozenset[str],
                days: frozenset[str], dated: bool, capitals: frozenset[str] | None = None) -> tuple[Any, ...]:
    """What ``verify.profile`` reads: the text, the names it writes with a capital among
    ``names``, its day dates, whether it dates anything (``words``: ``content_words(text)``;
    ``capitals``: the stems of its words written with a capital, when already at hand)."""
    if capitals is None:
        capitals = frozenset(w[0] for w in words if not w[1])
    return text, capitals & names, days, dated


def _plain(value: Any) -> bool:
    """Is ``value`` one ``marshal`` writes and reads back equal and of the same type (None,
    bools, numbers, strings, and tuples and frozensets of them)?"""
    if value is None or type(value) in (bool, int, float, str):
        return True
    if type(value) in (tuple, frozenset):
        return all(type(v) is str or _plain(v) for v in value)
    return False


def _record(value: Any) -> tuple[bytes, bytes]:
    """One record of the file: its length, then ``value`` in ``marshal``'s bytes (read back whole
    with ``marshal.loads``, much faster than ``marshal.load`` from a file object); two parts, so
    that writing it copies no large bytes."""
    data = marshal.dumps(value)
    return len(data).to_bytes(RECORD_HEADER, "little"), data


def _stat_of(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


class ClaimMemo:
    """Words, features and profiles of claims, by exactly what each reads; ``path`` None: in memory only.

    ``previous``: the memo of the previous run in this process (``briefing serve``), saved since:
    its tables are taken over instead of reading the file again (when the file is still the one
    it wrote), and its nodes, with what ``per_node`` functions found of them, are handed on."""

    def __init__(self, path: Path | None = None,
                 handed: dict[int, tuple[Any, tuple[Any, ...], dict[str, Any]]] | None = None,
                 previous: ClaimMemo | None = None) -> None:
        self.path = path
        #: What ``per_node`` functions found of the nodes of this run (``node_answers``), by the
        #: node's claim object: (claim, all else the node is made of, what was found); ``handed``:
        #: the same of the previous run in this process, for a node of this run made of the same.
        self.nodes: dict[int, tuple[Any, tuple[Any, ...], dict[str, Any]]] = {}
        self._handed = handed if handed is not None else (previous.nodes if previous is not None else {})
        #: The nodes this run built, by their claim object: (claim, what else they were built of,
        #: the node, its words/features/profile keys, the stems whose being names it read); and
        #: the corpus's name stems (``same_names``).
        self.built: dict[int, tuple[Any, tuple[Any, ...], Any, tuple[Any, ...], tuple[str, ...]]] = {}
        self.names: frozenset[str] | None = None
        self._built_before = previous.built if previous is not None else {}
        self._names_before = previous.names if previous is not None else None
        self._changed_names: frozenset[str] | None = None
        self._sources_compared: dict[tuple[int, int], bool] = {}
        #: Each node's key (``node_key``) by its claim object, this run's and the previous run's in
        #: this process; each article's key by its source object (``name_articles``).
        self.keys: dict[int, bytes | None] = {}
        self._keys_before = previous.keys if previous is not None else {}
        #: Values kept in this process only (``kept``), by table then key: this run's, and the previous run's.
        self.kept_values: dict[str, dict[Any, Any]] = {}
        self._kept_values_before = previous.kept_values if previous is not None else {}
        #: The texts ``name_stems`` was asked of (how many times each), its counts of their stems'
        #: uses (all, with a capital) and its answer: this run's, and the previous run's.
        self.name_counts: tuple[Counter[str], dict[str, int], dict[str, int], frozenset[str]] | None = None
        self._name_counts_before = previous.name_counts if previous is not None else None
        self._articles: dict[int, tuple[Any, str]] = {}
        self._node_tables: list[tuple[str, dict[Any, Any]]] | None = None  # (per_node name, table)
        self._old: dict[str, dict[Any, Any]] = {"words": {}, "features": {}, "profile": {}}
        self._used: dict[str, dict[Any, Any]] = {"words": {}, "features": {}, "profile": {}}
        self._new: dict[str, dict[Any, Any]] = {}  # the entries this run computed (not in the file)
        #: This run's profiles as objects (the tables hold them as tuples, for ``marshal``).
        self._profiles: dict[Any, Profile] = {}
        self._missing = object()
        #: The file as this memo last read or wrote it (stat), and how many entries its records
        #: hold (None: unknown, or not of this version): what ``save`` may append to.
        self._stat: tuple[int, int] | None = None
        self._file_entries: int | None = None
        self._in_file = False  # every entry this memo's tables hold is in the file
        #: How many answers each node's ``known`` held when ``_keep_node_answers`` put them in the
        #: tables, by the node's claim object (None: it did not, or two nodes had one key); and the
        #: previous run's nodes, keys and those counts, when this memo took its tables over.
        self._kept_sizes: dict[int, int] | None = None
        self._answers_before: tuple[dict[int, Any], dict[int, bytes | None], dict[int, int]] | None = None
        self.hits = 0
        self.misses = 0
        if previous is not None and previous.path == path and previous._file_current():
            # the previous run in this process: its tables are in the file, without reading it
            self._old = {**self._old, **previous._used}
            self._used.update({k: {} for k in previous._used if k not in self._used})
            self._stat, self._file_entries = previous._stat, previous._file_entries
            if previous._kept_sizes is not None:
                self._answers_before = (previous.nodes, previous.keys, previous._kept_sizes)
        elif path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        """Load the file's records: the full tables, then what later runs appended."""
        try:
            self._stat = _stat_of(path)
            data = path.read_bytes()
        except OSError:
            return
        view, at, entries = memoryview(data), 0, 0
        whole = True  # every record read to the end of the file, all of this version
        collecting = gc.isenabled()
        gc.disable()  # (loading makes no cycles: the collector would walk the new tables for nothing)
        try:
            while at < len(data):
                length = int.from_bytes(view[at:at + RECORD_HEADER], "little")
                start, at = at + RECORD_HEADER, at + RECORD_HEADER + length
                if at > len(data):
                    whole = False  # a record cut short: keep what came before it
                    break
                try:
                    version, tables = marshal.loads(view[start:at])
                except (EOFError, ValueError, TypeError):
                    whole = False  # a damaged record: keep what came before it
                    break
                if version != _version() or not isinstance(tables, dict) \
                        or not all(isinstance(v, dict) for v in tables.values()):
                    whole = False
                    break
                for name, table in tables.items():
                    self._old.setdefault(name, {}).update(table)
                    self._used.setdefault(name, {})
                    entries += len(table)
        finally:
            if collecting:
                gc.enable()
        # ``save`` appends only to a file read whole; any other is written afresh
        self._file_entries = entries if whole and entries else None

    def _file_current(self) -> bool:
        """Is every entry of this memo's tables in its file, which is still as it left it?"""
        if self.path is None:
            return True
        if not self._in_file:
            return False
        try:
            return _stat_of(self.path) == self._stat
        except OSError:
            return False

    def name_articles(self, sources: Any, keys: Any) -> None:
        """The extraction cache's key of each source (``cache.cache_key`` of its article, same
        order): a name of all the source and its extraction are made of, which ``article_key``
        then need not work out."""
        self._articles = {id(source): (source, key) for source, key in zip(sources, keys, strict=True)}

    def article_key(self, source: Any, extraction: Any) -> str | None:
        """A key naming exactly what ``source`` and ``extraction`` are: the extraction cache's
        (``name_articles``), else a digest of both; None for a memo that keeps nothing between
        runs (no file), which has no use for it."""
        if self.path is None:
            return None
        named = self._articles.get(id(source))
        if named is not None and named[0] is source:
            return named[1]  # type: ignore[no-any-return]
        return hashlib.blake2b(pickle.dumps((source, extraction), protocol=5), digest_size=16).hexdigest()

    @staticmethod
    def node_key(article: str | None, made_of: tuple[Any, ...]) -> bytes | None:
        """The key of a node of the article ``article`` (``article_key``) made of ``made_of``
        (plain tuples of strings, numbers and bools: the claim's place in the article and what
        the node reads of the corpus): what ``per_node`` functions find of the node and whether
        two nodes tell one fact are kept under it."""
        if article is None:
            return None
        return hashlib.blake2b(repr((article, made_of)).encode(), digest_size=16).digest()

    def node_answers(self, claim: Any, made_of: tuple[Any, ...], key: bytes | None = None) -> dict[str, Any]:
        """The dict ``per_node`` functions keep their answers in for the node of ``claim`` made of
        ``made_of`` (all else it is made of: tuples of strings and the claim's source and events):
        the previous run's, when that run had a node of this very claim object made of the same;
        else one holding what earlier runs found of a node of the same ``key`` (``node_key``).
        The node's words, features and profile are functions of its claim's text, the names it
        writes with a capital, its day dates, whether it dates anything and its insertions' names,
        which ``made_of`` stands for."""
        before = self._handed.get(id(claim))
        self.keys[id(claim)] = key
        if before is not None and before[0] is claim and before[1] == made_of:
            known = before[2]
        else:
            known = {}
            if key is not None:
                missing = self._missing
                if self._node_tables is None:
                    self._node_tables = [(t[len(NODE_TABLE):], found) for t, found in self._old.items()
                                         if t.startswith(NODE_TABLE)]
                for name, found in self._node_tables:
                    if (value := found.get(key, missing)) is not missing:
                        known[name] = value
        self.nodes[id(claim)] = (claim, made_of, known)
        return known

    def node_key_of(self, claim: Any) -> bytes | None:
        """The key (``node_key``) of this run's node of ``claim``."""
        return self.keys.get(id(claim))

    def linked(self, a: bytes | None, b: bytes | None, reads: tuple[int, ...], compute: Callable[[], bool]) -> bool:
        """``compute()``: whether the nodes of keys ``a`` and ``b`` tell one fact, remembered
        under both keys and ``reads`` (small numbers: all else the verdict reads, such as which
        thresholds their similarity reaches)."""
        if a is None or b is None:
            return compute()
        return self._get("linked", a + b + bytes(reads), compute)  # type: ignore[no-any-return]

    def _keep_node_answers(self) -> None:
        """Put what ``per_node`` functions found of this run's nodes in the tables, by node key
        (answers ``marshal`` can write, only).

        A node handed on from the previous run (the very entry of its ``nodes``, with its key and
        as many answers as that run put in the tables) has its answers in that run's tables,
        which this memo took over: those tables, less the keys of that run's other nodes, are
        this run's for them, without walking them again (when no two nodes of either run share a
        key: then each key's entries are its one node's)."""
        unique = len(set(self.keys.values())) == len(self.keys)
        walk: Any = self.nodes.items()
        sizes: dict[int, int] = {}
        if self._answers_before is not None and unique:
            nodes_before, keys_before, sizes_before = self._answers_before
            walk, kept = [], set()
            for cid, entry in self.nodes.items():
                # (the very entry: ``node_before`` handed it on, with its key)
                if nodes_before.get(cid) is entry and sizes_before.get(cid) == len(entry[2]):
                    kept.add(cid)
                else:
                    walk.append((cid, entry))
            gone = nodes_before.keys() - kept
            gone_keys = {keys_before.get(cid) for cid in gone}
            for table, found in self._old.items():
                if table.startswith(NODE_TABLE):
                    used = dict(found)  # (the previous run's: what it kept of its nodes, and nothing else)
                    for key in gone_keys:
                        used.pop(key, None)
                    self._used[table] = used
            sizes = dict(sizes_before)
            for cid in gone:
                sizes.pop(cid, None)
        missing = self._missing
        for cid, (_claim, _made_of, known) in walk:
            key = self.keys.get(cid)
            if key is None:
                continue
            sizes[cid] = len(known)
            for name, value in known.items():
                table = NODE_TABLE + name
                used = self._used.get(table)
                if used is None:
                    used = self._used[table] = {}
                    self._old.setdefault(table, {})
                if key in used or not _plain(value):
                    continue
                used[key] = value
                if self._old[table].get(key, missing) is missing:
                    self._new.setdefault(table, {})[key] = value
        self._kept_sizes = sizes if unique else None

    def name_stems(self, texts: Sequence[str], words: Sequence[list[tuple[str, bool, bool]]]) -> frozenset[str]:
        """``index.name_stems(words)``; ``words``: ``content_words`` of each of ``texts``, same order.
        The stem counts it reads are sums over the texts, in any order: after a run in this
        process they are that run's, plus those of the texts that came since, less those of the
        texts that went, and only the stems of those texts can change from name to word or back."""
        seen = Counter(texts)
        before = self._name_counts_before
        if before is None:
            total, capital = name_counts(words)
            total, capital = dict(total), dict(capital)
            names = names_among(total, total, capital)
        elif seen == before[0]:
            _seen, total, capital, names = before
        else:
            seen_before, total, capital, names = before
            total, capital = dict(total), dict(capital)  # (the previous run's stay as they were)
            touched: set[str] = set()
            for change, sign in ((seen - seen_before, 1), (seen_before - seen, -1)):
                for text, times in change.items():
                    for stem_, plain, _quoted in content_words(text):
                        touched.add(stem_)
                        total[stem_] = total.get(stem_, 0) + sign * times
                        capital[stem_] = capital.get(stem_, 0) + sign * times * (not plain)
                        if not total[stem_]:
                            del total[stem_], capital[stem_]
            names = (names - touched) | names_among(touched, total, capital)
        self.name_counts = (seen, total, capital, names)
        return names

    def same_names(self, names: frozenset[str]) -> frozenset[str] | None:
        """Record this run's corpus name stems -> the stems that are a name in this run or in the
        previous one in this process but not in both (None: no previous run). ``node_before``
        hands on a node of that run only when it reads none of them."""
        self.names = names
        self._changed_names = None if self._names_before is None else names ^ self._names_before
        return self._changed_names

    def node_before(self, claim: Any, inputs: tuple[Any, ...]) -> Any | None:
        """The node the previous run in this process built of this very claim object from equal
        ``inputs`` (all else a node is built of: its source, sentence number, position, claim
        count and events), when it reads no stem whose being a name changed (``same_names``);
        else None. Its memo entries count as used, and what ``per_node`` functions found of it
        is handed on."""
        if self._changed_names is None:
            return None
        before = self._built_before.get(id(claim))
        answers = self._handed.get(id(claim))
        if before is None or answers is None or before[0] is not claim or answers[0] is not claim \
                or before[1][1:] != inputs[1:] or not self._same_source(before[1][0], inputs[0]) \
                or not self._changed_names.isdisjoint(before[4]):
            return None
        keys = before[3]
        for table, key in zip(("words", "features", "profile"), keys, strict=True):
            if key not in self._used[table]:
                value = self._old[table].get(key, self._missing)
                if value is self._missing:
                    return None  # (not from this memo's tables: build it again)
                self._used[table][key] = value
                self.hits += 1
        self.nodes[id(claim)] = answers
        self.keys[id(claim)] = self._keys_before.get(id(claim))
        self.built[id(claim)] = before
        return before[2]

    def _same_source(self, before: Any, now: Any) -> bool:
        """``before == now``, asked once per pair of source objects (all claims of an article ask)."""
        if before is now:
            return True
        key = (id(before), id(now))  # both live through this run (``built`` and the run hold them)
        same = self._sources_compared.get(key)
        if same is None:
            same = self._sources_compared[key] = before == now
        return same

    def node_built(self, claim: Any, inputs: tuple[Any, ...], node: Any, keys: tuple[Any, ...],
                   reads: tuple[str, ...]) -> None:
        """Keep the node this run built of ``claim`` from ``inputs`` (see ``node_before``), with
        its keys in the words, features and profile tables (``profile_key``) and the stems whose
        being a name or not it read (``reads``)."""
        self.built[id(claim)] = (claim, inputs, node, keys, reads)

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
            self._new.setdefault(table, {})[key] = value
        else:
            self.hits += 1
        used[key] = value
        return value

    def words(self, text: str) -> list[tuple[str, bool, bool]]:
        """``index.content_words(text)``."""
        return list(self._get("words", text, lambda: tuple(content_words(text))))

    def features(self, text: str, words: list[tuple[str, bool, bool]]) -> Features:
        """``index.features(text, words)``; ``words`` must be ``content_words(text)``."""
        found = self._get("features", text, lambda: features(text, words))
        # (an empty set read back from the file is the shared one, as ``index.features`` makes it)
        return found if all(found) else tuple(map(shared_words, found))  # type: ignore[no-any-return]

    def profile(self, text: str, words: list[tuple[str, bool, bool]], names: frozenset[str],
                days: frozenset[str], dated: bool, key: tuple[Any, ...] | None = None) -> Profile:
        """``verify.profile(text, words, names, days, dated)``; ``words`` must be ``content_words(text)``.

        Keyed by the names the claim writes with a capital among ``names``: all the profile reads of them
        (``key``: ``profile_key(text, words, names, days, dated)``, when already at hand).
        """
        key = profile_key(text, words, names, days, dated) if key is None else key
        known = self._profiles.get(key)
        if known is not None:
            return known
        made: list[Profile] = []

        def compute() -> tuple[Any, ...]:
            made.append(profile(text, words, names, days, dated))
            return _profile_to_tuple(made[0])

        row = self._get("profile", key, compute)
        found = made[0] if made else _profile_from_tuple(row)
        self._profiles[key] = found
        return found

    def value(self, table: str, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered under ``key`` in ``table``: the key must hold everything
        ``compute`` reads (the code is in the memo's version), and the value must be one
        ``marshal`` writes (None, bools, numbers, strings, tuples, frozensets of them)."""
        return self._get(table, key, compute)

    def kept(self, table: str, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered under ``key`` in ``table`` for the next run in this process
        (never in the file: for values cheap enough to make again in a new process): the key must
        hold everything ``compute`` reads, and no caller may change the value. Only the entries
        this run asked for are handed on."""
        here = self.kept_values.get(table)
        if here is None:
            here = self.kept_values[table] = {}
        elif key in here:
            return here[key]
        value = self._kept_values_before.get(table, {}).get(key, self._missing)
        if value is self._missing:
            value = compute()
        here[key] = value
        return value

    def save(self) -> None:
        """Keep the entries this run used in ``path``: append those it computed to the file,
        or write the used entries alone when the file would otherwise hold more than
        ``STALE_SHARE`` of entries no run uses (so the file tracks the corpus)."""
        if self.path is not None:
            self._keep_node_answers()
        self._let_go_of_the_previous_run()
        if self.path is None:
            return
        used = sum(len(table) for table in self._used.values())
        new = sum(len(table) for table in self._new.values())
        current = self._file_entries is not None and self._stat is not None and self._stat_unchanged()
        if current and (self._file_entries or 0) + new - used <= STALE_SHARE * used:
            if new:
                self._write(_record((_version(), self._new)), append=True)
                self._file_entries = (self._file_entries or 0) + new if self._in_file else None
            else:
                self._in_file = True  # the file holds them already
        else:
            self._write(_record((_version(), self._used)), append=False)
            self._file_entries = used if self._in_file else None
        if self._in_file:
            self._new = {}  # (in the file now: a second save appends nothing again)

    def _let_go_of_the_previous_run(self) -> None:
        """Drop what only this run needed of earlier ones (their tables, nodes and profiles), so
        that a long-lived process holding this memo for its next run holds no more than that
        run takes over (and its collector walks no more)."""
        self._old = {name: {} for name in self._old}
        self._node_tables = None
        self._handed, self._built_before, self._profiles, self._keys_before = {}, {}, {}, {}
        self._kept_values_before = {}
        self._answers_before = None
        self._name_counts_before = None

    def _stat_unchanged(self) -> bool:
        try:
            return _stat_of(self.path) == self._stat  # type: ignore[arg-type]
        except OSError:
            return False

    def _write(self, data: tuple[bytes, ...], append: bool) -> None:
        """Append ``data`` to the file, or replace the file with it (atomically); ``_in_file``
        says whether that worked. Any error leaves a memo that saved nothing."""
        self._in_file = False
        path = self.path
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if append:
                with path.open("ab") as handle:
                    handle.writelines(data)
            else:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.writelines(data)
                    os.replace(tmp, path)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
            self._stat = _stat_of(path)
            self._in_file = True
        except (OSError, ValueError):
            pass
