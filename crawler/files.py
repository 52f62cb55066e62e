"""Reading a file the user named (a config, a profile, a saved page): only a regular file, and only so much.

A FIFO or a terminal would block the read for ever, /dev/zero would fill the memory
before anything said why: each is refused at once, with a message naming the file.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

# A config or profile is a few KB; a saved page is bounded as a fetched one is (crawler.settings.DOWNLOAD_MAXSIZE).
TEXT_FILE_LIMIT = 1024 * 1024
PAGE_FILE_LIMIT = 16 * 1024 * 1024

# Files a user may name by mistake for a saved page; their first bytes say what they are.
_BINARY_STARTS = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
# The start of an HTML tag or doctype: random bytes hold one by chance almost never.
_MARKUP = re.compile(rb"<(?:!doctype|html|head|body|div|p|a|ul|ol|li|table|tr|td|h[1-6]|section|article)[\s>]", re.I)


def read_regular_file(path: str | Path, what: str, limit: int, error: type[ValueError] = ValueError) -> bytes:
    """The bytes of the regular file at `path` (a `what`: "config", "profile", "page"), at most `limit` of them;
    anything else raises `error` (the caller's ValueError) saying why."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait; a regular file ignores the flag.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise error(f"no {what} file at {path}") from None
    except IsADirectoryError:
        raise error(f"{path} is a folder, not a {what} file") from None
    except OSError as exc:
        raise error(f"cannot read the {what} file {path}: {exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise error(f"{path} is a folder, not a {what} file")
        raise error(f"{path} is not a regular file (a pipe, a device or a socket), not a {what} file")
    with os.fdopen(fd, "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise error(f"{path} is larger than {limit // 1024:,} KB: too big for a {what} file")
    return data


def holds_binary(body: bytes) -> bool:
    """Whether a file named as a saved page is binary (an image, an archive, a PDF) rather than a page. A stray
    NUL byte is not enough: a crawl reads such a page (the parser drops what XML cannot hold), so `parse` and
    `learn` must too; a page in UTF-16 has a NUL in every other byte, with its byte-order mark or without."""
    if body.startswith(_BINARY_STARTS):
        return True
    if body.startswith(_UTF16_BOMS) or _utf16_bom_for(body):
        return False
    sample = body[:4096]
    if sample.count(0) * 64 > len(sample):
        return True  # a NUL every few bytes: no text but UTF-16 (above) is written so
    if _MARKUP.search(sample) or _utf8_text(sample):
        return False  # a page, however many control characters its titles hold: a crawl reads it
    # Neither markup nor UTF-8: text in an 8-bit encoding has few control bytes but tabs and line ends; binary data
    # without a known start (encrypted, compressed) has one in ten.
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls * 64 > len(sample)


def _utf8_text(sample: bytes) -> bool:
    """Whether the sample is UTF-8, a character cut at its end aside."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start >= len(sample) - 3
    return True


def as_page(body: bytes) -> bytes:
    """A saved page's bytes as the parser reads them: a UTF-16 page saved without its byte-order mark gets one,
    else the parser would take it for bytes in the page's declared (or a guessed 8-bit) encoding."""
    return _utf16_bom_for(body) + body


def _utf16_bom_for(body: bytes) -> bytes:
    """The byte-order mark a UTF-16 page without one lacks (empty if it has one or is no such page): mostly
    ASCII markup, so one byte of each pair NUL (the second little-endian, the first big-endian), the other not."""
    sample = body[:4096]
    if body.startswith(_UTF16_BOMS) or len(sample) < 2:
        return b""
    pairs = len(sample) // 2
    first_nul, second_nul = sample[0 : pairs * 2 : 2].count(0), sample[1 : pairs * 2 : 2].count(0)
    if second_nul * 10 >= pairs * 9 and first_nul * 10 < pairs:
        return b"\xff\xfe"
    if first_nul * 10 >= pairs * 9 and second_nul * 10 < pairs:
        return b"\xfe\xff"
    return b""
