"""What changed between two crawls: new, changed, removed and restored entries.

Reports render the dict `diff()` returns; they never query HTML. Several crawls in
between fold into one line per entry, from its state before to its state after.
"""

from __future__ import annotations

import json
import sqlite3

from crawler.errors import ListingArchiveError
from crawler.field_table import SUMMARY_FIELDS as _ENTRY_SUMMARY
from crawler.origins import redact

from .activity import KINDS, activity
from .compare import changed_fields
from .queries import latest_complete_crawl, parse_when
from .record import SQL_CHUNK
from .removals import held_back_count
from .rows import crawl_row
from .versions import full_records

SUMMARY_FIELDS = ("version", *_ENTRY_SUMMARY)


class DiffError(ListingArchiveError, ValueError):
    pass


def resolve_crawl(conn: sqlite3.Connection, ref: str | int | None) -> dict | None:
    """A crawl id, or a date: the archive as it stood then (the last crawl started before it)."""
    if ref is None:
        return None
    ref = str(ref).strip()
    if ref.isascii() and ref.isdigit():
        crawl = crawl_row(conn, int(ref))
        if not crawl:
            raise DiffError(f"no crawl {ref} in this archive")
        return crawl
    crawl = crawl_before(conn, ref)
    if crawl is None:
        raise DiffError(f"no crawl before {ref}")
    return crawl


def crawl_before(conn: sqlite3.Connection, when: str, since: bool = False) -> dict | None:
    """The archive as it stood at a date: the last crawl started before it, or None (empty).

    A date means the start of that day (UTC), a date-time the instant itself; with
    `since`, a crawl started at that very instant belongs to what comes after."""
    try:
        moment = parse_when(when)
    except ValueError as exc:
        raise DiffError(str(exc)) from None
    cutoff = moment.start if since else moment.cutoff
    row = conn.execute(
        "SELECT id FROM crawls WHERE started_at < ? AND status != 'running' ORDER BY id DESC LIMIT 1", (cutoff,)
    ).fetchone()
    return crawl_row(conn, row[0]) if row else None


def default_pair(conn: sqlite3.Connection) -> tuple[dict | None, dict]:
    """The last two complete crawls (the first crawl is compared with an empty archive)."""
    latest = latest_complete_crawl(conn, count=2)
    if not latest:
        raise DiffError("no complete crawl in this archive yet")
    return (latest[1] if len(latest) > 1 else None), latest[0]


def latest(conn: sqlite3.Connection) -> dict:
    """The latest complete site crawl."""
    return default_pair(conn)[1]


def _states(conn, crawl_id: int | None, ids: list[str]) -> dict[str, tuple[str, dict]]:
    """Per entry: (listed|removed, record) as it stood after crawl `crawl_id`.

    The record is the entry's latest version by then; the state its last event of new (its first version),
    removed or restored by then."""
    if crawl_id is None or not ids:
        return {}
    latest, last = {}, {}
    for start in range(0, len(ids), SQL_CHUNK):
        part = ids[start : start + SQL_CHUNK]
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            "SELECT entry_id, max(version), min(CASE WHEN version = 1 THEN crawl_id END) FROM entry_versions "
            f"WHERE entry_id IN ({marks}) AND +crawl_id <= ? GROUP BY entry_id",
            [*part, crawl_id],
        )
        for eid, version, first_crawl in rows:
            latest[eid] = version
            if first_crawl is not None:
                last[eid] = ((first_crawl, 0), "new")
        rows = conn.execute(
            "SELECT entry_id, crawl_id, id, kind FROM status_events WHERE kind IN ('new', 'removed', 'restored') "
            f"AND entry_id IN ({marks}) AND crawl_id <= ?",
            [*part, crawl_id],
        )
        for eid, crawl, event_id, kind in rows:
            if eid not in last or last[eid][0] < (crawl, 1 + event_id):
                last[eid] = ((crawl, 1 + event_id), kind)
    records = full_records(conn, latest.items())
    return {
        eid: ("removed" if kind == "removed" else "listed", {**records[(eid, latest[eid])], "version": latest[eid]})
        for eid, (_, kind) in last.items()
        if eid in latest
    }


def _summary(record: dict) -> dict:
    out = {f: record.get(f) for f in SUMMARY_FIELDS}
    out["organisers"] = out["organisers"] or []
    return out


