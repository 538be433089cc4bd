"""Faster regex scans with the same matches: a look-ahead on the characters a match can start with.

Python's ``re`` tries a pattern such as ``\\b(?:denied|rejected|refuted|...)`` at every
position of the text, and each try walks every alternative: on a long list of cue words
that costs far more than the few matches found. ``guard(pattern)`` compiles
``(?=[S])(?:pattern)``, where S holds every character a match of the pattern can begin
with (read from the pattern itself, so a cue word added later is covered). At a position
where no match can start the look-ahead fails at once; where one can, it is true and the
pattern runs as before. The matches, their groups and their order are the same; a pattern
whose first character cannot be bounded (``.``, ``[^…]``, one that can match nothing,
global inline flags) is returned unchanged.
"""

from __future__ import annotations

import re

try:  # the parser behind ``re``; without it (another Python), patterns stay unguarded
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython 3.11+ has both
    sre_constants = sre_parse = None  # type: ignore[assignment]

#: Characters other than a letter's two cases that ``re.IGNORECASE`` matches with it.
_CASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


class _Unbounded(Exception):
    """The first character of a match cannot be bounded by a character class."""


def guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead on its possible first characters (same matches), or
    ``pattern`` itself when they cannot be bounded."""
    if sre_parse is None or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        items: set[str] = set()
        ignorecase = bool(pattern.flags & re.IGNORECASE)
        if _first(list(parsed), items, ignorecase, ignorecase):
            return pattern  # it can match the empty string: any position may match
        end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a trailing comment must not hide the ")"
        # global inline flags ("(?i)…") may only open a pattern: re.error, and it stays as it is
        return re.compile(f"(?=[{''.join(sorted(items))}])(?:{pattern.pattern}{end}", pattern.flags)
    except (_Unbounded, re.error, AttributeError, TypeError, ValueError):
        return pattern


def _char(code: int, ignorecase: bool, global_ignorecase: bool, items: set[str]) -> None:
    ch = chr(code)
    if ignorecase and not global_ignorecase:  # a scoped (?i:…): spell out every case
        if not ch.isascii():
            raise _Unbounded
        for variant in {ch.lower(), ch.upper(), *_CASE_EXTRA.get(ch.lower(), "")}:
            items.add(re.escape(variant))
    else:
        items.add(re.escape(ch))


def _first(seq: list, items: set[str], ignorecase: bool, global_ignorecase: bool) -> bool:
    """Add to ``items`` the characters a match of ``seq`` can begin with; True when ``seq``
    can match the empty string (so what follows it may begin a match too)."""
    c = sre_constants
    for op, arg in seq:
        if op is c.LITERAL:
            _char(arg, ignorecase, global_ignorecase, items)
            return False
        if op is c.IN:
            for kind, value in arg:
                if kind is c.LITERAL:
                    _char(value, ignorecase, global_ignorecase, items)
                elif kind is c.RANGE and not (ignorecase and not global_ignorecase):
                    items.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is c.CATEGORY and str(value) in _CATEGORIES:
                    items.add(_CATEGORIES[str(value)])
                else:  # a negated class, another category, or a case-folded range
                    raise _Unbounded
            return False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item holds the first character
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            scoped = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            if not _first(list(sub), items, scoped, global_ignorecase):
                return False
            continue
        if op is c.BRANCH:
            empty = False
            for alternative in arg[1]:
                empty |= _first(list(alternative), items, ignorecase, global_ignorecase)
            if not empty:
                return False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = arg
            if not _first(list(sub), items, ignorecase, global_ignorecase) and low > 0:
                return False
            continue
        if op is getattr(c, "ATOMIC_GROUP", None):
            if not _first(list(arg), items, ignorecase, global_ignorecase):
                return False
            continue
        raise _Unbounded  # ANY, NOT_LITERAL, GROUPREF, conditionals: anything may come first
    return True
