"""The claim memo (briefing.link.memo) and the build's collector policy (briefing.collect):
both make a rebuild faster and neither changes what it produces. All sentences are invented."""

from __future__ import annotations

import gc

from articles import make

from briefing import collect
from briefing.link import link_briefing
from briefing.link import memo as memo_module
from briefing.link.claimgraph import build_graph
from briefing.link.index import NO_WORDS, content_words, features
from briefing.link.memo import ClaimMemo


def corpus() -> list:
    return [make("a", "North Herald", "2024-05-02",
                 "Governor Elena Marsh signed the coastal flood bill on Wednesday after a week of protests.",
                 "At least 40 people marched to the harbour, police said."),
            make("b", "South Gazette", "2024-05-02",
                 "After days of protests, Governor Elena Marsh signed the flood bill for the coast into law.",
                 "Ola Brandt denied reports that he moved port funds into a private account."),
            make("c", "East Post", "2024-05-03",
                 "Brandt moved port funds into a private account, documents show.")]


def graph_of(arts, memo=None):
    return build_graph([a[0] for a in arts], [a[1] for a in arts], memo)


def test_a_saved_memo_gives_the_same_graph_without_computing_the_claims_again(tmp_path, monkeypatch):
    arts = corpus()
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    cold = graph_of(arts, first)
    first.save()
    assert cold == graph_of(arts) and first.misses > 0 and first.hits == 0
    computed = []
    real = memo_module.profile
    monkeypatch.setattr(memo_module, "profile", lambda *a, **k: computed.append(a[0]) or real(*a, **k))
    again = ClaimMemo(path)
    assert graph_of(arts, again) == cold
    assert computed == [] and again.misses == 0 and again.hits == first.misses


def empty_sets(graph) -> list:
    """Every empty frozenset a graph's nodes and profiles hold (one object per field and node)."""
    out = []
    for node in graph.nodes:
        p = node.profile
        for value in (node.tokens, node.phrases, node.quoted, node.speaker, p.names, p.plain, p.days, p.lead,
                      p.subject, p.numbers, p.core, p.won):
            if not value:
                out.append(value)
    return out


def test_nodes_share_one_empty_set_and_one_string_per_bigram_with_or_without_a_saved_memo(tmp_path):
    # memory at 10,000 articles: an empty frozenset takes ~200 bytes and most claims name no
    # day, figure or subject and quote nothing; the same bigram in many texts is one string
    arts = corpus()
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    cold = graph_of(arts, first)
    first.save()
    warm = graph_of(arts, ClaimMemo(path))  # profiles read back from the file
    assert warm == cold
    for graph in (cold, warm):
        empties = empty_sets(graph)
        assert len(empties) > len(graph.nodes) and all(e is NO_WORDS for e in empties)
    a, b = features("Marsh signed the flood bill."), features("Reporters said Marsh signed the flood bill.")
    shared = a[0] & b[0]
    assert "flood_bill" in shared
    assert {id(t) for t in a[0] if t in shared} == {id(t) for t in b[0] if t in shared}


def test_texts_share_one_tuple_per_content_word():
    # every claim's words are held at once while the graph is built: one tuple per word, not per use
    a = content_words("Governor Elena Marsh signed the “flood bill” on Wednesday.")
    b = content_words("Marsh signed the bill, aides said, and the “flood bill” passed.")
    assert ("sign", True, False) in a and ("sign", True, False) in b
    for word in set(a) & set(b):
        assert a[a.index(word)] is b[b.index(word)]


def test_an_edited_article_computes_only_its_own_claims_again(tmp_path, monkeypatch):
    arts = corpus()
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    graph_of(arts, first)
    first.save()
    edited = [*arts[:2], make("c", "East Post", "2024-05-03",
                              "Brandt moved port funds into a private account, documents show.",
                              "The committee met again on Monday.")]
    computed = []
    real = memo_module.profile
    monkeypatch.setattr(memo_module, "profile", lambda *a, **k: computed.append(a[0]) or real(*a, **k))
    memo = ClaimMemo(path)
    graph = graph_of(edited, memo)
    assert computed and set(computed) <= {c.text for c in edited[2][1].claims}
    assert graph == graph_of(edited)


