"""Archive at scale: 1,000,000 entries with 5 versions each across 200 crawls.

Builds the archive in bulk, then times the questions researchers ask of it:
recording a crawl of 10,000 entries of which 1% changed (through the same code a
crawl uses), the diff of that crawl, `history` of one entry, `search`, and
`export --as-of`; and compares the file's size with the entries as JSON.

    .venv/bin/python benchmarks/archive.py [--entries 1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.diff import diff  # noqa: E402
from archive.queries import export_rows, history, search  # noqa: E402
from archive.schema import transaction  # noqa: E402
from archive.store import Archive, Sighting, _ENTRY_COLUMNS, _UPSERT  # noqa: E402
from crawler.items import FIELDS  # noqa: E402

LISTING = "https://www.ilo.org/bench/lang--en/index.htm"
WORDS = "decent work migrant workers social protection skills employment labour rights youth women safety health dialogue".split()


def record(i: int, v: int) -> dict:
    e = {f: None for f in FIELDS}
    e.update(
        entry_id=f"WCMS_{i}", url=f"https://www.ilo.org/x/WCMS_{i}/lang--en/index.htm",
        title=f"{WORDS[i % 15].title()} {WORDS[(i // 15) % 15]} report {i} edition {v}",
        description=f"A description of entry {i} about {WORDS[(i * 7) % 15]} and {WORDS[(i * 11) % 15]}, version {v}.",
        date_text="16 December 2022", date_start="2022-12-16", date_end="2022-12-16", date_precision="day",
        organisers=["ILO", f"Ministry {i % 97}"], listing_url=LISTING, listing_title="Benchmark", position=i % 10 + 1, language="en",
        group="December 2022", group_month="2022-12",
    )
    return e


def build(path: str, entries: int, versions: int, crawls: int) -> None:
    a = Archive(path)
    conn = a.conn
    per_crawl = entries * versions // crawls
    with transaction(conn):
        for c in range(1, crawls + 1):
            conn.execute("INSERT INTO crawls (id, spider, start_urls, started_at, finished_at, status) VALUES (?, 'ilo', '[]', ?, ?, 'complete')",
                         (c, f"2020-01-01T00:00:{c % 60:02d}+00:00", f"2020-01-01T00:00:{c % 60:02d}+00:00"))
    # Version v of entry i lands in crawl (v * entries + i) // per_crawl + 1: entries are spread over the crawls.
    step = 50_000
    for start in range(0, entries, step):
        stop = min(entries, start + step)
        rows, vers, events = [], [], []
        for i in range(start, stop):
            for v in range(1, versions + 1):
                crawl = min(crawls, ((v - 1) * entries + i) // per_crawl + 1)
                rec = record(i, v)
                stamp = f"2021-{1 + (crawl * 11) // crawls:02d}-01T00:00:00+00:00"
                vers.append((rec["entry_id"], v, crawl, stamp, "site", json.dumps(["title"] if v > 1 else list(FIELDS)), json.dumps(rec)))
                events.append((crawl, rec["entry_id"], "new" if v == 1 else "changed", v, stamp))
            row = dict(rec, organisers=json.dumps(rec["organisers"]), status="listed", version=versions, first_seen="2021-01-01T00:00:00+00:00",
                       last_seen=stamp, first_crawl=1, last_crawl=crawls, removed_at=None, removed_crawl=None)
            rows.append(tuple(row[c] for c in _ENTRY_COLUMNS))
        with transaction(conn):
            conn.executemany(_UPSERT, rows)
            conn.executemany("INSERT INTO entry_versions (entry_id, version, crawl_id, seen_at, source, changed_fields, record) VALUES (?, ?, ?, ?, ?, ?, ?)", vers)
            conn.executemany("INSERT INTO events (crawl_id, entry_id, kind, version, at) VALUES (?, ?, ?, ?, ?)", events)
        print(f"  built {stop:,} entries", file=sys.stderr)
    with transaction(conn):  # the last crawl's sightings, so a new crawl has a listing to compare with
        conn.executemany("INSERT INTO sightings (crawl_id, entry_id, listing_url, position) VALUES (?, ?, ?, 1)",
                         ((crawls, f"WCMS_{i}", LISTING) for i in range(10_000)))
        conn.execute("INSERT INTO listing_crawls (crawl_id, listing_url, pages_fetched, complete) VALUES (?, ?, 1000, 1)", (crawls, LISTING))
    conn.execute("ANALYZE")
    a.close()


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<48} {elapsed * 1000:>10.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--crawls", type=int, default=200)
    parser.add_argument("--db", default=None, help="where to build (default: a temporary file, removed afterwards)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or os.path.join(tmp.name, "bench.db")
    start = time.perf_counter()
    build(path, args.entries, args.versions, args.crawls)
    print(f"built {args.entries:,} entries x {args.versions} versions over {args.crawls} crawls in {time.perf_counter() - start:.0f} s")
    a = Archive(path)
    batch = []
    for i in range(10_000):
        e = record(i, args.versions + (1 if i % 100 == 0 else 0))  # 1% changed
        if i % 100:
            e = record(i, args.versions)
        batch.append((e, Sighting(LISTING, LISTING, 1, e["group"], e["position"])))

    def record_crawl():
        cid = a.begin_crawl("ilo", [LISTING])
        for s in range(0, len(batch), 500):
            a.record_entries(cid, batch[s : s + 500])
        return a.finish_crawl(cid, {LISTING: {"pages_fetched": 1000, "complete": True}})

    crawl = timed("record a crawl of 10,000 entries (1% changed)", record_crawl)
    prev = a.crawl(args.crawls)
    report = timed("diff of the last crawl", lambda: diff(a.conn, prev, crawl))
    assert report["counts"]["changed"] == 100, report["counts"]
    timed("history of one entry", lambda: history(a.conn, "WCMS_4242"))
    timed("search 'migrant workers' (50 best)", lambda: search(a.conn, "migrant workers"))
    n = timed("export --as-of 2021-06-01 (all rows)", lambda: sum(1 for _ in export_rows(a.conn, "2021-06-01")))
    size = os.path.getsize(path) + (os.path.getsize(path + "-wal") if os.path.exists(path + "-wal") else 0)
    json_size = args.entries * len(json.dumps(record(1, 1)))
    print(f"as-of export returned {n:,} entries")
    print(f"file size {size / 1e6:,.0f} MB; entries as JSON (current state only) {json_size / 1e6:,.0f} MB; ratio {size / json_size:.1f}")
    a.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
