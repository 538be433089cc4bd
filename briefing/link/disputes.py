"""Claims -> disputed entries with sides, and discrepancies between outlets. (stub: issue 4)"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleExtraction, Discrepancy, Dispute, Source


def link_disputes(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]) -> tuple[Dispute, ...]:
    """Allegations linked with their denials and confirmations."""
    return ()


def link_discrepancies(sources: Sequence[Source], extractions: Sequence[ArticleExtraction]
                       ) -> tuple[Discrepancy, ...]:
    """The same fact told with different numbers, dates or qualifiers."""
    return ()