def test_a_profile_is_keyed_by_the_names_it_reads():
    """The same text gets another profile when the corpus makes one of its words a name."""
    memo = ClaimMemo()
    text = "Marsh signed the bill."
    words = memo.words(text)
    with_name = memo.profile(text, words, frozenset({"marsh"}), frozenset(), False)
    without = memo.profile(text, words, frozenset(), frozenset(), False)
    assert with_name.names == {"marsh"} and without.names == frozenset()


def test_a_damaged_or_foreign_memo_file_is_an_empty_memo(tmp_path):
    arts = corpus()
    path = tmp_path / "memo.bin"
    path.write_bytes(b"not a memo")
    memo = ClaimMemo(path)
    assert graph_of(arts, memo) == graph_of(arts) and memo.hits == 0
    memo.save()
    assert ClaimMemo(path).profile  # written afresh, readable
    path.write_bytes(b"".join(memo_module._record(("another version", {}))))
    assert ClaimMemo(path)._old["profile"] == {}


def test_linking_with_a_memo_gives_the_same_briefing(tmp_path):
    arts = corpus()
    memo = ClaimMemo(tmp_path / "memo.bin")
    plain = link_briefing([a[0] for a in arts], [a[1] for a in arts])
    assert link_briefing([a[0] for a in arts], [a[1] for a in arts], memo=memo) == plain
    memo.save()
    again = ClaimMemo(tmp_path / "memo.bin")
    assert link_briefing([a[0] for a in arts], [a[1] for a in arts], memo=again) == plain and again.hits


def test_fewer_collections_raises_the_threshold_freezes_and_restores_everything():
    before = gc.get_threshold()
    assert not collect.active()
    collect.freeze_long_lived()  # outside a block: nothing frozen
    assert gc.get_freeze_count() == 0
    with collect.fewer_collections():
        assert gc.get_threshold()[0] == collect.YOUNG_THRESHOLD and collect.active()
        assert gc.get_freeze_count() > 0
        kept = [[n] for n in range(1000)]
        collect.freeze_long_lived()
        with collect.fewer_collections():  # nested: left to the outer block
            assert collect.active()
        assert collect.active()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0 and kept


def test_a_build_walks_the_whole_heap_only_when_it_grew_by_more_than_a_quarter(monkeypatch):
    calls = []
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: calls.append(args) or real(*args))
    monkeypatch.setitem(collect._after_full, "blocks", 0)
    with collect.fewer_collections():  # the first build of a process: a full collection
        pass
    assert len(calls) == 1 and collect._after_full["blocks"] > 0
    with collect.fewer_collections():  # the next, over the same heap: none
        pass
    assert len(calls) == 1
    grown = [[n] for n in range(int(collect._after_full["blocks"] * collect.FULL_COLLECTION_GROWTH) + 1000)]
    with collect.fewer_collections():  # a quarter more memory (remembered results, or garbage): one again
        pass
    assert len(calls) == 2 and grown and gc.get_freeze_count() == 0


def test_a_served_build_settles_the_full_collection_the_next_build_would_make(monkeypatch):
    calls = []
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: calls.append(args) or real(*args))
    monkeypatch.setitem(collect._after_full, "blocks", 0)
    collect.settle()  # the heap grew since the last full collection (none): one now
    assert len(calls) == 1 and collect._after_full["blocks"] > 0
    with collect.fewer_collections():  # so the next build starts without one
        collect.settle()  # (inside a block: nothing)
    collect.settle()
    assert len(calls) == 1 and gc.get_freeze_count() == 0


def test_the_build_entry_points_run_with_fewer_collections(monkeypatch):
    from briefing import pipeline, site

    seen = []
    monkeypatch.setattr(pipeline, "extract_articles", lambda *a, **k: seen.append(collect.active()) or ([], None))
    try:
        pipeline.extract_briefing(pipeline.Options(seeds_dir=__import__("pathlib").Path("nowhere")), inputs=([], []))
    except Exception:  # noqa: BLE001 - no articles: only whether the map ran inside the block matters
        pass
    assert seen == [True] and not collect.active()
    for func in (site.build_site, site.update_docs, pipeline.extract_to_file):
        assert func.__wrapped__  # decorated with collecting_less


