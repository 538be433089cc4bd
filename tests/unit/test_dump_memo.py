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
