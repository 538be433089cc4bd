"""MkDocs hook (mkdocs.yml ``hooks:``): ``mkdocs build`` / ``mkdocs serve`` regenerate the briefing.

``on_pre_build`` makes one call, ``briefing.site.update_docs`` (extract + render), before
MkDocs reads docs/ (under ``briefing build`` the pages are already fresh, so it does
nothing); ``on_serve`` also watches the seeds and templates folders.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.exceptions import PluginError

from briefing.model import BriefingError
from briefing.site import inner_build_active, update_docs, watched_dirs

_log = logging.getLogger("briefing")


class _ToMkDocs(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger("mkdocs.plugins.briefing").handle(record)


def _route_logs_to_mkdocs() -> None:
    """Without the CLI's handler, briefing's warnings go through MkDocs (so --strict counts them)."""
    if not _log.handlers:
        _log.addHandler(_ToMkDocs())
        _log.setLevel(logging.INFO)
        _log.propagate = False


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Regenerate docs/ from the seeds before MkDocs collects the files."""
    if inner_build_active():
        return
    _route_logs_to_mkdocs()
    try:
        update_docs(config)
    except BriefingError as err:
        raise PluginError(f"briefing: {err}") from None


def on_serve(server: Any, config: Any, builder: Any, **kwargs: Any) -> Any:
    """``mkdocs serve``: rebuild when an article or a template changes, too."""
    for folder in watched_dirs(config):
        server.watch(str(folder))
    return server


def on_page_content(html: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    """Keep footnotes out of the search index: they repeat sentences the source pages hold."""
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)
