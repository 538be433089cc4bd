"""The per-article context that extraction components read and fill, and their pipeline.

After spaCy's ``Language`` pipes: each component is a plain function of one
``ArticleContext`` that declares the fields it reads (``requires``) and the fields it
adds (``assigns``). ``ExtractPipeline`` keeps them in one ordered, named list and checks
the declarations when it is built (a component that reads a field no earlier component
assigns is an error then, not halfway through an article) and again when it runs (a
component must set what it promised); the machinery is ``briefing.pipes``, shared with
``link``. Nothing is shared between articles: a context lives for one article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from .. import pipes
from ..model import Claim, CleanArticle, Event, Paragraph, Phrase, Quote, Sentence, Speaker

if TYPE_CHECKING:
    from .quotes import Cue, Found, Span
    from .speakers import Mention, SpeakerBook, TokenIndex, Who

@dataclass
class ArticleContext:
    """Everything extraction knows of one article; components add fields in pipeline order.

    Fields left ``None`` have not been assigned yet. The inputs (``article``, ``text``,
    ``paragraphs``, ``sentences``) are there from the start.
    """

    article: CleanArticle
    sentences: tuple[Sentence, ...]
    text: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    # quote finding: every quoted span (nested too), and the text with quotations blanked
    marks: list[Span] | None = None
    masked: str | None = None
    # tokens of the masked text, and the words written as proper nouns mid-sentence
    tokens: TokenIndex | None = None
    proper_nouns: set[str] | None = None
    # the entity book: the article's people and organisations, names, roles, gender, aliases
    book: SpeakerBook | None = None
    # mention finding: each sentence's subject phrase (by sentence id)
    subjects: dict[str, Mention] | None = None
    # speaker attribution: each top-level quotation's kind and the phrase that says who spoke
    cues: list[Cue] | None = None
    # pronoun/role resolution: each top-level quotation with its kind and resolved speaker
    attributions: list[Found] | None = None
    # ... and each sentence's subject as resolved, with the people salient just before it
    # (most recent first), by sentence id: what "he" or "the senator" opening it refers to
    referents: dict[str, tuple[Who, tuple[str, ...]]] | None = None
    # outputs
    quotes: tuple[Quote, ...] | None = None
    phrases: tuple[Phrase, ...] | None = None
    speakers: tuple[Speaker, ...] | None = None
    claims: tuple[Claim, ...] | None = None
    events: tuple[Event, ...] | None = None

    @classmethod
    def of(cls, article: CleanArticle, sentences: Sequence[Sentence]) -> ArticleContext:
        """CleanArticle + sentences -> a fresh context with only the inputs set."""
        return cls(article=article, sentences=tuple(sentences), text=article.text,
                   paragraphs=tuple(article.paragraphs))


#: Fields set before any component runs.
INPUT_FIELDS = frozenset({"article", "sentences", "text", "paragraphs"})
CONTEXT_FIELDS = frozenset(f.name for f in fields(ArticleContext))


@dataclass(frozen=True)
class Component(pipes.Component[ArticleContext]):
    """One named step of extraction: ``func(ctx)`` reads ``requires`` and sets ``assigns``;
    a field the context does not have is rejected here, where the component is declared."""

    def __post_init__(self) -> None:
        unknown = sorted((set(self.requires) | set(self.assigns)) - CONTEXT_FIELDS)
        if unknown:
            raise ValueError(f"component {self.name!r}: unknown context fields {unknown}")


class ExtractPipeline(pipes.Pipeline[ArticleContext]):
    """Extraction's components (``briefing.pipes.Pipeline`` over ``ArticleContext``)."""

    def __init__(self, components: Iterable[pipes.Component[ArticleContext]]) -> None:
        super().__init__(ArticleContext, INPUT_FIELDS, components)


def check_order(components: Iterable[pipes.Component[ArticleContext]]) -> None:
    """``briefing.pipes.check_order`` for extraction's context."""
    pipes.check_order(components, INPUT_FIELDS, CONTEXT_FIELDS)


need = pipes.need
