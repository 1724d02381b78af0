"""Live preview: pages served with the reload script, a save triggers a rebuild and a reload
event, a failed build shows its message and keeps the last good page."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from rapport.pipeline import preview


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "01-a.qmd").write_text("# A\n\nFørste utkast.\n", encoding="utf-8")
    site = root / "_build" / "preview"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<html><body><p>Siste gode side</p></body></html>",
                                     encoding="utf-8")
    return root


def events_from(url: str, stop_after: int, timeout: float = 20.0) -> list[tuple[str, dict]]:
    """Read server-sent events until `stop_after` named events arrived (bounded in time)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    conn.request("GET", preview.EVENTS)
    response = conn.getresponse()
    received: list[tuple[str, dict]] = []
    name = None
    deadline = time.monotonic() + timeout
    while len(received) < stop_after and time.monotonic() < deadline:
        line = response.fp.readline().decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            name = line[len("event: "):]
        elif line.startswith("data: ") and name:
            received.append((name, json.loads(line[len("data: "):])))
            name = None
    conn.close()
    return received


def start(project: Path, rebuild) -> preview.Preview:
    return preview.Preview(project, project / "_build" / "preview", rebuild, interval=0.05,
                           log=lambda m: None).start()


def listen(server: preview.Preview, count: int) -> tuple[threading.Thread, list]:
    out: list = []
    thread = threading.Thread(target=lambda: out.extend(events_from(server.url, count)))
    thread.start()
    deadline = time.monotonic() + 10
    while len(server.events) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    return thread, out


def test_pages_carry_the_reload_script_and_stay_inside_the_site(project):
    server = start(project, lambda changed: None)
    try:
        page = urllib.request.urlopen(server.url).read().decode("utf-8")
        assert page.endswith(f'<script src="{preview.SCRIPT}"></script></body></html>')
        script = urllib.request.urlopen(server.url + preview.SCRIPT.lstrip("/")).read().decode()
        assert "EventSource" in script and preview.EVENTS in script
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(server.url + "..%2f..%2fchapters/01-a.qmd")
        assert err.value.code in (403, 404)
    finally:
        server.stop()


def test_a_save_rebuilds_with_the_changed_file_and_reloads_the_page(project):
    calls: list[list[str]] = []
    server = start(project, calls.append)
    try:
        thread, received = listen(server, 2)
        (project / "chapters" / "01-a.qmd").write_text("# A\n\nAndre utkast, lengre.\n",
                                                       encoding="utf-8")
        thread.join(timeout=25)
        assert [name for name, _ in received] == ["building", "reload"]
        assert calls == [["chapters/01-a.qmd"]]
    finally:
        server.stop()


def test_a_failed_build_shows_its_message_and_the_last_good_page_stays(project):
    def rebuild(changed):
        raise RuntimeError("chapters/01-a.qmd:3: ukjent referanse @fig-finnes-ikke")

    server = start(project, rebuild)
    try:
        thread, received = listen(server, 2)
        (project / "chapters" / "01-a.qmd").write_text("# A\n\n@fig-finnes-ikke\n",
                                                       encoding="utf-8")
        thread.join(timeout=25)
        assert received[-1] == ("failed", {
            "message": "chapters/01-a.qmd:3: ukjent referanse @fig-finnes-ikke"})
        page = urllib.request.urlopen(server.url).read().decode("utf-8")
        assert "Siste gode side" in page
    finally:
        server.stop()


def test_snapshot_ignores_caches_and_sees_new_and_deleted_files(project):
    before = preview.snapshot(project)
    (project / "chapters" / "__pycache__").mkdir()
    (project / "chapters" / "__pycache__" / "x.pyc").write_bytes(b"0")
    (project / "chapters" / "02-b.qmd").write_text("# B\n", encoding="utf-8")
    (project / "chapters" / "01-a.qmd").unlink()
    after = preview.snapshot(project)
    assert preview.changed_paths(before, after) == ["chapters/01-a.qmd", "chapters/02-b.qmd"]
