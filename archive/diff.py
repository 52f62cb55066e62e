"""What changed between two crawls: new, changed, removed and restored entries.

Reports render the dict `diff()` returns; they never query HTML. Several crawls in
between fold into one line per entry, from its state before to its state after.
"""

from __future__ import annotations

import json
import sqlite3


from .compare import changed_fields
from .queries import parse_when

from crawler.items import SUMMARY_FIELDS as _ENTRY_SUMMARY

SUMMARY_FIELDS = ("version", *_ENTRY_SUMMARY)


class DiffError(ValueError):
    pass


def _crawl(conn, crawl_id):
    row = conn.execute("SELECT * FROM crawls WHERE id=?", (crawl_id,)).fetchone()
    return dict(row) if row else None


def resolve_crawl(conn: sqlite3.Connection, ref: str | int | None) -> dict | None:
    """A crawl id, or a date: the last crawl that started on or before it."""
    if ref is None:
        return None
    ref = str(ref).strip()
    if ref.isdigit():
        crawl = _crawl(conn, int(ref))
        if not crawl:
            raise DiffError(f"no crawl {ref} in this archive")
        return crawl
    crawl = crawl_before(conn, ref)
    if crawl is None:
        raise DiffError(f"no crawl on or before {ref}")
    return crawl


def crawl_before(conn: sqlite3.Connection, when: str) -> dict | None:
    """The state of the archive at a date: the last crawl started by then, or None (empty)."""
    try:
        cutoff = parse_when(when)
    except ValueError as exc:
        raise DiffError(str(exc)) from None
    row = conn.execute("SELECT id FROM crawls WHERE started_at <= ? AND status != 'running' ORDER BY id DESC LIMIT 1", (cutoff,)).fetchone()
    return _crawl(conn, row[0]) if row else None


def default_pair(conn: sqlite3.Connection) -> tuple[dict | None, dict]:
    """The last two complete crawls (the first crawl is compared with an empty archive)."""
    rows = conn.execute("SELECT id FROM crawls WHERE status='complete' AND source='site' ORDER BY id DESC LIMIT 2").fetchall()
    if not rows:
        raise DiffError("no complete crawl in this archive yet")
    to = _crawl(conn, rows[0][0])
    return (_crawl(conn, rows[1][0]) if len(rows) > 1 else None), to


def _states(conn, crawl_id: int | None, ids: list[str]) -> dict[str, tuple[str, dict]]:
    """Per entry: (listed|removed, record) as it stood after crawl `crawl_id`."""
    if crawl_id is None or not ids:
        return {}
    out = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ",".join("?" * len(part))
        records = conn.execute(
            f"""SELECT entry_id, record, version FROM (
                  SELECT entry_id, record, version, row_number() OVER (PARTITION BY entry_id ORDER BY version DESC) rn
                  FROM entry_versions WHERE crawl_id <= ? AND entry_id IN ({marks})) WHERE rn = 1""",
            [crawl_id, *part],
        )
        recs = {r[0]: {**json.loads(r[1]), "version": r[2]} for r in records}
        kinds = conn.execute(
            f"""SELECT entry_id, kind FROM (
                  SELECT entry_id, kind, row_number() OVER (PARTITION BY entry_id ORDER BY id DESC) rn
                  FROM events WHERE crawl_id <= ? AND kind IN ('new', 'removed', 'restored') AND entry_id IN ({marks})) WHERE rn = 1""",
            [crawl_id, *part],
        )
        for eid, kind in kinds:
            if eid in recs:
                out[eid] = ("removed" if kind == "removed" else "listed", recs[eid])
    return out


def _summary(record: dict) -> dict:
    out = {f: record.get(f) for f in SUMMARY_FIELDS}
    out["organisers"] = out["organisers"] or []
    return out


def diff(conn: sqlite3.Connection, from_crawl: dict | None, to_crawl: dict, listing: str | None = None, only=None) -> dict:
    """Compare the archive after `from_crawl` (None: empty) with the archive after `to_crawl`."""
    lo = from_crawl["id"] if from_crawl else 0
    hi = to_crawl["id"]
    if lo >= hi:
        raise DiffError(f"crawl {lo} is not before crawl {hi}")
    ids = [r[0] for r in conn.execute("SELECT DISTINCT entry_id FROM events WHERE crawl_id > ? AND crawl_id <= ?", (lo, hi))]
    before = _states(conn, from_crawl["id"] if from_crawl else None, ids)
    after = _states(conn, hi, ids)
    result = {"new": [], "changed": [], "removed": [], "restored": []}
    for eid in ids:
        was, now = before.get(eid), after.get(eid)
        if now is None:
            continue
        state_now, rec_now = now
        if listing and rec_now.get("listing_url") != listing and not conn.execute(
            "SELECT 1 FROM sightings WHERE entry_id=? AND listing_url=? LIMIT 1", (eid, listing)
        ).fetchone():
            continue
        if was is None:
            if state_now == "listed":
                result["new"].append(_summary(rec_now))
            continue
        state_was, rec_was = was
        if state_was == "listed" and state_now == "removed":
            result["removed"].append(_summary(rec_now))
            continue
        if state_was == "removed" and state_now == "listed":
            result["restored"].append(_summary(rec_now))
        changed = changed_fields(rec_was, rec_now)
        if changed and state_now == "listed":
            item = _summary(rec_now)
            item["changes"] = {f: [rec_was.get(f), rec_now.get(f)] for f in changed}
            result["changed"].append(item)
    order = lambda e: (e.get("listing_url") or "", -(int((e.get("group_month") or "0-0").replace("-", "")) if e.get("group_month") else 0), e.get("title") or "")
    for key in result:
        result[key].sort(key=order)
    if only:
        result = {k: (v if k in only else []) for k, v in result.items()}
    covered = [dict(r) for r in conn.execute("SELECT id, status, suspect, started_at, finished_at, note FROM crawls WHERE id > ? AND id <= ? ORDER BY id", (lo, hi))]
    captures = {str(cid): conn.execute("SELECT count(*) FROM captures WHERE crawl_id = ?", (cid,)).fetchone()[0] for cid in (lo, hi) if cid}
    return {
        "from": _crawl_summary(from_crawl),
        "to": _crawl_summary(to_crawl),
        "crawls": covered,
        "partial_crawls": [c["id"] for c in covered if c["status"] != "complete" or c["suspect"]],
        "captures": captures,
        "listing": listing,
        "counts": {k: len(v) for k, v in result.items()},
        **result,
    }


def _crawl_summary(crawl: dict | None) -> dict | None:
    if not crawl:
        return None
    keys = ("id", "spider", "started_at", "finished_at", "status", "suspect", "pages", "entries")
    out = {k: crawl.get(k) for k in keys}
    out["start_urls"] = json.loads(crawl.get("start_urls") or "[]")
    return out


def is_empty(report: dict) -> bool:
    return not any(report[k] for k in ("new", "changed", "removed", "restored"))


