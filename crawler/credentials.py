"""HTTP basic authentication for listings behind a password, kept out of everything stored or printed.

A start URL may carry a user and password (`https://user:pass@host/...`). The CLI takes them off
the URL before anything sees it (`split_credentials`): the archive, the log, the summary and the
notifications only ever hold the bare URL. `BasicAuthMiddleware` then sends the credentials to
their own origin only (scheme, host and port exactly; an http origin's also to its https upgrade),
never to another host, port or scheme, redirect hops included.
"""

from __future__ import annotations

import base64
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from .origins import QUERY_SECRET, exact_origin, mask_query_secrets, redact  # noqa: F401  (redact: the origins' rule)


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


# Where a query parameter's known value ends: at no character a longer value would go on with (the next
# parameter, the fragment, the end of the URL, or of a URL in a text: a quote, a bracket, a space).
_VALUE_END = r"(?![\w%.~+-])"


class QuerySecrets:
    """The secrets in a crawl's start URLs' queries (`?token=abc`): the crawl sends them, but the archive
    keeps every URL masked as it is printed (`?token=***`), so that the next crawl of the same start URL
    finds its listing again; `restore` puts them back in the URLs the archive hands the next crawl.

    Only these parameters with these values are masked: a listed page's own `?key=2` link is its data."""

    def __init__(self, start_urls):
        self.pairs: dict[str, str] = {}  # {"token": "abc"}: the one value a name takes in these start URLs
        written = set()
        for url in start_urls:
            for found in QUERY_SECRET.finditer(url):
                name, value = found.group(1)[1:-1], found.group(0)[len(found.group(1)) :]
                self.pairs.setdefault(name, value)
                written |= {f"{name}={value}", f"{name}={_as_fetched(value)}"}
        alternatives = "|".join(re.escape(text) for text in sorted(written, key=len, reverse=True))
        self._hidden = re.compile(rf"(?<=[?&;#])(?:{alternatives}){_VALUE_END}") if written else None
        names = "|".join(re.escape(name) for name in self.pairs)
        self._masked = re.compile(rf"(?<=[?&;#])({names})=\*\*\*{_VALUE_END}") if self.pairs else None

    def hide(self, text):
        """`text` (a URL, a note) with these secrets shown as `***`; anything else as it is."""
        if self._hidden is None or not isinstance(text, str):
            return text
        return self._hidden.sub(lambda found: found.group(0).split("=", 1)[0] + "=***", text)

    def hide_entry(self, entry: dict) -> dict:
        """An entry with these secrets masked in its addresses (an entry at `listing?token=…#item-3`)."""
        for key in ("entry_id", "url", "image_url", "listing_url"):
            if key in entry:
                entry[key] = self.hide(entry[key])
        return entry

    def restore(self, url):
        """A URL as the archive keeps it, with these secrets put back: the URL the crawl fetches."""
        if self._masked is None or not isinstance(url, str):
            return url
        return self._masked.sub(lambda found: f"{found.group(1)}={self.pairs[found.group(1)]}", url)


def _as_fetched(value: str) -> str:
    """The value as Scrapy writes it in the URL it fetches (and in the response's URL): percent-encoded."""
    from w3lib.url import safe_url_string

    return safe_url_string(value)
