"""Per-article claims -> facts told by one or more outlets, ranked. (stub: issue 4)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleExtraction, Fact, Source


def link_facts(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> tuple[Fact, ...]:
    """Group the same fact across outlets; rank by corroboration and prominence."""
    return ()
