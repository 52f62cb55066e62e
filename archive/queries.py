"""Read-only questions to the archive: history, export (as of any date), search, crawls."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from crawler.errors import ListingArchiveError
from crawler.extract.profiles import document_patterns
from crawler.parsers.ids import canonical_url, document_number
from crawler.parsers.text import as_shown

from .store import entry_from_row
from .versions import field_bits, keyframe_join, records_of, whole_sql


class NotFound(ListingArchiveError, LookupError):
    pass


DATE_HELP = "use YYYY-MM-DD, YYYY-MM, YYYY or an ISO date-time such as 2026-11-28T09:30 (UTC unless it says otherwise)"
EDGES = "0001-01-01 to 9999-12-30"  # a period's end, or a date-time in UTC plus its one second, fits datetime


@dataclass(frozen=True)
class When:
    """A date option: the period it names, as strings that compare with the archive's.

    `start` is its first instant and `end` the first instant after it. A date, a month
    or a year is written as a bare date ("2026-11-28"): it sorts before every time of
    that day, and equal to an entry's own date, so one string bounds both. A date-time
    is one second long: `--until 09:30` includes what happened at 09:30:00.
    """

    start: str
    end: str
    exact: bool  # a date-time, taken as given

    @property
    def cutoff(self) -> str:
        """The archive "as it stood at" this point: the start of a day, or the instant itself."""
        return self.end if self.exact else self.start


def parse_when(value: str) -> When:
    """The one parser for every command's date options (--since, --until, --from, --to, --as-of).

    A date means the start of that day (UTC); `--until` a year, month or day includes all
    of it; a date-time is taken as given. Anything else is an error, never a silent match."""
    text = str(value).strip()
    try:
        return _period_or_moment(text)
    except OverflowError:  # a period's end or a moment in UTC falls outside datetime's years 1 to 9999
        raise ValueError(f"not a date the archive can compare: {text!r} (give one from {EDGES} UTC)") from None
    except ValueError:
        raise ValueError(f"not a date: {text!r} ({DATE_HELP})") from None


def _period_or_moment(text: str) -> When:
    """parse_when's work; a ValueError or an OverflowError where `text` is no date or one at the calendar's edge."""
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text):
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        first = date(year, month, day)
        if m[3]:
            after = first + timedelta(days=1)
        elif m[2]:  # four days after the 28th is in the next month (an OverflowError after 9999-12)
            after = (date(year, month, 28) + timedelta(days=4)).replace(day=1)
        else:
            after = date(year, 12, 31) + timedelta(days=1)
        return When(first.isoformat(), after.isoformat(), exact=False)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", text):
        raise ValueError
    parsed = datetime.fromisoformat(text)
    moment = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC).replace(microsecond=0)
    return When(moment.isoformat(), (moment + timedelta(seconds=1)).isoformat(), exact=True)


def latest_complete_crawl(conn: sqlite3.Connection, before: int | None = None, count: int = 1) -> list[dict]:
    """The latest complete site crawl(s), newest first (before crawl `before`, if given).

    A reparse is not a crawl of the site, and a partial, failed or running crawl can
    not speak for the whole listing: diff, notifications and reparse all start here."""
    rows = conn.execute(
        "SELECT * FROM crawls WHERE status = 'complete' AND source = 'site' AND id < ? ORDER BY id DESC LIMIT ?",
        (before if before is not None else 2**62, count),
    )
    return [dict(r) for r in rows]


def resolve_entry(conn: sqlite3.Connection, ref: str) -> str:
    """An entry id, a document number (WCMS_865548) or a URL -> the entry id. A number or URL that several entries
    share (entries of one page told apart by title, `WCMS_1#…`) raises Ambiguous naming them: none is picked."""
    ref = ref.strip()
    if conn.execute("SELECT 1 FROM entries WHERE entry_id=?", (ref,)).fetchone():
        return ref
    doc = document_number(ref, document_patterns(ref))
    canon = canonical_url(ref)
    found = [*_ids_under(conn, doc), *_ids_under(conn, canon)]
    if canon:
        found += [row[0] for row in _entries_by_url(conn, ref, canon)]
    found = list(dict.fromkeys(found))
    if len(found) == 1:
        return found[0]
    if found:
        raise Ambiguous(_which_ones(conn, ref, found))
    raise NotFound(
        f"no entry matches {ref!r} (give an entry id, a document number such as WCMS_865548, or the entry's URL)"
    )


class Ambiguous(NotFound):
    """A document number or URL that more than one entry answers to."""


_NAMED = 10  # ids an ambiguous reference lists on its one line


def _ids_under(conn: sqlite3.Connection, key: str | None) -> list[str]:
    """`key` itself and the ids told apart under it ("key#…"), read off the primary key's order."""
    if not key:
        return []
    rows = conn.execute(
        "SELECT entry_id FROM entries WHERE entry_id = ? OR (entry_id > ? AND entry_id < ?) ORDER BY entry_id",
        (key, key + "#", key + "$"),  # "$" is the character after "#"
    )
    return [row[0] for row in rows]


