"""What a long-lived process (``briefing serve``, the bench) keeps in memory between rebuilds:
cached extractions and the parse of sources.yaml. Each is keyed by all it depends on, so a
rebuild gives what a fresh process gives. All text is invented."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import cache, ingest
from briefing.dump import to_data
from briefing.model import RawArticle, SourceMeta
from briefing.pipeline import extract_one


def raw(text: str, name: str = "a0001") -> RawArticle:
    return RawArticle(name, f"{name}.txt", text, SourceMeta(publisher="Harbour Post"),
                      hashlib.sha256(text.encode()).hexdigest())


TEXT = ("Harbour board approves budget\n\n"
        "The harbour board approved its budget on Tuesday after a long debate, officials said.\n"
        "Board member Ana Ruiz said the vote “ends years of waiting” for the families of the east bank.\n")


def test_an_entry_read_once_comes_from_memory_and_equals_the_one_on_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_remembered", type(cache._remembered)())
    article = raw(TEXT)
    first, fresh = extract_one(article, tmp_path)
    assert fresh
    kept, fresh = extract_one(article, tmp_path)
    assert not fresh and kept is first  # written, then remembered: no read at all
    cache._remembered.clear()
    from_disk, _ = extract_one(article, tmp_path)
    assert from_disk is not first and to_data(from_disk) == to_data(first)
    for entry in tmp_path.rglob("*.json"):
        entry.unlink()
    assert extract_one(article, tmp_path)[0] is from_disk  # remembered: the file is not read again


def test_an_edited_article_or_other_metadata_is_never_served_the_remembered_entry(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_remembered", type(cache._remembered)())
    article = raw(TEXT)
    before, _ = extract_one(article, tmp_path)
    edited = raw(TEXT + "The board meets again on Friday.\n")
    after, fresh = extract_one(edited, tmp_path)
    assert fresh and to_data(after) == to_data(extract_one(edited)[0]) and to_data(after) != to_data(before)
    renamed, fresh = extract_one(replace(article, meta=SourceMeta(publisher="Quay Gazette")), tmp_path)
    assert fresh and renamed[0].publisher == "Quay Gazette"


def test_memory_holds_at_most_the_newest_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_remembered", type(cache._remembered)())
    monkeypatch.setattr(cache, "REMEMBERED_ENTRIES", 2)
    articles = [raw(TEXT.replace("Tuesday", day), f"a{n}") for n, day in enumerate(["Monday", "Tuesday", "Friday"])]
    for article in articles:
        extract_one(article, tmp_path)
    assert len(cache._remembered) == 2
    assert extract_one(articles[0], tmp_path)[1] is False  # forgotten by memory, still on disk


def test_sources_yaml_is_parsed_once_per_text_and_every_caller_gets_its_own_copy(monkeypatch):
    parses = []
    real = ingest._parse_with_lines
    monkeypatch.setattr(ingest, "_parse_with_lines", lambda text: parses.append(text) or real(text))
    monkeypatch.setattr(ingest, "_PARSED", {})
    text = "a.txt:\n  publisher: Harbour Post\n  date: 2031-03-04\nb.txt:\n  title: Budget\n"
    first = ingest._load_with_lines(text)
    first[0]["a.txt"]["publisher"] = "changed by a caller"
    second = ingest._load_with_lines(text)
    assert parses == [text] and second == real(text) and second[0]["a.txt"]["publisher"] == "Harbour Post"
    other = text.replace("Budget", "Quay")
    assert ingest._load_with_lines(other)[0]["b.txt"]["title"] == "Quay" and parses == [text, other]


def test_the_template_environment_is_made_again_when_any_template_changes(tmp_path):
    from briefing.render import environment_for

    (tmp_path / "page.md.j2").write_text("Hello {{ name | md }}\n", encoding="utf-8")
    env = environment_for(tmp_path)
    assert environment_for(tmp_path) is env
    assert env.get_template("page.md.j2").render(name="Ana") == "Hello Ana\n"
    (tmp_path / "page.md.j2").write_text("Goodbye {{ name | md }}\n", encoding="utf-8")  # same size, same second
    again = environment_for(tmp_path)
    assert again is not env and again.get_template("page.md.j2").render(name="Ana") == "Goodbye Ana\n"
    (tmp_path / "_other.md.j2").write_text("x", encoding="utf-8")  # any file of the folder
    assert environment_for(tmp_path) is not again


def _arts():
    from articles import make

    return [make("a", "North Herald", "2024-05-02",
                 "Ola Brandt denied reports that he moved port funds into a private account.",
                 "Marsh signed the coastal flood bill on Wednesday after a week of protests."),
            make("b", "South Gazette", "2024-05-03",
                 "Brandt moved port funds into a private account, documents show.")]


def test_what_per_node_functions_found_passes_to_the_same_node_of_the_next_graph_only():
    """In one process, a node the same in all but its index keeps the answers found of it when the
    previous run's memo hands them on (an article added before it shifts every index); a node that
    differs in anything asks again; a graph built with no memo is handed nothing."""
    from articles import make

    from briefing.link import disputes
    from briefing.link.claimgraph import build_graph
    from briefing.link.memo import ClaimMemo

    arts = _arts()
    memo = ClaimMemo()
    first = build_graph([a[0] for a in arts], [a[1] for a in arts], memo)
    stances = [disputes.stance_of(n) for n in first.nodes]
    earlier = make("0", "East Post", "2024-05-01", "The marsh by the harbour flooded again on Monday.")
    shifted = [earlier, *arts]
    memo = ClaimMemo(handed=memo.nodes)  # the next run in the same process
    second = build_graph([a[0] for a in shifted], [a[1] for a in shifted], memo)
    kept = [n for n in second.nodes if n.source.id != "0"]
    assert [n.index for n in kept] != [n.index for n in first.nodes]
    by_claim = {id(n.claim): n for n in first.nodes}

    def asked_before(node) -> bool:  # what the run before asked of it (building a graph never asks stance_of)
        return any(k.endswith(".stance_of") for k in node.known)

    for node in kept:
        before = by_claim[id(node.claim)]
        if node.profile == before.profile:
            assert node.known == before.known and asked_before(node)  # handed on, not asked again
        else:  # "marsh" is a name no more: this claim's profile changed, so it is asked afresh
            assert "Marsh" in node.claim.text and not asked_before(node)
    assert any("Marsh" in n.claim.text and not asked_before(n) for n in kept)
    assert [disputes.stance_of(n) for n in kept] == stances
    fresh = _arts()  # equal articles, other objects (another process's): nothing handed on
    third = build_graph([a[0] for a in fresh], [a[1] for a in fresh], ClaimMemo(handed=memo.nodes))
    assert not any(asked_before(n) for n in third.nodes) and third == first
    alone = build_graph([a[0] for a in arts], [a[1] for a in arts])  # no memo: nothing handed on
    assert not any(asked_before(n) for n in alone.nodes)


def test_what_is_kept_of_a_lasting_object_is_asked_once_and_never_given_to_an_equal_other():
    from briefing import dump

    source = _arts()[0][0]
    calls = []
    assert dump.kept(source, "t", lambda: calls.append(1) or "first") == "first"
    assert dump.kept(source, "t", lambda: calls.append(1) or "second") == "first" and len(calls) == 1
    twin = replace(source)  # equal, but another object: its own answer
    assert twin == source and dump.kept(twin, "t", lambda: "twin's") == "twin's"
    assert dump.kept(source, "other purpose", lambda: "other") == "other"


def test_data_and_editions_of_kept_sources_are_those_of_fresh_ones():
    """The data files and the What's new snapshot keep each source's JSON and YAML with the source
    object: a rebuild with the same objects writes the same bytes; an edited source its own."""
    from briefing.changes import snapshot
    from briefing.dump import iter_data
    from briefing.link import link_briefing

    arts = _arts()
    briefing = link_briefing([a[0] for a in arts], [a[1] for a in arts])
    first = list(iter_data(briefing))
    assert list(iter_data(briefing)) == first and snapshot(briefing) == snapshot(briefing)
    edited = replace(briefing, sources=(replace(briefing.sources[0], title="A new title"), *briefing.sources[1:]))
    fresh = replace(edited, sources=tuple(replace(s) for s in edited.sources))  # other objects, equal values
    assert list(iter_data(edited)) == list(iter_data(fresh)) != first
    assert snapshot(edited) == snapshot(fresh) != snapshot(briefing)


def test_a_template_is_parsed_again_when_its_text_changes_even_in_the_same_environment(tmp_path):
    from briefing.pagekeys import template_reads
    from briefing.render import make_environment

    (tmp_path / "_macros.md.j2").write_text("", encoding="utf-8")
    (tmp_path / "page.md.j2").write_text("{{ briefing.facts | length }}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    assert template_reads(env, "page.md.j2") == {"facts"} == template_reads(env, "page.md.j2")
    (tmp_path / "page.md.j2").write_text("{{ briefing.quotes | length }}\n", encoding="utf-8")
    assert template_reads(env, "page.md.j2") == {"quotes"}


def test_memory_keeps_the_last_runs_articles_only(tmp_path, monkeypatch):
    from briefing.pipeline import Options, extract_articles

    monkeypatch.setattr(cache, "_remembered", type(cache._remembered)())
    monkeypatch.setattr(cache, "_touched", set())
    first = [raw(TEXT.replace("Tuesday", day), f"a{n}") for n, day in enumerate(["Monday", "Tuesday"])]
    options = Options(cache_dir=tmp_path)
    extract_articles(first, options, progress=lambda _: None)
    assert len(cache._remembered) == 2
    extract_articles(first[1:], options, progress=lambda _: None)
    assert len(cache._remembered) == 1  # the article that left the seeds left memory too


def test_kept_answers_of_objects_a_run_no_longer_asks_about_are_forgotten():
    from briefing import dump

    old, new = _arts()[0][0], _arts()[1][0]
    dump.forget_untouched()
    dump.kept(old, "t", lambda: "old")
    dump.forget_untouched()  # a run's end: old was asked about in it
    dump.kept(new, "t", lambda: "new")
    dump.forget_untouched()  # this run asked about new only
    assert (id(old), "t") not in dump._kept and dump._kept[(id(new), "t")][1] == "new"


_ENTRY_LINES = st.sampled_from([
    "{name}:\n  publisher: {word}\n", "{name}:\n  title: '{word}'\n  date: 2024-11-0{digit}\n",
    "{name}: {{publisher: {word}}}\n", "{name}:\n", "{name}: {word}\n", "# a note on {word}\n", "\n",
    "{name}:\n  title: \"{word}\n  goes on\"\n", "{name}:\n  title: \"{word}\n{name}: x\"\n",
    "{name}:\n  title: |\n    {word}\n    more\n", "{name}: &a\n  url: https://x.org/?a=1&b=2\n",
    "{name}: *a\n", "{name}:\n  <<: *a\n  title: {word}\n", "---\n", "- {name}\n", "'{name}': {{}}\n",
    "{name}:\n\ttitle: {word}\n", "{name}:\n  count: 123456789012345678901234567890\n", "{name}:\n  - {word}\n",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_ENTRY_LINES, st.sampled_from(["a.txt", "b.txt", "c_1.md", "2.html", "Zed.txt"]),
                          st.sampled_from(["Post", "x: y", "#tag", "é", "[1, 2]", "'q'"]), st.integers(1, 9)),
                min_size=1, max_size=30),
       st.integers(0, 2), st.data())
def test_a_large_sources_yaml_parsed_run_by_run_gives_what_the_whole_parse_gives(entries, bits, data):
    """Parsed run by run (a large file, some runs from the last parse), sources.yaml gives the data and
    lines of one parse of the whole text, or the same error."""
    def outcome(parse, text):
        try:
            return parse(text)
        except Exception as err:  # noqa: BLE001
            return type(err).__name__, str(err)

    texts = ["".join(t.format(name=n, word=w, digit=d) for t, n, w, d in entries)]
    cut = data.draw(st.integers(0, len(entries) - 1))
    texts.append("".join(t.format(name=n, word=w, digit=d) for t, n, w, d in entries[:cut] + entries[cut + 1:]))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest, "RUNS_FROM_ENTRIES", 2)
        mp.setattr(ingest, "RUN_BITS", bits)
        mp.setattr(ingest, "_PARSED", {})
        mp.setattr(ingest, "_PARSED_RUNS", {})
        for text in texts:
            got, whole = outcome(ingest._load_with_lines, text), outcome(ingest._parse_with_lines, text)
            assert got == whole
            if isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], dict):
                assert list(got[0]) == list(whole[0])


def test_a_large_sources_yaml_with_one_entry_gone_parses_that_entrys_run_only(monkeypatch):
    text = "".join(f"{n:04d}.txt:\n  publisher: Post {n}\n  url: https://x.org/{n}\n" for n in range(1000))
    monkeypatch.setattr(ingest, "_PARSED", {})
    monkeypatch.setattr(ingest, "_PARSED_RUNS", {})
    first = ingest._load_with_lines(text)
    assert first == ingest._parse_with_lines(text)
    parsed: list[str] = []
    real = ingest._parse_with_lines
    monkeypatch.setattr(ingest, "_parse_with_lines", lambda t: parsed.append(t) or real(t))
    gone = text.replace("0500.txt:\n  publisher: Post 500\n  url: https://x.org/500\n", "")
    again = ingest._load_with_lines(gone)
    assert again == real(gone) and "0500.txt" not in again[0] and again[1]["0501.txt"][0] == 3 * 500 + 1
    assert len(parsed) == 1 and parsed[0].count(".txt:") < 200  # its run (about 32 entries), not 999
