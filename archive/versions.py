"""How an entry's versions are stored, and the one way to read them back whole.

`entry_versions.record` holds the whole record (JSON, empty fields left out) at every
KEYFRAME-th version (1, 9, 17, ...) and, in between, only the fields that differ from
the version before (a field that empties is stored as null). A version's full record
is its keyframe's record with each later stored record laid over it in order.

Readers never rebuild that themselves. They use one of:
- the SQL view `version_records`: every column of entry_versions, `record` whole;
- `merged(previous, stored, version)`: walking one entry's versions oldest first;
- `full_records(conn, pairs)`: the whole records of some (entry_id, version) pairs.

A full record stored where a delta could be (an archive written before schema 4, or
rewritten by hand) reads the same: laying a whole record over another gives it back.
"""

from __future__ import annotations

import json

from crawler.items import FIELDS

KEYFRAME = 8
_CHUNK = 400


def is_keyframe(version: int) -> bool:
    return (version - 1) % KEYFRAME == 0


def stored_record(version: int, record: dict, previous: dict | None) -> str:
    """The text stored for `version` of an entry whose previous version read `previous`."""
    if previous is None or is_keyframe(version):
        whole = {f: record.get(f) for f in FIELDS if record.get(f) is not None}
        return json.dumps(whole, ensure_ascii=False, sort_keys=True)
    delta = {f: record.get(f) for f in FIELDS if record.get(f) != previous.get(f)}
    return json.dumps(delta, ensure_ascii=False, sort_keys=True)


def merged(previous: dict | None, stored: str, version: int) -> dict:
    """Version `version`'s full record, from the full record of the version before it and its stored text."""
    record = {f: None for f in FIELDS} if previous is None or is_keyframe(version) else dict(previous)
    record.update(json.loads(stored))
    return record


def _view_sql() -> str:
    """`version_records`: entry_versions with every record whole (joins the versions since the keyframe)."""
    offset = f"(t.version - 1) % {KEYFRAME}"
    joins = [
        f"LEFT JOIN entry_versions k0 ON {offset} > 0 AND k0.entry_id = t.entry_id "
        f"AND k0.version = t.version - {offset}"
    ]
    record = "k0.record"
    for j in range(1, KEYFRAME - 1):
        joins.append(
            f"LEFT JOIN entry_versions k{j} ON {offset} > {j} AND k{j}.entry_id = t.entry_id "
            f"AND k{j}.version = k0.version + {j}"
        )
        record = f"json_patch({record}, coalesce(k{j}.record, '{{}}'))"
    return (
        "CREATE VIEW IF NOT EXISTS version_records AS\n"
        "SELECT t.id, t.entry_id, t.version, t.crawl_id, t.capture_id, t.seen_at, t.source, t.changed_fields,\n"
        f"  CASE WHEN {offset} = 0 THEN t.record ELSE json_patch({record}, t.record) END AS record\n"
        "FROM entry_versions t\n" + "\n".join(joins) + ";"
    )


VIEW_SQL = _view_sql()


def full_records(conn, pairs) -> dict[tuple[str, int], dict]:
    """{(entry_id, version): full record} for the pairs given (those that exist)."""
    wanted: dict[str, set[int]] = {}
    for eid, version in pairs:
        wanted.setdefault(eid, set()).add(int(version))
    out: dict[tuple[str, int], dict] = {}
    ids = list(wanted)
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        low = min(v - (v - 1) % KEYFRAME for eid in part for v in wanted[eid])
        rows = conn.execute(
            f"SELECT entry_id, version, record FROM entry_versions WHERE entry_id IN ({','.join('?' * len(part))}) "
            "AND version >= ? ORDER BY entry_id, version",
            (*part, low),
        )
        current, record = None, None
        for eid, version, stored in rows:
            if eid != current:
                current, record = eid, None
            record = merged(record, stored, version)
            if version in wanted[eid]:
                out[(eid, version)] = record
    return out


def compact_versions(conn) -> int:
    """Rewrite whole records stored between keyframes as deltas (the step to schema 4); returns rows rewritten."""
    rows = conn.execute("SELECT id, entry_id, version, record FROM entry_versions ORDER BY entry_id, version")
    updates, current, previous = [], None, None
    for vid, eid, version, stored in rows:
        if eid != current:
            current, previous = eid, None
        record = merged(previous, stored, version)
        text = stored_record(version, record, previous)
        if text != stored:
            updates.append((text, vid))
        previous = record
    conn.executemany("UPDATE entry_versions SET record = ? WHERE id = ?", updates)
    return len(updates)
