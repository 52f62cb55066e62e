"""Photo credits: "© Hoa Tran / ILO 2023" -> author Hoa Tran, holder ILO, year 2023.

The credit is split only where the text says so: a name is never invented, and a
part that cannot be told apart is left empty rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .orgwords import CREDIT_ORG_WORDS as _ORG_WORDS
from .text import clean_text

_PREFIX = re.compile(
    r"^(?:©|\(c\)|copyright\b|photo(?:graph)?\s*(?:credit)?s?\b|cr[ée]dit(?:s)?\s*(?:photo)?\b|"
    r"foto(?:graf[íi]a)?\b|image\b|picture\b)\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"[,\s]*\b(1[89]\d\d|20\d\d)\b\s*\.?$")
_LEADING_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)\b[,\s]*")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&\-.]{1,}$")


@dataclass(frozen=True)
class Credit:
    text: str
    author: str | None
    holder: str | None
    year: int | None


def _is_org(name: str) -> bool:
    return bool(_ACRONYM.match(name) or _ORG_WORDS.search(name) or any(ch.isdigit() for ch in name))


def _is_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and not _is_org(name) and all(w[:1].isupper() for w in words if len(w) > 3)


def parse_credit(text: str | None) -> Credit | None:
    """Split a credit line into author, holder and year; None when there is no credit.

    >>> parse_credit("© ILO/Marcel Crozet")
    Credit(text='© ILO/Marcel Crozet', author='Marcel Crozet', holder='ILO', year=None)
    """
    shown = clean_text(text)
    if not shown:
        return None
    body = shown
    explicit_copyright = bool(re.match(r"^(?:©|\(c\)|copyright)", body, re.IGNORECASE))
    photo_prefix = False
    while True:  # "Photo: © ILO" carries two prefixes
        m = _PREFIX.match(body)
        if not m or not m.group(0):
            break
        photo_prefix = photo_prefix or not re.match(r"^(?:©|\(c\)|copyright)", m.group(0), re.IGNORECASE)
        body = body[m.end() :]
    year = None
    m = _YEAR.search(body) or _LEADING_YEAR.match(body)
    if m:
        year = int(m.group(1))
        body = (body[: m.start()] + body[m.end() :]).strip()
    body = body.strip(" ,;:.-–/")
    if not body:
        return Credit(shown, None, None, year)
    parts = [p.strip(" ,;") for p in re.split(r"\s*/\s*", body) if p.strip(" ,;")]
    if len(parts) == 2:
        left, right = parts
        if _is_org(left) and not _is_org(right):
            return Credit(shown, right, left, year)  # "ILO/Marcel Crozet"
        return Credit(shown, left, right, year)  # "Hoa Tran / ILO": the ILO's own order
    if len(parts) == 3 and re.search(r"\d", parts[1]) and not _is_org(parts[2]):
        return Credit(shown, parts[2], parts[0], year)  # "UNICEF/UN0123456/Smith": holder, picture number, author
    if len(parts) > 2:
        return Credit(shown, None, body, year)  # cannot tell who is who: keep it whole as the holder
    name = parts[0]
    m = re.match(r"^(.+?)\s+(?:for|pour|para)\s+(.+)$", name)
    if m and _is_person(m.group(1)):
        return Credit(shown, m.group(1), m.group(2), year)  # "John Smith for ILO"
    if photo_prefix and not explicit_copyright and _is_person(name):
        return Credit(shown, name, None, year)  # "Photo: Jane Doe": the photographer
    return Credit(shown, None, name, year)  # "© ILO", "© Made By Survivors": the holder


def looks_like_credit(text: str | None) -> bool:
    """True for a line that starts the way credits do ("©", "(c)", "Photo:")."""
    first = text.lstrip()[:1] if text else ""
    if first.isascii() and first.isprintable() and first not in _CREDIT_INITIALS and first != "":
        return False  # cleaning keeps a visible first character first: ruled out uncleaned
    shown = clean_text(text)
    return bool(shown and len(shown) < 160 and shown[0] in _CREDIT_INITIALS and _CREDIT_START.match(shown))


def plainly_no_credit(raw: str) -> bool:
    """True when text not yet cleaned cannot clean into a credit line: plain ASCII whose first character
    cleaning keeps (control characters and white space go) is none a credit starts with.
    Spares cleaning a whole block's text only to rule it out."""
    if not raw.isascii():
        return False  # NFC, invisible and private-use characters: only cleaning tells
    first = raw.lstrip(_ASCII_UNSEEN)[:1]
    return not first or first not in _CREDIT_INITIALS


_CREDIT_START = re.compile(
    r"^(?:©|\(c\)\s|photo\s*(?:credit)?\s*:|cr[ée]dit\s*(?:photo)?\s*:|foto\s*:|copyright\b)", re.IGNORECASE
)
# The characters a credit line can start with (no letter here has an odd case-insensitive twin):
# most lines are ruled out without the regex.
_CREDIT_INITIALS = frozenset("©(pPcCfF")
# The ASCII characters clean_text drops (controls) or folds away (white space) at the start of a text.
_ASCII_UNSEEN = "".join(map(chr, range(0x21))) + "\x7f"
