"""--render: the browser never leaves the start URLs' origins, whatever way a page's script takes
(crawler/render_proxy.py: every connection of the browser goes through a proxy that refuses other hosts)."""

from __future__ import annotations

import socket
import struct
import threading
from types import SimpleNamespace

import pytest
from conftest import FAST, cli, q
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.settings import Settings

from crawler.render import guard_browser, guarding_the_browser
from crawler.render_proxy import NOT_ALLOWED, OK, OriginProxy
from crawler.site_server import SiteServer

# A listing a browser builds: six dated reports, written into the page once `build()` is called.
BUILD = """
function build() {
  if (document.getElementById('list').children.length) return;
  var h = '';
  for (var i = 0; i < 6; i++) h += '<article><h2><a href="/item/r' + i + '.html">Rendered report ' + i
    + ' on labour</a></h2><time datetime="2024-03-1' + i + '">1' + i + ' Mar 2024</time>'
    + '<p>Findings of study ' + i + ' on decent work and wages.</p></article>';
  document.getElementById('list').innerHTML = h;
}
setTimeout(build, 3000);  // the page is built even where the way off the host is closed
"""

# Ways a page's script reaches another origin that the browser's route guard (the page's own requests) does not
# see: the first four were tests/test_open_findings.py's strict xfail (each reached the other origin before the
# proxy). Each builds the list once its request was made (or refused), or after 3 s (BUILD), so the crawl ends
# either way. OTHER: the other origin.
OFF_HOST_SCRIPTS = {
    "websocket": "var s = new WebSocket('ws://OTHER/ws'); s.onerror = s.onclose = build;",
    "popup window": "var w = window.open('http://OTHER/popup.html');"
    " setInterval(function () { try { w.location.href; } catch (e) { build(); } }, 20);",
    "service worker": "navigator.serviceWorker.register('/sw.js')"
    ".then(function () { return navigator.serviceWorker.ready; }).then(build, build);",
    # (the browser has no SharedWorker: the page builds its list at once, rather than after the network went idle)
    "shared worker": "try { var w = new SharedWorker('/shared.js'); w.port.onmessage = build; w.port.start(); }"
    " catch (e) { build(); }",
    "dedicated worker": "var w = new Worker('/worker.js'); w.onmessage = build;",
    "preconnect": "var l = document.createElement('link'); l.rel = 'preconnect'; l.href = 'http://OTHER/';"
    " document.head.appendChild(l); fetch('/list.html').then(build, build);",
}
WORKER_SCRIPTS = {
    "sw.js": "self.addEventListener('install', function (e) {"
    " e.waitUntil(fetch('http://OTHER/from-worker.json').catch(function () {})); });",
    "shared.js": "onconnect = function (e) { var port = e.ports[0];"
    " fetch('http://OTHER/from-worker.json').catch(function () {}).then(function () { port.postMessage(1); }); };",
    "worker.js": "fetch('http://OTHER/from-worker.json').catch(function () {}).then(function () { postMessage(1); });",
}
ROUTES = {"one process": [], "parse worker": ["-s", "PARSE_PROCESS_AFTER=0"]}
REFUSED = "render: refused the browser a connection to "
# The ways that reach the proxy and are refused there; the others are shut before any connection (the route
# guard refuses a dedicated worker's fetch, the browser has no SharedWorker, a preconnect opens nothing).
# A shared worker's page once never went "network idle" (its script stayed open): the page timed out.
REFUSED_BY_THE_PROXY = ("websocket", "popup window", "service worker")


class CountingServer(SiteServer):
    """A SiteServer that counts the connections it accepted (a preconnect opens one and asks nothing)."""

    connections = 0

    def verify_request(self, request, client_address) -> bool:
        self.connections += 1
        return True


def javascript(text: str):
    """A SiteServer answer serving `text` as a script (a worker's script must have a JavaScript type)."""

    def answer(handler):
        body = text.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/javascript")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
        return True

    return answer


