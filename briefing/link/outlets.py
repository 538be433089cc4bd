"""Which outlet a source counts for, when counting corroboration."""

from __future__ import annotations

from ..model import Source


def outlet_of(source: Source) -> str:
    """The outlet a source counts for: its publisher, else its web host, else itself."""
    if source.publisher:
        return source.publisher
    if source.url:
        return source.url.split("/")[2].removeprefix("www.")
    return f"source {source.id}"


def outlet_name(source: Source) -> str:
    """The outlet as a reader names it: publisher, else web host, else "an outlet of unknown
    origin" (never an id)."""
    if source.publisher:
        return source.publisher
    if source.url:
        return source.url.split("/")[2].removeprefix("www.")
    return "an outlet of unknown origin"
