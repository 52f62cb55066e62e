"""One page fetched as a crawl would fetch it: the project's User-Agent, robots.txt obeyed, the
crawl's size limit and timeout, redirects kept on the page's host. For `listing-archive learn`."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from crawler import settings

from .credentials import auth_origin, header_value

Login = tuple[str, str, str] | None  # (origin, user, password): basic auth for that origin only


class FetchError(OSError):
    """A page that could not be fetched, with a message saying why."""


def _settings():
    return settings.USER_AGENT, settings.DOWNLOAD_TIMEOUT, settings.DOWNLOAD_MAXSIZE


class _SameHost(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).hostname != urlsplit(req.full_url).hostname:
            raise FetchError(f"{req.full_url} redirects to another host ({newurl}): not followed")
        hop = super().redirect_request(req, fp, code, msg, headers, newurl)
        if hop is not None and auth_origin(newurl) != auth_origin(req.full_url):
            hop.remove_header("Authorization")  # the password goes to its own origin only (another port, scheme)
        return hop


def _get(url: str, agent: str, timeout: float, limit: int, login: Login = None) -> tuple[bytes, str]:
    """The body (at most `limit` bytes, else FetchError) and the final URL; `login`: (origin, user, password)."""
    opener = urllib.request.build_opener(_SameHost)
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    if login and auth_origin(url) == login[0]:
        request.add_header("Authorization", header_value(*login[1:]).decode("latin-1"))
    with opener.open(request, timeout=timeout) as response:
        body = response.read(limit + 1)
        if len(body) > limit:
            raise FetchError(f"{url} is larger than the crawl's size limit ({limit:,} bytes)")
        return body, response.geturl()


def allowed_by_robots(url: str, agent: str, timeout: float, login: Login = None) -> bool:
    """What the site's robots.txt says; a missing or unreadable robots.txt allows everything."""
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        body, _ = _get(robots_url, agent, timeout, 512 * 1024, login)
    except (OSError, ValueError):
        return True  # as a crawl does: no robots.txt to read, no rule to obey
    rules = RobotFileParser(robots_url)
    rules.parse(body.decode("utf-8", "replace").splitlines())
    return rules.can_fetch(agent, url)


def fetch_page(url: str, credentials: tuple[str, str] | None = None) -> tuple[bytes, str]:
    """The page's body and final address; FetchError says why not. `url` holds no password:
    `credentials` (user, password) go, as basic auth, to its origin only, and into no message."""
    agent, timeout, limit = _settings()
    login = (auth_origin(url), *credentials) if credentials else None
    if not allowed_by_robots(url, agent, timeout, login):
        raise FetchError(f"robots.txt of {urlsplit(url).netloc} forbids fetching {url}")
    try:
        return _get(url, agent, timeout, limit, login)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url} answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url} could not be fetched: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"{url} did not answer within {timeout:g} s") from None
