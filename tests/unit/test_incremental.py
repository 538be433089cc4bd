"""incremental: a run with the inputs of the last one does nothing; any changed input runs again."""

import dataclasses
import shutil
from pathlib import Path

import pytest

from briefing import incremental
from briefing.pipeline import Options, extract_to_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def run(project: Path, out: str = "b.yaml", overrides: Path | None = None, cache: bool = True):
    options = Options(seeds_dir=project / "seeds", cache_dir=project / "cache" if cache else None,
                      overrides_file=overrides)
    counts, report = extract_to_file(options, project / out)
    return counts, report, (project / out).read_bytes()


def test_extract_with_nothing_changed_keeps_the_output_and_says_the_same(project):
    counts, report, first = run(project)
    assert not report.reused
    again, report2, second = run(project)
    assert report2.reused and again == counts and second == first


@pytest.mark.parametrize("change", ["article", "sources", "overrides", "output", "code"])
def test_any_changed_input_extracts_again(project, monkeypatch, change):
    overrides = project / "overrides.yaml"
    overrides.write_text("briefing: {title: First}\n", encoding="utf-8")
    _c, _r, before = run(project, overrides=overrides)
    out = "b.yaml"
    if change == "article":
        path = sorted((project / "seeds").glob("*.txt"))[0]
        path.write_text(path.read_text(encoding="utf-8") + "\nThe committee met again on Monday.\n",
                        encoding="utf-8")
    elif change == "sources":
        path = project / "seeds" / "sources.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("publisher:", "publisher: X", 1), encoding="utf-8")
    elif change == "overrides":
        overrides.write_text("briefing: {title: Second}\n", encoding="utf-8")
    elif change == "output":
        (project / out).write_text("tampered\n", encoding="utf-8")
    elif change == "code":
        real = incremental.code_digest
        monkeypatch.setattr(incremental, "code_digest", lambda patterns: "other " + real(patterns))
    _c, report, after = run(project, overrides=overrides)
    assert not report.reused
    cold = project / "cold"
    shutil.copytree(project / "seeds", cold / "seeds")
    _c, _r, expected = run(cold, overrides=overrides, cache=False)
    assert after == expected
    if change == "output":
        assert after == before


def test_json_and_yaml_outputs_are_recorded_apart(project):
    run(project, "b.yaml")
    _c, report, data = run(project, "b.json")
    assert not report.reused and data.startswith(b"{")
    assert run(project, "b.yaml")[1].reused and run(project, "b.json")[1].reused


def test_warnings_of_the_last_run_are_said_again(project, caplog):
    overrides = project / "overrides.yaml"
    overrides.write_text("items:\n  no-such-id: {hide: true}\n", encoding="utf-8")
    _c, first, _b = run(project, overrides=overrides)
    assert first.warnings
    caplog.clear()
    _c, again, _b = run(project, overrides=overrides)
    assert again.reused and again.warnings == first.warnings
    assert any("no-such-id" in r.getMessage() for r in caplog.records)


def test_no_cache_never_reuses(project):
    run(project, cache=False)
    assert not run(project, cache=False)[1].reused


def test_source_pages_are_kept_unless_their_inputs_changed_and_templates_reading_the_briefing_render_all(
        tmp_path, monkeypatch):
    from briefing import render
    from briefing.pipeline import extract_briefing

    briefing, _report = extract_briefing(Options(seeds_dir=ROOT / "seeds", cache_dir=None))
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    rendered: list[str] = []
    real = render.source_paragraphs
    monkeypatch.setattr(render, "source_paragraphs", lambda source: rendered.append(source.id) or real(source))
    docs = tmp_path / "docs"
    render.render_briefing(briefing, docs, templates)
    assert len(rendered) == len(briefing.sources)
    rendered.clear()
    render.render_briefing(briefing, docs, templates)
    assert rendered == []
    page = docs / "sources" / f"{render.source_page_name(briefing.sources[0].id)}.md"
    page.write_text(page.read_text(encoding="utf-8") + "stray edit\n", encoding="utf-8")
    render.render_briefing(briefing, docs, templates)
    assert rendered == [briefing.sources[0].id] and "stray edit" not in page.read_text(encoding="utf-8")
    source = templates / "source.md.j2"
    source.write_text(source.read_text(encoding="utf-8").replace("## Text", "## Text of {{ meta.title|md }}"),
                      encoding="utf-8")
    for _ in range(2):
        rendered.clear()
        render.render_briefing(briefing, docs, templates)
        assert len(rendered) == len(briefing.sources)
    assert [name for name in render.read_page_keys(docs) if name.startswith("sources/source")
            or name.startswith("sources/0")] == []