def _which_ones(conn: sqlite3.Connection, ref: str, ids: list[str]) -> str:
    """One line: how many entries `ref` matches and their ids and titles (scraped: made safe for a terminal)."""
    shown = []
    for eid in ids[:_NAMED]:
        title = conn.execute("SELECT title FROM entries WHERE entry_id=?", (eid,)).fetchone()[0]
        shown.append(f"{_one_line(eid)} ({_one_line(title)})")
    more = f" and {len(ids) - _NAMED} more" if len(ids) > _NAMED else ""
    return f"{ref!r} matches {len(ids)} entries; give one of their ids: {'; '.join(shown)}{more}"


def _one_line(text: str | None) -> str:
    return " ".join(as_shown(text or "").split())  # as reports.safety.for_terminal: no escape reaches a terminal


def _entries_by_url(conn: sqlite3.Connection, ref: str, canon: str) -> list:
    """The entries archived at URL `ref`, else at any spelling of it. SQLite scans the URLs; Python puts in canonical
    form only those that hold the address's path (canonical_url keeps the path as written)."""
    rows = conn.execute("SELECT entry_id FROM entries WHERE url = ? ORDER BY entry_id", (ref,)).fetchall()
    if rows:
        return rows
    conn.create_function("canonical_url", 1, canonical_url, deterministic=True)
    path = urlsplit(canon).path
    return conn.execute(
        "SELECT entry_id FROM entries WHERE CASE WHEN instr(url, :path) > 0 THEN canonical_url(url) = :canon END "
        "ORDER BY entry_id",
        {"path": path if path != "/" else "", "canon": canon},
    ).fetchall()


def history(conn: sqlite3.Connection, ref: str) -> dict:
    """{"entry": current state, "versions": every version oldest first, "events": ...}."""
    eid = resolve_entry(conn, ref)
    entry_row = dict(conn.execute("SELECT * FROM entries WHERE entry_id=?", (eid,)).fetchone())
    entry = entry_from_row(entry_row)
    for key in ("status", "version", "first_seen", "last_seen", "removed_at"):
        entry[key] = entry_row[key]
    versions, previous = [], None
    rows = conn.execute(
        """SELECT v.version, v.crawl_id, v.capture_id, v.seen_at, v.source, v.changed_fields, v.record,
                  c.url AS page_url
           FROM version_records v LEFT JOIN captures c ON c.id = v.capture_id WHERE v.entry_id=? ORDER BY v.version""",
        (eid,),
    )
    for row in rows:
        record = json.loads(row["record"])
        changed = json.loads(row["changed_fields"])
        versions.append(
            {
                "version": row["version"],
                "crawl_id": row["crawl_id"],
                "seen_at": row["seen_at"],
                "source": row["source"],
                "page_url": row["page_url"],
                "capture_id": row["capture_id"],
                "changed_fields": changed if previous is not None else [],
                "changes": {f: [previous.get(f), record.get(f)] for f in changed} if previous is not None else {},
                "record": record,
            }
        )
        previous = record
    events = [
        dict(r)
        for r in conn.execute("SELECT crawl_id, kind, version, at FROM events WHERE entry_id=? ORDER BY id", (eid,))
    ]
    sightings = [
        dict(r)
        for r in conn.execute(
            'SELECT crawl_id, listing_url, page_url, page, "group", position FROM sightings WHERE entry_id=? '
            "ORDER BY crawl_id DESC, listing_url LIMIT 50",
            (eid,),
        )
    ]
    return {"entry": entry, "versions": versions, "events": events, "sightings": sightings}


