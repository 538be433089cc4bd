"""The seeds' built site: no item on the Overview, Key facts, Timeline or Disputed pages
starts with a pronoun or a role noun without the editor's insertion saying whom it means."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from projectcopy import copy_site_project

pytestmark = pytest.mark.slow  # a whole build (a few seconds)

BRIEFING = str(Path(sys.executable).parent / "briefing")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGES = ("index.md", "facts.md", "timeline.md", "disputed.md")
LEANING = r"(?:He|She|They|It|His|Her|Their|Its|Him|Them|The (?:former |Russian |US |U\.S\. )?(?:president|leader))"
INSERTION = '<span class="briefing-insertion"'
# What stands before an item's own words on these pages: list markers, anchors, the
# timeline's date, a dispute's kind, a side's stance and party, an editor's headline.
PREFIX_RE = re.compile(
    r"^\s*(?:[-*]|\d+\.)\s+"
    r"(?:<span id=\"[^\"]*\"></span>)?"
    r"(?:\*\*[^*]*\*\*: )?"
    r"(?:<span class=\"briefing-(?:kind|stance)[^\"]*\">[^<]*</span>(?: by \*\*[^*]*\*\*)?:? ?)?"
    r"(?:\*\*)?")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_site_project(tmp_path_factory.mktemp("project"))
    result = subprocess.run([BRIEFING, "build", "seeds", "--site-dir", "out"], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return project


def item_texts(page: str) -> list[str]:
    """Each list item's own words, as the page's Markdown has them."""
    return [PREFIX_RE.sub("", line) for line in page.splitlines() if re.match(r"\s*(?:[-*]|\d+\.)\s", line)]


def test_no_item_starts_with_a_pronoun_or_role_noun_without_its_insertion(built):
    seen = 0
    for name in PAGES:
        for text in item_texts((built / "docs" / name).read_text(encoding="utf-8")):
            m = re.match(LEANING + r"\b", text)
            if m:
                seen += 1
                assert text[m.end():].startswith(" " + INSERTION), f"{name}: {text[:120]}"
    assert seen >= 3  # the seeds do have such items: the check is not empty


def test_the_insertions_are_data_of_their_own_and_the_verbatim_text_stays(built):
    data = yaml.safe_load((built / "docs" / "data" / "briefing.yaml").read_text(encoding="utf-8"))
    sources = {s["id"]: s["text"] for s in data["sources"]}
    inserted = [f for f in data["facts"] if f["insertions"]]
    assert inserted
    for item in inserted:
        cite = item["citations"][0]
        assert item["text"] == sources[cite["source"]][cite["start"]:cite["end"]]
        for ins in item["insertions"]:
            assert 0 < ins["at"] <= len(item["text"]) and ins["text"] not in ("", None)
    # an item whose referent is unclear stays in the data, flagged, and off the Key facts page
    unclear = [f for f in data["facts"] if f["unresolved"]]
    assert unclear
    facts_page = (built / "docs" / "facts.md").read_text(encoding="utf-8")
    for item in unclear:
        assert item["id"] not in facts_page
