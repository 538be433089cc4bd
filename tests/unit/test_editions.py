"""The editions memo (briefing.editions): the same editions and the same state bytes as parsing
and emitting all of the YAML, without doing either for what did not change."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from test_changes import F1, F2, Q1, briefing, save

from briefing import changes as changes_module
from briefing import editions
from briefing.changes import KINDS, read_state, snapshot, state_to_yaml, track_changes
from briefing.editions import EditionsMemo

LABELS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=250)
IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.: #'\"", min_size=1, max_size=20)
SNAPSHOTS = st.fixed_dictionaries({kind: st.dictionaries(IDS, st.tuples(st.text("0123456789abcdef", min_size=12,
                                                                                max_size=12), LABELS), max_size=4)
                                   for kind in KINDS})


@settings(max_examples=60, deadline=None)
@given(SNAPSHOTS, st.one_of(st.none(), SNAPSHOTS))
def test_the_state_is_written_block_by_block_to_the_same_bytes(current, previous):
    memo = EditionsMemo()
    assert memo.state_yaml(current, previous) == state_to_yaml(current, previous)
    assert memo.state_yaml(current, previous) == state_to_yaml(current, previous)  # from the blocks now


def test_a_rebuild_reads_the_editions_from_the_memo_and_copies_unchanged_blocks(tmp_path, monkeypatch):
    state, memo_file = tmp_path / "changes.yaml", tmp_path / "cache" / editions.MEMO_FILE
    save(state, track_changes(briefing(F1, quotes=(Q1,)), state, EditionsMemo(memo_file)))
    save(state, track_changes(briefing(F1, F2, quotes=(Q1,)), state, EditionsMemo(memo_file)))
    parsed = []
    emitted = []
    monkeypatch.setattr(changes_module, "read_state", lambda path: parsed.append(path) or read_state(path))
    real_block = editions._block_yaml
    monkeypatch.setattr(editions, "_block_yaml", lambda kind, items: emitted.append(kind) or real_block(kind, items))
    third = briefing(replace(F1, text="The dam broke."), F2, quotes=(Q1,))
    with_memo = track_changes(third, state, EditionsMemo(memo_file))
    assert parsed == [] and emitted == ["facts"]  # previous: all blocks copied; current: only facts is new
    monkeypatch.undo()
    assert with_memo == track_changes(third, state)


def test_a_state_file_edited_by_hand_or_a_broken_memo_is_read_from_the_yaml(tmp_path):
    state, memo_file = tmp_path / "changes.yaml", tmp_path / editions.MEMO_FILE
    save(state, track_changes(briefing(F1), state, EditionsMemo(memo_file)))
    save(state, track_changes(briefing(F1, F2), state, EditionsMemo(memo_file)))
    data = yaml.safe_load(state.read_text(encoding="utf-8"))
    data["current"]["facts"]["f9"] = ["0123456789ab", "A fact added by hand."]
    state.write_text("# marker\n" + state_to_yaml(*(changes_module._snapshot_from_data(data[k])
                                                    for k in ("current", "previous"))), encoding="utf-8")
    assert EditionsMemo(memo_file).read_state(state) == read_state(state)
    assert "f9" in read_state(state)[0]["facts"]
    memo_file.write_text("{broken", encoding="utf-8")
    assert EditionsMemo(memo_file).read_state(state) == read_state(state)


@pytest.mark.parametrize("previous", [None, "same"])
def test_the_memo_survives_only_with_the_state_it_wrote(tmp_path, previous):
    state, memo_file = tmp_path / "changes.yaml", tmp_path / editions.MEMO_FILE
    snap = snapshot(briefing(F1))
    memo = EditionsMemo(memo_file)
    text = memo.state_yaml(snap, snap if previous else None)
    memo.save(snap, snap if previous else None, text)
    state.write_text("# marker\n" + text, encoding="utf-8")
    assert EditionsMemo(memo_file).read_state(state) == (snap, snap if previous else None)


MANY = st.fixed_dictionaries({kind: st.dictionaries(IDS, st.tuples(st.text("0123456789abcdef", min_size=12,
                                                                             max_size=12), LABELS), max_size=40)
                              for kind in ("facts", "quotes")})


@settings(max_examples=60, deadline=None)
@given(MANY, MANY, st.integers(0, 3))
def test_a_block_is_joined_from_runs_of_items_to_the_same_bytes(first, second, bits):
    """Blocks of many items are written run by run (a run copied when its items did not change),
    to the bytes of the whole YAML, whatever came before."""
    import unittest.mock

    with unittest.mock.patch.object(editions, "RUN_BITS", bits):
        memo = EditionsMemo()
        for current, previous in ((first, None), (second, first), (first, second), (second, second)):
            assert memo.state_yaml(current, previous) == state_to_yaml(current, previous)
            memo.blocks, memo.used = {**memo.blocks, **memo.used}, {}
            memo.runs, memo.used_runs = {**memo.runs, **memo.used_runs}, {}


def test_one_item_added_to_a_large_block_writes_its_run_only(monkeypatch):
    facts = {f"f-{n:05d}": ("0123456789ab", f"Fact number {n}.") for n in range(2000)}
    memo = EditionsMemo()
    memo.state_yaml({"facts": facts}, None)
    written: list[int] = []
    real_block = editions._block_yaml
    monkeypatch.setattr(editions, "_block_yaml",
                        lambda kind, items: written.append(len(items)) or real_block(kind, items))
    more = {**facts, "f-00100x": ("ba9876543210", "A fact added.")}
    assert memo.state_yaml({"facts": more}, None) == state_to_yaml({"facts": more}, None)
    assert len(written) == 1 and written[0] < 200  # one run of ~32 items, not 2,001


def test_a_block_copied_whole_keeps_its_runs_for_the_build_that_changes_it(tmp_path, monkeypatch):
    """Build 2 copies the facts block whole (only the quotes changed); build 3 adds a fact: it writes
    that fact's run only, from the runs build 1 wrote and build 2 kept."""
    path = tmp_path / editions.MEMO_FILE
    facts = {f"f-{n:05d}": ("0123456789ab", f"Fact number {n}.") for n in range(2000)}

    def build(current, previous):
        memo = EditionsMemo(path)
        text = memo.state_yaml(current, previous)
        assert text == state_to_yaml(current, previous)
        memo.save(current, previous, text)

    first = {"facts": facts, "quotes": {"q-1": ("0123456789ab", "One.")}}
    second = {"facts": facts, "quotes": {"q-1": ("ba9876543210", "One again.")}}
    build(first, None)
    build(second, first)
    written: list[int] = []
    real_block = editions._block_yaml
    monkeypatch.setattr(editions, "_block_yaml",
                        lambda kind, items: written.append(len(items)) or real_block(kind, items))
    third = {**second, "facts": {**facts, "f-00100x": ("ba9876543210", "A fact added.")}}
    build(third, second)
    assert len(written) == 1 and written[0] < 200
