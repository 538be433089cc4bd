"""Editorial overrides: one hand-edited YAML file applied between link and render.

An editor can set the briefing's title and lede; pin, hide, retitle or annotate any
fact, quote, disputed claim, discrepancy or timeline event by its id; merge several
speaker names into one or give chosen quotes to another speaker; and correct a
source's metadata. The file is read and validated by ``load_overrides`` (malformed
YAML, an unknown key or a bad value -> BriefingError naming the file and line);
``apply_overrides`` returns the edited Briefing and the problems it met, such as an
override whose id no longer exists after the articles changed. Such an override stays
in the file and is reported each run, never silently dropped.

Format (every key optional)::

    briefing: {title: ..., lede: ...}
    items:
      <item id>: {pin: true, hide: false, title: ..., note: ...}
    speakers:
      merge: {<canonical name>: [<other name>, ...]}
      split: {<speaker name>: [<quote id>, ...]}
    sources:
      <source id>: {title: ..., author: ..., date: YYYY-MM-DD, publisher: ..., url: https://...}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .link.outlets import count_outlets
from .model import Briefing, BriefingError, Phrase, Quote, Source, Speaker

DEFAULT_FILE = "overrides.yaml"
MAX_BYTES = 2_000_000
MAX_TEXT = 2_000  # characters in one title, lede or note

TOP_KEYS = ("briefing", "items", "speakers", "sources")
BRIEFING_KEYS = ("title", "lede")
ITEM_KEYS = ("pin", "hide", "title", "note")
SPEAKER_KEYS = ("merge", "split")
SOURCE_KEYS = ("title", "author", "date", "publisher", "url")
ITEM_KINDS = ("facts", "quotes", "disputed", "discrepancies", "timeline")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ItemOverride:
    """What the editor says about one item."""

    pin: bool = False
    hide: bool = False
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Overrides:
    """The parsed overrides file. Empty (the default) changes nothing."""

    file: str = DEFAULT_FILE  # for messages
    title: str | None = None
    lede: str | None = None
    items: Mapping[str, ItemOverride] = field(default_factory=dict)
    merge: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> other names
    split: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # speaker -> quote ids
    sources: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when the file asks for nothing."""
        return not (self.title or self.lede or self.items or self.merge or self.split or self.sources)


# ---------------------------------------------------------------------------- loading

class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is our clear error, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class _Lines:
    """Key path -> line number (1-based) in the YAML text, for messages."""

    def __init__(self, node: yaml.Node | None) -> None:
        self.lines: dict[tuple[str, ...], int] = {}
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple[str, ...]) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = (*path, str(key.value))
                self.lines[sub] = key.start_mark.line + 1
                self._walk(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for number, value in enumerate(node.value):
                self._walk(value, (*path, str(number)))

    def at(self, path: tuple[str, ...]) -> int | None:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path)


