"""Which outlet a source counts for: when counting corroboration, and on the pages.

An outlet is a publisher. A source whose publisher is unknown takes its outlet from its
URL's host (``www.`` dropped); one with neither is of unknown origin: all such sources
count together as the one outlet ``UNKNOWN_OUTLET``, never as an outlet each.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..model import Source

UNKNOWN_OUTLET = "unknown"


def known_outlet(source: Source) -> str | None:
    """The source's outlet if it is known: its publisher, else its http(s) URL's host; else None."""
    if source.publisher and source.publisher.strip():
        return source.publisher
    if source.url:
        try:
            parts = urlsplit(source.url)
            host = parts.hostname if parts.scheme.lower() in ("http", "https") else None
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    return None


def outlet_of(source: Source) -> str:
    """The outlet a source counts for: its known outlet, else ``UNKNOWN_OUTLET``."""
    return known_outlet(source) or UNKNOWN_OUTLET


def count_outlets(sources: Iterable[Source]) -> tuple[int, int]:
    """Sources -> (distinct known outlets, sources of unknown origin)."""
    named: set[str] = set()
    unknown = 0
    for source in sources:
        name = known_outlet(source)
        if name is None:
            unknown += 1
        else:
            named.add(name)
    return len(named), unknown


def outlet_name(source: Source) -> str:
    """The outlet as a reader names it: its known outlet, else "an outlet of unknown origin"
    (never an id)."""
    return known_outlet(source) or "an outlet of unknown origin"
