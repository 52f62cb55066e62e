"""What identifies an entry: one function, used by the pipeline and the archive alike."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .text import clean_text

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$")


def canonical_url(url: str | None) -> str | None:
    """One spelling per address: https, host without "www.", no fragment, no tracking query."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if host.startswith("www."):
        host = host[4:]
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    return urlunsplit(("https", netloc, parts.path or "/", query, ""))


def _site_patterns(url: str) -> tuple[re.Pattern, ...]:
    """The document-number patterns of the bundled site profiles for this URL's host (all of
    them for a bare number): a site's id scheme is data in its profile, not code here."""
    from ..extract.profiles import bundled_profiles  # imported here: profiles are data read once

    profiles = bundled_profiles().values()
    host = urlsplit(url).hostname if "://" in url else None
    return tuple(p.document_id for p in profiles if p.document_id is not None and (host is None or p.matches(url)))


def document_number(url: str | None, pattern: re.Pattern | None = None) -> str | None:
    """The document number a link carries ("WCMS_865548" on the ILO's site), or None.
    Without `pattern`, the bundled profile of the link's site says what one looks like."""
    if not url:
        return None
    for candidate in (pattern,) if pattern is not None else _site_patterns(url):
        m = candidate.search(url)
        if m:
            return m.group(1) if m.groups() else m.group(0)
    return None


def entry_id(url: str | None, title: str | None, listing_url: str | None, pattern: re.Pattern | None = None) -> str:
    """The document number when the link has one, else the canonical URL, else a hash of title and listing."""
    return (
        document_number(url, pattern)
        or canonical_url(url)
        or "sha1:" + hashlib.sha1(f"{(clean_text(title) or '').lower()}\n{canonical_url(listing_url) or ''}".encode()).hexdigest()[:20]
    )
