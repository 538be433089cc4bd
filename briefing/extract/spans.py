"""A linear helper over a text's spans: its quoted stretches.

``quoted_spans`` replaces patterns such as ``“[^”]*”`` whose regex search restarts at
every unclosed opening mark (quadratic on a run of unclosed quotes): one pass over the
quote marks only.
"""

from __future__ import annotations

import re

DOUBLE_MARKS_RE = re.compile(r"[“”\"]")
SINGLE_MARKS_RE = re.compile(r"['‘’]")


def quoted_spans(text: str, single: bool = False) -> list[tuple[int, int]]:
    """Text -> (start, end) of its quoted stretches, marks included, in text order.

    “curly” runs from an opening mark to the next closing one; "straight" marks pair up
    in turn. With ``single``, also 'single' or ‘curly single’ quotes: an opening mark
    after a non-word character, closed by the next single mark when a non-word follows.
    """
    spans: list[tuple[int, int]] = []
    curly: int | None = None
    straight: int | None = None
    for m in DOUBLE_MARKS_RE.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == "“":
            if curly is None:
                curly = i
        elif ch == "”":
            if curly is not None:
                spans.append((curly, i + 1))
                curly = None
            elif straight is not None:  # "… ” : a straight mark closed by a curly one (scraped text)
                spans.append((straight, i + 1))
                straight = None
        elif straight is None:
            straight = i
        else:
            spans.append((straight, i + 1))
            straight = None
    if single:
        marks = [m.start() for m in SINGLE_MARKS_RE.finditer(text)]
        k = 0
        while k < len(marks) - 1:
            i, j = marks[k], marks[k + 1]
            opens = text[i] in "'‘" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"))
            closes = text[j] in "'’" and (j + 1 >= len(text) or not (text[j + 1].isalnum() or text[j + 1] == "_"))
            if opens and closes:
                spans.append((i, j + 1))
                k += 2
            else:
                k += 1
    return sorted(spans)
