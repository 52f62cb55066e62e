"""Versions stored as what changed, read back whole (archive/versions.py), and the move to schema 4."""

import json
import sqlite3

from archive.diff import diff
from archive.queries import export_rows, history
from archive.schema import SCHEMA_VERSION
from archive.store import Archive, Sighting, integrity_ok
from archive.versions import KEYFRAME, full_records
from crawler.items import FIELDS

L1 = "https://www.ilo.org/a/lang--en/index.htm"
ROUNDS = KEYFRAME + 3  # past the second keyframe


def entry(n: int, eid="WCMS_1") -> dict:
    base = {f: None for f in FIELDS}
    base.update(
        entry_id=eid,
        url=f"https://www.ilo.org/x/{eid}/lang--en/index.htm",
        title=f"Title of {eid}" + (" (revised)" if n % 3 == 2 else ""),
        description=None if n % 4 == 3 else f"Text {n}",
        organisers=["ILO", f"Ministry {n % 2}"],
        credit_year=2000 + n % 2,
        listing_url=L1,
        position=1 + n % 5,
        language="en",
    )
    return base


def build(path, rounds=ROUNDS) -> list[dict]:
    """An archive where WCMS_1 changes every crawl and WCMS_2 never; returns WCMS_1 as each crawl saw it."""
    seen = []
    with Archive(path) as a:
        for n in range(rounds):
            session = a.begin_crawl("ilo", [L1])
            batch = [(entry(n), Sighting(L1, L1, 1)), (entry(0, "WCMS_2"), Sighting(L1, L1, 1))]
            a.record_entries(session, batch)
            a.finish_crawl(session, {L1: {"pages_fetched": 1, "complete": True}})
            seen.append(entry(n))
    return seen


def whole(record: dict) -> dict:
    return {f: record.get(f) for f in FIELDS}


def test_versions_store_what_changed_and_read_back_whole(tmp_path):
    seen = build(tmp_path / "a.db")
    with Archive(tmp_path / "a.db") as a:
        rows = a.conn.execute("SELECT version, record FROM entry_versions WHERE entry_id='WCMS_1'")
        stored = {v: json.loads(r) for v, r in rows}
        assert len(stored) == ROUNDS
        assert set(stored[2]) < set(FIELDS) and "url" not in stored[2]  # a delta
        assert stored[KEYFRAME + 1]["url"] == seen[KEYFRAME]["url"]  # a keyframe
        assert "description" in stored[4] and stored[4]["description"] is None  # emptied: stored as null
        rows = a.conn.execute("SELECT version, record FROM version_records WHERE entry_id='WCMS_1'")
        view = {v: json.loads(r) for v, r in rows}
        pairs = full_records(a.conn, [("WCMS_1", v) for v in range(1, ROUNDS + 1)])
        h = history(a.conn, "WCMS_1")["versions"]
        for v in range(1, ROUNDS + 1):
            assert whole(view[v]) == whole(pairs[("WCMS_1", v)]) == whole(h[v - 1]["record"]) == whole(seen[v - 1])
        assert h[3]["changes"]["description"] == ["Text 2", None]
        crawls = [c[0] for c in a.conn.execute("SELECT id FROM crawls ORDER BY id")]
        report = diff(a.conn, a.crawl(crawls[-2]), a.crawl(crawls[-1]))
        assert report["counts"]["changed"] == 1
        rows = {r["entry_id"]: r for r in export_rows(a.conn, "2100-01-01")}
        assert whole(rows["WCMS_1"]) == whole(seen[-1]) and whole(rows["WCMS_2"]) == whole(entry(0, "WCMS_2"))


def test_migration_from_schema_3_compacts_versions(tmp_path):
    path = tmp_path / "v3.db"
    seen = build(path)
    conn = sqlite3.connect(path)
    with conn:  # as release 3 stored them: every version whole, nulls included, no view
        for eid, version in conn.execute("SELECT entry_id, version FROM entry_versions").fetchall():
            record = entry(version - 1, eid) if eid == "WCMS_1" else entry(0, eid)
            text = json.dumps({f: record.get(f) for f in FIELDS}, ensure_ascii=False, sort_keys=True)
            conn.execute("UPDATE entry_versions SET record=? WHERE entry_id=? AND version=?", (text, eid, version))
        conn.execute('UPDATE entry_versions SET changed_fields = \'["title", "url"]\' WHERE version = 1')
        conn.execute("DROP VIEW version_records")
        conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    before = conn.execute("SELECT sum(length(record)) FROM entry_versions").fetchone()[0]
    conn.close()
    with Archive(path) as a:
        assert a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        after = a.conn.execute("SELECT sum(length(record)) FROM entry_versions").fetchone()[0]
        assert after < before / 2
        firsts = {r[0] for r in a.conn.execute("SELECT changed_fields FROM entry_versions WHERE version = 1")}
        assert firsts == {"[]"}  # a first version changed nothing: all of it is new
        h = history(a.conn, "WCMS_1")["versions"]
        assert [whole(v["record"]) for v in h] == [whole(e) for e in seen]
    assert integrity_ok(str(path))
