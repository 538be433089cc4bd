"""`briefing serve`'s watches (the hook's on_serve): the system's file notifications where it has
them, changes only (not reads), stopped when serving ends."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest
from watchdog.observers.polling import PollingObserver

from briefing import mkdocs_hook


class FakeServer:
    """What on_serve uses of MkDocs' LiveReloadServer."""

    def __init__(self) -> None:
        self.build_delay = 0.1
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False
        self._watched_paths: dict[str, int] = {}
        self.observer = PollingObserver(timeout=0.5)

    def unwatch(self, path: str) -> None:
        raise KeyError(path)

    def wanted(self, timeout: float) -> bool:
        """Did a change ask for a rebuild within ``timeout`` seconds? (then the rest of its events,
        a write's creation, modification and close, are let through and the request reset)"""
        with self._rebuild_cond:
            asked = self._rebuild_cond.wait_for(lambda: self._want_rebuild, timeout=timeout)
        if asked:
            time.sleep(0.3)
        with self._rebuild_cond:
            self._want_rebuild = False
        return asked


@pytest.fixture
def served(tmp_path):
    for folder in ("seeds", "templates", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("An article.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                             extra={}, use_directory_urls=False, watch=[])
    server = FakeServer()
    mkdocs_hook.on_serve(server, config, builder=None)
    yield tmp_path, server
    mkdocs_hook.on_shutdown()
    if server.observer.is_alive():
        server.observer.stop()
        server.observer.join()


def test_serve_watches_with_file_notifications_not_by_polling(served):
    _project, server = served
    observer = mkdocs_hook._watching["observer"]
    if observer is None:
        pytest.skip("no file notifications on this system: serve polls")
    assert not isinstance(observer, PollingObserver) and observer.is_alive()
    assert not server.observer.is_alive() and not server.observer.emitters  # MkDocs' poller walks nothing


def test_a_changed_seed_asks_for_a_rebuild_and_reading_one_does_not(served):
    project, server = served
    server.wanted(0.5)  # whatever the set-up itself caused
    assert (project / "seeds" / "a.txt").read_text(encoding="utf-8")
    assert not server.wanted(1.5)
    (project / "seeds" / "a.txt").write_text("An article, edited.\n", encoding="utf-8")
    assert server.wanted(5)
    (project / "overrides.yaml").write_text("items: {}\n", encoding="utf-8")
    assert server.wanted(5)
    (project / "unrelated.txt").write_text("not watched\n", encoding="utf-8")
    assert not server.wanted(1.5)


def test_serving_ends_with_the_observer_stopped(served):
    observer = mkdocs_hook._watching["observer"]
    if observer is None:
        pytest.skip("no file notifications on this system: serve polls")
    mkdocs_hook.on_shutdown()
    assert not observer.is_alive() and mkdocs_hook._watching["observer"] is None


def test_debounce_is_short_and_no_shorter_than_mkdocs_own(served):
    _project, server = served
    assert server.build_delay == mkdocs_hook.DEBOUNCE_SECONDS <= 0.5


def test_a_served_build_leaves_its_full_collection_until_after_the_reload(monkeypatch):
    # The full collection a grown heap calls for (collect.settle) ran in on_post_build, before
    # MkDocs served the new pages: it was part of the edit's latency. It now runs on a timer.
    ran: list[str] = []
    monkeypatch.setattr(mkdocs_hook.collect, "settle", lambda: ran.append(threading.current_thread().name))
    monkeypatch.setattr(mkdocs_hook, "SETTLE_DELAY_SECONDS", 0.2)
    monkeypatch.setitem(mkdocs_hook._state, "command", "serve")
    monkeypatch.setitem(mkdocs_hook._plan, "current", None)
    mkdocs_hook.on_post_build(config=None)
    mkdocs_hook.on_post_build(config=None)  # a second build before it ran: one collection, not two
    assert ran == []
    deadline = time.monotonic() + 5
    while not ran and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert len(ran) == 1 and ran[0] != threading.current_thread().name
    monkeypatch.setitem(mkdocs_hook._state, "command", "build")
    mkdocs_hook.on_post_build(config=None)  # `mkdocs build`: the process ends, nothing to settle
    time.sleep(0.3)
    assert len(ran) == 1
