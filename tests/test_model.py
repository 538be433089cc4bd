"""dump: Briefing <-> YAML round trip, validation, determinism."""

import pytest

from briefing.dump import briefing_from_yaml, briefing_to_json, briefing_to_yaml, write_atomic
from briefing.model import (
    Briefing,
    BriefingError,
    BriefingMeta,
    Citation,
    Quote,
    Sentence,
    Source,
)


def sample() -> Briefing:
    text = "Line one said “hello”.\n\nLine: two [^1] <b>."
    cite = Citation("a", "s1", 15, 20, "Line one said “hello”.")
    return Briefing(
        meta=BriefingMeta(title="T", topic="t", articles=1, outlets=1),
        sources=(Source("a", "a.txt", text, (Sentence("s1", 0, 22, 0), Sentence("s2", 24, 44, 1)),
                        url="https://example.org/a"),),
        quotes=(Quote("q1", "hello", None, (cite,)),),
    )


def test_yaml_round_trip_is_lossless():
    b = sample()
    assert briefing_from_yaml(briefing_to_yaml(b)) == b


def test_yaml_is_deterministic_and_readable():
    text = briefing_to_yaml(sample())
    assert text == briefing_to_yaml(sample())
    assert "text: |-\n    Line one said “hello”." in text  # multi-line text as a literal block


def test_json_carries_the_same_fields():
    assert '"quotes": [' in briefing_to_json(sample())


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("meta: {title: T}\n", "briefing.yaml: meta: missing field 'topic'"),
    ("meta: {title: T, topic: t, articles: many}\n", "briefing.yaml: meta.articles: expected int"),
    ("meta: {title: T, topic: t}\nquotes: [{id: q, text: x, speaker: null, citations: [], bogus: 1}]\n",
     "briefing.yaml: quotes[0]: unknown field 'bogus'"),
    ("meta: [\n", "line"),
])
def test_invalid_yaml_names_the_field(yaml_text, message):
    with pytest.raises(BriefingError, match=message.replace("[", r"\[").replace("]", r"\]")):
        briefing_from_yaml(yaml_text)


def test_write_atomic_skips_unchanged_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "out" / "b.yaml"
    assert write_atomic(target, "x") is True
    assert write_atomic(target, "x") is False
    assert [p.name for p in target.parent.iterdir()] == ["b.yaml"]


def test_written_files_are_readable_by_others_and_streamed_yaml_is_the_same(tmp_path):
    from briefing.dump import write_briefing

    target = tmp_path / "b.yaml"
    write_briefing(sample(), target)
    assert target.read_text(encoding="utf-8") == briefing_to_yaml(sample())
    assert target.stat().st_mode & 0o044 == 0o044
    write_atomic(tmp_path / "x.md", "x")
    assert (tmp_path / "x.md").stat().st_mode & 0o044 == 0o044
