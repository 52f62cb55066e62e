"""Re-run today's parsers over stored captures, without the network.

The versions this produces are recorded as coming from a parser change
(`source = 'reparse'`), never from the site, and a reparse marks nothing removed.
A reparse of an older crawl changes only entries no later crawl saw (archive.superseded):
the others keep their current values, and the reparse says how many it left alone.

Pages are parsed on every core: a process pool parses the stored pages (in capture
order) while this process writes what comes back, one batch at a time, through the
same archive code a crawl uses. A few pages are parsed here, without a pool.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from itertools import islice

from crawler.cut_short import cut_off
from crawler.entries import build_entries
from crawler.errors import ListingArchiveError
from crawler.extract import extract_page
from crawler.extract.html import decode_html
from crawler.extract.pointer_words import is_generic_text
from crawler.extract.profiles import ProfileError, choose_profile, get_profile
from crawler.extract.scripted import HINT as BROWSER_HINT
from crawler.extract.scripted import builds_list_in_browser
from crawler.gc_threshold import collect_less_often, collecting_less_often
from crawler.listing_state import ListingState
from crawler.parse_pool import exit_with_parent, generic_prose_links, note_read
from crawler.validation import checked_entry
from crawler.wording import counted

from .bodies import decompress, stored_body
from .queries import latest_complete_crawl
from .record import NOT_WHOLE, RENDERED, SQL_CHUNK, rendered_captures
from .store import Archive, Sighting
from .writefaults import describe


@collecting_less_often()  # as a crawl: the parse's many short-lived objects (crawler/gc_threshold.py)
def reparse(archive: Archive, crawl_id: int | None = None, workers: int | None = None, stopped=None) -> dict:
    """Reparse the captures of one crawl (default: the latest complete site crawl) on `workers`
    processes (default: one a core). Returns the new crawl's row, with `seconds` and `pages_per_s`.

    `stopped()` says why to stop (e.g. "SIGINT"), or None: looked at after each page; a stopped
    reparse keeps what it read and closes its crawl partial, with `stopped` and `read` in the row."""
    conn = archive.conn
    source = _source_crawl(archive, crawl_id)
    crawl_id = source["id"]
    profile_name, listing_profiles = _profiles_read_with(source)
    captures = _stored_pages(conn, source)
    archive.close_stale_crawls()  # a reparse killed before (kill -9) was left running; the lock says none runs
    new_id = archive.begin_crawl(
        source["spider"],
        json.loads(source["start_urls"]),
        {
            "reparse_of": crawl_id,
            "profile": profile_name,
            **({"listing_profiles": listing_profiles} if listing_profiles else {}),
        },
        source="reparse",
    )
    started = time.perf_counter()
    jobs = (_job(cap, profile_name, listing_profiles) for cap in captures)
    progress = {"read": 0, "feed_pages": _fed_pages(conn, captures), "feed_kept": set()}
    try:
        listings, why = _record(archive, new_id, _parsed(archive, jobs, len(captures), workers), stopped, progress)
        read = progress["read"]
        note = _note(new_id, source, why, read, len(captures), progress["feed_kept"])
        crawl = archive.finish_crawl(new_id, listings, status="partial" if why else "complete", note=note)
    except (sqlite3.Error, OSError) as exc:  # a full disk, an I/O error: each batch was its own transaction
        raise _write_failed(archive, new_id, exc, progress["read"], len(captures)) from None
    elapsed = time.perf_counter() - started
    held = {"held": len(new_id.held), "held_differ": len(new_id.held_differ), "held_note": held_note(new_id, crawl_id)}
    held["feed_note"], held["unfinished_note"] = feed_note(progress["feed_kept"]), unfinished_note(source)
    rendered = rendered_captures(conn, crawl_id)  # their stored body is a browser's DOM, read as such
    return {
        **crawl,
        **held,
        "seconds": elapsed,
        "pages_per_s": len(captures) / elapsed if elapsed else 0.0,
        "rendered": rendered,
        "stopped": why,
        "read": read,
        "stored": len(captures),
    }


def _job(cap, profile_name: str, listing_profiles: dict) -> tuple:
    """What parse_capture needs of the capture `cap`, but its body."""
    listing_url = cap["listing_url"] or cap["url"]
    return (cap["url"], listing_url, cap["page"], cap["id"], listing_profiles.get(listing_url, profile_name)) + (
        cap["fetched_at"],
        bool(cap["rendered"]),
        cap["not_whole"],
    )


def _fed_pages(conn, captures) -> set:
    """The captures whose entries a crawl reconciled with the site's feed (crawler/spiders/feeds.py): every
    page of a listing ever read with its feed, since a page that answered 304 was not parsed, nor its feed read."""
    fed = {
        row[0]
        for row in conn.execute("SELECT DISTINCT coalesce(listing_url, url) FROM captures WHERE feed_url IS NOT NULL")
    }
    return {cap["id"] for cap in captures if cap["feed_url"] or (cap["listing_url"] or cap["url"]) in fed}


# A crawl still marked running when a reparse holds the archive's lock: its process is gone (as `crawls` says).
DID_NOT_FINISH = "did not finish (its process is gone: killed, or the machine stopped)"


def _stored_pages(conn, source: dict) -> list:
    """The captures of the crawl `source` a reparse reads; ValueError when it stored none (a reparse of it would
    be a "complete" of nothing), saying whether it failed or did not finish."""
    captures = conn.execute(
        "SELECT id, url, listing_url, page, fetched_at, feed_url, json_extract(headers, ?) IS NOT NULL AS rendered, "
        "json_extract(headers, ?) AS not_whole "
        "FROM captures "
        "WHERE crawl_id=? AND status IN (200, 304) AND digest IS NOT NULL ORDER BY id",
        (f'$."{RENDERED}"', f'$."{NOT_WHOLE}"', source["id"]),
    ).fetchall()
    if not captures:
        state = DID_NOT_FINISH + " and" if source["status"] == "running" else f"({source['status']})"
        raise ValueError(f"crawl {source['id']} {state} stored no pages: nothing to reparse")
    return captures


def unfinished_note(source: dict) -> str | None:
    """What a reparse says of a crawl killed before it finished (kill -9 leaves its row 'running')."""
    if source["status"] != "running":
        return None
    return f"crawl {source['id']} {DID_NOT_FINISH}: only the pages it stored before it stopped were read"


def _note(session, source: dict, why: str | None, read: int, stored: int, feed_kept: set) -> str:
    said = f"reparse of crawl {source['id']} with this release's parsers"
    if why:
        said += f": stopped by {why} after {read} of {counted(stored, 'stored page')} (reparse again to read them all)"
    notes = [said, unfinished_note(source), held_note(session, source["id"]), feed_note(feed_kept)]
    return "; ".join(filter(None, notes))


def feed_note(kept: set) -> str | None:
    if not kept:
        return None
    return (
        f"{counted(len(kept), 'entry')} keep{'s' if len(kept) == 1 else ''} the titles and dates their crawl read "
        "from the site's feed "
        "(a reparse fetches nothing: the page alone does not show them)"
    )


# What the feed fills in an entry the page leaves without (crawler.extract.feed.reconcile).
FEED_FIELDS = ("title", "date_text", "date_start", "date_end", "date_precision")


def _keep_feed_fields(conn, entries: list, feed_pages: set, kept: set) -> None:
    """Entries of a page the crawl reconciled with the site's feed: a title or date today's parse of the page
    lacks (the feed gave it) is kept as stored, never emptied by a reparse, which cannot read the feed."""
    for entry, sighting in entries:
        if sighting.capture_id not in feed_pages:
            continue
        lacks_title = not entry.get("title") or is_generic_text(entry.get("title"))
        if not (lacks_title or not entry.get("date_start")):
            continue
        stored = conn.execute(
            "SELECT title, date_text, date_start, date_end, date_precision FROM entries WHERE entry_id = ?",
            (entry["entry_id"],),
        ).fetchone()
        if stored is None:
            continue
        if lacks_title and stored["title"]:
            entry["title"] = stored["title"]
            kept.add(entry["entry_id"])
        if not entry.get("date_start") and stored["date_start"]:
            entry.update({field: stored[field] for field in FEED_FIELDS[1:]})
            kept.add(entry["entry_id"])


class ReparseWriteFailed(ListingArchiveError, RuntimeError):
    """The archive could not be written mid-reparse (a full disk): what was written before is kept."""


def _write_failed(archive: Archive, session, exc: BaseException, read: int, stored: int) -> ReparseWriteFailed:
    """Close the reparse's crawl as failed if the archive lets us (else the next reparse or crawl does),
    and say in one line what happened and what is kept."""
    why = describe(exc)
    try:
        archive.fail_crawl(session.crawl_id, f"reparse stopped after {read} of {counted(stored, 'stored page')}: {why}")
        closed = "its crawl is closed failed"
    except (sqlite3.Error, OSError):
        closed = "its crawl is closed failed by the next reparse or crawl"
    return ReparseWriteFailed(
        f"{archive.path}: reparse #{session.crawl_id} stopped after {read} of {counted(stored, 'stored page')}: {why}; "
        f"what it wrote before is kept and the archive is intact ({closed}); make room and reparse again"
    )


def _record(archive: Archive, session, parsed, stopped, progress: dict) -> tuple[dict[str, ListingState], str | None]:
    """Write what the parsers read, batch by batch: (each listing's state, why it stopped or None);
    `progress["read"]` counts the pages read."""
    listings: dict[str, ListingState] = {}
    batch: list = []
    why = None
    try:
        for listing_url, entries, how in parsed:
            _keep_feed_fields(archive.conn, entries, progress["feed_pages"], progress["feed_kept"])
            batch += entries
            state = listings.setdefault(listing_url, ListingState())
            state.pages_fetched += 1
            note_read(state, *how)
            progress["read"] += 1
            if len(batch) >= SQL_CHUNK:
                archive.record_entries(session, batch)
                batch = []
            if stopped is not None and (why := stopped()):
                break
    finally:
        parsed.close()  # the pool's pages not yet begun are dropped, not waited for
    if batch:
        archive.record_entries(session, batch)
    return listings, why


def _source_crawl(archive: Archive, crawl_id: int | None) -> dict:
    """The site crawl whose pages are read: `crawl_id`, else the latest complete one; ValueError saying why not."""
    if crawl_id is None:
        latest = latest_complete_crawl(archive.conn)
        if not latest:
            raise ValueError("no complete crawl to reparse")
        crawl_id = latest[0]["id"]
    source = archive.crawl(crawl_id)
    if not source:
        raise ValueError(f"no crawl {crawl_id} in this archive")
    if source.get("source") != "site":
        of = json.loads(source.get("settings") or "{}").get("reparse_of")
        raise ValueError(
            f"crawl {crawl_id} is a reparse: it fetched no pages of its own" + (f" (reparse crawl {of})" if of else "")
        )
    return source


def _profiles_read_with(source: dict) -> tuple[str, dict]:
    """The profile the crawl read its pages with, and a config's listings' own ({listing URL: profile}).
    Each profile file is read now, before a reparse crawl begins: one deleted, moved or broken since is named
    with its listing, rather than failing in a parse process and leaving a reparse crawl running."""
    recorded = json.loads(source.get("settings") or "{}")
    profile_name = recorded.get("profile") or ("ilo" if source["spider"] == "ilo" else "auto")
    listing_profiles = recorded.get("listing_profiles") or {}
    read_with = {url: profile_name for url in json.loads(source["start_urls"])} | listing_profiles
    for listing, name in sorted(read_with.items()):
        try:
            get_profile(name)
        except ProfileError as exc:
            raise ProfileError(
                f"crawl {source['id']} read {listing} with the profile {name}, which cannot be read now ({exc}): "
                "put the file back where it was to reparse; nothing was changed"
            ) from None
    return profile_name, listing_profiles


def held_note(session, crawl_id: int) -> str | None:
    """What a reparse of older pages left alone, and why (None when it left nothing)."""
    if not session.held:
        return None
    return (
        f"{counted(len(session.held), 'entry')} {'was' if len(session.held) == 1 else 'were'} seen by a crawl after "
        f"crawl {crawl_id}: their current values are left "
        f"as they stand (reparse the latest crawl to update them); today's parsers read {len(session.held_differ)} "
        f"of them differently from what crawl {crawl_id} recorded"
    )


log = logging.getLogger(__name__)

# Fewer pages than this are parsed in this process: a pool costs more than it saves.
POOL_MIN_PAGES = 64


# Pages handed to the pool at a time: bounds the memory that bodies waiting to be parsed take.
WINDOW = 512


def _parsed(archive: Archive, jobs, count: int, workers: int | None):
    """(listing url, [(entry, sighting)]) for each job, in order: parsed in a pool when it pays."""
    workers = workers or os.cpu_count() or 1
    with_bodies = ((*job, _stored_body(archive, job[3])) for job in jobs)  # the body last
    if workers < 2 or count < POOL_MIN_PAGES:
        yield from map(parse_capture, with_bodies)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_leave_ctrl_c_to_parent)
    try:
        while window := list(islice(with_bodies, WINDOW)):
            done = 0
            try:
                for result in pool.map(parse_capture, window, chunksize=8):
                    done += 1
                    yield result
            except BrokenProcessPool as exc:  # a worker killed (out of memory, kill -9, SIGTERM to the group)
                log.warning("a parse worker stopped (%s); the pages left are parsed in this process", exc)
                yield from map(parse_capture, window[done:])
                yield from map(parse_capture, with_bodies)
                return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_ctrl_c_to_parent() -> None:
    """Each pool worker: Ctrl-C reaches the whole process group; the reparse stops itself, then its pool.
    SIGTERM ends a worker, as the pool expects when one of them dies (it ends the others with it): a worker
    forked with the reparse's own handler would ignore it, and the reparse would wait for it for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    exit_with_parent()  # a reparse killed with SIGKILL: its workers would hold the archive's lock for ever
    collect_less_often()  # as the crawl's parse worker


def _stored_body(archive: Archive, capture_id: int) -> tuple | None:
    """The page as stored (compressed, with its dictionary): the worker decompresses it."""
    return stored_body(archive.conn, capture_id)


def parse_capture(job: tuple) -> tuple[str, list, tuple]:
    """In a worker: one stored page to its listing, its checked entries with their sightings, and how
    it read (crawler.parse_pool.note_read's arguments: the health checks judge a reparse as a crawl)."""
    url, listing_url, page_number, capture_id, profile_name, fetched_at, rendered, not_whole, stored = job
    body = decompress(*stored) if stored is not None else b""
    profile = choose_profile(profile_name, url)
    captured = _when(fetched_at)  # "3 hours ago" counts back from the capture, not from today
    page = extract_page(body, url, profile or "auto", now=captured)
    built = build_entries(page, url, listing_url, profile, now=captured)
    built = built[:-1] if cut_off(not_whole) else built  # its crawl judged it cut short: the last entry too, maybe
    entries = filter(None, map(checked_entry, built))
    where = (listing_url, url, page_number)
    start_page = page_number == 1 or url == listing_url
    text = decode_html(body) if body else ""
    # A page as fetched whose list a browser builds says so, as in the crawl (a rendered one holds the built DOM).
    load_more = profile.load_more if profile else ""
    built_by_browser = not rendered and builds_list_in_browser(text, len(built), page.page_links, load_more)
    read = (start_page, page.extractor, len(built), tuple(page.script_page_links), generic_prose_links(text, page))
    read += (BROWSER_HINT if built_by_browser else None,)
    return listing_url, [(e, Sighting(*where, e["group"], e["position"], capture_id)) for e in entries], read


def _when(fetched_at: str | None):
    try:
        return datetime.fromisoformat(fetched_at) if fetched_at else None
    except ValueError:
        return None
