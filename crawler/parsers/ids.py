"""What identifies an entry: one function, used by the pipeline and the archive alike."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import parse_qsl, unquote_plus, urlencode, urljoin, urlsplit, urlunsplit

from ..origins import host as host_of  # noqa: F401  (one host rule: crawler.origins)
from ..origins import redact
from .text import clean_text

# A path from the root ("/a/b.htm", not "//host/"), without what urljoin reads apart: query, fragment,
# parameters, white space and control characters (which it drops), backslashes.
_PLAIN_PATH = re.compile(r"/(?!/)[^\x00-\x20\x7f?#;\\]*")
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$")
# Per-visit parts of a link, made anew for each visitor (docs/schema.md, "What identifies an entry"): a session id
# in the path (";jsessionid=...") or query, and a signed link's signature, key id and expiry. A link read without
# them names the same document; with them, every crawl would read every link as new, and store a credential.
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/?#;]*", re.IGNORECASE)
_QUERY_MARKS = re.compile("([&;])")
_SESSION_NAME = re.compile(r"^(?:jsessionid|phpsessid|aspsessionid\w*|cfid|cftoken|oscsid|zenid)$", re.IGNORECASE)
# Every name below holds one of these: a link without any is read no further.
_PER_VISIT_HINTS = ("sess", "sid", "cfid", "cftoken", "zenid", "x-amz", "x-goog", "signature")
# A bare "sid" or "session" names a story or a programme's session as often: a session id only with a random value.
_MAYBE_SESSION = re.compile(r"^(?:sid|sessionid|session_id|session)$", re.IGNORECASE)
_RANDOM_VALUE = re.compile(r"^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9]{16,}$")
_SIGNATURE_NAME = re.compile(r"^(?:x-amz-signature|x-goog-signature|signature)$", re.IGNORECASE)
# What signs a link (S3, Google Cloud Storage, CloudFront), dropped only from a query that carries a signature.
_SIGNING_NAME = re.compile(
    r"^(?:x-amz-[\w-]+|x-goog-[\w-]+|awsaccesskeyid|googleaccessid|expires|signature|key-pair-id)$", re.IGNORECASE
)
# The id of an entry without a link starts so: a digest of its title and listing (archive/lost_links.py and the
# schema 6 migration, archive/visit_ids.py, read it by this prefix). A WARC record's "sha1:" (archive/warc.py) names
# WARC's digest algorithm: another thing.
HASHED_ID = "sha1:"
# Enough hex digits to tell apart the entries of one page that share a link (40 bits).
_DIGEST_CHARS = 10


@lru_cache(maxsize=4096)  # a page joins its links more than once (pagination reads them in several passes)
def join_url(base: str | None, href: str | None) -> str | None:
    """`href` made absolute against `base`; None for none, or for an address that cannot be
    read ("http://[abc", a port that is no number): page text is never trusted to parse."""
    if not href:
        return None
    href = href.strip()
    try:
        if base and href[:1] == "/" and "/." not in href and _PLAIN_PATH.fullmatch(href):
            # The usual link, a plain path from the root: urljoin's answer is the base's scheme and
            # host before it (it has no "." segments to resolve nor a query to keep), without its parsing.
            origin = _http_origin(base)
            if origin is not None:
                return origin + href
        joined = urljoin(base or "", href)
        netloc = joined.split("/", 3)[2] if "://" in joined else ""
        if ":" in netloc.rsplit("@", 1)[-1]:
            urlsplit(joined).port  # noqa: B018 - raises for a port that is no number
    except (ValueError, IndexError):
        return None
    return joined


@lru_cache(maxsize=256)  # one base a page, asked for each of its links
def _http_origin(base: str) -> str | None:
    """ "scheme://host[:port]" of an http(s) address; None for another scheme; ValueError for a
    port that is no number, as below."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https"):
        return None
    parts.port  # noqa: B018 - raises for a port that is no number
    return f"{parts.scheme}://{parts.netloc}"


def without_visit_ids(url: str | None) -> str | None:
    """`url` without the parts made anew for each visit: a session id, in its path (";jsessionid=...") or query
    ("?PHPSESSID=..."), and a signed link's signature, key id and expiry. The rest is left as written."""
    if not url or "=" not in url or not _maybe_per_visit(url.lower()):
        return url  # the usual link: nothing to read apart (a tenth of the cost of reading its query)
    head, mark, fragment = url.partition("#")
    head, qmark, query = head.partition("?")
    head = _PATH_SESSION.sub("", head)
    if query:
        # Pairs split on "&" and on ";" (a query may use either: "?id=7;jsessionid=..."), each kept with the mark
        # before it so that what is left reads as written.
        parts = _QUERY_MARKS.split(query)
        marked = list(zip(["", *parts[1::2]], parts[::2], strict=True))
        names = [unquote_plus(pair.partition("=")[0]) for _, pair in marked]
        signed = any(_SIGNATURE_NAME.match(name) for name in names)
        kept = [
            joiner + pair
            for (joiner, pair), name in zip(marked, names, strict=True)
            if not _per_visit(name, pair, signed)
        ]
        query = "".join(kept).lstrip("&;")
        qmark = qmark if query else ""
    return head + qmark + query + mark + fragment