def _crawl_a_page_running(tmp_path, script: str, *extra: str, other_host: str = ""):
    """Crawl (with --render) a listing page running `script` (OTHER: the other origin): the crawl's result
    (`done`), the site's and the other origin's servers (`site`, `other`) and the other's host:port (`origin`)."""
    (tmp_path / "other").mkdir()
    site_root = tmp_path / "site"
    site_root.mkdir()
    with CountingServer(tmp_path / "other") as other, SiteServer(site_root) as site:
        origin = other_host or other.base_url.removeprefix("http://")
        script = script.replace("OTHER", origin)
        (site_root / "list.html").write_text(
            "<html lang=en><head><title>Reports</title></head><body><main><h1>Reports</h1><div id=list></div>"
            f"<script>{BUILD}{script}</script></main></body></html>"
        )
        for name, text in WORKER_SCRIPTS.items():
            site.faults[f"/{name}"] = javascript(text.replace("OTHER", origin))
        db = tmp_path / "a.db"
        start = f"{site.base_url}/list.html"
        done = cli("crawl", "listing", "--db", db, "--start-url", start, "--profile", "auto", "--render", *FAST, *extra)
    return SimpleNamespace(done=done, site=site, other=other, origin=origin)


@pytest.mark.parametrize("way", OFF_HOST_SCRIPTS)
def test_a_rendered_page_reaches_no_other_origin(tmp_path, render_ready, way):
    """The attempt is refused and logged once; the page is archived as it is built."""
    crawl = _crawl_a_page_running(tmp_path, OFF_HOST_SCRIPTS[way])
    assert crawl.other.requests == [], f"the browser reached another origin: {crawl.other.requests}"
    assert crawl.other.connections == 0, "the browser connected to another origin"
    assert crawl.done.returncode == 0, crawl.done.stdout + crawl.done.stderr[-3000:]
    assert q(tmp_path / "a.db", "SELECT count(*) FROM entries WHERE title LIKE 'Rendered report %'") == 6
    logged = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log"))
    assert logged.count(f"{REFUSED}{crawl.origin} ") == (way in REFUSED_BY_THE_PROXY), logged[-3000:]


@pytest.mark.parametrize("route", ROUTES)
def test_every_crawl_that_renders_closes_the_ways_off_the_host(tmp_path, render_ready, route):
    crawl = _crawl_a_page_running(tmp_path, OFF_HOST_SCRIPTS["websocket"], *ROUTES[route])
    assert crawl.other.connections == 0, "the browser connected to another origin"
    assert crawl.done.returncode == 0, crawl.done.stdout + crawl.done.stderr[-3000:]


def test_a_worker_of_a_distributed_crawl_closes_them_too(tmp_path, render_ready, redis_url):
    frontier = ["--frontier", redis_url, "--workers", "1"]
    crawl = _crawl_a_page_running(tmp_path, OFF_HOST_SCRIPTS["websocket"], *frontier)
    assert crawl.other.connections == 0, "the browser connected to another origin"
    assert crawl.done.returncode == 0, crawl.done.stdout + crawl.done.stderr[-3000:]


def test_a_websocket_to_the_site_itself_is_let_through(tmp_path, render_ready):
    """The proxy judges host and port: the start origin's own are reached, whatever the connection carries."""
    script = "var s = new WebSocket('ws://' + location.host + '/ws'); s.onerror = s.onclose = build;"
    crawl = _crawl_a_page_running(tmp_path, script)
    assert crawl.done.returncode == 0, crawl.done.stdout + crawl.done.stderr[-3000:]
    assert "/ws" in crawl.site.requests and crawl.other.connections == 0


