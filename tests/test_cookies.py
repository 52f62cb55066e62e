"""Settings the crawl leaves out of Scrapy's tables to start fast still work when switched on (stranger25)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import FAST, cli


def _reports(n: int) -> str:
    items = "".join(
        f"<article><h2><a href='/item/{n}-{i}.html'>Report {n}-{i} on labour markets</a></h2>"
        f"<time datetime='2024-03-{i + 1:02d}'>{i + 1} Mar 2024</time><p>Notes for members on item {i}.</p></article>"
        for i in range(5)
    )
    pager = (
        "<a rel=next href='/list/page-2.html'>Next</a>" if n == 1 else "<a rel=prev href='/list/page-1.html'>Prev</a>"
    )
    return f"<html lang=en><body><main><h1>Reports</h1>{items}<nav>{pager}</nav></main></body></html>"


class _SessionSite(BaseHTTPRequestHandler):
    """Page 1 sets a session cookie, as sites that need one for page 2 do; every request's Cookie is kept."""

    cookies: list = []

    def do_GET(self):
        self.cookies.append((self.path, self.headers.get("Cookie")))
        if not self.path.startswith("/list/"):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/list/page-1.html":
            self.send_header("Set-Cookie", "session=abc123; Path=/")
        self.end_headers()
        self.wfile.write(_reports(1 if self.path == "/list/page-1.html" else 2).encode())

    def log_message(self, *args):
        pass


def test_cookies_enabled_sends_the_cookie_or_is_refused(tmp_path):
    _SessionSite.cookies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SessionSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        start = f"http://127.0.0.1:{server.server_address[1]}/list/page-1.html"
        done = cli(
            "crawl",
            "listing",
            "--db",
            tmp_path / "a.db",
            "--start-url",
            start,
            *FAST,
            "-s",
            "COOKIES_ENABLED=True",
        )
    finally:
        server.shutdown()
        server.server_close()
    refused = done.returncode != 0 and "COOKIES_ENABLED" in done.stderr and "Traceback" not in done.stderr
    sent = dict(_SessionSite.cookies).get("/list/page-2.html")
    assert refused or sent == "session=abc123", (done.returncode, done.stderr[-400:], _SessionSite.cookies)
