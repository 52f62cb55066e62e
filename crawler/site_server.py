"""A small HTTP server on 127.0.0.1 that serves a folder of listing pages.

It serves the bundled demo site (`listing-archive demo`) and the tests' fixture
sites. `state` picks a sub-folder, so a site can change between two crawls;
`faults` maps a path to a function that answers instead (a 500, a 429, a cut
connection), for tests of a site that misbehaves on purpose.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer

    def log_message(self, *args):  # quiet: the crawl's own log says what was fetched
        pass

    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        self.server.requests.append(path)
        fault = self.server.faults.get(path) or self.server.faults.get("*")  # "*": every path
        if fault is not None and fault(self):
            return
        target = self.server.resolve(path)
        if target is None:
            self.send_error(404, "Not Found")
            return
        body = target.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        ctype = "text/plain; charset=utf-8" if target.suffix == ".txt" else "text/html; charset=utf-8"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: str | Path, state: str | None = None, port: int = 0, base: str | None = None):
        """`state`: the sub-folder served now; `base`: where a file the state lacks is taken from."""
        super().__init__(("127.0.0.1", port), _Handler)
        self.root = Path(root)
        self.state = state
        self.base = base
        self.faults: dict[str, Callable] = {}
        self.requests: list[str] = []
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def resolve(self, path: str) -> Path | None:
        for folder in dict.fromkeys(filter(None, (self.state, self.base))) or [None]:
            found = self._resolve_in(self.root / folder if folder else self.root, path)
            if found is not None:
                return found
        return None

    @staticmethod
    def _resolve_in(folder: Path, path: str) -> Path | None:
        rel = path.lstrip("/")
        candidate = (folder / rel).resolve()
        if rel == "" or path.endswith("/"):
            candidate = candidate / "index.htm"
        if not str(candidate).startswith(str(folder.resolve())) or not candidate.is_file():
            return None  # outside the folder, or not there
        return candidate

    def handle_error(self, request, client_address) -> None:
        """A client that hung up mid-answer (a crawl stopped, a timeout tested) is no server error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


DEMO_LISTING_PATH = "/asia/countries/lao-peoples-democratic-republic/facet/lang--en/index.htm"
# The demo site a week later holds only the pages that changed; the rest is week1's.
DEMO_BASE = "week1"


def demo_site_root() -> Path:
    return Path(str(resources.files("crawler") / "demo_site"))
