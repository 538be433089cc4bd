"""Skip whole stages whose inputs did not change: keys over all inputs, records of the last run.

A *key* is a sha256 over everything a stage reads, including the code that runs it:

- ``data_key``: every article's extraction-cache key (its bytes, name, sources.yaml
  metadata, the per-article code), the code of linking and overrides, and the
  overrides file's bytes. Equal keys, equal briefing data.
- ``build_key`` (in briefing.site): the data key, templates/, mkdocs.yml and its hooks,
  the whole package's code, the MkDocs and theme versions and the build's options.

A *record* (a small JSON file in the cache folder) says what the last successful run
with that key produced (the output's digest, or the state of docs/ and site/); when the
key and the outputs still match, the run has nothing to do. Records live beside the
extraction cache, so ``--no-cache`` (no cache folder) always runs every stage.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from .cache import cache_key
from .dump import write_atomic
from .model import EXTRACTOR_VERSION, RawArticle

#: The code that decides the site: all of it (rendering, changes, the hook, the site build).
BUILD_CODE = ("*.py", "*/*.py")
#: The code that decides the briefing data: all of it but what only renders and builds the site.
SITE_ONLY = frozenset({"render.py", "site.py", "cli.py", "mkdocs_hook.py", "changes.py", "__main__.py"})
DATA_CODE = (*BUILD_CODE, *(f"!{name}" for name in sorted(SITE_ONLY)))
RECORDS = "runs"  # under the cache folder


def code_files(patterns: tuple[str, ...]) -> list[Path]:
    """The package's files matching ``patterns``, but those named '!name', sorted."""
    root = Path(__file__).parent
    left_out = {root / p[1:] for p in patterns if p.startswith("!")}
    return sorted({p for pattern in patterns if not pattern.startswith("!") for p in root.glob(pattern)} - left_out)


@lru_cache(maxsize=8)
def code_digest(patterns: tuple[str, ...]) -> str:
    """Hash of the code in ``code_files(patterns)`` (and EXTRACTOR_VERSION)."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    root = Path(__file__).parent
    for path in code_files(patterns):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path | None) -> str:
    """sha256 of a file's bytes; 'none' / 'absent' for no path / no file (those differ from any file)."""
    if path is None:
        return "none"
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return "absent"
    except OSError:  # unreadable: never equal to an earlier run, so the stage runs and reports it
        return "unreadable:" + os.urandom(8).hex()


def tree_digest(folder: Path) -> str:
    """sha256 over every file under ``folder`` (relative names and bytes); '' when it is not a folder."""
    if not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + file_digest(path).encode())
    return digest.hexdigest()


def tree_state(folder: Path) -> list[list[Any]]:
    """Every file under ``folder``: [relative name, size, mtime in ns]. Cheap: stats, no reads."""
    if not folder.is_dir():
        return []
    out = []
    # os.walk's directory entries carry their type: one stat per file (Path.rglob, then stat and
    # is_file, made three system calls and two Path objects per file: ~0.06 s a call at 1,000 articles).
    # Symbolic links to folders are not followed, as rglob did not.
    for top, _dirs, names in os.walk(folder):
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        for name in names:
            try:
                stat = os.stat(os.path.join(top, name))
            except OSError:
                continue
            if S_ISREG(stat.st_mode):
                out.append([name if prefix == "." else f"{prefix}/{name}", stat.st_size, stat.st_mtime_ns])
    out.sort(key=lambda row: row[0].split("/"))  # as sorted Paths: part by part
    return out


def digest_of(parts: Iterable[str]) -> str:
    """sha256 of text parts, each ended by a NUL (so no two lists of parts collide)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def data_key(raws: Sequence[RawArticle], overrides_file: Path | None) -> str:
    """What decides the briefing data: every article's cache key, the data code, the overrides."""
    return digest_of(["data", code_digest(DATA_CODE), file_digest(overrides_file),
                      *(cache_key(raw) for raw in raws)])


def record_path(cache_dir: Path, kind: str, target: Path) -> Path:
    """Where the record of the last ``kind`` run writing ``target`` lives."""
    name = hashlib.sha256(str(Path(target).resolve()).encode()).hexdigest()[:20]
    return cache_dir / RECORDS / f"{kind}-{name}.json"


def read_record(path: Path) -> dict[str, Any] | None:
    """A record, or None when absent or unreadable (then the stage runs)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_record(path: Path, data: dict[str, Any]) -> None:
    """Store a record; a cache that cannot be written is skipped silently."""
    try:
        write_atomic(path, json.dumps(data, sort_keys=True))
    except OSError:
        pass


def forget_record(path: Path) -> None:
    """Drop a record before its stage runs, so a failed or interrupted run never looks finished."""
    try:
        path.unlink()
    except OSError:
        pass
