"""MkDocs hook (mkdocs.yml ``hooks:``): ``mkdocs build`` / ``mkdocs serve`` regenerate the briefing.

``on_pre_build`` makes one call, ``briefing.site.update_docs`` (extract + render), before
MkDocs reads docs/ (under ``briefing build`` the pages are already fresh, so it does
nothing); ``on_serve`` also watches the seeds and templates folders, debounces
rebuilds and ignores the pages the rebuild itself writes; while serving, an error is
shown in the terminal and on every page, over the last good pages.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver

from briefing import collect
from briefing.model import BriefingError
from briefing.partial import PartialBuild, quiet_dirty_warning
from briefing.site import (
    finish_partial,
    generated_files,
    inner_build_active,
    partial_plan,
    project_of,
    theme_bytecode,
    update_docs,
    watched_dirs,
)

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


#: Seconds without a change before ``mkdocs serve`` rebuilds: one rebuild per burst of edits. The
#: watches report changes only, as the system sends them (an editor's save: a few events within
#: milliseconds), so a quarter second groups a save or a copied batch without adding to what the
#: editor waits for (it was half a second: a twelfth of serve's latency at 1,000 articles).
DEBOUNCE_SECONDS = 0.25
# From on_startup ("build", "gh-deploy" or "serve"), the last serve-time failure, and whether serve's
# stages ran in full once in this process (what they read is then in memory: ``update_docs(load=True)``).
_state: dict[str, str | None] = {"command": "build", "error": None, "loaded": None}
# This build's plan of what MkDocs builds again (briefing.partial); the hook module is loaded anew
# with each configuration, so once per build.
_plan: dict[str, PartialBuild | None] = {"current": None}
# The collector's thresholds before this build (briefing.collect.begin), restored when it ends.
_collect: dict[str, tuple[int, ...] | None] = {"previous": None}


def on_startup(command: str, dirty: bool, **kwargs: Any) -> None:
    """Remember whether MkDocs builds or serves."""
    _state["command"] = command
    _state["error"] = None
    _state["loaded"] = None


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Regenerate docs/ from the seeds before MkDocs collects the files.

    A build stops at the first error. While serving, an error (a broken overrides.yaml, a
    template error, an unreadable seeds folder) is printed instead and the last good pages
    stay in docs/, so MkDocs still builds and serves them, each with the error at its top:
    a request never waits for a build that cannot finish.
    """
    quiet_dirty_warning()
    if inner_build_active():
        return
    _collect["previous"] = collect.begin()  # the whole build, MkDocs' part too: fewer collections
    _route_logs_to_mkdocs()
    serving = _state["command"] == "serve"  # serve's site_url is its local address: not for the feed
    try:
        # serve's first build runs every stage, so that the first edit finds their inputs in memory
        update_docs(config, site_url=None if serving else config.site_url or None,
                    load=serving and not _state["loaded"])
    except BriefingError as err:
        if not serving:
            raise PluginError(f"briefing: {err}") from None
        _serve_error(str(err), config)
        return
    except Exception as err:  # while serving, any failure must leave a page to show
        if not serving:
            raise
        _serve_error(f"{type(err).__name__}: {err}", config)
        return
    if _state["error"]:
        _log.info("the briefing builds again: the error is gone")
    _state["error"] = None
    _state["loaded"] = "yes" if serving else None


def _serve_error(message: str, config: Any) -> None:
    """Print the error; with no good pages yet, a home page that says what went wrong."""
    _state["error"] = " ".join(message.split())
    _log.error("%s (serving the last good pages until this is fixed)", _state["error"])
    home = Path(config.docs_dir) / "index.md"
    if not home.exists():  # a first build that failed: something to serve all the same (replaced later)
        from briefing.dump import write_atomic
        from briefing.render import MARKER
        write_atomic(home, f"{MARKER}\n# The briefing could not be built yet\n\nFix the error shown above; "
                           "this page is rebuilt as soon as the file changes.\n")


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """Decide which files a dirty build (``briefing build``, ``briefing serve``, ``--dirty``) builds again."""
    # The error shown on every page while serving: when it comes or goes, every page is built again.
    plan = partial_plan(config, extra=_state["error"] if _state["command"] == "serve" else None)
    _plan["current"] = plan
    plan.decide(files)
    return files


