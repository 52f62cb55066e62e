"""Versions stored as what changed, read back whole (archive/versions.py), and the move to schema 4."""

import json
import sqlite3
from pathlib import Path

from archive.diff import diff
from archive.queries import export_rows, history
from archive.schema import SCHEMA_VERSION
from archive.store import Archive, Sighting, integrity_ok
from archive.versions import KEYFRAME, full_records
from crawler.field_table import FIELDS

L1 = "https://www.ilo.org/a/lang--en/index.htm"
ROUNDS = KEYFRAME + 3  # past the second keyframe


def entry_in_round(n: int, eid="WCMS_1") -> dict:
    """WCMS_1 (or `eid`) as crawl number `n` sees it: something differs every round."""
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
            batch = [(entry_in_round(n), Sighting(L1, L1, 1)), (entry_in_round(0, "WCMS_2"), Sighting(L1, L1, 1))]
            a.record_entries(session, batch)
            a.finish_crawl(session, {L1: {"pages_fetched": 1, "complete": True}})
            seen.append(entry_in_round(n))
    return seen


def whole(record: dict) -> dict:
    return {f: record.get(f) for f in FIELDS}


def test_versions_store_what_changed_and_read_back_whole(tmp_path):
    seen = build(tmp_path / "a.db")
    with Archive(tmp_path / "a.db") as a:
        rows = a.conn.execute("SELECT version, emptied, url, description FROM entry_versions WHERE entry_id='WCMS_1'")
        stored = {v: (emptied, url, description) for v, emptied, url, description in rows}
        assert len(stored) == ROUNDS
        assert stored[2][1] is None and stored[2][2] == "Text 1"  # a delta: only what differs from the keyframe
        assert stored[KEYFRAME + 1][1] == seen[KEYFRAME]["url"]  # a keyframe: whole
        assert stored[4][2] is None and stored[4][0] != 0  # emptied: NULL, and said so in `emptied`
        rows = a.conn.execute("SELECT version, record, title FROM version_records WHERE entry_id='WCMS_1'")
        view = {v: (json.loads(r), title) for v, r, title in rows}
        pairs = full_records(a.conn, [("WCMS_1", v) for v in range(1, ROUNDS + 1)])
        h = history(a.conn, "WCMS_1")["versions"]
        for v in range(1, ROUNDS + 1):
            assert whole(view[v][0]) == whole(pairs[("WCMS_1", v)]) == whole(h[v - 1]["record"]) == whole(seen[v - 1])
            assert view[v][1] == seen[v - 1]["title"]  # each field whole as a column of the view too
        assert h[3]["changes"]["description"] == ["Text 2", None]
        crawls = [c[0] for c in a.conn.execute("SELECT id FROM crawls ORDER BY id")]
        report = diff(a.conn, a.crawl(crawls[-2]), a.crawl(crawls[-1]))
        assert report["counts"]["changed"] == 1
        rows = {r["entry_id"]: r for r in export_rows(a.conn, "2100-01-01")}
        assert whole(rows["WCMS_1"]) == whole(seen[-1]) and whole(rows["WCMS_2"]) == whole(entry_in_round(0, "WCMS_2"))


def test_migration_from_schema_3_compacts_versions(tmp_path):
    """Release 3 stored every version whole, nulls included: 3 -> 4 -> 5 reads every version as before."""
    schema4 = Path(__file__).resolve().parent / "schema4"
    expected = json.loads((schema4 / "expected.json").read_text(encoding="utf-8"))["history"]
    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path)
    conn.executescript((schema4 / "archive.sql").read_text(encoding="utf-8"))
    with conn:
        for eid, h in expected.items():
            for v in h["versions"]:
                text = json.dumps({f: v["record"].get(f) for f in FIELDS}, ensure_ascii=False, sort_keys=True)
                conn.execute(
                    "UPDATE entry_versions SET record=? WHERE entry_id=? AND version=?", (text, eid, v["version"])
                )
        conn.execute('UPDATE entry_versions SET changed_fields = \'["title", "url"]\' WHERE version = 1')
        conn.execute("DROP VIEW version_records")
        conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    conn.close()
    with Archive(path) as a:
        assert a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        firsts = {r[0] for r in a.conn.execute("SELECT changed_fields FROM version_records WHERE version = 1")}
        assert firsts == {"[]"}  # a first version changed nothing: all of it is new
        stored = a.conn.execute("SELECT count(*) FROM entry_versions WHERE version % 8 != 1 AND url IS NOT NULL")
        assert stored.fetchone()[0] == 0  # between keyframes, only what changed (the URL never does here)
        for eid, h in expected.items():
            assert history(a.conn, eid)["versions"] == h["versions"]
    assert integrity_ok(str(path))


def test_as_of_reads_versions_whose_seen_at_a_migration_kept_as_text(tmp_path):
    """seen_at is unix seconds, but a migrated time that seconds cannot say exactly stays text: both count."""
    with Archive(tmp_path / "a.db") as a:
        for n in range(3):
            cid = a.begin_crawl("ilo", [L1])
            a.record_entries(cid, [(entry_in_round(n), Sighting(L1))])
            a.finish_crawl(cid, {L1: {"pages_fetched": 1, "complete": True}})
        stamps = {1: 1_672_531_200, 2: "2023-03-01T09:30:00.250000+00:00", 3: "2023-06-01T00:00:00.5+00:00"}
        for version, stamp in stamps.items():
            a.conn.execute("UPDATE entry_versions SET seen_at = ? WHERE version = ?", (stamp, version))

        def title_as_of(when):
            return [(r["title"], r["description"]) for r in export_rows(a.conn, when)]

        assert title_as_of("2022-12-31") == []
        assert title_as_of("2023-03-01") == [(entry_in_round(0)["title"], "Text 0")]
        assert title_as_of("2023-03-02") == [(entry_in_round(1)["title"], "Text 1")]
        assert title_as_of("2023-06-01") == [(entry_in_round(1)["title"], "Text 1")]  # the start of that day: not yet
        assert title_as_of("2023-06-01T00:00:00") == [(entry_in_round(2)["title"], "Text 2")]  # that second: seen


def test_lists_are_stored_as_json_writes_them_without_building_an_encoder_each(tmp_path, monkeypatch):
    """An entry's organisers went to JSON twice a new entry (its row, its first version), and JSONEncoder.encode
    builds json's C encoder anew for each call (docs/benchmarks.md, eleventh pass): a list of strings is written
    as json.dumps writes it, without it; the text is the same."""
    import json.encoder
    import random

    from archive.rows import list_json, row_from_entry
    from archive.versions import stored_fields

    rng = random.Random(12)
    alphabet = ["a", "É", " ", '"', "\\", "\n", "\x00", "\u2028", "\ud800", "😀", "/"]
    values = [[], ["ILO"], [1, "a"], ["a", None], ("a",), {"a": ["b"]}, "x", None, [["a"]], 2.5]
    values += [
        ["".join(rng.choices(alphabet, k=rng.randrange(6))) for _ in range(rng.randrange(4))] for _ in range(500)
    ]
    for value in values:
        assert list_json(value) == json.dumps(value, ensure_ascii=False), value
    built = []
    make = json.encoder.c_make_encoder
    monkeypatch.setattr(json.encoder, "c_make_encoder", lambda *args: built.append(1) or make(*args))
    new = entry_in_round(1)
    row, version = row_from_entry(new), stored_fields(1, new, None, {})
    assert built == []
    assert row["organisers"] == '["ILO", "Ministry 1"]' and '["ILO", "Ministry 1"]' in version
    assert len(build(tmp_path / "a.db", rounds=2)) == 2
