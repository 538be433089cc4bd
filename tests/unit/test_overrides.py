"""overrides: loading validates (file and line in every message); applying edits by id and reports vanished ids."""

import re
from pathlib import Path

import pytest

from briefing.model import (
    Briefing,
    BriefingError,
    BriefingMeta,
    Citation,
    Discrepancy,
    Dispute,
    Event,
    Fact,
    Phrase,
    Quote,
    Side,
    Source,
    Speaker,
    Version,
)
from briefing.overrides import Overrides, apply_overrides, load_overrides, parse_overrides, speaker_id

ROOT = Path(__file__).resolve().parents[2]


def cite(source: str = "a", sentence: str = "s1") -> Citation:
    return Citation(source, sentence, 0, 5, "Some sentence.")


def sample() -> Briefing:
    return Briefing(
        meta=BriefingMeta(title="Briefing: Mara Quill", topic="Mara Quill", period_start="2030-01-02",
                          period_end="2030-01-03", articles=2, outlets=2),
        sources=(Source("a", "a.txt", "Text a.", (), title="Bridge reopens", date="2030-01-02", publisher="Gazette"),
                 Source("b", "b.txt", "Text b.", (), title="Ferry resumes", date="2030-01-03", publisher="Courier")),
        speakers=(Speaker(speaker_id("Mara Quill"), "Mara Quill", roles=("mayor",)),
                  Speaker(speaker_id("M. Quill"), "M. Quill"),
                  Speaker(speaker_id("Tor Benn"), "Tor Benn")),
        quotes=(Quote("q-1", "We will open it soon", "Mara Quill", (cite("a"),), date="2030-01-02"),
                Quote("q-2", "The ferry runs again", "M. Quill", (cite("b"),), date="2030-01-03", variants=("q-3",)),
                Quote("q-3", "The ferry runs", "Tor Benn", (cite("b", "s2"),), date="2030-01-03")),
        phrases=(Phrase("p-1", "soon", "M. Quill", (cite("a"),)),),
        facts=(Fact("f1", "The bridge reopened.", (cite("a"),), rank=2.0),
               Fact("f2", "The ferry resumed.", (cite("b"),), attributed_to="M. Quill", rank=1.0)),
        disputed=(Dispute("d1", "Tolls will rise.", (Side("alleged", "Tolls will rise.", (cite("a"),), by="M. Quill"),),
                          (cite("a"),)),),
        discrepancies=(Discrepancy("x1", "Cost", "number", (Version("2", "two", (cite("a"),)),)),),
        timeline=(Event("e1", "2030-01-02", "day", "The bridge reopened.", (cite("a"),)),),
    )


# ---------------------------------------------------------------------------- loading

def test_example_file_at_the_project_root_changes_nothing():
    overrides = load_overrides(ROOT / "overrides.yaml")
    assert overrides.is_empty()
    briefing = sample()
    assert apply_overrides(briefing, overrides) == (briefing, [])


def test_example_file_uncommented_is_valid():
    text = (ROOT / "overrides.yaml").read_text(encoding="utf-8")
    # commented-out YAML: "# key:" or "#   indented"; prose lines start otherwise
    uncommented = "\n".join(line[2:] for line in text.splitlines() if re.match(r"# (?=[a-z_]+:|\s)", line))
    overrides = parse_overrides(uncommented)
    assert overrides.title and overrides.lede
    assert overrides.items["f0123456789"].pin and overrides.items["q-0123456789"].hide
    assert overrides.merge == {"Jane Example": ("J. Example", "Ms Example")}
    assert overrides.sources["000-e345b51fb09b57f2"]["date"] == "2024-11-08"


def test_missing_file_is_empty(tmp_path):
    assert load_overrides(tmp_path / "none.yaml").is_empty()
    assert load_overrides(None).is_empty()


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "edits.yaml"
    path.write_text("briefing:\n  title: ok\nitems: [\n  {a: b\n", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"edits\.yaml: line \d+: malformed YAML"):
        load_overrides(path)


@pytest.mark.parametrize(("text", "message"), [
    ("titel: x\n", r"line 1: titel: unknown key 'titel' \(allowed: briefing, items, speakers, sources\)"),
    ("briefing:\n  headline: x\n", r"line 2: briefing\.headline: unknown key 'headline' \(allowed: title, lede\)"),
    ("items:\n  f1:\n    pinned: true\n", r"line 3: items\.f1\.pinned: unknown key 'pinned' \(allowed: pin, hide"),
    ("items:\n  f1:\n    pin: yes please\n", r"line 3: items\.f1\.pin: expected true or false"),
    ("items:\n  f1: hide\n", r"line 2: items\.f1: expected a mapping"),
    ("sources:\n  a:\n    url: javascript:alert(1)\n", r"line 3: sources\.a\.url: expected an http:// or https:// URL"),
    ("sources:\n  a:\n    url: ftp://example.org/x\n", r"sources\.a\.url: expected an http"),
    ("sources:\n  a:\n    date: 2030-02-30\n", r"sources\.a\.date: expected a date YYYY-MM-DD"),
    ("sources:\n  a:\n    date: next week\n", r"sources\.a\.date: expected a date"),
    ("sources:\n  a:\n    editor: x\n", r"unknown key 'editor' \(allowed: title, author, date, publisher, url\)"),
    ("speakers:\n  join: {}\n", r"speakers\.join: unknown key"),
    ("speakers:\n  merge:\n    A: [B]\n    C: [B]\n", r"'B' is merged into both 'A' and 'C'"),
    ("speakers:\n  split:\n    A: [q-1]\n    C: [q-1]\n", r"quote 'q-1' is given to both"),
    ("speakers:\n  merge:\n    A: {x: 1}\n", r"speakers\.merge\.A: expected a list"),
    ("- just\n- a list\n", r"top level: expected a mapping"),
])
def test_bad_content_is_a_clear_error(text, message):
    with pytest.raises(BriefingError, match=r"^edits\.yaml:.*" + message):
        parse_overrides(text, "edits.yaml")


