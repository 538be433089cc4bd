"""CleanArticle + sentences -> ArticleExtraction: what one article says on its own.

Each concern is a module: quotes and speakers, claims with their status, dated events.
Nothing here looks at other articles; that is ``briefing.link``'s job. The result
depends only on the article, so it is cached by content hash (see ``briefing.cache``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleExtraction, CleanArticle, Sentence
from .claims import extract_claims
from .dates import extract_events
from .quotes import extract_quotes


def extract_article(article: CleanArticle, sentences: Sequence[Sentence]) -> ArticleExtraction:
    """CleanArticle -> ArticleExtraction. Needs sentences; every item cites this article."""
    quotes, phrases, speakers = extract_quotes(article, sentences)
    return ArticleExtraction(
        source_id=article.source_id,
        quotes=quotes,
        phrases=phrases,
        claims=extract_claims(article, sentences),
        events=extract_events(article, sentences),
        speakers=speakers,
    )
