"""MkDocs hook (mkdocs.yml ``hooks:``): ``mkdocs build`` / ``mkdocs serve`` regenerate the briefing.

``on_pre_build`` makes one call, ``briefing.site.update_docs`` (extract + render), before
MkDocs reads docs/ (under ``briefing build`` the pages are already fresh, so it does
nothing); ``on_serve`` also watches the seeds and templates folders.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from mkdocs.exceptions import PluginError

from briefing.model import BriefingError
from briefing.site import inner_build_active, update_docs, watched_dirs

_log = logging.getLogger("briefing")
_H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


class _ToMkDocs(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger("mkdocs.plugins.briefing").handle(record)


def _route_logs_to_mkdocs() -> None:
    """Without the CLI's handler, briefing's warnings go through MkDocs (so --strict counts them)."""
    if not _log.handlers:
        _log.addHandler(_ToMkDocs())
        _log.setLevel(logging.INFO)
        _log.propagate = False


_command = {"name": "build"}  # from on_startup: "build", "gh-deploy" or "serve"


def on_startup(command: str, dirty: bool, **kwargs: Any) -> None:
    """Remember whether MkDocs builds or serves."""
    _command["name"] = command


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Regenerate docs/ from the seeds before MkDocs collects the files."""
    if inner_build_active():
        return
    _route_logs_to_mkdocs()
    serving = _command["name"] == "serve"  # serve's site_url is its local address: not for the feed
    try:
        update_docs(config, site_url=None if serving else config.site_url or None)
    except BriefingError as err:
        raise PluginError(f"briefing: {err}") from None


def on_serve(server: Any, config: Any, builder: Any, **kwargs: Any) -> Any:
    """``mkdocs serve``: rebuild when an article or a template changes, too."""
    for folder in watched_dirs(config):
        server.watch(str(folder))
    return server


def on_page_content(html: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    """Keep footnotes out of the search index: they repeat sentences the source pages hold.

    Also: the home page's browser title names the briefing ("Briefing: … - News briefing").
    The theme shows the nav title ("Overview") or only the site name for the home page
    unless ``page.meta.title`` is set, and prints that value as it is; it is set to the
    page's H1 text (tags stripped, entities undone), HTML-escaped again.
    """
    if page.is_homepage and not page.meta.get("title"):
        match = _H1_RE.search(html)
        if match:
            from markupsafe import Markup

            from briefing.render import escape_html
            text = Markup(_HEADERLINK_RE.sub("", match.group(1))).striptags()
            if text:
                page.meta["title"] = str(escape_html(text))
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)