def test_pages_made_of_the_whole_briefing_are_kept_when_the_data_templates_and_options_are_the_same(
        tmp_path, monkeypatch):
    from briefing import render
    from briefing.pipeline import extract_briefing

    briefing, _report = extract_briefing(Options(seeds_dir=ROOT / "seeds", cache_dir=None))
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    grouped: list[int] = []
    real = render.group_quotes
    monkeypatch.setattr(render, "group_quotes", lambda *args: grouped.append(1) or real(*args))
    docs = tmp_path / "docs"
    render.render_briefing(briefing, docs, templates)
    facts = (docs / "facts.md").read_text(encoding="utf-8")
    assert len(grouped) == 1
    source = templates / "source.md.j2"  # a change no top page reads
    source.write_text(source.read_text(encoding="utf-8").replace("## Text", "## The text"), encoding="utf-8")
    render.render_briefing(briefing, docs, templates)
    assert len(grouped) == 1  # the quotes page was kept, its work not done
    (docs / "facts.md").write_text(facts + "stray edit\n", encoding="utf-8")
    render.render_briefing(briefing, docs, templates)
    assert (docs / "facts.md").read_text(encoding="utf-8") == facts and len(grouped) == 1
    render.render_briefing(briefing, docs, templates, site_url="https://example.org/b/")  # another option
    assert len(grouped) == 2
    edited = dataclasses.replace(briefing, quotes=briefing.quotes[1:])  # other data
    render.render_briefing(edited, docs, templates, site_url="https://example.org/b/")
    assert len(grouped) == 3


def test_the_data_key_covers_all_code_but_what_only_renders_the_site():
    data = {p.relative_to(ROOT / "briefing").as_posix() for p in incremental.code_files(incremental.DATA_CODE)}
    build = {p.relative_to(ROOT / "briefing").as_posix() for p in incremental.code_files(incremental.BUILD_CODE)}
    assert {"pipes.py", "link/__init__.py", "extract/quotes.py", "overrides.py", "ingest.py"} <= data
    assert not data & incremental.SITE_ONLY and incremental.SITE_ONLY <= build


def test_a_page_names_a_page_that_came_or_went_only_where_a_link_could_hold_its_file_name():
    from briefing.partial import names_a_page
    assert names_a_page("see [part 5](facts/5.md#f-x)", ["5.md"])
    assert names_a_page('<a href="5.md">', ["5.md"]) and names_a_page("[p](5.md)", ["5.md"])
    assert names_a_page("[s](../sources/a-1.md)", ["x.md", "a-1.md"])
    # a longer file name ending the same way is another page: no rebuild for it
    assert not names_a_page("[part 15](q-x-part-15.md) · [5](q-x-part-5.md) · facts/25.md", ["5.md"])
    assert not names_a_page("nothing here", [])


def test_rendering_the_pages_resolves_each_generated_file_once(tmp_path, monkeypatch):
    """update_docs records the files it rendered by their resolved paths: each file's path is resolved
    once (a few system calls each, for some 1,500 files at 1,000 articles), not once per use."""
    from collections import Counter

    from test_render import FakeConfig

    from briefing.site import generated_files, update_docs

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    docs = tmp_path / "docs"
    resolved: Counter[str] = Counter()
    real = Path.resolve

    def resolve(self, strict=False):
        if self.suffix and str(self).startswith(str(docs) + "/"):
            resolved[str(self)] += 1
        return real(self, strict)

    monkeypatch.setattr(Path, "resolve", resolve)
    update_docs(FakeConfig(tmp_path, {}))
    monkeypatch.undo()
    assert generated_files(docs) and resolved
    assert max(resolved.values()) == 1


def test_a_folders_state_lists_every_file_part_by_part_with_its_size_and_time(tmp_path):
    # ``tree_state`` decides whether docs/ is as a build left it: every file under the folder
    # (hidden, nested; not behind a link to a folder), none of the folders, in the order of sorted
    # paths ("a/b" before "a-b", which a plain string sort puts first).
    for name in ("a-b", "a/b", "a/c/d.md", ".hidden", "z.md", "a/.tmp"):
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(name, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "e.md").write_text("linked", encoding="utf-8")
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    state = incremental.tree_state(tmp_path / "docs")
    assert [row[0] for row in state] == [".hidden", "a/.tmp", "a/b", "a/c/d.md", "a-b", "z.md"]
    docs = tmp_path / "docs"
    assert state == [[p.relative_to(docs).as_posix(), p.stat().st_size, p.stat().st_mtime_ns]
                     for p in sorted(docs.rglob("*")) if p.is_file()]
    assert incremental.tree_state(tmp_path / "missing") == []
