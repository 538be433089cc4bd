"""A fresh copy of the project's site inputs, for tests that build whole sites in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_site_project(dest: Path, seeds: Path | None = ROOT / "seeds") -> Path:
    """mkdocs.yml, templates/, the hook, static docs/ assets, script-written pages in the nav and (unless None)
    a seeds folder -> dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", dest / "templates")
    if seeds is not None:
        shutil.copytree(seeds, dest / "seeds", symlinks=True)
    (dest / "briefing").mkdir()
    shutil.copy(ROOT / "briefing" / "mkdocs_hook.py", dest / "briefing" / "mkdocs_hook.py")
    (dest / "docs").mkdir()
    for name in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / name, dest / "docs" / name)
    # pages the nav names that scripts write, not briefing (accuracy.md: scripts/accuracy.py)
    for name in ("accuracy.md",):
        if (ROOT / "docs" / name).is_file():
            shutil.copy(ROOT / "docs" / name, dest / "docs" / name)
    return dest