def test_linking_runs_with_fewer_collections_whoever_calls_it():
    from briefing.link import LINK_PIPELINE, _meta
    from briefing.pipes import Component

    seen = []
    meta = Component("meta", lambda ctx: seen.append(collect.active()) or _meta(ctx), requires=("sources",),
                     assigns=("meta",))
    arts = corpus()
    briefing = link_briefing([a[0] for a in arts], [a[1] for a in arts], LINK_PIPELINE.replace("meta", meta))
    assert seen == [True] and not collect.active()
    assert briefing == link_briefing([a[0] for a in arts], [a[1] for a in arts])


def test_the_hook_keeps_collections_rare_for_the_whole_mkdocs_build_and_ends_on_errors():
    from briefing import mkdocs_hook

    before = gc.get_threshold()
    mkdocs_hook._collect["previous"] = collect.begin()  # as on_pre_build does, outside briefing build
    assert collect.active() and collect.begin() is None  # nested: nothing to undo
    mkdocs_hook.on_build_error(RuntimeError("broken"))
    assert not collect.active() and gc.get_threshold() == before and gc.get_freeze_count() == 0
    mkdocs_hook.on_build_error(RuntimeError("again"))  # nothing left to end: no harm
    assert gc.get_threshold() == before


class _Cyclic:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_garbage_of_earlier_work_is_collected_not_frozen_when_a_block_starts(monkeypatch):
    import weakref

    # The heap grew by more than a quarter since the last full collection (here: there was none).
    monkeypatch.setitem(collect._after_full, "blocks", 0)
    garbage = _Cyclic()
    alive = weakref.ref(garbage)
    del garbage
    with collect.fewer_collections():
        assert alive() is None  # frozen with the living, it would stay until the block ends


def test_facts_from_a_saved_memo_are_those_of_a_cold_run_and_only_changed_facts_are_judged_again(
        tmp_path, monkeypatch):
    """Whether a fact is self-contained, its rank's bonuses, its words and its subject come from
    the memo when nothing they read changed; an edited article's facts are judged again."""
    from briefing.link import facts as facts_module

    arts = corpus()

    def link(arts, memo=None):
        return link_briefing([a[0] for a in arts], [a[1] for a in arts], memo=memo).facts

    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    cold = link(arts, first)
    first.save()
    assert cold == link(arts)
    judged = []
    real = facts_module.self_contained
    monkeypatch.setattr(facts_module, "self_contained", lambda f: judged.append(f.text) or real(f))
    assert link(arts, ClaimMemo(path)) == cold and judged == []
    edited = [*arts[:2], make("c", "East Post", "2024-05-03",
                              "Brandt moved port funds into a private account, documents show.",
                              "Governor Elena Marsh signed the coastal flood bill on Wednesday after protests.")]
    warm = link(edited, ClaimMemo(path))
    assert set(judged) <= {c.text for c in edited[2][1].claims}
    judged.clear()
    assert warm == link(edited)


def test_a_fact_is_judged_by_everything_self_contained_reads_not_its_text_alone():
    """One memo, one text: what is remembered of it with one status, referent or insertion is
    never the answer for another."""
    from dataclasses import replace

    from briefing.link.facts import contained, self_contained
    from briefing.model import Citation, Fact, Insertion

    memo = ClaimMemo()
    cite = Citation(source="a", sentence="s1", start=0, end=10, text="x")
    plain = Fact(id="f1", text="Elena Marsh signed the coastal flood bill into law on Wednesday.", citations=(cite,))
    assert contained(plain, memo)
    assert not contained(replace(plain, unresolved="He"), memo)
    she = Fact(id="f2", text="She won the primary after a recount.", citations=(cite,))
    explained = replace(she, insertions=(Insertion(at=3, text="Ana Ruiz"),))
    assert not contained(she, memo) and contained(explained, memo)  # the insertion names someone
    assert (self_contained(she), self_contained(explained)) == (False, True)
    opinion = replace(plain, text="Elena Marsh clearly signed the coastal flood bill into law on Wednesday.")
    assert not contained(opinion, memo) and contained(replace(opinion, status="attributed"), memo)  # whose opinion


