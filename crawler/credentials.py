"""HTTP basic authentication for listings behind a password, kept out of everything stored or printed.

A start URL may carry a user and password (`https://user:pass@host/...`). The CLI takes them off
the URL before anything sees it (`split_credentials`): the archive, the log, the summary and the
notifications only ever hold the bare URL. `BasicAuthMiddleware` then sends the credentials to
their own origin only (scheme, host and port exactly; an http origin's also to its https upgrade),
never to another host, port or scheme, redirect hops included.
"""

from __future__ import annotations

import base64
from urllib.parse import unquote, urlsplit, urlunsplit

from .origins import exact_origin, redact  # noqa: F401  (redact: printing a URL is the origins' rule)


def auth_origin(url: str) -> str | None:
    """The origin credentials belong to: scheme://host:port, exact (no "www." folding)."""
    found = exact_origin(url)
    return found and "{}://{}:{}".format(*found)


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """(the URL without user and password, (user, password) or None)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=hostport)), (unquote(user), unquote(password))


def header_value(user: str, password: str) -> bytes:
    return b"Basic " + base64.b64encode(f"{user}:{password}".encode())


class BasicAuthMiddleware:
    """Adds Authorization to requests for an origin the spider has credentials for (its
    `http_credentials`: {auth_origin: (user, password)}), and takes ours off any other request
    (a redirect copies the headers of the request it follows)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.headers: dict[str, bytes] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _headers(self) -> dict[str, bytes]:
        if self.headers is None:
            given = getattr(self.crawler.spider, "http_credentials", None) or {}
            self.headers = {where: header_value(*pair) for where, pair in given.items()}
            for where, value in list(self.headers.items()):
                if where.startswith("http://") and where.endswith(":80"):  # the same site, upgraded to https
                    self.headers.setdefault(f"https://{where[7:-3]}:443", value)
        return self.headers

    def process_request(self, request, spider=None):
        headers = self._headers()
        if not headers:
            return None
        mine = headers.get(auth_origin(request.url) or "")
        if mine is not None:
            request.headers["Authorization"] = mine
        elif request.headers.get("Authorization") in headers.values():
            del request.headers["Authorization"]
        return None


def add_credentials(found: dict, url: str, pair: tuple[str, str]) -> str | None:
    """Record `pair` for the URL's origin in `found`; the reason it cannot be, if another pair is there."""
    where = auth_origin(url)
    if where is None:
        return f"{redact(url)} is not an http(s) URL with a host"
    if found.setdefault(where, pair) != pair:
        return f"{where} is given two different users or passwords; one origin takes one"
    return None
