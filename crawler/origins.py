"""Which hosts a crawl may fetch from: the start URLs' origins, nothing else.

An origin is (scheme, host, port). Two spellings count as the same site: the host
with or without "www.", and https for an http start URL on the same host (an
upgrade redirect). Any other host, port or scheme is off-site, redirects included.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from .errors import EXIT_USAGE, ListingArchiveError

DEFAULT_PORTS = {"http": 80, "https": 443}
# "scheme://" up to the last "@": a user and password, even in a URL too broken to parse (a "/" in the
# password); an "@" later in the path is hidden too, which costs a printed message little. Without a
# "scheme://" (`user:pw@host/`, "http://" forgotten) the start up to the last "@" is hidden alike.
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://|(?![A-Za-z][A-Za-z0-9+.-]*://)).*@", re.DOTALL)


# A query parameter that carries a secret: its value is shown as `***` wherever a URL is printed, logged or kept;
# the crawl itself sends the URL whole. Matched in any text, so that a URL inside a message or a log line is masked
# too, and after "#" as after "?" (an OAuth `#access_token=` copied from the browser). The one list, documented in
# docs/failures.md ("a start URL with a secret in its query"), read in the name percent-decoded (`access%5Ftoken`):
# the names below, alone or ending a longer name however it is joined (`client_secret`, `X-Amz-Signature`,
# `accessToken`, `accesstoken`); the short ones only alone or after "_", "-", "." or a camelCase capital
# (`x_auth`, `userPass`; not `bypass`, `compass`). A name that a listing's own choice may wear as often (`?key=news`,
# `?sid=42` a story, `?code=B12`, `?ticket=4711`, `?session=am`) is a secret only when its value looks like one:
# 20 or more characters, not a slug of words (Google's `?key=AIzaSy...`, an OAuth `?code=`, a session id; not
# `?key=2024-Annual-Reports`).
_SECRET_WORD = (
    r"(?:token|(?:api|access|secret|private)[_-]?key|secret|password|passwd|signature|authorization"
    r"|credential|j?sessionid|session_id|phpsessid)"
)
_SHORT_SECRET_WORD = r"(?:jwt|pwd|sig|hmac|auth|pass)"
_SECRET_IF_KEYLIKE = r"(?:key|sid|session|code|ticket)"
_SECRET_NAME = re.compile(
    rf"(?:{_SECRET_WORD}|(?:^|[_.-]|(?-i:(?<=[a-z0-9])(?=[A-Z]))){_SHORT_SECRET_WORD})$", re.IGNORECASE
)
_KEYLIKE_NAME = re.compile(rf"{_SECRET_IF_KEYLIKE}$", re.IGNORECASE)
_KEY_CHAR = r"[A-Za-z0-9_%.=+/~-]"  # base64, a JWT's dots, percent-encoding; a message's ':' or ')' ends a key
# A slug: words joined by -, _ or ., each lower case, Capitalised, upper case or a number ("2024-annual-reports",
# "Minutes-Of-The-Board"); a key mixes them within a word ("AIzaSyD", "3f9a0c", "dGhpcyBp").
_SLUG_WORD = r"(?:[A-Z]?[a-z]+|[A-Z]+|[0-9]+)"
_SLUG = rf"(?:{_SLUG_WORD}(?:[_.-]{_SLUG_WORD})*)"
_LOOKS_LIKE_A_KEY = re.compile(rf"(?={_KEY_CHAR}{{20}})(?!{_SLUG}(?!{_KEY_CHAR}))")
_PARAMETER_NAME = re.compile(r"[?&;#]((?:[\w.~+-]|%[0-9A-Fa-f]{2})+)=")
_PARAMETER = re.compile(r"([?&;#][^=]*=)[^&#\s'\"<>]+")  # group 1: "?name="; the value runs to the next pair


class _QuerySecrets:
    """The `?name=value` pairs in a text whose name carries a secret, as `finditer` matches (group 1: `?name=`)."""

    def finditer(self, text: str):
        masked_to = 0  # a pair inside a secret's value is masked with it
        for name in _PARAMETER_NAME.finditer(text):
            pair = None if name.start() < masked_to else _PARAMETER.match(text, name.start())
            if pair and _carries_a_secret(unquote(name.group(1)), text, pair.end(1)):
                masked_to = pair.end()
                yield pair

    def sub(self, replace, text: str) -> str:
        pieces, done = [], 0
        for pair in self.finditer(text):
            pieces += [text[done : pair.start()], replace(pair)]
            done = pair.end()
        return "".join(pieces) + text[done:]


def _carries_a_secret(name: str, text: str, value_at: int) -> bool:
    if _SECRET_NAME.search(name):
        return True
    return bool(_KEYLIKE_NAME.search(name)) and _LOOKS_LIKE_A_KEY.match(text, value_at) is not None


QUERY_SECRET = _QuerySecrets()


def mask_query_secrets(text):
    """`text` with the value of every secret-bearing query parameter of a URL in it replaced by `***`; the
    punctuation of the message it ends ("URL?token=abc: 404", "(URL?token=abc)") stays."""
    return QUERY_SECRET.sub(_masked, text) if isinstance(text, str) else text


_MESSAGE_PUNCTUATION = re.compile(r"[:,.;)]*$")


def _masked(found: re.Match) -> str:
    return found.group(1) + "***" + _MESSAGE_PUNCTUATION.search(found.group(0)).group(0)


class StartUrlError(ListingArchiveError, ValueError):
    """A start URL no crawl can begin at; the message shows it without its user and password. A usage error
    (exit 2) whether it came from --start-url or a config file: either way the user gave it."""

    exit_code = EXIT_USAGE


def redact(url) -> str:
    """The URL as it may be printed: any user and password, and any secret in its query, replaced by `***`."""
    return mask_query_secrets(_USERINFO.sub(r"\1***@", url)) if isinstance(url, str) else url


def check_start_url(given) -> None:
    """An http(s) URL with a host that could be looked up, or StartUrlError saying why not."""
    url = redact(given)
    if not isinstance(given, str) or not given.strip() or any(ch.isspace() or ord(ch) < 32 for ch in given):
        raise StartUrlError(f"{url!r} is not a valid URL (it is empty or holds spaces or control characters)")
    try:
        parts = urlsplit(given)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
        host = parts.hostname or ""
        host.encode("idna")  # an empty label ("a..b") or one over 63 characters cannot be looked up
    except (ValueError, UnicodeError):
        raise StartUrlError(f"{url!r} is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise StartUrlError(f"{url!r} is not an http(s) URL with a host")


def same_request(url: str) -> str:
    """The URL as Scrapy's duplicate filter sees it (no #fragment, its query sorted): two start URLs alike
    in this are one request, and the second listing would never be fetched."""
    from w3lib.url import canonicalize_url

    return canonicalize_url(url)


def host(url: str | None) -> str:
    """The URL's host name, lower case ("" when there is none or it cannot be read)."""
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def exact_origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) as written (no "www." folding), or None for a URL that is not http(s) with a host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower().rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    return scheme, host, port or DEFAULT_PORTS[scheme]


def origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host without "www.", port), or None for a URL that is not http(s) with a host."""
    found = exact_origin(url)
    return found and (found[0], found[1].removeprefix("www."), found[2])


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
