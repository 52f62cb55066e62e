"""The captures as a WARC file, for standard web-archive tools (replay, pywb, …)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import uuid
from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.errors import OutputExists

from .backup import link_into_place, written_in_place
from .record import NOT_WHOLE, READ_WITH, RENDERED, SUBRESOURCES
from .store import Archive, ArchiveError

# The capture's body is the DOM a browser built (crawler/render.py), not the bytes the server sent.
WARC_RENDERED = "WARC-Rendered-By"

_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    404: "Not Found",
    500: "Internal Server Error",
}


# A 304 is the server saying the page is as it was: a revisit of the capture that holds the body.
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.0/revisit/server-not-modified"


def record_id(capture) -> str:
    """The WARC-Record-ID of a capture's record, the same in every export (a revisit written with --crawl N names
    the record an export of the earlier crawl holds): a name-based UUID of what makes the capture one."""
    name = f"listing-archive capture {capture['id']} {capture['url']} {capture['fetched_at']} {capture['digest']}"
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def export_warc(archive: Archive, out, crawl_id: int | None = None) -> int:
    """Write one record per capture to the binary stream `out` (a `response`, or a `revisit` for a 304);
    returns the count."""
    writer = WARCWriter(out, gzip=True)
    sql = "SELECT id, url, fetched_at, status, headers, digest FROM captures"
    params: tuple = ()
    if crawl_id is not None:
        sql += " WHERE crawl_id = ?"
        params = (crawl_id,)
    count = 0
    for row in archive.conn.execute(sql + " ORDER BY id", params):
        body = archive.capture_body(row["id"]) or b""
        stored = json.loads(row["headers"] or "{}")
        # What a rendered page loaded, and what read it, are the archive's notes, not headers the server sent.
        headers = [(k.title(), v) for k, v in stored.items() if k not in (SUBRESOURCES, READ_WITH, NOT_WHOLE)]
        warc_headers = {"WARC-Date": _warc_date(row["fetched_at"]), "WARC-Record-ID": record_id(row)}
        if stored.get(RENDERED):
            warc_headers[WARC_RENDERED] = stored[RENDERED]
        if row["status"] == 304:
            record = _not_modified(writer, archive, row, body, headers, warc_headers)
        else:
            headers.append(("Content-Length", str(len(body))))
            record = writer.create_warc_record(
                row["url"],
                "response",
                payload=BytesIO(body),
                http_headers=_http(row["status"], headers),
                warc_headers_dict=warc_headers,
            )
        writer.write_record(record)
        count += 1
    return count


def _warc_date(fetched_at: str) -> str:
    return fetched_at.replace("+00:00", "Z")


def _http(status: int, headers: list) -> StatusAndHeaders:
    return StatusAndHeaders(f"{status} {_REASONS.get(status, 'Status')}", headers, protocol="HTTP/1.1")


def _not_modified(writer: WARCWriter, archive: Archive, row, body: bytes, headers: list, warc_headers: dict):
    """A 304's revisit record: the server's answer (no body), pointing at the latest earlier capture of the
    URL that holds the body (the archive stores the 304 with that body; the WARC does not repeat it)."""
    earlier = archive.conn.execute(
        "SELECT id, url, fetched_at, digest FROM captures WHERE url = ? AND id < ? AND status = 200 "
        "AND digest IS ? ORDER BY id DESC LIMIT 1",
        (row["url"], row["id"], row["digest"]),
    ).fetchone()
    warc_headers["WARC-Profile"] = NOT_MODIFIED_PROFILE
    if body:
        warc_headers["WARC-Payload-Digest"] = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()
    if earlier is not None:  # else pruned or never stored: the revisit stands alone, as the server's answer
        warc_headers["WARC-Refers-To"] = record_id(earlier)
        warc_headers["WARC-Refers-To-Target-URI"] = earlier["url"]
        warc_headers["WARC-Refers-To-Date"] = _warc_date(earlier["fetched_at"])
    return writer.create_warc_record(
        row["url"], "revisit", http_headers=_http(304, headers), warc_headers_dict=warc_headers
    )


def write_warc_file(archive: Archive, output: str, crawl_id: int | None = None, force: bool = False) -> int:
    """export_warc into the file `output`, written beside it and moved into place whole; an existing
    file is replaced only with `force`, and a crawl that does not exist is an error, not an empty file."""
    crawl = archive.crawl(crawl_id) if crawl_id is not None else None
    if crawl_id is not None and not crawl:
        raise ArchiveError(f"no crawl {crawl_id} in {archive.path} (see `listing-archive crawls`); nothing written")
    if crawl and crawl.get("source") == "reparse":  # its WARC would be empty
        of = json.loads(crawl.get("settings") or "{}").get("reparse_of")
        raise ArchiveError(
            f"crawl {crawl_id} is a reparse: it fetched no pages of its own"
            + (f"; its pages are crawl {of}'s (--crawl {of})" if of else "")
        )
    if output == "-":  # standard output, as every other -o: a pipe takes the records as they are written
        stdout = sys.stdout.buffer
        if stdout.isatty():
            raise ArchiveError("standard output is a terminal: pipe export-warc -o - into a program, or give -o FILE")
        count = export_warc(archive, stdout, crawl_id)
        stdout.flush()
        return count
    target = os.path.realpath(output)
    if target == os.path.realpath(archive.path):
        raise ArchiveError(f"{output} is the archive itself; give a .warc.gz file name")
    if written_in_place(output):  # a pipe or a device, with or without --force: never unlinked or renamed over
        with open(output, "wb") as out:
            return export_warc(archive, out, crawl_id)
    part = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{uuid.uuid4().hex}.part")
    if not force and os.path.lexists(target):
        raise OutputExists(output)
    try:
        with open(part, "xb") as out:
            count = export_warc(archive, out, crawl_id)
        if force:
            os.replace(part, target)
        else:  # the name is taken only once the file is whole: a kill -9 leaves no file under it
            try:
                link_into_place(part, target)
            except FileExistsError:
                raise OutputExists(output) from None
        return count
    finally:
        if os.path.exists(part):
            os.remove(part)