def test_per_node_answers_are_computed_once_per_node_and_never_shared_between_nodes():
    from briefing.link.claimgraph import per_node

    graph = graph_of(corpus())
    asked = []

    @per_node
    def words(node):
        asked.append(node.index)
        return len(node.claim.text.split())

    for _ in range(3):
        assert [words(n) for n in graph.nodes] == [len(n.claim.text.split()) for n in graph.nodes]
    assert asked == [n.index for n in graph.nodes]
    again = graph_of(corpus())  # a new run: new nodes, nothing carried over
    words(again.nodes[0])
    assert asked[-1] == 0 and len(asked) == len(graph.nodes) + 1
    assert again == graph  # what a node knows is not part of what it is


def test_a_run_appends_only_what_it_computed_and_rewrites_when_much_of_the_file_is_unused(tmp_path, monkeypatch):
    """One edited article appends its claims' entries to the memo file (a record, not the whole
    file again); a file mostly made of entries no run uses is written afresh with the used ones."""
    arts = corpus()
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    graph_of(arts, first)
    first.save()
    size = path.stat().st_size
    before = path.read_bytes()
    edited = [*arts[:2], make("c", "East Post", "2024-05-03",
                              "Brandt moved harbour money into a private account, documents show.")]
    memo = ClaimMemo(path)
    graph_of(edited, memo)
    memo.save()
    grown = path.stat().st_size
    assert size < grown < 2 * size and path.read_bytes()[:size] == before  # appended to the first record
    again = ClaimMemo(path)
    assert graph_of(edited, again) == graph_of(edited) and again.misses == 0
    monkeypatch.setattr(memo_module, "STALE_SHARE", 0.0)  # any unused entry: write the used ones alone
    again.save()
    assert path.stat().st_size < grown
    last = ClaimMemo(path)
    assert graph_of(edited, last) == graph_of(edited) and last.misses == 0


def test_the_next_run_in_a_process_takes_the_memo_over_without_reading_the_file(tmp_path, monkeypatch):
    arts = corpus()
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    cold = graph_of(arts, first)
    first.save()
    read = []
    real = ClaimMemo._read
    monkeypatch.setattr(ClaimMemo, "_read", lambda self, p: read.append(p) or real(self, p))
    second = ClaimMemo(path, previous=first)
    assert graph_of(arts, second) == cold and second.misses == 0 and read == []
    second.save()
    path.write_bytes(path.read_bytes())  # another process rewrote the file: read it again
    third = ClaimMemo(path, previous=second)
    assert read == [path] and graph_of(arts, third) == cold and third.misses == 0
    unsaved = ClaimMemo(path, previous=ClaimMemo(path))  # a memo that never saved hands on no tables
    assert read == [path, path, path] and unsaved.hits == 0


def test_a_record_cut_short_keeps_the_records_before_it_and_the_next_save_writes_the_file_afresh(tmp_path):
    arts = corpus()
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    cold = graph_of(arts, first)
    first.save()
    whole = path.read_bytes()
    damaged = whole + b"".join(memo_module._record((memo_module._version(), {"words": {"x": ()}})))[:-3]
    path.write_bytes(damaged)
    memo = ClaimMemo(path)
    assert graph_of(arts, memo) == cold and memo.misses == 0  # the first record is still read
    assert memo._file_entries is None  # (appending after the damaged record would be lost)
    memo.save()
    again = ClaimMemo(path)
    assert len(path.read_bytes()) < len(damaged) and again._file_entries  # written afresh, read whole
    assert graph_of(arts, again) == cold and again.misses == 0


