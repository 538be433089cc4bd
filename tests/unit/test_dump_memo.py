"""The data files written in one pass, with the YAML of items seen before copied from a memo:
the bytes are those written without it."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import SEEDS

from briefing import dump
from briefing.dump import ChunkMemo, briefing_to_json, briefing_to_yaml, iter_data, iter_yaml, write_data_files
from briefing.pipeline import Options, extract_briefing


@pytest.fixture(scope="module")
def briefing():
    return extract_briefing(Options(seeds_dir=SEEDS, cache_dir=None))[0]


def counting(monkeypatch) -> list[int]:
    calls = [0]
    real = dump._dump

    def counted(data):
        calls[0] += 1
        return real(data)

    monkeypatch.setattr(dump, "_dump", counted)
    return calls


def test_a_memo_gives_the_same_yaml_and_emits_only_new_items(tmp_path, briefing, monkeypatch):
    expected = briefing_to_yaml(briefing)
    items = sum(len(v) for v in (briefing.sources, briefing.quotes, briefing.facts, briefing.timeline))
    calls = counting(monkeypatch)
    memo = ChunkMemo(tmp_path / "memo.sqlite")
    assert "".join(iter_yaml(briefing, memo)) == expected
    memo.close()
    first = calls[0]
    assert first > items
    memo = ChunkMemo(tmp_path / "memo.sqlite")
    assert "".join(iter_yaml(briefing, memo)) == expected
    memo.close()
    assert calls[0] - first < 12  # only the fields that are not lists (meta) were emitted again


def test_a_memo_of_another_version_or_a_broken_file_remembers_nothing(tmp_path, briefing, monkeypatch):
    expected = briefing_to_yaml(briefing)
    memo = ChunkMemo(tmp_path / "memo.sqlite")
    "".join(iter_yaml(briefing, memo))
    memo.close()
    with sqlite3.connect(tmp_path / "memo.sqlite") as db:
        db.execute("UPDATE meta SET version = 'older'")
        db.execute("UPDATE chunks SET text = 'stale: true\n'")
    monkeypatch.setattr(dump, "_by_value", {"last": {}, "now": {}})  # as a process started afresh
    calls = counting(monkeypatch)
    memo = ChunkMemo(tmp_path / "memo.sqlite")
    assert "".join(iter_yaml(briefing, memo)) == expected and calls[0] > 20
    memo.close()
    (tmp_path / "broken.sqlite").write_bytes(b"not a database at all" * 100)
    memo = ChunkMemo(tmp_path / "broken.sqlite")
    assert "".join(iter_yaml(briefing, memo)) == expected
    memo.close()


def test_both_files_in_one_pass_hold_the_bytes_of_each_written_alone(tmp_path, briefing):
    yaml_path, json_path = tmp_path / "data" / "b.yaml", tmp_path / "data" / "b.json"
    (changed_yaml, _), (changed_json, _) = write_data_files(yaml_path, json_path, iter_data(briefing),
                                                            yaml_head="# head\n")
    assert changed_yaml and changed_json
    assert yaml_path.read_text(encoding="utf-8") == "# head\n" + briefing_to_yaml(briefing)
    assert json_path.read_text(encoding="utf-8") == briefing_to_json(briefing)
    before = yaml_path.stat().st_mtime_ns
    (changed_yaml, _), (changed_json, _) = write_data_files(yaml_path, json_path, iter_data(briefing),
                                                            yaml_head="# head\n")
    assert not changed_yaml and not changed_json and yaml_path.stat().st_mtime_ns == before
    assert sorted(p.name for p in yaml_path.parent.iterdir()) == ["b.json", "b.yaml"]  # no temporary files left


def test_items_equal_to_the_last_runs_take_its_json_and_yaml_from_memory(tmp_path, briefing, monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr(dump, "_by_value", {"last": {}, "now": {}})
    made = []
    real = dump._json_and_yaml
    monkeypatch.setattr(dump, "_json_and_yaml", lambda item, memo, **kw: made.append(item) or real(item, memo, **kw))

    def data(b, memo_file="memo.sqlite"):
        memo = ChunkMemo(tmp_path / memo_file)
        digests: dict[str, str] = {}
        pieces = list(iter_data(b, memo, digests))
        memo.close()
        dump.forget_untouched()  # the run's end
        return pieces, digests

    def fresh(b):
        digests: dict[str, str] = {}
        return list(iter_data(b, None, digests)), digests

    expected = fresh(briefing)
    assert data(briefing) == expected
    made.clear()
    assert data(briefing) == expected
    assert made == []  # every item as in the last run: nothing converted
    facts = list(briefing.facts)
    facts[0] = replace(facts[0], text=facts[0].text + " Again.")
    facts[1] = replace(facts[1], rank=float(int(facts[1].rank)) + 1.0)
    edited = replace(briefing, facts=tuple(facts))
    expected = fresh(edited)
    made.clear()
    assert data(edited) == expected
    assert made == [facts[0], facts[1]]  # the changed items only
    # A rank equal but written differently (1 == 1.0, 0.0 == -0.0) is not taken for the other.
    for one, other in ((1, 1.0), (0.0, -0.0)):
        a, b = (replace(edited, facts=(replace(facts[2], rank=r), *facts[3:])) for r in (one, other))
        data(a)
        assert data(b) == fresh(b)


def test_change_entries_of_items_equal_to_the_last_runs_come_from_memory(briefing, monkeypatch):
    from dataclasses import replace

    from briefing import changes

    monkeypatch.setattr(dump, "_by_value", {"last": {}, "now": {}})
    made = []
    real = changes._entry
    monkeypatch.setattr(changes, "_entry", lambda kind, item: made.append(item.id) or real(kind, item))
    assert changes.snapshot(briefing, remember=True) == changes.snapshot(briefing)
    dump.forget_untouched()
    made.clear()
    fact = replace(briefing.facts[0], text="Another text.")
    edited = replace(briefing, facts=(fact, *briefing.facts[1:]))
    expected = changes.snapshot(edited)
    made.clear()
    assert changes.snapshot(edited, remember=True) == expected
    assert made == [fact.id]  # the changed item only


def _write_calls() -> int:
    for line in open("/proc/self/io", encoding="ascii"):
        if line.startswith("syscw:"):
            return int(line.split()[1])
    raise LookupError("syscw")


def test_the_streamed_data_files_reach_the_system_in_few_large_writes(tmp_path):
    # Each write is a change notification to whatever watches docs/ (`briefing serve`): a 17 MB
    # briefing.json written 8 KB at a time was 2,000 of them at every rebuild of 1,000 articles.
    try:
        _write_calls()
    except (OSError, LookupError):
        pytest.skip("no /proc/self/io here: the system's write count cannot be read")
    pieces = [(f"- item {n}: {'y' * 60}\n", f'"item {n}": "{"j" * 60}",\n') for n in range(60_000)]  # ~4 MB each
    before = _write_calls()
    write_data_files(tmp_path / "b.yaml", tmp_path / "b.json", iter(pieces))
    calls = _write_calls() - before
    assert (tmp_path / "b.json").stat().st_size > 4_000_000
    assert calls < 40, f"{calls} writes for two 4 MB files"
    before = _write_calls()
    dump.write_chunks(tmp_path / "c.yaml", (y for y, _j in pieces))
    assert _write_calls() - before < 20


def test_by_value_answers_each_item_by_its_own_value_within_a_run_and_across_runs(briefing, monkeypatch):
    # An item asked about again in a run is looked up by identity, and equal items of two runs share
    # one key: neither may hand an item the answer of another (an id reused, a float written apart).
    from dataclasses import replace

    monkeypatch.setattr(dump, "_by_value", {"last": {}, "now": {}})
    monkeypatch.setattr(dump, "_values", {"ids": {}, "last": {}, "now": {}})
    fact = briefing.facts[0]
    for _run in range(2):
        for n in range(300):  # each a new object, dropped at once: CPython hands its id to the next
            item = replace(fact, text=f"text {n}")
            assert dump.by_value(item, "text", lambda item=item: item.text) == f"text {n}"
            assert dump.by_value(item, "text", lambda: "recomputed") == f"text {n}"  # asked again: remembered
        one, other = replace(fact, rank=1), replace(fact, rank=1.0)  # equal, but their JSON differs
        assert dump.by_value(one, "rank", lambda: "1") == "1"
        assert dump.by_value(other, "rank", lambda: "1.0") == "1.0"
        assert dump.by_value(replace(fact, rank=1), "rank", lambda: "?") == "1"
        assert dump.by_value(one, "other purpose", lambda: "x") == "x"
        assert dump.by_value(one, "rank", lambda: "?", also=("anchor",)) == "?"
        dump.forget_untouched()  # the run's end: the next run takes these answers for equal items
    assert dump.by_value(replace(fact, text="text 7"), "text", lambda: "recomputed") == "text 7"
    dump.forget_untouched()
    dump.forget_untouched()  # two runs that never asked: forgotten
    assert dump.by_value(replace(fact, text="text 7"), "text", lambda: "recomputed") == "recomputed"