def on_env(env: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    """The theme's templates compiled once per process, not once per rebuild (``site.theme_bytecode``)."""
    return theme_bytecode(env)


def on_nav(nav: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    """A changed navigation builds every page again."""
    if _plan["current"] is not None:
        _plan["current"].check_nav(nav)
    return nav


def on_page_context(context: Any, page: Any, config: Any, nav: Any, **kwargs: Any) -> Any:
    """Note each page built in this run (the others keep their previous output)."""
    if _plan["current"] is not None:
        _plan["current"].page_built(page)
    return context


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config: Any, **kwargs: Any) -> None:
    """Complete a partial build: every page's search entries, kept outputs, the record for the next one."""
    plan = _plan["current"]
    if plan is not None:
        plan.finish(config)
        finish_partial(plan, config)
    _end_collect()
    if _state["command"] == "serve":
        settle_after_reload()


#: Seconds after a served build ends before the full collection it may call for (``settle_after_reload``).
SETTLE_DELAY_SECONDS = 1.0
_settling: dict[str, threading.Timer | None] = {"timer": None}


def settle_after_reload() -> None:
    """While serving: the full garbage collection a grown heap calls for (``collect.settle``: after
    the first build, then whenever remembered results grew by a quarter), made on a timer thread
    once the browsers have reloaded, not before MkDocs serves the new pages (it took about 0.7 s of
    the edit's latency at 1,000 articles) nor at the start of the next rebuild."""
    timer = _settling["timer"]
    if timer is not None:
        timer.cancel()
    timer = threading.Timer(SETTLE_DELAY_SECONDS, collect.settle)
    timer.daemon = True
    _settling["timer"] = timer
    timer.start()


def on_build_error(error: Exception, **kwargs: Any) -> None:
    """A failed build ends its collector block too."""
    _end_collect()


def _end_collect() -> None:
    collect.end(_collect["previous"])
    _collect["previous"] = None


def on_serve(server: Any, config: Any, builder: Any, **kwargs: Any) -> Any:
    """``mkdocs serve``: rebuild when an article, a template or the overrides change, once per burst.

    Watchdog also reports files being opened and read, and a rebuild reads every seed and
    writes the pages into docs/ (which MkDocs watches): with MkDocs' own watches each edit
    caused two or three rebuilds. Here the seeds, templates and overrides are watched for
    changes only, and docs/ for changes to anything but the files briefing generates (and
    hidden temporary files); changes within ``DEBOUNCE_SECONDS`` of each other make one rebuild.

    These watches use the system's notifications (``watch_observer``) where it has them: MkDocs'
    own observer polls every watched tree twice a second, which took up to half a second to see
    an edit and, with 1,000 articles, kept a core busy walking docs/ and seeds/ during rebuilds.
    """
    server.build_delay = max(float(getattr(server, "build_delay", 0) or 0), DEBOUNCE_SECONDS)
    project = project_of(config)
    folders = [str(p) for p in (project.seeds_dir, project.templates_dir) if p.is_dir()]
    if not all(hasattr(server, name) for name in ("_rebuild_cond", "_want_rebuild", "_watched_paths", "observer")):
        for path in watched_dirs(config):  # another MkDocs: its own watches, rebuilds and all
            server.watch(str(path))
        return server
    for path in (config.docs_dir, config.config_file_path):  # MkDocs' own: they react to reads
        try:
            server.unwatch(path)
        except (KeyError, ValueError, TypeError):
            pass
    docs = Path(config.docs_dir)
    # Single files (mkdocs.yml, overrides.yaml, which may not exist yet): their folder, not deeper.
    files = [Path(f).resolve() for f in (config.config_file_path, project.overrides_file) if f]
    watches: list[tuple[_Changes, str, bool]] = [
        (_Changes(server, lambda path: Path(path).resolve() in generated_files(docs)), str(docs), True),
        *((_Changes(server), folder, True) for folder in folders)]
    for parent in sorted({f.parent for f in files}):
        wanted = frozenset(f for f in files if f.parent == parent)
        watches.append((_Changes(server, lambda path, wanted=wanted: Path(path).resolve() not in wanted),
                        str(parent), False))
    for extra in list(config.watch or ()):  # mkdocs.yml `watch:`: ours too, so reads do not count
        watches.append((_Changes(server), str(extra), True))
    config.watch[:] = []
    observer = watch_observer(watches)
    if observer is not None:
        _watching["observer"] = observer
    else:  # no notifications here: MkDocs' polling observer
        for handler, path, recursive in watches:
            server.observer.schedule(handler, path, recursive=recursive)
        if not server._watched_paths:  # MkDocs starts the observer only for watches of its own
            server.observer.start()
    logging.getLogger("mkdocs.plugins.briefing").info(
        "briefing: rebuilding on changes to %s", ", ".join([*(Path(f).name + "/" for f in folders),
                                                           *(f.name for f in files), docs.name + "/"]))
    return server


#: Watchdog events that change nothing: a rebuild reading the seeds must not ask for another.
_READ_ONLY_EVENTS = frozenset({"opened", "closed_no_write"})
#: The events a watch asks the system for (not opening or reading a file: a rebuild reads every seed).
CHANGE_EVENTS: tuple[type[FileSystemEvent], ...] = (
    FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
    DirCreatedEvent, DirModifiedEvent, DirDeletedEvent, DirMovedEvent)
# The observer on_serve started (stopped by on_shutdown); on_serve and on_shutdown both run in the
# hook module of the configuration serve started with.
_watching: dict[str, BaseObserver | None] = {"observer": None}


def watch_observer(watches: list[tuple[FileSystemEventHandler, str, bool]]) -> BaseObserver | None:
    """A started observer of the system's file notifications (inotify, FSEvents, ...) running
    ``watches`` (handler, path, recursive), each asking for ``CHANGE_EVENTS`` only; None where the
    system has none (watchdog's polling fallback) or refuses (too many watches, say)."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    observer = Observer()
    if isinstance(observer, PollingObserver):
        return None
    try:
        for handler, path, recursive in watches:
            observer.schedule(handler, path, recursive=recursive, event_filter=list(CHANGE_EVENTS))
        observer.start()
    except OSError as err:
        _log.info("briefing: no file notifications here (%s): polling for changes", err)
        try:
            observer.unschedule_all()
        except Exception:  # noqa: BLE001 - it never started: nothing to clean up
            pass
        return None
    return observer


def on_shutdown(**kwargs: Any) -> None:
    """Serving ends: stop the observer ``on_serve`` started."""
    timer = _settling["timer"]
    _settling["timer"] = None
    if timer is not None:
        timer.cancel()
    observer = _watching["observer"]
    _watching["observer"] = None
    if observer is not None:
        observer.stop()
        observer.join(timeout=5)


class _Changes(FileSystemEventHandler):
    """A change to a file (not a read, not a hidden file, not one ``ignore`` names) asks for a rebuild."""

    def __init__(self, server: Any, ignore: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.server = server
        self.ignore = ignore

    def _ignored(self, path: str) -> bool:
        return Path(path).name.startswith(".") or (self.ignore is not None and self.ignore(path))

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in _READ_ONLY_EVENTS:
            return
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if all(self._ignored(p) for p in paths):
            return
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()


def on_page_content(html: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    """Keep footnotes out of the search index: they repeat sentences the source pages hold.

    Also: the home page's browser title names the briefing ("Briefing: … - News briefing").
    The theme shows the nav title ("Overview") or only the site name for the home page
    unless ``page.meta.title`` is set, and prints that value as it is; it is set to the
    page's H1 text (tags stripped, entities undone), HTML-escaped again.
    """
    if _state["error"] and _state["command"] == "serve":
        from briefing.render import escape_html
        html = ('<div class="admonition failure briefing-build-error" role="alert"><p class="admonition-title">'
                "The last rebuild failed: these are the last good pages</p>"
                f"<p>{escape_html(_state['error'])}</p></div>\n" + html)
    if page.is_homepage and not page.meta.get("title"):
        match = _H1_RE.search(html)
        if match:
            from markupsafe import Markup

            from briefing.render import escape_html
            text = Markup(_HEADERLINK_RE.sub("", match.group(1))).striptags()
            if text:
                page.meta["title"] = str(escape_html(text))
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)
