"""CleanArticle + sentences -> ArticleExtraction: what one article says on its own.

Extraction is an ordered list of named components over one ``ArticleContext`` per
article (``EXTRACT_PIPELINE``; see ``briefing.extract.context``): quote finding, tokens,
the entity book (name coreference), mention finding, speaker attribution, pronoun/role
resolution, quote output, claims, dates and the editor's insertions (``standalone``: whom a
sentence's "he" or "the senator" means). Each declares what it reads and adds, and the
order is checked when the pipeline is built. Nothing here looks at other articles; that
is ``briefing.link``'s job. The result depends only on the article, so it is cached by
content hash (see ``briefing.cache``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArticleExtraction, CleanArticle, Sentence
from .claims import extract_claims
from .context import ArticleContext, Component, ExtractPipeline, need
from .dates import extract_events
from .quotes import QUOTE_COMPONENTS
from .standalone import stand_alone


def find_claims(ctx: ArticleContext) -> None:
    """Claim attribution: sentences + the entity book (who "he" and "the senator" are) -> claims.

    The claims' own masking of quotations differs from quote finding's; its tokens are
    those of ``tokens`` (``TokenIndex.remasked``), tokenized again only where the masks differ.
    """
    ctx.claims = extract_claims(ctx.article, ctx.sentences, book=ctx.book, tokens=ctx.tokens)


def find_events(ctx: ArticleContext) -> None:
    """Dates: sentences -> events (``extract_events`` unchanged)."""
    ctx.events = extract_events(ctx.article, ctx.sentences)


EXTRACT_COMPONENTS: tuple[Component, ...] = (
    *QUOTE_COMPONENTS,
    Component("claims", find_claims, requires=("sentences", "book", "tokens"), assigns=("claims",)),
    Component("dates", find_events, requires=("sentences",), assigns=("events",)),
    Component("standalone", stand_alone, requires=("claims", "events", "book", "tokens", "subjects", "referents",
                                                   "attributions", "masked"), assigns=("claims", "events")),
)
EXTRACT_PIPELINE = ExtractPipeline(EXTRACT_COMPONENTS)


def extract_article(article: CleanArticle, sentences: Sequence[Sentence],
                    pipeline: ExtractPipeline = EXTRACT_PIPELINE,
                    timings: dict[str, float] | None = None) -> ArticleExtraction:
    """CleanArticle -> ArticleExtraction. Needs sentences; every item cites this article.

    ``timings``, when given, collects seconds per component name.
    """
    ctx = pipeline.run(ArticleContext.of(article, sentences), timings)
    return ArticleExtraction(
        source_id=article.source_id,
        quotes=need(ctx.quotes, "quotes"),
        phrases=need(ctx.phrases, "phrases"),
        claims=need(ctx.claims, "claims"),
        events=need(ctx.events, "events"),
        speakers=need(ctx.speakers, "speakers"),
    )