def test_a_new_process_is_handed_what_was_found_of_each_node_and_which_pairs_tell_one_fact(tmp_path, monkeypatch):
    """A memo read from its file gives each node what ``per_node`` functions found of the node
    of the same article, place and names in an earlier run, and whether two such nodes tell one
    fact: an edited article's pairs alone are verified again, and the briefing is a cold run's."""
    from briefing.link import claimgraph

    arts = corpus()
    edited = [*arts[:2], make("c", "East Post", "2024-05-03",
                              "Ola Brandt moved port funds into a private account, documents show.")]
    path = tmp_path / "memo.bin"

    def link(arts, memo=None):
        return link_briefing([a[0] for a in arts], [a[1] for a in arts], memo=memo)

    cold, cold_edited, cold_graph = link(arts), link(edited), graph_of(arts)
    first = ClaimMemo(path)
    assert link(arts, first) == cold
    first.save()
    found = {(n[0].citation.sentence, n[0].text): n[2] for n in first.nodes.values()}
    assert any(found.values())
    verified = []
    real = claimgraph.linked
    monkeypatch.setattr(claimgraph, "linked", lambda a, b, *r: verified.append(b.source.id) or real(a, b, *r))
    again = ClaimMemo(path)
    graph = graph_of(arts, again)
    assert verified == [] and graph == cold_graph
    assert all(n.known == found[(n.claim.citation.sentence, n.claim.text)] for n in graph.nodes)
    verified.clear()
    memo = ClaimMemo(path)
    assert link(edited, memo) == cold_edited
    assert verified and set(verified) == {"c"}  # (nodes are sorted by source: c's come last)
    memo.save()
    verified.clear()
    assert link(edited, ClaimMemo(path)) == cold_edited and verified == []


def test_a_saved_memo_gives_the_same_timeline_without_reading_the_events_words_again(tmp_path, monkeypatch):
    from briefing.link import timeline

    arts = corpus()
    edited = [*arts[:2], make("c", "East Post", "2024-05-03",
                              "Brandt moved port funds into a private account on Wednesday, documents show.")]
    cold, cold_edited = (timeline.link_timeline([a[0] for a in x], [a[1] for a in x]) for x in (arts, edited))
    assert cold and cold_edited != cold
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    assert timeline.link_timeline([a[0] for a in arts], [a[1] for a in arts], first) == cold
    first.save()
    read = []
    real = timeline._words
    monkeypatch.setattr(timeline, "_words", lambda e: read.append(e.text) or real(e))
    assert timeline.link_timeline([a[0] for a in arts], [a[1] for a in arts], ClaimMemo(path)) == cold
    assert read == []
    assert timeline.link_timeline([a[0] for a in edited], [a[1] for a in edited], ClaimMemo(path)) == cold_edited
    assert read and all("Brandt" in text for text in read)  # the edited article's events alone


def test_every_similarity_threshold_linked_reads_is_one_its_kept_verdict_is_keyed_by():
    """``build_graph`` keeps ``linked``'s verdict by which of ``SIMILARITY_STEPS`` the similarity
    reaches: every fractional threshold ``linked`` (and ``across_cycles``, which it asks) names
    must be among them, or a kept verdict could outlive a similarity that crossed it."""
    import inspect
    import re

    from briefing.link import claimgraph

    named = set()
    for func in (claimgraph.linked, claimgraph.across_cycles):
        for name in re.findall(r"\b[A-Z][A-Z_]+\b", inspect.getsource(func)):
            if isinstance(getattr(claimgraph, name, None), float):
                named.add(getattr(claimgraph, name))
    assert named and named <= set(claimgraph.SIMILARITY_STEPS)
    assert list(claimgraph.SIMILARITY_STEPS) == sorted(claimgraph.SIMILARITY_STEPS)


def quote(qid: str, text: str, speaker: str | None, *sources: str):
    from briefing.model import Citation, Quote

    return Quote(id=qid, text=text, speaker=speaker,
                 citations=tuple(Citation(source=s, sentence="s1", start=0, end=len(text), text=text) for s in sources))


def variants_by_all_pairs(quotes) -> dict[str, tuple[str, ...]]:
    """What ``quotes._variants`` answers, by its definition: every pair of one speaker's quotes."""
    from briefing.link.quotes import MAX_POSTING, VARIANT_MIN_SHARE, VARIANT_MIN_SHARED, _content

    words = [frozenset(_content(q.text)) for q in quotes]
    carried = {}
    for q, ws in zip(quotes, words, strict=True):
        for w in ws:
            carried[(q.speaker, w)] = carried.get((q.speaker, w), 0) + 1
    out: dict[str, set[str]] = {}
    for i, a in enumerate(quotes):
        for j, b in enumerate(quotes):
            if i == j or not a.speaker or a.speaker != b.speaker:
                continue
            mine, theirs = {c.source for c in a.citations}, {c.source for c in b.citations}
            if mine == theirs and len(mine) == 1:
                continue
            n = sum(1 for w in words[i] & words[j] if carried[(a.speaker, w)] <= MAX_POSTING)
            if n >= VARIANT_MIN_SHARED and n / min(len(words[i]), len(words[j])) >= VARIANT_MIN_SHARE:
                out.setdefault(a.id, set()).add(b.id)
    return {k: tuple(sorted(v)) for k, v in out.items()}


