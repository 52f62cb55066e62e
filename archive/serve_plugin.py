"""The Datasette plugin behind `listing-archive serve` (registered by archive.serve.build).

- the search box takes plain words: its text is cut into words before Datasette sees
  it, so "COVID-19", "Lao-PDR" or a lone quote search instead of failing;
- /-/new-entries.atom: an Atom feed of new entries at a stable URL;
- /-/entry/ID: an entry's versions side by side, what changed marked;
- /-/chart: entries per month per listing, as inline SVG (no script);
- every entry_id cell links to its entry page;
- scraped text is shown as the HTML report shows it (reports.safety.for_html: no controls, no bidi overrides);
- a CSV download never holds a cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from urllib.parse import parse_qsl, quote, unquote, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from datasette.views import base as datasette_base
from markupsafe import Markup, escape

from crawler.field_table import FIELDS

from .queries import NotFound, history
from .reports import atom
from .reports.chart import small_multiples
from .reports.common import is_long, show, word_diff
from .reports.safety import each_string, for_html, spreadsheet_safe, web_link
from .versions import SEEN_AT_SQL

# The plugin's own pages (the index page links to them).
FEED_PATH = "/-/new-entries.atom"
CHART_PATH = "/-/chart"
ENTRY_PATH = "/-/entry/"

_WORDS = re.compile(r"[\w’'-]+", re.UNICODE)
ENTRY_TABLES = {"entries", "entry_versions", "events", "sightings"}


def plain_words(text: str) -> str:
    words = [w.strip("-'’") for w in _WORDS.findall(text or "")]
    return " ".join(w for w in words if w)


def _clean_query(query_string: bytes) -> bytes:
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if not any(k == "_search" or k.startswith("_search_") for k, _ in pairs):
        return query_string
    raw = any(k == "_searchmode" and v == "raw" for k, v in pairs)
    out = []
    for key, value in pairs:
        if (key == "_search" or key.startswith("_search_")) and not raw:
            value = plain_words(value)
            if not value:
                continue
        out.append((key, value))
    return urlencode(out).encode("latin-1")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def cleaned(scope, receive, send):
            if scope.get("type") == "http" and scope.get("query_string"):
                scope = dict(scope, query_string=_clean_query(scope["query_string"]))
            await app(scope, receive, send)

        return cleaned

    return wrap


class _FormulaSafeCsv:
    """Stands in for the csv module in Datasette's CSV views (every table and query as .csv): a cell
    that a spreadsheet would run as a formula starts with `'` (archive.reports.safety)."""

    class _Writer:
        def __init__(self, writer):
            self.writer = writer

        def writerow(self, row):
            return self.writer.writerow([spreadsheet_safe(cell) for cell in row])

    def __getattr__(self, name):
        return getattr(csv, name)

    def writer(self, *args, **kwargs):
        return self._Writer(csv.writer(*args, **kwargs))


datasette_base.csv = _FormulaSafeCsv()


def _entry_link(entry_id: str, text) -> Markup:
    return Markup(f'<a href="{ENTRY_PATH}{quote(entry_id, safe="")}">{escape(for_html(text))}</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """An entry's id (and, in `entries`, whose id column is its row link, its title) links to its entry page;
    text with a control or a bidi override in it is shown without them, as the HTML report shows it."""
    if column == "entry_id" and table in ENTRY_TABLES and isinstance(value, str) and value:
        return _entry_link(value, value)
    if column == "title" and table == "entries" and isinstance(value, str) and row is not None:
        try:
            entry_id = row["entry_id"]
        except (KeyError, IndexError):
            return None
        return _entry_link(entry_id, value) if entry_id else None
    if isinstance(value, str) and for_html(value) != value:  # a clean cell keeps Datasette's own rendering
        return escape(for_html(value))
    return None


@hookimpl
def register_routes():
    return [
        (r"^/-/new-entries\.atom$", new_entries_feed),
        (r"^/-/entry/(?P<entry_id>.+)$", entry_page),
        (r"^/-/chart$", chart_page),
    ]


def _db(datasette):
    return datasette.get_database()


# The 100 newest new entries: a new entry is a first version; the crawl_id index read backwards stops at
# the 100th (the `events` view, a union, would be read whole first: seconds at a million entries).
NEWEST_NEW_SQL = (
    f"SELECT e.*, {SEEN_AT_SQL.format(t='v')} AS announced, n.crawl_id FROM "
    "(SELECT entry_id, crawl_id FROM entry_versions WHERE version = 1 "
    "ORDER BY crawl_id DESC, entry_id DESC LIMIT 100) n "
    "JOIN entry_versions v ON v.entry_id = n.entry_id AND v.version = 1 JOIN entries e ON e.entry_id = n.entry_id "
    "ORDER BY n.crawl_id DESC, n.entry_id DESC"
)


async def new_entries_feed(datasette, request):
    """The newest new entries as Atom; ids match `diff --format atom`'s, so a reader shows each once."""

    rows = await _db(datasette).execute(NEWEST_NEW_SQL)
    entries = []
    for row in rows.rows:
        entry = dict(row)
        entry["organisers"] = json.loads(entry.get("organisers") or "[]")
        entries.append(entry)
    base = f"{request.scheme}://{request.host}"
    items = [
        {
            "id": atom.entry_id(e["entry_id"]),
            "title": e.get("title") or e["entry_id"],
            "url": e.get("url"),
            "updated": e["announced"],
            "author": e.get("listing_title") or e.get("listing_url") or "listing-archive",
            "summary": atom.summary(e, removed_note=True),
            "content": e.get("description"),
        }
        for e in entries
    ]
    feed_id = f"urn:listing-archive:new-entries:{_db(datasette).name}"
    updated = entries[0]["announced"] if entries else None
    body = atom.feed(
        feed_id, "listing-archive: new entries", updated, items, {"self": base + FEED_PATH, "alternate": base + "/"}
    )
    return Response(body, content_type="application/atom+xml; charset=utf-8")