def test_values_are_normalised():
    overrides = parse_overrides("briefing:\n  title: '  A   title '\nsources:\n  a: {date: 2030-01-05, url: "
                                "'https://example.org/x'}\nspeakers:\n  merge:\n    A: B\n")
    assert overrides.title == "A title"
    assert overrides.sources["a"] == {"date": "2030-01-05", "url": "https://example.org/x"}
    assert overrides.merge == {"A": ("B",)}


# ---------------------------------------------------------------------------- applying

def test_title_and_lede():
    briefing, problems = apply_overrides(sample(), Overrides(title="Edited", lede="In short."))
    assert (briefing.meta.title, briefing.meta.lede, problems) == ("Edited", "In short.", [])
    assert briefing.meta.topic == "Mara Quill"


def test_pin_hide_retitle_and_note_by_id_in_every_kind():
    items = parse_overrides("""
items:
  f2: {pin: true, title: Ferry back, note: Checked with the operator.}
  q-3: {hide: true}
  d1: {note: Disputed note}
  x1: {pin: true}
  e1: {title: Reopening}
""").items
    briefing, problems = apply_overrides(sample(), Overrides(items=items))
    assert problems == []
    facts = {f.id: f for f in briefing.facts}
    assert facts["f2"].pinned and facts["f2"].title == "Ferry back" and facts["f2"].note == "Checked with the operator."
    assert facts["f2"].text == "The ferry resumed."  # the cited text is never rewritten
    assert not facts["f1"].pinned and facts["f1"].title is None
    assert [q.id for q in briefing.quotes] == ["q-1", "q-2"]
    assert briefing.quotes[1].variants == ()  # no variant points at a hidden quote
    assert briefing.disputed[0].note == "Disputed note"
    assert briefing.discrepancies[0].pinned
    assert briefing.timeline[0].title == "Reopening"


def test_vanished_id_is_reported_with_file_and_id_and_the_rest_applies():
    overrides = parse_overrides("items:\n  f2: {pin: true}\n  fgone000000: {hide: true}\n", "my/overrides.yaml")
    briefing, problems = apply_overrides(sample(), overrides)
    assert len(problems) == 1
    assert problems[0].startswith("my/overrides.yaml: ") and "'fgone000000'" in problems[0]
    assert {f.id: f.pinned for f in briefing.facts} == {"f1": False, "f2": True}


def test_merge_speakers():
    overrides = parse_overrides("speakers:\n  merge:\n    Mara Quill: [M. Quill]\n")
    briefing, problems = apply_overrides(sample(), overrides)
    assert problems == []
    assert [q.speaker for q in briefing.quotes] == ["Mara Quill", "Mara Quill", "Tor Benn"]
    assert briefing.phrases[0].speaker == "Mara Quill"
    assert briefing.facts[1].attributed_to == "Mara Quill"
    assert briefing.disputed[0].sides[0].by == "Mara Quill"
    names = {s.name: s for s in briefing.speakers}
    assert sorted(names) == ["Mara Quill", "Tor Benn"]
    assert names["Mara Quill"].aliases == ("M. Quill",) and names["Mara Quill"].roles == ("mayor",)
    assert names["Mara Quill"].id == speaker_id("Mara Quill")


def test_split_gives_quotes_to_another_speaker():
    overrides = parse_overrides("speakers:\n  split:\n    Ola Fen: [q-2]\n")
    briefing, problems = apply_overrides(sample(), overrides)
    assert problems == []
    assert [q.speaker for q in briefing.quotes] == ["Mara Quill", "Ola Fen", "Tor Benn"]
    names = [s.name for s in briefing.speakers]
    assert "Ola Fen" in names and "M. Quill" in names  # M. Quill still has a phrase


def test_unknown_speaker_and_quote_are_reported():
    overrides = parse_overrides("speakers:\n  merge:\n    Mara Quill: [Nobody Here]\n  split:\n    X: [q-404]\n")
    briefing, problems = apply_overrides(sample(), overrides)
    assert len(problems) == 2
    assert any("'Nobody Here'" in p for p in problems) and any("'q-404'" in p for p in problems)
    assert [q.speaker for q in briefing.quotes] == ["Mara Quill", "M. Quill", "Tor Benn"]


def test_source_metadata_corrections_flow_into_dates_and_outlets():
    overrides = parse_overrides("sources:\n  b: {date: 2030-01-01, publisher: Gazette, title: Ferry resumes service,"
                                " url: 'https://example.org/ferry'}\n  zz: {title: gone}\n")
    briefing, problems = apply_overrides(sample(), overrides)
    assert len(problems) == 1 and "'zz'" in problems[0]
    b = briefing.sources[1]
    assert (b.date, b.publisher, b.title, b.url) == ("2030-01-01", "Gazette", "Ferry resumes service",
                                                     "https://example.org/ferry")
    assert briefing.meta.period_start == "2030-01-01" and briefing.meta.period_end == "2030-01-02"
    assert briefing.meta.outlets == 1
    assert [q.date for q in briefing.quotes] == ["2030-01-02", "2030-01-01", "2030-01-01"]


def test_applying_is_deterministic_and_leaves_the_input_alone():
    overrides = parse_overrides("items:\n  f1: {hide: true}\nspeakers:\n  merge:\n    Tor Benn: [M. Quill]\n")
    original = sample()
    first = apply_overrides(original, overrides)
    assert first == apply_overrides(sample(), overrides)
    assert original == sample()
