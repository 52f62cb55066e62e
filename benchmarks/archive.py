"""Archive at scale: entries with several versions each across many crawls.

Builds the archive in bulk (versions stored as archive/versions.py stores them), then
times the questions researchers ask of it: recording a crawl of 10,000 entries of
which 1% changed (through the same code a crawl uses), the diff of that crawl,
`history` of one entry, `search` (50 best), and `export --as-of`; each the median of
three runs. Compares the file's size with the current entries as JSON and lists the
size of each table and index (SQLite's dbstat), then packs the file as `listing-archive compact` does.

    .venv/bin/python benchmarks/archive.py [--entries 1000000] [--versions 5] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.activity import keep_counts
from archive.compact import compact
from archive.diff import diff
from archive.queries import export_rows, history, search
from archive.rows import ENTRY_COLUMNS
from archive.schema import transaction
from archive.store import Archive, Sighting
from archive.upsert import UPSERT
from archive.versions import field_bits, insert_sql, is_keyframe, stored_fields, to_epoch, to_mask
from crawler.field_table import FIELDS

LISTING = "https://www.ilo.org/bench/lang--en/index.htm"
WORDS = (
    "decent work migrant workers social protection skills employment labour rights youth women safety health dialogue"
)
WORDS = WORDS.split()
_VERSION = insert_sql()


def record(i: int, v: int) -> dict:
    e = {f: None for f in FIELDS}
    e.update(
        entry_id=f"WCMS_{i}",
        url=f"https://www.ilo.org/x/WCMS_{i}/lang--en/index.htm",
        title=f"{WORDS[i % 15].title()} {WORDS[(i // 15) % 15]} report {i} edition {v}",
        description=f"A description of entry {i} about {WORDS[(i * 7) % 15]} and {WORDS[(i * 11) % 15]}, version {v}.",
        date_text="16 December 2022",
        date_start="2022-12-16",
        date_end="2022-12-16",
        date_precision="day",
        organisers=["ILO", f"Ministry {i % 97}"],
        listing_url=LISTING,
        listing_title="Benchmark",
        position=i % 10 + 1,
        language="en",
        group="December 2022",
        group_month="2022-12",
    )
    return e


def _entry_rows(i: int, versions: int, entries: int, crawls: int, per_crawl: int, bits: dict):
    """The version and entries rows of entry i, as the archive stores them (the versions are the new and
    changed events)."""
    vers, previous, keyframe, stamp = [], None, None, None
    for v in range(1, versions + 1):
        # Version v of entry i lands in crawl (v * entries + i) // per_crawl + 1: entries are spread over the crawls.
        crawl = min(crawls, ((v - 1) * entries + i) // per_crawl + 1)
        rec = record(i, v)
        stamp = f"2021-{1 + (crawl * 11) // crawls:02d}-01T00:00:00+00:00"
        changed = to_mask(["title", "description"] if v > 1 else [], bits)
        head = (rec["entry_id"], v, crawl, None, to_epoch(stamp), changed)
        vers.append(head + stored_fields(v, rec, keyframe, bits))
        keyframe = rec if is_keyframe(v) else keyframe
        previous = rec
    row = dict(
        previous,
        organisers=json.dumps(previous["organisers"]),
        status="listed",
        version=versions,
        first_seen="2021-01-01T00:00:00+00:00",
        last_seen=stamp,
        first_crawl=1,
        last_crawl=crawls,
        removed_at=None,
        removed_crawl=None,
    )
    return vers, tuple(row[c] for c in ENTRY_COLUMNS)


def build(path: str, entries: int, versions: int, crawls: int, order: str = "key") -> None:
    a = Archive(path)
    conn = a.conn
    per_crawl = max(1, entries * versions // crawls)
    with transaction(conn):
        for c in range(1, crawls + 1):
            stamp = f"2020-01-01T00:00:{c % 60:02d}+00:00"
            conn.execute(
                "INSERT INTO crawls (id, spider, start_urls, started_at, finished_at, status) "
                "VALUES (?, 'ilo', '[]', ?, ?, 'complete')",
                (c, stamp, stamp),
            )
    step, bits = 50_000, field_bits(conn)
    for start in range(0, entries, step):  # the entries in the order they were first seen
        rows = [
            _entry_rows(i, versions, entries, crawls, per_crawl, bits)[1]
            for i in range(start, min(entries, start + step))
        ]
        with transaction(conn):
            conn.executemany(UPSERT, rows)
        print(f"  built {min(entries, start + step):,} entries", file=sys.stderr)
    ids = sorted(range(entries), key=lambda i: f"WCMS_{i}")  # the versions in key order (a bulk load)
    grown = []
    for start in range(0, entries, step):
        vers = [
            v for i in ids[start : start + step] for v in _entry_rows(i, versions, entries, crawls, per_crawl, bits)[0]
        ]
        if order == "crawl":
            grown += vers
            continue
        with transaction(conn):
            conn.executemany(_VERSION, vers)
        print(f"  built the versions of {min(entries, start + step):,} entries", file=sys.stderr)
    grown.sort(key=lambda row: (row[2], row[0]))  # or as crawls add them, crawl after crawl
    for start in range(0, len(grown), step):
        with transaction(conn):
            conn.executemany(_VERSION, grown[start : start + step])
    with transaction(conn):  # the last crawl's sightings, so a new crawl has a listing to compare with
        conn.executemany(
            "INSERT INTO sightings (crawl_id, entry_id, listing_url, position) VALUES (?, ?, ?, 1)",
            ((crawls, f"WCMS_{i}", LISTING) for i in range(min(entries, 10_000))),
        )
        conn.execute(
            "INSERT INTO listing_crawls (crawl_id, listing_url, pages_fetched, complete) VALUES (?, ?, 1000, 1)",
            (crawls, LISTING),
        )
    with transaction(conn):  # each crawl's chart counts, as finishing it keeps them
        for c in range(1, crawls + 1):
            keep_counts(conn, c)
    conn.execute("ANALYZE")
    a.close()


def timed(label: str, fn, runs: int = 3):
    """Run fn `runs` times; print the median; return the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"{label:<52} {statistics.median(times) * 1000:>10.1f} ms")
    return result