TUNNEL = "The harbour tunnel will open to traffic before the winter storms arrive"
TUNNEL_AGAIN = "Traffic will use the harbour tunnel before winter storms arrive this year"
TUNNEL_THIRD = "Winter storms arrive soon, and the harbour tunnel opens to traffic first"
FERRY = "The ferry fares stay frozen until the new pier is finished in spring"
FERRY_AGAIN = "Ferry fares remain frozen until the new pier is finished next spring"
ORCHARD = "Nobody asked the orchard growers about the new water charges"


def test_each_speakers_variants_are_kept_for_the_next_run_and_follow_a_change_of_that_speakers_quotes(monkeypatch):
    from briefing.link import quotes as quotes_module

    computed = []
    real = quotes_module._speaker_variants
    monkeypatch.setattr(quotes_module, "_speaker_variants",
                        lambda key, words: computed.append(tuple(q[0] for q in key)) or real(key, words))
    runs = [
        [quote("q1", TUNNEL, "Mara Olsen", "a"), quote("q2", TUNNEL_AGAIN, "Mara Olsen", "b"),
         quote("q3", FERRY, "Jon Pike", "a"), quote("q4", FERRY_AGAIN, "Jon Pike", "c")],
        # Olsen's second rendering is now worded about something else: no longer a variant
        [quote("q1", TUNNEL, "Mara Olsen", "a"), quote("q2", ORCHARD, "Mara Olsen", "b"),
         quote("q3", FERRY, "Jon Pike", "a"), quote("q4", FERRY_AGAIN, "Jon Pike", "c")],
        # the same texts, both from one article alone: two statements, not one
        [quote("q1", TUNNEL, "Mara Olsen", "a"), quote("q2", TUNNEL_AGAIN, "Mara Olsen", "a"),
         quote("q3", FERRY, "Jon Pike", "a"), quote("q4", FERRY_AGAIN, "Jon Pike", "c")],
        # a second article carries one of them: variants again
        [quote("q1", TUNNEL, "Mara Olsen", "a"), quote("q2", TUNNEL_AGAIN, "Mara Olsen", "a", "d"),
         quote("q3", FERRY, "Jon Pike", "a"), quote("q4", FERRY_AGAIN, "Jon Pike", "c")],
        # a third rendering joins, and Pike's quotes come in another order
        [quote("q4", FERRY_AGAIN, "Jon Pike", "c"), quote("q1", TUNNEL, "Mara Olsen", "a"),
         quote("q2", TUNNEL_AGAIN, "Mara Olsen", "a", "d"), quote("q5", TUNNEL_THIRD, "Mara Olsen", "e"),
         quote("q3", FERRY, "Jon Pike", "a")],
    ]
    expected = [{"q1": ("q2",), "q2": ("q1",), "q3": ("q4",), "q4": ("q3",)},
                {"q3": ("q4",), "q4": ("q3",)},
                {"q3": ("q4",), "q4": ("q3",)},
                {"q1": ("q2",), "q2": ("q1",), "q3": ("q4",), "q4": ("q3",)},
                {"q1": ("q2", "q5"), "q2": ("q1", "q5"), "q5": ("q1", "q2"), "q3": ("q4",), "q4": ("q3",)}]
    recomputed = [[("q1", "q2"), ("q3", "q4")], [("q1", "q2")], [("q1", "q2")], [("q1", "q2")], [("q1", "q2", "q5")]]
    previous = None
    for n, (quotes, answer) in enumerate(zip(runs, expected, strict=True)):
        memo = ClaimMemo(previous=previous)
        computed.clear()
        found = quotes_module._variants(quotes, memo)
        memo.save()
        # Pike's quotes read the same in every run: worked out in the first alone
        assert computed == recomputed[n], f"run {n}"
        assert found == answer == variants_by_all_pairs(quotes), f"run {n}"
        assert found == quotes_module._variants(quotes), f"run {n}"  # (no memo)
        previous = memo


