"""`briefing serve` in a copy of the project: it says where it serves, rebuilds once per
burst of edits, and an error shows in the terminal and on the page instead of hanging."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from projectcopy import copy_site_project

pytestmark = pytest.mark.slow

BRIEFING = str(Path(sys.executable).parent / "briefing")


class Served:
    """A running `briefing serve`: its stderr lines, collected as they come."""

    def __init__(self, project: Path, port: int) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen([BRIEFING, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._queue.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 60, after: int = 0) -> int:
        """Wait for a line containing ``text`` (among lines from index ``after``); returns its index."""
        deadline = time.monotonic() + timeout
        while True:
            for number in range(after, len(self.lines)):
                if text in self.lines[number]:
                    return number
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                raise AssertionError(f"no line with {text!r} in:\n" + "\n".join(self.lines))
            try:
                self.lines.append(self._queue.get(timeout=min(remaining, 0.5)))
            except queue.Empty:
                pass

    def settle(self, seconds: float) -> None:
        """Collect what comes in the next ``seconds``."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                self.lines.append(self._queue.get(timeout=left))
            except queue.Empty:
                pass

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=15) as response:  # a hanging request fails the test
        return response.read().decode("utf-8")


@pytest.fixture
def served(tmp_path):
    project = copy_site_project(tmp_path / "project")
    server = Served(project, free_port())
    yield project, server
    server.stop()


def test_serve_prints_its_url_rebuilds_once_per_burst_and_shows_errors_without_hanging(served):
    project, server = served
    line = server.lines[server.wait_for("Serving on http://127.0.0.1:")]
    url = line[line.index("http://"):].split()[0]
    assert url.endswith("/")
    assert "Briefing: " in get(url + "index.html")

    # a burst of edits (three saves, 0.1 s apart: well within the debounce) -> one rebuild
    start = len(server.lines)
    seed = next((project / "seeds").glob("000_*.txt"))
    for number in range(3):
        with seed.open("a", encoding="utf-8") as handle:
            handle.write(f"\nThe harbour authority reopened the bridge on day {number}.\n")
        time.sleep(0.1)
    server.wait_for("Reloading browsers", after=start)
    server.settle(6)  # long enough for a second rebuild to start, were there one
    builds = [x for x in server.lines[start:] if "Building documentation" in x]
    assert len(builds) == 1, "\n".join(server.lines[start:])
    # only the changed pages were built again, and the search index still holds every page
    assert any("pages built again, the others kept" in x for x in server.lines[start:]), "\n".join(server.lines)
    index = json.loads(get(url + "search/search_index.json"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"sources/{p.stem.replace('_', '-')}.html" for p in (project / "seeds").glob("*.txt")} <= pages
    assert {"index.html", "facts.html", "quotes.html", "timeline.html"} <= pages

    # a broken overrides.yaml: one error line in the terminal, the last good pages served with the error
    start = len(server.lines)
    (project / "overrides.yaml").write_text("items: {unclosed\n", encoding="utf-8")
    error = server.lines[server.wait_for("error: ", after=start)]
    assert "overrides.yaml: line 2: malformed YAML" in error and "last good pages" in error
    server.wait_for("Reloading browsers", after=start)
    page = get(url + "disputed.html")
    assert "The last rebuild failed" in page and "overrides.yaml: line 2: malformed YAML" in page
    assert "<h1" in page and "Contested" in page  # the last good page, not an empty one

    # fixed: the error is gone from the terminal's story and from the page
    start = len(server.lines)
    (project / "overrides.yaml").write_text("items: {}\n", encoding="utf-8")
    server.wait_for("the briefing builds again", after=start)
    server.wait_for("Reloading browsers", after=start)
    assert "The last rebuild failed" not in get(url + "disputed.html")


def test_serve_with_a_broken_overrides_file_from_the_start_serves_a_page_saying_so(tmp_path):
    project = copy_site_project(tmp_path / "project")
    (project / "overrides.yaml").write_text("items: [\n", encoding="utf-8")
    server = Served(project, free_port())
    try:
        line = server.lines[server.wait_for("Serving on http://127.0.0.1:")]
        url = line[line.index("http://"):].split()[0]
        assert any("error: " in x and "overrides.yaml" in x for x in server.lines)
        page = get(url)  # neither a hang nor a 404
        assert "The briefing could not be built yet" in page and "The last rebuild failed" in page
        start = len(server.lines)
        (project / "overrides.yaml").write_text("items: {}\n", encoding="utf-8")
        server.wait_for("Reloading browsers", after=start)
        page = get(url)
        assert "could not be built" not in page and "Briefing: " in page
    finally:
        server.stop()
