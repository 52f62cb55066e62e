"""The rendering browser's only way out: a SOCKS5 proxy on 127.0.0.1 that connects to allowed hosts only.

The route guard (crawler.render.RouteGuard) sees the requests of the page scrapy-playwright opened.
A page's script has ways out it never sees: a WebSocket, a popup window (and its favicon), a service
worker's or a shared worker's fetch. Launched with this proxy, Chromium sends every connection of the
browser through it (every page and worker, and its own background ones; Playwright has it proxy loopback
addresses too), and over SOCKS5 it sends the host name and resolves none (Playwright maps every name to
"not found" locally): so this one check sees them all. A connection to a host and
port the crawl may not reach is refused at once (the page sees a failed request, and does not wait).

A SOCKS5 CONNECT names a host and a port, not a scheme: a start origin's host and port are allowed
whatever the connection carries (a WebSocket to the site itself is the site).
"""

from __future__ import annotations

import ipaddress
import logging
import selectors
import socket
import socketserver
import struct
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

VERSION = 5
CONNECT = 1
NO_AUTH = 0
# Replies (RFC 1928): succeeded, general failure, not allowed by the ruleset, command not supported.
OK, FAILED, NOT_ALLOWED, UNSUPPORTED = 0, 1, 2, 7
# How long a relay waits before looking again whether the proxy was closed (seconds).
POLL = 1.0
# How often the listening thread looks whether it was closed (seconds): close() waits up to this long.
LISTEN_POLL = 0.05
CHUNK = 65536


def canonical_host(host: str) -> str:
    """A host as compared: lower case, IDN in its ASCII form, an IP address in its standard spelling."""
    host = host.strip("[]").lower().rstrip(".")
    try:
        return ipaddress.ip_address(host).compressed
    except ValueError:
        pass
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _read(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        more = sock.recv(size - len(data))
        if not more:
            raise ConnectionError("the browser closed the connection mid-handshake")
        data += more
    return data


def _reply(sock: socket.socket, code: int) -> None:
    sock.sendall(struct.pack("!BBBB4sH", VERSION, code, 0, 1, b"\0\0\0\0", 0))


def _handshake(sock: socket.socket) -> tuple[str, int] | None:
    """The (host, port) a SOCKS5 client asks to CONNECT to; None (answered) for anything else."""
    version, count = _read(sock, 2)
    methods = _read(sock, count)
    if version != VERSION or NO_AUTH not in methods:
        sock.sendall(bytes([VERSION, 0xFF]))
        return None
    sock.sendall(bytes([VERSION, NO_AUTH]))
    version, command, _, kind = _read(sock, 4)
    if kind == 1:
        host = str(ipaddress.IPv4Address(_read(sock, 4)))
    elif kind == 4:
        host = str(ipaddress.IPv6Address(_read(sock, 16)))
    elif kind == 3:
        host = _read(sock, _read(sock, 1)[0]).decode("ascii", "replace")
    else:
        _reply(sock, UNSUPPORTED)
        return None
    (port,) = struct.unpack("!H", _read(sock, 2))
    if version != VERSION or command != CONNECT:
        _reply(sock, UNSUPPORTED)
        return None
    return host, port


def _relay(one: socket.socket, other: socket.socket, closed: threading.Event) -> None:
    """Copy bytes both ways until both sides have finished sending (or the proxy is closed)."""
    peers = {one: other, other: one}
    with selectors.DefaultSelector() as selector:
        for sock in peers:
            selector.register(sock, selectors.EVENT_READ)
        while selector.get_map() and not closed.is_set():
            for key, _ in selector.select(POLL):
                source = key.fileobj
                try:
                    data = source.recv(CHUNK)
                    if data:
                        peers[source].sendall(data)  # within the sockets' timeout
                        continue
                    peers[source].shutdown(socket.SHUT_WR)  # this side is done: say so to the other
                except OSError:
                    return
                selector.unregister(source)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        proxy = self.server.proxy
        browser = self.request
        browser.settimeout(proxy.timeout)
        try:
            target = _handshake(browser)
            if target is None:
                return
            if not proxy.allows(*target):
                proxy.on_refused(*target)  # told before the browser hears: its page goes on at once
                _reply(browser, NOT_ALLOWED)
                return
            try:
                upstream = socket.create_connection(target, timeout=proxy.timeout)
            except OSError:
                _reply(browser, FAILED)  # the browser reports the request failed, as without a proxy
                return
            with upstream:
                _reply(browser, OK)
                _relay(browser, upstream, proxy.closed)
        except (OSError, ValueError):
            return  # the browser hung up, or spoke something else: nothing to relay


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, proxy: OriginProxy):
        self.proxy = proxy
        super().__init__(("127.0.0.1", 0), _Handler)


class OriginProxy:
    """A SOCKS5 proxy that connects only where `allows(host, port)` says; `on_refused(host, port)` is
    told of each refusal (from the proxy's thread). Runs in a daemon thread from construction to close()."""

    def __init__(
        self, allows: Callable[[str, int], bool], on_refused: Callable[[str, int], None], timeout: float = 30.0
    ):
        self.allows = allows
        self.on_refused = on_refused
        self.timeout = timeout
        self.closed = threading.Event()
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": LISTEN_POLL}, name="render-proxy", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"socks5://{host}:{port}"

    def close(self) -> None:
        if self.closed.is_set():
            return
        self.closed.set()  # open relays end within POLL seconds
        self._server.shutdown()
        self._server.server_close()
