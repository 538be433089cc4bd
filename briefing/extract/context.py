"""The per-article context that extraction components read and fill, and their pipeline.

After spaCy's ``Language`` pipes: each component is a plain function of one
``ArticleContext`` that declares the fields it reads (``requires``) and the fields it
adds (``assigns``). ``ExtractPipeline`` keeps them in one ordered, named list and checks
the declarations when it is built (a component that reads a field no earlier component
assigns is an error then, not halfway through an article) and again when it runs (a
component must set what it promised). Nothing is shared between articles: a context
lives for one article.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, TypeVar

from ..model import Claim, CleanArticle, Event, Paragraph, Phrase, Quote, Sentence, Speaker

if TYPE_CHECKING:
    from .quotes import Cue, Found, Span
    from .speakers import Mention, SpeakerBook, TokenIndex

T = TypeVar("T")


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
class Component:
    """One named step of extraction: ``func(ctx)`` reads ``requires`` and sets ``assigns``."""

    name: str
    func: Callable[[ArticleContext], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = sorted((set(self.requires) | set(self.assigns)) - CONTEXT_FIELDS)
        if unknown:
            raise ValueError(f"component {self.name!r}: unknown context fields {unknown}")


@dataclass(frozen=True)
class ExtractPipeline:
    """An ordered list of components, checked once when built; immutable, so one pipeline
    can be shared by every article (and every worker)."""

    components: tuple[Component, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "components", tuple(self.components))
        check_order(self.components)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def replace(self, name: str, component: Component) -> ExtractPipeline:
        """A new pipeline with the component called ``name`` swapped for ``component``."""
        if name not in self.names:
            raise KeyError(name)
        return ExtractPipeline(tuple(component if c.name == name else c for c in self.components))

    def run(self, ctx: ArticleContext, timings: dict[str, float] | None = None) -> ArticleContext:
        """Run every component in order on ``ctx``; raise if one leaves a promise unset.

        With ``timings``, add each component's seconds to it (by name).
        """
        for component in self.components:
            started = time.perf_counter()
            component.func(ctx)
            if timings is not None:
                timings[component.name] = timings.get(component.name, 0.0) + time.perf_counter() - started
            missing = [name for name in component.assigns if getattr(ctx, name) is None]
            if missing:
                raise RuntimeError(f"component {component.name!r} did not set {missing}")
        return ctx


def check_order(components: Iterable[Component]) -> None:
    """Raise ValueError when a component reads a field no earlier component assigns,
    or when two components share a name."""
    available = set(INPUT_FIELDS)
    seen: set[str] = set()
    for component in components:
        if component.name in seen:
            raise ValueError(f"two components are called {component.name!r}")
        seen.add(component.name)
        missing = sorted(set(component.requires) - available)
        if missing:
            raise ValueError(f"component {component.name!r} requires {missing}, "
                             f"which no earlier component assigns")
        available |= set(component.assigns)


def need(value: T | None, name: str) -> T:
    """A context field a component declared in ``requires`` (typed access without ``assert``)."""
    if value is None:
        raise RuntimeError(f"context field {name!r} is not set")
    return value