def export_rows(conn: sqlite3.Connection, as_of: str | None = None, include_removed: bool = False) -> Iterator[dict]:
    """The entries as they stood at `as_of` (now when None), each with its `status`. A bad `as_of` raises
    here, at the call: a generator would raise at its first row, after a writer had begun (a CSV header)."""
    if as_of is None:
        return _rows_now(conn, include_removed)
    return _rows_as_of(conn, parse_when(as_of).cutoff, include_removed)


def _rows_now(conn: sqlite3.Connection, include_removed: bool) -> Iterator[dict]:
    where = "" if include_removed else "WHERE status = 'listed'"
    for row in conn.execute(f"SELECT * FROM entries {where} ORDER BY listing_url, group_month DESC, position"):
        out = entry_from_row(dict(row))
        out["status"] = row["status"]
        yield out


def _rows_as_of(conn: sqlite3.Connection, cutoff: str, include_removed: bool) -> Iterator[dict]:
    states = _states_before(conn, cutoff)
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a million of them
    rows = cursor.execute(  # one pass over the versions in key order, each entry's latest before the cutoff
        f"""SELECT {whole_sql(field_bits(conn))}
            FROM (SELECT entry_id, max(version) AS version FROM entry_versions WHERE {_SEEN_BEFORE} GROUP BY entry_id) m
            JOIN entry_versions t ON t.entry_id = m.entry_id AND t.version = m.version {keyframe_join()}""",
        {"epoch": _epoch(cutoff), "cutoff": cutoff},
    )
    for out in records_of(rows):
        status = "removed" if states.get(out["entry_id"]) == "removed" else "listed"
        if status == "removed" and not include_removed:
            continue
        out["status"] = status
        yield out


# A version seen before the cutoff: seen_at is unix seconds (or, in a few migrated rows, text, which SQLite
# sorts after every number: only the second test can hold for it). Tested in this order, a sixth faster.
_SEEN_BEFORE = "(seen_at < :epoch OR (typeof(seen_at) = 'text' AND seen_at < :cutoff))"


def _epoch(cutoff: str) -> int:
    moment = datetime.fromisoformat(cutoff)
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def _states_before(conn: sqlite3.Connection, cutoff: str) -> dict[str, str]:
    """{entry_id: its last new, removed or restored event before the cutoff} for the entries that have one
    in status_events (the others are as their first version made them: new, so listed)."""
    last: dict[str, tuple] = {}
    rows = conn.execute(
        "SELECT entry_id, crawl_id, id, kind FROM status_events WHERE kind IN ('new', 'removed', 'restored') "
        "AND at < ? ORDER BY crawl_id, id",
        (cutoff,),
    )
    for eid, crawl_id, _, kind in rows:
        last[eid] = (crawl_id, kind)
    for eid, (crawl_id, _) in list(last.items()):  # a first version in a later crawl is the later event
        first = conn.execute(
            f"SELECT crawl_id FROM entry_versions WHERE entry_id = :eid AND version = 1 AND {_SEEN_BEFORE}",
            {"eid": eid, "epoch": _epoch(cutoff), "cutoff": cutoff},
        ).fetchone()
        if first and first[0] > crawl_id:
            last[eid] = (first[0], "new")
    return {eid: kind for eid, (_, kind) in last.items()}


class SearchSyntaxError(ListingArchiveError, ValueError):
    pass