def test_variants_are_those_of_all_pairs_of_a_speakers_quotes_whatever_the_memo_holds():
    import random

    from briefing.link.quotes import _variants

    texts = [TUNNEL, TUNNEL_AGAIN, TUNNEL_THIRD, FERRY, FERRY_AGAIN, ORCHARD]
    rng = random.Random(7)
    previous = None
    for run in range(12):
        quotes = [quote(f"q{n}", rng.choice(texts), rng.choice(["Mara Olsen", "Jon Pike", None]),
                        *rng.sample("abc", rng.choice([1, 1, 2])))
                  for n in range(rng.randint(2, 9))]
        if run % 3 == 0:  # two speakers' quotes under one id: both answers, as one
            quotes.append(quote("q0", rng.choice(texts), "Ines Varga", "d"))
            quotes.append(quote("q9", rng.choice(texts), "Ines Varga", "e"))
        memo = ClaimMemo(previous=previous)
        assert _variants(quotes, memo) == variants_by_all_pairs(quotes), f"run {run}"
        memo.save()
        previous = memo


def kept_answers(memo) -> dict[str, dict]:
    """What ``ClaimMemo._keep_node_answers`` must put in the tables, by its definition: each
    node's answers ``marshal`` can write, under the node's key (empty tables left out)."""
    out: dict[str, dict] = {}
    for cid, (_claim, _made_of, known) in memo.nodes.items():
        key = memo.keys.get(cid)
        for name, value in known.items():
            if key is not None and memo_module._plain(value):
                out.setdefault(memo_module.NODE_TABLE + name, {}).setdefault(key, value)
    return out


def node_tables(tables: dict[str, dict]) -> dict[str, dict]:
    return {t: dict(found) for t, found in tables.items() if t.startswith(memo_module.NODE_TABLE) and found}


def test_node_answers_handed_on_are_kept_without_walking_them_and_the_file_follows_every_change(tmp_path):
    """A node handed on from the previous run keeps that run's entries; an answer found of it
    only in this run, a deleted article's nodes and an edited article's are walked: the used
    tables are those of the definition after every run, and a new process reads them back."""
    from briefing.link.claimgraph import per_node

    @per_node
    def letters(node):
        return sum(c.isalpha() for c in node.claim.text)

    @per_node
    def unwritable(node):
        return [node.index]  # (a list: marshal keeps it not)

    arts = corpus()
    extra = make("d", "West Courier", "2024-05-04", "The harbour tunnel opened to traffic on Friday, officials said.")
    edited_c = make("c", "East Post", "2024-05-03", "Documents show Brandt moved port funds into a private account.")
    runs = [[*arts, extra],
            [*arts, extra],  # nothing changed; `letters` asked of the first node only now
            [*arts[:2], edited_c, extra],  # c edited
            [*arts[:2], edited_c]]  # d deleted
    path = tmp_path / "memo.bin"
    previous = None
    for n, run in enumerate(runs):
        memo = ClaimMemo(path, previous=previous)
        graph = graph_of(run, memo)
        for node in graph.nodes:
            unwritable(node)
        if n >= 1:
            letters(graph.nodes[0])
        if n >= 2:
            letters(graph.nodes[-1])
        memo.save()
        assert node_tables(memo._used) == kept_answers(memo) and kept_answers(memo), f"run {n}"
        read = ClaimMemo(path)  # what a new process reads of the file: the same entries
        assert all(read._old[t].get(k, read._missing) == v
                   for t, found in kept_answers(memo).items() for k, v in found.items()), f"run {n}"
        assert not any(t.endswith("unwritable") for t in node_tables(memo._used))
        if n:
            assert memo._kept_sizes is not None and previous is not None
            handed = sum(1 for cid, entry in memo.nodes.items() if previous.nodes.get(cid) is entry)
            assert handed, f"run {n}"  # (nodes were handed on, so the short way was taken)
        previous = memo
    assert any(t.endswith("letters") for t in node_tables(previous._used))


