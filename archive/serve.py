"""`listing-archive serve`: the archive in Datasette, read-only, with table descriptions,
plain-words full-text search, stored queries, an Atom feed of new entries, a page per
entry (its versions side by side) and a chart of entries per month per listing.

Datasette runs in this process (uvicorn): SIGTERM or Ctrl-C stops the server and
everything with it; nothing is left listening.
"""

from __future__ import annotations

import asyncio
import errno
import socket
from pathlib import Path

import uvicorn
from datasette.app import Datasette
from datasette.plugins import pm

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


def listen_problem(host: str, port: int) -> tuple[str, str] | None:
    """Why the server could not listen on host:port, found before it says it serves: ("host", why)
    for an address this machine does not have, ("port", why) otherwise; None when it can.
    (uvicorn would print the address as served, log an error among its INFO lines and exit 3.)"""
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except socket.gaierror as exc:
        return "host", exc.strerror
    except OSError as exc:
        return ("host" if exc.errno == errno.EADDRNOTAVAIL else "port"), exc.strerror or str(exc)
    return None


def serve(db: str, host: str, port: int) -> int:
    ds = build(db)
    asyncio.run(ds.invoke_startup())
    base = f"http://{host}:{port}"
    print(f"Archive: {base}/  new entries feed: {base}{FEED_PATH}  chart: {base}{CHART_PATH}", flush=True)
    # uvicorn stops on SIGTERM and SIGINT (Ctrl-C), closing its socket: nothing keeps running.
    # It says "Uvicorn running on ..." once it listens.
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", access_log=False, lifespan="on", workers=1)
    return 0
