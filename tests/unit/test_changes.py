"""changes: new / changed / gone by id; the editions roll forward only when the data changes."""

from dataclasses import replace
from pathlib import Path

from briefing.changes import Changes, diff, feed_entry, read_state, snapshot, track_changes
from briefing.model import Briefing, BriefingMeta, Citation, Fact, Quote, Source
from briefing.render import MARKER_TEXT


def cite(source: str = "a") -> Citation:
    return Citation(source, "s1", 0, 4, "Some sentence.")


def briefing(*facts: Fact, quotes: tuple[Quote, ...] = (), sources: tuple[str, ...] = ("a",)) -> Briefing:
    return Briefing(meta=BriefingMeta(title="T", topic="t"),
                    sources=tuple(Source(s, f"{s}.txt", f"Text {s}.", (), title=f"Title {s}") for s in sources),
                    facts=facts, quotes=quotes)


F1 = Fact("f1", "The dam held.", (cite(),), rank=1.0)
F2 = Fact("f2", "The road closed.", (cite(),), rank=0.5)
Q1 = Quote("q-1", "We are ready", "Ivo Lark", (cite(),))


def save(path: Path, changes: Changes) -> None:
    """What the renderer does with the state text."""
    path.write_text(f"# {MARKER_TEXT}\n" + changes.state_text, encoding="utf-8")


def test_diff_new_changed_gone_sorted():
    old = snapshot(briefing(F1, F2, quotes=(Q1,)))
    new = snapshot(briefing(replace(F1, citations=(cite(), cite("b"))), Fact("f3", "A new fact.", (cite(),)),
                            sources=("a", "b")))
    got = [(c.kind, c.status, c.id) for c in diff(old, new)]
    assert got == [("facts", "new", "f3"), ("facts", "changed", "f1"), ("facts", "gone", "f2"),
                   ("quotes", "gone", "q-1"), ("sources", "new", "b")]
    gone = next(c for c in diff(old, new) if c.id == "q-1")
    assert gone.label == "Ivo Lark: “We are ready”"  # gone items keep their old label


def test_rank_and_editorial_fields_are_not_content():
    old = snapshot(briefing(F1))
    new = snapshot(briefing(replace(F1, rank=9.0, title="Head", note="Note", pinned=True)))
    assert diff(old, new) == ()


def test_first_build_has_no_previous(tmp_path):
    changes = track_changes(briefing(F1), tmp_path / "changes.yaml")
    assert changes.previous is None and changes.entries == ()
    assert changes.summary().startswith("First edition")
    assert feed_entry(changes, "2030-01-01T00:00:00Z")["title"] == "First edition of this briefing"


def test_rebuild_of_unchanged_input_keeps_the_last_diff(tmp_path):
    state = tmp_path / "changes.yaml"
    save(state, track_changes(briefing(F1), state))
    second = track_changes(briefing(F1, F2), state)
    save(state, second)
    assert [(c.status, c.id) for c in second.entries] == [("new", "f2")]
    text = state.read_text(encoding="utf-8")
    for _ in range(2):  # the same input again: same diff, same state, byte for byte
        again = track_changes(briefing(F1, F2), state)
        assert again == second
        save(state, again)
        assert state.read_text(encoding="utf-8") == text
    assert second.summary() == "1 new fact."


def test_editorial_edits_do_not_roll_the_editions(tmp_path):
    state = tmp_path / "changes.yaml"
    save(state, track_changes(briefing(F1), state))
    save(state, track_changes(briefing(F1, F2), state))
    edited = track_changes(briefing(replace(F1, note="Editor's note"), F2), state)
    assert [(c.status, c.id) for c in edited.entries] == [("new", "f2")]


def test_a_further_change_rolls_forward(tmp_path):
    state = tmp_path / "changes.yaml"
    for facts in ((F1,), (F1, F2)):
        save(state, track_changes(briefing(*facts), state))
    third = track_changes(briefing(F2), state)
    assert [(c.status, c.id) for c in third.entries] == [("gone", "f1")]
    assert third.previous is not None and third.previous != third.edition
    assert "What's new: 1 gone fact." == feed_entry(third, "x")["title"]
    assert feed_entry(third, "x", directory_urls=True)["href"] == "whats_new/"


def test_unreadable_state_starts_afresh(tmp_path, caplog):
    state = tmp_path / "changes.yaml"
    state.write_text("format: 1\ncurrent: [not, a, mapping]\n", encoding="utf-8")
    assert read_state(state) == (None, None)
    assert "not a readable editions file" in caplog.text
    state.write_text("::: [", encoding="utf-8")
    assert track_changes(briefing(F1), state).previous is None


def test_groups_for_the_page():
    old = snapshot(briefing(F1, quotes=(Q1,)))
    changes = Changes("e2", "e1", diff(old, snapshot(briefing(F2))))
    groups = changes.by_kind()
    assert [g["kind"] for g in groups] == ["facts", "quotes"]
    assert [c.id for c in groups[0]["new"]] == ["f2"] and [c.id for c in groups[0]["gone"]] == ["f1"]
    assert changes.count("gone") == 2


def test_rendered_page_and_feed(tmp_path):
    from briefing.changes import STATE_FILE
    from briefing.model import Sentence
    from briefing.render import render_briefing

    templates = Path(__file__).resolve().parents[2] / "templates"
    docs = tmp_path / "docs"
    text = "The dam held. The road closed."
    source = Source("a", "a.txt", text, (Sentence("s1", 0, 13, 0), Sentence("s2", 14, 30, 0)), title="Title a")

    def render(*facts: Fact) -> str:
        b = Briefing(meta=BriefingMeta(title="T", topic="t"), sources=(source,), facts=facts)
        render_briefing(b, docs, templates, changes=track_changes(b, docs / STATE_FILE))
        return (docs / "whats_new.md").read_text(encoding="utf-8")

    assert "First edition" in render(F1)
    page = render(F1, Fact("f3", "The road *closed*.", (Citation("a", "s2", 14, 30, "The road closed."),)))
    assert "1 new fact." in page
    assert "- [The road \\*closed\\*.](facts.md#f-f3)" in page  # escaped label, link to the fact's anchor
    assert render(F1, Fact("f3", "The road *closed*.", (cite(),))) != page  # new citation: changed
    feed = (docs / "feed.xml").read_text(encoding="utf-8")
    assert "What&#x27;s new: 1 changed fact." in feed and "<category term=\"edition\"/>" in feed
