"""What changed since the previous edition: new, changed and gone items, by id.

An *edition* is a snapshot of the published briefing: for each kind (facts, disputed,
discrepancies, quotes, timeline, sources) each id with a hash of its content and a
short label. "Changed" means same id, different content; editorial fields (title,
note, pin) and the rank are not content, so editing overrides.yaml is no news.

The state file (``docs/data/changes.yaml`` by default) keeps the current and the
previous edition. It rolls forward only when a build's snapshot differs from the
current one, so rebuilding unchanged input keeps the last diff: two builds of the same
input give the same What's new page. The renderer writes the state file (with the
generated marker, so a hand-written file of that name is never replaced).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .dump import by_value, kept, to_data
from .model import Briefing

if TYPE_CHECKING:
    from .editions import EditionsMemo

log = logging.getLogger("briefing")

STATE_FILE = "data/changes.yaml"  # under docs/
FORMAT = 1
KINDS = ("facts", "disputed", "discrepancies", "quotes", "timeline", "sources")
KIND_LABELS = {"facts": ("fact", "facts"), "disputed": ("disputed claim", "disputed claims"),
               "discrepancies": ("discrepancy", "discrepancies"), "quotes": ("quote", "quotes"),
               "timeline": ("timeline event", "timeline events"), "sources": ("source", "sources")}
STATUSES = ("new", "changed", "gone")
NOT_CONTENT = frozenset({"rank", "self_contained", "title", "note", "pinned"})
LABEL_CHARS = 200
# libyaml's parser and emitter when PyYAML has them, as briefing.dump uses: the state file holds
# every item's id, hash and label (megabytes at 1,000 articles), read and written on every build.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: kind -> id -> (content hash, label)
Snapshot = dict[str, dict[str, tuple[str, str]]]


@dataclass(frozen=True)
class Change:
    """One item that is new, changed or gone since the previous edition."""

    kind: str  # one of KINDS
    id: str
    status: str  # new | changed | gone
    label: str


@dataclass(frozen=True)
class Changes:
    """A build's diff against the previous edition, and the state to store for the next build."""

    edition: str  # hash of the current snapshot
    previous: str | None  # hash of the previous snapshot; None: the first edition
    entries: tuple[Change, ...] = ()
    state_text: str = ""  # the state file's new YAML (without the marker line)

    def count(self, status: str, kind: str | None = None) -> int:
        """How many entries have this status (and kind)."""
        return sum(1 for c in self.entries if c.status == status and (kind is None or c.kind == kind))

    def by_kind(self) -> list[dict[str, Any]]:
        """Entries grouped for display: one group per kind that has any, in KINDS order."""
        groups = []
        for kind in KINDS:
            items = [c for c in self.entries if c.kind == kind]
            if items:
                groups.append({"kind": kind, "label": KIND_LABELS[kind][1].capitalize(),
                               **{status: [c for c in items if c.status == status] for status in STATUSES}})
        return groups

    def summary(self) -> str:
        """One line: '3 new facts, 1 changed quote, 2 gone sources' (or that nothing changed)."""
        if self.previous is None:
            return "First edition: there is no earlier briefing to compare with."
        parts = []
        for status in STATUSES:
            for kind in KINDS:
                n = self.count(status, kind)
                if n:
                    one, many = KIND_LABELS[kind]
                    parts.append(f"{n} {status} {one if n == 1 else many}")
        return (", ".join(parts) + ".") if parts else "Nothing changed since the previous edition."


def _hash(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _label(kind: str, item: Any) -> str:
    if kind == "quotes":
        text = f"{item.speaker or 'Unattributed'}: “{item.text}”"
    elif kind == "timeline":
        text = f"{item.date}: {item.text}"
    elif kind == "sources":
        text = " — ".join(p for p in (item.title or item.file, item.publisher) if p)
    else:
        text = item.text
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS].rsplit(" ", 1)[0] + " …"


def _entry(kind: str, item: Any) -> tuple[str, str]:
    data = to_data(item)
    content = {k: v for k, v in data.items() if k not in NOT_CONTENT}
    return _hash(content), _label(kind, item)


def snapshot(briefing: Briefing, remember: bool = False) -> Snapshot:
    """Briefing -> kind -> id -> (content hash, label). Editorial fields and rank are left out.
    ``remember``: an item equal to one of the last run's in this process takes that run's entry
    (``dump.by_value``)."""
    snap: Snapshot = {}
    for kind in KINDS:
        items: dict[str, tuple[str, str]] = {}
        for item in getattr(briefing, kind):
            if kind == "sources":  # the same objects at every rebuild of one process
                items[item.id] = kept(item, "snapshot", lambda item=item, kind=kind: _entry(kind, item))
            elif remember:
                items[item.id] = by_value(item, "snapshot " + kind, lambda item=item, kind=kind: _entry(kind, item))
            else:
                items[item.id] = _entry(kind, item)
        snap[kind] = dict(sorted(items.items()))
    return snap