def sizes(conn) -> list[tuple[str, int]]:
    """(table or index, bytes) from dbstat, largest first."""
    rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    return [(r[0], r[1]) for r in rows]


def crawl_batch(entries: int, versions: int) -> list:
    batch = []
    for i in range(min(entries, 10_000)):
        e = record(i, versions + (1 if i % 100 == 0 else 0))  # 1% changed
        batch.append((e, Sighting(LISTING, LISTING, 1, e["group"], e["position"])))
    return batch


def questions(a: Archive, args) -> None:
    batch = crawl_batch(args.entries, args.versions)

    def record_crawl():
        session = a.begin_crawl("ilo", [LISTING])
        for s in range(0, len(batch), 500):
            a.record_entries(session, batch[s : s + 500])
        return a.finish_crawl(session, {LISTING: {"pages_fetched": 1000, "complete": True}})

    crawl = timed("record a crawl of 10,000 entries (1% changed)", record_crawl, runs=1)
    prev = a.crawl(args.crawls)
    report = timed("diff of that crawl", lambda: diff(a.conn, prev, crawl))
    assert report["counts"]["changed"] == len(batch) // 100, report["counts"]
    changed_one = f"WCMS_{min(4200, args.entries // 200 * 100)}"  # one the crawl changed (every 100th), at any size
    found = timed("history of one entry", lambda: history(a.conn, changed_one))
    assert len(found["versions"]) == args.versions + 1 and found["versions"][-1]["record"]["title"], found["versions"]
    timed("search 'migrant workers' (50 best)", lambda: search(a.conn, "migrant workers"))
    n = timed("export --as-of 2021-06-01 (all rows)", lambda: sum(1 for _ in export_rows(a.conn, "2021-06-01")))
    print(f"as-of export returned {n:,} entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--crawls", type=int, default=200)
    parser.add_argument(
        "--order",
        choices=("key", "crawl"),
        default="key",
        help="insert versions in key order (a bulk load; default) or crawl by crawl, as an archive grows "
        "(pages fill less until VACUUM; holds every version in memory: for 100,000 entries or fewer)",
    )
    parser.add_argument("--db", default=None, help="where to build (default: a temporary file, removed afterwards)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or os.path.join(tmp.name, "bench.db")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    start = time.perf_counter()
    build(path, args.entries, args.versions, args.crawls, args.order)
    print(
        f"built {args.entries:,} entries x {args.versions} versions over {args.crawls} crawls "
        f"in {time.perf_counter() - start:.0f} s"
    )
    a = Archive(path)
    questions(a, args)
    a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(path)
    json_size = sum(len(json.dumps(record(i, args.versions))) for i in range(args.entries))
    print(
        f"file size {size / 1e6:,.0f} MB; current entries as JSON {json_size / 1e6:,.0f} MB; "
        f"ratio {size / json_size:.2f}"
    )
    for name, nbytes in sizes(a.conn):
        if nbytes >= size / 1000:
            print(f"  {name:<36} {nbytes / 1e6:>9.1f} MB {nbytes / size * 100:>5.1f}%")
    start = time.perf_counter()  # the same archive with its pages packed, as `listing-archive compact` packs it
    packed = compact(a.conn, path).bytes_after
    print(f"after compact ({time.perf_counter() - start:.0f} s) {packed / 1e6:,.0f} MB; ratio {packed / json_size:.2f}")
    a.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
