"""CleanArticle + sentences -> quotes, short quoted phrases and speakers. (stub: issue 3)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import CleanArticle, Phrase, Quote, Sentence, Speaker


def extract_quotes(article: CleanArticle, sentences: Sequence[Sentence]
                   ) -> tuple[tuple[Quote, ...], tuple[Phrase, ...], tuple[Speaker, ...]]:
    """CleanArticle -> (quotes, phrases, speakers). Needs sentences."""
    return (), (), ()