def _versions(conn, ref: str) -> dict:

    conn.row_factory = sqlite3.Row  # as Datasette sets it; history() reads columns by name
    return history(conn, ref)


async def entry_page(datasette, request):

    ref = unquote(request.url_vars["entry_id"])
    try:
        result = await _db(datasette).execute_fn(lambda conn: _versions(conn, ref))
    except NotFound as exc:
        return Response.html(f"<p>{escape(for_html(str(exc)))}</p>", status=404)
    link = web_link(result["entry"].get("url"))  # the stored URL: one with a control in it is no link
    result = each_string(result, for_html)  # Datasette's templates escape HTML only: a bidi override would show
    versions = result["versions"]
    rows = []
    for field in FIELDS:
        cells, previous = [], None
        for i, v in enumerate(versions):
            value = v["record"].get(field)
            changed = i > 0 and field in v["changed_fields"]
            diff = word_diff(previous, value) if changed and is_long(previous, value) else None
            cells.append({"value": show(value), "changed": changed, "diff": diff})
            previous = value
        if any(c["value"] != "∅" for c in cells):
            rows.append({"field": field, "cells": cells, "ever_changed": any(c["changed"] for c in cells)})
    context = {
        "entry": result["entry"],
        "versions": versions,
        "rows": rows,
        "events": result["events"],
        "link": link,
        "feed_path": FEED_PATH,
        "chart_path": CHART_PATH,
    }
    return Response.html(await datasette.render_template("listing_entry.html", context, request=request))


async def chart_page(datasette, request):

    rows = await _db(datasette).execute(
        "SELECT coalesce(listing_title, listing_url) AS listing, listing_url, "
        "coalesce(group_month, substr(date_start, 1, 7), substr(first_seen, 1, 7)) AS month, "
        "sum(status = 'listed') AS listed, sum(status = 'removed') AS removed "
        "FROM entries GROUP BY listing_url, month ORDER BY listing_url, month"
    )
    months = sorted({r["month"] for r in rows.rows if r["month"]})[-18:]
    panels: dict[str, tuple[str, dict]] = {}
    for r in rows.rows:
        _name, by_month = panels.setdefault(r["listing_url"] or "", (r["listing"] or "(no listing)", {}))
        by_month[r["month"]] = {"listed": r["listed"], "removed": r["removed"]}
    series = (("listed", "still listed", "#1565c0"), ("removed", "removed since", "#c62828"))
    chart = small_multiples(
        [(name, [(m[2:], by.get(m, {})) for m in months]) for name, by in panels.values()],
        series=series,
        title="Entries per month per listing (the entry's month)",
        width=max(640, 40 * len(months)),
    )
    context = {"chart": chart, "months": months, "feed_path": FEED_PATH}
    return Response.html(await datasette.render_template("listing_chart.html", context, request=request))
