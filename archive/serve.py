"""`listing-archive serve`: the archive in Datasette, read-only, with table descriptions,
plain-words full-text search, stored queries, an Atom feed of new entries, a page per
entry (its versions side by side) and a chart of entries per month per listing.

Datasette runs in this process (uvicorn): SIGTERM or Ctrl-C stops the server and
everything with it; nothing is left listening.
"""

from __future__ import annotations

import asyncio
import errno
import os
import socket
from pathlib import Path

import uvicorn
from datasette.app import Datasette
from datasette.plugins import pm

from crawler.errors import ListingArchiveError

from . import serve_plugin
from .serve_plugin import CHART_PATH, FEED_PATH

DESCRIPTIONS = {
    "crawls": "One row per crawl: when, status (complete, partial, failed), counts.",
    "listing_crawls": (
        "Per crawl and listing: pages fetched and failed; only a complete listing can mark entries removed."
    ),
    "captures": "Every listing page fetched: URL, time, HTTP status, headers that matter, body digest.",
    "capture_bodies": "Page bodies, zlib-compressed, stored once per sha256 digest.",
    "entries": (
        "The current state of every entry ever listed (status listed or removed). "
        "Search: plain words, all of them must occur."
    ),
    "entry_versions": "One row per version of an entry: what changed (whole every 8th; read whole: version_records).",
    "sightings": "Where each entry was listed in each crawl: listing, page, group, position.",
    "events": "new, changed, removed and restored, per crawl.",
}

QUERIES = {
    "new_since": {
        "title": "New entries since a date",
        # first_seen is the time of the entry's 'new' event; entries is read once, not the events view.
        "sql": "SELECT entry_id, title, url, date_text, organisers, listing_url, first_seen FROM entries "
        "WHERE first_seen >= :since ORDER BY first_seen DESC",
    },
    "entry_history": {
        "title": "History of an entry",
        "sql": "SELECT version, seen_at, crawl_id, source, changed_fields, json_extract(record, '$.title') AS title, "
        "json_extract(record, '$.date_text') AS date_text FROM version_records WHERE entry_id = :entry_id "
        "ORDER BY version",
    },
    "by_organiser": {
        "title": "Entries by organiser",
        "sql": "SELECT e.entry_id, e.title, e.url, e.date_start, e.organisers "
        "FROM entries e, json_each(e.organisers) o WHERE instr(lower(o.value), lower(:organiser)) > 0 "
        "ORDER BY e.date_start DESC",
    },
}


def metadata(db_name: str) -> dict:
    tables = {name: {"description": text} for name, text in DESCRIPTIONS.items()}
    # Plain words: the plugin turns the search box's text into words, Datasette quotes each one.
    tables["entries"].update(fts_table="entries_fts", fts_pk="rowid", searchmode="escaped")
    return {
        "title": "listing-archive",
        "description_html": (
            "Resource listing pages and their change history. Read-only. "
            f'<a href="{FEED_PATH}">Atom feed of new entries</a> · '
            f'<a href="{CHART_PATH}">Entries per month per listing</a> · '
            "an entry's id links to its versions side by side."
        ),
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }


def build(db: str):
    """The Datasette app for an archive, with this project's plugin and templates."""
    if not pm.is_registered(serve_plugin):
        pm.register(serve_plugin, name="listing_archive")
    path = Path(db).resolve()
    # Datasette reads through read-only connections and, with no write permission
    # granted, accepts no writes; unlike immutable mode it sees a crawl's WAL.
    return Datasette(
        [str(path)],
        metadata=metadata(path.stem),
        template_dir=str(Path(__file__).parent / "serve_templates"),
        settings={"default_allow_sql": True},
    )


class AddressUnavailable(ListingArchiveError, ValueError):
    """An address `serve` cannot listen on; `option` is the one to change (--host or --port)."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port (port 0: a free one), or AddressUnavailable saying in one line why not."""
    where = f"{host!r} is not an address of this machine"
    if not host.strip():
        raise AddressUnavailable("--host", f"{where} (it is empty; 0.0.0.0 listens on every address)")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
    except (socket.gaierror, UnicodeError) as exc:
        raise AddressUnavailable("--host", f"{where} ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        why = os.strerror(exc.errno) if exc.errno else str(exc)
        if exc.errno == errno.EADDRNOTAVAIL:
            raise AddressUnavailable("--host", f"{where} ({why})") from None
        raise AddressUnavailable(
            "--port", f"cannot serve on {host}:{port} ({why}); give another, e.g. --port 0"
        ) from None


def serve(db: str, host: str, port: int) -> int:
    """Serve until SIGTERM or Ctrl-C. The address is tried first, so that a busy port or a wrong host is one
    line before anything is printed, and the address printed is the one served (port 0: the free port found)."""
    with listen(host, port) as sock:
        port = sock.getsockname()[1]
    ds = build(db)
    asyncio.run(ds.invoke_startup())
    base = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    print(f"Archive: {base}/  new entries feed: {base}{FEED_PATH}  chart: {base}{CHART_PATH}", flush=True)
    # uvicorn stops on SIGTERM and SIGINT (Ctrl-C), closing its socket: nothing keeps running.
    # It says "Uvicorn running on ..." once it listens. Datasette's startup ran above and it has no shutdown
    # work: with lifespan on, a second Ctrl-C (forced exit) left that task pending, logged as a traceback.
    config = uvicorn.Config(ds.app(), host=host, port=port, log_level="info", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    return 0 if server.started else 1  # not uvicorn's 3, which this tool's exit codes keep for a partial crawl