def test_a_nodes_word_stems_are_handed_on_and_follow_an_edit_of_its_text(tmp_path):
    """``facts.plain_tokens`` is kept per node, handed to the next run in this process and read
    back by a new one: an edited article's nodes get the stems of their new text, and
    ``centrality`` and ``token_articles`` answer as they do of the nodes' tokens directly."""
    from briefing.link.facts import centrality, plain_tokens, token_articles

    name = f"{plain_tokens.__module__}.{plain_tokens.__qualname__}"
    arts = corpus()
    edited = [*arts[:2], make("c", "East Post", "2024-05-03",
                              "Auditors traced the missing harbour levies to a shell company in Lisbon.")]
    path = tmp_path / "memo.bin"
    first = ClaimMemo(path)
    for node in graph_of(arts, first).nodes:
        plain_tokens(node)
    first.save()
    for memo in (ClaimMemo(path, previous=first), ClaimMemo(path)):
        graph = graph_of(edited, memo)
        handed = [n for n in graph.nodes if name in n.known]
        assert handed and all(n.source.id != "c" for n in handed)  # the edited article's are found anew
        stems = {n.index: frozenset(t for t in n.tokens if "_" not in t) for n in graph.nodes}
        assert all(frozenset(plain_tokens(n)) == stems[n.index] and len(plain_tokens(n)) == len(stems[n.index])
                   for n in graph.nodes)
        assert any("lisbon" in plain_tokens(n) for n in graph.nodes if n.source.id == "c")
        of = token_articles(graph)
        users: dict[str, set[str]] = {}
        for node in graph.nodes:
            for token in stems[node.index]:
                users.setdefault(token, set()).add(node.source.id)
        assert dict(of) == {t: sorted(ids) for t, ids in users.items()}
        for group in graph.groups:
            nodes = [graph.nodes[i] for i in group]
            own = {n.source.id for n in nodes}
            words = frozenset().union(*(stems[n.index] for n in nodes))
            shared = sum(1 for t in words if len(users[t] - own) >= 1)
            assert centrality(of, nodes, 3) == (shared / len(words) if words else 0.0)


def test_a_sentence_number_is_the_regex_s_number_without_the_regex():
    import re

    from briefing.link.claimgraph import sentence_number

    for sid in ("s12", "s0", "s007", "s", "", "x12", "S12", "s12\n", "s 12", "s-1", "s1_0", "s+3", "s12a",
                "s\u0661\u0662", "s\u00b2", "s\u2467", "s\uff13", "ss1"):
        m = re.fullmatch(r"s(\d+)", sid)
        assert sentence_number(sid) == (int(m.group(1)) if m else 0), repr(sid)


def test_name_stems_follow_the_texts_that_come_and_go_between_runs_in_one_process():
    """``ClaimMemo.name_stems`` counts only the texts that changed since the previous run: its
    answer is ``index.name_stems`` of this run's texts, whichever came, went or came twice."""
    import random

    from briefing.link.index import name_stems

    texts = ["Governor Elena Marsh signed the coastal flood bill on Wednesday.",
             "The salt marsh flooded again, and the marsh road was closed.",
             "Crews said the marsh had not flooded like this in years.",
             "Ola Brandt denied moving port funds into a private account.",
             "A brandt goose nested by the harbour wall in 2024.",
             "Marsh and Brandt met at the Harbour Authority on Friday.",
             "Harbour fees rose by 12 percent, the authority said."]
    rng = random.Random(5)
    previous = None
    answers = []
    for run in range(30):
        now = [rng.choice(texts) for _ in range(rng.randint(0, 6))]
        if run == 5:
            now = [texts[0]]  # Marsh: a name ...
        elif run == 6:
            now = [texts[0], texts[1], texts[2]]  # ... then a word, more often lower-case
        memo = ClaimMemo(previous=previous)
        found = memo.name_stems(now, [memo.words(t) for t in now])
        assert found == name_stems(content_words(t) for t in now), f"run {run}"
        answers.append(found)
        memo.save()
        previous = memo
    assert "marsh" in answers[5] and "marsh" not in answers[6]
