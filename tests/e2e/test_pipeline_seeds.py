"""The whole extraction on the real seeds: offsets resolve, ids are stable, output repeats."""

from pathlib import Path

import pytest

from briefing.dump import briefing_to_yaml
from briefing.pipeline import Options, extract_briefing

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def briefing():
    result, _report = extract_briefing(Options(seeds_dir=SEEDS, cache_dir=None))
    return result


def test_every_seed_becomes_a_source_with_metadata(briefing):
    assert [s.file for s in briefing.sources] == sorted(p.name for p in SEEDS.glob("*.txt"))
    by_file = {s.file: s for s in briefing.sources}
    kyiv = by_file["001_bf5d9ff760c73d1d.txt"]
    assert kyiv.publisher == "The Kyiv Independent"  # from sources.yaml
    assert kyiv.author == "Kateryna Denisova"  # from the byline
    assert kyiv.date == "2024-11-07"
    assert kyiv.title and kyiv.title.startswith("Putin congratulates Trump")
    assert by_file["000_e345b51fb09b57f2.txt"].date == "2024-11-08"  # from the date line
    assert by_file["004_325c0eea4893e8c8.txt"].url is None  # never invented
    assert (briefing.meta.articles, briefing.meta.outlets, briefing.meta.unknown_origin) == (5, 3, 1)


def test_boilerplate_is_cut_but_recorded(briefing):
    by_file = {s.file: s for s in briefing.sources}
    for source in briefing.sources:
        for marker in ("Skip to content", "indicates required", "News Feed", "Related Articles",
                       "Your support helps us", "Gift membership", "AI assistance"):
            assert marker not in source.text, (source.file, marker)
    removed = " ".join(r.text for r in by_file["002_3e1da2a5bcd9a16b.txt"].removed)
    assert "Related Articles" in removed and "Try Our AI Features" in removed


def test_sentences_tile_the_paragraphs_in_order(briefing):
    for source in briefing.sources:
        assert [s.id for s in source.sentences] == [f"s{i}" for i in range(1, len(source.sentences) + 1)]
        for sent in source.sentences:
            para = source.paragraphs[sent.paragraph]
            assert para.start <= sent.start < sent.end <= para.end
            assert source.text[sent.start:sent.end].strip() == source.text[sent.start:sent.end]


def test_every_citation_resolves_to_its_sentence(briefing):
    sources = {s.id: s for s in briefing.sources}
    items = [*briefing.quotes, *briefing.facts, *briefing.timeline]
    cites = [c for item in items for c in item.citations]
    cites += [c for d in briefing.disputed for side in d.sides for c in side.citations]
    for cite in cites:
        source = sources[cite.source]
        sent = next(s for s in source.sentences if s.id == cite.sentence)
        assert sent.start <= cite.start <= cite.end <= len(source.text)
        assert cite.text.startswith(source.text[sent.start:sent.end])
    for quote in briefing.quotes:
        for cite in quote.citations:
            assert sources[cite.source].text[cite.start:cite.end] == quote.text


def test_same_seeds_give_byte_identical_yaml(briefing):
    again, _ = extract_briefing(Options(seeds_dir=SEEDS, cache_dir=None))
    assert briefing_to_yaml(again) == briefing_to_yaml(briefing)


def test_cached_run_gives_the_same_yaml_and_extracts_nothing(tmp_path, briefing):
    options = Options(seeds_dir=SEEDS, cache_dir=tmp_path / "cache")
    cold, cold_report = extract_briefing(options)
    warm, warm_report = extract_briefing(options)
    assert (cold_report.extracted, warm_report.extracted) == (5, 0)
    assert briefing_to_yaml(warm) == briefing_to_yaml(cold) == briefing_to_yaml(briefing)
