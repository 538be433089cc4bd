"""Briefing <-> YAML and JSON: the only module that knows the file formats.

Writing is deterministic (fixed field order, sorted lists come sorted from link, no
timestamps) and atomic (a temporary file renamed into place). Loading validates
every field against the model's type hints and names the field that is wrong.
"""

from __future__ import annotations

import dataclasses
import filecmp
import functools
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .model import Briefing, BriefingError


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[str, bool], ...] | None:
    """A class -> (name, compare) of each of its dataclass fields, in order; None when it is
    no dataclass. Computed once per class: writing a briefing visits millions of values."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple((f.name, f.compare) for f in dataclasses.fields(cls))


def to_data(obj: Any) -> Any:
    """Dataclasses -> plain dicts and lists, fields in declaration order; None kept.

    A field outside comparison (``compare=False``) appears only when set (truthy).
    """
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    fields = _fields_of(type(obj))
    if fields is not None:
        out = {}
        for name, compare in fields:
            value = getattr(obj, name)
            if compare or value:
                out[name] = to_data(value)
        return out
    if isinstance(obj, (list, tuple)):
        return [to_data(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    return obj


T = typing.TypeVar("T")
#: What was computed of objects that outlive a run, by identity (``kept``): sources, which the
#: extraction cache hands to every rebuild of a long-lived process. Only what the last run
#: asked for is kept (``forget_untouched``), and at most ``KEPT_ENTRIES`` (a ceiling, as
#: ``BY_VALUE_ENTRIES``: a run asks about five per article).
KEPT_ENTRIES = 1_000_000
_kept: dict[tuple[int, str], tuple[Any, Any]] = {}
_kept_touched: set[tuple[int, str]] = set()


def forget_untouched() -> None:
    """Forget what ``kept`` holds of objects no call asked about since the last call (a run's end),
    and what ``by_value`` holds of items no call asked about in that run."""
    for key in [k for k in _kept if k not in _kept_touched]:
        del _kept[key]
    _kept_touched.clear()
    _by_value["last"], _by_value["now"] = _by_value["now"], {}
    _values["last"], _values["now"] = _values["now"], {}
    _values["ids"].clear()


#: What was computed of briefing items (a quote, a fact) by their value (``by_value``): linking
#: makes new objects at every run, equal to the last run's for every item an edit did not touch.
#: "last": the entries of the last run (until ``forget_untouched``), "now": this run's.
#: ``BY_VALUE_ENTRIES``: a ceiling only (a run holds what it asked, the last run's are dropped at
#: its end): reached, this run's entries are forgotten and the next run makes them all again. A
#: run asks about 24 per article (each item's data, its What's new entry, its page's key), so the
#: ceiling stands far above any corpus we build: at 200,000, a run of 10,000 articles passed it
#: and every rebuild wrote the JSON of every item again (7 s of a 36 s one-article edit).
BY_VALUE_ENTRIES = 5_000_000
_by_value: dict[str, dict[Any, Any]] = {"last": {}, "now": {}}
_MISSING = object()
#: Bytes buffered before each write to the system by the streamed data files (``write_chunks``,
#: ``write_data_files``): Python's default 8 KB made a 17 MB briefing.json 2,000 writes, each a
#: change notification to whatever watches docs/ (``briefing serve``: about 7,000 events, handled
#: while the build runs, at every rebuild of 1,000 articles).
WRITE_BUFFER = 1 << 20


def _exact(item: Any) -> tuple[str, ...]:
    """What equality does not tell of an item and its JSON shows: the exact text of its float fields
    (1 == 1.0 and 0.0 == -0.0, but their JSON differs). Floats of the model: ranks, at the top level."""
    fields = _float_fields(type(item))
    return tuple(repr(getattr(item, name)) for name in fields) if fields else ()


@functools.cache
def _float_fields(cls: type) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls)
                 if hints[f.name] is float or float in typing.get_args(hints[f.name]))


@functools.cache
def _memoizable(cls: type, nested: bool = False) -> bool:
    """Items whose value (== and hash, with ``_exact``) says their JSON: frozen dataclasses whose nested
    dataclasses have no float field."""
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return False
    if nested and _float_fields(cls):
        return False
    for tp in typing.get_type_hints(cls).values():
        for arg in (tp, *typing.get_args(tp)):
            if isinstance(arg, type) and dataclasses.is_dataclass(arg) and not _memoizable(arg, True):
                return False
    return True


class _Value:
    """An item with ``_exact`` of it, as ``by_value`` keys it: hashed once, and one object for all
    equal items of two runs (``_value_of``), so that a look-up compares by identity, not field by field."""

    __slots__ = ("exact", "hash", "item")

    def __init__(self, item: Any) -> None:
        self.item = item
        self.exact = _exact(item)
        self.hash = hash((item, self.exact))  # TypeError: an unhashable value inside

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, _Value) and self.hash == other.hash
                                 and self.item == other.item and self.exact == other.exact)


#: ``by_value``'s keys: "ids": id of an item asked about in this run -> (the item, its ``_Value``);
#: "last", "now": each ``_Value`` of the last run and of this one, by itself (one object per value).
#: An item asked about again in a run (its data, its page's key, its edition's entry) is neither
#: hashed nor compared again: hashing a fact hashes each of its citations (a Python call each).
_values: dict[str, dict[Any, Any]] = {"ids": {}, "last": {}, "now": {}}


def _value_of(item: Any) -> _Value:
    """The ``_Value`` of ``item``: the same object for the same item in a run, and for equal items."""
    ids, number = _values["ids"], id(item)
    seen = ids.get(number)
    if seen is not None and seen[0] is item:
        return seen[1]  # type: ignore[no-any-return]
    value = _Value(item)
    now = _values["now"]
    known = now.get(value) or _values["last"].get(value) or value
    if len(now) >= BY_VALUE_ENTRIES or len(ids) >= BY_VALUE_ENTRIES:
        now.clear()
        ids.clear()
    now[known] = known
    ids[number] = (item, known)  # (the item kept with it: its id is not reused meanwhile)
    return known  # type: ignore[no-any-return]


def by_value(item: Any, purpose: str, compute: Callable[[], T], also: tuple[str, ...] = ()) -> T:
    """``compute()``, a pure function of the value of the frozen ``item`` (a quote, a fact) and of
    ``also``, remembered by them for the next run of this process (``forget_untouched`` ends a run):
    asked again of an equal item, the same answer, without the work."""
    if not _memoizable(type(item)):
        return compute()
    try:
        key = (purpose, _value_of(item), also)
    except TypeError:  # an unhashable value inside
        return compute()
    now = _by_value["now"]
    hit = now.get(key, _MISSING)
    if hit is _MISSING:
        hit = _by_value["last"].get(key, _MISSING)
        if hit is _MISSING:
            hit = compute()
        if len(now) >= BY_VALUE_ENTRIES:
            now.clear()
        now[key] = hit
    return hit  # type: ignore[no-any-return]


def kept(obj: Any, purpose: str, compute: Callable[[], T]) -> T:
    """``compute()``, a pure function of the immutable ``obj``, remembered with ``obj`` itself
    (so its id cannot be reused meanwhile): asked again of the same object, the same answer.
    Only for objects that live on between runs; others would only fill the memory."""
    key = (id(obj), purpose)
    _kept_touched.add(key)
    hit = _kept.get(key)
    if hit is not None and hit[0] is obj:
        return hit[1]  # type: ignore[no-any-return]
    value = compute()
    if len(_kept) >= KEPT_ENTRIES:
        _kept.clear()
    _kept[key] = (obj, value)
    return value


Converter = Callable[[Any, str], Any]


def _convert(tp: Any, value: Any, where: str) -> Any:
    """One value -> the type ``tp`` (a model field's type), checked; errors name ``where``."""
    return _converter(tp)(value, where)


@functools.cache
def _converter(tp: Any) -> Converter:
    """A field type -> a function checking and converting values of it, built once per type.

    Loading cached extractions converts tens of thousands of values, so the type is
    inspected here once instead of at every value.
    """
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        nullable = type(None) in args
        options = tuple(_converter(arg) for arg in args if arg is not type(None))

        def union(value: Any, where: str) -> Any:
            if value is None and nullable:
                return None
            errors = []
            for option in options:
                try:
                    return option(value, where)
                except BriefingError as err:
                    errors.append(str(err))
            raise BriefingError(errors[0] if errors else f"{where}: unexpected value")
        return union
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _converter(args[0])

            def many(value: Any, where: str) -> Any:
                if not isinstance(value, (list, tuple)):
                    raise BriefingError(f"{where}: expected a list, got {type(value).__name__}")
                return tuple(each(v, f"{where}[{i}]") for i, v in enumerate(value))
            return many
        items = tuple(_converter(arg) for arg in args)

        def fixed(value: Any, where: str) -> Any:
            if not isinstance(value, (list, tuple)):
                raise BriefingError(f"{where}: expected a list, got {type(value).__name__}")
            if len(items) != len(value):
                raise BriefingError(f"{where}: expected {len(items)} items, got {len(value)}")
            return tuple(c(v, f"{where}[{i}]") for i, (c, v) in enumerate(zip(items, value, strict=True)))
        return fixed
    if dataclasses.is_dataclass(tp):
        return lambda value, where: from_data(tp, value, where)
    if tp in (str, int, float, bool):
        def scalar(value: Any, where: str) -> Any:
            if tp is float and isinstance(value, int) and not isinstance(value, bool):
                return float(value)
            if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
                raise BriefingError(f"{where}: expected {tp.__name__}, got {type(value).__name__}")
            return value
        return scalar

    def unsupported(value: Any, where: str) -> Any:
        raise BriefingError(f"{where}: unsupported type {tp}")
    return unsupported


def _field(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


@functools.cache
def _plan(cls: type) -> tuple[frozenset[str], tuple[tuple[str, Converter, bool], ...]]:
    """A dataclass -> (its field names, (name, converter, required) per field), computed once per class."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    missing = dataclasses.MISSING
    return (frozenset(f.name for f in fields),
            tuple((f.name, _converter(hints[f.name]), f.default is missing and f.default_factory is missing)
                  for f in fields))


def from_data(cls: type, data: Any, where: str = "") -> Any:
    """Plain data -> dataclass ``cls``, checking every field; errors name the field path."""
    if not isinstance(data, dict):
        raise BriefingError(f"{where or 'top level'}: expected a mapping, got {type(data).__name__}")
    names, plan = _plan(cls)
    if not names.issuperset(data):
        unknown = sorted(set(data) - names)
        raise BriefingError(f"{where or 'top level'}: unknown field {unknown[0]!r}")
    kwargs = {}
    for name, convert, required in plan:
        if name in data:
            kwargs[name] = convert(data[name], _field(where, name))
        elif required:
            raise BriefingError(f"{where or 'top level'}: missing field {name!r}")
    return cls(**kwargs)


# libyaml's emitter and parser when PyYAML has them (its wheels do): many times faster.
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """SafeDumper that writes multi-line strings as literal blocks, for readable diffs."""


def _str_representer(dumper: yaml.BaseDumper, value: str) -> yaml.ScalarNode:
    # NEL (U+0085) is a line break to YAML that PyYAML mangles in plain, quoted and block styles.
    style = '"' if "\x85" in value else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)
_Dumper.ignore_aliases = lambda self, data: True  # type: ignore[method-assign]


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


#: Under the cache folder: the YAML of the data's items, by their JSON (ChunkMemo).
YAML_MEMO = "yaml-items.sqlite"


class ChunkMemo:
    """The YAML of list items written before, by the sha256 of the item's JSON (an SQLite file).

    Emitting YAML is most of the cost of writing the data (PyYAML builds a node per value in
    Python); an item's JSON is cheap and says everything its YAML holds, so an item written
    by an earlier run (a source, a quote, a fact) is copied, not emitted again. The file
    names the PyYAML version and this module's code: when either changed it starts empty.
    Entries no run used lately are dropped. Any database error makes it a memo that
    remembers nothing, never a failure.
    """

    def __init__(self, path: Path) -> None:
        import sqlite3

        self.path = path
        self.used: set[str] = set()
        self.fresh: dict[str, str] = {}
        self.db: Any = None
        version = "\0".join([yaml.__version__, _BaseDumper.__name__, _code_digest()])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path))
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (version TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS chunks (key TEXT PRIMARY KEY, text TEXT)")
            row = self.db.execute("SELECT version FROM meta").fetchone()
            if row is None or row[0] != version:
                self.db.execute("DELETE FROM chunks")
                self.db.execute("DELETE FROM meta")
                self.db.execute("INSERT INTO meta VALUES (?)", (version,))
                self.db.commit()
        except (sqlite3.Error, OSError):
            self.db = None

    def mark_used(self, json_text: str, key: str | None = None) -> None:
        """Keep the entry of this JSON (its YAML was taken from elsewhere) as if read now.
        ``key``: ``chunk_key(json_text)``, when the caller has it."""
        self.used.add(key or chunk_key(json_text))

    def yaml_of(self, data: Any, json_text: str, key: str | None = None) -> str:
        """One list item's YAML (``_dump([data])``), from the memo when its JSON was seen before.
        ``key``: ``chunk_key(json_text)``, when the caller has it."""
        key = key or chunk_key(json_text)
        self.used.add(key)
        if self.db is not None and key not in self.fresh:
            try:
                row = self.db.execute("SELECT text FROM chunks WHERE key = ?", (key,)).fetchone()
            except Exception:  # noqa: BLE001 - a broken memo remembers nothing
                row = None
            if row is not None:
                return str(row[0])
        text = self.fresh.get(key)
        if text is None:
            text = self.fresh[key] = _dump([data])
        return text

    def close(self) -> None:
        """Store this run's new entries; drop old ones when most of the memo went unused."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO chunks VALUES (?, ?)", self.fresh.items())
                total = self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
                if total > 2 * len(self.used) + 1000:
                    self.db.execute("CREATE TEMP TABLE keep (key TEXT PRIMARY KEY)")
                    self.db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in self.used))
                    self.db.execute("DELETE FROM chunks WHERE key NOT IN (SELECT key FROM keep)")
                    self.db.execute("DROP TABLE keep")
            self.db.close()
        except Exception:  # noqa: BLE001 - a memo that cannot be written is skipped
            pass
        self.db = None
        self.fresh.clear()


def chunk_key(json_text: str) -> str:
    """A ChunkMemo entry's key: the sha256 of an item's JSON."""
    return hashlib.sha256(json_text.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def iter_data(briefing: Briefing, memo: ChunkMemo | None = None,
              digests: dict[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """Briefing -> (YAML piece, JSON piece) pairs, one list item at a time: both files in one pass.

    The YAML pieces join into exactly ``_dump(to_data(briefing))``: top-level lists are
    written without indentation, so each item can be emitted on its own. Emitting the whole
    document at once would hold its full node graph in memory (gigabytes at 10,000
    articles); this holds one item's. The JSON pieces join into the same fields, one list
    item a line. ``memo``: the YAML of items written before (see ChunkMemo). ``digests``:
    filled, once all pieces are taken, with each field's name -> sha256 of its JSON (equal
    digests, equal field values), for what depends on some fields only (the pages).
    """
    sep = "{"
    for f in dataclasses.fields(briefing):
        value = getattr(briefing, f.name)
        if not f.compare and not value:
            continue  # as to_data: fields outside comparison appear only when set
        head = f"{sep}\n {json.dumps(f.name)}: "
        sep = ","
        field_digest = hashlib.sha256()
        if isinstance(value, tuple) and value:
            yield f"{f.name}:\n", head + "["
            lasting = f.name == "sources"  # the same objects at every rebuild of one process
            for number, item in enumerate(value):
                if lasting:
                    text, yaml_text, key = kept(item, "data", lambda item=item: _json_and_yaml(item, memo))
                    if memo is not None:
                        memo.mark_used(text, key)
                elif memo is not None:  # an item equal to one of the last run's: its JSON and YAML from memory
                    text, yaml_text, key = by_value(item, "data", lambda item=item: _json_and_yaml(item, memo))
                    memo.mark_used(text, key)
                else:
                    text, yaml_text, _key = _json_and_yaml(item, None, keyed=False)
                field_digest.update(text.encode("utf-8") + b"\n")
                yield yaml_text, ("\n  " if number == 0 else ",\n  ") + text
            yield "", "\n ]"
        else:
            data = to_data(value)
            text = json.dumps(data, ensure_ascii=False)
            field_digest.update(b"=" + text.encode("utf-8"))
            yield _dump({f.name: data}), head + text
        if digests is not None:
            digests[f.name] = field_digest.hexdigest()
    yield "", "\n}\n"


def _json_and_yaml(item: Any, memo: ChunkMemo | None, keyed: bool = True) -> tuple[str, str, str]:
    """An item's JSON, its YAML and (``keyed``; else "") the ChunkMemo key of its JSON (remembered with
    them: an item written again is marked used without hashing its JSON again)."""
    data = to_data(item)
    text = json.dumps(data, ensure_ascii=False)
    key = chunk_key(text) if keyed else ""
    return text, memo.yaml_of(data, text, key) if memo is not None else _dump([data]), key


def iter_yaml(briefing: Briefing, memo: ChunkMemo | None = None) -> Iterator[str]:
    """Briefing -> YAML text in pieces, one list item at a time (see ``iter_data``)."""
    for piece, _json in iter_data(briefing, memo):
        if piece:
            yield piece


def briefing_to_yaml(briefing: Briefing) -> str:
    """Briefing -> YAML text, byte-identical for equal briefings."""
    return "".join(iter_yaml(briefing))


def iter_json(briefing: Briefing) -> Iterator[str]:
    """Briefing -> JSON text in pieces: same fields as the YAML, one list item a line."""
    sep = "{"
    for f in dataclasses.fields(briefing):
        value = getattr(briefing, f.name)
        if not f.compare and not value:
            continue
        yield f"{sep}\n {json.dumps(f.name)}: "
        sep = ","
        if isinstance(value, tuple) and value:
            yield "[\n  " + json.dumps(to_data(value[0]), ensure_ascii=False)
            for item in value[1:]:
                yield ",\n  " + json.dumps(to_data(item), ensure_ascii=False)
            yield "\n ]"
        else:
            yield json.dumps(to_data(value), ensure_ascii=False)
    yield "\n}\n"


def write_data_files(yaml_path: Path, json_path: Path, pieces: Iterable[tuple[str, str]],
                     yaml_head: str = "", signatures: dict[Path, tuple[int, ...]] | None = None
                     ) -> tuple[tuple[bool, str], tuple[bool, str]]:
    """(YAML, JSON) piece pairs -> both files, written as ``write_chunks`` writes one (in one pass).

    Returns ((changed, sha256) of the YAML, (changed, sha256) of the JSON). ``signatures``: filled
    with the ``file_signature`` of each file found holding the bytes written (when nothing touched
    it meanwhile).
    """
    with _TwoFiles(yaml_path, json_path) as files:
        if yaml_head:
            files.write([yaml_head], [])
        for y, j in pieces:
            files.write([y] if y else [], [j])
        done = files.finish(signatures)
    return done["yaml"], done["json"]


def file_signature(path: Path | str) -> tuple[int, ...] | None:
    """What the system tells of a file without reading it: size, modification and change times, inode
    and device; None when absent. Writing the file changes it (and the change time cannot be set back)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class _TwoFiles:
    """Two temporary files written side by side, each renamed into place only if its bytes changed."""

    def __init__(self, yaml_path: Path, json_path: Path) -> None:
        self.paths = {"yaml": yaml_path, "json": json_path}
        self.tmps: dict[str, str] = {}
        self.handles: dict[str, Any] = {}
        self.digests = {name: hashlib.sha256() for name in self.paths}

    def __enter__(self) -> _TwoFiles:
        for name, path in self.paths.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            self.tmps[name] = tmp
            self.handles[name] = os.fdopen(fd, "wb", buffering=WRITE_BUFFER)
        return self

    def write(self, yaml_pieces: list[str], json_pieces: list[str]) -> None:
        for name, pieces in (("yaml", yaml_pieces), ("json", json_pieces)):
            for piece in pieces:
                data = piece.encode("utf-8")
                self.digests[name].update(data)
                self.handles[name].write(data)
            pieces.clear()

    def finish(self, signatures: dict[Path, tuple[int, ...]] | None = None) -> dict[str, tuple[bool, str]]:
        out = {}
        for name, path in self.paths.items():
            self.handles[name].close()
            tmp = self.tmps.pop(name)
            before = file_signature(path)
            if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
                Path(tmp).unlink()
                out[name] = (False, self.digests[name].hexdigest())
                after = file_signature(path)
                if signatures is not None and after is not None and after == before:  # the bytes compared
                    signatures[path] = after
                continue
            _readable(tmp)
            written = file_signature(tmp)
            os.replace(tmp, path)
            out[name] = (True, self.digests[name].hexdigest())
            after = file_signature(path)  # (a rename changes the change time only)
            if signatures is not None and written is not None and after is not None \
                    and (after[0], after[1], *after[3:]) == (written[0], written[1], *written[3:]):
                signatures[path] = after
        return out

    def __exit__(self, *exc: object) -> None:
        for name, tmp in self.tmps.items():
            self.handles[name].close()
            Path(tmp).unlink(missing_ok=True)


def briefing_to_json(briefing: Briefing) -> str:
    """Briefing -> JSON text, same fields as the YAML."""
    return "".join(iter_json(briefing))


def briefing_from_yaml(text: str, where: str = "briefing.yaml") -> Briefing:
    """YAML text -> Briefing, validated. Raises BriefingError naming the file and field."""
    try:
        data = yaml.load(text, Loader=_Loader)  # _Loader is a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark is not None else ""
        raise BriefingError(f"{where}:{line} {getattr(err, 'problem', None) or 'malformed YAML'}") from None
    try:
        return from_data(Briefing, data)
    except BriefingError as err:
        raise BriefingError(f"{where}: {err}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _readable(tmp: str) -> None:
    """mkstemp makes 0600 files; written outputs get the usual 0644 (less the umask)."""
    os.chmod(tmp, 0o666 & ~_UMASK)


_UMASK = _umask()


def write_atomic(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` through a temporary file; skip if unchanged. Returns changed."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_chunks(path: Path, chunks: Iterable[str]) -> tuple[bool, str]:
    """Write text pieces to ``path`` atomically, never holding the whole text in memory.

    Returns (changed, sha256 of the text); an unchanged file is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb", buffering=WRITE_BUFFER) as handle:
            for chunk in chunks:
                data = chunk.encode("utf-8")
                digest.update(data)
                handle.write(data)
        if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            Path(tmp).unlink()
            return False, digest.hexdigest()
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True, digest.hexdigest()


def write_briefing(briefing: Briefing, path: Path, memo: ChunkMemo | None = None) -> None:
    """Write the briefing as YAML (or JSON, by the suffix), atomically, piece by piece.
    ``memo``: the YAML of items written before (see ChunkMemo)."""
    write_chunks(path, iter_json(briefing) if path.suffix == ".json" else iter_yaml(briefing, memo))


def read_briefing(path: Path) -> Briefing:
    """Read and validate a briefing YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise BriefingError(f"{path}: cannot read ({err})") from None
    return briefing_from_yaml(text, str(path))