def match_expression(query: str, raw: bool = False) -> str:
    """The FTS5 MATCH for a query. Plain words by default: every word must occur, in
    any order, and punctuation is only a separator ("COVID-19", "Lao-PDR", a lone quote
    are ordinary text; OR, NOT and NEAR are words). `raw` passes FTS5 syntax through."""
    if raw:
        if not query.strip():
            raise ValueError("the search query is empty")
        return query
    terms = re.findall(r"[\w’'-]+", query, flags=re.UNICODE)
    terms = [t for t in (t.strip("-'’") for t in terms) if t]
    firsts: dict[str, str] = {}
    terms = [firsts.setdefault(t.casefold(), t) for t in terms if t.casefold() not in firsts]  # twice: N² in FTS5
    if not terms:
        raise ValueError("the search query has no words in it")
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def like_escaped(text: str) -> str:
    """`text` as a LIKE pattern matching it literally anywhere (with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def date_window(since, until) -> tuple[str | None, str | None]:
    """(the start of --since, the end of --until), each None when not given; ValueError when the window is
    empty (`--since 2024-05 --until 2024-01` would only ever say "no matches")."""
    start, end = parse_when(since).start if since else None, parse_when(until).end if until else None
    if start and end and start >= end:
        raise ValueError(f"--since {since} is after --until {until}: no entry can be dated between them")
    return start, end


def search(
    conn: sqlite3.Connection,
    query: str,
    since=None,
    until=None,
    organiser=None,
    listing=None,
    limit: int = 50,
    raw: bool = False,
) -> list[dict]:
    """Full-text search (FTS5) over titles, descriptions and organisers, best matches first.

    Each result has its `rank` (1 is the best match) and `status` (listed or removed)."""
    filters: list[str] = []
    params: list = [match_expression(query, raw)]
    start, end = date_window(since, until)
    if start:  # an entry's bare date holds the whole day: from 2024-05-01T09:00 on, an entry of that day is in
        latest = "coalesce(e.date_end, e.date_start, e.first_seen)"
        filters.append(f"AND {latest} >= substr(?, 1, length({latest}))")
        params.append(start)
    if end:  # an entry's bare date begins at that day's midnight (UTC): --until 2024-04-30T23:59:59 ends before it
        earliest = "coalesce(e.date_start, e.first_seen)"
        midnight = f"CASE WHEN length({earliest}) = 10 THEN {earliest} || 'T00:00:00+00:00' ELSE {earliest} END"
        filters.append(f"AND ({midnight}) < ?")
        params.append(end)
    if organiser:
        filters.append("AND e.organisers LIKE ? ESCAPE '\\'")
        params.append(like_escaped(organiser))
    if listing:
        filters.append("AND e.entry_id IN (SELECT entry_id FROM sightings WHERE listing_url = ?)")
        params.append(listing)
    params.append(limit)
    # The best `limit` matches first, scored once each (bm25) and kept by a top-N sort, then their entries read:
    # a quarter faster than FTS5's `ORDER BY rank` (which sorts every match) with the entries joined. Equal
    # scores in the order the entries were first archived.
    best = (
        "SELECT entries_fts.rowid AS id, bm25(entries_fts) AS score FROM entries_fts "
        + ("JOIN entries e ON e.rowid = entries_fts.rowid " if filters else "")
        + f"WHERE entries_fts MATCH ? {' '.join(filters)} ORDER BY score, id LIMIT ?"
    )
    sql = f"SELECT e.*, best.score FROM ({best}) best JOIN entries e ON e.rowid = best.id ORDER BY best.score, best.id"
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if not raw:
            raise
        raise SearchSyntaxError(f"not a valid FTS5 query ({exc}); leave out --raw to search for plain words") from None
    out = []
    for rank, row in enumerate(rows, 1):
        entry = entry_from_row(dict(row))
        entry.update(rank=rank, status=row["status"])
        out.append(entry)
    return out


def crawls(conn: sqlite3.Connection, limit: int = 20) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", (limit,))]
