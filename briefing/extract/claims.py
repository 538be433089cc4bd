"""CleanArticle + sentences -> claims with a status. (stub: issue 4)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, CleanArticle, Sentence


def extract_claims(article: CleanArticle, sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
    """CleanArticle -> claims, one per fact-bearing sentence. Needs sentences."""
    return ()
