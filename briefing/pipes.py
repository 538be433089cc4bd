"""Named, ordered components over one explicit context: the shape of ``extract`` and ``link``.

After spaCy's ``Language`` pipes and Python-Markdown's ``Registry``: a component is a plain
function of one context object that declares the fields it reads (``requires``) and the
fields it sets (``assigns``). A ``Pipeline`` keeps components in one ordered, named list
and checks the declarations when it is built (a component that reads a field no earlier
component assigns is an error then, not halfway through a run) and again when it runs (a
component must set what it promised). Nothing lives at module level: a context lives for
one run.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any, Generic, Self, TypeVar

C = TypeVar("C")
T = TypeVar("T")


@dataclass(frozen=True)
class Component(Generic[C]):
    """One named step: ``func(ctx)`` reads ``requires`` and sets ``assigns``."""

    name: str
    func: Callable[[C], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class Pipeline(Generic[C]):
    """An ordered list of components over contexts of ``context_type``, checked when built.

    ``inputs`` are the context fields set before any component runs. Immutable once built,
    so one pipeline can be shared by every run (and every worker).
    """

    def __init__(self, context_type: type[C], inputs: Iterable[str], components: Iterable[Component[C]]) -> None:
        self.context_type = context_type
        self.inputs = frozenset(inputs)
        self.components: tuple[Component[C], ...] = tuple(components)
        check_order(self.components, self.inputs, {f.name for f in fields(context_type)})  # type: ignore[arg-type]

    @property
    def names(self) -> tuple[str, ...]:
        """The components' names, in order."""
        return tuple(c.name for c in self.components)

    def replace(self, name: str, component: Component[C]) -> Self:
        """A new pipeline (of the same class) with the component ``name`` swapped for ``component``."""
        if name not in self.names:
            raise KeyError(name)
        new = copy.copy(self)
        new.components = tuple(component if c.name == name else c for c in self.components)
        check_order(new.components, new.inputs, {f.name for f in fields(new.context_type)})  # type: ignore[arg-type]
        return new

    def run(self, ctx: C, timings: dict[str, float] | None = None) -> C:
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


def check_order(components: Iterable[Component[Any]], inputs: Iterable[str], known: Iterable[str]) -> None:
    """Raise ValueError when a component names a field the context does not have, reads a
    field no earlier component assigns, or shares its name with another."""
    known = set(known)
    available = set(inputs)
    seen: set[str] = set()
    for component in components:
        unknown = sorted((set(component.requires) | set(component.assigns)) - known)
        if unknown:
            raise ValueError(f"component {component.name!r}: unknown context fields {unknown}")
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

