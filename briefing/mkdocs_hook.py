"""MkDocs hook (mkdocs.yml ``hooks:``): ``mkdocs build`` / ``mkdocs serve`` regenerate the briefing.

``on_pre_build`` makes one call, ``briefing.site.update_docs`` (extract + render), before
MkDocs reads docs/; ``on_serve`` also watches the seeds and templates folders. Under
``briefing build`` the pages are already fresh, so the hook does nothing.
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