def _classify(was, now) -> list[tuple[str, dict]]:
    """[(kind, summary)] of one entry between two states: none when it did not change; a
    restored entry whose fields changed while it was gone is both restored and changed,
    as the crawl that saw it return counts it."""
    state_now, rec_now = now
    if was is None:
        return [("new", _summary(rec_now))] if state_now == "listed" else []
    state_was, rec_was = was
    if state_was == "listed" and state_now == "removed":
        return [("removed", _summary(rec_now))]
    out = []
    if state_was == "removed" and state_now == "listed":
        out.append(("restored", _summary(rec_now)))
    changed = changed_fields(rec_was, rec_now) if state_now == "listed" else []
    if changed:
        item = _summary(rec_now)
        item["changes"] = {f: [rec_was.get(f), rec_now.get(f)] for f in changed}
        out.append(("changed", item))
    return out


def _on_listing(conn, eid: str, record: dict, listing: str | None) -> bool:
    if not listing or record.get("listing_url") == listing:
        return True
    return (
        conn.execute("SELECT 1 FROM sightings WHERE entry_id=? AND listing_url=? LIMIT 1", (eid, listing)).fetchone()
        is not None
    )


def _order(e: dict):
    month = e.get("group_month")
    return (e.get("listing_url") or "", -int(month.replace("-", "")) if month else 0, e.get("title") or "")


def diff(
    conn: sqlite3.Connection,
    from_crawl: dict | None,
    to_crawl: dict,
    listing: str | None = None,
    only=None,
    allow_same: bool = False,
) -> dict:
    """Compare the archive after `from_crawl` (None: empty) with the archive after `to_crawl`.

    `allow_same`: the same crawl on both sides is an empty report."""
    lo = from_crawl["id"] if from_crawl else 0
    hi = to_crawl["id"]
    if lo > hi or (lo == hi and not allow_same):
        raise DiffError(f"crawl {lo} is not before crawl {hi}")
    ids = [  # the entries with an event in (lo, hi]: a version, or a removal or restoration
        r[0]
        for r in conn.execute(
            "SELECT entry_id FROM entry_versions WHERE crawl_id > :lo AND crawl_id <= :hi "
            "UNION SELECT entry_id FROM status_events WHERE crawl_id > :lo AND crawl_id <= :hi",
            {"lo": lo, "hi": hi},
        )
    ]
    before = _states(conn, from_crawl["id"] if from_crawl else None, ids)
    after = _states(conn, hi, ids)
    result: dict[str, list] = {k: [] for k in KINDS}
    for eid in ids:
        if eid not in after or not _on_listing(conn, eid, after[eid][1], listing):
            continue
        for kind, item in _classify(before.get(eid), after[eid]):
            if not only or kind in only:
                result[kind].append(item)
    for items in result.values():
        items.sort(key=_order)
    covered = [
        dict(r)
        for r in conn.execute(
            "SELECT id, status, suspect, source, started_at, finished_at, note FROM crawls "
            "WHERE id > ? AND id <= ? ORDER BY id",
            (lo, hi),
        )
    ]
    captures = {
        str(cid): conn.execute("SELECT count(*) FROM captures WHERE crawl_id = ?", (cid,)).fetchone()[0]
        for cid in (lo, hi)
        if cid
    }
    return {
        "from": _crawl_summary(from_crawl),
        "to": _crawl_summary(to_crawl),
        "crawls": covered,
        "partial_crawls": [c["id"] for c in covered if c["status"] != "complete" or c["suspect"]],
        # entries a crawl missed exactly between two pages, not marked removed until a second crawl misses them
        "held_back": _held_back(covered) if not only or "removed" in only else {},
        "captures": captures,
        "listing": listing,
        "counts": {k: len(v) for k, v in result.items()},
        **result,
        "activity": activity(conn, hi, listing),
    }


def _held_back(crawls: list[dict]) -> dict:
    """{crawl id: entries its note says it held back}: said only where removals are asked for (`--only new` has
    nothing they explain)."""
    return {str(c["id"]): n for c in crawls if (n := held_back_count(c["note"]))}


def _crawl_summary(crawl: dict | None) -> dict | None:
    if not crawl:
        return None
    keys = ("id", "spider", "started_at", "finished_at", "status", "suspect", "pages", "entries")
    out = {k: crawl.get(k) for k in keys}
    out["start_urls"] = [redact(url) for url in json.loads(crawl.get("start_urls") or "[]")]  # no ?token= shown
    return out


def is_empty(report: dict) -> bool:
    return not any(report[k] for k in KINDS)
