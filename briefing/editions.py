"""The editions file read and written without parsing or emitting all of its YAML each build.

``docs/data/changes.yaml`` (briefing.changes) holds two editions: every item's id, hash and
label, megabytes at 1,000 articles, read and written on every build. Two things make that
cheap, with the same bytes and the same results:

- *Reading*: beside the cache, ``EditionsMemo`` keeps the parsed editions of the last state
  it wrote, under the sha256 of that YAML text; when the file holds exactly that text
  (after its marker line), the editions come from the memo's JSON, not from the YAML.
- *Writing*: each kind's block of the YAML ("  facts:" and its items) is the same text under
  ``current:`` and ``previous:``, so the file is written block by block and a block whose
  items did not change (all of ``previous``, which was ``current``; the kinds an edit left
  alone) is copied from the memo. ``state_yaml`` joins into exactly ``changes.state_to_yaml``.

Any memo that cannot be read is empty; one that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from . import changes
from .dump import write_atomic

MEMO_FILE = "editions.json"  # under the cache folder
FORMAT = 1


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _state_body(text: str) -> str:
    """The file's text without its first line when that is a comment (the generated marker)."""
    return text.split("\n", 1)[1] if text.startswith("#") and "\n" in text else text


def _block_key(kind: str, items: dict[str, tuple[str, str]]) -> str:
    return _text_digest(json.dumps([kind, items], ensure_ascii=False, sort_keys=False))


def _block_yaml(kind: str, items: dict[str, tuple[str, str]]) -> str:
    """One kind's block as ``state_to_yaml`` writes it under ``current:`` or ``previous:``."""
    text = yaml.dump({"current": {kind: {i: [h, label] for i, (h, label) in items.items()}}},
                     Dumper=changes._Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
    head = "current:\n"
    if not text.startswith(head):  # never seen: PyYAML always writes a block mapping here
        raise ValueError("unexpected YAML for an editions block")
    return text[len(head):]


#: A run of a block's items ends after an item whose id's hash ends in this many zero bits (about
#: 32 items a run): the runs are cut by the items themselves, so an item added or gone changes its
#: own run only, not the runs after it.
RUN_BITS = 5


def _runs(items: dict[str, tuple[str, str]]) -> list[dict[str, tuple[str, str]]]:
    """The block's items in order, cut into runs after each item whose id's hash ends in ``RUN_BITS``
    zero bits."""
    runs: list[dict[str, tuple[str, str]]] = []
    run: dict[str, tuple[str, str]] = {}
    mask = (1 << RUN_BITS) - 1
    for item_id, entry in items.items():
        run[item_id] = entry
        if not hashlib.blake2b(item_id.encode("utf-8", "surrogatepass"), digest_size=4).digest()[-1] & mask:
            runs.append(run)
            run = {}
    if run:
        runs.append(run)
    return runs


class EditionsMemo:
    """The last written state's editions and its YAML blocks; ``path`` None: remembers within one run only."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.digest = ""
        self.current: dict[str, Any] | None = None
        self.previous: dict[str, Any] | None = None
        self.blocks: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.runs: dict[str, list[str]] = {}  # a block's key -> the keys of its runs (their texts in blocks)
        self.used_runs: dict[str, list[str]] = {}
        if path is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("yaml") == _yaml_version():
                self.digest = str(data["digest"])
                self.current, self.previous = data["current"], data["previous"]
                self.blocks = {str(k): str(v) for k, v in data["blocks"].items()}
                self.runs = {str(k): [str(r) for r in v] for k, v in data.get("runs", {}).items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.digest, self.current, self.previous, self.blocks, self.runs = "", None, None, {}, {}

    def read_state(self, path: Path) -> tuple[changes.Snapshot | None, changes.Snapshot | None]:
        """``changes.read_state(path)``, from the memo when the file is the state it recorded."""
        if self.digest and self.current is not None:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = None
            if text is not None and _text_digest(_state_body(text)) == self.digest:
                try:
                    current = changes._snapshot_from_data(self.current)
                    previous = changes._snapshot_from_data(self.previous) if self.previous is not None else None
                    return current, previous
                except ValueError:
                    pass
        return changes.read_state(path)

    def state_yaml(self, current: changes.Snapshot, previous: changes.Snapshot | None) -> str:
        """``changes.state_to_yaml(current, previous)``, copying the blocks written before."""
        parts = [f"format: {changes.FORMAT}\n", "current:\n"]
        parts += [self._block(kind, current.get(kind, {})) for kind in changes.KINDS]
        if previous is None:
            parts.append("previous: null\n")
        else:
            parts.append("previous:\n")
            parts += [self._block(kind, previous.get(kind, {})) for kind in changes.KINDS]
        return "".join(parts)

    def _block(self, kind: str, items: dict[str, tuple[str, str]]) -> str:
        key = _block_key(kind, items)
        text = self.used.get(key) or self.blocks.get(key)
        if text is not None:  # a block written whole (no items, or a memo of an earlier version)
            self.used[key] = text
            return text
        run_keys = self.used_runs.get(key) or self.runs.get(key)
        if run_keys and all(k in self.used or k in self.blocks for k in run_keys):  # its runs, as they were
            texts = [self.used.get(k) or self.blocks[k] for k in run_keys]
            self.used.update(zip(run_keys, texts, strict=True))
            self.used_runs[key] = run_keys
            return f"  {kind}:\n" + "".join(texts)
        return self._block_by_runs(kind, items, key)

    def _block_by_runs(self, kind: str, items: dict[str, tuple[str, str]], block_key: str) -> str:
        """A block whose items changed, joined from runs of items (``_runs``), each copied from the memo
        when its items did not change: an article added to thousands of facts changes a few runs, not
        the whole block. (Each item of a block mapping is written on lines of its own, the same alone
        as among the others.) The memo keeps the runs and which make the block (``block_key``), not
        the block's text again: a block copied whole later keeps its runs for when its items change."""
        head = f"  {kind}:\n"
        parts, run_keys = [head], []
        for run in _runs(items):
            key = _block_key(f"{kind} run", run)  # (not a whole block's key: its text has no head)
            text = self.used.get(key) or self.blocks.get(key)
            if text is None:
                text = _block_yaml(kind, run)
                if not text.startswith(head):  # (an empty run: never made by _runs)
                    break
                text = text[len(head):]
            self.used[key] = text
            parts.append(text)
            run_keys.append(key)
        else:
            if run_keys:
                self.used_runs[block_key] = run_keys
                return "".join(parts)
        text = _block_yaml(kind, items)  # no items: "  kind: {}"
        self.used[block_key] = text
        return text

    def save(self, current: changes.Snapshot, previous: changes.Snapshot | None, state_text: str) -> None:
        """Remember the state whose YAML is ``state_text`` and the blocks used to write it."""
        if self.path is None:
            return
        data = {"format": FORMAT, "yaml": _yaml_version(), "digest": _text_digest(state_text),
                "current": changes._snapshot_to_data(current),
                "previous": changes._snapshot_to_data(previous) if previous is not None else None,
                "blocks": self.used, "runs": self.used_runs}
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False))
        except OSError:
            pass


def _yaml_version() -> str:
    return f"{yaml.__version__} {changes._Dumper.__name__}"