def test_webrtc_sends_no_packet_to_another_host(tmp_path, render_ready):
    """WebRTC's STUN goes over UDP, which a proxy does not carry: the browser sends none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as stun:
        stun.bind(("127.0.0.1", 0))
        port = stun.getsockname()[1]
        script = (
            f"var pc = new RTCPeerConnection({{iceServers: [{{urls: 'stun:127.0.0.1:{port}'}}]}});"
            " pc.createDataChannel('d'); pc.onicegatheringstatechange = function () {"
            " if (pc.iceGatheringState === 'complete') build(); };"
            " pc.createOffer().then(function (o) { return pc.setLocalDescription(o); });"
        )
        crawl = _crawl_a_page_running(tmp_path, script)
        stun.setblocking(False)
        with pytest.raises(BlockingIOError):
            stun.recv(2048)  # a STUN binding request from the browser
    assert crawl.done.returncode == 0, crawl.done.stdout + crawl.done.stderr[-3000:]


def test_a_page_that_never_goes_network_idle_fails_with_a_clear_reason(tmp_path, render_ready):
    """No hang: the page fails after DOWNLOAD_TIMEOUT (the crawl exits 4) and the summary says why in one line."""
    released = threading.Event()
    (tmp_path / "list.html").write_text(
        "<html lang=en><body><main><h1>Reports</h1><div id=list></div>"
        f"<script>{BUILD}fetch('/stream.json');</script></main></body></html>"
    )
    with SiteServer(tmp_path) as site:
        site.faults["/stream.json"] = lambda handler: released.wait(60) or True  # an answer that never ends
        start = f"{site.base_url}/list.html"
        try:
            crawl = ("crawl", "listing", "--db", tmp_path / "a.db", "--start-url", start, "--render", *FAST)
            done = cli(*crawl, "-s", "DOWNLOAD_TIMEOUT=5", check=4)
        finally:
            released.set()
    why = next(line for line in done.stdout.splitlines() if line.strip().startswith("why:"))
    said = (
        "the page never went network-idle in 5 s (DOWNLOAD_TIMEOUT): a request it opened stayed open (a stream,"
        " a long poll, a worker); a wait_for selector in its profile reads it without waiting"
    )
    assert why.endswith(said), done.stdout
    assert "Call log" not in done.stdout


# -- the proxy itself, without a browser ---------------------------------------------------


def _socks_connect(proxy_url: str, host: str, port: int) -> tuple[socket.socket, int]:
    """A SOCKS5 CONNECT to host:port through the proxy, as Chromium sends it (the host by name): the socket
    and the proxy's reply code."""
    address = proxy_url.removeprefix("socks5://").rsplit(":", 1)
    sock = socket.create_connection((address[0], int(address[1])), timeout=10)
    sock.sendall(b"\x05\x01\x00")
    assert sock.recv(2) == b"\x05\x00"
    name = host.encode()
    sock.sendall(b"\x05\x01\x00\x03" + bytes([len(name)]) + name + struct.pack("!H", port))
    return sock, sock.recv(10)[1]


def test_the_proxy_reaches_allowed_hosts_only(tmp_path):
    (tmp_path / "page.html").write_text("hello")
    refused = []
    with SiteServer(tmp_path) as site:
        port = int(site.base_url.rsplit(":", 1)[1])
        proxy = OriginProxy(lambda host, to: host == "localhost" and to == port, lambda *target: refused.append(target))
        try:
            sock, reply = _socks_connect(proxy.url, "localhost", port)
            with sock:
                assert reply == OK
                sock.sendall(b"GET /page.html HTTP/1.0\r\nHost: localhost\r\n\r\n")
                answer = b"".join(iter(lambda: sock.recv(4096), b""))
            assert answer.startswith(b"HTTP/1.0 200") and answer.endswith(b"hello")
            sock, reply = _socks_connect(proxy.url, "127.0.0.1", port)  # the same server, another name
            sock.close()
            assert reply == NOT_ALLOWED and refused == [("127.0.0.1", port)]
            assert site.requests == ["/page.html"]
        finally:
            proxy.close()


def _crawler(settings: dict | None = None) -> Crawler:
    """A crawler as run_crawl makes one: not crawling yet, its settings still open."""
    return Crawler(Spider, settings or {})


def _proxy_port(guard) -> int:
    return int(guard.proxy.url.rsplit(":", 1)[1])


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except ConnectionRefusedError:
        return False
    return True


def test_the_browser_is_launched_through_the_proxy_closed_when_the_engine_stops():
    launch = {"PLAYWRIGHT_LAUNCH_OPTIONS": {"headless": True, "args": ["--x"]}}
    crawler = _crawler(launch)
    guard = guard_browser(crawler)
    crawler.settings.update(Settings(launch, priority="cmdline"))  # what CrawlerProcess.crawl(crawler) does
    options = crawler.settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    assert options == {"headless": True, "args": ["--x"], "proxy": {"server": guard.proxy.url}}
    assert _listening(_proxy_port(guard))
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert not _listening(_proxy_port(guard))


def test_the_proxy_is_closed_however_the_crawl_ends():
    """A failure (or a second Ctrl-C, which stops the reactor before engine_stopped) still closes it."""
    crawler = _crawler()
    with pytest.raises(KeyboardInterrupt), guarding_the_browser(crawler, True) as guard:
        assert _listening(_proxy_port(guard))
        raise KeyboardInterrupt
    assert not _listening(_proxy_port(guard))
    with guarding_the_browser(_crawler(), False) as none:
        assert none is None  # a crawl that renders nothing starts no proxy