def edition_of(snap: Snapshot) -> str:
    """Snapshot -> its hash: equal snapshots, equal editions."""
    return _hash({kind: {i: h for i, (h, _) in snap.get(kind, {}).items()} for kind in KINDS})


def diff(previous: Snapshot, current: Snapshot) -> tuple[Change, ...]:
    """Two snapshots -> what is new, changed or gone, sorted by kind, status and id."""
    out: list[Change] = []
    for kind in KINDS:
        old, new = previous.get(kind, {}), current.get(kind, {})
        for item_id, (digest, label) in new.items():
            if item_id not in old:
                out.append(Change(kind, item_id, "new", label))
            elif old[item_id][0] != digest:
                out.append(Change(kind, item_id, "changed", label))
        for item_id in old.keys() - new.keys():
            out.append(Change(kind, item_id, "gone", old[item_id][1]))
    order = {k: n for n, k in enumerate(KINDS)}
    status_order = {s: n for n, s in enumerate(STATUSES)}
    out.sort(key=lambda c: (order[c.kind], status_order[c.status], c.id))
    return tuple(out)


def _snapshot_to_data(snap: Snapshot) -> dict[str, Any]:
    return {kind: {i: [h, label] for i, (h, label) in snap.get(kind, {}).items()} for kind in KINDS}


def _snapshot_from_data(data: Any) -> Snapshot:
    if not isinstance(data, Mapping):
        raise ValueError("an edition must be a mapping")
    snap: Snapshot = {}
    for kind in KINDS:
        items = data.get(kind) or {}
        if not isinstance(items, Mapping):
            raise ValueError(f"{kind}: expected a mapping")
        snap[kind] = {}
        for item_id, value in items.items():
            if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
                raise ValueError(f"{kind}.{item_id}: expected [hash, label]")
            snap[kind][str(item_id)] = (value[0], value[1])
    return snap


def read_state(path: Path) -> tuple[Snapshot | None, Snapshot | None]:
    """State file -> (current, previous) editions; (None, None) when absent or unreadable (warns)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as err:
        log.warning("%s: cannot read the previous editions (%s); What's new starts afresh", path, err)
        return None, None
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ValueError(f"expected format: {FORMAT}")
        current = _snapshot_from_data(data.get("current"))
        previous = _snapshot_from_data(data["previous"]) if data.get("previous") is not None else None
    except (yaml.YAMLError, ValueError, KeyError) as err:
        log.warning("%s: not a readable editions file (%s); What's new starts afresh", path, err)
        return None, None
    return current, previous


def state_to_yaml(current: Snapshot, previous: Snapshot | None) -> str:
    """The two editions -> the state file's YAML, deterministic."""
    data = {"format": FORMAT, "current": _snapshot_to_data(current),
            "previous": _snapshot_to_data(previous) if previous is not None else None}
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def track_changes(briefing: Briefing, state_path: Path, memo: EditionsMemo | None = None) -> Changes:
    """Briefing + the state file of earlier builds -> Changes since the previous edition.

    Reads only: the new state goes in ``Changes.state_text`` for the renderer to write.
    The editions roll forward only when this briefing's snapshot differs from the
    stored current one, so a rebuild of unchanged input reports the same changes.
    ``memo`` (briefing.editions): reads and writes the state without all of its YAML; same result.
    """
    snap = snapshot(briefing, remember=memo is not None)
    stored, previous = read_state(state_path) if memo is None else memo.read_state(state_path)
    if stored is None:
        previous = None
    elif edition_of(stored) != edition_of(snap):
        previous = stored
    entries = diff(previous, snap) if previous is not None else ()
    text = state_to_yaml(snap, previous) if memo is None else memo.state_yaml(snap, previous)
    if memo is not None:
        memo.save(snap, previous, text)
    return Changes(edition=edition_of(snap), previous=edition_of(previous) if previous is not None else None,
                   entries=entries, state_text=text)


def feed_entry(changes: Changes, updated: str, directory_urls: bool = False) -> dict[str, Any]:
    """Changes -> one Atom entry for this edition (id from the edition hash), in the feed's entry shape."""
    title = "First edition of this briefing" if changes.previous is None else f"What's new: {changes.summary()}"
    return {"kind": "edition", "id": changes.edition, "title": title,
            "updated": updated, "href": "whats_new/" if directory_urls else "whats_new.html",
            "summary": changes.summary()}
