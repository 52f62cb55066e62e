"""Page bodies as stored: once per sha256 digest, zlib-compressed with their listing's dictionary.

The pages of one listing share most of their markup (head, navigation, footer). The
first page stored for a listing gives the listing its dictionary (`body_dicts`: its
first DICT_BYTES bytes, kept zlib-compressed), and every body of that listing is
compressed with it as zlib's preset dictionary (zdict): what a page shares with it
costs almost nothing. A body with no dictionary (`dict_id` NULL: no listing, or stored
before schema 5) is plain zlib.

One function reads a body back, `read_body`; `stored_body` gives it still compressed,
with its dictionary, for a process that decompresses it elsewhere (`decompress`).
"""

from __future__ import annotations

import hashlib
import zlib

# zlib looks back at most 32 KiB: a longer dictionary would be ignored.
DICT_BYTES = 32 * 1024
LEVEL = 6


def compress(body: bytes, zdict: bytes | None = None) -> bytes:
    packer = zlib.compressobj(LEVEL, zdict=zdict) if zdict else zlib.compressobj(LEVEL)
    return packer.compress(body) + packer.flush()


def decompress(blob: bytes, zdict: bytes | None = None) -> bytes:
    unpacker = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
    return unpacker.decompress(blob) + unpacker.flush()


# Dictionaries decompressed for earlier pages: {dict id: (its stored bytes, the dictionary)}. Each page of a
# listing reads its listing's dictionary; only stored bytes equal to those decompressed before are answered
# from here, so another archive's row of that id, or one a failed write rolled back, is never taken for it.
_UNPACKED: dict[int, tuple[bytes, bytes]] = {}
_UNPACKED_KEPT = 256  # listings; a listing's dictionary is at most DICT_BYTES


def _unpacked(dict_id: int, stored: bytes) -> bytes:
    known = _UNPACKED.get(dict_id)
    if known is not None and known[0] == stored:
        return known[1]
    if len(_UNPACKED) >= _UNPACKED_KEPT:
        _UNPACKED.clear()
    zdict = zlib.decompress(stored)
    _UNPACKED[dict_id] = (stored, zdict)
    return zdict


def _dictionary(conn, listing_url: str | None, body: bytes) -> tuple[int | None, bytes | None]:
    """The listing's (dict id, dictionary), made from this body when the listing has none yet."""
    if not listing_url:
        return None, None
    row = conn.execute("SELECT id, dict FROM body_dicts WHERE listing_url = ?", (listing_url,)).fetchone()
    if row:
        return row[0], _unpacked(row[0], row[1])
    if not body:
        return None, None
    zdict = body[:DICT_BYTES]
    cur = conn.execute(
        "INSERT INTO body_dicts (listing_url, dict) VALUES (?, ?)", (listing_url, zlib.compress(zdict, LEVEL))
    )
    return cur.lastrowid, zdict


def store_body(conn, body: bytes, listing_url: str | None) -> str:
    """Keep a fetched page's body (once per digest); returns its digest. The caller holds the transaction."""
    digest = hashlib.sha256(body).hexdigest()
    if not conn.execute("SELECT 1 FROM capture_bodies WHERE digest = ?", (digest,)).fetchone():
        dict_id, zdict = _dictionary(conn, listing_url, body)  # a body already kept is not compressed again
        conn.execute(
            "INSERT INTO capture_bodies (digest, body, size, dict_id) VALUES (?, ?, ?, ?)",
            (digest, compress(body, zdict), len(body), dict_id),
        )
    return digest


def stored_body(conn, capture_id: int) -> tuple[bytes, bytes | None] | None:
    """(compressed body, its dictionary or None) of a capture, or None: `decompress(*it)` gives the page."""
    row = conn.execute(
        "SELECT b.body, d.dict FROM captures c JOIN capture_bodies b ON b.digest = c.digest "
        "LEFT JOIN body_dicts d ON d.id = b.dict_id WHERE c.id = ?",
        (capture_id,),
    ).fetchone()
    if row is None:
        return None
    return row[0], zlib.decompress(row[1]) if row[1] is not None else None


def read_body(conn, capture_id: int) -> bytes | None:
    """A capture's page as it was received, or None."""
    stored = stored_body(conn, capture_id)
    return decompress(*stored) if stored is not None else None