class _Checker:
    """Validates the loaded data; every error names the file, line and key path."""

    def __init__(self, where: str, lines: _Lines) -> None:
        self.where = where
        self.lines = lines

    def fail(self, path: tuple[str, ...], reason: str) -> BriefingError:
        line = self.lines.at(path)
        key = ".".join(path) or "top level"
        return BriefingError(f"{self.where}:{f' line {line}:' if line else ''} {key}: {reason}")

    def mapping(self, value: Any, path: tuple[str, ...], allowed: Iterable[str] | None = None) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping, got {_kind(value)}")
        for key in value:
            if not isinstance(key, str) or not key.strip():
                raise self.fail(path, f"keys must be non-empty text, got {key!r}")
        if allowed is not None:
            allowed = tuple(allowed)
            unknown = sorted(set(value) - set(allowed))
            if unknown:
                raise self.fail((*path, unknown[0]), f"unknown key {unknown[0]!r} (allowed: {', '.join(allowed)})")
        return value

    def text(self, value: Any, path: tuple[str, ...]) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(path, f"expected text, got {_kind(value)}")
        text = " ".join(str(value).split())
        if len(text) > MAX_TEXT:
            raise self.fail(path, f"longer than {MAX_TEXT} characters")
        return text or None

    def flag(self, value: Any, path: tuple[str, ...]) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(path, f"expected true or false, got {_kind(value)}")
        return value

    def names(self, value: Any, path: tuple[str, ...]) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list of names or ids, got {_kind(value)}")
        out = []
        for number, item in enumerate(value):
            text = self.text(item, (*path, str(number)))
            if text is None:
                raise self.fail((*path, str(number)), "empty entry")
            out.append(text)
        return tuple(dict.fromkeys(out))

    def date(self, value: Any, path: tuple[str, ...]) -> str | None:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = self.text(value, path)
        if text is None:
            return None
        try:
            ok = bool(_DATE_RE.fullmatch(text)) and dt.date.fromisoformat(text).isoformat() == text
        except ValueError:
            ok = False
        if not ok:
            raise self.fail(path, f"expected a date YYYY-MM-DD, got {text[:40]!r}")
        return text

    def url(self, value: Any, path: tuple[str, ...]) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        try:
            parts = urlsplit(text)
            ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and " " not in text
        except ValueError:
            ok = False
        if not ok or not text.isprintable():
            raise self.fail(path, f"expected an http:// or https:// URL, got {text[:80]!r}")
        return text


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def parse_overrides(text: str, where: str = DEFAULT_FILE) -> Overrides:
    """YAML text -> Overrides, validated. Raises BriefingError naming ``where``, the line and the key."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader: plain data only
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = f" line {mark.line + 1}:" if mark is not None else ""
        problem = getattr(err, "problem", None) or "malformed YAML"
        raise BriefingError(f"{where}:{line} malformed YAML: {problem}") from None
    check = _Checker(where, _Lines(node))
    top = check.mapping(data, (), TOP_KEYS)

    meta = check.mapping(top.get("briefing"), ("briefing",), BRIEFING_KEYS)
    items: dict[str, ItemOverride] = {}
    for item_id, value in check.mapping(top.get("items"), ("items",)).items():
        path = ("items", item_id)
        spec = check.mapping(value, path, ITEM_KEYS)
        items[item_id.strip()] = ItemOverride(
            pin=check.flag(spec.get("pin"), (*path, "pin")), hide=check.flag(spec.get("hide"), (*path, "hide")),
            title=check.text(spec.get("title"), (*path, "title")), note=check.text(spec.get("note"), (*path, "note")))

    speakers = check.mapping(top.get("speakers"), ("speakers",), SPEAKER_KEYS)
    merge = {" ".join(name.split()): check.names(v, ("speakers", "merge", name))
             for name, v in check.mapping(speakers.get("merge"), ("speakers", "merge")).items()}
    split = {" ".join(name.split()): check.names(v, ("speakers", "split", name))
             for name, v in check.mapping(speakers.get("split"), ("speakers", "split")).items()}
    for key, groups, clash in (("merge", merge, "{item!r} is merged into both {a!r} and {b!r}"),
                               ("split", split, "quote {item!r} is given to both {a!r} and {b!r}")):
        owner: dict[str, str] = {}
        for name, members in groups.items():  # each name or quote id may go to one speaker only
            for item in members:
                if item in owner and owner[item] != name:
                    raise check.fail(("speakers", key, name), clash.format(item=item, a=owner[item], b=name))
                owner[item] = name

    sources: dict[str, dict[str, str | None]] = {}
    for source_id, value in check.mapping(top.get("sources"), ("sources",)).items():
        path = ("sources", source_id)
        spec = check.mapping(value, path, SOURCE_KEYS)
        fixed: dict[str, str | None] = {}
        for key in SOURCE_KEYS:
            if key not in spec:
                continue
            if key == "date":
                fixed[key] = check.date(spec[key], (*path, key))
            elif key == "url":
                fixed[key] = check.url(spec[key], (*path, key))
            else:
                fixed[key] = check.text(spec[key], (*path, key))
        sources[source_id.strip()] = fixed

    return Overrides(file=where, title=check.text(meta.get("title"), ("briefing", "title")),
                     lede=check.text(meta.get("lede"), ("briefing", "lede")), items=items,
                     merge=merge, split=split, sources=sources)


def load_overrides(path: Path | None) -> Overrides:
    """Overrides file -> Overrides; a missing file (or None) is empty overrides. Raises BriefingError."""
    if path is None:
        return Overrides()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Overrides(file=str(path))
    except OSError as err:
        raise BriefingError(f"{path}: cannot read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise BriefingError(f"{path}: larger than {MAX_BYTES} bytes; an overrides file holds edits only")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BriefingError(f"{path}: not UTF-8 text (byte {err.start})") from None
    return parse_overrides(text, str(path))


# ---------------------------------------------------------------------------- applying

def speaker_id(name: str) -> str:
    """Speaker name -> its id, as link makes it (``sp-`` + short sha1 of the name)."""
    return "sp-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def _rename_speakers(briefing: Briefing, overrides: Overrides, problems: list[str]) -> Briefing:
    """Merge speaker names into one and reassign chosen quotes; rebuild the speakers list."""
    if not overrides.merge and not overrides.split:
        return briefing
    where = overrides.file
    rename = {other: canonical for canonical, others in overrides.merge.items() for other in others}
    known = {s.name for s in briefing.speakers} | {q.speaker for q in briefing.quotes if q.speaker}
    for canonical, others in sorted(overrides.merge.items()):
        for other in others:
            if other not in known and other != canonical:
                problems.append(f"{where}: speakers.merge.{canonical}: no speaker named {other!r} "
                                "in this briefing (kept in the file, nothing merged)")
    reassign = {qid: name for name, ids in overrides.split.items() for qid in ids}
    quote_ids = {q.id for q in briefing.quotes}
    for name, ids in sorted(overrides.split.items()):
        for qid in ids:
            if qid not in quote_ids:
                problems.append(f"{where}: speakers.split.{name}: no quote with id {qid!r} "
                                "in this briefing (it may have vanished; kept in the file)")

    def new_name(name: str | None) -> str | None:
        return rename.get(name, name) if name else name

    quotes: list[Quote] = []
    for quote in briefing.quotes:
        speaker = reassign.get(quote.id, new_name(quote.speaker))
        quotes.append(replace(quote, speaker=speaker) if speaker != quote.speaker else quote)
    phrases = tuple(replace(p, speaker=new_name(p.speaker)) if new_name(p.speaker) != p.speaker else p
                    for p in briefing.phrases)
    facts = tuple(replace(f, attributed_to=new_name(f.attributed_to)) if f.attributed_to in rename else f
                  for f in briefing.facts)
    disputed = tuple(replace(d, sides=tuple(replace(s, by=new_name(s.by)) if s.by in rename else s
                                            for s in d.sides)) for d in briefing.disputed)
    speakers = _rebuild_speakers(briefing.speakers, rename, quotes, phrases)
    return replace(briefing, quotes=tuple(quotes), phrases=phrases, facts=facts, disputed=disputed,
                   speakers=speakers)


def _rebuild_speakers(old: Iterable[Speaker], rename: Mapping[str, str], quotes: Iterable[Quote],
                      phrases: Iterable[Phrase]) -> tuple[Speaker, ...]:
    aliases: dict[str, set[str]] = {}
    roles: dict[str, set[str]] = {}
    for speaker in old:
        name = rename.get(speaker.name, speaker.name)
        aliases.setdefault(name, set()).update(speaker.aliases)
        if name != speaker.name:
            aliases[name].add(speaker.name)
        roles.setdefault(name, set()).update(speaker.roles)
    used = {q.speaker for q in quotes if q.speaker} | {p.speaker for p in phrases if p.speaker}
    return tuple(Speaker(id=speaker_id(name), name=name, aliases=tuple(sorted(aliases.get(name, set()) - {name})),
                         roles=tuple(sorted(roles.get(name, set())))) for name in sorted(used))


def _fix_sources(briefing: Briefing, overrides: Overrides, problems: list[str]) -> Briefing:
    """Correct source metadata; recompute what depends on it (period, outlets, quote dates)."""
    if not overrides.sources:
        return briefing
    by_id = {s.id: s for s in briefing.sources}
    for source_id in sorted(set(overrides.sources) - set(by_id)):
        problems.append(f"{overrides.file}: sources: no source with id {source_id!r} in this briefing "
                        "(its article may have been removed or renamed; kept in the file)")
    sources: list[Source] = []
    for source in briefing.sources:
        fixes = overrides.sources.get(source.id)
        sources.append(replace(source, **fixes) if fixes else source)
    date_of = {s.id: s.date for s in sources}
    quotes = []
    for quote in briefing.quotes:
        dates = sorted(d for c in quote.citations if (d := date_of.get(c.source)))
        date = dates[0] if dates else None
        quotes.append(replace(quote, date=date) if date != quote.date else quote)
    dates = sorted(s.date for s in sources if s.date)
    outlets, unknown = count_outlets(sources)
    meta = replace(briefing.meta, period_start=dates[0] if dates else None, period_end=dates[-1] if dates else None,
                   outlets=outlets, unknown_origin=unknown)
    return replace(briefing, meta=meta, sources=tuple(sources), quotes=tuple(quotes))


def _edit_items(briefing: Briefing, overrides: Overrides, problems: list[str]) -> Briefing:
    """Pin, hide, retitle and annotate items by id."""
    if not overrides.items:
        return briefing
    found: set[str] = set()
    hidden: set[str] = set()
    changes: dict[str, tuple[Any, ...]] = {}
    for kind in ITEM_KINDS:
        kept = []
        for item in getattr(briefing, kind):
            edit = overrides.items.get(item.id)
            if edit is None:
                kept.append(item)
                continue
            found.add(item.id)
            if edit.hide:
                hidden.add(item.id)
                continue
            kept.append(replace(item, pinned=edit.pin or item.pinned, title=edit.title or item.title,
                                note=edit.note or item.note))
        changes[kind] = tuple(kept)
    if hidden:  # a hidden quote is no one's variant any more
        changes["quotes"] = tuple(replace(q, variants=tuple(v for v in q.variants if v not in hidden))
                                  if set(q.variants) & hidden else q for q in changes["quotes"])
    for item_id in sorted(set(overrides.items) - found):
        problems.append(f"{overrides.file}: items: no fact, quote, disputed claim, discrepancy or timeline "
                        f"event with id {item_id!r} in this briefing (it may have vanished when the "
                        "articles changed; kept in the file, not applied)")
    return replace(briefing, **changes)


def apply_overrides(briefing: Briefing, overrides: Overrides) -> tuple[Briefing, list[str]]:
    """Briefing + Overrides -> (edited Briefing, problems). Needs a linked Briefing; adds the editor's changes.

    Pure and deterministic. Every override that names something this briefing lacks
    (a vanished id, an unknown speaker or source) is one problem line naming the file
    and the id; the rest still apply.
    """
    problems: list[str] = []
    if overrides.is_empty():
        return briefing, problems
    briefing = _fix_sources(briefing, overrides, problems)
    briefing = _rename_speakers(briefing, overrides, problems)
    briefing = _edit_items(briefing, overrides, problems)
    if overrides.title or overrides.lede:
        briefing = replace(briefing, meta=replace(briefing.meta, title=overrides.title or briefing.meta.title,
                                                  lede=overrides.lede or briefing.meta.lede))
    return briefing, problems
