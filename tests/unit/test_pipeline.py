"""pipeline: the per-article map runs on one or several processes with the same result."""

import pytest

from briefing.dump import to_data
from briefing.model import BriefingError, RawArticle, SourceMeta
from briefing.pipeline import (
    Options,
    chunk_size,
    extract_articles,
    extract_one,
    map_articles,
    process_article,
    worker_count,
)

TOWNS = ["Eastbrook", "Westfield", "Northam", "Southby", "Lakeside", "Hillcrest", "Riverton", "Oakdale"]


def article(number: int) -> RawArticle:
    town = TOWNS[number % len(TOWNS)]
    text = "\n".join([
        f"{town} council approves budget number {number}",
        "",
        f"The {town} council approved budget number {number} on Tuesday after a long debate, officials said.",
        f"Council member Ana Ruiz said the vote “ends years of waiting” for the {number} families of the east bank.",
        "Construction is expected to start in the spring and last about two years, the council said.",
    ])
    return RawArticle(f"a{number:04d}", f"a{number:04d}.txt", text, SourceMeta(publisher=f"{town} Post"),
                      f"{number:064x}")


def furniture_only(number: int) -> RawArticle:
    return RawArticle(f"a{number:04d}", f"a{number:04d}.txt", "Skip to content\nMenu\nSubscribe\n",
                      SourceMeta(), f"{number:064x}")


def plain(outcomes):
    return [(to_data(result) if not isinstance(result, BriefingError) else str(result), fresh)
            for result, fresh in outcomes]


def test_worker_count_zero_means_every_core_and_never_less_than_one():
    assert worker_count(3) == 3
    assert worker_count(0) >= 1
    assert worker_count(-2) >= 1


def test_chunks_are_small_enough_to_balance_and_never_empty():
    assert chunk_size(1, 4) == 1
    assert chunk_size(160, 2) == 10
    assert chunk_size(1_000_000, 2) == 32


def test_two_processes_give_the_outcomes_of_one_in_input_order():
    raws = [article(n) for n in range(40)]
    one = plain(map_articles(raws, jobs=1))
    two = plain(map_articles(raws, jobs=2))
    assert two == one
    assert [r[0][0]["id"] for r in two] == [raw.source_id for raw in raws]


def test_outcome_is_the_pure_result_of_process_article():
    raw = article(7)
    result, fresh = extract_one(raw)
    assert fresh is True
    assert to_data(result) == to_data(process_article(raw))


def test_a_bad_article_comes_back_in_place_and_the_others_go_on():
    raws = [article(1), furniture_only(2), article(3)]
    for jobs in (1, 2):
        pairs, report = extract_articles(raws, Options(cache_dir=None, jobs=jobs), progress=lambda _: None)
        assert [p[0].id for p in pairs] == ["a0001", "a0003"]
        assert [s.file for s in report.skipped] == ["a0002.txt"]
        assert "no article text" in report.skipped[0].reason
        assert report.extracted == 2 and report.articles == 3


def test_cache_is_written_and_read_by_the_workers(tmp_path):
    raws = [article(n) for n in range(12)]
    options = Options(cache_dir=tmp_path / "cache", jobs=2)
    cold, cold_report = extract_articles(raws, options, progress=lambda _: None)
    warm, warm_report = extract_articles(raws, options, progress=lambda _: None)
    assert (cold_report.extracted, warm_report.extracted) == (12, 0)
    assert to_data(warm) == to_data(cold)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 12


def test_progress_is_a_plain_line_every_hundred_articles_and_at_the_end():
    raws = [article(n) for n in range(250)]
    lines: list[str] = []
    extract_articles(raws, Options(cache_dir=None), progress=lines.append)
    assert lines == ["extracted 100/250 articles (100 new)", "extracted 200/250 articles (200 new)",
                     "extracted 250/250 articles (250 new)"]
    assert all("\r" not in line for line in lines)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_empty_list_needs_no_pool(jobs):
    assert list(map_articles([], jobs=jobs)) == []
