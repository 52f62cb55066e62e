"""The captures as a WARC file, for standard web-archive tools (replay, pywb, …)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .record import RENDERED
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


def export_warc(archive: Archive, out, crawl_id: int | None = None) -> int:
    """Write one `response` record per capture to the binary stream `out`; returns the count."""
    writer = WARCWriter(out, gzip=True)
    sql = "SELECT id, url, fetched_at, status, headers, digest FROM captures"
    params: tuple = ()
    if crawl_id is not None:
        sql += " WHERE crawl_id = ?"
        params = (crawl_id,)
    count = 0
    first_seen: dict[str, tuple[str, str]] = {}  # body digest -> (uri, date) of its first record
    for row in archive.conn.execute(sql + " ORDER BY id", params):
        body = archive.capture_body(row["id"]) or b""
        date = row["fetched_at"].replace("+00:00", "Z")
        if row["status"] == 304 and row["digest"] in first_seen:
            # Unchanged since an earlier capture: a revisit record pointing at it.
            uri, when = first_seen[row["digest"]]
            payload = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()
            record = writer.create_revisit_record(row["url"], payload, uri, when, warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
            count += 1
            continue
        first_seen.setdefault(row["digest"], (row["url"], date))
        headers = [(k.title(), v) for k, v in json.loads(row["headers"] or "{}").items()]
        headers.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(
            f"{row['status']} {_REASONS.get(row['status'], 'Status')}", headers, protocol="HTTP/1.1"
        )
        warc_headers = {"WARC-Date": date}
        rendered = json.loads(row["headers"] or "{}").get(RENDERED)
        if rendered:
            warc_headers[WARC_RENDERED] = rendered
        record = writer.create_warc_record(
            row["url"], "response", payload=BytesIO(body), http_headers=http, warc_headers_dict=warc_headers
        )
        writer.write_record(record)
        count += 1
    return count


def write_warc_file(archive: Archive, output: str, crawl_id: int | None = None, force: bool = False) -> int:
    """export_warc into the file `output`, written beside it and moved into place whole; an existing
    file is replaced only with `force`, and a crawl that does not exist is an error, not an empty file."""
    if crawl_id is not None and not archive.crawl(crawl_id):
        raise ArchiveError(f"no crawl {crawl_id} in {archive.path} (see `listing-archive crawls`); nothing written")
    target = os.path.realpath(output)
    if target == os.path.realpath(archive.path):
        raise ArchiveError(f"{output} is the archive itself; give a .warc.gz file name")
    part = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{uuid.uuid4().hex}.part")
    reserved = False
    try:
        if not force:
            try:
                open(target, "xb").close()  # claims the name: a file made meanwhile is not replaced either
            except FileExistsError:
                raise ArchiveError(f"{output} exists; give a new file name, or --force to replace it") from None
            reserved = True
        with open(part, "xb") as out:
            count = export_warc(archive, out, crawl_id)
        os.replace(part, target)
        reserved = False
        return count
    finally:
        for leftover in (part, target) if reserved else (part,):
            if os.path.exists(leftover):
                os.remove(leftover)
