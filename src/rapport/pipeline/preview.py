"""Live preview: serve the HTML book on localhost, rebuild on save, reload the browser page.

`serve(...)` watches the project's sources (chapters, notebooks, data, the package, the
extension, the book metadata), calls a rebuild function with the paths that changed, and tells
every open page through server-sent events: `reload` after a good build, `failed` with the
message after a bad one (the page shows it over the last good content, which stays). The pages
get a small script injected on the way out; nothing is written into the served files, and no
service outside this machine is involved.
"""

from __future__ import annotations

import json
import mimetypes
import queue
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

EVENTS = "/__rapport/events"
SCRIPT = "/__rapport/reload.js"
WATCHED = ("chapters", "notebooks", "data", "src", "_extensions", "index.qmd", "_quarto.yml",
           "references.bib")
IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".ruff_cache"}

RELOAD_JS = """\
(() => {
  const box = document.createElement("div");
  box.id = "rapport-preview-error";
  box.setAttribute("role", "alert");
  box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;" +
    "margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;border-top:4px solid " +
    "#b00020;font:14px/1.45 monospace;white-space:pre-wrap;z-index:9999;display:none";
  document.addEventListener("DOMContentLoaded", () => document.body.appendChild(box));
  const source = new EventSource("%s");
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("failed", (event) => {
    box.textContent = "Bygget feilet; siden viser siste gode versjon.\\n\\n" +
      JSON.parse(event.data).message;
    box.style.display = "block";
  });
  source.addEventListener("building", () => { document.title = "⟳ " + document.title; });
})();
""" % EVENTS


class Broadcaster:
    """Fan-out of server-sent events to every open page."""

    def __init__(self) -> None:
        self._clients: set[queue.Queue] = set()
        self._lock = threading.Lock()

    def subscribe(self) -> queue.Queue:
        q: queue.Queue = queue.Queue()
        with self._lock:
            self._clients.add(q)
        return q

    def unsubscribe(self, q: queue.Queue) -> None:
        with self._lock:
            self._clients.discard(q)

    def send(self, event: str, data: dict | None = None) -> None:
        message = f"event: {event}\ndata: {json.dumps(data or {}, ensure_ascii=False)}\n\n"
        with self._lock:
            for q in self._clients:
                q.put(message)

    def __len__(self) -> int:
        with self._lock:
            return len(self._clients)


def inject(html: bytes) -> bytes:
    """The page with the reload script added before `</body>` (or at the end)."""
    tag = f'<script src="{SCRIPT}"></script>'.encode()
    at = html.rfind(b"</body>")
    return html[:at] + tag + html[at:] if at >= 0 else html + tag


def make_handler(site: Path, events: Broadcaster) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet: the terminal shows the builds
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path = unquote(urlsplit(self.path).path)
            if path == EVENTS:
                return self._events()
            if path == SCRIPT:
                return self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
            target = (site / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if site.resolve() not in target.parents and target != site.resolve():
                return self.send_error(HTTPStatus.FORBIDDEN)
            if not target.is_file():
                return self.send_error(HTTPStatus.NOT_FOUND)
            body = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                body, kind = inject(body), "text/html; charset=utf-8"
            self._send(body, kind)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            q = events.subscribe()
            try:
                self.wfile.write(b": connected\n\n")
                self.wfile.flush()
                while not getattr(self.server, "stopping", False):
                    try:
                        message = q.get(timeout=0.5)
                    except queue.Empty:
                        continue
                    self.wfile.write(message.encode("utf-8"))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                events.unsubscribe(q)

    return Handler


# How long the watched files must stay unchanged before a rebuild starts, and how many such waits
# at most (a file written without pause for longer is rebuilt as it stands then).
SETTLE = 0.04
SETTLE_ROUNDS = 50


def snapshot(root: Path, watched: Iterable[str] = WATCHED) -> dict[str, tuple[int, int]]:
    """Root-relative path -> (mtime_ns, size) of every watched file."""
    state: dict[str, tuple[int, int]] = {}
    for name in watched:
        base = root / name
        paths = [base] if base.is_file() else (base.rglob("*") if base.is_dir() else [])
        for path in paths:
            if not path.is_file() or IGNORED_PARTS & set(path.parts):
                continue
            stat = path.stat()
            state[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return state


def changed_paths(before: dict, after: dict) -> list[str]:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


class Preview:
    """A running preview: HTTP server plus a watcher thread that rebuilds and notifies."""

    def __init__(self, root: Path, site: Path, rebuild: Callable[[list[str]], None], *,
                 host: str = "127.0.0.1", port: int = 0, interval: float = 0.1,
                 log: Callable[[str], None] = print) -> None:
        self.root, self.site, self.rebuild, self.interval, self.log = (
            root, site, rebuild, interval, log)
        self.events = Broadcaster()
        self.server = ThreadingHTTPServer((host, port), make_handler(site, self.events))
        self.server.daemon_threads = True
        self.server.stopping = False
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> Preview:
        for target in (self.server.serve_forever, self._watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        self.server.stopping = True
        self.server.shutdown()
        self.server.server_close()

    def _watch(self) -> None:
        state = snapshot(self.root)
        while not self._stop.wait(self.interval):
            current = snapshot(self.root)
            changed = changed_paths(state, current)
            if not changed:
                continue
            current = self._settled(current)
            changed = changed_paths(state, current)
            state = current
            self.build(changed)

    def _settled(self, current: dict) -> dict:
        """The files once an editor has finished writing them (a save can be several writes):
        the first snapshot that equals the one SETTLE seconds before it."""
        for _ in range(SETTLE_ROUNDS):
            time.sleep(SETTLE)
            again = snapshot(self.root)
            if again == current:
                break
            current = again
        return current

    def build(self, changed: list[str]) -> bool:
        """Rebuild for `changed`; tell the pages to reload, or show the error. True if good."""
        started = time.perf_counter()
        self.log(f"==> preview: {', '.join(changed[:3])}{' …' if len(changed) > 3 else ''}")
        self.events.send("building")
        try:
            self.rebuild(changed)
        except Exception as exc:  # any failure is shown; the last good pages stay served
            message = str(exc) or exc.__class__.__name__
            self.log(f"    preview build failed:\n{message}")
            self.events.send("failed", {"message": message})
            return False
        self.log(f"    rebuilt in {time.perf_counter() - started:.2f} s; reloading pages")
        self.events.send("reload")
        return True
