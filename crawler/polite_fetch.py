"""One page fetched as a crawl would fetch it: the project's User-Agent, robots.txt obeyed, the
crawl's size limit and timeout, redirects kept on the page's origin. For `listing-archive learn`."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
import zlib
from time import monotonic
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from w3lib.url import safe_url_string

from crawler import settings

from .credentials import auth_origin, header_value
from .origins import allowed_origins, on_site, redact

Login = tuple[str, str, str] | None  # (origin, user, password): basic auth for that origin only


class FetchError(OSError):
    """A page that could not be fetched, with a message saying why."""


def _settings():
    return settings.USER_AGENT, settings.DOWNLOAD_TIMEOUT, settings.DOWNLOAD_MAXSIZE


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Redirects are followed on the first URL's origin only, as a crawl's HostGuardMiddleware follows them
    (another port or scheme of the same host is another site, with its own robots.txt), and only where that
    robots.txt allows (`rules`; None: no rule), as a crawl's RobotsTxtMiddleware checks each redirect."""

    def __init__(self, start_url: str, rules: RobotFileParser | None = None, agent: str = ""):
        self.origins, self.rules, self.agent = allowed_origins([start_url]), rules, agent

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not on_site(newurl, self.origins):
            away = redact(newurl)  # a redirect may lead to an address holding a password or a ?token=
            raise FetchError(f"{redact(req.full_url)}: off the start hosts (a redirect): {away}: not followed")
        if self.rules is not None and not self.rules.can_fetch(self.agent, newurl):
            raise FetchError(f"robots.txt of {urlsplit(newurl).netloc} forbids fetching {redact(newurl)} (a redirect)")
        hop = super().redirect_request(req, fp, code, msg, headers, newurl)
        if hop is not None and auth_origin(newurl) != auth_origin(req.full_url):
            hop.remove_header("Authorization")  # the password goes to its own origin only (another port, scheme)
        return hop


def _get(url: str, agent: str, timeout: float, limit: int, login: Login = None, page=False, rules=None):
    """The body (at most `limit` bytes, else FetchError) and the final URL; `login`: (origin, user, password).
    As a crawl: compressed answers are read, and the whole answer takes at most `timeout` (a server that
    sends a byte now and then is no answer). `page`: an answer that says it is no HTML (a PDF, JSON) is refused.
    `rules`: the origin's robots.txt, which each redirect obeys."""
    opener = urllib.request.build_opener(_SameOrigin(url, rules, agent))
    request = urllib.request.Request(url, headers={"User-Agent": agent, "Accept-Encoding": "gzip, deflate"})
    if login and auth_origin(url) == login[0]:
        request.add_header("Authorization", header_value(*login[1:]).decode("latin-1"))
    deadline = monotonic() + timeout
    with opener.open(request, timeout=timeout) as response:
        kind = response.headers.get_content_type() if response.headers.get("Content-Type") else None
        if page and kind not in (None, *_PAGE_TYPES):
            raise FetchError(f"{url} is not an HTML page ({kind}): give the address of the listing page itself")
        body = _read_within(response, limit, deadline, url)
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            body = _decompressed(body, encoding, limit, url)
        return body, response.geturl()


def _read_within(response, limit: int, deadline: float, url: str) -> bytes:
    chunks, size = [], 0
    while True:
        if monotonic() > deadline:
            raise TimeoutError(url)
        chunk = response.read1(_CHUNK)
        if not chunk:
            if response.length:  # fewer bytes than its Content-Length: a crawl fails such a page too
                raise FetchError(f"{url} was cut off: {size:,} of its {size + response.length:,} bytes came")
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url} is larger than the crawl's size limit ({limit:,} bytes)")


_CHUNK = 64 * 1024
# What a listing page may be served as (text/plain: a misconfigured server's HTML, read as a crawl reads it).
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _decompressed(body: bytes, encoding: str, limit: int, url: str) -> bytes:
    """A gzip or deflate body, unpacked up to `limit` bytes (a small file that unpacks to gigabytes is refused)."""
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        try:
            unpacker = zlib.decompressobj(wbits)
            page = unpacker.decompress(body, limit + 1)
        except zlib.error:
            if "gzip" in encoding:
                raise
            unpacker = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send it
            page = unpacker.decompress(body, limit + 1)
    except zlib.error:
        raise FetchError(f"{url} sent a {encoding} answer that does not unpack") from None
    if len(page) > limit:
        raise FetchError(f"{url} is larger than the crawl's size limit ({limit:,} bytes) once unpacked")
    return page


def robots_rules(url: str, agent: str, timeout: float, login: Login = None) -> RobotFileParser | None:
    """The rules of the site's robots.txt; None for a missing or unreadable one, which allows everything."""
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        body, _ = _get(robots_url, agent, timeout, 512 * 1024, login)
    except (OSError, ValueError):
        return None  # as a crawl does: no robots.txt to read, no rule to obey
    rules = RobotFileParser(robots_url)
    rules.parse(body.decode("utf-8", "replace").splitlines())
    return rules


def fetch_page(url: str, credentials: tuple[str, str] | None = None) -> tuple[bytes, str]:
    """The page's body and final address; FetchError says why not. `url` holds no password:
    `credentials` (user, password) go, as basic auth, to its origin only, and into no message."""
    agent, timeout, limit = _settings()
    url = safe_url_string(url)  # as a crawl sends it: "/liste/pâge" percent-encoded, an IDN host in punycode
    login = (auth_origin(url), *credentials) if credentials else None
    rules = robots_rules(url, agent, timeout, login)  # redirects stay on this origin: its robots.txt rules them
    if rules is not None and not rules.can_fetch(agent, url):
        raise FetchError(f"robots.txt of {urlsplit(url).netloc} forbids fetching {redact(url)}")
    try:
        return _get(url, agent, timeout, limit, login, page=True, rules=rules)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url} answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url} could not be fetched: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"{url} did not answer within {timeout:g} s") from None
    except (http.client.HTTPException, ConnectionError) as exc:  # no HTTP server there, or the answer cut
        raise FetchError(f"{url} could not be fetched: {exc or type(exc).__name__}") from None
