"""scripts/accuracy.py: the PolNeAR reader, the gold it derives, the scorer and the page.

The fixture is a tiny corpus in PolNeAR's layout, with sentences written for this test.
"""

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]

BRIDGE = (
    "Council Votes to Close the Old Bridge\n"
    "The city council voted on Tuesday to close the old bridge for repairs.\n"
    "\"We cannot wait another winter for this work to begin,\" said Mayor Ana Lopez. "
    "\"The trucks have to go around.\"\n"
    "Engineers from the county said the bridge was unsafe for heavy trucks.\n"
    "Lopez called the plan a \"fair deal\" for drivers.\n"
)
STORM = (
    "Storm Shuts Schools Across the County\n"
    "Schools closed on Monday after the storm.\n"
    "''The roads are simply too dangerous for our buses this morning,'' Tom Reyes, the superintendent, "
    "told reporters.\n"
    "He said classes would resume on Wednesday if the plows finish their work.\n"
    "\"We will make up every lost day in June,\" he added.\n"
)
MARKET = (
    "Market Reopens After Fire\n"
    "The downtown market reopened on Friday, three weeks after a fire damaged its roof.\n"
    "\"Every stall is open again and the customers came back right away,\" said Rosa Diaz, who runs the market.\n"
)


def brat(text: str, attributions: list[tuple[str | tuple[str, str] | None, list[str]]]) -> str:
    """(Source text, or (context, Source text in it), or None; [Content parts]) per attribution -> brat lines."""
    lines, t = [], 0
    for e, (source, parts) in enumerate(attributions, 1):
        spans = []
        for part in parts:
            start = text.index(part)
            spans.append(f"{start} {start + len(part)}")
        t += 1
        lines.append(f"T{t}\tContent {';'.join(spans)}\t{' '.join(parts)}")
        roles = [f"Content:T{t}"]
        if source:
            if isinstance(source, tuple):
                context, source = source
                start = text.index(context) + context.index(source)
            else:
                start = text.index(source)
            t += 1
            lines.append(f"T{t}\tSource {start} {start + len(source)}\t{source}")
            roles.append(f"Source:T{t}")
        lines.append(f"E{e}\tAttribution:T{t} {' '.join(roles)}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def accuracy():
    spec = importlib.util.spec_from_file_location("accuracy_script", ROOT / "scripts" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy_script"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def polnear(tmp_path):
    root = tmp_path / "polnear"
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    articles = {
        "example-post_2024-03-05_bridge": (BRIDGE, [
            ("Mayor Ana Lopez", ["\"We cannot wait another winter for this work to begin,\"",
                                 "\"The trucks have to go around.\""]),
            ("Engineers from the county", ["the bridge was unsafe for heavy trucks"]),
            ("Lopez", ["a \"fair deal\" for drivers"]),
        ]),
        "daily-example_2024-03-04_storm": (STORM, [
            ("Tom Reyes, the superintendent,",
             ["''The roads are simply too dangerous for our buses this morning,''"]),
            ("He", ["classes would resume on Wednesday if the plows finish their work"]),
            (("he added", "he"), ["\"We will make up every lost day in June,\""]),
        ]),
        "example-post_2024-03-08_market": (MARKET, [
            ("Rosa Diaz, who runs the market", ["\"Every stall is open again and the customers came back right "
                                                "away,\""]),
        ]),
    }
    rows = ["compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle"]
    for name, (text, attributions) in articles.items():
        (root / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "dev" / "attributions" / f"{name}_aa11.ann").write_text(brat(text, attributions), encoding="utf-8")
        publisher, date = name.split("_")[:2]
        rows.append(f"dev\t{name}\t1\taa11\t{publisher}\t{date}\tA. Writer\t{text.splitlines()[0]}")
    # a second annotator's file: the first by name wins
    (root / "dev" / "attributions" / "example-post_2024-03-08_market_zz99.ann").write_text("", encoding="utf-8")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_quoted_stretches_pair_marks_of_every_kind(accuracy):
    text = "He said \"a “b” c\" then ''two apostrophes'' and “run on\nnext"
    found = [text[s:e] for s, e in accuracy.quoted_stretches(text)]
    assert found == ["a “b” c", "two apostrophes", "run on"]


def test_reader_derives_quotes_phrases_and_claims(accuracy, polnear):
    articles = accuracy.read_split(polnear, "dev")
    assert [a.name for a in articles] == sorted(a.name for a in articles)
    by_name = {a.name: a for a in articles}
    bridge = by_name["example-post_2024-03-05_bridge"]
    # a discontinuous Content: two quoted stretches, one speaker
    assert [q.text for q in bridge.quotes] == ["We cannot wait another winter for this work to begin,",
                                               "The trucks have to go around."]
    assert {q.speaker for q in bridge.quotes} == {"Mayor Ana Lopez"}
    assert [q.text for q in bridge.phrases] == ["fair deal"]  # under MIN_QUOTE_WORDS: free
    # claims: reported speech (a short quoted phrase inside does not make it a direct quote)
    assert [(c.content, c.source) for c in bridge.claims] == [
        ("the bridge was unsafe for heavy trucks", "Engineers from the county"),
        ("a \"fair deal\" for drivers", "Lopez")]
    storm = by_name["daily-example_2024-03-04_storm"]
    assert [q.text for q in storm.quotes] == ["The roads are simply too dangerous for our buses this morning,",
                                              "We will make up every lost day in June,"]
    assert storm.claims[0].source == "He"
    # "he" resolves to the article's last Source before it that names someone
    assert [(q.speaker, q.resolved) for q in storm.quotes][1] == ("he", "Tom Reyes, the superintendent,")
    assert storm.meta["publisher"] == "daily-example" and storm.meta["date"] == "2024-03-04"
    assert len(by_name["example-post_2024-03-08_market"].quotes) == 1  # aa11 read, not the empty zz99
    assert len(accuracy.read_split(polnear, "dev", limit=2)) == 2


def test_last_name_rule_and_named_sources(accuracy):
    assert accuracy.names_source("Ana Lopez", "Mayor Ana Lopez")
    assert accuracy.names_source("Martin Luther King Jr.", "King's aide")  # suffix and possessive dropped
    assert not accuracy.names_source("Ana Lopez", "Tom Reyes")
    assert not accuracy.names_source(None, "Tom Reyes")
    assert accuracy.names_someone("Tom Reyes, the superintendent,")
    assert not accuracy.names_someone("He")
    assert not accuracy.names_someone("The agency")
    assert not accuracy.names_someone(None)


def fake_briefing(quotes, facts=(), disputed=()):
    """A Briefing stand-in: sources, quotes (text, speaker, one citation) and facts."""
    sources = [SimpleNamespace(id=f"s-{name}", file=f"{name}.txt") for name in
               ("example-post_2024-03-05_bridge", "daily-example_2024-03-04_storm", "example-post_2024-03-08_market")]
    return SimpleNamespace(
        sources=sources,
        quotes=[SimpleNamespace(text=text, speaker=speaker, citations=[SimpleNamespace(source=f"s-{name}")])
                for name, text, speaker in quotes],
        facts=list(facts), disputed=list(disputed))


def test_score_counts_a_hit_a_miss_a_wrong_speaker_and_an_extra(accuracy, polnear):
    articles = accuracy.read_split(polnear, "dev")
    briefing = fake_briefing([
        # hit, right speaker (last-name rule), marks and case differ
        ("example-post_2024-03-05_bridge", "we cannot wait another winter for this work to begin", "Ana Lopez"),
        # hit (6 of 6 words), no speaker
        ("example-post_2024-03-05_bridge", "The trucks have to go around.", None),
        # hit, wrong speaker
        ("example-post_2024-03-08_market", "Every stall is open again and the customers came back right away,",
         "Tom Reyes"),
        # matches a short phrase: free
        ("example-post_2024-03-05_bridge", "fair deal", "Ana Lopez"),
        # an extra: no gold quote has these words
        ("daily-example_2024-03-04_storm", "Nothing like this was said in the article at all", "Tom Reyes"),
        # the storm quote is missed: under 80% of its words
        ("daily-example_2024-03-04_storm", "too dangerous for our buses", "Tom Reyes"),
        # hit; its Source is "he": left out of speaker accuracy, right once resolved to Tom Reyes
        ("daily-example_2024-03-04_storm", "We will make up every lost day in June,", "Tom Reyes"),
    ])
    result = accuracy.score(articles, briefing)
    assert (result["tp"], result["fp"], result["fn"]) == (4, 2, 1)
    assert result["precision"] == round(4 / 6, 3) and result["recall"] == 0.8
    assert result["f1"] == round(2 * (4 / 6) * 0.8 / (4 / 6 + 0.8), 3)
    assert result["speaker_n"] == 3 and result["speaker_accuracy"] == round(1 / 3, 3)
    assert result["speaker_unnamed_n"] == 1
    assert result["speaker_resolved_n"] == 4 and result["speaker_resolved_accuracy"] == 0.5
    assert result["no_speaker"] == 0.25
    assert result["gold_quotes"] == 5 and result["gold_phrases"] == 1 and result["gold_claims"] == 3


def test_claim_source_accuracy(accuracy, polnear):
    articles = accuracy.read_split(polnear, "dev")
    sentence = "Engineers from the county said the bridge was unsafe for heavy trucks."
    other = "Lopez called the plan a \"fair deal\" for drivers."
    storm = "He said classes would resume on Wednesday if the plows finish their work."

    def cite(name, text, sid):
        return SimpleNamespace(source=f"s-{name}", sentence=sid, text=text)

    facts = [SimpleNamespace(attributed_to="county engineers", citations=[  # right: last word in the Source
                 cite("example-post_2024-03-05_bridge", sentence, "s4")]),
             SimpleNamespace(attributed_to="Ana Lopez", citations=[  # wrong source
                 cite("example-post_2024-03-05_bridge", sentence, "s4")]),
             SimpleNamespace(attributed_to=None, citations=[cite("example-post_2024-03-05_bridge", other, "s5")]),
             SimpleNamespace(attributed_to="Tom Reyes", citations=[
                 cite("daily-example_2024-03-04_storm", storm, "s4")])]  # Source "He": left out
    result = accuracy.score_claims(articles, fake_briefing([], facts=facts))
    assert result == {"claim_source_accuracy": 0.333, "claim_n": 3, "claim_unattributed": 0.333,
                      "claim_unnamed_n": 1}
    right = [SimpleNamespace(stance="asserts", by="Ana Lopez", citations=[
        cite("example-post_2024-03-05_bridge", other, "s5")])]
    result = accuracy.score_claims(articles, fake_briefing([], disputed=[SimpleNamespace(sides=right)]))
    assert result["claim_source_accuracy"] == 1.0 and result["claim_n"] == 1


def test_end_to_end_runs_briefing_and_writes_the_page(accuracy, polnear, tmp_path):
    out, raw = tmp_path / "docs" / "accuracy.md", tmp_path / "accuracy.json"
    assert accuracy.main([str(polnear), "--split", "dev", "--out", str(out), "--json", str(raw)]) == 0
    result = json.loads(raw.read_text(encoding="utf-8"))
    assert result["articles"] == 3 and result["split"] == "dev" and result["skipped"] == 0
    assert result["gold_quotes"] == 5
    assert result["tp"] >= 2  # briefing finds the plain "..., said Name." quotes
    assert result["articles_per_s"] > 0 and result["wall_s"] > 0
    page = out.read_text(encoding="utf-8")
    assert page.splitlines()[0] == accuracy.MARKER and "generated by briefing" in page.splitlines()[0]
    assert "# Accuracy" in page and "| Quote precision |" in page and "scripts/accuracy.py" in page
    # numbers, counts and the split only: no text of the corpus
    for text in (BRIDGE, STORM, MARKET):
        for line in text.splitlines():
            assert line[:25] not in page
    assert "Lopez" not in page and "Reyes" not in page


def test_a_wrong_layout_is_one_line_naming_the_path(accuracy, polnear, tmp_path, capsys):
    assert accuracy.main([str(tmp_path / "nowhere"), "--out", "-"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(tmp_path / "nowhere") in err
    assert accuracy.main([str(polnear), "--split", "train", "--out", "-"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(polnear / "train" / "text") in err


def test_an_article_without_annotations_is_left_out_and_names_do_not_collide(accuracy, polnear, capsys):
    # "..._bridge_extra" starts like "..._bridge": each article still gets its own file only
    name = "example-post_2024-03-05_bridge_extra"
    (polnear / "dev" / "text" / f"{name}.txt").write_text("A Headline\nA paragraph of text.\n", encoding="utf-8")
    articles = accuracy.read_split(polnear, "dev")
    assert name not in {a.name for a in articles} and len(articles) == 3
    assert f"{name}.txt" in capsys.readouterr().err
    bridge = next(a for a in articles if a.name == "example-post_2024-03-05_bridge")
    assert len(bridge.quotes) == 2


def test_brat_span_text_may_run_over_lines(accuracy):
    ann = ("T1\tContent 0 10;12 20\tfirst part\nThe second line of the span's text\n"
           "T2\tSource 30 38\tSomebody\nE1\tAttribution:T2 Content:T1 Source:T2\n")
    (attribution,) = accuracy.parse_ann(ann)
    assert attribution.content == ((0, 10), (12, 20)) and attribution.source == ((30, 38),)
