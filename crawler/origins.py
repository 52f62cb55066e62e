"""Which hosts a crawl may fetch from: the start URLs' origins, nothing else.

An origin is (scheme, host, port). Two spellings count as the same site: the host
with or without "www.", and https for an http start URL on the same host (an
upgrade redirect). Any other host, port or scheme is off-site, redirects included.
"""

from __future__ import annotations

from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def host(url: str) -> str:
    """The URL's host name, lower case ("" when there is none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host without "www.", port), or None for a URL that is not http(s) with a host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower().rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    return scheme, host.removeprefix("www."), port or DEFAULT_PORTS[scheme]


def allowed_origins(start_urls: list[str]) -> frozenset:
    found = set()
    for url in start_urls:
        o = origin(url)
        if o is None:
            continue
        found.add(o)
        if o[0] == "http" and o[2] == 80:
            found.add(("https", o[1], 443))  # the same site, upgraded
    return frozenset(found)


def on_site(url: str, allowed: frozenset) -> bool:
    return origin(url) in allowed
