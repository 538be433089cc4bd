"""fastre.guard: the same matches as the pattern it guards, on any text."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract import claims, dates
from briefing.fastre import guard


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple, str | None]]:
    return [(m.span(), m.groups(), m.lastgroup) for m in pattern.finditer(text)]


def test_a_cue_list_gets_a_look_ahead_on_its_first_letters():
    cues = re.compile(r"\b(?:denied|rejected|refuted)\b", re.IGNORECASE)
    guarded = guard(cues)
    assert guarded is not cues
    assert guarded.pattern.startswith("(?=[dr])")
    text = "The minister DENIED it; aides Rejected the claim and nobody refuted-ish it."
    assert matches(guarded, text) == matches(cues, text)
    assert [m.group(0) for m in guarded.finditer(text)] == ["DENIED", "Rejected", "refuted"]


def test_named_groups_and_a_scoped_ignorecase_keep_their_matches():
    pattern = re.compile(r"(?P<month>\bMar)|(?P<year>\b20\d\d\b)|(?P<rel>\b(?i:today|week)\b)")
    guarded = guard(pattern)
    assert guarded is not pattern
    text = "Mar 3, 2031, said TODAY; this Week, not marching or 20311 or Today's."
    assert matches(guarded, text) == matches(pattern, text)
    assert [m.lastgroup for m in guarded.finditer(text)] == ["month", "year", "rel", "rel", "rel"]


@pytest.mark.parametrize("text", ["\u212aelvin", "\u017fays", "\u0130nfo \u0131nfo"])
def test_letters_that_ignorecase_matches_beyond_ascii(text):
    # "K" (Kelvin sign) is a "k", "ſ" an "s", "İ" and "ı" an "i" under re.IGNORECASE
    for pattern in (re.compile(r"\b(?:kelvin|says|info)", re.IGNORECASE), re.compile(r"\b(?i:kelvin|says|info)")):
        assert matches(guard(pattern), text) == matches(pattern, text) != []


@pytest.mark.parametrize("source", [r"a*b?", r".x", r"[^a]b", r"(a)?\1", r"(?i)abc", r"x|", r"(?=q)"])
def test_unbounded_or_empty_patterns_are_left_as_they_are(source):
    pattern = re.compile(source)
    assert guard(pattern) is pattern


def test_a_verbose_pattern_ending_in_a_comment():
    pattern = re.compile("(?:said | told)  # cue verbs", re.VERBOSE)
    guarded = guard(pattern)
    assert guarded is not pattern
    assert matches(guarded, "she told us, he said") == matches(pattern, "she told us, he said")


def test_the_project_cue_patterns_are_guarded():
    for pattern in (claims.DENIED_RE, claims.ATTRIBUTED_RE, dates.HINT_RE):
        assert pattern.pattern.startswith("(?=[")


ATOMS = [r"\b", r"\w", r"\d", r"[a-c]", r"[A-Z]", "ab", "Ba", "k", "s", "i", r"\s", "x", r"(?<=a)", r"(?=b)",
         r"(?i:ab)", r"(?i:k)", r"(?-i:s)", "-", r"\.", "é", r"[xyz\d]"]
QUANT = ["", "", "", "?", "*", "+", "{2}", "{0,2}"]


@st.composite
def patterns(draw):
    def seq(depth: int) -> str:
        out = []
        for _ in range(draw(st.integers(1, 3))):
            if depth and draw(st.integers(0, 4)) == 0:
                alts = [seq(depth - 1) for _ in range(draw(st.integers(1, 3)))]
                out.append("(?:" + "|".join(alts) + ")" + draw(st.sampled_from(QUANT)))
            else:
                atom = draw(st.sampled_from(ATOMS))
                zero_width = atom in (r"\b", r"(?<=a)", r"(?=b)")
                out.append(atom if zero_width else atom + draw(st.sampled_from(QUANT)))
        return "".join(out)
    top = [seq(2) for _ in range(draw(st.integers(1, 3)))]
    return "|".join(top), draw(st.sampled_from([0, re.IGNORECASE]))


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet="abcxyzABK sSiI\u212a\u017f\u0130\u0131é-.1 9", max_size=60))
def test_guard_never_changes_a_match(spec, text):
    source, flags = spec
    pattern = re.compile(source, flags)
    assert matches(guard(pattern), text) == matches(pattern, text)
