"""Claims, facts, disputes, discrepancies and timeline on the real seeds."""

import importlib.util
from pathlib import Path

import pytest
import yaml
from sharedgold import GOLD, MISSING, SCORE

from briefing.dump import briefing_to_yaml
from briefing.pipeline import Options, extract_briefing

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def briefing():
    result, _report = extract_briefing(Options(seeds_dir=SEEDS, cache_dir=None))
    return result


def all_citations(briefing):
    for item in (*briefing.facts, *briefing.disputed, *briefing.timeline):
        yield from item.citations
    for dispute in briefing.disputed:
        for side in dispute.sides:
            yield from side.citations
    for disc in briefing.discrepancies:
        for version in disc.versions:
            yield from version.citations


def test_every_citation_points_at_its_sentence_text(briefing):
    sources = {s.id: s for s in briefing.sources}
    count = 0
    for cite in all_citations(briefing):
        source = sources[cite.source]
        sentence = next(s for s in source.sentences if s.id == cite.sentence)
        assert sentence.start <= cite.start < cite.end <= len(source.text)
        assert source.text[cite.start:cite.end] in cite.text
        count += 1
    assert count > 50


def test_facts_are_ranked_and_corroborated_ones_lead(briefing):
    facts = briefing.facts
    assert [(-f.rank, f.id) for f in facts] == sorted((-f.rank, f.id) for f in facts)
    assert facts[0].outlets >= 2
    assert sum(f.outlets >= 2 for f in facts) >= 4
    assert len(facts) < sum(len(s.sentences) for s in briefing.sources) / 2  # not every sentence


def test_disputes_have_cited_sides_and_stay_readable(briefing):
    assert 0 < len(briefing.disputed) <= 15
    assert [(-d.rank, d.id) for d in briefing.disputed] == sorted((-d.rank, d.id) for d in briefing.disputed)
    top = briefing.disputed[0]
    assert {"denied"} <= {s.stance for s in top.sides}
    for dispute in briefing.disputed:
        assert dispute.sides and all(side.citations for side in dispute.sides)


def test_discrepancies_show_two_cited_versions_from_different_sources(briefing):
    assert briefing.discrepancies
    for disc in briefing.discrepancies:
        assert len(disc.versions) >= 2
        assert len({v.value for v in disc.versions}) == len(disc.versions)
        assert all(v.citations for v in disc.versions)


def test_timeline_dates_are_normalised_and_sorted(briefing):
    dates = [e.date for e in briefing.timeline]
    assert dates == sorted(dates)
    for event in briefing.timeline:
        assert len(event.date) == {"day": 10, "month": 7, "year": 4}[event.precision]


def test_the_output_repeats_byte_for_byte(briefing):
    again, _ = extract_briefing(Options(seeds_dir=SEEDS, cache_dir=None))
    assert briefing_to_yaml(again) == briefing_to_yaml(briefing)


@pytest.mark.skipif(not (SCORE.is_file() and GOLD.is_file()), reason=MISSING)
def test_gold_disputes_discrepancies_corroboration_and_timeline_are_found(briefing):
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    result = score.score(yaml.safe_load(briefing_to_yaml(briefing)), score.load_gold(GOLD),
                         SEEDS)
    for key in ("disputed", "discrepancies", "corroborated", "timeline"):
        assert result[key]["found"] == result[key]["of"], (key, result[key])
    assert result["uncited_entries"] == 0 and result["boilerplate_leaks"] == []
