"""Every scraped string is untrusted: one small function per kind of output.

Old archives hold titles with terminal escapes, XML-invalid characters and
`javascript:` links; these functions make them harmless where they are shown.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from w3lib.url import safe_url_string

from crawler.parsers.text import TERMINAL_UNSAFE, as_shown

# What XML 1.0 does not allow at all, and the noncharacters U+FFFE / U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What is markup inside a line (a value never starts one: the template puts "- " or "### " first).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")


# A CSV cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection"),
# or with their fullwidth (＝ ＋ － ＠) and small (﹦ ﹢ ﹣) forms, which some spreadsheets read as the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63")


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as text: a string loses what the other reports drop (for_terminal:
    controls, escape sequences, bidi overrides and isolates), then, starting like a formula after any whitespace,
    gets a leading `'` (OWASP's advice). Cleaned first, so "\u2066=1+1" is guarded too. Non-strings stay as they are."""
    if not isinstance(value, str):
        return value
    value = for_terminal(value)
    if value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS):
        return "'" + value
    return value


def for_terminal(text) -> str:
    """`text` with no control characters but newline and tab, and no escape sequence, whole (no "[31m" left
    as text): no colour, OSC (window title, hyperlink), clear-screen or BEL can reach the terminal."""
    return as_shown("" if text is None else str(text))


def each_string(value, clean):
    """`value` (a string, or dicts, lists and tuples of them, nested) with `clean` applied to every string in it."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: each_string(v, clean) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(each_string(v, clean) for v in value)
    return value


def terminal_clean(value):
    """A report, a row or a list with every string in it made safe for a terminal."""
    return each_string(value, for_terminal)


def for_xml(text) -> str:
    """`text` without the characters XML 1.0 forbids (a feed with one is no feed at all)."""
    return _XML_INVALID.sub("", "" if text is None else str(text))


def for_html(text) -> str:
    """What an HTML page shows: no controls but newline and tab, nothing XML-invalid."""
    return for_xml(for_terminal(text))


def web_link(url) -> str | None:
    """An absolute http(s) URL with a host, percent-encoded as a browser sends it (a space in a file name,
    common on sites, is %20; quotes and angle brackets are encoded too), else None: only those become links.
    Refused: any other scheme, a control character, a tab or newline (a browser drops them: which URL was
    meant is not known), and a host with a space in it, which no encoding makes a host."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if TERMINAL_UNSAFE.search(url) or "\t" in url or "\n" in url:
        return None
    try:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return None
        encoded = safe_url_string(url)  # host to IDNA, the rest percent-encoded as UTF-8
        parts = urlsplit(encoded)
        good = bool(parts.hostname) and not any(c.isspace() for c in encoded)
    except ValueError:  # a port out of range, a host IDNA refuses, a bad IPv6 literal
        return None
    return encoded if good else None


def md_text(text) -> str:
    """Text that Markdown shows as it is: no emphasis, link, image, raw HTML or heading.
    Line breaks become spaces, so a value cannot start a block of its own."""
    flat = " ".join(for_html(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    # "http\://x" and "www\.x" show as written but are no autolink on GitHub or any GFM renderer.
    return escaped.replace("://", "\\://").replace("www.", "www\\.").replace("WWW.", "WWW\\.")


# What Discord and Slack (through Apprise) read as a mention: a mass mention by name (Matrix's @room too), or a
# mention in angle brackets (`<!DOCTYPE` is left whole), `<` written raw, escaped for markdown or as HTML's `&lt;`.
_MASS_MENTION = re.compile(r"@(?=(?:everyone|here|channel|room|all)\b)", re.IGNORECASE)
_ID_MENTION = re.compile(r"(<|&lt;)(?=\\?(?:[@#]|!(?:channel|here|everyone|subteam)))", re.IGNORECASE)
ZERO_WIDTH_SPACE = "\u200b"


def without_mentions(text: str) -> str:
    """`text` as a chat message shows it, pinging no one: a zero-width space after the `@` of `@everyone`,
    `@here`, `@channel`, `@room`, and after the `<` of `<@123>`, `<!channel>`, `<#123>` (discord.py's
    escape_mentions does the same). Invisible in text, markdown and HTML alike, where a backslash (Discord's
    markdown escape) would show in an e-mail; the archive keeps the text as scraped."""
    return _ID_MENTION.sub(rf"\1{ZERO_WIDTH_SPACE}", _MASS_MENTION.sub(f"@{ZERO_WIDTH_SPACE}", text))


def md_link(title, url) -> str:
    """A Markdown link to an http(s) URL, or the escaped title alone when the URL is anything else."""
    label = md_text(title) or "(no title)"
    href = web_link(url)
    if not href:
        return label
    address = quote(href, safe=":/?#[]@!$&*+,;=%~-._").replace("'", "%27")
    return f"[{label}](<{address}>)"