def _maybe_per_visit(lowered: str) -> bool:
    for hint in _PER_VISIT_HINTS:  # noqa: SIM110  (a loop, not any() over a generator: asked for every link)
        if hint in lowered:
            return True
    return False


def _per_visit(name: str, pair: str, signed: bool) -> bool:
    if _SESSION_NAME.match(name) or (signed and _SIGNING_NAME.match(name)):
        return True
    return bool(_MAYBE_SESSION.match(name)) and bool(_RANDOM_VALUE.match(pair.partition("=")[2]))


def canonical_url(url: str | None) -> str | None:
    """One spelling per address: https, host without "www.", no fragment, no tracking query, no session id or
    signature (`without_visit_ids`)."""
    return _canonical(without_visit_ids(url))


def _canonical(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None  # "http://[abc", "http://a.org:abc/"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if host.startswith("www."):
        host = host[4:]
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    return urlunsplit(("https", netloc, parts.path or "/", query, ""))


def document_number(url: str | None, patterns: re.Pattern | tuple[re.Pattern, ...] | None = None) -> str | None:
    """The document number a link carries ("WCMS_865548" on the ILO's site), or None.
    The caller says what one looks like: a site's id scheme is data in its profile
    (crawler.extract.profiles.document_patterns), not code here."""
    if not url or patterns is None:
        return None
    for candidate in (patterns,) if isinstance(patterns, re.Pattern) else patterns:
        m = candidate.search(url)
        if m:
            return m.group(1) if m.groups() else m.group(0)
    return None


def entry_id(url: str | None, title: str | None, listing_url: str | None, pattern: re.Pattern | None = None) -> str:
    """The document number when the link has one, else the canonical URL, else a hash of title and listing. An
    address inside the listing itself ("listing#event-3": entries shown in full there) is no address of the entry's
    own: its canonical URL, the listing's, would give every such entry one id. They are keyed as entries without a
    link are (and as such records were before their in-page address was read): an archive made before keeps them.
    The listing is read as the archive keeps it, its `?token=` masked: a reparse of its pages keys them alike; its
    address is hashed as written before session ids were read apart (`_canonical`), so those ids stay as they were."""
    listing_url = _listing_as_kept(listing_url)
    if (
        url
        and "#" in url
        and canonical_url(url) is not None
        and canonical_url(redact(url)) == canonical_url(listing_url)
    ):
        url = None
    return (
        document_number(url, pattern)
        or canonical_url(url)
        or HASHED_ID + hashlib.sha1(f"{title_key(title)}\n{_canonical(listing_url) or ''}".encode()).hexdigest()[:20]
    )


@lru_cache(maxsize=256)  # every entry of a page names the same listing: its query read for secrets once
def _listing_as_kept(listing_url: str | None) -> str | None:
    return redact(listing_url)


def tell_apart(entries: list[dict]) -> None:
    """Entries of one page that `entry_id` gives one id but that differ (a title, else a date) each get that id
    followed by "#" and a digest of their title and date (`told_apart_id`): talks whose only link is their venue,
    rows whose only link is one "Register" form. The date is in the digest whenever the entry has one, whether or
    not another entry shares its title, so an entry keeps its id when another evening of its title comes or goes;
    an undated copy of a title shown with one date takes that date. An id no other entry of the page shares is left
    as it is, so an archive made before keeps every entry whose link is its own; entries showing one title and date
    under one id (a featured box repeating an item) stay one entry. Sets `entry_id` in place."""
    shared: dict[str, list[dict]] = {}
    for entry in entries:
        shared.setdefault(entry["entry_id"], []).append(entry)
    for base, group in shared.items():
        if len(group) == 1:
            continue
        by_title: dict[str, list[dict]] = {}
        for entry in group:
            by_title.setdefault(title_key(entry.get("title")), []).append(entry)
        days = {title: {e.get("date_start") for e in same} - {None} for title, same in by_title.items()}
        if len(by_title) == 1 and all(len(d) <= 1 for d in days.values()):
            continue  # one entry shown twice
        for title, same in by_title.items():
            only_day = next(iter(days[title])) if len(days[title]) == 1 else None
            for entry in same:
                entry["entry_id"] = f"{base}#{_digest(title, entry.get('date_start') or only_day)}"


def told_apart_id(base: str, title: str | None, day: str | None) -> str:
    """The id `tell_apart` gives an entry of this title and date that shares the link `base` with another."""
    return f"{base}#{_digest(title_key(title), day)}"


def title_key(title: str | None) -> str:
    """A title as ids read it: white space and case folded, as for an entry without a link."""
    return (clean_text(title) or "").lower()


def _digest(title: str, day: str | None) -> str:
    text = title if day is None else f"{title}\n{day}"
    return hashlib.sha1(text.encode()).hexdigest()[:_DIGEST_CHARS]
